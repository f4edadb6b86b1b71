//! Numbers as news writes them: digits with separators, decimals and glued scales ("1.5bn",
//! "24K"), scale words ("2 million", "1.2 lakh crore"), numbers in words ("two million",
//! "a dozen", "tens of thousands"), the wire's fractions ("7-1/4") and fractions of a
//! whole ("two-thirds", "3/4").

use std::borrow::Cow;

use super::reader::find;
use super::units::{glued_unit, is_spelled_scale, scale_word, unit_word};
use crate::annotate::tokenize::tokenize;

pub(super) const SMALL: &[(&str, f64)] = &[
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

pub(super) fn small_number(w: &str) -> Option<f64> {
    if let Some((a, b)) = split_once_at(w, b'-') {
        let (a, b) = (small_number(a)?, small_number(b)?);
        return (a >= 20.0 && b < 10.0).then_some(a + b);
    }
    SMALL.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

/// `w` in lower case, borrowed where it already is (most words are).
fn lowercase(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// `w` split at its first `mark` (an ASCII character), as `str::split_once` does; a plain
/// loop, faster on the short words it runs on for every token.
fn split_once_at(w: &str, mark: u8) -> Option<(&str, &str)> {
    let at = w.bytes().position(|b| b == mark)?;
    Some((&w[..at], &w[at + 1..]))
}

/// Numbers of words ("a dozen", "tens of thousands") that are figures on their own.
pub(super) fn plural_scale(w: &str) -> Option<f64> {
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

/// A fraction at token `i`: "half", "a third", "two-thirds", "three quarters", "3/4".
/// Returns the fraction and the index just past its words.
pub(super) fn read_fraction(lower: &[String], i: usize) -> Option<(f64, usize)> {
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
    if let Some((a, b)) = split_once_at(w, b'/') {
        let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
        return (b > a && b <= 100.0 && a > 0.0).then_some((a / b, i + 1));
    }
    if w == "half" {
        return Some((0.5, i + 1));
    }
    if let Some((n, d)) = split_once_at(w, b'-') {
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
pub(super) struct Num {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) digits: bool,
    /// Set for "tens of thousands": an approximate span.
    pub(super) upper: Option<f64>,
    /// A unit carried by the number itself ("600m" after a currency; "24K").
    pub(super) unit_from_suffix: Option<(&'static str, f64)>,
    /// The digits as written, when the number is a bare integer ("1961").
    pub(super) bare: Option<String>,
    /// A scale word made the value ("2.5 billion", "1.5bn", "two million").
    pub(super) scaled: bool,
}

/// Reads a number at token `i`.
pub(super) fn read_number(words: &[String], i: usize) -> Option<Num> {
    if words[i].starts_with(|c: char| c.is_ascii_digit()) {
        read_digits(words, i)
    } else {
        read_spelled(words, i)
    }
}

impl Num {
    /// A number in words, ending before token `end`; `upper` for an approximate span.
    pub(super) fn spelled(value: f64, end: usize, upper: Option<f64>) -> Num {
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
pub(super) fn read_digits(words: &[String], i: usize) -> Option<Num> {
    let w = words[i].as_str();
    let split = w.find(|c: char| c.is_alphabetic()).unwrap_or(w.len());
    let (num, suffix) = w.split_at(split);
    if num.contains(':') || num.contains('/') {
        return None;
    }
    // "3½": a fraction glued to the digits.
    let glued_fraction = num.chars().last().and_then(vulgar_fraction);
    let num = match glued_fraction {
        Some(_) => num.trim_end_matches(|c: char| vulgar_fraction(c).is_some()),
        None => num,
    };
    let cleaned: String = num.chars().filter(|&c| c != ',').collect();
    let mut value: f64 = cleaned.parse::<f64>().ok()? + glued_fraction.unwrap_or(0.0);
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
    let bare = (suffix.is_empty() && !num.contains([',', '.']) && glued_fraction.is_none())
        .then(|| num.to_string());
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
        read_and_a_half(words, &mut num);
        read_scale_after(words, &mut num);
    }
    Some(num)
}

/// The fractions written as one character ("½", "¾").
fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// "and a half" after a whole number: "two and a half years", "3 and a half hours".
pub(super) fn read_and_a_half(words: &[String], num: &mut Num) {
    let follows = |k: usize, w: &str| {
        words
            .get(num.end + k)
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
    };
    if follows(0, "and") && follows(1, "a") && follows(2, "half") {
        num.value += 0.5;
        num.end += 3;
        num.bare = None;
    }
}

/// Scale words after the digits: "2 million", "Rs 1.2 lakh crore", and after a hyphen
/// when written out: "a $2-million grant", "a 1.2-million-dollar donation" (whose unit
/// comes with it).
pub(super) fn read_scale_after(words: &[String], num: &mut Num) {
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
pub(super) fn read_fraction_after(words: &[String], num: &mut Num) {
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
pub(super) fn read_spelled(words: &[String], i: usize) -> Option<Num> {
    let lw = lowercase(&words[i]);
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
    if ["tens", "hundreds"].contains(&lw.as_ref()) && next(1) == "of" {
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
    // "two and a half years", "two and a half million people".
    if !num.scaled {
        read_and_a_half(words, &mut num);
        read_scale_after(words, &mut num);
    }
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
