//! The statistical entity recognizer: averaged perceptrons that tag tokens greedily with
//! BILOU tags for PER, ORG, LOC and MISC, reading the features of [`features`], in two
//! stages. The first runs twice, left to right and right to left; the second reads both
//! taggings for the whole document (what the same word was called elsewhere), so that one
//! article names one entity consistently. Trained by [`train`] on CoNLL-2003 (see [`conll`]),
//! the second stage on first-stage tags made by models that did not see the document (five
//! folds); the trained model is the committed file `models/ner.bin`, compiled into the
//! binary and held as 16-bit weights ([`Frozen`]).

pub mod conll;
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
const N: usize = LABELS.len();
/// The entity types, in the order of [`LABELS`].
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The committed model, compiled in (empty before the first training).
const MODEL: &[u8] = include_bytes!("../../../models/ner.bin");
const MAGIC: &[u8; 8] = b"NDXNER5\n";
/// Features whose weights are all smaller than this are left out of the saved model.
pub const PRUNE: f32 = 0.5;

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

/// Whether a token is outside any entity without asking the model: a word in lower case with
/// no capital anywhere, when no entity is open before it. (Entities almost never start so:
/// 19 of the 5,942 in CoNLL-2003's dev set do, "al-Aqsa" and "de" among them, and those have
/// a capital or are rare.) More than half of news text is such words, and tagging is bound
/// by the model's lookups: tagging skips them (training does not). With the committed model,
/// skipping left CoNLL-2003 test F1 as it was (0.8730) and tagged 25% faster.
fn plainly_outside(t: &features::TokenInfo, prev: usize) -> bool {
    t.lower_first && !t.has_upper && !is_open(prev)
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

/// BILOU labels for entities given as BIO tags ("B-PER", "I-PER", "O").
pub fn bilou_from_bio(bio: &[String]) -> Vec<usize> {
    (0..bio.len())
        .map(|i| {
            let Some((p, t)) = bio[i].split_once('-') else {
                return 0;
            };
            let Some(ti) = TYPES.iter().position(|x| *x == t) else {
                return 0;
            };
            let continues = bio.get(i + 1).is_some_and(|n| *n == format!("I-{t}"));
            let part = match (p, continues) {
                ("B", true) => Part::Begin,
                ("B", false) => Part::Unit,
                (_, true) => Part::Inside,
                (_, false) => Part::Last,
            };
            label(ti, part)
        })
        .collect()
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

/// One stage's weights per feature and label.
#[derive(Default)]
pub struct Weights {
    map: FeatureMap<[f32; N]>,
}

impl Weights {
    /// The mean of several runs' weights.
    fn average<'a>(runs: impl Iterator<Item = &'a Weights>) -> Weights {
        let mut map: FeatureMap<[f32; N]> = FeatureMap::default();
        let mut k = 0;
        for run in runs {
            k += 1;
            for (f, w) in &run.map {
                let sum = map.entry(*f).or_insert([0.0; N]);
                for l in 0..N {
                    sum[l] += w[l];
                }
            }
        }
        for w in map.values_mut() {
            for x in w.iter_mut() {
                *x /= k.max(1) as f32;
            }
        }
        Weights { map }
    }

    /// Appends the weights, quantised to 16 bits, leaving out weights smaller than `prune`
    /// in magnitude (and features left with none). Each feature is stored sparsely: its
    /// hash, the number of labels it weighs, then (label, weight) pairs.
    fn write(&self, prune: f32, out: &mut Vec<u8>) {
        let max = self
            .map
            .values()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<&u64> = self
            .map
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune))
            .map(|(k, _)| k)
            .collect();
        keys.sort();
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            let kept: Vec<(usize, f32)> = self.map[k]
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, w)| w.abs() >= prune)
                .collect();
            out.push(kept.len() as u8);
            for (l, w) in kept {
                out.push(l as u8);
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
    }
}

/// Weights that score features for a label: the stages being trained, or a trained model.
trait Scorer {
    /// Adds the weights of `feats` to the scores of each label.
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]);
}

impl Scorer for Weights {
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        for f in feats {
            if let Some(w) = self.map.get(f) {
                for l in 0..N {
                    scores[l] += w[l];
                }
            }
        }
    }
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

/// A model fresh from [`train`], with full-precision weights, to be saved.
pub struct Trained {
    stage1: Weights,
    stage1_r2l: Weights,
    stage2: Weights,
}

impl Trained {
    /// Serialises the model (see [`Weights::write`]); [`Model::from_bytes`] reads it.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.stage1.write(prune, &mut out);
        self.stage1_r2l.write(prune, &mut out);
        self.stage2.write(prune, &mut out);
        out
    }
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
        let first = tag_stage(&self.stage1, &sentences, None, &mut statics);
        let first_r2l = tag_stage_r2l(&self.stage1_r2l, &sentences);
        let first_pass = FirstPass::new(&sentences, first, first_r2l);
        tag_stage(&self.stage2, &sentences, Some(first_pass), &mut statics)
    }
}

/// The static features of a document's tokens, by position in reading order, computed when
/// a pass first scores the token and read by later passes in the same direction.
#[derive(Default)]
struct StaticCache {
    feats: Vec<u64>,
    /// Where each token's features are in `feats` (an empty range: not computed yet).
    spans: Vec<std::ops::Range<usize>>,
}

/// Labels of a sentence read backwards: reversed, with Begin and Last swapped.
fn reverse_labels(labels: &[usize]) -> Vec<usize> {
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
fn tag_stage_r2l(weights: &impl Scorer, sentences: &[Sentence]) -> Vec<Vec<usize>> {
    let reversed: Vec<Sentence> = sentences.iter().map(Sentence::reversed).collect();
    tag_stage(weights, &reversed, None, &mut StaticCache::default())
        .iter()
        .map(|l| reverse_labels(l))
        .collect()
}

/// Runs one stage over a document, greedily, in the order of its tokens. Static features
/// come from `statics` when it holds them, and are put there when it is empty.
fn tag_stage(
    weights: &impl Scorer,
    sentences: &[Sentence],
    first_pass: Option<FirstPass>,
    statics: &mut StaticCache,
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
            if plainly_outside(&s.tokens[i], prev) {
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

/// All the features of token `i`, given the tags of the tokens before it.
fn token_features(s: &Sentence, i: usize, tags: &[usize], doc: &DocContext, feats: &mut Vec<u64>) {
    feats.clear();
    static_features(s, i, doc, feats);
    dynamic_features(s, i, tags, doc, feats);
    stage2_features(s, i, doc, feats);
}

fn best(scores: &[f32; N], prev: usize) -> usize {
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

/// A labelled sentence: words and their gold label indexes.
pub struct LabelledSentence {
    pub words: Vec<String>,
    pub labels: Vec<usize>,
}

/// A labelled document.
pub type LabelledDoc = Vec<LabelledSentence>;

/// A training document ready for the tagger: its sentences and their gold labels.
struct TrainDoc {
    sentences: Vec<Sentence>,
    labels: Vec<Vec<usize>>,
}

impl TrainDoc {
    fn new(doc: &LabelledDoc, gaz: &Gazetteer) -> TrainDoc {
        TrainDoc {
            sentences: doc
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    Sentence::new(&words, gaz)
                })
                .collect(),
            labels: doc.iter().map(|s| s.labels.clone()).collect(),
        }
    }

    /// The document with every sentence read backwards.
    fn reversed(&self) -> TrainDoc {
        TrainDoc {
            sentences: self.sentences.iter().map(Sentence::reversed).collect(),
            labels: self.labels.iter().map(|l| reverse_labels(l)).collect(),
        }
    }
}

/// Folds of the training data used to make the second stage's training input.
const FOLDS: usize = 5;

/// Trains both stages, once per seed, and averages the weights of the runs (a bagged
/// model: steadier than any one shuffle). The first stage is trained on all of `docs`; the
/// second on `docs` with first-stage tags from models trained on the other folds. Runs in
/// parallel on all cores; the result depends only on `docs`, `epochs` and `seeds`.
pub fn train(docs: &[LabelledDoc], epochs: usize, seeds: &[u64]) -> Trained {
    use rayon::prelude::*;
    let gaz = Gazetteer::get();
    let docs: Vec<TrainDoc> = docs.par_iter().map(|d| TrainDoc::new(d, gaz)).collect();
    let reversed: Vec<TrainDoc> = docs.iter().map(TrainDoc::reversed).collect();
    let docs = &docs[..];
    let runs: Vec<Trained> = seeds
        .par_iter()
        .map(|&seed| {
            // For each direction, job 0 is the first stage on everything, jobs 1..=FOLDS one
            // per held-out fold.
            let jobs: Vec<(bool, usize)> = [false, true]
                .iter()
                .flat_map(|&r| (0..=FOLDS).map(move |j| (r, j)))
                .collect();
            let mut trained: Vec<(bool, usize, Weights, Vec<usize>)> = jobs
                .into_par_iter()
                .map(|(r2l, job)| {
                    let source = if r2l { &reversed } else { docs };
                    if job == 0 {
                        return (
                            r2l,
                            job,
                            train_stage(source, None, epochs, seed),
                            Vec::new(),
                        );
                    }
                    let (held, rest): (Vec<usize>, Vec<usize>) =
                        (0..docs.len()).partition(|d| d % FOLDS == job - 1);
                    let train_docs: Vec<&TrainDoc> = rest.iter().map(|&d| &source[d]).collect();
                    (
                        r2l,
                        job,
                        train_stage_refs(&train_docs, None, epochs, seed),
                        held,
                    )
                })
                .collect();
            let mut first: Vec<Vec<Vec<usize>>> = vec![Vec::new(); docs.len()];
            let mut first_r2l: Vec<Vec<Vec<usize>>> = vec![Vec::new(); docs.len()];
            for (r2l, job, w, held) in &trained {
                if *job == 0 {
                    continue;
                }
                for &d in held {
                    let sentences = &docs[d].sentences;
                    if *r2l {
                        first_r2l[d] = tag_stage_r2l(w, sentences);
                    } else {
                        first[d] = tag_stage(w, sentences, None, &mut StaticCache::default());
                    }
                }
            }
            let mut take = |r2l: bool| {
                let i = trained
                    .iter()
                    .position(|(r, j, ..)| *r == r2l && *j == 0)
                    .unwrap();
                std::mem::take(&mut trained[i].2)
            };
            let stage1 = take(false);
            let stage1_r2l = take(true);
            let both: Vec<FirstTags> = first.into_iter().zip(first_r2l).collect();
            let stage2 = train_stage(docs, Some(&both), epochs, seed);
            Trained {
                stage1,
                stage1_r2l,
                stage2,
            }
        })
        .collect();
    Trained {
        stage1: Weights::average(runs.iter().map(|m| &m.stage1)),
        stage1_r2l: Weights::average(runs.iter().map(|m| &m.stage1_r2l)),
        stage2: Weights::average(runs.iter().map(|m| &m.stage2)),
    }
}

struct Weight {
    w: [f32; N],
    total: [f32; N],
    stamp: [u32; N],
}

/// The first stages' tags of each training document (left to right, right to left).
type FirstTags = (Vec<Vec<usize>>, Vec<Vec<usize>>);

fn train_stage(
    docs: &[TrainDoc],
    first: Option<&[FirstTags]>,
    epochs: usize,
    seed: u64,
) -> Weights {
    let refs: Vec<&TrainDoc> = docs.iter().collect();
    train_stage_refs(&refs, first, epochs, seed)
}

/// Trains one stage's averaged perceptron for `epochs` passes over `docs`, in an order
/// shuffled by `seed` each pass.
fn train_stage_refs(
    docs: &[&TrainDoc],
    first: Option<&[FirstTags]>,
    epochs: usize,
    seed: u64,
) -> Weights {
    let mut weights: FeatureMap<Weight> = FeatureMap::default();
    let mut clock: u32 = 0;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = seed.max(1);
    let mut feats = Vec::with_capacity(96);
    for _ in 0..epochs {
        // Fisher-Yates with xorshift64*.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let j = (rng.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &d in &order {
            let doc = docs[d];
            let mut ctx = DocContext::new(&doc.sentences);
            ctx.first_pass =
                first.map(|f| FirstPass::new(&doc.sentences, f[d].0.clone(), f[d].1.clone()));
            for (si, (s, gold_labels)) in doc.sentences.iter().zip(&doc.labels).enumerate() {
                ctx.sentence = si;
                let mut tags: Vec<usize> = Vec::with_capacity(s.tokens.len());
                for i in 0..s.tokens.len() {
                    // Every token is learned from, also those tagging skips: the weights
                    // shared with them are steadier so (dev F1 0.920 when skipped, 0.927 not).
                    let prev = if i > 0 { tags[i - 1] } else { 0 };
                    clock += 1;
                    token_features(s, i, &tags, &ctx, &mut feats);
                    let mut scores = [0f32; N];
                    for f in &feats {
                        if let Some(w) = weights.get(f) {
                            for (s, x) in scores.iter_mut().zip(&w.w) {
                                *s += x;
                            }
                        }
                    }
                    let guess = best(&scores, prev);
                    let gold = gold_labels[i];
                    if guess != gold {
                        for f in &feats {
                            let w = weights.entry(*f).or_insert(Weight {
                                w: [0.0; N],
                                total: [0.0; N],
                                stamp: [0; N],
                            });
                            for (l, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                                w.total[l] += (clock - w.stamp[l]) as f32 * w.w[l];
                                w.stamp[l] = clock;
                                w.w[l] += delta;
                            }
                        }
                    }
                    // The history learns from the tagger's own guesses, as at tagging time.
                    if let Some(t) = label_type(guess) {
                        ctx.record(s.tokens[i].lower, t);
                    }
                    tags.push(guess);
                }
            }
        }
    }
    let map = weights
        .iter()
        .map(|(k, w)| {
            let mut avg = [0f32; N];
            for (l, a) in avg.iter_mut().enumerate() {
                let total = w.total[l] + (clock - w.stamp[l]) as f32 * w.w[l];
                *a = total / clock as f32;
            }
            (*k, avg)
        })
        .collect();
    Weights { map }
}
