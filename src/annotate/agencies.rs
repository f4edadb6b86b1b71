//! Source agencies: who an article credits. News and wire agencies come from metadata, from
//! datelines and credit lines ("(AP)", "- Reuters"), and from phrases ("South Korea's Yonhap
//! News Agency reports", "told Reuters", "according to Interfax", "the state-run news agency
//! Sana said"); a built-in list of the world's wire services makes their aliases meet, and a
//! news agency missing from it is still found by the phrases. Other bodies credited as the
//! source of a claim ("the National Intelligence Service (NIS) announced", "according to an
//! NIS source") are sources, kept apart from news agencies. A mere mention ("Reuters shares
//! fell") credits nothing.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};

use super::entities::{ArticleEntities, Kind};
use super::keys::key;
use crate::article::{passage_index, Article, Passage};

/// What kind of body an agency is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum AgencyKind {
    /// A news or wire agency.
    Wire,
    /// Another body credited as the source of a claim.
    Source,
}

impl AgencyKind {
    /// What the kind is called where hits and reports print it.
    pub fn label(self) -> &'static str {
        match self {
            AgencyKind::Wire => "news agency",
            AgencyKind::Source => "source",
        }
    }
}

/// An agency an article credits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    pub name: String,
    pub kind: AgencyKind,
    pub aliases: Vec<String>,
    /// How the credit was found: metadata, folder, dateline, credit, phrase.
    pub how: String,
}

/// A credit in a passage: the words naming the agency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyMention {
    pub passage: u64,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index into [`ArticleAgencies::agencies`].
    pub agency: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ArticleAgencies {
    pub agencies: Vec<Agency>,
    pub mentions: Vec<AgencyMention>,
}

/// The world's wire services: canonical name, then aliases.
const WIRES: &[&[&str]] = &[
    &["Reuters", "Reuter", "Thomson Reuters"],
    &["Associated Press", "AP", "the Associated Press"],
    &[
        "Agence France-Presse",
        "AFP",
        "Agence France Presse",
        "Agence France Press",
    ],
    &["Yonhap", "Yonhap News Agency", "Yonhap News"],
    &["KCNA", "Korean Central News Agency"],
    &["TASS", "ITAR-TASS", "Itar-Tass", "Tass"],
    &["RIA Novosti", "RIA"],
    &["Interfax"],
    &["Xinhua", "Xinhua News Agency", "New China News Agency"],
    &["Kyodo", "Kyodo News"],
    &["Anadolu", "Anadolu Agency", "AA"],
    &["EFE"],
    &["ANSA"],
    &["dpa", "DPA", "Deutsche Presse-Agentur"],
    &["PTI", "Press Trust of India"],
    &["Ukrinform"],
    &["UNIAN"],
    &["SANA", "Sana", "Syrian Arab News Agency"],
    &["IRNA", "Islamic Republic News Agency"],
    &["Bloomberg", "Bloomberg News"],
    &["United Press International", "UPI"],
    &["Australian Associated Press", "AAP"],
    &["Canadian Press", "CP"],
    &["Press Association", "PA"],
    &["Jiji", "Jiji Press"],
    &["Bernama"],
    &["Antara"],
    &["Fars", "Fars News Agency"],
    &["Tasnim", "Tasnim News Agency"],
    &["Mehr", "Mehr News Agency"],
    &["ISNA", "Iranian Students' News Agency"],
    &["WAM", "Emirates News Agency"],
    &["SPA", "Saudi Press Agency"],
    &["MENA", "Middle East News Agency"],
    &["QNA", "Qatar News Agency"],
    &["KUNA", "Kuwait News Agency"],
    &["Petra"],
    &["PAP", "Polish Press Agency"],
    &["CTK"],
    &["BTA"],
    &["Belga"],
    &["ANP"],
    &["Lusa"],
    &["Prensa Latina"],
    &["Notimex"],
    &["Agencia Brasil"],
    &["APA", "Austria Presse Agentur"],
    &["Apcom"],
    &["Europa Press"],
    &["Zuma"],
    &["Dow Jones", "Dow Jones Newswires"],
];

/// The wire service an alias names, as (canonical, aliases).
pub fn wire(name: &str) -> Option<(&'static str, &'static [&'static str])> {
    // Every alias's key → its wire (the first wire that names it), made once.
    static BY_KEY: std::sync::OnceLock<std::collections::HashMap<String, usize>> =
        std::sync::OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (i, w) in WIRES.iter().enumerate() {
            for a in w.iter() {
                m.entry(key(a)).or_insert(i);
            }
        }
        m
    });
    let k = key(name.trim_start_matches("the ").trim_start_matches("The "));
    by_key.get(&k).map(|&i| (WIRES[i][0], &WIRES[i][1..]))
}

/// Alternatives of every alias of the wire list, longest first, for regexes.
fn wire_alternation() -> String {
    let mut all: Vec<&str> = WIRES
        .iter()
        .flat_map(|w| w.iter().copied())
        .filter(|a| !a.starts_with("the "))
        .collect();
    all.sort_by_key(|a| std::cmp::Reverse(a.len()));
    all.iter()
        .map(|a| regex::escape(a))
        .collect::<Vec<_>>()
        .join("|")
}

/// Whether a text may hold a phrase of [`phrase_regexes`]: each names a wire by one of its
/// aliases or holds the word "agency". Most passages hold neither, and this look costs a
/// fraction of the patterns'.
fn may_credit(text: &str) -> bool {
    static FINDERS: OnceLock<(AhoCorasick, AhoCorasick)> = OnceLock::new();
    let (aliases, agency) = FINDERS.get_or_init(|| {
        let aliases = WIRES
            .iter()
            .flat_map(|w| w.iter().copied())
            .filter(|a| !a.starts_with("the "));
        (
            AhoCorasick::new(aliases).expect("wire aliases"),
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(["agency"])
                .expect("agency"),
        )
    });
    aliases.is_match(text) || agency.is_match(text)
}

/// Phrases that credit a wire agency; the group `a` is the agency, `u` an unknown one.
fn phrase_regexes() -> &'static (RegexSet, Vec<Regex>) {
    static RES: OnceLock<(RegexSet, Vec<Regex>)> = OnceLock::new();
    RES.get_or_init(|| {
        let w = wire_alternation();
        // An agency not on the list: capitalised words before "News Agency".
        let unknown = r"(?P<u>(?:[A-Z][\w'’-]*\s+){0,4}(?:News|Press)\s+Agency)";
        let verbs = r"(?:reported|reports|said|says|quoted|quotes|cited|cites|added|adds|announced|stated|also\s+said|also\s+reported|carried)";
        let patterns = [
            // "told Reuters", "told the Associated Press news agency"
            format!(r"\btold\s+(?:the\s+)?(?:\w+\s+)?(?:news\s+agency\s+)?(?P<a>{w})\b"),
            // "according to Reuters", "as reported by the Reuters news agency", "quoted by AFP"
            format!(r"(?i:according\s+to|reported\s+by|quoted\s+by|cited\s+by|reports\s+from|said\s+by|as\s+saying\s+by|quoted\s+in)\s+(?:an?\s+|the\s+)?(?:reports?\s+(?:from|by)\s+)?(?:[A-Z][a-z]+\s+)?(?:(?i:state-run|official|state|semi-official)\s+)?(?:(?i:news\s+agency)\s+)?(?P<a>{w})\b"),
            // "Reuters reported", "the Interfax news agency said", "Reuters news agency reports"
            format!(r"\b(?P<a>{w})(?:\s+(?i:news\s+agency|agency|news))?\s+(?:also\s+)?{verbs}\b"),
            // "news agency Associated Press reported", "Italian news agency Apcom quoted"
            format!(r"(?i:news\s+agency),?\s+(?P<a>{w})\b"),
            // "reported AP news agency", "in an interview with Reuters", "in an email to the Associated Press"
            format!(r"(?i:reported|said)\s+(?:the\s+)?(?P<a>{w})\s+(?i:news\s+agency|agency)"),
            format!(r"(?i:in\s+an?\s+(?:e-?mail|interview|statement|letter)\s+(?:to|with))\s+(?:the\s+)?(?P<a>{w})\b"),
            // "(AP)", "(Reuters)" credit lines
            format!(r"\((?P<a>{w})\)"),
            // An unknown agency: "the state-run Syrian Arab News Agency said", "Yonhap News Agency reports"
            format!(r"{unknown}\s+{verbs}\b"),
            format!(r"(?i:according\s+to|told|reported\s+by|quoted\s+by)\s+(?:the\s+)?{unknown}"),
            // "state-run news agency Sana reported": a capitalised name after "news agency".
            r"(?i:state-run|official|state|semi-official)\s+(?:[A-Z]\w+\s+)?(?i:news\s+agency),?\s+(?P<u>[A-Z][\w-]+)".to_string(),
        ];
        let set = RegexSet::new(&patterns).expect("agency regex set");
        let regexes = patterns
            .iter()
            .map(|r| Regex::new(r).expect("agency regex"))
            .collect();
        (set, regexes)
    })
}

/// Credit lines ("- Reuters", "AP") are short; longer passages are not looked up whole.
const MAX_CREDIT_LINE: usize = 60;

/// Verbs by which a body is credited with a claim.
const CREDIT_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "reported",
    "reports",
    "stated",
    "states",
    "confirmed",
    "confirms",
    "claimed",
    "claims",
    "told",
    "added",
    "warned",
    "estimated",
    "estimates",
    "noted",
    "revealed",
    "disclosed",
    "declared",
    "insisted",
    "alleged",
];
const CREDIT_NOUNS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "report",
    "data",
    "figures",
    "estimate",
    "estimates",
    "analysis",
];

/// Finds the agencies an article credits. `folder` is the top-level folder the article
/// lies in, when the corpus is laid out one folder per agency.
pub fn find(
    article: &Article,
    passages: &[Passage],
    entities: &ArticleEntities,
    folder: Option<&str>,
) -> ArticleAgencies {
    let mut out = ArticleAgencies::default();
    if let Some(src) = article.source.as_deref().filter(|s| !s.trim().is_empty()) {
        let kind = if wire(src).is_some() {
            AgencyKind::Wire
        } else {
            AgencyKind::Source
        };
        add(&mut out, src, kind, "metadata");
    }
    if let Some(f) = folder {
        add(&mut out, f, AgencyKind::Wire, "folder");
    }
    let (set, regexes) = phrase_regexes();
    for p in passages {
        // One pass of all the patterns together; captures only from those that match.
        let matched = may_credit(&p.text).then(|| set.matches(&p.text));
        for i in matched.iter().flat_map(|m| m.iter()) {
            for c in regexes[i].captures_iter(&p.text) {
                let (m, unknown) = match (c.name("a"), c.name("u")) {
                    (Some(m), _) => (m, false),
                    (None, Some(m)) => (m, true),
                    _ => continue,
                };
                let mut text = m.as_str().trim();
                let mut start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
                if unknown {
                    // "South Korea's Yonhap News Agency": the agency is after the possessive.
                    if let Some(i) = text.rfind("'s ").or_else(|| text.rfind("\u{2019}s ")) {
                        let cut = text[i..].find(' ').map_or(text.len(), |j| i + j + 1);
                        start += cut;
                        text = &text[cut..];
                    }
                    // Unknown agencies named only by "News Agency" need a name before it.
                    if text.split_whitespace().count() < 3
                        && text.to_lowercase().ends_with("news agency")
                        && text.split_whitespace().count() == 2
                        && text.starts_with("News")
                    {
                        continue;
                    }
                }
                if out.mentions.iter().any(|x| {
                    x.passage == p.ordinal && x.start < start + text.len() && start < x.end
                }) {
                    continue;
                }
                let how = if c
                    .get(0)
                    .is_some_and(|whole| whole.as_str().starts_with('('))
                {
                    "credit"
                } else {
                    "phrase"
                };
                let a = add(&mut out, text, AgencyKind::Wire, how);
                push_mention(&mut out, p, start, start + text.len(), a);
            }
        }
        // A dateline credit at the head of the story or a sign-off line.
        let t = p.text.trim();
        if let Some(w) = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("\u{2014} "))
            .filter(|w| w.len() <= MAX_CREDIT_LINE && wire(w).is_some())
        {
            let start = p.text.find(w).unwrap_or(0);
            let a = add(&mut out, w, AgencyKind::Wire, "credit");
            push_mention(&mut out, p, start, start + w.len(), a);
        } else if t.len() <= MAX_CREDIT_LINE
            && t.split_whitespace().count() <= 3
            && p.ordinal > 0
            && wire(t).is_some()
        {
            let start = p.text.find(t).unwrap_or(0);
            let a = add(&mut out, t, AgencyKind::Wire, "credit");
            push_mention(&mut out, p, start, start + t.len(), a);
        }
    }
    // Other bodies credited with a claim: organizations before a verb of saying, or after
    // "according to".
    for m in &entities.mentions {
        let e = &entities.entities[m.entity];
        if e.kind != Kind::Organization {
            continue;
        }
        let Some(p) = passage_index(passages, m.passage).map(|i| &passages[i]) else {
            continue;
        };
        if credited(&p.text, m.start, m.end) {
            let kind = if wire(&e.name).is_some()
                || wire(&m.text).is_some()
                || e.name.to_lowercase().contains("news agency")
            {
                AgencyKind::Wire
            } else {
                AgencyKind::Source
            };
            let a = add(&mut out, &e.name, kind, "phrase");
            for alias in &e.aliases {
                if !out.agencies[a].aliases.contains(alias) && *alias != out.agencies[a].name {
                    out.agencies[a].aliases.push(alias.clone());
                }
            }
            push_mention(&mut out, p, m.start, m.end, a);
        }
    }
    out
}

/// Whether the organization at `start..end` of `text` is credited with a claim there.
fn credited(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].to_lowercase();
    let before = before.trim_end();
    let after = &text[end..];
    // Skip an acronym in brackets: "National Intelligence Service (NIS) announced".
    let after = match after.strip_prefix(" (") {
        Some(rest) => rest.find(')').map_or(after, |i| &rest[i + 1..]),
        None => after,
    };
    let next_words: Vec<String> = after
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == ';' || c == ':')
        .filter(|w| !w.is_empty())
        .take(2)
        .map(|w| w.to_lowercase())
        .collect();
    let first = next_words.first().map(String::as_str).unwrap_or("");
    let second = next_words.get(1).map(String::as_str).unwrap_or("");
    if CREDIT_VERBS.contains(&first)
        || (CREDIT_NOUNS.contains(&first) && CREDIT_VERBS.contains(&second))
    {
        return true;
    }
    // "has said", "also said"
    if ["has", "had", "also", "have"].contains(&first) && CREDIT_VERBS.contains(&second) {
        return true;
    }

    before.ends_with("according to")
        || before.ends_with("according to an")
        || before.ends_with("according to a")
        || before.ends_with("according to the")
        || before.ends_with("cited by")
        || before.ends_with("quoted by")
}

/// Adds an agency (or finds it again by name or alias), returning its index.
fn add(out: &mut ArticleAgencies, name: &str, kind: AgencyKind, how: &str) -> usize {
    // "Associated Press news agency" is the Associated Press.
    let lower = name.to_lowercase();
    let bare = ["news agency", "agency"]
        .iter()
        .find_map(|s| lower.strip_suffix(s).map(|r| &name[..r.trim_end().len()]))
        .filter(|b| wire(b).is_some())
        .unwrap_or(name);
    let (canonical, aliases, kind) = match wire(bare) {
        Some((c, a)) => (
            c.to_string(),
            a.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            AgencyKind::Wire,
        ),
        None => (name.trim().to_string(), Vec::new(), kind),
    };
    let k = key(&canonical);
    if let Some(i) = out
        .agencies
        .iter()
        .position(|a| key(&a.name) == k || a.aliases.iter().any(|al| key(al) == k))
    {
        // Found as a wire anywhere makes it a wire.
        if kind == AgencyKind::Wire {
            out.agencies[i].kind = AgencyKind::Wire;
        }
        return i;
    }
    out.agencies.push(Agency {
        name: canonical,
        kind,
        aliases,
        how: how.to_string(),
    });
    out.agencies.len() - 1
}

fn push_mention(out: &mut ArticleAgencies, p: &Passage, start: usize, end: usize, agency: usize) {
    if out
        .mentions
        .iter()
        .any(|m| m.passage == p.ordinal && m.start < end && start < m.end)
    {
        return;
    }
    out.mentions.push(AgencyMention {
        passage: p.ordinal,
        start,
        end,
        text: p.text[start..end].to_string(),
        agency,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::entities::ArticleEntities;

    fn credits(text: &str) -> Vec<(String, AgencyKind)> {
        let article = Article::default();
        let passages = vec![Passage {
            ordinal: 0,
            line: 1,
            text: text.to_string(),
        }];
        let found = find(&article, &passages, &ArticleEntities::default(), None);
        found
            .agencies
            .into_iter()
            .map(|a| (a.name, a.kind))
            .collect()
    }

    fn wires(text: &str) -> Vec<String> {
        credits(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn phrases_credit_wires() {
        assert_eq!(
            wires("South Korea's Yonhap News Agency reports that"),
            vec!["Yonhap"]
        );
        assert_eq!(
            wires("Reuters news agency reports a union source as saying"),
            vec!["Reuters"]
        );
        assert_eq!(
            wires("the figures, according to Reuters, were"),
            vec!["Reuters"]
        );
        assert_eq!(
            wires("the state-run Syrian news agency Sana reported"),
            vec!["SANA"]
        );
        assert_eq!(
            wires("Both bought bonds, the Associated Press news agency reported."),
            vec!["Associated Press"]
        );
        assert_eq!(
            wires("was quoted as saying by the Interfax news agency."),
            vec!["Interfax"]
        );
        assert_eq!(wires("\"Good,\" he told Reuters."), vec!["Reuters"]);
        assert_eq!(
            wires("news agency Associated Press reported"),
            vec!["Associated Press"]
        );
        assert_eq!(
            wires("WASHINGTON (AP) - The Senate voted"),
            vec!["Associated Press"]
        );
        assert_eq!(
            wires("analyst quoted by the Agence France Presse news agency."),
            vec!["Agence France-Presse"]
        );
        assert_eq!(
            wires("Italian news agency Apcom quoted lawmakers"),
            vec!["Apcom"]
        );
        // Not on the list, still found by the phrase.
        assert_eq!(
            wires("the Mongolian News Agency said on Monday"),
            vec!["Mongolian News Agency"]
        );
    }

    #[test]
    fn mentions_alone_credit_nothing() {
        assert!(wires("Reuters shares fell 3% on Monday.").is_empty());
        assert!(wires("a Reuters journalist was arrested in Cairo.").is_empty());
        assert!(wires("Revenues at media group Reuters slipped 11% during 2004.").is_empty());
        assert!(wires("news from sources such as the BBC and Reuters.").is_empty());
        assert!(wires("Weak dollar hits Reuters").is_empty());
    }

    #[test]
    fn sources_are_credited_bodies() {
        let t = "South Korea's National Intelligence Service (NIS) announced on Friday";
        assert!(credited(t, 14, 43));
        let t = "According to an NIS source, the process began.";
        assert!(credited(t, 16, 19));
        let t = "the Pentagon said on Tuesday";
        assert!(credited(t, 4, 12));
        let t = "NIS agents arrested him";
        assert!(!credited(t, 0, 3));
    }

    #[test]
    fn aliases_meet() {
        assert_eq!(wire("AP").unwrap().0, "Associated Press");
        assert_eq!(wire("the Associated Press").unwrap().0, "Associated Press");
        assert_eq!(
            wire("Agence France Presse").unwrap().0,
            "Agence France-Presse"
        );
        assert_eq!(wire("Itar-Tass").unwrap().0, "TASS");
        assert!(wire("Pentagon").is_none());
    }
}
