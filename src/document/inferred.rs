//! The facts a postmortem states in its text when its front matter does not:
//! the labelled fields people write (`**Date:** 2024-03-13`, `Severity: P1`,
//! a table row `| Authors | serathius@ |`), the first heading, the file
//! name and the timeline. Each fact says where it was found, so `pm adopt`
//! can show it and a person can check it. Read on first use: only the
//! portfolio and `pm adopt` ask for it.

use std::ops::Range;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::Document;
use super::dates::{self, Timestamp};
use super::{placeholders, sections};

/// Where an inferred fact was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A labelled field in the text (`Date: …`), at this span of the value.
    Field(Range<usize>),
    /// The first level-1 heading, at this span.
    Heading(Range<usize>),
    /// The file's name.
    FileName,
    /// A timeline row, at this span.
    Timeline(Range<usize>),
}

impl Source {
    /// The span in the file, when the fact is in the text.
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Source::Field(span) | Source::Heading(span) | Source::Timeline(span) => {
                Some(span.clone())
            }
            Source::FileName => None,
        }
    }

    /// A word for where it came from, for reports.
    pub fn describe(&self) -> &'static str {
        match self {
            Source::Field(_) => "field",
            Source::Heading(_) => "heading",
            Source::FileName => "file name",
            Source::Timeline(_) => "timeline",
        }
    }
}

/// A fact and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    /// The fact.
    pub value: T,
    /// Where it was found.
    pub source: Source,
}

/// Everything a document's text says of itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inferred {
    /// The first `# heading`, else the file name.
    pub title: Option<Found<String>>,
    /// A labelled id, or one in the file name (`INC-123`, `PM2024-001`).
    pub incident_id: Option<Found<String>>,
    /// A labelled date, a date in the file name or the title, else the
    /// first dated timeline row.
    pub date: Option<Found<NaiveDate>>,
    /// A labelled severity, as written (the scale maps it).
    pub severity: Option<Found<String>>,
    /// A labelled status, as written.
    pub status: Option<Found<String>>,
    /// A labelled lead, owner or author.
    pub lead: Option<Found<String>>,
    /// Labelled affected services.
    pub services: Option<Found<Vec<String>>>,
    /// When it began: a labelled time, else the timeline.
    pub started_at: Option<Found<Timestamp>>,
    /// When it was detected.
    pub detected_at: Option<Found<Timestamp>>,
    /// When it was resolved.
    pub resolved_at: Option<Found<Timestamp>>,
    /// A labelled duration, in minutes (`**Total impact duration:** 5 hours
    /// 26 minutes (10:45 - 16:11 UTC)`).
    pub duration: Option<Found<i64>>,
}

/// The status of `statuses` (draft first, finished last) that a stated
/// one means: one of them in any case; published, complete, done, closed,
/// resolved, reviewed or approved is the last; in review or under review
/// one that says review; anything else (open, ongoing, investigating, WIP,
/// TODO, not reviewed, words pm does not know) the first, so an unknown
/// state is not taken for a finished one.
pub fn status_on(stated: &str, statuses: &[String]) -> String {
    let word = stated.trim().to_lowercase();
    if let Some(status) = statuses.iter().find(|s| s.to_lowercase() == word) {
        return status.clone();
    }
    let first = statuses
        .first()
        .cloned()
        .unwrap_or_else(|| "draft".to_owned());
    let last = statuses
        .last()
        .cloned()
        .unwrap_or_else(|| "final".to_owned());
    const FINISHED: &[&str] = &[
        "published",
        "complete",
        "completed",
        "done",
        "closed",
        "final",
        "finished",
        "resolved",
        "reviewed",
        "approved",
    ];
    if FINISHED.contains(&word.as_str()) {
        return last;
    }
    let in_review =
        (word.starts_with("in review") || word.starts_with("under review") || word == "review")
            .then(|| statuses.iter().find(|s| s.contains("review")).cloned())
            .flatten();
    in_review.unwrap_or(first)
}

/// A `key: value` the text writes, with the value's span.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Label {
    /// The key, [`sections::normalize`]d.
    key: String,
    /// The value as written, trimmed of emphasis marks.
    value: String,
    /// Where the value is.
    span: Range<usize>,
}

const DATE_KEYS: &[&str] = &[
    "date",
    "date of incident",
    "incident date",
    "date of the incident",
    "day",
];
const ID_KEYS: &[&str] = &["incident id", "incident number", "incident", "id"];
const SEVERITY_KEYS: &[&str] = &["severity", "sev", "severity level", "incident severity"];
const STATUS_KEYS: &[&str] = &["status", "document status", "postmortem status"];
const LEAD_KEYS: &[&str] = &[
    "lead",
    "incident lead",
    "owner",
    "incident owner",
    "postmortem owner",
    "author",
    "authors",
    "incident commander",
];
const SERVICE_KEYS: &[&str] = &[
    "service",
    "services",
    "affected service",
    "affected services",
    "systems affected",
    "affected systems",
    "components",
];
const DURATION_KEYS: &[&str] = &[
    "duration",
    "total duration",
    "impact duration",
    "total impact duration",
    "outage duration",
    "incident duration",
];
const STARTED_KEYS: &[&str] = &[
    "start",
    "start time",
    "started",
    "started at",
    "incident start",
    "began",
];
const DETECTED_KEYS: &[&str] = &["detected", "detected at", "detection time", "time detected"];
const RESOLVED_KEYS: &[&str] = &[
    "end",
    "end time",
    "ended",
    "resolved",
    "resolved at",
    "resolution time",
    "time resolved",
    "incident end",
];

/// How to read what a text leaves open, from the configuration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// The zone of times the text gives none for and states none
    /// (minutes east of UTC): `timezone`.
    pub zone: Option<i32>,
    /// How dates in numbers only are written: `date_order`.
    pub date_order: Option<dates::DateOrder>,
}

/// Reads what `doc`'s text says of itself, with `reading` for what it
/// leaves open.
pub fn read(doc: &Document, reading: Reading) -> Inferred {
    let default_zone = reading.zone;
    // `July 1, 2020`, `2024-03-13`; with a date order, `4/21/23` too.
    let free_date =
        |text: &str| free_date(text).or_else(|| dates::numeric_date(text, reading.date_order?));
    let labels = labels(doc);
    let label = |keys: &[&str]| {
        labels
            .iter()
            .find(|l| keys.contains(&l.key.as_str()) && !l.value.is_empty())
    };
    let text_of = |keys: &[&str]| {
        label(keys).map(|l| Found {
            value: l.value.clone(),
            source: Source::Field(l.span.clone()),
        })
    };
    // A severity or a status is a word or two, not a sentence or a link.
    let word_of = |keys: &[&str]| {
        text_of(keys)
            .filter(|f| f.value.split_whitespace().count() <= 3 && !f.value.contains("://"))
    };
    let stem = doc
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    // The first `# heading` that is not a section's (`# Summary`).
    let heading = (doc.outline.headings.iter()).find(|h| h.level == 1 && h.canonical.is_none());
    let title = match heading {
        Some(h) if !h.title.trim().is_empty() && !placeholders::is_unfilled(&h.title) => {
            Some(Found {
                value: h.title.trim().to_owned(),
                source: Source::Heading(h.span.clone()),
            })
        }
        _ => title_from_file_name(stem).map(|value| Found {
            value,
            source: Source::FileName,
        }),
    };
    let labelled_date = labels
        .iter()
        .filter(|l| DATE_KEYS.contains(&l.key.as_str()))
        .find_map(|l| {
            Some(Found {
                value: free_date(&l.value)?,
                source: Source::Field(l.span.clone()),
            })
        });
    let date = labelled_date
        .or_else(|| {
            Some(Found {
                value: date_in_name(&doc.path)?,
                source: Source::FileName,
            })
        })
        .or_else(|| {
            let h = heading?;
            Some(Found {
                value: free_date(&h.title)?,
                source: Source::Heading(h.span.clone()),
            })
        });
    let zone = stated_zone(doc).or(default_zone);
    let rows = timeline_rows(doc, date.as_ref().map(|d| d.value), zone, &free_date);
    let date = date.or_else(|| {
        let row = rows.iter().find(|r| r.dated)?;
        Some(Found {
            value: row.at.date(),
            source: Source::Timeline(row.span.clone()),
        })
    });
    let day = date.as_ref().map(|d| d.value);
    let labelled_time = |keys: &[&str]| {
        labels
            .iter()
            .filter(|l| keys.contains(&l.key.as_str()))
            .find_map(|l| {
                Some(Found {
                    value: free_timestamp(&l.value, day, zone)?,
                    source: Source::Field(l.span.clone()),
                })
            })
    };
    let from_rows = |pick: fn(&[Row]) -> Option<&Row>| {
        pick(&rows).map(|row| Found {
            value: Timestamp::Zoned(row.at.and_utc().fixed_offset()),
            source: Source::Timeline(row.span.clone()),
        })
    };
    let started_at = labelled_time(STARTED_KEYS).or_else(|| from_rows(started_row));
    let mut detected_at = labelled_time(DETECTED_KEYS).or_else(|| from_rows(detected_row));
    let mut resolved_at = labelled_time(RESOLVED_KEYS).or_else(|| from_rows(resolved_row));
    // Times of day on one day: a later one that reads earlier crossed
    // midnight (`Start: 23:30`, `Resolved: 00:45`). What still comes
    // before the start is not used: pm never writes an order PM303 rejects.
    if let Some(start) = started_at.as_ref().map(|s| s.value) {
        for later in [&mut detected_at, &mut resolved_at] {
            *later = later.take().and_then(|mut found| {
                let minutes = start.minutes_until(&found.value);
                if (-24 * 60..0).contains(&minutes)
                    && let Timestamp::Zoned(t) = found.value
                {
                    found.value = Timestamp::Zoned(t + chrono::Duration::days(1));
                }
                (start.minutes_until(&found.value) >= 0).then_some(found)
            });
        }
    }
    if let (Some(detected), Some(resolved)) = (&detected_at, &resolved_at)
        && detected.value.minutes_until(&resolved.value) < 0
    {
        detected_at = None;
    }
    let date = date.or_else(|| {
        let start = started_at.as_ref()?;
        Some(Found {
            value: start.value.as_utc_naive().date(),
            source: start.source.clone(),
        })
    });
    Inferred {
        title,
        incident_id: text_of(ID_KEYS)
            .filter(|f| looks_like_an_id(&f.value))
            .or_else(|| {
                Some(Found {
                    value: id_in_name(stem)?,
                    source: Source::FileName,
                })
            }),
        date,
        severity: word_of(SEVERITY_KEYS),
        status: word_of(STATUS_KEYS),
        lead: text_of(LEAD_KEYS),
        services: label(SERVICE_KEYS).map(|l| Found {
            value: l
                .value
                .split([',', ';'])
                .map(|s| s.trim().trim_matches('`').to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            source: Source::Field(l.span.clone()),
        }),
        started_at,
        detected_at,
        resolved_at,
        duration: labels
            .iter()
            .filter(|l| DURATION_KEYS.contains(&l.key.as_str()))
            .find_map(|l| {
                // What follows in brackets is a comment: `(10:45 - 16:11 UTC)`.
                let text = l.value.split('(').next().unwrap_or_default();
                Some(Found {
                    value: dates::parse_duration(text)?,
                    source: Source::Field(l.span.clone()),
                })
            }),
    }
}

/// The labelled fields of the body: `Key: value` lines (in a list item, a
/// heading or bold: `**Date:** …`, `## Owner: …`) and two-cell table rows
/// (`| Date | 2022-04-20 |`), outside code and comments, keys of at most
/// four words.
fn labels(doc: &Document) -> Vec<Label> {
    let outline = &doc.outline;
    let hidden = Spans::new(
        (outline.code.iter().cloned())
            .chain(outline.comments.iter().map(|c| c.span.clone()))
            .collect(),
    );
    let mut found = Vec::new();
    let first = doc.lines.line_of(doc.body_start);
    let count = doc.lines.line_count();
    for line in first..count {
        let range = doc.lines.line_range(&doc.text, line);
        let text = &doc.text[range.clone()];
        let start = text.len() - text.trim_start().len();
        // A quote (`> Date: …` of a forwarded mail) and the action items
        // (`Owner:` of one item) speak of something else.
        let elsewhere =
            text.trim_start().starts_with('>') || outline.in_section(range.start, "action_items");
        if text.trim().is_empty() || elsewhere || hidden.contain(range.start + start) {
            continue;
        }
        // A table's header row names columns, not a field.
        let next = (line + 1 < count).then(|| &doc.text[doc.lines.line_range(&doc.text, line + 1)]);
        let header = next.is_some_and(|n| n.trim_start().starts_with('|') && n.contains("--"));
        if let Some(label) = table_label(text, range.start).filter(|_| !header) {
            found.push(label);
        } else if let Some(label) = line_label(text, range.start) {
            found.push(label);
        }
    }
    found
}

/// Byte ranges, sorted, asked whether they hold an offset: one binary
/// search per question (a file may have thousands of code blocks).
struct Spans(Vec<Range<usize>>);

impl Spans {
    fn new(mut spans: Vec<Range<usize>>) -> Spans {
        spans.sort_by_key(|s| s.start);
        // Merged, so the one starting last before an offset decides.
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        Spans(merged)
    }

    fn contain(&self, offset: usize) -> bool {
        let i = self.0.partition_point(|s| s.start <= offset);
        i > 0 && self.0[i - 1].contains(&offset)
    }
}

/// `| Key | value |`: a row of exactly two cells.
fn table_label(text: &str, at: usize) -> Option<Label> {
    let trimmed = text.trim();
    let inner = trimmed.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner.split('|').collect();
    let [key, value] = cells[..] else {
        return None;
    };
    let key = sections::normalize(key.trim().trim_matches(['*', '_']));
    let written = value.trim().trim_matches(['*', '_']).trim();
    if key.is_empty() || key.split(' ').count() > 4 || written.starts_with('-') {
        return None;
    }
    let offset = text.find(written)?;
    Some(Label {
        key,
        value: written.to_owned(),
        span: at + offset..at + offset + written.len(),
    })
}

/// `Key: value`, after heading marks, a list marker, a quote mark and bold.
fn line_label(text: &str, at: usize) -> Option<Label> {
    let body = text
        .trim_start()
        .trim_start_matches('#')
        .trim_start()
        .trim_start_matches(['>', ' '])
        .trim_start_matches(['-', '*', '+'])
        .trim_start();
    // `[name]: https://…` defines a link.
    if body.starts_with('[') {
        return None;
    }
    let colon = body.find(':')?;
    if colon > 48 {
        return None;
    }
    let key = sections::normalize(body[..colon].trim_matches(['*', '_', ' ']));
    if key.is_empty() || key.split(' ').count() > 4 {
        return None;
    }
    let after = &body[colon + 1..];
    let written = after
        .trim_start_matches(['*', '_'])
        .trim()
        .trim_end_matches(['*', '_'])
        .trim();
    // `http://…` and `14:02` are not labels.
    if written.is_empty()
        || after.starts_with("//")
        || after.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let offset = text.len() - body.len() + colon + 1 + after.find(written)?;
    Some(Label {
        key,
        value: written.to_owned(),
        span: at + offset..at + offset + written.len(),
    })
}

/// A title from a file name: `2024-03-13-db-failover` → `db failover`.
fn title_from_file_name(stem: &str) -> Option<String> {
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A `YYYY-MM-DD` in the file's name, else `YYYY-MM` in its folder's and
/// `MM-DD` at the start of its name (`2023-04/04-25-…`).
fn date_in_name(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    if let Some(date) = iso_date_in(name) {
        return Some(date);
    }
    let folder = path.parent()?.file_name()?.to_str()?;
    let year: i32 = folder.get(..4)?.parse().ok()?;
    let month: u32 = folder.get(5..7)?.parse().ok()?;
    let (m, d) = (
        name.get(..2)?.parse::<u32>().ok()?,
        name.get(3..5)?.parse::<u32>().ok()?,
    );
    (m == month).then(|| NaiveDate::from_ymd_opt(year, m, d))?
}

/// The first `YYYY-MM-DD` (or `YYYY/MM/DD`) in `text`.
fn iso_date_in(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = text.get(i..i + 10)?;
        let before = i.checked_sub(1).and_then(|j| bytes.get(j));
        if before.is_some_and(u8::is_ascii_digit) {
            return None;
        }
        dates::parse_date(&candidate.replace('/', "-"))
    })
}

/// A date as people write one: `2024-03-13`, `2024/03/13`, `July 1, 2020`,
/// `1 July 2020`, `Sep 29, 2025`, `September 29th, 2025`.
pub fn free_date(text: &str) -> Option<NaiveDate> {
    if let Some(date) = iso_date_in(text) {
        return Some(date);
    }
    month_days(text).find_map(|(month, day, year)| NaiveDate::from_ymd_opt(year?, month, day))
}

/// A month and a day with no year (`Mar 14`, `19. April`), in `year`.
fn date_in_year(text: &str, year: i32) -> Option<NaiveDate> {
    month_days(text).find_map(|(month, day, _)| NaiveDate::from_ymd_opt(year, month, day))
}

/// Each month name of `text` with its day (the number after it, else the
/// one before) and the year after those, if one is written: `July 1, 2020`,
/// `1 July 2020`, `Mar 14`.
fn month_days(text: &str) -> impl Iterator<Item = (u32, u32, Option<i32>)> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let day = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (digits.len() <= 2).then(|| digits.parse().ok().filter(|d| (1..=31).contains(d)))?
    };
    let year = |w: &str| -> Option<i32> { (w.len() == 4).then(|| w.parse().ok())? };
    let found: Vec<(u32, u32, Option<i32>)> = (0..words.len())
        .filter_map(|i| {
            let month = month_of(&words[i])?;
            let word = |k: usize| words.get(k).map(String::as_str);
            match word(i + 1).and_then(day) {
                Some(d) => Some((month, d, word(i + 2).and_then(year))),
                None => {
                    let d = day(word(i.checked_sub(1)?)?)?;
                    Some((month, d, word(i + 1).and_then(year)))
                }
            }
        })
        .collect();
    found.into_iter()
}

/// The month (1 to 12) a word names: a month's name or its first letters,
/// three at least (`sep`, `sept`, `september`), lowercase.
fn month_of(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let index = dates::MONTHS.iter().position(|m| m.starts_with(word))?;
    u32::try_from(index + 1).ok()
}

/// A timestamp as a labelled field writes one: ISO 8601, or a time of day
/// (with `AM`/`PM` and a zone) on `day`.
fn free_timestamp(text: &str, day: Option<NaiveDate>, zone: Option<i32>) -> Option<Timestamp> {
    match dates::parse_timestamp(text) {
        Some(Timestamp::Local(local)) => {
            // No zone of its own: the one the document states.
            return Some(match zone {
                Some(offset) => {
                    let utc = local - chrono::Duration::minutes(i64::from(offset));
                    Timestamp::Zoned(utc.and_utc().fixed_offset())
                }
                None => Timestamp::Local(local),
            });
        }
        Some(zoned) => return Some(zoned),
        None => {}
    }
    let date = free_date(text).or(day)?;
    let (time, own_zone) = time_in(text)?;
    let offset = own_zone.or(zone)?;
    let utc = date.and_time(time) - chrono::Duration::minutes(i64::from(offset));
    Some(Timestamp::Zoned(utc.and_utc().fixed_offset()))
}

/// A time of day in `text` (`14:02`, `2:02 PM`, `1915 UTC`) and the zone
/// written after it, as minutes east of UTC.
fn time_in(text: &str) -> Option<(NaiveTime, Option<i32>)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '*' || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let word = word.trim_start_matches('~').trim_end_matches([':', '-']);
        // `2024-03-13T14:02:00Z` in a row: a time with its zone.
        if let Some(Timestamp::Zoned(t)) = dates::parse_timestamp(word) {
            let utc = t.naive_utc();
            return Some((utc.time(), Some(0)));
        }
        // `17:14pm`, `14:02Z`.
        let lower = word.to_ascii_lowercase();
        let (word, attached) = match lower
            .strip_suffix("pm")
            .or_else(|| lower.strip_suffix("am"))
        {
            Some(time) if time.contains(':') => (&word[..time.len()], Some(&lower[time.len()..])),
            _ => (word, None),
        };
        let z = word.ends_with(['Z', 'z']) && word.contains(':');
        // `13:30-13:45`: a range starts when its first time does.
        let whole = word;
        let word = word.split('-').next().unwrap_or(word);
        let mut time = dates::parse_time(word).or_else(|| {
            // `1915 UTC`, or `1329` as the last word (a heading `### 1329`).
            let zoned = words
                .get(i + 1)
                .is_some_and(|z| dates::zone_offset(z).is_some());
            let last = i + 1 == words.len();
            // Not the year of `2018-01-18`.
            let digits = whole.len() == 4 && whole.bytes().all(|b| b.is_ascii_digit());
            (digits && (zoned || last)).then(|| NaiveTime::parse_from_str(word, "%H%M").ok())?
        });
        let Some(t) = time.as_mut() else {
            continue;
        };
        let mut rest = i + 1;
        let meridiem = match attached {
            Some(suffix) => Some(suffix.to_owned()),
            None => words.get(rest).map(|w| w.to_ascii_lowercase()),
        };
        let step = usize::from(attached.is_none());
        match meridiem.as_deref() {
            Some("pm") | Some("p.m.") => {
                if chrono::Timelike::hour(t) < 12 {
                    *t += chrono::Duration::hours(12);
                }
                rest += step;
            }
            Some("am") | Some("a.m.") => {
                if chrono::Timelike::hour(t) == 12 {
                    *t -= chrono::Duration::hours(12);
                }
                rest += step;
            }
            _ => {}
        }
        if z {
            return Some((*t, Some(0)));
        }
        let zone = words.get(rest).and_then(|z| dates::zone_offset(z));
        return Some((*t, zone));
    }
    None
}

/// The zone a document says its times are in: `All times in CEST`, `times
/// are UTC`, `(all times UTC)`.
fn stated_zone(doc: &Document) -> Option<i32> {
    // `## Timeline (PST)`, `## Timeline (all times UTC)`.
    let in_heading = doc
        .outline
        .headings
        .iter()
        .filter(|h| h.canonical.is_some_and(|c| c.id == "timeline"))
        .find_map(|h| {
            let (_, after) = h.title.split_once('(')?;
            let inside = after.split(')').next()?;
            inside.split_whitespace().find_map(dates::zone_offset)
        });
    if in_heading.is_some() {
        return in_heading;
    }
    let body = &doc.text[doc.body_start..];
    let lower = body.to_ascii_lowercase();
    for marker in [
        "all times in ",
        "all times are in ",
        "all times are ",
        "times are in ",
        "all timestamps in ",
        "all timestamps are ",
        "timestamps are in ",
        "all times ",
        "times in ",
    ] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(marker) {
            let after = from + at + marker.len();
            // A whole word: `sometimes in PST` is not a statement.
            let starts_a_word = lower[..from + at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !starts_a_word {
                from = after;
                continue;
            }
            // `All times in PST`, `All times in Central European Time (CET)`.
            let zone = body[after..]
                .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '.' | ','))
                .filter(|w| !w.is_empty())
                .take(5)
                .find_map(dates::zone_offset);
            if zone.is_some() {
                return zone;
            }
            from = after;
        }
    }
    None
}

/// A timeline row: when (in UTC when a zone is known, else as written) and
/// what happened.
#[derive(Debug, Clone)]
struct Row {
    at: NaiveDateTime,
    dated: bool,
    zoned: bool,
    event: String,
    span: Range<usize>,
}

/// The rows of the timeline: the rows of timeline tables, and the list
/// items and sub-headings of a Timeline section that start with a time.
/// Times of day fall on the last day written, else on `day`; rows with no
/// day at all are left out, as are rows in no known zone.
fn timeline_rows(
    doc: &Document,
    day: Option<NaiveDate>,
    zone: Option<i32>,
    free_date: &dyn Fn(&str) -> Option<NaiveDate>,
) -> Vec<Row> {
    let outline = &doc.outline;
    let mut lines: Vec<(Range<usize>, String, String)> = Vec::new();
    let timelines: Vec<usize> = doc.timelines().iter().map(|t| t.table).collect();
    for (index, table) in outline.tables.iter().enumerate() {
        if !timelines.contains(&index) && !outline.in_section(table.span.start, "timeline") {
            continue;
        }
        // `| Day | Date (2022) | Time (PST) | Event |`: the leading columns
        // headed as times say when, the others what happened.
        let when_columns = table
            .header
            .cells
            .iter()
            .take_while(|cell| {
                let header = super::sections::normalize(cell.text(&doc.text));
                ["time", "timestamp", "date", "when", "day"]
                    .iter()
                    .any(|word| header.starts_with(word))
            })
            .count()
            .max(1);
        let joined = |cells: &[super::outline::Cell]| {
            cells
                .iter()
                .map(|c| c.text(&doc.text))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for row in &table.rows {
            let split = when_columns.min(row.cells.len());
            let (when, event) = row.cells.split_at(split);
            if when.is_empty() {
                continue;
            }
            lines.push((row.span.clone(), joined(when), joined(event)));
        }
    }
    let sections: Vec<&super::outline::Heading> = outline
        .headings
        .iter()
        .filter(|h| h.canonical.is_some_and(|c| c.id == "timeline"))
        .collect();
    for section in sections {
        let within = |offset: usize| offset >= section.span.end && offset < section.end;
        for item in outline
            .items
            .iter()
            .filter(|i| i.parent.is_none() && within(i.span.start))
        {
            let text = item.text(&doc.text);
            let (when, _) = split_time(text);
            lines.push((item.span.clone(), when.to_owned(), text.to_owned()));
        }
        for h in outline.headings.iter().filter(|h| within(h.span.start)) {
            // What happened is the sub-section's text: `### 7:01am`, then
            // `Build completed.\nIncident resolved.`
            let event = doc.text.get(h.body.clone()).unwrap_or_default();
            let event = event.split_whitespace().collect::<Vec<_>>().join(" ");
            lines.push((h.span.clone(), h.title.clone(), event));
        }
        // Paragraphs that start with a time: `12:45 PM PST Saturday: …`.
        let taken = Spans::new(
            (outline.items.iter().map(|i| i.span.clone()))
                .chain(outline.headings.iter().map(|h| h.span.clone()))
                .chain(outline.tables.iter().map(|t| t.span.clone()))
                .chain(outline.code.iter().cloned())
                .chain(outline.comments.iter().map(|c| c.span.clone()))
                .collect(),
        );
        let first = doc.lines.line_of(section.span.end);
        let last = doc.lines.line_of(section.end.saturating_sub(1));
        for line in first..=last {
            let range = doc.lines.line_range(&doc.text, line);
            let text = doc.text[range.clone()].trim();
            if text.is_empty() || !within(range.start) || taken.contain(range.start) {
                continue;
            }
            let (when, _) = split_time(text);
            // A line with only a date (`_4/21/23_`) sets the day of the
            // rows after it.
            if time_in(when).is_some() || free_date(text).is_some() {
                lines.push((range, when.to_owned(), text.to_owned()));
            }
        }
    }
    lines.sort_by_key(|(span, _, _)| span.start);
    let mut day = day;
    let mut rows: Vec<Row> = Vec::new();
    let mut previous: Option<NaiveDateTime> = None;
    for (span, when, event) in lines {
        // `Mar 14 02:00`, `19. April, 11:00`: the year of the day before.
        let own_date = free_date(&when)
            .or_else(|| day.and_then(|d| date_in_year(&when, chrono::Datelike::year(&d))));
        if own_date.is_some() {
            day = own_date;
        }
        let Some((time, own_zone)) = time_in(&when) else {
            continue;
        };
        let Some(mut on) = day else { continue };
        // A time of day half a day before the row above crossed midnight.
        if own_date.is_none()
            && let Some(before) = previous
            && before.date() == on
            && before.time() > time
            && (before.time() - time) > chrono::Duration::hours(12)
        {
            on = on.succ_opt().unwrap_or(on);
            day = Some(on);
        }
        let offset = own_zone.or(zone);
        let local = on.and_time(time);
        previous = Some(local);
        let at = local - chrono::Duration::minutes(i64::from(offset.unwrap_or(0)));
        rows.push(Row {
            at,
            dated: own_date.is_some(),
            zoned: offset.is_some(),
            event: event.to_lowercase(),
            span,
        });
    }
    rows
}

/// A list item's leading time and the rest: `**16:58 UTC** - Writer …`.
fn split_time(text: &str) -> (&str, &str) {
    let cut = text
        .find(" - ")
        .or_else(|| text.find(" – "))
        .or_else(|| text.find(": "))
        .unwrap_or(text.len().min(24));
    let cut = (0..=cut)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    (
        &text[..cut],
        text[cut..].trim_start_matches([' ', '-', '–', ':']),
    )
}

/// Whether the row's event says one of `words`, neither negated nor
/// hedged: `not yet resolved`, `unresolved`, `wasn't restored` and
/// `appears to have recovered` do not count.
fn says(row: &Row, words: &[&str]) -> bool {
    words.iter().any(|word| {
        row.event.match_indices(word).any(|(at, _)| {
            let before = &row.event[..at];
            let near = before
                .char_indices()
                .rev()
                .nth(24)
                .map_or(before, |(i, _)| &before[i..]);
            let negated = before.ends_with("un")
                || [
                    "not ",
                    "n't ",
                    "never ",
                    "not yet ",
                    "appears to",
                    "appeared to",
                    "seems to",
                    "seemed to",
                ]
                .iter()
                .any(|no| near.contains(no));
            !negated
        })
    })
}

/// The earliest row in a known zone: where the timeline starts.
fn started_row(rows: &[Row]) -> Option<&Row> {
    rows.iter().filter(|r| r.zoned).min_by_key(|r| r.at)
}

/// The first row after the start that says the incident was noticed.
fn detected_row(rows: &[Row]) -> Option<&Row> {
    let start = started_row(rows)?.at;
    rows.iter().filter(|r| r.zoned && r.at > start).find(|r| {
        says(
            r,
            &[
                "detected", "alert", "paged", "notice", "reported", "alarm", "aware",
            ],
        )
    })
}

/// The last row after the start that says it was resolved.
fn resolved_row(rows: &[Row]) -> Option<&Row> {
    let start = started_row(rows)?.at;
    rows.iter()
        .filter(|r| r.zoned && r.at > start)
        .rev()
        .find(|r| {
            says(
                r,
                &[
                    "resolved",
                    "restored",
                    "recovered",
                    "recovers",
                    "mitigated",
                    "back to normal",
                    "returns to normal",
                    "returned to normal",
                    "back to 100%",
                    "working again",
                    "issue goes away",
                    "problem goes away",
                    "service resumes",
                    "service resumed",
                    "incident ends",
                    "incident ended",
                    "outage ends",
                    "outage ended",
                    "outage to an end",
                    "end of the outage",
                    "end of the incident",
                    "back to a functional",
                    "fully operational",
                    "functional again",
                    "operational again",
                ],
            )
        })
}

/// Whether a labelled id reads as one: letters and digits with a digit.
fn looks_like_an_id(text: &str) -> bool {
    text.len() <= 40 && text.bytes().any(|b| b.is_ascii_digit()) && !text.contains(' ')
}

/// An id in a file name: a tracker's letters then a number of three digits
/// or more (`INC-123`, `PM2024-001`, `INC-2024-0042`). A year alone is no
/// number (`DNS-2024-…`), nor are the letters of a severity, a CVE or a
/// protocol (`SEV1`, `CVE-2021-44228`, `HTTP2`).
fn id_in_name(stem: &str) -> Option<String> {
    const NOT_TRACKERS: &[&str] = &[
        "SEV", "CVE", "HTTP", "HTTPS", "EC", "TLS", "SSL", "DNS", "API", "RFC", "ISO", "UTC", "GMT",
    ];
    let numeric = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    stem.split(['_', ' ', '.'])
        .flat_map(|part| {
            let words: Vec<&str> = part.split('-').collect();
            (0..words.len()).map(move |i| (words.clone(), i))
        })
        .find_map(|(words, i)| {
            let head = words[i];
            let letters = head.bytes().take_while(u8::is_ascii_uppercase).count();
            if !(2..=6).contains(&letters) || NOT_TRACKERS.contains(&&head[..letters]) {
                return None;
            }
            let glued = &head[letters..];
            let (mut id, number) = if glued.is_empty() {
                let next = words.get(i + 1).copied().filter(|n| numeric(n))?;
                (format!("{head}-{next}"), next)
            } else if numeric(glued) {
                (head.to_owned(), glued)
            } else {
                return None;
            };
            // `INC-2024-0042`, `PM2024-001`: a year, then the number.
            let after = i + if glued.is_empty() { 2 } else { 1 };
            match words.get(after).copied().filter(|n| numeric(n)) {
                Some(next) if year(number) => id = format!("{id}-{next}"),
                _ if year(number) || number.len() < 3 => return None,
                _ => {}
            }
            Some(id)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, text: &str) -> Document {
        Document::parse(path.into(), text.to_owned())
    }

    #[test]
    fn dates_as_people_write_them() {
        for (text, want) in [
            ("2024-03-13", "2024-03-13"),
            ("July 1, 2020", "2020-07-01"),
            ("1 July 2020", "2020-07-01"),
            ("Sep 29, 2025", "2025-09-29"),
            ("September 29th, 2025", "2025-09-29"),
            (
                "PostHog Feature Flags Service Outage - September 29, 2025",
                "2025-09-29",
            ),
            ("2018-04-18, Culler flood", "2018-04-18"),
        ] {
            assert_eq!(
                free_date(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        for text in ["soon", "May we", "12 monkeys", "4/26"] {
            assert_eq!(free_date(text), None, "{text}");
        }
    }

    #[test]
    fn ids_in_file_names() {
        for (stem, want) in [
            ("INC-123-db-down", Some("INC-123")),
            ("PM2024-001", Some("PM2024-001")),
            ("INC-2024-0042-db", Some("INC-2024-0042")),
            ("2024-03-13-db-failover", None),
            ("0001-first-mortem", None),
            ("2024-03-13-SEV1-db", None),
            ("CVE-2021-44228-log4j", None),
            ("DNS-2024-outage", None),
            ("HTTP2-rollout", None),
            ("EC2-12-down", None),
        ] {
            assert_eq!(id_in_name(stem).as_deref(), want, "{stem}");
        }
    }

    #[test]
    fn labelled_fields_in_their_common_shapes() {
        let text = "# Love Lost\n\n## Date: July 1, 2020\n\n## Owner: Morty Smith\n\n- **Severity:** P1\n\n| Authors | serathius@ |\n|---|---|\n| Status  | published  |\n\nServices: api, db\n";
        let d = doc("x.md", text);
        let inferred = read(&d, Reading::default());
        assert_eq!(
            inferred.title.as_ref().map(|t| t.value.as_str()),
            Some("Love Lost")
        );
        assert_eq!(
            inferred
                .date
                .as_ref()
                .map(|t| t.value.to_string())
                .as_deref(),
            Some("2020-07-01")
        );
        let lead = inferred.lead.expect("a lead");
        assert_eq!(lead.value, "Morty Smith");
        assert_eq!(&text[lead.source.span().expect("a span")], "Morty Smith");
        assert_eq!(inferred.severity.map(|s| s.value).as_deref(), Some("P1"));
        assert_eq!(
            inferred.status.map(|s| s.value).as_deref(),
            Some("published")
        );
        assert_eq!(
            inferred.services.map(|s| s.value),
            Some(vec!["api".to_owned(), "db".to_owned()])
        );
    }

    #[test]
    fn timeline_rows_in_the_stated_zone_give_the_times() {
        let text = "# Culler flood\n\n## Timeline\n\nAll times in CEST\n\n- 12:35 - Upgrade deployed\n- 14:29 - Outage reported on Gitter\n- 15:10 - Service restored\n";
        let d = doc("2018-04-18-cull-flood.md", text);
        let inferred = read(&d, Reading::default());
        let at = |f: Option<Found<Timestamp>>| f.map(|f| f.value.as_utc_naive().to_string());
        assert_eq!(
            at(inferred.started_at).as_deref(),
            Some("2018-04-18 10:35:00")
        );
        assert_eq!(
            at(inferred.detected_at).as_deref(),
            Some("2018-04-18 12:29:00")
        );
        assert_eq!(
            at(inferred.resolved_at).as_deref(),
            Some("2018-04-18 13:10:00")
        );
    }
}
