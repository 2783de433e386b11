//! Finding the postmortems (files as given, folders walked for Markdown
//! files, each file once, links followed only inside the repository) and
//! reading them (regular files only, within a size limit, never waiting on
//! open). Lint, the portfolio commands and `pm new` share it.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest file pm reads unless `max_file_size` in `.pm.yaml` says
/// otherwise: far above any postmortem, low enough that a link to a disk
/// image or `/dev/zero` cannot exhaust memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 128 * 1024 * 1024;

/// Reads the regular file at `path`, of at most `limit` bytes. Anything
/// else (a FIFO, a device, a folder, a file over the limit, or one that
/// grows past it while read) is an error saying what it is. Opening never
/// waits: a FIFO with no writer is not waited for.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_regular_identified(path, limit).map(|(bytes, _)| bytes)
}

/// Which file a path leads to, links followed: the same for every path to
/// it (device and inode on Unix). `None` where the system cannot say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(u64, u64);

impl FileId {
    /// The file at `path`, if it is there.
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().and_then(|m| FileId::from(&m))
    }

    #[cfg(unix)]
    fn from(metadata: &std::fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId(metadata.dev(), metadata.ino()))
    }

    #[cfg(not(unix))]
    fn from(_metadata: &std::fs::Metadata) -> Option<FileId> {
        None
    }
}

/// [`read_regular`], and which file was read (from the open file: no
/// extra call).
pub fn read_regular_identified(path: &Path, limit: u64) -> io::Result<(Vec<u8>, Option<FileId>)> {
    let file = open_without_waiting(path)?;
    let metadata = file.metadata()?;
    let id = FileId::from(&metadata);
    if !metadata.is_file() {
        return Err(io::Error::other(format!(
            "{}, not a regular file; pm reads only regular files",
            kind_of(&metadata)
        )));
    }
    let over = || {
        io::Error::other(format!(
            "over the {} limit for a file (`max_file_size` in .pm.yaml)",
            size_text(limit)
        ))
    };
    if metadata.len() > limit {
        return Err(over());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(over());
    }
    Ok((bytes, id))
}

/// [`read_regular`] of UTF-8 text.
pub fn read_regular_text(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read_regular(path, limit)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// What a file that is not a regular file is.
fn kind_of(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if metadata.is_dir() {
        "a folder"
    } else {
        "something else"
    }
}

/// Whether `e` says a chain of symbolic links loops.
/// Why pm may not replace the file at `path`, if it may not: it is marked
/// read-only, or this user may not write it (its owner may be another,
/// whose file a rename in a folder this user may write to would take over).
pub fn not_writable(path: &Path) -> Option<&'static str> {
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        Some("it is read-only")
    } else if !user_may_write(path) {
        Some("this user may not write it")
    } else {
        None
    }
}

#[cfg(unix)]
fn user_may_write(path: &Path) -> bool {
    use rustix::fs::{Access, AtFlags, CWD, accessat};
    accessat(CWD, path, Access::WRITE_OK, AtFlags::EACCESS).is_ok()
}

#[cfg(not(unix))]
fn user_may_write(_path: &Path) -> bool {
    true
}

#[cfg(unix)]
pub fn is_loop(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

/// Whether `e` says a chain of symbolic links loops.
#[cfg(not(unix))]
pub fn is_loop(_e: &io::Error) -> bool {
    false
}

/// `128 MiB`, `512 KiB`, `100 bytes`.
pub fn size_text(bytes: u64) -> String {
    const UNITS: [(&str, u64); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if bytes >= size && bytes.is_multiple_of(size) {
            return format!("{} {unit}", bytes / size);
        }
    }
    format!("{bytes} bytes")
}

/// The files to lint, and what could not be used.
#[derive(Debug, Default)]
pub struct Targets {
    /// Markdown files, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Paths given that do not exist.
    pub missing: Vec<PathBuf>,
    /// Files given explicitly that are not Markdown.
    pub skipped: Vec<PathBuf>,
    /// Folders or links that could not be walked, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
    /// Symbolic links not followed because they lead outside the
    /// repository (or outside the folder given, outside a repository).
    pub outside: Vec<PathBuf>,
}

/// The folder links may not lead out of, for files found from `path`: the
/// root of the repository holding it, else the folder itself (for a file,
/// its folder).
fn boundary(path: &Path) -> Option<PathBuf> {
    let real = std::fs::canonicalize(path).ok()?;
    let folder = if real.is_dir() {
        real
    } else {
        real.parent()?.to_path_buf()
    };
    let root = repository_root(&folder).map(Path::to_path_buf);
    Some(root.unwrap_or(folder))
}

/// The nearest folder from `dir` up that holds `.git`: the repository's
/// root.
pub fn repository_root(dir: &Path) -> Option<&Path> {
    dir.ancestors().find(|d| d.join(".git").exists())
}

/// Whether the link at `path` leads inside `boundary`.
fn stays_inside(path: &Path, boundary: &Path) -> bool {
    std::fs::canonicalize(path).is_ok_and(|target| target.starts_with(boundary))
}

/// `path` made absolute with `.` and `..` resolved on the names alone, not
/// the file system: the same for a file that is gone as for one that is
/// there, and for the two spellings `docs/./a.md` and `docs/a.md`.
pub fn lexical_absolute(path: &Path) -> Option<PathBuf> {
    // pm never changes its folder: asked once, not for each of thousands.
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        CWD.get_or_init(|| std::env::current_dir().ok())
            .as_ref()?
            .join(path)
    };
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    Some(out)
}

/// Where `path` really is: the canonical path when it exists (links
/// resolved, so `$PWD/docs/a.md` through a linked folder and `docs/a.md`
/// are one file), else [`lexical_absolute`].
pub fn real_path(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path)
        .ok()
        .or_else(|| lexical_absolute(path))
}

/// Whether `inner` is `outer` or lies inside it, by [`real_path`].
pub fn is_within(inner: &Path, outer: &Path) -> bool {
    match (real_path(inner), real_path(outer)) {
        (Some(inner), Some(outer)) => inner.starts_with(outer),
        _ => false,
    }
}

/// Whether `path` names a Markdown file (`.md` or `.markdown`, any case).
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// A folder's README (or index) describes the folder (`pm index` writes
/// one); it is not a postmortem. A folder walk and the hooks skip it; naming
/// it on the command line lints it.
pub fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme") || s.eq_ignore_ascii_case("index"))
}

/// Expands `paths`: files are taken as given, folders are walked for
/// Markdown files (hidden files and what `.gitignore` excludes are skipped).
pub fn collect(paths: &[PathBuf]) -> Targets {
    let mut targets = Targets::default();
    // One walk of one folder without links names each file once.
    let mut may_repeat = paths.len() > 1;
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) => {
                if is_loop(&e) {
                    targets
                        .unreadable
                        .push((path.clone(), "symbolic link loop".to_owned()));
                } else if path.symlink_metadata().is_ok() {
                    targets
                        .unreadable
                        .push((path.clone(), "broken symbolic link".to_owned()));
                } else {
                    targets.missing.push(path.clone());
                }
                continue;
            }
        };
        // A link named here (a hook passes every staged file) is followed
        // only inside the repository it is in.
        let is_link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
        if is_link {
            let inside = path
                .parent()
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        p
                    }
                })
                .and_then(boundary)
                .is_some_and(|b| stays_inside(path, &b));
            if !inside {
                targets.outside.push(path.clone());
                continue;
            }
        }
        if !metadata.is_dir() {
            if is_markdown(path) {
                targets.files.push(path.clone());
            } else {
                targets.skipped.push(path.clone());
            }
            continue;
        }
        let outside = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut builder = ignore::WalkBuilder::new(path);
        builder.require_git(false).follow_links(true);
        if let Some(limit) = boundary(path) {
            let outside = std::sync::Arc::clone(&outside);
            builder.filter_entry(move |entry| {
                if !entry.path_is_symlink() || stays_inside(entry.path(), &limit) {
                    return true;
                }
                // Only what a walk would have used is worth a note.
                let wanted =
                    entry.file_type().is_some_and(|t| t.is_dir()) || is_markdown(entry.path());
                if wanted {
                    let mut outside = outside.lock().unwrap_or_else(|e| e.into_inner());
                    outside.push(entry.path().to_path_buf());
                }
                false
            });
        }
        let walker = builder.build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    may_repeat |= entry.path_is_symlink();
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if is_file && is_markdown(entry.path()) && !is_readme(entry.path()) {
                        // Kept for the whole run: no spare capacity.
                        let mut path = entry.into_path();
                        path.shrink_to_fit();
                        targets.files.push(path);
                    }
                }
                Err(err) => targets.unreadable.push(walk_error(path, &err)),
            }
        }
        let mut outside = outside.lock().unwrap_or_else(|e| e.into_inner());
        targets.outside.append(&mut outside);
    }
    targets.outside.sort_unstable_by(|a, b| path_order(a, b));
    targets.files.sort_unstable_by(|a, b| path_order(a, b));
    // One file named twice (`a.md ./a.md`, given and found in a folder, or
    // reached through a link) is linted once, under the first name.
    if may_repeat {
        let mut seen = std::collections::HashSet::new();
        targets.files.retain(|path| {
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
        });
    }
    targets
}

/// The order files are reported in: byte order with `/` before every other
/// byte, which is `Path`'s component order for the paths a walk yields, at
/// a fraction of its cost.
pub fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let key = |byte: &u8| {
        if *byte == b'/' {
            0
        } else {
            u16::from(*byte) + 1
        }
    };
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    a.iter().map(key).cmp(b.iter().map(key))
}

/// What went wrong, without the walker's "IO error for operation on …"
/// (the path is said already).
fn walk_message(err: &ignore::Error) -> String {
    let io_text = |e: &std::io::Error| {
        let text = e.to_string();
        match text
            .strip_prefix("IO error for operation on ")
            .and_then(|rest| rest.split_once(": "))
        {
            Some((_, what)) => what.to_owned(),
            None => text,
        }
    };
    match err {
        ignore::Error::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            format!("folder cannot be read: {}", io_text(e))
        }
        ignore::Error::Io(e) => io_text(e),
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => {
            walk_message(err)
        }
        other => other.to_string(),
    }
}

fn walk_error(root: &Path, err: &ignore::Error) -> (PathBuf, String) {
    match err {
        ignore::Error::WithPath { path, err } => (path.clone(), walk_message(err)),
        ignore::Error::WithDepth { err, .. } => walk_error(root, err),
        ignore::Error::Loop { ancestor, child } => (
            child.clone(),
            format!("symbolic link loop back to {}", ancestor.display()),
        ),
        other => (root.to_owned(), other.to_string()),
    }
}
