//! Corpus statistics and term weights: `CorpusStats`, `TfIdf` and `Bm25`, over the library's
//! `wordmill::tf`.

use std::borrow::Cow;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMapping, PyString, PyTuple, PyType};
use rayon::prelude::*;
use wordmill::tf::{self, Norm, RankBy, TermCounts};

use crate::analysis::{Analysis, Terms};
use crate::options::Int;
use crate::text::Text;
use crate::{Arguments, argument, options, value_error};

/// Statistics of a corpus: documents, tokens, and per term its document frequency (documents
/// that contain it) and collection frequency (occurrences), in all and per language.
/// Statistics of shards merge into exactly those of the whole; they persist in a compact
/// binary form (to_bytes) and as JSON, and pickle.
///
/// >>> import wordmill
/// >>> p = wordmill.Pipeline()
/// >>> a = p.analyze_batch(["Oman and Russia held talks in Muscat."]).stats
/// >>> b = p.analyze_batch(["Heavy rain is expected in Muscat.", "Rain in Oman."]).stats
/// >>> a.merge(b)
/// >>> a.documents, a.document_frequency("muscat"), a.document_frequency("rain", lang="eng")
/// (3, 2, 2)
/// >>> wordmill.CorpusStats.from_bytes(a.to_bytes()) == a
/// True
#[pyclass(module = "wordmill", eq)]
#[derive(Clone, Default, PartialEq)]
pub struct CorpusStats {
    pub inner: tf::CorpusStats,
}

impl CorpusStats {
    pub fn new(inner: tf::CorpusStats) -> CorpusStats {
        CorpusStats { inner }
    }
}

/// Frequencies of a term in the whole corpus, or in one language's documents.
fn frequency(
    stats: &tf::CorpusStats,
    term: &str,
    lang: Option<&str>,
) -> PyResult<tf::TermFrequency> {
    Ok(match lang {
        None => stats.frequency(term),
        Some(code) => stats
            .language(options::lang(code)?)
            .map(|view| view.frequency(term))
            .unwrap_or_default(),
    })
}

fn rank_by(name: &str) -> PyResult<RankBy> {
    match name {
        "document_frequency" | "df" => Ok(RankBy::DocumentFrequency),
        "collection_frequency" | "cf" => Ok(RankBy::CollectionFrequency),
        _ => Err(PyValueError::new_err(format!(
            "unknown ranking {name:?}: expected \"document_frequency\" or \"collection_frequency\""
        ))),
    }
}

#[pymethods]
impl CorpusStats {
    /// Statistics of an empty corpus.
    #[new]
    fn py_new() -> CorpusStats {
        CorpusStats::default()
    }

    /// Counts one document: an Analysis (in its language), or a mapping of terms to counts
    /// (a Terms, a dict, a Counter) in language `lang`. A count must be from 0 to 2**32 - 1
    /// (ValueError otherwise).
    ///
    /// The statistics are borrowed only once the document is read: reading a mapping written
    /// in Python runs Python code, during which other threads may read or add to them.
    #[pyo3(signature = (document, lang = None))]
    fn add(
        slf: &Bound<'_, Self>,
        document: &Bound<'_, PyAny>,
        lang: Option<String>,
    ) -> PyResult<()> {
        if let Ok(analysis) = document.cast::<Analysis>() {
            let analysis = analysis.get().inner();
            let lang = match lang {
                Some(code) => options::lang(&code)?,
                None => analysis.lang(),
            };
            borrow_to_add(slf)?
                .inner
                .add_document(lang, &analysis.terms);
            return Ok(());
        }
        let lang = options::lang(lang.as_deref().unwrap_or("und"))?;
        let terms = DocTerms::extract(document)?;
        borrow_to_add(slf)?.inner.add_document(lang, terms.counts());
        Ok(())
    }

    /// Adds everything `other` counted (`other` may be `self`). `other` is borrowed for the
    /// merge alone, with no Python code run meanwhile: another thread's use of it cannot
    /// overlap.
    fn merge(mut slf: PyRefMut<'_, Self>, other: &Bound<'_, CorpusStats>) -> PyResult<()> {
        if other.as_ptr() == slf.as_ptr() {
            // `merge(self)` would borrow self twice: merge a copy.
            let copy = slf.inner.clone();
            slf.inner.merge(&copy);
            return Ok(());
        }
        let other = borrow_to_read(other)?;
        slf.inner.merge(&other.inner);
        Ok(())
    }

    /// Number of documents.
    #[getter]
    fn documents(&self) -> u64 {
        self.inner.documents()
    }

    /// Number of terms counted in all documents (after stop words: the documents' lengths).
    #[getter]
    fn term_count(&self) -> u64 {
        self.inner.term_count()
    }

    /// Average document length in terms (0 for an empty corpus).
    #[getter]
    fn average_document_length(&self) -> f64 {
        self.inner.average_document_length()
    }

    /// Documents and terms per language: {"eng": {"documents": 2, "term_count": 17}, ...}.
    #[getter]
    fn languages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let languages = PyDict::new(py);
        for (lang, s) in self.inner.languages() {
            let entry = PyDict::new(py);
            entry.set_item("documents", s.documents)?;
            entry.set_item("term_count", s.term_count)?;
            languages.set_item(lang.code(), entry)?;
        }
        Ok(languages)
    }

    /// Number of distinct terms, in all or in one language's documents.
    #[pyo3(signature = (lang = None))]
    fn vocabulary_size(&self, lang: Option<String>) -> PyResult<usize> {
        Ok(match lang {
            None => self.inner.vocabulary_size(),
            Some(code) => self
                .inner
                .language(options::lang(&code)?)
                .map_or(0, |view| view.vocabulary_size()),
        })
    }

    /// Number of documents that contain `term` (in all, or of language `lang`).
    #[pyo3(signature = (term, lang = None))]
    fn document_frequency(
        &self,
        #[pyo3(from_py_with = Text::extract)] term: Text,
        lang: Option<String>,
    ) -> PyResult<u64> {
        Ok(frequency(&self.inner, &term, lang.as_deref())?.documents)
    }

    /// Number of occurrences of `term` (in all, or in documents of language `lang`).
    #[pyo3(signature = (term, lang = None))]
    fn collection_frequency(
        &self,
        #[pyo3(from_py_with = Text::extract)] term: Text,
        lang: Option<String>,
    ) -> PyResult<u64> {
        Ok(frequency(&self.inner, &term, lang.as_deref())?.occurrences)
    }

    /// The `k` top terms as (term, document frequency, collection frequency) tuples, ranked
    /// by="document_frequency" (then occurrences) or "collection_frequency" (then
    /// documents), ties alphabetically; in all, or in language `lang`.
    #[pyo3(
        signature = (k = Int::from(10), by = String::from("document_frequency"), lang = None),
        text_signature = "($self, k=10, by='document_frequency', lang=None)"
    )]
    fn top(
        slf: &Bound<'_, Self>,
        k: Int,
        by: String,
        lang: Option<String>,
    ) -> PyResult<Vec<(String, u64, u64)>> {
        // Borrowed once the arguments are read: `k` may be any object with an `__index__`,
        // Python code during which other threads may add to these statistics.
        let k = k.to_limit("k")?;
        let by = rank_by(&by)?;
        let this = borrow_to_read(slf)?;
        let top = match lang {
            None => this.inner.top(k, by),
            Some(code) => match this.inner.language(options::lang(&code)?) {
                Some(view) => view.top(k, by),
                None => Vec::new(),
            },
        };
        Ok(top
            .into_iter()
            .map(|(term, f)| (term.to_owned(), f.documents, f.occurrences))
            .collect())
    }

    /// The statistics in wordmill's compact, versioned, checksummed binary form.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// Loads statistics written by to_bytes from bytes or any other buffer (bytearray,
    /// memoryview, mmap; ValueError when the data is not such statistics, is of another
    /// format version, or is damaged).
    #[classmethod]
    fn from_bytes(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<CorpusStats> {
        // Another buffer than bytes is copied (by memoryview, which refuses what is none).
        let copy;
        let data = match data.cast::<PyBytes>() {
            Ok(bytes) => bytes,
            Err(_) => {
                let view = data
                    .py()
                    .import("builtins")?
                    .getattr("memoryview")?
                    .call1((data,))?;
                copy = view.call_method0("tobytes")?.cast_into::<PyBytes>()?;
                &copy
            }
        };
        tf::CorpusStats::from_bytes(data.as_bytes())
            .map(CorpusStats::new)
            .map_err(value_error)
    }

    /// The statistics as JSON: languages sorted by code, each with its terms sorted, so
    /// that equal statistics give equal JSON.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner)
            .map_err(|e| PyValueError::new_err(format!("cannot write statistics as JSON: {e}")))
    }

    /// Loads statistics from to_json's JSON (ValueError when it is not such statistics).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: PyBackedStr) -> PyResult<CorpusStats> {
        serde_json::from_str(&json)
            .map(CorpusStats::new)
            .map_err(|e| PyValueError::new_err(format!("not wordmill corpus statistics: {e}")))
    }

    /// Pickles as its binary form.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_bytes = slf.get_type().getattr("from_bytes")?;
        let bytes = slf.borrow().to_bytes(py);
        (from_bytes, (bytes,)).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "CorpusStats(documents={}, term_count={}, vocabulary_size={}, languages={})",
            self.inner.documents(),
            self.inner.term_count(),
            self.inner.vocabulary_size(),
            self.inner.languages().len()
        )
    }
}

/// `stats` borrowed to add to. Every borrow of statistics is taken after the call's
/// arguments are read and lasts while no Python code runs, so with the GIL held none is
/// seen by another call; should one be (Python code run from inside the library, such as a
/// finalizer), this is a RuntimeError rather than PyO3's bare "Already borrowed".
fn borrow_to_add<'py>(stats: &Bound<'py, CorpusStats>) -> PyResult<PyRefMut<'py, CorpusStats>> {
    stats.try_borrow_mut().map_err(|_| {
        PyRuntimeError::new_err(
            "cannot add to a CorpusStats in use by the call that runs this one: add when that call returns",
        )
    })
}

/// `stats` borrowed to read (see [`borrow_to_add`]).
fn borrow_to_read<'py>(stats: &Bound<'py, CorpusStats>) -> PyResult<PyRef<'py, CorpusStats>> {
    stats.try_borrow().map_err(|_| {
        PyRuntimeError::new_err(
            "cannot read a CorpusStats that the call running this one is adding to: read it when that call returns; nothing was done",
        )
    })
}

/// The terms of a document given to a weighting: an Analysis's or a Terms' own counts, or
/// counts made from a mapping.
pub(crate) enum DocTerms<'a> {
    Borrowed(PyRef<'a, Analysis>),
    Terms(PyRef<'a, Terms>),
    Owned(TermCounts),
}

impl<'a> DocTerms<'a> {
    pub fn extract(doc: &'a Bound<'_, PyAny>) -> PyResult<DocTerms<'a>> {
        if let Ok(analysis) = doc.cast::<Analysis>() {
            return Ok(DocTerms::Borrowed(analysis.borrow()));
        }
        if let Ok(terms) = doc.cast::<Terms>() {
            return Ok(DocTerms::Terms(terms.borrow()));
        }
        let Ok(mapping) = doc.cast::<PyMapping>() else {
            return Err(PyTypeError::new_err(
                "expected an Analysis, its Terms, or a mapping of terms to counts",
            ));
        };
        let mut counts = TermCounts::new();
        for item in mapping.items()?.iter() {
            let (term, count): (PyBackedStr, Int) = item.extract()?;
            let name = format_args!("the count of term {:?}", &*term);
            let count = count.to_usize(name, 0, u32::MAX as usize)?;
            // (In range: checked above.)
            counts.add_count(&term, count as u32);
        }
        Ok(DocTerms::Owned(counts))
    }

    pub fn counts(&self) -> &TermCounts {
        match self {
            DocTerms::Borrowed(analysis) => &analysis.inner().terms,
            DocTerms::Terms(terms) => terms.counts(),
            DocTerms::Owned(counts) => counts,
        }
    }
}

fn owned(weights: Vec<(&str, f64)>) -> Vec<(String, f64)> {
    weights
        .into_iter()
        .map(|(term, w)| (term.to_owned(), w))
        .collect()
}

/// TF-IDF weights as scikit-learn's TfidfVectorizer computes them (same defaults: smooth
/// idf, raw counts, L2 norm; norm may be "l2", "l1" or None).
///
/// >>> import wordmill
/// >>> p = wordmill.Pipeline()
/// >>> batch = p.analyze_batch(["Oman and Russia held talks.", "Rain in Oman.", "Oman's ministry."])
/// >>> [term for term, _ in wordmill.TfIdf().top(batch.stats, batch[0], 2)]
/// ['held', 'russia']
#[pyclass(frozen, module = "wordmill")]
pub struct TfIdf {
    inner: tf::TfIdf,
    arguments: Arguments,
}

#[pymethods]
impl TfIdf {
    #[new]
    #[pyo3(
        signature = (*, smooth_idf = true, sublinear_tf = false, norm = Some(String::from("l2"))),
        text_signature = "(*, smooth_idf=True, sublinear_tf=False, norm='l2')"
    )]
    fn new(
        py: Python<'_>,
        smooth_idf: bool,
        sublinear_tf: bool,
        norm: Option<String>,
    ) -> PyResult<TfIdf> {
        let arguments = Arguments::new(
            py,
            [
                argument(py, "smooth_idf", smooth_idf, true),
                argument(py, "sublinear_tf", sublinear_tf, false),
                argument(py, "norm", norm.as_deref(), Some("l2")),
            ],
        )?;
        let norm = match norm.as_deref().map(str::to_ascii_lowercase).as_deref() {
            None => None,
            Some("l2") => Some(Norm::L2),
            Some("l1") => Some(Norm::L1),
            Some(other) => {
                return Err(PyValueError::new_err(format!(
                    "unknown norm {other:?}: expected \"l2\", \"l1\" or None"
                )));
            }
        };
        Ok(TfIdf {
            inner: tf::TfIdf::new()
                .smooth_idf(smooth_idf)
                .sublinear_tf(sublinear_tf)
                .norm(norm),
            arguments,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.arguments.repr(py, "TfIdf")
    }

    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        self.arguments.new_args(py)
    }

    /// The inverse document frequency of `term`, or None when no document contains it.
    fn idf(
        &self,
        stats: PyRef<'_, CorpusStats>,
        #[pyo3(from_py_with = Text::extract)] term: Text,
    ) -> Option<f64> {
        self.inner.idf(&stats.inner, &term)
    }

    /// The weight of each term of `doc` (an Analysis, Terms or mapping of counts) that the
    /// corpus knows, in the document's order: a list of (term, weight).
    fn weights(
        &self,
        stats: &Bound<'_, CorpusStats>,
        doc: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(String, f64)>> {
        let doc = DocTerms::extract(doc)?;
        let stats = borrow_to_read(stats)?;
        Ok(owned(self.inner.weights(&stats.inner, doc.counts())))
    }

    /// The `k` terms of `doc` with the highest weights, highest first; ties alphabetically.
    #[pyo3(
        signature = (stats, doc, k = Int::from(10)),
        text_signature = "($self, stats, doc, k=10)"
    )]
    fn top(
        &self,
        stats: &Bound<'_, CorpusStats>,
        doc: &Bound<'_, PyAny>,
        k: Int,
    ) -> PyResult<Vec<(String, f64)>> {
        let k = k.to_limit("k")?;
        let doc = DocTerms::extract(doc)?;
        let stats = borrow_to_read(stats)?;
        Ok(owned(self.inner.top(&stats.inner, doc.counts(), k)))
    }
}

/// BM25 weights and scores (k1 = 1.2 and b = 0.75 by default, Lucene's idf).
///
/// >>> import wordmill
/// >>> p = wordmill.Pipeline()
/// >>> batch = p.analyze_batch([
/// ...     "Oman and Russia held talks in Muscat.",
/// ...     "Heavy rain is expected in Oman.",
/// ...     "Iran and Russia held more talks.",
/// ... ])
/// >>> bm25 = wordmill.Bm25()
/// >>> [round(bm25.score(batch.stats, doc, ["russia", "talk"]), 3) for doc in batch]
/// [0.884, 0.0, 0.971]
#[pyclass(frozen, module = "wordmill")]
pub struct Bm25 {
    inner: tf::Bm25,
    arguments: Arguments,
}

#[pymethods]
impl Bm25 {
    /// ValueError when k1 is not between 0 and a million or b not between 0 and 1.
    #[new]
    #[pyo3(signature = (k1 = 1.2, b = 0.75))]
    fn new(py: Python<'_>, k1: f64, b: f64) -> PyResult<Bm25> {
        let arguments = Arguments::new(
            py,
            [argument(py, "k1", k1, 1.2), argument(py, "b", b, 0.75)],
        )?;
        let inner = tf::Bm25::with_params(k1, b).map_err(value_error)?;
        Ok(Bm25 { inner, arguments })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.arguments.repr(py, "Bm25")
    }

    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        self.arguments.new_args(py)
    }

    /// Lucene's inverse document frequency of `term`.
    fn idf(
        &self,
        stats: PyRef<'_, CorpusStats>,
        #[pyo3(from_py_with = Text::extract)] term: Text,
    ) -> f64 {
        self.inner.idf(&stats.inner, &term)
    }

    /// The weight of every term of `doc`, in the document's order.
    fn weights(
        &self,
        stats: &Bound<'_, CorpusStats>,
        doc: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(String, f64)>> {
        let doc = DocTerms::extract(doc)?;
        let stats = borrow_to_read(stats)?;
        Ok(owned(self.inner.weights(&stats.inner, doc.counts())))
    }

    /// The `k` terms of `doc` with the highest weights, highest first; ties alphabetically.
    #[pyo3(
        signature = (stats, doc, k = Int::from(10)),
        text_signature = "($self, stats, doc, k=10)"
    )]
    fn top(
        &self,
        stats: &Bound<'_, CorpusStats>,
        doc: &Bound<'_, PyAny>,
        k: Int,
    ) -> PyResult<Vec<(String, f64)>> {
        let k = k.to_limit("k")?;
        let doc = DocTerms::extract(doc)?;
        let stats = borrow_to_read(stats)?;
        Ok(owned(self.inner.top(&stats.inner, doc.counts(), k)))
    }

    /// The BM25 score of `doc` for a query: the sum of the weights of the query's terms.
    /// The query is terms, as the pipeline makes them: an iterable of terms, one term (a str
    /// without whitespace), or an Analysis or Terms of the query (its distinct terms), such as
    /// `pipeline.analyze(query, lang=...)` gives. A str with whitespace that is no term of
    /// the statistics or the document (a bigram such as "new york" may be one) is a
    /// ValueError (it would match no term: analyse it first), bytes a TypeError.
    fn score(
        &self,
        stats: &Bound<'_, CorpusStats>,
        doc: &Bound<'_, PyAny>,
        query: &Bound<'_, PyAny>,
    ) -> PyResult<f64> {
        let doc = DocTerms::extract(doc)?;
        if query.is_instance_of::<PyBytes>() || query.is_instance_of::<PyByteArray>() {
            return Err(PyTypeError::new_err(format!(
                "the query must be terms (str), not {}: decode it, then analyse it with Pipeline.analyze(query, lang=...) and pass the result",
                query.get_type().name()?
            )));
        }
        let analysed = if query.is_instance_of::<Analysis>() || query.is_instance_of::<Terms>() {
            Some(DocTerms::extract(query)?)
        } else {
            None
        };
        let mut one_term = false;
        // (Terms read as `analyze` reads text: a lone surrogate as `?`.)
        let query: Vec<Text> = if analysed.is_some() {
            Vec::new()
        } else if query.is_instance_of::<PyString>() {
            one_term = true;
            vec![Text::extract(query)?]
        } else {
            query
                .try_iter()?
                .map(|term| Text::extract(&term?))
                .collect::<PyResult<_>>()?
        };
        // Borrowed once the document and the query are read (see `CorpusStats::add`).
        let stats = borrow_to_read(stats)?;
        // A str with whitespace is text to analyse, unless the corpus or the document has it
        // as a term (a bigram, "new york").
        if one_term
            && let [term] = query.as_slice()
            && term.chars().any(char::is_whitespace)
            && stats.inner.document_frequency(term) == 0
            && doc.counts().count(term) == 0
        {
            return Err(PyValueError::new_err(format!(
                "the query {:?} is text, not a term: analyse it with Pipeline.analyze(query, lang=...) and pass the analysis (or its terms)",
                &**term
            )));
        }
        if let Some(analysed) = &analysed {
            let terms = analysed
                .counts()
                .iter()
                .map(|(term, _)| Cow::Borrowed(term));
            return Ok(self.inner.score(&stats.inner, doc.counts(), terms));
        }
        let query = query.iter().map(|t| Cow::Borrowed(&**t));
        Ok(self.inner.score(&stats.inner, doc.counts(), query))
    }
}

/// Corpus statistics counted chunk after chunk of a batch as `Pipeline::analyze_batch` counts
/// them: one statistics per thread, over its share of each chunk, merged at the end. (Equal
/// to the statistics of the whole batch counted at once, whatever the chunks and threads.)
#[derive(Default)]
pub(crate) struct Counting {
    shares: Vec<tf::CorpusStats>,
}

impl Counting {
    /// Counts `analyses`, on the current rayon pool.
    pub fn add(&mut self, analyses: &[wordmill::Analysis]) {
        let threads = rayon::current_num_threads().max(1);
        if self.shares.len() < threads {
            self.shares.resize_with(threads, tf::CorpusStats::new);
        }
        let share = analyses.len().div_ceil(threads).max(1);
        self.shares
            .par_iter_mut()
            .zip(analyses.par_chunks(share))
            .for_each(|(stats, analyses)| {
                for analysis in analyses {
                    stats.add_document(analysis.lang(), &analysis.terms);
                }
            });
    }

    /// The statistics of everything counted (merged on the current rayon pool).
    pub fn finish(self) -> tf::CorpusStats {
        self.shares
            .into_par_iter()
            .reduce(tf::CorpusStats::new, tf::CorpusStats::merged)
    }
}
