//! Page furniture the extractor would keep inside an article's container: photo captions and
//! credits, bylines and time stamps, share and follow buttons, "related" and "most read"
//! lists, newsletter and comment boxes, galleries. They are removed before extraction, by the
//! words of their `class` and `id` attributes (the names sites give them, as trafilatura's and
//! Readability's lists of boilerplate hints do), and `<figure>`s by element.
//!
//! An element holding a large part of the text of the page's paragraphs is never removed, so that a container
//! with an unlucky class name ("article-body share-enabled") keeps the article.

use dom_query::{Document, Selection};

/// Words of a class or id naming furniture ("image-caption", "article_byline", "shareBar"
/// lower-cased to "sharebar" is matched by its prefix).
const WORDS: &[&str] = &[
    "byline",
    "caption",
    "credit",
    "credits",
    "timestamp",
    "dateline",
    "share",
    "sharing",
    "social",
    "follow",
    "related",
    "recommended",
    "recirculation",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "comments",
    "comment",
    "breadcrumb",
    "breadcrumbs",
    "trending",
    "popular",
    "mostread",
    "gallery",
    "slideshow",
    "carousel",
    "outbrain",
    "taboola",
    "cookie",
    "consent",
];
/// Prefixes of a class or id word that name furniture whatever follows ("sharebar",
/// "relatedlinks", "newsletterform", "captiontext").
const PREFIXES: &[&str] = &[
    "share",
    "related",
    "newsletter",
    "caption",
    "byline",
    "social",
];

/// An element is kept when it holds more than this share of the text of the page's `<p>`s.
const MAX_SHARE: f64 = 0.3;

/// Removes the page's furniture (see the module's documentation).
pub(super) fn remove(doc: &Document) {
    doc.select("figure, figcaption").remove();
    let paragraph_text = |s: &Selection| s.select("p").text().len() as f64;
    let limit = MAX_SHARE * paragraph_text(&doc.select("body"));
    for node in doc.select("body [class], body [id]").nodes() {
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        if is_furniture(&names) && paragraph_text(&Selection::from(*node)) <= limit {
            node.remove_from_parent();
        }
    }
}

fn is_furniture(names: &str) -> bool {
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| WORDS.contains(&w) || PREFIXES.iter().any(|p| w.starts_with(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_by_its_class_or_id_words() {
        for f in [
            "image-caption",
            "article_byline",
            "sharebar",
            "c-related-links",
            "x newsletter",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for f in [
            "article-body story-text",
            "story",
            "commentary",
            "main-content",
        ] {
            assert!(!is_furniture(f), "{f}");
        }
    }
}
