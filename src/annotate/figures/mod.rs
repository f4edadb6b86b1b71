//! Figures: the numbers in the news with what they count ("approximately 12,000 soldiers",
//! "$1.13bn", "27,490 meters", "tens of thousands of people"), normalised to a value, an
//! optional upper bound, a unit (the counted noun lemmatised, or a unit such as `metre`,
//! `USD`, `percent`) and a qualifier ("about", "more than"). Years, dates, times, ordinals,
//! phone numbers, article numbers and model designations are not figures.
//!
//! [`reader`] reads a passage's tokens; [`numbers`] reads the numbers, [`measures`] the
//! units after them, [`context`] what the words around them say (ages, metres, labels,
//! signs), with the word lists of [`words`]; units and currencies themselves are in
//! [`crate::annotate::units`].

mod context;
mod figure;
mod measures;
mod numbers;
mod reader;
#[cfg(test)]
mod tests;
mod words;

use super::units;

pub use figure::{format_number, Figure};
pub use numbers::parse_value;
pub use reader::{find, find_in_tokens};
pub use words::{lemma, unit_synonyms};
