//! The entity catalogue: which names the corpus gives which entities, kept inside the index.
//!
//! Every passage document carries, in the field `entity_link`, terms that tie each of its
//! article's entities to its names (see [`link_terms`]): from a name's key to the entity's
//! canonical name, from the canonical name's key to each name, and from a name's spelling
//! skeleton to the name. Because they are terms of the passages, the catalogue is written in
//! the same commits as the passages, follows incremental runs (a removed file's terms go with
//! its passages at the next merge) and is read through tantivy's term dictionary: a lookup is
//! a range scan of sorted terms, with no file of its own to load.
//!
//! [`Catalogue`] reads it: the canonical names a typed name may stand for, the names of an
//! entity, names by skeleton ("Zelenskiy", "Zelensky" and "Zelenskyy"; "al-Qaeda",
//! "al Qaida"), and completion by prefix.

use std::collections::BTreeSet;

use anyhow::Result;
use tantivy::schema::Field;
use tantivy::Searcher;

use crate::annotate::entities::Kind;
use crate::annotate::keys::key;

/// Separates a term's parts.
const SEP: char = '\u{1f}';
/// Term kinds: name key → canonical, canonical key → name, skeleton → name.
const TO_CANONICAL: char = 'n';
const TO_NAME: char = 'c';
const BY_SKELETON: char = 's';

fn kind_letter(kind: Kind) -> char {
    match kind {
        Kind::Person => 'p',
        Kind::Organization => 'o',
        Kind::Place => 'l',
    }
}

fn prefix(kind: Kind, what: char, k: &str) -> String {
    format!("{}{what}{SEP}{k}{SEP}", kind_letter(kind))
}

/// The spelling skeleton of a key: apostrophes and hyphens joined, vowels after a word's
/// first letter dropped, doubled letters written once ("al qaida", "al qa ida" and "al-Qaeda"
/// are all "l qd"; "Da'esh" and "Daesh" are "dsh").
pub fn skeleton(name: &str) -> String {
    let joined: String = name
        .chars()
        .filter(|c| *c != '\'' && *c != '\u{2019}')
        .collect();
    let k = key(&joined);
    let mut out = String::with_capacity(k.len());
    for word in k.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut last = None;
        for (i, c) in word.chars().enumerate() {
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
            if (i > 0 && vowel) || Some(c) == last {
                continue;
            }
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// The catalogue terms of one entity of an article: its canonical name and its other names.
pub fn link_terms(kind: Kind, canonical: &str, aliases: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let canonical_key = key(canonical);
    for name in std::iter::once(canonical).chain(aliases.iter().map(String::as_str)) {
        let k = key(name);
        if k.is_empty() {
            continue;
        }
        out.push(format!("{}{canonical}", prefix(kind, TO_CANONICAL, &k)));
        out.push(format!("{}{name}", prefix(kind, TO_NAME, &canonical_key)));
        out.push(format!(
            "{}{name}",
            prefix(kind, BY_SKELETON, &skeleton(name))
        ));
    }
    out.sort();
    out.dedup();
    out
}

/// The catalogue of an open index.
pub struct Catalogue<'a> {
    searcher: &'a Searcher,
    field: Field,
}

impl<'a> Catalogue<'a> {
    pub fn new(searcher: &'a Searcher, field: Field) -> Catalogue<'a> {
        Catalogue { searcher, field }
    }

    /// The last parts of the terms that start with `start`, in order, at most `limit`.
    fn tails(&self, start: &str, limit: usize) -> Result<BTreeSet<String>> {
        let mut end = start.to_string();
        end.push(char::MAX);
        let mut out = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(self.field)?;
            let mut stream = inverted.terms().range().ge(start).lt(&end).into_stream()?;
            while stream.advance() {
                if let Ok(term) = std::str::from_utf8(stream.key()) {
                    out.insert(term[start.len()..].to_string());
                }
                if out.len() >= limit {
                    return Ok(out);
                }
            }
        }
        Ok(out)
    }

    /// The canonical names of the entities of this kind that `name` names.
    pub fn canonicals(&self, kind: Kind, name: &str) -> Result<BTreeSet<String>> {
        self.tails(&prefix(kind, TO_CANONICAL, &key(name)), 1000)
    }

    /// Every name under which an entity of this canonical name appears.
    pub fn names(&self, kind: Kind, canonical: &str) -> Result<BTreeSet<String>> {
        self.tails(&prefix(kind, TO_NAME, &key(canonical)), 1000)
    }

    /// The names of this kind spelled like `name` (same [`skeleton`]).
    pub fn spelled_like(&self, kind: Kind, name: &str) -> Result<BTreeSet<String>> {
        self.tails(&prefix(kind, BY_SKELETON, &skeleton(name)), 100)
    }

    /// Canonical names of this kind whose key starts with `text`'s key, at most `limit`.
    pub fn complete(&self, kind: Kind, text: &str, limit: usize) -> Result<Vec<String>> {
        let start = format!("{}{TO_CANONICAL}{SEP}{}", kind_letter(kind), key(text));
        let mut names: Vec<String> = self
            .tails(&start, limit * 4)?
            .into_iter()
            .filter_map(|tail| tail.split(SEP).next_back().map(str::to_string))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        names.truncate(limit);
        Ok(names)
    }

    /// Known names of this kind that start like `name` (its key's first two letters), the
    /// closest first: suggestions for a name the index does not know.
    pub fn near(&self, kind: Kind, name: &str, limit: usize) -> Result<Vec<String>> {
        let k = key(name);
        let head: String = k.chars().take(2).collect();
        let start = format!("{}{TO_CANONICAL}{SEP}{head}", kind_letter(kind));
        let mut scored: Vec<(usize, String)> = self
            .tails(&start, 5000)?
            .into_iter()
            .filter_map(|tail| {
                let (alias_key, canonical) = tail.split_once(SEP)?;
                let alias_key = format!("{head}{alias_key}");
                Some((edit_distance(&k, &alias_key), canonical.to_string()))
            })
            .filter(|(d, _)| *d <= 1 + k.chars().count() / 3)
            .collect();
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, n) in scored {
            if !out.contains(&n) {
                out.push(n);
            }
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_a_skeleton() {
        assert_eq!(skeleton("al-Qaeda"), skeleton("al Qaida"));
        assert_eq!(skeleton("Al Qa'ida"), skeleton("al-Qaeda"));
        assert_eq!(skeleton("Daesh"), skeleton("Da'esh"));
        assert_eq!(skeleton("Zelensky"), skeleton("Zelenskyy"));
        assert_eq!(skeleton("Zelenskiy"), skeleton("Zelensky"));
        assert_ne!(skeleton("Iran"), skeleton("Iraq"));
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("daesh", "daesh"), 0);
        assert_eq!(edit_distance("kery", "kerry"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
    }
}
