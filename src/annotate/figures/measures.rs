//! What the words after a number make of it as a measure: unit words ("km", "dollars",
//! "pence", "percentage points"), powers and "square"/"cubic", speeds, currencies by their
//! country or by the passage, subunits joined to the amount, fractions and one of a measure
//! ("half a mile", "a foot of snow"), and when a word that is also English is money.

use super::figure::Figure;
use super::numbers::{read_fraction, read_number, Num};
use super::reader::{Candidate, Reader, Step};
use super::units::{
    ambiguous_currency, currency_in_context, currency_of_country, is_subunit, lower_case_unit,
    subunit_of, unit_word, yen_sign_in_context,
};
use super::words::{is_currency, is_dimension, qualifier_before, LENGTHS, MONEY_AFTER_OF, PAYING};

impl Reader<'_> {
    /// Fractions of a unit ("half a mile", see [`Reader::fraction_of_unit`]), and of
    /// something ("two-thirds of the city", "half of voters", "3/4 of") as percentages.
    pub(super) fn fraction_at(&self, i: usize) -> Option<Step> {
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
    pub(super) fn fraction_of_unit(&self, i: usize, fraction: f64, end: usize) -> Option<Step> {
        let lower = &self.lower;
        let of = lower.get(end).is_some_and(|w| w == "of") as usize;
        let article = lower.get(end + of).is_some_and(|w| w == "a" || w == "an");
        if !article {
            return None;
        }
        let mut c = Candidate::new(i, Num::spelled(fraction, end + of + 1, None));
        self.read_unit(&mut c);
        let unit = c.unit.as_deref()?;
        if is_currency(unit) {
            return None; // "half a dollar" is read as a number of its own
        }
        Some(Step::Found(self.figure(&c, c.end), c.end))
    }

    /// One of a measure at an article, token `i`: one and a half of a measure or of time
    /// ("a mile and a half", "an hour and a half"), or one of a measure of something ("a
    /// foot of snow", "a tonne of cocaine", "an acre of land"; measures of time and money
    /// are left out: "a day of talks", and figures of speech: "a ton of questions").
    pub(super) fn one_measure_at(&self, i: usize) -> Option<Step> {
        let lower = &self.lower;
        if !(lower[i] == "a" || lower[i] == "an") {
            return None;
        }
        let (unit, factor) = unit_word(lower.get(i + 1)?)?;
        let and_a_half = lower
            .get(i + 2..i + 5)
            .is_some_and(|w| w == ["and", "a", "half"]);
        let (value, end) = if and_a_half {
            if is_currency(unit) || unit == "percent" {
                return None;
            }
            (1.5, i + 5)
        } else {
            let figure_of_speech = matches!(lower[i + 1].as_str(), "ton" | "tons" | "ounce");
            let of = lower.get(i + 2).is_some_and(|w| w == "of");
            if !of || figure_of_speech || !is_dimension(unit) {
                return None;
            }
            (1.0, i + 2)
        };
        let c = Candidate::new(i, Num::spelled(value, i + 2, None)).with_unit(unit, factor);
        Some(Step::Found(self.figure(&c, end), end))
    }

    /// The unit after the number: a unit word ("km", "dollars", "pence"), the head of a
    /// hyphenated one ("3-inch", "19-year-old", "12-cent-a-share"), "per cent", "square
    /// miles", "km/h", "miles per hour", "°C", a currency named with its country
    /// ("Canadian dollars", "US dollars"), a currency word that is also English after a
    /// scaled amount ("2.5 billion marks"), and "sterling" after a currency.
    pub(super) fn read_unit(&self, c: &mut Candidate) {
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

    pub(super) fn read_unit_word(&self, c: &mut Candidate) {
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

    /// The power glued after a unit at token `j` ("km2", "m³"): 2 or 3.
    pub(super) fn power_at(&self, j: usize) -> Option<i32> {
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
    pub(super) fn read_power(&self, c: &mut Candidate) {
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
    pub(super) fn as_currency(
        &self,
        c: &Candidate,
        j: usize,
        currency: &'static str,
    ) -> Option<&'static str> {
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
    pub(super) fn paid_before(&self, at: usize) -> bool {
        self.lower[at.saturating_sub(3)..at]
            .iter()
            .any(|w| PAYING.contains(&w.as_str()))
    }

    /// Whether the subunits of `currency` follow at token `j` ("and fifty pence").
    pub(super) fn subunit_follows(&self, j: usize, currency: &str) -> bool {
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
    pub(super) fn country_currency(&self, j: usize) -> Option<(&'static str, f64, usize)> {
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
    pub(super) fn read_per_hour(&self, c: &mut Candidate) {
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
    pub(super) fn add_subunits(&self, c: &mut Candidate) {
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
}

/// Units of two words at token `j`: "percentage points", "basis points", "metric tons",
/// "cubic metres". Returns the unit, its factor and the tokens taken.
pub(super) fn two_word_unit(lower: &[String], j: usize) -> Option<(String, f64, usize)> {
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
