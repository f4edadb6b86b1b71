//! Dates a passage mentions: found and normalised (`extract`), resolved against the
//! article's date, searched with `--mentions-date`, counted by `entities --type date`.

mod common;

use common::*;
use tempfile::TempDir;

fn dates_of(path: &std::path::Path) -> Vec<(String, String)> {
    extract_first(path)["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["text"].as_str().unwrap().to_string(),
                d["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_undated_seed_gives_its_dates_and_no_weekdays() {
    let found = dates_of(&shipped_corpus().join("north-korea-troops-russia.md"));
    let want = [
        ("June 19", "--06-19"),
        ("1961", "1961"),
        ("2000", "2000"),
        ("September 2023", "2023-09"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(t, v)| (t.to_string(), v.to_string()))
        .collect();
    assert_eq!(found, want);
}

const DATED: &str = "Troops sent\n\nSEOUL, Oct 19, 2024 (Yonhap) -- The spy agency said on \
                     Friday that the first troops left last Monday, after a pact signed on \
                     June 19.\n";

#[test]
fn weekdays_resolve_against_the_articles_date() {
    let tmp = TempDir::new().unwrap();
    let file = write(tmp.path(), "dated.txt", DATED);
    let found = dates_of(&file);
    for (text, value) in [
        ("Friday", "2024-10-18"),
        ("last Monday", "2024-10-14"),
        ("June 19", "2024-06-19"),
    ] {
        assert!(
            found.contains(&(text.to_string(), value.to_string())),
            "{text} {value} not in {found:?}"
        );
    }
}

#[test]
fn mentions_date_filters_and_facets() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("c");
    write(&corpus, "dated.txt", DATED);
    write(
        &corpus,
        "other.txt",
        "Other\n\nThe treaty of 1961 was replaced in 2000.\n",
    );
    let idx = tmp.path().join("idx");
    let (r, _) = common::index(&corpus, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (period, file) in [
        ("2024-06", "dated.txt"),
        ("2024-06-19", "dated.txt"),
        ("2024-10-10..2024-10-15", "dated.txt"),
        ("1961", "other.txt"),
        ("1950..1970", "other.txt"),
    ] {
        let (hits, r) = search(&idx, &["--mentions-date", period]);
        assert_eq!(r.code, 0, "{period}: {}", r.stderr);
        let files: Vec<String> = hits.iter().map(file_name).collect();
        assert!(files.iter().all(|f| f == file), "{period}: {files:?}");
        assert!(!files.is_empty(), "{period}");
    }
    let (hits, r) = search(&idx, &["--mentions-date", "1999"]);
    assert_eq!((hits.len(), r.code), (0, 1));
    let (_, r) = search(&idx, &["--mentions-date", "June"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let years: Vec<String> = facets(&idx, &["--type", "date"])
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect();
    for y in ["2024", "2024-06", "2024-10", "1961", "2000"] {
        assert!(years.contains(&y.to_string()), "{y} not in {years:?}");
    }
}
