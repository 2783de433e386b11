//! Fact rules: what a postmortem states must agree with itself and with the
//! world around it — timelines in order, durations that match their
//! timestamps, action items someone owns by a date, answered whys, links to
//! files that exist, incident ids no other postmortem uses.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::dates::human_minutes;
use crate::document::facts::Fact;
use crate::document::outline::Link;
use crate::document::placeholders;
use crate::document::timeline;
use crate::git::Removed;
use crate::lint::check::Checker;
use crate::lint::fix::{Applicability, Edit, Fix, Offer, fill_empty, written_like};
use crate::lint::rule::rules;
use crate::lint::{Level, Rule};

rules! {
    /// PM301
    TIMELINE_ORDER = Rule {
        id: "PM301",
        name: "timeline-order",
        level: Level::Error,
        status_aware: true,
        fix: Some(Offer {
            applicability: Applicability::Unsafe,
            safe_in_drafts: false,
            what: "sorts the table's rows by their time (a row after midnight with no date moves up: give it its date first)",
        }),
        summary: "order the timeline rows by time; a row after midnight needs its date",
        explanation: "Timeline tables are read top to bottom as the order of events. A row whose \
            time is earlier than the row above is either misplaced or crossed midnight, in which \
            case it needs its date (`2026-06-12 00:14`) so the order is clear.",
        bad: "| Time | Event |\n|---|---|\n| 23:52 | Alert fired |\n| 00:14 | Failover started |",
        good: "| Time | Event |\n|---|---|\n| 2026-06-11 23:52 | Alert fired |\n| 2026-06-12 00:14 | Failover started |",
    };

    /// PM302
    DURATION = Rule {
        id: "PM302",
        name: "duration-mismatch",
        level: Level::Error,
        status_aware: true,
        fix: Some(Offer {
            applicability: Applicability::Safe,
            safe_in_drafts: false,
            what: "writes `duration` as resolved_at minus started_at (`1h 19m`)",
        }),
        summary: "make `duration` equal resolved_at minus started_at",
        explanation: "`duration` is derived from `started_at` and `resolved_at`; when both are \
            there it must agree with them to the minute (±1). Accepted spellings: `1h 19m`, `79m`, \
            `1 hour 19 minutes`, `PT1H19M`.",
        bad: "started_at: 2026-03-02T08:10:00Z\nresolved_at: 2026-03-02T09:29:00Z\nduration: 1h 30m",
        good: "started_at: 2026-03-02T08:10:00Z\nresolved_at: 2026-03-02T09:29:00Z\nduration: 1h 19m",
    };

    /// PM303
    TIMESTAMP_ORDER = Rule {
        id: "PM303",
        name: "timestamp-order",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "an incident is detected after it starts and resolved after both",
        explanation: "`detected_at` before `started_at`, or `resolved_at` before either, is a typo \
            (often a wrong day or time zone) that would make time-to-detect and time-to-resolve \
            negative in pm stats. So is a `reviewed_at` or `published_at` day before the day of \
            `resolved_at`: the postmortem is written after the incident.",
        bad: "started_at: 2026-03-02T08:10:00Z\ndetected_at: 2026-03-02T07:14:00Z",
        good: "started_at: 2026-03-02T08:10:00Z\ndetected_at: 2026-03-02T08:14:00Z",
    };

    /// PM304
    ACTION_OWNER = Rule {
        id: "PM304",
        name: "action-without-owner",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "give the action item an owner (a person or a team handle)",
        explanation: "An action item nobody owns does not get done. Tables need an Owner (or \
            Assignee) column; checklist items an `Owner:` part or sub-item. A closed item (`- [x]`, \
            or a status of Done, Complete, Closed, Won't do, Cancelled, N/A) needs none.",
        bad: "- [ ] Add an alert on pool waits - Due: 2026-12-01",
        good: "- [ ] Add an alert on pool waits - Owner: Dana Kim - Due: 2026-12-01",
    };

    /// PM305
    ACTION_DUE = Rule {
        id: "PM305",
        name: "action-without-due-date",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "give the action item a due date as YYYY-MM-DD",
        explanation: "Without a due date an action item cannot be tracked or reported overdue \
            (`pm actions --overdue`). Write the date as YYYY-MM-DD. A closed item (done, won't do, \
            cancelled, N/A) needs none.",
        bad: "- [ ] Add an alert on pool waits - Owner: Dana Kim - Due: soon",
        good: "- [ ] Add an alert on pool waits - Owner: Dana Kim - Due: 2026-12-01",
    };

    /// PM306
    ACTION_OVERDUE = Rule {
        id: "PM306",
        name: "action-overdue",
        level: Level::Warning,
        status_aware: false,
        fix: None,
        summary: "finish the action item, move its due date, or mark it done",
        explanation: "An action item whose due date has passed and that is not closed (done, \
            won't do, cancelled, N/A). A \
            warning: it does not fail a commit, but it shows where follow-up stalled. `--today` \
            sets the date to compare with.",
        bad: "| Add pool alert | Dana Kim | 2026-01-10 | Open |",
        good: "| Add pool alert | Dana Kim | 2026-01-10 | Done |",
    };

    /// PM307
    UNANSWERED_WHY = Rule {
        id: "PM307",
        name: "unanswered-why",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "answer the why, or remove it",
        explanation: "In a 5 whys section every \"Why …?\" needs an answer (text after the question \
            or a nested item); a chain that stops early has not reached the root cause.",
        bad: "1. **Why did checkout fail?**\n   - The pool was exhausted.\n2. **Why was the pool exhausted?**",
        good: "1. **Why did checkout fail?**\n   - The pool was exhausted.\n2. **Why was the pool exhausted?**\n   - Its size was fixed at 20.",
    };

    /// PM308
    BROKEN_LINK = Rule {
        id: "PM308",
        name: "broken-link",
        level: Level::Error,
        status_aware: false,
        fix: None,
        summary: "fix the path, or link to the file where it now lives",
        explanation: "A relative link (to another postmortem, a runbook, a graph) must point at a \
            file that exists, relative to the postmortem's folder. Web addresses, `mailto:` links \
            and email autolinks (`<ops@example.org>`) are not files; a link to what looks like a \
            host (`status.example.com`) is a web address that lacks its `https://`. A link that the \
            change breaks is found even when only other files are linted (a hook, pre-commit): a \
            postmortem of the folder that links to a file the change deletes or renames (the \
            working tree against HEAD, or the index with `--staged`) is reported too.",
        bad: "See [the previous outage](2025-10-01-db-failover.md).",
        good: "See [the previous outage](2025-10-02-db-failover.md).",
    };

    /// PM309
    DUPLICATE_ID = Rule {
        id: "PM309",
        name: "duplicate-incident-id",
        level: Level::Error,
        status_aware: false,
        fix: None,
        summary: "give one of the postmortems the next free id (`pm new` picks one)",
        explanation: "Two postmortems share an `incident_id`, usually because two branches each \
            took the next free number. Ids must be unique for lists, links and metrics. Each linted \
            file is compared with every postmortem of the postmortems folder, whatever files the \
            run is given (with `--staged`, the folder as the index holds it); the finding is on \
            the linted file.",
        bad: "a.md: incident_id: INC-2026-0042\nb.md: incident_id: INC-2026-0042",
        good: "a.md: incident_id: INC-2026-0042\nb.md: incident_id: INC-2026-0043",
    };

    /// PM310
    DUE_AFTER_POLICY = Rule {
        id: "PM310",
        name: "due-after-policy",
        level: Level::Warning,
        status_aware: false,
        fix: None,
        summary: "bring the due date within the deadline the priority allows",
        explanation: "`actions.due_by_priority` in .pm.yaml says how long an action item of each \
            priority may take, counted from `resolved_at` (or `actions.from`). An item due later \
            than that is reported when `actions.report_later_due` is true; by default it is not.",
        bad: "| Add a pool alert | Dana Kim | P1 | 2027-06-01 |",
        good: "| Add a pool alert | Dana Kim | P1 | 2026-12-01 |",
    };
}

/// Checks the facts of one document (duplicate ids are checked across files
/// by the runner).
pub fn check(c: &mut Checker<'_>, today: NaiveDate) {
    if c.any_on(&[&DURATION, &TIMESTAMP_ORDER]) {
        check_front_matter_times(c);
    }
    if c.any_on(&[&TIMELINE_ORDER]) {
        check_timelines(c);
    }
    if c.any_on(&[
        &ACTION_OWNER,
        &ACTION_DUE,
        &ACTION_OVERDUE,
        &DUE_AFTER_POLICY,
    ]) {
        check_actions(c, today);
    }
    if c.any_on(&[&UNANSWERED_WHY]) {
        check_whys(c);
    }
    if c.any_on(&[&BROKEN_LINK]) {
        check_links(c);
    }
}

fn check_front_matter_times(c: &mut Checker<'_>) {
    let facts = &c.doc.facts;
    let started = facts.started_at.spanned();
    let detected = facts.detected_at.spanned();
    let resolved = facts.resolved_at.spanned();
    if let (Some((start, _)), Some((detect, span))) = (&started, &detected)
        && start.minutes_until(detect) < 0
    {
        c.report(
            &TIMESTAMP_ORDER,
            span.clone(),
            "`detected_at` is before `started_at`",
        );
    }
    if let Some((resolve, span)) = &resolved {
        let before = [("started_at", &started), ("detected_at", &detected)]
            .into_iter()
            .find(|(_, t)| {
                t.as_ref()
                    .is_some_and(|(t, _)| t.minutes_until(resolve) < 0)
            });
        if let Some((key, _)) = before {
            c.report(
                &TIMESTAMP_ORDER,
                span.clone(),
                format!("`resolved_at` is before `{key}`"),
            );
        }
    }
    if let Some((resolve, _)) = &resolved {
        let resolved_day = resolve.day();
        for (key, fact) in [
            ("reviewed_at", &facts.reviewed_at),
            ("published_at", &facts.published_at),
        ] {
            if let Some((day, span)) = fact.spanned()
                && *day < resolved_day
            {
                c.report(
                    &TIMESTAMP_ORDER,
                    span,
                    format!("`{key}` is before the day of `resolved_at` ({resolved_day})"),
                );
            }
        }
    }
    let (Some((start, _)), Some((resolve, _))) = (&started, &resolved) else {
        return;
    };
    let actual = start.minutes_until(resolve);
    if actual < 0 {
        return; // the order is wrong: PM303 says so, no duration is right
    }
    let right = human_minutes(actual);
    let help = format!("write `duration: {right}`");
    match &facts.duration {
        Fact::Missing => {}
        Fact::Empty { key } => {
            let fix = fill_empty(&c.doc.text, key, &right, &help);
            c.report_with_fix(
                &DURATION,
                key.clone(),
                format!("`duration` is empty but resolved_at - started_at is {right}"),
                help,
                fix,
            );
        }
        Fact::Valid { value, .. } if value.minutes.abs_diff(actual) <= 1 => {}
        Fact::Valid { value, span, .. } => {
            let fix = Fix::replace(
                Applicability::Safe,
                help.clone(),
                span.clone(),
                written_like(c.doc.text.get(span.clone()).unwrap_or_default(), &right),
            );
            c.report_with_fix(
                &DURATION,
                span.clone(),
                format!(
                    "`duration` is {} but resolved_at - started_at is {right}",
                    human_minutes(value.minutes),
                ),
                help,
                Some(fix),
            );
        }
        Fact::Invalid { span, written, .. } => {
            let Some(text) = written.as_text() else {
                return; // a list or a mapping: not a duration at all
            };
            if placeholders::is_unfilled(&text) {
                return; // a placeholder, reported as such
            }
            let fix = Fix::replace(
                Applicability::Safe,
                help,
                span.clone(),
                written_like(c.doc.text.get(span.clone()).unwrap_or_default(), &right),
            );
            c.report_with_fix(
                &DURATION,
                span.clone(),
                format!("`duration` `{text}` is not a duration pm can read"),
                format!("write it like `{right}` (or 79m, PT1H19M)"),
                Some(fix),
            );
        }
    }
}

fn check_timelines(c: &mut Checker<'_>) {
    let doc = c.doc;
    for timeline in doc.timelines() {
        let table = &doc.outline.tables[timeline.table];
        // The fix sorts the whole table: it is carried by the table's first
        // row out of order that is reported only, or a long table with rows
        // out of order in many places would hold a copy of itself for each.
        let mut sorted = sorted_rows(doc, table, timeline);
        for pair in timeline.entries.windows(2) {
            let [before, entry] = pair else { continue };
            if entry.at >= before.at {
                continue;
            }
            let cell = |entry: &timeline::Entry| table.rows.get(entry.row)?.cells.first();
            let (Some(cell), Some(before)) = (cell(entry), cell(before)) else {
                continue;
            };
            let before_text = before.text(&doc.text);
            c.report_with_fix(
                &TIMELINE_ORDER,
                cell.span.clone(),
                format!(
                    "timeline row `{}` is earlier than the row above (`{before_text}`)",
                    cell.text(&doc.text)
                ),
                "order the rows by time; a row after midnight needs its date, e.g. `2026-06-12 00:14`",
                if c.suppressed(&TIMELINE_ORDER, cell.span.start) {
                    None
                } else {
                    sorted.take()
                },
            );
        }
    }
}

/// The fix that sorts a timeline table's rows by time (rows of one time
/// keep their order); none unless every row has a time.
fn sorted_rows(
    doc: &crate::document::Document,
    table: &crate::document::outline::Table,
    timeline: &timeline::Timeline,
) -> Option<Fix> {
    if timeline.entries.len() != table.rows.len() || table.rows.len() < 2 {
        return None;
    }
    let line_of = |row: usize| doc.lines.line_of(table.rows.get(row)?.span.start).into();
    let lines: Vec<usize> = (0..table.rows.len()).map(line_of).collect::<Option<_>>()?;
    // One line per row, one after the other.
    if lines.windows(2).any(|w| w[1] != w[0] + 1) {
        return None;
    }
    let first = doc.lines.line_range(&doc.text, *lines.first()?);
    let last = doc.lines.line_range(&doc.text, *lines.last()?);
    let eol = if doc.text[first.end..].starts_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut order: Vec<&timeline::Entry> = timeline.entries.iter().collect();
    order.sort_by_key(|entry| entry.at);
    let text = order
        .iter()
        .map(|entry| &doc.text[doc.lines.line_range(&doc.text, lines[entry.row])])
        .collect::<Vec<_>>()
        .join(eol);
    Some(Fix {
        positions: Vec::new(),
        applicability: Applicability::Unsafe,
        message: "sort the rows by time".to_owned(),
        edits: vec![Edit {
            span: first.start..last.end,
            text,
        }],
    })
}

fn check_actions(c: &mut Checker<'_>, today: NaiveDate) {
    let doc = c.doc;
    // A template's example row is reported by the placeholder rules; a
    // closed item (done, won't do) needs no owner and no date.
    for action in doc.actions.iter().filter(|a| !a.placeholder) {
        let placeholder = |v: &Option<crate::document::actions::Value>| {
            v.as_ref()
                .is_some_and(|v| placeholders::is_unfilled(&v.text))
        };
        let label = || short(&action.text);
        if action.done {
            continue;
        }
        if action.owner.is_none() {
            c.report(
                &ACTION_OWNER,
                action.span.clone(),
                format!("action item {}has no owner", label()),
            );
        }
        // The deadline policy dates an item that has no date of its own.
        let policy = c.config.actions.due(action, &doc.facts);
        if !placeholder(&action.due) {
            match (&action.due, action.due_date) {
                (None, _) if policy.is_some() => {}
                (None, _) => c.report(
                    &ACTION_DUE,
                    action.span.clone(),
                    format!("action item {}has no due date", label()),
                ),
                (Some(due), None) if !placeholder(&action.owner) => c.report(
                    &ACTION_DUE,
                    due.span.clone(),
                    format!("due date `{}` is not a YYYY-MM-DD date", due.text),
                ),
                _ => {}
            }
        }
        if let (Some(due), Some(allowed)) = (action.due_date, &policy)
            && c.config.actions.report_later_due
            && due > allowed.date
        {
            let span = action
                .due
                .as_ref()
                .map_or(action.span.clone(), |d| d.span.clone());
            c.report(
                &DUE_AFTER_POLICY,
                span,
                format!(
                    "action item {}is due {due}, after the {} deadline of {} days ({})",
                    label(),
                    allowed.priority,
                    allowed.days,
                    allowed.date
                ),
            );
        }
        let by_policy = action.due_date.is_none() && action.due.is_none();
        let due = action
            .due_date
            .or_else(|| policy.as_ref().filter(|_| by_policy).map(|p| p.date));
        if let Some(due) = due
            && due < today
        {
            let span = action
                .due
                .as_ref()
                .map_or(action.span.clone(), |d| d.span.clone());
            let how = match &policy {
                Some(p) if by_policy => format!(
                    " by the {} deadline ({} days after {})",
                    p.priority,
                    p.days,
                    c.config.actions.from.key()
                ),
                _ => String::new(),
            };
            c.report(
                &ACTION_OVERDUE,
                span,
                format!(
                    "action item {}was due {due}{how} and is not done ({} ago)",
                    label(),
                    match (today - due).num_days() {
                        1 => "1 day".to_owned(),
                        days => format!("{days} days"),
                    }
                ),
            );
        }
    }
}

/// `"Add pool alert" ` for messages, cut at 40 characters.
fn short(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let cut: String = text.chars().take(40).collect();
    let more = if cut.len() < text.len() { "…" } else { "" };
    format!("`{cut}{more}` ")
}

fn check_whys(c: &mut Checker<'_>) {
    let doc = c.doc;
    let outline = &doc.outline;
    for item in &outline.items {
        let section = outline.heading_at(item.span.start);
        let in_whys = section.is_some_and(|s| {
            let h = &outline.headings[s];
            h.canonical.is_some_and(|k| k.id == "five_whys") && item.span.start < h.end
        });
        if !in_whys || item.parent.is_some() {
            continue;
        }
        let Some((question, after)) = item.text(&doc.text).split_once('?') else {
            continue;
        };
        if !question.to_lowercase().contains("why") {
            continue;
        }
        let nested: Vec<&str> = item
            .children
            .iter()
            .map(|&child| outline.items[child].text(&doc.text))
            .collect();
        let answered = !after.trim().is_empty() || nested.iter().any(|t| !t.trim().is_empty());
        if !answered {
            let line = doc
                .lines
                .line_range(&doc.text, doc.lines.line_of(item.span.start));
            c.report(
                &UNANSWERED_WHY,
                line,
                format!("`{}?` has no answer", question.trim()),
            );
        }
    }
}

/// The file a link names, if it names one: the path as written in the link
/// and that path from the folder of the document at `doc_path`. Web
/// addresses, anchors, mail addresses and absolute paths name none.
fn linked_file<'l>(doc_path: &Path, link: &'l Link) -> Option<(&'l str, PathBuf)> {
    let dest = link.destination.trim();
    let is_relative = !dest.is_empty()
        && !dest.starts_with('#')
        && !dest.starts_with('/')
        && !dest.contains("://")
        && !dest.starts_with("mailto:")
        && !dest.starts_with("tel:")
        && !dest.starts_with("data:");
    if !is_relative {
        return None;
    }
    let path_part = dest.split(['#', '?']).next().unwrap_or("");
    // `<ops@example.org>` links to `ops@example.org`: an address; an
    // autolink has a scheme (`<slack:…>`, `<HH:MM>` read as one).
    let email = path_part.contains('@') && !path_part.contains('/');
    if path_part.is_empty() || email || link.autolink {
        return None;
    }
    let base = doc_path.parent().unwrap_or(Path::new(""));
    Some((path_part, base.join(percent_decode(path_part))))
}

/// PM308 for links that a change breaks, in a postmortem the run does not
/// lint: a link to a file in `removed` (each with its path made absolute by
/// [`crate::files::lexical_absolute`]), or to a folder that held one, that
/// is gone: from the file system, or with `in_index` from Git's index (the
/// commit will not have it, whatever the disk has).
pub fn check_links_to_removed(
    c: &mut Checker<'_>,
    removed: &[(PathBuf, &Removed)],
    in_index: bool,
) {
    let doc = c.doc;
    for link in &doc.outline.links {
        let Some((path_part, target)) = linked_file(&doc.path, link) else {
            continue;
        };
        let Some(absolute) = crate::files::lexical_absolute(&target) else {
            continue;
        };
        if !in_index && target.exists() {
            continue;
        }
        let exact = removed.iter().find(|(path, _)| *path == absolute);
        let Some((_, gone)) = exact else {
            // A folder the change empties.
            if removed.iter().any(|(path, _)| path.starts_with(&absolute))
                && (!in_index || !target.is_file())
            {
                c.report(
                    &BROKEN_LINK,
                    link.span.clone(),
                    format!(
                        "link to `{path_part}`: the change deletes the folder {}",
                        target.display()
                    ),
                );
            }
            continue;
        };
        match &gone.renamed_to {
            Some(to) => c.report_with_help(
                &BROKEN_LINK,
                link.span.clone(),
                format!(
                    "link to `{path_part}`: the change renames {} to {}",
                    gone.path.display(),
                    to.display()
                ),
                format!(
                    "link to `{}{}` instead",
                    relative_link(&doc.path, to).unwrap_or_else(|| to.display().to_string()),
                    // The anchor or query the link had.
                    link.destination.trim().get(path_part.len()..).unwrap_or("")
                ),
            ),
            None => c.report(
                &BROKEN_LINK,
                link.span.clone(),
                format!(
                    "link to `{path_part}`: the change deletes {}",
                    gone.path.display()
                ),
            ),
        }
    }
}

/// How a link in the file at `from` writes the path to `new`: relative to
/// that file's folder, spaces percent-encoded.
fn relative_link(from: &Path, new: &Path) -> Option<String> {
    let base = crate::files::lexical_absolute(from)?;
    let new = crate::files::lexical_absolute(new)?;
    let relative = pathdiff::diff_paths(new, base.parent()?)?;
    /// What a link destination cannot hold as it is: spaces, the marks that
    /// start a query or an anchor, `%` itself, and the brackets Markdown
    /// reads around a destination.
    const IN_LINK: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'#')
        .add(b'?')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'(')
        .add(b')')
        .add(b'[')
        .add(b']')
        .add(b'\\');
    Some(percent_encoding::utf8_percent_encode(relative.to_str()?, IN_LINK).to_string())
}

fn check_links(c: &mut Checker<'_>) {
    let doc = c.doc;
    for link in &doc.outline.links {
        let Some((path_part, target)) = linked_file(&doc.path, link) else {
            continue;
        };
        let dest = link.destination.trim();
        if !target.exists() {
            let message = format!("link to `{path_part}`: no such file ({})", target.display());
            if looks_like_a_host(path_part) {
                c.report_with_help(
                    &BROKEN_LINK,
                    link.span.clone(),
                    message,
                    format!("did you mean https://{dest}?"),
                );
            } else {
                c.report(&BROKEN_LINK, link.span.clone(), message);
            }
        }
    }
}

/// Whether a relative link's first segment reads as a host name
/// (`status.example.com`, `www.example.org/x`, `grafana.io`): a web address
/// written without `https://`, not a file.
fn looks_like_a_host(path: &str) -> bool {
    const FILE_EXTENSIONS: &[&str] = &[
        "csv", "gif", "htm", "html", "jpeg", "jpg", "json", "log", "md", "markdown", "pdf", "png",
        "svg", "txt", "webp", "yaml", "yml", "zip",
    ];
    const TOP_LEVEL: &[&str] = &[
        "ai", "app", "cloud", "co", "com", "de", "dev", "edu", "eu", "fr", "gov", "info", "io",
        "me", "net", "org", "sh", "uk", "us",
    ];
    let host = path.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let well_formed = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let Some(last) = labels.last().map(|l| l.to_ascii_lowercase()) else {
        return false;
    };
    well_formed
        && !FILE_EXTENSIONS.contains(&last.as_str())
        && (labels.len() >= 3 || host.starts_with("www.") || TOP_LEVEL.contains(&last.as_str()))
}

/// `%20` and the like, decoded; invalid escapes are kept as written.
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_written_without_a_scheme() {
        for path in [
            "status.example.com",
            "www.example.org/x",
            "grafana.io",
            "docs.google.com/d/1",
        ] {
            assert!(looks_like_a_host(path), "{path}");
        }
        for path in [
            "2025-10-01-db.md",
            "img/graph.png",
            "runbook",
            "../x.md",
            "v1.2.md",
            "notes.txt",
        ] {
            assert!(!looks_like_a_host(path), "{path}");
        }
    }

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decode("post%20mortem.md"), "post mortem.md");
        assert_eq!(percent_decode("100%.md"), "100%.md");
    }
}
