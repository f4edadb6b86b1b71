//! A search's segments read side by side: each on a thread of a pool of its own, one thread
//! per core, so that a search over several segments takes about as long as its largest share
//! of them rather than all of them in turn. tantivy's own [`Searcher::search`] reads them one
//! after another unless the index is given threads of its own. The pool is not rayon's global
//! one, which facet counts and indexing keep busy for longer: a search waits for no count.
//!
//! Handing segments to threads and waiting for them costs tens of microseconds, and starting
//! the threads (a process's first search that uses them) about a millisecond, so segments are
//! read side by side only when the work is estimated to be worth it ([`cost`]). An index of
//! one segment is always read on the calling thread.

use std::sync::OnceLock;

use rayon::prelude::*;
use rayon::ThreadPool;
use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query, Weight};
use tantivy::{Searcher, SegmentReader};

/// The [`cost`] above which segments are read side by side once the pool's threads run.
pub const WARM_ABOVE: u64 = 5_000;
/// The same before they run. Starting them made a process searching the 1M-passage index for
/// "xinhua" (a cost of 1,884) about 1 ms slower, left "oil" (37,128) as fast as before, and
/// made the phrase "interest rates" (44,565) 3 to 6 ms faster (README, *Performance*).
pub const COLD_ABOVE: u64 = 30_000;

/// The pool, started at the first search that uses it; `None` if its threads could not be
/// started (segments are then read in turn).
static POOL: OnceLock<Option<ThreadPool>> = OnceLock::new();

/// `f` of each segment of `searcher` (with its ordinal), in the segments' order: side by
/// side when `cost` (the work's estimate) is above [`WARM_ABOVE`], or [`COLD_ABOVE`] while
/// the pool has not started.
pub fn map<T, E, F>(searcher: &Searcher, cost: u64, f: F) -> Result<Vec<T>, E>
where
    T: Send,
    E: Send,
    F: Fn(u32, &SegmentReader) -> Result<T, E> + Sync,
{
    let segments = searcher.segment_readers();
    let pool = match side_by_side(segments.len(), cost, POOL.get().is_some()) {
        true => POOL.get_or_init(start).as_ref(),
        false => None,
    };
    each(segments, pool, f)
}

/// Whether `segments` segments of work estimated at `cost` are read side by side, the pool
/// `started` or not.
fn side_by_side(segments: usize, cost: u64, started: bool) -> bool {
    let above = if started { WARM_ABOVE } else { COLD_ABOVE };
    segments > 1 && cost > above
}

/// Starts the pool's threads, one per core.
fn start() -> Option<ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("newsdex-search-{i}"))
        .build()
        .ok()
}

/// `f` of each of `segments`, in order: on `pool`'s threads, or in turn without one.
fn each<T, E, F>(segments: &[SegmentReader], pool: Option<&ThreadPool>, f: F) -> Result<Vec<T>, E>
where
    T: Send,
    E: Send,
    F: Fn(u32, &SegmentReader) -> Result<T, E> + Sync,
{
    let f = |(ord, segment): (usize, &SegmentReader)| f(ord as u32, segment);
    match pool {
        Some(pool) => pool.install(|| segments.par_iter().enumerate().map(f).collect()),
        None => segments.iter().enumerate().map(f).collect(),
    }
}

/// The estimated work of running `weight`: its scorer's own estimate in the largest segment
/// (tantivy's [`tantivy::DocSet::cost`], in passages walked: a word's passages, a union's
/// sum, an intersection's leading clause), scaled to all of them; 0 for an index of one
/// segment, which is read in turn whatever its work. Making the scorer reads the start of
/// the postings; a range of figures or dates reads its postings in that segment, and a
/// phrase reads as far as its first match there, work the search then does again. (A union
/// of words leaves out those whose passages all lie within its first 4,096, which it has
/// already read.)
pub fn cost(searcher: &Searcher, weight: &dyn Weight) -> tantivy::Result<u64> {
    let segments = searcher.segment_readers();
    let largest = match segments.iter().max_by_key(|s| s.max_doc()) {
        Some(largest) if segments.len() > 1 => largest,
        _ => return Ok(0),
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
    let fruits = map(
        searcher,
        cost(searcher, weight.as_ref())?,
        |ord, segment| collector.collect_segment(weight.as_ref(), ord, segment),
    )?;
    collector.merge_fruits(fruits)
}

/// The weight of `query` for `collector`, scored if it needs scores, as tantivy's searcher
/// makes it (the weight first, then the schema checked).
fn weight<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<Box<dyn Weight>> {
    let weight = query.weight(match collector.requires_scoring() {
        true => EnableScoring::enabled_from_searcher(searcher),
        false => EnableScoring::disabled_from_searcher(searcher),
    })?;
    collector.check_schema(searcher.schema())?;
    Ok(weight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index, Term};

    /// An index of three segments of 40, 20 and 10 passages, the eighth of each deleted,
    /// with "oil" or "gold" in each passage and "oil" repeated in some.
    fn three_segments() -> tantivy::Result<(Index, tantivy::schema::Field)> {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for (segment, size) in [40, 20, 10].into_iter().enumerate() {
            for i in 0..size {
                let word = if i % 4 == 0 { "oil" } else { "gold" };
                let text = format!("{word} price {} {segment} {i}", "oil ".repeat(i % 3));
                writer.add_document(doc!(body => text))?;
            }
            writer.commit()?;
        }
        writer.delete_term(Term::from_field_text(body, "7"));
        writer.commit()?;
        Ok((index, body))
    }

    #[test]
    fn segments_read_side_by_side_give_what_tantivy_gives() -> tantivy::Result<()> {
        let (index, body) = three_segments()?;
        let searcher = index.reader()?.searcher();
        let segments = searcher.segment_readers();
        assert_eq!(segments.len(), 3);
        let pool = start().expect("threads");
        let ids = |pool| each(segments, pool, |ord, s| Ok::<_, ()>((ord, s.segment_id())));
        assert_eq!(ids(Some(&pool)), ids(None));
        let query = QueryParser::for_index(&index, vec![body]).parse_query("oil OR gold")?;
        let top = TopDocs::with_limit(25).order_by_score();
        let weight = weight(&searcher, query.as_ref(), &top)?;
        for pool in [None, Some(&pool)] {
            let fruits = each(segments, pool, |ord, segment| {
                top.collect_segment(weight.as_ref(), ord, segment)
            })?;
            assert_eq!(
                top.merge_fruits(fruits)?,
                searcher.search(query.as_ref(), &top)?
            );
        }
        assert_eq!(search(&searcher, query.as_ref(), &Count)?, 67);
        Ok(())
    }

    #[test]
    fn the_work_is_the_largest_segments_scaled_to_the_index() -> tantivy::Result<()> {
        let (index, body) = three_segments()?;
        let searcher = index.reader()?.searcher();
        let gold = QueryParser::for_index(&index, vec![body]).parse_query("gold")?;
        let gold = gold.weight(EnableScoring::disabled_from_searcher(&searcher))?;
        // "gold" is in 30 of the largest segment's 40 passages; the index holds 70.
        assert_eq!(cost(&searcher, gold.as_ref())?, 30 * 70 / 40);
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
