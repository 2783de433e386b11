//! `--format github`: GitHub Actions workflow commands, which GitHub shows as
//! annotations on the pull request's files.

use std::io::{self, Write};

use crate::lint::FileReport;
use crate::output::portable_path;

/// `--format github`.
pub const FORMAT: super::Spec = super::Spec {
    name: "github",
    help: "GitHub Actions workflow commands (`::error file=…`), shown as annotations",
    writer: super::Writer::PerFile(|report, _color, out| write_file(report, out)),
};

/// Writes one `::error …::message` or `::warning …::message` line per
/// finding of a file.
pub fn write_file(report: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    let file = escape_property(&portable_path(&report.path));
    for f in &report.findings {
        let command = f.level.as_str();
        writeln!(
            out,
            "::{command} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
            f.start.line,
            f.start.column,
            f.end.line,
            f.end.column,
            escape_property(f.rule.id),
            escape_data(&format!("{} ({})", f.message, f.rule.name)),
        )?;
    }
    Ok(())
}

/// Escapes a command's message: `%`, CR and LF as the workflow commands
/// want them, and other control characters (ESC…) shown as `\x1b`.
pub fn escape_data(text: &str) -> String {
    let escaped = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    super::visible(&escaped).into_owned()
}

/// Escapes a property value: as the message, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(
            escape_data("50% done\r\nnext, a:b"),
            "50%25 done%0D%0Anext, a:b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(escape_data("red \x1b[31m"), "red \\x1b[31m");
    }
}
