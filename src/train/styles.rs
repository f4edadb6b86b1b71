//! The judged styles set: short documents written for this project in the styles of news
//! that is not Reuters 1996 (US wire of the late 1990s, UK government releases, BBC,
//! Wikipedia, US military releases, English-language news from other regions), with the
//! people, organizations and places each names, judged by their writer
//! (`benches/judged/styles.json`), who never saw newsdex's output. Scored as the judged
//! pages are: each document's set of names per type.

use std::path::Path;

use anyhow::{bail, Result};

use super::names::{article_of_lines, gold_names, read_json, JudgedDoc};

/// Reads the documents of `judged`, each with its style.
pub fn read(judged: &Path) -> Result<Vec<(String, JudgedDoc)>> {
    let docs = read_json(judged)?;
    let Some(docs) = docs.as_array() else {
        bail!("{}: not an array of documents", judged.display());
    };
    let mut out = Vec::new();
    for d in docs {
        let (Some(id), Some(body), Some(style)) =
            (d["id"].as_str(), d["text"].as_str(), d["style"].as_str())
        else {
            bail!("{}: a document without id, text or style", judged.display());
        };
        let doc = JudgedDoc {
            id: id.to_string(),
            article: article_of_lines(id, body),
            gold: gold_names(d),
        };
        out.push((style.to_string(), doc));
    }
    Ok(out)
}
