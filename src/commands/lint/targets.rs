//! What `pm lint` lints: the postmortems folder or the paths given, or
//! with `--staged` the content Git's index holds for them, or with
//! `--changed-since` what the working tree changed since a commit.

use std::path::{Path, PathBuf};

use crate::cli::LintArgs;
use crate::config::Config;
use crate::error::Error;
use crate::files;
use crate::git;
use crate::lint::runner::Target;
use crate::output::Note;

/// The postmortems folder. With `--staged` and no .pm.yaml it is the
/// default one at the top of the repository, wherever in it the hook runs.
pub(super) fn postmortems_folder(config: &Config, staged: bool) -> Result<PathBuf, Error> {
    Ok(
        if staged && config.source.is_none() && config.postmortems_dir.is_relative() {
            git::top("pm lint --staged")?.join(&config.postmortems_dir)
        } else {
            config.postmortems_dir.clone()
        },
    )
}

/// The files and folders to lint (the postmortems folder, or the paths
/// given: only the postmortems among them when the configuration says so),
/// and with `--staged` the staged content of each staged postmortem (or of
/// each path given), as Git's index holds it. Where pm picks the files, a
/// README or index in the postmortems folder is not one of them, as in a
/// folder walk.
pub(super) fn paths_to_lint(
    config: &Config,
    args: &LintArgs,
    folder: &Path,
    notes: &mut Vec<Note>,
) -> Result<(Vec<PathBuf>, Vec<Target>), Error> {
    let may_be_postmortem =
        |path: &Path| !files::is_readme(path) && inside(path, &config.postmortems_dir);
    if args.staged && args.paths.is_empty() {
        return Ok((Vec::new(), staged_targets(config, folder, notes)?));
    }
    if args.staged {
        return given_staged(config, &args.paths, notes);
    }
    if let Some(rev) = &args.changed_since {
        // Git would read `--output=…` as an option, not a commit.
        if rev.starts_with('-') || rev.is_empty() {
            return Err(Error::invalid_value(
                "--changed-since",
                rev,
                "a Git commit: a branch, a tag, HEAD^1 or a commit id",
            ));
        }
        if !folder.is_dir() {
            return Err(Error::Usage(format!(
                "no postmortems folder `{}`; --changed-since lints the postmortems changed there",
                folder.display()
            )));
        }
        // Gone from the working tree since: nothing to lint there.
        let changed = git::changed_since(rev, folder)?
            .into_iter()
            .filter(|path| path.is_file() && files::is_markdown(path) && !files::is_readme(path))
            .collect();
        return Ok((changed, Vec::new()));
    }
    let paths = if args.paths.is_empty() {
        vec![config.postmortems_dir.clone()]
    } else if config.only_postmortems {
        // A hook passes every staged Markdown file; only postmortems count.
        args.paths
            .iter()
            .filter(|path| path.is_dir() || may_be_postmortem(path))
            .cloned()
            .collect()
    } else {
        args.paths.clone()
    };
    Ok((paths, Vec::new()))
}

/// The staged postmortems, each with the content staged for it: what the
/// commit will hold, whatever the working tree says now.
fn staged_targets(
    config: &Config,
    dir: &Path,
    notes: &mut Vec<Note>,
) -> Result<Vec<Target>, Error> {
    let staged = git::staged_files()?;
    let candidates = staged.iter().filter(|file| {
        files::is_markdown(&file.path)
            && !files::is_readme(&file.path)
            // By name: the staged file need not be in the working tree.
            && inside_by_name(&file.path, dir)
    });
    read_staged(config, candidates, notes)
}

/// With `--staged PATH…` (what pre-commit passes): the staged content of
/// each Markdown file the index holds at the paths, postmortems only when
/// the configuration says so. A file given that the index does not hold is
/// linted as it is on disk (or reported missing).
fn given_staged(
    config: &Config,
    paths: &[PathBuf],
    notes: &mut Vec<Note>,
) -> Result<(Vec<PathBuf>, Vec<Target>), Error> {
    // Git holds nothing outside its repository (and will not be asked).
    let top = git::top("pm lint --staged")?;
    let names: Vec<&Path> = paths
        .iter()
        .map(PathBuf::as_path)
        .filter(|path| files::is_within(path, &top))
        .collect();
    let held = if names.is_empty() {
        Vec::new()
    } else {
        git::index_files(&names)?
    };
    let held_names: std::collections::HashSet<PathBuf> = held
        .iter()
        .filter_map(|f| files::real_path(&f.path))
        .collect();
    let on_disk: Vec<PathBuf> = paths
        .iter()
        .filter(|path| !path.is_dir())
        .filter(|path| files::real_path(path).is_none_or(|p| !held_names.contains(&p)))
        .filter(|path| {
            !config.only_postmortems
                || (!files::is_readme(path) && inside(path, &config.postmortems_dir))
        })
        .cloned()
        .collect();
    let given_file = |file: &&git::StagedFile| {
        paths
            .iter()
            .any(|p| !p.is_dir() && files::real_path(p) == files::real_path(&file.path))
    };
    let candidates = held.iter().filter(|file| {
        // A file named is linted even when it is a README; in a folder
        // given, as in a walk, it is not.
        let named = given_file(file);
        files::is_markdown(&file.path)
            && (named || !files::is_readme(&file.path))
            && (!config.only_postmortems
                || (!files::is_readme(&file.path)
                    && inside_by_name(&file.path, &config.postmortems_dir)))
    });
    Ok((on_disk, read_staged(config, candidates, notes)?))
}

/// Targets for staged files: each regular file's blob, read from Git; a
/// staged symbolic link is noted and skipped.
fn read_staged<'a>(
    config: &Config,
    candidates: impl Iterator<Item = &'a git::StagedFile>,
    notes: &mut Vec<Note>,
) -> Result<Vec<Target>, Error> {
    let mut to_read: Vec<&git::StagedFile> = Vec::new();
    for file in candidates {
        match file.mode.as_str() {
            "100644" | "100755" => to_read.push(file),
            "120000" => notes.push(Note::about(
                &file.path,
                format!(
                    "skipping {}: a symbolic link is staged there, not a postmortem",
                    file.path.display()
                ),
            )),
            _ => {}
        }
    }
    let blobs: Vec<&str> = to_read.iter().map(|f| f.blob.as_str()).collect();
    let mut targets = Vec::new();
    for (file, content) in to_read.iter().zip(git::read_blobs(&blobs)?) {
        let path = file.path.clone();
        targets.push(match content {
            Some(bytes) if bytes.len() as u64 > config.max_file_size => {
                Target::Unreadable(Box::new((
                    path,
                    format!(
                        "over the {} limit for a file (`max_file_size` in .pm.yaml)",
                        files::size_text(config.max_file_size)
                    ),
                )))
            }
            Some(bytes) => Target::Staged(Box::new((path, bytes))),
            None => Target::Unreadable(Box::new((
                path,
                "the staged content cannot be read from Git".to_owned(),
            ))),
        });
    }
    Ok(targets)
}

/// Whether `path` lies inside the folder `dir` (both may be relative). A
/// file that is not there is placed by its folder, so that a missing file
/// given by name is reported as missing rather than dropped.
fn inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = std::fs::canonicalize(dir) else {
        return false;
    };
    let real = std::fs::canonicalize(path).ok().or_else(|| {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(parent).ok()?.join(path.file_name()?))
    });
    real.is_some_and(|real| real.starts_with(dir))
}

/// Whether `path` lies inside `dir`, decided on the names (`..` and `.`
/// resolved without the file system), for files that may not exist.
fn inside_by_name(path: &Path, dir: &Path) -> bool {
    match (files::lexical_absolute(path), files::lexical_absolute(dir)) {
        (Some(path), Some(dir)) => path.starts_with(dir),
        _ => false,
    }
}
