//! pm: postmortems as Markdown in Git.
//!
//! Data flows one way: CLI → config → files → parsed document → templates or
//! rules → output. `run` is the single entry point used by the binary.

pub mod cli;
pub mod commands;
pub mod config;
pub mod document;
pub mod error;
pub mod lint;
pub mod output;
pub mod scaffold;
pub mod severity;

use std::process::ExitCode;

pub use error::Error;

/// Runs one `pm` invocation and returns the process exit code on success.
pub fn run(cli: cli::Cli) -> Result<ExitCode, Error> {
    let config = config::Config::default();
    match cli.command {
        cli::Command::New(args) => commands::new::run(&config, args),
        cli::Command::Templates(args) => commands::templates::run(&config, args),
        cli::Command::Lint(args) => commands::lint::run(&config, args),
        cli::Command::Rules { rule } => commands::rules::run(rule.as_deref()),
    }
}
