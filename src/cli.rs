//! The command line: clap definitions only.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::render::ColorChoice;
use crate::search::Sort;

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
    /// Index a folder of articles (.txt .md .json .jsonl .ndjson .html .htm .sgm), incrementally.
    Index(IndexArgs),
    /// Search the index for passages.
    Search(SearchArgs),
    /// Print what newsdex finds in a file: each article's people, organizations and places.
    Extract(ExtractArgs),
    /// The most mentioned entities in the index, or in the hits of a query: facets.
    Entities(EntitiesArgs),
    /// One entity: its names, articles, mentions, dates, crediting agencies and companions.
    Entity(EntityArgs),
    /// Train, evaluate and build the entity recognizer and its gazetteer.
    #[command(subcommand)]
    Ner(NerCommand),
}

#[derive(Debug, Subcommand)]
pub enum NerCommand {
    /// Train the recognizer on CoNLL-2003 and write models/ner.bin (reproducible: fixed seed).
    Train(NerTrainArgs),
    /// Score the recognizer on a CoNLL-2003 file: precision, recall, F1 per type, tokens/s.
    Eval(NerEvalArgs),
    /// Build models/gazetteer.tsv from the GeoNames, countryinfo and census lists.
    Gazetteer(NerGazetteerArgs),
    /// Learn word clusters from unlabelled news text into models/clusters.tsv.
    Clusters(NerClustersArgs),
    /// Build models/synonyms.tsv (query expansion) from WordNet and news word counts.
    Synonyms(NerSynonymsArgs),
    /// Score the people, organizations and places found in re3d documents (document level).
    Re3d(Re3dArgs),
}

#[derive(Debug, clap::Args)]
pub struct Re3dArgs {
    /// The re3d folder (its centcom and uk_government parts are read).
    #[arg(long, default_value = "../shared/data/re3d")]
    pub data: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// The parts to read (centcom, uk_government); both by default. The clusters are learned
    /// without uk_government: it is the held-out part.
    #[arg(long, value_delimiter = ',', default_value = "centcom,uk_government")]
    pub parts: Vec<String>,
    /// Read the documents twice, the second time with what the first pass said of every
    /// name across them (corpus-level consistency).
    #[arg(long)]
    pub corpus_pass: bool,
}

#[derive(Debug, clap::Args)]
pub struct NerClustersArgs {
    /// The shared data folder (the words of CoNLL-2003 eng.train and the re3d documents are read).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the clusters.
    #[arg(long, default_value = "models/clusters.tsv")]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct NerSynonymsArgs {
    /// The shared data folder (wordnet, and the words of bbc and reuters21578 are counted).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the synonyms.
    #[arg(long, default_value = "models/synonyms.tsv")]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct NerTrainArgs {
    /// Training file.
    #[arg(long, default_value = "../shared/data/conll2003/eng.train")]
    pub train: PathBuf,
    /// Development file, scored after each pass.
    #[arg(long, default_value = "../shared/data/conll2003/eng.testa")]
    pub dev: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Seed of the shuffling.
    #[arg(long, default_value_t = 20241018)]
    pub seed: u64,
    /// Runs (seed, seed+1, ...) whose weights are averaged.
    #[arg(long, default_value_t = 4)]
    pub runs: u64,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct NerEvalArgs {
    /// A CoNLL-2003 file.
    pub file: PathBuf,
    /// Score this model file instead of the compiled-in one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Tag the file twice, the second time with what the first pass said of every name
    /// across its documents (corpus-level consistency).
    #[arg(long)]
    pub corpus_pass: bool,
}

#[derive(Debug, clap::Args)]
pub struct NerGazetteerArgs {
    /// The gazetteers folder.
    #[arg(long, default_value = "../shared/data/gazetteers")]
    pub data: PathBuf,
    /// Where to write the gazetteer.
    #[arg(long, default_value = "models/gazetteer.tsv")]
    pub out: PathBuf,
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
    pub filters: FilterArgs,
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
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// A file in any format newsdex reads.
    pub file: PathBuf,
    /// One JSON object per article.
    #[arg(long)]
    pub json: bool,
}

/// The filters that narrow a search, shared by `search` and `entities`.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only articles dated on or after this day (YYYY-MM-DD, or a year). Undated articles are left out.
    #[arg(long, value_parser = crate::date::parse_cli_date)]
    pub since: Option<crate::date::Date>,
    /// Only articles dated on or before this day (YYYY-MM-DD, or a year). Undated articles are left out.
    #[arg(long, value_parser = crate::date::parse_cli_date)]
    pub until: Option<crate::date::Date>,
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
    #[arg(long = "figure", value_name = "EXPR", value_parser = crate::search::figure::parse)]
    pub figures: Vec<crate::search::figure::FigureFilter>,
}

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// Count only in the hits of this query (all passages without one).
    pub query: Option<String>,
    /// Only entities of this type (figure: the units figures count).
    #[arg(long = "type", value_enum)]
    pub kind: Option<crate::search::facets::FacetType>,
    #[command(flatten)]
    pub filters: FilterArgs,
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
