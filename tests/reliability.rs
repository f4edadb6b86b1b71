//! Interrupted runs, concurrent use and hostile input: each has a defined outcome, never a
//! panic, and the index stays usable.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use tempfile::TempDir;

/// A corpus big enough that indexing takes a few seconds: `n` files of several paragraphs.
fn make_corpus(dir: &Path, n: usize) {
    let para = "The army of North Korea moved 12,000 soldiers to Russia, Yonhap News Agency reported on Friday. \
                Officials in Seoul said the deployment began last week and that more troops could follow soon.";
    for i in 0..n {
        let body: String = (0..12)
            .map(|k| format!("{para} Item {i} part {k}.\n\n"))
            .collect();
        write(
            dir,
            &format!("d{:02}/f{i:05}.txt", i % 20),
            format!("Story {i}\n\n{body}"),
        );
    }
}

fn spawn_index(corpus: &Path, index: &Path) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_with_timeout(child: &mut Child, limit: Duration) -> Option<i32> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

/// Sends a signal to a child process (`STOP`, `CONT`, `INT`).
fn signal(child: &Child, name: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{name}");
}

/// Stops an indexing run as soon as its writer holds the index's lock, so that the test
/// acts while the run is certainly in progress (it goes on with [`signal`] `CONT`). Fails
/// if the run ends first.
fn pause_once_writing(child: &mut Child, index: &Path) {
    let lock = index.join(".tantivy-writer.lock");
    let start = Instant::now();
    while !lock.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be paused"
        );
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no writer lock in 60 s"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    signal(child, "STOP");
}

/// The index opens and answers a query (exit 0 or 1, never an error).
fn assert_usable(index: &Path) {
    let (_, r) = search(index, &["soldiers"]);
    assert!(
        r.code == 0 || r.code == 1,
        "search after an interruption: {} {}",
        r.code,
        r.stderr
    );
    assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
}

/// Waits (at most a minute) until an indexing run has committed a batch: its manifest (written
/// just before the commit that names it) is there, and half a second more.
fn wait_for_a_commit(index: &Path, child: &mut std::process::Child) {
    let started = std::time::Instant::now();
    let committed = || {
        std::fs::read_dir(index).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("manifest-"))
        })
    };
    while !committed() && started.elapsed() < Duration::from_secs(60) {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
}

#[test]
fn a_killed_run_leaves_the_last_commit_and_the_next_run_finishes_the_job() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("c");
    make_corpus(&corpus, 1200);
    let index = tmp.path().join("idx");
    // Killed at once, soon, and (the last time) just after its first commit, however slow
    // the machine is.
    for delay in [300, 1500, 0] {
        let mut child = spawn_index(&corpus, &index);
        if delay > 0 {
            std::thread::sleep(Duration::from_millis(delay));
        } else {
            wait_for_a_commit(&index, &mut child);
        }
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if index.join("newsdex.json").is_file() {
            assert_usable(&index);
        }
    }
    let (r, s) = common::index(&corpus, &index, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s["articles_total"], 1200, "{s}");
    let done_before = s["files_unchanged"].as_u64().unwrap();
    assert_eq!(s["files_read"].as_u64().unwrap() + done_before, 1200, "{s}");
    assert!(done_before > 0, "the killed runs kept nothing: {s}");
    let (hits, _) = search(&index, &["\"Item 1199 part 11\""]);
    assert_eq!(hits.len(), 1);
}

#[test]
fn ctrl_c_stops_promptly_and_keeps_the_last_commit() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("c");
    make_corpus(&corpus, 1200);
    let index = tmp.path().join("idx");
    let mut child = spawn_index(&corpus, &index);
    // Ctrl-C arrives while the run is certainly writing: sent while it is stopped, it is
    // handled as soon as the run goes on.
    pause_once_writing(&mut child, &index);
    signal(&child, "INT");
    signal(&child, "CONT");
    let code = wait_with_timeout(&mut child, Duration::from_secs(20))
        .expect("stopped within 20 s of Ctrl-C");
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert_eq!(code, 130, "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert_usable(&index);
    let (r, s) = common::index(&corpus, &index, &[]);
    assert_eq!(r.code, 0);
    assert_eq!(s["articles_total"], 1200);
}

#[test]
fn a_second_writer_is_refused_while_searches_go_on() {
    let tmp = TempDir::new().unwrap();
    let corpus = tmp.path().join("c");
    make_corpus(&corpus, 1200);
    let index = tmp.path().join("idx");
    let mut first = spawn_index(&corpus, &index);
    // The second run starts while the first certainly holds the lock.
    pause_once_writing(&mut first, &index);
    let (r, _) = common::index(&corpus, &index, &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("locked by another newsdex process"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.trim().lines().count(), 1);
    assert_usable(&index);
    signal(&first, "CONT");
    let code = wait_with_timeout(&mut first, Duration::from_secs(300)).expect("the first run ends");
    assert_eq!(code, 0);
    let (hits, _) = search(&index, &["\"Item 7 part 3\""]);
    assert_eq!(hits.len(), 1, "the index is intact");
}

fn hostile_corpus(dir: &Path) {
    write(dir, "good.txt", "Good\n\nA zebra is fine.\n");
    write(dir, "deep.json", "[".repeat(100_000) + &"]".repeat(100_000));
    write(
        dir,
        "attr.html",
        format!(
            "<html><body><p data-x=\"{}\">A zebra in HTML.</p></body></html>",
            "a".repeat(3_000_000)
        ),
    );
    write(dir, "nul.txt", b"zebra\0zebra");
    write(
        dir,
        "mid.txt",
        b"Title\n\nThe caf\xe9 zebra \xff\xfe here.\n",
    );
    write(dir, "empty.md", "");
    let big = std::fs::File::create(dir.join("huge.txt")).unwrap();
    big.set_len(65 * 1024 * 1024).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"odd \xff name.txt");
        std::fs::write(dir.join(name), "Odd\n\nA zebra with an odd file name.\n").unwrap();
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", dir.join("sub/loop")).unwrap();
    }
}

#[test]
fn hostile_input_is_handled_or_skipped_with_a_reason() {
    let tmp = TempDir::new().unwrap();
    let corpus: PathBuf = tmp.path().join("c");
    hostile_corpus(&corpus);
    let index = tmp.path().join("idx");
    let (r, s) = common::index(&corpus, &index, &[]);
    assert_eq!(r.code, 1, "something was skipped: {}", r.stderr);
    assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    for (what, reason) in [
        ("deep.json", "recursion limit"),
        ("nul.txt", "binary file"),
        ("empty.md", "empty file"),
        ("huge.txt", "too large"),
        ("sub/loop", "symbolic link loop"),
        ("mid.txt", "decoded as Windows-1252"),
    ] {
        let line = r
            .stderr
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what} not reported: {}", r.stderr));
        assert!(line.contains(reason), "{line}");
    }
    let (hits, _) = search(&index, &["zebra", "--limit", "20"]);
    let mut found: Vec<String> = hits.iter().map(file_name).collect();
    found.sort();
    assert_eq!(
        found,
        vec!["attr.html", "good.txt", "mid.txt", "odd \u{fffd} name.txt"],
        "{s}"
    );
}

#[test]
fn hostile_queries_get_one_line_answers() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    write(&c, "a.txt", "A\n\nThe zebra ran.\n");
    let index = tmp.path().join("idx");
    common::index(&c, &index, &[]);
    let long = "zebra ".repeat(3000);
    for (q, code, says) in [
        (long.as_str(), 2, "too long"),
        ("!!! ???", 2, "no words"),
        ("a.*b[c]", 2, "cannot parse"),
        ("(((", 2, "no words"),
        ("\"", 2, "no words"),
        ("zebra AND", 2, "cannot parse"),
        ("the of and", 1, ""),
        ("zebra -", 2, "cannot parse"),
        ("zebra", 0, ""),
    ] {
        let (_, r) = search(&index, &[q]);
        assert_eq!(r.code, code, "{q:.40}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{q:.40}: {}", r.stderr);
        assert!(r.stderr.trim().lines().count() <= 1, "{}", r.stderr);
        assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
    }
}
