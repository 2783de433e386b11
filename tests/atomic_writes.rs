//! Every command that writes goes through a temporary file and a rename, or
//! create-new: when writing fails part way (here: a full disk, or a folder
//! that cannot be written), the file that was there is left exactly as it
//! was and no temporary file is left behind.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{pm, snapshot, tmp};
use tempfile::TempDir;

/// A folder where writing fails: a full 1 MiB tmpfs when pm may mount one
/// (root), else a read-only folder. Holds files prepared before it filled.
struct Jammed {
    _tmp: TempDir,
    dir: PathBuf,
    mounted: bool,
}

impl Jammed {
    /// Prepares the folder with `prepare`, then jams it. `None` when neither
    /// way works here.
    fn new(prepare: impl FnOnce(&Path)) -> Option<Jammed> {
        let tmp = tmp();
        let dir = tmp.path().join("jammed");
        std::fs::create_dir(&dir).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(&dir)
            .output()
            .is_ok_and(|o| o.status.success());
        prepare(&dir);
        if mounted {
            // Fill the disk to the last byte.
            let mut filler = std::fs::File::create(dir.join("filler")).unwrap();
            let block = vec![0u8; 4096];
            while std::io::Write::write_all(&mut filler, &block).is_ok() {}
            while std::io::Write::write_all(&mut filler, &[0]).is_ok() {}
            return Some(Jammed {
                _tmp: tmp,
                dir,
                mounted,
            });
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
            let probe = dir.join(".probe");
            if std::fs::write(&probe, b"x").is_ok() {
                let _ = std::fs::remove_file(probe);
                // In CI a test that cannot set up its condition fails.
                assert!(
                    std::env::var_os("CI").is_none(),
                    "cannot jam a folder: no tmpfs can be mounted and root writes read-only folders"
                );
                eprintln!("skipped: cannot mount a tmpfs and root writes read-only folders");
                return None;
            }
            Some(Jammed {
                _tmp: tmp,
                dir,
                mounted,
            })
        }
        #[cfg(not(unix))]
        {
            assert!(
                std::env::var_os("CI").is_none(),
                "cannot jam a folder on this system"
            );
            None
        }
    }
}

impl Drop for Jammed {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount").arg(&self.dir).status();
        } else {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o755));
            }
        }
    }
}

/// Runs `pm args` in `cwd`; asserts exit 2 and that `jammed` is unchanged.
fn assert_nothing_lost(jammed: &Jammed, cwd: &Path, args: &[&str]) {
    let files = || {
        let mut all = snapshot(&jammed.dir);
        all.remove(Path::new("filler"));
        all
    };
    let before = files();
    let here = tmp();
    let output = pm(&here).current_dir(cwd).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "pm {args:?}: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    let after = files();
    let changed: Vec<_> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(changed.is_empty(), "pm {args:?} changed {changed:?}");
}

const OLD: &str = "the old contents\n";

#[test]
fn pm_new_force_keeps_the_old_file() {
    let Some(jammed) = Jammed::new(|dir| std::fs::write(dir.join("old.md"), OLD).unwrap()) else {
        return;
    };
    assert_nothing_lost(
        &jammed,
        &jammed.dir,
        &[
            "new",
            "--no-input",
            "--title",
            "T",
            "--output",
            "old.md",
            "--force",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(jammed.dir.join("old.md")).unwrap(),
        OLD
    );
}

#[test]
fn pm_index_write_keeps_the_old_file() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/postmortems");
    let Some(jammed) = Jammed::new(|dir| {
        std::fs::write(dir.join("README.md"), format!("# Incidents\n\n{OLD}")).unwrap()
    }) else {
        return;
    };
    let examples = examples.to_string_lossy().into_owned();
    assert_nothing_lost(
        &jammed,
        &jammed.dir,
        &["index", "--write", "README.md", &examples],
    );
}

#[test]
fn pm_templates_eject_force_keeps_the_old_file() {
    let Some(jammed) = Jammed::new(|dir| std::fs::write(dir.join("sre.md.tera"), OLD).unwrap())
    else {
        return;
    };
    assert_nothing_lost(
        &jammed,
        &jammed.dir,
        &["templates", "eject", "sre", "--to", ".", "--force"],
    );
}

#[test]
fn pm_lint_output_file_keeps_the_old_report() {
    let Some(jammed) = Jammed::new(|dir| std::fs::write(dir.join("report.json"), OLD).unwrap())
    else {
        return;
    };
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/postmortems");
    let examples = examples.to_string_lossy().into_owned();
    assert_nothing_lost(
        &jammed,
        &jammed.dir,
        &[
            "lint",
            "--format",
            "json",
            "--output-file",
            "report.json",
            &examples,
        ],
    );
}

#[test]
fn pm_init_leaves_no_half_config() {
    let Some(jammed) = Jammed::new(|_| {}) else {
        return;
    };
    assert_nothing_lost(&jammed, &jammed.dir, &["init"]);
    assert!(!jammed.dir.join(".pm.yaml").exists());
}

#[test]
fn pm_hook_install_force_keeps_the_old_hook() {
    let Some(jammed) = Jammed::new(|dir| {
        let init = Command::new("git")
            .args(["init", "-q"])
            .current_dir(dir)
            .status()
            .unwrap();
        assert!(init.success());
        std::fs::write(dir.join(".git/hooks/pre-commit"), "#!/bin/sh\necho mine\n").unwrap();
    }) else {
        return;
    };
    assert_nothing_lost(&jammed, &jammed.dir, &["hook", "install", "--force"]);
    assert_eq!(
        std::fs::read_to_string(jammed.dir.join(".git/hooks/pre-commit")).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
}
