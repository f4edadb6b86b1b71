//! Every line newsdex writes on stderr, formatted in one place: `newsdex: ` and what
//! happened, with the file it happened to first. Libraries return typed errors and counts;
//! the commands print these lines (as ripgrep's `messages` does).

use std::fmt::Display;

use crate::corpus::BadRecord;

/// An error that ends the command, with its causes, on one line.
pub fn error(err: &anyhow::Error) -> String {
    let chain: Vec<String> = err.chain().map(|e| e.to_string()).collect();
    format!("newsdex: error: {}", chain.join(": "))
}

/// A note to the user that is not an error ("no index at index/, building it first").
pub fn note(text: impl Display) -> String {
    format!("newsdex: {text}")
}

/// The whole index's facets could not be kept after a run (the run itself succeeded).
pub fn facets_not_kept(err: &anyhow::Error) -> String {
    note(format_args!(
        "{err:#}; the whole index's facets will be counted at each request"
    ))
}

/// A whole file (or folder entry) left out, and why.
pub fn skipped(path: &str, why: impl Display) -> String {
    format!("newsdex: skipped: {path}: {why}")
}

/// A file left out by an earlier run, unchanged since.
pub fn skipped_unchanged(path: &str, why: impl Display) -> String {
    format!("newsdex: skipped (unchanged): {path}: {why}")
}

/// One record of a file left out; the file's other records are read.
pub fn skipped_record(path: &str, bad: &BadRecord) -> String {
    format!("newsdex: skipped record: {path}: {bad}")
}

/// A file read with a fallback encoding.
pub fn decoded_as_windows_1252(path: &str) -> String {
    format!("newsdex: warning: {path}: not valid UTF-8; decoded as Windows-1252")
}

/// The lines to show for a file that was read: its encoding fallback and skipped records.
pub fn file_warnings(path: &str, read: &crate::corpus::Parsed) -> Vec<String> {
    let encoding = read.windows_1252.then(|| decoded_as_windows_1252(path));
    encoding
        .into_iter()
        .chain(read.bad_records.iter().map(|bad| skipped_record(path, bad)))
        .collect()
}

/// A bug: what and where, and that the index is safe.
pub fn internal_error(what: &str, at: &str) -> String {
    format!(
        "newsdex: internal error: {what}{at} (please report it; the index keeps its last commit)"
    )
}
