//! Facet values: what `newsdex entities` counts, kept in a fast field of every passage.
//!
//! Each passage document carries in the fast field `facet` one value per thing it mentions:
//! one per literal entity mention (`person␟John Kerry`, demonyms left out), one per figure
//! with a unit (`figure␟USD`), one per agency its article credits (`agency␟Reuters`), and
//! one per year and month of each date it mentions (`date␟2024`, `date␟2024-06`).
//! Counting facets then reads tantivy's columnar ordinals of the matching passages, never
//! their stored JSON (see [`crate::search::facets`]).

use crate::annotate::entities::Kind;
use crate::annotate::PassageAnnotations;

/// What `entities` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FacetType {
    Person,
    Organization,
    Place,
    /// The units of figures (soldier, USD, percent...).
    Figure,
    /// Credited agencies, counted by articles.
    Agency,
    /// The years and months the passages mention.
    Date,
}

/// Separates a facet value's type from its name.
const SEP: char = '\u{1f}';

impl FacetType {
    /// Every type, in the order above.
    pub const ALL: [FacetType; 6] = [
        FacetType::Person,
        FacetType::Organization,
        FacetType::Place,
        FacetType::Figure,
        FacetType::Agency,
        FacetType::Date,
    ];

    /// The type's name, as printed and as stored before the separator.
    pub fn as_str(self) -> &'static str {
        match self {
            FacetType::Person => "person",
            FacetType::Organization => "organization",
            FacetType::Place => "place",
            FacetType::Figure => "figure",
            FacetType::Agency => "agency",
            FacetType::Date => "date",
        }
    }

    /// The type of a name given by [`FacetType::as_str`].
    pub fn named(s: &str) -> Option<FacetType> {
        FacetType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The facet type of an entity kind.
    pub fn of(kind: Kind) -> FacetType {
        match kind {
            Kind::Person => FacetType::Person,
            Kind::Organization => FacetType::Organization,
            Kind::Place => FacetType::Place,
        }
    }
}

/// One stored facet value.
fn value(kind: FacetType, name: &str) -> String {
    format!("{}{SEP}{name}", kind.as_str())
}

/// What every stored value of a type starts with: the values of a type are one run of the
/// sorted dictionary.
pub fn prefix(kind: FacetType) -> String {
    value(kind, "")
}

/// The facet values of a passage, one per mention (a name mentioned twice is there twice).
pub fn values(pa: &PassageAnnotations) -> Vec<String> {
    let entities = pa
        .entities
        .iter()
        .filter(|m| !m.demonym)
        .map(|m| value(FacetType::of(m.kind), &m.name));
    let figures = pa
        .figures
        .iter()
        .filter(|f| !f.unit.is_empty())
        .map(|f| value(FacetType::Figure, &f.unit));
    let agencies = pa
        .article_agencies
        .iter()
        .map(|a| value(FacetType::Agency, &a.name));
    // A mentioned day counts for its year and its month.
    let dates = pa
        .dates
        .iter()
        .flat_map(|d| d.periods().into_iter().take(2))
        .map(|p| value(FacetType::Date, &p));
    entities
        .chain(figures)
        .chain(agencies)
        .chain(dates)
        .collect()
}

/// The type and name of a stored facet value (`None` for a value of no known type).
pub fn parse(stored: &str) -> Option<(FacetType, &str)> {
    let (kind, name) = stored.split_once(SEP)?;
    Some((FacetType::named(kind)?, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back() {
        let v = value(FacetType::Organization, "Amnesty International");
        assert_eq!(
            parse(&v),
            Some((FacetType::Organization, "Amnesty International"))
        );
        assert_eq!(parse("nonsense"), None);
    }
}
