//! Analysed documents as Python sees them: `Analysis`, its `Token`s, `Span`s and `Terms`,
//! and `BatchAnalysis`.
//!
//! An `Analysis` keeps the library's analysis as it is and makes Python objects only when
//! asked: a batch of documents costs one Python object per document, and tokens, spans and
//! terms are built (once) by whoever reads them.

use std::sync::Arc;

use pyo3::exceptions::{
    PyAttributeError, PyIndexError, PyKeyError, PyOverflowError, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyList, PySlice, PyString, PyTuple, PyType};
use wordmill::tf::TermCounts;

use crate::offsets::CharOffsets;
use crate::options::{Int, kind_name, script_name};
use crate::stats::CorpusStats;
use crate::text::Text;

/// One analysed document: its language, script and detection confidence, the language of
/// each span, its tokens with the terms they became, and its term counts.
///
/// Offsets (`Token.start`, `Span.end`, ...) are indices into the analysed `str`, in code
/// points, as Python slices strings: `text[token.start:token.end] == token.text`.
///
/// >>> import wordmill
/// >>> doc = wordmill.Pipeline().analyze("Oman’s foreign minister met his Russian counterpart in Muscat.")
/// >>> doc.lang, doc.script
/// ('eng', 'Latin')
/// >>> doc.terms["oman"], doc.terms["minist"]
/// (1, 1)
/// >>> doc.tokens[0].text, doc.tokens[0].term, doc.tokens[0].start, doc.tokens[0].end
/// ('Oman’s', 'oman', 0, 6)
#[pyclass(frozen, module = "wordmill")]
pub struct Analysis {
    inner: Arc<wordmill::Analysis>,
    text: Text,
    tokens: PyOnceLock<Py<PyTuple>>,
    spans: PyOnceLock<Py<PyTuple>>,
}

impl Analysis {
    pub fn new(inner: wordmill::Analysis, text: Text) -> Analysis {
        Analysis {
            inner: Arc::new(inner),
            text,
            tokens: PyOnceLock::new(),
            spans: PyOnceLock::new(),
        }
    }

    pub fn inner(&self) -> &wordmill::Analysis {
        &self.inner
    }
}

/// `text[start:end]` in code points, without going through UTF-8.
pub(crate) fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyString>> {
    let py = text.py();
    // Offsets come from the text's own length: they fit an isize.
    let (start, end) = (start as isize, end as isize);
    // SAFETY: `text` is a live str; PyUnicode_Substring returns a new reference or NULL with
    // an exception set, which `assume_owned_or_err` turns into an error.
    unsafe {
        Bound::from_owned_ptr_or_err(
            py,
            pyo3::ffi::PyUnicode_Substring(text.as_ptr(), start, end),
        )?
        .cast_into::<PyString>()
        .map_err(Into::into)
    }
}

#[pymethods]
impl Analysis {
    /// The document's language: an ISO 639-3 code such as "eng", or "und" when undetermined.
    #[getter]
    fn lang(&self) -> &'static str {
        self.inner.detection.lang.code()
    }

    /// The document's main script ("Latin", "Arabic", ...), or None when it has no letters.
    #[getter]
    fn script(&self) -> Option<&'static str> {
        script_name(self.inner.detection.script)
    }

    /// How sure detection is, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f64 {
        self.inner.detection.confidence
    }

    /// True when detection had enough text and a clear winner.
    #[getter]
    fn reliable(&self) -> bool {
        self.inner.detection.reliable
    }

    /// Every token of the text, stop words included: words and numbers, and the URLs,
    /// e-mail addresses, hashtags, mentions and emoji the tokenizer was asked to recognize
    /// (Tokenizer(urls=True, ...)).
    #[getter]
    fn token_count(&self) -> usize {
        self.inner.token_count
    }

    /// The analysed text.
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.original.clone_ref(py)
    }

    /// Terms and their counts, in order of first occurrence: a read-only mapping.
    #[getter]
    fn terms(&self) -> Terms {
        Terms {
            analysis: Arc::clone(&self.inner),
        }
    }

    /// The tokens that became terms, in text order (empty when the pipeline was made with
    /// keep_tokens=False): a tuple of Token.
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let tokens = self.tokens.get_or_try_init(py, || {
            let text = self.text.original.bind(py);
            let mut offsets = CharOffsets::new(&self.text);
            let mut tokens = Vec::with_capacity(self.inner.tokens.len());
            for token in &self.inner.tokens {
                let start = offsets.char_offset(token.span.start());
                let end = offsets.char_offset(token.span.end());
                let token = Token {
                    text: substring(text, start, end)?.unbind(),
                    start,
                    end,
                    kind: kind_name(token.kind),
                    term: Some(PyString::new(py, self.inner.term_of(token)).unbind()),
                };
                tokens.push(Py::new(py, token)?);
            }
            PyTuple::new(py, tokens).map(Bound::unbind)
        })?;
        Ok(tokens.bind(py).clone())
    }

    /// The language of each part of the text, end to end: one span for a text in one
    /// language, more for mixed text. A tuple of Span.
    #[getter]
    fn spans<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let spans = self.spans.get_or_try_init(py, || {
            let mut offsets = CharOffsets::new(&self.text);
            let spans = self
                .inner
                .spans
                .iter()
                .map(|s| {
                    let span = Span {
                        start: offsets.char_offset(s.span.start()),
                        end: offsets.char_offset(s.span.end()),
                        lang: s.lang.code(),
                        script: script_name(s.script),
                    };
                    Py::new(py, span)
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyTuple::new(py, spans).map(Bound::unbind)
        })?;
        Ok(spans.bind(py).clone())
    }

    /// The analysis as plain Python values: lang, script, confidence, reliable, token_count
    /// and terms (a dict), and with tokens=True the tokens as (start, end, term) tuples.
    #[pyo3(signature = (tokens = false))]
    fn to_dict<'py>(&self, py: Python<'py>, tokens: bool) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("lang", self.lang())?;
        dict.set_item("script", self.script())?;
        dict.set_item("confidence", self.confidence())?;
        dict.set_item("reliable", self.reliable())?;
        dict.set_item("token_count", self.token_count())?;
        dict.set_item("terms", terms_dict(py, &self.inner.terms)?)?;
        if tokens {
            let list = PyList::empty(py);
            for token in self.tokens(py)?.iter() {
                let token = token.cast::<Token>()?.get();
                list.append((token.start, token.end, token.term.as_ref()))?;
            }
            dict.set_item("tokens", list)?;
        }
        Ok(dict)
    }

    /// Equal to an Analysis of the same text with the same results (language, tokens,
    /// spans, terms); unhashable, as a mutable-looking value of many parts (a list) is.
    /// Anything else is left to compare itself (`NotImplemented`), as Python's own types do.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Analysis>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let equal = self.inner == other.inner
            && self
                .text
                .original
                .bind(py)
                .as_any()
                .eq(other.text.original.bind(py))?;
        Ok(answer(py, equal))
    }

    #[classattr]
    #[allow(non_upper_case_globals)]
    const __hash__: Option<Py<PyAny>> = None;

    /// Pickles as its text and its analysis in JSON (for `multiprocessing`, whose workers
    /// send their results back pickled).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let state = serde_json::to_string(&*this.inner)
            .map_err(|e| PyValueError::new_err(format!("cannot pickle the analysis: {e}")))?;
        let restore = slf.get_type().getattr("_restore")?;
        (restore, (this.text.original.clone_ref(py), state)).into_pyobject(py)
    }

    /// The Analysis `__reduce__` made of `text` and `state`.
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        text: &Bound<'_, PyAny>,
        state: PyBackedStr,
    ) -> PyResult<Analysis> {
        let inner: wordmill::Analysis = serde_json::from_str(&state)
            .map_err(|e| PyValueError::new_err(format!("not a pickled Analysis: {e}")))?;
        let text = Text::extract(text)?;
        let fits = inner
            .tokens
            .iter()
            .map(|t| t.span)
            .chain(inner.spans.iter().map(|s| s.span))
            .all(|span| text.get(span.start()..span.end()).is_some());
        if !fits {
            return Err(PyValueError::new_err(
                "not a pickled Analysis: its offsets do not fit its text",
            ));
        }
        Ok(Analysis::new(inner, text))
    }

    fn __repr__(&self) -> String {
        format!(
            "Analysis(lang='{}', script={}, confidence={:.3}, token_count={}, terms={})",
            self.lang(),
            self.script().map_or("None".into(), |s| format!("'{s}'")),
            self.confidence(),
            self.token_count(),
            self.inner.terms.len()
        )
    }
}

/// A token of the text: where it is (code point offsets: `text[start:end] == token.text`),
/// its kind ("word", "number", "url", "email", "hashtag", "mention", "emoji") and the term
/// it became (None from Tokenizer.tokenize without a normalizer). Equal to a Token of the
/// same values (and hashable).
#[pyclass(frozen, module = "wordmill", get_all)]
pub struct Token {
    pub text: Py<PyString>,
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub term: Option<Py<PyString>>,
}

#[pymethods]
impl Token {
    /// Equal to a Token of the same text, offsets, kind and term; anything else is left to
    /// compare itself (`NotImplemented`).
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Token>() else {
            return Ok(py.NotImplemented());
        };
        let equal = self.key(py)?.eq(other.get().key(py)?)?;
        Ok(answer(py, equal))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.key(py)?.hash()
    }

    /// Pickles as its fields.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let restore = slf.get_type().getattr("_restore")?;
        (restore, slf.get().key(py)?).into_pyobject(py)
    }

    /// The Token `__reduce__` made of its fields.
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        text: Bound<'_, PyString>,
        start: usize,
        end: usize,
        kind: &str,
        term: Option<Bound<'_, PyString>>,
    ) -> PyResult<Token> {
        let kind = crate::options::kind_named(kind)
            .ok_or_else(|| PyValueError::new_err(format!("not a token kind: {kind:?}")))?;
        if start > end {
            return Err(PyValueError::new_err(
                "not a pickled Token: it ends before it starts",
            ));
        }
        Ok(Token {
            text: text.unbind(),
            start,
            end,
            kind,
            term: term.map(Bound::unbind),
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let term = match &self.term {
            Some(term) => term.bind(py).repr()?.to_string(),
            None => "None".into(),
        };
        Ok(format!(
            "Token(text={}, start={}, end={}, kind='{}', term={term})",
            self.text.bind(py).repr()?,
            self.start,
            self.end,
            self.kind
        ))
    }
}

impl Token {
    /// What equality and hashing compare: every field, as a Python tuple.
    fn key<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let term = self.term.as_ref().map(|t| t.clone_ref(py));
        (
            self.text.clone_ref(py),
            self.start,
            self.end,
            self.kind,
            term,
        )
            .into_pyobject(py)
    }
}

/// A stretch of text in one language and script, in code point offsets. Equal to a Span of
/// the same values (and hashable).
#[pyclass(frozen, module = "wordmill", get_all, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub lang: &'static str,
    pub script: Option<&'static str>,
}

#[pymethods]
impl Span {
    /// Pickles as its fields.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let restore = slf.get_type().getattr("_restore")?;
        (restore, (this.start, this.end, this.lang, this.script)).into_pyobject(py)
    }

    /// The Span `__reduce__` made of its fields.
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        start: usize,
        end: usize,
        lang: &str,
        script: Option<&str>,
    ) -> PyResult<Span> {
        if start > end {
            return Err(PyValueError::new_err(
                "not a pickled Span: it ends before it starts",
            ));
        }
        Ok(Span {
            start,
            end,
            lang: crate::options::lang(lang)?.code(),
            script: crate::options::script_named(script)?,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Span(start={}, end={}, lang='{}', script={})",
            self.start,
            self.end,
            self.lang,
            self.script.map_or("None".into(), |s| format!("'{s}'"))
        )
    }
}

pub(crate) fn terms_dict<'py>(py: Python<'py>, terms: &TermCounts) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (term, count) in terms.iter() {
        dict.set_item(term, count)?;
    }
    Ok(dict)
}

/// A document's terms and how often each occurs, in order of first occurrence: a read-only
/// mapping (registered as a `collections.abc.Mapping`), like a `collections.Counter`. Equal
/// to another Terms or a mapping with the same terms and counts, in whatever order.
///
/// >>> import wordmill
/// >>> terms = wordmill.Pipeline().analyze("Muscat is the capital of Oman, and Muscat is on the coast.").terms
/// >>> terms["muscat"], "oman" in terms, terms.get("the", 0), len(terms), terms.total()
/// (2, True, 0, 4, 5)
/// >>> terms.most_common(1)
/// [('muscat', 2)]
#[pyclass(frozen, module = "wordmill", mapping)]
pub struct Terms {
    analysis: Arc<wordmill::Analysis>,
}

impl Terms {
    pub fn counts(&self) -> &TermCounts {
        &self.analysis.terms
    }

    fn count_of(&self, key: &Bound<'_, PyAny>) -> u32 {
        key.extract::<PyBackedStr>()
            .map_or(0, |term| self.counts().count(&term))
    }
}

#[pymethods]
impl Terms {
    fn __len__(&self) -> usize {
        self.counts().len()
    }

    fn __getitem__(&self, key: &Bound<'_, PyAny>) -> PyResult<u32> {
        match self.count_of(key) {
            0 => Err(PyKeyError::new_err(key.clone().unbind())),
            count => Ok(count),
        }
    }

    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        self.count_of(key) > 0
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.keys(py)?.into_any().try_iter().map(Bound::into_any)
    }

    /// The count of `term`, or `default` when the document lacks it.
    #[pyo3(signature = (term, default = None))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        term: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match self.count_of(term) {
            0 => Ok(default.unwrap_or_else(|| py.None().into_bound(py))),
            count => Ok(count.into_pyobject(py)?.into_any()),
        }
    }

    /// The terms, in order of first occurrence.
    fn keys<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.counts().iter().map(|(term, _)| term))
    }

    /// The counts, in the order of keys().
    fn values<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.counts().iter().map(|(_, count)| count))
    }

    /// (term, count) pairs, in order of first occurrence.
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.counts().iter())
    }

    /// The number of terms counted: the document's length (bigrams included).
    fn total(&self) -> u64 {
        self.counts().total()
    }

    /// The `n` most frequent terms with their counts, ties alphabetically; all with n=None.
    /// ValueError for a negative n.
    #[pyo3(signature = (n = None))]
    fn most_common<'py>(&self, py: Python<'py>, n: Option<Int>) -> PyResult<Bound<'py, PyList>> {
        let n = match n {
            Some(n) => n.to_limit("n")?,
            None => usize::MAX,
        };
        PyList::new(py, self.counts().top(n))
    }

    /// A dict of the terms and their counts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        terms_dict(py, self.counts())
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(other) = other.cast::<Terms>() {
            // As mappings: the same terms with the same counts, in any order.
            let (mine, theirs) = (self.counts(), other.get().counts());
            return Ok(mine.len() == theirs.len()
                && mine.iter().all(|(term, count)| theirs.count(term) == count));
        }
        self.to_dict(py)?.eq(other)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Terms({})", self.to_dict(py)?.repr()?))
    }

    /// Pickles as its terms and counts in JSON, in order (read back by the library, which
    /// refuses a term twice or a count of 0).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let state = serde_json::to_string(slf.get().counts())
            .map_err(|e| PyValueError::new_err(format!("cannot pickle the terms: {e}")))?;
        let restore = slf.get_type().getattr("_restore")?;
        (restore, (state,)).into_pyobject(py)
    }

    /// The Terms `__reduce__` made of `state`.
    #[classmethod]
    fn _restore(_cls: &Bound<'_, PyType>, state: PyBackedStr) -> PyResult<Terms> {
        let terms: TermCounts = serde_json::from_str(&state)
            .map_err(|e| PyValueError::new_err(format!("not pickled Terms: {e}")))?;
        let analysis = wordmill::Analysis {
            terms,
            ..wordmill::Analysis::default()
        };
        Ok(Terms {
            analysis: Arc::new(analysis),
        })
    }
}

/// The analyses of many documents, in input order, and their corpus statistics. A sequence
/// of Analysis: `len(batch)`, `batch[0]`, `batch[-1]`, `for doc in batch`; a slice such as
/// `batch[10:20]` is a list of Analysis.
///
/// >>> import wordmill
/// >>> batch = wordmill.Pipeline().analyze_batch(["The talks in Muscat went well.", "محادثات مسقط"])
/// >>> [doc.lang for doc in batch], batch.stats.documents
/// (['eng', 'ara'], 2)
#[pyclass(frozen, module = "wordmill", sequence)]
pub struct BatchAnalysis {
    /// The analyses, in input order.
    pub documents: Py<PyList>,
    /// Statistics of all the documents, unless `analyze_batch` was asked for none
    /// (`stats=False`).
    pub stats: Option<Py<CorpusStats>>,
}

#[pymethods]
impl BatchAnalysis {
    /// Statistics of all the documents: a CorpusStats. An AttributeError when analyze_batch
    /// was called with stats=False, which counts none (so `getattr(batch, "stats", None)`
    /// is None then).
    #[getter]
    fn stats(&self, py: Python<'_>) -> PyResult<Py<CorpusStats>> {
        match &self.stats {
            Some(stats) => Ok(stats.clone_ref(py)),
            None => Err(PyAttributeError::new_err(
                "no corpus statistics: analyze_batch was called with stats=False",
            )),
        }
    }

    /// The analyses, in input order: a new list each time (changing it changes nothing
    /// in the batch).
    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.documents.bind(py).iter())
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.documents.bind(py).len()
    }

    /// The position of the first analysis equal to `value` (from `start`, before `stop`),
    /// as list.index: ValueError when there is none.
    #[pyo3(signature = (value, start = 0, stop = None))]
    fn index<'py>(
        &self,
        py: Python<'py>,
        value: &Bound<'py, PyAny>,
        start: isize,
        stop: Option<isize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let stop = stop.unwrap_or(isize::MAX);
        self.documents
            .bind(py)
            .call_method1("index", (value, start, stop))
    }

    /// How many analyses are equal to `value`.
    fn count(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        self.documents
            .bind(py)
            .as_any()
            .call_method1("count", (value,))?
            .extract()
    }

    /// `batch[i]`, an Analysis (negative `i` counting from the end), or `batch[i:j:k]`, a
    /// list of Analysis.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let documents = self.documents.bind(py);
        if index.is_instance_of::<PySlice>() {
            // The list's own slicing: a new list of the same Analysis objects.
            return documents.as_any().get_item(index);
        }
        let out_of_range = || PyIndexError::new_err("document index out of range");
        let index = match index.extract::<isize>() {
            Ok(index) => index,
            Err(e) if e.is_instance_of::<PyOverflowError>(py) => return Err(out_of_range()),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "BatchAnalysis indices must be integers or slices, not {}",
                    index.get_type().name()?
                )));
            }
        };
        let len = documents.len() as isize;
        let at = if index < 0 { index + len } else { index };
        if !(0..len).contains(&at) {
            return Err(out_of_range());
        }
        documents.get_item(at as usize).map(Bound::into_any)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.documents
            .bind(py)
            .as_any()
            .try_iter()
            .map(Bound::into_any)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("BatchAnalysis(documents={})", self.__len__(py))
    }

    /// Equal to a BatchAnalysis of equal analyses, in the same order, and equal statistics
    /// (or none in both); unhashable, as Analysis is. Anything else is left to compare itself
    /// (`NotImplemented`).
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<BatchAnalysis>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let stats_equal = match (&self.stats, &other.stats) {
            (Some(mine), Some(theirs)) => mine.bind(py).as_any().eq(theirs.bind(py))?,
            (None, None) => true,
            _ => false,
        };
        let equal = stats_equal
            && self
                .documents
                .bind(py)
                .as_any()
                .eq(other.documents.bind(py))?;
        Ok(answer(py, equal))
    }

    #[classattr]
    #[allow(non_upper_case_globals)]
    const __hash__: Option<Py<PyAny>> = None;

    /// Pickles as its list of analyses and its statistics (or None), each of which pickles
    /// itself: a worker of `multiprocessing` or `concurrent.futures` can return a batch.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let restore = slf.get_type().getattr("_restore")?;
        // Its own list: `_restore` copies what it is given.
        let documents = this.documents.clone_ref(py);
        let stats = this.stats.as_ref().map(|stats| stats.clone_ref(py));
        (restore, (documents, stats)).into_pyobject(py)
    }

    /// The BatchAnalysis `__reduce__` made of `documents` (a list of Analysis) and `stats`
    /// (a CorpusStats or None); a TypeError for anything else.
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        documents: &Bound<'_, PyList>,
        stats: Option<Bound<'_, CorpusStats>>,
    ) -> PyResult<BatchAnalysis> {
        if let Some(other) = documents
            .iter()
            .find(|doc| !doc.is_instance_of::<Analysis>())
        {
            return Err(PyTypeError::new_err(format!(
                "not a pickled BatchAnalysis: its documents must be Analysis, not {}",
                other.get_type().name()?
            )));
        }
        let py = documents.py();
        Ok(BatchAnalysis {
            // A list of its own: the caller's list may change after.
            documents: PyList::new(py, documents.iter())?.unbind(),
            stats: stats.map(Bound::unbind),
        })
    }
}

/// The answer of an `__eq__` that compared: Python's `True` or `False` (one that could not
/// compare answers `NotImplemented`).
fn answer(py: Python<'_>, equal: bool) -> Py<PyAny> {
    PyBool::new(py, equal).to_owned().into_any().unbind()
}
