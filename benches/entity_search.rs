//! Search by entity against search by phrase, on the re3d documents (`../shared/data/re3d`,
//! CENTCOM and UK Government), as a user would try it: for every person, organisation and
//! place name that the gold annotations give a document, `--person/--org/--place NAME` and
//! the quoted phrase `"NAME"` are each run over an index of the 49 documents, and the
//! articles each returns are scored against the documents the gold gives the name in, in
//! two ways: the documents whose gold annotations write the name as typed (the issue's
//! measure: a phrase search can hardly lose it), and the documents whose gold annotations
//! name the same entity in any of its forms ("Mr Ellwood" and "Tobias Ellwood", "Raqqa" and
//! "Ar Raqqah", "ISIL" and "Daesh"), as grouped by a judge who saw the gold names and their
//! documents and no output of newsdex (`benches/judged/re3d_entities.json`, 71 groups).
//! Reported: F1 macro-averaged over the names, per type and overall, for both searches.
//!
//! `cargo bench --bench entity_search` (skips, saying why, without the data). The report is
//! printed and written to `target/newsdex-bench/entity-search.json`, with the names the
//! filter finds worse than the phrase (what it misses, what it finds wrongly).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Result};

use newsdex::annotate::keys::key;
use newsdex::index::Store;
use newsdex::search::{search, Request};
use newsdex::train::re3d::{gold_name, read};
use newsdex::train::score::Counts;

/// A gold name: its type (person, organization, place) and key.
type NameKey = (&'static str, String);
/// Per type: the F1 of each name for the filter and for the phrase.
type Scores<'a> = BTreeMap<&'a str, (Vec<f64>, Vec<f64>)>;

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data/re3d");
    if !data.is_dir() {
        eprintln!("entity_search: skipping: ../shared/data/re3d is not beside the repository");
        return Ok(());
    }
    let work = root.join("target/newsdex-bench/re3d");
    let corpus = work.join("corpus");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&corpus)?;
    // Gold: (type, key) → (the name as written first, documents).
    let mut gold: BTreeMap<NameKey, (String, BTreeSet<String>)> = BTreeMap::new();
    for part in ["centcom", "uk_government"] {
        for doc in read(&data.join(part))? {
            let file = format!("{}.txt", doc.id);
            let paragraphs: Vec<&str> = doc
                .text
                .split('\n')
                .filter(|l| !l.trim().is_empty())
                .collect();
            std::fs::write(
                corpus.join(&file),
                format!("{}\n\n{}\n", doc.id, paragraphs.join("\n\n")),
            )?;
            for (t, _, _, value) in &doc.gold {
                let kind = match t.as_str() {
                    "Person" => "person",
                    "Organisation" => "organization",
                    "Location" => "place",
                    _ => continue,
                };
                let Some(name) = gold_name(value) else {
                    continue;
                };
                let entry = gold
                    .entry((kind, key(&name)))
                    .or_insert_with(|| (name.clone(), BTreeSet::new()));
                entry.1.insert(file.clone());
            }
        }
    }
    let index = work.join("index");
    let out = Command::new(PathBuf::from(env!("CARGO_BIN_EXE_newsdex")))
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .output()?;
    if !out.status.success() {
        bail!(
            "newsdex index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = Store::open(&index)?;
    let entity_gold = entity_gold(root, &gold)?;
    // Per measure and type: F1 of each name, for the filter and for the phrase.
    let mut scores: [Scores; 2] = Default::default();
    // The names the filter finds worse than the phrase: the documents the phrase finds and
    // the filter misses, and those the filter finds wrongly where the phrase does not.
    let mut worse = Vec::new();
    for (name_key, (name, docs)) in &gold {
        let found = [filter_request(name_key.0, name), phrase_request(name)].map(|req| {
            search(&store, &req)
                .map(|r| r.hits)
                .unwrap_or_default()
                .iter()
                .map(|h| h.path.rsplit('/').next().unwrap_or("").to_string())
                .collect::<BTreeSet<String>>()
        });
        for (measure, gold_docs) in [docs, &entity_gold[name_key]].into_iter().enumerate() {
            let f1s = [f1(gold_docs, &found[0]), f1(gold_docs, &found[1])];
            if f1s[0] < f1s[1] {
                let only = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Vec<String> {
                    a.difference(b).cloned().collect()
                };
                worse.push(serde_json::json!({
                    "measure": MEASURES[measure], "type": name_key.0, "name": name,
                    "missed": only(&gold_docs.intersection(&found[1]).cloned().collect(), &found[0]),
                    "wrong": only(&found[0].difference(gold_docs).cloned().collect(), &found[1]),
                }));
            }
            let e = scores[measure].entry(name_key.0).or_default();
            e.0.push(f1s[0]);
            e.1.push(f1s[1]);
        }
    }
    let mut rows = Vec::new();
    for (measure, scores) in scores.iter().enumerate() {
        rows.extend(print_table(MEASURES[measure], scores));
    }
    std::fs::write(
        work.with_file_name("entity-search.json"),
        serde_json::to_string_pretty(&serde_json::json!({"scores": rows, "filter_worse": worse}))?,
    )?;
    Ok(())
}

/// The two golds a name's documents are scored against: the documents whose gold
/// annotations write the name as typed, and those whose gold annotations name the same
/// entity in any of its forms (`benches/judged/re3d_entities.json`).
const MEASURES: [&str; 2] = ["name as written", "entity"];

fn filter_request(kind: &str, name: &str) -> Request {
    let mut request = Request {
        limit: 10_000,
        per_article: 1,
        ..Request::default()
    };
    match kind {
        "person" => request.filters.persons.push(name.to_string()),
        "organization" => request.filters.orgs.push(name.to_string()),
        _ => request.filters.places.push(name.to_string()),
    }
    request
}

fn phrase_request(name: &str) -> Request {
    Request {
        query: Some(format!("\"{}\"", name.replace('"', ""))),
        limit: 10_000,
        per_article: 1,
        ..Request::default()
    }
}

/// Each gold name's documents as an entity: the union over the names the judged groups put
/// with it (a name in no group stands alone).
fn entity_gold(
    root: &Path,
    gold: &BTreeMap<NameKey, (String, BTreeSet<String>)>,
) -> Result<BTreeMap<NameKey, BTreeSet<String>>> {
    let path = root.join("benches/judged/re3d_entities.json");
    let judged: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let mut out: BTreeMap<NameKey, BTreeSet<String>> = gold
        .iter()
        .map(|(k, (_, docs))| (k.clone(), docs.clone()))
        .collect();
    for group in judged["groups"].as_array().into_iter().flatten() {
        let kind = match group["type"].as_str() {
            Some("person") => "person",
            Some("organization") => "organization",
            _ => "place",
        };
        let keys: BTreeSet<NameKey> = group["names"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str())
            .map(|n| (kind, key(n)))
            .filter(|k| gold.contains_key(k))
            .collect();
        let docs: BTreeSet<String> = keys.iter().flat_map(|k| gold[k].1.clone()).collect();
        for k in keys {
            out.insert(k, docs.clone());
        }
    }
    Ok(out)
}

/// Prints one measure's table (per type and all) and returns its rows as JSON.
fn print_table(measure: &str, scores: &Scores) -> Vec<serde_json::Value> {
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let mut rows = Vec::new();
    let (mut all_filter, mut all_phrase) = (Vec::new(), Vec::new());
    println!(
        "re3d: entity filter against quoted phrase, F1 macro-averaged over gold names; gold: the {measure}"
    );
    println!(
        "{:<13} {:>6} {:>8} {:>8}",
        "type", "names", "filter", "phrase"
    );
    let mut row = |kind: &str, filter: &[f64], phrase: &[f64]| {
        println!(
            "{:<13} {:>6} {:>8.4} {:>8.4}",
            kind,
            filter.len(),
            mean(filter),
            mean(phrase)
        );
        rows.push(serde_json::json!({"measure": measure, "type": kind, "names": filter.len(), "filter_f1": mean(filter), "phrase_f1": mean(phrase)}));
    };
    for (kind, (filter, phrase)) in scores {
        row(kind, filter, phrase);
        all_filter.extend(filter);
        all_phrase.extend(phrase);
    }
    row("all", &all_filter, &all_phrase);
    rows
}

/// F1 of a found set against a gold set (never empty here).
fn f1(gold: &BTreeSet<String>, found: &BTreeSet<String>) -> f64 {
    Counts::of_sets(gold, found).f1()
}
