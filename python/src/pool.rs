//! Parallel work from Python: the GIL released, on rayon's global pool or on a pool of the
//! size asked for, built once and kept.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::ThreadPool;

/// Idle pools by number of threads. A call takes one (or builds one when all are busy: two
/// Python threads that each ask for one thread get one each, not one between them) and puts
/// it back when done, so pools live as long as the process and their threads keep their
/// per-thread term caches warm from call to call.
static IDLE: Mutex<Option<HashMap<usize, Vec<ThreadPool>>>> = Mutex::new(None);

/// An idle pool of `threads` threads, made when there is none.
fn take(threads: usize) -> PyResult<ThreadPool> {
    let idle = IDLE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(HashMap::new)
        .get_mut(&threads)
        .and_then(Vec::pop);
    match idle {
        Some(pool) => Ok(pool),
        None => rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("wordmill-{i}"))
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}"))),
    }
}

fn put_back(threads: usize, pool: ThreadPool) {
    IDLE.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert_with(HashMap::new)
        .entry(threads)
        .or_default()
        .push(pool);
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
            let pool = take(n)?;
            let result = py.detach(|| pool.install(work));
            put_back(n, pool);
            Ok(result)
        }
    }
}
