//! ISO 8601 dates and timestamps as postmortems write them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

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

/// An ISO 8601 timestamp, as a point in time when it has an offset and as a
/// local time when it has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timestamp {
    /// `2026-11-22T10:00:00Z`, `2026-11-22T10:00+02:00`.
    Zoned(DateTime<FixedOffset>),
    /// `2026-11-22T10:00:00`, `2026-11-22 10:00`.
    Local(NaiveDateTime),
}

/// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`; a space may replace the `T`.
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let normalized = if text.len() > 10 && text.as_bytes()[10] == b' ' {
        format!("{}T{}", &text[..10], &text[11..])
    } else {
        text.to_owned()
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(&normalized) {
        return Some(Timestamp::Zoned(t));
    }
    for format in ["%Y-%m-%dT%H:%M%#z", "%Y-%m-%dT%H:%MZ"] {
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
        return Some(h * 60 + m);
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
        let minutes = match (iso, unit.as_str()) {
            (true, "h") => number * 60,
            (true, "m") => number,
            (true, "s") => 0,
            (false, "d" | "day" | "days") => number * 24 * 60,
            (false, "h" | "hr" | "hrs" | "hour" | "hours") => number * 60,
            (false, "m" | "min" | "mins" | "minute" | "minutes") => number,
            (false, "s" | "sec" | "secs" | "second" | "seconds") => 0,
            _ => return None,
        };
        total = total.checked_add(minutes)?;
        seen = true;
    }
    seen.then_some(total)
}

/// Minutes written the way pm writes durations: `1h 19m`, `45m`, `2d 3h 0m`.
pub fn human_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.abs();
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
}
