//! An HTTP response as a web archive stores it: status line, headers, and a body that may be
//! sent in chunks or compressed (`Transfer-Encoding: chunked`, `Content-Encoding: gzip`).

use std::io::Read;

pub(super) struct Response<'a> {
    pub status: u16,
    headers: Vec<(String, String)>,
    raw_body: &'a [u8],
    /// The 1-based line of the record's content on which the body starts.
    pub body_line: u64,
}

impl<'a> Response<'a> {
    /// The response in a record's content; `None` when it is not an HTTP response.
    pub fn parse(content: &'a [u8]) -> Result<Option<Response<'a>>, String> {
        if !content.starts_with(b"HTTP/") {
            return Ok(None);
        }
        let end = find(content, b"\r\n\r\n")
            .map(|i| i + 4)
            .or_else(|| find(content, b"\n\n").map(|i| i + 2))
            .ok_or("HTTP response without the blank line that ends its headers")?;
        let head = String::from_utf8_lossy(&content[..end]);
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or("HTTP response without a status code")?;
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Ok(Some(Response {
            status,
            headers,
            raw_body: &content[end..],
            body_line: 1 + content[..end].iter().filter(|&&b| b == b'\n').count() as u64,
        }))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the body is a web page: by its type, or by its first bytes when it has none.
    pub fn is_html(&self) -> bool {
        match self.header("content-type") {
            Some(t) => {
                let t = t.to_ascii_lowercase();
                t.contains("text/html") || t.contains("xhtml")
            }
            None => {
                let start: Vec<u8> = self
                    .raw_body
                    .iter()
                    .take(256)
                    .map(u8::to_ascii_lowercase)
                    .collect();
                find(&start, b"<html").is_some() || find(&start, b"<!doctype html").is_some()
            }
        }
    }

    /// The character set the `Content-Type` names, if any.
    pub fn charset(&self) -> Option<String> {
        let t = self.header("content-type")?.to_ascii_lowercase();
        let (_, rest) = t.split_once("charset=")?;
        Some(rest.split(';').next()?.trim().trim_matches('"').to_string())
    }

    /// The body as the server meant it: joined from its chunks, decompressed.
    pub fn body(&self) -> Result<Vec<u8>, String> {
        let chunked = self
            .header("transfer-encoding")
            .is_some_and(|t| t.eq_ignore_ascii_case("chunked"));
        let body = if chunked {
            dechunk(self.raw_body)?
        } else {
            self.raw_body.to_vec()
        };
        let mut out = Vec::new();
        let limit = super::MAX_FILE_BYTES;
        let result = match self
            .header("content-encoding")
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("identity") | Some("") => return Ok(body),
            Some("gzip") | Some("x-gzip") => flate2::read::MultiGzDecoder::new(&body[..])
                .take(limit)
                .read_to_end(&mut out),
            Some("deflate") => flate2::read::ZlibDecoder::new(&body[..])
                .take(limit)
                .read_to_end(&mut out),
            Some(other) => {
                return Err(format!(
                    "body in an encoding newsdex does not read ({other})"
                ))
            }
        };
        result.map_err(|e| format!("corrupt compressed body ({e})"))?;
        Ok(out)
    }
}

/// Joins a chunked body's chunks.
fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let eol = find(raw, b"\n").ok_or("chunked body cut short")?;
        let size_text = String::from_utf8_lossy(&raw[..eol]);
        let size_text = size_text.trim().split(';').next().unwrap_or("");
        let size =
            usize::from_str_radix(size_text, 16).map_err(|_| "bad chunk size in chunked body")?;
        raw = &raw[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = raw.get(..size).ok_or("chunked body cut short")?;
        out.extend_from_slice(chunk);
        raw = &raw[size..];
        raw = raw
            .strip_prefix(b"\r\n")
            .or_else(|| raw.strip_prefix(b"\n"))
            .unwrap_or(raw);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn chunked_and_gzip_bodies() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n5\r\n<p>ze\r\n4\r\nbra.\r\n0\r\n\r\n";
        let r = Response::parse(raw).unwrap().unwrap();
        assert_eq!((r.status, r.body_line), (200, 5));
        assert!(r.is_html());
        assert_eq!(r.charset().as_deref(), Some("iso-8859-1"));
        assert_eq!(r.body().unwrap(), b"<p>zebra.");
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b"<p>gzipped</p>").unwrap();
        let mut raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(e.finish().unwrap());
        let r = Response::parse(&raw).unwrap().unwrap();
        assert_eq!(r.body().unwrap(), b"<p>gzipped</p>");
        assert!(Response::parse(b"GET / HTTP/1.1\r\n\r\n")
            .unwrap()
            .is_none());
    }
}
