//! `pm list`: one row per postmortem.

use chrono::NaiveDate;
use serde::Serialize;

use crate::output::portable_path;
use crate::portfolio::Entry;

/// Which postmortems to show.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these severities (as on the scale).
    pub severities: Vec<String>,
    /// Only these statuses.
    pub statuses: Vec<String>,
    /// Only incidents on or after this day.
    pub since: Option<NaiveDate>,
    /// Only incidents on or before this day.
    pub until: Option<NaiveDate>,
}

impl Filter {
    /// Whether `entry` passes.
    pub fn keeps(&self, entry: &Entry) -> bool {
        let severity_ok = self.severities.is_empty()
            || entry
                .severity
                .as_ref()
                .is_some_and(|s| self.severities.contains(s));
        let status_ok = self.statuses.is_empty()
            || entry
                .status
                .as_ref()
                .is_some_and(|s| self.statuses.contains(s));
        let since_ok = self
            .since
            .is_none_or(|since| entry.date.is_some_and(|d| d >= since));
        let until_ok = self
            .until
            .is_none_or(|until| entry.date.is_some_and(|d| d <= until));
        severity_ok && status_ok && since_ok && until_ok
    }
}

/// A row of `pm list`, as JSON shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Row {
    /// The file.
    pub path: String,
    /// Day the incident started.
    pub date: Option<String>,
    /// Incident id.
    pub incident_id: Option<String>,
    /// Severity.
    pub severity: Option<String>,
    /// Status.
    pub status: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Duration as written (or computed).
    pub duration: Option<String>,
    /// Minutes from started_at to resolved_at.
    pub duration_minutes: Option<i64>,
    /// Action items not done.
    pub open_actions: usize,
    /// All action items.
    pub actions: usize,
}

/// The rows for `entries` that pass `filter`, oldest first.
pub fn rows(entries: &[Entry], filter: &Filter) -> Vec<Row> {
    let mut kept: Vec<&Entry> = entries.iter().filter(|e| filter.keeps(e)).collect();
    kept.sort_by(|a, b| (a.date, &a.id, &a.path).cmp(&(b.date, &b.id, &b.path)));
    kept.into_iter()
        .map(|e| Row {
            path: portable_path(&e.path),
            date: e.date.map(|d| d.to_string()),
            incident_id: e.id.clone(),
            severity: e.severity.clone(),
            status: e.status.clone(),
            title: e.title.clone(),
            duration: e.duration.clone(),
            duration_minutes: e.duration_minutes,
            open_actions: e.open_actions(),
            actions: e.actions.len(),
        })
        .collect()
}

/// Column titles of the table and CSV forms.
pub const HEADER: [&str; 8] = [
    "date",
    "id",
    "severity",
    "status",
    "title",
    "duration",
    "open actions",
    "path",
];

/// A row's cells, in [`HEADER`] order.
pub fn cells(row: &Row) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        text(&row.date),
        text(&row.incident_id),
        text(&row.severity),
        text(&row.status),
        text(&row.title),
        text(&row.duration),
        format!("{}/{}", row.open_actions, row.actions),
        row.path.clone(),
    ]
}
