//! Query expansion from the corpus itself (pseudo-relevance feedback): the words that
//! characterise the best passages for a query join it at a lower weight, so that passages
//! that say the same thing in other words ("cutting jobs" for "laying off workers") rise.
//!
//! The [`FEEDBACK_PASSAGES`] best passages of the typed query are read (copies once); each of
//! their words (not a stop word, a number or a query word) that is in at least
//! [`MIN_FEEDBACK_PASSAGES`] of them is weighed by its frequency in them, relative to the
//! passage's length, times its inverse document frequency in the index; the
//! [`EXPANSION_WORDS`] heaviest join the query as optional words, each worth about
//! [`EXPANSION_BOOST`] of a typed word (the heavier ones more). For a query of plain words
//! they may make a passage match by themselves (one that says it in other words); with
//! operators they only add to the score. The typed words' synonyms ([`super::synonyms`])
//! join them the same way, each worth a feedback word of average weight, and so do the other
//! one-word names of the entities the query names ([`super::entity_boost`]).
//! `--exact` turns expansion off.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::text::is_stop_term;
use crate::index::Store;

/// How many of the best passages are read.
pub const FEEDBACK_PASSAGES: usize = 8;
/// In how many of the (distinct) passages read a word must be, to be added.
pub const MIN_FEEDBACK_PASSAGES: usize = 2;
/// How many words are added.
pub const EXPANSION_WORDS: usize = 8;
/// Synonyms in more passages than this share of the index are not added.
pub const MAX_SYNONYM_SHARE: f64 = 0.01;
/// The weight of the added words against the typed ones.
pub const EXPANSION_BOOST: f32 = 0.3;

/// The expansion of `text` (the typed query's passage part): the added words, as indexed
/// terms, and the optional clause that scores them.
pub struct Expansion {
    pub words: Vec<String>,
    pub clause: Box<dyn Query>,
}

/// Finds the expansion words for a text query, or `None` when it has none.
pub fn expand(
    store: &Store,
    searcher: &Searcher,
    text: &dyn Query,
    aliases: &[String],
) -> Result<Option<Expansion>> {
    let body = store.fields.body;
    let mut typed: Vec<String> = Vec::new();
    text.query_terms(&mut |term, _| {
        if let Some(s) = term.value().as_str() {
            if !typed.iter().any(|t| t == s) {
                typed.push(s.to_string());
            }
        }
    });
    let mut words = feedback_words(store, searcher, text, &typed)?;
    let others = aliases.iter().filter(|a| !typed.contains(a)).cloned();
    for w in synonym_words(store, searcher, &typed)?
        .into_iter()
        .chain(others)
    {
        if !words.iter().any(|(_, x)| *x == w) {
            words.push((1.0, w));
        }
    }
    if words.is_empty() {
        return Ok(None);
    }
    let clauses: Vec<(Occur, Box<dyn Query>)> = words
        .iter()
        .map(|(weight, w)| {
            let q: Box<dyn Query> = Box::new(BoostQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(body, w),
                    IndexRecordOption::WithFreqs,
                )),
                *weight,
            ));
            (Occur::Should, q)
        })
        .collect();
    Ok(Some(Expansion {
        words: words.into_iter().map(|(_, w)| w).collect(),
        clause: Box::new(BoostQuery::new(
            Box::new(BooleanQuery::new(clauses)),
            EXPANSION_BOOST,
        )),
    }))
}

/// The synonyms of the typed words ([`super::synonyms`]) that the index holds, leaving out
/// those in more than [`MAX_SYNONYM_SHARE`] of its passages: too common to say anything.
fn synonym_words(store: &Store, searcher: &Searcher, typed: &[String]) -> Result<Vec<String>> {
    let body = store.fields.body;
    let docs = searcher.num_docs() as f64;
    let mut out = Vec::new();
    for t in typed {
        for s in super::synonyms::of(t) {
            if typed.iter().chain(&out).any(|w| w == s) {
                continue;
            }
            let df = searcher.doc_freq(&Term::from_field_text(body, s))? as f64;
            // In a small index nothing is common enough to tell.
            if df > 0.0 && df <= (docs * MAX_SYNONYM_SHARE).max(100.0) {
                out.push(s.to_string());
            }
        }
    }
    Ok(out)
}

/// The words that characterise the best passages of the typed query, each with its weight
/// (averaging 1), or none when the query finds too little.
fn feedback_words(
    store: &Store,
    searcher: &Searcher,
    text: &dyn Query,
    typed: &[String],
) -> Result<Vec<(f32, String)>> {
    let body = store.fields.body;
    let top = super::segments::search(
        searcher,
        text,
        &TopDocs::with_limit(FEEDBACK_PASSAGES).order_by_score(),
    )?;
    if top.len() < 2 {
        return Ok(Vec::new());
    }
    let mut analyzer = store.index.tokenizer_for_field(body)?;
    let mut weight: HashMap<String, (f64, usize)> = HashMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (_, addr) in &top {
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let Some(passage) = doc
            .get_first(body)
            .and_then(|v| v.as_str().map(str::to_string))
        else {
            continue;
        };
        // A copy of a passage already read (wire stories are filed again and again) says
        // nothing new.
        if !seen.insert(passage.clone()) {
            continue;
        }
        let mut counts: HashMap<String, f64> = HashMap::new();
        let mut length: f64 = 0.0;
        let mut stream = analyzer.token_stream(&passage);
        while stream.advance() {
            length += 1.0;
            let w = &stream.token().text;
            if w.len() >= 3
                && !w.chars().any(|c| c.is_ascii_digit())
                && !is_stop_term(w)
                && !typed.contains(w)
            {
                *counts.entry(w.clone()).or_default() += 1.0;
            }
        }
        for (w, c) in counts {
            let e = weight.entry(w).or_default();
            e.0 += c / length.max(1.0);
            e.1 += 1;
        }
    }
    let docs = searcher.num_docs() as f64;
    let mut scored: Vec<(f64, String)> = Vec::with_capacity(weight.len());
    for (w, (tf, passages)) in weight {
        // A word of one passage characterises that passage, not what the query finds.
        if passages < MIN_FEEDBACK_PASSAGES {
            continue;
        }
        let df = searcher.doc_freq(&Term::from_field_text(body, &w))? as f64;
        // A word in one passage of the index is a name or a typo, not a topic.
        if df < 2.0 {
            continue;
        }
        let weight = tf * (docs / df).ln();
        // A word in every passage of the index says nothing (and would weigh 0 of 0).
        if weight > 0.0 {
            scored.push((weight, w));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(EXPANSION_WORDS);
    let total: f64 = scored.iter().map(|(s, _)| s).sum();
    let n = scored.len() as f64;
    Ok(scored
        .into_iter()
        .map(|(s, w)| ((s / total * n) as f32, w))
        .collect())
}
