//! Precision, recall and F1: the one definition every evaluation uses (CoNLL chunks, re3d
//! names and figures, the entity-search benchmark), and the table they are printed in.

use std::collections::BTreeSet;
use std::iter::Sum;
use std::ops::AddAssign;

use serde::Serialize;

/// What an evaluation counted; serialised with its precision, recall and F1.
#[derive(Debug, Default, Clone, Copy, PartialEq, Serialize)]
#[serde(into = "Report")]
pub struct Counts {
    /// Found and in the gold.
    pub true_pos: usize,
    /// Found, not in the gold.
    pub false_pos: usize,
    /// In the gold, not found.
    pub false_neg: usize,
}

impl Counts {
    /// The counts of a found set against a gold set.
    pub fn of_sets<T: Ord>(gold: &BTreeSet<T>, found: &BTreeSet<T>) -> Counts {
        let true_pos = gold.intersection(found).count();
        Counts {
            true_pos,
            false_pos: found.len() - true_pos,
            false_neg: gold.len() - true_pos,
        }
    }

    pub fn precision(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_pos).max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_neg).max(1) as f64
    }

    /// The harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.true_pos += o.true_pos;
        self.false_pos += o.false_pos;
        self.false_neg += o.false_neg;
    }
}

impl Sum for Counts {
    fn sum<I: Iterator<Item = Counts>>(iter: I) -> Counts {
        iter.fold(Counts::default(), |mut a, c| {
            a += c;
            a
        })
    }
}

/// Counts as written in JSON.
#[derive(Serialize)]
struct Report {
    tp: usize,
    fp: usize,
    #[serde(rename = "fn")]
    false_neg: usize,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl From<Counts> for Report {
    fn from(c: Counts) -> Report {
        Report {
            tp: c.true_pos,
            fp: c.false_pos,
            false_neg: c.false_neg,
            precision: c.precision(),
            recall: c.recall(),
            f1: c.f1(),
        }
    }
}

/// Prints rows of (label, counts) as a table of precision, recall and F1 on stdout.
pub fn print_table<'a>(rows: impl IntoIterator<Item = (&'a str, &'a Counts)>) {
    let rows: Vec<(&str, &Counts)> = rows.into_iter().collect();
    let width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(4).max(4);
    println!(
        "{:<width$} {:>9} {:>9} {:>9}",
        "type", "precision", "recall", "F1"
    );
    for (label, c) in rows {
        println!(
            "{:<width$} {:>9.4} {:>9.4} {:>9.4}",
            label,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_of_sets() {
        let gold: BTreeSet<u32> = [1, 2, 3, 4].into();
        let found: BTreeSet<u32> = [3, 4, 5].into();
        let c = Counts::of_sets(&gold, &found);
        assert_eq!((c.true_pos, c.false_pos, c.false_neg), (2, 1, 2));
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 0.5).abs() < 1e-12);
        assert!((c.f1() - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
