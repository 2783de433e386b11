//! The checker: what a rule sees (the document and the run's settings) and
//! how it reports a finding.

use std::ops::Range;

use crate::config::Config;
use crate::document::Document;
use crate::lint::settings::Settings;
use std::borrow::Cow;

use crate::lint::fix::Fix;
use crate::lint::suppress::Suppressions;
use crate::lint::{Excerpt, Finding, Level, Rule};

/// Where a document stands, which decides how strict placeholder rules are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `status: draft`: unfinished text is a warning.
    Draft,
    /// Any other status, no status, or `--strict`: unfinished text is an error.
    Final,
}

/// How a run lints.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Treat every document as final.
    pub strict: bool,
    /// The day overdue action items are measured against.
    pub today: chrono::NaiveDate,
    /// `--fix` or `--diff`: which fixes to apply, and whether to write them.
    pub fix: Option<crate::lint::fix::Request>,
}

/// The document being checked, the settings of the run, and the findings so far.
pub struct Checker<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The effective configuration.
    pub config: &'a Config,
    /// What the run makes of it: rules on and off, options, templates.
    pub settings: &'a Settings,
    /// Draft or final.
    pub stage: Stage,
    /// Whether the configuration's `legacy` globs name the document: one
    /// written before pm, asked only for a title and a date.
    pub legacy: bool,
    /// The day overdue action items are measured against.
    pub today: chrono::NaiveDate,
    findings: Vec<Finding>,
    /// 1-based lines where a finding starts.
    lines_with_findings: foldhash::HashSet<usize>,
    /// The document's suppression comments.
    suppressions: Suppressions,
}

impl<'a> Checker<'a> {
    /// A checker for `doc`.
    pub fn new(doc: &'a Document, settings: &'a Settings, options: Options) -> Self {
        let config = &settings.config;
        let strict = options.strict;
        let draft = config
            .statuses
            .first()
            .map(String::as_str)
            .unwrap_or("draft");
        let stage = match doc.facts.status.text() {
            Some(status) if !strict && status == draft => Stage::Draft,
            _ => Stage::Final,
        };
        Checker {
            doc,
            config,
            settings,
            stage,
            legacy: settings.is_legacy(&doc.path),
            today: options.today,
            findings: Vec::new(),
            lines_with_findings: foldhash::HashSet::default(),
            suppressions: Suppressions::of(doc),
        }
    }

    /// Whether a suppression comment turns `rule` off at file offset
    /// `offset`: a finding there will not be reported.
    pub fn suppressed(&self, rule: &Rule, offset: usize) -> bool {
        let line = self.doc.lines.line_of(offset) + 1;
        self.suppressions.suppresses(rule.id, line)
    }

    /// Reports a finding of `rule` at `span` with the rule's summary as help.
    pub fn report(&mut self, rule: &'static Rule, span: Range<usize>, message: impl Into<String>) {
        self.report_with_help(rule, span, message, Cow::Borrowed(rule.summary));
    }

    /// Reports a finding of `rule` at `span` with its own help line.
    pub fn report_with_help(
        &mut self,
        rule: &'static Rule,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<Cow<'static, str>>,
    ) {
        self.report_with_fix(rule, span, message, help, None);
    }

    /// Reports a finding of `rule` at `span` with its help line and the
    /// fix it carries, if any.
    pub fn report_with_fix(
        &mut self,
        rule: &'static Rule,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<Cow<'static, str>>,
        fix: Option<Fix>,
    ) {
        if !self.settings.enabled(rule) {
            return;
        }
        let level = if rule.status_aware && self.stage == Stage::Draft {
            Level::Warning
        } else {
            self.settings.level(rule)
        };
        let doc = self.doc;
        let (start, end) = doc.positions(&span);
        let line = doc.lines.line_range(&doc.text, start.line - 1);
        self.lines_with_findings.insert(start.line);
        let source = Excerpt::of(
            &doc.text[line.clone()],
            span.start - line.start,
            start.column,
        );
        self.findings.push(Finding {
            rule,
            level,
            span,
            start,
            end,
            message: message.into(),
            help: help.into(),
            source,
            fix: fix.map(|mut fix| {
                fix.positions = fix
                    .edits
                    .iter()
                    .map(|e| (doc.position(e.span.start), doc.position(e.span.end)))
                    .collect();
                Box::new(fix)
            }),
        });
    }

    /// Whether any of `rules` is on: a check whose rules are all off is
    /// not run.
    pub fn any_on(&self, rules: &[&Rule]) -> bool {
        rules.iter().any(|rule| self.settings.enabled(rule))
    }

    /// Whether a finding already starts on 0-based `line`.
    pub fn has_finding_on_line(&self, line: usize) -> bool {
        self.lines_with_findings.contains(&(line + 1))
    }

    /// The findings, in report order, and the document's suppression
    /// comments (which the findings are not filtered by yet).
    pub fn finish(self) -> (Vec<Finding>, Suppressions) {
        (self.findings, self.suppressions)
    }
}
