//! Names that say what they name by a word of their own, whatever the recognizer read: a
//! company's trade at the end ("Aydin Shipbuilding", "Finnish Cable Works"), an armed or
//! political group's word in Arabic or Urdu at the start ("Kata'ib Hezbollah", "Harakat
//! al-Nujaba", "Lashkar-e-Taiba"), a state's title before "of" ("Sultanate of Zanzibar").
//! [`super::entities`] applies them to an article's mentions.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// Words of trades that end companies' names and no person's or place's ("Aydin
/// Shipbuilding", "Finnish Cable Works"), beside the words the recognizer's features read.
/// Not "Steel" (David Steel), "Oil" or "Gas" (names of fields and products), "Marine" (a US
/// Marine), nor a word of buildings or sites.
pub const TRADES: &[&str] = &[
    "shipbuilding",
    "shipyards",
    "works",
    "engineering",
    "electronics",
    "chemicals",
    "aerospace",
    "mining",
    "energy",
    "petroleum",
    "insurance",
    "securities",
    "investments",
    "logistics",
    "shipping",
    "telecom",
    "telecommunications",
    "semiconductor",
    "software",
    "foods",
    "brands",
    "resources",
    "enterprises",
    "bancorp",
    "publishing",
    "consulting",
    "robotics",
    "therapeutics",
    "biotech",
    "automotive",
];

/// The longest run of capitalised words, after a mention, that ends a company's name with
/// its trade.
const MOST_WORDS_BEFORE_THE_TRADE: usize = 2;

/// Where a company's name that a mention opens goes on to, in the text after the mention
/// (`after`, starting right at its end): capitalised words, at most
/// [`MOST_WORDS_BEFORE_THE_TRADE`] of them, then the word of a trade ([`TRADES`]), each
/// after one space, and no capitalised word after it (the "US" of "US Energy Secretary" is
/// no company's); `least_words` words at least, the trade's included. The byte length
/// taken, if so: "Aydin" + " Shipbuilding at its yard" → 13, "Finnish" + " Cable Works in
/// 1967" → 12.
pub fn trade_after(after: &str, least_words: usize) -> Option<usize> {
    let mut taken = 0;
    for words in 1..=MOST_WORDS_BEFORE_THE_TRADE + 1 {
        let rest = after[taken..].strip_prefix(' ')?;
        let word_len = rest
            .find(|c: char| !c.is_alphanumeric() && c != '-' && c != '&')
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        taken += 1 + word_len;
        if TRADES.contains(&word.to_lowercase().as_str()) {
            let goes_on = after[taken..]
                .strip_prefix(' ')
                .is_some_and(|next| next.starts_with(char::is_uppercase));
            return (!goes_on && words >= least_words).then_some(taken);
        }
    }
    None
}

/// The names of armed and political groups that open with a word for what they are, in
/// Arabic or Urdu (brigades, leagues, movement, army, front, body, companies, party,
/// brigade, corps, forces, group, organisation), with the words that go on: capitalised
/// words, words with an article ("al-Haq", "ut-Tahrir") and "Ahl" or "wal". "Ansar"
/// (supporters), also a person's name, only before an article or "Allah"/"Bait". Byte
/// ranges into `text`.
pub fn arabic_group_names(text: &str) -> Vec<Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let group = r"(?:Kata['’]?ib|Kataeb|Katibat|Asa['’]?ib|Harakat|Jaysh|Jaish|Jabhat|Hay['’]at|Saraya|Hizb|Liwa|Faylaq|Quwat|Lashkar|Tehrik|Tehreek|Jama['’]at|Jamaat|Tanzim)";
        let article = r"(?:al|ul|ut|ud|ad|ash|el|an|ar|as|az|at)-";
        let word = format!(r"(?:{article}[A-Z][\w-]*|[A-Z][\w-]*|wal)");
        // "Lashkar-e-Taiba", "Hizb-ut-Tahrir", "Tehrik-i-Taliban": one hyphenated word.
        let joined = r"-[a-z]{1,3}-[A-Z][\w-]*";
        Regex::new(&format!(
            r"\b(?:{group}(?:{joined}(?:\s{word}){{0,3}}|(?:\s{word}){{1,4}})|Ansar\s(?:{article}[A-Z][\w-]*|Allah|Bait|Beit)(?:\s{word}){{0,3}})\b"
        ))
        .expect("group names")
    });
    re.find_iter(text).map(|m| m.range()).collect()
}

/// Whether a name is a state's by its title: "Sultanate of Zanzibar", "the Kingdom of
/// Hawaii", "Grand Duchy of Luxembourg", "Hashemite Kingdom of Jordan"; a place, as the
/// state's name alone is. Not a duchy that is not grand: the Duchy of Cornwall and the
/// Duchy of Lancaster are estates.
pub fn names_a_state(name: &str) -> bool {
    let name = name.strip_prefix("the ").unwrap_or(name);
    let name = name.strip_prefix("Hashemite ").unwrap_or(name);
    let titles = [
        "Kingdom",
        "Sultanate",
        "Emirate",
        "Principality",
        "Khanate",
        "Grand Duchy",
    ];
    titles.iter().any(|title| {
        name.strip_prefix(title)
            .and_then(|rest| rest.strip_prefix(" of "))
            .is_some_and(|place| place.starts_with(char::is_uppercase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trade_ends_the_name_within_two_words() {
        assert_eq!(trade_after(" Shipbuilding at its yard", 1), Some(13));
        assert_eq!(trade_after(" Cable Works in 1967", 1), Some(12));
        assert_eq!(trade_after(" Cable Works in 1967", 2), Some(12));
        assert_eq!(trade_after(" Securities houses", 2), None);
        assert_eq!(trade_after(" Works.", 1), Some(6));
        assert_eq!(trade_after(" Energy Secretary Rick Perry", 1), None);
        assert_eq!(trade_after(" said Works", 1), None);
        assert_eq!(trade_after(" Big Red Cable Works", 1), None);
        assert_eq!(trade_after(", Works", 1), None);
        assert_eq!(trade_after("", 1), None);
    }

    #[test]
    fn group_names_take_their_words_and_stop_at_lower_case() {
        let text = "struck Kata'ib Hezbollah sites; Harakat al-Nujaba claimed; Jama'at Nasr \
                    al-Islam wal Muslimin; blamed Lashkar-e-Taiba. Ansar al-Sharia and Ansar \
                    Burney; the Liwa.";
        let found: Vec<&str> = arabic_group_names(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            vec![
                "Kata'ib Hezbollah",
                "Harakat al-Nujaba",
                "Jama'at Nasr al-Islam wal Muslimin",
                "Lashkar-e-Taiba",
                "Ansar al-Sharia",
            ]
        );
    }

    #[test]
    fn a_state_is_named_by_its_title_and_of() {
        for name in [
            "Sultanate of Zanzibar",
            "the Kingdom of Hawaii",
            "Grand Duchy of Luxembourg",
            "Hashemite Kingdom of Jordan",
        ] {
            assert!(names_a_state(name), "{name}");
        }
        for name in [
            "Kingdom Holding",
            "United Kingdom",
            "Kingdom of heaven",
            "Emirates",
            "Duchy of Cornwall",
        ] {
            assert!(!names_a_state(name), "{name}");
        }
    }
}
