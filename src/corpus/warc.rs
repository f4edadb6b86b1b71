//! Web archives (`.warc`, `.warc.gz`, as crawlers such as CC-NEWS and web archives write
//! them), read record by record from a stream, so that an archive of any size is read in
//! memory proportional to one record: each `response` record holding an HTML page fetched with
//! status 200 is one article (read as [`super::html`] reads a page), with the record's
//! `WARC-Target-URI` as its URL and, where the page gives no date, the record's `WARC-Date`.
//! Other records (requests, metadata, redirects, errors, images) are counted as ignored. A
//! record that cannot be read costs only that record; one larger than the size limit ends the
//! reading of the archive, since its end cannot be found without reading it through.
//!
//! Lines are those of the archive as it expands (`zcat pages.warc.gz | sed -n LINEp`).

use std::io::{BufRead, Read};

use super::{decode, html, BadRecord, Compression, FileError, Parsed, MAX_FILE_BYTES};
use crate::date::Date;

/// A record's WARC headers and content, and the line its content starts on.
struct Record {
    kind: String,
    uri: Option<String>,
    date: Option<String>,
    content: Vec<u8>,
    content_line: u64,
    line: u64,
}

/// Reads an archive's HTML responses.
pub(super) fn read(
    reader: &mut dyn BufRead,
    compression: Compression,
) -> Result<Parsed, FileError> {
    let mut archive = Archive {
        reader,
        compression,
        line: 1,
    };
    let mut parsed = Parsed::default();
    let mut first = true;
    // A run asked to stop drops the file in hand whole: there is no need to read it on.
    while !crate::interrupt::requested() {
        let record = match archive.next(first) {
            Ok(Some(r)) => r,
            Ok(None) => break,
            Err(Stop::Bad(bad)) => {
                parsed.bad_records.push(bad);
                break;
            }
            Err(Stop::File(e)) => return Err(e),
        };
        first = false;
        match page(&record) {
            Ok(Some(mut article)) => {
                article.ordinal = parsed.articles.len() as u64;
                parsed.articles.push(article);
            }
            Ok(None) => parsed.ignored_records += 1,
            Err(why) => parsed.bad_records.push(BadRecord {
                line: record.line,
                why,
            }),
        }
    }
    Ok(parsed)
}

enum Stop {
    /// The archive cannot be read on from here.
    Bad(BadRecord),
    /// The file is not an archive, or not readable.
    File(FileError),
}

struct Archive<'a> {
    reader: &'a mut dyn BufRead,
    compression: Compression,
    /// The line the reader is at.
    line: u64,
}

impl Archive<'_> {
    /// The next record, or `None` at the end of the archive.
    fn next(&mut self, first: bool) -> Result<Option<Record>, Stop> {
        let mut version = String::new();
        while version.trim().is_empty() {
            version.clear();
            if self.read_line(&mut version)? == 0 {
                return Ok(None);
            }
        }
        let line = self.line - 1;
        if !version.starts_with("WARC/") {
            let why = "not a WARC record (no 'WARC/' version line)".to_string();
            return Err(if first {
                Stop::File(FileError::Malformed {
                    format: "WARC",
                    why,
                })
            } else {
                Stop::Bad(BadRecord { line, why })
            });
        }
        let headers = self.headers()?;
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let Some(length) = get("Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
            return Err(Stop::Bad(BadRecord {
                line,
                why: "record without a Content-Length; the rest of the archive is not read".into(),
            }));
        };
        if length > MAX_FILE_BYTES {
            return Err(Stop::Bad(BadRecord {
                line,
                why: format!(
                    "record of {:.0} MB, over the {} MB limit; the rest of the archive is not read",
                    length as f64 / 1e6,
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            }));
        }
        let content_line = self.line;
        let mut content = Vec::with_capacity(length as usize);
        let got = (&mut *self.reader)
            .take(length)
            .read_to_end(&mut content)
            .map_err(|e| Stop::File(super::compression::corrupt(self.compression, e)))?;
        if (got as u64) < length {
            return Err(Stop::Bad(BadRecord {
                line,
                why: "record cut short: the archive ends inside it".into(),
            }));
        }
        self.line += content.iter().filter(|&&b| b == b'\n').count() as u64;
        Ok(Some(Record {
            kind: get("WARC-Type").unwrap_or_default(),
            uri: get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string()),
            date: get("WARC-Date"),
            content,
            content_line,
            line,
        }))
    }

    /// Header lines up to the blank line that ends them.
    fn headers(&mut self) -> Result<Vec<(String, String)>, Stop> {
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            if self.read_line(&mut line)? == 0 || line.trim().is_empty() {
                return Ok(headers);
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }

    fn read_line(&mut self, line: &mut String) -> Result<usize, Stop> {
        let mut bytes = Vec::new();
        let n = (&mut *self.reader)
            .take(64 * 1024)
            .read_until(b'\n', &mut bytes)
            .map_err(|e| Stop::File(super::compression::corrupt(self.compression, e)))?;
        self.line += 1;
        line.push_str(&String::from_utf8_lossy(&bytes));
        Ok(n)
    }
}

/// The article of a response record holding an HTML page fetched with status 200, `None` for
/// any other record.
fn page(record: &Record) -> Result<Option<crate::article::Article>, String> {
    if !record.kind.eq_ignore_ascii_case("response") {
        return Ok(None);
    }
    let Some(response) = super::http::Response::parse(&record.content)? else {
        return Ok(None);
    };
    if response.status != 200 || !response.is_html() {
        return Ok(None);
    }
    let body = response.body()?;
    let text = match response
        .charset()
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
    {
        Some(enc) if enc != encoding_rs::UTF_8 => enc.decode(&body).0.into_owned(),
        _ => decode(&body).map_err(|e| e.to_string())?.text,
    };
    let mut parsed = html::read(&text).map_err(|e| e.to_string())?;
    let mut article = parsed.articles.remove(0);
    // Lines of the page are lines of the archive from where the page's body starts.
    let offset = record.content_line + response.body_line - 2;
    article.title_line += offset;
    for p in &mut article.paragraphs {
        p.line += offset;
    }
    if let Some(uri) = &record.uri {
        article.url = Some(uri.clone());
    }
    if article.date.is_none() {
        article.date = record.date.as_deref().and_then(Date::parse);
    }
    Ok(Some(article))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, content: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-06-20T08:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{content}\r\n\r\n",
            content.len()
        )
    }

    #[test]
    fn reads_html_responses_and_ignores_the_rest() {
        let page = "<html><head><title>Zebra news</title></head>\n<body><p>A zebra escaped from the zoo on Monday.</p></body></html>";
        let ok = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        let archive = [
            record("warcinfo", "", "software: test\r\n"),
            record("request", "https://x.org/a", "GET /a HTTP/1.1\r\n\r\n"),
            record("response", "https://x.org/a", &ok),
            record(
                "response",
                "https://x.org/gone",
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>Not found</p>",
            ),
            record(
                "response",
                "https://x.org/logo.png",
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
            ),
        ]
        .concat();
        let parsed = read(&mut archive.as_bytes(), Compression::None).unwrap();
        assert_eq!(parsed.articles.len(), 1);
        assert_eq!(parsed.ignored_records, 4);
        let a = &parsed.articles[0];
        assert_eq!(a.title, "Zebra news");
        assert_eq!(a.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-06-20"));
        let line = archive
            .lines()
            .position(|l| l.contains("A zebra escaped"))
            .unwrap() as u64
            + 1;
        assert_eq!(a.paragraphs[0].line, line);
    }

    #[test]
    fn a_file_that_is_not_an_archive_and_a_cut_record() {
        assert!(read(&mut &b"<html>"[..], Compression::None).is_err());
        let cut =
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n";
        let parsed = read(&mut cut.as_bytes(), Compression::None).unwrap();
        assert!(parsed.bad_records[0].why.contains("cut short"));
    }
}
