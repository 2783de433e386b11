//! The YAML front matter at the top of a postmortem: finding the block and
//! the typed fields pm writes and reads.

use serde::{Deserialize, Serialize};

/// The front matter fields pm knows, in the order `pm new` writes them.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatter {
    /// Title of the incident.
    pub title: Option<String>,
    /// Stable id, e.g. `INC-2026-0042`.
    pub incident_id: Option<String>,
    /// Day the incident started (ISO 8601).
    pub date: Option<String>,
    /// Severity from the configured scale.
    pub severity: Option<String>,
    /// Workflow status: draft, in-review or final.
    pub status: Option<String>,
    /// When the incident began (ISO 8601 timestamp).
    pub started_at: Option<String>,
    /// When it was detected.
    pub detected_at: Option<String>,
    /// When it was resolved.
    pub resolved_at: Option<String>,
    /// How long it lasted, e.g. `1h 19m`.
    pub duration: Option<String>,
    /// Incident lead.
    pub lead: Option<String>,
    /// Affected services.
    #[serde(default)]
    pub services: Vec<String>,
    /// Template the document was created from.
    pub template: Option<String>,
}

/// Where the front matter block sits in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// Byte offset of `yaml` in the file.
    pub yaml_start: usize,
    /// Byte offset of the first byte after the closing fence's line.
    pub body_start: usize,
}

/// The result of looking for front matter at the top of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located<'a> {
    /// The file does not start with a `---` line.
    Absent,
    /// A `---` line opens a block that no `---` or `...` line closes.
    Unclosed,
    /// A complete block.
    Found(Block<'a>),
}

/// Finds the front matter: a first line `---` (after an optional BOM) and the
/// next line that is `---` or `...`. Line endings may be LF or CRLF.
pub fn locate(text: &str) -> Located<'_> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineSpans::new(text, start);
    match lines.next() {
        Some((begin, end)) if text[begin..end].trim_end() == "---" => {}
        _ => return Located::Absent,
    }
    let yaml_start = lines.pos;
    for (begin, end) in lines.by_ref() {
        let line = text[begin..end].trim_end();
        if line == "---" || line == "..." {
            let body_start = end + line_break_len(&text[end..]);
            return Located::Found(Block {
                yaml: &text[yaml_start..begin],
                yaml_start,
                body_start,
            });
        }
    }
    Located::Unclosed
}

fn line_break_len(rest: &str) -> usize {
    if rest.starts_with("\r\n") {
        2
    } else if rest.starts_with('\n') {
        1
    } else {
        0
    }
}

/// Iterates over `(start, end)` byte spans of lines, without their line break.
struct LineSpans<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LineSpans<'a> {
    fn new(text: &'a str, pos: usize) -> Self {
        LineSpans { text, pos }
    }
}

impl Iterator for LineSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let begin = self.pos;
        let rest = &self.text[begin..];
        let (end, next) = match rest.find('\n') {
            Some(i) => (begin + i, begin + i + 1),
            None => (self.text.len(), self.text.len()),
        };
        let end = if end > begin && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        self.pos = next;
        Some((begin, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_block_with_lf_or_crlf() {
        for text in ["---\na: 1\n---\n# T\n", "---\r\na: 1\r\n---\r\n# T\r\n"] {
            let Located::Found(block) = locate(text) else {
                panic!("no block in {text:?}");
            };
            assert_eq!(block.yaml.trim_end(), "a: 1");
            assert!(text[block.body_start..].starts_with("# T"));
        }
    }

    #[test]
    fn skips_a_bom_and_accepts_dots_as_the_closing_fence() {
        let text = "\u{feff}---\na: 1\n...\nbody";
        let Located::Found(block) = locate(text) else {
            panic!("no block");
        };
        assert_eq!(block.yaml, "a: 1\n");
        assert_eq!(&text[block.body_start..], "body");
    }

    #[test]
    fn tells_absent_from_unclosed() {
        assert_eq!(locate("# Title\n---\n"), Located::Absent);
        assert_eq!(locate(""), Located::Absent);
        assert_eq!(locate("----\n"), Located::Absent);
        assert_eq!(locate("---\na: 1\n"), Located::Unclosed);
        assert_eq!(locate("---"), Located::Unclosed);
    }

    #[test]
    fn an_empty_block_is_found() {
        let Located::Found(block) = locate("---\n---\n") else {
            panic!("no block");
        };
        assert_eq!(block.yaml, "");
    }
}
