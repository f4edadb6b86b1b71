//! Abbreviations that name no entity: those WordNet knows only as common nouns ("CEO",
//! "GDP", "SUV", "LED", "IPO"), which capital letters make look like organizations. Kept
//! out: any with a sense among WordNet's groups or places or that is an instance of
//! something (a proper name: "NATO", "IRA"), and any that CoNLL-2003's training file tags as
//! part of an entity.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

/// WordNet's lexicographer files of groups (organizations) and places.
const GROUP: u32 = 14;
pub(super) const LOCATION: u32 = 15;

/// Abbreviations of things, not entities, common in technology and business news, that
/// WordNet does not hold or that CoNLL-2003 tags inside names ("TV" of "TV Azteca"); a chunk
/// that is one of them alone names nothing.
const MORE_COMMON: &[&str] = &[
    "PC", "USB", "RGB", "UHD", "HDR", "HDMI", "HVAC", "IPO", "TV", "SSD", "CPU", "GPU", "RAM",
    "VPN", "SUV", "EV", "FAQ", "CCTV", "LCD", "OLED", "PDF", "SMS", "ATM",
];

/// The common-noun abbreviations, sorted.
pub fn common(wordnet: &Path, conll_train: &Path) -> Result<BTreeSet<String>> {
    let tagged = tagged_words(conll_train)?;
    let path = wordnet.join("data.noun");
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut common = BTreeSet::new();
    let mut proper = HashSet::new();
    for line in text.lines().filter(|l| !l.starts_with(' ')) {
        let Some((lexfile, words, classes)) = synset(line) else {
            continue;
        };
        let instance = !classes.is_empty();
        for w in words.into_iter().filter(|w| is_abbreviation(w)) {
            if instance || lexfile == GROUP || lexfile == LOCATION || tagged.contains(&w) {
                proper.insert(w);
            } else {
                common.insert(w);
            }
        }
    }
    common.retain(|w| !proper.contains(w));
    common.extend(MORE_COMMON.iter().map(|w| w.to_string()));
    Ok(common)
}

/// Two to six capital letters.
fn is_abbreviation(w: &str) -> bool {
    (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// A line of one of WordNet's data files: its lexicographer file, its words, and the
/// offsets of the classes it is an instance of (its `@i` pointers; none for a class).
pub(super) fn synset(line: &str) -> Option<(u32, Vec<String>, Vec<&str>)> {
    let fields: Vec<&str> = line.split(' ').collect();
    let lexfile = fields.get(1)?.parse().ok()?;
    let count = usize::from_str_radix(fields.get(3)?, 16).ok()?;
    let words = (0..count)
        .filter_map(|i| fields.get(4 + 2 * i))
        .map(|w| w.split('(').next().unwrap_or(w).to_string())
        .collect();
    let pointers: usize = fields.get(4 + 2 * count)?.parse().ok()?;
    let at = 5 + 2 * count;
    let classes = (0..pointers)
        .filter(|i| fields.get(at + 4 * i) == Some(&"@i"))
        .filter_map(|i| fields.get(at + 4 * i + 1).copied())
        .collect();
    Some((lexfile, words, classes))
}

/// The words CoNLL-2003's training file tags as part of an entity.
fn tagged_words(path: &Path) -> Result<HashSet<String>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split(' ').collect();
            (cols.len() >= 4 && cols[cols.len() - 1] != "O").then(|| cols[0].to_string())
        })
        .collect())
}
