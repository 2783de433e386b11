//! `pm lint` and `pm rules` as commands: which files are linted, what is
//! printed where, and the exit codes (0 no errors, 1 errors, 2 could not run).

mod common;

use common::lint as support;

use support::{
    CLEAN, assert_clean, clean_with, edit, lint, lint_human, mkdir, no_problems, pm, run, tmp,
    with_id, with_status, write,
};

/// A final document with one error on line 31.
fn with_error() -> String {
    clean_with("**Incident Lead:** [Your Name]")
}

/// A draft with one warning on line 31.
fn with_warning() -> String {
    with_status(&with_error(), "draft")
}

// Finding the files

#[test]
fn folders_are_walked_for_markdown_files() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", with_error());
    write(&tmp, "docs/sub/deeper/b.md", with_id(&with_error(), 2));
    write(&tmp, "docs/c.markdown", with_id(&with_error(), 3));
    write(&tmp, "docs/d.MD", with_id(&with_error(), 4));
    write(&tmp, "docs/notes.txt", "[Your Name]\n");
    write(&tmp, "docs/e.md.bak", with_error());
    let run = lint(&tmp, &["docs"]);
    assert_eq!(
        run.stdout,
        "docs/a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n\
         docs/c.markdown:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n\
         docs/d.MD:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n\
         docs/sub/deeper/b.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 4 errors and 0 warnings in 4 of 4 files checked.\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn hidden_files_and_folders_are_skipped() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", CLEAN);
    write(&tmp, "docs/.draft.md", with_error());
    write(&tmp, "docs/.obsidian/b.md", with_error());
    assert_clean(&lint(&tmp, &["docs"]), 1);
}

/// Files in `docs/` of which `.gitignore` files exclude two.
fn ignored_layout(tmp: &tempfile::TempDir) {
    write(tmp, "docs/kept.md", with_error());
    write(tmp, "docs/skipped.md", with_error());
    write(tmp, "docs/generated/out.md", with_error());
    write(tmp, "docs/.gitignore", "skipped.md\n");
    write(tmp, ".gitignore", "docs/generated/\n");
}

#[test]
fn gitignored_files_are_skipped_outside_a_git_repository() {
    let tmp = tmp();
    ignored_layout(&tmp);
    let run = lint(&tmp, &["docs"]);
    assert_eq!(
        run.stdout,
        "docs/kept.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn gitignored_files_are_skipped_in_a_git_repository() {
    let tmp = tmp();
    ignored_layout(&tmp);
    mkdir(&tmp, ".git");
    let run = lint(&tmp, &["docs"]);
    assert_eq!(
        run.stdout,
        "docs/kept.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

/// What `pm index --write docs/postmortems/README.md` leaves in the folder.
const INDEX: &str = "<!-- pm-index:start -->\n| Date | ID |\n|---|---|\n<!-- pm-index:end -->\n";

#[test]
fn a_folders_readme_and_index_are_not_postmortems_unless_named() {
    let tmp = tmp();
    write(&tmp, "docs/postmortems/README.md", INDEX);
    write(&tmp, "docs/postmortems/sub/index.md", INDEX);
    write(&tmp, "docs/postmortems/a.md", with_error());
    let walked = lint(&tmp, &["docs"]);
    assert_eq!(
        walked.stdout,
        "docs/postmortems/a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(walked.code, 1);
    let named = lint(&tmp, &["docs/postmortems/README.md"]);
    assert_eq!(
        named.findings_of("PM001"),
        [
            "docs/postmortems/README.md:1:1: PM001 [error] no front matter: the file does not start with a `---` block"
        ]
    );
    assert_eq!(named.code, 1);
}

#[test]
fn only_postmortems_lints_the_postmortems_among_the_files_a_hook_passes() {
    let tmp = tmp();
    write(&tmp, ".pm.yaml", "only_postmortems: true\n");
    write(&tmp, "README.md", "# Team\n\nOwner: [Your Name]\n");
    write(&tmp, "docs/postmortems/README.md", INDEX);
    write(&tmp, "docs/postmortems/a.md", with_error());
    let run = lint(
        &tmp,
        &[
            "README.md",
            "docs/postmortems/README.md",
            "docs/postmortems/a.md",
        ],
    );
    assert_eq!(
        run.stdout,
        "docs/postmortems/a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn staged_outside_a_repository_is_a_clear_error() {
    let tmp = tmp();
    write(&tmp, "docs/postmortems/a.md", with_error());
    let run = run(pm(&tmp)
        .args(["lint", "--staged"])
        .env("GIT_CEILING_DIRECTORIES", tmp.path().parent().unwrap()));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with(
            "error: pm lint --staged: git rev-parse --show-cdup: fatal: not a git repository"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(run.code, 2);
}

#[test]
fn a_non_markdown_file_given_by_name_is_skipped_with_a_note() {
    let tmp = tmp();
    write(&tmp, "notes.txt", "[Your Name]\n");
    write(&tmp, "a.md", CLEAN);
    let run = lint(&tmp, &["notes.txt", "a.md"]);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "note: skipping notes.txt: not a Markdown file (.md)\nChecked 1 file: no problems found.\n"
    );
    assert_eq!(run.code, 0);
}

#[test]
fn a_missing_path_exits_2_and_the_other_paths_are_still_linted() {
    let tmp = tmp();
    write(&tmp, "a.md", with_warning());
    write(&tmp, "docs/b.md", with_id(&with_warning(), 2));
    let run = lint(&tmp, &["a.md", "nope.md", "docs"]);
    assert_eq!(
        run.stdout,
        "a.md:31:20: PM201 [warning] unfilled placeholder `[Your Name]`\n\
         docs/b.md:31:20: PM201 [warning] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "error: nope.md: no such file or directory\n\
         Found 0 errors and 2 warnings in 2 of 2 files checked; 1 path not found.\n"
    );
    assert_eq!(run.code, 2);
}

#[test]
fn a_missing_path_beside_clean_files_is_not_called_no_problems() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    let run = lint(&tmp, &["a.md", "nope.md", "gone/"]);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: nope.md: no such file or directory\n\
         error: gone/: no such file or directory\n\
         Checked 1 file; 2 paths not found.\n"
    );
    assert_eq!(run.code, 2);
}

#[test]
fn a_missing_path_exits_2_even_when_the_others_have_errors() {
    let tmp = tmp();
    write(&tmp, "a.md", with_error());
    let run = lint(&tmp, &["a.md", "missing/dir"]);
    assert_eq!(
        run.stdout,
        "a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert!(
        run.stderr
            .starts_with("error: missing/dir: no such file or directory\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 2);
}

#[test]
fn no_paths_and_no_postmortems_folder_exits_2_with_one_line() {
    let tmp = tmp();
    write(&tmp, "a.md", with_error());
    let run = lint(&tmp, &[]);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: no postmortems folder `docs/postmortems`; pass the files or folders to lint, e.g. `pm lint docs/`\n"
    );
    assert_eq!(run.code, 2);
}

#[test]
fn no_paths_lints_docs_postmortems() {
    let tmp = tmp();
    write(&tmp, "docs/postmortems/2026/a.md", with_error());
    write(&tmp, "docs/other/b.md", with_error());
    write(&tmp, "c.md", with_error());
    let run = lint(&tmp, &[]);
    assert_eq!(
        run.stdout,
        "docs/postmortems/2026/a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

#[cfg(unix)]
#[test]
fn a_broken_link_is_reported_and_the_run_goes_on() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", with_error());
    std::os::unix::fs::symlink("gone.md", tmp.path().join("docs/b.md")).expect("symlink");
    let run = lint(&tmp, &["docs/a.md", "docs/b.md"]);
    assert_eq!(
        run.stdout,
        "docs/a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n\
         docs/b.md:1:1: PM000 [error] broken symbolic link\n"
    );
    assert_eq!(run.code, 1);
}

// Exit codes and the summary

#[test]
fn the_summary_counts_files_errors_and_warnings() {
    let tmp = tmp();
    write(&tmp, "a.md", with_error());
    write(&tmp, "b.md", with_id(&with_warning(), 2));
    write(&tmp, "c.md", with_id(CLEAN, 3));
    let run = lint(&tmp, &["a.md", "b.md", "c.md"]);
    assert_eq!(
        run.stdout,
        "a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n\
         b.md:31:20: PM201 [warning] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 1 error and 1 warning in 2 of 3 files checked.\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn warnings_alone_exit_0() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        with_status(&clean_with("Lead: [Name]. Owner: [Owner]."), "draft"),
    );
    let run = lint(&tmp, &["a.md"]);
    assert_eq!(run.lines().len(), 2, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "Found 0 errors and 2 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 0);
}

#[test]
fn clean_files_exit_0_with_a_summary_only() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", CLEAN);
    write(&tmp, "docs/b.md", with_id(&with_status(CLEAN, "draft"), 2));
    let run = lint(&tmp, &["docs"]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, no_problems(2));
    assert_eq!(run.stderr, "Checked 2 files: no problems found.\n");
    assert_eq!(run.code, 0);
}

#[test]
fn an_unknown_format_exits_2() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    let out = run(pm(&tmp).args(["lint", "--format", "xml", "a.md"]));
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("error: invalid value 'xml' for '--format <FORMAT>'"),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 2);
}

// Human output

#[test]
fn human_output_shows_the_rule_the_location_the_line_a_caret_and_help() {
    let tmp = tmp();
    write(&tmp, "a.md", with_error());
    let run = lint_human(&tmp, &["a.md"]);
    assert_eq!(
        run.stdout,
        "error[PM201]: unfilled placeholder `[Your Name]`\n\
         \x20 --> a.md:31:20\n\
         \x20  |\n\
         31 | **Incident Lead:** [Your Name]\n\
         \x20  |                    ^^^^^^^^^^^\n\
         \x20  |\n\
         \x20  = help: replace the bracketed text with the real content (bracket-placeholder)\n\
         \n"
    );
    assert_eq!(
        run.stderr,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn human_output_is_the_default_and_says_warning_in_drafts() {
    let tmp = tmp();
    write(&tmp, "a.md", with_warning());
    let out = run(pm(&tmp).args(["lint", "a.md"]));
    assert!(
        out.stdout
            .starts_with("warning[PM201]: unfilled placeholder `[Your Name]`\n  --> a.md:31:20\n"),
        "{}",
        out.stdout
    );
    assert_eq!(out.code, 0);
}

#[test]
fn human_output_of_an_unreadable_file_names_the_place_without_a_snippet() {
    let tmp = tmp();
    write(&tmp, "a.md", b"PNG\x00");
    let run = lint_human(&tmp, &["a.md"]);
    assert_eq!(
        run.stdout,
        "error[PM000]: binary file (it holds NUL bytes), not Markdown\n\
         --> a.md:1:1\n\
         \x20= help: make the file readable UTF-8 text (unreadable-file)\n\
         \n"
    );
}

#[test]
fn no_colour_codes_when_stdout_is_not_a_terminal() {
    let tmp = tmp();
    write(&tmp, "a.md", with_error());
    write(&tmp, "b.md", with_warning());
    for format in ["human", "concise"] {
        // NO_COLOR unset: stdout is a pipe, so still no colour.
        let plain = run(pm(&tmp)
            .env_remove("NO_COLOR")
            .args(["lint", "--format", format, "a.md", "b.md"]));
        let no_color = run(pm(&tmp).args(["lint", "--format", format, "a.md", "b.md"]));
        for out in [&plain, &no_color] {
            assert!(!out.stdout.is_empty(), "{format}");
            assert!(!out.stdout.contains('\x1b'), "{format}: {:?}", out.stdout);
            assert!(!out.stderr.contains('\x1b'), "{format}: {:?}", out.stderr);
            assert_eq!(out.code, 1);
        }
        assert_eq!(plain, no_color, "{format}");
    }
}

// Order

#[test]
fn output_is_in_path_order_and_the_same_on_every_run() {
    let tmp = tmp();
    let mut expected = Vec::new();
    for i in 0..20 {
        // Folders and names chosen so creation order is not path order.
        let path = format!("docs/{}/f{:02}.md", ["b", "a"][i % 2], 19 - i);
        let doc = clean_with(&format!("Lead: [Name {i}]. Time: HH:MM."));
        write(&tmp, &path, with_id(&doc, i as u16));
        expected.push(path);
    }
    expected.sort();
    let first = lint(&tmp, &["docs"]);
    let second = lint(&tmp, &["docs"]);
    assert_eq!(first, second);
    assert_eq!(first.code, 1);
    assert_eq!(
        first.stderr,
        "Found 40 errors and 0 warnings in 20 of 20 files checked.\n"
    );
    let paths: Vec<&str> = first
        .lines()
        .iter()
        .map(|line| line.split(':').next().expect("a path"))
        .collect();
    let twice: Vec<&str> = expected
        .iter()
        .flat_map(|p| [p.as_str(), p.as_str()])
        .collect();
    assert_eq!(paths, twice);
    for pair in first.lines().chunks(2) {
        assert!(pair[0].contains(":31:7: PM201 [error]"), "{}", pair[0]);
        assert!(pair[1].contains(" PM203 [error] `HH:MM`"), "{}", pair[1]);
    }
    let human_first = lint_human(&tmp, &["docs"]);
    let human_second = lint_human(&tmp, &["docs"]);
    assert_eq!(human_first, human_second);
}

#[test]
fn hundreds_of_files_come_out_in_path_order_on_stdout_and_in_a_file() {
    // More files than are linted at a time: output is written as the run
    // goes, in path order (a folder's files before names that merely start
    // like it), the same as a file written with --output-file.
    let tmp = tmp();
    let mut expected = Vec::new();
    for i in 0..700 {
        let folder = ["docs/a-b", "docs/a", "docs/a/z", "docs"][i % 4];
        let path = format!("{folder}/f{:03}.md", 699 - i);
        write(&tmp, &path, with_id(&with_error(), i as u16));
        expected.push(path);
    }
    let key = |p: &String| -> Vec<u16> {
        p.bytes()
            .map(|b| if b == b'/' { 0 } else { u16::from(b) + 1 })
            .collect()
    };
    expected.sort_by_key(key);
    let out = lint(&tmp, &["docs"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "Found 700 errors and 0 warnings in 700 of 700 files checked.\n"
    );
    let paths: Vec<&str> = out
        .lines()
        .iter()
        .map(|line| line.split(':').next().expect("a path"))
        .collect();
    assert_eq!(paths, expected);
    let to_file = run(pm(&tmp).args([
        "lint",
        "--format",
        "concise",
        "--today",
        support::TODAY,
        "-o",
        "report.txt",
        "docs",
    ]));
    assert_eq!(to_file.code, 1);
    assert_eq!(to_file.stdout, "");
    let written = std::fs::read_to_string(tmp.path().join("report.txt")).expect("report.txt");
    assert_eq!(written, out.stdout);
}

#[test]
fn a_file_given_twice_is_linted_once() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", with_error());
    let run = lint(&tmp, &["docs/a.md", "docs", "docs/a.md"]);
    assert_eq!(
        run.stdout,
        "docs/a.md:31:20: PM201 [error] unfilled placeholder `[Your Name]`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 1 error and 0 warnings in 1 of 1 file checked.\n"
    );
}

// pm rules

const RULES: [(&str, &str); 35] = [
    ("PM000", "unreadable-file"),
    ("PM001", "missing-front-matter"),
    ("PM002", "invalid-front-matter"),
    ("PM003", "missing-key"),
    ("PM004", "unknown-severity"),
    ("PM005", "invalid-date"),
    ("PM006", "unknown-status"),
    ("PM101", "missing-section"),
    ("PM102", "empty-section"),
    ("PM103", "duplicate-section"),
    ("PM201", "bracket-placeholder"),
    ("PM202", "brace-placeholder"),
    ("PM203", "format-placeholder"),
    ("PM204", "numbered-stand-in"),
    ("PM205", "todo-marker"),
    ("PM206", "empty-table-row"),
    ("PM207", "empty-list-item"),
    ("PM208", "template-text"),
    ("PM209", "guidance-comment"),
    ("PM210", "custom-placeholder"),
    ("PM211", "stand-in-text"),
    ("PM212", "template-instruction"),
    ("PM213", "unknown-digits"),
    ("PM301", "timeline-order"),
    ("PM302", "duration-mismatch"),
    ("PM303", "timestamp-order"),
    ("PM304", "action-without-owner"),
    ("PM305", "action-without-due-date"),
    ("PM306", "action-overdue"),
    ("PM307", "unanswered-why"),
    ("PM308", "broken-link"),
    ("PM309", "duplicate-incident-id"),
    ("PM310", "due-after-policy"),
    ("PM401", "blame-language"),
    ("PM402", "vague-action"),
];

#[test]
fn rules_lists_every_rule_in_id_order() {
    let tmp = tmp();
    let out = run(pm(&tmp).arg("rules"));
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), RULES.len(), "{}", out.stdout);
    for (line, (id, name)) in lines.iter().zip(RULES) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(&words[..2], [id, name], "{line}");
        assert!(
            words[2] == "error" || words[2] == "warning",
            "{line}: a level"
        );
        assert!(words.len() > 3, "{line}: a summary");
    }
}

#[test]
fn rules_explains_a_rule_by_id_or_name_with_bad_and_good_examples() {
    let tmp = tmp();
    let by_id = run(pm(&tmp).args(["rules", "PM201"]));
    let by_name = run(pm(&tmp).args(["rules", "bracket-placeholder"]));
    let lower = run(pm(&tmp).args(["rules", "pm201"]));
    assert_eq!(by_id.code, 0);
    assert_eq!(by_id, by_name);
    assert_eq!(by_id, lower);
    assert!(
        by_id.stdout.starts_with(
            "PM201 bracket-placeholder\nlevel: error (a warning in drafts)\nfix: none\n\n"
        ),
        "{}",
        by_id.stdout
    );
    assert!(
        by_id.stdout.ends_with(
            "\n\nBad:\n\n    **Incident Lead:** [Your Name]\n\nGood:\n\n    **Incident Lead:** Dana Kim\n"
        ),
        "{}",
        by_id.stdout
    );
}

#[test]
fn rules_explains_every_rule() {
    let tmp = tmp();
    for (id, name) in RULES {
        let out = run(pm(&tmp).args(["rules", id]));
        assert_eq!(out.code, 0, "{id}");
        assert!(
            out.stdout.starts_with(&format!("{id} {name}\nlevel: ")),
            "{id}: {}",
            out.stdout
        );
        assert!(out.stdout.contains("\n\nBad:\n\n    "), "{id}");
        assert!(out.stdout.contains("\n\nGood:\n\n    "), "{id}");
        assert_eq!(run(pm(&tmp).args(["rules", name])), out, "{name}");
    }
}

#[test]
fn rules_with_an_unknown_rule_exits_2() {
    let tmp = tmp();
    let out = run(pm(&tmp).args(["rules", "PM999"]));
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: invalid value 'PM999' for '<RULE>': expected a rule id like PM201 or a name like bracket-placeholder (see `pm rules`)\n"
    );
    assert_eq!(out.code, 2);
}

#[test]
fn strict_turns_draft_warnings_into_errors() {
    let tmp = tmp();
    write(&tmp, "a.md", with_warning());
    let loose = lint(&tmp, &["a.md"]);
    let strict = lint(&tmp, &["--strict", "a.md"]);
    assert_eq!(loose.code, 0);
    assert_eq!(strict.code, 1);
    assert_eq!(
        strict.stdout,
        edit(&loose.stdout, "[warning]", "[error]"),
        "same findings, as errors"
    );
}

#[test]
fn a_reader_that_goes_away_does_not_turn_errors_into_a_pass() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("docs/postmortems");
    std::fs::create_dir_all(&dir).unwrap();
    // Far more output than a pipe holds, so pm is still writing when the
    // reader leaves.
    for i in 0..300 {
        std::fs::write(
            dir.join(format!("p{i:03}.md")),
            "---\ntitle: x\n---\n\n## Summary\n\nOwner: [Your Name]\n",
        )
        .unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("pm"))
        .current_dir(tmp.path())
        .args(["lint", "docs/postmortems"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout); // `| head -c 64`
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "Found 3600 errors and 0 warnings in 300 of 300 files checked.\n\
         3300 fixable with `pm lint --fix --unsafe-fixes`.\n"
    );
}
