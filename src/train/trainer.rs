//! The trainer of the entity recognizer (see [`crate::annotate::ner`]): averaged
//! perceptrons for both stages, the second stage on first-stage tags made by models that did
//! not see the document (five folds), several seeds averaged, and the writer of the model
//! file that [`crate::annotate::ner::Model::from_bytes`] reads.

use crate::annotate::gazetteer::Gazetteer;
use crate::annotate::ner::features::{
    dynamic_features, stage2_features, static_features, DocContext, FirstPass, Sentence,
};
use crate::annotate::ner::{
    best, label_type, reverse_labels, tag_stage, tag_stage_r2l, FeatureMap, Scorer, Skip,
    StaticCache, MAGIC, N,
};

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

/// A model fresh from [`train`], with full-precision weights, to be saved.
pub struct Trained {
    stage1: Weights,
    stage1_r2l: Weights,
    stage2: Weights,
}

impl Trained {
    /// Serialises the model (see `Weights::write`); [`crate::annotate::ner::Model::from_bytes`] reads it.
    pub fn to_bytes(&self, prune: f32) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.stage1.write(prune, &mut out);
        self.stage1_r2l.write(prune, &mut out);
        self.stage2.write(prune, &mut out);
        out
    }
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
    /// How much each of its mistakes moves the weights.
    weight: f32,
}

impl TrainDoc {
    fn new(doc: &LabelledDoc, weight: f32, gaz: &Gazetteer) -> TrainDoc {
        TrainDoc {
            weight,
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
            weight: self.weight,
        }
    }
}

/// Folds of the training data used to make the second stage's training input.
const FOLDS: usize = 5;

/// Trains both stages, once per seed, and averages the weights of the runs (a bagged
/// model: steadier than any one shuffle). The training documents are `docs`, each mistake
/// on them weighing `weight`, and then `extra`, weighing 1. The first stage is trained on
/// all of them; the second on all of them with first-stage tags from models trained on the
/// other folds. Runs in parallel on all cores; the result depends only on the arguments.
pub fn train(
    docs: &[LabelledDoc],
    extra: &[LabelledDoc],
    weight: f32,
    epochs: usize,
    seeds: &[u64],
) -> Trained {
    use rayon::prelude::*;
    let gaz = Gazetteer::get();
    let docs: Vec<TrainDoc> = docs
        .par_iter()
        .map(|d| TrainDoc::new(d, weight, gaz))
        .chain(extra.par_iter().map(|d| TrainDoc::new(d, 1.0, gaz)))
        .collect();
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
                        first_r2l[d] = tag_stage_r2l(w, sentences, Skip::LowerCase);
                    } else {
                        first[d] = tag_stage(
                            w,
                            sentences,
                            None,
                            &mut StaticCache::default(),
                            Skip::LowerCase,
                        );
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
                            for (l, delta) in [(gold, doc.weight), (guess, -doc.weight)] {
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

/// All the features of token `i`, given the tags of the tokens before it.
fn token_features(s: &Sentence, i: usize, tags: &[usize], doc: &DocContext, feats: &mut Vec<u64>) {
    feats.clear();
    static_features(s, i, doc, feats);
    dynamic_features(s, i, tags, doc, feats);
    stage2_features(s, i, doc, feats);
}
