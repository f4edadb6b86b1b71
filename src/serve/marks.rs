//! A text with some of its byte ranges marked: matched words in `<mark>`, entities as links,
//! figures in spans. Ranges that overlap one already taken, or that do not fall on character
//! boundaries, are left unmarked; the text is escaped throughout.

use maud::{html, Markup};

/// A marked range of a text, and how it is marked.
pub struct Span {
    start: usize,
    end: usize,
    how: How,
}

enum How {
    Mark,
    Expanded,
    Link { class: &'static str, href: String },
    Class { class: &'static str, title: String },
}

impl Span {
    /// Words the query matched.
    pub fn mark(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            how: How::Mark,
        }
    }

    /// Words the query was expanded with.
    pub fn expanded(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            how: How::Expanded,
        }
    }

    /// Words that link somewhere.
    pub fn link(start: usize, end: usize, class: &'static str, href: String) -> Span {
        Span {
            start,
            end,
            how: How::Link { class, href },
        }
    }

    /// Words of a kind, with a title.
    pub fn class(start: usize, end: usize, class: &'static str, title: String) -> Span {
        Span {
            start,
            end,
            how: How::Class { class, title },
        }
    }
}

/// `text` with `spans` marked.
pub fn marked(text: &str, spans: &[Span]) -> Markup {
    let mut order: Vec<&Span> = spans
        .iter()
        .filter(|s| s.start < s.end && s.end <= text.len())
        .filter(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end))
        .collect();
    order.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut at = 0;
    let mut pieces = Vec::new();
    for s in order {
        if s.start < at {
            continue;
        }
        pieces.push((&text[at..s.start], None));
        pieces.push((&text[s.start..s.end], Some(&s.how)));
        at = s.end;
    }
    pieces.push((&text[at..], None));
    html! {
        @for (words, how) in pieces {
            @match how {
                None => (words),
                Some(How::Mark) => mark { (words) },
                Some(How::Expanded) => mark.expanded title="a word the query was expanded with" { (words) },
                Some(How::Link { class, href }) => a class=(class) href=(href) { (words) },
                Some(How::Class { class, title }) => span class=(class) title=(title) { (words) },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_ranges_and_escapes_the_rest() {
        let text = "<b>Putin</b> sent 12,000 troops";
        let spans = [
            Span::mark(3, 8),
            Span::class(18, 31, "figure", "12,000 troop".into()),
            Span::mark(4, 6),
        ];
        assert_eq!(
            marked(text, &spans).into_string(),
            "&lt;b&gt;<mark>Putin</mark>&lt;/b&gt; sent <span class=\"figure\" title=\"12,000 troop\">12,000 troops</span>"
        );
        // Not on a character boundary: left unmarked.
        assert_eq!(marked("é", &[Span::mark(0, 1)]).into_string(), "é");
    }
}
