//! Documents handed over from Python: the `str` itself, which token texts and offsets refer
//! to, and its UTF-8 form, which the library reads.

use std::ops::Deref;

use pyo3::exceptions::{PyTypeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyString};

/// A Python `str` and its UTF-8 bytes, kept alive together; readable without the GIL.
pub struct Text {
    /// The string as Python has it.
    pub original: Py<PyString>,
    utf8: Utf8,
}

enum Utf8 {
    /// The string's own UTF-8 (from Python 3.10 on) or a copy Python made of it.
    Backed(PyBackedStr),
    /// A string with lone surrogates (as `errors="surrogateescape"` decoding leaves them),
    /// which UTF-8 cannot hold: each is read as `?`, one code point for one, so that offsets
    /// still index the original string.
    Replaced(String),
}

impl Text {
    /// The text of `obj`, which must be a `str`.
    pub fn extract(obj: &Bound<'_, PyAny>) -> PyResult<Text> {
        let string = obj
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err(format!("expected a str, got {}", type_name(obj))))?;
        let utf8 = match PyBackedStr::try_from(string.clone()) {
            Ok(backed) => Utf8::Backed(backed),
            Err(e) if e.is_instance_of::<PyUnicodeEncodeError>(obj.py()) => {
                // `str.encode` itself, not a method a subclass of str may override.
                let encode = obj.py().get_type::<PyString>().getattr("encode")?;
                let bytes = encode.call1((string, "utf-8", "replace"))?;
                let bytes = bytes.cast::<PyBytes>()?.as_bytes();
                // `encode` gives valid UTF-8; should it ever not, nothing is lost but the
                // offending bytes.
                Utf8::Replaced(String::from_utf8_lossy(bytes).into_owned())
            }
            Err(e) => return Err(e),
        };
        Ok(Text {
            original: string.clone().unbind(),
            utf8,
        })
    }

    /// Each item of an iterable of `str`. One `str` (or `bytes`) is a TypeError, not its
    /// characters taken for documents.
    pub fn extract_all(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Text>> {
        if texts.is_instance_of::<PyString>()
            || texts.is_instance_of::<PyBytes>()
            || texts.is_instance_of::<PyByteArray>()
        {
            return Err(PyTypeError::new_err(format!(
                "expected an iterable of str documents (such as a list), got one {}: wrap one document in a list, or use analyze()",
                type_name(texts)
            )));
        }
        // `len()` is a hint, not a promise (an object may claim 2**40 items and yield one):
        // room for at most a million documents ahead, the rest grown as they come.
        let mut all = Vec::with_capacity(texts.len().unwrap_or(0).min(1 << 20));
        for (i, text) in texts.try_iter()?.enumerate() {
            let text = text?;
            let text = Text::extract(&text).map_err(|e| {
                if e.is_instance_of::<PyTypeError>(texts.py()) {
                    // An Arrow array yields its own scalars, not str.
                    let arrow = texts.hasattr("__arrow_c_array__").unwrap_or(false)
                        || texts.hasattr("__arrow_c_stream__").unwrap_or(false);
                    let hint = if arrow {
                        ": for an Arrow array or table column, use Pipeline.analyze_arrow"
                    } else {
                        ""
                    };
                    PyTypeError::new_err(format!("document {i}: {}{hint}", e.value(texts.py())))
                } else {
                    e
                }
            })?;
            all.push(text);
        }
        Ok(all)
    }
}

/// The name of `obj`'s type, for messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "an object".to_owned(), |n| n.to_string())
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.utf8 {
            Utf8::Backed(backed) => backed,
            Utf8::Replaced(string) => string,
        }
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}
