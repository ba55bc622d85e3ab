//! One switch for the portable code path: `WORDMILL_PORTABLE=1` builds wordmill as
//! `RUSTFLAGS="--cfg wordmill_portable"` does (no x86-64 SIMD, the code other architectures
//! run), but for this crate alone: RUSTFLAGS reach every dependency, so switching them
//! rebuilds all of them, while this rebuilds wordmill only. CI tests the portable path this
//! way in the target directory it has already filled.

fn main() {
    println!("cargo::rerun-if-env-changed=WORDMILL_PORTABLE");
    if std::env::var_os("WORDMILL_PORTABLE").is_some_and(|v| v == "1") {
        println!("cargo::rustc-cfg=wordmill_portable");
    }
}
