//! ISO 8601 dates and timestamps as postmortems write them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// A `YYYY-MM-DD` date (exactly that shape). Checked byte by byte: it is
/// tried at many positions of action items and timelines.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(&b[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&b[5..7])?, number(&b[8..10])?)
}

/// The day of a `date` value: a `YYYY-MM-DD` date, or the day an ISO 8601
/// timestamp falls on where it was written (`2024-03-13T23:30:00-07:00` is
/// the 13th), as Hugo and Jekyll write `date`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    parse_date(text).or_else(|| Some(parse_timestamp(text)?.day()))
}

/// An ISO 8601 timestamp, as a point in time when it has an offset and as a
/// local time when it has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timestamp {
    /// `2026-11-22T10:00:00Z`, `2026-11-22T10:00+02:00`.
    Zoned(DateTime<FixedOffset>),
    /// `2026-11-22T10:00:00`, `2026-11-22 10:00`.
    Local(NaiveDateTime),
}

/// Two ASCII digits as a number.
fn two_digits(b: &[u8]) -> Option<u32> {
    match b {
        [t, u] if t.is_ascii_digit() && u.is_ascii_digit() => {
            Some(u32::from(t - b'0') * 10 + u32::from(u - b'0'))
        }
        _ => None,
    }
}

/// `HH:MM` or `HH:MM:SS`, exactly, byte by byte.
fn parse_time_fast(text: &str) -> Option<NaiveTime> {
    let b = text.as_bytes();
    match b.len() {
        5 if b[2] == b':' => NaiveTime::from_hms_opt(two_digits(&b[..2])?, two_digits(&b[3..])?, 0),
        8 if b[2] == b':' && b[5] == b':' => NaiveTime::from_hms_opt(
            two_digits(&b[..2])?,
            two_digits(&b[3..5])?,
            two_digits(&b[6..])?,
        ),
        _ => None,
    }
}

/// A time of day, `HH:MM` or `HH:MM:SS`, with an optional `Z`.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim_start().trim_end_matches(['Z', 'z']);
    let b = text.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // The common shapes byte by byte; the rest (one-digit hours, leap
    // seconds) as chrono reads them.
    parse_time_fast(text).or_else(|| {
        NaiveTime::parse_from_str(text, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
            .ok()
    })
}

/// `YYYY-MM-DDTHH:MM:SSZ`, what pm new and most tools write, byte by byte.
fn parse_utc_seconds(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    if b.len() != 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'Z' {
        return None;
    }
    let date = parse_date(&text[..10])?;
    let time = NaiveTime::from_hms_opt(
        two_digits(&b[11..13])?,
        two_digits(&b[14..16])?,
        two_digits(&b[17..19])?,
    )?;
    Some(Timestamp::Zoned(
        date.and_time(time).and_utc().fixed_offset(),
    ))
}

/// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`; a space may replace the `T`.
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    // Every shape starts with a date; most texts tried (times of day in
    // timelines) have none.
    if !text.contains('-') {
        return None;
    }
    if let Some(timestamp) = parse_utc_seconds(text) {
        return Some(timestamp);
    }
    // `YYYY-MM-DD HH:MM[:SS]` (or with a `T`), with no zone: a timeline's
    // rows, byte by byte.
    let b = text.as_bytes();
    if matches!(b.len(), 16 | 19) && matches!(b[10], b'T' | b' ') {
        let date = parse_date(&text[..10]);
        let time = text
            .get(11..)
            .filter(|t| t.len() != 8 || t.as_bytes()[5] == b':');
        if let (Some(date), Some(time)) = (date, time.and_then(parse_time_fast)) {
            return Some(Timestamp::Local(date.and_time(time)));
        }
    }
    let normalized = if text.len() > 10 && text.as_bytes()[10] == b' ' {
        format!("{}T{}", &text[..10], &text[11..])
    } else {
        text.to_owned()
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(&normalized) {
        return Some(Timestamp::Zoned(t));
    }
    // `%#z` takes `+02`, `+0200` and `+02:00`; Jekyll writes a space before
    // the offset (`2024-03-13 10:00:00 -0700`).
    for format in [
        "%Y-%m-%dT%H:%M%#z",
        "%Y-%m-%dT%H:%MZ",
        "%Y-%m-%dT%H:%M:%S %z",
        "%Y-%m-%dT%H:%M %z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(&normalized, format) {
            return Some(Timestamp::Zoned(t));
        }
    }
    if let Some(utc) = normalized.strip_suffix('Z')
        && let Ok(t) = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M")
    {
        return Some(Timestamp::Zoned(t.and_utc().fixed_offset()));
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&normalized, format) {
            return Some(Timestamp::Local(t));
        }
    }
    None
}

impl Timestamp {
    /// Minutes from `self` to `later` (negative when `later` is earlier).
    /// A local time is compared with a zoned one as if it were UTC.
    pub fn minutes_until(&self, later: &Timestamp) -> i64 {
        (later.as_utc_naive() - self.as_utc_naive()).num_minutes()
    }

    /// The day it falls on where it was written (in its own offset).
    pub fn day(&self) -> NaiveDate {
        match self {
            Timestamp::Zoned(t) => t.date_naive(),
            Timestamp::Local(t) => t.date(),
        }
    }

    /// The timestamp as a UTC wall-clock time.
    pub fn as_utc_naive(&self) -> NaiveDateTime {
        match self {
            Timestamp::Zoned(t) => t.naive_utc(),
            Timestamp::Local(t) => *t,
        }
    }
}

/// A duration in whole minutes, from the ways postmortems write one:
/// `1h 19m`, `79m`, `79 min`, `1 hour 19 minutes`, `2 hours`, `1d 2h`,
/// `1:19` (hours:minutes) and ISO 8601 `PT1H19M`. Seconds are dropped.
pub fn parse_duration(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(iso) = text.strip_prefix("PT").or_else(|| text.strip_prefix("pt")) {
        return parse_units(iso, true);
    }
    if let Some((h, m)) = text.split_once(':')
        && let (Ok(h), Ok(m)) = (h.trim().parse::<i64>(), m.trim().parse::<i64>())
        && (0..60).contains(&m)
    {
        return h.checked_mul(60)?.checked_add(m);
    }
    parse_units(text, false)
}

/// Numbers each followed by a unit; `iso` takes the single letters of
/// ISO 8601 (H, M, S) only.
fn parse_units(text: &str, iso: bool) -> Option<i64> {
    let mut total = 0i64;
    let mut seen = false;
    let mut rest = text.trim();
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let number: i64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = rest[..unit_len].to_ascii_lowercase();
        rest = rest[unit_len..].trim_start_matches([' ', ',']).trim_start();
        if let Some(after_and) = rest.strip_prefix("and ") {
            rest = after_and.trim_start();
        }
        let per_unit = match (iso, unit.as_str()) {
            (true, "h") => 60,
            (true, "m") => 1,
            (true, "s") => 0,
            (false, "d" | "day" | "days") => 24 * 60,
            (false, "h" | "hr" | "hrs" | "hour" | "hours") => 60,
            (false, "m" | "min" | "mins" | "minute" | "minutes") => 1,
            (false, "s" | "sec" | "secs" | "second" | "seconds") => 0,
            _ => return None,
        };
        // A number from a file: too large a duration is no duration.
        let minutes = number.checked_mul(per_unit)?;
        total = total.checked_add(minutes)?;
        seen = true;
    }
    seen.then_some(total)
}

/// Minutes east of UTC of a zone as postmortems write one: an
/// abbreviation (`UTC`, `CEST`, `PDT`) or an offset (`+02:00`, `-0700`,
/// `UTC+2`).
pub fn zone_offset(word: &str) -> Option<i32> {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '+' && c != '-');
    let upper = word.to_ascii_uppercase();
    let signed = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper);
    if let Some(sign) = signed.chars().next().filter(|c| *c == '+' || *c == '-') {
        let digits: String = signed[1..].chars().filter(char::is_ascii_digit).collect();
        let (hours, minutes) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().ok()?, 0),
            4 => (
                digits[..2].parse::<i32>().ok()?,
                digits[2..].parse::<i32>().ok()?,
            ),
            _ => return None,
        };
        if hours > 14 || minutes > 59 {
            return None;
        }
        let total = hours * 60 + minutes;
        return Some(if sign == '-' { -total } else { total });
    }
    let hours = match word.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" | "Z" | "UTC+0" | "UTC+00:00" => 0,
        "CET" | "BST" | "WAT" => 1,
        "CEST" | "EET" | "SAST" => 2,
        "EEST" | "MSK" => 3,
        "IST" => return Some(5 * 60 + 30),
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        "EST" => -5,
        "EDT" | "AST" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        _ => return None,
    };
    Some(hours * 60)
}

/// The months' names, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// How a document writes a date in numbers only: `4/21/23` is the 21st of
/// April with [`DateOrder::Mdy`], meaningless with [`DateOrder::Dmy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Month, day, year (`4/21/23`, `10/22/2022`), as in the US.
    Mdy,
    /// Day, month, year (`21/4/23`, `22.10.2022`).
    Dmy,
}

/// The first date written in numbers in `text` (`4/21/23`, `21.4.2023`),
/// read in `order`; two-digit years are 20xx.
pub fn numeric_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let is_mark = |c: char| c == '/' || c == '.';
    text.split(|c: char| !(c.is_ascii_digit() || is_mark(c)))
        .filter(|w| w.contains(is_mark))
        .find_map(|word| {
            let parts: Vec<&str> = word.trim_matches(is_mark).split(is_mark).collect();
            let [a, b, y] = parts[..] else {
                return None;
            };
            let (m, d) = match order {
                DateOrder::Mdy => (a, b),
                DateOrder::Dmy => (b, a),
            };
            let year: i32 = match y.len() {
                2 => 2000 + y.parse::<i32>().ok()?,
                4 => y.parse().ok()?,
                _ => return None,
            };
            NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
        })
}

/// Minutes written the way pm writes durations: `1h 19m`, `45m`, `2d 3h 0m`.
pub fn human_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.unsigned_abs();
    let (days, hours, mins) = (m / 1440, (m % 1440) / 60, m % 60);
    match (days, hours) {
        (0, 0) => format!("{sign}{mins}m"),
        (0, _) => format!("{sign}{hours}h {mins}m"),
        _ => format!("{sign}{days}d {hours}h {mins}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_read_like_durations() {
        assert_eq!(human_minutes(79), "1h 19m");
        assert_eq!(human_minutes(45), "45m");
        assert_eq!(human_minutes(1500), "1d 1h 0m");
        assert_eq!(human_minutes(-5), "-5m");
    }

    #[test]
    fn durations_in_every_common_spelling() {
        for (text, minutes) in [
            ("1h 19m", 79),
            ("79m", 79),
            ("79 min", 79),
            ("1 hour 19 minutes", 79),
            ("1 hour, 19 minutes", 79),
            ("1 hour and 19 minutes", 79),
            ("PT1H19M", 79),
            ("PT45M", 45),
            ("PT2H", 120),
            ("2 hours", 120),
            ("1d 2h", 26 * 60),
            ("1:19", 79),
            ("45m 30s", 45),
        ] {
            assert_eq!(parse_duration(text), Some(minutes), "{text}");
        }
        for bad in ["", "about an hour", "1h 19", "PT1X", "{DURATION}", "h"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(parse_date("2026-11-22").is_some());
        for bad in ["2026-13-01", "22/11/2026", "2026-1-01", "{DATE}", ""] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn timestamps_take_the_common_iso_shapes() {
        for good in [
            "2026-11-22T10:00:00Z",
            "2026-11-22T10:00:00.5+02:00",
            "2026-11-22T10:00Z",
            "2026-11-22T10:00+01:00",
            "2026-11-22 10:00:00Z",
            "2026-11-22T10:00:00",
            "2026-11-22 10:00",
        ] {
            assert!(parse_timestamp(good).is_some(), "{good}");
        }
        for bad in ["2026-11-22", "10:00", "2026-11-22T25:00Z", "yesterday"] {
            assert!(parse_timestamp(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn times_of_day_read_as_chrono_reads_them() {
        let chrono_reads = |text: &str| {
            let text = text.trim_end_matches(['Z', 'z']);
            NaiveTime::parse_from_str(text, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
                .ok()
        };
        for text in [
            "14:02",
            "14:02Z",
            "00:00",
            "23:59",
            "24:00",
            "14:60",
            "9:05",
            "14:02:30",
            "23:59:60",
            "14:02:61",
            "1a:00",
            "HH:MM",
            "14-02",
            "14:02:3",
            "",
            "Z",
            "+1:30",
            " 14:02",
            "\t14:02:30",
            "14: 02",
        ] {
            assert_eq!(parse_time(text), chrono_reads(text), "{text:?}");
        }
    }

    #[test]
    fn utc_timestamps_read_as_rfc3339_reads_them() {
        for text in [
            "2026-11-22T10:00:00Z",
            "2026-02-29T10:00:00Z",
            "2024-02-29T23:59:59Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T23:59:60Z",
            "2026-13-01T00:00:00Z",
            "2026-11-22T10:0a:00Z",
        ] {
            let expected = DateTime::parse_from_rfc3339(text)
                .ok()
                .map(Timestamp::Zoned);
            assert_eq!(parse_timestamp(text), expected, "{text:?}");
        }
        assert_eq!(parse_timestamp("14:02"), None);
    }
}
