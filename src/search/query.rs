//! A request as tantivy queries ([`Built`]): the ranked text query, the date, entity,
//! agency and figure filters, and the walk over matches that counting shares.

use std::ops::Bound;

use anyhow::Result;
use tantivy::query::{AllQuery, BooleanQuery, InvertedIndexRangeQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::Request;
use super::{entity, entity_boost, expand, text};
use crate::annotate::entities::Kind;
use crate::annotate::keys;
use crate::date::Date;
use crate::index::Store;

/// A request as tantivy queries: the whole query, and the text query alone (for
/// highlighting), if there is one.
pub struct Built {
    pub query: Box<dyn Query>,
    pub text: Option<Box<dyn Query>>,
    /// The entity filters, resolved through the catalogue.
    pub resolved: Vec<entity::Resolved>,
    /// The other one-word names of the entities the text names, as indexed terms, for the
    /// expansion ([`entity_boost`]).
    pub alias_terms: Vec<String>,
    /// The ranked text query, and the filters, kept apart for [`Built::expanded`].
    ranked_text: Option<text::TextQuery>,
    filters: Vec<(Occur, Box<dyn Query>)>,
}

impl Built {
    /// The query with the words of an expansion ([`expand`]): they add to the score, and
    /// where the typed query requires nothing by operator or phrase they also match on their
    /// own. The filters are the ones already built (entities are not resolved again).
    pub fn expanded(&self, e: &expand::Expansion) -> Box<dyn Query> {
        let Some(t) = &self.ranked_text else {
            return self.query.box_clone();
        };
        let alone = if t.plain { Occur::Should } else { Occur::Must };
        let text: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (alone, t.query.box_clone()),
            (Occur::Should, e.clause.box_clone()),
        ]));
        let mut clauses = vec![(Occur::Must, text)];
        clauses.extend(self.filters.iter().map(|(o, q)| (*o, q.box_clone())));
        all_of(clauses)
    }
}

/// Calls `f` with each passage of `segment` that `weight` matches and that is not deleted:
/// the walk over matches that counting from fast fields ([`super::facets`], [`super::profile`]) shares.
pub(crate) fn for_each_match(
    weight: &dyn tantivy::query::Weight,
    segment: &tantivy::SegmentReader,
    mut f: impl FnMut(tantivy::DocId),
) -> tantivy::Result<()> {
    let alive = segment.alive_bitset();
    weight.for_each_no_score(segment, &mut |docs| {
        for &doc in docs {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                f(doc);
            }
        }
    })
}

/// A query for one keyword term (an entity key, an agency, an article id): matched whole,
/// read without frequencies.
pub(crate) fn keyword(field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// One query that requires every clause (everything, when there are none).
fn all_of(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    match clauses.len() {
        0 => Box::new(AllQuery),
        1 => clauses.pop().unwrap().1,
        _ => Box::new(BooleanQuery::new(clauses)),
    }
}

/// The passages whose `field` (days as indexed numbers) holds a day from `first` to `last`
/// (either open when `None`), read from the days' terms, not from a fast column: a column
/// range reads the day of every passage in the index (1M at the benchmark's size), the terms
/// only the passages of the days asked for.
fn days(field: Field, first: Option<Date>, last: Option<Date>) -> Box<dyn Query> {
    let bound = |d: Option<Date>| {
        d.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_i64(field, d.days()))
        })
    };
    Box::new(InvertedIndexRangeQuery::new(bound(first), bound(last)))
}

/// The query for a request.
pub fn build_query(store: &Store, searcher: &Searcher, req: &Request) -> Result<Built> {
    let f = &store.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let (ranked_text, alias_terms) = match req
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        Some(q) => {
            let mut t = text::build(store, q)?;
            let named = entity_boost::named(store, searcher, q)?;
            if let Some(boost) = named.clause {
                t.query = Box::new(BooleanQuery::new(vec![
                    (Occur::Must, t.query),
                    (Occur::Should, boost),
                ]));
            }
            (Some(t), named.alias_terms)
        }
        None => (None, Vec::new()),
    };
    let text_query = ranked_text.as_ref().map(|t| t.body.box_clone());
    if req.filters.since.is_some() || req.filters.until.is_some() {
        let days = days(f.date, req.filters.since, req.filters.until);
        clauses.push((Occur::Must, days));
    }
    let resolved = resolve_entities(store, searcher, req)?;
    for r in &resolved {
        clauses.push((
            Occur::Must,
            entity::filter_query(store, searcher, r, text_query.is_some())?,
        ));
    }
    let agency_field = if req.filters.wire_only {
        f.agency_wire
    } else {
        f.agency
    };
    for name in &req.filters.agencies {
        clauses.push((Occur::Must, keyword(agency_field, &keys::key(name))));
    }
    if req.filters.wire_only && req.filters.agencies.is_empty() {
        clauses.push((Occur::Must, keyword(f.agency_wire, "*")));
    }
    match &req.filters.mentions_date {
        Some(crate::date::Period::Exact(period)) => {
            clauses.push((Occur::Must, keyword(f.mentioned, period)));
        }
        Some(crate::date::Period::Range(first, last)) => {
            let range = days(f.mentioned_day, Some(*first), Some(*last));
            clauses.push((Occur::Must, range));
        }
        None => {}
    }
    for fig in &req.filters.figures {
        clauses.push((Occur::Must, fig.query(f.figure)));
    }
    let mut all: Vec<(Occur, Box<dyn Query>)> = ranked_text
        .iter()
        .map(|t| (Occur::Must, t.query.box_clone()))
        .collect();
    all.extend(clauses.iter().map(|(o, q)| (*o, q.box_clone())));
    Ok(Built {
        query: all_of(all),
        text: text_query,
        resolved,
        alias_terms,
        ranked_text,
        filters: clauses,
    })
}

/// Entity filters, resolved (see [`entity`]). With a text query they narrow to articles
/// that name the entity anywhere; without one, to the passages that name it.
fn resolve_entities(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
) -> Result<Vec<entity::Resolved>> {
    let groups = [
        (&req.filters.persons, Kind::Person),
        (&req.filters.orgs, Kind::Organization),
        (&req.filters.places, Kind::Place),
    ];
    let mut out = Vec::new();
    for (names, kind) in groups {
        for name in names {
            out.push(entity::resolve(store, searcher, kind, name)?);
        }
    }
    Ok(out)
}
