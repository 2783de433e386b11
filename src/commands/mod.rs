//! One module per subcommand: glue from the parsed arguments to the library.

pub mod actions;
pub mod adopt;
pub mod config;
pub mod docs;
pub mod hook;
pub mod index;
pub mod init;
pub mod lint;
pub mod list;
pub mod lsp;
pub mod new;
pub mod report;
pub mod rules;
pub mod stats;
pub mod templates;
pub mod timeline;

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::config::Config;
use crate::document::dates;
use crate::error::Error;

/// The paths given, or the postmortems folder.
pub(crate) fn paths_or_default(paths: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![config.postmortems_dir.clone()]
    } else {
        paths.to_vec()
    }
}

/// A `YYYY-MM-DD` flag value, or an error naming the flag.
pub(crate) fn date_flag(flag: &str, value: Option<&str>) -> Result<Option<NaiveDate>, Error> {
    value
        .map(|text| {
            dates::parse_date(text).ok_or_else(|| {
                Error::invalid_value(flag, text, "a date as YYYY-MM-DD (e.g. 2026-12-01)")
            })
        })
        .transpose()
}

/// Prints the files the portfolio could not read, as warnings on stderr.
pub(crate) fn warn_skipped(problems: &[crate::portfolio::Problem]) {
    for (path, reason) in problems {
        eprintln!(
            "warning: skipping {}: {}",
            crate::output::visible(&path.display().to_string()),
            crate::output::visible(reason)
        );
    }
}

/// Every postmortem under `paths` (or the postmortems folder) as a
/// portfolio entry; the files that could not be read are warned about.
pub(crate) fn entries(
    paths: &[PathBuf],
    config: &Config,
) -> Result<Vec<crate::portfolio::Entry>, Error> {
    let (entries, problems) = crate::portfolio::load(
        &paths_or_default(paths, config),
        config.max_file_size,
        |doc| crate::portfolio::Entry::of(doc, config),
    )?;
    warn_skipped(&problems);
    Ok(entries)
}

/// `--today`, or the local date.
pub(crate) fn today(value: Option<&str>) -> Result<NaiveDate, Error> {
    Ok(date_flag("--today", value)?.unwrap_or_else(|| chrono::Local::now().date_naive()))
}

/// Writes to standard output through a buffer as `write` goes, so a long
/// table is never held in memory twice.
pub(crate) fn print_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Writes `bytes` to stdout.
pub(crate) fn print(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

pub(crate) use crate::output::plural;
