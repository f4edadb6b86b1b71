//! Past one machine: the enriched passages of an index written as Quickwit, OpenSearch and
//! Sphinx ingest them ([`engines`]), read from the index a segment at a time ([`record`]),
//! and newsdex searches written as those engines' queries ([`translate`]).

pub mod engines;
pub mod record;
pub mod translate;

pub use engines::Engine;

use std::path::Path;

use anyhow::{Context, Result};

use crate::index::Store;

/// Writes the passages of `store` for `engine` into `out` (created when missing); Sphinx's
/// in `shards` files. Calls `progress` with the passages written so far. Returns how many.
pub fn export(
    store: &Store,
    engine: Engine,
    out: &Path,
    shards: usize,
    mut progress: impl FnMut(u64),
) -> Result<u64> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut sink = engines::sink(engine, out, shards)?;
    let mut n = 0u64;
    record::each(store, |r| {
        sink.add(&r)?;
        n += 1;
        if n.is_multiple_of(1024) {
            progress(n);
        }
        Ok(())
    })?;
    sink.finish()?;
    progress(n);
    Ok(n)
}
