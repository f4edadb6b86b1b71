//! Calendar dates: parsing the many ways news metadata and datelines write a date, and
//! normalising them to a [`Date`] (`YYYY-MM-DD`, stored in the index as days since 1970-01-01).

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The names of the months, January first, in lower case.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The days of the week, Monday first, in lower case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month a name or abbreviation stands for ("Oct", "Sept.", "october").
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let stem = lower.trim_end_matches('.');
    for (i, m) in MONTHS.iter().enumerate() {
        if stem == *m
            || (stem.len() >= 3 && MONTH_NAMES[i].starts_with(stem))
            || (stem == "sept" && i == 8)
        {
            return Some(i as u32 + 1);
        }
    }
    None
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            year: (if m <= 2 { y + 1 } else { y }) as i32,
            month: m,
            day: d,
        }
    }

    /// Parses a date as metadata writes it: `2024-10-18`, `2024-10-18T09:00:00Z`, `2024/10/18`,
    /// `18 October 2024`, `October 18, 2024`, `Oct. 18 2024`, `26-FEB-1987 15:01:01.79`,
    /// `Fri, 18 Oct 2024 09:00:00 GMT`. A bare year-month (`2024-10`) is its first day.
    pub fn parse(s: &str) -> Option<Date> {
        static ISO: OnceLock<Regex> = OnceLock::new();
        static DMY: OnceLock<Regex> = OnceLock::new();
        static MDY: OnceLock<Regex> = OnceLock::new();
        static YM: OnceLock<Regex> = OnceLock::new();
        let s = s.trim();
        let iso = ISO.get_or_init(|| {
            Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^0-9])").unwrap()
        });
        if let Some(c) = iso.captures(s) {
            return Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        }
        let dmy = DMY.get_or_init(|| {
            Regex::new(r"(?i)^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([a-z]{3,9}\.?)[\s\-/,]+(\d{4})\b")
                .unwrap()
        });
        if let Some(c) = dmy.captures(s) {
            return Date::new(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?);
        }
        let mdy = MDY.get_or_init(|| {
            Regex::new(r"(?i)^(?:[a-z]{3,9},?\s+)?([a-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
        });
        if let Some(c) = mdy.captures(s) {
            return Date::new(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?);
        }
        let ym = YM.get_or_init(|| Regex::new(r"^(\d{4})-(\d{1,2})$").unwrap());
        if let Some(c) = ym.captures(s) {
            return Date::new(c[1].parse().ok()?, c[2].parse().ok()?, 1);
        }
        None
    }

    /// Finds a dateline date at the head of an article's first paragraph, as wire copy writes
    /// it: `WASHINGTON, March 3, 2004 (AP) -`, `LONDON, 18 October 2024 -`, `Oct 18, 2024 -`.
    /// Only a date with a year counts, and only within the paragraph's first 80 bytes, before
    /// the dash that ends the dateline.
    pub fn from_dateline(first_paragraph: &str) -> Option<Date> {
        static DATELINE: OnceLock<Regex> = OnceLock::new();
        let re = DATELINE.get_or_init(|| {
            Regex::new(
                r"^(?:[A-Z][A-Za-z .'\-]{1,40},\s+)?((?:[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})|(?:\d{4}-\d{2}-\d{2}))\s*(?:\([^)]{1,40}\)\s*)?(?:-|\u{2013}|\u{2014}|:)",
            )
            .unwrap()
        });
        let head: String = first_paragraph.chars().take(80).collect();
        let c = re.captures(head.trim_start())?;
        Date::parse(&c[1])
    }
}

/// Whether a word names a month ("June", "Oct", "sept").
pub fn is_month(word: &str) -> bool {
    month_number(word).is_some()
}

/// A period named at any precision (`2024`, `2024-06`, `2024-06-19`), or a range of two
/// (`2024-06-01..2024-06-30`): what `--mentions-date` takes.
#[derive(Debug, Clone, PartialEq)]
pub enum Period {
    /// One year, month or day, as written (`2024-06`).
    Exact(String),
    /// Every day from the first to the last, included.
    Range(Date, Date),
}

/// A `--mentions-date` value that is not a period.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("'{0}' is not a date or a range of dates (write 2024, 2024-06, 2024-06-19 or 2024-06-01..2024-06-30)")]
pub struct PeriodError(pub String);

/// The first and last days of a period written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn period_days(s: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = s.split('-').collect();
    let year: i32 = parts
        .first()?
        .parse()
        .ok()
        .filter(|_| parts[0].len() == 4)?;
    match parts.len() {
        1 => Some((Date::new(year, 1, 1)?, Date::new(year, 12, 31)?)),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let first = Date::new(year, month, 1)?;
            Some((first, Date::new(year, month, days_in_month(year, month))?))
        }
        3 => {
            let day = Date::new(year, parts[1].parse().ok()?, parts[2].parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

/// Parses a `--mentions-date` value.
pub fn parse_period(s: &str) -> Result<Period, PeriodError> {
    let bad = || PeriodError(s.to_string());
    match s.split_once("..") {
        Some((a, b)) => {
            let (first, _) = period_days(a.trim()).ok_or_else(bad)?;
            let (_, last) = period_days(b.trim()).ok_or_else(bad)?;
            Ok(Period::Range(first, last))
        }
        None => {
            let (first, _) = period_days(s.trim()).ok_or_else(bad)?;
            let parts = s.trim().split('-').count();
            // Written back as the index holds it: zero-padded.
            let exact = match parts {
                1 => format!("{:04}", first.year),
                2 => format!("{:04}-{:02}", first.year, first.month),
                _ => first.to_string(),
            };
            Ok(Period::Exact(exact))
        }
    }
}

/// A `--since` or `--until` value that is not a date.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("'{0}' is not a date (write it as YYYY-MM-DD)")]
pub struct DateError(pub String);

/// Parses the first day a `--since` takes in: a day, or a year (from its first day).
pub fn parse_cli_since(s: &str) -> Result<Date, DateError> {
    parse_cli_day(s, (1, 1))
}

/// Parses the last day an `--until` takes in: a day, or a year (to its last day, so that
/// `--since 2003 --until 2003` is the year 2003).
pub fn parse_cli_until(s: &str) -> Result<Date, DateError> {
    parse_cli_day(s, (12, 31))
}

/// A day, or a year read as its day `(month, day)`.
fn parse_cli_day(s: &str, (month, day): (u32, u32)) -> Result<Date, DateError> {
    if let Ok(year) = s.parse::<i32>() {
        if (1..=9999).contains(&year) {
            return Ok(Date { year, month, day });
        }
    }
    Date::parse(s).ok_or_else(|| DateError(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn a_year_on_the_command_line_runs_from_its_first_day_to_its_last() {
        assert_eq!(parse_cli_since("2003").ok(), d(2003, 1, 1));
        assert_eq!(parse_cli_until("2003").ok(), d(2003, 12, 31));
        assert_eq!(parse_cli_until("2003-06-30").ok(), d(2003, 6, 30));
        assert!(parse_cli_since("last week").is_err());
    }

    #[test]
    fn parses_metadata_forms() {
        assert_eq!(Date::parse("2024-10-18"), d(2024, 10, 18));
        assert_eq!(Date::parse("2024-10-18T09:30:00Z"), d(2024, 10, 18));
        assert_eq!(Date::parse("2024/1/5"), d(2024, 1, 5));
        assert_eq!(Date::parse("18 October 2024"), d(2024, 10, 18));
        assert_eq!(Date::parse("October 18, 2024"), d(2024, 10, 18));
        assert_eq!(Date::parse("Sept. 3 2004"), d(2004, 9, 3));
        assert_eq!(Date::parse("26-FEB-1987 15:01:01.79"), d(1987, 2, 26));
        assert_eq!(
            Date::parse("Fri, 18 Oct 2024 09:00:00 GMT"),
            d(2024, 10, 18)
        );
        assert_eq!(Date::parse("2024-10"), d(2024, 10, 1));
        assert_eq!(Date::parse("2024-02-30"), None);
        assert_eq!(Date::parse("yesterday"), None);
    }

    #[test]
    fn parses_datelines() {
        assert_eq!(
            Date::from_dateline("WASHINGTON, March 3, 2004 (AP) - The Senate voted"),
            d(2004, 3, 3)
        );
        assert_eq!(
            Date::from_dateline("LONDON, 18 October 2024 - Prices rose"),
            d(2024, 10, 18)
        );
        // No year: not a date we can place.
        assert_eq!(
            Date::from_dateline("SALVADOR, Feb 26 - Showers continued"),
            None
        );
        // A date deep in a sentence is not a dateline.
        assert_eq!(
            Date::from_dateline("Russia and North Korea signed a defense pact on June 19, 2024."),
            None
        );
    }

    #[test]
    fn days_round_trip() {
        for (y, m, day) in [
            (1970, 1, 1),
            (1987, 2, 26),
            (2000, 2, 29),
            (2024, 12, 31),
            (1900, 3, 1),
        ] {
            let date = Date::new(y, m, day).unwrap();
            assert_eq!(Date::from_days(date.days()), date);
        }
        assert_eq!(Date::new(1970, 1, 2).unwrap().days(), 1);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days(), 11017);
    }
}
