//! Term weights of a document against corpus statistics: TF-IDF and BM25.

use super::{CorpusStats, TermCounts};
use crate::Error;

/// How [`TfIdf`] scales a document's weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Norm {
    /// Weights divided by the sum of their absolute values (scikit-learn's `norm='l1'`).
    L1,
    /// Weights divided by their Euclidean norm, so the vector has length 1 (scikit-learn's
    /// `norm='l2'`, the default).
    L2,
}

/// TF-IDF weights, as scikit-learn's `TfidfVectorizer` computes them.
///
/// The weight of term *t* in document *d*, in a corpus of *n* documents of which *df(t)*
/// contain *t*, is *tf(t, d) · idf(t)*, then the document's weights are normalized:
///
/// | option | default | formula |
/// | --- | --- | --- |
/// | [`smooth_idf`](Self::smooth_idf) | on | idf = ln((1 + n) / (1 + df)) + 1; off: ln(n / df) + 1 |
/// | [`sublinear_tf`](Self::sublinear_tf) | off | tf = the term's count; on: 1 + ln(count) |
/// | [`norm`](Self::norm) | `Some(Norm::L2)` | divide by the L2 or L1 norm, or not at all (`None`) |
///
/// The defaults are scikit-learn's (`smooth_idf=True, sublinear_tf=False, norm='l2'`), and the
/// results agree with it to 1e-9 (tests/tf_reference.rs). Like scikit-learn's `transform`,
/// terms that no document of the corpus contains (df = 0) get no weight and do not count in
/// the norm. The document need not be one of the corpus.
///
/// ```
/// use wordmill::tf::{CorpusStats, Norm, TermCounts, TfIdf};
/// use wordmill::Lang;
///
/// let docs = [
///     TermCounts::from_terms(["oman", "russia", "oman"]),
///     TermCounts::from_terms(["oman", "iran"]),
/// ];
/// let mut stats = CorpusStats::new();
/// for doc in &docs {
///     stats.add_document(Lang::UND, doc);
/// }
/// let tfidf = TfIdf::new();
/// assert_eq!(tfidf.idf(&stats, "oman"), Some(1.0)); // in every document: ln(3/3) + 1
/// assert_eq!(tfidf.idf(&stats, "muscat"), None);
/// let weights = tfidf.weights(&stats, &docs[0]);
/// let length: f64 = weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
/// assert!((length - 1.0).abs() < 1e-12);
///
/// let raw = TfIdf::new().smooth_idf(false).norm(None);
/// assert_eq!(raw.weights(&stats, &docs[0])[0], ("oman", 2.0)); // tf 2 · (ln(2/2) + 1)
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TfIdf {
    smooth_idf: bool,
    sublinear_tf: bool,
    norm: Option<Norm>,
}

impl Default for TfIdf {
    fn default() -> Self {
        TfIdf::new()
    }
}

impl TfIdf {
    /// scikit-learn's defaults: smooth idf, raw counts, L2 norm.
    pub const fn new() -> TfIdf {
        TfIdf {
            smooth_idf: true,
            sublinear_tf: false,
            norm: Some(Norm::L2),
        }
    }

    /// Adds one to n and df, as if a document contained every term once (default on).
    pub const fn smooth_idf(mut self, on: bool) -> Self {
        self.smooth_idf = on;
        self
    }

    /// Uses 1 + ln(count) instead of the count (default off).
    pub const fn sublinear_tf(mut self, on: bool) -> Self {
        self.sublinear_tf = on;
        self
    }

    /// How the document's weights are normalized; `None` leaves them raw (default L2).
    pub const fn norm(mut self, norm: Option<Norm>) -> Self {
        self.norm = norm;
        self
    }

    /// The inverse document frequency of `term`, or `None` when no document contains it.
    pub fn idf(&self, stats: &CorpusStats, term: &str) -> Option<f64> {
        self.idf_of(stats.documents(), stats.document_frequency(term))
    }

    fn idf_of(&self, documents: u64, df: u64) -> Option<f64> {
        if df == 0 {
            return None;
        }
        let (n, df) = (documents as f64, df as f64);
        Some(if self.smooth_idf {
            ((n + 1.0) / (df + 1.0)).ln() + 1.0
        } else {
            (n / df).ln() + 1.0
        })
    }

    /// The weight of each term of `doc` that the corpus knows, in the document's order.
    pub fn weights<'d>(&self, stats: &CorpusStats, doc: &'d TermCounts) -> Vec<(&'d str, f64)> {
        let documents = stats.documents();
        let mut weights: Vec<(&str, f64)> = doc
            .iter()
            .filter_map(|(term, count)| {
                let idf = self.idf_of(documents, stats.document_frequency(term))?;
                let count = f64::from(count);
                let tf = if self.sublinear_tf {
                    1.0 + count.ln()
                } else {
                    count
                };
                Some((term, tf * idf))
            })
            .collect();
        let norm = match self.norm {
            Some(Norm::L2) => weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt(),
            Some(Norm::L1) => weights.iter().map(|(_, w)| w.abs()).sum(),
            None => 1.0,
        };
        if norm > 0.0 {
            for (_, w) in &mut weights {
                *w /= norm;
            }
        }
        weights
    }

    /// The `k` terms of `doc` with the highest weights, highest first; ties alphabetically.
    pub fn top<'d>(
        &self,
        stats: &CorpusStats,
        doc: &'d TermCounts,
        k: usize,
    ) -> Vec<(&'d str, f64)> {
        top_weights(self.weights(stats, doc), k)
    }
}

/// Okapi BM25 weights, with Lucene's idf.
///
/// The weight of term *t* in document *d* of length |d| (its [`TermCounts::total`]), against a
/// corpus of *n* documents of average length *avgdl*, *df(t)* of which contain *t*:
///
/// *idf(t) · tf · (k1 + 1) / (tf + k1 · (1 − b + b · |d| / avgdl))*, with
/// *idf(t) = ln(1 + (n − df + 0.5) / (df + 0.5))*
///
/// where tf is the term's count in *d*; k1 = 1.2 and b = 0.75 by default. Lucene's idf is
/// positive for every df, so terms rare in the corpus always weigh more, and a term no
/// document of the corpus contains (df = 0) gets the highest idf. Unlike Lucene, document
/// lengths are exact, not rounded to one byte. When the corpus has no tokens (avgdl = 0) the
/// document is taken as of average length.
///
/// ```
/// use wordmill::tf::{Bm25, CorpusStats, TermCounts};
/// use wordmill::Lang;
///
/// let docs = [
///     TermCounts::from_terms(["oman", "russia", "talk"]),
///     TermCounts::from_terms(["oman", "iran", "talk", "talk"]),
///     TermCounts::from_terms(["muscat", "rain"]),
/// ];
/// let mut stats = CorpusStats::new();
/// for doc in &docs {
///     stats.add_document(Lang::UND, doc);
/// }
/// let bm25 = Bm25::new();
/// // Two documents of three contain "oman": ln(1 + 1.5 / 2.5).
/// assert!((bm25.idf(&stats, "oman") - 1.6f64.ln()).abs() < 1e-15);
/// // Ranking documents for a query.
/// let query = ["iran", "talk"];
/// let scores: Vec<f64> = docs.iter().map(|d| bm25.score(&stats, d, query)).collect();
/// assert!(scores[1] > scores[0] && scores[0] > scores[2] && scores[2] == 0.0);
/// // No query term, no score: 0, not -0.
/// assert!(bm25.score(&stats, &docs[0], [""; 0]).is_sign_positive());
/// assert_eq!(bm25.top(&stats, &docs[1], 1)[0].0, "iran");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bm25 {
    k1: f64,
    b: f64,
}

impl Default for Bm25 {
    fn default() -> Self {
        Bm25::new()
    }
}

impl Bm25 {
    /// k1 = 1.2, b = 0.75, Lucene's defaults.
    pub const fn new() -> Bm25 {
        Bm25 { k1: 1.2, b: 0.75 }
    }

    /// The largest `k1`: a weight multiplies by `k1 + 1`, and with a far larger one (1e308) it
    /// overflowed to infinity or NaN. Past a few units BM25 is already the term's frequency
    /// over the document's relative length, which a million gives to six digits.
    pub const MAX_K1: f64 = 1e6;

    /// BM25 with term frequency saturation `k1` (0 to [`MAX_K1`](Self::MAX_K1)) and length
    /// normalization `b` (0 to 1).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] when a parameter is out of its range or not a number.
    pub fn with_params(k1: f64, b: f64) -> Result<Bm25, Error> {
        if !(0.0..=Self::MAX_K1).contains(&k1) {
            return Err(Error::InvalidConfig(format!(
                "BM25 k1 must be a number from 0 to {}, got {k1}",
                Self::MAX_K1
            )));
        }
        if !(0.0..=1.0).contains(&b) {
            return Err(Error::InvalidConfig(format!(
                "BM25 b must be between 0 and 1, got {b}"
            )));
        }
        Ok(Bm25 { k1, b })
    }

    /// The term frequency saturation parameter.
    pub fn k1(&self) -> f64 {
        self.k1
    }

    /// The length normalization parameter.
    pub fn b(&self) -> f64 {
        self.b
    }

    /// Lucene's inverse document frequency of `term`: ln(1 + (n − df + 0.5) / (df + 0.5)).
    pub fn idf(&self, stats: &CorpusStats, term: &str) -> f64 {
        idf(stats.documents(), stats.document_frequency(term))
    }

    /// The weight of every term of `doc`, in the document's order.
    pub fn weights<'d>(&self, stats: &CorpusStats, doc: &'d TermCounts) -> Vec<(&'d str, f64)> {
        let scorer = self.scorer(stats, doc);
        doc.iter()
            .map(|(term, count)| (term, scorer.weight(term, count)))
            .collect()
    }

    /// The `k` terms of `doc` with the highest weights, highest first; ties alphabetically.
    pub fn top<'d>(
        &self,
        stats: &CorpusStats,
        doc: &'d TermCounts,
        k: usize,
    ) -> Vec<(&'d str, f64)> {
        top_weights(self.weights(stats, doc), k)
    }

    /// The BM25 score of `doc` for a query: the sum of the weights in `doc` of the query's
    /// terms (a term given twice counts twice; a term `doc` lacks adds nothing).
    pub fn score<I>(&self, stats: &CorpusStats, doc: &TermCounts, query: I) -> f64
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let scorer = self.scorer(stats, doc);
        query
            .into_iter()
            .map(|term| {
                let term = term.as_ref();
                match doc.count(term) {
                    0 => 0.0,
                    count => scorer.weight(term, count),
                }
            })
            // From +0.0: `sum` starts an f64 sum at -0.0, which an empty query would print.
            .fold(0.0, |sum, weight| sum + weight)
    }

    fn scorer<'s>(&self, stats: &'s CorpusStats, doc: &TermCounts) -> Scorer<'s> {
        let average = stats.average_document_length();
        let ratio = if average > 0.0 {
            doc.total() as f64 / average
        } else {
            1.0
        };
        Scorer {
            stats,
            k1: self.k1,
            // The denominator's length part, the same for every term of the document.
            length: self.k1 * (1.0 - self.b + self.b * ratio),
        }
    }
}

struct Scorer<'s> {
    stats: &'s CorpusStats,
    k1: f64,
    length: f64,
}

impl Scorer<'_> {
    fn weight(&self, term: &str, count: u32) -> f64 {
        let tf = f64::from(count);
        let idf = idf(self.stats.documents(), self.stats.document_frequency(term));
        idf * tf * (self.k1 + 1.0) / (tf + self.length)
    }
}

fn idf(documents: u64, df: u64) -> f64 {
    let (n, df) = (documents as f64, df as f64);
    ((n - df + 0.5) / (df + 0.5)).ln_1p()
}

fn top_weights(mut weights: Vec<(&str, f64)>, k: usize) -> Vec<(&str, f64)> {
    super::counts::top_k(&mut weights, k, |a, b| {
        b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0))
    });
    weights
}
