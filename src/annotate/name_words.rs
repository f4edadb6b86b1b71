//! Names that say what they name by a word of their own, whatever the recognizer read: a
//! company's trade at the end ("Aydin Shipbuilding", "Finnish Cable Works"), a word for an
//! institution in another language at the start (an armed or political group's in Arabic
//! or Urdu: "Kata'ib Hezbollah", "Harakat al-Nujaba", "Lashkar-e-Taiba"; a party's, bank's
//! or company's in Spanish, Portuguese, French or Italian: "Partido Popular", "Grupo
//! Televisa"), a state's title before "of" ("Sultanate of Zanzibar"). [`super::entities`]
//! applies them to an article's mentions.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::ner::features::TITLE_WORDS;

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

/// The names of institutions that open with a word for what they are in another language
/// than English, with the words that go on, as byte ranges into `text`, cut before a word of
/// a title or a role ("Banco Santander" of "Banco Santander Chairman Emilio Botin"):
/// - armed and political groups in Arabic or Urdu (brigades, leagues, movement, army, front,
///   body, companies, party, brigade, corps, forces, group, organisation), going on in
///   capitalised words, words with an article ("al-Haq", "ut-Tahrir"), "Ahl" and "wal";
///   "Ansar" (supporters), also a person's name, only before an article or "Allah"/"Bait";
/// - parties, banks, companies, foundations, institutes, universities and ministries in
///   Spanish, Portuguese, French or Italian ("Partido Revolucionario Institucional",
///   "Compania Vale do Rio Doce"), going on in capitalised words and the connectors of
///   those languages ("de", "do", "della").
pub fn names_opened_by_their_kind(text: &str) -> Vec<Range<usize>> {
    static RES: OnceLock<[Regex; 2]> = OnceLock::new();
    let res = RES.get_or_init(|| {
        let group = r"(?:Kata['’]?ib|Kataeb|Katibat|Asa['’]?ib|Harakat|Jaysh|Jaish|Jabhat|Hay['’]at|Saraya|Hizb|Liwa|Faylaq|Quwat|Lashkar|Tehrik|Tehreek|Jama['’]at|Jamaat|Tanzim)";
        let article = r"(?:al|ul|ut|ud|ad|ash|el|an|ar|as|az|at)-";
        let word = format!(r"(?:{article}[A-Z][\w-]*|[A-Z][\w-]*|wal)");
        // "Lashkar-e-Taiba", "Hizb-ut-Tahrir", "Tehrik-i-Taliban": one hyphenated word.
        let joined = r"-[a-z]{1,3}-[A-Z][\w-]*";
        let arabic = format!(
            r"\b(?:{group}(?:{joined}(?:\s{word}){{0,3}}|(?:\s{word}){{1,4}})|Ansar\s(?:{article}[A-Z][\w-]*|Allah|Bait|Beit)(?:\s{word}){{0,3}})\b"
        );
        let institution = r"(?:Grupo|Gruppo|Partido|Partito|Banco|Banca|Banque|Compa[nñ][ií]a|Companhia|Compagnie|Soci[eé]t[eé]|Sociedad|Sociedade|Fundaci[oó]n|Funda[cç][aã]o|Fondazione|Instituto|Istituto|Institut|Universidad|Universidade|Universit[àaée]|Ministerio|Minist[èe]re|Empresas?|Corporaci[oó]n|Petr[oó]leos|Aerol[ií]neas|Industrias)";
        let connector = r"(?:de|del|do|da|dos|das|des|du|di|della|delle|la|las|los|el|y|e|et|per)";
        // "d'Investissement", "D'Italia", "l'Energie": an elided article on the word.
        let romance = format!(
            r"\b{institution}(?:\s(?:{connector}\s){{0,2}}(?:[dlDL]['’])?[A-Z][\w-]*){{1,5}}\b"
        );
        [arabic, romance].map(|re| Regex::new(&re).expect("names opened by their kind"))
    });
    res.iter()
        .flat_map(|re| re.find_iter(text))
        .filter_map(|m| before_a_role(text, m.range()))
        .collect()
}

/// The words of a role that end a name found by its first word ("Chairman", "Chief").
const ROLE_WORDS: &[&str] = &[
    "chief",
    "executive",
    "director",
    "commander",
    "head",
    "officer",
];

/// A name's range cut before its first word of a title or a role, and before the connectors
/// left at its end; `None` when the first word alone is left (and it is not a hyphenated
/// name: "Lashkar-e-Taiba").
fn before_a_role(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let (mut end, mut at) = (range.start, range.start);
    for word in text[range.clone()].split(' ') {
        let bare = word.trim_end_matches('.').to_lowercase();
        if TITLE_WORDS.contains(&bare.as_str()) || ROLE_WORDS.contains(&bare.as_str()) {
            break;
        }
        // Not a connector left at the end ("de", "wal").
        if !word.chars().all(char::is_lowercase) {
            end = at + word.len();
        }
        at += word.len() + 1;
    }
    let name = &text[range.start..end];
    (name.contains(' ') || name.contains('-')).then_some(range.start..end)
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

    fn opened_by_their_kind(text: &str) -> Vec<&str> {
        names_opened_by_their_kind(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn group_names_take_their_words_and_stop_at_lower_case() {
        let text = "struck Kata'ib Hezbollah sites; Harakat al-Nujaba claimed; Jama'at Nasr \
                    al-Islam wal Muslimin; blamed Lashkar-e-Taiba. Ansar al-Sharia and Ansar \
                    Burney; the Liwa.";
        assert_eq!(
            opened_by_their_kind(text),
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
    fn institutions_in_romance_languages_take_their_words_and_connectors() {
        let text = "The Partido Revolucionario Institucional won; Compania Vale do Rio Doce \
                    and Petroleos de Venezuela said. Banco Santander Chairman Emilio Botin \
                    spoke; the Banco de la Nacion Argentina and Grupo de paid; a Banco. Banque Arabe \
                    et Internationale d'Investissement and Banca d'Italia.";
        assert_eq!(
            opened_by_their_kind(text),
            vec![
                "Partido Revolucionario Institucional",
                "Compania Vale do Rio Doce",
                "Petroleos de Venezuela",
                "Banco Santander",
                "Banco de la Nacion Argentina",
                "Banque Arabe et Internationale d'Investissement",
                "Banca d'Italia",
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
