//! Build settings for newsdex's binaries that Cargo's manifest cannot express.
//!
//! On Linux with glibc the binaries are linked as ordinary (non position-independent)
//! executables. A position-independent one is relocated by the dynamic loader at every start:
//! 48,764 relocations, which write to 231 pages of pointer tables (vtables, tables of
//! strings). A `newsdex search` is a short process: these were a fifth of its page faults,
//! and half of `newsdex --version`'s time (README, *Performance*). The
//! cost is address-space randomisation of the binary's own code, which a local command-line
//! tool that reads its user's files can spare. Libraries (the proc macros) are untouched.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
