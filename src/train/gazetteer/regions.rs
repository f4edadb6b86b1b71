//! Regions, provinces, islands and other places that are neither countries nor cities:
//! WordNet's proper names of places ("Scotland", "Bavaria", "Siberia", "West Bank",
//! "Kashmir", "Golan Heights"), which the GeoNames lists the gazetteer is built from leave
//! out. They are listed as towns (tag `T`): read by the rules after the recognizer, not by
//! its features, so the model is unchanged.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::abbreviations::{synset, LOCATION};

/// Classes of WordNet's "locations" that are no places on the ground: the zodiac's signs
/// ("Taurus", "Libra"), the layers of a soil, the globe's lines and zones.
const NOT_PLACES: &[&str] = &[
    "sign_of_the_zodiac",
    "soil_horizon",
    "tropic",
    "polar_circle",
    "meridian",
    "prime_meridian",
    "Temperate_Zone",
];

/// The names of WordNet's instances of places (its lexicographer file of locations), with
/// spaces for its underscores, in the file's order, save those of [`NOT_PLACES`]; only
/// names in Latin letters with a capital ("Calif." and "B-horizon" are not) that are no
/// common word in lower case as well ("South", "Archer", "Java": a name like that is no
/// place on its own).
pub fn names(wordnet: &Path) -> Result<Vec<String>> {
    let common = common_words(wordnet)?;
    let text = read(wordnet, "noun")?;
    let synsets: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    let not_places: HashSet<&str> = synsets
        .iter()
        .filter(|l| NOT_PLACES.contains(&l.split(' ').nth(4).unwrap_or("")))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let mut out = Vec::new();
    for line in synsets {
        let Some((lexfile, words, classes)) = synset(line) else {
            continue;
        };
        if lexfile != LOCATION
            || classes.is_empty()
            || classes.iter().any(|c| not_places.contains(c))
        {
            continue;
        }
        out.extend(
            words
                .into_iter()
                .filter(|w| !common.contains(&w.to_lowercase()))
                .map(|w| w.replace('_', " "))
                .filter(|w| proper(w)),
        );
    }
    Ok(out)
}

/// WordNet's words written in lower case, of every part of speech.
fn common_words(wordnet: &Path) -> Result<HashSet<String>> {
    let mut out = HashSet::new();
    for pos in ["noun", "verb", "adj", "adv"] {
        for line in read(wordnet, pos)?.lines().filter(|l| !l.starts_with(' ')) {
            if let Some((_, words, _)) = synset(line) {
                out.extend(
                    words
                        .into_iter()
                        .filter(|w| !w.chars().any(char::is_uppercase)),
                );
            }
        }
    }
    Ok(out)
}

/// One of WordNet's data files (`data.noun`, ...).
fn read(wordnet: &Path, pos: &str) -> Result<String> {
    let path = wordnet.join(format!("data.{pos}"));
    fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

/// Every word capitalised (each part of one with hyphens), letters only (and apostrophes),
/// save the joining words of place names ("Isle of Man", "Trinidad and Tobago").
fn proper(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.split(' ').all(|w| {
            ["of", "and", "the"].contains(&w)
                || (w
                    .split('-')
                    .all(|p| p.starts_with(|c: char| c.is_ascii_uppercase()))
                    && w.chars()
                        .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'')
                    && w.chars().any(|c| c.is_ascii_lowercase()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proper_names_of_places_only() {
        for name in [
            "Scotland",
            "West Bank",
            "Isle of Man",
            "Hell's Kitchen",
            "Schleswig-Holstein",
        ] {
            assert!(proper(name), "{name}");
        }
        for name in ["Calif.", "B-horizon", "USA", "the Hague", "Ut."] {
            assert!(!proper(name), "{name}");
        }
    }
}
