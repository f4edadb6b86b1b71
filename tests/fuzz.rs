//! Property tests, bounded so CI runs them in seconds: the readers, the annotators and the
//! query parser take any input without panicking, and what they return points at real text.

use std::sync::OnceLock;

use newsdex::annotate::{figures, keys};
use newsdex::corpus::{self, Format};
use newsdex::date::Date;
use newsdex::index::Store;
use newsdex::search::{self, Request};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Cases per property: `default` in CI; NEWSDEX_FUZZ_CASES for a longer run by hand.
fn cases(default: u32) -> u32 {
    std::env::var("NEWSDEX_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Text with the characters readers care about, and anything else.
fn texty() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<REUTERS>".to_string()),
            Just("</REUTERS>".to_string()),
            Just("<BODY>".to_string()),
            Just("---\n".to_string()),
            Just("{\"title\": \"t\", \"body\": \"".to_string()),
            Just("\"}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("\n\n".to_string()),
            Just("&amp;&#x41;&#99999999;".to_string()),
            Just("12,000 soldiers ".to_string()),
            Just("$1.13bn ".to_string()),
            Just("Vladimir Putin said ".to_string()),
            Just("(AP) - ".to_string()),
            Just("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 60\r\n\r\n".to_string()),
            Just("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_string()),
            Just("<rss><channel><item><description>".to_string()),
            Just("</description></item>".to_string()),
            Just("<![CDATA[".to_string()),
            Just("]]>".to_string()),
            "\\PC{0,12}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// The configuration of each property: `cases` cases, after the committed regressions
/// (`tests/fuzz.proptest-regressions`, next to this file) are replayed.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::with_cases(cases)
    }
}

proptest! {
    #![proptest_config(config(cases(500)))]

    #[test]
    fn readers_never_panic(text in texty()) {
        for format in [Format::Text, Format::Markdown, Format::Json, Format::JsonLines, Format::Html, Format::Sgml, Format::Warc, Format::Feed] {
            if let Ok(parsed) = corpus::parse("x", format, &text) {
                for a in &parsed.articles {
                    for p in a.passages() {
                        prop_assert!(!p.text.is_empty());
                        prop_assert!(p.line >= 1);
                    }
                }
            }
        }
    }

    #[test]
    fn figures_point_at_their_words(text in texty()) {
        for f in figures::find(&text) {
            prop_assert_eq!(&text[f.start..f.end], f.text.as_str());
            prop_assert!(f.value.is_finite());
        }
    }

    #[test]
    fn dates_and_keys_never_panic(s in "\\PC{0,40}") {
        let _ = Date::parse(&s);
        let _ = Date::from_dateline(&s);
        let _ = keys::key(&s);
    }

    #[test]
    fn queries_never_panic(q in "[\\PC\"():*+\\-~^]{0,60}") {
        let store = store();
        let req = Request { query: Some(q), ..Default::default() };
        let _ = search::search(store, &req);
    }
}

proptest! {
    #![proptest_config(config(cases(100)))]

    /// Alone, and read together with others (three copies, so that its names speak for
    /// the corpus, and texts that mix it with another).
    #[test]
    fn annotation_never_panics_and_spans_hold(text in texty(), other in texty()) {
        let article = |text: String| newsdex::article::Article {
            paragraphs: vec![newsdex::article::Paragraph { line: 1, text }],
            ..Default::default()
        };
        let articles = [
            text.clone(),
            text.clone(),
            text.clone(),
            other.clone(),
            format!("{other} {text}"),
            format!("{text} {other}"),
        ]
        .map(article);
        let passages: Vec<_> = articles.iter().map(|a| a.passages()).collect();
        let items: Vec<newsdex::annotate::Item> = articles
            .iter()
            .zip(&passages)
            .map(|(article, passages)| newsdex::annotate::Item { article, passages, folder: None })
            .collect();
        let together = newsdex::annotate::annotate_together(&items, &|| false).unwrap();
        let alone = newsdex::annotate::annotate(&articles[0], &passages[0], None);
        let all = passages.iter().chain([&passages[0]]);
        for (passages, ann) in all.zip(together.iter().chain([&alone])) {
            for (p, pa) in passages.iter().zip(&ann.passages) {
                for e in &pa.entities {
                    prop_assert_eq!(&p.text[e.start..e.end], e.text.as_str());
                }
                for a in &pa.agencies {
                    prop_assert_eq!(&p.text[a.start..a.end], a.text.as_str());
                }
            }
        }
    }
}

/// A small index shared by the query tests.
fn store() -> &'static Store {
    static STORE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let tmp = tempfile::TempDir::new().unwrap();
            let c = tmp.path().join("c");
            std::fs::create_dir_all(&c).unwrap();
            std::fs::write(
                c.join("a.txt"),
                "A\n\nThe zebra ran with 12,000 soldiers.\n",
            )
            .unwrap();
            let idx = tmp.path().join("idx");
            newsdex::index::writer::run(&newsdex::index::writer::Options {
                corpus: c,
                index: idx.clone(),
                rebuild: false,
                progress: false,
                agency_from_folder: false,
            })
            .unwrap();
            let store = Store::open(&idx).unwrap();
            (tmp, store)
        })
        .1
}
