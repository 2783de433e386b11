//! Plain chat and terminal logs, a message a line:
//!
//! - `[14:02] dana: …` and `[14:02:11] dana: …` (a time of day);
//! - `14:02:11 <dana> …` (IRC);
//! - `2026-11-20 14:02:11 dana: …`, with an optional zone (`Z`, `+02:00`);
//! - `[11/20/26, 2:02:11 PM] Dana: …` (month/day/year, as WhatsApp writes).
//!
//! A line in none of these forms continues the message before it and is
//! left out (a message is cut to its first line). Times of day run on from
//! the day given, to the next day when the clock goes back past midnight.

use std::path::Path;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use regex::Regex;

use super::{Event, ImportError, Reading, Zone, one_line};

/// The longest message text kept.
const MAX_TEXT: usize = 200;

static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]\s*([^:\s][^:]{0,63}):\s?(.*)$")
        .expect("a valid pattern")
});
static IRC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:<([^>\s][^>]{0,63})>|\*\s+(\S{1,64}))\s?(.*)$",
    )
    .expect("a valid pattern")
});
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s?(Z|UTC|GMT|[+-]\d{2}:?\d{2}|(?:[PMCE][SD]T|CES?T|BST|IST|JST|AES?T|AEDT|EES?T|WES?T|HST|AK[SD]T)\b)?\s+([^:\s][^:]{0,63}):\s?(.*)$",
    )
    .expect("a valid pattern")
});
static US_DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\[(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])\]\s+([^:\s][^:]{0,63}):\s?(.*)$",
    )
    .expect("a valid pattern")
});

/// When a line says it was written.
enum When {
    /// A time of day: the day comes from the lines before.
    Time(NaiveTime),
    /// A date and time, in the log's zone.
    Local(NaiveDateTime),
    /// A date and time in the zone the line states.
    Zoned(NaiveDateTime, Zone),
}

/// A line with a time of day in brackets and no author (`[14:06] deploy
/// finished`).
static TIME_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]\s*(\S.*)$").expect("a valid pattern")
});

/// A message line: when, who, what.
struct Line {
    when: When,
    who: Option<String>,
    text: String,
}

/// Whether a zone written on a line is an offset (`+02:00`), not an
/// abbreviation (`PST`, `IST`), which means different zones to different
/// people.
fn zone_is_offset(zone: &str) -> bool {
    zone.starts_with(['+', '-'])
}

fn number(caps: &regex::Captures<'_>, i: usize) -> Option<u32> {
    caps.get(i).map_or(Some(0), |m| m.as_str().parse().ok())
}

fn time(h: Option<u32>, m: Option<u32>, s: Option<u32>) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h?, m?, s?)
}

/// The message `line` holds, if it is one; `Err` for a line in one of the
/// forms whose date or time does not exist (`[25:61]`).
fn parse(line: &str) -> Option<Result<Line, String>> {
    let bad = |what: &str| Some(Err(format!("`{what}` is not a time")));
    if let Some(c) = TIME_OF_DAY.captures(line) {
        let Some(t) = time(number(&c, 1), number(&c, 2), number(&c, 3)) else {
            return bad(c.get(0).map_or("", |m| m.as_str()));
        };
        return Some(Ok(Line {
            when: When::Time(t),
            who: Some(c.get(4)?.as_str().trim().to_owned()),
            text: c.get(5)?.as_str().to_owned(),
        }));
    }
    if let Some(c) = IRC.captures(line) {
        let Some(t) = time(number(&c, 1), number(&c, 2), number(&c, 3)) else {
            return bad(line.split_whitespace().next().unwrap_or(""));
        };
        // `* dana waves` is dana's action: its text says it.
        let (who, text) = match (c.get(4), c.get(5)) {
            (Some(who), _) => (who.as_str(), c.get(6)?.as_str().to_owned()),
            (None, Some(who)) => (
                who.as_str(),
                format!("{} {}", who.as_str(), c.get(6)?.as_str()),
            ),
            _ => return None,
        };
        return Some(Ok(Line {
            when: When::Time(t),
            who: Some(who.trim().to_owned()),
            text,
        }));
    }
    if let Some(c) = TIME_ONLY.captures(line) {
        let Some(t) = time(number(&c, 1), number(&c, 2), number(&c, 3)) else {
            return bad(line.split(']').next().unwrap_or("").trim_start_matches('['));
        };
        return Some(Ok(Line {
            when: When::Time(t),
            who: None,
            text: c.get(4)?.as_str().to_owned(),
        }));
    }
    if let Some(c) = DATED.captures(line) {
        let day = NaiveDate::from_ymd_opt(
            c.get(1)?.as_str().parse().ok()?,
            number(&c, 2)?,
            number(&c, 3)?,
        );
        let (Some(day), Some(t)) = (day, time(number(&c, 4), number(&c, 5), number(&c, 6))) else {
            return bad(line
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
                .as_str());
        };
        let local = day.and_time(t);
        let when = match c.get(7).map(|m| m.as_str()) {
            Some("UTC" | "GMT" | "Z") => When::Zoned(local, Zone::parse("Z")?),
            Some(zone) => match Zone::parse(zone) {
                Some(parsed) if zone_is_offset(zone) => When::Zoned(local, parsed),
                _ => {
                    return Some(Err(format!(
                        "`{zone}` is not a zone pm can read exactly: write an offset \
                         (+02:00), or leave it out and pass --tz"
                    )));
                }
            },
            None => When::Local(local),
        };
        return Some(Ok(Line {
            when,
            who: Some(c.get(8)?.as_str().trim().to_owned()),
            text: c.get(9)?.as_str().to_owned(),
        }));
    }
    if let Some(c) = US_DATED.captures(line) {
        let year = number(&c, 3)?;
        let year = if year < 100 { 2000 + year } else { year };
        let hour = number(&c, 4)?;
        let pm = c.get(7)?.as_str().eq_ignore_ascii_case("pm");
        let hour = match (hour, pm) {
            (12, false) => Some(0),
            (12, true) => Some(12),
            (h @ 1..=11, false) => Some(h),
            (h @ 1..=11, true) => Some(h + 12),
            _ => None,
        };
        let day = NaiveDate::from_ymd_opt(year as i32, number(&c, 1)?, number(&c, 2)?);
        let (Some(day), Some(t)) = (day, time(hour, number(&c, 5), number(&c, 6))) else {
            return bad(c
                .get(0)
                .map_or("", |m| m.as_str())
                .split(']')
                .next()
                .unwrap_or(""));
        };
        return Some(Ok(Line {
            when: When::Local(day.and_time(t)),
            who: Some(c.get(8)?.as_str().trim().to_owned()),
            text: c.get(9)?.as_str().to_owned(),
        }));
    }
    None
}

/// The messages of a chat log.
pub fn read(path: &Path, text: &str, reading: &Reading) -> Result<Vec<Event>, ImportError> {
    let mut events = Vec::new();
    // The day and wall-clock time of the line before, for times of day.
    let mut clock: Option<NaiveDateTime> = None;
    let mut previous: Option<DateTime<Utc>> = None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = Some(n + 1);
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let Some(parsed) = parse(raw.trim_end()) else {
            continue;
        };
        let line = parsed.map_err(|message| ImportError::at(path, line_no, message))?;
        let no_zone = || {
            ImportError::at(
                path,
                line_no,
                "the times of this log carry no zone: pass --tz with an IANA name \
                 (Europe/Berlin) or an offset (+02:00)",
            )
        };
        let at = match line.when {
            When::Zoned(local, zone) => zone.to_utc(local, previous),
            When::Local(local) => {
                clock = Some(local);
                reading.zone.ok_or_else(no_zone)?.to_utc(local, previous)
            }
            When::Time(t) => {
                let day = match clock {
                    // Back by more than half a day: past midnight, the next
                    // day. Back by less is the same day (lines a little out
                    // of order, or the hour a clock is set back).
                    Some(before) if before.time() - t > chrono::TimeDelta::hours(12) => {
                        before.date().succ_opt()
                    }
                    Some(before) => Some(before.date()),
                    None => reading.day,
                };
                let Some(day) = day else {
                    return Err(ImportError::at(
                        path,
                        line_no,
                        "the times of this log have no date: give the day it starts on with \
                         --date YYYY-MM-DD",
                    ));
                };
                let local = day.and_time(t);
                clock = Some(local);
                reading.zone.ok_or_else(no_zone)?.to_utc(local, previous)
            }
        }
        .map_err(|message| ImportError::at(path, line_no, message))?;
        previous = Some(at);
        events.push(Event {
            at,
            who: line.who,
            text: one_line(&line.text, MAX_TEXT),
            link: None,
            kind: None,
        });
    }
    if events.is_empty() {
        return Err(ImportError::at(
            path,
            None,
            "no line is a chat message (`[14:02] dana: …`, `14:02:11 <dana> …`, \
             `2026-11-20 14:02:11 dana: …` or `[11/20/26, 2:02:11 PM] Dana: …`), \
             nor Slack or PagerDuty JSON; a CSV file needs a name ending in .csv",
        ));
    }
    Ok(events)
}
