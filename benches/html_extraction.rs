//! The text newsdex keeps from web pages, scored by the article-extraction benchmark
//! (`../shared/data/html-extraction`: 91 real article pages with gold article bodies, half of
//! scrapinghub/article-extraction-benchmark), and the speed at which it reads them.
//!
//! `cargo bench --bench html_extraction` (skips, saying why, without the data). Each page is
//! read as `newsdex index` reads it (`corpus::read`), its paragraphs joined as the article's
//! body. Printed: precision, recall and F1 as the benchmark's `evaluate.py` computes them
//! (ported in `newsdex::train::extraction`), MB/s of HTML, and the ten pages scored worst.
//! The bodies are also written as `target/newsdex-bench/html-extraction/output/newsdex.json`,
//! so that the benchmark's own scorer can be run on them: copy `evaluate.py` and
//! `ground-truth.json` into that folder and run `python3 evaluate.py` there.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use serde_json::{json, Value};

use newsdex::corpus::{read, Format};
use newsdex::train::extraction::{page, summary};

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data/html-extraction");
    if !data.is_dir() {
        eprintln!("html_extraction: skipping: ../shared/data/html-extraction is not beside the repository");
        return Ok(());
    }
    let gold: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(data.join("ground-truth.json"))?)?;
    let mut bodies = BTreeMap::new();
    let mut scored = Vec::new();
    let (mut bytes, mut seconds) = (0usize, 0f64);
    for (id, truth) in &gold {
        let path = data.join("html").join(format!("{id}.html"));
        let html = std::fs::read(&path)?;
        let started = Instant::now();
        let parsed = read(&path.to_string_lossy(), Format::Html, &html);
        seconds += started.elapsed().as_secs_f64();
        bytes += html.len();
        let body = match parsed {
            Ok(p) => p.articles[0]
                .paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            Err(e) => {
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        let counts = page(truth["articleBody"].as_str().unwrap_or(""), &body);
        scored.push((counts, id.clone()));
        bodies.insert(id.clone(), json!({ "articleBody": body }));
    }
    let counts: Vec<_> = scored.iter().map(|(c, _)| *c).collect();
    let (p, r, f1) = summary(&counts);
    println!(
        "html-extraction: {} pages, precision {p:.4}, recall {r:.4}, F1 {f1:.4}; {:.1} MB/s of HTML ({:.1} MB in {:.2} s)",
        gold.len(),
        bytes as f64 / 1e6 / seconds,
        bytes as f64 / 1e6,
        seconds
    );
    scored.sort_by(|a, b| a.0 .0.total_cmp(&b.0 .0));
    println!("worst pages (tp fp fn, normalised):");
    for ((tp, fp, fn_), id) in scored.iter().take(10) {
        println!("  {tp:.2} {fp:.2} {fn_:.2}  {id}");
    }
    let out = root.join("target/newsdex-bench/html-extraction/output");
    std::fs::create_dir_all(&out)?;
    std::fs::write(
        out.join("newsdex.json"),
        serde_json::to_string(&json!({ "version": env!("CARGO_PKG_VERSION"), "output": bodies }))?,
    )?;
    Ok(())
}
