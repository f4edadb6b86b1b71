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

#[derive(PartialEq, Clone, Copy)]
enum Capture {
    None,
    Title,
    H1,
    P,
    Block,
}

pub(super) fn read(text: &str) -> Result<Parsed, FileError> {
    let lines = LineIndex::new(text);
    let bytes = text.as_bytes();
    // For finding end tags case-insensitively without copying the rest of the file each time.
    let lower = text.to_ascii_lowercase();
    let mut title = String::new();
    let mut h1 = String::new();
    let mut title_line = 1;
    let mut p_paragraphs: Vec<Paragraph> = Vec::new();
    let mut block_paragraphs: Vec<Paragraph> = Vec::new();
    let mut capture = Capture::None;
    let mut buf = String::new();
    let mut buf_start = 0usize;
    let mut i = 0usize;

    let mut flush = |capture: Capture, buf: &mut String, start: usize| {
        let text = fold_whitespace(&decode_entities(buf));
        buf.clear();
        if text.is_empty() {
            return;
        }
        let para = Paragraph {
            line: lines.line_of(start),
            text,
        };
        match capture {
            Capture::P => p_paragraphs.push(para),
            Capture::Block => block_paragraphs.push(para),
            Capture::Title if title.is_empty() => {
                title = para.text;
                title_line = para.line;
            }
            Capture::H1 if h1.is_empty() => h1 = para.text,
            _ => {}
        }
    };

    while i < bytes.len() {
        let Some(lt) = text[i..].find('<').map(|j| i + j) else {
            if capture != Capture::None {
                buf.push_str(&text[i..]);
            }
            break;
        };
        if capture != Capture::None {
            if buf.is_empty() {
                buf_start = i;
            }
            buf.push_str(&text[i..lt]);
        } else if !text[i..lt].trim().is_empty() {
            // Loose text outside any paragraph: collect it as a block.
            capture = Capture::Block;
            buf_start = i + (text[i..lt].len() - text[i..lt].trim_start().len());
            buf.push_str(&text[i..lt]);
        }
        if text[lt..].starts_with("<!--") {
            match text[lt + 4..].find("-->") {
                Some(end) => i = lt + 4 + end + 3,
                None => return Err(malformed(&lines, lt, "comment opened here is never closed")),
            }
            continue;
        }
        let Some(end) = tag_end(bytes, lt + 1) else {
            return Err(malformed(&lines, lt, "tag opened here is never closed"));
        };
        let tag = &text[lt + 1..end];
        i = end + 1;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue; // <!DOCTYPE>, <?xml?>, stray '<'
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            let close = format!("</{name}");
            match lower[i..].find(&close) {
                Some(j) => {
                    let after = i + j;
                    i = tag_end(bytes, after + 1).map_or(text.len(), |e| e + 1);
                }
                None => i = text.len(),
            }
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            flush(capture, &mut buf, buf_start);
            capture = Capture::None;
            if !closing {
                capture = match name.as_str() {
                    "p" => Capture::P,
                    "title" => Capture::Title,
                    "h1" => Capture::H1,
                    "br" | "hr" | "html" | "head" | "body" | "ul" | "ol" | "table" | "tr" => {
                        Capture::None
                    }
                    _ => Capture::Block,
                };
                buf_start = i;
            }
        } else if capture != Capture::None {
            buf.push(' ');
        }
    }
    flush(capture, &mut buf, buf_start);

    let paragraphs = if p_paragraphs.is_empty() {
        block_paragraphs
    } else {
        p_paragraphs
    };
    if paragraphs.is_empty() && title.is_empty() && h1.is_empty() {
        return Err(FileError::malformed("no text found in the HTML"));
    }
    let title = if title.is_empty() { h1 } else { title };
    Ok(Parsed {
        articles: vec![Article {
            title,
            title_line,
            paragraphs,
            ..Default::default()
        }],
        ..Parsed::default()
    })
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
