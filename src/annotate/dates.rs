//! The dates a passage mentions ("on June 19", "in September 2023", "since 1961", "last
//! Friday"), normalised to a day (`2024-06-19`), a month (`2023-09`) or a year (`1961`). A
//! day written without its year takes the article's year (`--06-19`, ISO 8601's day of any
//! year, where the article is undated); weekdays and "yesterday" are resolved against the
//! article's date, and left out where it has none.

use serde::{Deserialize, Serialize};

use super::tokenize::Token;
use crate::date::{month_number, Date, WEEKDAYS};

/// A date mentioned in a passage, at byte offsets `start..end`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `--MM-DD` (a day of an unknown year).
    pub value: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl DateMention {
    /// The first day the mention covers, when its year is known.
    pub fn first_day(&self) -> Option<Date> {
        let mut parts = self.value.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().map_or(Some(1), |m| m.parse().ok())?;
        let day = parts.next().map_or(Some(1), |d| d.parse().ok())?;
        Date::new(year, month, day)
    }

    /// The value and its coarser periods (`2024-06-19`, `2024-06`, `2024`): what a
    /// `--mentions-date` of any precision matches.
    pub fn periods(&self) -> Vec<String> {
        if self.value.starts_with("--") {
            return Vec::new();
        }
        let parts: Vec<&str> = self.value.split('-').collect();
        (1..=parts.len()).map(|n| parts[..n].join("-")).collect()
    }
}

/// Words before a bare year that make it a date ("in 1961", "since 2000").
const BEFORE_YEAR: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "early", "late",
    "mid", "of",
];

/// The dates mentioned in `text` (split into `toks`), for an article dated `dated`.
pub fn find(text: &str, toks: &[Token], dated: Option<Date>) -> Vec<DateMention> {
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match read_at(&words, i, dated) {
            Some((value, first, end)) => {
                let (s, e) = (toks[first].start, toks[end - 1].end);
                out.push(DateMention {
                    value,
                    text: text[s..e].to_string(),
                    start: s,
                    end: e,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The date whose words start at token `i`: its value and its tokens `first..end`.
fn read_at(words: &[&str], i: usize, dated: Option<Date>) -> Option<(String, usize, usize)> {
    let w = words[i];
    if let Some(month) = month_at(words, i) {
        return month_date(words, i, month, dated);
    }
    if let Some(day) = day_number(w) {
        // "19 June 2024", "19 June".
        let month = month_at(words, i + 1)?;
        let year = words.get(i + 2).and_then(|y| year_number(y));
        let end = i + 2 + year.is_some() as usize;
        return Some((day_value(year, month, day, dated)?, i, end));
    }
    if let Some(year) = year_number(w) {
        let before = i.checked_sub(1).map(|k| words[k].to_lowercase());
        // "1961 tanks" counts tanks; "1961 was" is a year.
        let counts = words.get(i + 1).is_some_and(|n| {
            n.ends_with('s') && n.len() > 3 && !["this", "thus", "plus"].contains(n)
        });
        if before.is_some_and(|b| BEFORE_YEAR.contains(&b.as_str())) && !counts {
            return Some((format!("{year:04}"), i, i + 1));
        }
        return None;
    }
    relative_day(words, i, dated?)
}

/// A month named at token `i`: capitalised, and not the verb "may" or "march" unless a
/// day or year follows.
fn month_at(words: &[&str], i: usize) -> Option<u32> {
    let w = words.get(i)?;
    if !w.starts_with(char::is_uppercase) || w.len() < 3 {
        return None;
    }
    let month = month_number(w)?;
    let spelled = w.trim_end_matches('.').len() >= 3;
    let next_is_number = words
        .get(i + 1)
        .is_some_and(|n| day_number(n).is_some() || year_number(n).is_some());
    let ambiguous = matches!(w.to_lowercase().as_str(), "may" | "march" | "mar" | "jan");
    (spelled && (next_is_number || !ambiguous)).then_some(month)
}

/// "June 19", "June 19, 2024", "September 2023", "June": the date after a month's name.
fn month_date(
    words: &[&str],
    i: usize,
    month: u32,
    dated: Option<Date>,
) -> Option<(String, usize, usize)> {
    let mut end = i + 1;
    if words.get(end) == Some(&".") {
        end += 1;
    }
    if let Some(day) = words.get(end).and_then(|d| day_number(d)) {
        let mut after = end + 1;
        if words.get(after) == Some(&",") {
            after += 1;
        }
        let year = words.get(after).and_then(|y| year_number(y));
        let end = if year.is_some() { after + 1 } else { end + 1 };
        return Some((day_value(year, month, day, dated)?, i, end));
    }
    let year = words.get(end).and_then(|y| year_number(y))?;
    Some((format!("{year:04}-{month:02}"), i, end + 1))
}

/// A day of a month, of the year given, else of the article's year (the year before when
/// the day would come after the article), else of an unknown year.
fn day_value(year: Option<i32>, month: u32, day: u32, dated: Option<Date>) -> Option<String> {
    let year = year.or_else(|| {
        let d = dated?;
        let this_year = Date::new(d.year, month, day)?;
        Some(if this_year.days() > d.days() + 31 {
            d.year - 1
        } else {
            d.year
        })
    });
    match year {
        Some(y) => Date::new(y, month, day).map(|d| d.to_string()),
        None => Date::new(2000, month, day).map(|_| format!("--{month:02}-{day:02}")),
    }
}

/// "Friday", "last Friday", "next Friday", "yesterday", "today", "tomorrow", against the
/// article's date.
fn relative_day(words: &[&str], i: usize, dated: Date) -> Option<(String, usize, usize)> {
    let w = words[i].to_lowercase();
    let shift = match w.as_str() {
        "yesterday" => Some(-1),
        "today" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(shift) = shift {
        return Some((Date::from_days(dated.days() + shift).to_string(), i, i + 1));
    }
    if !words[i].starts_with(char::is_uppercase) {
        return None;
    }
    let weekday = WEEKDAYS.iter().position(|d| *d == w)? as i64;
    let before = i.checked_sub(1).map(|k| words[k].to_lowercase());
    let (next, first) = match before.as_deref() {
        Some("next") | Some("coming") => (true, i - 1),
        Some("last") | Some("past") => (false, i - 1),
        _ => (false, i),
    };
    // 1970-01-01 was a Thursday (weekday 3 counting from Monday).
    let today = (dated.days() + 3).rem_euclid(7);
    let days = if next {
        (weekday - today - 1).rem_euclid(7) + 1
    } else if first < i {
        -((today - weekday - 1).rem_euclid(7) + 1)
    } else {
        -(today - weekday).rem_euclid(7)
    };
    Some((
        Date::from_days(dated.days() + days).to_string(),
        first,
        i + 1,
    ))
}

/// A day of the month as written: "19", "19th", "1st".
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (digits.len() <= 2 && (1..=31).contains(&d)).then_some(d)
}

/// A year as written: four digits from 1800 to 2100.
fn year_number(w: &str) -> Option<i32> {
    let y: i32 = w.parse().ok()?;
    (w.len() == 4 && (1800..=2100).contains(&y)).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::tokenize::tokenize;

    fn values(text: &str, dated: Option<Date>) -> Vec<String> {
        find(text, &tokenize(text), dated)
            .into_iter()
            .map(|d| d.value)
            .collect()
    }

    #[test]
    fn dates_of_an_undated_article() {
        let text = "NIS said on Friday. A pact was signed on June 19. A treaty in 1961 was \
                    replaced in 2000. Since their September 2023 meeting, supplies rose.";
        assert_eq!(values(text, None), ["--06-19", "1961", "2000", "2023-09"]);
    }

    #[test]
    fn relative_dates_resolve_against_the_article() {
        // 2024-10-19 was a Saturday.
        let dated = Date::new(2024, 10, 19);
        assert_eq!(values("on Friday", dated), ["2024-10-18"]);
        assert_eq!(values("last Saturday", dated), ["2024-10-12"]);
        assert_eq!(values("next Monday", dated), ["2024-10-21"]);
        assert_eq!(values("on Saturday", dated), ["2024-10-19"]);
        assert_eq!(values("yesterday", dated), ["2024-10-18"]);
        assert_eq!(values("on June 19", dated), ["2024-06-19"]);
        assert_eq!(values("on December 30", dated), ["2023-12-30"]);
        assert_eq!(values("19 June 2022", None), ["2022-06-19"]);
        assert_eq!(values("Oct. 17, 1987", None), ["1987-10-17"]);
    }

    #[test]
    fn numbers_and_verbs_are_no_dates() {
        assert!(values("You may go.", None).is_empty());
        assert!(values("It had 2000 soldiers and 1961 tanks.", None).is_empty());
        assert!(values("They march on.", None).is_empty());
    }
}
