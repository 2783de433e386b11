//! `pm hook install`: a Git pre-commit hook running `pm lint --staged`, for
//! teams not using the pre-commit framework.

use crate::exit::Outcome;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::git;
use crate::write::{Mode, write_atomic};

/// A line every hook pm writes holds, so pm knows it may replace it.
const MARKER: &str = "# Installed by `pm hook install`";

/// Writes the hook. An existing hook pm did not write (a file, a link, even
/// a link to nothing) is left alone unless `force`, which keeps it as
/// `pre-commit.bak` (or `.bak.1`, `.bak.2`, … when that is taken): moved
/// there as it is, so its mode, or the link, stays.
pub fn install(force: bool) -> Result<Outcome, Error> {
    let hooks = git::hooks_dir()?;
    let path = hooks.join("pre-commit");
    let existing = match std::fs::symlink_metadata(&path) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(&path, e)),
    };
    let mut moved = None;
    if let Some(metadata) = existing {
        let ours = metadata.is_file() && {
            let text = crate::files::read_regular(&path, crate::files::DEFAULT_MAX_FILE_SIZE)
                .map_err(|e| Error::io(&path, e))?;
            String::from_utf8_lossy(&text).contains(MARKER)
        };
        if !ours {
            let backup = free_backup(&hooks)?;
            let name = backup
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !force {
                return Err(Error::Usage(format!(
                    "{} exists and was not written by pm; pass --force to replace it (it is kept as {name})",
                    path.display()
                )));
            }
            keep_as(&path, &backup)?;
            moved = Some(backup);
        }
    }
    let script = script(std::env::current_exe().ok().as_deref());
    let written =
        write_atomic(&path, script.as_bytes(), Mode::Replace).and_then(|()| make_executable(&path));
    if let Err(e) = written {
        // The old hook goes back where it was.
        if let Some(backup) = &moved {
            let _ = std::fs::remove_file(&path);
            let _ = std::fs::rename(backup, &path);
        }
        return Err(e);
    }
    if let Some(backup) = &moved {
        eprintln!("note: the previous hook is kept as {}", backup.display());
    }
    writeln!(std::io::stdout().lock(), "{}", path.display())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(Outcome::Success)
}

/// Removes the hook pm wrote and puts back the newest backup of the one it
/// replaced. A hook pm did not write is left alone (exit 2); no hook at all
/// is nothing to do.
pub fn uninstall() -> Result<Outcome, Error> {
    let hooks = git::hooks_dir()?;
    let path = hooks.join("pre-commit");
    let metadata = match std::fs::symlink_metadata(&path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("{} is not there: nothing to uninstall.", path.display());
            return Ok(Outcome::Success);
        }
        Err(e) => return Err(Error::io(&path, e)),
    };
    let ours = metadata.is_file() && {
        let text = crate::files::read_regular(&path, crate::files::DEFAULT_MAX_FILE_SIZE)
            .map_err(|e| Error::io(&path, e))?;
        String::from_utf8_lossy(&text).contains(MARKER)
    };
    if !ours {
        return Err(Error::Usage(format!(
            "{} was not written by pm; pm hook uninstall leaves it alone",
            path.display()
        )));
    }
    let newest = newest_backup(&hooks);
    std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
    match newest {
        Some(backup) => {
            keep_as(&backup, &path)?;
            eprintln!(
                "Removed pm's hook; {} is back as {}.",
                backup.display(),
                path.display()
            );
        }
        None => eprintln!("Removed pm's hook {}.", path.display()),
    }
    Ok(Outcome::Success)
}

/// The backup made last: the highest `pre-commit.bak.N`, else
/// `pre-commit.bak`.
fn newest_backup(hooks: &Path) -> Option<PathBuf> {
    let exists = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    (1..1000)
        .map(|n| hooks.join(format!("pre-commit.bak.{n}")))
        .take_while(|p| exists(p))
        .last()
        .or_else(|| Some(hooks.join("pre-commit.bak")).filter(|p| exists(p)))
}

/// The first of `pre-commit.bak`, `pre-commit.bak.1`, … that names nothing
/// (not even a link).
fn free_backup(hooks: &Path) -> Result<PathBuf, Error> {
    for n in 0..1000 {
        let name = match n {
            0 => "pre-commit.bak".to_owned(),
            n => format!("pre-commit.bak.{n}"),
        };
        let candidate = hooks.join(name);
        match std::fs::symlink_metadata(&candidate) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(candidate),
            Err(e) => return Err(Error::io(&candidate, e)),
            Ok(_) => {}
        }
    }
    Err(Error::Usage(format!(
        "{} holds 1000 backups of the pre-commit hook; remove some",
        hooks.display()
    )))
}

/// Moves the hook at `path` to `backup` without replacing anything there: a
/// second link, then the first removed (a rename would replace a backup
/// made meanwhile).
fn keep_as(path: &Path, backup: &Path) -> Result<(), Error> {
    match std::fs::hard_link(path, backup) {
        Ok(()) => std::fs::remove_file(path).map_err(|e| Error::io(path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::io(backup, e)),
        // A file system without hard links: the name was free a moment ago.
        Err(_) => std::fs::rename(path, backup).map_err(|e| Error::io(backup, e)),
    }
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
         # Skip it once with `git commit --no-verify`; `pm hook uninstall` removes it.\n\
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
