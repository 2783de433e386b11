//! The one place where what happened becomes pm's exit code, for every
//! command: **0** done, **1** done and what was checked fails (errors
//! found by `pm lint`, an index `pm index --check` finds stale), **2** pm
//! could not do what was asked (a usage error, a path that is not there, a
//! bad configuration, a failed write), **70** an internal error (a bug in
//! pm), **128 + N** stopped by signal N while writing.

use std::process::ExitCode;

use crate::error::Error;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done: 0.
    Success,
    /// Done, and what was checked fails: 1.
    Failed,
    /// Done with what was there, but something asked for was not (a path
    /// given to `pm lint` that does not exist): 2.
    Incomplete,
}

/// Exit code of a usage error, a bad input or a failed operation.
pub const ERROR: u8 = 2;

/// Exit code of an internal error (EX_SOFTWARE).
pub const INTERNAL_ERROR: i32 = 70;

/// Exit code of a run stopped by `signal`.
pub fn signalled(signal: i32) -> i32 {
    128 + signal
}

/// The exit code of a run that ended with `result`. A reader that went
/// away (`pm lint | head`) is not an error of pm's; every other error is 2.
pub fn code(result: &Result<Outcome, Error>) -> ExitCode {
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Ok(Outcome::Incomplete) => ExitCode::from(ERROR),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(ERROR),
    }
}
