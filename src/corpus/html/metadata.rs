//! What a page says about its article besides the text: the headline without the site's
//! name, the date, the author, the site (the article's source) and the canonical URL.
//!
//! The extractor reads the common ones (JSON-LD, Open Graph, Dublin Core, `<title>`); this
//! adds what it leaves out: `<link rel="canonical">` and `og:url`, the date from `<time>` or
//! the URL when the metadata has none, and the site's name cut from the headline.

use std::sync::OnceLock;

use dom_query::Document;
use regex::Regex;

use crate::article::fold_whitespace;
use crate::date::Date;

/// What is read from the document before the extractor takes it.
#[derive(Debug, Default)]
pub(super) struct Head {
    pub canonical: Option<String>,
    pub time: Option<String>,
    pub h1: Option<String>,
}

impl Head {
    pub(super) fn read(doc: &Document) -> Head {
        let attr = |sel: &str, name: &str| {
            doc.select(sel)
                .first()
                .attr(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let h1 = doc.select("h1").first();
        Head {
            canonical: attr("link[rel=canonical]", "href")
                .or_else(|| attr("meta[property=\"og:url\"]", "content")),
            time: attr("time[datetime]", "datetime"),
            h1: h1
                .exists()
                .then(|| fold_whitespace(&h1.text()))
                .filter(|t| !t.is_empty()),
        }
    }
}

/// Separators pages put between a headline and the site's name.
const SEPARATORS: &[&str] = &[
    " | ",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " :: ",
    " \u{bb} ",
    " \u{b7} ",
];

/// The headline without the site's name: "Café strike – The Paper" gives "Café strike" when
/// the site is "The Paper", or when the page's `<h1>` is "Café strike".
pub(super) fn headline(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    let title = fold_whitespace(title);
    for sep in SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        let is_site = site.is_some_and(|s| tail.eq_ignore_ascii_case(s.trim()));
        let is_h1 = h1.is_some_and(|h| head.eq_ignore_ascii_case(h));
        if (is_site || is_h1) && !head.trim().is_empty() {
            return head.trim().to_string();
        }
    }
    if title.is_empty() {
        return h1.unwrap_or_default().to_string();
    }
    title
}

/// The article's date: the metadata's, else the `<time>` element's, else one written in the
/// URL (`/2019/11/19/`, `-2019-11-19`, `/20191119/`).
pub(super) fn date(published: Option<&str>, time: Option<&str>, url: Option<&str>) -> Option<Date> {
    static IN_URL: OnceLock<Regex> = OnceLock::new();
    published
        .and_then(Date::parse)
        .or_else(|| time.and_then(Date::parse))
        .or_else(|| {
            let re = IN_URL.get_or_init(|| {
                Regex::new(r"[/_-]((?:19|20)\d\d)[/_-]?([01]\d)[/_-]?([0-3]\d)(?:[/_.-]|$)")
                    .unwrap()
            });
            let c = re.captures(url?)?;
            Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_name_is_cut_from_the_headline() {
        assert_eq!(
            headline("Café strike – The Paper", Some("The Paper"), None),
            "Café strike"
        );
        assert_eq!(
            headline("Strike ends | BBC News", None, Some("Strike ends")),
            "Strike ends"
        );
        assert_eq!(
            headline("Left - right - centre", None, None),
            "Left - right - centre"
        );
        assert_eq!(headline("", None, Some("Head")), "Head");
    }

    #[test]
    fn dates_from_metadata_time_or_url() {
        let d = |p, t, u| date(p, t, u).map(|d| d.to_string());
        assert_eq!(
            d(Some("2024-06-19T10:00:00Z"), None, None).as_deref(),
            Some("2024-06-19")
        );
        assert_eq!(
            d(None, Some("2019-11-19"), None).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            d(None, None, Some("https://x.org/news/2019/11/19/story.html")).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            d(None, None, Some("https://x.org/a-20191119.html")).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(d(None, None, Some("https://x.org/id/11574168580")), None);
    }
}
