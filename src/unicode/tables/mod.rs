//! The tables `tools/unicode-tables` generates from the Unicode Character Database (see
//! ARCHITECTURE.md): each file says what it holds and where from. Nothing here is written by
//! hand but this list.

// (rustfmt leaves the generated files as the generator writes them, so that CI can compare
// them with its output.)
#[rustfmt::skip]
pub(crate) mod case_folding;
#[rustfmt::skip]
pub(crate) mod decimal_digits;
#[rustfmt::skip]
pub(crate) mod scripts;
#[rustfmt::skip]
pub(crate) mod unspaced_scripts;
#[rustfmt::skip]
pub(crate) mod version;
#[rustfmt::skip]
pub(crate) mod word_props;
