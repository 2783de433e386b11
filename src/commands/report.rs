//! `pm report -o FILE`.

use std::io::IsTerminal;
use std::path::Path;

use crate::cli::ReportArgs;
use crate::commands::{plural, print, today};
use crate::config::Config;
use crate::error::Error;
use crate::exit::Outcome;
use crate::portfolio;
use crate::portfolio::report::{Options, Report};
use crate::write::{Mode, Target, resolve, write_atomic};

/// Runs `pm report`.
pub fn run(config: &Config, args: ReportArgs) -> Result<Outcome, Error> {
    let today = today(args.today.as_deref())?;
    let filter = super::list::filter(config, &args.filter)?;
    if let Some(base) = &args.link_base {
        let scheme = base
            .split_once(':')
            .map(|(s, _)| s)
            .filter(|s| !s.contains('/'));
        if scheme.is_some_and(|s| !["http", "https"].contains(&s.to_ascii_lowercase().as_str())) {
            return Err(Error::invalid_value(
                "--link-base",
                base,
                "an http(s) URL or a relative path",
            ));
        }
    }
    let output = match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            check_replaceable(path, args.force)?;
            Some(path.as_path())
        }
        _ if std::io::stdout().is_terminal() => {
            return Err(Error::Usage(
                "pm report writes an HTML page: give the file with -o report.html, \
                 or redirect standard output"
                    .to_owned(),
            ));
        }
        _ => None,
    };
    let entries = super::entries(&args.paths, config)?;
    // The report never reads itself back, wherever it is written.
    let written = output.and_then(crate::files::real_path);
    let entries: Vec<portfolio::Entry> = entries
        .into_iter()
        .filter(|e| filter.keeps(e))
        .filter(|e| written.is_none() || crate::files::real_path(&e.path) != written)
        .collect();
    let dir = output
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let options = Options {
        title: args.title.clone(),
        today,
        since: filter.since,
        until: filter.until,
        link_base: args.link_base.clone(),
        dir,
    };
    let report = Report::of(&entries, config.severities.levels(), &options);
    let html = report.html(&options);
    match output {
        Some(path) => {
            write_atomic(path, html.as_bytes(), Mode::Replace)?;
            eprintln!(
                "Wrote the report of {} to {}.",
                plural(entries.len(), "postmortem"),
                path.display()
            );
        }
        None => print(html.as_bytes())?,
    }
    Ok(Outcome::Success)
}

/// An existing file is replaced only when it is a report pm wrote, or with
/// `--force`: `-o` pointed at a postmortem by mistake loses nothing.
fn check_replaceable(path: &Path, force: bool) -> Result<(), Error> {
    if force {
        return Ok(());
    }
    let Target::File(real, _) = resolve(path)? else {
        return Ok(());
    };
    let head = read_head(&real).map_err(|e| Error::io(path, e))?;
    if head.starts_with(crate::portfolio::report::page::OPENING.as_bytes()) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} exists and is not a report pm wrote; choose another file, or pass --force to replace it",
        path.display()
    )))
}

/// The first kilobytes of a file, where a report's generator line is.
fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)?
        .take(4096)
        .read_to_end(&mut head)?;
    Ok(head)
}
