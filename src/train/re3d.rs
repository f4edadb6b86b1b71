//! Scoring against the re3d data set (defence and security documents with gold entity
//! annotations): document-level precision and recall of the sets of entities found, the
//! measure closest to how analysts use newsdex (which documents name whom).

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use super::names::JudgedDoc;
use super::score::Counts;
use crate::annotate::keys::key;
use crate::annotate::ner::Model;
use crate::article::Article;

/// One re3d document: its text and the gold entities (type, key) in it.
pub struct Re3dDoc {
    pub id: String,
    pub text: String,
    /// Gold annotations: (type name, start, end, value).
    pub gold: Vec<(String, usize, usize, String)>,
}

/// Reads `documents.json` and `entities.json` of one re3d part.
pub fn read(dir: &Path) -> Result<Vec<Re3dDoc>> {
    let read_lines = |name: &str| -> Result<Vec<Value>> {
        let p = dir.join(name);
        let text = fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).with_context(|| format!("parsing {}", p.display())))
            .collect()
    };
    let mut docs: Vec<Re3dDoc> = read_lines("documents.json")?
        .into_iter()
        .map(|d| Re3dDoc {
            id: d["_id"].as_str().unwrap_or("").to_string(),
            text: d["text"].as_str().unwrap_or("").to_string(),
            gold: Vec::new(),
        })
        .collect();
    let index: HashMap<String, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    for e in read_lines("entities.json")? {
        let Some(&i) = e["documentId"].as_str().and_then(|id| index.get(id)) else {
            continue;
        };
        docs[i].gold.push((
            e["type"].as_str().unwrap_or("").to_string(),
            e["begin"].as_u64().unwrap_or(0) as usize,
            e["end"].as_u64().unwrap_or(0) as usize,
            e["value"].as_str().unwrap_or("").to_string(),
        ));
    }
    Ok(docs)
}

/// The name in a gold value, or `None` for a description or pronoun: re3d marks "the
/// enemy", "our Coalition partners" and "They" too, which name nothing a name search could
/// find. A leading "the" is dropped ("the Kurdish YPG" is the name "Kurdish YPG"); a value
/// that starts in lower case, or is a pronoun, is a description.
pub fn gold_name(value: &str) -> Option<String> {
    let v = value.trim();
    let v = v
        .strip_prefix("the ")
        .or_else(|| v.strip_prefix("The "))
        .unwrap_or(v);
    const PRONOUNS: &[&str] = &[
        "We", "They", "It", "He", "She", "I", "Our", "Their", "His", "Her", "Its", "You", "This",
        "That", "These", "Those",
    ];
    let first = v.split_whitespace().next()?;
    if !first.starts_with(char::is_uppercase) || PRONOUNS.contains(&first) {
        return None;
    }
    Some(v.to_string())
}

/// A re3d document as newsdex reads it: one passage per non-empty line.
pub fn as_article(doc: &Re3dDoc) -> Article {
    super::names::article_of_lines(&doc.id, &doc.text)
}

/// Document-level scores of the people, organizations and places found, per type and
/// micro-averaged ([`super::names::score`]): each document's set of names of a type against
/// the gold set (Person, Organisation, Location values that are names, see [`gold_name`]).
/// With `corpus_pass`, the documents are read twice, the second time with what the first
/// said of every name across them ([`crate::annotate::corpus_names`]).
pub fn evaluate_entities(
    docs: &[Re3dDoc],
    model: &Model,
    corpus_pass: bool,
) -> Vec<(String, Counts)> {
    let judged: Vec<JudgedDoc> = docs
        .iter()
        .map(|doc| {
            let mut gold: [BTreeSet<String>; 3] = Default::default();
            for (t, _, _, v) in &doc.gold {
                let i = match t.as_str() {
                    "Person" => 0,
                    "Organisation" => 1,
                    "Location" => 2,
                    _ => continue,
                };
                if let Some(name) = gold_name(v) {
                    gold[i].insert(key(&name));
                }
            }
            JudgedDoc {
                id: doc.id.clone(),
                article: as_article(doc),
                gold,
            }
        })
        .collect();
    super::names::score(&judged, model, corpus_pass)
}

/// A gold figure: byte span, and its value and unit where its words can be read (an empty
/// unit matches any).
type GoldFigure = (usize, usize, Option<(f64, String)>);

/// Figure detection scored against the gold Quantity and Money annotations, per document: a
/// gold figure is found when a figure newsdex finds overlaps it with the same value (and the
/// same unit, where the gold words name one); a figure found where no gold one stands is a
/// false positive. With `temporal_aside`, a figure found where the gold marks a Temporal
/// expression counts neither way: re3d files durations there ("two weeks", "the past
/// 20-plus months"), which newsdex reads as figures (the seed's "25 years").
pub fn evaluate_figures(docs: &[Re3dDoc], temporal_aside: bool) -> Counts {
    let mut c = Counts::default();
    for doc in docs {
        // Gold offsets count characters; figures count bytes.
        let byte_at: Vec<usize> = doc
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(doc.text.len()))
            .collect();
        let at = |i: usize| byte_at[i.min(byte_at.len() - 1)];
        let gold: Vec<GoldFigure> = doc
            .gold
            .iter()
            .filter(|(t, ..)| t == "Quantity" || t == "Money")
            .map(|(_, b, e, v)| {
                let unit = crate::annotate::figures::find(v)
                    .into_iter()
                    .next()
                    .map(|f| f.unit)
                    .unwrap_or_default();
                let value = crate::annotate::figures::parse_value(v);
                (at(*b), at(*e), value.map(|value| (value, unit)))
            })
            .collect();
        let temporal: Vec<(usize, usize)> = doc
            .gold
            .iter()
            .filter(|(t, ..)| temporal_aside && t == "Temporal")
            .map(|(_, b, e, _)| (at(*b), at(*e)))
            .collect();
        c += score_figures(&doc.text, &gold, &temporal);
    }
    c
}

/// Figure detection scored against the figures a judge listed in each document, blind to
/// newsdex and to re3d's annotations (`benches/judged/re3d_figures.json`: counts, money,
/// measures, percentages, durations and ages, each with its value): a listed figure is found
/// when a figure newsdex finds overlaps it with the same value. A figure the judge marked
/// doubtful counts neither way. Units are not compared (the judge names them in words), but
/// metric lengths and areas are compared in metres, as newsdex states them. An error when
/// a document is not judged or a judged figure cannot be found in it.
pub fn evaluate_judged_figures(docs: &[Re3dDoc], path: &Path) -> Result<Counts> {
    let judged = super::names::read_json(path)?;
    let lists: HashMap<&str, &Vec<Value>> = judged["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| Some((d["id"].as_str()?, d["figures"].as_array()?)))
        .collect();
    let mut c = Counts::default();
    for doc in docs {
        let Some(list) = lists.get(doc.id.as_str()) else {
            anyhow::bail!("{}: document {} is not judged", path.display(), doc.id);
        };
        let (mut gold, mut doubtful) = (Vec::new(), Vec::new());
        let mut from = 0;
        for figure in list.iter() {
            let written = figure["text"].as_str().unwrap_or("");
            let Some(span) = find_words(&doc.text, from, written) else {
                anyhow::bail!(
                    "{}: {written:?} is not in document {} (after byte {from})",
                    path.display(),
                    doc.id
                );
            };
            from = span.1;
            if figure["doubtful"].as_bool() == Some(true) {
                doubtful.push(span);
                continue;
            }
            let Some(value) = figure["value"].as_f64() else {
                anyhow::bail!("{}: {written:?} has no value", path.display());
            };
            let unit = figure["unit"].as_str().unwrap_or("");
            let scale = IN_METRES
                .iter()
                .find(|(u, _)| *u == unit)
                .map_or(1.0, |u| u.1);
            gold.push((span.0, span.1, Some((value * scale, String::new()))));
        }
        c += score_figures(&doc.text, &gold, &doubtful);
    }
    Ok(c)
}

/// The byte span of the first occurrence of `words` (not empty) at or after byte `from` of
/// `text` that stands as words of its own ("10" not inside "2010").
fn find_words(text: &str, from: usize, words: &str) -> Option<(usize, usize)> {
    if words.is_empty() {
        return None;
    }
    let alone = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    text[from..]
        .match_indices(words)
        .map(|(i, _)| (from + i, from + i + words.len()))
        .find(|&(s, e)| alone(text[..s].chars().next_back()) && alone(text[e..].chars().next()))
}

/// The judged set's metric units of length and area, in metres and square metres (newsdex
/// keeps miles and square miles as written).
const IN_METRES: &[(&str, f64)] = &[("kilometer", 1_000.0), ("square kilometer", 1_000_000.0)];

/// One document's figures against its gold ones; a figure found overlapping a span of
/// `aside` and matching no gold figure counts neither way. `NEWSDEX_FIGURE_DEBUG` prints
/// what is missed and what is found beside the gold on stderr.
fn score_figures(text: &str, gold: &[GoldFigure], aside: &[(usize, usize)]) -> Counts {
    let mut c = Counts::default();
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        for f in crate::annotate::figures::find(line) {
            found.push((offset + f.start, offset + f.end, f));
        }
        offset += line.len() + 1;
    }
    let mut used = vec![false; found.len()];
    let debug = std::env::var_os("NEWSDEX_FIGURE_DEBUG").is_some();
    for (gs, ge, gf) in gold {
        let hit = found.iter().enumerate().position(|(k, (s, e, f))| {
            !used[k]
                && s < ge
                && gs < e
                && gf.as_ref().is_some_and(|(value, unit)| {
                    (value - f.value).abs() <= 1e-9 * value.abs().max(1.0)
                        && (unit.is_empty() || *unit == f.unit)
                })
        });
        match hit {
            Some(k) => {
                used[k] = true;
                c.true_pos += 1;
            }
            None => {
                if debug {
                    eprintln!("MISS {:?} parsed {:?}", &text[*gs..*ge], gf);
                }
                c.false_neg += 1
            }
        }
    }
    let set_aside = |s: usize, e: usize| aside.iter().any(|&(ts, te)| s < te && ts < e);
    for ((s, e, f), used) in found.iter().zip(&used) {
        if !used && !set_aside(*s, *e) {
            if debug {
                eprintln!("EXTRA {:?} = {} {}", f.text, f.value, f.unit);
            }
            c.false_pos += 1;
        }
    }
    c
}
