//! Whether standard input or output was closed when the process started (`batch - <&-`,
//! `batch a.txt >&-`).
//!
//! Rust's runtime opens `/dev/null` on a closed descriptor 0, 1 or 2 before `main` runs, so
//! records written to a closed stdout would vanish and the run would report success, and a
//! closed stdin would read as an empty corpus. A function in `.init_array` runs before the
//! runtime's start-up, where a closed descriptor can still be seen. (Linux, Android and
//! FreeBSD; elsewhere a closed stream goes unnoticed.)

use std::sync::atomic::{AtomicBool, Ordering};

static STDIN_CLOSED: AtomicBool = AtomicBool::new(false);
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
#[used]
#[unsafe(link_section = ".init_array")]
static LOOK_BEFORE_START_UP: extern "C" fn() = look;

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
extern "C" fn look() {
    // SAFETY: F_GETFD reads the flags of a descriptor number and touches no memory; it fails
    // with EBADF when the descriptor is not open.
    let closed = |fd| unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1;
    STDIN_CLOSED.store(closed(libc::STDIN_FILENO), Ordering::Relaxed);
    STDOUT_CLOSED.store(closed(libc::STDOUT_FILENO), Ordering::Relaxed);
}

/// True when stdin was not open when the process started: there is nothing to read, which
/// is not an empty corpus.
pub fn stdin_was_closed() -> bool {
    STDIN_CLOSED.load(Ordering::Relaxed)
}

/// True when stdout was not open when the process started: what is written to it is lost.
pub fn stdout_was_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}
