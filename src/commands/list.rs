//! `pm list`.

use crate::exit::Outcome;

use crate::cli::ListArgs;
use crate::commands::{date_flag, paths_or_default, print_with};
use crate::config::Config;
use crate::error::Error;
use crate::portfolio::{self, list, table};

/// Runs `pm list`.
pub fn run(config: &Config, args: ListArgs) -> Result<Outcome, Error> {
    let filter = list::Filter {
        severities: severities(config, &args.severities)?,
        statuses: args.statuses.clone(),
        since: date_flag("--since", args.since.as_deref())?,
        until: date_flag("--until", args.until.as_deref())?,
    };
    let (entries, problems) = portfolio::load(
        &paths_or_default(&args.paths, config),
        config.max_file_size,
        |doc| portfolio::Entry::of(doc, config),
    )?;
    super::warn_skipped(&problems);
    let rows = list::rows(&entries, &filter);
    drop(entries);
    let cells = || rows.iter().map(list::cells);
    print_with(|out| table::write(args.format, &list::HEADER, cells, &rows, out))?;
    Ok(Outcome::Success)
}

/// The `--severity` values, each normalized onto the configured scale.
pub(crate) fn severities(config: &Config, given: &[String]) -> Result<Vec<String>, Error> {
    given
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
        .collect()
}
