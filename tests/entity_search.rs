//! Search by entity through the catalogue: names resolved as users type them, evidence from
//! the text where the recognizer missed a name, names the index does not know, browsing.

mod common;

use common::*;
use serde_json::Value;

/// Runs a search and returns the hits' file names and the whole run.
fn files(idx: &std::path::Path, args: &[&str]) -> (Vec<String>, Vec<Value>, Run) {
    let mut all = vec!["--limit", "100", "--per-article", "1"];
    all.extend_from_slice(args);
    let (hits, r) = search(idx, &all);
    let mut names: Vec<String> = hits.iter().map(file_name).collect();
    names.sort();
    names.dedup();
    (names, hits, r)
}

const KERRY_1: &str = "Talks\n\nUS Secretary of State John Kerry arrived in Baghdad on Monday. Kerry met the prime minister.\n";
const KERRY_2: &str =
    "More talks\n\nSecretary Kerry said the talks would go on. Kerry left for Ankara.\n";
/// Written in lower case, as the web often does: no name the recognizer tags.
const DAESH_LOWER_1: &str =
    "Strikes\n\nThe coalition continues to strike daesh targets near Mosul.\n";
const DAESH_LOWER_2: &str = "Retreat\n\nFighters of daesh fled the town as the army advanced.\n";
const AMNESTY: &str =
    "Abuse\n\nLast week, Amnesty International alleged they had subjected Sunni Arabs to abuse.\n";
const AMNESTY_2: &str =
    "Report\n\nAmnesty International said on Monday that the government had failed the families.\n";

#[test]
fn a_surname_finds_the_full_name_and_the_full_name_finds_the_surname() {
    let (_t, idx) = seed_corpus_index(&[("kerry1.txt", KERRY_1), ("kerry2.txt", KERRY_2)]);
    let (found, hits, _) = files(&idx, &["--person", "Kerry"]);
    assert_eq!(found, vec!["kerry1.txt", "kerry2.txt"], "{hits:?}");
    let (found, _, _) = files(&idx, &["--person", "John Kerry"]);
    assert_eq!(found, vec!["kerry1.txt", "kerry2.txt"]);
    // A title before the name is not part of it.
    let (found, _, _) = files(&idx, &["--person", "Secretary Kerry"]);
    assert_eq!(found, vec!["kerry1.txt", "kerry2.txt"]);
    let (found, _, _) = files(&idx, &["--person", "john KERRY"]);
    assert_eq!(found.len(), 2);
}

#[test]
fn a_role_alone_is_searched_as_typed_not_as_its_last_word() {
    const ROLES: &str = "Visit\n\nThe Defence Secretary met the Foreign Secretary in London.\n";
    const OTHER: &str = "Press\n\nThe press secretary said the Prime Minister would speak.\n";
    let (_t, idx) = seed_corpus_index(&[("roles.txt", ROLES), ("other.txt", OTHER)]);
    let (found, hits, _) = files(&idx, &["--person", "Defence Secretary"]);
    assert_eq!(found, vec!["roles.txt"], "{hits:?}");
    let (found, hits, _) = files(&idx, &["--person", "Prime Minister"]);
    assert_eq!(found, vec!["other.txt"], "{hits:?}");
}

#[test]
fn an_unknown_name_falls_back_to_its_words_and_says_so() {
    let (_t, idx) = seed_corpus_index(&[("d1.txt", DAESH_LOWER_1), ("d2.txt", DAESH_LOWER_2)]);
    let (found, hits, r) = files(&idx, &["--org", "daesh"]);
    assert_eq!(found, vec!["d1.txt", "d2.txt"], "{}", r.stderr);
    assert!(
        r.stderr
            .contains("'daesh' is not a known organization in this index; showing passages that contain the words"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);
    assert!(hits.iter().all(|h| h["matched_by"] == "name"), "{hits:?}");
}

#[test]
fn with_a_text_query_a_name_narrows_to_whole_articles_and_no_further() {
    // Three articles in one file, their passages side by side in the index: only the middle
    // one names Amnesty International, in words the recognizer does not tag, in its first
    // passage; its second passage holds the query's word, and so do its neighbours', which
    // do not name it.
    let article = |title: &str, body: &str| {
        format!("{}\n", serde_json::json!({"title": title, "body": body}))
    };
    let wire = [
        article("Before", "Floods hit the north.\n\nThe report on the floods came out."),
        article(
            "Abuse",
            "Critics at amnesty international alleged abuse in the camps.\n\nThe report was denied by the ministry.",
        ),
        article("After", "Markets fell.\n\nThe report on trade was delayed."),
    ]
    .concat();
    let (_t, idx) = seed_corpus_index(&[("a1.txt", AMNESTY), ("wire.jsonl", &wire)]);
    let (hits, r) = search(&idx, &["report", "--org", "Amnesty International"]);
    let texts: Vec<&str> = hits.iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        vec!["The report was denied by the ministry."],
        "{}",
        r.stderr
    );
    assert_eq!(hits[0]["matched_by"], "name", "{hits:?}");
}

#[test]
fn a_known_name_is_found_where_the_recognizer_missed_it() {
    let (_t, idx) = seed_corpus_index(&[("a1.txt", AMNESTY), ("a2.txt", AMNESTY_2)]);
    let (found, hits, r) = files(&idx, &["--org", "amnesty international"]);
    assert_eq!(found, vec!["a1.txt", "a2.txt"], "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    for h in &hits {
        assert!(
            h["matched_by"] == "tagged" || h["matched_by"] == "name",
            "{h}"
        );
    }
    // With a text query the filter narrows to articles.
    let (found, _, _) = files(&idx, &["families", "--org", "Amnesty International"]);
    assert_eq!(found, vec!["a2.txt"]);
}

#[test]
fn the_seeds_entities_resolve_by_variant_and_acronym() {
    let (_t, idx) = seed_corpus_index(&[]);
    for name in [
        "Zelenskiy",
        "Zelensky",
        "volodymyr zelenskyy",
        "President Zelenskyy",
    ] {
        let (found, _, r) = files(&idx, &["--person", name]);
        assert_eq!(found, vec!["seed.md"], "{name}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{name}: {}", r.stderr);
    }
    let (found, hits, _) = files(&idx, &["--org", "NIS"]);
    assert_eq!(found, vec!["seed.md"]);
    assert!(hits.iter().all(|h| h["matched_by"] == "tagged"), "{hits:?}");
}

#[test]
fn a_misspelt_name_gets_suggestions() {
    let (_t, idx) = seed_corpus_index(&[]);
    let (_, _, r) = files(&idx, &["--person", "Zelenskx"]);
    assert!(
        r.stderr.contains("did you mean 'Volodymyr Zelenskyy'?"),
        "{}",
        r.stderr
    );
}

#[test]
fn entities_complete_by_prefix_and_an_entity_has_a_profile() {
    let (_t, idx) = seed_corpus_index(&[("kerry1.txt", KERRY_1), ("kerry2.txt", KERRY_2)]);
    let r = run(newsdex()
        .args(["entities", "--prefix", "zel", "--json", "--index"])
        .arg(&idx));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let names: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n["name"] == "Volodymyr Zelenskyy" && n["type"] == "person"),
        "{names:?}"
    );
    let r = run(newsdex()
        .args(["entity", "John Kerry", "--json", "--index"])
        .arg(&idx));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let p: Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(p["type"], "person");
    assert_eq!(p["articles"], 2, "{p}");
    assert!(
        p["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Kerry"),
        "{p}"
    );
    let r = run(newsdex()
        .args(["entity", "Nobody Atall", "--index"])
        .arg(&idx));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a known"), "{}", r.stderr);
}
