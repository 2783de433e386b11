//! `--format sarif`: SARIF 2.1.0 with every rule in `tool.driver.rules`,
//! stable `ruleId`s, relative artifact URIs and regions, for GitHub code
//! scanning.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::Serializer;

use crate::lint::{FileReport, Finding, Rule, registry};
use crate::output::{Note, portable_path_bytes};

/// `--format sarif`.
pub const FORMAT: super::Spec = super::Spec {
    name: "sarif",
    help: "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers",
    writer: super::Writer::Document(write),
};

/// Writes the SARIF log and a final newline. The results are serialized
/// straight from the reports, one at a time.
pub fn write(reports: &[FileReport], notes: &[Note], out: &mut dyn Write) -> io::Result<()> {
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "pm",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://crates.io/crates/pm",
                    rules: Rules,
                },
            },
            invocations: [Invocation {
                execution_successful: !notes.iter().any(|n| n.error),
                tool_execution_notifications: notes
                    .iter()
                    .map(|note| Notification {
                        level: note.level(),
                        message: Text {
                            text: note.message.clone(),
                        },
                        locations: note
                            .path
                            .iter()
                            .map(|path| NotificationLocation {
                                physical_location: NotificationPlace {
                                    artifact_location: NotificationArtifact {
                                        uri: uri(&portable_path_bytes(path)),
                                    },
                                },
                            })
                            .collect(),
                    })
                    .collect(),
            }],
            column_kind: "unicodeCodePoints",
            results: Results { reports },
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

// The SARIF objects pm writes, fields in the order they are written.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    column_kind: &'static str,
    results: Results<'a>,
}

/// The run itself: whether it could do all it was asked, and what it said
/// besides the results (paths skipped or not found).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<NotificationLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: NotificationPlace,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationPlace {
    artifact_location: NotificationArtifact,
}

#[derive(Serialize)]
struct NotificationArtifact {
    uri: String,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Rules,
}

/// Every rule pm has, in registry order (`ruleIndex` points into it).
struct Rules;

impl Serialize for Rules {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(registry::ALL.iter().map(|rule| RuleDescriptor::of(rule)))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text<&'static str>,
    full_description: Text<&'static str>,
    help: Text<String>,
    default_configuration: Configuration,
}

impl RuleDescriptor {
    fn of(rule: &'static Rule) -> Self {
        RuleDescriptor {
            id: rule.id,
            name: rule.name,
            short_description: Text { text: rule.summary },
            full_description: Text {
                text: rule.explanation,
            },
            help: Text {
                text: format!(
                    "{}\n\nBad:\n{}\n\nGood:\n{}",
                    rule.summary, rule.bad, rule.good
                ),
            },
            default_configuration: Configuration {
                level: rule.level.as_str(),
            },
        }
    }
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// The findings of every report, in report order.
struct Results<'a> {
    reports: &'a [FileReport],
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.reports.iter().flat_map(|report| {
            let artifact = ArtifactLocation::of(report);
            report
                .findings
                .iter()
                .map(move |finding| SarifResult::of(finding, artifact.clone()))
        }))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<String>,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

/// A fix, as SARIF's `fixes`: the replacements in the result's file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text<String>,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text<String>,
}

impl SarifResult {
    fn of(f: &Finding, artifact: ArtifactLocation) -> Self {
        let fixes = f
            .fix
            .iter()
            .map(|fix| SarifFix {
                description: Text {
                    text: format!("{} ({})", fix.message, fix.applicability.as_str()),
                },
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact.clone(),
                    replacements: fix
                        .edits
                        .iter()
                        .zip(&fix.positions)
                        .map(|(edit, (start, end))| Replacement {
                            deleted_region: Region {
                                start_line: start.line,
                                start_column: start.column,
                                end_line: end.line,
                                end_column: end.column,
                            },
                            inserted_content: Text {
                                text: edit.text.clone(),
                            },
                        })
                        .collect(),
                }],
            })
            .collect();
        SarifResult {
            fixes,
            rule_id: f.rule.id,
            rule_index: registry::index_of(f.rule),
            level: f.level.as_str(),
            message: Text {
                text: format!("{} ({})", f.message, f.help),
            },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: artifact,
                    region: Region {
                        start_line: f.start.line,
                        start_column: f.start.column,
                        end_line: f.end.line,
                        end_column: f.end.column,
                    },
                },
            }],
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

impl ArtifactLocation {
    /// A file below the current folder is relative to `%SRCROOT%`; one
    /// outside it gets an absolute file URI.
    fn of(report: &FileReport) -> Self {
        // From the name's bytes: one that is not UTF-8 stays exact.
        let path = portable_path_bytes(&report.path);
        if path.starts_with(b"/") {
            ArtifactLocation {
                uri: format!("file://{}", uri(&path)),
                uri_base_id: None,
            }
        } else {
            ArtifactLocation {
                uri: uri(&path),
                uri_base_id: Some("%SRCROOT%"),
            }
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// A URI path: the characters a path may hold that a URI path may not are
/// percent-encoded, and so is `:` (in a first segment it would read as a
/// scheme).
fn uri(path: &[u8]) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};
    /// What a URI path holds as it is: unreserved characters, sub-delims,
    /// `/` and `@` (RFC 3986), but not `:`.
    const KEPT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/')
        .remove(b'!')
        .remove(b'$')
        .remove(b'&')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')')
        .remove(b'*')
        .remove(b'+')
        .remove(b',')
        .remove(b';')
        .remove(b'=')
        .remove(b'@');
    percent_encoding::percent_encode(path, KEPT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_what_a_uri_cannot_hold() {
        assert_eq!(
            uri(b"docs/post mortems/a#1.md"),
            "docs/post%20mortems/a%231.md"
        );
        assert_eq!(uri("café.md".as_bytes()), "caf%C3%A9.md");
        assert_eq!(uri(b"c:d.md"), "c%3Ad.md");
        assert_eq!(uri(b"caf\xe9.md"), "caf%E9.md");
    }
}
