//! Blameless-review rules: language that points at people instead of at the
//! conditions that let a mistake happen. Warnings: they start a discussion,
//! they do not block a merge.

use crate::lint::check::Checker;
use crate::lint::rule::rules;
use crate::lint::{Level, Rule};

rules! {
    /// PM401
    BLAME = Rule {
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

    /// PM402
    VAGUE_ACTION = Rule {
        id: "PM402",
        name: "vague-action",
        level: Level::Warning,
        status_aware: false,
        summary: "say what changes, where, and how you will know it is done (a ticket helps)",
        explanation: "Action items like \"be more careful\" or \"improve monitoring\" cannot be \
            done or verified: they name no system, no change and no ticket. An item with a ticket \
            reference (OPS-1423, #812) or a concrete object is not reported. The phrase list is \
            configurable (`vague_actions:` in .pm.yaml).",
        bad: "- [ ] Improve monitoring - Owner: Dana Kim - Due: 2026-12-01",
        good: "- [ ] Page on pgbouncer client waits > 50 for 2 minutes (OPS-1423) - Owner: Dana Kim - Due: 2026-12-01",
    };
}

/// Words that add nothing to a vague action ("improve monitoring going forward").
const FILLER: &[&[&str]] = &[
    &["going", "forward"],
    &["in", "the", "future"],
    &["overall"],
    &["in", "general"],
    &["generally"],
    &["further"],
];

/// Checks the action items for vague wording.
fn check_actions(c: &mut Checker<'_>) {
    let doc = c.doc;
    let vague = &c.config.vague_actions;
    for action in &doc.actions {
        if has_ticket(&action.text) || !is_vague(&action.text, vague) {
            continue;
        }
        c.report(
            &VAGUE_ACTION,
            action.span.clone(),
            format!("action item `{}` is too vague to act on", action.text),
        );
    }
}

/// Whether `text`, normalized and without filler words, is one of the
/// `vague` phrases (normalized, words separated by single spaces).
fn is_vague(text: &str, vague: &[String]) -> bool {
    if !may_start_vague(text, vague) {
        return false;
    }
    let normalized = crate::document::sections::normalize(text);
    // Word by word, on bytes (`normalize` leaves single spaces): this runs
    // for every action item.
    let words: Vec<&str> = normalized.split_ascii_whitespace().collect();
    let mut kept = String::with_capacity(normalized.len());
    let mut i = 0;
    while i < words.len() {
        match FILLER.iter().find(|filler| words[i..].starts_with(filler)) {
            Some(filler) => i += filler.len(),
            None => {
                if !kept.is_empty() {
                    kept.push(' ');
                }
                kept.push_str(words[i]);
                i += 1;
            }
        }
    }
    vague.contains(&kept)
}

/// Whether the first word of `text` can start what [`is_vague`] compares:
/// a filler or the first word of a vague phrase. Answered on the source
/// bytes for ASCII text that starts with a word (the common case), as
/// `sections::normalize` would split it; anything else may.
fn may_start_vague(text: &str, vague: &[String]) -> bool {
    let text = text.trim_ascii();
    if !text.is_ascii() || !text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return true;
    }
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(text.len());
    let first = &text.as_bytes()[..end];
    // `IV. Fix it`: numbering that `normalize` strips.
    if first.iter().all(|b| b"IVXivx".contains(b)) {
        return true;
    }
    let starts = |phrase: &[u8]| {
        phrase.len() >= first.len()
            && phrase[..first.len()].eq_ignore_ascii_case(first)
            && phrase.get(first.len()).is_none_or(|&b| b == b' ')
    };
    FILLER.iter().any(|filler| starts(filler[0].as_bytes()))
        || vague.iter().any(|phrase| starts(phrase.as_bytes()))
}

fn has_ticket(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',' | ';' | ':'))
        .any(|word| {
            let jira = word.split_once('-').is_some_and(|(key, n)| {
                key.len() >= 2
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                    && !n.is_empty()
                    && n.bytes().all(|b| b.is_ascii_digit())
            });
            let issue = word
                .strip_prefix('#')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            jira || issue
        })
}

/// Checks the body's prose for blame phrases and the action items for vague wording.
pub fn check(c: &mut Checker<'_>) {
    if c.any_on(&[&VAGUE_ACTION]) {
        check_actions(c);
    }
    if !c.any_on(&[&BLAME]) {
        return;
    }
    let doc = c.doc;
    let Some(matcher) = c.config.blame_matcher() else {
        return;
    };
    for span in matcher.find_in(doc) {
        let found = doc.text.get(span.clone()).unwrap_or("").to_owned();
        c.report(&BLAME, span, format!("blame language: `{found}`"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_phrases_match_whole_words_with_filler_dropped() {
        let vague = [
            "improve monitoring".to_owned(),
            "be more careful".to_owned(),
        ];
        assert!(is_vague("Improve monitoring going forward.", &vague));
        assert!(is_vague("In the future, be more careful", &vague));
        assert!(is_vague("**Improve overall monitoring**", &vague));
        assert!(!is_vague("Improve monitoring of pgbouncer waits", &vague));
        assert!(!is_vague("Improve monitoring furthermore", &vague));
        assert!(!is_vague("", &vague));
    }
}
