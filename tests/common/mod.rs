//! Helpers shared by the integration tests: running the real `pm` binary in a
//! temporary folder, reading back what it wrote, and parsing front matter.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod lint;
pub mod portfolio;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde::Deserialize;
use tempfile::TempDir;

/// The day every test that depends on today is pinned to (`--today`): the
/// example postmortems' action items due by then are overdue.
pub const TODAY: &str = "2026-12-01";

/// The `--date` every `pm new` run uses unless a test needs another one.
pub const DATE: &str = "2026-11-22";

/// The built-in templates, in listing order, as `pm templates list` gives
/// them: a new template is tested with no list to update.
pub fn templates() -> Vec<String> {
    let mut cmd = Command::cargo_bin("pm").expect("the pm binary is built");
    let list = stdout_of(cmd.args(["--no-config", "templates", "list"]));
    let names: Vec<String> = list
        .lines()
        .filter_map(|line| {
            let mut columns = line.split_whitespace();
            let name = columns.next()?;
            (columns.next() == Some("built-in")).then(|| name.to_owned())
        })
        .collect();
    assert!(names.len() >= 5, "pm templates list: {list}");
    names
}

/// What pm says of a template name it does not know, after `expected`.
pub fn one_of_the_templates() -> String {
    format!("one of {}", templates().join(", "))
}

/// The default severity scale.
pub const SEVERITIES: [&str; 4] = ["SEV-1", "SEV-2", "SEV-3", "SEV-4"];

/// A fresh, empty temporary folder.
pub fn tmp() -> TempDir {
    TempDir::new().expect("create a temporary folder")
}

/// `pm` run inside `tmp` with colour off and no editor configured.
pub fn pm(tmp: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("pm").expect("the pm binary is built");
    cmd.current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("VISUAL")
        .env_remove("EDITOR");
    cmd
}

/// `pm new --no-input --date <date>` run inside `tmp`.
pub fn pm_new_on(tmp: &TempDir, date: &str) -> Command {
    let mut cmd = pm(tmp);
    cmd.args(["new", "--no-input", "--date", date]);
    cmd
}

/// `pm new --no-input --date 2026-11-22` run inside `tmp`.
pub fn pm_new(tmp: &TempDir) -> Command {
    pm_new_on(tmp, DATE)
}

/// The stdout of a successful run, as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(output).expect("stdout is UTF-8")
}

/// `pm --no-config adopt --dry-run --report --format json pm` inside
/// `tmp`, parsed: what adopting the folder `pm` would fill and leave empty.
pub fn adopt_report(tmp: &TempDir) -> serde_json::Value {
    let out = stdout_of(pm(tmp).args([
        "--no-config",
        "adopt",
        "--dry-run",
        "--report",
        "--format",
        "json",
        "pm",
    ]));
    serde_json::from_str(&out).expect("JSON")
}

/// What is in a folder: every file and folder below it, by path relative to
/// it, with the bytes of each file (`None` for a folder).
pub type Snapshot = BTreeMap<PathBuf, Option<Vec<u8>>>;

/// Takes a [`Snapshot`] of `root`.
pub fn snapshot(root: &Path) -> Snapshot {
    fn walk(root: &Path, dir: &Path, out: &mut Snapshot) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read folder {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.expect("read a folder entry");
            let path = entry.path();
            let relative = path.strip_prefix(root).expect("below root").to_owned();
            let file_type = entry.file_type().expect("file type");
            if file_type.is_dir() {
                out.insert(relative, None);
                walk(root, &path, out);
            } else {
                let bytes =
                    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
                out.insert(relative, Some(bytes));
            }
        }
    }
    let mut out = Snapshot::new();
    walk(root, root, &mut out);
    out
}

/// The relative paths in `root`, as `/`-separated strings, folders included.
pub fn paths(root: &Path) -> Vec<String> {
    snapshot(root)
        .keys()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect()
}

/// Reads a file as UTF-8 text.
pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The front matter fields `pm new` promises to write.
#[derive(Debug, PartialEq, Eq, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub incident_id: String,
    pub date: String,
    pub severity: Option<String>,
    pub status: String,
    pub lead: Option<String>,
    pub services: Vec<String>,
    pub template: String,
}

/// Splits a document into the YAML between its first two `---` lines and
/// the body after the second one.
pub fn split_front_matter(doc: &str) -> (&str, &str) {
    let rest = doc
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("the document does not start with a `---` line:\n{doc}"));
    let end = rest
        .find("\n---\n")
        .unwrap_or_else(|| panic!("no closing `---` line in:\n{doc}"));
    (&rest[..=end], &rest[end + "\n---\n".len()..])
}

/// Parses the front matter of a document with serde_saphyr.
pub fn front_matter(doc: &str) -> FrontMatter {
    let (yaml, _) = split_front_matter(doc);
    serde_saphyr::from_str(yaml)
        .unwrap_or_else(|e| panic!("front matter does not parse: {e}\n{yaml}"))
}

/// The body of a document: everything after the front matter.
pub fn body(doc: &str) -> &str {
    split_front_matter(doc).1
}

/// Writes an executable shell script.
#[cfg(unix)]
pub fn write_script(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).expect("write the script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .expect("make the script executable");
}

/// Runs `git args` in `dir` as a test user and returns its stdout, trimmed;
/// a failure fails the test with git's complaint.
pub fn git_in(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A tool that .ci/run installs and names in the environment variable
/// `var` (`what` says what it is). Outside CI a test that needs it is
/// skipped without it; in CI its absence is a failure.
pub fn ci_tool(var: &str, what: &str) -> Option<PathBuf> {
    match std::env::var_os(var) {
        Some(path) => Some(PathBuf::from(path)),
        None if std::env::var_os("CI").is_some() => {
            panic!("{var} is not set: .ci/run provides {what} and sets it")
        }
        None => {
            eprintln!("skipped: set {var} to {what} to run this test");
            None
        }
    }
}
