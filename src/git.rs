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

/// Files staged for commit (added, copied, modified or renamed), as paths
/// relative to the current folder.
pub fn staged_files() -> Result<Vec<PathBuf>, Error> {
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
    Ok(listed
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(|name| top.join(String::from_utf8_lossy(name).as_ref()))
        .collect())
}
