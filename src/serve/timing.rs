//! The parts of a request's time, as its `Server-Timing` header lists them (browsers show
//! them beside the request): each worker thread answers one request at a time, so the parts
//! are kept per thread and taken when the response is written.

use std::cell::RefCell;
use std::time::{Duration, Instant};

thread_local! {
    static PARTS: RefCell<Vec<(&'static str, Duration)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f`, counting its time as the part `name` of the request being answered.
pub fn timed<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    PARTS.with(|p| p.borrow_mut().push((name, started.elapsed())));
    out
}

/// The `Server-Timing` value of the request answered in `total`: `app` (the whole) first,
/// then each part timed since the last call, which forgets them.
pub fn header(total: Duration) -> String {
    let mut out = format!("app;dur={:.3}", total.as_secs_f64() * 1e3);
    PARTS.with(|p| {
        for (name, took) in p.borrow_mut().drain(..) {
            out.push_str(&format!(", {name};dur={:.3}", took.as_secs_f64() * 1e3));
        }
    });
    out
}
