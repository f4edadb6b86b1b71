//! An entity's profile (`newsdex entity NAME`): what the catalogue and the passages that
//! name it say of it: its names, how many articles and mentions, first and last dates, the
//! agencies crediting the articles, and the entities it most often appears with. Read from
//! fast fields (facet values, article ids, dates), never from the stored passages.

use std::collections::BTreeSet;

use anyhow::Result;
use serde::Serialize;
use tantivy::query::{EnableScoring, Query};
use tantivy::Searcher;

use super::entity::{filter_query, resolve, Resolved};
use super::facets::{self, EntityCount, FacetType};
use super::for_each_match;
use crate::annotate::entities::Kind;
use crate::annotate::keys::key;
use crate::date::Date;
use crate::index::catalogue::Catalogue;
use crate::index::Store;

/// The most co-occurring entities and agencies listed.
const TOP: usize = 10;

/// One entity, as the index knows it.
#[derive(Debug, Serialize)]
pub struct Profile {
    #[serde(flatten)]
    pub resolved: Resolved,
    /// Every name the corpus gives the entities.
    pub aliases: Vec<String>,
    pub articles: usize,
    pub passages: usize,
    /// Mentions the recognizer tagged.
    pub mentions: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Agencies crediting articles that name it, with their article counts.
    pub agencies: Vec<(String, usize)>,
    /// The entities named in the same passages, with their passage counts.
    pub appears_with: Vec<Named>,
}

/// An entity and a count.
#[derive(Debug, Serialize)]
pub struct Named {
    #[serde(rename = "type")]
    pub kind: Kind,
    pub name: String,
    pub passages: usize,
}

/// The profile of `name` as an entity of `kind`, or `None` when the index does not know it.
pub fn profile(store: &Store, kind: Kind, name: &str) -> Result<Option<Profile>> {
    let searcher = store.searcher()?;
    let resolved = resolve(store, &searcher, kind, name)?;
    if !resolved.known {
        return Ok(None);
    }
    let catalogue = Catalogue::new(&searcher, store.fields.entity_link);
    let mut aliases = BTreeSet::new();
    for canonical in &resolved.entities {
        aliases.extend(catalogue.names(kind, canonical)?);
    }
    let query = filter_query(store, &searcher, &resolved, false)?;
    let spread = spread(store, &searcher, query.as_ref())?;
    let counts = facets::all(store, &searcher, query.as_ref())?;
    let own = |c: &EntityCount| c.kind == kind.as_str() && resolved.keys.contains(&key(&c.name));
    let mentions = counts.iter().filter(|c| own(c)).map(|c| c.mentions).sum();
    let mut agencies: Vec<(String, usize)> = counts
        .iter()
        .filter(|c| c.kind == FacetType::Agency.as_str())
        .map(|c| (c.name.clone(), c.articles))
        .collect();
    agencies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    agencies.truncate(TOP);
    let mut appears_with: Vec<Named> = counts
        .into_iter()
        .filter(|c| !own(c))
        .filter_map(|c| {
            let kind = [Kind::Person, Kind::Organization, Kind::Place]
                .into_iter()
                .find(|k| k.as_str() == c.kind)?;
            Some(Named {
                kind,
                name: c.name,
                passages: c.passages,
            })
        })
        .collect();
    appears_with.sort_by(|a, b| b.passages.cmp(&a.passages).then(a.name.cmp(&b.name)));
    appears_with.truncate(TOP);
    let day = |d: Option<i64>| d.map(|d| Date::from_days(d).to_string());
    Ok(Some(Profile {
        resolved,
        aliases: aliases.into_iter().collect(),
        articles: spread.articles,
        passages: spread.passages,
        mentions,
        first_date: day(spread.first),
        last_date: day(spread.last),
        agencies,
        appears_with,
    }))
}

/// How many passages and articles a query matches, and their first and last dates.
#[derive(Default)]
struct Spread {
    passages: usize,
    articles: usize,
    first: Option<i64>,
    last: Option<i64>,
}

/// The [`Spread`] of `query`, from the fast fields of article ids and dates. An article's
/// passages sit together in one segment, so a new id is a new article.
fn spread(store: &Store, searcher: &Searcher, query: &dyn Query) -> Result<Spread> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let schema = store.index.schema();
    let (id_field, date_field) = (
        schema.get_field_name(store.fields.id),
        schema.get_field_name(store.fields.date),
    );
    let mut out = Spread::default();
    for segment in searcher.segment_readers() {
        let ids = segment.fast_fields().str(id_field)?;
        let dates = segment.fast_fields().i64(date_field).ok();
        let mut last_article = None;
        for_each_match(weight.as_ref(), segment, |doc| {
            out.passages += 1;
            let article = ids.as_ref().and_then(|c| c.term_ords(doc).next());
            if article != last_article || article.is_none() {
                out.articles += 1;
                last_article = article;
            }
            if let Some(d) = dates.as_ref().and_then(|c| c.first(doc)) {
                out.first = Some(out.first.map_or(d, |f| f.min(d)));
                out.last = Some(out.last.map_or(d, |l| l.max(d)));
            }
        })?;
    }
    Ok(out)
}

/// Completion: canonical names of each kind (or of `kind`) that start with `prefix`.
pub fn complete(
    store: &Store,
    kind: Option<Kind>,
    prefix: &str,
    limit: usize,
) -> Result<Vec<(Kind, String)>> {
    let searcher = store.searcher()?;
    let catalogue = Catalogue::new(&searcher, store.fields.entity_link);
    let mut out = Vec::new();
    for k in [Kind::Person, Kind::Organization, Kind::Place] {
        if kind.is_none_or(|w| w == k) {
            out.extend(
                catalogue
                    .complete(k, prefix, limit)?
                    .into_iter()
                    .map(|n| (k, n)),
            );
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    out.truncate(limit);
    Ok(out)
}
