//! `pm timeline import`, and the reading of files `pm new --timeline`
//! shares.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::cli::{ReadingArgs, TimelineImportArgs};
use crate::commands::{date_flag, print};
use crate::config::Config;
use crate::document::Document;
use crate::document::dates::{self, Timestamp};
use crate::error::Error;
use crate::exit::Outcome;
use crate::import::postmortem::{self, Place};
use crate::import::{self, Event, Filter, Reading, Zone};
use crate::lint::templates::Profiles;
use crate::output::plural;
use crate::scaffold::registry::Registry;
use crate::write::{Mode, write_atomic};

/// Runs `pm timeline import`: every file's events, merged, as a table, or
/// merged into a postmortem's timeline.
pub fn import(config: &Config, args: TimelineImportArgs) -> Result<Outcome, Error> {
    let tz = zone_flag(args.reading.tz.as_deref())?;
    let target = match &args.into {
        Some(path) => Some(Target::load(config, path, args.section.as_deref())?),
        None => None,
    };
    // Times without a zone are in --tz, else in the zone the postmortem
    // states; a log of times of day starts on --date, else on its date.
    let zone = tz.or_else(|| target.as_ref().and_then(Target::stated_zone));
    let text = crate::portfolio::reading(config);
    let day = date_flag("--date", args.date.as_deref())?.or_else(|| target.as_ref()?.place.day);
    let since = instant("--since", args.since.as_deref(), zone)?;
    let until = instant("--until", args.until.as_deref(), zone)?;
    if let (Some(since), Some(until)) = (since, until)
        && since > until
    {
        return Err(Error::Usage(format!(
            "--since {} is after --until {}: no time is in between",
            since.to_rfc3339(),
            until.to_rfc3339()
        )));
    }
    let events = read_events(config, &args.files, &reading(&args.reading, zone, day))?;
    let (first, last) = target.as_ref().map_or((None, None), |t| {
        postmortem::window(&t.doc, &events, text, t.place.stated)
    });
    // The incident's window, where no flag gives its own.
    let window = Filter {
        since: since.is_none().then_some(first).flatten(),
        until: until.is_none().then_some(last).flatten(),
        ..Filter::default()
    };
    let filter = Filter {
        since: since.or(window.since),
        until: until.or(window.until),
        grep: args.grep.clone(),
        from: args.from.clone(),
    };
    let outside = events.iter().filter(|e| !window.keeps(e)).count();
    if outside > 0
        && let Some(target) = &target
    {
        eprintln!(
            "{}: note: left out {} outside the incident, from an hour before it started to an \
             hour after it was resolved (give --since or --until to choose).",
            target.doc.path.display(),
            plural(outside, "event")
        );
    }
    let events = import::merge(events, &filter);
    let Some(target) = target else {
        print(import::table(&events).as_bytes())?;
        return Ok(Outcome::Success);
    };
    let merged = target.merge(&events)?;
    if args.stdout {
        // The rows --into would add, under the header it would write.
        let mut table = merged.header.clone();
        for row in &merged.rows {
            table.push_str(row);
            table.push('\n');
        }
        print(table.as_bytes())?;
        return Ok(Outcome::Success);
    }
    let path = &target.doc.path;
    if merged.text == target.doc.text {
        eprintln!(
            "{}: nothing to add: {} already in its timeline.",
            path.display(),
            match events.len() {
                0 => "no events to import; none".to_owned(),
                1 => "the event is".to_owned(),
                n => format!("all {n} events are"),
            }
        );
        return Ok(Outcome::Success);
    }
    target.write(&merged.text)?;
    report(path, &target.place, &merged);
    Ok(Outcome::Success)
}

/// A postmortem events are imported into.
pub(crate) struct Target {
    /// The document as read.
    pub doc: Document,
    /// Where its events go.
    pub place: Place,
    /// Whether the file starts with a byte order mark, kept when written.
    bom: bool,
    /// The lines its template writes, when its template is known.
    template: Option<HashSet<String>>,
}

impl Target {
    /// Reads the postmortem at `path` and finds its timeline.
    fn load(config: &Config, path: &Path, section: Option<&str>) -> Result<Target, Error> {
        let bytes = crate::files::read_regular(path, config.max_file_size)
            .map_err(|e| Error::io(path, e))?;
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let doc = Document::from_bytes(path.to_owned(), bytes)
            .map_err(|e| Error::Usage(format!("{}: {e}", path.display())))?;
        Target::of(config, doc, bom, section)
    }

    /// `doc`'s timeline.
    pub(crate) fn of(
        config: &Config,
        doc: Document,
        bom: bool,
        section: Option<&str>,
    ) -> Result<Target, Error> {
        let place = postmortem::place(&doc, section, crate::portfolio::reading(config))
            .map_err(|message| Error::Usage(format!("{}: {message}", doc.path.display())))?;
        let template = doc.facts.template.value().and_then(|name| {
            let profiles = Profiles::new(Registry::of(config).ok()?, config);
            profiles
                .get(name)
                .map(|p| p.lines.iter().cloned().collect())
        });
        Ok(Target {
            doc,
            place,
            bom,
            template,
        })
    }

    /// The zone the postmortem states for its timeline.
    pub(crate) fn stated_zone(&self) -> Option<Zone> {
        self.place.stated
    }

    /// The postmortem with `events` in it.
    pub(crate) fn merge(&self, events: &[Event]) -> Result<postmortem::Merged, Error> {
        postmortem::merge(&self.doc, &self.place, events, self.template.as_ref())
            .map_err(|message| self.error(&message))
    }

    fn error(&self, message: &str) -> Error {
        Error::Usage(format!("{}: {message}", self.doc.path.display()))
    }

    /// Writes `text` over the postmortem, atomically.
    fn write(&self, text: &str) -> Result<(), Error> {
        let path = &self.doc.path;
        // A read-only file is not replaced (a rename could: the folder is
        // what allows it).
        if let Some(why) = crate::files::not_writable(path) {
            return Err(self.error(&format!("{why}; make it writable to import into it")));
        }
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.bom {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        out.extend_from_slice(text.as_bytes());
        write_atomic(path, &out, Mode::Replace).map_err(|e| {
            Error::Usage(format!(
                "{}: not written, and left as it was: {e}",
                path.display()
            ))
        })
    }
}

/// Says on stderr what an import changed.
pub(crate) fn report(path: &Path, place: &Place, merged: &postmortem::Merged) {
    let path = path.display();
    if !merged.rows.is_empty() {
        let mut also = Vec::new();
        if merged.replaced > 0 {
            also.push(format!(
                "in place of {} of the template",
                plural(merged.replaced, "row")
            ));
        }
        if merged.present > 0 {
            also.push(format!("{} already there", plural(merged.present, "event")));
        }
        if merged.dated > 0 {
            also.push(format!(
                "{} given {} date, to keep {} day",
                plural(merged.dated, "row"),
                if merged.dated == 1 { "its" } else { "their" },
                if merged.dated == 1 { "its" } else { "their" },
            ));
        }
        let also = if also.is_empty() {
            String::new()
        } else {
            format!(" ({})", also.join("; "))
        };
        let table = if merged.new_table {
            "a new timeline table"
        } else {
            "the timeline"
        };
        let section = if place.section.is_empty() {
            String::new()
        } else {
            format!(" under `{}`", place.section)
        };
        eprintln!(
            "{path}: added {} to {table}{section}{also}.",
            plural(merged.rows.len(), "row")
        );
    }
    for (key, value, why) in &merged.set {
        eprintln!("{path}: set `{key}: {value}` ({why}).");
    }
    for note in &merged.notes {
        eprintln!("{path}: note: {note}.");
    }
}

/// `--tz`, read.
pub(crate) fn zone_flag(tz: Option<&str>) -> Result<Option<Zone>, Error> {
    tz.map(|tz| {
        Zone::parse(tz).ok_or_else(|| {
            Error::invalid_value(
                "--tz",
                tz,
                "an IANA zone name such as Europe/Berlin or an offset such as +02:00",
            )
        })
    })
    .transpose()
}

/// How to read the files, from the flags.
pub(crate) fn reading(args: &ReadingArgs, zone: Option<Zone>, day: Option<NaiveDate>) -> Reading {
    Reading {
        zone,
        day,
        columns: import::columns::Columns {
            time: args.time_column.clone(),
            event: args.event_column.clone(),
            owner: args.owner_column.clone(),
        },
    }
}

/// The events of every file, in the order read.
pub(crate) fn read_events(
    config: &Config,
    files: &[PathBuf],
    reading: &Reading,
) -> Result<Vec<Event>, Error> {
    let mut events = Vec::new();
    for file in files {
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
                import::read(&path, &text, reading).map_err(|e| Error::Usage(e.to_string()))?,
            );
        }
    }
    Ok(events)
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
