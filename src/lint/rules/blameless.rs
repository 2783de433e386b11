//! Blameless-review rules: language that points at people instead of at the
//! conditions that let a mistake happen. Warnings: they start a discussion,
//! they do not block a merge.

use crate::config::Config;
use crate::lint::check::Checker;
use crate::lint::rule::rules;
use crate::lint::{Level, Rule};

/// Default phrases of blame language (PM401).
pub const BLAME_WORDS: &[&str] = &[
    "human error",
    "operator error",
    "user error",
    "should have known",
    "should have noticed",
    "should have caught",
    "should have been more careful",
    "careless",
    "carelessness",
    "negligence",
    "negligent",
    "sloppy",
    "incompetent",
    "their fault",
    "his fault",
    "her fault",
];

/// Default action items too vague to act on (PM402), normalized.
pub const VAGUE_ACTIONS: &[&str] = &[
    "be more careful",
    "be careful",
    "pay more attention",
    "pay attention",
    "improve monitoring",
    "better monitoring",
    "more monitoring",
    "add monitoring",
    "add more monitoring",
    "improve alerting",
    "better alerting",
    "add alerting",
    "improve testing",
    "more testing",
    "add more tests",
    "add tests",
    "improve communication",
    "better communication",
    "communicate better",
    "improve documentation",
    "update documentation",
    "update the documentation",
    "improve processes",
    "improve the process",
    "review the process",
    "investigate",
    "investigate more",
    "look into it",
    "double check",
    "double check everything",
    "retrain staff",
    "train the team",
    "fix the bug",
    "prevent this from happening again",
    "make sure this does not happen again",
    "make sure it does not happen again",
];

/// What the blameless rules read from the configuration.
#[derive(Debug, Default)]
pub struct Options {
    /// Phrases of blame language (PM401), lowercase.
    pub blame_words: Vec<String>,
    /// `blame_words` as one automaton, built on first use (never when PM401
    /// is off).
    blame: std::sync::OnceLock<Option<crate::document::phrases::FoldedPhrases>>,
    /// Action items too vague to act on (PM402), normalized.
    pub vague_actions: Vec<String>,
}

impl Options {
    /// The configuration's phrases, else the rules' own.
    pub fn new(config: &Config) -> Options {
        let blame_words = match &config.blame_words {
            Some(words) => words
                .iter()
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect(),
            None => BLAME_WORDS.iter().map(|w| (*w).to_owned()).collect(),
        };
        let vague_actions = match &config.vague_actions {
            Some(items) => items
                .iter()
                .map(|a| crate::document::sections::normalize(a))
                .filter(|a| !a.is_empty())
                .collect(),
            None => VAGUE_ACTIONS.iter().map(|a| (*a).to_owned()).collect(),
        };
        Options {
            blame_words,
            blame: std::sync::OnceLock::new(),
            vague_actions,
        }
    }

    /// The blame phrases as one automaton (leftmost-longest, ASCII case
    /// ignored); `None` when there are none.
    fn blame_matcher(&self) -> Option<&crate::document::phrases::FoldedPhrases> {
        self.blame
            .get_or_init(|| crate::document::phrases::FoldedPhrases::new(&self.blame_words))
            .as_ref()
    }
}

rules! {
    /// PM401
    BLAME = Rule {
        id: "PM401",
        name: "blame-language",
        level: Level::Warning,
        status_aware: false,
        fix: None,
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
        fix: None,
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
    let vague = &c.settings.blameless.vague_actions;
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
    let Some(matcher) = c.settings.blameless.blame_matcher() else {
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
