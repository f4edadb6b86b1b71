//! Organisation names for the gazetteer, normalised from the lists in
//! `../shared/data/gazetteers/organizations`: WordNet's organisations (with their classes),
//! US-listed and stock-index companies, political parties, universities and sports teams.
//!
//! Company names lose their legal suffixes ("Apple Inc." is also "Apple"; "NVIDIA CORP" is
//! "Nvidia"), names in capitals are title-cased, and a one-word name is kept only when raw
//! news text writes it mostly capitalised (the committed word clusters say so): "Apple" is
//! kept, "General" (from "General Mills Inc" stripped of nothing useful) is not. The recognizer
//! reads membership as a feature; it never overrides the model. A short list of our own
//! ([`MORE_ORGANIZATIONS`]) adds what the lists are too old or too narrow to hold.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::title_case;

/// WordNet classes that are not organisations a news story would name as one.
const NOT_ORGANIZATION_CLASSES: &[&str] = &[
    "denomination",
    "church",
    "religion",
    "buddhism",
    "judaism",
    "sect",
    "dynasty",
    "culture",
    "community",
    "house",
    "artistic",
    "movement",
    "order",
    "people",
    "tribe",
    "family",
    "school",
    "colony",
];

/// Organisations in the news that the lists miss: armed groups, alliances and bodies founded
/// or renamed after WordNet 3.1 (2011), and non-governmental bodies that are not companies.
const MORE_ORGANIZATIONS: &[&str] = &[
    "Daesh",
    "Da'esh",
    "ISIL",
    "ISIS",
    "Islamic State",
    "Islamic State of Iraq and the Levant",
    "Islamic State of Iraq and Syria",
    "Al-Shabaab",
    "al-Shabab",
    "Boko Haram",
    "Hayat Tahrir al-Sham",
    "Jabhat al-Nusra",
    "Nusra Front",
    "Houthis",
    "Ansar Allah",
    "Wagner Group",
    "Peshmerga",
    "YPG",
    "PKK",
    "Syrian Democratic Forces",
    "Free Syrian Army",
    "Popular Mobilization Forces",
    "Amnesty International",
    "Human Rights Watch",
    "Medecins Sans Frontieres",
    "Doctors Without Borders",
    "Red Crescent",
    "International Committee of the Red Cross",
    "International Criminal Court",
    "International Atomic Energy Agency",
    "World Food Programme",
    "UNHCR",
    "UNRWA",
    "Transparency International",
    "Reporters Without Borders",
    "Committee to Protect Journalists",
    "Oxfam",
    "Save the Children",
    "African Union",
    "Arab League",
    "Gulf Cooperation Council",
    "Shanghai Cooperation Organisation",
    "BRICS",
    "G7",
    "G20",
    "Facebook",
    "Twitter",
    "Meta",
    "TikTok",
    "Telegram",
];

/// Legal forms dropped from the end of a company's name.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "cos",
    "ltd",
    "limited",
    "plc",
    "ag",
    "se",
    "sa",
    "s.a",
    "nv",
    "n.v",
    "llc",
    "lp",
    "l.p",
    "holdings",
    "holding",
    "group",
    "trust",
    "bancorp",
    "the",
];

/// Every organisation name, normalised, in a stable order.
pub fn names(dir: &Path, capitalised: &HashMap<String, u8>) -> Result<BTreeSet<String>> {
    let read = |name: &str| -> Result<String> {
        let p = dir.join(name);
        fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))
    };
    let mut out = BTreeSet::new();
    let mut add = |raw: &str, strip: bool| {
        for name in variants(raw, strip) {
            if keep(&name, capitalised) {
                out.insert(name);
            }
        }
    };
    for file in ["wordnet-organizations.tsv", "wordnet-social-groups.tsv"] {
        for line in read(file)?.lines() {
            let (name, class) = line.split_once('\t').unwrap_or((line, ""));
            let class = class.to_lowercase();
            if !NOT_ORGANIZATION_CLASSES.iter().any(|c| class.contains(c)) {
                add(&name.replace('_', " "), false);
            }
        }
    }
    for line in read("sec-company-tickers.tsv")?.lines().skip(1) {
        if let Some(name) = line.split('\t').nth(3) {
            add(name, true);
        }
    }
    for line in read("stock-index-companies.tsv")?.lines() {
        add(line.split('\t').next().unwrap_or(""), true);
    }
    for line in read("factbook-political-parties.txt")?.lines() {
        // "AfD ;; Christian Democratic Union": several names on a line; acronyms are left
        // out (two letters name too many things).
        for part in line.split(";;") {
            if part.split_whitespace().count() >= 2 {
                add(part, false);
            }
        }
    }
    for line in read("universities.txt")?.lines() {
        let words = line.split_whitespace().count();
        if (2..=6).contains(&words) && !line.contains(|c: char| c.is_ascii_digit() || c == ':') {
            add(line, false);
        }
    }
    for name in MORE_ORGANIZATIONS {
        add(name, false);
    }
    for file in [
        "compromise-organizations.txt",
        "compromise-sports-teams.txt",
    ] {
        for line in read(file)?.lines() {
            add(&title_case(line.trim()), false);
        }
    }
    Ok(out)
}

/// The forms of one listed name: as written (title-cased if it is in capitals) and, for a
/// company, without its legal suffixes and any "/DE/"-style state mark.
fn variants(raw: &str, strip: bool) -> Vec<String> {
    let mut name = raw.split('/').next().unwrap_or("").trim().to_string();
    name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if !name.chars().any(char::is_lowercase) {
        name = title_case(&name.to_lowercase());
    }
    let mut out = vec![name.clone()];
    if strip {
        let mut words: Vec<&str> = name.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        while words.len() > 1 {
            let last = words[words.len() - 1]
                .trim_end_matches('.')
                .to_lowercase()
                .replace('&', "");
            if LEGAL_SUFFIXES.contains(&last.as_str()) || last.is_empty() {
                words.pop();
            } else {
                break;
            }
        }
        let stripped = words.join(" ");
        if stripped != name {
            out.push(stripped);
        }
    }
    out
}

/// Whether a name is worth a gazetteer entry: two letters or more, starting with a capital
/// or digit, and, if it is one word, a word that news text mostly capitalises.
fn keep(name: &str, capitalised: &HashMap<String, u8>) -> bool {
    if name.chars().count() < 2 || name.contains('\t') {
        return false;
    }
    if !name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    name.contains(' ') || mostly_capitalised(name, capitalised)
}

/// Whether news text mostly capitalises a word, or the clusters do not know it.
pub(super) fn mostly_capitalised(word: &str, capitalised: &HashMap<String, u8>) -> bool {
    capitalised
        .get(&word.to_lowercase())
        .is_none_or(|&bucket| bucket >= 3)
}

/// Whether news text mostly writes a word in lower case (the clusters know it, and rarely
/// or never capitalise it away from a sentence's start).
pub(super) fn written_in_lower_case(word: &str, capitalised: &HashMap<String, u8>) -> bool {
    capitalised
        .get(&word.to_lowercase())
        .is_some_and(|&bucket| bucket <= 1)
}

/// The committed word clusters, whose last column says how often raw text capitalises a
/// word (built first: `newsdex-train clusters`).
const CLUSTERS: &str = "models/clusters.tsv";

/// Lower-cased word → how often raw text capitalises it (the last column of the clusters
/// file: 0 never to 4 always).
pub(super) fn capitalised_words() -> Result<HashMap<String, u8>> {
    let text = fs::read_to_string(CLUSTERS).with_context(|| format!("reading {CLUSTERS}"))?;
    let mut out: HashMap<String, u8> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(word), Some(bucket)) = (cols.next(), cols.next_back()) else {
            continue;
        };
        if let Ok(b) = bucket.parse::<u8>() {
            let e = out.entry(word.to_lowercase()).or_insert(b);
            *e = (*e).max(b);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names_lose_legal_forms() {
        assert_eq!(variants("NVIDIA CORP", true), vec!["Nvidia Corp", "Nvidia"]);
        assert_eq!(variants("Apple Inc.", true), vec!["Apple Inc.", "Apple"]);
        assert_eq!(
            variants("BERKSHIRE HATHAWAY INC /DE/", true),
            vec!["Berkshire Hathaway Inc", "Berkshire Hathaway"]
        );
        assert_eq!(variants("Bank of America", false), vec!["Bank of America"]);
    }

    #[test]
    fn one_word_names_must_be_mostly_capitalised() {
        let caps: HashMap<String, u8> = [("general".into(), 1), ("apple".into(), 3)].into();
        assert!(!keep("General", &caps));
        assert!(keep("Apple", &caps));
        assert!(keep("Nvidia", &caps));
        assert!(keep("General Mills", &caps));
        assert!(!keep("general mills", &caps));
    }
}
