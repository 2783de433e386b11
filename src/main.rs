use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    pm::crash::install_hook();
    let cli = pm::cli::Cli::parse();
    match pm::run(cli) {
        Ok(code) => code,
        // The reader went away (`pm lint | head`): nothing left to say.
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
