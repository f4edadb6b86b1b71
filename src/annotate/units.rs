//! What the words around a number mean as units: measures ("km", "acres", "mph"), currencies
//! by name, symbol and ISO code ("rupees", "₹", "INR"), their subunits ("pence", "cents"),
//! the adjective that names a currency's country ("Canadian dollars"), and scale words
//! ("million", "crore"). Each unit is normalised (`metre`, `USD`), with the factor that
//! turns the written value into the normalised one (5 km is 5,000 metres; 470 pence is
//! 4.70 GBP). [`super::figures`] reads them.

/// Scale words after a number (and glued suffixes: "1.5bn", "5m", "24K").
pub fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "million" | "mln" | "m" | "mn" | "mil" => 1e6,
        "crore" | "crores" | "cr" => 1e7,
        "billion" | "bln" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Units written after a number, as words, and what they normalise to (with a factor for
/// the value).
pub fn unit_word(w: &str) -> Option<(&'static str, f64)> {
    if let Some(u) = measure(w) {
        return Some(u);
    }
    currency_word(w).map(|c| (c, 1.0)).or_else(|| subunit(w))
}

/// Units of measure and time.
fn measure(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "%" | "percent" | "pct" => ("percent", 1.0),
        "m" | "metre" | "metres" | "meter" | "meters" => ("metre", 1.0),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "kms" => ("metre", 1000.0),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => ("millimetre", 1.0),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => ("centimetre", 1.0),
        "mile" | "miles" => ("mile", 1.0),
        "inch" | "inches" => ("inch", 1.0),
        "foot" | "feet" | "ft" => ("foot", 1.0),
        "yard" | "yards" | "yd" | "yds" => ("yard", 1.0),
        "kg" | "kilogram" | "kilograms" | "kilos" | "kilo" | "kgs" => ("kilogram", 1.0),
        "gram" | "grams" | "gramme" | "grammes" => ("gram", 1.0),
        "mg" | "milligram" | "milligrams" | "milligramme" | "milligrammes" => ("milligram", 1.0),
        "lb" | "lbs" => ("pound", 1.0),
        "oz" | "ounce" | "ounces" => ("ounce", 1.0),
        "tonne" | "tonnes" | "ton" | "tons" => ("tonne", 1.0),
        "litre" | "litres" | "liter" | "liters" => ("litre", 1.0),
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => ("millilitre", 1.0),
        "gallon" | "gallons" => ("gallon", 1.0),
        "ha" | "hectare" | "hectares" => ("hectare", 1.0),
        "acre" | "acres" => ("acre", 1.0),
        "mph" => ("mph", 1.0),
        "sqm" | "m2" | "m²" => ("square metre", 1.0),
        "km2" | "km²" | "sqkm" => ("square metre", 1e6),
        "m3" | "m³" => ("cubic metre", 1.0),
        "knot" | "knots" | "kts" => ("knot", 1.0),
        "kb" | "kilobyte" | "kilobytes" => ("kilobyte", 1.0),
        "gb" | "gigabyte" | "gigabytes" => ("gigabyte", 1.0),
        "tb" | "terabyte" | "terabytes" => ("terabyte", 1.0),
        "mb" | "megabyte" | "megabytes" => ("megabyte", 1.0),
        "kph" | "kmh" | "km/h" | "kmph" => ("km/h", 1.0),
        "degree" | "degrees" => ("degree", 1.0),
        "hour" | "hours" | "hrs" => ("hour", 1.0),
        "minute" | "minutes" | "mins" => ("minute", 1.0),
        "second" | "seconds" => ("second", 1.0),
        "day" | "days" => ("day", 1.0),
        "week" | "weeks" => ("week", 1.0),
        "month" | "months" => ("month", 1.0),
        "year" | "years" => ("year", 1.0),
        "barrel" | "barrels" | "bpd" => ("barrel", 1.0),
        _ => return None,
    })
}

/// Short units that are units only in lower case: "12pc" is percent, "50 PC games" are
/// computers; "8bp" basis points, "120 BP stations" a company's; "250 gm" grams, "three GM
/// factories" General Motors. `w` as written.
pub fn lower_case_unit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "pc" => ("percent", 1.0),
        "bp" | "bps" => ("basis point", 1.0),
        "ppts" => ("percentage point", 1.0),
        "gm" | "gms" => ("gram", 1.0),
        _ => return None,
    })
}

/// Units that may be glued to the digits ("200lbs", "75ml", "1.6ha", "30mph", "99p"), as
/// written: single letters only in lower case ("5g" is grams, "5G" a network).
pub fn glued_unit(suffix: &str) -> Option<(&'static str, f64)> {
    let lower = suffix.to_lowercase();
    if suffix.chars().count() == 1 {
        return match suffix {
            "g" => Some(("gram", 1.0)),
            "l" => Some(("litre", 1.0)),
            "p" => Some(("GBP", 0.01)),
            "C" | "F" => Some(("degree", 1.0)),
            _ => None,
        };
    }
    if let Some(u) = lower_case_unit(suffix) {
        return Some(u);
    }
    match lower.as_str() {
        "in" => Some(("inch", 1.0)),
        "c" | "f" => None,
        _ => unit_word(&lower),
    }
}

/// Currencies by name, plural and code, as a word after the number (or before it, in the
/// old wire style: "dlrs 32"). Words that are also common English ("real", "mark", "rand",
/// "pound") are [`ambiguous_currency`] instead.
fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "dlr" | "dlrs" | "usd" | "buck" | "bucks" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "sterling" | "stg" | "gbp" => "GBP",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "rupee" | "rupees" | "inr" => "INR",
        "won" | "krw" => "KRW",
        "lira" | "liras" | "tl" => "TRY",
        "lire" => "ITL",
        "franc" | "francs" | "chf" => "CHF",
        "riyal" | "riyals" | "sar" => "SAR",
        "dirham" | "dirhams" | "aed" => "AED",
        "shekel" | "shekels" | "ils" => "ILS",
        "hryvnia" | "hryvnias" | "hryvnas" | "uah" => "UAH",
        "ringgit" | "myr" => "MYR",
        "baht" | "thb" => "THB",
        "peso" | "pesos" | "mxn" => "MXN",
        "reais" | "brl" => "BRL",
        "naira" | "ngn" => "NGN",
        "krona" | "kronor" | "sek" => "SEK",
        "krone" | "kroner" | "nok" => "NOK",
        "dkk" => "DKK",
        "zloty" | "zlotys" | "zlotych" | "pln" => "PLN",
        "forint" | "forints" | "huf" => "HUF",
        "cedi" | "cedis" | "ghs" => "GHS",
        "koruna" | "korunas" | "czk" => "CZK",
        "kr" => "crown",
        "guilder" | "guilders" | "nlg" => "NLG",
        "zar" => "ZAR",
        "cad" => "CAD",
        "aud" => "AUD",
        "hkd" => "HKD",
        "sgd" => "SGD",
        "dinar" | "dinars" => "dinar",
        "rupiah" | "idr" => "IDR",
        "dong" | "vnd" => "VND",
        "shilling" | "shillings" | "kes" => "KES",
        "rial" | "rials" | "irr" => "IRR",
        "peseta" | "pesetas" | "esp" => "ESP",
        "escudo" | "escudos" => "PTE",
        "drachma" | "drachmas" | "drachmae" => "GRD",
        "schilling" | "schillings" => "ATS",
        "zł" => "PLN",
        "taka" | "bdt" => "BDT",
        _ => return None,
    })
}

/// Currency words that are also common English: a currency only after an amount that has
/// a scale ("2.5 billion marks") or after the adjective of its country ("German marks").
pub fn ambiguous_currency(w: &str) -> Option<&'static str> {
    Some(match w {
        "pound" | "pounds" => "GBP",
        "mark" | "marks" | "deutschmark" | "deutschmarks" => "DEM",
        "real" => "BRL",
        "rand" => "ZAR",
        "crown" | "crowns" => "crown",
        _ => return None,
    })
}

/// Subunits of currencies: "cents", "pence", "kopecks" (a hundredth each).
fn subunit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "cent" | "cents" | "cts" | "ct" => ("USD", 0.01),
        "penny" | "pence" => ("GBP", 0.01),
        "kopeck" | "kopecks" | "kopek" | "kopeks" => ("RUB", 0.01),
        "paise" => ("INR", 0.01),
        "sen" => ("MYR", 0.01),
        "kobo" => ("NGN", 0.01),
        "piastre" | "piastres" | "piaster" | "piasters" => ("EGP", 0.01),
        "centavo" | "centavos" => ("MXN", 0.01),
        _ => return None,
    })
}

/// Subunits of a currency named before them ("euro cents", "Australian cents").
pub fn subunit_of(currency: &str, w: &str) -> Option<f64> {
    (matches!(w, "cent" | "cents") && currency.len() == 3).then_some(0.01)
}

/// Scale words written out in full, which may follow the digits after a hyphen ("a
/// $2-million grant"; "10-K" is a form, not ten thousand).
pub fn is_spelled_scale(w: &str) -> bool {
    matches!(
        w,
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore"
    )
}

/// Whether a unit is a currency's subunit (its factor turns it into the main unit).
pub fn is_subunit(w: &str) -> bool {
    subunit(w).is_some()
}

/// Currency symbols written before the number.
pub fn currency_symbol(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "US$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₪" => "ILS",
        "₴" => "UAH",
        "฿" => "THB",
        "₦" => "NGN",
        "₱" => "PHP",
        _ => return None,
    })
}

/// A currency written before the number as a word or code, over `words[i..]`: "Rs",
/// "Rs.", "RM", "R$", "HK$", an ISO code in capitals ("USD 4.5 million") or the wire's
/// "dlrs 32", "yen 200", "stg 5". Returns the currency and how many tokens it takes.
pub fn currency_prefix(words: &[String], i: usize) -> Option<(&'static str, usize)> {
    let w = words[i].as_str();
    let next = words.get(i + 1).map(String::as_str);
    if next == Some("$") {
        let code = match w {
            "US" | "U.S." => "USD",
            "A" | "AU" => "AUD",
            "C" | "CA" | "Can" => "CAD",
            "HK" => "HKD",
            "S" => "SGD",
            "NZ" => "NZD",
            "R" => "BRL",
            "NT" => "TWD",
            "Mex" => "MXN",
            _ => return None,
        };
        return Some((code, 2));
    }
    if let Some(c) = currency_symbol(w) {
        return Some((c, 1));
    }
    let code = match w {
        "dlrs" | "dlr" => "USD",
        "stg" => "GBP",
        "yen" => "JPY",
        _ => iso_code(w).or_else(|| {
            LOCAL_PREFIXES
                .iter()
                .find(|(p, _, spaced)| *spaced && (*p == w || w.strip_suffix('.') == Some(p)))
                .map(|(_, code, _)| *code)
        })?,
    };
    // "Rs. 500": the abbreviation's period may stand alone.
    let taken = if w == "Rs" && next == Some(".") { 2 } else { 1 };
    Some((code, taken))
}

/// A currency's ISO code written in capitals ("USD", "EUR", "RMB").
fn iso_code(w: &str) -> Option<&'static str> {
    let capitals = w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase());
    capitals
        .then(|| currency_word(&w.to_lowercase()))
        .flatten()
        .filter(|c| c.len() == 3)
}

/// Local abbreviations of currencies written before the amount: the abbreviation, its
/// currency, and whether it may stand apart from the digits ("Rs 500", "KD 150 million");
/// the others only glued ("SR1,000": "SR 520" is a road).
const LOCAL_PREFIXES: &[(&str, &str, bool)] = &[
    ("Rs", "INR", true),
    ("RM", "MYR", true),
    ("Tk", "BDT", true),
    ("Rp", "IDR", true),
    ("NIS", "ILS", true),
    ("zł", "PLN", true),
    ("KSh", "KES", true),
    ("Ksh", "KES", true),
    ("Sh", "KES", false),
    ("Shs", "UGX", false),
    ("Dh", "AED", true),
    ("Dhs", "AED", true),
    ("SFr", "CHF", true),
    ("KD", "KWD", true),
    ("SR", "SAR", false),
    ("Bt", "THB", true),
    ("LE", "EGP", false),
];

/// Currencies no longer in use, whose codes glued to digits are more often names
/// ("ESP32" is a chip).
const LEGACY: &[&str] = &[
    "ESP", "PTE", "GRD", "ATS", "ITL", "NLG", "FRF", "BEF", "DEM",
];

/// The name a currency shares with others of other countries ("dollar" for USD, "crown"
/// for SEK): what an adjective of country is read with.
fn family(currency: &str) -> &str {
    match currency {
        "USD" => "dollar",
        "CHF" => "franc",
        "MXN" => "peso",
        "INR" => "rupee",
        "SAR" => "riyal",
        "GBP" => "pound",
        "TRY" | "ITL" => "lira",
        "SEK" | "NOK" | "DKK" => "crown",
        "DEM" => "mark",
        "BRL" => "real",
        "ZAR" => "rand",
        "KES" => "shilling",
        "IRR" => "rial",
        other => other,
    }
}

/// The currency an adjective of country makes of a currency's name ("Canadian" and
/// "dollars" make CAD; "Swiss" and "francs" CHF).
pub fn currency_of_country(adjective: &str, currency: &str) -> Option<&'static str> {
    Some(match (adjective, family(currency)) {
        ("canadian", "dollar") => "CAD",
        ("australian", "dollar") => "AUD",
        ("hong", "dollar") | ("kong", "dollar") | ("h.k.", "dollar") => "HKD",
        ("kenyan", "shilling") => "KES",
        ("ugandan", "shilling") => "UGX",
        ("tanzanian", "shilling") => "TZS",
        ("omani", "rial") => "OMR",
        ("singapore", "dollar") => "SGD",
        ("zealand", "dollar") => "NZD",
        ("taiwan", "dollar") | ("taiwanese", "dollar") => "TWD",
        ("french", "franc") => "FRF",
        ("belgian", "franc") => "BEF",
        ("swiss", "franc") => "CHF",
        ("cfa", "franc") => "XOF",
        ("mexican", "peso") => "MXN",
        ("philippine", "peso") => "PHP",
        ("argentine", "peso") | ("argentinian", "peso") => "ARS",
        ("chilean", "peso") => "CLP",
        ("colombian", "peso") => "COP",
        ("pakistani", "rupee") => "PKR",
        ("indian", "rupee") => "INR",
        ("nepalese", "rupee") | ("nepali", "rupee") => "NPR",
        ("lankan", "rupee") => "LKR",
        ("saudi", "riyal") => "SAR",
        ("qatari", "riyal") => "QAR",
        ("omani", "riyal") => "OMR",
        ("iranian", "riyal") => "IRR",
        ("egyptian", "pound") => "EGP",
        ("lebanese", "pound") => "LBP",
        ("syrian", "pound") => "SYP",
        ("british", "pound") => "GBP",
        ("italian", "lira") => "ITL",
        ("turkish", "lira") => "TRY",
        ("kuwaiti", "dinar") => "KWD",
        ("iraqi", "dinar") => "IQD",
        ("jordanian", "dinar") => "JOD",
        ("bahraini", "dinar") => "BHD",
        ("tunisian", "dinar") => "TND",
        ("algerian", "dinar") => "DZD",
        ("libyan", "dinar") => "LYD",
        ("serbian", "dinar") => "RSD",
        ("swedish", "crown") => "SEK",
        ("norwegian", "crown") => "NOK",
        ("danish", "crown") => "DKK",
        ("czech", "crown") => "CZK",
        ("german", "mark") => "DEM",
        ("brazilian", "real") => "BRL",
        ("south", "rand") | ("african", "rand") => "ZAR",
        _ => return None,
    })
}

/// A currency glued to the digits as letters ("RM2.5", "R3.5bn", "Rs500"), given the word
/// after it: the currency and the digits. A single letter (the rand's "R", the naira's
/// "N", the Philippine peso's "P") only with a scale, glued or next ("R3.5bn", "P20
/// billion"), as "R5" is as often a road and "P45" a form.
pub fn glued_prefix<'w>(word: &'w str, next: Option<&str>) -> Option<(&'static str, &'w str)> {
    let digits = word.find(|c: char| c.is_ascii_digit())?;
    let (prefix, rest) = word.split_at(digits);
    let scaled = rest.ends_with("bn")
        || rest.ends_with('m')
        || next.is_some_and(|n| is_spelled_scale(&n.to_lowercase()) || n == "bn");
    let code = match prefix {
        "R" if scaled => "ZAR",
        "N" if scaled => "NGN",
        "P" if scaled => "PHP",
        // "EUR1.5bn", "RMB3.2 billion": a code glued to the digits.
        _ => iso_code(prefix)
            .filter(|c| !LEGACY.contains(c))
            .or_else(|| {
                LOCAL_PREFIXES
                    .iter()
                    .find(|(p, ..)| *p == prefix)
                    .map(|e| e.1)
            })?,
    };
    Some((code, rest))
}

/// The currency a country's currency name means in a passage that names the country
/// ("pesos" where the Philippines are named are Philippine pesos): `words` are the
/// passage's words in lower case.
pub fn currency_in_context(words: &[String], currency: &str) -> Option<&'static str> {
    // Only the currencies several countries name alike are read from the context.
    let family = family(currency);
    if ![
        "peso", "dinar", "rupee", "riyal", "shilling", "rial", "crown",
    ]
    .contains(&family)
    {
        return None;
    }
    let mut found = None;
    for w in words {
        let adjective = match w.as_str() {
            "philippines" | "filipino" | "manila" => "philippine",
            "norway" | "oslo" => "norwegian",
            "sweden" | "stockholm" => "swedish",
            "denmark" | "copenhagen" => "danish",
            "prague" => "czech",
            "bogota" | "bogotá" => "colombian",
            "baghdad" => "iraqi",
            "amman" => "jordanian",
            "doha" => "qatari",
            "riyadh" => "saudi",
            "tehran" => "iranian",
            "nairobi" => "kenyan",
            "kampala" => "ugandan",
            "islamabad" | "karachi" | "lahore" => "pakistani",
            "kathmandu" => "nepalese",
            "belgrade" => "serbian",
            "tunis" => "tunisian",
            "algiers" => "algerian",
            "muscat" => "omani",
            "manama" => "bahraini",
            "argentina" => "argentine",
            "chile" => "chilean",
            "colombia" => "colombian",
            "mexico" => "mexican",
            "kuwait" => "kuwaiti",
            "iraq" => "iraqi",
            "jordan" => "jordanian",
            "bahrain" => "bahraini",
            "tunisia" => "tunisian",
            "algeria" => "algerian",
            "libya" => "libyan",
            "serbia" => "serbian",
            "pakistan" => "pakistani",
            "nepal" => "nepalese",
            "qatar" => "qatari",
            "oman" => "omani",
            "iran" => "iranian",
            "kenya" => "kenyan",
            "uganda" => "ugandan",
            "tanzania" => "tanzanian",
            other => other,
        };
        if let Some(code) = currency_of_country(adjective, family) {
            if found.is_some_and(|f| f != code) {
                return None; // two countries: no telling
            }
            found = Some(code);
        }
    }
    found
}

/// The currency the sign "¥" means in a passage (its `words` in lower case): the yuan where
/// the passage names China and not Japan, else the yen.
pub fn yen_sign_in_context(words: &[String]) -> &'static str {
    let names = |places: &[&str]| words.iter().any(|w| places.contains(&w.as_str()));
    let china = names(&[
        "china", "chinese", "beijing", "shanghai", "shenzhen", "yuan",
    ]);
    let japan = names(&["japan", "japanese", "tokyo", "osaka", "yen"]);
    if china && !japan {
        "CNY"
    } else {
        "JPY"
    }
}

/// Words before an amount that make it a change, with its sign: "down 3.2 percent" is
/// -3.2, "rose 2 percent" +2. Verbs are known by their stem in any inflection ("tanked",
/// "skidded", "depreciating").
pub fn change_sign(w: &str) -> Option<(f64, &'static str)> {
    const DOWN: &[&str] = &[
        "down",
        "fell",
        "fall",
        "fallen",
        "drop",
        "decline",
        "slip",
        "slid",
        "slide",
        "sank",
        "sink",
        "sunk",
        "tumble",
        "plunge",
        "plummet",
        "ease",
        "shrank",
        "shrink",
        "shrunk",
        "contract",
        "contraction",
        "off",
        "lower",
        "slump",
        "weaken",
        "weaker",
        "dip",
        "retreat",
        "decrease",
        "loss",
        "shed",
        "lost",
        "lose",
        "crash",
        "cut",
        "trim",
        "slash",
        "reduce",
        "tank",
        "skid",
        "nosedive",
        "depreciate",
        "sag",
        "slacken",
        "erode",
        "collapse",
        "slow",
        "softer",
        "soften",
        "dive",
        "dove",
        "halve",
    ];
    const UP: &[&str] = &[
        "up",
        "rose",
        "rise",
        "risen",
        "gain",
        "climb",
        "jump",
        "increase",
        "grew",
        "grow",
        "grown",
        "add",
        "higher",
        "advance",
        "surge",
        "soar",
        "strengthen",
        "stronger",
        "growth",
        "raise",
        "lift",
        "hike",
        "boost",
        "rally",
        "rebound",
        "firm",
        "firmer",
        "spike",
        "appreciate",
        "accelerate",
        "expand",
        "expansion",
        "leap",
        "leapt",
        "rocket",
        "double",
    ];
    let stems = stems(w);
    if stems.iter().any(|s| DOWN.contains(&s.as_str())) {
        Some((-1.0, "down"))
    } else if stems.iter().any(|s| UP.contains(&s.as_str())) {
        Some((1.0, "up"))
    } else {
        None
    }
}

/// A verb's possible stems: itself, and without an inflection ("skidded" skid, "eased"
/// ease, "rallies" rally, "rising" rise).
fn stems(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    for suffix in ["s", "es", "ed", "d", "ing"] {
        if let Some(base) = w.strip_suffix(suffix).filter(|b| b.len() >= 2) {
            out.push(base.to_string());
            out.push(format!("{base}e"));
            // "skidded" → "skid": a doubled last consonant.
            let mut last = base.char_indices().rev();
            if let (Some((k, a)), Some((_, b))) = (last.next(), last.next()) {
                if a == b && k >= 2 {
                    out.push(base[..k].to_string());
                }
            }
        }
    }
    if let Some(base) = w.strip_suffix("ies") {
        out.push(format!("{base}y"));
    }
    if let Some(base) = w.strip_suffix("ied") {
        out.push(format!("{base}y"));
    }
    out
}
