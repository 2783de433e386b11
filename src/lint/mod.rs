//! The linter: rules with stable ids, the checker they report through,
//! suppression comments, and the runner that lints many files in parallel.

pub mod archive;
pub mod check;
pub mod fix;
pub mod registry;
pub mod rule;
pub mod rules;
pub mod runner;
pub mod settings;
pub mod suppress;
pub mod templates;

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;

use crate::document::lines::{Position, floor_char_boundary};
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
    pub help: Cow<'static, str>,
    /// The source line the finding starts on, for snippets.
    pub source: Excerpt,
    /// The edits that fix it, if pm knows them.
    pub fix: Option<Box<fix::Fix>>,
}

/// A source line, or the part of a long one around a finding.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    /// The text.
    pub text: String,
    /// The 1-based column in the whole line where `text` starts.
    pub first_column: usize,
    /// Whether the line goes on after `text`.
    pub cut_end: bool,
}

impl Excerpt {
    /// Longest line kept whole, in bytes.
    const WHOLE: usize = 240;

    /// `line`, or a window of it around byte `at` (at 1-based `column`)
    /// when it is long: 40 bytes before and 88 after, so that the window
    /// and its cut marks fit a 140-column terminal with the gutter. Only
    /// the window's characters are counted, so a huge line with many
    /// findings stays cheap.
    pub fn of(line: &str, at: usize, column: usize) -> Excerpt {
        if line.len() <= Self::WHOLE {
            return Excerpt {
                text: line.to_owned(),
                first_column: 1,
                cut_end: false,
            };
        }
        let at = floor_char_boundary(line, at.min(line.len()));
        let mut start = floor_char_boundary(line, at.saturating_sub(40));
        let skipped = line[start..at].chars().count();
        let first_column = column.saturating_sub(skipped).max(1);
        if first_column == 1 {
            start = 0;
        }
        let end = floor_char_boundary(line, (at + 88).min(line.len()));
        Excerpt {
            text: line[start..end].to_owned(),
            first_column,
            cut_end: end < line.len(),
        }
    }
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
    /// With `--fix` or `--diff`: what fixing it did.
    pub fixed: Option<fix::Fixed>,
}

/// Where a file states its incident id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdSite {
    /// The id.
    pub id: String,
    /// Whether a suppression comment turns PM309 off where it stands (the
    /// id still counts for the other files).
    pub suppressed: bool,
    /// Where the value is.
    pub span: Range<usize>,
    /// Its start.
    pub start: Position,
    /// Its end.
    pub end: Position,
    /// The line it is on.
    pub source: Excerpt,
}
