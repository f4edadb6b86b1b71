//! JSON articles: `.json` (one article object, or an array of them) and `.jsonl`/`.ndjson`
//! (one object per line, read as a stream). Fields: `title`, the text in `body`, `text` or `content` (a string, or
//! an array of paragraph strings), `date`, `source` (or `agency`), `url`, `author`.
//!
//! Each record is parsed on its own, so one bad record costs only that record. A passage from
//! a JSON record points at the line on which its record starts.

use std::io::{BufRead, Read};

use serde_json::{Map, Value};

use super::text::{paragraphs, reads_as_heading};
use super::{decode, decode_entities, BadRecord, FileError, LineIndex, Parsed, MAX_FILE_BYTES};
use crate::article::Article;
use crate::date::Date;

pub(super) fn read_json(text: &str) -> Result<Parsed, FileError> {
    let trimmed = text.trim_start();
    let lines = LineIndex::new(text);
    let mut parsed = Parsed::default();
    if trimmed.starts_with('[') {
        let start = text.len() - trimmed.len();
        let (elements, trailing_error) = split_array(text, start);
        for (ordinal, (offset, slice)) in elements.into_iter().enumerate() {
            let line = lines.line_of(offset);
            record(&mut parsed, ordinal as u64, line, slice);
        }
        if let Some((offset, why)) = trailing_error {
            parsed.bad_records.push(BadRecord {
                line: lines.line_of(offset),
                why,
            });
        }
    } else {
        let start = text.len() - trimmed.len();
        record(&mut parsed, 0, lines.line_of(start), trimmed);
    }
    Ok(parsed)
}

/// JSON lines, read from a stream one line at a time: a file of any size is read in memory
/// for one line and the articles. Each line is UTF-8, or else Windows-1252 (with the file's
/// warning); a line longer than the size limit, or holding NUL bytes, is a bad record.
pub(super) fn read_lines(reader: &mut dyn BufRead) -> Result<Parsed, FileError> {
    let mut parsed = Parsed::default();
    let mut ordinal = 0;
    let mut bytes = Vec::new();
    for number in 1u64.. {
        bytes.clear();
        let n = (&mut *reader)
            .take(MAX_FILE_BYTES + 1)
            .read_until(b'\n', &mut bytes)
            .map_err(|e| FileError::Unreadable(e.to_string()))?;
        // A run asked to stop drops the file in hand whole: there is no need to read it on.
        if n == 0 || crate::interrupt::requested() {
            break;
        }
        if n as u64 > MAX_FILE_BYTES {
            let why = format!(
                "line over the {} MB limit; the rest of the file is not read",
                MAX_FILE_BYTES >> 20
            );
            parsed.bad_records.push(BadRecord { line: number, why });
            break;
        }
        let line = match decode(&bytes) {
            Ok(d) => {
                parsed.windows_1252 |= d.windows_1252;
                d.text
            }
            Err(FileError::Empty) => continue,
            Err(e) => {
                parsed.bad_records.push(BadRecord {
                    line: number,
                    why: e.to_string(),
                });
                continue;
            }
        };
        record(
            &mut parsed,
            ordinal,
            number,
            line.trim_end_matches(['\n', '\r']),
        );
        ordinal += 1;
    }
    Ok(parsed)
}

/// Parses one record and adds it as an article or as a bad record.
fn record(parsed: &mut Parsed, ordinal: u64, line: u64, json: &str) {
    let result = serde_json::from_str::<Value>(json)
        .map_err(|e| format!("invalid JSON: {e}"))
        .and_then(|v| match v {
            Value::Object(map) => article_from(&map, ordinal, line),
            _ => Err("not a JSON object".to_string()),
        });
    match result {
        Ok(a) => parsed.articles.push(a),
        Err(why) => parsed.bad_records.push(BadRecord { line, why }),
    }
}

fn string_field(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match map.get(*n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

fn article_from(map: &Map<String, Value>, ordinal: u64, line: u64) -> Result<Article, String> {
    let body = ["body", "text", "content"]
        .iter()
        .find_map(|n| match map.get(*n) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::Array(items)) => {
                let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                (!parts.is_empty()).then(|| parts.join("\n\n"))
            }
            _ => None,
        })
        .ok_or("record has no text (no body, text or content field)")?;
    let mut paras = paragraphs(&body, line);
    for p in &mut paras {
        p.line = line;
    }
    let mut title = string_field(map, &["title", "headline"])
        .map(|t| decode_entities(&t))
        .unwrap_or_default();
    if title.is_empty() {
        if let Some(first) = paras.first() {
            if reads_as_heading(&first.text) {
                title = paras.remove(0).text;
            }
        }
    }
    Ok(Article {
        ordinal,
        title,
        title_line: line,
        date: string_field(map, &["date", "published", "published_at", "datetime"])
            .and_then(|d| Date::parse(&d)),
        source: string_field(map, &["source", "agency", "sourceName"]),
        url: string_field(map, &["url", "link", "sourceUrl"]),
        author: string_field(map, &["author", "byline"]),
        paragraphs: paras,
        ..Default::default()
    })
}

/// Where an array breaks off (byte offset) and why.
type Broken = (usize, String);

/// Splits a JSON array starting at byte `start` into its elements' (offset, text), by
/// tracking nesting and strings. Returns also where and why the array is broken, if it is.
fn split_array(text: &str, start: usize) -> (Vec<(usize, &str)>, Option<Broken>) {
    let bytes = text.as_bytes();
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut element_start: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                if depth == 1 && element_start.is_none() {
                    element_start = Some(i);
                }
            }
            b'[' | b'{' => {
                if depth == 1 && element_start.is_none() {
                    element_start = Some(i);
                }
                depth += 1;
            }
            b']' | b'}' => {
                if depth == 0 {
                    return (elements, Some((i, format!("unbalanced '{}'", b as char))));
                }
                depth -= 1;
                if depth == 0 {
                    if let Some(s) = element_start.take() {
                        elements.push((s, text[s..i].trim_end()));
                    }
                    if !text[i + 1..].trim().is_empty() {
                        return (elements, Some((i + 1, "text after the closing ']'".into())));
                    }
                    return (elements, None);
                }
            }
            b',' if depth == 1 => {
                if let Some(s) = element_start.take() {
                    elements.push((s, text[s..i].trim_end()));
                }
            }
            _ if depth == 1 && element_start.is_none() && !b.is_ascii_whitespace() => {
                element_start = Some(i);
            }
            _ => {}
        }
    }
    let at = element_start.unwrap_or(text.len());
    (
        elements,
        Some((at, "the JSON array is never closed".into())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_with_a_bad_record() {
        let text = "[\n {\"title\": \"One\", \"body\": \"First story.\"},\n {\"title\": 5 \"body\"},\n {\"title\": \"Three\", \"text\": \"Third, with a ] and \\\" inside.\", \"date\": \"2004-03-01\"}\n]\n";
        let p = read_json(text).unwrap();
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.articles[0].title, "One");
        assert_eq!(p.articles[1].title, "Three");
        assert_eq!(p.articles[1].ordinal, 2);
        assert_eq!(p.articles[1].title_line, 4);
        assert_eq!(p.articles[1].date, Date::new(2004, 3, 1));
        assert_eq!(p.bad_records.len(), 1);
        assert!(
            p.bad_records[0]
                .to_string()
                .starts_with("line 3: invalid JSON"),
            "{:?}",
            p.bad_records
        );
    }

    #[test]
    fn single_object_and_unclosed_array() {
        let p = read_json("{\"title\": \"T\", \"content\": [\"a.\", \"b.\"]}").unwrap();
        assert_eq!(p.articles[0].paragraphs.len(), 2);
        let p = read_json("[{\"body\": \"ok.\"}, {\"body\": \"cut").unwrap();
        assert_eq!(p.articles.len(), 1);
        assert!(p.bad_records[0].why.contains("never closed"));
    }

    #[test]
    fn json_lines() {
        let p = read_lines(
            &mut "{\"body\": \"a.\"}\nnot json\n\n[1]\n{\"title\": \"no body\"}\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(p.articles.len(), 1);
        assert_eq!(p.bad_records.len(), 3);
        assert_eq!(p.bad_records[0].line, 2);
        assert!(p.bad_records[1].why.contains("not a JSON object"));
        assert!(p.bad_records[2].why.contains("no text"));
    }
}
