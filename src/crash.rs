//! What pm says if it ever panics: a short report naming the file it was
//! working on, and a request to file a bug, instead of a bare Rust panic
//! message. Each thread records the file it is processing.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

thread_local! {
    static CURRENT: RefCell<Option<PathBuf>> = const { RefCell::new(None) };
}

/// Marks `path` as the file this thread is processing until the guard drops.
pub fn processing(path: &Path) -> Processing {
    CURRENT.with(|current| *current.borrow_mut() = Some(path.to_owned()));
    Processing(())
}

/// Clears the thread's current file when dropped.
pub struct Processing(());

impl Drop for Processing {
    fn drop(&mut self) {
        CURRENT.with(|current| *current.borrow_mut() = None);
    }
}

/// Installs the panic hook.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let file = CURRENT
            .try_with(|current| current.borrow().clone())
            .ok()
            .flatten();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        eprintln!(
            "error: pm {} hit an internal error (a bug in pm, not in your files)",
            env!("CARGO_PKG_VERSION")
        );
        match file {
            Some(file) => eprintln!("  while processing: {}", file.display()),
            None => eprintln!("  while processing: (no file)"),
        }
        eprintln!("  what went wrong: {what}{place}");
        eprintln!("  Please report it with this message and, if you can, the file.");
        // Exit here, from whichever thread panicked, with the code for an
        // internal error: never Rust's 101, never a half-printed run.
        std::process::exit(crate::exit::INTERNAL_ERROR);
    }));
}

/// In debug builds only, `PM_DEBUG_PANIC_ON=<file name>` makes pm panic
/// while processing that file, so the tests can check the report.
#[cfg(debug_assertions)]
pub fn debug_panic(path: &Path) {
    if let Some(name) = std::env::var_os("PM_DEBUG_PANIC_ON")
        && path.file_name() == Some(name.as_os_str())
    {
        panic!("PM_DEBUG_PANIC_ON asked for a panic");
    }
}

/// Does nothing in release builds.
#[cfg(not(debug_assertions))]
pub fn debug_panic(_path: &Path) {}
