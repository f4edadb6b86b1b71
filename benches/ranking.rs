//! Ranking quality: newsdex's first page against a plain BM25 over the same passages, on the
//! judged queries of `benches/judged/` (BBC and Reuters-21578 from `../shared/data`).
//!
//! `cargo bench --bench ranking` indexes the two collections, runs every query of
//! `queries.json` through each system, writes the pooled passages (with those still unjudged
//! marked) to `target/newsdex-bench/ranking/pool.json` for judging, and scores the systems
//! with the grades of `judgments.json` (0 not relevant, 1 partly, 2 relevant; a passage not
//! judged counts as 0 and is reported): nDCG@10, P@5 (grade 1 or more) and MRR, per query
//! class and overall (and nDCG@10 per query, in `per_query.json` beside the report).
//!
//! The systems:
//! - `newsdex`: `newsdex search QUERY` as a user runs it (grouped by article, 10 passages);
//! - `bm25`: the same index's passage bodies, BM25, the words OR-ed, top 10 passages;
//! - `before`: with `NEWSDEX_RANKING_BEFORE=/path/to/older/newsdex`, that binary's
//!   `search --json` over an index it builds itself (for before/after reports).
//!
//! A passage is keyed by its article id (path below the corpus and ordinal), its line and a
//! hash of its text, so that judgments survive re-indexing and a changed passage is judged
//! anew.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use newsdex::index::Store;
use newsdex::search::{search, Request};

/// Cut-offs of the measures.
const DEPTH: usize = 10;
const PRECISION_AT: usize = 5;

#[derive(Deserialize)]
struct JudgedQuery {
    id: String,
    class: String,
    query: String,
    need: String,
}

/// A passage a system returned, as shown to a judge.
#[derive(Serialize, Clone)]
struct Pooled {
    key: String,
    path: String,
    line: u64,
    title: String,
    text: String,
}

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("../shared/data");
    if !data.join("bbc").is_dir() || !data.join("reuters21578").is_dir() {
        eprintln!(
            "ranking: skipping: ../shared/data (bbc, reuters21578) is not beside the repository"
        );
        return Ok(());
    }
    let judged = root.join("benches/judged");
    let queries: Vec<JudgedQuery> =
        serde_json::from_str(&std::fs::read_to_string(judged.join("queries.json"))?)?;
    let judgments: BTreeMap<String, BTreeMap<String, u8>> =
        match std::fs::read_to_string(judged.join("judgments.json")) {
            Ok(text) => serde_json::from_str(&text).context("reading judgments.json")?,
            Err(_) => BTreeMap::new(),
        };
    let work = root.join("target/newsdex-bench/ranking");
    let corpus = work.join("corpus");
    if !corpus.is_dir() {
        std::fs::create_dir_all(&corpus)?;
        for name in ["bbc", "reuters21578"] {
            std::os::unix::fs::symlink(data.join(name).canonicalize()?, corpus.join(name))?;
        }
    }
    let newsdex = PathBuf::from(env!("CARGO_BIN_EXE_newsdex"));
    let index = work.join("index");
    build_index(&newsdex, &corpus, &index)?;
    let store = Store::open(&index)?;
    let prefix = format!("{}/", corpus.display());

    let mut runs: BTreeMap<&str, Vec<Vec<Pooled>>> = BTreeMap::new();
    for q in &queries {
        let req = Request {
            query: Some(q.query.clone()),
            ..Request::default()
        };
        let hits = search(&store, &req).map(|r| r.hits).unwrap_or_default();
        runs.entry("newsdex").or_default().push(
            hits.iter()
                .map(|h| pooled(&prefix, &h.article_id, h.line, &h.title, &h.text))
                .collect(),
        );
        runs.entry("bm25")
            .or_default()
            .push(bm25(&store, &q.query, &prefix)?);
    }
    if let Some(before) = std::env::var_os("NEWSDEX_RANKING_BEFORE") {
        let before = PathBuf::from(before);
        let before_index = work.join("index-before");
        build_index(&before, &corpus, &before_index)?;
        for q in &queries {
            runs.entry("before").or_default().push(by_process(
                &before,
                &before_index,
                &q.query,
                &prefix,
            )?);
        }
    }

    // The pool: every passage any system returned, judged or not.
    let mut pool = Vec::new();
    let mut unjudged_total = 0;
    for (i, q) in queries.iter().enumerate() {
        let mut seen: BTreeMap<String, Pooled> = BTreeMap::new();
        for lists in runs.values() {
            for p in &lists[i] {
                seen.entry(p.key.clone()).or_insert_with(|| p.clone());
            }
        }
        let grades = judgments.get(&q.id);
        let passages: Vec<serde_json::Value> = seen
            .into_values()
            .map(|p| {
                let grade = grades.and_then(|g| g.get(&p.key)).copied();
                if grade.is_none() {
                    unjudged_total += 1;
                }
                serde_json::json!({"key": p.key, "path": p.path, "line": p.line, "title": p.title, "text": p.text, "grade": grade})
            })
            .collect();
        pool.push(serde_json::json!({"id": q.id, "class": q.class, "query": q.query, "need": q.need, "passages": passages}));
    }
    std::fs::write(work.join("pool.json"), serde_json::to_string_pretty(&pool)?)?;
    println!(
        "ranking: {} queries, {} pooled passages not yet judged (target/newsdex-bench/ranking/pool.json)",
        queries.len(),
        unjudged_total
    );

    // Scores per system and class.
    let mut classes: Vec<&str> = queries.iter().map(|q| q.class.as_str()).collect();
    classes.sort();
    classes.dedup();
    classes.push("all");
    println!(
        "{:<11} {:<8} {:>4} {:>8} {:>6} {:>6} {:>6} {:>9}",
        "class", "system", "n", "nDCG@10", "P@5", "MRR", "empty", "unjudged"
    );
    let mut report = Vec::new();
    let mut per_query = Vec::new();
    for class in &classes {
        for (system, lists) in &runs {
            let mut m = [0.0f64; 3];
            let (mut n, mut empty, mut unjudged) = (0, 0, 0);
            for (i, q) in queries.iter().enumerate() {
                if *class != "all" && q.class != *class {
                    continue;
                }
                let empty_map = BTreeMap::new();
                let grades = judgments.get(&q.id).unwrap_or(&empty_map);
                let got: Vec<Option<u8>> = lists[i]
                    .iter()
                    .take(DEPTH)
                    .map(|p| grades.get(&p.key).copied())
                    .collect();
                unjudged += got.iter().filter(|g| g.is_none()).count();
                empty += usize::from(got.is_empty());
                let got: Vec<u8> = got.into_iter().map(|g| g.unwrap_or(0)).collect();
                let mut ideal: Vec<u8> = grades.values().copied().collect();
                ideal.sort_unstable_by(|a, b| b.cmp(a));
                let score = ndcg(&got, &ideal);
                if *class == "all" {
                    per_query.push(serde_json::json!({"id": q.id, "class": q.class, "query": q.query, "system": system, "ndcg10": score}));
                }
                m[0] += score;
                m[1] += got.iter().take(PRECISION_AT).filter(|&&g| g >= 1).count() as f64
                    / PRECISION_AT as f64;
                m[2] += got
                    .iter()
                    .position(|&g| g >= 1)
                    .map_or(0.0, |r| 1.0 / (r + 1) as f64);
                n += 1;
            }
            let n_f = n.max(1) as f64;
            println!(
                "{:<11} {:<8} {:>4} {:>8.4} {:>6.3} {:>6.3} {:>6} {:>9}",
                class,
                system,
                n,
                m[0] / n_f,
                m[1] / n_f,
                m[2] / n_f,
                empty,
                unjudged
            );
            report.push(serde_json::json!({"class": class, "system": system, "queries": n, "ndcg10": m[0] / n_f, "p5": m[1] / n_f, "mrr": m[2] / n_f, "empty": empty, "unjudged": unjudged}));
        }
    }
    std::fs::write(
        work.join("report.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    std::fs::write(
        work.join("per_query.json"),
        serde_json::to_string_pretty(&per_query)?,
    )?;
    Ok(())
}

/// nDCG of the grades in rank order against the ideal order of every judged grade.
fn ndcg(got: &[u8], ideal: &[u8]) -> f64 {
    let dcg = |g: &[u8]| -> f64 {
        g.iter()
            .take(DEPTH)
            .enumerate()
            .map(|(i, &g)| ((1u32 << g) - 1) as f64 / ((i + 2) as f64).log2())
            .sum()
    };
    let best = dcg(ideal);
    if best == 0.0 {
        0.0
    } else {
        dcg(got) / best
    }
}

/// A passage's pool entry; its key is its article id below the corpus, its line and a hash of
/// its text.
fn pooled(prefix: &str, article_id: &str, line: u64, title: &str, text: &str) -> Pooled {
    let id = article_id.strip_prefix(prefix).unwrap_or(article_id);
    let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
    Pooled {
        key: format!("{id}:{line}:{:08x}", hash >> 32),
        path: id.split('#').next().unwrap_or(id).to_string(),
        line,
        title: title.to_string(),
        text: text.to_string(),
    }
}

/// Plain BM25: the passage bodies of the same index, the query's words OR-ed, top passages.
fn bm25(store: &Store, q: &str, prefix: &str) -> Result<Vec<Pooled>> {
    let f = &store.fields;
    let parser = QueryParser::for_index(&store.index, vec![f.body]);
    let (query, _) = parser.parse_query_lenient(q);
    let searcher = store.index.reader()?.searcher();
    let top = searcher.search(&query, &TopDocs::with_limit(DEPTH).order_by_score())?;
    let mut out = Vec::new();
    for (_, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let s = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let line = doc.get_first(f.line).and_then(|v| v.as_u64()).unwrap_or(0);
        out.push(pooled(prefix, &s(f.id), line, &s(f.title), &s(f.body)));
    }
    Ok(out)
}

/// Builds or updates the index of `corpus` (rebuilt when an older newsdex wrote it).
fn build_index(bin: &Path, corpus: &Path, index: &Path) -> Result<()> {
    let run = |rebuild: bool| {
        let mut cmd = Command::new(bin);
        cmd.arg("index").arg(corpus).arg("--index").arg(index);
        if rebuild {
            cmd.arg("--rebuild");
        }
        cmd.output()
    };
    let mut out = run(false)?;
    if String::from_utf8_lossy(&out.stderr).contains("schema version") {
        out = run(true)?;
    }
    if !matches!(out.status.code(), Some(0 | 1)) {
        bail!(
            "{} index failed: {}",
            bin.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// The first page of `bin search QUERY --json`.
fn by_process(bin: &Path, index: &Path, q: &str, prefix: &str) -> Result<Vec<Pooled>> {
    let out = Command::new(bin)
        .arg("search")
        .arg(q)
        .arg("--json")
        .arg("--index")
        .arg(index)
        .output()?;
    let mut hits = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let h: serde_json::Value = serde_json::from_str(line)?;
        let s = |k: &str| h[k].as_str().unwrap_or("").to_string();
        hits.push(pooled(
            prefix,
            &s("article_id"),
            h["line"].as_u64().unwrap_or(0),
            &s("title"),
            &s("text"),
        ));
    }
    Ok(hits)
}
