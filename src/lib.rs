//! newsdex: a search engine for news corpora.
//!
//! newsdex reads a folder of news articles, finds the people, organizations, places and
//! figures ("12,000 soldiers", "$1.13bn") in them and the agencies credited for each story,
//! and keeps all of it in a [tantivy](https://docs.rs/tantivy) index. A search returns ranked
//! passages with the matching words highlighted, narrowed by entity, figure, date and agency.
//!
//! # A tour
//!
//! Index a folder, then search it for passages that name a place and hold a figure:
//!
//! ```
//! use newsdex::index::{writer, Store};
//! use newsdex::search::{figure, search, Request};
//!
//! # fn main() -> anyhow::Result<()> {
//! let dir = tempfile::tempdir()?;
//! let corpus = dir.path().join("corpus");
//! std::fs::create_dir(&corpus)?;
//! std::fs::write(
//!     corpus.join("troops.txt"),
//!     "Troops sent to Russia\n\n\
//!      SEOUL (Reuters) - North Korea has sent 12,000 soldiers to Russia, \
//!      South Korea's spy agency said on Friday.\n",
//! )?;
//!
//! // Files → articles → passages → annotations → the index (incremental: run it again and
//! // only new or changed files are read).
//! let summary = writer::run(&writer::Options {
//!     corpus,
//!     index: dir.path().join("index"),
//!     rebuild: false,
//!     progress: false,
//!     agency_from_folder: false,
//! })?;
//! assert_eq!(summary.articles_total, 1);
//!
//! // Query → filters → hits → highlighted passages.
//! let store = Store::open(&dir.path().join("index"))?;
//! let mut request = Request { query: Some("soldiers".into()), ..Request::default() };
//! request.filters.places.push("North Korea".into());
//! request.filters.figures.push(figure::parse("soldier>=10000")?);
//! let hits = search(&store, &request)?.hits;
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].line, 3);
//! assert!(hits[0].entities.iter().any(|e| e.name == "North Korea"));
//! # Ok(())
//! # }
//! ```
//!
//! The stages, in the order the data flows:
//!
//! - [`corpus`] walks a folder and reads each file (text, Markdown, JSON, JSON lines, HTML,
//!   Reuters SGML) into [`article::Article`]s, which split into [`article::Passage`]s;
//! - [`annotate`] finds entities, figures and agencies in them;
//! - [`index`] writes passages and annotations into tantivy, incrementally;
//! - [`search`] turns a [`search::Request`] (text query and [`search::Filters`]) into
//!   ranked [`search::Hit`]s, and counts facets; [`render`] prints them.
//!
//! The `newsdex` binary ([`cli`], [`commands`]) runs them from the command line. Training and
//! evaluation of the recognizer live apart, in [`train`] (the `newsdex-train` binary).
//! `examples/` holds two worked programs: `index_and_search` and `extract_entities`.

pub mod annotate;
pub mod article;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod date;
pub mod export;
pub mod index;
pub mod interrupt;
pub mod messages;
pub mod render;
pub mod search;
pub mod serve;
pub mod stats;
pub mod train;
