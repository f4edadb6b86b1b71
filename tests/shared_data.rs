//! Tests on the data in ../shared/data. Each skips, saying why, when it is absent.

mod common;

use common::*;
use tempfile::TempDir;

#[test]
fn indexes_all_bbc_articles_and_finds_a_known_passage() {
    let Some(data) = shared_data("indexes_all_bbc_articles_and_finds_a_known_passage") else {
        return;
    };
    let tmp = TempDir::new().unwrap();
    let idx = tmp.path().join("idx");
    let (r, s) = index(&data.join("bbc"), &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // 2,225 articles in five topic folders, plus the collection's README.TXT.
    assert_eq!(s["files_read"], 2226, "{s}");
    assert_eq!(s["articles_total"], 2226);
    assert!(r
        .stderr
        .contains("bbc/sport/199.txt: not valid UTF-8; decoded as Windows-1252"));
    let (hits, _) = search(&idx, &["\"Time Warner\" subscribers"]);
    let hit = &hits[0];
    assert!(
        hit["path"]
            .as_str()
            .unwrap()
            .ends_with("bbc/business/001.txt"),
        "{hit}"
    );
    assert_eq!(hit["title"], "Ad sales boost Time Warner profit");
    assert_eq!(hit["line"], 7);
    assert!(hit["text"]
        .as_str()
        .unwrap()
        .contains("It lost 464,000 subscribers"));
}

#[test]
fn reads_reuters_sgml_with_dates() {
    let Some(data) = shared_data("reads_reuters_sgml_with_dates") else {
        return;
    };
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    std::fs::create_dir_all(&c).unwrap();
    for f in ["reut2-000.sgm", "reut2-017.sgm"] {
        std::fs::copy(data.join("reuters21578").join(f), c.join(f)).unwrap();
    }
    let idx = tmp.path().join("idx");
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s["articles_total"], 2000, "{s}");
    assert!(r.stderr.contains("reut2-017.sgm: not valid UTF-8"));
    let (hits, _) = search(&idx, &["Bahia cocoa", "--limit", "1"]);
    assert_eq!(hits[0]["title"], "BAHIA COCOA REVIEW");
    assert_eq!(hits[0]["date"], "1987-02-26");
    assert_eq!(hits[0]["source"], "Reuters");
    let (hits, _) = search(&idx, &["cocoa", "--since", "1987-02-27", "--sort", "date"]);
    assert!(hits
        .iter()
        .all(|h| h["date"].as_str().unwrap() >= "1987-02-27"));
    let dates: Vec<&str> = hits.iter().map(|h| h["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

/// Reuters' US datelines name the state in the agencies' abbreviation ("PALO ALTO, Calif.,
/// March 3 -"): in the first five files of Reuters-21578, for at least nine in ten of the
/// (article, state) pairs written so, the place found at the abbreviation is the state, by its
/// full name (61 of 64 when written; 0 of 64 before: "Calif" and "Mo" stood alone and "Fla"
/// was Florencia, Colombia).
#[test]
fn us_states_in_reuters_datelines_are_the_states() {
    let Some(data) = shared_data("us_states_in_reuters_datelines_are_the_states") else {
        return;
    };
    let states = [
        ("Calif", "California"),
        ("Fla", "Florida"),
        ("Mass", "Massachusetts"),
        ("N.J", "New Jersey"),
        ("N.Y", "New York"),
        ("Conn", "Connecticut"),
        ("Pa", "Pennsylvania"),
        ("Mich", "Michigan"),
    ];
    let (mut seen, mut states_found) = (0, 0);
    let files = (0..5).map(|i| data.join(format!("reuters21578/reut2-00{i}.sgm")));
    for article in files.flat_map(|f| extract_json(&f)) {
        let text: String = article["passages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        for (abbr, state) in states {
            if !text.contains(&format!(", {abbr}.,")) {
                continue;
            }
            seen += 1;
            let found = article["entities"].as_array().unwrap().iter().any(|e| {
                e["type"] == "place"
                    && e["name"] == state
                    && e["mentions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|m| m["text"].as_str().unwrap().trim_end_matches('.') == abbr)
            });
            states_found += usize::from(found);
        }
    }
    eprintln!(
        "{states_found} of {seen} articles with a state abbreviation in a dateline name the state"
    );
    assert!(seen >= 50, "{seen}");
    assert!(states_found * 10 >= seen * 9, "{states_found} of {seen}");
}

/// The article-extraction benchmark's half in ../shared/data: the text kept from 91 real
/// article pages scores at least 0.95 F1 against their gold bodies (0.973 when written;
/// `cargo bench --bench html_extraction` prints the figures and the worst pages).
#[test]
fn web_pages_keep_their_article_text() {
    let Some(data) = shared_data("web_pages_keep_their_article_text") else {
        return;
    };
    let dir = data.join("html-extraction");
    let gold: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap())
            .unwrap();
    let pages: Vec<_> = gold
        .iter()
        .map(|(id, truth)| {
            let path = dir.join("html").join(format!("{id}.html"));
            let bytes = std::fs::read(&path).unwrap();
            let parsed = newsdex::corpus::read(
                &path.to_string_lossy(),
                newsdex::corpus::Format::Html,
                &bytes,
            );
            let body = parsed.map_or_else(
                |_| String::new(),
                |p| {
                    p.articles[0]
                        .paragraphs
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                },
            );
            newsdex::train::extraction::page(truth["articleBody"].as_str().unwrap(), &body)
        })
        .collect();
    let (precision, recall, f1) = newsdex::train::extraction::summary(&pages);
    assert!(
        f1 >= 0.95,
        "F1 {f1:.4} (precision {precision:.4}, recall {recall:.4})"
    );
}
