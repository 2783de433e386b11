//! The timeline: the tables of a postmortem whose first column is a time,
//! with each row's time read. A row that gives only a time of day falls on
//! the day of the last row that gave one, else on the document's `date`.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::Document;
use super::dates;
use super::outline::Table;
use super::sections;

/// One timeline table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Its index in [`super::outline::Outline::tables`].
    pub table: usize,
    /// Its rows whose first cell is a time, in document order.
    pub entries: Vec<Entry>,
}

/// A timeline row whose first cell is a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its index among the table's body rows.
    pub row: usize,
    /// When it happened, as written (no time zone applied). Without a day
    /// of its own or one to carry over, on [`NaiveDate::MIN`].
    pub at: NaiveDateTime,
    /// Whether the row writes its own day.
    pub dated: bool,
}

/// A timeline cell's time: a full timestamp, or a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// `2026-06-12 00:14`, `2026-06-12T00:14:00Z`.
    At(NaiveDateTime),
    /// `14:02`, `14:02 UTC`, `14:02:30`.
    TimeOfDay(NaiveTime),
}

/// The time a timeline cell gives, if it gives one. Emphasis and code
/// marks around it are ignored.
pub fn parse_when(cell: &str) -> Option<When> {
    // `14:02`, as most timelines write their times: nothing to trim, and
    // neither a timestamp nor a date.
    let b = cell.as_bytes();
    if b.len() == 5 && b[2] == b':' && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit) {
        return dates::parse_time(cell).map(When::TimeOfDay);
    }
    let cell = cell
        .trim()
        .trim_matches(|c| c == '*' || c == '_' || c == '`')
        .trim();
    if let Some(t) = dates::parse_timestamp(cell) {
        return Some(When::At(t.as_utc_naive()));
    }
    let mut words = cell.split_whitespace();
    let first = words.next()?;
    if let Some(date) = dates::parse_date(first) {
        let time = dates::parse_time(words.next()?)?;
        return Some(When::At(date.and_time(time)));
    }
    dates::parse_time(first).map(When::TimeOfDay)
}

/// The timelines of `doc`, in document order.
pub fn read(doc: &Document) -> Vec<Timeline> {
    let start_day = doc.facts.date.value().copied();
    doc.outline
        .tables
        .iter()
        .enumerate()
        .filter(|(_, table)| is_timeline(doc, table))
        .map(|(index, table)| {
            let mut day = start_day;
            let entries = table
                .rows
                .iter()
                .enumerate()
                .filter_map(|(row, cells)| {
                    let (at, dated) = match parse_when(cells.cells.first()?.text(&doc.text))? {
                        When::At(at) => {
                            day = Some(at.date());
                            (at, true)
                        }
                        When::TimeOfDay(time) => {
                            (day.unwrap_or(NaiveDate::MIN).and_time(time), false)
                        }
                    };
                    Some(Entry { row, at, dated })
                })
                .collect();
            Timeline {
                table: index,
                entries,
            }
        })
        .collect()
}

/// Whether a table is a timeline: its first column is headed Time, Date,
/// When (…), or it sits under a Timeline heading with "time" in that header.
fn is_timeline(doc: &Document, table: &Table) -> bool {
    let header = table
        .header
        .cells
        .first()
        .map(|cell| sections::normalize(cell.text(&doc.text)))
        .unwrap_or_default();
    let time_column = ["time", "timestamp", "date", "when", "date and time"]
        .iter()
        .any(|word| header == *word || header.starts_with(&format!("{word} ")));
    let under_timeline = doc.outline.in_section(table.span.start, "timeline");
    time_column || (under_timeline && header.contains("time"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_cells_read_as_times() {
        assert!(matches!(parse_when("14:02"), Some(When::TimeOfDay(_))));
        assert!(matches!(parse_when("14:02 UTC"), Some(When::TimeOfDay(_))));
        assert!(matches!(parse_when("2026-06-12 00:14"), Some(When::At(_))));
        assert!(matches!(
            parse_when("2026-06-12T00:14:00Z"),
            Some(When::At(_))
        ));
        assert!(parse_when("HH:MM").is_none());
        assert!(parse_when("[YYYY-MM-DD HH:MM]").is_none());
        assert!(parse_when("Day 2").is_none());
        // Out of range, as chrono reads it too.
        assert!(parse_when("24:00").is_none());
        assert!(parse_when("12:60").is_none());
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).map(When::TimeOfDay);
        assert_eq!(parse_when("09:05"), at(9, 5));
        assert_eq!(parse_when("23:59"), at(23, 59));
    }

    #[test]
    fn a_time_of_day_falls_on_the_last_day_written() {
        let text = "---\ndate: 2026-06-11\n---\n# T\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 23:52 | a |\n| 2026-06-12 00:14 | b |\n| 00:20 | c |\n| soon | d |\n";
        let doc = Document::parse("a.md".into(), text.to_owned());
        let timelines = read(&doc);
        assert_eq!(timelines.len(), 1);
        let got: Vec<(usize, String, bool)> = timelines[0]
            .entries
            .iter()
            .map(|e| (e.row, e.at.to_string(), e.dated))
            .collect();
        assert_eq!(
            got,
            [
                (0, "2026-06-11 23:52:00".to_owned(), false),
                (1, "2026-06-12 00:14:00".to_owned(), true),
                (2, "2026-06-12 00:20:00".to_owned(), false),
            ]
        );
    }
}
