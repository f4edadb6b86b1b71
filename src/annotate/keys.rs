//! Entity keys: the normalised forms under which names are indexed and looked up, so that
//! filters match case-insensitively, by full name or (for people) by any one of their names,
//! and across common transliterations (Zelensky, Zelenskyy, Zelenskiy).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a name to its key: lower case, accents and punctuation dropped, and the word
/// endings that transliterations vary on (-iy, -yy, -ij, -yi, -ii) written as -y.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in without_accents(name).chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ')
            && !out.is_empty()
            && (c.is_whitespace() || c == '-' || c == '.' || c == '\'')
        {
            out.push(' ');
        }
    }
    let words: Vec<String> = out.split_whitespace().map(fold_ending).collect();
    words.join(" ")
}

fn fold_ending(w: &str) -> String {
    for end in ["iy", "yy", "ij", "yi", "ii"] {
        if w.len() > 4 {
            if let Some(stem) = w.strip_suffix(end) {
                return format!("{stem}y");
            }
        }
    }
    w.to_string()
}

/// A name with its accents dropped ("Tikrīt" → "Tikrit", "Zürich" → "Zurich", "Łódź" →
/// "Lodz"): canonical decomposition without the combining marks, and the letters that do not
/// decompose written as their base letter; the typographic apostrophe as `'`.
pub fn without_accents(name: &str) -> String {
    name.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'ø' => 'o',
            'Ø' => 'O',
            'ł' => 'l',
            'Ł' => 'L',
            'đ' => 'd',
            'Đ' => 'D',
            'ı' => 'i',
            '\u{2019}' => '\'',
            other => other,
        })
        .collect()
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
