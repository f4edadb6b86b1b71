//! The pages, as maud templates: every text from the corpus goes through maud, which escapes
//! it, so a title such as `<script>` shows as text. No JavaScript: links and one form.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::marks::{marked, Span};
use super::state::{Param, State};
use super::timeline;
use crate::annotate::entities::Kind;
use crate::search::facets::EntityCount;
use crate::search::profile::Profile;
use crate::search::Hit;

const STYLE: &str = include_str!("style.css");

/// The query syntax, in the line under the search box.
const SYNTAX: &str = "words, \"a phrase\", AND / OR / NOT, -word, title:word; \
    click a name, a figure or a date on the right to narrow the hits";

fn layout(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " \u{2014} newsdex" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header { a.brand href="/" { "newsdex" } }
                (body)
            }
        }
    }
}

/// One facet: its heading, the filter a click on a value adds, and the values with counts.
pub type FacetList = (&'static str, Param, Vec<EntityCount>);

/// What a search page shows besides its state.
pub struct Found<'a> {
    /// The page's hits, grouped by article in rank order.
    pub hits: &'a [Hit],
    /// Whether there are more hits after this page.
    pub more: bool,
    /// Facets over the whole result set, one list per type.
    pub facets: &'a [FacetList],
    /// Notes on names the index does not know.
    pub notes: &'a [String],
}

/// The search page: the box, the chips, the hits and the facets.
pub fn search(state: &State, found: &Found, error: Option<&str>) -> Markup {
    let title = if state.q.is_empty() {
        "Search"
    } else {
        state.q.as_str()
    };
    layout(
        title,
        html! {
            (search_form(state))
            @if let Some(e) = error { p.error { (e) } }
            @for n in found.notes { p.note { (n) } }
            (chips(state))
            main.results {
                section.hits { @if error.is_none() { (hits(state, found)) } }
                aside.facets { (facets(state, found.facets)) }
            }
        },
    )
}

fn search_form(state: &State) -> Markup {
    html! {
        form.search method="get" action="/" {
            input type="search" name="q" value=(state.q) placeholder="Search the news" autofocus;
            @for (p, v) in &state.filters { input type="hidden" name=(p.name()) value=(v); }
            @if state.by_date { input type="hidden" name="sort" value="date"; }
            button type="submit" { "Search" }
            p.syntax { (SYNTAX) }
        }
    }
}

fn chips(state: &State) -> Markup {
    html! {
        @if !state.filters.is_empty() {
            nav.chips {
                @for (i, (p, v)) in state.filters.iter().enumerate() {
                    a.chip href=(state.without(i).url()) title="remove this filter" {
                        span.label { (p.label()) } " " (v) " \u{d7}"
                    }
                }
            }
        }
    }
}

fn hits(state: &State, found: &Found) -> Markup {
    html! {
        @if found.hits.is_empty() && !state.is_empty() { p.none { "No passages match." } }
        @for (i, hit) in found.hits.iter().enumerate() {
            @if i == 0 || found.hits[i - 1].article_id != hit.article_id {
                (article_head(hit))
            }
            (passage(hit))
        }
        nav.pages {
            @if state.page > 1 { a href=(state.at_page(state.page - 1).url()) { "\u{2190} previous" } }
            @if found.more { a href=(state.at_page(state.page + 1).url()) { "next \u{2192}" } }
        }
    }
}

/// An article's heading: title (to the article view), date, agencies, file and line.
fn article_head(hit: &Hit) -> Markup {
    let url = format!("/article?{}", query(&[("id", &hit.article_id)]));
    html! {
        h2.article {
            a href=(url) { (marked(&hit.title, &marks(&hit.title_highlights))) }
        }
        p.meta {
            @if let Some(d) = &hit.date { span.date { (d) } }
            @for a in &hit.agencies { span.agency { (a.name) } }
            span.where { (hit.path) ":" (hit.line) }
            @if !hit.also_in.is_empty() { span.copies { "also in " (hit.also_in.join(", ")) } }
        }
    }
}

fn marks(ranges: &[[usize; 2]]) -> Vec<Span> {
    ranges.iter().map(|r| Span::mark(r[0], r[1])).collect()
}

/// A passage with its matched words marked, then its entities and figures as links.
fn passage(hit: &Hit) -> Markup {
    let mut spans = marks(&hit.highlights);
    spans.extend(
        hit.expanded_highlights
            .iter()
            .map(|r| Span::expanded(r[0], r[1])),
    );
    html! {
        div.passage {
            p.text {
                span.line { (hit.line) } " " (marked(&hit.text, &spans))
                @if let Some(m) = hit.matched_by { " " span.matched title="how the entity filter matched" { (m) } }
            }
            (entity_links(hit))
        }
    }
}

fn entity_links(hit: &Hit) -> Markup {
    let mut seen: Vec<(Kind, &str)> = Vec::new();
    for e in hit.entities.iter().filter(|e| !e.demonym) {
        if !seen.contains(&(e.kind, e.name.as_str())) {
            seen.push((e.kind, e.name.as_str()));
        }
    }
    html! {
        p.entities {
            @for (kind, name) in &seen {
                a class=(kind.as_str()) href=(entity_url(*kind, name)) { (name) }
            }
            @for f in &hit.figures {
                a.figure href=(State::default().with(Param::Figure, &f.unit).url()) { (f.display()) }
            }
        }
    }
}

/// The entity page's URL.
pub fn entity_url(kind: Kind, name: &str) -> String {
    format!(
        "/entity?{}",
        query(&[("type", kind.as_str()), ("name", name)])
    )
}

fn query(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

fn facets(state: &State, facets: &[FacetList]) -> Markup {
    html! {
        @for (heading, param, counts) in facets {
            @if !counts.is_empty() {
                section.facet {
                    h3 { (heading) }
                    ul {
                        @for c in counts {
                            li {
                                a href=(state.with(*param, &c.name).url()) { (c.name) }
                                " "
                                @if c.estimated {
                                    span.count title="estimated from a sample of the articles" { "~" (c.articles) }
                                } @else {
                                    span.count { (c.articles) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The entity page: names, counts, dates, agencies, a timeline, companions and passages.
pub fn entity(p: &Profile, months: &[(String, usize)], hits: &[Hit]) -> Markup {
    let r = &p.resolved;
    let name = r
        .entities
        .first()
        .cloned()
        .unwrap_or_else(|| r.typed.clone());
    let filter = match r.kind {
        Kind::Person => Param::Person,
        Kind::Organization => Param::Org,
        Kind::Place => Param::Place,
    };
    let search = State::default().with(filter, &name).url();
    layout(
        &name,
        html! {
            main.entity {
                h1 { (name) " " span.kind { (r.kind.as_str()) } }
                @if r.entities.len() > 1 { p.note { "The name stands for " (r.entities.join(", ")) "." } }
                @if !p.aliases.is_empty() { p { "Also: " (p.aliases.join(", ")) } }
                p { (p.articles) " articles, " (p.passages) " passages, " (p.mentions) " tagged mentions"
                    @if let (Some(f), Some(l)) = (&p.first_date, &p.last_date) { "; dated " (f) " to " (l) } }
                @if !p.agencies.is_empty() {
                    p { "Credited by: " @for (a, n) in &p.agencies { span.agency { (a) " (" (n) ")" } } }
                }
                h2 { "Articles by month" }
                (timeline::svg(months))
                h2 { "Appears with" }
                p.entities { @for n in &p.appears_with { a class=(n.kind.as_str()) href=(entity_url(n.kind, &n.name)) { (n.name) } " " } }
                h2 { "Passages " a href=(search) { "(search them)" } }
                @for h in hits { (article_head(h)) (passage(h)) }
            }
        },
    )
}

/// The article view: every passage from the index, its entities, figures and credits marked.
pub fn article(hits: &[Hit]) -> Markup {
    let Some(first) = hits.first() else {
        return not_found("No such article in this index.");
    };
    layout(
        &first.title,
        html! {
            main.article {
                h1 { (first.title) }
                p.meta {
                    @if let Some(d) = &first.date { span.date { (d) } }
                    @for a in &first.agencies { span.agency title=(a.kind.label()) { (a.name) } }
                    span.where { (first.path) }
                    @if let Some(u) = &first.url { span.url { (u) } }
                }
                @for h in hits {
                    p.text { span.line { (h.line) } " " (marked(&h.text, &annotation_spans(h))) }
                }
            }
        },
    )
}

/// A passage's entities (as links) and figures, as spans.
fn annotation_spans(h: &Hit) -> Vec<Span> {
    let entities = h
        .entities
        .iter()
        .map(|e| Span::link(e.start, e.end, e.kind.as_str(), entity_url(e.kind, &e.name)));
    let figures = h
        .figures
        .iter()
        .map(|f| Span::class(f.start, f.end, "figure", f.display()));
    entities.chain(figures).collect()
}

/// A page for what is not there.
pub fn not_found(what: &str) -> Markup {
    layout(
        "Not found",
        html! { main { p.error { (what) } p { a href="/" { "Search" } } } },
    )
}

/// A page for a request newsdex cannot answer: the one-line reason.
pub fn bad_request(why: &str) -> Markup {
    layout(
        "Bad request",
        html! { main { p.error { (why) } p { a href="/" { "Search" } } } },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_text_is_escaped() {
        let page = not_found("<script>alert(1)</script>").into_string();
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("<script>"));
    }
}
