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

impl Level {
    /// `error` or `warning`: the word every output format uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
    /// The fix its findings carry, if any.
    pub fix: Option<crate::lint::fix::Offer>,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Why it matters, in a paragraph.
    pub explanation: &'static str,
    /// Markdown that triggers the rule.
    pub bad: &'static str,
    /// The same Markdown, fixed.
    pub good: &'static str,
}

/// Declares a family's rules: each one a `pub static NAME: Rule`, and
/// `RULES`, all of them in the order written, which the registry is built
/// from. A rule declared here cannot be left out of the registry.
///
/// ```ignore
/// rules! {
///     /// PM401
///     BLAME = Rule { id: "PM401", .. };
/// }
/// ```
macro_rules! rules {
    ($( $(#[$meta:meta])* $name:ident = $rule:expr; )+) => {
        $( $(#[$meta])* pub static $name: $crate::lint::Rule = $rule; )+
        /// Every rule of this family, in id order.
        pub static RULES: &[&$crate::lint::Rule] = &[$(&$name),+];
    };
}
pub(crate) use rules;
