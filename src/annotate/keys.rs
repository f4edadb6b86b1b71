//! Entity keys: the normalised forms under which names are indexed and looked up, so that
//! filters match case-insensitively, by full name or (for people) by any one of their names,
//! and across common transliterations (Zelensky, Zelenskyy, Zelenskiy).

/// Folds a name to its key: lower case, accents and punctuation dropped, and the word
/// endings that transliterations vary on (-iy, -yy, -ij, -yi, -ii) written as -y.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = fold(c);
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

/// Latin letters with accents to their base letter.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ŭ' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ŭ' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        '\u{2019}' => '\'',
        other => other,
    }
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
