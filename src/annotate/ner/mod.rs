//! The statistical entity recognizer: averaged perceptrons that tag tokens greedily with
//! BILOU tags for PER, ORG, LOC and MISC, reading the features of [`features`], in two
//! stages. The first runs twice, left to right and right to left; the second reads both
//! taggings for the whole document (what the same word was called elsewhere), so that one
//! article names one entity consistently. Trained by [`crate::train::trainer`] on CoNLL-2003 (see [`crate::train::conll`]),
//! the second stage on first-stage tags made by models that did not see the document (five
//! folds); the trained model is the committed file `models/ner.bin`, compiled into the
//! binary and held as 16-bit weights ([`Frozen`]).

pub mod features;
mod labels;
mod model;
mod tagging;

pub use labels::*;
pub use model::*;
pub(crate) use tagging::*;
