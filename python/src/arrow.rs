//! Arrow in and out: a column of text read in place through Arrow's C data interface, its
//! analyses written into the buffers of a record batch.
//!
//! The documents go through the library's `analyze` in parallel and their statistics are
//! counted as its `analyze_batch` counts them; beside the statistics' final merge, each
//! rayon task writes the rows of its share of the analyses to buffers of its own, in input
//! order, the pieces are joined once and the analyses freed. No Python object is made per
//! document.

use std::borrow::Cow;
use std::sync::Arc;

use arrow_array::builder::BooleanBufferBuilder;
use arrow_array::cast::AsArray;
use arrow_array::{
    Array, ArrayRef, BinaryArray, BinaryViewArray, BooleanArray, Float64Array, Int64Array,
    LargeBinaryArray, ListArray, RecordBatch, StringArray, StructArray,
};
use arrow_buffer::{Buffer, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Fields, Schema};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::arrow_ffi::{import_arrays, to_pyarrow};
use crate::options::script_name;
use crate::pool::{run_in_chunks, run_parallel};
use crate::stats;

/// `Pipeline.analyze_arrow`.
pub(crate) fn analyze<'py>(
    py: Python<'py>,
    pipeline: &wordmill::Pipeline,
    array: &Bound<'py, PyAny>,
    threads: Option<usize>,
    stats: Option<Bound<'py, stats::CorpusStats>>,
    top: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let chunks = import_arrays(array)?;
    let columns = chunks
        .iter()
        .map(|chunk| TextColumn::new(chunk.as_ref()))
        .collect::<PyResult<Vec<_>>>()?;
    let documents: Vec<Option<&[u8]>> = columns.iter().flat_map(TextColumn::values).collect();
    // The statistics given are borrowed only to check, before any work, that they can be
    // added to (no call holds them borrowed: none does while Python code runs, which is
    // why an add() reading a mapping may call this), and at the end to add to them:
    // meanwhile other threads read and change them as they will (a borrow held while the
    // GIL is released made their every read a bare "Already mutably borrowed").
    if let Some(stats) = &stats
        && stats.try_borrow_mut().is_err()
    {
        return Err(PyRuntimeError::new_err(
            "analyze_arrow cannot add to the CorpusStats given as stats: it is in use by the call that is running this one; nothing was added",
        ));
    }
    let mut counting = stats.is_some().then(stats::Counting::default);
    let mut pieces: Vec<Rows> = Vec::new();
    let size = |i: usize| documents[i].map_or(0, <[u8]>::len);
    run_in_chunks(py, threads, documents.len(), size, |chunk| {
        // Invalid UTF-8 (which a conforming producer never gives) is read as U+FFFD. (Checked
        // with simdutf8 first: `from_utf8_lossy`'s own check is slower on valid text.)
        let texts: Vec<Option<Cow<'_, str>>> = documents[chunk]
            .par_iter()
            .map(|doc| {
                doc.map(|bytes| match simdutf8::basic::from_utf8(bytes) {
                    Ok(text) => Cow::Borrowed(text),
                    Err(_) => String::from_utf8_lossy(bytes),
                })
            })
            .collect();
        let present: Vec<&str> = texts.iter().flatten().map(|text| &**text).collect();
        let analyses = pipeline.analyze_all(&present);
        // The statistics as `analyze_batch` counts them (one per thread over its share of the
        // documents, merged at the end), then the rows made and the analyses freed.
        if let Some(counting) = &mut counting {
            counting.add(&analyses);
        }
        pieces.extend(record_rows(&texts, &analyses, top));
        analyses.into_par_iter().for_each(drop);
    })?;
    let (joined, counted) = run_parallel(py, threads, || {
        rayon::join(
            || Rows::join(pieces),
            || counting.map(stats::Counting::finish),
        )
    })?;
    // Everything that can fail before the statistics change: a failed call leaves them as
    // they were, so that trying again does not count the documents twice.
    let batch = joined.into_record_batch()?;
    let out = to_pyarrow(py, batch)?;
    if let (Some(stats), Some(counted)) = (&stats, counted) {
        // The check before the work ruled out the call that runs this one: a borrow now is
        // another thread's, brief (no borrow is held while Python code runs), and ends. Wait
        // for it, with the GIL let go, rather than throw the work away; Ctrl-C still
        // interrupts (and leaves the statistics as they were).
        let mut given = loop {
            match stats.try_borrow_mut() {
                Ok(given) => break given,
                Err(_) => {
                    py.check_signals()?;
                    py.detach(std::thread::yield_now);
                }
            }
        };
        // `merged` merges the smaller into the larger: no copy of the counts when the
        // statistics given were empty.
        let inner = std::mem::take(&mut given.inner);
        given.inner = inner.merged(counted);
    }
    Ok(out)
}

/// The rows of `analyses` (those of the texts that are not null, in order) in pieces to
/// join, with a null row for each null text.
fn record_rows(
    texts: &[Option<Cow<'_, str>>],
    analyses: &[wordmill::Analysis],
    top: Option<usize>,
) -> Vec<Rows> {
    let mut analysed = analyses.iter();
    let rows: Vec<Option<&wordmill::Analysis>> = texts
        .iter()
        .map(|text| text.as_ref().and_then(|_| analysed.next()))
        .collect();
    // A piece of rows per task: one on one thread (nothing to join), a few per thread
    // otherwise, for balance.
    let tasks = match rayon::current_num_threads() {
        1 => 1,
        n => n * 4,
    };
    rows.par_chunks(rows.len().div_ceil(tasks).max(1))
        .map(|chunk| Rows::of(chunk, top))
        .collect()
}

/// One chunk of the input, its strings seen as bytes (Arrow strings are UTF-8; each
/// document is checked as it is analysed, in parallel).
enum TextColumn {
    Utf8(BinaryArray),
    LargeUtf8(LargeBinaryArray),
    Utf8View(BinaryViewArray),
    /// An array of Arrow's `null` type, of this length: a column with no text at all (as
    /// pyarrow and pandas export `[None, None]`), every row null.
    Null(usize),
    /// A dictionary-encoded column (pandas' `category`, Parquet's dictionary pages): each
    /// row is the value its key names, null where the key is null.
    Dictionary {
        values: Box<TextColumn>,
        keys: Vec<Option<usize>>,
    },
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
            DataType::Null => TextColumn::Null(array.len()),
            DataType::Dictionary(_, _) => TextColumn::dictionary(array)?,
            DataType::Struct(_) => {
                return Err(PyTypeError::new_err(format!(
                    "analyze_arrow takes one column of strings, got a table or struct ({}): pass the column, such as table[\"text\"]",
                    array.data_type()
                )));
            }
            other => {
                return Err(PyTypeError::new_err(format!(
                    "analyze_arrow takes an Arrow array of strings (string, large_string or string_view, dictionary-encoded or not, or null for a column of nulls only), got {other}: cast it, such as array.cast(pyarrow.string())"
                )));
            }
        })
    }

    fn dictionary(array: &dyn Array) -> PyResult<TextColumn> {
        let Some(dictionary) = array.as_any_dictionary_opt() else {
            return Err(PyValueError::new_err("invalid Arrow dictionary array"));
        };
        let values = TextColumn::new(dictionary.values().as_ref())?;
        let nulls = dictionary.keys().logical_nulls();
        let valid = |i: usize| nulls.as_ref().is_none_or(|n| n.is_valid(i));
        if dictionary.values().is_empty() {
            // No value to name: every key must be null (normalized_keys has nothing to do).
            if (0..array.len()).any(valid) {
                return Err(PyValueError::new_err(
                    "invalid Arrow dictionary array: a key names a value of an empty dictionary",
                ));
            }
            return Ok(TextColumn::Null(array.len()));
        }
        // Each valid key checked against the values: Arrow's import does not, and the
        // library's normalized keys would clamp a key out of range to the last value.
        let values_len = dictionary.values().len();
        let mut keys = Vec::with_capacity(array.len());
        for (i, key) in key_values(dictionary.keys())?.into_iter().enumerate() {
            if !valid(i) {
                keys.push(None);
                continue;
            }
            match usize::try_from(key) {
                Ok(key) if key < values_len => keys.push(Some(key)),
                _ => {
                    return Err(PyValueError::new_err(format!(
                        "invalid Arrow dictionary array: key {key} of row {i} names no value (the dictionary has {values_len})"
                    )));
                }
            }
        }
        Ok(TextColumn::Dictionary {
            values: Box::new(values),
            keys,
        })
    }

    fn values(&self) -> Box<dyn Iterator<Item = Option<&[u8]>> + '_> {
        match self {
            TextColumn::Utf8(a) => Box::new(a.iter()),
            TextColumn::LargeUtf8(a) => Box::new(a.iter()),
            TextColumn::Utf8View(a) => Box::new(a.iter()),
            TextColumn::Null(len) => Box::new(std::iter::repeat_n(None, *len)),
            TextColumn::Dictionary { values, keys } => {
                let values: Vec<Option<&[u8]>> = values.values().collect();
                Box::new(
                    keys.iter()
                        .map(move |key| key.and_then(|k| values.get(k).copied().flatten())),
                )
            }
        }
    }
}

/// The keys of a dictionary array, whatever their integer type.
fn key_values(keys: &dyn Array) -> PyResult<Vec<i128>> {
    use arrow_array::types::{
        Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
    };
    macro_rules! widened {
        ($type:ty) => {
            keys.as_primitive::<$type>()
                .values()
                .iter()
                .map(|&k| i128::from(k))
                .collect()
        };
    }
    Ok(match keys.data_type() {
        DataType::Int8 => widened!(Int8Type),
        DataType::Int16 => widened!(Int16Type),
        DataType::Int32 => widened!(Int32Type),
        DataType::Int64 => widened!(Int64Type),
        DataType::UInt8 => widened!(UInt8Type),
        DataType::UInt16 => widened!(UInt16Type),
        DataType::UInt32 => widened!(UInt32Type),
        DataType::UInt64 => widened!(UInt64Type),
        other => {
            return Err(PyValueError::new_err(format!(
                "invalid Arrow dictionary array: keys of type {other}"
            )));
        }
    })
}

/// Strings back to back and Arrow's offsets of them (starting with 0).
struct Strings {
    bytes: Vec<u8>,
    offsets: Vec<i32>,
}

impl Strings {
    fn with_capacity(strings: usize, bytes: usize) -> Strings {
        let mut offsets = Vec::with_capacity(strings + 1);
        offsets.push(0);
        Strings {
            bytes: Vec::with_capacity(bytes),
            offsets,
        }
    }

    /// Appends `s`; false when the bytes no longer fit Arrow's 32-bit offsets.
    fn push(&mut self, s: &str) -> bool {
        self.bytes.extend_from_slice(s.as_bytes());
        let end = i32::try_from(self.bytes.len());
        self.offsets.push(end.unwrap_or(i32::MAX));
        end.is_ok()
    }

    /// Appends strings written back to back in `text`, each ending at its entry of `ends`;
    /// false on overflow, as `push`.
    fn extend_joined(&mut self, text: &str, ends: &[usize]) -> bool {
        let base = self.bytes.len();
        self.bytes.extend_from_slice(text.as_bytes());
        let mut fits = true;
        self.offsets.extend(ends.iter().map(|&end| {
            i32::try_from(base + end).unwrap_or_else(|_| {
                fits = false;
                i32::MAX
            })
        }));
        fits
    }

    fn into_array(self, nulls: Option<NullBuffer>) -> StringArray {
        let offsets = OffsetBuffer::new(ScalarBuffer::from(self.offsets));
        // SAFETY: the bytes are `&str`s appended whole and the offsets their ends, in order
        // (checked to fit i32 by `push` and `append`, whose failure stops before this): valid
        // UTF-8 cut at character boundaries, as Arrow's string arrays must be. (Checking it
        // again cost 1% of analyze_arrow.)
        unsafe { StringArray::new_unchecked(offsets, Buffer::from_vec(self.bytes), nulls) }
    }
}

/// The output columns of some rows.
struct Rows {
    valid: Vec<bool>,
    lang: Strings,
    script: Strings,
    has_script: Vec<bool>,
    confidence: Vec<f64>,
    reliable: Vec<bool>,
    token_count: Vec<i64>,
    term_count: Vec<i64>,
    /// The terms of every row, and where each row's terms end (Arrow's list offsets).
    terms: Strings,
    counts: Vec<i64>,
    list_offsets: Vec<i32>,
    /// False once some offset overflowed i32.
    fits: bool,
}

/// Counts are far below i64::MAX (documents are at most a few GiB).
fn int(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

impl Rows {
    /// The rows of `analyses` (None for a null text), with every term or the `top` ones.
    fn of(analyses: &[Option<&wordmill::Analysis>], top: Option<usize>) -> Rows {
        // Sizes first, so that buffers seldom grow: the number of terms exactly, their bytes
        // at a guess (a term of the NTREX news in 65 languages has 9.8 bytes on average;
        // summing them exactly cost more than the rare growth).
        let terms: usize = analyses
            .iter()
            .flatten()
            .map(|a| top.map_or(a.terms.len(), |k| k.min(a.terms.len())))
            .sum();
        let term_bytes = terms * 10;
        let n = analyses.len();
        let mut rows = Rows {
            valid: Vec::with_capacity(n),
            lang: Strings::with_capacity(n, 3 * n),
            script: Strings::with_capacity(n, 8 * n),
            has_script: Vec::with_capacity(n),
            confidence: Vec::with_capacity(n),
            reliable: Vec::with_capacity(n),
            token_count: Vec::with_capacity(n),
            term_count: Vec::with_capacity(n),
            terms: Strings::with_capacity(terms, term_bytes),
            counts: Vec::with_capacity(terms),
            list_offsets: Vec::with_capacity(n + 1),
            fits: true,
        };
        rows.list_offsets.push(0);
        for analysis in analyses {
            match analysis {
                Some(analysis) => rows.push(analysis, top),
                None => rows.push_null(),
            }
        }
        rows
    }

    fn push(&mut self, analysis: &wordmill::Analysis, top: Option<usize>) {
        let detection = &analysis.detection;
        self.valid.push(true);
        self.fits &= self.lang.push(detection.lang.code());
        let script = script_name(detection.script);
        self.fits &= self.script.push(script.unwrap_or_default());
        self.has_script.push(script.is_some());
        self.confidence.push(detection.confidence);
        self.reliable.push(detection.reliable);
        self.token_count.push(int(analysis.token_count));
        self.term_count.push(int(analysis.terms.len()));
        let mut fits = true;
        match top {
            None => {
                // The document's terms are back to back in its vocabulary: one copy.
                let (text, ends) = analysis.terms.vocabulary().joined();
                fits &= self.terms.extend_joined(text, ends);
                let counts = analysis.terms.counts().iter();
                self.counts.extend(counts.map(|&count| i64::from(count)));
            }
            Some(k) => {
                for (term, count) in analysis.terms.top(k) {
                    fits &= self.terms.push(term);
                    self.counts.push(i64::from(count));
                }
            }
        }
        self.fits &= fits;
        self.end_row();
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
        self.end_row();
    }

    fn end_row(&mut self) {
        let end = i32::try_from(self.counts.len());
        self.fits &= end.is_ok();
        self.list_offsets.push(end.unwrap_or(i32::MAX));
    }

    /// The pieces in order, as one: each column copied into its place by the pieces in
    /// parallel (one after the other, the copy was a twentieth of the call on two threads).
    fn join(pieces: Vec<Rows>) -> Rows {
        if pieces.len() <= 1 {
            return pieces
                .into_iter()
                .next()
                .unwrap_or_else(|| Rows::of(&[], None));
        }
        let ints = |column: fn(&Rows) -> &[i64]| concat(pieces.iter().map(column).collect());
        let bools = |column: fn(&Rows) -> &[bool]| concat(pieces.iter().map(column).collect());
        let strings = |column: fn(&Rows) -> &Strings| {
            let parts: Vec<&Strings> = pieces.iter().map(column).collect();
            let ends: Vec<&[i32]> = parts.iter().map(|s| &s.offsets[..]).collect();
            let lens: Vec<usize> = parts.iter().map(|s| s.bytes.len()).collect();
            let (offsets, fits) = concat_offsets(&ends, &lens);
            let bytes = concat(parts.iter().map(|s| &s.bytes[..]).collect());
            (Strings { bytes, offsets }, fits)
        };
        let (lang, lang_fits) = strings(|r| &r.lang);
        let (script, script_fits) = strings(|r| &r.script);
        let (terms, terms_fits) = strings(|r| &r.terms);
        let list_ends: Vec<&[i32]> = pieces.iter().map(|r| &r.list_offsets[..]).collect();
        let term_lens: Vec<usize> = pieces.iter().map(|r| r.counts.len()).collect();
        let (list_offsets, list_fits) = concat_offsets(&list_ends, &term_lens);
        let fits = pieces.iter().all(|r| r.fits);
        Rows {
            valid: bools(|r| &r.valid),
            lang,
            script,
            has_script: bools(|r| &r.has_script),
            confidence: concat(pieces.iter().map(|r| &r.confidence[..]).collect()),
            reliable: bools(|r| &r.reliable),
            token_count: ints(|r| &r.token_count),
            term_count: ints(|r| &r.term_count),
            terms,
            counts: ints(|r| &r.counts),
            list_offsets,
            fits: fits && lang_fits && script_fits && terms_fits && list_fits,
        }
    }

    fn into_record_batch(self) -> PyResult<RecordBatch> {
        if !self.fits {
            return Err(PyValueError::new_err(
                "the results of one analyze_arrow call exceed Arrow's 32-bit offsets (2 GiB of terms): give it fewer rows at a time",
            ));
        }
        let nulls = nulls(&self.valid);
        let script_nulls = nulls_of(&self.has_script);
        let term_fields = Fields::from(vec![
            Field::new("term", DataType::Utf8, false),
            Field::new("count", DataType::Int64, false),
        ]);
        let item = Arc::new(Field::new(
            "item",
            DataType::Struct(term_fields.clone()),
            false,
        ));
        let error = |e: arrow_schema::ArrowError| PyValueError::new_err(e.to_string());
        let terms = StructArray::try_new(
            term_fields,
            vec![
                Arc::new(self.terms.into_array(None)) as ArrayRef,
                Arc::new(Int64Array::new(ScalarBuffer::from(self.counts), None)),
            ],
            None,
        )
        .map_err(error)?;
        let terms = ListArray::try_new(
            Arc::clone(&item),
            OffsetBuffer::new(ScalarBuffer::from(self.list_offsets)),
            Arc::new(terms),
            nulls.clone(),
        )
        .map_err(error)?;
        let schema = Schema::new(vec![
            Field::new("lang", DataType::Utf8, true),
            Field::new("script", DataType::Utf8, true),
            Field::new("confidence", DataType::Float64, true),
            Field::new("reliable", DataType::Boolean, true),
            Field::new("token_count", DataType::Int64, true),
            Field::new("term_count", DataType::Int64, true),
            Field::new("terms", DataType::List(item), true),
        ]);
        let int64 =
            |values: Vec<i64>, nulls| Arc::new(Int64Array::new(ScalarBuffer::from(values), nulls));
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.lang.into_array(nulls.clone())),
            Arc::new(self.script.into_array(script_nulls)),
            Arc::new(Float64Array::new(
                ScalarBuffer::from(self.confidence),
                nulls.clone(),
            )),
            Arc::new(BooleanArray::new(
                self.reliable.iter().copied().collect(),
                nulls.clone(),
            )),
            int64(self.token_count, nulls.clone()),
            int64(self.term_count, nulls),
            Arc::new(terms),
        ];
        RecordBatch::try_new(Arc::new(schema), columns).map_err(error)
    }
}

/// `parts` one after the other, each copied into its place in parallel.
fn concat<T: Copy + Default + Send + Sync>(parts: Vec<&[T]>) -> Vec<T> {
    fill_in_parallel(0, &parts, |place, part, _| place.copy_from_slice(part))
}

/// Arrow offsets of the parts' items one after the other, starting with 0: `ends[i]` are part
/// `i`'s offsets (starting with 0) into its `lens[i]` items. False when an offset overflows
/// i32.
fn concat_offsets(ends: &[&[i32]], lens: &[usize]) -> (Vec<i32>, bool) {
    let mut bases = Vec::with_capacity(lens.len());
    let mut total = 0usize;
    for &len in lens {
        bases.push(i32::try_from(total).unwrap_or(i32::MAX));
        total += len;
    }
    // Each part's offsets but its leading 0, rebased.
    let parts: Vec<&[i32]> = ends
        .iter()
        .map(|part| part.get(1..).unwrap_or(&[]))
        .collect();
    let offsets = fill_in_parallel(1, &parts, |place, part, i| {
        for (to, &end) in place.iter_mut().zip(part) {
            *to = bases[i].saturating_add(end);
        }
    });
    (offsets, i32::try_from(total).is_ok())
}

/// A vector of `head` default values then room for `parts` one after the other, which `fill`
/// writes in parallel, each part (with its index) into its own place.
fn fill_in_parallel<T: Copy + Default + Send + Sync, P: Sync>(
    head: usize,
    parts: &[&[P]],
    fill: impl Fn(&mut [T], &[P], usize) + Sync,
) -> Vec<T> {
    let mut all = vec![T::default(); head + parts.iter().map(|part| part.len()).sum::<usize>()];
    let mut rest = &mut all[head..];
    let mut places = Vec::with_capacity(parts.len());
    for part in parts {
        let (place, after) = rest.split_at_mut(part.len());
        places.push(place);
        rest = after;
    }
    places
        .into_par_iter()
        .zip(parts)
        .enumerate()
        .for_each(|(i, (place, part))| fill(place, part, i));
    all
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
