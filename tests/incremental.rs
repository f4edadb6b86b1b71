//! Re-indexing: only changed files are read again, deleted files lose their passages,
//! --rebuild starts afresh.

mod common;

use std::fs;

use common::*;
use tempfile::TempDir;

#[test]
fn reindexing_reads_only_what_changed() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let idx = tmp.path().join("idx");
    write(&c, "keep.txt", "Keep\n\nThe walrus stays.\n");
    let change = write(&c, "change.txt", "Change\n\nThe zebra runs.\n");
    let delete = write(&c, "delete.txt", "Delete\n\nThe zebra leaves.\n");

    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0);
    assert_eq!(s["files_read"], 3);
    assert_eq!(s["passages_total"], 3);

    // Nothing changed: nothing is read.
    let (_, s) = index(&c, &idx, &[]);
    assert_eq!(s["files_read"], 0, "{s}");
    assert_eq!(s["files_unchanged"], 3);

    // Change one, delete one, add one.
    fs::write(&change, "Change\n\nThe okapi runs now, longer text.\n").unwrap();
    fs::remove_file(&delete).unwrap();
    write(
        &c,
        "sub/added.md",
        "---\ntitle: Added\n---\n\nThe zebra arrives.\n",
    );
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s["files_read"], 2, "{s}");
    assert_eq!(s["files_unchanged"], 1);
    assert_eq!(s["files_removed"], 1);
    assert_eq!(s["articles_total"], 3);

    let (hits, _) = search(&idx, &["zebra"]);
    assert_eq!(texts(&hits), vec!["The zebra arrives."]);
    let (hits, _) = search(&idx, &["okapi"]);
    assert_eq!(hits.len(), 1);
    let (hits, _) = search(&idx, &["walrus"]);
    assert_eq!(hits.len(), 1);

    // Touched but not changed: read, found identical by its hash, not re-indexed.
    let keep = c.join("keep.txt");
    let text = fs::read(&keep).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&keep, text).unwrap();
    let (_, s) = index(&c, &idx, &[]);
    assert_eq!(s["files_read"], 0, "{s}");
    assert_eq!(s["files_unchanged"], 3);
    let (hits, _) = search(&idx, &["walrus"]);
    assert_eq!(
        hits.len(),
        1,
        "the unchanged file's passage is still there once"
    );

    // --rebuild reads everything again.
    let (_, s) = index(&c, &idx, &["--rebuild"]);
    assert_eq!(s["files_read"], 3, "{s}");
    assert_eq!(s["passages_total"], 3);
    let (hits, _) = search(&idx, &["walrus"]);
    assert_eq!(hits.len(), 1);
}

#[test]
fn a_file_that_turns_bad_loses_its_passages_and_is_reported_again_while_unchanged() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let idx = tmp.path().join("idx");
    let f = write(&c, "a.json", r#"{"title": "A", "body": "zebra"}"#);
    index(&c, &idx, &[]);
    fs::write(&f, "{ broken").unwrap();
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 1);
    assert_eq!(s["files_skipped"], 1);
    let (hits, _) = search(&idx, &["zebra"]);
    assert!(
        hits.is_empty(),
        "the old passages of a file now broken are gone"
    );
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 1, "still broken, still reported");
    assert_eq!(s["files_read"], 0);
    assert!(r.stderr.contains("a.json"), "{}", r.stderr);
}

#[test]
fn a_second_corpus_into_the_same_index_is_refused() {
    let tmp = TempDir::new().unwrap();
    let c1 = tmp.path().join("c1");
    let c2 = tmp.path().join("c2");
    write(&c1, "a.txt", "A\n\nzebra\n");
    write(&c2, "b.txt", "B\n\nokapi\n");
    let idx = tmp.path().join("idx");
    index(&c1, &idx, &[]);
    let (r, _) = index(&c2, &idx, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("mirrors the corpus"), "{}", r.stderr);
    let (hits, _) = search(&idx, &["zebra"]);
    assert_eq!(hits.len(), 1, "the index is intact");
    let (r, _) = index(&c2, &idx, &["--rebuild"]);
    assert_eq!(r.code, 0);
    let (hits, _) = search(&idx, &["okapi"]);
    assert_eq!(hits.len(), 1);
    let (hits, _) = search(&idx, &["zebra"]);
    assert!(hits.is_empty());
}

/// The manifest lives in one file per commit beside the index, not in tantivy's meta.json
/// (which every search reads): opening the index stays cheap however many files it holds.
#[test]
fn the_manifest_is_a_file_of_its_own_named_by_the_commit() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let idx = tmp.path().join("idx");
    for i in 0..300 {
        write(
            &c,
            &format!("a/file-{i:03}.txt"),
            format!("Title {i}\n\nThe zebra {i} runs.\n"),
        );
    }
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s["files_read"], 300);
    let meta = fs::read_to_string(idx.join("meta.json")).unwrap();
    assert!(
        !meta.contains("file-299.txt"),
        "the payload holds the manifest"
    );
    let manifests: Vec<String> = fs::read_dir(&idx)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("manifest-"))
        .collect();
    assert_eq!(manifests.len(), 1, "{manifests:?}");
    assert!(
        meta.contains(&manifests[0]),
        "the payload names {}",
        manifests[0]
    );

    // A damaged manifest is reported, not trusted.
    let path = idx.join(&manifests[0]);
    let mut bytes = fs::read(&path).unwrap();
    bytes[10] ^= 0x20;
    fs::write(&path, bytes).unwrap();
    let (r, _) = index(&c, &idx, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("corrupt"), "{}", r.stderr);
}

/// The ids of the segments `meta.json` lists, and those whose files lie in the folder.
fn segments(idx: &std::path::Path) -> (Vec<String>, Vec<String>) {
    let meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(idx.join("meta.json")).unwrap()).unwrap();
    let mut live: Vec<String> = meta["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["segment_id"].as_str().unwrap().replace('-', ""))
        .collect();
    let mut on_disk: Vec<String> = fs::read_dir(idx)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".idx").map(str::to_string)
        })
        .collect();
    live.sort();
    on_disk.sort();
    (live, on_disk)
}

#[test]
fn small_segments_are_merged_at_the_end_of_a_run_and_their_files_deleted() {
    let tmp = TempDir::new().unwrap();
    let c = tmp.path().join("c");
    let idx = tmp.path().join("idx");
    let mut big = String::from("Big\n\n");
    for i in 0..400 {
        big.push_str(&format!("Paragraph {i} about the zebra herd.\n\n"));
    }
    write(&c, "big.txt", &big);
    index(&c, &idx, &[]);
    // Two runs that each add a small file: each commits a small segment of its own, and the
    // second run finds two small segments and merges them.
    write(&c, "small1.txt", "Small\n\nThe okapi runs.\n");
    index(&c, &idx, &[]);
    write(&c, "small2.txt", "Small\n\nThe walrus swims.\n");
    let (r, s) = index(&c, &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s["passages_total"], 402, "{s}");
    let (live, on_disk) = segments(&idx);
    assert_eq!(
        live.len(),
        2,
        "the big segment and the two small ones merged: {live:?}"
    );
    assert_eq!(live, on_disk, "no files of merged segments are left");
    let (hits, _) = search(&idx, &["walrus"]);
    assert_eq!(hits.len(), 1);
}
