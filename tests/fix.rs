//! `pm lint --fix`, `--unsafe-fixes` and `--diff` through the real binary:
//! a document with every fixable finding, fixed safely, then unsafely;
//! the diff; a second run that changes nothing; and files that cannot be
//! fixed keeping their bytes.

mod common;

use common::lint::{lint, run, write};
use common::{TODAY, pm, tmp};

use tempfile::TempDir;

/// A finished postmortem with every finding pm can fix: the date, the
/// severity, the status and the duration (safe), a guidance comment,
/// timeline rows out of order and a missing section (unsafe).
const BROKEN: &str = "\
---
title: Checkout API returned 500s
incident_id: INC-2026-0042
date: 2026/11/22
severity: sev2
status: Final
started_at: 2026-11-22T10:00:00Z
detected_at: 2026-11-22T10:05:00Z
resolved_at: 2026-11-22T11:19:00Z
duration: 1h 30m
---

# Checkout API returned 500s

## Summary

The connection pool ran out under the new traffic. <!-- Two sentences. -->

## Timeline

| Time | Event |
|---|---|
| 10:05 | Alert fired |
| 10:00 | Deploy starts |
| 11:19 | Service restored |

## Root Cause

The pool size was too small for the new traffic.

## Action Items

| Action | Owner | Due |
|---|---|---|
| Raise the pool limit (OPS-1) | Dana Kim | 2026-12-20 |
";

/// [`BROKEN`] after `--fix`: the safe fixes only.
const SAFELY_FIXED: &str = "\
---
title: Checkout API returned 500s
incident_id: INC-2026-0042
date: 2026-11-22
severity: SEV-2
status: final
started_at: 2026-11-22T10:00:00Z
detected_at: 2026-11-22T10:05:00Z
resolved_at: 2026-11-22T11:19:00Z
duration: 1h 19m
---
";

/// What is left of [`BROKEN`] after `--fix`: the unsafe ones.
const LEFT_AFTER_SAFE: &str = "\
a.md:13:1: PM101 [error] missing section `Resolution`
a.md:17:52: PM209 [error] template guidance comment left in a finished document
a.md:24:3: PM301 [error] timeline row `10:00` is earlier than the row above (`10:05`)
";

fn read(tmp: &TempDir, path: &str) -> String {
    common::read(tmp.path().join(path))
}

#[test]
fn fix_applies_the_safe_fixes_and_reports_what_is_left() {
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    let out = lint(&tmp, &["--fix", "a.md"]);
    assert_eq!(out.stdout, LEFT_AFTER_SAFE);
    assert_eq!(
        out.stderr,
        "Fixed 4 findings in 1 file.\nFound 3 errors and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(out.code, 1);
    let fixed = read(&tmp, "a.md");
    assert!(fixed.starts_with(SAFELY_FIXED), "{fixed}");
    assert_eq!(
        &fixed[SAFELY_FIXED.len()..],
        &BROKEN[BROKEN.find("\n# ").unwrap_or(0)..]
    );

    let again = fix_again(&tmp, &["--fix"], &fixed);
    assert_eq!(again, LEFT_AFTER_SAFE);
}

/// Runs `pm lint <flags> a.md` again: it must fix nothing and leave
/// `fixed` as it is. Returns what it reports.
fn fix_again(tmp: &TempDir, flags: &[&str], fixed: &str) -> String {
    let args: Vec<&str> = flags.iter().copied().chain(["a.md"]).collect();
    let again = lint(tmp, &args);
    assert!(
        again.stderr.starts_with("Nothing to fix.\n"),
        "{}",
        again.stderr
    );
    assert_eq!(read(tmp, "a.md"), fixed);
    again.stdout
}

#[test]
fn unsafe_fixes_add_the_section_remove_the_comment_and_sort_the_rows() {
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    let out = lint(&tmp, &["--fix", "--unsafe-fixes", "a.md"]);
    assert_eq!(
        out.stderr,
        "Fixed 7 findings in 1 file.\nFound 2 errors and 0 warnings in 1 of 1 file checked.\n"
    );
    // The inserted section is the standard template's, with its
    // placeholders to fill.
    assert_eq!(
        out.stdout,
        "a.md:32:20: PM201 [error] unfilled placeholder `[Describe the actions taken to mitigate and resolve the incident]`\n\
         a.md:33:25: PM201 [error] unfilled placeholder `[What was done to immediately restore service]`\n"
    );
    let fixed = read(&tmp, "a.md");
    assert!(fixed.starts_with(SAFELY_FIXED), "{fixed}");
    let body = &fixed[SAFELY_FIXED.len()..];
    assert_eq!(
        body,
        "\n# Checkout API returned 500s\n\n## Summary\n\n\
         The connection pool ran out under the new traffic.\n\n## Timeline\n\n\
         | Time | Event |\n|---|---|\n| 10:00 | Deploy starts |\n| 10:05 | Alert fired |\n\
         | 11:19 | Service restored |\n\n## Root Cause\n\n\
         The pool size was too small for the new traffic.\n\n\
         ## 5. Mitigation and Recovery\n\
         - **Steps Taken:** [Describe the actions taken to mitigate and resolve the incident]\n\
         - **Short-Term Fixes:** [What was done to immediately restore service]\n\n\
         ## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n\
         | Raise the pool limit (OPS-1) | Dana Kim | 2026-12-20 |\n"
    );
    fix_again(&tmp, &["--fix", "--unsafe-fixes"], &fixed);
}

#[test]
fn diff_prints_what_fix_would_change_and_writes_nothing() {
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    let out = lint(&tmp, &["--diff", "a.md"]);
    assert_eq!(
        out.stdout,
        "--- a/a.md\n+++ b/a.md\n@@ -1,13 +1,13 @@\n ---\n title: Checkout API returned 500s\n \
         incident_id: INC-2026-0042\n-date: 2026/11/22\n-severity: sev2\n-status: Final\n+date: 2026-11-22\n\
         +severity: SEV-2\n+status: final\n started_at: 2026-11-22T10:00:00Z\n \
         detected_at: 2026-11-22T10:05:00Z\n resolved_at: 2026-11-22T11:19:00Z\n-duration: 1h 30m\n\
         +duration: 1h 19m\n ---\n \n # Checkout API returned 500s\n"
    );
    assert_eq!(out.stderr, "Would fix 4 findings in 1 file.\n");
    assert_eq!(out.code, 1);
    assert_eq!(read(&tmp, "a.md"), BROKEN);

    let all = lint(&tmp, &["--diff", "--unsafe-fixes", "a.md"]);
    assert_eq!(all.stderr, "Would fix 7 findings in 1 file.\n");
    assert!(
        all.stdout.contains("+| 10:00 | Deploy starts |\n"),
        "{}",
        all.stdout
    );
    assert_eq!(read(&tmp, "a.md"), BROKEN);

    // Nothing to fix: exit 0, no diff.
    lint(&tmp, &["--fix", "--unsafe-fixes", "a.md"]);
    let clean = lint(&tmp, &["--diff", "a.md"]);
    assert_eq!(
        (clean.code, clean.stdout.as_str(), clean.stderr.as_str()),
        (0, "", "Nothing to fix.\n")
    );
}

#[test]
fn a_draft_gets_its_missing_keys_and_an_empty_duration_filled() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        "---\r\ntitle: Disk full\r\nstatus: draft\r\nstarted_at: 2026-11-22T10:00:00Z\r\n\
         resolved_at: 2026-11-22T11:19:00Z\r\nduration:\r\n---\r\n\r\n# Disk full\r\n",
    );
    let out = lint(&tmp, &["--fix", "a.md"]);
    assert!(
        out.stderr.starts_with("Fixed 4 findings in 1 file.\n"),
        "{}",
        out.stderr
    );
    // The file's CRLF line endings are kept.
    assert_eq!(
        read(&tmp, "a.md"),
        "---\r\ntitle: Disk full\r\nstatus: draft\r\nstarted_at: 2026-11-22T10:00:00Z\r\n\
         resolved_at: 2026-11-22T11:19:00Z\r\nduration: 1h 19m\r\nincident_id:\r\ndate:\r\n\
         severity:\r\n---\r\n\r\n# Disk full\r\n"
    );
}

#[test]
fn in_a_finished_document_adding_empty_keys_is_unsafe() {
    let tmp = tmp();
    let doc = BROKEN.replace("incident_id: INC-2026-0042\n", "");
    write(&tmp, "a.md", &doc);
    let out = lint(&tmp, &["--diff", "a.md"]);
    assert!(!out.stdout.contains("+incident_id:"), "{}", out.stdout);
    let all = lint(&tmp, &["--diff", "--unsafe-fixes", "a.md"]);
    assert!(
        all.stdout.contains("+incident_id:\n ---\n"),
        "{}",
        all.stdout
    );
}

#[test]
fn a_byte_order_mark_and_quotes_are_kept() {
    let tmp = tmp();
    let doc = format!(
        "\u{feff}{}",
        BROKEN.replace("severity: sev2", "severity: \"sev2\"")
    );
    write(&tmp, "a.md", &doc);
    lint(&tmp, &["--fix", "a.md"]);
    let fixed = read(&tmp, "a.md");
    assert!(fixed.starts_with("\u{feff}---\n"), "{fixed:?}");
    assert!(fixed.contains("\nseverity: \"SEV-2\"\n"), "{fixed}");
}

#[test]
fn a_review_day_and_timestamp_with_slashes_are_written_in_iso_8601() {
    let tmp = tmp();
    let doc = SAFELY_FIXED.replace(
        "duration: 1h 19m\n",
        "duration: 1h 19m\nreviewed_at: 2026/11/25\npublished_at: 2026/11/26 09:00Z\n",
    );
    write(&tmp, "a.md", &doc);
    lint(&tmp, &["--fix", "a.md"]);
    let fixed = read(&tmp, "a.md");
    assert!(
        fixed.contains("\nreviewed_at: 2026-11-25\npublished_at: 2026-11-26T09:00Z\n"),
        "{fixed}"
    );
}

#[test]
fn a_file_that_cannot_be_written_keeps_its_bytes() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    write(
        &tmp,
        "b.md",
        BROKEN.replace("INC-2026-0042", "INC-2026-0043"),
    );
    let a = tmp.path().join("a.md");
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = lint(&tmp, &["--fix", "a.md", "b.md"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: a.md: not fixed: it is read-only; make it writable to fix it\n\
             Fixed 4 findings in 1 file.\n"
        ),
        "{}",
        out.stderr
    );
    // a.md is reported as it is; b.md is fixed.
    assert!(out.stdout.contains("a.md:5:11: PM004"), "{}", out.stdout);
    assert_eq!(read(&tmp, "a.md"), BROKEN);
    assert!(read(&tmp, "b.md").contains("severity: SEV-2\n"));
}

#[test]
fn a_file_ending_lines_with_a_lone_carriage_return_is_not_fixed() {
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN.replace('\n', "\r"));
    let out = lint(&tmp, &["--fix", "a.md"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "error: a.md: not fixed: it ends lines with a lone carriage return (classic Mac); \
             convert it to LF or CRLF first\n"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(read(&tmp, "a.md"), BROKEN.replace('\n', "\r"));
}

#[test]
fn unsafe_fixes_alone_is_a_usage_error() {
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    let out = lint(&tmp, &["--unsafe-fixes", "a.md"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: --unsafe-fixes applies fixes only with --fix or --diff\n"
        )
    );
}

#[test]
fn the_human_format_marks_what_fix_fixes() {
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    let out = run(pm(&tmp).args(["--no-config", "lint", "--today", TODAY, "a.md"]));
    assert!(
        out.stdout
            .contains("error[PM004]: [*] severity `sev2` is not in the scale\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("error[PM209]: template guidance comment left in a finished document\n"),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stderr,
        "Found 7 errors and 0 warnings in 1 of 1 file checked.\n\
         [*] 4 fixable with `pm lint --fix` (3 more with `--unsafe-fixes`).\n"
    );
}

#[test]
fn json_and_sarif_carry_the_fixes() {
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    let doc = lint_json(&tmp, "json");
    let severity = &doc["findings"][1];
    assert_eq!(severity["rule"], "PM004");
    assert_eq!(
        severity["fix"],
        serde_json::json!({
            "applicability": "safe",
            "message": "write it as `SEV-2`",
            "edits": [{ "line": 5, "column": 11, "end_line": 5, "end_column": 15, "content": "SEV-2" }],
        })
    );
    let log = lint_json(&tmp, "sarif");
    let result = &log["runs"][0]["results"][1];
    assert_eq!(result["ruleId"], "PM004");
    assert_eq!(
        result["fixes"][0]["artifactChanges"][0]["replacements"][0],
        serde_json::json!({
            "deletedRegion": { "startLine": 5, "startColumn": 11, "endLine": 5, "endColumn": 15 },
            "insertedContent": { "text": "SEV-2" },
        })
    );
    assert_eq!(
        result["fixes"][0]["description"]["text"],
        "write it as `SEV-2` (safe)"
    );
}

#[test]
fn pm_rules_says_what_each_fix_does() {
    let tmp = tmp();
    let out = run(pm(&tmp).args(["rules", "PM301"]));
    assert!(
        out.stdout.starts_with(
            "PM301 timeline-order\nlevel: error (a warning in drafts)\nfix: unsafe (`pm lint --fix --unsafe-fixes`): \
             sorts the table's rows by their time"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_date_with_a_character_across_its_tenth_byte_is_reported_not_fixed() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        BROKEN.replace("date: 2026/11/22", "date: 2026/11/2é"),
    );
    let out = lint(&tmp, &["a.md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("a.md:4:7: PM005 [error] `date` is `2026/11/2é`, not a YYYY-MM-DD date\n"),
        "{}",
        out.stdout
    );
}

/// The output of `pm lint` on `a.md` in `format` (JSON or SARIF), read.
fn lint_json(tmp: &TempDir, format: &str) -> serde_json::Value {
    let out = run(pm(tmp).args([
        "--no-config",
        "lint",
        "--format",
        format,
        "--today",
        TODAY,
        "a.md",
    ]));
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{format}: {e}"))
}

/// The line of each PM301 finding of `a.md` in the JSON format, and
/// whether it carries a fix.
fn timeline_order(tmp: &TempDir) -> Vec<(u64, bool)> {
    lint_json(tmp, "json")["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "PM301")
        .map(|f| (f["line"].as_u64().unwrap_or(0), f["fix"].is_object()))
        .collect()
}

#[test]
fn a_timeline_out_of_order_in_many_places_carries_one_fix() {
    let tmp = tmp();
    let rows: String = (0..200)
        .map(|i| format!("| 14:{:02} | Event {i} |\n", i % 60))
        .collect();
    let doc = BROKEN.replace(
        "| 10:05 | Alert fired |\n| 10:00 | Deploy starts |\n| 11:19 | Service restored |\n",
        &rows,
    );
    write(&tmp, "a.md", &doc);
    assert_eq!(
        timeline_order(&tmp),
        [(83, true), (143, false), (203, false)]
    );
    // The one fix sorts every row.
    let out = lint(&tmp, &["--fix", "--unsafe-fixes", "a.md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let mut sorted: Vec<String> = (0..200)
        .map(|i| format!("| 14:{:02} | Event {i} |", i % 60))
        .collect();
    sorted.sort_by_key(|row| row[..8].to_owned());
    let text = read(&tmp, "a.md");
    assert!(text.contains(&(sorted.join("\n") + "\n")), "{text}");
}

#[test]
fn the_timeline_fix_is_carried_by_the_first_row_out_of_order_not_suppressed() {
    let tmp = tmp();
    let doc = BROKEN.replace(
        "| 10:05 | Alert fired |\n| 10:00 | Deploy starts |\n| 11:19 | Service restored |\n",
        "| 10:05 <!-- pm-lint-disable-next-line PM301 --> | Alert fired |\n\
         | 10:00 | Deploy starts |\n\
         | 11:19 | Service restored |\n\
         | 10:30 | Rollback |\n",
    );
    write(&tmp, "a.md", &doc);
    assert_eq!(timeline_order(&tmp), [(26, true)]);
}

#[test]
fn a_file_fix_could_not_write_is_a_note_in_json() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tmp();
    write(&tmp, "a.md", BROKEN);
    let a = tmp.path().join("a.md");
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run(pm(&tmp).args([
        "lint", "--fix", "--format", "json", "--today", TODAY, "a.md",
    ]));
    assert_eq!(out.code, 2);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        json["notes"],
        serde_json::json!([{
            "level": "error",
            "path": "a.md",
            "message": "a.md: not fixed: it is read-only; make it writable to fix it",
        }])
    );
}

#[test]
fn an_empty_duration_with_a_comment_is_filled_and_the_comment_kept() {
    let tmp = tmp();
    let doc = BROKEN.replace("duration: 1h 30m", "duration: # fill in");
    write(&tmp, "a.md", &doc);
    let out = lint(&tmp, &["--fix", "a.md"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        read(&tmp, "a.md").contains("\nduration: 1h 19m # fill in\n"),
        "{}",
        read(&tmp, "a.md")
    );
}
