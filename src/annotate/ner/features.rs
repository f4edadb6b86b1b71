//! Features of a token for the tagger: the word and its neighbours, affixes, shape,
//! capitalisation in context, gazetteer membership, cue words (organisation suffixes, titles),
//! the previous tags, and what the document said of the same word before.
//!
//! Every feature is a 64-bit hash of a template id and its values. The values are
//! themselves 64-bit: each token's strings (word, lower case, shape, affixes) are hashed once,
//! when its [`Sentence`] is made, so that the three passes of the tagger combine integers and
//! never touch a string.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

use super::{label_type, part, Part};
use crate::annotate::gazetteer::{kind, Gazetteer};

/// Words that end organisation names.
pub const ORG_WORDS: &[&str] = &[
    "agency",
    "service",
    "services",
    "ministry",
    "council",
    "corp",
    "corporation",
    "inc",
    "party",
    "army",
    "university",
    "bank",
    "group",
    "committee",
    "commission",
    "union",
    "association",
    "league",
    "club",
    "company",
    "co",
    "ltd",
    "plc",
    "fc",
    "institute",
    "department",
    "office",
    "organization",
    "organisation",
    "force",
    "forces",
    "command",
    "court",
    "parliament",
    "assembly",
    "board",
    "authority",
    "federation",
    "foundation",
    "airlines",
    "airways",
    "motors",
    "holdings",
    "industries",
    "international",
    "systems",
    "technologies",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "network",
    "centre",
    "center",
    "school",
    "college",
    "hospital",
    "police",
    "navy",
    "guard",
    "brigade",
    "battalion",
    "regiment",
    "division",
    "coalition",
    "front",
    "movement",
    "fund",
    "exchange",
    "reserve",
];

/// Words that come before a person's name.
pub const TITLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "general",
    "prime",
    "secretary",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "lt",
    "col",
    "colonel",
    "capt",
    "captain",
    "maj",
    "major",
    "adm",
    "admiral",
    "sgt",
    "sergeant",
    "spokesman",
    "spokeswoman",
    "chairman",
    "leader",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "ambassador",
    "envoy",
    "commander",
    "chief",
    "director",
    "sir",
    "lord",
    "lady",
    "mayor",
    "premier",
    "deputy",
    "vice",
    "foreign",
    "defence",
    "defense",
    "analyst",
    "economist",
    "dealer",
    "trader",
];

/// Hash of a string: the unit every feature is built from.
#[inline]
pub fn word_hash(s: &str) -> u64 {
    xxh3_64(s.as_bytes())
}

/// Maps and sets keyed by word hashes, used as they are (no second hashing).
pub type HashMap64<V> = super::FeatureMap<V>;
pub type HashSet64 = HashSet<u64, BuildHasherDefault<super::IdentityHasher>>;
/// Lower-cased hashes of a word list, for membership tests.
type HashedWords = HashSet64;

fn hash_set(words: &[&str]) -> HashedWords {
    words.iter().map(|w| word_hash(w)).collect()
}

fn org_words() -> &'static HashedWords {
    static S: OnceLock<HashedWords> = OnceLock::new();
    S.get_or_init(|| hash_set(ORG_WORDS))
}

fn title_words() -> &'static HashedWords {
    static S: OnceLock<HashedWords> = OnceLock::new();
    S.get_or_init(|| hash_set(TITLE_WORDS))
}

/// Values standing for "before the sentence", "after the sentence" and "not known".
const BOS: u64 = 0x0b05_0b05_0b05_0b05;
const EOS: u64 = 0x0e05_0e05_0e05_0e05;
const UNKNOWN: u64 = 0x0f0f_0f0f_0f0f_0f0f;

/// Gazetteer marks, in the order of [`TokenInfo::gaz`] (0 is none).
pub const GAZ_MARKS: [&str; 8] = ["", "B-P", "I-P", "B-C", "I-C", "D", "F", "L"];

/// A token's precomputed properties, as hashes and small numbers.
#[derive(Clone, Copy)]
pub struct TokenInfo {
    /// The word as written.
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    /// Prefixes and suffixes of the lower-cased word, 1 to 4 characters (`affixes` of each).
    pub prefixes: [u64; 4],
    pub suffixes: [u64; 4],
    pub affixes: u8,
    /// First and last part of a hyphenated word.
    pub hyphen: Option<(u64, u64)>,
    /// Word classes at each granularity of the clusters, or `UNKNOWN`.
    pub classes: [u64; 4],
    /// How often raw text capitalises the word (see the clusters), or `UNKNOWN`.
    pub capitalised: u64,
    /// Gazetteer mark: an index into [`GAZ_MARKS`].
    pub gaz: u8,
    /// Organisation gazetteer mark: 0 none, 1 first word, 2 inside or last word, 3 a
    /// one-word name.
    pub org: u8,
    pub title_case: bool,
    /// Starts with a lower-case letter.
    pub lower_first: bool,
    /// Has a lower-case letter somewhere.
    pub has_lower: bool,
    /// Has a capital letter somewhere.
    pub has_upper: bool,
    /// Only capitals and full stops ("NATO", "U.S.").
    pub upper_dots: bool,
    /// At least two bytes long.
    pub long: bool,
    pub org_word: bool,
    pub title_word: bool,
    /// Has no letter: punctuation, symbols and numbers.
    pub no_letter: bool,
}

/// A sentence ready for feature extraction.
#[derive(Clone)]
pub struct Sentence {
    pub tokens: Vec<TokenInfo>,
    /// Most alphabetic tokens are capitals: a headline ("JAPAN GET LUCKY WIN").
    pub all_caps: bool,
}

/// What the tagger learned of a document so far. Words are keyed by their lower-case hash.
#[derive(Default)]
pub struct DocContext {
    /// Words seen starting with a lower-case letter (so a capitalised one may be common).
    pub lower_seen: HashSet64,
    /// Entity types already given to a word in this document: counts for PER, ORG, LOC, MISC.
    pub history: HashMap64<[u16; 4]>,
    /// Capitalised word → the words around its occurrences in the document (before, after),
    /// at most [`MAX_CONTEXTS`] of them.
    pub contexts: HashMap64<Vec<(u64, u64)>>,
    /// Capitalised words seen capitalised away from a sentence's start.
    pub capitalised_inside: HashSet64,
    /// The first stage's tags for the whole document, when this is the second stage.
    pub first_pass: Option<FirstPass>,
    /// The sentence being tagged.
    pub sentence: usize,
}

/// The first stage's view of a whole document, read by the second stage: its tags, and for
/// each word the entity types it was given anywhere in the document.
pub struct FirstPass {
    pub labels: Vec<Vec<usize>>,
    /// The right-to-left first stage's tags.
    pub labels_r2l: Vec<Vec<usize>>,
    /// Word → how often it was tagged PER, ORG, LOC, MISC.
    pub types: HashMap64<[u16; 4]>,
    /// Capitalised word → how often it occurs.
    pub count: HashMap64<u16>,
    /// Word → type and place (1 first, 2 inside, 3 last) in a multi-word entity.
    pub in_multi: HashMap64<(usize, u64)>,
}

impl FirstPass {
    pub fn new(
        sentences: &[Sentence],
        labels: Vec<Vec<usize>>,
        labels_r2l: Vec<Vec<usize>>,
    ) -> FirstPass {
        let mut types: HashMap64<[u16; 4]> = HashMap64::default();
        let mut count: HashMap64<u16> = HashMap64::default();
        let mut in_multi = HashMap64::default();
        for (s, tags) in sentences.iter().zip(&labels) {
            for (t, &l) in s.tokens.iter().zip(tags) {
                if t.title_case {
                    *count.entry(t.lower).or_default() += 1;
                }
                if let Some(ty) = label_type(l) {
                    types.entry(t.lower).or_default()[ty] += 1;
                    let place = match part(l) {
                        Part::Begin => Some(1),
                        Part::Inside => Some(2),
                        Part::Last => Some(3),
                        _ => None,
                    };
                    if let Some(p) = place {
                        in_multi.entry(t.lower).or_insert((ty, p));
                    }
                }
            }
        }
        FirstPass {
            labels,
            labels_r2l,
            types,
            count,
            in_multi,
        }
    }
}

/// The most occurrences of a word whose contexts are kept.
pub const MAX_CONTEXTS: usize = 6;

impl DocContext {
    /// Prepares the context from all the document's sentences.
    pub fn new(sentences: &[Sentence]) -> DocContext {
        let mut ctx = DocContext::default();
        for s in sentences {
            let words = &s.tokens;
            for (i, t) in words.iter().enumerate() {
                if t.lower_first {
                    ctx.lower_seen.insert(t.word);
                } else if t.title_case {
                    if i > 0 && t.has_lower {
                        ctx.capitalised_inside.insert(t.lower);
                    }
                    let around = ctx.contexts.entry(t.lower).or_default();
                    if around.len() < MAX_CONTEXTS {
                        let before = if i > 0 { words[i - 1].lower } else { BOS };
                        let after = words.get(i + 1).map_or(EOS, |t| t.lower);
                        around.push((before, after));
                    }
                }
            }
        }
        ctx
    }

    /// Records the entity type (0..4) the tagger gave a word.
    pub fn record(&mut self, lower: u64, entity_type: usize) {
        self.history.entry(lower).or_default()[entity_type] += 1;
    }
}

/// Word shape, with runs collapsed: "Putin" → "Xx", "12,000" → "d,d", "U.S." → "X.X.".
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
    }
    out
}

impl TokenInfo {
    fn new(w: &str, lower: &str) -> TokenInfo {
        let (word, lower_hash) = (word_hash(w), word_hash(lower));
        let clusters = crate::annotate::clusters::Clusters::get().of(word, lower, lower_hash);
        let mut prefixes = [0; 4];
        let mut suffixes = [0; 4];
        // The byte offsets of the first five and the last four characters.
        let mut starts = lower.char_indices().map(|c| c.0);
        let first5: [Option<usize>; 5] = std::array::from_fn(|_| starts.next());
        let mut ends = lower.char_indices().rev().map(|c| c.0);
        let last4: [Option<usize>; 4] = std::array::from_fn(|_| ends.next());
        let affixes = last4.iter().flatten().count();
        for n in 1..=affixes {
            prefixes[n - 1] = word_hash(&lower[..first5[n].unwrap_or(lower.len())]);
            suffixes[n - 1] = word_hash(&lower[last4[n - 1].unwrap_or(0)..]);
        }
        let hyphen = w.contains('-').then(|| {
            let mut parts = lower.split('-');
            let first = parts.next().unwrap_or("");
            let last = parts.next_back().unwrap_or(first);
            (word_hash(first), word_hash(last))
        });
        let first = w.chars().next();
        let lower_h = word_hash(lower.trim_end_matches('.'));
        TokenInfo {
            word,
            lower: lower_hash,
            shape: word_hash(&shape(w)),
            prefixes,
            suffixes,
            affixes: affixes as u8,
            hyphen,
            classes: clusters.map_or([UNKNOWN; 4], |c| c.classes.map(u64::from)),
            capitalised: clusters.map_or(UNKNOWN, |c| c.capitalised as u64),
            gaz: 0,
            org: 0,
            title_case: first.is_some_and(char::is_uppercase),
            lower_first: first.is_some_and(char::is_lowercase),
            has_lower: w.chars().any(char::is_lowercase),
            has_upper: w.chars().any(char::is_uppercase),
            upper_dots: w.chars().all(|c| c.is_uppercase() || c == '.'),
            long: lower.len() > 1,
            org_word: org_words().contains(&lower_h),
            title_word: title_words().contains(&lower_h),
            no_letter: !w.chars().any(char::is_alphabetic),
        }
    }
}

impl Sentence {
    pub fn new(words: &[&str], gaz: &Gazetteer) -> Sentence {
        let alpha: Vec<&&str> = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let caps = alpha
            .iter()
            .filter(|w| !w.chars().any(char::is_lowercase))
            .count();
        let all_caps = alpha.len() >= 3 && caps * 5 >= alpha.len() * 4;
        let lowers: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut tokens: Vec<TokenInfo> = words
            .iter()
            .zip(&lowers)
            .map(|(w, l)| TokenInfo::new(w, l))
            .collect();
        gazetteer_tags(&mut tokens, &lowers, gaz, all_caps);
        organization_tags(&mut tokens, &lowers, gaz);
        Sentence { tokens, all_caps }
    }

    /// The sentence read backwards, for the right-to-left tagger.
    pub fn reversed(&self) -> Sentence {
        Sentence {
            tokens: self.tokens.iter().rev().copied().collect(),
            all_caps: self.all_caps,
        }
    }
}

/// Marks the longest gazetteer phrases: places ("B-P"/"I-P"), countries ("B-C"/"I-C"),
/// demonyms ("D"), first ("F") and last ("L") names. Only capitalised phrases count.
fn gazetteer_tags(tokens: &mut [TokenInfo], lowers: &[String], gaz: &Gazetteer, all_caps: bool) {
    let accept = |k: u8, n: usize| k & (kind::PLACE | kind::DEMONYM) != 0 || (n == 1 && k != 0);
    for (i, matched, best_kind) in longest_phrases(tokens, lowers, gaz, accept) {
        let (b, inside) = if best_kind & kind::COUNTRY != 0 {
            (3, 4)
        } else if best_kind & kind::PLACE != 0 {
            (1, 2)
        } else if best_kind & kind::DEMONYM != 0 {
            (5, 5)
        } else if best_kind & kind::FIRST_NAME != 0 && !all_caps {
            (6, 6)
        } else if best_kind & kind::LAST_NAME != 0 && !all_caps {
            (7, 7)
        } else {
            (0, 0)
        };
        for (j, t) in tokens[i..i + matched].iter_mut().enumerate() {
            t.gaz = if j == 0 { b } else { inside };
        }
    }
}

/// Marks the longest organisation names of the gazetteer that start with a capitalised word.
fn organization_tags(tokens: &mut [TokenInfo], lowers: &[String], gaz: &Gazetteer) {
    let accept = |k: u8, _: usize| k & kind::ORGANIZATION != 0;
    for (i, matched, _) in longest_phrases(tokens, lowers, gaz, accept) {
        for (j, t) in tokens[i..i + matched].iter_mut().enumerate() {
            t.org = match (matched, j) {
                (1, _) => 3,
                (_, 0) => 1,
                _ => 2,
            };
        }
    }
}

/// The gazetteer phrases of a sentence, left to right, that start with a capitalised word:
/// at each such word the longest phrase whose kinds `accept` takes (given its length in
/// words), as (first token, words, kinds); the walk goes on after it.
fn longest_phrases(
    tokens: &[TokenInfo],
    lowers: &[String],
    gaz: &Gazetteer,
    accept: impl Fn(u8, usize) -> bool,
) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut phrase = String::new();
    while i < tokens.len() {
        if !tokens[i].title_case {
            i += 1;
            continue;
        }
        let (mut matched, mut best) = (0, 0u8);
        phrase.clear();
        for n in 1..=gaz.max_words.min(tokens.len() - i) {
            if n > 1 {
                phrase.push(' ');
            }
            phrase.push_str(&lowers[i + n - 1]);
            let k = gaz.kinds_as_written(&phrase);
            if accept(k, n) {
                matched = n;
                best = k;
            }
            if !gaz.continues_as_written(&phrase) {
                break;
            }
        }
        if matched == 0 {
            i += 1;
        } else {
            out.push((i, matched, best));
            i += matched;
        }
    }
    out
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// Combines a template id and its values into a feature.
#[inline]
fn feature(template: u8, parts: &[u64]) -> u64 {
    let mut x = (template as u64 + 1).wrapping_mul(K);
    for &p in parts {
        x = (x.rotate_left(26) ^ p).wrapping_mul(K);
    }
    // murmur3's finaliser: every bit of the key depends on every input bit.
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The features of token `i` that do not depend on tags.
pub fn static_features(s: &Sentence, i: usize, doc: &DocContext, out: &mut Vec<u64>) {
    let t = &s.tokens[i];
    let lw = t.lower;
    let n = s.tokens.len() as isize;
    let tok =
        |j: isize| -> Option<&TokenInfo> { (0..n).contains(&j).then(|| &s.tokens[j as usize]) };
    let outside = |j: isize| if j < 0 { BOS } else { EOS };
    let word_at = |j: isize| tok(j).map_or(outside(j), |t| t.lower);
    let shape_at = |j: isize| tok(j).map_or(outside(j), |t| t.shape);
    let gaz_at = |j: isize| tok(j).map_or(outside(j), |t| t.gaz as u64);
    let org_at = |j: isize| tok(j).map_or(outside(j), |t| t.org as u64);
    let cluster_at = |j: isize, g: usize| tok(j).map_or(outside(j), |t| t.classes[g]);
    let i = i as isize;
    let caps = s.all_caps as u64;
    let first = (i == 0) as u64;
    let gaz = t.gaz as u64;
    out.push(feature(0, &[]));
    if s.all_caps {
        out.push(feature(1, &[1, lw]));
    } else {
        out.push(feature(1, &[t.word]));
    }
    out.push(feature(2, &[lw]));
    for a in 0..t.affixes as usize {
        out.push(feature(3, &[t.prefixes[a]]));
        out.push(feature(4, &[t.suffixes[a]]));
    }
    out.push(feature(5, &[caps, t.shape]));
    out.push(feature(6, &[word_at(i - 1)]));
    out.push(feature(7, &[word_at(i + 1)]));
    out.push(feature(8, &[word_at(i - 2)]));
    out.push(feature(9, &[word_at(i + 2)]));
    out.push(feature(10, &[caps, shape_at(i - 1), t.shape]));
    out.push(feature(11, &[caps, t.shape, shape_at(i + 1)]));
    out.push(feature(12, &[word_at(i - 1), lw]));
    out.push(feature(13, &[lw, word_at(i + 1)]));
    out.push(feature(14, &[caps, first, t.shape]));
    out.push(feature(15, &[gaz]));
    out.push(feature(16, &[gaz_at(i - 1), gaz, gaz_at(i + 1)]));
    out.push(feature(17, &[gaz, t.shape]));
    if t.org != 0 {
        let org = t.org as u64;
        out.push(feature(60, &[org]));
        out.push(feature(61, &[org_at(i - 1), org, org_at(i + 1)]));
        out.push(feature(62, &[org, caps, t.shape]));
        out.push(feature(63, &[org, gaz]));
    }
    if t.title_case && i > 0 && doc.lower_seen.contains(&lw) {
        out.push(feature(18, &[]));
    }
    if t.title_case {
        if i == 0 || s.all_caps {
            let inside = doc.capitalised_inside.contains(&lw);
            out.push(feature(57, &[caps, inside as u64]));
        }
        // The words around the word's other occurrences in the document.
        if let Some(around) = doc.contexts.get(&lw) {
            let (b, a) = (word_at(i - 1), word_at(i + 1));
            for &(before, after) in around {
                if before != b {
                    out.push(feature(58, &[before]));
                }
                if after != a {
                    out.push(feature(59, &[after]));
                }
            }
        }
    }
    for (j, tag) in [(i + 1, 1), (i + 2, 2), (i, 0)] {
        if tok(j).is_some_and(|t| t.org_word) {
            out.push(feature(19, &[tag, caps]));
        }
    }
    if tok(i - 1).is_some_and(|t| t.title_word) {
        out.push(feature(20, &[1, t.shape]));
    }
    if tok(i - 2).is_some_and(|t| t.title_word) {
        out.push(feature(20, &[2, t.shape]));
    }
    if t.long && t.upper_dots && !s.all_caps {
        out.push(feature(21, &[]));
    }
    for g in 0..4 {
        let c0 = cluster_at(i, g);
        let gs = g as u64;
        out.push(feature(50, &[gs, c0]));
        out.push(feature(51, &[gs, cluster_at(i - 1, g)]));
        out.push(feature(52, &[gs, cluster_at(i + 1, g)]));
        out.push(feature(53, &[gs, c0, t.shape]));
    }
    out.push(feature(
        54,
        &[cluster_at(i - 1, 1), cluster_at(i, 1), cluster_at(i + 1, 1)],
    ));
    out.push(feature(55, &[caps, t.capitalised]));
    out.push(feature(56, &[caps, t.capitalised, t.shape, first]));
    out.push(feature(24, &[shape_at(i - 2), shape_at(i - 1), t.shape]));
    out.push(feature(25, &[t.shape, shape_at(i + 1), shape_at(i + 2)]));
    out.push(feature(26, &[word_at(i - 1), t.shape]));
    out.push(feature(27, &[t.shape, word_at(i + 1)]));
    out.push(feature(28, &[gaz_at(i - 1), t.shape]));
    out.push(feature(29, &[gaz_at(i + 1), t.shape]));
    if let Some((first, last)) = t.hyphen {
        out.push(feature(22, &[first]));
        out.push(feature(23, &[last]));
    }
}

/// A label as a feature value, with the sentence's edges.
fn label_at(tags: &[usize], j: isize) -> u64 {
    if j < 0 {
        BOS
    } else {
        tags.get(j as usize).map_or(EOS, |&l| l as u64)
    }
}

fn label_type_at(tags: &[usize], j: isize) -> u64 {
    let l = label_at(tags, j);
    if l < 17 {
        label_type(l as usize).map_or(4, |t| t as u64)
    } else {
        l
    }
}

fn t_shape(s: &Sentence, i: usize) -> u64 {
    s.tokens[i].shape
}

/// The second stage's features: the first stage's tags around the token, and what the first
/// stage said of the same word elsewhere in the document.
pub fn stage2_features(s: &Sentence, i: usize, doc: &DocContext, out: &mut Vec<u64>) {
    let Some(fp) = &doc.first_pass else { return };
    let tags = &fp.labels[doc.sentence];
    let ii = i as isize;
    let here = label_at(tags, ii);
    out.push(feature(40, &[here]));
    let r2l = label_at(&fp.labels_r2l[doc.sentence], ii);
    out.push(feature(47, &[r2l]));
    out.push(feature(48, &[here, r2l]));
    out.push(feature(41, &[label_at(tags, ii - 1), here]));
    out.push(feature(42, &[here, label_at(tags, ii + 1)]));
    let r2l_tags = &fp.labels_r2l[doc.sentence];
    out.push(feature(
        49,
        &[label_at(r2l_tags, ii - 1), r2l, label_at(r2l_tags, ii + 1)],
    ));
    out.push(feature(
        39,
        &[
            label_type_at(tags, ii),
            label_type_at(r2l_tags, ii),
            t_shape(s, i),
        ],
    ));
    let t = &s.tokens[i];
    if !t.title_case {
        return;
    }
    let lw = t.lower;
    match fp.types.get(&lw) {
        Some(counts) => {
            let (best, n) = counts.iter().enumerate().max_by_key(|&(_, c)| *c).unwrap();
            let total = fp.count.get(&lw).copied().unwrap_or(1).max(1);
            let share = if *n >= total {
                2
            } else if *n * 2 >= total {
                1
            } else {
                0
            };
            out.push(feature(43, &[best as u64, share]));
            out.push(feature(44, &[best as u64, here]));
        }
        None => {
            if fp.count.get(&lw).copied().unwrap_or(0) >= 2 {
                out.push(feature(45, &[]));
            }
        }
    }
    if let Some(&(ty, place)) = fp.in_multi.get(&lw) {
        out.push(feature(46, &[ty as u64, place]));
    }
}

/// The features that depend on the tags already given: the two previous tags and the
/// document's history for this word.
pub fn dynamic_features(
    s: &Sentence,
    i: usize,
    tags: &[usize],
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    let t = &s.tokens[i];
    let ii = i as isize;
    let prev = label_at(tags, ii - 1);
    let prev2 = label_at(tags, ii - 2);
    out.push(feature(30, &[prev]));
    out.push(feature(31, &[prev2, prev]));
    out.push(feature(32, &[prev, t.lower]));
    out.push(feature(33, &[prev, t.shape]));
    if let Some(counts) = doc.history.get(&t.lower) {
        let (best, _) = counts.iter().enumerate().max_by_key(|&(_, c)| *c).unwrap();
        out.push(feature(34, &[best as u64]));
    }
}
