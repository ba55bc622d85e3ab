//! # wordmill
//!
//! Turns multilingual text into analysed terms, fast: language detection, Unicode
//! normalization, word tokenization, stemming and stop words, and term statistics, run in
//! parallel over many documents.
//!
//! ```
//! use wordmill::Pipeline;
//!
//! let pipeline = Pipeline::builder().build();
//! let batch = pipeline.analyze_batch(&[
//!     "Oman’s foreign minister held talks with his Russian counterpart in Muscat.",
//!     "سلطنة عُمان وروسيا تعقدان جلسة الحوار الاستراتيجي بمسقط",
//! ]);
//! assert_eq!(batch.documents[0].detection.lang.code(), "eng");
//! assert_eq!(batch.documents[1].detection.lang.code(), "ara");
//! assert_eq!(batch.documents[0].terms.count("oman"), 1);
//! assert_eq!(batch.stats.documents(), 2);
//! ```
//!
//! Each stage is a module of its own and can be used alone:
//!
//! | stage | module | main type |
//! | --- | --- | --- |
//! | language detection | [`detect`] | [`Detector`](detect::Detector) |
//! | tokenization | [`tokenize`] | [`Tokenizer`](tokenize::Tokenizer) |
//! | normalization | [`normalize`] | [`Normalizer`](normalize::Normalizer) |
//! | stemming, stop words | [`stem`] | [`Stemmer`](stem::Stemmer), [`StopWords`](stem::StopWords) |
//! | term frequency | [`tf`] | [`TermCounts`](tf::TermCounts), [`CorpusStats`](tf::CorpusStats) |
//!
//! [`Pipeline`] composes them. Analysis never fails and never panics: every `&str` is valid
//! input, and every result type serializes with serde.

#![warn(missing_docs)]

mod arch;
pub mod detect;
mod error;
mod fold;
mod lang;
pub mod normalize;
mod pipeline;
mod scratch;
pub mod stem;
pub mod tf;
pub mod tokenize;
mod unicode;

/// For wordmill's own benchmarks and tests: not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::arch::{LanesChoice, choose_lanes};
}

pub use error::Error;
pub use lang::Lang;
pub use pipeline::{
    Analysis, AnalyzedToken, BatchAnalysis, Pipeline, PipelineBuilder, TermFilter, max_threads,
};
pub use unicode::{Script, UNICODE_VERSION};

// The README's examples run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
