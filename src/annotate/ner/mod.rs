//! The statistical entity recognizer: averaged perceptrons that tag tokens greedily with
//! BILOU tags for PER, ORG, LOC and MISC, reading the features of [`features`], in two
//! stages. The first runs twice, left to right and right to left; the second reads both
//! taggings for the whole document (what the same word was called elsewhere), so that one
//! article names one entity consistently. Trained by [`crate::train::trainer`] on CoNLL-2003 (see [`crate::train::conll`]),
//! the second stage on first-stage tags made by models that did not see the document (five
//! folds); the trained model is the committed file `models/ner.bin`, compiled into the
//! binary and held as 16-bit weights ([`Frozen`]).

pub mod features;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use anyhow::{bail, Result};

use crate::annotate::gazetteer::Gazetteer;
use features::{
    dynamic_features, stage2_features, static_features, DocContext, FirstPass, Sentence,
};

/// The tags, in model order: BILOU (Begin, Inside, Last, Unit) for each type.
pub const LABELS: [&str; 17] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];
pub(crate) const N: usize = LABELS.len();
/// The entity types, in the order of [`LABELS`].
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The committed model, compiled in (empty before the first training).
const MODEL: &[u8] = include_bytes!("../../../models/ner.bin");
pub(crate) const MAGIC: &[u8; 8] = b"NDXNER5\n";

/// Where a label stands in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

/// Entity type (index into [`TYPES`]) of a label, if it is not O.
pub fn label_type(label: usize) -> Option<usize> {
    (label > 0).then(|| (label - 1) / 4)
}

pub fn part(label: usize) -> Part {
    if label == 0 {
        return Part::Outside;
    }
    [Part::Begin, Part::Inside, Part::Last, Part::Unit][(label - 1) % 4]
}

/// The label of a type and part.
pub fn label(entity_type: usize, part: Part) -> usize {
    match part {
        Part::Outside => 0,
        Part::Begin => 1 + 4 * entity_type,
        Part::Inside => 2 + 4 * entity_type,
        Part::Last => 3 + 4 * entity_type,
        Part::Unit => 4 + 4 * entity_type,
    }
}

fn is_open(label: usize) -> bool {
    matches!(part(label), Part::Begin | Part::Inside)
}

/// Whether `label` may follow `prev`: an open entity continues with I or L of its type;
/// otherwise a new token is O, B or U.
fn allowed(prev: usize, l: usize) -> bool {
    if is_open(prev) {
        label_type(l) == label_type(prev) && matches!(part(l), Part::Inside | Part::Last)
    } else {
        matches!(part(l), Part::Outside | Part::Begin | Part::Unit)
    }
}

/// Which tokens a pass calls outside any entity without asking the model, when no entity
/// is open before them. Entities seldom start with them: 19 of the 5,942 in CoNLL-2003's
/// dev set start with a word in lower case ("al-Aqsa" and "de" among them, and those have a
/// capital or are rare); of the 29,441 in its training and dev sets, 3 start with
/// punctuation (all three annotation slips) and 33 with a number ("1860 Munich"). More than
/// half of news text is such tokens, and tagging is bound by the model's lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    /// Words in lower case with no capital anywhere. The first-stage taggings that trained
    /// the committed model's second stage skipped these only, so training still does, and
    /// reproduces the model byte for byte. (Skipping them left CoNLL-2003 test F1 as it was,
    /// 0.8730 then, and tagged 25% faster.)
    LowerCase,
    /// Those and tokens with no letter (punctuation, numbers): what tagging skips. So no
    /// entity starts with a number when none is open before it ("2024 Olympics" can be
    /// "Olympics" at most). With the committed model, dev F1 went from 0.9309 to 0.9311
    /// (test 0.8827 to 0.8822), the judged pages' dev set from 0.7550 to 0.7562, and tagging
    /// 20% to 30% faster.
    LowerCaseAndNoLetters,
}

impl Skip {
    fn skips(self, t: &features::TokenInfo, prev: usize) -> bool {
        let skipped =
            (t.lower_first && !t.has_upper) || (self == Skip::LowerCaseAndNoLetters && t.no_letter);
        skipped && !is_open(prev)
    }
}

/// Closes an entity left open at the end of a sentence (B becomes U, I becomes L).
fn close_sentence(tags: &mut [usize]) {
    if let Some(last) = tags.last_mut() {
        if let Some(t) = label_type(*last) {
            match part(*last) {
                Part::Begin => *last = label(t, Part::Unit),
                Part::Inside => *last = label(t, Part::Last),
                _ => {}
            }
        }
    }
}

/// Entities `(type, start, end)` in a label sequence, read leniently (an I or L with no
/// open entity of its type starts one; an entity not closed ends where the next begins).
pub fn chunks(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let t = label_type(l);
        let p = part(l);
        if let Some((ct, s)) = cur {
            if t == Some(ct) && matches!(p, Part::Inside | Part::Last) {
                if p == Part::Last {
                    out.push((ct, s, i + 1));
                    cur = None;
                }
                continue;
            }
            out.push((ct, s, i));
            cur = None;
        }
        if let Some(t) = t {
            match p {
                Part::Begin | Part::Inside => cur = Some((t, i)),
                _ => out.push((t, i, i + 1)),
            }
        }
    }
    if let Some((ct, s)) = cur {
        out.push((ct, s, labels.len()));
    }
    out
}

/// Keys are already hashes: use them as they are.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes, used as they are (features, and words in [`features`]).
pub(crate) type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Weights that score features for a label: the stages being trained, or a trained model.
pub(crate) trait Scorer {
    /// Adds the weights of `feats` to the scores of each label.
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]);
}

/// A trained stage's weights as stored: 16 bits each and a scale, so that a feature's row
/// (48 bytes with its key) fits one cache line: tagging is bound by these lookups.
pub struct Frozen {
    map: FeatureMap<[i16; N]>,
    scale: f32,
}

impl Scorer for Frozen {
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        let mut sum = [0i32; N];
        for f in feats {
            if let Some(w) = self.map.get(f) {
                for l in 0..N {
                    sum[l] += w[l] as i32;
                }
            }
        }
        for l in 0..N {
            scores[l] += sum[l] as f32 * self.scale;
        }
    }
}

impl Frozen {
    /// Reads weights written by [`Weights::write`]; returns them and the bytes left.
    fn read(bytes: &[u8]) -> Result<(Frozen, &[u8])> {
        let truncated = || anyhow::anyhow!("NER model is truncated");
        let take = |at: &mut usize, n: usize| -> Result<&[u8]> {
            let s = bytes.get(*at..*at + n).ok_or_else(truncated)?;
            *at += n;
            Ok(s)
        };
        let mut at = 0;
        let scale = f32::from_le_bytes(take(&mut at, 4)?.try_into()?);
        let n = u32::from_le_bytes(take(&mut at, 4)?.try_into()?) as usize;
        let mut map = FeatureMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let key = u64::from_le_bytes(take(&mut at, 8)?.try_into()?);
            let kept = take(&mut at, 1)?[0] as usize;
            let mut w = [0i16; N];
            for _ in 0..kept {
                let pair = take(&mut at, 3)?;
                let l = pair[0] as usize;
                if l >= N {
                    bail!("NER model names label {l}, of {N}");
                }
                w[l] = i16::from_le_bytes([pair[1], pair[2]]);
            }
            map.insert(key, w);
        }
        Ok((Frozen { map, scale }, &bytes[at..]))
    }
}

/// A trained model as loaded for tagging: the two stages' weights.
pub struct Model {
    stage1: Frozen,
    /// The first stage read right to left: it sees each word's right context tagged first.
    stage1_r2l: Frozen,
    stage2: Frozen,
}

impl Model {
    /// The compiled-in model, or `None` when the project has not been trained yet.
    pub fn get() -> Option<&'static Model> {
        static M: OnceLock<Option<Model>> = OnceLock::new();
        M.get_or_init(|| Model::from_bytes(MODEL).ok()).as_ref()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            bail!("not a newsdex NER model (version 5)");
        }
        let (stage1, rest) = Frozen::read(&bytes[8..])?;
        let (stage1_r2l, rest) = Frozen::read(rest)?;
        let (stage2, rest) = Frozen::read(rest)?;
        if !rest.is_empty() {
            bail!("NER model has trailing bytes");
        }
        Ok(Model {
            stage1,
            stage1_r2l,
            stage2,
        })
    }

    pub fn features(&self) -> usize {
        self.stage1.map.len() + self.stage1_r2l.map.len() + self.stage2.map.len()
    }

    /// Tags a document given as sentences of words; returns a label index per word.
    pub fn tag_document(&self, words: &[Vec<&str>]) -> Vec<Vec<usize>> {
        let gaz = Gazetteer::get();
        let sentences: Vec<Sentence> = words.iter().map(|w| Sentence::new(w, gaz)).collect();
        // The second stage reads the document in the first stage's direction: the same
        // static features, computed once.
        let mut statics = StaticCache::default();
        let skip = Skip::LowerCaseAndNoLetters;
        let first = tag_stage(&self.stage1, &sentences, None, &mut statics, skip);
        let first_r2l = tag_stage_r2l(&self.stage1_r2l, &sentences, skip);
        let first_pass = FirstPass::new(&sentences, first, first_r2l);
        tag_stage(
            &self.stage2,
            &sentences,
            Some(first_pass),
            &mut statics,
            skip,
        )
    }
}

/// The static features of a document's tokens, by position in reading order, computed when
/// a pass first scores the token and read by later passes in the same direction.
#[derive(Default)]
pub(crate) struct StaticCache {
    feats: Vec<u64>,
    /// Where each token's features are in `feats` (an empty range: not computed yet).
    spans: Vec<std::ops::Range<usize>>,
}

/// Labels of a sentence read backwards: reversed, with Begin and Last swapped.
pub(crate) fn reverse_labels(labels: &[usize]) -> Vec<usize> {
    labels
        .iter()
        .rev()
        .map(|&l| match (label_type(l), part(l)) {
            (Some(t), Part::Begin) => label(t, Part::Last),
            (Some(t), Part::Last) => label(t, Part::Begin),
            _ => l,
        })
        .collect()
}

/// Runs a right-to-left first stage over sentences in reading order; returns labels in
/// reading order.
pub(crate) fn tag_stage_r2l(
    weights: &impl Scorer,
    sentences: &[Sentence],
    skip: Skip,
) -> Vec<Vec<usize>> {
    let reversed: Vec<Sentence> = sentences.iter().map(Sentence::reversed).collect();
    tag_stage(weights, &reversed, None, &mut StaticCache::default(), skip)
        .iter()
        .map(|l| reverse_labels(l))
        .collect()
}

/// Runs one stage over a document, greedily, in the order of its tokens, calling the tokens
/// `skip` names outside without asking the model. Static features come from `statics` when
/// it holds them, and are put there when it is empty.
pub(crate) fn tag_stage(
    weights: &impl Scorer,
    sentences: &[Sentence],
    first_pass: Option<FirstPass>,
    statics: &mut StaticCache,
    skip: Skip,
) -> Vec<Vec<usize>> {
    let mut doc = DocContext::new(sentences);
    doc.first_pass = first_pass;
    let mut feats = Vec::with_capacity(32);
    let mut out = Vec::with_capacity(sentences.len());
    let mut k = 0;
    for (si, s) in sentences.iter().enumerate() {
        doc.sentence = si;
        let mut tags = Vec::with_capacity(s.tokens.len());
        for i in 0..s.tokens.len() {
            if statics.spans.len() == k {
                statics.spans.push(0..0);
            }
            k += 1;
            let prev = if i > 0 { tags[i - 1] } else { 0 };
            if skip.skips(&s.tokens[i], prev) {
                tags.push(0);
                continue;
            }
            if statics.spans[k - 1].is_empty() {
                let start = statics.feats.len();
                static_features(s, i, &doc, &mut statics.feats);
                statics.spans[k - 1] = start..statics.feats.len();
            }
            feats.clear();
            dynamic_features(s, i, &tags, &doc, &mut feats);
            stage2_features(s, i, &doc, &mut feats);
            let mut scores = [0f32; N];
            weights.add_scores(&statics.feats[statics.spans[k - 1].clone()], &mut scores);
            weights.add_scores(&feats, &mut scores);
            let label = best(&scores, prev);
            if let Some(t) = label_type(label) {
                doc.record(s.tokens[i].lower, t);
            }
            tags.push(label);
        }
        close_sentence(&mut tags);
        out.push(tags);
    }
    out
}

pub(crate) fn best(scores: &[f32; N], prev: usize) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if allowed(prev, l) && s > best_score {
            best = l;
            best_score = s;
        }
    }
    best
}
