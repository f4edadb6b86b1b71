//! The memory figures of `newsdex::stats`. They read the memory of the whole process, so they
//! live in a test binary of their own with one test: in the library's test binary, other tests
//! running at the same time allocate and free tens of megabytes between two readings.

#[test]
#[cfg(target_os = "linux")]
fn peaks_see_memory_held_between_readings() {
    use newsdex::stats;

    let before = stats::peak_memory_bytes().expect("VmHWM on Linux");
    let big = vec![1u8; 64 * 1024 * 1024];
    std::hint::black_box(&big);
    let after = stats::peak_memory_bytes().unwrap();
    assert!(
        after >= before + 60 * 1024 * 1024,
        "VmHWM {before} → {after}"
    );
    drop(big);

    let sampler = stats::PrivatePeak::start();
    let before = stats::private_memory_bytes().unwrap();
    let big = vec![1u8; 96 * 1024 * 1024];
    std::hint::black_box(&big);
    // Long enough for the sampler (every 20 ms) to run on a busy machine.
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(big);
    let peak = sampler.finish().unwrap();
    assert!(
        peak >= before + 90 * 1024 * 1024,
        "RssAnon {before} → {peak}"
    );
    assert!(stats::private_memory_bytes().unwrap() < peak);
}
