//! Training and evaluation, apart from the runtime: readers of the labelled data (CoNLL-2003
//! in [`conll`], re3d in [`re3d`]) and their scoring, the article-extraction benchmark's
//! scoring ([`extraction`]), the recognizer's trainer
//! ([`trainer`]), and the builders of the committed data files the runtime reads (the
//! gazetteer, the word clusters, the synonyms). The `newsdex-train` binary runs them
//! ([`cli`], [`commands`]); they read `../shared/data`, and nothing in `newsdex` calls them.

pub mod cli;
pub mod clusters;
pub mod commands;
pub mod conll;
pub mod extraction;
pub mod gazetteer;
pub mod names;
pub mod pages;
pub mod re3d;
pub mod score;
pub mod styles;
pub mod synonyms;
pub mod trainer;
