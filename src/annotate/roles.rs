//! Offices named without their holder's name: "the Foreign Secretary said", "The Minister
//! for the Middle East visited", "Tobias Ellwood, Foreign Office Minister for the Middle
//! East, said". Government releases name people this way more often than by name, and an
//! analyst's reading counts each as a person (as re3d's annotators do). [`offices`] finds
//! them in a passage; [`super::entities`] makes each a mention of the person the article
//! names with that office, else of the office itself.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// The words that end an office's name, longest first ("Prime Minister" before "Minister").
/// Not "General" or "Director" alone, nor words of rank ("Captain"), which name units and
/// documents too.
const OFFICES: &[&str] = &[
    "Prime Minister",
    "Secretary-General",
    "Secretary General",
    "Attorney General",
    "Minister",
    "Secretary",
    "President",
    "Chancellor",
    "Ambassador",
    "Governor",
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

/// How an office found by [`offices`] stands beside a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// The office's words in the passage, without "the" ("Foreign Secretary").
    pub range: Range<usize>,
    /// Where a name in apposition starts, right after the office and its comma ("The Foreign
    /// Secretary, Boris Johnson, said").
    pub name_after: Option<usize>,
    /// Whether the office follows a name and a comma ("Tobias Ellwood, Foreign Office
    /// Minister"): its holder is the name before.
    pub after_a_name: bool,
}

/// The offices `text` names without a name right after them: capitalised words ending in
/// an office's word ([`OFFICES`]; up to four words before it: "US Secretary of State", "Iraqi
/// Foreign Minister"), with "of" or "for" and capitalised words after it ("Minister for the
/// Middle East"). Each stands after "the", at the start of the passage or a sentence, or
/// after a comma (in apposition to a name, which the caller checks); none is followed by a
/// capitalised word ("the Foreign Secretary Boris Johnson": the name is the person) or goes
/// on into a longer word ("Ministers", "Ministerial").
pub fn offices(text: &str) -> Vec<Office> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        // A capitalised word, or initials with their stops ("U.S."): no other full stop,
        // which may end the sentence ("President of the United States. He").
        let word = r"(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{N}’'-]*)";
        let office = OFFICES.join("|");
        let sovereign = SOVEREIGNS.join("|");
        let more = format!(r"(?: (?:of|for) (?:the )?{word}(?: (?:and |& )?{word})*)*");
        let re = format!(r"\b(?:(?:{word} ){{0,4}}(?:{office})|(?:{sovereign})){more}\b");
        Regex::new(&re).expect("offices")
    });
    re.find_iter(text)
        .filter_map(|m| standing_alone(text, m.range()))
        .collect()
}

/// The office at `range` (a match of [`offices`]' pattern, perhaps opening with "The"),
/// where it names its holder alone.
fn standing_alone(text: &str, range: Range<usize>) -> Option<Office> {
    let (mut start, end) = (range.start, range.end);
    let before = &text[..start];
    let matched = &text[start..end];
    let opens_with_the = matched.starts_with("The ");
    if opens_with_the {
        start += "The ".len();
    }
    let after = &text[end..];
    let goes_on = after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        || after
            .strip_prefix(' ')
            .or_else(|| {
                after
                    .strip_prefix(['’', '\''])
                    .and_then(|a| a.strip_prefix("s "))
            })
            .is_some_and(|a| a.starts_with(char::is_uppercase));
    if goes_on || start >= end {
        return None;
    }
    let after_the = opens_with_the || before.ends_with("the ") || before.ends_with("The ");
    let after_a_name = before.ends_with(", ");
    let opens = before.trim_end().is_empty()
        || before.ends_with(". ")
        || before.ends_with('\n')
        || before.ends_with(['“', '"']);
    if !(after_the || after_a_name || opens) {
        return None;
    }
    let name_after = after
        .strip_prefix(", ")
        .filter(|a| a.starts_with(char::is_uppercase))
        .map(|_| end + 2);
    Some(Office {
        range: start..end,
        name_after,
        after_a_name: after_a_name && !after_the,
    })
}

/// Whether a mention's text is an office's name alone ("Foreign Secretary", "Queen"): what an
/// article says of an office tells the corpus nothing of a name.
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
        assert_eq!(
            found("He met the U.S. Trade Representative. He said the President of the United States. He left."),
            ["U.S. Trade Representative", "President of the United States"]
        );
    }

    #[test]
    fn an_office_before_a_name_or_in_a_longer_word_is_no_holder_alone() {
        assert!(found("the Foreign Secretary Boris Johnson said").is_empty());
        assert!(found("Russian Foreign Minister Sergei Lavrov met the Ministers").is_empty());
        assert!(found("the former Foreign Secretary said").is_empty());
        assert!(found("a meal at the Burger King restaurant").is_empty());
        assert!(found("the King's Speech was shown at the Prime Ministerial palace").is_empty());
        assert!(found("the Bank of England Governor said").is_empty());
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
        assert!(o.after_a_name);
    }

    #[test]
    fn an_office_alone_is_told_from_a_name() {
        assert!(is_office("Foreign Secretary"));
        assert!(is_office("Minister for Central Asia"));
        assert!(!is_office("Boris Johnson"));
        assert!(!is_office("Foreign Office"));
    }
}
