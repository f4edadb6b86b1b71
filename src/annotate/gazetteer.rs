//! Gazetteers: places (countries with their other spellings, capitals, continents, US states,
//! cities of at least 15,000 people, and their names written without accents as towns),
//! demonyms with the country they name, and common first
//! and last names. Built by
//! [`crate::train::gazetteer`] from GeoNames, countryinfo and the US Census name lists
//! into the compact committed file `models/gazetteer.tsv`, which is compiled into the binary.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::keys::without_accents;
use super::tokenize::is_lower_initials_without_stop;

/// The committed gazetteer, compiled in.
const GAZETTEER: &str = include_str!("../../models/gazetteer.tsv");

/// What a phrase is, as bit flags (a phrase may be several things: "Jordan").
pub mod kind {
    pub const PLACE: u8 = 1;
    pub const COUNTRY: u8 = 2;
    pub const DEMONYM: u8 = 4;
    pub const FIRST_NAME: u8 = 8;
    pub const LAST_NAME: u8 = 16;
    pub const ORGANIZATION: u8 = 32;
    /// An abbreviation that names nothing ("CEO", "GDP").
    pub const COMMON_ABBREVIATION: u8 = 64;
    /// A city's name as English news writes it, without accents ("Tikrit" for Tikrīt): read
    /// by the rules after the recognizer, not by its features (the model learned without).
    pub const TOWN: u8 = 128;
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Lower-cased phrase → kinds.
    phrases: FxHashMap<String, u8>,
    /// Lower-cased place or demonym → the canonical place name ("republic of korea" → "South Korea").
    canonical: FxHashMap<String, String>,
    /// The longest phrase, in words.
    pub max_words: usize,
    /// The first words of the phrases of more words ("united" for "united states"), so that a
    /// search for the longest phrase at a word stops where none goes on.
    prefixes: FxHashSet<String>,
    /// The canonical places (lower-cased, without accents) that other names lead to:
    /// countries, and cities large enough that GeoNames' other names of them are listed
    /// ("Bagdad" → Baghdad).
    named_otherwise: FxHashSet<String>,
}

impl Gazetteer {
    /// The compiled-in gazetteer, parsed once.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(GAZETTEER))
    }

    pub fn parse(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        // Read once at every start: sized up front, not grown.
        let lines = text.lines().count();
        g.phrases.reserve(lines);
        g.canonical.reserve(lines / 4);
        g.prefixes.reserve(lines / 4);
        for line in text.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(tag), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            let flag = match tag {
                "P" => kind::PLACE,
                "C" => kind::PLACE | kind::COUNTRY,
                "D" => kind::DEMONYM,
                "F" => kind::FIRST_NAME,
                "L" => kind::LAST_NAME,
                "O" => kind::ORGANIZATION,
                "A" => kind::COMMON_ABBREVIATION,
                "T" => kind::TOWN,
                _ => continue,
            };
            // As `kinds` looks phrases up: "I.E.S Abroad" under "i.e.s. abroad".
            let key = with_stops(&name.to_lowercase()).into_owned();
            g.max_words = g.max_words.max(key.split_whitespace().count());
            for (i, _) in key.match_indices(' ') {
                g.prefixes.insert(key[..i].to_string());
            }
            *g.phrases.entry(key.clone()).or_default() |= flag;
            // The first row of a name gives its canonical place; a country's own name is its
            // canonical one, whatever city GeoNames also calls so ("Bangladesh", a district of
            // Yerevan; "Paraguay").
            match cols.next() {
                Some(canon) => {
                    g.named_otherwise
                        .insert(without_accents(canon).to_lowercase());
                    g.canonical.entry(key).or_insert_with(|| canon.to_string());
                }
                None if flag & kind::COUNTRY != 0 => {
                    g.canonical.entry(key).or_insert_with(|| name.to_string());
                }
                None => {}
            }
        }
        g
    }

    /// Whether some longer phrase starts with `phrase` and a space.
    pub fn continues(&self, phrase: &str) -> bool {
        self.continues_as_written(with_stops(phrase).as_ref())
    }

    /// [`Gazetteer::continues`] for `phrase` as written, initials without their last full stop
    /// left so: what the recognizer's features read (see [`Gazetteer::kinds_as_written`]).
    pub fn continues_as_written(&self, phrase: &str) -> bool {
        self.prefixes.contains(phrase)
    }

    /// Whether a place is known by other names too: a country, a US state, a city large
    /// enough that its other names are listed ("Baghdad", "Basra" of Al Basrah), or one of
    /// those other names; not a small town ("Obama", in Japan). Accents aside ("Bogota").
    pub fn named_otherwise(&self, place: &str) -> bool {
        let lower = without_accents(place).to_lowercase();
        self.named_otherwise.contains(&lower)
            || self.canonical.contains_key(with_stops(&lower).as_ref())
            || self.kinds(&lower) & kind::COUNTRY != 0
            || US_STATES
                .iter()
                .any(|(_, state)| state.eq_ignore_ascii_case(place))
    }

    /// The kinds of a phrase (lower-cased words joined by single spaces), 0 if unknown.
    pub fn kinds(&self, phrase: &str) -> u8 {
        self.kinds_as_written(with_stops(phrase).as_ref())
    }

    /// [`Gazetteer::kinds`] for `phrase` as written, initials without their last full stop left
    /// so. The recognizer's features read this, in training and at run time alike: the
    /// tagger's words at run time already have that stop (`as_trained`, in
    /// [`entities`](super::entities)), and the committed model was trained on its files' words
    /// as written (the six "U.S" of `eng.train` are no country to it), so that
    /// `newsdex-train train` writes it byte for byte (CI checks it). The lists' own names are
    /// stored with their stops (since session 23: "H.H Dow High School" as "h.h. dow high
    /// school"); no training file writes one of them.
    pub fn kinds_as_written(&self, phrase: &str) -> u8 {
        self.phrases.get(phrase).copied().unwrap_or(0)
    }

    /// The canonical place for a place name or demonym ("Russian" → "Russia"), or for a US
    /// state's abbreviation as news agencies write it ("Calif." → "California"). Initials
    /// written without their last full stop are read with it ("U.S" → "United States").
    pub fn canonical_place(&self, phrase: &str) -> Option<String> {
        let bare = phrase.strip_suffix('.').unwrap_or(phrase);
        if let Some((_, state)) = US_STATES.iter().find(|(a, _)| *a == bare) {
            return Some(state.to_string());
        }
        let key = with_stops(&phrase.to_lowercase()).into_owned();
        if let Some(place) = self.compass_demonym(phrase) {
            return Some(place);
        }
        match self.canonical.get(&key) {
            Some(c) => Some(c.clone()),
            None => (self.kinds(&key) & (kind::PLACE | kind::TOWN) != 0).then(|| {
                // Fewer letters are an abbreviation's ("TAP", "ICA").
                if phrase.chars().any(char::is_lowercase)
                    || phrase.chars().filter(|c| c.is_alphabetic()).count() < 4
                {
                    phrase.to_string()
                } else {
                    title_case(phrase)
                }
            }),
        }
    }

    /// The place a demonym after "West" or "East" stands for, where the gazetteer has no
    /// such demonym of its own and the demonym's place is one word: "West German" → "West
    /// Germany", "East German" → "East Germany" (states of the past, which the country lists
    /// leave out), "West Malaysian" → "West Malaysia"; not "North American" (whose
    /// "American" is the Northern Mariana Islands' too).
    pub fn compass_demonym(&self, phrase: &str) -> Option<String> {
        let (compass, demonym) = phrase.split_once(' ')?;
        let lower = demonym.to_lowercase();
        if !matches!(compass, "West" | "East")
            || demonym.contains(' ')
            || self.kinds(&phrase.to_lowercase()) & kind::DEMONYM != 0
            || self.kinds(&lower) & kind::DEMONYM == 0
        {
            return None;
        }
        let place = self.canonical.get(&lower)?;
        (!place.contains(' ')).then(|| format!("{compass} {place}"))
    }
}

/// A name written in capitals (a dateline's "LONDON", "NEW YORK"; four letters or more) as
/// places are named: each word's first letter a capital, after a space or a hyphen
/// ("Winston-Salem"), but the particles joined by hyphens ("Port-au-Prince",
/// "Rostov-on-Don") and the second capital of "Mc" ("McAllen").
fn title_case(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for (i, word) in phrase.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (j, part) in word.split('-').enumerate() {
            if j > 0 {
                out.push('-');
            }
            let lower = part.to_lowercase();
            if j > 0 && HYPHENED_PARTICLES.contains(&lower.as_str()) {
                out.push_str(&lower);
                continue;
            }
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
            }
            let rest = chars.as_str();
            match rest
                .strip_prefix('c')
                .filter(|r| lower.starts_with("mc") && !r.is_empty())
            {
                Some(r) => {
                    out.push('c');
                    let mut r = r.chars();
                    out.extend(r.next().into_iter().flat_map(char::to_uppercase));
                    out.push_str(r.as_str());
                }
                None => out.push_str(rest),
            }
        }
    }
    out
}

/// The particles that place names join with hyphens, written in lower case.
const HYPHENED_PARTICLES: &[&str] = &[
    "au", "aux", "de", "du", "des", "la", "le", "les", "en", "sur", "on", "upon", "under", "di",
    "da", "del", "y", "et", "am", "im",
];

/// The US states as the news agencies' style books abbreviate them after a town ("Sunnyvale,
/// Calif."; AP), written as the text writes them, without the last full stop: only where the
/// recognizer has tagged the words a place ("Mass" and "Miss" are words too).
const US_STATES: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Kans", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("Neb", "Nebraska"),
    ("Nebr", "Nebraska"),
    ("Nev", "Nevada"),
    ("N.H", "New Hampshire"),
    ("N.J", "New Jersey"),
    ("N.M", "New Mexico"),
    ("N.Y", "New York"),
    ("N.C", "North Carolina"),
    ("N.D", "North Dakota"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("R.I", "Rhode Island"),
    ("S.C", "South Carolina"),
    ("S.D", "South Dakota"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Vt", "Vermont"),
    ("Va", "Virginia"),
    ("Wash", "Washington"),
    ("W.Va", "West Virginia"),
    ("Wis", "Wisconsin"),
    ("Wisc", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// A phrase in lower case with its initials written as the lists write them, with their last
/// full stop ("u.s virgin islands" → "u.s. virgin islands"): how the gazetteer keys and
/// looks up every phrase.
fn with_stops(phrase: &str) -> Cow<'_, str> {
    if !phrase.contains('.') || !phrase.split(' ').any(is_lower_initials_without_stop) {
        return Cow::Borrowed(phrase);
    }
    let words: Vec<String> = phrase
        .split(' ')
        .map(|w| match is_lower_initials_without_stop(w) {
            true => format!("{w}."),
            false => w.to_string(),
        })
        .collect();
    Cow::Owned(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_abbreviated_state_is_a_place_of_the_gazetteer() {
        let g = Gazetteer::get();
        for (abbreviation, state) in US_STATES {
            assert!(g.kinds(&state.to_lowercase()) & kind::PLACE != 0, "{state}");
            assert_eq!(
                g.canonical_place(&format!("{abbreviation}.")).as_deref(),
                Some(*state)
            );
        }
        assert_eq!(g.canonical_place("LA"), None);
        // A dateline's capitals name the place as it is written elsewhere.
        assert_eq!(g.canonical_place("LONDON").as_deref(), Some("London"));
        assert_eq!(
            g.canonical_place("West German").as_deref(),
            Some("West Germany")
        );
        assert_eq!(
            g.compass_demonym("West Malaysian").as_deref(),
            Some("West Malaysia")
        );
        // Only West and East; not a demonym whose place is more than a word ("American" is
        // the Northern Mariana Islands' too).
        assert_eq!(g.compass_demonym("North German"), None);
        assert_eq!(g.compass_demonym("South American"), None);
        assert_eq!(g.compass_demonym("West American"), None);
        assert_eq!(g.canonical_place("NEW YORK").as_deref(), Some("New York"));
        assert_eq!(g.canonical_place("U.S").as_deref(), Some("United States"));
        assert_eq!(g.kinds("u.s"), g.kinds("u.s."));
        // The recognizer's features read phrases as written, as the model was trained.
        assert_eq!(g.kinds_as_written("u.s"), 0);
        assert_ne!(g.kinds_as_written("u.s."), 0);
        assert!(!g.continues_as_written("u.s") && g.continues_as_written("u.s."));
        assert_ne!(g.kinds("u.s virgin islands"), 0);
        assert!(g.continues("u.s"));
        // A listed name written with such initials ("H.H Dow High School") is found too.
        assert_ne!(g.kinds("h.h dow high school"), 0);
        assert!(g.continues("h.h"));
        assert_eq!(title_case("PORT-AU-PRINCE"), "Port-au-Prince");
        assert_eq!(title_case("MCALLEN"), "McAllen");
        assert_eq!(title_case("WINSTON-SALEM"), "Winston-Salem");
        assert_eq!(title_case("ÎLE-DE-FRANCE"), "Île-de-France");
    }

    /// GeoNames gives cities other names that are organisations' or common words; they
    /// stand for no city (the recognizer read "the White House said" as Casablanca).
    #[test]
    fn other_names_that_are_not_a_citys_own_stand_alone() {
        let g = Gazetteer::get();
        for (written, city) in [
            ("White House", "Casablanca"),
            ("Google", "Topeka"),
            ("Hamas", "Hamm"),
            ("Basic", "Henderson"),
        ] {
            assert_ne!(
                g.canonical_place(written).as_deref(),
                Some(city),
                "{written}"
            );
        }
        assert_eq!(g.canonical_place("Bombay").as_deref(), Some("Mumbai"));
        // Countries that GeoNames also gives as other names of cities stay countries.
        for country in [
            "Bangladesh",
            "Paraguay",
            "Laos",
            "Panama",
            "Guatemala",
            "Benin",
        ] {
            assert_eq!(g.canonical_place(country).as_deref(), Some(country));
        }
    }
}
