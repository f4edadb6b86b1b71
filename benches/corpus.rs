//! The corpus benchmark: `cargo bench --bench corpus`.
//!
//! On ../shared/data/reuters21578 plus ../shared/data/bbc ("base"), and on that corpus
//! replicated (hard links under new paths, made here, never committed) until it holds at least
//! `NEWSDEX_BENCH_PASSAGES` passages (default 1,000,000; 0 measures the base corpus only), it
//! measures in one run:
//! - indexing throughput with all extraction on (the `newsdex index` process), against the
//!   same files read, split into passages and indexed by plain tantivy with the same text
//!   fields and no extraction (in this process: the ceiling), as a ratio;
//! - entity tagging speed on one core (BBC articles);
//! - query latency, p50 and p99 per class over a fixed set of 50 queries, warm inside this
//!   process and as a whole `newsdex search` process, against ripgrep (or grep where ripgrep
//!   is not installed) scanning the raw files for the same words;
//! - index size against the raw bytes, and the peak resident memory of indexing and searching;
//! - a process that does nothing (`newsdex --version`, and the baseline tool's), the floor
//!   under every process figure and a measure of how often the machine stalls.
//!
//! Prints a Markdown report and writes it, with the figures as JSON, to the work folder
//! (`NEWSDEX_BENCH_DIR`, default `target/newsdex-bench`). Skips, saying why, when the data is
//! absent.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Parser;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING};
use tantivy::{doc, Index, IndexWriter, TantivyDocument};

use newsdex::cli::{Cli, Command as Sub};
use newsdex::index::Store;

#[path = "common/percentile.rs"]
mod percentile;
#[path = "common/queries.rs"]
mod queries;
use percentile::percentile;
use queries::{FACET_QUERIES, QUERIES};

/// Runs of each query inside this process (after one to warm up).
const WARM_RUNS: usize = 20;
/// Runs of each query as a `newsdex` process, and of ripgrep's (or grep's) scan for its
/// words. A class's 5 to 10 queries then give 100 to 200 samples of each, so that p99 (the
/// nearest rank) is the second or third slowest run. With 3 runs it was the slowest of 15
/// to 30, and with fewer than 100 samples it would still be the slowest: on a shared
/// machine, its worst hiccup rather than the query's cost.
const PROCESS_RUNS: usize = 20;

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data");
    let (bbc, reuters) = (data.join("bbc"), data.join("reuters21578"));
    if !bbc.is_dir() || !reuters.is_dir() {
        println!(
            "corpus benchmark skipped: {} or {} is absent (the data sits beside the project, not in it)",
            bbc.display(),
            reuters.display()
        );
        return Ok(());
    }
    let target: u64 = std::env::var("NEWSDEX_BENCH_PASSAGES")
        .ok()
        .map(|v| v.parse().context("NEWSDEX_BENCH_PASSAGES is not a number"))
        .transpose()?
        .unwrap_or(1_000_000);
    let work = std::env::var_os("NEWSDEX_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/newsdex-bench"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_newsdex"));
    if work.exists() {
        std::fs::remove_dir_all(&work).with_context(|| format!("clearing {}", work.display()))?;
    }
    std::fs::create_dir_all(&work)?;

    let mut report = Report {
        machine: machine(),
        grep: grep_tool(),
        ..Default::default()
    };
    eprintln!("bench: base corpus (reuters21578 + bbc)");
    let base = work.join("base");
    link_corpus(&bbc, &reuters, &base.join("r000"))?;
    report.tagging = Some(tagging_speed(&bbc)?);
    report.idle = vec![idle(&bin)?, idle(Path::new(&report.grep))?];
    let first = measure_corpus(
        "reuters21578 + bbc",
        &base,
        &work.join("base-index"),
        &bin,
        &report.grep,
    )?;
    let base_passages = first.passages;
    report.corpora.push(first);
    if target > base_passages {
        let copies = target.div_ceil(base_passages);
        eprintln!("bench: replicated corpus ({copies} copies for at least {target} passages)");
        let big = work.join("replicated");
        for c in 0..copies {
            link_corpus(&bbc, &reuters, &big.join(format!("r{c:03}")))?;
        }
        let name = format!("reuters21578 + bbc, {copies} copies");
        report.corpora.push(measure_corpus(
            &name,
            &big,
            &work.join("replicated-index"),
            &bin,
            &report.grep,
        )?);
    }
    let md = report.markdown();
    println!("{md}");
    std::fs::write(work.join("report.md"), &md)?;
    std::fs::write(
        work.join("report.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    eprintln!(
        "bench: report written to {}",
        work.join("report.md").display()
    );
    if std::env::var_os("NEWSDEX_BENCH_KEEP").is_none() {
        for dir in [
            "base-index",
            "replicated-index",
            "plain-index",
            "replicated",
        ] {
            let _ = std::fs::remove_dir_all(work.join(dir));
        }
    }
    Ok(())
}

/// Hard-links the BBC articles and the Reuters-21578 SGML files under `dest`: the same bytes
/// under new paths, so that copies cost no disk.
fn link_corpus(bbc: &Path, reuters: &Path, dest: &Path) -> Result<()> {
    for (src, sub, ext) in [(bbc, "bbc", "txt"), (reuters, "reuters", "sgm")] {
        for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
            let entry = entry?;
            let path = entry.path();
            if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != ext) {
                continue;
            }
            let rel = path.strip_prefix(src)?;
            if sub == "bbc" && rel.components().count() < 2 {
                continue; // README.TXT: not an article.
            }
            let to = dest.join(sub).join(rel);
            std::fs::create_dir_all(to.parent().unwrap())?;
            if std::fs::hard_link(path, &to).is_err() {
                std::fs::copy(path, &to)?;
            }
        }
    }
    Ok(())
}

#[derive(Default, Serialize)]
struct Report {
    machine: String,
    grep: String,
    tagging: Option<Tagging>,
    idle: Vec<Idle>,
    corpora: Vec<CorpusResult>,
}

/// A process that does nothing (`--version`), timed as the queries' processes are: the
/// machine's floor under every process figure, and how often it stalls.
#[derive(Serialize)]
struct Idle {
    command: String,
    p50_ms: f64,
    p99_ms: f64,
}

#[derive(Serialize)]
struct Tagging {
    tokens: usize,
    tokens_per_second: f64,
}

#[derive(Serialize)]
struct CorpusResult {
    name: String,
    files: usize,
    raw_bytes: u64,
    passages: u64,
    newsdex_seconds: f64,
    plain_seconds: f64,
    newsdex_peak_memory: u64,
    /// Private (anonymous) memory only, sampled by the indexer.
    newsdex_peak_private_memory: u64,
    index_bytes: u64,
    plain_index_bytes: u64,
    classes: Vec<ClassLatency>,
    search_peak_memory: u64,
    /// Queries that found nothing (still timed).
    empty_queries: Vec<String>,
}

#[derive(Serialize)]
struct ClassLatency {
    class: String,
    queries: usize,
    warm_p50_ms: f64,
    warm_p99_ms: f64,
    process_p50_ms: f64,
    process_p99_ms: f64,
    grep_p50_ms: f64,
    grep_p99_ms: f64,
}

/// Measures one corpus; `grep` is the baseline tool ("rg" or "grep").
fn measure_corpus(
    name: &str,
    corpus: &Path,
    index: &Path,
    bin: &Path,
    grep: &str,
) -> Result<CorpusResult> {
    let walk = newsdex::corpus::walk(corpus);
    let raw_bytes: u64 = walk.files.iter().map(|f| f.size).sum();
    let files = walk.files.len();

    eprintln!(
        "bench: {name}: newsdex index ({files} files, {:.0} MB)",
        raw_bytes as f64 / 1e6
    );
    let out = Command::new(bin)
        .args(["index", "--json", "--index"])
        .arg(index)
        .arg(corpus)
        .env("NEWSDEX_STATS", "1")
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Exit 1 says some input was skipped (one Reuters story has no text): still a run.
    if !matches!(out.status.code(), Some(0 | 1)) {
        bail!("newsdex index failed: {stderr}");
    }
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let newsdex_seconds = summary["seconds"].as_f64().unwrap_or(0.0);
    let passages = summary["passages_total"].as_u64().unwrap_or(0);
    let newsdex_peak_memory = stat(&stderr, "peak_memory_bytes").unwrap_or(0.0) as u64;
    let newsdex_peak_private_memory = summary["peak_private_memory_bytes"].as_u64().unwrap_or(0);

    eprintln!("bench: {name}: plain tantivy");
    let plain_dir = index.with_file_name("plain-index");
    let _ = std::fs::remove_dir_all(&plain_dir);
    let (plain_seconds, plain_passages) = plain_tantivy(&walk.files, &plain_dir)?;
    if plain_passages != passages {
        eprintln!(
            "bench: note: plain tantivy indexed {plain_passages} passages, newsdex {passages}"
        );
    }
    let plain_index_bytes = dir_size(&plain_dir);
    let _ = std::fs::remove_dir_all(&plain_dir);
    let index_bytes = dir_size(index);

    eprintln!("bench: {name}: queries");
    let store = Store::open(index)?;
    let mut classes: Vec<ClassLatency> = Vec::new();
    let mut empty_queries = Vec::new();
    let mut search_peak_memory = 0u64;
    // Per class: warm, process and grep latencies in milliseconds.
    type Samples<'a> = (&'a str, Vec<f64>, Vec<f64>, Vec<f64>);
    let mut samples: Vec<Samples> = Vec::new();
    let facet_queries = FACET_QUERIES.iter().map(|args| {
        let words: &[&str] = match args.first() {
            Some(w) if !w.starts_with("--") => std::slice::from_ref(w),
            _ => &["the"],
        };
        ("facet", *args, words)
    });
    for (class, args, words) in QUERIES.iter().copied().chain(facet_queries) {
        let subcommand = if class == "facet" {
            "entities"
        } else {
            "search"
        };
        let run = make_query(&store, subcommand, args)?;
        if !run()? {
            empty_queries.push(format!("{subcommand} {}", args.join(" ")));
        }
        let mut warm = Vec::new();
        for _ in 0..WARM_RUNS {
            let t = Instant::now();
            std::hint::black_box(run()?);
            warm.push(ms(t));
        }
        let mut process = Vec::new();
        for _ in 0..PROCESS_RUNS {
            let t = Instant::now();
            let (_, stderr) = run_drained(
                Command::new(bin)
                    .arg(subcommand)
                    .args(args)
                    .arg("--index")
                    .arg(index)
                    .env("NEWSDEX_STATS", "1"),
            )?;
            process.push(ms(t));
            let peak = stat(&stderr, "peak_memory_bytes").unwrap_or(0.0) as u64;
            search_peak_memory = search_peak_memory.max(peak);
        }
        let mut grep_runs = Vec::new();
        for _ in 0..PROCESS_RUNS {
            let mut command = grep_command(grep, words, corpus);
            let t = Instant::now();
            run_drained(&mut command)?;
            grep_runs.push(ms(t));
        }
        match samples.iter_mut().find(|s| s.0 == class) {
            Some(s) => {
                s.1.extend(warm);
                s.2.extend(process);
                s.3.extend(grep_runs);
            }
            None => samples.push((class, warm, process, grep_runs)),
        }
    }
    for (class, mut warm, mut process, mut grep) in samples {
        classes.push(ClassLatency {
            class: class.to_string(),
            queries: match class {
                "facet" => FACET_QUERIES.len(),
                _ => QUERIES.iter().filter(|q| q.0 == class).count(),
            },
            warm_p50_ms: percentile(&mut warm, 50.0),
            warm_p99_ms: percentile(&mut warm, 99.0),
            process_p50_ms: percentile(&mut process, 50.0),
            process_p99_ms: percentile(&mut process, 99.0),
            grep_p50_ms: percentile(&mut grep, 50.0),
            grep_p99_ms: percentile(&mut grep, 99.0),
        });
    }
    Ok(CorpusResult {
        name: name.to_string(),
        files,
        raw_bytes,
        passages,
        newsdex_seconds,
        plain_seconds,
        newsdex_peak_memory,
        newsdex_peak_private_memory,
        index_bytes,
        plain_index_bytes,
        classes,
        search_peak_memory,
        empty_queries,
    })
}

/// `program --version`, as many times as the largest class of queries runs as processes.
fn idle(program: &Path) -> Result<Idle> {
    let name = program.file_name().unwrap_or_default().to_string_lossy();
    let mut runs = Vec::new();
    for _ in 0..idle_runs() {
        let t = Instant::now();
        let (printed, stderr) = run_drained(Command::new(program).arg("--version"))?;
        runs.push(ms(t));
        if printed == 0 {
            bail!("{name} --version printed nothing: {stderr}");
        }
    }
    Ok(Idle {
        command: format!("{name} --version"),
        p50_ms: percentile(&mut runs, 50.0),
        p99_ms: percentile(&mut runs, 99.0),
    })
}

/// [`PROCESS_RUNS`] times the queries of the largest class.
fn idle_runs() -> usize {
    let classes = QUERIES.iter().map(|q| q.0);
    let largest = classes
        .clone()
        .map(|c| classes.clone().filter(|&d| d == c).count())
        .max()
        .unwrap_or(0);
    largest.max(FACET_QUERIES.len()) * PROCESS_RUNS
}

/// What `newsdex SUBCOMMAND ARGS` does (a search, or counting facets), as a function run in
/// this process that says whether it found anything.
fn make_query<'a>(
    store: &'a Store,
    subcommand: &str,
    args: &[&str],
) -> Result<Box<dyn Fn() -> Result<bool> + 'a>> {
    let cli = Cli::try_parse_from(["newsdex", subcommand].iter().chain(args))?;
    Ok(match cli.command {
        Sub::Search(s) => {
            let mut request = newsdex::commands::request(&s.query, &s.filters);
            request.limit = s.limit as usize;
            request.per_article = s.per_article as usize;
            request.sort = s.sort;
            Box::new(move || Ok(!newsdex::search::search(store, &request)?.hits.is_empty()))
        }
        Sub::Entities(e) => {
            let request = newsdex::commands::request(&e.query, &e.filters);
            Box::new(move || {
                Ok(
                    !newsdex::search::facets::entities(store, &request, e.kind, e.limit)?
                        .is_empty(),
                )
            })
        }
        _ => bail!("not a search"),
    })
}

/// ripgrep where it is installed, else grep: case-insensitive fixed strings, every match with
/// its line number, as a user would run it.
fn grep_command(tool: &str, words: &[&str], corpus: &Path) -> Command {
    let mut cmd;
    if tool == "rg" {
        cmd = Command::new("rg");
        cmd.args(["-n", "-i", "-F", "--no-heading"]);
    } else {
        cmd = Command::new("grep");
        cmd.args(["-r", "-n", "-i", "-F"]);
    }
    for w in words {
        cmd.arg("-e").arg(w);
    }
    cmd.arg(corpus);
    cmd
}

fn grep_tool() -> String {
    let rg = Command::new("rg")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if rg.is_ok_and(|s| s.success()) {
        "rg".into()
    } else {
        "grep".into()
    }
}

/// Runs a command, reading (and dropping) all it prints, as a pipe to a reader would: grep
/// stops at the first match when it sees its output is /dev/null. Returns the bytes of stdout
/// and stderr's text.
fn run_drained(cmd: &mut Command) -> Result<(usize, String)> {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0;
    loop {
        let k = stdout.read(&mut buf)?;
        if k == 0 {
            break;
        }
        n += k;
    }
    child.wait()?;
    Ok((n, err.join().unwrap_or_default()))
}

/// Indexes `files` the plain way: read, split into passages, and add each passage's path,
/// title and body (the same text options and analyzer as newsdex) to tantivy, with the same
/// writer memory and the reading in parallel, one commit at the end. Returns the seconds
/// taken and the passages indexed.
fn plain_tantivy(files: &[newsdex::corpus::FileEntry], dir: &Path) -> Result<(f64, u64)> {
    let started = Instant::now();
    let mut b = Schema::builder();
    let text = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let path = b.add_text_field("path", STRING | STORED);
    let title = b.add_text_field("title", text.clone());
    let body = b.add_text_field("body", text);
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, b.build())?;
    let mut writer: IndexWriter<TantivyDocument> = index.writer(256 * 1024 * 1024)?;
    let mut passages = 0u64;
    for batch in files.chunks(256) {
        let docs: Vec<Vec<TantivyDocument>> = batch
            .par_iter()
            .map(|f| {
                let Ok(bytes) = std::fs::read(&f.fs_path) else {
                    return Vec::new();
                };
                let Ok(parsed) = newsdex::corpus::read(&f.path, f.format, &bytes) else {
                    return Vec::new();
                };
                let mut docs = Vec::new();
                for a in &parsed.articles {
                    for p in a.passages() {
                        docs.push(
                            doc!(path => f.path.clone(), title => a.title.clone(), body => p.text),
                        );
                    }
                }
                docs
            })
            .collect();
        for d in docs.into_iter().flatten() {
            passages += 1;
            writer.add_document(d)?;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok((started.elapsed().as_secs_f64(), passages))
}

/// Tokens per second of the recognizer on one core, over BBC articles.
fn tagging_speed(bbc: &Path) -> Result<Tagging> {
    use newsdex::annotate::tokenize::{sentences, tokenize};
    let model = newsdex::annotate::ner::Model::get().context("no NER model compiled in")?;
    let mut texts = Vec::new();
    for entry in walkdir::WalkDir::new(bbc).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() && entry.depth() == 2 {
            let bytes = std::fs::read(entry.path())?;
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    let started = Instant::now();
    let mut tokens = 0;
    for text in &texts {
        let toks = tokenize(text);
        let sents: Vec<Vec<&str>> = sentences(text, &toks)
            .into_iter()
            .map(|r| toks[r].iter().map(|t| t.text(text)).collect())
            .collect();
        tokens += toks.len();
        std::hint::black_box(model.tag_document(&sents));
    }
    let seconds = started.elapsed().as_secs_f64();
    Ok(Tagging {
        tokens,
        tokens_per_second: tokens as f64 / seconds,
    })
}

fn stat(stderr: &str, key: &str) -> Option<f64> {
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("newsdex: stats:"))?;
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or("?".into(), |kb| format!("{:.0} GiB", kb / 1048576.0));
    format!("{cpu}, {cores} cores, {mem} RAM")
}

fn mb(b: u64) -> f64 {
    b as f64 / 1e6
}

impl Report {
    fn markdown(&self) -> String {
        let mut s = String::new();
        s += &format!(
            "Machine: {}. Baseline search tool: {}.\n\n",
            self.machine, self.grep
        );
        if let Some(t) = &self.tagging {
            s += &format!(
                "Entity tagging, one core, BBC articles: {:.0} tokens/s ({} tokens).\n\n",
                t.tokens_per_second, t.tokens
            );
        }
        if !self.idle.is_empty() {
            let idle: Vec<String> = self
                .idle
                .iter()
                .map(|i| {
                    format!(
                        "`{}` p50 {:.1}, p99 {:.1} ms",
                        i.command, i.p50_ms, i.p99_ms
                    )
                })
                .collect();
            s += &format!(
                "A process that does nothing, {} runs before the first corpus: {}.\n\n",
                idle_runs(),
                idle.join("; ")
            );
        }
        for c in &self.corpora {
            let ours = mb(c.raw_bytes) / c.newsdex_seconds;
            let plain = mb(c.raw_bytes) / c.plain_seconds;
            s += &format!(
                "### {} — {} files, {:.0} MB, {} passages\n\n",
                c.name,
                c.files,
                mb(c.raw_bytes),
                c.passages
            );
            s += "| indexing | seconds | MB/s | passages/s | index size | index / raw |\n|---|---|---|---|---|---|\n";
            let row = |what: &str, seconds: f64, index_bytes: u64| {
                format!(
                    "| {what} | {seconds:.1} | {:.2} | {:.0} | {:.0} MB | {:.2} |\n",
                    mb(c.raw_bytes) / seconds,
                    c.passages as f64 / seconds,
                    mb(index_bytes),
                    index_bytes as f64 / c.raw_bytes as f64
                )
            };
            s += &row("newsdex, all extraction", c.newsdex_seconds, c.index_bytes);
            s += &row(
                "plain tantivy, no extraction",
                c.plain_seconds,
                c.plain_index_bytes,
            );
            s += "\n";
            s += &format!(
                "newsdex indexes at **{:.0}%** of plain tantivy's throughput. Peak memory: indexing {:.0} MB resident ({:.0} MB private; the rest is mapped index pages), searching {:.0} MB.\n\n",
                100.0 * ours / plain,
                mb(c.newsdex_peak_memory),
                mb(c.newsdex_peak_private_memory),
                mb(c.search_peak_memory)
            );
            s += &format!(
                "| query class | queries | warm p50 ms | warm p99 ms | process p50 ms | process p99 ms | {g} p50 ms | {g} p99 ms | p99 {g} / process |\n|---|---|---|---|---|---|---|---|---|\n",
                g = self.grep
            );
            for q in &c.classes {
                s += &format!(
                    "| {} | {} | {:.2} | {:.2} | {:.1} | {:.1} | {:.0} | {:.0} | {:.0}× |\n",
                    q.class,
                    q.queries,
                    q.warm_p50_ms,
                    q.warm_p99_ms,
                    q.process_p50_ms,
                    q.process_p99_ms,
                    q.grep_p50_ms,
                    q.grep_p99_ms,
                    q.grep_p99_ms / q.process_p99_ms
                );
            }
            if !c.empty_queries.is_empty() {
                s += &format!("\nQueries with no hits: {}\n", c.empty_queries.join("; "));
            }
            s += "\n";
        }
        s
    }
}
