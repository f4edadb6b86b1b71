//! A fixed set of passages as a query: per segment, a bitset of its documents. Entity filters
//! use it for the passages of the articles that name an entity without the recognizer having
//! tagged it there ([`super::entity`]); a bitset seeks in constant time, so a text query that
//! the filter narrows pays only for its own candidates.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::query::{
    BitSetDocSet, ConstScorer, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError};

/// Passages given by segment and document.
#[derive(Clone, Debug, Default)]
pub struct PassageSet {
    docs: Arc<HashMap<SegmentId, BitSet>>,
}

impl PassageSet {
    /// The set of `docs` in each segment.
    pub fn new(docs: HashMap<SegmentId, BitSet>) -> PassageSet {
        PassageSet {
            docs: Arc::new(docs),
        }
    }
}

impl Query for PassageSet {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for PassageSet {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.docs.get(&reader.segment_id()) {
            Some(docs) => Box::new(ConstScorer::new(BitSetDocSet::from(docs.clone()), boost)),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} is not in the passage set"
            )));
        }
        Ok(Explanation::new("PassageSet", scorer.score()))
    }
}
