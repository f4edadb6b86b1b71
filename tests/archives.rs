//! News as it is stored: compressed files, web archives (WARC) and feeds, indexed and
//! searched, re-read only when they change, with bad parts costing only themselves.

mod common;

use std::io::Write;
use std::path::Path;

use common::*;
use tempfile::TempDir;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn bzip2(bytes: &[u8]) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// One WARC record.
fn record(kind: &str, uri: &str, content: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2005-02-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{content}\r\n\r\n",
        uri.len() * 7919 + content.len(),
        content.len()
    )
}

/// A story as a news site's page: navigation, the headline, paragraphs, a footer.
fn page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><title>{title} - Daily Example</title>\n<meta property=\"og:site_name\" content=\"Daily Example\"></head>\n<body><nav><a href=\"/\">Frontpage</a> <a href=\"/business\">Business</a></nav>\n<article><h1>{title}</h1>\n{body}</article>\n<footer>Sitefooter Daily Example</footer></body></html>\n"
    )
}

/// The records a crawler writes for one page: the request, then the response.
fn crawl(uri: &str, status: &str, content_type: &str, body: &str) -> String {
    let request = format!("GET {uri} HTTP/1.1\r\nHost: example.org\r\n\r\n");
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    record("request", uri, &request) + &record("response", uri, &response)
}

/// Gzips each record on its own, as crawlers write `.warc.gz`.
fn warc_gz(records: &[String]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r.as_bytes())).collect()
}

#[test]
fn a_web_archive_of_news_pages_is_indexed_and_searched() {
    let Some(data) = shared_data("a_web_archive_of_news_pages_is_indexed_and_searched") else {
        return;
    };
    // 300 BBC business stories as pages, each fetched with its request, and 20 pages that
    // are gone (404) and 20 images: 300 articles, 340 records with none.
    let mut records = vec![record("warcinfo", "", "software: newsdex tests\r\n")];
    let dir = data.join("bbc/business");
    for i in 1..=300 {
        let text = std::fs::read_to_string(dir.join(format!("{i:03}.txt"))).unwrap();
        let mut parts = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
        let title = parts.next().unwrap().to_string();
        let paragraphs: Vec<&str> = parts.collect();
        let uri = format!("https://news.example/business/{i:03}");
        records.push(crawl(
            &uri,
            "200 OK",
            "text/html; charset=utf-8",
            &page(&title, &paragraphs),
        ));
        if i % 15 == 0 {
            let gone = format!("https://news.example/gone/{i}");
            records.push(crawl(
                &gone,
                "404 Not Found",
                "text/html",
                "<p>Not found</p>",
            ));
            let img = format!("https://news.example/img/{i}.png");
            records.push(crawl(&img, "200 OK", "image/png", "PNG"));
        }
    }
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let archive = write(&c, "crawl.warc.gz", warc_gz(&records));
    let idx = tmp.path().join("idx");
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s["articles_total"], 300, "{s}");
    assert_eq!(s["records_ignored"], 1 + 300 + 20 * 4, "{s}");
    let (hits, _) = search(&idx, &["\"Time Warner\" subscribers"]);
    let hit = &hits[0];
    assert_eq!(hit["title"], "Ad sales boost Time Warner profit");
    assert_eq!(hit["url"], "https://news.example/business/001");
    assert_eq!(
        hit["date"], "2005-02-01",
        "the record's date, where the page has none"
    );
    assert!(hit["text"]
        .as_str()
        .unwrap()
        .contains("It lost 464,000 subscribers"));
    // The line is the archive's, as it expands.
    let mut expanded = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::MultiGzDecoder::new(&std::fs::read(&archive).unwrap()[..]),
        &mut expanded,
    )
    .unwrap();
    let line = hit["line"].as_u64().unwrap() as usize;
    assert!(expanded
        .lines()
        .nth(line - 1)
        .unwrap()
        .contains("It lost 464,000 subscribers"));
    // Navigation, footers and the 404 pages are not indexed.
    for word in ["Frontpage", "Sitefooter", "\"Not found\""] {
        assert!(search(&idx, &[word]).0.is_empty(), "{word} is indexed");
    }
    // Unchanged, the archive is not read again.
    let (_, s) = index(&c, &idx, &[]);
    assert_eq!(s["files_unchanged"], 1, "{s}");
    assert_eq!(s["articles_total"], 300);
}

#[test]
fn compressed_json_lines_and_feeds_are_read_as_what_they_hold() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let lines = "{\"title\": \"Gz\", \"body\": \"A zebra in gzip.\", \"date\": \"2024-06-19\"}\n{\"title\": \"Bad\", \"body\": \n{\"title\": \"Gz2\", \"body\": \"Another zebra.\"}\n";
    write(&c, "dump.jsonl.gz", gzip(lines.as_bytes()));
    write(
        &c,
        "dump2.ndjson.zst",
        zstd::encode_all(
            "{\"title\": \"Zst\", \"body\": \"A zebra in zstd.\"}\n".as_bytes(),
            3,
        )
        .unwrap(),
    );
    let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire Feed</title>\n<item><title>Feed zebra</title><link>https://wire.example/1</link><pubDate>Wed, 19 Jun 2024 10:00:00 GMT</pubDate>\n<description>&lt;p&gt;A zebra in a feed.&lt;/p&gt;&lt;p&gt;Keepers said so.&lt;/p&gt;</description></item>\n</channel></rss>\n";
    write(&c, "feed.rss.bz2", bzip2(rss.as_bytes()));
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Wire</title>\n<entry><title>Atom zebra</title><link href=\"https://atom.example/1\"/><updated>2024-06-20T10:00:00Z</updated>\n<summary>A zebra in Atom.</summary></entry></feed>\n";
    write(&c, "atom.xml", atom);
    write(
        &c,
        "sitemap.xml",
        "<urlset><url><loc>https://x.org/</loc></url></urlset>",
    );
    let idx = tmp.path().join("idx");
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(
        r.code, 1,
        "a bad record and a file that is not a feed: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains("dump.jsonl.gz: line 2: invalid JSON"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("sitemap.xml: malformed feed: not an RSS or Atom feed"),
        "{}",
        r.stderr
    );
    assert_eq!(s["files_read"], 4, "{s}");
    let (hits, _) = search(&idx, &["zebra", "--limit", "10"]);
    let mut titles: Vec<&str> = hits.iter().map(|h| h["title"].as_str().unwrap()).collect();
    titles.sort();
    assert_eq!(titles, vec!["Atom zebra", "Feed zebra", "Gz", "Gz2", "Zst"]);
    let feed = hits.iter().find(|h| h["title"] == "Feed zebra").unwrap();
    assert_eq!(feed["url"], "https://wire.example/1");
    assert_eq!(feed["date"], "2024-06-19");
    assert_eq!(feed["line"], 4, "the line its text starts on");
    assert!(feed["path"].as_str().unwrap().ends_with("feed.rss.bz2"));
    assert!(
        search(&idx, &["--agency", "Wire Feed"]).0.len() == 2,
        "the feed's title is the source"
    );
    let (hits, _) = search(&idx, &["keepers"]);
    assert_eq!(texts(&hits), vec!["Keepers said so."]);
}

#[test]
fn a_decompression_bomb_is_refused_and_costs_only_itself() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "good.txt", "Good\n\nA zebra is fine.\n");
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        e.write_all(&chunk).unwrap();
    }
    let bomb = write(&c, "bomb.txt.gz", e.finish().unwrap());
    assert!(std::fs::metadata(&bomb).unwrap().len() < 200_000);
    write(
        &c,
        "corrupt.jsonl.gz",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage here",
    );
    let idx = tmp.path().join("idx");
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 1);
    assert_eq!(s["files_skipped"], 2, "{s}");
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("bomb.txt.gz"))
        .unwrap();
    assert!(line.contains("expands to more than 64 MB"), "{line}");
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("corrupt.jsonl.gz"))
        .unwrap();
    assert!(line.contains("corrupt"), "{line}");
    assert_eq!(texts(&search(&idx, &["zebra"]).0), vec!["A zebra is fine."]);
}

#[test]
fn extract_reads_archives_and_compressed_files() {
    let tmp = TempDir::new().unwrap();
    let warc = [
        record("warcinfo", "", "software: test\r\n"),
        crawl(
            "https://x.example/a",
            "200 OK",
            "text/html",
            &page(
                "Zebra escapes",
                &["A zebra escaped from the city zoo on Monday, keepers said."],
            ),
        ),
    ];
    let path = write(tmp.path(), "a.warc", warc.concat());
    let report = extract_first(&path);
    assert_eq!(report["title"], "Zebra escapes");
    assert_eq!(report["url"], "https://x.example/a");
    assert_eq!(report["source"], "Daily Example");
    let gz = write(tmp.path(), "b.warc.gz", warc_gz(&warc));
    assert_eq!(extract_first(&gz)["passages"], report["passages"]);
    assert!(Path::new(&gz).exists());
}
