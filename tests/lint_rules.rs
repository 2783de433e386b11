//! `pm lint`, rule by rule: for every rule a document that triggers it (with
//! the exact `path:line:col: ID [level] message` line) and the fixed
//! document (without that finding). Then status-awareness, suppression
//! comments, line endings, fresh `pm new` drafts and the template seeds.
//!
//! Most cases are rows of a table, one table per rule family, as ruff and
//! rumdl keep theirs: a [`Case`] is a document, the arguments and the exact
//! lines `pm lint` must print, and [`check`] runs every row of a table and
//! reports all the rows that fail, by name. Cases of another shape (several
//! files, `--format human`, a configuration file, output checked only in
//! part, runs compared with each other) are ordinary tests beside the table
//! of their family.

mod common;

use common::lint as support;

use support::{
    CLEAN, Run, bom, clean_with, crlf, edit, lint, lint_doc, lint_human, no_problems,
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

/// One case of a rule table: `doc` is written to `a.md` in a fresh folder
/// and linted with `pm lint --format concise <args> a.md` (see
/// [`lint_doc`]).
struct Case {
    /// The case's name, given when it fails: the name of the test it was,
    /// with `[...]` after it when that test made several runs.
    name: &'static str,
    /// Builds the document.
    doc: fn() -> String,
    /// The arguments before `a.md`, such as `--strict`.
    args: &'static [&'static str],
    /// The exact concise lines the run prints, in order.
    ///
    /// Empty, the run must be clean as [`support::assert_clean`] checks it:
    /// no stdout, `Checked 1 file: no problems found.` on stderr, exit 0.
    /// Otherwise stdout must be exactly these lines, and the run exit 1 if
    /// one of them is an error (as [`assert_errors`] checks), 0 if they
    /// are all warnings.
    findings: &'static [&'static str],
}

/// Runs every case of `cases` and fails, after the last one, with every
/// case that did not print what it should.
#[track_caller]
fn check(cases: &[Case]) {
    let failures: Vec<String> = cases.iter().filter_map(failure).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// What is wrong with the run of `case`, if anything.
fn failure(case: &Case) -> Option<String> {
    let doc = match std::panic::catch_unwind(case.doc) {
        Ok(doc) => doc,
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            return Some(format!(
                "{}: building the document panicked: {why}",
                case.name
            ));
        }
    };
    let run = lint_doc(&doc, case.args);
    let stdout: String = case
        .findings
        .iter()
        .map(|line| format!("{line}\n"))
        .collect();
    let (code, stderr) = if case.findings.is_empty() {
        (0, Some(no_problems(1)))
    } else if case.findings.iter().any(|line| line.contains(" [error] ")) {
        (1, None)
    } else {
        (0, None)
    };
    let mut wrong = Vec::new();
    if run.stdout != stdout {
        let (want, got) = (indented(&stdout), indented(&run.stdout));
        // Lines alike but the text not: show where the text differs.
        let (want, got) = if want == got {
            (format!("    {stdout:?}"), format!("    {:?}", run.stdout))
        } else {
            (want, got)
        };
        wrong.push(format!("  stdout: expected\n{want}\n  got\n{got}"));
    }
    if let Some(stderr) = stderr.filter(|stderr| run.stderr != *stderr) {
        wrong.push(format!(
            "  stderr: expected {stderr:?}, got {:?}",
            run.stderr
        ));
    }
    if run.code != code {
        wrong.push(format!("  exit code: expected {code}, got {}", run.code));
    }
    if wrong.is_empty() {
        return None;
    }
    let args: String = case.args.iter().map(|arg| format!("{arg} ")).collect();
    Some(format!(
        "{} (pm lint {args}a.md):\n{}\n  (stderr: {:?})",
        case.name,
        wrong.join("\n"),
        run.stderr
    ))
}

/// `text`'s lines, each indented by four spaces, or `(nothing)`.
fn indented(text: &str) -> String {
    if text.is_empty() {
        return "    (nothing)".to_owned();
    }
    let lines: Vec<String> = text.lines().map(|line| format!("    {line}")).collect();
    lines.join("\n")
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

const PM000_UNREADABLE_FILE: &[Case] = &[Case {
    name: "pm000_the_same_text_saved_as_utf8_is_read",
    doc: || edit(CLEAN, "title: Checkout API", "title: Café checkout API"),
    args: &["--strict"],
    findings: &[],
}];

#[test]
fn pm000_unreadable_file() {
    check(PM000_UNREADABLE_FILE);
}

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

// PM001 missing-front-matter

/// The body of [`CLEAN`], without its front matter.
fn clean_body() -> String {
    let body = CLEAN.split_once("---\n\n").expect("front matter").1;
    assert!(body.starts_with("# Checkout"));
    body.to_owned()
}

const PM001_MISSING_FRONT_MATTER: &[Case] = &[
    Case {
        name: "pm001_a_file_without_front_matter_is_reported",
        doc: clean_body,
        args: &[],
        findings: &[
            "a.md:1:1: PM001 [error] no front matter: the file does not start with a `---` block",
        ],
    },
    Case {
        name: "pm001_a_file_with_front_matter_is_not_reported",
        doc: || CLEAN.to_owned(),
        args: &[],
        findings: &[],
    },
];

#[test]
fn pm001_missing_front_matter() {
    check(PM001_MISSING_FRONT_MATTER);
}

// PM002 invalid-front-matter

/// CLEAN with its front matter written as TOML between `+++` lines, as
/// Hugo and Zola sites keep it.
fn clean_as_toml() -> String {
    edit(
        CLEAN,
        "---\ntitle: Checkout API returned 503s\nincident_id: INC-2026-0042\ndate: 2026-11-22\nseverity: SEV-2\nstatus: final\nstarted_at: 2026-11-22T14:02:00Z\ndetected_at: 2026-11-22T14:06:00Z\nresolved_at: 2026-11-22T15:21:00Z\n---\n",
        "+++\ntitle = \"Checkout API returned 503s\"\nincident_id = \"INC-2026-0042\"\ndate = 2026-11-22\nseverity = \"SEV-2\"\nstatus = \"final\"\nstarted_at = 2026-11-22T14:02:00Z\ndetected_at = 2026-11-22T14:06:00Z\nresolved_at = 2026-11-22T15:21:00Z\n\n[params]\ntags = [\"db\", \"pool\"]\n+++\n",
    )
}

const PM002_INVALID_FRONT_MATTER: &[Case] = &[
    Case {
        name: "pm002_front_matter_that_is_never_closed_is_reported",
        doc: || {
            edit(
                CLEAN,
                "resolved_at: 2026-11-22T15:21:00Z\n---\n",
                "resolved_at: 2026-11-22T15:21:00Z\n",
            )
        },
        args: &[],
        findings: &["a.md:1:1: PM002 [error] front matter is opened here but never closed"],
    },
    Case {
        name: "pm002_quoted_yaml_is_valid",
        doc: || {
            edit(
                CLEAN,
                "title: Checkout API returned 503s",
                "title: \"Outage: db down\"",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "toml_front_matter_is_front_matter",
        doc: clean_as_toml,
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "toml_front_matter_keys_are_checked_where_they_are",
        doc: || {
            let doc = edit(
                &clean_as_toml(),
                "severity = \"SEV-2\"\n",
                "severity = \"sev2\"\n",
            );
            edit(&doc, "status = \"final\"\n", "")
        },
        args: &["--strict"],
        findings: &[
            "a.md:1:1: PM003 [error] front matter has no `status`",
            "a.md:5:12: PM004 [error] severity `sev2` is not in the scale",
        ],
    },
    // Hugo and Jekyll write `date` with a time; its day is the date.
    Case {
        name: "a_date_written_as_a_timestamp_is_a_date[2026-11-22T14:02:00Z]",
        doc: || edit(CLEAN, "date: 2026-11-22", "date: 2026-11-22T14:02:00Z"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "a_date_written_as_a_timestamp_is_a_date[2026-11-22 14:02:00 -0700]",
        doc: || edit(CLEAN, "date: 2026-11-22", "date: 2026-11-22 14:02:00 -0700"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "a_date_written_as_a_timestamp_is_a_date[2026-11-22T23:30:00-07:00]",
        doc: || edit(CLEAN, "date: 2026-11-22", "date: 2026-11-22T23:30:00-07:00"),
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm002_invalid_front_matter() {
    check(PM002_INVALID_FRONT_MATTER);
}

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

// PM003 missing-key

/// [`CLEAN`] without its `started_at`.
fn without_started_at() -> String {
    edit(CLEAN, "started_at: 2026-11-22T14:02:00Z\n", "")
}

const PM003_MISSING_KEY: &[Case] = &[
    Case {
        name: "pm003_a_missing_key_is_reported_on_the_opening_fence",
        doc: || edit(CLEAN, "incident_id: INC-2026-0042\n", ""),
        args: &[],
        findings: &["a.md:1:1: PM003 [error] front matter has no `incident_id`"],
    },
    Case {
        name: "pm003_an_empty_key_is_reported_on_the_key",
        doc: || edit(CLEAN, "incident_id: INC-2026-0042\n", "incident_id:\n"),
        args: &[],
        findings: &["a.md:3:1: PM003 [error] `incident_id` is empty"],
    },
    Case {
        name: "pm003_a_final_document_needs_started_at[final]",
        doc: without_started_at,
        args: &[],
        findings: &["a.md:1:1: PM003 [error] front matter has no `started_at`"],
    },
    Case {
        name: "pm003_a_final_document_needs_started_at[in-review]",
        doc: || with_status(&without_started_at(), "in-review"),
        args: &[],
        findings: &["a.md:1:1: PM003 [error] front matter has no `started_at`"],
    },
    Case {
        name: "pm003_a_draft_may_leave_out_started_at",
        doc: || with_status(&without_started_at(), "draft"),
        args: &[],
        findings: &[],
    },
    Case {
        name: "pm003_a_key_missing_from_a_draft_is_a_warning",
        doc: || with_status(&edit(CLEAN, "incident_id: INC-2026-0042\n", ""), "draft"),
        args: &[],
        findings: &["a.md:1:1: PM003 [warning] front matter has no `incident_id`"],
    },
    Case {
        name: "pm003_every_key_present_is_not_reported",
        doc: || CLEAN.to_owned(),
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm003_missing_key() {
    check(PM003_MISSING_KEY);
}

// PM004 unknown-severity

const PM004_UNKNOWN_SEVERITY: &[Case] = &[
    Case {
        name: "pm004_a_severity_on_the_scale_is_not_reported[SEV-1]",
        doc: || edit(CLEAN, "severity: SEV-2\n", "severity: SEV-1\n"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm004_a_severity_on_the_scale_is_not_reported[SEV-2]",
        doc: || edit(CLEAN, "severity: SEV-2\n", "severity: SEV-2\n"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm004_a_severity_on_the_scale_is_not_reported[SEV-3]",
        doc: || edit(CLEAN, "severity: SEV-2\n", "severity: SEV-3\n"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm004_a_severity_on_the_scale_is_not_reported[SEV-4]",
        doc: || edit(CLEAN, "severity: SEV-2\n", "severity: SEV-4\n"),
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm004_unknown_severity() {
    check(PM004_UNKNOWN_SEVERITY);
}

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
            .contains("error[PM004]: [*] severity `sev2` is not in the scale\n --> a.md:5:11\n"),
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

// PM005 invalid-date

const PM005_INVALID_DATE: &[Case] = &[
    Case {
        name: "pm005_a_date_that_is_not_iso_is_reported",
        doc: || edit(CLEAN, "date: 2026-11-22\n", "date: 22/11/2026\n"),
        args: &[],
        findings: &["a.md:4:7: PM005 [error] `date` is `22/11/2026`, not a YYYY-MM-DD date"],
    },
    Case {
        name: "pm005_a_timestamp_that_is_not_iso_is_reported",
        doc: || {
            edit(
                CLEAN,
                "started_at: 2026-11-22T14:02:00Z\n",
                "started_at: 10am\n",
            )
        },
        args: &[],
        findings: &[
            "a.md:7:13: PM005 [error] `started_at` is `10am`, not an ISO 8601 timestamp like 2026-11-22T10:00:00Z",
        ],
    },
    Case {
        name: "pm005_iso_dates_and_timestamps_are_not_reported",
        doc: || {
            let doc = edit(CLEAN, "date: 2026-11-22\n", "date: \"2026-11-22\"\n");
            edit(
                &doc,
                "started_at: 2026-11-22T14:02:00Z\n",
                "started_at: 2026-11-22T15:02+01:00\n",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm005_a_review_day_that_is_not_a_day_is_reported",
        doc: || {
            edit(
                CLEAN,
                "resolved_at: 2026-11-22T15:21:00Z\n",
                "resolved_at: 2026-11-22T15:21:00Z\nreviewed_at: next week\npublished_at: 25.11.2026\n",
            )
        },
        args: &[],
        findings: &[
            "a.md:10:14: PM005 [error] `reviewed_at` is `next week`, not a YYYY-MM-DD date or an ISO 8601 timestamp",
            "a.md:11:15: PM005 [error] `published_at` is `25.11.2026`, not a YYYY-MM-DD date or an ISO 8601 timestamp",
        ],
    },
    Case {
        name: "pm005_a_review_day_or_timestamp_is_not_reported",
        doc: || {
            edit(
                CLEAN,
                "resolved_at: 2026-11-22T15:21:00Z\n",
                "resolved_at: 2026-11-22T15:21:00Z\nreviewed_at: 2026-11-25\npublished_at: 2026-11-26T09:00:00Z\n",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm005_invalid_date() {
    check(PM005_INVALID_DATE);
}

// PM006 unknown-status

const PM006_UNKNOWN_STATUS: &[Case] = &[
    Case {
        name: "pm006_an_unknown_status_is_reported",
        doc: || with_status(CLEAN, "done"),
        args: &[],
        findings: &["a.md:6:9: PM006 [error] status `done` is not one of draft, in-review, final"],
    },
    Case {
        name: "pm006_a_status_that_is_not_a_word_is_reported",
        doc: || with_status(CLEAN, "[final]"),
        args: &[],
        findings: &[
            "a.md:6:9: PM006 [error] `status` is a list, not one of draft, in-review, final",
        ],
    },
    Case {
        name: "pm006_the_configured_statuses_are_not_reported[draft]",
        doc: || with_status(CLEAN, "draft"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm006_the_configured_statuses_are_not_reported[in-review]",
        doc: || with_status(CLEAN, "in-review"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm006_the_configured_statuses_are_not_reported[final]",
        doc: || with_status(CLEAN, "final"),
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm006_unknown_status() {
    check(PM006_UNKNOWN_STATUS);
}

// PM101 missing-section

const PM101_MISSING_SECTION: &[Case] = &[
    Case {
        name: "pm101_a_standard_document_with_all_its_sections_is_not_reported",
        doc: standard_doc,
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm101_a_standard_document_needs_impact_which_a_document_without_template_does_not[standard]",
        doc: || {
            edit(
                &standard_doc(),
                "## Impact\n\nAbout 4,100 checkouts failed.\n\n",
                "",
            )
        },
        args: &[],
        findings: &["a.md:13:1: PM101 [error] missing section `Impact`"],
    },
    // CLEAN has no template and no Impact section.
    Case {
        name: "pm101_a_standard_document_needs_impact_which_a_document_without_template_does_not[no template]",
        doc: || CLEAN.to_owned(),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm101_a_document_without_template_missing_its_timeline_is_reported",
        doc: || {
            edit(
                CLEAN,
                "## Timeline\n\nAt 14:02 UTC the error rate rose above 5%.\n\n",
                "",
            )
        },
        args: &[],
        findings: &["a.md:12:1: PM101 [error] missing section `Timeline`"],
    },
    Case {
        name: "pm101_numbered_titles_and_aliases_satisfy_the_sections",
        doc: || {
            let doc = edit(CLEAN, "## Timeline\n", "## Timeline of Events\n");
            let doc = edit(&doc, "## Root Cause\n", "## 3. Root Cause Analysis\n");
            let doc = edit(&doc, "## Resolution\n", "## Mitigation and Recovery\n");
            edit(&doc, "## Action Items\n", "## Follow-up Actions\n")
        },
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm101_why_it_happened_is_a_root_cause",
        doc: || edit(CLEAN, "## Root Cause\n", "## Why It Happened\n"),
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm101_missing_section() {
    check(PM101_MISSING_SECTION);
}

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

// PM102 empty-section

const PM102_EMPTY_SECTION: &[Case] = &[
    Case {
        name: "pm102_an_empty_last_section_is_reported",
        doc: || edit(CLEAN, "- Add a pool-saturation alert (OPS-1423).\n", ""),
        args: &[],
        findings: &["a.md:31:1: PM102 [error] section `Action Items` is empty"],
    },
    Case {
        name: "pm102_a_last_section_holding_only_a_comment_is_reported_as_empty",
        doc: || format!("{CLEAN}\n## Lessons Learned\n\n<!-- Key takeaways for the team -->\n"),
        args: &[],
        findings: &["a.md:35:1: PM102 [error] section `Lessons Learned` is empty"],
    },
    Case {
        name: "pm102_an_empty_section_followed_by_another_section_is_reported",
        doc: || {
            edit(
                CLEAN,
                "## Timeline\n\nAt 14:02 UTC the error rate rose above 5%.\n",
                "## Timeline\n",
            )
        },
        args: &[],
        findings: &["a.md:19:1: PM102 [error] section `Timeline` is empty"],
    },
    Case {
        name: "pm102_a_section_holding_only_a_comment_before_another_section_is_reported",
        doc: || {
            format!(
                "{CLEAN}\n## Lessons Learned\n\n<!-- Key takeaways for the team -->\n\n## References\n\n- https://wiki.example.com/inc-42\n"
            )
        },
        args: &[],
        findings: &["a.md:35:1: PM102 [error] section `Lessons Learned` is empty"],
    },
    Case {
        name: "pm102_a_section_with_text_or_only_subsections_is_not_reported",
        doc: || {
            edit(
                CLEAN,
                "## Root Cause\n\nThe pool",
                "## Root Cause\n\n### Trigger\n\nThe pool",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
    // As many archives write their facts: the heading is the field.
    Case {
        name: "pm102_a_heading_that_holds_its_value_is_not_an_empty_section",
        doc: || {
            edit(
                CLEAN,
                "# Checkout API returned 503s\n",
                "# Checkout API returned 503s\n\n## Date: November 22, 2026\n\n## Owner: Dana Kim\n",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
    // `# Title` then `# Summary`: sections at the title's level.
    Case {
        name: "pm102_the_document_title_is_not_an_empty_section[# Summary]",
        doc: || edit(CLEAN, "## Summary\n", "# Summary\n"),
        args: &["--strict"],
        findings: &[],
    },
    // A later empty `#` section still is one.
    Case {
        name: "pm102_the_document_title_is_not_an_empty_section[# Appendix]",
        doc: || edit(CLEAN, "## Summary\n", "# Appendix\n\n# Summary\n"),
        args: &["--strict"],
        findings: &["a.md:14:1: PM102 [error] section `Appendix` is empty"],
    },
];

#[test]
fn pm102_empty_section() {
    check(PM102_EMPTY_SECTION);
}

// PM103 duplicate-section

const PM103_DUPLICATE_SECTION: &[Case] = &[
    Case {
        name: "pm103_a_repeated_section_is_reported",
        doc: || format!("{CLEAN}\n## Timeline\n\nMore events.\n"),
        args: &[],
        findings: &["a.md:35:1: PM103 [error] section `Timeline` repeats `Timeline` (line 19)"],
    },
    Case {
        name: "pm103_two_titles_for_the_same_section_are_reported",
        doc: || format!("{CLEAN}\n## Root Cause Analysis\n\nMore analysis.\n"),
        args: &[],
        findings: &[
            "a.md:35:1: PM103 [error] section `Root Cause Analysis` repeats `Root Cause` (line 23)",
        ],
    },
    Case {
        name: "pm103_the_same_subsection_under_different_sections_is_not_reported",
        doc: || {
            let doc = edit(
                CLEAN,
                "## Summary\n",
                "## Summary\n\n### Details\n\nFirst.\n",
            );
            edit(
                &doc,
                "## Root Cause\n",
                "## Root Cause\n\n### Details\n\nSecond.\n",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm103_duplicate_section() {
    check(PM103_DUPLICATE_SECTION);
}

// PM201 bracket-placeholder

const PM201_BRACKET_PLACEHOLDER: &[Case] = &[
    Case {
        name: "pm201_a_bracket_placeholder_is_reported",
        doc: || clean_with("**Incident Lead:** [Your Name]"),
        args: &[],
        findings: &["a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`"],
    },
    Case {
        name: "pm201_the_filled_in_value_is_not_reported",
        doc: || clean_with("**Incident Lead:** Dana Kim"),
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm201_the_column_is_right_after_an_html_entity",
        doc: || clean_with("Lead &amp; owner: [Your Name]"),
        args: &[],
        findings: &["a.md:31:19: PM201 [error] unfilled placeholder `[Your Name]`"],
    },
];

#[test]
fn pm201_bracket_placeholder() {
    check(PM201_BRACKET_PLACEHOLDER);
}

// PM202 brace-placeholder

const PM202_BRACE_PLACEHOLDER: &[Case] = &[
    Case {
        name: "pm202_a_brace_placeholder_is_reported",
        doc: || clean_with("- **incident.io:** {INCIDENT_URL}"),
        args: &[],
        findings: &["a.md:31:20: PM202 [error] unfilled placeholder `{INCIDENT_URL}`"],
    },
    Case {
        name: "pm202_a_brace_placeholder_in_the_front_matter_is_reported_where_it_is",
        doc: || {
            edit(
                CLEAN,
                "title: Checkout API returned 503s\n",
                "title: \"{TITLE}\"\n",
            )
        },
        args: &[],
        findings: &["a.md:2:9: PM202 [error] unfilled placeholder `{TITLE}`"],
    },
    Case {
        name: "pm202_a_brace_placeholder_in_a_front_matter_list_is_reported_where_it_is",
        doc: || {
            edit(
                CLEAN,
                "status: final\n",
                "status: final\nservices: [checkout, \"{SERVICE}\"]\n",
            )
        },
        args: &[],
        findings: &["a.md:7:23: PM202 [error] unfilled placeholder `{SERVICE}`"],
    },
    Case {
        name: "pm202_the_filled_in_value_is_not_reported",
        doc: || clean_with("- **incident.io:** https://app.incident.io/incidents/2041"),
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm202_brace_placeholder() {
    check(PM202_BRACE_PLACEHOLDER);
}

// PM203 format-placeholder

const PM203_FORMAT_PLACEHOLDER: &[Case] = &[
    Case {
        name: "pm203_a_time_format_is_reported",
        doc: || clean_with("| Time | Event |\n|------|-------|\n| HH:MM | Alert fired |"),
        args: &[],
        findings: &["a.md:33:3: PM203 [error] `HH:MM` is a format, not a value"],
    },
    Case {
        name: "pm203_a_date_format_and_an_amount_format_are_reported",
        doc: || clean_with("Due YYYY-MM-DD, revenue $X."),
        args: &[],
        findings: &[
            "a.md:31:5: PM203 [error] `YYYY-MM-DD` is a format, not a value",
            "a.md:31:25: PM203 [error] `$X` is a format, not a value",
        ],
    },
    Case {
        name: "pm203_real_times_dates_and_amounts_are_not_reported",
        doc: || {
            clean_with(
                "| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |\n\nDue 2026-12-01, revenue $12,400.",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm203_format_placeholder() {
    check(PM203_FORMAT_PLACEHOLDER);
}

// PM204 numbered-stand-in

const PM204_NUMBERED_STAND_IN: &[Case] = &[
    Case {
        name: "pm204_numbered_stand_ins_are_reported",
        doc: || clean_with("- Factor 1: [Description]\n- Learning 2"),
        args: &[],
        findings: &[
            "a.md:31:3: PM204 [error] numbered stand-in `Factor 1`",
            "a.md:31:13: PM201 [error] unfilled placeholder `[Description]`",
            "a.md:32:3: PM204 [error] numbered stand-in `Learning 2`",
        ],
    },
    Case {
        name: "pm204_a_numbered_label_followed_by_real_text_is_not_reported",
        doc: || {
            clean_with(
                "- Factor 1: the pool was too small\n- Learning 2: load tests must include the pooler",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm204_numbered_stand_in() {
    check(PM204_NUMBERED_STAND_IN);
}

// PM205 todo-marker

const PM205_TODO_MARKER: &[Case] = &[
    Case {
        name: "pm205_todo_markers_are_reported",
        doc: || clean_with("Root cause: TBD. TODO: confirm. FIXME and TBA too."),
        args: &[],
        findings: &[
            "a.md:31:13: PM205 [error] `TBD` left in the document",
            "a.md:31:18: PM205 [error] `TODO` left in the document",
            "a.md:31:33: PM205 [error] `FIXME` left in the document",
            "a.md:31:43: PM205 [error] `TBA` left in the document",
        ],
    },
    Case {
        name: "pm205_the_resolved_text_is_not_reported",
        doc: || {
            clean_with(
                "Root cause: the connection pool was capped at 20. TODOS and todo lists are words.",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm205_todo_marker() {
    check(PM205_TODO_MARKER);
}

// PM206 empty-table-row

const PM206_EMPTY_TABLE_ROW: &[Case] = &[
    Case {
        name: "pm206_an_empty_table_row_is_reported",
        doc: || clean_with("| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |\n| | |"),
        args: &[],
        findings: &["a.md:34:1: PM206 [error] table row has no content"],
    },
    Case {
        name: "pm206_a_filled_row_is_not_reported",
        doc: || {
            clean_with(
                "| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |\n| 14:10 | Rolled back |",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm206_empty_table_row() {
    check(PM206_EMPTY_TABLE_ROW);
}

// PM207 empty-list-item

const PM207_EMPTY_LIST_ITEM: &[Case] = &[
    Case {
        name: "pm207_empty_items_and_labels_without_value_are_reported",
        doc: || clean_with("- Users affected:\n- [ ]\n\n1.\n\n-"),
        args: &[],
        findings: &[
            "a.md:31:1: PM207 [error] `Users affected:` has no value",
            "a.md:32:1: PM207 [error] empty task item",
            "a.md:34:1: PM207 [error] empty list item",
            "a.md:36:1: PM207 [error] empty list item",
        ],
    },
    Case {
        name: "pm207_written_items_and_labels_with_nested_lists_are_not_reported",
        doc: || {
            clean_with(
                "- Users affected: about 4,100\n- Follow-up tickets:\n  - OPS-1423\n- [ ] Add a pool-saturation alert (OPS-1424)",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm207_empty_list_item() {
    check(PM207_EMPTY_LIST_ITEM);
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

const PM208_TEMPLATE_TEXT: &[Case] = &[
    Case {
        name: "pm208_a_line_left_as_the_template_wrote_it_is_reported",
        doc: || DETAILED.to_owned(),
        args: &[],
        findings: &["a.md:54:1: PM208 [error] line left as the `detailed` template wrote it"],
    },
    Case {
        name: "pm208_the_line_rewritten_is_not_reported",
        doc: || {
            edit(
                DETAILED,
                "- Additional alerts needed\n",
                "- Alert on pool wait time\n",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
    Case {
        name: "pm208_a_document_without_template_is_not_compared_with_one",
        doc: || edit(DETAILED, "template: detailed\n", ""),
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm208_template_text() {
    check(PM208_TEMPLATE_TEXT);
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

// PM209 guidance-comment

/// [`CLEAN`] as a draft with a template's guidance comment left in it.
fn draft_with_guidance() -> String {
    with_status(
        &clean_with("<!-- Steps taken to restore service -->"),
        "draft",
    )
}

const PM209_GUIDANCE_COMMENT: &[Case] = &[
    Case {
        name: "pm209_a_guidance_comment_in_a_final_document_is_reported",
        doc: || clean_with("<!-- Steps taken to restore service -->"),
        args: &[],
        findings: &[
            "a.md:31:1: PM209 [error] template guidance comment left in a finished document",
        ],
    },
    Case {
        name: "pm209_a_guidance_comment_in_a_draft_is_fine_unless_strict[draft]",
        doc: draft_with_guidance,
        args: &[],
        findings: &[],
    },
    Case {
        name: "pm209_a_guidance_comment_in_a_draft_is_fine_unless_strict[draft --strict]",
        doc: draft_with_guidance,
        args: &["--strict"],
        findings: &[
            "a.md:31:1: PM209 [error] template guidance comment left in a finished document",
        ],
    },
    Case {
        name: "pm209_pm_directives_are_not_guidance",
        doc: || {
            clean_with(
                "<!-- pm-lint-disable-next-line PM201 -->\nOur lead was Dana.\n\n<!-- pm-index: skip -->",
            )
        },
        args: &["--strict"],
        findings: &[],
    },
];

#[test]
fn pm209_guidance_comment() {
    check(PM209_GUIDANCE_COMMENT);
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

const SUPPRESSION_COMMENTS: &[Case] = &[
    Case {
        name: "disable_and_enable_suppress_the_rule_between_them",
        doc: || {
            clean_with(
                "Lead: [Your Name].\n\n<!-- pm-lint-disable PM201 -->\n\nLead: [Your Name] and {INSIDE}.\n\n<!-- pm-lint-enable PM201 -->\n\nLead: [Your Name].",
            )
        },
        args: &[],
        findings: &[
            "a.md:31:7: PM201 [error] unfilled placeholder `[Your Name]`",
            "a.md:35:23: PM202 [error] unfilled placeholder `{INSIDE}`",
            "a.md:39:7: PM201 [error] unfilled placeholder `[Your Name]`",
        ],
    },
    Case {
        name: "disable_next_line_suppresses_only_the_next_line",
        doc: || {
            clean_with(
                "<!-- pm-lint-disable-next-line PM201 -->\nLead: [Your Name] and {KEPT}.\nLead: [Your Name].",
            )
        },
        args: &[],
        findings: &[
            "a.md:32:23: PM202 [error] unfilled placeholder `{KEPT}`",
            "a.md:33:7: PM201 [error] unfilled placeholder `[Your Name]`",
        ],
    },
    Case {
        name: "disable_file_takes_a_rule_name_and_covers_the_whole_file",
        doc: || {
            clean_with(
                "Lead: [Name].\n\n<!-- pm-lint-disable-file bracket-placeholder -->\n\nLead: [Name] and {THREE}.",
            )
        },
        args: &[],
        findings: &["a.md:35:18: PM202 [error] unfilled placeholder `{THREE}`"],
    },
    Case {
        name: "disable_without_rules_suppresses_every_rule",
        doc: || {
            clean_with(
                "Lead: [Name].\n\n<!-- pm-lint-disable -->\n\nLead: [Name] and {THREE} TODO.\n\n- Factor 1\n\n<!-- pm-lint-enable -->\n\nLead: [Your Name].",
            )
        },
        args: &[],
        findings: &[
            "a.md:31:7: PM201 [error] unfilled placeholder `[Name]`",
            "a.md:41:7: PM201 [error] unfilled placeholder `[Your Name]`",
        ],
    },
    Case {
        name: "disable_file_without_rules_suppresses_every_finding_of_the_file",
        doc: || {
            let doc = clean_with("<!-- pm-lint-disable-file -->\n\nLead: [Name] {NAME} TODO.");
            edit(&doc, "severity: SEV-2\n", "severity: sev2\n")
        },
        args: &[],
        findings: &[],
    },
];

#[test]
fn suppression_comments() {
    check(SUPPRESSION_COMMENTS);
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
