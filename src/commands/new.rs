//! `pm new`: check every input, render the template, write the file safely,
//! print its path.

use crate::exit::Outcome;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::Datelike;

use crate::cli::NewArgs;
use crate::commands::timeline;
use crate::config::Config;
use crate::document::Document;
use crate::error::Error;
use crate::import;
use crate::scaffold::naming;
use crate::scaffold::registry::Registry;
use crate::scaffold::render::{self, NewPostmortem, RESERVED_VARIABLES};
use crate::write::{Mode, write_atomic};

/// Runs `pm new`. Every input is checked before anything touches the disk.
pub fn run(config: &Config, args: NewArgs) -> Result<Outcome, Error> {
    let registry = &Registry::of(config)?;
    if let Some(name) = &args.template {
        registry.usable(name, "--template")?;
    }
    let given_date = super::date_flag("--date", args.date.as_deref())?;
    let tz = timeline::zone_flag(args.reading.tz.as_deref())?;
    let mut severity = args
        .severity
        .as_deref()
        .map(|input| normalize_severity(config, input))
        .transpose()?;
    let status = normalize_status(config, args.status.as_deref())?;
    let mut title = non_blank(args.title.as_deref(), "--title")?;
    let lead = non_blank(args.lead.as_deref(), "--lead")?;
    let services = args
        .services
        .iter()
        .map(|s| non_blank(Some(s), "--service").map(Option::unwrap_or_default))
        .collect::<Result<Vec<_>, _>>()?;
    let vars = parse_vars(&args.vars)?;
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| config.postmortems_dir.clone());
    let given_id = non_blank(args.id.as_deref(), "--id")?;

    if !args.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        if title.is_none() {
            title = prompt_title()?;
        }
        if severity.is_none() {
            severity = prompt_severity(config)?;
        }
    }

    let template_name = match &args.template {
        Some(name) => name.as_str(),
        None => config
            .template_for(severity.as_deref())
            .map_or("standard", |setting| setting.value.as_str()),
    };
    let template = registry.usable(template_name, "--template")?;
    let scale = config.severities.levels().to_vec();
    let sample = |date| NewPostmortem {
        title: title.clone(),
        incident_id: String::new(),
        date,
        severity: severity.clone(),
        status: status.clone(),
        lead: lead.clone(),
        services: services.clone(),
        vars: vars.clone(),
        scale: scale.clone(),
        statuses: config.statuses.clone(),
    };
    // The events are read before anything is written; times without a
    // zone are in --tz, else in the zone the template states.
    let events = if args.timeline.is_empty() {
        Vec::new()
    } else {
        let today = chrono::Local::now().date_naive();
        let probe = render::render(template, &sample(given_date.unwrap_or(today)))?;
        let probe =
            timeline::Target::of(config, Document::parse("new".into(), probe), false, None)?;
        let zone = tz.or_else(|| probe.stated_zone());
        let events = timeline::read_events(
            config,
            &args.timeline,
            &timeline::reading(&args.reading, zone, given_date),
        )?;
        import::merge(events, &import::Filter::default())
    };
    // Without --date, the incident's day is that of its first event.
    let date = given_date
        .or_else(|| Some(events.first()?.at.date_naive()))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // Parallel runs in one folder take turns from here to the write, so
    // each sees the ids the others wrote and no two get the same one.
    let turn = match (&given_id, args.stdout) {
        (None, false) => Some(naming::Turn::take(&dir, args.output.is_none())?),
        _ => None,
    };
    let incident_id = match given_id {
        Some(id) => id,
        None => naming::next_incident_id(&dir, date.year(), config.max_file_size),
    };
    let postmortem = NewPostmortem {
        incident_id,
        ..sample(date)
    };
    let mut text = render::render(template, &postmortem)?;
    let path = args.output.clone().unwrap_or_else(|| {
        let stem = postmortem
            .title
            .as_deref()
            .unwrap_or(&postmortem.incident_id);
        dir.join(naming::file_name(date, &naming::slug(stem)))
    });
    let mut imported = None;
    if !args.timeline.is_empty() {
        let target =
            timeline::Target::of(config, Document::parse(path.clone(), text), false, None)?;
        let merged = target.merge(&events)?;
        text = merged.text.clone();
        imported = Some((target.place, merged));
    }
    let report = || {
        if let Some((place, merged)) = &imported {
            timeline::report(&path, place, merged);
        }
    };

    if args.stdout {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("<stdout>", e))?;
        return Ok(Outcome::Success);
    }

    let mode = if args.force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    write_atomic(&path, text.as_bytes(), mode)?;
    if let Some(turn) = turn {
        turn.done();
    }
    report();
    writeln!(std::io::stdout().lock(), "{}", path.display())
        .map_err(|e| Error::io("<stdout>", e))?;
    if args.edit {
        open_editor(&path)?;
    }
    Ok(Outcome::Success)
}

fn normalize_severity(config: &Config, input: &str) -> Result<String, Error> {
    let scale = &config.severities;
    scale.normalize(input).map(str::to_owned).ok_or_else(|| {
        Error::invalid_value(
            "--severity",
            input,
            format_args!("one of {}", scale.levels().join(", ")),
        )
    })
}

fn normalize_status(config: &Config, input: Option<&str>) -> Result<String, Error> {
    let Some(input) = input else {
        return Ok(config.statuses.first().cloned().unwrap_or_default());
    };
    config
        .statuses
        .iter()
        .find(|s| s.eq_ignore_ascii_case(input.trim()))
        .cloned()
        .ok_or_else(|| {
            Error::invalid_value(
                "--status",
                input,
                format_args!("one of {}", config.statuses.join(", ")),
            )
        })
}

/// `None` when the flag was not given; an error when it was given blank.
fn non_blank(value: Option<&str>, flag: &str) -> Result<Option<String>, Error> {
    match value {
        None => Ok(None),
        Some(v) if v.trim().is_empty() => Err(Error::invalid_value(flag, v, "a non-empty value")),
        Some(v) => Ok(Some(v.to_owned())),
    }
}

fn parse_vars(pairs: &[String]) -> Result<BTreeMap<String, String>, Error> {
    let mut vars = BTreeMap::new();
    for pair in pairs {
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            Error::invalid_value("--set", pair, "KEY=VALUE (e.g. --set team=payments)")
        })?;
        let is_identifier = key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_identifier {
            return Err(Error::invalid_value(
                "--set",
                pair,
                "a KEY of letters, digits and underscores, not starting with a digit",
            ));
        }
        if RESERVED_VARIABLES.contains(&key) {
            return Err(Error::invalid_value(
                "--set",
                pair,
                format_args!(
                    "a KEY other than {} (use the flag of that name)",
                    RESERVED_VARIABLES.join(", ")
                ),
            ));
        }
        vars.insert(key.to_owned(), value.to_owned());
    }
    Ok(vars)
}

fn prompt_error(err: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(source) = err;
    Error::io("<terminal>", source)
}

fn prompt_title() -> Result<Option<String>, Error> {
    let title: String = dialoguer::Input::new()
        .with_prompt("Title (empty to leave a placeholder)")
        .allow_empty(true)
        .interact_text()
        .map_err(prompt_error)?;
    Ok(Some(title).filter(|t| !t.trim().is_empty()))
}

fn prompt_severity(config: &Config) -> Result<Option<String>, Error> {
    let levels = config.severities.levels();
    let mut items: Vec<&str> = levels.iter().map(String::as_str).collect();
    items.push("(leave a placeholder)");
    let choice = dialoguer::Select::new()
        .with_prompt("Severity")
        .items(&items)
        .default(0)
        .interact()
        .map_err(prompt_error)?;
    Ok(levels.get(choice).cloned())
}

/// Opens `path` in `$VISUAL`, else `$EDITOR`, else `vi`. The command goes
/// through the shell, as Git does, so `EDITOR="code --wait"` works.
fn open_editor(path: &Path) -> Result<(), Error> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned());
    let mut command = if cfg!(windows) {
        let mut c = std::process::Command::new(&editor);
        c.arg(path);
        c
    } else {
        let mut c = std::process::Command::new("sh");
        c.arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg(&editor)
            .arg(path);
        c
    };
    // Ctrl-C in the editor is the editor's: pm waits on.
    let status = crate::signals::ignoring_interrupts(|| command.status())
        .map_err(|e| Error::io(PathBuf::from(&editor), e))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "editor `{editor}` exited with {status}; {} was written and kept",
            path.display()
        )))
    }
}
