//! `pm stats`.

use crate::exit::Outcome;
use std::io::Write;

use crate::cli::StatsArgs;
use crate::commands::{print, today};
use crate::config::Config;
use crate::document::dates::human_minutes;
use crate::error::Error;
use crate::portfolio::Format;
use crate::portfolio::stats::{self, Spread, Stats};

/// Runs `pm stats`.
pub fn run(config: &Config, args: StatsArgs) -> Result<Outcome, Error> {
    let today = today(args.today.as_deref())?;
    let entries = super::entries(&args.paths, config)?;
    let stats = stats::compute(&entries, config.severities.levels(), today, args.by);
    let mut out = Vec::new();
    match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &stats)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Table => table(&stats, &mut out),
        Format::Csv => {
            return Err(Error::invalid_value(
                "--format",
                "csv",
                "table or json for pm stats",
            ));
        }
    }
    .map_err(|e| Error::io("<output>", e))?;
    print(&out)?;
    Ok(Outcome::Success)
}

/// The tables, one after another, each aligned on its own.
fn table(stats: &Stats, out: &mut Vec<u8>) -> std::io::Result<()> {
    let row = |cells: &[&dyn std::fmt::Display]| -> Vec<String> {
        cells.iter().map(|cell| cell.to_string()).collect()
    };
    let mut tables: Vec<Vec<Vec<String>>> = vec![vec![row(&[&"postmortems", &stats.postmortems])]];
    for (key, counts) in [
        ("severity", &stats.by_severity),
        ("service", &stats.by_service),
        ("month", &stats.by_month),
    ] {
        // No postmortem names a service: no table.
        if counts.is_empty() && key == "service" {
            continue;
        }
        let mut rows = vec![row(&[&key, &"count"])];
        rows.extend(counts.iter().map(|c| row(&[&c.key, &c.count])));
        tables.push(rows);
    }
    let by = match stats.by {
        stats::By::Severity => "",
        stats::By::Service => " by service",
        stats::By::Month => " by month",
    };
    for (title, spreads) in [
        (format!("time to detect{by}"), &stats.time_to_detect),
        (format!("time to resolve{by}"), &stats.time_to_resolve),
    ] {
        let mut rows = vec![row(&[&title, &"incidents", &"median", &"p90"])];
        rows.extend(spreads.iter().map(|s| {
            let p90 = human_minutes(s.p90_minutes);
            row(&[&s.severity, &s.count, &median(s), &p90])
        }));
        tables.push(rows);
    }
    let mut rows = vec![row(&[
        &format!("time to postmortem{by}"),
        &"postmortems",
        &"median",
        &"p90",
    ])];
    rows.extend(stats.time_to_postmortem.iter().map(|s| {
        row(&[
            &s.severity,
            &s.count,
            &days(s.median_days),
            &days(s.p90_days as f64),
        ])
    }));
    tables.push(rows);
    let follow = &stats.follow_through;
    let rate = follow
        .rate
        .map_or_else(|| "-".to_owned(), |r| format!("{:.0}%", r * 100.0));
    tables.push(vec![
        row(&[&"follow-through", &"due", &"closed", &"rate"]),
        row(&[&"action items", &follow.due, &follow.closed, &rate]),
    ]);
    let mut owners = vec![row(&[&"owner", &"open actions", &"overdue"])];
    owners.extend(
        (stats.actions_by_owner.iter()).map(|load| row(&[&load.owner, &load.open, &load.overdue])),
    );
    tables.push(owners);
    for (i, rows) in tables.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        crate::portfolio::table::write_columns(rows, out)?;
    }
    Ok(())
}

/// Days, with the half day a median of two can have: `3d`, `4.5d`.
fn days(days: f64) -> String {
    format!("{days}d")
}

/// The median, to the minute (half minutes round up).
fn median(spread: &Spread) -> String {
    human_minutes(spread.median_minutes.round() as i64)
}
