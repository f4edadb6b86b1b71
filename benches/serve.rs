//! The web page under the corpus benchmark's queries: `cargo bench --bench serve`.
//!
//! Serves an index (`NEWSDEX_SERVE_INDEX`, or else the base corpus of the corpus benchmark,
//! Reuters-21578 plus BBC, indexed here) with `newsdex serve` on loopback, then:
//! - the server time of each page (its `Server-Timing`) for the benchmark's queries as search
//!   pages, and its facet queries as `/api/entities`, 20 runs each after one untimed: p50 and
//!   p99 per class;
//! - a bounded load test: `NEWSDEX_SERVE_CLIENTS` clients (20) asking those pages in turn for
//!   `NEWSDEX_SERVE_SECONDS` (30): requests per second, errors, the client-side p50 and p99,
//!   and the server's resident memory before, during and after.
//!
//! Prints a report and writes it as JSON to `target/newsdex-bench/serve.json`. Skips, saying
//! why, without the data (when no index is given).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::json;

#[path = "common/percentile.rs"]
mod percentile;
#[path = "common/queries.rs"]
mod queries;
use percentile::percentile;
use queries::{FACET_QUERIES, QUERIES};

/// Runs of each page for its server time.
const RUNS: usize = 20;

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_newsdex"));
    let index = match std::env::var_os("NEWSDEX_SERVE_INDEX") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let data = root.join("../shared/data");
            if !data.is_dir() {
                eprintln!("serve: skipping: ../shared/data is not beside the repository, and NEWSDEX_SERVE_INDEX is not set");
                return Ok(());
            }
            base_index(&bin, &data, &root.join("target/newsdex-bench/serve"))?
        }
    };
    let clients: usize = env_or("NEWSDEX_SERVE_CLIENTS", 20)?;
    let seconds: u64 = env_or("NEWSDEX_SERVE_SECONDS", 30)?;
    let pages = pages();
    let server = Server::start(&bin, &index)?;

    let mut classes = Vec::new();
    for class in [
        "word", "phrase", "boolean", "entity", "figure", "agency", "date", "facet",
    ] {
        let mut times = Vec::new();
        for (_, url) in pages.iter().filter(|(c, _)| *c == class) {
            // Once untimed first, as a running server has read its index: the first
            // request of a query reads index pages from disk.
            server.get(url)?;
            for _ in 0..RUNS {
                times.push(server.get(url)?.1);
            }
        }
        let (p50, p99) = (percentile(&mut times, 50.0), percentile(&mut times, 99.0));
        println!("serve: {class:<8} server time p50 {p50:7.2} ms  p99 {p99:7.2} ms");
        classes.push(json!({"class": class, "server_p50_ms": p50, "server_p99_ms": p99}));
    }

    let rss_before = server.rss_kb();
    let load = load_test(&server, &pages, clients, Duration::from_secs(seconds))?;
    let rss_after = server.rss_kb();
    println!(
        "serve: load: {clients} clients for {seconds} s: {} requests ({:.0}/s), {} errors, client p50 {:.2} ms p99 {:.2} ms; server memory {} MB before, {} MB at most during, {} MB after",
        load.requests,
        load.requests as f64 / seconds as f64,
        load.errors,
        load.p50,
        load.p99,
        rss_before / 1024,
        load.rss_max_kb / 1024,
        rss_after / 1024
    );
    let report = json!({
        "index": index.display().to_string(),
        "classes": classes,
        "load": {"clients": clients, "seconds": seconds, "requests": load.requests,
            "errors": load.errors, "p50_ms": load.p50, "p99_ms": load.p99,
            "rss_before_kb": rss_before, "rss_max_kb": load.rss_max_kb, "rss_after_kb": rss_after},
    });
    let out = root.join("target/newsdex-bench");
    std::fs::create_dir_all(&out)?;
    std::fs::write(
        out.join("serve.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    if load.errors > 0 {
        bail!("{} requests failed under load", load.errors);
    }
    Ok(())
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> Result<T> {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .ok()
            .with_context(|| format!("{name} is not a number")),
        Err(_) => Ok(default),
    }
}

/// Reuters-21578 and BBC indexed into `work/index` (kept between runs when it is there).
fn base_index(bin: &Path, data: &Path, work: &Path) -> Result<PathBuf> {
    let corpus = work.join("corpus");
    let index = work.join("index");
    if !index.join("newsdex.json").is_file() {
        std::fs::create_dir_all(&corpus)?;
        for (from, to) in [("bbc", "bbc"), ("reuters21578", "reuters")] {
            let link = corpus.join(to);
            if !link.exists() {
                std::os::unix::fs::symlink(data.join(from), &link)?;
            }
        }
        eprintln!("serve: indexing Reuters-21578 and BBC");
        let status = Command::new(bin)
            .arg("index")
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .stderr(Stdio::null())
            .status()?;
        if !status.success() {
            bail!("indexing the base corpus failed");
        }
    }
    Ok(index)
}

/// The benchmark's queries as page URLs (search pages; facet queries as `/api/entities`).
fn pages() -> Vec<(&'static str, String)> {
    let search = QUERIES
        .iter()
        .map(|(class, args, _)| (*class, format!("/?{}", params(args))));
    let facets = FACET_QUERIES
        .iter()
        .map(|args| ("facet", format!("/api/entities?{}", params(args))));
    search.chain(facets).collect()
}

/// CLI arguments as URL parameters: words as `q`, `--person X` as `person=X`.
fn params(args: &[&str]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut words = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].strip_prefix("--") {
            Some(flag) => {
                out.append_pair(
                    &flag.replace('-', "_"),
                    args.get(i + 1).copied().unwrap_or(""),
                );
                i += 2;
            }
            None => {
                words.push(args[i]);
                i += 1;
            }
        }
    }
    if !words.is_empty() {
        out.append_pair("q", &words.join(" "));
    }
    out.finish()
}

/// A running `newsdex serve`.
struct Server {
    child: std::process::Child,
    base: String,
}

impl Server {
    fn start(bin: &Path, index: &Path) -> Result<Server> {
        use std::io::BufRead;
        let mut child = Command::new(bin)
            .args(["serve", "--bind", "127.0.0.1:0", "--index"])
            .arg(index)
            .stderr(Stdio::piped())
            .spawn()?;
        let mut stderr = std::io::BufReader::new(child.stderr.take().context("no stderr")?);
        let mut line = String::new();
        stderr.read_line(&mut line)?;
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next());
        let base = format!(
            "http://{}",
            addr.with_context(|| format!("serve said: {line}"))?
        );
        std::thread::spawn(move || for _ in stderr.lines() {});
        Ok(Server { child, base })
    }

    /// GETs a page: its status and the server time it reports, in milliseconds.
    fn get(&self, url: &str) -> Result<(u16, f64)> {
        let r = ureq::get(&format!("{}{url}", self.base)).call()?;
        let took = r
            .header("Server-Timing")
            .and_then(|t| t.split("dur=").nth(1))
            .and_then(|d| d.split(',').next()?.parse().ok())
            .context("no Server-Timing")?;
        Ok((r.status(), took))
    }

    /// The server's resident memory, in KB.
    fn rss_kb(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_string();
                line.split_whitespace().nth(1)?.parse().ok()
            })
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Load {
    requests: usize,
    errors: usize,
    p50: f64,
    p99: f64,
    rss_max_kb: u64,
}

/// `clients` threads asking the pages in turn for `time`; latencies as the clients see them.
fn load_test(
    server: &Server,
    pages: &[(&str, String)],
    clients: usize,
    time: Duration,
) -> Result<Load> {
    let stop = Arc::new(AtomicBool::new(false));
    let urls: Arc<Vec<String>> = Arc::new(
        pages
            .iter()
            .map(|(_, u)| format!("{}{u}", server.base))
            .collect(),
    );
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let (stop, urls) = (Arc::clone(&stop), Arc::clone(&urls));
            std::thread::spawn(move || {
                let agent = ureq::AgentBuilder::new()
                    .timeout(Duration::from_secs(30))
                    .build();
                let (mut times, mut errors) = (Vec::new(), 0usize);
                let mut first_error: Option<String> = None;
                let mut i = c * 7;
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    let answer = agent.get(&urls[i % urls.len()]).call();
                    match answer
                        .map_err(|e| e.to_string())
                        .and_then(|r| r.into_string().map_err(|e| e.to_string()))
                    {
                        Ok(_) => times.push(t.elapsed().as_secs_f64() * 1e3),
                        Err(e) => {
                            errors += 1;
                            first_error
                                .get_or_insert_with(|| format!("{}: {e}", urls[i % urls.len()]));
                        }
                    }
                    i += 1;
                }
                if let Some(e) = first_error {
                    eprintln!("serve: load: client {c}: first error: {e}");
                }
                (times, errors)
            })
        })
        .collect();
    let started = Instant::now();
    let mut rss_max_kb = 0;
    while started.elapsed() < time {
        std::thread::sleep(Duration::from_millis(500));
        rss_max_kb = rss_max_kb.max(server.rss_kb());
    }
    stop.store(true, Ordering::Relaxed);
    let (mut times, mut errors) = (Vec::new(), 0);
    for t in threads {
        let (t, e) = t.join().map_err(|_| anyhow::anyhow!("a client panicked"))?;
        times.extend(t);
        errors += e;
    }
    Ok(Load {
        requests: times.len() + errors,
        errors,
        p50: percentile(&mut times, 50.0),
        p99: percentile(&mut times, 99.0),
        rss_max_kb,
    })
}
