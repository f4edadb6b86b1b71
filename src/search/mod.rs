//! Searching: a query and filters become one tantivy query; its best passages are grouped by
//! article (an article's best passages shown together, so that one article cannot fill the
//! page) and each passage is returned whole with the byte ranges of the matched words.

pub mod article;
pub mod corpus_type;
pub mod entity;
pub mod entity_boost;
pub mod expand;
pub mod facet_sample;
pub mod facet_totals;
pub mod facets;
pub mod figure;
mod filters;
mod group;
mod highlight;
mod memo;
mod passage_set;
pub mod profile;
mod segments;
pub mod synonyms;
pub mod text;

mod hit;
mod query;
mod request;
mod run;

pub use filters::Filters;
pub use hit::*;
pub use query::*;
pub use request::*;
pub use run::*;
