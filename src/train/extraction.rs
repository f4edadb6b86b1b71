//! Scoring article-body extraction as the article-extraction benchmark does
//! (`../shared/data/html-extraction/evaluate.py`, scrapinghub/article-extraction-benchmark,
//! MIT): each page's text and the gold body are cut into word 4-grams ("shingles"), counted
//! as true positives, false positives and false negatives normalised per page, and precision
//! and recall are averaged over the pages, F1 taken of the averages.

use std::collections::HashMap;

/// One page's normalised (true positives, false positives, false negatives).
pub type PageCounts = (f64, f64, f64);

/// Word tokens as the benchmark's `\w+` finds them.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let tokens = tokens(text);
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let n = 4.min(tokens.len());
    for w in tokens.windows(n) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// One page: the extracted text against the gold body.
pub fn page(gold: &str, predicted: &str) -> PageCounts {
    let (g, p) = (shingles(gold), shingles(predicted));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (key, &n) in &g {
        let m = p.get(key).copied().unwrap_or(0);
        tp += n.min(m) as f64;
        fn_ += n.saturating_sub(m) as f64;
    }
    for (key, &m) in &p {
        fp += m.saturating_sub(g.get(key).copied().unwrap_or(0)) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        (tp / sum, fp / sum, fn_ / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Precision, recall and F1 over pages, as the benchmark averages them.
pub fn summary(pages: &[PageCounts]) -> (f64, f64, f64) {
    let ratio = |x: f64, y: f64, other: f64| {
        if y == 0.0 && other == 0.0 {
            1.0
        } else if x == 0.0 && y == 0.0 {
            0.0
        } else {
            x / (x + y)
        }
    };
    let mean = |v: Vec<f64>| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let precision = mean(
        pages
            .iter()
            .filter(|(tp, fp, _)| tp + fp > 0.0)
            .map(|&(tp, fp, fn_)| ratio(tp, fp, fn_))
            .collect(),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
            .map(|&(tp, fp, fn_)| ratio(tp, fn_, fp))
            .collect(),
    );
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
    (precision, recall, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_shingles_as_the_benchmark_does() {
        let gold = "one two three four five six";
        assert_eq!(page(gold, gold), (1.0, 0.0, 0.0));
        // Gold has 3 shingles; the prediction has the first 2 and one of its own.
        let (tp, fp, fn_) = page(gold, "one two three four five seven");
        assert_eq!((tp * 4.0, fp * 4.0, fn_ * 4.0), (2.0, 1.0, 1.0));
        let (p, r, f) = summary(&[page(gold, gold), page(gold, "")]);
        assert_eq!((p, r), (1.0, 0.5));
        assert!((f - 2.0 / 3.0).abs() < 1e-12);
    }
}
