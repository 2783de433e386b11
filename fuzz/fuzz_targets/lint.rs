//! Any bytes through the whole lint path: decoding, the document model,
//! every rule. It must not panic, and every finding must lie inside the
//! file on character boundaries.
//!
//! Run with `cargo fuzz run lint` from the repository root (see README).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pm::config::Config;
use pm::document::Document;
use pm::lint::check::Options;
use pm::lint::runner::lint_document;
use pm::lint::templates::Profiles;

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
    for finding in lint_document(&doc, config, profiles, options) {
        assert!(finding.span.start <= finding.span.end);
        assert!(finding.span.end <= doc.text.len());
        assert!(doc.text.is_char_boundary(finding.span.start));
        assert!(doc.text.is_char_boundary(finding.span.end));
    }
});
