//! Facets: the most mentioned entities over the whole index, or over the passages a query
//! and its filters match.

use std::collections::HashMap;

use anyhow::{Context, Result};
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::TantivyDocument;

use super::{annotations, build_query, Request};
use crate::annotate::entities::Kind;
use crate::cli::FacetType;
use crate::index::Store;

/// How often an entity (or a figure's unit) is mentioned.
#[derive(Debug, Clone, Serialize)]
pub struct EntityCount {
    /// person, organization, place or figure.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    /// Literal mentions (demonyms not counted).
    pub mentions: usize,
    /// Passages that mention it.
    pub passages: usize,
    /// Articles that mention it.
    pub articles: usize,
}

/// Counts the entities of the passages matching `req` (every passage when it is empty),
/// most mentioned first.
pub fn entities(store: &Store, req: &Request, kind: Option<FacetType>) -> Result<Vec<EntityCount>> {
    let wanted = |k: FacetType| kind.is_none_or(|w| w == k);
    let facet_of = |k: Kind| match k {
        Kind::Person => FacetType::Person,
        Kind::Organization => FacetType::Organization,
        Kind::Place => FacetType::Place,
    };
    let reader = store
        .index
        .reader()
        .with_context(|| format!("opening a reader on {}", store.dir.display()))?;
    let searcher = reader.searcher();
    let query = build_query(store, &searcher, req)?.query;
    let docs = searcher.search(&query, &DocSetCollector)?;
    let mut counts: HashMap<
        (&'static str, String),
        (usize, usize, std::collections::HashSet<String>),
    > = HashMap::new();
    let mut agencies_seen: std::collections::HashSet<(String, String)> = Default::default();
    for addr in docs {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let article = doc
            .get_first(store.fields.id)
            .and_then(|v| tantivy::schema::Value::as_str(&v))
            .unwrap_or("")
            .to_string();
        let ann = annotations(store, &doc);
        let mut items: Vec<(&'static str, String)> = ann
            .entities
            .iter()
            .filter(|m| !m.demonym && wanted(facet_of(m.kind)))
            .map(|m| (m.kind.as_str(), m.name.clone()))
            .collect();
        if wanted(FacetType::Figure) {
            items.extend(
                ann.figures
                    .iter()
                    .filter(|f| !f.unit.is_empty())
                    .map(|f| ("figure", f.unit.clone())),
            );
        }
        if wanted(FacetType::Agency) {
            // Agencies count once per article.
            for a in &ann.article_agencies {
                if agencies_seen.insert((article.clone(), a.name.clone())) {
                    items.push(("agency", a.name.clone()));
                }
            }
        }
        let mut seen_here: Vec<(&'static str, String)> = Vec::new();
        for item in items {
            let e = counts.entry(item.clone()).or_default();
            e.0 += 1;
            if !seen_here.contains(&item) {
                seen_here.push(item);
                e.1 += 1;
                e.2.insert(article.clone());
            }
        }
    }
    let mut out: Vec<EntityCount> = counts
        .into_iter()
        .map(
            |((kind, name), (mentions, passages, articles))| EntityCount {
                kind,
                name,
                mentions,
                passages,
                articles: articles.len(),
            },
        )
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.kind.cmp(b.kind))
            .then(a.name.cmp(&b.name))
    });
    Ok(out)
}
