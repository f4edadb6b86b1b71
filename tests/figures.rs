//! Figures: extraction from the seed, the --figure filter, figure facets.

mod common;

use common::*;
use serde_json::Value;
use tempfile::TempDir;

#[test]
fn extract_lists_the_seeds_figures_normalised_and_no_dates() {
    let report = extract_first(&shipped_corpus().join("north-korea-troops-russia.md"));
    let figs: Vec<(String, f64, String)> = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["text"].as_str().unwrap().to_string(),
                f["value"].as_f64().unwrap(),
                f["unit"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (text, value, unit) in [
        ("four brigades", 4.0, "brigade"),
        ("approximately 12,000 soldiers", 12000.0, "soldier"),
        ("around 10,000 soldiers", 10000.0, "soldier"),
        ("130-mm", 130.0, "millimetre"),
        ("27,490 meters", 27490.0, "metre"),
        ("nearly two million rounds", 2e6, "round"),
    ] {
        assert!(
            figs.contains(&(text.to_string(), value, unit.to_string())),
            "{text} not in {figs:?}"
        );
    }
    // June 19, 1961, 2000, September 2023, Article 51, M-46 and OF-482M are no figures.
    for (text, _, _) in &figs {
        for not in ["19", "1961", "2000", "2023", "51", "46", "482"] {
            assert!(!text.contains(not), "{text} is not a figure");
        }
    }
    let shown: Vec<&str> = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["display"].as_str().unwrap())
        .collect();
    assert!(shown.contains(&"12,000 soldier (approx.)"), "{shown:?}");
}

fn figure_index() -> (TempDir, std::path::PathBuf) {
    seed_corpus_index(&[
        ("money.txt", "Ad sales boost profit\n\nQuarterly profits jumped 76% to $1.13bn (\u{a3}600m) for the three months to December.\n\nIt lost 464,000 subscribers.\n"),
        ("march.txt", "March\n\nTens of thousands of people marched in London.\n"),
    ])
}

fn lines(hits: &[Value]) -> Vec<(String, u64)> {
    hits.iter()
        .map(|h| (file_name(h), h["line"].as_u64().unwrap()))
        .collect()
}

#[test]
fn figure_filters_narrow_to_passages() {
    let (_tmp, idx) = figure_index();
    let (hits, _) = search(&idx, &["--figure", "soldier>=10000"]);
    assert_eq!(
        lines(&hits),
        vec![("seed.md".into(), 6), ("seed.md".into(), 8)]
    );
    let (hits, _) = search(&idx, &["--figure", "soldier>10000"]);
    assert_eq!(lines(&hits), vec![("seed.md".into(), 6)]);
    // Synonyms: troops are soldiers.
    let (hits, _) = search(&idx, &["--figure", "troops>5000"]);
    assert_eq!(hits.len(), 2);
    // Units and their spellings.
    // The passage starts at its heading, "Deepening Russia-North Korea Ties" (line 9).
    let (hits, _) = search(&idx, &["--figure", "meters>20000"]);
    assert_eq!(lines(&hits), vec![("seed.md".into(), 9)]);
    let (hits, _) = search(&idx, &["--figure", "usd>1e9"]);
    assert_eq!(lines(&hits), vec![("money.txt".into(), 3)]);
    let (hits, _) = search(&idx, &["--figure", "$>2e9"]);
    assert!(hits.is_empty());
    let (hits, _) = search(&idx, &["--figure", "gbp 600m"]);
    assert_eq!(hits.len(), 1);
    let (hits, _) = search(&idx, &["--figure", "percent 70..80"]);
    assert_eq!(lines(&hits), vec![("money.txt".into(), 3)]);
    // Any unit.
    let (hits, _) = search(&idx, &["--figure", "464000"]);
    assert_eq!(lines(&hits), vec![("money.txt".into(), 5)]);
    // Approximate spans: "tens of thousands" holds 20,000 people.
    let (hits, _) = search(&idx, &["--figure", "people>=50000"]);
    assert_eq!(lines(&hits), vec![("march.txt".into(), 3)]);
    // With a query, and with entity filters.
    let (hits, _) = search(&idx, &["Zelenskyy", "--figure", "soldier>=10000"]);
    assert_eq!(lines(&hits), vec![("seed.md".into(), 8)]);
    let (hits, _) = search(
        &idx,
        &["--figure", "soldier>=10000", "--org", "Yonhap News Agency"],
    );
    assert_eq!(lines(&hits), vec![("seed.md".into(), 6)]);
    let (hits, r) = search(&idx, &["--figure", "soldier>=10000", "--person", "Biden"]);
    assert!(hits.is_empty());
    assert_eq!(r.code, 1);
    // Hits list their figures.
    let (hits, _) = search(&idx, &["--figure", "soldier>10000"]);
    let shown: Vec<&str> = hits[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["unit"].as_str().unwrap())
        .collect();
    assert_eq!(shown, vec!["brigade", "soldier"]);
}

#[test]
fn a_bad_figure_filter_is_a_one_line_error() {
    let (_tmp, idx) = figure_index();
    let (_, r) = search(&idx, &["--figure", "soldier>=lots"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is not a figure filter"), "{}", r.stderr);
}

#[test]
fn figure_facets_count_units() {
    let (_tmp, idx) = figure_index();
    let counts = facets(&idx, &["--type", "figure"]);
    assert!(counts.iter().all(|c| c["type"] == "figure"));
    assert_eq!(counts[0]["name"], "soldier");
    assert_eq!(counts[0]["mentions"], 2);
}

/// Rows of the judged table the reader misses, and why: each needs knowledge of the world
/// the sentence does not state. The test fails when one of them starts to pass, so that
/// this list stays true.
const KNOWN_MISSES: &[(&str, &str)] = &[
    (
        "A litre of milk costs 80 cents in Dublin supermarkets.",
        "that Dublin's cents are euro cents",
    ),
    (
        "Jeepney drivers asked for a fare increase of 50 centavos.",
        "that jeepneys are Philippine",
    ),
];

/// The judged table of figure forms (`tests/data/figure_forms.tsv`, written from news
/// style before the reader learned the forms): each sentence's figure gives its value and
/// unit; a control row gives no figure. Prints every miss, then asserts them all but the
/// [`KNOWN_MISSES`].
#[test]
fn the_judged_figure_forms_are_read() {
    judge_table("figure_forms.tsv", KNOWN_MISSES);
}

/// Rows of the second judged table the reader misses, and why.
const KNOWN_MISSES_2: &[(&str, &str)] = &[];

/// The second judged table (`tests/data/figure_forms_2.tsv`: 160 expressions of dimensions,
/// currencies, percentages and ages, written blind to the reader after the first table
/// passed, to check that what the first taught holds on forms it did not name).
#[test]
fn the_second_judged_figure_forms_are_read() {
    judge_table("figure_forms_2.tsv", KNOWN_MISSES_2);
}

/// The third judged table (`tests/data/figure_forms_3.tsv`: 120 expressions from the press
/// of many countries, written blind to the reader after the second passed). It was read
/// once as held-out data (79 of 120), then the reader learned the general forms its misses
/// showed; the rest are printed, and the test fails if fewer rows pass than now.
#[test]
fn the_third_judged_figure_forms_are_read_no_worse() {
    let (passed, total, misses) = read_table("figure_forms_3.tsv", &[]);
    for m in &misses {
        eprintln!("{m}");
    }
    eprintln!("{passed} / {total}");
    assert!(
        passed >= THIRD_TABLE_PASSED,
        "{passed} of {total} read, down from {THIRD_TABLE_PASSED}"
    );
}

/// Rows of the third table read now (79 when it was first read, held out).
const THIRD_TABLE_PASSED: usize = 114;

/// Reads a judged table of `tests/data` and asserts that every row but the known misses
/// passes, printing each miss.
fn judge_table(name: &str, known_misses: &[(&str, &str)]) {
    let (_, _, misses) = read_table(name, known_misses);
    for m in &misses {
        eprintln!("{m}");
    }
    assert!(
        misses.is_empty(),
        "{} of the judged forms in {name} missed",
        misses.len()
    );
}

/// Reads a judged table of `tests/data`: the rows that pass, all rows, and a line for each
/// miss that is not a known one. Prints the count per category; panics if a known miss
/// passes.
fn read_table(name: &str, known_misses: &[(&str, &str)]) -> (usize, usize, Vec<String>) {
    let table = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .unwrap();
    let mut per_category: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut misses = Vec::new();
    for line in table.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (category, sentence, value, unit) = (cols[0], cols[1], cols[2], cols[3]);
        let found = newsdex::annotate::figures::find(sentence);
        let pass = if unit == "none" {
            found.is_empty()
        } else {
            let value: f64 = value.parse().unwrap();
            found
                .iter()
                .any(|f| f.unit == unit && (f.value - value).abs() <= 1e-9 * value.abs().max(1.0))
        };
        let entry = per_category.entry(category).or_default();
        entry.1 += 1;
        let known = known_misses.iter().any(|(s, _)| *s == sentence);
        assert!(!(pass && known), "a known miss now passes: {sentence}");
        if pass {
            entry.0 += 1;
        } else if !known {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{} = {} {}", f.text, f.value, f.unit))
                .collect();
            misses.push(format!(
                "{category}: {sentence} | want {value} {unit} | got {got:?}"
            ));
        }
    }
    for (category, (passed, total)) in &per_category {
        eprintln!("{category:<10} {passed:>4} / {total}");
    }
    let passed = per_category.values().map(|(p, _)| p).sum();
    let total = per_category.values().map(|(_, t)| t).sum();
    (passed, total, misses)
}

/// Forms seen in BBC and Reuters-21578 text while the second table was read, and in a
/// review of the reader, each with the meaning it must keep: a currency that is also a word
/// keeps it before "of" ("marks of the total"), pounds of a commodity are weight, a version
/// after a name is no figure, an age stands between commas after a name, a noun of change
/// gives no sign, millions stay millions without a word of length, and short units and
/// prefixes that are also names ("BP", "PC", "SR 520", "ESP32") are no units.
#[test]
fn forms_of_wire_and_bbc_text_keep_their_meaning() {
    let cases: &[(&str, Option<(f64, &str)>)] = &[
        (
            "The car sector accounted for 1.51 billion marks of the total.",
            Some((1.51e9, "DEM")),
        ),
        (
            "ASCS also bought 11.1 mln pounds of bakers flour.",
            Some((11.1e6, "pound")),
        ),
        (
            "The bank will lend 2 million pounds of public money.",
            Some((2e6, "GBP")),
        ),
        ("The Net browser Opera 8.0 is due for release.", None),
        (
            "Former chief executive Mr Wanless, 57, has delivered two reports.",
            Some((57.0, "year")),
        ),
        (
            "Kenteris won 200m gold at the 2000 Sydney Olympics.",
            Some((200.0, "metre")),
        ),
        ("The plan would create 10m jobs.", Some((10e6, "job"))),
        (
            "Natural gas output averaged 976 mln cubic feet per day.",
            Some((976e6, "cubic foot")),
        ),
        (
            "GE's shares ended Friday 0.24% lower.",
            Some((-0.24, "percent")),
        ),
        (
            "In Scotland 53,000 voters signed.",
            Some((53000.0, "voter")),
        ),
        (
            "Wage growth slowed by 0.3 percentage points.",
            Some((-0.3, "percentage point")),
        ),
        (
            "Exports from firms hit by 10% tariffs fell.",
            Some((10.0, "percent")),
        ),
        ("The country has a population of 67m.", Some((67e6, ""))),
        ("Farmers get Rs2,50,000 a year.", Some((250000.0, "INR"))),
        ("Emissions of CO₂s were 5% higher.", Some((5.0, "percent"))),
    ];
    // Words that name no unit here.
    let nothing: &[(&str, &str)] = &[
        ("A father of 3 was killed in the crash.", "year"),
        ("We've had a ton of questions about it.", "tonne"),
        ("Traffic was slow on the SR 520 bridge.", "SAR"),
        ("The board uses an ESP32 chip.", "ESP"),
        ("The firm owns 120 BP stations.", "basis point"),
        ("Sales of 50 PC games rose.", "percent"),
        ("He was handed his P45 on Friday.", "PHP"),
        ("Traffic was heavy on the R5 near Soweto.", "ZAR"),
    ];
    for (sentence, unit) in nothing {
        let found = newsdex::annotate::figures::find(sentence);
        assert!(
            found.iter().all(|f| f.unit != *unit),
            "{sentence}: {found:?}"
        );
    }
    for (sentence, want) in cases {
        let found = newsdex::annotate::figures::find(sentence);
        let got: Vec<(f64, String)> = found.iter().map(|f| (f.value, f.unit.clone())).collect();
        match want {
            None => assert!(found.is_empty(), "{sentence}: {got:?}"),
            Some((value, unit)) => assert!(
                found
                    .iter()
                    .any(|f| f.unit == *unit && (f.value - value).abs() <= 1e-9 * value.abs()),
                "{sentence}: want {value} {unit}, got {got:?}"
            ),
        }
    }
}

/// Halves as news writes them: "and a half" after a number or after one of a unit, and
/// the fraction characters glued to digits.
#[test]
fn halves_are_read() {
    let cases: &[(&str, f64, &str)] = &[
        ("He served two and a half years in prison.", 2.5, "year"),
        ("The talks lasted an hour and a half.", 1.5, "hour"),
        ("The crater is a mile and a half across.", 1.5, "mile"),
        (
            "The seawall stands 3½ feet above the tide line.",
            3.5,
            "foot",
        ),
        ("Some two and a half million people voted.", 2.5e6, "person"),
    ];
    for (sentence, value, unit) in cases {
        let found = newsdex::annotate::figures::find(sentence);
        assert!(
            found
                .iter()
                .any(|f| f.unit == *unit && (f.value - value).abs() < 1e-9 * value.max(1.0)),
            "{sentence}: want {value} {unit}, got {found:?}"
        );
    }
}

/// The figures of the 49 re3d documents against the list a judge wrote blind to newsdex and
/// to re3d's annotations (`benches/judged/re3d_figures.json`): precision 1.0000, recall
/// 0.8973 (`newsdex-train re3d`, row figure-judged); the floor is 0.85 for both.
/// Against re3d's own Quantity and Money annotations, which leave out many counts that they
/// mark elsewhere ("two strikes", "40,000 civilians"), recall stays at least 0.85 too.
#[test]
fn figures_hold_against_the_judged_re3d_list() {
    let Some(data) = shared_data("figures_hold_against_the_judged_re3d_list") else {
        return;
    };
    use newsdex::train::re3d::{evaluate_figures, evaluate_judged_figures, read};
    let mut docs = read(&data.join("re3d/centcom")).unwrap();
    docs.extend(read(&data.join("re3d/uk_government")).unwrap());
    let judged =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/judged/re3d_figures.json");
    let c = evaluate_judged_figures(&docs, &judged).unwrap();
    assert!(c.precision() >= 0.85 && c.recall() >= 0.85, "{c:?}");
    let gold = evaluate_figures(&docs, false);
    assert!(gold.recall() >= 0.85, "{gold:?}");
}
