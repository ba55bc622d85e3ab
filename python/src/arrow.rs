//! Arrow in and out: a column of text read in place through Arrow's C data interface, its
//! analyses written straight into the buffers of a record batch.
//!
//! Documents are analysed in parallel, each rayon task appending its documents' results to
//! buffers of its own (and counting their statistics when asked), in input order; the pieces
//! are then joined once. No Python object is made per document.

use std::sync::Arc;

use arrow_array::builder::BooleanBufferBuilder;
use arrow_array::{
    Array, ArrayRef, BinaryArray, BinaryViewArray, BooleanArray, Float64Array, Int64Array,
    LargeBinaryArray, ListArray, RecordBatch, StringArray, StructArray,
};
use arrow_buffer::{Buffer, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Fields, Schema};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::PyRecordBatch;
use pyo3_arrow::input::AnyArray;
use rayon::prelude::*;
use wordmill::tf::CorpusStats;

use crate::options::script_name;
use crate::pool::run_parallel;
use crate::stats;

/// `Pipeline.analyze_arrow`.
pub(crate) fn analyze<'py>(
    py: Python<'py>,
    pipeline: &wordmill::Pipeline,
    array: AnyArray,
    threads: Option<usize>,
    stats: Option<Bound<'py, stats::CorpusStats>>,
    top: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let (chunks, _field) = array.into_chunked_array()?.into_inner();
    let columns = chunks
        .iter()
        .map(|chunk| TextColumn::new(chunk.as_ref()))
        .collect::<PyResult<Vec<_>>>()?;
    let documents: Vec<Option<&[u8]>> = columns.iter().flat_map(TextColumn::values).collect();
    let count_stats = stats.is_some();
    let (pieces, counted) = run_parallel(py, threads, || {
        documents
            .par_iter()
            .fold(Piece::default, |mut piece, doc| {
                piece.add(pipeline, *doc, top, count_stats);
                piece
            })
            .map(|piece| (vec![piece.rows], piece.stats))
            .reduce(
                || (Vec::new(), CorpusStats::new()),
                |(mut rows, left), (more, right)| {
                    rows.extend(more);
                    (rows, left.merged(right))
                },
            )
    })?;
    if let Some(stats) = stats {
        stats.borrow_mut().inner.merge(&counted);
    }
    let batch = Rows::join(pieces).into_record_batch()?;
    PyRecordBatch::new(batch).into_pyarrow(py)
}

/// One chunk of the input, its strings seen as bytes (Arrow strings are UTF-8; each
/// document is checked as it is analysed, in parallel).
enum TextColumn {
    Utf8(BinaryArray),
    LargeUtf8(LargeBinaryArray),
    Utf8View(BinaryViewArray),
}

impl TextColumn {
    fn new(array: &dyn Array) -> PyResult<TextColumn> {
        let as_binary = |data_type: DataType| {
            array
                .to_data()
                .into_builder()
                .data_type(data_type)
                .build()
                .map_err(|e| PyValueError::new_err(format!("invalid Arrow string array: {e}")))
        };
        Ok(match array.data_type() {
            DataType::Utf8 => TextColumn::Utf8(as_binary(DataType::Binary)?.into()),
            DataType::LargeUtf8 => TextColumn::LargeUtf8(as_binary(DataType::LargeBinary)?.into()),
            DataType::Utf8View => TextColumn::Utf8View(as_binary(DataType::BinaryView)?.into()),
            other => {
                return Err(PyTypeError::new_err(format!(
                    "analyze_arrow takes an Arrow array of strings (string, large_string or string_view), got {other}"
                )));
            }
        })
    }

    fn values(&self) -> Box<dyn Iterator<Item = Option<&[u8]>> + '_> {
        match self {
            TextColumn::Utf8(a) => Box::new(a.iter()),
            TextColumn::LargeUtf8(a) => Box::new(a.iter()),
            TextColumn::Utf8View(a) => Box::new(a.iter()),
        }
    }
}

/// What one rayon task made: its rows and, when asked, their statistics.
#[derive(Default)]
struct Piece {
    rows: Rows,
    stats: CorpusStats,
}

impl Piece {
    fn add(
        &mut self,
        pipeline: &wordmill::Pipeline,
        doc: Option<&[u8]>,
        top: Option<usize>,
        count_stats: bool,
    ) {
        let Some(bytes) = doc else {
            self.rows.push_null();
            return;
        };
        // Invalid UTF-8 (which a conforming producer never gives) is read as U+FFFD.
        let text = String::from_utf8_lossy(bytes);
        let analysis = pipeline.analyze(&text);
        if count_stats {
            self.stats.add_document(analysis.lang(), &analysis.terms);
        }
        self.rows.push(&analysis, top);
    }
}

/// Strings back to back, with the end of each.
#[derive(Default)]
struct Strings {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Strings {
    fn push(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
        self.ends.push(self.bytes.len());
    }

    fn append(&mut self, other: Strings) {
        let base = self.bytes.len();
        self.bytes.extend_from_slice(&other.bytes);
        self.ends.extend(other.ends.into_iter().map(|end| base + end));
    }

    fn into_array(self, nulls: Option<NullBuffer>) -> PyResult<StringArray> {
        let offsets = std::iter::once(0)
            .chain(self.ends)
            .map(|end| {
                i32::try_from(end).map_err(|_| {
                    PyValueError::new_err(
                        "the results of one analyze_arrow call exceed 2 GiB of text: give it fewer rows at a time",
                    )
                })
            })
            .collect::<PyResult<Vec<i32>>>()?;
        StringArray::try_new(
            OffsetBuffer::new(ScalarBuffer::from(offsets)),
            Buffer::from_vec(self.bytes),
            nulls,
        )
        .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

/// The output columns of some rows.
#[derive(Default)]
struct Rows {
    valid: Vec<bool>,
    lang: Strings,
    script: Strings,
    has_script: Vec<bool>,
    confidence: Vec<f64>,
    reliable: Vec<bool>,
    token_count: Vec<i64>,
    term_count: Vec<i64>,
    /// The terms of every row, and where each row's terms end.
    terms: Strings,
    counts: Vec<i64>,
    terms_ends: Vec<usize>,
}

/// Counts are far below i64::MAX (documents are at most a few GiB).
fn int(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

impl Rows {
    fn push(&mut self, analysis: &wordmill::Analysis, top: Option<usize>) {
        let detection = &analysis.detection;
        self.valid.push(true);
        self.lang.push(detection.lang.code());
        let script = script_name(detection.script);
        self.script.push(script.unwrap_or_default());
        self.has_script.push(script.is_some());
        self.confidence.push(detection.confidence);
        self.reliable.push(detection.reliable);
        self.token_count.push(int(analysis.token_count));
        self.term_count.push(int(analysis.terms.len()));
        match top {
            None => {
                for (term, count) in analysis.terms.iter() {
                    self.terms.push(term);
                    self.counts.push(i64::from(count));
                }
            }
            Some(k) => {
                for (term, count) in analysis.terms.top(k) {
                    self.terms.push(term);
                    self.counts.push(i64::from(count));
                }
            }
        }
        self.terms_ends.push(self.counts.len());
    }

    fn push_null(&mut self) {
        self.valid.push(false);
        self.lang.push("");
        self.script.push("");
        self.has_script.push(false);
        self.confidence.push(0.0);
        self.reliable.push(false);
        self.token_count.push(0);
        self.term_count.push(0);
        self.terms_ends.push(self.counts.len());
    }

    fn append(&mut self, other: Rows) {
        let base = self.counts.len();
        self.valid.extend(other.valid);
        self.lang.append(other.lang);
        self.script.append(other.script);
        self.has_script.extend(other.has_script);
        self.confidence.extend(other.confidence);
        self.reliable.extend(other.reliable);
        self.token_count.extend(other.token_count);
        self.term_count.extend(other.term_count);
        self.terms.append(other.terms);
        self.counts.extend(other.counts);
        self.terms_ends
            .extend(other.terms_ends.into_iter().map(|end| base + end));
    }

    fn join(pieces: Vec<Rows>) -> Rows {
        let mut all = Rows::default();
        for piece in pieces {
            all.append(piece);
        }
        all
    }

    fn into_record_batch(self) -> PyResult<RecordBatch> {
        let nulls = nulls(&self.valid);
        let script_nulls = nulls_of(&self.has_script);
        let term_fields = Fields::from(vec![
            Field::new("term", DataType::Utf8, false),
            Field::new("count", DataType::Int64, false),
        ]);
        let item = Arc::new(Field::new("item", DataType::Struct(term_fields.clone()), false));
        let list_offsets = std::iter::once(0)
            .chain(self.terms_ends)
            .map(|end| {
                i32::try_from(end)
                    .map_err(|_| PyValueError::new_err("more than 2^31 terms in one call: give it fewer rows at a time"))
            })
            .collect::<PyResult<Vec<i32>>>()?;
        let terms = StructArray::try_new(
            term_fields,
            vec![
                Arc::new(self.terms.into_array(None)?) as ArrayRef,
                Arc::new(Int64Array::new(ScalarBuffer::from(self.counts), None)),
            ],
            None,
        )
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let terms = ListArray::try_new(
            Arc::clone(&item),
            OffsetBuffer::new(ScalarBuffer::from(list_offsets)),
            Arc::new(terms),
            nulls.clone(),
        )
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let schema = Schema::new(vec![
            Field::new("lang", DataType::Utf8, true),
            Field::new("script", DataType::Utf8, true),
            Field::new("confidence", DataType::Float64, true),
            Field::new("reliable", DataType::Boolean, true),
            Field::new("token_count", DataType::Int64, true),
            Field::new("term_count", DataType::Int64, true),
            Field::new("terms", DataType::List(item), true),
        ]);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.lang.into_array(nulls.clone())?),
            Arc::new(self.script.into_array(script_nulls)?),
            Arc::new(Float64Array::new(
                ScalarBuffer::from(self.confidence),
                nulls.clone(),
            )),
            Arc::new(BooleanArray::new(
                self.reliable.iter().copied().collect(),
                nulls.clone(),
            )),
            Arc::new(Int64Array::new(
                ScalarBuffer::from(self.token_count),
                nulls.clone(),
            )),
            Arc::new(Int64Array::new(
                ScalarBuffer::from(self.term_count),
                nulls,
            )),
            Arc::new(terms),
        ];
        RecordBatch::try_new(Arc::new(schema), columns)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

/// A validity buffer, or none when every row is valid.
fn nulls(valid: &[bool]) -> Option<NullBuffer> {
    if valid.iter().all(|&v| v) {
        return None;
    }
    nulls_of(valid)
}

fn nulls_of(valid: &[bool]) -> Option<NullBuffer> {
    let mut bits = BooleanBufferBuilder::new(valid.len());
    bits.append_slice(valid);
    let buffer = NullBuffer::new(bits.finish());
    (buffer.null_count() > 0).then_some(buffer)
}
