//! Articles and passages: the document object every later stage works on.
//!
//! A reader (see [`crate::corpus`]) turns a file into [`Article`]s made of [`Paragraph`]s that
//! remember the line they start on; [`Article::passages`] then cuts those paragraphs into
//! [`Passage`]s, the unit of search: one paragraph each, with paragraphs longer than
//! [`MAX_PASSAGE_WORDS`] split at sentence boundaries.

use serde::Serialize;

/// Paragraphs longer than this many words are split at sentence boundaries.
pub const MAX_PASSAGE_WORDS: usize = 150;

/// A paragraph as a reader found it: raw text (may hold newlines) and the 1-based line it
/// starts on in its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub line: u64,
    pub text: String,
}

/// One news story. A file holds one or more (JSON arrays, JSON lines, Reuters SGML).
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Stable id: the file's path and the article's ordinal within the file (`path#0`).
    pub id: String,
    /// The file, as the corpus directory was given plus the path below it.
    pub path: String,
    /// Ordinal of the article within its file, from 0.
    pub ordinal: u64,
    pub title: String,
    /// Line of the title (or of the record) in the file.
    pub title_line: u64,
    /// Calendar date, normalised to `YYYY-MM-DD`.
    pub date: Option<crate::date::Date>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

/// The unit of search: a paragraph, or a run of sentences of a long one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Ordinal of the passage within its article, from 0.
    pub ordinal: u64,
    /// 1-based line of the file on which the passage starts.
    pub line: u64,
    /// The passage text with runs of white space folded to one space.
    pub text: String,
}

/// A paragraph of at most this many words, with no closing punctuation, is a heading.
pub const MAX_HEADING_WORDS: usize = 10;

/// Whether a paragraph reads as a heading or a short label ("Deepening Russia-North Korea
/// Ties"): a few words, not ending as a sentence does.
fn is_heading(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.split_whitespace().count() <= MAX_HEADING_WORDS
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201d}', ')', '\''])
}

/// An article's id: its file's path and its ordinal within the file (`path#0`).
pub fn article_id(path: &str, ordinal: u64) -> String {
    format!("{path}#{ordinal}")
}

/// The file of an article id ([`article_id`]).
pub fn path_of_id(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(path, _)| path)
}

impl Article {
    /// Cuts the article's paragraphs into passages. A heading is joined to the paragraph it
    /// introduces (its passage starts on the heading's line), so that it is not ranked alone.
    pub fn passages(&self) -> Vec<Passage> {
        let mut out: Vec<Passage> = Vec::new();
        let mut heading: Option<(u64, String)> = None;
        for (i, para) in self.paragraphs.iter().enumerate() {
            if i + 1 < self.paragraphs.len() && is_heading(&para.text) {
                let text = fold_whitespace(&para.text);
                heading = Some(match heading.take() {
                    Some((line, before)) => (line, format!("{before} \u{2014} {text}")),
                    None => (para.line, text),
                });
                continue;
            }
            // Lines are counted as the pieces go by, not from the paragraph start each time.
            let (mut counted_to, mut newlines) = (0, 0u64);
            for (offset, piece) in split_paragraph(&para.text) {
                newlines += para.text[counted_to..offset].matches('\n').count() as u64;
                counted_to = offset;
                let text = fold_whitespace(piece);
                if text.is_empty() {
                    continue;
                }
                let (line, text) = match heading.take() {
                    Some((line, h)) => (line, format!("{h} \u{2014} {text}")),
                    None => (para.line + newlines, text),
                };
                out.push(Passage {
                    ordinal: out.len() as u64,
                    line,
                    text,
                });
            }
        }
        out
    }
}

/// The index in `passages` of the passage with `ordinal` (ordinals count from 0 in order,
/// so this is direct; the check guards against a slice that does not start at 0).
pub fn passage_index(passages: &[Passage], ordinal: u64) -> Option<usize> {
    let i = ordinal as usize;
    if passages.get(i).is_some_and(|p| p.ordinal == ordinal) {
        Some(i)
    } else {
        passages.iter().position(|p| p.ordinal == ordinal)
    }
}

/// Folds every run of white space (newlines included) into one space and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits a paragraph into pieces of at most [`MAX_PASSAGE_WORDS`] words, cutting only at
/// sentence boundaries (a sentence longer than the limit stays whole). Returns each piece
/// with its byte offset in `text`.
pub fn split_paragraph(text: &str) -> Vec<(usize, &str)> {
    if text.split_whitespace().count() <= MAX_PASSAGE_WORDS {
        return vec![(0, text)];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut words = 0;
    let mut prev = 0;
    for end in sentence_ends(text) {
        let n = text[prev..end].split_whitespace().count();
        if words > 0 && words + n > MAX_PASSAGE_WORDS {
            pieces.push((start, &text[start..prev]));
            start = prev;
            words = 0;
        }
        words += n;
        prev = end;
    }
    if start < text.len() {
        pieces.push((start, &text[start..]));
    }
    pieces
}

/// Byte offsets just past each sentence of `text` (the last one is `text.len()`).
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') {
            // Take closing quotes and brackets with the sentence.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            // Curly closing quote (U+201D, U+2019).
            while text[j..].starts_with('\u{201d}') || text[j..].starts_with('\u{2019}') {
                j += 3;
            }
            let followed_by_space = j < bytes.len() && bytes[j].is_ascii_whitespace();
            if followed_by_space && b == b'.' && is_abbreviation(&text[..i]) {
                i = j;
                continue;
            }
            if followed_by_space {
                let mut k = j;
                while k < bytes.len() && bytes[k].is_ascii_whitespace() {
                    k += 1;
                }
                let next = text[k..].chars().next();
                if next.is_some_and(|c| {
                    c.is_uppercase() || c.is_numeric() || "\"'\u{201c}(".contains(c)
                }) {
                    ends.push(k);
                    i = k;
                    continue;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if ends.last() != Some(&text.len()) {
        ends.push(text.len());
    }
    ends
}

/// Words written with a period that ends no sentence ("Mr. Lee", "St. Louis", "Jan. 5").
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm", "Rep", "Sen",
    "Gov", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "etc", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "U.S", "U.K",
    "U.N", "e.g", "i.e",
];

/// Whether the word ending just before a period is a common abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // A single capital letter ("J. Smith") or dotted initials ("U.S.A").
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => {
            word.len() <= 5
                && word.contains('.')
                && word.chars().all(|c| c == '.' || c.is_uppercase())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraph_is_one_passage() {
        assert_eq!(split_paragraph("One. Two."), vec![(0, "One. Two.")]);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let text =
            "Mr. Smith met Gen. Votel in the U.S. on Friday. They talked. \"Good,\" he said.";
        let ends = sentence_ends(text);
        let sentences: Vec<&str> = ends
            .iter()
            .scan(0, |s, &e| {
                let piece = &text[*s..e];
                *s = e;
                Some(piece.trim())
            })
            .collect();
        assert_eq!(
            sentences,
            vec![
                "Mr. Smith met Gen. Votel in the U.S. on Friday.",
                "They talked.",
                "\"Good,\" he said."
            ]
        );
    }

    #[test]
    fn long_paragraph_splits_at_sentences_and_keeps_lines() {
        let sentence = "The army moved twelve thousand soldiers across the border today. ";
        let mut text = String::new();
        for i in 0..30 {
            text.push_str(sentence);
            if i % 3 == 2 {
                text.push('\n');
            }
        }
        let article = Article {
            paragraphs: vec![Paragraph { line: 10, text }],
            ..Default::default()
        };
        let passages = article.passages();
        assert!(passages.len() >= 2, "{passages:?}");
        for p in &passages {
            assert!(p.text.split_whitespace().count() <= MAX_PASSAGE_WORDS);
            assert!(p.text.starts_with("The army"));
            assert!(p.text.ends_with("today."));
        }
        assert_eq!(passages[0].line, 10);
        assert!(passages[1].line > 10);
        assert_eq!(
            passages.iter().map(|p| p.ordinal).collect::<Vec<_>>(),
            (0..passages.len() as u64).collect::<Vec<_>>()
        );
    }
}
