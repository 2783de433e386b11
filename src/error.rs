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
