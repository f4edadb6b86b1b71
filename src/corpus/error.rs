//! What can go wrong reading a file: the whole file is skipped ([`FileError`]), or one record
//! of many is ([`BadRecord`]). Each says what is wrong; the path is added where the message
//! is printed ([`crate::messages`]).

/// Why a whole file was skipped.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    #[error("binary file (contains NUL bytes)")]
    Binary,
    #[error("empty file")]
    Empty,
    #[error(
        "too large ({megabytes:.0} MB; files over {limit_megabytes} MB are skipped: split it)"
    )]
    TooLarge {
        megabytes: f64,
        limit_megabytes: u64,
    },
    #[error(
        "expands to more than {limit_megabytes} MB (from {compressed_megabytes:.1} MB compressed): refused, as a decompression bomb would be; split it"
    )]
    ExpandsTooLarge {
        compressed_megabytes: f64,
        limit_megabytes: u64,
    },
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// The file's format is broken (`format`: "HTML", "SGML", or empty when any format).
    #[error("malformed{}{format}: {why}", if format.is_empty() { "" } else { " " })]
    Malformed { format: &'static str, why: String },
}

impl FileError {
    /// A file broken in a way any format can be.
    pub fn malformed(why: impl Into<String>) -> FileError {
        FileError::Malformed {
            format: "",
            why: why.into(),
        }
    }
}

/// A folder entry the walk could not visit (permissions, a symbolic link loop).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {why}")]
pub struct WalkError {
    pub path: String,
    pub why: String,
}

/// A record of a file of many (a JSON line, a Reuters story) that could not be read; the
/// others are.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {why}")]
pub struct BadRecord {
    pub line: u64,
    pub why: String,
}
