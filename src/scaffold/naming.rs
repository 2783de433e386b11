//! Names for new postmortems: the file name from the date and title, and the
//! next free incident id in a folder.

use std::path::Path;

use chrono::NaiveDate;

use crate::write::NewFolders;

use crate::document::facts::Facts;

/// Longest slug, in bytes; long titles are cut at a word boundary.
const MAX_SLUG_LEN: usize = 60;

/// A file-name-safe slug: lowercase ASCII letters, digits and single dashes,
/// at most 60 bytes. Never empty, never a path separator or `..`.
pub fn slug(text: &str) -> String {
    let full = slug::slugify(text);
    let mut cut = full.as_str();
    if cut.len() > MAX_SLUG_LEN {
        // The slug is ASCII, so every byte index is a char boundary.
        cut = &cut[..MAX_SLUG_LEN];
        if let Some(dash) = cut.rfind('-') {
            cut = &cut[..dash];
        }
    }
    let cut = cut.trim_matches('-');
    if cut.is_empty() {
        "postmortem".to_owned()
    } else {
        cut.to_owned()
    }
}

/// `YYYY-MM-DD-<slug>.md`.
pub fn file_name(date: NaiveDate, slug: &str) -> String {
    format!("{}-{slug}.md", date.format("%Y-%m-%d"))
}

/// The next free `INC-YYYY-NNNN` for `year`, after the highest one found in
/// the front matter of the Markdown files under `dir`, hidden and ignored
/// ones included (an id they hold is taken all the same). A missing folder
/// or an unreadable file counts as holding no ids.
pub fn next_incident_id(dir: &Path, year: i32, max_file_size: u64) -> String {
    let prefix = format!("INC-{year}-");
    let highest = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .path()
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
        })
        // A FIFO or a device there is not waited for nor read.
        .filter_map(|entry| crate::files::read_regular_text(entry.path(), max_file_size).ok())
        .filter_map(|text| Facts::incident_id_of(&text))
        .filter_map(|id| id.strip_prefix(&prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    // u64 and u128 cannot both overflow: an id past u64::MAX does not parse.
    format!("{prefix}{:04}", u128::from(highest) + 1)
}

/// `pm new`'s turn in a folder: runs in one folder take turns reading the
/// ids and writing the new file, through an exclusive lock on the folder
/// (created for it when missing). Dropped before [`Turn::done`], it removes
/// the folders it created, if they are still empty.
#[derive(Debug)]
pub struct Turn {
    _lock: Option<std::fs::File>,
    /// Folders this turn created.
    folders: NewFolders,
}

impl Turn {
    /// Waits for the turn in `dir`, creating it when `create` (the new file
    /// goes there) and it is missing; a missing folder not created is not
    /// locked. Where the file system cannot lock, the run goes on without
    /// waiting.
    pub fn take(dir: &Path, create: bool) -> Result<Turn, crate::error::Error> {
        let folders = if create {
            NewFolders::create(dir)?
        } else {
            NewFolders::default()
        };
        let lock = std::fs::File::open(dir)
            .ok()
            .filter(|folder| folder.lock().is_ok());
        Ok(Turn {
            _lock: lock,
            folders,
        })
    }

    /// The file is written: the folders stay, the lock goes.
    pub fn done(self) {
        self.folders.keep();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_and_dashes() {
        assert_eq!(
            slug("Checkout API returned 500s"),
            "checkout-api-returned-500s"
        );
        assert_eq!(
            slug(r#"Outage: "db" #1 {{ x }} ../../etc"#),
            "outage-db-1-x-etc"
        );
        assert_eq!(slug("Café déjà vu"), "cafe-deja-vu");
        assert_eq!(slug("../.."), "postmortem");
        assert_eq!(slug(""), "postmortem");
    }

    #[test]
    fn long_slugs_are_cut_at_a_dash() {
        let s = slug(&"word ".repeat(40));
        assert!(s.len() <= MAX_SLUG_LEN, "{s}");
        assert!(s.ends_with("word"), "{s}");
    }
}
