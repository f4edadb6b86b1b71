//! The people, organizations and places of an article: the recognizer's mentions over all
//! its passages (one document, so a name is read the same way throughout), cleaned by rules,
//! tied together into entities ("Vladimir Putin" and later "Putin"; "National Intelligence
//! Service (NIS)" and later "NIS"), each with a canonical name (its fullest form) and aliases.
//! Demonyms ("Russian forces") point to their place, kept apart from literal mentions.
//!
//! An article goes through the files in this order:
//! - `reading`: the recognizer tags the article's sentences, and compounds of places are read
//!   ([`Reading`]);
//! - `tagged`: each tagged chunk made a mention, its title or role split off (`titles`) and
//!   its ends found (`bounds`);
//! - `finish`: the article-wide rules, with those of `retype`, `drops` and `occurrences`;
//! - `link`: the mentions tied into entities.
//!
//! A corpus read together then weighs every article's names, and finishes again the
//! articles whose mentions that changes ([`Reading::in_corpus`]).
//!
//! `types` holds what they share: [`Kind`], [`Mention`], [`Entity`], [`ArticleEntities`] and
//! the raw mentions the rules work on.

mod bounds;
mod drops;
mod finish;
mod link;
mod occurrences;
mod reading;
mod retype;
mod tagged;
#[cfg(test)]
mod tests;
mod titles;
mod types;

pub(super) use bounds::{is_possessive, ARABIC_ARTICLES, LOCATIVES};
pub(super) use drops::{continues_name, LED_BY_A_PERSON};
pub use reading::{extract, Reading};
pub(super) use tagged::is_an_institutions_word;
pub(super) use titles::{HONORIFICS, PERSON_ONLY_TITLES};
pub use types::{ArticleEntities, Entity, Kind, Mention};
