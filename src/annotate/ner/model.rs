//! The recognizer's weights: the committed model, held as 16-bit weights ([`Frozen`]), and
//! the maps keyed by feature hashes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use anyhow::{bail, Result};

use super::features::{FirstPass, Sentence};
use super::tagging::{tag_stage, tag_stage_r2l, Skip, StaticCache};
use super::N;
use crate::annotate::gazetteer::Gazetteer;

/// The committed model, compiled in (empty before the first training).
const MODEL: &[u8] = include_bytes!("../../../models/ner.bin");
pub(crate) const MAGIC: &[u8; 8] = b"NDXNER5\n";

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

/// A map keyed by hashes, used as they are (features, and words in [`super::features`]).
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
