//! Writing files without losing anything: the content goes to a temporary
//! file in the target folder, which is then renamed into place. A crash
//! leaves either the old file or the new one, never half of one.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Fail with [`Error::Exists`]; the existing file is untouched.
    CreateNew,
    /// Replace it atomically.
    Replace,
}

/// Writes `contents` to `path` atomically, creating missing parent folders.
pub fn write_atomic(path: &Path, contents: &[u8], mode: Mode) -> Result<(), Error> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    if mode == Mode::CreateNew && path.exists() {
        return Err(Error::Exists {
            path: path.to_owned(),
        });
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".pm-")
        .suffix(".tmp")
        .tempfile_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(temp.path(), e))?;
    let persisted = match mode {
        // The existence check above gives a friendly error; this one closes
        // the race with another writer.
        Mode::CreateNew => temp.persist_noclobber(path),
        Mode::Replace => temp.persist(path),
    };
    persisted.map(drop).map_err(|err| {
        if err.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Exists {
                path: path.to_owned(),
            }
        } else {
            Error::io(path, err.error)
        }
    })
}
