//! What the words around a number say of it: an age ("aged 34", "Dayton, 42,"), metres
//! rather than millions ("the 100m final"), a date or a label rather than a figure ("Oct.
//! 17", "Article 51", "Python 3.12"), and a sign or a change ("-5%", "fell 3.2 percent").

use super::reader::{Candidate, Reader};
use super::units::{change_sign, unit_word};
use super::words::{
    is_plural, qualifier_before, AGE_BEFORE, BEFORE_YEAR, CHANGE_NOUNS, COMPARED, DIMENSIONS,
    LABELS, PERSONS, SPORT,
};
use crate::date::{is_month, WEEKDAYS};

impl Reader<'_> {
    /// An age, where a whole number counts nothing else: "aged 34", "aged between 18 and
    /// 25", "who turned 80", "a boy of 14", "as young as 10", and a number between commas
    /// after a name ("John Hargreaves, 62, of Leeds").
    pub(super) fn read_age(&self, c: &mut Candidate) {
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
    pub(super) fn after_a_name(&self, c: &Candidate) -> bool {
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
    pub(super) fn read_metres(&self, c: &mut Candidate) {
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
    pub(super) fn is_date_or_label(&self, c: &Candidate) -> bool {
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
    pub(super) fn sign(&self, c: &Candidate) -> (f64, usize, Option<&'static str>) {
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
}
