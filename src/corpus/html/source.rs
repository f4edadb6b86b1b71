//! The page as written: checking that it is whole (no tag or comment left open at the end,
//! as in a truncated download), and finding the line on which an extracted text starts.
//!
//! Lines are found through the page's *skeleton*: the letters and digits of its text (outside
//! tags, comments, scripts and styles), lower-cased, each with its byte offset in the file.
//! Character references are left out of the skeleton, and so are the non-ASCII characters of
//! the text looked for, so `Fran&ccedil;ois` in the file and "François" extracted meet as
//! "franois", whatever markup or spacing lies between their words.

use crate::corpus::{FileError, LineIndex};

/// Elements whose content is not text a reader sees.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "textarea"];

/// How many skeleton characters of a text are looked for; fewer when the text is shorter.
const NEEDLE: usize = 48;
/// A text with a shorter skeleton than this is not looked for (too likely to match anywhere).
const MIN_NEEDLE: usize = 6;

/// A page's lines and skeleton.
pub(super) struct Source {
    lines: LineIndex,
    skeleton: String,
    offsets: Vec<u32>,
}

impl Source {
    /// Reads the page's skeleton; a tag or comment still open at the end of the file is
    /// malformed.
    pub(super) fn scan(text: &str) -> Result<Source, FileError> {
        let lines = LineIndex::new(text);
        let mut source = Source {
            lines,
            skeleton: String::new(),
            offsets: Vec::new(),
        };
        let bytes = text.as_bytes();
        let lower = text.to_ascii_lowercase();
        let mut i = 0;
        while let Some(lt) = memchr(b'<', bytes, i) {
            source.add_text(bytes, i, lt);
            i = if bytes[lt..].starts_with(b"<!--") {
                match text[lt + 4..].find("-->") {
                    Some(end) => lt + 4 + end + 3,
                    None => return Err(source.malformed(lt, "comment opened here is never closed")),
                }
            } else {
                let Some(end) = tag_end(bytes, lt + 1) else {
                    return Err(source.malformed(lt, "tag opened here is never closed"));
                };
                let name = tag_name(&lower[lt + 1..end]);
                if HIDDEN.contains(&name) && !text[lt..end].ends_with('/') {
                    skip_element(&lower, name, end + 1)
                } else {
                    end + 1
                }
            };
        }
        source.add_text(bytes, i, bytes.len());
        Ok(source)
    }

    /// The line on which `text` starts, looked for from skeleton position `*from` on (then
    /// from the start), which moves past a match so that the next text is looked for after
    /// it. `None` when the text is not found.
    pub(super) fn line_of(&self, text: &str, from: &mut usize) -> Option<u64> {
        let needle = skeleton_of(text, NEEDLE);
        if needle.len() < MIN_NEEDLE {
            return None;
        }
        let found = self.skeleton[*from..]
            .find(&needle)
            .map(|j| *from + j)
            .or_else(|| self.skeleton.find(&needle))?;
        *from = found + needle.len();
        Some(self.lines.line_of(self.offsets[found] as usize))
    }

    fn add_text(&mut self, bytes: &[u8], start: usize, end: usize) {
        let mut i = start;
        while i < end {
            let b = bytes[i];
            if b == b'&' {
                if let Some(semi) = bytes[i + 1..end.min(i + 34)]
                    .iter()
                    .position(|&c| c == b';')
                {
                    i += semi + 2;
                    continue;
                }
            }
            if b.is_ascii_alphanumeric() {
                self.skeleton.push(b.to_ascii_lowercase() as char);
                self.offsets.push(i as u32);
            }
            i += 1;
        }
    }

    fn malformed(&self, offset: usize, why: &str) -> FileError {
        FileError::Malformed {
            format: "HTML",
            why: format!("{why} (line {})", self.lines.line_of(offset)),
        }
    }
}

/// The first `max` skeleton characters of an extracted text.
fn skeleton_of(text: &str, max: usize) -> String {
    text.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase() as char)
        .take(max)
        .collect()
}

fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map(|j| from + j)
}

/// A tag's element name (lower-cased input), "" for `<!DOCTYPE>`, `<?xml?>` and the like.
fn tag_name(tag: &str) -> &str {
    let tag = tag.trim_start_matches('/');
    let end = tag
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(tag.len());
    &tag[..end]
}

/// Where reading resumes after a hidden element whose start tag ends before `from`: after
/// its end tag, or at the end of the file when it has none.
fn skip_element(lower: &str, name: &str, from: usize) -> usize {
    let close = format!("</{name}");
    match lower[from..].find(&close) {
        Some(j) => tag_end(lower.as_bytes(), from + j + 1).map_or(lower.len(), |e| e + 1),
        None => lower.len(),
    }
}

/// The index of the `>` that ends a tag whose name starts at `from`, skipping quoted
/// attribute values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (j, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(j),
            None => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_a_text_across_markup_and_references() {
        let page = "<html><head><title>T</title>\n<script>var s = 'Fran\u{e7}ois Dupont';</script></head>\n<body><p>The plan\nwould cost jobs.</p>\n<p>Their leader, Fran&ccedil;ois\n<b>Dupont</b>, called it absurd.</p></body></html>";
        let source = Source::scan(page).unwrap();
        let mut from = 0;
        assert_eq!(
            source.line_of("The plan would cost jobs.", &mut from),
            Some(3)
        );
        assert_eq!(
            source.line_of(
                "Their leader, François Dupont, called it absurd.",
                &mut from
            ),
            Some(5)
        );
        assert_eq!(source.line_of("Nowhere in the page", &mut from), None);
    }

    #[test]
    fn a_tag_or_comment_open_at_the_end_is_malformed() {
        let err = |page| Source::scan(page).err().unwrap().to_string();
        assert!(err("<p>text <a href=\"x").contains("never closed"));
        assert!(err("<p>text <!-- open").contains("comment"));
        assert!(Source::scan("<p>a > b</p>").is_ok());
    }
}
