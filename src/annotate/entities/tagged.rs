//! One tagged chunk made a mention: its title or role split off (by [`super::titles`]), words
//! that name no one dropped, places after prepositions of place, places the tagger left
//! untagged.

use super::bounds::{
    after_based, after_locative, after_preposition_of_place, is_possessive, located_at,
    names_nothing, trim,
};
use super::drops::continues_name;
use super::drops::HOLIDAYS;
use super::reading::is_web_name;
use super::retype::{is_legal_form, known_as_a_place, names_a_country};
use super::titles::split_title;
use super::titles::{is_role, without_a_role};
use super::types::{Kind, Raw};
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::name_words;
use crate::annotate::ner::features::{ORG_WORDS, TITLE_WORDS};
use crate::annotate::sentence_rules;
use crate::annotate::tokenize::Token;
use crate::date::WEEKDAYS;

/// What a chunk the recognizer tagged (type `ty`, tokens `s..e`) names, after the rules:
/// its tokens, kind and whether it is a demonym; `None` when it names nothing.
pub(super) fn tagged_mention(
    toks: &[Token],
    text: &str,
    ty: usize,
    s: usize,
    e: usize,
    gaz: &Gazetteer,
) -> Option<Tagged> {
    let (s, e) = trim(toks, text, s, e);
    let (s, e, ty) = after_based(toks, text, s, e, ty, gaz);
    if s >= e {
        return None;
    }
    let (e, ty) = if ty == 1 {
        without_a_role(toks, text, s, e, false, gaz)?
    } else {
        (e, ty)
    };
    let (s, ty) = split_title(toks, text, ty, s, e, gaz);
    let surface = &text[toks[s].start..toks[e - 1].end];
    let lower = surface.to_lowercase();
    if !surface.chars().any(char::is_alphabetic)
        || names_no_one(surface, ty)
        || lower.split(' ').any(is_contraction)
        || NOT_NAMES.contains(&lower.as_str())
        || WEEKDAYS.contains(&lower.as_str())
        || (ty != 0 && HOLIDAYS.contains(&lower.as_str()))
        || sentence_rules::NAME_SUFFIXES.contains(&surface)
        || (crate::date::is_month(&lower) && lower != "may")
        || is_a_date(surface, ty)
        || TITLE_WORDS.contains(&lower.trim_end_matches('.'))
        || (ty == 1 && is_role(surface, gaz))
    {
        return None;
    }
    // A person's name holds no digits and does not end in a title ("Army Lt"), unless the
    // title is a surname after a first name ("John Major", "Stephen King", "Kevin King").
    let last_word = lower.rsplit(' ').next().unwrap_or("");
    let ends_in_a_title = || {
        TITLE_WORDS.contains(&last_word.trim_end_matches('.'))
            && !(e - s >= 2
                && is_a_surname_after_a_first_name(toks[e - 2].text(text), last_word, gaz))
    };
    if ty == 0
        && (surface.chars().any(|c| c.is_ascii_digit())
            || last_word == "officer"
            || ends_in_a_title())
    {
        return None;
    }
    let gk = gaz.kinds(&lower);
    if names_nothing(surface, gaz) {
        return None;
    }
    // A "person" that the gazetteer knows only as a place is one ("Ar Raqqah"); like a place
    // after a preposition, it is the person where the article names someone whose name ends
    // with it ("Barack Obama" ... "Obama said"; GeoNames has a town Obama in Japan).
    let web = is_web_name(surface);
    let only_a_place =
        ty == 0 && !web && gk & kind::PLACE != 0 && gk & (kind::FIRST_NAME | kind::LAST_NAME) == 0;
    let ty = if only_a_place { 2 } else { ty };
    // A country's name alone is its place, even where it acts ("US troops", "Russia said"):
    // one entity to search by, whatever the sentence makes of it.
    let ty = if ty == 1 && gk & kind::COUNTRY != 0 && gk & kind::ORGANIZATION == 0 {
        2
    } else {
        ty
    };
    // A "person" right after a preposition of place ("near Rawah", "in Tal Afar", "outside
    // Ayn Isa") is a place, unless the gazetteer knows it as a person's name.
    let after_preposition = ty == 0 && !web && s > 0 && after_locative(toks, text, s, e, gaz);
    let ty = if after_preposition { 2 } else { ty };
    let located = after_preposition || only_a_place;
    // So is an "organization" there that the gazetteer knows only as a place ("analysts in
    // New York said"), or after a company's legal form and "of" ("Meridian Pacific Inc. of
    // Sunnyvale", as the wires write a company's home).
    let home = s > 1
        && toks[s - 1].text(text) == "of"
        && (is_legal_form(toks[s - 2].text(text)) || toks[s - 2].text(text) == "Co.");
    let ty = if ty == 1
        && s > 0
        && gk & (kind::PLACE | kind::TOWN) != 0
        && gk & kind::ORGANIZATION == 0
        && (located_at(toks, text, s, e) || home)
    {
        2
    } else {
        ty
    };
    // A name ending in "Coalition", "Forces", "Agency", "Productions"... is an organization.
    let org_word = is_an_institutions_word(last_word);
    let ty = if ty == 0 && e - s > 1 && org_word {
        1
    } else {
        ty
    };
    // So is a "place" ending in a word that ends no place's name ("Cargill U.K. Ltd", "New
    // Zealand Stock Exchange", "Bell Labs").
    let institution = ty == 2 && ends_no_place(toks, text, s, e, gaz);
    let ty = if institution { 1 } else { ty };
    let (kind, demonym) = match ty {
        // A "person" holding a country's name is a misreading ("Deepening Russia-North").
        0 if names_a_country(surface, gaz) => return None,
        // A name written as a web address is a publisher's or a shop's ("Amazon.com").
        0 if web => (Kind::Organization, false),
        0 => (Kind::Person, false),
        1 => (Kind::Organization, false),
        2 => (Kind::Place, gaz.compass_demonym(surface).is_some()),
        _ if gk & kind::DEMONYM != 0 => (Kind::Place, true),
        // MISC that the organisation lists hold whole, and no place list: "Daesh", "Airbus"
        // (not two letters: "AI").
        _ if surface.len() > 2
            && gk & kind::ORGANIZATION != 0
            && gk & (kind::PLACE | kind::COUNTRY) == 0 =>
        {
            (Kind::Organization, false)
        }
        // A party named by its members ("Democrats said"), as the judged pages have it.
        _ if PARTIES_BY_THEIR_MEMBERS.contains(&surface) => (Kind::Organization, false),
        _ => return None, // MISC: events, nationalities not in the list, works
    };
    Some(Tagged {
        s,
        e,
        kind,
        demonym,
        located: located && !institution,
    })
}

/// Parties as news names them by their members, in the plural, which CoNLL-2003 tags as
/// other names (MISC): "Democrats", "Republicans", "Christian Democrats", "Socialists".
const PARTIES_BY_THEIR_MEMBERS: &[&str] = &[
    "Democrats",
    "Republicans",
    "Social Democrats",
    "Christian Democrats",
    "Free Democrats",
    "Socialists",
    "Communists",
    "Nationalists",
    "Liberals",
];

/// Whether tokens `s..e` (two or more) end in a word that ends organizations' names and no
/// place's ([`ENDS_NO_PLACE`], [`name_words::COMPANY_WORDS`]; "Exchange" after a market's
/// word: "Stock Exchange", not "Corn Exchange"), and the gazetteer does not know the whole
/// as a place ("West Bank"). A country before a legal form stays a place: "Japan Inc." is
/// Japan's business world.
pub(super) fn ends_no_place(
    toks: &[Token],
    text: &str,
    s: usize,
    e: usize,
    gaz: &Gazetteer,
) -> bool {
    if e - s < 2 {
        return false;
    }
    let lower = |j: usize| toks[j].text(text).trim_end_matches('.').to_lowercase();
    let last = lower(e - 1);
    let legal_form = LEGAL_FORMS_IN_LOWER_CASE.contains(&last.as_str());
    let ends = ends_as_an_organization(&last)
        || (last == "exchange" && MARKETS.contains(&lower(e - 2).as_str()));
    let whole = text[toks[s].start..toks[e - 1].end].to_lowercase();
    let rest = text[toks[s].start..toks[e - 2].end].to_lowercase();
    ends && !known_as_a_place(&whole, gaz) && !(legal_form && gaz.kinds(&rest) & kind::COUNTRY != 0)
}

/// Whether a name's last word ends organizations' names and no place's: a legal form
/// ([`LEGAL_FORMS_IN_LOWER_CASE`]), [`ENDS_NO_PLACE`] or [`name_words::COMPANY_WORDS`], in
/// any case and with or without its full stop ("Corp.", "Airways").
pub(super) fn ends_as_an_organization(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    let last = last.trim_end_matches('.').to_lowercase();
    [
        LEGAL_FORMS_IN_LOWER_CASE,
        ENDS_NO_PLACE,
        name_words::COMPANY_WORDS,
    ]
    .iter()
    .any(|words| words.contains(&last.as_str()))
}

/// Whether a name names no one whatever its type: a stock's ticker ("CAWL.L" of
/// "<CAWL.L>"), a company's legal forms alone ("Co Inc", the rest of "Wertheim and Co"), or
/// a person or place of one letter (a table's "V", "B shares").
pub(super) fn names_no_one(surface: &str, ty: usize) -> bool {
    let ticker = surface.split_once('.').is_some_and(|(code, market)| {
        (2..=6).contains(&code.len())
            && (1..=2).contains(&market.len())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && market.chars().all(|c| c.is_ascii_uppercase())
    });
    let forms_only = surface
        .split(' ')
        .all(|w| is_legal_form(w) || matches!(w, "Co" | "Co."));
    let one_letter = surface.trim_end_matches('.').chars().count() == 1;
    ticker || forms_only || (one_letter && ty != 1)
}

/// Whether a name is a month's day, as tables head their columns ("APRIL 7", "Jun 6918"):
/// never a person or a place, and an organization only where it is not written in capitals
/// (the Lebanese alliance "March 14").
pub(super) fn is_a_date(surface: &str, ty: usize) -> bool {
    let mut words = surface.split(' ');
    (ty != 1 || !surface.chars().any(char::is_lowercase))
        && words
            .next()
            .is_some_and(|m| crate::date::is_month(&m.to_lowercase()))
        && words.all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        && surface.contains(' ')
}

/// Whether a name's last word (in lower case) ends organizations' names and no person's.
pub(in crate::annotate) fn is_an_institutions_word(word: &str) -> bool {
    ORG_WORDS.contains(&word) || name_words::COMPANY_WORDS.contains(&word)
}

/// Companies' legal forms in lower case, as [`ends_no_place`] reads them (not "AG": "Ohio
/// AG" is the state's attorney general).
const LEGAL_FORMS_IN_LOWER_CASE: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
    "gmbh",
    "pty",
    "bhd",
    "limited",
    "incorporated",
];

/// Last words (in lower case) of organizations' names that end no place's, beside the legal
/// forms and [`name_words::COMPANY_WORDS`]. Not the words of buildings, grounds and areas
/// that are places too: Center, Hospital, College, Court ("Kennedy Space Center"), Club
/// ("Augusta National Golf Club"), Agency and Department (Pakistan's tribal agencies,
/// Colombia's departments), Group (island groups), Services (motorway service areas).
const ENDS_NO_PLACE: &[&str] = &[
    "bank",
    "foundation",
    "federation",
    "fund",
    "holdings",
    "industries",
    "association",
    "institute",
    "company",
    "corporation",
    "commission",
    "committee",
    "council",
    "ministry",
    "organisation",
    "organization",
    "party",
    "league",
    "fc",
    "authority",
    "board",
    "airlines",
    "airways",
    "motors",
    "systems",
    "technologies",
    "brewery",
];

/// Words of markets before "Exchange" ("Stock Exchange", "Mercantile Exchange").
const MARKETS: &[&str] = &[
    "stock",
    "futures",
    "commodity",
    "commodities",
    "options",
    "mercantile",
    "metal",
    "metals",
];

/// A mention of tokens `s..e` as the rules read a tagged chunk; `located` when it is a place
/// only because a preposition of place stands before it or the gazetteer knows its "person"
/// only as a place (the article may say otherwise).
pub(super) struct Tagged {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) kind: Kind,
    pub(super) demonym: bool,
    pub(super) located: bool,
}

/// A place that a preposition or the gazetteer made of a "person" is that person where the
/// article names someone whose name ends with it ("Paul Volcker" ... "confidence in
/// Volcker", "Barack Obama" ... "Obama said").
pub(super) fn people_after_prepositions(raws: &mut [Raw], located: &[usize]) {
    for &i in located {
        let name = &raws[i].text;
        let named = ends_a_persons_name(raws, name)
            || raws
                .iter()
                .any(|r| r.kind == Kind::Person && &r.text == name);
        if named {
            raws[i].kind = Kind::Person;
            raws[i].demonym = false;
        }
    }
}

/// Whether a person's name of more words in `raws` ends with `name` ("Paul Volcker" for
/// "Volcker").
pub(super) fn ends_a_persons_name(raws: &[Raw], name: &str) -> bool {
    raws.iter().any(|r| {
        r.kind == Kind::Person
            && r.text
                .strip_suffix(name)
                .is_some_and(|first| first.ends_with(' '))
    })
}

/// Whether a title word is a surname after a first name: "John Major", "Stephen King",
/// "Martin Luther King"; not after a country's name ("Jordan King Abdullah").
pub(super) fn is_a_surname_after_a_first_name(before: &str, title: &str, gaz: &Gazetteer) -> bool {
    let first = gaz.kinds(&before.to_lowercase());
    gaz.kinds(title.to_lowercase().trim_end_matches('.')) & kind::LAST_NAME != 0
        && first & kind::FIRST_NAME != 0
        && first & kind::COUNTRY == 0
}

/// Whether the word after a name makes it another's: a possessive ("in God's name") or the
/// rest of an Arabic name ("near Wadi al-Hamra").
fn goes_on(next: &str) -> bool {
    is_possessive(next)
        || ["al-", "el-", "ad-", "ar-", "as-", "bin", "ibn"]
            .iter()
            .any(|p| next.starts_with(p))
}

/// Countries and demonyms the recognizer passed over, and places the gazetteer knows only as
/// places right after a preposition of place ("near Tikrit"): the longest gazetteer phrase
/// at each capitalised token not `covered`, as tokens `s..e` and whether it is a demonym.
pub(super) fn untagged_places(
    toks: &[Token],
    text: &str,
    covered: &[bool],
    gaz: &Gazetteer,
) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if covered[i] || !toks[i].text(text).starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut found = None;
        let mut phrase = String::new();
        let located = after_preposition_of_place(toks, text, i);
        for n in 1..=gaz.max_words.min(toks.len() - i) {
            if covered[i + n - 1] {
                break;
            }
            if n > 1 {
                phrase.push(' ');
            }
            phrase.push_str(&toks[i + n - 1].text(text).to_lowercase());
            let k = gaz.kinds(&phrase);
            let town = k & (kind::PLACE | kind::TOWN) != 0
                && k & (kind::FIRST_NAME | kind::LAST_NAME | kind::ORGANIZATION) == 0
                && located
                && toks[i + n - 1].text(text).starts_with(char::is_uppercase)
                && !continues_name(&text[toks[i + n - 1].end..])
                && !toks.get(i + n).is_some_and(|t| goes_on(t.text(text)));
            if k & (kind::COUNTRY | kind::DEMONYM) != 0 || town {
                found = Some((n, k & kind::COUNTRY == 0 && !town));
            }
            if !gaz.continues(&phrase) {
                break;
            }
        }
        match found {
            Some((n, demonym)) => {
                out.push((i, i + n, demonym));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Words that the recognizer may take for names at a sentence start but never are (the
/// days of the week too, [`WEEKDAYS`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "article",
    "spc",
    "pfc",
    "cpl",
    "pvt",
    "nil",
];

/// Whether a word (in lower case) is an English contraction: "don't", "we’re", "they've",
/// "i'm", "we'd", "you'll". No name holds one: a slogan in title case ("Don’t Jerk and
/// Drive", "We’re On It") does. Names whose apostrophe is followed by a capital ("O'Brien")
/// or by other letters ("Qur'an", "Da'esh") are not contractions.
fn is_contraction(word: &str) -> bool {
    let Some((stem, tail)) = word.rsplit_once(['\'', '\u{2019}']) else {
        return false;
    };
    !stem.is_empty()
        && stem.chars().all(char::is_alphabetic)
        && (matches!(tail, "re" | "ve" | "ll" | "m" | "d") || (tail == "t" && stem.ends_with('n')))
}
