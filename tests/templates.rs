//! `pm templates list|show|eject`, run as a user would: the real binary in a
//! temporary folder.

mod common;

use common::{one_of_the_templates, paths, pm, read, snapshot, stdout_of, templates, tmp};

/// The source of a built-in template, as kept in the repository.
fn source(name: &str) -> String {
    read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .join(format!("{name}.md.tera")),
    )
}

fn unknown_name() -> String {
    format!(
        "error: invalid value 'nope' for '<NAME>': expected {}\n",
        one_of_the_templates()
    )
}

// ---------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------

#[test]
fn list_shows_each_built_in_with_a_description() {
    let tmp = tmp();
    let stdout = stdout_of(pm(&tmp).args(["templates", "list"]));
    let lines: Vec<&str> = stdout.lines().collect();
    let templates = templates();
    assert_eq!(lines.len(), templates.len(), "{stdout}");
    assert!(templates.starts_with(&["standard".to_owned()]), "{stdout}");
    let width = templates.iter().map(String::len).max().unwrap_or(0);
    for (line, name) in lines.iter().zip(&templates) {
        let prefix = format!("{name:<width$}  built-in  ");
        assert!(
            line.starts_with(&prefix),
            "expected a line starting {prefix:?}, got {line:?}"
        );
        assert!(
            !line[prefix.len()..].trim().is_empty(),
            "{name} has no description: {line:?}"
        );
    }
    assert!(stdout.ends_with('\n'));
    assert_eq!(paths(tmp.path()), Vec::<String>::new());
}

#[test]
fn list_keeps_its_columns_with_team_templates() {
    let tmp = tmp();
    common::lint::write(
        &tmp,
        ".pm/templates/review.md.tera",
        "{# Quarterly review #}\n# x\n",
    );
    let stdout = stdout_of(pm(&tmp).args(["templates", "list"]));
    let starts: Vec<Option<usize>> = stdout
        .lines()
        .map(|line| line.find("built-in").or_else(|| line.find("team (")))
        .collect();
    assert!(starts.iter().all(|s| *s == Some(11)), "{stdout}");
    assert!(
        stdout.ends_with("\nreview     team (.pm/templates/review.md.tera)  Quarterly review\n"),
        "{stdout}"
    );
    // Every description starts in the column after the longest origin.
    let column = "review     team (.pm/templates/review.md.tera)  ".len();
    for line in stdout.lines() {
        let before = line.get(..column).unwrap_or_default();
        let next = line[column..].chars().next();
        assert!(
            before.ends_with("  ") && next.is_some_and(|c| c != ' '),
            "{stdout}"
        );
    }
}

#[test]
fn list_takes_no_arguments() {
    let tmp = tmp();
    pm(&tmp)
        .args(["templates", "list", "sre"])
        .assert()
        .code(2)
        .stdout("");
}

// ---------------------------------------------------------------------------
// show
// ---------------------------------------------------------------------------

#[test]
fn show_prints_each_template_source() {
    for name in &templates() {
        let tmp = tmp();
        pm(&tmp)
            .args(["templates", "show", name])
            .assert()
            .success()
            .stdout(source(name))
            .stderr("");
        assert_eq!(paths(tmp.path()), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn show_sre_prints_the_sre_template() {
    let tmp = tmp();
    let shown = stdout_of(pm(&tmp).args(["templates", "show", "sre"]));
    assert!(
        shown.starts_with("{% include \"partials/front_matter.md.tera\" %}\n"),
        "{shown}"
    );
    assert!(
        shown.contains("\n# Post-Mortem Report: {{ title or \"[Incident Title]\" }}\n"),
        "{shown}"
    );
}

#[test]
fn show_an_unknown_name_exits_2_naming_the_valid_ones() {
    let tmp = tmp();
    pm(&tmp)
        .args(["templates", "show", "nope"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(unknown_name());
}

// ---------------------------------------------------------------------------
// eject
// ---------------------------------------------------------------------------

#[test]
fn eject_writes_a_copy_identical_to_show_and_prints_its_path() {
    for name in &templates() {
        let tmp = tmp();
        let shown = stdout_of(pm(&tmp).args(["templates", "show", name]));
        pm(&tmp)
            .args(["templates", "eject", name, "--to", "team/templates"])
            .assert()
            .success()
            .stdout(format!("team/templates/{name}.md.tera\n"))
            .stderr("");
        let file = format!("team/templates/{name}.md.tera");
        assert_eq!(paths(tmp.path()), ["team", "team/templates", file.as_str()]);
        assert_eq!(read(tmp.path().join(&file)), shown, "{name}");
    }
}

#[test]
fn eject_defaults_to_dot_pm_templates() {
    let tmp = tmp();
    pm(&tmp)
        .args(["templates", "eject", "sre"])
        .assert()
        .success()
        .stdout(".pm/templates/sre.md.tera\n")
        .stderr("");
    assert_eq!(
        paths(tmp.path()),
        [".pm", ".pm/templates", ".pm/templates/sre.md.tera"]
    );
    assert_eq!(
        read(tmp.path().join(".pm/templates/sre.md.tera")),
        source("sre")
    );
}

#[test]
fn a_second_eject_exits_2_and_leaves_the_file_unchanged() {
    let tmp = tmp();
    pm(&tmp)
        .args(["templates", "eject", "sre", "--to", "t"])
        .assert()
        .success()
        .stdout("t/sre.md.tera\n");
    // Stand in for the team's edits, so a rewrite would show.
    let path = tmp.path().join("t/sre.md.tera");
    std::fs::write(&path, "our own template\n").unwrap();
    let before = snapshot(tmp.path());

    pm(&tmp)
        .args(["templates", "eject", "sre", "--to", "t"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: t/sre.md.tera already exists; pass --force to replace it\n");

    assert_eq!(read(&path), "our own template\n");
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn eject_force_replaces_the_file() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join("t")).unwrap();
    std::fs::write(tmp.path().join("t/sre.md.tera"), "our own template\n").unwrap();
    pm(&tmp)
        .args(["templates", "eject", "sre", "--to", "t", "--force"])
        .assert()
        .success()
        .stdout("t/sre.md.tera\n")
        .stderr("");
    assert_eq!(read(tmp.path().join("t/sre.md.tera")), source("sre"));
    assert_eq!(paths(tmp.path()), ["t", "t/sre.md.tera"]);
}

#[test]
fn eject_an_unknown_name_exits_2_and_writes_nothing() {
    let tmp = tmp();
    pm(&tmp)
        .args(["templates", "eject", "nope", "--to", "t"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(unknown_name());
    assert_eq!(paths(tmp.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn eject_below_a_regular_file_exits_2_and_writes_nothing() {
    let tmp = tmp();
    std::fs::write(tmp.path().join("afile"), "a regular file\n").unwrap();
    let before = snapshot(tmp.path());
    pm(&tmp)
        .args(["templates", "eject", "sre", "--to", "afile/sub"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: afile/sub: afile is a file, not a directory\n");
    assert_eq!(snapshot(tmp.path()), before);
}

/// An ejected template should get the permissions any new file gets (the
/// umask applies), like the one `File::create` makes next to it.
#[cfg(unix)]
#[test]

fn the_ejected_file_gets_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tmp();
    pm(&tmp)
        .args(["templates", "eject", "sre", "--to", "t"])
        .assert()
        .success()
        .stdout("t/sre.md.tera\n");
    let reference = tmp.path().join("t/reference");
    std::fs::File::create(&reference).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        format!("{:o}", mode(&tmp.path().join("t/sre.md.tera"))),
        format!("{:o}", mode(&reference))
    );
}
