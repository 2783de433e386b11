//! Linting many files: finding them, then reading, parsing and checking each
//! in parallel. Reports come back in path order whatever the scheduling, and
//! a document is dropped as soon as its findings are made.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::document::Document;
use crate::lint::check::Checker;
use crate::lint::registry::UNREADABLE;
use crate::lint::suppress::Suppressions;
use crate::lint::templates::Profiles;
use crate::lint::{FileReport, Finding, Level, rules};

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
}

/// Whether `path` names a Markdown file (`.md` or `.markdown`, any case).
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// Expands `paths`: files are taken as given, folders are walked for
/// Markdown files (hidden files and what `.gitignore` excludes are skipped).
pub fn collect(paths: &[PathBuf]) -> Targets {
    let mut targets = Targets::default();
    for path in paths {
        let Ok(metadata) = std::fs::metadata(path) else {
            if path.symlink_metadata().is_ok() {
                targets
                    .unreadable
                    .push((path.clone(), "broken symbolic link".to_owned()));
            } else {
                targets.missing.push(path.clone());
            }
            continue;
        };
        if !metadata.is_dir() {
            if is_markdown(path) {
                targets.files.push(path.clone());
            } else {
                targets.skipped.push(path.clone());
            }
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .require_git(false)
            .follow_links(true)
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if is_file && is_markdown(entry.path()) {
                        targets.files.push(entry.into_path());
                    }
                }
                Err(err) => targets.unreadable.push(walk_error(path, &err)),
            }
        }
    }
    targets.files.sort();
    targets.files.dedup();
    targets
}

fn walk_error(root: &Path, err: &ignore::Error) -> (PathBuf, String) {
    match err {
        ignore::Error::WithPath { path, err } => (path.clone(), err.to_string()),
        ignore::Error::WithDepth { err, .. } => walk_error(root, err),
        ignore::Error::Loop { ancestor, child } => (
            child.clone(),
            format!("symbolic link loop back to {}", ancestor.display()),
        ),
        other => (root.to_owned(), other.to_string()),
    }
}

/// Lints `files` in parallel; reports are in the order of `files`.
pub fn lint_files(
    files: &[PathBuf],
    config: &Config,
    profiles: &Profiles,
    strict: bool,
) -> Vec<FileReport> {
    files
        .par_iter()
        .map(|path| lint_file(path, config, profiles, strict))
        .collect()
}

/// Reads, parses and checks one file. A file that cannot be read or decoded
/// gets a single finding saying why.
pub fn lint_file(path: &Path, config: &Config, profiles: &Profiles, strict: bool) -> FileReport {
    let findings = match std::fs::read(path) {
        Err(err) => vec![unreadable(err.to_string(), 1)],
        Ok(bytes) => match Document::from_bytes(path.to_owned(), bytes) {
            Err(err) => {
                let line = match err {
                    crate::document::DecodeError::NotUtf8 { line, .. } => line,
                    crate::document::DecodeError::Binary => 1,
                };
                vec![unreadable(err.to_string(), line)]
            }
            Ok(doc) => lint_document(&doc, config, profiles, strict),
        },
    };
    FileReport {
        path: path.to_owned(),
        findings,
    }
}

/// Checks a parsed document: every rule, then suppression comments, then
/// sorting by position.
pub fn lint_document(
    doc: &Document,
    config: &Config,
    profiles: &Profiles,
    strict: bool,
) -> Vec<Finding> {
    let mut checker = Checker::new(doc, config, profiles, strict);
    rules::check_all(&mut checker);
    let suppressions = Suppressions::of(doc);
    let mut findings: Vec<Finding> = checker
        .into_findings()
        .into_iter()
        .filter(|f| !suppressions.suppresses(f.rule.id, f.start.line))
        .collect();
    findings.sort_by(|a, b| (a.start, a.end, a.rule.id).cmp(&(b.start, b.end, b.rule.id)));
    findings.dedup_by(|a, b| a.span == b.span && a.rule.id == b.rule.id && a.message == b.message);
    findings
}

/// A report for a path that could not be read or walked.
pub fn unreadable_report(path: PathBuf, reason: String) -> FileReport {
    FileReport {
        path,
        findings: vec![unreadable(reason, 1)],
    }
}

fn unreadable(message: String, line: usize) -> Finding {
    let position = crate::document::lines::Position { line, column: 1 };
    Finding {
        rule: &UNREADABLE,
        level: Level::Error,
        span: 0..0,
        start: position,
        end: position,
        message,
        help: UNREADABLE.summary.to_owned(),
        source_line: String::new(),
    }
}
