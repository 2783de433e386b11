//! `pm actions`: every action item of every postmortem.

use chrono::NaiveDate;
use serde::Serialize;

use crate::output::portable_path;
use crate::portfolio::Entry;

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

/// One action item, as JSON shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Item {
    /// The postmortem's incident id.
    pub incident_id: Option<String>,
    /// The postmortem's file.
    pub path: String,
    /// Line the item starts on.
    pub line: usize,
    /// What is to be done.
    pub action: String,
    /// Who owns it.
    pub owner: Option<String>,
    /// When it is due, as written.
    pub due: Option<String>,
    /// Its priority, as written.
    pub priority: Option<String>,
    /// Its status, as written.
    pub status: Option<String>,
    /// Whether it is finished.
    pub done: bool,
    /// Whether its due date has passed and it is not finished.
    pub overdue: bool,
}

/// The owner as compared: lowercase, without a leading `@`.
pub fn owner_key(owner: &str) -> String {
    owner.trim().trim_start_matches('@').to_lowercase()
}

/// Every action item of `entries` that passes `filter`, by due date (items
/// without one last), then file and line. The entries' texts move into the
/// items: with tens of thousands of items, two copies would double the
/// peak memory.
pub fn items(entries: Vec<Entry>, filter: &Filter, today: NaiveDate) -> Vec<Item> {
    let wanted_owner = filter.owner.as_deref().map(owner_key);
    let mut items: Vec<(Option<NaiveDate>, Item)> = entries
        .into_iter()
        .flat_map(|entry| {
            let path = portable_path(&entry.path);
            let id = entry.id;
            entry.actions.into_iter().map(move |(line, a)| {
                let overdue = !a.done && a.due_date.is_some_and(|d| d < today);
                (
                    a.due_date,
                    Item {
                        incident_id: id.clone(),
                        path: path.clone(),
                        line,
                        action: a.text,
                        owner: a.owner.map(|o| o.text),
                        due: a.due.map(|d| d.text),
                        priority: a.priority,
                        status: a.status,
                        done: a.done,
                        overdue,
                    },
                )
            })
        })
        .filter(|(_, item)| !filter.open || !item.done)
        .filter(|(_, item)| !filter.overdue || item.overdue)
        .filter(|(_, item)| {
            wanted_owner
                .as_ref()
                .is_none_or(|w| item.owner.as_deref().is_some_and(|o| owner_key(o) == *w))
        })
        .collect();
    items.sort_by(|(a_due, a), (b_due, b)| {
        (a_due.is_none(), a_due, &a.path, a.line).cmp(&(b_due.is_none(), b_due, &b.path, b.line))
    });
    items.into_iter().map(|(_, item)| item).collect()
}

/// Column titles of the table and CSV forms.
pub const HEADER: [&str; 8] = [
    "due", "owner", "priority", "status", "action", "incident", "source", "overdue",
];

/// An item's cells, in [`HEADER`] order (the item's texts move into them).
pub fn cells(item: Item) -> Vec<String> {
    vec![
        item.due.unwrap_or_default(),
        item.owner.unwrap_or_default(),
        item.priority.unwrap_or_default(),
        item.status.unwrap_or_default(),
        item.action,
        item.incident_id.unwrap_or_default(),
        format!("{}:{}", item.path, item.line),
        if item.overdue {
            "yes".to_owned()
        } else {
            String::new()
        },
    ]
}
