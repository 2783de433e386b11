//! Output formats for lint findings, one file each. Every format writes to
//! the writer it is given; none prints on its own.

pub mod concise;
pub mod human;

use std::io::{self, Write};

use crate::lint::FileReport;

/// How `pm lint` prints findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets with the source line and a caret under the problem.
    Human,
    /// One line per finding: `path:line:col: ID [level] message`.
    Concise,
}

/// Writes `reports` in `format`; `color` allows ANSI styling.
pub fn write(
    format: Format,
    reports: &[FileReport],
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(reports, color, out),
        Format::Concise => concise::write(reports, out),
    }
}
