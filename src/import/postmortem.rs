//! Events into a postmortem: the timeline table they join (one PM301
//! reads), each written in the table's columns and zone and merged in time
//! order with the rows already there; and the times a pager's events give
//! (`detected_at`, `resolved_at`) where the front matter leaves them empty.
//!
//! Nothing written by a person is dropped: the only rows replaced are the
//! template's own (a row its template writes as it is, or one of nothing but
//! blanks and stand-ins), and an event already in the table (the same row,
//! or a row linking to it) is not added again.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::{Event, Kind, Zone};
use crate::document::dates::{self, Timestamp, human_minutes};
use crate::document::facts::Fact;
use crate::document::front_matter::State;
use crate::document::outline::{Heading, Table};
use crate::document::timeline::{self, When};
use crate::document::{Document, inferred, placeholders, sections};
use crate::lint::fix::{self, Edit, Fix};

/// What a column of the timeline table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The day, in a table that gives the time of day in the next column.
    Date,
    /// When (the first column, or the second after a Date).
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

/// Header words of the columns of an action items table, which is never a
/// timeline, whatever its first column.
const ACTION_HEADERS: &[&str] = &["owner", "due", "due date", "status", "priority", "assignee"];

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
    /// The zone the postmortem states for its timeline, if any.
    pub stated: Option<Zone>,
    /// The postmortem's day, which rows of a time of day alone fall on.
    pub day: Option<NaiveDate>,
}

/// The postmortem with the events in it.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The new text.
    pub text: String,
    /// The table's header as it is written (relabelled, or new), with its
    /// delimiter row.
    pub header: String,
    /// The rows added, in order.
    pub rows: Vec<String>,
    /// Events already in the table.
    pub present: usize,
    /// Rows of the template replaced.
    pub replaced: usize,
    /// Rows of a time of day alone that were given their date, so that a
    /// dated row put above them does not move them to its day.
    pub dated: usize,
    /// Whether the table is new.
    pub new_table: bool,
    /// The front matter values set: key, value, and why.
    pub set: Vec<(&'static str, String, String)>,
    /// What could not be set, and why.
    pub notes: Vec<String>,
}

/// The timeline table of `doc` the events join: the first under the
/// heading `section` when it is given, else the first in a Timeline
/// section; else a new one at the end of the Timeline section's own text
/// (or the heading's); else the first timeline table that is not a table
/// of action items. `reading` says how to read what the text leaves open.
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
    let heading_of = |table: usize| {
        let start = outline.tables.get(table)?.span.start;
        outline.headings.get(outline.heading_at(start)?)
    };
    let (table, heading) = match section {
        Some(name) => {
            let wanted = sections::normalize(name);
            let heading = outline
                .headings
                .iter()
                .find(|h| h.normalized == wanted)
                .ok_or_else(|| {
                    let known: Vec<String> = (timelines.iter())
                        .filter_map(|&t| Some(format!("`{}`", heading_of(t)?.title)))
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
            let in_timeline = |t: &usize| {
                (outline.tables.get(*t))
                    .is_some_and(|table| outline.in_section(table.span.start, "timeline"))
            };
            let timeline_heading =
                (outline.headings.iter()).find(|h| h.canonical.is_some_and(|c| c.id == "timeline"));
            match (
                timelines.iter().copied().find(in_timeline),
                timeline_heading,
            ) {
                (Some(t), _) => (Some(t), heading_of(t)),
                (None, Some(h)) => (None, Some(h)),
                (None, None) => {
                    let t = (timelines.iter().copied())
                        .find(|&t| {
                            outline
                                .tables
                                .get(t)
                                .is_some_and(|t| !is_action_table(doc, t))
                        })
                        .ok_or_else(|| {
                            "no timeline table and no Timeline section to put one in; add a \
                             `## Timeline` heading where it belongs, or give --section"
                                .to_owned()
                        })?;
                    (Some(t), heading_of(t))
                }
            }
        }
    };
    let section_name = heading.map(|h| h.title.clone()).unwrap_or_default();
    let columns = match table.and_then(|t| outline.tables.get(t)) {
        Some(table) => {
            let columns = columns_of(&doc.text, table);
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
    let time_header = table.and_then(|t| outline.tables.get(t)).and_then(|t| {
        let at = columns.iter().position(|c| *c == Column::Time)?;
        t.header.cells.get(at)
    });
    let stated = time_header
        .and_then(|cell| {
            zone_in_words(
                (cell
                    .text(&doc.text)
                    .split(|c: char| c.is_whitespace() || matches!(c, '(' | '[')))
                .skip(1),
            )
        })
        .or_else(|| heading.and_then(|h| zone_of_section(doc, h)));
    Ok(Place {
        table,
        insert_at: heading.map_or(doc.text.len(), |h| h.body.end),
        section: section_name,
        columns,
        stated,
        day: day(doc, reading),
    })
}

/// Whether a table is one of action items: under an Action items heading,
/// or with an owner, due date, status or priority column.
fn is_action_table(doc: &Document, table: &Table) -> bool {
    doc.outline.in_section(table.span.start, "action_items")
        || table.header.cells.iter().any(|cell| {
            let header = sections::normalize(cell.text(&doc.text));
            ACTION_HEADERS
                .iter()
                .any(|w| header == *w || header.starts_with(&format!("{w} ")))
        })
}

/// A zone as a postmortem names one: an IANA name (`Europe/Berlin`), an
/// offset (`+02:00`, `UTC+2`) or an abbreviation in capitals (`PST`; `est.`
/// is an estimate).
fn zone_word(word: &str) -> Option<Zone> {
    let word = word
        .trim_matches(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '/' | '_')));
    if word.contains('/') {
        return word.parse::<chrono_tz::Tz>().ok().map(Zone::Named);
    }
    if word.chars().any(char::is_lowercase) {
        return None;
    }
    let minutes = dates::zone_offset(word)?;
    chrono::FixedOffset::east_opt(minutes * 60).map(Zone::Fixed)
}

/// The first zone among `words`.
fn zone_in_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<Zone> {
    words
        .into_iter()
        .flat_map(|w| w.split(['(', ')', ',']))
        .find_map(zone_word)
}

/// The zone a section states for its times: in its heading or an enclosing
/// one (`Timeline (PST)`), or in its own text (`All times in CEST`, `Times
/// are UTC`).
fn zone_of_section(doc: &Document, heading: &Heading) -> Option<Zone> {
    let headings = &doc.outline.headings;
    let mut chain = Some(heading);
    while let Some(h) = chain {
        if let Some((_, inside)) = h.title.split_once('(')
            && let Some(zone) = zone_in_words(inside.split_whitespace())
        {
            return Some(zone);
        }
        chain = h.parent.and_then(|p| headings.get(p));
    }
    let body = doc.text.get(heading.body.clone())?;
    // ASCII only: the same byte offsets as `body`.
    let lower = body.to_ascii_lowercase();
    for marker in [
        "all times are in ",
        "all times in ",
        "all times are ",
        "all timestamps are in ",
        "all timestamps in ",
        "all timestamps are ",
        "times are in ",
        "times are ",
        "timestamps are in ",
        "timestamps are ",
        "all times ",
    ] {
        let mut from = 0;
        while let Some(at) = lower.get(from..).and_then(|rest| rest.find(marker)) {
            let start = from + at;
            let after = start + marker.len();
            from = after;
            // The start of a sentence: `Load times are …` says nothing of
            // the timeline's.
            let before = lower[..start].trim_end_matches([' ', '*', '_', '(', '>']);
            if !(before.is_empty() || before.ends_with(['.', '\n', ':'])) {
                continue;
            }
            let words = body
                .get(after..)
                .unwrap_or_default()
                .split_whitespace()
                .take(5);
            if let Some(zone) = zone_in_words(words) {
                return Some(zone);
            }
        }
    }
    None
}

/// What each column of `table` holds, by its header.
fn columns_of(source: &str, table: &Table) -> Vec<Column> {
    let headed = |text: &str, words: &[&str]| {
        let header = sections::normalize(text);
        words
            .iter()
            .any(|w| header == *w || header.starts_with(&format!("{w} ")))
    };
    let cells = &table.header.cells;
    // `| Date | Time (UTC) | Event |`: the day and the time apart.
    let split = cells
        .first()
        .is_some_and(|c| headed(c.text(source), &["date", "day"]))
        && cells
            .get(1)
            .is_some_and(|c| headed(c.text(source), &["time", "timestamp"]));
    let mut columns: Vec<Column> = cells
        .iter()
        .enumerate()
        .map(|(i, cell)| match i {
            0 if split => Column::Date,
            0 => Column::Time,
            1 if split => Column::Time,
            _ if headed(cell.text(source), WHO_HEADERS) => Column::Who,
            _ if headed(cell.text(source), EVENT_HEADERS) => Column::Event,
            _ => Column::Other,
        })
        .collect();
    // One column says who, one what; without a column headed as the
    // event, the first other column takes it.
    for kind in [Column::Who, Column::Event] {
        let mut seen = false;
        for column in columns.iter_mut().filter(|c| **c == kind) {
            if seen {
                *column = Column::Other;
            }
            seen = true;
        }
    }
    if !columns.contains(&Column::Event)
        && let Some(other) = columns.iter_mut().find(|c| **c == Column::Other)
    {
        *other = Column::Event;
    }
    columns
}

/// How times are written in the table.
#[derive(Debug, Clone, Copy)]
struct Written {
    zone: Zone,
    /// Whether each time says its zone (` UTC`): nothing else does.
    suffix: bool,
}

impl Written {
    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        self.zone.local(at)
    }

    /// The cell of `column` for a time.
    fn cell(&self, at: DateTime<Utc>, column: Column, split: bool) -> String {
        let local = self.local(at);
        let mut text = super::when(&local);
        if split {
            // `2026-11-20 14:02:11`: the date, or the time.
            text = match column {
                Column::Date => text.get(..10).unwrap_or_default().to_owned(),
                _ => text.get(11..).unwrap_or_default().to_owned(),
            };
        }
        if self.suffix && column == Column::Time {
            text.push_str(" UTC");
        }
        text
    }
}

/// `event`'s row in `columns`.
fn row_of(event: &Event, columns: &[Column], written: &Written) -> String {
    let has_who = columns.contains(&Column::Who);
    let split = columns.first() == Some(&Column::Date);
    let cells: Vec<String> = columns
        .iter()
        .map(|column| match column {
            Column::Date | Column::Time => written.cell(event.at, *column, split),
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
/// A row's line made plain, to compare rows: its spacing, and a link
/// written as its text (`[Resolved](https://…)` is `Resolved`), so an event
/// read once with a link and once without is one.
fn plain(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let Some(end) = rest[at..].find(')') else {
            break;
        };
        text.push_str(&rest[..at]);
        rest = &rest[at + end + 1..];
    }
    text.push_str(rest);
    let text = text.replace(['[', ']'], "");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    words.replace(" |", "|").replace("| ", "|")
}

/// Whether a cell is a stand-in and nothing else (`[Event]`, `HH:MM`,
/// `TBD`), unlike a person's text holding one (`Restarted it (time TBD)`).
fn is_stand_in(cell: &str) -> bool {
    let hits = placeholders::in_value(cell);
    if hits.is_empty() {
        return false;
    }
    let mut rest = cell.to_owned();
    for (range, _) in hits.iter().rev() {
        if let Some(r) = rest.get(range.clone()) {
            let blank = " ".repeat(r.len());
            rest.replace_range(range.clone(), &blank);
        }
    }
    rest.chars().all(|c| !c.is_alphanumeric())
}

/// Whether a row is the template's, not a person's: a line its template
/// writes as it is, or nothing but blanks and stand-ins.
fn is_template_row(line: &str, cells: &[String], template: Option<&HashSet<String>>) -> bool {
    template.is_some_and(|lines| lines.contains(line.trim()))
        || cells.iter().all(|c| c.trim().is_empty() || is_stand_in(c))
}

/// A row already in the table.
struct Kept {
    /// Its line, without the table's prefix (`> ` in a quote).
    line: String,
    /// When, as written, on the day it falls on.
    at: Option<NaiveDateTime>,
    /// Whether it writes its own day.
    dated: bool,
    /// Where its time cell starts in `line`, when it gives a time of day
    /// alone.
    time_at: Option<usize>,
}

/// The rows of a timeline table already there, read for [`merge`].
#[derive(Default)]
struct Existing {
    /// The rows kept (a person's), in order.
    kept: Vec<Kept>,
    /// How many rows are the template's.
    replaced: usize,
    /// The lines of the body rows, when there are any.
    rows_span: Option<Range<usize>>,
    /// What precedes each row on its line (`> ` in a quote).
    prefix: String,
    /// The header's line.
    header_line: Option<Range<usize>>,
}

/// Reads the rows of `table`, telling a person's from the template's;
/// an error for a table pm cannot rewrite row by row.
fn existing(
    doc: &Document,
    place: &Place,
    table: &Table,
    template: Option<&HashSet<String>>,
) -> Result<Existing, String> {
    let text = &doc.text;
    let split = place.columns.first() == Some(&Column::Date);
    let mut found = Existing::default();
    let line = doc
        .lines
        .line_range(text, doc.lines.line_of(table.header.span.start));
    let prefix = text
        .get(line.start..table.header.span.start)
        .unwrap_or_default()
        .to_owned();
    found.header_line = Some(line);
    if !prefix.chars().all(|c| c.is_whitespace() || c == '>') {
        return Err(format!(
            "the timeline table at line {} shares its line with other text",
            doc.lines.line_of(table.span.start) + 1
        ));
    }
    let times = row_times(doc, place, table);
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
        found.rows_span =
            Some((found.rows_span.take()).map_or(range.clone(), |s| s.start..range.end));
        let source = text.get(range.clone()).unwrap_or_default();
        let own = source.strip_prefix(prefix.as_str()).unwrap_or(source);
        let cells: Vec<String> = row.cells.iter().map(|c| c.text(text).to_owned()).collect();
        if is_template_row(own, &cells, template) {
            found.replaced += 1;
            continue;
        }
        let (at, dated) = times.get(i).copied().unwrap_or((None, false));
        let time_at = (!split && !dated && at.is_some())
            .then(|| row.cells.first())
            .flatten()
            .and_then(|cell| cell.span.start.checked_sub(range.start + prefix.len()));
        found.kept.push(Kept {
            line: own.to_owned(),
            at,
            dated,
            time_at,
        });
    }
    found.prefix = prefix;
    Ok(found)
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
    let Existing {
        kept,
        replaced,
        rows_span,
        prefix,
        header_line,
    } = match table {
        Some(table) => existing(doc, place, table, template)?,
        None => Existing::default(),
    };
    // Times go in the zone the postmortem states; else in UTC, said in the
    // header when no row of another hand is left (and the header has room
    // to say it), else on each time.
    let time_column = place.columns.iter().position(|c| *c == Column::Time);
    let time_header = table.and_then(|t| t.header.cells.get(time_column?));
    let relabel = match (place.stated, kept.is_empty(), time_header) {
        (None, true, Some(cell)) => relabelled(text, &cell.span),
        _ => None,
    };
    let written = Written {
        zone: place.stated.unwrap_or_else(Zone::utc),
        suffix: place.stated.is_none() && table.is_some() && relabel.is_none(),
    };
    let mut present = 0;
    let mut fresh: Vec<(NaiveDateTime, String)> = Vec::new();
    let plain_kept: HashSet<String> = kept.iter().map(|k| plain(&k.line)).collect();
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
        let linked = (event.link.as_ref()).is_some_and(|link| {
            links.contains(link.as_str()) || links.contains(super::url(link).as_str())
        });
        if linked || plain_kept.contains(&plain(&line)) {
            present += 1;
            continue;
        }
        fresh.push((written.local(event.at), line));
    }
    // Rows kept stay in their order; each new row goes before the first
    // later one, and the rest after the last row with a time (a line of
    // text closing the table stays last). A row of a time of day alone
    // below a new row of another day is given its own day, which it would
    // otherwise lose.
    let last_timed = kept.iter().rposition(|k| k.at.is_some());
    let mut lines: Vec<String> = Vec::new();
    let mut pending = fresh.iter().peekable();
    let mut day: Option<NaiveDate> = None;
    let mut dated = 0;
    for (i, row) in kept.iter().enumerate() {
        if let Some(at) = row.at {
            while let Some((t, new)) = pending.next_if(|(t, _)| *t < at) {
                lines.push(format!("{prefix}{new}"));
                day = Some(t.date());
            }
        }
        let mut line = row.line.clone();
        match (row.at, row.time_at) {
            (Some(at), Some(cell)) if day.is_some_and(|d| d != at.date()) => {
                // Inside the emphasis around the time (`**14:02**`).
                let marks = line.get(cell..).map_or(0, |rest| {
                    rest.bytes()
                        .take_while(|b| matches!(b, b'*' | b'_' | b'`'))
                        .count()
                });
                if line.is_char_boundary(cell + marks) {
                    line.insert_str(cell + marks, &format!("{} ", at.date()));
                    dated += 1;
                }
                day = Some(at.date());
            }
            (Some(at), _) if row.dated => day = Some(at.date()),
            _ => {}
        }
        lines.push(format!("{prefix}{line}"));
        if Some(i) == last_timed {
            lines.extend(pending.by_ref().map(|(_, new)| format!("{prefix}{new}")));
        }
    }
    lines.extend(pending.map(|(_, new)| format!("{prefix}{new}")));
    let block = lines.join(eol);
    let rows: Vec<String> = fresh.iter().map(|(_, line)| line.clone()).collect();
    let mut edits: Vec<Fix> = Vec::new();
    let edit = |span: Range<usize>, text: String| Fix {
        positions: Vec::new(),
        applicability: fix::Applicability::Safe,
        message: String::new(),
        edits: vec![Edit { span, text }],
    };
    let header = match (table, &header_line) {
        (Some(table), Some(line)) => {
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
            let mut header = text.get(line.clone()).unwrap_or_default().to_owned();
            if let (Some((span, label)), false) = (&relabel, rows.is_empty()) {
                edits.push(edit(span.clone(), label.clone()));
                header = format!(
                    "{}{label}{}",
                    text.get(line.start..span.start).unwrap_or_default(),
                    text.get(span.end..line.end).unwrap_or_default()
                );
            }
            let header = header
                .strip_prefix(prefix.as_str())
                .unwrap_or(&header)
                .to_owned();
            format!("{header}\n|{}\n", "---|".repeat(table.header.cells.len()))
        }
        _ => {
            let time = if place.stated.is_some() {
                "Time"
            } else {
                "Time (UTC)"
            };
            let header = format!("| {time} | Who | Event |\n|---|---|---|\n");
            if !rows.is_empty() {
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
                    format!("{lead}{}{block}{eol}{trail}", header.replace('\n', eol)),
                ));
            }
            header
        }
    };
    let (pager, mut merged) = pager_times(doc, events, place.stated);
    edits.extend(pager);
    let (new_text, _) = fix::apply(text, &edits);
    merged.text = new_text;
    Ok(Merged {
        header,
        new_table: table.is_none() && !rows.is_empty(),
        rows,
        present,
        replaced: if fresh.is_empty() { 0 } else { replaced },
        dated,
        ..merged
    })
}

/// The header cell at `span` saying its times are UTC: `Time` becomes
/// `Time (UTC)`, `Time (Timezone)` too; `None` when the header says
/// something else in its parentheses (`Time (local)`), which is left as
/// it is.
fn relabelled(text: &str, span: &Range<usize>) -> Option<(Range<usize>, String)> {
    let written = text.get(span.clone())?;
    match written.split_once('(') {
        None => Some((span.end..span.end, " (UTC)".to_owned())),
        Some((before, after)) => {
            let (inside, rest) = after.split_once(')')?;
            let word = sections::normalize(inside);
            ["timezone", "time zone", "tz", "zone"]
                .contains(&word.as_str())
                .then(|| (span.clone(), format!("{before}(UTC){rest}")))
        }
    }
}

/// The time of each body row of `table`, as written on the day it falls on
/// (in a document whose front matter gives no day, the day its text gives),
/// and whether the row writes its day.
fn row_times(doc: &Document, place: &Place, table: &Table) -> Vec<(Option<NaiveDateTime>, bool)> {
    let rows = table.rows.len();
    let mut times = vec![(None, false); rows];
    if place.columns.first() == Some(&Column::Date) {
        // The day in one cell, the time in the next; a row without a day
        // is on the day above.
        let mut day = place.day;
        for (slot, row) in times.iter_mut().zip(&table.rows) {
            let cell = |i: usize| row.cells.get(i).map_or("", |c| c.text(&doc.text));
            if let Some(own) = dates::parse_date(cell(0)) {
                day = Some(own);
            }
            let when = timeline::parse_when(cell(1));
            *slot = match (when, day) {
                (Some(When::At(at)), _) => (Some(at), true),
                (Some(When::TimeOfDay(time)), Some(day)) => (Some(day.and_time(time)), true),
                _ => (None, false),
            };
        }
        return times;
    }
    let Some(index) = place.table else {
        return times;
    };
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
                *slot = (at, entry.dated);
            }
        }
    }
    times
}

/// The front matter edits that fill `detected_at` (the first page
/// triggered, else acknowledged) and `resolved_at` (the last resolved)
/// where they are empty, and `duration` once both ends are known; each
/// with what it set and why, and what it could not set.
fn pager_times(doc: &Document, events: &[Event], zone: Option<Zone>) -> (Vec<Fix>, Merged) {
    let mut report = Merged::default();
    let mut fixes = Vec::new();
    let first = |kind: Kind| events.iter().find(|e| e.kind == Some(kind));
    let detected = first(Kind::Triggered).or_else(|| first(Kind::Acknowledged));
    let resolved = events.iter().rev().find(|e| e.kind == Some(Kind::Resolved));
    if detected.is_none() && resolved.is_none() {
        return (fixes, report);
    }
    if let State::Invalid(_) | State::Unclosed { .. } = doc.front_matter {
        report.notes.push(
            "the front matter cannot be read (`pm lint` says why): `detected_at` and \
             `resolved_at` are not set"
                .to_owned(),
        );
        return (fixes, report);
    }
    let facts = &doc.facts;
    // Times written without a zone are in the zone the timeline states,
    // and the times set are written so too; with no zone stated, nothing
    // is set.
    let times = [&facts.started_at, &facts.detected_at, &facts.resolved_at];
    let local = times
        .iter()
        .any(|f| matches!(f.value(), Some(Timestamp::Local(_))));
    if local && zone.is_none() {
        report.notes.push(
            "the front matter's times have no zone and the timeline states none: `detected_at` \
             and `resolved_at` are not set (write the times with their zone, `…Z`)"
                .to_owned(),
        );
        return (fixes, report);
    }
    let value_of = |fact: &Fact<Timestamp>| instant(fact.value()?, zone);
    let written = |at: DateTime<Utc>| match zone.filter(|_| local) {
        Some(zone) => zone.local(at).format("%Y-%m-%dT%H:%M:%S").to_string(),
        None => at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    };
    let started = value_of(&facts.started_at);
    let mut detected_value = value_of(&facts.detected_at);
    let resolved_before = value_of(&facts.resolved_at);
    let mut resolved_value = resolved_before;
    let mut fill = |key: &'static str,
                    fact: &Fact<Timestamp>,
                    event: &Event,
                    earlier: &[(&str, Option<NaiveDateTime>)],
                    later: &[(&str, Option<NaiveDateTime>)]|
     -> bool {
        if let Fact::Valid { .. } = fact {
            return false; // written by a person: kept
        }
        let value = written(event.at);
        let why = format!("when the {}", kind_word(event.kind));
        let at = event.at.naive_utc();
        let bad = (earlier.iter().find(|(_, t)| t.is_some_and(|t| at < t)))
            .map(|(name, _)| format!("before `{name}`"))
            .or_else(|| {
                (later.iter().find(|(_, t)| t.is_some_and(|t| at > t)))
                    .map(|(name, _)| format!("after `{name}`"))
            });
        if let Some(bad) = bad {
            report
                .notes
                .push(format!("`{key}` is left empty: {value}, {why}, is {bad}"));
            return false;
        }
        let slot = match fact {
            Fact::Empty { key } => fix::fill_empty(&doc.text, key, &value, ""),
            Fact::Invalid { span, written, .. }
                if written
                    .as_text()
                    .is_some_and(|t| placeholders::is_unfilled(&t)) =>
            {
                let quoted =
                    fix::written_like(doc.text.get(span.clone()).unwrap_or_default(), &value);
                Some(Fix::replace(
                    fix::Applicability::Safe,
                    "",
                    span.clone(),
                    quoted,
                ))
            }
            Fact::Missing => {
                report.notes.push(format!(
                    "`{key}` is not in the front matter: add `{key}: {value}` ({why})"
                ));
                return false;
            }
            _ => return false,
        };
        let Some(slot) = slot else {
            let line = match fact {
                Fact::Empty { key: span } => doc.lines.line_of(span.start) + 1,
                _ => 0,
            };
            report.notes.push(format!(
                "`{key}` (line {line}) is left empty: pm cannot write it there; write \
                 `{value}` ({why})"
            ));
            return false;
        };
        fixes.push(slot);
        report.set.push((key, value, why));
        true
    };
    if let Some(event) = detected
        && fill(
            "detected_at",
            &facts.detected_at,
            event,
            &[("started_at", started)],
            &[("resolved_at", resolved_before)],
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
            &[],
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

/// The UTC time of a timestamp: a time without a zone is in `zone`, and
/// none without one.
fn instant(t: &Timestamp, zone: Option<Zone>) -> Option<NaiveDateTime> {
    match t {
        Timestamp::Zoned(t) => Some(t.naive_utc()),
        Timestamp::Local(local) => Some(zone?.to_utc(*local, None).ok()?.naive_utc()),
    }
}

/// The window of a postmortem's incident: from an hour before it started
/// to an hour after it was resolved (the front matter's times, else those
/// its text gives, else for the end the last time a pager among `events`
/// says it was resolved, which the import sets), each end when it is known;
/// a time without a zone is in `zone`, the one the timeline states.
pub fn window(
    doc: &Document,
    events: &[Event],
    reading: inferred::Reading,
    zone: Option<Zone>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let hour = chrono::Duration::hours(1);
    // What the text gives is read only where the front matter is silent.
    let at = |fact: &Fact<Timestamp>,
              found: fn(&inferred::Inferred) -> &Option<inferred::Found<Timestamp>>| {
        (fact.value().copied())
            .or_else(|| Some(found(doc.inferred(reading)).as_ref()?.value))
            .and_then(|t| Some(instant(&t, zone)?.and_utc()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(table: &str) -> Vec<Column> {
        let doc = Document::parse("a.md".into(), table.to_owned());
        columns_of(&doc.text, &doc.outline.tables[0])
    }

    #[test]
    fn headers_say_what_a_column_holds() {
        assert_eq!(
            columns("| Time | Channel | Message |\n|---|---|---|\n"),
            [Column::Time, Column::Other, Column::Event]
        );
        assert_eq!(
            columns("| Timestamp (UTC) | Event | Owner |\n|---|---|---|\n"),
            [Column::Time, Column::Event, Column::Who]
        );
        assert_eq!(
            columns("| Time | Action | Result |\n|---|---|---|\n"),
            [Column::Time, Column::Event, Column::Other]
        );
        assert_eq!(
            columns("| Date | Time (UTC) | Event |\n|---|---|---|\n"),
            [Column::Date, Column::Time, Column::Event]
        );
    }

    #[test]
    fn zones_are_names_offsets_or_abbreviations_in_capitals() {
        assert_eq!(
            zone_word("(UTC)").map(|z| z.name()),
            Some("+00:00".to_owned())
        );
        assert_eq!(
            zone_word("PST").map(|z| z.name()),
            Some("-08:00".to_owned())
        );
        assert_eq!(
            zone_word("Europe/Berlin.").map(|z| z.name()),
            Some("Europe/Berlin".to_owned())
        );
        assert_eq!(zone_word("est."), None);
        assert_eq!(zone_word("Timezone"), None);
        assert_eq!(zone_word("[UTC/PST/EST]"), None);
    }

    #[test]
    fn a_cell_is_a_stand_in_only_when_nothing_else_is_in_it() {
        for cell in [
            "[Event 1: Detection of the issue]",
            "HH:MM",
            "TBD",
            "[time]",
        ] {
            assert!(is_stand_in(cell), "{cell}");
        }
        for cell in [
            "Dana restarted the primary database (exact time TBD)",
            "Customer first reported the issue, ticket [link]",
            "Failover to replica; see [TODO: add graph]",
        ] {
            assert!(!is_stand_in(cell), "{cell}");
        }
    }
}
