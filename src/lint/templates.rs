//! What a template leaves in a document: the lines it writes (to spot text
//! left exactly as the template wrote it) and the core sections it has (the
//! sections a document made from it must keep). Built lazily, once per
//! template and run; the built-in templates' profiles with the default
//! scale and statuses are made when pm is built ([`builtin`], checked
//! against a rendering by a test), so a run does not render them.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::config::Config;
use crate::document::Document;
use crate::document::sections::CORE;
use crate::scaffold::registry::{Origin, Registry};
use crate::scaffold::render::{self, NewPostmortem};

/// Stands for every value `pm new` fills in, so lines holding a user's value
/// are never taken for template text.
const SENTINEL: &str = "\u{1}pm-value\u{1}";

/// A template as the linter sees it.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Trimmed lines the template writes that a finished document must not
    /// keep (headings, table headers, labels and questions excluded).
    /// (foldhash: every line of every linted file is looked up here.)
    pub lines: foldhash::HashSet<String>,
    /// Ids of the core canonical sections the template has.
    pub required: Vec<&'static str>,
    /// Each canonical section the template writes, in its order: the id
    /// and the section's text as rendered (heading, guidance, sub-sections),
    /// for the fix that adds a missing one.
    pub sections: Vec<(&'static str, String)>,
}

/// The profiles of every template known to the run.
pub struct Profiles {
    registry: Registry,
    /// The scale and the statuses templates are rendered with.
    scale: Vec<String>,
    statuses: Vec<String>,
    /// Whether the scale and statuses are the default ones, which the
    /// profiles made at build time were rendered with.
    defaults: bool,
    cache: Vec<OnceLock<Option<Profile>>>,
}

// Written by a test (see the file), not by hand or by rustfmt.
#[rustfmt::skip]
#[path = "builtin_profiles.rs"]
mod builtin;

impl Profiles {
    /// Profiles for the templates in `registry`, rendered with `config`'s scale.
    pub fn new(registry: Registry, config: &Config) -> Self {
        let cache = registry
            .templates()
            .iter()
            .map(|_| OnceLock::new())
            .collect();
        let default = Config::default();
        Profiles {
            registry,
            scale: config.severities.levels().to_vec(),
            statuses: config.statuses.clone(),
            defaults: config.severities.levels() == default.severities.levels()
                && config.statuses == default.statuses,
            cache,
        }
    }

    /// The templates.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The profile of template `name`; `None` for an unknown template or one
    /// that fails to render.
    pub fn get(&self, name: &str) -> Option<&Profile> {
        let index = self
            .registry
            .templates()
            .iter()
            .position(|t| t.name == name)?;
        self.cache[index].get_or_init(|| self.build(index)).as_ref()
    }

    fn build(&self, index: usize) -> Option<Profile> {
        let template = &self.registry.templates()[index];
        if self.defaults && template.origin == Origin::BuiltIn {
            let made = builtin::PROFILES.iter().find(|p| p.name == template.name);
            if let Some(made) = made {
                return Some(Profile {
                    lines: made.lines.iter().map(|&l| l.to_owned()).collect(),
                    required: made.required.to_vec(),
                    sections: made
                        .sections
                        .iter()
                        .map(|&(id, text)| (id, text.to_owned()))
                        .collect(),
                });
            }
        }
        self.render(index)
    }

    /// The profile of template `index`, from a rendering.
    fn render(&self, index: usize) -> Option<Profile> {
        let template = &self.registry.templates()[index];
        let sample = NewPostmortem {
            title: None,
            incident_id: SENTINEL.to_owned(),
            date: NaiveDate::from_ymd_opt(1900, 1, 1)?,
            severity: None,
            status: SENTINEL.to_owned(),
            lead: None,
            services: Vec::new(),
            vars: BTreeMap::new(),
            scale: self.scale.clone(),
            statuses: self.statuses.clone(),
        };
        let text = render::render(template, &sample).ok()?;
        let doc = Document::parse("template".into(), text);
        Some(profile_of(&doc))
    }
}

fn profile_of(doc: &Document) -> Profile {
    let mut required: Vec<&'static str> = doc
        .outline
        .headings
        .iter()
        .filter_map(|h| h.canonical)
        .map(|c| c.id)
        .filter(|id| CORE.contains(id))
        .collect();
    required.dedup();
    let mut excluded: HashSet<usize> = HashSet::new();
    for table in &doc.outline.tables {
        excluded.insert(doc.lines.line_of(table.header.span.start));
    }
    let body_first_line = doc.lines.line_of(doc.body_start);
    let lines = (body_first_line..doc.lines.line_count())
        .filter(|line| !excluded.contains(line))
        .map(|line| doc.text[doc.lines.line_range(&doc.text, line)].trim())
        .filter(|line| is_fillable(line))
        .map(str::to_owned)
        .collect();
    let sections = doc
        .outline
        .headings
        .iter()
        .filter_map(|h| {
            let id = h.canonical?.id;
            let text = doc.text.get(h.span.start..h.end)?;
            // A section holding a value `pm new` filled in is not the
            // template's own text.
            // The rule a template puts between sections is not the
            // section's.
            let text = text.trim_end();
            let text = text.strip_suffix("---").unwrap_or(text).trim_end();
            (!text.contains(SENTINEL) && !text.contains("1900-01-01"))
                .then(|| (id, text.to_owned()))
        })
        .collect();
    Profile {
        lines,
        required,
        sections,
    }
}

/// Whether a template line is text the writer is meant to replace. Kept as
/// they are: blank lines, headings, rules, table delimiters, task items with
/// a label, labels ending in `:` and questions ending in `?`, comments (a
/// rule of their own), and lines holding a value `pm new` filled in.
fn is_fillable(line: &str) -> bool {
    if line.is_empty()
        || line.contains(SENTINEL)
        || line.contains("1900-01-01")
        || line.starts_with('#')
        || line.starts_with("<!--")
    {
        return false;
    }
    let is_rule =
        line.len() >= 3 && (line.chars().all(|c| c == '-') || line.chars().all(|c| c == '*'));
    let is_delimiter = line.starts_with('|')
        && line.contains('-')
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    if is_rule || is_delimiter {
        return false;
    }
    let unmarked = line
        .trim_start_matches(['-', '*', '+'])
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim();
    let is_task_label =
        (unmarked.starts_with("[ ] ") || unmarked.starts_with("[x] ")) && unmarked.len() > 4;
    let plain = unmarked.trim_end_matches(['*', '_', ' ']);
    !(is_task_label || plain.ends_with(':') || plain.ends_with('?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_questions_and_structure_are_not_fillable() {
        for line in [
            "## Summary",
            "**Impact:**",
            "- **Contributing Factors:**",
            "1. **Why did the incident occur?**",
            "- [ ] Internal team notified",
            "|---|---|",
            "---",
            "<!-- guidance -->",
        ] {
            assert!(!is_fillable(line), "{line}");
        }
        for line in [
            "- Additional alerts needed",
            "1. Step 1",
            "| | |",
            "- [ ]",
            "[Answer]",
        ] {
            assert!(is_fillable(line), "{line}");
        }
    }

    /// The source of `builtin_profiles.rs`: the built-in templates'
    /// profiles, rendered with the default scale and statuses.
    fn builtin_source() -> String {
        use std::fmt::Write as _;
        let config = Config::default();
        let profiles = Profiles::new(Registry::builtin(), &config);
        let mut out = String::from(
            "//! The built-in templates' profiles with the default scale and statuses,\n\
             //! as a rendering makes them. Written by\n\
             //! `PM_WRITE_PROFILES=1 cargo test --lib builtin_profiles`; a test checks\n\
             //! they are what a rendering makes.\n\n\
             /// One built-in template's profile.\n\
             pub struct Made {\n    \
             /// The template.\n    \
             pub name: &'static str,\n    \
             /// [`super::Profile::lines`], sorted.\n    \
             pub lines: &'static [&'static str],\n    \
             /// [`super::Profile::required`].\n    \
             pub required: &'static [&'static str],\n    \
             /// [`super::Profile::sections`].\n    \
             pub sections: &'static [(&'static str, &'static str)],\n\
             }\n\n\
             /// Every built-in template's.\n\
             pub static PROFILES: &[Made] = &[\n",
        );
        for (index, template) in profiles.registry().templates().iter().enumerate() {
            let profile = profiles.render(index).expect("a built-in template renders");
            let mut lines: Vec<&String> = profile.lines.iter().collect();
            lines.sort();
            let _ = writeln!(out, "    Made {{\n        name: {:?},", template.name);
            let _ = writeln!(out, "        lines: &[");
            for line in lines {
                let _ = writeln!(out, "            {line:?},");
            }
            let _ = writeln!(
                out,
                "        ],\n        required: &{:?},",
                profile.required
            );
            let _ = writeln!(out, "        sections: &[");
            for (id, text) in &profile.sections {
                let _ = writeln!(out, "            ({id:?}, {text:?}),");
            }
            let _ = writeln!(out, "        ],\n    }},");
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn builtin_profiles_are_what_a_rendering_makes() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lint/builtin_profiles.rs");
        let source = builtin_source();
        if std::env::var_os("PM_WRITE_PROFILES").is_some() {
            std::fs::write(path, &source).expect("written");
        }
        let made = std::fs::read_to_string(path).expect("builtin_profiles.rs");
        assert!(
            made == source,
            "src/lint/builtin_profiles.rs is not what the templates render: \
             run `PM_WRITE_PROFILES=1 cargo test --lib builtin_profiles`"
        );
        // And the run uses them: a profile from them is the rendered one.
        let config = Config::default();
        let profiles = Profiles::new(Registry::builtin(), &config);
        for (index, _) in profiles.registry().templates().iter().enumerate() {
            let made = profiles.build(index).expect("made");
            let rendered = profiles.render(index).expect("rendered");
            assert_eq!(made.lines, rendered.lines);
            assert_eq!(made.required, rendered.required);
            assert_eq!(made.sections, rendered.sections);
        }
    }

    #[test]
    fn a_scale_of_its_own_renders_the_profiles() {
        let config = Config {
            statuses: vec!["open".to_owned(), "closed".to_owned()],
            ..Config::default()
        };
        let profiles = Profiles::new(Registry::builtin(), &config);
        assert!(!profiles.defaults);
        let config = Config::default();
        assert!(Profiles::new(Registry::builtin(), &config).defaults);
    }

    #[test]
    fn every_built_in_template_has_a_profile_with_core_sections() {
        let config = Config::default();
        let profiles = Profiles::new(Registry::builtin(), &config);
        for template in Registry::builtin().templates() {
            let profile = profiles.get(&template.name).expect("renders");
            assert!(profile.required.contains(&"summary"), "{}", template.name);
            assert!(
                profile.required.contains(&"action_items"),
                "{}",
                template.name
            );
            assert!(!profile.lines.is_empty(), "{}", template.name);
        }
        assert!(profiles.get("nope").is_none());
    }
}
