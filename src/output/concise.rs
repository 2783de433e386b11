//! `--format concise`: one line per finding, for editors and grep.

use std::io::{self, Write};

use crate::lint::FileReport;

/// Writes `path:line:col: ID [level] message` lines.
pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
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
    }
    Ok(())
}
