//! `pm lint`: find the files, lint them in parallel, print the findings and
//! a summary, and exit 0 (no errors), 1 (errors) or 2 (could not run).

use std::collections::HashSet;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use crate::cli::{ColorChoice, LintArgs};
use crate::commands::plural;
use crate::config::Config;
use crate::error::Error;
use crate::exit::Outcome;
use crate::files;
use crate::git;
use crate::lint::FileReport;
use crate::lint::archive::Archive;
use crate::lint::check::Options;
use crate::lint::fix;
use crate::lint::runner::{self, IdClaim, Target};
use crate::lint::settings::Settings;
use crate::output::statistics::Counts;
use crate::output::{self, Format, Note, Summary};
use crate::write::{self, Mode, write_atomic};

mod targets;

use targets::{paths_to_lint, postmortems_folder};

/// Runs `pm lint`.
pub fn run(config: &Config, args: LintArgs) -> Result<Outcome, Error> {
    let settings = Settings::new(config)?;
    let defaulted = args.paths.is_empty() && !args.staged && args.changed_since.is_none();
    let folder = postmortems_folder(config, args.staged)?;
    let mut notes: Vec<Note> = Vec::new();
    let (paths, staged) = paths_to_lint(config, &args, &folder, &mut notes)?;
    let targets = files::collect(&paths);
    if defaulted && !targets.missing.is_empty() {
        return Err(Error::Usage(format!(
            "no postmortems folder `{}`; pass the files or folders to lint, e.g. `pm lint docs/`",
            config.postmortems_dir.display()
        )));
    }
    for path in &targets.skipped {
        let message = format!("skipping {}: not a Markdown file (.md)", path.display());
        notes.push(Note::about(path, message));
    }
    for path in targets.files.iter().filter(|p| p.to_str().is_none()) {
        let message = format!(
            "the name {} is not UTF-8: shown with U+FFFD for the bytes it cannot show (SARIF output keeps them, percent-encoded)",
            path.display()
        );
        notes.push(Note::about(path, message));
    }
    for path in &targets.outside {
        let message = format!(
            "skipping {}: a symbolic link that leads outside the repository",
            path.display()
        );
        notes.push(Note::about(path, message));
    }
    for path in &targets.missing {
        notes.push(Note {
            error: true,
            ..Note::about(
                path,
                format!("{}: no such file or directory", path.display()),
            )
        });
    }
    for (template, problem) in settings.profiles.registry().broken() {
        if let crate::scaffold::registry::Origin::Team(path) = &template.origin {
            let message = format!(
                "template {} cannot be used: {problem}; postmortems made from it are linted without it",
                path.display()
            );
            notes.push(Note::about(path, message));
        }
    }
    for note in &notes {
        eprintln!("{}", note.line());
    }
    let today = super::today(args.today.as_deref())?;

    let mut queue: Vec<Target> =
        Vec::with_capacity(targets.files.len() + targets.unreadable.len() + staged.len());
    queue.extend(targets.files.into_iter().map(Target::File));
    queue.extend(
        targets
            .unreadable
            .into_iter()
            .map(|unreadable| Target::Unreadable(Box::new(unreadable))),
    );
    queue.extend(staged);
    queue.sort_unstable_by(|a, b| files::path_order(a.path(), b.path()));
    // A run over the whole folder has no other postmortems to compare with.
    let whole_folder = paths.iter().any(|path| files::is_within(&folder, path));
    let archive = if whole_folder {
        Archive::default()
    } else {
        let change = match (&args.changed_since, args.staged) {
            (Some(rev), _) => git::Change::Since(rev),
            (None, true) => git::Change::Index,
            (None, false) => git::Change::WorkTree,
        };
        Archive::of(&folder, &queue, change, &settings)?
    };
    if args.unsafe_fixes && !args.fix && !args.diff {
        return Err(Error::Usage(
            "--unsafe-fixes applies fixes only with --fix or --diff".to_owned(),
        ));
    }
    let fix = (args.fix || args.diff).then_some(fix::Request {
        fixing: if args.unsafe_fixes {
            fix::Fixing::All
        } else {
            fix::Fixing::Safe
        },
        write: !args.diff,
    });
    let run = Run {
        archive,
        notes,
        settings,
        options: Options {
            strict: args.strict,
            today,
            fix,
        },
        queue,
        format: args.format,
        statistics: args.statistics,
        color: match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                args.output_file.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
    };
    if let Some(path) = &args.output_file
        && !args.force
    {
        check_output(path, &run.queue)?;
    }
    let done = match &args.output_file {
        Some(path) => {
            // The report is written once it is whole: an interrupted or
            // failed run leaves the file as it was.
            let mut report = Vec::new();
            let done = run.write(&mut report, path)?;
            write_atomic(path, &report, Mode::Replace)?;
            done
        }
        None => {
            // `pm lint | head`: once the reader is gone the run goes on
            // unprinted, so the exit code still says whether there were
            // errors.
            let mut out = BufWriter::new(PipeSafe::new(std::io::stdout().lock()));
            let done = run.write(&mut out, Path::new("<stdout>"))?;
            out.flush().map_err(|e| Error::io("<stdout>", e))?;
            done
        }
    };

    let missing = targets.missing.len();
    let Done {
        summary,
        fixes,
        fix_errors,
    } = done;
    for note in &fix_errors {
        eprintln!("{}", note.line());
    }
    let incomplete = missing > 0 || !fix_errors.is_empty();
    if args.diff {
        eprintln!("{}", would_fix_line(&fixes));
        return Ok(if incomplete {
            Outcome::Incomplete
        } else if fixes.files > 0 {
            Outcome::Failed
        } else {
            Outcome::Success
        });
    }
    if args.fix {
        eprintln!("{}", fixed_line(&fixes));
    }
    eprintln!("{}", summary_line(&summary, missing));
    if args.format == Format::human()
        && !args.fix
        && !args.statistics
        && let Some(hint) = fixable_line(&summary)
    {
        eprintln!("{hint}");
    }
    Ok(if incomplete {
        Outcome::Incomplete
    } else if summary.errors > 0 && !args.exit_zero {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}

/// What the fixes of a run did (or, with `--diff`, would do).
#[derive(Debug, Clone, Copy, Default)]
struct FixCounts {
    /// Fixes applied.
    fixes: usize,
    /// Files changed.
    files: usize,
}

/// What a run wrote, counted.
struct Done {
    summary: Summary,
    fixes: FixCounts,
    /// Files the fixes could not be written to.
    fix_errors: Vec<Note>,
}

/// The hint after the human summary, as ruff prints it: how many findings
/// `--fix` would fix, and how many more `--unsafe-fixes` would.
fn fixable_line(s: &Summary) -> Option<String> {
    match (s.fixable, s.unsafe_fixable) {
        (0, 0) => None,
        (0, more) => Some(format!(
            "{more} fixable with `pm lint --fix --unsafe-fixes`."
        )),
        (now, 0) => Some(format!("[*] {now} fixable with `pm lint --fix`.")),
        (now, more) => Some(format!(
            "[*] {now} fixable with `pm lint --fix` ({more} more with `--unsafe-fixes`)."
        )),
    }
}

/// The line `--fix` prints before the summary.
fn fixed_line(fixes: &FixCounts) -> String {
    match fixes.fixes {
        0 => "Nothing to fix.".to_owned(),
        n => format!(
            "Fixed {} in {}.",
            plural(n, "finding"),
            plural(fixes.files, "file")
        ),
    }
}

/// The line `--diff` prints after the diffs.
fn would_fix_line(fixes: &FixCounts) -> String {
    match fixes.fixes {
        0 => "Nothing to fix.".to_owned(),
        n => format!(
            "Would fix {} in {}.",
            plural(n, "finding"),
            plural(fixes.files, "file")
        ),
    }
}

/// A writer that, once its reader has closed the pipe, takes what it is
/// given and drops it.
struct PipeSafe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> PipeSafe<W> {
    fn new(inner: W) -> Self {
        PipeSafe {
            inner,
            closed: false,
        }
    }
}

impl<W: Write> Write for PipeSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Refuses an `--output-file` that would replace a Markdown file or one of
/// the files being linted (a postmortem lost to its own report), unless
/// `--force`; checked before anything is linted.
fn check_output(path: &Path, queue: &[Target]) -> Result<(), Error> {
    let write::Target::File(real, _) = write::resolve(path)? else {
        return Ok(());
    };
    let real = std::fs::canonicalize(&real).map_err(|e| Error::io(path, e))?;
    let linted = queue.iter().any(|target| {
        target.path().file_name() == real.file_name()
            && std::fs::canonicalize(target.path()).is_ok_and(|p| p == real)
    });
    let what = if linted {
        "is one of the files being linted"
    } else if files::is_markdown(path) || files::is_markdown(&real) {
        "is a Markdown file"
    } else {
        return Ok(());
    };
    Err(Error::Usage(format!(
        "{} {what}; pm will not replace it with the report (pass --force to replace it)",
        path.display()
    )))
}

/// A lint run, ready to go: what to lint, how, and how to write it.
struct Run {
    /// What the run says besides its findings (also in JSON and SARIF).
    notes: Vec<Note>,
    /// The folder's other postmortems, for the checks across files.
    archive: Archive,
    settings: Settings,
    options: Options,
    /// The files (and unreadable paths) in output order.
    queue: Vec<Target>,
    format: Format,
    /// `--statistics`: counts per rule instead of the findings.
    statistics: bool,
    color: bool,
}

impl Run {
    /// Lints the queue and writes the output to `out` (called `name` in
    /// errors). Per-file formats are rendered by the threads that lint and
    /// written as the run goes; a whole-document format (or `--statistics`)
    /// needs every report first. Then come the findings across files: ids
    /// shared with another file, and links in other postmortems of the
    /// folder that the change breaks.
    fn write(&self, out: &mut dyn Write, name: &Path) -> Result<Done, Error> {
        let failed = |e: std::io::Error| Error::io(name, e);
        // `--diff` prints the diffs instead of the findings.
        let diff = self.options.fix.is_some_and(|request| !request.write);
        let streamed = !diff && !self.statistics && self.format.is_per_file();
        let whole = !diff && !self.statistics && !self.format.is_per_file();
        let mut fixes = FixCounts::default();
        let mut fix_errors: Vec<Note> = Vec::new();
        let render = |report: &FileReport| {
            if streamed {
                output::render_file(self.format, report, self.color)
            } else {
                None
            }
        };
        let mut summary = Summary::default();
        let mut counts = Counts::default();
        let mut claims: Vec<IdClaim> = Vec::new();
        let mut kept: Vec<FileReport> = Vec::new();
        runner::lint_in_order(
            &self.queue,
            &self.settings,
            self.options,
            &render,
            |index, mut report, rendered| {
                let folder =
                    matches!(&self.queue[index], Target::Unreadable(unreadable) if unreadable.0.is_dir());
                if folder {
                    summary.add_findings(&report);
                    summary.folders_unread += 1;
                } else {
                    summary.add(&report);
                }
                if self.statistics {
                    counts.add(&report);
                }
                if let Some(fixed) = report.fixed.take() {
                    fixes.fixes += fixed.count;
                    fixes.files += usize::from(fixed.count > 0);
                    if let Some(message) = fixed.error {
                        let message = format!("{}: {message}", report.path.display());
                        fix_errors.push(Note {
                            error: true,
                            ..Note::about(&report.path, message)
                        });
                    }
                    if let Some(text) = fixed.diff {
                        out.write_all(text.as_bytes())?;
                    }
                }
                if let Some(site) = report.incident_id.take() {
                    claims.push(IdClaim::of(index, &site, !report.findings.is_empty()));
                }
                if let Some(text) = rendered {
                    out.write_all(&text)?;
                } else if whole {
                    kept.push(report);
                }
                Ok::<(), std::io::Error>(())
            },
        )
        .map_err(failed)?;
        // Incident ids are compared once every file is read: in per-file
        // formats these findings follow those of the files themselves.
        // Only a run over part of the folder compares ids with the rest.
        let ids: HashSet<&str> = if self.archive.is_empty() {
            HashSet::new()
        } else {
            claims.iter().map(|c| &*c.id).collect()
        };
        let found = self.archive.search(&ids, &self.settings, self.options)?;
        let site_of = |claim: &IdClaim| {
            let target = self.queue.get(claim.target)?;
            runner::site_again(target, &self.settings)
        };
        let duplicates: Vec<FileReport> =
            runner::duplicate_ids(&claims, &found.ids, &self.queue, &self.settings, &site_of)
                .into_iter()
                .map(|(i, finding)| {
                    let claim = &claims[i];
                    summary.files_with_findings += usize::from(!claim.had_findings);
                    FileReport {
                        path: self.queue[claim.target].path().to_owned(),
                        findings: vec![finding],
                        incident_id: None,
                        fixed: None,
                    }
                })
                .collect();
        for report in &duplicates {
            summary.add_findings(report);
            counts.add(report);
        }
        for report in &found.broken {
            summary.add_findings(report);
            summary.others_with_findings += 1;
            counts.add(report);
        }
        if diff {
            // The diffs are all `--diff` writes.
        } else if self.statistics {
            counts.write(out).map_err(failed)?;
        } else if whole {
            kept.extend(found.broken);
            kept.sort_by(|a, b| files::path_order(&a.path, &b.path));
            runner::merge(&mut kept, duplicates);
            let notes: Vec<Note> = self.notes.iter().chain(&fix_errors).cloned().collect();
            output::write_document(self.format, &kept, &notes, out).map_err(failed)?;
        } else {
            for report in duplicates.iter().chain(&found.broken) {
                output::write_file(self.format, report, self.color, out).map_err(failed)?;
            }
        }
        Ok(Done {
            summary,
            fixes,
            fix_errors,
        })
    }
}

/// The last line of a run, on stderr: what was found, and what was not there.
fn summary_line(s: &Summary, missing: usize) -> String {
    let files = plural(s.files, "file");
    let mut not_found = (missing > 0).then(|| format!("; {} not found", plural(missing, "path")));
    if s.folders_unread > 0 {
        let unread = match s.folders_unread {
            1 => "; 1 folder could not be read".to_owned(),
            n => format!("; {n} folders could not be read"),
        };
        not_found = Some(not_found.unwrap_or_default() + &unread);
    }
    // Findings on postmortems the run did not lint (links its change breaks).
    let others = match s.others_with_findings {
        0 => None,
        1 => Some("1 other postmortem of the folder".to_owned()),
        n => Some(format!("{n} other postmortems of the folder")),
    };
    let place = match others {
        Some(others) if s.files_with_findings == 0 => format!("{others}; {files} checked"),
        Some(others) => format!(
            "{} of {files} checked, and in {others}",
            s.files_with_findings
        ),
        None => format!("{} of {files} checked", s.files_with_findings),
    };
    match (s.errors + s.warnings, not_found) {
        (0, None) => format!("Checked {files}: no problems found."),
        // "no problems found" would be untrue: a path was not there.
        (0, Some(not_found)) => format!("Checked {files}{not_found}."),
        (_, not_found) => format!(
            "Found {} and {} in {place}{}.",
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            not_found.unwrap_or_default()
        ),
    }
}
