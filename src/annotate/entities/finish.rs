//! The article-wide rules ([`finish`]) that read a mention with the article around it: bodies of
//! states, offices named alone, companies by their trade, organizations by their first word,
//! institutions joined by "and", abbreviations written as plurals.

use std::collections::HashSet;

use super::drops::{drop_ships, drop_things_named_as_people};
use super::link::link;
use super::occurrences::{add_acronyms, add_repeated_names};
use super::reading::{sentence_ranges, taken};
use super::retype::employers_before_jobs;
use super::retype::{
    companies_by_legal_form, companies_in_the_possessive, known_as_a_place, merge_demonym_prefixes,
    people_after_titles, people_by_their_names, short_forms_of_organizations, streets_are_places,
    COURTESY_TITLES,
};
use super::tagged::is_an_institutions_word;
use super::titles::HONORIFICS;
use super::titles::ROLE_MODIFIERS;
use super::types::{ArticleEntities, Kind, Raw};
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::headings;
use crate::annotate::name_words;
use crate::annotate::ner::features::TITLE_WORDS;
use crate::annotate::roles;
use crate::annotate::sentence_rules;
use crate::annotate::tokenize::tokenize;
use crate::article::Passage;

/// The article-wide rules, then the mentions tied into entities.
pub(super) fn finish(mut raws: Vec<Raw>, passages: &[Passage]) -> ArticleEntities {
    let gaz = Gazetteer::get();
    raws.sort_by_key(|r| (r.passage, r.start));
    merge_demonym_prefixes(&mut raws, passages);
    companies_by_their_trade(&mut raws, passages, gaz);
    institutions_joined_by_and(&mut raws, passages, gaz);
    organizations_by_their_first_word(&mut raws, passages, gaz);
    states_by_their_title(&mut raws, gaz);
    streets_are_places(&mut raws, gaz);
    people_by_their_names(&mut raws, gaz);
    people_after_titles(&mut raws, passages, gaz);
    employers_before_jobs(&mut raws, passages, gaz);
    drop_plural_abbreviations(&mut raws, passages);
    companies_by_legal_form(&mut raws, passages);
    companies_in_the_possessive(&mut raws, passages, gaz);
    short_forms_of_organizations(&mut raws, passages, gaz);
    add_acronyms(&mut raws, passages);
    add_repeated_names(&mut raws, passages);
    drop_things_named_as_people(&mut raws, passages);
    drop_ships(&mut raws, passages, gaz);
    bodies_of_states(&mut raws, passages, gaz);
    raws.sort_by_key(|r| (r.passage, r.start));
    offices_named_alone(&mut raws, passages, gaz);
    raws.sort_by_key(|r| (r.passage, r.start));
    link(raws, passages, gaz)
}

/// A state's body named by a common noun after its country or people ("the Iraqi
/// government", "Iraqi security forces", "U.S. forces", "the Syrian army";
/// [`name_words::body_after`]) is an organization, and so is a regime named by its leader
/// ("the Assad regime", "Asad's regime"), as analysts read them: re3d's annotators mark 52
/// of the 53 such phrases in its documents as organizations. The country's, people's or
/// leader's own mention stays. Not where another mention holds the noun, nor in a title-case
/// heading.
fn bodies_of_states(raws: &mut Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) {
    let mut found = Vec::new();
    for r in raws.iter() {
        let text = &passages[r.passage].text;
        let after = &text[r.end..];
        let lower = r.text.to_lowercase();
        let country = gaz.kinds(&lower) | gaz.kinds(lower.trim_end_matches('.'));
        let len = if r.kind == Kind::Person && !r.demonym {
            ["'s regime", "’s regime", " regime"]
                .iter()
                .find(|w| after.starts_with(**w))
                .map(|w| w.len())
                .filter(|&len| name_words::ends_a_body(&after[len..], "regime"))
        } else if r.demonym {
            name_words::body_after(after)
        } else if r.kind == Kind::Place && country & kind::COUNTRY != 0 {
            name_words::body_after(after).filter(|&len| {
                let verb_too = matches!(
                    after[..len].trim().to_lowercase().as_str(),
                    "forces" | "police"
                );
                !(verb_too && name_words::verb_after_a_country(&after[len..]))
            })
        } else {
            None
        };
        let Some(len) = len else { continue };
        let end = r.end + len;
        let held = raws
            .iter()
            .any(|o| !o.demonym && o.overlaps(r.passage, r.end, end));
        if !held && !in_a_heading(text, r.end) {
            found.push(Raw::new(
                r.passage,
                text,
                r.start,
                end,
                Kind::Organization,
                false,
            ));
        }
    }
    raws.extend(found);
}

/// Offices named without their holder's name ([`roles::offices`]: "the Foreign Secretary
/// said") are mentions of a person: of the one named beside the office ("The Foreign
/// Secretary, Boris Johnson, said"; "Tobias Ellwood, Foreign Office Minister"; "Theresa May,
/// the Prime Minister,"), else of the one named beside the same office elsewhere in the
/// article, else of the one the article names after the office's words ("Foreign Secretary
/// Boris Johnson" ... "the Foreign Secretary": the nearest before, else the first after),
/// else of the office itself; where the office's words end a person's name in the article
/// and "the" is not before them, they are that person's surname ("Kevin King" ... "King and
/// Weeks were abducted"; but "Roger King" ... "the King"). Not where another mention holds
/// the office or a person's overlaps it, not in a title-case heading, nor after a comma with
/// no person's name before it.
fn offices_named_alone(raws: &mut Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) {
    let people: Vec<&Raw> = raws
        .iter()
        .filter(|r| r.kind == Kind::Person && !r.demonym)
        .collect();
    let mut found: Vec<Raw> = Vec::new();
    for (pi, p) in passages.iter().enumerate() {
        for office in roles::offices(&p.text) {
            let (s, e) = (office.range.start, office.range.end);
            let blocked = raws.iter().any(|r| {
                r.overlaps(pi, s, e)
                    && (r.kind == Kind::Person
                        || r.start < s
                        || r.end > e
                        || r.start == s && r.end == e)
            });
            let before = office
                .name_before
                .and_then(|at| people.iter().find(|r| r.passage == pi && r.end == at));
            // Words that end a person's name in the article, not after "the", are that
            // person's surname ("Kevin King" ... "King and Weeks were abducted").
            let the = p.text[..s].ends_with("the ") || p.text[..s].ends_with("The ");
            let surname = people.iter().filter(|_| !the).find(|r| {
                r.text
                    .strip_suffix(&p.text[s..e])
                    .is_some_and(|first| first.ends_with(' '))
            });
            if blocked
                || names_its_holder(&p.text[s..e], gaz)
                || (office.needs_a_name_before && before.is_none())
                || in_a_heading(&p.text, s)
            {
                continue;
            }
            let after = office.name_after.and_then(|at| {
                people.iter().find(|r| {
                    r.passage == pi
                        && r.start >= at
                        && honorifics_only(&p.text[at..r.start])
                        && p.text[r.end..].starts_with([',', ')'])
                })
            });
            let mut raw = Raw::new(pi, &p.text, s, e, Kind::Person, false);
            raw.office = true;
            raw.holder = surname.or(before).or(after).map(|r| r.text.clone());
            found.push(raw);
        }
    }
    let beside: Vec<(String, String)> = found
        .iter()
        .filter_map(|r| Some((r.text.clone(), r.holder.clone()?)))
        .collect();
    for raw in found.iter_mut().filter(|r| r.holder.is_none()) {
        let at = (raw.passage, raw.start);
        raw.holder = (beside.iter().find(|(o, _)| *o == raw.text))
            .map(|(_, h)| h.clone())
            .or_else(|| titled(&people, passages, &raw.text, at, gaz).map(|r| r.text.clone()));
    }
    raws.extend(found);
}

/// Whether an office's words hold the start of its holder's name: a first name after its
/// first word ("Chancellor of the Exchequer Nigel Lawson", "Minister for Africa Harriett
/// Baldwin"), unless it ends them and names a place too ("Minister for Central Asia").
fn names_its_holder(office: &str, gaz: &Gazetteer) -> bool {
    let words: Vec<&str> = office.split(' ').collect();
    words.iter().enumerate().skip(1).any(|(i, w)| {
        let k = gaz.kinds(&w.to_lowercase());
        k & kind::FIRST_NAME != 0 && (i + 1 < words.len() || k & kind::PLACE == 0)
    })
}

/// Whether the words between an office's comma and a name are honorifics and courtesy
/// titles at most ("Rt Hon ", "Mr "), which the name leaves out.
fn honorifics_only(gap: &str) -> bool {
    gap.split_whitespace().all(|w| {
        let w = w.trim_end_matches('.');
        HONORIFICS.contains(&w) || COURTESY_TITLES.contains(&w)
    })
}

/// Words before a title that make it another office or another time's ("Vice President
/// Mike Pence", "former Foreign Secretary William Hague"), beside [`ROLE_MODIFIERS`].
const ANOTHER_OFFICE: &[&str] = &[
    "vice",
    "deputy",
    "associate",
    "junior",
    "former",
    "ex",
    "late",
    "then",
    "outgoing",
    "previous",
];

/// The person the article names right after the words of `role` as a title, the nearest
/// before `at`, else the first after: "Foreign Secretary Boris Johnson" for "the Foreign
/// Secretary", "Agriculture Secretary Richard Lyng" for "the Secretary". Not after a title
/// or a word of [`ANOTHER_OFFICE`] or [`ROLE_MODIFIERS`], which make it another office
/// ("Vice President Mike Pence", "Deputy Prime Minister Nick Clegg", "Prime Minister" for
/// "the Minister") or another time's ("former Foreign Secretary William Hague", "Former U.S.
/// President Barack Obama").
fn titled<'a>(
    people: &[&'a Raw],
    passages: &[Passage],
    role: &str,
    at: (usize, usize),
    gaz: &Gazetteer,
) -> Option<&'a Raw> {
    let mut titled: Vec<&Raw> = people
        .iter()
        .copied()
        .filter(|r| {
            let before = passages[r.passage].text[..r.start].trim_end();
            before.strip_suffix(role).is_some_and(|b| {
                let words = b.trim_end().trim_end_matches('-').to_lowercase();
                let mut words = words.rsplit(' ').map(|w| w.trim_end_matches('.'));
                let word = words.next().unwrap_or("");
                let other = |w: &str| {
                    ANOTHER_OFFICE.contains(&w)
                        || ROLE_MODIFIERS.contains(&w)
                        || TITLE_WORDS.contains(&w)
                };
                // A country between: "Former U.S. President Barack Obama".
                let country = gaz.kinds(word) & (kind::COUNTRY | kind::DEMONYM) != 0;
                let before_country = country && words.next().is_some_and(other);
                !b.ends_with(char::is_alphanumeric) && !other(word) && !before_country
            })
        })
        .collect();
    titled.sort_by_key(|r| (r.passage, r.start));
    let nearest_before = titled.iter().rev().find(|r| (r.passage, r.start) < at);
    nearest_before.or(titled.first()).copied()
}

/// A mention that the rest of a company's name follows, ending in the company's trade
/// ("Aydin" + "Shipbuilding", "Boston" + "Bancorp"), is that company's name
/// ([`name_words::trade_after`]), unless another mention holds those words or the sentence
/// is a title-case heading. After a country or a people's adjective, a word must come
/// between ("Kenya" + "National Shipping"): the wires write "U.S. Securities houses" and
/// "Indonesian Energy minister".
fn companies_by_their_trade(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
    for i in 0..raws.len() {
        let r = &raws[i];
        let (pi, end) = (r.passage, r.end);
        let national = r.demonym || gaz.kinds(&r.text.to_lowercase()) & kind::COUNTRY != 0;
        let text = &passages[pi].text;
        let least_words = if national { 2 } else { 1 };
        let Some(len) = name_words::trade_after(&text[end..], least_words) else {
            continue;
        };
        if taken(raws, pi, end, end + len) || in_a_heading(text, end) {
            continue;
        }
        let r = &mut raws[i];
        r.end = end + len;
        r.text = text[r.start..r.end].to_string();
        r.kind = Kind::Organization;
        r.demonym = false;
    }
}

/// An institution's name that opens with a word for what it is in another language
/// ([`name_words::names_opened_by_their_kind`]) is an organization's, in place of what the
/// recognizer read in it ("Kata'ib Hezbollah" a person, "Harakat al-Nujaba" and "Partido
/// Popular" nothing), in text order. A mention inside it or reaching on past it is taken
/// along, save a person's that opens with a first name, before which the name ends ("Grupo
/// Televisa Emilio Azcarraga"; the recognizer reads the ends of long names as people:
/// "Istituto per la Ricostruzione Industriale"; so "Universidad Rey Juan Carlos" is cut to
/// "Universidad Rey"). One that starts before it is some other name, left as it is, and so
/// is the name where a person's mention runs on past its end (the recognizer read across a
/// role: "Santander Chairman Emilio Botin"), where the gazetteer knows it as a place and in
/// a title-case heading ("Banco Santander Profit Beats Forecasts").
fn organizations_by_their_first_word(raws: &mut Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) {
    for (pi, p) in passages.iter().enumerate() {
        for name in name_words::names_opened_by_their_kind(&p.text) {
            let here = |r: &Raw| r.overlaps(pi, name.start, name.end);
            let first_name = |r: &Raw| {
                let first = r.text.split(' ').next().unwrap_or("");
                r.text.contains(' ') && gaz.kinds(&first.to_lowercase()) & kind::FIRST_NAME != 0
            };
            let person_inside = raws
                .iter()
                .filter(|r| here(r) && r.kind == Kind::Person && r.start > name.start)
                .filter(|r| first_name(r))
                .map(|r| r.start)
                .min();
            let name = match person_inside {
                Some(at) => match name_words::cut(&p.text, name.clone(), at) {
                    Some(cut) => cut,
                    None => continue,
                },
                None => name,
            };
            let here = |r: &Raw| r.overlaps(pi, name.start, name.end);
            let person_past = |r: &Raw| here(r) && r.kind == Kind::Person && r.end > name.end;
            if raws
                .iter()
                .any(|r| (here(r) && r.start < name.start) || person_past(r))
                || known_as_a_place(&p.text[name.clone()], gaz)
                || in_a_heading(&p.text, name.start)
            {
                continue;
            }
            let end = raws
                .iter()
                .filter(|r| here(r))
                .map(|r| r.end)
                .fold(name.end, usize::max);
            raws.retain(|r| !here(r));
            let at = raws.partition_point(|r| (r.passage, r.start) < (pi, name.start));
            let org = Raw::new(pi, &p.text, name.start, end, Kind::Organization, false);
            raws.insert(at, org);
        }
    }
}

/// An institution's name with two fields joined by "and" after "the" ("the Foreign and
/// Commonwealth Office", "the Finance and Economy Ministry"), which the recognizer cuts at
/// the "and" ("Commonwealth Office"; "Finance" and "Economy Ministry"), is one name: where
/// an organization's mention ending in an institution's word follows "the", one capitalised
/// word and "and", and that word is no acronym, no place, people or organization the
/// gazetteer knows, nor a seat of government ("the BBC and ITV News", "the US and UK
/// Governments", "the ASA and National Soybean Processors Association", "the Kremlin and
/// Foreign Ministry" are two), nor another kind of mention.
fn institutions_joined_by_and(raws: &mut Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) {
    let mut joined = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let text = &passages[r.passage].text;
        let last = r.text.rsplit(' ').next().unwrap_or("").to_lowercase();
        if r.kind != Kind::Organization || r.demonym || !is_an_institutions_word(&last) {
            continue;
        }
        let Some(before) = text[..r.start].strip_suffix(" and ") else {
            continue;
        };
        let field = before.rsplit(' ').next().unwrap_or("");
        let the = &before[..before.len() - field.len()];
        let known = kind::PLACE | kind::COUNTRY | kind::DEMONYM | kind::ORGANIZATION;
        let start = the.len();
        let other = raws
            .iter()
            .any(|o| o.overlaps(r.passage, start, before.len()) && o.kind != Kind::Organization);
        if field.starts_with(char::is_uppercase)
            && field.chars().all(char::is_alphabetic)
            && field.chars().any(char::is_lowercase)
            && (the.ends_with("the ") || the.ends_with("The "))
            && gaz.kinds(&field.to_lowercase()) & known == 0
            && !sentence_rules::SEATS_OF_GOVERNMENT.contains(&field)
            && !other
        {
            joined.push((i, start));
        }
    }
    for &(i, start) in &joined {
        let pi = raws[i].passage;
        let text = &passages[pi].text;
        let end = raws[i].end;
        raws[i] = Raw::new(pi, text, start, end, Kind::Organization, false);
    }
    let spans: Vec<(usize, usize, usize)> = joined
        .iter()
        .map(|&(i, _)| (raws[i].passage, raws[i].start, raws[i].end))
        .collect();
    raws.retain(|r| {
        !spans
            .iter()
            .any(|&(pi, s, e)| r.overlaps(pi, s, e) && (r.start, r.end) != (s, e) && !r.demonym)
    });
}

/// Whether byte `at` of a passage's text is in a title-case heading
/// ([`headings::is_title_case`]), where every word is capitalised and a name's own words
/// cannot tell where it ends.
fn in_a_heading(text: &str, at: usize) -> bool {
    let toks = tokenize(text);
    let sentence =
        sentence_ranges(text, &toks).find(|r| toks[r.clone()].last().is_some_and(|t| at < t.end));
    sentence.is_some_and(|r| headings::is_title_case(&toks[r], text))
}

/// A state named by its title and a place ("Sultanate of Zanzibar", "Kingdom of Hawaii")
/// is a place ([`name_words::names_a_state`]), as its name alone is.
fn states_by_their_title(raws: &mut [Raw], gaz: &Gazetteer) {
    for r in raws.iter_mut() {
        if r.kind != Kind::Place && name_words::names_a_state(&r.text, |p| known_as_a_place(p, gaz))
        {
            r.kind = Kind::Place;
        }
    }
}

/// An abbreviation written as a plural ("PCs", "IPOs", "VBIEDs") is a common noun, and so is
/// the same abbreviation in the singular in that article ("a PC", "the IPO"): neither is a
/// name. A name is not pluralised that way: "the Kennedys" is not in capitals, "NATO's" has
/// an apostrophe.
fn drop_plural_abbreviations(raws: &mut Vec<Raw>, passages: &[Passage]) {
    let singular = |word: &str| -> Option<String> {
        let stem = word.strip_suffix('s')?;
        let letters = stem.chars().filter(char::is_ascii_uppercase).count();
        (letters >= 2
            && stem
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        .then(|| stem.to_string())
    };
    let things: HashSet<String> = passages
        .iter()
        .flat_map(|p| p.text.split(|c: char| !c.is_alphanumeric()))
        .filter_map(singular)
        .collect();
    if things.is_empty() {
        return;
    }
    raws.retain(|r| {
        let text = r.text.as_str();
        !(things.contains(text) || singular(text).is_some_and(|s| things.contains(&s)))
    });
}
