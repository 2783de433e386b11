//! Phrases searched for in a document's prose with ASCII case ignored:
//! blame language, and any list a rule is configured with.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::document::Document;

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

    /// The file spans of the phrases in `doc`'s prose (text outside code),
    /// as whole words. One pass over the body finds where phrases may be;
    /// only the text runs touching one are searched on their own.
    pub fn find_in(&self, doc: &Document) -> Vec<Range<usize>> {
        let base = doc.body_start;
        let marks = self.find(&doc.text[base..]);
        let touches = |span: &Range<usize>| {
            let first = marks.partition_point(|m| m.end + base <= span.start);
            marks.get(first).is_some_and(|m| m.start + base < span.end)
        };
        let mut found = Vec::new();
        for run in &doc.outline.texts {
            if run.is_exact() && !touches(&run.span) {
                continue;
            }
            let text = run.text(&doc.text);
            let bytes = text.as_bytes();
            for range in self.find(text) {
                let word_before = range.start > 0 && bytes[range.start - 1].is_ascii_alphanumeric();
                let word_after =
                    range.end < bytes.len() && bytes[range.end].is_ascii_alphanumeric();
                if !word_before && !word_after {
                    found.push(run.sub_span(range));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn whole_words_in_prose_only() {
        let phrases = FoldedPhrases::new(&["careless".to_owned()]).expect("phrases");
        let doc = Document::parse(
            "t.md".into(),
            "# T\n\nA careless push; carelessly; `careless` in code.\n".to_owned(),
        );
        let found: Vec<&str> = phrases
            .find_in(&doc)
            .into_iter()
            .map(|r| &doc.text[r])
            .collect();
        assert_eq!(found, ["careless"]);
    }
}
