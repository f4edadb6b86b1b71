//! Searching: a query and filters become one tantivy query; its best passages are grouped by
//! article (an article's best passages shown together, so that one article cannot fill the
//! page) and each passage is returned whole with the byte ranges of the matched words.

pub mod article;
pub mod corpus_type;
pub mod entity;
pub mod entity_boost;
pub mod expand;
pub mod facet_sample;
pub mod facet_totals;
pub mod facets;
pub mod figure;
mod filters;
mod group;
mod highlight;
mod passage_set;
pub mod profile;
pub mod synonyms;
pub mod text;

use std::ops::Bound;

use anyhow::Result;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::schema::Value;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::annotate::entities::Kind;
use crate::annotate::{keys, EntityMention, PassageAnnotations};
use crate::date::Date;
use crate::index::Store;
pub use filters::Filters;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Sort {
    /// Best match first (BM25 over the passage; see [`text`]).
    #[default]
    Relevance,
    /// Newest article first; articles with no date come last.
    Date,
}

/// A search: an optional text query and the filters that narrow it.
#[derive(Debug, Clone)]
pub struct Request {
    pub query: Option<String>,
    /// Most passages to return.
    pub limit: usize,
    /// Most passages shown from one article.
    pub per_article: usize,
    pub sort: Sort,
    /// What narrows the hits: dates, entities (see [`entity`]), agencies, figures.
    pub filters: Filters,
    /// No query expansion: only the words typed (see [`expand`]).
    pub exact: bool,
    /// Near-duplicate articles shown once (see [`crate::annotate::fingerprint`]).
    pub collapse: bool,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            query: None,
            limit: 10,
            per_article: 3,
            sort: Sort::Relevance,
            filters: Filters::default(),
            exact: false,
            collapse: true,
        }
    }
}

impl Request {
    /// Whether the request names anything to look for.
    pub fn is_empty(&self) -> bool {
        self.query.as_deref().is_none_or(|q| q.trim().is_empty()) && self.filters.is_empty()
    }
}

/// A query the parser cannot read: the user's mistake, reported in one line.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("the query is too long ({bytes} bytes; at most {MAX_QUERY_BYTES})")]
    TooLong { bytes: usize },
    #[error("the query '{0}' has no words to search for")]
    NoWords(String),
    #[error("cannot parse the query '{query}': {why}")]
    Unparsable { query: String, why: String },
}

/// One matching passage.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub article_id: String,
    pub path: String,
    pub line: u64,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// BM25 score; absent when sorting by date.
    pub score: Option<f32>,
    /// Ordinal of the passage within its article.
    pub passage: u64,
    pub text: String,
    /// Byte ranges `[start, end)` of the matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
    /// Byte ranges of the query's words in `title`.
    pub title_highlights: Vec<[usize; 2]>,
    /// Byte ranges in `text` of words the query was expanded with (not typed).
    pub expanded_highlights: Vec<[usize; 2]>,
    /// The people, organizations and places the passage mentions.
    pub entities: Vec<EntityMention>,
    /// The figures in the passage.
    pub figures: Vec<crate::annotate::figures::Figure>,
    /// The dates the passage mentions.
    pub dates: Vec<crate::annotate::dates::DateMention>,
    /// The agencies the article credits.
    pub agencies: Vec<crate::annotate::CreditedAgency>,
    /// With entity filters: "tagged" when the recognizer tagged the entity (in the passage,
    /// or with a text query in its article) for every filter, "name" when some filter
    /// matched by the entity's name in the text alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<&'static str>,
    /// The paths of near-duplicate articles collapsed into this one's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<String>,
}

/// What a search found, and what its entity filters were resolved to.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub resolved: Vec<entity::Resolved>,
}

/// The longest query accepted.
pub const MAX_QUERY_BYTES: usize = 10_000;

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
/// the walk over matches that counting from fast fields ([`facets`], [`profile`]) shares.
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
        let lower = req.filters.since.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_i64(f.date, d.days()))
        });
        let upper = req.filters.until.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_i64(f.date, d.days()))
        });
        clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
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
            let day = |d: &Date| Bound::Included(Term::from_field_i64(f.mentioned_day, d.days()));
            let range = RangeQuery::new(day(first), day(last));
            clauses.push((Occur::Must, Box::new(range)));
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

/// Runs a search.
pub fn search(store: &Store, req: &Request) -> Result<Results> {
    let f = &store.fields;
    let searcher = store.searcher()?;
    let built = build_query(store, &searcher, req)?;
    let expansion = match &built.text {
        Some(text) if !req.exact && req.sort == Sort::Relevance => {
            expand::expand(store, &searcher, text.as_ref(), &built.alias_terms)?
        }
        _ => None,
    };
    let query = match &expansion {
        Some(e) => built.expanded(e),
        None => built.query.box_clone(),
    };
    let Built {
        text: text_query,
        resolved,
        ..
    } = built;

    // Enough candidates that grouping still fills the page.
    let candidates = (req.limit.max(1) * 10).max(100);
    let ranked: Vec<(Option<f32>, DocAddress)> = match req.sort {
        // Without a text query every score is the same: passages come in index order.
        Sort::Relevance => searcher
            .search(&query, &TopDocs::with_limit(candidates).order_by_score())?
            .into_iter()
            .map(|(s, a)| (text_query.as_ref().map(|_| s), a))
            .collect(),
        Sort::Date => searcher
            .search(
                &query,
                &TopDocs::with_limit(candidates).order_by_fast_field::<i64>("date", Order::Desc),
            )?
            .into_iter()
            .map(|(_, a)| (None, a))
            .collect(),
    };

    let highlighter = highlight::Highlighter::new(f.body, text_query.as_deref());
    let expanded =
        highlight::Highlighter::new(f.body, expansion.as_ref().map(|e| e.clause.as_ref()));
    let grouped = group::group(&searcher, store, ranked, req)?;
    let mut hits = Vec::with_capacity(grouped.len());
    for mut hit in grouped {
        hit.highlights = highlighter.ranges(&hit.text);
        hit.title_highlights = highlighter.ranges(&hit.title);
        hit.expanded_highlights = expanded.ranges(&hit.text);
        if !resolved.is_empty() {
            hit.matched_by = Some(matched_by(
                store,
                &searcher,
                &resolved,
                &hit,
                text_query.is_some(),
            )?);
        }
        hits.push(hit);
    }
    Ok(Results { hits, resolved })
}

/// How a hit matched all the entity filters: "tagged" when each matched by tagging.
fn matched_by(
    store: &Store,
    searcher: &Searcher,
    resolved: &[entity::Resolved],
    hit: &Hit,
    article_level: bool,
) -> Result<&'static str> {
    for r in resolved {
        let here: Vec<String> = hit
            .entities
            .iter()
            .filter(|m| m.kind == r.kind && !m.demonym)
            .flat_map(|m| {
                keys::index_keys(
                    &m.name,
                    std::slice::from_ref(&m.text),
                    m.kind == Kind::Person,
                )
            })
            .collect();
        if entity::matched_by(store, searcher, r, &hit.article_id, &here, article_level)? == "name"
        {
            return Ok("name");
        }
    }
    Ok("tagged")
}

/// A stored passage as a hit with no score and no highlights (for reading the index whole).
pub fn passage_of(store: &Store, doc: &TantivyDocument) -> Hit {
    to_hit(store, doc, None)
}

pub(crate) fn to_hit(store: &Store, doc: &TantivyDocument, score: Option<f32>) -> Hit {
    let f = &store.fields;
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let num = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    let hit = Hit {
        article_id: text(f.id).unwrap_or_default(),
        path: text(f.path).unwrap_or_default(),
        line: num(f.line),
        title: text(f.title).unwrap_or_default(),
        date: doc
            .get_first(f.date)
            .and_then(|v| v.as_i64())
            .map(|d| Date::from_days(d).to_string()),
        source: text(f.source),
        url: text(f.url),
        score,
        passage: num(f.passage),
        text: text(f.body).unwrap_or_default(),
        highlights: Vec::new(),
        title_highlights: Vec::new(),
        expanded_highlights: Vec::new(),
        entities: Vec::new(),
        figures: Vec::new(),
        dates: Vec::new(),
        agencies: Vec::new(),
        matched_by: None,
        also_in: Vec::new(),
    };
    let ann = annotations(store, doc);
    Hit {
        entities: ann.entities,
        figures: ann.figures,
        dates: ann.dates,
        agencies: ann.article_agencies,
        ..hit
    }
}

/// The stored annotations of a passage document.
pub fn annotations(store: &Store, doc: &TantivyDocument) -> PassageAnnotations {
    doc.get_first(store.fields.annotations)
        .and_then(|v| v.as_str())
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}
