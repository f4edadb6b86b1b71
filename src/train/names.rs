//! Document-level scoring of the names the recognizer finds: for each document, the set of
//! people, organizations and places it names against a judged set, matched leniently
//! ([`compare_lenient`]), per type and micro-averaged. What a user of entity search sees:
//! which documents name whom. Used for re3d ([`super::re3d`]) and for the judged article
//! pages ([`super::pages`]).

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use super::score::Counts;
use crate::annotate::corpus_names::read_together;
use crate::annotate::entities::{ArticleEntities, Reading};
use crate::annotate::keys::key;
use crate::annotate::ner::Model;
use crate::annotate::tokenize::{tokenize, Token};
use crate::article::{Article, Paragraph, Passage};

/// The types scored, in the order of a [`JudgedDoc`]'s gold sets.
pub const TYPES: [&str; 3] = ["person", "organization", "place"];

/// A document and the keys ([`key`]) of the names it holds, by type in [`TYPES`] order.
pub struct JudgedDoc {
    pub id: String,
    pub article: Article,
    pub gold: [BTreeSet<String>; 3],
}

/// A text as an article of one passage per non-empty line, each traced to its line.
pub fn article_of_lines(id: &str, text: &str) -> Article {
    let paragraphs = text
        .split('\n')
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| Paragraph {
            line: i as u64 + 1,
            text: line.to_string(),
        })
        .collect();
    Article {
        id: id.to_string(),
        paragraphs,
        ..Default::default()
    }
}

/// Scores per type and micro-averaged ("micro": the three together). With `corpus_pass`,
/// the documents are read together, as one indexing batch reads its articles
/// ([`crate::annotate::corpus_names::read_together`]). With `NEWSDEX_NER_DEBUG` set, each
/// document's missed and extra names are printed on stderr.
pub fn score(docs: &[JudgedDoc], model: &Model, corpus_pass: bool) -> Vec<(String, Counts)> {
    table(&document_counts(docs, model, corpus_pass))
}

/// Each document's counts per type, in [`TYPES`] order (see [`score`]).
pub fn document_counts(docs: &[JudgedDoc], model: &Model, corpus_pass: bool) -> Vec<[Counts; 3]> {
    let found = recognize(docs, model, corpus_pass);
    let debug = std::env::var_os("NEWSDEX_NER_DEBUG").is_some();
    docs.iter()
        .zip(&found)
        .map(|(doc, found_entities)| {
            let mut found: [BTreeSet<String>; 3] = Default::default();
            for m in found_entities.mentions.iter().filter(|m| !m.demonym) {
                let i = found_entities.entities[m.entity].kind.type_index();
                found[i].insert(key(&m.text));
            }
            std::array::from_fn(|i| {
                if debug {
                    print_differences(&doc.id, TYPES[i], &doc.gold[i], &found[i]);
                }
                compare_lenient(&doc.gold[i], &found[i])
            })
        })
        .collect()
}

/// The documents' counts summed per type, and micro-averaged ("micro": the three together).
pub fn table(counts: &[[Counts; 3]]) -> Vec<(String, Counts)> {
    let mut per = [Counts::default(); 3];
    for doc in counts {
        for (sum, c) in per.iter_mut().zip(doc) {
            *sum += *c;
        }
    }
    let all: Counts = per.iter().copied().sum();
    TYPES
        .iter()
        .map(|t| t.to_string())
        .zip(per)
        .chain([("micro".to_string(), all)])
        .collect()
}

/// The gold names of a judged document (an object with a list per type in [`TYPES`]), as keys.
pub fn gold_names(names: &Value) -> [BTreeSet<String>; 3] {
    TYPES.map(|t| {
        names[t]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(key)
            .collect()
    })
}

/// A JSON file, read and parsed, its path in the errors.
pub fn read_json(path: &Path) -> Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// The entities of each document, as indexing finds them.
fn recognize(docs: &[JudgedDoc], model: &Model, corpus_pass: bool) -> Vec<ArticleEntities> {
    let articles: Vec<(Vec<Passage>, Vec<Vec<Token>>)> = docs
        .iter()
        .map(|doc| {
            let passages = doc.article.passages();
            let tokens = passages.iter().map(|p| tokenize(&p.text)).collect();
            (passages, tokens)
        })
        .collect();
    let readings = articles.iter().map(|(p, t)| Reading::new(p, t, model));
    if !corpus_pass {
        return readings.map(|r| r.alone).collect();
    }
    let passages: Vec<&[Passage]> = articles.iter().map(|(p, _)| p.as_slice()).collect();
    read_together(readings.collect(), &passages)
}

/// Prints the gold names nothing found matches and the names found that match no gold one.
fn print_differences(id: &str, kind: &str, gold: &BTreeSet<String>, found: &BTreeSet<String>) {
    let holds = |a: &str, b: &str| format!(" {a} ").contains(&format!(" {b} "));
    let near = |x: &String, set: &BTreeSet<String>| set.iter().any(|y| holds(x, y) || holds(y, x));
    let missed: Vec<_> = gold.iter().filter(|g| !near(g, found)).collect();
    let extra: Vec<_> = found.iter().filter(|f| !near(f, gold)).collect();
    eprintln!("{id} {kind} missed {missed:?} extra {extra:?}");
}

/// Set scores where a found name and a gold name match when one holds the other as whole
/// words ("Joseph Votel" and "Gen. Joseph Votel"); each gold and each found name is used
/// once.
pub fn compare_lenient(gold: &BTreeSet<String>, found: &BTreeSet<String>) -> Counts {
    let holds = |a: &str, b: &str| format!(" {a} ").contains(&format!(" {b} "));
    let mut used: BTreeSet<&String> = BTreeSet::new();
    let mut tp = 0;
    for g in gold {
        if let Some(f) = found
            .iter()
            .find(|f| !used.contains(f) && (holds(g, f) || holds(f, g)))
        {
            used.insert(f);
            tp += 1;
        }
    }
    Counts {
        true_pos: tp,
        false_pos: found.len() - tp,
        false_neg: gold.len() - tp,
    }
}
