//! The first reading of an article: the recognizer's tagging of its sentences, with the
//! gazetteer's places in compounds ("Dallas-based", "US-China"), and the corpus's second
//! pass over those mentions ([`Reading::in_corpus`]).

use std::borrow::Cow;
use std::collections::HashSet;

use super::bounds::people_past_a_break;
use super::finish::finish;
use super::occurrences::lower_case_words;
use super::retype::known_as_a_place;
use super::tagged::{people_after_prepositions, tagged_mention, untagged_places};
use super::titles::role_holder;
use super::types::{ArticleEntities, Kind, Mention, Raw};
use crate::annotate::clusters::capitalisation;
use crate::annotate::corpus_names::{CorpusNames, Written};
use crate::annotate::gazetteer::{kind, Gazetteer};
use crate::annotate::headings;
use crate::annotate::language::Script;
use crate::annotate::ner::{chunks, Model};
use crate::annotate::roles;
use crate::annotate::sentence_rules;
use crate::annotate::tokenize::{is_initials_without_stop, sentences, tokenize, Token};
use crate::article::Passage;

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
        let script = crate::annotate::language::of(passages, tokens);
        let raws = raw_mentions(script, passages, tokens, model);
        let alone = finish(raws.clone(), passages);
        Reading {
            raws,
            alone,
            names_read: script != Script::NounsCapitalised,
        }
    }

    /// The names the article gives a type, as written, with the type's index in
    /// [`TYPES`](crate::annotate::ner::TYPES): what it tells the corpus (demonyms and offices named
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
    /// [`corpus_names`](crate::annotate::corpus_names)): a mention takes the type most of the corpus's
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
/// writes in lower case ([`crate::annotate::language`]).
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
                crate::annotate::language::lower_case_words(passages, tokens).collect();
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
pub(super) const BASED: &str = "-based";

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
pub(super) fn taken(raws: &[Raw], pi: usize, start: usize, end: usize) -> bool {
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
pub(super) fn sentence_ranges<'a>(
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
pub(super) fn is_web_name(word: &str) -> bool {
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
/// "U.K-based") are read with it, as CoNLL-2003 almost always writes them (`eng.train`: 377
/// "U.S." to 6 "U.S").
fn as_trained(word: &str) -> Cow<'_, str> {
    match word {
        "``" | "''" => Cow::Borrowed("\""),
        w if is_initials_without_stop(w) => Cow::Owned(format!("{w}.")),
        w => Cow::Borrowed(w),
    }
}

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
