//! What a run cost: the peak resident memory of this process, for summaries and benchmarks.

/// A `kB` line of `/proc/self/status` ("VmHWM", "RssAnon"), in bytes; `None` where the system
/// does not tell (not Linux).
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let value = status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))?;
    let kb: u64 = value.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024)
}

/// The peak resident set size of this process in bytes (Linux: `VmHWM`).
pub fn peak_memory_bytes() -> Option<u64> {
    status_bytes("VmHWM")
}

/// This process's anonymous (private) resident memory in bytes (`RssAnon`): the memory it
/// holds itself, without the pages of files it maps (a tantivy index is read through mmap,
/// and those pages are the page cache's, shared and reclaimable).
pub fn private_memory_bytes() -> Option<u64> {
    status_bytes("RssAnon")
}

/// Samples [`private_memory_bytes`] every 20 ms on a thread of its own until stopped; the
/// kernel keeps no peak of it.
pub struct PrivatePeak {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<u64>>,
}

impl PrivatePeak {
    pub fn start() -> PrivatePeak {
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::Builder::new()
            .name("memory-sampler".into())
            .spawn(move || {
                let mut peak = 0;
                loop {
                    peak = peak.max(private_memory_bytes().unwrap_or(0));
                    if flag.load(Ordering::Relaxed) {
                        return peak;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
            })
            .ok();
        PrivatePeak { stop, thread }
    }

    /// Stops sampling; the highest value seen, if the system tells it.
    pub fn finish(mut self) -> Option<u64> {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let peak = self.thread.take()?.join().ok()?;
        (peak > 0).then_some(peak)
    }
}

impl Drop for PrivatePeak {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}
