//! Parallel work from Python: the GIL released, on rayon's global pool or on a pool of the
//! size asked for, built once and kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::ThreadPool;

/// Pools by number of threads. A pool lives as long as the process: its threads keep their
/// per-thread term caches warm from call to call.
static POOLS: Mutex<Option<HashMap<usize, Arc<ThreadPool>>>> = Mutex::new(None);

/// A pool of `threads` threads, made on first request.
fn pool(threads: usize) -> PyResult<Arc<ThreadPool>> {
    let mut pools = POOLS.lock().unwrap_or_else(PoisonError::into_inner);
    let pools = pools.get_or_insert_with(HashMap::new);
    if let Some(pool) = pools.get(&threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("wordmill-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(threads, Arc::clone(&pool));
    Ok(pool)
}

/// Runs `work` with the GIL released, on `threads` threads (None: rayon's global pool, one
/// thread per core unless RAYON_NUM_THREADS says otherwise).
pub(crate) fn run_parallel<R: Send>(
    py: Python<'_>,
    threads: Option<usize>,
    work: impl FnOnce() -> R + Send,
) -> PyResult<R> {
    match threads {
        None => Ok(py.detach(work)),
        Some(0) => Err(PyValueError::new_err(
            "threads must be at least 1 (or None for one per core)",
        )),
        Some(n) => {
            let pool = pool(n)?;
            Ok(py.detach(|| pool.install(work)))
        }
    }
}
