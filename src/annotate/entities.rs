//! The people, organizations and places of an article: the recognizer's mentions over all
//! its passages (one document, so a name is read the same way throughout), cleaned by rules,
//! tied together into entities ("Vladimir Putin" and later "Putin"; "National Intelligence
//! Service (NIS)" and later "NIS"), each with a canonical name (its fullest form) and aliases.
//! Demonyms ("Russian forces") point to their place, kept apart from literal mentions.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::clusters::capitalisation;
use super::corpus_names::{CorpusNames, Written};
use super::gazetteer::{kind, Gazetteer};
use super::headings;
use super::language::Script;
use super::name_words;
use super::ner::features::{ORG_WORDS, TITLE_WORDS};
use super::ner::{chunks, Model};
use super::roles;
use super::sentence_rules;
use super::tokenize::{is_initials_without_stop, sentences, tokenize, Token};
use crate::article::Passage;
use crate::date::WEEKDAYS;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
        }
    }

    /// The kind of a recognizer type (PER, ORG, LOC; MISC has none).
    pub fn from_type(t: usize) -> Option<Kind> {
        [Kind::Person, Kind::Organization, Kind::Place]
            .get(t)
            .copied()
    }

    /// The recognizer type of the kind.
    pub fn type_index(self) -> usize {
        self as usize
    }
}

/// One mention of an entity in a passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Ordinal of the passage.
    pub passage: u64,
    /// Byte offsets into the passage text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index of the entity in [`ArticleEntities::entities`].
    pub entity: usize,
    /// A demonym ("Russian") standing for its place, not a literal mention of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demonym: bool,
}

/// An entity of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: Kind,
    /// The fullest form the article uses.
    pub name: String,
    /// Every other form the article uses for it (acronyms, surnames).
    pub aliases: Vec<String>,
    /// Literal mentions (demonyms not counted).
    pub mentions: usize,
}

/// What an article says of people, organizations and places.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleEntities {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

/// A raw mention before linking.
#[derive(Clone)]
struct Raw {
    passage: usize,
    start: usize,
    end: usize,
    text: String,
    kind: Kind,
    demonym: bool,
    /// An office named alone ([`roles`]): a person's mention by its office, not by a name.
    office: bool,
    /// For an office named alone, the name of the person the article says holds it, whose
    /// mention it is.
    holder: Option<String>,
}

impl Raw {
    /// A mention of passage `passage` (whose text is `text`) at bytes `start..end`.
    fn new(passage: usize, text: &str, start: usize, end: usize, kind: Kind, demonym: bool) -> Raw {
        Raw {
            passage,
            start,
            end,
            text: text[start..end].to_string(),
            kind,
            demonym,
            office: false,
            holder: None,
        }
    }

    /// Whether the mention covers part of bytes `start..end` of passage `pi`.
    fn overlaps(&self, pi: usize, start: usize, end: usize) -> bool {
        self.passage == pi && self.start < end && start < self.end
    }
}

/// Holidays and feasts, named alone: no organization or place, and a person only where the
/// article names someone whose name ends with it ("the peace of Ramadan", "over Easter",
/// "before Christmas"; "Tariq Ramadan" ... "Ramadan said"; "Easter Island" and the "Good
/// Friday Agreement" are other names).
const HOLIDAYS: &[&str] = &[
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

/// Sentences tagged together as one document.
const CHUNK_SENTENCES: usize = 5000;

/// Finds and links the entities of an article's passages, the article read alone.
pub fn extract(passages: &[Passage], model: &Model) -> ArticleEntities {
    let tokens: Vec<Vec<Token>> = passages.iter().map(|p| tokenize(&p.text)).collect();
    Reading::new(passages, &tokens, model).alone
}

/// The first reading of an article: the mentions the recognizer and the gazetteer found, and
/// the entities they make on their own. A corpus read together weighs every article's
/// names ([`Reading::names`], counted by [`CorpusNames`]) before each article is finished in
/// its light ([`Reading::in_corpus`]), so the recognizer reads each article once.
pub struct Reading {
    raws: Vec<Raw>,
    /// The article's entities as the article alone says.
    pub alone: ArticleEntities,
    /// Whether names are read in it at all: not in a language that capitalises its nouns.
    names_read: bool,
}

impl Reading {
    /// Reads an article's passages, already split into tokens (by [`tokenize`]).
    pub fn new(passages: &[Passage], tokens: &[Vec<Token>], model: &Model) -> Reading {
        let script = super::language::of(passages, tokens);
        let raws = raw_mentions(script, passages, tokens, model);
        let alone = finish(raws.clone(), passages);
        Reading {
            raws,
            alone,
            names_read: script != Script::NounsCapitalised,
        }
    }

    /// The names the article gives a type, as written, with the type's index in
    /// [`TYPES`](super::ner::TYPES): what it tells the corpus (demonyms and offices named
    /// alone aside).
    pub fn names(&self) -> impl Iterator<Item = (&str, usize)> {
        let named = |m: &&Mention| !m.demonym && !roles::is_office(&m.text);
        self.alone.mentions.iter().filter(named).map(|m| {
            (
                m.text.as_str(),
                self.alone.entities[m.entity].kind.type_index(),
            )
        })
    }

    /// The article's entities with what the whole corpus says of names (the second pass of
    /// [`corpus_names`](super::corpus_names)): a mention takes the type most of the corpus's
    /// articles gave its name, and the corpus's names are mentions wherever the article writes
    /// them and the recognizer tagged nothing there.
    pub fn in_corpus(
        self,
        passages: &[Passage],
        corpus: &CorpusNames,
        written: &[Written],
    ) -> ArticleEntities {
        if !self.names_read {
            return self.alone;
        }
        let mut raws = self.raws;
        let before = raws.len();
        let mut retyped = false;
        raws.retain_mut(|r| match corpus.type_of(&r.text) {
            Some(t) if !r.demonym => match Kind::from_type(t) {
                Some(kind) => {
                    retyped |= r.kind != kind;
                    r.kind = kind;
                    true
                }
                None => false,
            },
            _ => true,
        });
        let kept = raws.len();
        let mut lower_words = None;
        for &(pi, start, end) in written {
            let name = &passages[pi].text[start..end];
            let Some(kind) = corpus.carried(name).and_then(Kind::from_type) else {
                continue;
            };
            if !name.contains(' ')
                && lower_words
                    .get_or_insert_with(|| lower_case_words(passages))
                    .contains(name.to_lowercase().as_str())
            {
                continue;
            }
            if !taken(&raws, pi, start, end) {
                raws.push(Raw::new(pi, &passages[pi].text, start, end, kind, false));
            }
        }
        if !retyped && kept == before && raws.len() == kept {
            return self.alone;
        }
        finish(raws, passages)
    }
}

/// The mentions of one article as the recognizer and the gazetteer find them, before the
/// article-wide rules; none in a language that capitalises its nouns, and in another
/// language than English none of one word at a sentence's start that the article also
/// writes in lower case ([`super::language`]).
fn raw_mentions(
    script: Script,
    passages: &[Passage],
    tokens: &[Vec<Token>],
    model: &Model,
) -> Vec<Raw> {
    let mut raws = match script {
        Script::NounsCapitalised => return Vec::new(),
        Script::English => recognized(passages, tokens, model),
        Script::Other => {
            let mut raws = recognized(passages, tokens, model);
            let lower: HashSet<&str> =
                super::language::lower_case_words(passages, tokens).collect();
            let starts = sentence_starts(passages, tokens);
            raws.retain(|r| {
                r.text.contains(' ')
                    || !starts.contains(&(r.passage, r.start))
                    || !lower.contains(r.text.to_lowercase().as_str())
            });
            raws
        }
    };
    country_pairs(&mut raws, passages, tokens, Gazetteer::get());
    based_in_places(&mut raws, passages, tokens, Gazetteer::get());
    names_in_compounds(&mut raws, passages, tokens, Gazetteer::get());
    raws
}

/// What ends a word that says where a company is based ("Dallas-based").
const BASED: &str = "-based";

/// "Dallas-based", "a London-based company", "New York-based": the place before "-based" is
/// a place mention (the tokenizer keeps the compound one word, which the recognizer passes
/// over), where the gazetteer knows it and no name already covers it (save the first word
/// of a place of two).
fn based_in_places(
    raws: &mut Vec<Raw>,
    passages: &[Passage],
    tokens: &[Vec<Token>],
    gaz: &Gazetteer,
) {
    let is_place = |w: &str| known_as_a_place(w, gaz);
    for (pi, (p, toks)) in passages.iter().zip(tokens).enumerate() {
        for (i, t) in toks.iter().enumerate() {
            let word = t.text(&p.text);
            let Some(place) = word.strip_suffix(BASED) else {
                continue;
            };
            if !place.starts_with(char::is_uppercase) {
                continue;
            }
            let before = i
                .checked_sub(1)
                .map(|j| &toks[j])
                .filter(|b| b.end + 1 == t.start);
            let two_words = before.map(|b| &p.text[b.start..t.start + place.len()]);
            let Some(start) = two_words
                .filter(|w| w.starts_with(char::is_uppercase) && is_place(w))
                .map(|_| before.map_or(t.start, |b| b.start))
                .or_else(|| is_place(place).then_some(t.start))
            else {
                continue;
            };
            let end = t.start + place.len();
            // A place of two words takes the place of what was found in its first ("West" of
            // "West Germany-based", the demonym of "British Columbia-based").
            let in_first = |r: &Raw| r.passage == pi && start <= r.start && r.end <= t.start;
            if raws
                .iter()
                .any(|r| r.overlaps(pi, start, end) && !in_first(r))
            {
                continue;
            }
            raws.retain(|r| !in_first(r));
            raws.push(Raw::new(pi, &p.text, start, end, Kind::Place, false));
        }
    }
}

/// Endings of compounds whose first word names who leads, backs, owns or bore something
/// ("the NATO-led mission", "the Hamas-run ministry", "Iran-backed militias", "a
/// British-born singer"); "-based" has its own rule ([`based_in_places`]).
const COMPOUND_ENDINGS: &[&str] = &[
    "-led",
    "-backed",
    "-controlled",
    "-owned",
    "-run",
    "-funded",
    "-sponsored",
    "-allied",
    "-born",
    "-made",
    "-held",
    "-ruled",
    "-brokered",
    "-linked",
    "-aligned",
    "-supported",
];

/// The name before a [`COMPOUND_ENDINGS`] ending is a mention (the tokenizer keeps the
/// compound one word, which the recognizer passes over), with the word before it when the
/// two make the name ("European Union-funded", "New Zealand-born"): an organization's where
/// the organisation lists hold it or it is a seat of government ("NATO-led",
/// "Kremlin-backed"), else a place's or a people's adjective the gazetteer knows
/// ("Iran-backed", "Moscow-backed", "British-born"). Not a word that news writes in lower
/// case ("Man-made" at a sentence's start; Man is a town), nor a place's name in capitals
/// that is no country's (airports' codes: "CBS-owned"), nor where a mention covers it
/// already.
fn names_in_compounds(
    raws: &mut Vec<Raw>,
    passages: &[Passage],
    tokens: &[Vec<Token>],
    gaz: &Gazetteer,
) {
    for (pi, (p, toks)) in passages.iter().zip(tokens).enumerate() {
        for (i, t) in toks.iter().enumerate() {
            let word = t.text(&p.text);
            let Some(last) = COMPOUND_ENDINGS.iter().find_map(|e| word.strip_suffix(e)) else {
                continue;
            };
            let end = t.start + last.len();
            let two_words = i
                .checked_sub(1)
                .map(|j| toks[j].start)
                .filter(|&start| p.text[start..t.start].ends_with(' '))
                .map(|start| (start, &p.text[start..end]))
                .filter(|(_, name)| gaz.kinds(&name.to_lowercase()) != 0);
            let (start, name) = two_words.unwrap_or((t.start, last));
            if !name.starts_with(char::is_uppercase)
                || capitalisation(last).is_some_and(|c| c <= 1)
                || taken(raws, pi, start, end)
            {
                continue;
            }
            let Some((kind, demonym)) = named_in_a_compound(name, gaz) else {
                continue;
            };
            raws.push(Raw::new(pi, &p.text, start, end, kind, demonym));
        }
    }
}

/// What the name in a compound ([`names_in_compounds`]) names, and whether it is a people's
/// adjective.
fn named_in_a_compound(name: &str, gaz: &Gazetteer) -> Option<(Kind, bool)> {
    let gk = gaz.kinds(&name.to_lowercase());
    let code = !name.chars().any(char::is_lowercase) && gk & kind::COUNTRY == 0;
    if gk & kind::ORGANIZATION != 0 || sentence_rules::SEATS_OF_GOVERNMENT.contains(&name) {
        Some((Kind::Organization, false))
    } else if known_as_a_place(name, gaz) && !code {
        Some((Kind::Place, false))
    } else if gk & kind::DEMONYM != 0 {
        Some((Kind::Place, true))
    } else {
        None
    }
}

/// Whether a mention already covers part of bytes `start..end` of passage `pi`.
fn taken(raws: &[Raw], pi: usize, start: usize, end: usize) -> bool {
    raws.iter().any(|r| r.overlaps(pi, start, end))
}

/// Where an article's sentences start: (passage, byte offset) of each one's first token.
fn sentence_starts(passages: &[Passage], tokens: &[Vec<Token>]) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    for (pi, (p, toks)) in passages.iter().zip(tokens).enumerate() {
        for range in sentence_ranges(&p.text, toks) {
            out.insert((pi, toks[range.start].start));
        }
    }
    out
}

/// The sentences of a passage as the recognizer reads them: split at sentence ends and
/// between the lines of a heading, as token ranges.
fn sentence_ranges<'a>(
    text: &'a str,
    toks: &'a [Token],
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    sentences(text, toks)
        .into_iter()
        .flat_map(move |r| headings::split_heading_lines(toks, text, r))
}

/// The mentions the recognizer and the gazetteer find in an article, read as English.
fn recognized(passages: &[Passage], tokens: &[Vec<Token>], model: &Model) -> Vec<Raw> {
    let gaz = Gazetteer::get();
    let (sentences, tags) = tag_article(passages, tokens, model);
    let mut raws: Vec<Raw> = Vec::new();
    let mut located: Vec<usize> = Vec::new();
    for ((pi, toks), labels) in sentences.iter().zip(&tags) {
        let text = &passages[*pi].text;
        let mut covered = vec![false; toks.len()];
        let heading = headings::is_title_case(toks, text);
        let found = sentence_rules::apply(toks, text, chunks(labels), heading, gaz);
        let found = people_past_a_break(toks, text, found, gaz);
        for (ty, s, e) in found {
            let (s, e) = if heading {
                headings::trim_common_words(toks, text, s, e)
            } else {
                (s, e)
            };
            if s >= e {
                continue;
            }
            let holder = role_holder(toks, text, ty, s, e, gaz);
            for (ty, s, e) in holder.into_iter().chain([(ty, s, e)]) {
                let Some(t) = tagged_mention(toks, text, ty, s, e, gaz) else {
                    continue;
                };
                covered[t.s..t.e].iter_mut().for_each(|c| *c = true);
                if t.located {
                    located.push(raws.len());
                }
                raws.push(Raw::new(
                    *pi,
                    text,
                    toks[t.s].start,
                    toks[t.e - 1].end,
                    t.kind,
                    t.demonym,
                ));
            }
        }
        for (s, e, demonym) in untagged_places(toks, text, &covered, gaz) {
            raws.push(Raw::new(
                *pi,
                text,
                toks[s].start,
                toks[e - 1].end,
                Kind::Place,
                demonym,
            ));
        }
        for (i, t) in toks.iter().enumerate() {
            if !covered[i] && is_web_name(t.text(text)) {
                let org = Kind::Organization;
                raws.push(Raw::new(*pi, text, t.start, t.end, org, false));
            }
        }
    }
    people_after_prepositions(&mut raws, &located);
    raws
}

/// The endings of the web addresses that news names publishers and shops by.
const WEB_ENDINGS: &[&str] = &["com", "org", "net", "co.uk", "io", "tv"];

/// A name written as a web address, its first letter a capital: "Moneycontrol.com",
/// "Amazon.com", "Salon.com" (an organization); not "www.bbc.co.uk" or "example.com".
fn is_web_name(word: &str) -> bool {
    let Some((name, ending)) = word.split_once('.') else {
        return false;
    };
    name.len() > 2
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && WEB_ENDINGS.contains(&ending)
}

/// A sentence of an article: its passage's index and its tokens.
type SentenceTokens = (usize, Vec<Token>);

/// Every sentence of every passage, and the
/// recognizer's labels for each, the article read as one document.
fn tag_article(
    passages: &[Passage],
    tokens: &[Vec<Token>],
    model: &Model,
) -> (Vec<SentenceTokens>, Vec<Vec<usize>>) {
    let mut doc_words: Vec<Vec<Cow<str>>> = Vec::new();
    let mut doc_tokens: Vec<SentenceTokens> = Vec::new();
    for (pi, (p, toks)) in passages.iter().zip(tokens).enumerate() {
        for range in sentence_ranges(&p.text, toks) {
            let sent: Vec<Token> = toks[range].to_vec();
            doc_words.push(sent.iter().map(|t| as_trained(t.text(&p.text))).collect());
            doc_tokens.push((pi, sent));
        }
    }
    // A huge article is tagged in chunks, so memory stays bounded; within a chunk the
    // recognizer still reads the whole context.
    let mut tags = Vec::with_capacity(doc_words.len());
    for chunk in doc_words.chunks(CHUNK_SENTENCES) {
        let words: Vec<Vec<&str>> = chunk
            .iter()
            .map(|s| s.iter().map(|w| w.as_ref()).collect())
            .collect();
        tags.extend(model.tag_document(&words));
    }
    (doc_tokens, tags)
}

/// A token as the recognizer's training text writes it: the old newswire quotes `` and ''
/// (LDC and Penn corpora) are the `"` of CoNLL-2003, so "``Radio Free Europe" reads as
/// a quotation opening on a name; initials without their last full stop ("the U.S said",
/// "U.K-based") are read with it, as CoNLL-2003 always writes them.
fn as_trained(word: &str) -> Cow<'_, str> {
    match word {
        "``" | "''" => Cow::Borrowed("\""),
        w if is_initials_without_stop(w) => Cow::Owned(format!("{w}.")),
        w => Cow::Borrowed(w),
    }
}

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

/// What a chunk the recognizer tagged (type `ty`, tokens `s..e`) names, after the rules:
/// its tokens, kind and whether it is a demonym; `None` when it names nothing.
fn tagged_mention(
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
fn ends_no_place(toks: &[Token], text: &str, s: usize, e: usize, gaz: &Gazetteer) -> bool {
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
fn ends_as_an_organization(name: &str) -> bool {
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
fn names_no_one(surface: &str, ty: usize) -> bool {
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
fn is_a_date(surface: &str, ty: usize) -> bool {
    let mut words = surface.split(' ');
    (ty != 1 || !surface.chars().any(char::is_lowercase))
        && words
            .next()
            .is_some_and(|m| crate::date::is_month(&m.to_lowercase()))
        && words.all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        && surface.contains(' ')
}

/// Whether a name's last word (in lower case) ends organizations' names and no person's.
pub(super) fn is_an_institutions_word(word: &str) -> bool {
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
struct Tagged {
    s: usize,
    e: usize,
    kind: Kind,
    demonym: bool,
    located: bool,
}

/// A place that a preposition or the gazetteer made of a "person" is that person where the
/// article names someone whose name ends with it ("Paul Volcker" ... "confidence in
/// Volcker", "Barack Obama" ... "Obama said").
fn people_after_prepositions(raws: &mut [Raw], located: &[usize]) {
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
fn ends_a_persons_name(raws: &[Raw], name: &str) -> bool {
    raws.iter().any(|r| {
        r.kind == Kind::Person
            && r.text
                .strip_suffix(name)
                .is_some_and(|first| first.ends_with(' '))
    })
}

/// Titles that open no name of a thing (not "Mr", as in "Mr Robot", nor "Dr", as in "Dr
/// Who"): a chunk that starts with one, written in lower case after its capital, and goes
/// on in capitals names a person.
pub(super) const PERSON_ONLY_TITLES: &[&str] = &[
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

/// Whether a title word is a surname after a first name: "John Major", "Stephen King",
/// "Martin Luther King"; not after a country's name ("Jordan King Abdullah").
fn is_a_surname_after_a_first_name(before: &str, title: &str, gaz: &Gazetteer) -> bool {
    let first = gaz.kinds(&before.to_lowercase());
    gaz.kinds(title.to_lowercase().trim_end_matches('.')) & kind::LAST_NAME != 0
        && first & kind::FIRST_NAME != 0
        && first & kind::COUNTRY == 0
}

/// The British honorific before a person's name, as written: "Rt Hon" (or "Rt. Hon."); not
/// "Hon Hai Precision Industry" or "RT America".
pub(super) const HONORIFICS: &[&str] = &["Rt", "Hon"];

/// "Defense Secretary Ash Carter": a person, organization or other (MISC) chunk that holds
/// a title is the name after the title, a person; returns the chunk's first token and type.
/// A place keeps its title ("General Santos").
fn split_title(
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
        && (n..e)
            .all(|j| super::clusters::capitalisation(toks[j].text(text)).is_some_and(|c| c < 2));
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
fn untagged_places(
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

/// The article-wide rules, then the mentions tied into entities.
fn finish(mut raws: Vec<Raw>, passages: &[Passage]) -> ArticleEntities {
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

/// The last words that make a name a street's ("Gladstone Avenue", "Jolinda Drive").
/// Not "Lane" ("Nathan Lane"), "Court" ("Supreme Court") or "Place" ("Melrose Place").
const STREET_WORDS: &[&str] = &["Street", "Avenue", "Boulevard", "Road", "Drive"];

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

/// An organization's name of two or three words that is shaped as a person's is a person's: a
/// first name and a surname that the name lists hold, with no word that names an organization
/// ("Kyle Busch" and "Chase Elliott" in a table of drivers; not "Tequila Works" or "Moon
/// Express"). Not a name the lists hold whole ("Morgan Stanley", "Charles Schwab") or as the
/// start of a longer one ("Merrill Lynch"), nor one whose first name is also an
/// organization's or a country's.
fn people_by_their_names(raws: &mut [Raw], gaz: &Gazetteer) {
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
fn streets_are_places(raws: &mut [Raw], gaz: &Gazetteer) {
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

/// Countries joined by hyphens ("US-China trade", "the Russia-Ukraine war") are each a
/// place: the compound is one word to the tokenizer, which the recognizer types whole
/// ("US-China" an organization) or passes over. Each part becomes a place mention, in place
/// of a mention of the compound alone of another type; a longer name that holds it stays
/// ("the US-China Economic and Security Review Commission"), and so does a compound the
/// recognizer read as one place ("Austria-Hungary").
fn country_pairs(
    raws: &mut Vec<Raw>,
    passages: &[Passage],
    tokens: &[Vec<Token>],
    gaz: &Gazetteer,
) {
    let is_country = |w: &str| {
        w.starts_with(char::is_uppercase) && gaz.kinds(&w.to_lowercase()) & kind::COUNTRY != 0
    };
    for (pi, (p, toks)) in passages.iter().zip(tokens).enumerate() {
        for t in toks.iter().filter(|t| t.text(&p.text).contains('-')) {
            // "Japan-U.S.": the tokenizer leaves the final period out of the word.
            let with_period = p.text[t.end..]
                .starts_with('.')
                .then(|| &p.text[t.start..t.end + 1]);
            let Some(word) = [Some(t.text(&p.text)), with_period]
                .into_iter()
                .flatten()
                .find(|w| w.split('-').all(is_country))
            else {
                continue;
            };
            // Not a name of its own: "Guinea-Bissau" is one country.
            if gaz.kinds(&word.to_lowercase()) != 0 {
                continue;
            }
            let (start, end) = (t.start, t.start + word.len());
            // A longer name that holds it, or the compound read as one place's name
            // ("Austria-Hungary"), stays.
            let kept = raws.iter().any(|r| {
                r.passage == pi
                    && r.start <= start
                    && end <= r.end
                    && (r.end - r.start > word.len() || r.kind == Kind::Place)
            });
            if kept {
                continue;
            }
            raws.retain(|r| !r.overlaps(pi, start, end));
            let mut part_start = start;
            for part in word.split('-') {
                let part_end = part_start + part.len();
                raws.push(Raw::new(
                    pi,
                    &p.text,
                    part_start,
                    part_end,
                    Kind::Place,
                    false,
                ));
                part_start = part_end + 1;
            }
        }
    }
}

/// The legal forms of companies ("Dräger, Inc.", "Siemens AG", "Tesco plc").
const LEGAL_FORMS: &[&str] = &["Inc", "Corp", "Ltd", "LLC", "plc", "PLC", "GmbH", "AG"];

/// Whether a word, less a final full stop, is a company's legal form.
fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word.strip_suffix('.').unwrap_or(word))
}

/// A company's legal form right after a name names no one by itself ("Dräger, Inc."), and a
/// name the article writes with one ("Dräger, Inc.", "Dräger Inc") is an organization's
/// there, in all its mentions. Places keep their type ("Japan Inc.", "Ohio AG Dave Yost").
fn companies_by_legal_form(raws: &mut Vec<Raw>, passages: &[Passage]) {
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
fn companies_in_the_possessive(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
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
fn short_forms_of_organizations(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
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
fn goes_on_in_capitals(long: &str, short: &str) -> bool {
    long.strip_prefix(short)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest.split(' ').all(|w| w.starts_with(char::is_uppercase)))
}

/// Whether the gazetteer knows a name as a place's ("New York", "West Bank"), or as a
/// region's or town's that only the rules read ("New South Wales").
fn known_as_a_place(name: &str, gaz: &Gazetteer) -> bool {
    gaz.kinds(&name.to_lowercase()) & (kind::PLACE | kind::TOWN) != 0
}

/// Courtesy titles, which go before a surname ("Mr Xie", "Mrs Thatcher"), as written with a
/// capital, with or without their full stop.
const COURTESY_TITLES: &[&str] = &["Mr", "Mrs", "Ms", "MR", "MRS", "MS"];

/// A "place" right after a courtesy title is a person's surname ("Mr Obama": Obama is also a
/// town in Japan; "Mr. Jax": Jacksonville's other name), and so is every mention of the name
/// in the article. Not a country's name, whose every mention the rule would retype, nor one
/// ending in a place's word ([`ends_in_a_places_word`]). After an office written as a title
/// ([`OFFICES`]: "President Obama") only a town's name of one word that the gazetteer knows
/// by no other name and not as a region: offices go before cities' and regions' names too
/// ("the Foreign Office Minister Baghdad talks").
fn people_after_titles(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
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
fn after_a_title(before: &str) -> bool {
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
fn merge_demonym_prefixes(raws: &mut Vec<Raw>, passages: &[Passage]) {
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
fn names_a_country(surface: &str, gaz: &Gazetteer) -> bool {
    let first_name = surface.contains(' ');
    surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .enumerate()
        .any(|(i, w)| {
            let k = gaz.kinds(&w.to_lowercase());
            k & kind::COUNTRY != 0 && !(i == 0 && first_name && k & kind::FIRST_NAME != 0)
        })
}

/// An acronym an article defines ("National Intelligence Service (NIS)") names the
/// organization wherever it stands, whether or not the recognizer caught it there.
fn add_acronyms(raws: &mut Vec<Raw>, passages: &[Passage]) {
    let mut defined: Vec<String> = Vec::new();
    for r in raws.iter().filter(|r| r.kind == Kind::Organization) {
        let after = &passages[r.passage].text[r.end..];
        if let Some(rest) = after.strip_prefix(" (") {
            if let Some(close) = rest.find(')') {
                let acr = &rest[..close];
                if is_acronym(acr) && acr.len() <= 8 && !defined.iter().any(|d| d == acr) {
                    defined.push(acr.to_string());
                }
            }
        }
    }
    for acr in defined {
        add_occurrences(raws, passages, &acr, Kind::Organization);
    }
}

/// Every whole-word occurrence of `name` that no mention covers yet becomes a mention of
/// `kind` (`raws` may be in any order).
fn add_occurrences(raws: &mut Vec<Raw>, passages: &[Passage], name: &str, kind: Kind) {
    // One searcher for all the passages (`str::match_indices` builds one per passage).
    let finder = memchr::memmem::Finder::new(name);
    for (pi, p) in passages.iter().enumerate() {
        for start in finder.find_iter(p.text.as_bytes()) {
            let end = start + name.len();
            let bounded = !p.text[..start].ends_with(|c: char| c.is_alphanumeric())
                && !p.text[end..].starts_with(|c: char| c.is_alphanumeric());
            if bounded && !taken(raws, pi, start, end) {
                raws.push(Raw::new(pi, &p.text, start, end, kind, false));
            }
        }
    }
}

/// One article names one thing one way: a name the recognizer tagged in one place is a
/// mention wherever else the article writes it, with the type it was given most often. Only
/// names of two words or more, or of one word that is not a common word at a sentence's
/// start, are carried (a word seen in lower case elsewhere in the article is not a name).
fn add_repeated_names(raws: &mut Vec<Raw>, passages: &[Passage]) {
    let mut votes: HashMap<&str, [usize; 3]> = HashMap::new();
    for r in raws.iter().filter(|r| !r.demonym) {
        let i = match r.kind {
            Kind::Person => 0,
            Kind::Organization => 1,
            Kind::Place => 2,
        };
        votes.entry(r.text.as_str()).or_default()[i] += 1;
    }
    let mut names: Vec<(String, Kind)> = votes
        .into_iter()
        .filter(|(name, _)| name.len() >= 3 && name.starts_with(char::is_uppercase))
        .map(|(name, v)| {
            let best = (0..3).max_by_key(|&i| (v[i], 2 - i)).unwrap_or(0);
            let kind = [Kind::Person, Kind::Organization, Kind::Place][best];
            (name.to_string(), kind)
        })
        .collect();
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut lower_words = None;
    for (name, kind) in names {
        if !name.contains(' ')
            && lower_words
                .get_or_insert_with(|| lower_case_words(passages))
                .contains(name.to_lowercase().as_str())
        {
            continue;
        }
        add_occurrences(raws, passages, &name, kind);
    }
}

/// The words an article writes in lower case: a one-word name is not carried to where the
/// article writes it capitalised if it also writes it as a common word ("May", "Will").
fn lower_case_words(passages: &[Passage]) -> rustc_hash::FxHashSet<&str> {
    passages
        .iter()
        .flat_map(|p| p.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect()
}

/// Words after which a one-word name is a thing, not a person ("an Oscar", "her Oscar",
/// "Scorsese's The Aviator").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "her", "his", "their", "its", "our", "my", "your", "this", "every",
];

/// Nouns that a person's name comes before, the determiner being theirs: "the Asad regime",
/// "the Obama administration", "the Kennedy family".
pub(super) const LED_BY_A_PERSON: &[&str] = &[
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
fn drop_things_named_as_people(raws: &mut Vec<Raw>, passages: &[Passage]) {
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
fn drop_ships(raws: &mut Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) {
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
fn names_an_operation(before: &str) -> bool {
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
pub(super) fn continues_name(after: &str) -> bool {
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

/// A chunk that holds a role and the person who holds it ("Federal Reserve Vice Chairman
/// Manuel Johnson", "Bank of Japan Governor Satoshi Sumita"), which [`split_title`] reads as
/// the person, names the organization or place before the role too: that chunk, where
/// [`without_a_role`] finds one by its strict test (a chunk read as a person's is weaker
/// evidence of an organization than one read as an organization's).
fn role_holder(
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
fn without_a_role(
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
const ROLE_MODIFIERS: &[&str] = &["assistant", "under", "shadow", "acting", "permanent"];

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
fn lower_words(toks: &[Token], text: &str, a: usize, b: usize) -> String {
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
fn is_role(surface: &str, gaz: &Gazetteer) -> bool {
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

/// Capitalised function words a sentence may start with, which are never part of a name
/// ("Near Ar Raqqah, 15 strikes...").
const LEADING_WORDS: &[&str] = &[
    "Near", "In", "At", "On", "From", "For", "With", "During", "After", "Before", "As", "And",
    "But", "Of", "By", "To", "Into", "Outside", "Inside", "Around", "Across", "Along",
];

/// Where a chunk that holds "X-based" names something: what follows it (trimmed again), and
/// as an organization where it was read as a place that the gazetteer does not know
/// ("Geneva-based International Labour Organisation", "Florence-based Fondiaria"; not
/// "Paris-based Europe correspondent"); the place before is found on its own
/// ([`based_in_places`]).
fn after_based(
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
fn trim(toks: &[Token], text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
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
fn names_nothing(surface: &str, gaz: &Gazetteer) -> bool {
    let singular = surface.strip_suffix('s').unwrap_or(surface);
    if !singular.bytes().all(|b| b.is_ascii_uppercase()) || super::agencies::wire(surface).is_some()
    {
        return false;
    }
    let k = gaz.kinds(&singular.to_lowercase());
    k & kind::COMMON_ABBREVIATION != 0 && k & kind::ORGANIZATION == 0
}

/// Lower-case words a name goes on through, when a capitalised word follows ("Bank of
/// England", "Tour de France", "Ludwig van Beethoven").
const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "de", "van", "der", "den", "von", "du", "des", "del", "della", "da",
    "di", "do", "dos", "das", "la", "le", "al", "el", "bin", "ibn", "y", "et", "in", "on", "at",
    "upon", "zu",
];

/// Prepositions after which a name is where something happens.
pub(super) const LOCATIVES: &[&str] = &["in", "near", "outside", "around", "inside"];

/// Whether the name of tokens `s..e` follows a preposition of place, is not a possessive
/// ("in Smith's view"), does not start with a known first name and does not end with a
/// known last name ("confidence in Thatcher").
fn after_locative(toks: &[Token], text: &str, s: usize, e: usize, gaz: &Gazetteer) -> bool {
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
fn located_at(toks: &[Token], text: &str, s: usize, e: usize) -> bool {
    after_preposition_of_place(toks, text, s)
        && !toks.get(e).is_some_and(|t| is_possessive(t.text(text)))
}

/// Whether token `i` follows a preposition of place ([`LOCATIVES`]).
fn after_preposition_of_place(toks: &[Token], text: &str, i: usize) -> bool {
    i > 0 && LOCATIVES.contains(&toks[i - 1].text(text).to_lowercase().as_str())
}

/// The possessive's tokens ("Korea's", "Korea’s").
const POSSESSIVE_ENDINGS: [&str; 2] = ["'s", "\u{2019}s"];

/// Whether a token is the possessive ending or apostrophe.
pub(super) fn is_possessive(word: &str) -> bool {
    POSSESSIVE_ENDINGS.contains(&word) || matches!(word, "'" | "\u{2019}")
}

/// The Arabic article as names written in English open with it ("Al Huwayjah", "Ar Raqqah",
/// "Deir ez-Zor").
pub(super) const ARABIC_ARTICLES: &[&str] = &["al", "ar", "ad", "az", "ash", "el", "ez", "ed"];

/// "Anaheim defenseman Erik Gudbranson": where a chunk's name stops at a lower-case word
/// ([`breaks_name`]), capitalised words after it that open with a first name the gazetteer
/// knows and the raw text mostly capitalises, two or more, each after the first a surname
/// the lists hold or a word the raw text mostly capitalises, are a person of their own (the
/// chunk's first words keep their type; not "the Royal Academy", "show My Family", nor an
/// organisation the lists hold: "investment bank Merrill Lynch"). The chunks stay in order.
fn people_past_a_break(
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

/// A "person" right before a job and a person after it is the employer, an organization, in
/// every mention of the article: "Dean Witter analyst Karen Gibbs", "Scrimgeour Vickers
/// economist Richard Holt". Not a name that ends a person's name in the article ("Carl
/// Icahn" ... "Icahn analyst"); before a job a person's staff hold too ([`STAFF`]), only a
/// name of two words or more that opens with no first name. Runs after
/// [`people_by_their_names`], which reads such names as people's.
fn employers_before_jobs(raws: &mut [Raw], passages: &[Passage], gaz: &Gazetteer) {
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

/// The capital initials of a name: "National Intelligence Service" → "NIS".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

fn is_acronym(s: &str) -> bool {
    s.len() >= 2
        && s.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
        && s.chars().any(char::is_alphabetic)
}

/// Ties raw mentions into entities.
fn link(raws: Vec<Raw>, passages: &[Passage], gaz: &Gazetteer) -> ArticleEntities {
    let mut out = ArticleEntities::default();
    // Longest names first: shorter forms then find the entity they abbreviate.
    let mut order: Vec<usize> = (0..raws.len()).collect();
    // Offices named alone last: their holders' entities are made first.
    order.sort_by_key(|&i| {
        (
            raws[i].office,
            std::cmp::Reverse(raws[i].text.split_whitespace().count()),
            raws[i].passage,
            raws[i].start,
        )
    });
    let mut by_form: HashMap<(Kind, String), usize> = HashMap::new();
    let mut assigned: Vec<usize> = vec![usize::MAX; raws.len()];

    // "Full Name (ACRONYM)": the acronym is an alias of the name before it.
    let mut acronym_of: HashMap<String, String> = HashMap::new();
    for r in &raws {
        let text = &passages[r.passage].text;
        let after = &text[r.end..];
        if let Some(rest) = after.strip_prefix(" (") {
            if let Some(close) = rest.find(')') {
                let acr = &rest[..close];
                if is_acronym(acr) && acr.len() <= 8 {
                    acronym_of.insert(acr.to_string(), r.text.clone());
                }
            }
        }
    }

    for &i in &order {
        let r = &raws[i];
        let canonical_place = if r.kind == Kind::Place {
            gaz.canonical_place(&r.text)
        } else {
            None
        };
        let form = canonical_place.clone().unwrap_or_else(|| r.text.clone());
        let key = (r.kind, form.to_lowercase());
        let holder = r.holder.as_ref().map(|h| (Kind::Person, h.to_lowercase()));
        // An office named alone is its holder's mention or its own, never a surname's.
        let found = holder
            .and_then(|h| by_form.get(&h))
            .or_else(|| by_form.get(&key))
            .copied()
            .or_else(|| (!r.office).then(|| find_longer(&out.entities, r, &acronym_of, gaz))?);
        let e = match found {
            Some(e) => e,
            None => {
                out.entities.push(Entity {
                    kind: r.kind,
                    name: form.clone(),
                    aliases: Vec::new(),
                    mentions: 0,
                });
                out.entities.len() - 1
            }
        };
        by_form.insert(key, e);
        let ent = &mut out.entities[e];
        if !r.demonym {
            ent.mentions += 1;
        }
        // An office is no name of its holder's: another article's Foreign Secretary may be
        // someone else.
        if !r.office
            && !r.text.eq_ignore_ascii_case(&ent.name)
            && !ent.aliases.iter().any(|a| a.eq_ignore_ascii_case(&r.text))
        {
            ent.aliases.push(r.text.clone());
        }
        assigned[i] = e;
    }
    // Entities known only through demonyms stay (they help search), but sort after.
    out.mentions = raws
        .into_iter()
        .zip(assigned)
        .map(|(r, entity)| Mention {
            passage: passages[r.passage].ordinal,
            start: r.start,
            end: r.end,
            text: r.text,
            entity,
            demonym: r.demonym,
        })
        .collect();
    out
}

/// The entity a shorter mention abbreviates: a person's surname or first name ("Putin",
/// "Kim"), an organization's acronym ("NIS"), first word ("Yonhap") or first words
/// ("Cathay Pacific").
fn find_longer(
    entities: &[Entity],
    r: &Raw,
    acronym_of: &HashMap<String, String>,
    gaz: &Gazetteer,
) -> Option<usize> {
    let words: Vec<&str> = r.text.split_whitespace().collect();
    let matches = |e: &Entity, f: &dyn Fn(&str) -> bool| {
        std::iter::once(&e.name).chain(&e.aliases).any(|n| f(n))
    };
    match r.kind {
        Kind::Person if words.len() == 1 => entities.iter().position(|e| {
            e.kind == Kind::Person
                && matches(e, &|n: &str| {
                    let mut parts: Vec<&str> = n.split_whitespace().collect();
                    // "Louis Gerstner Jr." ... "Gerstner said"
                    if parts.len() > 2
                        && sentence_rules::NAME_SUFFIXES.contains(&parts[parts.len() - 1])
                    {
                        parts.pop();
                    }
                    parts.len() > 1
                        && (parts.last() == Some(&words[0]) || parts.first() == Some(&words[0]))
                })
        }),
        Kind::Organization => {
            if let Some(full) = acronym_of.get(&r.text) {
                if let Some(e) = entities
                    .iter()
                    .position(|e| e.kind == Kind::Organization && &e.name == full)
                {
                    return Some(e);
                }
            }
            if is_acronym(&r.text) {
                let plain: String = r.text.chars().filter(|c| c.is_alphabetic()).collect();
                return entities.iter().position(|e| {
                    e.kind == Kind::Organization
                        && e.name.split_whitespace().count() > 1
                        && initials(&e.name) == plain
                });
            }
            // A name known only as a place's is no short form of an organisation named after
            // the place ("Cardiff" of "Cardiff University"), even where the recognizer took it
            // for one; a company's is ("Toyota" of "Toyota Motor Corp."), and so is a region's
            // or a town's that only the rules read (tag T: "Nikko" of "Nikko Securities Co").
            let k = gaz.kinds(&words[0].to_lowercase());
            let place_only = k & kind::PLACE != 0 && k & kind::ORGANIZATION == 0;
            if words.len() == 1 && !place_only {
                return entities.iter().position(|e| {
                    e.kind == Kind::Organization
                        && e.name.split_whitespace().count() > 1
                        && e.name.split_whitespace().next() == Some(words[0])
                });
            }
            // "Cathay Pacific" of "Cathay Pacific Airways"; not "New York" of "New York Times".
            // Of several, the one with the fewest words more ("General Motors Corp", not
            // "General Motors Acceptance Corp").
            if words.len() > 1 && !known_as_a_place(&r.text, gaz) {
                return entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.kind == Kind::Organization && goes_on_in_capitals(&e.name, &r.text)
                    })
                    .min_by_key(|(_, e)| e.name.split(' ').count())
                    .map(|(i, _)| i);
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickers_legal_forms_and_table_letters_name_no_one() {
        for (surface, ty) in [
            ("SIEG.F", 2),
            ("CAWL.L", 1),
            ("Co Inc", 1),
            ("Co.", 2),
            ("V", 2),
        ] {
            assert!(names_no_one(surface, ty), "{surface}");
        }
        for (surface, ty) in [("U.S.", 2), ("Siemens AG", 1), ("X", 1), ("Co-op", 1)] {
            assert!(!names_no_one(surface, ty), "{surface}");
        }
        assert!(is_a_date("APRIL 7", 1) && !is_a_date("APRIL", 2) && !is_a_date("MAY DAY", 2));
        assert!(is_a_date("January 29", 2) && is_a_date("Jun 6918 6928", 2));
        // The Lebanese alliance keeps its name.
        assert!(!is_a_date("March 14", 1));
    }

    #[test]
    fn a_name_ending_in_an_institutions_word_is_no_place() {
        let gaz = Gazetteer::get();
        let ends = |name: &str| {
            let toks = tokenize(name);
            ends_no_place(&toks, name, 0, toks.len(), gaz)
        };
        for name in [
            "Cargill U.K. Ltd",
            "Wireless Plc",
            "New Zealand Stock Exchange",
            "Mozilla Foundation",
            "Newham Council",
            "Bell Labs",
        ] {
            assert!(ends(name), "{name}");
        }
        for name in [
            "West Bank",
            "Japan Inc.",
            "Corn Exchange",
            "Kennedy Space Center",
            "Khyber Agency",
            "Antioquia Department",
            "Labs",
        ] {
            assert!(!ends(name), "{name}");
        }
    }

    #[test]
    fn operations_and_exercises_are_named_by_the_word_before_them() {
        assert!(names_an_operation("part of Operation "));
        assert!(names_an_operation("Exercise "));
        assert!(!names_an_operation("joint Operations "));
        assert!(!names_an_operation("Cooperation "));
        assert!(!names_an_operation("Operation  "));
        assert!(continues_name(" Netanyahu began"));
        assert!(!continues_name(", the operation"));
        assert!(!continues_name(" began in November"));
    }

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(initials("National Intelligence Service"), "NIS");
        assert!(is_acronym("NIS"));
        assert!(is_acronym("U.S."));
        assert!(!is_acronym("Nis"));
    }

    /// The name after a title inside a chunk of `ty`, as (first token, type).
    fn after_title(name: &str, ty: usize) -> (usize, usize) {
        let toks = tokenize(name);
        split_title(&toks, name, ty, 0, toks.len(), Gazetteer::get())
    }

    #[test]
    fn a_title_makes_a_person_of_the_name_after_it_unless_it_belongs_to_the_name() {
        // A person, organization or MISC chunk: the name after the title is a person.
        assert_eq!(after_title("Foreign Secretary Boris Johnson", 3), (2, 0));
        assert_eq!(after_title("Defense Secretary Ash Carter", 1), (2, 0));
        // In a MISC chunk, only a name that looks like a person's.
        assert_eq!(after_title("Major Market Index", 3), (0, 3));
        assert_eq!(after_title("General Agreement", 3), (0, 3));
        // ... or one opened by a title that names no thing, whoever the name is.
        assert_eq!(after_title("President Volodymyr Zelenskyy", 3), (1, 0));
        assert_eq!(after_title("Major Volodymyr Zelenskyy", 3), (0, 3));
        assert_eq!(after_title("Mr Robot", 3), (0, 3));
        assert_eq!(after_title("PRESIDENT Excel", 3), (0, 3));
        // A place keeps its title.
        assert_eq!(after_title("General Santos", 2), (0, 2));
        // Past a role's "of ..." or "for ...", the name starts at a first name.
        assert_eq!(after_title("US Secretary of State John Kerry", 1), (4, 0));
        assert_eq!(
            after_title("Minister for the Middle East Tobias Ellwood", 3),
            (5, 0)
        );
        assert_eq!(after_title("Argus Leader of Sioux Falls", 1), (0, 1));
        // "Rt Hon" opens a person's name, as written.
        assert_eq!(after_title("Rt Hon James Cleverly", 2), (2, 0));
        assert_eq!(after_title("Hon Hai Precision Industry", 1), (0, 1));
        assert_eq!(after_title("RT America", 1), (0, 1));
    }

    /// The places `untagged_places` finds in a sentence the recognizer tagged nothing in.
    fn untagged(sentence: &str) -> Vec<&str> {
        let toks = tokenize(sentence);
        let covered = vec![false; toks.len()];
        untagged_places(&toks, sentence, &covered, Gazetteer::get())
            .into_iter()
            .map(|(s, e, _)| &sentence[toks[s].start..toks[e - 1].end])
            .collect()
    }

    #[test]
    fn towns_the_gazetteer_knows_are_places_after_a_preposition_of_place() {
        // Written without the accents of their GeoNames names (Tikrīt, Sinjār).
        assert_eq!(
            untagged("Fighting went on near Tikrit and in Sinjar."),
            ["Tikrit", "Sinjar"]
        );
        assert!(untagged("Fighting went on near Tikrit Road.").is_empty());
        assert!(untagged("He trusted in Garcia and Tikrit.").is_empty());
        assert!(untagged("They met in Tikrit's old town, near Wadi al-Hamra.").is_empty());
        let toks = tokenize("Near Al Huwayjah, one strike");
        assert!(after_locative(
            &toks,
            "Near Al Huwayjah, one strike",
            1,
            3,
            Gazetteer::get()
        ));
    }
}
