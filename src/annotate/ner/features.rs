//! Features of a token for the tagger: the word and its neighbours, affixes, shape,
//! capitalisation in context, gazetteer membership, cue words (organisation suffixes, titles),
//! the previous tags, and what the document said of the same word before.
//!
//! Every feature is a 64-bit hash of a template id and its values.

use std::collections::{HashMap, HashSet};

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

/// A token's precomputed static properties.
pub struct TokenInfo {
    /// What raw text says of the word (its classes, how often it is capitalised).
    pub clusters: Option<crate::annotate::clusters::WordInfo>,
    pub word: String,
    pub lower: String,
    pub shape: String,
    /// Gazetteer feature for this token ("B-P", "I-P", "F", ...), or empty.
    pub gaz: &'static str,
    pub title_case: bool,
}

/// A sentence ready for feature extraction.
pub struct Sentence {
    pub tokens: Vec<TokenInfo>,
    /// Most alphabetic tokens are capitals: a headline ("JAPAN GET LUCKY WIN").
    pub all_caps: bool,
}

/// What the tagger learned of a document so far.
#[derive(Default)]
pub struct DocContext {
    /// Words seen in lower case in the document (so a capitalised one may be a common word).
    pub lower_seen: HashSet<String>,
    /// Entity types already given to a word in this document: counts for PER, ORG, LOC, MISC.
    pub history: HashMap<String, [u16; 4]>,
    /// Capitalised word (lower-cased) → the words around its occurrences in the document
    /// (before, after), at most [`MAX_CONTEXTS`] of them.
    pub contexts: HashMap<String, Vec<(String, String)>>,
    /// Capitalised words (lower-cased) seen capitalised away from a sentence's start.
    pub capitalised_inside: HashSet<String>,
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
    /// Lower-cased word → how often it was tagged PER, ORG, LOC, MISC.
    pub types: HashMap<String, [u16; 4]>,
    /// Lower-cased capitalised word → how often it occurs.
    pub count: HashMap<String, u16>,
    /// Lower-cased word → type and place ("B", "I", "E") in a multi-word entity.
    pub in_multi: HashMap<String, (usize, &'static str)>,
}

impl FirstPass {
    pub fn new(
        sentences: &[Vec<&str>],
        labels: Vec<Vec<usize>>,
        labels_r2l: Vec<Vec<usize>>,
    ) -> FirstPass {
        let mut types: HashMap<String, [u16; 4]> = HashMap::new();
        let mut count: HashMap<String, u16> = HashMap::new();
        let mut in_multi = HashMap::new();
        for (words, tags) in sentences.iter().zip(&labels) {
            for (w, &l) in words.iter().zip(tags) {
                let lw = w.to_lowercase();
                if w.chars().next().is_some_and(char::is_uppercase) {
                    *count.entry(lw.clone()).or_default() += 1;
                }
                if let Some(t) = label_type(l) {
                    types.entry(lw.clone()).or_default()[t] += 1;
                    let place = match part(l) {
                        Part::Begin => Some("B"),
                        Part::Inside => Some("I"),
                        Part::Last => Some("E"),
                        _ => None,
                    };
                    if let Some(p) = place {
                        in_multi.entry(lw).or_insert((t, p));
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
    pub fn new(sentences: &[Vec<&str>]) -> DocContext {
        let mut ctx = DocContext::default();
        for words in sentences {
            for (i, w) in words.iter().enumerate() {
                let first = w.chars().next();
                if first.is_some_and(char::is_lowercase) {
                    ctx.lower_seen.insert(w.to_string());
                } else if first.is_some_and(char::is_uppercase) {
                    let lw = w.to_lowercase();
                    if i > 0 && w.chars().any(char::is_lowercase) {
                        ctx.capitalised_inside.insert(lw.clone());
                    }
                    let around = ctx.contexts.entry(lw).or_default();
                    if around.len() < MAX_CONTEXTS {
                        let before = if i > 0 {
                            words[i - 1].to_lowercase()
                        } else {
                            "<s>".into()
                        };
                        let after = words.get(i + 1).map_or("</s>".into(), |w| w.to_lowercase());
                        around.push((before, after));
                    }
                }
            }
        }
        ctx
    }

    /// Records the entity type (0..4) the tagger gave a word.
    pub fn record(&mut self, lower: &str, entity_type: usize) {
        self.history.entry(lower.to_string()).or_default()[entity_type] += 1;
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
        let mut tokens: Vec<TokenInfo> = words
            .iter()
            .map(|w| TokenInfo {
                clusters: crate::annotate::clusters::Clusters::get().of(w),
                word: w.to_string(),
                lower: w.to_lowercase(),
                shape: shape(w),
                gaz: "",
                title_case: w.chars().next().is_some_and(char::is_uppercase),
            })
            .collect();
        gazetteer_tags(&mut tokens, gaz, all_caps);
        Sentence { tokens, all_caps }
    }
}

/// Marks the longest gazetteer phrases: places ("B-P"/"I-P"), countries ("B-C"/"I-C"),
/// demonyms ("D"), first ("F") and last ("L") names. Only capitalised phrases count.
fn gazetteer_tags(tokens: &mut [TokenInfo], gaz: &Gazetteer, all_caps: bool) {
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].title_case {
            i += 1;
            continue;
        }
        let mut matched = 0;
        let mut phrase = String::new();
        let mut best_kind = 0u8;
        for n in 1..=gaz.max_words.min(tokens.len() - i) {
            if n > 1 {
                phrase.push(' ');
            }
            phrase.push_str(&tokens[i + n - 1].lower);
            let k = gaz.kinds(&phrase);
            if k & (kind::PLACE | kind::DEMONYM) != 0 {
                matched = n;
                best_kind = k;
            } else if n == 1 && k != 0 {
                matched = 1;
                best_kind = k;
            }
        }
        if matched == 0 {
            i += 1;
            continue;
        }
        let (b, inside) = if best_kind & kind::COUNTRY != 0 {
            ("B-C", "I-C")
        } else if best_kind & kind::PLACE != 0 {
            ("B-P", "I-P")
        } else if best_kind & kind::DEMONYM != 0 {
            ("D", "D")
        } else if best_kind & kind::FIRST_NAME != 0 && !all_caps {
            ("F", "F")
        } else if best_kind & kind::LAST_NAME != 0 && !all_caps {
            ("L", "L")
        } else {
            ("", "")
        };
        for (j, t) in tokens[i..i + matched].iter_mut().enumerate() {
            t.gaz = if j == 0 { b } else { inside };
        }
        i += matched;
    }
}

/// Hashes a template id and its parts into a feature.
#[inline]
fn h(template: u8, parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ (template as u64);
    hash = hash.wrapping_mul(0x1000_0000_01b3);
    for p in parts {
        for &b in p.as_bytes() {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x1000_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x1000_0000_01b3);
    }
    hash
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// The features of token `i` that do not depend on tags.
pub fn static_features(s: &Sentence, i: usize, doc: &DocContext, out: &mut Vec<u64>) {
    let t = &s.tokens[i];
    let lw = t.lower.as_str();
    let word_at = |j: isize| -> &str {
        if j < 0 {
            BOS
        } else {
            s.tokens.get(j as usize).map_or(EOS, |t| t.lower.as_str())
        }
    };
    let shape_at = |j: isize| -> &str {
        if j < 0 {
            BOS
        } else {
            s.tokens.get(j as usize).map_or(EOS, |t| t.shape.as_str())
        }
    };
    let gaz_at = |j: isize| -> &str {
        if j < 0 {
            BOS
        } else {
            s.tokens.get(j as usize).map_or(EOS, |t| t.gaz)
        }
    };
    let i = i as isize;
    let caps = if s.all_caps { "C" } else { "c" };
    out.push(h(0, &[]));
    if s.all_caps {
        out.push(h(1, &["caps", lw]));
    } else {
        out.push(h(1, &[&t.word]));
    }
    out.push(h(2, &[lw]));
    let chars: Vec<(usize, char)> = lw.char_indices().collect();
    for n in 1..=4.min(chars.len()) {
        let pre = &lw[..chars.get(n).map_or(lw.len(), |c| c.0)];
        let suf = &lw[chars[chars.len() - n].0..];
        out.push(h(3, &[pre]));
        out.push(h(4, &[suf]));
    }
    out.push(h(5, &[caps, &t.shape]));
    out.push(h(6, &[word_at(i - 1)]));
    out.push(h(7, &[word_at(i + 1)]));
    out.push(h(8, &[word_at(i - 2)]));
    out.push(h(9, &[word_at(i + 2)]));
    out.push(h(10, &[caps, shape_at(i - 1), &t.shape]));
    out.push(h(11, &[caps, &t.shape, shape_at(i + 1)]));
    out.push(h(12, &[word_at(i - 1), lw]));
    out.push(h(13, &[lw, word_at(i + 1)]));
    out.push(h(
        14,
        &[caps, if i == 0 { "first" } else { "rest" }, &t.shape],
    ));
    out.push(h(15, &[t.gaz]));
    out.push(h(16, &[gaz_at(i - 1), t.gaz, gaz_at(i + 1)]));
    out.push(h(17, &[t.gaz, &t.shape]));
    if t.title_case && i > 0 && doc.lower_seen.contains(lw) {
        out.push(h(18, &["lower-seen"]));
    }
    if t.title_case {
        if i == 0 || s.all_caps {
            let inside = doc.capitalised_inside.contains(lw);
            out.push(h(
                57,
                &[caps, if inside { "cap-inside" } else { "never-inside" }],
            ));
        }
        // The words around the word's other occurrences in the document.
        if let Some(around) = doc.contexts.get(lw) {
            for (before, after) in around {
                if before.as_str() != word_at(i - 1) {
                    out.push(h(58, &[before]));
                }
                if after.as_str() != word_at(i + 1) {
                    out.push(h(59, &[after]));
                }
            }
        }
    }
    for (j, tag) in [(i + 1, "org+1"), (i + 2, "org+2"), (i, "org0")] {
        if ORG_WORDS.contains(&word_at(j)) {
            out.push(h(19, &[tag, caps]));
        }
    }
    if TITLE_WORDS.contains(&word_at(i - 1)) {
        out.push(h(20, &["title-1", &t.shape]));
    }
    if TITLE_WORDS.contains(&word_at(i - 2)) {
        out.push(h(20, &["title-2", &t.shape]));
    }
    if lw.len() > 1 && t.word.chars().all(|c| c.is_uppercase() || c == '.') && !s.all_caps {
        out.push(h(21, &["acronym"]));
    }
    let cluster_at = |j: isize, g: usize| -> String {
        if j < 0 || j as usize >= s.tokens.len() {
            return "-".into();
        }
        s.tokens[j as usize]
            .clusters
            .map_or("?".into(), |c| c.classes[g].to_string())
    };
    for g in 0..4 {
        let c0 = cluster_at(i, g);
        let gs = ["a", "b", "c", "d"][g];
        out.push(h(50, &[gs, &c0]));
        out.push(h(51, &[gs, &cluster_at(i - 1, g)]));
        out.push(h(52, &[gs, &cluster_at(i + 1, g)]));
        out.push(h(53, &[gs, &c0, &t.shape]));
    }
    out.push(h(
        54,
        &[
            &cluster_at(i - 1, 1),
            &cluster_at(i, 1),
            &cluster_at(i + 1, 1),
        ],
    ));
    let cap = t
        .clusters
        .map_or("?".to_string(), |c| c.capitalised.to_string());
    out.push(h(55, &[caps, &cap]));
    out.push(h(
        56,
        &[caps, &cap, &t.shape, if i == 0 { "first" } else { "rest" }],
    ));
    out.push(h(24, &[shape_at(i - 2), shape_at(i - 1), &t.shape]));
    out.push(h(25, &[&t.shape, shape_at(i + 1), shape_at(i + 2)]));
    out.push(h(26, &[word_at(i - 1), &t.shape]));
    out.push(h(27, &[&t.shape, word_at(i + 1)]));
    out.push(h(28, &[gaz_at(i - 1), &t.shape]));
    out.push(h(29, &[gaz_at(i + 1), &t.shape]));
    if t.word.contains('-') {
        let parts: Vec<&str> = lw.split('-').collect();
        out.push(h(22, &[parts[0]]));
        out.push(h(23, &[parts[parts.len() - 1]]));
    }
}

/// The second stage's features: the first stage's tags around the token, and what the first
/// stage said of the same word elsewhere in the document.
pub fn stage2_features(s: &Sentence, i: usize, doc: &DocContext, out: &mut Vec<u64>) {
    use super::{LABELS as NAMES, TYPES};
    let Some(fp) = &doc.first_pass else { return };
    let tags = &fp.labels[doc.sentence];
    let at = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else {
            tags.get(j as usize).map_or("</s>", |&l| NAMES[l])
        }
    };
    let ii = i as isize;
    out.push(h(40, &[at(ii)]));
    let r2l = fp.labels_r2l[doc.sentence]
        .get(i)
        .map_or("</s>", |&l| NAMES[l]);
    out.push(h(47, &[r2l]));
    out.push(h(48, &[at(ii), r2l]));
    out.push(h(41, &[at(ii - 1), at(ii)]));
    out.push(h(42, &[at(ii), at(ii + 1)]));
    let t = &s.tokens[i];
    if !t.title_case {
        return;
    }
    let lw = t.lower.as_str();
    match fp.types.get(lw) {
        Some(counts) => {
            let (best, n) = counts.iter().enumerate().max_by_key(|&(_, c)| *c).unwrap();
            let total = fp.count.get(lw).copied().unwrap_or(1).max(1);
            let share = if *n >= total {
                "all"
            } else if *n * 2 >= total {
                "most"
            } else {
                "some"
            };
            out.push(h(43, &[TYPES[best], share]));
            out.push(h(44, &[TYPES[best], at(ii)]));
        }
        None => {
            if fp.count.get(lw).copied().unwrap_or(0) >= 2 {
                out.push(h(45, &["never-tagged"]));
            }
        }
    }
    if let Some((ty, place)) = fp.in_multi.get(lw) {
        out.push(h(46, &[TYPES[*ty], place]));
    }
}

/// The features that depend on the tags already given: the two previous tags (as label
/// names) and the document's history for this word.
pub fn dynamic_features(
    s: &Sentence,
    i: usize,
    prev: &str,
    prev2: &str,
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    let lw = s.tokens[i].lower.as_str();
    out.push(h(30, &[prev]));
    out.push(h(31, &[prev2, prev]));
    out.push(h(32, &[prev, lw]));
    out.push(h(33, &[prev, &s.tokens[i].shape]));
    if let Some(counts) = doc.history.get(lw) {
        let (best, _) = counts.iter().enumerate().max_by_key(|&(_, c)| *c).unwrap();
        out.push(h(34, &[["PER", "ORG", "LOC", "MISC"][best]]));
    }
}
