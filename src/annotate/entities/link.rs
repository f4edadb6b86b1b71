//! Mentions tied together into entities: each with its fullest name as canonical, shorter
//! forms and acronyms as aliases.

use std::collections::HashMap;

use super::retype::{goes_on_in_capitals, known_as_a_place};
use super::types::{ArticleEntities, Entity, Kind, Mention, Raw};
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::sentence_rules;
use crate::article::Passage;

/// The capital initials of a name: "National Intelligence Service" → "NIS".
pub(super) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

pub(super) fn is_acronym(s: &str) -> bool {
    s.len() >= 2
        && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
        && s.chars().any(char::is_alphabetic)
}

/// Ties raw mentions into entities.
pub(super) fn link(raws: Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) -> ArticleEntities {
    let mut out = ArticleEntities::default();
    // Longest names first: shorter forms then find the entity they abbreviate.
    let mut order: Vec<usize> = (0..raws.len()).collect();
    // Offices named alone last: their holders' entities are made first.
    order.sort_by_key(|&i| {
        (
            raws[i].office,
            std::cmp::Reverse(raws[i].text.split_whitespace().count()),
            raws[i].passage,
            raws[i].start,
        )
    });
    let mut by_form: HashMap<(Kind, String), usize> = HashMap::new();
    let mut assigned: Vec<usize> = vec![usize::MAX; raws.len()];

    // "Full Name (ACRONYM)": the acronym is an alias of the name before it.
    let mut acronym_of: HashMap<String, String> = HashMap::new();
    for r in &raws {
        let text = &passages[r.passage].text;
        let after = &text[r.end..];
        if let Some(rest) = after.strip_prefix(" (") {
            if let Some(close) = rest.find(')') {
                let acr = &rest[..close];
                if is_acronym(acr) && acr.len() <= 8 {
                    acronym_of.insert(acr.to_string(), r.text.clone());
                }
            }
        }
    }

    for &i in &order {
        let r = &raws[i];
        let canonical_place = if r.kind == Kind::Place {
            gaz.canonical_place(&r.text)
        } else {
            None
        };
        let form = canonical_place.clone().unwrap_or_else(|| r.text.clone());
        let key = (r.kind, form.to_lowercase());
        let holder = r.holder.as_ref().map(|h| (Kind::Person, h.to_lowercase()));
        // An office named alone is its holder's mention or its own, never a surname's.
        let found = holder
            .and_then(|h| by_form.get(&h))
            .or_else(|| by_form.get(&key))
            .copied()
            .or_else(|| (!r.office).then(|| find_longer(&out.entities, r, &acronym_of, gaz))?);
        let e = match found {
            Some(e) => e,
            None => {
                out.entities.push(Entity {
                    kind: r.kind,
                    name: form.clone(),
                    aliases: Vec::new(),
                    mentions: 0,
                });
                out.entities.len() - 1
            }
        };
        by_form.insert(key, e);
        let ent = &mut out.entities[e];
        if !r.demonym {
            ent.mentions += 1;
        }
        // An office is no name of its holder's: another article's Foreign Secretary may be
        // someone else.
        if !r.office
            && !r.text.eq_ignore_ascii_case(&ent.name)
            && !ent.aliases.iter().any(|a| a.eq_ignore_ascii_case(&r.text))
        {
            ent.aliases.push(r.text.clone());
        }
        assigned[i] = e;
    }
    // Entities known only through demonyms stay (they help search), but sort after.
    out.mentions = raws
        .into_iter()
        .zip(assigned)
        .map(|(r, entity)| Mention {
            passage: passages[r.passage].ordinal,
            start: r.start,
            end: r.end,
            text: r.text,
            entity,
            demonym: r.demonym,
        })
        .collect();
    out
}

/// The entity a shorter mention abbreviates: a person's surname or first name ("Putin",
/// "Kim"), an organization's acronym ("NIS"), first word ("Yonhap") or first words
/// ("Cathay Pacific").
fn find_longer(
    entities: &[Entity],
    r: &Raw,
    acronym_of: &HashMap<String, String>,
    gaz: &Gazetteer,
) -> Option<usize> {
    let words: Vec<&str> = r.text.split_whitespace().collect();
    let matches = |e: &Entity, f: &dyn Fn(&str) -> bool| {
        std::iter::once(&e.name).chain(&e.aliases).any(|n| f(n))
    };
    match r.kind {
        Kind::Person if words.len() == 1 => entities.iter().position(|e| {
            e.kind == Kind::Person
                && matches(e, &|n: &str| {
                    let mut parts: Vec<&str> = n.split_whitespace().collect();
                    // "Louis Gerstner Jr." ... "Gerstner said"
                    if parts.len() > 2
                        && sentence_rules::NAME_SUFFIXES.contains(&parts[parts.len() - 1])
                    {
                        parts.pop();
                    }
                    parts.len() > 1
                        && (parts.last() == Some(&words[0]) || parts.first() == Some(&words[0]))
                })
        }),
        Kind::Organization => {
            if let Some(full) = acronym_of.get(&r.text) {
                if let Some(e) = entities
                    .iter()
                    .position(|e| e.kind == Kind::Organization && &e.name == full)
                {
                    return Some(e);
                }
            }
            if is_acronym(&r.text) {
                let plain: String = r.text.chars().filter(|c| c.is_alphabetic()).collect();
                return entities.iter().position(|e| {
                    e.kind == Kind::Organization
                        && e.name.split_whitespace().count() > 1
                        && initials(&e.name) == plain
                });
            }
            // A name known only as a place's is no short form of an organisation named after
            // the place ("Cardiff" of "Cardiff University"), even where the recognizer took it
            // for one; a company's is ("Toyota" of "Toyota Motor Corp."), and so is a region's
            // or a town's that only the rules read (tag T: "Nikko" of "Nikko Securities Co").
            let k = gaz.kinds(&words[0].to_lowercase());
            let place_only = k & kind::PLACE != 0 && k & kind::ORGANIZATION == 0;
            if words.len() == 1 && !place_only {
                return entities.iter().position(|e| {
                    e.kind == Kind::Organization
                        && e.name.split_whitespace().count() > 1
                        && e.name.split_whitespace().next() == Some(words[0])
                });
            }
            // "Cathay Pacific" of "Cathay Pacific Airways"; not "New York" of "New York Times".
            // Of several, the one with the fewest words more ("General Motors Corp", not
            // "General Motors Acceptance Corp").
            if words.len() > 1 && !known_as_a_place(&r.text, gaz) {
                return entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.kind == Kind::Organization && goes_on_in_capitals(&e.name, &r.text)
                    })
                    .min_by_key(|(_, e)| e.name.split(' ').count())
                    .map(|(i, _)| i);
            }
            None
        }
        _ => None,
    }
}
