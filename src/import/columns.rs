//! A CSV of events, one a row: a time column, an event column and, when
//! there is one, an owner column. The columns are named with
//! `--time-column`, `--event-column` and `--owner-column`, or found by their
//! usual headers (`time`, `timestamp`, `created at` …; `event`, `summary`,
//! `description` …; `owner`, `agent`, `user` …). A `type` or `action`
//! column saying trigger, acknowledge, escalate or resolve (as a pager's
//! CSV export does) marks those events.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::{Event, ImportError, Kind, Reading, one_line};
use crate::document::dates::{self, Timestamp};

/// The longest event text kept.
const MAX_TEXT: usize = 200;

const TIME_HEADERS: &[&str] = &[
    "time",
    "timestamp",
    "created at",
    "created_at",
    "date",
    "datetime",
    "when",
    "at",
];
const EVENT_HEADERS: &[&str] = &[
    "event",
    "summary",
    "description",
    "message",
    "text",
    "what",
    "details",
];
const OWNER_HEADERS: &[&str] = &[
    "owner",
    "who",
    "agent",
    "user",
    "author",
    "by",
    // PagerDuty's script that writes an incident's log entries as CSV:
    // IncidentID,Created-At,Type,Agent/User,NotificationType,ChannelType,Summary.
    "agent/user",
];
const KIND_HEADERS: &[&str] = &["type", "action", "status"];

/// The columns to read, as `--time-column`, `--event-column` and
/// `--owner-column` name them.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    /// The time column's header.
    pub time: Option<String>,
    /// The event column's header.
    pub event: Option<String>,
    /// The owner column's header.
    pub owner: Option<String>,
}

/// Whether `path` is a CSV file by its name.
pub fn looks_like(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

fn normal(header: &str) -> String {
    header.trim().to_lowercase().replace(['-', '_'], " ")
}

/// The index of the column named `given`, else of the first usual header.
fn find(
    path: &Path,
    headers: &[String],
    given: Option<&str>,
    usual: &[&str],
) -> Result<Option<usize>, ImportError> {
    match given {
        Some(name) => headers
            .iter()
            .position(|h| normal(h) == normal(name))
            .map(Some)
            .ok_or_else(|| {
                ImportError::at(
                    path,
                    Some(1),
                    format!("no column `{name}`; the columns are {}", headers.join(", ")),
                )
            }),
        None => Ok(usual
            .iter()
            .find_map(|u| headers.iter().position(|h| normal(h) == normal(u)))),
    }
}

fn kind_of(value: &str) -> Option<Kind> {
    let value = value.to_lowercase();
    if value.contains("unacknowledge") {
        None
    } else if value.contains("trigger") {
        Some(Kind::Triggered)
    } else if value.contains("acknowledge") {
        Some(Kind::Acknowledged)
    } else if value.contains("escalat") {
        Some(Kind::Escalated)
    } else if value.contains("resolve") {
        Some(Kind::Resolved)
    } else {
        None
    }
}

/// The events of a CSV file.
pub fn read(
    path: &Path,
    text: &str,
    reading: &Reading,
    columns: &Columns,
) -> Result<Vec<Event>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::at(path, Some(1), format!("not a CSV header: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    let missing = |what: &str, flag: &str| {
        ImportError::at(
            path,
            Some(1),
            format!(
                "no {what} column among {}: name it with {flag}",
                headers.join(", ")
            ),
        )
    };
    let time = find(path, &headers, columns.time.as_deref(), TIME_HEADERS)?
        .ok_or_else(|| missing("time", "--time-column"))?;
    let event = find(path, &headers, columns.event.as_deref(), EVENT_HEADERS)?
        .ok_or_else(|| missing("event", "--event-column"))?;
    let owner = find(path, &headers, columns.owner.as_deref(), OWNER_HEADERS)?;
    let kind = find(path, &headers, None, KIND_HEADERS)?;
    let mut events = Vec::new();
    let mut previous: Option<DateTime<Utc>> = None;
    for record in reader.records() {
        let record = record.map_err(|e| {
            ImportError::at(
                path,
                e.position().map(|p| p.line() as usize),
                format!("not a CSV row: {e}"),
            )
        })?;
        let line = record.position().map(|p| p.line() as usize);
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let written = cell(time);
        if written.is_empty() && cell(event).is_empty() {
            continue;
        }
        if written.is_empty() {
            return Err(ImportError::at(
                path,
                line,
                format!(
                    "the row has no time in its column `{}`",
                    headers.get(time).map_or("", String::as_str)
                ),
            ));
        }
        let at = match dates::parse_timestamp(written) {
            Some(Timestamp::Zoned(t)) => t.with_timezone(&Utc),
            Some(Timestamp::Local(local)) => reading
                .zone
                .ok_or_else(|| {
                    ImportError::at(
                        path,
                        line,
                        format!(
                            "`{written}` carries no zone: pass --tz with an IANA name \
                             (Europe/Berlin) or an offset (+02:00)"
                        ),
                    )
                })?
                .to_utc(local, previous)
                .map_err(|message| ImportError::at(path, line, message))?,
            None => {
                return Err(ImportError::at(
                    path,
                    line,
                    format!(
                        "`{written}` is not a time such as 2026-11-20 14:02 or 2026-11-20T14:02:11Z"
                    ),
                ));
            }
        };
        previous = Some(at);
        events.push(Event {
            at,
            who: owner.map(cell).filter(|o| !o.is_empty()).map(str::to_owned),
            text: one_line(cell(event), MAX_TEXT),
            link: None,
            kind: kind.and_then(|k| kind_of(cell(k))),
        });
    }
    Ok(events)
}
