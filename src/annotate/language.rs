//! What language an article is written in, as far as the recognizer cares. It learned
//! English news, where a capital marks a name or a sentence's start:
//!
//! - [`Script::English`]: read as it was trained.
//! - [`Script::NounsCapitalised`] (German): every noun has a capital, and the recognizer read
//!   them all as names, so the article gets no entities from it.
//! - [`Script::Other`] (Portuguese, Indonesian, Russian...): capitals still mark names, so the
//!   recognizer reads it, but a one-word name at a sentence's start that the article also
//!   writes in lower case is that word, not a name ("Dan", "Kita": Indonesian "and", "we").
//!
//! Its words are indexed and searched as any others, whatever the language.
//!
//! The test reads the article's words that hold no capital letter: in English prose about
//! two in five of them are common function words ("the", "of", "and"...); in other
//! languages fewer than one in ten, and in German at least one in ten are German ones
//! ("der", "und"...). An article with too few such words to tell (a list of names, a table)
//! counts as English.

use crate::annotate::tokenize::Token;
use crate::article::Passage;

/// English function words counted.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as",
    "by", "at", "he", "she", "they", "be", "are", "from", "this", "has", "have", "had", "not",
    "but", "or", "an", "his", "her", "their", "its", "were", "been", "which", "who", "will",
    "would", "said", "we", "you", "i", "after", "about", "more", "than", "also", "there", "when",
    "into", "over", "can",
];
/// German function words counted.
const GERMAN_WORDS: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "auf", "für", "ein",
    "eine", "sich", "des", "dem", "im", "auch", "es", "wir", "sie", "wie", "bei", "oder",
];
/// Words read at most: enough to tell.
const WORDS_READ: usize = 400;
/// Fewer words than this cannot tell.
const WORDS_NEEDED: usize = 20;
/// English prose reads 0.3 and more (every BBC article does); the other languages of the
/// article-extraction benchmark's pages read 0.06 and less. The same share of German
/// function words marks German.
const SHARE: f64 = 0.1;

/// What the recognizer makes of an article's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    English,
    NounsCapitalised,
    Other,
}

/// The words of an article (`passages`, tokenized as `tokens`) that hold no capital letter,
/// in order.
pub fn lower_case_words<'a>(
    passages: &'a [Passage],
    tokens: &'a [Vec<Token>],
) -> impl Iterator<Item = &'a str> + 'a {
    passages
        .iter()
        .zip(tokens)
        .flat_map(|(p, toks)| toks.iter().map(|t| t.text(&p.text)))
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase))
}

/// The [`Script`] of the article of `passages` (tokenized as `tokens`).
pub fn of(passages: &[Passage], tokens: &[Vec<Token>]) -> Script {
    let words = lower_case_words(passages, tokens).take(WORDS_READ);
    let (mut read, mut english, mut german) = (0usize, 0usize, 0usize);
    for w in words {
        read += 1;
        english += usize::from(ENGLISH_WORDS.contains(&w));
        german += usize::from(GERMAN_WORDS.contains(&w));
    }
    let share = |n: usize| n as f64 >= SHARE * read as f64;
    if read < WORDS_NEEDED || share(english) {
        Script::English
    } else if share(german) {
        Script::NounsCapitalised
    } else {
        Script::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::tokenize::tokenize;

    fn script(text: &str) -> Script {
        let passages = vec![Passage {
            ordinal: 0,
            line: 1,
            text: text.to_string(),
        }];
        let tokens = vec![tokenize(text)];
        of(&passages, &tokens)
    }

    #[test]
    fn tells_english_german_and_the_others() {
        assert_eq!(
            script(
                "The minister said on Monday that the talks with the unions would go on for a \
             week, and that he was confident of an agreement before the end of the month."
            ),
            Script::English
        );
        assert_eq!(
            script(
                "Die Digitalisierung verändert die Geschäftsmodelle vieler Unternehmen, und wir \
             zeigen auf der Messe, wie unsere Kunden mit neuen Plattformen erfolgreich sind \
             und ihre Bedürfnisse besser verstehen können. Besuchen sie uns in diesem Jahr \
             an unserem Stand, wo wir gern mit ihnen über die nächsten Schritte sprechen."
            ),
            Script::NounsCapitalised
        );
        assert_eq!(
            script(
                "Jangan membenci seseorang secara berlebihan, karena bisa jadi suatu hari nanti \
             dia akan menjadi orang yang kamu cintai, dan cintailah orang yang kamu cintai \
             sekadarnya saja."
            ),
            Script::Other
        );
        assert_eq!(
            script(
                "Nesta página você terá sempre o resultado atualizado da NASCAR até o fim do \
             campeonato, com os pontos dos pilotos, e pode conferir depois de cada etapa quem \
             venceu e quem ficou no pódio."
            ),
            Script::Other
        );
    }

    #[test]
    fn too_few_words_to_tell_is_english() {
        assert_eq!(
            script("Kyle Busch, Chase Elliott, William Byron"),
            Script::English
        );
    }
}
