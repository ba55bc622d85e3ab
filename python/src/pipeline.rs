//! `Pipeline`: the library's `Pipeline`, configured by keyword arguments as `PipelineBuilder`
//! is by methods.

use std::sync::Arc;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::analysis::{Analysis, BatchAnalysis};
use crate::options::Int;
use crate::pool::{run_in_chunks, run_parallel, thread_count};
use crate::stages::{Detector, Normalizer, RELEASE_GIL_BYTES, Tokenizer};
use crate::stats::CorpusStats;
use crate::text::Text;
use crate::{Arguments, argument, options};

/// Turns documents into analysed terms: language detection, tokenization, normalization,
/// stop words, stemming and counting. Share one pipeline across threads: analysis releases
/// the GIL.
///
/// >>> import wordmill
/// >>> pipeline = wordmill.Pipeline(languages=["eng", "ara"], stem=True, stopwords=True)
/// >>> doc = pipeline.analyze("Oman’s foreign minister met his Russian counterpart in Muscat.")
/// >>> doc.lang, doc.terms["oman"], "the" in doc.terms
/// ('eng', 1, False)
/// >>> batch = pipeline.analyze_batch(["The talks in Muscat went well.", "محادثات مسقط"], threads=2)
/// >>> [d.lang for d in batch], batch.stats.documents
/// (['eng', 'ara'], 2)
#[pyclass(frozen, module = "wordmill")]
pub struct Pipeline {
    pub inner: Arc<wordmill::Pipeline>,
    /// The same pipeline without tokens, for analyze_arrow, whose rows have none: keeping
    /// them cost 5 to 10% of its time. (Its terms are memoized per thread apart from
    /// `inner`'s.) `inner` itself when that keeps no tokens either.
    counts_only: Arc<wordmill::Pipeline>,
    arguments: Arguments,
}

#[pymethods]
impl Pipeline {
    /// Options mirror wordmill's PipelineBuilder:
    ///
    /// - languages: only these languages can be detected (ISO 639-3 codes such as "eng";
    ///   ISO 639-1 "en" and tags such as "pt-BR" are read too; default, or an empty list:
    ///   all 129);
    /// - fallback_language: the language of text that stays undetermined (default: none);
    ///   empty text has none (its language stays "und");
    /// - normalize: "nfc", "nfkc", or a Normalizer for every option;
    /// - strip_diacritics: remove Latin accents (default: as the normalizer has it, off);
    /// - stem, stopwords: Snowball stemming and stop word removal in each span's language;
    /// - cjk: "auto", "characters", "bigrams" or "dictionary" (default: as the tokenizer has it,
    ///   "auto": bigrams for Han, kana and hangul, dictionary words for Thai, Lao, Khmer, Myanmar;
    ///   "characters" and "bigrams" make Thai, Lao, Khmer and Myanmar one token per letter with
    ///   its vowel signs and tone marks);
    /// - bigrams: also count word bigrams;
    /// - keep_tokens: keep every token with its offsets (False saves memory when only counts
    ///   matter);
    /// - detector, tokenizer: a Detector or Tokenizer for their other options (languages,
    ///   fallback_language and cjk apply on top of them).
    ///
    /// ValueError on an unknown language code, form or mode.
    #[new]
    #[pyo3(signature = (languages = None, *, fallback_language = None, normalize = None, strip_diacritics = None, stem = true, stopwords = true, cjk = None, bigrams = false, keep_tokens = true, detector = None, tokenizer = None))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments
    fn new(
        py: Python<'_>,
        languages: Option<&Bound<'_, PyAny>>,
        fallback_language: Option<String>,
        normalize: Option<&Bound<'_, PyAny>>,
        strip_diacritics: Option<bool>,
        stem: bool,
        stopwords: bool,
        cjk: Option<String>,
        bigrams: bool,
        keep_tokens: bool,
        detector: Option<Bound<'_, Detector>>,
        tokenizer: Option<Bound<'_, Tokenizer>>,
    ) -> PyResult<Pipeline> {
        let langs = languages.map(options::langs).transpose()?;
        let fallback = fallback_language
            .as_deref()
            .map(options::lang)
            .transpose()?;
        let arguments = Arguments::new(
            py,
            [
                argument(py, "languages", langs.as_deref().map(options::codes), None),
                argument(py, "fallback_language", fallback.map(|l| l.code()), None),
                (
                    "normalize",
                    normalize.cloned().into_bound_py_any(py),
                    normalize.is_none(),
                ),
                argument(py, "strip_diacritics", strip_diacritics, None),
                argument(py, "stem", stem, true),
                argument(py, "stopwords", stopwords, true),
                argument(py, "cjk", cjk.clone(), None),
                argument(py, "bigrams", bigrams, false),
                argument(py, "keep_tokens", keep_tokens, true),
                (
                    "detector",
                    detector.clone().into_bound_py_any(py),
                    detector.is_none(),
                ),
                (
                    "tokenizer",
                    tokenizer.clone().into_bound_py_any(py),
                    tokenizer.is_none(),
                ),
            ],
        )?;
        let mut builder = wordmill::Pipeline::builder()
            .stemming(stem)
            .remove_stopwords(stopwords)
            .bigrams(bigrams)
            .keep_tokens(keep_tokens);
        if let Some(detector) = &detector {
            builder = builder.detector(detector.get().inner.clone());
        }
        if let Some(langs) = langs {
            builder = builder.languages(langs);
        }
        if let Some(lang) = fallback {
            builder = builder.fallback_language(lang);
        }
        let mut tokens = tokenizer
            .as_ref()
            .map(|t| t.get().inner.clone())
            .unwrap_or_default();
        if let Some(mode) = &cjk {
            tokens = tokens.cjk(options::cjk_mode(mode)?);
        }
        builder = builder.tokenizer(tokens);
        let mut normalizer = match normalize {
            None => wordmill::normalize::Normalizer::new(),
            Some(n) => match n.cast::<Normalizer>() {
                Ok(n) => n.get().inner.clone(),
                Err(_) => wordmill::normalize::Normalizer::new()
                    .unicode_form(options::unicode_form(&n.extract::<String>()?)?),
            },
        };
        if let Some(on) = strip_diacritics {
            normalizer = normalizer.strip_diacritics(on);
        }
        builder = builder.normalizer(normalizer);
        let inner = Arc::new(builder.clone().build());
        let counts_only = if keep_tokens {
            Arc::new(builder.keep_tokens(false).build())
        } else {
            Arc::clone(&inner)
        };
        Ok(Pipeline {
            inner,
            counts_only,
            arguments,
        })
    }

    /// Pickles as the arguments it was made with.
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        self.arguments.new_args(py)
    }

    /// Analyses one document (any str; empty text gives an empty analysis with lang "und").
    /// With `lang` (a language code), the text is analysed in that language without
    /// detection: for a search query (a word or two are too few to detect) or a document
    /// whose source gives its language; `lang="und"` (unknown) detects, as None does and as
    /// the batch tool reads an `und` in its language field. Texts of 1 KiB or more are
    /// analysed with the GIL released.
    #[pyo3(signature = (text, lang = None))]
    fn analyze(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        lang: Option<&str>,
    ) -> PyResult<Analysis> {
        // "und" is no language to analyse in (no stop words, no stemmer): unknown, detected.
        let lang = lang
            .map(options::lang)
            .transpose()?
            .filter(|l| !l.is_undetermined());
        let text = Text::extract(text)?;
        let run = || match lang {
            Some(lang) => self.inner.analyze_as(&text, lang),
            None => self.inner.analyze(&text),
        };
        let analysis = if text.len() >= RELEASE_GIL_BYTES {
            py.detach(run)
        } else {
            run()
        };
        Ok(Analysis::new(analysis, text))
    }

    /// Analyses documents (an iterable of str, such as a list: one str alone is a TypeError)
    /// in parallel with the GIL released, on `threads` threads (default: one per core; at
    /// most MAX_THREADS), and returns their analyses in input order with their corpus
    /// statistics. The result does not depend on the number of threads.
    /// With `stats=False` the statistics are not counted (reading `.stats` is then an
    /// AttributeError): counting them costs about a fifth of the call on one thread, which
    /// callers that need only the analyses save.
    /// Ctrl-C stops a long batch: the documents are analysed in chunks (of up to 2 MiB of
    /// text and 4,096 documents per thread) and Python's signal handlers run between them, so
    /// KeyboardInterrupt is raised within a chunk's time (a fraction of a second on news
    /// text) and nothing is returned.
    #[pyo3(signature = (texts, threads = None, stats = true))]
    fn analyze_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<Int>,
        stats: bool,
    ) -> PyResult<BatchAnalysis> {
        let threads = thread_count(threads.as_ref())?;
        let texts = Text::extract_all(texts)?;
        let mut analyses = Vec::with_capacity(texts.len());
        let mut counting = stats.then(crate::stats::Counting::default);
        let size = |i: usize| texts[i].len();
        run_in_chunks(py, threads, texts.len(), size, |chunk| {
            let done = self.inner.analyze_all(&texts[chunk]);
            if let Some(counting) = &mut counting {
                counting.add(&done);
            }
            analyses.extend(done);
        })?;
        let counted = match counting {
            Some(counting) => Some(run_parallel(py, threads, || counting.finish())?),
            None => None,
        };
        let documents = PyList::empty(py);
        for (analysis, text) in analyses.into_iter().zip(texts) {
            documents.append(Analysis::new(analysis, text))?;
        }
        Ok(BatchAnalysis {
            documents: documents.unbind(),
            stats: counted
                .map(|counted| Py::new(py, CorpusStats::new(counted)))
                .transpose()?,
        })
    }

    /// Analyses a column of text without copying it: a pyarrow StringArray, LargeStringArray
    /// or StringViewArray (or a NullArray: a column of nulls only, as pandas exports
    /// `[None, None]`), a ChunkedArray of them, or any object with the Arrow PyCapsule
    /// interface (`__arrow_c_array__` or `__arrow_c_stream__`: Polars, DuckDB, nanoarrow).
    /// Returns a pyarrow RecordBatch of one row per input row:
    ///
    /// - lang (string), script (string, null without letters), confidence (float64),
    ///   reliable (bool), token_count (int64), term_count (int64: distinct terms);
    /// - terms: list<struct<term: string, count: int64>>, every term in order of first
    ///   occurrence, or with top=k the k most frequent (ties alphabetically).
    ///
    /// A null text gives a row of nulls; an empty array or slice, an empty RecordBatch.
    /// With `stats`, a CorpusStats, the documents' statistics are added to it once the call
    /// has succeeded: a call that fails (or is interrupted) leaves it as it was. Meanwhile
    /// other threads may read it and add to it (calls on several threads may add to the same
    /// statistics, and code that an add() to it runs, reading a mapping, may call this).
    /// Runs in parallel
    /// with the GIL released, in chunks that Ctrl-C interrupts, as analyze_batch (`threads`:
    /// from 1 to MAX_THREADS, or None for one per core). ValueError for Arrow data that does
    /// not hold what its schema says, or whose capsules were already consumed.
    #[pyo3(signature = (array, threads = None, stats = None, top = None))]
    fn analyze_arrow<'py>(
        &self,
        py: Python<'py>,
        array: &Bound<'py, PyAny>,
        threads: Option<Int>,
        stats: Option<Bound<'py, CorpusStats>>,
        top: Option<Int>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let threads = thread_count(threads.as_ref())?;
        let top = top.map(|k| k.to_limit("top")).transpose()?;
        crate::arrow::analyze(py, &self.counts_only, array, threads, stats, top)
    }

    /// The call that makes the pipeline again: `Pipeline()` with the arguments that are not
    /// the defaults, `Pipeline(fallback_language='deu', tokenizer=Tokenizer(urls=True))`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.arguments.repr(py, "Pipeline")
    }
}
