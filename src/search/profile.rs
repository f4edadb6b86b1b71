//! An entity's profile (`newsdex entity NAME`): what the catalogue and the passages that
//! name it say of it: its names, how many articles and mentions, first and last dates, the
//! agencies crediting the articles, and the entities it most often appears with.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, Result};
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::annotations;
use super::entity::{filter_query, resolve, Resolved};
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
    let reader = store
        .index
        .reader()
        .with_context(|| format!("opening a reader on {}", store.dir.display()))?;
    let searcher = reader.searcher();
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
    let docs = searcher.search(query.as_ref(), &DocSetCollector)?;
    let mut articles: BTreeSet<String> = BTreeSet::new();
    let mut agencies: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut with: HashMap<(Kind, String), usize> = HashMap::new();
    let (mut mentions, mut first, mut last) = (0, None::<i64>, None::<i64>);
    for addr in &docs {
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let id = doc
            .get_first(store.fields.id)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        if let Some(d) = doc.get_first(store.fields.date).and_then(|v| v.as_i64()) {
            first = Some(first.map_or(d, |f| f.min(d)));
            last = Some(last.map_or(d, |l| l.max(d)));
        }
        let ann = annotations(store, &doc);
        let mut here: BTreeSet<(Kind, String)> = BTreeSet::new();
        for m in ann.entities.iter().filter(|m| !m.demonym) {
            let own = m.kind == kind
                && (resolved.keys.contains(&key(&m.name)) || resolved.keys.contains(&key(&m.text)));
            if own {
                mentions += 1;
            } else {
                here.insert((m.kind, m.name.clone()));
            }
        }
        for e in here {
            *with.entry(e).or_default() += 1;
        }
        for a in &ann.article_agencies {
            agencies
                .entry(a.name.clone())
                .or_default()
                .insert(id.clone());
        }
        articles.insert(id);
    }
    let mut agencies: Vec<(String, usize)> =
        agencies.into_iter().map(|(n, a)| (n, a.len())).collect();
    agencies.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    agencies.truncate(TOP);
    let mut appears_with: Vec<Named> = with
        .into_iter()
        .map(|((kind, name), passages)| Named {
            kind,
            name,
            passages,
        })
        .collect();
    appears_with.sort_by(|a, b| b.passages.cmp(&a.passages).then(a.name.cmp(&b.name)));
    appears_with.truncate(TOP);
    let day = |d: Option<i64>| d.map(|d| Date::from_days(d).to_string());
    Ok(Some(Profile {
        resolved,
        aliases: aliases.into_iter().collect(),
        articles: articles.len(),
        passages: docs.len(),
        mentions,
        first_date: day(first),
        last_date: day(last),
        agencies,
        appears_with,
    }))
}

/// Completion: canonical names of each kind (or of `kind`) that start with `prefix`.
pub fn complete(
    store: &Store,
    kind: Option<Kind>,
    prefix: &str,
    limit: usize,
) -> Result<Vec<(Kind, String)>> {
    let reader = store
        .index
        .reader()
        .with_context(|| format!("opening a reader on {}", store.dir.display()))?;
    let searcher = reader.searcher();
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
