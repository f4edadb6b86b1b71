//! One article as the index holds it: every passage, in order, with its annotations, so that
//! it can be shown whole without reading the file it came from.

use anyhow::Result;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::{to_hit, Hit};
use crate::index::Store;

/// The passages of the article `id` (`path#ordinal`) in order, as hits without highlights;
/// empty when the index has no such article.
pub fn passages(store: &Store, id: &str) -> Result<Vec<Hit>> {
    let searcher = store.searcher()?;
    let query = TermQuery::new(
        Term::from_field_text(store.fields.id, id),
        IndexRecordOption::Basic,
    );
    let mut hits = Vec::new();
    for addr in searcher.search(&query, &DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(addr)?;
        hits.push(to_hit(store, &doc, None));
    }
    hits.sort_by_key(|h| h.passage);
    Ok(hits)
}
