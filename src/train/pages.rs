//! The judged article pages: the article bodies of the html-extraction benchmark's pages
//! (news and other articles from many publishers) with the people, organizations and places
//! each names, judged blind (`benches/judged/page_entities.json`). Half of the pages (odd
//! positions of the sorted ids) are held out from every choice made on the recognizer.

use std::path::Path;

use anyhow::{bail, Result};

use super::names::{article_of_lines, gold_names, read_json, JudgedDoc};

/// Which pages to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    /// Even positions of the sorted ids: the pages choices are made on.
    Dev,
    /// Odd positions: read only to report.
    HeldOut,
    All,
}

/// Reads the pages of `part`: their bodies from `ground_truth` and their names from `judged`.
pub fn read(ground_truth: &Path, judged: &Path, part: Part) -> Result<Vec<JudgedDoc>> {
    let bodies = read_json(ground_truth)?;
    let names_of = read_json(judged)?;
    let Some(documents) = names_of["documents"].as_object() else {
        bail!("{}: no \"documents\" object", judged.display());
    };
    let mut ids: Vec<&String> = documents.keys().collect();
    ids.sort();
    let mut out = Vec::new();
    for (position, id) in ids.into_iter().enumerate() {
        let wanted = match part {
            Part::Dev => position % 2 == 0,
            Part::HeldOut => position % 2 == 1,
            Part::All => true,
        };
        if !wanted {
            continue;
        }
        let Some(body) = bodies[id.as_str()]["articleBody"].as_str() else {
            bail!("{}: no page {id}", ground_truth.display());
        };
        let names = &documents[id.as_str()];
        let gold = gold_names(names);
        out.push(JudgedDoc {
            id: id.clone(),
            article: article_of_lines(id, body),
            gold,
        });
    }
    Ok(out)
}
