//! Entity-aware scoring: where words of the query name an entity the index knows ("Gordon
//! Brown budget"), passages that mention that entity, by any of its names, rank above
//! passages that merely share a word with it ("brown envelopes").
//!
//! The query's words are read left to right, longest name first (three words, two, one): a
//! run of words is a name when the entity catalogue knows it as a person, organization or
//! place. A single word counts only when typed with a capital letter, so that "budget" or
//! "sales" are never taken for names. Each name found adds an optional clause: the passage's
//! tags of that entity (its keys, and those of its other names, see [`super::entity`]),
//! worth [`ENTITY_BOOST`] of a typed word; its other one-word names join the query's
//! expansion ([`super::expand`]), so that a passage that only writes "Yugansk" is found for
//! "Yuganskneftegaz" where the corpus ties the two.

use anyhow::Result;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};
use tantivy::Searcher;

use super::entity::{fields_of, resolve, Resolved};
use super::keyword;
use super::text::{has_operators, is_stop_term};
use crate::annotate::entities::Kind;
use crate::index::catalogue::Catalogue;
use crate::index::Store;

/// The weight of a passage's mention of a named entity against a typed word.
pub const ENTITY_BOOST: f32 = 0.5;
/// The longest name looked for, in words.
const MAX_WORDS: usize = 3;

/// What the query's names give: the clause rewarding passages that mention the entities
/// (none when it names none, or uses the query language), and the other one-word names of
/// those entities, as indexed terms, for the expansion ("Yugansk" for "Yuganskneftegaz"
/// where the corpus ties them).
#[derive(Default)]
pub struct Named {
    pub clause: Option<Box<dyn Query>>,
    pub alias_terms: Vec<String>,
}

/// Finds the entities the query names (see the module's documentation).
pub fn named(store: &Store, searcher: &Searcher, q: &str) -> Result<Named> {
    if has_operators(q) {
        return Ok(Named::default());
    }
    let words: Vec<&str> = q
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let catalogue = Catalogue::new(searcher, store.fields.entity_link);
    let mut found: Vec<Resolved> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut step = 1;
        for len in (1..=MAX_WORDS.min(words.len() - i)).rev() {
            let name = words[i..i + len].join(" ");
            if len == 1 && !looks_like_a_name(&name) {
                continue;
            }
            let entities = resolved(store, searcher, &catalogue, &name)?;
            if !entities.is_empty() {
                found.extend(entities);
                step = len;
                break;
            }
        }
        i += step;
    }
    let clauses: Vec<(Occur, Box<dyn Query>)> = found
        .iter()
        .flat_map(|r| {
            let here = fields_of(store, r.kind).1;
            r.keys
                .iter()
                .map(move |k| (Occur::Should, keyword(here, k)))
        })
        .collect();
    Ok(Named {
        clause: (!clauses.is_empty()).then(|| {
            Box::new(BoostQuery::new(
                Box::new(BooleanQuery::new(clauses)),
                ENTITY_BOOST,
            )) as Box<dyn Query>
        }),
        alias_terms: one_word_names(store, &found),
    })
}

/// The one-word names of the entities, as the body indexes them.
fn one_word_names(store: &Store, found: &[Resolved]) -> Vec<String> {
    let Ok(mut analyzer) = store.index.tokenizer_for_field(store.fields.body) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for name in found.iter().flat_map(|r| &r.names) {
        let mut stream = analyzer.token_stream(name);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(stream.token().text.clone());
        }
        if let [term] = terms.as_slice() {
            if !out.contains(term) {
                out.push(term.clone());
            }
        }
    }
    out
}

/// A single word taken for a name: capitalised, and not a stop word ("Who", "The").
fn looks_like_a_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !is_stop_term(&word.to_lowercase())
}

/// The entities `name` stands for, of whichever kinds the catalogue knows it as.
fn resolved(
    store: &Store,
    searcher: &Searcher,
    catalogue: &Catalogue,
    name: &str,
) -> Result<Vec<Resolved>> {
    let mut out = Vec::new();
    for kind in [Kind::Person, Kind::Organization, Kind::Place] {
        if !catalogue.canonicals(kind, name)?.is_empty() {
            out.push(resolve(store, searcher, kind, name)?);
        }
    }
    Ok(out)
}
