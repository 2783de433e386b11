//! Writing files without losing anything. The content is ready in memory
//! before anything is touched; it then goes to a temporary file in the
//! target's folder, which is renamed into place, so a crash leaves either
//! the old file or the new one, never half of one. What is at the path
//! decides how it is written:
//!
//! - nothing: a new file (0666 less the umask), its folders created;
//! - a regular file: replaced, keeping its mode bits (setgid and sticky
//!   included) and, where the system allows, its owner and group; a file
//!   with more than one hard link is rewritten in place instead, so every
//!   link keeps seeing it;
//! - a symlink: written *through*, to the file it points to, and the link
//!   stays; a link to nothing or a link loop is an error;
//! - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a pipe):
//!   opened and written, never replaced; a FIFO no process reads is an
//!   error, not a hang;
//! - a folder, a block device or a socket: an error.
//!
//! SIGINT, SIGTERM and SIGHUP during a write remove the temporary file
//! before pm exits, and a file-size limit (`ulimit -f`) is an error that
//! removes it too (see [`crate::signals`]).

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::signals::InFlight;

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Fail with [`Error::Exists`]; the existing file is untouched.
    CreateNew,
    /// Replace it atomically, keeping its permissions.
    Replace,
}

/// Writes `contents` to `path` as the module explains, creating missing
/// parent folders.
pub fn write_atomic(path: &Path, contents: &[u8], mode: Mode) -> Result<(), Error> {
    match resolve(path)? {
        Target::New => write_new(path, contents, mode),
        Target::File(real, metadata) => {
            if mode == Mode::CreateNew {
                return Err(Error::Exists {
                    path: path.to_owned(),
                });
            }
            replace(&real, &metadata, contents)
        }
        Target::Special(kind) => write_special(path, kind, contents),
    }
}

/// What a path names, as far as writing goes.
#[derive(Debug)]
pub enum Target {
    /// Nothing: a new file.
    New,
    /// A regular file, at this path once links are followed.
    File(PathBuf, Metadata),
    /// A device or FIFO, written by opening it.
    Special(Special),
}

/// The files pm writes to by opening them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A character device such as `/dev/null` or a terminal.
    Device,
    /// A named pipe, or a pipe reached through `/dev/fd`.
    Fifo,
}

/// What `path` names; an error for what pm never writes to.
pub fn resolve(path: &Path) -> Result<Target, Error> {
    let link = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        // Below a file (`afile/sub/x.md`): the new file's folders say why.
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(Target::New);
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let is_link = link.file_type().is_symlink();
    let metadata = if is_link {
        match fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) if crate::files::is_loop(&e) => {
                return Err(refused(path, "is a symlink loop"));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let to = fs::read_link(path)
                    .map(|to| to.display().to_string())
                    .unwrap_or_default();
                return Err(refused(
                    path,
                    &format!(
                        "is a symlink to {to}, which does not exist; pm writes through links, \
                         not over them (create the target or remove the link)"
                    ),
                ));
            }
            Err(e) => return Err(Error::io(path, e)),
        }
    } else {
        link
    };
    let kind = metadata.file_type();
    if kind.is_file() {
        let real = if is_link {
            fs::canonicalize(path).map_err(|e| Error::io(path, e))?
        } else {
            path.to_owned()
        };
        return Ok(Target::File(real, metadata));
    }
    if kind.is_dir() {
        return Err(refused(path, "is a directory; give a file path"));
    }
    special(path, &kind).map(Target::Special)
}

#[cfg(unix)]
fn special(path: &Path, kind: &fs::FileType) -> Result<Special, Error> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() {
        Ok(Special::Device)
    } else if kind.is_fifo() {
        Ok(Special::Fifo)
    } else if kind.is_block_device() {
        Err(refused(
            path,
            "is a block device; pm writes only to files, character devices and FIFOs",
        ))
    } else {
        Err(refused(
            path,
            "is a socket; pm writes only to files, character devices and FIFOs",
        ))
    }
}

#[cfg(not(unix))]
fn special(path: &Path, _kind: &fs::FileType) -> Result<Special, Error> {
    Err(refused(path, "is not a regular file"))
}

fn refused(path: &Path, why: &str) -> Error {
    Error::io(path, io::Error::other(why.to_owned()))
}

/// A new file at `path`.
fn write_new(path: &Path, contents: &[u8], mode: Mode) -> Result<(), Error> {
    let parent = parent(path);
    create_folders(parent)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pm-").suffix(".tmp");
    set_default_permissions(&mut builder);
    let (temp, _in_flight) = filled_temp(&builder, path, contents)?;
    let persisted = match mode {
        // The existence check gives a friendly error; this one closes the
        // race with another writer.
        Mode::CreateNew => temp.persist_noclobber(path),
        Mode::Replace => temp.persist(path),
    };
    persisted.map(drop).map_err(|err| {
        if err.error.kind() == io::ErrorKind::AlreadyExists {
            Error::Exists {
                path: path.to_owned(),
            }
        } else {
            Error::io(path, err.error)
        }
    })
}

/// Creates `dir` and the folders above it that are missing; a file in the
/// way is named.
pub fn create_folders(dir: &Path) -> Result<(), Error> {
    if let Some(blocker) = dir.ancestors().find(|a| a.is_file()) {
        return Err(Error::io(
            dir,
            io::Error::other(format!("{} is a file, not a directory", blocker.display())),
        ));
    }
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

/// The folders made for a file about to be written. Dropped before
/// [`NewFolders::keep`] (the write failed), they are removed again, each
/// only if still empty.
#[derive(Debug, Default)]
pub struct NewFolders(Vec<PathBuf>);

impl NewFolders {
    /// Creates `dir` and the folders above it that are missing, remembering
    /// which, deepest first.
    pub fn create(dir: &Path) -> Result<NewFolders, Error> {
        let missing = dir
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
            .map(Path::to_path_buf)
            .collect();
        create_folders(dir)?;
        Ok(NewFolders(missing))
    }

    /// The file is written: the folders stay.
    pub fn keep(mut self) {
        self.0.clear();
    }
}

impl Drop for NewFolders {
    fn drop(&mut self) {
        for folder in &self.0 {
            let _ = fs::remove_dir(folder);
        }
    }
}

/// Replaces the regular file at `real` (links already followed).
fn replace(real: &Path, metadata: &Metadata, contents: &[u8]) -> Result<(), Error> {
    if links(metadata) > 1 {
        // A rename would leave the other links on the old content.
        return rewrite_in_place(real, contents);
    }
    let builder = {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".pm-").suffix(".tmp");
        builder
    };
    let (temp, _in_flight) = filled_temp(&builder, real, contents)?;
    keep_attributes(temp.as_file(), metadata).map_err(|e| Error::io(real, e))?;
    temp.persist(real)
        .map(drop)
        .map_err(|err| Error::io(real, err.error))
}

/// A temporary file in `folder` holding `contents`, synced to disk. Until
/// the returned guard drops (after the rename), a signal that stops pm
/// removes it; an error removes it at once.
fn filled_temp(
    builder: &tempfile::Builder<'_, '_>,
    target: &Path,
    contents: &[u8],
) -> Result<(tempfile::NamedTempFile, InFlight), Error> {
    let folder = parent(target);
    crate::signals::guard();
    let (mut temp, in_flight) =
        InFlight::create(|| builder.tempfile_in(folder)).map_err(|e| Error::io(folder, e))?;
    temp.as_file_mut()
        .write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(target, e))?;
    Ok((temp, in_flight))
}

/// Rewrites a hard-linked file where it is. Not atomic: the content is
/// ready before the file is opened, and a failure is reported, but a crash
/// mid-write leaves part of it.
fn rewrite_in_place(real: &Path, contents: &[u8]) -> Result<(), Error> {
    let mut file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(real)
        .map_err(|e| Error::io(real, e))?;
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(real, e))
}

/// Writes to a device or FIFO by opening it.
fn write_special(path: &Path, kind: Special, contents: &[u8]) -> Result<(), Error> {
    // Held open until the file is: the reader must not see the FIFO
    // without a writer in between, which it would read as the end.
    let _probe = match kind {
        Special::Fifo => Some(ensure_reader(path)?),
        Special::Device => None,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    file.write_all(contents)
        .and_then(|()| file.flush())
        .map_err(|e| Error::io(path, e))
}

/// Opening a FIFO for writing waits for a reader: ask first, without
/// waiting, whether there is one (the open file is the answer).
#[cfg(unix)]
fn ensure_reader(path: &Path) -> Result<File, Error> {
    use std::os::unix::fs::OpenOptionsExt;
    match OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
    {
        Ok(file) => Ok(file),
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => Err(refused(
            path,
            "is a FIFO that no process is reading; start the reader first",
        )),
        Err(e) => Err(Error::io(path, e)),
    }
}

#[cfg(not(unix))]
fn ensure_reader(path: &Path) -> Result<File, Error> {
    OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn links(metadata: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn links(_metadata: &Metadata) -> u64 {
    1
}

/// Gives the replacement the replaced file's mode bits, exactly (a mode set
/// on an open file is not masked by the umask), and its owner and group
/// where the system lets pm (a user may give a file only to a group they
/// are in; otherwise the owner stays theirs).
#[cfg(unix)]
fn keep_attributes(file: &File, metadata: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let ours = file.metadata()?;
    if ours.uid() != metadata.uid() || ours.gid() != metadata.gid() {
        let owner = (ours.uid() != metadata.uid()).then_some(metadata.uid());
        if std::os::unix::fs::fchown(file, owner, Some(metadata.gid())).is_err() {
            // Not the owner's to give: at least the group, if allowed.
            let _ = std::os::unix::fs::fchown(file, None, Some(metadata.gid()));
        }
    }
    // After chown, which clears setuid and setgid.
    file.set_permissions(metadata.permissions())
}

#[cfg(not(unix))]
fn keep_attributes(file: &File, metadata: &Metadata) -> io::Result<()> {
    file.set_permissions(metadata.permissions())
}

/// 0666: the kernel applies the umask when the file is created. (Without
/// this, the temporary file's private 0600 would stick to the result.)
#[cfg(unix)]
fn set_default_permissions(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(fs::Permissions::from_mode(0o666));
}

/// Elsewhere temporary files get the usual permissions already.
#[cfg(not(unix))]
fn set_default_permissions(_builder: &mut tempfile::Builder<'_, '_>) {}
