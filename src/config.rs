//! Project configuration: `.pm.yaml`, found by walking up from the current
//! directory to the repository root, read with a strict schema (an unknown
//! key or a wrong type is an error naming the key and its line), then
//! checked for values that cannot work on their own (a list that is empty,
//! a folder outside the repository).
//!
//! The configuration is plain data: what names a template or a rule keeps
//! where it is written ([`Setting`]), and the command that uses it checks it
//! (`pm new` its templates, `pm lint` its rules and patterns), so a mistake
//! stops only what it concerns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::error::Error;
use crate::severity::SeverityScale;

/// The name of the configuration file.
pub const FILE_NAME: &str = ".pm.yaml";

/// The effective configuration of one run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from; `None` for the built-in defaults.
    pub source: Option<PathBuf>,
    /// Where postmortems are written and looked for.
    pub postmortems_dir: PathBuf,
    /// Which templates `pm new` uses, and the team's folder of them.
    pub templates: TemplateSettings,
    /// The allowed severities, most severe first.
    pub severities: SeverityScale,
    /// Severities of other schemes and the levels of the scale they mean
    /// (`Critical: SEV-1`), for documents pm did not write.
    pub severity_aliases: BTreeMap<String, String>,
    /// The zone of times a postmortem pm did not write gives without one
    /// and states none for (minutes east of UTC), from `timezone`.
    pub default_zone: Option<i32>,
    /// How postmortems pm did not write give dates in numbers only
    /// (`4/21/23`), from `date_order`; `None` reads no such date.
    pub date_order: Option<crate::document::dates::DateOrder>,
    /// The allowed document statuses, in workflow order; the first is the
    /// draft status, in which unfinished text is only a warning.
    pub statuses: Vec<String>,
    /// Required sections per severity (`default` for the others): canonical
    /// section ids (`root_cause`) or section titles.
    pub required_sections: BTreeMap<String, Vec<String>>,
    /// Extra titles per section id or title, as written.
    pub section_aliases: BTreeMap<String, Vec<String>>,
    /// Which rules run, and at what level.
    pub rules: RuleSettings,
    /// Extra placeholder patterns (PM210), as written.
    pub placeholders: Vec<Setting<String>>,
    /// Phrases of blame language (PM401); `None` for the rule's own.
    pub blame_words: Option<Vec<String>>,
    /// Action items too vague to act on (PM402); `None` for the rule's own.
    pub vague_actions: Option<Vec<String>>,
    /// Globs (relative to the configuration's folder) of postmortems written
    /// before pm: `pm lint` asks of them only a title and a date, and no
    /// sections.
    pub legacy: Vec<Setting<String>>,
    /// Whether `pm lint` skips files given by name that lie outside the
    /// postmortems folder (for hooks that pass every staged Markdown file).
    pub only_postmortems: bool,
    /// The largest file pm reads, in bytes.
    pub max_file_size: u64,
    /// How long action items may take, by priority (`actions`).
    pub actions: crate::document::actions::Policy,
}

/// A value as the configuration file writes it, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// 1-based line of the value.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl<T> Setting<T> {
    fn of(spanned: Spanned<T>) -> Setting<T> {
        Setting {
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
            value: spanned.value,
        }
    }
}

/// The `templates:` settings.
#[derive(Debug, Clone, Default)]
pub struct TemplateSettings {
    /// The template `pm new` uses when nothing else decides; `None` for
    /// `standard`.
    pub default: Option<Setting<String>>,
    /// The template per severity (a level of the scale), before the default.
    pub by_severity: BTreeMap<String, Setting<String>>,
    /// The team's folder of `*.md.tera` templates.
    pub folder: PathBuf,
}

/// The `rules:` settings, as written: `pm lint` resolves the names.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    /// Only these rules run (ids, id prefixes or names), when given.
    pub select: Option<Vec<Setting<String>>>,
    /// These rules do not run.
    pub ignore: Vec<Setting<String>>,
    /// A level per rule id, id prefix or name.
    pub levels: Vec<(Setting<String>, LevelSetting)>,
}

/// A level a rule can be set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelSetting {
    /// Fails the run.
    Error,
    /// Reported, does not fail the run.
    Warning,
    /// Not run.
    Off,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            source: None,
            postmortems_dir: PathBuf::from("docs/postmortems"),
            templates: TemplateSettings {
                folder: PathBuf::from(".pm/templates"),
                ..TemplateSettings::default()
            },
            severities: SeverityScale::new(["SEV-1", "SEV-2", "SEV-3", "SEV-4"]),
            severity_aliases: BTreeMap::new(),
            default_zone: None,
            date_order: None,
            statuses: ["draft", "in-review", "final"].map(str::to_owned).to_vec(),
            required_sections: BTreeMap::new(),
            section_aliases: BTreeMap::new(),
            rules: RuleSettings::default(),
            placeholders: Vec::new(),
            blame_words: None,
            vague_actions: None,
            legacy: Vec::new(),
            only_postmortems: false,
            max_file_size: crate::files::DEFAULT_MAX_FILE_SIZE,
            actions: crate::document::actions::Policy::default(),
        }
    }
}

impl Config {
    /// An error about `setting`, naming the file and where it is written.
    pub fn error_at<T>(&self, setting: &Setting<T>, message: impl Into<String>) -> Error {
        Error::Config {
            path: self.source.clone().unwrap_or_else(|| FILE_NAME.into()),
            line: setting.line,
            column: setting.column,
            message: message.into(),
        }
    }

    /// The template `pm new` uses for `severity` when none is asked for, and
    /// the setting that names it (`None` for the built-in `standard`).
    pub fn template_for(&self, severity: Option<&str>) -> Option<&Setting<String>> {
        severity
            .and_then(|s| self.templates.by_severity.get(s))
            .or(self.templates.default.as_ref())
    }

    /// The name of the default template.
    pub fn default_template(&self) -> &str {
        self.templates
            .default
            .as_ref()
            .map_or("standard", |d| d.value.as_str())
    }
}

/// Where the configuration comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Look for `.pm.yaml` from the current directory up to the repository root.
    Discover,
    /// This file.
    File(PathBuf),
    /// The built-in defaults only.
    Defaults,
}

/// Loads the configuration for this run.
pub fn load(source: &Source) -> Result<Config, Error> {
    let path = match source {
        Source::Defaults => None,
        Source::File(path) => Some(path.clone()),
        Source::Discover => discover()?,
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = crate::files::read_regular_text(&path, crate::files::DEFAULT_MAX_FILE_SIZE)
        .map_err(|e| Error::io(&path, e))?;
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    from_text(&path, &root, &text)
}

/// The nearest `.pm.yaml` from the current directory up to the root of the
/// repository (the folder holding `.git`), as a path relative to the
/// current directory. Outside a repository only the current directory is
/// looked at: a `.pm.yaml` in `/tmp` or a home folder is not this
/// project's.
fn discover() -> Result<Option<PathBuf>, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    let root = crate::files::repository_root(&cwd);
    let mut relative = PathBuf::new();
    for dir in cwd.ancestors() {
        if dir.join(FILE_NAME).is_file() {
            return Ok(Some(relative.join(FILE_NAME)));
        }
        if root.is_none_or(|root| dir == root) {
            break;
        }
        relative.push("..");
    }
    Ok(None)
}

/// Whether `relative`, taken from the folder `root` holding the
/// configuration, leaves the repository `root` is in (or `root` itself,
/// outside a repository). Decided on the names (`..` pops a folder), so a
/// folder that does not exist yet can be named.
fn leaves(root: &Path, relative: &Path) -> bool {
    use std::path::Component;
    let folder = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let Ok(base) = std::fs::canonicalize(folder) else {
        return false;
    };
    let top = crate::files::repository_root(&base)
        .unwrap_or(&base)
        .to_path_buf();
    let mut at = if relative.is_absolute() {
        PathBuf::new()
    } else {
        base.clone()
    };
    for part in relative.components() {
        match part {
            Component::ParentDir => {
                if at == top || !at.pop() {
                    return true;
                }
            }
            Component::Normal(name) => at.push(name),
            Component::RootDir | Component::Prefix(_) => at.push(part.as_os_str()),
            Component::CurDir => {}
        }
    }
    !at.starts_with(&top)
}

/// The file's schema. Every key is optional; unknown keys are errors.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    postmortems: Option<Spanned<String>>,
    templates: Option<TemplatesFile>,
    severities: Option<Spanned<Vec<Spanned<String>>>>,
    severity_aliases: Option<BTreeMap<String, Spanned<String>>>,
    timezone: Option<Spanned<String>>,
    date_order: Option<crate::document::dates::DateOrder>,
    statuses: Option<Spanned<Vec<Spanned<String>>>>,
    sections: Option<SectionsFile>,
    rules: Option<RulesFile>,
    placeholders: Option<Vec<Spanned<String>>>,
    blame_words: Option<Vec<Spanned<String>>>,
    vague_actions: Option<Vec<Spanned<String>>>,
    legacy: Option<Vec<Spanned<String>>>,
    only_postmortems: Option<bool>,
    max_file_size: Option<Spanned<SizeSetting>>,
    actions: Option<ActionsFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionsFile {
    due_by_priority: Option<BTreeMap<String, Spanned<String>>>,
    from: Option<crate::document::actions::PolicyStart>,
    report_later_due: Option<bool>,
}

/// A size: bytes, or a number with a unit (`64 MiB`, `10MB`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SizeSetting {
    Bytes(u64),
    Text(String),
}

impl SizeSetting {
    fn bytes(&self) -> Option<u64> {
        let text = match self {
            SizeSetting::Bytes(n) => return Some(*n),
            SizeSetting::Text(text) => text.trim(),
        };
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let number: u64 = text[..split].parse().ok()?;
        let unit: u64 = match text[split..].trim().to_ascii_lowercase().as_str() {
            "" | "b" | "bytes" => 1,
            "kb" => 1_000,
            "kib" | "k" => 1 << 10,
            "mb" => 1_000_000,
            "mib" | "m" => 1 << 20,
            "gb" => 1_000_000_000,
            "gib" | "g" => 1 << 30,
            _ => return None,
        };
        number.checked_mul(unit)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplatesFile {
    default: Option<Spanned<String>>,
    by_severity: Option<BTreeMap<String, Spanned<String>>>,
    folder: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    required: Option<BTreeMap<String, Spanned<Vec<String>>>>,
    aliases: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    levels: Option<BTreeMap<String, Spanned<LevelSetting>>>,
}

/// Builds the configuration from the text of `path`; relative paths in it
/// are relative to `root`, the folder holding it.
pub fn from_text(path: &Path, root: &Path, text: &str) -> Result<Config, Error> {
    let at = |line: u64, column: u64, message: String| Error::Config {
        path: path.to_owned(),
        line: line as usize,
        column: column as usize,
        message,
    };
    let spanned_error =
        |span: &serde_saphyr::Location, message: String| at(span.line(), span.column(), message);
    let file: File = if text.trim().is_empty() {
        File::default()
    } else {
        read_file(text).map_err(|failed| {
            let (err, key) = *failed;
            let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
            let (message, key) = error_message(&err, key);
            let message = match key {
                Some(key) if !message.contains(&format!("`{key}`")) => {
                    format!("`{key}`: {message}")
                }
                _ => message,
            };
            at(line, column, message)
        })?
    };

    let mut config = Config {
        source: Some(path.to_owned()),
        postmortems_dir: root.join("docs/postmortems"),
        ..Config::default()
    };
    config.templates.folder = root.join(".pm/templates");
    if let Some(dir) = &file.postmortems {
        if leaves(root, Path::new(&dir.value)) {
            return Err(spanned_error(
                &dir.referenced,
                format!(
                    "postmortems: `{}` is outside the repository; name a folder inside it",
                    dir.value
                ),
            ));
        }
        config.postmortems_dir = root.join(&dir.value);
    }
    if let Some(levels) = &file.severities {
        let values = non_empty_unique(&levels.value, "severities")
            .map_err(|m| spanned_error(&levels.referenced, m))?;
        config.severities = SeverityScale::new(values);
    }
    for (alias, level) in file.severity_aliases.iter().flatten() {
        let level_in_scale = in_scale(&config, &level.value)
            .map_err(|m| spanned_error(&level.referenced, format!("severity_aliases: {m}")))?;
        config
            .severity_aliases
            .insert(alias.clone(), level_in_scale);
    }
    if let Some(zone) = &file.timezone {
        let offset = crate::document::dates::zone_offset(&zone.value).ok_or_else(|| {
            spanned_error(
                &zone.referenced,
                format!(
                    "timezone: `{}` is not a time zone pm reads; write an abbreviation (UTC, CET, PDT) or an offset (+02:00)",
                    zone.value
                ),
            )
        })?;
        config.default_zone = Some(offset);
    }
    config.date_order = file.date_order;
    if let Some(statuses) = &file.statuses {
        config.statuses = non_empty_unique(&statuses.value, "statuses")
            .map_err(|m| spanned_error(&statuses.referenced, m))?;
    }

    let templates = file.templates.unwrap_or_default();
    if let Some(folder) = &templates.folder {
        config.templates.folder = root.join(&folder.value);
        if !config.templates.folder.is_dir() {
            return Err(spanned_error(
                &folder.referenced,
                format!(
                    "templates.folder `{}` is not a folder ({} does not exist)",
                    folder.value,
                    config.templates.folder.display()
                ),
            ));
        }
    }
    config.templates.default = templates.default.map(Setting::of);
    for (severity, template) in templates.by_severity.into_iter().flatten() {
        let level = in_scale(&config, &severity).map_err(|m| {
            spanned_error(&template.referenced, format!("templates.by_severity: {m}"))
        })?;
        config
            .templates
            .by_severity
            .insert(level, Setting::of(template));
    }

    let sections = file.sections.unwrap_or_default();
    for (severity, list) in sections.required.iter().flatten() {
        let key = if severity == "default" {
            severity.clone()
        } else {
            in_scale(&config, severity).map_err(|m| {
                spanned_error(
                    &list.referenced,
                    format!("sections.required: {m} (or `default`)"),
                )
            })?
        };
        config.required_sections.insert(key, list.value.clone());
    }
    config.section_aliases = sections.aliases.unwrap_or_default();

    let rules = file.rules.unwrap_or_default();
    let settings = |list: Option<Vec<Spanned<String>>>| -> Vec<Setting<String>> {
        list.into_iter().flatten().map(Setting::of).collect()
    };
    config.rules = RuleSettings {
        select: rules.select.map(|list| settings(Some(list))),
        ignore: settings(rules.ignore),
        levels: rules
            .levels
            .into_iter()
            .flatten()
            .map(|(name, level)| {
                let written = Setting::of(Spanned {
                    value: name,
                    referenced: level.referenced,
                    defined: level.defined,
                });
                (written, level.value)
            })
            .collect(),
    };
    config.placeholders = settings(file.placeholders);
    config.blame_words = file
        .blame_words
        .map(|words| words.into_iter().map(|w| w.value).collect());
    config.vague_actions = file
        .vague_actions
        .map(|items| items.into_iter().map(|a| a.value).collect());
    config.legacy = settings(file.legacy);
    if let Some(only) = file.only_postmortems {
        config.only_postmortems = only;
    }
    let actions = file.actions.unwrap_or_default();
    for (priority, allowed) in actions.due_by_priority.iter().flatten() {
        let minutes = crate::document::dates::parse_duration(&allowed.value)
            .filter(|&m| m > 0)
            .ok_or_else(|| {
                spanned_error(
                    &allowed.referenced,
                    format!(
                        "actions.due_by_priority.{priority}: `{}` is not a number of days such as `30d`",
                        allowed.value
                    ),
                )
            })?;
        // Part of a day counts as a day.
        let days = (minutes + 24 * 60 - 1) / (24 * 60);
        config
            .actions
            .due_by_priority
            .push((priority.clone(), days));
    }
    config.actions.from = actions.from.unwrap_or_default();
    config.actions.report_later_due = actions.report_later_due.unwrap_or(false);
    if let Some(size) = &file.max_file_size {
        config.max_file_size = size.value.bytes().filter(|&n| n > 0).ok_or_else(|| {
            spanned_error(
                &size.referenced,
                "max_file_size: expected a size such as `64 MiB`, `10MB` or a number of bytes"
                    .to_owned(),
            )
        })?;
    }
    Ok(config)
}

/// Reads the file's schema; an error comes with the key it is about
/// (`rules.levels.PM201`), when it is about one.
fn read_file(text: &str) -> Result<File, Box<(serde_saphyr::Error, Option<String>)>> {
    let mut key = None;
    serde_saphyr::with_deserializer_from_str(text, |deserializer| {
        serde_path_to_error::deserialize(deserializer).map_err(|err| {
            // The keys down to the value; list positions and the fields of
            // the `Spanned` wrapper that keeps positions are not keys.
            let keys: Vec<&str> = err
                .path()
                .iter()
                .filter_map(|segment| match segment {
                    serde_path_to_error::Segment::Map { key } if key != "value" => {
                        Some(key.as_str())
                    }
                    _ => None,
                })
                .collect();
            key = (!keys.is_empty()).then(|| keys.join("."));
            err.into_inner()
        })
    })
    .map_err(|err| Box::new((err, key)))
}

/// What is wrong, for the writer of the file (the parser's own words for
/// broken YAML, the schema's in the file's terms), and the key to name
/// before it: the one whose value is wrong, the one holding an unknown key.
fn error_message(err: &serde_saphyr::Error, key: Option<String>) -> (String, Option<String>) {
    use serde_saphyr::Error as E;
    let message = match err.without_snippet() {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let message = format!(
                "unknown key `{field}`, expected one of {}",
                expected.join(", ")
            );
            let parent = key.and_then(|k| Some(k.rsplit_once('.')?.0.to_owned()));
            return (message, parent);
        }
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => format!(
            "unknown variant `{variant}`, expected one of {}",
            expected.join(", ")
        ),
        E::SerdeInvalidType { expected, .. } if expected.contains("sequence") => {
            "expected a list".to_owned()
        }
        E::Unexpected { expected, .. } if expected.contains("sequence") => {
            "expected a list".to_owned()
        }
        E::Message { msg, .. } if msg.contains("untagged enum SizeSetting") => {
            "expected a size such as `64 MiB`, `10MB` or a number of bytes".to_owned()
        }
        // The one enum of the file: a rule's level.
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } => {
            "expected one of error, warning, off".to_owned()
        }
        _ => crate::error::yaml_message(err),
    };
    (message, key)
}

fn non_empty_unique(values: &[Spanned<String>], key: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let v = value.value.trim().to_owned();
        if v.is_empty() {
            return Err(format!("{key}: an entry is empty"));
        }
        if out.contains(&v) {
            return Err(format!("{key}: `{v}` is listed twice"));
        }
        out.push(v);
    }
    if out.is_empty() {
        return Err(format!("{key}: the list is empty"));
    }
    Ok(out)
}

fn in_scale(config: &Config, severity: &str) -> Result<String, String> {
    config
        .severities
        .normalize(severity)
        .map(str::to_owned)
        .ok_or_else(|| {
            format!(
                "`{severity}` is not a severity of the scale ({})",
                config.severities.levels().join(", ")
            )
        })
}
