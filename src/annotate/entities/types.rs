//! The types of the entities module: an entity's kind, its mentions, the article's entities, and
//! the raw mentions the rules work on before they are tied together.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    PartialOrd,
    Ord,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
        }
    }

    /// The kind of a recognizer type (PER, ORG, LOC; MISC has none).
    pub fn from_type(t: usize) -> Option<Kind> {
        [Kind::Person, Kind::Organization, Kind::Place]
            .get(t)
            .copied()
    }

    /// The recognizer type of the kind.
    pub fn type_index(self) -> usize {
        self as usize
    }
}

/// One mention of an entity in a passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Ordinal of the passage.
    pub passage: u64,
    /// Byte offsets into the passage text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index of the entity in [`ArticleEntities::entities`].
    pub entity: usize,
    /// A demonym ("Russian") standing for its place, not a literal mention of it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demonym: bool,
}

/// An entity of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: Kind,
    /// The fullest form the article uses.
    pub name: String,
    /// Every other form the article uses for it (acronyms, surnames).
    pub aliases: Vec<String>,
    /// Literal mentions (demonyms not counted).
    pub mentions: usize,
}

/// What an article says of people, organizations and places.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleEntities {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

/// A raw mention before linking.
#[derive(Clone)]
pub(super) struct Raw {
    pub(super) passage: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) kind: Kind,
    pub(super) demonym: bool,
    /// An office named alone ([`roles`](crate::annotate::roles)): a person's mention by its office, not by a name.
    pub(super) office: bool,
    /// For an office named alone, the name of the person the article says holds it, whose
    /// mention it is.
    pub(super) holder: Option<String>,
}

impl Raw {
    /// A mention of passage `passage` (whose text is `text`) at bytes `start..end`.
    pub(super) fn new(
        passage: usize,
        text: &str,
        start: usize,
        end: usize,
        kind: Kind,
        demonym: bool,
    ) -> Raw {
        Raw {
            passage,
            start,
            end,
            text: text[start..end].to_string(),
            kind,
            demonym,
            office: false,
            holder: None,
        }
    }

    /// Whether the mention covers part of bytes `start..end` of passage `pi`.
    pub(super) fn overlaps(&self, pi: usize, start: usize, end: usize) -> bool {
        self.passage == pi && self.start < end && start < self.end
    }
}
