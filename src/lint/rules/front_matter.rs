//! Front matter rules: the YAML block exists, parses, and holds the keys and
//! values pm relies on.

use std::ops::Range;

use crate::document::dates;
use crate::document::facts::{Absence, Fact};
use crate::document::front_matter::{Field, Parsed, State, Value};
use crate::document::placeholders;
use crate::lint::check::{Checker, Stage};
use crate::lint::fix::{Applicability, Fix, Offer};
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
        fix: None,
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
        fix: None,
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
        fix: Some(Offer {
            applicability: Applicability::Unsafe,
            safe_in_drafts: true,
            what: "adds each missing key, empty, at the end of the front matter",
        }),
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
        fix: Some(Offer {
            applicability: Applicability::Safe,
            safe_in_drafts: false,
            what: "writes a severity spelled another way as the scale spells it (`sev2` → `SEV-2`)",
        }),
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
        fix: Some(Offer {
            applicability: Applicability::Safe,
            safe_in_drafts: false,
            what: "writes a date or timestamp with other separators in ISO 8601 (`2026/11/22` → `2026-11-22`)",
        }),
        summary: "write dates as YYYY-MM-DD and timestamps as YYYY-MM-DDTHH:MM:SSZ",
        explanation: "`date` is an ISO 8601 day (or a timestamp, whose day counts, as Hugo and \
            Jekyll write it); `started_at`, `detected_at` and `resolved_at` are \
            ISO 8601 timestamps, ideally with a time zone; `reviewed_at` and `published_at` are \
            a day or a timestamp. Anything else cannot be sorted or used \
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
        fix: Some(Offer {
            applicability: Applicability::Safe,
            safe_in_drafts: false,
            what: "writes a status spelled another way as configured (`Final` → `final`, `In review` → `in-review`)",
        }),
        summary: "use a configured status: draft, in-review or final",
        explanation: "The status decides how strict pm lint is: a draft may hold placeholders, an \
            in-review or final postmortem may not. An unknown status is treated as final.",
        bad: "status: done",
        good: "status: final",
    };
}

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
        State::Parsed(parsed) => check_facts(c, parsed),
    }
}

fn check_facts(c: &mut Checker<'_>, parsed: &Parsed) {
    let mut has_placeholder = Vec::new();
    for field in &parsed.fields {
        if report_placeholders(c, field) {
            has_placeholder.push(field.key.as_str());
        }
    }
    let facts = &c.doc.facts;
    // Every postmortem needs these; a finished one also its timestamps.
    let mut required = vec![
        ("title", facts.title.absence()),
        ("incident_id", facts.incident_id.absence()),
        ("date", facts.date.absence()),
        ("severity", facts.severity.absence()),
        ("status", facts.status.absence()),
    ];
    if c.legacy {
        required.retain(|(key, _)| ["title", "date"].contains(key));
    } else if c.stage == Stage::Final {
        required.extend([
            ("started_at", facts.started_at.absence()),
            ("detected_at", facts.detected_at.absence()),
            ("resolved_at", facts.resolved_at.absence()),
        ]);
    }
    for (key, absence) in required {
        match absence {
            Some(Absence::Missing) => {
                let fix = add_key(c, parsed, key);
                c.report_with_fix(
                    &MISSING_KEY,
                    0..3,
                    format!("front matter has no `{key}`"),
                    MISSING_KEY.summary,
                    Some(fix),
                );
            }
            Some(Absence::Empty(key_span)) => {
                c.report(&MISSING_KEY, key_span, format!("`{key}` is empty"));
            }
            None => {}
        }
    }
    let checkable = |key: &str| !has_placeholder.contains(&key);
    if checkable("severity") {
        check_severity(c, &facts.severity);
    }
    if checkable("status") {
        check_status(c, &facts.status);
    }
    if checkable("date")
        && let Fact::Invalid { span, written, .. } = &facts.date
    {
        let fix = iso_rewrite(c, span, written, true);
        c.report_with_fix(
            &INVALID_DATE,
            span.clone(),
            format!("`date` is {}, not a YYYY-MM-DD date", shown(written)),
            INVALID_DATE.summary,
            fix,
        );
    }
    for (key, fact) in [
        ("started_at", &facts.started_at),
        ("detected_at", &facts.detected_at),
        ("resolved_at", &facts.resolved_at),
    ] {
        if checkable(key)
            && let Fact::Invalid { span, written, .. } = fact
        {
            let fix = iso_rewrite(c, span, written, false);
            c.report_with_fix(
                &INVALID_DATE,
                span.clone(),
                format!(
                    "`{key}` is {}, not an ISO 8601 timestamp like 2026-11-22T10:00:00Z",
                    shown(written)
                ),
                INVALID_DATE.summary,
                fix,
            );
        }
    }
    for (key, fact) in [
        ("reviewed_at", &facts.reviewed_at),
        ("published_at", &facts.published_at),
    ] {
        if checkable(key)
            && let Fact::Invalid { span, written, .. } = fact
        {
            let fix = iso_rewrite(c, span, written, true)
                .or_else(|| iso_rewrite(c, span, written, false));
            c.report_with_fix(
                &INVALID_DATE,
                span.clone(),
                format!(
                    "`{key}` is {}, not a YYYY-MM-DD date or an ISO 8601 timestamp",
                    shown(written)
                ),
                INVALID_DATE.summary,
                fix,
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

fn check_severity(c: &mut Checker<'_>, fact: &Fact<String>) {
    let (text, span) = match fact {
        Fact::Valid { value, span, .. } => (value, span.clone()),
        Fact::Invalid { span, written, .. } => {
            c.report(
                &UNKNOWN_SEVERITY,
                span.clone(),
                format!("`severity` is {}, not a level of the scale", written.kind()),
            );
            return;
        }
        Fact::Missing | Fact::Empty { .. } => return,
    };
    let scale = &c.config.severities;
    if scale.levels().contains(text) {
        return;
    }
    let (help, fix) = match scale.normalize(text) {
        Some(level) => {
            let help = format!("write it as `{level}`");
            let fix = Fix::replace(
                Applicability::Safe,
                help.clone(),
                span.clone(),
                written_like(c, &span, level),
            );
            (help, Some(fix))
        }
        None => (format!("use one of {}", scale.levels().join(", ")), None),
    };
    c.report_with_fix(
        &UNKNOWN_SEVERITY,
        span,
        format!("severity `{text}` is not in the scale"),
        help,
        fix,
    );
}

fn check_status(c: &mut Checker<'_>, fact: &Fact<String>) {
    let statuses = &c.config.statuses;
    let (message, span, fix) = match fact {
        Fact::Valid { value, .. } if statuses.contains(value) => return,
        Fact::Valid { value, span, .. } => {
            // `Final`, `In review`, `in_review`: a configured status
            // spelled another way.
            let fix = statuses
                .iter()
                .find(|status| status_key(status) == status_key(value))
                .map(|status| {
                    Fix::replace(
                        Applicability::Safe,
                        format!("write it as `{status}`"),
                        span.clone(),
                        written_like(c, span, status),
                    )
                });
            (
                format!("status `{value}` is not one of {}", statuses.join(", ")),
                span,
                fix,
            )
        }
        Fact::Invalid { span, written, .. } => (
            format!(
                "`status` is {}, not one of {}",
                written.kind(),
                statuses.join(", ")
            ),
            span,
            None,
        ),
        Fact::Missing | Fact::Empty { .. } => return,
    };
    let help = match &fix {
        Some(fix) => fix.message.clone(),
        None => format!("use one of {}", statuses.join(", ")),
    };
    c.report_with_fix(&UNKNOWN_STATUS, span.clone(), message, help, fix);
}

/// A status as compared for the fix: lowercase, spaces and underscores as
/// dashes.
fn status_key(status: &str) -> String {
    status.trim().to_lowercase().replace([' ', '_'], "-")
}

/// `value` written as the value at `span` is: in the same quotes, if any.
fn written_like(c: &Checker<'_>, span: &Range<usize>, value: &str) -> String {
    crate::lint::fix::written_like(c.doc.text.get(span.clone()).unwrap_or_default(), value)
}

/// The fix of a date (`day`) or timestamp written with other separators
/// than ISO 8601's, where that is all that is wrong: `2026/11/22`,
/// `2026.11.22`, `2026/11/22 10:00Z`.
fn iso_rewrite(c: &Checker<'_>, span: &Range<usize>, written: &Value, day: bool) -> Option<Fix> {
    let text = written.as_text()?;
    let text = text.trim();
    let b = text.as_bytes();
    let separated = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'/' | b'.')
        && b[7] == b[4];
    if !separated {
        return None;
    }
    // Byte 10 may fall inside a character (`2026/11/2é`): no date then.
    let mut iso = format!(
        "{}-{}-{}",
        text.get(..4)?,
        text.get(5..7)?,
        text.get(8..10)?
    );
    let rest = text.get(10..)?;
    if day {
        if !rest.is_empty() {
            return None;
        }
        dates::parse_date(&iso)?;
    } else {
        let rest = rest
            .strip_prefix(' ')
            .map_or(rest.to_owned(), |r| format!("T{r}"));
        iso.push_str(&rest);
        dates::parse_timestamp(&iso)?;
    }
    Some(Fix::replace(
        Applicability::Safe,
        format!("write it as `{iso}`"),
        span.clone(),
        written_like(c, span, &iso),
    ))
}

/// The fix of a missing key: the key, empty, on a line of its own at the
/// end of the front matter. Safe in a draft (the key is to be filled in);
/// unsafe in a finished document, where an empty key is still a finding.
fn add_key(c: &Checker<'_>, parsed: &Parsed, key: &str) -> Fix {
    let text = &c.doc.text;
    let block = text.get(parsed.span.clone()).unwrap_or_default();
    let eol = if block.contains("\r\n") { "\r\n" } else { "\n" };
    // The closing fence starts after the last line break before the end
    // of the block (the block may end with its own line break).
    let inner_end = block.trim_end_matches(['\n', '\r']).len();
    let fence_start = block[..inner_end].rfind('\n').map_or(0, |at| at + 1);
    let line = match parsed.format {
        crate::document::front_matter::Format::Yaml => format!("{key}:{eol}"),
        crate::document::front_matter::Format::Toml => format!("{key} = \"\"{eol}"),
    };
    let applicability = match c.stage {
        Stage::Draft => Applicability::Safe,
        Stage::Final => Applicability::Unsafe,
    };
    let at = parsed.span.start + fence_start;
    Fix {
        positions: Vec::new(),
        applicability,
        message: format!("add `{key}`, empty, to fill in"),
        edits: vec![crate::lint::fix::Edit {
            span: at..at,
            text: line,
        }],
    }
}

/// Reports the placeholders in a field's string values; true if any.
fn report_placeholders(c: &mut Checker<'_>, field: &Field) -> bool {
    let texts: Vec<(&str, Range<usize>)> = match &field.value {
        Value::Str(s) => vec![(s.as_str(), field.value_span.clone())],
        Value::List(items) => items
            .iter()
            .filter_map(|item| match &item.value {
                Value::Str(s) | Value::Number(s) => Some((s.as_str(), item.span.clone())),
                _ => None,
            })
            .collect(),
        _ => return false,
    };
    let mut any = false;
    for (text, span) in texts {
        let hits = placeholders::in_value(text);
        if hits.is_empty() {
            continue;
        }
        any = true;
        // Where the value reads as it is written (no quotes, no escapes),
        // each stand-in has its own span; else the value's.
        let written = c.doc.text.get(span.clone()).unwrap_or("");
        let at = written.find(text).map(|i| span.start + i);
        for (range, kind) in hits {
            let hit = match at {
                Some(at) => at + range.start..at + range.end,
                None => span.clone(),
            };
            rules::placeholders::report_hit(c, kind, hit, &text[range]);
        }
    }
    any
}
