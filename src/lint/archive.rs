//! The rest of the postmortems folder, for the checks that span files. A
//! run given a few files (a hook, pre-commit) still compares their incident
//! ids with every postmortem in the folder (PM309), and a link in another
//! postmortem to a file that the change deletes or renames is reported on
//! the postmortem that links (PM308). With `--staged` the folder is read as
//! Git's index holds it.
//!
//! Only what those checks need is looked at: each other file's text is
//! searched for the linted ids, and only a file that holds one has its
//! front matter parsed. When the change deletes or renames files (rare),
//! every other postmortem is parsed for its links, since a link can write a
//! name in many ways (`%20`, `\_`, `&amp;`). Hidden files are not
//! postmortems. Files are read in chunks, so a large folder is never in
//! memory at once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use crate::document::Document;
use crate::document::facts::Facts;
use crate::error::Error;
use crate::files::{self, FileId};
use crate::git::{self, Change, Removed};
use crate::lint::FileReport;
use crate::lint::check::{Checker, Options};
use crate::lint::rules::facts::{self, BROKEN_LINK, DUPLICATE_ID};
use crate::lint::runner::{self, Target};
use crate::lint::settings::Settings;

/// Files read at a time.
const CHUNK: usize = 256;

/// The postmortems of the folder that a run does not lint, and what the
/// change removes.
#[derive(Debug, Default)]
pub struct Archive {
    others: Vec<Other>,
    removed: Vec<Removed>,
    /// Whether the change is the index's (`--staged`).
    in_index: bool,
    /// The files the run lints, by identity: another path to one of them
    /// (through a link) is not another postmortem.
    linted_files: HashSet<FileId>,
}

/// Another postmortem of the folder: a file, or a blob in the index.
#[derive(Debug)]
enum Other {
    File(PathBuf),
    Staged(PathBuf, String),
}

impl Other {
    fn path(&self) -> &Path {
        match self {
            Other::File(path) | Other::Staged(path, _) => path,
        }
    }
}

/// What a run learns from the other postmortems.
#[derive(Debug, Default)]
pub struct Found {
    /// Other postmortems stating one of the linted incident ids: (path, id).
    pub ids: Vec<(PathBuf, String)>,
    /// Reports of other postmortems with links the change breaks.
    pub broken: Vec<FileReport>,
}

impl Archive {
    /// The Markdown files in `dir` (READMEs and indexes excepted) that are
    /// not among `linted`: on disk, or for a change of the index in Git's
    /// index. The change's deletions and renames are asked of Git only when
    /// there are such files and PM308 is on.
    pub fn of(
        dir: &Path,
        linted: &[Target],
        change: Change<'_>,
        settings: &Settings,
    ) -> Result<Archive, Error> {
        let staged = matches!(change, Change::Index);
        let wanted = settings.enabled(&DUPLICATE_ID) || settings.enabled(&BROKEN_LINK);
        if !wanted || (!staged && !dir.is_dir()) {
            return Ok(Archive::default());
        }
        let linted_files: HashSet<FileId> =
            linted.iter().filter_map(|t| FileId::of(t.path())).collect();
        let linted: HashSet<PathBuf> = linted
            .iter()
            .filter_map(|t| files::lexical_absolute(t.path()))
            .collect();
        // Hidden files are not postmortems, in the index as in a walk.
        let hidden = |path: &Path| {
            path.strip_prefix(dir)
                .unwrap_or(path)
                .components()
                .any(|part| {
                    part.as_os_str()
                        .to_str()
                        .is_some_and(|name| name.starts_with('.') && name != "." && name != "..")
                })
        };
        let is_other = |path: &Path| {
            files::is_markdown(path)
                && !files::is_readme(path)
                && !hidden(path)
                && files::lexical_absolute(path).is_none_or(|p| !linted.contains(&p))
        };
        let others: Vec<Other> = if staged {
            // A file whose working tree matches the index is read from disk,
            // which is cheaper than asking Git for the blob.
            let differ: HashSet<PathBuf> = git::unstaged_files(dir)?
                .iter()
                .filter_map(|path| files::lexical_absolute(path))
                .collect();
            git::index_files(&[dir])?
                .into_iter()
                .filter(|f| matches!(f.mode.as_str(), "100644" | "100755") && is_other(&f.path))
                .map(|f| {
                    let clean =
                        files::lexical_absolute(&f.path).is_some_and(|p| !differ.contains(&p));
                    if clean {
                        Other::File(f.path)
                    } else {
                        Other::Staged(f.path, f.blob)
                    }
                })
                .collect()
        } else {
            files::collect(&[dir.to_path_buf()])
                .files
                .into_iter()
                .filter(|path| is_other(path))
                .map(Other::File)
                .collect()
        };
        let removed = if !others.is_empty() && settings.enabled(&BROKEN_LINK) {
            git::removed_files(change)
        } else {
            Vec::new()
        };
        Ok(Archive {
            others,
            removed,
            in_index: staged,
            linted_files,
        })
    }

    /// Whether there is nothing to search: no other postmortem (a run over
    /// the whole folder).
    pub fn is_empty(&self) -> bool {
        self.others.is_empty()
    }

    /// Reads the other postmortems for `ids` (the incident ids the run's
    /// files state) and for links to what the change removes. Reads nothing
    /// when there is nothing to look for.
    pub fn search(
        &self,
        ids: &HashSet<&str>,
        settings: &Settings,
        options: Options,
    ) -> Result<Found, Error> {
        let ids: Vec<&str> = if settings.enabled(&DUPLICATE_ID) {
            ids.iter().copied().collect()
        } else {
            Vec::new()
        };
        let removed: Vec<(PathBuf, &Removed)> = self
            .removed
            .iter()
            .filter_map(|r| Some((files::lexical_absolute(&r.path)?, r)))
            .collect();
        if self.others.is_empty() || (ids.is_empty() && removed.is_empty()) {
            return Ok(Found::default());
        }
        let ids_in = AhoCorasick::new(&ids).ok().filter(|_| !ids.is_empty());
        let in_index = self.in_index;
        let look =
            |path: &Path, bytes: Vec<u8>| -> (Option<(PathBuf, String)>, Option<FileReport>) {
                let id = ids_in
                    .as_ref()
                    .filter(|finder| finder.is_match(&bytes))
                    .and_then(|_| incident_id(&bytes))
                    .filter(|id| ids.contains(&id.as_str()))
                    .map(|id| (path.to_owned(), id));
                // A link may write a name in many ways (`%20`, `\\_`,
                // `&amp;`): when the change removes files, every other
                // postmortem is parsed; that is rare.
                let broken = (!removed.is_empty())
                    .then(|| broken_links(path, bytes, &removed, in_index, settings, options))
                    .flatten();
                (id, broken)
            };
        let mut found = Found::default();
        for chunk in self.others.chunks(CHUNK) {
            // Blobs in one `git cat-file`, files read by the threads.
            let blobs: Vec<&str> = chunk
                .iter()
                .filter_map(|other| match other {
                    Other::Staged(_, blob) => Some(blob.as_str()),
                    Other::File(_) => None,
                })
                .collect();
            let mut contents = git::read_blobs(&blobs)?.into_iter();
            let read: Vec<(&Other, Option<Vec<u8>>)> = chunk
                .iter()
                .map(|other| match other {
                    Other::Staged(..) => (other, contents.next().flatten()),
                    Other::File(_) => (other, None),
                })
                .collect();
            let looked: Vec<_> = read
                .into_par_iter()
                .filter_map(|(other, bytes)| {
                    let bytes = match other {
                        Other::Staged(..) => bytes?,
                        Other::File(path) => {
                            let (bytes, id) =
                                files::read_regular_identified(path, settings.config.max_file_size)
                                    .ok()?;
                            if id.is_some_and(|id| self.linted_files.contains(&id)) {
                                return None;
                            }
                            bytes
                        }
                    };
                    (bytes.len() as u64 <= settings.config.max_file_size)
                        .then(|| look(other.path(), bytes))
                })
                .collect();
            for (id, broken) in looked {
                found.ids.extend(id);
                found.broken.extend(broken);
            }
        }
        Ok(found)
    }
}

/// The incident id a file's front matter states, trimmed.
fn incident_id(bytes: &[u8]) -> Option<String> {
    Facts::incident_id_of(std::str::from_utf8(bytes).ok()?)
}

/// The report of the postmortem at `path` for its links to `removed`, if
/// it has any (suppression comments respected).
fn broken_links(
    path: &Path,
    bytes: Vec<u8>,
    removed: &[(PathBuf, &Removed)],
    in_index: bool,
    settings: &Settings,
    options: Options,
) -> Option<FileReport> {
    let doc = Document::from_bytes(path.to_owned(), bytes).ok()?;
    let mut checker = Checker::new(&doc, settings, options);
    facts::check_links_to_removed(&mut checker, removed, in_index);
    let (findings, suppressions) = checker.finish();
    let findings = runner::unsuppressed(findings, &suppressions);
    (!findings.is_empty()).then(|| FileReport {
        path: path.to_owned(),
        findings,
        incident_id: None,
        fixed: None,
    })
}
