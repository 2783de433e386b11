//! What every lint rule is: an id, a name, a level and an explanation.

use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Fails the run (exit code 1).
    Error,
    /// Reported; does not fail the run.
    Warning,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Error => "error",
            Level::Warning => "warning",
        })
    }
}

/// A lint rule's identity and documentation. The checks themselves live in
/// `rules/`, one file per family.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. `PM201`.
    pub id: &'static str,
    /// Stable kebab-case name, e.g. `bracket-placeholder`.
    pub name: &'static str,
    /// Level in a final document.
    pub level: Level,
    /// Whether the rule is only a warning in a draft.
    pub status_aware: bool,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Why it matters, in a paragraph.
    pub explanation: &'static str,
    /// Markdown that triggers the rule.
    pub bad: &'static str,
    /// The same Markdown, fixed.
    pub good: &'static str,
}
