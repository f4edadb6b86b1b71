//! An open newsdex index ([`Store`]): its tantivy index, fields and manifests.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use tantivy::Index;

use super::manifest::{content_hash, Manifest, ManifestRef, MANIFEST_PREFIX};
use super::meta::{
    check_version, clear_index_dir, exists, read_meta, write_meta, IndexMeta, META_FILE,
};
use super::{schema, Fields, SCHEMA_VERSION};

/// An open newsdex index.
pub struct Store {
    pub dir: PathBuf,
    pub index: Index,
    pub fields: Fields,
    pub meta: IndexMeta,
    /// Opened at the first search, once: opening the segments again for each search (or
    /// each request of a server) costs more than most searches.
    reader: std::sync::OnceLock<tantivy::IndexReader>,
}

impl Store {
    /// A searcher over the index as it was committed when this store first searched it
    /// (later commits need a store opened again, as the server does).
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader.searcher());
        }
        let reader = self
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .with_context(|| format!("opening a reader on {}", self.dir.display()))?;
        Ok(self.reader.get_or_init(|| reader).searcher())
    }

    /// Opens an existing index for searching.
    pub fn open(dir: &Path) -> Result<Store> {
        if !dir.exists() {
            bail!(
                "no index at {}: build one with `newsdex index CORPUS --index {}`",
                dir.display(),
                dir.display()
            );
        }
        if !exists(dir) {
            bail!(
                "{} is not a newsdex index (it has no {META_FILE})",
                dir.display()
            );
        }
        let meta = read_meta(dir)?;
        check_version(dir, &meta)?;
        let index = Index::open_in_dir(dir)
            .with_context(|| format!("opening the index at {}", dir.display()))?;
        Store::assemble(dir, index, meta)
    }

    /// Opens the index at `dir` for writing the corpus at `corpus`, creating it if needed.
    /// With `rebuild`, an existing newsdex index there is emptied first. A directory that is
    /// not a newsdex index is never written to, unless it is empty.
    pub fn open_for_writing(dir: &Path, corpus: &Path, rebuild: bool) -> Result<Store> {
        let corpus_abs = fs::canonicalize(corpus)
            .with_context(|| format!("reading the corpus directory {}", corpus.display()))?;
        if dir.exists() {
            if !dir.is_dir() {
                bail!(
                    "{} is not a directory, so it cannot hold an index",
                    dir.display()
                );
            }
            if exists(dir) {
                let meta = read_meta(dir)?;
                let same_version = meta.schema_version == SCHEMA_VERSION;
                if rebuild && same_version && dir.join("meta.json").is_file() {
                    // Emptied by the writer (under its lock), in the run's first commit.
                    let mut store = Store::open(dir)?;
                    if store.meta.corpus != corpus_abs {
                        store.meta.corpus = corpus_abs;
                        write_meta(dir, &store.meta)?;
                    }
                    return Ok(store);
                } else if rebuild {
                    clear_index_dir(dir)?;
                } else {
                    check_version(dir, &meta)?;
                    if meta.corpus != corpus_abs {
                        bail!(
                            "the index at {} mirrors the corpus {}, not {}: use another --index, or --rebuild to replace it",
                            dir.display(),
                            meta.corpus.display(),
                            corpus_abs.display()
                        );
                    }
                    if dir.join("meta.json").is_file() {
                        return Store::open(dir);
                    }
                    // Marker written but index never created: create it below.
                    clear_index_dir(dir)?;
                }
            } else if fs::read_dir(dir)
                .with_context(|| format!("reading {}", dir.display()))?
                .next()
                .is_some()
            {
                bail!(
                    "{} exists and is not a newsdex index (it has no {META_FILE}); refusing to write there",
                    dir.display()
                );
            }
        }
        fs::create_dir_all(dir)
            .with_context(|| format!("creating the index directory {}", dir.display()))?;
        // Stored text and annotations are most of the index: zstd keeps them smaller than
        // tantivy's default lz4. A search reads about 20 passages, each from a block it
        // decompresses whole; a block ends once it holds 16 KB (tantivy's default size):
        // over 1M passages a search process took 0.8-0.9 ms less than with 32 KB blocks, for
        // a store 6% larger, and 8 KB blocks saved 0.0-0.4 ms more for another 10% (README,
        // "Performance"). The setting is kept in the index: one made with other blocks
        // keeps them, `--rebuild` too (it empties the index in place).
        let settings = tantivy::IndexSettings {
            docstore_compression: tantivy::store::Compressor::Zstd(
                tantivy::store::ZstdCompressor {
                    compression_level: Some(1),
                },
            ),
            docstore_blocksize: 16 * 1024,
            ..Default::default()
        };
        let index = Index::builder()
            .schema(schema::build())
            .settings(settings)
            .create_in_dir(dir)
            .with_context(|| format!("creating the index in {}", dir.display()))?;
        let meta = IndexMeta {
            format: "newsdex".into(),
            schema_version: SCHEMA_VERSION,
            corpus: corpus_abs,
        };
        write_meta(dir, &meta)?;
        Store::assemble(dir, index, meta)
    }

    /// The store of an opened or created index: its tokenizers registered and its fields
    /// read from its schema.
    fn assemble(dir: &Path, index: Index, meta: IndexMeta) -> Result<Store> {
        schema::register_tokenizers(&index);
        let fields = Fields::from_schema(&index.schema())
            .with_context(|| format!("the index at {} has an unexpected schema", dir.display()))?;
        Ok(Store {
            dir: dir.to_path_buf(),
            index,
            fields,
            meta,
            reader: Default::default(),
        })
    }

    /// The manifest of the last commit (empty for a new index).
    pub fn manifest(&self) -> Result<Manifest> {
        let metas = self
            .index
            .load_metas()
            .with_context(|| format!("reading the index metadata in {}", self.dir.display()))?;
        let corrupt = || {
            format!(
                "the manifest in {} is corrupt: rebuild with --rebuild",
                self.dir.display()
            )
        };
        let Some(payload) = metas.payload else {
            return Ok(Manifest {
                schema_version: SCHEMA_VERSION,
                ..Default::default()
            });
        };
        let Ok(at) = serde_json::from_str::<ManifestRef>(&payload) else {
            // Indexes written before the manifest moved out of the payload.
            return serde_json::from_str(&payload).with_context(corrupt);
        };
        let path = self.dir.join(&at.manifest);
        let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        if content_hash(&bytes) != at.xxh3 {
            bail!("{}", corrupt());
        }
        serde_json::from_slice(&bytes).with_context(corrupt)
    }

    /// Writes the manifest for the commit `opstamp` about to be made (durably, before the
    /// commit) and returns where it is, for the commit's payload.
    pub fn save_manifest(&self, manifest: &Manifest, opstamp: u64) -> Result<ManifestRef> {
        let name = format!("{MANIFEST_PREFIX}{opstamp}.json");
        let bytes = serde_json::to_vec(manifest)?;
        let path = self.dir.join(&name);
        let tmp = self.dir.join(format!("{name}.tmp"));
        (|| -> std::io::Result<()> {
            let mut f = fs::File::create(&tmp)?;
            std::io::Write::write_all(&mut f, &bytes)?;
            f.sync_all()?;
            fs::rename(&tmp, &path)
        })()
        .with_context(|| format!("writing {}", path.display()))?;
        Ok(ManifestRef {
            manifest: name,
            xxh3: content_hash(&bytes),
        })
    }

    /// Removes the manifests of earlier commits (and of commits that never happened), once
    /// the commit naming `kept` is made.
    pub fn prune_manifests(&self, kept: &ManifestRef) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(MANIFEST_PREFIX) && name != kept.manifest {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
