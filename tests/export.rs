//! `newsdex export` for Quickwit and OpenSearch, checked against their documented formats
//! (neither engine installs here; Sphinx's export is loaded into a real engine in
//! `sphinx.rs`), and `search --print-query` for each engine.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

fn json_lines(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn quickwit_and_opensearch_exports_follow_their_formats() {
    let (tmp, idx) = seed_corpus_index(&[]);
    let passages = search(&idx, &["troops OR Russia OR Korea", "--limit", "1000"])
        .0
        .len();
    assert!(passages > 0);

    let out = tmp.path().join("qw");
    let r = run(newsdex()
        .args(["export", "--to", "quickwit", "--index"])
        .arg(&idx)
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let config = std::fs::read_to_string(out.join("quickwit-index.yaml")).unwrap();
    for part in [
        "index_id: newsdex",
        "doc_mapping:",
        "field_mappings:",
        "tokenizer: en_stem",
        "record: position",
        "timestamp_field: date",
        "default_search_fields: [body]",
    ] {
        assert!(config.contains(part), "{part} is not in the index config");
    }
    let docs = json_lines(&out.join("passages.ndjson"));
    let seed = docs
        .iter()
        .find(|d| d["title"] == "North Korea troops to Russia")
        .unwrap();
    assert!(seed["article_person"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "Volodymyr Zelenskyy"));
    assert!(seed["agency"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Yonhap"));
    for d in &docs {
        if let Some(date) = d["date"].as_str() {
            assert!(date.ends_with("T00:00:00Z"), "an RFC 3339 datetime: {date}");
        }
    }

    let out = tmp.path().join("os");
    let r = run(newsdex()
        .args(["export", "--to", "opensearch", "--index"])
        .arg(&idx)
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mapping: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("opensearch-mapping.json")).unwrap(),
    )
    .unwrap();
    let props = &mapping["mappings"]["properties"];
    assert_eq!(props["body"]["analyzer"], "english");
    assert_eq!(props["person"]["fields"]["keyword"]["type"], "keyword");
    assert_eq!(props["date"]["type"], "date");
    // _bulk: an action line, then its document, for every passage; ids unique.
    let lines = json_lines(&out.join("bulk.ndjson"));
    assert_eq!(lines.len(), 2 * docs.len());
    let ids: BTreeSet<&str> = lines
        .iter()
        .step_by(2)
        .map(|a| a["index"]["_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), docs.len());
    assert!(lines
        .iter()
        .step_by(2)
        .all(|a| a["index"]["_index"] == "newsdex"));
    assert!(lines
        .iter()
        .skip(1)
        .step_by(2)
        .all(|d| d["body"].is_string()));
}

#[test]
fn print_query_writes_each_engines_query() {
    let (_tmp, idx) = seed_corpus_index(&[]);
    let print = |engine: &str| {
        let r = run(newsdex()
            .args([
                "search",
                "troops",
                "--person",
                "Zelenskiy",
                "--figure",
                "soldier>=1000",
                "--print-query",
                engine,
                "--index",
            ])
            .arg(&idx));
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let os: Value = serde_json::from_str(&print("opensearch")).unwrap();
    let filters = os["query"]["bool"]["filter"].as_array().unwrap();
    assert!(
        filters.iter().any(|f| f["terms"]["article_person.keyword"]
            .as_array()
            .is_some_and(|n| n.iter().any(|n| n == "Volodymyr Zelenskyy"))),
        "{os}"
    );
    let qw = print("quickwit");
    assert!(
        qw.contains("body:(troops)")
            && qw.contains("article_person:\"Volodymyr Zelenskyy\"")
            && qw.contains("figures.soldier:>=1000"),
        "{qw}"
    );
    let sx = print("sphinx");
    assert!(
        sx.starts_with("SELECT ")
            && sx.contains("MATCH('@body troops @article_person (")
            && sx.contains("FOR x IN figures.soldier"),
        "{sx}"
    );
}
