//! Figure filters: `--figure soldier>=10000`, `usd>1e9`, `"percent 70..80"`, `12000` (any
//! unit), `troops>5000` (unit synonyms), parsed and turned into ranges over the figure terms
//! of [`crate::index::figure_terms`]: a wide range (`usd>1e6`) reads a few decade terms and the
//! exact terms of its two end decades only, rather than one term per amount ever written.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::Field;
use tantivy::Term;

use crate::annotate::figures::unit_synonyms;
use crate::index::figure_terms::{decade, decade_term, encode, pow10, ANY, MAX_DECADE};

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

/// A `--figure` expression that is not one.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("'{0}' is not a figure filter (try soldier>=10000, usd>1e9, \"percent 70..80\" or 12000)")]
pub struct FigureExprError(pub String);

/// Parses a `--figure` expression.
pub fn parse(expr: &str) -> Result<FigureFilter, FigureExprError> {
    let e = expr.trim();
    let bad = || FigureExprError(expr.to_string());
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
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for u in &units {
            for piece in self.pieces() {
                let range: Box<dyn Query> = match piece {
                    Piece::Exact(low, high) => {
                        let term =
                            |v: f64| Term::from_field_text(field, &format!("{u}:{}", encode(v)));
                        Box::new(RangeQuery::new(low.map(term), high.map(term)))
                    }
                    Piece::Decades(low, high) => {
                        let term = |d: i32| Term::from_field_text(field, &decade_term(u, d));
                        Box::new(RangeQuery::new(
                            Bound::Included(term(low)),
                            Bound::Included(term(high)),
                        ))
                    }
                };
                clauses.push((Occur::Should, range));
            }
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The filter's range cut into ranges over the exact terms and, in between, over whole
    /// decades: [low, next decade), the decades after it, [the last decade, high].
    fn pieces(&self) -> Vec<Piece> {
        let exact = |b: Bound<f64>, unbounded: f64| match b {
            Bound::Unbounded => Bound::Included(unbounded),
            b => b,
        };
        let whole = vec![Piece::Exact(
            exact(self.low, f64::NEG_INFINITY),
            exact(self.high, f64::INFINITY),
        )];
        let low = match self.low {
            Bound::Included(v) | Bound::Excluded(v) if v > 0.0 && v.is_finite() => v,
            _ => return whole,
        };
        let first = decade(low);
        let last = match self.high {
            Bound::Included(v) | Bound::Excluded(v) if v.is_finite() => decade(v.max(low)),
            _ => MAX_DECADE + 1,
        };
        if last <= first + 1 {
            return whole;
        }
        let mut out = vec![
            Piece::Exact(self.low, Bound::Excluded(pow10(first + 1))),
            Piece::Decades(first + 1, (last - 1).min(MAX_DECADE)),
        ];
        if last <= MAX_DECADE {
            out.push(Piece::Exact(
                Bound::Included(pow10(last)),
                exact(self.high, f64::INFINITY),
            ));
        }
        out
    }
}

/// A piece of a figure range.
enum Piece {
    /// A range of exact values.
    Exact(Bound<f64>, Bound<f64>),
    /// Whole decades, first and last included.
    Decades(i32, i32),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::RangeBounds;

    /// The pieces of a range cover exactly the values the range holds.
    #[test]
    fn pieces_cover_the_range_exactly() {
        let holds = |pieces: &[Piece], v: f64| {
            pieces.iter().any(|piece| match piece {
                Piece::Exact(lo, hi) => (*lo, *hi).contains(&v),
                Piece::Decades(lo, hi) => v > 0.0 && (*lo..=*hi).contains(&decade(v)),
            })
        };
        for expr in [
            "usd>1e6",
            "usd>=1e6",
            "troops>5000",
            "usd 12..1.5e9",
            "usd<1e9",
            "km>0.5",
            "usd>1e29",
            "usd 3..7",
        ] {
            let f = parse(expr).unwrap();
            let pieces = f.pieces();
            for v in [
                -5.0, 0.0, 0.3, 1.0, 7.0, 12.0, 4999.0, 5000.0, 5001.0, 999_999.0, 1e6, 1.000001e6,
                3e7, 1e9, 1.5e9, 2e9, 1e29, 5e29, 1e31, 1e35,
            ] {
                assert_eq!(
                    holds(&pieces, v),
                    (f.low, f.high).contains(&v),
                    "{expr} at {v}"
                );
            }
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
