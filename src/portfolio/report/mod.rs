//! `pm report`: one self-contained HTML page of charts and a table over the
//! postmortems. The numbers are computed first ([`Report::of`]), then written
//! as HTML with inline SVG ([`Report::html`]); the page loads nothing and runs
//! no script, and its stylesheet gives it a light, a dark and a print look.

pub mod page;
pub mod svg;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::portfolio::Entry;
use crate::portfolio::stats::{self, By, Stats};

/// A month, `YYYY-MM`, as the charts' categories.
type Month = String;

/// At most this many months are drawn: the latest ones.
const MAX_MONTHS: usize = 240;
/// Owners and services drawn at most: those with most.
const MAX_ROWS: usize = 12;

/// What the report is asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The page's heading.
    pub title: String,
    /// The day it is computed for: items due before it are overdue.
    pub today: NaiveDate,
    /// The first day counted, when given.
    pub since: Option<NaiveDate>,
    /// The last day counted, when given.
    pub until: Option<NaiveDate>,
    /// Links to the postmortems start with this (a repository's web URL);
    /// else they are relative to `dir`.
    pub link_base: Option<String>,
    /// The folder the report is written to.
    pub dir: std::path::PathBuf,
}

/// Incidents of one severity in each month.
#[derive(Debug, Clone, PartialEq)]
pub struct SeverityRow {
    /// The severity, or `(none)`.
    pub severity: String,
    /// Its place on the scale (colours follow it); `None` when off the scale.
    pub rank: Option<usize>,
    /// A count per month of [`Report::months`].
    pub counts: Vec<usize>,
}

/// The median and p90 of a time per month, in minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeRow {
    /// The month.
    pub month: Month,
    /// Incidents with both timestamps.
    pub count: usize,
    /// Median, minutes.
    pub median: f64,
    /// 90th percentile, minutes.
    pub p90: i64,
}

/// Items due in one month (by today), and how many of them are closed.
#[derive(Debug, Clone, PartialEq)]
pub struct DueMonth {
    /// The month of the due date.
    pub month: Month,
    /// Items due that month.
    pub due: usize,
    /// Of those, closed.
    pub closed: usize,
}

/// Everything the page shows.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// The postmortems, newest first.
    pub entries: Vec<&'a Entry>,
    /// The overall stats (times grouped by month).
    pub stats: Stats,
    /// The months of the incident charts, oldest first, none left out.
    pub months: Vec<Month>,
    /// Incidents per month, one row per severity in scale order.
    pub by_severity: Vec<SeverityRow>,
    /// Postmortems whose date is not known: counted, not charted by month.
    pub undated: usize,
    /// Postmortems older than the first month drawn (more months than
    /// [`MAX_MONTHS`] hold incidents).
    pub before_first: usize,
    /// Time to detect per month.
    pub detect: Vec<TimeRow>,
    /// Time to resolve per month.
    pub resolve: Vec<TimeRow>,
    /// Follow-through per month of the due date, oldest first.
    pub due_months: Vec<DueMonth>,
    /// Action items not closed.
    pub open: usize,
    /// Of those, past due.
    pub overdue: usize,
    /// Days from resolution to a finished postmortem, median and p90.
    pub to_postmortem: Option<(usize, f64, i64)>,
}

/// How many months `first` to `last` span, both included.
fn month_count(first: NaiveDate, last: NaiveDate) -> i64 {
    let index = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
    index(last) - index(first) + 1
}

/// Every month from `first` to `last`, both included.
fn months_between(first: NaiveDate, last: NaiveDate) -> Vec<Month> {
    let index = |d: NaiveDate| d.year() as i64 * 12 + d.month0() as i64;
    let (start, end) = (index(first), index(last));
    let start = start.max(end - MAX_MONTHS as i64 + 1);
    (start..=end)
        .map(|i| format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1))
        .collect()
}

impl<'a> Report<'a> {
    /// The numbers of the report over `entries` (already filtered), the
    /// severities ordered by `scale`.
    pub fn of(entries: &'a [Entry], scale: &[String], options: &Options) -> Report<'a> {
        let today = options.today;
        let stats = stats::compute(entries, scale, today, By::Month);
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        sorted.sort_by(|a, b| (b.date, &b.id, &b.path).cmp(&(a.date, &a.id, &a.path)));

        let dates = entries.iter().filter_map(|e| e.date);
        let (oldest, newest) = (dates.clone().min(), dates.clone().max());
        let mut first = options.since.or(oldest);
        let mut last = options.until.or(newest);
        // A range asked for too long to draw is narrowed to the incidents
        // in it; if they alone span too long, the latest months are drawn
        // and the note says how many postmortems are left out.
        if let (Some(f), Some(l)) = (first, last)
            && month_count(f, l) > MAX_MONTHS as i64
        {
            first = oldest.map(|o| o.max(f));
            last = newest.map(|n| n.min(l));
        }
        let months = match (first, last) {
            (Some(first), Some(last)) if first <= last => months_between(first, last),
            _ => Vec::new(),
        };
        let before_first = months.first().map_or(0, |first| {
            entries
                .iter()
                .filter(|e| e.date.is_some_and(|d| stats::month(d) < *first))
                .count()
        });
        let column: BTreeMap<&str, usize> = months
            .iter()
            .enumerate()
            .map(|(i, m)| (m.as_str(), i))
            .collect();
        // One pass: each postmortem adds one to its severity's month.
        let mut by_severity: Vec<SeverityRow> = stats
            .by_severity
            .iter()
            .map(|count| SeverityRow {
                severity: count.key.clone(),
                rank: scale.iter().position(|s| *s == count.key),
                counts: vec![0; months.len()],
            })
            .collect();
        let row_of: BTreeMap<&str, usize> = stats
            .by_severity
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.as_str(), i))
            .collect();
        for entry in entries {
            let severity = entry.severity.as_deref().unwrap_or("(none)");
            let (Some(&row), Some(day)) = (row_of.get(severity), entry.date) else {
                continue;
            };
            if let Some(&i) = column.get(stats::month(day).as_str())
                && let Some(slot) = by_severity.get_mut(row).and_then(|r| r.counts.get_mut(i))
            {
                *slot += 1;
            }
        }
        let times = |spreads: &[stats::Spread]| -> Vec<TimeRow> {
            spreads
                .iter()
                .filter(|s| column.contains_key(s.severity.as_str()))
                .map(|s| TimeRow {
                    month: s.severity.clone(),
                    count: s.count,
                    median: s.median_minutes,
                    p90: s.p90_minutes,
                })
                .collect()
        };
        let detect = times(&stats.time_to_detect);
        let resolve = times(&stats.time_to_resolve);

        let mut due: BTreeMap<Month, DueMonth> = BTreeMap::new();
        for action in entries.iter().flat_map(|e| &e.actions) {
            let Some(day) = action.due_date.filter(|d| *d <= today) else {
                continue;
            };
            let month = stats::month(day);
            let row = due.entry(month.clone()).or_insert(DueMonth {
                month,
                due: 0,
                closed: 0,
            });
            row.due += 1;
            row.closed += usize::from(action.done);
        }
        let due_months = match (due.keys().next(), due.keys().next_back()) {
            (Some(first), Some(last)) => {
                let day = |m: &str| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok();
                match (day(first), day(last)) {
                    (Some(first), Some(last)) => months_between(first, last)
                        .into_iter()
                        .map(|month| {
                            due.get(&month).cloned().unwrap_or(DueMonth {
                                month,
                                due: 0,
                                closed: 0,
                            })
                        })
                        .collect(),
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        };
        let mut days: Vec<i64> = entries
            .iter()
            .filter_map(Entry::days_to_postmortem)
            .collect();
        let to_postmortem =
            stats::spread(&mut days).map(|s| (s.count, s.median_minutes, s.p90_minutes));
        let open = stats.actions_by_owner.iter().map(|o| o.open).sum();
        let overdue = stats.actions_by_owner.iter().map(|o| o.overdue).sum();
        Report {
            undated: entries.iter().filter(|e| e.date.is_none()).count(),
            before_first,
            entries: sorted,
            stats,
            months,
            by_severity,
            detect,
            resolve,
            due_months,
            open,
            overdue,
            to_postmortem,
        }
    }

    /// The page.
    pub fn html(&self, options: &Options) -> String {
        page::write(self, options)
    }
}

/// The link to `path` from the report: under `link_base` by its path in
/// its repository (from wherever pm runs), or relative to the report's
/// folder.
fn link(path: &Path, options: &Options) -> String {
    let Some(base) = &options.link_base else {
        return super::index::relative_link(path, &options.dir);
    };
    let slash = if base.ends_with('/') { "" } else { "/" };
    let full = crate::files::lexical_absolute(path);
    let inside = full.as_deref().and_then(|full| {
        let root = full.parent().and_then(crate::files::repository_root)?;
        full.strip_prefix(root).ok().map(Path::to_path_buf)
    });
    let relative = inside.unwrap_or_else(|| path.to_path_buf());
    let segments: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => {
                Some(super::index::encode_segment(&part.to_string_lossy()))
            }
            _ => None,
        })
        .collect();
    format!("{base}{slash}{}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_run_from_the_first_to_the_last_without_gaps() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            months_between(day("2025-11-30"), day("2026-02-01")),
            ["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert_eq!(
            months_between(day("2026-03-01"), day("2026-03-31")),
            ["2026-03"]
        );
        let many = months_between(day("1990-01-01"), day("2026-12-01"));
        assert_eq!(
            (many.len(), many.last().map(String::as_str)),
            (MAX_MONTHS, Some("2026-12"))
        );
    }
}
