//! Index a folder of news articles and search it with an entity and a figure filter.
//!
//! `cargo run --release --example index_and_search [CORPUS]` (default: the shipped
//! `corpus/`); the index is made in a temporary folder and removed at the end.

use std::path::PathBuf;

use anyhow::Result;

use newsdex::index::{writer, Store};
use newsdex::search::{figure, search, Request};

fn main() -> Result<()> {
    let corpus = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("corpus"), PathBuf::from);
    let index = std::env::temp_dir().join(format!("newsdex-example-{}", std::process::id()));

    // Files → articles → passages → annotations → index, incrementally.
    let summary = writer::run(&writer::Options {
        corpus: corpus.clone(),
        index: index.clone(),
        rebuild: false,
        progress: false,
        agency_from_folder: false,
    })?;
    println!(
        "{} articles in the index ({} passages indexed now) from {}",
        summary.articles_total,
        summary.passages_indexed,
        corpus.display()
    );

    // A text query narrowed to passages about troops that name North Korea, with a figure
    // of at least 1,000 soldiers.
    let store = Store::open(&index)?;
    let mut request = Request {
        query: Some("troops deployed".into()),
        ..Request::default()
    };
    request.filters.places.push("North Korea".into());
    request
        .filters
        .figures
        .push(figure::parse("soldier>=1000")?);
    for hit in search(&store, &request)?.hits {
        println!("{}:{}  {}", hit.path, hit.line, hit.text);
    }
    std::fs::remove_dir_all(&index)?;
    Ok(())
}
