//! Adopting a postmortem pm did not write: the facts its text states become
//! pm front matter at the top of the file, or are added to the YAML or TOML
//! front matter another tool put there (its keys and their order kept). The
//! body is kept byte for byte, and a key that is already there is never
//! touched, so adopting twice changes nothing the second time.

use crate::config::Config;
use crate::document::Document;
use crate::document::dates::{Timestamp, human_minutes};
use crate::document::facts::Fact;
use crate::document::front_matter::{Format, State};
use crate::document::inferred::{Found, Source, status_on};
use crate::document::placeholders;

/// What adopting one document does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adoption {
    /// The new text, or `None` when there is nothing to add.
    pub text: Option<String>,
    /// The keys added with a value: each with the value and where it was
    /// found.
    pub filled: Vec<Filled>,
    /// The keys added empty: nothing in the text says them.
    pub empty: Vec<&'static str>,
}

/// One key `pm adopt` filled in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Filled {
    /// The key.
    pub key: &'static str,
    /// Its value, as written into the front matter.
    pub value: String,
    /// Where it came from: `field`, `heading`, `file name`, `timeline`, or
    /// `default` (the status of a document that states none).
    pub source: &'static str,
    /// The 1-based line it was found on, when it is in the text.
    pub line: Option<usize>,
}

/// Why a document cannot be adopted, and the 1-based line that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Where the problem is, when it is on a line.
    pub line: Option<usize>,
    /// What it is.
    pub message: String,
}

/// The keys to add, as they are found.
struct Added<'d> {
    doc: &'d Document,
    keys: Vec<(&'static str, Written)>,
    filled: Vec<Filled>,
    empty: Vec<&'static str>,
}

impl Added<'_> {
    /// Adds `key` with the value found, or empty.
    fn add(&mut self, key: &'static str, found: Option<(String, Source)>) {
        match found {
            Some((value, source)) => {
                self.filled.push(Filled {
                    key,
                    value: value.clone(),
                    source: source.describe(),
                    line: self.line(&source),
                });
                self.keys.push((key, Written::Text(value)));
            }
            None => {
                self.empty.push(key);
                self.keys.push((key, Written::Empty));
            }
        }
    }

    /// The 1-based line of what was found in the text.
    fn line(&self, source: &Source) -> Option<usize> {
        source.span().map(|s| self.doc.position(s.start).line)
    }
}

/// A value to write: text, a list of names, or nothing.
enum Written {
    Text(String),
    List(Vec<String>),
    Empty,
}

/// What adopting `doc` does, with `config`'s scale and statuses; `bom`
/// says the file starts with a byte order mark (kept).
pub fn adopt(doc: &Document, bom: bool, config: &Config) -> Result<Adoption, Refused> {
    let format = match &doc.front_matter {
        State::Absent => None,
        State::Parsed(parsed) => Some(parsed.format),
        State::Unclosed { .. } => {
            return Err(Refused {
                line: Some(1),
                message: "its front matter is opened but never closed; close it first".to_owned(),
            });
        }
        State::Invalid(invalid) => {
            return Err(Refused {
                line: Some(doc.position(invalid.offset).line),
                message: format!(
                    "its front matter is not valid {}: {}; fix it first",
                    invalid.format.name(),
                    invalid.message
                ),
            });
        }
    };
    let facts = &doc.facts;
    let inferred = doc.inferred(crate::portfolio::reading(config));
    let mut added = Added {
        doc,
        keys: Vec::new(),
        filled: Vec::new(),
        empty: Vec::new(),
    };
    let text = |found: &Option<Found<String>>| {
        found
            .as_ref()
            .filter(|f| !placeholders::is_unfilled(&f.value))
            .map(|f| (f.value.clone(), f.source.clone()))
    };
    let timestamp = |found: &Option<Found<Timestamp>>| {
        found.as_ref().map(|f| (iso(&f.value), f.source.clone()))
    };
    if facts.title == Fact::Missing {
        added.add("title", text(&inferred.title));
    }
    if facts.incident_id == Fact::Missing {
        added.add("incident_id", text(&inferred.incident_id));
    }
    if facts.date == Fact::Missing {
        let date = inferred.date.as_ref();
        added.add(
            "date",
            date.map(|d| (d.value.to_string(), d.source.clone())),
        );
    }
    if facts.severity == Fact::Missing {
        let level = inferred.severity.as_ref().and_then(|f| {
            let level = config
                .severities
                .map_loose(&f.value, &config.severity_aliases)?;
            Some((level.to_owned(), f.source.clone()))
        });
        added.add("severity", level);
    }
    if facts.status == Fact::Missing {
        let stated = inferred
            .status
            .as_ref()
            .map(|f| (status_on(&f.value, &config.statuses), f.source.clone()));
        match stated {
            Some(found) => added.add("status", Some(found)),
            None => {
                let finished = finished_status(config);
                added.filled.push(Filled {
                    key: "status",
                    value: finished.clone(),
                    source: "default",
                    line: None,
                });
                added.keys.push(("status", Written::Text(finished)));
            }
        }
    }
    for (key, fact, found) in [
        ("started_at", &facts.started_at, &inferred.started_at),
        ("detected_at", &facts.detected_at, &inferred.detected_at),
        ("resolved_at", &facts.resolved_at, &inferred.resolved_at),
    ] {
        if *fact == Fact::Missing {
            added.add(key, timestamp(found));
        }
    }
    let known = |f: &Fact<Timestamp>, i: &Option<Found<Timestamp>>| {
        f.value().is_some() || (*f == Fact::Missing && i.is_some())
    };
    if facts.duration == Fact::Missing {
        // Written only where the timestamps do not already say it.
        let derived = known(&facts.started_at, &inferred.started_at)
            && known(&facts.resolved_at, &inferred.resolved_at);
        let stated = inferred
            .duration
            .as_ref()
            .filter(|_| !derived)
            .map(|d| (human_minutes(d.value), d.source.clone()));
        if stated.is_some() {
            added.add("duration", stated);
        }
    }
    if facts.lead == Fact::Missing {
        added.add("lead", text(&inferred.lead));
    }
    if facts.services == Fact::Missing {
        match &inferred.services {
            Some(found) if !found.value.is_empty() => {
                let line = added.line(&found.source);
                added.filled.push(Filled {
                    key: "services",
                    value: found.value.join(", "),
                    source: found.source.describe(),
                    line,
                });
                added
                    .keys
                    .push(("services", Written::List(found.value.clone())));
            }
            _ => {
                added.empty.push("services");
                added.keys.push(("services", Written::List(Vec::new())));
            }
        }
    }
    let Added {
        keys,
        filled,
        empty,
        ..
    } = added;
    if keys.is_empty() {
        return Ok(Adoption {
            text: None,
            filled,
            empty,
        });
    }
    let new_text = insert(doc, format, &keys);
    check(doc, &new_text, &keys)?;
    let new_text = if bom {
        format!("\u{feff}{new_text}")
    } else {
        new_text
    };
    Ok(Adoption {
        text: Some(new_text),
        filled,
        empty,
    })
}

/// Checks that `new_text` reads as `doc` with `keys` added: its front
/// matter parses, every key it had reads the same, every added key is
/// there, and the body is the same. A block pm cannot add to without
/// changing how it reads (a flow mapping, an indented one, a TOML table
/// at the end) is refused instead of written.
fn check(doc: &Document, new_text: &str, keys: &[(&'static str, Written)]) -> Result<(), Refused> {
    let refused = || Refused {
        line: Some(1),
        message: "pm cannot add keys to this front matter without changing how it reads; \
                  add them by hand (see `pm adopt --dry-run --report`)"
            .to_owned(),
    };
    let after = Document::parse(doc.path.clone(), new_text.to_owned());
    let State::Parsed(parsed) = &after.front_matter else {
        return Err(refused());
    };
    if let State::Parsed(before) = &doc.front_matter {
        let same = before.fields.iter().all(|field| {
            parsed
                .get(&field.key)
                .is_some_and(|now| now.value == field.value)
        });
        if !same {
            return Err(refused());
        }
    }
    let added = keys
        .iter()
        .all(|(key, _)| parsed.fields.iter().filter(|f| f.key == *key).count() == 1);
    // The body, after the blank line a new block is given.
    let body_kept = after.text[after.body_start..]
        .strip_suffix(&doc.text[doc.body_start..])
        .is_some_and(|gap| gap.trim().is_empty());
    if !added || !body_kept {
        return Err(refused());
    }
    Ok(())
}

/// A timestamp as pm writes one: UTC, to the second.
fn iso(t: &Timestamp) -> String {
    match t {
        Timestamp::Zoned(t) => t.naive_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Timestamp::Local(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

/// The status of a finished postmortem: the last configured one.
fn finished_status(config: &Config) -> String {
    config
        .statuses
        .last()
        .cloned()
        .unwrap_or_else(|| "final".to_owned())
}

/// `doc`'s text with `keys` added: to the end of its front matter block, or
/// in a new YAML block at the top. Line endings follow the file's.
fn insert(doc: &Document, format: Option<Format>, keys: &[(&'static str, Written)]) -> String {
    let text = &doc.text;
    let eol = doc.line_ending();
    let format = format.unwrap_or(Format::Yaml);
    let mut block = String::new();
    for (key, value) in keys {
        block.push_str(&line(format, key, value, eol));
    }
    match &doc.front_matter {
        State::Parsed(parsed) => {
            // Before the closing fence: the last line of the block; in TOML
            // before the first table (`[params]`), where keys stop being
            // top-level.
            let end = parsed.span.end;
            let closing = text[..end]
                .trim_end_matches(['\n', '\r'])
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let first_table = (format == Format::Toml)
                .then(|| {
                    let block = &text[..closing];
                    let mut at = block.find('\n').map_or(block.len(), |i| i + 1);
                    while at < block.len() {
                        let line_end = block[at..].find('\n').map_or(block.len(), |i| at + i + 1);
                        if block[at..line_end].trim_start().starts_with('[') {
                            return Some(at);
                        }
                        at = line_end;
                    }
                    None
                })
                .flatten();
            let closing = first_table.unwrap_or(closing);
            let mut out = String::with_capacity(text.len() + block.len());
            out.push_str(&text[..closing]);
            if !out.ends_with('\n') {
                out.push_str(eol);
            }
            out.push_str(&block);
            out.push_str(&text[closing..]);
            out
        }
        _ => {
            let mut out = String::with_capacity(text.len() + block.len() + 10);
            out.push_str("---");
            out.push_str(eol);
            out.push_str(&block);
            out.push_str("---");
            out.push_str(eol);
            if !text.starts_with(['\n', '\r']) {
                out.push_str(eol);
            }
            out.push_str(text);
            out
        }
    }
}

/// One `key: value` line (or `key = value` in TOML), the value quoted
/// where the language needs it.
fn line(format: Format, key: &str, value: &Written, eol: &str) -> String {
    match (format, value) {
        (Format::Yaml, Written::Empty) => format!("{key}:{eol}"),
        (Format::Toml, Written::Empty) => format!("{key} = \"\"{eol}"),
        (Format::Yaml, Written::Text(text)) => {
            format!("{key}: {}{eol}", yaml_scalar(text))
        }
        (Format::Toml, Written::Text(text)) => format!("{key} = {}{eol}", toml_string(text)),
        // An empty list reads as nothing in YAML, as pm new writes it.
        (Format::Yaml, Written::List(items)) if items.is_empty() => format!("{key}:{eol}"),
        (Format::Yaml, Written::List(items)) => {
            let mut out = format!("{key}:{eol}");
            for item in items {
                out.push_str(&format!("- {}{eol}", yaml_scalar(item)));
            }
            out
        }
        (Format::Toml, Written::List(items)) => {
            let items: Vec<String> = items.iter().map(|i| toml_string(i)).collect();
            format!("{key} = [{}]{eol}", items.join(", "))
        }
    }
}

/// `text` as a YAML scalar that reads back as the same string.
fn yaml_scalar(text: &str) -> String {
    serde_saphyr::to_string(&text)
        .map(|s| s.trim_end().to_owned())
        .unwrap_or_else(|_| toml_string(text))
}

/// `text` as a TOML (and JSON, and YAML) double-quoted string.
fn toml_string(text: &str) -> String {
    // JSON escapes every control character but DEL, which TOML forbids too.
    serde_json::to_string(text)
        .map(|quoted| quoted.replace('\u{7f}', "\\u007F"))
        .unwrap_or_else(|_| "\"\"".to_owned())
}
