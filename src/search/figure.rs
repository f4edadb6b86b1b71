//! Figure filters: `--figure soldier>=10000`, `usd>1e9`, `"percent 70..80"`, `12000` (any
//! unit), `troops>5000` (unit synonyms). Figures are indexed as terms `unit:value` (and
//! `*:value` for any unit) with the value encoded so that the order of the terms is the order
//! of the numbers, which turns a figure filter into a range over terms.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::Field;
use tantivy::Term;

use crate::annotate::figures::{unit_synonyms, Figure};

/// What stands for "any unit".
const ANY: &str = "*";

/// A value encoded so that string order is numeric order.
fn encode(v: f64) -> String {
    let bits = v.to_bits();
    let key = if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    };
    format!("{key:016x}")
}

/// The index terms of a figure: its value (and the top of its range) under its unit and
/// under any unit.
pub fn terms(f: &Figure) -> Vec<String> {
    let mut out = Vec::new();
    let unit = f.unit.to_lowercase();
    for v in std::iter::once(f.value).chain(f.upper) {
        if !unit.is_empty() {
            out.push(format!("{unit}:{}", encode(v)));
        }
        out.push(format!("{ANY}:{}", encode(v)));
    }
    out
}

/// A parsed `--figure` expression.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureFilter {
    /// The units that match (synonyms of the one asked for), or `None` for any unit.
    pub units: Option<Vec<String>>,
    pub low: Bound<f64>,
    pub high: Bound<f64>,
}

/// Reads a number as people write it: `10000`, `10,000`, `1e9`, `1.5bn`, `2 million`, `5k`.
fn number(s: &str) -> Option<f64> {
    let s = s.trim().replace([',', '_'], "");
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    let lower = s.to_lowercase();
    for (suffix, scale) in [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
        ("bn", 1e9),
        ("tn", 1e12),
        ("m", 1e6),
        ("k", 1e3),
        ("b", 1e9),
    ] {
        if let Some(n) = lower.strip_suffix(suffix) {
            if let Ok(v) = n.trim().parse::<f64>() {
                return Some(v * scale);
            }
        }
    }
    None
}

/// Parses a `--figure` expression, naming the problem.
pub fn parse(expr: &str) -> Result<FigureFilter, String> {
    let e = expr.trim();
    let bad = || {
        format!("'{expr}' is not a figure filter (try soldier>=10000, usd>1e9, \"percent 70..80\" or 12000)")
    };
    if e.is_empty() {
        return Err(bad());
    }
    let units = |u: &str| -> Option<Vec<String>> {
        let u = u.trim();
        (!u.is_empty()).then(|| {
            unit_synonyms(u)
                .into_iter()
                .map(|s| s.to_lowercase())
                .collect()
        })
    };
    // "percent 70..80"
    if let Some((left, right)) = e.split_once("..") {
        let (unit, lo) = match left.trim().rsplit_once(char::is_whitespace) {
            Some((u, n)) => (u, n),
            None => ("", left.trim()),
        };
        let (lo, hi) = (number(lo).ok_or_else(bad)?, number(right).ok_or_else(bad)?);
        return Ok(FigureFilter {
            units: units(unit),
            low: Bound::Included(lo),
            high: Bound::Included(hi),
        });
    }
    // "soldier>=10000"
    for op in [">=", "<=", ">", "<", "="] {
        if let Some((unit, n)) = e.split_once(op) {
            let v = number(n).ok_or_else(bad)?;
            let (low, high) = match op {
                ">=" => (Bound::Included(v), Bound::Unbounded),
                "<=" => (Bound::Unbounded, Bound::Included(v)),
                ">" => (Bound::Excluded(v), Bound::Unbounded),
                "<" => (Bound::Unbounded, Bound::Excluded(v)),
                _ => (Bound::Included(v), Bound::Included(v)),
            };
            return Ok(FigureFilter {
                units: units(unit),
                low,
                high,
            });
        }
    }
    // "12000" (any unit), "percent 76" or "soldier" (any value).
    if let Some(v) = number(e) {
        return Ok(FigureFilter {
            units: None,
            low: Bound::Included(v),
            high: Bound::Included(v),
        });
    }
    if let Some((unit, n)) = e.rsplit_once(char::is_whitespace) {
        if let Some(v) = number(n) {
            return Ok(FigureFilter {
                units: units(unit),
                low: Bound::Included(v),
                high: Bound::Included(v),
            });
        }
    }
    if e.chars().any(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    Ok(FigureFilter {
        units: units(e),
        low: Bound::Unbounded,
        high: Bound::Unbounded,
    })
}

impl FigureFilter {
    /// The filter as a query on the figure field.
    pub fn query(&self, field: Field) -> Box<dyn Query> {
        let units: Vec<String> = self.units.clone().unwrap_or_else(|| vec![ANY.to_string()]);
        let clauses: Vec<(Occur, Box<dyn Query>)> = units
            .iter()
            .map(|u| {
                let term = |v: f64| Term::from_field_text(field, &format!("{u}:{}", encode(v)));
                let low = match self.low {
                    Bound::Included(v) => Bound::Included(term(v)),
                    Bound::Excluded(v) => Bound::Excluded(term(v)),
                    Bound::Unbounded => Bound::Included(term(f64::NEG_INFINITY)),
                };
                let high = match self.high {
                    Bound::Included(v) => Bound::Included(term(v)),
                    Bound::Excluded(v) => Bound::Excluded(term(v)),
                    Bound::Unbounded => Bound::Included(term(f64::INFINITY)),
                };
                (
                    Occur::Should,
                    Box::new(RangeQuery::new(low, high)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_order() {
        let vs = [
            -1e9,
            -2.5,
            -0.0,
            0.0,
            1.0,
            76.0,
            10000.0,
            12000.0,
            1.13e9,
            f64::INFINITY,
        ];
        for w in vs.windows(2) {
            assert!(encode(w[0]) <= encode(w[1]), "{} {}", w[0], w[1]);
        }
    }

    #[test]
    fn parses_filters() {
        let f = parse("soldier>=10000").unwrap();
        assert!(f.units.as_ref().unwrap().contains(&"troop".to_string()));
        assert_eq!(
            (f.low, f.high),
            (Bound::Included(10000.0), Bound::Unbounded)
        );
        let f = parse("usd>1e9").unwrap();
        assert_eq!(f.units, Some(vec!["usd".to_string()]));
        assert_eq!(f.low, Bound::Excluded(1e9));
        let f = parse("percent 70..80").unwrap();
        assert_eq!(
            (f.low, f.high),
            (Bound::Included(70.0), Bound::Included(80.0))
        );
        let f = parse("12,000").unwrap();
        assert_eq!(f.units, None);
        let f = parse("$ > 1.5bn").unwrap();
        assert_eq!(
            (f.units, f.low),
            (Some(vec!["usd".to_string()]), Bound::Excluded(1.5e9))
        );
        let f = parse("troops").unwrap();
        assert_eq!((f.low, f.high), (Bound::Unbounded, Bound::Unbounded));
        let f = parse("meters<30000").unwrap();
        assert_eq!(f.units, Some(vec!["metre".to_string()]));
        assert!(parse("soldier>=lots").is_err());
        assert!(parse("").is_err());
    }
}
