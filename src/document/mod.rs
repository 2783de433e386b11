//! The parsed postmortem: everything pm reads from a file goes through here,
//! built once per file. Rules, lists and stats read this model; none of them
//! re-parses text.

pub mod actions;
pub mod dates;
pub mod facts;
pub mod front_matter;
pub mod inferred;
pub mod lines;
pub mod outline;
pub mod phrases;
pub mod placeholders;
pub mod sections;
pub mod timeline;

use std::path::PathBuf;
use std::sync::OnceLock;

use facts::Facts;
use front_matter::{Located, State};
use lines::{LineIndex, Position};
use outline::Outline;

/// A postmortem file, parsed.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given or found.
    pub path: PathBuf,
    /// The content, without a UTF-8 byte order mark.
    pub text: String,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// The front matter, key by key.
    pub front_matter: State,
    /// What the front matter states, typed.
    pub facts: Facts,
    /// Where the Markdown body starts (after the front matter).
    pub body_start: usize,
    /// The Markdown outline of the body.
    pub outline: Outline,
    /// The action items, in document order.
    pub actions: Vec<actions::ActionItem>,
    /// The stand-ins in the body, found on first use.
    placeholders: OnceLock<Vec<placeholders::Hit>>,
    /// The timeline tables, read on first use.
    timelines: OnceLock<Vec<timeline::Timeline>>,
    /// What the text says of itself, read on first use.
    inferred: OnceLock<inferred::Inferred>,
}

/// Why a file could not become a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte: not a text file.
    Binary,
    /// UTF-16 text (a byte order mark, or NUL in every other byte).
    Utf16,
    /// Not UTF-8; the first bad byte is on `line`.
    NotUtf8 {
        /// 1-based line of the first invalid byte.
        line: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("binary file (it holds NUL bytes), not Markdown"),
            DecodeError::Utf16 => f.write_str(
                "UTF-16 text, not UTF-8; convert it, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`",
            ),
            DecodeError::NotUtf8 { line, offset } => write!(
                f,
                "not valid UTF-8 (first invalid byte at offset {offset}, line {line}); save it as UTF-8"
            ),
        }
    }
}

impl Document {
    /// Decodes and parses a file's bytes.
    pub fn from_bytes(path: PathBuf, bytes: Vec<u8>) -> Result<Document, DecodeError> {
        if is_utf16(&bytes) {
            return Err(DecodeError::Utf16);
        }
        if bytes.contains(&0) {
            return Err(DecodeError::Binary);
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document::parse(path, text)),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let bytes = err.as_bytes();
                let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
                Err(DecodeError::NotUtf8 { line, offset })
            }
        }
    }

    /// The line ending lines added to this document should use: CRLF when
    /// the file has any, else LF.
    pub fn line_ending(&self) -> &'static str {
        if self.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        }
    }

    /// Parses a file's text.
    pub fn parse(path: PathBuf, mut text: String) -> Document {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let text = lone_cr_to_lf(text);
        let body_start = match front_matter::locate(&text) {
            Located::Found(block) => block.body_start,
            Located::Absent | Located::Unclosed(_) => 0,
        };
        let front_matter = front_matter::parse(&text);
        let facts = Facts::read(&text, &front_matter);
        let outline = outline::parse(&text, body_start);
        let lines = LineIndex::new(&text);
        let actions = actions::extract(&text, &lines, &outline);
        Document {
            actions,
            path,
            text,
            lines,
            front_matter,
            facts,
            body_start,
            outline,
            placeholders: OnceLock::new(),
            timelines: OnceLock::new(),
            inferred: OnceLock::new(),
        }
    }

    /// Every placeholder, template instruction and stand-in in the body, in
    /// order; scanned once, on first use.
    pub fn placeholders(&self) -> &[placeholders::Hit] {
        self.placeholders.get_or_init(|| placeholders::scan(self))
    }

    /// The timeline tables, with each row's time; read once, on first use.
    pub fn timelines(&self) -> &[timeline::Timeline] {
        self.timelines.get_or_init(|| timeline::read(self))
    }

    /// The facts the text states outside the front matter (labelled
    /// fields, the title, the file name, the timeline), times in no stated
    /// zone taken in `default_zone` (the configured `timezone`); read on
    /// first use.
    pub fn inferred(&self, reading: inferred::Reading) -> &inferred::Inferred {
        self.inferred.get_or_init(|| inferred::read(self, reading))
    }

    /// The 1-based position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The 1-based positions of a span's start and end (an end before the
    /// start is read as the start).
    pub fn positions(&self, span: &std::ops::Range<usize>) -> (Position, Position) {
        self.lines
            .positions(&self.text, span.start, span.end.max(span.start))
    }
}

/// Whether `bytes` look like UTF-16: a byte order mark, or (without one)
/// NUL in every other byte of the first 64 pairs and in none of the others.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    // Most files have no NUL in their first two bytes: not UTF-16.
    if bytes.len() < 4 || (bytes[0] != 0 && bytes[1] != 0) {
        return false;
    }
    let pairs = || bytes.chunks_exact(2).take(64);
    let all = |side: usize, nul: bool| pairs().all(|pair| (pair[side] == 0) == nul);
    (all(1, true) && all(0, false)) || (all(0, true) && all(1, false))
}

/// `text` with each carriage return that no line feed follows (classic Mac
/// line endings) made a line feed, as CommonMark reads it: one byte for
/// one, so every offset stays.
fn lone_cr_to_lf(text: String) -> String {
    let bytes = text.as_bytes();
    let lone = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
    if !lone {
        return text;
    }
    let mut out = text.into_bytes();
    for i in 0..out.len() {
        if out[i] == b'\r' && out.get(i + 1) != Some(&b'\n') {
            out[i] = b'\n';
        }
    }
    // ASCII for ASCII: still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}
