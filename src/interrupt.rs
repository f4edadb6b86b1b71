//! Ctrl-C: the first one asks long-running work (indexing) to stop at the next safe point,
//! where nothing half-done is committed; a second one ends the process at once (the index is
//! still at its last commit).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use crate::messages;

static REQUESTED: AtomicBool = AtomicBool::new(false);
/// Set for a process with nothing to finish (a server): the first Ctrl-C ends it.
static AT_ONCE: AtomicBool = AtomicBool::new(false);

/// Installs the handler so that the first Ctrl-C ends the process at once, for work with
/// nothing to finish (serving pages from an index).
pub fn exit_at_once() {
    AT_ONCE.store(true, Ordering::SeqCst);
    install();
}

/// Installs the handler (once per process).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if AT_ONCE.load(Ordering::SeqCst) {
                std::process::exit(130);
            }
            if REQUESTED.swap(true, Ordering::SeqCst) {
                eprintln!(
                    "{}",
                    messages::note(
                        "interrupted again, stopping now; the index keeps its last commit"
                    )
                );
                std::process::exit(130);
            }
            eprintln!(
                "{}",
                messages::note(
                    "interrupted, stopping after the files in hand (Ctrl-C again to stop at once)"
                )
            );
        });
    });
}

/// Whether the user asked to stop.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The error an interrupted run ends with.
#[derive(Debug, thiserror::Error)]
#[error("interrupted: the index keeps its last commit ({committed_files} files indexed); run `newsdex index` again to finish")]
pub struct Interrupted {
    /// Files whose passages are in the index (committed).
    pub committed_files: usize,
}
