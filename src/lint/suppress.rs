//! Suppression comments in a document:
//!
//! - `<!-- pm-lint-disable PM201 -->` … `<!-- pm-lint-enable PM201 -->`
//! - `<!-- pm-lint-disable-next-line PM201 -->`
//! - `<!-- pm-lint-disable-file PM201 -->`
//!
//! Rules are named by id or name, separated by spaces or commas; none means
//! every rule.

use std::collections::BTreeSet;

use crate::document::Document;
use crate::lint::registry;

/// Which rules are off at some point of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Off {
    /// Every rule is off, except `except`.
    all: bool,
    except: BTreeSet<&'static str>,
    /// With `all` false: these rules are off.
    only: BTreeSet<&'static str>,
}

impl Off {
    fn covers(&self, id: &str) -> bool {
        if self.all {
            !self.except.contains(id)
        } else {
            self.only.contains(id)
        }
    }

    fn disable(&mut self, ids: &[&'static str]) {
        if ids.is_empty() {
            *self = Off {
                all: true,
                ..Off::default()
            };
        } else if self.all {
            ids.iter().for_each(|id| {
                self.except.remove(id);
            });
        } else {
            self.only.extend(ids);
        }
    }

    fn enable(&mut self, ids: &[&'static str]) {
        if ids.is_empty() {
            *self = Off::default();
        } else if self.all {
            self.except.extend(ids);
        } else {
            ids.iter().for_each(|id| {
                self.only.remove(id);
            });
        }
    }
}

/// The suppressions of one document.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    file: Off,
    /// (first 1-based line, state from there on), in line order.
    ranges: Vec<(usize, Off)>,
    /// Rules off on one 1-based line only.
    lines: std::collections::HashMap<usize, Off>,
}

impl Suppressions {
    /// Reads the directives in `doc`'s HTML comments.
    pub fn of(doc: &Document) -> Self {
        let mut result = Suppressions::default();
        let mut current = Off::default();
        for comment in &doc.outline.comments {
            let Some((verb, rest)) = directive(comment.text(&doc.text)) else {
                continue;
            };
            let ids = rule_ids(rest);
            // A list that names no known rule (a typo) must not widen to
            // "every rule".
            if ids.is_empty() && !rest.trim().is_empty() {
                continue;
            }
            let line = doc.position(comment.span.start).line;
            match verb {
                "disable-file" => result.file.disable(&ids),
                "disable-next-line" => {
                    let end_line = doc.position(comment.span.end.saturating_sub(1)).line;
                    result
                        .lines
                        .entry(next_content_line(doc, end_line))
                        .or_default()
                        .disable(&ids);
                }
                "disable" => {
                    current.disable(&ids);
                    result.ranges.push((line, current.clone()));
                }
                "enable" => {
                    current.enable(&ids);
                    result.ranges.push((line, current.clone()));
                }
                _ => {}
            }
        }
        result
    }

    /// Whether rule `id` is suppressed on 1-based `line`.
    pub fn suppresses(&self, id: &str, line: usize) -> bool {
        if self.file.covers(id) {
            return true;
        }
        if self.lines.get(&line).is_some_and(|off| off.covers(id)) {
            return true;
        }
        let at = self.ranges.partition_point(|(start, _)| *start <= line);
        at > 0 && self.ranges[at - 1].1.covers(id)
    }
}

fn directive(text: &str) -> Option<(&str, &str)> {
    let rest = text.trim().strip_prefix("pm-lint-")?;
    let verb_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((&rest[..verb_end], &rest[verb_end..]))
}

fn rule_ids(list: &str) -> Vec<&'static str> {
    list.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .filter_map(|word| registry::find(word).map(|rule| rule.id))
        .collect()
}

/// The first non-blank 1-based line after `line`.
fn next_content_line(doc: &Document, line: usize) -> usize {
    (line..doc.lines.line_count())
        .find(|&l| {
            !doc.text[doc.lines.line_range(&doc.text, l)]
                .trim()
                .is_empty()
        })
        .map_or(line + 1, |l| l + 1)
}
