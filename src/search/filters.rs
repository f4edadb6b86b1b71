//! The filters that narrow a search: dates, entities, agencies and figures. One definition,
//! read by clap for `search` and `entities` (its doc comments are their `--help`) and by
//! [`super::search`] to build the query; [`Filters::is_empty`] says whether any is set.

use crate::date::Date;

use super::figure;

/// The filters that narrow a search; every one set must match.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Filters {
    /// Only articles dated on or after this day (YYYY-MM-DD, or a year: from its first day). Undated articles are left out.
    #[arg(long, value_parser = crate::date::parse_cli_since)]
    pub since: Option<Date>,
    /// Only articles dated on or before this day (YYYY-MM-DD, or a year: to its last day). Undated articles are left out.
    #[arg(long, value_parser = crate::date::parse_cli_until)]
    pub until: Option<Date>,
    /// Only passages that mention this date: a year, month or day (2024, 2024-06, 2024-06-19) or a range (2024-06-01..2024-06-30).
    #[arg(long, value_name = "PERIOD", value_parser = crate::date::parse_period)]
    pub mentions_date: Option<crate::date::Period>,
    /// Only articles that name this person (full name or surname; repeatable, all must match).
    #[arg(long = "person", value_name = "NAME")]
    pub persons: Vec<String>,
    /// Only articles that name this organization (name or acronym; repeatable).
    #[arg(long = "org", value_name = "NAME")]
    pub orgs: Vec<String>,
    /// Only articles that name this place, or its people ("Russian" counts for Russia; repeatable).
    #[arg(long = "place", value_name = "NAME")]
    pub places: Vec<String>,
    /// Only articles crediting this agency: a news agency (Reuters, ap, Yonhap) or a body named as a source (nis); repeatable.
    #[arg(long = "agency", value_name = "NAME")]
    pub agencies: Vec<String>,
    /// Count only news and wire agencies as agencies (with no --agency: articles crediting any).
    #[arg(long)]
    pub wire_only: bool,
    /// Only passages holding such a figure: soldier>=10000, usd>1e9, "percent 70..80", 12000 (repeatable).
    #[arg(long = "figure", value_name = "EXPR", value_parser = figure::parse)]
    pub figures: Vec<figure::FigureFilter>,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.mentions_date.is_none()
            && self.persons.is_empty()
            && self.orgs.is_empty()
            && self.places.is_empty()
            && self.agencies.is_empty()
            && !self.wire_only
            && self.figures.is_empty()
    }
}
