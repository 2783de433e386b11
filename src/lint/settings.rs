//! What `pm lint` makes of the configuration for one run: the rules that
//! run and their levels, each rule family's options, and the profiles of the
//! templates. Built once per run, before any file is read; a setting that
//! names no rule or a pattern that is not one is an error naming its line
//! in the configuration.

use std::collections::BTreeMap;

use crate::config::{Config, LevelSetting, Setting};
use crate::error::Error;
use crate::lint::rules::{blameless, placeholders, structure};
use crate::lint::templates::Profiles;
use crate::lint::{Level, Rule, registry};
use crate::scaffold::registry::Registry;

/// The configuration as the linter uses it.
pub struct Settings {
    /// The configuration it was made from.
    pub config: Config,
    /// Rules that are off, sorted.
    rules_off: Vec<&'static str>,
    /// Rule levels set in the configuration.
    rule_levels: BTreeMap<&'static str, Level>,
    /// The placeholder rules' options.
    pub placeholders: placeholders::Options,
    /// The blameless rules' options.
    pub blameless: blameless::Options,
    /// The structure rules' options.
    pub structure: structure::Options,
    /// The templates, as the template-aware rules see them.
    pub profiles: Profiles,
    /// The `legacy` globs, matched against paths from the configuration's
    /// folder; `None` when there are none.
    legacy: Option<(std::path::PathBuf, globset::GlobSet)>,
}

impl Settings {
    /// The settings of `config`; the team templates are read from its
    /// folder.
    pub fn new(config: &Config) -> Result<Settings, Error> {
        let (rules_off, rule_levels) = resolve_rules(config)?;
        let registry = Registry::load(Some(&config.templates.folder))?;
        let legacy = legacy_globs(config)?;
        Ok(Settings {
            config: config.clone(),
            rules_off,
            rule_levels,
            placeholders: placeholders::Options::new(config)?,
            blameless: blameless::Options::new(config),
            structure: structure::Options::new(config),
            profiles: Profiles::new(registry, config),
            legacy,
        })
    }

    /// Whether `rule` runs.
    pub fn enabled(&self, rule: &Rule) -> bool {
        self.rules_off.binary_search(&rule.id).is_err()
    }

    /// The level `rule` reports at in a finished document.
    pub fn level(&self, rule: &Rule) -> Level {
        self.rule_levels.get(rule.id).copied().unwrap_or(rule.level)
    }

    /// Whether the postmortem at `path` is one the `legacy` globs name.
    pub fn is_legacy(&self, path: &std::path::Path) -> bool {
        let Some((root, globs)) = &self.legacy else {
            return false;
        };
        let Some(absolute) = crate::files::lexical_absolute(path) else {
            return false;
        };
        absolute
            .strip_prefix(root)
            .is_ok_and(|relative| globs.is_match(relative))
    }

    /// The rules that are off, as `pm config` shows them.
    pub fn rules_off(&self) -> &[&'static str] {
        &self.rules_off
    }

    /// The levels the configuration sets.
    pub fn rule_levels(&self) -> &BTreeMap<&'static str, Level> {
        &self.rule_levels
    }
}

/// The `legacy` globs of `config`, with the folder they are relative to;
/// one that is not a glob is an error at its line.
fn legacy_globs(config: &Config) -> Result<Option<(std::path::PathBuf, globset::GlobSet)>, Error> {
    if config.legacy.is_empty() {
        return Ok(None);
    }
    let mut globs = globset::GlobSetBuilder::new();
    for pattern in &config.legacy {
        let glob = globset::GlobBuilder::new(&pattern.value)
            .literal_separator(true)
            .build()
            .map_err(|err| {
                let kind = err.kind().to_string();
                config.error_at(
                    pattern,
                    format!("legacy: `{}` is not a glob: {kind}", pattern.value),
                )
            })?;
        globs.add(glob);
    }
    let folder = config
        .source
        .as_deref()
        .and_then(std::path::Path::parent)
        .unwrap_or(std::path::Path::new(""));
    let root = crate::files::lexical_absolute(folder).unwrap_or_default();
    let set = globs
        .build()
        .map_err(|err| Error::Usage(format!("legacy: {err}")))?;
    Ok(Some((root, set)))
}

/// The rules `config` turns off and the levels it sets.
fn resolve_rules(
    config: &Config,
) -> Result<(Vec<&'static str>, BTreeMap<&'static str, Level>), Error> {
    let settings = &config.rules;
    let resolve = |entry: &Setting<String>, key: &str| -> Result<Vec<&'static Rule>, Error> {
        let found = rules_matching(&entry.value);
        if found.is_empty() {
            return Err(config.error_at(
                entry,
                format!(
                    "rules.{key}: `{}` is not a rule id, id prefix or name (see `pm rules`)",
                    entry.value
                ),
            ));
        }
        Ok(found)
    };
    let mut off: Vec<&'static str> = Vec::new();
    if let Some(select) = &settings.select {
        let mut selected = Vec::new();
        for entry in select {
            selected.extend(resolve(entry, "select")?.iter().map(|r| r.id));
        }
        off = registry::ALL
            .iter()
            .map(|r| r.id)
            .filter(|id| !selected.contains(id))
            .collect();
    }
    for entry in &settings.ignore {
        off.extend(resolve(entry, "ignore")?.iter().map(|r| r.id));
    }
    let mut levels = BTreeMap::new();
    for (name, setting) in &settings.levels {
        for rule in resolve(name, "levels")? {
            match setting {
                LevelSetting::Error => {
                    levels.insert(rule.id, Level::Error);
                }
                LevelSetting::Warning => {
                    levels.insert(rule.id, Level::Warning);
                }
                LevelSetting::Off => off.push(rule.id),
            }
        }
    }
    off.sort_unstable();
    off.dedup();
    Ok((off, levels))
}

/// Rules an entry of `select`, `ignore` or `levels` names: an id, an id
/// prefix (`PM2` is every placeholder rule, `PM` every rule) or a name.
fn rules_matching(entry: &str) -> Vec<&'static Rule> {
    let upper = entry.trim().to_ascii_uppercase();
    registry::ALL
        .iter()
        .copied()
        .filter(|r| r.name == entry.trim() || (upper.starts_with("PM") && r.id.starts_with(&upper)))
        .collect()
}
