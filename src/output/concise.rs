//! `--format concise`: one line per finding, for editors and grep.

use std::io::{self, Write};

use crate::lint::FileReport;

/// `--format concise`.
pub const FORMAT: super::Spec = super::Spec {
    name: "concise",
    help: "One line per finding: `path:line:col: ID [level] message`",
    writer: super::Writer::PerFile(|report, _color, out| write_file(report, out)),
};

/// Writes a file's findings as `path:line:col: ID [level] message` lines.
pub fn write_file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    // A line break or ESC in a file name or a message would split the
    // record or act on the terminal: shown escaped.
    let path = report.path.display().to_string();
    let path = super::visible(&path);
    for f in &report.findings {
        writeln!(
            out,
            "{path}:{}:{}: {} [{}] {}",
            f.start.line,
            f.start.column,
            f.rule.id,
            f.level,
            super::visible(&f.message)
        )?;
    }
    Ok(())
}
