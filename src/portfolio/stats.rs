//! `pm stats`: counts by severity, service and month, time to detect, to
//! resolve and to a finished postmortem by severity (or service, or month),
//! follow-through, and open and overdue action items by owner.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::portfolio::Entry;
use crate::portfolio::actions::owner_key;

/// What the counts and times of `pm stats` are grouped by (`--by`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// The severity, in scale order.
    #[default]
    Severity,
    /// Each service the postmortem names (one incident counts for each).
    Service,
    /// The month of the incident's date, oldest first.
    Month,
}

/// Median and 90th percentile of a set of durations, in minutes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Spread {
    /// The group they belong to: a severity, a service or a month (empty
    /// until assigned).
    pub severity: String,
    /// How many incidents have both timestamps.
    pub count: usize,
    /// The middle value (the mean of the two middle ones for an even count).
    pub median_minutes: f64,
    /// The nearest-rank 90th percentile.
    pub p90_minutes: i64,
}

/// Median and p90 of `values`; `None` when empty.
pub fn spread(values: &mut [i64]) -> Option<Spread> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    };
    // Nearest rank: the smallest value with at least 90% of values at or below it.
    let rank = (9 * n).div_ceil(10).max(1);
    Some(Spread {
        severity: String::new(),
        count: n,
        median_minutes: median,
        p90_minutes: values[rank - 1],
    })
}

/// Median and p90 of the days from resolution to a finished postmortem.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DaySpread {
    /// The group, as in [`Spread`].
    pub severity: String,
    /// How many postmortems have a resolution and a `reviewed_at` or
    /// `published_at` day.
    pub count: usize,
    /// The middle value, in days.
    pub median_days: f64,
    /// The nearest-rank 90th percentile, in days.
    pub p90_days: i64,
}

/// Open and overdue action items of one owner.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OwnerLoad {
    /// The owner as first written.
    pub owner: String,
    /// Items not done.
    pub open: usize,
    /// Items past due and not done.
    pub overdue: usize,
}

/// How many postmortems share a key (a severity or a month).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Count {
    /// The severity or `YYYY-MM` month.
    pub key: String,
    /// How many.
    pub count: usize,
}

/// How many action items due by now were closed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FollowThrough {
    /// Items whose due date is today or earlier.
    pub due: usize,
    /// Of those, the items closed (done, or closed without doing).
    pub closed: usize,
    /// `closed / due`; `None` when nothing is due yet.
    pub rate: Option<f64>,
}

/// Everything `pm stats` reports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Postmortems counted.
    pub postmortems: usize,
    /// What `time_to_detect` and `time_to_resolve` are grouped by.
    pub by: By,
    /// Count per severity, in scale order (then any others).
    pub by_severity: Vec<Count>,
    /// Count per service named, most first.
    pub by_service: Vec<Count>,
    /// Count per month (`YYYY-MM`), oldest first.
    pub by_month: Vec<Count>,
    /// Time from start to detection per group (`by`).
    pub time_to_detect: Vec<Spread>,
    /// Time from start to resolution per group (`by`).
    pub time_to_resolve: Vec<Spread>,
    /// Days from resolution to the finished postmortem per group (`by`).
    pub time_to_postmortem: Vec<DaySpread>,
    /// Action items due by today, and how many of them were closed.
    pub follow_through: FollowThrough,
    /// Open and overdue action items per owner, most open first.
    pub actions_by_owner: Vec<OwnerLoad>,
}

/// The month of a day, `YYYY-MM`: how stats and the report name months.
pub fn month(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// The month of an entry, `YYYY-MM`.
fn month_of(entry: &Entry) -> String {
    entry.date.map_or_else(|| "(no date)".to_owned(), month)
}

/// Computes the stats of `entries`, times grouped `by`; `scale` orders the
/// severities.
pub fn compute(entries: &[Entry], scale: &[String], today: NaiveDate, by: By) -> Stats {
    fn severity_of(e: &Entry) -> &str {
        e.severity.as_deref().unwrap_or("(none)")
    }
    let order = |severity: &str| {
        scale
            .iter()
            .position(|s| s == severity)
            .unwrap_or(usize::MAX)
    };
    // Each entry's keys are made once: grouping is one pass over the
    // entries, whatever the number of groups.
    let mut by_key: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in entries {
        *by_key.entry(severity_of(entry)).or_default() += 1;
    }
    let mut severities: Vec<(&str, usize)> = by_key.into_iter().collect();
    severities.sort_by(|a, b| (order(a.0), a.0).cmp(&(order(b.0), b.0)));
    let entry_months: Vec<String> = entries.iter().map(month_of).collect();
    let mut months: BTreeMap<&str, usize> = BTreeMap::new();
    for month in &entry_months {
        *months.entry(month).or_default() += 1;
    }
    let mut services: BTreeMap<&str, usize> = BTreeMap::new();
    for service in entries.iter().flat_map(|e| &e.services) {
        *services.entry(service).or_default() += 1;
    }
    let mut by_service: Vec<Count> = services
        .into_iter()
        .map(|(key, count)| Count {
            key: key.to_owned(),
            count,
        })
        .collect();
    by_service.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    // The groups of `by`, in order, and the groups each entry is in.
    let groups: Vec<String> = match by {
        By::Severity => severities.iter().map(|(s, _)| (*s).to_owned()).collect(),
        By::Service => by_service.iter().map(|c| c.key.clone()).collect(),
        By::Month => months.keys().map(|m| (*m).to_owned()).collect(),
    };
    let group_of: std::collections::HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.as_str(), i))
        .collect();
    let memberships: Vec<Vec<usize>> = entries
        .iter()
        .zip(&entry_months)
        .map(|(e, month)| match by {
            By::Severity => group_of.get(severity_of(e)).copied().into_iter().collect(),
            By::Service => {
                let mut in_groups: Vec<usize> = (e.services.iter())
                    .filter_map(|s| group_of.get(s.as_str()).copied())
                    .collect();
                in_groups.sort_unstable();
                in_groups.dedup();
                in_groups
            }
            By::Month => group_of.get(month.as_str()).copied().into_iter().collect(),
        })
        .collect();
    let per_group = |measure: fn(&Entry) -> Option<i64>| -> Vec<Spread> {
        let mut values: Vec<Vec<i64>> = vec![Vec::new(); groups.len()];
        for (entry, in_groups) in entries.iter().zip(&memberships) {
            let Some(value) = measure(entry) else {
                continue;
            };
            for &group in in_groups {
                if let Some(bucket) = values.get_mut(group) {
                    bucket.push(value);
                }
            }
        }
        groups
            .iter()
            .zip(values.iter_mut())
            .filter_map(|(group, values)| {
                spread(values).map(|sp| Spread {
                    severity: group.clone(),
                    ..sp
                })
            })
            .collect()
    };
    let by_severity = severities
        .iter()
        .map(|(key, count)| Count {
            key: (*key).to_owned(),
            count: *count,
        })
        .collect();
    let by_month = months
        .iter()
        .map(|(key, count)| Count {
            key: (*key).to_owned(),
            count: *count,
        })
        .collect();
    let due: Vec<_> = entries
        .iter()
        .flat_map(|e| &e.actions)
        .filter(|a| a.due_date.is_some_and(|d| d <= today))
        .collect();
    let closed = due.iter().filter(|a| a.done).count();
    let follow_through = FollowThrough {
        due: due.len(),
        closed,
        rate: (!due.is_empty()).then(|| closed as f64 / due.len() as f64),
    };
    let mut owners: BTreeMap<String, OwnerLoad> = BTreeMap::new();
    for action in entries.iter().flat_map(|e| &e.actions) {
        if action.done {
            continue;
        }
        let owner = action.owner.as_deref().unwrap_or("(no owner)");
        let load = owners.entry(owner_key(owner)).or_insert_with(|| OwnerLoad {
            owner: owner.to_owned(),
            open: 0,
            overdue: 0,
        });
        load.open += 1;
        if action.due_date.is_some_and(|d| d < today) {
            load.overdue += 1;
        }
    }
    let mut actions_by_owner: Vec<OwnerLoad> = owners.into_values().collect();
    actions_by_owner.sort_by(|a, b| {
        (b.open, b.overdue, owner_key(&a.owner)).cmp(&(a.open, a.overdue, owner_key(&b.owner)))
    });
    Stats {
        postmortems: entries.len(),
        by,
        by_severity,
        by_service,
        by_month,
        time_to_detect: per_group(Entry::time_to_detect),
        time_to_resolve: per_group(Entry::time_to_resolve),
        time_to_postmortem: per_group(Entry::days_to_postmortem)
            .into_iter()
            .map(|s| DaySpread {
                severity: s.severity,
                count: s.count,
                median_days: s.median_minutes,
                p90_days: s.p90_minutes,
            })
            .collect(),
        follow_through,
        actions_by_owner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_nearest_rank_p90() {
        let s = spread(&mut [5, 1, 3]).unwrap();
        assert_eq!((s.count, s.median_minutes, s.p90_minutes), (3, 3.0, 5));
        let s = spread(&mut [10, 20, 30, 40]).unwrap();
        assert_eq!((s.median_minutes, s.p90_minutes), (25.0, 40));
        let mut ten: Vec<i64> = (1..=10).collect();
        assert_eq!(spread(&mut ten).unwrap().p90_minutes, 9);
        assert_eq!(spread(&mut [7]).unwrap().p90_minutes, 7);
        assert!(spread(&mut []).is_none());
    }
}
