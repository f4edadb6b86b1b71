//! Word clusters: words that occur after the same words fall in one class ("Monday" with
//! "Friday"), which lets the recognizer generalise from the words it
//! was trained on to words it has only seen in raw text.
//!
//! They are learned from unlabelled news text by `crate::train::clusters` into the committed
//! file `models/clusters.tsv`, compiled into the binary, its rows in the order of their words:
//! the tagger reads them all into a map, a search finds the few it asks about in place.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::ner::features::word_hash;
use super::ner::IdentityHasher;

const CLUSTERS: &str = include_str!("../../models/clusters.tsv");

/// The granularities learned.
pub const SIZES: [usize; 4] = [16, 64, 256, 1024];

/// What the raw text says of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// Its class at each granularity of [`SIZES`].
    pub classes: [u16; 4],
    /// How often the word is capitalised away from the start of a sentence: 0 never, 1
    /// rarely, 2 sometimes, 3 mostly, 4 always.
    pub capitalised: u8,
}

/// How often the raw text the clusters learned from capitalises a word away from a
/// sentence's start (0 never to 4 always), if it holds the word.
///
/// Read from the clusters when a tagger has loaded them; otherwise the word's row is found
/// in the committed file as it is ([`Rows`]): a search process that asks about a few names
/// need not read every row first.
pub fn capitalisation(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    let info = match LOADED.get() {
        Some(clusters) => {
            let h = word_hash(&lower);
            clusters.of(h, &lower, h)
        }
        None => Rows::committed().of(&lower),
    };
    info.map(|i| i.capitalised)
}

/// The clusters of the committed file, once read.
static LOADED: OnceLock<Clusters> = OnceLock::new();

/// Word → what the raw text says of it.
#[derive(Default)]
pub struct Clusters {
    /// Keyed by the xxh3 of the word (the tagger has it already).
    map: HashMap<u64, WordInfo, BuildHasherDefault<IdentityHasher>>,
}

impl Clusters {
    pub fn get() -> &'static Clusters {
        LOADED.get_or_init(|| Clusters::parse(CLUSTERS))
    }

    pub fn parse(text: &str) -> Clusters {
        // One line per word: sized once, and read byte by byte without allocating.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut map = HashMap::with_capacity_and_hasher(lines, Default::default());
        for (word, info) in text.lines().filter_map(row) {
            map.insert(word_hash(word), info);
        }
        Clusters { map }
    }

    /// The classes of a word: as written, else in lower case, else title case. The word is
    /// given by its hash ([`word_hash`]), and its lower case with that one's hash.
    pub fn of(&self, word: u64, lower: &str, lower_hash: u64) -> Option<WordInfo> {
        if let Some(c) = self.map.get(&word).or_else(|| self.map.get(&lower_hash)) {
            return Some(*c);
        }
        self.map.get(&word_hash(&title_case(lower))).copied()
    }
}

/// A word in lower case with its first letter in upper case.
fn title_case(lower: &str) -> String {
    let mut chars = lower.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One row of the clusters file: a word and its five numbers. `None` for a comment (a line
/// that starts with `#`) or a row that does not read.
fn row(line: &str) -> Option<(&str, WordInfo)> {
    if line.starts_with('#') {
        return None;
    }
    let (word, nums) = line.split_once('\t')?;
    let nums = numbers::<{ SIZES.len() + 1 }>(nums.as_bytes())?;
    let mut classes = [0u16; 4];
    classes.copy_from_slice(&nums[..SIZES.len()]);
    let capitalised = nums[SIZES.len()] as u8;
    Some((
        word,
        WordInfo {
            classes,
            capitalised,
        },
    ))
}

/// The rows of a clusters file as written, sorted by word (the builder writes them so, and a
/// test checks the committed file), searched in place by bisection.
struct Rows<'a> {
    /// The rows, after the comments that head the file.
    text: &'a str,
}

impl<'a> Rows<'a> {
    fn new(text: &'a str) -> Rows<'a> {
        let mut text = text;
        while text.starts_with('#') {
            text = text.split_once('\n').map_or("", |(_, rest)| rest);
        }
        Rows { text }
    }

    fn committed() -> Rows<'static> {
        Rows::new(CLUSTERS)
    }

    /// What the rows say of a word given in lower case: as [`Clusters::of`] reads it (the
    /// word, else its title case).
    fn of(&self, lower: &str) -> Option<WordInfo> {
        self.find(lower).or_else(|| self.find(&title_case(lower)))
    }

    /// The row of `word`, if the file holds one that reads.
    fn find(&self, word: &str) -> Option<WordInfo> {
        let bytes = self.text.as_bytes();
        // `lo` and `hi` are the starts of lines (or the end): the row, if any, is between.
        let (mut lo, mut hi) = (0, bytes.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = memchr::memrchr(b'\n', &bytes[lo..mid]).map_or(lo, |i| lo + i + 1);
            let end = memchr::memchr(b'\n', &bytes[start..hi]).map_or(hi, |i| start + i);
            let line = &self.text[start..end];
            let key = line.split_once('\t').map_or(line, |(w, _)| w);
            match key.cmp(word) {
                std::cmp::Ordering::Equal => return row(line).map(|(_, info)| info),
                std::cmp::Ordering::Less => lo = (end + 1).min(hi),
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        None
    }
}

/// Exactly `N` numbers separated by tabs, each one to five ASCII digits and at most 65535 (no
/// sign, unlike `str::parse`); `None` otherwise.
fn numbers<const N: usize>(cols: &[u8]) -> Option<[u16; N]> {
    let mut out = [0u16; N];
    let mut fields = cols.split(|&b| b == b'\t');
    for n in out.iter_mut() {
        let digits = fields.next()?;
        if digits.is_empty() || digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let value = digits
            .iter()
            .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
        *n = u16::try_from(value).ok()?;
    }
    fields.next().is_none().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reads_rows_of_a_word_and_five_numbers_and_skips_the_rest() {
        let c = Clusters::parse(
            "# comment\tline\nthe\t7\t40\t0\t700\t1\nshort\t1\t2\t3\t4\nlong\t1\t2\t3\t4\t5\t6\nbad\t1\tx\t3\t4\t5\nOslo\t3\t9\t27\t81\t4\n",
        );
        assert_eq!(c.map.len(), 2);
        let the = c.of(word_hash("the"), "the", word_hash("the")).unwrap();
        assert_eq!((the.classes, the.capitalised), ([7, 40, 0, 700], 1));
        let oslo = c.of(word_hash("OSLO"), "oslo", word_hash("oslo")).unwrap();
        assert_eq!((oslo.classes, oslo.capitalised), ([3, 9, 27, 81], 4));
        for missing in ["short", "long", "bad"] {
            assert!(c
                .of(word_hash(missing), missing, word_hash(missing))
                .is_none());
        }
    }

    #[test]
    fn the_committed_rows_are_sorted_by_word_for_bisection() {
        let rows = Rows::committed();
        let words: Vec<&str> = rows
            .text
            .lines()
            .map(|l| l.split_once('\t').map_or(l, |(w, _)| w))
            .collect();
        assert!(words.len() > 50_000, "{} rows", words.len());
        for pair in words.windows(2) {
            assert!(pair[0] < pair[1], "{:?} before {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn rows_found_in_place_answer_as_the_loaded_clusters_do() {
        let clusters = Clusters::parse(CLUSTERS);
        let rows = Rows::committed();
        let mut asked = 0;
        for line in CLUSTERS.lines() {
            let word = line.split_once('\t').map_or(line, |(w, _)| w);
            for form in [
                word.to_lowercase(),
                format!("{word}x"),
                format!("{}q", word.to_lowercase()),
            ] {
                let h = word_hash(&form);
                assert_eq!(rows.of(&form), clusters.of(h, &form, h), "{form:?}");
                asked += 1;
            }
        }
        assert!(asked > 150_000);
        for absent in ["", "zzzz", "#", "\u{10ffff}"] {
            assert_eq!(rows.of(absent), None, "{absent:?}");
        }
    }

    #[test]
    fn rows_skip_comments_and_rows_that_do_not_read() {
        let rows = Rows::new(
            "# comment\n# more\n#\t1\t2\t3\t4\t5\nOslo\t3\t9\t27\t81\t4\nbad\t1\tx\t3\t4\t5\nshort\t1\t2\nthe\t7\t40\t0\t700\t1",
        );
        assert_eq!(rows.of("the").map(|i| i.classes), Some([7, 40, 0, 700]));
        assert_eq!(rows.of("oslo").map(|i| i.capitalised), Some(4));
        for missing in ["#", "bad", "short", "a", "zebra"] {
            assert_eq!(rows.of(missing), None, "{missing:?}");
        }
    }
}
