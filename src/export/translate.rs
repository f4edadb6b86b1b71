//! A newsdex search written as another engine's query, over the fields of an export: what
//! `newsdex search --print-query ENGINE` prints. Entity names are resolved through this
//! index's catalogue first (`--person Kerry` becomes the canonical "John Kerry"), so the
//! query matches the entity lists of the export.
//!
//! What carries over: words (at least half of them must match, as newsdex asks; `+word`,
//! `-word`, AND, OR, NOT and "phrases" keep their meaning), entity filters (on the article's
//! tagged entities when there are words, on the passage's otherwise), figure filters, agency
//! filters and dates. What does not: newsdex's ranking (proximity, title weight, expansion),
//! its grouping by article and its collapsing of near-duplicates, and the entity filter's
//! second kind of evidence (a name present in an article but not tagged).

use std::ops::Bound;

use anyhow::Result;
use serde_json::{json, Value};

use super::engines::{sphinx_figure_value, sphinx_token, Engine};
use crate::annotate::entities::Kind;
use crate::index::Store;
use crate::search::figure::FigureFilter;
use crate::search::{entity, Request};

/// The words and filters of a request, with entity names resolved.
struct Parts {
    words: Option<String>,
    /// (field of the export, names: any matches). The names are every name the catalogue ties
    /// to the entity (its canonical names among them); the keys, their index keys.
    entities: Vec<(String, Vec<String>, Vec<String>)>,
    agencies: Vec<String>,
    wire_only: bool,
    figures: Vec<FigureFilter>,
    since: Option<String>,
    until: Option<String>,
}

fn parts(store: &Store, req: &Request) -> Result<Parts> {
    let searcher = store.searcher()?;
    let words = req.query.clone().filter(|q| !q.trim().is_empty());
    let prefix = if words.is_some() { "article_" } else { "" };
    let f = &req.filters;
    if f.figures.iter().any(|f| f.units.is_none()) {
        anyhow::bail!(
            "--print-query needs a unit in every --figure, as in usd>1e9: the export keeps figures by unit"
        );
    }
    let mut entities = Vec::new();
    for (kind, names) in [
        (Kind::Person, &f.persons),
        (Kind::Organization, &f.orgs),
        (Kind::Place, &f.places),
    ] {
        for typed in names {
            let r = entity::resolve(store, &searcher, kind, typed)?;
            entities.push((format!("{prefix}{}", kind.as_str()), r.names, r.keys));
        }
    }
    Ok(Parts {
        words,
        entities,
        agencies: f.agencies.clone(),
        wire_only: f.wire_only,
        figures: f.figures.clone(),
        since: f.since.map(|d| d.to_string()),
        until: f.until.map(|d| d.to_string()),
    })
}

/// The request as `engine`'s query.
pub fn print(store: &Store, req: &Request, engine: Engine) -> Result<String> {
    let p = parts(store, req)?;
    Ok(match engine {
        Engine::Quickwit => quickwit(&p),
        Engine::Opensearch => serde_json::to_string_pretty(&opensearch(&p, req.limit))?,
        Engine::Sphinx => sphinx(&p, req.limit),
    })
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn bound_text(b: &Bound<f64>, inclusive: &str, exclusive: &str) -> Option<String> {
    match b {
        Bound::Included(v) => Some(format!("{inclusive}{v}")),
        Bound::Excluded(v) => Some(format!("{exclusive}{v}")),
        Bound::Unbounded => None,
    }
}

/// The figure filter's units (every filter has some: see [`parts`]).
fn units(f: &FigureFilter) -> Vec<String> {
    f.units.clone().unwrap_or_default()
}

fn quickwit(p: &Parts) -> String {
    let mut clauses = Vec::new();
    if let Some(w) = &p.words {
        clauses.push(format!("body:({w})"));
    }
    for (field, names, _) in &p.entities {
        let any: Vec<String> = names
            .iter()
            .map(|n| format!("{field}:{}", quote(n)))
            .collect();
        clauses.push(format!("({})", any.join(" OR ")));
    }
    for a in &p.agencies {
        clauses.push(format!("agency:{}", quote(&a.to_lowercase())));
    }
    if p.wire_only && p.agencies.is_empty() {
        clauses.push("agency_wire:*".into());
    }
    for f in &p.figures {
        let per_unit: Vec<String> = units(f)
            .iter()
            .map(|u| {
                let low = bound_text(&f.low, ">=", ">");
                let high = bound_text(&f.high, "<=", "<");
                let parts: Vec<String> = [low, high]
                    .into_iter()
                    .flatten()
                    .map(|b| format!("figures.{u}:{b}"))
                    .collect();
                if parts.is_empty() {
                    format!("figures.{u}:*")
                } else {
                    format!("({})", parts.join(" AND "))
                }
            })
            .collect();
        clauses.push(format!("({})", per_unit.join(" OR ")));
    }
    if let Some(d) = &p.since {
        clauses.push(format!("date:>={d}T00:00:00Z"));
    }
    if let Some(d) = &p.until {
        clauses.push(format!("date:<={d}T23:59:59Z"));
    }
    clauses.join(" AND ")
}

fn opensearch(p: &Parts, limit: usize) -> Value {
    let mut must = Vec::new();
    let mut filter = Vec::new();
    if let Some(w) = &p.words {
        must.push(json!({"query_string": {"query": w, "default_field": "body",
            "minimum_should_match": "50%"}}));
    }
    for (field, names, _) in &p.entities {
        filter.push(json!({"terms": {format!("{field}.keyword"): names}}));
    }
    for a in &p.agencies {
        filter.push(json!({"term": {"agency.keyword": a.to_lowercase()}}));
    }
    if p.wire_only && p.agencies.is_empty() {
        filter.push(json!({"exists": {"field": "agency_wire"}}));
    }
    for f in &p.figures {
        let ranges: Vec<Value> = units(f)
            .iter()
            .map(|u| {
                let mut r = serde_json::Map::new();
                for (b, inc, exc) in [(&f.low, "gte", "gt"), (&f.high, "lte", "lt")] {
                    match b {
                        Bound::Included(v) => r.insert(inc.into(), json!(v)),
                        Bound::Excluded(v) => r.insert(exc.into(), json!(v)),
                        Bound::Unbounded => None,
                    };
                }
                json!({"range": {format!("figures.{u}"): r}})
            })
            .collect();
        filter.push(json!({"bool": {"should": ranges, "minimum_should_match": 1}}));
    }
    if p.since.is_some() || p.until.is_some() {
        filter.push(json!({"range": {"date": {"gte": p.since, "lte": p.until}}}));
    }
    json!({"size": limit, "query": {"bool": {"must": must, "filter": filter}},
        "aggs": {"agencies": {"terms": {"field": "agency.keyword"}}},
        "highlight": {"fields": {"body": {}}}})
}

/// Newsdex's words in Sphinx's extended syntax: plain words as a quorum (half of them, as
/// newsdex requires), operators as Sphinx writes them.
pub fn sphinx_words(q: &str) -> String {
    let has_operators = crate::search::text::has_operators(q);
    if !has_operators {
        let words: Vec<&str> = q.split_whitespace().collect();
        let need = words.len().div_ceil(2).max(1);
        return if words.len() == 1 {
            format!("@body {}", words[0])
        } else {
            format!("@body \"{}\"/{need}", words.join(" "))
        };
    }
    let mut out = Vec::new();
    for w in q.split_whitespace() {
        out.push(match w {
            "AND" => String::new(),
            "OR" => "|".into(),
            "NOT" => "!".into(),
            _ => w.trim_start_matches('+').to_string(),
        });
    }
    format!("@body {}", out.join(" ").replace("! ", "!"))
}

fn sphinx(p: &Parts, limit: usize) -> String {
    let mut matches = Vec::new();
    if let Some(w) = &p.words {
        matches.push(sphinx_words(w));
    }
    for (field, _, keys) in &p.entities {
        let any: Vec<String> = keys.iter().map(|k| sphinx_token(k)).collect();
        matches.push(format!("@{field} ({})", any.join(" | ")));
    }
    for a in &p.agencies {
        matches.push(format!("@agency {}", sphinx_token(a)));
    }
    let mut select = vec![
        "id".to_string(),
        "article_id".into(),
        "WEIGHT() AS w".into(),
    ];
    let mut wheres = Vec::new();
    if !matches.is_empty() {
        wheres.push(format!(
            "MATCH('{}')",
            matches.join(" ").replace('\'', "\\'")
        ));
    }
    if p.wire_only && p.agencies.is_empty() {
        wheres.push("MATCH('@agency_wire *')".into());
    }
    for (i, f) in p.figures.iter().enumerate() {
        let conds: Vec<String> = units(f)
            .iter()
            .map(|u| {
                let scaled = |b: &Bound<f64>| match b {
                    Bound::Included(v) => Bound::Included(sphinx_figure_value(*v) as f64),
                    Bound::Excluded(v) => Bound::Excluded(sphinx_figure_value(*v) as f64),
                    Bound::Unbounded => Bound::Unbounded,
                };
                let c: Vec<String> = [
                    bound_text(&scaled(&f.low), "x>=", "x>"),
                    bound_text(&scaled(&f.high), "x<=", "x<"),
                ]
                .into_iter()
                .flatten()
                .collect();
                let c = if c.is_empty() {
                    "x>-2000000000".to_string()
                } else {
                    c.join(" AND ")
                };
                format!("ANY({c} FOR x IN figures.{u})")
            })
            .collect();
        select.push(format!("({}) AS f{i}", conds.join(" OR ")));
        wheres.push(format!("f{i}=1"));
    }
    let day = |d: &str, end: bool| {
        crate::date::Date::parse(d).map_or(0, |d| d.days() * 86_400 + if end { 86_399 } else { 0 })
    };
    if let Some(d) = &p.since {
        wheres.push(format!("date>={}", day(d, false)));
    }
    if let Some(d) = &p.until {
        wheres.push(format!("date>0 AND date<={}", day(d, true)));
    }
    let where_clause = if wheres.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", wheres.join(" AND "))
    };
    format!(
        "SELECT {} FROM newsdex{where_clause} LIMIT {limit}",
        select.join(", ")
    )
}
