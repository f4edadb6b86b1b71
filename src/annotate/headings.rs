//! Headings written in title case ("Deepening Russia-North Korea Ties"), where every word
//! is capitalised and capitals say nothing of names: the recognizer reads "Korea Ties" as
//! an organization. A heading line that opens a passage (or one that ends before a line
//! break) is tagged apart from the paragraph after it, and a name found in it is cut down
//! to a name the gazetteer knows by dropping words at its ends that running text writes in
//! lower case ("Korea Ties" → "Korea"); a name that no such cut makes known is kept as
//! found ("Fox News Settles Suit" is left to the recognizer).

use std::ops::Range;

use super::clusters::capitalisation;
use super::gazetteer::{kind, Gazetteer};
use super::tokenize::Token;

/// Short words that title case leaves in lower case ("of", "in", "the").
const MINOR: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs",
    "with", "from", "into", "over",
];

/// Whether a sentence's tokens are a title-case heading: at least three words, every word
/// but the minor ones capitalised, some in lower case after the capital (not all capitals),
/// and no full stop, question or exclamation mark at the end.
pub fn is_title_case(toks: &[Token], text: &str) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .map(|t| t.text(text))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let ends_sentence = toks
        .last()
        .is_some_and(|t| matches!(t.text(text), "." | "?" | "!"));
    words.len() >= 3
        && !ends_sentence
        && words
            .iter()
            .any(|w| w.chars().skip(1).any(char::is_lowercase))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || MINOR.contains(w))
}

/// A sentence's tokens (`range` of `toks`) split after each line that is a title-case
/// heading: a heading above a paragraph in the same passage, on a line of its own or, at
/// the passage's start, joined to it by an em dash ("Deepening Russia-North Korea Ties —
/// Russia and ..."), is a sentence of its own. (In running text a dash after three
/// capitalised words is no heading: "Just Stop Oil — the group — ...".)
pub fn split_heading_lines(toks: &[Token], text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut line) = (range.start, range.start);
    for i in range.start + 1..range.end {
        let newline = text[toks[i - 1].end..toks[i].start].contains('\n');
        let opening_dash = line == 0 && toks[i].text(text) == "\u{2014}";
        if !(newline || opening_dash) {
            continue;
        }
        if is_title_case(&toks[line..i], text) {
            out.push(start..i);
            start = i;
        }
        line = i;
    }
    out.push(start..range.end);
    out
}

/// Whether running text writes a word in lower case: the raw text the clusters learned from
/// capitalises it never or rarely away from a sentence's start.
fn usually_lower(word: &str) -> bool {
    capitalisation(word).is_some_and(|c| c <= 1)
}

/// The tokens `s..e` of a name found in a title-case heading, cut down to a proper name by
/// dropping words at its ends that running text writes in lower case ("Korea Ties" →
/// "Korea"; "Amnesty International Condemns Arrests" → "Amnesty International"); as found
/// when no such cut leaves one. A proper name is a place, country or organization the
/// gazetteer knows, or words running text always or mostly capitalises.
pub fn trim_common_words(toks: &[Token], text: &str, s: usize, e: usize) -> (usize, usize) {
    let gaz = Gazetteer::get();
    let named = kind::PLACE | kind::COUNTRY | kind::ORGANIZATION | kind::DEMONYM;
    let known = |s: usize, e: usize| {
        let surface = &text[toks[s].start..toks[e - 1].end];
        gaz.kinds(&surface.to_lowercase()) & named != 0
            || toks[s..e]
                .iter()
                .all(|t| capitalisation(t.text(text)) >= Some(3))
    };
    let (mut a, mut b) = (s, e);
    while a < b && !known(a, b) {
        if usually_lower(toks[b - 1].text(text)) {
            b -= 1;
        } else if usually_lower(toks[a].text(text)) {
            a += 1;
        } else {
            return (s, e);
        }
    }
    if a < b {
        (a, b)
    } else {
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::tokenize::tokenize;

    #[test]
    fn a_title_case_heading_is_told_from_a_sentence() {
        let heading = "Deepening Russia-North Korea Ties";
        assert!(is_title_case(&tokenize(heading), heading));
        let sentence = "North Korea sent troops to Russia.";
        assert!(!is_title_case(&tokenize(sentence), sentence));
        let caps = "NORTH KOREA SENDS TROOPS";
        assert!(!is_title_case(&tokenize(caps), caps));
    }

    #[test]
    fn a_heading_line_above_a_paragraph_is_a_sentence_of_its_own() {
        let text = "Deepening Russia-North Korea Ties\nRussia and North Korea signed a pact.";
        let toks = tokenize(text);
        let parts = split_heading_lines(&toks, text, 0..toks.len());
        assert_eq!(parts.len(), 2);
        assert_eq!(toks[parts[1].start].text(text), "Russia");
        let dashed = "Deepening Russia-North Korea Ties \u{2014} Russia and North Korea signed.";
        let toks = tokenize(dashed);
        assert_eq!(split_heading_lines(&toks, dashed, 0..toks.len()).len(), 2);
        let wrapped = "North Korea has begun sending\ntroops to Russia, officials said.";
        let toks = tokenize(wrapped);
        assert_eq!(split_heading_lines(&toks, wrapped, 0..toks.len()).len(), 1);
    }

    #[test]
    fn a_name_no_cut_makes_known_is_kept_as_found() {
        let heading = "Daily Mail Owner Sells Stake";
        let toks = tokenize(heading);
        assert_eq!(trim_common_words(&toks, heading, 0, 3), (0, 3));
        let prose = "Just Stop Oil \u{2014} the climate group \u{2014} blocked the road";
        let toks = tokenize(prose);
        let parts = split_heading_lines(&toks, prose, 0..toks.len());
        assert_eq!(
            parts.len(),
            2,
            "a dash at a passage's start after a title-case line"
        );
        let later = "They said. Just Stop Oil \u{2014} the group \u{2014} blocked it";
        let toks = tokenize(later);
        let at = toks.iter().position(|t| t.text(later) == "Just").unwrap();
        assert_eq!(split_heading_lines(&toks, later, at..toks.len()).len(), 1);
    }

    #[test]
    fn common_words_leave_the_ends_of_a_heading_name() {
        let heading = "Deepening Russia-North Korea Ties";
        let toks = tokenize(heading);
        let korea = toks
            .iter()
            .position(|t| t.text(heading) == "Korea")
            .unwrap();
        let (s, e) = trim_common_words(&toks, heading, korea, toks.len());
        assert_eq!(&heading[toks[s].start..toks[e - 1].end], "Korea");
        let known = "Amnesty International Condemns Mass Arrests";
        let toks = tokenize(known);
        let (s, e) = trim_common_words(&toks, known, 0, toks.len());
        assert_eq!(
            &known[toks[s].start..toks[e - 1].end],
            "Amnesty International"
        );
    }
}
