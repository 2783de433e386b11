//! `pm config`: the effective configuration and where it came from.

use crate::exit::Outcome;
use std::io::Write;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Config;
use crate::error::Error;
use crate::lint::settings::Settings;
use crate::scaffold::registry::Registry;

/// Runs `pm config`.
pub fn run(config: &Config) -> Result<Outcome, Error> {
    let origin = match &config.source {
        Some(path) => format!("# effective configuration, from {}\n", path.display()),
        None => "# effective configuration: built-in defaults (no .pm.yaml found)\n".to_owned(),
    };
    // Everything the file names is checked, as the commands that use it do.
    Registry::of(config)?;
    let settings = Settings::new(config)?;
    let yaml = serde_saphyr::to_string(&Effective::of(config, &settings))
        .map_err(|e| Error::Usage(format!("cannot print the configuration: {e}")))?;
    let mut out = std::io::stdout().lock();
    out.write_all(origin.as_bytes())
        .and_then(|()| out.write_all(yaml.as_bytes()))
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(Outcome::Success)
}

/// The configuration as `pm config` prints it.
#[derive(Debug, Serialize)]
struct Effective {
    postmortems: String,
    templates: EffectiveTemplates,
    severities: Vec<String>,
    severity_aliases: BTreeMap<String, String>,
    timezone: Option<String>,
    date_order: Option<crate::document::dates::DateOrder>,
    statuses: Vec<String>,
    sections: EffectiveSections,
    rules: EffectiveRules,
    placeholders: Vec<String>,
    blame_words: Vec<String>,
    vague_actions: Vec<String>,
    legacy: Vec<String>,
    only_postmortems: bool,
    max_file_size: String,
    actions: EffectiveActions,
}

#[derive(Debug, Serialize)]
struct EffectiveActions {
    due_by_priority: BTreeMap<String, String>,
    from: &'static str,
    report_later_due: bool,
}

#[derive(Debug, Serialize)]
struct EffectiveTemplates {
    default: String,
    by_severity: BTreeMap<String, String>,
    folder: String,
}

#[derive(Debug, Serialize)]
struct EffectiveSections {
    required: BTreeMap<String, Vec<String>>,
    aliases: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Serialize)]
struct EffectiveRules {
    ignore: Vec<String>,
    levels: BTreeMap<String, String>,
}

impl Effective {
    /// The configuration in the shape of the file, as `pm lint` and `pm new`
    /// use it.
    fn of(config: &Config, settings: &Settings) -> Effective {
        Effective {
            postmortems: config.postmortems_dir.display().to_string(),
            templates: EffectiveTemplates {
                default: config.default_template().to_owned(),
                by_severity: (config.templates.by_severity.iter())
                    .map(|(level, template)| (level.clone(), template.value.clone()))
                    .collect(),
                folder: config.templates.folder.display().to_string(),
            },
            severities: config.severities.levels().to_vec(),
            severity_aliases: config.severity_aliases.clone(),
            date_order: config.date_order,
            timezone: config.default_zone.map(|minutes| {
                let sign = if minutes < 0 { '-' } else { '+' };
                let m = minutes.unsigned_abs();
                format!("{sign}{:02}:{:02}", m / 60, m % 60)
            }),
            statuses: config.statuses.clone(),
            sections: EffectiveSections {
                required: config.required_sections.clone(),
                aliases: settings.structure.aliases.clone(),
            },
            rules: EffectiveRules {
                ignore: (settings.rules_off().iter())
                    .map(|id| (*id).to_owned())
                    .collect(),
                levels: (settings.rule_levels().iter())
                    .map(|(id, level)| ((*id).to_owned(), level.to_string()))
                    .collect(),
            },
            placeholders: (settings.placeholders.patterns.iter())
                .map(|r| r.as_str().to_owned())
                .collect(),
            blame_words: settings.blameless.blame_words.clone(),
            vague_actions: settings.blameless.vague_actions.clone(),
            legacy: config.legacy.iter().map(|g| g.value.clone()).collect(),
            only_postmortems: config.only_postmortems,
            max_file_size: crate::files::size_text(config.max_file_size),
            actions: EffectiveActions {
                due_by_priority: (config.actions.due_by_priority.iter())
                    .map(|(priority, days)| (priority.clone(), format!("{days}d")))
                    .collect(),
                from: config.actions.from.key(),
                report_later_due: config.actions.report_later_due,
            },
        }
    }
}
