//! pm: postmortems as Markdown in Git.
//!
//! Data flows one way: CLI → config → files → parsed document → templates or
//! rules → output. `run` is the single entry point used by the binary.

// Only the commands (what the user asked for) and the crash report print;
// everything else hands what it has to say to them.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod adopt;
pub mod cli;
#[allow(clippy::print_stdout, clippy::print_stderr)]
pub mod commands;
pub mod config;
#[allow(clippy::print_stderr)]
pub mod crash;
pub mod document;
pub mod error;
pub mod exit;
pub mod files;
pub mod git;
pub mod import;
pub mod lint;
pub mod lsp;
pub mod output;
pub mod portfolio;
pub mod scaffold;
pub mod severity;
pub mod signals;
pub mod write;

use crate::exit::Outcome;

pub use error::Error;

/// Runs one `pm` invocation: how it went, for [`exit::code`].
pub fn run(cli: cli::Cli) -> Result<Outcome, Error> {
    let source = match (&cli.config, cli.no_config) {
        (Some(path), _) => config::Source::File(path.clone()),
        (None, true) => config::Source::Defaults,
        (None, false) => config::Source::Discover,
    };
    if let cli::Command::Init { postmortems } = &cli.command {
        return commands::init::run(postmortems.as_deref());
    }
    // Each file's configuration, found from its folder.
    if let cli::Command::Lsp = &cli.command {
        return commands::lsp::run(source);
    }
    let config = config::load(&source)?;
    match cli.command {
        cli::Command::Init { .. } | cli::Command::Lsp => Ok(Outcome::Success),
        cli::Command::Config => commands::config::run(&config),
        cli::Command::List(args) => commands::list::run(&config, args),
        cli::Command::Index(args) => commands::index::run(&config, args),
        cli::Command::Actions(args) => commands::actions::run(&config, args),
        cli::Command::Stats(args) => commands::stats::run(&config, args),
        cli::Command::Report(args) => commands::report::run(&config, args),
        cli::Command::Adopt(args) => commands::adopt::run(&config, args),
        cli::Command::Hook(cli::HookCommand::Install { force }) => commands::hook::install(force),
        cli::Command::Hook(cli::HookCommand::Uninstall) => commands::hook::uninstall(),
        cli::Command::Timeline(cli::TimelineCommand::Import(args)) => {
            commands::timeline::import(&config, args)
        }
        cli::Command::Completions { shell } => commands::docs::completions(shell),
        cli::Command::Man => commands::docs::man(),
        cli::Command::New(args) => commands::new::run(&config, args),
        cli::Command::Templates(args) => commands::templates::run(&config, args),
        cli::Command::Lint(args) => commands::lint::run(&config, args),
        cli::Command::Rules { rule } => commands::rules::run(rule.as_deref()),
    }
}
