//! `pm new`, run as a user would: the real binary in a temporary folder,
//! always with `--no-input` and `--date`.

mod common;

use common::{
    DATE, FrontMatter, SEVERITIES, body, front_matter, paths, pm, pm_new, pm_new_on, read,
    snapshot, split_front_matter, stdout_of, tmp,
};
use predicates::prelude::*;

/// What each template prints for the title and severity, so the tests can
/// check the body as well as the front matter.
struct Shape {
    template: &'static str,
    /// The heading, up to the title.
    heading: &'static str,
    /// The heading's placeholder when no title is given.
    title_placeholder: &'static str,
    /// The severity line, up to the severity; `None` if the body has none.
    severity_line: Option<&'static str>,
}

const SHAPES: [Shape; 5] = [
    Shape {
        template: "standard",
        heading: "# Postmortem: ",
        title_placeholder: "[Incident Title]",
        severity_line: Some("- **Severity:** "),
    },
    Shape {
        template: "detailed",
        heading: "# Incident Postmortem: ",
        title_placeholder: "[Brief Description]",
        severity_line: Some("**Severity:** "),
    },
    Shape {
        template: "lifecycle",
        heading: "# ",
        title_placeholder: "{TITLE}",
        severity_line: None,
    },
    Shape {
        template: "sre",
        heading: "# Post-Mortem Report: ",
        title_placeholder: "[Incident Title]",
        severity_line: Some("*   **Severity:** "),
    },
    Shape {
        template: "report",
        heading: "# Incident Report: ",
        title_placeholder: "[Incident Title]",
        severity_line: Some("**Severity**: "),
    },
];

fn assert_no_template_syntax(doc: &str, context: &str) {
    for syntax in ["{{", "{%", "{#", "%}", "#}"] {
        assert!(
            !doc.contains(syntax),
            "{context}: the output still holds Tera syntax `{syntax}`:\n{doc}"
        );
    }
}

// ---------------------------------------------------------------------------
// Every template, every severity
// ---------------------------------------------------------------------------

#[test]
fn every_template_renders_every_severity_with_the_given_front_matter() {
    let templates = common::templates();
    assert!(
        SHAPES
            .iter()
            .all(|s| templates.iter().any(|t| t == s.template))
    );
    for template in &templates {
        // How the seeds' bodies open is known; any other template gets the
        // checks that hold for every template.
        let shape = SHAPES.iter().find(|s| s.template == template);
        let template = template.as_str();
        for severity in SEVERITIES {
            let context = format!("--template {} --severity {severity}", template);
            let tmp = tmp();
            pm_new(&tmp)
                .args(["--template", template, "--severity", severity])
                .args(["--title", "Checkout API returned 500s"])
                .args(["--id", "INC-2026-0042", "--status", "in-review"])
                .args(["--lead", "Dana Kim"])
                .args(["--service", "checkout", "--service", "payments"])
                .args(["--dir", "postmortems"])
                .assert()
                .success()
                .stdout("postmortems/2026-11-22-checkout-api-returned-500s.md\n")
                .stderr("");

            assert_eq!(
                paths(tmp.path()),
                [
                    "postmortems",
                    "postmortems/2026-11-22-checkout-api-returned-500s.md"
                ],
                "{context}"
            );
            let doc = read(
                tmp.path()
                    .join("postmortems/2026-11-22-checkout-api-returned-500s.md"),
            );
            assert_eq!(
                front_matter(&doc),
                FrontMatter {
                    title: Some("Checkout API returned 500s".into()),
                    incident_id: "INC-2026-0042".into(),
                    date: DATE.into(),
                    severity: Some(severity.into()),
                    status: "in-review".into(),
                    lead: Some("Dana Kim".into()),
                    services: vec!["checkout".into(), "payments".into()],
                    template: template.into(),
                },
                "{context}"
            );
            let body = body(&doc);
            if let Some(shape) = shape {
                assert!(
                    body.starts_with(&format!("\n{}Checkout API returned 500s\n", shape.heading)),
                    "{context}: body does not open with the heading:\n{body}"
                );
            }
            if let Some(line) = shape.and_then(|shape| shape.severity_line) {
                assert!(
                    body.contains(&format!("\n{line}{severity}\n")),
                    "{context}: no `{line}{severity}` line in:\n{body}"
                );
            }
            assert_no_template_syntax(&doc, &context);
        }
    }
}

#[test]
fn severity_spellings_are_normalized() {
    for spelling in ["sev2", "SEV2", "sev-2", "Sev 2", "SEV-2", "sev_2"] {
        let tmp = tmp();
        pm_new(&tmp)
            .args(["--severity", spelling, "--title", "Spelling", "--dir", "pm"])
            .assert()
            .success()
            .stdout("pm/2026-11-22-spelling.md\n")
            .stderr("");
        let doc = read(tmp.path().join("pm/2026-11-22-spelling.md"));
        assert_eq!(
            front_matter(&doc).severity.as_deref(),
            Some("SEV-2"),
            "--severity {spelling:?}"
        );
        let (yaml, _) = split_front_matter(&doc);
        assert!(
            yaml.lines().any(|l| l == "severity: SEV-2"),
            "--severity {spelling:?}: no `severity: SEV-2` line in:\n{yaml}"
        );
    }
}

#[test]
fn the_default_template_is_standard_and_the_default_status_draft() {
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "Defaults", "--dir", "pm"])
        .assert()
        .success()
        .stdout("pm/2026-11-22-defaults.md\n");
    let fm = front_matter(&read(tmp.path().join("pm/2026-11-22-defaults.md")));
    assert_eq!(fm.template, "standard");
    assert_eq!(fm.status, "draft");
}

#[test]
fn the_default_dir_is_docs_postmortems() {
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "Default folder"])
        .assert()
        .success()
        .stdout("docs/postmortems/2026-11-22-default-folder.md\n")
        .stderr("");
    assert_eq!(
        paths(tmp.path()),
        [
            "docs",
            "docs/postmortems",
            "docs/postmortems/2026-11-22-default-folder.md"
        ]
    );
}

#[test]
fn every_status_is_accepted_and_written_as_spelled_in_the_list() {
    for (input, written) in [
        ("draft", "draft"),
        ("in-review", "in-review"),
        ("final", "final"),
        ("Final", "final"),
    ] {
        let tmp = tmp();
        let doc = stdout_of(pm_new(&tmp).args(["--status", input, "--stdout"]));
        assert_eq!(front_matter(&doc).status, written, "--status {input}");
    }
}

#[test]
fn missing_title_severity_and_lead_leave_placeholders() {
    for shape in &SHAPES {
        let tmp = tmp();
        let doc = stdout_of(pm_new(&tmp).args(["--template", shape.template, "--stdout"]));
        let fm = front_matter(&doc);
        assert_eq!(fm.title, None, "{}", shape.template);
        assert_eq!(fm.severity, None, "{}", shape.template);
        assert_eq!(fm.lead, None, "{}", shape.template);
        assert_eq!(fm.services, Vec::<String>::new(), "{}", shape.template);
        assert_eq!(fm.incident_id, "INC-2026-0001", "{}", shape.template);
        let body = body(&doc);
        assert!(
            body.starts_with(&format!("\n{}{}\n", shape.heading, shape.title_placeholder)),
            "{}: body does not open with the placeholder heading:\n{body}",
            shape.template
        );
        assert_no_template_syntax(&doc, shape.template);
    }
}

#[test]
fn a_missing_severity_shows_the_scale_in_the_body() {
    let tmp = tmp();
    let doc = stdout_of(pm_new(&tmp).args(["--template", "standard", "--stdout"]));
    assert!(
        body(&doc).contains("\n- **Severity:** [SEV-1 | SEV-2 | SEV-3 | SEV-4]\n"),
        "{doc}"
    );
}

// ---------------------------------------------------------------------------
// Hostile input
// ---------------------------------------------------------------------------

const HOSTILE_TITLE: &str = r#"Outage: "db" #1 {{ x }} ../../etc"#;

#[test]
fn a_hostile_title_round_trips_is_printed_literally_and_stays_inside_dir() {
    for shape in &SHAPES {
        let tmp = tmp();
        pm_new(&tmp)
            .args(["--template", shape.template, "--title", HOSTILE_TITLE])
            .args(["--severity", "sev1", "--lead", "{{ lead }}"])
            .args(["--service", "{{ 7 * 7 }}", "--service", "{% raw %}"])
            .args(["--dir", "pm"])
            .assert()
            .success()
            .stdout("pm/2026-11-22-outage-db-1-x-etc.md\n")
            .stderr("");

        assert_eq!(
            paths(tmp.path()),
            ["pm", "pm/2026-11-22-outage-db-1-x-etc.md"],
            "{}",
            shape.template
        );
        let doc = read(tmp.path().join("pm/2026-11-22-outage-db-1-x-etc.md"));
        let fm = front_matter(&doc);
        assert_eq!(
            fm.title.as_deref(),
            Some(HOSTILE_TITLE),
            "{}",
            shape.template
        );
        assert_eq!(fm.lead.as_deref(), Some("{{ lead }}"), "{}", shape.template);
        assert_eq!(
            fm.services,
            ["{{ 7 * 7 }}", "{% raw %}"],
            "{}",
            shape.template
        );
        let body = body(&doc);
        assert!(
            body.starts_with(&format!("\n{}{HOSTILE_TITLE}\n", shape.heading)),
            "{}: the heading does not hold the title verbatim:\n{body}",
            shape.template
        );
        assert!(body.contains("{{ x }}"), "{}", shape.template);
        assert!(
            body.contains("{{ 7 * 7 }}, {% raw %}"),
            "{}: the services are not printed verbatim:\n{body}",
            shape.template
        );
        assert!(
            !body.contains("49"),
            "{}: Tera evaluated a value",
            shape.template
        );
    }
}

#[test]
fn the_file_name_of_a_path_like_title_has_no_dots_or_separators() {
    let tmp = tmp();
    let stdout = stdout_of(pm_new(&tmp).args(["--title", HOSTILE_TITLE, "--dir", "pm"]));
    let name = stdout
        .strip_prefix("pm/")
        .and_then(|s| s.strip_suffix('\n'))
        .unwrap_or_else(|| panic!("unexpected stdout {stdout:?}"));
    assert_eq!(name, "2026-11-22-outage-db-1-x-etc.md");
    assert!(!name.contains(".."), "{name}");
    assert!(!name.contains('/') && !name.contains('\\'), "{name}");
}

#[test]
fn a_title_without_letters_or_digits_names_the_file_postmortem() {
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "../..", "--dir", "pm"])
        .assert()
        .success()
        .stdout("pm/2026-11-22-postmortem.md\n");
    assert_eq!(paths(tmp.path()), ["pm", "pm/2026-11-22-postmortem.md"]);
    let fm = front_matter(&read(tmp.path().join("pm/2026-11-22-postmortem.md")));
    assert_eq!(fm.title.as_deref(), Some("../.."));
}

#[test]
fn a_title_with_a_newline_round_trips_and_makes_a_one_line_heading() {
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "Line one\nline two", "--dir", "pm"])
        .assert()
        .success()
        .stdout("pm/2026-11-22-line-one-line-two.md\n")
        .stderr("");
    let doc = read(tmp.path().join("pm/2026-11-22-line-one-line-two.md"));
    assert_eq!(
        front_matter(&doc).title.as_deref(),
        Some("Line one\nline two")
    );
    assert!(
        body(&doc).starts_with("\n# Postmortem: Line one line two\n"),
        "{doc}"
    );
}

#[test]
fn yaml_special_values_round_trip_through_the_front_matter() {
    let values = [
        "null",
        "~",
        "true",
        "yes",
        "no",
        "1e3",
        "0x10",
        "0o17",
        "+1",
        ".inf",
        "2026-11-22",
        "it's",
        " padded ",
        "a: b",
        ": x",
        "a #b",
        "#x",
        "- item",
        "-",
        "?",
        "? x",
        "@x",
        "`x",
        "%x",
        "!x",
        "&x",
        "*x",
        "|",
        ">",
        "[a]",
        "{a}",
        "\"",
        "'",
        "---",
        "...",
        "a\tb",
        "\ta",
        "a\r\nb",
        "a\n---\nb",
        "...\nx",
        " a\nb",
        "a\n",
        "\na",
        "a\n\n",
        "a\u{1}b",
        "\u{a0}x",
        "x\u{2028}y",
        "Café — déjà vu 🔥",
        "A & B <c>",
    ];
    for value in values {
        let tmp = tmp();
        let doc = stdout_of(
            pm_new(&tmp)
                .arg(format!("--title={value}"))
                .arg(format!("--lead={value}"))
                .arg(format!("--service={value}"))
                .arg(format!("--id={value}"))
                .arg("--stdout"),
        );
        let fm = front_matter(&doc);
        assert_eq!(fm.title.as_deref(), Some(value), "title {value:?}:\n{doc}");
        assert_eq!(fm.lead.as_deref(), Some(value), "lead {value:?}:\n{doc}");
        assert_eq!(fm.services, [value], "service {value:?}:\n{doc}");
        assert_eq!(fm.incident_id, value, "id {value:?}:\n{doc}");
        assert_eq!(fm.date, DATE, "{value:?}");
        assert_eq!(fm.template, "standard", "{value:?}");
    }
}

#[test]
fn ampersands_and_angle_brackets_are_printed_as_typed() {
    let tmp = tmp();
    let doc = stdout_of(pm_new(&tmp).args(["--title", "A & B <c>", "--stdout"]));
    assert!(
        body(&doc).starts_with("\n# Postmortem: A & B <c>\n"),
        "{doc}"
    );
}

// ---------------------------------------------------------------------------
// No overwrite, --force
// ---------------------------------------------------------------------------

#[test]
fn a_second_run_does_not_overwrite_the_file() {
    let tmp = tmp();
    let args = ["--title", "Disk full", "--severity", "sev3", "--dir", "pm"];
    pm_new(&tmp)
        .args(args)
        .assert()
        .success()
        .stdout("pm/2026-11-22-disk-full.md\n");
    let path = tmp.path().join("pm/2026-11-22-disk-full.md");
    // Stand in for the author's work, so a rewrite would show.
    let mut edited = std::fs::read(&path).unwrap();
    edited.extend_from_slice(b"\nNotes the author wrote.\n");
    std::fs::write(&path, &edited).unwrap();
    let before = snapshot(tmp.path());

    pm_new(&tmp)
        .args(args)
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: pm/2026-11-22-disk-full.md already exists; pass --force to replace it\n");

    assert_eq!(std::fs::read(&path).unwrap(), edited);
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn force_replaces_the_existing_file() {
    let tmp = tmp();
    let path = tmp.path().join("pm/2026-11-22-disk-full.md");
    std::fs::create_dir(tmp.path().join("pm")).unwrap();
    std::fs::write(&path, "old notes\n").unwrap();
    let args = [
        "--title",
        "Disk full",
        "--severity",
        "sev1",
        "--id",
        "INC-2026-0005",
        "--dir",
        "pm",
    ];
    let expected = stdout_of(pm_new(&tmp).args(args).arg("--stdout"));

    pm_new(&tmp)
        .args(args)
        .arg("--force")
        .assert()
        .success()
        .stdout("pm/2026-11-22-disk-full.md\n")
        .stderr("");

    assert_eq!(read(&path), expected);
    assert_eq!(paths(tmp.path()), ["pm", "pm/2026-11-22-disk-full.md"]);
}

#[test]
fn force_writes_a_new_file_too() {
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "Fresh", "--dir", "pm", "--force"])
        .assert()
        .success()
        .stdout("pm/2026-11-22-fresh.md\n");
    assert_eq!(paths(tmp.path()), ["pm", "pm/2026-11-22-fresh.md"]);
}

// ---------------------------------------------------------------------------
// Invalid input: exit 2, one line on stderr, nothing written
// ---------------------------------------------------------------------------

/// Runs `pm new --no-input ARGS` in a folder holding one regular file,
/// `afile`, and checks it fails with exactly `stderr` and writes nothing.
fn assert_rejected(args: &[&str], stderr: &str) {
    let tmp = tmp();
    std::fs::write(tmp.path().join("afile"), "a regular file\n").unwrap();
    let before = snapshot(tmp.path());
    pm(&tmp)
        .args(["new", "--no-input"])
        .args(args)
        .assert()
        .code(2)
        .stdout("")
        .stderr(stderr.to_owned());
    assert_eq!(
        snapshot(tmp.path()),
        before,
        "pm new {args:?} changed the folder"
    );
}

#[test]
fn an_unknown_severity_is_rejected_with_the_valid_ones() {
    for bad in ["sev5", "SEV-0", "critical", "2", ""] {
        assert_rejected(
            &[
                "--date",
                DATE,
                "--severity",
                bad,
                "--title",
                "T",
                "--dir",
                "pm",
            ],
            &format!(
                "error: invalid value '{bad}' for '--severity': \
                 expected one of SEV-1, SEV-2, SEV-3, SEV-4\n"
            ),
        );
    }
}

#[test]
fn an_unknown_template_is_rejected_with_the_valid_ones() {
    for bad in ["nope", "Standard", "sre.md.tera", ""] {
        assert_rejected(
            &[
                "--date",
                DATE,
                "--template",
                bad,
                "--title",
                "T",
                "--dir",
                "pm",
            ],
            &format!(
                "error: invalid value '{bad}' for '--template': expected {}\n",
                common::one_of_the_templates()
            ),
        );
    }
}

#[test]
fn an_invalid_date_is_rejected() {
    for bad in [
        "2026-13-01",
        "22/11/2026",
        "2026-02-30",
        "2026-1-01",
        "2026-11-22T10:00:00",
        "yesterday",
        "",
    ] {
        assert_rejected(
            &["--date", bad, "--title", "T", "--dir", "pm"],
            &format!(
                "error: invalid value '{bad}' for '--date': \
                 expected a date as YYYY-MM-DD (e.g. 2026-12-01)\n"
            ),
        );
    }
}

#[test]
fn an_invalid_status_is_rejected_with_the_valid_ones() {
    for bad in ["done", "in review", ""] {
        assert_rejected(
            &[
                "--date", DATE, "--status", bad, "--title", "T", "--dir", "pm",
            ],
            &format!(
                "error: invalid value '{bad}' for '--status': \
                 expected one of draft, in-review, final\n"
            ),
        );
    }
}

#[test]
fn a_set_without_an_equals_sign_is_rejected() {
    assert_rejected(
        &["--date", DATE, "--set", "team", "--dir", "pm"],
        "error: invalid value 'team' for '--set': expected KEY=VALUE (e.g. --set team=payments)\n",
    );
}

#[test]
fn a_set_with_a_bad_key_is_rejected() {
    for bad in ["1team=x", "=x", "team-name=x", "team name=x", "tëam=x"] {
        assert_rejected(
            &["--date", DATE, "--set", bad, "--dir", "pm"],
            &format!(
                "error: invalid value '{bad}' for '--set': \
                 expected a KEY of letters, digits and underscores, not starting with a digit\n"
            ),
        );
    }
}

#[test]
fn a_set_with_a_reserved_key_is_rejected() {
    for key in [
        "front_matter",
        "title",
        "incident_id",
        "date",
        "severity",
        "status",
        "lead",
        "services",
        "scale",
        "statuses",
        "template",
        "vars",
    ] {
        let pair = format!("{key}=x");
        assert_rejected(
            &["--date", DATE, "--set", &pair, "--dir", "pm"],
            &format!(
                "error: invalid value '{pair}' for '--set': expected a KEY other than \
                 front_matter, title, incident_id, date, severity, status, lead, services, \
                 scale, statuses, template, vars (use the flag of that name)\n"
            ),
        );
    }
}

#[test]
fn a_blank_title_lead_service_or_id_is_rejected() {
    for flag in ["--title", "--lead", "--service", "--id"] {
        for blank in ["", "   ", "\n"] {
            assert_rejected(
                &["--date", DATE, flag, blank, "--dir", "pm"],
                &format!(
                    "error: invalid value '{blank}' for '{flag}': expected a non-empty value\n"
                ),
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_dir_below_a_regular_file_is_rejected() {
    assert_rejected(
        &["--date", DATE, "--title", "T", "--dir", "afile/sub"],
        "error: afile/sub: afile is a file, not a directory\n",
    );
}

#[test]
fn an_output_below_a_regular_file_is_rejected() {
    let tmp = tmp();
    std::fs::write(tmp.path().join("afile"), "a regular file\n").unwrap();
    let before = snapshot(tmp.path());
    let assert = pm_new(&tmp)
        .args(["--title", "T", "--output", "afile/sub/x.md"])
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        "error: afile/sub: afile is a file, not a directory\n"
    );
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn an_output_that_is_a_directory_is_rejected_even_with_force() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join("d")).unwrap();
    let before = snapshot(tmp.path());
    for force in [&[][..], &["--force"][..]] {
        pm_new(&tmp)
            .args(["--title", "T", "--output", "d"])
            .args(force)
            .assert()
            .code(2)
            .stdout("")
            .stderr("error: d: is a directory; give a file path\n");
        assert_eq!(snapshot(tmp.path()), before);
    }
}

#[test]
fn stdout_conflicts_with_output_and_edit() {
    for other in [&["--output", "x.md"][..], &["--edit"][..]] {
        let tmp = tmp();
        pm_new(&tmp)
            .args(["--stdout", "--title", "T"])
            .args(other)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "error: the argument '--stdout' cannot be used with '{}",
                other[0]
            )));
        assert_eq!(paths(tmp.path()), Vec::<String>::new());
    }
}

// ---------------------------------------------------------------------------
// --stdout and --output
// ---------------------------------------------------------------------------

#[test]
fn stdout_prints_the_document_and_writes_nothing() {
    let tmp = tmp();
    let doc = stdout_of(
        pm_new(&tmp)
            .args(["--title", "Printed", "--severity", "SEV-4", "--lead", "Ann"])
            .args(["--dir", "pm", "--stdout"]),
    );
    assert!(doc.starts_with("---\n"), "{doc}");
    assert_eq!(
        front_matter(&doc),
        FrontMatter {
            title: Some("Printed".into()),
            incident_id: "INC-2026-0001".into(),
            date: DATE.into(),
            severity: Some("SEV-4".into()),
            status: "draft".into(),
            lead: Some("Ann".into()),
            services: vec![],
            template: "standard".into(),
        }
    );
    assert!(body(&doc).starts_with("\n# Postmortem: Printed\n"), "{doc}");
    assert_eq!(paths(tmp.path()), Vec::<String>::new());
}

#[test]
fn stdout_prints_exactly_what_would_be_written() {
    for template in &common::templates() {
        let template = template.as_str();
        let tmp = tmp();
        let args = [
            "--template",
            template,
            "--title",
            "Same bytes",
            "--severity",
            "sev2",
            "--lead",
            "Kim",
            "--service",
            "api",
            "--dir",
            "pm",
        ];
        let printed = stdout_of(pm_new(&tmp).args(args).arg("--stdout"));
        pm_new(&tmp)
            .args(args)
            .assert()
            .success()
            .stdout("pm/2026-11-22-same-bytes.md\n");
        assert_eq!(
            read(tmp.path().join("pm/2026-11-22-same-bytes.md")),
            printed,
            "{template}"
        );
    }
}

#[test]
fn output_writes_exactly_there() {
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "Elsewhere", "--dir", "pm"])
        .args(["--output", "notes/incident report.md"])
        .assert()
        .success()
        .stdout("notes/incident report.md\n")
        .stderr("");
    assert_eq!(paths(tmp.path()), ["notes", "notes/incident report.md"]);
    let fm = front_matter(&read(tmp.path().join("notes/incident report.md")));
    assert_eq!(fm.title.as_deref(), Some("Elsewhere"));
}

#[test]
fn output_does_not_overwrite_without_force() {
    let tmp = tmp();
    std::fs::write(tmp.path().join("mine.md"), "keep me\n").unwrap();
    pm_new(&tmp)
        .args(["--title", "T", "--output", "mine.md"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: mine.md already exists; pass --force to replace it\n");
    assert_eq!(read(tmp.path().join("mine.md")), "keep me\n");
    assert_eq!(paths(tmp.path()), ["mine.md"]);

    pm_new(&tmp)
        .args(["--title", "T", "--output", "mine.md", "--force"])
        .assert()
        .success()
        .stdout("mine.md\n");
    let fm = front_matter(&read(tmp.path().join("mine.md")));
    assert_eq!(fm.title.as_deref(), Some("T"));
}

// ---------------------------------------------------------------------------
// Incident ids
// ---------------------------------------------------------------------------

fn write_postmortem(dir: &std::path::Path, name: &str, id: &str) {
    std::fs::write(
        dir.join(name),
        format!("---\ntitle: Old\nincident_id: {id}\nseverity: SEV-3\n---\n\n# Old\n"),
    )
    .unwrap();
}

/// A folder with INC-2026-0001, INC-2026-0007, INC-2025-0042, a file with
/// broken front matter and a non-Markdown file holding a higher id.
fn folder_with_ids() -> tempfile::TempDir {
    let tmp = tmp();
    let dir = tmp.path().join("pm");
    std::fs::create_dir(&dir).unwrap();
    write_postmortem(&dir, "2026-01-03-first.md", "INC-2026-0001");
    write_postmortem(&dir, "2026-05-09-seventh.md", "INC-2026-0007");
    write_postmortem(&dir, "2025-12-30-last-year.md", "INC-2025-0042");
    std::fs::write(
        dir.join("2026-06-01-broken.md"),
        "---\ntitle: \"unterminated\nincident_id: [\n---\n\n# Broken\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("notes.txt"),
        "---\nincident_id: INC-2026-0099\n---\n",
    )
    .unwrap();
    tmp
}

#[test]
fn the_next_id_follows_the_highest_of_the_year() {
    let tmp = folder_with_ids();
    let before = snapshot(tmp.path());
    pm_new(&tmp)
        .args(["--dir", "pm"])
        .assert()
        .success()
        .stdout("pm/2026-11-22-inc-2026-0008.md\n")
        .stderr("");
    let doc = read(tmp.path().join("pm/2026-11-22-inc-2026-0008.md"));
    assert_eq!(front_matter(&doc).incident_id, "INC-2026-0008");
    let mut after = snapshot(tmp.path());
    after.remove(std::path::Path::new("pm/2026-11-22-inc-2026-0008.md"));
    assert_eq!(after, before, "the other files changed");
}

#[test]
fn the_next_id_is_per_year() {
    let tmp = folder_with_ids();
    let doc = stdout_of(pm_new_on(&tmp, "2025-03-01").args(["--dir", "pm", "--stdout"]));
    assert_eq!(front_matter(&doc).incident_id, "INC-2025-0043");
    let doc = stdout_of(pm_new_on(&tmp, "2024-03-01").args(["--dir", "pm", "--stdout"]));
    assert_eq!(front_matter(&doc).incident_id, "INC-2024-0001");
}

#[test]
fn an_empty_or_missing_folder_starts_at_0001() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    for dir in ["empty", "missing"] {
        let doc = stdout_of(pm_new(&tmp).args(["--dir", dir, "--stdout"]));
        assert_eq!(front_matter(&doc).incident_id, "INC-2026-0001", "{dir}");
    }
    assert_eq!(paths(tmp.path()), ["empty"]);
}

#[test]
fn consecutive_runs_without_a_title_get_consecutive_ids_and_file_names() {
    let tmp = tmp();
    for n in 1..=3 {
        pm_new(&tmp)
            .args(["--dir", "pm"])
            .assert()
            .success()
            .stdout(format!("pm/2026-11-22-inc-2026-{n:04}.md\n"));
    }
    assert_eq!(
        paths(tmp.path()),
        [
            "pm",
            "pm/2026-11-22-inc-2026-0001.md",
            "pm/2026-11-22-inc-2026-0002.md",
            "pm/2026-11-22-inc-2026-0003.md"
        ]
    );
    let fm = front_matter(&read(tmp.path().join("pm/2026-11-22-inc-2026-0003.md")));
    assert_eq!(fm.incident_id, "INC-2026-0003");
}

#[test]

fn the_next_id_counts_git_ignored_postmortems() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    let dir = tmp.path().join("pm");
    std::fs::create_dir(&dir).unwrap();
    write_postmortem(&dir, "2026-02-01-ignored.md", "INC-2026-0005");
    std::fs::write(dir.join(".gitignore"), "2026-02-01-ignored.md\n").unwrap();
    let doc = stdout_of(pm_new(&tmp).args(["--dir", "pm", "--stdout"]));
    assert_eq!(front_matter(&doc).incident_id, "INC-2026-0006");
}

#[test]

fn the_next_id_counts_hidden_postmortems() {
    let tmp = tmp();
    let dir = tmp.path().join("pm");
    std::fs::create_dir(&dir).unwrap();
    write_postmortem(&dir, ".2026-02-01-hidden.md", "INC-2026-0005");
    let doc = stdout_of(pm_new(&tmp).args(["--dir", "pm", "--stdout"]));
    assert_eq!(front_matter(&doc).incident_id, "INC-2026-0006");
}

#[test]
fn an_explicit_id_is_used_as_given() {
    let tmp = folder_with_ids();
    pm_new(&tmp)
        .args(["--id", "OPS 17", "--dir", "pm"])
        .assert()
        .success()
        .stdout("pm/2026-11-22-ops-17.md\n");
    let fm = front_matter(&read(tmp.path().join("pm/2026-11-22-ops-17.md")));
    assert_eq!(fm.incident_id, "OPS 17");
    assert_eq!(fm.title, None);

    let doc = stdout_of(pm_new(&tmp).args(["--id", "INC-2026-0003", "--title", "T", "--stdout"]));
    assert_eq!(front_matter(&doc).incident_id, "INC-2026-0003");
}

// ---------------------------------------------------------------------------
// --set
// ---------------------------------------------------------------------------

/// No built-in template shows `--set` variables, so a valid one is accepted
/// and leaves the document as it was.
#[test]
fn a_valid_set_is_accepted_and_changes_no_built_in_template() {
    for template in &common::templates() {
        let template = template.as_str();
        let tmp = tmp();
        let plain = stdout_of(pm_new(&tmp).args(["--template", template, "--stdout"]));
        let with_vars = stdout_of(
            pm_new(&tmp)
                .args(["--template", template, "--stdout"])
                .args([
                    "--set",
                    "team=payments",
                    "--set",
                    "_x1=a=b",
                    "--set",
                    "empty=",
                ]),
        );
        assert_eq!(with_vars, plain, "{template}");
    }
}

// ---------------------------------------------------------------------------
// --edit
// ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn edit_runs_editor_on_the_written_file() {
    let tmp = tmp();
    let script = tmp.path().join("editor.sh");
    common::write_script(
        &script,
        "#!/bin/sh\necho 'edited by the editor' >> \"$1\"\n",
    );
    let args = ["--title", "Edit me", "--id", "INC-2026-0001", "--dir", "pm"];
    let rendered = stdout_of(pm_new(&tmp).args(args).arg("--stdout"));

    pm_new(&tmp)
        .args(args)
        .arg("--edit")
        .env("EDITOR", &script)
        .assert()
        .success()
        .stdout("pm/2026-11-22-edit-me.md\n")
        .stderr("");

    assert_eq!(
        read(tmp.path().join("pm/2026-11-22-edit-me.md")),
        format!("{rendered}edited by the editor\n")
    );
    assert_eq!(
        paths(tmp.path()),
        ["editor.sh", "pm", "pm/2026-11-22-edit-me.md"]
    );
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_in_the_editor_is_the_editors() {
    let tmp = tmp();
    let script = tmp.path().join("editor.sh");
    // The editor gets an interrupt sent to pm (its parent, or the parent of
    // the `sh -c` that runs it), as Ctrl-C sends it to both, then finishes.
    common::write_script(
        &script,
        "#!/bin/sh
\
         p=$PPID
\
         if [ \"$(cat /proc/$p/comm)\" != pm ]; then p=$(awk '{print $4}' /proc/$p/stat); fi
\
         kill -INT $p
\
         sleep 0.5
\
         echo 'edited by the editor' >> \"$1\"
",
    );
    pm_new(&tmp)
        .args(["--title", "Edit me", "--id", "INC-2026-0001", "--dir", "pm"])
        .arg("--edit")
        .env("EDITOR", &script)
        .assert()
        .success()
        .stdout("pm/2026-11-22-edit-me.md\n");
    assert!(read(tmp.path().join("pm/2026-11-22-edit-me.md")).ends_with("edited by the editor\n"));
}

#[cfg(unix)]
#[test]
fn edit_prefers_visual_over_editor() {
    let tmp = tmp();
    let visual = tmp.path().join("visual.sh");
    let editor = tmp.path().join("editor.sh");
    common::write_script(&visual, "#!/bin/sh\necho VISUAL >> \"$1\"\n");
    common::write_script(&editor, "#!/bin/sh\necho EDITOR >> \"$1\"\n");
    pm_new(&tmp)
        .args(["--title", "Which", "--dir", "pm", "--edit"])
        .env("VISUAL", &visual)
        .env("EDITOR", &editor)
        .assert()
        .success()
        .stdout("pm/2026-11-22-which.md\n");
    let doc = read(tmp.path().join("pm/2026-11-22-which.md"));
    assert!(doc.ends_with("\nVISUAL\n"), "{doc}");
    assert!(!doc.contains("\nEDITOR\n"), "{doc}");
}

#[cfg(unix)]
#[test]
fn edit_accepts_an_editor_command_with_arguments() {
    let tmp = tmp();
    let script = tmp.path().join("editor.sh");
    common::write_script(
        &script,
        "#!/bin/sh\nfor last; do :; done\necho \"args: $*\" >> \"$last\"\n",
    );
    pm_new(&tmp)
        .args(["--title", "Args", "--dir", "pm", "--edit"])
        .env("EDITOR", format!("{} --wait", script.display()))
        .assert()
        .success()
        .stdout("pm/2026-11-22-args.md\n");
    let doc = read(tmp.path().join("pm/2026-11-22-args.md"));
    assert!(
        doc.ends_with("\nargs: --wait pm/2026-11-22-args.md\n"),
        "{doc}"
    );
}

#[cfg(unix)]
#[test]
fn a_failing_editor_exits_2_and_keeps_the_file() {
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "Kept", "--dir", "pm", "--edit"])
        .env("EDITOR", "false")
        .assert()
        .code(2)
        .stdout("pm/2026-11-22-kept.md\n")
        .stderr(
            "error: editor `false` exited with exit status: 1; \
             pm/2026-11-22-kept.md was written and kept\n",
        );
    let fm = front_matter(&read(tmp.path().join("pm/2026-11-22-kept.md")));
    assert_eq!(fm.title.as_deref(), Some("Kept"));
}

// ---------------------------------------------------------------------------
// File permissions
// ---------------------------------------------------------------------------

/// A new postmortem should get the permissions any new file gets (the umask
/// applies), like the one `File::create` makes next to it.
#[cfg(unix)]
#[test]

fn the_new_file_gets_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tmp();
    pm_new(&tmp)
        .args(["--title", "Mode", "--dir", "pm"])
        .assert()
        .success()
        .stdout("pm/2026-11-22-mode.md\n");
    let reference = tmp.path().join("pm/reference");
    std::fs::File::create(&reference).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        format!("{:o}", mode(&tmp.path().join("pm/2026-11-22-mode.md"))),
        format!("{:o}", mode(&reference))
    );
}

// ---------------------------------------------------------------------------
// --help and --version
// ---------------------------------------------------------------------------

#[test]
fn version_prints_pm_and_the_version() {
    let tmp = tmp();
    pm(&tmp)
        .arg("--version")
        .assert()
        .success()
        .stdout(concat!("pm ", env!("CARGO_PKG_VERSION"), "\n"))
        .stderr("");
}

#[test]
fn new_help_mentions_every_flag() {
    let tmp = tmp();
    let help = stdout_of(pm(&tmp).args(["new", "--help"]));
    for flag in [
        "--template",
        "--severity",
        "--title",
        "--date",
        "--id",
        "--status",
        "--lead",
        "--service",
        "--set",
        "--dir",
        "--output",
        "--stdout",
        "--force",
        "--no-input",
        "--edit",
    ] {
        assert!(
            help.split(|c: char| c.is_whitespace() || c == ',')
                .any(|word| word == flag),
            "`pm new --help` does not mention {flag}:\n{help}"
        );
    }
    assert_eq!(paths(tmp.path()), Vec::<String>::new());
}

#[test]
fn parallel_runs_in_one_folder_get_distinct_incident_ids() {
    // The folder exists, and (first run of a team) it does not yet.
    for exists in [true, false] {
        parallel_runs_get_distinct_ids(exists);
    }
}

fn parallel_runs_get_distinct_ids(folder_exists: bool) {
    let tmp = tmp();
    if folder_exists {
        std::fs::create_dir(tmp.path().join("pm")).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("pm");
    let runs: Vec<_> = (0..24)
        .map(|i| {
            std::process::Command::new(&bin)
                .current_dir(tmp.path())
                .args(["new", "--no-input", "--date", DATE, "--dir", "pm"])
                .args(["--title", &format!("Outage number {i}")])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let output = run.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let mut ids: Vec<String> = std::fs::read_dir(tmp.path().join("pm"))
        .unwrap()
        .map(|entry| front_matter(&read(entry.unwrap().path())).incident_id)
        .collect();
    ids.sort();
    let expected: Vec<String> = (1..=24).map(|n| format!("INC-2026-{n:04}")).collect();
    assert_eq!(ids, expected, "folder existed: {folder_exists}");
}

#[test]
fn a_template_that_fails_to_render_leaves_no_folder_behind() {
    let tmp = tmp();
    std::fs::create_dir_all(tmp.path().join(".pm/templates")).unwrap();
    std::fs::write(
        tmp.path().join(".pm/templates/bad.md.tera"),
        "---\ntitle: {{ title }}\n---\n{{ nope.x }}\n",
    )
    .unwrap();
    let before = snapshot(tmp.path());
    pm_new(&tmp)
        .args(["--template", "bad", "--title", "x", "--dir", "new/sub"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: template `bad`: error: Variable `nope` is not defined.",
        ));
    assert_eq!(snapshot(tmp.path()), before);
}

/// A folder with one team template, `.pm/templates/NAME.md.tera`.
fn with_team_template(name: &str, source: &str) -> tempfile::TempDir {
    let tmp = tmp();
    std::fs::create_dir_all(tmp.path().join(".pm/templates")).unwrap();
    std::fs::write(
        tmp.path().join(format!(".pm/templates/{name}.md.tera")),
        source,
    )
    .unwrap();
    tmp
}

#[test]
fn a_template_that_writes_without_end_fails_naming_it() {
    let tmp = with_team_template(
        "big",
        // A kilobyte a turn: the 4 MiB limit comes long before the time
        // limit, even on a loaded machine.
        &format!(
            "---\ntitle: x\n---\n{{% for i in range(end=100000) %}}{{% for j in range(end=100000) %}}{}{{% endfor %}}{{% endfor %}}\n",
            "x".repeat(1024)
        ),
    );
    let before = snapshot(tmp.path());
    pm_new(&tmp)
        .args(["--template", "big", "--title", "x"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: template `big`: it writes more than 4 MiB; pm stops there (a loop that never ends?)\n");
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn a_template_that_loops_without_end_fails_naming_it_and_lint_goes_on() {
    let tmp = with_team_template(
        "slow",
        "---\ntitle: x\n---\n{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}\n",
    );
    pm_new(&tmp)
        .args(["--template", "slow", "--title", "x"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: template `slow`: it takes more than 5 seconds to render; pm stops there (a loop that never ends?)\n");
    // A document naming it is still linted, without the template's profile.
    std::fs::create_dir_all(tmp.path().join("docs/postmortems")).unwrap();
    std::fs::write(
        tmp.path().join("docs/postmortems/a.md"),
        "---\ntitle: x\ntemplate: slow\n---\n\n## Summary\n\nx\n",
    )
    .unwrap();
    pm(&tmp)
        .args(["lint", "--format", "concise", "docs/postmortems"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr("Found 11 errors and 0 warnings in 1 of 1 file checked.\n");
}

#[test]
fn every_template_writes_the_review_day_for_pm_stats_to_count() {
    for template in common::templates() {
        let tmp = tmp();
        pm_new(&tmp)
            .args(["--template", &template, "--severity", "SEV-2"])
            .args(["--title", "Checkout API returned 500s", "--dir", "pm"])
            .assert()
            .success();
        let path = tmp
            .path()
            .join("pm/2026-11-22-checkout-api-returned-500s.md");
        let doc = read(&path);
        let (yaml, _) = split_front_matter(&doc);
        let keys: Vec<&str> = yaml
            .lines()
            .filter_map(|line| line.split_once(':').map(|(key, _)| key))
            .filter(|key| !key.starts_with(' ') && !key.starts_with('-'))
            .collect();
        assert_eq!(
            keys,
            [
                "title",
                "incident_id",
                "date",
                "severity",
                "status",
                "started_at",
                "detected_at",
                "resolved_at",
                "duration",
                "reviewed_at",
                "lead",
                "services",
                "template"
            ],
            "{template}"
        );
        assert!(
            yaml.contains("\nreviewed_at: null\n"),
            "{template}:\n{yaml}"
        );
        // Filled in, the days from the resolution to the review are counted.
        let filled = doc
            .replace("resolved_at: null", "resolved_at: 2026-11-22T11:19:00Z")
            .replace("reviewed_at: null", "reviewed_at: 2026-11-27");
        std::fs::write(&path, filled).expect("write the filled postmortem");
        let stats: serde_json::Value = serde_json::from_str(&stdout_of(
            pm(&tmp).args(["stats", "--format", "json", "pm"]),
        ))
        .expect("JSON");
        assert_eq!(
            stats["time_to_postmortem"],
            serde_json::json!([{"severity": "SEV-2", "count": 1, "median_days": 5.0, "p90_days": 5}]),
            "{template}"
        );
    }
}
