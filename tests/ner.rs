//! The recognizer: it learns, and the committed model holds its measured quality. These read
//! ../shared/data (conll2003, ner-extra) and skip, saying why, without it.

mod common;

use common::shared_data;
use newsdex::annotate::ner;
use newsdex::train::{conll, trainer};

#[test]
fn training_on_a_small_slice_learns() {
    let Some(data) = shared_data("training_on_a_small_slice_learns") else {
        return;
    };
    let train = conll::read(&data.join("conll2003/eng.train")).unwrap();
    let dev = conll::read(&data.join("conll2003/eng.testa")).unwrap();
    // Sentences of tweets beside the news, each a document, their mistakes weighing a third.
    let extra = conll::read_sentences(&data.join("ner-extra/btc/btc.train.conll")).unwrap();
    assert!(extra.iter().all(|d| d.len() == 1));
    let model = trainer::train(&train[..150], &extra[..300], 3.0, 4, &[7]);
    // Saved and loaded as the committed model is.
    let loaded = ner::Model::from_bytes(&model.to_bytes(3.0)).unwrap();
    let e = conll::evaluate(&loaded, &dev[..60]);
    assert!(
        e.micro_per_org_loc.f1() > 0.6,
        "F1 after a small training run: {:?}",
        e.micro_per_org_loc
    );
    // The same data, epochs and seed give the same model.
    let again = trainer::train(&train[..150], &extra[..300], 3.0, 4, &[7]);
    assert_eq!(model.to_bytes(3.0), again.to_bytes(3.0));
}

/// The committed model scores 0.8827 micro F1 over PER/ORG/LOC on eng.testb
/// (`newsdex-train eval ../shared/data/conll2003/eng.testb`); the floor is 0.88.
#[test]
fn committed_model_holds_its_testb_score() {
    let Some(data) = shared_data("committed_model_holds_its_testb_score") else {
        return;
    };
    let model = ner::Model::get().expect("a model is compiled in");
    let test = conll::read(&data.join("conll2003/eng.testb")).unwrap();
    let e = conll::evaluate(model, &test);
    assert!(
        e.micro_per_org_loc.f1() >= 0.88,
        "{:?}",
        e.micro_per_org_loc
    );
}
