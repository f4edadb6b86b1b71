//! Figures: the numbers in the news with what they count ("approximately 12,000 soldiers",
//! "$1.13bn", "27,490 meters", "tens of thousands of people"), normalised to a value, an
//! optional upper bound, a unit (the counted noun lemmatised, or a unit such as `metre`,
//! `USD`, `percent`) and a qualifier ("about", "more than"). Years, dates, times, ordinals,
//! phone numbers, article numbers and model designations are not figures.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::tokenize::{tokenize, Token};
use crate::date::is_month;

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

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "mln" | "m" | "mn" => 1e6,
        "billion" | "bln" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
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

/// Units written after a number, and what they normalise to (with a factor for the value).
fn unit_word(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "%" | "percent" | "pct" => ("percent", 1.0),
        "m" | "metre" | "metres" | "meter" | "meters" => ("metre", 1.0),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "kms" => ("metre", 1000.0),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => ("millimetre", 1.0),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => ("centimetre", 1.0),
        "mile" | "miles" => ("mile", 1.0),
        "kg" | "kilogram" | "kilograms" | "kilos" | "kilo" => ("kilogram", 1.0),
        "tonne" | "tonnes" | "ton" | "tons" => ("tonne", 1.0),
        "dollar" | "dollars" | "dlr" | "dlrs" | "usd" => ("USD", 1.0),
        "euro" | "euros" | "eur" => ("EUR", 1.0),
        "sterling" | "gbp" => ("GBP", 1.0),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" => ("CNY", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "won" => ("KRW", 1.0),
        "hour" | "hours" | "hrs" => ("hour", 1.0),
        "minute" | "minutes" | "mins" => ("minute", 1.0),
        "second" | "seconds" => ("second", 1.0),
        "day" | "days" => ("day", 1.0),
        "week" | "weeks" => ("week", 1.0),
        "month" | "months" => ("month", 1.0),
        "year" | "years" => ("year", 1.0),
        "barrel" | "barrels" | "bpd" => ("barrel", 1.0),
        _ => return None,
    })
}

fn currency_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "US$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
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

const QUALIFIERS: &[&[&str]] = &[
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
    if !suffix.is_empty() {
        if ["st", "nd", "rd", "th"].contains(&suffix.as_str()) {
            return None; // ordinal
        }
        if let Some(s) = scale_word(&suffix) {
            value *= s;
        } else if let Some(u) = unit_word(&suffix) {
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
    };
    if suffix.is_empty() {
        if let Some(s) = words.get(i + 1).and_then(|n| scale_word(&n.to_lowercase())) {
            if !(words[i + 1] == "m" || words[i + 1] == "b") {
                num.value *= s;
                num.end = i + 2;
                num.bare = None;
            }
        }
    }
    Some(num)
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
        return (next(1) == "dozen").then(|| Num::spelled(12.0, i + 2, None));
    }
    if lw == "half" && (next(1) == "a" || next(1) == "an") {
        if let Some(s) = scale_word(&next(2)) {
            return Some(Num::spelled(s / 2.0, i + 3, None));
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
    Some(Num::spelled(value, end, None))
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
        if self.excluded.iter().any(|&(s, e)| at >= s && at < e) {
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
        if self.is_date_or_label(&c) || counts_nothing(&c) {
            return Step::Skip(c.end.max(i + 1));
        }
        let last = c.noun_at.map_or(c.end, |k| k + 1).max(c.end);
        Step::Found(self.figure(&c, last), last)
    }

    /// Fractions of something ("two-thirds of the city", "half of voters", "3/4 of"), as
    /// percentages.
    fn fraction_at(&self, i: usize) -> Option<Step> {
        let (fraction, end) = read_fraction(&self.lower, i)?;
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

    /// The number at token `i` (after a currency symbol, if there is one), or the step to
    /// take when there is none worth reading.
    fn number_at(&self, i: usize) -> Result<Candidate, Step> {
        let currency = currency_symbol(&self.words[i]);
        let num_at = if currency.is_some() { i + 1 } else { i };
        if num_at >= self.toks.len() {
            return Err(Step::Stop);
        }
        let Some(num) = read_number(&self.words, num_at) else {
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
            .and_then(|w| currency_symbol(w))
            .is_some();
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

    /// The unit after the number: a unit word ("km", "dollars"), "per cent", "square
    /// miles", "US dollars", and "sterling" after a currency.
    fn read_unit(&self, c: &mut Candidate) {
        if c.unit.is_some() {
            return;
        }
        let lower = &self.lower;
        let mut j = c.end;
        if lower.get(j).is_some_and(|w| w == "-") {
            j += 1;
        }
        if let Some(w) = lower.get(j) {
            if let Some((u, f)) = unit_word(w) {
                c.unit = Some(u.to_string());
                c.factor = f;
                c.end = j + 1;
            } else if w == "per" && lower.get(j + 1).is_some_and(|w| w == "cent") {
                c.unit = Some("percent".into());
                c.end = j + 2;
            } else if w == "square" {
                if let Some((u, f)) = lower.get(j + 1).and_then(|w2| unit_word(w2)) {
                    c.unit = Some(format!("square {u}"));
                    c.factor = f * f;
                    c.end = j + 2;
                }
            } else if w == "us" && lower.get(j + 1).is_some_and(|w| w.starts_with("dollar")) {
                c.unit = Some("USD".into());
                c.end = j + 2;
            }
        }
        if c.unit.is_some() && lower.get(c.end).is_some_and(|w| w == "sterling") {
            c.end += 1;
        }
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
        let plural_needed = c.num.value != 1.0 && c.upper.is_none() && !c.plus;
        c.noun_at = counted_noun(&self.words, &self.lower, c.end)
            .filter(|&k| !plural_needed || is_plural(&self.lower[k]));
        if let Some(k) = c.noun_at {
            c.unit = Some(lemma(&self.words[k]));
        }
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
        let Some(bare) = &c.num.bare else {
            return false;
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
        // "Article 51", "Task Force 50", "Boeing 777", "(DDG 70)", "CTF 50": a label's number.
        let acronym_before = prev_word.chars().all(|c| c.is_uppercase())
            && prev_word.chars().any(char::is_alphabetic)
            || (prev == ")" && start >= 2 && words[start - 2].chars().all(|c| c.is_uppercase()));
        let capital_before = start > 0
            && (acronym_before
                || (prev_word.starts_with(char::is_uppercase)
                    && !(start == 1 || [".", "\"", "("].contains(&lower[start - 2].as_str()))));
        LABELS.contains(&prev.trim_end_matches('.')) || (capital_before && c.unit.is_none())
    }

    /// The figure read, from its qualifier ("about") to token `last`.
    fn figure(&self, c: &Candidate, last: usize) -> Figure {
        let (mut qualifier, mut first) = qualifier_before(&self.lower, c.start_tok);
        if c.plus {
            qualifier = Some("or more".to_string());
            first = c.start_tok;
        }
        let (s, e) = (self.toks[first].start, self.toks[last - 1].end);
        Figure {
            value: c.num.value * c.factor,
            upper: c.upper.map(|u| u * c.factor),
            unit: c.unit.clone().unwrap_or_default(),
            qualifier,
            text: self.text[s..e].to_string(),
            start: s,
            end: e,
        }
    }
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
    num.value == 1.0
        && c.upper.is_none()
        && c.currency.is_none()
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
