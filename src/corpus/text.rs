//! Plain text (`.txt`) and Markdown (`.md`) articles: one article per file.
//!
//! The first non-empty line is the title when it reads as a heading (at most 20 words, no
//! final period); Markdown may instead give it in front matter between `---` lines, with
//! date, source, url and author. Paragraphs are separated by blank lines, or by single
//! newlines where each line is a paragraph of its own (lines that look hard-wrapped, as in
//! wire copy, are joined back into one paragraph). Character references left from a web
//! page ("Jos&#233;", "&#163;5m") are decoded.

use super::{decode_entities, FileError, Parsed};
use crate::article::{Article, Paragraph};
use crate::date::Date;

pub(super) fn read(text: &str, markdown: bool) -> Result<Parsed, FileError> {
    let mut article = Article::default();
    let mut body_start_line = 1u64;
    let mut body = text;
    if markdown {
        if let Some((meta, rest, lines)) = front_matter(text)? {
            for (key, value) in meta {
                match key.as_str() {
                    "title" => article.title = decode_entities(&value),
                    "date" => article.date = Date::parse(&value),
                    "source" => article.source = Some(value),
                    "url" => article.url = Some(value),
                    "author" => article.author = Some(value),
                    _ => {}
                }
            }
            body = rest;
            body_start_line = lines + 1;
        }
    }
    let mut paragraphs = paragraphs(body, body_start_line);
    if markdown {
        for p in &mut paragraphs {
            let stripped = p.text.trim_start_matches('#').trim_start();
            if stripped.len() != p.text.len() {
                p.text = stripped.to_string();
            }
        }
    }
    if let Some(first) = paragraphs.first() {
        let heading = !first.text.contains('\n') && reads_as_heading(&first.text);
        if article.title.is_empty() && heading {
            article.title = first.text.trim().to_string();
            article.title_line = first.line;
            paragraphs.remove(0);
        } else if heading && first.text.trim() == article.title.trim() {
            // The body repeats the front-matter title.
            article.title_line = first.line;
            paragraphs.remove(0);
        } else {
            article.title_line = first.line;
        }
    }
    article.paragraphs = paragraphs;
    Ok(Parsed {
        articles: vec![article],
        ..Parsed::default()
    })
}

/// Whether a line reads as a heading: short, and not ending like a sentence.
pub(super) fn reads_as_heading(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (1..=20).contains(&words)
        && !line.ends_with('.')
        && !line.ends_with(',')
        && !line.ends_with(':')
}

type FrontMatter<'a> = (Vec<(String, String)>, &'a str, u64);

/// Splits `---` front matter off a Markdown file: its `key: value` pairs, the rest of the file,
/// and the number of lines the front matter took.
fn front_matter(text: &str) -> Result<Option<FrontMatter<'_>>, FileError> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok(None);
    };
    let mut pairs = Vec::new();
    let mut offset = text.len() - rest.len();
    let mut lines = 1u64;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        lines += 1;
        let trimmed = line.trim();
        if trimmed == "---" {
            return Ok(Some((pairs, &text[offset..], lines)));
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            pairs.push((key.trim().to_ascii_lowercase(), value.to_string()));
        }
    }
    Err(FileError::malformed(
        "front matter opened with --- on line 1 is never closed",
    ))
}

/// Splits text into paragraphs, numbering lines from `first_line`. The character references
/// that text taken from web pages keeps ("Jos&#233; Manuel Barroso", "AT&amp;T") are
/// decoded, as Markdown decodes them ([`decode_entities`]).
pub(crate) fn paragraphs(text: &str, first_line: u64) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<(u64, &str)> = Vec::new();
    for (line_no, line) in (first_line..).zip(text.lines()) {
        if line.trim().is_empty() {
            flush_block(&mut block, &mut out);
        } else {
            block.push((line_no, line));
        }
    }
    flush_block(&mut block, &mut out);
    for p in out.iter_mut().filter(|p| p.text.contains('&')) {
        // Line by line: a line break a reference stands for ("&#10;") is a space, so that
        // a paragraph keeps the lines of the file.
        let lines: Vec<String> = p
            .text
            .split('\n')
            .map(|line| decode_entities(line).replace(['\n', '\r'], " "))
            .collect();
        p.text = lines.join("\n");
    }
    out
}

/// Turns a block of consecutive non-blank lines into paragraphs: one per line, or one for the
/// whole block when its lines look hard-wrapped (three or more lines of at most 100
/// characters, most not ending a sentence).
fn flush_block(block: &mut Vec<(u64, &str)>, out: &mut Vec<Paragraph>) {
    if block.is_empty() {
        return;
    }
    let ends_sentence = |l: &str| {
        let l = l.trim_end();
        l.ends_with(['.', '?', '!', '"', '\u{201d}', ':'])
    };
    let wrapped = block.len() >= 3
        && block.iter().all(|(_, l)| l.chars().count() <= 100)
        && block.iter().filter(|(_, l)| !ends_sentence(l)).count() * 2 > block.len();
    if wrapped {
        let text = block
            .iter()
            .map(|(_, l)| l.trim())
            .collect::<Vec<_>>()
            .join("\n");
        out.push(Paragraph {
            line: block[0].0,
            text,
        });
    } else {
        out.extend(block.iter().map(|&(line, l)| Paragraph {
            line,
            text: l.trim().to_string(),
        }));
    }
    block.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_references_left_from_web_pages_are_decoded() {
        let p = paragraphs(
            "EC President Jos&#233; Manuel Barroso said AT&amp;T paid &#163;5m.\n\nR&D & more.",
            3,
        );
        assert_eq!(
            p.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            [
                "EC President José Manuel Barroso said AT&T paid £5m.",
                "R&D & more."
            ]
        );
        assert_eq!(p[1].line, 5);
        let p = paragraphs("One&#10;line&#13;only.", 1);
        assert_eq!(p[0].text, "One line only.");
    }

    #[test]
    fn bbc_style_title_and_paragraphs() {
        let p = read("Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.\n\nThe firm said so.\n", false)
            .unwrap();
        let a = &p.articles[0];
        assert_eq!(a.title, "Ad sales boost Time Warner profit");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[0].line, 3);
        assert_eq!(a.paragraphs[1].line, 5);
    }

    #[test]
    fn sentence_first_line_is_not_a_title() {
        let p = read("North Korea sent troops.\nA second paragraph.\n", false).unwrap();
        let a = &p.articles[0];
        assert_eq!(a.title, "");
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[1].line, 2);
    }

    #[test]
    fn wrapped_lines_join() {
        let text = "Title here\n\nShowers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.\n";
        let a = &read(text, false).unwrap().articles[0];
        assert_eq!(a.paragraphs.len(), 1);
        assert_eq!(a.paragraphs[0].line, 3);
    }

    #[test]
    fn markdown_front_matter() {
        let text = "---\ntitle: \"Troops\"\ndate: 2024-10-18\nsource: Yonhap\nurl: https://example.org/a\n---\n\n# Troops\n\nFirst paragraph.\n";
        let a = &read(text, true).unwrap().articles[0];
        assert_eq!(a.title, "Troops");
        assert_eq!(a.date, Date::new(2024, 10, 18));
        assert_eq!(a.source.as_deref(), Some("Yonhap"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.paragraphs.len(), 1);
        assert_eq!(a.paragraphs[0].line, 10);
        assert!(read("---\ntitle: x\nno end\n", true).is_err());
    }
}
