//! A Slack channel export: each day's JSON file (an array of messages with
//! `ts`, `user` or `user_profile`, `text`, `thread_ts`, `subtype`,
//! `edited`), and the export's `users.json` for names. A message's time is
//! its `ts` (seconds since 1970, UTC): no zone is needed. An edited message
//! keeps the time it was posted and shows its last text.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{Event, ImportError, one_line};

/// The longest message text kept.
const MAX_TEXT: usize = 200;

/// Subtypes that are not something anyone said or did about the incident.
const SKIPPED: &[&str] = &[
    "channel_join",
    "channel_leave",
    "group_join",
    "group_leave",
    "message_deleted",
    "tombstone",
];

/// Whether `text` (already seen to open with `[`) reads as a Slack export.
pub fn looks_like(text: &str) -> bool {
    text.contains("\"ts\"")
}

/// The names of the people in an export, by user id.
#[derive(Debug, Default, Clone)]
pub struct Users(HashMap<String, String>);

impl Users {
    /// The `users.json` in the folder of `path` or one of the two above it
    /// (a day's file sits in its channel's folder, under the export); empty
    /// when there is none, an error when it cannot be read.
    pub fn beside(path: &Path) -> Result<Users, ImportError> {
        let mut dir = path.parent();
        for _ in 0..3 {
            let Some(folder) = dir else { break };
            let candidate = folder.join("users.json");
            if candidate.is_file() {
                let text = std::fs::read_to_string(&candidate)
                    .map_err(|e| ImportError::at(&candidate, None, e.to_string()))?;
                return Users::from_json(&candidate, &text);
            }
            dir = folder.parent();
        }
        Ok(Users::default())
    }

    /// The names in the text of a `users.json`: the display name, else the
    /// real name, else the user name.
    pub fn from_json(path: &Path, text: &str) -> Result<Users, ImportError> {
        let users =
            match serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(text)) {
                Ok(Value::Array(users)) => users,
                Ok(_) => {
                    return Err(ImportError::at(
                        path,
                        None,
                        "a Slack export's users.json is an array of users",
                    ));
                }
                Err(e) => {
                    return Err(ImportError::at(
                        path,
                        Some(e.line()),
                        format!("not valid JSON: {e}"),
                    ));
                }
            };
        Ok(Users(
            users
                .iter()
                .filter_map(|user| {
                    let id = user.get("id")?.as_str()?.to_owned();
                    Some((id, name_of(user)?))
                })
                .collect(),
        ))
    }

    fn get(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }
}

/// The name a user or profile object gives.
fn name_of(user: &Value) -> Option<String> {
    let profile = user.get("profile").unwrap_or(user);
    [
        profile.get("display_name"),
        profile.get("real_name"),
        user.get("real_name"),
        user.get("name"),
    ]
    .into_iter()
    .flatten()
    .filter_map(Value::as_str)
    .map(str::trim)
    .find(|name| !name.is_empty())
    .map(str::to_owned)
}

/// A `ts` (`"1763647331.000200"`) as a time.
fn time_of(ts: &Value) -> Option<DateTime<Utc>> {
    let text = match ts {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let (secs, frac) = text.split_once('.').unwrap_or((&text, "0"));
    let secs: i64 = secs.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    let nanos: u32 = format!("{digits:0<9}").parse().ok()?;
    // Years 1970 to 9999: a time any zone can show.
    (0..253_402_214_400)
        .contains(&secs)
        .then(|| DateTime::from_timestamp(secs, nanos))
        .flatten()
}

/// Slack's markup as plain text: `<@U123>` as `@name`, `<#C1|ops>` as
/// `#ops`, `<https://x|label>` as `label`, `<https://x>` as the URL, and its
/// three escaped characters.
fn plain(text: &str, users: &Users) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 1..).unwrap_or("");
        let Some(end) = after.find('>') else {
            out.push_str(rest.get(start..).unwrap_or(""));
            rest = "";
            break;
        };
        let inner = after.get(..end).unwrap_or("");
        let (target, label) = inner.split_once('|').unwrap_or((inner, ""));
        if let Some(id) = target.strip_prefix('@') {
            out.push('@');
            out.push_str(
                users
                    .get(id)
                    .unwrap_or(if label.is_empty() { id } else { label }),
            );
        } else if let Some(id) = target.strip_prefix('#') {
            out.push('#');
            out.push_str(if label.is_empty() { id } else { label });
        } else if let Some(special) = target.strip_prefix('!') {
            // `<!here>`, `<!subteam^S1|@oncall>`, `<!date^…|Feb 18>`.
            match label {
                "" => {
                    out.push('@');
                    out.push_str(special);
                }
                label => out.push_str(label),
            }
        } else {
            out.push_str(if label.is_empty() { target } else { label });
        }
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The messages of one day's file of a Slack export.
pub fn read(path: &Path, text: &str, users: &Users) -> Result<Vec<Event>, ImportError> {
    let json: Value = serde_json::from_str(text)
        .map_err(|e| ImportError::at(path, Some(e.line()), format!("not valid JSON: {e}")))?;
    let Value::Array(messages) = json else {
        return Err(ImportError::at(
            path,
            None,
            "a Slack export's day file is an array of messages",
        ));
    };
    let mut events = Vec::new();
    for (i, message) in messages.iter().enumerate() {
        let at_path =
            |key: &str, why: &str| ImportError::at(path, None, format!("[{i}].{key}: {why}"));
        if message
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| t != "message")
        {
            continue;
        }
        let subtype = message.get("subtype").and_then(Value::as_str);
        if subtype.is_some_and(|s| SKIPPED.contains(&s)) {
            continue;
        }
        let ts = message
            .get("ts")
            .ok_or_else(|| at_path("ts", "missing: every message has its time"))?;
        let at = time_of(ts)
            .ok_or_else(|| at_path("ts", "not a Slack timestamp such as \"1763647331.000200\""))?;
        let user = match message.get("user") {
            None | Some(Value::Null) => None,
            Some(Value::String(user)) => Some(user.as_str()),
            Some(_) => return Err(at_path("user", "not a user id (a string)")),
        };
        let said = match message.get("text") {
            None | Some(Value::Null) => "",
            Some(Value::String(text)) => text.as_str(),
            Some(_) => return Err(at_path("text", "not text (a string)")),
        };
        let who = message
            .get("user_profile")
            .and_then(name_of)
            .or_else(|| user.and_then(|id| users.get(id)).map(str::to_owned))
            .or_else(|| {
                message
                    .get("username")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .or_else(|| {
                message
                    .get("bot_profile")
                    .and_then(|b| b.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .or_else(|| user.map(str::to_owned));
        let mut said = plain(said, users);
        if said.trim().is_empty() {
            // A bot's message is often all attachment, a file share all file.
            said = first_text(message.get("attachments"), &["fallback", "title", "text"])
                .or_else(|| {
                    first_text(message.get("files"), &["title", "name"])
                        .map(|f| format!("(file) {f}"))
                })
                .unwrap_or_default();
        }
        let said = one_line(&said, MAX_TEXT);
        if said.is_empty() {
            continue;
        }
        let reply = match (message.get("thread_ts"), Some(ts)) {
            (Some(thread), Some(ts)) => time_of(thread) != time_of(ts),
            _ => false,
        };
        events.push(Event {
            at,
            who,
            text: if reply { format!("↳ {said}") } else { said },
            link: message
                .get("permalink")
                .and_then(Value::as_str)
                .map(str::to_owned),
            kind: None,
        });
    }
    Ok(events)
}

/// The first non-empty text under one of `keys` of the objects in `list`.
fn first_text(list: Option<&Value>, keys: &[&str]) -> Option<String> {
    list?.as_array()?.iter().find_map(|item| {
        keys.iter()
            .filter_map(|key| item.get(*key)?.as_str())
            .find(|text| !text.trim().is_empty())
            .map(str::to_owned)
    })
}
