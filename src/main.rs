//! The `newsdex` binary: parses the command line, hands it to [`newsdex::commands`], and maps
//! the outcome to an exit code (0 success, 1 nothing found or input skipped, 2 error).

use std::process::ExitCode;

use clap::Parser;

use newsdex::cli::{Cli, Command};
use newsdex::{commands, messages};

/// mimalloc: indexing allocates small strings and vectors per token and mention, and spent
/// a sixth of its time in glibc's malloc and free (README, *Performance*, session 17).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A bug must not greet a user with a backtrace: one line, and exit code 2.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("{}", messages::internal_error(&what, &at));
        std::process::exit(2);
    }));
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    let code = run(cli);
    // For benchmarks and the curious: what the run cost, on stderr.
    if std::env::var_os("NEWSDEX_STATS").is_some() {
        eprintln!(
            "newsdex: stats: elapsed_ms={:.3} peak_memory_bytes={}",
            started.elapsed().as_secs_f64() * 1e3,
            newsdex::stats::peak_memory_bytes().unwrap_or(0)
        );
    }
    code
}

fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Index(args) => commands::run_index(&args),
        Command::Search(args) => commands::run_search(&args),
        Command::Extract(args) => commands::extract(&args),
        Command::Entities(args) => commands::entities(&args),
        Command::Entity(args) => commands::entity(&args),
        Command::Serve(args) => commands::serve(&args),
        Command::Export(args) => commands::export(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            if err
                .downcast_ref::<newsdex::interrupt::Interrupted>()
                .is_some()
            {
                eprintln!("{}", messages::note(&err));
                return ExitCode::from(130);
            }
            eprintln!("{}", messages::error(&err));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
