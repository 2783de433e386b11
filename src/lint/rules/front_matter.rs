//! Front matter rules: the YAML block exists, parses, and holds the keys and
//! values pm relies on.

use std::ops::Range;

use crate::document::dates;
use crate::document::front_matter::{Field, Parsed, State, Value};
use crate::document::placeholders::{self, Kind};
use crate::lint::check::{Checker, Stage};
use crate::lint::rule::rules;
use crate::lint::rules;
use crate::lint::{Level, Rule};

rules! {
    /// PM001
    MISSING = Rule {
        id: "PM001",
        name: "missing-front-matter",
        level: Level::Error,
        status_aware: false,
        summary: "start the file with a `---` YAML block holding title, incident_id, date, severity and status",
        explanation: "pm list, pm stats, status-aware linting and duplicate-id checks all read the \
            front matter. Without it a postmortem cannot be indexed or checked for its status.",
        bad: "# Checkout API returned 500s\n\n## Summary\n...",
        good: "---\ntitle: Checkout API returned 500s\nincident_id: INC-2026-0042\ndate: 2026-11-22\nseverity: SEV-2\nstatus: draft\n---\n\n# Checkout API returned 500s",
    };

    /// PM002
    INVALID = Rule {
        id: "PM002",
        name: "invalid-front-matter",
        level: Level::Error,
        status_aware: false,
        summary: "fix the YAML between the `---` lines",
        explanation: "The front matter must be a YAML mapping closed by a second `---` line (or \
            TOML between `+++` lines, as Hugo and Zola write it). A block that does not parse is \
            ignored by every other command, so nothing in it counts.",
        bad: "---\ntitle: Outage: db down\nseverity: [SEV-2\n---",
        good: "---\ntitle: \"Outage: db down\"\nseverity: SEV-2\n---",
    };

    /// PM003
    MISSING_KEY = Rule {
        id: "PM003",
        name: "missing-key",
        level: Level::Error,
        status_aware: true,
        summary: "add the key with a value",
        explanation: "Every postmortem needs title, incident_id, date, severity and status; a \
            finished one (in-review or final, or any document with --strict) also needs \
            started_at, detected_at and resolved_at, which pm stats uses for time to detect and \
            time to resolve. In a draft an empty required key is a warning and the timestamps \
            are not asked for yet.",
        bad: "---\ntitle: DNS outage\nstatus: final\n---",
        good: "---\ntitle: DNS outage\nincident_id: INC-2026-0007\ndate: 2026-03-02\nseverity: SEV-3\nstatus: final\nstarted_at: 2026-03-02T08:10:00Z\ndetected_at: 2026-03-02T08:14:00Z\nresolved_at: 2026-03-02T09:02:00Z\n---",
    };

    /// PM004
    UNKNOWN_SEVERITY = Rule {
        id: "PM004",
        name: "unknown-severity",
        level: Level::Error,
        status_aware: false,
        summary: "use a severity from the scale",
        explanation: "Severities are compared and counted by pm stats, so they must be spelled \
            exactly as in the configured scale (by default SEV-1 to SEV-4).",
        bad: "severity: sev2",
        good: "severity: SEV-2",
    };

    /// PM005
    INVALID_DATE = Rule {
        id: "PM005",
        name: "invalid-date",
        level: Level::Error,
        status_aware: false,
        summary: "write dates as YYYY-MM-DD and timestamps as YYYY-MM-DDTHH:MM:SSZ",
        explanation: "`date` is an ISO 8601 day (or a timestamp, whose day counts, as Hugo and \
            Jekyll write it); `started_at`, `detected_at` and `resolved_at` are \
            ISO 8601 timestamps, ideally with a time zone. Anything else cannot be sorted or used \
            for durations.",
        bad: "date: 22/11/2026\nstarted_at: 10am",
        good: "date: 2026-11-22\nstarted_at: 2026-11-22T10:00:00Z",
    };

    /// PM006
    UNKNOWN_STATUS = Rule {
        id: "PM006",
        name: "unknown-status",
        level: Level::Error,
        status_aware: false,
        summary: "use a configured status: draft, in-review or final",
        explanation: "The status decides how strict pm lint is: a draft may hold placeholders, an \
            in-review or final postmortem may not. An unknown status is treated as final.",
        bad: "status: done",
        good: "status: final",
    };
}

/// Keys every postmortem needs.
const REQUIRED: &[&str] = &["title", "incident_id", "date", "severity", "status"];
/// Keys a finished postmortem also needs.
const REQUIRED_WHEN_FINAL: &[&str] = &["started_at", "detected_at", "resolved_at"];
const TIMESTAMPS: &[&str] = &["started_at", "detected_at", "resolved_at"];

/// Checks the front matter.
pub fn check(c: &mut Checker<'_>) {
    match &c.doc.front_matter {
        State::Absent => c.report(
            &MISSING,
            0..0,
            "no front matter: the file does not start with a `---` block",
        ),
        State::Unclosed { span, format } => c.report_with_help(
            &INVALID,
            span.clone(),
            "front matter is opened here but never closed",
            format!(
                "end the {} block with a `{}` line",
                format.name(),
                format.fence()
            ),
        ),
        State::Invalid(invalid) => c.report(
            &INVALID,
            invalid.offset..invalid.offset,
            format!(
                "front matter is not valid {}: {}",
                invalid.format.name(),
                invalid.message
            ),
        ),
        State::Parsed(parsed) => check_fields(c, parsed),
    }
}

fn check_fields(c: &mut Checker<'_>, parsed: &Parsed) {
    let mut has_placeholder = Vec::new();
    for field in &parsed.fields {
        if report_placeholders(c, field, parsed.span.end) {
            has_placeholder.push(field.key.as_str());
        }
    }
    let opening = 0..3;
    let mut required: Vec<&str> = REQUIRED.to_vec();
    if c.stage == Stage::Final {
        required.extend(REQUIRED_WHEN_FINAL);
    }
    for key in required {
        match parsed.get(key) {
            None => c.report(
                &MISSING_KEY,
                opening.clone(),
                format!("front matter has no `{key}`"),
            ),
            Some(field) if field.value.is_empty() => c.report(
                &MISSING_KEY,
                field.key_span.clone(),
                format!("`{key}` is empty"),
            ),
            Some(_) => {}
        }
    }
    let checkable = |field: &&Field| !has_placeholder.contains(&field.key.as_str());
    if let Some(field) = parsed.get("severity").filter(checkable) {
        check_severity(c, field);
    }
    if let Some(field) = parsed.get("status").filter(checkable) {
        check_status(c, field);
    }
    if let Some(field) = parsed.get("date").filter(checkable)
        && !field.value.is_empty()
        && field
            .value
            .as_text()
            .and_then(|t| dates::parse_day(&t))
            .is_none()
    {
        c.report(
            &INVALID_DATE,
            field.value_span.clone(),
            format!("`date` is {}, not a YYYY-MM-DD date", shown(&field.value)),
        );
    }
    for key in TIMESTAMPS {
        if let Some(field) = parsed.get(key).filter(checkable)
            && !field.value.is_empty()
            && field
                .value
                .as_text()
                .and_then(|t| dates::parse_timestamp(&t))
                .is_none()
        {
            c.report(
                &INVALID_DATE,
                field.value_span.clone(),
                format!(
                    "`{key}` is {}, not an ISO 8601 timestamp like 2026-11-22T10:00:00Z",
                    shown(&field.value)
                ),
            );
        }
    }
}

fn shown(value: &Value) -> String {
    match value.as_text() {
        Some(text) => format!("`{text}`"),
        None => value.kind().to_owned(),
    }
}

fn check_severity(c: &mut Checker<'_>, field: &Field) {
    let Some(text) = field.value.as_text() else {
        if !field.value.is_empty() {
            c.report(
                &UNKNOWN_SEVERITY,
                field.value_span.clone(),
                format!(
                    "`severity` is {}, not a level of the scale",
                    field.value.kind()
                ),
            );
        }
        return;
    };
    let scale = &c.config.severities;
    if text.trim().is_empty() || scale.levels().contains(&text) {
        return;
    }
    let help = match scale.normalize(&text) {
        Some(level) => format!("write it as `{level}`"),
        None => format!("use one of {}", scale.levels().join(", ")),
    };
    c.report_with_help(
        &UNKNOWN_SEVERITY,
        field.value_span.clone(),
        format!("severity `{text}` is not in the scale"),
        help,
    );
}

fn check_status(c: &mut Checker<'_>, field: &Field) {
    let Some(text) = field.value.as_text() else {
        return;
    };
    let statuses = &c.config.statuses;
    if text.trim().is_empty() || statuses.contains(&text) {
        return;
    }
    c.report_with_help(
        &UNKNOWN_STATUS,
        field.value_span.clone(),
        format!("status `{text}` is not one of {}", statuses.join(", ")),
        format!("use one of {}", statuses.join(", ")),
    );
}

/// Reports the placeholders in a field's string values; true if any.
/// `block_end` is where the front matter ends.
fn report_placeholders(c: &mut Checker<'_>, field: &Field, block_end: usize) -> bool {
    let texts: Vec<&str> = match &field.value {
        Value::Str(s) => vec![s.as_str()],
        Value::List(items) => items
            .iter()
            .filter_map(|item| match item {
                Value::Str(s) | Value::Number(s) => Some(s.as_str()),
                _ => None,
            })
            .collect(),
        _ => return false,
    };
    let hits: Vec<Vec<(Range<usize>, Kind)>> = texts
        .iter()
        .map(|text| placeholders::in_value(text))
        .collect();
    if hits.iter().all(Vec::is_empty) {
        return false;
    }
    // Values are searched for from where the value starts, each after the
    // one before (a list's items follow each other).
    let mut from = field.value_span.start;
    for (text, hits) in texts.into_iter().zip(hits) {
        let written = c.doc.text.get(from..block_end).unwrap_or("");
        let at = written.find(text).map(|i| from + i);
        if let Some(at) = at {
            from = at + text.len();
        }
        for (range, kind) in hits {
            let span = match at {
                Some(at) => at + range.start..at + range.end,
                None => field.value_span.clone(),
            };
            rules::placeholders::report_hit(c, kind, span, &text[range]);
        }
    }
    true
}
