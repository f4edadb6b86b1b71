//! A name found once, found again: acronyms the article defines and names it repeats, wherever
//! the article writes them.

use std::collections::HashMap;

use super::link::is_acronym;
use super::reading::taken;
use super::types::{Kind, Raw};
use crate::article::Passage;

/// An acronym an article defines ("National Intelligence Service (NIS)") names the
/// organization wherever it stands, whether or not the recognizer caught it there.
pub(super) fn add_acronyms(raws: &mut Vec<Raw>, passages: &[Passage]) {
    let mut defined: Vec<String> = Vec::new();
    for r in raws.iter().filter(|r| r.kind == Kind::Organization) {
        let after = &passages[r.passage].text[r.end..];
        if let Some(rest) = after.strip_prefix(" (") {
            if let Some(close) = rest.find(')') {
                let acr = &rest[..close];
                if is_acronym(acr) && acr.len() <= 8 && !defined.iter().any(|d| d == acr) {
                    defined.push(acr.to_string());
                }
            }
        }
    }
    for acr in defined {
        add_occurrences(raws, passages, &acr, Kind::Organization);
    }
}

/// Every whole-word occurrence of `name` that no mention covers yet becomes a mention of
/// `kind` (`raws` may be in any order).
fn add_occurrences(raws: &mut Vec<Raw>, passages: &[Passage], name: &str, kind: Kind) {
    // One searcher for all the passages (`str::match_indices` builds one per passage).
    let finder = memchr::memmem::Finder::new(name);
    for (pi, p) in passages.iter().enumerate() {
        for start in finder.find_iter(p.text.as_bytes()) {
            let end = start + name.len();
            let bounded = !p.text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !p.text[end..].starts_with(|c: char| c.is_alphanumeric());
            if bounded && !taken(raws, pi, start, end) {
                raws.push(Raw::new(pi, &p.text, start, end, kind, false));
            }
        }
    }
}

/// One article names one thing one way: a name the recognizer tagged in one place is a
/// mention wherever else the article writes it, with the type it was given most often. Only
/// names of two words or more, or of one word that is not a common word at a sentence's
/// start, are carried (a word seen in lower case elsewhere in the article is not a name).
pub(super) fn add_repeated_names(raws: &mut Vec<Raw>, passages: &[Passage]) {
    let mut votes: HashMap<&str, [usize; 3]> = HashMap::new();
    for r in raws.iter().filter(|r| !r.demonym) {
        let i = match r.kind {
            Kind::Person => 0,
            Kind::Organization => 1,
            Kind::Place => 2,
        };
        votes.entry(r.text.as_str()).or_default()[i] += 1;
    }
    let mut names: Vec<(String, Kind)> = votes
        .into_iter()
        .filter(|(name, _)| name.len() >= 3 && name.starts_with(char::is_uppercase))
        .map(|(name, v)| {
            let best = (0..3).max_by_key(|&i| (v[i], 2 - i)).unwrap_or(0);
            let kind = [Kind::Person, Kind::Organization, Kind::Place][best];
            (name.to_string(), kind)
        })
        .collect();
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut lower_words = None;
    for (name, kind) in names {
        if !name.contains(' ')
            && lower_words
                .get_or_insert_with(|| lower_case_words(passages))
                .contains(name.to_lowercase().as_str())
        {
            continue;
        }
        add_occurrences(raws, passages, &name, kind);
    }
}

/// The words an article writes in lower case: a one-word name is not carried to where the
/// article writes it capitalised if it also writes it as a common word ("May", "Will").
pub(super) fn lower_case_words(passages: &[Passage]) -> rustc_hash::FxHashSet<&str> {
    passages
        .iter()
        .flat_map(|p| p.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect()
}
