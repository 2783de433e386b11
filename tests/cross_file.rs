//! The checks across files see the whole postmortems folder whatever files a
//! run is given: an incident id reused from a postmortem that is not linted
//! (PM309), and a link in another postmortem to a file the change deletes
//! or renames (PM308, reported on the postmortem that links). With
//! `--staged` the folder is read as Git's index holds it.

mod common;

use std::path::Path;

use common::{pm, tmp};
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
            "2026-03-01",
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
            "{LINKS}:105:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change deletes {OLD}\n"
        )
    );
    assert_eq!(
        err,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
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
        text.contains("= help: link to `2026/2026-02-09-pool%20exhaustion.md` instead"),
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
            "{LINKS}:105:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change deletes {OLD}\n"
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
            "{OLD}:105:5: PM308 [error] link to `runbooks/gone.md`: no such file (docs/postmortems/runbooks/gone.md)\n"
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
             {LINKS}:105:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change renames {OLD} to {NEW}\n"
        )
    );
    assert_eq!(
        err,
        "Found 2 errors and 0 warnings in 2 of 2 files checked.\n"
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
    let (code, out, err) = lint(&dir, &["--changed-since", "main"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("error: pm lint --changed-since main: git rev-parse --show-cdup: fatal: not a git repository"),
        "{err}"
    );
}
