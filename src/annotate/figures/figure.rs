//! A figure as found and stored: its value, optional upper bound, unit, qualifier and
//! where it stands in the passage; and how a number is written back.

use serde::{Deserialize, Serialize};

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
