//! An entity's timeline: the articles naming it, counted by month, drawn by the server as an
//! inline SVG bar chart (no script), every month between the first and the last shown.

use maud::{html, Markup};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 120.0;
/// Room for the labels under the bars.
const LABELS: f64 = 18.0;

/// The months from the first to the last of `counts` (`YYYY-MM`, sorted), with their counts.
pub fn every_month(counts: &[(String, usize)]) -> Vec<(String, usize)> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (y, mo) = m.split_once('-')?;
        Some((y.parse().ok()?, mo.parse().ok()?))
    };
    let (Some(first), Some(last)) = (
        counts.first().and_then(|c| parse(&c.0)),
        counts.last().and_then(|c| parse(&c.0)),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last && out.len() < 1200 {
        let key = format!("{y:04}-{m:02}");
        let n = counts.iter().find(|c| c.0 == key).map_or(0, |c| c.1);
        out.push((key, n));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// The chart of `months` (every month, as [`every_month`] gives them).
pub fn svg(months: &[(String, usize)]) -> Markup {
    if months.is_empty() {
        return html! { p.note { "No dated article names it." } };
    }
    let max = months.iter().map(|m| m.1).max().unwrap_or(1).max(1) as f64;
    let step = WIDTH / months.len() as f64;
    let plot = HEIGHT - LABELS;
    let view = format!("0 0 {WIDTH} {HEIGHT}");
    let last = months.len() - 1;
    html! {
        svg.timeline xmlns="http://www.w3.org/2000/svg" viewBox=(view) width=(WIDTH) height=(HEIGHT) role="img" {
            title { "Articles by month, " (months[0].0) " to " (months[last].0) }
            @for (i, (month, n)) in months.iter().enumerate() {
                @let h = plot * *n as f64 / max;
                rect x=(format!("{:.1}", i as f64 * step + 1.0)) y=(format!("{:.1}", plot - h))
                    width=(format!("{:.1}", (step - 2.0).max(1.0))) height=(format!("{h:.1}")) {
                    title { (month) ": " (n) " articles" }
                }
            }
            text x="0" y=(HEIGHT - 4.0) { (months[0].0) }
            text x=(WIDTH) y=(HEIGHT - 4.0) text-anchor="end" { (months[last].0) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_between_the_first_and_the_last() {
        let counts = vec![("2023-11".to_string(), 2), ("2024-02".to_string(), 5)];
        let months = every_month(&counts);
        let keys: Vec<&str> = months.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(keys, vec!["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(months[1].1, 0);
        let svg = svg(&months).into_string();
        assert_eq!(svg.matches("<rect").count(), 4);
        assert!(svg.contains("2024-02: 5 articles"));
    }
}
