//! Writing an export: the records of the index through one engine's writer.

use std::path::Path;

use anyhow::{Context, Result};

use super::Engine;
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
    let mut sink = super::engines::sink(engine, out, shards)?;
    let mut n = 0u64;
    super::record::each(store, |r| {
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
