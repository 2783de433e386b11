//! Events into a postmortem: the timeline table they join (one PM301
//! reads), each written in the table's columns and zone and merged in time
//! order with the rows already there; and the times a pager's events give
//! (`detected_at`, `resolved_at`) where the front matter leaves them empty.
//!
//! Nothing written by a person is dropped: the only rows replaced are the
//! template's own (a row its template writes as it is, or one of nothing but
//! blanks and stand-ins), and an event already in the table (the same row,
//! or a row holding its link) is not added again.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};

use super::{Event, Kind};
use crate::document::dates::{self, Timestamp, human_minutes};
use crate::document::facts::Fact;
use crate::document::outline::{Heading, Table};
use crate::document::{Document, inferred, placeholders, sections};
use crate::lint::fix::{self, Fix};

/// What a column of the timeline table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// When (always the first).
    Time,
    /// Who did it or wrote it.
    Who,
    /// What happened.
    Event,
    /// Anything else (a channel, a result): left empty.
    Other,
}

/// Header words of a column that says who.
const WHO_HEADERS: &[&str] = &[
    "who",
    "owner",
    "by",
    "person",
    "people",
    "actor",
    "author",
    "responder",
    "from",
    "user",
    "name",
    "team",
    "assignee",
    "engineer",
];

/// Header words of a column that says what happened.
const EVENT_HEADERS: &[&str] = &[
    "event",
    "events",
    "description",
    "what",
    "message",
    "action",
    "details",
    "detail",
    "update",
    "note",
    "notes",
    "summary",
    "activity",
    "comment",
    "observation",
    "entry",
];

/// Where the events go.
#[derive(Debug, Clone)]
pub struct Place {
    /// An existing table (its index in the outline), or a new one.
    table: Option<usize>,
    /// Where a new table goes.
    insert_at: usize,
    /// The section it is in, for reports.
    pub section: String,
    /// The table's columns.
    columns: Vec<Column>,
    /// The zone the postmortem states for its timeline (minutes east of
    /// UTC), if any.
    pub stated: Option<i32>,
    /// The postmortem's day, which rows of a time of day alone fall on.
    pub day: Option<NaiveDate>,
}

impl Place {
    /// The zone the table's times are written in (minutes east of UTC):
    /// the stated one; `None` for UTC that nothing says.
    fn zone(&self) -> Option<i32> {
        self.stated
    }

    /// How the rows of `--stdout` write their times.
    fn written(&self, suffix: bool) -> Result<Written, String> {
        let offset = FixedOffset::east_opt(self.zone().unwrap_or(0) * 60)
            .ok_or_else(|| "the stated time zone is out of range".to_owned())?;
        Ok(Written { offset, suffix })
    }
}

/// The postmortem with the events in it.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The new text.
    pub text: String,
    /// Rows added.
    pub added: usize,
    /// Events already in the table.
    pub present: usize,
    /// Rows of the template replaced.
    pub replaced: usize,
    /// Whether the table is new.
    pub new_table: bool,
    /// The front matter values set: key, value, and why.
    pub set: Vec<(&'static str, String, String)>,
    /// What could not be set, and why.
    pub notes: Vec<String>,
}

/// The timeline table of `doc` the events join: the first under the
/// heading `section` when it is given, else the first in a Timeline
/// section, else the first timeline table; or a new one at the end of the
/// heading's (or the Timeline section's) own text. `reading` says how to
/// read what the text leaves open.
pub fn place(
    doc: &Document,
    section: Option<&str>,
    reading: inferred::Reading,
) -> Result<Place, String> {
    let outline = &doc.outline;
    let timelines: Vec<usize> = doc.timelines().iter().map(|t| t.table).collect();
    let within = |h: &Heading, table: usize| {
        outline
            .tables
            .get(table)
            .is_some_and(|t| t.span.start >= h.span.end && t.span.start < h.end)
    };
    let (table, heading) = match section {
        Some(name) => {
            let wanted = sections::normalize(name);
            let heading = outline
                .headings
                .iter()
                .find(|h| h.normalized == wanted)
                .ok_or_else(|| {
                    let known: Vec<String> = timelines
                        .iter()
                        .filter_map(|&t| {
                            let table = outline.tables.get(t)?;
                            let h = outline
                                .headings
                                .get(outline.heading_at(table.span.start)?)?;
                            Some(format!("`{}`", h.title))
                        })
                        .collect();
                    let hint = if known.is_empty() {
                        String::new()
                    } else {
                        format!("; its timeline tables are under {}", known.join(", "))
                    };
                    format!("no heading `{name}`{hint}")
                })?;
            let table = timelines.iter().copied().find(|&t| within(heading, t));
            (table, Some(heading))
        }
        None => {
            let timeline_section = |t: &usize| {
                outline
                    .tables
                    .get(*t)
                    .is_some_and(|table| outline.in_section(table.span.start, "timeline"))
            };
            let table = (timelines.iter().copied().find(timeline_section))
                .or_else(|| timelines.first().copied());
            let heading = match table {
                Some(t) => outline
                    .tables
                    .get(t)
                    .and_then(|table| outline.heading_at(table.span.start))
                    .and_then(|h| outline.headings.get(h)),
                None => Some(
                    outline
                        .headings
                        .iter()
                        .find(|h| h.canonical.is_some_and(|c| c.id == "timeline"))
                        .ok_or_else(|| {
                            "no timeline table and no Timeline section to put one in; add a \
                             `## Timeline` heading where it belongs, or give --section"
                                .to_owned()
                        })?,
                ),
            };
            (table, heading)
        }
    };
    let section_name = heading.map(|h| h.title.clone()).unwrap_or_default();
    let stated_by_header = table
        .and_then(|t| outline.tables.get(t))
        .and_then(|t| t.header.cells.first())
        .and_then(|cell| zone_in_header(&cell.text));
    let stated = stated_by_header.or_else(|| inferred::stated_zone(doc));
    let columns = match table.and_then(|t| outline.tables.get(t)) {
        Some(table) => {
            let columns = columns_of(table);
            if !columns.contains(&Column::Event) {
                return Err(format!(
                    "the timeline table at line {} has no column for what happened",
                    doc.lines.line_of(table.span.start) + 1
                ));
            }
            columns
        }
        None => vec![Column::Time, Column::Who, Column::Event],
    };
    Ok(Place {
        table,
        insert_at: heading.map_or(doc.text.len(), |h| h.body.end),
        section: section_name,
        columns,
        stated,
        day: day(doc, reading),
    })
}

/// The zone a time column's header names: `Time (UTC)`, `Timestamp PST`.
fn zone_in_header(header: &str) -> Option<i32> {
    header
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '/'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .find_map(dates::zone_offset)
}

/// What each column of `table` holds, by its header.
fn columns_of(table: &Table) -> Vec<Column> {
    let headed = |text: &str, words: &[&str]| {
        let header = sections::normalize(text);
        words
            .iter()
            .any(|w| header == *w || header.starts_with(&format!("{w} ")))
    };
    let mut columns: Vec<Column> = table
        .header
        .cells
        .iter()
        .enumerate()
        .map(|(i, cell)| match i {
            0 => Column::Time,
            _ if headed(&cell.text, WHO_HEADERS) => Column::Who,
            _ if headed(&cell.text, EVENT_HEADERS) => Column::Event,
            _ => Column::Other,
        })
        .collect();
    // One column says who; without a column headed as the event, the
    // first other column takes it.
    let mut seen_who = false;
    for column in &mut columns {
        if *column == Column::Who {
            if seen_who {
                *column = Column::Other;
            }
            seen_who = true;
        }
    }
    if let Some(first_event) = columns.iter().position(|c| *c == Column::Event) {
        for column in columns.iter_mut().skip(first_event + 1) {
            if *column == Column::Event {
                *column = Column::Other;
            }
        }
    } else if let Some(other) = columns.iter_mut().find(|c| **c == Column::Other) {
        *other = Column::Event;
    }
    columns
}

/// How times are written in the table.
#[derive(Debug, Clone, Copy)]
struct Written {
    offset: FixedOffset,
    /// Whether each time says its zone (` UTC`): nothing else does.
    suffix: bool,
}

impl Written {
    fn time(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.offset);
        let mut text = super::when(&local.naive_local());
        if self.suffix {
            text.push_str(" UTC");
        }
        text
    }

    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.offset).naive_local()
    }
}

/// The cells of `event`'s row in `columns`.
fn row_of(event: &Event, columns: &[Column], written: &Written) -> String {
    let has_who = columns.contains(&Column::Who);
    let cells: Vec<String> = columns
        .iter()
        .map(|column| match column {
            Column::Time => written.time(event.at),
            Column::Who => super::cell(event.who.as_deref().unwrap_or("")),
            Column::Event => {
                let what = super::what(event);
                match (&event.who, has_who) {
                    (Some(who), false) => format!("{}: {what}", super::cell(who)),
                    _ => what,
                }
            }
            Column::Other => String::new(),
        })
        .collect();
    format!("| {} |", cells.join(" | "))
}

/// A row's line with its spacing made plain, to compare rows.
fn plain(line: &str) -> String {
    let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
    words.replace(" |", "|").replace("| ", "|")
}

/// Whether a row is the template's, not a person's: a line its template
/// writes as it is, or nothing but blanks and stand-ins.
fn is_template_row(line: &str, cells: &[String], template: Option<&HashSet<String>>) -> bool {
    template.is_some_and(|lines| lines.contains(line.trim()))
        || cells
            .iter()
            .all(|c| c.trim().is_empty() || placeholders::is_unfilled(c))
}

/// `doc` with `events` merged into the table at `place` (rows sorted by
/// time, an event already there not added again) and the pager's times
/// filled in (see [`pager_times`]). `template` is the set of lines the
/// document's template writes, when it is known.
pub fn merge(
    doc: &Document,
    place: &Place,
    events: &[Event],
    template: Option<&HashSet<String>>,
) -> Result<Merged, String> {
    let eol = doc.line_ending();
    let text = &doc.text;
    let table = place.table.and_then(|t| doc.outline.tables.get(t));
    // The rows already there: their lines, and their times as written.
    let mut kept: Vec<(String, Option<NaiveDateTime>)> = Vec::new();
    let mut replaced = 0;
    let mut rows_span: Option<Range<usize>> = None;
    let mut prefix = String::new();
    if let Some(table) = table {
        let header_line = doc
            .lines
            .line_range(text, doc.lines.line_of(table.header.span.start));
        prefix = text
            .get(header_line.start..table.header.span.start)
            .unwrap_or_default()
            .to_owned();
        if !prefix.chars().all(|c| c.is_whitespace() || c == '>') {
            return Err(format!(
                "the timeline table at line {} shares its line with other text",
                doc.lines.line_of(table.span.start) + 1
            ));
        }
        let times = timeline_times(doc, place);
        let mut previous_line = doc.lines.line_of(table.header.span.start) + 1;
        for (i, row) in table.rows.iter().enumerate() {
            let line = doc.lines.line_of(row.span.start);
            if line != previous_line + 1 {
                return Err(format!(
                    "the timeline table's row at line {} is not on a line of its own",
                    line + 1
                ));
            }
            previous_line = line;
            let range = doc.lines.line_range(text, line);
            rows_span = Some(rows_span.map_or(range.clone(), |s| s.start..range.end));
            let source = text.get(range).unwrap_or_default();
            let cells: Vec<String> = row.cells.iter().map(|c| c.text.clone()).collect();
            if is_template_row(source, &cells, template) {
                replaced += 1;
                continue;
            }
            kept.push((source.to_owned(), times.get(i).copied().flatten()));
        }
    }
    // Times go in the zone the postmortem states; else in UTC, said in the
    // header when no row of another hand is left, else on each time.
    let header_cell = table.and_then(|t| t.header.cells.first());
    let relabel = place.zone().is_none() && kept.is_empty();
    let written = place.written(place.zone().is_none() && !relabel)?;
    let mut present = 0;
    let mut fresh: Vec<(NaiveDateTime, String)> = Vec::new();
    let plain_kept: HashSet<String> = kept.iter().map(|(l, _)| plain(l)).collect();
    // The links of the rows kept, as written.
    let links: HashSet<&str> = match &rows_span {
        Some(span) => (doc.outline.links.iter())
            .filter(|l| span.start <= l.span.start && l.span.end <= span.end)
            .map(|l| l.destination.as_str())
            .collect(),
        None => HashSet::new(),
    };
    for event in events {
        let line = row_of(event, &place.columns, &written);
        let linked = (event.link.as_ref())
            .is_some_and(|link| links.contains(link.as_str()) || links.contains(super::url(link).as_str()));
        if linked || plain_kept.contains(&plain(&line)) {
            present += 1;
            continue;
        }
        fresh.push((written.local(event.at), line));
    }
    // Existing rows stay in their order; each new row goes before the
    // first later one.
    let mut lines: Vec<String> = Vec::new();
    let mut pending = fresh.iter().peekable();
    for (line, at) in &kept {
        if let Some(at) = at {
            while let Some((_, new)) = pending.next_if(|(t, _)| t < at) {
                lines.push(format!("{prefix}{new}"));
            }
        }
        lines.push(line.clone());
    }
    lines.extend(pending.map(|(_, new)| format!("{prefix}{new}")));
    let block = lines.join(eol);
    let mut edits: Vec<Fix> = Vec::new();
    let edit =
        |span: Range<usize>, text: String| Fix::replace(fix::Applicability::Safe, "", span, text);
    match table {
        Some(table) => {
            match &rows_span {
                Some(span) => edits.push(edit(span.clone(), block)),
                None if !lines.is_empty() => {
                    // Only a header: the rows go after the delimiter row.
                    let delimiter = doc.lines.line_of(table.header.span.start) + 1;
                    let after = doc.lines.line_range(text, delimiter).end;
                    edits.push(edit(after..after, format!("{eol}{block}")));
                }
                None => {}
            }
            if relabel
                && !fresh.is_empty()
                && let Some(cell) = header_cell
            {
                let word: String = cell
                    .text
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let word = if word.is_empty() {
                    "Time".to_owned()
                } else {
                    word
                };
                edits.push(edit(cell.span.clone(), format!("{word} (UTC)")));
            }
        }
        None if !fresh.is_empty() => {
            let header = if place.zone().is_some() {
                "Time"
            } else {
                "Time (UTC)"
            };
            let at = place.insert_at;
            let before = text.get(..at).unwrap_or_default();
            let lead = if before.is_empty() || before.ends_with(&format!("{eol}{eol}")) {
                ""
            } else if before.ends_with(eol) {
                eol
            } else {
                &format!("{eol}{eol}")
            };
            let trail = if at < text.len() { eol } else { "" };
            edits.push(edit(
                at..at,
                format!(
                    "{lead}| {header} | Who | Event |{eol}|---|---|---|{eol}{block}{eol}{trail}"
                ),
            ));
        }
        None => {}
    }
    let (pager, mut merged) = pager_times(doc, events);
    edits.extend(pager);
    let (new_text, _) = fix::apply(text, &edits);
    merged.text = new_text;
    Ok(Merged {
        added: fresh.len(),
        present,
        replaced: if fresh.is_empty() { 0 } else { replaced },
        new_table: table.is_none() && !fresh.is_empty(),
        ..merged
    })
}

/// The times of the target table's rows, as written (with the day they
/// fall on), by row; `None` for a row without one.
fn timeline_times(doc: &Document, place: &Place) -> Vec<Option<NaiveDateTime>> {
    let Some(index) = place.table else {
        return Vec::new();
    };
    let Some(rows) = doc.outline.tables.get(index).map(|t| t.rows.len()) else {
        return Vec::new();
    };
    let mut times = vec![None; rows];
    for timeline in doc.timelines().iter().filter(|t| t.table == index) {
        for entry in &timeline.entries {
            // A time of day with no day above it, in a document whose
            // front matter gives none: on the day its text gives.
            let at = if entry.at.date() == NaiveDate::MIN {
                place.day.map(|day| day.and_time(entry.at.time()))
            } else {
                Some(entry.at)
            };
            if let Some(slot) = times.get_mut(entry.row) {
                *slot = at;
            }
        }
    }
    times
}

/// The front matter edits that fill `detected_at` (the first page
/// triggered, else acknowledged) and `resolved_at` (the last resolved)
/// where they are empty, and `duration` once both ends are known; each
/// with what it set and why, and what it could not set.
fn pager_times(doc: &Document, events: &[Event]) -> (Vec<Fix>, Merged) {
    let mut report = Merged::default();
    let mut fixes = Vec::new();
    let first = |kind: Kind| events.iter().find(|e| e.kind == Some(kind));
    let detected = first(Kind::Triggered).or_else(|| first(Kind::Acknowledged));
    let resolved = events.iter().rev().find(|e| e.kind == Some(Kind::Resolved));
    let facts = &doc.facts;
    let started = facts.started_at.value().map(Timestamp::as_utc_naive);
    let mut detected_value = facts.detected_at.value().map(Timestamp::as_utc_naive);
    let mut resolved_value = facts.resolved_at.value().map(Timestamp::as_utc_naive);
    let mut fill = |key: &'static str,
                    fact: &Fact<Timestamp>,
                    event: &Event,
                    earlier: &[(&str, Option<NaiveDateTime>)]|
     -> bool {
        let value = event.at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let why = format!("when the {}", kind_word(event.kind));
        let at = event.at.naive_utc();
        if let Some((name, _)) = earlier.iter().find(|(_, t)| t.is_some_and(|t| at < t)) {
            report.notes.push(format!(
                "`{key}` is left empty: {value}, {why}, is before `{name}`"
            ));
            return false;
        }
        let Some(fix) = empty_key(doc, fact).and_then(|key_span| match key_span {
            Slot::Empty(span) => fix::fill_empty(&doc.text, &span, &value, ""),
            Slot::Placeholder(span) => {
                let quoted =
                    fix::written_like(doc.text.get(span.clone()).unwrap_or_default(), &value);
                Some(Fix::replace(fix::Applicability::Safe, "", span, quoted))
            }
        }) else {
            if matches!(fact, Fact::Missing) {
                report.notes.push(format!(
                    "`{key}` is not in the front matter: add `{key}: {value}` ({why})"
                ));
            }
            return false;
        };
        fixes.push(fix);
        report.set.push((key, value, why));
        true
    };
    if let Some(event) = detected
        && fill(
            "detected_at",
            &facts.detected_at,
            event,
            &[("started_at", started)],
        )
    {
        detected_value = Some(event.at.naive_utc());
    }
    if let Some(event) = resolved
        && fill(
            "resolved_at",
            &facts.resolved_at,
            event,
            &[("started_at", started), ("detected_at", detected_value)],
        )
    {
        resolved_value = Some(event.at.naive_utc());
    }
    if let (Some(start), Some(end), Fact::Empty { key }) =
        (started, resolved_value, &facts.duration)
        && report.set.iter().any(|(k, _, _)| *k == "resolved_at")
        && end >= start
    {
        let value = human_minutes((end - start).num_minutes());
        if let Some(fix) = fix::fill_empty(&doc.text, key, &value, "") {
            fixes.push(fix);
            report
                .set
                .push(("duration", value, "resolved_at minus started_at".to_owned()));
        }
    }
    (fixes, report)
}

/// Where an empty fact's value goes.
enum Slot {
    /// After the key (`detected_at:`, `detected_at: null`).
    Empty(Range<usize>),
    /// Over a stand-in (`detected_at: "[time]"`).
    Placeholder(Range<usize>),
}

fn empty_key(doc: &Document, fact: &Fact<Timestamp>) -> Option<Slot> {
    match fact {
        Fact::Empty { key } => Some(Slot::Empty(key.clone())),
        Fact::Invalid { span, written, .. }
            if written
                .as_text()
                .is_some_and(|t| placeholders::is_unfilled(&t))
                && doc.text.get(span.clone()).is_some() =>
        {
            Some(Slot::Placeholder(span.clone()))
        }
        _ => None,
    }
}

fn kind_word(kind: Option<Kind>) -> &'static str {
    match kind {
        Some(Kind::Triggered) => "page was triggered",
        Some(Kind::Acknowledged) => "page was acknowledged",
        Some(Kind::Escalated) => "page was escalated",
        Some(Kind::Resolved) => "incident was resolved",
        None => "event happened",
    }
}

/// The postmortem's day: its `date`, else the one its text gives
/// (`reading` says how to read that text).
pub fn day(doc: &Document, reading: inferred::Reading) -> Option<NaiveDate> {
    (doc.facts.date.value().copied()).or_else(|| Some(doc.inferred(reading).date.as_ref()?.value))
}

/// The window of a postmortem's incident: from an hour before it started
/// to an hour after it was resolved (the front matter's times, else those
/// its text gives, else for the end the last time a pager among `events`
/// says it was resolved, which the import sets), each end when it is known.
pub fn window(
    doc: &Document,
    events: &[Event],
    reading: inferred::Reading,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let hour = chrono::Duration::hours(1);
    // What the text gives is read only where the front matter is silent.
    let at = |fact: &Fact<Timestamp>, found: fn(&inferred::Inferred) -> &Option<inferred::Found<Timestamp>>| {
        (fact.value().copied())
            .or_else(|| Some(found(doc.inferred(reading)).as_ref()?.value))
            .map(|t| t.as_utc_naive().and_utc())
    };
    let resolved = at(&doc.facts.resolved_at, |i| &i.resolved_at).or_else(|| {
        (events.iter())
            .filter(|e| e.kind == Some(Kind::Resolved))
            .map(|e| e.at)
            .max()
    });
    (
        at(&doc.facts.started_at, |i| &i.started_at).map(|t| t - hour),
        resolved.map(|t| t + hour),
    )
}

/// The rows `events` would be in `place`'s table, as a table of its
/// header, for `--stdout`.
pub fn table(doc: &Document, place: &Place, events: &[Event]) -> Result<String, String> {
    let header = match place.table.and_then(|t| doc.outline.tables.get(t)) {
        Some(table) => {
            let cells: Vec<&str> = table.header.cells.iter().map(|c| c.text.as_str()).collect();
            format!(
                "| {} |\n|{}\n",
                cells.join(" | "),
                "---|".repeat(cells.len())
            )
        }
        None => "| Time (UTC) | Who | Event |\n|---|---|---|\n".to_owned(),
    };
    let written = place.written(false)?;
    let mut out = header;
    for event in events {
        out.push_str(&row_of(event, &place.columns, &written));
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_say_what_a_column_holds() {
        let doc = Document::parse(
            "a.md".into(),
            "## Timeline\n\n| Time | Channel | Message |\n|---|---|---|\n".to_owned(),
        );
        let table = &doc.outline.tables[0];
        assert_eq!(
            columns_of(table),
            [Column::Time, Column::Other, Column::Event]
        );
        let doc = Document::parse(
            "a.md".into(),
            "| Timestamp (UTC) | Event | Owner |\n|---|---|---|\n".to_owned(),
        );
        assert_eq!(
            columns_of(&doc.outline.tables[0]),
            [Column::Time, Column::Event, Column::Who]
        );
        let doc = Document::parse(
            "a.md".into(),
            "| Time | Action | Result |\n|---|---|---|\n".to_owned(),
        );
        assert_eq!(
            columns_of(&doc.outline.tables[0]),
            [Column::Time, Column::Event, Column::Other]
        );
    }

    #[test]
    fn a_header_names_its_zone() {
        assert_eq!(zone_in_header("Time (UTC)"), Some(0));
        assert_eq!(zone_in_header("Timestamp (PST)"), Some(-8 * 60));
        assert_eq!(zone_in_header("Time (Timezone)"), None);
        assert_eq!(zone_in_header("Time"), None);
    }

    #[test]
    fn times_are_written_as_timeline_cells_read() {
        let written = Written {
            offset: FixedOffset::east_opt(0).expect("zero"),
            suffix: true,
        };
        let at = DateTime::parse_from_rfc3339("2026-11-20T14:02:11Z")
            .expect("a time")
            .with_timezone(&Utc);
        assert_eq!(written.time(at), "2026-11-20 14:02:11 UTC");
        assert!(matches!(
            crate::document::timeline::parse_when(&written.time(at)),
            Some(crate::document::timeline::When::At(_))
        ));
    }
}
