//! What annotation finds, as stored with each passage and article: entity mentions,
//! figures, dates and credited agencies.

use serde::{Deserialize, Serialize};

use super::entities::{ArticleEntities, Kind};
use super::{agencies, dates, figures};

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
    /// The dates the passage mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<dates::DateMention>,
    /// Credits of agencies in this passage's words.
    #[serde(default)]
    pub agencies: Vec<AgencyCredit>,
    /// Every agency the whole article credits (the same for each of its passages).
    #[serde(default)]
    pub article_agencies: Vec<CreditedAgency>,
}

/// An agency credited in a passage's words, at byte offsets `start..end`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyCredit {
    pub name: String,
    pub kind: agencies::AgencyKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// An agency an article credits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreditedAgency {
    pub name: String,
    pub kind: agencies::AgencyKind,
}

/// An article's annotations: per passage, and the article's entities and agencies.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub passages: Vec<PassageAnnotations>,
    pub entities: ArticleEntities,
    pub agencies: agencies::ArticleAgencies,
}
