//! `pm lsp`: serve the editor until it says exit.

use crate::config::Source;
use crate::error::Error;
use crate::exit::Outcome;

/// Runs `pm lsp` with the configuration the command line names (else each
/// file's own).
pub fn run(source: Source) -> Result<Outcome, Error> {
    crate::lsp::serve(source)?;
    Ok(Outcome::Success)
}
