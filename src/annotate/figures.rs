//! Figures: the numbers in the news with what they count ("approximately 12,000 soldiers",
//! "$1.13bn", "27,490 meters", "tens of thousands of people"), normalised to a value, an
//! optional upper bound, a unit (the counted noun lemmatised, or a unit such as `metre`,
//! `USD`, `percent`) and a qualifier ("about", "more than"). Years, dates, times, ordinals,
//! phone numbers, article numbers and model designations are not figures.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::tokenize::{tokenize, Token};
use super::units::{
    ambiguous_currency, change_sign, currency_in_context, currency_of_country, currency_prefix,
    currency_symbol, glued_prefix, glued_unit, is_spelled_scale, is_subunit, lower_case_unit,
    scale_word, subunit_of, unit_word, yen_sign_in_context,
};
use crate::date::{is_month, WEEKDAYS};

/// A figure found in a passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: f64,
    /// The top of a range ("10,000 to 12,000"), or of an approximate span ("tens of thousands").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// What it counts, normalised (`soldier`, `metre`, `USD`, `percent`); empty when unknown.
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The exact words, at byte offsets `start..end` of the passage.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Figure {
    /// The figure for people: `12,000 soldier (approx.)`, `10,000-12,000 soldier`.
    pub fn display(&self) -> String {
        let mut s = format_number(self.value);
        if let Some(u) = self.upper {
            s.push('-');
            s.push_str(&format_number(u));
        }
        if !self.unit.is_empty() {
            s.push(' ');
            s.push_str(&self.unit);
        }
        if let Some(q) = &self.qualifier {
            let q = match q.as_str() {
                "about" | "approximately" | "around" | "nearly" | "almost" | "some" | "roughly"
                | "an estimated" | "estimated" => "approx.",
                other => other,
            };
            s.push_str(&format!(" ({q})"));
        }
        s
    }
}

/// `12000` → `12,000`; `1130000000` → `1,130,000,000`; `1.5` → `1.5`.
pub fn format_number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        let s = format!("{v}");
        return s;
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

const SMALL: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

fn small_number(w: &str) -> Option<f64> {
    if let Some((a, b)) = w.split_once('-') {
        let (a, b) = (small_number(a)?, small_number(b)?);
        return (a >= 20.0 && b < 10.0).then_some(a + b);
    }
    SMALL.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

/// Numbers of words ("a dozen", "tens of thousands") that are figures on their own.
fn plural_scale(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// Irregular plurals and the unit names shared by synonyms.
pub fn lemma(word: &str) -> String {
    let w = word.to_lowercase();
    let irregular = [
        ("people", "person"),
        ("men", "man"),
        ("women", "woman"),
        ("children", "child"),
        ("servicemen", "serviceman"),
        ("servicewomen", "servicewoman"),
        ("police", "police"),
        ("feet", "foot"),
        ("mice", "mouse"),
        ("geese", "goose"),
        ("teeth", "tooth"),
        ("staff", "staff"),
        ("personnel", "personnel"),
        ("aircraft", "aircraft"),
        ("sheep", "sheep"),
        ("fish", "fish"),
        ("series", "series"),
        ("news", "news"),
        ("civilians", "civilian"),
        ("gasmasks", "gasmask"),
        // Plurals the suffix rules below would cut wrongly ("caches" is not "cach").
        ("caches", "cache"),
        ("niches", "niche"),
        ("avalanches", "avalanche"),
        ("headaches", "headache"),
        ("moustaches", "moustache"),
        ("clichés", "cliché"),
        ("crises", "crisis"),
        ("analyses", "analysis"),
        ("diagnoses", "diagnosis"),
        ("theses", "thesis"),
        ("lives", "life"),
        ("wives", "wife"),
        ("knives", "knife"),
        ("halves", "half"),
        ("wolves", "wolf"),
        ("thieves", "thief"),
        ("shelves", "shelf"),
        ("leaves", "leave"),
    ];
    if let Some((_, l)) = irregular.iter().find(|(p, _)| *p == w) {
        return l.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 3
    {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// The units a query word stands for: itself and its synonyms (`troops` → troop, soldier,
/// serviceman...), normalised as figures are.
pub fn unit_synonyms(query_unit: &str) -> Vec<String> {
    let q = query_unit.trim().to_lowercase();
    let normal = currency_symbol(&q)
        .map(str::to_string)
        .or_else(|| unit_word(&q).map(|(u, _)| u.to_string()))
        .or_else(|| match q.as_str() {
            "us dollar" | "us dollars" => Some("USD".into()),
            "per cent" => Some("percent".into()),
            "pound sterling" | "pounds sterling" => Some("GBP".into()),
            _ => None,
        })
        .unwrap_or_else(|| lemma(&q));
    const GROUPS: &[&[&str]] = &[
        &[
            "soldier",
            "troop",
            "serviceman",
            "servicemember",
            "fighter",
            "personnel",
        ],
        &["person", "people", "individual"],
        &["civilian", "resident"],
        &["missile", "rocket"],
        &["shell", "round"],
        &["airstrike", "strike"],
    ];
    for g in GROUPS {
        if g.contains(&normal.as_str()) {
            return g.iter().map(|s| s.to_string()).collect();
        }
    }
    if normal == "usd" {
        return vec!["USD".into()];
    }
    if ["gbp", "eur", "jpy", "cny", "rub", "inr", "krw"].contains(&normal.as_str()) {
        return vec![normal.to_uppercase()];
    }
    vec![normal]
}

/// Words after a length that make it one ("400m long"), not millions; within three words
/// of a glued "m", they make it metres ("the men's 100m final", "waves of 8-10m").
const DIMENSIONS: &[&str] = &[
    "final",
    "relay",
    "butterfly",
    "breaststroke",
    "backstroke",
    "medley",
    "heats",
    "course",
    "record",
    "gold",
    "silver",
    "bronze",
    "champion",
    "waves",
    "swell",
    "cliff",
    "cleared",
    "vault",
    "jump",
    "title",
    "victory",
    "taller",
    "longer",
    "track",
    "hurdler",
    "fastest",
    "secs",
    "long",
    "high",
    "tall",
    "wide",
    "deep",
    "above",
    "below",
    "away",
    "across",
    "thick",
    "length",
    "height",
    "depth",
    "race",
    "sprint",
    "hurdles",
    "freestyle",
];

const QUALIFIERS: &[&[&str]] = &[
    &["as", "much", "as"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["an", "estimated"],
    &["about"],
    &["approximately"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["some"],
    &["roughly"],
    &["over"],
    &["under"],
    &["estimated"],
    &["approx"],
];

/// Words after which a number is a label, not a figure ("Article 51", "Resolution 2231").
const LABELS: &[&str] = &[
    "article",
    "articles",
    "section",
    "resolution",
    "chapter",
    "paragraph",
    "rule",
    "no",
    "number",
    "amendment",
    "clause",
    "protocol",
    "force",
    "flight",
    "highway",
    "route",
    "room",
    "page",
    "pages",
    "vol",
    "volume",
    "phase",
    "group",
    "division",
    "brigade",
    "battalion",
    "regiment",
    "squadron",
    "wing",
    "fleet",
    "corps",
    "platoon",
    "company",
    "unit",
    "level",
    "grade",
    "stage",
    "round",
    "game",
    "week",
    "act",
    "bill",
    "law",
    "code",
    "item",
    "annex",
    "appendix",
    "table",
    "figure",
    "exercise",
    "operation",
    "task",
    "gate",
    "terminal",
    "channel",
    "radio",
    "tv",
    "category",
    "class",
    "type",
    "model",
    "mark",
    "mk",
    "series",
    "version",
    "windows",
    "iphone",
    "boeing",
    "airbus",
    "cup",
    "formula",
    "top",
    "fortune",
    "passcode",
    "code",
    "pin",
    "id",
    "ref",
    "reference",
    "tel",
    "fax",
    "box",
    "suite",
    "floor",
];

/// Words after a year that show it is one ("in 1961", "since 2000", "the 2004 budget").
const BEFORE_YEAR: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "the",
    "'s",
    "\u{2019}s",
    "and",
    "or",
    "to",
    "between",
    "for",
    "fiscal",
    "year",
    "season",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "through",
    "circa",
    "c",
];

/// Words of a passage about a sport measured in metres, where a glued "m" is metres
/// ("could only clear 2.16m" in a report of the high jump).
const SPORT: &[&str] = &[
    "race",
    "races",
    "athletics",
    "olympic",
    "olympics",
    "medal",
    "jump",
    "vault",
    "throw",
    "throws",
    "leap",
    "hurdles",
    "relay",
    "sprint",
    "sprinter",
    "marathon",
    "clearance",
    "runner",
    "indoor",
    "championships",
    "metres",
    "meters",
    "penalty",
    "swimmer",
];

/// Nouns of change, which name a change but do not make one before "by" ("growth slowed
/// by 0.3 points").
const CHANGE_NOUNS: &[&str] = &[
    "growth",
    "loss",
    "losses",
    "gain",
    "gains",
    "rise",
    "rises",
    "expansion",
    "contraction",
    "increase",
    "increases",
    "decrease",
    "decline",
    "declines",
    "drop",
    "drops",
    "fall",
    "falls",
    "firm",
    "firms",
    "slump",
    "jump",
    "jumps",
    "surge",
    "cuts",
    "boost",
    "rally",
    "spike",
];

/// Comparatives after a rate that make it a change: "0.4% lower", "0.8 per cent weaker".
const COMPARED: &[&str] = &["lower", "higher", "weaker", "stronger", "firmer", "softer"];

/// Words just before an age: "aged 34", "until age 68", "who turned 80".
const AGE_BEFORE: &[&str] = &["aged", "age", "ages", "turned", "turns", "turning"];

/// People whose age follows "of": "a boy of 14".
const PERSONS: &[&str] = &[
    "boy",
    "girl",
    "man",
    "woman",
    "child",
    "teenager",
    "youth",
    "pensioner",
    "patient",
];

/// Words that end the search for a counted noun.
const STOP: &[&str] = &[
    "the", "a", "an", "but", "in", "on", "at", "to", "for", "from", "by", "with", "was", "were",
    "is", "are", "be", "been", "has", "have", "had", "will", "would", "that", "which", "who",
    "this", "these", "those", "than", "as", "per", "each", "into", "over", "under", "about",
    "after", "before", "since", "during", "while", "said", "says", "say", "its", "their", "his",
    "her", "it", "they", "he", "she", "we", "more", "less", "most",
];

/// Phone numbers, times and clock ranges, which hold digits but are no figures.
fn excluded_spans(text: &str) -> Vec<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            \+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,4}            # international phone numbers
            | \(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b                          # 555-123-4567
            | \b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|BST|EST|local)\b     # times
            | \b\d{1,2}:\d{2}(?::\d{2})?\b                                    # clock times
            | \b\d{1,2}/\d{1,2}/\d{2,4}\b                                     # dates 21/11/96
            | \b\d{4}-\d{2}-\d{2}\b                                           # ISO dates
            | \b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)                               # 3 pm, 10 a.m.
            ",
        )
        .unwrap()
    });
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// The qualifier just before token `at` ("more than", "about") and the token it starts at.
fn qualifier_before(lower: &[String], at: usize) -> (Option<String>, usize) {
    for q in QUALIFIERS {
        if at >= q.len()
            && lower[at - q.len()..at]
                .iter()
                .zip(q.iter())
                .all(|(a, b)| a == b)
        {
            return (Some(q.join(" ")), at - q.len());
        }
    }
    (None, at)
}

/// A fraction at token `i`: "half", "a third", "two-thirds", "three quarters", "3/4".
/// Returns the fraction and the index just past its words.
fn read_fraction(lower: &[String], i: usize) -> Option<(f64, usize)> {
    let part = |w: &str| -> Option<f64> {
        Some(match w {
            "half" | "halves" => 2.0,
            "third" | "thirds" => 3.0,
            "quarter" | "quarters" => 4.0,
            "fifth" | "fifths" => 5.0,
            "tenth" | "tenths" => 10.0,
            _ => return None,
        })
    };
    let w = lower[i].as_str();
    if let Some((a, b)) = w.split_once('/') {
        let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
        return (b > a && b <= 100.0 && a > 0.0).then_some((a / b, i + 1));
    }
    if w == "half" {
        return Some((0.5, i + 1));
    }
    if let Some((n, d)) = w.split_once('-') {
        return Some((small_number(n)? / part(d)?, i + 1));
    }
    let n = match w {
        "a" | "an" | "one" => 1.0,
        other => small_number(other)?,
    };
    let d = part(lower.get(i + 1)?)?;
    (n < d).then_some((n / d, i + 2))
}

/// A number read from tokens: its value, where it ends (exclusive token index), and whether
/// it was written in digits.
struct Num {
    value: f64,
    end: usize,
    digits: bool,
    /// Set for "tens of thousands": an approximate span.
    upper: Option<f64>,
    /// A unit carried by the number itself ("600m" after a currency; "24K").
    unit_from_suffix: Option<(&'static str, f64)>,
    /// The digits as written, when the number is a bare integer ("1961").
    bare: Option<String>,
    /// A scale word made the value ("2.5 billion", "1.5bn", "two million").
    scaled: bool,
}

/// Reads a number at token `i`.
fn read_number(words: &[String], i: usize) -> Option<Num> {
    if words[i].starts_with(|c: char| c.is_ascii_digit()) {
        read_digits(words, i)
    } else {
        read_spelled(words, i)
    }
}

impl Num {
    /// A number in words, ending before token `end`; `upper` for an approximate span.
    fn spelled(value: f64, end: usize, upper: Option<f64>) -> Num {
        Num {
            value,
            end,
            digits: false,
            upper,
            unit_from_suffix: None,
            bare: None,
            scaled: false,
        }
    }
}

/// Digits, with thousands separators and decimals, and an optional suffix (bn, m, k), or a
/// scale word after them ("2 million", "1.5 billion").
fn read_digits(words: &[String], i: usize) -> Option<Num> {
    let w = words[i].as_str();
    let split = w.find(|c: char| c.is_alphabetic()).unwrap_or(w.len());
    let (num, suffix) = w.split_at(split);
    if num.contains(':') || num.contains('/') {
        return None;
    }
    let cleaned: String = num.chars().filter(|&c| c != ',').collect();
    let mut value: f64 = cleaned.parse().ok()?;
    let suffix = suffix.to_lowercase();
    let mut unit_from_suffix = None;
    let mut scaled = false;
    if !suffix.is_empty() {
        if ["st", "nd", "rd", "th"].contains(&suffix.as_str()) {
            return None; // ordinal
        }
        if let Some(s) = scale_word(&suffix) {
            value *= s;
            scaled = true;
        } else if let Some(u) = glued_unit(&w[split..]) {
            unit_from_suffix = Some(u);
        } else {
            return None; // "3pm", "MH370"-like
        }
    }
    let bare = (suffix.is_empty() && !num.contains([',', '.'])).then(|| num.to_string());
    let mut num = Num {
        value,
        end: i + 1,
        digits: true,
        upper: None,
        unit_from_suffix,
        bare,
        scaled,
    };
    if suffix.is_empty() {
        read_fraction_after(words, &mut num);
        read_scale_after(words, &mut num);
    }
    Some(num)
}

/// Scale words after the digits: "2 million", "Rs 1.2 lakh crore", and after a hyphen
/// when written out: "a $2-million grant", "a 1.2-million-dollar donation" (whose unit
/// comes with it).
fn read_scale_after(words: &[String], num: &mut Num) {
    let hyphen = words.get(num.end).is_some_and(|w| w == "-");
    if hyphen {
        let Some(word) = words.get(num.end + 1).map(|w| w.to_lowercase()) else {
            return;
        };
        let mut parts = word.split('-');
        let head = parts.next().unwrap_or("");
        if !is_spelled_scale(head) {
            return;
        }
        num.value *= scale_word(head).unwrap_or(1.0);
        num.unit_from_suffix = parts.next().and_then(unit_word);
        num.end += 2;
        num.bare = None;
        num.scaled = true;
        return;
    }
    while let Some(w) = words.get(num.end) {
        if w == "m" || w == "b" {
            break;
        }
        let Some(s) = scale_word(&w.to_lowercase()) else {
            break;
        };
        num.value *= s;
        num.end += 1;
        num.bare = None;
        num.scaled = true;
    }
}

/// A fraction after the whole number, in the wire's style: "7-1/4 pct" is 7.25.
fn read_fraction_after(words: &[String], num: &mut Num) {
    if words.get(num.end).is_none_or(|w| w != "-") {
        return;
    }
    let Some((a, b)) = words.get(num.end + 1).and_then(|w| w.split_once('/')) else {
        return;
    };
    if let (Ok(a), Ok(b)) = (a.parse::<f64>(), b.parse::<f64>()) {
        // A bare fraction counts nothing more than a bare integer does ("traded at 99-1/4").
        if a < b && b <= 64.0 {
            num.value += a / b;
            num.end += 2;
        }
    }
}

/// A number in words: "a dozen", "half a million", "two million", "tens of thousands",
/// "dozens".
fn read_spelled(words: &[String], i: usize) -> Option<Num> {
    let lw = words[i].to_lowercase();
    let next = |k: usize| {
        words
            .get(i + k)
            .map(|w| w.to_lowercase())
            .unwrap_or_default()
    };
    if lw == "a" || lw == "an" {
        if next(1) == "dozen" {
            return Some(Num::spelled(12.0, i + 2, None));
        }
        // "a million pounds", "a billion dollars".
        let scale = Some(next(1))
            .filter(|w| is_spelled_scale(w))
            .and_then(|w| scale_word(&w))?;
        let mut num = Num::spelled(scale, i + 2, None);
        num.scaled = true;
        return Some(num);
    }
    if lw == "half" && (next(1) == "a" || next(1) == "an") {
        if let Some(s) = scale_word(&next(2)) {
            let mut num = Num::spelled(s / 2.0, i + 3, None);
            num.scaled = true;
            return Some(num);
        }
    }
    if lw == "dozen" {
        return Some(Num::spelled(12.0, i + 1, None));
    }
    if ["tens", "hundreds"].contains(&lw.as_str()) && next(1) == "of" {
        if let Some(s) = plural_scale(&next(2)) {
            let base = if lw == "tens" { 10.0 } else { 100.0 };
            return Some(Num::spelled(base * s, i + 3, Some(base * 10.0 * s)));
        }
    }
    if let Some(s) = plural_scale(&lw) {
        return Some(Num::spelled(s, i + 1, Some(s * 10.0)));
    }
    let mut value = small_number(&lw)?;
    let mut end = i + 1;
    // "two million", "three hundred thousand"
    while let Some(s) = words.get(end).and_then(|n| scale_word(&n.to_lowercase())) {
        if words[end].len() == 1 {
            break;
        }
        value *= s;
        end += 1;
    }
    let mut num = Num::spelled(value, end, None);
    num.scaled = end > i + 1;
    Some(num)
}

/// The value of the first number in `text`, alone or not, spelled or in digits ("two",
/// "five million", "$1.1bn"): for reading annotations that mark a bare number.
pub fn parse_value(text: &str) -> Option<f64> {
    if let Some(f) = find(text).into_iter().next() {
        return Some(f.value);
    }
    let toks = tokenize(text);
    let words: Vec<String> = toks.iter().map(|t| t.text(text).to_string()).collect();
    (0..words.len())
        .find_map(|i| read_number(&words, i))
        .map(|n| n.value)
}

/// Finds the figures of a passage.
pub fn find(text: &str) -> Vec<Figure> {
    find_in_tokens(text, &tokenize(text))
}

/// [`find`] for a passage already split into tokens (by [`tokenize`]).
pub fn find_in_tokens(text: &str, toks: &[Token]) -> Vec<Figure> {
    let reader = Reader::new(text, toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match reader.figure_at(i) {
            Step::Found(figure, next) => {
                out.push(figure);
                i = next;
            }
            Step::Skip(next) => i = next,
            Step::Stop => break,
        }
    }
    out
}

/// What reading at a token gave: a figure and the token after it, nothing (read on from a
/// token), or the end of the passage.
enum Step {
    Found(Figure, usize),
    Skip(usize),
    Stop,
}

/// A passage's tokens as the figure reader sees them.
struct Reader<'a> {
    text: &'a str,
    toks: &'a [Token],
    words: Vec<String>,
    lower: Vec<String>,
    /// Byte spans where no figure is read (see [`excluded_spans`]).
    excluded: Vec<(usize, usize)>,
}

/// A figure being read: the number and what the words around it add.
struct Candidate {
    /// The first token (the currency symbol, if any).
    start_tok: usize,
    currency: Option<&'static str>,
    num: Num,
    /// The token after the figure's words so far.
    end: usize,
    upper: Option<f64>,
    unit: Option<String>,
    /// What the unit multiplies the number by ("km" 1000).
    factor: f64,
    /// "60-plus": at least that many.
    plus: bool,
    /// The counted noun, when the unit is one ("soldiers").
    noun_at: Option<usize>,
}

impl Candidate {
    /// A figure read from a number in words at token `start`, with no unit yet.
    fn spelled(start: usize, num: Num) -> Candidate {
        Candidate {
            start_tok: start,
            currency: None,
            end: num.end,
            upper: None,
            num,
            unit: None,
            factor: 1.0,
            plus: false,
            noun_at: None,
        }
    }
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, toks: &'a [Token]) -> Reader<'a> {
        let words: Vec<String> = toks.iter().map(|t| t.text(text).to_string()).collect();
        let lower = words.iter().map(|w| w.to_lowercase()).collect();
        Reader {
            text,
            toks,
            words,
            lower,
            excluded: excluded_spans(text),
        }
    }

    /// Reads the figure that starts at token `i`, if one does.
    fn figure_at(&self, i: usize) -> Step {
        let at = self.toks[i].start;
        if self.excluded.iter().any(|&(s, e)| at >= s && at < e) || self.inside_code(i) {
            return Step::Skip(i + 1);
        }
        if let Some(found) = self.fraction_at(i) {
            return found;
        }
        let mut c = match self.number_at(i) {
            Ok(c) => c,
            Err(step) => return step,
        };
        if let Some(next) = self.read_range(&mut c) {
            return Step::Skip(next);
        }
        self.read_unit(&mut c);
        self.read_plus(&mut c);
        self.read_counted_noun(&mut c);
        self.read_age(&mut c);
        self.read_metres(&mut c);
        self.read_power(&mut c);
        if self.is_date_or_label(&c) || counts_nothing(&c) {
            return Step::Skip(c.end.max(i + 1));
        }
        let last = c.noun_at.map_or(c.end, |k| k + 1).max(c.end);
        Step::Found(self.figure(&c, last), last)
    }

    /// Whether token `i` is digits run together with letters or digits around it, as in
    /// an identifier ("001C9C3F3DFE"): no figure.
    fn inside_code(&self, i: usize) -> bool {
        if !self.words[i].starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let alnum = |w: &str, first: bool| {
            let c = if first {
                w.chars().next()
            } else {
                w.chars().last()
            };
            c.is_some_and(char::is_alphanumeric)
        };
        let glued_after = self
            .toks
            .get(i + 1)
            .is_some_and(|n| n.start == self.toks[i].end && alnum(&self.words[i + 1], true))
            && self.power_at(i + 1).is_none();
        let glued_before =
            i > 0 && self.toks[i - 1].end == self.toks[i].start && alnum(&self.words[i - 1], false);
        glued_after || glued_before
    }

    /// Fractions of something ("two-thirds of the city", "half of voters", "3/4 of"), as
    /// percentages.
    fn fraction_at(&self, i: usize) -> Option<Step> {
        if let Some(found) = self.one_measure_of(i) {
            return Some(found);
        }
        let (fraction, end) = read_fraction(&self.lower, i)?;
        if let Some(found) = self.fraction_of_unit(i, fraction, end) {
            return Some(found);
        }
        if self.lower.get(end).is_none_or(|w| w != "of") {
            return None;
        }
        let (qualifier, first) = qualifier_before(&self.lower, i);
        let (s, e) = (self.toks[first].start, self.toks[end - 1].end);
        let figure = Figure {
            value: (fraction * 1000.0).round() / 10.0,
            upper: None,
            unit: "percent".into(),
            qualifier,
            text: self.text[s..e].to_string(),
            start: s,
            end: e,
        };
        Some(Step::Found(figure, end))
    }

    /// A fraction of a unit: "half a mile", "a quarter of an inch", "half a percentage
    /// point", "half an hour".
    fn fraction_of_unit(&self, i: usize, fraction: f64, end: usize) -> Option<Step> {
        let lower = &self.lower;
        let of = lower.get(end).is_some_and(|w| w == "of") as usize;
        let article = lower.get(end + of).is_some_and(|w| w == "a" || w == "an");
        if !article {
            return None;
        }
        let mut c = Candidate::spelled(i, Num::spelled(fraction, end + of + 1, None));
        self.read_unit(&mut c);
        let unit = c.unit.as_deref()?;
        if is_currency(unit) {
            return None; // "half a dollar" is read as a number of its own
        }
        Some(Step::Found(self.figure(&c, c.end), c.end))
    }

    /// One of a measure of something: "a foot of snow", "a tonne of cocaine", "an acre of
    /// land" (measures of time and money are left out: "a day of talks").
    fn one_measure_of(&self, i: usize) -> Option<Step> {
        let lower = &self.lower;
        if !(lower[i] == "a" || lower[i] == "an") || lower.get(i + 2).is_none_or(|w| w != "of") {
            return None;
        }
        // "a ton of questions", "an ounce of sense": figures of speech.
        if matches!(lower[i + 1].as_str(), "ton" | "tons" | "ounce") {
            return None;
        }
        let (unit, factor) = unit_word(&lower[i + 1])?;
        if !is_dimension(unit) {
            return None;
        }
        let mut c = Candidate::spelled(i, Num::spelled(1.0, i + 2, None));
        c.unit = Some(unit.to_string());
        c.factor = factor;
        Some(Step::Found(self.figure(&c, i + 2), i + 2))
    }

    /// The number at token `i` (after a currency symbol, if there is one), or the step to
    /// take when there is none worth reading.
    fn number_at(&self, i: usize) -> Result<Candidate, Step> {
        let (currency, taken) = match currency_prefix(&self.words, i) {
            Some((code, taken)) => (Some(code), taken),
            None => (None, 0),
        };
        let num_at = i + taken;
        if num_at >= self.toks.len() {
            return Err(Step::Stop);
        }
        if currency.is_none() {
            if let Some(c) = self.glued_currency_at(i) {
                return Ok(c);
            }
        }
        let Some(num) = read_number(&self.words, num_at) else {
            if currency.is_none() {
                if let Some(c) = self.compound_at(i) {
                    return Ok(c);
                }
            }
            return Err(Step::Skip(i + 1));
        };
        if currency.is_some() && !num.digits {
            return Err(Step::Skip(i + 1));
        }
        // "one of the ..." and "one" without a counted noun are not figures.
        if !num.digits
            && self.lower[num_at] == "one"
            && self.lower.get(num_at + 1).is_some_and(|n| n == "of")
        {
            return Err(Step::Skip(i + 1));
        }
        let mut unit: Option<String> = currency.map(str::to_string);
        let mut factor = 1.0;
        let mut num = num;
        // "400m long", "2.5m high": metres, not millions, when a dimension follows.
        if currency.is_none() && self.words[num_at].ends_with('m') && num.end == num_at + 1 {
            let dimension = self
                .lower
                .get(num.end)
                .is_some_and(|w| DIMENSIONS.contains(&w.as_str()));
            if dimension && num.scaled {
                num.value /= 1e6;
                num.scaled = false;
                num.unit_from_suffix = Some(("metre", 1.0));
            }
        }
        if let Some((u, f)) = num.unit_from_suffix {
            if unit.is_none() {
                unit = Some(u.to_string());
                factor = f;
            }
        }
        Ok(Candidate {
            start_tok: i,
            currency,
            end: num.end,
            upper: num.upper,
            num,
            unit,
            factor,
            plus: false,
            noun_at: None,
        })
    }

    /// A range: "10,000 to 12,000", "10,000-12,000", "between 10 and 12". Returns the token
    /// to read on from when the words are a score ("2-2"), not a figure.
    fn read_range(&self, c: &mut Candidate) -> Option<usize> {
        let lower = &self.lower;
        let sep = lower.get(c.end).map(String::as_str);
        let between = c.start_tok > 0 && lower[c.start_tok - 1] == "between";
        if !(matches!(sep, Some("to") | Some("-") | Some("\u{2013}"))
            || (between && sep == Some("and")))
        {
            return None;
        }
        let second_currency = self
            .words
            .get(c.end + 1)
            .is_some_and(|w| currency_symbol(w).is_some());
        let at = if c.currency.is_some() && second_currency {
            c.end + 2
        } else {
            c.end + 1
        };
        if at >= self.toks.len() {
            return None;
        }
        let second = read_number(&self.words, at)?;
        if second.digits != c.num.digits || second.value < c.num.value {
            return None;
        }
        // Scores ("2-2", "6-3") are no ranges.
        let score = sep == Some("-")
            && c.num.value < 100.0
            && second.value < 100.0
            && c.num.bare.is_some()
            && second.bare.is_some();
        if score {
            return Some(second.end);
        }
        let mut lo = c.num.value;
        // "1.5 to 2 million": the scale of the second applies to both.
        if second.value > 0.0 && second.end > at + 1 && lo < second.value / 100.0 {
            let written = self.words[at].replace(',', "").parse::<f64>();
            let scale = second.value / written.unwrap_or(second.value);
            if scale > 1.0 {
                lo *= scale;
            }
        }
        c.num.value = lo;
        c.upper = Some(second.value);
        c.end = second.end;
        None
    }

    /// The unit after the number: a unit word ("km", "dollars", "pence"), the head of a
    /// hyphenated one ("3-inch", "19-year-old", "12-cent-a-share"), "per cent", "square
    /// miles", "km/h", "miles per hour", "°C", a currency named with its country
    /// ("Canadian dollars", "US dollars"), a currency word that is also English after a
    /// scaled amount ("2.5 billion marks"), and "sterling" after a currency.
    fn read_unit(&self, c: &mut Candidate) {
        if c.unit.is_none() {
            self.read_unit_word(c);
        }
        if self.words[c.start_tok] == "¥" {
            c.unit = Some(yen_sign_in_context(&self.lower).to_string());
        }
        if c.unit.is_some() && self.lower.get(c.end).is_some_and(|w| w == "sterling") {
            c.end += 1;
        }
        self.read_per_hour(c);
        self.add_subunits(c);
        if let Some(code) = c
            .unit
            .as_deref()
            .and_then(|u| currency_in_context(&self.lower, u))
        {
            c.unit = Some(code.to_string());
        }
    }

    fn read_unit_word(&self, c: &mut Candidate) {
        let lower = &self.lower;
        let mut j = c.end;
        if lower.get(j).is_some_and(|w| w == "-") {
            j += 1;
        }
        let Some(w) = lower.get(j) else {
            return;
        };
        if let Some((u, f, taken)) = two_word_unit(lower, j) {
            c.unit = Some(u);
            c.factor = f;
            c.end = j + taken;
            return;
        }
        let mut parts = w.split('-');
        let head = parts.next().unwrap_or(w);
        if (head == "square" || head == "sq") && j > c.end {
            if let Some((u, f)) = parts.next().and_then(unit_word) {
                c.unit = Some(format!("square {u}"));
                c.factor = f * f;
                c.end = j + 1;
                return;
            }
        }
        // "a 17-yr-old": abbreviations read only as the head of a compound.
        let compound_head = |h: &str| match h {
            "yr" | "yrs" => Some(("year", 1.0)),
            _ => unit_word(h),
        };
        let unit = lower_case_unit(&self.words[j]).or_else(|| unit_word(w));
        if let Some((u, f)) = unit.or_else(|| compound_head(head).filter(|_| j > c.end)) {
            // "30 euro cents": the currency's subunit.
            let sub = lower
                .get(j + 1)
                .and_then(|n| subunit_of(u, n))
                .filter(|_| f == 1.0);
            c.unit = Some(u.to_string());
            c.factor = sub.unwrap_or(f);
            c.end = j + 1 + sub.is_some() as usize;
        } else if let Some(u) = ambiguous_currency(w).and_then(|u| self.as_currency(c, j, u)) {
            c.unit = Some(u.to_string());
            c.end = j + 1;
        } else if w == "per" && lower.get(j + 1).is_some_and(|w| w == "cent") {
            c.unit = Some("percent".into());
            c.end = j + 2;
        } else if matches!(w.as_str(), "square" | "sq" | "cu") {
            // "sq. km": the abbreviation's period may stand between.
            let dot = lower.get(j + 1).is_some_and(|w| w == ".") as usize;
            let length = lower
                .get(j + 1 + dot)
                .and_then(|w2| unit_word(w2))
                .filter(|(u, _)| LENGTHS.contains(u));
            if let Some((u, f)) = length {
                let (name, power) = if w == "cu" {
                    ("cubic", 3)
                } else {
                    ("square", 2)
                };
                c.unit = Some(format!("{name} {u}"));
                c.factor = f.powi(power);
                c.end = j + 2 + dot;
            }
        } else if w == "°" {
            c.unit = Some("degree".into());
            let scale = lower.get(j + 1).is_some_and(|w| w == "c" || w == "f");
            c.end = j + 1 + scale as usize;
        } else if let Some((code, factor, end)) = self.country_currency(j) {
            c.unit = Some(code.to_string());
            c.factor = factor;
            c.end = end;
        }
    }

    /// Whether token `j` is glued to the one before it.
    fn glued(&self, j: usize) -> bool {
        j > 0 && j < self.toks.len() && self.toks[j].start == self.toks[j - 1].end
    }

    /// The power glued after a unit at token `j` ("km2", "m³"): 2 or 3.
    fn power_at(&self, j: usize) -> Option<i32> {
        if !self.glued(j) {
            return None;
        }
        match self.words[j].as_str() {
            "2" | "²" => Some(2),
            "3" | "³" => Some(3),
            _ => None,
        }
    }

    /// A length glued to a power is an area or a volume: "90km2", "3,000m³".
    fn read_power(&self, c: &mut Candidate) {
        let Some(unit) = c.unit.as_deref().filter(|u| LENGTHS.contains(u)) else {
            return;
        };
        let Some(power) = self.power_at(c.end) else {
            return;
        };
        let name = if power == 2 { "square" } else { "cubic" };
        c.unit = Some(format!("{name} {unit}"));
        c.factor = c.factor.powi(power);
        c.end += 1;
    }

    /// The currency a word that is also English means at token `j` ("pounds", "marks",
    /// "crowns"), if it is one there: after a scaled amount ("2.5 billion marks"), before
    /// its subunits ("3 pounds 50 pence") or after a verb of paying ("repay 12,000
    /// pounds"), and not before "of" what is weighed ("2.3 million pounds of beef"). A
    /// crown is the one of the country the passage names.
    fn as_currency(&self, c: &Candidate, j: usize, currency: &'static str) -> Option<&'static str> {
        let weighed = currency == "GBP"
            && self.lower.get(j + 1).is_some_and(|w| w == "of")
            && self
                .lower
                .get(j + 2)
                .is_none_or(|w| !MONEY_AFTER_OF.contains(&w.as_str()));
        let money =
            c.num.scaled || self.subunit_follows(j + 1, currency) || self.paid_before(c.start_tok);
        if weighed || !money {
            return None;
        }
        if currency.len() == 3 {
            Some(currency)
        } else {
            currency_in_context(&self.lower, currency)
        }
    }

    /// Whether a verb of paying stands within three words before token `at` ("repay
    /// 12,000 pounds", "cost him about 500 marks").
    fn paid_before(&self, at: usize) -> bool {
        self.lower[at.saturating_sub(3)..at]
            .iter()
            .any(|w| PAYING.contains(&w.as_str()))
    }

    /// Whether the subunits of `currency` follow at token `j` ("and fifty pence").
    fn subunit_follows(&self, j: usize, currency: &str) -> bool {
        let j = j + self.lower.get(j).is_some_and(|w| w == "and") as usize;
        if j >= self.words.len() {
            return false;
        }
        read_number(&self.words, j).is_some_and(|n| {
            self.lower
                .get(n.end)
                .and_then(|w| unit_word(w))
                .is_some_and(|(u, f)| u == currency && f < 1.0)
        })
    }

    /// A currency named with its country's adjective at token `j` ("US dollars",
    /// "Canadian dollars", "Hong Kong dollars", "Swiss francs", "German marks"): the
    /// currency and the token after it.
    fn country_currency(&self, j: usize) -> Option<(&'static str, f64, usize)> {
        let lower = &self.lower;
        for words in 1..=2 {
            let name = lower.get(j + words)?;
            // "85 Australian cents": the subunit of the country's dollar.
            let (currency, factor) = match unit_word(name) {
                Some((u, 1.0)) => (u, 1.0),
                Some(("USD", f)) => ("USD", f),
                // "New Zealand dollars": the currency is two words on.
                _ => match ambiguous_currency(name) {
                    Some(u) => (u, 1.0),
                    None => continue,
                },
            };
            let adjective = lower[j + words - 1].as_str();
            if adjective == "us" || adjective == "u.s." {
                return (currency == "USD").then_some(("USD", factor, j + words + 1));
            }
            if let Some(code) = currency_of_country(adjective, currency) {
                return Some((code, factor, j + words + 1));
            }
        }
        None
    }

    /// "km/h", "miles per hour", "miles an hour": a speed.
    fn read_per_hour(&self, c: &mut Candidate) {
        let lower = &self.lower;
        let at = |k: usize| lower.get(c.end + k).map(String::as_str);
        match c.unit.as_deref() {
            Some("metre") if c.factor == 1000.0 && at(0) == Some("/") && at(1) == Some("h") => {
                c.unit = Some("km/h".into());
                c.factor = 1.0;
                c.end += 2;
            }
            Some("mile") if matches!(at(0), Some("per") | Some("an")) && at(1) == Some("hour") => {
                c.unit = Some("mph".into());
                c.end += 2;
            }
            Some("metre")
                if c.factor == 1000.0
                    && matches!(at(0), Some("per") | Some("an"))
                    && at(1) == Some("hour") =>
            {
                c.unit = Some("km/h".into());
                c.factor = 1.0;
                c.end += 2;
            }
            _ => {}
        }
    }

    /// "3 dollars 50 cents", "thirteen dollars and forty-five cents": the subunits of the
    /// same currency after its units join the amount.
    fn add_subunits(&self, c: &mut Candidate) {
        let Some(unit) = c.unit.clone() else {
            return;
        };
        if c.factor != 1.0 || c.upper.is_some() {
            return;
        }
        let mut j = c.end;
        if self.lower.get(j).is_some_and(|w| w == "and") {
            j += 1;
        }
        if j >= self.words.len() {
            return;
        }
        let Some(cents) = read_number(&self.words, j) else {
            return;
        };
        let Some(sub) = self.lower.get(cents.end) else {
            return;
        };
        if is_subunit(sub) && unit_word(sub).is_some_and(|(u, _)| u == unit) && cents.value < 100.0
        {
            c.num.value += cents.value / 100.0;
            c.end = cents.end + 1;
        }
    }

    /// An amount whose currency is glued to its digits ("RM2.5 billion", "R3.5bn").
    fn glued_currency_at(&self, i: usize) -> Option<Candidate> {
        let (code, digits) = glued_prefix(&self.words[i])?;
        // "Rs6,000": the tokenizer leaves the thousands after a letter as tokens of their own.
        let mut digits = digits.to_string();
        let mut k = i + 1;
        // "Rs2,50,000": Indian grouping has groups of two.
        let lakh_grouping = ["INR", "PKR", "BDT", "NPR", "LKR"].contains(&code);
        while self.glued(k) && self.words[k] == "," && self.glued(k + 1) {
            // The rest may be one token of groups ("50,000" after "Rs2,").
            let group = &self.words[k + 1];
            let fits = group.split(',').all(|g| {
                let size = g.len() == 3 || (lakh_grouping && g.len() == 2);
                size && g.bytes().all(|b| b.is_ascii_digit())
            });
            if !fits {
                break;
            }
            digits.push_str(group);
            k += 2;
        }
        let mut words = self.words[k - 1..(k + 2).min(self.words.len())].to_vec();
        words[0] = digits;
        let mut num = read_digits(&words, 0)?;
        num.end += k - 1;
        Some(Candidate {
            start_tok: i,
            currency: Some(code),
            end: num.end,
            upper: num.upper,
            num,
            unit: Some(code.to_string()),
            factor: 1.0,
            plus: false,
            noun_at: None,
        })
    }

    /// A spelled number and what it counts in one hyphenated word ("six-mile",
    /// "three-bedroom", "one-yen", "twenty-five-year-old"), when no number is at `i`.
    fn compound_at(&self, i: usize) -> Option<Candidate> {
        let lower = &self.lower[i];
        // "seventy-five-year-old": the longest number before a hyphen.
        let cuts: Vec<usize> = lower.match_indices('-').map(|(k, _)| k).collect();
        let numbered = cuts
            .iter()
            .rev()
            .find_map(|&k| small_number(&lower[..k]).map(|v| (k, v)));
        if let Some((k, value)) = numbered {
            let rest = &lower[k + 1..];
            let head = rest.split('-').next().unwrap_or(rest);
            let unit = match unit_word(head) {
                Some((u, f)) => (u.to_string(), f),
                None if value >= 2.0 && is_counted_head(head) => (lemma(head), 1.0),
                None => return None,
            };
            if value == 1.0 && !is_currency(&unit.0) && unit.0 != "yen" {
                return None;
            }
            let mut num = Num::spelled(value, i + 1, None);
            num.unit_from_suffix = None;
            return Some(Candidate {
                start_tok: i,
                currency: None,
                end: i + 1,
                upper: None,
                num,
                unit: Some(unit.0),
                factor: unit.1,
                plus: false,
                noun_at: None,
            });
        }
        None
    }

    /// "60-plus nation", "60 plus": at least that many.
    fn read_plus(&self, c: &mut Candidate) {
        let lower = &self.lower;
        if lower.get(c.end).is_some_and(|w| w == "-")
            && lower.get(c.end + 1).is_some_and(|w| w == "plus")
        {
            c.end += 2;
            c.plus = true;
        } else if lower.get(c.end).is_some_and(|w| w == "plus") {
            c.end += 1;
            c.plus = true;
        }
    }

    /// With no unit, the noun the number counts ("12,000 soldiers") becomes the unit. More
    /// than one of something is written in the plural: "two met" counts nothing.
    fn read_counted_noun(&self, c: &mut Candidate) {
        if c.unit.is_some() {
            return;
        }
        // "a 14-story building", "a 300-page report": one compound, the noun singular.
        if self.lower.get(c.end).is_some_and(|w| w == "-") {
            let k = c.end + 1;
            let lowercase = self
                .words
                .get(k)
                .is_some_and(|w| w.starts_with(char::is_lowercase));
            let head = self.lower.get(k).map(|w| w.split('-').next().unwrap_or(w));
            if let Some(head) = head.filter(|h| lowercase && is_counted_head(h)) {
                c.unit = Some(lemma(head));
                c.noun_at = Some(k);
                return;
            }
        }
        let plural_needed = c.num.value != 1.0 && c.upper.is_none() && !c.plus;
        c.noun_at = counted_noun(&self.words, &self.lower, c.end)
            .filter(|&k| !plural_needed || is_plural(&self.lower[k]));
        if let Some(k) = c.noun_at {
            c.unit = Some(lemma(&self.words[k]));
        }
    }

    /// An age, where a whole number counts nothing else: "aged 34", "aged between 18 and
    /// 25", "who turned 80", "a boy of 14", "as young as 10", and a number between commas
    /// after a name ("John Hargreaves, 62, of Leeds").
    fn read_age(&self, c: &mut Candidate) {
        let whole = c.num.bare.is_some() && (1.0..=120.0).contains(&c.num.value);
        if c.unit.is_some() || c.currency.is_some() || !whole {
            return;
        }
        let at = c.start_tok;
        let lead = (at >= 1 && self.lower[at - 1] == "between") as usize;
        let back = |k: usize| {
            if at >= k + lead {
                self.lower[at - k - lead].as_str()
            } else {
                ""
            }
        };
        let age = AGE_BEFORE.contains(&back(1))
            || (back(1) == "of" && PERSONS.contains(&back(2)))
            || (back(1) == "as" && matches!(back(2), "young" | "old") && back(3) == "as")
            || (matches!(back(1), "is" | "was") && back(2) == "who")
            || self.after_a_name(c);
        if age {
            c.unit = Some("year".into());
        }
    }

    /// Whether the number stands alone between commas after a capitalised name ("Scott
    /// C. Dayton, 42, of Woodbridge"; not in brackets, which as often hold a minute or a
    /// rank: "Roberts (71)").
    fn after_a_name(&self, c: &Candidate) -> bool {
        let at = c.start_tok;
        if at < 2 || self.words[at - 1] != "," || c.end != c.num.end {
            return false;
        }
        let name = self.words[at - 2].as_str();
        let closed = self.words.get(c.end).is_some_and(|w| w == ",");
        closed
            && name.starts_with(char::is_uppercase)
            && name.chars().all(char::is_alphabetic)
            && !is_month(&self.lower[at - 2])
            && !WEEKDAYS.contains(&self.lower[at - 2].as_str())
    }

    /// A number with a glued "m" and no currency that counts nothing in the plural is in
    /// metres, not millions, where a word of length or of a race stands within three words
    /// ("waves of 8-10m", "won 200m gold"), after "the" ("the 10,000m"), before a power
    /// ("m³"), or in a passage about a sport measured in metres; "a population of 67m"
    /// stays millions.
    fn read_metres(&self, c: &mut Candidate) {
        let last = &self.words[c.end - 1];
        let glued_m = last.starts_with(|ch: char| ch.is_ascii_digit())
            && last.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.' || ch == ',')
                == "m";
        let plural = c.noun_at.is_some_and(|k| is_plural(&self.lower[k]));
        let unit_word = c.unit.is_some() && c.noun_at.is_none();
        // "the 10,000m", "the women's 100m", "3,000m³": a race or a power of a length.
        let near = c.start_tok.saturating_sub(3)..(c.end + 3).min(self.lower.len());
        let before = |k: usize| {
            c.start_tok >= k && matches!(self.lower[c.start_tok - k].as_str(), "the" | "'s")
        };
        let length = self.lower[near]
            .iter()
            .any(|w| DIMENSIONS.contains(&w.as_str()))
            || before(1)
            || self.power_at(c.end).is_some()
            || self.lower.iter().any(|w| SPORT.contains(&w.as_str()));
        if c.currency.is_some() || !glued_m || plural || unit_word || !length {
            return;
        }
        if c.num.scaled {
            c.num.value /= 1e6;
        }
        c.upper = c.upper.map(|u| u / 1e6);
        c.unit = Some("metre".into());
        c.noun_at = None;
    }

    /// Years, dates ("Oct. 17") and labels ("Article 51", "Boeing 777"): numbers, not
    /// figures.
    fn is_date_or_label(&self, c: &Candidate) -> bool {
        let (lower, words, start) = (&self.lower, &self.words, c.start_tok);
        let prev = if start > 0 {
            lower[start - 1].as_str()
        } else {
            ""
        };
        let prev_word = if start > 0 {
            words[start - 1].as_str()
        } else {
            ""
        };
        let next = lower.get(c.num.end).map(String::as_str).unwrap_or("");
        // "Oct. 17": the month's period stands between.
        let month_before =
            is_month(prev) || (prev == "." && start >= 2 && is_month(&lower[start - 2]));
        if month_before || is_month(next) {
            return true;
        }
        // "Article 51", "Task Force 50", "Boeing 777", "(DDG 70)", "CTF 50", "Python 3.12": a
        // label's number.
        let acronym_before = prev_word.chars().all(|c| c.is_uppercase())
            && prev_word.chars().any(char::is_alphabetic)
            || (prev == ")" && start >= 2 && words[start - 2].chars().all(|c| c.is_uppercase()));
        // "iOS 17.4", "macOS 14": a name in camel case.
        let camel = prev_word.chars().all(char::is_alphabetic)
            && prev_word.chars().skip(1).any(char::is_uppercase);
        let capital_before = start > 0
            && (acronym_before
                || camel
                || (prev_word.starts_with(char::is_uppercase)
                    && !(start == 1 || [".", "\"", "("].contains(&lower[start - 2].as_str()))));
        let labelled = capital_before && c.unit.is_none();
        let Some(bare) = &c.num.bare else {
            // A version is a decimal after a name ("Firefox 1.0", "Python 3.12").
            let written = &words[start];
            let version = written.contains('.') && !written.contains(',');
            return labelled && version && c.currency.is_none() && !c.num.scaled;
        };
        let year_like = bare.len() == 4 && (1800.0..=2100.0).contains(&c.num.value);
        let plural_noun = c.noun_at.is_some_and(|k| lower[k].ends_with('s'))
            || c.unit.as_deref().is_some_and(|u| unit_word(u).is_some());
        if year_like
            && c.currency.is_none()
            && (BEFORE_YEAR.contains(&prev) || !plural_noun || c.upper.is_some())
        {
            return true;
        }
        LABELS.contains(&prev.trim_end_matches('.')) || labelled
    }

    /// The sign of the figure at `c`, the token its words start at, and the change it is
    /// ("down", "up"), if any: "-5%" and "minus five" are negative; a percentage after a
    /// word of change is a change ("down 3.2 percent", "fell by 0.4 per cent").
    fn sign(&self, c: &Candidate) -> (f64, usize, Option<&'static str>) {
        let at = c.start_tok;
        if at == 0 {
            return (1.0, at, None);
        }
        let minus = self.words[at - 1].as_str();
        let glued = self.toks[at - 1].end == self.toks[at].start;
        let spaced_before = at == 1 || self.toks[at - 2].end < self.toks[at - 1].start;
        if (minus == "-" || minus == "\u{2212}") && glued && spaced_before {
            return (-1.0, at - 1, None);
        }
        if minus == "+" && glued && spaced_before {
            return (1.0, at - 1, None);
        }
        if self.lower[at - 1] == "minus" {
            return (-1.0, at - 1, None);
        }
        // "30 percent of its territory" is a share, not a change.
        let share = self.lower.get(c.end).is_some_and(|w| w == "of");
        let rate = matches!(
            c.unit.as_deref(),
            Some("percent" | "percentage point" | "basis point")
        );
        if !rate || share {
            return (1.0, at, None);
        }
        // "fell as much as 1.3 percent", "fell 0.4 per cent", "a 3 percent drop", "0.4%
        // lower", and after "by", a verb of change with at most three words between it and
        // "by" ("cut its key rate by"), not a noun ("wage growth slowed by", "firms hit by").
        let first = qualifier_before(&self.lower, at).1;
        let by = first >= 2 && self.lower[first - 1] == "by";
        let verb = if by {
            (first.saturating_sub(5)..first - 1)
                .rev()
                .take_while(|&v| self.lower[v].chars().all(char::is_alphabetic))
                .filter(|&v| !CHANGE_NOUNS.contains(&self.lower[v].as_str()))
                .find(|&v| change_sign(&self.lower[v]).is_some())
        } else {
            first.checked_sub(1)
        };
        let after = self.lower.get(c.end).filter(|w| {
            let next = self.lower.get(c.end + 1).map_or(".", String::as_str);
            (at >= 1 && self.lower[at - 1] == "a")
                || COMPARED.contains(&w.as_str())
                || (matches!(w.as_str(), "down" | "up")
                    && matches!(next, "on" | "from" | "in" | "at" | "since" | "." | ","))
        });
        match verb
            .and_then(|v| change_sign(&self.lower[v]))
            .or_else(|| after.and_then(|w| change_sign(w)))
        {
            Some((sign, word)) => (sign, at, Some(word)),
            None => (1.0, at, None),
        }
    }

    /// The figure read, from its qualifier ("about") to token `last`.
    fn figure(&self, c: &Candidate, last: usize) -> Figure {
        let (mut qualifier, mut first) = qualifier_before(&self.lower, c.start_tok);
        if c.plus {
            qualifier = Some("or more".to_string());
            first = c.start_tok;
        }
        let (sign, sign_first, change) = self.sign(c);
        if let Some(word) = change {
            qualifier = qualifier.or(Some(word.to_string()));
        }
        first = first.min(sign_first);
        let (s, e) = (self.toks[first].start, self.toks[last - 1].end);
        Figure {
            value: sign * c.num.value * c.factor,
            upper: c.upper.map(|u| sign * u * c.factor),
            unit: c.unit.clone().unwrap_or_default(),
            qualifier,
            text: self.text[s..e].to_string(),
            start: s,
            end: e,
        }
    }
}

/// Heads of hyphenated compounds that name nothing counted ("one-off", "two-fold",
/// "three-way", "two-thirds").
const NOT_COUNTED: &[&str] = &[
    "off", "fold", "sided", "way", "time", "times", "thirds", "fifths", "quarters", "tenths",
    "handed", "and", "or", "to", "for", "nil", "all", "plus",
];

/// Whether the word after a number and a hyphen can be what it counts ("story", "seat"):
/// not an adjective ("five-pointed", "two-sided").
fn is_counted_head(head: &str) -> bool {
    let adjective = head.ends_with("ed") && head.len() >= 6;
    head.chars().count() >= 3
        && !adjective
        && head.chars().all(|c| c.is_alphabetic())
        && !STOP.contains(&head)
        && !NOT_COUNTED.contains(&head)
        && !is_month(head)
}

/// Units of two words at token `j`: "percentage points", "basis points", "metric tons",
/// "cubic metres". Returns the unit, its factor and the tokens taken.
fn two_word_unit(lower: &[String], j: usize) -> Option<(String, f64, usize)> {
    let next = lower.get(j + 1)?.as_str();
    let point = next == "point" || next == "points";
    Some(match lower[j].as_str() {
        "percentage" if point => ("percentage point".into(), 1.0, 2),
        "basis" if point => ("basis point".into(), 1.0, 2),
        "metric" if matches!(next, "ton" | "tons" | "tonne" | "tonnes") => ("tonne".into(), 1.0, 2),
        "cubic" => {
            let (u, f) = unit_word(next).filter(|(u, _)| LENGTHS.contains(u))?;
            (format!("cubic {u}"), f * f * f, 2)
        }
        _ => return None,
    })
}

/// Units of length (what "square" and "cubic" are made of).
const LENGTHS: &[&str] = &[
    "metre",
    "millimetre",
    "centimetre",
    "mile",
    "inch",
    "foot",
    "yard",
];

/// Whether a normalised unit measures length, area, volume or weight ("a foot of snow").
fn is_dimension(unit: &str) -> bool {
    LENGTHS.contains(&unit)
        || [
            "kilogram", "gram", "tonne", "ounce", "litre", "gallon", "hectare", "acre", "barrel",
        ]
        .contains(&unit)
}

/// Words after "pounds of" that show the pounds are money ("millions of pounds of
/// taxpayers' money").
const MONEY_AFTER_OF: &[&str] = &[
    "taxpayers",
    "public",
    "money",
    "funding",
    "investment",
    "cash",
    "debt",
    "savings",
    "aid",
    "spending",
    "revenue",
    "government",
];

/// Verbs and nouns of paying before an amount, which make an ambiguous currency word
/// ("pounds", "marks") a currency.
const PAYING: &[&str] = &[
    "pay",
    "pays",
    "paid",
    "paying",
    "repay",
    "repaid",
    "cost",
    "costs",
    "costing",
    "worth",
    "earn",
    "earns",
    "earned",
    "earning",
    "spend",
    "spends",
    "spent",
    "owe",
    "owes",
    "owed",
    "fined",
    "fine",
    "charge",
    "charged",
    "charges",
    "donated",
    "donate",
    "awarded",
    "priced",
    "fee",
    "fees",
    "bill",
    "salary",
    "bonus",
    "prize",
    "compensation",
    "damages",
    "lent",
    "borrowed",
    "invested",
    "raising",
    "scooped",
];

/// Whether a normalised unit is a currency (an ISO code).
fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// Numbers that count nothing anyone searches for: a spelled number with nothing counted
/// ("the two met"), a bare integer that counts nothing named ("42, of Woodbridge"), and
/// "one" of something ("one strike").
fn counts_nothing(c: &Candidate) -> bool {
    let num = &c.num;
    if !num.digits && c.unit.is_none() && num.upper.is_none() {
        return true;
    }
    if c.currency.is_none() && c.unit.is_none() && num.digits && num.bare.is_some() {
        return true;
    }
    // "one penny", "a one-yen bid": one of a currency is an amount.
    let currency_unit = c.unit.as_deref().is_some_and(is_currency);
    num.value == 1.0
        && c.upper.is_none()
        && c.currency.is_none()
        && !currency_unit
        && (c.noun_at.is_some() || !num.digits)
}

fn is_plural(lw: &str) -> bool {
    (lw.ends_with('s') && !lw.ends_with("ss") && !lw.ends_with("us") && lw.len() > 2)
        || [
            "people",
            "men",
            "women",
            "children",
            "police",
            "personnel",
            "staff",
            "aircraft",
            "servicemen",
        ]
        .contains(&lw)
}

/// The counted noun after a number: the first plural word within three words (skipping
/// adjectives and names: "12,000 North Korean soldiers"), else the first lower-case word;
/// none past punctuation or a function word.
fn counted_noun(words: &[String], lower: &[String], from: usize) -> Option<usize> {
    let mut first_word = None;
    let mut j = from;
    // "rounds of", "tens of thousands of people": look past "of" once.
    if lower.get(j).is_some_and(|w| w == "of") {
        j += 1;
    }
    let limit = (j + 4).min(words.len());
    let mut capitalised_plural = None;
    while j < limit {
        let w = &words[j];
        let lw = &lower[j];
        if !w.chars().next().is_some_and(char::is_alphabetic) {
            if w == "-" {
                j += 1;
                continue;
            }
            break;
        }
        if STOP.contains(&lw.as_str()) || is_month(lw) {
            break;
        }
        // "224 artillery and mortar systems": adjectives joined by "and" or "or".
        if (lw == "and" || lw == "or") && first_word.is_some() {
            j += 1;
            continue;
        }
        let lowercase = w.chars().next().is_some_and(char::is_lowercase);
        if !lowercase
            && capitalised_plural.is_none()
            && is_plural(lw)
            && lw.len() > 3
            && w.chars().any(char::is_lowercase)
        {
            capitalised_plural = Some(j);
        }
        if lowercase {
            if first_word.is_none() {
                first_word = Some(j);
            }
            if is_plural(lw) {
                return Some(j);
            }
        }
        j += 1;
    }
    // "300 ANG Airmen": a capitalised plural when nothing in lower case counts.
    first_word.or(capitalised_plural)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Figure {
        let f = find(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap()
    }

    fn none(text: &str) {
        let f = find(text);
        assert!(f.is_empty(), "{text}: {f:?}");
    }

    #[test]
    fn lemmas_are_words() {
        assert_eq!(lemma("caches"), "cache");
        assert_eq!(lemma("churches"), "church");
        assert_eq!(lemma("soldiers"), "soldier");
        assert_eq!(lemma("lives"), "life");
        assert_eq!(one("three supply caches").unit, "cache");
    }

    #[test]
    fn identifiers_hold_no_figures() {
        none("Document 001C9C3F3DFE16B4921B1E906F66E161 was filed.");
        assert_eq!(one("It was minus 20C at dawn.").value, -20.0);
    }

    #[test]
    fn shares_are_not_changes() {
        let f = one("ISIL has lost 30 percent of its territory.");
        assert_eq!((f.value, f.qualifier), (30.0, None));
        let f = one("Output was down 3.2 percent in May.");
        assert_eq!((f.value, f.qualifier.as_deref()), (-3.2, Some("down")));
    }

    #[test]
    fn digits_and_counted_nouns() {
        let f = one("totaling approximately 12,000 soldiers, including");
        assert_eq!(
            (f.value, f.unit.as_str(), f.qualifier.as_deref()),
            (12000.0, "soldier", Some("approximately"))
        );
        assert_eq!(f.text, "approximately 12,000 soldiers");
        assert_eq!(f.display(), "12,000 soldier (approx.)");
        let f = one("It lost 464,000 subscribers in the quarter");
        assert_eq!((f.value, f.unit.as_str()), (464000.0, "subscriber"));
        let f = one("send 12,000 North Korean soldiers");
        assert_eq!(f.unit, "soldier");
    }

    #[test]
    fn spelled_numbers() {
        let f = one("the mobilization of four brigades, totaling");
        assert_eq!((f.value, f.unit.as_str()), (4.0, "brigade"));
        let f = one("supplied nearly two million rounds of artillery ammunition");
        assert_eq!(
            (f.value, f.unit.as_str(), f.qualifier.as_deref()),
            (2e6, "round", Some("nearly"))
        );
        let f = one("a dozen journalists were held");
        assert_eq!((f.value, f.unit.as_str()), (12.0, "journalist"));
        let f = one("tens of thousands of people marched");
        assert_eq!(
            (f.value, f.upper, f.unit.as_str()),
            (1e4, Some(1e5), "person")
        );
        let f = one("twenty-five tanks");
        assert_eq!(f.value, 25.0);
        let f = one("Over half a million refugees fled");
        assert_eq!(
            (f.value, f.unit.as_str(), f.qualifier.as_deref()),
            (5e5, "refugee", Some("over"))
        );
    }

    #[test]
    fn units_money_and_percentages() {
        let f = one("which have a range of 27,490 meters.");
        assert_eq!((f.value, f.unit.as_str()), (27490.0, "metre"));
        let f = one("18,000 square kilometers of territory");
        assert_eq!((f.value, f.unit.as_str()), (18e9, "square metre"));
        let f = one("7.5 kilometers away");
        assert_eq!((f.value, f.unit.as_str()), (7500.0, "metre"));
        let f = one("130-mm high-explosive fragmentation shells");
        assert_eq!((f.value, f.unit.as_str()), (130.0, "millimetre"));
        let figs = find("profits jumped 76% to $1.13bn (£600m) for the three months");
        let got: Vec<(f64, &str)> = figs.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (76.0, "percent"),
                (1.13e9, "USD"),
                (6e8, "GBP"),
                (3.0, "month")
            ]
        );
        let f = one("15 to 20 percent of the vote");
        assert_eq!(
            (f.value, f.upper, f.unit.as_str()),
            (15.0, Some(20.0), "percent")
        );
        let f = one("rose 10 per cent");
        assert_eq!(f.unit, "percent");
        let f = one("a loss of 5.93 mln dlrs");
        assert_eq!((f.value, f.unit.as_str()), (5.93e6, "USD"));
        let f = one("between 10,000 and 12,000 troops");
        assert_eq!(
            (f.value, f.upper, f.unit.as_str()),
            (10000.0, Some(12000.0), "troop")
        );
        let f = one("10,000-12,000 troops");
        assert_eq!((f.value, f.upper), (10000.0, Some(12000.0)));
        let f = one("at least 24 hours");
        assert_eq!(
            (f.unit.as_str(), f.qualifier.as_deref()),
            ("hour", Some("at least"))
        );
        let f = one("£59.5 million for the programme");
        assert_eq!((f.value, f.unit.as_str()), (59.5e6, "GBP"));
    }

    #[test]
    fn fractions_are_percentages() {
        let f = one("Iraqi forces hold two-thirds of the city");
        assert_eq!(
            (f.value, f.unit.as_str(), f.text.as_str()),
            (66.7, "percent", "two-thirds")
        );
        let f = one("more than half of the voters");
        assert_eq!(
            (f.value, f.qualifier.as_deref(), f.text.as_str()),
            (50.0, Some("more than"), "more than half")
        );
        let f = one("a quarter of the budget");
        assert_eq!(f.value, 25.0);
        let f = one("3/4 of the wells");
        assert_eq!(f.value, 75.0);
        none("in the third quarter of the year");
        none("half past three");
    }

    #[test]
    fn not_figures() {
        none("signed a treaty in 1961 obligating Moscow");
        none("a defense pact on June 19, pledging support");
        none("Since their September 2023 meeting");
        none("Article 51 of the UN Charter");
        none("designed for long-range M-46 cannons and OF-482M shells");
        none("the meeting starts at 10:30 GMT");
        none("call +44 20 7946 0958 for details");
        none("the 1st battalion and the 3rd brigade");
        none("Arsenal drew 2-2 with Derby");
        none("US Task Force 50 sailed");
        none("the Boeing 777 landed");
        none("the two met in Geneva");
        none("no one was hurt and one of them fled");
        none("on 21/11/96 at 3 pm");
    }
}
