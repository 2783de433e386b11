//! What pm does when a signal arrives. Temporary files being written are
//! registered here; SIGINT, SIGTERM and SIGHUP remove them and exit as the
//! signal would (128 + its number), SIGXFSZ (`ulimit -f`) becomes a write
//! error, and SIGINT is ignored while an editor pm started runs. Installed
//! on first need: before pm writes, signals keep their usual effect.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::sync::{Mutex, Once};

/// Temporary files being written, removed if a signal stops pm.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file's place in [`IN_FLIGHT`] while it is written.
pub struct InFlight(PathBuf);

impl InFlight {
    /// Creates the temporary file and registers it under one lock: the
    /// signal handler waits for it, so it never misses a file.
    pub fn create(
        create: impl FnOnce() -> io::Result<tempfile::NamedTempFile>,
    ) -> io::Result<(tempfile::NamedTempFile, InFlight)> {
        let mut paths = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        let temp = create()?;
        paths.push(temp.path().to_owned());
        let in_flight = InFlight(temp.path().to_owned());
        Ok((temp, in_flight))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut paths = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        paths.retain(|p| p != &self.0);
    }
}

/// Whether SIGINT is ignored now: while an editor pm started runs, Ctrl-C
/// is the editor's (as Git does).
static IGNORING_INTERRUPTS: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Runs `f` (which waits for an interactive child such as an editor) with
/// SIGINT ignored by pm; SIGTERM and SIGHUP still stop it.
pub fn ignoring_interrupts<T>(f: impl FnOnce() -> T) -> T {
    use std::sync::atomic::Ordering;
    guard();
    IGNORING_INTERRUPTS.store(true, Ordering::SeqCst);
    let result = f();
    IGNORING_INTERRUPTS.store(false, Ordering::SeqCst);
    result
}

/// The first time a temporary file is made (or an editor started): SIGINT,
/// SIGTERM and SIGHUP remove the files being written and exit as the
/// signal would (128 + its number), and SIGXFSZ (`ulimit -f` reached)
/// becomes a write error, which removes the file like any other.
#[cfg(unix)]
pub fn guard() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
    use std::sync::atomic::Ordering;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let ignored = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(SIGXFSZ, ignored);
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT && IGNORING_INTERRUPTS.load(Ordering::SeqCst) {
                    continue;
                }
                let paths = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
                for path in paths.iter() {
                    let _ = fs::remove_file(path);
                }
                std::process::exit(crate::exit::signalled(signal));
            }
        });
    });
}

#[cfg(not(unix))]
pub fn guard() {}
