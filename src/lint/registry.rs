//! Every rule pm knows, in id order, and lookup by id or name.

use crate::lint::Rule;
use crate::lint::rules::{blameless, facts, front_matter, placeholders, structure};

/// A file that could not be read or decoded: reported on that file, which is
/// then skipped. Not a check and not suppressible.
pub static UNREADABLE: Rule = Rule {
    id: "PM000",
    name: "unreadable-file",
    level: crate::lint::Level::Error,
    status_aware: false,
    summary: "make the file readable UTF-8 text",
    explanation: "pm could not read the file (permissions, a broken link) or decode it \
        (not UTF-8, or binary). The other files are still linted.",
    bad: "(a file saved as Latin-1, or a PNG named notes.md)",
    good: "(the same text saved as UTF-8)",
};

/// All rules, in id order.
pub static ALL: &[&Rule] = &[
    &UNREADABLE,
    &front_matter::MISSING,
    &front_matter::INVALID,
    &front_matter::MISSING_KEY,
    &front_matter::UNKNOWN_SEVERITY,
    &front_matter::INVALID_DATE,
    &front_matter::UNKNOWN_STATUS,
    &structure::MISSING_SECTION,
    &structure::EMPTY_SECTION,
    &structure::DUPLICATE_SECTION,
    &placeholders::BRACKET,
    &placeholders::BRACE,
    &placeholders::FORMAT,
    &placeholders::STAND_IN,
    &placeholders::TODO,
    &placeholders::EMPTY_ROW,
    &placeholders::EMPTY_ITEM,
    &placeholders::TEMPLATE_TEXT,
    &placeholders::GUIDANCE_COMMENT,
    &placeholders::CUSTOM,
    &placeholders::STAND_IN_TEXT,
    &placeholders::INSTRUCTION,
    &placeholders::UNKNOWN_DIGITS,
    &facts::TIMELINE_ORDER,
    &facts::DURATION,
    &facts::TIMESTAMP_ORDER,
    &facts::ACTION_OWNER,
    &facts::ACTION_DUE,
    &facts::ACTION_OVERDUE,
    &facts::UNANSWERED_WHY,
    &facts::BROKEN_LINK,
    &facts::DUPLICATE_ID,
    &blameless::BLAME,
    &blameless::VAGUE_ACTION,
];

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
        for rule in ALL {
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
