//! An article's fingerprint: a 64-bit SimHash (Charikar, 2002) of its word 3-shingles, so
//! that copies of a story (the same story filed twice, syndicated, re-saved with other white
//! space or punctuation) have fingerprints at most a few bits apart, and different stories do
//! not (about 32 bits apart). Search collapses articles whose fingerprints are at most
//! [`NEAR_BITS`] apart. A rewritten update is not a copy: changing one word in sixty moves
//! about ten bits, so such near-copies stay apart (a MinHash of more values would catch them).

use xxhash_rust::xxh3::xxh3_64;

use crate::article::Passage;

/// Fingerprints at most this many bits apart are near-duplicates.
pub const NEAR_BITS: u32 = 3;

/// Articles shorter than this many words get no fingerprint (0): short items (headlines,
/// one-line briefs, tables) share too much wording to tell copies from siblings.
pub const MIN_WORDS: usize = 40;

/// The SimHash of the passages' words, lower-cased, in 3-word shingles.
pub fn fingerprint(passages: &[Passage]) -> u64 {
    // The words, lower-cased, one space apart in one string: a shingle is a slice of it.
    let mut text = String::new();
    let mut starts: Vec<usize> = Vec::new();
    for word in passages
        .iter()
        .flat_map(|p| p.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
    {
        if !starts.is_empty() {
            text.push(' ');
        }
        starts.push(text.len());
        if word.is_ascii() {
            text.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            text.push_str(&word.to_lowercase());
        }
    }
    if starts.len() < MIN_WORDS {
        return 0;
    }
    let mut votes = [0i32; 64];
    for (i, &start) in starts.iter().enumerate().take(starts.len() - 2) {
        // Up to the space before the fourth word, or the end.
        let end = starts.get(i + 3).map_or(text.len(), |s| s - 1);
        let h = xxh3_64(&text.as_bytes()[start..end]);
        // +1 for a set bit, -1 for a clear one, without a branch (the loop vectorises).
        for (bit, v) in votes.iter_mut().enumerate() {
            *v += (h >> bit & 1) as i32 * 2 - 1;
        }
    }
    let mut out = 0u64;
    for (bit, v) in votes.iter().enumerate() {
        if *v > 0 {
            out |= 1 << bit;
        }
    }
    // 0 means "none": keep a real fingerprint from being read as that.
    out.max(1)
}

/// Whether two fingerprints are of near-duplicate articles.
pub fn near(a: u64, b: u64) -> bool {
    a != 0 && b != 0 && (a ^ b).count_ones() <= NEAR_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(text: &str) -> Vec<Passage> {
        vec![Passage {
            ordinal: 0,
            line: 1,
            text: text.to_string(),
        }]
    }

    #[test]
    fn copies_are_near_and_other_stories_are_not() {
        let story = "The central bank raised its main interest rate by a quarter of a point on \
                     Thursday, the third rise this year, saying that inflation was running above \
                     its target and that wages were growing faster than expected. Economists had \
                     expected the move, which takes the rate to its highest level since 2001, and \
                     markets barely reacted to the announcement.";
        let respaced = story.replace(", ", " , ").replace("Thursday", "Thursday\n");
        let other = "The football club sacked its manager on Sunday after a run of seven defeats \
                     left the team one place above the relegation zone, and said a successor would \
                     be named within the week. The chairman thanked him for his work over three \
                     seasons, which included a cup win and a promotion, and asked fans for patience \
                     while the board looked for a replacement.";
        let a = fingerprint(&passages(story));
        assert!(near(a, fingerprint(&passages(story))));
        assert!(near(a, fingerprint(&passages(&respaced))));
        assert!(!near(a, fingerprint(&passages(other))));
        assert_eq!(fingerprint(&passages("Too short to tell.")), 0);
    }
}
