//! Project configuration: `.pm.yaml`, found by walking up from the current
//! directory to the repository root, read with a strict schema (an unknown
//! key or a wrong type is an error naming the key's line), then checked for
//! values that parse but cannot work (a default template that does not
//! exist, a rule id that is not a rule).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::document::front_matter::yaml_error_message;
use crate::error::Error;
use crate::lint::{Level, Rule, registry};
use crate::scaffold::registry::Registry;
use crate::severity::SeverityScale;

/// The name of the configuration file.
pub const FILE_NAME: &str = ".pm.yaml";

/// Default phrases of blame language (PM401).
pub const DEFAULT_BLAME_WORDS: &[&str] = &[
    "human error",
    "operator error",
    "user error",
    "should have known",
    "should have noticed",
    "should have caught",
    "should have been more careful",
    "careless",
    "carelessness",
    "negligence",
    "negligent",
    "sloppy",
    "incompetent",
    "their fault",
    "his fault",
    "her fault",
];

/// Default action items too vague to act on (PM402), normalized.
pub const DEFAULT_VAGUE_ACTIONS: &[&str] = &[
    "be more careful",
    "be careful",
    "pay more attention",
    "pay attention",
    "improve monitoring",
    "better monitoring",
    "more monitoring",
    "add monitoring",
    "add more monitoring",
    "improve alerting",
    "better alerting",
    "add alerting",
    "improve testing",
    "more testing",
    "add more tests",
    "add tests",
    "improve communication",
    "better communication",
    "communicate better",
    "improve documentation",
    "update documentation",
    "update the documentation",
    "improve processes",
    "improve the process",
    "review the process",
    "investigate",
    "investigate more",
    "look into it",
    "double check",
    "double check everything",
    "retrain staff",
    "train the team",
    "fix the bug",
    "prevent this from happening again",
    "make sure this does not happen again",
    "make sure it does not happen again",
];

/// The effective configuration of one run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from; `None` for the built-in defaults.
    pub source: Option<PathBuf>,
    /// Where postmortems are written and looked for.
    pub postmortems_dir: PathBuf,
    /// Template used by `pm new` when `--template` is not given.
    pub default_template: String,
    /// Template per severity, before `default_template`.
    pub templates_by_severity: BTreeMap<String, String>,
    /// Folder of team templates (`*.md.tera`).
    pub template_dir: PathBuf,
    /// Every template: built-in and team.
    pub templates: Registry,
    /// The allowed severities, most severe first.
    pub severities: SeverityScale,
    /// The allowed document statuses, in workflow order; the first is the
    /// draft status, in which unfinished text is only a warning.
    pub statuses: Vec<String>,
    /// Required sections per severity (`default` for the others): canonical
    /// section ids (`root_cause`) or section titles.
    pub required_sections: BTreeMap<String, Vec<String>>,
    /// Extra titles per section id or title, normalized.
    pub section_aliases: BTreeMap<String, Vec<String>>,
    /// Rules that are off.
    pub rules_off: Vec<&'static str>,
    /// Rule levels set in the configuration.
    pub rule_levels: BTreeMap<&'static str, Level>,
    /// Extra placeholder patterns (PM210).
    pub placeholder_patterns: Vec<regex::Regex>,
    /// Phrases of blame language (PM401), lowercase.
    pub blame_words: Vec<String>,
    /// `blame_words` as one case-insensitive automaton, built on first use.
    blame_automaton: std::sync::OnceLock<Option<crate::document::phrases::FoldedPhrases>>,
    /// Action items too vague to act on (PM402), normalized.
    pub vague_actions: Vec<String>,
    /// Whether `pm lint` skips files given by name that lie outside the
    /// postmortems folder (for hooks that pass every staged Markdown file).
    pub only_postmortems: bool,
    /// The largest file pm reads, in bytes.
    pub max_file_size: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            source: None,
            postmortems_dir: PathBuf::from("docs/postmortems"),
            default_template: "standard".to_owned(),
            templates_by_severity: BTreeMap::new(),
            template_dir: PathBuf::from(".pm/templates"),
            templates: Registry::builtin(),
            severities: SeverityScale::new(["SEV-1", "SEV-2", "SEV-3", "SEV-4"]),
            statuses: ["draft", "in-review", "final"].map(str::to_owned).to_vec(),
            required_sections: BTreeMap::new(),
            section_aliases: BTreeMap::new(),
            rules_off: Vec::new(),
            rule_levels: BTreeMap::new(),
            placeholder_patterns: Vec::new(),
            blame_automaton: std::sync::OnceLock::new(),
            blame_words: DEFAULT_BLAME_WORDS
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
            vague_actions: DEFAULT_VAGUE_ACTIONS
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
            only_postmortems: false,
            max_file_size: crate::files::DEFAULT_MAX_FILE_SIZE,
        }
    }
}

impl Config {
    /// Whether `rule` runs.
    pub fn enabled(&self, rule: &Rule) -> bool {
        !self.rules_off.contains(&rule.id)
    }

    /// The level `rule` reports at in a finished document.
    pub fn level(&self, rule: &Rule) -> Level {
        self.rule_levels.get(rule.id).copied().unwrap_or(rule.level)
    }

    /// The blame phrases as one automaton (leftmost-longest, ASCII case
    /// ignored); `None` when there are none.
    pub fn blame_matcher(&self) -> Option<&crate::document::phrases::FoldedPhrases> {
        self.blame_automaton
            .get_or_init(|| crate::document::phrases::FoldedPhrases::new(&self.blame_words))
            .as_ref()
    }

    /// The template `pm new` uses for `severity` when none is asked for.
    pub fn template_for(&self, severity: Option<&str>) -> &str {
        severity
            .and_then(|s| self.templates_by_severity.get(s))
            .unwrap_or(&self.default_template)
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
        let mut config = Config::default();
        config.templates = Registry::load(Some(&config.template_dir))?;
        return Ok(config);
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
    statuses: Option<Spanned<Vec<Spanned<String>>>>,
    sections: Option<SectionsFile>,
    rules: Option<RulesFile>,
    placeholders: Option<Vec<Spanned<String>>>,
    blame_words: Option<Vec<Spanned<String>>>,
    vague_actions: Option<Vec<Spanned<String>>>,
    only_postmortems: Option<bool>,
    max_file_size: Option<Spanned<SizeSetting>>,
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

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
enum LevelSetting {
    Error,
    Warning,
    Off,
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
        serde_saphyr::from_str(text).map_err(|err| {
            let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
            let message = if err.to_string().contains("untagged enum SizeSetting") {
                "expected a size such as `64 MiB`, `10MB` or a number of bytes".to_owned()
            } else {
                yaml_error_message(&err)
            };
            let message = message
                .replacen("unknown field", "unknown key", 1)
                .replace("expected sequence start", "expected a list");
            let message = match key_at(text, line as usize, column as usize) {
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
        template_dir: root.join(".pm/templates"),
        ..Config::default()
    };
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
    if let Some(statuses) = &file.statuses {
        config.statuses = non_empty_unique(&statuses.value, "statuses")
            .map_err(|m| spanned_error(&statuses.referenced, m))?;
    }

    let templates = file.templates.unwrap_or_default();
    if let Some(folder) = &templates.folder {
        config.template_dir = root.join(&folder.value);
        if !config.template_dir.is_dir() {
            return Err(spanned_error(
                &folder.referenced,
                format!(
                    "templates.folder `{}` is not a folder ({} does not exist)",
                    folder.value,
                    config.template_dir.display()
                ),
            ));
        }
    }
    config.templates = Registry::load(Some(&config.template_dir))?;
    let known_template = |name: &Spanned<String>, key: &str| {
        config
            .templates
            .get(&name.value, key)
            .map(drop)
            .map_err(|_| {
                let names: Vec<&str> = config
                    .templates
                    .templates()
                    .iter()
                    .map(|t| t.name.as_str())
                    .collect();
                spanned_error(
                    &name.referenced,
                    format!(
                        "{key}: no template `{}`; expected one of {}",
                        name.value,
                        names.join(", ")
                    ),
                )
            })
    };
    if let Some(default) = &templates.default {
        known_template(default, "templates.default")?;
        config.default_template = default.value.clone();
    }
    for (severity, template) in templates.by_severity.iter().flatten() {
        known_template(template, "templates.by_severity")?;
        let level = in_scale(&config, severity).map_err(|m| {
            spanned_error(&template.referenced, format!("templates.by_severity: {m}"))
        })?;
        config
            .templates_by_severity
            .insert(level, template.value.clone());
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
    for (section, titles) in sections.aliases.iter().flatten() {
        config.section_aliases.insert(
            crate::document::sections::normalize(section),
            titles
                .iter()
                .map(|t| crate::document::sections::normalize(t))
                .collect(),
        );
    }

    let rules = file.rules.unwrap_or_default();
    let resolve = |entry: &Spanned<String>, key: &str| -> Result<Vec<&'static Rule>, Error> {
        let found = rules_matching(&entry.value);
        if found.is_empty() {
            Err(spanned_error(
                &entry.referenced,
                format!(
                    "rules.{key}: `{}` is not a rule id, id prefix or name (see `pm rules`)",
                    entry.value
                ),
            ))
        } else {
            Ok(found)
        }
    };
    if let Some(select) = &rules.select {
        let mut selected = Vec::new();
        for entry in select {
            selected.extend(resolve(entry, "select")?.iter().map(|r| r.id));
        }
        config.rules_off = registry::ALL
            .iter()
            .map(|r| r.id)
            .filter(|id| !selected.contains(id))
            .collect();
    }
    for entry in rules.ignore.iter().flatten() {
        config
            .rules_off
            .extend(resolve(entry, "ignore")?.iter().map(|r| r.id));
    }
    for (name, setting) in rules.levels.iter().flatten() {
        let spanned_name = Spanned {
            value: name.clone(),
            referenced: setting.referenced,
            defined: setting.defined,
        };
        for rule in resolve(&spanned_name, "levels")? {
            match setting.value {
                LevelSetting::Error => {
                    config.rule_levels.insert(rule.id, Level::Error);
                }
                LevelSetting::Warning => {
                    config.rule_levels.insert(rule.id, Level::Warning);
                }
                LevelSetting::Off => config.rules_off.push(rule.id),
            }
        }
    }
    config.rules_off.sort_unstable();
    config.rules_off.dedup();

    for pattern in file.placeholders.iter().flatten() {
        let regex = regex::Regex::new(&pattern.value).map_err(|err| {
            let text = err.to_string();
            let last = text.lines().last().unwrap_or("").trim();
            let first = last.strip_prefix("error: ").unwrap_or(last).to_owned();
            spanned_error(
                &pattern.referenced,
                format!(
                    "placeholders: `{}` is not a valid regular expression: {first}",
                    pattern.value
                ),
            )
        })?;
        config.placeholder_patterns.push(regex);
    }
    if let Some(words) = &file.blame_words {
        config.blame_words = words
            .iter()
            .map(|w| w.value.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
    }
    if let Some(actions) = &file.vague_actions {
        config.vague_actions = actions
            .iter()
            .map(|a| crate::document::sections::normalize(&a.value))
            .filter(|a| !a.is_empty())
            .collect();
    }
    if let Some(only) = file.only_postmortems {
        config.only_postmortems = only;
    }
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

/// The key whose value starts at 1-based `line`:`column`: the `key:` before
/// the column on that line, or the nearest line above ending in `key:`.
fn key_at(text: &str, line: usize, column: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let current = lines.get(line.checked_sub(1)?)?;
    let before: String = current.chars().take(column.saturating_sub(1)).collect();
    let key_of = |s: &str| {
        let s = s.trim_end().strip_suffix(':')?;
        let key = s.rsplit(['{', ',', ' ', '-']).next()?.trim();
        (!key.is_empty()).then(|| key.trim_matches(['"', '\'']).to_owned())
    };
    if let Some(colon) = before.rfind(':') {
        return key_of(&before[..=colon]);
    }
    lines[..line - 1].iter().rev().find_map(|l| key_of(l))
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

/// The configuration as `pm config` prints it.
#[derive(Debug, Serialize)]
pub struct Effective {
    postmortems: String,
    templates: EffectiveTemplates,
    severities: Vec<String>,
    statuses: Vec<String>,
    sections: EffectiveSections,
    rules: EffectiveRules,
    placeholders: Vec<String>,
    blame_words: Vec<String>,
    vague_actions: Vec<String>,
    only_postmortems: bool,
    max_file_size: String,
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

impl Config {
    /// The configuration in the shape of the file, for `pm config`.
    pub fn effective(&self) -> Effective {
        Effective {
            postmortems: self.postmortems_dir.display().to_string(),
            templates: EffectiveTemplates {
                default: self.default_template.clone(),
                by_severity: self.templates_by_severity.clone(),
                folder: self.template_dir.display().to_string(),
            },
            severities: self.severities.levels().to_vec(),
            statuses: self.statuses.clone(),
            sections: EffectiveSections {
                required: self.required_sections.clone(),
                aliases: self.section_aliases.clone(),
            },
            rules: EffectiveRules {
                ignore: self.rules_off.iter().map(|id| (*id).to_owned()).collect(),
                levels: self
                    .rule_levels
                    .iter()
                    .map(|(id, level)| ((*id).to_owned(), level.to_string()))
                    .collect(),
            },
            placeholders: self
                .placeholder_patterns
                .iter()
                .map(|r| r.as_str().to_owned())
                .collect(),
            blame_words: self.blame_words.clone(),
            vague_actions: self.vague_actions.clone(),
            only_postmortems: self.only_postmortems,
            max_file_size: crate::files::size_text(self.max_file_size),
        }
    }
}
