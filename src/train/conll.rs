//! CoNLL-2003 files (columns: word, POS, chunk, IOB1 entity tag; `-DOCSTART-` between
//! documents) and their chunk-level evaluation, as the shared task's conlleval scores it.

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use serde::Serialize;

use super::score::Counts;
use super::trainer::{LabelledDoc, LabelledSentence};
use crate::annotate::gazetteer::{kind, Gazetteer};
pub use crate::annotate::ner::chunks;
use crate::annotate::ner::{label, Model, Part, LABELS, TYPES};

/// Reads a CoNLL-2003 file into documents, turning its IOB1 tags into BIO.
pub fn read(path: &Path) -> Result<Vec<LabelledDoc>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs: Vec<LabelledDoc> = vec![Vec::new()];
    let mut sent = LabelledSentence {
        words: Vec::new(),
        labels: Vec::new(),
    };
    let mut bio: Vec<String> = Vec::new();
    let mut prev_tag = String::from("O");
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !sent.words.is_empty() {
                sent.labels = bilou_from_bio(&std::mem::take(&mut bio));
                docs.last_mut().unwrap().push(std::mem::replace(
                    &mut sent,
                    LabelledSentence {
                        words: Vec::new(),
                        labels: Vec::new(),
                    },
                ));
            }
            if line.starts_with("-DOCSTART-") && !docs.last().unwrap().is_empty() {
                docs.push(Vec::new());
            }
            prev_tag = "O".into();
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 {
            bail!(
                "{}:{}: expected columns 'word ... tag'",
                path.display(),
                n + 1
            );
        }
        let (word, tag) = (cols[0], cols[cols.len() - 1]);
        let b = iob1_to_bio(tag, &prev_tag);
        if b != "O" && !TYPES.iter().any(|t| b.ends_with(&format!("-{t}"))) {
            bail!("{}:{}: unknown tag '{tag}'", path.display(), n + 1);
        }
        sent.words.push(word.to_string());
        bio.push(b);
        prev_tag = tag.to_string();
    }
    if !sent.words.is_empty() {
        sent.labels = bilou_from_bio(&bio);
        docs.last_mut().unwrap().push(sent);
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// Reads a file of `word ... tag` lines without documents (WNUT-17, BTC) as one document
/// per sentence. A nationality adjective tagged as a place there ("Russian") is
/// miscellaneous, as in CoNLL-2003.
pub fn read_sentences(path: &Path) -> Result<Vec<LabelledDoc>> {
    let gaz = Gazetteer::get();
    let unit = |t: &str| label(TYPES.iter().position(|x| *x == t).unwrap(), Part::Unit);
    let (unit_loc, unit_misc) = (unit("LOC"), unit("MISC"));
    let docs = read(path)?;
    Ok(docs
        .into_iter()
        .flatten()
        .map(|mut s| {
            for (w, l) in s.words.iter().zip(s.labels.iter_mut()) {
                let k = gaz.kinds_as_written(&w.to_lowercase());
                if *l == unit_loc && k & kind::DEMONYM != 0 && k & kind::PLACE == 0 {
                    *l = unit_misc;
                }
            }
            vec![s]
        })
        .collect())
}

/// IOB1 (I-X inside, B-X only between adjacent chunks of one type) to BIO.
fn iob1_to_bio(tag: &str, prev: &str) -> String {
    match tag.split_once('-') {
        Some(("I", t)) => {
            let continues = prev.split_once('-').is_some_and(|(_, pt)| pt == t);
            format!("{}-{t}", if continues { "I" } else { "B" })
        }
        Some(("B", t)) => format!("B-{t}"),
        _ => "O".into(),
    }
}

/// The scores of an evaluation.
#[derive(Debug, Serialize)]
pub struct Evaluation {
    pub per_type: Vec<(String, Counts)>,
    /// Micro average over PER, ORG and LOC.
    pub micro_per_org_loc: Counts,
    /// Micro average over all four types.
    pub micro_all: Counts,
    pub tokens: usize,
    pub tokens_per_second: f64,
}

/// Tags `docs` with `model` and scores the result against the gold labels.
pub fn evaluate(model: &Model, docs: &[LabelledDoc]) -> Evaluation {
    evaluate_with(docs, |sentences| model.tag_document(sentences))
}

/// [`evaluate`] with the corpus-level second pass ([`corpus_pass`]) over all of `docs`.
pub fn evaluate_in_corpus(model: &Model, docs: &[LabelledDoc]) -> Evaluation {
    let words: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let mut predicted: Vec<Vec<Vec<usize>>> = words.iter().map(|d| model.tag_document(d)).collect();
    corpus_pass(&words, &mut predicted);
    let mut next = predicted.into_iter();
    evaluate_with(docs, |_| next.next().unwrap_or_default())
}

/// The corpus-level second pass over tagged documents
/// ([`corpus_names`](crate::annotate::corpus_names)), with indexing's rules on labels: a
/// name's chunks take the type most documents gave it, and its untagged occurrences
/// (capitalised, every token outside any chunk) become chunks of that type where the name
/// is carried ([`CorpusNames::carried`](crate::annotate::corpus_names::CorpusNames::carried))
/// and, for one word, the document does not write it in lower case. (Indexing's rules on
/// mentions, after the recognizer, are not applied here.)
pub fn corpus_pass(docs: &[Vec<Vec<&str>>], tags: &mut [Vec<Vec<usize>>]) {
    use crate::annotate::corpus_names::{CorpusNames, NameMatcher};
    let mut corpus = CorpusNames::default();
    let named: Vec<Vec<(String, usize)>> = docs
        .iter()
        .zip(tags.iter())
        .map(|(d, t)| {
            d.iter()
                .zip(t)
                .flat_map(|(words, labels)| {
                    chunks(labels)
                        .into_iter()
                        .map(|(ty, s, e)| (words[s..e].join(" "), ty))
                })
                .collect()
        })
        .collect();
    for n in &named {
        corpus.add_article(n.iter().map(|(name, ty)| (name.as_str(), *ty)));
    }
    let matcher = NameMatcher::new(&corpus);
    for (d, n) in docs.iter().zip(&named) {
        let texts: Vec<String> = d.iter().map(|words| words.join(" ")).collect();
        let written = texts
            .iter()
            .flat_map(|t| matcher.find(t).into_iter().map(move |(s, e, _)| &t[s..e]));
        corpus.add_writer(written.chain(n.iter().map(|(name, _)| name.as_str())));
    }
    for (d, t) in docs.iter().zip(tags.iter_mut()) {
        let lower: HashSet<String> = d
            .iter()
            .flatten()
            .filter(|w| w.starts_with(char::is_lowercase))
            .map(|w| w.to_string())
            .collect();
        for (words, labels) in d.iter().zip(t.iter_mut()) {
            for (ty, s, e) in chunks(labels) {
                if let Some(best) = corpus.type_of(&words[s..e].join(" ")) {
                    if best != ty {
                        set_chunk(labels, s, e, best);
                    }
                }
            }
            let text = words.join(" ");
            let mut starts = Vec::with_capacity(words.len());
            let mut at = 0;
            for w in words {
                starts.push(at);
                at += w.len() + 1;
            }
            for (bs, be, _) in matcher.find(&text) {
                let name = &text[bs..be];
                let Some(ty) = corpus.carried(name) else {
                    continue;
                };
                if !name.contains(' ') && lower.contains(&name.to_lowercase()) {
                    continue;
                }
                let (Ok(s), Some(e)) = (
                    starts.binary_search(&bs),
                    starts.iter().position(|&st| st > be).or(Some(words.len())),
                ) else {
                    continue;
                };
                let ends_on_word = starts.get(e).map_or(text.len(), |&st| st - 1) == be;
                if ends_on_word && labels[s..e].iter().all(|&l| l == 0) {
                    set_chunk(labels, s, e, ty);
                }
            }
        }
    }
}

/// Labels tokens `s..e` as one chunk of type `ty` (BILOU).
fn set_chunk(labels: &mut [usize], s: usize, e: usize, ty: usize) {
    for (i, l) in labels[s..e].iter_mut().enumerate() {
        let part = match (e - s, i) {
            (1, _) => Part::Unit,
            (_, 0) => Part::Begin,
            (n, i) if i + 1 == n => Part::Last,
            _ => Part::Inside,
        };
        *l = label(ty, part);
    }
}

/// Tags `docs` with `tag` and scores the result against the gold labels.
pub fn evaluate_with(
    docs: &[LabelledDoc],
    mut tag: impl FnMut(&[Vec<&str>]) -> Vec<Vec<usize>>,
) -> Evaluation {
    let mut counts = [[0usize; 3]; 4];
    let mut tokens = 0;
    // The gazetteer and the word clusters are parsed once per process: not tagging time.
    crate::annotate::gazetteer::Gazetteer::get();
    crate::annotate::clusters::Clusters::get();
    let started = Instant::now();
    let predicted: Vec<Vec<Vec<usize>>> = docs
        .iter()
        .map(|doc| {
            let sentences: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            tokens += sentences.iter().map(Vec::len).sum::<usize>();
            tag(&sentences)
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    if std::env::var_os("NEWSDEX_NER_ERRORS").is_some() {
        for (doc, pred) in docs.iter().zip(&predicted) {
            for (sent, p) in doc.iter().zip(pred) {
                if sent.labels != *p {
                    let line: Vec<String> = sent
                        .words
                        .iter()
                        .zip(sent.labels.iter().zip(p))
                        .map(|(w, (g, q))| {
                            if g == q {
                                w.clone()
                            } else {
                                format!("{w}[{}>{}]", LABELS[*g], LABELS[*q])
                            }
                        })
                        .collect();
                    eprintln!("{}", line.join(" "));
                }
            }
        }
    }
    for (doc, pred) in docs.iter().zip(&predicted) {
        for (sent, p) in doc.iter().zip(pred) {
            let gold = chunks(&sent.labels);
            let guess = chunks(p);
            for g in &gold {
                if guess.contains(g) {
                    counts[g.0][0] += 1;
                } else {
                    counts[g.0][2] += 1;
                }
            }
            for g in &guess {
                if !gold.contains(g) {
                    counts[g.0][1] += 1;
                }
            }
        }
    }
    let per_type = TYPES
        .iter()
        .enumerate()
        .map(|(t, name)| {
            (
                name.to_string(),
                Counts {
                    true_pos: counts[t][0],
                    false_pos: counts[t][1],
                    false_neg: counts[t][2],
                },
            )
        })
        .collect();
    let sum = |types: &[usize]| -> Counts {
        types
            .iter()
            .map(|&t| Counts {
                true_pos: counts[t][0],
                false_pos: counts[t][1],
                false_neg: counts[t][2],
            })
            .sum()
    };
    Evaluation {
        per_type,
        micro_per_org_loc: sum(&[0, 1, 2]),
        micro_all: sum(&[0, 1, 2, 3]),
        tokens,
        tokens_per_second: tokens as f64 / seconds.max(1e-9),
    }
}

/// BILOU labels for entities given as BIO tags ("B-PER", "I-PER", "O").
pub fn bilou_from_bio(bio: &[String]) -> Vec<usize> {
    (0..bio.len())
        .map(|i| {
            let Some((p, t)) = bio[i].split_once('-') else {
                return 0;
            };
            let Some(ti) = TYPES.iter().position(|x| *x == t) else {
                return 0;
            };
            let continues = bio.get(i + 1).is_some_and(|n| *n == format!("I-{t}"));
            let part = match (p, continues) {
                ("B", true) => Part::Begin,
                ("B", false) => Part::Unit,
                (_, true) => Part::Inside,
                (_, false) => Part::Last,
            };
            label(ti, part)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_bio() {
        assert_eq!(iob1_to_bio("I-PER", "O"), "B-PER");
        assert_eq!(iob1_to_bio("I-PER", "I-PER"), "I-PER");
        assert_eq!(iob1_to_bio("B-PER", "I-PER"), "B-PER");
        assert_eq!(iob1_to_bio("I-LOC", "I-PER"), "B-LOC");
        assert_eq!(iob1_to_bio("O", "I-PER"), "O");
    }

    #[test]
    fn bilou_and_chunks() {
        let bio: Vec<String> = [
            "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "I-LOC", "B-ORG",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let labels = bilou_from_bio(&bio);
        let names: Vec<&str> = labels.iter().map(|&l| LABELS[l]).collect();
        assert_eq!(
            names,
            vec!["B-PER", "L-PER", "O", "U-LOC", "B-LOC", "I-LOC", "L-LOC", "U-ORG"]
        );
        assert_eq!(
            chunks(&labels),
            vec![(0, 0, 2), (2, 3, 4), (2, 4, 7), (1, 7, 8)]
        );
        // Lenient: an I with nothing open starts an entity; an open one ends at the next.
        assert_eq!(
            chunks(&[2, 3, 0, 1, 5]),
            vec![(0, 0, 2), (0, 3, 4), (1, 4, 5)]
        );
    }
}
