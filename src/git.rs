//! The little pm asks of Git: where the hooks go, which files are staged,
//! what the index holds and what a change removes. It runs the `git`
//! program, so worktrees, `core.hooksPath` and submodules behave as Git
//! says.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;

/// Paths in diffs are relative to the top of the repository, whatever a
/// user's `diff.relative` says: pm joins them to the top itself.
const NO_RELATIVE: [&str; 2] = ["-c", "diff.relative=false"];

/// Runs `git args`; an error names the pm command that needed it,
/// the git command and git's first line of complaint.
fn git(needed_by: &str, args: &[&str]) -> Result<Vec<u8>, Error> {
    let output = Command::new("git").args(NO_RELATIVE).args(args).output();
    checked(needed_by, &args.join(" "), output)
}

/// Runs `git --literal-pathspecs args -- paths` (the paths taken as
/// names, not patterns); an error names the pm command that needed it, the
/// git subcommand (`args[0]`) and git's first line of complaint.
fn git_on(needed_by: &str, args: &[&str], paths: &[&Path]) -> Result<Vec<u8>, Error> {
    let output = Command::new("git")
        .args(NO_RELATIVE)
        .arg("--literal-pathspecs")
        .args(args)
        .arg("--")
        .args(paths)
        .output();
    checked(needed_by, args.first().copied().unwrap_or(""), output)
}

/// Git's output, or an error saying what `needed_by` could not get from
/// `git shown`.
fn checked(
    needed_by: &str,
    shown: &str,
    output: std::io::Result<std::process::Output>,
) -> Result<Vec<u8>, Error> {
    let output = output.map_err(|e| {
        Error::Usage(format!(
            "{needed_by}: cannot run git: {e}; is it installed?"
        ))
    })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().next().unwrap_or("").trim();
        return Err(Error::Usage(format!("{needed_by}: git {shown}: {first}")));
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

/// The files under `dir` that the working tree adds, copies, modifies or
/// renames since the commit `rev`, relative to the current folder (renamed
/// files under their new names).
pub fn changed_since(rev: &str, dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let needed_by = format!("pm lint --changed-since {rev}");
    let top = top(&needed_by)?;
    let listed = git_on(
        &needed_by,
        &[
            "diff",
            "-M",
            "--raw",
            "--no-abbrev",
            "-z",
            "--diff-filter=ACMR",
            rev,
        ],
        &[dir],
    )?;
    let mut changed: Vec<PathBuf> = raw_changes(&listed)
        .into_iter()
        .map(|change| top.join(path_from_bytes(change.new_path.unwrap_or(change.path))))
        .collect();
    // New files not added yet are part of the working tree's change too
    // (ls-files names them relative to the current folder).
    let untracked = git_on(
        &needed_by,
        &["ls-files", "--others", "--exclude-standard", "-z"],
        &[dir],
    )?;
    changed.extend(
        untracked
            .split(|&b| b == 0)
            .filter(|p| !p.is_empty())
            .map(path_from_bytes),
    );
    Ok(changed)
}

/// The top of the repository, relative to the current folder (empty there).
pub fn top(needed_by: &str) -> Result<PathBuf, Error> {
    git(needed_by, &["rev-parse", "--show-cdup"]).map(path_from)
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

/// One entry of `git diff --raw -z` output.
struct RawChange<'a> {
    mode: &'a str,
    blob: &'a str,
    /// `A`, `C`, `D`, `M`, `R`…, without the score.
    status: char,
    /// The path (the old one of a rename or copy).
    path: &'a [u8],
    /// The new path of a rename or copy.
    new_path: Option<&'a [u8]>,
}

/// Splits `git diff --raw -z` output: `:old-mode new-mode old-id new-id
/// status NUL path NUL`, with a second path for renames and copies.
fn raw_changes(listed: &[u8]) -> Vec<RawChange<'_>> {
    let mut fields = listed.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut changes = Vec::new();
    while let Some(header) = fields.next() {
        let Ok(header) = std::str::from_utf8(header) else {
            break;
        };
        let parts: Vec<&str> = header.trim_start_matches(':').split(' ').collect();
        let [_, mode, _, blob, status] = parts[..] else {
            break;
        };
        let Some(status) = status.chars().next() else {
            break;
        };
        let Some(path) = fields.next() else {
            break;
        };
        let new_path = if matches!(status, 'R' | 'C') {
            match fields.next() {
                Some(new_path) => Some(new_path),
                None => break,
            }
        } else {
            None
        };
        changes.push(RawChange {
            mode,
            blob,
            status,
            path,
            new_path,
        });
    }
    changes
}

/// Files staged for commit (added, copied, modified or renamed; a staged
/// deletion has nothing to lint), as paths relative to the current folder;
/// names that are not UTF-8 kept as they are.
pub fn staged_files() -> Result<Vec<StagedFile>, Error> {
    let top = top("pm lint --staged")?;
    let listed = git(
        "pm lint --staged",
        &[
            "diff",
            "--cached",
            "-M",
            "--raw",
            "--no-abbrev",
            "-z",
            "--diff-filter=ACMR",
        ],
    )?;
    Ok(raw_changes(&listed)
        .into_iter()
        .map(|change| StagedFile {
            path: top.join(path_from_bytes(change.new_path.unwrap_or(change.path))),
            mode: change.mode.to_owned(),
            blob: change.blob.to_owned(),
        })
        .collect())
}

/// What Git's index holds at `paths` (files, or folders for what is under
/// them; names taken literally, not as patterns): each file's path relative
/// to the current folder, mode and blob. Unmerged entries are left out.
pub fn index_files(paths: &[&Path]) -> Result<Vec<StagedFile>, Error> {
    let listed = git_on("pm lint --staged", &["ls-files", "-s", "-z"], paths)?;
    // `mode blob stage TAB path NUL`.
    let mut files = Vec::new();
    for entry in listed.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let Some(tab) = entry.iter().position(|&b| b == b'\t') else {
            continue;
        };
        let Ok(header) = std::str::from_utf8(&entry[..tab]) else {
            continue;
        };
        let parts: Vec<&str> = header.split(' ').collect();
        let [mode, blob, "0"] = parts[..] else {
            continue;
        };
        files.push(StagedFile {
            path: path_from_bytes(&entry[tab + 1..]),
            mode: mode.to_owned(),
            blob: blob.to_owned(),
        });
    }
    Ok(files)
}

/// The files under `dir` whose working tree differs from the index
/// (modified, deleted or of another type), relative to the current folder.
pub fn unstaged_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let top = top("pm lint --staged")?;
    let listed = git_on(
        "pm lint --staged",
        &["diff-files", "--name-only", "-z"],
        &[dir],
    )?;
    Ok(listed
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| top.join(path_from_bytes(p)))
        .collect())
}

/// A file that a change removes from the repository.
#[derive(Debug, Clone)]
pub struct Removed {
    /// Where it was, relative to the current folder.
    pub path: PathBuf,
    /// Where a rename put it, relative to the current folder.
    pub renamed_to: Option<PathBuf>,
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy)]
pub enum Change<'a> {
    /// The working tree against `HEAD`.
    WorkTree,
    /// The index against `HEAD` (`--staged`).
    Index,
    /// The working tree against a commit (`--changed-since`).
    Since(&'a str),
}

/// The files the change deletes or renames. Outside a repository or
/// before its first commit there is no change to speak of: none.
pub fn removed_files(change: Change<'_>) -> Vec<Removed> {
    let Ok(top) = top("pm lint") else {
        return Vec::new();
    };
    let mut args = vec!["diff"];
    if matches!(change, Change::Index) {
        args.push("--cached");
    }
    args.extend(["-M", "--raw", "--no-abbrev", "-z", "--diff-filter=DR"]);
    args.push(match change {
        Change::Since(rev) => rev,
        Change::WorkTree | Change::Index => "HEAD",
    });
    let Ok(listed) = git("pm lint", &args) else {
        return Vec::new();
    };
    raw_changes(&listed)
        .into_iter()
        .map(|change| Removed {
            path: top.join(path_from_bytes(change.path)),
            renamed_to: change
                .new_path
                .filter(|_| change.status == 'R')
                .map(|p| top.join(path_from_bytes(p))),
        })
        .collect()
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
