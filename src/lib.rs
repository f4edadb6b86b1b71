//! newsdex: a command-line search engine for news corpora.
//!
//! The data flows forward only:
//! files ([`corpus`]) → [`article::Article`]s → [`article::Passage`]s → tantivy documents
//! ([`index`]); query → filters → hits → highlighted passages ([`search`], [`render`]).

pub mod annotate;
pub mod article;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod date;
pub mod index;
pub mod interrupt;
pub mod render;
pub mod search;
pub mod stats;
pub mod train;
