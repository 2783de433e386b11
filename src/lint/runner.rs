//! Linting many files: reading, parsing and checking each in parallel.
//! Reports come back in path order whatever the scheduling, and a document
//! is dropped as soon as its findings are made.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::document::Document;
use crate::document::front_matter::State;
use crate::lint::check::{Checker, Options};
use crate::lint::registry::UNREADABLE;
use crate::lint::rules::facts::DUPLICATE_ID;
use crate::lint::suppress::Suppressions;
use crate::lint::templates::Profiles;
use crate::lint::{Excerpt, FileReport, Finding, IdSite, Level, rules};

/// Lints `files` in parallel; reports are in the order of `files`. Each
/// report is also handed to `then` on the thread that made it (e.g. to
/// render it), and comes back with what `then` returned.
pub fn lint_files<T: Send>(
    files: &[PathBuf],
    config: &Config,
    profiles: &Profiles,
    options: Options,
    then: &(dyn Fn(&FileReport) -> T + Sync),
) -> Vec<(FileReport, T)> {
    files
        .par_iter()
        .map(|path| {
            let report = lint_file(path, config, profiles, options);
            let extra = then(&report);
            (report, extra)
        })
        .collect()
}

/// Reads, parses and checks one file. A file that cannot be read or decoded
/// gets a single finding saying why.
pub fn lint_file(
    path: &Path,
    config: &Config,
    profiles: &Profiles,
    options: Options,
) -> FileReport {
    let _processing = crate::crash::processing(path);
    crate::crash::debug_panic(path);
    let mut incident_id = None;
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
            Ok(doc) => {
                incident_id = id_site(&doc);
                lint_document(&doc, config, profiles, options)
            }
        },
    };
    FileReport {
        path: path.to_owned(),
        findings,
        incident_id,
    }
}

/// Checks a parsed document: every rule, then suppression comments, then
/// sorting by position.
pub fn lint_document(
    doc: &Document,
    config: &Config,
    profiles: &Profiles,
    options: Options,
) -> Vec<Finding> {
    let mut checker = Checker::new(doc, config, profiles, options);
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
        incident_id: None,
    }
}

/// Where a document states its incident id.
fn id_site(doc: &Document) -> Option<IdSite> {
    let State::Parsed(parsed) = &doc.front_matter else {
        return None;
    };
    let field = parsed.get("incident_id")?;
    let id = field.value.as_text().filter(|t| !t.trim().is_empty())?;
    let span = field.value_span.clone();
    let start = doc.position(span.start);
    let line = doc.lines.line_range(&doc.text, start.line - 1);
    Some(IdSite {
        id: id.trim().to_owned(),
        start,
        end: doc.position(span.end),
        source: Excerpt::of(
            &doc.text[line.clone()],
            span.start - line.start,
            start.column,
        ),
        span,
    })
}

/// Reports every incident id that more than one of `reports` states, on
/// each file that states it (PM309). `reports` are in path order. Returns
/// the indices of the reports that got a finding, in order.
pub fn check_duplicate_ids(reports: &mut [FileReport], config: &Config) -> Vec<usize> {
    let rule = &DUPLICATE_ID;
    if !config.enabled(rule) {
        return Vec::new();
    }
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, report) in reports.iter().enumerate() {
        if let Some(site) = &report.incident_id {
            by_id.entry(site.id.as_str()).or_default().push(i);
        }
    }
    let mut additions: Vec<(usize, Finding)> = Vec::new();
    for (id, files) in by_id.into_iter().filter(|(_, files)| files.len() > 1) {
        for &i in &files {
            let Some(site) = &reports[i].incident_id else {
                continue;
            };
            let others: Vec<String> = files
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| reports[j].path.display().to_string())
                .collect();
            additions.push((
                i,
                Finding {
                    rule,
                    level: config.level(rule),
                    span: site.span.clone(),
                    start: site.start,
                    end: site.end,
                    message: format!("incident id `{id}` is also used by {}", others.join(", ")),
                    help: rule.summary.into(),
                    source: site.source.clone(),
                },
            ));
        }
    }
    let mut changed: Vec<usize> = additions.iter().map(|(i, _)| *i).collect();
    for (i, finding) in additions {
        let findings = &mut reports[i].findings;
        findings.push(finding);
        findings.sort_by(|a, b| (a.start, a.end, a.rule.id).cmp(&(b.start, b.end, b.rule.id)));
    }
    changed.sort_unstable();
    changed.dedup();
    changed
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
        help: UNREADABLE.summary.into(),
        source: Excerpt::default(),
    }
}
