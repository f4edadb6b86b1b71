//! A web page as one article: parsed by an HTML5 parser (html5ever, through `dom_query`),
//! its main content found by `dom_smoothie` (a port of Mozilla's Readability: navigation,
//! related links, comments, cookie notices and share buttons left out), each of its lines a
//! paragraph (`<br>` and block elements break paragraphs), each paragraph traced to the line
//! of the file it starts on.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::boilerplate;
use super::metadata::{self, Head};
use super::source::Source;
use crate::article::{fold_whitespace, Article, Paragraph};
use crate::corpus::{FileError, Parsed};

pub(in crate::corpus) fn read(text: &str) -> Result<Parsed, FileError> {
    let source = Source::scan(text)?;
    let doc = Document::from(text);
    let head = Head::read(&doc);
    boilerplate::remove(&doc);
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let extracted = Readability::with_document(doc, None, Some(config)).and_then(|mut r| r.parse());
    let Ok(page) = extracted else {
        return Err(FileError::malformed("no text found in the HTML"));
    };
    let title = metadata::headline(&page.title, page.site_name.as_deref(), head.h1.as_deref());
    let mut from = 0;
    let title_line = source.line_of(&title, &mut from).unwrap_or(1);
    let mut line = title_line;
    let mut paragraphs = Vec::new();
    from = 0;
    for text in page.text_content.split('\n') {
        let text = fold_whitespace(text);
        if text.is_empty() {
            continue;
        }
        line = source.line_of(&text, &mut from).unwrap_or(line);
        paragraphs.push(Paragraph { line, text });
    }
    if paragraphs.is_empty() && title.is_empty() {
        return Err(FileError::malformed("no text found in the HTML"));
    }
    let url = head.canonical.or(page.url);
    let date = metadata::date(
        page.published_time.as_deref(),
        head.time.as_deref(),
        url.as_deref(),
    );
    let nonempty = |s: Option<String>| s.map(|s| fold_whitespace(&s)).filter(|s| !s.is_empty());
    Ok(Parsed {
        articles: vec![Article {
            title,
            title_line,
            date,
            source: nonempty(page.site_name),
            url,
            author: nonempty(page.byline),
            paragraphs,
            ..Default::default()
        }],
        ..Parsed::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page: a `<br>` inside a paragraph, a `<div>` after the `<p>`s, named
    /// references, metadata in the head, navigation and a footer around the article.
    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Caf&eacute; strike &ndash; The Paper</title>\n<meta property=\"og:site_name\" content=\"The Paper\">\n<meta property=\"article:published_time\" content=\"2024-06-19T10:00:00Z\">\n<meta name=\"author\" content=\"Ann Lee\">\n<link rel=\"canonical\" href=\"https://paper.example/a/1\">\n</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n<article><h1>Caf&eacute; strike</h1>\n<p>The closures would cost 12,000 jobs, the minister said on Tuesday in a long statement to parliament.<br>Their union's leader, Fran&ccedil;ois Dupont, called it &lsquo;absurd&rsquo;.</p>\n<p>Second paragraph, with more words about the strike and the closures that follow it.</p>\n<div>A paragraph in a div after the others, also part of the article's text.</div>\n</article><footer>Copyright 2024 The Paper</footer></body></html>\n";

    #[test]
    fn reads_the_article_its_breaks_references_and_metadata() {
        let a = &read(PAGE).unwrap().articles[0];
        assert_eq!(a.title, "Caf\u{e9} strike");
        assert_eq!(a.title_line, 2);
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The closures would cost 12,000 jobs, the minister said on Tuesday in a long statement to parliament.",
                "Their union's leader, Fran\u{e7}ois Dupont, called it \u{2018}absurd\u{2019}.",
                "Second paragraph, with more words about the strike and the closures that follow it.",
                "A paragraph in a div after the others, also part of the article's text.",
            ]
        );
        let lines: Vec<u64> = a.paragraphs.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![9, 9, 10, 11]);
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-06-19"));
        assert_eq!(a.source.as_deref(), Some("The Paper"));
        assert_eq!(a.url.as_deref(), Some("https://paper.example/a/1"));
        assert_eq!(a.author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_page_without_text_is_malformed() {
        assert!(read("<script>only</script>")
            .unwrap_err()
            .to_string()
            .contains("no text"));
    }
}
