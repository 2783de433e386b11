//! The library's error type. Every variant names what went wrong and, where
//! there is one, the file involved; `exit_code` maps it to pm's exit codes.

use std::io;
use std::path::PathBuf;

/// Anything that stops pm from doing its job (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A flag or argument has a value pm cannot use.
    #[error("{0}")]
    Usage(String),
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The target file exists and `--force` was not given.
    #[error("{} already exists; pass --force to replace it", path.display())]
    Exists {
        /// The file that would have been overwritten.
        path: PathBuf,
    },
    /// The configuration file is invalid.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A template failed to parse or render.
    #[error("template `{name}`: {message}")]
    Template {
        /// The template's name.
        name: String,
        /// Tera's report, with the location in the template.
        message: String,
    },
}

impl Error {
    /// Builds an [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A flag or argument whose value is not one pm accepts, worded like
    /// clap's own errors: `invalid value 'X' for '--flag': expected …`.
    pub fn invalid_value(flag: &str, value: &str, expected: impl std::fmt::Display) -> Self {
        Error::Usage(format!(
            "invalid value '{value}' for '{flag}': expected {expected}"
        ))
    }

    /// Whether this is a write to a closed pipe.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// The YAML parser's message on one line, without its snippet and without
/// its own "at line N, column M" (which counts from the start of the YAML,
/// not of the file; callers give positions in their own terms).
pub fn yaml_message(err: &serde_saphyr::Error) -> String {
    let text = err.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("invalid YAML").trim();
    // "… (defined at line 2, column 3)" and "… at line 2, column 3": the
    // position is the caller's to give.
    let message = [" (defined at line ", " at line "]
        .iter()
        .find_map(|cut| first.find(cut).map(|at| &first[..at]))
        .unwrap_or(first);
    if let Some(detail) = message.strip_prefix("budget breached: ") {
        return format!(
            "it expands beyond pm's limits (a YAML alias bomb or a huge block: {detail})"
        );
    }
    // The parser's advice is for programmers using it, not for the writer.
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        let key = key.split([',', ';']).next().unwrap_or(key).trim();
        return format!("duplicate mapping key: {key}");
    }
    if message.starts_with("multiple YAML documents detected") {
        return "a second YAML document starts here (`---`); keep one".to_owned();
    }
    if message.contains("did not match any variant of untagged enum") {
        return "this value is not of a type the key takes".to_owned();
    }
    match message {
        "expected mapping start" => "it must be `key: value` lines (a YAML mapping)".to_owned(),
        "expected string scalar" => "expected text".to_owned(),
        "invalid boolean" => "expected true or false".to_owned(),
        other => other.to_owned(),
    }
}
