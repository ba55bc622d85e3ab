//! Parallel work from Python: the GIL released, on the default pool (one thread per core,
//! shared by every call that leaves `threads` to wordmill) or on a pool of the size asked
//! for, kept for the next call while few pools are idle.
//!
//! Not rayon's global pool: a process forked after using it (`multiprocessing` on Linux,
//! `datasets.map(num_proc=)`) inherits the pool without its threads (a fork copies only the
//! thread that called it), and every parallel call in the child would wait forever for them.
//! These pools belong to a process and a fork generation (`os.register_at_fork` counts the
//! forks of a child; the process id is checked too, for forks that bypass `os.fork`): a
//! child starts new ones. Their locks are taken with the GIL held only, so a fork (which
//! needs the GIL) never copies one held.

use std::ops::{Deref, Range};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::ThreadPool;

use crate::options::Int;

/// The machine's cores (as the process may use them: affinity and cgroup quotas count).
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The most threads a call may ask for (`wordmill.MAX_THREADS`): `wordmill::max_threads()`,
/// 256, or 4 per core on a machine of more than 64 cores, as the batch tool allows.
pub(crate) static MAX_THREADS: LazyLock<usize> = LazyLock::new(wordmill::max_threads);

/// Idle pools kept for reuse: at most this many...
const IDLE_POOLS: usize = 8;

/// ...with at most this many threads in all, but for the most recently used pool, which is
/// always kept: a repeated call with the same `threads` finds its pool, its threads' term
/// caches warm, whatever its size.
static IDLE_THREADS: LazyLock<usize> = LazyLock::new(|| 16.max(2 * cores()));

/// The pools of this process.
static POOLS: Mutex<Pools> = Mutex::new(Pools {
    owner: 0,
    default: None,
    idle: Vec::new(),
});

/// The pools of one process (see [`owner`]).
struct Pools {
    owner: u64,
    /// The pool of every call that leaves `threads` to wordmill, made on first use: calls
    /// share it (a rayon pool takes concurrent work), so eight Python threads calling at
    /// once start one thread per core, not eight times that.
    default: Option<Arc<ThreadPool>>,
    /// Idle pools of given sizes, least recently used first. A call takes one of its size
    /// (or builds one when none is idle: two Python threads that each ask for one thread get
    /// one each, not one between them) and puts it back when done; pools beyond the bounds
    /// above are dropped, least recently used first, and their threads exit. So calls with
    /// ever different `threads` leave a bounded number of idle threads behind.
    idle: Vec<ThreadPool>,
}

/// Forks of this process seen by `os.register_at_fork` (see [`forked`]).
static FORKS: AtomicU32 = AtomicU32::new(0);

/// Called in a child after `os.fork()`.
#[pyfunction]
pub(crate) fn forked() {
    FORKS.fetch_add(1, Ordering::Relaxed);
}

/// Who may use a pool: this process id in this fork generation.
fn owner() -> u64 {
    u64::from(std::process::id()) << 32 | u64::from(FORKS.load(Ordering::Relaxed))
}

/// The pools of this process: in a child forked from the process that made them, none.
fn pools() -> MutexGuard<'static, Pools> {
    let mut pools = POOLS.lock().unwrap_or_else(PoisonError::into_inner);
    let owner = owner();
    if pools.owner != owner {
        // Forked: the pools came without their threads. Forgotten, not dropped: dropping
        // would signal threads that do not exist here (the parent's pools are untouched).
        std::mem::forget(std::mem::take(&mut pools.idle));
        std::mem::forget(pools.default.take());
        pools.owner = owner;
    }
    pools
}

/// A pool to run a call on: the shared default pool, or one of the size asked for, which
/// the call has to itself and gives back ([`put_back`]).
enum Pool {
    Shared(Arc<ThreadPool>),
    Own(ThreadPool),
}

impl Deref for Pool {
    type Target = ThreadPool;

    fn deref(&self) -> &ThreadPool {
        match self {
            Pool::Shared(pool) => pool,
            Pool::Own(pool) => pool,
        }
    }
}

/// A pool for `threads` threads; `None`: the default pool, made on first use.
fn take(threads: Option<usize>) -> PyResult<Pool> {
    let mut pools = pools();
    let Some(threads) = threads else {
        let default = match &pools.default {
            Some(pool) => Arc::clone(pool),
            None => Arc::clone(pools.default.insert(Arc::new(build(default_threads())?))),
        };
        return Ok(Pool::Shared(default));
    };
    let idle = &mut pools.idle;
    match idle
        .iter()
        .rposition(|pool| pool.current_num_threads() == threads)
    {
        Some(at) => Ok(Pool::Own(idle.remove(at))),
        None => build(threads).map(Pool::Own),
    }
}

/// A new pool of `threads` threads.
fn build(threads: usize) -> PyResult<ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("wordmill-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {threads} threads: {e}")))
}

/// Threads of a call that leaves `threads` to wordmill: RAYON_NUM_THREADS when set (as
/// rayon's global pool reads it), else one per core.
fn default_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(cores)
        .min(*MAX_THREADS)
}

/// Puts a pool of a given size back as the most recently used idle one, and drops the pools
/// beyond the bounds (the default pool stays).
fn put_back(pool: Pool) {
    let Pool::Own(pool) = pool else {
        return;
    };
    let dropped: Vec<ThreadPool> = {
        let mut pools = pools();
        let idle = &mut pools.idle;
        idle.push(pool);
        // At most IDLE_POOLS pools in all, and IDLE_THREADS threads beside the one just put
        // back, which stays.
        let others = idle.len() - 1;
        let mut threads: usize = idle[..others]
            .iter()
            .map(ThreadPool::current_num_threads)
            .sum();
        let mut keep_from = 0;
        while keep_from < others && (idle.len() - keep_from > IDLE_POOLS || threads > *IDLE_THREADS)
        {
            threads -= idle[keep_from].current_num_threads();
            keep_from += 1;
        }
        idle.drain(..keep_from).collect()
    };
    // Dropped outside the lock: a pool's threads are told to exit and do so on their own.
    drop(dropped);
}

/// The `threads` argument checked, before any thread starts: from 1 to MAX_THREADS, or None.
pub(crate) fn thread_count(threads: Option<&Int>) -> PyResult<Option<usize>> {
    let Some(threads) = threads else {
        return Ok(None);
    };
    let max = *MAX_THREADS;
    if threads.below(1) {
        return Err(PyValueError::new_err(format!(
            "threads must be at least 1 (or None for one per core), got {threads}"
        )));
    }
    threads
        .to_usize("threads", 1, max)
        .map(Some)
        .map_err(|_| {
            PyValueError::new_err(format!(
                "threads must be at most {max} (wordmill.MAX_THREADS: 256, or 4 per core beyond 64 cores), got {threads}"
            ))
        })
}

/// Runs `work` with the GIL released, on `threads` threads (checked by `thread_count`; None:
/// one thread per core unless RAYON_NUM_THREADS says otherwise).
pub(crate) fn run_parallel<R: Send>(
    py: Python<'_>,
    threads: Option<usize>,
    work: impl FnOnce() -> R + Send,
) -> PyResult<R> {
    let pool = take(threads)?;
    let result = py.detach(|| pool.install(work));
    put_back(pool);
    Ok(result)
}

/// A chunk of a batch holds at most this many bytes of text per thread (about 0.13 s of
/// analysis of news text on one thread)...
const CHUNK_BYTES_PER_THREAD: usize = 2 << 20;

/// ...and at most this many documents per thread.
const CHUNK_DOCUMENTS_PER_THREAD: usize = 4096;

/// Runs `work` on the `count` items of a batch, chunk after chunk, in order (each a range of
/// item indices, together all of them), as `run_parallel` runs it: the GIL released, on
/// `threads` threads. Between chunks, the GIL is taken back to run Python's signal handlers,
/// so that Ctrl-C stops a long batch within a chunk's time: their exception (such as
/// KeyboardInterrupt) is returned and the rest of the batch left undone. `size` is the
/// number of bytes of item `i`; a chunk is made of whole items (a single larger item is
/// a chunk alone), at most CHUNK_BYTES_PER_THREAD and CHUNK_DOCUMENTS_PER_THREAD per thread.
pub(crate) fn run_in_chunks(
    py: Python<'_>,
    threads: Option<usize>,
    count: usize,
    size: impl Fn(usize) -> usize,
    mut work: impl FnMut(Range<usize>) + Send,
) -> PyResult<()> {
    let pool = take(threads)?;
    let n = pool.current_num_threads().max(1);
    let (max_bytes, max_items) = (
        CHUNK_BYTES_PER_THREAD.saturating_mul(n),
        CHUNK_DOCUMENTS_PER_THREAD.saturating_mul(n),
    );
    let mut run = || {
        let mut start = 0;
        while start < count {
            let mut end = start;
            let mut bytes = 0usize;
            while end < count && end - start < max_items && (end == start || bytes < max_bytes) {
                bytes = bytes.saturating_add(size(end));
                end += 1;
            }
            let chunk = start..end;
            py.detach(|| pool.install(|| work(chunk)));
            py.check_signals()?;
            start = end;
        }
        Ok(())
    };
    let result = run();
    put_back(pool);
    result
}
