//! Whether standard output was closed when the process started (`batch a.txt >&-`).
//!
//! Rust's runtime opens `/dev/null` on a closed descriptor 0, 1 or 2 before `main` runs, so
//! records written to a closed stdout would vanish and the run would report success. A
//! function in `.init_array` runs before the runtime's start-up, where the closed descriptor
//! can still be seen. (Linux, Android and FreeBSD; elsewhere a closed stdout goes
//! unnoticed.)

use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
#[used]
#[unsafe(link_section = ".init_array")]
static LOOK_BEFORE_START_UP: extern "C" fn() = look;

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
extern "C" fn look() {
    // SAFETY: F_GETFD reads the flags of a descriptor number and touches no memory; it fails
    // with EBADF when the descriptor is not open.
    let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
    CLOSED.store(closed, Ordering::Relaxed);
}

/// True when stdout was not open when the process started: what is written to it is lost.
pub fn was_closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}
