//! The `newsdex` binary: parses the command line, calls the library, maps the outcome to an
//! exit code (0 success, 1 nothing found or input skipped, 2 error).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use newsdex::cli::{Cli, Command, IndexArgs, SearchArgs, DEFAULT_CORPUS, DEFAULT_INDEX};
use newsdex::index::{self, writer, Store};
use newsdex::{render, search};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(args) => run_index(&args),
        Command::Search(args) => run_search(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdex: error: {}", one_line(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line.
fn one_line(err: &anyhow::Error) -> String {
    err.chain()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(": ")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn index_corpus(corpus: &Path, index: &Path, rebuild: bool) -> Result<writer::Summary> {
    writer::run(&writer::Options {
        corpus: corpus.to_path_buf(),
        index: index.to_path_buf(),
        rebuild,
        progress: true,
    })
}

fn run_index(args: &IndexArgs) -> Result<ExitCode> {
    let summary = index_corpus(&args.corpus, &args.index, args.rebuild)?;
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

fn run_search(args: &SearchArgs) -> Result<ExitCode> {
    let index_dir = match &args.index {
        Some(dir) => dir.clone(),
        None => {
            let dir = PathBuf::from(DEFAULT_INDEX);
            let corpus = Path::new(DEFAULT_CORPUS);
            if !index::exists(&dir) && is_missing_or_empty(&dir) && corpus.is_dir() {
                eprintln!("newsdex: no index at {DEFAULT_INDEX}/, building it from {DEFAULT_CORPUS}/ first");
                let summary = index_corpus(corpus, &dir, false)?;
                eprintln!(
                    "{}",
                    render::summary(&summary, DEFAULT_CORPUS, DEFAULT_INDEX)
                );
            }
            dir
        }
    };
    if args.query.is_none() && args.since.is_none() && args.until.is_none() {
        anyhow::bail!("nothing to search for: give a query, or a filter such as --since");
    }
    let store = Store::open(&index_dir)?;
    let request = search::Request {
        query: args.query.clone(),
        limit: args.limit as usize,
        per_article: args.per_article as usize,
        since: args.since,
        until: args.until,
        sort: args.sort,
    };
    let hits = search::search(&store, &request)?;
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
