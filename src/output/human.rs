//! `--format human`: rustc-style diagnostics with the source line and a
//! caret under the problem.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Origin, Renderer, Snippet};

use crate::lint::fix::Applicability;
use crate::lint::{FileReport, Finding, Level};

/// `--format human`.
pub const FORMAT: super::Spec = super::Spec {
    name: "human",
    help: "rustc-style snippets with the source line and a caret under the problem",
    writer: super::Writer::PerFile(write_file),
};

/// Writes one snippet per finding of a file, each followed by a blank line.
pub fn write_file(report: &FileReport, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // ESC and other control characters from a file or its name would act
    // on the terminal: they are shown escaped.
    let path = report.path.display().to_string();
    let path = super::visible(&path).into_owned();
    for finding in &report.findings {
        let message = super::visible(&finding.message);
        // `[*]`, as ruff writes it: `pm lint --fix` fixes this one.
        let message = match &finding.fix {
            Some(fix) if fix.applicability == Applicability::Safe => {
                std::borrow::Cow::Owned(format!("[*] {message}"))
            }
            _ => message,
        };
        let level = match finding.level {
            Level::Error => SnippetLevel::ERROR,
            Level::Warning => SnippetLevel::WARNING,
        };
        let title = level.primary_title(message.as_ref()).id(finding.rule.id);
        let source = &finding.source;
        let origin = Origin::path(path.as_str())
            .line(finding.start.line)
            .char_column(finding.start.column);
        let group = if source.text.is_empty() {
            title.element(origin)
        } else if source.first_column > 1 || source.cut_end {
            // Part of a long line: the location is stated, the
            // excerpt shown with its cuts marked.
            let before = if source.first_column > 1 { "…" } else { "" };
            let after = if source.cut_end { "…" } else { "" };
            let (text, span) = super::visible_span(&source.text, line_span(finding));
            let shown = format!("{before}{text}{after}");
            let shift = before.len();
            title.element(origin).element(
                Snippet::source(shown)
                    .line_start(finding.start.line)
                    .annotation(AnnotationKind::Primary.span(span.start + shift..span.end + shift)),
            )
        } else {
            let (text, span) = super::visible_span(&source.text, line_span(finding));
            title.element(
                Snippet::source(text)
                    .line_start(finding.start.line)
                    .path(path.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        };
        let help = format!("{} ({})", super::visible(&finding.help), finding.rule.name);
        let report: [Group<'_>; 1] = [group.element(SnippetLevel::HELP.message(help.as_str()))];
        writeln!(out, "{}\n", renderer.render(&report))?;
    }
    Ok(())
}

/// The finding's byte range within its excerpt, at least one character wide
/// when the excerpt has any.
fn line_span(finding: &Finding) -> Range<usize> {
    let line = finding.source.text.as_str();
    let first = finding.source.first_column;
    let byte_at = |column: usize| {
        line.char_indices()
            .nth(column.saturating_sub(first))
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
