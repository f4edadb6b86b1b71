//! Tokens and sentences for the annotators: words, numbers and punctuation with their byte
//! offsets, split close to the CoNLL-2003 convention the recognizer was trained on
//! ("Korea's" is `Korea` `'s`; "U.S.", "U.S" (its last full stop left out), "St." and "12,000"
//! stay whole; hyphenated words stay whole, except after initials: "U.S-Japan" is `U.S` `-`
//! `Japan`).

use std::sync::OnceLock;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};

/// A token: its text is `source[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// The token regex: initials, numbers, words, the old newswire quotes, any other character.
/// The initials' closing word boundary is written `WORD_END`, for [`token_regexes`] to read
/// in ASCII or in Unicode.
const TOKEN_PATTERN: &str = r"(?x)
    \p{Lu}\.(?:\p{Lu}\.)*(?:\p{Lu}(?:['\u{2019}][sS])?WORD_END)?  # initials: J. U.S. U.K. U.S U.S's
    | \p{N}+(?:[.,:/]\p{N}+)*(?:\p{L}+)?               # numbers: 12,000 1.13bn 130-? 24K
    | [\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'\u{2019}&.][\p{L}\p{M}\p{N}]+)*  # words: O'Brien al-Kuwaiti AT&T
    | ``|''                                            # the old newswire quotes, one token each
    | \S                                               # anything else, one character
    ";

/// The token regex with the initials' word boundary read in ASCII, then in Unicode. The
/// first is for where the two agree ([`ascii_boundaries_hold`]), which is nearly everywhere:
/// with a Unicode boundary the regex engine's fast automaton gives up on any text beyond
/// ASCII.
fn token_regexes() -> &'static [Regex; 2] {
    static RES: OnceLock<[Regex; 2]> = OnceLock::new();
    RES.get_or_init(|| {
        [r"(?-u:\b)", r"\b"].map(|end| {
            Regex::new(&TOKEN_PATTERN.replace("WORD_END", end)).expect("the token regex")
        })
    })
}

/// Whether a word boundary read in ASCII (`(?-u:\b)`) is the Unicode one (`\b`) everywhere
/// in `text`: where it holds no word character beyond ASCII (a letter, mark or digit; not
/// "£", "’" or a no-break space, which news writes often).
pub fn ascii_boundaries_hold(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii() || !regex_syntax::is_word_character(c))
}

/// Whether the initials that may open `rest` ("U.S.", "J.") need their word boundary read in
/// Unicode: whether the characters they could take (capitals, full stops, an apostrophe and
/// "s"), or the one after those, hold a word character beyond ASCII ("J.Müller").
fn initials_need_unicode(rest: &str) -> bool {
    let mut chars = rest.chars();
    if !(chars.next().is_some_and(char::is_uppercase) && chars.next() == Some('.')) {
        return false;
    }
    let initials = |c: char| c.is_uppercase() || matches!(c, '.' | '\'' | '\u{2019}' | 's' | 'S');
    let run = rest.find(|c: char| !initials(c)).unwrap_or(rest.len());
    let after = rest[run..]
        .chars()
        .next()
        .map_or(run, |c| run + c.len_utf8());
    !ascii_boundaries_hold(&rest[..after])
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (s, e) in token_spans(text) {
        let t = &text[s..e];
        // Possessive 's / ’s: a token of its own.
        for suffix in ["'s", "\u{2019}s", "'S"] {
            if t.len() > suffix.len() + 1 && t.ends_with(suffix) {
                let cut = e - suffix.len();
                out.push(Token { start: s, end: cut });
                out.push(Token { start: cut, end: e });
                break;
            }
        }
        // Already taken: split as a possessive above, or the period of an abbreviation.
        if out.last().is_some_and(|l: &Token| l.end == e) {
            continue;
        }
        // An abbreviation keeps its period ("St. Louis", "Gen. Votel"), as in CoNLL-2003.
        let e = if text[e..].starts_with('.') && crate::article::ABBREVIATIONS.contains(&t) {
            e + 1
        } else {
            e
        };
        out.push(Token { start: s, end: e });
    }
    out
}

/// The token regex's matches in `text`, as byte spans. Every character but white space
/// starts one (the last alternative is any such character), so each is searched for
/// anchored at the next such character: the regex then runs forward only, with no reverse
/// scan to find where the match starts.
fn token_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let [ascii, unicode] = token_regexes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(|c: char| !c.is_whitespace())?;
        let re = if initials_need_unicode(&text[start..]) {
            unicode
        } else {
            ascii
        };
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        // The last alternative takes any character but white space: the regex always
        // matches here, and one character is the token if ever it did not.
        let one = text[start..].chars().next().map_or(0, char::len_utf8);
        at = re.find(input).map_or(start + one, |m| m.end());
        Some((start, at))
    })
}

/// Capitals joined by full stops, the last one without: "U.S", "U.K", "U.S.A" (a token the
/// tokenizer keeps whole, which the recognizer and the gazetteer know with its last stop).
pub fn is_initials_without_stop(word: &str) -> bool {
    initials_without_stop(word, char::is_uppercase)
}

/// [`is_initials_without_stop`] in lower case ("u.s"), as the gazetteer keys its phrases.
pub fn is_lower_initials_without_stop(word: &str) -> bool {
    initials_without_stop(word, char::is_lowercase)
}

/// Letters of the case `letter` tells joined by full stops, the last one without.
fn initials_without_stop(word: &str, letter: fn(char) -> bool) -> bool {
    if word.len() < 3 || !word.contains('.') {
        return false;
    }
    let mut n = 0;
    for (i, c) in word.chars().enumerate() {
        let fits = match i % 2 {
            0 => letter(c),
            _ => c == '.',
        };
        if !fits {
            return false;
        }
        n = i + 1;
    }
    n % 2 == 1
}

/// Splits `text` into sentences, each a run of tokens (by index range into `tokens`).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let ends = crate::article::sentence_ends(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut e = 0;
    for (i, t) in tokens.iter().enumerate() {
        while e < ends.len() && ends[e] <= t.start {
            if i > start {
                out.push(start..i);
                start = i;
            }
            e += 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn initials_before_letters_beyond_ascii_end_where_unicode_says() {
        // An ASCII word boundary would cut "J.M" from "üller".
        assert_eq!(words("J.Müller said"), vec!["J.", "Müller", "said"]);
        assert_eq!(words("S.Ó Súilleabháin"), vec!["S.Ó", "Súilleabháin"]);
        assert_eq!(words("A.Éa"), vec!["A.", "Éa"]);
        assert!(ascii_boundaries_hold("£5m “deal” ’s\u{a0}—"));
        assert!(!ascii_boundaries_hold("Müller"));
    }

    #[test]
    fn tokens_among_letters_beyond_ascii() {
        assert_eq!(
            words("\u{a0}£1.5bn for Société Générale’s U.S. arm, “said” Müller\tU.S’s"),
            vec![
                "£",
                "1.5bn",
                "for",
                "Société",
                "Générale",
                "’s",
                "U.S.",
                "arm",
                ",",
                "“",
                "said",
                "”",
                "Müller",
                "U.S",
                "’s"
            ]
        );
    }

    #[test]
    fn conll_like_tokens() {
        assert_eq!(
            words("South Korea's NIS said 12,000 U.S. troops (approx.) left O'Brien's al-Kuwaiti."),
            vec![
                "South",
                "Korea",
                "'s",
                "NIS",
                "said",
                "12,000",
                "U.S.",
                "troops",
                "(",
                "approx",
                ".",
                ")",
                "left",
                "O'Brien",
                "'s",
                "al-Kuwaiti",
                "."
            ]
        );
        assert_eq!(
            words("$1.13bn (£600m)"),
            vec!["$", "1.13bn", "(", "£", "600m", ")"]
        );
        assert_eq!(
            words("South Korea’s Yonhap"),
            vec!["South", "Korea", "’s", "Yonhap"]
        );
    }

    #[test]
    fn initials_without_their_last_stop_are_told_apart() {
        for w in ["U.S", "U.K", "U.S.A", "É.U"] {
            assert!(super::is_initials_without_stop(w), "{w}");
        }
        for w in ["U.S.", "U.", "US", "U.Sa", "u.s", "U..S", ""] {
            assert!(!super::is_initials_without_stop(w), "{w}");
        }
    }

    #[test]
    fn initials_without_their_last_full_stop_stay_whole() {
        assert_eq!(
            words("the U.S said U.S-Japan U.S.A J.Smith U.K. the U.S's"),
            vec![
                "the", "U.S", "said", "U.S", "-", "Japan", "U.S.A", "J.", "Smith", "U.K.", "the",
                "U.S", "'s"
            ]
        );
    }

    #[test]
    fn newswire_quotes_and_colons() {
        assert_eq!(
            words("``Radio Free Europe,'' said Kerry: we"),
            vec!["``", "Radio", "Free", "Europe", ",", "''", "said", "Kerry", ":", "we"]
        );
    }

    #[test]
    fn sentences_by_token() {
        let text = "Kim met Putin. They signed it. Mr. Lee left.";
        let toks = tokenize(text);
        let sents: Vec<Vec<&str>> = sentences(text, &toks)
            .into_iter()
            .map(|r| toks[r].iter().map(|t| t.text(text)).collect())
            .collect();
        assert_eq!(sents.len(), 3, "{sents:?}");
        assert_eq!(sents[2], vec!["Mr.", "Lee", "left", "."]);
    }
}
