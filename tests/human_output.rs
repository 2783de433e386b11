//! The human format's look, exactly: every shape of snippet a finding can
//! have (short and long lines, wide and combining characters, tabs, deep
//! indentation, escapes, line numbers of one to three digits, a file
//! without a snippet), plain and in colour.

mod common;

use common::lint::{Run, run, write};
use common::{TODAY, pm, tmp};

/// A postmortem whose findings sit on lines of every shape; `status` sets
/// whether they are warnings (draft) or errors (final).
fn shapes(status: &str) -> String {
    let long = format!(
        "A long line that goes on {}until a TODO near its end.",
        "and on ".repeat(20)
    );
    let very_long = format!(
        "A very long line {}and a [Your Name] in the middle {}to the end.",
        "with words ".repeat(20),
        "then more words ".repeat(12)
    );
    let lines = [
        "---",
        "title: \"Checkout outage\"",
        "date: 2026-01-10",
        "severity: SEV-2",
        &format!("status: {status}"),
        "---",
        "",
        "# Checkout outage",
        "",
        "## Summary",
        "",
        "TODO",
        "The owner is [Your Name] and\tthe tab is before [Owner].",
        "Trailing spaces after TBD   ",
        "                              Deeply indented TODO after thirty spaces.",
        "日本語のテキスト [担当者] and TODO here 🎉 wide.",
        "e\u{301} combining TODO.",
        &long,
        &very_long,
        "A line with an escape \x1b[31m TODO and a bell \x07.",
        "Right-to-left \u{202e} TODO override.",
        "A joiner 👩\u{200d}💻 before a TODO and in [Own\u{200d}er].",
        "A tab\tand a bell \x07 before TODO: the column is the file's.",
        "An ASCII line of exactly the width that fits: TODO then words words words words words words words words words words words words words words words.",
    ];
    let mut doc = lines.join("\n");
    doc.push_str(&format!("\n{}a\tb \x07 TODO c\n", "word ".repeat(60)));
    doc.push_str(&"\n".repeat(80));
    doc.push_str("Far down the file: TBD\n\nOwner: [Your Name]\n");
    doc
}

fn lint_shapes(status: &str, flags: &[&str]) -> Run {
    let tmp = tmp();
    write(&tmp, "doc.md", shapes(status));
    write(&tmp, "binary.md", b"PNG\x00");
    run(pm(&tmp)
        .args(["lint", "--today", TODAY])
        .args(flags)
        .args(["binary.md", "doc.md"]))
}

#[test]
fn human_snippets_of_every_shape_in_a_draft() {
    let run = lint_shapes("draft", &[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("shapes_draft", run.stdout);
}

#[test]
fn human_snippets_of_every_shape_in_a_final_document() {
    let run = lint_shapes("final", &[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("shapes_final", run.stdout);
}

#[test]
fn human_snippets_in_colour_with_color_always() {
    let run = lint_shapes("final", &["--color", "always"]);
    insta::assert_snapshot!("shapes_final_colour", run.stdout);
    let run = lint_shapes("draft", &["--color", "always"]);
    insta::assert_snapshot!("shapes_draft_colour", run.stdout);
}

#[test]
fn color_never_and_auto_into_a_pipe_write_no_escapes() {
    for flags in [&["--color", "never"][..], &["--color", "auto"], &[]] {
        let run = lint_shapes("final", flags);
        assert!(!run.stdout.contains("\x1b["), "{flags:?}: {}", run.stdout);
        assert_eq!(run.stdout, lint_shapes("final", &[]).stdout);
    }
}

#[test]
fn color_takes_only_auto_always_or_never() {
    let run = lint_shapes("final", &["--color", "sometimes"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: invalid value 'sometimes' for '--color <WHEN>'"),
        "{}",
        run.stderr
    );
}
