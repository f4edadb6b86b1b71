//! Unit tests of the entities' rules.

use super::bounds::after_locative;
use super::drops::{continues_name, names_an_operation};
use super::link::{initials, is_acronym};
use super::tagged::{ends_no_place, is_a_date, names_no_one, untagged_places};
use super::titles::split_title;
use crate::annotate::gazetteer::Gazetteer;
use crate::annotate::tokenize::tokenize;

#[test]
fn tickers_legal_forms_and_table_letters_name_no_one() {
    for (surface, ty) in [
        ("SIEG.F", 2),
        ("CAWL.L", 1),
        ("Co Inc", 1),
        ("Co.", 2),
        ("V", 2),
    ] {
        assert!(names_no_one(surface, ty), "{surface}");
    }
    for (surface, ty) in [("U.S.", 2), ("Siemens AG", 1), ("X", 1), ("Co-op", 1)] {
        assert!(!names_no_one(surface, ty), "{surface}");
    }
    assert!(is_a_date("APRIL 7", 1) && !is_a_date("APRIL", 2) && !is_a_date("MAY DAY", 2));
    assert!(is_a_date("January 29", 2) && is_a_date("Jun 6918 6928", 2));
    // The Lebanese alliance keeps its name.
    assert!(!is_a_date("March 14", 1));
}

#[test]
fn a_name_ending_in_an_institutions_word_is_no_place() {
    let gaz = Gazetteer::get();
    let ends = |name: &str| {
        let toks = tokenize(name);
        ends_no_place(&toks, name, 0, toks.len(), gaz)
    };
    for name in [
        "Cargill U.K. Ltd",
        "Wireless Plc",
        "New Zealand Stock Exchange",
        "Mozilla Foundation",
        "Newham Council",
        "Bell Labs",
    ] {
        assert!(ends(name), "{name}");
    }
    for name in [
        "West Bank",
        "Japan Inc.",
        "Corn Exchange",
        "Kennedy Space Center",
        "Khyber Agency",
        "Antioquia Department",
        "Labs",
    ] {
        assert!(!ends(name), "{name}");
    }
}

#[test]
fn operations_and_exercises_are_named_by_the_word_before_them() {
    assert!(names_an_operation("part of Operation "));
    assert!(names_an_operation("Exercise "));
    assert!(!names_an_operation("joint Operations "));
    assert!(!names_an_operation("Cooperation "));
    assert!(!names_an_operation("Operation  "));
    assert!(continues_name(" Netanyahu began"));
    assert!(!continues_name(", the operation"));
    assert!(!continues_name(" began in November"));
}

#[test]
fn initials_and_acronyms() {
    assert_eq!(initials("National Intelligence Service"), "NIS");
    assert!(is_acronym("NIS"));
    assert!(is_acronym("U.S."));
    assert!(!is_acronym("Nis"));
}

/// The name after a title inside a chunk of `ty`, as (first token, type).
fn after_title(name: &str, ty: usize) -> (usize, usize) {
    let toks = tokenize(name);
    split_title(&toks, name, ty, 0, toks.len(), Gazetteer::get())
}

#[test]
fn a_title_makes_a_person_of_the_name_after_it_unless_it_belongs_to_the_name() {
    // A person, organization or MISC chunk: the name after the title is a person.
    assert_eq!(after_title("Foreign Secretary Boris Johnson", 3), (2, 0));
    assert_eq!(after_title("Defense Secretary Ash Carter", 1), (2, 0));
    // In a MISC chunk, only a name that looks like a person's.
    assert_eq!(after_title("Major Market Index", 3), (0, 3));
    assert_eq!(after_title("General Agreement", 3), (0, 3));
    // ... or one opened by a title that names no thing, whoever the name is.
    assert_eq!(after_title("President Volodymyr Zelenskyy", 3), (1, 0));
    assert_eq!(after_title("Major Volodymyr Zelenskyy", 3), (0, 3));
    assert_eq!(after_title("Mr Robot", 3), (0, 3));
    assert_eq!(after_title("PRESIDENT Excel", 3), (0, 3));
    // A place keeps its title.
    assert_eq!(after_title("General Santos", 2), (0, 2));
    // Past a role's "of ..." or "for ...", the name starts at a first name.
    assert_eq!(after_title("US Secretary of State John Kerry", 1), (4, 0));
    assert_eq!(
        after_title("Minister for the Middle East Tobias Ellwood", 3),
        (5, 0)
    );
    assert_eq!(after_title("Argus Leader of Sioux Falls", 1), (0, 1));
    // "Rt Hon" opens a person's name, as written.
    assert_eq!(after_title("Rt Hon James Cleverly", 2), (2, 0));
    assert_eq!(after_title("Hon Hai Precision Industry", 1), (0, 1));
    assert_eq!(after_title("RT America", 1), (0, 1));
}

/// The places `untagged_places` finds in a sentence the recognizer tagged nothing in.
fn untagged(sentence: &str) -> Vec<&str> {
    let toks = tokenize(sentence);
    let covered = vec![false; toks.len()];
    untagged_places(&toks, sentence, &covered, Gazetteer::get())
        .into_iter()
        .map(|(s, e, _)| &sentence[toks[s].start..toks[e - 1].end])
        .collect()
}

#[test]
fn towns_the_gazetteer_knows_are_places_after_a_preposition_of_place() {
    // Written without the accents of their GeoNames names (Tikrīt, Sinjār).
    assert_eq!(
        untagged("Fighting went on near Tikrit and in Sinjar."),
        ["Tikrit", "Sinjar"]
    );
    assert!(untagged("Fighting went on near Tikrit Road.").is_empty());
    assert!(untagged("He trusted in Garcia and Tikrit.").is_empty());
    assert!(untagged("They met in Tikrit's old town, near Wadi al-Hamra.").is_empty());
    let toks = tokenize("Near Al Huwayjah, one strike");
    assert!(after_locative(
        &toks,
        "Near Al Huwayjah, one strike",
        1,
        3,
        Gazetteer::get()
    ));
}
