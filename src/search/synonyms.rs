//! Synonyms a query is expanded with ("purchase" for "buy", "soldier" for "troops"): the
//! committed table `models/synonyms.tsv`, built from WordNet by
//! [`crate::train::synonyms`], keyed and valued by indexed stems.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../models/synonyms.tsv");

/// The stems of the synonyms of the indexed stem `stem` (none for most words).
pub fn of(stem: &str) -> &'static [String] {
    static MAP: OnceLock<HashMap<&'static str, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, s)| (w, s.split(' ').map(str::to_string).collect()))
            .collect()
    })
    .get(stem)
    .map_or(&[], Vec::as_slice)
}
