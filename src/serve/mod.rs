//! `newsdex serve`: a local web page over an index. The search page takes the CLI's query
//! syntax and shows hits grouped by article with their matched words marked, facets beside
//! them that narrow the search when clicked (filters shown as removable chips; the URL holds
//! the whole state), entity pages with a timeline, the article view, and a JSON API
//! (`/api/search`, `/api/entities`) answering as `--json` does.

mod marks;
mod pages;
mod server;
mod state;
mod timeline;
mod timing;

pub use server::run;
pub use state::{Param, State};
