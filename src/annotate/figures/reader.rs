//! The reader: a passage's tokens read left to right, each number with the words around it
//! made a [`Figure`] or passed over (dates, labels, numbers that count nothing).

use std::sync::OnceLock;

use regex::Regex;

use super::figure::Figure;
use super::numbers::{read_digits, read_number, small_number, Num};
use super::units::{currency_prefix, currency_symbol, glued_prefix, unit_word};
use super::words::{
    counted_noun, is_counted_head, is_currency, is_plural, lemma, qualifier_before, DIMENSIONS,
};
use crate::annotate::tokenize::{ascii_boundaries_hold, tokenize, Token};

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

/// Phone numbers, times and clock ranges, which hold digits but are no figures. The word
/// boundaries are read in ASCII where that is the same as in Unicode
/// ([`ascii_boundaries_hold`]): with Unicode ones the regex engine's fast automaton gives up
/// on any text beyond ASCII ("£", "’") and searches by backtracking instead.
pub(super) fn excluded_spans(text: &str) -> Vec<(usize, usize)> {
    static RES: OnceLock<[Regex; 2]> = OnceLock::new();
    let [ascii, unicode] = RES.get_or_init(|| {
        let pattern = r"(?x)
            \+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,4}  # international phone numbers
            | \(?WB\d{3}\)?[\s.-]\d{3}[.-]\d{4}WB                   # 555-123-4567
            | WB\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|BST|EST|local)WB  # times
            | WB\d{1,2}:\d{2}(?::\d{2})?WB                            # clock times
            | WB\d{1,2}/\d{1,2}/\d{2,4}WB                             # dates 21/11/96
            | WB\d{4}-\d{2}-\d{2}WB                                   # ISO dates
            | WB\d{1,2}\s*(?:[ap]\.m\.|[ap]mWB)                       # 3 pm, 10 a.m.
            ";
        [r"(?-u:\b)", r"\b"]
            .map(|wb| Regex::new(&pattern.replace("WB", wb)).expect("the exclusions' regex"))
    });
    // Every pattern holds a digit: most passages hold none, and need no search.
    if !text.chars().any(char::is_numeric) {
        return Vec::new();
    }
    let re = if ascii_boundaries_hold(text) {
        ascii
    } else {
        unicode
    };
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// What reading at a token gave: a figure and the token after it, nothing (read on from a
/// token), or the end of the passage.
pub(super) enum Step {
    Found(Figure, usize),
    Skip(usize),
    Stop,
}

/// A passage's tokens as the figure reader sees them.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    pub(super) words: Vec<String>,
    pub(super) lower: Vec<String>,
    /// Byte spans where no figure is read (see [`excluded_spans`]).
    pub(super) excluded: Vec<(usize, usize)>,
}

/// A figure being read: the number and what the words around it add.
pub(super) struct Candidate {
    /// The first token (the currency symbol, if any).
    pub(super) start_tok: usize,
    pub(super) currency: Option<&'static str>,
    pub(super) num: Num,
    /// The token after the figure's words so far.
    pub(super) end: usize,
    pub(super) upper: Option<f64>,
    pub(super) unit: Option<String>,
    /// What the unit multiplies the number by ("km" 1000).
    pub(super) factor: f64,
    /// "60-plus": at least that many.
    pub(super) plus: bool,
    /// The counted noun, when the unit is one ("soldiers").
    pub(super) noun_at: Option<usize>,
}

impl Candidate {
    /// A figure read from the number `num` that starts at token `start`, with no unit yet.
    pub(super) fn new(start: usize, num: Num) -> Candidate {
        Candidate {
            start_tok: start,
            currency: None,
            end: num.end,
            upper: num.upper,
            num,
            unit: None,
            factor: 1.0,
            plus: false,
            noun_at: None,
        }
    }

    /// The same, in `unit` (the written value times `factor`).
    pub(super) fn with_unit(mut self, unit: &str, factor: f64) -> Candidate {
        self.unit = Some(unit.to_string());
        self.factor = factor;
        self
    }
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str, toks: &'a [Token]) -> Reader<'a> {
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
    pub(super) fn figure_at(&self, i: usize) -> Step {
        let at = self.toks[i].start;
        if self.excluded.iter().any(|&(s, e)| at >= s && at < e) || self.inside_code(i) {
            return Step::Skip(i + 1);
        }
        if let Some(found) = self.one_measure_at(i).or_else(|| self.fraction_at(i)) {
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
    pub(super) fn inside_code(&self, i: usize) -> bool {
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

    /// The number at token `i` (after a currency symbol, if there is one), or the step to
    /// take when there is none worth reading.
    pub(super) fn number_at(&self, i: usize) -> Result<Candidate, Step> {
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
        let mut c = Candidate::new(i, num);
        c.currency = currency;
        c.unit = unit;
        c.factor = factor;
        Ok(c)
    }

    /// A range: "10,000 to 12,000", "10,000-12,000", "between 10 and 12". Returns the token
    /// to read on from when the words are a score ("2-2"), not a figure.
    pub(super) fn read_range(&self, c: &mut Candidate) -> Option<usize> {
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

    /// Whether token `j` is glued to the one before it.
    pub(super) fn glued(&self, j: usize) -> bool {
        j > 0 && j < self.toks.len() && self.toks[j].start == self.toks[j - 1].end
    }

    /// An amount whose currency is glued to its digits ("RM2.5 billion", "R3.5bn").
    pub(super) fn glued_currency_at(&self, i: usize) -> Option<Candidate> {
        let next = self.words.get(i + 1).map(String::as_str);
        let (code, digits) = glued_prefix(&self.words[i], next)?;
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
        let mut c = Candidate::new(i, num).with_unit(code, 1.0);
        c.currency = Some(code);
        Some(c)
    }

    /// A spelled number and what it counts in one hyphenated word ("six-mile",
    /// "three-bedroom", "one-yen", "twenty-five-year-old"), when no number is at `i`.
    pub(super) fn compound_at(&self, i: usize) -> Option<Candidate> {
        let lower = &self.lower[i];
        // "seventy-five-year-old": the longest number before a hyphen.
        let cuts: Vec<usize> = lower.match_indices('-').map(|(k, _)| k).collect();
        let numbered = cuts
            .iter()
            .rev()
            .find_map(|&k| small_number(&lower[..k]).map(|v| (k, v)));
        let (k, value) = numbered?;
        let rest = &lower[k + 1..];
        let head = rest.split('-').next().unwrap_or(rest);
        let (unit, factor) = match unit_word(head) {
            Some((u, f)) => (u.to_string(), f),
            None if value >= 2.0 && is_counted_head(head) => (lemma(head), 1.0),
            None => return None,
        };
        if value == 1.0 && !is_currency(&unit) && unit != "yen" {
            return None;
        }
        Some(Candidate::new(i, Num::spelled(value, i + 1, None)).with_unit(&unit, factor))
    }

    /// "60-plus nation", "60 plus": at least that many.
    pub(super) fn read_plus(&self, c: &mut Candidate) {
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
    pub(super) fn read_counted_noun(&self, c: &mut Candidate) {
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

    /// The figure read, from its qualifier ("about") to token `last`.
    pub(super) fn figure(&self, c: &Candidate, last: usize) -> Figure {
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

/// Numbers that count nothing anyone searches for: a spelled number with nothing counted
/// ("the two met"), a bare integer that counts nothing named ("42, of Woodbridge"), and
/// "one" of something ("one strike").
pub(super) fn counts_nothing(c: &Candidate) -> bool {
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
