//! `pm hook install`: a Git pre-commit hook running `pm lint --staged`, for
//! teams not using the pre-commit framework.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::error::Error;
use crate::git;
use crate::scaffold::write::{Mode, write_atomic};

/// A line every hook pm writes holds, so pm knows it may replace it.
const MARKER: &str = "# Installed by `pm hook install`";

/// Writes the hook. An existing hook pm did not write is left alone unless
/// `force`, which keeps it as `pre-commit.bak`.
pub fn install(force: bool) -> Result<ExitCode, Error> {
    let hooks = git::hooks_dir()?;
    let path = hooks.join("pre-commit");
    if path.exists() {
        let existing = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let ours = String::from_utf8_lossy(&existing).contains(MARKER);
        if !ours && !force {
            return Err(Error::Usage(format!(
                "{} exists and was not written by pm; pass --force to replace it (it is kept as pre-commit.bak)",
                path.display()
            )));
        }
        if !ours {
            // Written like the hook itself: a failure leaves no half copy.
            write_atomic(&hooks.join("pre-commit.bak"), &existing, Mode::Replace)?;
        }
    }
    let script = script(std::env::current_exe().ok().as_deref());
    write_atomic(&path, script.as_bytes(), Mode::Replace)?;
    make_executable(&path)?;
    writeln!(std::io::stdout().lock(), "{}", path.display())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(ExitCode::SUCCESS)
}

/// The hook: the pm that installed it if it is still there, else `pm` on
/// the PATH.
fn script(installer: Option<&Path>) -> String {
    let installer = installer
        .map(|p| p.display().to_string().replace('\'', r"'\''"))
        .unwrap_or_default();
    format!(
        "#!/bin/sh\n\
         {MARKER}: lints the staged postmortems.\n\
         # Skip it once with `git commit --no-verify`; remove this file to uninstall.\n\
         pm='{installer}'\n\
         if [ ! -x \"$pm\" ]; then pm=pm; fi\n\
         exec \"$pm\" lint --staged\n"
    )
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .permissions();
    permissions.set_mode(permissions.mode() | 0o111);
    std::fs::set_permissions(path, permissions).map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<(), Error> {
    Ok(())
}
