//! `newsdex-train`, the development binary: trains and scores the recognizer and builds the
//! committed data files (see [`newsdex::train`]). Exit code 0 on success, 2 on error.

use std::process::ExitCode;

use clap::Parser;

use newsdex::train::cli::{TrainCli, TrainCommand};
use newsdex::train::commands;

fn main() -> ExitCode {
    let result = match TrainCli::parse().command {
        TrainCommand::Train(args) => commands::train(&args),
        TrainCommand::Eval(args) => commands::eval(&args),
        TrainCommand::Gazetteer(args) => commands::gazetteer(&args),
        TrainCommand::Clusters(args) => commands::clusters(&args),
        TrainCommand::Synonyms(args) => commands::synonyms(&args),
        TrainCommand::Re3d(args) => commands::re3d(&args),
        TrainCommand::Pages(args) => commands::pages(&args),
        TrainCommand::Styles(args) => commands::styles(&args),
    };
    result.unwrap_or_else(|err| {
        eprintln!("newsdex-train: error: {err:#}");
        ExitCode::from(2)
    })
}
