//! The tables `tools/unicode-tables` generates from the Unicode Character Database (see
//! ARCHITECTURE.md): each file says what it holds and where from. Nothing here is written by
//! hand but this list.

pub(crate) mod case_folding;
pub(crate) mod decimal_digits;
pub(crate) mod scripts;
pub(crate) mod unspaced_scripts;
pub(crate) mod version;
pub(crate) mod word_props;
