//! Stand-ins written as prose rather than in brackets: numbered stand-ins
//! (`Factor 1`, `Thing 1 happened`), filler (`Lorem ipsum …`, `details
//! here`, `(to be filled in)`), upper-case stand-ins (`# INCIDENT NAME`)
//! and the template's instructions to the writer.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::words::{self, is_in};
use crate::document::sections;

/// Numbered stand-ins the templates use: "Action 1", "Factor 2", "Step 3".
const STAND_IN_NOUNS: &[&str] = &[
    "action",
    "action item",
    "answer",
    "cause",
    "change",
    "contributing factor",
    "event",
    "factor",
    "finding",
    "gap",
    "improvement",
    "improvement area",
    "investigation step",
    "issue",
    "item",
    "learning",
    "lesson",
    "link",
    "owner",
    "person",
    "point",
    "positive aspect",
    "prevention measure",
    "process change",
    "question",
    "recommendation",
    "resolution step",
    "step",
    "takeaway",
    "task",
    "thing",
];

/// Whether `label` is a numbered stand-in such as `Factor 1` or `Step 3`
/// (emphasis markers and a trailing colon ignored).
pub fn is_stand_in(label: &str) -> bool {
    // Most labels do not end with a noun, a space and one or two digits
    // (`Factor 1`): answer those without trimming or splitting.
    let end = label
        .trim_end_matches(|c: char| c.is_ascii_whitespace() || matches!(c, ':' | '*' | '_'))
        .as_bytes();
    let digits = end.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let numbered = (1..=2).contains(&digits)
        && end.len() > digits + 1
        && end[end.len() - digits - 1] == b' '
        && end[end.len() - digits - 2].is_ascii_alphabetic();
    if !numbered {
        return false;
    }
    let label = label
        .trim()
        .trim_end_matches(':')
        .trim_matches(|c| c == '*' || c == '_')
        .trim_end_matches(':')
        .trim();
    let Some((noun, number)) = label.rsplit_once(' ') else {
        return false;
    };
    let numbered = (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    numbered
        && STAND_IN_NOUNS
            .iter()
            .any(|n| noun.trim().eq_ignore_ascii_case(n))
}

/// `Thing 1 happened`, `Event 2 occurred`: a numbered stand-in told as an
/// event, as timeline templates write them. The range covers the phrase.
pub fn stand_in_events(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for verb in [" happened", " occurred"] {
        for (at, _) in text.match_indices(verb) {
            let before = &text[..at];
            let Some(number_at) = before.rfind(' ') else {
                continue;
            };
            let noun_start = before[..number_at].rfind(' ').map_or(0, |i| i + 1);
            let noun_start = noun_start
                + before[noun_start..]
                    .find(|c: char| c.is_alphabetic())
                    .unwrap_or(0);
            let label = &text[noun_start..at];
            let ends = text[at + verb.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if ends && is_stand_in(label) {
                found.push(noun_start..at + verb.len());
            }
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

/// Filler a template writes in place of text, reported wherever it is:
/// `(to be filled in)`, `to be determined`.
const FILLER_ANYWHERE: &[&str] = &[
    "to be confirmed",
    "to be decided",
    "to be defined",
    "to be determined",
    "to be filled",
    "to be written",
];

/// Filler that ends a short line or cell, or stands in parentheses:
/// `Details here.`, `Your text goes here`, `(to be completed)`. In longer
/// prose these are ordinary words ("the fix is still to be completed by
/// the vendor").
const FILLER_AT_END: &[&str] = &[
    "content here",
    "description here",
    "details here",
    "fill in",
    "goes here",
    "info here",
    "information here",
    "notes here",
    "summary here",
    "text here",
    "to be added",
    "to be completed",
    "to be done",
];

/// Both lists in one automaton, ASCII case ignored; texts searched are
/// single runs, so the SIMD prefilter case folding costs does not matter.
fn filler_automaton() -> &'static AhoCorasick {
    static PHRASES: OnceLock<AhoCorasick> = OnceLock::new();
    PHRASES.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(FILLER_ANYWHERE.iter().chain(FILLER_AT_END))
            .unwrap_or_else(|e| unreachable!("fixed phrases always build: {e}"))
    })
}

/// Where filler phrases are in `text` (a text run), as ranges in it.
pub fn filler(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let word_before = |at: usize| at > 0 && bytes[at - 1].is_ascii_alphanumeric();
    let word_after = |end: usize| end < bytes.len() && bytes[end].is_ascii_alphanumeric();
    let mut found = Vec::new();
    for m in filler_automaton().find_iter(text) {
        let (at, end) = (m.start(), m.end());
        if word_before(at) {
            continue;
        }
        if m.pattern().as_usize() < FILLER_ANYWHERE.len() {
            // `to be filled in`, `to be filled out`: the particle is part of it.
            let end = [" in", " out"]
                .iter()
                .find(|p| {
                    text.get(end..end + p.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(p))
                        && !word_after(end + p.len())
                })
                .map_or(end, |p| end + p.len());
            if !word_after(end) {
                found.push(at..end);
            }
            continue;
        }
        if word_after(end) {
            continue;
        }
        let rest = text[end..].trim_start();
        // `(to be completed by the incident commander)`, `Details here.`;
        // not `More details here:`, which leads to what follows.
        let parenthesized = text[..at].trim_end().ends_with('(');
        let ends_line = rest.chars().all(|c| !c.is_alphanumeric())
            && !rest.starts_with(':')
            && text.split_whitespace().count() <= 6;
        if parenthesized || ends_line {
            found.push(at..end);
        }
    }
    // `Insert screenshot here.`, `Type your summary here`: a short line
    // that asks for something to be put in its place is one stand-in.
    {
        let trimmed = text.trim().trim_end_matches(['.', ':', '!']);
        let words: Vec<&str> = trimmed.split_whitespace().collect();
        let asks = words.first().is_some_and(|w| {
            [
                "insert", "paste", "attach", "add", "put", "place", "include", "type", "enter",
                "write",
            ]
            .iter()
            .any(|v| w.eq_ignore_ascii_case(v))
        });
        if asks && words.len() <= 8 && words.last().is_some_and(|w| w.eq_ignore_ascii_case("here"))
        {
            let at = text.len() - text.trim_start().len();
            found.clear();
            found.push(at..at + trimmed.len());
        }
    }
    found
}

/// How a line that describes its link begins, in lower case.
const LINK_LEADS: &[&str] = &["a link to ", "link to ", "links to ", "link(s) to "];

/// Whether `text` only says what link goes there: `A link to the Slack
/// channel or incident report.` (a filled line holds the link itself).
pub fn describes_a_link(text: &str) -> bool {
    // Asked of every run that starts with an `a` or an `l`: answer most
    // from the first bytes, before lower-casing anything.
    let trimmed = text.trim_start().as_bytes();
    let starts = LINK_LEADS.iter().any(|p| {
        trimmed
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    });
    if !starts {
        return false;
    }
    let lower = text.trim().to_ascii_lowercase();
    if lower.ends_with(':') {
        return false; // `Links to the dashboards:` and then the links
    }
    let rest = LINK_LEADS.iter().find_map(|p| lower.strip_prefix(p));
    rest.is_some_and(|rest| {
        !rest.contains("http") && !rest.contains("://") && rest.split_whitespace().count() <= 12
    })
}

/// The words of the Lorem ipsum generators; the first block also occurs in
/// English or in other words' place, so it never decides alone.
const LOREM_COMMON: &[&str] = &[
    "a", "ac", "ad", "at", "do", "est", "et", "ex", "id", "in", "magna", "non", "qui", "quis",
    "sed", "sit", "ut", "vel",
];
const LOREM: &[&str] = &[
    "adipiscing",
    "aenean",
    "aliqua",
    "aliquam",
    "aliquip",
    "amet",
    "anim",
    "arcu",
    "auctor",
    "augue",
    "blandit",
    "commodo",
    "consectetur",
    "consequat",
    "convallis",
    "cupidatat",
    "curabitur",
    "dapibus",
    "deserunt",
    "diam",
    "dolor",
    "dolore",
    "donec",
    "duis",
    "egestas",
    "eiusmod",
    "elementum",
    "elit",
    "enim",
    "erat",
    "eros",
    "esse",
    "etiam",
    "euismod",
    "excepteur",
    "exercitation",
    "facilisis",
    "faucibus",
    "felis",
    "fermentum",
    "fringilla",
    "fugiat",
    "fusce",
    "gravida",
    "incididunt",
    "ipsum",
    "irure",
    "justo",
    "labore",
    "laboris",
    "laborum",
    "lacinia",
    "lacus",
    "laoreet",
    "lectus",
    "libero",
    "ligula",
    "lorem",
    "maecenas",
    "malesuada",
    "mauris",
    "minim",
    "mollit",
    "morbi",
    "nibh",
    "nisi",
    "nisl",
    "nostrud",
    "nulla",
    "nullam",
    "nunc",
    "occaecat",
    "officia",
    "pariatur",
    "pellentesque",
    "phasellus",
    "porta",
    "porttitor",
    "praesent",
    "pretium",
    "proident",
    "pulvinar",
    "quisque",
    "reprehenderit",
    "rhoncus",
    "sapien",
    "scelerisque",
    "sollicitudin",
    "suspendisse",
    "tellus",
    "tempor",
    "tincidunt",
    "tortor",
    "turpis",
    "ullamco",
    "ultrices",
    "ultricies",
    "urna",
    "varius",
    "vehicula",
    "velit",
    "veniam",
    "vestibulum",
    "vitae",
    "vivamus",
    "voluptate",
    "vulputate",
];

/// Whether `text` is Lorem ipsum: two words at least, most of them the
/// generators' Latin, one of them a word no English text uses.
pub fn is_lorem(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 2 {
        return false;
    }
    let distinctive = words.iter().filter(|w| LOREM.contains(&w.as_str())).count();
    let common = words
        .iter()
        .filter(|w| LOREM_COMMON.contains(&w.as_str()))
        .count();
    distinctive >= 1 && (distinctive + common) * 10 >= words.len() * 7
}

/// Upper-case stand-ins in `text`: two or more upper-case words that name a
/// value (`INCIDENT NAME`, `DATE RANGE`, `SERVICE NAME`). In text that is
/// all upper case only a stand-in that is the whole text counts (`# ISSUE
/// NAME`); shouting prose is not a template.
pub fn caps_stand_ins(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut words: Vec<Range<usize>> = Vec::new();
    let flush = |words: &mut Vec<Range<usize>>, found: &mut Vec<Range<usize>>| {
        // The longest tail of the run of words that names a value.
        while words.len() >= 2 {
            let lower: Vec<String> = words
                .iter()
                .map(|r| text[r.clone()].to_lowercase())
                .collect();
            let known = lower
                .iter()
                .all(|w| is_in(words::VALUE_NOUNS, w) || is_in(words::MODIFIERS, w));
            let last_names = lower.last().is_some_and(|w| is_in(words::VALUE_NOUNS, w));
            let first_is_article =
                matches!(lower[0].as_str(), "a" | "an" | "and" | "of" | "or" | "the");
            // `ROOT CAUSE`, `INCIDENT SUMMARY`: a section's title as a label.
            let section = sections::canonical(&sections::normalize(&lower.join(" "))).is_some();
            if known && last_names && !first_is_article && !section {
                found.push(words[0].start..words[words.len() - 1].end);
                break;
            }
            words.remove(0);
        }
        words.clear();
    };
    let mut at = 0;
    for piece in text.split_inclusive(|c: char| !c.is_alphanumeric() && c != '-') {
        let word_len = piece
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .len();
        let word = &piece[..word_len];
        let caps = word.len() >= 2
            && word.chars().all(|c| c.is_ascii_uppercase() || c == '-')
            && word.chars().any(|c| c.is_ascii_uppercase());
        if caps {
            words.push(at..at + word_len);
            let sep = &piece[word_len..];
            if !sep.chars().all(|c| c == ' ') {
                flush(&mut words, &mut found);
            }
        } else if !word.is_empty() || !piece.chars().all(|c| c == ' ') {
            flush(&mut words, &mut found);
        }
        at += piece.len();
    }
    flush(&mut words, &mut found);
    let shouting = !text.chars().any(char::is_lowercase);
    if shouting {
        let whole = text.trim_matches(|c: char| !c.is_alphanumeric());
        found.retain(|r| text[r.clone()] == *whole);
    }
    found
}

/// Whether a line of text tells the writer what to write. `italic` says the
/// whole line or paragraph is emphasized (`*Explain what the on-call
/// engineer saw first*`, `_To be done pre-meeting. Give a play-by-play…_`),
/// which templates use for guidance: a writing verb or a word addressing
/// the writer is enough there. A plain bullet needs a verb that only
/// guidance uses (`describe each mitigation step in order`), since "Add an
/// alert" or "Document the failover" are ordinary action items.
pub fn is_instruction_line(text: &str, italic: bool) -> bool {
    // Most lines asked about are ordinary items: their first word answers.
    if !italic {
        let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
        if !(3..=10).contains(&letters)
            || !words::is_in_sorted(words::WRITING_VERBS, &text[..letters])
        {
            return false;
        }
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .trim_end_matches('.')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if words.len() < 3 {
        return false;
    }
    if italic {
        // `*Each item needs an owner. Link the ticket.*`: any sentence may
        // give the instruction.
        let sentence_verb = text.split(". ").skip(1).any(|sentence| {
            let letters = sentence.bytes().take_while(u8::is_ascii_alphabetic).count();
            let verb = &sentence[..letters];
            words::is_in_sorted(words::WRITING_VERBS, verb)
                || ["document", "link", "note", "record", "state"]
                    .iter()
                    .any(|v| v.eq_ignore_ascii_case(verb))
        });
        if sentence_verb {
            return true;
        }
        let to_be_done = text
            .to_ascii_lowercase()
            .trim_start_matches(['*', '_'])
            .starts_with("to be ");
        let addresses_writer = words.iter().any(|w| matches!(w.as_str(), "you" | "your"))
            && words.iter().any(|w| is_in(words::WRITING_VERBS, w));
        return to_be_done || is_in(words::WRITING_VERBS, first) || addresses_writer;
    }
    let verb = is_in(words::GUIDANCE_ONLY_VERBS, first);
    let lower_case = text.starts_with(|c: char| c.is_lowercase());
    let writing_verb = is_in(words::WRITING_VERBS, first);
    let marked = words[1..].iter().any(|w| is_in(words::WRITER_MARKERS, w));
    // A lower-case bullet that asks for text (`- list the people
    // involved`, `- note when the page went out`); not `- add retries` (an
    // action item) and not `- note: the cache was cold`.
    let asks_for_text = lower_case
        && writing_verb
        && !matches!(first.as_str(), "add" | "copy" | "fill" | "insert" | "write")
        && !text[first.len()..].starts_with(':');
    // Guidance asks about the incident or the document; a step or a lesson
    // in the imperative (`- describe the failing pod with kubectl
    // describe`, `- Explain what you are about to do`) is about the work.
    let about_the_document = words[1..].iter().any(|w| is_in(DOCUMENT_WORDS, w));
    ((verb && (lower_case || marked)) || asks_for_text) && about_the_document
}

/// Words guidance uses for what the document tells: `describe each
/// mitigation step`, `list the people involved`, `explain why the alert did
/// not fire`.
const DOCUMENT_WORDS: &[&str] = &[
    "action",
    "actions",
    "affected",
    "alert",
    "alerts",
    "cause",
    "causes",
    "customers",
    "detected",
    "detection",
    "engineer",
    "engineers",
    "e.g",
    "example",
    "happened",
    "here",
    "impact",
    "incident",
    "involved",
    "lessons",
    "mitigation",
    "noticed",
    "on-call",
    "outage",
    "people",
    "postmortem",
    "recovery",
    "resolution",
    "response",
    "root",
    "saw",
    "section",
    "step",
    "steps",
    "team",
    "timeline",
    "trigger",
    "users",
    "went",
    "when",
    "why",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_ins_are_numbered_template_nouns() {
        for label in [
            "Factor 1",
            "Action 2:",
            "**Action 1:**",
            "Learning 3",
            "Process change 1",
            "Thing 2",
        ] {
            assert!(is_stand_in(label), "{label}");
        }
        for label in [
            "Phase 1",
            "Step 12345",
            "Factor",
            "OPS-1423",
            "the 2 factors",
        ] {
            assert!(!is_stand_in(label), "{label}");
        }
        let text = "12:45 PM DATE: Thing 1 happened";
        let found = stand_in_events(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "Thing 1 happened");
        assert!(stand_in_events("Phase 2 happened at noon").is_empty());
    }

    #[test]
    fn filler_phrases() {
        let got = |t: &'static str| -> Vec<&'static str> {
            filler(t).into_iter().map(|r| &t[r]).collect()
        };
        assert_eq!(got("Impact (to be filled in)"), ["to be filled in"]);
        assert_eq!(got("Details here."), ["Details here"]);
        assert_eq!(got("Your text goes here"), ["goes here"]);
        assert!(got("Traffic from the EU region goes here first, then west.").is_empty());
        assert!(got("More details here: ").is_empty());
        assert_eq!(got("Insert screenshot here."), ["Insert screenshot here"]);
        assert_eq!(got("Owner: (fill in)"), ["fill in"]);
        assert!(got("We had to fill in the gaps from memory, which took a day.").is_empty());
        assert_eq!(
            got("Owner: (to be completed by the IC)"),
            ["to be completed"]
        );
        assert!(got("The migration is still to be completed by the vendor team.").is_empty());
    }

    #[test]
    fn a_line_that_only_describes_its_link() {
        assert!(describes_a_link(
            "A link to the Slack channel or Incident report."
        ));
        assert!(!describes_a_link(
            "links to grafana during incident window:"
        ));
        assert!(!describes_a_link("Link to https://grafana.example.com/d/1"));
        assert!(!describes_a_link("The link to the runbook was broken."));
    }

    #[test]
    fn lorem_ipsum_in_any_order() {
        for text in [
            "Sit amet, consectetur",
            "Etiam quis dapibus",
            "Curabitur vulputate felis",
        ] {
            assert!(is_lorem(text), "{text}");
        }
        for text in ["Sit in the car", "The dolor", "Ad hoc changes in prod"] {
            assert!(!is_lorem(text), "{text}");
        }
    }

    #[test]
    fn upper_case_stand_ins() {
        let got = |t: &'static str| -> Vec<&'static str> {
            caps_stand_ins(t).into_iter().map(|r| &t[r]).collect()
        };
        assert_eq!(got("ISSUE NAME"), ["ISSUE NAME"]);
        assert_eq!(
            got("Timeline (all times PST) DATE RANGE. All times approximations"),
            ["DATE RANGE"]
        );
        assert!(got("THE SERVICE NAME WAS WRONG").is_empty());
        assert!(got("We paged SRE and the DBA").is_empty());
        assert!(got("ROOT CAUSE").is_empty());
    }

    #[test]
    fn instructions_to_the_writer() {
        assert!(is_instruction_line(
            "Explain what the on-call engineer saw first",
            true
        ));
        assert!(is_instruction_line(
            "To be done pre-meeting. Give a play-by-play.",
            true
        ));
        assert!(is_instruction_line(
            "Copy these from incident.io pre-meeting",
            true
        ));
        assert!(!is_instruction_line(
            "Updated on 2026-03-02 with the vendor's report",
            true
        ));
        assert!(is_instruction_line(
            "describe each mitigation step in order",
            false
        ));
        assert!(is_instruction_line(
            "Explain what the on-call engineer saw first",
            false
        ));
        assert!(!is_instruction_line("Add an alert on pool waits", false));
        assert!(!is_instruction_line(
            "Document how to fail over the database",
            false
        ));
        assert!(!is_instruction_line(
            "Explained the new retry policy to the team",
            false
        ));
        assert!(is_instruction_line(
            "list the people involved and their roles",
            false
        ));
        assert!(!is_instruction_line(
            "describe the failing pod with kubectl describe",
            false
        ));
        assert!(!is_instruction_line(
            "Explain what you are about to do before a command",
            false
        ));
        assert!(!is_instruction_line(
            "add retries to the checkout client",
            false
        ));
        assert!(is_instruction_line(
            "Each action item needs an owner and a due date. Link the ticket.",
            true
        ));
        assert!(is_instruction_line(
            "Quantify the impact: users, requests, money",
            true
        ));
    }
}
