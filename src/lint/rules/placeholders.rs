//! Placeholder rules: text a template left for the writer to replace, in
//! every style the templates use.

use std::ops::Range;

use crate::lint::check::{Checker, Stage};
use crate::lint::scan::{self, Kind};
use crate::lint::{Level, Rule};

/// PM201
pub static BRACKET: Rule = Rule {
    id: "PM201",
    name: "bracket-placeholder",
    level: Level::Error,
    status_aware: true,
    summary: "replace the bracketed text with the real content",
    explanation: "Templates mark what to write as `[Your Name]` or `[X hours Y minutes]`. \
        Bracketed text that Markdown does not read as a link, an image, a footnote or a task \
        box is such a placeholder. Real links, reference links, `[ ]`/`[x]` task boxes, \
        footnotes, numbered citations like `[1]` and anything in code are never reported.",
    bad: "**Incident Lead:** [Your Name]",
    good: "**Incident Lead:** Dana Kim",
};

/// PM202
pub static BRACE: Rule = Rule {
    id: "PM202",
    name: "brace-placeholder",
    level: Level::Error,
    status_aware: true,
    summary: "replace the `{NAME}` with the real value",
    explanation: "`{TITLE}` and `{INCIDENT_URL}` are template variables nobody filled in. \
        Lower-case braces, `${VAR}` and anything in code are left alone.",
    bad: "- **incident.io:** {INCIDENT_URL}",
    good: "- **incident.io:** https://app.incident.io/incidents/2041",
};

/// PM203
pub static FORMAT: Rule = Rule {
    id: "PM203",
    name: "format-placeholder",
    level: Level::Error,
    status_aware: true,
    summary: "write the actual date, time or amount",
    explanation: "`YYYY-MM-DD`, `HH:MM` and `$X` show the shape of a value, not the value. Real \
        times (`14:02`) and amounts (`$12,400`) are never reported.",
    bad: "| HH:MM | Alert fired |",
    good: "| 14:02 | Alert fired |",
};

/// PM204
pub static STAND_IN: Rule = Rule {
    id: "PM204",
    name: "numbered-stand-in",
    level: Level::Error,
    status_aware: true,
    summary: "replace the numbered stand-in with the real item",
    explanation: "Templates list `Factor 1`, `Action 2`, `Learning 3` as stand-ins for real \
        entries. An item that is only such a label (or a label followed by a placeholder) was \
        not written. A label followed by real text (`Factor 1: the pool was too small`) is fine.",
    bad: "- Factor 1: [Description]\n- Learning 2",
    good: "- Pool size was fixed at 20 while traffic doubled\n- Load tests must include the pooler",
};

/// PM205
pub static TODO: Rule = Rule {
    id: "PM205",
    name: "todo-marker",
    level: Level::Error,
    status_aware: true,
    summary: "resolve the TODO and remove the marker",
    explanation: "`TODO`, `TBD`, `TBA` and `FIXME` mark work left to do in the document.",
    bad: "Root cause: TBD",
    good: "Root cause: the connection pool was capped at 20.",
};

/// PM206
pub static EMPTY_ROW: Rule = Rule {
    id: "PM206",
    name: "empty-table-row",
    level: Level::Error,
    status_aware: true,
    summary: "fill the row or delete it",
    explanation: "A table row whose cells are all empty is a row the template left for an \
        entry (a timeline event, a responder, an action item).",
    bad: "| Time | Event |\n|------|-------|\n| | |",
    good: "| Time | Event |\n|------|-------|\n| 14:02 | Alert fired |",
};

/// PM207
pub static EMPTY_ITEM: Rule = Rule {
    id: "PM207",
    name: "empty-list-item",
    level: Level::Error,
    status_aware: true,
    summary: "write the item, or delete it",
    explanation: "An empty bullet, number or task box (`- `, `1.`, `- [ ]`), or a label with \
        nothing after its colon (`- Users affected:`), is a blank the template left. A label \
        followed by a nested list is fine.",
    bad: "- Users affected:\n- [ ]\n1.",
    good: "- Users affected: about 4,100 (12% of checkouts)\n- [ ] Add a pool-saturation alert (OPS-1423)",
};

/// PM208
pub static TEMPLATE_TEXT: Rule = Rule {
    id: "PM208",
    name: "template-text",
    level: Level::Error,
    status_aware: true,
    summary: "replace the line with this incident's content",
    explanation: "For a document whose front matter names its template, a line left exactly \
        as that template wrote it (an example row, a sample item) was never filled in, even \
        when it does not look like a placeholder. Headings, table headers, labels ending in \
        `:`, questions and checklist labels are not reported.",
    bad: "**Monitoring Improvements:**\n- Additional alerts needed",
    good: "**Monitoring Improvements:**\n- Alert when pgbouncer waits exceed 50 for 2 minutes",
};

/// PM209
pub static GUIDANCE_COMMENT: Rule = Rule {
    id: "PM209",
    name: "guidance-comment",
    level: Level::Error,
    status_aware: false,
    summary: "delete the comment once the section is written",
    explanation: "Template guidance such as `<!-- Steps taken to restore service -->` is for \
        the writer. It is fine in a draft; in an in-review or final document it is left over. \
        pm's own directives (`pm-lint-…`, `pm-index:…`) are not reported.",
    bad: "## Recovery\n\n<!-- Steps taken to restore service -->\n\nWe failed over to the replica.",
    good: "## Recovery\n\nWe failed over to the replica.",
};

/// PM210
pub static CUSTOM: Rule = Rule {
    id: "PM210",
    name: "custom-placeholder",
    level: Level::Error,
    status_aware: true,
    summary: "replace the text matching a placeholder pattern from .pm.yaml",
    explanation: "Teams with their own placeholder style list regular expressions under \
        `placeholders:` in .pm.yaml; text outside code that matches one is reported like any \
        other placeholder.",
    bad: "# placeholders: ['<<[A-Z_]+>>']\n**Owner:** <<OWNER>>",
    good: "**Owner:** Dana Kim",
};

/// Reports one placeholder hit of `kind` at `span`; `found` is its text.
pub fn report_hit(c: &mut Checker<'_>, kind: Kind, span: Range<usize>, found: &str) {
    let (rule, message) = match kind {
        Kind::Bracket => (&BRACKET, format!("unfilled placeholder `{found}`")),
        Kind::Brace => (&BRACE, format!("unfilled placeholder `{found}`")),
        Kind::Format => (&FORMAT, format!("`{found}` is a format, not a value")),
        Kind::Todo => (&TODO, format!("`{found}` left in the document")),
    };
    c.report(rule, span, message);
}

/// Checks the body for placeholders.
pub fn check(c: &mut Checker<'_>) {
    let doc = c.doc;
    let body = &doc.text[doc.body_start..];
    let needles = scan::needle_candidates(body, doc.body_start);
    let brackets = scan::Candidates::brackets(body, doc.body_start);
    for run in &doc.outline.texts {
        // A run whose text is its source holds a placeholder only where the
        // passes over the whole document found a needle or a bracket.
        let decoded = !run.inexact.is_empty();
        let may_hold = decoded || needles.touch(run.span.clone());
        if !may_hold && !brackets.touch(run.span.clone()) {
            continue;
        }
        let text = run.text(&doc.text);
        for hit in scan::scan_with(text, may_hold) {
            report_hit(
                c,
                hit.kind,
                run.sub_span(hit.range.clone()),
                &text[hit.range],
            );
        }
    }
    if !c.config.placeholder_patterns.is_empty() {
        check_custom(c);
    }
    check_stand_ins(c);
    check_tables(c);
    check_items(c);
    check_template_text(c);
    if c.stage == Stage::Final {
        check_comments(c);
    }
}

/// Custom patterns match the source text (a team's `<<OWNER>>` or
/// `__NAME__` would otherwise be read as HTML or emphasis), outside code and
/// comments.
fn check_custom(c: &mut Checker<'_>) {
    let doc = c.doc;
    let outline = &doc.outline;
    let excluded = |span: &Range<usize>| {
        outline
            .code
            .iter()
            .chain(outline.comments.iter().map(|comment| &comment.span))
            .any(|r| r.start < span.end && span.start < r.end)
    };
    let first = doc.lines.line_of(doc.body_start);
    for line in first..doc.lines.line_count() {
        let range = doc.lines.line_range(&doc.text, line);
        let text = &doc.text[range.clone()];
        for pattern in &c.config.placeholder_patterns {
            for found in pattern.find_iter(text) {
                let span = range.start + found.start()..range.start + found.end();
                if found.as_str().is_empty() || excluded(&span) {
                    continue;
                }
                c.report(
                    &CUSTOM,
                    span,
                    format!("unfilled placeholder `{}`", found.as_str()),
                );
            }
        }
    }
}

fn check_stand_ins(c: &mut Checker<'_>) {
    let doc = c.doc;
    for (index, item) in doc.outline.items.iter().enumerate() {
        let (label, rest) = match item.text.split_once(':') {
            Some((label, rest)) => (label, rest.trim()),
            None => (item.text.as_str(), ""),
        };
        if !scan::is_stand_in(label) {
            continue;
        }
        let unfilled = rest.is_empty() || !scan::scan(rest).is_empty() || rest.starts_with('[');
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
            if scan::is_stand_in(&cell.text) {
                let span = trimmed_span(&doc.text, cell.span.clone());
                c.report(
                    &STAND_IN,
                    span,
                    format!("numbered stand-in `{}`", cell.text),
                );
            }
        }
    }
}

fn check_tables(c: &mut Checker<'_>) {
    let doc = c.doc;
    for table in &doc.outline.tables {
        for row in &table.rows {
            if row.cells.iter().all(|cell| cell.text.is_empty()) {
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
    for item in &doc.outline.items {
        if item.has_children {
            continue;
        }
        let span = first_line(&doc.text, item.span.clone());
        if item.text.is_empty() {
            let what = match item.task {
                Some(_) => "empty task item",
                None => "empty list item",
            };
            c.report(&EMPTY_ITEM, span, what);
        } else if let Some(label) = item.text.strip_suffix(':')
            && label.len() <= 60
        {
            c.report(
                &EMPTY_ITEM,
                span,
                format!("`{}:` has no value", label.trim()),
            );
        }
    }
}

fn check_template_text(c: &mut Checker<'_>) {
    let doc = c.doc;
    let Some(template) = doc.field("template") else {
        return;
    };
    let Some(profile) = c.profiles.get(&template) else {
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
        if comment.text.starts_with("pm-lint-") || comment.text.starts_with("pm-index:") {
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
        c.report(
            &GUIDANCE_COMMENT,
            comment.span.clone(),
            "template guidance comment left in a finished document",
        );
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
