//! `--format concise`: one line per finding, for editors and grep.

use std::io::{self, Write};

use crate::lint::FileReport;

/// Writes a file's findings as `path:line:col: ID [level] message` lines.
pub fn write_file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            report.path.display(),
            f.start.line,
            f.start.column,
            f.rule.id,
            f.level,
            f.message
        )?;
    }
    Ok(())
}
