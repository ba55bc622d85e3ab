//! The library's one error type.

/// What can go wrong when configuring wordmill or loading its results.
///
/// Analysis itself never fails: every `&str` is valid input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A language code that is not ISO 639-3 as whatlang spells it.
    #[error(
        "unknown language code {0:?}: expected an ISO 639-3 code such as \"eng\", \"ara\" or \"cmn\""
    )]
    UnknownLanguage(String),
    /// A configuration value out of its range.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
}
