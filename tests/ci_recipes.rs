//! The CI recipes of examples/ci and the GitHub Action run as written, as
//! far as they can here: their shell steps are read from the YAML and run
//! in clones shaped like the ones GitLab and GitHub make (shallow, the
//! target branch moved on), with the pm under test on the PATH in place of
//! the install step; the Action's installer is fed a release folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{TODAY, tmp};
use serde_json::Value;
use tempfile::TempDir;

fn source() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn git(dir: &Path, args: &[&str]) -> String {
    common::git_in(dir, args)
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A clean finished postmortem with `id`.
fn postmortem(id: &str) -> String {
    std::fs::read_to_string(source().join(
        "examples/postmortems/2026-02-09-checkout-api-503s-from-orders-db-connection-pool-exhaustion.md",
    ))
    .unwrap()
    .replacen("incident_id: INC-2026-0007", &format!("incident_id: {id}"), 1)
}

const OLD: &str = "docs/postmortems/2026-02-09-db-pool.md";
const LINKS: &str = "docs/postmortems/2026-03-01-follow-up.md";
const NEW: &str = "docs/postmortems/2026-11-30-cache.md";

/// The server side of a merge request: `main` with two postmortems (one
/// linking to the other), a branch `change` from there that adds a
/// postmortem with a placeholder and deletes the linked one, and `main`
/// moved on by two commits since. Returns (server, merge base).
fn server() -> (TempDir, String) {
    let server = tmp();
    let dir = server.path();
    git(dir, &["init", "-q", "-b", "main"]);
    write(dir, OLD, &postmortem("INC-2026-0007"));
    write(
        dir,
        LINKS,
        &(postmortem("INC-2026-0008")
            + "\nSee [the pool incident](2026-02-09-db-pool.md) for the first time.\n"),
    );
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "two postmortems"]);
    let base = git(dir, &["rev-parse", "HEAD"]);
    git(dir, &["checkout", "-q", "-b", "change"]);
    let placeholder = postmortem("INC-2026-0070").replacen(
        "\n## 1. Incident Summary\n",
        "\n## 1. Incident Summary\n- **Owner:** [Your Name]\n",
        1,
    ) + "\nThe cache was cold.\n".repeat(400).as_str();
    write(dir, NEW, &placeholder);
    git(dir, &["add", NEW]);
    git(dir, &["rm", "-q", OLD]);
    git(dir, &["commit", "-q", "-m", "the change"]);
    git(dir, &["checkout", "-q", "main"]);
    for n in 1..=2 {
        write(dir, "README.md", &format!("main moved on: {n}\n"));
        git(dir, &["add", "README.md"]);
        git(dir, &["commit", "-q", "-m", &format!("main {n}")]);
    }
    (server, base)
}

/// The YAML file at `path` (relative to the repository) as JSON values.
fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(source().join(path)).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A folder with the pm under test in it, for the PATH.
fn pm_on_path() -> PathBuf {
    let pm = PathBuf::from(env!("CARGO_BIN_EXE_pm"));
    pm.parent().unwrap().to_owned()
}

fn path_with_pm() -> String {
    format!(
        "{}:{}",
        pm_on_path().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Runs `script` with bash -e in `dir` with `env`.
fn bash(dir: &Path, script: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new("bash");
    cmd.args(["-e", "-c", script])
        .current_dir(dir)
        .env("PATH", path_with_pm())
        .env("NO_COLOR", "1");
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.output().expect("bash runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_gitlab_job_finds_the_merge_base_in_a_shallow_clone_whose_target_moved() {
    let (server, base) = server();
    // GitLab's clone of a merge request pipeline: the source branch, shallow.
    let runner = tmp();
    let clone = shallow_clone(server.path(), "change", 1, runner.path(), "clone");
    // What the old recipe did fails here: there is no merge base.
    git(&clone, &["fetch", "-q", "--depth=1", "origin", "main"]);
    let no_base = Command::new("git")
        .args(["merge-base", "FETCH_HEAD", "HEAD"])
        .current_dir(&clone)
        .output()
        .unwrap();
    assert!(!no_base.status.success(), "the clone has a merge base");

    let job = &yaml("examples/ci/gitlab-ci.yml")["postmortems"];
    let script: Vec<&str> = job["script"]
        .as_array()
        .expect("a script")
        .iter()
        .map(|line| line.as_str().expect("a line"))
        .collect();
    assert!(
        script.iter().any(|l| l.contains("cargo install --locked")),
        "{script:?}"
    );
    let env = [
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.as_str()),
        ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
        ("PM_GIT", "https://gitlab.com/your-group/pm.git"),
        ("PM_REV", "v0.1.0"),
    ];
    let out = bash(&clone, &script.join("\n"), &env);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let log = text(&out);
    assert!(
        log.contains("error[PM201]: unfilled placeholder `[Your Name]`"),
        "{log}"
    );
    assert!(
        log.contains(&format!(
            "error[PM308]: link to `2026-02-09-db-pool.md`: the change deletes {OLD}"
        )),
        "{log}"
    );
    let junit = std::fs::read_to_string(clone.join("pm-junit.xml")).unwrap();
    assert!(junit.contains(&format!("name=\"{NEW}\"")), "{junit}");
    assert!(junit.contains(&format!("name=\"{LINKS}\"")), "{junit}");
    // The README change on main is not the merge request's.
    assert!(!junit.contains("README"), "{junit}");
}

/// GitHub's checkout of a pull request: its merge commit (main's tip and
/// the branch), fetched to depth 2. Returns the clone's folder.
fn github_checkout(server: &TempDir, runner: &TempDir) -> PathBuf {
    let dir = server.path();
    git(dir, &["checkout", "-q", "-b", "pull/1/merge", "main"]);
    git(dir, &["merge", "-q", "--no-edit", "change"]);
    git(dir, &["checkout", "-q", "main"]);
    shallow_clone(dir, "pull/1/merge", 2, runner.path(), "checkout")
}

/// A clone of `branch` of the repository at `server`, `depth` commits deep,
/// made as `name` in `into`; its folder.
fn shallow_clone(server: &Path, branch: &str, depth: u32, into: &Path, name: &str) -> PathBuf {
    git(
        into,
        &[
            "clone",
            "-q",
            &format!("--depth={depth}"),
            "--branch",
            branch,
            &format!("file://{}", server.display()),
            name,
        ],
    );
    into.join(name)
}

/// The `run` script of the step named `name` in a workflow's job.
fn step_run<'a>(job: &'a Value, name: &str) -> &'a str {
    job["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|step| step["name"].as_str() == Some(name))
        .and_then(|step| step["run"].as_str())
        .unwrap_or_else(|| panic!("no step {name}"))
}

#[test]
fn the_github_workflow_lints_what_the_pull_request_changes() {
    let (server, _) = server();
    let runner = tmp();
    let checkout = github_checkout(&server, &runner);
    let workflow = yaml("examples/ci/github-actions.yml");
    let job = &workflow["jobs"]["lint"];
    assert_eq!(workflow["permissions"]["security-events"], "write");
    assert_eq!(workflow["permissions"]["actions"], "read");

    let out = bash(&checkout, step_run(job, "pm lint (annotations)"), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "::error file={NEW},line=22,col=14,endLine=22,endColumn=25,title=PM201::unfilled placeholder `[Your Name]` (bracket-placeholder)\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("::error file={LINKS},line=106")),
        "{stdout}"
    );
    assert!(!stdout.contains("README"), "{stdout}");

    let out = bash(&checkout, step_run(job, "pm lint (SARIF)"), &[]);
    assert!(out.status.success(), "{}", text(&out));
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(checkout.join("pm.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
}

#[test]
fn the_github_workflow_resolves_a_tag_to_its_commit_for_the_cache() {
    // A stand-in for the pm repository with an annotated and a light tag.
    let pm_repo = tmp();
    let dir = pm_repo.path();
    git(dir, &["init", "-q", "-b", "main"]);
    write(dir, "a", "1\n");
    git(dir, &["add", "a"]);
    git(dir, &["commit", "-q", "-m", "one"]);
    let commit = git(dir, &["rev-parse", "HEAD"]);
    git(dir, &["tag", "-a", "v1.0.0", "-m", "release"]);
    git(dir, &["tag", "v1.0.1"]);
    let job = &yaml("examples/ci/github-actions.yml")["jobs"]["lint"];
    let script = step_run(job, "Resolve pm's commit");
    let url = format!("file://{}", dir.display());
    for rev in ["v1.0.0", "v1.0.1", commit.as_str()] {
        let work = tmp();
        let output = work.path().join("output");
        let out = bash(
            work.path(),
            script,
            &[
                ("PM_GIT", &url),
                ("PM_REV", rev),
                ("GITHUB_OUTPUT", output.to_str().unwrap()),
            ],
        );
        assert!(out.status.success(), "{rev}: {}", text(&out));
        assert_eq!(
            std::fs::read_to_string(&output).unwrap(),
            format!("sha={commit}\n"),
            "{rev}"
        );
    }
    let work = tmp();
    let out = bash(
        work.path(),
        script,
        &[
            ("PM_GIT", &url),
            ("PM_REV", "v9"),
            ("GITHUB_OUTPUT", work.path().join("o").to_str().unwrap()),
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("::error::PM_REV=v9 is neither a tag of"),
        "{}",
        text(&out)
    );
}

#[test]
fn the_action_lints_a_pull_request_and_the_paths_it_is_given() {
    let (server, _) = server();
    let runner = tmp();
    let checkout = github_checkout(&server, &runner);
    let lint = source().join("action/lint.sh");
    let script = format!("bash {} --format concise", lint.display());
    let out = bash(&checkout, &script, &[("GITHUB_EVENT_NAME", "pull_request")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        stdout,
        format!(
            "{NEW}:22:14: PM201 [error] unfilled placeholder `[Your Name]`\n\
             {LINKS}:106:5: PM308 [error] link to `2026-02-09-db-pool.md`: the change deletes {OLD}\n"
        )
    );

    // A depth-1 checkout: the base is fetched first.
    let shallow = shallow_clone(server.path(), "pull/1/merge", 1, runner.path(), "shallow");
    let out = bash(&shallow, &script, &[("GITHUB_EVENT_NAME", "pull_request")]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        stdout,
        "{}",
        text(&out)
    );

    // Paths given, one per line, and --strict.
    let out = bash(
        &checkout,
        &script,
        &[
            ("GITHUB_EVENT_NAME", "push"),
            ("INPUT_PATHS", &format!("  {LINKS}\n\n")),
            ("INPUT_STRICT", "true"),
            ("INPUT_ARGS", &format!("--today {TODAY}")),
        ],
    );
    assert_eq!(
        (out.status.code(), String::from_utf8_lossy(&out.stdout).as_ref()),
        (Some(1), format!("{LINKS}:106:5: PM308 [error] link to `2026-02-09-db-pool.md`: no such file (docs/postmortems/2026-02-09-db-pool.md)\n").as_str()),
        "{}",
        text(&out)
    );
}

/// Runs the Action's installer with a release folder `releases`, a stand-in
/// `cargo` on the PATH that records how it was called, and a Linux x86_64
/// runner. Returns (output, the PATH lines it added, cargo's arguments, the
/// folder it worked in).
fn install(releases: &Path, version: &str) -> (Output, String, String, TempDir) {
    let work = tmp();
    let temp = work.path().join("runner-temp");
    std::fs::create_dir(&temp).unwrap();
    let fake = work.path().join("bin");
    std::fs::create_dir(&fake).unwrap();
    let calls = work.path().join("cargo-calls");
    let cargo = fake.join("cargo");
    std::fs::write(
        &cargo,
        format!(
            "#!/bin/sh\necho \"$@\" >> {}\nroot=$4\nmkdir -p \"$root/bin\"\nprintf '#!/bin/sh\\necho pm from source\\n' > \"$root/bin/pm\"\nchmod +x \"$root/bin/pm\"\n",
            calls.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    let github_path = work.path().join("github-path");
    let out = Command::new("bash")
        .arg(source().join("action/install.sh"))
        .env(
            "PATH",
            format!("{}:{}", fake.display(), std::env::var("PATH").unwrap()),
        )
        .env("PM_VERSION", version)
        .env("PM_REPOSITORY", "your-org/pm")
        .env("PM_ACTION_PATH", source())
        .env("PM_RELEASES", format!("file://{}", releases.display()))
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("RUNNER_TEMP", &temp)
        .env("GITHUB_PATH", &github_path)
        .output()
        .unwrap();
    let added = std::fs::read_to_string(&github_path).unwrap_or_default();
    let calls = std::fs::read_to_string(&calls).unwrap_or_default();
    (out, added, calls, work)
}

/// A release folder holding pm (the binary under test) for Linux x86_64 as
/// the release workflow packs it, under tag `v0.1.0`.
fn release(corrupt: bool) -> TempDir {
    let releases = tmp();
    let name = "pm-v0.1.0-x86_64-unknown-linux-musl";
    let folder = releases.path().join("v0.1.0");
    std::fs::create_dir_all(folder.join(name)).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_pm"), folder.join(name).join("pm")).unwrap();
    let archive = format!("{name}.tar.gz");
    let out = Command::new("tar")
        .args(["-czf", &archive, name])
        .current_dir(&folder)
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::remove_dir_all(folder.join(name)).unwrap();
    let sum = Command::new("sha256sum")
        .arg(&archive)
        .current_dir(&folder)
        .output()
        .unwrap();
    let mut line = String::from_utf8(sum.stdout).unwrap();
    if corrupt {
        line.replace_range(0..1, if line.starts_with('0') { "1" } else { "0" });
    }
    std::fs::write(folder.join(format!("{archive}.sha256")), line).unwrap();
    releases
}

#[test]
fn the_action_installs_the_release_archive_when_there_is_one() {
    let releases = release(false);
    let (out, added, calls, _work) = install(releases.path(), "");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(calls, "", "cargo was run");
    let bin = PathBuf::from(added.trim()).join("pm");
    let version = Command::new(&bin).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("pm {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn the_action_refuses_an_archive_whose_checksum_differs() {
    let releases = release(true);
    let (out, added, calls, _work) = install(releases.path(), "");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("::error::pm-v0.1.0-x86_64-unknown-linux-musl.tar.gz: SHA-256 "),
        "{}",
        text(&out)
    );
    assert_eq!((added.as_str(), calls.as_str()), ("", ""));
}

#[test]
fn the_action_builds_from_source_without_a_release() {
    let releases = tmp();
    let (out, added, calls, _work) = install(releases.path(), "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(
            "No prebuilt pm v0.1.0 for x86_64-unknown-linux-musl; building it with cargo."
        ),
        "{}",
        text(&out)
    );
    let root = PathBuf::from(added.trim()).parent().unwrap().to_owned();
    assert_eq!(
        calls,
        format!(
            "install --locked --root {} --path {}\n",
            root.display(),
            source().display()
        )
    );
    let (_, _, calls, _) = install(releases.path(), "v2.0.0");
    assert!(
        calls.ends_with("--git https://github.com/your-org/pm --tag v2.0.0 pm\n"),
        "{calls}"
    );
}

#[test]
fn the_digest_workflow_writes_the_digest_of_the_postmortems_folder() {
    let workflow = yaml("examples/ci/github-digest.yml");
    let job = &workflow["jobs"]["digest"];
    assert_eq!(workflow["permissions"]["issues"], "write");
    let checkout = tmp();
    let dir = checkout.path();
    // Due yesterday, as the job runs today: overdue.
    let yesterday = (chrono::Local::now().date_naive() - chrono::Duration::days(1)).to_string();
    write(
        dir,
        "docs/postmortems/2026-02-09-db-pool.md",
        &postmortem("INC-2026-0007").replace("2026-12-15", &yesterday),
    );
    let out = bash(
        dir,
        step_run(job, "Make the digest"),
        &[("LINK_BASE", "https://github.com/acme/shop/blob/abc123/")],
    );
    assert!(out.status.success(), "{}", text(&out));
    let digest = std::fs::read_to_string(dir.join("digest.md")).expect("digest.md");
    assert!(
        digest.starts_with("## Action items: 1 overdue, "),
        "{digest}"
    );
    assert!(
        digest.contains(
            "](https://github.com/acme/shop/blob/abc123/docs/postmortems/2026-02-09-db-pool.md#L77): due "
        ),
        "{digest}"
    );
    assert!(
        step_run(job, "Post it on the tracking issue").contains("--body-file digest.md"),
        "the digest is what is posted"
    );
}
