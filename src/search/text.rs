//! The text query: how the words a user types become a ranked query over passages.
//!
//! - **Words are matched in the passage** (BM25 over its body), and a passage need not hold
//!   all of them: of two words one must match, of more, half of them (rounded up). BM25
//!   ranks the passages that hold more of them, and rarer ones, first.
//! - `+word`, `AND`, `-word`/`NOT` and `"quoted phrases"` keep their meaning: what they
//!   require is required (a phrase is required even without `+`).
//! - **Words close together** and in order add to the score: each pair of neighbouring words
//!   found within [`PROXIMITY_SLOP`] positions.
//! - **The title is evidence about the article, not a substitute for the passage**: a word in
//!   the title adds at most [`TITLE_BOOST`] of its BM25 score, and never makes a passage
//!   match by itself.

use anyhow::Result;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::{QueryError, MAX_QUERY_BYTES};
use crate::index::Store;

/// The weight of the title's match against the passage's.
pub const TITLE_BOOST: f32 = 0.3;
/// The weight of a pair of neighbouring query words found close together.
pub const PROXIMITY_BOOST: f32 = 0.5;
/// How far apart two neighbouring query words may stand to count as close.
pub const PROXIMITY_SLOP: u32 = 3;

/// The parsed text query: the query to run, and the part whose terms are highlighted.
pub struct TextQuery {
    pub query: Box<dyn Query>,
    /// The passage part; one that requires a phrase keeps the matches of its first ranking
    /// alone (query expansion's) for `query`, which shares them (`search/memo.rs`).
    pub body: Box<dyn Query>,
    /// The query requires nothing by operator or phrase: optional words only.
    pub plain: bool,
}

/// Builds the ranked query for the text `q`.
pub fn build(store: &Store, q: &str) -> Result<TextQuery> {
    let f = &store.fields;
    if q.len() > MAX_QUERY_BYTES {
        return Err(QueryError::TooLong { bytes: q.len() }.into());
    }
    if !q.chars().any(char::is_alphanumeric) {
        return Err(QueryError::NoWords(q.to_string()).into());
    }
    let parser = QueryParser::for_index(&store.index, vec![f.body]);
    let parsed = parser
        .parse_query(&require_phrases(q))
        .map_err(|e| QueryError::Unparsable {
            query: q.to_string(),
            why: e.to_string(),
        })?;
    let plain = !has_operators(q) && !requires_something(parsed.as_ref());
    let body = super::memo::around(enough_of(parsed));
    let mut terms: Vec<Term> = Vec::new();
    body.query_terms(&mut |term, _| {
        if term.field() == f.body && !terms.contains(term) {
            terms.push(term.clone());
        }
    });
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, body.box_clone())];
    let title_words: Vec<(Occur, Box<dyn Query>)> = terms
        .iter()
        .filter_map(|t| t.value().as_str().map(str::to_string))
        .map(|w| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(f.title, &w),
                IndexRecordOption::WithFreqs,
            ));
            (Occur::Should, q)
        })
        .collect();
    if !title_words.is_empty() {
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(
                Box::new(BooleanQuery::new(title_words)),
                TITLE_BOOST,
            )),
        ));
    }
    for pair in plain_words(store, q).windows(2) {
        let mut phrase = PhraseQuery::new(vec![
            Term::from_field_text(f.body, &pair[0]),
            Term::from_field_text(f.body, &pair[1]),
        ]);
        phrase.set_slop(PROXIMITY_SLOP);
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(phrase), PROXIMITY_BOOST)),
        ));
    }
    Ok(TextQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        body,
        plain,
    })
}

/// Whether the query uses the query language (phrases, fields, `+`/`-`, `AND`/`OR`/`NOT`,
/// grouping): then it says what it wants, and nothing is added to what it matches.
pub fn has_operators(q: &str) -> bool {
    q.contains(['"', ':', '(', ')', '+', '*', '^', '~'])
        || q.split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with('-'))
}

/// Whether a parsed query requires or excludes anything (a `+word`, `AND`, `-word`, a phrase):
/// a lone word, or words all optional, require nothing.
fn requires_something(parsed: &dyn Query) -> bool {
    match parsed.downcast_ref::<BooleanQuery>() {
        Some(b) => b.clauses().iter().any(|(o, _)| *o != Occur::Should),
        None => parsed.downcast_ref::<TermQuery>().is_none(),
    }
}

/// A quoted phrase with no `+` or `-` before it is required: `"north korea" troops` is
/// `+"north korea" troops`.
fn require_phrases(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 4);
    let mut inside = false;
    let mut prev: Option<char> = None;
    for c in q.chars() {
        if c == '"' {
            let opens = !inside;
            let bare = prev.is_none_or(|p| p.is_whitespace() || p == '(');
            if opens && bare {
                out.push('+');
            }
            inside = !inside;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Words that say nothing of what a passage is about ("why did Parmalat collapse" is about
/// Parmalat collapsing; "how many people are unemployed" is about unemployment): left out of
/// a query of other words. The common English function words (those of NLTK's list, which
/// most search engines' lists resemble), and "said", the commonest verb of news.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "many",
    "me", "more", "most", "much", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
    "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
];

/// The stop words that stemming changes, as the body indexes them ("does" is "doe", "many"
/// "mani"), sorted; a test checks them against the analyzer.
#[rustfmt::skip]
const STEMMED_STOP_WORDS: &[&str] = &[
    "abov", "ani", "becaus", "befor", "doe", "dure", "mani", "onc", "onli", "ourselv", "themselv",
    "veri", "whi", "yourselv",
];

/// Whether an indexed term (folded and stemmed, as [`crate::index::schema::TEXT`] makes it)
/// is a stop word.
pub fn is_stop_term(term: &str) -> bool {
    STOP_WORDS.binary_search(&term).is_ok() || STEMMED_STOP_WORDS.binary_search(&term).is_ok()
}

/// Whether a clause is a single stop word.
fn is_stop_word(q: &dyn Query) -> bool {
    let Some(t) = q.downcast_ref::<TermQuery>() else {
        return false;
    };
    t.term().value().as_str().is_some_and(is_stop_term)
}

/// The query with a minimum of its optional words: stop words dropped when other words
/// remain; then, with no required part, one of two words, or half of three or more (rounded
/// up), must match.
fn enough_of(parsed: Box<dyn Query>) -> Box<dyn Query> {
    let Some(b) = parsed.downcast_ref::<BooleanQuery>() else {
        return parsed;
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = b
        .clauses()
        .iter()
        .map(|(o, q)| (*o, q.box_clone()))
        .collect();
    let content = clauses
        .iter()
        .filter(|(o, q)| *o != Occur::Should || !is_stop_word(q.as_ref()))
        .count();
    if content > 0 {
        clauses.retain(|(o, q)| *o != Occur::Should || !is_stop_word(q.as_ref()));
    }
    let should = clauses.iter().filter(|(o, _)| *o == Occur::Should).count();
    let must = clauses.iter().filter(|(o, _)| *o == Occur::Must).count();
    let minimum = match (must, should) {
        (0, 0 | 1) => 0,
        (0, 2) => 1,
        (0, n) => n.div_ceil(2),
        _ => 0,
    };
    if clauses.len() == 1 && clauses[0].0 == Occur::Should {
        return clauses.remove(0).1;
    }
    Box::new(BooleanQuery::with_minimum_required_clauses(
        clauses, minimum,
    ))
}

/// The query's words as the body indexes them, when it is only words (no operators, phrases
/// or fields): the ones whose neighbours count for proximity.
fn plain_words(store: &Store, q: &str) -> Vec<String> {
    if has_operators(q) {
        return Vec::new();
    }
    let Ok(mut analyzer) = store.index.tokenizer_for_field(store.fields.body) else {
        return Vec::new();
    };
    let mut stream = analyzer.token_stream(q);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_phrases_are_required() {
        assert_eq!(
            require_phrases("\"north korea\" troops"),
            "+\"north korea\" troops"
        );
        assert_eq!(
            require_phrases("troops -\"north korea\""),
            "troops -\"north korea\""
        );
        assert_eq!(
            require_phrases("a +\"b c\" (\"d e\")"),
            "a +\"b c\" (+\"d e\")"
        );
        assert_eq!(require_phrases("title:\"x y\""), "title:\"x y\"");
    }

    #[test]
    fn stop_terms_are_the_stop_words_as_indexed() {
        for list in [STOP_WORDS, STEMMED_STOP_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "not sorted: {list:?}");
        }
        let mut analyzer = crate::index::schema::text_analyzer();
        let mut stems = std::collections::BTreeSet::new();
        for w in STOP_WORDS {
            let mut stream = analyzer.token_stream(w);
            while stream.advance() {
                let stem = stream.token().text.clone();
                assert!(is_stop_term(&stem), "{w} is indexed as {stem}");
                stems.insert(stem);
            }
        }
        for s in STEMMED_STOP_WORDS {
            assert!(stems.contains(*s), "{s} is no stop word's stem");
        }
        assert!(!is_stop_term("oil") && !is_stop_term("doe ") && !is_stop_term(""));
    }
}
