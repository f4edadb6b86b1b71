//! Builds `models/synonyms.tsv`, the synonyms a query is expanded with (see
//! [`crate::search::synonyms`]), from WordNet 3.1 and word counts of unlabelled news.
//!
//! Two words are synonyms when WordNet puts them in one synset that is the **first sense of
//! both** (WordNet orders senses by how often they were tagged in its corpus, and a first
//! sense must have been tagged at least once): "buy" and "purchase", "profit" and "earnings",
//! but not "firm" and "house" (the first sense of "house" is a building). Both must be
//! single words written at least [`MIN_COUNT`] times in BBC and Reuters-21578 (the text is
//! only counted; none of it is kept). The words people count in figures (soldiers, troops,
//! servicemen) join as one group, and so do the forms of each irregular verb ("sell",
//! "sold"): inflections the stemmer cannot tie. Words are stored as the index stems them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

/// How often both words must be written in the news text.
pub const MIN_COUNT: u32 = 20;

/// The forms of the irregular English verbs common in news (base, past, past participle),
/// which the stemmer cannot tie ("sold" and "sell"). Left out: the auxiliaries (stop words)
/// and the forms that news mostly writes as other words ("won", the Korean currency; "left";
/// "found"; "saw"; "lay"; "wound"; "ground"; "bore").
const IRREGULAR_VERBS: &[&[&str]] = &[
    &["arise", "arose", "arisen"],
    &["beat", "beaten"],
    &["become", "became"],
    &["begin", "began", "begun"],
    &["bend", "bent"],
    &["bid", "bade", "bidden"],
    &["bind", "bound"],
    &["bite", "bit", "bitten"],
    &["bleed", "bled"],
    &["blow", "blew", "blown"],
    &["break", "broke", "broken"],
    &["bring", "brought"],
    &["build", "built"],
    &["burn", "burnt"],
    &["buy", "bought"],
    &["catch", "caught"],
    &["choose", "chose", "chosen"],
    &["come", "came"],
    &["creep", "crept"],
    &["deal", "dealt"],
    &["dig", "dug"],
    &["draw", "drew", "drawn"],
    &["drink", "drank", "drunk"],
    &["drive", "drove", "driven"],
    &["eat", "ate", "eaten"],
    &["fall", "fell", "fallen"],
    &["feed", "fed"],
    &["feel", "felt"],
    &["fight", "fought"],
    &["flee", "fled"],
    &["fly", "flew", "flown"],
    &["forbid", "forbade", "forbidden"],
    &["forecast", "forecasted"],
    &["foresee", "foresaw", "foreseen"],
    &["forget", "forgot", "forgotten"],
    &["forgive", "forgave", "forgiven"],
    &["freeze", "froze", "frozen"],
    &["get", "got", "gotten"],
    &["give", "gave", "given"],
    &["go", "went", "gone"],
    &["grow", "grew", "grown"],
    &["hang", "hung"],
    &["hear", "heard"],
    &["hide", "hid", "hidden"],
    &["hold", "held"],
    &["keep", "kept"],
    &["know", "knew", "known"],
    &["lead", "led"],
    &["lend", "lent"],
    &["lose", "lost"],
    &["make", "made"],
    &["mean", "meant"],
    &["meet", "met"],
    &["mislead", "misled"],
    &["overcome", "overcame"],
    &["oversee", "oversaw", "overseen"],
    &["overtake", "overtook", "overtaken"],
    &["overthrow", "overthrew", "overthrown"],
    &["pay", "paid"],
    &["rebuild", "rebuilt"],
    &["ride", "rode", "ridden"],
    &["ring", "rang", "rung"],
    &["rise", "rose", "risen"],
    &["run", "ran"],
    &["seek", "sought"],
    &["sell", "sold"],
    &["send", "sent"],
    &["shake", "shook", "shaken"],
    &["shoot", "shot"],
    &["shrink", "shrank", "shrunk"],
    &["sing", "sang", "sung"],
    &["sink", "sank", "sunk"],
    &["sit", "sat"],
    &["sleep", "slept"],
    &["slide", "slid"],
    &["speak", "spoke", "spoken"],
    &["spend", "spent"],
    &["stand", "stood"],
    &["steal", "stole", "stolen"],
    &["stick", "stuck"],
    &["sting", "stung"],
    &["strike", "struck", "stricken"],
    &["swear", "swore", "sworn"],
    &["sweep", "swept"],
    &["swim", "swam", "swum"],
    &["take", "took", "taken"],
    &["teach", "taught"],
    &["tear", "tore", "torn"],
    &["tell", "told"],
    &["think", "thought"],
    &["throw", "threw", "thrown"],
    &["undergo", "underwent", "undergone"],
    &["understand", "understood"],
    &["undertake", "undertook", "undertaken"],
    &["uphold", "upheld"],
    &["wake", "woke", "woken"],
    &["wear", "wore", "worn"],
    &["weep", "wept"],
    &["withdraw", "withdrew", "withdrawn"],
    &["write", "wrote", "written"],
];

/// Part-of-speech files of WordNet read.
const PARTS: [&str; 2] = ["noun", "verb"];

/// Writes the synonyms to `out`; returns how many words have some.
pub fn build(data: &Path, out: &Path) -> Result<usize> {
    let counts = news_counts(data)?;
    let frequent = |w: &str| counts.get(w).copied().unwrap_or(0) >= MIN_COUNT;
    let mut groups: Vec<BTreeSet<String>> = Vec::new();
    for part in PARTS {
        let wordnet = data.join("wordnet");
        let first = first_senses(&wordnet.join(format!("index.{part}")))?;
        let synsets = synsets(&wordnet.join(format!("data.{part}")))?;
        for (lemma, offset) in &first {
            let Some(words) = synsets.get(offset) else {
                continue;
            };
            let group: BTreeSet<String> = words
                .iter()
                .filter(|w| first.get(*w) == Some(offset) && is_word(w) && frequent(w))
                .cloned()
                .collect();
            if group.len() > 1 && group.contains(lemma) {
                groups.push(group);
            }
        }
    }
    groups.push(
        crate::annotate::figures::unit_synonyms("troops")
            .into_iter()
            .collect(),
    );
    groups.extend(
        IRREGULAR_VERBS
            .iter()
            .map(|forms| forms.iter().map(|f| f.to_string()).collect()),
    );
    write(&groups, out)
}

/// Writes each stemmed word with the stems of its synonyms, one line each, sorted.
fn write(groups: &[BTreeSet<String>], out: &Path) -> Result<usize> {
    let mut analyzer = crate::index::schema::text_analyzer();
    let mut stem = |w: &str| -> Option<String> {
        let mut stream = analyzer.token_stream(w);
        let s = stream.advance().then(|| stream.token().text.clone());
        s
    };
    let mut by_word: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for group in groups {
        let stems: BTreeSet<String> = group.iter().filter_map(|w| stem(w)).collect();
        for s in &stems {
            let others = stems.iter().filter(|o| *o != s).cloned();
            by_word.entry(s.clone()).or_default().extend(others);
        }
    }
    by_word.retain(|_, v| !v.is_empty());
    let mut text = String::from(
        "# Synonyms for query expansion: stem, then the stems of its synonyms.\n\
         # Built by `newsdex-train synonyms` from WordNet 3.1 (Princeton University; see\n\
         # models/LICENSE-wordnet) and word counts of BBC and Reuters-21578 news.\n",
    );
    for (word, synonyms) in &by_word {
        let list: Vec<&str> = synonyms.iter().map(String::as_str).collect();
        text.push_str(&format!("{word}\t{}\n", list.join(" ")));
    }
    fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    Ok(by_word.len())
}

/// A single word of letters (no phrase, no abbreviation with dots).
fn is_word(w: &str) -> bool {
    w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Each lemma's first synset (its offset) in a WordNet index file, when that sense was tagged.
fn first_senses(path: &Path) -> Result<HashMap<String, String>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with(' ')) {
        let p: Vec<&str> = line.split_whitespace().collect();
        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        let Some(pointers) = p.get(3).and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        let tagged = p.get(5 + pointers).and_then(|n| n.parse::<u32>().ok());
        if let (Some(t), Some(first)) = (tagged, p.get(6 + pointers)) {
            if t > 0 {
                out.insert(p[0].to_lowercase(), first.to_string());
            }
        }
    }
    Ok(out)
}

/// The words of each synset of a WordNet data file, by offset.
fn synsets(path: &Path) -> Result<HashMap<String, Vec<String>>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with(' ')) {
        let p: Vec<&str> = line.split_whitespace().collect();
        // offset lex_filenum ss_type w_cnt (hex) word lex_id [word lex_id...] ...
        let Some(n) = p.get(3).and_then(|n| usize::from_str_radix(n, 16).ok()) else {
            continue;
        };
        let words = (0..n)
            .filter_map(|i| p.get(4 + 2 * i))
            .map(|w| w.to_lowercase())
            .collect();
        out.insert(p[0].to_string(), words);
    }
    Ok(out)
}

/// How often each lower-cased word is written in BBC and Reuters-21578.
fn news_counts(data: &Path) -> Result<HashMap<String, u32>> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for (folder, ext) in [("bbc", "txt"), ("reuters21578", "sgm")] {
        let dir = data.join(folder);
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
            if entry.path().extension().is_none_or(|x| x != ext) {
                continue;
            }
            let bytes = fs::read(entry.path())
                .with_context(|| format!("reading {}", entry.path().display()))?;
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            for w in text.split(|c: char| !c.is_ascii_alphabetic()) {
                if w.len() >= 3 {
                    *counts.entry(w.to_string()).or_default() += 1;
                }
            }
        }
    }
    Ok(counts)
}
