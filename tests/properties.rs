//! Properties of the document model and the rules, on generated input: no
//! input makes them panic, every finding's span lies inside the file on
//! character boundaries, and linting is deterministic. The case count is
//! bounded (PROPTEST_CASES overrides it) so the suite stays quick.

use std::path::PathBuf;

use chrono::NaiveDate;
use pm::config::Config;
use pm::document::Document;
use pm::lint::check::Options;
use pm::lint::runner::lint_document;
use pm::lint::settings::Settings;
use proptest::prelude::*;

fn options() -> Options {
    Options {
        strict: false,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date"),
        fix: None,
    }
}

/// Lints `bytes` as a file: checks the spans and returns the findings as
/// text, or `None` when the bytes are not a document (binary, not UTF-8).
fn lint_bytes(bytes: &[u8], settings: &Settings) -> Option<Vec<String>> {
    let doc = Document::from_bytes(PathBuf::from("p.md"), bytes.to_vec()).ok()?;
    let (findings, _) = lint_document(&doc, settings, options());
    for f in &findings {
        assert!(f.span.start <= f.span.end, "{f:?}");
        assert!(
            f.span.end <= doc.text.len(),
            "{f:?} past the end ({})",
            doc.text.len()
        );
        assert!(doc.text.is_char_boundary(f.span.start), "{f:?}");
        assert!(doc.text.is_char_boundary(f.span.end), "{f:?}");
        assert!(f.start.line >= 1 && f.start.column >= 1, "{f:?}");
        assert!(f.start <= f.end, "{f:?}");
        assert!(f.start.line <= doc.lines.line_count().max(1), "{f:?}");
    }
    Some(
        findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{} {} {}",
                    f.start.line, f.start.column, f.rule.id, f.level, f.message
                )
            })
            .collect(),
    )
}

/// Lines a postmortem is made of, including broken and hostile ones.
fn markdown_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---".to_owned()),
        Just("...".to_owned()),
        "[a-z_]{1,12}: [ -~]{0,30}".prop_map(|s| s),
        Just("title: \"Outage: {{ x }}\"".to_owned()),
        Just("a: &a [*a, *a]".to_owned()),
        "#{1,7} [ -~]{0,40}",
        "[-*+] (\\[[ xX]\\] )?[ -~]{0,40}",
        "[0-9]{1,3}[.)] [ -~]{0,40}",
        " {0,12}[-*>] [ -~]{0,20}",
        "\\|( [ -~]{0,12} \\|){1,5}",
        Just("|---|---|".to_owned()),
        Just("```".to_owned()),
        Just("<!-- pm-lint-disable PM201 -->".to_owned()),
        Just("<!-- pm-lint-disable-next-line -->".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        "\\[[^\\]\\n\\x00]{0,20}\\](\\([ -~]{0,20}\\))?",
        "\\{[A-Z_]{0,10}\\}|\\$X|YYYY-MM-DD|HH:MM|TODO",
        "[0-9]{2}:[0-9]{2} [ -~]{0,20}",
        "\\PC{0,40}",
        Just(String::new()),
    ]
}

fn markdown_document() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(markdown_line(), 0..60),
        prop_oneof![Just("\n"), Just("\r\n")],
        any::<bool>(),
    )
        .prop_map(|(lines, eol, bom)| {
            let text = lines.join(eol);
            if bom { format!("\u{feff}{text}") } else { text }
        })
}

/// The built-in templates' names, and one that is none.
fn template_names() -> Vec<String> {
    let registry = pm::scaffold::registry::Registry::builtin();
    let names = registry.templates().iter().map(|t| t.name.clone());
    names.chain(["nope".to_owned()]).collect()
}

fn settings() -> Settings {
    Settings::new(&Config::default()).expect("the default settings")
}

/// A document with up to three bytes replaced, or (one time in five) random
/// bytes.
fn damaged_bytes() -> impl Strategy<Value = Vec<u8>> {
    let damaged = (
        markdown_document(),
        proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..4),
    )
        .prop_map(|(text, changes)| {
            let mut bytes = text.into_bytes();
            for (at, byte) in changes {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
            }
            bytes
        });
    prop_oneof![
        4 => damaged,
        1 => proptest::collection::vec(any::<u8>(), 0..2048),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Mostly documents with a few bytes changed (so most inputs are text
    /// and the span assertions run), some random bytes.
    #[test]
    fn changed_bytes_never_panic(bytes in damaged_bytes()) {
        let settings = settings();
        let linted = lint_bytes(&bytes, &settings);
        let text = std::str::from_utf8(&bytes).is_ok_and(|t| !t.contains('\0'));
        prop_assert!(linted.is_some() || !text, "text not linted: {:?}", String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn markdown_shaped_input_has_spans_inside_the_file_and_lints_the_same_twice(text in markdown_document()) {
        let settings = settings();
        let first = lint_bytes(text.as_bytes(), &settings);
        let second = lint_bytes(text.as_bytes(), &settings);
        prop_assert!(first.is_some());
        prop_assert_eq!(first, second);
    }

    #[test]
    fn a_template_front_matter_with_any_body_is_safe(body in markdown_document(), template in proptest::sample::select(template_names())) {
        let settings = settings();
        let text = format!("---\ntitle: T\nincident_id: INC-2026-0001\ndate: 2026-11-22\nseverity: SEV-2\nstatus: final\ntemplate: {template}\n---\n{body}");
        prop_assert!(lint_bytes(text.as_bytes(), &settings).is_some());
    }
}

/// A line around a placeholder: text of any width (wide, combining and
/// plain characters, tabs, bidirectional overrides, runs of spaces) on
/// either side.
fn snippet_line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-z]{1,8}",
        2 => Just(" ".to_owned()),
        1 => Just("      ".to_owned()),
        1 => Just("\t".to_owned()),
        1 => Just("日本語".to_owned()),
        1 => Just("e\u{301}".to_owned()),
        1 => Just("🎉".to_owned()),
        1 => Just("—".to_owned()),
        1 => Just("\u{202e}".to_owned()),
        1 => Just("👩\u{200d}💻".to_owned()),
        1 => Just("\u{ad}\u{3000}\u{a0}\u{fe0f}".to_owned()),
    ];
    let side = proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat());
    let marker = prop_oneof![
        Just("TODO"),
        Just("[Your Name]"),
        Just("YYYY-MM-DD"),
        Just("TBD")
    ];
    let mixed = (side.clone(), marker.clone(), side)
        .prop_map(|(before, marker, after)| format!("{before} {marker} {after}"));
    // Around the widths and indentations where annotate-snippets starts
    // cutting a line.
    let edges = (0usize..40, 0usize..140, marker, 0usize..20, any::<bool>()).prop_map(
        |(indent, before, marker, after, wide)| {
            let fill = if wide { "日" } else { "x" };
            format!(
                "{}{} {marker} {}",
                " ".repeat(indent),
                fill.repeat(if wide { before / 2 } else { before }),
                "y".repeat(after)
            )
        },
    );
    prop_oneof![mixed, edges]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400)
    ))]

    /// The human format draws the common snippet itself; whatever it
    /// draws is what annotate-snippets draws, plain and in colour.
    #[test]
    fn the_human_format_draws_what_annotate_snippets_draws(
        lines in proptest::collection::vec(snippet_line(), 1..4),
        line_no in 0usize..120,
        path in prop_oneof![
            Just("docs/p.md"),
            Just("docs/日本語.md"),
            Just("docs/👩\u{200d}💻.md"),
            Just("docs/a\u{202e}b.md"),
            Just("docs/a\tb.md"),
        ],
    ) {
        let doc = format!(
            "---\ntitle: T\nstatus: final\n---\n{}\n{}\n",
            "\n".repeat(line_no),
            lines.join("\n")
        );
        let document = Document::from_bytes(PathBuf::from("p.md"), doc.into_bytes())
            .expect("a document");
        let (findings, _) = lint_document(&document, &settings(), options());
        let report = pm::lint::FileReport {
            path: PathBuf::from(path),
            // Parts of long lines are drawn with their cuts marked, which
            // annotate-snippets cannot do (tests/human_output.rs shows them).
            findings: findings
                .into_iter()
                .filter(|f| f.source.first_column == 1 && !f.source.cut_end)
                .collect(),
            incident_id: None,
            fixed: None,
        };
        for color in [false, true] {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            pm::output::human::write_file(&report, color, &mut ours).expect("written");
            pm::output::human::write_file_general(&report, color, &mut theirs)
                .expect("written");
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }
}
