//! `--format json`: one document with every finding and a summary.
//!
//! Schema (version 1):
//!
//! ```text
//! { "version": 1,
//!   "findings": [ { "path", "line", "column", "end_line", "end_column",
//!                   "rule", "name", "level", "message", "help",
//!                   "fix": null | { "applicability", "message",
//!                                   "edits": [ { "line", "column", "end_line",
//!                                                "end_column", "content" } ] } } ],
//!   "summary": { "files", "files_with_findings", "errors", "warnings" },
//!   "notes": [ { "level", "path", "message" } ] }
//! ```
//!
//! Lines and columns are 1-based; columns count characters; the end is
//! exclusive. `level` is "error" or "warning" for a finding, "error" or
//! "note" for a note (a path not found, a file skipped); a note's `path` is
//! null when it is about no file.

use std::io::{self, Write};

use serde::Serialize;

use crate::lint::FileReport;
use crate::output::{Note, Summary, portable_path};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Findings<'a>,
    summary: SummaryJson,
    notes: Vec<NoteJson<'a>>,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    level: &'static str,
    path: Option<String>,
    message: &'a str,
}

/// The findings of every report, in report order, serialized one at a time.
struct Findings<'a>(&'a [FileReport]);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().flat_map(|report| {
            let path = portable_path(&report.path);
            report.findings.iter().map(move |f| Finding {
                path: path.clone(),
                line: f.start.line,
                column: f.start.column,
                end_line: f.end.line,
                end_column: f.end.column,
                rule: f.rule.id,
                name: f.rule.name,
                level: f.level.to_string(),
                message: &f.message,
                help: &f.help,
                fix: f.fix.as_deref().map(|fix| FixJson {
                    applicability: fix.applicability.as_str(),
                    message: &fix.message,
                    edits: fix
                        .edits
                        .iter()
                        .zip(&fix.positions)
                        .map(|(edit, (start, end))| EditJson {
                            line: start.line,
                            column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                            content: &edit.text,
                        })
                        .collect(),
                }),
            })
        }))
    }
}

#[derive(Serialize)]
struct Finding<'a> {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    rule: &'a str,
    name: &'a str,
    level: String,
    message: &'a str,
    help: &'a str,
    fix: Option<FixJson<'a>>,
}

#[derive(Serialize)]
struct FixJson<'a> {
    applicability: &'static str,
    message: &'a str,
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    content: &'a str,
}

#[derive(Serialize)]
struct SummaryJson {
    files: usize,
    files_with_findings: usize,
    errors: usize,
    warnings: usize,
}

/// `--format json`.
pub const FORMAT: super::Spec = super::Spec {
    name: "json",
    help: "One JSON document: every finding and a summary",
    writer: super::Writer::Document(write),
};

/// Writes the JSON document and a final newline.
pub fn write(reports: &[FileReport], notes: &[Note], out: &mut dyn Write) -> io::Result<()> {
    let summary = Summary::of(reports);
    let document = Document {
        version: 1,
        findings: Findings(reports),
        summary: SummaryJson {
            files: summary.files,
            files_with_findings: summary.files_with_findings,
            errors: summary.errors,
            warnings: summary.warnings,
        },
        notes: notes
            .iter()
            .map(|note| NoteJson {
                level: note.level(),
                path: note.path.as_deref().map(portable_path),
                message: &note.message,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
