//! Highlights: the byte ranges of a passage's words that match the query's terms, found by
//! running the body field's own analyzer over the passage (so "troops" highlights "troop"
//! and "Troops" alike).

use std::collections::HashSet;

use anyhow::Result;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Index;

pub struct Highlighter {
    terms: HashSet<String>,
    analyzer: TextAnalyzer,
}

impl Highlighter {
    /// Collects the query's terms on `field` (none without a query).
    pub fn new(index: &Index, field: Field, query: Option<&dyn Query>) -> Result<Highlighter> {
        let mut terms = HashSet::new();
        if let Some(q) = query {
            q.query_terms(&mut |term, _| {
                if term.field() == field {
                    if let Some(s) = term.value().as_str() {
                        terms.insert(s.to_string());
                    }
                }
            });
        }
        Ok(Highlighter {
            terms,
            analyzer: index.tokenizer_for_field(field)?,
        })
    }

    /// The byte ranges of `text` to highlight, in order and not overlapping.
    pub fn ranges(&self, text: &str) -> Vec<[usize; 2]> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut out: Vec<[usize; 2]> = Vec::new();
        while let Some(token) = stream.next() {
            if self.terms.contains(&token.text) {
                let r = [token.offset_from, token.offset_to];
                match out.last_mut() {
                    Some(last) if last[1] >= r[0] => last[1] = last[1].max(r[1]),
                    _ => out.push(r),
                }
            }
        }
        out
    }
}
