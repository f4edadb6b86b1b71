//! Annotation: text → spans. Tokens and sentences ([`tokenize`]), gazetteers
//! ([`gazetteer`]), the statistical entity recognizer ([`ner`]), and the entities of an
//! article with their aliases ([`entities`]).

pub mod clusters;
pub mod entities;
pub mod gazetteer;
pub mod ner;
pub mod tokenize;
