//! `pm actions`.

use std::process::ExitCode;

use crate::cli::ActionsArgs;
use crate::commands::{paths_or_default, print_with, today};
use crate::config::Config;
use crate::error::Error;
use crate::portfolio::{self, actions, table};

/// Runs `pm actions`.
pub fn run(config: &Config, args: ActionsArgs) -> Result<ExitCode, Error> {
    let today = today(args.today.as_deref())?;
    let filter = actions::Filter {
        open: args.open,
        overdue: args.overdue,
        owner: args.owner.clone(),
    };
    let (entries, problems) = portfolio::load(
        &paths_or_default(&args.paths, config),
        portfolio::Detail::Full,
    )?;
    portfolio::warn(&problems);
    let items = actions::items(entries, &filter, today);
    if args.format == portfolio::Format::Json {
        print_with(|out| table::write(args.format, &actions::HEADER, &[], &items, out))?;
    } else {
        // The items' texts move into the cells: one copy in memory.
        let cells: Vec<Vec<String>> = items.into_iter().map(actions::cells).collect();
        print_with(|out| table::write(args.format, &actions::HEADER, &cells, &(), out))?;
    }
    Ok(ExitCode::SUCCESS)
}
