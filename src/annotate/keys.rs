//! Entity keys: the normalised forms under which names are indexed and looked up, so that
//! filters match case-insensitively, by full name or (for people) by any one of their names,
//! and across common transliterations (Zelensky, Zelenskyy, Zelenskiy).

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a name to its key: lower case, accents and punctuation dropped, and the word
/// endings that transliterations vary on (-iy, -yy, -ij, -yi, -ii) written as -y.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word = 0;
    for c in without_accents(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ')
            && !out.is_empty()
            && (c.is_whitespace() || c == '-' || c == '.' || c == '\'')
        {
            fold_ending(&mut out, word);
            out.push(' ');
            word = out.len();
        }
    }
    fold_ending(&mut out, word);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Writes the ending of the word from byte `start` to the end of `out` as -y where it is
/// one that transliterations vary on, in a word of more than four bytes.
fn fold_ending(out: &mut String, start: usize) {
    let w = &out[start..];
    if w.len() > 4
        && ["iy", "yy", "ij", "yi", "ii"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        out.truncate(out.len() - 2);
        out.push('y');
    }
}

/// A name with the accents of its Latin letters dropped ("Tikrīt" → "Tikrit", "Zürich" →
/// "Zurich", "Łódź" → "Lodz", "Dvořák" → "Dvorak"): canonical decomposition, without the
/// combining diacritics that follow a Latin letter, composed again (other scripts keep their
/// marks: Cyrillic "й", Japanese "ガ", Hangul); the Latin letters that do not decompose are
/// written as their base letter, the typographic apostrophe as `'`.
pub fn without_accents(name: &str) -> Cow<'_, str> {
    if name.is_ascii() {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut after_latin = false;
    for c in name.nfd() {
        if is_combining_mark(c) {
            if !(after_latin && ('\u{300}'..='\u{36f}').contains(&c)) {
                out.push(c);
            }
            continue;
        }
        after_latin = is_latin(c);
        out.push(match c {
            'ø' => 'o',
            'Ø' => 'O',
            'ł' => 'l',
            'Ł' => 'L',
            'đ' => 'd',
            'Đ' => 'D',
            'ı' => 'i',
            '\u{2019}' => '\'',
            other => other,
        });
    }
    Cow::Owned(out.nfc().collect())
}

/// Whether a letter is Latin: ASCII, Latin-1, Latin Extended A, B and Additional.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
}

/// The keys an entity is indexed under: its name and aliases, and for a person each word
/// of them (three letters or more), so that a surname alone finds them.
pub fn index_keys(name: &str, aliases: &[String], person: bool) -> Vec<String> {
    let mut keys = Vec::new();
    for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        let k = key(n);
        if k.is_empty() {
            continue;
        }
        if person {
            for w in k.split(' ') {
                if w.len() >= 3 {
                    keys.push(w.to_string());
                }
            }
        }
        keys.push(k);
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_meet() {
        assert_eq!(key("Zelenskyy"), "zelensky");
        assert_eq!(key("Zelenskiy"), "zelensky");
        assert_eq!(key("Zelensky"), "zelensky");
        assert_eq!(key("Volodymyr  Zelenskyy"), "volodymyr zelensky");
        assert_eq!(key("U.S."), "u s");
        assert_eq!(key("Nestlé"), "nestle");
        // Every Latin accent, not only the common ones; letters that do not decompose too.
        assert_eq!(key("Ḩadīthah"), "hadithah");
        assert_eq!(key("Şanlıurfa"), "sanliurfa");
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(without_accents("Tikrīt"), "Tikrit");
        // Other scripts keep their marks.
        assert_eq!(without_accents("Зеленский"), "Зеленский");
        assert_eq!(without_accents("ガザ"), "ガザ");
        assert_eq!(without_accents("서울"), "서울");
        assert_eq!(key("South Korea's"), "south korea s");
    }

    #[test]
    fn people_are_found_by_any_name() {
        let k = index_keys("Vladimir Putin", &["Putin".into()], true);
        assert_eq!(k, vec!["putin", "vladimir", "vladimir putin"]);
        let k = index_keys("National Intelligence Service", &["NIS".into()], false);
        assert_eq!(k, vec!["national intelligence service", "nis"]);
    }
}
