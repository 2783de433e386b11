//! `pm adopt`: pm front matter for postmortems pm did not write.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::adopt::{self, Adoption, Filled};
use crate::cli::AdoptArgs;
use crate::config::Config;
use crate::document::Document;
use crate::error::Error;
use crate::exit::Outcome;
use crate::files;
use crate::portfolio::{Format, table};
use crate::write::{Mode, write_atomic};

/// One file's adoption, as the report shows it.
#[derive(Debug, Serialize)]
struct Report {
    path: String,
    /// Whether the file was (or, with --dry-run, would be) changed.
    changed: bool,
    filled: Vec<Filled>,
    empty: Vec<&'static str>,
    /// Why it was not adopted.
    error: Option<String>,
}

/// Runs `pm adopt`.
pub fn run(config: &Config, args: AdoptArgs) -> Result<Outcome, Error> {
    let paths = super::paths_or_default(&args.paths, config);
    let targets = files::collect(&paths);
    if args.paths.is_empty() && !targets.missing.is_empty() {
        return Err(Error::Usage(format!(
            "no postmortems folder `{}`; pass the files or folders to adopt, e.g. `pm adopt docs/`",
            config.postmortems_dir.display()
        )));
    }
    let mut failed = false;
    for path in &targets.missing {
        eprintln!("error: {}: no such file or directory", path.display());
        failed = true;
    }
    for (path, reason) in &targets.unreadable {
        eprintln!("error: {}: {reason}", path.display());
        failed = true;
    }
    for path in &targets.skipped {
        eprintln!(
            "note: skipping {}: not a Markdown file (.md)",
            path.display()
        );
    }
    for path in &targets.outside {
        eprintln!(
            "note: skipping {}: a symbolic link that leads outside the repository",
            path.display()
        );
    }
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) does not stop the batch halfway: every file
    // is adopted, and the error is reported at the end.
    let mut out_error: Option<std::io::Error> = None;
    let mut print = |text: &str, out: &mut dyn Write| {
        if out_error.is_none()
            && let Err(e) = out.write_all(text.as_bytes())
        {
            out_error = Some(e);
        }
    };
    let mut reports = Vec::new();
    let mut changed = 0;
    for path in &targets.files {
        let report = match adopt_one(path, config, args.dry_run) {
            Ok((adoption, before, after)) => {
                let is_change = adoption.text.is_some();
                if is_change {
                    changed += 1;
                    if args.dry_run && !args.report {
                        print(
                            &crate::output::diff::unified(path, &before, &after),
                            &mut out,
                        );
                    } else if !args.report {
                        print(&format!("{}\n", path.display()), &mut out);
                    }
                }
                Report {
                    path: path.display().to_string(),
                    changed: is_change,
                    filled: adoption.filled,
                    empty: adoption.empty,
                    error: None,
                }
            }
            Err((line, message)) => {
                match line {
                    Some(line) => eprintln!("error: {}:{line}: {message}", path.display()),
                    None => eprintln!("error: {}: {message}", path.display()),
                }
                failed = true;
                Report {
                    path: path.display().to_string(),
                    changed: false,
                    filled: Vec::new(),
                    empty: Vec::new(),
                    error: Some(message),
                }
            }
        };
        reports.push(report);
    }
    if args.report {
        let mut text = Vec::new();
        write_report(&reports, args.format, &mut text).map_err(|e| Error::io("<stdout>", e))?;
        print(&String::from_utf8_lossy(&text), &mut out);
    }
    let verb = if args.dry_run {
        "would adopt"
    } else {
        "adopted"
    };
    let files = targets.files.len();
    let word = if files == 1 { "file" } else { "files" };
    eprintln!(
        "{} {changed} of {files} {word}; {} already had what pm can add.",
        capitalized(verb),
        reports
            .iter()
            .filter(|r| !r.changed && r.error.is_none())
            .count()
    );
    if let Some(e) = out_error {
        return Err(Error::io("<stdout>", e));
    }
    Ok(if failed {
        Outcome::Incomplete
    } else {
        Outcome::Success
    })
}

/// Adopts the file at `path` (writing it unless `dry_run`): what was done,
/// and its text before and after; or why not, with the line that says so.
fn adopt_one(
    path: &Path,
    config: &Config,
    dry_run: bool,
) -> Result<(Adoption, String, String), (Option<usize>, String)> {
    let plain = |message: String| (None, message);
    let bytes =
        files::read_regular(path, config.max_file_size).map_err(|e| plain(e.to_string()))?;
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    // The text as read, to diff against and to tell a lone CR (which the
    // document reads as a line break) from the file's own bytes.
    let before = String::from_utf8_lossy(&bytes).into_owned();
    let doc = Document::from_bytes(PathBuf::from(path), bytes).map_err(|e| plain(e.to_string()))?;
    let without_bom = before.strip_prefix('\u{feff}').unwrap_or(&before);
    if without_bom != doc.text {
        return Err(plain(
            "it ends lines with a lone carriage return (classic Mac); convert it to LF or CRLF first"
                .to_owned(),
        ));
    }
    let adoption =
        adopt::adopt(&doc, bom, config).map_err(|refused| (refused.line, refused.message))?;
    let after = adoption.text.clone().unwrap_or_else(|| before.clone());
    // A file made read-only is not replaced (a rename could: the folder
    // decides that, not the file); a dry run says so too.
    if let Some(why) = crate::files::not_writable(path)
        && adoption.text.is_some()
    {
        return Err(plain(format!("{why}; make it writable to adopt it")));
    }
    if !dry_run && adoption.text.is_some() {
        write_atomic(path, after.as_bytes(), Mode::Replace).map_err(|e| match e {
            Error::Io { source, .. } => plain(format!("cannot write it: {source}")),
            other => plain(other.to_string()),
        })?;
    }
    Ok((adoption, before, after))
}

fn write_report(reports: &[Report], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    let rows = || {
        reports.iter().flat_map(|r| {
            let filled = r.filled.iter().map(move |f| {
                let from = match f.line {
                    Some(line) => format!("{} (line {line})", f.source),
                    None => f.source.to_owned(),
                };
                vec![r.path.clone(), f.key.to_owned(), f.value.clone(), from]
            });
            let empty = r.empty.iter().map(move |key| {
                vec![
                    r.path.clone(),
                    (*key).to_owned(),
                    String::new(),
                    "not found: fill it in".to_owned(),
                ]
            });
            let error = r
                .error
                .iter()
                .map(move |e| vec![r.path.clone(), String::new(), String::new(), e.clone()]);
            filled.chain(empty).chain(error)
        })
    };
    table::write(
        format,
        &["path", "key", "value", "from"],
        rows,
        &reports,
        out,
    )
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
