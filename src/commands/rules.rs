//! `pm rules [RULE]`: the rule list, or one rule explained.

use crate::exit::Outcome;
use std::io::Write;

use crate::error::Error;
use crate::lint::fix::Applicability;
use crate::lint::registry;

/// Runs `pm rules`.
pub fn run(rule: Option<&str>) -> Result<Outcome, Error> {
    let mut out = std::io::stdout().lock();
    let text = match rule {
        None => list(),
        Some(name) => {
            let rule = registry::find(name).ok_or_else(|| {
                Error::invalid_value(
                    "<RULE>",
                    name,
                    "a rule id like PM201 or a name like bracket-placeholder (see `pm rules`)",
                )
            })?;
            let drafts = if rule.status_aware {
                " (a warning in drafts)"
            } else {
                ""
            };
            let fix = match &rule.fix {
                None => "fix: none".to_owned(),
                Some(offer) if offer.safe_in_drafts => format!(
                    "fix: safe in drafts (`pm lint --fix`), unsafe in finished documents (`--unsafe-fixes`): {}",
                    offer.what
                ),
                Some(offer) => {
                    let how = match offer.applicability {
                        Applicability::Safe => "safe (`pm lint --fix`)",
                        Applicability::Unsafe => "unsafe (`pm lint --fix --unsafe-fixes`)",
                    };
                    format!("fix: {how}: {}", offer.what)
                }
            };
            format!(
                "{} {}\nlevel: {}{drafts}\n{fix}\n\n{}\n\n{}\n\nBad:\n\n{}\n\nGood:\n\n{}\n",
                rule.id,
                rule.name,
                rule.level,
                rule.summary,
                rule.explanation,
                indent(rule.bad),
                indent(rule.good)
            )
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(Outcome::Success)
}

fn list() -> String {
    let rows: Vec<[&str; 4]> = registry::ALL
        .iter()
        .map(|r| [r.id, r.name, r.level.as_str(), r.summary])
        .collect();
    let rows: Vec<Vec<&str>> = rows.iter().map(|row| row.to_vec()).collect();
    let mut text = Vec::new();
    // Writing to memory does not fail.
    let _ = crate::portfolio::table::write_columns(&rows, &mut text);
    String::from_utf8_lossy(&text).into_owned()
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}
