//! Arrow's PyCapsule interface, over arrow-array's C data interface: arrays in from any
//! object that exports them (`__arrow_c_array__`, `__arrow_c_stream__`: pyarrow, pandas,
//! Polars, DuckDB, nanoarrow), a record batch out to pyarrow. Nothing is copied either way:
//! the structs handed over point at the producer's buffers.
//!
//! By hand rather than through pyo3-arrow, whose casts and pretty-printing (arrow-cast,
//! arrow-select, arrow-ord, chrono-tz, numpy) took about six minutes of the package's
//! build on two cores, for two capsule calls this module makes in 100 lines.

use std::ffi::{CStr, c_int};

use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi, to_ffi};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray, make_array, new_empty_array};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

const ARRAY: &CStr = c"arrow_array";
const SCHEMA: &CStr = c"arrow_schema";
const STREAM: &CStr = c"arrow_array_stream";

fn arrow_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("invalid Arrow data: {e}"))
}

/// The arrays `obj` exports: one from `__arrow_c_array__`, or the chunks of
/// `__arrow_c_stream__` (a ChunkedArray, a pandas or Polars column).
pub(crate) fn import_arrays(obj: &Bound<'_, PyAny>) -> PyResult<Vec<ArrayRef>> {
    if obj.hasattr(pyo3::intern!(obj.py(), "__arrow_c_array__"))? {
        let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) =
            obj.call_method0("__arrow_c_array__")?.extract()?;
        let schema = schema
            .pointer_checked(Some(SCHEMA))?
            .cast::<FFI_ArrowSchema>();
        let array = array.pointer_checked(Some(ARRAY))?.cast::<FFI_ArrowArray>();
        // SAFETY: capsules so named hold these structs (Arrow's PyCapsule interface), alive
        // as long as the capsules; `from_raw` moves the array out and leaves the capsule a
        // released one, which its destructor ignores.
        let (schema, array) =
            unsafe { (schema.as_ref(), FFI_ArrowArray::from_raw(array.as_ptr())) };
        return Ok(vec![import(array, schema)?]);
    }
    if obj.hasattr(pyo3::intern!(obj.py(), "__arrow_c_stream__"))? {
        let capsule = obj
            .call_method0("__arrow_c_stream__")?
            .cast_into::<PyCapsule>()?;
        let stream = capsule
            .pointer_checked(Some(STREAM))?
            .cast::<FFI_ArrowArrayStream>();
        // SAFETY: as above; the stream is released when `stream` drops.
        let stream = unsafe { FFI_ArrowArrayStream::from_raw(stream.as_ptr()) };
        return read_stream(stream);
    }
    Err(PyTypeError::new_err(format!(
        "expected Arrow data (an object with __arrow_c_array__ or __arrow_c_stream__, such as a pyarrow Array or ChunkedArray), got {}",
        obj.get_type().name()?
    )))
}

/// Every array of an Arrow C stream.
fn read_stream(mut stream: FFI_ArrowArrayStream) -> PyResult<Vec<ArrayRef>> {
    let (Some(get_schema), Some(get_next)) = (stream.get_schema, stream.get_next) else {
        return Err(arrow_error("a released stream"));
    };
    let mut schema = FFI_ArrowSchema::empty();
    // SAFETY: the stream is live (not released) and `schema` is an empty struct to fill.
    check(unsafe { get_schema(&mut stream, &mut schema) }, &mut stream)?;
    let mut arrays = Vec::new();
    loop {
        let mut array = FFI_ArrowArray::empty();
        // SAFETY: as above; a released array back means the end of the stream.
        check(unsafe { get_next(&mut stream, &mut array) }, &mut stream)?;
        if array.is_released() {
            return Ok(arrays);
        }
        arrays.push(import(array, &schema)?);
    }
}

/// The array `array` of type `schema` as arrow-array has it: ValueError, not a panic, for a
/// released array or schema (capsules already consumed) and for an array whose buffers do
/// not fit the schema's type (`ArrayData::validate`: the buffers' count and sizes, the first
/// and last offsets, not every value). An empty array is a new empty array of the type: the
/// import reports no bytes of values for one, which the check would refuse for an empty
/// slice that starts past 0 (`pa.array(["x", "y"])[1:1]`).
fn import(array: FFI_ArrowArray, schema: &FFI_ArrowSchema) -> PyResult<ArrayRef> {
    if array.is_released() || schema.release.is_none() {
        return Err(arrow_error(
            "the array or its schema was released (the capsules of __arrow_c_array__ can be read only once)",
        ));
    }
    // SAFETY: a live array and schema; whether they agree is checked by `validate` before
    // anything reads the values.
    let data = unsafe { from_ffi(array, schema) }.map_err(arrow_error)?;
    if data.is_empty() {
        return Ok(new_empty_array(data.data_type()));
    }
    data.validate().map_err(arrow_error)?;
    Ok(make_array(data))
}

/// The stream's own error message when a call of it failed.
fn check(code: c_int, stream: &mut FFI_ArrowArrayStream) -> PyResult<()> {
    if code == 0 {
        return Ok(());
    }
    let message = stream
        .get_last_error
        // SAFETY: the stream is live; the message, if any, is a C string it owns.
        .map(|last_error| unsafe { last_error(stream) })
        .filter(|message| !message.is_null())
        .map(|message| {
            unsafe { CStr::from_ptr(message) }
                .to_string_lossy()
                .into_owned()
        })
        .unwrap_or_default();
    Err(arrow_error(format!(
        "the Arrow stream failed (error {code}) {message}"
    )))
}

/// A record batch as Python sees it until pyarrow takes it: an object with
/// `__arrow_c_array__`.
#[pyclass(frozen, module = "wordmill")]
struct ExportedBatch {
    batch: RecordBatch,
}

#[pymethods]
impl ExportedBatch {
    /// The batch as a struct array's (schema, array) capsules. A requested schema is
    /// ignored: the batch's types are the only ones on offer, as the protocol allows.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let data = StructArray::from(self.batch.clone()).into_data();
        let (array, schema) = to_ffi(&data).map_err(arrow_error)?;
        Ok((
            PyCapsule::new_with_value(py, schema, SCHEMA)?,
            PyCapsule::new_with_value(py, array, ARRAY)?,
        ))
    }
}

/// `batch` as a pyarrow.RecordBatch, its buffers shared, not copied.
pub(crate) fn to_pyarrow(py: Python<'_>, batch: RecordBatch) -> PyResult<Bound<'_, PyAny>> {
    let pyarrow = py.import("pyarrow")?;
    pyarrow.call_method1("record_batch", (ExportedBatch { batch },))
}
