//! Facets: the most mentioned entities over the whole index, or over the passages a query
//! and its filters match.
//!
//! Counting reads the fast field of facet values ([`crate::index::facet`]) of each matching
//! passage: its ordinals, counted in a table per segment indexed by ordinal (only the run of
//! ordinals of the type asked for). An article's passages sit next to each other in one
//! segment (the writer adds a file's passages as one group), so an article is counted when a
//! value's article changes.
//!
//! The counts of a segment name values by ordinal; across segments only the text names them.
//! Turning every counted ordinal into text is most of the cost on a large index, so for the
//! first `limit` values it is done only for each segment's best ones, whose exact totals
//! are then looked up in every segment (save those that could not rank among the first
//! `limit` with the most the other segments could add): the answer stands when no other
//! value could reach them (its total is at most the sum, over segments, of the best count
//! left out there).
//! Otherwise, every value is counted by its text.
//!
//! A query that matches more than [`SAMPLE_ABOVE`] passages has its facets estimated, as
//! search engines do for large result sets: only the articles of a fixed sample of one in
//! `n` are read (every passage of them; [`facet_sample`]), and their counts are multiplied
//! by `n` (the same sample for the same index, so the same query gives the same counts).
//! Each count says so (`estimated`). The whole index's facets, and an entity's profile, are
//! counted exactly.

use std::collections::HashMap;
use std::ops::Range;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::columnar::column_index::{MultiValueIndex, Set};
use tantivy::columnar::{ColumnIndex, StrColumn};
use tantivy::query::{BitSetDocSet, EnableScoring, Query};
use tantivy::{BitSet, DocId, Searcher};

use super::corpus_type::CorpusTypes;
use super::{build_query, for_each_match, Request};
use super::{facet_sample, facet_totals};
pub use crate::index::facet::FacetType;
use crate::index::{facet, Store};

/// How many of each segment's best values are read as candidates, per value asked for.
const CANDIDATES_PER_VALUE: usize = 2;

/// Above this many matching passages, facets are estimated from a sample of the articles.
pub const SAMPLE_ABOVE: u64 = 100_000;

/// How often an entity (or a figure's unit) is mentioned.
#[derive(Debug, Clone, Serialize)]
pub struct EntityCount {
    /// person, organization, place, figure or agency.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    /// Literal mentions (demonyms not counted); for agencies, articles.
    pub mentions: usize,
    /// Passages that mention it; for agencies, articles.
    pub passages: usize,
    /// Articles that mention it.
    pub articles: usize,
    /// Whether the counts are estimated from a sample of the articles (see [`SAMPLE_ABOVE`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub estimated: bool,
}

/// The `limit` most mentioned entities of the passages matching `req` (every passage when it
/// is empty), most mentioned first.
pub fn entities(
    store: &Store,
    req: &Request,
    kind: Option<FacetType>,
    limit: usize,
) -> Result<Vec<EntityCount>> {
    let searcher = store.searcher()?;
    if let Some(kept) = whole_index(store, &searcher, req, limit) {
        // What was kept was counted by `named`, without what the corpus disowns.
        let mut out: Vec<EntityCount> = kept
            .into_iter()
            .filter(|c| kind.is_none_or(|k| c.kind == k.as_str()))
            .collect();
        out.sort_by(most_mentioned);
        out.truncate(limit);
        return Ok(out);
    }
    let query = build_query(store, &searcher, req)?.query;
    let segments = count(store, &searcher, query.as_ref(), kind, !req.is_empty())?;
    named(store, &searcher, &segments, limit)
}

/// The first `limit` counts whose type the corpus stands behind ([`corpus_type`](super::corpus_type)).
fn owned(
    corpus: &mut CorpusTypes,
    counts: impl IntoIterator<Item = EntityCount>,
    limit: usize,
) -> Vec<EntityCount> {
    counts
        .into_iter()
        .filter(|c| !corpus.disowns(c.kind, &c.name))
        .take(limit)
        .collect()
}

/// The whole index's facets as kept by the last indexing run, when `req` asks for the whole
/// index, no more values than were kept, and they still hold.
fn whole_index(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    limit: usize,
) -> Option<Vec<EntityCount>> {
    if !req.is_empty() {
        return None;
    }
    facet_totals::kept(store, searcher, limit)
}

/// The order facets are listed in: most mentioned first, then by type and name.
fn most_mentioned(a: &EntityCount, b: &EntityCount) -> std::cmp::Ordering {
    b.mentions
        .cmp(&a.mentions)
        .then(a.kind.cmp(b.kind))
        .then(a.name.cmp(&b.name))
}

/// The `limit` values the segments counted most (within what each counts), most mentioned
/// first, leaving out those the corpus disowns ([`corpus_type`](super::corpus_type)): when
/// some are left out, the best values are named again, twice as many, until `limit` remain
/// or every value has been named.
fn named(
    store: &Store,
    searcher: &Searcher,
    segments: &[SegmentCounts],
    limit: usize,
) -> Result<Vec<EntityCount>> {
    let estimated = segments.iter().any(|s| s.every > 1);
    let mut corpus = CorpusTypes::new(searcher, &store.fields);
    let mut asked = limit;
    loop {
        // Only the first `asked` of what `best` names are sure to be the best.
        let (totals, all) = match best(segments, asked)? {
            Some(totals) => (totals, false),
            None => (every(segments)?, true),
        };
        let mut counts: Vec<EntityCount> = totals
            .into_iter()
            .filter_map(|t| entity_count(t, estimated))
            .collect();
        counts.sort_by(most_mentioned);
        if !all {
            counts.truncate(asked);
        }
        let named = counts.len();
        let out = owned(&mut corpus, counts, limit);
        if out.len() >= limit || all || named < asked {
            return Ok(out);
        }
        asked = asked.saturating_mul(2);
    }
}

/// The `limit` most mentioned values of each type over the passages matching `req`, counted
/// in one pass (a page showing every facet needs them all): grouped by type in the order of
/// [`FacetType::ALL`], most mentioned first within each. Only each type's best values are
/// named, as [`entities`] does.
pub fn entities_by_type(store: &Store, req: &Request, limit: usize) -> Result<Vec<EntityCount>> {
    let searcher = store.searcher()?;
    if let Some(kept) = whole_index(store, &searcher, req, limit) {
        let mut out = Vec::new();
        for kind in FacetType::ALL {
            out.extend(
                kept.iter()
                    .filter(|c| c.kind == kind.as_str())
                    .take(limit)
                    .cloned(),
            );
        }
        return Ok(out);
    }
    count_by_type(store, &searcher, req, limit)
}

/// [`entities_by_type`] counted over what `searcher` reads, never from the kept facets.
pub(super) fn count_by_type(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    limit: usize,
) -> Result<Vec<EntityCount>> {
    let query = build_query(store, searcher, req)?.query;
    let mut segments = count(store, searcher, query.as_ref(), None, !req.is_empty())?;
    let mut out = Vec::new();
    for kind in FacetType::ALL {
        for s in &mut segments {
            s.within(kind)?;
        }
        out.extend(named(store, searcher, &segments, limit)?);
    }
    Ok(out)
}

/// Every value of the passages `query` matches, with its counts, in no order.
pub fn all(store: &Store, searcher: &Searcher, query: &dyn Query) -> Result<Vec<EntityCount>> {
    let segments = count(store, searcher, query, None, false)?;
    Ok(every(&segments)?
        .into_iter()
        .filter_map(|t| entity_count(t, false))
        .collect())
}

/// Each segment's counts of the values of `kind` (all without one) over the passages `query`
/// matches, the segments counted in parallel; with `sample`, estimated from a sample of the
/// articles when the query matches more than [`SAMPLE_ABOVE`] passages.
fn count(
    store: &Store,
    searcher: &Searcher,
    query: &dyn Query,
    kind: Option<FacetType>,
    sample: bool,
) -> Result<Vec<SegmentCounts>> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    // The matches first, each segment's as a set (the query is run once), then how many
    // articles are read: the walk seeks in the sets past the blocks out of the sample.
    let matches: Vec<BitSet> = searcher
        .segment_readers()
        .par_iter()
        .map(|segment| -> Result<BitSet> {
            let mut docs = BitSet::with_max_value(segment.max_doc().max(1));
            for_each_match(weight.as_ref(), segment, |doc| {
                docs.insert(doc);
            })?;
            Ok(docs)
        })
        .collect::<Result<_>>()?;
    let total: u64 = matches.iter().map(|docs| docs.len() as u64).sum();
    let every = if sample {
        total.div_ceil(SAMPLE_ABOVE).max(1) as u32
    } else {
        1
    };
    let schema = store.index.schema();
    let (facet_field, id_field) = (
        schema.get_field_name(store.fields.facet),
        schema.get_field_name(store.fields.id),
    );
    Ok(searcher
        .segment_readers()
        .par_iter()
        .zip(matches)
        .map(|(segment, docs)| -> Result<Option<SegmentCounts>> {
            let Some(facets) = segment.fast_fields().str(facet_field)? else {
                return Ok(None);
            };
            let ids = segment.fast_fields().str(id_field)?;
            let mut sample = facet_sample::of_ids(ids.as_ref(), every);
            let mut counts = SegmentCounts::new(facets, kind, every)?;
            let mut docs = BitSetDocSet::from(docs);
            sample.walk(&mut docs, segment.max_doc(), |doc, article| {
                counts.add(doc, article)
            });
            counts.scale();
            Ok(Some(counts))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect())
}

/// A stored value and its counts as shown.
fn entity_count((stored, t): (String, Tally), estimated: bool) -> Option<EntityCount> {
    let (kind, name) = facet::parse(&stored)?;
    Some(EntityCount {
        kind: kind.as_str(),
        name: name.to_string(),
        mentions: rank(kind == FacetType::Agency, &t) as usize,
        passages: if kind == FacetType::Agency {
            t.articles
        } else {
            t.passages
        } as usize,
        articles: t.articles as usize,
        estimated,
    })
}

/// What values are ordered by: mentions, or for an agency (counted once per article) its
/// articles.
fn rank(agency: bool, t: &Tally) -> u32 {
    if agency {
        t.articles
    } else {
        t.mentions
    }
}

/// Counts of one facet value in one segment, with the last passage and article that counted
/// (plus one: 0 is none), so that a segment's table starts as zeroed memory.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    mentions: u32,
    passages: u32,
    articles: u32,
    last_doc: u32,
    last_article: u32,
}

impl Tally {
    fn merge(&mut self, other: &Tally) {
        self.mentions += other.mentions;
        self.passages += other.passages;
        self.articles += other.articles;
    }
}

/// One segment's counts, by the ordinal of the value in the segment's dictionary.
struct SegmentCounts {
    facets: StrColumn,
    /// The ordinals counted: those of the type asked for (all without one).
    range: Range<u64>,
    /// The ordinals read as results: `range`, or the part of it of one type.
    within: Range<u64>,
    /// The ordinals of agencies, ordered by articles.
    agencies: Range<u64>,
    /// By ordinal minus `range.start`.
    tallies: Vec<Tally>,
    /// One article in `every` is counted (see [`SAMPLE_ABOVE`]).
    every: u32,
    /// One more than the rank (among the passages with values) of the last passage counted,
    /// and where that passage's values end: the rank and the start of the next passage with
    /// values ([`SegmentCounts::rows`]).
    next_start: (u32, u32),
}

impl SegmentCounts {
    fn new(facets: StrColumn, kind: Option<FacetType>, every: u32) -> Result<SegmentCounts> {
        let range = match kind {
            Some(k) => ords_of(&facets, k)?,
            None => 0..facets.dictionary().num_terms() as u64,
        };
        let agencies = ords_of(&facets, FacetType::Agency)?;
        Ok(SegmentCounts {
            tallies: vec![Tally::default(); (range.end - range.start) as usize],
            facets,
            within: range.clone(),
            range,
            agencies,
            every,
            next_start: (u32::MAX, 0),
        })
    }

    /// Reads only the values of `kind` as results from now on.
    fn within(&mut self, kind: FacetType) -> Result<()> {
        let of_kind = ords_of(&self.facets, kind)?;
        self.within = of_kind.start.max(self.range.start)..of_kind.end.min(self.range.end);
        Ok(())
    }

    /// Counts the values of one matching passage (of a sampled article), whose article is
    /// `article` (its id's ordinal plus one).
    fn add(&mut self, doc: DocId, article: u32) {
        for row in self.rows(doc) {
            let ord = self.facets.ords().values.get_val(row);
            if !self.range.contains(&ord) {
                continue;
            }
            let t = &mut self.tallies[(ord - self.range.start) as usize];
            t.mentions += 1;
            if t.last_doc != doc + 1 {
                t.last_doc = doc + 1;
                t.passages += 1;
            }
            if t.last_article != article {
                t.last_article = article;
                t.articles += 1;
            }
        }
    }

    /// The rows of the values of `doc` in the column, as its index gives them. The values of
    /// the next passage that has any start where this one's end, and passages are counted in
    /// increasing order: that end is kept as the next one's start, which is read from the
    /// column only when the passages counted skip one with values.
    fn rows(&mut self, doc: DocId) -> Range<u32> {
        let index = &self.facets.ords().index;
        let ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV2(index)) = index else {
            return index.value_row_ids(doc);
        };
        let Some(rank) = index.optional_index.rank_if_exists(doc) else {
            return 0..0;
        };
        let start = match self.next_start {
            (next, start) if next == rank => start,
            _ => index.start_index_column.get_val(rank),
        };
        let end = index.start_index_column.get_val(rank + 1);
        self.next_start = (rank + 1, end);
        start..end
    }

    /// Scales a sample's counts to the whole.
    fn scale(&mut self) {
        if self.every > 1 {
            for t in &mut self.tallies {
                t.mentions = t.mentions.saturating_mul(self.every);
                t.passages = t.passages.saturating_mul(self.every);
                t.articles = t.articles.saturating_mul(self.every);
            }
        }
    }

    fn tally(&self, ord: u64) -> &Tally {
        &self.tallies[(ord - self.range.start) as usize]
    }

    fn rank(&self, ord: u64) -> u32 {
        rank(self.agencies.contains(&ord), self.tally(ord))
    }

    /// The ordinals read as results counted at least once.
    fn counted(&self) -> impl Iterator<Item = u64> + '_ {
        self.within.clone().filter(|&o| self.tally(o).mentions > 0)
    }

    /// The texts of `ords` (sorted), in order.
    fn texts(&self, ords: &[u64]) -> Result<Vec<Vec<u8>>> {
        let mut out = Vec::with_capacity(ords.len());
        self.facets
            .dictionary()
            .sorted_ords_to_term_cb(ords, |bytes| out.push(bytes.to_vec()))?;
        Ok(out)
    }
}

/// The ordinals of the values of one type: a run of the sorted dictionary.
fn ords_of(facets: &StrColumn, kind: FacetType) -> Result<Range<u64>> {
    let dict = facets.dictionary();
    let prefix = facet::prefix(kind);
    let mut after = prefix.clone().into_bytes();
    // The separator is the last byte of the prefix: one more bounds the run.
    *after.last_mut().expect("a prefix ends with its separator") += 1;
    let first = |key: &[u8]| -> Result<u64> {
        let mut stream = dict.range().ge(key).into_stream()?;
        Ok(if stream.advance() {
            stream.term_ord()
        } else {
            dict.num_terms() as u64
        })
    };
    Ok(first(prefix.as_bytes())?..first(&after)?)
}

/// The exact totals of at least the `limit` best values, from each segment's best
/// candidates, or `None` when some value left out might rank among them.
fn best(segments: &[SegmentCounts], limit: usize) -> Result<Option<Vec<(String, Tally)>>> {
    let per_segment = limit.saturating_mul(CANDIDATES_PER_VALUE).max(16);
    // Small counts are read whole: cheaper than looking candidates up.
    if segments
        .iter()
        .all(|s| s.counted().nth(per_segment).is_none())
    {
        return Ok(None);
    }
    let bests: Vec<SegmentBest> = segments
        .par_iter()
        .map(|s| s.best(per_segment))
        .collect::<Result<_>>()?;
    // No value left out everywhere can have more than this.
    let left_out: Vec<u64> = bests.iter().map(|b| b.left_out).collect();
    let left_out_bound: u64 = left_out.iter().sum();
    let mut candidates = Candidates::new(segments, bests);
    let agency = facet::prefix(FacetType::Agency).into_bytes();
    candidates.drop_out_of_reach(&left_out, limit, &agency);
    candidates.complete(segments)?;
    let mut ranks: Vec<u32> = candidates
        .totals
        .iter()
        .map(|(text, (t, _))| candidate_rank(&agency, text, t))
        .filter(|&r| r > 0)
        .collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    let kth = ranks.get(limit.max(1) - 1);
    if kth.is_none_or(|&r| u64::from(r) <= left_out_bound) {
        return Ok(None);
    }
    Ok(Some(
        candidates
            .totals
            .into_iter()
            .filter(|(_, (t, _))| t.mentions > 0)
            .map(|(text, (t, _))| (String::from_utf8_lossy(&text).into_owned(), t))
            .collect(),
    ))
}

/// A segment's best values (ordinal and text), and the rank of the best one left out.
struct SegmentBest {
    values: Vec<(u64, Vec<u8>)>,
    left_out: u64,
}

impl SegmentCounts {
    /// The `n` values of the segment that rank first.
    fn best(&self, n: usize) -> Result<SegmentBest> {
        let mut ords: Vec<u64> = self.counted().collect();
        let mut left_out = 0;
        if ords.len() > n {
            ords.select_nth_unstable_by_key(n, |&o| std::cmp::Reverse(self.rank(o)));
            left_out = u64::from(self.rank(ords[n]));
            ords.truncate(n);
        }
        ords.sort_unstable();
        let texts = self.texts(&ords)?;
        Ok(SegmentBest {
            values: ords.into_iter().zip(texts).collect(),
            left_out,
        })
    }
}

/// The candidates by text: each one's total so far, and which segments have counted it in.
struct Candidates {
    totals: HashMap<Vec<u8>, (Tally, Vec<bool>)>,
}

impl Candidates {
    fn new(segments: &[SegmentCounts], bests: Vec<SegmentBest>) -> Candidates {
        let mut totals: HashMap<Vec<u8>, (Tally, Vec<bool>)> = HashMap::new();
        for (i, best) in bests.into_iter().enumerate() {
            for (ord, text) in best.values {
                let (total, seen) = totals
                    .entry(text)
                    .or_insert_with(|| (Tally::default(), vec![false; segments.len()]));
                total.merge(segments[i].tally(ord));
                seen[i] = true;
            }
        }
        Candidates { totals }
    }

    /// Leaves out the candidates that cannot rank among the first `limit` whatever the
    /// segments that have not counted them in hold (at most `left_out` there, their best
    /// value left out): then they need not be looked up. Each candidate's total so far is at
    /// most its whole total, so the `limit`-th best total so far (the best, for a `limit` of
    /// 0) is a floor for the totals of the first `limit` values. Agencies rank by articles:
    /// their values start with `agency`.
    fn drop_out_of_reach(&mut self, left_out: &[u64], limit: usize, agency: &[u8]) {
        let mut floors: Vec<u64> = self
            .totals
            .iter()
            .map(|(text, (t, _))| u64::from(candidate_rank(agency, text, t)))
            .collect();
        if floors.len() <= limit {
            return;
        }
        floors.select_nth_unstable_by(limit.max(1) - 1, |a, b| b.cmp(a));
        let floor = floors[limit.max(1) - 1];
        self.totals.retain(|text, (t, seen)| {
            let unseen: u64 = (seen.iter().zip(left_out))
                .filter(|(seen, _)| !**seen)
                .map(|(_, bound)| bound)
                .sum();
            u64::from(candidate_rank(agency, text, t)) + unseen >= floor
        });
    }

    /// Makes the totals exact: each candidate looked up in the segments where it was not
    /// among the best.
    fn complete(&mut self, segments: &[SegmentCounts]) -> Result<()> {
        let texts: Vec<Vec<u8>> = self.totals.keys().cloned().collect();
        let found: Vec<Vec<(usize, Tally)>> = segments
            .par_iter()
            .enumerate()
            .map(|(i, s)| -> Result<Vec<(usize, Tally)>> {
                let mut found = Vec::new();
                for (c, text) in texts.iter().enumerate() {
                    if self.totals[text].1[i] {
                        continue;
                    }
                    if let Some(ord) = s.facets.dictionary().term_ord(text)? {
                        if s.within.contains(&ord) {
                            found.push((c, *s.tally(ord)));
                        }
                    }
                }
                Ok(found)
            })
            .collect::<Result<_>>()?;
        for (c, t) in found.into_iter().flatten() {
            if let Some(e) = self.totals.get_mut(&texts[c]) {
                e.0.merge(&t);
            }
        }
        Ok(())
    }
}

/// What a value is ordered by ([`rank`]), given its stored text and what the values of
/// agencies start with.
fn candidate_rank(agency: &[u8], text: &[u8], t: &Tally) -> u32 {
    rank(text.starts_with(agency), t)
}

/// Every counted value's total, by its text.
fn every(segments: &[SegmentCounts]) -> Result<Vec<(String, Tally)>> {
    let mut totals: HashMap<Vec<u8>, Tally> = HashMap::new();
    for s in segments {
        let ords: Vec<u64> = s.counted().collect();
        for (ord, text) in ords.iter().zip(s.texts(&ords)?) {
            totals.entry(text).or_default().merge(s.tally(*ord));
        }
    }
    Ok(totals
        .into_iter()
        .map(|(text, t)| (String::from_utf8_lossy(&text).into_owned(), t))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(mentions: u32, articles: u32) -> Tally {
        Tally {
            mentions,
            passages: mentions,
            articles,
            ..Tally::default()
        }
    }

    /// The rows of a passage's values, read with the end of the one before kept, are the
    /// column's own, whichever passages are counted (with gaps, and without values).
    #[test]
    fn a_passages_rows_are_the_columns_own() {
        use tantivy::schema::{Schema, FAST, STRING};
        use tantivy::{Index, IndexWriter, TantivyDocument};
        let mut schema = Schema::builder();
        let field = schema.add_text_field("facet", STRING | FAST);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for doc in 0..300u32 {
            let mut d = TantivyDocument::default();
            for v in 0..(doc * 7 % 5) {
                d.add_text(field, format!("person\u{1f}{}", (doc + v) % 23));
            }
            writer.add_document(d).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let segment = &searcher.segment_readers()[0];
        let column = segment.fast_fields().str("facet").unwrap().unwrap();
        assert!(
            matches!(
                column.ords().index,
                ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV2(_))
            ),
            "the index whose rows are kept"
        );
        for step in [1, 2, 3, 7] {
            let mut counts = SegmentCounts::new(column.clone(), None, 1).unwrap();
            for doc in (0..300).step_by(step) {
                let expected = column.ords().index.value_row_ids(doc);
                assert_eq!(counts.rows(doc), expected, "doc {doc}, every {step}");
            }
        }
    }

    /// A candidate is left out only when, with the most the segments that did not count it
    /// in could add, it stays under the `limit`-th best total so far.
    #[test]
    fn candidates_out_of_reach_are_not_looked_up() {
        let value = |kind, name: &str| format!("{}{name}", facet::prefix(kind)).into_bytes();
        let (person, agency) = (FacetType::Person, FacetType::Agency);
        let mut candidates = Candidates {
            totals: HashMap::from([
                (value(person, "A"), (tally(100, 9), vec![true, false])),
                (value(person, "B"), (tally(50, 9), vec![true, false])),
                // 10 + at most 30 in the first segment: under 50.
                (value(person, "C"), (tally(10, 9), vec![false, true])),
                // 20 + 30: may tie with the second best.
                (value(person, "D"), (tally(20, 9), vec![false, true])),
                // Agencies rank by articles: 45 + 5 reaches 50; its mentions do not count.
                (value(agency, "E"), (tally(1, 45), vec![true, false])),
                (value(agency, "F"), (tally(1000, 44), vec![true, false])),
            ]),
        };
        let agency_prefix = facet::prefix(agency).into_bytes();
        let mut one = Candidates {
            totals: candidates.totals.clone(),
        };
        let names = |c: &Candidates| {
            let mut names: Vec<String> = (c.totals.keys())
                .map(|k| {
                    facet::parse(&String::from_utf8_lossy(k))
                        .unwrap()
                        .1
                        .to_string()
                })
                .collect();
            names.sort();
            names
        };
        candidates.drop_out_of_reach(&[30, 5], 2, &agency_prefix);
        assert_eq!(names(&candidates), ["A", "B", "D", "E"]);
        // The first alone: only what may reach 100.
        one.drop_out_of_reach(&[30, 5], 1, &agency_prefix);
        assert_eq!(names(&one), ["A"]);
        // Nothing counted yet anywhere: nothing can be ruled out.
        let mut none = Candidates {
            totals: HashMap::from([
                (value(person, "G"), (tally(0, 0), vec![false, true])),
                (value(person, "H"), (tally(0, 0), vec![true, false])),
            ]),
        };
        none.drop_out_of_reach(&[0, 0], 1, &agency_prefix);
        assert_eq!(names(&none), ["G", "H"]);
    }
}
