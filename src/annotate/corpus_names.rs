//! Consistency across a corpus: a name that the recognizer gave one type in most of the
//! articles that name it is that type, and a mention, in the rest.
//!
//! [`CorpusNames`] counts, for every name as written, the articles in which it was tagged as
//! each entity type (PER, ORG, LOC, MISC: the recognizer's [`TYPES`](super::ner::TYPES)).
//! A name has a corpus type when at least [`MIN_ARTICLES`] articles tagged it and nine in ten
//! of them agree. The second pass over an article
//! ([`Reading::in_corpus`](super::entities::Reading::in_corpus)) re-types its mentions by
//! that, and adds the occurrences the recognizer passed over. Indexing and `extract` run it
//! over the articles they read together ([`annotate_together`](super::annotate_together)).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::date::WEEKDAYS;

/// The fewest articles that must have tagged a name before the corpus speaks for it.
pub const MIN_ARTICLES: u32 = 3;

/// Name → articles that tagged it as each type.
#[derive(Debug, Default)]
pub struct CorpusNames {
    votes: HashMap<String, [u32; 4]>,
}

impl CorpusNames {
    /// Counts one article's names: each (name, type) pair once.
    pub fn add_article<'a>(&mut self, names: impl IntoIterator<Item = (&'a str, usize)>) {
        let mut seen: Vec<(&str, usize)> = names.into_iter().collect();
        seen.sort_unstable();
        seen.dedup();
        for (name, ty) in seen {
            self.votes.entry(name.to_string()).or_default()[ty] += 1;
        }
    }

    /// The type most articles gave the name, when enough of them agree.
    pub fn type_of(&self, name: &str) -> Option<usize> {
        let v = self.votes.get(name)?;
        let total: u32 = v.iter().sum();
        let (best, &n) = v.iter().enumerate().max_by_key(|&(i, n)| (*n, 4 - i))?;
        (n >= MIN_ARTICLES && n * 10 >= total * 9).then_some(best)
    }

    /// The names with a corpus type that may be looked for in text: capitalised, at least
    /// three bytes long, and not a month or a day ("May" and "Sunday" name people too).
    /// The matcher is case-sensitive.
    pub fn searchable(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = self
            .votes
            .keys()
            .filter(|name| name.len() >= 3 && name.starts_with(char::is_uppercase))
            .filter(|name| !is_a_date_word(name))
            .filter_map(|name| Some((name.clone(), self.type_of(name)?)))
            .collect();
        out.sort();
        out
    }
}

/// Whether a name is the name of a month or a day of the week.
fn is_a_date_word(name: &str) -> bool {
    let lower = name.to_lowercase();
    crate::date::is_month(&lower) || WEEKDAYS.contains(&lower.as_str())
}

/// A matcher of the searchable names of a corpus, longest first at each position.
pub struct NameMatcher {
    names: Vec<(String, usize)>,
    automaton: AhoCorasick,
}

impl NameMatcher {
    pub fn new(corpus: &CorpusNames) -> NameMatcher {
        let names = corpus.searchable();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, _)| n.as_str()))
            .expect("names build an automaton");
        NameMatcher { names, automaton }
    }

    /// The whole-word occurrences of known names in `text`: (start, end, type).
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        self.automaton
            .find_iter(text)
            .filter(|m| {
                !text[..m.start()].ends_with(|c: char| c.is_alphanumeric())
                    && !text[m.end()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .map(|m| (m.start(), m.end(), self.names[m.pattern().as_usize()].1))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_majority_decides() {
        let mut c = CorpusNames::default();
        c.add_article([("Daesh", 1), ("Daesh", 1)]);
        c.add_article([("Daesh", 1)]);
        c.add_article([("Daesh", 1)]);
        for _ in 0..3 {
            c.add_article([("Jordan", 0)]);
        }
        c.add_article([("Jordan", 2)]);
        assert_eq!(c.type_of("Daesh"), Some(1));
        assert_eq!(c.type_of("Jordan"), None, "no majority");
        let m = NameMatcher::new(&c);
        assert_eq!(m.find("Daesh fled; Daeshi is not it"), vec![(0, 5, 1)]);
    }
}
