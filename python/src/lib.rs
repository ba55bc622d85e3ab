//! wordmill for Python: the `wordmill._wordmill` extension module, which `wordmill/__init__.py`
//! re-exports.
//!
//! The binding is thin: each class wraps one type of the library's public API and converts
//! arguments and results, nothing more. What Python needs that Rust does not is here:
//! offsets in code points (`offsets`), the GIL released around analysis and rayon pools of the
//! requested sizes, a few kept idle (`pool`), and Arrow arrays in and out (`arrow`).

mod analysis;
mod arrow;
mod arrow_ffi;
mod bench;
mod offsets;
mod options;
mod pipeline;
mod pool;
mod stages;
mod stats;
mod text;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;

/// Fast, parallel multilingual text analysis: language detection, normalization, UAX #29
/// tokenization, stemming, stop words and term statistics.
#[pymodule]
fn _wordmill(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<pipeline::Pipeline>()?;
    m.add_class::<analysis::Analysis>()?;
    m.add_class::<analysis::BatchAnalysis>()?;
    m.add_class::<analysis::Token>()?;
    m.add_class::<analysis::Span>()?;
    m.add_class::<analysis::Terms>()?;
    m.add_class::<stats::CorpusStats>()?;
    m.add_class::<stats::TfIdf>()?;
    m.add_class::<stats::Bm25>()?;
    m.add_class::<stages::Detector>()?;
    m.add_class::<stages::Detection>()?;
    m.add_class::<stages::Tokenizer>()?;
    m.add_class::<stages::Normalizer>()?;
    m.add_function(wrap_pyfunction!(stages::languages, m)?)?;
    m.add_function(wrap_pyfunction!(bench::_rust_analyze_batch, m)?)?;
    m.add("HAS_DICTIONARY", cfg!(feature = "icu"))?;
    m.add("MAX_THREADS", *pool::MAX_THREADS)?;
    // A forked child starts its own thread pools (see `pool`); Windows has no fork.
    let os = m.py().import("os")?;
    if let Ok(register) = os.getattr("register_at_fork") {
        let kwargs = pyo3::types::PyDict::new(m.py());
        kwargs.set_item("after_in_child", wrap_pyfunction!(pool::forked, m)?)?;
        register.call((), Some(&kwargs))?;
    }
    Ok(())
}

/// The keyword arguments an object was made with, kept so that it pickles (its
/// `__getnewargs_ex__`): Python's multiprocessing, Spark closures and `datasets.map(num_proc=)`
/// pickle what they run. Its repr is theirs, as a call that would make the object again.
pub(crate) struct Arguments {
    all: Py<pyo3::types::PyDict>,
    /// The names of the arguments given other values than their defaults, in order.
    changed: Vec<&'static str>,
}

/// One keyword argument: its name, its value, and whether that is the default (which the
/// repr leaves out).
pub(crate) type Argument<'py> = (&'static str, PyResult<Bound<'py, PyAny>>, bool);

/// The argument `name` given `value`, whose default is `default`.
pub(crate) fn argument<'py, T>(
    py: Python<'py>,
    name: &'static str,
    value: T,
    default: T,
) -> Argument<'py>
where
    T: IntoPyObject<'py> + PartialEq,
{
    let is_default = value == default;
    (name, value.into_bound_py_any(py), is_default)
}

impl Arguments {
    pub fn new<'py>(
        py: Python<'py>,
        items: impl IntoIterator<Item = Argument<'py>>,
    ) -> PyResult<Arguments> {
        let dict = pyo3::types::PyDict::new(py);
        let mut changed = Vec::new();
        for (name, value, is_default) in items {
            dict.set_item(name, value?)?;
            if !is_default {
                changed.push(name);
            }
        }
        Ok(Arguments {
            all: dict.unbind(),
            changed,
        })
    }

    /// `Name(key=value, ...)`: the arguments that are not the defaults, in Python's notation,
    /// a call that makes the object again.
    pub fn repr(&self, py: Python<'_>, name: &str) -> PyResult<String> {
        let all = self.all.bind(py);
        let mut parts = Vec::new();
        for &key in &self.changed {
            if let Some(value) = all.get_item(key)? {
                parts.push(format!("{key}={}", value.repr()?));
            }
        }
        Ok(format!("{name}({})", parts.join(", ")))
    }

    /// No positional arguments, and a copy of the keyword arguments.
    pub fn new_args<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        Bound<'py, pyo3::types::PyTuple>,
        Bound<'py, pyo3::types::PyDict>,
    )> {
        Ok((pyo3::types::PyTuple::empty(py), self.all.bind(py).copy()?))
    }
}

/// The library's error as a Python exception: a bad option or bad data is a `ValueError`,
/// with the library's message.
pub(crate) fn value_error(e: wordmill::Error) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(e.to_string())
}
