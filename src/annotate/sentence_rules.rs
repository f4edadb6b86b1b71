//! Rules over the recognizer's chunks of one sentence, before they are read as mentions: a
//! few kinds of names that news beyond Reuters 1996 writes often and the recognizer's
//! training text seldom does. The person after a role ("Pentagon Press Secretary Peter
//! Cook"), a ruler before "regime" ("the Asad regime"), the bodies of the solar system
//! ("on Mars"), seats of government ("the White House said"), armed and political
//! movements ("the Taliban"), newspapers ("the Hartford Courant"), places named after their
//! kind ("the town of Avdiivka", "Anbar province", "north of Tikrit"), the person after a
//! title ("Vice President Pence"), an honorific or before post-nominal letters ("Rt Hon
//! Claire Haddon MP"), past an initial and through "Jr." ("Clifford G. Zimmer Jr."), and
//! institutions named after a place ("Indiana University").
//!
//! A chunk is (type, first token, end token), the type an index of
//! [`TYPES`](super::ner::TYPES). The chunks of a sentence are in order and do not overlap;
//! each rule keeps them so ([`give_way`], [`retype_word`]).

use super::clusters::capitalisation;
use super::entities::{
    is_an_institutions_word, is_possessive, ARABIC_ARTICLES, HONORIFICS, LED_BY_A_PERSON,
    LOCATIVES, PERSON_ONLY_TITLES,
};
use super::gazetteer::{kind, Gazetteer};
use super::ner::features::{ORG_WORDS, TITLE_WORDS};
use super::tokenize::Token;
use crate::date::{MONTH_NAMES, WEEKDAYS};

/// (type, first token, end token).
pub type Chunk = (usize, usize, usize);

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// The recognizer's chunks of one sentence after the rules of this module; `heading` when
/// the sentence is a title-case heading (where every word is capitalised).
pub fn apply(
    toks: &[Token],
    text: &str,
    chunks: Vec<Chunk>,
    heading: bool,
    gaz: &Gazetteer,
) -> Vec<Chunk> {
    let words = Words { toks, text };
    let chunks = if heading {
        chunks
    } else {
        let chunks = names_after_titles(&words, names_after_roles(&words, chunks, gaz), gaz);
        let chunks = honoured_names(&words, chunks, gaz);
        institutions_named_after(&words, chunks, gaz)
    };
    let chunks = names_past_initials(&words, chunks, gaz);
    let chunks = without_weekdays(&words, chunks);
    let chunks = rulers_of_regimes(&words, chunks, gaz);
    let chunks = celestial_bodies(&words, chunks);
    let chunks = places_by_their_kind(&words, chunks, gaz);
    let chunks = seats_of_government(&words, chunks);
    let chunks = movements(&words, chunks);
    publications(&words, chunks)
}

/// A sentence's words by token index; "" outside it.
struct Words<'a> {
    toks: &'a [Token],
    text: &'a str,
}

impl Words<'_> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    fn at(&self, j: usize) -> &str {
        self.toks.get(j).map_or("", |t| t.text(self.text))
    }

    /// The word before token `i`.
    fn before(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |j| self.at(j))
    }

    fn capital(&self, j: usize) -> bool {
        self.at(j).starts_with(char::is_uppercase)
    }

    /// Tokens `s..e` as one phrase, a space apart.
    fn phrase(&self, s: usize, e: usize) -> String {
        (s..e).map(|j| self.at(j)).collect::<Vec<_>>().join(" ")
    }

    /// Where the words of `name` (one space apart) end when they start at token `i`, ASCII
    /// letters compared without their case.
    fn name_at(&self, i: usize, name: &str) -> Option<usize> {
        let mut j = i;
        for w in name.split(' ') {
            if j >= self.len() || !self.at(j).eq_ignore_ascii_case(w) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
}

/// The chunks, less those that overlap one of `names`, with `names` added, in order.
fn give_way(chunks: Vec<Chunk>, names: Vec<Chunk>) -> Vec<Chunk> {
    if names.is_empty() {
        return chunks;
    }
    let overlaps = |&(_, s, e): &Chunk| names.iter().any(|&(_, ns, ne)| s < ne && ns < e);
    let mut out: Vec<Chunk> = chunks.into_iter().filter(|c| !overlaps(c)).collect();
    out.extend(names);
    out.sort_by_key(|&(_, s, _)| s);
    out
}

/// Token `i` read as type `ty`: a chunk of its own where no chunk holds it, and where a
/// chunk of one of the types `over` is that word alone, that chunk retyped; otherwise the
/// chunks stay as they are.
fn retype_word(chunks: &mut Vec<Chunk>, i: usize, ty: usize, over: &[usize]) {
    match chunks.iter().position(|&(_, s, e)| s <= i && i < e) {
        None => {
            chunks.push((ty, i, i + 1));
            chunks.sort_by_key(|&(_, s, _)| s);
        }
        Some(c) if chunks[c].1 == i && chunks[c].2 == i + 1 && over.contains(&chunks[c].0) => {
            chunks[c].0 = ty;
        }
        Some(_) => {}
    }
}

/// "Pentagon Press Secretary Peter Cook told reporters": after a chunk of two or more words
/// that ends in a title, a capitalised first name the gazetteer knows, and up to three more
/// words that look like names ([`looks_like_a_name`]), are a person, whatever the
/// recognizer made of them (it read "Cook told reporters" as a place); the chunks they
/// overlap give way. Not in headings, where every word is capitalised.
fn names_after_roles(words: &Words, chunks: Vec<Chunk>, gaz: &Gazetteer) -> Vec<Chunk> {
    let mut people: Vec<Chunk> = Vec::new();
    for &(_, s, e) in &chunks {
        let title = words.at(e - 1).trim_end_matches('.').to_lowercase();
        if e - s < 2
            || !TITLE_WORDS.contains(&title.as_str())
            || !words.capital(e)
            || gaz.kinds(&words.at(e).to_lowercase()) & kind::FIRST_NAME == 0
            || chunks.iter().any(|&(ty, cs, _)| ty == PER && cs == e)
            || people.last().is_some_and(|&(_, _, pe)| s < pe)
        {
            continue;
        }
        let end = (e + 1..(e + 4).min(words.len()))
            .take_while(|&j| looks_like_a_name(words.at(j), gaz))
            .last()
            .map_or(e + 1, |j| j + 1);
        people.push((PER, e, end));
    }
    give_way(chunks, people)
}

/// Titles that go before a person's name alone, as written after their capital: those of
/// [`PERSON_ONLY_TITLES`] and short forms of courtesy and office ("Mrs", "Sen."); not "Mr"
/// or "Dr", which open brands' names too ("Mr Kipling", "Dr Pepper").
const TITLES_BEFORE_A_NAME: &[&str] = &["mrs", "ms", "sen", "rep", "gov"];

/// Words of rank and office that are no name, beside [`TITLE_WORDS`]: "Oil Minister Sheikh
/// Ali al-Khalifa al-Sabah", "Commission President Justice Barry Maddern".
const RANKS: &[&str] = &[
    "sheikh", "justice", "dame", "emir", "crown", "baroness", "baron",
];

/// Whether a word is a title ([`TITLE_WORDS`]) or a rank ([`RANKS`]): no part of a name.
fn is_a_title_or_rank(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    TITLE_WORDS.contains(&lower.as_str()) || RANKS.contains(&lower.as_str())
}

/// "Vice President Pence said", "Senator Grassley", "Finance Minister Gerhard Stoltenberg"
/// (the recognizer read "Stoltenberg" alone): after a title that goes before a person's
/// name alone, written in lower case after its capital, capitalised words the recognizer
/// passed over that look like a name ([`looks_like_a_name`]; no title, rank or word of an
/// institution's name: "American President Lines"), up to three, are a person, with a
/// person's chunk they run into, or a chunk of one word after a first word ("Rep. Glenn
/// English", "Central Bank President Hernan Anzola"). Not in headings, where every word is
/// capitalised.
fn names_after_titles(words: &Words, chunks: Vec<Chunk>, gaz: &Gazetteer) -> Vec<Chunk> {
    let mut people: Vec<Chunk> = Vec::new();
    let mut next = 0;
    let mut end_of_people = 0;
    for i in 1..words.len() {
        // The chunks are in order: `next` is the first that does not end before `i`.
        while next < chunks.len() && chunks[next].2 <= i {
            next += 1;
        }
        let title = words.at(i - 1);
        if i < end_of_people
            || !words.capital(i - 1)
            || !title.contains(char::is_lowercase)
            || chunks.get(next).is_some_and(|&(_, s, _)| s <= i)
            || !is_a_title_before_a_name(title)
        {
            continue;
        }
        let end = name_after_a_title(words, &chunks[next..], i, gaz);
        if end > i {
            people.push((PER, i, end));
            end_of_people = end;
        }
    }
    give_way(chunks, people)
}

/// Whether a word is a title that goes before a person's name alone ([`names_after_titles`]).
fn is_a_title_before_a_name(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    PERSON_ONLY_TITLES.contains(&lower.as_str()) || TITLES_BEFORE_A_NAME.contains(&lower.as_str())
}

/// For [`names_after_titles`]: where the name after a title, from token `i`, ends (`i` when
/// none follows); `ahead` holds the chunks that start at `i` or later.
fn name_after_a_title(words: &Words, ahead: &[Chunk], i: usize, gaz: &Gazetteer) -> usize {
    let named = |j: usize| {
        let w = words.at(j);
        looks_like_a_name(w, gaz)
            && !is_a_title_or_rank(w)
            && !is_an_institutions_word(&w.trim_end_matches('.').to_lowercase())
    };
    let mut end = i;
    while end < (i + 3).min(words.len()) && named(end) {
        match ahead.iter().find(|&&(_, s, e)| s <= end && end < e) {
            None => end += 1,
            Some(&(ty, s, e)) if s == end && (ty == PER || (end > i && e == s + 1)) => {
                return e;
            }
            Some(_) => break,
        }
    }
    end
}

/// Letters after a British or Irish person's name: offices ("MP", "MSP", "MEP", "MLA"),
/// counsel ("QC", "KC") and honours ("OBE"). Not "PC" ("Dell PC"), "AM" or "TD".
const POST_NOMINALS: &[&str] = &[
    "MP", "MSP", "MEP", "MLA", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "DBE",
];

/// Names the British honorific and post-nominal letters mark as people's: "Rt Hon Claire
/// Haddon MP" (capitalised words after "Rt Hon" and a knight's or peer's title, up to four,
/// before the letters or a title: "Rt Hon James Cleverly", "Rt Hon Sir Lindsay Hoyle"),
/// "Claire Haddon MP" (an organization or other chunk of two or more words that opens with a
/// first name the gazetteer knows, before the letters; not "Labour MP", nor a place: "Milton
/// Keynes North MP"), and "John Brown OBE", "Keir Starmer KC MP" (the letters are no part of
/// the name). Not in headings, where every word is capitalised.
fn honoured_names(words: &Words, mut chunks: Vec<Chunk>, gaz: &Gazetteer) -> Vec<Chunk> {
    let letters = |j: usize| POST_NOMINALS.contains(&words.at(j));
    for (ty, s, e) in chunks.iter_mut() {
        while *ty == PER && *e - *s >= 2 && letters(*e - 1) {
            *e -= 1;
        }
    }
    let honorific = |j: usize, k: usize| words.at(j).trim_end_matches('.') == HONORIFICS[k];
    let named = |j: usize| words.capital(j) && !letters(j) && !is_a_title_or_rank(words.at(j));
    let mut people: Vec<Chunk> = Vec::new();
    for i in 0..words.len() {
        if honorific(i, 0) && honorific(i + 1, 1) {
            // "Rt Hon Sir Lindsay Hoyle MP": the knight's or peer's title is no part of it.
            let s = (i + 2..words.len())
                .find(|&j| !is_a_title_or_rank(words.at(j)))
                .unwrap_or(words.len());
            let e = (s..(s + 4).min(words.len()))
                .take_while(|&j| named(j))
                .last()
                .map_or(s, |j| j + 1);
            if e > s {
                people.push((PER, s, e));
            }
        }
    }
    let place = |s: usize, e: usize| {
        gaz.kinds(&words.phrase(s, e).to_lowercase()) & (kind::PLACE | kind::TOWN) != 0
    };
    for &(ty, s, e) in &chunks {
        let first_name = gaz.kinds(&words.at(s).to_lowercase()) & kind::FIRST_NAME != 0;
        let taken = people.iter().any(|&(_, ps, pe)| s < pe && ps < e);
        if ty != PER
            && ty != LOC
            && e - s >= 2
            && letters(e)
            && first_name
            && !taken
            && !place(s, e)
        {
            people.push((PER, s, e));
        }
    }
    give_way(chunks, people)
}

/// The words that end an institution's name after its place or founder ("Indiana
/// University", "Paris Club"): not "Court" ("Hampton Court"), "Times", "Post" or "Union",
/// which end other names as often.
const INSTITUTION_HEADS: &[&str] = &[
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "hospital",
    "council",
    "bank",
    "party",
    "army",
    "navy",
    "police",
    "club",
    "association",
    "society",
    "foundation",
    "fund",
    "commission",
    "committee",
    "authority",
    "ministry",
    "department",
    "agency",
    "museum",
];

/// "went to Indiana University", "Brigham Young University": a place, person or other
/// (MISC) chunk right before a capitalised word of [`INSTITUTION_HEADS`] that the recognizer
/// passed over, and that no other capitalised word follows ("London Bank Holiday"), is, with
/// it, an organization (where the article names the place elsewhere, the recognizer reads
/// "Indiana" alone). Not a country ("a U.S. Bank", "New Zealand Army"), nor a seat of
/// government. Not in headings, where every word is capitalised.
fn institutions_named_after(words: &Words, mut chunks: Vec<Chunk>, gaz: &Gazetteer) -> Vec<Chunk> {
    for c in 0..chunks.len() {
        let (ty, s, e) = chunks[c];
        let free = chunks.get(c + 1).is_none_or(|&(_, ns, _)| ns > e);
        if ty == ORG
            || !free
            || !words.capital(e)
            || words.capital(e + 1)
            || !INSTITUTION_HEADS.contains(&words.at(e).to_lowercase().as_str())
        {
            continue;
        }
        let name = words.phrase(s, e);
        let country = |w: &str| gaz.kinds(&w.to_lowercase()) & kind::COUNTRY != 0;
        if !country(&name)
            && !name.split(' ').any(country)
            && !SEATS_OF_GOVERNMENT
                .iter()
                .any(|seat| seat.eq_ignore_ascii_case(&name))
        {
            chunks[c] = (ORG, s, e + 1);
        }
    }
    chunks
}

/// The words after a person's surname that tell a father from a son ("Jr.", "III").
pub(super) const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Whether a word is a name's initial or initials: "G.", "K.K.", "G".
fn is_initial(word: &str) -> bool {
    word.len() <= 6
        && word.starts_with(char::is_uppercase)
        && (word.ends_with('.') || word.len() == 1)
        && word
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.len() == 1 && p.starts_with(char::is_uppercase))
}

/// "Clifford G. Zimmer Jr. remains", "John F. Kennedy Jr.": a person's name does not end on
/// an initial. Where the recognizer's person ends on one, the capitalised word after it
/// that looks like a name ([`looks_like_a_name`]; not in capitals, nor a compound such as
/// "Icahn-led"), or the person's chunk that starts there, goes on the name, and so does a
/// suffix after it ([`NAME_SUFFIXES`]), as after any person's chunk, with a word that looks
/// like a name before it ("Cal Ripken Jr.", "Martin Luther King Jr."); the chunks they
/// overlap give way. The suffix stays on the name: it tells a father from a son ("Donald
/// Trump Jr."); a surname alone links past it.
fn names_past_initials(words: &Words, chunks: Vec<Chunk>, gaz: &Gazetteer) -> Vec<Chunk> {
    let mut people: Vec<Chunk> = Vec::new();
    for &(ty, s, e) in &chunks {
        if ty != PER || people.last().is_some_and(|&(_, _, pe)| s < pe) {
            continue;
        }
        let mut end = e;
        let next = words.at(e);
        let surname_next = words.capital(e)
            && next.contains(char::is_lowercase)
            && !hyphen_then(next, char::is_lowercase)
            && looks_like_a_name(next, gaz);
        if surname_next && NAME_SUFFIXES.contains(&words.at(e + 1)) {
            end = e + 1;
        } else if surname_next && is_initial(words.at(e - 1)) {
            end = match chunks.iter().find(|&&(_, cs, _)| cs == e) {
                Some(&(PER, _, ce)) => ce,
                Some(&(_, cs, ce)) if ce > cs + 1 => continue,
                _ => e + 1,
            };
        }
        if NAME_SUFFIXES.contains(&words.at(end)) {
            end += 1;
        }
        if end != e {
            people.push((PER, s, end));
        }
    }
    give_way(chunks, people)
}

/// "Sean Spicer Monday said": a weekday ending a person, organization or place of three or
/// more words is the day, not the name's. Not a named day of two words ("Black Friday",
/// "Cyber Monday", "Bloody Sunday"), nor a MISC ("Super Tuesday").
fn without_weekdays(words: &Words, mut chunks: Vec<Chunk>) -> Vec<Chunk> {
    for (ty, s, e) in chunks.iter_mut() {
        while *ty != MISC
            && *e - *s >= 3
            && WEEKDAYS.contains(&words.at(*e - 1).to_lowercase().as_str())
        {
            *e -= 1;
        }
    }
    chunks
}

/// A capitalised word that can go on a person's name: one the name lists hold, or one the
/// raw text always capitalises (or never writes) and no place, demonym or organisation
/// list holds; not a weekday or a month ("Sean Spicer Monday said").
fn looks_like_a_name(word: &str, gaz: &Gazetteer) -> bool {
    let lower = word.to_lowercase();
    let k = gaz.kinds(&lower);
    word.starts_with(char::is_uppercase)
        && !WEEKDAYS.contains(&lower.as_str())
        && !MONTH_NAMES.contains(&lower.as_str())
        && (k & (kind::FIRST_NAME | kind::LAST_NAME) != 0
            || (capitalisation(word).is_none_or(|c| c >= 3)
                && k & (kind::PLACE | kind::COUNTRY | kind::DEMONYM | kind::ORGANIZATION) == 0))
}

/// "The Assad regime", "the Asad regime", "Asad's regime": a word that the raw text of the
/// word clusters never writes and no place, demonym or organisation list holds, before
/// "regime" (after "the", or with a possessive), is a person where the recognizer passed it
/// over or read it as other (MISC). Not before "government" or "administration", which
/// unknown groups and places take as often ("the Houthi administration", "Carillion's
/// administration"), nor a word the raw text knows ("the Taliban regime": left to the
/// recognizer). "Regime" is one of [`LED_BY_A_PERSON`], so the article-wide rules keep the
/// ruler a person.
fn rulers_of_regimes(words: &Words, mut chunks: Vec<Chunk>, gaz: &Gazetteer) -> Vec<Chunk> {
    let unknown_name = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && capitalisation(w).is_none()
            && gaz.kinds(&w.to_lowercase())
                & (kind::PLACE | kind::TOWN | kind::COUNTRY | kind::DEMONYM | kind::ORGANIZATION)
                == 0
    };
    for i in 0..words.len() {
        let possessive = is_possessive(words.at(i + 1));
        let regime = words.at(i + 1 + usize::from(possessive)) == "regime";
        let owned = possessive || words.before(i).eq_ignore_ascii_case("the");
        if regime && owned && unknown_name(words.at(i)) {
            retype_word(&mut chunks, i, PER, &[MISC]);
        }
    }
    chunks
}

/// Planets and moons whose names name other things too (Mars the company, Venus Williams,
/// the Europa League): places only right after a word of [`TOWARDS_A_BODY`].
const PLANETS: &[&str] = &[
    "Mercury",
    "Venus",
    "Mars",
    "Jupiter",
    "Saturn",
    "Uranus",
    "Neptune",
    "Pluto",
    "Europa",
    "Enceladus",
    "Titan",
    "Ganymede",
    "Callisto",
];

/// The words before a planet's name that make it the planet: "on Mars", "to Jupiter",
/// "orbiting Saturn".
const TOWARDS_A_BODY: &[&str] = &["on", "to", "from", "orbit", "orbiting", "around", "of"];

/// "Earth", "the Moon", "on Mars": the bodies of the solar system are places (as CoNLL-2003
/// and OntoNotes have them), whatever the recognizer made of the one word; not beside
/// another capitalised word ("Earth Day", "Google Earth", "Moon Jae-in", "Mars Inc"), at
/// the end of a name ("Friends of the Earth"), or as the name of a government ("the Moon
/// administration"). A planet's name only where the recognizer passed it over or read it
/// as other (MISC): a person or organization it read stays one ("lost to Venus", "the sale
/// of Saturn").
fn celestial_bodies(words: &Words, mut chunks: Vec<Chunk>) -> Vec<Chunk> {
    // "Friends of the Earth": a capitalised word, not the sentence's first, before "of".
    let ends_a_name = |i: usize| {
        let of = i - usize::from(words.before(i).eq_ignore_ascii_case("the"));
        words.before(of) == "of" && of >= 3 && words.capital(of - 2)
    };
    for i in 0..words.len() {
        let w = words.at(i);
        if w != "Earth" && w != "Moon" && !PLANETS.contains(&w) {
            continue;
        }
        let before = words.before(i).to_lowercase();
        // Earth and the Moon name nothing else; the planets name companies and people too.
        let (named, over): (bool, &[usize]) = match words.at(i) {
            "Earth" => (true, &[PER, ORG, MISC]),
            "Moon" => (
                before == "the" && !LED_BY_A_PERSON.contains(&words.at(i + 1)),
                &[PER, ORG, MISC],
            ),
            w => (
                PLANETS.contains(&w) && TOWARDS_A_BODY.contains(&before.as_str()),
                &[MISC],
            ),
        };
        let after_a_name = i > 0
            && words.capital(i - 1)
            && before != "the"
            && !TOWARDS_A_BODY.contains(&before.as_str());
        let beside_a_name = after_a_name || words.capital(i + 1);
        if named && !beside_a_name && !ends_a_name(i) {
            retype_word(&mut chunks, i, LOC, over);
        }
    }
    chunks
}

/// The kinds of places written before "of" and a name: "the town of Avdiivka", "the
/// villages of Krasnohorivka and Marinka", "the province of Anbar" (plural: a list of names
/// follows); and the sides of a place: "north of Tikrit".
const KINDS_OF_PLACE: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "province",
    "provinces",
    "district",
    "districts",
    "region",
    "regions",
    "governorate",
    "governorates",
    "port",
    "island",
    "islands",
    "county",
    "counties",
    "municipality",
    "municipalities",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// The divisions of a country written after their names: "Anbar province", "Sichuan and
/// Yunnan provinces", "the Donetsk region".
const DIVISIONS: &[&str] = &[
    "province",
    "provinces",
    "governorate",
    "governorates",
    "district",
    "districts",
    "region",
    "regions",
    "oblast",
    "oblasts",
    "prefecture",
    "prefectures",
];

/// "The town of Avdiivka", "the villages of Krasnohorivka and Marinka", "north of Tikrit",
/// "the town of al-Bab", "Sichuan and Yunnan provinces": names that a word in lower case
/// calls places ([`KINDS_OF_PLACE`] before "of", [`DIVISIONS`] after) are places, where the
/// recognizer passed them over, read them as a person (it reads unknown towns as people:
/// "the towns of Abu Kamal"), but for a name the lists know before a division's word
/// ("Trump districts"), as other (MISC: "Kharg", "Darfur") but for a people's adjective
/// ("English regions", "Sunni provinces"), or as an organization of one word the
/// organisation lists do not hold. Where it read a place, or an organization of more words
/// ("the Federal Reserve district"), the chunks stay; a list's names after a comma are places
/// only where "and" closes it.
fn places_by_their_kind(words: &Words, chunks: Vec<Chunk>, gaz: &Gazetteer) -> Vec<Chunk> {
    // Each place found, and whether the word of its kind comes before it.
    let mut places: Vec<(Chunk, bool)> = Vec::new();
    for i in 0..words.len() {
        if words.at(i + 1) == "of" && KINDS_OF_PLACE.contains(&words.at(i)) {
            let plural = words.at(i).ends_with('s');
            let names = name_list(words, i + 2, plural, gaz);
            places.extend(names.into_iter().map(|c| (c, true)));
        }
        if DIVISIONS.contains(&words.at(i)) && i > 0 {
            let plural = words.at(i).ends_with('s');
            let names = name_list_before(words, i, plural, gaz);
            places.extend(names.into_iter().map(|c| (c, false)));
        }
    }
    // Before a division's word, a person of one word stays one where the name lists know it
    // ("Democrats in Trump districts"; not "Anbar and Nineveh provinces").
    let unknown_name = |s: usize, e: usize| {
        e - s == 1
            && gaz.kinds(&words.at(s).to_lowercase()) & (kind::FIRST_NAME | kind::LAST_NAME) == 0
    };
    let replaceable = |&(ty, s, e): &Chunk, before: bool| {
        (ty == PER && (before || unknown_name(s, e)))
            || (ty == MISC && !(s..e).any(|j| is_a_peoples_adjective(words.at(j), gaz)))
            || (ty == ORG && e - s == 1 && {
                let w = words.at(s).to_lowercase();
                gaz.kinds(&w) & kind::ORGANIZATION == 0 && !ORG_WORDS.contains(&w.as_str())
            })
    };
    let mut found: Vec<Chunk> = places
        .into_iter()
        .filter(|&(place, before)| {
            let (_, s, e) = place;
            chunks
                .iter()
                .filter(|&&(_, cs, ce)| cs < e && s < ce)
                .all(|c| c.1 >= s && c.2 <= e && replaceable(c, before))
        })
        .map(|(place, _)| place)
        .collect();
    // Where two found overlap, the first stays: the chunks do not overlap.
    found.sort_by_key(|&(_, s, e)| (s, e));
    let mut kept: Vec<Chunk> = Vec::with_capacity(found.len());
    for place in found {
        if kept.last().is_none_or(|&(_, _, end)| end <= place.1) {
            kept.push(place);
        }
    }
    give_way(chunks, kept)
}

/// The adjectives of peoples that the gazetteer's demonyms (of countries) leave out: of
/// continents, faiths, nations without a state, and parties ("Sunni provinces", "the Basque
/// region", "Republican districts").
const PEOPLES_ADJECTIVES: &[&str] = &[
    "asian",
    "european",
    "african",
    "american",
    "arab",
    "sunni",
    "shia",
    "shiite",
    "alawite",
    "druze",
    "christian",
    "muslim",
    "hindu",
    "sikh",
    "catholic",
    "protestant",
    "basque",
    "catalan",
    "walloon",
    "tamil",
    "pashtun",
    "baloch",
    "uighur",
    "uyghur",
    "tibetan",
    "yazidi",
    "republican",
    "democratic",
    "democrat",
    "conservative",
    "labour",
    "liberal",
    "socialist",
    "communist",
];

/// A word that names a people, as an adjective: a demonym, one of [`PEOPLES_ADJECTIVES`], or
/// one in "-sh" ("English", "Welsh", "Kurdish").
fn is_a_peoples_adjective(word: &str, gaz: &Gazetteer) -> bool {
    let lower = word.to_lowercase();
    gaz.kinds(&lower) & kind::DEMONYM != 0
        || PEOPLES_ADJECTIVES.contains(&lower.as_str())
        || lower.ends_with("sh")
}

/// A name's words: capitalised ("Port-au-Prince", "N'Djamena"), or an Arabic article joined
/// to a capitalised word ("al-Bab", "ez-Zor"), of more than one letter; not a word the raw
/// text mostly writes in lower case ("Several districts", "All provinces" at a sentence's
/// start), a demonym ("English regions"), a title ("President"), a weekday, a month, or a
/// name joined to a word in lower case ("ISIL-held", "pro-Russian").
fn is_name_word(word: &str, gaz: &Gazetteer) -> bool {
    let lower = word.to_lowercase();
    let article = word.split_once('-').is_some_and(|(a, rest)| {
        ARABIC_ARTICLES.contains(&a) && rest.starts_with(char::is_uppercase)
    });
    let last_part_lower = word.contains('-')
        && word
            .rsplit('-')
            .next()
            .is_some_and(|p| p.starts_with(char::is_lowercase));
    (word.starts_with(char::is_uppercase) || article)
        && word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !last_part_lower
        && capitalisation(word).is_none_or(|c| c >= 2)
        && !TITLE_WORDS.contains(&lower.trim_end_matches('.'))
        && gaz.kinds(&lower) & kind::DEMONYM == 0
        && !WEEKDAYS.contains(&lower.as_str())
        && !MONTH_NAMES.contains(&lower.as_str())
}

/// The name that starts at token `i` (up to four name words), as a place's chunk.
fn name_from(words: &Words, i: usize, gaz: &Gazetteer) -> Option<Chunk> {
    let end = (i..(i + 4).min(words.len()))
        .take_while(|&j| is_name_word(words.at(j), gaz))
        .last()?
        + 1;
    Some((LOC, i, end))
}

/// The names that start at token `i`: one, or with `plural` a list ("A, B and C"). Names
/// after a comma belong to it only where an "and" or "or" closes it: in "the villages of
/// Krasnohorivka and Marinka, Zelensky said", Zelensky is no village.
fn name_list(words: &Words, i: usize, plural: bool, gaz: &Gazetteer) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut next = i;
    // Whether the name being read is sure to be in the list, and how many are.
    let (mut closed, mut sure) = (true, 0);
    while let Some(chunk) = name_from(words, next, gaz) {
        out.push(chunk);
        if closed {
            sure = out.len();
        }
        if !plural {
            break;
        }
        match words.at(chunk.2) {
            "," => {
                closed = matches!(words.at(chunk.2 + 1), "and" | "or");
                next = chunk.2 + 1 + usize::from(closed);
            }
            "and" | "or" => {
                closed = true;
                next = chunk.2 + 1;
            }
            _ => break,
        }
    }
    out.truncate(sure);
    out
}

/// The names that end before token `i`: one, or with `plural` a list ("A, B and C"), which
/// an "and" or "or" closes next to the division's word.
fn name_list_before(words: &Words, i: usize, plural: bool, gaz: &Gazetteer) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut end = i;
    loop {
        let start = (end.saturating_sub(4)..end)
            .rev()
            .take_while(|&j| is_name_word(words.at(j), gaz))
            .last();
        let Some(start) = start else { break };
        out.push((LOC, start, end));
        let joiner = if start >= 2 { words.at(start - 1) } else { "" };
        let closed = out.len() > 1 || matches!(joiner, "and" | "or");
        if !plural || !matches!(joiner, "," | "and" | "or") || !closed {
            break;
        }
        end = start - 1 - usize::from(start >= 3 && words.at(start - 2) == ",");
    }
    out.reverse();
    out
}

/// Buildings and streets whose names stand for the governments in them ("the White House
/// said", "Downing Street denied"); [`entities`](super::entities) leaves them out of the
/// streets it makes places.
pub(super) const SEATS_OF_GOVERNMENT: &[&str] = &["White House", "Kremlin", "Downing Street"];

/// Besides the prepositions of place ([`LOCATIVES`]), the words before a building's name
/// that make it the building: "at the White House", "into the Kremlin", "visited the White
/// House". Not "to" nor "on", which as often make it the government ("according to the
/// Kremlin", "pressure on the White House").
const AT_A_BUILDING: &[&str] = &[
    "at", "into", "toward", "towards", "across", "within", "leaving", "left", "entered", "visit",
    "visited", "visiting",
];

/// "The White House said", "a Kremlin spokesman": a seat of government the recognizer read
/// as a place is the government, an organization (as OntoNotes and the judged pages have
/// it; CoNLL-2003 has the White House and the Kremlin as places, and the recognizer learned
/// that). Not where the word before it, or before "the" and it, makes it the building
/// ([`LOCATIVES`], [`AT_A_BUILDING`]): "a dinner at the White House" keeps its place.
fn seats_of_government(words: &Words, mut chunks: Vec<Chunk>) -> Vec<Chunk> {
    for chunk in chunks.iter_mut() {
        let (ty, s, e) = *chunk;
        if ty != LOC
            || !SEATS_OF_GOVERNMENT
                .iter()
                .any(|seat| words.name_at(s, seat) == Some(e))
        {
            continue;
        }
        let the = usize::from(words.before(s).eq_ignore_ascii_case("the"));
        let before = words.before(s - the).to_lowercase();
        if !LOCATIVES.contains(&before.as_str()) && !AT_A_BUILDING.contains(&before.as_str()) {
            chunk.0 = ORG;
        }
    }
    chunks
}

/// Armed and political movements, lower-cased, that the organisation lists leave out
/// (WordNet files them as movements, not organisations, and the lists are features of the
/// model, which was trained without them) and CoNLL-2003 tags as other ("Taleban" 9 times,
/// MISC).
const MOVEMENTS: &[&str] = &[
    "taliban",
    "taleban",
    "al-qaeda",
    "al-qaida",
    "al qaeda",
    "al qaida",
    "al-shabab",
    "al-shabaab",
    "haqqani network",
    "jabhat al-nusra",
    "nusra front",
    "al-nusra front",
    "hayat tahrir al-sham",
    "lashkar-e-taiba",
    "jaish-e-mohammed",
    "fatah",
    "farc",
    "pkk",
];

/// "The Taliban said", "the Haqqani network", "al-Qaeda": the movements of [`MOVEMENTS`],
/// written with a capital, are organizations, whatever the recognizer made of them (it
/// reads "Taliban" as other, and so drops it, and "Haqqani" as a person); the chunks inside
/// them, or that are other or places, give way. Not inside a longer person or organization
/// ("Abdel Fatah al-Sisi", "Al-Qaeda in the Arabian Peninsula", "Fatah al-Islam").
fn movements(words: &Words, chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut found: Vec<Chunk> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // The movements are in lower case: most words differ from each at their first letter.
        let first = words.at(i).as_bytes().first().map(u8::to_ascii_lowercase);
        let longest = MOVEMENTS
            .iter()
            .filter(|m| m.as_bytes().first().copied() == first)
            .filter_map(|m| words.name_at(i, m))
            .max()
            .filter(|&e| (i..e).any(|j| words.at(j).contains(char::is_uppercase)));
        let within_a_name = |e: usize| {
            chunks.iter().any(|&(ty, cs, ce)| {
                (ty == PER || ty == ORG) && cs < e && i < ce && (cs < i || e < ce)
            })
        };
        match longest {
            Some(e) if !within_a_name(e) => {
                found.push((ORG, i, e));
                i = e;
            }
            _ => i += 1,
        }
    }
    give_way(chunks, found)
}

/// The last words of newspapers' names ("the Hartford Courant", "the Sacramento Bee"). Not
/// words that end other names as often ("Globe", "Sun", "Star", "Standard", "Review",
/// "Register", "Leader", "Record", "Examiner"); the first words of [`NOT_NEWSPAPERS`] rule
/// out the names the words here also end ("the Last Post", "the End Times").
const NEWSPAPER_HEADS: &[&str] = &[
    "Courant",
    "Bee",
    "Gazette",
    "Herald",
    "Tribune",
    "Times",
    "Post",
    "Journal",
    "Chronicle",
    "Reporter",
    "Inquirer",
    "Enquirer",
    "Telegraph",
    "Observer",
    "Dispatch",
    "News",
    "Picayune",
];

/// First words of names that end in a newspaper's word and name no newspaper.
const NOT_NEWSPAPERS: &[&str] = &[
    "Last", "First", "Fake", "Good", "Bad", "Latest", "Breaking", "End", "Hard", "Modern",
];

/// "The Hartford Courant", "the San Jose Mercury News", "the Hollywood Reporter": two or
/// more capitalised words after "the" that end in a newspaper's word ([`NEWSPAPER_HEADS`];
/// the part after a hyphen: "Post-Gazette") are a newspaper, an organization, where every
/// chunk of the recognizer's lies inside them or outside (it read "Hartford Courant" and
/// "San Jose" as places); the chunks inside give way. A modifier before the name is left
/// out ("the Bezos-owned Washington Post"); two names joined by a hyphen ("the NBC
/// News-Wall Street Journal poll") are left to the recognizer.
fn publications(words: &Words, chunks: Vec<Chunk>) -> Vec<Chunk> {
    let mut papers = Vec::new();
    let mut i = 1;
    while i < words.len() {
        if !(words.capital(i) && words.before(i).eq_ignore_ascii_case("the")) {
            i += 1;
            continue;
        }
        let end = (i..words.len())
            .find(|&j| !words.capital(j))
            .unwrap_or(words.len());
        let start = (i..end)
            .rev()
            .find(|&j| hyphen_then(words.at(j), char::is_lowercase))
            .map_or(i, |j| j + 1);
        let head = words.at(end - 1).rsplit('-').next().unwrap_or("");
        let joined = (start..end - 1).any(|j| hyphen_then(words.at(j), char::is_uppercase));
        let apart = |&(_, s, e): &Chunk| (s >= start && e <= end) || e <= start || s >= end;
        if end - start >= 2
            && NEWSPAPER_HEADS.contains(&head)
            && !NOT_NEWSPAPERS.contains(&words.at(start))
            && !joined
            && chunks.iter().all(apart)
        {
            papers.push((ORG, start, end));
        }
        i = end;
    }
    give_way(chunks, papers)
}

/// Whether a word holds a hyphen followed by a letter of the kind `then` accepts.
fn hyphen_then(word: &str, then: fn(char) -> bool) -> bool {
    word.split('-').skip(1).any(|part| part.starts_with(then))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regime_is_led_by_a_person() {
        assert!(LED_BY_A_PERSON.contains(&"regime"));
    }

    #[test]
    fn hyphens_join_modifiers_and_names() {
        assert!(hyphen_then("Bezos-owned", char::is_lowercase));
        assert!(hyphen_then("News-Wall", char::is_uppercase));
        assert!(!hyphen_then("Post-Gazette", char::is_lowercase));
        assert!(!hyphen_then("Courant", char::is_uppercase));
    }
}
