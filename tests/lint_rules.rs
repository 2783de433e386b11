//! `pm lint`, rule by rule: for every rule a document that triggers it (with
//! the exact `path:line:col: ID [level] message` line) and the fixed
//! document (without that finding). Then status-awareness, suppression
//! comments, line endings, fresh `pm new` drafts and the template seeds.

mod common;

use common::lint as support;

use support::{
    CLEAN, Run, assert_clean, bom, clean_with, crlf, edit, lint, lint_doc, lint_human,
    position_and_rule, run, seed, tmp, with_id, with_status, write,
};

/// Asserts the run printed exactly `expected` (concise lines) and exited 1.
#[track_caller]
fn assert_errors(run: &Run, expected: &[&str]) {
    let mut want = expected.join("\n");
    want.push('\n');
    assert_eq!(run.stdout, want, "stderr:\n{}", run.stderr);
    assert_eq!(run.code, 1);
}

/// A document made from the `standard` template, with every section that
/// template requires, and nothing left to fill in.
fn standard_doc() -> String {
    let doc = edit(
        CLEAN,
        "resolved_at: 2026-11-22T15:21:00Z\n",
        "resolved_at: 2026-11-22T15:21:00Z\ntemplate: standard\n",
    );
    let doc = edit(
        &doc,
        "## Timeline\n",
        "## Impact\n\nAbout 4,100 checkouts failed.\n\n## Timeline\n",
    );
    format!("{doc}\n## Lessons Learned\n\nLoad tests must include the pooler.\n")
}

// PM000 unreadable-file

#[test]
fn pm000_a_file_that_is_not_utf8_is_reported_on_the_line_of_its_first_bad_byte() {
    let tmp = tmp();
    write(&tmp, "a.md", b"---\ntitle: caf\xe9\n---\n");
    let run = lint(&tmp, &["a.md"]);
    assert_errors(
        &run,
        &[
            "a.md:2:1: PM000 [error] not valid UTF-8 (first invalid byte at offset 14, line 2); save it as UTF-8",
        ],
    );
}

#[test]
fn pm000_a_binary_file_is_reported() {
    let tmp = tmp();
    write(&tmp, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let run = lint(&tmp, &["image.md"]);
    assert_errors(
        &run,
        &["image.md:1:1: PM000 [error] binary file (it holds NUL bytes), not Markdown"],
    );
}

#[test]
fn pm000_the_other_files_of_the_run_are_still_linted() {
    let tmp = tmp();
    write(&tmp, "docs/a-latin1.md", b"---\ntitle: caf\xe9\n---\n");
    write(&tmp, "docs/b-clean.md", CLEAN);
    write(&tmp, "docs/c-binary.md", b"PNG\x00\x01\x02");
    write(
        &tmp,
        "docs/d-placeholder.md",
        with_id(&clean_with("**Incident Lead:** [Your Name]"), 2),
    );
    let run = lint(&tmp, &["docs"]);
    assert_errors(
        &run,
        &[
            "docs/a-latin1.md:2:1: PM000 [error] not valid UTF-8 (first invalid byte at offset 14, line 2); save it as UTF-8",
            "docs/c-binary.md:1:1: PM000 [error] binary file (it holds NUL bytes), not Markdown",
            "docs/d-placeholder.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`",
        ],
    );
    assert_eq!(
        run.stderr,
        "Found 3 errors and 0 warnings in 3 of 4 files checked.\n"
    );
}

#[test]
fn pm000_the_same_text_saved_as_utf8_is_read() {
    let doc = edit(CLEAN, "title: Checkout API", "title: Café checkout API");
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

// PM001 missing-front-matter

#[test]
fn pm001_a_file_without_front_matter_is_reported() {
    let body = CLEAN.split_once("---\n\n").expect("front matter").1;
    assert!(body.starts_with("# Checkout"));
    assert_errors(
        &lint_doc(body, &[]),
        &["a.md:1:1: PM001 [error] no front matter: the file does not start with a `---` block"],
    );
}

#[test]
fn pm001_a_file_with_front_matter_is_not_reported() {
    let run = lint_doc(CLEAN, &[]);
    assert!(run.findings_of("PM001").is_empty(), "{}", run.stdout);
    assert_clean(&run, 1);
}

// PM002 invalid-front-matter

#[test]
fn pm002_front_matter_that_is_not_valid_yaml_is_reported() {
    let doc = edit(
        CLEAN,
        "title: Checkout API returned 503s",
        "title: Outage: db down",
    );
    let run = lint_doc(&doc, &[]);
    assert_eq!(run.lines().len(), 1, "{}", run.stdout);
    // The error is on line 2 (the column is checked by the ignored test below).
    assert!(run.stdout.starts_with("a.md:2:"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            ": PM002 [error] front matter is not valid YAML: mapping values are not allowed in this context"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]

fn pm002_invalid_yaml_is_reported_on_the_line_and_column_of_the_error() {
    // Line 5 is wrongly indented: the YAML error is at its `:` (line 5, column 6).
    let doc = edit(
        CLEAN,
        "date: 2026-11-22\n",
        "date: 2026-11-22\n  bad: indent\n",
    );
    let run = lint_doc(&doc, &[]);
    assert_eq!(run.lines().len(), 1, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("a.md:5:6: PM002 [error] front matter is not valid YAML: "),
        "{}",
        run.stdout
    );
}

#[test]
fn pm002_front_matter_that_is_never_closed_is_reported() {
    let doc = edit(
        CLEAN,
        "resolved_at: 2026-11-22T15:21:00Z\n---\n",
        "resolved_at: 2026-11-22T15:21:00Z\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:1:1: PM002 [error] front matter is opened here but never closed"],
    );
}

#[test]
fn pm002_front_matter_that_is_a_list_is_reported() {
    let body = CLEAN.split_once("---\n\n").expect("front matter").1;
    let doc = format!("---\n- title\n- date\n---\n\n{body}");
    let run = lint_doc(&doc, &[]);
    assert_eq!(run.lines().len(), 1, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("a.md:2:1: PM002 [error] front matter is not valid YAML: "),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn pm002_quoted_yaml_is_valid() {
    let doc = edit(
        CLEAN,
        "title: Checkout API returned 503s",
        "title: \"Outage: db down\"",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

/// CLEAN with its front matter written as TOML between `+++` lines, as
/// Hugo and Zola sites keep it.
fn clean_as_toml() -> String {
    edit(
        CLEAN,
        "---\ntitle: Checkout API returned 503s\nincident_id: INC-2026-0042\ndate: 2026-11-22\nseverity: SEV-2\nstatus: final\nstarted_at: 2026-11-22T14:02:00Z\ndetected_at: 2026-11-22T14:06:00Z\nresolved_at: 2026-11-22T15:21:00Z\n---\n",
        "+++\ntitle = \"Checkout API returned 503s\"\nincident_id = \"INC-2026-0042\"\ndate = 2026-11-22\nseverity = \"SEV-2\"\nstatus = \"final\"\nstarted_at = 2026-11-22T14:02:00Z\ndetected_at = 2026-11-22T14:06:00Z\nresolved_at = 2026-11-22T15:21:00Z\n\n[params]\ntags = [\"db\", \"pool\"]\n+++\n",
    )
}

#[test]
fn toml_front_matter_is_front_matter() {
    assert_clean(&lint_doc(&clean_as_toml(), &["--strict"]), 1);
}

#[test]
fn toml_front_matter_keys_are_checked_where_they_are() {
    let doc = edit(
        &clean_as_toml(),
        "severity = \"SEV-2\"\n",
        "severity = \"sev2\"\n",
    );
    let doc = edit(&doc, "status = \"final\"\n", "");
    assert_errors(
        &lint_doc(&doc, &["--strict"]),
        &[
            "a.md:1:1: PM003 [error] front matter has no `status`",
            "a.md:5:12: PM004 [error] severity `sev2` is not in the scale",
        ],
    );
}

#[test]
fn invalid_toml_front_matter_is_reported_with_its_line() {
    let doc = edit(&clean_as_toml(), "severity = \"SEV-2\"\n", "severity = \n");
    let run = lint_doc(&doc, &["--strict"]);
    let pm002: Vec<&str> = run.findings_of("PM002");
    assert_eq!(pm002.len(), 1, "{}", run.stdout);
    assert!(
        pm002[0].starts_with("a.md:5:") && pm002[0].contains("front matter is not valid TOML: "),
        "{}",
        pm002[0]
    );
    assert_eq!(run.code, 1);
}

#[test]
fn unclosed_toml_front_matter_asks_for_its_own_fence() {
    let run = lint_human(
        &{
            let tmp = tmp();
            write(&tmp, "a.md", "+++\ntitle = \"x\"\n\n# x\n");
            tmp
        },
        &["a.md"],
    );
    assert!(
        run.stdout
            .contains("= help: end the TOML block with a `+++` line"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_date_written_as_a_timestamp_is_a_date() {
    // Hugo and Jekyll write `date` with a time; its day is the date.
    for date in [
        "date: 2026-11-22T14:02:00Z",
        "date: 2026-11-22 14:02:00 -0700",
        "date: 2026-11-22T23:30:00-07:00",
    ] {
        let doc = edit(CLEAN, "date: 2026-11-22", date);
        assert_clean(&lint_doc(&doc, &["--strict"]), 1);
    }
}

// PM003 missing-key

#[test]
fn pm003_a_missing_key_is_reported_on_the_opening_fence() {
    let doc = edit(CLEAN, "incident_id: INC-2026-0042\n", "");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:1:1: PM003 [error] front matter has no `incident_id`"],
    );
}

#[test]
fn pm003_an_empty_key_is_reported_on_the_key() {
    let doc = edit(CLEAN, "incident_id: INC-2026-0042\n", "incident_id:\n");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:3:1: PM003 [error] `incident_id` is empty"],
    );
}

#[test]
fn pm003_a_final_document_needs_started_at() {
    let doc = edit(CLEAN, "started_at: 2026-11-22T14:02:00Z\n", "");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:1:1: PM003 [error] front matter has no `started_at`"],
    );
    assert_errors(
        &lint_doc(&with_status(&doc, "in-review"), &[]),
        &["a.md:1:1: PM003 [error] front matter has no `started_at`"],
    );
}

#[test]
fn pm003_a_draft_may_leave_out_started_at() {
    let doc = edit(CLEAN, "started_at: 2026-11-22T14:02:00Z\n", "");
    assert_clean(&lint_doc(&with_status(&doc, "draft"), &[]), 1);
}

#[test]
fn pm003_a_key_missing_from_a_draft_is_a_warning() {
    let doc = with_status(&edit(CLEAN, "incident_id: INC-2026-0042\n", ""), "draft");
    let run = lint_doc(&doc, &[]);
    assert_eq!(
        run.stdout,
        "a.md:1:1: PM003 [warning] front matter has no `incident_id`\n"
    );
    assert_eq!(run.code, 0);
}

#[test]
fn pm003_every_key_present_is_not_reported() {
    assert_clean(&lint_doc(CLEAN, &["--strict"]), 1);
}

// PM004 unknown-severity

#[test]
fn pm004_a_severity_off_the_scale_is_reported_with_its_spelling_on_the_scale() {
    let doc = edit(CLEAN, "severity: SEV-2\n", "severity: sev2\n");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:5:11: PM004 [error] severity `sev2` is not in the scale"],
    );
    let tmp = tmp();
    write(&tmp, "a.md", &doc);
    let human = lint_human(&tmp, &["a.md"]);
    assert!(
        human
            .stdout
            .contains("error[PM004]: severity `sev2` is not in the scale\n --> a.md:5:11\n"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .contains("  = help: write it as `SEV-2` (unknown-severity)\n"),
        "{}",
        human.stdout
    );
}

#[test]
fn pm004_an_unknown_severity_lists_the_scale() {
    let doc = edit(CLEAN, "severity: SEV-2\n", "severity: critical\n");
    let tmp = tmp();
    write(&tmp, "a.md", &doc);
    assert_errors(
        &lint(&tmp, &["a.md"]),
        &["a.md:5:11: PM004 [error] severity `critical` is not in the scale"],
    );
    let human = lint_human(&tmp, &["a.md"]);
    assert!(
        human
            .stdout
            .contains("  = help: use one of SEV-1, SEV-2, SEV-3, SEV-4 (unknown-severity)\n"),
        "{}",
        human.stdout
    );
}

#[test]
fn pm004_a_severity_on_the_scale_is_not_reported() {
    for level in ["SEV-1", "SEV-2", "SEV-3", "SEV-4"] {
        let doc = edit(CLEAN, "severity: SEV-2\n", &format!("severity: {level}\n"));
        assert_clean(&lint_doc(&doc, &["--strict"]), 1);
    }
}

// PM005 invalid-date

#[test]
fn pm005_a_date_that_is_not_iso_is_reported() {
    let doc = edit(CLEAN, "date: 2026-11-22\n", "date: 22/11/2026\n");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:4:7: PM005 [error] `date` is `22/11/2026`, not a YYYY-MM-DD date"],
    );
}

#[test]
fn pm005_a_timestamp_that_is_not_iso_is_reported() {
    let doc = edit(
        CLEAN,
        "started_at: 2026-11-22T14:02:00Z\n",
        "started_at: 10am\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:7:13: PM005 [error] `started_at` is `10am`, not an ISO 8601 timestamp like 2026-11-22T10:00:00Z",
        ],
    );
}

#[test]
fn pm005_iso_dates_and_timestamps_are_not_reported() {
    let doc = edit(CLEAN, "date: 2026-11-22\n", "date: \"2026-11-22\"\n");
    let doc = edit(
        &doc,
        "started_at: 2026-11-22T14:02:00Z\n",
        "started_at: 2026-11-22T15:02+01:00\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

// PM006 unknown-status

#[test]
fn pm006_an_unknown_status_is_reported() {
    assert_errors(
        &lint_doc(&with_status(CLEAN, "done"), &[]),
        &["a.md:6:9: PM006 [error] status `done` is not one of draft, in-review, final"],
    );
}

#[test]
fn pm006_a_status_that_is_not_a_word_is_reported() {
    assert_errors(
        &lint_doc(&with_status(CLEAN, "[final]"), &[]),
        &["a.md:6:9: PM006 [error] `status` is a list, not one of draft, in-review, final"],
    );
}

#[test]
fn pm006_the_configured_statuses_are_not_reported() {
    for status in ["draft", "in-review", "final"] {
        assert_clean(&lint_doc(&with_status(CLEAN, status), &["--strict"]), 1);
    }
}

// PM101 missing-section

#[test]
fn pm101_a_standard_document_missing_its_root_cause_is_reported() {
    let doc = edit(
        &standard_doc(),
        "## Root Cause\n\nThe pool was capped at 20 connections while traffic doubled.\n\n",
        "",
    );
    let tmp = tmp();
    write(&tmp, "a.md", &doc);
    assert_errors(
        &lint(&tmp, &["a.md"]),
        &["a.md:13:1: PM101 [error] missing section `Root Cause`"],
    );
    let human = lint_human(&tmp, &["a.md"]);
    assert!(
        human.stdout.contains(
            "= help: add a `## Root Cause` section (also accepted: \"root causes\", \"root cause analysis\", \"cause\", \"causes\") (missing-section)\n"
        ),
        "{}",
        human.stdout
    );
}

#[test]
fn pm101_a_standard_document_with_all_its_sections_is_not_reported() {
    assert_clean(&lint_doc(&standard_doc(), &["--strict"]), 1);
}

#[test]
fn pm101_a_standard_document_needs_impact_which_a_document_without_template_does_not() {
    let without_impact = edit(
        &standard_doc(),
        "## Impact\n\nAbout 4,100 checkouts failed.\n\n",
        "",
    );
    assert_errors(
        &lint_doc(&without_impact, &[]),
        &["a.md:13:1: PM101 [error] missing section `Impact`"],
    );
    // CLEAN has no template and no Impact section.
    assert_clean(&lint_doc(CLEAN, &["--strict"]), 1);
}

#[test]
fn pm101_a_document_without_template_missing_its_timeline_is_reported() {
    let doc = edit(
        CLEAN,
        "## Timeline\n\nAt 14:02 UTC the error rate rose above 5%.\n\n",
        "",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:12:1: PM101 [error] missing section `Timeline`"],
    );
}

#[test]
fn pm101_numbered_titles_and_aliases_satisfy_the_sections() {
    let doc = edit(CLEAN, "## Timeline\n", "## Timeline of Events\n");
    let doc = edit(&doc, "## Root Cause\n", "## 3. Root Cause Analysis\n");
    let doc = edit(&doc, "## Resolution\n", "## Mitigation and Recovery\n");
    let doc = edit(&doc, "## Action Items\n", "## Follow-up Actions\n");
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn pm101_why_it_happened_is_a_root_cause() {
    let doc = edit(CLEAN, "## Root Cause\n", "## Why It Happened\n");
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

// PM102 empty-section

#[test]
fn pm102_an_empty_last_section_is_reported() {
    let doc = edit(CLEAN, "- Add a pool-saturation alert (OPS-1423).\n", "");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:31:1: PM102 [error] section `Action Items` is empty"],
    );
}

#[test]
fn pm102_a_last_section_holding_only_a_comment_is_reported_as_empty() {
    let doc = format!("{CLEAN}\n## Lessons Learned\n\n<!-- Key takeaways for the team -->\n");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:35:1: PM102 [error] section `Lessons Learned` is empty"],
    );
}

#[test]

fn pm102_an_empty_section_followed_by_another_section_is_reported() {
    let doc = edit(
        CLEAN,
        "## Timeline\n\nAt 14:02 UTC the error rate rose above 5%.\n",
        "## Timeline\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:19:1: PM102 [error] section `Timeline` is empty"],
    );
}

#[test]

fn pm102_a_section_holding_only_a_comment_before_another_section_is_reported() {
    let doc = format!(
        "{CLEAN}\n## Lessons Learned\n\n<!-- Key takeaways for the team -->\n\n## References\n\n- https://wiki.example.com/inc-42\n"
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:35:1: PM102 [error] section `Lessons Learned` is empty"],
    );
}

#[test]
fn pm102_a_section_with_text_or_only_subsections_is_not_reported() {
    let doc = edit(
        CLEAN,
        "## Root Cause\n\nThe pool",
        "## Root Cause\n\n### Trigger\n\nThe pool",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn pm102_a_heading_that_holds_its_value_is_not_an_empty_section() {
    // As many archives write their facts: the heading is the field.
    let doc = edit(
        CLEAN,
        "# Checkout API returned 503s\n",
        "# Checkout API returned 503s\n\n## Date: November 22, 2026\n\n## Owner: Dana Kim\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn pm102_the_document_title_is_not_an_empty_section() {
    // `# Title` then `# Summary`: sections at the title's level.
    let doc = edit(CLEAN, "## Summary\n", "# Summary\n");
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
    // A later empty `#` section still is one.
    let doc = edit(CLEAN, "## Summary\n", "# Appendix\n\n# Summary\n");
    assert_errors(
        &lint_doc(&doc, &["--strict"]),
        &["a.md:14:1: PM102 [error] section `Appendix` is empty"],
    );
}

// PM103 duplicate-section

#[test]
fn pm103_a_repeated_section_is_reported() {
    let doc = format!("{CLEAN}\n## Timeline\n\nMore events.\n");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:35:1: PM103 [error] section `Timeline` repeats `Timeline` (line 19)"],
    );
}

#[test]
fn pm103_two_titles_for_the_same_section_are_reported() {
    let doc = format!("{CLEAN}\n## Root Cause Analysis\n\nMore analysis.\n");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:35:1: PM103 [error] section `Root Cause Analysis` repeats `Root Cause` (line 23)"],
    );
}

#[test]
fn pm103_the_same_subsection_under_different_sections_is_not_reported() {
    let doc = edit(
        CLEAN,
        "## Summary\n",
        "## Summary\n\n### Details\n\nFirst.\n",
    );
    let doc = edit(
        &doc,
        "## Root Cause\n",
        "## Root Cause\n\n### Details\n\nSecond.\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

// PM201 bracket-placeholder

#[test]
fn pm201_a_bracket_placeholder_is_reported() {
    assert_errors(
        &lint_doc(&clean_with("**Incident Lead:** [Your Name]"), &[]),
        &["a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`"],
    );
}

#[test]
fn pm201_the_filled_in_value_is_not_reported() {
    assert_clean(
        &lint_doc(&clean_with("**Incident Lead:** Dana Kim"), &["--strict"]),
        1,
    );
}

#[test]

fn pm201_the_column_is_right_after_an_html_entity() {
    assert_errors(
        &lint_doc(&clean_with("Lead &amp; owner: [Your Name]"), &[]),
        &["a.md:31:19: PM201 [error] unfilled placeholder `[Your Name]`"],
    );
}

// PM202 brace-placeholder

#[test]
fn pm202_a_brace_placeholder_is_reported() {
    assert_errors(
        &lint_doc(&clean_with("- **incident.io:** {INCIDENT_URL}"), &[]),
        &["a.md:31:20: PM202 [error] unfilled placeholder `{INCIDENT_URL}`"],
    );
}

#[test]
fn pm202_a_brace_placeholder_in_the_front_matter_is_reported_where_it_is() {
    let doc = edit(
        CLEAN,
        "title: Checkout API returned 503s\n",
        "title: \"{TITLE}\"\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:2:9: PM202 [error] unfilled placeholder `{TITLE}`"],
    );
}

#[test]

fn pm202_a_brace_placeholder_in_a_front_matter_list_is_reported_where_it_is() {
    let doc = edit(
        CLEAN,
        "status: final\n",
        "status: final\nservices: [checkout, \"{SERVICE}\"]\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:7:23: PM202 [error] unfilled placeholder `{SERVICE}`"],
    );
}

#[test]
fn pm202_the_filled_in_value_is_not_reported() {
    assert_clean(
        &lint_doc(
            &clean_with("- **incident.io:** https://app.incident.io/incidents/2041"),
            &["--strict"],
        ),
        1,
    );
}

// PM203 format-placeholder

#[test]
fn pm203_a_time_format_is_reported() {
    let table = "| Time | Event |\n|------|-------|\n| HH:MM | Alert fired |";
    assert_errors(
        &lint_doc(&clean_with(table), &[]),
        &["a.md:33:3: PM203 [error] `HH:MM` is a format, not a value"],
    );
}

#[test]
fn pm203_a_date_format_and_an_amount_format_are_reported() {
    assert_errors(
        &lint_doc(&clean_with("Due YYYY-MM-DD, revenue $X."), &[]),
        &[
            "a.md:31:5: PM203 [error] `YYYY-MM-DD` is a format, not a value",
            "a.md:31:25: PM203 [error] `$X` is a format, not a value",
        ],
    );
}

#[test]
fn pm203_real_times_dates_and_amounts_are_not_reported() {
    let table = "| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |\n\nDue 2026-12-01, revenue $12,400.";
    assert_clean(&lint_doc(&clean_with(table), &["--strict"]), 1);
}

// PM204 numbered-stand-in

#[test]
fn pm204_numbered_stand_ins_are_reported() {
    assert_errors(
        &lint_doc(&clean_with("- Factor 1: [Description]\n- Learning 2"), &[]),
        &[
            "a.md:31:3: PM204 [error] numbered stand-in `Factor 1`",
            "a.md:31:13: PM201 [error] unfilled placeholder `[Description]`",
            "a.md:32:3: PM204 [error] numbered stand-in `Learning 2`",
        ],
    );
}

#[test]
fn pm204_a_numbered_label_followed_by_real_text_is_not_reported() {
    let list =
        "- Factor 1: the pool was too small\n- Learning 2: load tests must include the pooler";
    assert_clean(&lint_doc(&clean_with(list), &["--strict"]), 1);
}

// PM205 todo-marker

#[test]
fn pm205_todo_markers_are_reported() {
    assert_errors(
        &lint_doc(
            &clean_with("Root cause: TBD. TODO: confirm. FIXME and TBA too."),
            &[],
        ),
        &[
            "a.md:31:13: PM205 [error] `TBD` left in the document",
            "a.md:31:18: PM205 [error] `TODO` left in the document",
            "a.md:31:33: PM205 [error] `FIXME` left in the document",
            "a.md:31:43: PM205 [error] `TBA` left in the document",
        ],
    );
}

#[test]
fn pm205_the_resolved_text_is_not_reported() {
    let text = "Root cause: the connection pool was capped at 20. TODOS and todo lists are words.";
    assert_clean(&lint_doc(&clean_with(text), &["--strict"]), 1);
}

// PM206 empty-table-row

#[test]
fn pm206_an_empty_table_row_is_reported() {
    let table = "| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |\n| | |";
    assert_errors(
        &lint_doc(&clean_with(table), &[]),
        &["a.md:34:1: PM206 [error] table row has no content"],
    );
}

#[test]
fn pm206_a_filled_row_is_not_reported() {
    let table =
        "| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |\n| 14:10 | Rolled back |";
    assert_clean(&lint_doc(&clean_with(table), &["--strict"]), 1);
}

// PM207 empty-list-item

#[test]
fn pm207_empty_items_and_labels_without_value_are_reported() {
    assert_errors(
        &lint_doc(&clean_with("- Users affected:\n- [ ]\n\n1.\n\n-"), &[]),
        &[
            "a.md:31:1: PM207 [error] `Users affected:` has no value",
            "a.md:32:1: PM207 [error] empty task item",
            "a.md:34:1: PM207 [error] empty list item",
            "a.md:36:1: PM207 [error] empty list item",
        ],
    );
}

#[test]
fn pm207_written_items_and_labels_with_nested_lists_are_not_reported() {
    let list = "- Users affected: about 4,100\n- Follow-up tickets:\n  - OPS-1423\n- [ ] Add a pool-saturation alert (OPS-1424)";
    assert_clean(&lint_doc(&clean_with(list), &["--strict"]), 1);
}

// PM208 template-text

/// A finished document made from the `detailed` template with every
/// section it requires; line 54 is a line the template wrote.
const DETAILED: &str = "\
---
title: Checkout API returned 503s
incident_id: INC-2026-0042
date: 2026-11-22
severity: SEV-2
status: final
started_at: 2026-11-22T14:02:00Z
detected_at: 2026-11-22T14:06:00Z
resolved_at: 2026-11-22T15:21:00Z
template: detailed
---

# Checkout API returned 503s

## Executive Summary

The checkout API returned 503s for 79 minutes.

## Impact

About 4,100 checkouts failed.

## Timeline

At 14:02 UTC the error rate rose above 5%.

## Root Cause

The pool was capped at 20 connections while traffic doubled.

## Detection

A pool-saturation alert fired at 14:06.

## Response

The on-call engineer paged the database team.

## Resolution

We raised the pool size to 80.

## Root Cause Analysis (5 Whys)

1. Why did checkouts fail? The pool was exhausted.

## Action Items

- [ ] Add a pool-saturation alert (OPS-1423) - Owner: Dana Kim - Due: 2027-01-15

## Prevention

**Monitoring Improvements:**
- Additional alerts needed
- Alert when pgbouncer waits exceed 50 for 2 minutes

## Lessons Learned

Load tests must include the pooler.
";

#[test]
fn pm208_a_line_left_as_the_template_wrote_it_is_reported() {
    assert_errors(
        &lint_doc(DETAILED, &[]),
        &["a.md:54:1: PM208 [error] line left as the `detailed` template wrote it"],
    );
}

#[test]
fn pm208_the_line_rewritten_is_not_reported() {
    let doc = edit(
        DETAILED,
        "- Additional alerts needed\n",
        "- Alert on pool wait time\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn pm208_leaves_a_line_to_whichever_rule_reported_it_first_whatever_its_family() {
    // PM401 (blameless, the last family) reports the line: PM208 does not
    // report it a second time.
    let tmp = tmp();
    write(&tmp, "a.md", DETAILED);
    write(&tmp, ".pm.yaml", "blame_words: [additional alerts]\n");
    let run = lint(&tmp, &["a.md"]);
    assert_eq!(
        run.stdout,
        "a.md:54:3: PM401 [warning] blame language: `Additional alerts`\n"
    );
}

#[test]
fn pm208_a_document_without_template_is_not_compared_with_one() {
    let doc = edit(DETAILED, "template: detailed\n", "");
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

// PM209 guidance-comment

#[test]
fn pm209_a_guidance_comment_in_a_final_document_is_reported() {
    assert_errors(
        &lint_doc(&clean_with("<!-- Steps taken to restore service -->"), &[]),
        &["a.md:31:1: PM209 [error] template guidance comment left in a finished document"],
    );
}

#[test]
fn pm209_a_guidance_comment_in_a_draft_is_fine_unless_strict() {
    let doc = with_status(
        &clean_with("<!-- Steps taken to restore service -->"),
        "draft",
    );
    assert_clean(&lint_doc(&doc, &[]), 1);
    assert_errors(
        &lint_doc(&doc, &["--strict"]),
        &["a.md:31:1: PM209 [error] template guidance comment left in a finished document"],
    );
}

#[test]
fn pm209_pm_directives_are_not_guidance() {
    let text =
        "<!-- pm-lint-disable-next-line PM201 -->\nOur lead was Dana.\n\n<!-- pm-index: skip -->";
    assert_clean(&lint_doc(&clean_with(text), &["--strict"]), 1);
}

// Status-awareness

#[test]
fn a_placeholder_is_a_warning_in_a_draft_and_an_error_once_final_or_strict() {
    let doc = clean_with("**Incident Lead:** [Your Name]");
    let draft = with_status(&doc, "draft");

    let run = lint_doc(&draft, &[]);
    assert_eq!(
        run.stdout,
        "a.md:31:20: PM201 [warning] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 0 errors and 1 warning in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 0);

    let error = ["a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`"];
    assert_errors(&lint_doc(&doc, &[]), &error);
    assert_errors(&lint_doc(&with_status(&doc, "in-review"), &[]), &error);
    let strict = lint_doc(&draft, &["--strict"]);
    assert_errors(&strict, &error);
    assert_eq!(
        strict.stderr,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
}

// Suppression comments

#[test]
fn disable_and_enable_suppress_the_rule_between_them() {
    let text = "Lead: [Your Name].\n\n<!-- pm-lint-disable PM201 -->\n\nLead: [Your Name] and {INSIDE}.\n\n<!-- pm-lint-enable PM201 -->\n\nLead: [Your Name].";
    assert_errors(
        &lint_doc(&clean_with(text), &[]),
        &[
            "a.md:31:7: PM201 [error] unfilled placeholder `[Your Name]`",
            "a.md:35:23: PM202 [error] unfilled placeholder `{INSIDE}`",
            "a.md:39:7: PM201 [error] unfilled placeholder `[Your Name]`",
        ],
    );
}

#[test]
fn disable_next_line_suppresses_only_the_next_line() {
    let text = "<!-- pm-lint-disable-next-line PM201 -->\nLead: [Your Name] and {KEPT}.\nLead: [Your Name].";
    assert_errors(
        &lint_doc(&clean_with(text), &[]),
        &[
            "a.md:32:23: PM202 [error] unfilled placeholder `{KEPT}`",
            "a.md:33:7: PM201 [error] unfilled placeholder `[Your Name]`",
        ],
    );
}

#[test]
fn disable_file_takes_a_rule_name_and_covers_the_whole_file() {
    let text = "Lead: [Name].\n\n<!-- pm-lint-disable-file bracket-placeholder -->\n\nLead: [Name] and {THREE}.";
    assert_errors(
        &lint_doc(&clean_with(text), &[]),
        &["a.md:35:18: PM202 [error] unfilled placeholder `{THREE}`"],
    );
}

#[test]
fn disable_without_rules_suppresses_every_rule() {
    let text = "Lead: [Name].\n\n<!-- pm-lint-disable -->\n\nLead: [Name] and {THREE} TODO.\n\n- Factor 1\n\n<!-- pm-lint-enable -->\n\nLead: [Your Name].";
    assert_errors(
        &lint_doc(&clean_with(text), &[]),
        &[
            "a.md:31:7: PM201 [error] unfilled placeholder `[Name]`",
            "a.md:41:7: PM201 [error] unfilled placeholder `[Your Name]`",
        ],
    );
}

#[test]
fn disable_file_without_rules_suppresses_every_finding_of_the_file() {
    let doc = clean_with("<!-- pm-lint-disable-file -->\n\nLead: [Name] {NAME} TODO.");
    let doc = edit(&doc, "severity: SEV-2\n", "severity: sev2\n");
    assert_clean(&lint_doc(&doc, &[]), 1);
}

#[test]

fn a_directive_with_a_misspelt_rule_does_not_disable_every_rule() {
    let text = "<!-- pm-lint-disable-file PM2O1 -->\n\nLead: [Name] and {TWO} TODO.";
    let run = lint_doc(&clean_with(text), &[]);
    for line in [
        "a.md:33:7: PM201 [error] unfilled placeholder `[Name]`",
        "a.md:33:18: PM202 [error] unfilled placeholder `{TWO}`",
        "a.md:33:24: PM205 [error] `TODO` left in the document",
    ] {
        assert!(
            run.lines().contains(&line),
            "{line} missing from:\n{}",
            run.stdout
        );
    }
    assert_eq!(run.code, 1);
}

// Line endings and byte order marks

#[test]
fn a_crlf_file_reports_the_same_positions_as_the_lf_file() {
    let doc = clean_with(
        "Lead: [Your Name], é [Owner Name].\n\n| Time | Event |\n|---|---|\n| HH:MM | |",
    );
    let doc = edit(&doc, "severity: SEV-2\n", "severity: sev2\n");
    let lf = lint_doc(&doc, &[]);
    assert_errors(
        &lf,
        &[
            "a.md:5:11: PM004 [error] severity `sev2` is not in the scale",
            "a.md:31:7: PM201 [error] unfilled placeholder `[Your Name]`",
            "a.md:31:22: PM201 [error] unfilled placeholder `[Owner Name]`",
            "a.md:35:3: PM203 [error] `HH:MM` is a format, not a value",
        ],
    );
    assert_eq!(lint_doc(&crlf(&doc), &[]), lf);
    assert_eq!(lint_doc(&bom(&crlf(&doc)), &[]), lf);
}

#[test]
fn a_crlf_file_shows_its_source_line_without_the_carriage_return() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        crlf(&clean_with("**Incident Lead:** [Your Name]")),
    );
    let run = lint_human(&tmp, &["a.md"]);
    assert!(!run.stdout.contains('\r'), "{:?}", run.stdout);
    assert!(
        run.stdout
            .contains("31 | **Incident Lead:** [Your Name]\n   |                    ^^^^^^^^^^^\n"),
        "{}",
        run.stdout
    );
}

// Fresh drafts of every template

/// Writes a fresh draft of `template` into `d/` and returns its path.
fn fresh_draft(tmp: &tempfile::TempDir, template: &str) -> String {
    let new = run(support::pm(tmp).args([
        "new",
        "--no-input",
        "--date",
        "2026-11-22",
        "--title",
        "T",
        "--severity",
        "SEV-2",
        "--dir",
        "d",
        "--template",
        template,
    ]));
    assert_eq!(new.code, 0, "pm new --template {template}: {}", new.stderr);
    "d/2026-11-22-t.md".to_owned()
}

/// Asserts no two findings share line, column and rule.
#[track_caller]
fn assert_one_finding_per_spot(run: &Run, context: &str) {
    let mut seen = std::collections::BTreeSet::new();
    for line in run.lines() {
        assert!(
            seen.insert(position_and_rule(line)),
            "{context}: reported twice: {line}\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_fresh_draft_of_each_template_has_only_warnings() {
    for template in &common::templates() {
        let template = template.as_str();
        let tmp = tmp();
        let path = fresh_draft(&tmp, template);
        let run = lint(&tmp, &["d"]);
        let lines = run.lines();
        assert!(!lines.is_empty(), "{template}: a fresh draft has warnings");
        for line in &lines {
            assert!(line.starts_with(&format!("{path}:")), "{template}: {line}");
            assert!(line.contains(" [warning] "), "{template}: {line}");
        }
        assert_eq!(
            run.stderr,
            format!(
                "Found 0 errors and {} warnings in 1 of 1 file checked.\n",
                lines.len()
            ),
            "{template}"
        );
        assert_eq!(run.code, 0, "{template}");
        assert_one_finding_per_spot(&run, template);
    }
}

#[test]
fn a_fresh_draft_of_each_template_fails_strict_with_errors_only() {
    for template in &common::templates() {
        let template = template.as_str();
        let tmp = tmp();
        let path = fresh_draft(&tmp, template);
        let run = lint(&tmp, &["--strict", "d"]);
        let lines = run.lines();
        assert!(!lines.is_empty(), "{template}");
        for line in &lines {
            assert!(line.starts_with(&format!("{path}:")), "{template}: {line}");
            assert!(line.contains(" [error] "), "{template}: {line}");
        }
        assert_eq!(
            run.stderr,
            format!(
                "Found {} errors and 0 warnings in 1 of 1 file checked.\n",
                lines.len()
            ),
            "{template}"
        );
        assert_eq!(run.code, 1, "{template}");
        assert_one_finding_per_spot(&run, template);
    }
}

// The template seeds

/// Copies seed `stem` into a fresh folder as `<stem>.md` and lints it with
/// `--strict`.
fn lint_seed(stem: &str) -> Run {
    let tmp = tmp();
    write(&tmp, &format!("{stem}.md"), seed(stem));
    lint(&tmp, &["--strict", &format!("{stem}.md")])
}

#[track_caller]
fn assert_reports(run: &Run, expected: &[&str]) {
    for line in expected {
        assert!(
            run.lines().contains(line),
            "{line} missing from:\n{}",
            run.stdout
        );
    }
    assert_eq!(run.code, 1);
}

#[test]
fn seed_000_brace_placeholders_and_empty_rows_are_reported() {
    let run = lint_seed("000_08830acf56ea98ec");
    assert_reports(
        &run,
        &[
            "000_08830acf56ea98ec.md:2:9: PM202 [error] unfilled placeholder `{TITLE}`",
            "000_08830acf56ea98ec.md:10:3: PM202 [error] unfilled placeholder `{TITLE}`",
            "000_08830acf56ea98ec.md:38:1: PM206 [error] table row has no content",
            "000_08830acf56ea98ec.md:58:1: PM206 [error] table row has no content",
            "000_08830acf56ea98ec.md:64:1: PM206 [error] table row has no content",
            "000_08830acf56ea98ec.md:88:1: PM206 [error] table row has no content",
        ],
    );
    assert_eq!(run.findings_of("PM206").len(), 4, "{}", run.stdout);
}

#[test]
fn seed_001_bracket_placeholders_and_stand_ins_are_reported() {
    let run = lint_seed("001_5759770ed7e27ec3");
    assert_reports(
        &run,
        &[
            "001_5759770ed7e27ec3.md:1:1: PM001 [error] no front matter: the file does not start with a `---` block",
            "001_5759770ed7e27ec3.md:3:23: PM201 [error] unfilled placeholder `[YYYY-MM-DD HH:MM timezone]`",
            "001_5759770ed7e27ec3.md:6:20: PM201 [error] unfilled placeholder `[Your Name]`",
            "001_5759770ed7e27ec3.md:59:3: PM204 [error] numbered stand-in `Factor 1`",
        ],
    );
    // The formats inside `[YYYY-MM-DD HH:MM timezone]` are part of it.
    assert!(
        !run.stdout.contains("001_5759770ed7e27ec3.md:3:24:"),
        "{}",
        run.stdout
    );
}

#[test]
fn seed_002_time_formats_are_reported() {
    let run = lint_seed("002_2a84609b0579595f");
    assert_reports(
        &run,
        &[
            "002_2a84609b0579595f.md:15:3: PM203 [error] `HH:MM` is a format, not a value",
            "002_2a84609b0579595f.md:16:3: PM203 [error] `HH:MM` is a format, not a value",
            "002_2a84609b0579595f.md:17:3: PM203 [error] `HH:MM` is a format, not a value",
            "002_2a84609b0579595f.md:18:3: PM203 [error] `HH:MM` is a format, not a value",
        ],
    );
}

#[test]
fn seed_003_date_formats_are_reported() {
    let run = lint_seed("003_207c4d0952749864");
    assert_reports(
        &run,
        &[
            "003_207c4d0952749864.md:24:3: PM201 [error] unfilled placeholder `[YYYY-MM-DD HH:MM]`",
            "003_207c4d0952749864.md:56:107: PM203 [error] `YYYY-MM-DD` is a format, not a value",
            "003_207c4d0952749864.md:57:107: PM203 [error] `YYYY-MM-DD` is a format, not a value",
            "003_207c4d0952749864.md:58:107: PM203 [error] `YYYY-MM-DD` is a format, not a value",
        ],
    );
}

#[test]
fn seed_004_bracket_placeholders_are_reported() {
    let run = lint_seed("004_d4900049c9a6b0c9");
    assert_reports(
        &run,
        &[
            "004_d4900049c9a6b0c9.md:5:18: PM201 [error] unfilled placeholder `[Auto-generated]`",
            "004_d4900049c9a6b0c9.md:6:15: PM201 [error] unfilled placeholder `[P1/P2/P3/P4]`",
        ],
    );
}

#[test]
fn each_seed_placeholder_is_reported_once() {
    for stem in [
        "000_08830acf56ea98ec",
        "001_5759770ed7e27ec3",
        "002_2a84609b0579595f",
        "003_207c4d0952749864",
        "004_d4900049c9a6b0c9",
    ] {
        let run = lint_seed(stem);
        assert!(!run.stdout.is_empty(), "{stem}");
        assert!(
            run.lines().iter().all(|line| line.contains(" [error] ")),
            "{stem}:\n{}",
            run.stdout
        );
        // Missing front matter keys all point at line 1; placeholders each
        // have their own spot.
        let placeholders = Run {
            stdout: run
                .lines()
                .into_iter()
                .filter(|line| line.contains(": PM2"))
                .map(|line| format!("{line}\n"))
                .collect(),
            ..run.clone()
        };
        assert!(!placeholders.stdout.is_empty(), "{stem}");
        assert_one_finding_per_spot(&placeholders, stem);
    }
}
