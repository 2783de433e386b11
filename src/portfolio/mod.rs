//! The portfolio: every postmortem at once. Each file is read and parsed in
//! parallel into an [`Entry`] (its front matter facts and action items) and
//! the document is dropped; `list`, `index`, `actions` and `stats` are views
//! over the entries.

pub mod actions;
pub mod digest;
pub mod index;
pub mod list;
pub mod report;
pub mod stats;
pub mod table;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::Config;
use crate::document::Document;
use crate::document::dates::{Timestamp, human_minutes};
use crate::document::facts::Fact;
use crate::document::inferred::{Found, Inferred, Reading};
use crate::document::placeholders;
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
    /// `services`.
    pub services: Vec<String>,
    /// The day the postmortem was finished (`reviewed_at`, else
    /// `published_at`).
    pub finished: Option<NaiveDate>,
    /// Action items, as counted.
    pub actions: Vec<ActionFacts>,
}

/// What `pm list` and `pm stats` need of an action item: no texts, so
/// thousands of postmortems stay small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFacts {
    /// Who owns it.
    pub owner: Option<String>,
    /// The due date, when it is one.
    pub due_date: Option<NaiveDate>,
    /// Whether it is finished.
    pub done: bool,
}

impl Entry {
    /// Built from a parsed document: its front matter's facts, and where
    /// the front matter has no such key, what its text says (a labelled
    /// field, the title, the file name, the timeline), the severity mapped
    /// onto `config`'s scale.
    pub fn of(doc: &Document, config: &Config) -> Entry {
        let facts = &doc.facts;
        // Read only when the front matter lacks a key.
        let inferred = || doc.inferred(reading(config));
        let text = |fact: &Fact<String>, found: fn(&Inferred) -> &Option<Found<String>>| match fact
        {
            Fact::Missing => found(inferred())
                .as_ref()
                .map(|f| f.value.clone())
                .filter(|v| !placeholders::is_unfilled(v)),
            _ => fact.text().map(str::to_owned),
        };
        fn or_inferred<T: Copy>(fact: &Fact<T>, found: impl FnOnce() -> Option<T>) -> Option<T> {
            match fact {
                Fact::Missing => found(),
                _ => fact.value().copied(),
            }
        }
        let severity = match &facts.severity {
            Fact::Missing => inferred().severity.as_ref().and_then(|f| {
                (config.severities)
                    .map_loose(&f.value, &config.severity_aliases)
                    .map(str::to_owned)
            }),
            fact => fact.text().map(str::to_owned),
        };
        let time = |found: fn(&Inferred) -> &Option<Found<Timestamp>>| {
            move || found(inferred()).as_ref().map(|f| f.value)
        };
        let started = or_inferred(&facts.started_at, time(|i| &i.started_at));
        let resolved = or_inferred(&facts.resolved_at, time(|i| &i.resolved_at));
        let duration_minutes = match (&started, &resolved) {
            (Some(s), Some(r)) => Some(s.minutes_until(r)),
            _ => match &facts.duration {
                Fact::Missing => inferred().duration.as_ref().map(|d| d.value),
                fact => fact.value().map(|d| d.minutes),
            },
        };
        // As written, readable or not.
        let duration = match &facts.duration {
            Fact::Valid { value, .. } => Some(value.text.trim().to_owned()),
            Fact::Invalid { written, .. } => written.as_text().map(|t| t.trim().to_owned()),
            Fact::Missing | Fact::Empty { .. } => None,
        };
        Entry {
            path: doc.path.clone(),
            title: text(&facts.title, |i| &i.title),
            id: text(&facts.incident_id, |i| &i.incident_id),
            date: or_inferred(&facts.date, || inferred().date.as_ref().map(|f| f.value)),
            severity,
            status: match &facts.status {
                Fact::Missing => (inferred().status.as_ref())
                    .map(|f| crate::document::inferred::status_on(&f.value, &config.statuses)),
                fact => fact.text().map(str::to_owned),
            },
            started,
            detected: or_inferred(&facts.detected_at, time(|i| &i.detected_at)),
            resolved,
            duration: duration.or_else(|| duration_minutes.map(human_minutes)),
            duration_minutes,
            services: match &facts.services {
                Fact::Missing => (inferred().services.as_ref())
                    .map(|f| f.value.clone())
                    .unwrap_or_default(),
                fact => fact
                    .value()
                    .map(|items| {
                        // A service named twice is one service.
                        let mut names: Vec<String> = Vec::with_capacity(items.len());
                        for item in items {
                            if !names.contains(&item.value) {
                                names.push(item.value.clone());
                            }
                        }
                        names
                    })
                    .unwrap_or_default(),
            },
            finished: facts.finished().map(|(_, day)| day),
            actions: doc
                .actions
                .iter()
                .filter(|a| !a.placeholder)
                .map(|a| ActionFacts {
                    owner: a.owner.as_ref().map(|o| o.text.clone()),
                    // An item with no date is due when the deadline
                    // policy says, as in `pm actions`.
                    due_date: a.due_date.or_else(|| {
                        a.due
                            .is_none()
                            .then(|| config.actions.due(a, &doc.facts).map(|p| p.date))
                            .flatten()
                    }),
                    done: a.done,
                })
                .collect(),
        }
    }

    /// Minutes from start to detection; `None` when the order is wrong
    /// (PM303 says so), so a typo never lowers a median.
    pub fn time_to_detect(&self) -> Option<i64> {
        let minutes = self
            .started
            .as_ref()?
            .minutes_until(self.detected.as_ref()?);
        (minutes >= 0).then_some(minutes)
    }

    /// Minutes from start to resolution; `None` when the order is wrong.
    pub fn time_to_resolve(&self) -> Option<i64> {
        let minutes = self
            .started
            .as_ref()?
            .minutes_until(self.resolved.as_ref()?);
        (minutes >= 0).then_some(minutes)
    }

    /// Days from the day of the resolution to the finished postmortem.
    pub fn days_to_postmortem(&self) -> Option<i64> {
        let days = (self.finished? - self.resolved.as_ref()?.day()).num_days();
        (days >= 0).then_some(days)
    }

    /// Open action items.
    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|a| !a.done).count()
    }
}

/// How `config` says to read what a postmortem pm did not write leaves
/// open: the zone of its times, the order of its numeric dates.
pub fn reading(config: &Config) -> Reading {
    Reading {
        zone: config.default_zone,
        date_order: config.date_order,
    }
}

/// A file that could not be read, and why.
pub type Problem = (PathBuf, String);

/// What `extract` makes of each postmortem under `paths`, in path order,
/// and the files that could not be read. Files are read and parsed in
/// parallel and each document is dropped as soon as `extract` is done.
pub fn load<T: Send>(
    paths: &[PathBuf],
    max_file_size: u64,
    extract: impl Fn(&Document) -> T + Sync,
) -> Result<(Vec<T>, Vec<Problem>), Error> {
    let targets = files::collect(paths);
    if let Some(missing) = targets.missing.first() {
        return Err(Error::io(
            missing,
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
        ));
    }
    let results: Vec<Result<T, Problem>> = targets
        .files
        .par_iter()
        .map(|path| read(path, max_file_size, &extract))
        .collect();
    let mut extracted = Vec::with_capacity(results.len());
    let mut problems = targets.unreadable;
    problems.extend(targets.outside.into_iter().map(|path| {
        (
            path,
            "a symbolic link that leads outside the repository".to_owned(),
        )
    }));
    for result in results {
        match result {
            Ok(value) => extracted.push(value),
            Err(problem) => problems.push(problem),
        }
    }
    Ok((extracted, problems))
}

fn read<T>(
    path: &Path,
    max_file_size: u64,
    extract: impl Fn(&Document) -> T,
) -> Result<T, Problem> {
    let _processing = crate::crash::processing(path);
    let bytes =
        files::read_regular(path, max_file_size).map_err(|e| (path.to_owned(), e.to_string()))?;
    let doc = Document::from_bytes(path.to_owned(), bytes)
        .map_err(|e| (path.to_owned(), e.to_string()))?;
    Ok(extract(&doc))
}
