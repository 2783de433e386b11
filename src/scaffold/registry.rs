//! The templates `pm new` can start from. The built-ins and their partials are
//! embedded in the binary.

use std::fmt;

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
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built-in"),
        }
    }
}

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
            })
            .collect();
        Registry { templates }
    }

    /// Every template, in listing order.
    pub fn templates(&self) -> &[Template] {
        &self.templates
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
