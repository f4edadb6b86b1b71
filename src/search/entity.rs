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

use std::collections::{BTreeSet, HashMap};

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, Searcher, Term};

use super::keyword;
use super::passage_set::PassageSet;
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
    let body = store.fields.body;
    let mut analyzer = store.index.tokenizer_for_field(body).ok()?;
    let mut stream = analyzer.token_stream(name);
    let mut terms: Vec<Term> = Vec::new();
    while stream.advance() {
        terms.push(Term::from_field_text(body, &stream.token().text));
    }
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.remove(0),
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

fn any_of(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// Passages that hold one of the names verbatim where no other kind was tagged by it (for a
/// known name), or that hold the typed words, whatever was tagged there (for an unknown one).
fn name_evidence(store: &Store, r: &Resolved) -> Option<Box<dyn Query>> {
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    let names: Vec<&String> = if r.known {
        r.names.iter().collect()
    } else {
        r.names.iter().take(1).collect()
    };
    for name in names {
        let Some(words) = phrase(store, name) else {
            continue;
        };
        if !r.known {
            // The user's words, as they are: nothing is known to tell them apart.
            clauses.push(words);
            continue;
        }
        let mut parts = vec![(Occur::Must, words)];
        for other in [Kind::Person, Kind::Organization, Kind::Place] {
            if other != r.kind {
                parts.push((
                    Occur::MustNot,
                    keyword(fields_of(store, other).1, &key(name)),
                ));
            }
        }
        clauses.push(Box::new(BooleanQuery::new(parts)));
    }
    (!clauses.is_empty()).then(|| any_of(clauses))
}

/// The query of one resolved filter: passages that name the entity or, with `article_level`,
/// passages of articles that do.
pub fn filter_query(
    store: &Store,
    searcher: &Searcher,
    r: &Resolved,
    article_level: bool,
) -> Result<Box<dyn Query>> {
    let (article_field, here_field) = fields_of(store, r.kind);
    let tagged_field = if article_level {
        article_field
    } else {
        here_field
    };
    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    if r.known {
        clauses.extend(r.keys.iter().map(|k| keyword(tagged_field, k)));
    }
    if let Some(words) = name_evidence(store, r) {
        if article_level {
            // Only the articles the tag has not found already need their ids read.
            let untagged: Box<dyn Query> = if r.known {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, words),
                    (
                        Occur::MustNot,
                        any_of(r.keys.iter().map(|k| keyword(article_field, k)).collect()),
                    ),
                ]))
            } else {
                words
            };
            if let Some(passages) = passages_of_articles(store, searcher, untagged.as_ref())? {
                clauses.push(Box::new(passages));
            }
        } else {
            clauses.push(words);
        }
    }
    Ok(any_of(clauses))
}

/// Every passage of the articles of the passages that `query` matches, or `None` when it
/// matches none. An article's passages are neighbours in one segment (the index writer adds
/// a file's passages as one group), so each match widens to the documents around it that
/// have its article id.
fn passages_of_articles(
    store: &Store,
    searcher: &Searcher,
    query: &dyn Query,
) -> Result<Option<PassageSet>> {
    let docs = searcher.search(query, &DocSetCollector)?;
    if docs.is_empty() {
        return Ok(None);
    }
    let id_name = store
        .index
        .schema()
        .get_field_name(store.fields.id)
        .to_string();
    let mut by_segment: HashMap<u32, Vec<DocId>> = HashMap::new();
    for d in docs {
        by_segment.entry(d.segment_ord).or_default().push(d.doc_id);
    }
    let mut passages = HashMap::new();
    for (segment, docs) in by_segment {
        let reader = searcher.segment_reader(segment);
        let Some(column) = reader.fast_fields().str(&id_name)? else {
            continue;
        };
        passages.insert(
            reader.segment_id(),
            whole_articles(column.ords(), reader.max_doc(), docs),
        );
    }
    Ok(Some(PassageSet::new(passages)))
}

/// The documents of a segment that share an id ordinal with `docs` and stand next to them.
fn whole_articles(ords: &Column<u64>, max_doc: DocId, docs: Vec<DocId>) -> BitSet {
    let mut out = BitSet::with_max_value(max_doc.max(1));
    for doc in docs {
        if out.contains(doc) {
            continue;
        }
        out.insert(doc);
        let Some(article) = ords.first(doc) else {
            continue;
        };
        let same = |d: DocId| ords.first(d) == Some(article);
        let mut before = doc;
        while before > 0 && same(before - 1) {
            before -= 1;
            out.insert(before);
        }
        let mut after = doc + 1;
        while after < max_doc && same(after) {
            out.insert(after);
            after += 1;
        }
    }
    out
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
