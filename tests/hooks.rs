//! pm in Git hooks, for real: the pre-commit framework using this repository
//! as its hook source, and the hook `pm hook install` writes. Each test makes
//! a temporary repository, commits a finished postmortem with an unfilled
//! placeholder (rejected, with the finding shown), then the filled version
//! with the folder's index beside it (accepted).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{pm, tmp};
use tempfile::TempDir;

/// A clean, finished postmortem from examples/ and the same file with one
/// placeholder put back.
fn postmortems() -> (String, String) {
    let good = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/postmortems/2026-02-09-checkout-api-503s-from-orders-db-connection-pool-exhaustion.md"),
    )
    .unwrap();
    let bad = good.replacen(
        "\n## 1. Incident Summary\n",
        "\n## 1. Incident Summary\n- **Owner:** [Your Name]\n",
        1,
    );
    assert_ne!(good, bad);
    (good, bad)
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn new_repo() -> TempDir {
    let tmp = tmp();
    git_ok(tmp.path(), &["init", "-q", "-b", "main"]);
    git_ok(tmp.path(), &["config", "commit.gpgsign", "false"]);
    tmp
}

/// The hooks folder of `repo`, made, and the pre-commit hook's path there.
fn hooks_of(repo: &TempDir) -> (PathBuf, PathBuf) {
    let hooks = repo.path().join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let hook = hooks.join("pre-commit");
    (hooks, hook)
}

const DOC: &str = "docs/postmortems/2026-02-09-db-pool.md";

fn stage(repo: &Path, text: &str) {
    let path = repo.join(DOC);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    git_ok(repo, &["add", DOC]);
}

/// Stages the index `pm index --write docs/postmortems/README.md` writes:
/// not a postmortem, so no hook may reject it.
fn stage_index(repo: &Path) {
    let index = "docs/postmortems/README.md";
    std::fs::create_dir_all(repo.join("docs/postmortems")).unwrap();
    std::fs::write(
        repo.join(index),
        "<!-- pm-index:start -->\n| Date | ID |\n|---|---|\n<!-- pm-index:end -->\n",
    )
    .unwrap();
    git_ok(repo, &["add", index]);
}

/// Commits; returns (success, stdout + stderr).
fn commit(repo: &Path, message: &str, extra_env: &[(&str, PathBuf)]) -> (bool, String) {
    let mut cmd = Command::new("git");
    cmd.args(["commit", "-q", "-m", message])
        .current_dir(repo)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("NO_COLOR", "1");
    for (key, value) in extra_env {
        cmd.env(key, value);
    }
    let out = cmd.output().expect("git commit runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn hook_install_rejects_an_unfilled_postmortem_and_accepts_a_filled_one() {
    let repo = new_repo();
    pm(&repo)
        .args(["hook", "install"])
        .assert()
        .success()
        .stdout(".git/hooks/pre-commit\n");
    let (good, bad) = postmortems();

    stage(repo.path(), &bad);
    let (ok, output) = commit(repo.path(), "bad", &[]);
    assert!(!ok, "the commit went through:\n{output}");
    assert!(
        output.contains("error[PM201]: unfilled placeholder `[Your Name]`"),
        "{output}"
    );
    assert!(output.contains(&format!(" --> {DOC}:22:14")), "{output}");
    let head = git(repo.path(), &["rev-parse", "--verify", "-q", "HEAD"]);
    assert!(!head.status.success(), "no commit was made");

    stage(repo.path(), &good);
    stage_index(repo.path());
    let (ok, output) = commit(repo.path(), "good", &[]);
    assert!(ok, "{output}");
    assert_eq!(git_ok(repo.path(), &["log", "--format=%s"]), "good\n");
}

/// With the hook in place and [`DOC`] committed: a commit that adds a
/// postmortem reusing its incident id is blocked, and so is one that
/// deletes it while another postmortem links to it (found on the file that
/// links, which the commit does not touch); the commit that also fixes the
/// link goes through.
fn cross_file_changes_are_blocked(repo: &Path, env: &[(&str, PathBuf)]) {
    let (good, _) = postmortems();
    let links = "docs/postmortems/2026-03-01-follow-up.md";
    let linking = good.replacen("INC-2026-0007", "INC-2026-0008", 1)
        + "\nSee [the pool incident](2026-02-09-db-pool.md) for the first time.\n";
    std::fs::write(repo.join(links), &linking).unwrap();
    git_ok(repo, &["add", links]);
    let (ok, output) = commit(repo, "follow-up", env);
    assert!(ok, "{output}");

    let reused = "docs/postmortems/2026-11-30-cache.md";
    std::fs::write(repo.join(reused), &good).unwrap();
    git_ok(repo, &["add", reused]);
    let (ok, output) = commit(repo, "reused id", env);
    assert!(!ok, "the commit went through:\n{output}");
    assert!(
        output.contains(&format!(
            "error[PM309]: incident id `INC-2026-0007` is also used by {DOC}"
        )),
        "{output}"
    );
    git_ok(repo, &["rm", "-q", "-f", reused]);

    git_ok(repo, &["rm", "-q", DOC]);
    let (ok, output) = commit(repo, "delete", env);
    assert!(!ok, "the commit went through:\n{output}");
    assert!(
        output.contains(&format!(
            "error[PM308]: link to `2026-02-09-db-pool.md`: the change deletes {DOC}"
        )),
        "{output}"
    );
    assert!(output.contains(&format!(" --> {links}:106:5")), "{output}");

    std::fs::write(
        repo.join(links),
        good.replacen("INC-2026-0007", "INC-2026-0008", 1),
    )
    .unwrap();
    git_ok(repo, &["add", links]);
    let (ok, output) = commit(repo, "delete and unlink", env);
    assert!(ok, "{output}");
}

#[test]
fn the_installed_hook_blocks_a_reused_id_and_a_deleted_linked_postmortem() {
    let repo = new_repo();
    pm(&repo).args(["hook", "install"]).assert().success();
    let (good, _) = postmortems();
    stage(repo.path(), &good);
    stage_index(repo.path());
    let (ok, output) = commit(repo.path(), "first", &[]);
    assert!(ok, "{output}");
    cross_file_changes_are_blocked(repo.path(), &[]);
}

#[test]
fn the_installed_hook_only_lints_staged_postmortems() {
    let repo = new_repo();
    pm(&repo).args(["hook", "install"]).assert().success();
    // Not a postmortem: not linted, even with a placeholder.
    std::fs::write(
        repo.path().join("README.md"),
        "# Team\n\nOwner: [Your Name]\n",
    )
    .unwrap();
    git_ok(repo.path(), &["add", "README.md"]);
    // An unstaged broken postmortem is not linted either.
    std::fs::create_dir_all(repo.path().join("docs/postmortems")).unwrap();
    std::fs::write(repo.path().join("docs/postmortems/wip.md"), "# wip [TBD]\n").unwrap();
    let (ok, output) = commit(repo.path(), "readme", &[]);
    assert!(ok, "{output}");
}

#[test]
fn hook_install_never_clobbers_a_foreign_hook_without_force() {
    let repo = new_repo();
    let hook = repo.path().join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\necho mine\n").unwrap();
    pm(&repo)
        .args(["hook", "install"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: .git/hooks/pre-commit exists and was not written by pm; pass --force to replace it (it is kept as pre-commit.bak)\n",
        );
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho mine\n"
    );

    // Its own hook is replaced without fuss.
    pm(&repo)
        .args(["hook", "install", "--force"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(repo.path().join(".git/hooks/pre-commit.bak")).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
    let ours = std::fs::read_to_string(&hook).unwrap();
    assert!(ours.contains("pm hook install"), "{ours}");
    pm(&repo).args(["hook", "install"]).assert().success();
}

#[test]
fn hook_install_force_twice_keeps_every_foreign_hook() {
    let repo = new_repo();
    let (hooks, hook) = hooks_of(&repo);
    std::fs::write(&hook, "#!/bin/sh\necho first\n").unwrap();
    pm(&repo)
        .args(["hook", "install", "--force"])
        .assert()
        .success()
        .stderr("note: the previous hook is kept as .git/hooks/pre-commit.bak\n");
    // Someone puts their own hook back; pm is installed again.
    std::fs::write(&hook, "#!/bin/sh\necho second\n").unwrap();
    pm(&repo)
        .args(["hook", "install"])
        .assert()
        .code(2)
        .stderr(
            "error: .git/hooks/pre-commit exists and was not written by pm; pass --force to replace it (it is kept as pre-commit.bak.1)\n",
        );
    pm(&repo)
        .args(["hook", "install", "--force"])
        .assert()
        .success()
        .stderr("note: the previous hook is kept as .git/hooks/pre-commit.bak.1\n");
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-commit.bak")).unwrap(),
        "#!/bin/sh\necho first\n"
    );
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-commit.bak.1")).unwrap(),
        "#!/bin/sh\necho second\n"
    );
}

/// A repository whose own executable pre-commit hook (`echo mine`) pm has
/// replaced with `--force`: its hooks folder and hook path.
#[cfg(unix)]
fn forced_over_a_foreign_hook(repo: &TempDir) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let (hooks, hook) = hooks_of(repo);
    std::fs::write(&hook, "#!/bin/sh\necho mine\n").unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    pm(repo)
        .args(["hook", "install", "--force"])
        .assert()
        .success();
    (hooks, hook)
}

#[cfg(unix)]
#[test]
fn a_backed_up_hook_stays_executable() {
    use std::os::unix::fs::PermissionsExt;
    let repo = new_repo();
    let (hooks, _) = forced_over_a_foreign_hook(&repo);
    let mode = std::fs::metadata(hooks.join("pre-commit.bak"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o755);
}

#[cfg(unix)]
#[test]
fn a_symlinked_hook_needs_force_and_is_kept_as_a_link() {
    let repo = new_repo();
    let (hooks, hook) = hooks_of(&repo);
    // A link to a shared script that is not there (yet): still a hook.
    std::os::unix::fs::symlink("../../scripts/pre-commit", &hook).unwrap();
    pm(&repo)
        .args(["hook", "install"])
        .assert()
        .code(2)
        .stderr(
            "error: .git/hooks/pre-commit exists and was not written by pm; pass --force to replace it (it is kept as pre-commit.bak)\n",
        );
    assert_eq!(
        std::fs::read_link(&hook).unwrap(),
        Path::new("../../scripts/pre-commit")
    );
    // A link to a script of the repository: replacing the hook must not
    // write through the link into the script.
    std::fs::create_dir_all(repo.path().join("scripts")).unwrap();
    std::fs::write(
        repo.path().join("scripts/pre-commit"),
        "#!/bin/sh\necho shared\n",
    )
    .unwrap();
    pm(&repo)
        .args(["hook", "install", "--force"])
        .assert()
        .success();
    let backup = hooks.join("pre-commit.bak");
    assert_eq!(
        std::fs::read_link(&backup).unwrap(),
        Path::new("../../scripts/pre-commit")
    );
    assert_eq!(
        std::fs::read_to_string(repo.path().join("scripts/pre-commit")).unwrap(),
        "#!/bin/sh\necho shared\n"
    );
    assert!(
        !std::fs::symlink_metadata(&hook)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let ours = std::fs::read_to_string(&hook).unwrap();
    assert!(ours.contains("pm hook install"), "{ours}");
}

#[test]
fn the_staged_content_is_linted_not_the_working_tree() {
    let repo = new_repo();
    let (good, bad) = postmortems();
    stage(repo.path(), &bad);
    // Fixed in the working tree, not staged: the commit would hold the
    // placeholder.
    std::fs::write(repo.path().join(DOC), &good).unwrap();
    let assert = pm(&repo)
        .args(["lint", "--staged", "--format", "concise"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        stdout.contains(&format!(
            "{DOC}:22:14: PM201 [error] unfilled placeholder `[Your Name]`"
        )),
        "{stdout}"
    );
    // The hook blocks the commit.
    pm(&repo).args(["hook", "install"]).assert().success();
    let (ok, output) = commit(repo.path(), "add", &[]);
    assert!(!ok, "{output}");
    assert!(output.contains("[Your Name]"), "{output}");
    // And the other way round: fixed and staged, broken in the working
    // tree only, the commit is fine.
    git_ok(repo.path(), &["add", DOC]);
    std::fs::write(repo.path().join(DOC), &bad).unwrap();
    let (ok, output) = commit(repo.path(), "add", &[]);
    assert!(ok, "{output}");
}

#[test]
fn a_staged_postmortem_missing_from_the_working_tree_is_linted_from_the_index() {
    let repo = new_repo();
    let (_, bad) = postmortems();
    stage(repo.path(), &bad);
    std::fs::remove_dir_all(repo.path().join("docs")).unwrap();
    let assert = pm(&repo)
        .args(["lint", "--staged", "--format", "concise"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(stdout.contains(&format!("{DOC}:22:14: PM201")), "{stdout}");
}

#[test]
fn renamed_and_spaced_staged_postmortems_are_linted_under_their_new_names() {
    let repo = new_repo();
    let (good, bad) = postmortems();
    stage(repo.path(), &good);
    let (ok, output) = commit(repo.path(), "add", &[]);
    assert!(ok, "{output}");
    let renamed = "docs/postmortems/db pool outage.md";
    git_ok(repo.path(), &["mv", DOC, renamed]);
    std::fs::write(repo.path().join(renamed), &bad).unwrap();
    git_ok(repo.path(), &["add", renamed]);
    let assert = pm(&repo)
        .args(["lint", "--staged", "--format", "concise"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        stdout.contains(&format!("{renamed}:22:14: PM201")),
        "{stdout}"
    );
    assert!(!stdout.contains(DOC), "{stdout}");
}

#[test]
fn staged_postmortems_are_found_from_a_subfolder_without_a_config() {
    let repo = new_repo();
    let (_, bad) = postmortems();
    stage(repo.path(), &bad);
    std::fs::create_dir_all(repo.path().join("src/deep")).unwrap();
    let assert = pm(&repo)
        .current_dir(repo.path().join("src/deep"))
        .args(["lint", "--staged", "--format", "concise"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        stdout.contains(&format!("../../{DOC}:")) && stdout.contains("PM201"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_staged_postmortem_with_a_name_that_is_not_utf8_is_linted() {
    use std::os::unix::ffi::OsStrExt;
    let repo = new_repo();
    let (_, bad) = postmortems();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    let dir = repo.path().join("docs/postmortems");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), &bad).unwrap();
    git_ok(repo.path(), &["add", "docs/postmortems"]);
    let assert = pm(&repo)
        .args(["lint", "--staged", "--format", "concise"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        stdout.contains("docs/postmortems/caf\u{fffd}.md:") && stdout.contains("PM201"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn hook_uninstall_removes_pms_hook_and_puts_the_old_one_back() {
    use std::os::unix::fs::PermissionsExt;
    let repo = new_repo();
    let (hooks, hook) = forced_over_a_foreign_hook(&repo);
    pm(&repo)
        .args(["hook", "uninstall"])
        .assert()
        .success()
        .stdout("")
        .stderr("Removed pm's hook; .git/hooks/pre-commit.bak is back as .git/hooks/pre-commit.\n");
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
    let mode = std::fs::metadata(&hook).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o755);
    assert!(!hooks.join("pre-commit.bak").exists());
    // The old hook is not pm's: a second uninstall leaves it alone.
    pm(&repo)
        .args(["hook", "uninstall"])
        .assert()
        .code(2)
        .stderr(
            "error: .git/hooks/pre-commit was not written by pm; pm hook uninstall leaves it alone\n",
        );
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
}

#[test]
fn hook_uninstall_without_a_backup_removes_the_hook_and_without_a_hook_does_nothing() {
    let repo = new_repo();
    pm(&repo).args(["hook", "install"]).assert().success();
    pm(&repo)
        .args(["hook", "uninstall"])
        .assert()
        .success()
        .stderr("Removed pm's hook .git/hooks/pre-commit.\n");
    assert!(!repo.path().join(".git/hooks/pre-commit").exists());
    pm(&repo)
        .args(["hook", "uninstall"])
        .assert()
        .success()
        .stderr(".git/hooks/pre-commit is not there: nothing to uninstall.\n");
}

#[test]
fn hook_install_outside_a_repository_is_a_clear_error() {
    let dir = tmp();
    let out = pm(&dir)
        .args(["hook", "install"])
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with(
            "error: pm hook install: git rev-parse --git-path hooks: fatal: not a git repository"
        ),
        "{stderr}"
    );
}

/// The `pre-commit` program, installed by .ci/run into a virtualenv.
fn pre_commit() -> Option<PathBuf> {
    common::ci_tool("PM_PRE_COMMIT", "a pre-commit executable")
}

/// Commits `config` as `.pre-commit-config.yaml` in a new repository,
/// installs pre-commit's hook there, and checks that commits run with `env`
/// reject an unfilled placeholder and accept the filled postmortem, then
/// block a reused id and the deletion of a linked postmortem.
fn pre_commit_blocks_what_pm_finds(pre_commit: &Path, config: &str, env: &[(&str, PathBuf)]) {
    let repo = new_repo();
    std::fs::write(repo.path().join(".pre-commit-config.yaml"), config).unwrap();
    git_ok(repo.path(), &["add", ".pre-commit-config.yaml"]);
    let (ok, output) = commit(repo.path(), "config", &[]);
    assert!(ok, "{output}");
    let install = Command::new(pre_commit)
        .args(["install"])
        .current_dir(repo.path())
        .output()
        .expect("pre-commit runs");
    assert!(
        install.status.success(),
        "{}",
        String::from_utf8_lossy(&install.stderr)
    );

    let (good, bad) = postmortems();
    stage(repo.path(), &bad);
    let (ok, output) = commit(repo.path(), "bad", env);
    assert!(!ok, "the commit went through:\n{output}");
    assert!(output.contains("pm lint"), "{output}");
    assert!(
        output.contains("error[PM201]: unfilled placeholder `[Your Name]`"),
        "{output}"
    );
    assert!(output.contains(&format!(" --> {DOC}:22:14")), "{output}");

    stage(repo.path(), &good);
    stage_index(repo.path());
    let (ok, output) = commit(repo.path(), "good", env);
    assert!(ok, "{output}");
    assert_eq!(git_ok(repo.path(), &["log", "-1", "--format=%s"]), "good\n");

    cross_file_changes_are_blocked(repo.path(), env);
}

#[test]
fn the_pre_commit_framework_runs_the_pm_lint_hook_from_this_repository() {
    let Some(pre_commit) = pre_commit() else {
        return;
    };
    let source = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rev = git_ok(source, &["rev-parse", "HEAD"]);
    let config = format!(
        "repos:\n  - repo: {}\n    rev: {}\n    hooks:\n      - id: pm-lint\n        files: ^docs/postmortems/\n",
        source.display(),
        rev.trim()
    );
    // pre-commit builds pm with `cargo install`; a shared target folder and
    // no LTO keep that quick, and its environments are cached across runs.
    let target = source.join("target");
    let env = [
        ("PRE_COMMIT_HOME", target.join("pre-commit-home")),
        ("CARGO_TARGET_DIR", target.join("pre-commit-build")),
        ("CARGO_PROFILE_RELEASE_LTO", PathBuf::from("false")),
        ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", PathBuf::from("16")),
    ];
    pre_commit_blocks_what_pm_finds(&pre_commit, &config, &env);
}

/// The wheel .ci/run built with maturin.
fn wheel() -> Option<PathBuf> {
    common::ci_tool("PM_WHEEL", "a wheel built by `maturin build`")
}

#[test]
fn a_python_pre_commit_hook_runs_the_prebuilt_wheel_without_rust() {
    let (Some(pre_commit), Some(wheel)) = (pre_commit(), wheel()) else {
        return;
    };
    // What the README gives for a pre-commit hook without Rust, with the
    // wheel's file in place of `pm-postmortems==VERSION` from PyPI.
    let config = format!(
        "repos:\n  - repo: local\n    hooks:\n      - id: pm-lint\n        name: pm lint\n        entry: pm lint --staged\n        language: python\n        additional_dependencies: [\"{}\"]\n        types: [markdown]\n        exclude: '(?i)(^|/)(readme|index)\\.(md|markdown)$'\n        always_run: true\n",
        wheel.display()
    );
    let source = Path::new(env!("CARGO_MANIFEST_DIR"));
    // No cargo on the PATH: the hook must not need it.
    let env = [
        ("PRE_COMMIT_HOME", source.join("target/pre-commit-home")),
        ("PATH", PathBuf::from("/usr/local/bin:/usr/bin:/bin")),
    ];
    pre_commit_blocks_what_pm_finds(&pre_commit, &config, &env);
}
