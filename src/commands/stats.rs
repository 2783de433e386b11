//! `pm stats`.

use crate::exit::Outcome;
use std::io::Write;

use crate::cli::StatsArgs;
use crate::commands::{paths_or_default, print, today};
use crate::config::Config;
use crate::document::dates::human_minutes;
use crate::error::Error;
use crate::portfolio::stats::{self, Spread, Stats};
use crate::portfolio::{self, Format};

/// Runs `pm stats`.
pub fn run(config: &Config, args: StatsArgs) -> Result<Outcome, Error> {
    let today = today(args.today.as_deref())?;
    let (entries, problems) = portfolio::load(
        &paths_or_default(&args.paths, config),
        config.max_file_size,
        portfolio::Entry::of,
    )?;
    super::warn_skipped(&problems);
    let stats = stats::compute(&entries, config.severities.levels(), today);
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

fn table(stats: &Stats, out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut tw = tabwriter::TabWriter::new(Vec::new()).padding(2);
    writeln!(tw, "postmortems\t{}", stats.postmortems)?;
    writeln!(tw)?;
    writeln!(tw, "severity\tcount")?;
    for c in &stats.by_severity {
        writeln!(tw, "{}\t{}", c.key, c.count)?;
    }
    writeln!(tw)?;
    writeln!(tw, "month\tcount")?;
    for c in &stats.by_month {
        writeln!(tw, "{}\t{}", c.key, c.count)?;
    }
    for (title, spreads) in [
        ("time to detect", &stats.time_to_detect),
        ("time to resolve", &stats.time_to_resolve),
    ] {
        writeln!(tw)?;
        writeln!(tw, "{title}\tincidents\tmedian\tp90")?;
        for s in spreads {
            writeln!(
                tw,
                "{}\t{}\t{}\t{}",
                s.severity,
                s.count,
                median(s),
                human_minutes(s.p90_minutes)
            )?;
        }
    }
    writeln!(tw)?;
    writeln!(tw, "owner\topen actions\toverdue")?;
    for load in &stats.actions_by_owner {
        writeln!(tw, "{}\t{}\t{}", load.owner, load.open, load.overdue)?;
    }
    tw.flush()?;
    let text = tw
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    out.extend_from_slice(&text);
    Ok(())
}

/// The median, to the minute (half minutes round up).
fn median(spread: &Spread) -> String {
    human_minutes(spread.median_minutes.round() as i64)
}
