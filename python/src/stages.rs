//! The stages alone: `Detector`, `Tokenizer` and `Normalizer`, each a thin wrapper of the
//! library's type of the same name, configured by keyword arguments.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};
use wordmill::Lang;
use wordmill::detect;
use wordmill::normalize;
use wordmill::tokenize;

use crate::analysis::{Span, Token, substring};
use crate::offsets::CharOffsets;
use crate::options::{self, Int, kind_name, script_name};
use crate::text::Text;
use crate::{Arguments, argument, value_error};

/// Texts at least this long are analysed with the GIL released. Shorter ones take less time
/// than handing the GIL to another thread and taking it back.
pub(crate) const RELEASE_GIL_BYTES: usize = 1024;

/// Detects the language of a text, or of each part of a mixed text.
///
/// >>> import wordmill
/// >>> wordmill.Detector().detect("Regjeringen har ikke offentliggjort noen plan.").lang
/// 'nob'
/// >>> wordmill.Detector(languages=["eng", "ara"]).detect("Die Minister trafen sich.").lang
/// 'eng'
#[pyclass(frozen, module = "wordmill")]
pub struct Detector {
    pub inner: detect::Detector,
    arguments: Arguments,
}

#[pymethods]
impl Detector {
    /// languages: only these languages can be detected (codes as Pipeline reads them;
    /// default, or an empty list: all);
    /// min_letters: texts with fewer letters are "und" (default 3, at least 1); min_confidence:
    /// answers less sure are "und" (0 to 1; default 0.1, 0 with whatlang_only); fallback: the language to
    /// report instead of "und" (but for empty text, which has no language);
    /// sample_bytes: the most bytes of a run of text that identification reads (default
    /// 1024); whatlang_only: plain whatlang on the whole text, as a baseline.
    #[new]
    #[pyo3(signature = (languages = None, *, min_letters = None, min_confidence = None, fallback = None, sample_bytes = None, whatlang_only = false))]
    fn new(
        py: Python<'_>,
        languages: Option<&Bound<'_, PyAny>>,
        min_letters: Option<Int>,
        min_confidence: Option<f64>,
        fallback: Option<String>,
        sample_bytes: Option<Int>,
        whatlang_only: bool,
    ) -> PyResult<Detector> {
        let languages = languages.map(options::langs).transpose()?;
        // As the detector takes them, so that the repr says what it does: fewer than one
        // letter is one, a fallback's code is its ISO 639-3 one.
        let min_letters = min_letters
            .map(|n| n.to_count("min_letters").map(|n| n.max(1)))
            .transpose()?;
        let min_confidence = min_confidence.map(options::confidence).transpose()?;
        let fallback = fallback.as_deref().map(options::lang).transpose()?;
        let sample_bytes = sample_bytes
            .map(|n| n.to_count("sample_bytes"))
            .transpose()?;
        let arguments = Arguments::new(
            py,
            [
                argument(
                    py,
                    "languages",
                    languages.as_ref().map(|l| options::codes(l)),
                    None,
                ),
                argument(py, "min_letters", min_letters, None),
                argument(py, "min_confidence", min_confidence, None),
                argument(py, "fallback", fallback.map(|l| l.code()), None),
                argument(py, "sample_bytes", sample_bytes, None),
                argument(py, "whatlang_only", whatlang_only, false),
            ],
        )?;
        let mut inner = if whatlang_only {
            detect::Detector::whatlang_only()
        } else {
            detect::Detector::new()
        };
        if let Some(languages) = languages {
            inner = inner.allowlist(languages);
        }
        if let Some(n) = min_letters {
            inner = inner.min_letters(n);
        }
        if let Some(confidence) = min_confidence {
            inner = inner.min_confidence(confidence).map_err(value_error)?;
        }
        if let Some(lang) = fallback {
            inner = inner.fallback(lang);
        }
        if let Some(bytes) = sample_bytes {
            inner = inner.sample_bytes(bytes).map_err(value_error)?;
        }
        Ok(Detector { inner, arguments })
    }

    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        self.arguments.new_args(py)
    }

    /// The language of `text` as a whole (the language of most of its bytes, among the
    /// parts told surely unless those hold less than a ninth of its letters).
    fn detect(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Detection> {
        let text = Text::extract(text)?;
        let found = if text.len() >= RELEASE_GIL_BYTES {
            py.detach(|| self.inner.detect(&text))
        } else {
            self.inner.detect(&text)
        };
        Ok(Detection::from(found))
    }

    /// The language of the text as a whole and of each of its spans (code point offsets):
    /// a (Detection, list of Span) pair.
    fn detect_spans<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let text = Text::extract(text)?;
        let (found, spans) = if text.len() >= RELEASE_GIL_BYTES {
            py.detach(|| self.inner.detect_spans(&text))
        } else {
            self.inner.detect_spans(&text)
        };
        let mut offsets = CharOffsets::new(&text);
        let spans = spans
            .iter()
            .map(|s| Span {
                start: offsets.char_offset(s.span.start()),
                end: offsets.char_offset(s.span.end()),
                lang: s.lang.code(),
                script: script_name(s.script),
            })
            .map(|span| Py::new(py, span))
            .collect::<PyResult<Vec<_>>>()?;
        (Detection::from(found), PyList::new(py, spans)?).into_pyobject(py)
    }

    /// The call that makes the detector again, with the arguments that are not the defaults:
    /// `Detector(languages=['eng', 'ara'], min_letters=40)`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.arguments.repr(py, "Detector")
    }
}

/// What detection found out about a text: lang (ISO 639-3, "und" when undetermined), script
/// (None without letters), confidence (0 to 1) and reliable. Equal to a Detection of the
/// same values (and hashable).
#[pyclass(frozen, module = "wordmill", get_all, eq, hash)]
pub struct Detection {
    pub lang: &'static str,
    pub script: Option<&'static str>,
    pub confidence: f64,
    pub reliable: bool,
}

impl Detection {
    /// What equality and hashing compare: the confidence by its bits (a confidence is never
    /// NaN, so equal values have equal bits; detection never gives -0.0).
    fn key(&self) -> (&'static str, Option<&'static str>, u64, bool) {
        (
            self.lang,
            self.script,
            self.confidence.to_bits(),
            self.reliable,
        )
    }
}

impl PartialEq for Detection {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Detection {}

impl std::hash::Hash for Detection {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl From<detect::Detection> for Detection {
    fn from(found: detect::Detection) -> Self {
        Detection {
            lang: found.lang.code(),
            script: script_name(found.script),
            confidence: found.confidence,
            reliable: found.reliable,
        }
    }
}

#[pymethods]
impl Detection {
    /// Pickles as its fields.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let restore = slf.get_type().getattr("_restore")?;
        let fields = (this.lang, this.script, this.confidence, this.reliable);
        (restore, fields).into_pyobject(py)
    }

    /// The Detection `__reduce__` made of its fields.
    #[classmethod]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        lang: &str,
        script: Option<&str>,
        confidence: f64,
        reliable: bool,
    ) -> PyResult<Detection> {
        if !(0.0..=1.0).contains(&confidence) {
            return Err(PyValueError::new_err(
                "not a pickled Detection: a confidence is from 0 to 1",
            ));
        }
        Ok(Detection {
            lang: options::lang(lang)?.code(),
            script: options::script_named(script)?,
            confidence,
            reliable,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "Detection(lang='{}', script={}, confidence={:?}, reliable={})",
            self.lang,
            self.script.map_or("None".into(), |s| format!("'{s}'")),
            self.confidence,
            if self.reliable { "True" } else { "False" }
        )
    }
}

/// Splits text into tokens at Unicode word boundaries (UAX #29).
///
/// >>> import wordmill
/// >>> [t.text for t in wordmill.Tokenizer().tokenize("Oman’s GDP grew 3.5% in 2024.")]
/// ['Oman’s', 'GDP', 'grew', '3.5', 'in', '2024']
/// >>> [t.text for t in wordmill.Tokenizer(cjk="bigrams").tokenize("東京都")]
/// ['東京', '京都']
#[pyclass(frozen, module = "wordmill")]
pub struct Tokenizer {
    pub inner: tokenize::Tokenizer,
    arguments: Arguments,
}

#[pymethods]
impl Tokenizer {
    /// cjk: "auto" (bigrams for Han, kana and hangul; dictionary words for Thai, Lao, Khmer and
    /// Myanmar), "characters" (UAX #29: one token per ideograph, and per letter of Thai, Lao,
    /// Khmer and Myanmar with its vowel signs and tone marks), "bigrams" (overlapping pairs of
    /// Han, kana and hangul; Thai, Lao, Khmer and Myanmar as with "characters") or
    /// "dictionary" (ICU4X word segmentation); urls, emails, hashtags, mentions, emoji: also
    /// recognize those as tokens of their own kind.
    #[new]
    #[pyo3(
        signature = (*, cjk = String::from("auto"), urls = false, emails = false, hashtags = false, mentions = false, emoji = false),
        text_signature = "(*, cjk='auto', urls=False, emails=False, hashtags=False, mentions=False, emoji=False)"
    )]
    fn new(
        py: Python<'_>,
        cjk: String,
        urls: bool,
        emails: bool,
        hashtags: bool,
        mentions: bool,
        emoji: bool,
    ) -> PyResult<Tokenizer> {
        let arguments = Arguments::new(
            py,
            [
                argument(py, "cjk", cjk.as_str(), "auto"),
                argument(py, "urls", urls, false),
                argument(py, "emails", emails, false),
                argument(py, "hashtags", hashtags, false),
                argument(py, "mentions", mentions, false),
                argument(py, "emoji", emoji, false),
            ],
        )?;
        let inner = tokenize::Tokenizer::new()
            .cjk(options::cjk_mode(&cjk)?)
            .urls(urls)
            .emails(emails)
            .hashtags(hashtags)
            .mentions(mentions)
            .emoji(emoji);
        Ok(Tokenizer { inner, arguments })
    }

    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        self.arguments.new_args(py)
    }

    /// The tokens of `text`, in order, with code point offsets. With a normalizer, each
    /// token's term is its normalized form (in language `lang`); without, it is None.
    #[pyo3(
        signature = (text, normalizer = None, lang = String::from("und")),
        text_signature = "($self, text, normalizer=None, lang='und')"
    )]
    fn tokenize<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        normalizer: Option<&Normalizer>,
        lang: String,
    ) -> PyResult<Bound<'py, PyList>> {
        // Checked with or without a normalizer: a bad code is an error either way.
        let lang = options::lang(&lang)?;
        let text = Text::extract(text)?;
        let original = text.original.bind(py);
        let mut offsets = CharOffsets::new(&text);
        let tokens = PyList::empty(py);
        let mut push = |token: tokenize::Token<'_>, term: Option<&str>| -> PyResult<()> {
            let start = offsets.char_offset(token.span.start());
            let end = offsets.char_offset(token.span.end());
            let token = Token {
                // From the original string: the same as the token's text, also where lone
                // surrogates were read as `?`.
                text: substring(original, start, end)?.unbind(),
                start,
                end,
                kind: kind_name(token.kind),
                term: term.map(|t| PyString::new(py, t).unbind()),
            };
            tokens.append(Py::new(py, token)?)
        };
        let mut result = Ok(());
        match normalizer {
            Some(normalizer) => {
                self.inner
                    .for_each_normalized(&text, &normalizer.inner, lang, |token, term| {
                        if result.is_ok() {
                            result = push(token, Some(term));
                        }
                    });
            }
            None => {
                for token in self.inner.tokens(&text) {
                    push(token, None)?;
                }
            }
        }
        result?;
        Ok(tokens)
    }

    /// The call that makes the tokenizer again, with the arguments that are not the
    /// defaults: `Tokenizer(urls=True)`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.arguments.repr(py, "Tokenizer")
    }
}

/// Normalizes tokens into terms: Unicode NFC or NFKC, case folding, punctuation, width and
/// digit folding, script rules, optional diacritic removal.
///
/// >>> import wordmill
/// >>> n = wordmill.Normalizer()
/// >>> n.normalize("Oman’s"), n.normalize("عُمان"), n.normalize("İstanbul", lang="tur")
/// ("oman's", 'عمان', 'istanbul')
/// >>> wordmill.Normalizer(form="nfkc", strip_diacritics=True).normalize("Café ﬁnance")
/// 'cafe finance'
#[pyclass(frozen, module = "wordmill")]
pub struct Normalizer {
    pub inner: normalize::Normalizer,
    arguments: Arguments,
}

#[pymethods]
impl Normalizer {
    /// form: "nfc" or "nfkc"; the other options switch the steps on and off (defaults as in
    /// the library: all on but teh_marbuta, russian_yo and strip_diacritics).
    #[new]
    #[pyo3(
        signature = (form = String::from("nfc"), *, case_fold = true, fold_punctuation = true, fold_width = true, fold_digits = true, language_rules = true, teh_marbuta = false, russian_yo = false, strip_diacritics = false),
        text_signature = "(form='nfc', *, case_fold=True, fold_punctuation=True, fold_width=True, fold_digits=True, language_rules=True, teh_marbuta=False, russian_yo=False, strip_diacritics=False)"
    )]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments
    fn new(
        py: Python<'_>,
        form: String,
        case_fold: bool,
        fold_punctuation: bool,
        fold_width: bool,
        fold_digits: bool,
        language_rules: bool,
        teh_marbuta: bool,
        russian_yo: bool,
        strip_diacritics: bool,
    ) -> PyResult<Normalizer> {
        let arguments = Arguments::new(
            py,
            [
                argument(py, "form", form.as_str(), "nfc"),
                argument(py, "case_fold", case_fold, true),
                argument(py, "fold_punctuation", fold_punctuation, true),
                argument(py, "fold_width", fold_width, true),
                argument(py, "fold_digits", fold_digits, true),
                argument(py, "language_rules", language_rules, true),
                argument(py, "teh_marbuta", teh_marbuta, false),
                argument(py, "russian_yo", russian_yo, false),
                argument(py, "strip_diacritics", strip_diacritics, false),
            ],
        )?;
        let inner = normalize::Normalizer::new()
            .unicode_form(options::unicode_form(&form)?)
            .case_fold(case_fold)
            .fold_punctuation(fold_punctuation)
            .fold_width(fold_width)
            .fold_digits(fold_digits)
            .language_rules(language_rules)
            .teh_marbuta(teh_marbuta)
            .russian_yo(russian_yo)
            .strip_diacritics(strip_diacritics);
        Ok(Normalizer { inner, arguments })
    }

    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        self.arguments.new_args(py)
    }

    /// The normalized form of `token` in language `lang` (ISO 639-3; "und" when unknown).
    /// Lone surrogates are read as `?`, as `analyze` and `tokenize` read them.
    #[pyo3(
        signature = (token, lang = String::from("und")),
        text_signature = "($self, token, lang='und')"
    )]
    fn normalize(&self, token: &Bound<'_, PyAny>, lang: String) -> PyResult<String> {
        let token = Text::extract(token)?;
        let lang: Lang = options::lang(&lang)?;
        Ok(self.inner.normalize(&token, lang).into_owned())
    }

    /// The call that makes the normalizer again, with the arguments that are not the
    /// defaults: `Normalizer(form='nfkc', strip_diacritics=True)`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.arguments.repr(py, "Normalizer")
    }
}

/// Every language wordmill detects: (ISO 639-3 code, English name) pairs.
#[pyfunction]
pub fn languages() -> Vec<(&'static str, &'static str)> {
    Lang::all().map(|l| (l.code(), l.english_name())).collect()
}
