//! Synonyms a query is expanded with ("purchase" for "buy", "soldier" for "troops"): the
//! committed table `models/synonyms.tsv`, built from WordNet by
//! [`crate::train::synonyms`], keyed and valued by indexed stems.
//!
//! A query looks up a few stems once, so the table is searched as the text it is (12 KB,
//! one line per stem) rather than loaded into a map: a search process is short, and building
//! the map was 3% of one (README, *Performance*, session 23).

const TABLE: &str = include_str!("../../models/synonyms.tsv");

/// The stems of the synonyms of the indexed stem `stem` (none for most words).
pub fn of(stem: &str) -> impl Iterator<Item = &'static str> {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(stem)?.strip_prefix('\t'))
        .into_iter()
        .flat_map(|synonyms| synonyms.split(' '))
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn a_stem_gives_its_synonyms_and_a_prefix_of_one_does_not() {
        assert_eq!(of("acknowledg").collect::<Vec<_>>(), ["admit"]);
        assert!(of("acknowled").next().is_none());
        assert!(of("").next().is_none());
    }
}
