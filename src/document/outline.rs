//! The Markdown outline of a postmortem, built in one pass over
//! pulldown-cmark's events: headings as a tree of sections, the text runs
//! outside code, list and task items, tables, HTML comments and links. All
//! spans are byte offsets into the whole file.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::document::sections::{self, Canonical};

/// A heading and the section it opens.
#[derive(Debug, Clone)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's text, without `#` or emphasis markers.
    pub title: String,
    /// [`sections::normalize`]d title.
    pub normalized: String,
    /// The canonical section it means, if any.
    pub canonical: Option<&'static Canonical>,
    /// The heading line.
    pub span: Range<usize>,
    /// The section's own body: from after the heading to the next heading.
    pub body: Range<usize>,
    /// End of the whole section: the next heading of the same or a higher level.
    pub end: usize,
    /// The enclosing heading.
    pub parent: Option<usize>,
    /// Whether the own body holds anything but whitespace, comments and rules.
    pub has_content: bool,
    /// Whether sub-headings follow inside the section.
    pub has_children: bool,
}

/// A text run's text where it differs from its source.
#[derive(Debug, Clone)]
struct Decoded {
    text: String,
    /// The pieces of the text that differ from their source (`&amp;` read
    /// as `&`), as (text start, text length, source start, source length).
    /// Everything else maps one to one onto the file.
    inexact: Vec<(usize, usize, usize, usize)>,
}

/// Consecutive text outside code: a line of prose, a cell, a heading.
#[derive(Debug, Clone)]
pub struct TextRun {
    /// Where it is.
    pub span: Range<usize>,
    /// The text when it differs from the source (see [`TextRun::text`]);
    /// boxed, as few runs need it and a long file has millions of runs.
    decoded: Option<Box<Decoded>>,
    /// The list item it belongs to (innermost), if any.
    pub item: Option<usize>,
    /// Whether it is part of a heading.
    pub in_heading: bool,
}

impl Outline {
    /// The heading whose section holds `offset` (the last heading starting
    /// at or before it).
    pub fn heading_at(&self, offset: usize) -> Option<usize> {
        self.headings
            .partition_point(|h| h.span.start <= offset)
            .checked_sub(1)
    }

    /// Whether `offset` lies in a section, or a sub-section of one, whose
    /// canonical id is `id`.
    pub fn in_section(&self, offset: usize, id: &str) -> bool {
        let mut heading = self.heading_at(offset);
        while let Some(i) = heading {
            let h = &self.headings[i];
            if h.canonical.is_some_and(|c| c.id == id) {
                return true;
            }
            heading = h.parent;
        }
        false
    }

    /// The text runs that start within `span`, in order.
    pub fn texts_in(&self, span: &Range<usize>) -> &[TextRun] {
        let first = self.texts.partition_point(|t| t.span.start < span.start);
        let last = self.texts.partition_point(|t| t.span.start < span.end);
        &self.texts[first..last.max(first)]
    }
}

impl TextRun {
    /// The text, with Markdown escapes and entities resolved; `source` is
    /// the file's text. Most runs read as written and are not copied.
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        match &self.decoded {
            Some(decoded) => &decoded.text,
            None => source.get(self.span.clone()).unwrap_or(""),
        }
    }

    /// Whether the text is the source as written, byte for byte.
    pub fn is_exact(&self) -> bool {
        self.decoded.is_none()
    }

    /// The file span of `text[range]`.
    pub fn sub_span(&self, range: Range<usize>) -> Range<usize> {
        self.source_offset(range.start, false)..self.source_offset(range.end, true)
    }

    /// The file offset of text offset `at`; inside a piece that differs from
    /// its source, the piece's start (or end, for an `end` offset).
    fn source_offset(&self, at: usize, end: bool) -> usize {
        let mut shift: isize = 0;
        let inexact = self.decoded.as_ref().map_or(&[][..], |d| &d.inexact);
        for &(text_start, text_len, source_start, source_len) in inexact {
            if at <= text_start {
                break;
            }
            if at < text_start + text_len {
                return if end {
                    source_start + source_len
                } else {
                    source_start
                };
            }
            shift += source_len as isize - text_len as isize;
        }
        (self.span.start as isize + at as isize + shift).max(0) as usize
    }
}

/// The text of an item or a cell: most are a stretch of the file as
/// written, kept as its span; the others (escapes, entities, line breaks,
/// several pieces) as their own text.
#[derive(Debug, Clone)]
enum Written {
    Source(Range<usize>),
    Owned(String),
}

impl Written {
    fn get<'a>(&'a self, source: &'a str) -> &'a str {
        match self {
            Written::Source(span) => source.get(span.clone()).unwrap_or(""),
            Written::Owned(text) => text,
        }
    }
}

impl ListItem {
    /// The item's own text (nested lists excluded), trimmed, with Markdown
    /// escapes and entities resolved; `source` is the file's text.
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        self.text.get(source)
    }
}

impl Cell {
    /// The cell's text, trimmed, with Markdown escapes and entities
    /// resolved; `source` is the file's text.
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        self.text.get(source)
    }
}

impl Comment {
    /// The text between the delimiters, trimmed; `source` is the file's
    /// text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.text.clone()).unwrap_or("")
    }
}

/// A list item.
#[derive(Debug, Clone)]
pub struct ListItem {
    /// The whole item, nested content included.
    pub span: Range<usize>,
    /// `Some(checked)` for a task item `- [ ]` / `- [x]`.
    pub task: Option<bool>,
    /// The item's own text (nested lists excluded), trimmed: see
    /// [`ListItem::text`].
    text: Written,
    /// Whether a nested list or block follows the item's first paragraph.
    pub has_children: bool,
    /// The enclosing item, for nested lists.
    pub parent: Option<usize>,
    /// The items of lists nested in this one, in order.
    pub children: Vec<usize>,
    /// Whether the list is ordered (`1.`).
    pub ordered: bool,
}

/// A table cell.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Where it is.
    pub span: Range<usize>,
    /// Its text, trimmed: see [`Cell::text`].
    text: Written,
}

/// A table row.
#[derive(Debug, Clone)]
pub struct Row {
    /// Where it is.
    pub span: Range<usize>,
    /// Its cells.
    pub cells: Vec<Cell>,
}

/// A table: a header row and body rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Where it is.
    pub span: Range<usize>,
    /// The header row.
    pub header: Row,
    /// The body rows.
    pub rows: Vec<Row>,
}

/// An HTML comment `<!-- … -->`.
#[derive(Debug, Clone)]
pub struct Comment {
    /// The comment, delimiters included.
    pub span: Range<usize>,
    /// The text between the delimiters, trimmed: see [`Comment::text`].
    text: Range<usize>,
}

/// A link or image destination.
#[derive(Debug, Clone)]
pub struct Link {
    /// The whole link.
    pub span: Range<usize>,
    /// Where it points.
    pub destination: String,
    /// Whether it is an autolink (`<https://…>`, `<ops@example.org>`).
    pub autolink: bool,
}

/// Everything pm reads from the Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Headings in document order.
    pub headings: Vec<Heading>,
    /// Text outside code, in document order.
    pub texts: Vec<TextRun>,
    /// List items in document order (a parent before its children).
    pub items: Vec<ListItem>,
    /// Tables.
    pub tables: Vec<Table>,
    /// HTML comments.
    pub comments: Vec<Comment>,
    /// Links and images.
    pub links: Vec<Link>,
    /// Code spans and code blocks, where nothing is a placeholder.
    pub code: Vec<Range<usize>>,
    /// Inline HTML and HTML blocks other than comments, in order
    /// (`<br>`, `<details>`, and `<your name>`, which Markdown reads as a
    /// tag).
    pub html: Vec<Range<usize>>,
    /// Paragraphs and list items whose whole text is in italics, from the
    /// opening to the closing marker: templates write guidance so.
    pub emphasized: Vec<Range<usize>>,
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// Builds the outline of `text[start..]`, keeping offsets relative to `text`.
pub fn parse(text: &str, start: usize) -> Outline {
    let mut builder = Builder::default();
    let body = &text[start..];
    // About one text run per line of prose: fewer regrowths.
    builder.outline.texts.reserve(body.len() / 64);
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        let range = range.start + start..range.end + start;
        builder.event(text, event, range);
    }
    builder.finish(text.len())
}

/// The span of `text[span].trim()`, shifted by `base`.
fn trimmed_span(text: &str, span: Range<usize>, base: usize) -> Range<usize> {
    // Most items and cells start and end with a printable ASCII byte.
    let bytes = text.as_bytes();
    let graphic = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_graphic);
    if !span.is_empty() && graphic(span.start) && graphic(span.end - 1) && span.end <= bytes.len() {
        return base + span.start..base + span.end;
    }
    let whole = text.get(span.clone()).unwrap_or("");
    let trimmed = trim(whole);
    let lead = if trimmed.len() == whole.len() {
        0
    } else {
        whole.len() - whole.trim_start().len()
    };
    let start = base + span.start + lead;
    start..start + trimmed.len()
}

/// `text.trim()`, answered without decoding characters when both ends are
/// printable ASCII (most text events, items and cells).
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The text of an item, cell or heading as its events arrive. While it is
/// one stretch of the source as written (the common case) only its span is
/// kept, and [`Gather::finish`] copies it once.
#[derive(Debug, Default)]
enum Gather {
    #[default]
    Empty,
    Source(Range<usize>),
    Owned(String),
}

impl Gather {
    /// Adds `piece`; `exact` is its span when it is the source as written.
    fn push(&mut self, source: &str, piece: &str, exact: Option<Range<usize>>) {
        match (&mut *self, exact) {
            (Gather::Empty, Some(span)) => *self = Gather::Source(span),
            (Gather::Source(span), Some(next)) if span.end == next.start => span.end = next.end,
            (Gather::Owned(text), _) => text.push_str(piece),
            (Gather::Empty, None) => *self = Gather::Owned(piece.to_owned()),
            (Gather::Source(span), _) => {
                let mut text = source.get(span.clone()).unwrap_or("").to_owned();
                text.push_str(piece);
                *self = Gather::Owned(text);
            }
        }
    }

    /// The text, trimmed.
    fn finish(self, source: &str) -> String {
        match self.written(source) {
            Written::Source(span) => source.get(span).unwrap_or("").to_owned(),
            Written::Owned(text) => text,
        }
    }

    /// The text, trimmed, as a span of the source where it is one.
    fn written(self, source: &str) -> Written {
        match self {
            Gather::Empty => Written::Source(0..0),
            Gather::Source(span) => Written::Source(trimmed_span(source, span, 0)),
            Gather::Owned(text) if trim(&text).len() == text.len() => Written::Owned(text),
            Gather::Owned(text) => Written::Owned(text.trim().to_owned()),
        }
    }
}

#[derive(Default)]
struct Builder {
    outline: Outline,
    /// The heading being read, with its title so far.
    open_heading: Option<(u8, Range<usize>, Gather)>,
    /// Stack of open list items (indices into `outline.items`), with the
    /// text of each so far.
    item_stack: Vec<(usize, Gather)>,
    /// Whether each open list is ordered.
    list_stack: Vec<bool>,
    /// Paragraphs seen inside each open item (a second block makes children).
    item_blocks: Vec<usize>,
    table: Option<Table>,
    /// Columns of the open table (rows hold as many cells).
    columns: usize,
    row: Option<Row>,
    /// The cell being read and its text so far.
    cell: Option<(Range<usize>, Gather)>,
    in_code_block: usize,
    html_block: Option<usize>,
    /// Whether the open section's own body has content so far.
    section_has_content: bool,
    /// Whether the next text starts a new run even if it touches the last.
    run_broken: bool,
    /// Inside `<https://…>`, whose text is not prose.
    in_autolink: bool,
    /// Headings whose sections are still open, outermost first.
    open_sections: Vec<usize>,
    /// Whether the block being read is wholly in italics so far.
    italic: Italic,
}

/// Tracks whether a paragraph or an item's text is one emphasis, start to
/// end: `*Explain what the on-call engineer saw first*`. Only the events
/// that open and close blocks and emphasis move it; what lies between them
/// is checked in the source, so other events cost nothing.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Italic {
    /// Outside such a block, or in one that is not wholly italic.
    #[default]
    No,
    /// A block opened at `block`; no emphasis yet.
    Start { block: usize },
    /// Inside the emphasis that opened the block, nested `depth` deep.
    Open { start: usize, depth: usize },
    /// The emphasis closed at `end`; only the block's end may follow.
    Closed { start: usize, end: usize },
}

impl Builder {
    fn event(&mut self, text: &str, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(text, tag, range),
            Event::End(tag) => self.end(text, tag, range),
            Event::Text(t) => {
                if self.in_code_block > 0 {
                    self.content();
                    return;
                }
                if !trim(&t).is_empty() {
                    self.content();
                }
                self.text(text, &t, range);
            }
            Event::Code(t) => {
                self.content();
                self.outline.code.push(range.clone());
                self.gather(text, &t, None);
                // Code ends a text run: what is on either side is separate.
                self.break_run();
            }
            Event::Html(_) => {}
            Event::InlineHtml(html) => {
                let is_comment = html.starts_with("<!--");
                if is_comment {
                    self.comments_in(text, range);
                } else {
                    self.content();
                    // `- Contact: <redacted>`, `| <none> |`: the item's or
                    // cell's value (a heading's title stays its words).
                    if self.open_heading.is_none() {
                        self.gather(text, &html, Some(range.clone()));
                    }
                    self.outline.html.push(range);
                }
                self.break_run();
            }
            Event::TaskListMarker(checked) => {
                if let Some(&(item, _)) = self.item_stack.last() {
                    self.outline.items[item].task = Some(checked);
                }
                self.content();
                self.break_run();
            }
            Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.content();
                self.break_run();
            }
            Event::SoftBreak | Event::HardBreak => {
                self.gather(text, " ", None);
                self.break_run();
            }
            Event::Rule => self.break_run(),
        }
    }

    fn start(&mut self, text: &str, tag: Tag<'_>, range: Range<usize>) {
        self.break_run();
        match tag {
            Tag::Heading { level, .. } => {
                // The section before ends where this heading starts; the
                // heading's own text is not content of either section.
                self.close_section(range.start);
                self.open_heading = Some((level as u8, range, Gather::default()));
            }
            Tag::List(first) => {
                self.italic_ends(text, range.start);
                self.list_stack.push(first.is_some());
            }
            Tag::Item => {
                let block = range.start;
                self.content();
                let parent = self.item_stack.last().map(|(item, _)| *item);
                let index = self.outline.items.len();
                if let Some(parent) = parent {
                    self.outline.items[parent].has_children = true;
                    self.outline.items[parent].children.push(index);
                }
                self.outline.items.push(ListItem {
                    span: range,
                    task: None,
                    text: Written::Source(0..0),
                    has_children: false,
                    parent,
                    children: Vec::new(),
                    ordered: self.list_stack.last().copied().unwrap_or(false),
                });
                self.item_stack
                    .push((self.outline.items.len() - 1, Gather::default()));
                self.item_blocks.push(0);
                self.italic = Italic::Start { block };
            }
            Tag::Paragraph | Tag::BlockQuote(_) => {
                if let (Some(&(item, _)), Some(blocks)) =
                    (self.item_stack.last(), self.item_blocks.last_mut())
                {
                    *blocks += 1;
                    if *blocks > 1 {
                        self.outline.items[item].has_children = true;
                    }
                }
                if matches!(tag, Tag::Paragraph) {
                    self.italic = Italic::Start { block: range.start };
                }
            }
            Tag::Emphasis => self.italic_opens(text, range.start),
            Tag::CodeBlock(_) => {
                self.content();
                self.outline.code.push(range.clone());
                self.in_code_block += 1;
                if let Some(&(item, _)) = self.item_stack.last() {
                    self.outline.items[item].has_children = true;
                }
            }
            Tag::HtmlBlock => self.html_block = Some(range.start),
            Tag::Table(alignments) => {
                self.content();
                self.columns = alignments.len();
                self.table = Some(Table {
                    span: range.clone(),
                    header: Row {
                        span: range,
                        cells: Vec::new(),
                    },
                    rows: Vec::new(),
                });
            }
            Tag::TableHead | Tag::TableRow => {
                self.row = Some(Row {
                    span: range,
                    cells: Vec::with_capacity(self.columns),
                });
            }
            Tag::TableCell => self.cell = Some((range, Gather::default())),
            Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                dest_url,
                ..
            } => {
                // The text of `<https://…>` is the address itself.
                self.content();
                self.in_autolink = true;
                self.outline.links.push(Link {
                    span: range,
                    destination: dest_url.into_string(),
                    autolink: true,
                });
            }
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.content();
                self.outline.links.push(Link {
                    span: range,
                    destination: dest_url.into_string(),
                    autolink: false,
                });
            }
            _ => {}
        }
    }

    fn end(&mut self, text: &str, tag: TagEnd, range: Range<usize>) {
        self.break_run();
        match tag {
            TagEnd::Heading(_) => {
                if let Some((level, span, title)) = self.open_heading.take() {
                    self.push_heading(level, span, title.finish(text));
                }
            }
            TagEnd::List(_) => {
                self.list_stack.pop();
            }
            TagEnd::Item => {
                self.italic_ends(text, range.end);
                if let Some((item, gathered)) = self.item_stack.pop() {
                    self.outline.items[item].text = gathered.written(text);
                }
                self.item_blocks.pop();
            }
            TagEnd::Link => self.in_autolink = false,
            TagEnd::Emphasis => self.italic_closes(range.end),
            TagEnd::Paragraph => self.italic_ends(text, range.end),
            TagEnd::CodeBlock => self.in_code_block = self.in_code_block.saturating_sub(1),
            TagEnd::HtmlBlock => {
                if let Some(start) = self.html_block.take() {
                    let block = start..range.end;
                    let html = text.get(block.clone()).unwrap_or("");
                    if !html.trim_start().starts_with("<!--") {
                        self.content();
                        self.outline.html.push(block.clone());
                    }
                    self.comments_in(text, block);
                }
            }
            TagEnd::TableCell => {
                if let (Some((span, gathered)), Some(row)) = (self.cell.take(), self.row.as_mut()) {
                    // The cell's span without the padding around its text.
                    let written = text.get(span.clone()).unwrap_or("");
                    let start = span.start + (written.len() - written.trim_start().len());
                    row.cells.push(Cell {
                        span: start..(span.start + written.trim_end().len()).max(start),
                        text: gathered.written(text),
                    });
                }
            }
            TagEnd::TableHead => {
                if let (Some(row), Some(table)) = (self.row.take(), self.table.as_mut()) {
                    table.header = row;
                }
            }
            TagEnd::TableRow => {
                if let (Some(row), Some(table)) = (self.row.take(), self.table.as_mut()) {
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.outline.tables.push(table);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, source: &str, t: &str, range: Range<usize>) {
        // A piece borrowed from the source is the source as written: its
        // address says so without comparing its bytes.
        let exact = source.get(range.clone()).is_some_and(|written| {
            (written.as_ptr() == t.as_ptr() && written.len() == t.len()) || written == t
        });
        self.gather(source, t, exact.then(|| range.clone()));
        if self.in_autolink {
            return;
        }
        let piece = |text_start: usize| (text_start, t.len(), range.start, range.len());
        let item = self.item_stack.last().map(|(item, _)| *item);
        let in_heading = self.open_heading.is_some();
        if let Some(last) = self.outline.texts.last_mut()
            && last.span.end == range.start
            && last.item == item
            && last.in_heading == in_heading
            && !self.run_broken
        {
            if exact && last.decoded.is_none() {
                last.span.end = range.end;
                return;
            }
            let decoded = last.decoded.get_or_insert_with(|| {
                Box::new(Decoded {
                    text: source.get(last.span.clone()).unwrap_or("").to_owned(),
                    inexact: Vec::new(),
                })
            });
            if !exact {
                decoded.inexact.push(piece(decoded.text.len()));
            }
            decoded.text.push_str(t);
            last.span.end = range.end;
            return;
        }
        self.run_broken = false;
        self.outline.texts.push(TextRun {
            span: range.clone(),
            decoded: (!exact).then(|| {
                Box::new(Decoded {
                    text: t.to_owned(),
                    inexact: vec![piece(0)],
                })
            }),
            item,
            in_heading,
        });
    }

    /// Adds a piece of text to the open item, cell and heading; `exact` is
    /// its span when the piece is the source there, as written.
    fn gather(&mut self, source: &str, t: &str, exact: Option<Range<usize>>) {
        if let Some((_, text)) = self.item_stack.last_mut() {
            text.push(source, t, exact.clone());
        }
        if let Some((_, text)) = &mut self.cell {
            text.push(source, t, exact.clone());
        }
        if let Some((_, _, title)) = &mut self.open_heading {
            title.push(source, t, exact);
        }
    }

    /// An emphasis opens at `at`: it starts an italic block when only
    /// block markers (`- `, `1. `, `[ ] `, `> `) come before it in the
    /// block.
    fn italic_opens(&mut self, text: &str, at: usize) {
        self.italic = match self.italic {
            Italic::Start { block } => {
                let before = text.get(block..at).unwrap_or("x");
                let markers = before.bytes().all(|b| {
                    b.is_ascii_whitespace() || b.is_ascii_digit() || b"-*+.)[]xX>".contains(&b)
                });
                if markers {
                    Italic::Open {
                        start: at,
                        depth: 1,
                    }
                } else {
                    Italic::No
                }
            }
            Italic::Open { start, depth } => Italic::Open {
                start,
                depth: depth + 1,
            },
            _ => Italic::No,
        };
    }

    /// An emphasis closes at `at`.
    fn italic_closes(&mut self, at: usize) {
        self.italic = match self.italic {
            Italic::Open { start, depth: 1 } => Italic::Closed { start, end: at },
            Italic::Open { start, depth } => Italic::Open {
                start,
                depth: depth - 1,
            },
            _ => Italic::No,
        };
    }

    /// The block's own text ends at `at` (its end, or a nested list): it
    /// was wholly italic when only whitespace follows the emphasis.
    fn italic_ends(&mut self, text: &str, at: usize) {
        if let Italic::Closed { start, end } = self.italic
            && text.get(end..at).is_some_and(|rest| rest.trim().is_empty())
        {
            self.outline.emphasized.push(start..end);
        }
        self.italic = Italic::No;
    }

    /// Marks the current section as having content.
    fn content(&mut self) {
        if self.open_heading.is_none() {
            self.section_has_content = true;
        }
    }

    fn break_run(&mut self) {
        self.run_broken = true;
    }

    fn comments_in(&mut self, text: &str, range: Range<usize>) {
        let Some(html) = text.get(range.clone()) else {
            return;
        };
        let mut from = 0;
        while let Some(open) = html[from..].find("<!--") {
            let open = from + open;
            let inner_start = open + 4;
            let (inner_end, close) = match html[inner_start..].find("-->") {
                Some(i) => (inner_start + i, inner_start + i + 3),
                None => (html.len(), html.len()),
            };
            self.outline.comments.push(Comment {
                span: range.start + open..range.start + close,
                text: trimmed_span(html, inner_start..inner_end, range.start),
            });
            from = close;
        }
    }

    fn push_heading(&mut self, level: u8, span: Range<usize>, title: String) {
        let normalized = sections::normalize(&title);
        let canonical = sections::canonical(&normalized).or_else(|| {
            // "Timeline (UTC)", "Action Items (owners in bold)": the words
            // before a parenthesis name the section.
            let (head, _) = title.split_once('(')?;
            sections::canonical(&sections::normalize(head))
        });
        // The open sections of lower level form a stack: the parent is on
        // top once the sections this heading closes are popped, and they end
        // here (linear in the number of headings, however they nest).
        while let Some(&top) = self.open_sections.last() {
            if self.outline.headings[top].level < level {
                break;
            }
            self.outline.headings[top].end = span.start;
            self.open_sections.pop();
        }
        let parent = self.open_sections.last().copied();
        if let Some(parent) = parent {
            self.outline.headings[parent].has_children = true;
        }
        self.open_sections.push(self.outline.headings.len());
        self.outline.headings.push(Heading {
            level,
            title,
            normalized,
            canonical,
            body: span.end..span.end,
            span,
            end: usize::MAX,
            parent,
            has_content: false,
            has_children: false,
        });
        self.section_has_content = false;
    }

    /// Ends the own body of the open heading at `at`, and every section of a
    /// level at or above the next heading's.
    fn close_section(&mut self, at: usize) {
        if let Some(last) = self.outline.headings.last_mut() {
            last.body.end = at;
            last.has_content = self.section_has_content;
        }
    }

    fn finish(mut self, len: usize) -> Outline {
        self.close_section(len);
        for open in self.open_sections.drain(..) {
            self.outline.headings[open].end = len;
        }
        self.outline
    }
}
