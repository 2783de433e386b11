use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = pm::cli::Cli::parse();
    match pm::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
