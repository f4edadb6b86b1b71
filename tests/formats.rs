//! Reading each format, and bad input: every case is reported with its path, skipped and
//! counted, and costs only itself.

mod common;

use common::*;
use tempfile::TempDir;

/// Indexes a corpus holding one file, and returns the hits for `word`.
fn one_file(rel: &str, content: &[u8], word: &str) -> (Vec<serde_json::Value>, Run, Run) {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, rel, content);
    let idx = tmp.path().join("idx");
    let (ir, _) = index(&c, &idx, &[]);
    let (hits, sr) = search(&idx, &[word]);
    (hits, ir, sr)
}

#[test]
fn reads_each_format_and_points_to_path_and_line() {
    // A short line with no closing punctuation ("First line" in a.sgm) is a heading: its
    // passage is the paragraph it introduces, starting on the heading's line.
    let cases: &[(&str, &str, &str, &str, u64)] = &[
        ("a.txt", "Heading line\n\nFirst.\n\nThe zebra paragraph.\n", "zebra", "Heading line", 5),
        ("a.md", "---\ntitle: Front title\nurl: https://x.org/a\n---\n\n# Front title\n\nA zebra here.\n", "zebra", "Front title", 8),
        ("a.json", "[\n{\"title\": \"J1\", \"body\": \"No.\"},\n{\"title\": \"J2\", \"text\": \"A zebra.\"}\n]\n", "zebra", "J2", 3),
        ("a.jsonl", "{\"title\": \"L1\", \"content\": \"No.\"}\n{\"title\": \"L2\", \"body\": \"A zebra.\"}\n", "zebra", "L2", 2),
        ("a.html", "<html><head><title>H</title><script>zebra()</script></head>\n<body>\n<p>No.</p>\n<p>A <i>zebra</i>.</p></body></html>", "zebra", "H", 4),
        ("a.sgm", "<REUTERS NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><TITLE>S1</TITLE>\n<BODY>First line\n    A zebra paragraph.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n", "zebra", "S1", 4),
    ];
    for (rel, content, word, title, line) in cases {
        let (hits, ir, _) = one_file(rel, content.as_bytes(), word);
        assert_eq!(ir.code, 0, "{rel}: {}", ir.stderr);
        assert_eq!(hits.len(), 1, "{rel}: {hits:?}");
        assert_eq!(hits[0]["title"], *title, "{rel}");
        assert_eq!(hits[0]["line"], *line, "{rel}");
        assert!(hits[0]["path"].as_str().unwrap().ends_with(rel));
    }
    // The script's text is not indexed.
    let (hits, _, _) = one_file(
        "a.html",
        b"<title>T</title><script>zebra()</script><p>x</p>",
        "zebra",
    );
    assert!(hits.is_empty());
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let (hits, ir, _) = one_file(
        "w.txt",
        b"Title\n\nThe caf\xe9 sold \x93zebra\x94 stripes for \xa3600m.\n",
        "zebra",
    );
    assert_eq!(ir.code, 0);
    assert!(
        ir.stderr
            .contains("w.txt: not valid UTF-8; decoded as Windows-1252"),
        "{}",
        ir.stderr
    );
    assert_eq!(
        hits[0]["text"],
        "The caf\u{e9} sold \u{201c}zebra\u{201d} stripes for \u{a3}600m."
    );
}

#[test]
fn bad_files_are_reported_skipped_and_counted_and_the_rest_is_indexed() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "good.txt", "Good\n\nA zebra is fine.\n");
    write(&c, "binary.txt", b"zebra\0\x01\x02");
    write(&c, "empty.md", "");
    write(&c, "broken.html", "<p>zebra <a href=\"x");
    write(&c, "broken.sgm", "<REUTERS NEWID=\"1\"><TEXT><BODY>zebra");
    write(&c, "broken.json", "{\"title\": \"zebra\", ");
    write(&c, "notes.csv", "zebra,1\n");
    let idx = tmp.path().join("idx");
    let (r, summary) = index(&c, &idx, &[]);
    assert_eq!(r.code, 1, "something was skipped: {}", r.stderr);
    assert_eq!(summary["files_skipped"], 5, "{summary}");
    assert_eq!(summary["files_read"], 1);
    assert_eq!(summary["files_ignored"], 1);
    for (file, reason) in [
        ("binary.txt", "binary file"),
        ("empty.md", "empty file"),
        ("broken.html", "malformed HTML"),
        ("broken.sgm", "never closed"),
        ("broken.json", "invalid JSON"),
    ] {
        let line = r
            .stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} is not reported: {}", r.stderr));
        assert!(line.contains(reason), "{line}");
    }
    let (hits, _) = search(&idx, &["zebra"]);
    assert_eq!(texts(&hits), vec!["A zebra is fine."]);
}

#[test]
fn one_bad_record_costs_only_that_record() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "many.jsonl", "{\"title\": \"A\", \"body\": \"zebra one\"}\n{\"title\": \"B\", \"body\": \"zebra\n{\"title\": \"C\", \"body\": \"zebra three\"}\n");
    write(&c, "many.json", "[{\"title\": \"D\", \"body\": \"zebra four\"}, {\"title\": 1 2}, {\"title\": \"E\", \"body\": \"zebra five\"}]");
    write(&c, "many.sgm", "<REUTERS NEWID=\"1\"><TEXT><TITLE>F</TITLE><BODY>zebra six</BODY></TEXT></REUTERS>\n<REUTERS NEWID=\"2\"><TEXT><BODY>zebra cut\n<REUTERS NEWID=\"3\"><TEXT><TITLE>G</TITLE><BODY>zebra seven</BODY></TEXT></REUTERS>\n");
    let idx = tmp.path().join("idx");
    let (r, summary) = index(&c, &idx, &[]);
    assert_eq!(r.code, 1);
    assert_eq!(summary["records_skipped"], 3, "{summary}");
    assert_eq!(summary["files_skipped"], 0);
    assert!(
        r.stderr.contains("many.jsonl: line 2: invalid JSON"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("many.sgm: line 2: <REUTERS> element is never closed"),
        "{}",
        r.stderr
    );
    let (hits, _) = search(&idx, &["zebra", "--limit", "20"]);
    let mut t: Vec<&str> = hits.iter().map(|h| h["title"].as_str().unwrap()).collect();
    t.sort();
    assert_eq!(t, vec!["A", "C", "D", "E", "F", "G"]);
}

#[test]
fn a_folder_that_is_not_an_index_is_never_written_to() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "a.txt", "T\n\nzebra\n");
    let notes = write(tmp.path(), "mine/notes.txt", "my own notes");
    for extra in [&[][..], &["--rebuild"][..]] {
        let (r, _) = index(&c, &tmp.path().join("mine"), extra);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("is not a newsdex index"), "{}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    }
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "my own notes");
    assert_eq!(
        std::fs::read_dir(tmp.path().join("mine")).unwrap().count(),
        1
    );
    let (_, r) = search(&tmp.path().join("mine"), &["zebra"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is not a newsdex index"));
    let (_, r) = search(&tmp.path().join("nowhere"), &["zebra"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no index at"));
}

#[test]
fn an_index_of_another_schema_version_asks_for_a_rebuild() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "a.txt", "T\n\nzebra\n");
    let idx = tmp.path().join("idx");
    index(&c, &idx, &[]);
    let meta = idx.join("newsdex.json");
    let text = std::fs::read_to_string(&meta).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["schema_version"] = 999.into();
    std::fs::write(&meta, v.to_string()).unwrap();
    let (_, r) = search(&idx, &["zebra"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("schema version 999") && r.stderr.contains("--rebuild"),
        "{}",
        r.stderr
    );
    let (r, _) = index(&c, &idx, &[]);
    assert_eq!(r.code, 2);
    let (r, _) = index(&c, &idx, &["--rebuild"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, _) = search(&idx, &["zebra"]);
    assert_eq!(hits.len(), 1);
}

/// A page as news sites save them: navigation, a `<br>` inside a paragraph, a `<div>`
/// paragraph after the `<p>`s, named references, metadata in the head, a share bar and a
/// footer.
const NEWS_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Caf&eacute; strike &ndash; The Paper</title>\n<meta property=\"og:site_name\" content=\"The Paper\">\n<meta property=\"article:published_time\" content=\"2024-06-19T10:00:00Z\">\n<link rel=\"canonical\" href=\"https://paper.example/a/1\">\n</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>Caf&eacute; strike</h1>\n<p>The closures would cost 12,000 jobs, the minister said on Tuesday in a long statement to parliament.<br>Their union's leader, Fran&ccedil;ois Dupont, called it &lsquo;absurd&rsquo;.</p>\n<ul class=\"share-bar\"><li>Share on Twitter</li><li>Share by email</li></ul>\n<p>Second paragraph, with more words about the strike and the zebra closures that follow it.</p>\n<div>A paragraph in a div after the others, naming the caf&eacute; owners.</div>\n</article><footer>Copyright 2024 The Paper</footer></body></html>\n";

#[test]
fn a_web_page_gives_its_article_text_metadata_and_lines() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let page = write(&c, "page.html", NEWS_PAGE);
    let idx = tmp.path().join("idx");
    let (r, _) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Text after the <br>, with its references decoded, on the line it starts on.
    let (hits, _) = search(&idx, &["Dupont"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0]["text"],
        "Their union's leader, Fran\u{e7}ois Dupont, called it \u{2018}absurd\u{2019}."
    );
    assert_eq!(hits[0]["line"], 8);
    assert_eq!(hits[0]["title"], "Caf\u{e9} strike");
    assert_eq!(hits[0]["date"], "2024-06-19");
    // The div after the paragraphs is kept; the share bar, navigation and footer are not.
    let (hits, _) = search(&idx, &["owners"]);
    assert_eq!(hits[0]["line"], 11);
    for word in ["Twitter", "Home", "Copyright"] {
        assert!(search(&idx, &[word]).0.is_empty(), "{word} is indexed");
    }
    let report = extract_first(&page);
    assert_eq!(report["title"], "Caf\u{e9} strike");
    assert_eq!(report["date"], "2024-06-19");
    assert_eq!(report["source"], "The Paper");
    assert_eq!(report["url"], "https://paper.example/a/1");
    let passages = report["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 4, "{passages:?}");
    assert_eq!(passages[3]["line"], 11);
    assert_eq!(
        passages[3]["text"],
        "A paragraph in a div after the others, naming the caf\u{e9} owners."
    );
}
