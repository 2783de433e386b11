//! `pm lsp`: a language server on stdin and stdout. Findings of the
//! unsaved buffer as diagnostics, fixes and "disable this rule" as code
//! actions, a rule's explanation on hover.
//!
//! The main thread answers the client; a worker lints. A change only
//! records the buffer and asks the worker for it: while the worker lints,
//! the changes that come in are folded into one, so typing never waits on
//! linting and only the latest text is linted.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, Hover, HoverContents, HoverParams, HoverProviderCapability,
    MarkupContent, MarkupKind, NumberOrString, Position, PublishDiagnosticsParams, Range,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use crate::config::{self, Config, Source};
use crate::document::Document;
use crate::error::Error;
use crate::lint::archive::Archive;
use crate::lint::check::Options;
use crate::lint::fix::Applicability;
use crate::lint::runner::{self, IdClaim, Target};
use crate::lint::settings::Settings;
use crate::lint::{Finding, Level};

/// Serves one client until it says `exit`. `source` is the configuration
/// the command line names (`--config`, `--no-config`); by default each
/// file's own, found from its folder.
pub fn serve(source: Source) -> Result<(), Error> {
    let (connection, io_threads) = Connection::stdio();
    let failed = |e: lsp_server::ProtocolError| {
        if e.channel_is_disconnected() {
            Error::Usage(
                "pm lsp: the client closed the connection before it ended the session \
                 (pm lsp speaks the Language Server Protocol on stdin and stdout, for an editor to start)"
                    .to_owned(),
            )
        } else {
            Error::Usage(format!("pm lsp: {e}"))
        }
    };
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let capabilities = serde_json::to_value(capabilities).unwrap_or_default();
    let params = connection.initialize(capabilities).map_err(failed)?;
    let server = Server::new(source, connection.sender.clone());
    if watches_files(&params) {
        register_watchers(&connection);
    }
    let worker = server.start_worker();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request).map_err(failed)? {
                    break;
                }
                let response = server.answer(request);
                let _ = connection.sender.send(Message::Response(response));
            }
            Message::Notification(notification) => server.notice(notification),
            Message::Response(_) => {}
        }
    }
    server.stop();
    let _ = worker.join();
    // The writer thread ends once every sender is gone.
    drop(server);
    drop(connection);
    io_threads.join().map_err(|e| Error::io("<stdio>", e))
}

/// Whether the client can be asked to watch files for us.
fn watches_files(params: &serde_json::Value) -> bool {
    params
        .pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration")
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false)
}

/// Asks the client to tell us when a `.pm.yaml` or a postmortem changes on
/// disk.
fn register_watchers(connection: &Connection) {
    let registration = serde_json::json!({
        "registrations": [{
            "id": "pm-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": { "watchers": [
                { "globPattern": "**/.pm.yaml" },
                { "globPattern": "**/*.md" },
            ] },
        }],
    });
    let request = Request::new(
        RequestId::from("pm-register-watchers".to_owned()),
        lsp_types::request::RegisterCapability::METHOD.to_owned(),
        registration,
    );
    let _ = connection.sender.send(Message::Request(request));
}

/// A buffer the client has open.
struct Open {
    text: String,
    version: Option<i32>,
}

/// What the server knows, shared by the main thread and the worker.
#[derive(Default)]
struct State {
    /// The open buffers, by URI.
    open: HashMap<String, Open>,
    /// Buffers to lint.
    pending: BTreeSet<String>,
    /// Set when the client has said `exit`.
    stopped: bool,
    /// Settings by configuration file (`None`: the defaults), made once.
    settings: HashMap<Option<PathBuf>, Arc<Context>>,
}

/// The settings a file is linted with, and its postmortems folder.
struct Context {
    settings: Settings,
    folder: PathBuf,
}

struct Server {
    source: Source,
    state: Arc<(Mutex<State>, std::sync::Condvar)>,
    sender: crossbeam_channel::Sender<Message>,
}

impl Server {
    fn new(source: Source, sender: crossbeam_channel::Sender<Message>) -> Server {
        Server {
            source,
            state: Arc::new((Mutex::new(State::default()), std::sync::Condvar::new())),
            sender,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        lock(&self.state.0)
    }

    /// The worker: lints the pending buffers, latest text first come,
    /// until the server stops.
    fn start_worker(&self) -> std::thread::JoinHandle<()> {
        let state = Arc::clone(&self.state);
        let sender = self.sender.clone();
        let source = self.source.clone();
        std::thread::spawn(move || {
            loop {
                let (uri, text, version) = {
                    let mut guard = lock(&state.0);
                    while guard.pending.is_empty() && !guard.stopped {
                        guard = state.1.wait(guard).unwrap_or_else(|e| e.into_inner());
                    }
                    if guard.stopped {
                        return;
                    }
                    let Some(uri) = guard.pending.pop_first() else {
                        continue;
                    };
                    let Some(open) = guard.open.get(&uri) else {
                        continue;
                    };
                    (uri, open.text.clone(), open.version)
                };
                let diagnostics = match path_of(&uri) {
                    Some(path) => {
                        let context = context_for(&state.0, &source, &path);
                        match context {
                            Some(context) => lint(&context, &path, &text, true)
                                .iter()
                                .map(|(finding, doc)| diagnostic(finding, doc))
                                .collect(),
                            None => Vec::new(),
                        }
                    }
                    None => Vec::new(),
                };
                // Closed while it was linted: its diagnostics are cleared.
                if lock(&state.0).open.contains_key(&uri) {
                    publish(&sender, &uri, diagnostics, version);
                }
            }
        })
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.state.1.notify_all();
    }

    /// Asks the worker to lint `uri`.
    fn schedule(&self, uri: String) {
        self.lock().pending.insert(uri);
        self.state.1.notify_all();
    }

    /// Forgets the settings (a configuration changed) and lints every open
    /// buffer again.
    fn reload(&self) {
        let mut state = self.lock();
        state.settings.clear();
        let open: Vec<String> = state.open.keys().cloned().collect();
        state.pending.extend(open);
        drop(state);
        self.state.1.notify_all();
    }

    fn notice(&self, notification: Notification) {
        use lsp_types::notification::{
            DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles,
            DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
        };
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    notification.extract::<DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let uri = p.text_document.uri.as_str().to_owned();
                    self.lock().open.insert(
                        uri.clone(),
                        Open {
                            text: p.text_document.text,
                            version: Some(p.text_document.version),
                        },
                    );
                    self.schedule(uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = notification
                    .extract::<DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                {
                    let uri = p.text_document.uri.as_str().to_owned();
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.lock().open.insert(
                            uri.clone(),
                            Open {
                                text: change.text,
                                version: Some(p.text_document.version),
                            },
                        );
                        self.schedule(uri);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    notification.extract::<DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    if p.text_document.uri.as_str().ends_with(config::FILE_NAME) {
                        self.reload();
                    } else {
                        self.schedule(p.text_document.uri.as_str().to_owned());
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    notification.extract::<DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = p.text_document.uri.as_str().to_owned();
                    let mut state = self.lock();
                    state.open.remove(&uri);
                    state.pending.remove(&uri);
                    drop(state);
                    publish(&self.sender, &uri, Vec::new(), None);
                }
            }
            // The settings pm reads are in `.pm.yaml`, whatever the
            // client sends: read them again.
            DidChangeConfiguration::METHOD => self.reload(),
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = notification
                    .extract::<DidChangeWatchedFilesParams>(DidChangeWatchedFiles::METHOD)
                {
                    // A configuration changed: new settings; a postmortem
                    // changed on disk: its id may now be another's.
                    if !p.changes.is_empty() {
                        self.reload();
                    }
                }
            }
            _ => {}
        }
    }

    fn answer(&self, request: Request) -> Response {
        use lsp_types::request::{CodeActionRequest, HoverRequest};
        let id = request.id.clone();
        let result = match request.method.as_str() {
            CodeActionRequest::METHOD => request
                .extract::<CodeActionParams>(CodeActionRequest::METHOD)
                .ok()
                .map(|(_, params)| serde_json::to_value(self.code_actions(&params))),
            HoverRequest::METHOD => request
                .extract::<HoverParams>(HoverRequest::METHOD)
                .ok()
                .map(|(_, params)| serde_json::to_value(self.hover(&params))),
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("pm lsp does not answer {}", request.method),
                );
            }
        };
        match result {
            Some(Ok(value)) => Response::new_ok(id, value),
            _ => Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                "pm lsp could not read the request".to_owned(),
            ),
        }
    }

    /// The findings of the open buffer `uri` as it is now, each with the
    /// document it was found in (for positions).
    fn findings_of(&self, uri: &Uri) -> Vec<(Finding, Arc<Document>)> {
        let Some(text) = self.lock().open.get(uri.as_str()).map(|o| o.text.clone()) else {
            return Vec::new();
        };
        let Some(path) = path_of(uri.as_str()) else {
            return Vec::new();
        };
        match context_for(&self.state.0, &self.source, &path) {
            // The checks across files are the worker's: an action on one
            // finding need not read the folder.
            Some(context) => lint(&context, &path, &text, false),
            None => Vec::new(),
        }
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let mut actions = Vec::new();
        for (finding, doc) in self.findings_of(uri) {
            let diagnostic = diagnostic(&finding, &doc);
            if !overlaps(&diagnostic.range, &params.range) {
                continue;
            }
            let id = finding.rule.id;
            let action = |title: String, edits: Vec<TextEdit>, preferred: bool| {
                CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: preferred.then_some(true),
                    ..CodeAction::default()
                })
            };
            if let Some(fix) = &finding.fix {
                let edits = fix
                    .edits
                    .iter()
                    .map(|edit| TextEdit {
                        range: Range {
                            start: position(&doc, edit.span.start),
                            end: position(&doc, edit.span.end),
                        },
                        new_text: edit.text.clone(),
                    })
                    .collect();
                let unsafe_note = match fix.applicability {
                    Applicability::Safe => "",
                    Applicability::Unsafe => " (unsafe)",
                };
                actions.push(action(
                    format!("{id}: {}{unsafe_note}", fix.message),
                    edits,
                    fix.applicability == Applicability::Safe,
                ));
            }
            let eol = doc.line_ending();
            // A comment in the front matter would break it: only the
            // file-wide switch, after the front matter, for findings there.
            if finding.span.start >= doc.body_start && finding.span.end > 0 {
                let line = doc.lines.line_of(finding.span.start);
                let at = doc.lines.line_range(&doc.text, line).start;
                let indent: String = doc.text[at..]
                    .chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect();
                let comment = format!("{indent}<!-- pm-lint-disable-next-line {id} -->{eol}");
                actions.push(action(
                    format!("Disable {id} on this line"),
                    vec![insert(&doc, at, comment)],
                    false,
                ));
            }
            let comment = format!("<!-- pm-lint-disable-file {id} -->{eol}");
            actions.push(action(
                format!("Disable {id} in this file"),
                vec![insert(&doc, doc.body_start, comment)],
                false,
            ));
        }
        actions
    }

    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let findings = self.findings_of(&at.text_document.uri);
        let mut shown: Vec<&'static str> = Vec::new();
        let mut text = String::new();
        for (finding, doc) in &findings {
            let range = diagnostic(finding, doc).range;
            let inside = (range.start <= at.position && at.position < range.end)
                || (range.start == range.end && range.start.line == at.position.line);
            let rule = finding.rule;
            if !inside || shown.contains(&rule.id) {
                continue;
            }
            shown.push(rule.id);
            if !text.is_empty() {
                text.push_str("\n\n---\n\n");
            }
            text.push_str(&explanation(rule));
        }
        (!text.is_empty()).then_some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: None,
        })
    }
}

/// A rule explained, as hover shows it: its id and name, what to do, why,
/// its fix, and its bad and good examples.
fn explanation(rule: &crate::lint::Rule) -> String {
    let fix = match &rule.fix {
        Some(offer) => format!(
            "\n\nFix ({}): {}.",
            offer.applicability.as_str(),
            offer.what
        ),
        None => String::new(),
    };
    format!(
        "**{} {}**: {}\n\n{}{fix}\n\nBad:\n\n```markdown\n{}\n```\n\nGood:\n\n```markdown\n{}\n```",
        rule.id, rule.name, rule.summary, rule.explanation, rule.bad, rule.good
    )
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The settings for the file at `path`: those of the configuration the
/// command line names, else of the `.pm.yaml` found from its folder up to
/// its repository's root; `None` when the file is not under the
/// postmortems folder they name (or the configuration is broken).
fn context_for(state: &Mutex<State>, source: &Source, path: &Path) -> Option<Arc<Context>> {
    let file = match source {
        Source::File(file) => Some(file.clone()),
        Source::Defaults => None,
        Source::Discover => discover(path),
    };
    let cached = lock(state).settings.get(&file).cloned();
    let context = match cached {
        Some(context) => context,
        None => {
            let config = match &file {
                Some(file) => config::load(&Source::File(file.clone())).ok()?,
                None => {
                    let dir = path.parent()?;
                    let root = crate::files::repository_root(dir).unwrap_or(dir);
                    let config = Config::default();
                    Config {
                        postmortems_dir: root.join(&config.postmortems_dir),
                        ..config
                    }
                }
            };
            let folder = std::fs::canonicalize(&config.postmortems_dir)
                .unwrap_or_else(|_| config.postmortems_dir.clone());
            let settings = Settings::new(&config).ok()?;
            let context = Arc::new(Context { settings, folder });
            lock(state).settings.insert(file, Arc::clone(&context));
            context
        }
    };
    let real = std::fs::canonicalize(path.parent()?)
        .ok()?
        .join(path.file_name()?);
    (real.starts_with(&context.folder) && crate::files::is_markdown(path)).then_some(context)
}

/// The nearest `.pm.yaml` from the folder of `path` up to its repository's
/// root (only its own folder outside a repository).
fn discover(path: &Path) -> Option<PathBuf> {
    let dir = path.parent()?;
    let root = crate::files::repository_root(dir);
    for dir in dir.ancestors() {
        let candidate = dir.join(config::FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if root.is_none_or(|root| dir == root) {
            break;
        }
    }
    None
}

/// The findings of `text`, the buffer of `path`, with its document; with
/// `across` also the incident ids other postmortems of the folder use.
fn lint(context: &Context, path: &Path, text: &str, across: bool) -> Vec<(Finding, Arc<Document>)> {
    let settings = &context.settings;
    let options = Options {
        strict: false,
        today: chrono::Local::now().date_naive(),
        fix: None,
    };
    let doc = Arc::new(Document::parse(path.to_owned(), text.to_owned()));
    let (mut findings, site) = runner::lint_document(&doc, settings, options);
    if across && let Some(site) = site {
        let targets = [Target::File(path.to_owned())];
        let ids = std::collections::HashSet::from([site.id.as_str()]);
        let others = Archive::of(
            &context.folder,
            &targets,
            crate::git::Change::WorkTree,
            settings,
        )
        .and_then(|archive| archive.search(&ids, settings, options));
        if let Ok(found) = others {
            let claims = [IdClaim::of(0, &site, !findings.is_empty())];
            let site_of = |_: &IdClaim| Some(site.clone());
            findings.extend(
                runner::duplicate_ids(&claims, &found.ids, &targets, settings, &site_of)
                    .into_iter()
                    .map(|(_, finding)| finding),
            );
        }
    }
    findings
        .into_iter()
        .map(|finding| (finding, Arc::clone(&doc)))
        .collect()
}

/// The path of a `file:` URI, percent-decoded.
fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file://host/path` names another machine.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(path).collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        // `file:///C:/x.md`.
        let text = String::from_utf8(bytes).ok()?;
        Some(PathBuf::from(text.trim_start_matches('/')))
    }
}

/// The LSP position (line, UTF-16 code units) of byte `offset` of `doc`.
fn position(doc: &Document, offset: usize) -> Position {
    let offset = crate::document::lines::floor_char_boundary(&doc.text, offset.min(doc.text.len()));
    let line = doc.lines.line_of(offset);
    let start = doc.lines.line_range(&doc.text, line).start.min(offset);
    let character: usize = doc.text[start..offset].chars().map(char::len_utf16).sum();
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

/// A text edit inserting `text` at byte `at`.
fn insert(doc: &Document, at: usize, text: String) -> TextEdit {
    let point = position(doc, at);
    TextEdit {
        range: Range {
            start: point,
            end: point,
        },
        new_text: text,
    }
}

fn overlaps(a: &Range, b: &Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// A finding as a diagnostic: its range, level, rule and message (with
/// what to do).
fn diagnostic(finding: &Finding, doc: &Document) -> Diagnostic {
    Diagnostic {
        range: Range {
            start: position(doc, finding.span.start),
            end: position(doc, finding.span.end.max(finding.span.start)),
        },
        severity: Some(match finding.level {
            Level::Error => DiagnosticSeverity::ERROR,
            Level::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(finding.rule.id.to_owned())),
        source: Some("pm".to_owned()),
        message: format!("{} ({})", finding.message, finding.help),
        ..Diagnostic::default()
    }
}

fn publish(
    sender: &crossbeam_channel::Sender<Message>,
    uri: &str,
    diagnostics: Vec<Diagnostic>,
    version: Option<i32>,
) {
    let Ok(uri) = uri.parse::<Uri>() else {
        return;
    };
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    let notification = Notification::new(
        lsp_types::notification::PublishDiagnostics::METHOD.to_owned(),
        params,
    );
    let _ = sender.send(Message::Notification(notification));
}
