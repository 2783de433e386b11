//! The templates `pm new` can start from. The built-ins and their partials are
//! embedded in the binary.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::Error;

/// Shared pieces every template may use: the front matter, and the timeline,
/// 5 whys and action-item components.
pub const PARTIALS: &[(&str, &str)] = &[
    (
        "partials/front_matter.md.tera",
        include_str!("../../templates/partials/front_matter.md.tera"),
    ),
    (
        "partials/table.md.tera",
        include_str!("../../templates/partials/table.md.tera"),
    ),
    (
        "partials/timeline.md.tera",
        include_str!("../../templates/partials/timeline.md.tera"),
    ),
    (
        "partials/five_whys.md.tera",
        include_str!("../../templates/partials/five_whys.md.tera"),
    ),
    (
        "partials/action_items.md.tera",
        include_str!("../../templates/partials/action_items.md.tera"),
    ),
];

/// A built-in template.
struct Builtin {
    name: &'static str,
    description: &'static str,
    source: &'static str,
}

const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "standard",
        description: "nine numbered sections, compact: summary, timeline, root cause, impact, recovery, actions, lessons",
        source: include_str!("../../templates/standard.md.tera"),
    },
    Builtin {
        name: "detailed",
        description: "executive summary, business impact, 5 whys, actions by horizon, prevention, sign-off",
        source: include_str!("../../templates/detailed.md.tera"),
    },
    Builtin {
        name: "lifecycle",
        description: "detection, escalation, recovery and prevention, each with its timeline and gaps",
        source: include_str!("../../templates/lifecycle.md.tera"),
    },
    Builtin {
        name: "sre",
        description: "incident commander, MTTD/MTTA/MTTR, response timeline with owners",
        source: include_str!("../../templates/sre.md.tera"),
    },
    Builtin {
        name: "report",
        description: "incident report with checklists for actions, prevention and communication",
        source: include_str!("../../templates/report.md.tera"),
    },
];

/// Where a template comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in pm.
    BuiltIn,
    /// A `*.md.tera` file in the team's template folder.
    Team(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built-in"),
            Origin::Team(path) => write!(f, "team ({})", path.display()),
        }
    }
}

/// The suffix of template files.
pub const SUFFIX: &str = ".md.tera";

/// One template: its name, a one-line description, its Tera source.
#[derive(Debug, Clone)]
pub struct Template {
    /// The name given to `--template`.
    pub name: String,
    /// What the template is like, in one line.
    pub description: String,
    /// The Tera source.
    pub source: String,
    /// Where it comes from.
    pub origin: Origin,
    /// Why a team template cannot be rendered (Tera's message, with the
    /// line), if it cannot: only what uses it stops.
    pub problem: Option<String>,
}

/// All templates available to this run.
#[derive(Debug, Clone)]
pub struct Registry {
    templates: Vec<Template>,
}

impl Registry {
    /// The built-in templates.
    pub fn builtin() -> Self {
        let templates = BUILTINS
            .iter()
            .map(|b| Template {
                name: b.name.to_owned(),
                description: b.description.to_owned(),
                source: b.source.to_owned(),
                origin: Origin::BuiltIn,
                problem: None,
            })
            .collect();
        Registry { templates }
    }

    /// The built-in templates plus the team's `*.md.tera` files in `dir` (a
    /// missing folder has none). A team template with a built-in's name
    /// replaces it. Each is parsed now, so a syntax error names its file.
    pub fn load(dir: Option<&Path>) -> Result<Self, Error> {
        let mut registry = Registry::builtin();
        let Some(dir) = dir.filter(|d| d.is_dir()) else {
            return Ok(registry);
        };
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.is_file()
                    && path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.ends_with(SUFFIX) && n.len() > SUFFIX.len())
            })
            .collect();
        paths.sort();
        for path in paths {
            let source =
                crate::files::read_regular_text(&path, crate::files::DEFAULT_MAX_FILE_SIZE)
                    .map_err(|e| Error::io(&path, e))?;
            let file_name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let name = file_name[..file_name.len() - SUFFIX.len()].to_owned();
            let problem = check_syntax(&name, &source).err();
            let template = Template {
                description: description(&source),
                name,
                source,
                origin: Origin::Team(path),
                problem,
            };
            match registry
                .templates
                .iter_mut()
                .find(|t| t.name == template.name)
            {
                Some(existing) => *existing = template,
                None => registry.templates.push(template),
            }
        }
        Ok(registry)
    }

    /// The templates of `config`: the built-ins and its team folder's. A
    /// template the configuration names that is neither is an error at the
    /// line that names it.
    pub fn of(config: &Config) -> Result<Self, Error> {
        let registry = Registry::load(Some(&config.templates.folder))?;
        let named = config
            .templates
            .default
            .iter()
            .map(|setting| (setting, "templates.default"))
            .chain(
                (config.templates.by_severity.values())
                    .map(|setting| (setting, "templates.by_severity")),
            );
        for (setting, key) in named {
            if registry.templates.iter().all(|t| t.name != setting.value) {
                let names: Vec<&str> = registry.templates.iter().map(|t| t.name.as_str()).collect();
                return Err(config.error_at(
                    setting,
                    format!(
                        "{key}: no template `{}`; expected one of {}",
                        setting.value,
                        names.join(", ")
                    ),
                ));
            }
        }
        Ok(registry)
    }

    /// Every template, in listing order.
    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    /// The template called `name`, to render: as [`Registry::get`], and a
    /// team template that cannot be rendered is an error naming its file.
    pub fn usable(&self, name: &str, flag: &str) -> Result<&Template, Error> {
        let template = self.get(name, flag)?;
        match (&template.problem, &template.origin) {
            (Some(message), Origin::Team(path)) => Err(Error::Template {
                name: path.display().to_string(),
                message: message.clone(),
            }),
            (Some(message), Origin::BuiltIn) => Err(Error::Template {
                name: template.name.clone(),
                message: message.clone(),
            }),
            (None, _) => Ok(template),
        }
    }

    /// Team templates that cannot be rendered, each with its problem on one
    /// line: Tera's first line and where (`Found `}` … (bad.md.tera:2:12)`).
    pub fn broken(&self) -> impl Iterator<Item = (&Template, String)> {
        self.templates.iter().filter_map(|t| {
            let problem = t.problem.as_ref()?;
            let mut lines = problem.lines().map(str::trim);
            let first = lines.next().unwrap_or("").trim_start_matches("error: ");
            let place = lines.find_map(|l| l.strip_prefix("--> "));
            Some(match place {
                Some(place) => (t, format!("{first} ({place})")),
                None => (t, first.to_owned()),
            })
        })
    }

    /// The template called `name`; for an unknown name, an error naming
    /// `flag` and listing the valid names.
    pub fn get(&self, name: &str, flag: &str) -> Result<&Template, Error> {
        self.templates
            .iter()
            .find(|t| t.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self.templates.iter().map(|t| t.name.as_str()).collect();
                Error::invalid_value(flag, name, format_args!("one of {}", names.join(", ")))
            })
    }
}

/// Parses `source` with the partials, as `pm new` will.
fn check_syntax(name: &str, source: &str) -> Result<(), String> {
    let mut tera = tera::Tera::new();
    let key = format!("{name}{SUFFIX}");
    let sources = PARTIALS
        .iter()
        .map(|(n, s)| (*n, *s))
        .chain(std::iter::once((key.as_str(), source)));
    tera.add_raw_templates(sources).map_err(|e| e.to_string())
}

/// The first line of a leading `{# … #}` comment, else "team template".
fn description(source: &str) -> String {
    let trimmed = source.trim_start();
    trimmed
        .strip_prefix("{#")
        .map(|rest| rest.trim_start_matches('-'))
        .and_then(|rest| rest.lines().map(str::trim).find(|l| !l.is_empty()))
        .map(|line| {
            line.trim_end_matches("#}")
                .trim_end_matches('-')
                .trim()
                .to_owned()
        })
        .filter(|line| !line.is_empty())
        .unwrap_or_else(|| "team template".to_owned())
}
