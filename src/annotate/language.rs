//! Whether an article is written in English. The recognizer learned English news; in other
//! languages it reads capitalised words as names (every German noun, an Indonesian
//! sentence's first word), so an article in another language gets no entities from it. Its
//! words are indexed and searched as any others.
//!
//! The test reads the article's words that hold no capital letter: in English prose about
//! two in five of them are common function words ("the", "of", "and"...); in German,
//! Indonesian, Portuguese or Russian text, fewer than one in ten. An article with too few
//! such words to tell (a list of names, a table) counts as English.

use crate::annotate::tokenize::Token;
use crate::article::Passage;

/// The function words counted.
const ENGLISH_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as",
    "by", "at", "he", "she", "they", "be", "are", "from", "this", "has", "have", "had", "not",
    "but", "or", "an", "his", "her", "their", "its", "were", "been", "which", "who", "will",
    "would", "said", "we", "you", "i", "after", "about", "more", "than", "also", "there", "when",
    "into", "over", "can",
];
/// Words read at most: enough to tell.
const WORDS_READ: usize = 400;
/// Fewer words than this cannot tell.
const WORDS_NEEDED: usize = 20;
/// English prose reads 0.3 and more (every BBC article does); the other languages of the
/// article-extraction benchmark's pages read 0.06 and less.
const ENGLISH_SHARE: f64 = 0.1;

/// Whether the article of `passages` (tokenized as `tokens`) reads as English.
pub fn is_english(passages: &[Passage], tokens: &[Vec<Token>]) -> bool {
    let words = passages
        .iter()
        .zip(tokens)
        .flat_map(|(p, toks)| toks.iter().map(|t| t.text(&p.text)))
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase))
        .take(WORDS_READ);
    let (mut read, mut english) = (0usize, 0usize);
    for w in words {
        read += 1;
        english += usize::from(ENGLISH_WORDS.contains(&w));
    }
    read < WORDS_NEEDED || english as f64 >= ENGLISH_SHARE * read as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::tokenize::tokenize;

    fn english(text: &str) -> bool {
        let passages = vec![Passage {
            ordinal: 0,
            line: 1,
            text: text.to_string(),
        }];
        let tokens = vec![tokenize(text)];
        is_english(&passages, &tokens)
    }

    #[test]
    fn tells_english_from_german_and_indonesian() {
        assert!(english(
            "The minister said on Monday that the talks with the unions would go on for a \
             week, and that he was confident of an agreement before the end of the month."
        ));
        assert!(!english(
            "Die Digitalisierung verändert die Geschäftsmodelle vieler Unternehmen, und wir \
             zeigen auf der Messe, wie unsere Kunden mit neuen Plattformen erfolgreich sind \
             und ihre Bedürfnisse besser verstehen können. Besuchen sie uns in diesem Jahr \
             an unserem Stand, wo wir gern mit ihnen über die nächsten Schritte sprechen."
        ));
        assert!(!english(
            "Jangan membenci seseorang secara berlebihan, karena bisa jadi suatu hari nanti \
             dia akan menjadi orang yang kamu cintai, dan cintailah orang yang kamu cintai \
             sekadarnya saja."
        ));
    }

    #[test]
    fn too_few_words_to_tell_is_english() {
        assert!(english("Kyle Busch, Chase Elliott, William Byron"));
    }
}
