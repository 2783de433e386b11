//! Every rule pm knows, in id order, and lookup by id or name.

use std::sync::LazyLock;

use crate::lint::Rule;
use crate::lint::rules::{blameless, facts, front_matter, placeholders, structure};

/// A file that could not be read or decoded: reported on that file, which is
/// then skipped. Not a check and not suppressible.
pub static UNREADABLE: Rule = Rule {
    id: "PM000",
    name: "unreadable-file",
    level: crate::lint::Level::Error,
    status_aware: false,
    fix: None,
    summary: "make the file readable UTF-8 text",
    explanation: "pm could not read the file (permissions, a broken link) or decode it \
        (not UTF-8, or binary). The other files are still linted.",
    bad: "(a file saved as Latin-1, or a PNG named notes.md)",
    good: "(the same text saved as UTF-8)",
};

/// All rules, in id order: PM000 and every family's `RULES` (declared with
/// [`rules!`](crate::lint::rule::rules), so none can be left out).
pub static ALL: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = std::iter::once(&UNREADABLE)
        .chain(front_matter::RULES.iter().copied())
        .chain(structure::RULES.iter().copied())
        .chain(placeholders::RULES.iter().copied())
        .chain(facts::RULES.iter().copied())
        .chain(blameless::RULES.iter().copied())
        .collect();
    all.sort_by_key(|rule| rule.id);
    all
});

/// Where `rule` is in [`ALL`].
pub fn index_of(rule: &Rule) -> Option<usize> {
    ALL.iter().position(|r| r.id == rule.id)
}

/// The rule with this id (any case) or name.
pub fn find(id_or_name: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.id.eq_ignore_ascii_case(id_or_name) || r.name == id_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique_and_well_formed() {
        let mut ids: Vec<_> = ALL.iter().map(|r| r.id).collect();
        let mut names: Vec<_> = ALL.iter().map(|r| r.name).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids in order: {ids:?}");
        ids.dedup();
        names.sort();
        names.dedup();
        assert_eq!(ids.len(), ALL.len());
        assert_eq!(names.len(), ALL.len());
        for rule in ALL.iter() {
            assert!(
                rule.id.starts_with("PM") && rule.id.len() == 5,
                "{}",
                rule.id
            );
            assert!(
                rule.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                rule.name
            );
            assert!(!rule.explanation.is_empty() && !rule.bad.is_empty() && !rule.good.is_empty());
        }
    }
}
