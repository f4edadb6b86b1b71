//! What a run cost: the peak resident memory of this process, for summaries and benchmarks.

/// The peak resident set size of this process in bytes (Linux: `VmHWM` of
/// `/proc/self/status`); `None` where the system does not tell.
pub fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_os = "linux")]
    fn peak_memory_is_read_and_grows_with_use() {
        let before = super::peak_memory_bytes().expect("VmHWM on Linux");
        let big = vec![1u8; 64 * 1024 * 1024];
        std::hint::black_box(&big);
        let after = super::peak_memory_bytes().unwrap();
        assert!(after >= before + 60 * 1024 * 1024, "{before} → {after}");
    }
}
