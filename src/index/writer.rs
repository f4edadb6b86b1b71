//! Indexing a corpus: walk, decide which files changed since the last commit, read and split
//! the changed ones in parallel, annotate each batch's articles together (so that the names
//! of each are weighed against the others': [`annotate::annotate_together`]), and replace
//! their passages in the index.
//!
//! Unchanged files (same size and modification time, or the same content hash) are not
//! re-read; files gone from the corpus lose their passages; `rebuild` starts afresh. Every
//! commit carries the manifest, so an interrupted run loses at most the work since the last
//! commit and the next run picks up from there.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use tantivy::directory::error::LockError;
use tantivy::indexer::UserOperation;
use tantivy::{IndexWriter, TantivyDocument, TantivyError};

use super::{catalogue, Fields, FileRecord, Manifest, Store, SCHEMA_VERSION};
use crate::annotate::agencies::AgencyKind;
use crate::annotate::{self, entities::Kind, keys, Annotations};
use crate::article::{Article, Passage};
use crate::corpus::{self, FileEntry};
use crate::messages;

/// Memory for tantivy's indexing buffers, shared by its threads.
const WRITER_HEAP: usize = 256 * 1024 * 1024;
/// At the end of a run, the segments holding less than one part in this many of the index's
/// passages are merged into one: a search and a facet count work segment by segment, and
/// the count looks each value it ranks up in every other segment, so many small segments
/// cost every query. The large ones are left as they are (one per core or so, which the
/// count reads in parallel), so that a run adding a few files merges only small segments.
const SMALL_SEGMENT_PARTS: u64 = 8;
/// Files are read in batches of at most this many bytes...
const BATCH_BYTES: u64 = 32 * 1024 * 1024;
/// ...or this many files. Each batch ends with a commit, so an interrupted run loses at most
/// one batch of work. A batch's articles are annotated together on every core, then indexed;
/// a commit waits for tantivy to write its segments. Batches of 8 MB or 256 files made the
/// base corpus benchmark a sixth slower than these, which hold about 140 MB more at once.
const BATCH_FILES: usize = 1024;

/// What to index, and where.
#[derive(Debug, Clone)]
pub struct Options {
    pub corpus: PathBuf,
    pub index: PathBuf,
    pub rebuild: bool,
    /// Draw a progress bar on stderr (only where stderr is a terminal).
    pub progress: bool,
    /// Credit each article to the agency its top-level folder under the corpus names.
    pub agency_from_folder: bool,
}

/// What an indexing run did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Files in a format newsdex reads.
    pub files_found: usize,
    /// Files read and (re)indexed in this run.
    pub files_read: usize,
    /// Files left as they were, unchanged since the last run.
    pub files_unchanged: usize,
    /// Files skipped as unreadable or malformed (this run or, unchanged, an earlier one).
    pub files_skipped: usize,
    /// Files whose passages were removed because the file is gone.
    pub files_removed: usize,
    /// Files in formats newsdex does not read.
    pub files_ignored: usize,
    /// Bad records skipped inside files that were otherwise read.
    pub records_skipped: usize,
    /// Records read that hold no article (a web archive's requests, redirects, errors and
    /// images).
    pub records_ignored: usize,
    /// Entries the walk could not visit.
    pub walk_errors: usize,
    pub articles_indexed: u64,
    pub passages_indexed: u64,
    pub articles_total: u64,
    pub passages_total: u64,
    pub bytes_read: u64,
    pub seconds: f64,
    /// Peak resident memory of the process (`VmHWM`), where the system tells it: with the
    /// index's mapped file pages, which the kernel shares and reclaims.
    pub peak_memory_bytes: Option<u64>,
    /// Peak private memory of the run (`RssAnon`, sampled): what the indexer itself holds.
    pub peak_private_memory_bytes: Option<u64>,
}

impl Summary {
    /// Counts a file read and indexed.
    fn add_read(&mut self, record: &FileRecord, bad_records: usize) {
        self.files_read += 1;
        self.records_skipped += bad_records;
        self.articles_indexed += record.articles;
        self.passages_indexed += record.passages;
        self.bytes_read += record.size;
    }

    /// Whether any input was skipped as bad (the exit code reports it).
    pub fn skipped_anything(&self) -> bool {
        self.files_skipped + self.records_skipped + self.walk_errors > 0
    }

    pub fn megabytes_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes_read as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

/// Prints warnings and problems on stderr, around the progress bar when there is one.
struct Reporter {
    bar: Option<ProgressBar>,
}

impl Reporter {
    fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Draws a progress bar over `total_bytes` when asked and stderr is a terminal.
    fn start(&mut self, progress: bool, total_bytes: u64) {
        if !progress || !std::io::stderr().is_terminal() || total_bytes == 0 {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} indexing [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg}",
            )
            .unwrap()
            .progress_chars("=> "),
        );
        self.bar = Some(bar);
    }

    fn advance(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The result of reading one file.
enum Outcome {
    /// Same content as indexed: only the manifest's size and time change.
    Unchanged(FileRecord),
    /// Read and split into articles, to be annotated with the rest of its batch.
    Parsed {
        record: FileRecord,
        parsed: corpus::Parsed,
        warnings: Vec<String>,
    },
    Indexed {
        record: FileRecord,
        docs: Vec<TantivyDocument>,
        warnings: Vec<String>,
        bad_records: usize,
        ignored_records: usize,
    },
    Skipped(FileRecord),
    /// Not read: the user asked to stop.
    Interrupted,
}

/// Indexes `opts.corpus` into `opts.index`.
pub fn run(opts: &Options) -> Result<Summary> {
    let started = Instant::now();
    let memory = crate::stats::PrivatePeak::start();
    if !opts.corpus.is_dir() {
        bail!(
            "{} is not a directory: give the folder of articles to index",
            opts.corpus.display()
        );
    }
    let mut run = Run::open(opts)?;
    let walk = corpus::walk(&opts.corpus);
    run.summary.files_found = walk.files.len();
    run.summary.files_ignored = walk.ignored;
    run.summary.walk_errors = walk.errors.len();
    for e in &walk.errors {
        run.reporter.say(&messages::skipped(&e.path, &e.why));
    }
    run.remove_gone(&walk.files);
    run.follow_folder_credits()?;
    let to_read = run.changed(&walk.files);
    run.reporter
        .start(opts.progress, to_read.iter().map(|f| f.size).sum());
    for batch in batches(&to_read) {
        let outcomes = run.read(&batch)?;
        for (f, outcome) in batch.iter().zip(outcomes) {
            run.apply(f, outcome)?;
        }
        run.commit()?;
    }
    let mut summary = run.finish()?;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.peak_memory_bytes = crate::stats::peak_memory_bytes();
    summary.peak_private_memory_bytes = memory.finish();
    Ok(summary)
}

/// An indexing run in progress: the index being written, the manifest it will commit with,
/// and what the run has done so far.
struct Run<'a> {
    opts: &'a Options,
    store: Store,
    writer: IndexWriter<TantivyDocument>,
    manifest: Manifest,
    summary: Summary,
    reporter: Reporter,
    /// Changes not yet committed.
    dirty: bool,
}

impl<'a> Run<'a> {
    /// Opens the index for writing (emptied with `rebuild`), taking its lock.
    fn open(opts: &'a Options) -> Result<Run<'a>> {
        let store = Store::open_for_writing(&opts.index, &opts.corpus, opts.rebuild)?;
        let mut manifest = if opts.rebuild {
            Manifest::default()
        } else {
            store.manifest()?
        };
        manifest.schema_version = SCHEMA_VERSION;
        let writer: IndexWriter<TantivyDocument> = match store.index.writer(WRITER_HEAP) {
            Ok(w) => w,
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => bail!(
                "the index at {} is locked by another newsdex process that is writing to it; wait for it to finish",
                opts.index.display()
            ),
            Err(e) => return Err(e).with_context(|| format!("opening a writer on {}", opts.index.display())),
        };
        if opts.rebuild {
            writer.delete_all_documents()?;
        }
        Ok(Run {
            opts,
            store,
            writer,
            manifest,
            summary: Summary::default(),
            reporter: Reporter { bar: None },
            dirty: opts.rebuild,
        })
    }

    /// Removes the passages of files gone from the corpus.
    fn remove_gone(&mut self, files: &[FileEntry]) {
        let present: std::collections::HashSet<&str> =
            files.iter().map(|f| f.path.as_str()).collect();
        let gone: Vec<String> = self
            .manifest
            .files
            .keys()
            .filter(|p| !present.contains(p.as_str()))
            .cloned()
            .collect();
        for path in gone {
            self.writer.delete_term(self.store.fields.path_term(&path));
            self.manifest.files.remove(&path);
            self.summary.files_removed += 1;
            self.dirty = true;
        }
    }

    /// Crediting by folder changes every article: everything is read again when it is
    /// switched.
    fn follow_folder_credits(&mut self) -> Result<()> {
        if self.manifest.agency_from_folder != self.opts.agency_from_folder {
            self.manifest.files.clear();
            self.writer.delete_all_documents()?;
            self.manifest.agency_from_folder = self.opts.agency_from_folder;
            self.dirty = true;
        }
        Ok(())
    }

    /// The files whose size or time changed, or that are new; unchanged files skipped by an
    /// earlier run are reported again.
    fn changed<'f>(&mut self, files: &'f [FileEntry]) -> Vec<&'f FileEntry> {
        let mut to_read = Vec::new();
        for f in files {
            match self.manifest.files.get(&f.path) {
                Some(r) if r.size == f.size && r.mtime == f.mtime => {
                    self.summary.files_unchanged += 1;
                    if let Some(err) = &r.error {
                        self.summary.files_skipped += 1;
                        self.reporter
                            .say(&messages::skipped_unchanged(&f.path, err));
                    }
                }
                _ => to_read.push(f),
            }
        }
        to_read
    }

    /// Reads a batch of files in parallel, then annotates their articles together. Stops
    /// when the user asks, before the next file or article: what is committed stays, the
    /// batch in hand is dropped whole.
    fn read(&self, batch: &[&FileEntry]) -> Result<Vec<Outcome>> {
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|f| {
                if crate::interrupt::requested() {
                    return Outcome::Interrupted;
                }
                read_file(f, self.manifest.files.get(&f.path))
            })
            .collect();
        if crate::interrupt::requested()
            || outcomes.iter().any(|o| matches!(o, Outcome::Interrupted))
        {
            return Err(self.interrupted());
        }
        self.annotate(batch, outcomes)
            .ok_or_else(|| self.interrupted())
    }

    /// The error of a run the user stopped, with what its index holds.
    fn interrupted(&self) -> anyhow::Error {
        self.reporter.finish();
        let committed = self.store.manifest().map(|m| m.files.len()).unwrap_or(0);
        crate::interrupt::Interrupted {
            committed_files: committed,
        }
        .into()
    }

    /// Annotates the articles of a batch's files together ([`annotate::annotate_together`]:
    /// the names of each are weighed against all the others') and turns each file read into
    /// its index documents; `None` when the user asked to stop meanwhile.
    fn annotate(&self, batch: &[&FileEntry], outcomes: Vec<Outcome>) -> Option<Vec<Outcome>> {
        let folders: Vec<Option<String>> = batch
            .iter()
            .map(|f| {
                self.opts
                    .agency_from_folder
                    .then(|| top_folder(&self.opts.corpus, &f.fs_path))
                    .flatten()
            })
            .collect();
        let articles: Vec<(usize, &Article)> = outcomes
            .iter()
            .enumerate()
            .filter_map(|(i, o)| match o {
                Outcome::Parsed { parsed, .. } => Some((i, parsed)),
                _ => None,
            })
            .flat_map(|(i, parsed)| parsed.articles.iter().map(move |a| (i, a)))
            .collect();
        let passages: Vec<Vec<Passage>> = articles.par_iter().map(|(_, a)| a.passages()).collect();
        let items: Vec<annotate::Item> = articles
            .iter()
            .zip(&passages)
            .map(|(&(i, article), passages)| annotate::Item {
                article,
                passages,
                folder: folders[i].as_deref(),
            })
            .collect();
        let annotations = annotate::annotate_together(&items, &crate::interrupt::requested)?;
        let docs: Vec<Vec<TantivyDocument>> = items
            .par_iter()
            .zip(annotations)
            .map(|(item, ann)| documents(item.article, item.passages, &ann, &self.store.fields))
            .collect();
        let mut per_file: Vec<Vec<TantivyDocument>> = outcomes.iter().map(|_| Vec::new()).collect();
        for ((i, _), d) in articles.iter().zip(docs) {
            per_file[*i].extend(d);
        }
        let indexed = outcomes
            .into_iter()
            .zip(per_file)
            .map(|(outcome, docs)| match outcome {
                Outcome::Parsed {
                    mut record,
                    parsed,
                    warnings,
                } => {
                    record.articles = parsed.articles.len() as u64;
                    record.passages = docs.len() as u64;
                    Outcome::Indexed {
                        record,
                        docs,
                        warnings,
                        bad_records: parsed.bad_records.len(),
                        ignored_records: parsed.ignored_records,
                    }
                }
                other => other,
            })
            .collect();
        Some(indexed)
    }

    /// Applies what reading a file gave: its passages replace the old ones, or the file is
    /// recorded as skipped.
    fn apply(&mut self, f: &FileEntry, outcome: Outcome) -> Result<()> {
        let known = self.manifest.files.contains_key(&f.path);
        let record = match outcome {
            Outcome::Interrupted => unreachable!("interrupted batches are not applied"),
            Outcome::Parsed { .. } => {
                unreachable!("a batch's files are annotated before they are applied")
            }
            Outcome::Unchanged(record) => {
                self.summary.files_unchanged += 1;
                record
            }
            Outcome::Skipped(record) => {
                if known {
                    self.writer
                        .delete_term(self.store.fields.path_term(&f.path));
                }
                self.summary.files_skipped += 1;
                let why = record.error.as_deref().unwrap_or("");
                self.reporter.say(&messages::skipped(&f.path, why));
                record
            }
            Outcome::Indexed {
                record,
                docs,
                warnings,
                bad_records,
                ignored_records,
            } => {
                for w in &warnings {
                    self.reporter.say(w);
                }
                // One group: a file's passages go to one segment, in order, so that counting
                // facets can tell an article's passages by their neighbours.
                let delete =
                    known.then(|| UserOperation::Delete(self.store.fields.path_term(&f.path)));
                let ops: Vec<UserOperation> = delete
                    .into_iter()
                    .chain(docs.into_iter().map(UserOperation::Add))
                    .collect();
                self.writer.run(ops)?;
                self.summary.add_read(&record, bad_records);
                self.summary.records_ignored += ignored_records;
                record
            }
        };
        self.manifest.files.insert(f.path.clone(), record);
        self.reporter.advance(f.size);
        self.dirty = true;
        Ok(())
    }

    /// Commits the changes with the manifest, saved first, named in the commit's payload.
    fn commit(&mut self) -> Result<()> {
        let mut prepared = self.writer.prepare_commit().context("preparing a commit")?;
        let saved = self
            .store
            .save_manifest(&self.manifest, prepared.opstamp())?;
        prepared.set_payload(&saved.payload());
        prepared.commit().context("committing the index")?;
        self.store.prune_manifests(&saved);
        self.dirty = false;
        Ok(())
    }

    /// Commits what is left, waits for merges, and returns the summary with the index's
    /// totals.
    fn finish(mut self) -> Result<Summary> {
        if self.dirty {
            self.commit()?;
        }
        self.writer
            .wait_merging_threads()
            .with_context(|| format!("finishing merges in {}", self.opts.index.display()))?;
        if !crate::interrupt::requested() {
            merge_small_segments(&self.store.index)
                .with_context(|| format!("merging segments in {}", self.opts.index.display()))?;
        }
        self.reporter.finish();
        let (articles, passages) = self.manifest.totals();
        self.summary.articles_total = articles;
        self.summary.passages_total = passages;
        Ok(self.summary)
    }
}

/// Merges the small segments of `index` into one (see [`SMALL_SEGMENT_PARTS`]), when there
/// are two or more. The merge keeps the last commit's payload, so the manifest stays named.
fn merge_small_segments(index: &tantivy::Index) -> Result<()> {
    let small = small_segments(index)?;
    if small.len() < 2 {
        return Ok(());
    }
    let mut writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, 15_000_000)?;
    writer.merge(&small).wait()?;
    // The merged segments' files are deleted by a collection once nothing in the process
    // holds their metadata (tantivy counts the files of every segment meta still alive).
    writer.garbage_collect_files().wait()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// The segments holding less than one part in [`SMALL_SEGMENT_PARTS`] of the passages.
fn small_segments(index: &tantivy::Index) -> Result<Vec<tantivy::index::SegmentId>> {
    let metas = index.searchable_segment_metas()?;
    let total: u64 = metas.iter().map(|m| u64::from(m.num_docs())).sum();
    Ok(metas
        .iter()
        .filter(|m| u64::from(m.num_docs()) * SMALL_SEGMENT_PARTS < total)
        .map(|m| m.id())
        .collect())
}

/// The top-level folder of a file under the corpus, if it is in one.
fn top_folder(corpus: &std::path::Path, file: &std::path::Path) -> Option<String> {
    let rel = file.strip_prefix(corpus).ok()?;
    let mut parts = rel.components();
    let first = parts.next()?;
    parts.next()?;
    Some(first.as_os_str().to_string_lossy().into_owned())
}

/// Splits the files to read into batches bounded in bytes and count.
fn batches<'a>(files: &[&'a FileEntry]) -> Vec<Vec<&'a FileEntry>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let mut bytes = 0;
    for &f in files {
        if !current.is_empty() && (bytes + f.size > BATCH_BYTES || current.len() >= BATCH_FILES) {
            out.push(std::mem::take(&mut current));
            bytes = 0;
        }
        bytes += f.size;
        current.push(f);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Reads, decodes and splits one file into articles.
fn read_file(f: &FileEntry, known: Option<&FileRecord>) -> Outcome {
    let mut record = FileRecord {
        size: f.size,
        mtime: f.mtime,
        hash: String::new(),
        articles: 0,
        passages: 0,
        error: None,
    };
    match read_articles(f, known, &mut record) {
        Ok(Some(parsed)) => Outcome::Parsed {
            warnings: messages::file_warnings(&f.path, &parsed),
            record,
            parsed,
        },
        Ok(None) => Outcome::Unchanged(record),
        Err(e) => {
            record.error = Some(e.to_string());
            Outcome::Skipped(record)
        }
    }
}

/// A file's articles, with its content hash set in `record`; `None` when the hash is the one
/// indexed (the counts are then copied into `record`). A file read whole is hashed before it
/// is parsed, a streamed one as it is read.
fn read_articles(
    f: &FileEntry,
    known: Option<&FileRecord>,
    record: &mut FileRecord,
) -> Result<Option<corpus::Parsed>, corpus::FileError> {
    let unchanged = |record: &mut FileRecord| match known {
        Some(k) if k.hash == record.hash && k.error.is_none() => {
            record.articles = k.articles;
            record.passages = k.passages;
            true
        }
        _ => false,
    };
    if f.format.is_streamed() {
        let (parsed, hash) = corpus::read_streamed(&f.path, &f.fs_path, f.format)?;
        record.hash = super::hash_hex(hash);
        return Ok((!unchanged(record)).then_some(parsed));
    }
    let bytes = corpus::load(&f.fs_path)?;
    if corpus::Compression::of(&f.fs_path).0 == corpus::Compression::None {
        record.size = bytes.len() as u64;
    }
    record.hash = super::content_hash(&bytes);
    if unchanged(record) {
        return Ok(None);
    }
    corpus::read(&f.path, f.format, &bytes).map(Some)
}

/// One tantivy document per passage of an article, with its annotations.
pub fn documents(
    article: &Article,
    passages: &[Passage],
    ann: &Annotations,
    fields: &Fields,
) -> Vec<TantivyDocument> {
    let mut agency_keys: Vec<String> = Vec::new();
    let mut wire_keys: Vec<String> = Vec::new();
    for a in &ann.agencies.agencies {
        let ks = keys::index_keys(&a.name, &a.aliases, false);
        if a.kind == AgencyKind::Wire {
            wire_keys.extend(ks.iter().cloned());
            wire_keys.push("*".into());
        }
        agency_keys.extend(ks);
    }
    wire_keys.sort();
    wire_keys.dedup();
    let ents = &ann.entities;
    let field_of = |k: Kind| match k {
        Kind::Person => (fields.person, fields.person_here),
        Kind::Organization => (fields.org, fields.org_here),
        Kind::Place => (fields.place, fields.place_here),
    };
    let entity_keys: Vec<Vec<String>> = ents
        .entities
        .iter()
        // A person named by an office alone ("Foreign Secretary") is no surname's.
        .map(|e| {
            let person = e.kind == Kind::Person && !annotate::roles::is_office(&e.name);
            keys::index_keys(&e.name, &e.aliases, person)
        })
        .collect();
    let fingerprint = annotate::fingerprint::fingerprint(passages);
    let mut first_passage: Vec<Option<u64>> = vec![None; ents.entities.len()];
    for m in &ents.mentions {
        let f = &mut first_passage[m.entity];
        *f = Some(f.map_or(m.passage, |f| f.min(m.passage)));
    }
    passages
        .iter()
        .zip(&ann.passages)
        .map(|(p, pa)| {
            let mut doc = TantivyDocument::new();
            doc.add_text(fields.id, &article.id);
            doc.add_text(fields.path, &article.path);
            doc.add_u64(fields.passage, p.ordinal);
            doc.add_u64(fields.line, p.line);
            doc.add_text(fields.title, &article.title);
            doc.add_text(fields.body, &p.text);
            doc.add_u64(fields.fingerprint, fingerprint);
            if let Some(d) = article.date {
                doc.add_i64(fields.date, d.days());
            }
            if let Some(s) = &article.source {
                doc.add_text(fields.source, s);
            }
            if let Some(u) = &article.url {
                doc.add_text(fields.url, u);
            }
            for (e, ks) in ents.entities.iter().zip(&entity_keys) {
                for k in ks {
                    doc.add_text(field_of(e.kind).0, k);
                }
            }
            let mut here: Vec<usize> = ents
                .mentions
                .iter()
                .filter(|m| m.passage == p.ordinal)
                .map(|m| m.entity)
                .collect();
            here.sort_unstable();
            here.dedup();
            for e in here {
                for k in &entity_keys[e] {
                    doc.add_text(field_of(ents.entities[e].kind).1, k);
                }
                // The catalogue needs each entity once per article: on its first passage.
                if first_passage[e] == Some(p.ordinal) {
                    let entity = &ents.entities[e];
                    for t in catalogue::link_terms(entity.kind, &entity.name, &entity.aliases) {
                        doc.add_text(fields.entity_link, t);
                    }
                }
            }
            for k in &agency_keys {
                doc.add_text(fields.agency, k);
            }
            for k in &wire_keys {
                doc.add_text(fields.agency_wire, k);
            }
            for f in &pa.figures {
                for t in super::figure_terms::terms(f) {
                    doc.add_text(fields.figure, t);
                }
            }
            for d in &pa.dates {
                for period in d.periods() {
                    doc.add_text(fields.mentioned, period);
                }
                if let Some(day) = d.first_day() {
                    doc.add_i64(fields.mentioned_day, day.days());
                }
            }
            for v in super::facet::values(pa) {
                doc.add_text(fields.facet, v);
            }
            doc.add_text(
                fields.annotations,
                serde_json::to_string(pa).unwrap_or_default(),
            );
            doc
        })
        .collect()
}
