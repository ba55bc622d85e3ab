//! Term frequency: per-document term counts, corpus statistics that merge exactly, and term
//! weights (TF-IDF, BM25) computed from them.
//!
//! - [`TermCounts`]: how often each term occurs in one document, and its length.
//! - [`CorpusStats`]: documents, term occurrences, and per term its document and collection frequency,
//!   for the whole corpus and for each language ([`CorpusStats::language`]). Statistics of
//!   shards merge into exactly the statistics of the whole, and persist as JSON (serde) or in a
//!   compact, versioned binary format ([`CorpusStats::to_bytes`]).
//! - [`Vocabulary`]: the distinct terms, interned, each with a dense id.
//! - [`TfIdf`] and [`Bm25`]: weights of a document's terms against corpus statistics.
//!
//! ```
//! use wordmill::tf::{Bm25, CorpusStats, RankBy, TermCounts, TfIdf};
//! use wordmill::Lang;
//!
//! let mut doc = TermCounts::new();
//! for term in ["oman", "russia", "oman"] {
//!     doc.add(term);
//! }
//! assert_eq!(doc.count("oman"), 2);
//! assert_eq!(doc.total(), 3); // the document's length
//!
//! // Statistics of two shards, merged, equal the statistics of the whole.
//! let eng: Lang = "eng".parse()?;
//! let (mut left, mut right, mut whole) = (CorpusStats::new(), CorpusStats::new(), CorpusStats::new());
//! left.add_document(eng, &doc);
//! right.add_document(eng, &TermCounts::from_terms(["iran", "oman"]));
//! whole.add_document(eng, &doc);
//! whole.add_document(eng, &TermCounts::from_terms(["iran", "oman"]));
//! left.merge(&right);
//! assert_eq!(left, whole);
//! assert_eq!(whole.document_frequency("oman"), 2);
//! assert_eq!(whole.collection_frequency("oman"), 3);
//! assert_eq!(whole.average_document_length(), 2.5);
//! assert_eq!(whole.top(1, RankBy::DocumentFrequency)[0].0, "oman");
//!
//! // In `doc`, "oman" occurs twice but is in every document; "russia" once, in one of two.
//! let tfidf = TfIdf::new();
//! assert!(tfidf.idf(&whole, "russia") > tfidf.idf(&whole, "oman"));
//! assert_eq!(tfidf.top(&whole, &doc, 1)[0].0, "oman");
//! let bm25 = Bm25::new();
//! assert!(bm25.score(&whole, &doc, ["russia"]) > bm25.score(&whole, &doc, ["oman"]));
//!
//! // Binary round trip.
//! assert_eq!(CorpusStats::from_bytes(&whole.to_bytes())?, whole);
//! # Ok::<(), wordmill::Error>(())
//! ```

mod corpus;
mod counts;
mod persist;
mod vocabulary;
mod weight;

use serde::{Deserialize, Serialize};

pub use corpus::{CorpusStats, LanguageView};
pub(crate) use counts::Bigrams;
pub use counts::TermCounts;
pub(crate) use counts::in_order as counts_in_order;
pub use persist::{BINARY_FORMAT_VERSION, BINARY_MAGIC};
pub use vocabulary::Vocabulary;
pub(crate) use vocabulary::term_hash;
pub use weight::{Bm25, Norm, TfIdf};

/// Documents and term occurrences of one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangStats {
    /// Documents detected as the language.
    pub documents: u64,
    /// Term occurrences in those documents (after stop words are dropped; a document's
    /// length, [`TermCounts::total`]).
    #[serde(alias = "tokens")]
    pub term_count: u64,
}

/// Document and collection frequency of one term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermFrequency {
    /// Number of documents that contain the term: its document frequency (df).
    pub documents: u64,
    /// Number of times the term occurs in the corpus: its collection frequency (cf).
    pub occurrences: u64,
}

impl TermFrequency {
    pub(super) fn add(&mut self, other: TermFrequency) {
        self.documents = self.documents.saturating_add(other.documents);
        self.occurrences = self.occurrences.saturating_add(other.occurrences);
    }
}

/// How [`CorpusStats::top`] and [`LanguageView::top`] rank terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RankBy {
    /// Most documents first, then most occurrences, then alphabetically.
    DocumentFrequency,
    /// Most occurrences first, then most documents, then alphabetically.
    CollectionFrequency,
}

impl RankBy {
    pub(super) fn order(
        self,
        a: &(&str, TermFrequency),
        b: &(&str, TermFrequency),
    ) -> std::cmp::Ordering {
        let key = |f: TermFrequency| match self {
            RankBy::DocumentFrequency => (f.documents, f.occurrences),
            RankBy::CollectionFrequency => (f.occurrences, f.documents),
        };
        key(b.1).cmp(&key(a.1)).then_with(|| a.0.cmp(b.0))
    }
}

#[cfg(test)]
mod tests;
