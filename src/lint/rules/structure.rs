//! Structure rules: the sections a postmortem needs are there, hold
//! something, and appear once.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::document::sections::{self, DEFAULT_REQUIRED};
use crate::lint::check::Checker;
use crate::lint::fix::{Applicability, Edit, Fix, Offer};
use crate::lint::rule::rules;
use crate::lint::{Level, Rule};

/// What the structure rules read from the configuration.
#[derive(Debug, Default)]
pub struct Options {
    /// Extra titles per section id or title, normalized.
    pub aliases: BTreeMap<String, Vec<String>>,
}

impl Options {
    /// The configuration's section aliases, normalized.
    pub fn new(config: &Config) -> Options {
        let aliases = config
            .section_aliases
            .iter()
            .map(|(section, titles)| {
                let titles = titles.iter().map(|t| sections::normalize(t)).collect();
                (sections::normalize(section), titles)
            })
            .collect();
        Options { aliases }
    }
}

rules! {
    /// PM101
    MISSING_SECTION = Rule {
        id: "PM101",
        name: "missing-section",
        level: Level::Error,
        status_aware: false,
        fix: Some(Offer {
            applicability: Applicability::Unsafe,
            safe_in_drafts: false,
            what: "adds the section as the document's template writes it, where the template puts it",
        }),
        summary: "add the section (any of its usual titles is accepted)",
        explanation: "A postmortem made from a template must keep that template's core sections \
            (summary, timeline, root cause, resolution, action items, …); one whose template is \
            unknown needs Summary, Timeline, Root Cause, Resolution and Action Items. Titles \
            match forgivingly: case, numbering, punctuation and common aliases are accepted \
            (\"3. Root Cause Analysis\", \"Why It Happened\").",
        bad: "## Summary\n...\n## Timeline\n...\n## Action Items\n...",
        good: "## Summary\n...\n## Timeline\n...\n## Root Cause\n...\n## Resolution\n...\n## Action Items\n...",
    };

    /// PM102
    EMPTY_SECTION = Rule {
        id: "PM102",
        name: "empty-section",
        level: Level::Error,
        status_aware: true,
        fix: None,
        summary: "write the section, or delete it if it does not apply",
        explanation: "A heading followed by nothing (or only a guidance comment) is a section \
            someone meant to write. A section that holds only placeholders is reported through \
            its placeholders instead. A heading that holds its value (`## Date: July 1, 2020`) \
            and the document's `#` title are not sections to fill.",
        bad: "## Lessons Learned\n\n<!-- Key takeaways for the team -->\n\n## References",
        good: "## Lessons Learned\n\nConnection limits must be load-tested with the pooler in place.\n\n## References\n\n- The pgbouncer pool sizing runbook",
    };

    /// PM103
    DUPLICATE_SECTION = Rule {
        id: "PM103",
        name: "duplicate-section",
        level: Level::Error,
        status_aware: false,
        fix: None,
        summary: "merge the two sections",
        explanation: "Two sibling sections with the same title (or two titles for the same \
            section, such as \"Root Cause\" and \"Root Cause Analysis\") split what readers and \
            pm need in one place, usually after a bad merge.",
        bad: "## Timeline\n...\n## Impact\n...\n## Timeline\n...",
        good: "## Timeline\n...\n## Impact\n...",
    };
}

/// Checks the sections.
pub fn check(c: &mut Checker<'_>) {
    if c.any_on(&[&MISSING_SECTION]) {
        check_missing(c);
    }
    if c.any_on(&[&EMPTY_SECTION]) {
        check_empty(c);
    }
    if c.any_on(&[&DUPLICATE_SECTION]) {
        check_duplicates(c);
    }
}

fn check_missing(c: &mut Checker<'_>) {
    // A postmortem written before pm keeps the sections it has.
    if c.legacy {
        return;
    }
    let doc = c.doc;
    let config = c.config;
    let by_severity = doc
        .facts
        .severity
        .value()
        .and_then(|severity| config.required_sections.get(severity))
        .or_else(|| config.required_sections.get("default"));
    let required: Vec<String> = match by_severity {
        Some(list) => list.clone(),
        None => match doc
            .facts
            .template
            .value()
            .and_then(|t| c.settings.profiles.get(t))
        {
            Some(profile) => profile.required.iter().map(|s| (*s).to_owned()).collect(),
            None => DEFAULT_REQUIRED.iter().map(|s| (*s).to_owned()).collect(),
        },
    };
    let headings = &doc.outline.headings;
    let anchor = headings
        .first()
        .map_or(doc.body_start..doc.body_start, |h| h.span.clone());
    let has_canonical = |id: &str| {
        headings
            .iter()
            .any(|h| h.canonical.is_some_and(|hk| hk.id == id))
    };
    for entry in required {
        // The usual entry is a section id that a heading already names.
        let by_id = sections::by_id(&entry);
        if by_id.is_some_and(|k| has_canonical(k.id)) {
            continue;
        }
        let key = sections::normalize(&entry);
        let canonical = by_id.or_else(|| sections::canonical(&key));
        let extra = c.settings.structure.aliases.get(&key);
        let present = headings.iter().any(|h| {
            canonical.is_some_and(|k| h.canonical.is_some_and(|hk| hk.id == k.id))
                || h.normalized == key
                || extra.is_some_and(|titles| titles.contains(&h.normalized))
        });
        if present {
            continue;
        }
        let (name, also): (&str, Vec<String>) = match canonical {
            Some(k) => (
                k.name,
                k.aliases
                    .iter()
                    .skip(1)
                    .take(4)
                    .map(|a| format!("\"{a}\""))
                    .collect(),
            ),
            None => (entry.as_str(), Vec::new()),
        };
        let also: Vec<String> = also
            .into_iter()
            .chain(extra.into_iter().flatten().map(|a| format!("\"{a}\"")))
            .collect();
        let help = if also.is_empty() {
            format!("add a `## {name}` section")
        } else {
            format!(
                "add a `## {name}` section (also accepted: {})",
                also.join(", ")
            )
        };
        let fix = canonical.and_then(|k| section_from_template(c, k.id));
        c.report_with_fix(
            &MISSING_SECTION,
            anchor.clone(),
            format!("missing section `{name}`"),
            help,
            fix,
        );
    }
}

/// The fix of a missing section `id`: the section as the document's
/// template (else the default one) writes it, before the first section
/// the document has that the template puts after it, else at the end.
fn section_from_template(c: &Checker<'_>, id: &str) -> Option<Fix> {
    let doc = c.doc;
    let template = doc
        .facts
        .template
        .value()
        .map_or_else(|| c.config.default_template(), String::as_str);
    let sections = &c.settings.profiles.get(template)?.sections;
    let at = sections.iter().position(|(sid, _)| *sid == id)?;
    let eol = doc.line_ending();
    let section = sections[at].1.replace('\n', eol);
    let later = sections[at + 1..].iter().find_map(|(later, _)| {
        doc.outline
            .headings
            .iter()
            .find(|h| h.canonical.is_some_and(|k| k.id == *later))
    });
    let (point, text) = match later {
        Some(heading) => (heading.span.start, format!("{section}{eol}{eol}")),
        None => {
            let end = doc.text.len();
            let before = if doc.text.ends_with(&format!("{eol}{eol}")) {
                ""
            } else if doc.text.ends_with(eol) {
                eol
            } else {
                &format!("{eol}{eol}")
            };
            (end, format!("{before}{section}{eol}"))
        }
    };
    Some(Fix {
        positions: Vec::new(),
        applicability: Applicability::Unsafe,
        message: format!("add the section as the `{template}` template writes it"),
        edits: vec![Edit {
            span: point..point,
            text,
        }],
    })
}

fn check_empty(c: &mut Checker<'_>) {
    let doc = c.doc;
    for (i, heading) in doc.outline.headings.iter().enumerate() {
        // `## Date: July 1, 2020` holds its value; a first `#` heading is
        // the document's title, whatever follows it.
        let holds_value = heading
            .title
            .split_once(':')
            .is_some_and(|(label, value)| !label.trim().is_empty() && !value.trim().is_empty());
        let title = i == 0 && heading.level == 1;
        if !heading.has_content && !heading.has_children && !holds_value && !title {
            c.report(
                &EMPTY_SECTION,
                heading.span.clone(),
                format!("section `{}` is empty", heading.title),
            );
        }
    }
}

fn check_duplicates(c: &mut Checker<'_>) {
    let doc = c.doc;
    // The first heading seen per (parent, level, title) and per (parent,
    // level, canonical section).
    let mut by_title: BTreeMap<(Option<usize>, u8, &str), usize> = BTreeMap::new();
    let mut by_section: BTreeMap<(Option<usize>, u8, &str), usize> = BTreeMap::new();
    for (i, heading) in doc.outline.headings.iter().enumerate() {
        let title_key = (heading.parent, heading.level, heading.normalized.as_str());
        let same_title = *by_title.entry(title_key).or_insert(i);
        let same_section = heading.canonical.map(|canonical| {
            *by_section
                .entry((heading.parent, heading.level, canonical.id))
                .or_insert(i)
        });
        let Some(first) = [Some(same_title), same_section]
            .into_iter()
            .flatten()
            .filter(|&f| f != i)
            .min()
        else {
            continue;
        };
        let first = &doc.outline.headings[first];
        let line = doc.position(first.span.start).line;
        c.report(
            &DUPLICATE_SECTION,
            heading.span.clone(),
            format!(
                "section `{}` repeats `{}` (line {line})",
                heading.title, first.title
            ),
        );
    }
}
