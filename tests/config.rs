//! `.pm.yaml`: discovery, the strict schema, severity scales, required
//! sections, team templates, rule settings, `pm init` and `pm config`. Every
//! test runs in a temporary repository with its own `.git` folder.

mod common;

use common::{pm, snapshot, stdout_of, tmp};
use predicates::prelude::*;
use tempfile::TempDir;

/// A temporary repository: a folder holding `.git`.
fn repo() -> TempDir {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join(".git")).unwrap();
    tmp
}

fn write(tmp: &TempDir, path: &str, text: &str) {
    let path = tmp.path().join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(tmp: &TempDir, path: &str) -> String {
    std::fs::read_to_string(tmp.path().join(path)).unwrap()
}

/// A finished postmortem with every core section of a template-less document.
fn finished(severity: &str, extra_sections: &str) -> String {
    format!(
        "---\ntitle: Queue backlog\nincident_id: INC-2026-0100-{severity}\ndate: 2026-10-02\n\
         severity: {severity}\nstatus: final\nstarted_at: 2026-10-02T08:00:00Z\n\
         detected_at: 2026-10-02T08:05:00Z\nresolved_at: 2026-10-02T09:00:00Z\n---\n\n\
         # Queue backlog\n\n## Summary\n\nThe billing queue backed up for an hour.\n\n\
         ## Timeline\n\n| Time | Event |\n|---|---|\n| 08:05 | Lag alert fired |\n\n\
         ## Root Cause\n\nA consumer deploy halved the worker count.\n\n\
         ## Resolution\n\nRolled the deploy back.\n\n\
         ## Action Items\n\n- [ ] Alert on worker count below 8 - Owner: Ana Ruiz - Due: 2099-12-10\n\
         {extra_sections}"
    )
}

#[test]
fn a_p_scale_normalizes_new_rejects_sev_and_lint_flags_sev() {
    let tmp = repo();
    write(&tmp, ".pm.yaml", "severities: [P0, P1, P2, P3]\n");
    let path = stdout_of(pm(&tmp).args([
        "new",
        "--no-input",
        "--date",
        "2026-11-22",
        "--title",
        "Cache stampede",
        "--severity",
        "p1",
    ]));
    assert_eq!(path, "docs/postmortems/2026-11-22-cache-stampede.md\n");
    assert!(read(&tmp, path.trim()).contains("\nseverity: P1\n"));

    let before = snapshot(tmp.path());
    pm(&tmp)
        .args([
            "new",
            "--no-input",
            "--title",
            "Other",
            "--severity",
            "SEV-2",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: invalid value 'SEV-2' for '--severity': expected one of P0, P1, P2, P3\n");
    assert_eq!(snapshot(tmp.path()), before);

    write(&tmp, "docs/postmortems/old.md", &finished("SEV-2", ""));
    pm(&tmp)
        .args(["lint", "--format", "concise", "docs/postmortems/old.md"])
        .assert()
        .code(1)
        .stdout(
            "docs/postmortems/old.md:5:11: PM004 [error] severity `SEV-2` is not in the scale\n",
        );
}

#[test]
fn required_sections_follow_the_severity() {
    let tmp = repo();
    write(
        &tmp,
        ".pm.yaml",
        "sections:\n  required:\n    SEV-1: [summary, timeline, root_cause, five_whys, resolution, action_items]\n    \
         SEV-3: [summary, root_cause, action_items]\n",
    );
    write(&tmp, "sev1.md", &finished("SEV-1", ""));
    write(&tmp, "sev3.md", &finished("SEV-3", ""));
    pm(&tmp)
        .args(["lint", "--format", "concise", "sev1.md", "sev3.md"])
        .assert()
        .code(1)
        .stdout("sev1.md:12:1: PM101 [error] missing section `5 Whys`\n");

    // With the section, the SEV-1 passes too.
    let whys = "\n## 5 Whys\n\n1. Why did the backlog grow? Half the workers were gone.\n";
    write(&tmp, "sev1.md", &finished("SEV-1", whys));
    pm(&tmp)
        .args(["lint", "sev1.md", "sev3.md"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn a_severity_entry_can_drop_a_section_the_default_requires() {
    let tmp = repo();
    let without_timeline = finished("SEV-4", "").replace(
        "## Timeline\n\n| Time | Event |\n|---|---|\n| 08:05 | Lag alert fired |\n\n",
        "",
    );
    write(&tmp, "p.md", &without_timeline);
    pm(&tmp)
        .args(["lint", "--format", "concise", "p.md"])
        .assert()
        .code(1)
        .stdout("p.md:12:1: PM101 [error] missing section `Timeline`\n");
    write(
        &tmp,
        ".pm.yaml",
        "sections:\n  required:\n    SEV-4: [summary, root_cause]\n",
    );
    pm(&tmp).args(["lint", "p.md"]).assert().success();
}

#[test]
fn section_aliases_from_the_config_satisfy_a_requirement() {
    let tmp = repo();
    let text = finished("SEV-2", "").replace("## Root Cause", "## Why It Broke");
    write(&tmp, "p.md", &text);
    pm(&tmp).args(["lint", "p.md"]).assert().code(1);
    write(
        &tmp,
        ".pm.yaml",
        "sections:\n  aliases:\n    root_cause: [Why it broke]\n",
    );
    pm(&tmp).args(["lint", "p.md"]).assert().success();
}

const TEAM_STANDARD: &str = "{# Payments team postmortem #}\n\
{% include \"partials/front_matter.md.tera\" %}\n\n\
# {{ title or \"[Incident Title]\" }}\n\n\
## Summary\n\n[What happened]\n\n\
## Timeline\n\n{{ <timeline rows={[[\"HH:MM\", \"[Event]\"]]} /> }}\n\
## Root Cause\n\n[Why]\n\n\
## Resolution\n\n[Fix]\n\n\
## Card Networks\n\n[Which networks saw failures]\n\n\
## Action Items\n\n{{ <action_table rows={[[\"[P1]\", \"[Action]\", \"[Owner]\", \"[YYYY-MM-DD]\", \"Open\"]]} /> }}";

#[test]
fn a_team_template_overrides_standard_and_passes_lint_once_filled() {
    let tmp = repo();
    write(&tmp, ".pm/templates/standard.md.tera", TEAM_STANDARD);
    let list = stdout_of(pm(&tmp).args(["templates", "list"]));
    assert!(
        list.lines().next().unwrap().starts_with(
            "standard   team (.pm/templates/standard.md.tera)  Payments team postmortem"
        ),
        "{list}"
    );
    let path = stdout_of(pm(&tmp).args([
        "new",
        "--no-input",
        "--date",
        "2026-11-20",
        "--title",
        "Card auth timeouts",
        "--severity",
        "SEV-2",
        "--status",
        "final",
    ]));
    let path = path.trim();
    let draft = read(&tmp, path);
    assert!(
        draft.starts_with("---\ntitle: Card auth timeouts\n"),
        "{draft}"
    );
    assert!(draft.contains("## Card Networks\n\n[Which networks saw failures]"));
    assert!(draft.contains("template: standard\n"));
    pm(&tmp).args(["lint", path]).assert().code(1);

    let filled = draft
        .replace("started_at: null", "started_at: 2026-11-20T10:00:00Z")
        .replace("detected_at: null", "detected_at: 2026-11-20T10:02:00Z")
        .replace("resolved_at: null", "resolved_at: 2026-11-20T10:14:00Z")
        .replace("duration: null", "duration: 14m")
        .replace("[What happened]", "Card authorisations timed out for 14 minutes.")
        .replace("| HH:MM | [Event] |", "| 10:02 | Authorisation error alert fired |")
        .replace("[Why]", "The new TLS library renegotiated on every request.")
        .replace("[Fix]", "Rolled the library back on the gateway.")
        .replace("[Which networks saw failures]", "Visa and Mastercard, about 2,300 payments.")
        .replace(
            "| [P1] | [Action] | [Owner] | [YYYY-MM-DD] | Open |",
            "| P1 | Add TLS handshake latency to the gateway dashboard | Priya Nair | 2026-12-04 | Open |",
        );
    write(&tmp, path, &filled);
    pm(&tmp)
        .args(["lint", path])
        .assert()
        .success()
        .stdout("")
        .stderr("Checked 1 file: no problems found.\n");
}

#[test]
fn a_team_template_with_a_syntax_error_stops_only_what_uses_it() {
    let tmp = repo();
    write(&tmp, ".pm/templates/broken.md.tera", "# {{ title \n");
    // What renders it fails, naming the file and the line.
    pm(&tmp)
        .args(["new", "--no-input", "--template", "broken", "--title", "x"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: template `.pm/templates/broken.md.tera`: error: Unexpected end of input\n --> broken.md.tera:1:11\n",
        ));
    pm(&tmp)
        .args(["templates", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "broken     team (.pm/templates/broken.md.tera)  cannot be used: Unexpected end of input (broken.md.tera:1:11)\n",
        ));
    // Everything else goes on: another template, the portfolio, lint (with
    // a note).
    let made = stdout_of(pm(&tmp).args(["new", "--no-input", "--title", "Disk full"]));
    assert!(made.ends_with("-disk-full.md\n"), "{made}");
    pm(&tmp).args(["list"]).assert().success();
    pm(&tmp)
        .args(["lint", "--format", "concise", made.trim()])
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "note: template .pm/templates/broken.md.tera cannot be used: Unexpected end of input (broken.md.tera:1:11); postmortems made from it are linted without it\n",
        ));
}

#[test]
fn the_template_can_depend_on_the_severity() {
    let tmp = repo();
    write(
        &tmp,
        ".pm.yaml",
        "templates:\n  default: report\n  by_severity:\n    sev1: detailed\n",
    );
    let sev1 = stdout_of(pm(&tmp).args([
        "new",
        "--no-input",
        "--date",
        "2026-11-22",
        "--title",
        "a",
        "--severity",
        "SEV-1",
    ]));
    assert!(read(&tmp, sev1.trim()).contains("template: detailed\n"));
    let sev3 = stdout_of(pm(&tmp).args([
        "new",
        "--no-input",
        "--date",
        "2026-11-22",
        "--title",
        "b",
        "--severity",
        "SEV-3",
    ]));
    assert!(read(&tmp, sev3.trim()).contains("template: report\n"));
}

#[test]
fn an_unknown_key_stops_every_command_with_its_line() {
    let tmp = repo();
    write(&tmp, ".pm.yaml", "severities: [P0, P1]\nsevrity: P1\n");
    write(&tmp, "docs/postmortems/a.md", "# not linted\n");
    let message = "error: .pm.yaml:2:1: unknown key `sevrity`, expected one of postmortems, templates, \
                   severities, severity_aliases, timezone, date_order, statuses, sections, rules, placeholders, blame_words, vague_actions, legacy, only_postmortems, \
                   max_file_size, actions\n";
    for args in [
        &["lint"][..],
        &["new", "--no-input", "--title", "x"][..],
        &["config"][..],
    ] {
        let before = snapshot(tmp.path());
        pm(&tmp)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(message);
        assert_eq!(snapshot(tmp.path()), before, "{args:?}");
    }
}

#[test]
fn impossible_values_are_errors_with_their_line() {
    let cases = [
        (
            "severities: 3\n",
            "error: .pm.yaml:1:13: `severities`: expected a list\n",
        ),
        (
            "statuses: []\n",
            "error: .pm.yaml:1:11: statuses: the list is empty\n",
        ),
        (
            "severities: [P1, P1]\n",
            "error: .pm.yaml:1:13: severities: `P1` is listed twice\n",
        ),
        (
            "templates:\n  default: nope\n",
            "error: .pm.yaml:2:12: templates.default: no template `nope`; expected {templates}\n",
        ),
        (
            "templates:\n  folder: team\n",
            "error: .pm.yaml:2:11: templates.folder `team` is not a folder (team does not exist)\n",
        ),
        (
            "rules:\n  ignore: [PM9]\n",
            "error: .pm.yaml:2:12: rules.ignore: `PM9` is not a rule id, id prefix or name (see `pm rules`)\n",
        ),
        (
            "rules:\n  levels:\n    PM201: loud\n",
            "error: .pm.yaml:3:12: `rules.levels.PM201`: unknown variant `loud`, expected one of error, warning, off\n",
        ),
        (
            "placeholders: ['([']\n",
            "error: .pm.yaml:1:16: placeholders: `([` is not a valid regular expression: unclosed character class\n",
        ),
        (
            "sections:\n  required:\n    SEV-9: [summary]\n",
            "error: .pm.yaml:3:12: sections.required: `SEV-9` is not a severity of the scale (SEV-1, SEV-2, SEV-3, SEV-4) (or `default`)\n",
        ),
    ];
    for (yaml, message) in cases {
        let message = message.replace("{templates}", &common::one_of_the_templates());
        let tmp = repo();
        write(&tmp, ".pm.yaml", yaml);
        // `pm config` checks what every command would.
        for args in [&["config"][..], &[user_of(yaml), "."][..]] {
            let args: Vec<&str> = args.iter().copied().filter(|a| *a != ".").collect();
            let args = if args == ["lint"] {
                vec!["lint", "."]
            } else {
                args
            };
            pm(&tmp)
                .args(&args)
                .assert()
                .code(2)
                .stdout("")
                .stderr(message.clone());
        }
    }
}

/// The command that uses a setting: `pm new` its templates, `pm lint` the
/// rest.
fn user_of(yaml: &str) -> &'static str {
    if yaml.starts_with("templates:\n  default") {
        "new"
    } else {
        "lint"
    }
}

#[test]
fn a_mistake_in_a_setting_stops_only_the_commands_that_use_it() {
    let tmp = repo();
    write(&tmp, "docs/postmortems/a.md", CLEAN_FOR_CONFIG);
    write(&tmp, ".pm.yaml", "templates:\n  default: nope\n");
    let error = format!(
        "error: .pm.yaml:2:12: templates.default: no template `nope`; expected {}\n",
        common::one_of_the_templates()
    );
    for args in [
        &["new", "--no-input", "--title", "x"][..],
        &["templates", "list"][..],
    ] {
        pm(&tmp)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(error.clone());
    }
    for args in [&["lint"][..], &["list"][..], &["stats"][..]] {
        pm(&tmp).args(args).assert().success();
    }
    write(&tmp, ".pm.yaml", "rules:\n  ignore: [PM9]\n");
    let error = "error: .pm.yaml:2:12: rules.ignore: `PM9` is not a rule id, id prefix or name (see `pm rules`)\n";
    pm(&tmp)
        .args(["lint"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(error);
    for args in [&["list"][..], &["actions"][..], &["templates", "list"][..]] {
        pm(&tmp).args(args).assert().success();
    }
}

/// A finished postmortem that lints clean with the default settings.
const CLEAN_FOR_CONFIG: &str = "---\ntitle: Disk full\nincident_id: INC-2026-0001\ndate: 2026-11-22\nseverity: SEV-3\nstatus: draft\n---\n\n# Disk full\n\n## Summary\n\nThe disk filled.\n\n## Impact\n\nWrites failed.\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | Alert |\n\n## Root Cause\n\nLogs were never rotated.\n\n## Resolution\n\nOld logs were deleted.\n\n## Action Items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Rotate logs | Dana | 2027-01-10 | Open |\n";

#[test]
fn the_config_is_found_from_a_subfolder_but_not_above_the_repository() {
    let tmp = tmp();
    write(&tmp, ".pm.yaml", "severities: [OUTSIDE]\n");
    std::fs::create_dir_all(tmp.path().join("repo/.git")).unwrap();
    std::fs::create_dir_all(tmp.path().join("repo/a/b")).unwrap();
    let in_sub = |dir: &str| {
        let mut cmd = pm(&tmp);
        cmd.current_dir(tmp.path().join(dir));
        cmd
    };
    // No config inside the repository: the one above it is not used.
    let out = stdout_of(in_sub("repo/a/b").arg("config"));
    assert!(
        out.starts_with("# effective configuration: built-in defaults"),
        "{out}"
    );
    write(
        &tmp,
        "repo/.pm.yaml",
        "severities: [P0, P1]\npostmortems: incidents\n",
    );
    let out = stdout_of(in_sub("repo/a/b").arg("config"));
    assert!(
        out.starts_with(
            "# effective configuration, from ../../.pm.yaml\npostmortems: ../../incidents\n"
        ),
        "{out}"
    );
    assert!(out.contains("severities:\n- P0\n- P1\n"), "{out}");
    // New postmortems go to the configured folder, relative to the config.
    let path = stdout_of(in_sub("repo/a/b").args([
        "new",
        "--no-input",
        "--date",
        "2026-11-22",
        "--title",
        "x",
    ]));
    assert_eq!(path, "../../incidents/2026-11-22-x.md\n");
    assert!(tmp.path().join("repo/incidents/2026-11-22-x.md").is_file());
}

#[test]
fn config_flag_and_no_config_flag() {
    let tmp = repo();
    write(&tmp, ".pm.yaml", "sevrity: broken\n");
    write(&tmp, "conf/team.yaml", "severities: [P0, P1]\n");
    let out = stdout_of(pm(&tmp).args(["--config", "conf/team.yaml", "config"]));
    assert!(
        out.starts_with("# effective configuration, from conf/team.yaml\n"),
        "{out}"
    );
    assert!(out.contains("- P0\n- P1\n"));
    let out = stdout_of(pm(&tmp).args(["config", "--no-config"]));
    assert!(
        out.starts_with("# effective configuration: built-in defaults"),
        "{out}"
    );
    pm(&tmp)
        .args(["--config", "missing.yaml", "config"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("error: missing.yaml: "));
}

#[test]
fn rule_settings_turn_rules_off_and_change_levels() {
    let tmp = repo();
    let text = finished(
        "SEV-2",
        "\n## Notes\n\n- Owner: [name]\n- TODO: attach graphs\n",
    );
    write(&tmp, "p.md", &text);
    pm(&tmp)
        .args(["lint", "--format", "concise", "p.md"])
        .assert()
        .code(1)
        .stdout("p.md:38:10: PM201 [error] unfilled placeholder `[name]`\np.md:39:3: PM205 [error] `TODO` left in the document\n");
    write(
        &tmp,
        ".pm.yaml",
        "rules:\n  ignore: [bracket-placeholder]\n  levels:\n    PM205: warning\n",
    );
    pm(&tmp)
        .args(["lint", "--format", "concise", "p.md"])
        .assert()
        .success()
        .stdout("p.md:39:3: PM205 [warning] `TODO` left in the document\n");
    write(&tmp, ".pm.yaml", "rules:\n  select: [PM1]\n");
    pm(&tmp)
        .args(["lint", "p.md"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn custom_placeholder_patterns_and_blame_words() {
    let tmp = repo();
    let text = finished(
        "SEV-2",
        "\n## Notes\n\nOwner: %%OWNER%%. It was human error, or a slip.\n",
    );
    write(&tmp, "p.md", &text);
    pm(&tmp)
        .args(["lint", "--format", "concise", "p.md"])
        .assert()
        .success()
        .stdout("p.md:38:26: PM401 [warning] blame language: `human error`\n");
    write(
        &tmp,
        ".pm.yaml",
        "placeholders: ['%%[A-Z_]+%%']\nblame_words: [a slip]\n",
    );
    pm(&tmp)
        .args(["lint", "--format", "concise", "p.md"])
        .assert()
        .code(1)
        .stdout("p.md:38:8: PM210 [error] unfilled placeholder `%%OWNER%%`\np.md:38:42: PM401 [warning] blame language: `a slip`\n");
}

#[test]
fn a_custom_pattern_over_a_built_in_placeholder_is_reported_once() {
    // `<OWNER>` alone is an angle-bracket placeholder (PM201); the team's
    // `<<…>>` pattern names it, so only PM210 reports it.
    let tmp = repo();
    let text = finished("SEV-2", "\n## Notes\n\nOwner: <<OWNER>>.\n");
    write(&tmp, "p.md", &text);
    pm(&tmp)
        .args(["lint", "--format", "concise", "p.md"])
        .assert()
        .code(1)
        .stdout("p.md:38:9: PM201 [error] unfilled placeholder `<OWNER>`\n");
    write(&tmp, ".pm.yaml", "placeholders: ['<<[A-Z_]+>>']\n");
    pm(&tmp)
        .args(["lint", "--format", "concise", "p.md"])
        .assert()
        .code(1)
        .stdout("p.md:38:8: PM210 [error] unfilled placeholder `<<OWNER>>`\n");
}

#[test]
fn init_writes_a_commented_config_with_the_defaults_and_the_folder() {
    let tmp = repo();
    pm(&tmp)
        .arg("init")
        .assert()
        .success()
        .stdout(".pm.yaml\ndocs/postmortems\n");
    assert!(tmp.path().join("docs/postmortems").is_dir());
    let text = read(&tmp, ".pm.yaml");
    assert!(text.starts_with("# pm configuration."), "{text}");
    // The written file means exactly the defaults.
    let with_file = stdout_of(pm(&tmp).arg("config"));
    let defaults = stdout_of(pm(&tmp).args(["config", "--no-config"]));
    let body = |s: &str| s.split_once('\n').unwrap().1.to_owned();
    assert_eq!(body(&with_file), body(&defaults));
    assert!(with_file.starts_with("# effective configuration, from .pm.yaml\n"));

    // A second init refuses and keeps the file.
    write(&tmp, ".pm.yaml", "severities: [P0]\n");
    pm(&tmp)
        .arg("init")
        .assert()
        .code(2)
        .stderr("error: .pm.yaml already exists; pm init never replaces a configuration (edit it, or see `pm config`)\n");
    assert_eq!(read(&tmp, ".pm.yaml"), "severities: [P0]\n");
}

#[test]
fn init_takes_the_postmortems_folder() {
    let tmp = repo();
    pm(&tmp)
        .args(["init", "--postmortems", "docs/incidents"])
        .assert()
        .success()
        .stdout(".pm.yaml\ndocs/incidents\n");
    assert!(read(&tmp, ".pm.yaml").contains("\npostmortems: docs/incidents\n"));
    let path =
        stdout_of(pm(&tmp).args(["new", "--no-input", "--date", "2026-11-22", "--title", "x"]));
    assert_eq!(path, "docs/incidents/2026-11-22-x.md\n");
}

#[test]
fn init_leaves_no_config_when_the_folder_cannot_be_made() {
    let tmp = repo();
    write(&tmp, "docs", "a file where the folder would go\n");
    pm(&tmp)
        .arg("init")
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: docs/postmortems: docs is a file, not a directory\n");
    assert!(!tmp.path().join(".pm.yaml").exists());
}

#[cfg(unix)]
#[test]
fn init_names_exactly_the_folder_it_made() {
    let tmp = repo();
    pm(&tmp)
        .args(["init", "--postmortems", r"back\slash"])
        .assert()
        .success()
        .stdout(".pm.yaml\nback\\slash\n");
    assert!(tmp.path().join(r"back\slash").is_dir());
    assert!(!tmp.path().join("back").exists());
    let path =
        stdout_of(pm(&tmp).args(["new", "--no-input", "--date", "2026-11-22", "--title", "x"]));
    assert_eq!(path, "back\\slash/2026-11-22-x.md\n");
}

#[cfg(unix)]
#[test]
fn init_never_offers_a_force_it_does_not_have() {
    let tmp = repo();
    // A dangling link is a config file that is there, too.
    std::os::unix::fs::symlink("elsewhere.yaml", tmp.path().join(".pm.yaml")).unwrap();
    pm(&tmp)
        .arg("init")
        .assert()
        .code(2)
        .stderr(
            "error: .pm.yaml already exists; pm init never replaces a configuration (edit it, or see `pm config`)\n",
        );
    assert!(!tmp.path().join("docs").exists());
}

#[test]
fn eject_writes_into_the_configured_team_folder() {
    let tmp = repo();
    std::fs::create_dir_all(tmp.path().join("team")).unwrap();
    write(&tmp, ".pm.yaml", "templates:\n  folder: team\n");
    pm(&tmp)
        .args(["templates", "eject", "sre"])
        .assert()
        .success()
        .stdout("team/sre.md.tera\n");
    let list = stdout_of(pm(&tmp).args(["templates", "list"]));
    assert!(
        list.contains("sre        team (team/sre.md.tera)"),
        "{list}"
    );
}

#[test]
fn config_errors_speak_to_the_writer_not_to_a_programmer() {
    for (yaml, message) in [
        (
            "severities: [a]\nseverities: [b]\n",
            "error: .pm.yaml:2:1: duplicate mapping key: severities\n",
        ),
        (
            "severities: [a]\n---\nstatuses: [b]\n",
            "error: .pm.yaml:3:1: a second YAML document starts here (`---`); keep one\n",
        ),
        (
            "postmortems: [a, b]\n",
            "error: .pm.yaml:1:14: `postmortems`: expected text\n",
        ),
        (
            "only_postmortems: maybe\n",
            "error: .pm.yaml:1:19: `only_postmortems`: expected true or false\n",
        ),
        (
            "templates:\n  defualt: x\n",
            "error: .pm.yaml:2:3: `templates`: unknown key `defualt`, expected one of default, by_severity, folder\n",
        ),
        (
            "rules:\n  levels:\n    PM201: [a]\n",
            "error: .pm.yaml:3:12: `rules.levels.PM201`: expected one of error, warning, off\n",
        ),
        (
            "sections:\n  aliases:\n    summary: 3\n",
            "error: .pm.yaml:3:14: `sections.aliases.summary`: expected a list\n",
        ),
        (
            "max_file_size: -5\n",
            "error: .pm.yaml:1:16: `max_file_size`: expected a size such as `64 MiB`, `10MB` or a number of bytes\n",
        ),
    ] {
        let tmp = repo();
        write(&tmp, ".pm.yaml", yaml);
        pm(&tmp)
            .args(["lint"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(message);
    }
}

#[test]
fn legacy_postmortems_are_asked_only_for_a_title_and_a_date() {
    let tmp = repo();
    write(&tmp, ".pm.yaml", "legacy: [\"docs/postmortems/201*\"]\n");
    let old = "---\ntitle: Hub 403\ndate: 2017-09-27\n---\n\n# Hub 403\n\nThe hub returned 403s.\n";
    write(&tmp, "docs/postmortems/2017-09-27-hub-403.md", old);
    write(
        &tmp,
        "docs/postmortems/2024-03-13-disk.md",
        &old.replace("2017-09-27", "2024-03-13"),
    );
    write(
        &tmp,
        "docs/postmortems/2018/untitled.md",
        "---\ndate: 2018-01-01\n---\n\n# x\n",
    );
    let run = pm(&tmp)
        .args(["lint", "--format", "concise"])
        .output()
        .expect("pm lint runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    // Outside the glob (and below a folder it names: `*` stops at `/`),
    // every key and section is asked for.
    assert!(!stdout.contains("2017-09-27-hub-403.md"), "{stdout}");
    assert!(stdout.contains("docs/postmortems/2024-03-13-disk.md:1:1: PM003 [error] front matter has no `incident_id`"), "{stdout}");
    assert!(
        stdout.contains("docs/postmortems/2024-03-13-disk.md:6:1: PM101"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "docs/postmortems/2018/untitled.md:1:1: PM003 [error] front matter has no `title`"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "docs/postmortems/2018/untitled.md:1:1: PM003 [error] front matter has no `incident_id`"
        ),
        "{stdout}"
    );
    write(&tmp, ".pm.yaml", "legacy:\n  - \"docs/[201\"\n");
    pm(&tmp)
        .args(["lint"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: .pm.yaml:2:5: legacy: `docs/[201` is not a glob: unclosed character class; missing ']'\n");
}

#[test]
fn pm_config_shows_the_settings_for_postmortems_pm_did_not_write() {
    let tmp = repo();
    write(
        &tmp,
        ".pm.yaml",
        "date_order: mdy\ntimezone: CET\nseverity_aliases: {Critical: sev1}\nlegacy: [\"docs/201*\"]\n",
    );
    let out = stdout_of(pm(&tmp).args(["config"]));
    for line in [
        "severity_aliases:\n  Critical: SEV-1\n",
        "timezone: +01:00\n",
        "date_order: mdy\n",
        "legacy:\n- docs/201*\n",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
}

#[test]
fn pm_config_shows_the_deadline_policy_in_days() {
    let tmp = repo();
    write(
        &tmp,
        ".pm.yaml",
        "actions:\n  due_by_priority: {P0: 7d, P1: 36h}\n  from: date\n",
    );
    let out = stdout_of(pm(&tmp).args(["config"]));
    assert!(
        out.ends_with(
            "actions:\n  due_by_priority:\n    P0: 7d\n    P1: 2d\n  from: date\n  report_later_due: false\n"
        ),
        "{out}"
    );
}
