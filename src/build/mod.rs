//! Builders of committed data files that the runtime reads but never makes: development only
//! (`newsdex ner ...`), reading `../shared/data`.

pub mod synonyms;
