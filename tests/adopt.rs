//! `pm adopt` on postmortems pm did not write: the front matter it adds,
//! the body kept byte for byte, the diff of `--dry-run`, the report, a
//! second run that changes nothing, and files it cannot adopt.

mod common;

use common::lint::write;
use common::{pm, snapshot, tmp};

const ARCHIVED: &str = "# Cache nodes evicted\n\n**Date:** 2024-03-13\n**Severity:** Critical\n\
**Authors:** Dana Kim\n\n## Timeline\n\nAll times in CEST\n\n| Time | Event |\n|---|---|\n\
| 10:02 | Deploy starts |\n| 10:09 | Alert fired |\n| 11:30 | Service restored |\n";

const ADOPTED_FRONT_MATTER: &str = "---\ntitle: Cache nodes evicted\nincident_id:\n\
date: \"2024-03-13\"\nseverity: SEV-1\nstatus: final\nstarted_at: \"2024-03-13T08:02:00Z\"\n\
detected_at: \"2024-03-13T08:09:00Z\"\nresolved_at: \"2024-03-13T09:30:00Z\"\nlead: Dana Kim\n\
services:\n---\n\n";

fn read(tmp: &tempfile::TempDir, path: &str) -> String {
    std::fs::read_to_string(tmp.path().join(path)).expect("read back")
}

#[test]
fn front_matter_goes_on_top_and_the_body_stays_byte_for_byte() {
    let tmp = tmp();
    write(&tmp, "pm/cache.md", ARCHIVED);
    pm(&tmp)
        .args(["--no-config", "adopt", "pm"])
        .assert()
        .success()
        .stdout("pm/cache.md\n")
        .stderr("Adopted 1 of 1 file; 0 already had what pm can add.\n");
    assert_eq!(
        read(&tmp, "pm/cache.md"),
        format!("{ADOPTED_FRONT_MATTER}{ARCHIVED}")
    );
    // Adopted, it lints without PM001 and with the facts it states.
    let lint = pm(&tmp)
        .args(["--no-config", "lint", "--format", "concise", "pm"])
        .output()
        .expect("pm lint runs");
    let findings = String::from_utf8_lossy(&lint.stdout);
    assert!(!findings.contains("PM001"), "{findings}");
    assert!(
        findings.contains("pm/cache.md:3:1: PM003 [error] `incident_id` is empty"),
        "{findings}"
    );
}

#[test]
fn a_second_run_changes_nothing() {
    let tmp = tmp();
    write(&tmp, "pm/cache.md", ARCHIVED);
    pm(&tmp)
        .args(["--no-config", "adopt", "pm"])
        .assert()
        .success();
    let once = snapshot(tmp.path());
    pm(&tmp)
        .args(["--no-config", "adopt", "pm"])
        .assert()
        .success()
        .stdout("")
        .stderr("Adopted 0 of 1 file; 1 already had what pm can add.\n");
    assert_eq!(snapshot(tmp.path()), once);
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let tmp = tmp();
    write(&tmp, "pm/cache.md", ARCHIVED);
    let before = snapshot(tmp.path());
    pm(&tmp)
        .args(["--no-config", "adopt", "--dry-run", "pm"])
        .assert()
        .success()
        .stdout(
            "--- a/pm/cache.md\n+++ b/pm/cache.md\n@@ -1,3 +1,16 @@\n+---\n+title: Cache nodes evicted\n\
             +incident_id:\n+date: \"2024-03-13\"\n+severity: SEV-1\n+status: final\n\
             +started_at: \"2024-03-13T08:02:00Z\"\n+detected_at: \"2024-03-13T08:09:00Z\"\n\
             +resolved_at: \"2024-03-13T09:30:00Z\"\n+lead: Dana Kim\n+services:\n+---\n+\n \
             # Cache nodes evicted\n \n **Date:** 2024-03-13\n",
        )
        .stderr("Would adopt 1 of 1 file; 0 already had what pm can add.\n");
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn another_tools_front_matter_keeps_its_keys_and_order() {
    let tmp = tmp();
    let jekyll = "---\nlayout: post\ntitle: \"Cache outage\"\ndate: 2024-03-13 23:30:00 -0700\n\
                  tags: [cache]\n---\n\nThe cache went down. Severity: P2\n";
    write(&tmp, "pm/jekyll.md", jekyll);
    pm(&tmp)
        .args(["--no-config", "adopt", "pm"])
        .assert()
        .success();
    assert_eq!(
        read(&tmp, "pm/jekyll.md"),
        "---\nlayout: post\ntitle: \"Cache outage\"\ndate: 2024-03-13 23:30:00 -0700\n\
         tags: [cache]\nincident_id:\nseverity:\nstatus: final\nstarted_at:\ndetected_at:\n\
         resolved_at:\nlead:\nservices:\n---\n\nThe cache went down. Severity: P2\n"
    );
}

#[test]
fn crlf_files_get_crlf_front_matter_and_a_bom_stays_first() {
    let tmp = tmp();
    let text = format!("\u{feff}{}", "# Disk full\r\n\r\nDate: 2024-03-13\r\n");
    write(&tmp, "pm/disk.md", &text);
    pm(&tmp)
        .args(["--no-config", "adopt", "pm"])
        .assert()
        .success();
    let adopted = read(&tmp, "pm/disk.md");
    assert!(
        adopted.starts_with("\u{feff}---\r\ntitle: Disk full\r\n"),
        "{adopted:?}"
    );
    assert!(
        adopted.ends_with("---\r\n\r\n# Disk full\r\n\r\nDate: 2024-03-13\r\n"),
        "{adopted:?}"
    );
    assert!(!adopted.replace("\r\n", "").contains('\n'), "{adopted:?}");
}

#[test]
fn the_report_lists_what_was_found_and_what_was_not() {
    let tmp = tmp();
    write(&tmp, "pm/cache.md", ARCHIVED);
    pm(&tmp)
        .args(["--no-config", "adopt", "--dry-run", "--report", "pm"])
        .assert()
        .success()
        .stdout(
            "path         key          value                 from\n\
             pm/cache.md  title        Cache nodes evicted   heading (line 1)\n\
             pm/cache.md  date         2024-03-13            field (line 3)\n\
             pm/cache.md  severity     SEV-1                 field (line 4)\n\
             pm/cache.md  status       final                 default\n\
             pm/cache.md  started_at   2024-03-13T08:02:00Z  timeline (line 13)\n\
             pm/cache.md  detected_at  2024-03-13T08:09:00Z  timeline (line 14)\n\
             pm/cache.md  resolved_at  2024-03-13T09:30:00Z  timeline (line 15)\n\
             pm/cache.md  lead         Dana Kim              field (line 5)\n\
             pm/cache.md  incident_id                        not found: fill it in\n\
             pm/cache.md  services                           not found: fill it in\n",
        );
    let report = common::adopt_report(&tmp);
    assert_eq!(report[0]["path"], "pm/cache.md");
    assert_eq!(report[0]["changed"], true);
    assert_eq!(report[0]["filled"][1]["key"], "date");
    assert_eq!(report[0]["filled"][1]["line"], 3);
    assert_eq!(
        report[0]["empty"],
        serde_json::json!(["incident_id", "services"])
    );
}

#[test]
fn a_file_it_cannot_adopt_is_named_and_the_others_are_adopted() {
    let tmp = tmp();
    write(&tmp, "pm/a-locked.md", ARCHIVED);
    write(&tmp, "pm/b-broken.md", "---\ntitle: [unclosed\n---\n# B\n");
    write(&tmp, "pm/c-ok.md", ARCHIVED);
    let locked = tmp.path().join("pm/a-locked.md");
    let mut permissions = std::fs::metadata(&locked).expect("metadata").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&locked, permissions).expect("read-only");
    pm(&tmp)
        .args(["--no-config", "adopt", "pm"])
        .assert()
        .code(2)
        .stdout("pm/c-ok.md\n")
        .stderr(
            "error: pm/a-locked.md: it is read-only; make it writable to adopt it\n\
             error: pm/b-broken.md:2: its front matter is not valid YAML: unclosed bracket '['; fix it first\n\
             Adopted 1 of 3 files; 0 already had what pm can add.\n",
        );
    assert_eq!(read(&tmp, "pm/a-locked.md"), ARCHIVED);
    assert!(read(&tmp, "pm/c-ok.md").starts_with("---\ntitle: Cache nodes evicted\n"));
}

#[test]
fn toml_keys_go_before_the_first_table_and_a_flow_mapping_is_refused() {
    let tmp = tmp();
    let hugo = "+++\ntitle = \"Hugo\"\n[params]\nfoo = 1\n+++\n# Hello\nSeverity: P2\n";
    write(&tmp, "pm/hugo.md", hugo);
    let flow = "---\n{layout: post, tags: [a]}\n---\n# Title\n";
    write(&tmp, "pm/flow.md", flow);
    pm(&tmp)
        .args(["--no-config", "adopt", "pm"])
        .assert()
        .code(2)
        .stdout("pm/hugo.md\n")
        .stderr(
            "error: pm/flow.md:1: pm cannot add keys to this front matter without changing how it reads; \
             add them by hand (see `pm adopt --dry-run --report`)\n\
             Adopted 1 of 2 files; 0 already had what pm can add.\n",
        );
    assert_eq!(read(&tmp, "pm/flow.md"), flow);
    assert_eq!(
        read(&tmp, "pm/hugo.md"),
        "+++\ntitle = \"Hugo\"\nincident_id = \"\"\ndate = \"\"\nseverity = \"SEV-2\"\n\
         status = \"final\"\nstarted_at = \"\"\ndetected_at = \"\"\nresolved_at = \"\"\nlead = \"\"\n\
         services = []\n[params]\nfoo = 1\n+++\n# Hello\nSeverity: P2\n"
    );
    let once = snapshot(tmp.path());
    pm(&tmp)
        .args(["--no-config", "adopt", "pm/hugo.md"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(snapshot(tmp.path()), once);
}

#[test]
fn a_closed_output_does_not_stop_the_batch() {
    let tmp = tmp();
    for i in 0..50 {
        write(&tmp, &format!("pm/f{i:02}.md"), format!("# T{i}\n"));
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pm"))
        .current_dir(tmp.path())
        .args(["--no-config", "adopt", "pm"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("pm runs");
    // Nobody reads what it prints.
    drop(child.stdout.take());
    child.wait().expect("pm ends");
    for i in 0..50 {
        let text = read(&tmp, &format!("pm/f{i:02}.md"));
        assert!(text.starts_with("---\ntitle: T"), "f{i:02}.md: {text}");
    }
}

#[test]
fn without_a_postmortems_folder_it_asks_for_paths() {
    let tmp = tmp();
    pm(&tmp)
        .args(["--no-config", "adopt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: no postmortems folder `docs/postmortems`; pass the files or folders to adopt, e.g. `pm adopt docs/`\n",
        );
}
