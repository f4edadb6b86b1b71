//! The export on a real distributed engine: the shipped corpus and the BBC business stories,
//! indexed by newsdex, exported for Sphinx in two shards, loaded into two `searchd` processes
//! on loopback (the first also holding a distributed index over both), then searched there
//! with the queries `newsdex search --print-query sphinx` writes. Each search must find the
//! same articles as newsdex over the same corpus: compared as sets of article ids (and of
//! passages for the figure range), since the two rank differently; newsdex runs with
//! `--exact` (no expansion) and without collapsing near-duplicates, so that both answer the
//! same question, and its entity filters' matches by name alone are left out (see
//! [`newsdex_answer`]). Needs Sphinx (`searchd`, `indexer`) and a MySQL client (`mysql`): without
//! them it skips, saying why; under CI (`CI` set) it fails instead.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn installed(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One `searchd`: its config, and the port of its SphinxQL listener.
struct Searchd {
    conf: PathBuf,
    sql: u16,
}

impl Searchd {
    /// Writes the config of shard `n` (and, with `agents`, the distributed index `dist` over
    /// them), builds its index and starts it.
    fn start(dir: &Path, n: usize, api: u16, agents: &[(u16, usize)]) -> Searchd {
        let sql = free_port();
        let mut conf = newsdex::export::engines::sphinx_shard(dir, n);
        if !agents.is_empty() {
            conf.push_str("index dist\n{\n    type = distributed\n");
            for (port, shard) in agents {
                conf.push_str(&format!("    agent = 127.0.0.1:{port}:shard{shard}\n"));
            }
            conf.push_str("}\n");
        }
        conf.push_str(&format!(
            "indexer\n{{\n    mem_limit = 128M\n}}\nsearchd\n{{\n    listen = 127.0.0.1:{api}\n    listen = 127.0.0.1:{sql}:mysql41\n    log = {0}/searchd{n}.log\n    query_log = {0}/query{n}.log\n    pid_file = {0}/searchd{n}.pid\n    binlog_path =\n}}\n",
            dir.display()
        ));
        let path = dir.join(format!("searchd{n}.conf"));
        std::fs::write(&path, conf).unwrap();
        std::fs::create_dir_all(dir.join("data")).unwrap();
        succeed(
            Command::new("indexer")
                .arg("--config")
                .arg(&path)
                .arg(format!("shard{n}")),
        );
        succeed(Command::new("searchd").arg("--config").arg(&path));
        Searchd { conf: path, sql }
    }

    /// Rows of a SphinxQL query, as tab-separated fields.
    fn query(&self, sql: &str) -> Vec<Vec<String>> {
        let out = succeed(Command::new("mysql").args([
            "-h127.0.0.1",
            &format!("-P{}", self.sql),
            "-N",
            "-B",
            "-e",
            sql,
        ]));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    }
}

/// Runs a command that must succeed; on failure, its command line and what it printed.
fn succeed(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl Drop for Searchd {
    /// Stops it by the process id its pid file gives.
    fn drop(&mut self) {
        let _ = Command::new("searchd")
            .arg("--config")
            .arg(&self.conf)
            .arg("--stopwait")
            .output();
    }
}

/// newsdex's answer as sets of article ids and of (article, passage). Hits that an entity
/// filter matched only by the entity's name in the text (`matched_by: name`) are left out:
/// the export holds the tagged entities, and that second kind of evidence does not carry over.
fn newsdex_answer(idx: &Path, args: &[&str]) -> (BTreeSet<String>, BTreeSet<(String, u64)>) {
    let mut all = vec![
        "--exact",
        "--no-collapse",
        "--limit",
        "10000",
        "--per-article",
        "1000",
    ];
    all.extend_from_slice(args);
    let (mut hits, _) = search(idx, &all);
    hits.retain(|h| h["matched_by"] != "name");
    let articles = hits
        .iter()
        .map(|h| h["article_id"].as_str().unwrap().to_string())
        .collect();
    let passages = hits
        .iter()
        .map(|h| {
            (
                h["article_id"].as_str().unwrap().to_string(),
                h["passage"].as_u64().unwrap(),
            )
        })
        .collect();
    (articles, passages)
}

/// The query newsdex prints for Sphinx, on the distributed index, for every match.
fn printed_query(idx: &Path, args: &[&str]) -> String {
    let r = run(newsdex()
        .arg("search")
        .args(args)
        .args(["--print-query", "sphinx", "--limit", "10000", "--index"])
        .arg(idx));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
        .trim()
        .replace(" FROM newsdex", " FROM dist")
        .replace("SELECT id, article_id,", "SELECT id, article_id, passage,")
        + " OPTION max_matches=10000"
}

#[test]
fn sphinx_shards_find_what_newsdex_finds() {
    let missing: Vec<&str> = ["searchd", "indexer", "mysql"]
        .into_iter()
        .filter(|p| !installed(p))
        .collect();
    if !missing.is_empty() {
        let why = format!(
            "{} not installed (apt install sphinxsearch mariadb-client)",
            missing.join(", ")
        );
        assert!(std::env::var_os("CI").is_none(), "{why}, and CI is set");
        eprintln!("skipping the Sphinx test: {why}");
        return;
    }
    let Some(data) = shared_data("sphinx_shards_find_what_newsdex_finds") else {
        return;
    };
    let tmp = tempfile::TempDir::new().unwrap();
    let c = tmp.path().join("c");
    std::fs::create_dir_all(&c).unwrap();
    std::os::unix::fs::symlink(shipped_corpus(), c.join("shipped")).unwrap();
    std::os::unix::fs::symlink(data.join("bbc/business"), c.join("business")).unwrap();
    let idx = tmp.path().join("idx");
    let (r, _) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = tmp.path().join("export");
    let r = run(newsdex()
        .args(["export", "--to", "sphinx", "--shards", "2", "--index"])
        .arg(&idx)
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);

    let (api1, api2) = (free_port(), free_port());
    let _second = Searchd::start(&out, 2, api2, &[]);
    let first = Searchd::start(&out, 1, api1, &[(api1, 1), (api2, 2)]);

    let cases: &[&[&str]] = &[
        &["oil prices"],
        &["\"interest rates\""],
        &["--person", "Alan Greenspan"],
        &["--figure", "usd>1e9"],
        &["--agency", "centcom"],
        &["profits", "--place", "Japan"],
    ];
    for args in cases {
        let (articles, passages) = newsdex_answer(&idx, args);
        assert!(!articles.is_empty(), "{args:?}: newsdex finds nothing");
        let rows = first.query(&printed_query(&idx, args));
        let found: BTreeSet<String> = rows.iter().map(|r| r[1].clone()).collect();
        assert_eq!(
            found, articles,
            "{args:?}: Sphinx's articles against newsdex's"
        );
        if args[0] == "--figure" {
            let found: BTreeSet<(String, u64)> = rows
                .iter()
                .map(|r| (r[1].clone(), r[2].parse().unwrap()))
                .collect();
            let only_sphinx: Vec<_> = found.difference(&passages).collect();
            let only_newsdex: Vec<_> = passages.difference(&found).collect();
            assert!(
                only_sphinx.is_empty() && only_newsdex.is_empty(),
                "{args:?}: passages only Sphinx finds {only_sphinx:?}, only newsdex finds {only_newsdex:?}"
            );
        }
    }

    // The agency facet: articles per agency, as `entities --type agency` counts them.
    let names: BTreeMap<String, String> = std::fs::read_to_string(out.join("agencies.tsv"))
        .unwrap()
        .lines()
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(id, n)| (id.to_string(), n.to_string()))
        })
        .collect();
    let sphinx: BTreeMap<String, usize> = first
        .query("SELECT GROUPBY() AS agency, COUNT(DISTINCT article_num) AS n FROM dist GROUP BY agency_ids ORDER BY n DESC LIMIT 1000 OPTION max_matches=1000")
        .into_iter()
        .map(|r| (names[&r[0]].clone(), r[1].parse().unwrap()))
        .collect();
    let newsdex: BTreeMap<String, usize> = facets(&idx, &["--type", "agency", "--limit", "1000"])
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_string(),
                f["articles"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let differ: Vec<_> = newsdex
        .keys()
        .chain(sphinx.keys())
        .filter(|k| sphinx.get(*k) != newsdex.get(*k))
        .map(|k| (k, newsdex.get(k), sphinx.get(k)))
        .collect();
    assert!(
        differ.is_empty(),
        "agency facet (newsdex, Sphinx): {differ:?}"
    );
}
