//! The rules, one file per family. Each file declares its rules' metadata
//! (`static … : Rule`) and one `check` function that reports through the
//! [`Checker`](crate::lint::check::Checker).

pub mod blameless;
pub mod facts;
pub mod front_matter;
pub mod placeholders;
pub mod structure;

use crate::lint::check::Checker;

/// Runs every family on the checker's document. Placeholder checks go last:
/// the template-text rule skips lines other rules already reported.
pub fn check_all(checker: &mut Checker<'_>) {
    front_matter::check(checker);
    structure::check(checker);
    placeholders::check(checker);
    let today = checker.today;
    facts::check(checker, today);
    blameless::check(checker);
}
