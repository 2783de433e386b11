//! Finding the postmortems: files as given, folders walked for Markdown
//! files, each file once. Lint and the portfolio commands share it.

use std::path::{Path, PathBuf};

/// The files to lint, and what could not be used.
#[derive(Debug, Default)]
pub struct Targets {
    /// Markdown files, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Paths given that do not exist.
    pub missing: Vec<PathBuf>,
    /// Files given explicitly that are not Markdown.
    pub skipped: Vec<PathBuf>,
    /// Folders or links that could not be walked, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Whether `path` names a Markdown file (`.md` or `.markdown`, any case).
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// A folder's README (or index) describes the folder (`pm index` writes
/// one); it is not a postmortem. A folder walk and the hooks skip it; naming
/// it on the command line lints it.
pub fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme") || s.eq_ignore_ascii_case("index"))
}

/// Expands `paths`: files are taken as given, folders are walked for
/// Markdown files (hidden files and what `.gitignore` excludes are skipped).
pub fn collect(paths: &[PathBuf]) -> Targets {
    let mut targets = Targets::default();
    // One walk of one folder without links names each file once.
    let mut may_repeat = paths.len() > 1;
    for path in paths {
        let Ok(metadata) = std::fs::metadata(path) else {
            if path.symlink_metadata().is_ok() {
                targets
                    .unreadable
                    .push((path.clone(), "broken symbolic link".to_owned()));
            } else {
                targets.missing.push(path.clone());
            }
            continue;
        };
        if !metadata.is_dir() {
            if is_markdown(path) {
                targets.files.push(path.clone());
            } else {
                targets.skipped.push(path.clone());
            }
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .require_git(false)
            .follow_links(true)
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    may_repeat |= entry.path_is_symlink();
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if is_file && is_markdown(entry.path()) && !is_readme(entry.path()) {
                        targets.files.push(entry.into_path());
                    }
                }
                Err(err) => targets.unreadable.push(walk_error(path, &err)),
            }
        }
    }
    targets.files.sort_unstable_by(|a, b| path_order(a, b));
    // One file named twice (`a.md ./a.md`, given and found in a folder, or
    // reached through a link) is linted once, under the first name.
    if may_repeat {
        let mut seen = std::collections::HashSet::new();
        targets.files.retain(|path| {
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
        });
    }
    targets
}

/// The order files are reported in: byte order with `/` before every other
/// byte, which is `Path`'s component order for the paths a walk yields, at
/// a fraction of its cost.
pub fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let key = |byte: &u8| {
        if *byte == b'/' {
            0
        } else {
            u16::from(*byte) + 1
        }
    };
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    a.iter().map(key).cmp(b.iter().map(key))
}

fn walk_error(root: &Path, err: &ignore::Error) -> (PathBuf, String) {
    match err {
        ignore::Error::WithPath { path, err } => (path.clone(), err.to_string()),
        ignore::Error::WithDepth { err, .. } => walk_error(root, err),
        ignore::Error::Loop { ancestor, child } => (
            child.clone(),
            format!("symbolic link loop back to {}", ancestor.display()),
        ),
        other => (root.to_owned(), other.to_string()),
    }
}
