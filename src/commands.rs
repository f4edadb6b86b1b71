//! The commands: each takes its parsed arguments, calls the library, prints, and returns
//! the exit code (0 success, 1 nothing found or input skipped); errors go back to `main`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::annotate;
use crate::article::Passage;
use crate::cli::{
    EntitiesArgs, EntityArgs, ExportArgs, ExtractArgs, IndexArgs, SearchArgs, ServeArgs,
    DEFAULT_CORPUS, DEFAULT_INDEX,
};
use crate::index::{self, writer, Store};
use crate::{messages, render, search};

fn index_corpus(
    corpus: &Path,
    index: &Path,
    rebuild: bool,
    agency_from_folder: bool,
) -> Result<writer::Summary> {
    crate::interrupt::install();
    let mut summary = writer::run(&writer::Options {
        corpus: corpus.to_path_buf(),
        index: index.to_path_buf(),
        rebuild,
        progress: true,
        agency_from_folder,
    })?;
    // The run's time includes counting the facets it keeps. Without them (a run stopped
    // after its last batch, or a file that cannot be written) facets are counted live.
    if !crate::interrupt::requested() {
        let started = std::time::Instant::now();
        if let Err(e) = Store::open(index).and_then(|store| search::facet_totals::keep(&store)) {
            eprintln!("{}", messages::facets_not_kept(&e));
        }
        summary.seconds += started.elapsed().as_secs_f64();
    }
    Ok(summary)
}

pub fn run_index(args: &IndexArgs) -> Result<ExitCode> {
    let summary = index_corpus(
        &args.corpus,
        &args.index,
        args.rebuild,
        args.agency_from_folder,
    )?;
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        eprintln!(
            "{}",
            render::summary(
                &summary,
                &args.corpus.display().to_string(),
                &args.index.display().to_string()
            )
        );
    }
    Ok(if summary.skipped_anything() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The index to search: the one given, or `index/`, built from `corpus/` first when it is
/// missing (or empty) and `corpus/` exists.
fn search_index(given: &Option<PathBuf>) -> Result<Store> {
    let dir = match given {
        Some(dir) => dir.clone(),
        None => {
            let dir = PathBuf::from(DEFAULT_INDEX);
            let corpus = Path::new(DEFAULT_CORPUS);
            let missing = !index::exists(&dir) && is_missing_or_empty(&dir);
            // The default index is made from the shipped corpus: an older newsdex's is remade.
            let outdated = index::is_outdated(&dir);
            if (missing || outdated) && corpus.is_dir() {
                if outdated {
                    eprintln!("{}", messages::note(format_args!("the index at {DEFAULT_INDEX}/ was made by another version of newsdex; rebuilding it from {DEFAULT_CORPUS}/ first")));
                } else {
                    eprintln!("{}", messages::note(format_args!("no index at {DEFAULT_INDEX}/, building it from {DEFAULT_CORPUS}/ first")));
                }
                let summary = index_corpus(corpus, &dir, outdated, false)?;
                eprintln!(
                    "{}",
                    render::summary(&summary, DEFAULT_CORPUS, DEFAULT_INDEX)
                );
            }
            dir
        }
    };
    Store::open(&dir)
}

/// The search request the command line describes (query and filters).
pub fn request(query: &Option<String>, filters: &search::Filters) -> search::Request {
    search::Request {
        query: query.clone(),
        filters: filters.clone(),
        ..Default::default()
    }
}

pub fn run_search(args: &SearchArgs) -> Result<ExitCode> {
    let mut request = request(&args.query, &args.filters);
    request.limit = args.limit as usize;
    request.per_article = args.per_article as usize;
    request.sort = args.sort;
    request.exact = args.exact;
    request.collapse = !args.no_collapse;
    if request.is_empty() {
        anyhow::bail!(
            "nothing to search for: give a query, or a filter such as --person or --since"
        );
    }
    let store = search_index(&args.index)?;
    if let Some(engine) = args.print_query {
        println!(
            "{}",
            crate::export::translate::print(&store, &request, engine)?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let results = search::search(&store, &request)?;
    for note in results.resolved.iter().filter_map(|r| r.note()) {
        eprintln!("{}", messages::note(note));
    }
    let hits = results.hits;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        render::hits_json(&mut out, &hits)?;
    } else {
        let style = render::Style::detect(args.color, std::io::stdout().is_terminal());
        render::hits(&mut out, &hits, style)?;
    }
    out.flush()?;
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn is_missing_or_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).map_or(!dir.exists(), |mut entries| entries.next().is_none())
}

pub fn extract(args: &ExtractArgs) -> Result<ExitCode> {
    let path = args.file.display().to_string();
    let format = crate::corpus::Format::of(&args.file).with_context(|| {
        format!("{path}: not a format newsdex reads (txt, md, json, jsonl, ndjson, html, htm, sgm, warc, rss, atom, xml; any of them .gz, .zst or .bz2)")
    })?;
    let parsed = if format.is_streamed() {
        crate::corpus::read_streamed(&path, &args.file, format).map(|(parsed, _)| parsed)
    } else {
        crate::corpus::load(&args.file).and_then(|bytes| crate::corpus::read(&path, format, &bytes))
    }
    .with_context(|| path.clone())?;
    for w in messages::file_warnings(&path, &parsed) {
        eprintln!("{w}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // The file's articles are read together, as one indexing batch reads them.
    let passages: Vec<Vec<Passage>> = parsed.articles.iter().map(|a| a.passages()).collect();
    let items: Vec<annotate::Item> = parsed
        .articles
        .iter()
        .zip(&passages)
        .map(|(article, passages)| annotate::Item {
            article,
            passages,
            folder: None,
        })
        .collect();
    let annotations = annotate::annotate_together(&items, &|| false).unwrap_or_default();
    for (item, ann) in items.iter().zip(&annotations) {
        let (article, passages) = (item.article, item.passages);
        let report = render::ExtractReport::new(article, passages, ann);
        if args.json {
            serde_json::to_writer(&mut out, &report)?;
            writeln!(out)?;
        } else {
            render::extract_report(&mut out, &report)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn entities(args: &EntitiesArgs) -> Result<ExitCode> {
    let request = request(&args.query, &args.filters);
    let store = search_index(&args.index)?;
    if let Some(prefix) = &args.prefix {
        return complete(&store, args, prefix);
    }
    let counts = search::facets::entities(&store, &request, args.kind, args.limit)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for c in &counts {
            serde_json::to_writer(&mut out, c)?;
            writeln!(out)?;
        }
    } else {
        for c in &counts {
            let mentions = if c.estimated {
                format!("~{}", c.mentions)
            } else {
                c.mentions.to_string()
            };
            writeln!(out, "{:>7}  {:<13} {}", mentions, c.kind, c.name)?;
        }
    }
    out.flush()?;
    Ok(if counts.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `entities --prefix`: the known names that start with a text.
fn complete(store: &Store, args: &EntitiesArgs, prefix: &str) -> Result<ExitCode> {
    use crate::annotate::entities::Kind;
    use crate::search::facets::FacetType;
    let kind = match args.kind {
        None => None,
        Some(FacetType::Person) => Some(Kind::Person),
        Some(FacetType::Organization) => Some(Kind::Organization),
        Some(FacetType::Place) => Some(Kind::Place),
        Some(other) => {
            anyhow::bail!("--prefix completes people, organizations and places, not {other:?}")
        }
    };
    let names = search::profile::complete(store, kind, prefix, args.limit)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (kind, name) in &names {
        if args.json {
            serde_json::to_writer(&mut out, &serde_json::json!({"type": kind, "name": name}))?;
            writeln!(out)?;
        } else {
            writeln!(out, "{:<13} {name}", kind.as_str())?;
        }
    }
    out.flush()?;
    Ok(if names.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn entity(args: &EntityArgs) -> Result<ExitCode> {
    use crate::annotate::entities::Kind;
    let store = search_index(&args.index)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut found = 0;
    for kind in [Kind::Person, Kind::Organization, Kind::Place] {
        if args.kind.is_some_and(|k| k != kind) {
            continue;
        }
        let Some(p) = search::profile::profile(&store, kind, &args.name)? else {
            continue;
        };
        found += 1;
        if args.json {
            serde_json::to_writer(&mut out, &p)?;
            writeln!(out)?;
        } else {
            render::profile(&mut out, &p)?;
        }
    }
    out.flush()?;
    if found == 0 {
        eprintln!(
            "{}",
            messages::note(format_args!(
                "'{}' is not a known person, organization or place in this index",
                args.name
            ))
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// `serve`: the web page over the index, until the process is stopped.
pub fn serve(args: &ServeArgs) -> Result<ExitCode> {
    let store = search_index(&args.index)?;
    let dir = store.dir.clone();
    drop(store);
    crate::serve::run(&dir, &args.bind)?;
    Ok(ExitCode::SUCCESS)
}

/// `export`: the index's passages as another engine ingests them, with a progress bar.
pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    let store = search_index(&args.index)?;
    let total = crate::export::record::count(&store)?;
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(total)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let started = std::time::Instant::now();
    let n = crate::export::export(&store, args.engine, &args.out, args.shards as usize, |n| {
        bar.set_position(n)
    })?;
    bar.finish_and_clear();
    eprintln!(
        "exported {n} passages to {} in {:.2} s",
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
