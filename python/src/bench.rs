//! The Rust side of python/bench/bench.py: the library's `Pipeline::analyze_batch` timed on
//! Rust strings, with no Python object made, so the benchmark compares the binding with the
//! library in the same process, on the same documents, threads and pool.

use std::time::Instant;

use pyo3::prelude::*;

use crate::options::Int;
use crate::pipeline::Pipeline;
use crate::pool::{run_parallel, thread_count};

/// Seconds each of `repeat` runs of the library's analyze_batch took on `texts` (copied to
/// Rust strings first, outside the timing), on `threads` threads.
#[pyfunction]
#[pyo3(
    signature = (pipeline, texts, threads = None, repeat = Int::from(1)),
    text_signature = "(pipeline, texts, threads=None, repeat=1)"
)]
pub fn _rust_analyze_batch(
    py: Python<'_>,
    pipeline: &Pipeline,
    texts: Vec<String>,
    threads: Option<Int>,
    repeat: Int,
) -> PyResult<Vec<f64>> {
    let threads = thread_count(threads.as_ref())?;
    let repeat = repeat.to_count("repeat")?;
    let pipeline = &pipeline.inner;
    run_parallel(py, threads, || {
        (0..repeat)
            .map(|_| {
                let start = Instant::now();
                let batch = pipeline.analyze_batch(&texts);
                let seconds = start.elapsed().as_secs_f64();
                drop(std::hint::black_box(batch));
                seconds
            })
            .collect()
    })
}
