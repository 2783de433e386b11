//! `pm list`.

use crate::exit::Outcome;

use crate::cli::{FilterArgs, ListArgs};
use crate::commands::{date_flag, print_with};
use crate::config::Config;
use crate::error::Error;
use crate::portfolio::{list, table};

/// Runs `pm list`.
pub fn run(config: &Config, args: ListArgs) -> Result<Outcome, Error> {
    let filter = filter(config, &args.filter)?;
    let entries = super::entries(&args.paths, config)?;
    let rows = list::rows(&entries, &filter);
    drop(entries);
    let cells = || rows.iter().map(list::cells);
    print_with(|out| table::write(args.format, &list::HEADER, cells, &rows, out))?;
    Ok(Outcome::Success)
}

/// What the filter flags ask for, each `--severity` normalized onto the
/// configured scale; an error for a bad value or an empty range.
pub(crate) fn filter(config: &Config, args: &FilterArgs) -> Result<list::Filter, Error> {
    let severities = args
        .severities
        .iter()
        .map(|s| {
            config
                .severities
                .normalize(s)
                .map(str::to_owned)
                .ok_or_else(|| {
                    Error::invalid_value(
                        "--severity",
                        s,
                        format_args!("one of {}", config.severities.levels().join(", ")),
                    )
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(unknown) = args.statuses.iter().find(|s| !config.statuses.contains(s)) {
        return Err(Error::invalid_value(
            "--status",
            unknown,
            format_args!("one of {}", config.statuses.join(", ")),
        ));
    }
    let filter = list::Filter {
        severities,
        statuses: args.statuses.clone(),
        since: date_flag("--since", args.since.as_deref())?,
        until: date_flag("--until", args.until.as_deref())?,
    };
    if let (Some(since), Some(until)) = (filter.since, filter.until)
        && since > until
    {
        return Err(Error::Usage(format!(
            "--since {since} is after --until {until}: no day is in between"
        )));
    }
    Ok(filter)
}
