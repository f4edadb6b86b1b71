//! People, organizations and places: extraction from the seed, aliases, filters, facets.

mod common;

use common::*;
use serde_json::Value;
use tempfile::TempDir;

fn seed() -> std::path::PathBuf {
    shipped_corpus().join("north-korea-troops-russia.md")
}

fn names_of(report: &Value, kind: &str) -> Vec<String> {
    report["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == kind)
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

fn entity<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity {name} in {report}"))
}

#[test]
fn extract_finds_the_seeds_people_organizations_and_places() {
    let reports = extract_json(&seed());
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    let people = names_of(r, "person");
    for p in ["Volodymyr Zelenskyy", "Vladimir Putin", "Kim"] {
        assert!(people.contains(&p.to_string()), "{p} not in {people:?}");
    }
    let orgs = names_of(r, "organization");
    for o in ["National Intelligence Service", "Yonhap News Agency"] {
        assert!(orgs.contains(&o.to_string()), "{o} not in {orgs:?}");
    }
    let places = names_of(r, "place");
    for p in [
        "North Korea",
        "South Korea",
        "Russia",
        "Ukraine",
        "Moscow",
        "Pyongyang",
    ] {
        assert!(places.contains(&p.to_string()), "{p} not in {places:?}");
    }
    // No figure or date is taken for a name.
    for e in r["entities"].as_array().unwrap() {
        let name = e["name"].as_str().unwrap();
        assert!(
            !name.chars().any(|c| c.is_ascii_digit()),
            "a figure named as an entity: {name}"
        );
        for not_a_name in ["Friday", "Thursday", "June", "September", "Article"] {
            assert!(
                !name.contains(not_a_name),
                "a date named as an entity: {name}"
            );
        }
    }
}

#[test]
fn mentions_of_one_entity_are_tied_together_with_exact_offsets() {
    let r = &extract_json(&seed())[0];
    let putin = entity(r, "Vladimir Putin");
    assert_eq!(putin["aliases"], serde_json::json!(["Putin"]));
    assert_eq!(putin["mentions"].as_array().unwrap().len(), 2);
    let nis = entity(r, "National Intelligence Service");
    assert!(
        nis["aliases"].as_array().unwrap().contains(&"NIS".into()),
        "{nis}"
    );
    // "(NIS)" in the first paragraph and "an NIS source" in the third.
    assert!(nis["mentions"].as_array().unwrap().len() >= 3, "{nis}");
    let z = entity(r, "Volodymyr Zelenskyy");
    assert!(z["aliases"]
        .as_array()
        .unwrap()
        .contains(&"Zelenskyy".into()));
    // Offsets point at the words, in the passage on the line given.
    let text = std::fs::read_to_string(seed()).unwrap();
    for m in putin["mentions"].as_array().unwrap() {
        let line = text
            .lines()
            .nth(m["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&line[s..e], m["text"].as_str().unwrap());
    }
    // Demonyms lead to their place but are kept apart from literal mentions.
    let russia = entity(r, "Russia");
    let demonyms: Vec<&str> = russia["demonyms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(demonyms.contains(&"Russian"), "{russia}");
    assert!(russia["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["text"] == "Russia"));
}

#[test]
fn a_first_name_alone_joins_the_full_name() {
    let tmp = TempDir::new().unwrap();
    let f = write(
        tmp.path(),
        "kim.txt",
        "Summit\n\nNorth Korean leader Kim Jong Un met the Chinese president in Beijing on Monday.\n\nKim said the talks were useful, the official KCNA news agency reported.\n",
    );
    let r = &extract_json(&f)[0];
    let kim = entity(r, "Kim Jong Un");
    assert_eq!(kim["type"], "person");
    assert!(
        kim["aliases"].as_array().unwrap().contains(&"Kim".into()),
        "{kim}"
    );
}

fn shipped_index() -> (TempDir, std::path::PathBuf) {
    let tmp = TempDir::new().unwrap();
    let idx = tmp.path().join("idx");
    let (r, _) = index(&shipped_corpus(), &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (tmp, idx)
}

fn paths(hits: &[Value]) -> Vec<String> {
    let mut p: Vec<String> = hits
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect();
    p.dedup();
    p
}

#[test]
fn person_filters_match_full_name_surname_and_transliterations() {
    let (_tmp, idx) = shipped_index();
    for name in [
        "Zelenskyy",
        "Volodymyr Zelenskyy",
        "zelensky",
        "Zelenskiy",
        "ZELENSKYY",
    ] {
        let (hits, r) = search(&idx, &["--person", name]);
        assert_eq!(r.code, 0, "--person {name}: {}", r.stderr);
        assert_eq!(paths(&hits).len(), 1, "--person {name}");
        assert!(hits[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("north-korea-troops-russia.md"));
        // Without a query: the passages that name him.
        assert!(
            hits.iter()
                .all(|h| h["text"].as_str().unwrap().contains("Zelenskyy")),
            "{hits:?}"
        );
    }
    let (hits, r) = search(&idx, &["--person", "Biden"]);
    assert!(hits.is_empty());
    assert_eq!(r.code, 1);
}

#[test]
fn entity_filters_narrow_a_query_to_articles() {
    let (_tmp, idx) = shipped_index();
    // The passage about 12,000 soldiers never names Putin, but its article does.
    let (hits, _) = search(
        &idx,
        &["soldiers", "--person", "Putin", "--per-article", "10"],
    );
    assert!(
        hits.iter()
            .any(|h| h["text"].as_str().unwrap().contains("12,000 soldiers")),
        "{hits:?}"
    );
    assert!(hits.iter().all(|h| h["path"]
        .as_str()
        .unwrap()
        .ends_with("north-korea-troops-russia.md")));
    // Organizations by acronym, places by name; filters combine with AND.
    let (hits, _) = search(&idx, &["--org", "nis"]);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h["text"].as_str().unwrap().contains("NIS")));
    let (hits, _) = search(
        &idx,
        &[
            "troops",
            "--org",
            "Yonhap News Agency",
            "--place",
            "Pyongyang",
            "--person",
            "Kim",
        ],
    );
    assert_eq!(paths(&hits).len(), 1);
    let (hits, r) = search(&idx, &["troops", "--org", "nis", "--place", "Raqqah"]);
    assert!(hits.is_empty(), "{hits:?}");
    assert_eq!(r.code, 1);
    // A place counts when only its people are named ("Russian President" for Russia).
    let (hits, _) = search(&idx, &["--place", "Russia", "--per-article", "20"]);
    assert!(hits.iter().any(|h| h["text"]
        .as_str()
        .unwrap()
        .starts_with("This development occurred during Russian President")));
    // ISIL is all over the CENTCOM documents, and nowhere in the seed.
    let (hits, _) = search(&idx, &["airstrikes", "--org", "ISIL", "--limit", "50"]);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h["path"].as_str().unwrap().contains("centcom")));
}

#[test]
fn hits_list_their_passages_entities() {
    let (_tmp, idx) = shipped_index();
    let (hits, _) = search(&idx, &["\"Vladimir Putin\""]);
    let ents = hits[0]["entities"].as_array().unwrap();
    let putin = ents
        .iter()
        .find(|e| e["name"] == "Vladimir Putin")
        .expect("Putin listed");
    assert_eq!(putin["type"], "person");
    let text = hits[0]["text"].as_str().unwrap();
    let (s, e) = (
        putin["start"].as_u64().unwrap() as usize,
        putin["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], putin["text"].as_str().unwrap());
    let r = run(newsdex()
        .args([
            "search",
            "\"Vladimir Putin\"",
            "--color",
            "never",
            "--index",
        ])
        .arg(&idx));
    assert!(r.stdout.contains("people: Vladimir Putin"), "{}", r.stdout);
}

#[test]
fn facets_count_entities_over_the_index_and_over_a_query() {
    let (_tmp, idx) = shipped_index();
    let facets = |args: &[&str]| facets(&idx, args);
    let people = facets(&["--type", "person", "--limit", "100"]);
    assert!(people.iter().all(|e| e["type"] == "person"));
    let putin = people
        .iter()
        .find(|e| e["name"] == "Vladimir Putin")
        .expect("Putin counted");
    assert_eq!(putin["mentions"], 2);
    assert_eq!(putin["articles"], 1);
    // Sorted by mentions.
    let counts: Vec<u64> = people
        .iter()
        .map(|e| e["mentions"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    // Over a query's hits: only what those passages name.
    let in_seed = facets(&["Zelenskyy", "--type", "place"]);
    let names: Vec<&str> = in_seed
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Russia"), "{names:?}");
    assert!(
        !names.contains(&"Ukraine"),
        "demonyms are not counted as mentions: {names:?}"
    );
    assert!(!names.contains(&"Syria"), "{names:?}");
    let all = facets(&["--limit", "3"]);
    assert_eq!(all.len(), 3);
    assert_eq!(
        all[0]["name"], "ISIL",
        "the most mentioned entity of the shipped corpus"
    );
}

#[test]
fn facets_count_articles_once_and_forget_what_was_removed() {
    let tmp = TempDir::new().unwrap();
    let (corpus, idx) = (tmp.path().join("c"), tmp.path().join("i"));
    let story = |who: &str| {
        format!(
            "# Talks in Geneva\n\nLONDON (Reuters) - {who} met Kofi Annan in Geneva on Monday.\n\n\
             {who} said the talks in Geneva would go on.\n\nAnnan left Geneva for Paris, and Geneva was quiet again.\n"
        )
    };
    write(&corpus, "a.md", story("Tony Blair"));
    write(&corpus, "b.md", story("Gordon Brown"));
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let count = |kind: &str, name: &str| {
        facets(&idx, &["--type", kind, "--limit", "1000"])
            .into_iter()
            .find(|e| e["name"] == name)
            .map(|e| {
                let n = |k: &str| e[k].as_u64().unwrap();
                (n("mentions"), n("passages"), n("articles"))
            })
    };
    // Geneva: three passages of each article, four mentions each.
    assert_eq!(count("place", "Geneva"), Some((8, 6, 2)));
    // An agency counts once per article, whatever the number of passages.
    assert_eq!(count("agency", "Reuters"), Some((2, 2, 2)));
    assert_eq!(count("person", "Tony Blair"), Some((2, 2, 1)));
    // A changed file: its old passages are not counted any more.
    write(&corpus, "a.md", story("Jacques Chirac"));
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(count("person", "Tony Blair"), None);
    assert_eq!(count("person", "Jacques Chirac"), Some((2, 2, 1)));
    assert_eq!(count("place", "Geneva"), Some((8, 6, 2)));
}

#[test]
fn the_first_facets_are_the_same_whether_few_or_all_are_asked_for() {
    // Enough distinct places per segment that asking for three reads only each segment's
    // best candidates; the answer must be the first three of the whole count.
    let cities = [
        "Paris",
        "London",
        "Berlin",
        "Madrid",
        "Rome",
        "Vienna",
        "Prague",
        "Warsaw",
        "Budapest",
        "Lisbon",
        "Dublin",
        "Oslo",
        "Stockholm",
        "Helsinki",
        "Copenhagen",
        "Athens",
        "Ankara",
        "Cairo",
        "Nairobi",
        "Lagos",
        "Tokyo",
        "Beijing",
        "Seoul",
        "Manila",
        "Jakarta",
        "Delhi",
        "Karachi",
        "Tehran",
        "Baghdad",
        "Riyadh",
        "Moscow",
        "Kiev",
        "Minsk",
        "Riga",
    ];
    let tmp = TempDir::new().unwrap();
    let (corpus, idx) = (tmp.path().join("c"), tmp.path().join("i"));
    for (i, lead) in ["Paris", "Tokyo", "Cairo", "Lima"].iter().enumerate() {
        let mut text = String::from("# Travel\n\n");
        for (j, city) in cities.iter().enumerate().skip(i * 5) {
            text.push_str(&format!(
                "The minister flew from {city} to {lead} in week {j}.\n\n"
            ));
        }
        write(&corpus, &format!("f{i}.md"), text);
    }
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Counted live, not read from the facets the run kept.
    std::fs::remove_file(idx.join("facets.json")).unwrap();
    let all = facets(&idx, &["--type", "place", "--limit", "1000"]);
    assert!(all.len() > 30, "{}", all.len());
    let first = facets(&idx, &["--type", "place", "--limit", "3"]);
    assert_eq!(first, all[..3].to_vec());
}

/// `entities` with no query reads the whole index's counts that the indexing run kept
/// beside the index (`facets.json`) while the index is the one they were counted over, and
/// counts live as soon as it has changed (here by the library's writer, which keeps none).
#[test]
fn whole_index_facets_are_kept_by_the_run_and_never_stale() {
    let tmp = TempDir::new().unwrap();
    let (corpus, idx) = (tmp.path().join("c"), tmp.path().join("i"));
    let story = |who: &str| {
        format!("# Talks\n\n{who} met Kofi Annan in Geneva on Monday.\n\nAnnan left Geneva.\n")
    };
    write(&corpus, "a.md", story("Tony Blair"));
    write(&corpus, "b.md", story("Gordon Brown"));
    let (r, _) = index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let kept_file = idx.join("facets.json");
    let kept = std::fs::read_to_string(&kept_file).expect("the run keeps the whole index's facets");
    let served = [
        facets(&idx, &[]),
        facets(&idx, &["--type", "place", "-n", "1"]),
    ];
    std::fs::remove_file(&kept_file).unwrap();
    let live = [
        facets(&idx, &[]),
        facets(&idx, &["--type", "place", "-n", "1"]),
    ];
    assert_eq!(served, live, "kept and live counts differ");
    // What is kept is what is shown: a count changed in the file shows.
    let geneva = r#""name":"Geneva","mentions":4"#;
    assert!(kept.contains(geneva), "{kept}");
    std::fs::write(
        &kept_file,
        kept.replace(geneva, r#""name":"Geneva","mentions":40"#),
    )
    .unwrap();
    let geneva_mentions = |rows: &[serde_json::Value]| {
        rows.iter()
            .find(|e| e["name"] == "Geneva")
            .map(|e| e["mentions"].as_u64().unwrap())
    };
    assert_eq!(geneva_mentions(&facets(&idx, &[])), Some(40));
    // Not once the index has changed: a file removed (passages deleted, no new segment)...
    let kept_again = std::fs::read(&kept_file).unwrap();
    let reindex = || {
        newsdex::index::writer::run(&newsdex::index::writer::Options {
            corpus: corpus.clone(),
            index: idx.clone(),
            rebuild: false,
            progress: false,
            agency_from_folder: false,
        })
        .unwrap()
    };
    std::fs::remove_file(corpus.join("b.md")).unwrap();
    reindex();
    assert_eq!(std::fs::read(&kept_file).unwrap(), kept_again);
    assert_eq!(geneva_mentions(&facets(&idx, &[])), Some(2));
    // ...or a file changed.
    write(&corpus, "b.md", story("Gordon Brown"));
    write(&corpus, "a.md", story("Jacques Chirac"));
    reindex();
    let live = facets(&idx, &[]);
    assert_eq!(geneva_mentions(&live), Some(4));
    let people: Vec<&str> = live
        .iter()
        .filter(|e| e["type"] == "person")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"Jacques Chirac"), "{people:?}");
    assert!(!people.contains(&"Tony Blair"), "{people:?}");
}
