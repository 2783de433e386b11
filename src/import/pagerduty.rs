//! PagerDuty's incident log entries, as its REST API returns them
//! (`GET /incidents/{id}/log_entries`: `{"log_entries": [...]}`, or the bare
//! array): each entry's `type` (`trigger_log_entry`, `acknowledge_log_entry`,
//! `escalate_log_entry`, `resolve_log_entry`, notes, notifications …),
//! `created_at`, `summary`, the `agent` who did it and its `html_url`.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{Event, ImportError, Kind, one_line};

/// The longest summary kept.
const MAX_TEXT: usize = 200;

/// Whether `text` reads as PagerDuty log entries.
pub fn looks_like(text: &str) -> bool {
    text.contains("_log_entry\"") || text.contains("\"log_entries\"")
}

/// What an entry's `type` says happened to the incident.
fn kind_of(entry_type: &str) -> Option<Kind> {
    match entry_type {
        "trigger_log_entry" => Some(Kind::Triggered),
        "acknowledge_log_entry" => Some(Kind::Acknowledged),
        "escalate_log_entry" => Some(Kind::Escalated),
        "resolve_log_entry" => Some(Kind::Resolved),
        _ => None,
    }
}

/// The events of a file of log entries.
pub fn read(path: &Path, text: &str) -> Result<Vec<Event>, ImportError> {
    let json: Value = serde_json::from_str(text)
        .map_err(|e| ImportError::at(path, Some(e.line()), format!("not valid JSON: {e}")))?;
    let (entries, prefix) = match &json {
        Value::Array(entries) => (entries, ""),
        Value::Object(object) => match object.get("log_entries") {
            Some(Value::Array(entries)) => (entries, "log_entries"),
            _ => {
                return Err(ImportError::at(
                    path,
                    None,
                    "log_entries: missing, or not an array of log entries",
                ));
            }
        },
        _ => {
            return Err(ImportError::at(
                path,
                None,
                "PagerDuty log entries are an array, or an object with `log_entries`",
            ));
        }
    };
    let mut events = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let at_path = |key: &str, why: &str| {
            ImportError::at(path, None, format!("{prefix}[{i}].{key}: {why}"))
        };
        let created = match entry.get("created_at") {
            None | Some(Value::Null) => {
                return Err(at_path(
                    "created_at",
                    "missing: every log entry has its time",
                ));
            }
            Some(Value::String(created)) => created,
            Some(_) => return Err(at_path("created_at", "not a time (a string)")),
        };
        let at = DateTime::parse_from_rfc3339(created)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| {
                at_path(
                    "created_at",
                    "not an ISO 8601 time with its zone, such as 2026-11-20T14:02:11Z",
                )
            })?;
        let entry_type = entry.get("type").and_then(Value::as_str).unwrap_or("");
        let summary = entry
            .get("summary")
            .and_then(Value::as_str)
            .map(|s| one_line(s, MAX_TEXT))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| entry_type.trim_end_matches("_log_entry").replace('_', " "));
        events.push(Event {
            at,
            who: entry
                .get("agent")
                .and_then(|a| a.get("summary"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            text: summary,
            link: entry
                .get("html_url")
                .and_then(Value::as_str)
                .map(str::to_owned),
            kind: kind_of(entry_type),
        });
    }
    Ok(events)
}
