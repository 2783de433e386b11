//! The PyPI package: the wheel that .ci/run builds with maturin (named by
//! PM_WHEEL) installs into a new virtualenv with no Rust and no index, and
//! the `pm` it puts there lints the bundled examples.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TODAY, tmp};

/// The wheel .ci/run built with maturin.
fn wheel() -> Option<PathBuf> {
    common::ci_tool("PM_WHEEL", "a wheel built by `maturin build`")
}

#[test]
fn the_wheel_installs_into_a_new_virtualenv_and_lints_the_examples() {
    let Some(wheel) = wheel() else {
        return;
    };
    assert!(
        wheel.file_name().and_then(|n| n.to_str()).is_some_and(
            |n| n.starts_with(&format!("pm_postmortems-{}-", env!("CARGO_PKG_VERSION")))
        ),
        "{}",
        wheel.display()
    );
    let dir = tmp();
    let venv = dir.path().join("venv");
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let pip = Command::new(venv.join("bin/pip"))
        .args([
            "install",
            "--quiet",
            "--no-index",
            "--disable-pip-version-check",
        ])
        .arg(&wheel)
        .output()
        .unwrap();
    assert!(
        pip.status.success(),
        "{}",
        String::from_utf8_lossy(&pip.stderr)
    );

    let pm = venv.join("bin/pm");
    let version = Command::new(&pm).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("pm {}\n", env!("CARGO_PKG_VERSION"))
    );
    let lint = Command::new(&pm)
        .args(["lint", "--strict", "--today", TODAY, "examples/postmortems"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&lint.stderr),
        "Found 0 errors and 4 warnings in 3 of 12 files checked.\n"
    );
    assert_eq!(lint.status.code(), Some(0));
}
