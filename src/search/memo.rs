//! A query whose matches are worked out once per search: the passage part of a text query
//! that requires a phrase, which a search runs twice (query expansion ranks it alone to read its
//! best passages, then the expanded query ranks them again).
//!
//! Ranked alone, a phrase is matched by reading the positions of its words in every passage
//! that holds them all: tantivy cannot skip any of that work to find only the best few. So
//! that ranking ([`Weight::for_each_pruning`]) keeps every match with its score, segment by
//! segment, and a later scorer of the same searcher replays them: the same passages with the
//! same scores, and the same cost estimate (an intersection orders its parts by it), for the
//! cost of reading a list. Until then a scorer is the phrase's own, which a filter may drive
//! to only the passages it allows (`--exact`, with no expansion). Queries of words alone are
//! left as they are: tantivy ranks their best few without scoring every match (block-max
//! WAND).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::query::{
    BooleanQuery, EmptyScorer, EnableScoring, Explanation, Occur, PhraseQuery, Query, Scorer,
    Weight,
};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// A segment's matches, in order, each with its score, and the matching scorer's estimates.
struct Matches {
    found: Vec<(DocId, Score)>,
    cost: u64,
    size_hint: u32,
}

/// The matches kept: by searcher generation, segment and the boost the scorer was asked for
/// (always 1 as newsdex nests the query, but a boost changes the scores).
type Cache = Arc<Mutex<HashMap<(u64, SegmentId, u32), Arc<Matches>>>>;

/// `inner`, keeping the scored matches of its first ranking alone for the later scorers of
/// the same searcher (clones share them), when it requires a phrase. Other queries are
/// returned as they are: without positions tantivy prunes them itself, and a phrase that is
/// only optional ("covid-19" unquoted) leaves, in a segment without it, words that tantivy
/// ranks alone by block-max WAND, summing their scores in another order than a scorer does.
pub fn around(inner: Box<dyn Query>) -> Box<dyn Query> {
    if !requires_positions(inner.as_ref()) {
        return inner;
    }
    Box::new(Memo {
        inner,
        cache: Cache::default(),
    })
}

/// Whether every match of a query is a match of a phrase: a phrase, or a boolean query that
/// requires one. In each segment its scorer is then neither a union nor an intersection of
/// words alone, and tantivy ranks it by walking that scorer, as a replay does.
fn requires_positions(query: &dyn Query) -> bool {
    if query.downcast_ref::<PhraseQuery>().is_some() {
        return true;
    }
    query.downcast_ref::<BooleanQuery>().is_some_and(|b| {
        b.clauses()
            .iter()
            .any(|(occur, q)| *occur == Occur::Must && requires_positions(q.as_ref()))
    })
}

/// See [`around`].
struct Memo {
    inner: Box<dyn Query>,
    cache: Cache,
}

impl Clone for Memo {
    fn clone(&self) -> Memo {
        Memo {
            inner: self.inner.box_clone(),
            cache: Arc::clone(&self.cache),
        }
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({:?})", self.inner)
    }
}

impl Query for Memo {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.inner.weight(enable_scoring)?;
        let Some(searcher) = enable_scoring
            .searcher()
            .filter(|_| enable_scoring.is_scoring_enabled())
        else {
            return Ok(inner);
        };
        Ok(Box::new(MemoWeight {
            inner,
            generation: searcher.generation().generation_id(),
            cache: Arc::clone(&self.cache),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct MemoWeight {
    inner: Box<dyn Weight>,
    /// The searcher's generation: scores hold for its statistics only. Generations are
    /// numbered within one reader, and a [`Store`](crate::index::Store) keeps one.
    generation: u64,
    cache: Cache,
}

impl MemoWeight {
    fn key(&self, reader: &SegmentReader, boost: Score) -> (u64, SegmentId, u32) {
        (self.generation, reader.segment_id(), boost.to_bits())
    }

    /// The segment's matches under `boost`, if kept.
    fn kept(&self, reader: &SegmentReader, boost: Score) -> Option<Arc<Matches>> {
        let cache = self.cache.lock().expect("memo lock");
        cache.get(&self.key(reader, boost)).cloned()
    }

    /// The segment's matches under `boost`: kept, or collected now and kept.
    fn matches(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Arc<Matches>> {
        if let Some(m) = self.kept(reader, boost) {
            return Ok(m);
        }
        let mut scorer = self.inner.scorer(reader, boost)?;
        let (cost, size_hint) = (scorer.cost(), scorer.size_hint());
        let mut found = Vec::new();
        while scorer.doc() != TERMINATED {
            found.push((scorer.doc(), scorer.score()));
            scorer.advance();
        }
        let m = Arc::new(Matches {
            found,
            cost,
            size_hint,
        });
        let mut cache = self.cache.lock().expect("memo lock");
        cache.insert(self.key(reader, boost), Arc::clone(&m));
        Ok(m)
    }
}

impl Weight for MemoWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        match self.kept(reader, boost) {
            Some(matches) => Ok(replay(matches)),
            None => self.inner.scorer(reader, boost),
        }
    }

    fn scorer_danger(
        &self,
        reader: &SegmentReader,
        target: DocId,
        boost: Score,
    ) -> tantivy::Result<(tantivy::SeekDangerResult, Box<dyn Scorer>)> {
        let Some(matches) = self.kept(reader, boost) else {
            return self.inner.scorer_danger(reader, target, boost);
        };
        let mut scorer = replay(matches);
        let result = match scorer.doc().cmp(&target) {
            std::cmp::Ordering::Less => scorer.seek_danger(target),
            std::cmp::Ordering::Equal => tantivy::SeekDangerResult::Found,
            std::cmp::Ordering::Greater => tantivy::SeekDangerResult::SeekLowerBound(scorer.doc()),
        };
        Ok((result, scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        self.inner.for_each(reader, callback)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.inner.for_each_no_score(reader, callback)
    }

    /// The ranking of the query alone: tantivy would score every match of its scorer (see
    /// [`requires_positions`]), so all are kept, then offered as its loop over a scorer
    /// offers them.
    fn for_each_pruning(
        &self,
        mut threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        for &(doc, score) in &self.matches(reader, 1.0)?.found {
            if score > threshold {
                threshold = callback(doc, score);
            }
        }
        Ok(())
    }
}

/// A scorer of kept matches: none is the empty scorer, which boolean queries pass over.
fn replay(matches: Arc<Matches>) -> Box<dyn Scorer> {
    if matches.found.is_empty() {
        return Box::new(EmptyScorer);
    }
    Box::new(Replay { matches, at: 0 })
}

/// Kept matches, read in order.
struct Replay {
    matches: Arc<Matches>,
    at: usize,
}

impl DocSet for Replay {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.matches.found.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.matches.found[self.at..];
        self.at += rest.partition_point(|(doc, _)| *doc < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.matches
            .found
            .get(self.at)
            .map_or(TERMINATED, |(doc, _)| *doc)
    }

    /// The phrase scorer's own estimate, as the query without the memo would give.
    fn size_hint(&self) -> u32 {
        self.matches.size_hint
    }

    /// Likewise.
    fn cost(&self) -> u64 {
        self.matches.cost
    }
}

impl Scorer for Replay {
    fn score(&mut self) -> Score {
        self.matches
            .found
            .get(self.at)
            .map_or(0.0, |(_, score)| *score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, PhraseQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, DocAddress, Index, Searcher};

    fn ranked(searcher: &Searcher, q: &dyn Query) -> tantivy::Result<Vec<(Score, DocAddress)>> {
        searcher.search(q, &TopDocs::with_limit(10).order_by_score())
    }

    /// How many segments' matches the memo keeps.
    fn kept(memo: &dyn Query) -> Option<usize> {
        let memo = memo.downcast_ref::<Memo>()?;
        Some(memo.cache.lock().unwrap().len())
    }

    #[test]
    fn a_phrase_ranked_alone_is_replayed_with_the_same_scores_and_words_alone_are_left(
    ) -> tantivy::Result<()> {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        // Two segments, and a deleted passage that matches.
        for batch in [
            &[
                "north korea sent troops to the border",
                "korea north",
                "north korea and north korea again troops border",
            ][..],
            &[
                "south korea troops",
                "troops in north korea at the border",
                "the north of korea",
                "north korea deleted troops",
            ][..],
        ] {
            for t in batch {
                writer.add_document(doc!(text => *t))?;
            }
            writer.commit()?;
        }
        writer.delete_term(Term::from_field_text(text, "deleted"));
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let term = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(text, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        let phrase = || -> Box<dyn Query> {
            Box::new(PhraseQuery::new(vec![
                Term::from_field_text(text, "north"),
                Term::from_field_text(text, "korea"),
            ]))
        };
        // The phrase among other clauses: optional words, and intersections of two and three.
        let within = |p: Box<dyn Query>| -> Vec<BooleanQuery> {
            vec![
                BooleanQuery::new(vec![
                    (Occur::Must, p.box_clone()),
                    (Occur::Should, term("troops")),
                ]),
                BooleanQuery::new(vec![
                    (Occur::Must, p.box_clone()),
                    (Occur::Must, term("troops")),
                ]),
                BooleanQuery::new(vec![
                    (Occur::Must, p),
                    (Occur::Must, term("troops")),
                    (Occur::Must, term("border")),
                ]),
            ]
        };

        let memo = around(phrase());
        // Before the phrase is ranked alone, a scorer is the phrase's own.
        for q in within(memo.box_clone()) {
            ranked(&searcher, &q)?;
        }
        assert_eq!(kept(memo.as_ref()), Some(0));
        let expected = ranked(&searcher, phrase().as_ref())?;
        assert_eq!(expected.len(), 3);
        assert_eq!(ranked(&searcher, memo.as_ref())?, expected);
        assert_eq!(kept(memo.as_ref()), Some(2));
        // Replayed: the same passages, scores and order, seeking as intersections do.
        for (with_memo, without) in within(memo.box_clone()).iter().zip(within(phrase())) {
            assert_eq!(ranked(&searcher, with_memo)?, ranked(&searcher, &without)?);
        }
        assert_eq!(kept(memo.as_ref()), Some(2));

        // Words alone, and a phrase that is only optional, are left as they are.
        assert!(around(term("troops")).downcast_ref::<TermQuery>().is_some());
        let optional = BooleanQuery::new(vec![
            (Occur::Should, phrase()),
            (Occur::Should, term("troops")),
        ]);
        assert!(around(Box::new(optional)).downcast_ref::<Memo>().is_none());
        let required = BooleanQuery::new(vec![
            (Occur::Must, phrase()),
            (Occur::Should, term("troops")),
        ]);
        assert!(around(Box::new(required)).downcast_ref::<Memo>().is_some());
        Ok(())
    }
}
