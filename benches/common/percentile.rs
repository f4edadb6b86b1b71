//! The percentile the benchmarks report, shared by `benches/corpus.rs` and `benches/serve.rs`.

/// Nearest-rank percentile (0 for no samples).
pub fn percentile(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}
