//! The words around numbers that the reader knows: counted nouns and their lemmas, unit
//! synonyms for queries, qualifiers, labels, the words that stop a counted noun, and the
//! word lists of the context rules (ages, changes, lengths, money).

use super::units::{currency_symbol, unit_word};
use crate::date::is_month;

/// Irregular plurals and the unit names shared by synonyms.
pub fn lemma(word: &str) -> String {
    let w = word.to_lowercase();
    let irregular = [
        ("people", "person"),
        ("men", "man"),
        ("women", "woman"),
        ("children", "child"),
        ("servicemen", "serviceman"),
        ("servicewomen", "servicewoman"),
        ("police", "police"),
        ("feet", "foot"),
        ("mice", "mouse"),
        ("geese", "goose"),
        ("teeth", "tooth"),
        ("staff", "staff"),
        ("personnel", "personnel"),
        ("aircraft", "aircraft"),
        ("sheep", "sheep"),
        ("fish", "fish"),
        ("series", "series"),
        ("news", "news"),
        ("civilians", "civilian"),
        ("gasmasks", "gasmask"),
        // Plurals the suffix rules below would cut wrongly ("caches" is not "cach").
        ("caches", "cache"),
        ("niches", "niche"),
        ("avalanches", "avalanche"),
        ("headaches", "headache"),
        ("moustaches", "moustache"),
        ("clichés", "cliché"),
        ("crises", "crisis"),
        ("analyses", "analysis"),
        ("diagnoses", "diagnosis"),
        ("theses", "thesis"),
        ("lives", "life"),
        ("wives", "wife"),
        ("knives", "knife"),
        ("halves", "half"),
        ("wolves", "wolf"),
        ("thieves", "thief"),
        ("shelves", "shelf"),
        ("leaves", "leave"),
    ];
    if let Some((_, l)) = irregular.iter().find(|(p, _)| *p == w) {
        return l.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() >= 2 {
            return format!("{stem}y");
        }
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(suffix) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 3
    {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// The units a query word stands for: itself and its synonyms (`troops` → troop, soldier,
/// serviceman...), normalised as figures are.
pub fn unit_synonyms(query_unit: &str) -> Vec<String> {
    let q = query_unit.trim().to_lowercase();
    let normal = currency_symbol(&q)
        .map(str::to_string)
        .or_else(|| unit_word(&q).map(|(u, _)| u.to_string()))
        .or_else(|| match q.as_str() {
            "us dollar" | "us dollars" => Some("USD".into()),
            "per cent" => Some("percent".into()),
            "pound sterling" | "pounds sterling" => Some("GBP".into()),
            _ => None,
        })
        .unwrap_or_else(|| lemma(&q));
    const GROUPS: &[&[&str]] = &[
        &[
            "soldier",
            "troop",
            "serviceman",
            "servicemember",
            "fighter",
            "personnel",
        ],
        &["person", "people", "individual"],
        &["civilian", "resident"],
        &["missile", "rocket"],
        &["shell", "round"],
        &["airstrike", "strike"],
    ];
    for g in GROUPS {
        if g.contains(&normal.as_str()) {
            return g.iter().map(|s| s.to_string()).collect();
        }
    }
    if normal == "usd" {
        return vec!["USD".into()];
    }
    if ["gbp", "eur", "jpy", "cny", "rub", "inr", "krw"].contains(&normal.as_str()) {
        return vec![normal.to_uppercase()];
    }
    vec![normal]
}

pub(super) const QUALIFIERS: &[&[&str]] = &[
    &["as", "much", "as"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["an", "estimated"],
    &["about"],
    &["approximately"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["some"],
    &["roughly"],
    &["over"],
    &["under"],
    &["estimated"],
    &["approx"],
];

/// The qualifier just before token `at` ("more than", "about") and the token it starts at.
pub(super) fn qualifier_before(lower: &[String], at: usize) -> (Option<String>, usize) {
    for q in QUALIFIERS {
        if at >= q.len()
            && lower[at - q.len()..at]
                .iter()
                .zip(q.iter())
                .all(|(a, b)| a == b)
        {
            return (Some(q.join(" ")), at - q.len());
        }
    }
    (None, at)
}

/// Words that end the search for a counted noun.
pub(super) const STOP: &[&str] = &[
    "the", "a", "an", "but", "in", "on", "at", "to", "for", "from", "by", "with", "was", "were",
    "is", "are", "be", "been", "has", "have", "had", "will", "would", "that", "which", "who",
    "this", "these", "those", "than", "as", "per", "each", "into", "over", "under", "about",
    "after", "before", "since", "during", "while", "said", "says", "say", "its", "their", "his",
    "her", "it", "they", "he", "she", "we", "more", "less", "most",
];

/// Heads of hyphenated compounds that name nothing counted ("one-off", "two-fold",
/// "three-way", "two-thirds").
pub(super) const NOT_COUNTED: &[&str] = &[
    "off", "fold", "sided", "way", "time", "times", "thirds", "fifths", "quarters", "tenths",
    "handed", "and", "or", "to", "for", "nil", "all", "plus",
];

/// Whether the word after a number and a hyphen can be what it counts ("story", "seat"):
/// not an adjective ("five-pointed", "two-sided").
pub(super) fn is_counted_head(head: &str) -> bool {
    let adjective = head.ends_with("ed") && head.len() >= 6;
    head.chars().count() >= 3
        && !adjective
        && head.chars().all(|c| c.is_alphabetic())
        && !STOP.contains(&head)
        && !NOT_COUNTED.contains(&head)
        && !is_month(head)
}

pub(super) fn is_plural(lw: &str) -> bool {
    (lw.ends_with('s') && !lw.ends_with("ss") && !lw.ends_with("us") && lw.len() > 2)
        || [
            "people",
            "men",
            "women",
            "children",
            "police",
            "personnel",
            "staff",
            "aircraft",
            "servicemen",
        ]
        .contains(&lw)
}

/// The counted noun after a number: the first plural word within three words (skipping
/// adjectives and names: "12,000 North Korean soldiers"), else the first lower-case word;
/// none past punctuation or a function word.
pub(super) fn counted_noun(words: &[String], lower: &[String], from: usize) -> Option<usize> {
    let mut first_word = None;
    let mut j = from;
    // "rounds of", "tens of thousands of people": look past "of" once.
    if lower.get(j).is_some_and(|w| w == "of") {
        j += 1;
    }
    let limit = (j + 4).min(words.len());
    let mut capitalised_plural = None;
    while j < limit {
        let w = &words[j];
        let lw = &lower[j];
        if !w.chars().next().is_some_and(char::is_alphabetic) {
            if w == "-" {
                j += 1;
                continue;
            }
            break;
        }
        if STOP.contains(&lw.as_str()) || is_month(lw) {
            break;
        }
        // "224 artillery and mortar systems": adjectives joined by "and" or "or".
        if (lw == "and" || lw == "or") && first_word.is_some() {
            j += 1;
            continue;
        }
        let lowercase = w.chars().next().is_some_and(char::is_lowercase);
        if !lowercase
            && capitalised_plural.is_none()
            && is_plural(lw)
            && lw.len() > 3
            && w.chars().any(char::is_lowercase)
        {
            capitalised_plural = Some(j);
        }
        if lowercase {
            if first_word.is_none() {
                first_word = Some(j);
            }
            if is_plural(lw) {
                return Some(j);
            }
        }
        j += 1;
    }
    // "300 ANG Airmen": a capitalised plural when nothing in lower case counts.
    first_word.or(capitalised_plural)
}

/// Whether a normalised unit is a currency (an ISO code).
pub(super) fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// Words after a length that make it one ("400m long"), not millions; within three words
/// of a glued "m", they make it metres ("the men's 100m final", "waves of 8-10m").
pub(super) const DIMENSIONS: &[&str] = &[
    "final",
    "relay",
    "butterfly",
    "breaststroke",
    "backstroke",
    "medley",
    "heats",
    "course",
    "record",
    "gold",
    "silver",
    "bronze",
    "champion",
    "waves",
    "swell",
    "cliff",
    "cleared",
    "vault",
    "jump",
    "title",
    "victory",
    "taller",
    "longer",
    "track",
    "hurdler",
    "fastest",
    "secs",
    "long",
    "high",
    "tall",
    "wide",
    "deep",
    "above",
    "below",
    "away",
    "across",
    "thick",
    "length",
    "height",
    "depth",
    "race",
    "sprint",
    "hurdles",
    "freestyle",
];

/// Words of a passage about a sport measured in metres, where a glued "m" is metres
/// ("could only clear 2.16m" in a report of the high jump).
pub(super) const SPORT: &[&str] = &[
    "race",
    "races",
    "athletics",
    "olympic",
    "olympics",
    "medal",
    "jump",
    "vault",
    "throw",
    "throws",
    "leap",
    "hurdles",
    "relay",
    "sprint",
    "sprinter",
    "marathon",
    "clearance",
    "runner",
    "indoor",
    "championships",
    "metres",
    "meters",
    "penalty",
    "swimmer",
];

/// Words after which a number is a label, not a figure ("Article 51", "Resolution 2231").
pub(super) const LABELS: &[&str] = &[
    "article",
    "articles",
    "section",
    "resolution",
    "chapter",
    "paragraph",
    "rule",
    "no",
    "number",
    "amendment",
    "clause",
    "protocol",
    "force",
    "flight",
    "highway",
    "route",
    "room",
    "page",
    "pages",
    "vol",
    "volume",
    "phase",
    "group",
    "division",
    "brigade",
    "battalion",
    "regiment",
    "squadron",
    "wing",
    "fleet",
    "corps",
    "platoon",
    "company",
    "unit",
    "level",
    "grade",
    "stage",
    "round",
    "game",
    "week",
    "act",
    "bill",
    "law",
    "code",
    "item",
    "annex",
    "appendix",
    "table",
    "figure",
    "exercise",
    "operation",
    "task",
    "gate",
    "terminal",
    "channel",
    "radio",
    "tv",
    "category",
    "class",
    "type",
    "model",
    "mark",
    "mk",
    "series",
    "version",
    "windows",
    "iphone",
    "boeing",
    "airbus",
    "cup",
    "formula",
    "top",
    "fortune",
    "passcode",
    "code",
    "pin",
    "id",
    "ref",
    "reference",
    "tel",
    "fax",
    "box",
    "suite",
    "floor",
];

/// Words after a year that show it is one ("in 1961", "since 2000", "the 2004 budget").
pub(super) const BEFORE_YEAR: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "the",
    "'s",
    "\u{2019}s",
    "and",
    "or",
    "to",
    "between",
    "for",
    "fiscal",
    "year",
    "season",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "through",
    "circa",
    "c",
];

/// Nouns of change, which name a change but do not make one before "by" ("growth slowed
/// by 0.3 points").
pub(super) const CHANGE_NOUNS: &[&str] = &[
    "growth",
    "loss",
    "losses",
    "gain",
    "gains",
    "rise",
    "rises",
    "expansion",
    "contraction",
    "increase",
    "increases",
    "decrease",
    "decline",
    "declines",
    "drop",
    "drops",
    "fall",
    "falls",
    "firm",
    "firms",
    "slump",
    "jump",
    "jumps",
    "surge",
    "cuts",
    "boost",
    "rally",
    "spike",
];

/// Comparatives after a rate that make it a change: "0.4% lower", "0.8 per cent weaker".
pub(super) const COMPARED: &[&str] = &["lower", "higher", "weaker", "stronger", "firmer", "softer"];

/// Words just before an age: "aged 34", "until age 68", "who turned 80".
pub(super) const AGE_BEFORE: &[&str] = &["aged", "age", "ages", "turned", "turns", "turning"];

/// People whose age follows "of": "a boy of 14".
pub(super) const PERSONS: &[&str] = &[
    "boy",
    "girl",
    "man",
    "woman",
    "child",
    "teenager",
    "youth",
    "pensioner",
    "patient",
];

/// Units of length (what "square" and "cubic" are made of).
pub(super) const LENGTHS: &[&str] = &[
    "metre",
    "millimetre",
    "centimetre",
    "mile",
    "inch",
    "foot",
    "yard",
];

/// Whether a normalised unit measures length, area, volume or weight ("a foot of snow").
pub(super) fn is_dimension(unit: &str) -> bool {
    LENGTHS.contains(&unit)
        || [
            "kilogram", "gram", "tonne", "ounce", "litre", "gallon", "hectare", "acre", "barrel",
        ]
        .contains(&unit)
}

/// Words after "pounds of" that show the pounds are money ("millions of pounds of
/// taxpayers' money").
pub(super) const MONEY_AFTER_OF: &[&str] = &[
    "taxpayers",
    "public",
    "money",
    "funding",
    "investment",
    "cash",
    "debt",
    "savings",
    "aid",
    "spending",
    "revenue",
    "government",
];

/// Verbs and nouns of paying before an amount, which make an ambiguous currency word
/// ("pounds", "marks") a currency.
pub(super) const PAYING: &[&str] = &[
    "pay",
    "pays",
    "paid",
    "paying",
    "repay",
    "repaid",
    "cost",
    "costs",
    "costing",
    "worth",
    "earn",
    "earns",
    "earned",
    "earning",
    "spend",
    "spends",
    "spent",
    "owe",
    "owes",
    "owed",
    "fined",
    "fine",
    "charge",
    "charged",
    "charges",
    "donated",
    "donate",
    "awarded",
    "priced",
    "fee",
    "fees",
    "bill",
    "salary",
    "bonus",
    "prize",
    "compensation",
    "damages",
    "lent",
    "borrowed",
    "invested",
    "raising",
    "scooped",
];
