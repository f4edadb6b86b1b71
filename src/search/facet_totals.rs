//! The whole index's facets, counted once when an indexing run ends and kept beside the
//! index in [`FILE`], so that `newsdex entities` with no query (and the web page before a
//! search) reads them instead of counting every passage again: at a million passages the
//! count takes a few hundred milliseconds, reading what was kept about a millisecond.
//!
//! What is kept holds for the segments it was counted over and the deletions they had then
//! (their ids and deleted counts are kept with it); an index that has changed since, by a
//! run that did not finish or by another program, is counted live, as is a request for more
//! than [`KEPT_PER_TYPE`] values of a type.

use std::fs;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::Searcher;

use super::facets::{self, EntityCount, FacetType};
use super::Request;
use crate::index::Store;

/// How many values of each type are kept: the most any request served from them may ask.
pub const KEPT_PER_TYPE: usize = 250;
/// The file in the index folder.
pub const FILE: &str = "facets.json";
/// The version of the file's layout and of what it holds (2: person values the corpus
/// disowns are left out, see [`super::corpus_type`]; a change to that check, or to the
/// clusters it reads, needs a new version).
const VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Kept {
    version: u32,
    /// How many values of each type were kept (at most).
    per_type: usize,
    /// The segments counted, as `id:deleted documents`, sorted.
    segments: Vec<String>,
    values: Vec<KeptCount>,
}

#[derive(Serialize, Deserialize)]
struct KeptCount {
    kind: String,
    name: String,
    mentions: usize,
    passages: usize,
    articles: usize,
}

/// What identifies the index a searcher reads: its segments and their deletions.
fn segments(searcher: &Searcher) -> Vec<String> {
    let mut out: Vec<String> = searcher
        .segment_readers()
        .iter()
        .map(|s| format!("{}:{}", s.segment_id().uuid_string(), s.num_deleted_docs()))
        .collect();
    out.sort();
    out
}

/// Counts the whole index's facets, the [`KEPT_PER_TYPE`] most mentioned values of each
/// type, and keeps them in the index folder (written whole, then renamed over the old).
pub fn keep(store: &Store) -> Result<()> {
    let searcher = store.searcher()?;
    let counts = facets::count_by_type(store, &searcher, &Request::default(), KEPT_PER_TYPE)?;
    let kept = Kept {
        version: VERSION,
        per_type: KEPT_PER_TYPE,
        segments: segments(&searcher),
        values: counts
            .into_iter()
            .map(|c| KeptCount {
                kind: c.kind.to_string(),
                name: c.name,
                mentions: c.mentions,
                passages: c.passages,
                articles: c.articles,
            })
            .collect(),
    };
    let path = store.dir.join(FILE);
    // A name of this process's own: another run may be writing its file at the same time.
    let tmp = store.dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    let written = fs::write(&tmp, serde_json::to_vec(&kept)?).and_then(|_| fs::rename(&tmp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written.with_context(|| format!("writing {}", path.display()))
}

/// The kept facets, grouped by type in the order of [`FacetType::ALL`] and most mentioned
/// first within each, when they hold for the index `searcher` reads and at least `limit`
/// values of each type were kept; `None` when there are none, they are unreadable or the
/// index has changed since.
pub(super) fn kept(store: &Store, searcher: &Searcher, limit: usize) -> Option<Vec<EntityCount>> {
    let bytes = fs::read(store.dir.join(FILE)).ok()?;
    let kept: Kept = serde_json::from_slice(&bytes).ok()?;
    if kept.version != VERSION || limit > kept.per_type || kept.segments != segments(searcher) {
        return None;
    }
    kept.values
        .into_iter()
        .map(|c| {
            Some(EntityCount {
                kind: FacetType::named(&c.kind)?.as_str(),
                name: c.name,
                mentions: c.mentions,
                passages: c.passages,
                articles: c.articles,
                estimated: false,
            })
        })
        .collect()
}
