//! `--format sarif`: SARIF 2.1.0 with every rule in `tool.driver.rules`,
//! stable `ruleId`s, relative artifact URIs and regions, for GitHub code
//! scanning.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::lint::{FileReport, Level, registry};
use crate::output::portable_path;

/// Writes the SARIF log and a final newline.
pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = registry::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.name,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.explanation },
                "help": {
                    "text": format!("{}\n\nBad:\n{}\n\nGood:\n{}", rule.summary, rule.bad, rule.good),
                },
                "defaultConfiguration": { "level": level(rule.level) },
            })
        })
        .collect();
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            let path = portable_path(&report.path);
            // A file outside the current folder gets an absolute file URI.
            let location = if path.starts_with('/') {
                json!({ "uri": format!("file://{}", uri(&path)) })
            } else {
                json!({ "uri": uri(&path), "uriBaseId": "%SRCROOT%" })
            };
            report.findings.iter().map(move |f| {
                let index = registry::ALL
                    .iter()
                    .position(|r| r.id == f.rule.id)
                    .unwrap_or(0);
                json!({
                    "ruleId": f.rule.id,
                    "ruleIndex": index,
                    "level": level(f.level),
                    "message": { "text": format!("{} ({})", f.message, f.help) },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": {
                                "startLine": f.start.line,
                                "startColumn": f.start.column,
                                "endLine": f.end.line,
                                "endColumn": f.end.column,
                            },
                        },
                    }],
                })
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "pm",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/pm",
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
    }
}

/// A URI path: the characters a path may hold that a URI path may not are
/// percent-encoded, and so is `:` (in a first segment it would read as a
/// scheme).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_what_a_uri_cannot_hold() {
        assert_eq!(
            uri("docs/post mortems/a#1.md"),
            "docs/post%20mortems/a%231.md"
        );
        assert_eq!(uri("café.md"), "caf%C3%A9.md");
        assert_eq!(uri("c:d.md"), "c%3Ad.md");
    }
}
