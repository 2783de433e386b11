//! Any bytes through the whole lint path: decoding, the document model,
//! every rule, every output format. It must not panic, every finding must
//! lie inside the file on character boundaries, JSON and SARIF must parse,
//! JUnit must be well-formed XML 1.0, and the line formats must keep one
//! record per line with no control characters.
//!
//! Run with `cargo fuzz run lint` from the repository root (see README).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pm::config::Config;
use pm::document::Document;
use pm::lint::check::Options;
use pm::lint::FileReport;
use pm::lint::runner::lint_document;
use pm::lint::templates::Profiles;
use pm::output::{self, Format};

fn setup() -> &'static (Config, Profiles) {
    static SETUP: OnceLock<(Config, Profiles)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let config = Config::default();
        let profiles = Profiles::new(config.templates.clone(), &config);
        (config, profiles)
    })
}

fuzz_target!(|data: &[u8]| {
    let (config, profiles) = setup();
    let Ok(doc) = Document::from_bytes(PathBuf::from("fuzz.md"), data.to_vec()) else {
        return;
    };
    let options = Options {
        strict: data.first().is_some_and(|b| b % 2 == 0),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date"),
    };
    let (findings, _) = lint_document(&doc, config, profiles, options);
    for finding in &findings {
        assert!(finding.span.start <= finding.span.end);
        assert!(finding.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(finding.span.start));
        assert!(doc.text.is_char_boundary(finding.span.end));
    }
    let report = FileReport {
        path: PathBuf::from("fuzz.md"),
        findings,
        incident_id: None,
    };
    check_outputs(&report);
});

/// Renders `report` in every format and checks each is well-formed.
fn check_outputs(report: &FileReport) {
    let reports = std::slice::from_ref(report);
    // A note about the same (hostile) path, as a skipped file would get.
    let notes = [output::Note::about(
        &report.path,
        format!("skipping {}: not a Markdown file (.md)", report.path.display()),
    )];
    let whole = |format: Format| {
        let mut out = Vec::new();
        output::write_document(format, reports, &notes, &mut out).expect("written to memory");
        String::from_utf8(out).expect("UTF-8 output")
    };
    for format in [Format::Json, Format::Sarif] {
        let text = whole(format);
        serde_json::from_str::<serde_json::Value>(&text).expect("JSON that parses");
    }
    let junit = whole(Format::Junit);
    assert!(
        !junit
            .chars()
            .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')),
        "JUnit holds a character XML 1.0 forbids"
    );
    let mut reader = quick_xml::Reader::from_str(&junit);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element closed");
    for format in [Format::Human, Format::Concise, Format::Github] {
        let text = output::render_file(format, report, false).expect("a per-file format");
        let text = String::from_utf8(text).expect("UTF-8 output");
        assert!(
            !text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')),
            "{format:?} output holds a control character"
        );
        if format == Format::Concise {
            assert_eq!(text.lines().count(), report.findings.len());
        }
    }
}
