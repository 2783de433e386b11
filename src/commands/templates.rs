//! `pm templates list|show|eject`.

use crate::exit::Outcome;
use std::io::Write;

use crate::cli::TemplatesCommand;
use crate::config::Config;
use crate::error::Error;
use crate::scaffold::registry::{Registry, SUFFIX};
use crate::write::{Mode, write_atomic};

/// Runs `pm templates …`.
pub fn run(config: &Config, command: TemplatesCommand) -> Result<Outcome, Error> {
    let registry = &Registry::of(config)?;
    let mut out = std::io::stdout().lock();
    let stdout_error = |e| Error::io("<stdout>", e);
    match command {
        TemplatesCommand::List => {
            let broken: Vec<(&str, String)> = registry
                .broken()
                .map(|(t, problem)| (t.name.as_str(), problem))
                .collect();
            let rows: Vec<Vec<String>> = (registry.templates().iter())
                .map(|t| {
                    let problem = broken.iter().find(|(name, _)| *name == t.name);
                    let description = match problem {
                        Some((_, problem)) => format!("cannot be used: {problem}"),
                        None => t.description.clone(),
                    };
                    vec![t.name.clone(), t.origin.to_string(), description]
                })
                .collect();
            crate::portfolio::table::write_columns(&rows, &mut out).map_err(stdout_error)?;
        }
        TemplatesCommand::Show { name } => {
            let template = registry.get(&name, "<NAME>")?;
            out.write_all(template.source.as_bytes())
                .map_err(stdout_error)?;
        }
        TemplatesCommand::Eject { name, to, force } => {
            let template = registry.get(&name, "<NAME>")?;
            let dir = to.unwrap_or_else(|| config.templates.folder.clone());
            let path = dir.join(format!("{}{SUFFIX}", template.name));
            let mode = if force {
                Mode::Replace
            } else {
                Mode::CreateNew
            };
            write_atomic(&path, template.source.as_bytes(), mode)?;
            writeln!(out, "{}", path.display()).map_err(stdout_error)?;
        }
    }
    Ok(Outcome::Success)
}
