//! `pm init`: a commented `.pm.yaml` with every default spelled out, and the
//! postmortems folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::{DEFAULT_BLAME_WORDS, DEFAULT_VAGUE_ACTIONS, FILE_NAME};
use crate::error::Error;
use crate::scaffold::write::{Mode, write_atomic};

/// The file `pm init` writes; `{postmortems}` is replaced by the folder and
/// the word lists by the built-in defaults.
pub const TEMPLATE: &str = include_str!("../../templates/pm.yaml");

/// Runs `pm init` in the current directory. Refuses to replace a config.
pub fn run(postmortems: Option<&Path>) -> Result<ExitCode, Error> {
    let dir = postmortems.map_or_else(|| PathBuf::from("docs/postmortems"), Path::to_path_buf);
    let dir_text = dir.to_string_lossy().replace('\\', "/");
    let quoted = serde_saphyr::to_string(&dir_text)
        .map_err(|e| Error::Usage(format!("cannot write the folder name: {e}")))?;
    let list = |items: &[&str]| items.iter().map(|i| format!("- {i}\n")).collect::<String>();
    let text = TEMPLATE
        .replace("{postmortems}", quoted.trim_end())
        .replace("{blame_words}\n", &list(DEFAULT_BLAME_WORDS))
        .replace("{vague_actions}\n", &list(DEFAULT_VAGUE_ACTIONS));
    let path = Path::new(FILE_NAME);
    if path.exists() {
        return Err(Error::Usage(format!(
            "{FILE_NAME} already exists; pm init never replaces a configuration (edit it, or see `pm config`)"
        )));
    }
    // The config first: when it cannot be written, nothing is left behind.
    write_atomic(path, text.as_bytes(), Mode::CreateNew)?;
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}\n{}", path.display(), dir.display()).map_err(|e| Error::io("<stdout>", e))?;
    Ok(ExitCode::SUCCESS)
}
