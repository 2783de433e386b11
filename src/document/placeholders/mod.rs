//! Placeholders: text that stands in for what the writer was meant to
//! write. One scanner per document finds them all, once, and the lint rules
//! report what it found; `pm actions` and the fact rules ask the same
//! questions of single values.
//!
//! The scanner first makes two cheap passes over the whole body (a SIMD
//! search for the bytes and words a placeholder could start with) and then
//! looks closely only at the text runs those passes touched. What it finds
//! is decided on evidence, not syntax (see [`brackets`]).

pub mod brackets;
pub mod formats;
pub mod prose;
pub mod words;

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use self::brackets::{Evidence, Place, Site};
use self::formats::Token;
use crate::document::Document;
use crate::document::outline::TextRun;

/// What kind of stand-in a hit is; each is reported by a rule of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `[Your Name]`, `<insert date>`: bracketed text that describes what
    /// goes there.
    Bracket,
    /// `{TITLE}`, `{{ impact }}`: a template variable nobody filled in.
    Brace,
    /// `YYYY-MM-DD`, `hh:mm`, `$X`: a format, not a value.
    Format,
    /// `2025-03-??`, `09:??`: a date or time with unknown digits.
    UnknownDigits,
    /// `TODO`, `TBD`, `TBC`, `TBA`, `FIXME`.
    Todo,
    /// `Thing 1 happened`: a numbered stand-in told as an event.
    StandIn,
    /// `Lorem ipsum`, `details here`, `(to be filled in)`, `INCIDENT NAME`.
    Filler,
    /// `*Explain what the on-call engineer saw first*`: the template's
    /// instruction to the writer.
    Instruction,
}

/// One stand-in found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Where it is in the file.
    pub span: Range<usize>,
    /// What it is.
    pub kind: Kind,
}

/// The stand-ins in a single value (a front matter value, an action item's
/// owner or due date), as ranges in `text`. The value is read as a whole:
/// `[Name]` alone is a placeholder, `[Incident] Cache nodes evicted` a
/// tagged title.
pub fn in_value(text: &str) -> Vec<(Range<usize>, Kind)> {
    let mut found = Vec::new();
    let needs = Needs::of_value(text);
    if !needs.any() {
        return found;
    }
    // `title: INCIDENT NAME`, `summary: Lorem ipsum dolor`
    let trimmed = text.trim();
    let at = text.len() - text.trim_start().len();
    let whole = at..at + trimmed.len();
    let caps = needs.has(Needs::CAPS) && prose::caps_stand_ins(text).contains(&whole);
    if caps || (needs.has(Needs::LOREM) && prose::is_lorem(text)) {
        return vec![(whole, Kind::Filler)];
    }
    let site = |range: Range<usize>| {
        Some(Site {
            place: place_in(&text[..range.start], &text[range.end..]),
            quoted: false,
            speech: false,
        })
    };
    let about = |topic: Topic| topic.in_text(text);
    scan_text(text, needs, &site, &about, &mut |range, kind| {
        found.push((range, kind))
    });
    found
}

/// Whether a single value is, or holds, a stand-in.
pub fn is_unfilled(text: &str) -> bool {
    !in_value(text).is_empty()
}

/// Every stand-in in the body of `doc`, in order.
pub fn scan(doc: &Document) -> Vec<Hit> {
    let body = &doc.text[doc.body_start..];
    let marks = Marks::of(body, doc.body_start);
    let units = Units::new(doc);
    let paragraphs = Paragraphs::default();
    let mut hits: Vec<Hit> = Vec::new();
    let mut sweep = 0;
    let verbatim = liquid_verbatim(body, doc.body_start, &marks);
    for run in &doc.outline.texts {
        if verbatim
            .iter()
            .any(|r| r.start <= run.span.start && run.span.end <= r.end)
        {
            continue;
        }
        // A run whose text is its source holds a stand-in only where the
        // passes over the whole body marked something, and only of a kind
        // they marked.
        let needs = if run.is_exact() {
            marks.needs(run.span.clone(), &mut sweep)
        } else {
            Needs::ALL
        };
        if needs.any() {
            scan_run(doc, &units, &paragraphs, run, needs, &mut hits);
        }
        // Most runs start with a byte no example does (`e.g.`, `Example:`,
        // `For example`, `Something like`, `(e.g.`).
        let bytes = doc.text.as_bytes();
        let mut at = run.span.start;
        while bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        let may_be_example = matches!(
            bytes.get(at),
            Some(b'e' | b'E' | b'f' | b'F' | b's' | b'S' | b'(')
        ) && at < run.span.end;
        // `A link to the Slack channel.`: a line that only says what link
        // goes there (first `A` or `L`, then the words).
        let may_describe_a_link =
            matches!(bytes.get(at), Some(b'A' | b'a' | b'L' | b'l')) && at < run.span.end;
        if may_describe_a_link {
            let text = run.text(&doc.text);
            if prose::describes_a_link(text) && units.is_whole_line(run) {
                let lead = text.len() - text.trim_start().len();
                hits.push(Hit {
                    span: run.sub_span(lead..lead + text.trim().len()),
                    kind: Kind::Filler,
                });
            }
        }
        if may_be_example && let Some(span) = example_stand_in(doc, &units, run) {
            hits.push(Hit {
                span,
                kind: Kind::Filler,
            });
        }
    }
    scan_html(doc, &units, &mut hits);
    for link in &doc.outline.links {
        // `[the runbook](#)`, `[dashboard]()`: a link with nowhere to go.
        if !link.autolink && matches!(link.destination.trim(), "" | "#") {
            hits.push(Hit {
                span: link.span.clone(),
                kind: Kind::Bracket,
            });
        }
    }
    for link in doc.outline.links.iter().filter(|l| l.autolink) {
        // `<HH:MM>`: Markdown reads a scheme `HH` and makes it a link.
        if formats::has_format(&link.destination) {
            hits.push(Hit {
                span: link.span.clone(),
                kind: Kind::Format,
            });
        }
    }
    scan_instructions(doc, &mut hits);
    hits.sort_by_key(|h| (h.span.start, h.span.end));
    hits.dedup_by(|a, b| a.span == b.span);
    hits
}

/// A run that gives an example in place of the value: `**Impact:** e.g. 5%
/// of users`, `| e.g. Add an alert |`, `- For example: a deploy at peak`,
/// `(e.g. SEV-2)`. Only where the value starts (first in its cell, item or
/// paragraph, or right after a label): in running prose `e.g.` is writing.
fn example_stand_in(doc: &Document, units: &Units<'_>, run: &TextRun) -> Option<Range<usize>> {
    let text = run.text(&doc.text);
    let bytes = text.as_bytes();
    let lead = bytes.iter().take_while(|b| **b == b' ').count();
    let rest = &bytes[lead..];
    let rest = rest.strip_prefix(b"(").unwrap_or(rest);
    // The first two bytes answer for nearly every run.
    let maybe = matches!(
        rest.get(..2),
        Some(b"e." | b"eg" | b"E." | b"Eg" | b"ex" | b"Ex" | b"fo" | b"Fo" | b"so" | b"So")
    );
    if !maybe {
        return None;
    }
    // `For example: …` with its colon; `for example to set up a second
    // proxy` is a sentence.
    let example = [
        "e.g.",
        "e.g ",
        "eg.",
        "eg:",
        "example:",
        "for example:",
        "something like:",
    ]
    .iter()
    .any(|p| {
        rest.get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    });
    if !example {
        return None;
    }
    let start = run.sub_span(lead..lead).start;
    let (unit, _) = units.unit(&(start..start));
    let before = doc.text.get(unit.start..start).unwrap_or("");
    let after_label = label_end(before).map_or(before, |end| &before[end..]);
    if has_words(after_label) {
        return None;
    }
    // A wrapped line that starts with `e.g.` goes on with a sentence: the
    // run must start its item, or its paragraph (after a blank line).
    let line = doc.lines.line_of(start);
    let starts_block = match run.item {
        Some(item) => doc.lines.line_of(doc.outline.items[item].span.start) == line,
        None => {
            let line_start = doc.lines.line_range(&doc.text, line).start;
            let previous = doc.text[..line_start.saturating_sub(1)]
                .rsplit('\n')
                .next()
                .unwrap_or("");
            line == 0 || previous.trim().is_empty() || previous.trim_start().starts_with('#')
        }
    };
    let labelled = label_end(before).is_some();
    if !(starts_block || labelled || units.cell(&(start..start)).is_some()) {
        return None;
    }
    let end = text.trim_end().len();
    Some(start..run.sub_span(end..end).end)
}

/// The paragraph around `span`: from the blank line before it to the blank
/// line after, at most a few lines each way.
fn paragraph_of(doc: &Document, span: Range<usize>) -> Range<usize> {
    let text = &doc.text;
    let floor = crate::document::lines::floor_char_boundary;
    let from = floor(text, span.start.saturating_sub(1_000));
    let to = floor(text, (span.end + 1_000).min(text.len()));
    let bytes = text.as_bytes();
    // A blank line is a line break after a line break: found from the
    // line breaks, which are few, without building a searcher each time.
    let start = bytes
        .get(from..span.start)
        .and_then(|before| {
            memchr::memrchr_iter(b'\n', before).find(|&i| i > 0 && before[i - 1] == b'\n')
        })
        .map_or(from, |i| from + i + 1);
    let end = bytes
        .get(span.end..to)
        .and_then(|after| {
            memchr::memchr_iter(b'\n', after).find(|&i| after.get(i + 1) == Some(&b'\n'))
        })
        .map_or(to, |i| span.end + i);
    start.max(doc.body_start)..end.max(span.end)
}

/// What a paragraph may speak of, which makes a placeholder in it a
/// mention rather than a leftover.
#[derive(Debug, Clone, Copy)]
enum Topic {
    /// Templates and their variables ([`mentions_templating`]).
    Templating,
    /// Date formats ([`mentions_formats`]).
    Formats,
}

impl Topic {
    fn in_text(self, text: &str) -> bool {
        match self {
            Topic::Templating => mentions_templating(text),
            Topic::Formats => mentions_formats(text),
        }
    }
}

/// What the last paragraph asked about speaks of: the runs of one
/// paragraph (the rows of a table, the lines of a list) ask in turn.
#[derive(Default)]
struct Paragraphs(std::cell::RefCell<Option<Asked>>);

/// A paragraph's bounds and what is known of its topics, by [`Topic`].
type Asked = (Range<usize>, [Option<bool>; 2]);

impl Paragraphs {
    /// Whether the paragraph around `span` speaks of `topic`.
    fn about(&self, doc: &Document, span: Range<usize>, topic: Topic) -> bool {
        let bounds = paragraph_of(doc, span);
        let mut last = self.0.borrow_mut();
        if last.as_ref().is_none_or(|(at, _)| *at != bounds) {
            *last = Some((bounds.clone(), [None, None]));
        }
        let slot = topic as usize;
        if let Some((_, known)) = last.as_mut()
            && let Some(answer) = known.get_mut(slot)
        {
            return *answer
                .get_or_insert_with(|| topic.in_text(doc.text.get(bounds).unwrap_or_default()));
        }
        false
    }
}

/// The stretches of a Jekyll page between `{% highlight … %}` and
/// `{% endhighlight %}` (or `{% raw %}` and `{% endraw %}`): code and
/// verbatim text the site generator renders as such.
fn liquid_verbatim(body: &str, base: usize, marks: &Marks) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let bytes = body.as_bytes();
    // The pass for `{` found every tag's start already.
    let tag = marks.0.iter().any(|(m, _)| {
        bytes.get(m.start - base) == Some(&b'{') && bytes.get(m.start - base + 1) == Some(&b'%')
    });
    if !tag {
        return found;
    }
    for (open, close) in [("highlight", "endhighlight"), ("raw", "endraw")] {
        let mut from = 0;
        while let Some(at) = body[from..].find("{%").map(|i| i + from) {
            let tag_end = body[at..].find("%}").map_or(body.len(), |e| at + e + 2);
            let tag = body
                .get(at + 2..tag_end.saturating_sub(2))
                .unwrap_or("")
                .trim();
            from = tag_end;
            if tag.split_whitespace().next() != Some(open) {
                continue;
            }
            let end_tag = format!("{close} %}}");
            let end = body[tag_end..]
                .find(&end_tag)
                .map_or(body.len(), |e| tag_end + e + end_tag.len());
            found.push(base + at..base + end);
            from = end;
        }
    }
    found
}

fn scan_run(
    doc: &Document,
    units: &Units<'_>,
    paragraphs: &Paragraphs,
    run: &TextRun,
    needs: Needs,
    hits: &mut Vec<Hit>,
) {
    let text = run.text(&doc.text);
    let site = |range: Range<usize>| units.site(run.sub_span(range));
    let first = hits.len();
    let about = |topic: Topic| paragraphs.about(doc, run.span.clone(), topic);
    scan_text(text, needs, &site, &about, &mut |range, kind| {
        hits.push(Hit {
            span: run.sub_span(range),
            kind,
        });
    });
    // `| Bug 5554823 **TODO** |`: a state in bold that ends a cell, as the
    // SRE book's action tables write them, is a status, not a leftover.
    let bytes = doc.text.as_bytes();
    let mut i = first;
    while i < hits.len() {
        let span = &hits[i].span;
        let state = hits[i].kind == Kind::Todo
            && span.start >= 2
            && &bytes[span.start - 2..span.start] == b"**"
            && bytes.get(span.end..span.end + 2) == Some(b"**")
            && units
                .cell(span)
                .is_some_and(|(cell, _)| cell.end == span.end + 2);
        if state {
            hits.remove(i);
        } else {
            i += 1;
        }
    }
    // Prose stand-ins: a whole run of Lorem ipsum, a line that only says
    // what link goes there, upper-case stand-ins.
    let found_before = hits.len() > first;
    if needs.has(Needs::LOREM) && !found_before {
        // `Lorem ipsum dolor …` starts a stand-in; `Sit amet, consectetur`
        // is one when most of it is the Latin; `the designer's Lorem ipsum
        // footer` is about one.
        // `Impact: Lorem ipsum.` too: the phrase first in a label's value.
        let lower = text.to_ascii_lowercase();
        let phrase = lower.find("lorem ipsum").filter(|&p| {
            let before = lower[..p].trim_end_matches([' ', '*', '_']);
            before.trim().is_empty() || before.ends_with(':')
        });
        if let Some(p) = phrase {
            hits.push(Hit {
                span: run.sub_span(p..p + "lorem ipsum".len()),
                kind: Kind::Filler,
            });
        } else if prose::is_lorem(text) {
            let at = text.len() - text.trim_start().len();
            hits.push(Hit {
                span: run.sub_span(at..at + text.trim().len()),
                kind: Kind::Filler,
            });
        }
    }
    if !needs.has(Needs::CAPS) {
        return;
    }
    for range in prose::caps_stand_ins(text) {
        let span = run.sub_span(range.clone());
        if units.caps_may_stand_in(run, span.clone(), &text[range]) {
            hits.push(Hit {
                span,
                kind: Kind::Filler,
            });
        }
    }
}

/// The stand-ins of one piece of text: brackets, angle brackets, braces,
/// formats, TODO words, filler and numbered events. `site` places a range
/// of `text` in its document (`None`: inside a link's text, where nothing
/// is a placeholder); `push` takes each hit.
fn scan_text(
    text: &str,
    needs: Needs,
    site: &dyn Fn(Range<usize>) -> Option<Site>,
    about: &dyn Fn(Topic) -> bool,
    push: &mut dyn FnMut(Range<usize>, Kind),
) {
    // Brackets with their evidence; a phrase that would not count on its
    // own does beside another placeholder in the same run (`[timestamp] by
    // [person/system]`, `TODO: ask [owner]`): the line is the template's.
    let mut weighed: Vec<(Range<usize>, Evidence, bool)> = Vec::new();
    let brackets = needs.has(Needs::BRACKETS);
    if brackets && text.contains('[') {
        for range in square_brackets(text) {
            let content = &text[range.start + 1..range.end - 1];
            let evidence = brackets::weigh(content, false);
            if evidence != Evidence::None
                && let Some(site) = site(range.clone())
            {
                weighed.push((range, evidence, brackets::decide(evidence, site)));
            }
        }
    }
    if brackets && text.contains('<') {
        for range in angle_brackets(text) {
            let content = &text[range.start + 1..range.end - 1];
            if brackets::is_html_tag(content) {
                continue;
            }
            let evidence = brackets::weigh(content, true);
            if evidence != Evidence::None
                && let Some(site) = site(range.clone())
            {
                weighed.push((range, evidence, brackets::decide(evidence, site)));
            }
        }
    }
    let tokens = if needs.has(Needs::FORMATS) {
        formats::tokens(text)
    } else {
        Vec::new()
    };
    let template_line = weighed.iter().any(|(_, _, placeholder)| *placeholder)
        || tokens.iter().any(|(_, token)| *token != Token::Unknown);
    let mut taken: Vec<Range<usize>> = weighed
        .into_iter()
        .filter(|(_, _, placeholder)| *placeholder || template_line)
        .map(|(range, _, _)| range)
        .collect();
    taken.sort_by_key(|r| r.start);
    let kinds = taken.len();
    for range in &taken {
        push(range.clone(), Kind::Bracket);
    }
    let inside = |r: &Range<usize>, taken: &[Range<usize>]| {
        taken.iter().any(|t| t.start <= r.start && r.end <= t.end)
    };
    let spoken = |range: &Range<usize>| site(range.clone()).is_none_or(|site| site.speech);
    // In a block quote too: what a customer saw, quoted (`> Hi {FIRST_NAME},`).
    let quoted = |range: &Range<usize>| site(range.clone()).is_none_or(|site| site.quoted);
    if brackets && text.contains('@') {
        for range in handles(text) {
            if !inside(&range, &taken) && !spoken(&range) {
                push(range.clone(), Kind::Bracket);
                taken.push(range);
            }
        }
    }
    // A paragraph about templates or formats names them: `the email
    // rendered {ACTIVATION_URL} literally`, `the locale format (DD/MM/YYYY)
    // instead of ISO 8601`. Asked for only when there is something to name.
    if brackets && text.contains(['{', '$']) {
        for range in braces(text) {
            if !inside(&range, &taken) && !quoted(&range) && !about(Topic::Templating) {
                push(range.clone(), Kind::Brace);
                taken.push(range);
            }
        }
    }
    let about_formats = tokens.iter().any(|(_, t)| *t == Token::Format) && about(Topic::Formats);
    for (range, token) in tokens {
        if inside(&range, &taken) {
            continue;
        }
        // Where the token stands answers both whether it is spoken and
        // whether it is quoted.
        let place = site(range.clone());
        if place.as_ref().is_none_or(|site| site.speech) {
            continue;
        }
        let quoted = || place.as_ref().is_none_or(|site| site.quoted);
        // `'TODO'`, `"FIXME"`, `IN ('NEW','TODO')`: the word as a value.
        let quoted_literal = {
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            let quote =
                |c: Option<char>| matches!(c, Some('\'' | '"' | '`' | '‘' | '’' | '“' | '”' | '|'));
            quote(before) || quote(after)
        };
        let kind = match token {
            Token::Todo if quoted_literal => continue,
            Token::Format if about_formats || quoted() => continue,
            Token::Format => Kind::Format,
            Token::Unknown => Kind::UnknownDigits,
            Token::Todo if names_the_marker(&text[range.end..]) => continue,
            Token::Todo => Kind::Todo,
        };
        push(range, kind);
    }
    if needs.has(Needs::FILLER) {
        for range in prose::filler(text) {
            if !inside(&range, &taken[..kinds]) {
                push(range, Kind::Filler);
            }
        }
    }
    if needs.has(Needs::EVENTS) {
        for range in prose::stand_in_events(text) {
            if !inside(&range, &taken) {
                push(range, Kind::StandIn);
            }
        }
    }
}

/// Whether `text` speaks of templates: `rendered the template literally`,
/// `the variable was never substituted`.
fn mentions_templating(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "template",
        "render",
        "literal",
        "placeholder",
        "variable",
        "substitut",
        "interpolat",
        "envsubst",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether `text` speaks of date formats: `format`, `ISO 8601`, `locale`.
fn mentions_formats(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["format", "iso 8601", "iso-8601", "locale", "strftime"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether the words after a TODO word say it is the marker spoken of:
/// `TODO comments`, `TBD items`, `FIXME markers`.
fn names_the_marker(after: &str) -> bool {
    let next = after
        .trim_start_matches([' ', '"', '\'', '`'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // `a TODO comment`, `the TODO markers`, `37 TBD items`; not `TODO item
    // 3`, which is one.
    matches!(
        next.as_str(),
        "comment" | "comments" | "marker" | "markers" | "items" | "lists" | "tags" | "notes"
    )
}

/// The `[…]` pairs of `text` that Markdown left as text (not a link, not an
/// image, not a reference definition, not indexing like `opts["x"]`),
/// innermost first when they nest.
fn square_brackets(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(open) = memchr::memchr(b'[', &bytes[i..]).map(|o| o + i) {
        let Some(close) = memchr::memchr(b']', &bytes[open + 1..]).map(|c| c + open + 1) else {
            break;
        };
        // An inner `[` starts the innermost pair.
        if let Some(inner) = memchr::memrchr(b'[', &bytes[open + 1..close]) {
            i = open + 1 + inner;
            continue;
        }
        i = close + 1;
        let glued = text[..open]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ')' | ']' | '!'));
        // `[[Kafka runbook]]`, `[[People/Dana|Dana]]`: a wiki link.
        let wiki = open > 0 && bytes[open - 1] == b'[' && bytes.get(close + 1) == Some(&b']');
        // `[Assigned to]: Katarzyna Nowak`: a form's field name.
        let field = text[close + 1..].starts_with(": ")
            && text[close + 3..].starts_with(|c: char| c.is_alphanumeric());
        if !glued && !wiki && !field && !looks_like_link_syntax(&text[close + 1..]) {
            found.push(open..close + 1);
        }
    }
    found
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

/// The `<…>` pairs of `text` on one line, comments excluded.
fn angle_brackets(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(open) = memchr::memchr(b'<', &bytes[i..]).map(|o| o + i) {
        if text[open..].starts_with("<!--") {
            i = text[open..]
                .find("-->")
                .map_or(bytes.len(), |e| open + e + 3);
            continue;
        }
        let Some(len) = bytes[open + 1..]
            .iter()
            .position(|b| matches!(b, b'>' | b'<' | b'\n'))
        else {
            break;
        };
        let close = open + 1 + len;
        if bytes[close] != b'>' {
            i = close;
            continue;
        }
        let starts_word = bytes
            .get(open + 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b >= 0x80);
        if starts_word {
            found.push(open..close + 1);
        }
        i = close + 1;
    }
    found
}

/// Template variables: `{TITLE}` (an upper-case name of two characters or
/// more, not LaTeX's `_{Q}`), `{date}` (a word that names a value, not a
/// path's `/users/{id}`), `${title of the document}` and `${event}` (not a
/// shell's `${HOME}`), `$date` (a value word after a dollar), and
/// `{{ impact }}` (not a Hugo shortcode `{{< … >}}` or a site generator's
/// `{{ site.url }}`).
fn braces(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(open) = memchr::memchr2(b'{', b'$', &bytes[i..]).map(|o| o + i) {
        i = open + 1;
        let before = open.checked_sub(1).map(|b| bytes[b]);
        if bytes[open] == b'$' {
            if bytes.get(open + 1) == Some(&b'{') {
                let Some(len) = text[open + 2..].find('}') else {
                    break;
                };
                let close = open + 2 + len + 1;
                let inner = &text[open + 2..close - 1];
                // `${first item to fix}`, `${title}`, `${TICKET_URL}`: a
                // template's; `${HOME}`, `${host}`, `${jndi:ldap://…}`: a
                // shell's, a server's, an attack's.
                let code = inner.contains([':', '{', '$', '/', '=', '.', '(', '"', '\''])
                    || inner.starts_with(|c: char| c.is_ascii_digit());
                let prose = inner.trim().contains(' ');
                let names = names_a_value(&inner.to_ascii_lowercase());
                if !inner.trim().is_empty() && !code && (prose || names) {
                    found.push(open..close);
                }
                i = close;
                continue;
            }
            let name_len = bytes[open + 1..]
                .iter()
                .take_while(|b| b.is_ascii_lowercase() || **b == b'_')
                .count();
            let end = open + 1 + name_len;
            let glued = before.is_some_and(|b| b.is_ascii_alphanumeric())
                || bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric());
            let name = &text[open + 1..end];
            if name_len > 0 && !glued && names_a_value(name) {
                found.push(open..end);
            }
            continue;
        }
        if bytes[open + 1..].starts_with(b"{") {
            let Some(len) = text[open + 2..].find("}}") else {
                break;
            };
            let close = open + 2 + len + 2;
            let inner = text[open + 2..close - 2].trim();
            // A site generator's own objects: `{{ site.url }}`, `{{
            // page.title | upcase }}`, `{{ .Params.x }}`.
            let root = inner.split(['.', ' ']).next().unwrap_or("");
            let generated = inner.starts_with(['<', '%', '"', '\'', '#', '/', '!', '>', '.', '$'])
                || inner.contains('|')
                || matches!(
                    root,
                    "site"
                        | "page"
                        | "post"
                        | "include"
                        | "layout"
                        | "content"
                        | "paginator"
                        | "jekyll"
                        | "config"
                        | "params"
                        | "data"
                        | "theme"
                        | "env"
                        | "self"
                        | "loop"
                        | "section"
                        | "config_extra"
                );
            if !inner.is_empty() && !generated {
                found.push(open..close);
            }
            i = close;
            continue;
        }
        if before
            .is_some_and(|b| matches!(b, b'\\' | b'_' | b'^' | b'/') || b.is_ascii_alphanumeric())
        {
            continue; // \frac{A}{B}, x_{N}, /users/{id}
        }
        let name_len = bytes[open + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
            .count();
        let close = open + 1 + name_len;
        if bytes.get(close) != Some(&b'}') || name_len == 0 {
            continue;
        }
        let name = &text[open + 1..close];
        let upper = name.len() >= 2
            && name.starts_with(|c: char| c.is_ascii_uppercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        // `{date}`, `{incident-title}`, `{event}`: a word for the value.
        let snake = name.replace('-', "_");
        let lower = name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || matches!(b, b'_' | b'-'))
            && (names_a_value(&snake) || words::is_in(words::VALUE_STAND_INS, name));
        if upper || lower {
            found.push(open..close + 1);
        }
    }
    found
}

/// `@owner`, `@name`, `@team-name`: a handle that names what goes there
/// (`@dana`, `@sre-oncall` and `ops@example.org` are real).
fn handles(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for at in memchr::memchr_iter(b'@', bytes) {
        let glued = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'[');
        let len = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
            .count();
        let end = at + 1 + len;
        let name = text[at + 1..end].to_ascii_lowercase().replace('-', "_");
        if !glued && len > 0 && names_a_value(&name) {
            found.push(at..end);
        }
    }
    found
}

/// `date`, `incident_title`: snake-case words that name a value.
fn names_a_value(name: &str) -> bool {
    let parts: Vec<String> = name.split('_').map(str::to_owned).collect();
    parts
        .last()
        .is_some_and(|last| words::is_in(words::VALUE_NOUNS, last))
        && parts
            .iter()
            .all(|p| words::is_in(words::VALUE_NOUNS, p) || words::is_in(words::MODIFIERS, p))
}

/// Angle-bracket stand-ins in inline HTML and HTML blocks: pulldown-cmark
/// reads `<your name>` as a tag named `your`.
fn scan_html(doc: &Document, units: &Units<'_>, hits: &mut Vec<Hit>) {
    // Angle brackets with their evidence and line; as in text runs, a
    // phrase that would not count alone does beside a placeholder on the
    // same line (`<service name> was down for <duration>`).
    let mut weighed: Vec<(Range<usize>, usize, bool)> = Vec::new();
    for span in &doc.outline.html {
        let Some(html) = doc.text.get(span.clone()) else {
            continue;
        };
        for range in angle_brackets(html) {
            let content = &html[range.start + 1..range.end - 1];
            if brackets::is_html_tag(content) {
                continue;
            }
            let evidence = brackets::weigh(content, true);
            let file = span.start + range.start..span.start + range.end;
            if evidence == Evidence::None {
                continue;
            }
            if let Some(site) = units.site(file.clone()) {
                let line = doc.lines.line_of(file.start);
                let decided = brackets::angle(content, site);
                if site.quoted {
                    continue;
                }
                weighed.push((file, line, decided));
            }
        }
    }
    let lines: Vec<usize> = weighed
        .iter()
        .filter(|(_, _, decided)| *decided)
        .map(|(_, line, _)| *line)
        .collect();
    for (span, line, decided) in weighed {
        if decided || lines.contains(&line) {
            hits.push(Hit {
                span,
                kind: Kind::Bracket,
            });
        }
    }
}

/// The template's instructions to the writer: paragraphs and items wholly
/// in italics that tell what to write, and bare bullets of guidance.
fn scan_instructions(doc: &Document, hits: &mut Vec<Hit>) {
    let outline = &doc.outline;
    for span in &outline.emphasized {
        let text: String = outline
            .texts_in(span)
            .iter()
            .filter(|run| run.span.end <= span.end)
            .map(|run| run.text(&doc.text))
            .collect::<Vec<_>>()
            .join(" ");
        if prose::is_instruction_line(&text, true) {
            hits.push(Hit {
                span: span.clone(),
                kind: Kind::Instruction,
            });
        }
    }
    for item in &outline.items {
        if item.task.is_some()
            || !prose::is_instruction_line(item.text(&doc.text), false)
            || outline.in_section(item.span.start, "action_items")
        {
            continue;
        }
        let line = doc
            .lines
            .line_range(&doc.text, doc.lines.line_of(item.span.start));
        let slice = &doc.text[line.clone()];
        let start = line.start + strip_block_prefix(slice);
        let end = line.start + slice.trim_end().len();
        if outline
            .emphasized
            .iter()
            .any(|e| e.start < end && start < e.end)
        {
            continue; // reported as an italic instruction
        }
        hits.push(Hit {
            span: start..end.max(start),
            kind: Kind::Instruction,
        });
    }
}

/// Where a document's units are: table cells (whose text is a value of
/// its own) and lines.
struct Units<'d> {
    doc: &'d Document,
    /// Every table cell, by start, with whether it is a header cell.
    cells: OnceLock<Vec<(Range<usize>, bool)>>,
}

impl<'d> Units<'d> {
    fn new(doc: &'d Document) -> Self {
        Units {
            doc,
            cells: OnceLock::new(),
        }
    }

    fn cells(&self) -> &[(Range<usize>, bool)] {
        self.cells.get_or_init(|| {
            let mut cells: Vec<(Range<usize>, bool)> = Vec::new();
            for table in &self.doc.outline.tables {
                for cell in &table.header.cells {
                    cells.push((cell.span.clone(), true));
                }
                for row in &table.rows {
                    for cell in &row.cells {
                        cells.push((cell.span.clone(), false));
                    }
                }
            }
            cells.sort_by_key(|(span, _)| span.start);
            cells
        })
    }

    /// The table cell holding `span`, and whether it is a header cell.
    fn cell(&self, span: &Range<usize>) -> Option<(Range<usize>, bool)> {
        let cells = self.cells();
        let after = cells.partition_point(|(cell, _)| cell.start <= span.start);
        let (cell, header) = cells.get(after.checked_sub(1)?)?;
        (span.end <= cell.end).then(|| (cell.clone(), *header))
    }

    /// The unit holding `span`: its cell, else its line without the block
    /// markers in front (quote, list item, task box, heading).
    fn unit(&self, span: &Range<usize>) -> (Range<usize>, bool) {
        let (unit, quoted, _) = self.unit_and_line(span);
        (unit, quoted)
    }

    /// [`Self::unit`], and the line holding `span`'s start, without its
    /// line break.
    fn unit_and_line(&self, span: &Range<usize>) -> (Range<usize>, bool, Range<usize>) {
        let doc = self.doc;
        let line = doc
            .lines
            .line_range(&doc.text, doc.lines.line_of(span.start));
        let quoted = doc.text[line.clone()].trim_start().starts_with('>');
        if let Some((cell, _)) = self.cell(span) {
            return (cell, quoted, line);
        }
        let start = line.start + strip_block_prefix(&doc.text[line.clone()]);
        (start.min(span.start)..line.end.max(span.end), quoted, line)
    }

    /// Where a bracket at file `span` stands; `None` inside a real link's
    /// text (`[see [this] page](…)`), which is never a placeholder.
    fn site(&self, span: Range<usize>) -> Option<Site> {
        let text = &self.doc.text;
        let in_link = self
            .doc
            .outline
            .links
            .iter()
            .any(|l| l.span.start <= span.start && span.end <= l.span.end);
        if in_link {
            return None;
        }
        let (unit, block_quote, line) = self.unit_and_line(&span);
        let before = text.get(unit.start..span.start).unwrap_or("");
        let after = text.get(span.end..unit.end).unwrap_or("");
        let line = text.get(line).unwrap_or("");
        let speech = in_quotation(before, after) || is_chat_line(&line[strip_block_prefix(line)..]);
        Some(Site {
            place: place_in(before, after),
            quoted: block_quote || speech,
            speech,
        })
    }

    /// Whether `run` is all its line or cell holds (no link, no other text).
    fn is_whole_line(&self, run: &TextRun) -> bool {
        let (unit, _) = self.unit(&run.span);
        let text = &self.doc.text;
        let before = text.get(unit.start..run.span.start).unwrap_or("");
        let after = text.get(run.span.end..unit.end).unwrap_or("");
        !has_words(before) && !has_words(after) && !after.contains("](") && !after.contains("http")
    }

    /// Whether an upper-case stand-in at `span` in `run` is one: not in a
    /// table's header, and in a heading only as a document title (`#
    /// INCIDENT NAME`) or beside other text (`Timeline DATE RANGE`).
    fn caps_may_stand_in(&self, run: &TextRun, span: Range<usize>, found: &str) -> bool {
        if self.cell(&span).is_some_and(|(_, header)| header) {
            return false;
        }
        if !run.in_heading {
            return true;
        }
        let outline = &self.doc.outline;
        let Some(heading) = outline.heading_at(span.start).map(|i| &outline.headings[i]) else {
            return true;
        };
        heading.level == 1 || heading.title.trim() != found
    }
}

/// Whether `line` is a line of a chat or a log as people paste them: a
/// bracketed time first (`[10:06] omar: …`, `[2026-11-20 10:01:07] …`), a
/// nick in angle brackets (`<dana> …`), or a time and a speaker (`14:02
/// dana: …`, `14:02:11 <dana> …`).
fn is_chat_line(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix('[') {
        return rest
            .split_once(']')
            .is_some_and(|(inside, _)| formats::has_time_or_date(inside));
    }
    if let Some(rest) = line.strip_prefix('<') {
        return rest.split_once('>').is_some_and(|(nick, after)| {
            !nick.is_empty()
                && !nick.contains(' ')
                && !brackets::is_html_tag(nick)
                && nick
                    .chars()
                    .all(|c| c.is_alphanumeric() || "_-.|@".contains(c))
                && after.starts_with(' ')
        });
    }
    let Some((time, rest)) = line.split_once(' ') else {
        return false;
    };
    let speaker = rest.split_whitespace().next().unwrap_or("");
    time.contains(':')
        && formats::has_time_or_date(time)
        && (speaker.ends_with(':') || (speaker.starts_with('<') && speaker.ends_with('>')))
}

/// How many bytes of `line` are block markers: indentation, `>` quotes,
/// a list marker, a task box, heading `#`s.
fn strip_block_prefix(line: &str) -> usize {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix('>') {
            rest = after;
            continue;
        }
        rest = trimmed;
        break;
    }
    let marker = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .or_else(|| {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0)
                .then(|| {
                    rest[digits..]
                        .strip_prefix(". ")
                        .or(rest[digits..].strip_prefix(") "))
                })
                .flatten()
        });
    if let Some(after) = marker {
        rest = after.trim_start();
        for task in ["[ ] ", "[x] ", "[X] "] {
            if let Some(after) = rest.strip_prefix(task) {
                rest = after.trim_start();
            }
        }
    }
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && rest[hashes..].starts_with(' ') {
        rest = rest[hashes..].trim_start();
    }
    line.len() - rest.len()
}

/// Where a bracket stands, from the text before and after it in its unit.
fn place_in(before: &str, after: &str) -> Place {
    // A label's value: `**Lead:** [Your Name]`, `Owner: [Name], due …`.
    let (before, labelled) = match label_end(before) {
        Some(end) => (&before[end..], true),
        None => (before, false),
    };
    let words_before = has_words(before);
    let words_after = has_words(after);
    // `[time] - update`, `[Name]: …`: the first field of a line, not a tag.
    let separated = after
        .trim_start_matches([' ', '*', '_'])
        .starts_with(['-', '–', '—', ':', '|']);
    match (words_before, words_after) {
        (false, false) => Place::Whole,
        (false, true) if labelled || separated => Place::Labelled,
        (false, true) => Place::Leading,
        (true, false) => Place::Trailing,
        (true, true) => Place::Inline,
    }
}

/// The end of a label in `before`: after its last `:` that is followed by
/// a space, emphasis or nothing (`14:02` holds no label).
fn label_end(before: &str) -> Option<usize> {
    let bytes = before.as_bytes();
    bytes.iter().rposition(|b| *b == b':').and_then(|at| {
        let next = bytes.get(at + 1);
        next.is_none_or(|b| matches!(b, b' ' | b'\t' | b'*' | b'_'))
            .then_some(at + 1)
    })
}

/// Whether `text` holds a word outside other brackets and markup.
fn has_words(text: &str) -> bool {
    let mut depth: i32 = 0;
    for c in text.chars() {
        match c {
            '[' | '<' | '{' => depth += 1,
            ']' | '>' | '}' => depth = (depth - 1).max(0),
            c if depth == 0 && c.is_alphanumeric() => return true,
            _ => {}
        }
    }
    false
}

/// Whether the text between `before` and `after` is inside quotation marks
/// on its line: `"… billed to your [payment provider] account …"`.
fn in_quotation(before: &str, after: &str) -> bool {
    let straight = before.matches('"').count() % 2 == 1 && after.contains('"');
    let curly = before
        .rfind('“')
        .is_some_and(|open| !before[open..].contains('”'))
        && after.contains('”');
    straight || curly
}

/// What the passes over a text found, as bits: which of the close looks a
/// text run needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Needs(u8);

impl Needs {
    /// `[`, `<`, `{` or `$`: brackets, angle brackets, template variables.
    const BRACKETS: Needs = Needs(1);
    /// A piece of a format, `$X`, `??` or a TODO word.
    const FORMATS: Needs = Needs(1 << 1);
    /// A piece of a filler phrase (`goes here`, `to be filled`).
    const FILLER: Needs = Needs(1 << 2);
    /// A word of Lorem ipsum.
    const LOREM: Needs = Needs(1 << 3);
    /// An upper-case value word (`NAME`, `DATE`).
    const CAPS: Needs = Needs(1 << 4);
    /// ` happened`, ` occurred`: a numbered event.
    const EVENTS: Needs = Needs(1 << 5);
    /// Everything: for text whose source differs from it.
    const ALL: Needs = Needs(u8::MAX);

    fn has(self, other: Needs) -> bool {
        self.0 & other.0 != 0
    }

    fn any(self) -> bool {
        self.0 != 0
    }

    /// What a single value needs. Values are short and many (every action
    /// item's text, owner and due date): one pass over their bytes costs
    /// less than starting the body's automata on each.
    fn of_value(text: &str) -> Needs {
        let b = text.as_bytes();
        // One pass sorts the bytes into classes; only the checks these call
        // for follow.
        let seen = b
            .iter()
            .fold(0u8, |seen, &c| seen | BYTE_CLASS[usize::from(c)]);
        let mut needs = 0u8;
        if seen & class::BRACKET != 0 {
            needs |= Needs::BRACKETS.0;
        }
        if seen & class::DOLLAR_OR_QUESTION != 0 {
            needs |= Needs::BRACKETS.0 | Needs::FORMATS.0;
        }
        // A format's two-letter field (`YYYY`, `mm`), a TODO word's start
        // (`TB`, `FI`).
        let format = b.windows(2).any(|w| {
            (w[0] == w[1] && BYTE_CLASS[usize::from(w[0])] & class::FIELD_LETTER != 0)
                || (matches!(w[0], b'T' | b'F') && w[1].is_ascii_uppercase())
        });
        if format {
            needs |= Needs::FORMATS.0;
        }
        if seen & class::SPACE == 0 {
            return Needs(needs);
        }
        // Prose stand-ins have words: the last four bytes, folded to lower
        // case, find filler (`here`, ` be `) and Lorem ipsum.
        const fn word(w: &[u8; 4]) -> u32 {
            u32::from_be_bytes([w[0] | 0x20, w[1] | 0x20, w[2] | 0x20, w[3] | 0x20])
        }
        const HERE: u32 = word(b"here");
        const TO_BE: u32 = word(b" be ");
        const LOREM: u32 = word(b"orem");
        const IPSUM: u32 = word(b"psum");
        const DOLOR: u32 = word(b"olor");
        const AMET: u32 = word(b"amet");
        let mut last4: u32 = 0;
        for &c in b {
            last4 = (last4 << 8) | u32::from(c | 0x20);
            needs |= match last4 {
                HERE | TO_BE => Needs::FILLER.0,
                LOREM => Needs::FILLER.0 | Needs::LOREM.0,
                IPSUM | DOLOR | AMET => Needs::LOREM.0,
                _ => 0,
            };
        }
        // An upper-case stand-in is all of a value, in words: `INCIDENT NAME`.
        if seen & class::LOWER == 0 && seen & class::UPPER != 0 {
            needs |= Needs::CAPS.0;
        }
        Needs(needs)
    }
}

/// Classes of bytes for [`Needs::of_value`].
mod class {
    pub const BRACKET: u8 = 1;
    pub const DOLLAR_OR_QUESTION: u8 = 1 << 1;
    pub const FIELD_LETTER: u8 = 1 << 2;
    pub const UPPER: u8 = 1 << 3;
    pub const LOWER: u8 = 1 << 4;
    pub const SPACE: u8 = 1 << 5;
}

const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = match b {
            b'[' | b'{' | b'<' => class::BRACKET,
            b'$' | b'?' => class::DOLLAR_OR_QUESTION,
            b'@' => class::BRACKET,
            b' ' => class::SPACE,
            b'Y' | b'M' | b'D' | b'H' => class::FIELD_LETTER | class::UPPER,
            b'y' | b'm' | b'd' | b'h' => class::FIELD_LETTER | class::LOWER,
            b'A'..=b'Z' => class::UPPER,
            b'a'..=b'z' => class::LOWER,
            _ => 0,
        };
        c += 1;
    }
    table
};

/// Where the passes over a whole body found something a placeholder could
/// start with, and what, as ranges in order: a text run touching none of
/// them holds no placeholder.
struct Marks(Vec<(Range<usize>, Needs)>);

impl Marks {
    fn of(body: &str, base: usize) -> Marks {
        let bytes = body.as_bytes();
        let mut marks: Vec<(Range<usize>, Needs)> = memchr::memchr3_iter(b'[', b'{', b'<', bytes)
            .map(|at| (base + at..base + at + 1, Needs::BRACKETS))
            .collect();
        // `$date`, `${event}` and `$X`; `@owner`, a handle that names the
        // value.
        let dollar = Needs(Needs::BRACKETS.0 | Needs::FORMATS.0);
        marks.extend(memchr::memchr2_iter(b'$', b'@', bytes).map(|at| {
            let needs = if bytes[at] == b'$' {
                dollar
            } else {
                Needs::BRACKETS
            };
            (base + at..base + at + 1, needs)
        }));
        marks.extend(formats_automaton().find_iter(body).map(|m| {
            // `(fill in)` rides with the formats, whose automaton has room.
            let needs = if FORMAT_NEEDLES[m.pattern().as_usize()] == "(fill" {
                Needs::FILLER
            } else {
                Needs::FORMATS
            };
            (base + m.start()..base + m.end(), needs)
        }));
        marks.extend(prose_automaton().find_iter(body).map(|m| {
            let needs = PROSE_NEEDLES[m.pattern().as_usize()].1;
            (base + m.start()..base + m.end(), needs)
        }));

        marks.sort_by_key(|(r, _)| r.start);
        Marks(marks)
    }

    /// What the marks intersecting `span` need. Spans are asked for in
    /// document order (text runs are), so the marks are swept once:
    /// `from` is where the sweep stands.
    fn needs(&self, span: Range<usize>, from: &mut usize) -> Needs {
        // Marks are short: one starting more than a needle's length before
        // `span` cannot reach into it.
        let reach = span.start.saturating_sub(LONGEST_NEEDLE);
        while self.0.get(*from).is_some_and(|(m, _)| m.start < reach) {
            *from += 1;
        }
        let mut needs = Needs::default();
        for (m, what) in self.0[*from..]
            .iter()
            .take_while(|(m, _)| m.start < span.end)
        {
            if m.end > span.start {
                needs.0 |= what.0;
            }
        }
        needs
    }
}

/// Pieces every format token and TODO word contains: a two-letter field
/// beside a separator, in upper or lower case (`YYYY-MM-DD`, `hh:mm`,
/// `DD.MM.YYYY`), an X stand-in (`XX:XX`, `XXX`), or an unknown digit
/// (`09:??`, `01:xx`). `$X` is found by the pass for `$`. Each automaton holds at most 32 needles, which keeps
/// aho-corasick on its faster ("slim") SIMD search; every needle added
/// costs, most of all those that start with a common byte (a space, a
/// lower-case letter), so each class has as few as find it.
const FORMAT_NEEDLES: &[&str] = &[
    "YY-", "YY/", "MM-", "MM/", "MM:", "DD-", "DD/", "HH:", ":MM", "YYYY", "yy-", "yy/", "mm-",
    "mm/", "mm:", "dd-", "dd/", "hh:", ":mm", "yyyy", "XX:", "XXX", ":xx", ":??", "-??", " X ",
    "(fill", "TODO", "TBD", "TBC", "TBA", "FIXME",
];

/// Pieces of prose stand-ins, with what each calls for: filler phrases,
/// Lorem ipsum, upper-case value words, numbered events, links. Kept few:
/// with more than about sixteen needles the search costs twice as much.
const PROSE_NEEDLES: &[(&str, Needs)] = &[
    ("o be ", Needs::FILLER),
    (" here", Needs::FILLER),
    ("HERE", Needs::FILLER),
    ("orem", Needs(Needs::LOREM.0 | Needs::FILLER.0)),
    // Lorem ipsum's commonest words, and the first words of its lines.
    ("ipsum", Needs::LOREM),
    ("amet", Needs::LOREM),
    ("Etiam", Needs::LOREM),
    ("Curabitur", Needs::LOREM),
    ("veniam", Needs::LOREM),
    ("NAME", Needs::CAPS),
    ("DATE", Needs::CAPS),
    ("TITLE", Needs::CAPS),
    ("OWNER", Needs::CAPS),
    ("RANGE", Needs::CAPS),
    ("happened", Needs::EVENTS),
    ("occurred", Needs::EVENTS),
];

/// The length of the longest needle, in bytes.
const LONGEST_NEEDLE: usize = 9;

/// The automata here are NFAs with leftmost matching, which lets
/// aho-corasick use its SIMD prefilter: the prefilter does the searching,
/// the automaton only confirms a candidate. So the cheapest automaton to
/// build wins (a non-contiguous NFA); a DFA would cost
/// more to build than a whole one-file lint.
fn automaton<'a>(needles: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(needles)
        .unwrap_or_else(|e| unreachable!("fixed needles always build: {e}"))
}

fn formats_automaton() -> &'static AhoCorasick {
    static NEEDLES: OnceLock<AhoCorasick> = OnceLock::new();
    NEEDLES.get_or_init(|| automaton(FORMAT_NEEDLES.iter().copied()))
}

fn prose_automaton() -> &'static AhoCorasick {
    static NEEDLES: OnceLock<AhoCorasick> = OnceLock::new();
    NEEDLES.get_or_init(|| automaton(PROSE_NEEDLES.iter().map(|(needle, _)| *needle)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_ends_at_the_blank_lines_around_it() {
        let text = "# T\n\none\ntwo\n\n\nthree {X}\nfour\n\nfive\n";
        let doc = Document::parse("a.md".into(), text.to_owned());
        let at = |s: &str| text.find(s).unwrap_or(0);
        let paragraph = |s: &str| &text[paragraph_of(&doc, at(s)..at(s) + s.len())];
        assert_eq!(paragraph("two"), "one\ntwo");
        // After two blank lines, from the second one's end.
        assert_eq!(paragraph("{X}"), "three {X}\nfour");
        assert_eq!(paragraph("five"), "five\n");
        // A span that starts right after a blank line, or ends right before one.
        assert_eq!(paragraph("one"), "one\ntwo");
        assert_eq!(paragraph("four"), "three {X}\nfour");
    }

    fn found(text: &str) -> Vec<(&str, Kind)> {
        in_value(text)
            .into_iter()
            .map(|(r, k)| (&text[r], k))
            .collect()
    }

    #[test]
    fn values_are_read_whole() {
        assert_eq!(found("[Your Name]"), [("[Your Name]", Kind::Bracket)]);
        assert_eq!(found("[Name]"), [("[Name]", Kind::Bracket)]);
        assert!(found("[Incident] Cache nodes evicted").is_empty());
        assert_eq!(found("{TITLE}"), [("{TITLE}", Kind::Brace)]);
        assert_eq!(found("YYYY-MM-DD"), [("YYYY-MM-DD", Kind::Format)]);
        assert_eq!(found("TBD"), [("TBD", Kind::Todo)]);
        assert_eq!(
            found("[YYYY-MM-DD HH:MM timezone]"),
            [("[YYYY-MM-DD HH:MM timezone]", Kind::Bracket)]
        );
        assert!(found("Dana Kim").is_empty());
        assert_eq!(found("INCIDENT NAME"), [("INCIDENT NAME", Kind::Filler)]);
        assert!(found("SRE TEAM ON CALL").is_empty());
        assert!(found("2026-11-22").is_empty());
    }

    #[test]
    fn places_come_from_the_text_around() {
        assert_eq!(place_in("**Lead:** ", ""), Place::Whole);
        assert_eq!(place_in("", " disk full"), Place::Leading);
        assert_eq!(place_in("Fix the pool ", ""), Place::Trailing);
        assert_eq!(place_in("from ", " to x"), Place::Inline);
        assert_eq!(place_in("Owner: ", ", due [Date]"), Place::Labelled);
        assert_eq!(
            place_in("**Detected**: ", " by [person/system]"),
            Place::Labelled
        );
        assert_eq!(place_in("", " - [Role]"), Place::Whole);
        assert_eq!(place_in("14:02 ", " restarted"), Place::Inline);
        assert_eq!(place_in("", " - update"), Place::Labelled);
    }

    #[test]
    fn chat_lines() {
        for line in [
            "[10:06] Omar Farouk: TBD",
            "[2026-11-20 10:01:07] deploy started",
            "<dana> restarting",
            "14:02 dana: paging",
            "14:02:11 <dana> ack",
        ] {
            assert!(is_chat_line(line), "{line}");
        }
        for line in [
            "[Dana]: failing over",
            "<br> text",
            "14:02 the alert fired",
            "TODO: x",
        ] {
            assert!(!is_chat_line(line), "{line}");
        }
    }

    #[test]
    fn block_prefixes() {
        for (line, rest) in [
            ("- [ ] Fix it", "Fix it"),
            ("> > quoted", "quoted"),
            ("12. Twelfth", "Twelfth"),
            ("## Heading", "Heading"),
            ("  * [x] Done", "Done"),
            ("plain", "plain"),
        ] {
            assert_eq!(&line[strip_block_prefix(line)..], rest, "{line}");
        }
    }

    #[test]
    fn brackets_left_as_text_by_markdown() {
        let text = "[a [Name] b, opts[\"x\"], [t](u), [r][s] and [ok]";
        let got: Vec<&str> = square_brackets(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["[Name]", "[ok]"]);
    }

    #[test]
    fn braces_that_are_template_variables() {
        let text = "{TITLE} {{ impact }} {{< ref x >}} {{ site.url }} ${HOME} x_{N} {Q} {lower} \
            {date} /users/{id} ${timestamp} ${first item to fix} $date $HOME $5 costs$title \
            ${jndi:ldap://x} ${scheme}${host} ${TICKET_URL} {{ event.time }}";
        let got: Vec<&str> = braces(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "{TITLE}",
                "{{ impact }}",
                "{date}",
                "${timestamp}",
                "${first item to fix}",
                "$date",
                "${TICKET_URL}",
                "{{ event.time }}"
            ]
        );
    }
}
