//! Fixes: the text edits a finding may carry, and applying them to a
//! document until none is left (`pm lint --fix`, `--diff`, the editor's
//! code actions).

use std::ops::Range;

use crate::document::Document;
use crate::document::lines::Position;
use crate::lint::check::Options;
use crate::lint::settings::Settings;
use crate::lint::{Finding, runner};

/// Whether a fix may be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Keeps the meaning of the text: applied by `--fix`.
    Safe,
    /// Adds or removes text a person should read: applied with
    /// `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    /// `safe` or `unsafe`, as JSON and `pm rules` write it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// What a rule's fix does, for `pm rules`.
#[derive(Debug, PartialEq, Eq)]
pub struct Offer {
    /// How safe it is; `safe_in_drafts` makes it safe only in a draft.
    pub applicability: Applicability,
    /// Safe in a draft, unsafe in a finished document.
    pub safe_in_drafts: bool,
    /// What it does, in a phrase.
    pub what: &'static str,
}

/// One replacement: the bytes of `span` (in the document's text) become
/// `text`. An empty span inserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What is replaced.
    pub span: Range<usize>,
    /// What it becomes.
    pub text: String,
}

/// The edits that fix one finding, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// What it does, in a phrase (`write it as SEV-2`).
    pub message: String,
    /// The edits, in text order, none overlapping.
    pub edits: Vec<Edit>,
    /// Where each edit starts and ends (line and column), as the checker
    /// reports it.
    pub positions: Vec<(Position, Position)>,
}

impl Fix {
    /// A fix of one edit.
    pub fn replace(
        applicability: Applicability,
        message: impl Into<String>,
        span: Range<usize>,
        text: impl Into<String>,
    ) -> Fix {
        Fix {
            positions: Vec::new(),
            applicability,
            message: message.into(),
            edits: vec![Edit {
                span,
                text: text.into(),
            }],
        }
    }

    /// Where its edits start and end.
    fn extent(&self) -> Range<usize> {
        let start = self.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.span.end).max().unwrap_or(0);
        start..end
    }
}

/// `value` in the quotes of `written` (a front matter value as the file
/// writes it), if it has any.
pub fn written_like(written: &str, value: &str) -> String {
    match written.chars().next() {
        Some(quote @ ('"' | '\'')) if written.len() > 1 && written.ends_with(quote) => {
            format!("{quote}{value}{quote}")
        }
        _ => value.to_owned(),
    }
}

/// What `--fix` or `--diff` asks of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// Which fixes.
    pub fixing: Fixing,
    /// Write the fixed files (`--fix`), or only show the diff (`--diff`).
    pub write: bool,
}

/// What fixing one file did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fixed {
    /// Fixes applied (or, with `--diff`, that would be).
    pub count: usize,
    /// With `--diff`: the unified diff of the change, if any.
    pub diff: Option<String>,
    /// Why the fixed text could not be written (the file is unchanged, and
    /// its findings are those of the text as it is).
    pub error: Option<String>,
}

/// Which fixes a run applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixing {
    /// Only the safe ones (`--fix`).
    Safe,
    /// Safe and unsafe (`--fix --unsafe-fixes`).
    All,
}

impl Fixing {
    /// Whether a fix of `applicability` is applied.
    pub fn applies(self, applicability: Applicability) -> bool {
        self == Fixing::All || applicability == Applicability::Safe
    }
}

/// The fix that writes `value` after an empty key (`duration:`, `duration:
/// ""`, `duration = ""`); none when the line holds anything else (a
/// comment, say).
pub fn fill_empty(text: &str, key: &Range<usize>, value: &str, message: &str) -> Option<Fix> {
    let line_end = text[key.end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| key.end + at);
    let rest = text.get(key.end..line_end)?;
    let after = rest.trim_start();
    let separator = after.chars().next().filter(|c| matches!(c, ':' | '='))?;
    let body = after.get(1..)?;
    // A comment after the value stays: `duration: # fill in`.
    let comment = body
        .char_indices()
        .find(|&(i, c)| c == '#' && (i == 0 || body[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i);
    let empty = body.get(..comment.unwrap_or(body.len()))?;
    if !["", "\"\"", "''", "~", "null"].contains(&empty.trim()) {
        return None;
    }
    let start = key.end + (rest.len() - after.len()) + 1;
    let mut written = if separator == '=' {
        format!(" \"{value}\"")
    } else {
        format!(" {value}")
    };
    if comment.is_some() {
        written.push(' ');
    }
    Some(Fix {
        positions: Vec::new(),
        applicability: Applicability::Safe,
        message: message.to_owned(),
        edits: vec![Edit {
            span: start..start + empty.len(),
            text: written,
        }],
    })
}

/// `text` with the fixes applied in text order; a fix whose edits would
/// overlap one already taken waits for the next round (insertions at the
/// same point go in the order given). Returns the text and how many fixes
/// were applied.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes
        .into_iter()
        .filter(|fix| {
            fix.edits.iter().all(|e| {
                e.span.start <= e.span.end
                    && e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end)
            })
        })
        .collect();
    fixes.sort_by_key(|fix| (fix.extent().start, fix.extent().end));
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut last_end: Option<usize> = None;
    for fix in fixes {
        let extent = fix.extent();
        if last_end.is_some_and(|end| extent.start < end) {
            continue;
        }
        last_end = Some(last_end.map_or(extent.end, |end| end.max(extent.end)));
        taken.extend(&fix.edits);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.text);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// At most this many rounds of lint and fix per file: a fix makes the text
/// another fix needs (a key added, then filled), so a few rounds are
/// needed; a pair of fixes that undo each other stops here.
const ROUNDS: usize = 10;

/// `doc` with every fix `fixing` allows applied, round after round, until
/// the findings carry none: the fixed document and how many fixes were
/// applied.
pub fn fix_document(
    doc: Document,
    settings: &Settings,
    options: Options,
    fixing: Fixing,
) -> (Document, usize) {
    let mut doc = doc;
    let mut total = 0;
    for _ in 0..ROUNDS {
        let (findings, _) = runner::lint_document(&doc, settings, options);
        let fixes = applicable(&findings, fixing);
        if fixes.is_empty() {
            break;
        }
        let (text, applied) = apply(&doc.text, fixes);
        if applied == 0 || text == doc.text {
            break;
        }
        total += applied;
        doc = Document::parse(doc.path.clone(), text);
    }
    (doc, total)
}

/// The fixes of `findings` that `fixing` applies.
pub fn applicable(findings: &[Finding], fixing: Fixing) -> Vec<&Fix> {
    findings
        .iter()
        .filter_map(|f| f.fix.as_deref())
        .filter(|fix| fixing.applies(fix.applicability))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(span: Range<usize>, text: &str) -> Fix {
        Fix::replace(Applicability::Safe, "x", span, text)
    }

    #[test]
    fn fixes_apply_in_order_and_overlapping_ones_wait() {
        let text = "severity: sev2\nstatus: Final\n";
        let a = fix(10..14, "SEV-2");
        let b = fix(23..28, "final");
        let overlapping = fix(12..16, "zz");
        let (out, applied) = apply(text, [&b, &overlapping, &a]);
        assert_eq!(out, "severity: SEV-2\nstatus: final\n");
        assert_eq!(applied, 2);
    }

    #[test]
    fn edits_out_of_the_text_are_not_applied() {
        let (out, applied) = apply("abc", [&fix(2..9, "x"), &fix(1..1, "é")]);
        assert_eq!((out.as_str(), applied), ("aébc", 1));
    }
}
