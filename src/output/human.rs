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
        text.clear();
        if !simple(finding, &path, &paint, &mut text) {
            text.clear();
            let (message, help) = words(finding);
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
fn words(finding: &Finding) -> (String, String) {
    let mut message = String::new();
    push_message(&mut message, finding);
    let mut help = String::new();
    push_help(&mut help, finding);
    (message, help)
}

/// The title's message: `[*] ` first when `pm lint --fix` fixes it, as
/// ruff writes it.
fn push_message(out: &mut String, finding: &Finding) {
    if finding
        .fix
        .as_ref()
        .is_some_and(|fix| fix.applicability == Applicability::Safe)
    {
        out.push_str("[*] ");
    }
    out.push_str(&super::visible(&finding.message));
}

/// The help and, in brackets, the rule's name.
fn push_help(out: &mut String, finding: &Finding) {
    match &finding.help {
        // pm's own words hold no control character.
        std::borrow::Cow::Borrowed(help) => out.push_str(help),
        std::borrow::Cow::Owned(help) => out.push_str(&super::visible(help)),
    }
    out.push_str(" (");
    out.push_str(finding.rule.name);
    out.push(')');
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
    let group = if source.text.is_empty() {
        title.element(
            Origin::path(path)
                .line(finding.start.line)
                .char_column(finding.start.column),
        )
    } else {
        // Part of a long line is shown with its cuts marked.
        let before = if source.first_column > 1 { "…" } else { "" };
        let after = if source.cut_end { "…" } else { "" };
        let (text, span) = super::visible_span(&source.text, line_span(finding));
        let shown = format!("{before}{text}{after}");
        let shift = before.len();
        title.element(
            Snippet::source(shown)
                .line_start(finding.start.line)
                .path(path)
                .annotation(AnnotationKind::Primary.span(span.start + shift..span.end + shift)),
        )
    };
    let report: [Group<'_>; 1] = [group.element(SnippetLevel::HELP.message(help))];
    let start = out.len();
    let _ = write!(out, "{}", renderer.render(&report));
    // annotate-snippets counts the column in the excerpt as shown (after
    // a cut, with escapes); the location is the file's.
    if !source.text.is_empty() {
        set_column(out, start, finding.start.column);
    }
}

/// Sets the column of the ` --> path:line:column` line of the snippet that
/// starts at byte `start` of `out` (the line after its title).
fn set_column(out: &mut String, start: usize, column: usize) {
    let Some(title_end) = out.get(start..).and_then(|s| s.find('\n')) else {
        return;
    };
    let line_start = start + title_end + 1;
    let line_end = out
        .get(line_start..)
        .and_then(|s| s.find('\n'))
        .map_or(out.len(), |i| line_start + i);
    let Some(colon) = out.get(line_start..line_end).and_then(|s| s.rfind(':')) else {
        return;
    };
    let digits = line_start + colon + 1;
    let is_number = out
        .get(digits..line_end)
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    if is_number {
        let mut number = String::new();
        push_number(&mut number, column);
        out.replace_range(digits..line_end, &number);
    }
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
    begin(out, style);
    out.push_str(text);
    end(out, style);
}

/// Starts `style` (nothing when it is empty).
fn begin(out: &mut String, style: Style) {
    use std::fmt::Write as _;
    if style != Style::new() {
        let _ = write!(out, "{}", style.render());
    }
}

/// Ends `style`.
fn end(out: &mut String, style: Style) {
    use std::fmt::Write as _;
    if style != Style::new() {
        let _ = write!(out, "{}", style.render_reset());
    }
}

/// Annotate-snippets' terminal width: a line wider than this, less the
/// gutter, is cut.
const TERM_WIDTH: usize = 140;

/// Draws `finding` as annotate-snippets would, without its styled buffer,
/// when the snippet is a whole line that fits the terminal (the common
/// case); false, and nothing drawn, otherwise. (The file's name is
/// drawn as it is, tabs and all, by both.)
fn simple(finding: &Finding, path: &str, paint: &Paint, out: &mut String) -> bool {
    let source = &finding.source;
    if !drawn_as_is(&finding.message) || !drawn_as_is(&finding.help) {
        return false;
    }
    let (level, style) = match finding.level {
        Level::Error => ("error", paint.error),
        Level::Warning => ("warning", paint.warning),
    };
    let snippet = if source.text.is_empty() {
        None
    } else {
        let (text, before, under) = if super::printable_ascii(&source.text) {
            // One column a byte, nothing to escape.
            let first = source.first_column;
            let len = source.text.len();
            let start = finding.start.column.saturating_sub(first).min(len);
            let end = if finding.end.line == finding.start.line {
                finding.end.column.saturating_sub(first).min(len)
            } else {
                len
            };
            let under = if end > start { end - start } else { 1 };
            (std::borrow::Cow::Borrowed(source.text.as_str()), start, under)
        } else {
            let (text, span) = super::visible_span(&source.text, line_span(finding));
            if !drawn_as_is(&text) {
                return false;
            }
            let (Some(before), Some(under)) = (text.get(..span.start), text.get(span.clone()))
            else {
                return false;
            };
            let (before, under) = (str_width(before), str_width(under));
            (text, before, under)
        };
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
        let indent = if text.is_ascii() {
            text.bytes().take_while(|&b| b == b' ').count()
        } else {
            text.chars().take_while(|c| c.is_whitespace()).count()
        };
        // Where annotate-snippets would cut the line's start or end.
        if width + gutter + 3 > TERM_WIDTH || indent.min(offset) > 26 {
            return false;
        }
        Some((text, gutter, offset, carets))
    };
    let gutter = snippet.as_ref().map_or(0, |s| s.1);
    begin(out, style);
    out.push_str(level);
    out.push('[');
    out.push_str(finding.rule.id);
    out.push(']');
    end(out, style);
    begin(out, paint.emphasis);
    out.push_str(": ");
    push_message(out, finding);
    end(out, paint.emphasis);
    out.push('\n');
    pad(out, gutter);
    styled(out, paint.line_number, "--> ");
    out.push_str(path);
    out.push(':');
    push_number(out, finding.start.line);
    out.push(':');
    push_number(out, finding.start.column);
    if let Some((text, gutter, offset, carets)) = &snippet {
        out.push('\n');
        bar(out, paint, *gutter);
        out.push('\n');
        begin(out, paint.line_number);
        push_number(out, finding.start.line);
        end(out, paint.line_number);
        out.push(' ');
        styled(out, paint.line_number, "|");
        out.push(' ');
        out.push_str(text);
        out.push('\n');
        bar(out, paint, *gutter);
        out.push(' ');
        pad(out, *offset);
        begin(out, style);
        repeat(out, CARETS, *carets);
        end(out, style);
        out.push('\n');
        bar(out, paint, *gutter);
    }
    out.push('\n');
    pad(out, gutter + 1);
    styled(out, paint.line_number, "= ");
    styled(out, paint.emphasis, "help");
    out.push_str(": ");
    push_help(out, finding);
    true
}

/// The gutter's `|` after `gutter` columns of line number.
fn bar(out: &mut String, paint: &Paint, gutter: usize) {
    pad(out, gutter + 1);
    styled(out, paint.line_number, "|");
}

fn pad(out: &mut String, n: usize) {
    repeat(out, SPACES, n);
}

const SPACES: &str = "                                                                ";
const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";

/// Appends `n` copies of the one ASCII character `run` is made of.
fn repeat(out: &mut String, run: &str, n: usize) {
    let mut left = n;
    while left > 0 {
        let k = left.min(run.len());
        out.push_str(run.get(..k).unwrap_or_default());
        left -= k;
    }
}

/// Appends `n` in decimal.
fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Whether annotate-snippets draws `text` character for character: no tab
/// (drawn as four spaces) and none of the characters it replaces by
/// others (controls, which [`super::visible`] has escaped already, the
/// zero width joiner, which it drops, and the bidirectional overrides,
/// shown as U+FFFD).
fn drawn_as_is(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.iter().all(|&b| (0x20..0x7F).contains(&b)) {
        return true;
    }
    !text.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{200D}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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
        let n = column.saturating_sub(first);
        if line.is_ascii() {
            return n.min(line.len());
        }
        line.char_indices().nth(n).map_or(line.len(), |(i, _)| i)
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
