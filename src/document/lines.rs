//! Byte offsets to line and column numbers.

use std::ops::Range;

/// The start offset of every line of a text, for turning byte offsets into
/// 1-based line:column positions (columns count characters, not bytes).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// `(offset, characters before it)` every few KiB, at char boundaries, so
    /// a column is found without counting from the start of a huge line;
    /// made the first time a column lies that far into a line.
    checkpoints: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes between character-count checkpoints.
const CHECKPOINT: usize = 4096;

/// A 1-based position in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

impl LineIndex {
    /// Indexes `text`; LF and CRLF line endings are both understood.
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// Number of lines (a final line without a line break counts).
    pub fn line_count(&self) -> usize {
        match self.starts.last() {
            Some(&last) if last == self.len && self.starts.len() > 1 => self.starts.len() - 1,
            _ => self.starts.len(),
        }
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The byte range of 0-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(self.len);
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The 1-based position of `offset` in `text`. An offset inside a
    /// multi-byte character or past the end is clamped.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(self.len));
        // The end of a file that ends with a line break is the end of its
        // last line, not a line of its own.
        let line = self
            .line_of(offset)
            .min(self.line_count().saturating_sub(1));
        let start = self.starts.get(line).copied().unwrap_or(0);
        let offset = offset.min(self.line_range(text, line).end).max(start);
        // Within a line of ordinary length the characters before the
        // offset are counted directly; the checkpoints serve huge lines.
        let column = match text.get(start..offset) {
            Some(before) if before.len() <= CHECKPOINT => before.chars().count(),
            _ => self.chars_before(text, offset) - self.chars_before(text, start),
        } + 1;
        Position {
            line: line + 1,
            column,
        }
    }
}

impl LineIndex {
    /// The positions of offsets `start` and `end` (`start <= end`): as
    /// [`LineIndex::position`] gives them, the end counted on from the
    /// start when both are on one line (most spans).
    pub fn positions(&self, text: &str, start: usize, end: usize) -> (Position, Position) {
        let first = self.position(text, start);
        let from = floor_char_boundary(text, start.min(self.len));
        let to = floor_char_boundary(text, end.min(self.len));
        let line = self.line_range(text, first.line - 1);
        match text.get(from..to) {
            Some(between)
                if line.start <= from && to <= line.end && between.len() <= CHECKPOINT =>
            {
                let last = Position {
                    line: first.line,
                    column: first.column + between.chars().count(),
                };
                (first, last)
            }
            _ => (first, self.position(text, end)),
        }
    }

    /// How many characters precede byte `offset` (a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let checkpoints = self.checkpoints.get_or_init(|| checkpoints(text));
        let k = checkpoints.partition_point(|&(at, _)| at <= offset) - 1;
        let (at, chars) = checkpoints[k];
        chars + text.get(at..offset).map_or(0, |s| s.chars().count())
    }
}

/// The character count at every [`CHECKPOINT`] bytes of `text`.
fn checkpoints(text: &str) -> Vec<(usize, usize)> {
    let mut checkpoints = vec![(0, 0)];
    let mut chars = 0;
    let mut at = 0;
    while at + CHECKPOINT < text.len() {
        let next = floor_char_boundary(text, at + CHECKPOINT).max(at + 1);
        let next = ceil_char_boundary(text, next);
        chars += text[at..next].chars().count();
        checkpoints.push((next, chars));
        at = next;
    }
    checkpoints
}

/// The smallest char boundary of `text` at or after `offset`.
fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset.min(text.len())
}

/// The largest char boundary of `text` at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\r\ncé d\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 4), Position { line: 2, column: 1 });
        // "é" is two bytes: the "d" after it is the fourth character.
        assert_eq!(index.position(text, 8), Position { line: 2, column: 4 });
        assert_eq!(index.position(text, 10), Position { line: 3, column: 1 });
        assert_eq!(index.line_range(text, 0), 0..2);
        assert_eq!(&text[index.line_range(text, 1)], "cé d");
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn columns_on_a_long_line_match_counting() {
        let text = format!("{}é{}x", "a".repeat(10_000), "ü".repeat(5_000));
        let index = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(index.position(&text, x).column, 10_000 + 1 + 5_000 + 1);
        assert_eq!(index.position(&text, 10_000).column, 10_001);
    }

    #[test]
    fn the_positions_of_a_span_are_its_ends_positions() {
        let text = "ab\r\ncé d\n\nlast é\r\n";
        let index = LineIndex::new(text);
        for start in 0..=text.len() + 2 {
            for end in start..=text.len() + 2 {
                assert_eq!(
                    index.positions(text, start, end),
                    (index.position(text, start), index.position(text, end)),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "é\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 99), Position { line: 1, column: 2 });
        assert_eq!(index.line_count(), 1);
    }
}
