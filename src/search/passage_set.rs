//! A fixed set of passages as a query: per segment, a bitset of its documents, scored by the
//! terms that put them there. Entity filters narrowing a text query use it for the passages
//! of the articles that name an entity ([`super::entity`]): a bitset seeks in constant time,
//! so a text query that the filter narrows pays only for its own candidates, and only the
//! candidates have their terms read for a score.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::query::{
    BitSetDocSet, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError, TERMINATED};

/// Passages given by segment and document; a passage that one of `scored_by` matches scores
/// as a union of those queries would, the others the boost alone.
#[derive(Clone, Debug, Default)]
pub struct PassageSet {
    segments: Arc<HashMap<SegmentId, SegmentSet>>,
    scored_by: Vec<Arc<dyn Query>>,
}

/// One segment's passages of a [`PassageSet`].
#[derive(Debug)]
pub struct SegmentSet {
    pub docs: BitSet,
    /// How many of them no scoring query matches: with the scoring queries' own costs, the
    /// cost of the union the set stands for, which orders an intersection's clauses (and so
    /// the order in which their scores are added).
    pub unscored: u64,
}

impl PassageSet {
    /// The set of `segments`, scored by `scored_by`.
    pub fn new(
        segments: HashMap<SegmentId, SegmentSet>,
        scored_by: Vec<Box<dyn Query>>,
    ) -> PassageSet {
        PassageSet {
            segments: Arc::new(segments),
            scored_by: scored_by.into_iter().map(Arc::from).collect(),
        }
    }
}

impl Query for PassageSet {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // Without scores, the scoring queries need not be read at all.
        let scored_by = match scoring.is_scoring_enabled() {
            true => &self.scored_by[..],
            false => &[],
        };
        Ok(Box::new(SetWeight {
            segments: self.segments.clone(),
            scored_by: scored_by
                .iter()
                .map(|q| q.weight(scoring))
                .collect::<tantivy::Result<_>>()?,
        }))
    }
}

struct SetWeight {
    segments: Arc<HashMap<SegmentId, SegmentSet>>,
    scored_by: Vec<Box<dyn Weight>>,
}

impl Weight for SetWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let Some(set) = self
            .segments
            .get(&reader.segment_id())
            .filter(|set| set.docs.len() > 0)
        else {
            return Ok(Box::new(EmptyScorer));
        };
        let scored_by: Vec<Box<dyn Scorer>> = self
            .scored_by
            .iter()
            .map(|w| w.scorer(reader, boost))
            .collect::<tantivy::Result<_>>()?;
        let cost = match scored_by.is_empty() {
            true => set.docs.len() as u64,
            false => scored_by.iter().map(|s| s.cost()).sum::<u64>() + set.unscored,
        };
        Ok(Box::new(SetScorer {
            docs: BitSetDocSet::from(set.docs.clone()),
            scored_by,
            boost,
            cost,
        }))
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

/// The passages of one segment, in order, with the scorers of the queries that score them.
struct SetScorer {
    docs: BitSetDocSet,
    scored_by: Vec<Box<dyn Scorer>>,
    boost: Score,
    cost: u64,
}

impl DocSet for SetScorer {
    fn advance(&mut self) -> DocId {
        self.docs.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.docs.seek(target)
    }

    fn doc(&self) -> DocId {
        self.docs.doc()
    }

    fn size_hint(&self) -> u32 {
        self.docs.size_hint()
    }

    fn cost(&self) -> u64 {
        self.cost
    }
}

impl Scorer for SetScorer {
    /// The sum of the scores of the queries that match the passage, in their order (as a
    /// union adds them, from 0), or the boost alone where none does.
    fn score(&mut self) -> Score {
        let doc = self.docs.doc();
        if doc == TERMINATED {
            return self.boost;
        }
        let mut sum: Option<Score> = None;
        for scorer in &mut self.scored_by {
            if scorer.doc() < doc {
                scorer.seek(doc);
            }
            if scorer.doc() == doc {
                sum = Some(sum.unwrap_or(0.0) + scorer.score());
            }
        }
        sum.unwrap_or(self.boost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, STRING};
    use tantivy::{doc, Index, Term};

    #[test]
    fn a_set_scores_its_passages_as_a_union_of_its_terms_and_the_rest_one() -> tantivy::Result<()> {
        let mut schema = Schema::builder();
        let tag = schema.add_text_field("tag", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for tags in [
            &["a"][..],
            &["b"],
            &["a", "b"],
            &[],
            &["a", "a", "c"],
            &["c"],
        ] {
            let mut d = doc!();
            for t in tags {
                d.add_text(tag, t);
            }
            writer.add_document(d)?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let term = |t: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(tag, t),
                IndexRecordOption::Basic,
            ))
        };
        let segment = searcher.segment_reader(0);
        // Every document but the fourth (no tag) and the last.
        let mut docs = BitSet::with_max_value(segment.max_doc());
        for d in [0, 1, 2, 4] {
            docs.insert(d);
        }
        let set = PassageSet::new(
            HashMap::from([(segment.segment_id(), SegmentSet { docs, unscored: 0 })]),
            vec![term("a"), term("b")],
        );
        let union = BooleanQuery::new(vec![(Occur::Should, term("a")), (Occur::Should, term("b"))]);
        let scores = |q: &dyn Query| -> tantivy::Result<Vec<(DocId, Score)>> {
            let mut hits: Vec<(DocId, Score)> = searcher
                .search(q, &TopDocs::with_limit(10).order_by_score())?
                .into_iter()
                .map(|(score, address)| (address.doc_id, score))
                .collect();
            hits.sort_by_key(|&(doc, _)| doc);
            Ok(hits)
        };
        let of_union = scores(&union)?;
        let docs_of_union: Vec<DocId> = of_union.iter().map(|&(doc, _)| doc).collect();
        assert_eq!(
            docs_of_union,
            [0, 1, 2, 4],
            "the documents that hold a or b"
        );
        assert_eq!(scores(&set)?, of_union);
        // The set's own passages with none of its terms score 1, and a boost multiplies
        // every score, as it would the union's.
        let mut mixed = BitSet::with_max_value(segment.max_doc());
        mixed.insert(2);
        mixed.insert(3);
        let mixed = PassageSet::new(
            HashMap::from([(
                segment.segment_id(),
                SegmentSet {
                    docs: mixed,
                    unscored: 1,
                },
            )]),
            vec![term("a"), term("b")],
        );
        assert_eq!(scores(&mixed)?, vec![(2, of_union[2].1), (3, 1.0)]);
        let boosted_union = BoostQuery::new(Box::new(union.clone()), 2.0);
        let boosted = BoostQuery::new(Box::new(mixed), 2.0);
        assert_eq!(
            scores(&boosted)?,
            vec![(2, scores(&boosted_union)?[2].1), (3, 2.0)]
        );
        Ok(())
    }
}
