//! Options given as Python strings, parsed into the library's types, and the library's names
//! back as strings. Each conversion is in one place, so a renamed variant is a one-line fix.

use std::fmt;

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt};
use wordmill::normalize::UnicodeForm;
use wordmill::tokenize::{CjkMode, TokenKind};
use wordmill::{Lang, Script};

use crate::value_error;

/// An integer argument as Python gave it, whatever its size. pyo3's own conversion to
/// `usize` raises OverflowError for a negative or huge int, where a bad option is a
/// ValueError naming it: `Int::to_usize` checks the range. Anything that is not an integer
/// (has no `__index__`), and a bool, is a TypeError.
pub(crate) enum Int {
    Fits(u64),
    /// Below zero, beyond `u64`: the value's digits, for the message.
    Negative(String),
    TooLarge(String),
}

impl FromPyObject<'_, '_> for Int {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Int> {
        let py = obj.py();
        // A bool is an int to Python, but `threads=True` is a mistake, as `stem=1` is.
        if obj.is_instance_of::<PyBool>() {
            return Err(PyTypeError::new_err(
                "expected an int, got a bool (True and False are no numbers here)",
            ));
        }
        // SAFETY: PyNumber_Index returns a new reference to an int, or NULL with an exception
        // set (a TypeError for an object without __index__).
        let int = unsafe {
            Bound::from_owned_ptr_or_err(py, pyo3::ffi::PyNumber_Index(obj.as_ptr()))?
                .cast_into::<PyInt>()?
        };
        if int.lt(0)? {
            return Ok(Int::Negative(int.str()?.to_string()));
        }
        match int.extract::<u64>() {
            Ok(value) => Ok(Int::Fits(value)),
            Err(e) if e.is_instance_of::<PyOverflowError>(py) => {
                Ok(Int::TooLarge(int.str()?.to_string()))
            }
            Err(e) => Err(e),
        }
    }
}

impl Int {
    /// The value, from `min` to `max`, or a ValueError that names the argument: "`name` must
    /// be at least `min`, got -1". `name` is formatted only for the error, so a name built
    /// with `format_args!` costs nothing when the value fits.
    pub fn to_usize(&self, name: impl fmt::Display, min: usize, max: usize) -> PyResult<usize> {
        let value = match self {
            Int::Fits(value) => usize::try_from(*value).ok(),
            _ => None,
        };
        match value {
            Some(value) if (min..=max).contains(&value) => Ok(value),
            _ if self.below(min) => Err(PyValueError::new_err(match min {
                0 => format!("{name} must not be negative, got {self}"),
                _ => format!("{name} must be at least {min}, got {self}"),
            })),
            _ => Err(PyValueError::new_err(format!(
                "{name} must be at most {max}, got {self}"
            ))),
        }
    }

    /// `to_usize` from 0 to `usize::MAX`: a count, a size.
    pub fn to_count(&self, name: &str) -> PyResult<usize> {
        self.to_usize(name, 0, usize::MAX)
    }

    /// A number of results to give, from 0: one beyond `usize::MAX` (`k=2**80`) asks for
    /// them all, as `usize::MAX` does.
    pub fn to_limit(&self, name: &str) -> PyResult<usize> {
        match self {
            Int::TooLarge(_) => Ok(usize::MAX),
            Int::Fits(value) => Ok(usize::try_from(*value).unwrap_or(usize::MAX)),
            Int::Negative(_) => self.to_count(name),
        }
    }

    /// True when the value is below `min`.
    pub fn below(&self, min: usize) -> bool {
        match self {
            Int::Fits(value) => u128::from(*value) < min as u128,
            Int::Negative(_) => true,
            Int::TooLarge(_) => false,
        }
    }
}

impl From<u64> for Int {
    fn from(value: u64) -> Int {
        Int::Fits(value)
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Fits(value) => write!(f, "{value}"),
            Int::Negative(digits) | Int::TooLarge(digits) => f.write_str(digits),
        }
    }
}

/// A language from its code: ISO 639-3 (`"eng"`, `"und"`), ISO 639-1 (`"en"`) or a BCP 47
/// tag (`"pt-BR"`), as `Lang::from_code` reads them.
pub(crate) fn lang(code: &str) -> PyResult<Lang> {
    code.parse::<Lang>().map_err(value_error)
}

/// Languages from an iterable of codes.
pub(crate) fn langs(codes: &Bound<'_, PyAny>) -> PyResult<Vec<Lang>> {
    if codes.is_instance_of::<pyo3::types::PyString>() {
        // A wrong type, as the README says such mistakes are (a str is an iterable of
        // one-letter "codes", which would be refused one by one, less clearly).
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "languages must be a list of language codes such as [\"eng\", \"ara\"], not one string",
        ));
    }
    codes
        .try_iter()?
        .map(|code| match lang(&code?.extract::<String>()?)? {
            // Ignored by the library, so ["und"] would allow every language: refused.
            und if und.is_undetermined() => Err(PyValueError::new_err(
                "\"und\" is not a language to allow: text that no allowed language fits is undetermined anyway; to analyse it as one language, set fallback_language",
            )),
            lang => Ok(lang),
        })
        .collect()
}

/// The codes of `langs`, each once, in the order given (a list of languages is a set).
pub(crate) fn codes(langs: &[Lang]) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::with_capacity(langs.len());
    for lang in langs {
        if !codes.contains(&lang.code()) {
            codes.push(lang.code());
        }
    }
    codes
}

/// A minimum confidence as the batch tool takes one: a number from 0 to 1.
pub(crate) fn confidence(value: f64) -> PyResult<f64> {
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(PyValueError::new_err(format!(
            "min_confidence must be a number from 0 to 1, got {value}"
        )))
    }
}

/// `"nfc"` or `"nfkc"`.
pub(crate) fn unicode_form(name: &str) -> PyResult<UnicodeForm> {
    match name.to_ascii_lowercase().as_str() {
        "nfc" => Ok(UnicodeForm::Nfc),
        "nfkc" => Ok(UnicodeForm::Nfkc),
        _ => Err(PyValueError::new_err(format!(
            "unknown normalization form {name:?}: expected \"nfc\" or \"nfkc\""
        ))),
    }
}

/// `"auto"`, `"characters"`, `"bigrams"` or (with the `icu` feature) `"dictionary"`, in any
/// case: the library's names and messages.
pub(crate) fn cjk_mode(name: &str) -> PyResult<CjkMode> {
    name.to_ascii_lowercase().parse().map_err(value_error)
}

/// The name of a token kind, as the library serializes it.
pub(crate) fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Url => "url",
        TokenKind::Email => "email",
        TokenKind::Hashtag => "hashtag",
        TokenKind::Mention => "mention",
        TokenKind::Emoji => "emoji",
        _ => "other",
    }
}

/// The kind [`kind_name`] names `name`, as that name.
pub(crate) fn kind_named(name: &str) -> Option<&'static str> {
    use TokenKind::*;
    [Word, Number, Url, Email, Hashtag, Mention, Emoji]
        .into_iter()
        .map(kind_name)
        .find(|kind| *kind == name)
}

/// The script of [`script_name`]'s `name`; a ValueError for no script of that name.
pub(crate) fn script_named(name: Option<&str>) -> PyResult<Option<&'static str>> {
    match name {
        None => Ok(None),
        Some(name) => Script::from_name(name)
            .map(|s| Some(s.name()))
            .ok_or_else(|| PyValueError::new_err(format!("not a script: {name:?}"))),
    }
}

/// A script's name, or `None`.
pub(crate) fn script_name(script: Option<Script>) -> Option<&'static str> {
    script.map(|s| s.name())
}
