//! The zone of times written without one: an IANA name (with its daylight
//! saving rules) or a fixed offset.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, TimeZone, Utc};

/// A time zone given by `--tz` or stated by a postmortem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// `Europe/Berlin`, `America/Los_Angeles`, `UTC`.
    Named(chrono_tz::Tz),
    /// `+02:00`, `-0800`, `Z`.
    Fixed(FixedOffset),
}

impl Zone {
    /// `text` as a zone name or an offset; `None` when it is neither.
    pub fn parse(text: &str) -> Option<Zone> {
        let text = text.trim();
        if let Ok(tz) = text.parse::<chrono_tz::Tz>() {
            return Some(Zone::Named(tz));
        }
        if text.eq_ignore_ascii_case("z") {
            return FixedOffset::east_opt(0).map(Zone::Fixed);
        }
        let (sign, rest) = match text.as_bytes().first()? {
            b'+' => (1, text.get(1..)?),
            b'-' => (-1, text.get(1..)?),
            _ => return None,
        };
        let digits: String = rest.chars().filter(|c| *c != ':').collect();
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hours: i32 = digits.get(..2)?.parse().ok()?;
        let minutes: i32 = digits.get(2..)?.parse().ok()?;
        if hours > 14 || minutes > 59 {
            return None;
        }
        FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).map(Zone::Fixed)
    }

    /// The UTC time of a wall-clock time in this zone. In the hour a clock
    /// is set back a time happens twice: the first is taken, unless it is
    /// before `previous` (the time of the line before, in a log written in
    /// order), then the second. A time in the hour skipped when a clock is
    /// set forward never happened: an error.
    pub fn to_utc(
        &self,
        local: NaiveDateTime,
        previous: Option<DateTime<Utc>>,
    ) -> Result<DateTime<Utc>, String> {
        let result = match self {
            Zone::Named(tz) => map(tz.from_local_datetime(&local)),
            Zone::Fixed(offset) => map(offset.from_local_datetime(&local)),
        };
        match result {
            LocalResult::Single(utc) => Ok(utc),
            LocalResult::Ambiguous(first, second) => Ok(match previous {
                Some(previous) if first < previous => second,
                _ => first,
            }),
            LocalResult::None => Err(format!(
                "{} does not exist in {} (the clocks skip that hour)",
                local.format("%Y-%m-%d %H:%M"),
                self.name()
            )),
        }
    }

    /// The wall-clock time of `at` in this zone.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Named(tz) => at.with_timezone(tz).naive_local(),
            Zone::Fixed(offset) => at.with_timezone(offset).naive_local(),
        }
    }

    /// UTC.
    pub fn utc() -> Zone {
        Zone::Named(chrono_tz::UTC)
    }

    /// How the zone is written.
    pub fn name(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_owned(),
            Zone::Fixed(offset) => offset.to_string(),
        }
    }
}

fn map<Tz: TimeZone>(result: LocalResult<DateTime<Tz>>) -> LocalResult<DateTime<Utc>> {
    result.map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn names_and_offsets_are_zones() {
        assert!(matches!(Zone::parse("Europe/Berlin"), Some(Zone::Named(_))));
        assert_eq!(
            Zone::parse("+02:00"),
            FixedOffset::east_opt(7200).map(Zone::Fixed)
        );
        assert_eq!(
            Zone::parse("-0800"),
            FixedOffset::west_opt(28800).map(Zone::Fixed)
        );
        assert_eq!(Zone::parse("PST-ish"), None);
        assert_eq!(Zone::parse("+25:00"), None);
    }

    #[test]
    fn daylight_saving_is_followed_and_the_repeated_hour_read_in_order() {
        let la = Zone::parse("America/Los_Angeles").unwrap();
        // 2026-11-01 01:30 happens twice in Los Angeles (PDT, then PST).
        let first = la.to_utc(at("2026-11-01 01:30"), None).unwrap();
        assert_eq!(first.to_rfc3339(), "2026-11-01T08:30:00+00:00");
        let after = la
            .to_utc(
                at("2026-11-01 01:30"),
                Some(first + chrono::Duration::minutes(40)),
            )
            .unwrap();
        assert_eq!(after.to_rfc3339(), "2026-11-01T09:30:00+00:00");
        // 2026-03-08 02:30 never happens there.
        assert!(la.to_utc(at("2026-03-08 02:30"), None).is_err());
        let day = NaiveDate::from_ymd_opt(2026, 7, 1)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(
            la.to_utc(day, None).unwrap().to_rfc3339(),
            "2026-07-01T19:00:00+00:00"
        );
    }
}
