//! `pm actions --format markdown`: the digest a scheduled job posts as an
//! issue comment or a chat message. Overdue items first, then those due in
//! the next days, each part grouped by owner, each item linked to its
//! postmortem and its tracker.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::portfolio::actions::{Item, Listing};

/// How the digest is made.
#[derive(Debug, Clone)]
pub struct Digest {
    /// The day it is made for.
    pub today: NaiveDate,
    /// Items due within this many days of `today` are listed after the
    /// overdue ones.
    pub within: u32,
    /// Prefix of the links to postmortems (`https://github.com/o/r/blob/main/`);
    /// without it, links are the paths as shown.
    pub link_base: Option<String>,
}

impl Digest {
    /// The digest of the open items of `listing`.
    pub fn render(&self, listing: &Listing) -> String {
        let soon = self
            .today
            .checked_add_days(chrono::Days::new(u64::from(self.within)))
            .unwrap_or(NaiveDate::MAX);
        let open: Vec<(Item<'_>, NaiveDate)> = listing
            .items()
            .filter(|item| !item.done)
            .filter_map(|item| Some((item, item.due_date?)))
            .collect();
        let overdue: Vec<_> = open.iter().filter(|(_, due)| *due < self.today).collect();
        let upcoming: Vec<_> = open
            .iter()
            .filter(|(_, due)| *due >= self.today && *due <= soon)
            .collect();
        let days = match self.within {
            1 => "the next day".to_owned(),
            n => format!("the next {n} days"),
        };
        let mut out = String::new();
        let _ = match (overdue.len(), upcoming.len()) {
            (0, 0) => writeln!(out, "## Action items: nothing overdue or due in {days}"),
            (o, u) => writeln!(out, "## Action items: {o} overdue, {u} due in {days}"),
        };
        let _ = writeln!(out, "\nAs of {}.", self.today);
        for (title, items) in [
            ("Overdue".to_owned(), overdue),
            (format!("Due in {days}"), upcoming),
        ] {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n### {title}");
            for (owner, items) in by_owner(&items) {
                let _ = writeln!(out, "\n**{}**\n", escape(owner));
                for (item, due) in items {
                    out.push_str(&self.line(item, *due));
                }
            }
        }
        out
    }

    /// One item: the action linked to its line, when it is due, its tracker
    /// and its incident.
    fn line(&self, item: &Item<'_>, due: NaiveDate) -> String {
        let link = format!(
            "{}{}#L{}",
            self.link_base.as_deref().unwrap_or_default(),
            item.path,
            item.line
        );
        let when = match (due - self.today).num_days() {
            0 => "today".to_owned(),
            1 => "tomorrow".to_owned(),
            -1 => "1 day ago".to_owned(),
            n if n < 0 => format!("{} days ago", -n),
            n => format!("in {n} days"),
        };
        let mut line = format!(
            "- [{}]({}): due {due}, {when}",
            escape(item.action),
            link.replace(' ', "%20")
        );
        if let Some(tracker) = item.tracker {
            if tracker.starts_with("http") {
                let shown = tracker
                    .trim_start_matches("https://")
                    .trim_start_matches("http://");
                let _ = write!(line, " · [{}]({tracker})", escape(shown));
            } else {
                let _ = write!(line, " · {tracker}");
            }
        }
        if let Some(id) = item.incident_id {
            let _ = write!(line, " · {}", escape(id));
        }
        line.push('\n');
        line
    }
}

/// An item and its due date.
type Due<'a> = (Item<'a>, NaiveDate);

/// The items by owner (compared without case and `@`), owners in
/// alphabetical order and items without one last; items keep their order.
fn by_owner<'a, 'b>(items: &'b [&'b Due<'a>]) -> Vec<(&'a str, Vec<&'b Due<'a>>)> {
    let mut groups: BTreeMap<(bool, String), (&'a str, Vec<&'b Due<'a>>)> = BTreeMap::new();
    for &entry in items {
        let (owner, key) = match entry.0.owner {
            Some(owner) => (owner, (false, super::actions::owner_key(owner))),
            None => ("No owner", (true, String::new())),
        };
        groups
            .entry(key)
            .or_insert((owner, Vec::new()))
            .1
            .push(entry);
    }
    groups.into_values().collect()
}

/// `text` safe inside Markdown link text and emphasis.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '`' | '<' | '>' | '\\') {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}
