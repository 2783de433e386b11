//! `--format human`: rustc-style diagnostics with the source line and a
//! caret under the problem.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::renderer::{
    DEFAULT_EMPHASIS_STYLE, DEFAULT_ERROR_STYLE, DEFAULT_LINE_NUM_STYLE, DEFAULT_WARNING_STYLE,
    Style,
};
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
    // ESC and other control characters from a file or its name would act
    // on the terminal: they are shown escaped.
    let path = report.path.display().to_string();
    let path = super::visible(&path).into_owned();
    let paint = if color { Paint::STYLED } else { Paint::PLAIN };
    let mut general: Option<Renderer> = None;
    let mut text = String::new();
    for finding in &report.findings {
        let (message, help) = words(finding);
        text.clear();
        if !simple(finding, &message, &help, &path, &paint, &mut text) {
            let renderer = general.get_or_insert_with(|| {
                if color {
                    Renderer::styled()
                } else {
                    Renderer::plain()
                }
            });
            general_snippet(finding, &message, &help, &path, renderer, &mut text);
        }
        text.push_str("\n\n");
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// [`write_file`] with every finding drawn by annotate-snippets: the
/// reference its own drawing of the common case is tested against.
pub fn write_file_general(
    report: &FileReport,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let path = report.path.display().to_string();
    let path = super::visible(&path).into_owned();
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut text = String::new();
    for finding in &report.findings {
        let (message, help) = words(finding);
        text.clear();
        general_snippet(finding, &message, &help, &path, &renderer, &mut text);
        text.push_str("\n\n");
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// A finding's title message and help, as shown.
fn words(finding: &Finding) -> (std::borrow::Cow<'_, str>, String) {
    let message = super::visible(&finding.message);
    // `[*]`, as ruff writes it: `pm lint --fix` fixes this one.
    let message = match &finding.fix {
        Some(fix) if fix.applicability == Applicability::Safe => {
            std::borrow::Cow::Owned(format!("[*] {message}"))
        }
        _ => message,
    };
    let help = format!("{} ({})", super::visible(&finding.help), finding.rule.name);
    (message, help)
}

/// A finding as annotate-snippets renders it: the general case, for what
/// [`simple`] does not draw (tabs, lines too wide for the terminal or
/// indented so deeply that their start is cut, characters shown as
/// others).
fn general_snippet(
    finding: &Finding,
    message: &str,
    help: &str,
    path: &str,
    renderer: &Renderer,
    out: &mut String,
) {
    use std::fmt::Write as _;
    let level = match finding.level {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
    };
    let title = level.primary_title(message).id(finding.rule.id);
    let source = &finding.source;
    let origin = Origin::path(path)
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
                .path(path)
                .annotation(AnnotationKind::Primary.span(span)),
        )
    };
    let report: [Group<'_>; 1] = [group.element(SnippetLevel::HELP.message(help))];
    let _ = write!(out, "{}", renderer.render(&report));
}

/// The ANSI styles of the human format: annotate-snippets' own, so both
/// renderers look the same on every platform; empty when plain.
struct Paint {
    error: Style,
    warning: Style,
    line_number: Style,
    emphasis: Style,
}

impl Paint {
    const STYLED: Paint = Paint {
        error: DEFAULT_ERROR_STYLE,
        warning: DEFAULT_WARNING_STYLE,
        line_number: DEFAULT_LINE_NUM_STYLE,
        emphasis: DEFAULT_EMPHASIS_STYLE,
    };
    const PLAIN: Paint = Paint {
        error: Style::new(),
        warning: Style::new(),
        line_number: Style::new(),
        emphasis: Style::new(),
    };
}

/// Appends `text` in `style` (nothing around it when the style is empty).
fn styled(out: &mut String, style: Style, text: &str) {
    use std::fmt::Write as _;
    if style == Style::new() {
        out.push_str(text);
    } else {
        let _ = write!(out, "{}{text}{}", style.render(), style.render_reset());
    }
}

/// Annotate-snippets' terminal width: a line wider than this, less the
/// gutter, is cut.
const TERM_WIDTH: usize = 140;

/// Draws `finding` as annotate-snippets would, without its styled buffer,
/// when the snippet is a whole line that fits the terminal (the common
/// case); false, and nothing drawn, otherwise.
fn simple(
    finding: &Finding,
    message: &str,
    help: &str,
    path: &str,
    paint: &Paint,
    out: &mut String,
) -> bool {
    use std::fmt::Write as _;
    let source = &finding.source;
    if !drawn_as_is(message) || !drawn_as_is(help) || !drawn_as_is(path) {
        return false;
    }
    let (level, style) = match finding.level {
        Level::Error => ("error", paint.error),
        Level::Warning => ("warning", paint.warning),
    };
    let snippet = if source.text.is_empty() {
        None
    } else {
        let (text, span) = super::visible_span(&source.text, line_span(finding));
        if !drawn_as_is(&text) {
            return false;
        }
        let (Some(before), Some(under)) = (text.get(..span.start), text.get(span.clone())) else {
            return false;
        };
        let (before, under) = (str_width(before), str_width(under));
        // Part of a long line: the excerpt is shown with its cuts marked.
        let cut_start = source.first_column > 1;
        let text = if cut_start || source.cut_end {
            let before = if cut_start { "…" } else { "" };
            let after = if source.cut_end { "…" } else { "" };
            std::borrow::Cow::Owned(format!("{before}{text}{after}"))
        } else {
            text
        };
        let gutter = digits(finding.start.line);
        let width = str_width(&text);
        let offset = before + usize::from(cut_start);
        let carets = under.max(1);
        let indent: usize = text
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(char_width)
            .sum();
        // Where annotate-snippets would cut the line's start or end.
        if width + gutter + 3 > TERM_WIDTH || indent.min(offset) > 26 {
            return false;
        }
        Some((text, gutter, offset, carets))
    };
    let gutter = snippet.as_ref().map_or(0, |s| s.1);
    styled(out, style, &format!("{level}[{}]", finding.rule.id));
    styled(out, paint.emphasis, &format!(": {message}"));
    out.push('\n');
    pad(out, gutter);
    styled(out, paint.line_number, "--> ");
    let _ = write!(out, "{path}:{}:{}", finding.start.line, finding.start.column);
    if let Some((text, gutter, offset, carets)) = &snippet {
        out.push('\n');
        bar(out, paint, *gutter);
        out.push('\n');
        styled(out, paint.line_number, &finding.start.line.to_string());
        out.push(' ');
        styled(out, paint.line_number, "|");
        out.push(' ');
        out.push_str(text);
        out.push('\n');
        bar(out, paint, *gutter);
        out.push(' ');
        pad(out, *offset);
        styled(out, style, &"^".repeat(*carets));
        out.push('\n');
        bar(out, paint, *gutter);
    }
    out.push('\n');
    pad(out, gutter + 1);
    styled(out, paint.line_number, "= ");
    styled(out, paint.emphasis, "help");
    let _ = write!(out, ": {help}");
    true
}

/// The gutter's `|` after `gutter` columns of line number.
fn bar(out: &mut String, paint: &Paint, gutter: usize) {
    pad(out, gutter + 1);
    styled(out, paint.line_number, "|");
}

fn pad(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Whether annotate-snippets draws `text` character for character: no tab
/// (drawn as four spaces) and none of the characters it replaces by
/// others (controls, which [`super::visible`] has escaped already, and
/// the bidirectional overrides).
fn drawn_as_is(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.iter().all(|&b| (0x20..0x7F).contains(&b)) {
        return true;
    }
    !text.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// A character's width as annotate-snippets counts it.
fn char_width(c: char) -> usize {
    if c.is_ascii() {
        return 1;
    }
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(1)
}

fn str_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.chars().map(char_width).sum()
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
