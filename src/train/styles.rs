//! The judged styles set: short documents written for this project in the styles of news
//! that is not Reuters 1996 (US wire of the late 1990s, UK government releases, BBC,
//! Wikipedia, US military releases, English-language news from other regions), with the
//! people, organizations and places each names, judged by their writer
//! (`benches/judged/styles.json`), who never saw newsdex's output. Scored as the judged
//! pages are: each document's set of names per type.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use super::names::{article_of_lines, JudgedDoc, TYPES};
use crate::annotate::keys::key;

/// Reads the documents of `judged`, each with its style.
pub fn read(judged: &Path) -> Result<Vec<(String, JudgedDoc)>> {
    let text =
        std::fs::read_to_string(judged).with_context(|| format!("reading {}", judged.display()))?;
    let docs: Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", judged.display()))?;
    let Some(docs) = docs.as_array() else {
        bail!("{}: not an array of documents", judged.display());
    };
    let mut out = Vec::new();
    for d in docs {
        let (Some(id), Some(body), Some(kind)) =
            (d["id"].as_str(), d["text"].as_str(), d["style"].as_str())
        else {
            bail!("{}: a document without id, text or style", judged.display());
        };
        let gold: [BTreeSet<String>; 3] = TYPES.map(|t| {
            d[t].as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(key)
                .collect()
        });
        let article = article_of_lines(id, body);
        out.push((
            kind.to_string(),
            JudgedDoc {
                id: id.to_string(),
                article,
                gold,
            },
        ));
    }
    Ok(out)
}
