//! The front matter at the top of a postmortem: finding the block and
//! parsing it with the position of every key and value ([`super::facts`]
//! reads the typed facts from these). pm writes YAML between `---` lines; it
//! also reads the TOML between `+++` lines that Hugo and Zola sites use.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

mod flat;

/// The language of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML between `---` lines (pm, Jekyll, mkdocs, GitHub issue templates).
    Yaml,
    /// TOML between `+++` lines (Hugo, Zola).
    Toml,
}

impl Format {
    /// The language's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }

    /// The line that opens and closes a block.
    pub fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }
}

/// Where the front matter block sits in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block<'a> {
    /// The YAML or TOML between the fences.
    pub content: &'a str,
    /// Byte offset of `content` in the file.
    pub content_start: usize,
    /// Byte offset of the first byte after the closing fence's line.
    pub body_start: usize,
    /// Its language.
    pub format: Format,
}

/// The result of looking for front matter at the top of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located<'a> {
    /// The file does not start with a `---` or `+++` line.
    Absent,
    /// A fence opens a block that no closing fence ends.
    Unclosed(Format),
    /// A complete block.
    Found(Block<'a>),
}

/// Finds the front matter: a first line `---` (after an optional BOM) and the
/// next line that is `---` or `...`, or a first line `+++` and the next
/// `+++`. Line endings may be LF or CRLF.
pub fn locate(text: &str) -> Located<'_> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineSpans::new(text, start);
    let format = match lines.next() {
        Some((begin, end)) if text[begin..end].trim_end() == "---" => Format::Yaml,
        Some((begin, end)) if text[begin..end].trim_end() == "+++" => Format::Toml,
        _ => return Located::Absent,
    };
    let content_start = lines.pos;
    for (begin, end) in lines.by_ref() {
        let line = text[begin..end].trim_end();
        let closes = line == format.fence() || (format == Format::Yaml && line == "...");
        if closes {
            let body_start = end + line_break_len(&text[end..]);
            return Located::Found(Block {
                content: &text[content_start..begin],
                content_start,
                body_start,
                format,
            });
        }
    }
    Located::Unclosed(format)
}

/// A YAML value in the front matter, kept loosely typed: rules decide what
/// they accept.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// A string, or a scalar that is read as text (dates, timestamps).
    Str(String),
    /// `true` / `false`.
    Bool(bool),
    /// An integer or a float, as written.
    Number(String),
    /// A sequence, each item with its span in the file.
    List(Vec<Item>),
    /// A nested mapping (its content is not inspected).
    Map,
}

/// One item of a [`Value::List`].
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item.
    pub value: Value,
    /// Where it is in the file.
    pub span: Range<usize>,
}

impl Value {
    /// The text of a scalar (a number or a boolean as written); `None` for
    /// null, lists and maps.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Str(s) | Value::Number(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// True for null, an empty string and an empty list.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Str(s) => s.trim().is_empty(),
            Value::List(items) => items.is_empty(),
            _ => false,
        }
    }

    /// A word for the kind of value, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Str(_) => "a string",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::List(_) => "a list",
            Value::Map => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Value>>()? {
            items.push(Item {
                value: item.value,
                // Within the YAML for now: `from_yaml` moves it into the file.
                span: yaml_span(item.referenced),
            });
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Value::Map)
    }
}

/// One top-level `key: value` of the front matter, with byte spans in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key.
    pub key: String,
    /// Where the key is.
    pub key_span: Range<usize>,
    /// The value.
    pub value: Value,
    /// Where the value is (empty, right after the key, for an empty value).
    pub value_span: Range<usize>,
}

/// The parsed front matter: every field in file order, with positions.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Span of the whole block, fences included.
    pub span: Range<usize>,
    /// The top-level fields in file order.
    pub fields: Vec<Field>,
    /// The block's language.
    pub format: Format,
}

impl Parsed {
    /// The field called `key`.
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// Why the front matter could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    /// What the YAML or TOML parser said, on one line.
    pub message: String,
    /// Where in the file the problem is.
    pub offset: usize,
    /// The block's language.
    pub format: Format,
}

/// Everything known about a file's front matter.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// The file does not start with `---` or `+++`.
    Absent,
    /// An opening fence with no closing one; `span` covers the opening line.
    Unclosed {
        /// The opening fence.
        span: Range<usize>,
        /// The language the fence opens.
        format: Format,
    },
    /// The block is not valid YAML or TOML, or not a mapping.
    Invalid(Invalid),
    /// A mapping, parsed.
    Parsed(Parsed),
}

struct Fields(Vec<(Spanned<String>, Spanned<Value>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of keys to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let value = map.next_value::<Spanned<Value>>()?;
                    fields.push((key, value));
                }
                Ok(Fields(fields))
            }
            fn visit_unit<E>(self) -> Result<Fields, E> {
                Ok(Fields(Vec::new()))
            }
            fn visit_none<E>(self) -> Result<Fields, E> {
                Ok(Fields(Vec::new()))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// Reads the front matter of `text` (a file's content without its BOM).
pub fn parse(text: &str) -> State {
    let block = match locate(text) {
        Located::Absent => return State::Absent,
        Located::Unclosed(format) => {
            let end = text.find('\n').unwrap_or(text.len());
            return State::Unclosed {
                span: 0..end,
                format,
            };
        }
        Located::Found(block) => block,
    };
    let span = 0..block.body_start;
    let format = block.format;
    if block.content.trim().is_empty() {
        return State::Parsed(Parsed {
            span,
            fields: Vec::new(),
            format,
        });
    }
    let base = block.content_start;
    if format == Format::Toml {
        return from_toml(block.content, base, span);
    }
    if let Some(fields) = flat::parse(block.content, base) {
        return State::Parsed(Parsed {
            span,
            fields,
            format,
        });
    }
    from_yaml(block.content, base, span)
}

/// Reads a TOML block: its top-level keys in file order, with spans. Dates
/// and times are kept as written; tables are [`Value::Map`].
fn from_toml(toml_text: &str, base: usize, span: Range<usize>) -> State {
    use toml::de::{DeTable, DeValue};
    let shift = |r: Range<usize>| base + r.start..base + r.end;
    let value = |v: &DeValue<'_>| toml_value(v, &shift);
    fn toml_value(v: &DeValue<'_>, shift: &impl Fn(Range<usize>) -> Range<usize>) -> Value {
        match v {
            DeValue::String(s) => Value::Str(s.to_string()),
            DeValue::Integer(i) => Value::Number(i.as_str().to_owned()),
            DeValue::Float(f) => Value::Number(f.as_str().to_owned()),
            DeValue::Boolean(b) => Value::Bool(*b),
            DeValue::Datetime(d) => Value::Str(d.to_string()),
            DeValue::Array(items) => Value::List(
                items
                    .iter()
                    .map(|i| Item {
                        value: toml_value(i.get_ref(), shift),
                        span: shift(i.span()),
                    })
                    .collect(),
            ),
            DeValue::Table(_) => Value::Map,
        }
    }
    match DeTable::parse(toml_text) {
        Ok(table) => State::Parsed(Parsed {
            span,
            fields: table
                .get_ref()
                .iter()
                .map(|(key, v)| Field {
                    key: key.get_ref().to_string(),
                    key_span: shift(key.span()),
                    value: value(v.get_ref()),
                    value_span: shift(v.span()),
                })
                .collect(),
            format: Format::Toml,
        }),
        Err(err) => State::Invalid(Invalid {
            message: err
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .trim()
                .to_owned(),
            offset: base + err.span().map_or(0, |r| r.start.min(toml_text.len())),
            format: Format::Toml,
        }),
    }
}

/// Reads a front matter block with the YAML parser.
fn from_yaml(yaml: &str, base: usize, span: Range<usize>) -> State {
    // From within the YAML to within the file.
    let place = |span: Range<usize>| {
        let start = (base + span.start).min(base + yaml.len());
        start..(base + span.end).clamp(start, base + yaml.len())
    };
    fn place_items(value: &mut Value, place: &impl Fn(Range<usize>) -> Range<usize>) {
        if let Value::List(items) = value {
            for item in items {
                item.span = place(item.span.clone());
                place_items(&mut item.value, place);
            }
        }
    }
    match serde_saphyr::from_str::<Fields>(yaml) {
        Ok(Fields(pairs)) => State::Parsed(Parsed {
            span,
            format: Format::Yaml,
            fields: pairs
                .into_iter()
                .map(|(key, mut value)| {
                    place_items(&mut value.value, &place);
                    Field {
                        key: key.value,
                        key_span: place(yaml_span(key.referenced)),
                        value: value.value,
                        value_span: place(yaml_span(value.referenced)),
                    }
                })
                .collect(),
        }),
        Err(err) => {
            // Errors carry a line and column within the YAML; byte offsets
            // are not always known.
            let offset = err.location().map_or(base, |location| {
                offset_of(yaml, location.line(), location.column()) + base
            });
            let message = crate::error::yaml_message(&err);
            State::Invalid(Invalid {
                message,
                offset,
                format: Format::Yaml,
            })
        }
    }
}

/// The bytes a parser location covers, within the YAML it read.
fn yaml_span(location: serde_saphyr::Location) -> Range<usize> {
    let span = location.span();
    let start = span.byte_offset().map_or(0, |o| o as usize);
    start..start + span.byte_len().map_or(0, |l| l as usize)
}

/// The byte offset in `text` of 1-based `line` and character `column`,
/// clamped to the text.
fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let rest = &text[line_start.min(text.len())..];
    let in_line = rest
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(rest.len(), |(i, _)| i);
    (line_start + in_line).min(text.len())
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
        let (end, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
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
    use proptest::prelude::Strategy;

    #[test]
    fn finds_a_block_with_lf_or_crlf() {
        for text in ["---\na: 1\n---\n# T\n", "---\r\na: 1\r\n---\r\n# T\r\n"] {
            let Located::Found(block) = locate(text) else {
                panic!("no block in {text:?}");
            };
            assert_eq!(block.content.trim_end(), "a: 1");
            assert!(text[block.body_start..].starts_with("# T"));
        }
    }

    #[test]
    fn skips_a_bom_and_accepts_dots_as_the_closing_fence() {
        let text = "\u{feff}---\na: 1\n...\nbody";
        let Located::Found(block) = locate(text) else {
            panic!("no block");
        };
        assert_eq!(block.content, "a: 1\n");
        assert_eq!(&text[block.body_start..], "body");
    }

    #[test]
    fn tells_absent_from_unclosed() {
        assert_eq!(locate("# Title\n---\n"), Located::Absent);
        assert_eq!(locate(""), Located::Absent);
        assert_eq!(locate("----\n"), Located::Absent);
        assert_eq!(locate("---\na: 1\n"), Located::Unclosed(Format::Yaml));
        assert_eq!(locate("---"), Located::Unclosed(Format::Yaml));
        assert_eq!(locate("+++\na = 1\n"), Located::Unclosed(Format::Toml));
        assert_eq!(locate("+++\na = 1\n---\n"), Located::Unclosed(Format::Toml));
    }

    fn fields(text: &str) -> Vec<(String, Value, String)> {
        let State::Parsed(parsed) = parse(text) else {
            panic!("not parsed: {:?}", parse(text));
        };
        parsed
            .fields
            .iter()
            .map(|f| {
                (
                    f.key.clone(),
                    f.value.clone(),
                    text[f.value_span.clone()].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn fields_keep_their_positions_in_the_file() {
        let text = "---\ntitle: \"DB down\"\ndate: 2026-11-22\nservices: [a, b]\nlead:\n---\n# x\n";
        let got = fields(text);
        assert_eq!(got[0].0, "title");
        assert_eq!(got[0].1, Value::Str("DB down".into()));
        assert!(got[0].2.contains("DB down"), "{:?}", got[0].2);
        assert_eq!(got[1].1, Value::Str("2026-11-22".into()));
        assert_eq!(got[1].2, "2026-11-22");
        let Value::List(items) = &got[2].1 else {
            panic!("{:?}", got[2]);
        };
        let items: Vec<(&Value, &str)> = items
            .iter()
            .map(|item| (&item.value, &text[item.span.clone()]))
            .collect();
        assert_eq!(
            items,
            [
                (&Value::Str("a".into()), "a"),
                (&Value::Str("b".into()), "b")
            ]
        );
        assert_eq!(got[3].1, Value::Null);
    }

    #[test]
    fn invalid_yaml_and_non_mappings_are_reported_with_an_offset() {
        let text = "---\ntitle: ok\nbad: [unclosed\n---\n";
        let State::Invalid(invalid) = parse(text) else {
            panic!("{:?}", parse(text));
        };
        assert!(invalid.offset >= 4, "{invalid:?}");
        assert!(!invalid.message.contains('\n'));
        assert!(matches!(parse("---\n- a\n- b\n---\n"), State::Invalid(_)));
        assert!(matches!(parse("---\njust text\n---\n"), State::Invalid(_)));
        assert_eq!(
            parse("---\nx: 1\n"),
            State::Unclosed {
                span: 0..3,
                format: Format::Yaml
            }
        );
    }

    #[test]
    fn an_empty_block_is_found() {
        let Located::Found(block) = locate("---\n---\n") else {
            panic!("no block");
        };
        assert_eq!(block.content, "");
    }

    #[test]
    fn toml_front_matter_is_read_with_positions() {
        let text = "+++\ntitle = \"[Incident] Cache nodes evicted\"\ndate = 2024-03-13T10:00:00Z\ntags = [\"a\", \"b\"]\nweight = 3\n\n[params]\nx = 1\n+++\n# Body\n";
        let got = fields(text);
        let keys: Vec<&str> = got.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(keys, ["title", "date", "tags", "weight", "params"]);
        assert_eq!(
            got[0].1,
            Value::Str("[Incident] Cache nodes evicted".into())
        );
        assert_eq!(got[0].2, "\"[Incident] Cache nodes evicted\"");
        assert_eq!(got[1].1, Value::Str("2024-03-13T10:00:00Z".into()));
        assert_eq!(got[3].1, Value::Number("3".into()));
        assert_eq!(got[4].1, Value::Map);
        let Located::Found(block) = locate(text) else {
            panic!("no block");
        };
        assert!(text[block.body_start..].starts_with("# Body"));
        let State::Invalid(invalid) = parse("+++\ntitle = \n+++\n") else {
            panic!("invalid TOML parsed");
        };
        assert_eq!(invalid.format, Format::Toml);
        assert!(invalid.offset >= 4, "{invalid:?}");
    }

    /// Pieces of front matter lines: mostly ones the flat reader takes,
    /// and the tricky ones (YAML 1.1 booleans, nulls, numbers, quotes with
    /// escapes, comments, nested mappings, tabs, CR, odd characters).
    const KEYS: &[&str] = &[
        "title", "status", "date", "lead", "services", "_k", "a-b", "k9", "y", "on", "Null",
        "\"q\"",
    ];
    const PLAIN: &[&str] = &[
        "",
        " ",
        "x",
        "draft",
        "SEV-2",
        "Chloé Martin",
        "5h 56m",
        "2019-03-07T05:49:00Z",
        "v1",
        "5 €",
        "\"DB down\"",
        "\"\"",
        "'it'",
        "a#b",
        "https://x.example/a?b=c",
        "É",
        "é",
        "a  b  ",
        "nUll",
        "Infinity",
        "x [y] {z}, w",
        "1.0.0",
        "12:30",
    ];
    const TRICKY: &[&str] = &[
        "2019-03-07",
        "0x10",
        "007",
        "1_000",
        "1e3",
        ".5",
        "+1",
        "-1",
        "yes",
        "No",
        "tRUE",
        "NULL",
        "~",
        "nan",
        "NaN",
        ".inf",
        "inf",
        "5d",
        "\"a\\nb\"",
        "'a''b'",
        "\"open",
        "a: b",
        "a #c",
        "x:",
        "[a, b]",
        "[]",
        "{a: 1}",
        "&a x",
        "*a",
        "!!str 1",
        "|",
        ">",
        "- a",
        "a\tb",
        "a\rb",
        "\u{85}x",
        "x\u{feff}",
        "\u{2028}",
        "%x",
        "@x",
        "`x`",
    ];
    const TAILS: &[&str] = &[
        "",
        "",
        "",
        "- a\n",
        "- a\n- \"b\"\n",
        "  - a\n  - b c\n",
        "# c\n",
        "\n",
        "   \n",
        "- yes\n",
        "  - a\n- b\n",
        "-\n- a\n",
        "- a\n\n- b\n",
        "  x\n",
        "  # c\n",
        "- a: 1\n",
        "- [a]\n",
        "  - a\n    b\n",
    ];

    /// A block of lines; most keys are distinct (`f0`, `f1`, …), some are
    /// taken from KEYS, repeats included.
    fn block() -> impl Strategy<Value = String> {
        let key = proptest::prop_oneof![
            4 => proptest::strategy::Just(None),
            1 => proptest::sample::select(KEYS).prop_map(Some),
        ];
        let value = proptest::prop_oneof![
            8 => proptest::sample::select(PLAIN),
            1 => proptest::sample::select(TRICKY),
        ];
        let tail = proptest::prop_oneof![
            6 => proptest::sample::select(&TAILS[..6]),
            1 => proptest::sample::select(TAILS),
        ];
        proptest::collection::vec((key, value, tail), 0..7).prop_map(|lines| {
            let mut yaml = String::new();
            for (i, (key, value, tail)) in lines.into_iter().enumerate() {
                let key = key.map_or_else(|| format!("f{i}"), str::to_owned);
                let sep = if value.is_empty() { "" } else { " " };
                yaml.push_str(&format!("{key}:{sep}{value}\n{tail}"));
            }
            yaml
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// Whatever the flat reader accepts, serde-saphyr reads the same way.
        #[test]
        fn the_flat_reader_agrees_with_the_yaml_parser(yaml in block()) {
            let text = format!("---\n{yaml}---\n# T\n");
            if let Some(fields) = flat::parse(&yaml, 4) {
                let by_parser = from_yaml(&yaml, 4, 0..text.len() - 4);
                let State::Parsed(parsed) = by_parser else {
                    panic!("flat read {yaml:?} but the YAML parser says {by_parser:?}");
                };
                proptest::prop_assert_eq!(fields, parsed.fields, "{:?}", yaml);
            }
        }
    }

    #[test]
    fn the_flat_reader_takes_what_pm_new_writes() {
        let yaml = "title: \"DB down\"\nincident_id: INC-1\ndate: \"2026-11-23\"\nseverity: SEV-2\nstatus: draft\nduration: 5h 56m\nlead: Chloé Martin\nservices:\n- api\n- db\ntemplate: standard\n";
        let fields = flat::parse(yaml, 4).expect("flat");
        assert_eq!(fields.len(), 9);
        let text = format!("---\n{yaml}---\n");
        let State::Parsed(parsed) = from_yaml(yaml, 4, 0..text.len()) else {
            panic!("not parsed");
        };
        assert_eq!(fields, parsed.fields);
    }
}
