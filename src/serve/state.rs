//! What a search page shows, as its URL holds it: the query, the filters in the order they
//! were added (each as typed, so that its chip can show it and take it away), the sort and
//! the page. A search can be bookmarked and shared, and the back button works, because the
//! URL is the whole state.

use crate::search::{figure, Filters, Request, Sort};

/// Passages on one page of hits.
pub const PAGE_SIZE: usize = 10;
/// The last page that can be asked for.
pub const MAX_PAGE: usize = 100;

/// A filter's URL parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    Person,
    Org,
    Place,
    Agency,
    Figure,
    MentionsDate,
    Since,
    Until,
}

impl Param {
    pub const ALL: [Param; 8] = [
        Param::Person,
        Param::Org,
        Param::Place,
        Param::Agency,
        Param::Figure,
        Param::MentionsDate,
        Param::Since,
        Param::Until,
    ];

    /// The parameter's name in URLs (the CLI's flag without its dashes).
    pub fn name(self) -> &'static str {
        match self {
            Param::Person => "person",
            Param::Org => "org",
            Param::Place => "place",
            Param::Agency => "agency",
            Param::Figure => "figure",
            Param::MentionsDate => "mentions_date",
            Param::Since => "since",
            Param::Until => "until",
        }
    }

    /// What a chip calls it.
    pub fn label(self) -> &'static str {
        match self {
            Param::MentionsDate => "mentions",
            other => other.name(),
        }
    }

    fn of(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Whether it can be given once only (the others add up: all must match).
    fn single(self) -> bool {
        matches!(self, Param::MentionsDate | Param::Since | Param::Until)
    }
}

/// A search page's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub q: String,
    pub filters: Vec<(Param, String)>,
    pub by_date: bool,
    /// From 1.
    pub page: usize,
}

impl State {
    /// Reads a URL's query string. Unknown parameters are left alone; a bad page or sort is
    /// an error (its message is one line).
    pub fn parse(query: &str) -> Result<State, String> {
        let mut state = State {
            page: 1,
            ..State::default()
        };
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            let v = v.trim().to_string();
            match k.as_ref() {
                "q" => state.q = v,
                "sort" => {
                    state.by_date = match v.as_str() {
                        "date" => true,
                        "relevance" | "" => false,
                        other => {
                            return Err(format!(
                                "sort must be 'relevance' or 'date', not '{other}'"
                            ))
                        }
                    }
                }
                "page" => {
                    state.page = v
                        .parse()
                        .ok()
                        .filter(|p| (1..=MAX_PAGE).contains(p))
                        .ok_or_else(|| {
                            format!("page must be a number from 1 to {MAX_PAGE}, not '{v}'")
                        })?
                }
                name => {
                    if let Some(p) = Param::of(name).filter(|_| !v.is_empty()) {
                        state = state.with(p, &v);
                    }
                }
            }
        }
        Ok(state)
    }

    /// Whether the state asks for anything.
    pub fn is_empty(&self) -> bool {
        self.q.is_empty() && self.filters.is_empty()
    }

    /// The search the state describes, for `limit` passages; a filter that cannot be read
    /// (a bad date or figure expression) is an error, in one line.
    pub fn request(&self, limit: usize) -> Result<Request, String> {
        let mut f = Filters::default();
        for (p, v) in &self.filters {
            match p {
                Param::Person => f.persons.push(v.clone()),
                Param::Org => f.orgs.push(v.clone()),
                Param::Place => f.places.push(v.clone()),
                Param::Agency => f.agencies.push(v.clone()),
                Param::Figure => f.figures.push(figure::parse(v).map_err(|e| e.to_string())?),
                Param::MentionsDate => {
                    f.mentions_date = Some(crate::date::parse_period(v).map_err(|e| e.to_string())?)
                }
                Param::Since => {
                    f.since = Some(crate::date::parse_cli_since(v).map_err(|e| e.to_string())?)
                }
                Param::Until => {
                    f.until = Some(crate::date::parse_cli_until(v).map_err(|e| e.to_string())?)
                }
            }
        }
        Ok(Request {
            query: Some(self.q.clone()).filter(|q| !q.is_empty()),
            filters: f,
            limit,
            sort: if self.by_date {
                Sort::Date
            } else {
                Sort::Relevance
            },
            ..Request::default()
        })
    }

    /// The state with a filter added (or, for one given once only, replaced), on page 1.
    pub fn with(&self, p: Param, value: &str) -> State {
        let mut s = self.clone();
        if p.single() {
            s.filters.retain(|(q, _)| *q != p);
        }
        if !s.filters.iter().any(|(q, v)| *q == p && v == value) {
            s.filters.push((p, value.to_string()));
        }
        s.page = 1;
        s
    }

    /// The state without its `i`-th filter, on page 1.
    pub fn without(&self, i: usize) -> State {
        let mut s = self.clone();
        if i < s.filters.len() {
            s.filters.remove(i);
        }
        s.page = 1;
        s
    }

    /// The state on page `n`.
    pub fn at_page(&self, n: usize) -> State {
        State {
            page: n,
            ..self.clone()
        }
    }

    /// The state as a query string (no leading `?`).
    pub fn query_string(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        for (p, v) in &self.filters {
            out.append_pair(p.name(), v);
        }
        if self.by_date {
            out.append_pair("sort", "date");
        }
        if self.page > 1 {
            out.append_pair("page", &self.page.to_string());
        }
        out.finish()
    }

    /// The search page's URL for the state.
    pub fn url(&self) -> String {
        match self.query_string() {
            q if q.is_empty() => "/".to_string(),
            q => format!("/?{q}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_is_the_state() {
        let s =
            State::parse("q=north+korea&person=Zelenskyy&figure=soldier%3E%3D1000&page=2&utm=x")
                .unwrap();
        assert_eq!(s.q, "north korea");
        assert_eq!(
            s.filters,
            vec![
                (Param::Person, "Zelenskyy".into()),
                (Param::Figure, "soldier>=1000".into())
            ]
        );
        assert_eq!(s.page, 2);
        assert_eq!(State::parse(&s.query_string()).unwrap(), s);
        let narrowed = s.with(Param::Place, "Kursk");
        assert_eq!(narrowed.page, 1);
        assert_eq!(narrowed.without(0).filters.len(), 2);
        assert!(
            s.with(Param::Person, "Zelenskyy").filters.len() == 2,
            "no duplicate chips"
        );
        assert!(State::parse("page=0").is_err());
        assert!(State::parse("sort=best").is_err());
        assert!(State::parse("since=yesterday")
            .unwrap()
            .request(10)
            .is_err());
    }
}
