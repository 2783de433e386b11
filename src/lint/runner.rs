//! Linting many files: reading, parsing and checking each in parallel.
//! Reports come back in path order whatever the scheduling, and a document
//! is dropped as soon as its findings are made.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::document::Document;
use crate::lint::check::{Checker, Options};
use crate::lint::registry::UNREADABLE;
use crate::lint::rules::facts::DUPLICATE_ID;
use crate::lint::settings::Settings;
use crate::lint::suppress::Suppressions;
use crate::lint::{Excerpt, FileReport, Finding, IdSite, Level, fix, rules};

/// What a run lints: a file, or a path the walk could not read (with why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A Markdown file.
    File(PathBuf),
    /// A folder or link that could not be walked, and why.
    Unreadable(Box<(PathBuf, String)>),
    /// Content staged in Git's index, reported under its path.
    Staged(Box<(PathBuf, Vec<u8>)>),
}
// A run holds a target a file: the rare kinds are boxed so each is a path's size.
#[cfg(unix)]
const _: () = assert!(std::mem::size_of::<Target>() == std::mem::size_of::<PathBuf>());

impl Target {
    /// The path.
    pub fn path(&self) -> &Path {
        match self {
            Target::File(path) => path,
            Target::Unreadable(unreadable) => &unreadable.0,
            Target::Staged(staged) => &staged.0,
        }
    }
}

/// How many files are linted between two hand-overs to `emit` in
/// [`lint_in_order`]: enough to keep every thread busy, few enough that
/// the reports waiting to be written stay small.
const CHUNK: usize = 256;

/// Lints `targets` in parallel and hands each report, with its index in
/// `targets` and what `then` made of it on the thread that linted it (e.g.
/// its rendered text), to `emit` in the order of `targets`. Only a chunk of
/// reports is held at a time, whatever the number of files. Stops at the
/// first error of `emit`.
pub fn lint_in_order<T: Send, E>(
    targets: &[Target],
    settings: &Settings,
    options: Options,
    then: &(dyn Fn(&FileReport) -> T + Sync),
    mut emit: impl FnMut(usize, FileReport, T) -> Result<(), E>,
) -> Result<(), E> {
    let one = |target: &Target| {
        let report = match target {
            Target::File(path) if options.fix.is_some() => fix_file(path, settings, options),
            Target::File(path) => lint_file(path, settings, options),
            Target::Unreadable(unreadable) => unreadable_report(&unreadable.0, &unreadable.1),
            Target::Staged(staged) => {
                lint_bytes(&staged.0, Ok(staged.1.clone()), settings, options)
            }
        };
        let extra = then(&report);
        (report, extra)
    };
    // One file (a hook, an editor) is linted on this thread: starting the
    // thread pool would cost more than the file.
    if let [target] = targets {
        let (report, extra) = one(target);
        return emit(0, report, extra);
    }
    for (number, chunk) in targets.chunks(CHUNK).enumerate() {
        let done: Vec<(FileReport, T)> = chunk.par_iter().map(one).collect();
        for (i, (report, extra)) in done.into_iter().enumerate() {
            emit(number * CHUNK + i, report, extra)?;
        }
    }
    Ok(())
}

/// Reads, parses and checks one file. A file that cannot be read or decoded
/// gets a single finding saying why.
pub fn lint_file(path: &Path, settings: &Settings, options: Options) -> FileReport {
    let bytes = crate::files::read_regular(path, settings.config.max_file_size);
    lint_bytes(path, bytes, settings, options)
}

/// Fixes one file as `options.fix` asks (writing it atomically, or making
/// its diff) and checks what is left. A file that cannot be read, decoded
/// or rewritten byte for byte but for the fixes (a lone carriage return
/// ends its lines) is only checked.
fn fix_file(path: &Path, settings: &Settings, options: Options) -> FileReport {
    let Some(request) = options.fix else {
        return lint_file(path, settings, options);
    };
    let bytes = match crate::files::read_regular(path, settings.config.max_file_size) {
        Ok(bytes) => bytes,
        Err(err) => return lint_bytes(path, Err(err), settings, options),
    };
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    let Ok(before) = std::str::from_utf8(&bytes[if bom { 3 } else { 0 }..]) else {
        return lint_bytes(path, Ok(bytes), settings, options);
    };
    let before = before.to_owned();
    let doc = match Document::from_bytes(path.to_owned(), bytes) {
        Ok(doc) if doc.text == before => doc,
        Ok(doc) => {
            let (findings, incident_id) = lint_document(&doc, settings, options);
            return FileReport {
                path: path.to_owned(),
                findings,
                incident_id,
                fixed: Some(fix::Fixed {
                    error: Some(
                        "not fixed: it ends lines with a lone carriage return (classic Mac); \
                         convert it to LF or CRLF first"
                            .to_owned(),
                    ),
                    ..fix::Fixed::default()
                }),
            };
        }
        Err(err) => {
            return lint_bytes(
                path,
                Err(std::io::Error::other(err.to_string())),
                settings,
                options,
            );
        }
    };
    let _processing = crate::crash::processing(path);
    let (fixed_doc, count) = fix::fix_document(doc, settings, options, request.fixing);
    let mut fixed = fix::Fixed {
        count,
        ..fix::Fixed::default()
    };
    let changed = fixed_doc.text != before;
    let mut kept = fixed_doc;
    if changed && request.write {
        let written = if let Some(why) = crate::files::not_writable(path) {
            Err(format!("{why}; make it writable to fix it"))
        } else {
            let mut out = Vec::with_capacity(kept.text.len() + 3);
            if bom {
                out.extend_from_slice("\u{feff}".as_bytes());
            }
            out.extend_from_slice(kept.text.as_bytes());
            crate::write::write_atomic(path, &out, crate::write::Mode::Replace)
                .map_err(|e| format!("cannot write it: {e}"))
        };
        if let Err(message) = written {
            fixed.count = 0;
            fixed.error = Some(format!("not fixed: {message}"));
            kept = Document::parse(path.to_owned(), before.clone());
        }
    } else if changed {
        fixed.diff = Some(crate::output::diff::unified(path, &before, &kept.text));
    }
    let (findings, incident_id) = lint_document(&kept, settings, options);
    FileReport {
        path: path.to_owned(),
        findings,
        incident_id,
        fixed: Some(fixed),
    }
}

/// Parses and checks the content of `path` (or says why it could not be
/// read).
fn lint_bytes(
    path: &Path,
    bytes: std::io::Result<Vec<u8>>,
    settings: &Settings,
    options: Options,
) -> FileReport {
    let _processing = crate::crash::processing(path);
    crate::crash::debug_panic(path);
    let mut incident_id = None;
    let findings = match bytes {
        Err(err) => vec![unreadable(err.to_string(), 1)],
        Ok(bytes) => match Document::from_bytes(path.to_owned(), bytes) {
            Err(err) => {
                let line = match err {
                    crate::document::DecodeError::NotUtf8 { line, .. } => line,
                    crate::document::DecodeError::Binary | crate::document::DecodeError::Utf16 => 1,
                };
                vec![unreadable(err.to_string(), line)]
            }
            Ok(doc) => {
                let (findings, site) = lint_document(&doc, settings, options);
                incident_id = site;
                findings
            }
        },
    };
    FileReport {
        path: path.to_owned(),
        findings,
        incident_id,
        fixed: None,
    }
}

/// Checks a parsed document: every rule, then suppression comments, then
/// sorting by position; and where it states its incident id, for PM309
/// across files.
pub fn lint_document(
    doc: &Document,
    settings: &Settings,
    options: Options,
) -> (Vec<Finding>, Option<IdSite>) {
    let mut checker = Checker::new(doc, settings, options);
    rules::check_all(&mut checker);
    let (findings, suppressions) = checker.finish();
    let site = id_site(doc, &suppressions);
    (sorted(unsuppressed(findings, &suppressions)), site)
}

/// The findings no suppression comment of the document turns off.
pub fn unsuppressed(findings: Vec<Finding>, suppressions: &Suppressions) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| !suppressions.suppresses(f.rule.id, f.start.line))
        .collect()
}

/// `findings` in position order, each reported once.
fn sorted(mut findings: Vec<Finding>) -> Vec<Finding> {
    by_position(&mut findings);
    findings.dedup_by(|a, b| a.span == b.span && a.rule.id == b.rule.id && a.message == b.message);
    findings
}

/// A report for a path that could not be walked.
fn unreadable_report(path: &Path, reason: &str) -> FileReport {
    FileReport {
        path: path.to_owned(),
        findings: vec![unreadable(reason.to_owned(), 1)],
        incident_id: None,
        fixed: None,
    }
}

/// Where a document states its incident id.
fn id_site(doc: &Document, suppressions: &Suppressions) -> Option<IdSite> {
    let (id, span) = doc.facts.incident_id.spanned()?;
    let start = doc.position(span.start);
    let line = doc.lines.line_range(&doc.text, start.line - 1);
    let suppressed = suppressions.suppresses(DUPLICATE_ID.id, start.line);
    Some(IdSite {
        id: id.trim().to_owned(),
        suppressed,
        start,
        end: doc.position(span.end),
        source: Excerpt::of(
            &doc.text[line.clone()],
            span.start - line.start,
            start.column,
        ),
        span,
    })
}

/// Where one file of a run states its incident id.
#[derive(Debug, Clone)]
pub struct IdClaim {
    /// The file's index among the run's targets.
    pub target: usize,
    /// The id it states.
    pub id: Box<str>,
    /// Whether a suppression comment turns PM309 off where it stands.
    pub suppressed: bool,
    /// Whether the file had findings of its own.
    pub had_findings: bool,
}

impl IdClaim {
    /// The claim of target `target` stating its id at `site`. Only what
    /// finds a shared id is kept, so a run over many files holds little
    /// per file; where a shared id stands is read again
    /// ([`site_again`]).
    pub fn of(target: usize, site: &IdSite, had_findings: bool) -> IdClaim {
        IdClaim {
            target,
            id: site.id.as_str().into(),
            suppressed: site.suppressed,
            had_findings,
        }
    }
}

/// Where `target` states its incident id, read again (for the few files
/// whose id another file shares); `None` when it no longer can be read or
/// states none.
pub fn site_again(target: &Target, settings: &Settings) -> Option<IdSite> {
    let bytes = match target {
        Target::File(path) => {
            crate::files::read_regular(path, settings.config.max_file_size).ok()?
        }
        Target::Staged(staged) => staged.1.clone(),
        Target::Unreadable(..) => return None,
    };
    let doc = Document::from_bytes(target.path().to_owned(), bytes).ok()?;
    id_site(&doc, &Suppressions::of(&doc))
}

/// The incident ids that one of `claims` (made by `targets`, in their
/// order) states and another claim or one of `others` (postmortems of the
/// folder the run does not lint, with their ids) states too: a PM309
/// finding for each such claim, with the claim's index, in the order of
/// `claims`; `site_of` says where a claim's file states it (a file that no
/// longer does is reported at its start). Empty when the rule is off.
pub fn duplicate_ids(
    claims: &[IdClaim],
    others: &[(PathBuf, String)],
    targets: &[Target],
    settings: &Settings,
    site_of: &dyn Fn(&IdClaim) -> Option<IdSite>,
) -> Vec<(usize, Finding)> {
    let rule = &DUPLICATE_ID;
    if !settings.enabled(rule) {
        return Vec::new();
    }
    // The claims in order of id (four bytes a file, not a map): each run
    // of one id is a group.
    let Ok(count) = u32::try_from(claims.len()) else {
        return Vec::new();
    };
    let mut order: Vec<u32> = (0..count).collect();
    let id = |i: u32| claims.get(i as usize).map_or("", |c| &*c.id);
    order.sort_by(|&a, &b| id(a).cmp(id(b)).then(a.cmp(&b)));
    let mut elsewhere: BTreeMap<&str, Vec<&Path>> = BTreeMap::new();
    for (path, other) in others {
        let first = order.partition_point(|&i| id(i) < other.as_str());
        if order.get(first).is_some_and(|&i| id(i) == other) {
            elsewhere.entry(other.as_str()).or_default().push(path);
        }
    }
    let mut found: Vec<(usize, Finding)> = Vec::new();
    for group in order.chunk_by(|&a, &b| id(a) == id(b)) {
        let Some(&first) = group.first() else {
            continue;
        };
        let id = id(first);
        let elsewhere = elsewhere.get(id).map_or(&[][..], Vec::as_slice);
        if group.len() + elsewhere.len() < 2 {
            continue;
        }
        let files: Vec<usize> = group.iter().map(|&i| i as usize).collect();
        for &i in files.iter().filter(|&&i| !claims[i].suppressed) {
            // A file changed since it was linted (its id moved or went) is
            // still reported, at its start: the others name it.
            let site = site_of(&claims[i])
                .filter(|site| site.id == id)
                .unwrap_or_else(|| {
                    let start = crate::document::lines::Position { line: 1, column: 1 };
                    IdSite {
                        id: id.to_owned(),
                        suppressed: false,
                        span: 0..0,
                        start,
                        end: start,
                        source: Excerpt::default(),
                    }
                });
            let others: Vec<String> = files
                .iter()
                .filter(|&&j| j != i)
                .filter_map(|&j| targets.get(claims[j].target))
                .map(|target| target.path())
                .chain(elsewhere.iter().copied())
                .map(|path| path.display().to_string())
                .collect();
            let finding = Finding {
                rule,
                level: settings.level(rule),
                span: site.span.clone(),
                start: site.start,
                end: site.end,
                message: format!("incident id `{id}` is also used by {}", others.join(", ")),
                help: rule.summary.into(),
                source: site.source,
                fix: None,
            };
            found.push((i, finding));
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found
}

/// Adds each of `extra` (in path order, each path among `reports`) to the
/// findings of the report of its file, keeping them in position order.
pub fn merge(reports: &mut [FileReport], extra: Vec<FileReport>) {
    let mut at = 0;
    for addition in extra {
        let Some(found) = reports[at..].iter().position(|r| r.path == addition.path) else {
            continue;
        };
        at += found;
        let findings = &mut reports[at].findings;
        findings.extend(addition.findings);
        by_position(findings);
    }
}

/// Sorts findings by position, then rule.
fn by_position(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.start, a.end, a.rule.id).cmp(&(b.start, b.end, b.rule.id)));
}

fn unreadable(message: String, line: usize) -> Finding {
    let position = crate::document::lines::Position { line, column: 1 };
    Finding {
        rule: &UNREADABLE,
        level: Level::Error,
        span: 0..0,
        start: position,
        end: position,
        message,
        help: UNREADABLE.summary.into(),
        source: Excerpt::default(),
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn a_shared_id_whose_file_changed_since_is_reported_at_its_start() {
        let settings = Settings::new(&Config::default()).expect("settings");
        let targets = [
            Target::File(PathBuf::from("a.md")),
            Target::File(PathBuf::from("b.md")),
        ];
        let site = |line| IdSite {
            id: "INC-1".to_owned(),
            suppressed: false,
            span: 20..25,
            start: crate::document::lines::Position { line, column: 14 },
            end: crate::document::lines::Position { line, column: 19 },
            source: Excerpt::default(),
        };
        let claims = [
            IdClaim::of(0, &site(3), false),
            IdClaim::of(1, &site(3), false),
        ];
        // b.md no longer states the id where it did.
        let site_of = |claim: &IdClaim| (claim.target == 0).then(|| site(3));
        let found = duplicate_ids(&claims, &[], &targets, &settings, &site_of);
        let places: Vec<(usize, usize, usize, &str)> = found
            .iter()
            .map(|(i, f)| (*i, f.start.line, f.start.column, f.message.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                (0, 3, 14, "incident id `INC-1` is also used by b.md"),
                (1, 1, 1, "incident id `INC-1` is also used by a.md"),
            ]
        );
    }
}
