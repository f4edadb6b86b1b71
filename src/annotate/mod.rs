//! Annotation: text → spans. Tokens and sentences ([`tokenize`]), gazetteers
//! ([`gazetteer`]), the statistical entity recognizer ([`ner`]), the entities of an
//! article with their aliases ([`entities`]), read in English articles only ([`language`]),
//! with names in title-case headings trimmed of common words ([`headings`]), a few kinds
//! of names the recognizer misreads set right in each sentence ([`sentence_rules`]), and
//! names whose own words say what they name ([`name_words`]), and offices named without
//! their holder's name ([`roles`]).

pub mod agencies;
mod annotations;
pub mod clusters;
pub mod corpus_names;
pub mod dates;
pub mod entities;
pub mod figures;
pub mod fingerprint;
pub mod gazetteer;
pub mod headings;
pub mod keys;
pub mod language;
pub mod name_words;
pub mod ner;
mod pipeline;
pub mod roles;
pub mod sentence_rules;
pub mod tokenize;
pub mod units;

pub use annotations::*;
pub use pipeline::*;
