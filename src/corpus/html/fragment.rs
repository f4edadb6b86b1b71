//! A piece of HTML that is all article (a feed item's content, not a whole page): its text,
//! one paragraph per block element or `<br>`, with scripts and styles left out and every
//! character reference decoded.

use dom_query::{Document, NodeRef};

use crate::article::fold_whitespace;

/// Elements that begin and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
];
/// Elements whose content is not text.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "iframe"];

/// The fragment's paragraphs.
pub(in crate::corpus) fn paragraphs(html: &str) -> Vec<String> {
    let doc = Document::fragment(html);
    let mut text = String::new();
    walk(&doc.root(), &mut text);
    text.split('\n')
        .map(fold_whitespace)
        .filter(|p| !p.is_empty())
        .collect()
}

fn walk(node: &NodeRef, out: &mut String) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if HIDDEN.contains(&name.as_str()) {
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        if block {
            out.push('\n');
        }
        walk(&child, out);
        if block {
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_breaks_are_paragraphs() {
        assert_eq!(
            paragraphs("Lead <b>text</b>.<br>Second&nbsp;line.<p>Caf&eacute; <i>owners</i> said.</p><script>x()</script>"),
            vec!["Lead text.", "Second line.", "Caf\u{e9} owners said."]
        );
        assert_eq!(paragraphs("plain text only"), vec!["plain text only"]);
    }
}
