//! Annotation: text → spans. Tokens and sentences ([`tokenize`]), gazetteers
//! ([`gazetteer`]), the statistical entity recognizer ([`ner`]), and the entities of an
//! article with their aliases ([`entities`]).

pub mod clusters;
pub mod entities;
pub mod figures;
pub mod gazetteer;
pub mod keys;
pub mod ner;
pub mod re3d;
pub mod tokenize;

use serde::{Deserialize, Serialize};

use crate::article::Passage;
use entities::{ArticleEntities, Kind};

/// An entity mention as stored with a passage and shown with a hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    #[serde(rename = "type")]
    pub kind: Kind,
    /// The entity's canonical name.
    pub name: String,
    /// The words in the passage, at byte offsets `start..end`.
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demonym: bool,
}

/// Everything found in one passage, as stored in the index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PassageAnnotations {
    pub entities: Vec<EntityMention>,
    #[serde(default)]
    pub figures: Vec<figures::Figure>,
}

/// An article's annotations: per passage, and the article's entities.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub passages: Vec<PassageAnnotations>,
    pub entities: ArticleEntities,
}

/// Runs every annotator over an article's passages.
pub fn annotate(passages: &[Passage]) -> Annotations {
    let mut out = Annotations {
        passages: passages
            .iter()
            .map(|p| PassageAnnotations {
                entities: Vec::new(),
                figures: figures::find(&p.text),
            })
            .collect(),
        ..Default::default()
    };
    if let Some(model) = ner::Model::get() {
        out.entities = entities::extract(passages, model);
        for m in &out.entities.mentions {
            let e = &out.entities.entities[m.entity];
            if let Some(i) = passages.iter().position(|p| p.ordinal == m.passage) {
                out.passages[i].entities.push(EntityMention {
                    kind: e.kind,
                    name: e.name.clone(),
                    text: m.text.clone(),
                    start: m.start,
                    end: m.end,
                    demonym: m.demonym,
                });
            }
        }
    }
    out
}
