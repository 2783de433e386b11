//! Bad input never breaks pm: one case each, through the real binary. Every
//! case checks that pm does not panic (exit 70 is its internal-error code;
//! 101 would be a raw Rust panic), finishes in bounded time, names the file
//! (and line, where there is one), exits with the documented code, and still
//! lints the other files of the same run.

mod common;

use common::lint as support;

use std::time::{Duration, Instant};

use support::{CLEAN, Run, lint, mkdir, tmp, with_id, write};

/// Runs `pm lint --format concise <paths>` beside a clean file `ok.md`, with
/// a time limit, and checks the common promises.
fn lint_beside_a_clean_file(tmp: &tempfile::TempDir, paths: &[&str]) -> Run {
    write(tmp, "ok.md", with_id(CLEAN, 1));
    let mut args: Vec<&str> = paths.to_vec();
    args.push("ok.md");
    let started = Instant::now();
    let run = lint(tmp, &args);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
    assert!(![70, 101].contains(&run.code), "pm crashed: {run:?}");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // The clean file was linted: the summary counts it with the others.
    let files = 1 + paths.iter().filter(|p| tmp.path().join(p).exists()).count();
    let files_word = if files == 1 { "file" } else { "files" };
    assert!(
        run.stderr
            .contains(&format!("of {files} {files_word} checked"))
            || run
                .stderr
                .contains(&format!("Checked {files} {files_word}")),
        "{}",
        run.stderr
    );
    run
}

#[test]
fn invalid_utf8_is_a_finding_with_its_line() {
    let tmp = tmp();
    write(&tmp, "latin1.md", b"---\ntitle: caf\xe9\n---\n");
    let run = lint_beside_a_clean_file(&tmp, &["latin1.md"]);
    assert_eq!(
        run.stdout,
        "latin1.md:2:1: PM000 [error] not valid UTF-8 (first invalid byte at offset 14, line 2); save it as UTF-8\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn utf16_files_are_named_utf16_with_the_way_to_convert_them() {
    let tmp = tmp();
    let utf16 = |big_endian: bool, bom: bool| {
        let mut bytes: Vec<u8> = Vec::new();
        if bom {
            bytes.extend(if big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            });
        }
        for unit in "---\ntitle: x\n---\n".encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    };
    write(&tmp, "le.md", utf16(false, true));
    write(&tmp, "be.md", utf16(true, true));
    write(&tmp, "nobom.md", utf16(false, false));
    let run = lint_beside_a_clean_file(&tmp, &["be.md", "le.md", "nobom.md"]);
    let message = "PM000 [error] UTF-16 text, not UTF-8; convert it, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`";
    assert_eq!(
        run.stdout,
        format!("be.md:1:1: {message}\nle.md:1:1: {message}\nnobom.md:1:1: {message}\n")
    );
}

#[test]
fn classic_mac_line_endings_are_line_endings() {
    let tmp = tmp();
    // A lone CR ends a line, as in CommonMark: the front matter closes and
    // the sections are found, at their lines.
    write(&tmp, "mac.md", CLEAN.replace('\n', "\r"));
    let run = lint_beside_a_clean_file(&tmp, &["mac.md"]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 0);
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_read_as_usual() {
    let tmp = tmp();
    let crlf = CLEAN.replace('\n', "\r\n");
    write(&tmp, "bom.md", format!("\u{feff}{crlf}"));
    let run = lint_beside_a_clean_file(&tmp, &["bom.md"]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 0);
}

#[test]
fn an_empty_file_is_reported_as_missing_its_front_matter() {
    let tmp = tmp();
    write(&tmp, "empty.md", b"");
    let run = lint_beside_a_clean_file(&tmp, &["empty.md"]);
    assert!(
        run.stdout.starts_with("empty.md:1:1: PM001 [error] no front matter: the file does not start with a `---` block\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_binary_file_named_md_is_a_finding() {
    let tmp = tmp();
    write(&tmp, "logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let run = lint_beside_a_clean_file(&tmp, &["logo.md"]);
    assert_eq!(
        run.stdout,
        "logo.md:1:1: PM000 [error] binary file (it holds NUL bytes), not Markdown\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_yaml_bomb_in_front_matter_is_refused_quickly() {
    let tmp = tmp();
    let mut yaml = String::from(
        "---\ntitle: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut previous = 'a';
    for name in "bcdefghi".chars() {
        let refs = vec![format!("*{previous}"); 9].join(",");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
        previous = name;
    }
    yaml.push_str("---\n# Bomb\n");
    write(&tmp, "bomb.md", yaml);
    let run = lint_beside_a_clean_file(&tmp, &["bomb.md"]);
    let first = run.stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("bomb.md:")
            && first.contains(
                ": PM002 [error] front matter is not valid YAML: it expands beyond pm's limits"
            ),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn front_matter_opened_but_never_closed_is_named_at_line_1() {
    let tmp = tmp();
    write(&tmp, "open.md", "---\ntitle: x\n# body\n");
    let run = lint_beside_a_clean_file(&tmp, &["open.md"]);
    assert!(
        run.stdout.starts_with(
            "open.md:1:1: PM002 [error] front matter is opened here but never closed\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn front_matter_that_is_a_list_or_a_scalar_is_invalid() {
    for (name, text) in [
        ("list.md", "---\n- a\n- b\n---\n# x\n"),
        ("scalar.md", "---\njust words\n---\n# x\n"),
    ] {
        let tmp = tmp();
        write(&tmp, name, text);
        let run = lint_beside_a_clean_file(&tmp, &[name]);
        assert!(
            run.stdout.starts_with(&format!(
                "{name}:2:1: PM002 [error] front matter is not valid YAML: it must be `key: value` lines (a YAML mapping)\n"
            )),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn ten_thousand_deep_lists_and_blockquotes_do_not_overflow() {
    let tmp = tmp();
    write(&tmp, "lists.md", format!("{}deep\n", "- ".repeat(10_000)));
    write(&tmp, "quotes.md", format!("{} deep\n", ">".repeat(10_000)));
    let indented: String = (0..2_000)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    write(&tmp, "indented.md", indented);
    let run = lint_beside_a_clean_file(&tmp, &["lists.md", "quotes.md", "indented.md"]);
    assert!(run.stdout.contains("lists.md:1:1: PM001"), "{}", run.stdout);
    assert!(
        run.stdout.contains("quotes.md:1:1: PM001"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_a_finding() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tmp();
    write(&tmp, "secret.md", CLEAN);
    let path = tmp.path().join("secret.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running as root, which reads any file");
        return;
    }
    let run = lint_beside_a_clean_file(&tmp, &["secret.md"]);
    assert_eq!(
        run.stdout,
        "secret.md:1:1: PM000 [error] Permission denied (os error 13)\n"
    );
    assert_eq!(run.code, 1);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_folder_does_not_hang() {
    let tmp = tmp();
    mkdir(&tmp, "docs/sub");
    write(&tmp, "docs/a.md", CLEAN);
    std::os::unix::fs::symlink("..", tmp.path().join("docs/sub/loop")).unwrap();
    std::os::unix::fs::symlink("self", tmp.path().join("docs/self")).unwrap();
    let started = Instant::now();
    let run = lint(&tmp, &["docs"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(![70, 101].contains(&run.code), "{run:?}");
    // The real file is linted once; the loops are reported, not followed.
    assert!(
        run.stdout
            .contains("docs/sub/loop:1:1: PM000 [error] symbolic link loop back to"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("docs/self:1:1: PM000"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("docs/a.md"), "{}", run.stdout);
    assert_eq!(run.code, 1);
}

#[test]
fn a_path_that_does_not_exist_exits_2_and_the_others_are_linted() {
    let tmp = tmp();
    let run = lint_beside_a_clean_file(&tmp, &["nope.md"]);
    assert!(
        run.stderr
            .starts_with("error: nope.md: no such file or directory\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 2);
}

#[test]
fn a_directory_where_a_file_is_expected_is_a_clear_error() {
    let tmp = tmp();
    mkdir(&tmp, "somedir");
    write(&tmp, "docs/postmortems/a.md", CLEAN);
    for (args, message) in [
        (
            &["index", "--write", "somedir", "docs/postmortems"][..],
            "error: somedir: a folder, not a regular file; pm reads only regular files\n",
        ),
        (
            &["new", "--no-input", "--title", "x", "--output", "somedir"][..],
            "error: somedir: is a directory; give a file path\n",
        ),
        (
            &["--config", "somedir", "config"][..],
            "error: somedir: a folder, not a regular file; pm reads only regular files\n",
        ),
        (
            &["lint", "--output-file", "somedir", "docs/postmortems"][..],
            "error: somedir: is a directory; give a file path\n",
        ),
    ] {
        let run = support::run(support::pm(&tmp).args(args));
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.ends_with(message), "{args:?}: {}", run.stderr);
        assert!(
            std::fs::read_dir(tmp.path().join("somedir"))
                .unwrap()
                .next()
                .is_none()
        );
    }
}

#[test]
fn a_panic_is_reported_with_the_file_and_exit_code_70() {
    // Debug builds panic on request; release builds have no such switch.
    let tmp = tmp();
    write(&tmp, "boom.md", CLEAN);
    let run = support::run(
        support::pm(&tmp)
            .args(["lint", "boom.md"])
            .env("PM_DEBUG_PANIC_ON", "boom.md"),
    );
    assert_eq!(run.code, 70, "{run:?}");
    assert!(run.stderr.starts_with("error: pm "), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "hit an internal error (a bug in pm, not in your files)\n  while processing: boom.md\n"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Please report it"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked at"), "{}", run.stderr);
}

#[test]
fn custom_patterns_and_long_blame_lists_stay_linear() {
    let tmp = tmp();
    // The README's own pattern, 20,000 blame phrases, and 120,000 lines that
    // each hold a code span, a custom placeholder and a blame phrase.
    let mut config = String::from("placeholders: ['<<[A-Z]+>>']\nblame_words:\n");
    for i in 0..20_000 {
        config.push_str(&format!("  - word{i} phrase\n"));
    }
    config.push_str("  - human error\n");
    write(&tmp, ".pm.yaml", config);
    let mut doc = String::from("---\ntitle: x\n---\n\n## Summary\n\n");
    for i in 0..120_000 {
        doc.push_str(&format!("- `code{i}` <<OWNER>> was human error {i}\n"));
    }
    write(&tmp, "big.md", doc);
    let run = lint_beside_a_clean_file(&tmp, &["big.md"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout
            .lines()
            .filter(|l| l.contains("PM210 [error] unfilled placeholder `<<OWNER>>`"))
            .count(),
        120_000
    );
    assert_eq!(
        run.stdout
            .lines()
            .filter(|l| l.contains("PM401 [warning] blame language: `human error`"))
            .count(),
        120_000
    );
}
