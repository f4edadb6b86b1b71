//! The builder of the gazetteer that [`crate::annotate::gazetteer`] reads: places from
//! GeoNames and countryinfo (and WordNet's regions, `regions`), person names from the US
//! Census lists and organisations (`organizations`), from `../shared/data/gazetteers` into
//! the committed `models/gazetteer.tsv`.

mod abbreviations;
mod organizations;
mod regions;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::Value;

use super::names::read_json;
use crate::annotate::keys::without_accents;

/// Cities with at least this many people are listed (every city of the GeoNames list has
/// 15,000); their other Latin-script names too from this many.
const CITY_POPULATION: u64 = 15_000;
const CITY_ALTERNATES_POPULATION: u64 = 100_000;
/// The most common last names kept from the census list.
const LAST_NAMES: usize = 10_000;

/// A name in Latin letters, capitalised, of at least three letters ("Palmyra"; not "Tadmor
/// (Syria)" or a transliteration in lower case).
fn is_latin_name(s: &str) -> bool {
    s.chars().count() >= 3
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-' || c == '\'')
}

/// A place's name as English news writes it: no accents and no marks for the Arabic ayn
/// and hamza ("Tikrīt" → "Tikrit", "Sāmarrā’" → "Samarra", "‘Aqrah" → "Aqrah").
fn plain(name: &str) -> String {
    let name = name.replace(['\u{2018}', '\u{2019}', '\u{02bb}', '\u{02bc}', '`'], "");
    without_accents(name.trim_matches('\'')).into_owned()
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

/// Builds `models/gazetteer.tsv` from `../shared/data/gazetteers` (folder `data`), WordNet's
/// nouns and the words CoNLL-2003's training file tags (for the abbreviations that name
/// nothing).
pub fn build(data: &Path, wordnet: &Path, conll_train: &Path, out: &Path) -> Result<usize> {
    let mut rows = Rows::default();
    countries(data, &mut rows)?;
    countryinfo(data, &mut rows)?;
    abbreviations(&mut rows);
    person_names(data, &mut rows)?;
    let capitalised = organizations::capitalised_words()?;
    // Before the places, whose other names the organisations' are not ("White House").
    for name in organizations::names(&data.join("organizations"), &capitalised)? {
        rows.add("O", &name, "");
    }
    places(data, &capitalised, &mut rows)?;
    regions(wordnet, &capitalised, &mut rows)?;
    for abbreviation in abbreviations::common(wordnet, conll_train)? {
        rows.add("A", &abbreviation, "");
    }
    rows.write(out)
}

/// The gazetteer's rows: (tag, name) → canonical name ("" for none), in a BTreeMap so that
/// the file is sorted and stable.
#[derive(Default)]
struct Rows(BTreeMap<(String, String), String>);

impl Rows {
    /// Adds a name of two or more characters, unless it is in already.
    fn add(&mut self, tag: &str, name: &str, canon: &str) {
        let name = name.trim();
        if name.chars().count() >= 2 && !name.contains('\t') {
            self.0
                .entry((tag.to_string(), name.to_string()))
                .or_insert_with(|| canon.to_string());
        }
    }

    /// Whether the name is in with the tag.
    fn has(&self, tag: &str, name: &str) -> bool {
        self.0.contains_key(&(tag.to_string(), name.to_string()))
    }

    /// Writes the file (header, then one row per line); returns the number of rows.
    fn write(self, out: &Path) -> Result<usize> {
        let mut text = String::from(HEADER);
        let n = self.0.len();
        for ((tag, name), canon) in self.0 {
            if canon.is_empty() || canon == name {
                text.push_str(&format!("{tag}\t{name}\n"));
            } else {
                text.push_str(&format!("{tag}\t{name}\t{canon}\n"));
            }
        }
        fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
        Ok(n)
    }
}

/// The file's header: where its rows come from, their licences, and its columns.
const HEADER: &str =
        "# newsdex gazetteer, built by `newsdex-train gazetteer` from:\n\
         # GeoNames (countries, continents, US states, cities of 15,000+ people), CC BY 4.0, https://www.geonames.org/\n\
         # countryinfo 1.0.1 package data (names, other spellings, capitals, demonyms), MIT licence: Copyright (c) 2018 Porimol Chandro\n\
         # US Census Bureau 1990 first and last name lists, public domain\n\
         # organisations: WordNet 3.1 (WordNet 3.1 Copyright 2011 by Princeton University, all rights reserved; see its licence),\n\
         #   SEC EDGAR company list (US government data, via edgartools, MIT), pytickersymbols index lists (MIT),\n\
         #   CIA World Factbook political parties (public domain), swot universities (MIT, JetBrains), compromise lexicon (MIT)\n\
         # abbreviations that name nothing: WordNet 3.1 nouns that are neither groups, places nor instances\n\
         # regions, provinces and islands (towns): WordNet 3.1 instances of places\n\
         # columns: tag (C country, P place, D demonym, F first name, L last name, O organisation, A common abbreviation,\n\
         #   T town: a city's name without accents or a WordNet region, read by the rules and not by the tagger's features),\n\
         #   name, canonical place\n";

/// A city's other names.
fn alternates(city: &Value) -> impl Iterator<Item = &str> {
    city["alternatenames"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// The values of a JSON object (none for anything else).
fn values(v: &Value) -> impl Iterator<Item = &Value> {
    v.as_object().into_iter().flat_map(|m| m.values())
}

/// GeoNames' countries and their capitals.
fn countries(data: &Path, rows: &mut Rows) -> Result<()> {
    for c in values(&read_json(&data.join("geonames/countries.json"))?) {
        if let Some(name) = c["name"].as_str() {
            rows.add("C", name, name);
            if let Some(cap) = c["capital"].as_str() {
                rows.add("P", cap, cap);
            }
        }
    }
    Ok(())
}

/// countryinfo's countries: other spellings, capitals and demonyms (with their plurals). A
/// demonym that several countries share names the most populous ("American": the United
/// States, not the Northern Mariana Islands; "French": France, not Martinique).
fn countryinfo(data: &Path, rows: &mut Rows) -> Result<()> {
    let ci_dir = data.join("countryinfo/data");
    let mut files: Vec<_> = fs::read_dir(&ci_dir)
        .with_context(|| format!("reading {}", ci_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut demonyms: Vec<(u64, String, String)> = Vec::new();
    for path in files {
        let v = read_json(&path)?;
        let Some(name) = v["name"].as_str() else {
            continue;
        };
        rows.add("C", name, name);
        for alt in v["altSpellings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            // Skip ISO codes ("KR", "KOR"); keep spelled-out names.
            if alt.chars().any(|c| c.is_lowercase()) && !alt.contains(',') {
                rows.add("C", alt, name);
            }
        }
        if let Some(cap) = v["capital"].as_str() {
            rows.add("P", cap, cap);
        }
        if let Some(dem) = v["demonym"].as_str().filter(|d| !d.is_empty()) {
            let people = v["population"].as_u64().unwrap_or(0);
            demonyms.push((people, dem.to_string(), name.to_string()));
        }
    }
    demonyms.sort_by_key(|d| std::cmp::Reverse(d.0));
    for (_, dem, name) in demonyms {
        rows.add("D", &dem, &name);
        if !dem.ends_with('s')
            && !dem.ends_with("ese")
            && !dem.ends_with("ish")
            && !dem.ends_with("ch")
        {
            rows.add("D", &format!("{dem}s"), &name);
        }
    }
    Ok(())
}

/// The short and other names news uses for countries that the lists lack.
fn abbreviations(rows: &mut Rows) {
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
        rows.add("C", abbr, name);
    }
    for (dem, name) in [
        ("British", "United Kingdom"),
        ("Briton", "United Kingdom"),
        ("Britons", "United Kingdom"),
    ] {
        rows.add("D", dem, name);
    }
}

/// Continents, US states, and cities (with their other Latin names when they are large).
/// The largest city takes a name that several share. A city's names are also listed as
/// English news writes them, without accents ("Tikrit" for Tikrīt), as towns (tag `T`, which
/// the recognizer's features do not read, each its own canonical name), unless that is a
/// word news does not mostly capitalise ("Hit" for Hīt, "Bank" for Bānk) or a person's name
/// of the census lists ("Garcia" for García).
fn places(data: &Path, capitalised: &HashMap<String, u8>, rows: &mut Rows) -> Result<()> {
    for c in values(&read_json(&data.join("geonames/continents.json"))?) {
        if let Some(name) = c["name"].as_str().or(c["asciiName"].as_str()) {
            rows.add("P", name, name);
        }
    }
    for s in values(&read_json(&data.join("geonames/us_states.json"))?) {
        if let Some(name) = s["name"].as_str() {
            rows.add("P", name, name);
        }
    }
    let cities_json = read_json(&data.join("geonames/cities15000.json"))?;
    let population = |c: &Value| c["population"].as_u64().unwrap_or(0);
    let mut cities: Vec<(&str, &Value)> = values(&cities_json)
        .filter(|c| population(c) >= CITY_POPULATION)
        .filter_map(|c| Some((c["name"].as_str()?, c)))
        .collect();
    cities.sort_by_key(|(_, c)| std::cmp::Reverse(population(c)));
    for (name, _) in &cities {
        rows.add("P", name, name);
    }
    // Other names in the list's order (its own choices of which city a shared one means:
    // "Angelopolis" is Puebla's). One that names an organisation, or is made of words that
    // raw text mostly writes in lower case, stands for no city: "White House" (Casablanca's
    // name translated), "ACT" (Waco's airport), "Basic" (Henderson's).
    for c in values(&cities_json).filter(|c| population(c) >= CITY_ALTERNATES_POPULATION) {
        let Some(name) = c["name"].as_str() else {
            continue;
        };
        for alt in alternates(c).filter(|a| is_latin_name(a)) {
            let common = alt
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .all(|w| organizations::written_in_lower_case(w, capitalised));
            let own = common || rows.has("O", alt);
            rows.add("P", alt, if own { alt } else { name });
        }
    }
    // The names as written without accents, where news does not write them otherwise.
    let mut towns = Vec::new();
    for (name, c) in &cities {
        let large = population(c) >= CITY_ALTERNATES_POPULATION;
        let names = std::iter::once(*name).chain(alternates(c).filter(|_| large));
        for bare in names.map(plain).filter(|b| is_latin_name(b)) {
            let person = ["F", "L"].iter().any(|t| rows.has(t, &bare));
            if news_name(&bare, capitalised) && !person && !rows.has("P", &bare) {
                towns.push(bare);
            }
        }
    }
    for town in towns {
        rows.add("T", &town, "");
    }
    Ok(())
}

/// WordNet's regions, provinces and islands ([`regions`]) as towns, where they are no
/// country or place already. A person's name of the census lists is kept ("Wales",
/// "England", "Devon"): the rules that read towns do so where a place is expected (after
/// "in", before "-based" or a government's role), and the one that finds a place no name
/// covers passes over persons' names.
fn regions(wordnet: &Path, capitalised: &HashMap<String, u8>, rows: &mut Rows) -> Result<()> {
    for name in regions::names(wordnet)? {
        let listed = rows.has("P", &name) || rows.has("C", &name);
        if is_latin_name(&name) && news_name(&name, capitalised) && !listed {
            rows.add("T", &name, "");
        }
    }
    Ok(())
}

/// A place's name news writes as a name: of more than one word, or a word of four letters
/// or more that news mostly capitalises ("God" is Göd, "Abu" Ābu, "Hit" Hīt).
fn news_name(name: &str, capitalised: &HashMap<String, u8>) -> bool {
    name.contains(' ') || (name.len() >= 4 && organizations::mostly_capitalised(name, capitalised))
}

/// The census's first names, and its most common last names.
fn person_names(data: &Path, rows: &mut Rows) -> Result<()> {
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
        rows.add("F", &n, "");
    }
    for n in census("dist.all.last", LAST_NAMES)? {
        rows.add("L", &n, "");
    }
    Ok(())
}
