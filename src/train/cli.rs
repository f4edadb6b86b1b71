//! The development command line, `newsdex-train`: clap definitions only. Its defaults are
//! the paths of the development data beside the repository (`../shared/data`) and of the
//! committed models; none of this is in the user's `newsdex --help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "newsdex-train",
    version,
    about = "Train, evaluate and build newsdex's recognizer and the data files it reads (development only)"
)]
pub struct TrainCli {
    #[command(subcommand)]
    pub command: TrainCommand,
}

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the recognizer on CoNLL-2003 beside the BTC and WNUT-17 training files and write
    /// models/ner.bin (reproducible: fixed seed).
    Train(TrainArgs),
    /// Score the recognizer on a CoNLL-2003 file: precision, recall, F1 per type, tokens/s.
    Eval(EvalArgs),
    /// Build models/gazetteer.tsv from the GeoNames, countryinfo and census lists.
    Gazetteer(GazetteerArgs),
    /// Learn word clusters from unlabelled news text into models/clusters.tsv.
    Clusters(ClustersArgs),
    /// Build models/synonyms.tsv (query expansion) from WordNet and news word counts.
    Synonyms(SynonymsArgs),
    /// Score the people, organizations and places found in re3d documents (document level).
    Re3d(Re3dArgs),
    /// Score the people, organizations and places found in the judged article pages
    /// (benches/judged/page_entities.json; document level).
    Pages(PagesArgs),
    /// Score the people, organizations and places found in the judged styles set
    /// (benches/judged/styles.json: documents written in six styles of news; document
    /// level), overall and per style.
    Styles(StylesArgs),
}

/// What every scoring command takes: the model, the corpus pass, JSON.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Score this model file instead of the compiled-in one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Read the documents together, as one indexing batch: a second pass finishes each with
    /// what the first said of every name across them (corpus-level consistency; for `eval`,
    /// indexing's rules applied to the labels of the file's documents).
    #[arg(long)]
    pub corpus_pass: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct StylesArgs {
    /// The judged documents.
    #[arg(long, default_value = "benches/judged/styles.json")]
    pub judged: PathBuf,
    #[command(flatten)]
    pub score: ScoreArgs,
}

#[derive(Debug, clap::Args)]
pub struct PagesArgs {
    /// The benchmark's gold article bodies.
    #[arg(
        long,
        default_value = "../shared/data/html-extraction/ground-truth.json"
    )]
    pub data: PathBuf,
    /// The names judged in each page.
    #[arg(long, default_value = "benches/judged/page_entities.json")]
    pub judged: PathBuf,
    /// The pages to read: dev (choices are made on them), held-out (only reported) or all.
    #[arg(long, value_enum, default_value = "dev")]
    pub part: crate::train::pages::Part,
    #[command(flatten)]
    pub score: ScoreArgs,
}

#[derive(Debug, clap::Args)]
pub struct Re3dArgs {
    /// The re3d folder (its centcom and uk_government parts are read).
    #[arg(long, default_value = "../shared/data/re3d")]
    pub data: PathBuf,
    /// The parts to read (centcom, uk_government); both by default. The clusters are learned
    /// without uk_government: it is the held-out part.
    #[arg(long, value_delimiter = ',', default_value = "centcom,uk_government")]
    pub parts: Vec<String>,
    /// The figures a judge listed in the same documents, blind to newsdex and to re3d's own
    /// annotations: scored as the row "figure-judged".
    #[arg(long, default_value = "benches/judged/re3d_figures.json")]
    pub judged_figures: PathBuf,
    #[command(flatten)]
    pub score: ScoreArgs,
}

#[derive(Debug, clap::Args)]
pub struct ClustersArgs {
    /// The shared data folder (the words of CoNLL-2003 eng.train and the re3d documents are read).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the clusters.
    #[arg(long, default_value = "models/clusters.tsv")]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct SynonymsArgs {
    /// The shared data folder (wordnet, and the words of bbc and reuters21578 are counted).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the synonyms.
    #[arg(long, default_value = "models/synonyms.tsv")]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
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
    /// Further training files of `word ... tag` lines without documents (web text and
    /// tweets: the Broad Twitter Corpus and WNUT-17 training files by default), each sentence
    /// read as a document of its own. Giving `--extra` replaces the defaults.
    #[arg(
        long,
        default_values = [
            "../shared/data/ner-extra/btc/btc.train.conll",
            "../shared/data/ner-extra/wnut17/wnut17.train.conll",
        ]
    )]
    pub extra: Vec<PathBuf>,
    /// Train on the main file alone, with no extra files (the model of sessions 1 to 11
    /// was trained so, with `--weight 1 --prune 0.5`).
    #[arg(long, conflicts_with = "extra")]
    pub no_extra: bool,
    /// How much more a mistake on the main training file moves the weights than one on
    /// the extra files.
    #[arg(long, default_value_t = 3.0)]
    pub weight: f32,
    /// Features whose weights are all smaller than this, times `--weight`, are left out of
    /// the saved model.
    #[arg(long, default_value_t = 1.0)]
    pub prune: f32,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// A CoNLL-2003 file.
    pub file: PathBuf,
    #[command(flatten)]
    pub score: ScoreArgs,
}

#[derive(Debug, clap::Args)]
pub struct GazetteerArgs {
    /// The gazetteers folder.
    #[arg(long, default_value = "../shared/data/gazetteers")]
    pub data: PathBuf,
    /// WordNet's folder (its nouns give the abbreviations that name nothing).
    #[arg(long, default_value = "../shared/data/wordnet")]
    pub wordnet: PathBuf,
    /// CoNLL-2003's training file (an abbreviation it tags as an entity is kept out).
    #[arg(long, default_value = "../shared/data/conll2003/eng.train")]
    pub conll: PathBuf,
    /// Where to write the gazetteer.
    #[arg(long, default_value = "models/gazetteer.tsv")]
    pub out: PathBuf,
}
