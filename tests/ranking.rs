//! Ranking: more of the query's words without requiring all, the title as bounded evidence,
//! headings joined to their paragraph, accents folded, near-duplicates collapsed.

mod common;

use common::*;
use tempfile::TempDir;

#[test]
fn north_korea_troops_finds_the_soldiers_passage_high_and_no_lone_heading() {
    let (_t, idx) = seed_corpus_index(&[]);
    let (hits, r) = search(&idx, &["North Korea troops", "--per-article", "10"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rank = hits
        .iter()
        .position(|h| h["text"].as_str().unwrap().contains("12,000 soldiers"))
        .expect("the 12,000 soldiers passage is found");
    assert!(rank < 5, "ranked {}", rank + 1);
    assert!(
        hits.iter()
            .all(|h| h["text"] != "Deepening Russia-North Korea Ties"),
        "a heading ranked alone"
    );
    // --exact: only the words typed.
    let (exact, _) = search(
        &idx,
        &["North Korea troops", "--exact", "--per-article", "10"],
    );
    assert!(exact
        .iter()
        .all(|h| h["expanded_highlights"].as_array().unwrap().is_empty()));
}

const TITLE_ONLY: &str =
    "Ipod maker profits\n\nThe company sold more music through its online store.\n";
const BOTH: &str = "Gadgets\n\nSales of the iPod rose sharply over Christmas.\n";

#[test]
fn a_title_word_alone_does_not_match_a_passage_but_is_highlighted() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "a.txt", TITLE_ONLY);
    write(&c, "b.txt", BOTH);
    let idx = tmp.path().join("idx");
    let (r, _) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, _) = search(&idx, &["ipod", "--exact"]);
    assert_eq!(
        texts(&hits),
        vec!["Sales of the iPod rose sharply over Christmas."]
    );
    // Both words of "ipod profits" are in a.txt's title; its passage holds neither.
    let (hits, _) = search(&idx, &["ipod profits", "--exact"]);
    assert!(hits.iter().all(|h| file_name(h) == "b.txt"), "{hits:?}");
    let (hits, _) = search(&idx, &["ipod music", "--exact"]);
    let a = hits
        .iter()
        .find(|h| file_name(h) == "a.txt")
        .expect("a.txt by 'music'");
    let title = a["title"].as_str().unwrap();
    let marked: Vec<&str> = a["title_highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &title[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, vec!["Ipod"]);
}

#[test]
fn more_words_rank_higher_and_not_all_are_required() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(
        &c,
        "a.txt",
        "One\n\nQuarterly profit jumped 12% at the bank.\n",
    );
    write(&c, "b.txt", "Two\n\nThe profit was lower.\n");
    write(&c, "c.txt", "Three\n\nRain fell on the city.\n");
    let idx = tmp.path().join("idx");
    index(&c, &idx, &[]);
    let (hits, _) = search(&idx, &["quarterly profit rise percent", "--exact"]);
    assert_eq!(file_name(&hits[0]), "a.txt", "{hits:?}");
    assert!(hits.iter().all(|h| file_name(h) != "c.txt"));
    // A phrase is still required.
    let (hits, _) = search(&idx, &["\"profit was\" bank"]);
    assert_eq!(texts(&hits), vec!["The profit was lower."]);
}

#[test]
fn accents_are_folded_and_highlights_keep_the_letters() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "a.txt", "Cities\n\nFrançois opened a café in Malmö.\n");
    let idx = tmp.path().join("idx");
    index(&c, &idx, &[]);
    for q in ["cafe", "Francois", "malmo"] {
        let (hits, r) = search(&idx, &[q]);
        assert_eq!(hits.len(), 1, "{q}: {}", r.stderr);
    }
    let (hits, _) = search(&idx, &["cafe malmo", "--exact"]);
    let text = hits[0]["text"].as_str().unwrap();
    let marked: Vec<&str> = hits[0]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, vec!["café", "Malmö"]);
}

#[test]
fn near_duplicate_articles_are_shown_once() {
    let story = "Rates rise\n\nThe central bank raised its main interest rate by a quarter of a point on Thursday, the third rise this year, saying that inflation was running above its target and that wages were growing faster than expected. Economists had expected the move, which takes the rate to its highest level since 2001, and markets barely reacted to the announcement.\n";
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "a.txt", story);
    write(&c, "b.txt", story);
    write(
        &c,
        "c.txt",
        "Other\n\nThe central bank kept its rate unchanged, economists said.\n",
    );
    let idx = tmp.path().join("idx");
    index(&c, &idx, &[]);
    let (hits, _) = search(&idx, &["central bank rate", "--exact"]);
    let files: Vec<String> = hits.iter().map(file_name).collect();
    assert_eq!(
        files
            .iter()
            .filter(|f| *f == "a.txt" || *f == "b.txt")
            .count(),
        1,
        "{files:?}"
    );
    let shown = hits
        .iter()
        .find(|h| file_name(h) == "a.txt" || file_name(h) == "b.txt")
        .unwrap();
    let other = if file_name(shown) == "a.txt" {
        "b.txt"
    } else {
        "a.txt"
    };
    assert_eq!(also_in_files(shown), vec![other], "{shown}");
    let (hits, _) = search(&idx, &["central bank rate", "--exact", "--no-collapse"]);
    assert_eq!(hits.len(), 3);
    // A file changed (its old passages deleted from a segment) and a third copy in a second
    // segment: every copy is still named by its own file.
    write(
        &c,
        "c.txt",
        "Other\n\nThe central bank kept its rate unchanged again, economists said.\n",
    );
    write(&c, "d.txt", story);
    index(&c, &idx, &[]);
    let (hits, _) = search(&idx, &["central bank rate", "--exact"]);
    let shown = hits
        .iter()
        .find(|h| ["a.txt", "b.txt", "d.txt"].contains(&file_name(h).as_str()))
        .unwrap();
    let mut all = also_in_files(shown);
    all.push(file_name(shown));
    all.sort();
    assert_eq!(all, vec!["a.txt", "b.txt", "d.txt"], "{shown}");
}

/// The file names of a hit's copies.
fn also_in_files(hit: &serde_json::Value) -> Vec<String> {
    hit["also_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let p = p.as_str().unwrap();
            p.rsplit('/').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn bbc_questions_in_other_words_are_answered() {
    let Some(data) = shared_data("bbc_questions_in_other_words_are_answered") else {
        return;
    };
    let tmp = TempDir::new().unwrap();
    let idx = tmp.path().join("idx");
    let (r, _) = index(&data.join("bbc/business"), &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, _) = search(&idx, &["quarterly profit rise percent"]);
    assert!(hits.len() >= 5, "{} hits", hits.len());
    let (hits, _) = search(&idx, &["Yukos Yuganskneftegaz auction"]);
    assert!(
        hits.iter()
            .any(|h| h["path"].as_str().unwrap().ends_with("business/314.txt")),
        "{:?}",
        hits.iter().map(file_name).collect::<Vec<_>>()
    );
    let (hits, _) = search(&idx, &["Parmalat fraud", "--per-article", "1"]);
    assert!(hits.len() >= 5, "{} hits", hits.len());
}

#[test]
fn a_name_in_the_query_ranks_passages_that_mention_the_entity_first() {
    let tmp = TempDir::new().unwrap();
    let (corpus, idx) = (tmp.path().join("c"), tmp.path().join("i"));
    // The same two query words, as far apart, in passages of the same length; only one names
    // the person.
    write(
        &corpus,
        "bakery.txt",
        "Bakery news\n\nFresh brown bread used the budget today.\n",
    );
    write(
        &corpus,
        "treasury.txt",
        "Treasury news\n\nGordon Brown spoke in London on Tuesday.\n\n\
         Brown defended his own budget in parliament.\n",
    );
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, _) = search(&idx, &["Brown budget", "--exact"]);
    assert!(hits[0]["path"].as_str().unwrap().ends_with("treasury.txt"));
    assert!(
        hits[0]["score"].as_f64() > hits[1]["score"].as_f64(),
        "{hits:?}"
    );
    // The name adds to the score, never to what matches; in lower case, one word is not
    // taken for a name, and the two passages tie.
    let (lower, _) = search(&idx, &["brown budget", "--exact"]);
    assert_eq!(lower.len(), hits.len());
    let score = |p: &str| {
        lower
            .iter()
            .find(|h| {
                h["path"].as_str().unwrap().ends_with(p)
                    && h["text"].as_str().unwrap().contains("budget")
            })
            .unwrap()["score"]
            .as_f64()
            .unwrap()
    };
    assert!(
        (score("treasury.txt") - score("bakery.txt")).abs() < 1e-3,
        "{lower:?}"
    );
}

#[test]
fn a_how_many_question_is_about_its_content_words() {
    let tmp = TempDir::new().unwrap();
    let (corpus, idx) = (tmp.path().join("c"), tmp.path().join("i"));
    write(
        &corpus,
        "gadget.txt",
        "Gadgets\n\nHow many people own a laptop? Many people own two.\n",
    );
    write(
        &corpus,
        "jobs.txt",
        "Jobs\n\nThe number of unemployed in Britain fell to 1.4 million.\n",
    );
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, r) = search(
        &idx,
        &["how many people are unemployed in Britain", "--exact"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(hits[0]["path"].as_str().unwrap().ends_with("jobs.txt"));
    // "many" and "people" alone are half of neither content word: no match.
    assert_eq!(hits.len(), 1, "{hits:?}");
}

#[test]
fn synonyms_and_irregular_forms_find_passages_in_other_words_and_exact_turns_them_off() {
    let tmp = TempDir::new().unwrap();
    let (corpus, idx) = (tmp.path().join("c"), tmp.path().join("i"));
    write(
        &corpus,
        "deal.txt",
        "Steel deal\n\nThe company agreed to purchase the steel plant for an undisclosed sum.\n",
    );
    write(
        &corpus,
        "other.txt",
        "Weather\n\nRain is expected across the north on Sunday.\n",
    );
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, r) = search(&idx, &["buy"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(hits.len(), 1, "{hits:?}");
    let text = hits[0]["text"].as_str().unwrap();
    let marked: Vec<&str> = hits[0]["expanded_highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(marked, vec!["purchase"]);
    let (exact, _) = search(&idx, &["buy", "--exact"]);
    assert!(exact.is_empty(), "{exact:?}");
    // An irregular verb's forms, which the stemmer cannot tie: "sold" finds "selling".
    write(
        &corpus,
        "mine.txt",
        "Mine stake\n\nThe group is selling its stake in the copper mine.\n",
    );
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, _) = search(&idx, &["sold"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0]["path"].as_str().unwrap().ends_with("mine.txt"));
}

#[test]
fn another_name_of_an_entity_in_the_query_finds_passages_that_use_it() {
    let tmp = TempDir::new().unwrap();
    let (corpus, idx) = (tmp.path().join("c"), tmp.path().join("i"));
    write(
        &corpus,
        "spies.txt",
        "Spy agency report\n\nSouth Korea's National Intelligence Service (NIS) said on Friday \
         that troops had moved.\n\nAccording to an NIS source, the move began last week.\n",
    );
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, r) = search(&idx, &["National Intelligence Service"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let source = hits
        .iter()
        .find(|h| {
            h["text"]
                .as_str()
                .unwrap()
                .starts_with("According to an NIS source")
        })
        .expect("the passage naming the service only as NIS is found");
    let text = source["text"].as_str().unwrap();
    let r = &source["expanded_highlights"][0];
    let (s, e) = (
        r[0].as_u64().unwrap() as usize,
        r[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "NIS");
    // --exact: only the words typed.
    let (exact, _) = search(&idx, &["National Intelligence Service", "--exact"]);
    assert_eq!(exact.len(), 1, "{exact:?}");
}
