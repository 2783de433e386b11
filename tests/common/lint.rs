//! Helpers for the `pm lint` and `pm rules` tests: the real binary run in a
//! temporary folder on files written there, with relative paths so the
//! output is predictable.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub use super::{pm, tmp};

/// Writes `contents` to `path` (relative to `tmp`) exactly as given,
/// creating its folders.
pub fn write(tmp: &TempDir, path: &str, contents: impl AsRef<[u8]>) {
    let full = tmp.path().join(path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|e| panic!("create {}: {e}", parent.display()));
    }
    std::fs::write(&full, contents).unwrap_or_else(|e| panic!("write {}: {e}", full.display()));
}

/// Creates the folder `path` (relative to `tmp`) and its parents.
pub fn mkdir(tmp: &TempDir, path: &str) {
    let full = tmp.path().join(path);
    std::fs::create_dir_all(&full).unwrap_or_else(|e| panic!("create {}: {e}", full.display()));
}

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Standard output, as text.
    pub stdout: String,
    /// Standard error, as text.
    pub stderr: String,
}

impl Run {
    /// The stdout lines.
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// The stdout lines (concise findings) of rule `id`.
    pub fn findings_of(&self, id: &str) -> Vec<&str> {
        let needle = format!(": {id} [");
        self.stdout
            .lines()
            .filter(|line| line.contains(&needle))
            .collect()
    }
}

/// Runs `cmd` to completion.
pub fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("run pm");
    Run {
        code: output.status.code().expect("pm exited with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// `pm lint --format concise <args>` inside `tmp`.
///
/// The day is pinned (`--today` [`TODAY`], unless `args` set one), so
/// overdue action items do not change as the calendar moves on.
pub fn lint(tmp: &TempDir, args: &[&str]) -> Run {
    let mut cmd = pm(tmp);
    cmd.args(["lint", "--format", "concise"]);
    if !args.contains(&"--today") {
        cmd.args(["--today", TODAY]);
    }
    run(cmd.args(args))
}

pub use super::TODAY;

/// `pm lint --format human <args>` inside `tmp`.
pub fn lint_human(tmp: &TempDir, args: &[&str]) -> Run {
    run(pm(tmp)
        .args(["lint", "--format", "human", "--today", TODAY])
        .args(args))
}

/// Writes `doc` to `a.md` in a fresh folder and lints it (concise, plus
/// `extra` arguments such as `--strict`).
pub fn lint_doc(doc: &str, extra: &[&str]) -> Run {
    let tmp = tmp();
    write(&tmp, "a.md", doc);
    let mut args = extra.to_vec();
    args.push("a.md");
    lint(&tmp, &args)
}

/// The stderr summary of a run without findings.
pub fn no_problems(files: usize) -> String {
    let files = if files == 1 {
        "1 file".to_owned()
    } else {
        format!("{files} files")
    };
    format!("Checked {files}: no problems found.\n")
}

/// Asserts a run found nothing at all and exited 0.
#[track_caller]
pub fn assert_clean(run: &Run, files: usize) {
    assert_eq!(
        run.stdout, "",
        "expected no findings; stderr:\n{}",
        run.stderr
    );
    assert_eq!(run.stderr, no_problems(files));
    assert_eq!(run.code, 0);
}

/// A finished postmortem that `pm lint --strict` finds nothing in. The
/// Resolution paragraph is line 29; [`clean_with`] inserts text at line 31.
pub const CLEAN: &str = "\
---
title: Checkout API returned 503s
incident_id: INC-2026-0042
date: 2026-11-22
severity: SEV-2
status: final
started_at: 2026-11-22T14:02:00Z
detected_at: 2026-11-22T14:06:00Z
resolved_at: 2026-11-22T15:21:00Z
---

# Checkout API returned 503s

## Summary

The checkout API returned 503s for 79 minutes because the orders database
connection pool was exhausted.

## Timeline

At 14:02 UTC the error rate rose above 5%.

## Root Cause

The pool was capped at 20 connections while traffic doubled.

## Resolution

We raised the pool size to 80 and restarted the API pods.

## Action Items

- Add a pool-saturation alert (OPS-1423).
";

/// The line [`clean_with`] inserts its text at.
pub const INSERTED_AT: usize = 31;

/// [`CLEAN`] with `blocks` added to the Resolution section, starting on
/// line 31 and followed by a blank line.
pub fn clean_with(blocks: &str) -> String {
    edit(
        CLEAN,
        "restarted the API pods.\n\n",
        &format!("restarted the API pods.\n\n{blocks}\n\n"),
    )
}

/// `doc` with `from` replaced by `to`; `from` must occur exactly once.
#[track_caller]
pub fn edit(doc: &str, from: &str, to: &str) -> String {
    assert_eq!(
        doc.matches(from).count(),
        1,
        "{from:?} should occur once in:\n{doc}"
    );
    doc.replacen(from, to, 1)
}

/// `doc` with `status: final` changed to `status: <status>`.
#[track_caller]
pub fn with_status(doc: &str, status: &str) -> String {
    edit(doc, "status: final\n", &format!("status: {status}\n"))
}

/// `doc` (one holding the clean document's `incident_id: INC-2026-0042`)
/// with the id `INC-2026-{n:04}` in its place, same width so positions do
/// not move: the files of one run must not share ids (PM309).
pub fn with_id(doc: &str, n: u16) -> String {
    edit(
        doc,
        "incident_id: INC-2026-0042\n",
        &format!("incident_id: INC-2026-{n:04}\n"),
    )
}

/// `doc` with CRLF line endings.
pub fn crlf(doc: &str) -> String {
    doc.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// `doc` behind a UTF-8 byte order mark.
pub fn bom(doc: &str) -> String {
    format!("\u{feff}{doc}")
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example postmortems, sorted, as (file name, text).
pub fn examples() -> Vec<(String, String)> {
    let dir = repo().join("examples/postmortems");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .map(|path| {
            let name = file_name(&path);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            (name, text)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples in {}", dir.display());
    files
}

/// The template seeds kept in `tests/fixtures/seeds`, by file stem.
pub fn seed(stem: &str) -> String {
    let path = repo()
        .join("tests/fixtures/seeds")
        .join(format!("{stem}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// (line, column, rule) of a concise finding line `path:line:col: ID [...] ...`.
pub fn position_and_rule(line: &str) -> (String, String, String) {
    let mut parts = line.splitn(4, ':');
    let _path = parts.next();
    let row = parts.next().expect("a line number").to_owned();
    let col = parts.next().expect("a column").to_owned();
    let rest = parts.next().expect("the rest").trim_start();
    let rule = rest.split(' ').next().expect("a rule id").to_owned();
    (row, col, rule)
}
