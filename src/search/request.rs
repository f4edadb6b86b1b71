//! A search request: the text query, the filters and how hits are ordered, and the
//! errors of a query the parser cannot read.

use super::Filters;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Sort {
    /// Best match first (BM25 over the passage; see [`super::text`]).
    #[default]
    Relevance,
    /// Newest article first; articles with no date come last.
    Date,
}

/// A search: an optional text query and the filters that narrow it.
#[derive(Debug, Clone)]
pub struct Request {
    pub query: Option<String>,
    /// Most passages to return.
    pub limit: usize,
    /// Most passages shown from one article.
    pub per_article: usize,
    pub sort: Sort,
    /// What narrows the hits: dates, entities (see [`super::entity`]), agencies, figures.
    pub filters: Filters,
    /// No query expansion: only the words typed (see [`super::expand`]).
    pub exact: bool,
    /// Near-duplicate articles shown once (see [`crate::annotate::fingerprint`]).
    pub collapse: bool,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            query: None,
            limit: 10,
            per_article: 3,
            sort: Sort::Relevance,
            filters: Filters::default(),
            exact: false,
            collapse: true,
        }
    }
}

impl Request {
    /// Whether the request names anything to look for.
    pub fn is_empty(&self) -> bool {
        self.query.as_deref().is_none_or(|q| q.trim().is_empty()) && self.filters.is_empty()
    }
}

/// A query the parser cannot read: the user's mistake, reported in one line.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("the query is too long ({bytes} bytes; at most {MAX_QUERY_BYTES})")]
    TooLong { bytes: usize },
    #[error("the query '{0}' has no words to search for")]
    NoWords(String),
    #[error("cannot parse the query '{query}': {why}")]
    Unparsable { query: String, why: String },
}

/// The longest query accepted.
pub const MAX_QUERY_BYTES: usize = 10_000;
