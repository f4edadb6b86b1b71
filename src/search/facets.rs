//! Facets: the most mentioned entities over the whole index, or over the passages a query
//! and its filters match.
//!
//! Counting reads the fast field of facet values ([`crate::index::facet`]) of each matching
//! passage: its ordinals per segment, turned into names once per segment at the end. An
//! article's passages sit next to each other in one segment (the writer adds a file's
//! passages as one group), so an article is counted when a value's article changes.

use std::collections::HashMap;

use anyhow::{Context, Result};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::{build_query, Request};
pub use crate::index::facet::FacetType;
use crate::index::{facet, Store};

/// How often an entity (or a figure's unit) is mentioned.
#[derive(Debug, Clone, Serialize)]
pub struct EntityCount {
    /// person, organization, place, figure or agency.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    /// Literal mentions (demonyms not counted); for agencies, articles.
    pub mentions: usize,
    /// Passages that mention it; for agencies, articles.
    pub passages: usize,
    /// Articles that mention it.
    pub articles: usize,
}

/// Counts the entities of the passages matching `req` (every passage when it is empty),
/// most mentioned first.
pub fn entities(store: &Store, req: &Request, kind: Option<FacetType>) -> Result<Vec<EntityCount>> {
    let reader = store
        .index
        .reader()
        .with_context(|| format!("opening a reader on {}", store.dir.display()))?;
    let searcher = reader.searcher();
    let query = build_query(store, &searcher, req)?.query;
    let schema = store.index.schema();
    let collector = FacetCounter {
        facet: schema.get_field_name(store.fields.facet).to_string(),
        id: schema.get_field_name(store.fields.id).to_string(),
        kind,
    };
    let mut out: Vec<EntityCount> = searcher
        .search(&query, &collector)?
        .into_iter()
        .filter_map(|(stored, t)| {
            let (kind, name) = facet::parse(&stored)?;
            // An agency counts once per article.
            let (mentions, passages) = match kind {
                FacetType::Agency => (t.articles, t.articles),
                _ => (t.mentions, t.passages),
            };
            Some(EntityCount {
                kind: kind.as_str(),
                name: name.to_string(),
                mentions,
                passages,
                articles: t.articles,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.kind.cmp(b.kind))
            .then(a.name.cmp(&b.name))
    });
    Ok(out)
}

/// Counts of one facet value.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    mentions: usize,
    passages: usize,
    articles: usize,
}

/// Counts facet values by their stored text over the matching passages.
struct FacetCounter {
    facet: String,
    id: String,
    kind: Option<FacetType>,
}

/// A facet value's counts in one segment, with the last passage and article that counted.
struct SegmentTally {
    tally: Tally,
    last_doc: DocId,
    last_article: u64,
}

struct SegmentFacets {
    facets: Option<StrColumn>,
    ids: Option<StrColumn>,
    kind: Option<FacetType>,
    tallies: HashMap<u64, SegmentTally>,
}

impl Collector for FacetCounter {
    type Fruit = HashMap<String, Tally>;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        Ok(SegmentFacets {
            facets: reader.fast_fields().str(&self.facet)?,
            ids: reader.fast_fields().str(&self.id)?,
            kind: self.kind,
            tallies: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: HashMap<String, Tally> = HashMap::new();
        for fruit in fruits {
            for (value, t) in fruit {
                let e = all.entry(value).or_default();
                e.mentions += t.mentions;
                e.passages += t.passages;
                e.articles += t.articles;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = HashMap<String, Tally>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(facets) = &self.facets else {
            return;
        };
        let article = self
            .ids
            .as_ref()
            .and_then(|c| c.term_ords(doc).next())
            .unwrap_or(u64::MAX);
        for ord in facets.term_ords(doc) {
            let e = self.tallies.entry(ord).or_insert(SegmentTally {
                tally: Tally::default(),
                last_doc: DocId::MAX,
                last_article: u64::MAX,
            });
            e.tally.mentions += 1;
            if e.last_doc != doc {
                e.last_doc = doc;
                e.tally.passages += 1;
            }
            if e.last_article != article {
                e.last_article = article;
                e.tally.articles += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = HashMap::new();
        let Some(facets) = &self.facets else {
            return out;
        };
        let mut ords: Vec<u64> = self.tallies.keys().copied().collect();
        ords.sort_unstable();
        let mut names = Vec::with_capacity(ords.len());
        // A dictionary read that fails leaves the facet out rather than failing the count.
        let _ = facets.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            names.push(String::from_utf8_lossy(bytes).into_owned());
        });
        for (ord, name) in ords.iter().zip(names) {
            let wanted = match (self.kind, facet::parse(&name)) {
                (_, None) => false,
                (None, _) => true,
                (Some(k), Some((t, _))) => k == t,
            };
            if wanted {
                out.insert(name, self.tallies[ord].tally);
            }
        }
        out
    }
}
