//! The common shape of front matter read without a YAML parser: top-level
//! `key: value` lines whose values are single-line scalars or block lists of
//! them, as `pm new` writes. A YAML parser costs more than the rest of a
//! lint of such a file; this costs a pass over its bytes.
//!
//! Anything outside that shape returns `None` and the caller hands the
//! block to serde-saphyr: flow collections, anchors, tags, escapes,
//! multi-line scalars, nested mappings, words YAML reads as booleans, nulls
//! or numbers, duplicate keys, tabs, CR line ends and blocks over 64 KiB.
//! On what it accepts the result equals serde-saphyr's, spans included: a
//! property test in the parent module checks that on generated blocks.

use std::ops::Range;

use super::{Field, Item, Value};

/// Largest block read here; bigger ones meet serde-saphyr's budgets.
const MAX_LEN: usize = 64 * 1024;

/// Longest key read here (YAML limits implicit keys to 1024 characters).
const MAX_KEY: usize = 128;

/// Plain scalars YAML resolves to something other than a string (booleans
/// in YAML 1.1 spelling, null, special floats), compared ignoring ASCII case.
const NOT_STRINGS: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "infinity",
];

/// The fields of `yaml` (which starts at byte `base` of the file), or `None`
/// when the block is not in the flat shape.
pub(super) fn parse(yaml: &str, base: usize) -> Option<Vec<Field>> {
    if yaml.len() > MAX_LEN || !printable(yaml.as_bytes()) {
        return None;
    }
    let mut fields: Vec<Field> = Vec::new();
    // Keys seen so far: a set, so a block of thousands of keys stays linear.
    let mut keys: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut lines = Lines { yaml, pos: 0 }.peekable();
    while let Some((start, line)) = lines.next() {
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let key_len = key_len(line)?;
        let key = &line[..key_len];
        let after = line[key_len..].strip_prefix(':')?;
        if !(after.is_empty() || after.starts_with(' ')) || !keys.insert(key) || is_not_string(key)
        {
            return None;
        }
        let key_span = base + start..base + start + key_len;
        let text = after.trim_start_matches(' ');
        let text_start = start + key_len + 1 + (after.len() - text.len());
        let (value, value_span) = if text.is_empty() {
            list(&mut lines, base)?.unwrap_or((Value::Null, key_span.end..key_span.end))
        } else {
            let (value, span) = scalar(text)?;
            (
                value,
                base + text_start + span.start..base + text_start + span.end,
            )
        };
        fields.push(Field {
            key: key.to_owned(),
            key_span,
            value,
            value_span,
        });
    }
    Some(fields)
}

/// The block list right after a key with no value on its line: every line
/// `- scalar` with the first one's indentation. `Some(None)` when there is
/// none; `None` when a line is not in the flat shape.
fn list(
    lines: &mut std::iter::Peekable<Lines<'_>>,
    base: usize,
) -> Option<Option<(Value, Range<usize>)>> {
    let mut items = Vec::new();
    let mut span = None;
    let mut indent = None;
    while let Some(&(start, line)) = lines.peek() {
        let text = line.trim_start_matches(' ');
        let this_indent = line.len() - text.len();
        if !text.starts_with('-') || indent.is_some_and(|i| i != this_indent) {
            break;
        }
        let item = text.strip_prefix("- ")?.trim_start_matches(' ');
        let (value, value_span) = scalar(item)?;
        if span.is_none() {
            // Where serde-saphyr places a block list: at the dash when it
            // is indented, at the first item's value when it is not.
            let at = if this_indent == 0 {
                start + (line.len() - item.len()) + value_span.start
            } else {
                start + this_indent
            };
            span = Some(base + at..base + at);
        }
        indent = Some(this_indent);
        let item_start = base + start + (line.len() - item.len());
        items.push(Item {
            value,
            span: item_start + value_span.start..item_start + value_span.end,
        });
        lines.next();
    }
    Some(span.map(|span| (Value::List(items), span)))
}

/// A one-line scalar (`text` starts with its first character): a quoted
/// string without escapes, or a plain scalar that YAML reads as a string.
/// Its span within `text`, quotes included, trailing spaces not.
fn scalar(text: &str) -> Option<(Value, Range<usize>)> {
    let text = text.trim_end_matches(' ');
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            if inner.contains(quote) || inner.contains('\\') {
                return None;
            }
            return Some((Value::Str(inner.to_owned()), 0..text.len()));
        }
    }
    let first = text.chars().next()?;
    let plain = (first.is_ascii_alphanumeric() || (!first.is_ascii() && first.is_alphabetic()))
        && !text.contains(": ")
        && !text.ends_with(':')
        && !text.contains(" #");
    let string = if first.is_ascii_digit() {
        // Numbers have no spaces and no letters but these.
        text.bytes().any(|b| {
            b == b' '
                || !b.is_ascii()
                || (b.is_ascii_alphabetic() && !b"abcdefABCDEFxXoObB".contains(&b))
        })
    } else {
        !is_not_string(text)
    };
    (plain && string).then(|| (Value::Str(text.to_owned()), 0..text.len()))
}

fn is_not_string(word: &str) -> bool {
    NOT_STRINGS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The length of the `[A-Za-z_][A-Za-z0-9_-]*` key starting `line`.
fn key_len(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    if !bytes
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
    {
        return None;
    }
    let len = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
        .count();
    (len <= MAX_KEY).then_some(len)
}

/// Whether every character is one YAML allows and reads as itself here: no
/// control characters but the line feed (so no tab and no CR), no C1
/// controls, no line or paragraph separators, no byte order mark, no
/// noncharacters U+FFFE/U+FFFF.
fn printable(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let next2 = bytes.get(i + 2).copied().unwrap_or(0);
        let bad = match b {
            b'\n' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => (0x80..=0x9f).contains(&next),
            0xe2 => next == 0x80 && (next2 == 0xa8 || next2 == 0xa9),
            0xef => (next == 0xbb && next2 == 0xbf) || (next == 0xbf && next2 >= 0xbe),
            _ => false,
        };
        if bad {
            return false;
        }
        i += 1;
    }
    true
}

/// `(start, line)` for each line of a block, without its line feed.
struct Lines<'a> {
    yaml: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.yaml.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.yaml[start..];
        let len = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        self.pos = start + len + 1;
        Some((start, &rest[..len]))
    }
}
