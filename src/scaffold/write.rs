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
    /// Replace it atomically, keeping its permissions.
    Replace,
}

/// Writes `contents` to `path` atomically, creating missing parent folders.
/// A new file gets the usual permissions (0666 less the umask); a replaced
/// one keeps its own.
pub fn write_atomic(path: &Path, contents: &[u8], mode: Mode) -> Result<(), Error> {
    write_atomic_with(path, mode, |out| out.write_all(contents))
}

/// [`write_atomic`] of what `write` writes, as it writes it (through a
/// buffer): `path` gets all of it or is left as it was.
pub fn write_atomic_with(
    path: &Path,
    mode: Mode,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Some(blocker) = parent.ancestors().find(|a| a.is_file()) {
        return Err(Error::io(
            parent,
            std::io::Error::other(format!("{} is a file, not a directory", blocker.display())),
        ));
    }
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    if path.is_dir() {
        return Err(Error::io(
            path,
            std::io::Error::other("is a directory; give a file path"),
        ));
    }
    let existing = std::fs::metadata(path).ok();
    if mode == Mode::CreateNew && existing.is_some() {
        return Err(Error::Exists {
            path: path.to_owned(),
        });
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pm-").suffix(".tmp");
    match &existing {
        Some(metadata) => {
            builder.permissions(metadata.permissions());
        }
        None => set_default_permissions(&mut builder),
    }
    let mut temp = builder
        .tempfile_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    let written = {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        write(&mut out).and_then(|()| out.flush())
    };
    written
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

/// 0666: the kernel applies the umask when the file is created. (Without
/// this, the temporary file's private 0600 would stick to the result.)
#[cfg(unix)]
fn set_default_permissions(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

/// Elsewhere temporary files get the usual permissions already.
#[cfg(not(unix))]
fn set_default_permissions(_builder: &mut tempfile::Builder<'_, '_>) {}
