//! Action items, in every shape the templates write them: table rows with
//! Owner / Due / Priority / Status columns in any order, one-line checklist
//! items with `Owner:` and `Due:` text, and the nested form where those are
//! sub-items. Only items under an action-items section count (a table with
//! both an owner and a due column counts anywhere).

use std::ops::Range;

use chrono::NaiveDate;

use crate::document::lines::LineIndex;
use crate::document::outline::{Outline, Table};
use crate::document::sections;
use crate::document::{dates, placeholders};

/// A value of an action item and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The text, trimmed of Markdown emphasis.
    pub text: String,
    /// Where it is.
    pub span: Range<usize>,
}

/// One action item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// The row, or the item's first line.
    pub span: Range<usize>,
    /// What is to be done.
    pub text: String,
    /// Who owns it.
    pub owner: Option<Value>,
    /// When it is due, as written.
    pub due: Option<Value>,
    /// The due date, when `due` holds a YYYY-MM-DD date.
    pub due_date: Option<NaiveDate>,
    /// Its priority, as written.
    pub priority: Option<String>,
    /// Its status, as written (or "done" for a ticked box).
    pub status: Option<String>,
    /// Whether it is closed: done, or closed without doing (won't do,
    /// cancelled, not applicable).
    pub done: bool,
    /// The whole row or item (nested items included), where a tracker
    /// reference may be.
    pub source: Range<usize>,
    /// Whether it is a template's example row (`[Action item 1]`,
    /// `Action 2`), not an action item anyone wrote.
    pub placeholder: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Action,
    Owner,
    Due,
    Priority,
    Status,
    Other,
}

fn role(header: &str) -> Role {
    match sections::normalize(header).as_str() {
        "action" | "actions" | "action item" | "task" | "task description" | "description"
        | "item" | "what" | "title" | "summary" | "follow up" | "remediation" => Role::Action,
        "owner" | "owners" | "assignee" | "assigned to" | "who" | "dri" | "responsible" => {
            Role::Owner
        }
        "due" | "due date" | "deadline" | "target date" | "target" | "eta" | "by" | "when" => {
            Role::Due
        }
        "priority" | "prio" => Role::Priority,
        "status" | "state" | "done" => Role::Status,
        _ => Role::Other,
    }
}

/// Keys of `Key: value` text in list items, with the role of their value.
const KEYS: &[(&str, Role)] = &[
    ("owner", Role::Owner),
    ("owners", Role::Owner),
    ("assignee", Role::Owner),
    ("due date", Role::Due),
    ("due", Role::Due),
    ("deadline", Role::Due),
    ("eta", Role::Due),
    ("priority", Role::Priority),
    ("status", Role::Status),
];

/// Statuses of an item that is done.
const DONE: &[&str] = &[
    "done",
    "complete",
    "completed",
    "closed",
    "resolved",
    "fixed",
    "shipped",
    "merged",
    "implemented",
    "finished",
    "✅",
    "✔",
    "✔️",
    "☑",
    "☑️",
];

/// Statuses of an item closed without doing it.
const NOT_DONE: &[&str] = &[
    "won't do",
    "wont do",
    "won't fix",
    "wont fix",
    "wontfix",
    "will not do",
    "will not fix",
    "cancelled",
    "canceled",
    "n/a",
    "not applicable",
    "not planned",
    "abandoned",
    "declined",
    "dropped",
    "obsolete",
    "rejected",
    "superseded",
    "❌",
];

/// Whether a status text means the item is closed (done, won't do,
/// cancelled, N/A), with a reason after it or not (`Won't do: covered by
/// OPS-12`).
pub fn is_done(status: &str) -> bool {
    // `n/a **TODO**`: a state that ends the text decides.
    let last = status
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    if matches!(
        last.as_str(),
        "todo" | "open" | "pending" | "blocked" | "wip" | "started"
    ) {
        return false;
    }
    // `Bug 5554825 **DONE**`: a ticket and then its state.
    let words: Vec<&str> = status.split_whitespace().collect();
    let negated = words.len() >= 2
        && matches!(
            words[words.len() - 2].to_ascii_lowercase().as_str(),
            "not" | "never"
        );
    let closing = matches!(
        last.as_str(),
        "done"
            | "complete"
            | "completed"
            | "closed"
            | "fixed"
            | "resolved"
            | "shipped"
            | "merged"
            | "cancelled"
            | "canceled"
    );
    if words.len() >= 2 && closing && !negated {
        return true;
    }
    // `CAT-1403 (Done)`: a ticket and its state.
    if let Some(inner) = status
        .trim()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .map(|(_, inner)| inner)
        && !inner.contains('(')
        && is_done(inner)
    {
        return true;
    }
    let status = status
        .trim()
        .trim_matches(|c| c == '*' || c == '_' || c == '`')
        .trim()
        .replace('’', "'")
        .to_lowercase();
    DONE.iter()
        .chain(NOT_DONE)
        .any(|d| closing_word(&status, d).is_some())
}

/// What follows `word` when `status` (lowercase) starts with it as a word:
/// `won't do: covered by OPS-12` and `won't do` → `: covered by OPS-12`, ``.
fn closing_word<'a>(status: &'a str, word: &str) -> Option<&'a str> {
    let rest = status.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with([' ', ':', '-', '(', ',', '.', '—', '–'])).then_some(rest)
}

/// How long action items may take, by priority (`actions` in `.pm.yaml`):
/// an item with no due date is due that many days after the incident.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// Days allowed per priority, the priority as written.
    pub due_by_priority: Vec<(String, i64)>,
    /// What the days are counted from.
    pub from: PolicyStart,
    /// Whether a due date later than the policy allows is reported (PM310).
    pub report_later_due: bool,
}

/// The front matter date a deadline policy counts from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyStart {
    /// `resolved_at`, else `date`.
    #[default]
    ResolvedAt,
    /// `started_at`, else `date`.
    StartedAt,
    /// `detected_at`, else `date`.
    DetectedAt,
    /// `date`.
    Date,
}

impl PolicyStart {
    /// The key, as `.pm.yaml` writes it.
    pub const fn key(self) -> &'static str {
        match self {
            PolicyStart::ResolvedAt => "resolved_at",
            PolicyStart::StartedAt => "started_at",
            PolicyStart::DetectedAt => "detected_at",
            PolicyStart::Date => "date",
        }
    }
}

/// When the policy has an item due: its priority's days after the
/// incident, with the priority key matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyDue {
    /// The day.
    pub date: NaiveDate,
    /// The priority, as the policy writes it.
    pub priority: String,
    /// Days allowed.
    pub days: i64,
}

impl Policy {
    /// When `action` of a document with `facts` is due by the policy; `None`
    /// when no priority of the policy is the item's, or the document has no
    /// date to count from.
    pub fn due(&self, action: &ActionItem, facts: &super::facts::Facts) -> Option<PolicyDue> {
        if self.due_by_priority.is_empty() {
            return None;
        }
        let priority = action.priority.as_deref()?.trim().to_lowercase();
        let (key, days) = self.due_by_priority.iter().find(|(key, _)| {
            let key = key.to_lowercase();
            priority == key
                || priority
                    .strip_prefix(&key)
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
        })?;
        let day_of = |t: &super::facts::Fact<dates::Timestamp>| {
            t.value().map(|t| match t {
                dates::Timestamp::Zoned(t) => t.date_naive(),
                dates::Timestamp::Local(t) => t.date(),
            })
        };
        let start = match self.from {
            PolicyStart::ResolvedAt => day_of(&facts.resolved_at),
            PolicyStart::StartedAt => day_of(&facts.started_at),
            PolicyStart::DetectedAt => day_of(&facts.detected_at),
            PolicyStart::Date => None,
        }
        .or_else(|| facts.date.value().copied())?;
        Some(PolicyDue {
            date: start.checked_add_days(chrono::Days::new(u64::try_from(*days).ok()?))?,
            priority: key.clone(),
            days: *days,
        })
    }
}

impl ActionItem {
    /// Where it stands, and why it was closed without doing when its status
    /// says (read when asked: lint does not need it).
    pub fn state(&self) -> (State, Option<String>) {
        state_of(self.status.as_deref(), self.done)
    }

    /// Its tracker reference in the document's `text`, if any.
    pub fn tracker(&self, text: &str) -> Option<String> {
        tracker_in(text.get(self.source.clone()).unwrap_or_default())
    }
}

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not started, or nothing said.
    Open,
    /// Being worked on.
    InProgress,
    /// Waiting on something.
    Blocked,
    /// Done.
    Done,
    /// Closed without doing it (won't do, cancelled, not applicable).
    Closed,
}

impl State {
    /// `open`, `in progress`, `blocked`, `done` or `closed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::InProgress => "in progress",
            State::Blocked => "blocked",
            State::Done => "done",
            State::Closed => "closed",
        }
    }
}

/// The state a status (as written) gives an item whose box is `ticked` or
/// not, and for an item closed without doing it, the reason the status
/// gives (`Won't do: covered by OPS-12` → `covered by OPS-12`).
pub fn state_of(status: Option<&str>, ticked: bool) -> (State, Option<String>) {
    let Some(status) = status else {
        return (if ticked { State::Done } else { State::Open }, None);
    };
    let clean = status
        .trim()
        .trim_matches(|c| c == '*' || c == '_' || c == '`')
        .trim()
        .replace('’', "'");
    let lower = clean.to_lowercase();
    if is_done(status) || ticked {
        // The reason is written as the status is, after its word.
        let reason = NOT_DONE.iter().find_map(|word| {
            let rest = closing_word(&lower, word)?;
            let start = lower.len() - rest.len();
            let written = clean.get(start..).unwrap_or_default();
            let reason = written
                .trim_start_matches([' ', ':', '-', '(', ',', '.', '—', '–'])
                .trim_end_matches(')')
                .trim();
            Some(reason.to_owned())
        });
        return match reason {
            Some(reason) => (State::Closed, (!reason.is_empty()).then_some(reason)),
            None => (State::Done, None),
        };
    }
    if lower.starts_with("not ") {
        return (State::Open, None);
    }
    let says = |words: &[&str]| {
        words.iter().any(|w| {
            lower == *w
                || lower.starts_with(&format!("{w} "))
                || lower.ends_with(&format!(" {w}"))
                || lower.contains(&format!("({w})"))
        })
    };
    let state = if says(&[
        "in progress",
        "in-progress",
        "wip",
        "started",
        "ongoing",
        "doing",
        "in review",
        "underway",
        "🚧",
    ]) {
        State::InProgress
    } else if says(&["blocked", "on hold", "waiting", "stalled", "paused"]) {
        State::Blocked
    } else {
        State::Open
    };
    (state, None)
}

/// The tracker reference in an action item's text: an issue or pull
/// request URL, a key like `OPS-1423`, or `#123`.
pub fn tracker_in(text: &str) -> Option<String> {
    static URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"https?://[^\s<>()\[\]|`]+").expect("a valid pattern")
    });
    static KEY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b([A-Z][A-Z0-9]{1,9})-[0-9]+\b").expect("a valid pattern")
    });
    static NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[\s(\[,])(#[0-9]+)\b").expect("a valid pattern")
    });
    /// Where an issue lives in the URLs of the trackers teams use.
    const ISSUE_PATHS: &[&str] = &[
        "/issues/",
        "/pull/",
        "/merge_requests/",
        "/browse/",
        "/tickets/",
        "/ticket/",
        "linear.app/",
        "/workitems/",
        "/_workitems/",
    ];
    if let Some(url) = URL
        .find_iter(text)
        .map(|m| m.as_str().trim_end_matches(['.', ',', ';', ':', '*', '_']))
        .find(|url| ISSUE_PATHS.iter().any(|p| url.contains(p)))
    {
        return Some(url.to_owned());
    }
    /// Keys that are not tickets: severities, incident ids, CVEs, zones,
    /// standards.
    const NOT_TICKETS: &[&str] = &[
        "SEV", "INC", "CVE", "UTC", "GMT", "ISO", "RFC", "UTF", "TLS",
    ];
    if let Some(key) = KEY
        .captures_iter(text)
        .filter(|c| c.get(1).is_some_and(|p| !NOT_TICKETS.contains(&p.as_str())))
        .filter_map(|c| c.get(0))
        .next()
    {
        return Some(key.as_str().to_owned());
    }
    NUMBER
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_owned())
}

/// The action items of a document's body.
pub fn extract(text: &str, lines: &LineIndex, outline: &Outline) -> Vec<ActionItem> {
    let mut actions = Vec::new();
    for table in &outline.tables {
        let roles: Vec<Role> = table
            .header
            .cells
            .iter()
            .map(|c| role(c.text(text)))
            .collect();
        let has = |r| roles.contains(&r);
        let in_section = outline.in_section(table.span.start, "action_items");
        if (in_section && roles.iter().any(|r| *r != Role::Other))
            || (has(Role::Owner) && has(Role::Due))
        {
            table_actions(text, table, &roles, &mut actions);
        }
    }
    let mut is_action = vec![false; outline.items.len()];
    for (index, item) in outline.items.iter().enumerate() {
        if item.parent.is_some_and(|p| is_action[p])
            || !outline.in_section(item.span.start, "action_items")
        {
            continue;
        }
        let first = first_line(text, lines, item.span.start);
        let lower = text[first.clone()].to_ascii_lowercase();
        let has_fields = KEYS.iter().any(|(key, _)| find_key(&lower, key).is_some());
        if item.task.is_none() && !has_fields {
            continue;
        }
        is_action[index] = true;
        let mut action = ActionItem {
            span: trim(text, first.clone()),
            text: String::new(),
            owner: None,
            due: None,
            due_date: None,
            priority: None,
            status: None,
            done: item.task == Some(true),
            source: item.span.clone(),
            placeholder: false,
        };
        // Fields may sit on the lines an item wraps onto (`… —` then
        // `  Owner: @search-oncall — Due: 2026-12-20`).
        for line in own_lines(text, lines, outline, index) {
            read_fields(text, line.clone(), &mut action);
        }
        for line in own_lines(text, lines, outline, index) {
            read_loose_fields(text, line, &mut action);
        }
        // The text as read (markup resolved, like table cells), up to the
        // first `Key:`.
        let item_text = item.text(text);
        let lower = item_text.to_ascii_lowercase();
        let cut = KEYS
            .iter()
            .filter_map(|(key, _)| find_key(&lower, key).map(|(start, _)| start))
            .min()
            .unwrap_or(item_text.len());
        action.text = clean(&item_text[..cut]);
        for child in item.children.iter().map(|&c| &outline.items[c]) {
            let line = first_line(text, lines, child.span.start);
            read_fields(text, line, &mut action);
        }
        finish(&mut action);
        actions.push(action);
    }
    actions.sort_by_key(|a| a.span.start);
    actions
}

/// The source lines of item `index`'s own text: from its first line to the
/// line before its first nested item, up to a blank line.
fn own_lines(text: &str, lines: &LineIndex, outline: &Outline, index: usize) -> Vec<Range<usize>> {
    let item = &outline.items[index];
    let first = lines.line_of(item.span.start);
    let end = item
        .children
        .first()
        .map_or(item.span.end, |&c| outline.items[c].span.start);
    let last = lines.line_of(end.saturating_sub(1).max(item.span.start));
    let mut own = Vec::new();
    for line in first..=last {
        let range = lines.line_range(text, line);
        if line > first && text[range.clone()].trim().is_empty() {
            break;
        }
        own.push(range);
    }
    own
}

fn table_actions(text: &str, table: &Table, roles: &[Role], out: &mut Vec<ActionItem>) {
    let action_column = roles
        .iter()
        .position(|r| *r == Role::Action)
        .or_else(|| roles.iter().position(|r| *r == Role::Other));
    for row in &table.rows {
        if row.cells.iter().all(|c| c.text(text).is_empty()) {
            continue;
        }
        let cell = |role: Role| {
            roles
                .iter()
                .position(|r| *r == role)
                .and_then(|i| row.cells.get(i))
                .map(|c| (c.text(text), c))
                .filter(|(value, _)| !value.is_empty())
                .map(|(value, c)| Value {
                    text: value.to_owned(),
                    span: c.span.clone(),
                })
        };
        let mut action = ActionItem {
            span: row.span.clone(),
            text: action_column
                .and_then(|i| row.cells.get(i))
                .map(|c| c.text(text).to_owned())
                .unwrap_or_default(),
            owner: cell(Role::Owner),
            due: cell(Role::Due),
            due_date: None,
            priority: cell(Role::Priority).map(|v| v.text),
            status: cell(Role::Status).map(|v| v.text).or_else(|| {
                // Without a Status column, a cell that says the item is
                // closed (`Won't do (superseded by CAT-1402)`, `Done`).
                row.cells
                    .iter()
                    .zip(roles)
                    .filter(|(_, role)| matches!(role, Role::Other | Role::Priority))
                    .map(|(c, _)| c.text(text))
                    .find(|t| is_done(t))
                    .map(str::to_owned)
            }),
            done: false,
            source: row.span.clone(),
            placeholder: false,
        };
        finish(&mut action);
        out.push(action);
    }
}

/// Completes an item: whether it is closed, its due date, and whether it
/// is a template's example.
fn finish(action: &mut ActionItem) {
    if action.status.is_none() {
        action.status = trailing_state(&action.text);
    }
    if let Some(status) = &action.status
        && is_done(status)
    {
        action.done = true;
    }
    if action.done && action.status.is_none() {
        action.status = Some("done".to_owned());
    }
    action.due_date = action.due.as_ref().and_then(|due| first_date(&due.text));
    // A template's row stands in as a whole: `[Action item 1]`, `<task>`,
    // `TBD`, `Action 2`. An action with a placeholder in it (`Add retries
    // [Owner Name]`) is still an action.
    let text = action.text.as_str();
    let whole = text.starts_with(['[', '<', '{', '$']) || text.len() <= 16;
    action.placeholder =
        (whole && placeholders::is_unfilled(text)) || placeholders::prose::is_stand_in(text);
}

/// A state a checklist item states in its own text, without a `Status:`
/// label: `Replace Elasticsearch — Cancelled`, `Shard the table (won't
/// fix)`, `[-] Drop the cache`.
fn trailing_state(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(rest) = text
        .strip_prefix("[-]")
        .or_else(|| text.strip_prefix("[~]"))
    {
        return (!rest.trim().is_empty()).then(|| "won't do".to_owned());
    }
    let after_dash = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| text.rfind(d).map(|at| &text[at + d.len()..]))
        .min_by_key(|rest| rest.len());
    let in_parens = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, inner)| inner);
    [after_dash, in_parens]
        .into_iter()
        .flatten()
        .find(|state| is_done(state))
        .map(|state| state.trim().to_owned())
}

/// The first YYYY-MM-DD date in `text`.
fn first_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if boundary && text.is_char_boundary(i) && text.is_char_boundary(i + 10) {
            dates::parse_date(&text[i..i + 10])
        } else {
            None
        }
    })
}

/// Reads `Key: value` pairs on the source line `line` into `action`.
fn read_fields(text: &str, line: Range<usize>, action: &mut ActionItem) {
    let source = &text[line.clone()];
    let lower = source.to_ascii_lowercase();
    let mut found: Vec<(usize, usize, Role)> = KEYS
        .iter()
        .filter_map(|(key, role)| find_key(&lower, key).map(|(start, value)| (start, value, *role)))
        .collect();
    found.sort_by_key(|f| f.0);
    found.dedup_by_key(|f| f.0);
    for (i, &(_, value_start, role)) in found.iter().enumerate() {
        let limit = found.get(i + 1).map_or(source.len(), |next| next.0);
        let value_end = value_start
            + ["  ", " - ", " — ", " | ", ";"]
                .iter()
                .filter_map(|sep| source[value_start..limit].find(sep))
                .min()
                .unwrap_or(limit - value_start);
        let span = trim(text, line.start + value_start..line.start + value_end);
        let value = clean(&text[span.clone()]);
        if value.is_empty() {
            continue;
        }
        let value = Value { text: value, span };
        match role {
            Role::Owner if action.owner.is_none() => action.owner = Some(value),
            Role::Due if action.due.is_none() => action.due = Some(value),
            Role::Priority if action.priority.is_none() => action.priority = Some(value.text),
            Role::Status if action.status.is_none() => action.status = Some(value.text),
            _ => {}
        }
    }
}

/// Owners and due dates written without a label, as checklists often have
/// them: `(@rbaker, due 2024-06-28)`, `- Fix the pool @dana by 2026-12-01`.
/// Only fills what labelled fields left empty.
fn read_loose_fields(text: &str, line: Range<usize>, action: &mut ActionItem) {
    let source = &text[line.clone()];
    if action.owner.is_none()
        && let Some(at) = source.match_indices('@').map(|(i, _)| i).find(|&i| {
            let before = source[..i].chars().next_back();
            before.is_none_or(|c| c.is_whitespace() || c == '(' || c == ',')
                && source[i + 1..].starts_with(|c: char| c.is_alphanumeric())
        })
    {
        let len = 1 + source[at + 1..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
            .unwrap_or(source.len() - at - 1);
        let handle = source[at..at + len].trim_end_matches('.');
        action.owner = Some(Value {
            text: handle.to_owned(),
            span: line.start + at..line.start + at + handle.len(),
        });
    }
    if action.due.is_none() {
        let lower = source.to_ascii_lowercase();
        for word in ["due ", "by ", "eta "] {
            let found = lower.match_indices(word).find_map(|(i, _)| {
                let starts_word = i == 0 || !lower.as_bytes()[i - 1].is_ascii_alphanumeric();
                let date_at = i + word.len();
                let date = source.get(date_at..date_at + 10)?;
                (starts_word && dates::parse_date(date).is_some()).then_some(date_at)
            });
            if let Some(at) = found {
                action.due = Some(Value {
                    text: source[at..at + 10].to_owned(),
                    span: line.start + at..line.start + at + 10,
                });
                break;
            }
        }
    }
}

/// Where `key` (lowercase) starts as a label in `lower`, and where its value
/// starts: `Owner: x`, `**Owner:** x`, `**Owner**: x`.
fn find_key(lower: &str, key: &str) -> Option<(usize, usize)> {
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(at) = lower[from..].find(key).map(|i| i + from) {
        from = at + key.len();
        let before_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let rest = &lower[at + key.len()..];
        let stars = rest.len() - rest.trim_start_matches(['*', '_']).len();
        let after = &rest[stars..];
        if before_ok && after.starts_with(':') {
            let value = &after[1..];
            let skip = value.len() - value.trim_start_matches(['*', '_', ' ']).len();
            return Some((at, at + key.len() + stars + 1 + skip));
        }
    }
    None
}

/// Text without list markers, task boxes, emphasis and trailing separators.
fn clean(text: &str) -> String {
    let mut t = text.trim();
    t = t.trim_start_matches(['-', '*', '+']).trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && t[digits..].starts_with(['.', ')']) {
        t = t[digits + 1..].trim_start();
    }
    for box_ in ["[ ]", "[x]", "[X]"] {
        if let Some(rest) = t.strip_prefix(box_) {
            t = rest.trim_start();
        }
    }
    t.replace("**", "")
        .replace("__", "")
        .trim()
        .trim_end_matches(['-', '—', ',', ';', '(', '|', ' '])
        .trim()
        .to_owned()
}

fn first_line(text: &str, lines: &LineIndex, offset: usize) -> Range<usize> {
    lines.line_range(text, lines.line_of(offset))
}

fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let slice = &text[span.clone()];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn actions(body: &str) -> Vec<ActionItem> {
        Document::parse("t.md".into(), body.to_owned()).actions
    }

    #[test]
    fn table_columns_are_found_in_any_order() {
        let got = actions(
            "## Action Items\n\n| Due Date | Owner | Task Description | Status |\n|---|---|---|---|\n\
             | 2026-12-04 | Dana Kim | Add pool alert | Done |\n| | Ana | Write runbook | Open |\n",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text, "Add pool alert");
        assert_eq!(
            got[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("Dana Kim")
        );
        assert_eq!(got[0].due_date, NaiveDate::from_ymd_opt(2026, 12, 4));
        assert!(got[0].done);
        assert_eq!(got[1].due, None);
        assert!(!got[1].done);
    }

    #[test]
    fn one_line_and_nested_checklists() {
        let got = actions(
            "## Action Items\n\n- [x] Raise pool limit - Owner: Dana Kim - Due: 2026-12-01\n\
             - [ ] **Add alert:** page on pool waits\n  - Owner: @sre-team\n  - Due: 2027-01-15\n  - Priority: High\n",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text, "Raise pool limit");
        assert!(got[0].done);
        assert_eq!(
            got[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("Dana Kim")
        );
        assert_eq!(got[1].text, "Add alert: page on pool waits");
        assert_eq!(
            got[1].owner.as_ref().map(|o| o.text.as_str()),
            Some("@sre-team")
        );
        assert_eq!(got[1].due_date, NaiveDate::from_ymd_opt(2027, 1, 15));
        assert_eq!(got[1].priority.as_deref(), Some("High"));
    }

    #[test]
    fn closed_statuses_and_placeholder_rows() {
        for status in [
            "Done",
            "**DONE**",
            "Won't do",
            "Won’t do: covered by OPS-12",
            "Cancelled",
            "N/A",
            "wontfix",
            "Complete (2026-11-30)",
            "CAT-1403 (Done)",
            "n/a **DONE**",
            "Bug 5554825 **DONE**",
        ] {
            assert!(is_done(status), "{status}");
        }
        for status in [
            "Open",
            "In progress",
            "Blocked",
            "Not started",
            "Nachher",
            "",
        ] {
            assert!(!is_done(status), "{status}");
        }
        let got = actions(
            "## Action Items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n\
             | [Action item 1] | [Owner 1] | [YYYY-MM-DD] | Open |\n\
             | Action 2 | | | |\n| Add pool alert | Dana | 2026-12-04 | Won't do |\n",
        );
        assert_eq!(got.len(), 3);
        assert!(got[0].placeholder && got[1].placeholder && !got[2].placeholder);
        assert!(got[2].done);
    }

    #[test]
    fn owners_and_due_dates_without_labels() {
        let got = actions(
            "## Action Items\n\n- [ ] gitlab#812 Split the runners (@rbaker, due 2024-06-28)\n\
             - [ ] Raise the limit, @dana.kim by 2026-12-01\n- [ ] Mail ops@example.org\n",
        );
        assert_eq!(
            got[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("@rbaker")
        );
        assert_eq!(got[0].due_date, NaiveDate::from_ymd_opt(2024, 6, 28));
        assert_eq!(
            got[1].owner.as_ref().map(|o| o.text.as_str()),
            Some("@dana.kim")
        );
        assert_eq!(got[1].due_date, NaiveDate::from_ymd_opt(2026, 12, 1));
        assert!(got[2].owner.is_none() && got[2].due.is_none());
    }

    #[test]
    fn fields_on_wrapped_lines_and_states_in_the_text() {
        let got = actions(
            "## Action Items\n\n- [ ] Add an alert on index age,\n  paged to search on-call — Owner: @search — Due: 2026-12-20\n\
             - [ ] Replace Elasticsearch — Cancelled\n- [ ] Shard the table (won't fix)\n\
             - [ ] Move reads — superseded by OPS-120\n- [ ] Tune pool (in progress)\n",
        );
        assert_eq!(
            got[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("@search")
        );
        assert_eq!(got[0].due_date, NaiveDate::from_ymd_opt(2026, 12, 20));
        assert!(got[1].done && got[2].done && got[3].done, "{got:?}");
        assert!(!got[4].done);
    }

    #[test]
    fn a_closed_state_outside_a_status_column() {
        let got = actions(
            "## Action Items\n\n| Action | Owner | Bug |\n|---|---|---|\n\
             | Move reads | ana | Won't do (superseded by CAT-1402) |\n\
             | Cache keys | ana | CAT-1403 (Done) |\n| Shard | ana | CAT-1404 |\n",
        );
        assert!(got[0].done && got[1].done && !got[2].done, "{got:?}");
    }

    #[test]
    fn task_boxes_outside_action_sections_are_not_actions() {
        let got = actions(
            "## Detection Gaps\n\n- [ ] Alert on pool waits\n\n## Communication\n\n- [x] Status page updated\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
