//! Word clusters: words that occur after the same words fall in one class ("Monday" with
//! "Friday"), which lets the recognizer generalise from the words it
//! was trained on to words it has only seen in raw text.
//!
//! They are learned from unlabelled news text by `crate::train::clusters` into the committed
//! file `models/clusters.tsv`, compiled into the binary.

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
pub fn capitalisation(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    let h = word_hash(&lower);
    Clusters::get()
        .of(h, &lower, h)
        .map(|info| info.capitalised)
}

/// Word → what the raw text says of it.
#[derive(Default)]
pub struct Clusters {
    /// Keyed by the xxh3 of the word (the tagger has it already).
    map: HashMap<u64, WordInfo, BuildHasherDefault<IdentityHasher>>,
}

impl Clusters {
    pub fn get() -> &'static Clusters {
        static C: OnceLock<Clusters> = OnceLock::new();
        C.get_or_init(|| Clusters::parse(CLUSTERS))
    }

    pub fn parse(text: &str) -> Clusters {
        // One line per word: sized once, and read byte by byte without allocating (a search
        // process that counts facets reads the whole file to answer `capitalisation`).
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut map = HashMap::with_capacity_and_hasher(lines, Default::default());
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, nums)) = line.split_once('\t') else {
                continue;
            };
            let Some(nums) = numbers::<{ SIZES.len() + 1 }>(nums.as_bytes()) else {
                continue;
            };
            let mut classes = [0u16; 4];
            classes.copy_from_slice(&nums[..SIZES.len()]);
            map.insert(
                word_hash(word),
                WordInfo {
                    classes,
                    capitalised: nums[SIZES.len()] as u8,
                },
            );
        }
        Clusters { map }
    }

    /// The classes of a word: as written, else in lower case, else title case. The word is
    /// given by its hash ([`word_hash`]), and its lower case with that one's hash.
    pub fn of(&self, word: u64, lower: &str, lower_hash: u64) -> Option<WordInfo> {
        if let Some(c) = self.map.get(&word).or_else(|| self.map.get(&lower_hash)) {
            return Some(*c);
        }
        let mut chars = lower.chars();
        let title: String = chars
            .next()
            .map(|f| f.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        self.map.get(&word_hash(&title)).copied()
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
}
