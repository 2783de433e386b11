//! The portfolio: every postmortem at once. Each file is read and parsed in
//! parallel into an [`Entry`] (its front matter facts and action items) and
//! the document is dropped; `list`, `index`, `actions` and `stats` are views
//! over the entries.

pub mod actions;
pub mod index;
pub mod list;
pub mod stats;
pub mod table;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::document::Document;
use crate::document::actions::ActionItem;
use crate::document::dates::{self, Timestamp, human_minutes};
use crate::error::Error;
use crate::files;

/// How a portfolio command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// JSON for scripts.
    Json,
    /// CSV for spreadsheets.
    Csv,
}

/// What one postmortem says about itself.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file.
    pub path: PathBuf,
    /// `title`.
    pub title: Option<String>,
    /// `incident_id`.
    pub id: Option<String>,
    /// `date`, when it is a date.
    pub date: Option<NaiveDate>,
    /// `severity`.
    pub severity: Option<String>,
    /// `status`.
    pub status: Option<String>,
    /// `started_at`.
    pub started: Option<Timestamp>,
    /// `detected_at`.
    pub detected: Option<Timestamp>,
    /// `resolved_at`.
    pub resolved: Option<Timestamp>,
    /// `duration` as written, else computed from started_at and resolved_at.
    pub duration: Option<String>,
    /// Minutes from started_at to resolved_at.
    pub duration_minutes: Option<i64>,
    /// Action items, each with the line it starts on.
    pub actions: Vec<(usize, ActionItem)>,
}

impl Entry {
    /// Built from a parsed document.
    pub fn of(doc: &Document) -> Entry {
        let field = |key: &str| doc.field(key).map(|v| v.trim().to_owned());
        let time = |key: &str| field(key).and_then(|t| dates::parse_timestamp(&t));
        let started = time("started_at");
        let resolved = time("resolved_at");
        let duration_minutes = match (&started, &resolved) {
            (Some(s), Some(r)) => Some(s.minutes_until(r)),
            _ => field("duration").and_then(|d| dates::parse_duration(&d)),
        };
        Entry {
            path: doc.path.clone(),
            title: field("title"),
            id: field("incident_id"),
            date: field("date").and_then(|d| dates::parse_date(&d)),
            severity: field("severity"),
            status: field("status"),
            started,
            detected: time("detected_at"),
            resolved,
            duration: field("duration").or_else(|| duration_minutes.map(human_minutes)),
            duration_minutes,
            actions: doc
                .actions
                .iter()
                .map(|a| (doc.position(a.span.start).line, a.clone()))
                .collect(),
        }
    }

    /// Minutes from start to detection.
    pub fn time_to_detect(&self) -> Option<i64> {
        Some(
            self.started
                .as_ref()?
                .minutes_until(self.detected.as_ref()?),
        )
    }

    /// Minutes from start to resolution.
    pub fn time_to_resolve(&self) -> Option<i64> {
        Some(
            self.started
                .as_ref()?
                .minutes_until(self.resolved.as_ref()?),
        )
    }

    /// Open action items.
    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|(_, a)| !a.done).count()
    }
}

/// A file that could not be read, and why.
pub type Problem = (PathBuf, String);

/// How much of each action item an [`Entry`] keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything (`pm actions`).
    Full,
    /// Owner, due date and done only (`pm list`, `pm stats`, `pm index`):
    /// the texts are dropped, so thousands of postmortems stay small.
    Counts,
}

/// The postmortems under `paths`, in path order, and the files that could
/// not be read.
pub fn load(paths: &[PathBuf], detail: Detail) -> Result<(Vec<Entry>, Vec<Problem>), Error> {
    let targets = files::collect(paths);
    if let Some(missing) = targets.missing.first() {
        return Err(Error::io(
            missing,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
        ));
    }
    let results: Vec<Result<Entry, (PathBuf, String)>> = targets
        .files
        .par_iter()
        .map(|path| read(path, detail))
        .collect();
    let mut entries = Vec::new();
    let mut problems = targets.unreadable;
    for result in results {
        match result {
            Ok(entry) => entries.push(entry),
            Err(problem) => problems.push(problem),
        }
    }
    Ok((entries, problems))
}

fn read(path: &Path, detail: Detail) -> Result<Entry, Problem> {
    let _processing = crate::crash::processing(path);
    let bytes = std::fs::read(path).map_err(|e| (path.to_owned(), e.to_string()))?;
    let doc = Document::from_bytes(path.to_owned(), bytes)
        .map_err(|e| (path.to_owned(), e.to_string()))?;
    let mut entry = Entry::of(&doc);
    if detail == Detail::Counts {
        for (_, action) in &mut entry.actions {
            action.text = String::new();
            action.priority = None;
            action.status = None;
        }
        entry.actions.shrink_to_fit();
    }
    Ok(entry)
}

/// Prints the problems of [`load`] to stderr as warnings.
pub fn warn(problems: &[Problem]) {
    for (path, reason) in problems {
        eprintln!("warning: skipping {}: {reason}", path.display());
    }
}
