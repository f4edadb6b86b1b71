//! The server: listens on a local address (axum on tokio), answers GET requests on a few
//! blocking threads, and turns each into a search, a facet count, a profile or an article
//! read from the index.
//! Read-only: nothing but the index is read, and nothing is written. The index is opened
//! again when `newsdex index` has committed to it since (its files' times say so), so a
//! running server shows a rebuilt index without a restart.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use anyhow::{anyhow, Context, Result};
use axum::body::Body;
use axum::http::{header, Method, Response, StatusCode, Uri};
use maud::Markup;
use serde_json::json;

use super::pages::{self, FacetList, Found};
use super::state::{Param, State, PAGE_SIZE};
use super::timeline;
use super::timing::{self, timed};
use crate::annotate::entities::Kind;
use crate::index::Store;
use crate::search::facets::{self, EntityCount, FacetType};
use crate::search::{self, Hit, Request, Sort};

/// Facets beside the hits: heading, the filter a click adds, and what is counted.
const FACETS: [(&str, Param, FacetType); 6] = [
    ("People", Param::Person, FacetType::Person),
    ("Organizations", Param::Org, FacetType::Organization),
    ("Places", Param::Place, FacetType::Place),
    ("Agencies", Param::Agency, FacetType::Agency),
    ("Figures", Param::Figure, FacetType::Figure),
    ("Dates mentioned", Param::MentionsDate, FacetType::Date),
];
/// Values shown per facet.
const FACET_VALUES: usize = 10;
/// Dated passages read for an entity's timeline.
const TIMELINE_PASSAGES: usize = 5_000;

/// Serves the index at `dir` on `bind` (`127.0.0.1:8080`) until the process is stopped.
/// Connections are taken by tokio; each request is answered on a blocking thread, at most
/// two per core at once (a search is work for a core, not a wait), the rest queued.
pub fn run(dir: &Path, bind: &str) -> Result<()> {
    let site = Arc::new(Site::open(dir)?);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(2)
        * 2;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(threads)
        .enable_io()
        .build()
        .context("starting the server's threads")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| anyhow!("cannot listen on {bind}: {e}"))?;
        crate::interrupt::exit_at_once();
        eprintln!(
            "newsdex: serving {} at http://{}/ (Ctrl-C to stop)",
            dir.display(),
            listener.local_addr()?
        );
        let app = axum::Router::new().fallback(move |method: Method, uri: Uri| {
            let site = Arc::clone(&site);
            async move {
                tokio::task::spawn_blocking(move || answer(&site, &method, &uri))
                    .await
                    .unwrap_or_else(|_| {
                        let reply = failed(Failure::Internal(anyhow!("a request panicked")), false);
                        response(reply, std::time::Instant::now())
                    })
            }
        });
        axum::serve(listener, app).await.context("serving")
    })
}

/// The index being served, opened again when it has changed.
struct Site {
    dir: PathBuf,
    open: Mutex<(Arc<Store>, Option<SystemTime>)>,
    /// The facets of the whole index (no query, no filter: the landing page), which only a
    /// new commit changes, by what was asked; kept for the index they were counted on.
    whole: Mutex<WholeIndexFacets>,
}

/// Facet counts of the whole of one opened index, by a key naming what was counted.
#[derive(Default)]
struct WholeIndexFacets {
    of: std::sync::Weak<Store>,
    counts: std::collections::HashMap<String, Arc<Vec<EntityCount>>>,
}

/// Distinct whole-index counts kept at most (the `limit` of `/api/entities` varies).
const WHOLE_INDEX_KEPT: usize = 32;

impl Site {
    fn open(dir: &Path) -> Result<Site> {
        let store = Store::open(dir)?;
        Ok(Site {
            dir: dir.to_path_buf(),
            open: Mutex::new((Arc::new(store), stamp(dir))),
            whole: Mutex::default(),
        })
    }

    /// The facets of the whole of `store` named `key`: counted by `count` the first time,
    /// then kept until the index changes. Counting holds the lock, so that visitors arriving
    /// together wait for one count rather than each making their own.
    fn whole_index(
        &self,
        store: &Arc<Store>,
        key: String,
        count: impl FnOnce() -> Result<Vec<EntityCount>>,
    ) -> Result<Arc<Vec<EntityCount>>> {
        let mut whole = self
            .whole
            .lock()
            .map_err(|_| anyhow!("a request failed while counting the whole index"))?;
        if !std::ptr::eq(whole.of.as_ptr(), Arc::as_ptr(store))
            || whole.counts.len() >= WHOLE_INDEX_KEPT
        {
            *whole = WholeIndexFacets {
                of: Arc::downgrade(store),
                counts: Default::default(),
            };
        }
        if let Some(counts) = whole.counts.get(&key) {
            return Ok(Arc::clone(counts));
        }
        let counts = Arc::new(count()?);
        whole.counts.insert(key, Arc::clone(&counts));
        Ok(counts)
    }

    /// The index as last committed.
    fn store(&self) -> Result<Arc<Store>> {
        let mut open = self
            .open
            .lock()
            .map_err(|_| anyhow!("a request failed while reopening the index"))?;
        let now = stamp(&self.dir);
        if now != open.1 {
            *open = (Arc::new(Store::open(&self.dir)?), now);
        }
        Ok(Arc::clone(&open.0))
    }
}

/// When the index last changed: the latest time of its metadata files.
fn stamp(dir: &Path) -> Option<SystemTime> {
    ["meta.json", crate::index::META_FILE]
        .iter()
        .filter_map(|f| {
            std::fs::metadata(dir.join(f))
                .and_then(|m| m.modified())
                .ok()
        })
        .max()
}

/// What a request is answered with.
enum Reply {
    Page(u16, Markup),
    Json(u16, serde_json::Value),
}

/// Why a request is not answered as asked.
enum Failure {
    /// The user's mistake (a malformed parameter or query): 400, in one line.
    Bad(String),
    NotFound(String),
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    /// Errors of the query and filters a user typed are theirs; the rest are the server's.
    fn from(e: anyhow::Error) -> Failure {
        let theirs = e.downcast_ref::<search::QueryError>().is_some()
            || e.downcast_ref::<search::figure::FigureExprError>()
                .is_some()
            || e.downcast_ref::<crate::date::DateError>().is_some()
            || e.downcast_ref::<crate::date::PeriodError>().is_some();
        if theirs {
            Failure::Bad(e.to_string())
        } else {
            Failure::Internal(e)
        }
    }
}

fn answer(site: &Site, method: &Method, uri: &Uri) -> Response<Body> {
    let started = std::time::Instant::now();
    let (path, query) = (uri.path(), uri.query().unwrap_or(""));
    let api = path.starts_with("/api/");
    let reply = match *method {
        Method::GET | Method::HEAD => route(site, path, query),
        _ => Err(Failure::Bad("only GET requests are answered".into())),
    };
    let reply = reply.unwrap_or_else(|failure| failed(failure, api));
    response(reply, started)
}

fn route(site: &Site, path: &str, query: &str) -> Result<Reply, Failure> {
    match path {
        "/" => search_page(site, query),
        "/entity" => entity_page(site, query),
        "/article" => article_page(site, query),
        "/api/search" => api_search(site, query),
        "/api/entities" => api_entities(site, query),
        _ => Err(Failure::NotFound(format!("no page at {path}"))),
    }
}

fn failed(failure: Failure, api: bool) -> Reply {
    let (status, why) = match failure {
        Failure::Bad(why) => (400, why),
        Failure::NotFound(why) => (404, why),
        Failure::Internal(e) => {
            eprintln!(
                "{}",
                crate::messages::internal_error(&format!("{e:#}"), " serving a page")
            );
            (500, "the server failed to answer; see its log".to_string())
        }
    };
    if api {
        return Reply::Json(status, json!({ "error": why }));
    }
    let page = if status == 404 {
        pages::not_found(&why)
    } else {
        pages::bad_request(&why)
    };
    Reply::Page(status, page)
}

/// The response, with the time the server took since `started` in `Server-Timing` (as
/// browsers show it), and its parts.
fn response(reply: Reply, started: std::time::Instant) -> Response<Body> {
    let (status, body, kind) = match reply {
        Reply::Page(status, page) => (status, page.into_string(), "text/html; charset=utf-8"),
        Reply::Json(status, value) => (status, value.to_string(), "application/json"),
    };
    Response::builder()
        .status(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header(header::CONTENT_TYPE, kind)
        .header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
        )
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header("Server-Timing", timing::header(started.elapsed()))
        .body(Body::from(body))
        .expect("a response of valid headers")
}

/// A parameter of a query string.
fn param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The page's hits (one more than a page, to tell whether another follows), the facets over
/// the whole result set, and notes on unknown names.
fn results(store: &Store, state: &State) -> Result<(Vec<Hit>, bool, Vec<String>), Failure> {
    if state.is_empty() {
        return Ok((Vec::new(), false, Vec::new()));
    }
    let request = state
        .request(state.page * PAGE_SIZE + 1)
        .map_err(Failure::Bad)?;
    let found = timed("search", || search::search(store, &request))?;
    let notes = found.resolved.iter().filter_map(|r| r.note()).collect();
    let skip = (state.page - 1) * PAGE_SIZE;
    let more = found.hits.len() > state.page * PAGE_SIZE;
    let hits = found.hits.into_iter().skip(skip).take(PAGE_SIZE).collect();
    Ok((hits, more, notes))
}

/// The facets beside the hits, each type's most mentioned values.
fn facet_lists(site: &Site, store: &Arc<Store>, state: &State) -> Result<Vec<FacetList>, Failure> {
    let request = state.request(1).map_err(Failure::Bad)?;
    let count = || facets::entities_by_type(store, &request, FACET_VALUES);
    let mut counts = timed("facets", || -> Result<Vec<EntityCount>> {
        if state.is_empty() {
            Ok(site.whole_index(store, "by type".into(), count)?.to_vec())
        } else {
            count()
        }
    })?;
    Ok(FACETS
        .iter()
        .map(|(heading, param, kind)| {
            let (these, rest) = counts.drain(..).partition(|c| c.kind == kind.as_str());
            counts = rest;
            (*heading, *param, these)
        })
        .collect())
}

fn search_page(site: &Site, query: &str) -> Result<Reply, Failure> {
    let state = State::parse(query).map_err(Failure::Bad)?;
    let store = site.store()?;
    let (hits, more, notes) = match results(&store, &state) {
        Ok(r) => r,
        Err(Failure::Bad(why)) => {
            let found = Found {
                hits: &[],
                more: false,
                facets: &[],
                notes: &[],
            };
            return Ok(Reply::Page(400, pages::search(&state, &found, Some(&why))));
        }
        Err(other) => return Err(other),
    };
    let facets = facet_lists(site, &store, &state)?;
    let found = Found {
        hits: &hits,
        more,
        facets: &facets,
        notes: &notes,
    };
    let page = timed("render", || pages::search(&state, &found, None));
    Ok(Reply::Page(200, page))
}

fn entity_page(site: &Site, query: &str) -> Result<Reply, Failure> {
    let kind = match param(query, "type").as_deref() {
        Some("person") => Kind::Person,
        Some("organization") => Kind::Organization,
        Some("place") => Kind::Place,
        other => {
            return Err(Failure::Bad(format!(
                "type must be person, organization or place, not {other:?}"
            )))
        }
    };
    let name = param(query, "name").ok_or_else(|| Failure::Bad("name is missing".into()))?;
    let store = site.store()?;
    let Some(profile) = search::profile::profile(&store, kind, &name)? else {
        return Err(Failure::NotFound(format!(
            "'{name}' is not a known {} in this index",
            kind.as_str()
        )));
    };
    let filter = match kind {
        Kind::Person => Param::Person,
        Kind::Organization => Param::Org,
        Kind::Place => Param::Place,
    };
    let state = State::default().with(filter, &name);
    let months = timeline::every_month(&months(&store, &state)?);
    let hits = search::search(&store, &state.request(PAGE_SIZE).map_err(Failure::Bad)?)?.hits;
    Ok(Reply::Page(200, pages::entity(&profile, &months, &hits)))
}

/// The articles of a search counted by the month of their date, months in order.
fn months(store: &Store, state: &State) -> Result<Vec<(String, usize)>, Failure> {
    let request = Request {
        sort: Sort::Date,
        per_article: 1,
        collapse: false,
        ..state.request(TIMELINE_PASSAGES).map_err(Failure::Bad)?
    };
    let mut counts = std::collections::BTreeMap::new();
    for hit in search::search(store, &request)?.hits {
        if let Some(d) = hit.date {
            *counts.entry(d[..7].to_string()).or_insert(0) += 1;
        }
    }
    Ok(counts.into_iter().collect())
}

fn article_page(site: &Site, query: &str) -> Result<Reply, Failure> {
    let id = param(query, "id").ok_or_else(|| Failure::Bad("id is missing".into()))?;
    let store = site.store()?;
    let hits = search::article::passages(&store, &id)?;
    if hits.is_empty() {
        return Err(Failure::NotFound(format!("no article {id} in this index")));
    }
    Ok(Reply::Page(200, pages::article(&hits)))
}

/// `/api/search`: the hits as `search --json` gives them, the facets, and how the names of
/// the entity filters were resolved.
fn api_search(site: &Site, query: &str) -> Result<Reply, Failure> {
    let state = State::parse(query).map_err(Failure::Bad)?;
    if state.is_empty() {
        return Err(Failure::Bad(
            "nothing to search for: give q, or a filter such as person".into(),
        ));
    }
    let store = site.store()?;
    let request = state
        .request(state.page * PAGE_SIZE)
        .map_err(Failure::Bad)?;
    let found = search::search(&store, &request)?;
    let hits: Vec<&Hit> = found
        .hits
        .iter()
        .skip((state.page - 1) * PAGE_SIZE)
        .collect();
    let facets: Vec<EntityCount> = facet_lists(site, &store, &state)?
        .into_iter()
        .flat_map(|f| f.2)
        .collect();
    Ok(Reply::Json(
        200,
        json!({ "hits": hits, "facets": facets, "resolved": found.resolved }),
    ))
}

/// `/api/entities`: what `entities --json` gives, as an array; `type` and `limit` as there.
fn api_entities(site: &Site, query: &str) -> Result<Reply, Failure> {
    let state = State::parse(query).map_err(Failure::Bad)?;
    let kind = match param(query, "type") {
        None => None,
        Some(t) => Some(
            <FacetType as clap::ValueEnum>::from_str(&t, true).map_err(|_| {
                Failure::Bad(format!(
                    "type must be person, organization, place, figure, agency or date, not '{t}'"
                ))
            })?,
        ),
    };
    let limit = match param(query, "limit") {
        None => 20,
        Some(l) => l
            .parse()
            .ok()
            .filter(|l| (1..=1000).contains(l))
            .ok_or_else(|| {
                Failure::Bad(format!("limit must be a number from 1 to 1000, not '{l}'"))
            })?,
    };
    let store = site.store()?;
    let request = state.request(1).map_err(Failure::Bad)?;
    let count = || facets::entities(&store, &request, kind, limit);
    let counts = if state.is_empty() {
        let key = format!("{kind:?} {limit}");
        site.whole_index(&store, key, count)?.to_vec()
    } else {
        count().context("counting entities")?
    };
    Ok(Reply::Json(200, json!(counts)))
}
