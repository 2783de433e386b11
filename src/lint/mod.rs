//! The linter: rules with stable ids, the checker they report through,
//! suppression comments, and the runner that lints many files in parallel.

pub mod check;
pub mod registry;
pub mod rule;
pub mod rules;
pub mod runner;
pub mod scan;
pub mod suppress;
pub mod templates;

use std::ops::Range;
use std::path::PathBuf;

use crate::document::lines::Position;
pub use rule::{Level, Rule};

/// One problem found in one file. Plain data, sorted before output so the
/// output is the same however the files were scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule that found it.
    pub rule: &'static Rule,
    /// Its level in this document (status-aware rules soften in drafts).
    pub level: Level,
    /// Byte span in the file (BOM excluded).
    pub span: Range<usize>,
    /// Where the span starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// The source line the finding starts on, for snippets.
    pub source_line: String,
}

/// The findings of one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// Its findings, sorted by position then rule.
    pub findings: Vec<Finding>,
    /// Where the file states its incident id, for the check across files.
    pub incident_id: Option<IdSite>,
}

/// Where a file states its incident id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdSite {
    /// The id.
    pub id: String,
    /// Where the value is.
    pub span: Range<usize>,
    /// Its start.
    pub start: Position,
    /// Its end.
    pub end: Position,
    /// The line it is on.
    pub source_line: String,
}
