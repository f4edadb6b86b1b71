//! Reuters-21578 SGML (`.sgm`): each `<REUTERS>` element is one story, with `<DATE>`,
//! `<TITLE>`, `<DATELINE>` and `<BODY>` (or, for unprocessed stories, the bare `<TEXT>`).
//!
//! Body paragraphs start at indented lines, as the wire copy sets them. The closing "Reuter"
//! sign-off is taken off the text; every story is credited to Reuters as its source. An element
//! that is never closed is a bad record, and costs only itself.

use super::{decode_entities, BadRecord, FileError, LineIndex, Parsed};
use crate::article::{fold_whitespace, Article, Paragraph};
use crate::date::Date;

pub(super) fn read(text: &str) -> Result<Parsed, FileError> {
    let lines = LineIndex::new(text);
    let mut parsed = Parsed::default();
    let mut pos = 0;
    let mut ordinal = 0u64;
    while let Some(found) = text[pos..].find("<REUTERS") {
        let start = pos + found;
        let next_open = text[start + 8..].find("<REUTERS").map(|j| start + 8 + j);
        let close = text[start..].find("</REUTERS>").map(|j| start + j);
        match close {
            Some(end) if next_open.is_none_or(|n| end < n) => {
                let element = &text[start..end];
                match story(element, start, &lines, ordinal) {
                    Ok(a) => parsed.articles.push(a),
                    Err(why) => parsed.bad_records.push(BadRecord {
                        line: lines.line_of(start),
                        why,
                    }),
                }
                pos = end + "</REUTERS>".len();
            }
            _ => {
                parsed.bad_records.push(BadRecord {
                    line: lines.line_of(start),
                    why: "<REUTERS> element is never closed".into(),
                });
                pos = next_open.unwrap_or(text.len());
            }
        }
        ordinal += 1;
    }
    if ordinal == 0 {
        return Err(FileError::Malformed {
            format: "SGML",
            why: "no <REUTERS> element found".into(),
        });
    }
    Ok(parsed)
}

/// The content of the first `<tag ...>...</tag>` in `element`, and its byte offset there.
fn element_text<'a>(element: &'a str, tag: &str) -> Option<(usize, &'a str)> {
    let open = format!("<{tag}");
    let mut from = 0;
    loop {
        let i = from + element[from..].find(&open)?;
        let after = i + open.len();
        // `<TEXT` must not match `<TEXTS`: the name ends at '>' or white space.
        match element[after..].chars().next() {
            Some('>') | Some(' ') | Some('\t') | Some('\n') => {
                let content_start = after + element[after..].find('>')? + 1;
                let close = format!("</{tag}>");
                let end = content_start + element[content_start..].find(&close)?;
                return Some((content_start, &element[content_start..end]));
            }
            _ => from = after,
        }
    }
}

fn story(element: &str, base: usize, lines: &LineIndex, ordinal: u64) -> Result<Article, String> {
    let date = element_text(element, "DATE").and_then(|(_, d)| Date::parse(d));
    let (title_line, title) = element_text(element, "TITLE")
        .map(|(off, t)| {
            (
                lines.line_of(base + off),
                fold_whitespace(&decode_entities(t)),
            )
        })
        .unwrap_or((lines.line_of(base), String::new()));
    let (body_offset, body) = match element_text(element, "BODY") {
        Some(b) => b,
        None => {
            let (off, text) = element_text(element, "TEXT").ok_or("story has no <TEXT> element")?;
            // An unprocessed story: the text after any TITLE/DATELINE tags.
            let skip = ["</TITLE>", "</DATELINE>"]
                .iter()
                .filter_map(|t| text.find(t).map(|i| i + t.len()))
                .max()
                .unwrap_or(0);
            (off + skip, &text[skip..])
        }
    };
    let body = strip_signoff(body);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let indented = line.starts_with([' ', '\t']);
        let blank = line.trim().is_empty();
        if (indented || blank) && para_start.is_some() {
            push_paragraph(
                &mut paragraphs,
                body,
                para_start.take().unwrap(),
                offset,
                base + body_offset,
                lines,
            );
        }
        if !blank && para_start.is_none() {
            para_start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = para_start {
        push_paragraph(
            &mut paragraphs,
            body,
            s,
            body.len(),
            base + body_offset,
            lines,
        );
    }
    if title.is_empty() && paragraphs.is_empty() {
        return Err("story has neither title nor text".into());
    }
    Ok(Article {
        ordinal,
        title,
        title_line,
        date,
        source: Some("Reuters".into()),
        paragraphs,
        ..Default::default()
    })
}

fn push_paragraph(
    out: &mut Vec<Paragraph>,
    body: &str,
    start: usize,
    end: usize,
    body_base: usize,
    lines: &LineIndex,
) {
    let raw = &body[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let text = decode_entities(raw.trim());
    if !text.trim().is_empty() {
        out.push(Paragraph {
            line: lines.line_of(body_base + start + lead),
            text,
        });
    }
}

/// Takes the closing "Reuter" sign-off (and the `&#3;` end-of-text mark) off a body.
fn strip_signoff(body: &str) -> &str {
    let mut b = body.trim_end();
    b = b.strip_suffix("&#3;").unwrap_or(b).trim_end();
    for sign in ["Reuter", "REUTER"] {
        if let Some(rest) = b.strip_suffix(sign) {
            if rest.is_empty() || rest.ends_with(char::is_whitespace) {
                return rest;
            }
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>BAHIA COCOA REVIEW</TITLE>\n<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in\nthe Bahia cocoa zone.\n    The dry period means the temporao will be late &lt;this&gt; year.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"2\">\n<DATE>26-FEB-1987</DATE><TEXT TYPE=\"BRIEF\"><TITLE>SHORT ONE</TITLE></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"3\">\n<TEXT><BODY>cut off\n";

    #[test]
    fn reads_stories() {
        let p = read(SAMPLE).unwrap();
        assert_eq!(p.articles.len(), 2);
        let a = &p.articles[0];
        assert_eq!(a.title, "BAHIA COCOA REVIEW");
        assert_eq!(a.date, Date::new(1987, 2, 26));
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[0].line, 6);
        assert_eq!(a.paragraphs[1].line, 8);
        assert!(a.paragraphs[1].text.contains("late <this> year."));
        assert!(!a.paragraphs.iter().any(|p| p.text.contains("Reuter")));
        assert_eq!(p.articles[1].title, "SHORT ONE");
        assert_eq!(p.articles[1].ordinal, 1);
        assert_eq!(
            p.bad_records,
            vec![BadRecord {
                line: 15,
                why: "<REUTERS> element is never closed".into()
            }]
        );
    }
}
