//! Options given as Python strings, parsed into the library's types, and the library's names
//! back as strings. Each conversion is in one place, so a renamed variant is a one-line fix.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use wordmill::normalize::UnicodeForm;
use wordmill::tokenize::{CjkMode, TokenKind};
use wordmill::{Lang, Script};

use crate::value_error;

/// A language from its ISO 639-3 code (`"eng"`, `"und"`).
pub(crate) fn lang(code: &str) -> PyResult<Lang> {
    code.parse::<Lang>().map_err(value_error)
}

/// Languages from an iterable of codes.
pub(crate) fn langs(codes: &Bound<'_, PyAny>) -> PyResult<Vec<Lang>> {
    if codes.is_instance_of::<pyo3::types::PyString>() {
        return Err(PyValueError::new_err(
            "languages must be a list of ISO 639-3 codes such as [\"eng\", \"ara\"], not one string",
        ));
    }
    codes
        .try_iter()?
        .map(|code| lang(&code?.extract::<String>()?))
        .collect()
}

/// The codes of `langs`.
pub(crate) fn codes(langs: &[Lang]) -> Vec<&'static str> {
    langs.iter().map(|l| l.code()).collect()
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

/// A script's name, or `None`.
pub(crate) fn script_name(script: Option<Script>) -> Option<&'static str> {
    script.map(|s| s.name())
}
