//! What pm writes to, and what it never replaces: the report of
//! `pm lint --output-file` and every other write go to regular files only,
//! through symlinks (never over them), and to devices and FIFOs by opening
//! them. A replaced file keeps its mode, owner and hard links; a failed or
//! interrupted write leaves no temporary file.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

use common::{pm, tmp};
use tempfile::TempDir;

/// A postmortem with findings, so every report has content.
const DOC: &str = "---\ntitle: Cache outage\n---\n\n## Summary\n\nOwner: [Your Name]\n";

/// A folder with `docs/postmortems/a.md`.
fn repo() -> TempDir {
    let tmp = tmp();
    fs::create_dir_all(tmp.path().join("docs/postmortems")).unwrap();
    fs::write(tmp.path().join("docs/postmortems/a.md"), DOC).unwrap();
    tmp
}

/// The concise report pm writes for [`repo`].
fn report(tmp: &TempDir) -> String {
    let output = pm(tmp)
        .args(["lint", "--format", "concise", "docs/postmortems"])
        .output()
        .unwrap();
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("PM"), "{report}");
    report
}

/// `pm lint --format concise --output-file OUT docs/postmortems`.
fn lint_to(tmp: &TempDir, out: &str) -> assert_cmd::assert::Assert {
    pm(tmp)
        .args(["lint", "--format", "concise", "--output-file", out])
        .arg("docs/postmortems")
        .timeout(Duration::from_secs(20))
        .assert()
}

/// Temporary files pm left in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".pm-"))
        .collect()
}

/// Whether the tests run as root (`/proc/self` belongs to the process's
/// effective user).
fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[test]
fn lint_output_refuses_to_replace_a_file_it_lints() {
    let tmp = repo();
    lint_to(&tmp, "docs/postmortems/a.md").code(2).stderr(
        "error: docs/postmortems/a.md is one of the files being linted; pm will not replace it \
         with the report (pass --force to replace it)\n",
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("docs/postmortems/a.md")).unwrap(),
        DOC
    );
}

#[test]
fn lint_output_refuses_a_file_it_lints_reached_through_a_link() {
    let tmp = repo();
    std::os::unix::fs::symlink("docs/postmortems/a.md", tmp.path().join("report.txt")).unwrap();
    lint_to(&tmp, "report.txt").code(2).stderr(
        "error: report.txt is one of the files being linted; pm will not replace it with the \
         report (pass --force to replace it)\n",
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("docs/postmortems/a.md")).unwrap(),
        DOC
    );
}

#[test]
fn lint_output_replaces_a_markdown_file_only_with_force() {
    let tmp = repo();
    fs::write(tmp.path().join("notes.md"), "# Notes\n").unwrap();
    lint_to(&tmp, "notes.md").code(2).stderr(
        "error: notes.md is a Markdown file; pm will not replace it with the report (pass \
         --force to replace it)\n",
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("notes.md")).unwrap(),
        "# Notes\n"
    );
    pm(&tmp)
        .args(["lint", "--format", "concise", "--force", "-o", "notes.md"])
        .arg("docs/postmortems")
        .assert()
        .code(1);
    assert_eq!(
        fs::read_to_string(tmp.path().join("notes.md")).unwrap(),
        report(&tmp)
    );
}

#[test]
fn force_needs_an_output_file() {
    let tmp = repo();
    let assert = pm(&tmp)
        .args(["lint", "--force", "docs/postmortems"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with(
            "error: the following required arguments were not provided:\n  --output-file <FILE>"
        ),
        "{stderr}"
    );
}

#[test]
fn a_symlink_is_written_through_and_stays_a_link() {
    let tmp = repo();
    fs::create_dir(tmp.path().join("reports")).unwrap();
    fs::write(tmp.path().join("reports/latest.txt"), "old\n").unwrap();
    std::os::unix::fs::symlink("reports/latest.txt", tmp.path().join("report.txt")).unwrap();
    lint_to(&tmp, "report.txt").code(1);
    let link = tmp.path().join("report.txt");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_link(&link).unwrap(),
        Path::new("reports/latest.txt")
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("reports/latest.txt")).unwrap(),
        report(&tmp)
    );
    assert!(leftovers(tmp.path()).is_empty());
    assert!(leftovers(&tmp.path().join("reports")).is_empty());
}

#[test]
fn a_dangling_symlink_is_refused_and_left_alone() {
    let tmp = repo();
    std::os::unix::fs::symlink("missing/report.txt", tmp.path().join("report.txt")).unwrap();
    lint_to(&tmp, "report.txt").code(2).stderr(
        "error: report.txt: is a symlink to missing/report.txt, which does not exist; pm writes \
         through links, not over them (create the target or remove the link)\n",
    );
    assert!(
        fs::symlink_metadata(tmp.path().join("report.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!tmp.path().join("missing").exists());
}

#[test]
fn a_symlink_loop_is_called_a_loop() {
    let tmp = repo();
    std::os::unix::fs::symlink("b.txt", tmp.path().join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", tmp.path().join("b.txt")).unwrap();
    lint_to(&tmp, "a.txt")
        .code(2)
        .stderr("error: a.txt: is a symlink loop\n");
    assert!(
        fs::symlink_metadata(tmp.path().join("a.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// Makes a null device (character device 1,3) at `path`; only root may,
/// and root always can.
fn make_null_device(path: &Path) -> bool {
    let made = std::process::Command::new("mknod")
        .arg(path)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(made || !is_root(), "root can make a device node");
    made
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn a_fifo_nobody_reads_is_an_error_not_a_hang() {
    let tmp = repo();
    mkfifo(&tmp.path().join("pipe"));
    lint_to(&tmp, "pipe")
        .code(2)
        .stderr("error: pipe: is a FIFO that no process is reading; start the reader first\n");
    assert!(
        fs::metadata(tmp.path().join("pipe"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_fifo_with_a_reader_receives_the_report() {
    let tmp = repo();
    let pipe = tmp.path().join("pipe");
    mkfifo(&pipe);
    let (sender, received) = std::sync::mpsc::channel();
    {
        let pipe = pipe.clone();
        std::thread::spawn(move || sender.send(fs::read_to_string(pipe).unwrap()));
    }
    // The reader opens the FIFO; pm then finds it read.
    let mut attempts = 0;
    loop {
        let assert = lint_to(&tmp, "pipe");
        if assert.get_output().status.code() == Some(1) {
            break;
        }
        attempts += 1;
        assert!(attempts < 100, "{:?}", assert.get_output());
        std::thread::sleep(Duration::from_millis(20));
    }
    let got = received
        .recv_timeout(Duration::from_secs(10))
        .expect("pm opened the FIFO and wrote to it");
    assert_eq!(got, report(&tmp));
    assert!(fs::metadata(&pipe).unwrap().file_type().is_fifo());
}

#[test]
fn a_character_device_is_written_to_not_replaced() {
    let tmp = repo();
    // A null device of pm's own where root may make one, else /dev/null
    // itself (which only root could replace).
    let own = tmp.path().join("null");
    let made = make_null_device(&own);
    let device = if made {
        own.to_string_lossy().into_owned()
    } else {
        "/dev/null".to_owned()
    };
    lint_to(&tmp, &device)
        .code(1)
        .stderr("Found 12 errors and 0 warnings in 1 of 1 file checked.\n");
    let metadata = fs::symlink_metadata(&device).unwrap();
    assert!(
        metadata.file_type().is_char_device(),
        "{device} was replaced"
    );
    assert!(leftovers(tmp.path()).is_empty());
}

/// Runs pm under `umask 022`, as most systems do.
fn lint_under_umask(tmp: &TempDir, out: &str) {
    let pm = assert_cmd::cargo::cargo_bin("pm");
    let status = std::process::Command::new("sh")
        .current_dir(tmp.path())
        .arg("-c")
        .arg("umask 022; exec \"$0\" lint --format concise -o \"$1\" docs/postmortems")
        .arg(pm)
        .arg(out)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_replaced_file_keeps_its_mode_bits() {
    let tmp = repo();
    for (name, mode) in [
        ("group.txt", 0o664),
        ("setgid.txt", 0o2775),
        ("private.txt", 0o600),
    ] {
        let path = tmp.path().join(name);
        fs::write(&path, "old\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        lint_under_umask(&tmp, name);
        assert_eq!(fs::read_to_string(&path).unwrap(), report(&tmp));
        let kept = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(kept, mode, "{name}: {kept:o}");
    }
}

#[test]
fn a_new_file_gets_the_usual_mode() {
    let tmp = repo();
    lint_under_umask(&tmp, "new.txt");
    let mode = fs::metadata(tmp.path().join("new.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o7777, 0o644);
}

#[test]
fn a_replaced_file_keeps_its_owner_and_group() {
    let tmp = repo();
    let path = tmp.path().join("shared.txt");
    fs::write(&path, "old\n").unwrap();
    // Root can give the file away, and so test that pm gives it back; any
    // other user's files are their own.
    if is_root() {
        std::os::unix::fs::chown(&path, Some(1234), Some(1234)).unwrap();
    }
    let before = fs::metadata(&path).unwrap();
    lint_to(&tmp, "shared.txt").code(1);
    let after = fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(fs::read_to_string(&path).unwrap(), report(&tmp));
}

#[test]
fn a_hard_linked_file_keeps_its_links() {
    let tmp = repo();
    let path = tmp.path().join("report.txt");
    fs::write(&path, "old\n").unwrap();
    fs::hard_link(&path, tmp.path().join("also.txt")).unwrap();
    lint_to(&tmp, "report.txt").code(1);
    let report = report(&tmp);
    assert_eq!(fs::read_to_string(&path).unwrap(), report);
    assert_eq!(
        fs::read_to_string(tmp.path().join("also.txt")).unwrap(),
        report
    );
    assert_eq!(fs::metadata(&path).unwrap().nlink(), 2);
}

#[test]
fn a_file_size_limit_is_an_error_that_leaves_nothing_behind() {
    let tmp = repo();
    // Enough findings for a report over the 512-byte limit.
    for i in 0..10 {
        fs::write(tmp.path().join(format!("docs/postmortems/b{i}.md")), DOC).unwrap();
    }
    fs::write(tmp.path().join("report.txt"), "old\n").unwrap();
    let pm = assert_cmd::cargo::cargo_bin("pm");
    let output = std::process::Command::new("sh")
        .current_dir(tmp.path())
        .arg("-c")
        .arg("ulimit -f 1; exec \"$0\" lint --format concise -o report.txt docs/postmortems")
        .arg(pm)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: report.txt: File too large (os error 27)\n"
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(tmp.path().join("report.txt")).unwrap(),
        "old\n"
    );
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}

// Reads: regular files only, bounded, never waiting on open.

#[test]
fn lint_of_a_fifo_or_a_device_is_a_finding_not_a_hang() {
    let tmp = repo();
    mkfifo(&tmp.path().join("docs/postmortems/pipe.md"));
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("docs/postmortems/zero.md")).unwrap();
    pm(&tmp)
        .args(["lint", "--format", "concise"])
        .args(["docs/postmortems/pipe.md", "docs/postmortems/zero.md"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1)
        .stdout(
            "docs/postmortems/pipe.md:1:1: PM000 [error] a FIFO (named pipe), not a regular file; pm reads only regular files\n",
        )
        // A link to /dev/zero leads out of the folder: not even opened.
        .stderr(
            "note: skipping docs/postmortems/zero.md: a symbolic link that leads outside the repository\n\
             Found 1 error and 0 warnings in 1 of 1 file checked.\n",
        );
    // A device inside the folder is read as little: a null device of the
    // test's own where root may make one.
    let null = tmp.path().join("docs/postmortems/null.md");
    let made = make_null_device(&null);
    if made {
        pm(&tmp)
            .args(["lint", "--format", "concise", "docs/postmortems/null.md"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(1)
            .stdout(
                "docs/postmortems/null.md:1:1: PM000 [error] a device, not a regular file; pm reads only regular files\n",
            );
    }
}

#[test]
fn a_file_over_the_size_limit_is_a_finding() {
    let tmp = repo();
    fs::write(tmp.path().join(".pm.yaml"), "max_file_size: 1 KiB\n").unwrap();
    fs::write(
        tmp.path().join("docs/postmortems/big.md"),
        format!("{DOC}{}", "word ".repeat(400)),
    )
    .unwrap();
    pm(&tmp)
        .args(["lint", "--format", "concise", "docs/postmortems/big.md"])
        .assert()
        .code(1)
        .stdout(
            "docs/postmortems/big.md:1:1: PM000 [error] over the 1 KiB limit for a file (`max_file_size` in .pm.yaml)\n",
        );
    pm(&tmp)
        .args(["list", "docs/postmortems/big.md"])
        .assert()
        .success()
        .stderr(
            "warning: skipping docs/postmortems/big.md: over the 1 KiB limit for a file (`max_file_size` in .pm.yaml)\n",
        );
}

#[test]
fn a_size_limit_that_is_not_a_size_is_a_config_error() {
    let tmp = repo();
    fs::write(tmp.path().join(".pm.yaml"), "max_file_size: lots\n").unwrap();
    pm(&tmp).args(["lint"]).assert().code(2).stderr(
        "error: .pm.yaml:1:16: max_file_size: expected a size such as `64 MiB`, `10MB` or a number of bytes\n",
    );
}

#[test]
fn pm_new_does_not_wait_on_a_fifo_among_the_postmortems() {
    let tmp = repo();
    mkfifo(&tmp.path().join("docs/postmortems/pipe.md"));
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("docs/postmortems/zero.md")).unwrap();
    let output = pm(&tmp)
        .args(["new", "--no-input", "--date", "2026-11-22", "--title", "x"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let doc = fs::read_to_string(tmp.path().join("docs/postmortems/2026-11-22-x.md")).unwrap();
    assert!(doc.contains("incident_id: INC-2026-0001\n"), "{doc}");
}

// Configuration stays inside the project.

#[test]
fn a_config_above_a_folder_outside_any_repository_is_not_used() {
    let tmp = tmp();
    fs::write(tmp.path().join(".pm.yaml"), "postmortems: elsewhere\n").unwrap();
    fs::create_dir(tmp.path().join("project")).unwrap();
    let output = pm(&tmp)
        .current_dir(tmp.path().join("project"))
        .arg("config")
        .output()
        .unwrap();
    let config = String::from_utf8(output.stdout).unwrap();
    assert!(
        config.starts_with(
            "# effective configuration: built-in defaults (no .pm.yaml found)\npostmortems: docs/postmortems\n"
        ),
        "{config}"
    );
}

#[test]
fn a_postmortems_folder_outside_the_repository_is_refused() {
    let tmp = repo();
    fs::create_dir(tmp.path().join(".git")).unwrap();
    fs::write(tmp.path().join(".pm.yaml"), "postmortems: ../../..\n").unwrap();
    // Before, this walked the whole file system.
    pm(&tmp)
        .args(["lint"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(
        "error: .pm.yaml:1:14: postmortems: `../../..` is outside the repository; name a folder inside it\n",
    );
}

// Symbolic links that leave the repository are not followed.

/// A repository (with `.git`) in `tmp/repo`, a secret beside it, and links
/// from its postmortems folder to the secret and to `/`.
fn repo_with_links_out() -> TempDir {
    let tmp = tmp();
    fs::create_dir_all(tmp.path().join("secret")).unwrap();
    fs::write(tmp.path().join("secret/credentials"), "password: hunter2\n").unwrap();
    let docs = tmp.path().join("repo/docs/postmortems");
    fs::create_dir_all(&docs).unwrap();
    fs::create_dir(tmp.path().join("repo/.git")).unwrap();
    fs::write(docs.join("a.md"), DOC).unwrap();
    std::os::unix::fs::symlink("../../../secret/credentials", docs.join("creds.md")).unwrap();
    std::os::unix::fs::symlink("/", docs.join("root")).unwrap();
    std::os::unix::fs::symlink("a.md", docs.join("same.md")).unwrap();
    tmp
}

#[test]
fn a_walk_does_not_follow_links_out_of_the_repository() {
    let tmp = repo_with_links_out();
    let assert = pm(&tmp)
        .current_dir(tmp.path().join("repo"))
        .args(["lint", "--format", "concise", "docs/postmortems"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(1);
    let output = assert.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("hunter2"), "{stdout}");
    assert!(!stdout.contains("creds.md"), "{stdout}");
    // A link inside the repository is followed (and the file linted once).
    assert!(stdout.contains("docs/postmortems/a.md:"), "{stdout}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "note: skipping docs/postmortems/creds.md: a symbolic link that leads outside the repository\n\
         note: skipping docs/postmortems/root: a symbolic link that leads outside the repository\n\
         Found 12 errors and 0 warnings in 1 of 1 file checked.\n"
    );
}

#[test]
fn a_link_out_of_the_repository_named_on_the_command_line_is_skipped() {
    let tmp = repo_with_links_out();
    pm(&tmp)
        .current_dir(tmp.path().join("repo"))
        .args(["lint", "--format", "concise", "docs/postmortems/creds.md"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(
            "note: skipping docs/postmortems/creds.md: a symbolic link that leads outside the repository\n\
             Checked 0 files: no problems found.\n",
        );
    pm(&tmp)
        .current_dir(tmp.path().join("repo"))
        .args(["list", "docs/postmortems"])
        .timeout(Duration::from_secs(20))
        .assert()
        .success()
        .stderr(
            "warning: skipping docs/postmortems/creds.md: a symbolic link that leads outside the repository\n\
             warning: skipping docs/postmortems/root: a symbolic link that leads outside the repository\n",
        );
}

#[test]
fn a_symlink_loop_named_on_the_command_line_is_called_a_loop() {
    let tmp = repo();
    let docs = tmp.path().join("docs/postmortems");
    std::os::unix::fs::symlink("b.md", docs.join("a-loop.md")).unwrap();
    std::os::unix::fs::symlink("a-loop.md", docs.join("b.md")).unwrap();
    pm(&tmp)
        .args(["lint", "--format", "concise", "docs/postmortems/a-loop.md"])
        .assert()
        .code(1)
        .stdout("docs/postmortems/a-loop.md:1:1: PM000 [error] symbolic link loop\n");
}

#[test]
fn a_signal_during_a_run_leaves_no_temporary_file_and_no_report() {
    use std::os::unix::process::ExitStatusExt;
    let tmp = repo();
    // Enough files that the run is still going when the signal comes.
    for i in 0..4000 {
        fs::write(tmp.path().join(format!("docs/postmortems/p{i:04}.md")), DOC).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("pm"))
        .current_dir(tmp.path())
        .args([
            "lint",
            "--format",
            "json",
            "-o",
            "report.json",
            "docs/postmortems",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(
        exit.signal() == Some(SIGTERM) || exit.code() == Some(128 + SIGTERM),
        "the run ended before the signal: {exit:?}"
    );
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
    assert!(!tmp.path().join("report.json").exists());
}

/// SIGTERM's number (15 on every Unix pm runs on).
const SIGTERM: i32 = 15;

#[test]
fn an_unreadable_folder_is_a_finding_not_a_checked_file() {
    let tmp = repo();
    let sub = tmp.path().join("docs/postmortems/private");
    fs::create_dir(&sub).unwrap();
    for dir in [
        tmp.path(),
        &tmp.path().join("docs"),
        &tmp.path().join("docs/postmortems"),
    ] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    fs::set_permissions(
        tmp.path().join("docs/postmortems/a.md"),
        fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads every folder: the run is made as nobody then.
    let pm = assert_cmd::cargo::cargo_bin("pm");
    let mut command = if is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&pm);
        c
    } else {
        std::process::Command::new(&pm)
    };
    let output = command
        .current_dir(tmp.path())
        .args([
            "--no-config",
            "lint",
            "--format",
            "concise",
            "docs/postmortems",
        ])
        .output()
        .unwrap();
    fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(
            "docs/postmortems/private:1:1: PM000 [error] folder cannot be read: Permission denied (os error 13)\n"
        ),
        "{stdout}"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "Found 13 errors and 0 warnings in 1 of 1 file checked; 1 folder could not be read.\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// A file of root's in a folder nobody may write to: nobody could rename a
/// new file over it, so lint --fix, adopt and timeline import --into must
/// refuse it, leaving its bytes and its owner.
#[test]
fn a_file_of_another_user_in_a_folder_one_may_write_is_not_taken_over() {
    assert!(
        is_root(),
        "this test makes a file of another user: run it as root (CI does)"
    );
    let tmp = tmp();
    let dir = tmp.path().join("docs");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
    // A severity to normalize (a safe fix) and a timeline to import into.
    let fixable = "---\ntitle: T\ndate: 2026-11-20\nseverity: sev2\n---\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n";
    let file = dir.join("a.md");
    fs::write(&file, fixable).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    fs::write(dir.join("chat.log"), "2026-11-20T14:02:00Z dana: paged\n").unwrap();
    let pm = assert_cmd::cargo::cargo_bin("pm");
    let as_nobody = |args: &[&str]| {
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&pm)
            .arg("--no-config")
            .args(args)
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    for (args, message) in [
        (
            &["lint", "--fix", "--format", "concise", "a.md"][..],
            "a.md: not fixed: this user may not write it; make it writable to fix it",
        ),
        (
            &["timeline", "import", "--into", "a.md", "chat.log"][..],
            "error: a.md: this user may not write it; make it writable to import into it",
        ),
    ] {
        let out = as_nobody(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(fs::read_to_string(&file).unwrap(), fixable, "{args:?}");
        assert_eq!(fs::metadata(&file).unwrap().uid(), 0, "{args:?}");
    }
}
