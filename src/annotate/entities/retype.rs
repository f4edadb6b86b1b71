//! Rules that give a mention its kind by the words of its name or around it: people by their
//! names, streets and sites as places, companies by their legal form or possessive,
//! employers before a job ("Dean Witter analyst Karen Gibbs"), short forms of
//! organizations, people after titles, demonyms before a name.

use std::collections::HashSet;

use super::bounds::POSSESSIVE_ENDINGS;

use super::tagged::{ends_a_persons_name, ends_as_an_organization};
use super::types::{Kind, Raw};
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::ner::features::{ORG_WORDS, TITLE_WORDS};
use crate::annotate::sentence_rules;
use crate::article::Passage;

/// An organization's name of two or three words that is shaped as a person's is a person's: a
/// first name and a surname that the name lists hold, with no word that names an organization
/// ("Kyle Busch" and "Chase Elliott" in a table of drivers; not "Tequila Works" or "Moon
/// Express"). Not a name the lists hold whole ("Morgan Stanley", "Charles Schwab") or as the
/// start of a longer one ("Merrill Lynch"), nor one whose first name is also an
/// organization's or a country's.
pub(super) fn people_by_their_names(raws: &mut [Raw], gaz: &Gazetteer) {
    let shaped_as_a_person = |name: &str| {
        let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        (2..=3).contains(&words.len())
            && name.split(' ').all(|w| w.starts_with(char::is_uppercase))
            && name
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '.')
            && gaz.kinds(first) & kind::FIRST_NAME != 0
            && gaz.kinds(first) & (kind::ORGANIZATION | kind::COUNTRY) == 0
            && gaz.kinds(last) & kind::LAST_NAME != 0
            && !words.iter().any(|w| ORG_WORDS.contains(&w.as_str()))
            && {
                let whole = words.join(" ");
                gaz.kinds(&whole) & (kind::ORGANIZATION | kind::PLACE) == 0
                    && !gaz.continues(&whole)
            }
    };
    for r in raws.iter_mut() {
        if r.kind == Kind::Organization && shaped_as_a_person(&r.text) {
            r.kind = Kind::Person;
        }
    }
}

/// A person's or organization's name of two words or more whose last word names a street is
/// a place (the recognizer reads "Jolinda Drive" as a person): not an organization whose first
/// word the organisation lists hold ("Google Drive"), nor a seat of government read as one
/// ("Downing Street said"). So is one whose last word names a site
/// or a natural feature ([`SITE_WORDS`]).
pub(super) fn streets_are_places(raws: &mut [Raw], gaz: &Gazetteer) {
    for r in raws.iter_mut().filter(|r| r.kind != Kind::Place) {
        let mut words = r.text.split_whitespace();
        let (first, last) = (words.next(), words.next_back());
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        let listed = gaz.kinds(&first.to_lowercase()) & kind::ORGANIZATION != 0;
        let seat = sentence_rules::SEATS_OF_GOVERNMENT.contains(&r.text.as_str());
        if STREET_WORDS.contains(&last) && !(r.kind == Kind::Organization && (listed || seat)) {
            r.kind = Kind::Place;
            continue;
        }
        // "Moi International Airport", "Tabqa Dam", "Patrick Air Force Base": a site named
        // by what it is, unless the organisation lists hold the whole name, or it is a
        // person's that a first name opens ("Nick Park") or that ends in "Park" ("Inbee Park").
        let named = gaz.kinds(&r.text.to_lowercase()) & kind::ORGANIZATION != 0
            || (r.kind == Kind::Person
                && (last == "Park" || gaz.kinds(&first.to_lowercase()) & kind::FIRST_NAME != 0));
        if SITE_WORDS.contains(&last) && !named {
            r.kind = Kind::Place;
        }
    }
}

/// The last words that make a name a site's or a natural feature's (places, as re3d and
/// CoNLL-2003 have them). Not "Forest" ("Nottingham Forest"), "Palace" ("Crystal Palace"),
/// "Bay" ("Tampa Bay", "Green Bay": teams) or "Center" ("the Carter Center").
const SITE_WORDS: &[&str] = &[
    "Airport",
    "Airfield",
    "Airbase",
    "Base",
    "Port",
    "Harbour",
    "Harbor",
    "Park",
    "Causeway",
    "Bridge",
    "Stadium",
    "Square",
    "Island",
    "Islands",
    "Mountain",
    "Mountains",
    "River",
    "Lake",
    "Valley",
    "Desert",
    "Sea",
    "Gulf",
    "Peninsula",
    "Canal",
    "Dam",
];

/// The last words that make a name an administrative division's ("Bartholomew County").
const DIVISION_WORDS: &[&str] = &[
    "County", "City", "Province", "State", "District", "Region", "Township", "Town", "Village",
];

/// The legal forms of companies ("Dräger, Inc.", "Siemens AG", "Tesco plc").
const LEGAL_FORMS: &[&str] = &["Inc", "Corp", "Ltd", "LLC", "plc", "PLC", "GmbH", "AG"];

/// Whether a word, less a final full stop, is a company's legal form.
pub(super) fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word.strip_suffix('.').unwrap_or(word))
}

/// A company's legal form right after a name names no one by itself ("Dräger, Inc."), and a
/// name the article writes with one ("Dräger, Inc.", "Dräger Inc") is an organization's
/// there, in all its mentions. Places keep their type ("Japan Inc.", "Ohio AG Dave Yost").
pub(super) fn companies_by_legal_form(raws: &mut Vec<Raw>, passages: &[Passage]) {
    raws.retain(|r| {
        !(is_legal_form(&r.text) && after_a_name(&passages[r.passage].text[..r.start]))
    });
    let mut companies: Vec<String> = Vec::new();
    for r in raws.iter().filter(|r| r.kind != Kind::Place) {
        let (name, last) = r.text.rsplit_once(' ').unwrap_or(("", &r.text));
        let after = passages[r.passage].text[r.end..]
            .trim_start_matches(',')
            .trim_start_matches(' ');
        let form_after = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(is_legal_form);
        // "Dräger Inc": the name with its form, and the name without it.
        let with_form = !name.is_empty() && is_legal_form(last);
        if form_after || with_form {
            companies.push(r.text.clone());
        }
        if with_form {
            companies.push(name.to_string());
        }
    }
    for r in raws.iter_mut() {
        if !r.demonym && r.kind != Kind::Place && companies.contains(&r.text) {
            r.kind = Kind::Organization;
        }
    }
}

/// "Macy's", "Moody's", "Sainsbury's": a one-word name before a possessive that the
/// organisation lists hold with it is that organization, the possessive part of its name
/// (the tokenizer splits it off, and the recognizer reads "Macy" as a person or a place).
/// Not where the recognizer read a person that is someone's ("Helmut Kohl" ... "Kohl's
/// government").
pub(super) fn companies_in_the_possessive(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
    // Someone's, not a company's, whatever the tagger read: a word of a person's fuller name
    // in the article ("Helmut Kohl", "Charlie Hodgson" of "Charlie's state of mind"), or a
    // name after a title ("President Carter's White House").
    let someones = |r: &Raw| {
        raws.iter().any(|p| {
            p.kind == Kind::Person && p.text.contains(' ') && p.text.split(' ').any(|w| w == r.text)
        }) || after_a_title(&passages[r.passage].text[..r.start])
    };
    let mut companies: Vec<(usize, usize)> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let after = &passages[r.passage].text[r.end..];
        let Some(possessive) = POSSESSIVE_ENDINGS
            .into_iter()
            .find(|p| after.starts_with(p))
        else {
            continue;
        };
        let one_word = !r.text.contains(' ');
        let listed = gaz.kinds(&format!("{}'s", r.text.to_lowercase())) & kind::ORGANIZATION != 0;
        let ends = !after[possessive.len()..].starts_with(char::is_alphanumeric);
        if one_word && listed && ends && !someones(r) {
            companies.push((i, possessive.len()));
        }
    }
    for (i, len) in companies {
        let r = &mut raws[i];
        r.end += len;
        r.text = passages[r.passage].text[r.start..r.end].to_string();
        r.kind = Kind::Organization;
    }
}

/// A person's or place's name that starts an organization's longer name in the same article
/// is that organization's short form: "interest in Cathay Pacific" after "Cathay Pacific
/// Airways", "Abbott reported" after "Abbott Laboratories Inc" (the recognizer reads the
/// short form by its context, where the long one's last word told it). The longer name goes
/// on in capitalised words only ([`goes_on_in_capitals`]), and the gazetteer does not know
/// the short one as a place's ("New York" of "New York Times"). A place's name must be of two
/// words or more, not open with a people's adjective ("British Columbia") nor end in a
/// street's, site's or division's word ("Bartholomew County"), and the longer name must be a
/// company's ([`ends_as_an_organization`]: "South China" of "South China Morning Post" stays
/// a place). A person's name must not open with a first name ("Charles Schwab" of "Charles
/// Schwab Corp": the man), end a longer person's name in the article ("Dell" beside "Michael
/// Dell"), nor follow a title ("President Trump").
pub(super) fn short_forms_of_organizations(
    raws: &mut [Raw],
    passages: &[Passage],
    gaz: &Gazetteer,
) {
    let short_forms: Vec<usize> = raws
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.demonym && may_be_a_short_form(r, raws, passages, gaz))
        .map(|(i, _)| i)
        .collect();
    for i in short_forms {
        raws[i].kind = Kind::Organization;
    }
}

/// Whether mention `r` (a person's or a place's) is the short form of an organization's name
/// in `raws` (see [`short_forms_of_organizations`]).
fn may_be_a_short_form(r: &Raw, raws: &[Raw], passages: &[Passage], gaz: &Gazetteer) -> bool {
    let name = r.text.as_str();
    let longer = |company: bool| {
        raws.iter().any(|o| {
            o.kind == Kind::Organization
                && goes_on_in_capitals(&o.text, name)
                && (!company || ends_as_an_organization(&o.text))
        })
    };
    let titled = || {
        raws.iter()
            .any(|m| m.text == name && after_a_title(&passages[m.passage].text[..m.start]))
    };
    let first = name.split(' ').next().unwrap_or(name);
    let first = gaz.kinds(&first.to_lowercase());
    r.kind != Kind::Organization
        && !known_as_a_place(name, gaz)
        && match r.kind {
            Kind::Place => {
                name.contains(' ')
                    && first & kind::DEMONYM == 0
                    && !ends_in_a_places_word(name)
                    && longer(true)
            }
            _ => {
                first & kind::FIRST_NAME == 0
                    && !ends_a_persons_name(raws, name)
                    && longer(false)
                    && !titled()
            }
        }
}

/// Whether `long` is `short` and more words, all capitalised: "Cathay Pacific Airways" of
/// "Cathay Pacific"; not "American Express and Shearson" of "American Express", nor
/// "Johnson & Johnson" of "Johnson".
pub(super) fn goes_on_in_capitals(long: &str, short: &str) -> bool {
    long.strip_prefix(short)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest.split(' ').all(|w| w.starts_with(char::is_uppercase)))
}

/// Whether the gazetteer knows a name as a place's ("New York", "West Bank"), or as a
/// region's or town's that only the rules read ("New South Wales").
pub(super) fn known_as_a_place(name: &str, gaz: &Gazetteer) -> bool {
    gaz.kinds(&name.to_lowercase()) & (kind::PLACE | kind::TOWN) != 0
}

/// Courtesy titles, which go before a surname ("Mr Xie", "Mrs Thatcher"), as written with a
/// capital, with or without their full stop.
pub(super) const COURTESY_TITLES: &[&str] = &["Mr", "Mrs", "Ms", "MR", "MRS", "MS"];

/// A "place" right after a courtesy title is a person's surname ("Mr Obama": Obama is also a
/// town in Japan; "Mr. Jax": Jacksonville's other name), and so is every mention of the name
/// in the article. Not a country's name, whose every mention the rule would retype, nor one
/// ending in a place's word ([`ends_in_a_places_word`]). After an office written as a title
/// ([`OFFICES`]: "President Obama") only a town's name of one word that the gazetteer knows
/// by no other name and not as a region: offices go before cities' and regions' names too
/// ("the Foreign Office Minister Baghdad talks").
pub(super) fn people_after_titles(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
    let titled: HashSet<String> = raws
        .iter()
        .filter(|r| r.kind == Kind::Place && !r.demonym)
        .filter(|r| {
            let title = word_before(&passages[r.passage].text[..r.start]);
            let title = title.map(|w| w.strip_suffix('.').unwrap_or(w));
            let courtesy = title.is_some_and(|w| COURTESY_TITLES.contains(&w));
            let office = title.is_some_and(|w| OFFICES.contains(&w))
                && !r.text.contains(' ')
                && gaz.kinds(&r.text.to_lowercase()) & kind::TOWN == 0
                && !gaz.named_otherwise(&r.text);
            (courtesy || office)
                && gaz.kinds(&r.text.to_lowercase()) & kind::COUNTRY == 0
                && !ends_in_a_places_word(&r.text)
        })
        .map(|r| r.text.clone())
        .collect();
    for r in raws.iter_mut() {
        if r.kind == Kind::Place && !r.demonym && titled.contains(&r.text) {
            r.kind = Kind::Person;
        }
    }
}

/// Offices written as titles before a surname ("President Obama", "Sen. Hastings").
const OFFICES: &[&str] = &[
    "President",
    "Minister",
    "Premier",
    "Chancellor",
    "Senator",
    "Sen",
    "Governor",
    "Gov",
    "Secretary",
    "Ambassador",
    "Mayor",
    "Chairman",
    "Judge",
];

/// The word that text ends with before a space ("President " gives "President"), if any.
fn word_before(before: &str) -> Option<&str> {
    let word = before.strip_suffix(' ')?.rsplit(' ').next()?;
    (!word.is_empty()).then_some(word)
}

/// Whether a name's last word is a street's, site's or division's ("Jolinda Drive", "Tabqa
/// Dam", "Bartholomew County").
fn ends_in_a_places_word(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    [STREET_WORDS, SITE_WORDS, DIVISION_WORDS]
        .iter()
        .any(|words| words.contains(&last))
}

/// Whether text ends with a title word and a space ("President ", "Mr. ").
pub(super) fn after_a_title(before: &str) -> bool {
    word_before(before).is_some_and(|word| {
        TITLE_WORDS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
    })
}

/// Whether text ends with a capitalised word or a word in brackets, and perhaps a comma,
/// before a space: where a legal form follows a company's name ("Dräger, " before "Inc.",
/// "Nikko Securities Co (Europe) " before "Ltd").
fn after_a_name(before: &str) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix(',').unwrap_or(before);
    before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .is_some_and(|w| {
            w.starts_with(char::is_uppercase) || w.starts_with('(') && w.ends_with(')')
        })
}

/// A demonym just before an organization's name is part of it ("Syrian" + "Democratic
/// Forces"). `raws` is in text order.
pub(super) fn merge_demonym_prefixes(raws: &mut Vec<Raw>, passages: &[Passage]) {
    let mut i = 0;
    while i + 1 < raws.len() {
        let (a, b) = (&raws[i], &raws[i + 1]);
        if a.demonym
            && b.kind == Kind::Organization
            && a.passage == b.passage
            && passages[a.passage].text[a.end..b.start] == *" "
        {
            let start = a.start;
            let text = passages[a.passage].text[start..b.end].to_string();
            raws[i + 1].start = start;
            raws[i + 1].text = text;
            raws.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Whether any word of a name, or any part of a hyphenated word, is a country; not a first
/// name that opens a person's name of more words ("Jordan Whitlock", "Chad Smith").
pub(super) fn names_a_country(surface: &str, gaz: &Gazetteer) -> bool {
    let first_name = surface.contains(' ');
    surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .enumerate()
        .any(|(i, w)| {
            let k = gaz.kinds(&w.to_lowercase());
            k & kind::COUNTRY != 0 && !(i == 0 && first_name && k & kind::FIRST_NAME != 0)
        })
}

/// The last words that make a name a street's ("Gladstone Avenue", "Jolinda Drive").
/// Not "Lane" ("Nathan Lane"), "Court" ("Supreme Court") or "Place" ("Melrose Place").
const STREET_WORDS: &[&str] = &["Street", "Avenue", "Boulevard", "Road", "Drive"];

/// A "person" right before a job and a person after it is the employer, an organization, in
/// every mention of the article: "Dean Witter analyst Karen Gibbs", "Scrimgeour Vickers
/// economist Richard Holt". Not a name that ends a person's name in the article ("Carl
/// Icahn" ... "Icahn analyst"); before a job a person's staff hold too ([`STAFF`]), only a
/// name of two words or more that opens with no first name. Runs after
/// [`people_by_their_names`], which reads such names as people's.
pub(super) fn employers_before_jobs(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
    let mut employers: HashSet<String> = HashSet::new();
    for pair in raws.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(job) = passages[a.passage]
            .text
            .get(a.end..b.start)
            .and_then(|w| w.strip_prefix(' ')?.strip_suffix(' '))
        else {
            continue;
        };
        let first = a.text.split(' ').next().unwrap_or("").to_lowercase();
        let firm = || a.text.contains(' ') && gaz.kinds(&first) & kind::FIRST_NAME == 0;
        if a.passage == b.passage
            && a.kind == Kind::Person
            && b.kind == Kind::Person
            && (ANALYSTS.contains(&job) || (STAFF.contains(&job) && firm()))
            && !ends_a_persons_name(raws, &a.text)
        {
            employers.insert(a.text.clone());
        }
    }
    for r in raws.iter_mut() {
        if r.kind == Kind::Person && employers.contains(&r.text) {
            r.kind = Kind::Organization;
        }
    }
}

/// For [`employers_before_jobs`]: jobs that news writes in lower case between an employer
/// and the person who holds the job ("E.F. Hutton analyst Bernard Sosnick")...
const ANALYSTS: &[&str] = &["analyst", "analysts"];

/// ...and jobs that a person's staff hold too ("Societe Generale economist Alain Marais", but
/// "Trump strategist Steve Bannon", "Reagan economist Arthur Laffer"). Not "spokesman":
/// "Clinton spokesman Joe Lockhart" speaks for a person.
const STAFF: &[&str] = &[
    "economist",
    "economists",
    "strategist",
    "strategists",
    "chairman",
    "chairwoman",
];
