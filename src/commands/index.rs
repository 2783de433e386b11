//! `pm index --write FILE [--check]`.

use crate::exit::Outcome;
use std::path::Path;

use crate::cli::IndexArgs;
use crate::commands::plural;
use crate::config::Config;
use crate::error::Error;
use crate::portfolio::{index, list};
use crate::write::{Mode, write_atomic};

/// Runs `pm index`.
pub fn run(config: &Config, args: IndexArgs) -> Result<Outcome, Error> {
    let file = &args.write;
    let mut entries = super::entries(&args.paths, config)?;
    // The index may live among the postmortems; it does not list itself.
    if let Ok(target) = std::fs::canonicalize(file) {
        entries.retain(|e| std::fs::canonicalize(&e.path).map_or(true, |p| p != target));
    }
    let rows = list::rows(&entries, &list::Filter::default());
    let dir = file.parent().unwrap_or(Path::new(""));
    let current = match crate::files::read_regular(file, config.max_file_size) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            Error::Usage(format!(
                "{} is not UTF-8 text; pm index will not rewrite it",
                file.display()
            ))
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(file, e)),
    };
    let updated = index::splice(&current, &index::table(&rows, dir)).map_err(|e| {
        Error::Usage(format!(
            "{}:{}: {}; pm index changed nothing",
            file.display(),
            e.line,
            e.message
        ))
    })?;
    if args.check {
        if updated == current {
            eprintln!(
                "{} is up to date ({}).",
                file.display(),
                plural(rows.len(), "postmortem")
            );
            return Ok(Outcome::Success);
        }
        eprintln!(
            "{} is out of date; run `pm index --write {}`",
            file.display(),
            file.display()
        );
        return Ok(Outcome::Failed);
    }
    if updated != current {
        write_atomic(file, updated.as_bytes(), Mode::Replace)?;
        eprintln!(
            "Wrote the index of {} to {}.",
            plural(rows.len(), "postmortem"),
            file.display()
        );
    } else {
        eprintln!(
            "{} is up to date ({}).",
            file.display(),
            plural(rows.len(), "postmortem")
        );
    }
    Ok(Outcome::Success)
}
