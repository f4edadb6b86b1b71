//! How a figure is written in the index: terms `unit:value` (and `*:value` for any unit),
//! with the value encoded so that the order of the terms is the order of the numbers (a
//! figure filter is a range over terms), and the same under the value's decade
//! (`unit:d:107` for values from 10^7 to 10^8). The writer indexes [`terms`];
//! [`crate::search::figure`] reads them.

use crate::annotate::figures::Figure;

/// What stands for "any unit".
pub const ANY: &str = "*";

/// A value encoded so that string order is numeric order.
pub fn encode(v: f64) -> String {
    let bits = v.to_bits();
    let key = if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    };
    format!("{key:016x}")
}

/// Decades indexed: 10^-12 to 10^30; smaller positive values count in the first, larger in
/// the last.
pub const MIN_DECADE: i32 = -12;
pub const MAX_DECADE: i32 = 30;

pub fn pow10(d: i32) -> f64 {
    10f64.powi(d)
}

/// The decade of a positive value: `d` with 10^d <= v < 10^(d+1), clamped to the indexed
/// ones. Decided by comparing with [`pow10`], as the query's bounds are.
pub fn decade(v: f64) -> i32 {
    let mut d = (v.log10().floor() as i32).clamp(MIN_DECADE, MAX_DECADE);
    while d < MAX_DECADE && pow10(d + 1) <= v {
        d += 1;
    }
    while d > MIN_DECADE && pow10(d) > v {
        d -= 1;
    }
    d
}

pub fn decade_term(unit: &str, d: i32) -> String {
    format!("{unit}:d:{:03}", d + 100)
}

/// The index terms of a figure: its value (and the top of its range) under its unit and
/// under any unit, exactly and (for positive values) by decade.
pub fn terms(f: &Figure) -> Vec<String> {
    let mut out = Vec::new();
    let unit = f.unit.to_lowercase();
    for v in std::iter::once(f.value).chain(f.upper) {
        for u in [unit.as_str(), ANY] {
            if u.is_empty() {
                continue;
            }
            out.push(format!("{u}:{}", encode(v)));
            if v > 0.0 && v.is_finite() {
                out.push(decade_term(u, decade(v)));
            }
        }
    }
    out
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
    fn decades_split_at_powers_of_ten() {
        assert_eq!(decade(1.0), 0);
        assert_eq!(decade(999.999), 2);
        assert_eq!(decade(1000.0), 3);
        assert_eq!(decade(1e6), 6);
        assert_eq!(decade(1.13e9), 9);
        assert_eq!(decade(0.05), -2);
        assert_eq!(decade(1e40), MAX_DECADE);
        assert_eq!(decade(1e-20), MIN_DECADE);
    }
}
