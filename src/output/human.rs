//! `--format human`: rustc-style diagnostics with the source line and a
//! caret under the problem.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Origin, Renderer, Snippet};

use crate::lint::{FileReport, Finding, Level};

/// Writes one snippet per finding, separated by blank lines.
pub fn write(reports: &[FileReport], color: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for report in reports {
        let path = report.path.display().to_string();
        for finding in &report.findings {
            let level = match finding.level {
                Level::Error => SnippetLevel::ERROR,
                Level::Warning => SnippetLevel::WARNING,
            };
            let title = level
                .primary_title(finding.message.as_str())
                .id(finding.rule.id);
            let group = if finding.source_line.is_empty() {
                title.element(
                    Origin::path(path.as_str())
                        .line(finding.start.line)
                        .char_column(finding.start.column),
                )
            } else {
                title.element(
                    Snippet::source(finding.source_line.as_str())
                        .line_start(finding.start.line)
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(line_span(finding))),
                )
            };
            let help = format!("{} ({})", finding.help, finding.rule.name);
            let report: [Group<'_>; 1] = [group.element(SnippetLevel::HELP.message(help.as_str()))];
            writeln!(out, "{}\n", renderer.render(&report))?;
        }
    }
    Ok(())
}

/// The finding's byte range within its source line, at least one character
/// wide when the line has any.
fn line_span(finding: &Finding) -> Range<usize> {
    let line = finding.source_line.as_str();
    let byte_at = |column: usize| {
        line.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i)
    };
    let start = byte_at(finding.start.column);
    let end = if finding.end.line == finding.start.line {
        byte_at(finding.end.column)
    } else {
        line.len()
    };
    if end > start {
        start..end
    } else {
        let next = line[start..].chars().next().map_or(0, char::len_utf8);
        start..start + next
    }
}
