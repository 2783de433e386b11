//! The little pm asks of Git: where the hooks go and which files are staged.
//! It runs the `git` program, so worktrees, `core.hooksPath` and submodules
//! behave as Git says.

use std::path::PathBuf;
use std::process::Command;

use crate::error::Error;

/// Runs `git args`; an error names the pm command that needed it,
/// the git command and git's first line of complaint.
fn git(needed_by: &str, args: &[&str]) -> Result<Vec<u8>, Error> {
    let output = Command::new("git").args(args).output().map_err(|e| {
        Error::Usage(format!(
            "{needed_by}: cannot run git: {e}; is it installed?"
        ))
    })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("").trim();
        return Err(Error::Usage(format!(
            "{needed_by}: git {}: {first}",
            args.join(" ")
        )));
    }
    Ok(output.stdout)
}

fn path_from(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).trim_end_matches(['\n', '\r']))
}

/// The folder Git runs hooks from (`core.hooksPath` respected).
pub fn hooks_dir() -> Result<PathBuf, Error> {
    git("pm hook install", &["rev-parse", "--git-path", "hooks"]).map(path_from)
}

/// The files staged for commit, and where the repository's top is.
pub struct Staged {
    /// The top of the repository, relative to the current folder (empty
    /// there).
    pub top: PathBuf,
    /// Files added, copied, modified or renamed, relative to the current
    /// folder; names that are not UTF-8 kept as they are.
    pub files: Vec<StagedFile>,
}

/// A path from the bytes Git printed, as they are where the OS allows.
#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).as_ref())
}

/// A file staged for commit: its path (relative to the current folder),
/// the mode and the blob id of its staged content.
pub struct StagedFile {
    /// Where it is, relative to the current folder (the new name of a
    /// rename).
    pub path: PathBuf,
    /// Git's mode: `100644` or `100755` for a file, `120000` for a link.
    pub mode: String,
    /// The staged content's object id.
    pub blob: String,
}

/// Files staged for commit (added, copied, modified or renamed; a staged
/// deletion has nothing to lint), as paths relative to the current folder.
pub fn staged_files() -> Result<Staged, Error> {
    let top = git("pm lint --staged", &["rev-parse", "--show-cdup"]).map(path_from)?;
    let listed = git(
        "pm lint --staged",
        &[
            "diff",
            "--cached",
            "--raw",
            "--no-abbrev",
            "-z",
            "--diff-filter=ACMR",
        ],
    )?;
    // `:old-mode new-mode old-id new-id status NUL path NUL`, with a second
    // path for renames and copies.
    let mut fields = listed.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut files = Vec::new();
    while let Some(header) = fields.next() {
        let header = String::from_utf8_lossy(header);
        let parts: Vec<&str> = header.trim_start_matches(':').split(' ').collect();
        let [_, mode, _, blob, status] = parts[..] else {
            break;
        };
        let two_paths = status.starts_with('R') || status.starts_with('C');
        let mut path = fields.next();
        if two_paths {
            path = fields.next();
        }
        let Some(path) = path else {
            break;
        };
        files.push(StagedFile {
            path: top.join(path_from_bytes(path)),
            mode: mode.to_owned(),
            blob: blob.to_owned(),
        });
    }
    Ok(Staged { top, files })
}

/// The contents of `blobs`, in order, read by one `git cat-file --batch`;
/// `None` for one Git does not have.
pub fn read_blobs(blobs: &[&str]) -> Result<Vec<Option<Vec<u8>>>, Error> {
    use std::io::{Read, Write};
    if blobs.is_empty() {
        return Ok(Vec::new());
    }
    let failed = |e: std::io::Error| {
        Error::Usage(format!(
            "pm lint --staged: cannot run git cat-file: {e}; is git installed?"
        ))
    };
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(failed)?;
    let mut input = String::new();
    for blob in blobs {
        input.push_str(blob);
        input.push('\n');
    }
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| failed(std::io::Error::other("no stdin")))?;
    // Written on a thread: git answers while it reads, and both pipes fill.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut output = Vec::new();
    child
        .stdout
        .take()
        .ok_or_else(|| failed(std::io::Error::other("no stdout")))?
        .read_to_end(&mut output)
        .map_err(failed)?;
    let _ = writer.join();
    let _ = child.wait();
    // `<id> <type> <size>\n<content>\n`, or `<id> missing\n`.
    let mut out = Vec::with_capacity(blobs.len());
    let mut rest = &output[..];
    for _ in blobs {
        let Some(end) = rest.iter().position(|&b| b == b'\n') else {
            out.push(None);
            continue;
        };
        let header = String::from_utf8_lossy(&rest[..end]).into_owned();
        rest = &rest[end + 1..];
        let size = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|_| !header.ends_with(" missing"));
        match size {
            Some(size) if size <= rest.len() => {
                out.push(Some(rest[..size].to_vec()));
                rest = rest.get(size + 1..).unwrap_or(&[]);
            }
            _ => out.push(None),
        }
    }
    Ok(out)
}
