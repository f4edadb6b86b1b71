//! The manifest of indexed files, and the commit payload that names it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What the manifest knows of one file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileRecord {
    pub size: u64,
    pub mtime: u128,
    /// xxh3 of the file's bytes, hex.
    pub hash: String,
    pub articles: u64,
    pub passages: u64,
    /// Why the file was skipped, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Every indexed (or skipped) file, by path.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    /// Whether articles were credited to their top-level folder's agency.
    #[serde(default)]
    pub agency_from_folder: bool,
    pub files: BTreeMap<String, FileRecord>,
}

impl Manifest {
    pub fn totals(&self) -> (u64, u64) {
        self.files
            .values()
            .fold((0, 0), |(a, p), f| (a + f.articles, p + f.passages))
    }
}

/// Manifests are files named `manifest-<opstamp>.json` in the index folder.
pub(super) const MANIFEST_PREFIX: &str = "manifest-";

/// A commit's payload: the manifest file of the commit and the xxh3 of its bytes.
#[derive(Serialize, Deserialize)]
pub struct ManifestRef {
    pub(super) manifest: String,
    pub(super) xxh3: String,
}

impl ManifestRef {
    /// The commit payload naming the manifest.
    pub fn payload(&self) -> String {
        serde_json::to_string(self).expect("two strings serialise")
    }
}

/// The content hash kept for files and manifests: xxh3 of the bytes, in hex.
pub fn content_hash(bytes: &[u8]) -> String {
    hash_hex(xxhash_rust::xxh3::xxh3_64(bytes))
}

/// How a content hash is written in the manifest.
pub fn hash_hex(hash: u64) -> String {
    format!("{hash:016x}")
}
