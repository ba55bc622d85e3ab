//! The library's one error type.

/// What can go wrong when configuring wordmill or loading its results.
///
/// Analysis itself never fails: every `&str` is valid input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A language code that names none of wordmill's languages (see
    /// [`Lang::from_code`](crate::Lang::from_code) for the codes it reads).
    #[error(
        "unknown language code {0:?}: expected an ISO 639-3 code such as \"eng\", \"ara\" or \"cmn\" (or ISO 639-1 \"en\", or a tag such as \"pt-BR\")"
    )]
    UnknownLanguage(String),
    /// A configuration value out of its range.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// Bytes given to [`CorpusStats::from_bytes`](crate::tf::CorpusStats::from_bytes) that do
    /// not start with the magic bytes of wordmill's binary statistics.
    #[error(
        "not wordmill corpus statistics: the data does not start with the magic bytes of the binary format (was it written by CorpusStats::to_bytes?)"
    )]
    NotStats,
    /// Binary statistics in a version of the format that this wordmill does not read.
    #[error(
        "corpus statistics in binary format version {found}, but this wordmill reads version {supported}: load them with the wordmill that wrote them and save them as JSON, or rebuild them"
    )]
    StatsVersion {
        /// The version in the data.
        found: u16,
        /// The version this wordmill reads and writes.
        supported: u16,
    },
    /// Statistics that are truncated, corrupt or inconsistent.
    #[error("corrupt corpus statistics: {0}")]
    CorruptStats(String),
    /// Statistics whose sum would count more than `u64::MAX` documents or term occurrences
    /// ([`CorpusStats::try_merge`](crate::tf::CorpusStats::try_merge)).
    #[error(
        "the merged statistics would count more than u64::MAX {0}: were these statistics forged, or merged into themselves over and over?"
    )]
    CountOverflow(&'static str),
}
