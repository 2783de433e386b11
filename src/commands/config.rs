//! `pm config`: the effective configuration and where it came from.

use crate::exit::Outcome;
use std::io::Write;

use crate::config::Config;
use crate::error::Error;

/// Runs `pm config`.
pub fn run(config: &Config) -> Result<Outcome, Error> {
    let origin = match &config.source {
        Some(path) => format!("# effective configuration, from {}\n", path.display()),
        None => "# effective configuration: built-in defaults (no .pm.yaml found)\n".to_owned(),
    };
    let yaml = serde_saphyr::to_string(&config.effective())
        .map_err(|e| Error::Usage(format!("cannot print the configuration: {e}")))?;
    let mut out = std::io::stdout().lock();
    out.write_all(origin.as_bytes())
        .and_then(|()| out.write_all(yaml.as_bytes()))
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(Outcome::Success)
}
