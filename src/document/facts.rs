//! The facts a postmortem states about itself in its front matter, typed and
//! with their spans, read once per document. Rules, lists, stats and `pm new`
//! read these; only the front matter reader looks at keys.

use std::ops::Range;

use chrono::NaiveDate;

use super::dates::{self, Timestamp};
use super::front_matter::{Field, State, Value};

/// What a document states for one fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact<T> {
    /// The key is not there, or there is no front matter to hold it.
    Missing,
    /// The key is there with no value: null, blank, or an empty list.
    Empty {
        /// Where the key is.
        key: Range<usize>,
    },
    /// A value the fact does not take: a list for a title, a date pm cannot
    /// read.
    Invalid {
        /// Where the key is.
        key: Range<usize>,
        /// Where the value is.
        span: Range<usize>,
        /// The value as the front matter holds it.
        written: Value,
    },
    /// The value, read.
    Valid {
        /// Where the key is.
        key: Range<usize>,
        /// Where the value is.
        span: Range<usize>,
        /// What it says.
        value: T,
    },
}

/// Why a fact has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absence {
    /// No such key.
    Missing,
    /// The key, with nothing after it; its span.
    Empty(Range<usize>),
}

impl<T> Fact<T> {
    /// The value, when it is valid.
    pub fn value(&self) -> Option<&T> {
        match self {
            Fact::Valid { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The value and where it is, when it is valid.
    pub fn spanned(&self) -> Option<(&T, Range<usize>)> {
        match self {
            Fact::Valid { value, span, .. } => Some((value, span.clone())),
            _ => None,
        }
    }

    /// Why there is no value at all; `None` when something is written,
    /// valid or not.
    pub fn absence(&self) -> Option<Absence> {
        match self {
            Fact::Missing => Some(Absence::Missing),
            Fact::Empty { key } => Some(Absence::Empty(key.clone())),
            Fact::Invalid { .. } | Fact::Valid { .. } => None,
        }
    }

    /// Reads `field` with `read`: `None` from it makes the fact invalid.
    fn of(field: Option<&Field>, read: impl FnOnce(&Value) -> Option<T>) -> Fact<T> {
        let Some(field) = field else {
            return Fact::Missing;
        };
        let key = field.key_span.clone();
        if field.value.is_empty() {
            return Fact::Empty { key };
        }
        let span = field.value_span.clone();
        match read(&field.value) {
            Some(value) => Fact::Valid { key, span, value },
            None => Fact::Invalid {
                key,
                span,
                written: field.value.clone(),
            },
        }
    }
}

impl Fact<String> {
    /// The text, trimmed, when it is valid.
    pub fn text(&self) -> Option<&str> {
        self.value().map(|text| text.trim())
    }
}

/// A value and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Its bytes in the file.
    pub span: Range<usize>,
}

/// A `duration` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    /// How many minutes it says.
    pub minutes: i64,
    /// How it is written.
    pub text: String,
}

/// The facts of one postmortem's front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// `title`.
    pub title: Fact<String>,
    /// `incident_id`.
    pub incident_id: Fact<String>,
    /// `date`: a day, or the day of a timestamp (as Hugo and Jekyll write it).
    pub date: Fact<NaiveDate>,
    /// `severity`, as written (the configured scale decides if it is known).
    pub severity: Fact<String>,
    /// `status`, as written.
    pub status: Fact<String>,
    /// `started_at`.
    pub started_at: Fact<Timestamp>,
    /// `detected_at`.
    pub detected_at: Fact<Timestamp>,
    /// `resolved_at`.
    pub resolved_at: Fact<Timestamp>,
    /// `duration`.
    pub duration: Fact<Duration>,
    /// `reviewed_at`: the day the postmortem was reviewed (a day, or the
    /// day of a timestamp).
    pub reviewed_at: Fact<NaiveDate>,
    /// `published_at`: the day it was published, as some teams write it.
    pub published_at: Fact<NaiveDate>,
    /// `lead`.
    pub lead: Fact<String>,
    /// `services`: a list, or one text of names separated by commas.
    pub services: Fact<Vec<Spanned<String>>>,
    /// `template`: the template `pm new` wrote the document from.
    pub template: Fact<String>,
}

impl Facts {
    /// The facts of a front matter; `text` is the file it was read from
    /// (for the spans of names within one text).
    pub fn read(text: &str, front_matter: &State) -> Facts {
        let get = |key: &str| match front_matter {
            State::Parsed(parsed) => parsed.get(key),
            _ => None,
        };
        let text_of = |key: &str| Fact::of(get(key), Value::as_text);
        let timestamp = |key: &str| {
            Fact::of(get(key), |v| {
                v.as_text().and_then(|t| dates::parse_timestamp(&t))
            })
        };
        let day =
            |key: &str| Fact::of(get(key), |v| v.as_text().and_then(|t| dates::parse_day(&t)));
        Facts {
            title: text_of("title"),
            incident_id: text_of("incident_id"),
            date: day("date"),
            severity: text_of("severity"),
            status: text_of("status"),
            started_at: timestamp("started_at"),
            detected_at: timestamp("detected_at"),
            resolved_at: timestamp("resolved_at"),
            duration: Fact::of(get("duration"), |v| {
                let text = v.as_text()?;
                let minutes = dates::parse_duration(&text)?;
                Some(Duration { minutes, text })
            }),
            reviewed_at: day("reviewed_at"),
            published_at: day("published_at"),
            lead: text_of("lead"),
            services: Fact::of(get("services"), |v| services(text, v, get("services"))),
            template: text_of("template"),
        }
    }

    /// The day the postmortem was finished: `reviewed_at`, else
    /// `published_at`, with the key it came from.
    pub fn finished(&self) -> Option<(&'static str, NaiveDate)> {
        [
            ("reviewed_at", &self.reviewed_at),
            ("published_at", &self.published_at),
        ]
        .into_iter()
        .find_map(|(key, fact)| fact.value().map(|day| (key, *day)))
    }

    /// The incident id a file's text states in its front matter, trimmed:
    /// for reading many files when only their ids matter.
    pub fn incident_id_of(text: &str) -> Option<String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let front_matter = super::front_matter::parse(text);
        let State::Parsed(parsed) = &front_matter else {
            return None;
        };
        let fact = Fact::of(parsed.get("incident_id"), Value::as_text);
        fact.text().map(str::to_owned)
    }
}

/// The names of a `services` value: each item of a list, or each part of
/// a text between commas (`api, db`), trimmed, with their spans. `None` when
/// an item is not a name (a nested list or mapping).
fn services(text: &str, value: &Value, field: Option<&Field>) -> Option<Vec<Spanned<String>>> {
    match value {
        Value::List(items) => items
            .iter()
            .filter(|item| !item.value.is_empty())
            .map(|item| {
                Some(Spanned {
                    value: item.value.as_text()?.trim().to_owned(),
                    span: item.span.clone(),
                })
            })
            .collect(),
        value => {
            let whole = value.as_text()?;
            let span = field?.value_span.clone();
            // Spans within the text only where the file writes it as it
            // reads (not quoted, no escapes); else each name spans it all.
            let exact = text.get(span.clone()) == Some(whole.as_str());
            let mut names = Vec::new();
            let mut at = 0;
            for part in whole.split(',') {
                let start = at + (part.len() - part.trim_start().len());
                let name = part.trim();
                at += part.len() + 1;
                if name.is_empty() {
                    continue;
                }
                let span = if exact {
                    span.start + start..span.start + start + name.len()
                } else {
                    span.clone()
                };
                names.push(Spanned {
                    value: name.to_owned(),
                    span,
                });
            }
            Some(names)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::front_matter::parse;

    fn facts(text: &str) -> Facts {
        Facts::read(text, &parse(text))
    }

    #[test]
    fn each_fact_is_missing_empty_invalid_or_valid() {
        let text = "---\ntitle: DB down\nseverity:\ndate: 22/11/2026\nstatus: [a]\nstarted_at: 2026-11-22T10:00:00Z\nduration: 1h 19m\n---\n";
        let f = facts(text);
        assert_eq!(f.title.text(), Some("DB down"));
        assert_eq!(f.incident_id, Fact::Missing);
        assert!(matches!(f.severity, Fact::Empty { .. }));
        let Fact::Invalid { span, .. } = &f.date else {
            panic!("{:?}", f.date);
        };
        assert_eq!(&text[span.clone()], "22/11/2026");
        assert!(matches!(f.status, Fact::Invalid { .. }));
        assert!(f.started_at.value().is_some());
        assert_eq!(f.duration.value().map(|d| d.minutes), Some(79));
        assert_eq!(facts("# no front matter\n").title, Fact::Missing);
    }

    #[test]
    fn services_are_spanned_names() {
        for text in [
            "---\nservices:\n  - api\n  - db\n---\n",
            "---\nservices: [api, db]\n---\n",
            "---\nservices: api, db\n---\n",
        ] {
            let f = facts(text);
            let names: Vec<&str> = f
                .services
                .value()
                .unwrap_or_else(|| panic!("{text:?}: {:?}", f.services))
                .iter()
                .map(|s| &text[s.span.clone()])
                .collect();
            assert_eq!(names, ["api", "db"], "{text:?}");
        }
    }

    #[test]
    fn an_id_is_read_from_text_alone() {
        assert_eq!(
            Facts::incident_id_of("\u{feff}---\nincident_id: \" INC-7 \"\n---\n").as_deref(),
            Some("INC-7")
        );
        assert_eq!(Facts::incident_id_of("---\nincident_id:\n---\n"), None);
    }
}
