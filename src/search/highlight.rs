//! Highlights: the byte ranges of a passage's words that match the query's terms, found by
//! reading the passage as the body field's analyzer does (so "troops" highlights "troop" and
//! "Troops" alike). Stemming is most of that work, and it keeps a word's first letter, so
//! only the words that start as some term does are stemmed.

use std::collections::HashSet;

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;

use crate::index::schema::{stemmer, unstemmed_analyzer};

pub struct Highlighter {
    /// The query's terms on the field, stemmed as the index stems.
    terms: HashSet<String>,
    /// The first letters of [`Highlighter::terms`].
    initials: HashSet<char>,
    words: TextAnalyzer,
    stem: TextAnalyzer,
}

impl Highlighter {
    /// Collects the query's terms on `field`, a field of the text analyzer (none without a
    /// query).
    pub fn new(field: Field, query: Option<&dyn Query>) -> Highlighter {
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
        let initials = terms.iter().filter_map(|t| t.chars().next()).collect();
        Highlighter {
            terms,
            initials,
            words: unstemmed_analyzer(),
            stem: stemmer(),
        }
    }

    /// The byte ranges of `text` to highlight, in order and not overlapping.
    pub fn ranges(&self, text: &str) -> Vec<[usize; 2]> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let mut words = self.words.clone();
        let mut stem = self.stem.clone();
        let mut stream = words.token_stream(text);
        let mut out: Vec<[usize; 2]> = Vec::new();
        while let Some(token) = stream.next() {
            if !token
                .text
                .chars()
                .next()
                .is_some_and(|c| self.initials.contains(&c.to_ascii_lowercase()))
            {
                continue;
            }
            let mut stemmed = String::new();
            stem.token_stream(&token.text)
                .process(&mut |t| stemmed.push_str(&t.text));
            if self.terms.contains(&stemmed) {
                push_merged(&mut out, [token.offset_from, token.offset_to]);
            }
        }
        out
    }
}

/// Adds the range `r` to `out` (in order), joined with the last one where they touch.
fn push_merged(out: &mut Vec<[usize; 2]>, r: [usize; 2]) {
    match out.last_mut() {
        Some(last) if last[1] >= r[0] => last[1] = last[1].max(r[1]),
        _ => out.push(r),
    }
}

#[cfg(test)]
mod tests {
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::Term;

    use super::{push_merged, Highlighter};
    use crate::index::schema::{stemmer, text_analyzer, unstemmed_analyzer};

    /// The ranges of the words whose stems (by the whole text analyzer) are in `terms`: what
    /// the highlighter must find.
    fn stemmed_whole(text: &str, terms: &[String]) -> Vec<[usize; 2]> {
        let mut analyzer = text_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out: Vec<[usize; 2]> = Vec::new();
        while let Some(t) = stream.next() {
            if terms.contains(&t.text) {
                push_merged(&mut out, [t.offset_from, t.offset_to]);
            }
        }
        out
    }

    #[test]
    fn stemming_only_words_that_start_as_a_term_finds_the_same_words() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/north-korea-troops-russia.md"
        ))
        .unwrap()
            + " Troops, troop's TROOPING; Yemen's yemeni; Ünïcödé café; dying ties; skies; \
               analysing analyses; 12,000 1.13bn; generously generals; early earliest; ʏay yelled Yemen yearly \
               dying lying skies news atlas";
        let mut field = Schema::builder();
        let body = field.add_text_field("body", TEXT);
        let mut all: Vec<String> = Vec::new();
        text_analyzer()
            .token_stream(&text)
            .process(&mut |t| all.push(t.text.clone()));
        // The claim itself: a stem starts with its word's first letter (in lower case: folding
        // makes a small capital "ʏ" a "Y", which the stemmer writes "y").
        let mut words: Vec<String> = Vec::new();
        unstemmed_analyzer()
            .token_stream(&text)
            .process(&mut |t| words.push(t.text.clone()));
        let mut stem = stemmer();
        for w in &words {
            let mut stemmed = String::new();
            stem.token_stream(w)
                .process(&mut |t| stemmed.push_str(&t.text));
            assert_eq!(
                stemmed.chars().next(),
                w.chars().next().map(|c| c.to_ascii_lowercase()),
                "{w} → {stemmed}"
            );
        }
        for every in [1, 3, 7, 11] {
            let terms: Vec<String> = all.iter().step_by(every).cloned().collect();
            let queries: Vec<Box<dyn tantivy::query::Query>> = terms
                .iter()
                .map(|t| {
                    Box::new(TermQuery::new(
                        Term::from_field_text(body, t),
                        IndexRecordOption::Basic,
                    )) as Box<dyn tantivy::query::Query>
                })
                .collect();
            let query = tantivy::query::BooleanQuery::union(queries);
            let h = Highlighter::new(body, Some(&query));
            assert_eq!(
                h.ranges(&text),
                stemmed_whole(&text, &terms),
                "every {every}"
            );
        }
    }
}
