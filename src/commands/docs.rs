//! `pm completions SHELL` and `pm man`: generated from the CLI definition, so
//! they never drift from it.

use crate::exit::Outcome;
use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::Error;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<Outcome, Error> {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "pm", &mut buffer);
    print(&buffer)
}

/// Prints the manual page in roff.
pub fn man() -> Result<Outcome, Error> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buffer)
        .map_err(|e| Error::io("<man page>", e))?;
    print(&buffer)
}

fn print(bytes: &[u8]) -> Result<Outcome, Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(Outcome::Success)
}
