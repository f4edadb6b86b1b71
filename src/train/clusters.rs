//! The builder of the word clusters that [`crate::annotate::clusters`] reads: exchange
//! clustering (Uszkoreit and Brants, 2008: each word moves to the class that best predicts it
//! from the word before) over unlabelled news text, at the granularities of [`SIZES`], written
//! to the committed `models/clusters.tsv`.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::annotate::clusters::SIZES;
use crate::annotate::tokenize::tokenize;

/// Words seen fewer times are left out.
const MIN_COUNT: u32 = 3;
/// Passes of the exchange algorithm.
const ITERATIONS: usize = 8;

/// Collects the text to learn from, all of it unlabelled: the words of the CoNLL-2003
/// training file (not its tags, and none of its test files), the CENTCOM re3d documents
/// (public domain; the UK Government part of re3d is left out, so that it stays a held-out
/// check), the BBC and Reuters-21578 collections (read as text for these statistics only: no
/// text of theirs is committed), and the public-domain prose of the CIA World Factbook and the
/// State of the Union addresses.
fn corpus_sentences(data: &Path) -> Result<Vec<Vec<String>>> {
    let mut out = Vec::new();
    let conll = data.join("conll2003/eng.train");
    for doc in super::conll::read(&conll)? {
        for s in doc {
            out.push(s.words);
        }
    }
    let mut add_text = |text: &str| {
        for para in text.split('\n') {
            let toks = tokenize(para);
            if toks.len() > 1 {
                out.push(toks.iter().map(|t| t.text(para).to_string()).collect());
            }
        }
    };
    let p = data.join("re3d/centcom/documents.json");
    let text = fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("parsing {}", p.display()))?;
        add_text(v["text"].as_str().unwrap_or(""));
    }
    for (folder, ext) in [
        ("bbc", "txt"),
        ("text/sotu", "txt"),
        ("reuters21578", "sgm"),
    ] {
        for path in files_under(&data.join(folder), ext)? {
            let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            let text = crate::corpus::decode(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
                .text;
            if ext == "sgm" {
                let parsed = crate::corpus::parse(
                    &path.display().to_string(),
                    crate::corpus::Format::Sgml,
                    &text,
                )
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                for a in parsed.articles {
                    add_text(&a.title);
                    for para in a.paragraphs {
                        add_text(&para.text);
                    }
                }
            } else {
                add_text(&text);
            }
        }
    }
    for path in files_under(&data.join("text/factbook"), "json")? {
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let v: serde_json::Value =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        let mut prose = Vec::new();
        collect_prose(&v, &mut prose);
        for p in prose {
            add_text(p);
        }
    }
    Ok(out)
}

/// The files with extension `ext` under `dir`, in path order.
fn files_under(dir: &Path, ext: &str) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == ext) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// The strings of a Factbook entry that read as prose (several words), depth first.
fn collect_prose<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::String(s) if s.split_whitespace().nth(5).is_some() => out.push(s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_prose(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| collect_prose(x, out)),
        _ => {}
    }
}

fn xlogx(x: u32) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// Exchange clustering into `k` classes. `prev[v]` lists (predecessor, count) for each word.
fn exchange(words: usize, counts: &[u32], prev: &[Vec<(u32, u32)>], k: usize) -> Vec<u16> {
    // Start: words by frequency, dealt round the classes.
    let mut class: Vec<u16> = (0..words).map(|i| (i % k) as u16).collect();
    let mut class_count = vec![0u32; k];
    // n[w * k + c]: how often w is followed by a word of class c.
    let mut n = vec![0u32; words * k];
    for v in 0..words {
        class_count[class[v] as usize] += counts[v];
        for &(w, c) in &prev[v] {
            n[w as usize * k + class[v] as usize] += c;
        }
    }
    let mut gain = vec![0f64; k];
    for _ in 0..ITERATIONS {
        let mut moved = 0;
        for v in 0..words {
            let old = class[v] as usize;
            // Take v out of its class.
            class_count[old] -= counts[v];
            for &(w, c) in &prev[v] {
                n[w as usize * k + old] -= c;
            }
            for (c, g) in gain.iter_mut().enumerate() {
                *g = -(xlogx(class_count[c] + counts[v]) - xlogx(class_count[c]));
            }
            for &(w, c) in &prev[v] {
                let row = &n[w as usize * k..w as usize * k + k];
                // Classes that never follow w gain xlogx(c) alike, which leaves the choice
                // unchanged: only the others need the sum.
                let xc = xlogx(c);
                for (cls, &nw) in row.iter().enumerate() {
                    if nw > 0 {
                        gain[cls] += xlogx(nw + c) - xlogx(nw) - xc;
                    }
                }
            }
            let mut best = old;
            for c in 0..k {
                if gain[c] > gain[best] + 1e-9 {
                    best = c;
                }
            }
            if best != old {
                moved += 1;
            }
            class[v] = best as u16;
            class_count[best] += counts[v];
            for &(w, c) in &prev[v] {
                n[w as usize * k + best] += c;
            }
        }
        if moved == 0 {
            break;
        }
    }
    class
}

/// Learns the clusters from `data` (the shared data folder) and writes them to `out`.
pub fn build(data: &Path, out: &Path) -> Result<usize> {
    let sentences = corpus_sentences(data)?;
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in &sentences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = freq.into_iter().filter(|&(_, c)| c >= MIN_COUNT).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let counts: Vec<u32> = vocab.iter().map(|(_, c)| *c).collect();
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    for s in &sentences {
        for pair in s.windows(2) {
            if let (Some(&a), Some(&b)) = (index.get(pair[0].as_str()), index.get(pair[1].as_str()))
            {
                *bigrams.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut prev: Vec<Vec<(u32, u32)>> = vec![Vec::new(); vocab.len()];
    for ((a, b), c) in bigrams {
        prev[b as usize].push((a, c));
    }
    for p in &mut prev {
        p.sort_unstable();
    }
    let classes: Vec<Vec<u16>> = {
        use rayon::prelude::*;
        SIZES
            .par_iter()
            .map(|&k| exchange(vocab.len(), &counts, &prev, k))
            .collect()
    };
    // Capitalisation away from the sentence start, by lower-cased form (headlines in
    // capitals say nothing and are left out).
    let mut caps: HashMap<String, (u32, u32)> = HashMap::new();
    for s in &sentences {
        let lower = s
            .iter()
            .filter(|w| w.chars().any(char::is_lowercase))
            .count();
        if lower * 2 < s.len() {
            continue;
        }
        for w in s.iter().skip(1) {
            if !w.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            let e = caps.entry(w.to_lowercase()).or_default();
            e.1 += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                e.0 += 1;
            }
        }
    }
    let cap_bucket = |w: &str| -> u8 {
        let (c, n) = caps.get(&w.to_lowercase()).copied().unwrap_or((0, 0));
        if n == 0 {
            return 2;
        }
        match c as f64 / n as f64 {
            r if r < 0.05 => 0,
            r if r < 0.3 => 1,
            r if r < 0.7 => 2,
            r if r < 0.95 => 3,
            _ => 4,
        }
    };
    let mut text = String::from(
        "# newsdex word clusters, built by `newsdex-train clusters` from the words of CoNLL-2003\n\
         # eng.train, the CENTCOM re3d documents, BBC, Reuters-21578, the CIA World Factbook and the\n\
         # State of the Union addresses (statistics only: no text); columns: word, class of 16, 64, 256 and 1024,\n\
         # capitalised away from a sentence's start (0 never, 1 rarely, 2 sometimes, 3 mostly, 4 always)\n",
    );
    // Rows in the order of their words, which lets a search find a word's row in place
    // (`annotate::clusters`), without reading them all.
    let mut rows: Vec<(&str, usize)> = vocab
        .iter()
        .enumerate()
        .filter(|(_, (w, _))| !w.contains(['\t', '\n']))
        .map(|(i, (w, _))| (*w, i))
        .collect();
    rows.sort_unstable();
    for (w, i) in rows {
        text.push_str(w);
        for c in &classes {
            text.push_str(&format!("\t{}", c[i]));
        }
        text.push_str(&format!("\t{}\n", cap_bucket(w)));
    }
    fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    Ok(vocab.len())
}
