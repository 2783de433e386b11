//! Blameless-review rules: language that points at people instead of at the
//! conditions that let a mistake happen. Warnings: they start a discussion,
//! they do not block a merge.

use crate::lint::check::Checker;
use crate::lint::{Level, Rule};

/// PM401
pub static BLAME: Rule = Rule {
    id: "PM401",
    name: "blame-language",
    level: Level::Warning,
    status_aware: false,
    summary: "describe the conditions that made the mistake possible, not who made it",
    explanation: "A blameless postmortem asks how the system let a reasonable action cause \
        harm. Phrases like \"human error\", \"should have known\" or \"careless\" end that \
        inquiry and make people hide the next incident. The phrase list is configurable \
        (`blame_words:` in .pm.yaml).",
    bad: "The outage was caused by human error: the on-call engineer should have known the flag was live.",
    good: "The flag's state was not visible in the deploy tool, so the rollback looked safe.",
};

/// Checks the body's prose for blame phrases.
pub fn check(c: &mut Checker<'_>) {
    let doc = c.doc;
    let words = &c.config.blame_words;
    if words.is_empty() {
        return;
    }
    for run in &doc.outline.texts {
        let lower = run.text.to_ascii_lowercase();
        for phrase in words {
            for (at, _) in lower.match_indices(phrase.as_str()) {
                let end = at + phrase.len();
                let bytes = lower.as_bytes();
                let word_before = at > 0 && bytes[at - 1].is_ascii_alphanumeric();
                let word_after = end < bytes.len() && bytes[end].is_ascii_alphanumeric();
                if word_before || word_after {
                    continue;
                }
                c.report(
                    &BLAME,
                    run.sub_span(at..end),
                    format!("blame language: `{}`", &run.text[at..end]),
                );
            }
        }
    }
}
