//! Links the `pm` binary as a position-dependent executable on Linux with
//! glibc. A position-independent one is relocated by the dynamic loader at
//! every start: about 45,000 relocations, a quarter of the instructions a
//! one-file lint in a pre-commit hook executes. The price is that the
//! binary's own code is not placed at a random address (the libraries it
//! loads still are); `PM_PIE=1 cargo build` keeps it position-independent.

fn main() {
    println!("cargo:rerun-if-env-changed=PM_PIE");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" && std::env::var_os("PM_PIE").is_none() {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
