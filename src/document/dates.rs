//! ISO 8601 dates and timestamps as postmortems write them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// A `YYYY-MM-DD` date (exactly that shape).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
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

#[cfg(test)]
mod tests {
    use super::*;

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
