//! What a search returns: passages as hits, with their stored annotations.

use serde::Serialize;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::entity;
use crate::annotate::{EntityMention, PassageAnnotations};
use crate::date::Date;
use crate::index::Store;

/// One matching passage.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub article_id: String,
    pub path: String,
    pub line: u64,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// BM25 score; absent when sorting by date.
    pub score: Option<f32>,
    /// Ordinal of the passage within its article.
    pub passage: u64,
    pub text: String,
    /// Byte ranges `[start, end)` of the matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
    /// Byte ranges of the query's words in `title`.
    pub title_highlights: Vec<[usize; 2]>,
    /// Byte ranges in `text` of words the query was expanded with (not typed).
    pub expanded_highlights: Vec<[usize; 2]>,
    /// The people, organizations and places the passage mentions.
    pub entities: Vec<EntityMention>,
    /// The figures in the passage.
    pub figures: Vec<crate::annotate::figures::Figure>,
    /// The dates the passage mentions.
    pub dates: Vec<crate::annotate::dates::DateMention>,
    /// The agencies the article credits.
    pub agencies: Vec<crate::annotate::CreditedAgency>,
    /// With entity filters: "tagged" when the recognizer tagged the entity (in the passage,
    /// or with a text query in its article) for every filter, "name" when some filter
    /// matched by the entity's name in the text alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<&'static str>,
    /// The paths of near-duplicate articles collapsed into this one's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<String>,
}

/// What a search found, and what its entity filters were resolved to.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub resolved: Vec<entity::Resolved>,
}

/// A stored passage as a hit with no score and no highlights (for reading the index whole).
pub fn passage_of(store: &Store, doc: &TantivyDocument) -> Hit {
    to_hit(store, doc, None)
}

pub(crate) fn to_hit(store: &Store, doc: &TantivyDocument, score: Option<f32>) -> Hit {
    let f = &store.fields;
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let num = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    let hit = Hit {
        article_id: text(f.id).unwrap_or_default(),
        path: text(f.path).unwrap_or_default(),
        line: num(f.line),
        title: text(f.title).unwrap_or_default(),
        date: doc
            .get_first(f.date)
            .and_then(|v| v.as_i64())
            .map(|d| Date::from_days(d).to_string()),
        source: text(f.source),
        url: text(f.url),
        score,
        passage: num(f.passage),
        text: text(f.body).unwrap_or_default(),
        highlights: Vec::new(),
        title_highlights: Vec::new(),
        expanded_highlights: Vec::new(),
        entities: Vec::new(),
        figures: Vec::new(),
        dates: Vec::new(),
        agencies: Vec::new(),
        matched_by: None,
        also_in: Vec::new(),
    };
    let ann = annotations(store, doc);
    Hit {
        entities: ann.entities,
        figures: ann.figures,
        dates: ann.dates,
        agencies: ann.article_agencies,
        ..hit
    }
}

/// The stored annotations of a passage document.
pub fn annotations(store: &Store, doc: &TantivyDocument) -> PassageAnnotations {
    doc.get_first(store.fields.annotations)
        .and_then(|v| v.as_str())
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}
