//! The statistical entity recognizer: an averaged perceptron that tags tokens left to right
//! (BIO tags for PER, ORG, LOC and MISC), reading the features of [`features`]. Trained by
//! [`train`] on CoNLL-2003 (see [`conll`]); the trained model is the committed file
//! `models/ner.bin`, compiled into the binary.

pub mod conll;
pub mod features;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use anyhow::{bail, Result};

use crate::annotate::gazetteer::Gazetteer;
use features::{dynamic_features, static_features, DocContext, Sentence};

/// The tags, in model order.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
const N: usize = LABELS.len();
/// The entity types, in the order of [`LABELS`].
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The committed model, compiled in (empty before the first training).
const MODEL: &[u8] = include_bytes!("../../../models/ner.bin");
const MAGIC: &[u8; 8] = b"NDXNER1\n";
/// Features whose weights are all smaller than this are left out of the saved model.
pub const PRUNE: f32 = 0.005;

/// Entity type (index into [`TYPES`]) of a label, if it is not O.
pub fn label_type(label: usize) -> Option<usize> {
    (label > 0).then(|| (label - 1) / 2)
}

fn is_inside(label: usize) -> bool {
    label > 0 && label % 2 == 0
}

/// Whether `label` may follow `prev` (I-X only after B-X or I-X).
fn allowed(prev: usize, label: usize) -> bool {
    !is_inside(label) || (prev != 0 && label_type(prev) == label_type(label))
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

type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// A trained model: weights per feature and label.
pub struct Model {
    weights: FeatureMap<[f32; N]>,
}

impl Model {
    /// The compiled-in model, or `None` when the project has not been trained yet.
    pub fn get() -> Option<&'static Model> {
        static M: OnceLock<Option<Model>> = OnceLock::new();
        M.get_or_init(|| Model::from_bytes(MODEL).ok()).as_ref()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            bail!("not a newsdex NER model");
        }
        let scale = f32::from_le_bytes(bytes[8..12].try_into()?);
        let n = u32::from_le_bytes(bytes[12..16].try_into()?) as usize;
        let row = 8 + 2 * N;
        if bytes.len() != 16 + n * row {
            bail!("NER model is truncated");
        }
        let mut weights = FeatureMap::with_capacity_and_hasher(n, Default::default());
        for chunk in bytes[16..].chunks_exact(row) {
            let key = u64::from_le_bytes(chunk[..8].try_into()?);
            let mut w = [0f32; N];
            for (l, wl) in w.iter_mut().enumerate() {
                *wl = i16::from_le_bytes([chunk[8 + 2 * l], chunk[9 + 2 * l]]) as f32 * scale;
            }
            weights.insert(key, w);
        }
        Ok(Model { weights })
    }

    /// Serialises the model, quantising weights to 16 bits and leaving out features whose
    /// weights are all below `prune` in magnitude.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<&u64> = self
            .weights
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune))
            .map(|(k, _)| k)
            .collect();
        keys.sort();
        let mut out = Vec::with_capacity(16 + keys.len() * (8 + 2 * N));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.weights[k] {
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn features(&self) -> usize {
        self.weights.len()
    }

    fn scores(&self, feats: &[u64]) -> [f32; N] {
        let mut s = [0f32; N];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for l in 0..N {
                    s[l] += w[l];
                }
            }
        }
        s
    }

    /// Tags a document given as sentences of words; returns a label index per word.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
        let gaz = Gazetteer::get();
        let mut doc = DocContext::new(sentences.iter().flatten().copied());
        let mut feats = Vec::with_capacity(64);
        sentences
            .iter()
            .map(|words| {
                let s = Sentence::new(words, gaz);
                let mut tags = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    feats.clear();
                    static_features(&s, i, &doc, &mut feats);
                    let prev = if i > 0 { tags[i - 1] } else { 0 };
                    let prev2 = if i > 1 { tags[i - 2] } else { 0 };
                    dynamic_features(
                        &s,
                        i,
                        prev_name(i, prev),
                        prev_name(i.wrapping_sub(1), prev2),
                        &doc,
                        &mut feats,
                    );
                    let label = best(&self.scores(&feats), prev);
                    if let Some(t) = label_type(label) {
                        doc.record(&s.tokens[i].lower, t);
                    }
                    tags.push(label);
                }
                tags
            })
            .collect()
    }
}

/// The name of the previous label for features, `<s>` before the sentence start.
fn prev_name(i: usize, label: usize) -> &'static str {
    if i == 0 || i == usize::MAX {
        "<s>"
    } else {
        LABELS[label]
    }
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

struct Weight {
    w: [f32; N],
    total: [f32; N],
    stamp: [u32; N],
}

/// Trains an averaged perceptron for `epochs` passes over `docs`, in an order shuffled by
/// `seed` each pass. `progress` is called after each pass with the pass number and the
/// model averaged so far.
pub fn train(
    docs: &[LabelledDoc],
    epochs: usize,
    seed: u64,
    mut progress: impl FnMut(usize, &Model),
) -> Model {
    let gaz = Gazetteer::get();
    let mut weights: FeatureMap<Weight> = FeatureMap::default();
    let mut clock: u32 = 0;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = seed.max(1);
    let mut feats = Vec::with_capacity(64);
    let mut model = Model {
        weights: FeatureMap::default(),
    };
    for epoch in 0..epochs {
        // Fisher-Yates with xorshift64*.
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let j = (rng.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &d in &order {
            let doc = &docs[d];
            let mut ctx =
                DocContext::new(doc.iter().flat_map(|s| s.words.iter().map(String::as_str)));
            for sent in doc {
                let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
                let s = Sentence::new(&words, gaz);
                let mut tags: Vec<usize> = Vec::with_capacity(words.len());
                for i in 0..words.len() {
                    clock += 1;
                    feats.clear();
                    static_features(&s, i, &ctx, &mut feats);
                    let prev = if i > 0 { tags[i - 1] } else { 0 };
                    let prev2 = if i > 1 { tags[i - 2] } else { 0 };
                    dynamic_features(
                        &s,
                        i,
                        prev_name(i, prev),
                        prev_name(i.wrapping_sub(1), prev2),
                        &ctx,
                        &mut feats,
                    );
                    let mut scores = [0f32; N];
                    for f in &feats {
                        if let Some(w) = weights.get(f) {
                            for l in 0..N {
                                scores[l] += w.w[l];
                            }
                        }
                    }
                    let guess = best(&scores, prev);
                    let gold = sent.labels[i];
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
                        ctx.record(&s.tokens[i].lower, t);
                    }
                    tags.push(guess);
                }
            }
        }
        model.weights = weights
            .iter()
            .map(|(k, w)| {
                let mut avg = [0f32; N];
                for l in 0..N {
                    let total = w.total[l] + (clock - w.stamp[l]) as f32 * w.w[l];
                    avg[l] = total / clock as f32;
                }
                (*k, avg)
            })
            .collect();
        progress(epoch + 1, &model);
    }
    model
}
