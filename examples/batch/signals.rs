//! An interrupted run cleans up after itself: on SIGINT, SIGTERM or SIGHUP the temporary
//! files of `--output`, `--stats` and `--stats-dir` are removed, then the process ends by
//! the same signal, as it would have without this (a shell reports 130 for Ctrl-C, 143 for
//! SIGTERM).
//!
//! signal-hook's iterator runs the clean-up on a thread of its own, outside the signal
//! handler, where removing files is allowed. SIGKILL cannot be caught: its temporary files
//! stay (hidden `.NAME.XXXXXX.part` files beside the outputs).

use std::io;

/// Starts the thread that removes the temporary files when the run is interrupted.
#[cfg(unix)]
pub fn remove_temporaries_when_interrupted() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
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

#[cfg(not(unix))]
pub fn remove_temporaries_when_interrupted() -> io::Result<()> {
    Ok(())
}
