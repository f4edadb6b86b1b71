//! `newsdex serve` over HTTP: the pages, the API, escaping, bad parameters, an index rebuilt
//! under a running server, and Ctrl-C. (The clicks in a real browser are in `browser.rs`.)

mod common;

use std::time::{Duration, Instant};

use common::*;

const XSS: &str =
    "---\ntitle: <script>alert(1)</script>\n---\n\nA zebra story with <b>markup</b> in its text.\n";

#[test]
fn pages_and_api_answer_and_escape_the_corpus() {
    let (_tmp, idx) = seed_corpus_index(&[("xss.md", XSS)]);
    let s = serve(&idx);
    let (code, page) = get(&format!("{}/?q=zebra", s.base));
    assert_eq!(code, 200);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"), "corpus text is escaped");
    assert!(page.contains("<mark>zebra</mark>"));
    assert!(page.contains("&lt;b&gt;markup&lt;/b&gt;"));
    // Facets beside the hits, and chips for the filters.
    let (_, page) = get(&format!("{}/?q=troops", s.base));
    assert!(
        page.contains("person=Volodymyr+Zelenskyy"),
        "a facet adds the filter"
    );
    let (_, page) = get(&format!("{}/?q=troops&person=Zelenskyy", s.base));
    assert!(
        page.contains("class=\"chip\""),
        "the filter shows as a chip"
    );
    assert!(
        page.contains("href=\"/?q=troops\""),
        "the chip's link removes it"
    );
    // The API answers as --json does.
    let (code, body) = get(&format!("{}/api/search?q=zebra", s.base));
    assert_eq!(code, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["hits"][0]["title"], "<script>alert(1)</script>");
    assert!(v["facets"].is_array());
    let (_, body) = get(&format!("{}/api/entities?type=person&limit=5", s.base));
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Volodymyr Zelenskyy"),
        "{v}"
    );
    // The entity page and the article view.
    let (code, page) = get(&format!("{}/entity?type=person&name=zelenskiy", s.base));
    assert_eq!(code, 200);
    assert!(page.contains("<h1>Volodymyr Zelenskyy"), "{page}");
    let (_, body) = get(&format!("{}/api/search?q=zebra", s.base));
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id: String =
        form_urlencoded::byte_serialize(v["hits"][0]["article_id"].as_str().unwrap().as_bytes())
            .collect();
    let (code, page) = get(&format!("{}/article?id={id}", s.base));
    assert_eq!(code, 200, "{page}");
    assert!(page.contains("A zebra story"));
}

#[test]
fn bad_parameters_are_a_400_in_one_line_and_unknown_pages_a_404() {
    let (_tmp, idx) = seed_corpus_index(&[]);
    let s = serve(&idx);
    for (url, why) in [
        ("/?q=troops&since=yesterday", "yesterday"),
        ("/?page=0", "page must be a number"),
        ("/?q=troops&figure=usd%3E%3Eabc", "is not a figure filter"),
        ("/entity?type=thing&name=x", "type must be"),
        ("/api/entities?type=bogus", "type must be"),
        ("/api/search?q=a&sort=best", "sort must be"),
    ] {
        let (code, body) = get(&format!("{}{url}", s.base));
        assert_eq!(code, 400, "{url}: {body}");
        assert!(body.contains(why), "{url}: {body}");
    }
    assert_eq!(get(&format!("{}/etc/passwd", s.base)).0, 404);
    assert_eq!(
        get(&format!("{}/entity?type=person&name=Nobody+Atall", s.base)).0,
        404
    );
    assert_eq!(get(&format!("{}/article?id=nope%230", s.base)).0, 404);
}

#[test]
fn an_index_rebuilt_under_the_server_is_picked_up() {
    let (tmp, idx) = seed_corpus_index(&[]);
    let s = serve(&idx);
    let (_, page) = get(&format!("{}/?q=giraffe", s.base));
    assert!(page.contains("No passages match"));
    write(
        &tmp.path().join("c"),
        "giraffe.md",
        "# Giraffe\n\nA giraffe escaped.\n",
    );
    let (r, _) = index(&tmp.path().join("c"), &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (_, page) = get(&format!("{}/?q=giraffe", s.base));
    assert!(
        page.contains("<mark>giraffe</mark>"),
        "the new commit is served"
    );
}

#[test]
fn ctrl_c_stops_the_server_at_once() {
    let (_tmp, idx) = seed_corpus_index(&[]);
    let mut s = serve(&idx);
    assert_eq!(get(&format!("{}/", s.base)).0, 200);
    let pid = s.child.id().to_string();
    std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(130));
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "still running after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
