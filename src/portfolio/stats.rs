//! `pm stats`: counts by severity and month, time to detect and to resolve
//! by severity, and open and overdue action items by owner.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::portfolio::Entry;
use crate::portfolio::actions::owner_key;

/// Median and 90th percentile of a set of durations, in minutes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Spread {
    /// The severity they belong to (empty until assigned).
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

/// Everything `pm stats` reports.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Postmortems counted.
    pub postmortems: usize,
    /// Count per severity, in scale order (then any others).
    pub by_severity: Vec<Count>,
    /// Count per month (`YYYY-MM`), oldest first.
    pub by_month: Vec<Count>,
    /// Time from start to detection per severity.
    pub time_to_detect: Vec<Spread>,
    /// Time from start to resolution per severity.
    pub time_to_resolve: Vec<Spread>,
    /// Open and overdue action items per owner, most open first.
    pub actions_by_owner: Vec<OwnerLoad>,
}

/// Computes the stats of `entries`; `scale` orders the severities.
pub fn compute(entries: &[Entry], scale: &[String], today: NaiveDate) -> Stats {
    let severity_of = |e: &Entry| e.severity.clone().unwrap_or_else(|| "(none)".to_owned());
    let order = |severity: &str| {
        scale
            .iter()
            .position(|s| s == severity)
            .unwrap_or(usize::MAX)
    };
    let mut severities: Vec<String> = entries.iter().map(severity_of).collect();
    severities.sort_by(|a, b| (order(a), a).cmp(&(order(b), b)));
    severities.dedup();

    let by_severity = severities
        .iter()
        .map(|s| Count {
            key: s.clone(),
            count: entries.iter().filter(|e| severity_of(e) == *s).count(),
        })
        .collect();
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for entry in entries {
        let month = entry
            .date
            .map_or_else(|| "(no date)".to_owned(), |d| d.format("%Y-%m").to_string());
        *months.entry(month).or_default() += 1;
    }
    let per_severity = |measure: fn(&Entry) -> Option<i64>| -> Vec<Spread> {
        severities
            .iter()
            .filter_map(|s| {
                let mut values: Vec<i64> = entries
                    .iter()
                    .filter(|e| severity_of(e) == *s)
                    .filter_map(measure)
                    .collect();
                spread(&mut values).map(|sp| Spread {
                    severity: s.clone(),
                    ..sp
                })
            })
            .collect()
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
        by_severity,
        by_month: months
            .into_iter()
            .map(|(key, count)| Count { key, count })
            .collect(),
        time_to_detect: per_severity(Entry::time_to_detect),
        time_to_resolve: per_severity(Entry::time_to_resolve),
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
