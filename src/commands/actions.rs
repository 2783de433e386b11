//! `pm actions`.

use crate::exit::Outcome;

use crate::cli::{ActionsArgs, ActionsFormat};
use crate::commands::{paths_or_default, print_with, today};
use crate::config::Config;
use crate::error::Error;
use crate::portfolio::actions::{self, FileActions, Listing};
use crate::portfolio::digest::Digest;
use crate::portfolio::{self, table};

/// Runs `pm actions`.
pub fn run(config: &Config, args: ActionsArgs) -> Result<Outcome, Error> {
    let today = today(args.today.as_deref())?;
    let filter = actions::Filter {
        open: args.open,
        overdue: args.overdue,
        owner: args.owner.clone(),
    };
    let (files, problems) = portfolio::load(
        &paths_or_default(&args.paths, config),
        config.max_file_size,
        |doc| FileActions::of(doc, &filter, today, &config.actions),
    )?;
    super::warn_skipped(&problems);
    let listing = Listing::new(files);
    let format = match args.format {
        ActionsFormat::Markdown => {
            let digest = Digest {
                today,
                within: args.within,
                link_base: args.link_base.clone(),
            };
            let text = digest.render(&listing);
            return print_with(|out| out.write_all(text.as_bytes())).map(|()| Outcome::Success);
        }
        ActionsFormat::Table => portfolio::Format::Table,
        ActionsFormat::Json => portfolio::Format::Json,
        ActionsFormat::Csv => portfolio::Format::Csv,
    };
    let rows = || listing.items().map(actions::cells);
    print_with(|out| table::write(format, &actions::HEADER, rows, &listing, out))?;
    Ok(Outcome::Success)
}
