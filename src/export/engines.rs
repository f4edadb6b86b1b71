//! The files each engine ingests, written from the exported records:
//!
//! - **Quickwit**: `quickwit-index.yaml` (a doc mapping: `title` and `body` text with positions
//!   and the English stemmer, the entity, agency and unit lists as raw fast keywords, `date` a
//!   fast datetime, `figures` a fast JSON object of values by unit) and `passages.ndjson`
//!   (`quickwit index --index newsdex --input-path passages.ndjson`).
//! - **OpenSearch / Elasticsearch**: `opensearch-mapping.json` (text with the `english`
//!   analyzer, each list as text with a `keyword` subfield for facets and filters, `date` a
//!   date, `figures` an object of doubles by unit) and `bulk.ndjson` for the `_bulk` API.
//! - **Sphinx / Manticore**: `passages-N.xml` (xmlpipe2, one per shard, whole articles per
//!   shard), `agencies.tsv` (the agency ids of the `agency_ids` attribute; an article's
//!   number, `article_num`, counts articles: `COUNT(DISTINCT article_num)`) and `sphinx.conf`
//!   (the shards as plain indexes under a distributed index `newsdex`). Entities and agencies
//!   are full-text fields of keys (`volodymyr_zelenskyy`), matched with `@article_person`;
//!   figures a JSON attribute of values by unit, on an order-keeping integer scale
//!   ([`sphinx_figure_value`]); the date a timestamp.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::record::Record;

/// The engines newsdex exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    Quickwit,
    Opensearch,
    Sphinx,
}

/// A writer of one engine's files.
pub trait Sink {
    fn add(&mut self, r: &Record) -> Result<()>;
    fn finish(self: Box<Self>) -> Result<()>;
}

/// The writer for `engine` into `out` (a folder that exists); `shards` for Sphinx.
pub fn sink(engine: Engine, out: &Path, shards: usize) -> Result<Box<dyn Sink>> {
    Ok(match engine {
        Engine::Quickwit => {
            std::fs::write(out.join("quickwit-index.yaml"), QUICKWIT_CONFIG)?;
            Box::new(Lines {
                out: BufWriter::new(File::create(out.join("passages.ndjson"))?),
                bulk: false,
            })
        }
        Engine::Opensearch => {
            std::fs::write(
                out.join("opensearch-mapping.json"),
                opensearch_mapping().to_string(),
            )?;
            Box::new(Lines {
                out: BufWriter::new(File::create(out.join("bulk.ndjson"))?),
                bulk: true,
            })
        }
        Engine::Sphinx => Box::new(Sphinx::new(out, shards.max(1))?),
    })
}

/// One JSON document per line; for `_bulk`, each after its action line.
struct Lines {
    out: BufWriter<File>,
    bulk: bool,
}

impl Sink for Lines {
    fn add(&mut self, r: &Record) -> Result<()> {
        if self.bulk {
            serde_json::to_writer(
                &mut self.out,
                &json!({"index": {"_index": "newsdex", "_id": r.id}}),
            )?;
            self.out.write_all(b"\n")?;
        }
        let mut doc = serde_json::to_value(r)?;
        // Engines take a date with its time.
        if let Some(d) = &r.date {
            doc["date"] = json!(format!("{d}T00:00:00Z"));
        }
        serde_json::to_writer(&mut self.out, &doc)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

const QUICKWIT_CONFIG: &str = r#"# newsdex passages for Quickwit (https://quickwit.io/docs/configuration/index-config).
# quickwit index create --index-config quickwit-index.yaml
# quickwit index ingest --index newsdex --input-path passages.ndjson
version: 0.8
index_id: newsdex
doc_mapping:
  mode: lenient
  field_mappings:
    - { name: id, type: text, tokenizer: raw }
    - { name: article_id, type: text, tokenizer: raw, fast: true }
    - { name: path, type: text, tokenizer: raw }
    - { name: line, type: u64 }
    - { name: passage, type: u64 }
    - { name: title, type: text, tokenizer: en_stem, record: position }
    - { name: body, type: text, tokenizer: en_stem, record: position }
    - { name: date, type: datetime, input_formats: [rfc3339], fast: true, fast_precision: seconds }
    - { name: source, type: text, tokenizer: raw, fast: true }
    - { name: url, type: text, tokenizer: raw }
    - { name: person, type: array<text>, tokenizer: raw, fast: true }
    - { name: organization, type: array<text>, tokenizer: raw, fast: true }
    - { name: place, type: array<text>, tokenizer: raw, fast: true }
    - { name: article_person, type: array<text>, tokenizer: raw, fast: true }
    - { name: article_organization, type: array<text>, tokenizer: raw, fast: true }
    - { name: article_place, type: array<text>, tokenizer: raw, fast: true }
    - { name: agency, type: array<text>, tokenizer: raw, fast: { normalizer: lowercase } }
    - { name: agency_wire, type: array<text>, tokenizer: raw, fast: { normalizer: lowercase } }
    - { name: figures, type: json, fast: true }
    - { name: mentioned, type: array<text>, tokenizer: raw, fast: true }
  timestamp_field: date
search_settings:
  default_search_fields: [body]
"#;

fn opensearch_mapping() -> serde_json::Value {
    let keyword_list = json!({"type": "text", "fields": {"keyword": {"type": "keyword"}}});
    let keyword = json!({"type": "keyword"});
    let text = json!({"type": "text", "analyzer": "english"});
    json!({"mappings": {"properties": {
        "id": keyword, "article_id": keyword, "path": keyword,
        "line": {"type": "long"}, "passage": {"type": "long"},
        "title": text, "body": text,
        "date": {"type": "date"}, "source": keyword_list, "url": keyword,
        "person": keyword_list, "organization": keyword_list, "place": keyword_list,
        "article_person": keyword_list, "article_organization": keyword_list, "article_place": keyword_list,
        "agency": {"type": "text", "fields": {"keyword": {"type": "keyword", "normalizer": "lowercase"}}},
        "agency_wire": {"type": "text", "fields": {"keyword": {"type": "keyword", "normalizer": "lowercase"}}},
        "figures": {"type": "object", "dynamic": true},
        "mentioned": keyword,
    }},
    "settings": {"analysis": {"normalizer": {"lowercase": {"type": "custom", "filter": ["lowercase"]}}}}})
}

/// A name as one Sphinx token: its key, words joined by `_` (`volodymyr_zelenskyy`).
pub fn sphinx_token(name: &str) -> String {
    crate::annotate::keys::key(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
}

/// An agency's id in the `agency_ids` attribute: stable across exports (a hash of its name,
/// as the agency facet tells names apart).
pub fn agency_id(name: &str) -> u32 {
    (xxhash_rust::xxh3::xxh3_64(name.as_bytes()) as u32 & 0x7fff_ffff).max(1)
}

/// The Sphinx shards being written.
struct Sphinx {
    dir: std::path::PathBuf,
    shards: Vec<BufWriter<File>>,
    /// The shard of the article being written, and its id.
    current: (usize, String),
    articles: usize,
    next_id: u64,
    agencies: BTreeMap<u32, String>,
}

const SPHINX_SCHEMA: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<sphinx:docset>
<sphinx:schema>
<sphinx:field name="title"/>
<sphinx:field name="body"/>
<sphinx:field name="person"/>
<sphinx:field name="organization"/>
<sphinx:field name="place"/>
<sphinx:field name="article_person"/>
<sphinx:field name="article_organization"/>
<sphinx:field name="article_place"/>
<sphinx:field name="agency"/>
<sphinx:field name="agency_wire"/>
<sphinx:attr name="article_id" type="string"/>
<sphinx:attr name="article_num" type="int" bits="32"/>
<sphinx:attr name="path" type="string"/>
<sphinx:attr name="line" type="int" bits="32"/>
<sphinx:attr name="passage" type="int" bits="32"/>
<sphinx:attr name="date" type="timestamp"/>
<sphinx:attr name="agency_ids" type="multi"/>
<sphinx:attr name="figures" type="json"/>
</sphinx:schema>
"#;

impl Sphinx {
    fn new(dir: &Path, shards: usize) -> Result<Sphinx> {
        let mut files = Vec::new();
        for n in 1..=shards {
            let mut f = BufWriter::new(File::create(dir.join(format!("passages-{n}.xml")))?);
            f.write_all(SPHINX_SCHEMA.as_bytes())?;
            files.push(f);
        }
        Ok(Sphinx {
            dir: dir.to_path_buf(),
            shards: files,
            current: (0, String::new()),
            articles: 0,
            next_id: 1,
            agencies: BTreeMap::new(),
        })
    }
}

fn xml(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn tokens(names: &[String]) -> String {
    names
        .iter()
        .map(|n| sphinx_token(n))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Sink for Sphinx {
    fn add(&mut self, r: &Record) -> Result<()> {
        if r.article_id != self.current.1 {
            // Whole articles to a shard, in turn.
            self.current = (self.articles % self.shards.len(), r.article_id.clone());
            self.articles += 1;
        }
        let ids: Vec<String> = r
            .agency
            .iter()
            .map(|a| {
                let id = agency_id(a);
                self.agencies.entry(id).or_insert_with(|| a.clone());
                id.to_string()
            })
            .collect();
        let date = r
            .date
            .as_deref()
            .and_then(crate::date::Date::parse)
            .map_or(0, |d| d.days() * 86_400);
        let out = &mut self.shards[self.current.0];
        writeln!(
            out,
            "<sphinx:document id=\"{}\"><title>{}</title><body>{}</body><person>{}</person><organization>{}</organization><place>{}</place><article_person>{}</article_person><article_organization>{}</article_organization><article_place>{}</article_place><agency>{}</agency><agency_wire>{}</agency_wire><article_id>{}</article_id><article_num>{}</article_num><path>{}</path><line>{}</line><passage>{}</passage><date>{}</date><agency_ids>{}</agency_ids><figures>{}</figures></sphinx:document>",
            self.next_id,
            xml(&r.title),
            xml(&r.body),
            tokens(&r.person),
            tokens(&r.organization),
            tokens(&r.place),
            tokens(&r.article_person),
            tokens(&r.article_organization),
            tokens(&r.article_place),
            tokens(&r.agency),
            tokens(&r.agency_wire),
            xml(&r.article_id),
            self.articles,
            xml(&r.path),
            r.line,
            r.passage,
            date.max(0),
            ids.join(","),
            xml(&sphinx_figures(&r.figures)),
        )?;
        self.next_id += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        for f in &mut self.shards {
            f.write_all(b"</sphinx:docset>\n")?;
            f.flush()?;
        }
        let tsv: String = self
            .agencies
            .iter()
            .map(|(id, n)| format!("{id}\t{n}\n"))
            .collect();
        std::fs::write(self.dir.join("agencies.tsv"), tsv)?;
        std::fs::write(
            self.dir.join("sphinx.conf"),
            sphinx_conf(&self.dir, self.shards.len()),
        )?;
        Ok(())
    }
}

/// A figure's value as stored in Sphinx's JSON attribute and compared in its queries:
/// sign(v) × round(log10(1 + |v|) × 10⁶), an integer that orders as the values do and fits in
/// 32 bits, since Sphinx 2.2 compares JSON array values as 32-bit integers (2.8e11 > 1e9 is
/// false there as written).
pub fn sphinx_figure_value(v: f64) -> i64 {
    (v.signum() * ((1.0 + v.abs()).log10() * 1e6).round()) as i64
}

fn sphinx_figures(figures: &BTreeMap<String, Vec<f64>>) -> String {
    let map: serde_json::Map<String, serde_json::Value> = figures
        .iter()
        .map(|(u, vs)| {
            (
                u.clone(),
                vs.iter().map(|v| json!(sphinx_figure_value(*v))).collect(),
            )
        })
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// A `sphinx.conf` for one machine: each shard a plain index, and `newsdex` over them all.
pub fn sphinx_conf(dir: &Path, shards: usize) -> String {
    let mut conf = String::from("# newsdex passages for Sphinx 2.2 / Manticore: indexer --config sphinx.conf --all; searchd --config sphinx.conf\n");
    for n in 1..=shards {
        conf.push_str(&sphinx_shard(dir, n));
    }
    conf.push_str("index newsdex\n{\n    type = distributed\n");
    for n in 1..=shards {
        conf.push_str(&format!("    local = shard{n}\n"));
    }
    conf.push_str(&format!(
        "}}\nindexer\n{{\n    mem_limit = 256M\n}}\nsearchd\n{{\n    listen = 127.0.0.1:9312\n    listen = 127.0.0.1:9306:mysql41\n    log = {0}/searchd.log\n    query_log = {0}/query.log\n    pid_file = {0}/searchd.pid\n    binlog_path =\n}}\n",
        dir.display()
    ));
    conf
}

/// The source and plain index of shard `n`.
pub fn sphinx_shard(dir: &Path, n: usize) -> String {
    format!(
        "source shard{n}\n{{\n    type = xmlpipe2\n    xmlpipe_command = cat {0}/passages-{n}.xml\n}}\nindex shard{n}\n{{\n    source = shard{n}\n    path = {0}/data/shard{n}\n    morphology = stem_en\n}}\n",
        dir.display()
    )
}
