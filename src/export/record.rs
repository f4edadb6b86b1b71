//! The passages of an index as records for another engine: every field newsdex stores, with
//! the entities named both in the passage and anywhere in its article (the article-level
//! lists are what newsdex's entity filters match with a text query), read segment by segment
//! from the document store, an article at a time, so that memory stays flat.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;
use tantivy::TantivyDocument;

use crate::annotate::agencies::AgencyKind;
use crate::annotate::entities::Kind;
use crate::index::Store;
use crate::search::{passage_of, Hit};

/// One passage, as exported.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// `article_id/passage`: unique.
    pub id: String,
    pub article_id: String,
    pub path: String,
    pub line: u64,
    pub passage: u64,
    pub title: String,
    pub body: String,
    /// `YYYY-MM-DD`, when the article is dated.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Canonical names of the entities tagged in the passage.
    pub person: Vec<String>,
    pub organization: Vec<String>,
    pub place: Vec<String>,
    /// Canonical names of the entities tagged anywhere in the article.
    pub article_person: Vec<String>,
    pub article_organization: Vec<String>,
    pub article_place: Vec<String>,
    /// The agencies the article credits, and those of them that are news agencies.
    pub agency: Vec<String>,
    pub agency_wire: Vec<String>,
    /// The passage's figures: values by unit (`{"usd": [1.13e9]}`; a range by both ends).
    pub figures: BTreeMap<String, Vec<f64>>,
    /// The dates the passage mentions, normalised (`2024-06-19`, `2024-06`, `2024`).
    pub mentioned: Vec<String>,
}

impl Record {
    fn of(hit: Hit) -> Record {
        let names = |kind: Kind| -> Vec<String> {
            let mut v: Vec<String> = hit
                .entities
                .iter()
                // A place's people count for it ("Japanese" for Japan), as in newsdex's filter.
                .filter(|e| e.kind == kind && (!e.demonym || kind == Kind::Place))
                .map(|e| e.name.clone())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let mut figures: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for f in &hit.figures {
            // A range ("$1.3 to $1.5bn") by both its ends, as newsdex matches it.
            let values = figures.entry(f.unit.to_lowercase()).or_default();
            values.push(f.value);
            values.extend(f.upper);
        }
        let wire = |a: &&crate::annotate::CreditedAgency| a.kind == AgencyKind::Wire;
        Record {
            id: format!("{}/{}", hit.article_id, hit.passage),
            person: names(Kind::Person),
            organization: names(Kind::Organization),
            place: names(Kind::Place),
            article_person: Vec::new(),
            article_organization: Vec::new(),
            article_place: Vec::new(),
            agency: hit.agencies.iter().map(|a| a.name.clone()).collect(),
            agency_wire: hit
                .agencies
                .iter()
                .filter(wire)
                .map(|a| a.name.clone())
                .collect(),
            figures,
            mentioned: hit.dates.iter().map(|d| d.value.clone()).collect(),
            article_id: hit.article_id,
            path: hit.path,
            line: hit.line,
            passage: hit.passage,
            title: hit.title,
            body: hit.text,
            date: hit.date,
            source: hit.source,
            url: hit.url,
        }
    }
}

/// The number of passages in the index.
pub fn count(store: &Store) -> Result<u64> {
    Ok(store.searcher()?.num_docs())
}

/// Calls `each` with every passage of the index, an article's passages together, each with
/// its article's entity lists.
pub fn each(store: &Store, mut each: impl FnMut(Record) -> Result<()>) -> Result<()> {
    let searcher = store.searcher()?;
    let mut article: Vec<Record> = Vec::new();
    for segment in searcher.segment_readers() {
        let docs = segment.get_store_reader(8)?;
        for doc in docs.iter::<TantivyDocument>(segment.alive_bitset()) {
            let record = Record::of(passage_of(store, &doc?));
            if article
                .first()
                .is_some_and(|r| r.article_id != record.article_id)
            {
                flush(&mut article, &mut each)?;
            }
            article.push(record);
        }
        flush(&mut article, &mut each)?;
    }
    Ok(())
}

/// Hands over an article's passages with the union of their entities.
fn flush(article: &mut Vec<Record>, each: &mut impl FnMut(Record) -> Result<()>) -> Result<()> {
    let union = |pick: fn(&Record) -> &Vec<String>| -> Vec<String> {
        let mut v: Vec<String> = article
            .iter()
            .flat_map(|r| pick(r).iter().cloned())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (people, orgs, places) = (
        union(|r| &r.person),
        union(|r| &r.organization),
        union(|r| &r.place),
    );
    for mut r in article.drain(..) {
        r.article_person = people.clone();
        r.article_organization = orgs.clone();
        r.article_place = places.clone();
        each(r)?;
    }
    Ok(())
}
