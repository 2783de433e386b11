//! Rendering a new postmortem: the front matter is serialized by the YAML
//! library, and every user value reaches Tera as context, never as source.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::error::Error;
use crate::scaffold::registry::{PARTIALS, Template};

/// Names a `--set` variable may not take, because pm sets them itself.
pub const RESERVED_VARIABLES: &[&str] = &[
    "front_matter",
    "title",
    "incident_id",
    "date",
    "severity",
    "status",
    "lead",
    "services",
    "scale",
    "statuses",
    "template",
    "vars",
];

/// The front matter `pm new` writes, in its order.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FrontMatter {
    /// Title of the incident.
    pub title: Option<String>,
    /// Stable id, e.g. `INC-2026-0042`.
    pub incident_id: Option<String>,
    /// Day the incident started (ISO 8601).
    pub date: Option<String>,
    /// Severity from the configured scale.
    pub severity: Option<String>,
    /// Workflow status: draft, in-review or final.
    pub status: Option<String>,
    /// When the incident began (ISO 8601 timestamp).
    pub started_at: Option<String>,
    /// When it was detected.
    pub detected_at: Option<String>,
    /// When it was resolved.
    pub resolved_at: Option<String>,
    /// How long it lasted, e.g. `1h 19m`.
    pub duration: Option<String>,
    /// The day the postmortem was reviewed: `pm stats` counts the days
    /// from the resolution to it.
    pub reviewed_at: Option<String>,
    /// Incident lead.
    pub lead: Option<String>,
    /// Affected services.
    #[serde(default)]
    pub services: Vec<String>,
    /// Template the document was created from.
    pub template: Option<String>,
}

/// Everything known about a postmortem before it is written.
#[derive(Debug, Clone)]
pub struct NewPostmortem {
    /// Title; `None` leaves the template's placeholder.
    pub title: Option<String>,
    /// Incident id.
    pub incident_id: String,
    /// Day the incident started.
    pub date: NaiveDate,
    /// Severity, already normalized to the scale; `None` leaves a placeholder.
    pub severity: Option<String>,
    /// Document status.
    pub status: String,
    /// Incident lead.
    pub lead: Option<String>,
    /// Affected services.
    pub services: Vec<String>,
    /// Extra template variables from `--set`.
    pub vars: BTreeMap<String, String>,
    /// The severity scale, shown where the severity is left open.
    pub scale: Vec<String>,
    /// The allowed statuses.
    pub statuses: Vec<String>,
}

impl NewPostmortem {
    /// The front matter `pm new` writes for this postmortem.
    pub fn front_matter(&self, template: &str) -> FrontMatter {
        FrontMatter {
            title: self.title.clone(),
            incident_id: Some(self.incident_id.clone()),
            date: Some(self.date.format("%Y-%m-%d").to_string()),
            severity: self.severity.clone(),
            status: Some(self.status.clone()),
            started_at: None,
            detected_at: None,
            resolved_at: None,
            duration: None,
            reviewed_at: None,
            lead: self.lead.clone(),
            services: self.services.clone(),
            template: Some(template.to_owned()),
        }
    }
}

/// Renders `template` for `postmortem`.
pub fn render(template: &Template, postmortem: &NewPostmortem) -> Result<String, Error> {
    let template_error = |err: tera::Error| Error::Template {
        name: template.name.clone(),
        message: err.to_string(),
    };
    let front_matter =
        serde_saphyr::to_string(&postmortem.front_matter(&template.name)).map_err(|err| {
            Error::Template {
                name: template.name.clone(),
                message: format!("cannot serialize the front matter: {err}"),
            }
        })?;

    let mut tera = tera::Tera::new();
    // Markdown, not HTML: `&` and `<` in a title are printed as typed.
    tera.autoescape_on(Vec::<&str>::new());
    let key = format!("{}.md.tera", template.name);
    let sources = PARTIALS
        .iter()
        .map(|(name, source)| (*name, *source))
        .chain(std::iter::once((key.as_str(), template.source.as_str())));
    tera.add_raw_templates(sources).map_err(template_error)?;

    let mut context = tera::Context::new();
    for (name, value) in &postmortem.vars {
        context.insert(name.clone(), value);
    }
    context.insert("vars", &postmortem.vars);
    context.insert("front_matter", &front_matter);
    // A title may hold line breaks (the front matter keeps them); a heading cannot.
    let title_line = postmortem
        .title
        .as_ref()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    context.insert("title", &title_line);
    context.insert("incident_id", &postmortem.incident_id);
    context.insert("date", &postmortem.date.format("%Y-%m-%d").to_string());
    context.insert("severity", &postmortem.severity);
    context.insert("status", &postmortem.status);
    context.insert("lead", &postmortem.lead);
    context.insert("services", &postmortem.services);
    context.insert("scale", &postmortem.scale);
    context.insert("statuses", &postmortem.statuses);
    context.insert("template", &template.name);
    let rendered = bounded(tera, key, context).map_err(|message| match message {
        Bound::Tera(err) => template_error(err),
        Bound::Exceeded(message) => Error::Template {
            name: template.name.clone(),
            message,
        },
    })?;
    // A leading `{# comment #}` line must not push the front matter down.
    Ok(rendered.trim_start().to_owned())
}

/// The most a template may write: postmortems are kilobytes.
const MAX_OUTPUT: usize = 4 << 20;

/// The longest a template may take to render.
const MAX_TIME: std::time::Duration = std::time::Duration::from_secs(5);

/// Why a bounded render stopped.
enum Bound {
    Tera(tera::Error),
    Exceeded(String),
}

/// Renders `key` within [`MAX_OUTPUT`] and [`MAX_TIME`]: a template that
/// loops without end cannot fill the memory or hold up `pm new` and every
/// lint of a document that names it. The render runs on a thread of its
/// own; past the time limit pm stops waiting (and exits soon after).
fn bounded(tera: tera::Tera, key: String, context: tera::Context) -> Result<String, Bound> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("render".to_owned())
        .spawn(move || {
            let mut out = Capped::default();
            let result = tera.render_to(&key, &context, &mut out);
            let _ = sender.send((result, out));
        });
    if spawned.is_err() {
        return Err(Bound::Exceeded(
            "cannot start a thread to render it".to_owned(),
        ));
    }
    match receiver.recv_timeout(MAX_TIME) {
        Ok((_, out)) if out.exceeded => Err(Bound::Exceeded(format!(
            "it writes more than {} MiB; pm stops there (a loop that never ends?)",
            MAX_OUTPUT >> 20
        ))),
        Ok((Err(err), _)) => Err(Bound::Tera(err)),
        Ok((Ok(()), out)) => String::from_utf8(out.bytes)
            .map_err(|_| Bound::Exceeded("it writes text that is not UTF-8".to_owned())),
        Err(_) => Err(Bound::Exceeded(format!(
            "it takes more than {} seconds to render; pm stops there (a loop that never ends?)",
            MAX_TIME.as_secs()
        ))),
    }
}

/// A buffer that refuses to grow past [`MAX_OUTPUT`].
#[derive(Default)]
struct Capped {
    bytes: Vec<u8>,
    exceeded: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT {
            self.exceeded = true;
            return Err(std::io::Error::other("the output limit is reached"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
