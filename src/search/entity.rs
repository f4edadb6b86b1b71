//! Entity filters (`--person`, `--org`, `--place`): the name a user types, resolved through
//! the entity catalogue ([`crate::index::catalogue`]), and the evidence that a passage or an
//! article names the entity.
//!
//! A name resolves to the canonical names of the entities it names in the corpus (by key,
//! case- and accent-insensitive, or else by spelling skeleton), and from them to the entity's
//! other names when those name no other entity of the kind ("John Kerry" → "Kerry" once the
//! corpus has tied the two; "NIS" → "National Intelligence Service").
//!
//! Evidence, either of:
//! - **tagged**: the recognizer tagged one of those names as an entity of the kind;
//! - **name**: the text holds one of the names verbatim (as a phrase), and the recognizer did
//!   not tag those words as an entity of another kind in that passage.
//!
//! A name the index does not know as an entity of the kind falls back to the words as a
//! phrase, with a note and the closest known names.

use std::collections::BTreeSet;

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::Count;
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{BooleanQuery, EnableScoring, Occur, PhraseQuery, Query, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, Searcher, SegmentReader, Term};

use super::passage_set::{PassageSet, SegmentSet};
use super::{for_each_match, keyword, segments};
use crate::annotate::entities::Kind;
use crate::annotate::keys::key;
use crate::annotate::ner::features::TITLE_WORDS;
use crate::index::catalogue::Catalogue;
use crate::index::Store;

/// The most other names of an entity that a filter also looks for.
const MAX_NAMES: usize = 24;

/// A typed name, resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Resolved {
    #[serde(rename = "type")]
    pub kind: Kind,
    /// The name as typed.
    pub typed: String,
    /// The canonical names of the entities it stands for (several when it is ambiguous).
    pub entities: Vec<String>,
    /// Whether the index knows it as an entity of the kind.
    pub known: bool,
    /// Keys whose tagging is evidence.
    #[serde(skip)]
    pub keys: Vec<String>,
    /// Names whose words are evidence.
    #[serde(skip)]
    pub names: Vec<String>,
    /// For an unknown name: the closest known ones.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
}

impl Resolved {
    /// The note for a user when the name is unknown, or `None`.
    pub fn note(&self) -> Option<String> {
        if self.known {
            return None;
        }
        let mut note = format!(
            "'{}' is not a known {} in this index; showing passages that contain the words",
            self.typed,
            self.kind.as_str()
        );
        if !self.suggestions.is_empty() {
            note.push_str(&format!(
                " (did you mean {}?)",
                self.suggestions
                    .iter()
                    .map(|s| format!("'{s}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Some(note)
    }
}

/// The three key fields of a kind: article-level, passage-level.
pub fn fields_of(store: &Store, kind: Kind) -> (Field, Field) {
    let f = &store.fields;
    match kind {
        Kind::Person => (f.person, f.person_here),
        Kind::Organization => (f.org, f.org_here),
        Kind::Place => (f.place, f.place_here),
    }
}

/// The name without the titles typed before it ("Secretary Kerry" is "Kerry"; "Prime
/// Minister al-Abadi" is "al-Abadi"). A role alone ("Prime Minister", "Defence Secretary",
/// "Secretary of State") names no one in particular and is kept whole.
fn without_titles(typed: &str) -> &str {
    let is_title = |word: &str| {
        let word = word.trim_end_matches('.').to_lowercase();
        TITLE_WORDS.contains(&word.as_str())
    };
    let mut rest = typed.trim();
    while let Some((first, more)) = rest.split_once(char::is_whitespace) {
        if !is_title(first) {
            break;
        }
        rest = more.trim_start();
    }
    // Nothing but titles, or titles and what belongs to them ("Secretary of State").
    let belongs = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| ["of", "for", "to", "and", "at", "on", "in", "the"].contains(&w));
    if is_title(rest) || belongs {
        typed.trim()
    } else {
        rest
    }
}

/// Resolves a typed name of a kind through the catalogue.
pub fn resolve(store: &Store, searcher: &Searcher, kind: Kind, typed: &str) -> Result<Resolved> {
    let shown = typed.trim();
    let typed = if kind == Kind::Person {
        without_titles(shown)
    } else {
        shown
    };
    let cat = Catalogue::new(searcher, store.fields.entity_link);
    let mut entities = cat.canonicals(kind, typed)?;
    if entities.is_empty() {
        for spelled in cat.spelled_like(kind, typed)? {
            entities.extend(cat.canonicals(kind, &spelled)?);
        }
    }
    let typed_key = key(typed);
    let article_field = fields_of(store, kind).0;
    let tagged_somewhere =
        searcher.doc_freq(&Term::from_field_text(article_field, &typed_key))? > 0;
    let known = tagged_somewhere || !entities.is_empty();
    let mut keys: BTreeSet<String> = BTreeSet::from([typed_key]);
    let mut names: BTreeSet<String> = BTreeSet::from([typed.trim().to_string()]);
    for canonical in &entities {
        keys.insert(key(canonical));
        names.insert(canonical.clone());
        for name in cat.names(kind, canonical)? {
            if names.len() >= MAX_NAMES {
                break;
            }
            let others = cat.canonicals(kind, &name)?;
            let unambiguous = others
                .iter()
                .all(|o| entities.contains(o) || key(o) == key(&name));
            if unambiguous {
                keys.insert(key(&name));
                names.insert(name);
            }
        }
    }
    let suggestions = if known {
        Vec::new()
    } else {
        cat.near(kind, typed, 3)?
    };
    Ok(Resolved {
        kind,
        typed: shown.to_string(),
        entities: entities.into_iter().collect(),
        known,
        keys: keys.into_iter().filter(|k| !k.is_empty()).collect(),
        names: names.into_iter().filter(|n| !key(n).is_empty()).collect(),
        suggestions,
    })
}

/// The words of `name` as the body field indexes them, as one query (a term or a phrase).
fn phrase(store: &Store, name: &str) -> Option<Box<dyn Query>> {
    let mut terms = phrase_terms(store, name);
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// The terms of the words of `name` as the body field indexes them.
fn phrase_terms(store: &Store, name: &str) -> Vec<Term> {
    let body = store.fields.body;
    let Ok(mut analyzer) = store.index.tokenizer_for_field(body) else {
        return Vec::new();
    };
    let mut stream = analyzer.token_stream(name);
    let mut terms: Vec<Term> = Vec::new();
    while stream.advance() {
        terms.push(Term::from_field_text(body, &stream.token().text));
    }
    terms
}

fn any_of(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// Passages that hold one of the names verbatim where no other kind was tagged by it (for a
/// known name), or that hold the typed words, whatever was tagged there (for an unknown one).
fn name_evidence(store: &Store, r: &Resolved) -> Option<Box<dyn Query>> {
    let clauses: Vec<Box<dyn Query>> = names_as_words(store, r)
        .into_iter()
        .map(|name| -> Box<dyn Query> {
            if name.taken.is_empty() {
                return name.words;
            }
            let mut parts = vec![(Occur::Must, name.words)];
            parts.extend(name.taken.into_iter().map(|q| (Occur::MustNot, q)));
            Box::new(BooleanQuery::new(parts))
        })
        .collect();
    (!clauses.is_empty()).then(|| any_of(clauses))
}

/// One name of [`name_evidence`].
struct NameAsWords {
    /// The name's words, as a phrase.
    words: Box<dyn Query>,
    /// The tags of other kinds that take the words from the entity (none for an unknown
    /// name).
    taken: Vec<Box<dyn Query>>,
}

/// The names of [`name_evidence`], each with the tags that take its words.
fn names_as_words(store: &Store, r: &Resolved) -> Vec<NameAsWords> {
    let names: Vec<&String> = if r.known {
        r.names.iter().collect()
    } else {
        r.names.iter().take(1).collect()
    };
    let mut out = Vec::new();
    for name in names {
        let Some(words) = phrase(store, name) else {
            continue;
        };
        let taken = match r.known {
            // The user's words, as they are: nothing is known to tell them apart.
            false => Vec::new(),
            true => [Kind::Person, Kind::Organization, Kind::Place]
                .into_iter()
                .filter(|&other| other != r.kind)
                .map(|other| keyword(fields_of(store, other).1, &key(name)))
                .collect(),
        };
        out.push(NameAsWords { words, taken });
    }
    out
}

/// The query of one resolved filter: passages that name the entity or, with `article_level`,
/// passages of articles that do, as one set per segment.
pub fn filter_query(
    store: &Store,
    searcher: &Searcher,
    r: &Resolved,
    article_level: bool,
) -> Result<Box<dyn Query>> {
    if article_level {
        return Ok(Box::new(article_passages(store, searcher, r)?));
    }
    let here_field = fields_of(store, r.kind).1;
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    if r.known {
        clauses.extend(r.keys.iter().map(|k| keyword(here_field, k)));
    }
    clauses.extend(name_evidence(store, r));
    Ok(any_of(clauses))
}

/// Every passage of the articles that name the entity, as one set per segment: those the
/// recognizer tagged with one of its keys, scored as a union of those keys' terms would be,
/// and (scored as a constant) the articles of the passages whose words name it untagged. A
/// set, not a union of terms, because the text query it narrows seeks into it at every
/// candidate: a bitset answers in constant time, where a union of postings reads blocks
/// ahead at every seek.
fn article_passages(store: &Store, searcher: &Searcher, r: &Resolved) -> Result<PassageSet> {
    let article_field = fields_of(store, r.kind).0;
    let keys: &[String] = if r.known { &r.keys } else { &[] };
    let key_queries: Vec<Box<dyn Query>> = keys.iter().map(|k| keyword(article_field, k)).collect();
    let unscored = EnableScoring::disabled_from_searcher(searcher);
    let tagged = key_queries
        .iter()
        .map(|q| q.weight(unscored))
        .collect::<tantivy::Result<Vec<_>>>()?;
    // Names whose words are the same ("JAPANESE", "Japanese") find the same passages.
    let mut seen = BTreeSet::new();
    let mut names = r.names.clone();
    names.retain(|name| seen.insert(phrase_terms(store, name)));
    let deduplicated = Resolved { names, ..r.clone() };
    let words = names_as_words(store, &deduplicated)
        .into_iter()
        .map(|name| -> Result<_> {
            let taken = name
                .taken
                .iter()
                .map(|q| q.weight(unscored))
                .collect::<tantivy::Result<Vec<_>>>()?;
            Ok((name.words.weight(unscored)?, taken))
        })
        .collect::<Result<Vec<_>>>()?;
    let schema = store.index.schema();
    let id_name = schema.get_field_name(store.fields.id);
    let mut cost = 0;
    for weight in tagged.iter().chain(words.iter().map(|(w, _)| w)) {
        cost += segments::cost(searcher, weight.as_ref())?;
    }
    let sets = segments::map(searcher, cost, |_, reader| -> Result<_> {
        let ids = reader.fast_fields().str(id_name)?;
        let set = segment_passages(reader, &tagged, &words, ids.as_ref())?;
        Ok((reader.segment_id(), set))
    })?;
    Ok(PassageSet::new(sets.into_iter().collect(), key_queries))
}

/// A name's words and the tags of other kinds that take them, as weights.
type WordsAndTaken = (Box<dyn Weight>, Vec<Box<dyn Weight>>);

/// [`article_passages`] in one segment, whose article ids are `ids`. The recognizer writes
/// an article's keys on every passage of it, so the tagged passages and the widened
/// untagged ones do not overlap.
fn segment_passages(
    reader: &SegmentReader,
    tagged: &[Box<dyn Weight>],
    words: &[WordsAndTaken],
    ids: Option<&StrColumn>,
) -> Result<SegmentSet> {
    let mut docs = BitSet::with_max_value(reader.max_doc().max(1));
    for key in tagged {
        for_each_match(key.as_ref(), reader, |doc| {
            docs.insert(doc);
        })?;
    }
    let tagged_len = docs.len();
    let mut untagged = Vec::new();
    let mut taken_here = Vec::new();
    for (words, taken) in words {
        // The passages where another kind was tagged by the name: few, read first, so that
        // each of the name's passages is looked up, not sought in their postings.
        taken_here.clear();
        for other in taken {
            for_each_match(other.as_ref(), reader, |doc| taken_here.push(doc))?;
        }
        taken_here.sort_unstable();
        for_each_match(words.as_ref(), reader, |doc| {
            if !docs.contains(doc) && taken_here.binary_search(&doc).is_err() {
                untagged.push(doc);
            }
        })?;
    }
    if let Some(ids) = ids {
        untagged.sort_unstable();
        whole_articles(ids.ords(), reader.max_doc(), &untagged, &mut |doc| {
            docs.insert(doc);
        });
    }
    let unscored = (docs.len() - tagged_len) as u64;
    Ok(SegmentSet { docs, unscored })
}

/// Calls `add` with the documents of a segment that share an id ordinal with `docs` (in
/// increasing order) and stand next to them, each once: an article's passages are
/// neighbours in one segment (the index writer adds a file's passages as one group).
fn whole_articles(ords: &Column<u64>, max_doc: DocId, docs: &[DocId], add: &mut impl FnMut(DocId)) {
    let mut done = 0;
    for &doc in docs {
        if doc < done {
            continue;
        }
        let Some(article) = ords.first(doc) else {
            add(doc);
            done = doc + 1;
            continue;
        };
        let same = |d: DocId| ords.first(d) == Some(article);
        let mut first = doc;
        while first > done && same(first - 1) {
            first -= 1;
        }
        let mut end = doc + 1;
        while end < max_doc && same(end) {
            end += 1;
        }
        (first..end).for_each(&mut *add);
        done = end;
    }
}

/// How a hit matched a resolved filter: "tagged" when the recognizer tagged one of the
/// entity's names in the passage (or, with `article_level`, in its article), else "name".
pub fn matched_by(
    store: &Store,
    searcher: &Searcher,
    r: &Resolved,
    article_id: &str,
    passage_keys: &[String],
    article_level: bool,
) -> Result<&'static str> {
    if r.known && passage_keys.iter().any(|k| r.keys.contains(k)) {
        return Ok("tagged");
    }
    if r.known && article_level {
        let article_field = fields_of(store, r.kind).0;
        let q = BooleanQuery::new(vec![
            (Occur::Must, keyword(store.fields.id, article_id)),
            (
                Occur::Must,
                any_of(r.keys.iter().map(|k| keyword(article_field, k)).collect()),
            ),
        ]);
        if searcher.search(&q, &Count)? > 0 {
            return Ok("tagged");
        }
    }
    Ok("name")
}

#[cfg(test)]
mod tests {
    use super::without_titles;

    #[test]
    fn titles_before_a_name_go_and_a_role_stays_whole() {
        assert_eq!(without_titles("Secretary Kerry"), "Kerry");
        assert_eq!(without_titles("Prime Minister al-Abadi"), "al-Abadi");
        assert_eq!(without_titles("Prime Minister"), "Prime Minister");
        assert_eq!(without_titles("Defence Secretary"), "Defence Secretary");
        assert_eq!(without_titles("Secretary of State"), "Secretary of State");
    }
}
