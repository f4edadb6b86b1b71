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
        let mut map = HashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 2 + SIZES.len() {
                continue;
            }
            let nums: Vec<u16> = cols[1..].iter().filter_map(|c| c.parse().ok()).collect();
            if nums.len() == 1 + SIZES.len() {
                let mut classes = [0u16; 4];
                classes.copy_from_slice(&nums[..SIZES.len()]);
                map.insert(
                    word_hash(cols[0]),
                    WordInfo {
                        classes,
                        capitalised: nums[SIZES.len()] as u8,
                    },
                );
            }
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
