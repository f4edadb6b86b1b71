//! Entity-aware scoring: where words of the query name an entity the index knows ("Gordon
//! Brown budget"), passages that mention that entity, by any of its names, rank above
//! passages that merely share a word with it ("brown envelopes").
//!
//! The query's words are read left to right, longest name first (three words, two, one): a
//! run of words is a name when the entity catalogue knows it as a person, organization or
//! place. A single word counts only when typed with a capital letter, so that "budget" or
//! "sales" are never taken for names. Each name found adds an optional clause: the passage's
//! tags of that entity (its keys, and those of its other names, see [`super::entity`]),
//! worth [`ENTITY_BOOST`] of a typed word.

use anyhow::Result;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::entity::{fields_of, resolve};
use super::text::{has_operators, is_stop_term};
use crate::annotate::entities::Kind;
use crate::index::catalogue::Catalogue;
use crate::index::Store;

/// The weight of a passage's mention of a named entity against a typed word.
pub const ENTITY_BOOST: f32 = 0.5;
/// The longest name looked for, in words.
const MAX_WORDS: usize = 3;

/// The optional clause rewarding passages that mention the entities the query names, or
/// `None` when it names none (or uses the query language).
pub fn clause(store: &Store, searcher: &Searcher, q: &str) -> Result<Option<Box<dyn Query>>> {
    if has_operators(q) {
        return Ok(None);
    }
    let words: Vec<&str> = q
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let catalogue = Catalogue::new(searcher, store.fields.entity_link);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut step = 1;
        for len in (1..=MAX_WORDS.min(words.len() - i)).rev() {
            let name = words[i..i + len].join(" ");
            if len == 1 && !looks_like_a_name(&name) {
                continue;
            }
            if let Some(q) = mentions(store, searcher, &catalogue, &name)? {
                clauses.push((Occur::Should, q));
                step = len;
                break;
            }
        }
        i += step;
    }
    Ok((!clauses.is_empty()).then(|| {
        Box::new(BoostQuery::new(
            Box::new(BooleanQuery::new(clauses)),
            ENTITY_BOOST,
        )) as Box<dyn Query>
    }))
}

/// A single word taken for a name: capitalised, and not a stop word ("Who", "The").
fn looks_like_a_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !is_stop_term(&word.to_lowercase())
}

/// Passages tagged with the entities `name` stands for, of whichever kinds the catalogue
/// knows it as.
fn mentions(
    store: &Store,
    searcher: &Searcher,
    catalogue: &Catalogue,
    name: &str,
) -> Result<Option<Box<dyn Query>>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for kind in [Kind::Person, Kind::Organization, Kind::Place] {
        if catalogue.canonicals(kind, name)?.is_empty() {
            continue;
        }
        let resolved = resolve(store, searcher, kind, name)?;
        let here = fields_of(store, kind).1;
        for k in &resolved.keys {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(here, k),
                IndexRecordOption::Basic,
            ));
            clauses.push((Occur::Should, q));
        }
    }
    Ok((!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
}
