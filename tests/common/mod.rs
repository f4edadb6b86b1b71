//! Helpers shared by the integration tests: run the binary, write corpora, read JSON output.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub fn newsdex() -> Command {
    let mut cmd = Command::cargo_bin("newsdex").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Writes `content` to `dir/rel`, creating folders.
pub fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, content).unwrap();
    path
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Indexes `corpus` into `index`, returning the run and its JSON summary.
pub fn index(corpus: &Path, index: &Path, extra: &[&str]) -> (Run, Value) {
    let r = run(newsdex()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .arg("--json")
        .args(extra));
    let summary = serde_json::from_str(r.stdout.trim()).unwrap_or(Value::Null);
    (r, summary)
}

/// Searches `index` with `args`, returning the hits as JSON values and the exit code.
pub fn search(index: &Path, args: &[&str]) -> (Vec<Value>, Run) {
    let r = run(newsdex()
        .arg("search")
        .args(args)
        .arg("--index")
        .arg(index)
        .arg("--json"));
    let hits = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line of --json output is a JSON object"))
        .collect();
    (hits, r)
}

/// What `newsdex extract FILE --json` reports, one object per article (it must succeed).
pub fn extract_json(path: &Path) -> Vec<Value> {
    let r = run(newsdex().arg("extract").arg(path).arg("--json"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line of --json output is a JSON object"))
        .collect()
}

/// The report of the first article of a file (see [`extract_json`]).
pub fn extract_first(path: &Path) -> Value {
    extract_json(path).remove(0)
}

/// The repository's own shipped corpus.
pub fn shipped_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `../shared/data` beside the repository, or `None` (with a note on stderr) when absent.
/// Under CI (`CI` set) its absence fails the test instead: there a skip would hide a test
/// that never ran.
pub fn shared_data(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else if std::env::var_os("CI").is_some() {
        panic!("{test}: ../shared/data is not beside the repository, and CI is set");
    } else {
        eprintln!("skipping {test}: ../shared/data is not beside the repository");
        None
    }
}

pub fn texts(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["text"].as_str().unwrap().to_string())
        .collect()
}

/// Runs `newsdex entities ARGS --json --index INDEX` and returns its objects.
pub fn facets(index: &Path, args: &[&str]) -> Vec<Value> {
    let r = run(newsdex()
        .arg("entities")
        .args(args)
        .arg("--json")
        .arg("--index")
        .arg(index));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line of --json output is a JSON object"))
        .collect()
}

/// A corpus of the shipped seed article (as `seed.md`) and `extra` (path, content) files,
/// indexed; returns the temporary folder (keep it alive) and the index.
pub fn seed_corpus_index(extra: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::TempDir::new().unwrap();
    let c = tmp.path().join("c");
    std::fs::create_dir_all(&c).unwrap();
    std::fs::copy(
        shipped_corpus().join("north-korea-troops-russia.md"),
        c.join("seed.md"),
    )
    .unwrap();
    for (rel, content) in extra {
        write(&c, rel, content);
    }
    let idx = tmp.path().join("idx");
    let (r, _) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    (tmp, idx)
}

/// The file name of a hit's path.
pub fn file_name(hit: &Value) -> String {
    hit["path"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

/// A running `newsdex serve`, stopped when dropped.
pub struct Served {
    pub child: std::process::Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `newsdex serve --index INDEX` on a free loopback port, and waits until it listens.
pub fn serve(index: &Path) -> Served {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["serve", "--bind", "127.0.0.1:0", "--index"])
        .arg(index)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let base = line
        .split("at ")
        .nth(1)
        .and_then(|rest| rest.split('/').nth(2))
        .map(|addr| format!("http://{addr}"))
        .unwrap_or_else(|| panic!("serve did not say where it listens: {line}"));
    // Keep reading its log, so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in stderr.lines() {});
    Served { child, base }
}

/// GET `url`: the status and the body.
pub fn get(url: &str) -> (u16, String) {
    match ureq::get(url).call() {
        Ok(r) => (r.status(), r.into_string().unwrap()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap()),
        Err(e) => panic!("GET {url}: {e}"),
    }
}
