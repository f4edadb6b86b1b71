//! Extract the people, organizations, places, figures and credited agencies of a text.
//!
//! `cargo run --release --example extract_entities [FILE]` (default: a short wire story).

use anyhow::{Context, Result};

use newsdex::annotate::annotate;
use newsdex::corpus::{self, Format};

const STORY: &str = "Seoul sends envoy\n\n\
SEOUL, Nov 4 (Yonhap) -- South Korea's spy agency said on Monday that North Korea has \
sent 12,000 soldiers to Russia, and that President Yoon Suk Yeol will send an envoy to \
Brussels to brief NATO. The deployment could cost Pyongyang $1.13bn in lost trade.\n";

fn main() -> Result<()> {
    let (path, text) = match std::env::args().nth(1) {
        Some(path) => {
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
            (path, text)
        }
        None => ("story.txt".to_string(), STORY.to_string()),
    };
    let format = Format::of(path.as_ref()).unwrap_or(Format::Text);
    let parsed = corpus::parse(&path, format, &text).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
    for article in &parsed.articles {
        println!("{}", article.title);
        let passages = article.passages();
        let found = annotate(article, &passages, None);
        for entity in &found.entities.entities {
            println!("  {:<13} {}", entity.kind.as_str(), entity.name);
        }
        for figure in found.passages.iter().flat_map(|p| &p.figures) {
            println!(
                "  {:<13} {} = {} {}",
                "figure", figure.text, figure.value, figure.unit
            );
        }
        for agency in &found.agencies.agencies {
            println!("  {:<13} {} ({:?})", "agency", agency.name, agency.kind);
        }
    }
    Ok(())
}
