//! The command line: clap definitions only.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::render::ColorChoice;
use crate::search::{Filters, Sort};

/// The index directory used when none is given.
pub const DEFAULT_INDEX: &str = "index";
/// The corpus directory used when none is given.
pub const DEFAULT_CORPUS: &str = "corpus";

#[derive(Debug, Parser)]
#[command(
    name = "newsdex",
    version,
    about = "Search a folder of news articles: ranked passages with the matching words highlighted",
    after_help = "Exit codes: 0 success (search: something found), 1 search found nothing / index skipped some input, 2 error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index a folder of articles (.txt .md .json .jsonl .ndjson .html .htm .sgm .warc .rss .atom .xml, also .gz .zst .bz2), incrementally.
    Index(IndexArgs),
    /// Search the index for passages.
    Search(SearchArgs),
    /// Print what newsdex finds in a file: each article's people, organizations and places.
    Extract(ExtractArgs),
    /// The most mentioned entities in the index, or in the hits of a query: facets.
    Entities(EntitiesArgs),
    /// One entity: its names, articles, mentions, dates, crediting agencies and companions.
    Entity(EntityArgs),
    /// A local web page over the index: search, facets, entity pages, articles, and a JSON API.
    Serve(ServeArgs),
    /// Write the index's passages, with every annotation, as Quickwit, OpenSearch or Sphinx ingest them.
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The engine to write for.
    #[arg(long = "to", value_enum)]
    pub engine: crate::export::Engine,
    /// The folder to write into (created when missing).
    pub out: PathBuf,
    /// Where the index lives [default: index, built from ./corpus if missing].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Sphinx: split the passages into this many shards (whole articles each).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub shards: u64,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Where the index lives [default: index, built from ./corpus if missing].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// The address to listen on (loopback by default: the page is for this machine).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: String,
}

#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// The folder of articles to index.
    #[arg(default_value = DEFAULT_CORPUS)]
    pub corpus: PathBuf,
    /// Where the index lives.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Empty the index and read every file again.
    #[arg(long)]
    pub rebuild: bool,
    /// Credit each article to the agency its top-level folder names (corpora laid out one folder per agency).
    #[arg(long)]
    pub agency_from_folder: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query: words, "phrases", AND/OR/NOT, -word, field:term (fields: title, body, source).
    pub query: Option<String>,
    /// Where the index lives [default: index, built from ./corpus if missing].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Most passages to show.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,
    /// Most passages to show from one article.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=1_000))]
    pub per_article: u64,
    #[command(flatten)]
    pub filters: Filters,
    /// Order of the hits.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    pub sort: Sort,
    /// Only the words typed: no expansion with the words of the best passages.
    #[arg(long)]
    pub exact: bool,
    /// Show near-duplicate articles too, instead of once with "also in".
    #[arg(long)]
    pub no_collapse: bool,
    /// One JSON object per hit, one per line.
    #[arg(long)]
    pub json: bool,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print the search as this engine's query over an export (see `export`), instead of running it.
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub print_query: Option<crate::export::Engine>,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// A file in any format newsdex reads.
    pub file: PathBuf,
    /// One JSON object per article.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// Count only in the hits of this query (all passages without one).
    pub query: Option<String>,
    /// Only entities of this type (figure: the units figures count).
    #[arg(long = "type", value_enum)]
    pub kind: Option<crate::search::facets::FacetType>,
    #[command(flatten)]
    pub filters: Filters,
    /// Where the index lives [default: index, built from ./corpus if missing].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Most entities to list.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// List the known names that start with this text instead (completion; --type narrows it).
    #[arg(long)]
    pub prefix: Option<String>,
    /// One JSON object per entity, one per line.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct EntityArgs {
    /// The name, as typed (case, accents, spelling variants and titles do not matter).
    pub name: String,
    /// Only as an entity of this type (default: every type the index knows it as).
    #[arg(long = "type", value_enum)]
    pub kind: Option<crate::annotate::entities::Kind>,
    /// Where the index lives [default: index, built from ./corpus if missing].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// One JSON object per entity, one per line.
    #[arg(long)]
    pub json: bool,
}
