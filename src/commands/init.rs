//! `pm init`: a commented `.pm.yaml` with every default spelled out, and the
//! postmortems folder.

use crate::exit::Outcome;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config::FILE_NAME;
use crate::error::Error;
use crate::lint::rules::blameless;
use crate::write::{Mode, NewFolders, write_atomic};

/// The file `pm init` writes; `{postmortems}` is replaced by the folder and
/// the word lists by the built-in defaults.
pub const TEMPLATE: &str = include_str!("../../templates/pm.yaml");

/// Runs `pm init` in the current directory. Refuses to replace a config.
pub fn run(postmortems: Option<&Path>) -> Result<Outcome, Error> {
    let dir = postmortems.map_or_else(|| PathBuf::from("docs/postmortems"), Path::to_path_buf);
    // The config names the folder made, exactly: `back\slash` is one
    // folder on Unix, and a name that is not UTF-8 cannot be written.
    let Some(dir_text) = dir.to_str() else {
        return Err(Error::Usage(format!(
            "the folder name {} is not UTF-8; .pm.yaml cannot name it",
            dir.display()
        )));
    };
    let dir_text = if cfg!(windows) {
        dir_text.replace('\\', "/")
    } else {
        dir_text.to_owned()
    };
    let quoted = serde_saphyr::to_string(&dir_text)
        .map_err(|e| Error::Usage(format!("cannot write the folder name: {e}")))?;
    let list = |items: &[&str]| items.iter().map(|i| format!("- {i}\n")).collect::<String>();
    let text = TEMPLATE
        .replace("{postmortems}", quoted.trim_end())
        .replace("{blame_words}\n", &list(blameless::BLAME_WORDS))
        .replace("{vague_actions}\n", &list(blameless::VAGUE_ACTIONS));
    let path = Path::new(FILE_NAME);
    let exists = || {
        Error::Usage(format!(
            "{FILE_NAME} already exists; pm init never replaces a configuration (edit it, or see `pm config`)"
        ))
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    // The folder first, then the config; when the config cannot be
    // written, the folders made for it are removed again.
    let folders = NewFolders::create(&dir)?;
    write_atomic(path, text.as_bytes(), Mode::CreateNew).map_err(|e| match e {
        Error::Exists { .. } => exists(),
        other => other,
    })?;
    folders.keep();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}\n{}", path.display(), dir.display()).map_err(|e| Error::io("<stdout>", e))?;
    Ok(Outcome::Success)
}
