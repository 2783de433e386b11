//! `pm timeline import`: the events an incident left behind (a Slack
//! channel export, PagerDuty's log entries, a CSV of events, a chat or
//! terminal log), each at an exact UTC time, ready to become rows of a
//! postmortem's timeline. Nothing is guessed: a time without a zone needs
//! `--tz`, and a time of day without a date needs the day it starts on.

pub mod chat;
pub mod columns;
pub mod pagerduty;
pub mod postmortem;
pub mod slack;
pub mod zone;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

pub use zone::Zone;

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When, in UTC.
    pub at: DateTime<Utc>,
    /// Who wrote or did it, when known.
    pub who: Option<String>,
    /// What happened, on one line.
    pub text: String,
    /// A link back to the message, when the export gives one.
    pub link: Option<String>,
    /// What it did to the incident, for a pager's events.
    pub kind: Option<Kind>,
}

/// The events of a pager that mark an incident's course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The pager was triggered: the incident was detected.
    Triggered,
    /// Someone acknowledged the page.
    Acknowledged,
    /// The page went to the next level.
    Escalated,
    /// The incident was resolved.
    Resolved,
}

/// A file that cannot be imported, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// The line, where there is one.
    pub line: Option<usize>,
    /// What is wrong (for JSON, with the path of the value).
    pub message: String,
}

impl ImportError {
    /// An error at `line` of `path`.
    pub fn at(path: &Path, line: Option<usize>, message: impl Into<String>) -> ImportError {
        ImportError {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }
}

/// How to read the times of a file.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The zone of times written without one.
    pub zone: Option<Zone>,
    /// The day of the first time written without a date.
    pub day: Option<NaiveDate>,
    /// The columns of a CSV file.
    pub columns: columns::Columns,
}

/// Which events to keep.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// None before this time.
    pub since: Option<DateTime<Utc>>,
    /// None after this time.
    pub until: Option<DateTime<Utc>>,
    /// Only events whose text contains one of these (any case).
    pub grep: Vec<String>,
    /// Only events by one of these (any case).
    pub from: Vec<String>,
}

impl Filter {
    /// Whether `event` is kept.
    pub fn keeps(&self, event: &Event) -> bool {
        let lower = event.text.to_lowercase();
        let who = event.who.as_deref().map(str::to_lowercase);
        self.since.is_none_or(|since| event.at >= since)
            && self.until.is_none_or(|until| event.at <= until)
            && (self.grep.is_empty() || self.grep.iter().any(|g| lower.contains(&g.to_lowercase())))
            && (self.from.is_empty()
                || who
                    .as_ref()
                    .is_some_and(|who| self.from.iter().any(|f| f.to_lowercase() == *who)))
    }
}

/// The events of one file: a CSV of events (by its name), PagerDuty log
/// entries, a Slack export's day file or a chat log (by their content).
pub fn read(path: &Path, text: &str, reading: &Reading) -> Result<Vec<Event>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if columns::looks_like(path) {
        return columns::read(path, text, reading, &reading.columns);
    }
    let named_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let json = named_json || text.trim_start().starts_with(['[', '{']);
    if json && pagerduty::looks_like(text) {
        pagerduty::read(path, text)
    } else if named_json || (json && slack::looks_like(text)) {
        slack::read(path, text, &slack::Users::beside(path)?)
    } else {
        chat::read(path, text, reading)
    }
}

/// `events` sorted by time (stable: the order of the files among equal
/// times), with repeats (same time, author and text) kept once.
pub fn merge(mut events: Vec<Event>, filter: &Filter) -> Vec<Event> {
    events.retain(|e| filter.keeps(e));
    events.sort_by_key(|e| e.at);
    // A repeat read from another file (PagerDuty's CSV and its JSON) may
    // bring the link or the kind the first lacked.
    let mut seen: std::collections::HashMap<(DateTime<Utc>, Option<String>, String), usize> =
        std::collections::HashMap::new();
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    for event in events {
        let key = (event.at, event.who.clone(), event.text.clone());
        match seen.get(&key).and_then(|&i| kept.get_mut(i)) {
            Some(first) => {
                first.link = first.link.take().or(event.link);
                first.kind = first.kind.or(event.kind);
            }
            None => {
                seen.insert(key, kept.len());
                kept.push(event);
            }
        }
    }
    kept
}

/// Text on one line, at most `max` characters (cut with `…`), whitespace
/// runs made one space.
pub fn one_line(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    if joined.chars().count() > max {
        let mut cut: String = joined.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        joined
    }
}

/// Text as a table cell: line breaks and other controls become spaces,
/// and a `|` is escaped, so the cell stays on its row; a `<` is escaped
/// too, so `<urgent>` is not read as an HTML tag and hidden, and so is a
/// backslash Markdown would take for an escape (`C:\temp\`, `a\|b`).
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A backslash that Markdown would read as an escape (before
            // punctuation, or last, before the `]` of a link) stays one.
            '\\' if chars.peek().is_none_or(char::is_ascii_punctuation) => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("\\<"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A link's URL with nothing in it that ends the link or the cell.
pub fn url(link: &str) -> String {
    cell(&link.replace('\\', "%5C"))
        .replace("\\|", "%7C")
        .replace("\\<", "%3C")
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

/// What happened, as a cell: the text, linked to the message when the
/// export gives a link.
pub fn what(event: &Event) -> String {
    match &event.link {
        Some(link) => format!(
            "[{}]({})",
            cell(&event.text).replace(['[', ']'], ""),
            url(link)
        ),
        None => cell(&event.text),
    }
}

/// `2026-11-20 14:02:11`, written without parsing a format each time (a
/// long log has a time a line).
pub fn when(at: &chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The events as a Markdown timeline table: time (UTC), who, what.
pub fn table(events: &[Event]) -> String {
    let mut out = String::from("| Time (UTC) | Who | Event |\n|---|---|---|\n");
    for event in events {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            when(&event.at.naive_utc()),
            cell(event.who.as_deref().unwrap_or("")),
            what(event)
        ));
    }
    out
}
