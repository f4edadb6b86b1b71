//! Offices named without their holder's name: "the Foreign Secretary said", "The Minister
//! for the Middle East visited", "Tobias Ellwood, Foreign Office Minister for the Middle
//! East, said". Government releases name people this way more often than by name, and an
//! analyst's reading counts each as a person (as re3d's annotators do). [`offices`] finds
//! them in a passage; [`super::entities`] makes each a mention of the person the article
//! names with that office, else of the office itself.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::date::{MONTH_NAMES, WEEKDAYS};

/// The words that end an office's name, longest first ("Prime Minister" before "Minister").
/// Not "General" or "Director" alone, nor words of rank but "Commander" ("Captain"), which
/// name units and documents too.
const OFFICE_WORDS: &[&str] = &[
    "Prime Minister",
    "Secretary-General",
    "Secretary General",
    "Attorney General",
    "Minister",
    "Secretary",
    "President",
    "Premier",
    "Chancellor",
    "Ambassador",
    "Governor",
    "Senator",
    "Mayor",
    "Envoy",
    "Representative",
    "Commissioner",
    "Speaker",
    "Chairman",
    "Chairwoman",
    "Commander",
];

/// Offices of one holder that stand alone, never after other capitalised words ("the
/// Queen", "the Pope"; not "Burger King").
const SOVEREIGNS: &[&str] = &["Queen", "King", "Pope"];

/// Capitalised words that open a sentence or a phrase and are no part of an office's name
/// ("As Prime Minister, she", "A Foreign Office Minister said", "Dear Prime Minister"). "The"
/// is read as "the".
const NOT_OF_THE_OFFICE: &[&str] = &[
    "The", "A", "An", "Every", "Each", "No", "Any", "Dear", "As", "In", "At", "On", "For", "With",
    "After", "Before", "And", "But", "Of", "By", "To", "Our", "Your", "His", "Her", "Their", "Its",
    "This", "That", "Former", "Then", "Ex",
];

/// Words that are contracted with "is" or "has" before an office, not its owner ("He's
/// Prime Minister now").
const CONTRACTED: &[&str] = &[
    "He", "She", "It", "That", "What", "Who", "There", "Here", "Let", "Where", "How",
];

/// Whether a capitalised word opens a sentence or a phrase ([`NOT_OF_THE_OFFICE`]).
fn opens_a_phrase(word: &str) -> bool {
    NOT_OF_THE_OFFICE.contains(&word)
}

/// How an office found by [`offices`] stands beside a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// The office's words in the passage, without "the" ("Foreign Secretary").
    pub range: Range<usize>,
    /// Where a capitalised word starts right after the office and its comma, perhaps a name
    /// in apposition ("The Foreign Secretary, Boris Johnson, said"); the caller checks.
    pub name_after: Option<usize>,
    /// Where a name in apposition before the office would end, when a comma (and "the")
    /// comes between them ("Tobias Ellwood, Foreign Office Minister"; "Theresa May, the Prime
    /// Minister"): the caller checks that a name ends there.
    pub name_before: Option<usize>,
    /// Whether only a comma stands before the office, so that it is one only after a name.
    pub needs_a_name_before: bool,
}

/// The offices `text` names without a name right after them: capitalised words ending in
/// an office's word ([`OFFICE_WORDS`]; up to four words before it, after a possessive
/// perhaps: "US Secretary of State", "Iraqi Foreign Minister", "Britain's Foreign
/// Secretary"), with groups of "of" or "for" and up to four capitalised words after it
/// ("Minister for the Middle East"), or one of [`SOVEREIGNS`] alone. Each stands after "the" or a
/// possessive, at the start of the passage or a sentence, or after a comma (in apposition
/// to a name, which the caller checks); none is followed by a capitalised word ("the Foreign
/// Secretary Boris Johnson": the name is the person), goes on into a longer word
/// ("Ministers", "Ministerial") or takes a weekday or a month ("Secretary of State Tuesday").
pub fn offices(text: &str) -> Vec<Office> {
    static RES: OnceLock<[Regex; 2]> = OnceLock::new();
    let [words, re] = RES.get_or_init(|| {
        let office = OFFICE_WORDS.join("|");
        let sovereign = SOVEREIGNS.join("|");
        // A capitalised word, with a part after an apostrophe ("O'Brien", not "'s") and
        // capitalised parts after hyphens; or initials with their stops ("U.S.", which may
        // end a sentence: see `standing_alone`). No other full stop. In ASCII: offices'
        // names seldom hold other letters, and Unicode classes make the search many times
        // slower.
        let word =
            r"(?:(?:[A-Z]\.){2,}|[A-Z][A-Za-z0-9]*(?:['’][A-Za-z]{2,})?(?:-[A-Z][A-Za-z0-9]*)*)";
        let possessive = format!(r"{word}['’]s ");
        let before = format!(r"(?:{possessive})?(?:{word} ){{0,4}}(?:[A-Z][A-Za-z]*-)?");
        let more = format!(r"(?: (?:of|for) (?:the )?{word}(?: (?:and |& )?{word}){{0,3}})*");
        let re = format!(r"(?-u:\b)(?:{before}(?:{office})|(?:{sovereign})){more}");
        // The offices' own words, found first: most passages hold none.
        [format!("{office}|{sovereign}"), re].map(|re| Regex::new(&re).expect("offices"))
    });
    if !words.is_match(text) {
        return Vec::new();
    }
    re.find_iter(text)
        .filter_map(|m| standing_alone(text, m.range()))
        .collect()
}

/// The office at `range` (a match of [`offices`]' pattern, perhaps opening with "The" or
/// another word of [`NOT_OF_THE_OFFICE`]), where it names its holder alone.
fn standing_alone(text: &str, range: Range<usize>) -> Option<Office> {
    let (mut start, end) = (range.start, range.end);
    // A sentence that ends in initials ends before an opening word ("to the U.S. The
    // President said").
    if let Some(k) = (text[start..end].match_indices(". "))
        .map(|(k, _)| k + 2)
        .filter(|&k| opens_a_phrase(text[start + k..end].split(' ').next().unwrap_or("")))
        .last()
    {
        start += k;
    }
    let first = text[start..end].split(' ').next().unwrap_or("");
    let opens_with_the = first == "The";
    if opens_a_phrase(first) && end > start + first.len() + 1 {
        start += first.len() + 1;
    }
    let before = &text[..start];
    let after = &text[end..];
    let office = &text[start..end];
    let goes_on = after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        || after
            .strip_prefix(' ')
            .or_else(|| {
                after
                    .strip_prefix(['’', '\''])
                    .and_then(|a| a.strip_prefix("s "))
            })
            .is_some_and(|a| a.starts_with(char::is_uppercase));
    let dated = office.split(' ').any(|w| {
        let w = w.to_lowercase();
        WEEKDAYS.contains(&w.as_str()) || MONTH_NAMES.contains(&w.as_str())
    });
    if goes_on || dated || !office.starts_with(char::is_uppercase) {
        return None;
    }
    let owner = (office.split(' ').next())
        .and_then(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")));
    if owner.is_some_and(|o| CONTRACTED.contains(&o)) {
        return None;
    }
    let possessive = owner.is_some();
    // "the" as a word ("Following the meeting the", not "breathe").
    let the = (before
        .strip_suffix("the ")
        .or_else(|| before.strip_suffix("The ")))
    .is_some_and(|b| !b.ends_with(char::is_alphanumeric));
    let after_the = opens_with_the || the || possessive;
    let after_a_comma = before.ends_with(", ");
    let opens = before.trim_end().is_empty()
        || before.ends_with('\n')
        || [". ", "? ", "! ", ".” ", ".\" ", "“", "\""]
            .iter()
            .any(|o| before.ends_with(o));
    if !(after_the || after_a_comma || opens) {
        return None;
    }
    // After ", the" the office is in apposition only where a mark closes it ("Theresa May,
    // the Prime Minister, said"; not "After meeting Angela Merkel, the Prime Minister said").
    let closed = after.is_empty() || after.starts_with([',', ')', '.', ';', ':']);
    let name_before = if after_a_comma {
        Some(start - 2)
    } else {
        before
            .strip_suffix(", the ")
            .filter(|_| closed)
            .map(str::len)
    };
    let name_after = after
        .strip_prefix(", ")
        .filter(|a| a.starts_with(char::is_uppercase))
        .map(|_| end + 2);
    Some(Office {
        range: start..end,
        name_after,
        name_before,
        needs_a_name_before: after_a_comma && !after_the && !opens,
    })
}

/// Whether a mention's text is an office's name alone ("Foreign Secretary", "Queen"): what an
/// article says of an office tells the corpus nothing of a name, nor is it indexed as one.
pub fn is_office(name: &str) -> bool {
    offices(name)
        .first()
        .is_some_and(|o| o.range == (0..name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        offices(text).into_iter().map(|o| &text[o.range]).collect()
    }

    #[test]
    fn an_office_after_the_names_its_holder() {
        assert_eq!(
            found("Following the meeting the Foreign Secretary said: we will act."),
            ["Foreign Secretary"]
        );
        assert_eq!(
            found("The Minister for the Middle East visited Erbil and met the Iraqi Foreign Minister."),
            ["Minister for the Middle East", "Iraqi Foreign Minister"]
        );
        assert_eq!(
            found("He joined the US Secretary of State and the Queen in Paris."),
            ["US Secretary of State", "Queen"]
        );
        assert_eq!(found("The King replied."), ["King"]);
        assert_eq!(
            found("He met the U.S. Trade Representative. He said the President of the U.S. left."),
            ["U.S. Trade Representative", "President of the U.S."]
        );
        assert_eq!(
            found("Britain's Foreign Secretary said the Vice-President agreed."),
            ["Britain's Foreign Secretary", "Vice-President"]
        );
        assert_eq!(
            found("the Mayor of London's office said"),
            ["Mayor of London"]
        );
    }

    #[test]
    fn an_office_before_a_name_is_a_title() {
        assert!(found("the Foreign Secretary Boris Johnson said").is_empty());
        assert!(found("Russian Foreign Minister Sergei Lavrov met the Ministers").is_empty());
        assert!(found("The Secretary of State Tuesday announced a plan").is_empty());
    }

    #[test]
    fn an_office_needs_the_or_a_sentences_start() {
        assert!(found("the former Foreign Secretary said").is_empty());
        assert!(found("a meal at the Burger King restaurant").is_empty());
        assert!(found("As Prime Minister, she cut taxes.").is_empty());
        assert!(found("A Foreign Office Minister said so. Every President since Nixon").is_empty());
        assert!(found("the King's Speech was shown at the Prime Ministerial palace").is_empty());
        assert!(found("they bathe Minister Smith").is_empty());
        assert!(found("He's Prime Minister now.").is_empty());
        assert_eq!(
            found("Exports fell to the U.S. The President said so."),
            ["President"]
        );
    }

    #[test]
    fn an_office_in_apposition_says_where_its_holder_is_named() {
        let text = "The Foreign Secretary, Boris Johnson, said";
        let o = &offices(text)[0];
        assert_eq!(&text[o.range.clone()], "Foreign Secretary");
        assert_eq!(o.name_after, Some(23));
        let text = "Tobias Ellwood, Foreign Office Minister for the Middle East, said";
        let o = &offices(text)[0];
        assert_eq!(
            &text[o.range.clone()],
            "Foreign Office Minister for the Middle East"
        );
        assert_eq!((o.name_before, o.needs_a_name_before), (Some(14), true));
        let text = "Theresa May, the Prime Minister, said";
        let o = &offices(text)[0];
        assert_eq!((o.name_before, o.needs_a_name_before), (Some(11), false));
        let text = "After meeting Angela Merkel, the Prime Minister said she agreed.";
        assert_eq!(offices(text)[0].name_before, None);
    }

    #[test]
    fn an_office_alone_is_told_from_a_name() {
        assert!(is_office("Foreign Secretary"));
        assert!(is_office("Minister for Central Asia"));
        assert!(!is_office("Boris Johnson"));
        assert!(!is_office("Foreign Secretary Boris"));
    }
}
