//! The corpus's second opinion on a person in the facets: a one-word name that the index
//! writes in many passages but tags as a person in few of them is not counted as a person.
//!
//! The recognizer reads one article at a time, and a word that names a thing can look like
//! a name there: "multiple Oscar nominee" reads as a person, in a corpus where most of the
//! passages that write "Oscar" name the award. Facets see the whole corpus, so they can ask
//! it: of the passages whose text holds the word ([`Fields::body`], any case and inflection),
//! in how many did the recognizer tag a person by that name ([`Fields::person_here`], which
//! holds every word of three letters or more of a person's names, so "Malcolm Glazer" counts
//! for "Glazer")? Fewer than one in [`TAGGED_ONE_IN`], out of at least [`MIN_PASSAGES`], and
//! the name is left out of the person facets.
//!
//! The body's terms are in lower case, so the question is not asked of a word that news text
//! writes in lower case at least sometimes ([`capitalisation`] below "mostly"; for a plural,
//! nor of its singular, whose passages are the ones counted): the passages that write "may",
//! "green" or "gate" say nothing of Mrs May, Mr Green or Mr Gates. A word the clusters do not
//! hold is asked about. Organizations and places are left alone:
//! their keys are whole names, so the passages that write "Manchester" in "Manchester
//! United" would count against the city. Names of more words are left alone too: their
//! words together are rarely anything but the name. Only the facets ask: the stored
//! annotations, `--person` filters, completion and an entity's companions are as the
//! recognizer tagged them.

use std::collections::HashMap;

use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocSet, Searcher, Term};

use crate::annotate::clusters::capitalisation;
use crate::annotate::corpus_names::TAGGED_ONE_IN;
use crate::annotate::keys::key;
use crate::index::schema::{text_analyzer, Fields};

/// The fewest passages that must write a word before the corpus speaks for it.
pub const MIN_PASSAGES: u64 = 5;

/// Asks the corpus of one searcher.
pub struct CorpusTypes<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    analyzer: TextAnalyzer,
    /// The answers given so far, by person name (facets ask again as they name more).
    answers: HashMap<String, bool>,
}

impl<'a> CorpusTypes<'a> {
    pub fn new(searcher: &'a Searcher, fields: &'a Fields) -> CorpusTypes<'a> {
        CorpusTypes {
            searcher,
            fields,
            analyzer: text_analyzer(),
            answers: HashMap::new(),
        }
    }

    /// Whether `name`, a facet value of type `kind`, is a one-word person that the corpus
    /// tags as a person in too few of the passages that write it.
    pub fn disowns(&mut self, kind: &str, name: &str) -> bool {
        if kind != "person" {
            return false;
        }
        if let Some(&answer) = self.answers.get(name) {
            return answer;
        }
        let answer = self.ask(name);
        self.answers.insert(name.to_string(), answer);
        answer
    }

    /// [`CorpusTypes::disowns`] for a person's name, read from the index.
    fn ask(&mut self, name: &str) -> bool {
        let Some((word, keys)) = forms(&mut self.analyzer, name) else {
            return false;
        };
        let written_in_lower_case = |w: &str| capitalisation(w).is_some_and(|c| c < 3);
        if written_in_lower_case(name) || written_in_lower_case(&word) {
            return false;
        }
        let passages = |term: Term| live_passages(self.searcher, &term);
        let written = passages(Term::from_field_text(self.fields.body, &word));
        // A passage that holds both keys ("oscar", "oscars") counts twice: leniently.
        let tagged: u64 = keys
            .iter()
            .map(|k| passages(Term::from_field_text(self.fields.person_here, k)))
            .sum();
        written >= MIN_PASSAGES && tagged * u64::from(TAGGED_ONE_IN) < written
    }
}

/// The passages that hold `term` and are not deleted (a file indexed again leaves its old
/// passages deleted until segments merge); 0 when the index cannot be read.
fn live_passages(searcher: &Searcher, term: &Term) -> u64 {
    let mut n = 0;
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(term.field()) else {
            continue;
        };
        let Some(alive) = segment.alive_bitset() else {
            n += u64::from(inverted.doc_freq(term).unwrap_or(0));
            continue;
        };
        if let Ok(Some(mut postings)) = inverted.read_postings(term, IndexRecordOption::Basic) {
            n += u64::from(postings.count(alive));
        }
    }
    n
}

/// The indexed form of a name that is one word, and the person keys that count as it:
/// the word itself, and its singular when the index's stemmer cuts only a plural's `s`
/// ("Oscars" → "oscar": the passages that write "Oscar" are counted, so the person keys
/// "oscars" and "oscar" both are). `None` for more words, or for a word the stemmer cuts
/// otherwise: the passages that write "federation" would count against "Federer" (both
/// "feder").
fn forms(analyzer: &mut TextAnalyzer, name: &str) -> Option<(String, Vec<String>)> {
    if name.contains(char::is_whitespace) {
        return None;
    }
    let mut stream = analyzer.token_stream(name);
    let mut words = Vec::new();
    stream.process(&mut |t| words.push(t.text.clone()));
    let [word] = words.as_slice() else {
        return None;
    };
    let k = key(name);
    if *word == k {
        Some((k.clone(), vec![k]))
    } else if k.strip_suffix('s') == Some(word.as_str()) {
        Some((word.clone(), vec![word.clone(), k]))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{forms, CorpusTypes};
    use crate::index::schema::{build, register_tokenizers, text_analyzer, Fields};
    use tantivy::{doc, Index};

    /// An index of passages, each its text and the person keys tagged in it.
    fn index_of(passages: &[(&str, &[&str])]) -> (Index, Fields) {
        let index = Index::create_in_ram(build());
        register_tokenizers(&index);
        let fields = Fields::from_schema(&index.schema()).unwrap();
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (text, people) in passages {
            let mut d = doc!(fields.body => *text);
            for p in *people {
                d.add_text(fields.person_here, p);
            }
            writer.add_document(d).unwrap();
        }
        writer.commit().unwrap();
        (index, fields)
    }

    #[test]
    fn a_word_the_corpus_seldom_tags_as_a_person_is_not_one() {
        let mut passages: Vec<(&str, &[&str])> = vec![
            ("The multiple Oscar nominee Million Dollar Baby", &["oscar"]),
            ("Mr Glazer's bid", &["glazer"]),
            (
                "Malcolm Glazer bought the club",
                &["malcolm glazer", "malcolm", "glazer"],
            ),
            ("Fans protest against Glazer", &[]),
            ("a Glazer bid", &[]),
            ("the Glazer family", &[]),
        ];
        for _ in 0..5 {
            passages.push(("She won an Oscar for the role", &[]));
            passages.push(("green fields and green policies", &[]));
        }
        passages.push(("Mr Green said", &["green"]));
        for _ in 0..5 {
            passages.push(("the gate was shut", &[]));
        }
        passages.push(("Mr Gates said", &["gates"]));
        passages.push(("The Oscars are on Sunday", &[]));
        let (index, fields) = index_of(&passages);
        let searcher = index.reader().unwrap().searcher();
        let mut corpus = CorpusTypes::new(&searcher, &fields);
        assert!(corpus.disowns("person", "Oscar"), "tagged in 1 of 7");
        assert!(corpus.disowns("person", "Oscars"));
        assert!(!corpus.disowns("person", "Glazer"), "tagged in 2 of 5");
        assert!(!corpus.disowns("organization", "Oscar"), "persons only");
        assert!(
            !corpus.disowns("person", "Sunday"),
            "written in one passage"
        );
        assert!(
            !corpus.disowns("person", "Green"),
            "news writes the word in lower case: its passages say nothing of Mr Green"
        );
        assert!(
            !corpus.disowns("person", "Gates"),
            "the passages counted are those of \"gate\", a word news writes in lower case"
        );
    }

    #[test]
    fn only_one_word_names_are_asked_about() {
        let a = &mut text_analyzer();
        let mut form = |name: &str| forms(&mut *a, name);
        let of = |w: &str, keys: &[&str]| {
            Some((w.to_string(), keys.iter().map(|k| k.to_string()).collect()))
        };
        assert_eq!(form("Oscar"), of("oscar", &["oscar"]));
        assert_eq!(form("Daesh"), of("daesh", &["daesh"]));
        assert_eq!(form("Oscars"), of("oscar", &["oscar", "oscars"]));
        assert_eq!(form("Roberts"), of("robert", &["robert", "roberts"]));
        assert_eq!(form("Federer"), None, "stemmed as federation is");
        assert_eq!(form("Martin Scorsese"), None);
        assert_eq!(form("al-Qaeda"), None);
    }
}
