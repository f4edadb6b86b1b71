//! `newsdex.json`, which marks a directory as a newsdex index and records its schema
//! version and the corpus it mirrors.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use super::SCHEMA_VERSION;

/// The file that marks a directory as a newsdex index.
pub const META_FILE: &str = "newsdex.json";

/// Contents of `newsdex.json`.
#[derive(Debug, Serialize, Deserialize)]
pub struct IndexMeta {
    pub format: String,
    pub schema_version: u32,
    /// The corpus directory, absolute.
    pub corpus: PathBuf,
}

/// Whether `dir` holds a newsdex index.
pub fn exists(dir: &Path) -> bool {
    dir.join(META_FILE).is_file()
}

pub(super) fn read_meta(dir: &Path) -> Result<IndexMeta> {
    let path = dir.join(META_FILE);
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let meta: IndexMeta = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a newsdex index marker", path.display()))?;
    if meta.format != "newsdex" {
        bail!("{} is not a newsdex index marker", path.display());
    }
    Ok(meta)
}

/// Whether `dir` holds a newsdex index made by another schema version (to be rebuilt).
pub fn is_outdated(dir: &Path) -> bool {
    read_meta(dir).is_ok_and(|m| m.schema_version != SCHEMA_VERSION)
}

pub(super) fn check_version(dir: &Path, meta: &IndexMeta) -> Result<()> {
    if meta.schema_version != SCHEMA_VERSION {
        bail!(
            "{} holds an index of schema version {}, but this newsdex uses version {}: rebuild it with `newsdex index CORPUS --index {} --rebuild`",
            dir.display(),
            meta.schema_version,
            SCHEMA_VERSION,
            dir.display()
        );
    }
    Ok(())
}

/// Writes `newsdex.json` atomically (a temporary file renamed over it).
pub(super) fn write_meta(dir: &Path, meta: &IndexMeta) -> Result<()> {
    let tmp = dir.join(format!("{META_FILE}.tmp"));
    fs::write(&tmp, serde_json::to_string_pretty(meta)?)
        .and_then(|_| fs::rename(&tmp, dir.join(META_FILE)))
        .with_context(|| format!("writing {}", dir.join(META_FILE).display()))
}

/// Removes the contents of a directory known to be a newsdex index.
pub(super) fn clear_index_dir(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        }
        .with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}
