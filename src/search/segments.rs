//! A search's segments read side by side: each on a thread of rayon's pool (the one the facet
//! counts use), so that a search over several segments takes about as long as its largest
//! share of them rather than all of them in turn. tantivy's own [`Searcher::search`] reads
//! them one after another unless the index is given threads of its own.
//!
//! Handing segments to threads and waiting for them costs a little, and starting the threads
//! (a process's first use of the pool) costs more, so segments are read side by side only
//! when the work is estimated to be worth it ([`cost`], [`WARM_ABOVE`], [`COLD_ABOVE`]). An
//! index of one segment is always read on the calling thread.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::{Searcher, SegmentReader};

/// The estimated matches ([`cost`]) above which segments are read side by side once the
/// pool's threads run: handing them over costs tens of microseconds.
pub const WARM_ABOVE: u64 = 5_000;
/// The same before the threads run. Starting them made a process searching the 1M-passage
/// index for "xinhua" about 1 ms slower (1,884 matches estimated), left "oil" (37,128) as
/// fast as before, and made the phrase "interest rates" (44,565) 3-6 ms faster (README,
/// *Performance*).
pub const COLD_ABOVE: u64 = 30_000;

/// Whether this process has read segments side by side, so that the pool's threads run.
static STARTED: AtomicBool = AtomicBool::new(false);

/// `f` of each segment of `searcher` (with its ordinal), in the segments' order; side by
/// side when the work is estimated at more than `cost` matches' worth (see above).
pub fn map<T, E, F>(searcher: &Searcher, cost: u64, f: F) -> Result<Vec<T>, E>
where
    T: Send,
    E: Send,
    F: Fn(u32, &SegmentReader) -> Result<T, E> + Sync,
{
    let segments = searcher.segment_readers();
    let started = STARTED.load(Ordering::Relaxed);
    let parallel = side_by_side(segments.len(), cost, started);
    if parallel && !started {
        STARTED.store(true, Ordering::Relaxed);
    }
    each(segments, parallel, f)
}

/// Whether `segments` segments of work estimated at `cost` matches are read side by side,
/// the pool's threads `started` or not.
fn side_by_side(segments: usize, cost: u64, started: bool) -> bool {
    let above = if started { WARM_ABOVE } else { COLD_ABOVE };
    segments > 1 && cost > above
}

/// `f` of each of `segments`, in order, in `parallel` or not.
fn each<T, E, F>(segments: &[SegmentReader], parallel: bool, f: F) -> Result<Vec<T>, E>
where
    T: Send,
    E: Send,
    F: Fn(u32, &SegmentReader) -> Result<T, E> + Sync,
{
    let f = |(ord, segment): (usize, &SegmentReader)| f(ord as u32, segment);
    match parallel {
        true => segments.par_iter().enumerate().map(f).collect(),
        false => segments.iter().enumerate().map(f).collect(),
    }
}

/// How many matches `weight` is estimated to visit in the whole index: its scorer's own
/// estimate ([`tantivy::DocSet::cost`]) in the largest segment, scaled to all of them. (A
/// union of words leaves out those whose passages all lie in the first 4,096 of the
/// segment, which it has read on being made: in a large segment, few.)
pub fn cost(searcher: &Searcher, weight: &dyn Weight) -> tantivy::Result<u64> {
    let segments = searcher.segment_readers();
    let Some(largest) = segments.iter().max_by_key(|s| s.max_doc()) else {
        return Ok(0);
    };
    let here = weight.scorer(largest, 1.0)?.cost();
    let all: u64 = segments.iter().map(|s| u64::from(s.max_doc())).sum();
    Ok(here.saturating_mul(all) / u64::from(largest.max_doc()).max(1))
}

/// What [`Searcher::search`] gives, the segments collected by [`map`]: the same fruits,
/// merged in the same order.
pub fn search<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    let weight = weight(searcher, query, collector)?;
    let cost = cost(searcher, weight.as_ref())?;
    let fruits = map(searcher, cost, |ord, segment| {
        collector.collect_segment(weight.as_ref(), ord, segment)
    })?;
    collector.merge_fruits(fruits)
}

/// The weight of `query` for `collector`, scored if it needs scores, as tantivy's searcher
/// makes it.
fn weight<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<Box<dyn Weight>> {
    collector.check_schema(searcher.schema())?;
    query.weight(match collector.requires_scoring() {
        true => EnableScoring::enabled_from_searcher(searcher),
        false => EnableScoring::disabled_from_searcher(searcher),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    /// An index of three segments of 40 passages, with the same words in each.
    fn three_segments() -> tantivy::Result<(Index, tantivy::schema::Field)> {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for segment in 0..3 {
            for i in 0..40 {
                let word = if i % 4 == 0 { "oil" } else { "gold" };
                let text = format!("{word} price {} {}", "oil ".repeat(i % 3), segment * i);
                writer.add_document(doc!(body => text))?;
            }
            writer.commit()?;
        }
        Ok((index, body))
    }

    #[test]
    fn segments_read_side_by_side_give_what_tantivy_gives() -> tantivy::Result<()> {
        let (index, body) = three_segments()?;
        let searcher = index.reader()?.searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let query = QueryParser::for_index(&index, vec![body]).parse_query("oil OR gold")?;
        let top = TopDocs::with_limit(25).order_by_score();
        let weight = weight(&searcher, query.as_ref(), &top)?;
        for parallel in [false, true] {
            let fruits = each(searcher.segment_readers(), parallel, |ord, segment| {
                top.collect_segment(weight.as_ref(), ord, segment)
            })?;
            assert_eq!(
                top.merge_fruits(fruits)?,
                searcher.search(query.as_ref(), &top)?
            );
        }
        assert_eq!(search(&searcher, query.as_ref(), &Count)?, 120);
        // "gold" is in 30 passages of each segment's 40, scaled from the largest to the three.
        let gold = QueryParser::for_index(&index, vec![body]).parse_query("gold")?;
        let gold = gold.weight(EnableScoring::disabled_from_searcher(&searcher))?;
        assert_eq!(cost(&searcher, gold.as_ref())?, 90);
        Ok(())
    }

    #[test]
    fn only_work_worth_the_threads_is_read_side_by_side() {
        assert!(!side_by_side(1, u64::MAX, true));
        assert!(!side_by_side(3, WARM_ABOVE, true));
        assert!(side_by_side(3, WARM_ABOVE + 1, true));
        assert!(!side_by_side(3, COLD_ABOVE, false));
        assert!(side_by_side(2, COLD_ABOVE + 1, false));
    }
}
