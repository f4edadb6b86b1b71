//! HTML articles (`.html`, `.htm`): the title from `<title>` or `<h1>`, paragraphs from `<p>`
//! (or, on a page without any, from other block elements), with scripts, styles, navigation,
//! headers, footers, asides and forms dropped.
//!
//! The scanner is tolerant of sloppy markup (unclosed `<p>`, stray end tags, unquoted
//! attributes); a tag or comment left open at the end of the file is malformed.

use super::{decode_entities, FileError, LineIndex, Parsed};
use crate::article::{fold_whitespace, Article, Paragraph};

/// Elements whose whole content is dropped.
const SKIP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "template",
    "iframe", "button", "select",
];
/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "body",
    "html",
    "head",
    "title",
    "br",
    "hr",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
];

/// What the text being read belongs to.
#[derive(PartialEq, Clone, Copy)]
enum Capture {
    None,
    Title,
    H1,
    P,
    Block,
}

pub(super) fn read(text: &str) -> Result<Parsed, FileError> {
    let mut page = Page::new(text);
    let bytes = text.as_bytes();
    // For finding end tags case-insensitively without copying the rest of the file each time.
    let lower = text.to_ascii_lowercase();
    let mut i = 0usize;
    while i < bytes.len() {
        let Some(lt) = text[i..].find('<').map(|j| i + j) else {
            page.rest(i);
            break;
        };
        page.text(i, lt);
        if text[lt..].starts_with("<!--") {
            match text[lt + 4..].find("-->") {
                Some(end) => i = lt + 4 + end + 3,
                None => {
                    return Err(malformed(
                        &page.lines,
                        lt,
                        "comment opened here is never closed",
                    ))
                }
            }
            continue;
        }
        let Some(end) = tag_end(bytes, lt + 1) else {
            return Err(malformed(
                &page.lines,
                lt,
                "tag opened here is never closed",
            ));
        };
        let tag = &text[lt + 1..end];
        i = end + 1;
        let closing = tag.starts_with('/');
        let name = tag_name(tag);
        if name.is_empty() {
            continue; // <!DOCTYPE>, <?xml?>, stray '<'
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            i = skip_element(text, &lower, &name, i);
            continue;
        }
        page.tag(&name, closing, i);
    }
    page.finish()
}

/// A tag's element name, in lower case ("" for `<!DOCTYPE>` and the like).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Where reading resumes after a dropped element (`<script>`...) whose start tag ends
/// before `from`: after its end tag, or at the end of the file when it has none.
fn skip_element(text: &str, lower: &str, name: &str, from: usize) -> usize {
    let close = format!("</{name}");
    match lower[from..].find(&close) {
        Some(j) => tag_end(text.as_bytes(), from + j + 1).map_or(text.len(), |e| e + 1),
        None => text.len(),
    }
}

/// A page being read: its title, first `<h1>`, and paragraphs from `<p>` and from other
/// block elements, with the text being collected.
struct Page<'a> {
    source: &'a str,
    lines: LineIndex,
    title: String,
    title_line: u64,
    h1: String,
    p_paragraphs: Vec<Paragraph>,
    block_paragraphs: Vec<Paragraph>,
    capture: Capture,
    buf: String,
    buf_start: usize,
}

impl<'a> Page<'a> {
    fn new(source: &'a str) -> Page<'a> {
        Page {
            source,
            lines: LineIndex::new(source),
            title: String::new(),
            title_line: 1,
            h1: String::new(),
            p_paragraphs: Vec::new(),
            block_paragraphs: Vec::new(),
            capture: Capture::None,
            buf: String::new(),
            buf_start: 0,
        }
    }

    /// The text between tags at `start..end`: collected when inside an element that holds
    /// text; loose text outside any paragraph starts a block.
    fn text(&mut self, start: usize, end: usize) {
        let text = &self.source[start..end];
        if self.capture != Capture::None {
            if self.buf.is_empty() {
                self.buf_start = start;
            }
            self.buf.push_str(text);
        } else if !text.trim().is_empty() {
            self.capture = Capture::Block;
            self.buf_start = start + (text.len() - text.trim_start().len());
            self.buf.push_str(text);
        }
    }

    /// The text after the last tag, kept only inside an element that holds text.
    fn rest(&mut self, start: usize) {
        if self.capture != Capture::None {
            self.buf.push_str(&self.source[start..]);
        }
    }

    /// A tag that ends at `after`: a block element ends the paragraph in hand (and a start
    /// tag begins the next); an inline one separates words.
    fn tag(&mut self, name: &str, closing: bool, after: usize) {
        if !BLOCK.contains(&name) {
            if self.capture != Capture::None {
                self.buf.push(' ');
            }
            return;
        }
        self.flush();
        self.capture = Capture::None;
        if !closing {
            self.capture = match name {
                "p" => Capture::P,
                "title" => Capture::Title,
                "h1" => Capture::H1,
                "br" | "hr" | "html" | "head" | "body" | "ul" | "ol" | "table" | "tr" => {
                    Capture::None
                }
                _ => Capture::Block,
            };
            self.buf_start = after;
        }
    }

    /// Files the collected text where it belongs.
    fn flush(&mut self) {
        let text = fold_whitespace(&decode_entities(&self.buf));
        self.buf.clear();
        if text.is_empty() {
            return;
        }
        let para = Paragraph {
            line: self.lines.line_of(self.buf_start),
            text,
        };
        match self.capture {
            Capture::P => self.p_paragraphs.push(para),
            Capture::Block => self.block_paragraphs.push(para),
            Capture::Title if self.title.is_empty() => {
                self.title = para.text;
                self.title_line = para.line;
            }
            Capture::H1 if self.h1.is_empty() => self.h1 = para.text,
            _ => {}
        }
    }

    /// The article: the `<p>` paragraphs (the other blocks' when there are none), titled by
    /// `<title>` or `<h1>`.
    fn finish(mut self) -> Result<Parsed, FileError> {
        self.flush();
        let paragraphs = if self.p_paragraphs.is_empty() {
            self.block_paragraphs
        } else {
            self.p_paragraphs
        };
        if paragraphs.is_empty() && self.title.is_empty() && self.h1.is_empty() {
            return Err(FileError::malformed("no text found in the HTML"));
        }
        let title = if self.title.is_empty() {
            self.h1
        } else {
            self.title
        };
        Ok(Parsed {
            articles: vec![Article {
                title,
                title_line: self.title_line,
                paragraphs,
                ..Default::default()
            }],
            ..Parsed::default()
        })
    }
}

fn malformed(lines: &LineIndex, offset: usize, why: &str) -> FileError {
    FileError::Malformed {
        format: "HTML",
        why: format!("{why} (line {})", lines.line_of(offset)),
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
    fn reads_title_and_paragraphs_dropping_scripts() {
        let html = "<!DOCTYPE html>\n<html><head><title>Troops &amp; tanks</title>\n<script>var x = '<p>no</p>';</script><style>p{}</style></head>\n<body><nav><a href=\"/\">Home</a></nav>\n<h1>Troops</h1>\n<p>First <b>bold</b> paragraph.\n<p class=\"x\">Second one.</p>\n<!-- a comment <p>hidden</p> -->\n<footer>(c) 2024</footer></body></html>\n";
        let p = read(html).unwrap();
        let a = &p.articles[0];
        assert_eq!(a.title, "Troops & tanks");
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec!["First bold paragraph.", "Second one."]);
        assert_eq!(a.paragraphs[0].line, 6);
        assert_eq!(a.paragraphs[1].line, 7);
    }

    #[test]
    fn h1_title_and_div_fallback() {
        let a = &read("<h1>Head</h1><div>Body text here.</div>")
            .unwrap()
            .articles[0];
        assert_eq!(a.title, "Head");
        assert_eq!(a.paragraphs[0].text, "Body text here.");
    }

    #[test]
    fn broken_html_is_malformed() {
        assert!(read("<p>text <a href=\"x")
            .unwrap_err()
            .to_string()
            .contains("never closed"));
        assert!(read("<p>text <!-- open")
            .unwrap_err()
            .to_string()
            .contains("comment"));
        assert!(read("<script>only</script>")
            .unwrap_err()
            .to_string()
            .contains("no text"));
    }
}
