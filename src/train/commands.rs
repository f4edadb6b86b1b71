//! The development commands behind `newsdex-train`: each trains, scores or builds, prints
//! what it did, and returns the exit code.

use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use super::cli::{
    ClustersArgs, EvalArgs, GazetteerArgs, PagesArgs, Re3dArgs, StylesArgs, SynonymsArgs, TrainArgs,
};
use super::names::JudgedDoc;
use super::score::{print_table, Counts};
use crate::annotate::ner;

pub fn gazetteer(args: &GazetteerArgs) -> Result<ExitCode> {
    let n = super::gazetteer::build(&args.data, &args.wordnet, &args.conll, &args.out)?;
    eprintln!("wrote {} ({n} entries)", args.out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn train(args: &TrainArgs) -> Result<ExitCode> {
    if !(args.weight > 0.0 && args.prune >= 0.0) {
        bail!(
            "--weight must be above 0 and --prune at least 0 (got {} and {})",
            args.weight,
            args.prune
        );
    }
    let train = super::conll::read(&args.train)?;
    let mut extra = Vec::new();
    let extra_files: &[std::path::PathBuf] = if args.no_extra { &[] } else { &args.extra };
    for path in extra_files {
        extra.extend(super::conll::read_sentences(path)?);
    }
    let dev = super::conll::read(&args.dev)?;
    eprintln!(
        "training on {} ({} documents) and {} sentences of {} more files (weight 1 to its {}), \
         {} passes, {} runs from seed {}",
        args.train.display(),
        train.len(),
        extra.len(),
        extra_files.len(),
        args.weight,
        args.epochs,
        args.runs,
        args.seed
    );
    let seeds: Vec<u64> = (0..args.runs.max(1)).map(|i| args.seed + i).collect();
    let model = super::trainer::train(&train, &extra, args.weight, args.epochs, &seeds);
    let bytes = model.to_bytes(args.prune * args.weight);
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let pruned = ner::Model::from_bytes(&bytes)?;
    let e = super::conll::evaluate(&pruned, &dev);
    eprintln!(
        "wrote {} ({:.1} MB, {} features); dev F1 PER/ORG/LOC {:.4}, all {:.4}",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        pruned.features(),
        e.micro_per_org_loc.f1(),
        e.micro_all.f1()
    );
    Ok(ExitCode::SUCCESS)
}

/// The model in the file `path`, else the compiled-in one.
fn model(path: Option<&std::path::Path>) -> Result<&'static ner::Model> {
    let Some(path) = path else {
        return ner::Model::get()
            .context("no trained model is compiled in: run `newsdex-train train` and rebuild");
    };
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let loaded =
        ner::Model::from_bytes(&bytes).with_context(|| format!("loading {}", path.display()))?;
    // One model for the whole run of a development command.
    Ok(Box::leak(Box::new(loaded)))
}

pub fn eval(args: &EvalArgs) -> Result<ExitCode> {
    let model = model(args.score.model.as_deref())?;
    let docs = super::conll::read(&args.file)?;
    let e = if args.score.corpus_pass {
        super::conll::evaluate_in_corpus(model, &docs)
    } else {
        super::conll::evaluate(model, &docs)
    };
    if args.score.json {
        println!("{}", serde_json::to_string(&e)?);
        return Ok(ExitCode::SUCCESS);
    }
    let micro = [
        ("micro PER/ORG/LOC", &e.micro_per_org_loc),
        ("micro all", &e.micro_all),
    ];
    print_table(
        e.per_type
            .iter()
            .map(|(name, c)| (name.as_str(), c))
            .chain(micro),
    );
    println!(
        "{} tokens, {:.0} tokens/s (one core)",
        e.tokens, e.tokens_per_second
    );
    Ok(ExitCode::SUCCESS)
}

pub fn clusters(args: &ClustersArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let n = super::clusters::build(&args.data, &args.out)?;
    eprintln!(
        "wrote {} ({n} words) in {:.1} s",
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn synonyms(args: &SynonymsArgs) -> Result<ExitCode> {
    let n = super::synonyms::build(&args.data, &args.out)?;
    eprintln!("wrote {} ({n} words)", args.out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn re3d(args: &Re3dArgs) -> Result<ExitCode> {
    let model = model(args.score.model.as_deref())?;
    let mut docs = Vec::new();
    for part in &args.parts {
        docs.extend(super::re3d::read(&args.data.join(part))?);
    }
    let judged = super::re3d::evaluate_judged_figures(&docs, &args.judged_figures)?;
    let mut scores = super::re3d::evaluate_entities(&docs, model, args.score.corpus_pass);
    scores.push(("figure".into(), super::re3d::evaluate_figures(&docs, false)));
    let aside = super::re3d::evaluate_figures(&docs, true);
    scores.push(("figure-time".into(), aside));
    scores.push(("figure-judged".into(), judged));
    let heading = format!(
        "{} documents: people, organizations and places as each document's set of names (micro: the three together); figures against the gold Quantity and Money annotations (figure-time: those found where the gold marks a Temporal expression set aside; figure-judged: against the figures a judge listed, blind to newsdex and to re3d's annotations, doubtful ones set aside)",
        docs.len()
    );
    print_scores(&scores, args.score.json, &heading)
}

pub fn pages(args: &PagesArgs) -> Result<ExitCode> {
    let model = model(args.score.model.as_deref())?;
    let docs = super::pages::read(&args.data, &args.judged, args.part)?;
    let scores = super::names::score(&docs, model, args.score.corpus_pass);
    let heading = format!(
        "{} judged pages ({:?}): people, organizations and places as each page's set of names (micro: the three together)",
        docs.len(),
        args.part
    );
    print_scores(&scores, args.score.json, &heading)
}

/// The judged styles set, overall and then each style's micro-average.
pub fn styles(args: &StylesArgs) -> Result<ExitCode> {
    let model = model(args.score.model.as_deref())?;
    let (styles, docs): (Vec<String>, Vec<JudgedDoc>) =
        super::styles::read(&args.judged)?.into_iter().unzip();
    let counts = super::names::document_counts(&docs, model, args.score.corpus_pass);
    let mut scores = super::names::table(&counts);
    let mut seen: Vec<&str> = Vec::new();
    for style in &styles {
        if seen.contains(&style.as_str()) {
            continue;
        }
        seen.push(style);
        let part: Vec<[Counts; 3]> = (styles.iter().zip(&counts))
            .filter(|(s, _)| *s == style)
            .map(|(_, c)| *c)
            .collect();
        let micro = super::names::table(&part).pop().map(|(_, c)| c);
        scores.extend(micro.map(|c| (format!("micro {style}"), c)));
    }
    let heading = format!(
        "{} judged documents in styles of news: people, organizations and places as each document's set of names (micro: the three together; then per style)",
        docs.len()
    );
    print_scores(&scores, args.score.json, &heading)
}

/// Scores as JSON, or as a table under a heading that says what was scored.
fn print_scores(scores: &[(String, Counts)], json: bool, heading: &str) -> Result<ExitCode> {
    if json {
        return print_json(scores);
    }
    println!("{heading}");
    print_table(scores.iter().map(|(t, c)| (t.as_str(), c)));
    Ok(ExitCode::SUCCESS)
}

/// Scores as a JSON array of counts, each with its type.
fn print_json(scores: &[(String, super::score::Counts)]) -> Result<ExitCode> {
    let v: Vec<serde_json::Value> = scores
        .iter()
        .map(|(t, c)| {
            let mut row = serde_json::to_value(c).expect("counts serialise");
            row["type"] = serde_json::json!(t);
            row
        })
        .collect();
    println!("{}", serde_json::to_string(&v)?);
    Ok(ExitCode::SUCCESS)
}
