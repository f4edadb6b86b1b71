use super::*;

fn one(text: &str) -> Figure {
    let f = find(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f.into_iter().next().unwrap()
}

fn none(text: &str) {
    let f = find(text);
    assert!(f.is_empty(), "{text}: {f:?}");
}

#[test]
fn lemmas_are_words() {
    assert_eq!(lemma("caches"), "cache");
    assert_eq!(lemma("churches"), "church");
    assert_eq!(lemma("soldiers"), "soldier");
    assert_eq!(lemma("lives"), "life");
    assert_eq!(one("three supply caches").unit, "cache");
}

#[test]
fn identifiers_hold_no_figures() {
    none("Document 001C9C3F3DFE16B4921B1E906F66E161 was filed.");
    assert_eq!(one("It was minus 20C at dawn.").value, -20.0);
}

#[test]
fn shares_are_not_changes() {
    let f = one("ISIL has lost 30 percent of its territory.");
    assert_eq!((f.value, f.qualifier), (30.0, None));
    let f = one("Output was down 3.2 percent in May.");
    assert_eq!((f.value, f.qualifier.as_deref()), (-3.2, Some("down")));
}

#[test]
fn digits_and_counted_nouns() {
    let f = one("totaling approximately 12,000 soldiers, including");
    assert_eq!(
        (f.value, f.unit.as_str(), f.qualifier.as_deref()),
        (12000.0, "soldier", Some("approximately"))
    );
    assert_eq!(f.text, "approximately 12,000 soldiers");
    assert_eq!(f.display(), "12,000 soldier (approx.)");
    let f = one("It lost 464,000 subscribers in the quarter");
    assert_eq!((f.value, f.unit.as_str()), (464000.0, "subscriber"));
    let f = one("send 12,000 North Korean soldiers");
    assert_eq!(f.unit, "soldier");
}

#[test]
fn spelled_numbers() {
    let f = one("the mobilization of four brigades, totaling");
    assert_eq!((f.value, f.unit.as_str()), (4.0, "brigade"));
    let f = one("supplied nearly two million rounds of artillery ammunition");
    assert_eq!(
        (f.value, f.unit.as_str(), f.qualifier.as_deref()),
        (2e6, "round", Some("nearly"))
    );
    let f = one("a dozen journalists were held");
    assert_eq!((f.value, f.unit.as_str()), (12.0, "journalist"));
    let f = one("tens of thousands of people marched");
    assert_eq!(
        (f.value, f.upper, f.unit.as_str()),
        (1e4, Some(1e5), "person")
    );
    let f = one("twenty-five tanks");
    assert_eq!(f.value, 25.0);
    let f = one("Over half a million refugees fled");
    assert_eq!(
        (f.value, f.unit.as_str(), f.qualifier.as_deref()),
        (5e5, "refugee", Some("over"))
    );
}

#[test]
fn units_money_and_percentages() {
    let f = one("which have a range of 27,490 meters.");
    assert_eq!((f.value, f.unit.as_str()), (27490.0, "metre"));
    let f = one("18,000 square kilometers of territory");
    assert_eq!((f.value, f.unit.as_str()), (18e9, "square metre"));
    let f = one("7.5 kilometers away");
    assert_eq!((f.value, f.unit.as_str()), (7500.0, "metre"));
    let f = one("130-mm high-explosive fragmentation shells");
    assert_eq!((f.value, f.unit.as_str()), (130.0, "millimetre"));
    let figs = find("profits jumped 76% to $1.13bn (£600m) for the three months");
    let got: Vec<(f64, &str)> = figs.iter().map(|f| (f.value, f.unit.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (76.0, "percent"),
            (1.13e9, "USD"),
            (6e8, "GBP"),
            (3.0, "month")
        ]
    );
    let f = one("15 to 20 percent of the vote");
    assert_eq!(
        (f.value, f.upper, f.unit.as_str()),
        (15.0, Some(20.0), "percent")
    );
    let f = one("rose 10 per cent");
    assert_eq!(f.unit, "percent");
    let f = one("a loss of 5.93 mln dlrs");
    assert_eq!((f.value, f.unit.as_str()), (5.93e6, "USD"));
    let f = one("between 10,000 and 12,000 troops");
    assert_eq!(
        (f.value, f.upper, f.unit.as_str()),
        (10000.0, Some(12000.0), "troop")
    );
    let f = one("10,000-12,000 troops");
    assert_eq!((f.value, f.upper), (10000.0, Some(12000.0)));
    let f = one("at least 24 hours");
    assert_eq!(
        (f.unit.as_str(), f.qualifier.as_deref()),
        ("hour", Some("at least"))
    );
    let f = one("£59.5 million for the programme");
    assert_eq!((f.value, f.unit.as_str()), (59.5e6, "GBP"));
}

#[test]
fn fractions_are_percentages() {
    let f = one("Iraqi forces hold two-thirds of the city");
    assert_eq!(
        (f.value, f.unit.as_str(), f.text.as_str()),
        (66.7, "percent", "two-thirds")
    );
    let f = one("more than half of the voters");
    assert_eq!(
        (f.value, f.qualifier.as_deref(), f.text.as_str()),
        (50.0, Some("more than"), "more than half")
    );
    let f = one("a quarter of the budget");
    assert_eq!(f.value, 25.0);
    let f = one("3/4 of the wells");
    assert_eq!(f.value, 75.0);
    none("in the third quarter of the year");
    none("half past three");
}

#[test]
fn not_figures() {
    none("signed a treaty in 1961 obligating Moscow");
    none("a defense pact on June 19, pledging support");
    none("Since their September 2023 meeting");
    none("Article 51 of the UN Charter");
    none("designed for long-range M-46 cannons and OF-482M shells");
    none("the meeting starts at 10:30 GMT");
    none("call +44 20 7946 0958 for details");
    none("the 1st battalion and the 3rd brigade");
    none("Arsenal drew 2-2 with Derby");
    none("US Task Force 50 sailed");
    none("the Boeing 777 landed");
    none("the two met in Geneva");
    none("no one was hurt and one of them fled");
    none("on 21/11/96 at 3 pm");
}
