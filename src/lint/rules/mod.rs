//! The rules, one file per family. Each file declares its rules with
//! [`rules!`](crate::lint::rule::rules) and has one `check` function that
//! reports through the [`Checker`](crate::lint::check::Checker).

pub mod blameless;
pub mod facts;
pub mod front_matter;
pub mod placeholders;
pub mod structure;

use crate::lint::check::Checker;

/// Runs every family on the checker's document, then the template-text
/// rule (PM208), which skips the lines any other rule reported: it runs
/// after all of them, whatever their order.
pub fn check_all(checker: &mut Checker<'_>) {
    front_matter::check(checker);
    structure::check(checker);
    placeholders::check(checker);
    let today = checker.today;
    facts::check(checker, today);
    blameless::check(checker);
    placeholders::check_template_text(checker);
}
