//! Output formats for lint findings, one file each. Every format writes to
//! the writer it is given; none prints on its own. Machine formats (json,
//! sarif, github, junit) write nothing but their document.

use std::io::{self, Write};

use crate::lint::{FileReport, Level};

/// Declares the formats, in the order `--help` lists them. Each is its own
/// file declaring its [`Spec`] as `FORMAT`; naming its module here is all
/// that adds one.
macro_rules! formats {
    ($($module:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every format of `--format`.
        pub const ALL: &[Format] = &[$(Format(&$module::FORMAT)),*];
    };
}

formats![human, concise, json, sarif, github, junit];

pub mod diff;
pub mod statistics;

/// What a format is called and how it writes.
pub struct Spec {
    /// Its `--format` value.
    pub name: &'static str,
    /// One line for `--help`.
    pub help: &'static str,
    /// How it writes findings.
    pub writer: Writer,
}

/// How a format writes: each file on its own, or one document for the run.
pub enum Writer {
    /// Writes one file's findings, its output depending on that file alone
    /// (`color` allows ANSI styling); such files are rendered in parallel
    /// as they are linted and written as the run goes.
    PerFile(fn(report: &FileReport, color: bool, out: &mut dyn Write) -> io::Result<()>),
    /// Writes one document for the whole run, with the run's notes.
    Document(fn(reports: &[FileReport], notes: &[Note], out: &mut dyn Write) -> io::Result<()>),
}

/// How `pm lint` prints findings: one of [`ALL`].
#[derive(Clone, Copy)]
pub struct Format(&'static Spec);

impl Format {
    /// `--format human`, the default.
    pub fn human() -> Format {
        Format(&human::FORMAT)
    }

    /// Its `--format` value.
    pub fn name(self) -> &'static str {
        self.0.name
    }
}

impl std::fmt::Debug for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.name)
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Format) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Format {}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name).help(self.0.help))
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Findings at error level.
    pub errors: usize,
    /// Findings at warning level.
    pub warnings: usize,
    /// Findings `--fix` fixes.
    pub fixable: usize,
    /// Findings only `--unsafe-fixes` fixes.
    pub unsafe_fixable: usize,
    /// Folders a walk could not read (their findings are counted, the
    /// folders are not files).
    pub folders_unread: usize,
    /// Other postmortems of the folder, not linted, with findings the
    /// run's change causes there (their findings are counted, they are
    /// not files checked).
    pub others_with_findings: usize,
}

impl Summary {
    /// Counts `reports`.
    pub fn of(reports: &[FileReport]) -> Self {
        let mut summary = Summary::default();
        for report in reports {
            summary.add(report);
        }
        summary
    }

    /// Counts one more file.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.files_with_findings += usize::from(!report.findings.is_empty());
        self.add_findings(report);
    }

    /// Counts the findings of `report`, of a file already counted.
    pub fn add_findings(&mut self, report: &FileReport) {
        for finding in &report.findings {
            match finding.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
            }
            match finding.fix.as_ref().map(|fix| fix.applicability) {
                Some(crate::lint::fix::Applicability::Safe) => self.fixable += 1,
                Some(crate::lint::fix::Applicability::Unsafe) => self.unsafe_fixable += 1,
                None => {}
            }
        }
    }
}

impl Format {
    /// Whether the format prints each file on its own, its output for a file
    /// depending on that file alone: such files are rendered in parallel as
    /// they are linted (see [`render_file`]) and written as the run goes.
    /// The others write one document for the whole run
    /// ([`write_document`]).
    pub fn is_per_file(self) -> bool {
        matches!(self.0.writer, Writer::PerFile(_))
    }
}

/// What a run says besides its findings: a path skipped (a note) or not
/// found (an error). Printed on stderr, and kept in the JSON and SARIF
/// documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// An error (a path that is not there) or a note.
    pub error: bool,
    /// The path it is about, if any.
    pub path: Option<std::path::PathBuf>,
    /// What it says, on one line.
    pub message: String,
}

impl Note {
    /// A note about `path`.
    pub fn about(path: &std::path::Path, message: String) -> Note {
        Note {
            error: false,
            path: Some(path.to_owned()),
            message,
        }
    }

    /// `error` or `note`, as stderr, JSON and SARIF write it.
    pub fn level(&self) -> &'static str {
        if self.error { "error" } else { "note" }
    }

    /// The line on stderr: `note: …` or `error: …`.
    pub fn line(&self) -> String {
        format!("{}: {}", self.level(), visible(&self.message))
    }
}

/// Writes `reports` as one document (json, sarif, junit); nothing for the
/// per-file formats.
pub fn write_document(
    format: Format,
    reports: &[FileReport],
    notes: &[Note],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format.0.writer {
        Writer::Document(write) => write(reports, notes, out),
        Writer::PerFile(_) => Ok(()),
    }
}

/// One file's findings in a per-file format; `None` for the others.
pub fn render_file(format: Format, report: &FileReport, color: bool) -> Option<Vec<u8>> {
    if !format.is_per_file() {
        return None;
    }
    let mut text = Vec::new();
    // Writing to a Vec cannot fail.
    write_file(format, report, color, &mut text).ok()?;
    Some(text)
}

/// Writes one file's findings in a per-file format; nothing for the others.
/// `color` allows ANSI styling (human only).
pub fn write_file(
    format: Format,
    report: &FileReport,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format.0.writer {
        Writer::PerFile(write) => write(report, color, out),
        Writer::Document(_) => Ok(()),
    }
}

/// [`portable_path`] as bytes, exactly: a name that is not UTF-8 keeps its
/// bytes (SARIF percent-encodes them).
pub fn portable_path_bytes(path: &std::path::Path) -> Vec<u8> {
    static CURRENT_DIR: std::sync::OnceLock<Option<std::path::PathBuf>> =
        std::sync::OnceLock::new();
    let relative = CURRENT_DIR
        .get_or_init(|| std::env::current_dir().ok())
        .as_deref()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let mut out: Vec<u8> = Vec::new();
    for c in relative.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::RootDir => out.push(b'/'),
            other => {
                if !out.is_empty() && !out.ends_with(b"/") {
                    out.push(b'/');
                }
                out.extend_from_slice(other.as_os_str().as_encoded_bytes());
            }
        }
    }
    out
}

/// A path as CI systems and SARIF viewers expect it: forward slashes, `./`
/// and doubled separators dropped, and relative to the current folder when
/// it lies below it.
pub fn portable_path(path: &std::path::Path) -> String {
    match String::from_utf8(portable_path_bytes(path)) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    }
}

/// `1 file`, `2 files`: a count and its noun, singular or plural.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `text` safe to print on a terminal or in one line of a record: control
/// characters (ESC, a line break in a file name, C1 controls) are shown as
/// escapes (`\x1b`, `\n`, `\u{9b}`) instead of acting. Tabs stay.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !may_need_escape(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    std::borrow::Cow::Owned(out)
}

/// [`visible`] of an excerpt with `span` (byte offsets into it) moved to
/// the same characters of the result.
pub fn visible_span(
    text: &str,
    span: std::ops::Range<usize>,
) -> (std::borrow::Cow<'_, str>, std::ops::Range<usize>) {
    if !may_need_escape(text) {
        return (std::borrow::Cow::Borrowed(text), span);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let (mut start, mut end) = (None, None);
    for (at, c) in text.char_indices() {
        if at == span.start {
            start = Some(out.len());
        }
        if at == span.end {
            end = Some(out.len());
        }
        push_visible(&mut out, c);
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (std::borrow::Cow::Owned(out), start..end)
}

/// Whether `text` may hold a character [`visible`] escapes, on its bytes
/// (this runs for every path and message): C0 controls and DEL are single
/// bytes, C1 controls start with 0xC2.
fn may_need_escape(text: &str) -> bool {
    if printable_ascii(text) {
        return false;
    }
    text.bytes()
        .any(|b| (b < 0x20 && b != b'\t') || b == 0x7F || b == 0xC2)
        && text.chars().any(needs_escape)
}

/// Whether `text` is all printable ASCII (space to `~`), checked over every
/// byte without stopping early, which the compiler turns into wide
/// comparisons: the common case of paths, messages and lines.
pub fn printable_ascii(text: &str) -> bool {
    text.bytes()
        .fold(true, |all, b| all & (b.wrapping_sub(0x20) < 0x5F))
}

fn needs_escape(c: char) -> bool {
    c.is_control() && c != '\t'
}

fn push_visible(out: &mut String, c: char) {
    use std::fmt::Write as _;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if needs_escape(c) && (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}
