//! Gazetteers: places (countries with their other spellings, capitals, continents, US states,
//! cities of at least 50,000 people), demonyms with the country they name, and common first
//! and last names. Built by [`build`] from GeoNames, countryinfo and the US Census name lists
//! into the compact committed file `models/gazetteer.tsv`, which is compiled into the binary.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;

mod organizations;

/// The committed gazetteer, compiled in.
const GAZETTEER: &str = include_str!("../../models/gazetteer.tsv");

/// Cities with at least this many people are listed (every city of the GeoNames list has
/// 15,000); their other Latin-script names too from this many.
const CITY_POPULATION: u64 = 15_000;
const CITY_ALTERNATES_POPULATION: u64 = 100_000;
/// The most common last names kept from the census list.
const LAST_NAMES: usize = 10_000;

/// What a phrase is, as bit flags (a phrase may be several things: "Jordan").
pub mod kind {
    pub const PLACE: u8 = 1;
    pub const COUNTRY: u8 = 2;
    pub const DEMONYM: u8 = 4;
    pub const FIRST_NAME: u8 = 8;
    pub const LAST_NAME: u8 = 16;
    pub const ORGANIZATION: u8 = 32;
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Lower-cased phrase → kinds.
    phrases: FxHashMap<String, u8>,
    /// Lower-cased place or demonym → the canonical place name ("republic of korea" → "South Korea").
    canonical: FxHashMap<String, String>,
    /// The longest phrase, in words.
    pub max_words: usize,
    /// The first words of the phrases of more words ("united" for "united states"), so that a
    /// search for the longest phrase at a word stops where none goes on.
    prefixes: FxHashSet<String>,
}

impl Gazetteer {
    /// The compiled-in gazetteer, parsed once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(GAZETTEER))
    }

    pub fn parse(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        // Read once at every start: sized up front, not grown.
        let lines = text.lines().count();
        g.phrases.reserve(lines);
        g.canonical.reserve(lines / 4);
        g.prefixes.reserve(lines / 4);
        for line in text.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(tag), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            let flag = match tag {
                "P" => kind::PLACE,
                "C" => kind::PLACE | kind::COUNTRY,
                "D" => kind::DEMONYM,
                "F" => kind::FIRST_NAME,
                "L" => kind::LAST_NAME,
                "O" => kind::ORGANIZATION,
                _ => continue,
            };
            let key = name.to_lowercase();
            g.max_words = g.max_words.max(key.split_whitespace().count());
            for (i, _) in key.match_indices(' ') {
                g.prefixes.insert(key[..i].to_string());
            }
            *g.phrases.entry(key.clone()).or_default() |= flag;
            if let Some(canon) = cols.next() {
                g.canonical.entry(key).or_insert_with(|| canon.to_string());
            }
        }
        g
    }

    /// Whether some longer phrase starts with `phrase` and a space.
    pub fn continues(&self, phrase: &str) -> bool {
        self.prefixes.contains(phrase)
    }

    /// The kinds of a phrase (lower-cased words joined by single spaces), 0 if unknown.
    pub fn kinds(&self, phrase: &str) -> u8 {
        self.phrases.get(phrase).copied().unwrap_or(0)
    }

    /// The canonical place for a place name or demonym ("Russian" → "Russia").
    pub fn canonical_place(&self, phrase: &str) -> Option<String> {
        let key = phrase.to_lowercase();
        match self.canonical.get(&key) {
            Some(c) => Some(c.clone()),
            None => (self.kinds(&key) & kind::PLACE != 0).then(|| phrase.to_string()),
        }
    }
}

/// A name in Latin letters, capitalised, of at least three letters ("Palmyra"; not "Tadmor
/// (Syria)" or a transliteration in lower case).
fn is_latin_name(s: &str) -> bool {
    s.chars().count() >= 3
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '\'')
}

pub(crate) fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds `models/gazetteer.tsv` from `../shared/data/gazetteers` (folder `data`).
pub fn build(data: &Path, out: &Path) -> Result<usize> {
    let read_json = |rel: &str| -> Result<Value> {
        let p = data.join(rel);
        let text = fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        serde_json::from_str(&text).with_context(|| format!("parsing {}", p.display()))
    };
    // tag, name → canonical ("" for none). BTreeMap: a stable, sorted file.
    let mut rows: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut add = |tag: &str, name: &str, canon: &str| {
        let name = name.trim();
        if name.chars().count() >= 2 && !name.contains('\t') {
            rows.entry((tag.to_string(), name.to_string()))
                .or_insert_with(|| canon.to_string());
        }
    };

    let countries = read_json("geonames/countries.json")?;
    for c in countries.as_object().into_iter().flat_map(|m| m.values()) {
        if let Some(name) = c["name"].as_str() {
            add("C", name, name);
            if let Some(cap) = c["capital"].as_str() {
                add("P", cap, cap);
            }
        }
    }
    let ci_dir = data.join("countryinfo/data");
    let mut files: Vec<_> = fs::read_dir(&ci_dir)
        .with_context(|| format!("reading {}", ci_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let v: Value =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        let Some(name) = v["name"].as_str() else {
            continue;
        };
        add("C", name, name);
        for alt in v["altSpellings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            // Skip ISO codes ("KR", "KOR"); keep spelled-out names.
            if alt.chars().any(|c| c.is_lowercase()) && !alt.contains(',') {
                add("C", alt, name);
            }
        }
        if let Some(cap) = v["capital"].as_str() {
            add("P", cap, cap);
        }
        if let Some(dem) = v["demonym"].as_str().filter(|d| !d.is_empty()) {
            add("D", dem, name);
            if !dem.ends_with('s')
                && !dem.ends_with("ese")
                && !dem.ends_with("ish")
                && !dem.ends_with("ch")
            {
                add("D", &format!("{dem}s"), name);
            }
        }
    }
    for (abbr, name) in [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("U.S.A.", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("UAE", "United Arab Emirates"),
        ("DRC", "Democratic Republic of the Congo"),
    ] {
        add("C", abbr, name);
    }
    for (dem, name) in [
        ("British", "United Kingdom"),
        ("Briton", "United Kingdom"),
        ("Britons", "United Kingdom"),
    ] {
        add("D", dem, name);
    }
    let continents = read_json("geonames/continents.json")?;
    for c in continents.as_object().into_iter().flat_map(|m| m.values()) {
        if let Some(name) = c["name"].as_str().or(c["asciiName"].as_str()) {
            add("P", name, name);
        }
    }
    let states = read_json("geonames/us_states.json")?;
    for s in states.as_object().into_iter().flat_map(|m| m.values()) {
        if let Some(name) = s["name"].as_str() {
            add("P", name, name);
        }
    }
    let cities = read_json("geonames/cities15000.json")?;
    for c in cities.as_object().into_iter().flat_map(|m| m.values()) {
        if c["population"].as_u64().unwrap_or(0) >= CITY_POPULATION {
            if let Some(name) = c["name"].as_str() {
                add("P", name, name);
                if let Some(ascii) = c["asciiname"].as_str() {
                    add("P", ascii, name);
                }
                if c["population"].as_u64().unwrap_or(0) >= CITY_ALTERNATES_POPULATION {
                    for alt in c["alternatenames"].as_array().into_iter().flatten() {
                        if let Some(alt) = alt.as_str().filter(|a| is_latin_name(a)) {
                            add("P", alt, name);
                        }
                    }
                }
            }
        }
    }
    let census = |file: &str, limit: usize| -> Result<Vec<String>> {
        let p = data.join("census-names").join(file);
        let text = fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        Ok(text
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .take(limit)
            .map(title_case)
            .collect())
    };
    for n in census("dist.male.first", usize::MAX)?
        .into_iter()
        .chain(census("dist.female.first", usize::MAX)?)
    {
        add("F", &n, "");
    }
    for n in census("dist.all.last", LAST_NAMES)? {
        add("L", &n, "");
    }

    for name in organizations::names(&data.join("organizations"))? {
        add("O", &name, "");
    }

    let mut text = String::from(
        "# newsdex gazetteer, built by `newsdex ner gazetteer` from:\n\
         # GeoNames (countries, continents, US states, cities of 50,000+ people), CC BY 4.0, https://www.geonames.org/\n\
         # countryinfo 1.0.1 package data (names, other spellings, capitals, demonyms), MIT licence: Copyright (c) 2018 Porimol Chandro\n\
         # US Census Bureau 1990 first and last name lists, public domain\n\
         # organisations: WordNet 3.1 (WordNet 3.1 Copyright 2011 by Princeton University, all rights reserved; see its licence),\n\
         #   SEC EDGAR company list (US government data, via edgartools, MIT), pytickersymbols index lists (MIT),\n\
         #   CIA World Factbook political parties (public domain), swot universities (MIT, JetBrains), compromise lexicon (MIT)\n\
         # columns: tag (C country, P place, D demonym, F first name, L last name, O organisation), name, canonical place\n",
    );
    let n = rows.len();
    for ((tag, name), canon) in rows {
        if canon.is_empty() || canon == name {
            text.push_str(&format!("{tag}\t{name}\n"));
        } else {
            text.push_str(&format!("{tag}\t{name}\t{canon}\n"));
        }
    }
    fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    Ok(n)
}
