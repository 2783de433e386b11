//! `pm timeline import`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::cli::TimelineImportArgs;
use crate::commands::{date_flag, print};
use crate::config::Config;
use crate::document::dates::{self, Timestamp};
use crate::error::Error;
use crate::exit::Outcome;
use crate::import::{self, Filter, Reading, Zone};

/// Runs `pm timeline import`: every file's events, merged, as a table.
pub fn import(config: &Config, args: TimelineImportArgs) -> Result<Outcome, Error> {
    let zone = args
        .tz
        .as_deref()
        .map(|tz| {
            Zone::parse(tz).ok_or_else(|| {
                Error::invalid_value(
                    "--tz",
                    tz,
                    "an IANA zone name such as Europe/Berlin or an offset such as +02:00",
                )
            })
        })
        .transpose()?;
    let reading = Reading {
        zone,
        day: date_flag("--date", args.date.as_deref())?,
        columns: import::columns::Columns {
            time: args.time_column.clone(),
            event: args.event_column.clone(),
            owner: args.owner_column.clone(),
        },
    };
    let filter = Filter {
        since: instant("--since", args.since.as_deref(), zone)?,
        until: instant("--until", args.until.as_deref(), zone)?,
        grep: args.grep.clone(),
        from: args.from.clone(),
    };
    if let (Some(since), Some(until)) = (filter.since, filter.until)
        && since > until
    {
        return Err(Error::Usage(format!(
            "--since {} is after --until {}: no time is in between",
            since.to_rfc3339(),
            until.to_rfc3339()
        )));
    }
    let mut events = Vec::new();
    for file in &args.files {
        for path in day_files(file)? {
            let bytes = crate::files::read_regular(&path, config.max_file_size)
                .map_err(|e| Error::io(&path, e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::Usage(format!(
                    "{}: not UTF-8 text (byte {})",
                    path.display(),
                    e.utf8_error().valid_up_to()
                ))
            })?;
            events.extend(
                import::read(&path, &text, &reading).map_err(|e| Error::Usage(e.to_string()))?,
            );
        }
    }
    let events = import::merge(events, &filter);
    print(import::table(&events).as_bytes())?;
    Ok(Outcome::Success)
}

/// The files to read for `path`: itself, or the JSON day files of a Slack
/// channel's folder, oldest first (their names are their days).
fn day_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::io(path, e))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(dates::parse_date)
                    .is_some()
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "{}: a folder with no day files (YYYY-MM-DD.json) of a Slack export",
            path.display()
        )));
    }
    Ok(files)
}

/// A `--since`/`--until` time: with its zone, or in `zone`.
fn instant(
    flag: &str,
    value: Option<&str>,
    zone: Option<Zone>,
) -> Result<Option<DateTime<Utc>>, Error> {
    let Some(text) = value else {
        return Ok(None);
    };
    let bad = || {
        Error::invalid_value(
            flag,
            text,
            "an ISO 8601 time such as 2026-11-20T14:00:00Z (without a zone, give --tz)",
        )
    };
    match dates::parse_timestamp(text).ok_or_else(bad)? {
        Timestamp::Zoned(t) => Ok(Some(t.with_timezone(&Utc))),
        Timestamp::Local(local) => zone
            .ok_or_else(bad)?
            .to_utc(local, None)
            .map(Some)
            .map_err(|message| Error::Usage(format!("{flag} {text}: {message}"))),
    }
}
