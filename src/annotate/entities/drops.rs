//! Mentions that name no person, organization or place: things named like people ("an
//! Oscar", holidays, operations) and ships.

use std::collections::HashSet;

use super::retype::after_a_title;
use super::tagged::ends_a_persons_name;
use super::types::{Kind, Raw};
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::ner::features::{ORG_WORDS, TITLE_WORDS};
use crate::article::Passage;

/// Words after which a one-word name is a thing, not a person ("an Oscar", "her Oscar",
/// "Scorsese's The Aviator").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "her", "his", "their", "its", "our", "my", "your", "this", "every",
];

/// Nouns that a person's name comes before, the determiner being theirs: "the Asad regime",
/// "the Obama administration", "the Kennedy family".
pub(in crate::annotate) const LED_BY_A_PERSON: &[&str] = &[
    "regime",
    "government",
    "administration",
    "presidency",
    "cabinet",
    "family",
    "dynasty",
    "clan",
    "era",
    "loyalists",
];

/// "People" that the article also writes as things are things there, and all their person
/// mentions go: a one-word name after a determiner ("won an Oscar" ... "the best film
/// Oscar"; not one that ends a person's fuller name in the article: "Ratko Mladic" ... "the
/// court convicted Mladic"), and a name the article writes whole right after "Operation" or
/// "Exercise" ("part of Operation Inherent Resolve"; not "Yonatan" of "Operation Yonatan
/// Netanyahu").
pub(super) fn drop_things_named_as_people(raws: &mut Vec<Raw>, passages: &[Passage]) {
    let mut things: Vec<String> = Vec::new();
    for r in raws.iter() {
        if r.kind != Kind::Person || things.contains(&r.text) {
            continue;
        }
        // A one-word name that ends someone's fuller name in the article is that person's
        // ("Ratko Mladic" ... "the court convicted Mladic").
        let someones = ends_a_persons_name(raws, &r.text);
        let one_word = !r.text.contains(' ') && !someones;
        // "over Easter": a holiday named alone ("Tariq Ramadan" ... "Ramadan said" stays).
        let holiday = !someones && HOLIDAYS.contains(&r.text.to_lowercase().as_str());
        let written_as_thing = passages.iter().any(|p| {
            p.text.match_indices(r.text.as_str()).any(|(at, _)| {
                let (before, after) = (&p.text[..at], &p.text[at + r.text.len()..]);
                !after.starts_with(char::is_alphanumeric)
                    && (names_an_operation(before) && !continues_name(after)
                        || one_word && determined(before) && !led_by_a_person(after))
            })
        });
        if holiday || written_as_thing {
            things.push(r.text.clone());
        }
    }
    raws.retain(|r| !(r.kind == Kind::Person && things.contains(&r.text)));
}

/// The prefixes of ships' names ("USS Cole", "HMS Montrose", "FS Surcouf"): not "INS" or
/// "ITS", which name organizations as often.
const SHIP_PREFIXES: &[&str] = &[
    "USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "FS", "ROKS", "HNLMS", "HDMS",
];

/// The US Navy's hull codes, written before a ship's number ("DDG 67").
const HULL_CODES: &[&str] = &[
    "DDG", "CVN", "LHD", "LHA", "LPD", "SSN", "SSBN", "FFG", "LCS",
];

/// Ships are vessels, none of the three types (as CoNLL-2003 and OntoNotes have them): a
/// mention that starts with a ship's prefix ([`SHIP_PREFIXES`]) and no word of an
/// organization's, the prefix alone before a capitalised word, a mention after one, its name
/// wherever the article writes it alone ("HMS Montrose" ... "Montrose will escort"), and a
/// hull code before a number ("DDG 67") go. A ship named after a place ("HMS Belfast")
/// leaves the place's mentions as a place alone, and one named after a person ("USS John
/// McCain") the person's full name or name after a title ("Senator John McCain said"); "the
/// USS Division of USX" stays.
pub(super) fn drop_ships(raws: &mut Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) {
    let prefixed = |r: &Raw| {
        let text = &passages[r.passage].text;
        let last_before = text[..r.start].trim_end().rsplit(' ').next().unwrap_or("");
        let ship = match r.text.split_once(' ') {
            Some((first, name)) => SHIP_PREFIXES.contains(&first) && !names_a_body(name),
            None => {
                let after = &text[r.end..];
                let next = after.split_whitespace().next().unwrap_or("");
                SHIP_PREFIXES.contains(&r.text.as_str())
                    && continues_name(after)
                    && !names_a_body(next)
            }
        };
        ship || SHIP_PREFIXES.contains(&last_before)
    };
    let ships: HashSet<String> = raws
        .iter()
        .filter(|r| prefixed(r))
        .map(|r| match r.text.split_once(' ') {
            Some((first, rest)) if SHIP_PREFIXES.contains(&first) => rest.to_string(),
            _ => r.text.clone(),
        })
        .collect();
    // "HMS Belfast" leaves the city alone, "USS John McCain" the senator.
    let named_after = |r: &Raw| match r.kind {
        Kind::Place => gaz.kinds(&r.text.to_lowercase()) & (kind::PLACE | kind::TOWN) != 0,
        Kind::Person => r.text.contains(' ') || after_a_title(&passages[r.passage].text[..r.start]),
        Kind::Organization => false,
    };
    let hull_code = |r: &Raw| {
        HULL_CODES.contains(&r.text.as_str())
            && passages[r.passage].text[r.end..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
    };
    raws.retain(|r| !(prefixed(r) || (ships.contains(&r.text) && !named_after(r)) || hull_code(r)));
}

/// Whether a name holds a word of an organization's ("USS Steel Corp", "the USS Division").
fn names_a_body(name: &str) -> bool {
    name.split(' ')
        .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether the text before a name ends with the word that makes it the name of a military
/// operation or exercise ("Operation Steel Curtain", "Exercise Unified Trident").
pub(super) fn names_an_operation(before: &str) -> bool {
    ["Operation ", "Exercise "].iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
    })
}

/// Whether the name comes before a noun of [`LED_BY_A_PERSON`].
fn led_by_a_person(after: &str) -> bool {
    let next = after.strip_prefix(' ').unwrap_or("");
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    LED_BY_A_PERSON.contains(&word)
}

/// Whether the text after a name goes on with a capitalised word, as part of the same name.
pub(in crate::annotate) fn continues_name(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The words between a determiner and a name that end the determiner's phrase before the
/// name: prepositions, conjunctions, auxiliaries and verbs of saying ("a meeting with
/// Merkel", "the first visit by Putin", "the report said Obama").
const PHRASE_BREAKS: &[&str] = &[
    "by", "with", "of", "for", "from", "to", "in", "on", "at", "against", "about", "after",
    "before", "between", "among", "under", "over", "into", "onto", "through", "during", "without",
    "within", "toward", "towards", "behind", "beside", "near", "like", "than", "as", "and", "or",
    "but", "nor", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will",
    "would", "can", "could", "should", "may", "might", "must", "said", "says", "told", "tells",
    "asked", "met", "meets", "called", "named", "whom", "who", "which", "where", "when", "whose",
    "while", "if", "because", "whether", "since",
];

/// Whether the words just before a name make it a thing: a determiner, then at most three
/// lower-case words that are not titles and do not end the determiner's phrase ("her second
/// best actress Oscar", "an Oscar"; not "the defender Smith", "a meeting with Merkel").
fn determined(before: &str) -> bool {
    if before.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    for word in before.split_whitespace().rev().take(4) {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        if DETERMINERS.contains(&lower.as_str()) {
            return true;
        }
        if w.is_empty()
            || word.ends_with([',', '.', ';', ':', '"'])
            || !w.starts_with(char::is_lowercase)
            || TITLE_WORDS.contains(&lower.as_str())
            || PHRASE_BREAKS.contains(&lower.as_str())
        {
            return false;
        }
    }
    false
}

/// Holidays and feasts, named alone: no organization or place, and a person only where the
/// article names someone whose name ends with it ("the peace of Ramadan", "over Easter",
/// "before Christmas"; "Tariq Ramadan" ... "Ramadan said"; "Easter Island" and the "Good
/// Friday Agreement" are other names).
pub(super) const HOLIDAYS: &[&str] = &[
    "christmas",
    "christmas day",
    "christmas eve",
    "easter",
    "easter sunday",
    "easter monday",
    "good friday",
    "boxing day",
    "new year",
    "new year's day",
    "new year's eve",
    "thanksgiving",
    "halloween",
    "pentecost",
    "ramadan",
    "eid",
    "eid al-fitr",
    "eid al-adha",
    "hanukkah",
    "passover",
    "yom kippur",
    "rosh hashanah",
    "diwali",
];
