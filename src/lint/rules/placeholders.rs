//! Placeholder rules: text a template left for the writer to replace, in
//! every style the templates use.

use std::borrow::Cow;
use std::ops::Range;

use crate::config::Config;
use crate::document::placeholders::{self, Kind, prose};
use crate::error::Error;
use crate::lint::check::{Checker, Stage};
use crate::lint::fix::{Applicability, Edit, Fix, Offer};
use crate::lint::rule::rules;
use crate::lint::{Level, Rule};

/// What the placeholder rules read from the configuration.
#[derive(Debug, Default)]
pub struct Options {
    /// The team's own placeholder patterns (PM210).
    pub patterns: Vec<regex::Regex>,
}

impl Options {
    /// The configuration's patterns, compiled; one that is not a regular
    /// expression is an error naming its line.
    pub fn new(config: &Config) -> Result<Options, Error> {
        let patterns = config
            .placeholders
            .iter()
            .map(|pattern| {
                regex::Regex::new(&pattern.value).map_err(|err| {
                    let text = err.to_string();
                    let last = text.lines().last().unwrap_or("").trim();
                    let first = last.strip_prefix("error: ").unwrap_or(last);
                    config.error_at(
                        pattern,
                        format!(
                            "placeholders: `{}` is not a valid regular expression: {first}",
                            pattern.value
                        ),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Options { patterns })
    }
}

rules! {
    /// PM201
    BRACKET = Rule {
        id: "PM201",
        name: "bracket-placeholder",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "replace the bracketed text with the real content",
        explanation: "Templates mark what to write as `[Your Name]`, `[X hours Y minutes]` or \
            `<insert date>`. Bracketed text is reported when it reads as a description of what goes \
            there: it addresses the writer (`[Describe the impact]`, `[e.g., 5 minutes]`), holds a \
            format or a choice (`[YYYY-MM-DD]`, `[High | Medium | Low]`), names a value (`[Incident \
            Title]`, `[Engineer Name]`), or is the whole value of a field, cell or item. Links, \
            task boxes, footnotes, citations (`[1]`), times (`[09:14]`), tags and log levels \
            (`[WARN]`, `[OPS-2291]`), names (`[Dana]`), editorial marks (`[sic]`), labels quoted \
            from a tool (`[Firing]`), code-shaped text, HTML, autolinks, chat nicks (`<dana>`) and \
            command parameters (`restart <unit>`) are never reported.",
        bad: "**Incident Lead:** [Your Name]",
        good: "**Incident Lead:** Dana Kim",
    };

    /// PM202
    BRACE = Rule {
        id: "PM202",
        name: "brace-placeholder",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "replace the template variable with the real value",
        explanation: "`{TITLE}`, `{INCIDENT_URL}` and `{{ impact }}` are template variables \
            nobody filled in. Lower-case braces, `${VAR}`, LaTeX (`x_{N}`), Hugo shortcodes \
            (`{{< ref … >}}`), a site generator's own variables (`{{ site.url }}`) and anything in \
            code are left alone.",
        bad: "- **incident.io:** {INCIDENT_URL}",
        good: "- **incident.io:** https://app.incident.io/incidents/2041",
    };

    /// PM203
    FORMAT = Rule {
        id: "PM203",
        name: "format-placeholder",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "write the actual date, time or amount",
        explanation: "`YYYY-MM-DD`, `HH:MM` and `$X` show the shape of a value, not the value, in \
            any letter case (`hh:mm`, `HH:mm:ss`, `dd/mm/yyyy`). Real times (`14:02`) and amounts \
            (`$12,400`) are never reported.",
        bad: "| HH:MM | Alert fired |",
        good: "| 14:02 | Alert fired |",
    };

    /// PM204
    STAND_IN = Rule {
        id: "PM204",
        name: "numbered-stand-in",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "replace the numbered stand-in with the real item",
        explanation: "Templates list `Factor 1`, `Action 2`, `Learning 3` as stand-ins for real \
            entries. An item that is only such a label (or a label followed by a placeholder) was \
            not written. A label followed by real text (`Factor 1: the pool was too small`) is fine.",
        bad: "- Factor 1: [Description]\n- Learning 2",
        good: "- Pool size was fixed at 20 while traffic doubled\n- Load tests must include the pooler",
    };

    /// PM205
    TODO = Rule {
        id: "PM205",
        name: "todo-marker",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "resolve the TODO and remove the marker",
        explanation: "`TODO`, `TBD`, `TBC`, `TBA` and `FIXME` mark work left to do in the document.",
        bad: "Root cause: TBD",
        good: "Root cause: the connection pool was capped at 20.",
    };

    /// PM206
    EMPTY_ROW = Rule {
        id: "PM206",
        name: "empty-table-row",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "fill the row or delete it",
        explanation: "A table row whose cells are all empty (or only `N/A`, `-`, `…`) is a row the \
            template left for an entry (a timeline event, a responder, an action item).",
        bad: "| Time | Event |\n|------|-------|\n| | |",
        good: "| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |",
    };

    /// PM207
    EMPTY_ITEM = Rule {
        id: "PM207",
        name: "empty-list-item",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "write the item, or delete it",
        explanation: "An empty bullet, number or task box (`- `, `1.`, `- [ ]`), or a label with \
            nothing after its colon (`- Users affected:` among other labels, or last before the next \
            heading), is a blank the template left. An item that ends with a colon and whose value \
            follows (a nested list, a code block, the next paragraph, or items that are not labels) \
            is fine.",
        bad: "- Users affected:\n- [ ]\n1.",
        good: "- Users affected: about 4,100 (12% of checkouts)\n- [ ] Add a pool-saturation alert (OPS-1423)",
    };

    /// PM208
    TEMPLATE_TEXT = Rule {
        id: "PM208",
        name: "template-text",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "replace the line with this incident's content",
        explanation: "For a document whose front matter names its template, a line left exactly \
            as that template wrote it (an example row, a sample item) was never filled in, even \
            when it does not look like a placeholder. Headings, table headers, labels ending in \
            `:`, questions and checklist labels are not reported.",
        bad: "**Monitoring Improvements:**\n- Additional alerts needed",
        good: "**Monitoring Improvements:**\n- Alert when pgbouncer waits exceed 50 for 2 minutes",
    };

    /// PM209
    GUIDANCE_COMMENT = Rule {
        id: "PM209",
        name: "guidance-comment",
        level: Level::Error,
        status_aware: false,
        fix: Some(Offer {
            applicability: Applicability::Unsafe,
            safe_in_drafts: false,
            what: "removes the comment (and its line, when it has one of its own)",
        }),
        summary: "delete the comment once the section is written",
        explanation: "Template guidance such as `<!-- Steps taken to restore service -->` is for \
            the writer. It is fine in a draft; in an in-review or final document it is left over. \
            Directives are not guidance: pm's own (`pm-lint-…`, `pm-index:…`), other tools' \
            (`markdownlint-disable MD013`, `prettier-ignore`, `toc`, `vale off`), one-word \
            markers (`<!-- more -->`) and notes on where the text came from (`<!-- Translated \
            from … -->`, a converter's `<!----- … ----->`).",
        bad: "## Recovery\n\n<!-- Steps taken to restore service -->\n\nWe failed over to the replica.",
        good: "## Recovery\n\nWe failed over to the replica.",
    };

    /// PM210
    CUSTOM = Rule {
        id: "PM210",
        name: "custom-placeholder",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "replace the text matching a placeholder pattern from .pm.yaml",
        explanation: "Teams with their own placeholder style list regular expressions under \
            `placeholders:` in .pm.yaml; text outside code that matches one is reported like any \
            other placeholder.",
        bad: "# placeholders: ['<<[A-Z_]+>>']\n**Owner:** <<OWNER>>",
        good: "**Owner:** Dana Kim",
    };

    /// PM211
    STAND_IN_TEXT = Rule {
        id: "PM211",
        name: "stand-in-text",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "write the real text in place of the stand-in",
        explanation: "Text a template writes in place of content: Lorem ipsum, \"details here\", \
            \"text goes here\", \"(to be filled in)\", \"to be determined\", and upper-case stand-ins \
            such as `# INCIDENT NAME` or `DATE RANGE`. Upper-case words in a table header, shouting \
            prose and section titles are not reported.",
        bad: "# INCIDENT NAME\n\n## Summary\n\nLorem ipsum dolor sit amet.",
        good: "# Checkout API returned 503s\n\n## Summary\n\nCheckout failed for 79 minutes.",
    };

    /// PM212
    INSTRUCTION = Rule {
        id: "PM212",
        name: "template-instruction",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "replace the template's instruction with what it asks for",
        explanation: "Templates tell the writer what to write in an italic line (`*Explain what \
            the on-call engineer saw first*`, `_To be done pre-meeting…_`) or in bare bullets \
            (`* describe each mitigation step in order`). Left in a document, they are text nobody \
            wrote. Italic notes that do not instruct (`*Updated on 2026-03-02*`) and action items \
            (`- Document the failover`) are not reported.",
        bad: "## Detection\n\n*Explain what the on-call engineer saw first*",
        good: "## Detection\n\nThe error-rate alert paged the on-call engineer at 14:06.",
    };

    /// PM213
    UNKNOWN_DIGITS = Rule {
        id: "PM213",
        name: "unknown-digits",
        level: Level::Warning,
        status_aware: true,
        fix: None,
        summary: "fill in the digits, or say the time is approximate",
        explanation: "A date or time with question marks for digits (`2025-03-??`, `09:??`) was not \
            known when it was written. A warning: the writer may really not know, but the timeline \
            and the metrics pm derives from it need the value; write `about 09:30` when it is an \
            estimate.",
        bad: "| 09:?? | Failover started |",
        good: "| 09:42 | Failover started |",
    };
}

/// Reports one placeholder hit of `kind` at `span`; `found` is its text.
pub fn report_hit(c: &mut Checker<'_>, kind: Kind, span: Range<usize>, found: &str) {
    let found = match kind {
        Kind::Instruction | Kind::Filler => Cow::Owned(one_line(found)),
        _ => Cow::Borrowed(found),
    };
    // A draft has dozens: the message is put together in one allocation.
    let (rule, before, after) = match kind {
        Kind::Bracket => (&BRACKET, "unfilled placeholder `", "`"),
        Kind::Brace => (&BRACE, "unfilled placeholder `", "`"),
        Kind::Format => (&FORMAT, "`", "` is a format, not a value"),
        Kind::UnknownDigits => (&UNKNOWN_DIGITS, "`", "` has unknown digits"),
        Kind::Todo => (&TODO, "`", "` left in the document"),
        Kind::StandIn => (&STAND_IN, "numbered stand-in `", "`"),
        Kind::Filler => (&STAND_IN_TEXT, "stand-in text `", "`"),
        Kind::Instruction => (
            &INSTRUCTION,
            "template instruction `",
            "` left in the document",
        ),
    };
    c.report(rule, span, [before, &found, after].concat());
}

/// `text` on one line, cut at 60 characters, for messages.
fn one_line(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 60 {
        return flat;
    }
    let cut: String = flat.chars().take(59).collect();
    format!("{}…", cut.trim_end())
}

/// Checks the body for placeholders.
pub fn check(c: &mut Checker<'_>) {
    let doc = c.doc;
    // A team's own pattern names its placeholders (PM210): a built-in
    // finding inside one of its matches would say the same thing twice.
    let custom = if c.settings.placeholders.patterns.is_empty() {
        Vec::new()
    } else {
        custom_matches(c)
    };
    let covered = Containers::new(custom.clone());
    let scanned = [
        &BRACKET,
        &BRACE,
        &FORMAT,
        &UNKNOWN_DIGITS,
        &TODO,
        &STAND_IN,
        &STAND_IN_TEXT,
        &INSTRUCTION,
    ];
    let hits = if c.any_on(&scanned) {
        doc.placeholders()
    } else {
        &[]
    };
    for hit in hits {
        if covered.contain(&hit.span) {
            continue;
        }
        let found = doc.text.get(hit.span.clone()).unwrap_or("");
        report_hit(c, hit.kind, hit.span.clone(), found);
    }
    for span in custom {
        let found = doc.text.get(span.clone()).unwrap_or("").to_owned();
        c.report(&CUSTOM, span, format!("unfilled placeholder `{found}`"));
    }
    check_stand_ins(c);
    check_tables(c);
    check_items(c);
    if c.stage == Stage::Final && c.any_on(&[&GUIDANCE_COMMENT]) {
        check_comments(c);
    }
}

/// Custom patterns match the source text (a team's `<<OWNER>>` or
/// `__NAME__` would otherwise be read as HTML or emphasis), outside code and
/// comments.
fn custom_matches(c: &Checker<'_>) -> Vec<Range<usize>> {
    let doc = c.doc;
    let outline = &doc.outline;
    // Code and comments, in order and merged: one binary search per match.
    let excluded = merged(
        outline
            .code
            .iter()
            .chain(outline.comments.iter().map(|comment| &comment.span))
            .cloned()
            .collect(),
    );
    let excluded = |span: &Range<usize>| overlaps_any(&excluded, span);
    let mut found = Vec::new();
    let first = doc.lines.line_of(doc.body_start);
    for line in first..doc.lines.line_count() {
        let range = doc.lines.line_range(&doc.text, line);
        let text = &doc.text[range.clone()];
        for pattern in &c.settings.placeholders.patterns {
            for matched in pattern.find_iter(text) {
                let span = range.start + matched.start()..range.start + matched.end();
                if !matched.as_str().is_empty() && !excluded(&span) {
                    found.push(span);
                }
            }
        }
    }
    found
}

/// `ranges` sorted, with the ones that overlap or touch merged.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// Whether `span` overlaps one of the sorted, disjoint `ranges`.
fn overlaps_any(ranges: &[Range<usize>], span: &Range<usize>) -> bool {
    // The first range that ends after the span starts is the only one
    // that can overlap it.
    let at = ranges.partition_point(|r| r.end <= span.start);
    ranges.get(at).is_some_and(|r| r.start < span.end)
}

/// Ranges, to ask whether a span lies within one of them: sorted by
/// start, with the furthest end reached so far at each.
struct Containers(Vec<(usize, usize)>);

impl Containers {
    fn new(mut ranges: Vec<Range<usize>>) -> Self {
        ranges.sort_unstable_by_key(|r| r.start);
        let mut furthest = 0;
        Containers(
            ranges
                .into_iter()
                .map(|r| {
                    furthest = furthest.max(r.end);
                    (r.start, furthest)
                })
                .collect(),
        )
    }

    /// Whether one range starts at or before `span` and ends at or after it.
    fn contain(&self, span: &Range<usize>) -> bool {
        let starts_before = self.0.partition_point(|&(start, _)| start <= span.start);
        starts_before > 0 && self.0[starts_before - 1].1 >= span.end
    }
}

fn check_stand_ins(c: &mut Checker<'_>) {
    let doc = c.doc;
    // A stand-in label is short (`**Contributing factor 12**:`): its colon
    // is looked for among the first bytes of each item only.
    const LABEL_MAX: usize = 64;
    for (index, item) in doc.outline.items.iter().enumerate() {
        let text = item.text(&doc.text);
        let head = &text.as_bytes()[..text.len().min(LABEL_MAX)];
        let (label, rest) = match head.iter().position(|&b| b == b':') {
            Some(at) => (&text[..at], text[at + 1..].trim()),
            None if text.len() <= LABEL_MAX => (text, ""),
            None => continue,
        };
        if !prose::is_stand_in(label) {
            continue;
        }
        let unfilled = rest.is_empty() || placeholders::is_unfilled(rest) || rest.starts_with('[');
        if !unfilled {
            continue;
        }
        let label = label.trim().trim_matches(|ch| ch == '*' || ch == '_');
        let span = doc
            .outline
            .texts_in(&item.span)
            .iter()
            .filter(|run| run.item == Some(index))
            .find_map(|run| {
                run.text(&doc.text)
                    .find(label)
                    .map(|at| run.sub_span(at..at + label.len()))
            })
            .unwrap_or(item.span.start..item.span.start);
        c.report(&STAND_IN, span, format!("numbered stand-in `{label}`"));
    }
    for table in &doc.outline.tables {
        for cell in table.rows.iter().flat_map(|row| &row.cells) {
            let text = cell.text(&doc.text);
            if prose::is_stand_in(text) {
                let span = trimmed_span(&doc.text, cell.span.clone());
                c.report(&STAND_IN, span, format!("numbered stand-in `{text}`"));
            }
        }
    }
}

fn check_tables(c: &mut Checker<'_>) {
    let doc = c.doc;
    // `| N/A | N/A | N/A |` and `| - | - |` hold as little as `| | |`.
    let blank = |text: &str| {
        matches!(
            text.to_ascii_lowercase().as_str(),
            "" | "-" | "—" | "–" | "n/a" | "na" | "…" | "..."
        )
    };
    for table in &doc.outline.tables {
        for row in &table.rows {
            if row.cells.iter().all(|cell| blank(cell.text(&doc.text))) {
                c.report(
                    &EMPTY_ROW,
                    trimmed_span(&doc.text, row.span.clone()),
                    "table row has no content",
                );
            }
        }
    }
}

fn check_items(c: &mut Checker<'_>) {
    let doc = c.doc;
    for (index, item) in doc.outline.items.iter().enumerate() {
        if item.has_children {
            continue;
        }
        let span = first_line(&doc.text, item.span.clone());
        let text = item.text(&doc.text);
        if text.is_empty() {
            let what = match item.task {
                Some(_) => "empty task item",
                None => "empty list item",
            };
            c.report(&EMPTY_ITEM, span, what);
        } else if let Some(label) = text.strip_suffix(':')
            && label.len() <= 60
            && !value_follows(c, index)
        {
            c.report(
                &EMPTY_ITEM,
                span,
                format!("`{}:` has no value", label.trim()),
            );
        }
    }
}

/// Whether the value of item `index`, which ends with a colon, follows it:
/// items after it that are not labels (`- Modified the logic so that:`
/// then what it does), or a block before the next heading (a code block,
/// a paragraph, a table). Among other labels (`- Users affected:` then
/// `- Duration:`), or last before a heading, it has none.
fn value_follows(c: &Checker<'_>, index: usize) -> bool {
    // A label paragraph after the list (`**Timeline Overview:**`) starts
    // the next part, not this item's value.
    let is_label_line = |line: &str| {
        line.trim()
            .trim_end_matches(['*', '_'])
            .trim_end()
            .ends_with(':')
    };
    let doc = c.doc;
    let items = &doc.outline.items;
    let item = &items[index];
    let next_item = items[index + 1..]
        .iter()
        .find(|next| next.span.start >= item.span.end);
    let after = doc.text.get(item.span.end..).unwrap_or("");
    let gap = after.len() - after.trim_start().len();
    let next_start = item.span.end + gap;
    if let Some(next) = next_item
        && next.span.start <= next_start
    {
        // The next item of the same list, or of a list right after.
        let next = next.text(&doc.text);
        return !next.is_empty() && !is_label(next);
    }
    let rest = &after[gap..];
    let next_line = rest.lines().next().unwrap_or("");
    !(rest.is_empty()
        || rest.starts_with('#')
        || rest.starts_with("<!--")
        || is_label_line(next_line))
}

/// `Users affected:`, `Duration: 2h`: a short label, with or without its
/// value.
fn is_label(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, _)| {
        let words = label.split_whitespace().count();
        (1..=4).contains(&words)
    })
}

/// Comments that are directives to a tool, not guidance for the writer:
/// one word (`<!-- more -->`, `<!-- toc -->`), pm's own, and other tools'
/// (`<!-- markdownlint-disable MD013 -->`, `<!-- prettier-ignore -->`).
fn is_directive(text: &str) -> bool {
    const TOOLS: &[&str] = &[
        "pm-lint-",
        "pm-index:",
        "markdownlint",
        "prettier-",
        "vale ",
        "textlint-",
        "cspell",
        "spell-checker",
        "spellchecker",
        "doctoc",
        "start doctoc",
        "end doctoc",
        "toc ",
        "omit in toc",
        "mdformat",
        "remark-",
        "eslint",
        "all-contributors",
        "#region",
        "#endregion",
        "region ",
        "endregion",
        "lint disable",
        "lint enable",
        "lint ignore",
        "lint-disable",
        "lint-enable",
        "lint-ignore",
        "end list",
        "end of list",
    ];
    // Notes on where the text came from, left by people or converters:
    // `<!-- Translated from the Confluence page … -->`, gd2md-html's
    // `<!----- Conversion notes … ----->`.
    const PROVENANCE: &[&str] = &[
        "auto-generated",
        "autogenerated",
        "converted",
        "copied from",
        "do not edit",
        "exported",
        "generated",
        "imported",
        "last updated",
        "migrated",
        "original",
        "source:",
        "approved by",
        "authored by",
        "reviewed by",
        "tradotto",
        "traducido",
        "traduit",
        "traduzido",
        "translated",
        "vertaald",
        "written by",
        "übersetzt",
        "翻訳",
        "翻译",
        "updated",
        "yay, no errors",
    ];
    let text = text.trim();
    let lower = text.to_lowercase();
    // Generated-section markers are upper case: `<!-- BEGIN mktoc -->`.
    let marker = ["BEGIN ", "END ", "START ", "STOP "]
        .iter()
        .any(|m| text.starts_with(m));
    !lower.contains(char::is_whitespace)
        || marker
        || text.starts_with('-')
        || TOOLS.iter().any(|tool| lower.starts_with(tool))
        || PROVENANCE.iter().any(|p| lower.starts_with(p))
}

/// PM208: lines left as the document's template wrote them, except lines
/// another rule already reported (see [`super::check_all`]).
pub fn check_template_text(c: &mut Checker<'_>) {
    if !c.any_on(&[&TEMPLATE_TEXT]) {
        return;
    }
    let doc = c.doc;
    let Some(template) = doc.facts.template.value() else {
        return;
    };
    let Some(profile) = c.settings.profiles.get(template) else {
        return;
    };
    let first = doc.lines.line_of(doc.body_start);
    for line in first..doc.lines.line_count() {
        let range = doc.lines.line_range(&doc.text, line);
        let text = doc.text[range.clone()].trim();
        if text.is_empty() || !profile.lines.contains(text) || c.has_finding_on_line(line) {
            continue;
        }
        c.report(
            &TEMPLATE_TEXT,
            trimmed_span(&doc.text, range),
            format!("line left as the `{template}` template wrote it"),
        );
    }
}

fn check_comments(c: &mut Checker<'_>) {
    let doc = c.doc;
    for comment in &doc.outline.comments {
        if is_directive(comment.text(&doc.text)) {
            continue;
        }
        // A comment alone in its section is reported as an empty section.
        let section = doc
            .outline
            .heading_at(comment.span.start)
            .map(|i| &doc.outline.headings[i]);
        if section.is_some_and(|h| !h.has_content && !h.has_children) {
            continue;
        }
        let fix = Fix {
            positions: Vec::new(),
            applicability: Applicability::Unsafe,
            message: "remove the comment".to_owned(),
            edits: vec![Edit {
                span: removal(&doc.text, comment.span.clone()),
                text: String::new(),
            }],
        };
        c.report_with_fix(
            &GUIDANCE_COMMENT,
            comment.span.clone(),
            "template guidance comment left in a finished document",
            GUIDANCE_COMMENT.summary,
            Some(fix),
        );
    }
}

/// What removing the text at `span` removes: the span, or its whole lines
/// when nothing else is on them, and then one of the blank lines that would
/// be left doubled.
fn removal(text: &str, span: Range<usize>) -> Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |at| span.end + at + 1);
    let alone = text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end].trim().is_empty();
    if !alone {
        // At the end of a line of text: the spaces before it go too.
        let rest = text[span.end..line_end].trim_end_matches(['\n', '\r']);
        if rest.trim().is_empty() {
            let before = text[line_start..span.start].trim_end_matches([' ', '\t']);
            return line_start + before.len()..span.end + rest.len();
        }
        return span;
    }
    let blank_before = line_start == 0
        || text[..line_start].ends_with("\n\n")
        || text[..line_start].ends_with("\n\r\n");
    let next_end = text[line_end..]
        .find('\n')
        .map_or(text.len(), |at| line_end + at + 1);
    let blank_after = line_end < text.len() && text[line_end..next_end].trim().is_empty();
    if blank_before && blank_after {
        line_start..next_end
    } else {
        line_start..line_end
    }
}

/// `span` without surrounding whitespace and line breaks.
fn trimmed_span(text: &str, span: Range<usize>) -> Range<usize> {
    let slice = text.get(span.clone()).unwrap_or("");
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    start..end.max(start)
}

/// The part of `span` on its first line, trimmed.
fn first_line(text: &str, span: Range<usize>) -> Range<usize> {
    let slice = text.get(span.clone()).unwrap_or("");
    let end = slice.find('\n').map_or(span.end, |i| span.start + i);
    trimmed_span(text, span.start..end)
}
