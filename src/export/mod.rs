//! Past one machine: the enriched passages of an index written as Quickwit, OpenSearch and
//! Sphinx ingest them ([`engines`]), read from the index a segment at a time ([`record`]),
//! and newsdex searches written as those engines' queries ([`translate`]).

pub mod engines;
pub mod record;
pub mod translate;
mod write;

pub use engines::Engine;
pub use write::export;
