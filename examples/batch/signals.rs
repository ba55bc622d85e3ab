//! An interrupted run cleans up after itself: on SIGINT, SIGTERM or SIGHUP the temporary
//! files of `--output`, `--stats` and `--stats-dir` are removed, then the process ends by
//! the same signal, as it would have without this (a shell reports 130 for Ctrl-C, 143 for
//! SIGTERM). A signal ignored when the run started is left ignored.
//!
//! signal-hook's iterator runs the clean-up on a thread of its own, outside the signal
//! handler, where removing files is allowed. SIGKILL cannot be caught: its temporary files
//! stay (hidden `.NAME.XXXXXX.part` files beside the outputs).
//!
//! SIGXFSZ (a write past the file size limit, `ulimit -f`) is ignored, so that such a write
//! fails with an error (EFBIG) that the run reports and cleans up after, as it does for a
//! full disk, instead of killing the process with its temporary files left behind.

use std::io;

/// Ignores SIGXFSZ, for the whole process and every command, whatever it writes to: a
/// file named by `--output`, or stdout redirected to a file (`batch news.txt > out.jsonl`),
/// whose writes past the limit then fail with EFBIG and stop the run with exit code 3.
#[cfg(unix)]
pub fn ignore_file_size_limit_signal() {
    // SAFETY: SIG_IGN installs no handler; SIGXFSZ is a standard signal. It cannot fail for
    // a valid signal number: if it did, the default (the process killed) would stay.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
}

#[cfg(not(unix))]
pub fn ignore_file_size_limit_signal() {}

/// Starts the thread that removes the temporary files when the run is interrupted.
#[cfg(unix)]
pub fn remove_temporaries_when_interrupted() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    // A signal ignored when the run started (`nohup` ignores SIGHUP; a shell ignores SIGINT
    // in its background jobs, `trap '' INT` in scripts) stays ignored: catching it here would
    // end a run its caller meant to survive the signal.
    let caught: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
        .into_iter()
        .filter(|&signal| !ignored(signal))
        .collect();
    let mut signals = Signals::new(caught)?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held to the end: no temporary file is renamed after this.
                let _list = crate::files::remove_temporaries();
                // Ends the process by the signal, its default action...
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                // ...and if that did not work, as a shell would report it.
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Whether `signal`'s disposition is "ignore" (what this process inherited).
#[cfg(unix)]
fn ignored(signal: i32) -> bool {
    let mut current = std::mem::MaybeUninit::<libc::sigaction>::zeroed();
    // SAFETY: a null new action only reads the current one into `current`, which is valid
    // for writes of a `sigaction`; `signal` is one of the standard signals above.
    let read = unsafe { libc::sigaction(signal, std::ptr::null(), current.as_mut_ptr()) };
    // SAFETY: zeroed is a valid `sigaction`, and a successful call filled it in.
    read == 0 && unsafe { current.assume_init() }.sa_sigaction == libc::SIG_IGN
}

#[cfg(not(unix))]
pub fn remove_temporaries_when_interrupted() -> io::Result<()> {
    Ok(())
}
