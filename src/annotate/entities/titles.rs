//! Roles and titles split from the names they stand before ("US Secretary of State John
//! Kerry" is the person John Kerry).

use super::bounds::{trim, NAME_CONNECTORS};
use super::tagged::is_a_surname_after_a_first_name;
use super::tagged::is_an_institutions_word;
use crate::annotate::clusters::capitalisation;
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::ner::features::TITLE_WORDS;
use crate::annotate::tokenize::Token;

/// A chunk that holds a role and the person who holds it ("Federal Reserve Vice Chairman
/// Manuel Johnson", "Bank of Japan Governor Satoshi Sumita"), which [`split_title`] reads as
/// the person, names the organization or place before the role too: that chunk, where
/// [`without_a_role`] finds one by its strict test (a chunk read as a person's is weaker
/// evidence of an organization than one read as an organization's).
pub(super) fn role_holder(
    toks: &[Token],
    text: &str,
    ty: usize,
    s: usize,
    e: usize,
    gaz: &Gazetteer,
) -> Option<(usize, usize, usize)> {
    let (s, e) = trim(toks, text, s, e);
    if s >= e {
        return None;
    }
    let (person, kind) = split_title(toks, text, ty, s, e, gaz);
    if kind != 0 || person < s + 2 {
        return None;
    }
    let (k, holder) = without_a_role(toks, text, s, person, true, gaz)?;
    (k < person).then_some((holder, s, k))
}

/// Words that end a role held in an organization, beside the titles that open no name of a
/// thing ([`PERSON_ONLY_TITLES`]): "Fed Chairman", "CIA Director", "Army Spokesperson".
const MORE_ROLE_ENDINGS: &[&str] = &["chairwoman", "director", "commander", "spokesperson"];

/// The roles of a government's office: a place before one is the place ("Texas Governor").
const GOVERNMENT_ROLES: &[&str] = &[
    "secretary",
    "minister",
    "governor",
    "senator",
    "ambassador",
    "envoy",
    "chancellor",
];

/// An organization's chunk `s..e` that ends in a role ("U.S. Treasury Secretary", "Federal
/// Reserve Vice Chairman", "Pentagon Press Secretary", "Bank of Canada Governor") names what
/// comes before the role ([`what_is_left`]): the end of that name and its type, or `None`
/// when it names nothing. A connector right before the role keeps it in the name ("Office
/// of the President").
pub(super) fn without_a_role(
    toks: &[Token],
    text: &str,
    s: usize,
    e: usize,
    strict: bool,
    gaz: &Gazetteer,
) -> Option<(usize, usize)> {
    let word = |j: usize| bare_word(toks, text, j);
    let role = word(e - 1);
    let ends_in_a_role =
        PERSON_ONLY_TITLES.contains(&role.as_str()) || MORE_ROLE_ENDINGS.contains(&role.as_str());
    if e - s < 2 || !ends_in_a_role {
        return Some((e, 1));
    }
    let k = role_start(toks, text, s, e, gaz);
    // A title before the role ("U.S. Secretary of State George Shultz and Soviet Foreign
    // Minister") is [`split_title`]'s to read.
    let titled = (s..k).any(|j| PERSON_ONLY_TITLES.contains(&word(j).as_str()));
    if titled || (k > s && NAME_CONNECTORS.contains(&word(k - 1).as_str())) {
        return Some((e, 1));
    }
    let governs = GOVERNMENT_ROLES.contains(&role.as_str());
    what_is_left(toks, text, s, k, governs, strict, gaz)
}

/// Words that make a role of another ("Assistant Secretary", "Shadow Chancellor").
pub(super) const ROLE_MODIFIERS: &[&str] = &["assistant", "under", "shadow", "acting", "permanent"];

/// Where the role that ends the chunk `s..e` starts: the titles and [`ROLE_MODIFIERS`]
/// before its last word go with it ("Vice Chairman", "Deputy Prime Minister", "Assistant
/// Secretary"), and so does "Press" before a spokesman's role, unless the lists hold the
/// name it ends ("Pentagon Press Secretary").
fn role_start(toks: &[Token], text: &str, s: usize, e: usize, gaz: &Gazetteer) -> usize {
    let word = |j: usize| bare_word(toks, text, j);
    let mut k = e - 1;
    while k > s {
        let before = word(k - 1);
        let press = before == "press"
            && matches!(word(k).as_str(), "secretary" | "spokesman" | "spokeswoman")
            && gaz.kinds(&lower_words(toks, text, s, k)) & kind::ORGANIZATION == 0;
        let title =
            TITLE_WORDS.contains(&before.as_str()) || ROLE_MODIFIERS.contains(&before.as_str());
        if !(title || press) {
            break;
        }
        k -= 1;
    }
    k
}

/// Token `j` in lower case without its final full stop ("U.S." → "u.s", "Gen." → "gen"), as
/// the lists of titles and roles hold words.
fn bare_word(toks: &[Token], text: &str, j: usize) -> String {
    toks[j]
        .text(text)
        .to_lowercase()
        .trim_end_matches('.')
        .to_string()
}

/// The tokens `a..b` in lower case, joined by spaces (as the gazetteer keys phrases).
pub(super) fn lower_words(toks: &[Token], text: &str, a: usize, b: usize) -> String {
    (a..b)
        .map(|j| toks[j].text(text).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the words `s..k` before a role name, with its end and type; `None` when they name
/// nothing ("Agriculture Secretary", "West German Finance Minister", "U.S. Ambassador": a
/// country there is found as a place; "Deputy Energy Minister"):
/// - an organization the lists hold, whole or after a country ("American Express
///   President", "U.S. Treasury Secretary");
/// - a place news mostly writes with a capital, before a government's role ("Texas
///   Governor"; not "Liberal Secretary");
/// - an organization with a word that ends institutions' names ("Home Office", "Bank of
///   Canada"), of two capitalised words or more after any country ("Texas Air Chairman"),
///   or of one that the clusters know news mostly writes with a capital ("Keidanren
///   Chairman"; not "Brexit Secretary"); `strict`, only a name of two words or more that an
///   institution's word ends, or that one opens before "of" ("Bank of Japan"; not
///   "International Development Secretary").
fn what_is_left(
    toks: &[Token],
    text: &str,
    s: usize,
    k: usize,
    governs: bool,
    strict: bool,
    gaz: &Gazetteer,
) -> Option<(usize, usize)> {
    let lower = |j: usize| toks[j].text(text).to_lowercase();
    let kinds = |j: usize| gaz.kinds(&lower(j)) | gaz.kinds(&bare_word(toks, text, j));
    let country = |j: usize| kinds(j) & (kind::COUNTRY | kind::DEMONYM) != 0;
    // The country or people that opens the name ("U.S.", "Thai", "West German").
    let leading = if k > s + 1 && country(s) {
        1
    } else if k > s + 2
        && gaz
            .compass_demonym(&text[toks[s].start..toks[s + 1].end])
            .is_some()
    {
        2
    } else {
        0
    };
    let from = s + leading;
    let listed = |a: usize| gaz.kinds(&lower_words(toks, text, a, k)) & kind::ORGANIZATION != 0;
    if k == from || (k == s + 1 && country(s)) {
        return None;
    }
    if listed(s) || listed(from) {
        return Some((k, 1));
    }
    // A title that opens what is left makes it a role too ("Ecuador's Deputy Energy
    // Minister").
    if TITLE_WORDS.contains(&bare_word(toks, text, from).as_str()) {
        return None;
    }
    // A place news mostly writes with a capital ("Texas"; not "Liberal").
    let place = gaz.kinds(&lower_words(toks, text, s, k)) & (kind::PLACE | kind::TOWN) != 0
        && (s..k).all(|j| capitalisation(toks[j].text(text)).is_none_or(|c| c >= 3));
    if governs && place {
        return Some((k, 2));
    }
    if country(k - 1) && !(k > s + 1 && lower(k - 2) == "of") {
        return None;
    }
    let connector = |j: usize| NAME_CONNECTORS.contains(&toks[j].text(text));
    let capital = |j: usize| toks[j].text(text).starts_with(char::is_uppercase);
    let institution = (from..k).any(|j| is_an_institutions_word(&bare_word(toks, text, j)));
    let words = (from..k).filter(|&j| !connector(j)).count();
    let capitalised = (from..k).all(|j| connector(j) || capital(j));
    let known = (from..k)
        .all(|j| connector(j) || capitalisation(toks[j].text(text)).is_some_and(|c| c >= 3));
    // Strictly, the institution's word ends the name or goes before its "of" ("Bank of
    // Korea"; not "International Development").
    let ends_an_institution = |j: usize| {
        is_an_institutions_word(&bare_word(toks, text, j)) && (j + 1 == k || lower(j + 1) == "of")
    };
    let kept = if strict {
        (from..k).any(ends_an_institution) && words >= 2
    } else {
        institution || (capitalised && (words >= 2 || known))
    };
    kept.then_some((k, 1))
}

/// Whether an organization's name is only a role: titles, optionally after a country
/// ("US Secretary of State", "Foreign Secretary", "Defence Minister").
pub(super) fn is_role(surface: &str, gaz: &Gazetteer) -> bool {
    let words: Vec<String> = surface
        .split_whitespace()
        .map(|w| w.to_lowercase().trim_end_matches('.').to_string())
        .collect();
    let start = match words.first() {
        Some(w) if gaz.kinds(w) & (kind::COUNTRY | kind::DEMONYM) != 0 => 1,
        _ => 0,
    };
    let rest = &words[start.min(words.len())..];
    rest.iter().any(|w| TITLE_WORDS.contains(&w.as_str()))
        && rest.iter().all(|w| {
            TITLE_WORDS.contains(&w.as_str())
                || matches!(w.as_str(), "of" | "the" | "state" | "for")
        })
}

/// "Defense Secretary Ash Carter": a person, organization or other (MISC) chunk that holds
/// a title is the name after the title, a person; returns the chunk's first token and type.
/// A place keeps its title ("General Santos").
pub(super) fn split_title(
    toks: &[Token],
    text: &str,
    ty: usize,
    s: usize,
    e: usize,
    gaz: &Gazetteer,
) -> (usize, usize) {
    let word = |j: usize| toks[j].text(text).to_lowercase();
    // "Rt Hon James Cleverly": the British honorific opens a person's name, whatever the
    // recognizer took the chunk for.
    let honoured = (s..e)
        .take_while(|&j| HONORIFICS.contains(&toks[j].text(text).trim_end_matches('.')))
        .count();
    if honoured == 2 && s + honoured < e {
        return (s + honoured, 0);
    }
    if ty == 2 || e - s < 2 {
        return (s, ty);
    }
    // "Martin Luther King Jr.": in a person's name, a title that is a surname after a first
    // name is the name's.
    let surname =
        |j: usize| ty == 0 && j > s && is_a_surname_after_a_first_name(&word(j - 1), &word(j), gaz);
    let Some(t) = (s..e - 1)
        .rev()
        .find(|&j| TITLE_WORDS.contains(&word(j).trim_end_matches('.')) && !surname(j))
    else {
        return (s, ty);
    };
    let Some(n) = name_after_title(t, e, &word, gaz) else {
        return (s, ty);
    };
    // "General Motors Corp.", "General Partners": a name ending in an organisation's or a
    // company's word, or one the organisation lists hold whole, keeps its first word.
    let last = word(e - 1);
    let last = last.trim_end_matches('.');
    let tail_org = is_an_institutions_word(last)
        || gaz.kinds(&lower_words(toks, text, s, e)) & kind::ORGANIZATION != 0;
    // "General Acquisition", "General Mills": after a title that is also a word of
    // companies' names, words the raw text mostly writes in lower case name a company, not a
    // person ("Mr Cable" is Vince Cable).
    let common = ty != 0
        && matches!(word(t).as_str(), "general" | "major")
        && (n..e).all(|j| {
            crate::annotate::clusters::capitalisation(toks[j].text(text)).is_some_and(|c| c < 2)
        });
    // A peer is named after a place ("Lord Ahmad of Wimbledon").
    let peer = matches!(word(t).as_str(), "lord" | "lady");
    let capitalised = (n..e).all(|j| {
        toks[j].text(text).starts_with(char::is_uppercase)
            || (peer && j > n && j + 1 < e && word(j) == "of")
    });
    // In a MISC chunk the title word may be part of a name ("General Agreement", "Major
    // Market Index"): the rest must look like a person's name, or the chunk open with a
    // title that names no thing ("President Volodymyr Zelenskyy").
    let personal = ty != 3
        || gaz.kinds(&word(n)) & kind::FIRST_NAME != 0
        || gaz.kinds(&word(e - 1)) & kind::LAST_NAME != 0
        || (t == s
            && toks[t].text(text).contains(char::is_lowercase)
            && PERSON_ONLY_TITLES.contains(&word(t).trim_end_matches('.')));
    if !tail_org && !common && capitalised && personal {
        (n, 0)
    } else {
        (s, ty)
    }
}

/// Where the name after the title at token `t` starts, the chunk ending at `e`: the next
/// token, or, past a role's "of ..." or "for ..." ("Secretary of State John Kerry",
/// "Minister for the Middle East Tobias Ellwood"), the first of the gazetteer's first names
/// that more of the name follows. `None` when no such name follows the role ("Argus Leader
/// of Sioux Falls").
fn name_after_title(
    t: usize,
    e: usize,
    word: &dyn Fn(usize) -> String,
    gaz: &Gazetteer,
) -> Option<usize> {
    if !matches!(word(t + 1).as_str(), "of" | "for") {
        return Some(t + 1);
    }
    (t + 3..e - 1).find(|&k| gaz.kinds(&word(k)) & kind::FIRST_NAME != 0)
}

/// Titles that open no name of a thing (not "Mr", as in "Mr Robot", nor "Dr", as in "Dr
/// Who"): a chunk that starts with one, written in lower case after its capital, and goes
/// on in capitals names a person.
pub(in crate::annotate) const PERSON_ONLY_TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "senator",
    "governor",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "chairman",
];

/// The British honorific before a person's name, as written: "Rt Hon" (or "Rt. Hon."); not
/// "Hon Hai Precision Industry" or "RT America".
pub(in crate::annotate) const HONORIFICS: &[&str] = &["Rt", "Hon"];
