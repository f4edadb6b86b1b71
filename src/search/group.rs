//! Hits from ranked passages: articles ordered by their best passage, at most `per_article`
//! passages of each, `limit` in all, and copies of an article shown once (its fingerprint
//! near one already shown), with the paths of the copies.
//!
//! A passage's article and fingerprint are read from fast fields first; only a passage that
//! is shown has its stored fields read (decompressed), so the copies and the passages beyond
//! an article's share cost no more than a fast-field read each.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use tantivy::columnar::{Column, StrColumn};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TantivyDocument, Term};

use super::{to_hit, Hit, Request};
use crate::annotate::fingerprint::near;
use crate::article::path_of_id;
use crate::index::Store;

/// An article in the searcher: its segment and the ordinal of its id there.
type ArticleKey = (u32, u64);

/// Orders articles by their best passage, keeps at most `per_article` passages of each
/// (best first) and stops at `limit` passages.
pub(super) fn group(
    searcher: &Searcher,
    store: &Store,
    ranked: Vec<(Option<f32>, DocAddress)>,
    req: &Request,
) -> Result<Vec<Hit>> {
    let mut columns = Columns::new(searcher, store);
    let mut order: Vec<ArticleKey> = Vec::new();
    let mut by_article: HashMap<ArticleKey, Vec<Hit>> = HashMap::new();
    // Articles shown, with their fingerprints; articles collapsed into one of them.
    let mut shown: Vec<(u64, ArticleKey)> = Vec::new();
    let mut collapsed: HashSet<ArticleKey> = HashSet::new();
    // Each copy with the passage that showed it.
    let mut copies: HashMap<ArticleKey, Vec<(ArticleKey, DocId)>> = HashMap::new();
    let mut total = 0;
    for (score, addr) in ranked {
        if total >= req.limit {
            break;
        }
        let article = columns.article(addr)?;
        match by_article.get(&article) {
            Some(hits) if hits.len() >= req.per_article.max(1) => continue,
            Some(_) => {}
            None if req.collapse => {
                if collapsed.contains(&article) {
                    continue;
                }
                let fp = columns.fingerprint(addr)?;
                if let Some((_, original)) = shown.iter().find(|(k, _)| near(*k, fp)) {
                    copies
                        .entry(*original)
                        .or_default()
                        .push((article, addr.doc_id));
                    collapsed.insert(article);
                    continue;
                }
                shown.push((fp, article));
            }
            None => {}
        }
        let doc: TantivyDocument = searcher.doc(addr)?;
        by_article
            .entry(article)
            .or_insert_with(|| {
                order.push(article);
                Vec::new()
            })
            .push(to_hit(store, &doc, score));
        total += 1;
    }
    let paths = columns.paths(copies.values().flatten().copied())?;
    Ok(order
        .into_iter()
        .flat_map(|article| {
            let mut also_in: Vec<String> = Vec::new();
            for (copy, _) in copies.get(&article).into_iter().flatten() {
                if let Some(path) = paths.get(copy).filter(|p| !also_in.contains(p)) {
                    also_in.push(path.clone());
                }
            }
            let mut hits = by_article.remove(&article).unwrap_or_default();
            for h in &mut hits {
                h.also_in = also_in.clone();
            }
            hits
        })
        .collect())
}

/// The article id and fingerprint columns of each segment, opened when first read.
struct Columns<'a> {
    searcher: &'a Searcher,
    id: Field,
    names: (String, String),
    segments: HashMap<u32, (Option<StrColumn>, Option<Column<u64>>)>,
}

impl<'a> Columns<'a> {
    fn new(searcher: &'a Searcher, store: &Store) -> Columns<'a> {
        let schema = store.index.schema();
        let name = |field| schema.get_field_name(field).to_string();
        Columns {
            searcher,
            id: store.fields.id,
            names: (name(store.fields.id), name(store.fields.fingerprint)),
            segments: HashMap::new(),
        }
    }

    /// A segment's columns: the ids (an error when they cannot be read), the fingerprints
    /// (none in an index written before they were).
    fn segment(&mut self, ord: u32) -> Result<&(Option<StrColumn>, Option<Column<u64>>)> {
        if !self.segments.contains_key(&ord) {
            let fast = self.searcher.segment_reader(ord).fast_fields();
            let columns = (fast.str(&self.names.0)?, fast.u64(&self.names.1).ok());
            self.segments.insert(ord, columns);
        }
        Ok(&self.segments[&ord])
    }

    /// The passage's article (a passage without an id stands alone).
    fn article(&mut self, addr: DocAddress) -> Result<ArticleKey> {
        let ids = &self.segment(addr.segment_ord)?.0;
        let ord = ids
            .as_ref()
            .and_then(|c| c.term_ords(addr.doc_id).next())
            .unwrap_or(u64::MAX - u64::from(addr.doc_id));
        Ok((addr.segment_ord, ord))
    }

    /// The fingerprint of the passage's article (0 when it has none).
    fn fingerprint(&mut self, addr: DocAddress) -> Result<u64> {
        let column = &self.segment(addr.segment_ord)?.1;
        Ok(column
            .as_ref()
            .and_then(|c| c.first(addr.doc_id))
            .unwrap_or(0))
    }

    /// The files of articles, each given with one of its passages, from their ids
    /// ([`crate::article::article_id`]). An id is read from the id field's term dictionary by
    /// its ordinal, which the column's dictionary shares (both hold the segment's ids, sorted):
    /// a walk down the dictionary's automaton, where the column's dictionary decodes its block
    /// from the start. The passage's postings under that id confirm it; an id they do not
    /// confirm is read from the column's dictionary, in one sorted pass per segment.
    fn paths(
        &mut self,
        articles: impl Iterator<Item = (ArticleKey, DocId)>,
    ) -> Result<HashMap<ArticleKey, String>> {
        let mut out = HashMap::new();
        let mut by_segment: HashMap<u32, Vec<u64>> = HashMap::new();
        for ((segment, ord), doc) in articles {
            if out.contains_key(&(segment, ord)) {
                continue;
            }
            match id_by_ordinal(self.searcher, self.id, segment, ord, doc)? {
                Some(id) => {
                    out.insert((segment, ord), path_of_id(&id).to_string());
                }
                None => by_segment.entry(segment).or_default().push(ord),
            }
        }
        for (segment, mut ords) in by_segment {
            let Some(ids) = self.segment(segment)?.0.as_ref() else {
                continue;
            };
            ords.sort_unstable();
            ords.dedup();
            let mut next = ords.iter();
            ids.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                if let Some(&ord) = next.next() {
                    let id = String::from_utf8_lossy(bytes);
                    out.insert((segment, ord), path_of_id(&id).to_string());
                }
            })?;
        }
        Ok(out)
    }
}

/// The article id under term ordinal `ord` of the `id` field's dictionary in `segment`, if
/// passage `doc` is under it (then it is that passage's id: a passage has one).
fn id_by_ordinal(
    searcher: &Searcher,
    id: Field,
    segment: u32,
    ord: u64,
    doc: DocId,
) -> Result<Option<String>> {
    let inverted = searcher.segment_reader(segment).inverted_index(id)?;
    let mut bytes = Vec::new();
    if ord >= inverted.terms().num_terms() as u64
        || !inverted.terms().ord_to_term(ord, &mut bytes)?
    {
        return Ok(None);
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Ok(None);
    };
    let term = Term::from_field_text(id, &text);
    let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? else {
        return Ok(None);
    };
    // A posting list is only sought forwards.
    let under = postings.doc() == doc || (postings.doc() < doc && postings.seek(doc) == doc);
    Ok(under.then_some(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{Schema, FAST, STRING};
    use tantivy::{doc, Index};

    #[test]
    fn an_ordinal_gives_the_id_only_of_a_passage_under_it() -> Result<()> {
        let mut schema = Schema::builder();
        let id = schema.add_text_field("id", STRING | FAST);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        // Passages 0 and 2 of article "b", 1 and 3 of article "a".
        for article in ["b", "a", "b", "a"] {
            writer.add_document(doc!(id => article))?;
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let (a, b) = (0, 1);
        assert_eq!(id_by_ordinal(&searcher, id, 0, a, 1)?.as_deref(), Some("a"));
        assert_eq!(id_by_ordinal(&searcher, id, 0, a, 3)?.as_deref(), Some("a"));
        assert_eq!(id_by_ordinal(&searcher, id, 0, b, 2)?.as_deref(), Some("b"));
        // Another article's ordinal, whose first passage comes before or after this one.
        assert_eq!(id_by_ordinal(&searcher, id, 0, a, 0)?, None);
        assert_eq!(id_by_ordinal(&searcher, id, 0, b, 3)?, None);
        assert_eq!(id_by_ordinal(&searcher, id, 0, 7, 0)?, None);
        Ok(())
    }
}
