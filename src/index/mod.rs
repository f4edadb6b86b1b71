//! The index on disk: a tantivy index plus `newsdex.json`, which marks the directory as a
//! newsdex index and records its schema version and the corpus it mirrors.
//!
//! The manifest of indexed files (path, size, modification time, content hash, counts) is
//! written beside the index as `manifest-N.json` before each tantivy commit, and the commit's
//! payload names it (with its hash), so the manifest and the passages it describes always
//! change together: an interrupted run leaves both at the last commit. (The payload is kept
//! small because tantivy reads it, inside its `meta.json`, every time the index is opened.)

pub mod catalogue;
pub mod facet;
pub mod figure_terms;
mod manifest;
mod meta;
pub mod schema;
mod store;
pub mod writer;

pub use manifest::*;
pub use meta::*;
pub use schema::{Fields, SCHEMA_VERSION};
pub use store::*;
