//! `pm actions`: every action item of every postmortem.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::document::Document;
use crate::document::actions::{Policy, State};
use crate::output::portable_path;

/// Which action items to show.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only items not done.
    pub open: bool,
    /// Only items past their due date and not done.
    pub overdue: bool,
    /// Only items of this owner (case and a leading `@` ignored).
    pub owner: Option<String>,
}

/// The action items of one postmortem that pass a [`Filter`].
#[derive(Debug, Clone)]
pub struct FileActions {
    /// The file, as shown.
    path: String,
    /// Its incident id.
    incident_id: Option<String>,
    /// Its items, in the order of the file.
    actions: Vec<Action>,
}

#[derive(Debug, Clone)]
struct Action {
    line: usize,
    text: String,
    owner: Option<String>,
    due: Option<String>,
    due_by_policy: bool,
    due_date: Option<NaiveDate>,
    priority: Option<String>,
    status: Option<String>,
    state: State,
    reason: Option<String>,
    tracker: Option<String>,
    done: bool,
    overdue: bool,
}

impl FileActions {
    /// The action items of `doc` that pass `filter`, on `today`; an item
    /// without a due date is due when `policy` says.
    pub fn of(doc: &Document, filter: &Filter, today: NaiveDate, policy: &Policy) -> FileActions {
        let wanted_owner = filter.owner.as_deref().map(owner_key);
        let actions = doc
            .actions
            .iter()
            .filter(|a| !a.placeholder)
            .map(|a| {
                let by_policy = (a.due.is_none())
                    .then(|| policy.due(a, &doc.facts))
                    .flatten();
                (a, a.state(), by_policy)
            })
            .map(|(a, (state, reason), by_policy)| Action {
                line: doc.position(a.span.start).line,
                text: a.text.clone(),
                owner: a.owner.as_ref().map(|o| o.text.clone()),
                due: match &by_policy {
                    Some(p) => Some(format!(
                        "{} ({}: {} days after {})",
                        p.date,
                        p.priority,
                        p.days,
                        policy.from.key()
                    )),
                    None => a.due.as_ref().map(|d| d.text.clone()),
                },
                due_by_policy: by_policy.is_some(),
                due_date: a.due_date.or(by_policy.as_ref().map(|p| p.date)),
                priority: a.priority.clone(),
                status: a.status.clone(),
                state,
                reason,
                tracker: a.tracker(&doc.text),
                done: a.done,
                overdue: !a.done
                    && (a.due_date.or(by_policy.as_ref().map(|p| p.date)))
                        .is_some_and(|d| d < today),
            })
            .filter(|a| !filter.open || !a.done)
            .filter(|a| !filter.overdue || a.overdue)
            .filter(|a| {
                wanted_owner
                    .as_ref()
                    .is_none_or(|w| a.owner.as_deref().is_some_and(|o| owner_key(o) == *w))
            })
            .collect();
        FileActions {
            path: portable_path(&doc.path),
            // The id the text states (`Incident ID:`, `INC-123-….md`) when
            // the front matter has no such key, as in `pm list`.
            incident_id: match &doc.facts.incident_id {
                crate::document::facts::Fact::Missing => {
                    (doc.inferred(Default::default()).incident_id.as_ref())
                        .map(|found| found.value.clone())
                }
                fact => fact.text().map(str::to_owned),
            },
            actions,
        }
    }
}

/// Every item of a set of postmortems, by due date (items without one
/// last), then file and line. Items are kept once, grouped by file, and
/// shown through [`Item`]s that borrow them: with tens of thousands of
/// items, copies would multiply the peak memory.
#[derive(Debug)]
pub struct Listing {
    files: Vec<FileActions>,
    /// (file, item) indices in display order.
    order: Vec<(usize, usize)>,
}

impl Listing {
    /// Orders the items of `files`, which are in path order.
    pub fn new(mut files: Vec<FileActions>) -> Listing {
        files.retain(|f| !f.actions.is_empty());
        for file in &mut files {
            file.actions.shrink_to_fit();
        }
        let mut order: Vec<(usize, usize)> = Vec::new();
        for (f, file) in files.iter().enumerate() {
            order.extend((0..file.actions.len()).map(|i| (f, i)));
        }
        let action = |&(f, i): &(usize, usize)| &files[f].actions[i];
        order.sort_by_key(|key| {
            let a = action(key);
            (a.due_date.is_none(), a.due_date, key.0, a.line)
        });
        Listing { files, order }
    }

    /// The items in display order.
    pub fn items(&self) -> impl Iterator<Item = Item<'_>> {
        self.order.iter().map(|&(f, i)| {
            let file = &self.files[f];
            let a = &file.actions[i];
            Item {
                incident_id: file.incident_id.as_deref(),
                path: &file.path,
                line: a.line,
                action: &a.text,
                owner: a.owner.as_deref(),
                due: a.due.as_deref(),
                due_by_policy: a.due_by_policy,
                due_date: a.due_date,
                priority: a.priority.as_deref(),
                status: a.status.as_deref(),
                state: a.state.as_str(),
                reason: a.reason.as_deref(),
                tracker: a.tracker.as_deref(),
                done: a.done,
                overdue: a.overdue,
            }
        })
    }
}

/// JSON: an array of [`Item`]s, written as they are made.
impl Serialize for Listing {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items())
    }
}

/// One action item, as JSON shows it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Item<'a> {
    /// The postmortem's incident id.
    pub incident_id: Option<&'a str>,
    /// The postmortem's file.
    pub path: &'a str,
    /// Line the item starts on.
    pub line: usize,
    /// What is to be done.
    pub action: &'a str,
    /// Who owns it.
    pub owner: Option<&'a str>,
    /// When it is due, as written, or as the deadline policy has it
    /// (`2026-12-09 (P1: 30 days after resolved_at)`).
    pub due: Option<&'a str>,
    /// Whether the due date is the deadline policy's.
    pub due_by_policy: bool,
    /// The due date: the item's, else the policy's.
    #[serde(skip)]
    pub due_date: Option<NaiveDate>,
    /// Its priority, as written.
    pub priority: Option<&'a str>,
    /// Its status, as written.
    pub status: Option<&'a str>,
    /// Where it stands: open, in progress, blocked, done or closed (closed
    /// without doing it).
    pub state: &'static str,
    /// Why it was closed without doing, when the status says.
    pub reason: Option<&'a str>,
    /// Its tracker reference: an issue URL, `#123` or a key like
    /// `OPS-1423`.
    pub tracker: Option<&'a str>,
    /// Whether it is finished.
    pub done: bool,
    /// Whether its due date has passed and it is not finished.
    pub overdue: bool,
}

/// The owner as compared: lowercase, without a leading `@`.
pub fn owner_key(owner: &str) -> String {
    owner.trim().trim_start_matches('@').to_lowercase()
}

/// Column titles of the table and CSV forms.
pub const HEADER: [&str; 10] = [
    "due", "owner", "priority", "state", "action", "tracker", "reason", "incident", "source",
    "overdue",
];

/// An item's cells, in [`HEADER`] order.
pub fn cells(item: Item<'_>) -> Vec<Cow<'_, str>> {
    fn text(v: Option<&str>) -> Cow<'_, str> {
        Cow::Borrowed(v.unwrap_or_default())
    }
    vec![
        text(item.due),
        text(item.owner),
        text(item.priority),
        Cow::Borrowed(item.state),
        Cow::Borrowed(item.action),
        text(item.tracker),
        text(item.reason),
        text(item.incident_id),
        Cow::Owned(format!("{}:{}", item.path, item.line)),
        Cow::Borrowed(if item.overdue { "yes" } else { "" }),
    ]
}
