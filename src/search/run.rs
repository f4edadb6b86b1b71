//! Running a search: the best passages, grouped by article, highlighted.

use anyhow::Result;
use tantivy::collector::TopDocs;
use tantivy::{DocAddress, Order, Searcher};

use super::{build_query, Built, Hit, Request, Results, Sort};
use super::{entity, expand, group, highlight, segments};
use crate::annotate::entities::Kind;
use crate::annotate::keys;
use crate::index::Store;

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
        Sort::Relevance => segments::search(
            &searcher,
            &query,
            &TopDocs::with_limit(candidates).order_by_score(),
        )?
        .into_iter()
        .map(|(s, a)| (text_query.as_ref().map(|_| s), a))
        .collect(),
        Sort::Date => segments::search(
            &searcher,
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
