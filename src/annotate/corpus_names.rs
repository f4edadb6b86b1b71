//! Consistency across a corpus: a name that the recognizer gave one type in most of the
//! articles that name it is that type, and a mention, in the rest.
//!
//! [`CorpusNames`] counts, for every name as written, the articles in which it was tagged as
//! each entity type (PER, ORG, LOC, MISC: the recognizer's [`TYPES`](super::ner::TYPES)),
//! and the articles that write it. A name has a corpus type when at least [`MIN_ARTICLES`]
//! articles tagged it and nine in ten of them agree; it is carried to where an article
//! writes it untagged when, besides, at least one in [`TAGGED_ONE_IN`] of the articles that
//! write it tagged it ("World", tagged as a place in 7 of the 173 BBC articles that write it,
//! is not). [`read_together`] is the second pass over articles read together: it re-types
//! their mentions by the corpus and adds the occurrences the recognizer passed over
//! ([`Reading::in_corpus`]). Indexing and `extract` run it over the articles they read
//! together ([`annotate_together`](super::annotate_together)).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use super::entities::{continues_name, ArticleEntities, Reading};
use crate::article::Passage;
use crate::date::{MONTH_NAMES, WEEKDAYS};

/// The fewest articles that must have tagged a name before the corpus speaks for it.
pub const MIN_ARTICLES: u32 = 3;

/// A name is carried to the articles that write it untagged only if at least one in this
/// many of the articles that write it tagged it; the person facets disown a one-word name
/// by the same measure over passages ([`crate::search::corpus_type`]). A recognizer that
/// misses a person in half of the passages that name him still keeps him ("Glazer", in 17
/// of the 36 BBC passages that write the word).
pub const TAGGED_ONE_IN: u32 = 5;

/// Name → articles that tagged it as each type, articles that tagged it at all, and articles
/// that write it.
#[derive(Debug, Default)]
pub struct CorpusNames {
    votes: HashMap<String, [u32; 4]>,
    tagged: HashMap<String, u32>,
    writers: HashMap<String, u32>,
}

impl CorpusNames {
    /// Counts one article's names: each (name, type) pair once.
    pub fn add_article<'a>(&mut self, names: impl IntoIterator<Item = (&'a str, usize)>) {
        let mut seen: Vec<(&str, usize)> = names.into_iter().collect();
        seen.sort_unstable();
        seen.dedup();
        let mut tagged: Vec<&str> = seen.iter().map(|(name, _)| *name).collect();
        tagged.dedup();
        count_once(&mut self.tagged, tagged);
        for (name, ty) in seen {
            match self.votes.get_mut(name) {
                Some(v) => v[ty] += 1,
                None => {
                    let mut v = [0; 4];
                    v[ty] = 1;
                    self.votes.insert(name.to_string(), v);
                }
            }
        }
    }

    /// Counts one article among the writers of each name it writes (tagged or not).
    pub fn add_writer<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        let mut seen: Vec<&str> = names.into_iter().collect();
        seen.sort_unstable();
        seen.dedup();
        count_once(&mut self.writers, seen);
    }

    /// The type most articles gave the name, when enough of them agree.
    pub fn type_of(&self, name: &str) -> Option<usize> {
        let v = self.votes.get(name)?;
        let total: u32 = v.iter().sum();
        let (best, &n) = v.iter().enumerate().max_by_key(|&(i, n)| (*n, 4 - i))?;
        (n >= MIN_ARTICLES && n * 10 >= total * 9).then_some(best)
    }

    /// The type of a name to add where an article writes it untagged: its [`type_of`], if
    /// enough of the articles that write it tagged it.
    ///
    /// [`type_of`]: CorpusNames::type_of
    pub fn carried(&self, name: &str) -> Option<usize> {
        let ty = self.type_of(name)?;
        let tagged = self.tagged.get(name).copied().unwrap_or(0);
        let written = self.writers.get(name).copied().unwrap_or(0);
        (tagged * TAGGED_ONE_IN >= written).then_some(ty)
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

/// Adds one to the count of each name (given once each).
fn count_once<'a>(counts: &mut HashMap<String, u32>, names: impl IntoIterator<Item = &'a str>) {
    for name in names {
        match counts.get_mut(name) {
            Some(n) => *n += 1,
            None => {
                counts.insert(name.to_string(), 1);
            }
        }
    }
}

/// Whether a name is the name of a month or a day of the week (not "Marc" or "Jan", which
/// [`is_month`](crate::date::is_month) reads as abbreviations).
fn is_a_date_word(name: &str) -> bool {
    let lower = name.to_lowercase();
    MONTH_NAMES.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str())
}

/// Where a known name is written in an article: passage index and byte offsets.
pub type Written = (usize, usize, usize);

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

    /// The occurrences of known names in `text` as whole words, and not as the start of a
    /// longer name ("World" in "World Cup"): (start, end, type).
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        self.automaton
            .find_iter(text)
            .filter(|m| {
                let after = &text[m.end()..];
                !text[..m.start()].ends_with(|c: char| c.is_alphanumeric())
                    && !after.starts_with(|c: char| c.is_alphanumeric())
                    && !continues_name(after)
            })
            .map(|m| (m.start(), m.end(), self.names[m.pattern().as_usize()].1))
            .collect()
    }

    /// [`find`](NameMatcher::find) over an article's passages.
    pub fn find_in(&self, passages: &[Passage]) -> Vec<Written> {
        passages
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| {
                self.find(&p.text)
                    .into_iter()
                    .map(move |(s, e, _)| (pi, s, e))
            })
            .collect()
    }
}

/// The second pass over articles read together, in parallel: their first readings are
/// counted into a [`CorpusNames`], then each article is finished in its light
/// ([`Reading::in_corpus`]). `passages[i]` are the passages `readings[i]` read.
pub fn read_together(readings: Vec<Reading>, passages: &[&[Passage]]) -> Vec<ArticleEntities> {
    let mut corpus = CorpusNames::default();
    for r in &readings {
        corpus.add_article(r.names());
    }
    let names = NameMatcher::new(&corpus);
    let written: Vec<Vec<Written>> = passages.par_iter().map(|p| names.find_in(p)).collect();
    for ((r, w), p) in readings.iter().zip(&written).zip(passages) {
        let found = w.iter().map(|&(pi, s, e)| &p[pi].text[s..e]);
        corpus.add_writer(found.chain(r.names().map(|(n, _)| n)));
    }
    readings
        .into_par_iter()
        .zip(written)
        .zip(passages)
        .map(|((r, w), p)| r.in_corpus(p, &corpus, &w))
        .collect()
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
        assert_eq!(m.find("Daesh Media and Daesh"), vec![(16, 21, 1)]);
        assert_eq!(c.carried("Daesh"), Some(1));
        for _ in 0..15 {
            c.add_writer(["Daesh"]);
        }
        assert_eq!(c.carried("Daesh"), Some(1), "tagged in 3 of 15 articles");
        c.add_writer(["Daesh"]);
        assert_eq!(c.carried("Daesh"), None, "tagged in 3 of 16 articles");
        assert_eq!(c.type_of("Daesh"), Some(1), "still re-types where tagged");
    }
}
