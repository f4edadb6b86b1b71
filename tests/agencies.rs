//! Source agencies: credits found in text and metadata, the --agency filter, facets.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;
use tempfile::TempDir;

fn agencies_of(path: &std::path::Path) -> Vec<(String, String)> {
    extract_first(path)["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_string(),
                a["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_seed_credits_yonhap_as_news_agency_and_nis_as_source() {
    let found = agencies_of(&shipped_corpus().join("north-korea-troops-russia.md"));
    assert!(
        found.contains(&("Yonhap".into(), "wire".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("National Intelligence Service".into(), "source".into())),
        "{found:?}"
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

fn corpus() -> (TempDir, std::path::PathBuf) {
    seed_corpus_index(&[
        ("ap.txt", "Senate vote\n\nWASHINGTON (AP) - The Senate voted on the budget on Tuesday.\n"),
        ("mention.txt", "Media shares\n\nReuters shares fell 3% on Monday, and a Reuters journalist was arrested in Cairo.\n"),
        ("meta.json", r#"{"title": "Cabinet", "source": "Agence France-Presse", "body": "The cabinet met on Monday."}"#),
        ("sana.txt", "Strikes\n\nThe state-run Syrian news agency Sana reported strikes near Homs.\n"),
    ])
}

fn files(hits: &[Value]) -> BTreeSet<String> {
    hits.iter().map(file_name).collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn agency_filters_match_by_name_or_alias_case_insensitively() {
    let (_tmp, idx) = corpus();
    for (agency, expected) in [
        ("nis", "seed.md"),
        ("yonhap", "seed.md"),
        ("Yonhap News Agency", "seed.md"),
        ("ap", "ap.txt"),
        ("Associated Press", "ap.txt"),
        ("afp", "meta.json"),
        ("SANA", "sana.txt"),
    ] {
        let (hits, r) = search(&idx, &["--agency", agency]);
        assert_eq!(r.code, 0, "--agency {agency}: {}", r.stderr);
        assert_eq!(files(&hits), set(&[expected]), "--agency {agency}");
    }
    // A mention alone credits nothing.
    let (hits, r) = search(&idx, &["--agency", "reuters"]);
    assert!(hits.is_empty(), "{hits:?}");
    assert_eq!(r.code, 1);
    // --wire-only leaves out bodies credited as sources.
    let (hits, _) = search(&idx, &["--agency", "nis", "--wire-only"]);
    assert!(hits.is_empty());
    let (hits, _) = search(&idx, &["--agency", "yonhap", "--wire-only"]);
    assert_eq!(files(&hits), set(&["seed.md"]));
    let (hits, _) = search(&idx, &["--wire-only"]);
    assert_eq!(
        files(&hits),
        set(&["seed.md", "ap.txt", "meta.json", "sana.txt"])
    );
    // With a query and other filters.
    let (hits, _) = search(&idx, &["troops", "--agency", "nis", "--person", "Putin"]);
    assert_eq!(files(&hits), set(&["seed.md"]));
    // Hits show the article's credits.
    let (hits, _) = search(&idx, &["troops", "--agency", "nis"]);
    let credited: Vec<&str> = hits[0]["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(
        credited.contains(&"Yonhap") && credited.contains(&"National Intelligence Service"),
        "{credited:?}"
    );
}

#[test]
fn agency_facets_count_articles() {
    let (_tmp, idx) = corpus();
    let counts = facets(&idx, &["--type", "agency"]);
    let names: BTreeSet<String> = counts
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        set(&[
            "Agence France-Presse",
            "Associated Press",
            "National Intelligence Service",
            "SANA",
            "Yonhap"
        ])
    );
    assert!(counts
        .iter()
        .all(|c| c["articles"] == 1 && c["type"] == "agency"));
}

#[test]
fn agency_from_folder_credits_each_folder() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "afp/a.txt", "A\n\nThe cabinet met.\n");
    write(&c, "Interfax/b.txt", "B\n\nThe cabinet met again.\n");
    write(&c, "loose.txt", "C\n\nThe cabinet met once more.\n");
    let idx = tmp.path().join("idx");
    let (r, _) = index(&c, &idx, &["--agency-from-folder"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (hits, _) = search(&idx, &["--agency", "Agence France-Presse", "--wire-only"]);
    assert_eq!(files(&hits), set(&["a.txt"]));
    let (hits, _) = search(&idx, &["--agency", "interfax"]);
    assert_eq!(files(&hits), set(&["b.txt"]));
    // Switching it off again re-reads the corpus without folder credits.
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0);
    assert_eq!(s["files_read"], 3, "{s}");
    let (hits, _) = search(&idx, &["--agency", "interfax"]);
    assert!(hits.is_empty());
}

/// The hand-checked sample of BBC articles: precision and recall of news-agency credits.
#[test]
fn bbc_sample_precision_and_recall() {
    let Some(data) = shared_data("bbc_sample_precision_and_recall") else {
        return;
    };
    let sample = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bbc_agencies.tsv"),
    )
    .unwrap();
    let (mut tp, mut fp, mut fn_, mut files) = (0, 0, 0, 0);
    for line in sample.lines().filter(|l| !l.starts_with('#')) {
        let (file, expected) = line.split_once('\t').unwrap();
        let expected: BTreeSet<String> = expected
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let found: BTreeSet<String> = agencies_of(&data.join("bbc").join(file))
            .into_iter()
            .filter(|(_, k)| k == "wire")
            .map(|(n, _)| n)
            .collect();
        tp += expected.intersection(&found).count();
        fp += found.difference(&expected).count();
        fn_ += expected.difference(&found).count();
        files += 1;
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fn_) as f64;
    eprintln!(
        "BBC sample: {files} files, {} credits; precision {precision:.3}, recall {recall:.3}",
        tp + fn_
    );
    assert!(files >= 80);
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision}, recall {recall}"
    );
}

#[test]
fn reuters_stories_are_credited_to_reuters() {
    let Some(data) = shared_data("reuters_stories_are_credited_to_reuters") else {
        return;
    };
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::copy(
        data.join("reuters21578/reut2-000.sgm"),
        c.join("reut2-000.sgm"),
    )
    .unwrap();
    let idx = tmp.path().join("idx");
    index(&c, &idx, &[]);
    let counts = facets(&idx, &["--type", "agency", "--wire-only"]);
    let reuters = counts
        .iter()
        .find(|c| c["name"] == "Reuters")
        .expect("Reuters counted");
    assert_eq!(reuters["articles"], 1000, "every story of the file");
}

/// An agency credited in a dateline is an organization, never a person, even where the
/// recognizer reads its name as one.
#[test]
fn a_credited_agency_is_no_person() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("envoy.txt");
    std::fs::write(
        &file,
        "Seoul sends envoy\n\nSEOUL, Nov 4 (Yonhap) -- South Korea's spy agency said on Monday \
         that North Korea has sent 12,000 soldiers to Russia.\n",
    )
    .unwrap();
    assert!(agencies_of(&file).contains(&("Yonhap".into(), "wire".into())));
    let report = extract_first(&file);
    let people: Vec<&str> = report["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "person")
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(!people.contains(&"Yonhap"), "{people:?}");
}
