//! The checks across files see the whole postmortems folder whatever files a
//! run is given: an incident id reused from a postmortem that is not linted
//! (PM309), and a link in another postmortem to a file the change deletes
//! or renames (PM308, reported on the postmortem that links). With
//! `--staged` the folder is read as Git's index holds it.

mod common;

use std::path::Path;

use common::{TODAY, pm, tmp};
use tempfile::TempDir;

const OLD: &str = "docs/postmortems/2026-02-09-db-pool.md";
const NEW: &str = "docs/postmortems/2026-11-30-cache.md";
const LINKS: &str = "docs/postmortems/2026-03-01-follow-up.md";

/// A finished postmortem that lints clean, with `id` as its incident id and
/// `extra` added at its end.
fn postmortem(id: &str, extra: &str) -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "examples/postmortems/2026-02-09-checkout-api-503s-from-orders-db-connection-pool-exhaustion.md",
    ))
    .unwrap();
    let text = text.replacen(
        "incident_id: INC-2026-0007",
        &format!("incident_id: {id}"),
        1,
    );
    format!("{text}{extra}")
}

fn write(dir: &TempDir, path: &str, text: &str) {
    let path = dir.path().join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn git(dir: &TempDir, args: &[&str]) {
    common::git_in(dir.path(), args);
}

/// A repository with `OLD` committed and `LINKS`, which links to it.
fn repo_with_a_link() -> TempDir {
    let dir = tmp();
    git(&dir, &["init", "-q", "-b", "main"]);
    write(&dir, OLD, &postmortem("INC-2026-0007", ""));
    write(
        &dir,
        LINKS,
        &postmortem(
            "INC-2026-0008",
            "\nSee [the pool incident](2026-02-09-db-pool.md#timeline) for the first time.\n",
        ),
    );
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "two postmortems"]);
    dir
}

/// Runs `pm --no-config lint --format concise ARGS` in `dir`: (exit code,
/// stdout, stderr).
fn lint(dir: &TempDir, args: &[&str]) -> (i32, String, String) {
    let out = pm(dir)
        .args([
            "--no-config",
            "lint",
            "--format",
            "concise",
            "--today",
            TODAY,
        ])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn one_file_linted_is_compared_with_every_postmortem_of_the_folder() {
    let dir = tmp();
    write(&dir, OLD, &postmortem("INC-2026-0007", ""));
    write(&dir, NEW, &postmortem("INC-2026-0007", ""));
    let (code, out, err) = lint(&dir, &[NEW]);
    assert_eq!(
        out,
        format!("{NEW}:3:14: PM309 [error] incident id `INC-2026-0007` is also used by {OLD}\n")
    );
    assert_eq!(
        err,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(code, 1);

    write(&dir, NEW, &postmortem("INC-2026-0070", ""));
    let (code, out, _) = lint(&dir, &[NEW]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn an_id_quoted_differently_in_the_other_file_is_the_same_id() {
    let dir = tmp();
    write(
        &dir,
        OLD,
        &postmortem("INC-2026-0007", "").replacen("INC-2026-0007", "\"INC-2026-0007\"", 1),
    );
    write(&dir, NEW, &postmortem("INC-2026-0007", ""));
    let (code, out, _) = lint(&dir, &[NEW]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("PM309"), "{out}");
}

#[test]
fn the_whole_folder_reports_a_shared_id_on_both_files_once() {
    let dir = tmp();
    write(&dir, OLD, &postmortem("INC-2026-0007", ""));
    write(&dir, NEW, &postmortem("INC-2026-0007", ""));
    let (code, out, _) = lint(&dir, &["docs/postmortems"]);
    assert_eq!(
        out,
        format!(
            "{OLD}:3:14: PM309 [error] incident id `INC-2026-0007` is also used by {NEW}\n\
             {NEW}:3:14: PM309 [error] incident id `INC-2026-0007` is also used by {OLD}\n"
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn staged_ids_are_compared_with_the_folder_as_the_index_holds_it() {
    let dir = repo_with_a_link();
    // Staged: a reused id. The working tree already has another one, which
    // is not what the commit would hold.
    write(&dir, NEW, &postmortem("INC-2026-0008", ""));
    git(&dir, &["add", NEW]);
    write(&dir, NEW, &postmortem("INC-2026-0099", ""));
    let (code, out, _) = lint(&dir, &["--staged"]);
    assert_eq!(
        out,
        format!("{NEW}:3:14: PM309 [error] incident id `INC-2026-0008` is also used by {LINKS}\n")
    );
    assert_eq!(code, 1);

    // The other way round: the index holds the other file with a new id,
    // the working tree still the old one.
    git(&dir, &["add", NEW]);
    write(&dir, LINKS, &postmortem("INC-2026-0099", ""));
    let (code, out, _) = lint(&dir, &["--staged", NEW]);
    assert_eq!((code, out.as_str()), (0, ""), "the working tree was read");
}

#[test]
fn a_staged_deletion_of_a_linked_postmortem_is_reported_on_the_file_that_links() {
    let dir = repo_with_a_link();
    git(&dir, &["rm", "-q", OLD]);
    let (code, out, err) = lint(&dir, &["--staged"]);
    assert_eq!(
        out,
        format!(
            "{LINKS}:106:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change deletes {OLD}\n"
        )
    );
    assert_eq!(
        err,
        "Found 1 error and 0 warnings in 1 other postmortem of the folder; 0 files checked.\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_rename_names_the_new_path_in_the_help() {
    let dir = repo_with_a_link();
    std::fs::create_dir(dir.path().join("docs/postmortems/2026")).unwrap();
    git(
        &dir,
        &[
            "mv",
            OLD,
            "docs/postmortems/2026/2026-02-09-pool exhaustion.md",
        ],
    );
    let out = pm(&dir)
        .args(["--no-config", "lint", "--staged"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "error[PM308]: link to `2026-02-09-db-pool.md`: the change renames {OLD} to docs/postmortems/2026/2026-02-09-pool exhaustion.md\n"
        )),
        "{text}"
    );
    assert!(
        text.contains("= help: link to `2026/2026-02-09-pool%20exhaustion.md#timeline` instead"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_deletion_in_the_working_tree_is_found_when_other_files_are_linted() {
    let dir = repo_with_a_link();
    std::fs::remove_file(dir.path().join(OLD)).unwrap();
    write(&dir, NEW, &postmortem("INC-2026-0070", ""));
    let (code, out, _) = lint(&dir, &[NEW]);
    assert_eq!(
        out,
        format!(
            "{LINKS}:106:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change deletes {OLD}\n"
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn a_link_broken_before_the_change_is_left_to_the_lint_of_its_own_file() {
    let dir = repo_with_a_link();
    write(
        &dir,
        OLD,
        &postmortem("INC-2026-0007", "\nSee [the runbook](runbooks/gone.md).\n"),
    );
    git(&dir, &["commit", "-q", "-am", "a broken link"]);
    write(&dir, NEW, &postmortem("INC-2026-0070", ""));
    let (code, out, _) = lint(&dir, &[NEW]);
    assert_eq!((code, out.as_str()), (0, ""));
    // Linting the whole folder reports it, on its file, once.
    std::fs::remove_file(dir.path().join(LINKS)).unwrap();
    let (code, out, _) = lint(&dir, &["docs/postmortems"]);
    assert_eq!(
        out,
        format!(
            "{OLD}:106:5: PM308 [error] link to `runbooks/gone.md`: no such file (docs/postmortems/runbooks/gone.md)\n"
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn a_suppressed_link_is_not_reported_on_the_other_file() {
    let dir = repo_with_a_link();
    let linking = std::fs::read_to_string(dir.path().join(LINKS)).unwrap();
    write(
        &dir,
        LINKS,
        &linking.replacen(
            "\nSee [the pool",
            "\n<!-- pm-lint-disable-next-line PM308 -->\nSee [the pool",
            1,
        ),
    );
    git(&dir, &["commit", "-q", "-am", "suppressed"]);
    git(&dir, &["rm", "-q", OLD]);
    let (code, out, _) = lint(&dir, &["--staged"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn changed_since_lints_what_a_branch_changes_and_what_it_breaks() {
    let dir = repo_with_a_link();
    git(&dir, &["checkout", "-q", "-b", "change"]);
    // Git reads the new file, nearly the old one, as the old one renamed.
    write(&dir, NEW, &postmortem("INC-2026-0008", ""));
    git(&dir, &["add", NEW]);
    git(&dir, &["rm", "-q", OLD]);
    git(&dir, &["commit", "-q", "-m", "the change"]);
    let (code, out, err) = lint(&dir, &["--changed-since", "main"]);
    assert_eq!(
        out,
        format!(
            "{NEW}:3:14: PM309 [error] incident id `INC-2026-0008` is also used by {LINKS}\n\
             {LINKS}:106:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change renames {OLD} to {NEW}\n"
        )
    );
    assert_eq!(
        err,
        "Found 2 errors and 0 warnings in 1 of 1 file checked, and in 1 other postmortem of the folder.\n"
    );
    assert_eq!(code, 1);

    // Nothing changed since the branch's own commit: nothing to lint.
    let (code, out, err) = lint(&dir, &["--changed-since", "HEAD"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "", "Checked 0 files: no problems found.\n")
    );
}

#[test]
fn changed_since_an_unknown_commit_is_a_clear_error() {
    let dir = repo_with_a_link();
    let (code, out, err) = lint(&dir, &["--changed-since", "no-such-branch"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            2,
            "",
            "error: pm lint --changed-since no-such-branch: git diff: fatal: bad revision 'no-such-branch'\n"
        )
    );
}

#[test]
fn changed_since_outside_a_repository_says_so() {
    let dir = tmp();
    std::fs::create_dir_all(dir.path().join("docs/postmortems")).unwrap();
    let (code, out, err) = lint(&dir, &["--changed-since", "main"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("error: pm lint --changed-since main: git rev-parse --show-cdup: fatal: not a git repository"),
        "{err}"
    );
}

#[test]
fn a_file_reached_through_a_linked_folder_is_not_its_own_duplicate() {
    let dir = repo_with_a_link();
    let link = tmp();
    let through = link.path().join("repo");
    std::os::unix::fs::symlink(dir.path(), &through).unwrap();
    let folder = through.join("docs/postmortems");
    let (code, out, _) = lint(&dir, &[folder.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, ""));
    let one = folder.join("2026-02-09-db-pool.md");
    let (code, out, _) = lint(&dir, &[one.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, ""));
    write(&dir, NEW, &postmortem("INC-2026-0007", ""));
    git(&dir, &["add", NEW]);
    let (code, out, _) = lint(&dir, &["--staged", through.join(NEW).to_str().unwrap()]);
    assert_eq!(
        (code, out.as_str()),
        (
            1,
            format!(
                "{NEW}:3:14: PM309 [error] incident id `INC-2026-0007` is also used by {OLD}\n"
            )
            .as_str()
        )
    );
}

#[test]
fn changed_since_will_not_pass_an_option_to_git() {
    let dir = repo_with_a_link();
    let (code, _, err) = lint(&dir, &["--changed-since=--output=written"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: invalid value '--output=written' for '--changed-since': expected a Git commit: a branch, a tag, HEAD^1 or a commit id\n"
    );
    assert!(!dir.path().join("written").exists());
}

#[test]
fn changed_since_needs_the_folder_and_counts_new_files_not_yet_added() {
    let dir = repo_with_a_link();
    write(&dir, NEW, &postmortem("INC-2026-0008", ""));
    let (code, out, _) = lint(&dir, &["--changed-since", "HEAD"]);
    assert_eq!(
        (code, out.as_str()),
        (
            1,
            format!(
                "{NEW}:3:14: PM309 [error] incident id `INC-2026-0008` is also used by {LINKS}\n"
            )
            .as_str()
        )
    );
    let sub = dir.path().join("docs");
    let out = pm(&dir)
        .current_dir(&sub)
        .args(["--no-config", "lint", "--changed-since", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no postmortems folder `docs/postmortems`; --changed-since lints the postmortems changed there\n"
    );
}

#[test]
fn the_rename_help_writes_a_link_that_works_and_keeps_the_anchor() {
    let dir = repo_with_a_link();
    git(&dir, &["mv", OLD, "docs/postmortems/pool #2 (final).md"]);
    let out = pm(&dir)
        .args(["--no-config", "lint", "--format", "json", "--staged"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["findings"][0]["help"],
        "link to `pool%20%232%20%28final%29.md#timeline` instead"
    );
}

#[test]
fn links_written_in_other_forms_and_to_a_folder_are_found() {
    let dir = tmp();
    git(&dir, &["init", "-q", "-b", "main"]);
    write(
        &dir,
        "docs/postmortems/db (primary).md",
        &postmortem("INC-2026-0001", ""),
    );
    write(
        &dir,
        "docs/postmortems/r&d.md",
        &postmortem("INC-2026-0002", ""),
    );
    write(&dir, "docs/postmortems/runbooks/pool.md", "# Pool\n");
    write(
        &dir,
        LINKS,
        &postmortem(
            "INC-2026-0008",
            "\n[p](db%20(primary).md), [r](r&amp;d.md) and [the runbooks](runbooks/).\n",
        ),
    );
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "three"]);
    git(
        &dir,
        &[
            "rm",
            "-q",
            "-r",
            "docs/postmortems/db (primary).md",
            "docs/postmortems/r&d.md",
            "docs/postmortems/runbooks",
        ],
    );
    let (code, out, _) = lint(&dir, &["--staged"]);
    assert_eq!(
        out,
        format!(
            "{LINKS}:106:1: PM308 [error] link to `db%20(primary).md`: the change deletes docs/postmortems/db (primary).md\n\
             {LINKS}:106:25: PM308 [error] link to `r&d.md`: the change deletes docs/postmortems/r&d.md\n\
             {LINKS}:106:45: PM308 [error] link to `runbooks/`: the change deletes the folder docs/postmortems/runbooks/\n"
        )
    );
    assert_eq!(code, 1);
}

#[test]
fn a_file_removed_from_the_index_but_kept_on_disk_is_gone_for_the_commit() {
    let dir = repo_with_a_link();
    git(&dir, &["rm", "-q", "--cached", OLD]);
    let (code, out, _) = lint(&dir, &["--staged"]);
    assert_eq!(
        (code, out.as_str()),
        (
            1,
            format!(
                "{LINKS}:106:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change deletes {OLD}\n"
            )
            .as_str()
        )
    );
}

#[test]
fn hidden_files_in_the_index_are_not_postmortems() {
    let dir = repo_with_a_link();
    write(
        &dir,
        "docs/postmortems/.template.md",
        &postmortem("INC-2026-0070", ""),
    );
    git(&dir, &["add", "-f", "docs/postmortems/.template.md"]);
    git(&dir, &["commit", "-q", "-m", "hidden"]);
    write(&dir, NEW, &postmortem("INC-2026-0070", ""));
    git(&dir, &["add", NEW]);
    let (code, out, _) = lint(&dir, &["--staged"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn a_suppressed_pm309_is_not_reported_but_still_counts_for_the_others() {
    let dir = repo_with_a_link();
    write(
        &dir,
        NEW,
        &postmortem("INC-2026-0007", "\n<!-- pm-lint-disable-file PM309 -->\n"),
    );
    let (code, out, _) = lint(&dir, &[NEW]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, out, _) = lint(&dir, &[NEW, OLD]);
    assert_eq!(
        (code, out.as_str()),
        (
            1,
            format!(
                "{OLD}:3:14: PM309 [error] incident id `INC-2026-0007` is also used by {NEW}\n"
            )
            .as_str()
        )
    );
}

#[test]
fn staged_paths_outside_the_repository_are_linted_from_disk() {
    let dir = repo_with_a_link();
    let outside = tmp();
    let draft = outside.path().join("draft.md");
    std::fs::write(&draft, postmortem("INC-2026-0090", "")).unwrap();
    let (code, out, err) = lint(&dir, &["--staged", OLD, draft.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(err, "Checked 2 files: no problems found.\n");
}

#[test]
fn a_users_diff_relative_setting_does_not_hide_the_change() {
    let dir = repo_with_a_link();
    git(&dir, &["config", "diff.relative", "true"]);
    git(&dir, &["rm", "-q", OLD]);
    let out = pm(&dir)
        .current_dir(dir.path().join("docs"))
        .args(["--no-config", "lint", "--format", "concise", "--staged"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("the change deletes ../docs/postmortems/2026-02-09-db-pool.md"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
