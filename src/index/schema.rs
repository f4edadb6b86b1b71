//! The tantivy schema: one document per passage.
//!
//! Text fields use English stemming with accents folded, with positions (phrases work); metadata that is matched
//! whole (paths, ids, sources) uses the `keyword` analyzer (the whole value, lower-cased).
//! Annotation fields (entities, figures, agencies) join this schema as their own named
//! fields; any change to it bumps [`SCHEMA_VERSION`], and an index of another version is
//! refused with a request to rebuild rather than misread.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, TextAnalyzerBuilder, Tokenizer,
};
use tantivy::Index;

/// The version of the schema and of the manifest kept in commits.
pub const SCHEMA_VERSION: u32 = 9;

/// Name of the analyzer that indexes a whole value lower-cased.
pub const KEYWORD: &str = "keyword";
/// Name of the analyzer of titles and passages: words lower-cased, accents folded as users
/// type them ("cafe" finds "Café", "Malmo" finds "Malmö"), English stems.
pub const TEXT: &str = "en_fold";

/// Handles to every field of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Article id (`path#ordinal`), matched whole.
    pub id: Field,
    /// The file's path as shown to users, matched whole (deleting a file's passages uses it).
    pub path: Field,
    /// Passage ordinal within its article.
    pub passage: Field,
    /// 1-based line of the passage in its file.
    pub line: Field,
    pub title: Field,
    pub body: Field,
    /// Days since 1970-01-01; indexed for ranges and fast for sorting.
    pub date: Field,
    pub source: Field,
    pub url: Field,
    /// Entity keys (see [`crate::annotate::keys`]) of the whole article, for filtering.
    pub person: Field,
    pub org: Field,
    pub place: Field,
    /// Entity keys of this passage alone, for listing the passages that mention an entity.
    pub person_here: Field,
    pub org_here: Field,
    pub place_here: Field,
    /// Keys of every agency the article credits, and of its news agencies alone (with `*` for
    /// any news agency).
    pub agency: Field,
    pub agency_wire: Field,
    /// The passage's figures as `unit:value` terms (see [`crate::search::figure`]).
    pub figure: Field,
    /// The dates the passage mentions, at each precision (`2024`, `2024-06`, `2024-06-19`),
    /// and the first day of each as days since 1970-01-01 (see
    /// [`crate::annotate::dates`]).
    pub mentioned: Field,
    pub mentioned_day: Field,
    /// The passage's annotations as JSON, for display.
    pub annotations: Field,
    /// The entity catalogue's terms for the entities this passage mentions (see
    /// [`crate::index::catalogue`]).
    pub entity_link: Field,
    /// The article's fingerprint ([`crate::annotate::fingerprint`]), fast, for collapsing
    /// near-duplicate articles.
    pub fingerprint: Field,
    /// What the passage mentions, as fast values for counting facets (see
    /// [`crate::index::facet`]).
    pub facet: Field,
}

impl Fields {
    /// The term that holds every passage of a file (to delete them when the file changes or
    /// goes).
    pub fn path_term(&self, path: &str) -> tantivy::Term {
        tantivy::Term::from_field_text(self.path, path)
    }

    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            path: f("path")?,
            passage: f("passage")?,
            line: f("line")?,
            title: f("title")?,
            body: f("body")?,
            date: f("date")?,
            source: f("source")?,
            url: f("url")?,
            person: f("person")?,
            org: f("org")?,
            place: f("place")?,
            person_here: f("person_here")?,
            org_here: f("org_here")?,
            place_here: f("place_here")?,
            agency: f("agency")?,
            agency_wire: f("agency_wire")?,
            figure: f("figure")?,
            mentioned: f("mentioned")?,
            mentioned_day: f("mentioned_day")?,
            annotations: f("annotations")?,
            entity_link: f("entity_link")?,
            fingerprint: f("fingerprint")?,
            facet: f("facet")?,
        })
    }
}

/// Builds the schema.
pub fn build() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    // Fast too: a filter that must find whole articles reads the ids of matching passages.
    b.add_text_field("id", STRING | STORED | FAST);
    b.add_text_field("path", STRING | STORED);
    b.add_u64_field("passage", STORED);
    b.add_u64_field("line", STORED);
    b.add_text_field("title", text.clone());
    b.add_text_field("body", text);
    b.add_i64_field(
        "date",
        NumericOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored(),
    );
    b.add_text_field("source", keyword.clone());
    b.add_text_field("url", STORED);
    let key = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    for name in [
        "person",
        "org",
        "place",
        "person_here",
        "org_here",
        "place_here",
        "agency",
        "agency_wire",
    ] {
        b.add_text_field(name, key.clone());
    }
    b.add_text_field("figure", STRING);
    b.add_text_field("mentioned", STRING);
    b.add_i64_field("mentioned_day", NumericOptions::default().set_indexed());
    b.add_text_field("annotations", STORED);
    b.add_text_field("entity_link", STRING);
    b.add_u64_field("fingerprint", FAST);
    b.add_text_field("facet", TextOptions::default().set_fast("raw"));
    b.build()
}

/// The words of titles and passages: split, overlong ones dropped, lower-cased, accents
/// folded.
fn words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
}

/// The analyzer of titles and passages ([`TEXT`]): their words, each stemmed as [`stemmer`]
/// does.
pub fn text_analyzer() -> TextAnalyzer {
    words().filter(Stemmer::new(Language::English)).build()
}

/// [`text_analyzer`] without its last step, stemming (which keeps a word's first letter): the
/// highlighter stems only the words that could match a term.
pub fn unstemmed_analyzer() -> TextAnalyzer {
    words().build()
}

/// The last step of [`text_analyzer`] alone: a word of [`unstemmed_analyzer`] to its stem.
pub fn stemmer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Registers the analyzers the schema names.
pub fn register_tokenizers(index: &Index) {
    index.tokenizers().register(TEXT, text_analyzer());
    index.tokenizers().register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}
