//! The corpus: walking a directory in a stable order, decoding each file's bytes, and handing
//! them to the reader for its format (one module per format), which yields [`Article`]s.
//!
//! Problems are values, not panics: a file that cannot be read is a [`FileError`]; one bad
//! record in a file of many is a [`Parsed::bad_records`] entry, and costs only that record.

mod compression;
mod error;
mod feed;
mod html;
mod http;
mod json;
mod sgml;
mod stream;
mod text;
mod warc;

pub use compression::{load, open, Compression, MAX_FILE_BYTES};
pub use error::{BadRecord, FileError, WalkError};
pub use stream::read_streamed;

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::article::Article;

/// The formats newsdex reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
    Html,
    Sgml,
    /// Web archives: `.warc`.
    Warc,
    /// RSS and Atom feeds: `.rss`, `.atom`, `.xml`.
    Feed,
}

impl Format {
    /// The format for a path's extension (the one before `.gz`, `.zst` or `.bz2` in a
    /// compressed file's name), or `None` for files newsdex does not read.
    pub fn of(path: &Path) -> Option<Format> {
        let (_, name) = Compression::of(path);
        let ext = Path::new(&name).extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "html" | "htm" => Format::Html,
            "sgm" | "sgml" => Format::Sgml,
            "warc" => Format::Warc,
            "rss" | "atom" | "xml" => Format::Feed,
            _ => return None,
        })
    }

    /// Whether files of this format are read as a stream, record by record, with no limit on
    /// their size (see [`read_streamed`]); the others are read whole (see [`load`]).
    pub fn is_streamed(self) -> bool {
        matches!(self, Format::Warc | Format::JsonLines)
    }
}

/// A file found by the walk.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// The path as shown to users and stored in the index: the corpus directory as given,
    /// joined with the path below it.
    pub path: String,
    pub fs_path: PathBuf,
    pub format: Format,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime: u128,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<FileEntry>,
    /// Files with an extension newsdex does not read.
    pub ignored: usize,
    /// Entries the walk could not visit (permissions, symlink loops).
    pub errors: Vec<WalkError>,
}

/// Walks `root` recursively in file-name order, following symbolic links (loops are reported,
/// not followed) and skipping hidden files and folders (names starting with `.`).
pub fn walk(root: &Path) -> Walk {
    let mut out = Walk::default();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop, not followed".to_string()
                } else {
                    err.io_error()
                        .map(|e| e.to_string())
                        .unwrap_or_else(|| err.to_string())
                };
                out.errors.push(WalkError { path, why: reason });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(format) = Format::of(entry.path()) else {
            out.ignored += 1;
            continue;
        };
        let (size, mtime) = match entry.metadata() {
            Ok(m) => (
                m.len(),
                m.modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos()),
            ),
            Err(e) => {
                out.errors.push(WalkError {
                    path: entry.path().display().to_string(),
                    why: e.to_string(),
                });
                continue;
            }
        };
        out.files.push(FileEntry {
            path: entry.path().to_string_lossy().into_owned(),
            fs_path: entry.path().to_path_buf(),
            format,
            size,
            mtime,
        });
    }
    out
}

/// A file's text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Set when the file was not valid UTF-8 and was decoded as Windows-1252.
    pub windows_1252: bool,
}

/// Decodes a file's bytes: UTF-8 (a byte-order mark is dropped), or Windows-1252 when the bytes
/// are not valid UTF-8. Binary (NUL bytes) and empty files are errors.
pub fn decode(bytes: &[u8]) -> Result<Decoded, FileError> {
    if bytes.contains(&0) {
        return Err(FileError::Binary);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            windows_1252: false,
        }),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                windows_1252: true,
            })
        }
    }
}

/// The articles read from one file, and the records that could not be read.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub bad_records: Vec<BadRecord>,
    /// Records that hold no article to read (a web archive's requests, redirects, errors and
    /// images).
    pub ignored_records: usize,
    /// The file was not valid UTF-8 and was decoded as Windows-1252.
    pub windows_1252: bool,
}

/// Reads the articles of a decoded file. `path` is the path shown to users; it and the
/// article's ordinal make the article's id. A file yielding no article at all is an error.
pub fn parse(path: &str, format: Format, text: &str) -> Result<Parsed, FileError> {
    let parsed = match format {
        Format::Text => text::read(text, false)?,
        Format::Markdown => text::read(text, true)?,
        Format::Json => json::read_json(text)?,
        Format::JsonLines => json::read_lines(&mut text.as_bytes())?,
        Format::Html => html::read(text)?,
        Format::Sgml => sgml::read(text)?,
        Format::Warc => warc::read(&mut text.as_bytes(), Compression::None)?,
        Format::Feed => feed::read(text)?,
    };
    finish(path, parsed)
}

/// What every reader's articles get: their path and id, a title (from the file name when they
/// have none), a date from a dateline when they have none, and the headline as text when they
/// have no other. A file yielding no article at all is an error, unless all it holds are
/// records with no article to read.
fn finish(path: &str, mut parsed: Parsed) -> Result<Parsed, FileError> {
    for article in &mut parsed.articles {
        article.path = path.to_string();
        article.id = crate::article::article_id(path, article.ordinal);
        if article.title.trim().is_empty() {
            article.title = title_from_path(path);
        }
        if article.date.is_none() {
            if let Some(first) = article.paragraphs.first() {
                article.date = crate::date::Date::from_dateline(&first.text);
            }
        }
        // A story with a headline and no body is still findable by its headline.
        if article.paragraphs.is_empty() {
            article.paragraphs.push(crate::article::Paragraph {
                line: article.title_line.max(1),
                text: article.title.clone(),
            });
        }
    }
    let only_ignored = parsed.ignored_records > 0 && parsed.bad_records.is_empty();
    if parsed.articles.is_empty() && !only_ignored {
        let why = parsed
            .bad_records
            .first()
            .map_or_else(|| "no article text found".into(), |bad| bad.to_string());
        return Err(FileError::malformed(why));
    }
    Ok(parsed)
}

/// Decodes and parses a file's bytes (see [`decode`] and [`parse`]). Shared by indexing and
/// `extract`.
pub fn read(path: &str, format: Format, bytes: &[u8]) -> Result<Parsed, FileError> {
    let decoded = decode(bytes)?;
    let mut parsed = parse(path, format, &decoded.text)?;
    parsed.windows_1252 = decoded.windows_1252;
    Ok(parsed)
}

/// A title made from a file name: `north-korea-troops.txt` gives `North korea troops`.
pub fn title_from_path(path: &str) -> String {
    let (_, name) = Compression::of(Path::new(path));
    let stem = Path::new(&name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// 1-based line number of each byte offset, by binary search over line starts.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: usize) -> u64 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u64 + 1,
            Err(i) => i as u64,
        }
    }
}

/// Decodes the character references that HTML and SGML use (`&amp;`, `&#39;`, `&#x2014;`,
/// `&nbsp;` and the common named ones). Control characters from numeric references (the
/// Reuters files' `&#3;`) are dropped. Unknown references are left as they are.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .char_indices()
            .take(10)
            .find(|&(_, c)| c == ';')
            .map(|(j, _)| j + 1);
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            code.and_then(char::from_u32).map(|c| {
                if c.is_control() && !c.is_whitespace() {
                    String::new()
                } else {
                    c.to_string()
                }
            })
        } else {
            let c = match name {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                "nbsp" => " ",
                "mdash" => "\u{2014}",
                "ndash" => "\u{2013}",
                "lsquo" => "\u{2018}",
                "rsquo" => "\u{2019}",
                "ldquo" => "\u{201c}",
                "rdquo" => "\u{201d}",
                "hellip" => "\u{2026}",
                "pound" => "\u{a3}",
                "euro" => "\u{20ac}",
                "copy" => "\u{a9}",
                _ => "",
            };
            (!c.is_empty()).then(|| c.to_string())
        };
        match decoded {
            Some(d) => {
                out.push_str(&d);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_windows_1252() {
        let d = decode("caf\u{e9}".as_bytes()).unwrap();
        assert_eq!(d.text, "caf\u{e9}");
        assert!(!d.windows_1252);
        let d = decode(b"\x93quoted\x94 \xa3600m").unwrap();
        assert_eq!(d.text, "\u{201c}quoted\u{201d} \u{a3}600m");
        assert!(d.windows_1252);
        assert_eq!(decode(b"ab\0cd").unwrap_err(), FileError::Binary);
        assert_eq!(decode(b"  \n").unwrap_err(), FileError::Empty);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("AT&amp;T &lt;b&gt; &#39;x&#39; &#x2014; &#3;"),
            "AT&T <b> 'x' \u{2014} "
        );
        assert_eq!(decode_entities("R&D & more &bogus;"), "R&D & more &bogus;");
    }

    #[test]
    fn line_index() {
        let li = LineIndex::new("a\nbc\n\nd");
        assert_eq!(li.line_of(0), 1);
        assert_eq!(li.line_of(2), 2);
        assert_eq!(li.line_of(3), 2);
        assert_eq!(li.line_of(5), 3);
        assert_eq!(li.line_of(6), 4);
    }

    #[test]
    fn titles_from_paths() {
        assert_eq!(
            title_from_path("corpus/north-korea_troops.txt"),
            "North korea troops"
        );
    }
}
