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
    pub files: Vec<PathBuf>,
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

/// Files staged for commit (added, copied, modified or renamed), as paths
/// relative to the current folder.
pub fn staged_files() -> Result<Staged, Error> {
    let top = git("pm lint --staged", &["rev-parse", "--show-cdup"]).map(path_from)?;
    let listed = git(
        "pm lint --staged",
        &[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--diff-filter=ACMR",
        ],
    )?;
    let files = listed
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(|name| top.join(path_from_bytes(name)))
        .collect();
    Ok(Staged { top, files })
}
