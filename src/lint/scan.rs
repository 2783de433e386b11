//! Finding placeholders in a run of text. Pure functions over `&str`, no
//! regex: they run on every text run of every file.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// What kind of placeholder a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `[Your Name]`: bracketed text that is not a link, task box or footnote.
    Bracket,
    /// `{TITLE}`: an upper-case name in braces.
    Brace,
    /// `YYYY-MM-DD`, `HH:MM`, `$X`: a format stand-in.
    Format,
    /// `TODO`, `TBD`, `FIXME`, `TBA`.
    Todo,
}

/// A placeholder found in a text: its byte range in that text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the scanned text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: Kind,
}

/// Format stand-ins, longest first so `HH:MM:SS` wins over `HH:MM`.
const FORMATS: &[&str] = &[
    "YYYY-MM-DD",
    "YYYY/MM/DD",
    "MM/DD/YYYY",
    "DD/MM/YYYY",
    "HH:MM:SS",
    "HH:MM",
    "YYYY",
    "$X",
];

const TODO_WORDS: &[&str] = &["TODO", "TBD", "FIXME", "TBA"];

/// Bracket contents that are prose, not placeholders.
const BRACKET_PROSE: &[&str] = &["sic", "...", "…"];

/// Every placeholder in `text`, in order. Format and TODO stand-ins inside a
/// bracket placeholder are part of it, not separate hits.
pub fn scan(text: &str) -> Vec<Hit> {
    scan_with(text, true)
}

/// [`scan`], told whether `text` may hold a format or TODO word at all
/// (see [`needle_candidates`]); when it cannot, that search is skipped.
pub fn scan_with(text: &str, may_hold_needles: bool) -> Vec<Hit> {
    let has_bracket = memchr::memchr(b'[', text.as_bytes()).is_some();
    let has_brace = memchr::memchr(b'{', text.as_bytes()).is_some();
    if !has_bracket && !has_brace && !may_hold_needles {
        return Vec::new();
    }
    let mut hits = if has_bracket {
        brackets(text)
    } else {
        Vec::new()
    };
    // Bracket hits are in order and never overlap: the one that could hold
    // a range is the last one starting at or before it.
    let bracket_ranges: Vec<Range<usize>> = hits.iter().map(|h| h.range.clone()).collect();
    let inside_bracket = |r: &Range<usize>| {
        let before = bracket_ranges.partition_point(|b| b.start <= r.start);
        before > 0 && r.end <= bracket_ranges[before - 1].end
    };
    let mut others = if has_brace { braces(text) } else { Vec::new() };
    if may_hold_needles {
        others.extend(formats_and_todos(text));
    }
    hits.extend(others.into_iter().filter(|h| !inside_bracket(&h.range)));
    hits.sort_by_key(|h| (h.range.start, h.range.end));
    hits
}

fn brackets(text: &str) -> Vec<Hit> {
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    let mut i = 0;
    while let Some(open) = text[i..].find('[').map(|o| o + i) {
        let Some(close) = text[open + 1..].find(']').map(|c| c + open + 1) else {
            break;
        };
        // An inner `[` starts the innermost pair.
        if let Some(inner) = text[open + 1..close].rfind('[') {
            i = open + 1 + inner;
            continue;
        }
        i = close + 1;
        let content = &text[open + 1..close];
        let after = &text[close + 1..];
        if is_placeholder_content(content) && !looks_like_link_syntax(after) {
            hits.push(Hit {
                range: open..close + 1,
                kind: Kind::Bracket,
            });
        }
        if i >= bytes.len() {
            break;
        }
    }
    hits
}

fn is_placeholder_content(content: &str) -> bool {
    let trimmed = content.trim();
    if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("x") {
        return false; // a task box written in text
    }
    if trimmed.starts_with('^') || trimmed.starts_with('!') {
        return false; // a footnote reference or a GitHub alert marker
    }
    if trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return false; // a numbered citation
    }
    !BRACKET_PROSE
        .iter()
        .any(|p| trimmed.eq_ignore_ascii_case(p))
}

/// `[text](…`, `[text][…` and `[ref]: https://…` are links Markdown could not
/// resolve, not placeholders.
fn looks_like_link_syntax(after: &str) -> bool {
    if after.starts_with('(') || after.starts_with('[') {
        return true;
    }
    after.strip_prefix(':').is_some_and(|rest| {
        let target = rest.trim_start();
        rest.starts_with([' ', '\t'])
            && (target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with('/')
                || target.starts_with("./")
                || target.starts_with("../")
                || target.starts_with('#'))
    })
}

fn braces(text: &str) -> Vec<Hit> {
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    for (open, _) in text.match_indices('{') {
        if open > 0 && bytes[open - 1] == b'$' {
            continue; // ${VAR}: a shell variable
        }
        let name_len = bytes[open + 1..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || **b == b'_')
            .count();
        let close = open + 1 + name_len;
        let starts_with_letter = bytes.get(open + 1).is_some_and(u8::is_ascii_uppercase);
        if name_len > 0 && starts_with_letter && bytes.get(close) == Some(&b'}') {
            hits.push(Hit {
                range: open..close + 1,
                kind: Kind::Brace,
            });
        }
    }
    hits
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where a format or TODO word may lie in `text`, which starts at file
/// offset `base`: one pass over a whole document, so that each of its text
/// runs need only be searched when it touches one of these (see
/// [`Candidates`]).
pub fn needle_candidates(text: &str, base: usize) -> Candidates {
    Candidates(
        leftmost_needles()
            .find_iter(text)
            .map(|m| base + m.start()..base + m.end())
            .collect(),
    )
}

/// One automaton for every format and TODO word: a text run is searched
/// once, whatever the number of needles. Overlapping matches are needed to
/// keep the longest of overlapping formats.
///
/// The automata here are contiguous NFAs: a DFA searches little faster
/// behind the SIMD prefilter but costs more to build than a whole one-file
/// lint (what a pre-commit hook runs).
fn needles() -> &'static AhoCorasick {
    static NEEDLES: OnceLock<AhoCorasick> = OnceLock::new();
    NEEDLES.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(FORMATS.iter().chain(TODO_WORDS))
            .unwrap_or_else(|e| unreachable!("fixed needles always build: {e}"))
    })
}

/// The same needles for the pass over a whole document. Leftmost matching
/// lets aho-corasick use its SIMD prefilter, which overlapping search cannot.
fn leftmost_needles() -> &'static AhoCorasick {
    static NEEDLES: OnceLock<AhoCorasick> = OnceLock::new();
    NEEDLES.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(FORMATS.iter().chain(TODO_WORDS))
            .unwrap_or_else(|e| unreachable!("fixed needles always build: {e}"))
    })
}

/// Where a whole-document pass found something a text run may hold, as
/// ranges in order and disjoint: a run that touches none of them need not
/// be searched on its own.
///
/// For a leftmost search this is exact: every occurrence of a needle,
/// overlapping ones included, intersects a match it reports (it reports
/// the occurrence itself or a match that starts at or before it and
/// reaches into it).
#[derive(Debug, Default)]
pub struct Candidates(Vec<Range<usize>>);

impl Candidates {
    /// Where `[` or `{` (which may open a bracket or brace placeholder)
    /// is in `text`: one SIMD pass over a whole document.
    pub fn brackets(text: &str, base: usize) -> Candidates {
        Candidates(
            memchr::memchr2_iter(b'[', b'{', text.as_bytes())
                .map(|at| base + at..base + at + 1)
                .collect(),
        )
    }

    /// Whether a match intersects `span`, in file offsets.
    pub fn touch(&self, span: Range<usize>) -> bool {
        let first = self.0.partition_point(|m| m.end <= span.start);
        self.0.get(first).is_some_and(|m| m.start < span.end)
    }
}

/// Phrases matched with ASCII case ignored, leftmost-longest. The automaton
/// holds the phrases lower-cased and searches a lower-cased copy of the text
/// (same byte offsets): aho-corasick has no SIMD prefilter for its own
/// case-insensitive mode, and without one it visits every byte.
#[derive(Debug, Clone)]
pub struct FoldedPhrases(AhoCorasick);

impl FoldedPhrases {
    /// An automaton for `phrases`; `None` when there are none.
    pub fn new(phrases: &[String]) -> Option<FoldedPhrases> {
        if phrases.is_empty() {
            return None;
        }
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(phrases.iter().map(|p| p.to_ascii_lowercase()))
            .ok()
            .map(FoldedPhrases)
    }

    /// The byte ranges of the phrases in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        let folded = text.to_ascii_lowercase();
        self.0.find_iter(&folded).map(|m| m.range()).collect()
    }

    /// [`FoldedPhrases::find`] as [`Candidates`] for the text runs of
    /// `text`, which starts at file offset `base`.
    pub fn candidates(&self, text: &str, base: usize) -> Candidates {
        Candidates(
            self.find(text)
                .into_iter()
                .map(|r| base + r.start..base + r.end)
                .collect(),
        )
    }
}

/// Format stand-ins and TODO words not glued to a word on either side; of
/// overlapping formats the longest is kept (`HH:MM:SS` over `HH:MM`).
fn formats_and_todos(text: &str) -> Vec<Hit> {
    let bytes = text.as_bytes();
    let mut found: Vec<(Range<usize>, Kind)> = needles()
        .find_overlapping_iter(text)
        .filter_map(|m| {
            let (start, end) = (m.start(), m.end());
            let glued_before =
                start > 0 && is_word_byte(bytes[start - 1]) && is_word_byte(bytes[start]);
            let glued_after = end < bytes.len() && is_word_byte(bytes[end]);
            if glued_before || glued_after {
                return None;
            }
            let kind = if m.pattern().as_usize() < FORMATS.len() {
                Kind::Format
            } else {
                Kind::Todo
            };
            Some((start..end, kind))
        })
        .collect();
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut hits: Vec<Hit> = Vec::new();
    for (range, kind) in found {
        if hits.last().is_some_and(|h| range.start < h.range.end) {
            continue;
        }
        hits.push(Hit { range, kind });
    }
    hits
}

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
];

/// Whether `label` is a numbered stand-in such as `Factor 1` or `Step 3`
/// (emphasis markers and a trailing colon ignored).
pub fn is_stand_in(label: &str) -> bool {
    // Most labels do not end with a number: answer those without trimming.
    let end = label.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '*' | '_'));
    if !end.ends_with(|c: char| c.is_ascii_digit()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        scan(text).iter().map(|h| &text[h.range.clone()]).collect()
    }

    #[test]
    fn finds_each_placeholder_style_of_the_seeds() {
        assert_eq!(found("# {TITLE}"), ["{TITLE}"]);
        assert_eq!(found("**Incident Lead:** [Your Name]"), ["[Your Name]"]);
        assert_eq!(
            found("[YYYY-MM-DD HH:MM timezone]"),
            ["[YYYY-MM-DD HH:MM timezone]"]
        );
        assert_eq!(found("| HH:MM | x |"), ["HH:MM"]);
        assert_eq!(found("due YYYY-MM-DD"), ["YYYY-MM-DD"]);
        assert_eq!(found("Revenue: $X estimated"), ["$X"]);
        assert_eq!(found("TODO: fill in; owner TBD"), ["TODO", "TBD"]);
        assert_eq!(found("[P1/P2/P3/P4]"), ["[P1/P2/P3/P4]"]);
    }

    #[test]
    fn prose_that_looks_like_a_placeholder_is_left_alone() {
        for text in [
            "at 14:02 UTC the error rate hit 12%",
            "it cost $12,400 in credits",
            "export ${HOME}/bin and ${VAR}",
            "a task box [ ] or [x] written in text",
            "see note [1] and [^2]",
            "> [!NOTE] this is an alert",
            "he wrote [sic] and [...]",
            "[text](broken url",
            "[ref]: https://example.com",
            "HH:MMM and YYYYS are words, TODOS too",
            "{lowercase} and {Mixed} are not names",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn nested_brackets_report_the_innermost_pair() {
        assert_eq!(found("[a [Name] b"), ["[Name]"]);
    }

    #[test]
    fn stand_ins_are_numbered_template_nouns() {
        for label in [
            "Factor 1",
            "Action 2:",
            "**Action 1:**",
            "Learning 3",
            "Process change 1",
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
    }

    #[test]
    fn every_run_holding_a_needle_touches_a_candidate() {
        // The leftmost pass reports `HH:MM` and `YYYY`; the overlapping
        // `MM/DD/YYYY` starting inside `HH:MM` still touches one.
        let text = "HH:MM/DD/YYYY and then prose";
        let candidates = needle_candidates(text, 0);
        assert!(candidates.touch(3..13));
        assert!(candidates.touch(12..14));
        assert!(!candidates.touch(14..28));
        assert!(!needle_candidates("no needles here", 0).touch(0..15));
        assert!(needle_candidates("x TODO", 10).touch(12..16));
    }

    #[test]
    fn folded_phrases_ignore_ascii_case_only() {
        let phrases =
            FoldedPhrases::new(&["Human Error".to_owned(), "négligé".to_owned()]).expect("phrases");
        assert_eq!(
            phrases.find("a HUMAN error, a human ERROR"),
            [2..13, 17..28]
        );
        assert_eq!(phrases.find("NéGLIGé"), vec![Range { start: 0, end: 9 }]);
        assert!(phrases.find("NÉGLIGÉ").is_empty());
        assert!(FoldedPhrases::new(&[]).is_none());
    }
}
