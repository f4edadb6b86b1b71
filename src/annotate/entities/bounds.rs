//! Where a name starts and ends: leading words and possessives trimmed, prepositions of place,
//! and names that a comma, dash or quotation mark breaks.

use super::reading::BASED;
use super::tagged::is_an_institutions_word;
use super::titles::lower_words;
use crate::annotate::clusters::capitalisation;
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::ner::features::TITLE_WORDS;
use crate::annotate::tokenize::Token;

/// Where a chunk that holds "X-based" names something: what follows it (trimmed again), and
/// as an organization where it was read as a place that the gazetteer does not know
/// ("Geneva-based International Labour Organisation", "Florence-based Fondiaria"; not
/// "Paris-based Europe correspondent"); the place before is found on its own
/// ([`based_in_places`](super::reading::based_in_places)).
pub(super) fn after_based(
    toks: &[Token],
    text: &str,
    s: usize,
    e: usize,
    ty: usize,
    gaz: &Gazetteer,
) -> (usize, usize, usize) {
    let Some(j) = (s..e).rev().find(|&j| toks[j].text(text).ends_with(BASED)) else {
        return (s, e, ty);
    };
    let (s, e) = trim(toks, text, j + 1, e);
    let known_place = s < e
        && gaz.kinds(&lower_words(toks, text, s, e)) & (kind::PLACE | kind::TOWN | kind::COUNTRY)
            != 0;
    (s, e, if ty == 2 && !known_place { 1 } else { ty })
}

/// Trims a chunk of tokens to the name: no possessive, no outer punctuation, and nothing
/// past a comma, colon, dash or quotation mark inside it ("ISIL, Davis" is two names;
/// "Kerry: we" is "Kerry"; the old newswire quotes `` and '' are quotation marks).
pub(super) fn trim(toks: &[Token], text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    if let Some(cut) = (s + 1..e).find(|&j| {
        matches!(
            toks[j].text(text),
            "," | ";"
                | ":"
                | "\""
                | "\u{201c}"
                | "\u{201d}"
                | "`"
                | "``"
                | "''"
                | "\u{2014}"
                | "\u{2013}"
        )
    }) {
        e = cut;
    }
    if let Some(cut) = (s + 1..e).find(|&j| breaks_name(toks, text, j, e)) {
        e = cut;
    }
    let junk = |t: &Token| {
        let w = t.text(text);
        !w.chars().any(char::is_alphanumeric)
            || POSSESSIVE_ENDINGS.contains(&w)
            || matches!(w, "the" | "The")
            || LEADING_WORDS.contains(&w)
    };
    while s < e && junk(&toks[s]) {
        s += 1;
    }
    while e > s && junk(&toks[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Whether a mention is an abbreviation that names nothing ("CEO", "GDP", "SUVs"), unless
/// the gazetteer also knows it as an organization's name or it names a news agency ("AFP").
pub(super) fn names_nothing(surface: &str, gaz: &Gazetteer) -> bool {
    let singular = surface.strip_suffix('s').unwrap_or(surface);
    if !singular.bytes().all(|b| b.is_ascii_uppercase())
        || crate::annotate::agencies::wire(surface).is_some()
    {
        return false;
    }
    let k = gaz.kinds(&singular.to_lowercase());
    k & kind::COMMON_ABBREVIATION != 0 && k & kind::ORGANIZATION == 0
}

/// Lower-case words a name goes on through, when a capitalised word follows ("Bank of
/// England", "Tour de France", "Ludwig van Beethoven").
pub(super) const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "de", "van", "der", "den", "von", "du", "des", "del", "della", "da",
    "di", "do", "dos", "das", "la", "le", "al", "el", "bin", "ibn", "y", "et", "in", "on", "at",
    "upon", "zu",
];

/// Prepositions after which a name is where something happens.
pub(in crate::annotate) const LOCATIVES: &[&str] = &["in", "near", "outside", "around", "inside"];

/// Whether the name of tokens `s..e` follows a preposition of place, is not a possessive
/// ("in Smith's view"), does not start with a known first name and does not end with a
/// known last name ("confidence in Thatcher").
pub(super) fn after_locative(
    toks: &[Token],
    text: &str,
    s: usize,
    e: usize,
    gaz: &Gazetteer,
) -> bool {
    let word = |i: usize| toks[i].text(text).to_lowercase();
    // After "near", "outside" or "around", "Al" opens an Arabic place name more often than
    // it is a first name ("near Al Huwayjah"; "confidence in Al Franken" stays a person's).
    let article = e - s > 1
        && matches!(word(s - 1).as_str(), "near" | "outside" | "around")
        && ARABIC_ARTICLES.contains(&word(s).as_str());
    located_at(toks, text, s, e)
        && (article || gaz.kinds(&word(s)) & kind::FIRST_NAME == 0)
        && gaz.kinds(&word(e - 1)) & kind::LAST_NAME == 0
}

/// Whether the name of tokens `s..e` follows a preposition of place and is not a possessive
/// ("in Smith's view").
pub(super) fn located_at(toks: &[Token], text: &str, s: usize, e: usize) -> bool {
    after_preposition_of_place(toks, text, s)
        && !toks.get(e).is_some_and(|t| is_possessive(t.text(text)))
}

/// Whether token `i` follows a preposition of place ([`LOCATIVES`]).
pub(super) fn after_preposition_of_place(toks: &[Token], text: &str, i: usize) -> bool {
    i > 0 && LOCATIVES.contains(&toks[i - 1].text(text).to_lowercase().as_str())
}

/// The possessive's tokens ("Korea's", "Korea’s").
pub(super) const POSSESSIVE_ENDINGS: [&str; 2] = ["'s", "\u{2019}s"];

/// Whether a token is the possessive ending or apostrophe.
pub(in crate::annotate) fn is_possessive(word: &str) -> bool {
    POSSESSIVE_ENDINGS.contains(&word) || matches!(word, "'" | "\u{2019}")
}

/// The Arabic article as names written in English open with it ("Al Huwayjah", "Ar Raqqah",
/// "Deir ez-Zor").
pub(in crate::annotate) const ARABIC_ARTICLES: &[&str] =
    &["al", "ar", "ad", "az", "ash", "el", "ez", "ed"];

/// "Anaheim defenseman Erik Gudbranson": where a chunk's name stops at a lower-case word
/// ([`breaks_name`]), capitalised words after it that open with a first name the gazetteer
/// knows and the raw text mostly capitalises, two or more, each after the first a surname
/// the lists hold or a word the raw text mostly capitalises, are a person of their own (the
/// chunk's first words keep their type; not "the Royal Academy", "show My Family", nor an
/// organisation the lists hold: "investment bank Merrill Lynch"). The chunks stay in order.
pub(super) fn people_past_a_break(
    toks: &[Token],
    text: &str,
    found: Vec<(usize, usize, usize)>,
    gaz: &Gazetteer,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::with_capacity(found.len());
    for (ty, s, e) in found {
        match person_past_a_break(toks, text, s, e, gaz) {
            Some((cut, k)) => out.extend([(ty, s, cut), (0, k, e)]),
            None => out.push((ty, s, e)),
        }
    }
    out
}

/// For [`people_past_a_break`]: where the chunk of tokens `s..e` stops, and where the person
/// after it starts.
fn person_past_a_break(
    toks: &[Token],
    text: &str,
    s: usize,
    e: usize,
    gaz: &Gazetteer,
) -> Option<(usize, usize)> {
    let capital = |j: usize| toks[j].text(text).starts_with(char::is_uppercase);
    let cut = (s + 1..e).find(|&j| breaks_name(toks, text, j, e))?;
    let k = (cut + 1..e).find(|&j| capital(j))?;
    let first = toks[k].text(text);
    let named = |j: usize| {
        let w = toks[j].text(text);
        capitalisation(w).is_none_or(|c| c >= 3)
            || gaz.kinds(&w.to_lowercase()) & kind::LAST_NAME != 0
    };
    let whole = text[toks[k].start..toks[e - 1].end].to_lowercase();
    (e - k >= 2
        && gaz.kinds(&first.to_lowercase()) & kind::FIRST_NAME != 0
        && capitalisation(first).is_none_or(|c| c >= 3)
        && (k + 1..e).all(|j| capital(j) && named(j))
        && !is_an_institutions_word(&toks[e - 1].text(text).to_lowercase())
        && !TITLE_WORDS.contains(&first.to_lowercase().as_str())
        && gaz.kinds(&whole) & kind::ORGANIZATION == 0)
        .then_some((cut, k))
}

/// Whether the name of a chunk ending at `e` stops before token `j`: a word in lower case
/// that is not a connector followed by a capitalised word ("the 737 Max jet in less than five
/// months" names "Max", not "Max jet in less than"), or any after a possessive but "of", or
/// "and" before another possessive name ("rated A-1 by Moody's and AA-minus by S and P"
/// names "Moody"; "Lloyd's of London" and "Royal Women's and Children's Hospital" stay
/// whole).
fn breaks_name(toks: &[Token], text: &str, j: usize, e: usize) -> bool {
    let w = toks[j].text(text);
    if !w.chars().any(char::is_alphabetic) || w.chars().any(char::is_uppercase) || is_possessive(w)
    {
        return false;
    }
    let capital_next = j + 1 < e
        && toks[j + 1]
            .text(text)
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    if j > 0 && is_possessive(toks[j - 1].text(text)) {
        // "Royal Women's and Children's Hospital": another possessive name goes on.
        let another = j + 2 < e && is_possessive(toks[j + 2].text(text));
        return !((w == "of" || (w == "and" && another)) && capital_next);
    }
    !(NAME_CONNECTORS.contains(&w) && capital_next)
}

/// Capitalised function words a sentence may start with, which are never part of a name
/// ("Near Ar Raqqah, 15 strikes...").
const LEADING_WORDS: &[&str] = &[
    "Near", "In", "At", "On", "From", "For", "With", "During", "After", "Before", "As", "And",
    "But", "Of", "By", "To", "Into", "Outside", "Inside", "Around", "Across", "Along",
];
