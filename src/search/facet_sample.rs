//! The sample of articles that estimated facets count ([`super::facets::SAMPLE_ABOVE`]):
//! which matching passages of a segment are in it, and their article.
//!
//! An article is in the sample of one in `n` when the block of [`BLOCK`] passages where it
//! starts is ([`sampled`]: a fixed spread of the blocks, the same for the same index). The
//! writer adds an article's passages next to each other, so the article of a passage in a
//! block out of the sample need not be read, save at the start of the block, where an
//! article from an earlier block may go on. Deciding by article id instead would read the
//! id of every matching passage, most of a large count's time. A block none of whose
//! passages can be in the sample is not walked at all: the matches seek past it.

use tantivy::columnar::StrColumn;
use tantivy::{DocId, DocSet, TERMINATED};

/// Passages per block of the sample: a few articles (news articles run to a few passages to
/// a few dozen), so that the sample spreads over the corpus, and enough that few articles
/// straddle two blocks.
pub const BLOCK: DocId = 64;

/// Walks the matching passages of one segment, in increasing order, and tells which are in
/// the sample.
pub struct Sample<F: Fn(DocId) -> u32> {
    /// A passage's article: its id's ordinal in the segment plus one, 0 for none.
    article: F,
    /// One block in `every` is in the sample (and so about one article in `every`); 1 for
    /// every article.
    every: u32,
    /// The block the last passage was in.
    block: Option<DocId>,
    /// Whether the articles starting in that block are in the sample.
    block_sampled: bool,
    /// The article that goes on into the block from before it, and whether it is in the
    /// sample, until a passage of another article is seen in the block.
    carried: Option<(u32, bool)>,
    /// The last article found going on into a block, and whether it is in the sample: an
    /// article over many blocks is looked back on once.
    last_carried: (u32, bool),
}

/// The sample of a segment whose passages' article ids are `ids`.
pub fn of_ids(ids: Option<&StrColumn>, every: u32) -> Sample<impl Fn(DocId) -> u32 + '_> {
    Sample::new(
        move |doc| {
            ids.and_then(|c| c.term_ords(doc).next())
                .map_or(0, |ord| ord as u32 + 1)
        },
        every,
    )
}

impl<F: Fn(DocId) -> u32> Sample<F> {
    pub fn new(article: F, every: u32) -> Sample<F> {
        Sample {
            article,
            every,
            block: None,
            block_sampled: false,
            carried: None,
            last_carried: (0, false),
        }
    }

    /// The article of `doc` (its id's ordinal plus one; 0 for a passage without one) when
    /// the passage is in the sample. Passages must come in increasing order.
    pub fn article_if_sampled(&mut self, doc: DocId) -> Option<u32> {
        if !self.may_hold_sample(doc / BLOCK) {
            // Whichever article it is, it is out of the sample: no need to read it.
            return None;
        }
        self.article_in_block(doc)
    }

    /// [`Sample::article_if_sampled`] for a passage of a block already started that may hold
    /// some of the sample.
    fn article_in_block(&mut self, doc: DocId) -> Option<u32> {
        let article = (self.article)(doc);
        if self.every <= 1 {
            return Some(article);
        }
        if let Some((carried, in_sample)) = self.carried {
            if article == carried {
                return in_sample.then_some(article);
            }
            // The carried article has ended: the rest of the block started in it.
            self.carried = None;
        }
        (self.block_sampled && article != 0).then_some(article)
    }

    /// Calls `add` with each passage of `matches` (a segment's, of `max_doc` passages, in
    /// increasing order) that is in the sample, and its article. A block none of whose
    /// passages can be in the sample is passed over by seeking past it, not walked.
    pub fn walk(
        &mut self,
        matches: &mut impl DocSet,
        max_doc: DocId,
        mut add: impl FnMut(DocId, u32),
    ) {
        let mut doc = matches.doc();
        while doc != TERMINATED {
            let block = doc / BLOCK;
            if !self.may_hold_sample(block) {
                let next = (block + 1).saturating_mul(BLOCK);
                doc = if next < max_doc {
                    matches.seek(next)
                } else {
                    TERMINATED
                };
                continue;
            }
            if let Some(article) = self.article_in_block(doc) {
                add(doc, article);
            }
            doc = matches.advance();
        }
    }

    /// Starts `block` if it is new; whether some of its passages may be in the sample (the
    /// block is, or the article carried into it is).
    fn may_hold_sample(&mut self, block: DocId) -> bool {
        if self.every <= 1 {
            return true;
        }
        if self.block != Some(block) {
            self.enter(block);
        }
        self.block_sampled || matches!(self.carried, Some((_, true)))
    }

    /// Starts a block: whether it is in the sample, and the article carried into it.
    fn enter(&mut self, block: DocId) {
        self.block = Some(block);
        self.block_sampled = sampled(block, self.every);
        if block == 0 {
            self.carried = None;
            return;
        }
        let carried = (self.article)(block * BLOCK - 1);
        if carried != self.last_carried.0 {
            let in_sample = carried != 0 && self.started_in_sample(block, carried);
            self.last_carried = (carried, in_sample);
        }
        self.carried = Some(self.last_carried);
    }

    /// Whether `article`, which holds the last passage before `block`, started in a block of
    /// the sample (looking back block by block while the article goes on).
    fn started_in_sample(&self, block: DocId, article: u32) -> bool {
        let mut start = block - 1;
        while start > 0 && (self.article)(start * BLOCK - 1) == article {
            start -= 1;
        }
        sampled(start, self.every)
    }
}

/// Whether a block (by its number) is in the sample of one in `every`: a fixed spread of
/// the numbers, so that neighbouring blocks do not go together.
pub fn sampled(block: DocId, every: u32) -> bool {
    let spread = u64::from(block + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
    spread % u64::from(every) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_holds_one_block_in_n_spread_out() {
        for every in [2u32, 6, 11] {
            let kept: Vec<u32> = (0..60_000).filter(|&a| sampled(a, every)).collect();
            let expected = 60_000 / every as usize;
            assert!(
                kept.len().abs_diff(expected) < expected / 20,
                "1 in {every}: {} of 60,000",
                kept.len()
            );
            // Not runs of neighbours: no ten blocks in a row are all in or all out.
            let longest_gap = kept.windows(2).map(|w| w[1] - w[0]).max().unwrap();
            assert!(longest_gap < 10 * every, "1 in {every}: gap {longest_gap}");
        }
        assert!((0..1000).all(|a| sampled(a, 1)));
    }

    /// Articles of 1 to 200 passages (a few without an id), and matches among them.
    fn corpus() -> (Vec<u32>, Vec<DocId>) {
        let (mut articles, mut next) = (Vec::new(), 1u32);
        let mut state = 7u64;
        let mut random = |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        while articles.len() < 300_000 {
            let len = if random(20) == 0 {
                64 + random(140)
            } else {
                1 + random(30)
            };
            let id = if random(50) == 0 { 0 } else { next };
            next += 1;
            articles.extend(std::iter::repeat_n(id, len as usize));
        }
        // Dense stretches, sparse ones (a filter's matches), and long ones with none.
        let matches = (0..articles.len() as DocId)
            .filter(|&doc| match (doc / 5_000) % 3 {
                0 => random(3) > 0,
                1 => random(200) == 0,
                _ => false,
            })
            .collect();
        (articles, matches)
    }

    #[test]
    fn an_article_is_in_the_sample_when_the_block_it_starts_in_is() {
        let (articles, matches) = corpus();
        let start_block = |doc: DocId| {
            let a = articles[doc as usize];
            let mut d = doc as usize;
            while d > 0 && articles[d - 1] == a {
                d -= 1;
            }
            d as DocId / BLOCK
        };
        for every in [1u32, 2, 6] {
            let mut sample = Sample::new(|doc: DocId| articles[doc as usize], every);
            let mut kept = 0;
            for &doc in &matches {
                let a = articles[doc as usize];
                let expected =
                    (every == 1 || (a != 0 && sampled(start_block(doc), every))).then_some(a);
                assert_eq!(
                    sample.article_if_sampled(doc),
                    expected,
                    "doc {doc}, 1 in {every}"
                );
                kept += usize::from(expected.is_some());
            }
            let share = kept as f64 / matches.len() as f64;
            assert!(
                (share * every as f64 - 1.0).abs() < 0.2,
                "1 in {every}: {share}"
            );
        }
    }

    /// The walk finds what the passage-by-passage answer says, seeking past the blocks out
    /// of the sample rather than stepping through their matches.
    #[test]
    fn the_walk_keeps_the_sampled_matches_and_skips_the_rest() {
        use tantivy::query::BitSetDocSet;
        use tantivy::BitSet;
        /// Matches that count the steps taken through them.
        struct Counted(BitSetDocSet, usize);
        impl DocSet for Counted {
            fn advance(&mut self) -> DocId {
                self.1 += 1;
                self.0.advance()
            }
            fn seek(&mut self, target: DocId) -> DocId {
                self.0.seek(target)
            }
            fn doc(&self) -> DocId {
                self.0.doc()
            }
            fn size_hint(&self) -> u32 {
                self.0.size_hint()
            }
        }
        let (articles, matches) = corpus();
        let max_doc = articles.len() as DocId;
        for every in [1u32, 2, 6] {
            let mut one_by_one = Sample::new(|doc: DocId| articles[doc as usize], every);
            let expected: Vec<(DocId, u32)> = matches
                .iter()
                .filter_map(|&doc| Some((doc, one_by_one.article_if_sampled(doc)?)))
                .collect();
            let mut set = BitSet::with_max_value(max_doc);
            for &doc in &matches {
                set.insert(doc);
            }
            let mut docs = Counted(BitSetDocSet::from(set), 0);
            let mut walked = Vec::new();
            let mut sample = Sample::new(|doc: DocId| articles[doc as usize], every);
            sample.walk(&mut docs, max_doc, |doc, a| walked.push((doc, a)));
            assert_eq!(walked, expected, "1 in {every}");
            // Every match is stepped through when all are in the sample; with one block in
            // six, far fewer.
            let steps = docs.1 as f64 / matches.len() as f64;
            match every {
                1 => assert!(steps > 0.99, "{steps}"),
                6 => assert!(steps < 0.4, "{steps}"),
                _ => {}
            }
        }
    }
}
