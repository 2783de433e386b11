//! `--format junit`: JUnit XML for CI test reports. One test suite per file;
//! each error is a failed test case, each warning a passing one with the
//! warning in its output, and a clean file one passing test case.

use std::io::{self, Write};

use quick_xml::escape::escape;

use crate::lint::{FileReport, Level};
use crate::output::{Summary, portable_path};

/// Escapes an attribute value; line breaks and tabs become character
/// references, which XML parsers would otherwise fold into spaces.
fn escape_attribute(text: &str) -> String {
    escape(xml_chars(text).as_ref())
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

/// Text XML 1.0 can hold: the control characters it forbids (even as
/// character references: ESC, vertical tab, NUL…) are written as visible
/// escapes (`\x1b`); tabs and line breaks stay.
fn xml_chars(text: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if !text.chars().any(forbidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if forbidden(c) {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`escape`] of text XML 1.0 can hold.
fn escape_text(text: &str) -> String {
    escape(xml_chars(text).as_ref()).into_owned()
}

/// `--format junit`.
pub const FORMAT: super::Spec = super::Spec {
    name: "junit",
    help: "JUnit XML, one test suite per file, for CI test reports",
    writer: super::Writer::Document(|reports, _notes, out| write(reports, out)),
};

/// Writes the XML document.
pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let summary = Summary::of(reports);
    let tests: usize = reports.iter().map(|r| r.findings.len().max(1)).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="pm lint" tests="{tests}" failures="{}" errors="0">"#,
        summary.errors
    )?;
    for report in reports {
        let path = portable_path(&report.path);
        let name = escape_attribute(path.as_str());
        let failures = report
            .findings
            .iter()
            .filter(|f| f.level == Level::Error)
            .count();
        writeln!(
            out,
            r#"  <testsuite name="{name}" tests="{}" failures="{failures}" errors="0">"#,
            report.findings.len().max(1)
        )?;
        if report.findings.is_empty() {
            writeln!(out, r#"    <testcase name="pm lint" classname="{name}"/>"#)?;
        }
        for f in &report.findings {
            let case = format!("{} {}:{}", f.rule.id, f.start.line, f.start.column);
            let text = format!(
                "{path}:{}:{}: {} [{}] {}\nhelp: {}",
                f.start.line, f.start.column, f.rule.id, f.level, f.message, f.help
            );
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{name}">"#,
                escape_text(case.as_str())
            )?;
            match f.level {
                Level::Error => writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{}</failure>"#,
                    f.rule.id,
                    escape_attribute(&f.message),
                    escape_text(text.as_str())
                )?,
                Level::Warning => writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    escape_text(text.as_str())
                )?,
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
