//! Feeds: RSS 2.0 (and 0.9x, 1.0) and Atom, in `.rss`, `.atom` and `.xml` files. Each item
//! (`<item>`, `<entry>`) is one article: its title, link, date (`pubDate`, `published`,
//! `updated`, `dc:date`), author, and text: the fullest of `content:encoded`, `<content>`,
//! `<description>` and `<summary>`, read as HTML. The feed's own title is each article's
//! source. Passages point at the line on which their item's text starts.
//!
//! An `.xml` file whose root is not `<rss>`, `<rdf:RDF>` or `<feed>` is not a feed, and is
//! reported as such. XML broken after some items keeps those items (the rest is one bad
//! record); broken before any is malformed.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::{html, BadRecord, FileError, LineIndex, Parsed};
use crate::article::{fold_whitespace, Article, Paragraph};
use crate::date::Date;

/// An item being read.
#[derive(Default)]
struct Item {
    title: String,
    link: Option<String>,
    date: Option<String>,
    author: Option<String>,
    /// Candidate texts, each with the byte offset where it starts.
    texts: Vec<(usize, String)>,
    start: usize,
}

pub(super) fn read(text: &str) -> Result<Parsed, FileError> {
    let lines = LineIndex::new(text);
    let mut reader = Reader::from_str(text);
    let mut parsed = Parsed::default();
    let mut path: Vec<String> = Vec::new();
    let mut item: Option<Item> = None;
    let mut feed_title = String::new();
    // The text of the element being read, and where it started.
    let mut buf = String::new();
    let mut buf_start = 0usize;
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let why = format!("invalid XML: {e}");
                if path.is_empty() && parsed.articles.is_empty() {
                    return Err(FileError::Malformed {
                        format: "feed",
                        why,
                    });
                }
                parsed.bad_records.push(BadRecord {
                    line: lines.line_of(reader.error_position() as usize),
                    why: format!("{why}; the rest of the feed is not read"),
                });
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let name = local(&e);
                if path.is_empty() && !matches!(name.as_str(), "rss" | "rdf" | "feed") {
                    return Err(FileError::Malformed {
                        format: "feed",
                        why: format!("not an RSS or Atom feed (its root element is <{name}>)"),
                    });
                }
                if matches!(name.as_str(), "item" | "entry") {
                    item = Some(Item {
                        start: at,
                        ..Item::default()
                    });
                }
                if let (Some(it), "link") = (item.as_mut(), name.as_str()) {
                    atom_link(it, &e);
                }
                path.push(name);
                buf.clear();
                buf_start = reader.buffer_position() as usize;
            }
            Event::Empty(e) => {
                if let (Some(it), "link") = (item.as_mut(), local(&e).as_str()) {
                    atom_link(it, &e);
                }
            }
            Event::Text(t) => buf.push_str(&t),
            Event::CData(t) => buf.push_str(&t),
            Event::GeneralRef(r) => buf.push_str(&reference(&r)),
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let parent = path.last().map(String::as_str).unwrap_or("");
                let value = std::mem::take(&mut buf);
                match (item.as_mut(), name.as_str()) {
                    (Some(_), "item" | "entry") => {
                        let it = item.take().unwrap_or_default();
                        if let Some(a) = article(it, &feed_title, &lines, parsed.articles.len()) {
                            parsed.articles.push(a);
                        }
                    }
                    (Some(it), _) if matches!(parent, "item" | "entry") => {
                        field(it, &name, value, buf_start)
                    }
                    (Some(it), "name") if parent == "author" => it.author = Some(value),
                    (None, "title") if matches!(parent, "channel" | "feed") => feed_title = value,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(parsed)
}

/// An element's local name in lower case (`content:encoded` gives "encoded").
fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_ascii_lowercase()
}

/// Atom's `<link href="..." rel="alternate"/>` (or with no `rel`).
fn atom_link(it: &mut Item, e: &BytesStart) {
    let attr = |name: &str| {
        e.try_get_attribute(name).ok().flatten().and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
    };
    let rel = attr("rel");
    if let Some(href) = attr("href") {
        if it.link.is_none() && rel.as_deref().is_none_or(|r| r == "alternate") {
            it.link = Some(href);
        }
    }
}

/// A character or entity reference: XML's five and numeric ones decoded; any other
/// (`&nbsp;` in an HTML description) kept for the HTML reader to decode.
fn reference(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match &**r {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => format!("&{other};"),
    }
}

/// A child element of an item.
fn field(it: &mut Item, name: &str, value: String, start: usize) {
    let value = value.trim().to_string();
    if value.is_empty() {
        return;
    }
    match name {
        "title" => it.title = fold_whitespace(&html::fragment::paragraphs(&value).join(" ")),
        "link" if it.link.is_none() => it.link = Some(value),
        "pubdate" | "published" | "date" => it.date = Some(value),
        "updated" if it.date.is_none() => it.date = Some(value),
        "creator" | "author" => it.author = Some(fold_whitespace(&value)),
        "encoded" | "content" | "description" | "summary" => it.texts.push((start, value)),
        _ => {}
    }
}

/// The article of a finished item; `None` for an item with neither title nor text.
fn article(it: Item, feed_title: &str, lines: &LineIndex, ordinal: usize) -> Option<Article> {
    let (start, paragraphs) = it
        .texts
        .iter()
        .map(|(start, html)| (*start, html::fragment::paragraphs(html)))
        .max_by_key(|(_, p)| p.iter().map(String::len).sum::<usize>())
        .unwrap_or((it.start, Vec::new()));
    if paragraphs.is_empty() && it.title.is_empty() {
        return None;
    }
    let line = lines.line_of(start);
    Some(Article {
        ordinal: ordinal as u64,
        title: it.title,
        title_line: lines.line_of(it.start),
        date: it.date.as_deref().and_then(Date::parse),
        source: Some(fold_whitespace(feed_title)).filter(|s| !s.is_empty()),
        url: it.link,
        author: it.author,
        paragraphs: paragraphs
            .into_iter()
            .map(|text| Paragraph { line, text })
            .collect(),
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_are_articles() {
        let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n<title>The Paper</title>\n<item>\n<title>Zebra &amp; friends</title>\n<link>https://paper.example/z</link>\n<pubDate>Wed, 19 Jun 2024 10:00:00 GMT</pubDate>\n<description>Short.</description>\n<content:encoded><![CDATA[<p>A zebra escaped.</p><p>Keepers &eacute;tonn&eacute;s.</p>]]></content:encoded>\n</item>\n<item><title>Second</title><description>&lt;p&gt;Escaped HTML text.&lt;/p&gt;</description></item>\n</channel></rss>\n";
        let p = read(rss).unwrap();
        assert_eq!(p.articles.len(), 2);
        let a = &p.articles[0];
        assert_eq!(a.title, "Zebra & friends");
        assert_eq!(a.url.as_deref(), Some("https://paper.example/z"));
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-06-19"));
        assert_eq!(a.source.as_deref(), Some("The Paper"));
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["A zebra escaped.", "Keepers \u{e9}tonn\u{e9}s."]
        );
        assert_eq!(a.paragraphs[0].line, 9);
        assert_eq!(p.articles[1].paragraphs[0].text, "Escaped HTML text.");
    }

    #[test]
    fn atom_entries_are_articles() {
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title>\n<entry><title>Zebra</title><link rel=\"alternate\" href=\"https://w.example/1\"/><published>2024-06-19T10:00:00Z</published><author><name>Ann Lee</name></author><content type=\"html\">&lt;p&gt;A zebra.&lt;/p&gt;</content></entry></feed>";
        let a = &read(atom).unwrap().articles[0];
        assert_eq!(a.url.as_deref(), Some("https://w.example/1"));
        assert_eq!(a.author.as_deref(), Some("Ann Lee"));
        assert_eq!(a.paragraphs[0].text, "A zebra.");
        assert_eq!(a.source.as_deref(), Some("Wire"));
    }

    #[test]
    fn other_xml_and_broken_feeds() {
        let err = read("<urlset><url/></urlset>").unwrap_err().to_string();
        assert!(err.contains("not an RSS or Atom feed"), "{err}");
        let cut = "<rss><channel><item><title>One</title><description>Kept.</description></item><item><title>Two</title></oops></channel></rss>";
        let p = read(cut).unwrap();
        assert_eq!(p.articles.len(), 1);
        assert_eq!(p.bad_records.len(), 1);
    }
}
