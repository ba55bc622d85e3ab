//! One switch for the portable code path: `WORDMILL_PORTABLE=1` builds wordmill as
//! `RUSTFLAGS="--cfg wordmill_portable"` does (no x86-64 SIMD, the code other architectures
//! run), but for this crate alone: RUSTFLAGS reach every dependency, so switching them
//! rebuilds all of them, while this rebuilds wordmill only. CI tests the portable path this
//! way in the target directory it has already filled.

fn main() {
    println!("cargo::rerun-if-env-changed=WORDMILL_PORTABLE");
    match std::env::var("WORDMILL_PORTABLE").as_deref() {
        Ok("1") => println!("cargo::rustc-cfg=wordmill_portable"),
        Ok("" | "0") | Err(_) => {}
        Ok(other) => println!(
            "cargo::warning=WORDMILL_PORTABLE={other:?} is neither 1 (the portable path) nor 0: building the usual path"
        ),
    }
}
