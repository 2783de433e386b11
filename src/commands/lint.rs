//! `pm lint`: find the files, lint them in parallel, print the findings and
//! a summary, and exit 0 (no errors), 1 (errors) or 2 (could not run).

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::LintArgs;
use crate::config::Config;
use crate::error::Error;
use crate::lint::templates::Profiles;
use crate::lint::{Level, runner};
use crate::output;

/// Runs `pm lint`.
pub fn run(config: &Config, args: LintArgs) -> Result<ExitCode, Error> {
    let defaulted = args.paths.is_empty();
    let paths = if defaulted {
        vec![config.postmortems_dir.clone()]
    } else {
        args.paths.clone()
    };
    let targets = runner::collect(&paths);
    if defaulted && !targets.missing.is_empty() {
        return Err(Error::Usage(format!(
            "no postmortems folder `{}`; pass the files or folders to lint, e.g. `pm lint docs/`",
            config.postmortems_dir.display()
        )));
    }
    for path in &targets.skipped {
        eprintln!(
            "note: skipping {}: not a Markdown file (.md)",
            path.display()
        );
    }
    for path in &targets.missing {
        eprintln!("error: {}: no such file or directory", path.display());
    }

    let profiles = Profiles::new(config.templates.clone(), config);
    let mut reports = runner::lint_files(&targets.files, config, &profiles, args.strict);
    reports.extend(
        targets
            .unreadable
            .into_iter()
            .map(|(path, reason)| runner::unreadable_report(path, reason)),
    );
    reports.sort_by(|a, b| a.path.cmp(&b.path));

    let stdout = std::io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = BufWriter::new(stdout.lock());
    output::write(args.format, &reports, color, &mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))?;

    let count = |level| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .filter(|f| f.level == level)
            .count()
    };
    let (errors, warnings) = (count(Level::Error), count(Level::Warning));
    let with_findings = reports.iter().filter(|r| !r.findings.is_empty()).count();
    eprintln!(
        "{}",
        summary(reports.len(), with_findings, errors, warnings)
    );

    Ok(if !targets.missing.is_empty() {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn summary(files: usize, with_findings: usize, errors: usize, warnings: usize) -> String {
    if errors + warnings == 0 {
        return format!("Checked {}: no problems found.", plural(files, "file"));
    }
    format!(
        "Found {} and {} in {} of {} checked.",
        plural(errors, "error"),
        plural(warnings, "warning"),
        with_findings,
        plural(files, "file")
    )
}
