//! A query whose matches are worked out once per search: the passage part of a text query
//! that holds a phrase, which a search runs twice (query expansion reads its best passages,
//! then the expanded query ranks them again).
//!
//! A phrase is matched by reading the positions of its words in every passage that holds
//! them all, and tantivy cannot skip any of that work to find only the best few. So the
//! first scorer asked for a segment collects every match with its score, and the later ones
//! replay them: the same passages with the same scores (the same weights of the same
//! searcher), for the cost of reading a list. Queries of words alone are left as they are:
//! tantivy ranks their best few without scoring every match (block-max WAND).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// A segment's matches, in order, each with its score.
type Matches = Arc<[(DocId, Score)]>;

/// The matches worked out so far: by segment and by the boost the scorer was asked for.
type Cache = Arc<Mutex<HashMap<(SegmentId, u32), Matches>>>;

/// `inner`, with its scored matches kept for the next search that runs it (clones share
/// them). Queries that need no positions are returned as they are.
pub fn around(inner: Box<dyn Query>) -> Box<dyn Query> {
    if !needs_positions(inner.as_ref()) {
        return inner;
    }
    Box::new(Memo {
        inner,
        cache: Cache::default(),
    })
}

/// Whether a query reads positions (holds a phrase).
fn needs_positions(query: &dyn Query) -> bool {
    let mut positions = false;
    query.query_terms(&mut |_, p| positions |= p);
    positions
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
        if !enable_scoring.is_scoring_enabled() {
            return Ok(inner);
        }
        Ok(Box::new(MemoWeight {
            inner,
            cache: Arc::clone(&self.cache),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct MemoWeight {
    inner: Box<dyn Weight>,
    cache: Cache,
}

impl MemoWeight {
    /// The segment's matches under `boost`: kept, or collected now.
    fn matches(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Matches> {
        let key = (reader.segment_id(), boost.to_bits());
        if let Some(m) = self.cache.lock().expect("memo lock").get(&key) {
            return Ok(Arc::clone(m));
        }
        let mut scorer = self.inner.scorer(reader, boost)?;
        let mut found = Vec::new();
        while scorer.doc() != TERMINATED {
            found.push((scorer.doc(), scorer.score()));
            scorer.advance();
        }
        let found: Matches = found.into();
        self.cache
            .lock()
            .expect("memo lock")
            .insert(key, Arc::clone(&found));
        Ok(found)
    }
}

impl Weight for MemoWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(Replay {
            matches: self.matches(reader, boost)?,
            at: 0,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

/// Kept matches, read in order.
struct Replay {
    matches: Matches,
    at: usize,
}

impl DocSet for Replay {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.matches.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.matches[self.at..];
        self.at += rest.partition_point(|(doc, _)| *doc < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.matches
            .get(self.at)
            .map_or(TERMINATED, |(doc, _)| *doc)
    }

    fn size_hint(&self) -> u32 {
        (self.matches.len() - self.at) as u32
    }
}

impl Scorer for Replay {
    fn score(&mut self) -> Score {
        self.matches.get(self.at).map_or(0.0, |(_, score)| *score)
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

    #[test]
    fn a_phrase_matched_once_ranks_as_before_and_words_alone_are_left_as_they_are(
    ) -> tantivy::Result<()> {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for t in [
            "north korea sent troops",
            "korea north",
            "north korea and north korea again",
            "south korea troops",
            "troops in north korea",
            "the north of korea",
        ] {
            writer.add_document(doc!(text => t))?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let term = |w: &str| Term::from_field_text(text, w);
        let phrase = PhraseQuery::new(vec![term("north"), term("korea")]);
        let troops = || -> Box<dyn Query> {
            Box::new(TermQuery::new(term("troops"), IndexRecordOption::WithFreqs))
        };
        let with_troops = |p: Box<dyn Query>| {
            BooleanQuery::new(vec![(Occur::Must, p), (Occur::Should, troops())])
        };
        let required_troops =
            |p: Box<dyn Query>| BooleanQuery::new(vec![(Occur::Must, p), (Occur::Must, troops())]);

        let memo = around(Box::new(phrase.clone()));
        let kept = |m: &dyn Query| {
            m.downcast_ref::<Memo>()
                .map(|m| m.cache.lock().unwrap().len())
        };
        assert_eq!(kept(memo.as_ref()), Some(0));
        let expected = ranked(&searcher, &phrase)?;
        assert_eq!(expected.len(), 3);
        assert_eq!(ranked(&searcher, memo.as_ref())?, expected);
        assert_eq!(kept(memo.as_ref()), Some(1));
        // Replayed inside other queries, seeking as an intersection does.
        assert_eq!(
            ranked(&searcher, &with_troops(memo.box_clone()))?,
            ranked(&searcher, &with_troops(Box::new(phrase.clone())))?
        );
        assert_eq!(
            ranked(&searcher, &required_troops(memo.box_clone()))?,
            ranked(&searcher, &required_troops(Box::new(phrase.clone())))?
        );
        assert_eq!(kept(memo.as_ref()), Some(1));

        let word = around(troops());
        assert!(word.downcast_ref::<TermQuery>().is_some());
        Ok(())
    }
}
