//! Searching: the shipped corpus, query syntax, JSON output, dates, errors.

mod common;

use common::*;
use serde_json::Value;
use tempfile::TempDir;

#[test]
fn troops_finds_the_seed_passage_about_12000_soldiers() {
    let tmp = TempDir::new().unwrap();
    let idx = tmp.path().join("idx");
    let (r, summary) = index(&shipped_corpus(), &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(summary["articles_total"].as_u64().unwrap() >= 24);
    let (hits, r) = search(&idx, &["troops", "--limit", "20", "--per-article", "20"]);
    assert_eq!(r.code, 0);
    let hit = hits
        .iter()
        .find(|h| {
            h["text"]
                .as_str()
                .unwrap()
                .contains("approximately 12,000 soldiers")
        })
        .expect("the 12,000 soldiers passage is among the hits");
    assert!(hit["path"]
        .as_str()
        .unwrap()
        .ends_with("corpus/north-korea-troops-russia.md"));
    assert_eq!(
        hit["line"], 6,
        "the passage is on line 6 of the shipped file"
    );
}

#[test]
fn search_builds_the_default_index_from_corpus_when_missing() {
    let tmp = TempDir::new().unwrap();
    write(
        tmp.path(),
        "corpus/a.txt",
        "Troops on the move\n\nNorth Korea sent troops to Russia.\n",
    );
    let r = run(newsdex().current_dir(tmp.path()).args([
        "search",
        "North Korea troops",
        "--color",
        "never",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("building it from corpus/"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("corpus/a.txt:3"), "{}", r.stdout);
    assert!(
        r.stdout.contains("**North** **Korea** sent **troops**"),
        "{}",
        r.stdout
    );
    assert!(tmp.path().join("index/newsdex.json").is_file());
    // The second search uses the index now there, and says nothing of building.
    let r = run(newsdex().current_dir(tmp.path()).args(["search", "Russia"]));
    assert_eq!(r.code, 0);
    assert!(!r.stderr.contains("building"));

    // A default index left by another version of newsdex is remade, not refused.
    let marker = tmp.path().join("index/newsdex.json");
    let text = std::fs::read_to_string(&marker).unwrap();
    let mut meta: serde_json::Value = serde_json::from_str(&text).unwrap();
    meta["schema_version"] = 1.into();
    std::fs::write(&marker, meta.to_string()).unwrap();
    let r = run(newsdex().current_dir(tmp.path()).args(["search", "Russia"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("another version"), "{}", r.stderr);
    assert!(r.stdout.contains("corpus/a.txt:3"), "{}", r.stdout);
    // An index given by path is never rebuilt behind the user's back.
    std::fs::write(&marker, meta.to_string()).unwrap();
    let r = run(newsdex()
        .current_dir(tmp.path())
        .args(["search", "Russia", "--index", "index"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--rebuild"), "{}", r.stderr);
}

fn small_corpus() -> (TempDir, std::path::PathBuf) {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(
        &c,
        "one.txt",
        "Army news\n\nThe army moved tanks north.\n\nNorth Korea moved troops.\n",
    );
    write(
        &c,
        "two.txt",
        "Navy news\n\nThe navy moved ships.\n\nTanks were not moved north.\n",
    );
    let idx = tmp.path().join("idx");
    let (r, _) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (tmp, idx)
}

#[test]
fn phrases_and_boolean_queries() {
    let (_tmp, idx) = small_corpus();
    let (hits, _) = search(&idx, &["\"moved tanks\""]);
    assert_eq!(texts(&hits), vec!["The army moved tanks north."]);
    // A word of the title alone no longer satisfies the query: the field says where.
    let (hits, _) = search(&idx, &["tanks AND navy"]);
    assert!(hits.is_empty(), "{hits:?}");
    let (hits, _) = search(&idx, &["tanks AND title:navy"]);
    assert_eq!(texts(&hits), vec!["Tanks were not moved north."]);
    let (hits, _) = search(&idx, &["tanks -title:navy"]);
    assert_eq!(texts(&hits), vec!["The army moved tanks north."]);
    let (hits, _) = search(&idx, &["ships OR troops"]);
    let mut t = texts(&hits);
    t.sort();
    assert_eq!(
        t,
        vec!["North Korea moved troops.", "The navy moved ships."]
    );
    let (hits, _) = search(&idx, &["title:navy"]);
    assert_eq!(
        hits.len(),
        2,
        "both passages of the article titled Navy news"
    );
}

#[test]
fn nothing_found_exits_1_and_bad_syntax_exits_2_with_one_line() {
    let (_tmp, idx) = small_corpus();
    let (hits, r) = search(&idx, &["submarine"]);
    assert!(hits.is_empty());
    assert_eq!(r.code, 1);
    let (_, r) = search(&idx, &["\"unclosed phrase"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr
            .starts_with("newsdex: error: cannot parse the query"),
        "{}",
        r.stderr
    );
    let (_, r) = search(&idx, &["nosuchfield:x"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nosuchfield"));
}

#[test]
fn json_hits_have_the_documented_shape() {
    let (_tmp, idx) = small_corpus();
    let (hits, _) = search(&idx, &["moved"]);
    assert!(!hits.is_empty());
    for h in &hits {
        for key in [
            "article_id",
            "path",
            "line",
            "title",
            "score",
            "passage",
            "text",
            "highlights",
        ] {
            assert!(h.get(key).is_some(), "hit lacks {key}: {h}");
        }
        let text = h["text"].as_str().unwrap();
        let ranges = h["highlights"].as_array().unwrap();
        assert!(!ranges.is_empty());
        for r in ranges {
            let (s, e) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            assert_eq!(text[s..e].to_lowercase(), "moved");
        }
        assert!(h["article_id"]
            .as_str()
            .unwrap()
            .starts_with(h["path"].as_str().unwrap()));
    }
}

#[test]
fn one_article_cannot_fill_the_page() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let many: String = (0..8)
        .map(|i| format!("Troops paragraph {i} about troops and troops.\n\n"))
        .collect();
    write(&c, "big.txt", format!("Big story\n\n{many}"));
    write(
        &c,
        "small.txt",
        "Small story\n\nA single mention of troops.\n",
    );
    let idx = tmp.path().join("idx");
    index(&c, &idx, &[]);
    let (hits, _) = search(&idx, &["troops", "--limit", "10"]);
    let from_big = hits
        .iter()
        .filter(|h| h["path"].as_str().unwrap().ends_with("big.txt"))
        .count();
    assert_eq!(
        from_big, 3,
        "at most three passages of one article by default"
    );
    assert!(hits
        .iter()
        .any(|h| h["path"].as_str().unwrap().ends_with("small.txt")));
    // An article's passages come together.
    let paths: Vec<&str> = hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    let mut seen: Vec<&str> = Vec::new();
    for p in paths {
        if seen.last() != Some(&p) {
            assert!(!seen.contains(&p), "passages of {p} are not together");
            seen.push(p);
        }
    }
}

fn dated_corpus() -> (TempDir, std::path::PathBuf) {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(
        &c,
        "a.md",
        "---\ntitle: Oldest\ndate: 2003-05-01\n---\n\nFlood warning issued.\n",
    );
    write(
        &c,
        "b.json",
        r#"{"title": "Middle", "date": "March 3, 2004", "body": "Flood waters rose."}"#,
    );
    write(
        &c,
        "c.txt",
        "Newest\n\nLONDON, 18 October 2024 - Flood defences held.\n",
    );
    write(&c, "d.txt", "Undated\n\nFlood season again.\n");
    let idx = tmp.path().join("idx");
    index(&c, &idx, &[]);
    (tmp, idx)
}

fn titles(hits: &[Value]) -> Vec<&str> {
    hits.iter().map(|h| h["title"].as_str().unwrap()).collect()
}

#[test]
fn date_filters_leave_out_other_and_undated_articles() {
    let (_tmp, idx) = dated_corpus();
    let (hits, _) = search(&idx, &["flood"]);
    assert_eq!(hits.len(), 4);
    let (hits, _) = search(&idx, &["flood", "--since", "2004-01-01"]);
    let mut t = titles(&hits);
    t.sort();
    assert_eq!(t, vec!["Middle", "Newest"]);
    let (hits, _) = search(
        &idx,
        &["flood", "--since", "2004-03-03", "--until", "2004-03-03"],
    );
    assert_eq!(titles(&hits), vec!["Middle"]);
    assert_eq!(hits[0]["date"], "2004-03-03");
    let (hits, _) = search(&idx, &["--until", "2002"]);
    assert_eq!(titles(&hits), Vec::<&str>::new());
    let (hits, _) = search(&idx, &["--until", "2003-12-31"]);
    assert_eq!(titles(&hits), vec!["Oldest"]);
    // A year is the whole year, from its first day to its last.
    let (hits, _) = search(&idx, &["flood", "--since", "2003", "--until", "2003"]);
    assert_eq!(titles(&hits), vec!["Oldest"]);
    let (hits, _) = search(&idx, &["flood", "--since", "2004", "--until", "2004"]);
    assert_eq!(titles(&hits), vec!["Middle"]);
    let (_, r) = search(&idx, &["flood", "--since", "last week"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a date"), "{}", r.stderr);
}

#[test]
fn sort_by_date_lists_newest_first_and_undated_last() {
    let (_tmp, idx) = dated_corpus();
    let (hits, _) = search(&idx, &["flood", "--sort", "date"]);
    assert_eq!(titles(&hits), vec!["Newest", "Middle", "Oldest", "Undated"]);
    assert!(hits[0]["score"].is_null());
}

#[test]
fn plain_output_marks_words_and_names_path_line_title_score() {
    let (_tmp, idx) = small_corpus();
    let r = run(newsdex()
        .args(["search", "ships", "--color", "never", "--index"])
        .arg(&idx));
    let first = r.stdout.lines().next().unwrap();
    assert!(first.contains("two.txt:3  Navy news  (score "), "{first}");
    assert!(r.stdout.contains("The navy moved **ships**."));
    let r = run(newsdex()
        .args(["search", "ships", "--color", "always", "--index"])
        .arg(&idx));
    assert!(r.stdout.contains("\x1b[1;31mships\x1b[0m"));
    let r = run(newsdex()
        .env("NO_COLOR", "1")
        .args(["search", "ships", "--index"])
        .arg(&idx));
    assert!(!r.stdout.contains('\x1b'));
}
