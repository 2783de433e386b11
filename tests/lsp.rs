//! `pm lsp` spoken to over stdio, as an editor does: initialize, open a
//! draft, change it, ask for code actions and hover, change the
//! configuration, shut down. The diagnostics are compared with what
//! `pm lint --format json` says of the same text.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::lint::write;
use common::tmp;
use serde_json::{Value, json};
use tempfile::TempDir;

/// How long a test waits for one message before it fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// A `pm lsp` process and the messages it sends, read by a thread.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `pm lsp` in `tmp` and initializes it.
    fn start(tmp: &TempDir) -> Client {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("pm"))
            .arg("lsp")
            .current_dir(tmp.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("pm lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let message: Value = serde_json::from_slice(&body).expect("JSON");
                if send.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 1,
        };
        let result = client.request("initialize", json!({ "capabilities": {} }));
        assert_eq!(
            result["capabilities"]["textDocumentSync"]["change"], 1,
            "{result}"
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its result (the notifications that
    /// come before the answer are dropped).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.next();
            if message["id"] == id {
                return message["result"].clone();
            }
        }
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(PATIENCE)
            .expect("pm lsp answers in time")
    }

    /// The next diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        loop {
            let message = self.next();
            let params = &message["params"];
            if message["method"] == "textDocument/publishDiagnostics"
                && params["uri"] == uri
                && version.is_none_or(|v| params["version"] == v)
            {
                return params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": text,
            } }),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    /// Shuts the server down and returns its exit code.
    fn shut_down(mut self) -> i32 {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        drop(self.stdin);
        for _ in 0..200 {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!("pm lsp did not exit after `exit`");
    }
}

/// A draft with placeholders, a severity off the scale and no timeline.
const DRAFT: &str = "---
title: Checkout API returned 500s
incident_id: INC-2026-0042
date: 2026-11-22
severity: sev2
status: draft
---

# Checkout API returned 500s

## Summary

[What happened]

## Root Cause

The pool was too small.

## Resolution

Raised the pool size.

## Action Items

- [ ] Add a pool alert - Owner: Dana Kim - Due: 2027-01-15
";

/// `tmp` as a repository with a postmortems folder, and the file URI of
/// `name` in it.
fn repository(tmp: &TempDir, name: &str) -> String {
    std::fs::create_dir_all(tmp.path().join(".git")).expect(".git");
    std::fs::create_dir_all(tmp.path().join("docs/postmortems")).expect("folder");
    let path = std::fs::canonicalize(tmp.path())
        .expect("canonical")
        .join(name);
    format!("file://{}", path.display())
}

/// (rule, line, column, end line, end column, message) of each diagnostic,
/// 1-based like `pm lint`.
fn located(diagnostics: &[Value]) -> Vec<(String, u64, u64, u64, u64, String)> {
    let n = |v: &Value| v.as_u64().unwrap_or(0) + 1;
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                n(&d["range"]["start"]["line"]),
                n(&d["range"]["start"]["character"]),
                n(&d["range"]["end"]["line"]),
                n(&d["range"]["end"]["character"]),
                d["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn diagnostics_of_the_unsaved_buffer_are_the_findings_of_pm_lint() {
    let tmp = tmp();
    let uri = repository(&tmp, "docs/postmortems/a.md");
    // The file on disk is not the buffer: only the buffer counts.
    write(&tmp, "docs/postmortems/a.md", "# On disk\n");
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    let diagnostics = client.diagnostics(&uri, Some(1));

    write(&tmp, "b.md", DRAFT);
    let out = common::lint::run(common::pm(&tmp).args([
        "lint",
        "--format",
        "json",
        "--today",
        common::TODAY,
        "b.md",
    ]))
    .stdout;
    let json: Value = serde_json::from_str(&out).expect("JSON");
    let expected: Vec<(String, u64, u64, u64, u64, String)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let n = |v: &Value| v.as_u64().unwrap_or(0);
            (
                f["rule"].as_str().unwrap_or("").to_owned(),
                n(&f["line"]),
                n(&f["column"]),
                n(&f["end_line"]),
                n(&f["end_column"]),
                format!(
                    "{} ({})",
                    f["message"].as_str().unwrap_or(""),
                    f["help"].as_str().unwrap_or("")
                ),
            )
        })
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(located(&diagnostics), expected);
    assert!(diagnostics.iter().all(|d| d["source"] == "pm"));

    // Fixing the severity in the buffer takes its diagnostic away.
    client.change(&uri, 2, &DRAFT.replace("severity: sev2", "severity: SEV-2"));
    let after = client.diagnostics(&uri, Some(2));
    let rules: Vec<String> = located(&after).into_iter().map(|d| d.0).collect();
    assert!(!rules.contains(&"PM004".to_owned()), "{rules:?}");
    assert_eq!(after.len(), diagnostics.len() - 1);
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn code_actions_carry_the_fix_and_the_switches_to_disable_a_rule() {
    let tmp = tmp();
    let uri = repository(&tmp, "docs/postmortems/a.md");
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    client.diagnostics(&uri, Some(1));
    let line = |n: u64| json!({ "start": { "line": n, "character": 0 }, "end": { "line": n, "character": 40 } });
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": line(4),
            "context": { "diagnostics": [] },
        }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        ["PM004: write it as `SEV-2`", "Disable PM004 in this file"]
    );
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(
        actions[0]["edit"]["changes"][&uri],
        json!([{
            "range": { "start": { "line": 4, "character": 10 }, "end": { "line": 4, "character": 14 } },
            "newText": "SEV-2",
        }])
    );
    assert_eq!(
        actions[1]["edit"]["changes"][&uri][0]["newText"],
        "<!-- pm-lint-disable-file PM004 -->\n"
    );

    // In the body, a finding can be switched off on its line.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": line(12),
            "context": { "diagnostics": [] },
        }),
    );
    let disable = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Disable PM201 on this line")
        .expect("a switch for the line")
        .clone();
    assert_eq!(
        disable["edit"]["changes"][&uri],
        json!([{
            "range": { "start": { "line": 12, "character": 0 }, "end": { "line": 12, "character": 0 } },
            "newText": "<!-- pm-lint-disable-next-line PM201 -->\n",
        }])
    );
    // Applied, the switch does what it says.
    let mut lines: Vec<&str> = DRAFT.lines().collect();
    lines.insert(12, "<!-- pm-lint-disable-next-line PM201 -->");
    client.change(&uri, 2, &(lines.join("\n") + "\n"));
    let after = client.diagnostics(&uri, Some(2));
    assert!(located(&after).iter().all(|d| d.0 != "PM201"), "{after:?}");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn hover_on_a_diagnostic_explains_its_rule() {
    let tmp = tmp();
    let uri = repository(&tmp, "docs/postmortems/a.md");
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    client.diagnostics(&uri, Some(1));
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 4, "character": 11 } }),
    );
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        text.starts_with("**PM004 unknown-severity**: use a severity from the scale\n\n"),
        "{text}"
    );
    assert!(
        text.contains("Bad:\n\n```markdown\nseverity: sev2\n```"),
        "{text}"
    );
    assert!(
        text.contains("Good:\n\n```markdown\nseverity: SEV-2\n```"),
        "{text}"
    );
    // Nothing to explain where there is no finding.
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 17, "character": 2 } }),
    );
    assert_eq!(nothing, Value::Null);
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn incident_ids_are_compared_with_the_folder_on_disk() {
    let tmp = tmp();
    let uri = repository(&tmp, "docs/postmortems/a.md");
    write(&tmp, "docs/postmortems/b.md", DRAFT);
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let duplicate = located(&diagnostics)
        .into_iter()
        .find(|d| d.0 == "PM309")
        .expect("PM309");
    assert_eq!((duplicate.1, duplicate.2), (3, 14));
    assert!(duplicate.5.contains("b.md"), "{}", duplicate.5);
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn files_outside_the_postmortems_folder_get_no_diagnostics() {
    let tmp = tmp();
    let uri = repository(&tmp, "notes/a.md");
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    assert_eq!(client.diagnostics(&uri, Some(1)), Vec::<Value>::new());
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn a_changed_configuration_is_read_again() {
    let tmp = tmp();
    let uri = repository(&tmp, "docs/postmortems/a.md");
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    let before = client.diagnostics(&uri, Some(1));
    assert!(located(&before).iter().any(|d| d.0 == "PM004"));
    write(&tmp, ".pm.yaml", "severities: [sev1, sev2, sev3]\n");
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": {} }),
    );
    let after = client.diagnostics(&uri, Some(1));
    assert!(located(&after).iter().all(|d| d.0 != "PM004"), "{after:?}");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn saving_a_configuration_or_a_change_on_disk_is_read_again() {
    let tmp = tmp();
    let uri = repository(&tmp, "docs/postmortems/a.md");
    let config_uri = repository(&tmp, ".pm.yaml");
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    assert!(
        located(&client.diagnostics(&uri, Some(1)))
            .iter()
            .any(|d| d.0 == "PM004")
    );

    // The configuration saved in the editor.
    write(&tmp, ".pm.yaml", "severities: [sev1, sev2, sev3]\n");
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    let saved = client.diagnostics(&uri, Some(1));
    assert!(located(&saved).iter().all(|d| d.0 != "PM004"), "{saved:?}");

    // Changed on disk, as the client's file watcher reports it.
    write(&tmp, ".pm.yaml", "severities: [SEV-1, SEV-2]\n");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 2 }] }),
    );
    let watched = client.diagnostics(&uri, Some(1));
    assert!(
        located(&watched).iter().any(|d| d.0 == "PM004"),
        "{watched:?}"
    );
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn a_closed_buffer_has_its_diagnostics_cleared() {
    let tmp = tmp();
    let uri = repository(&tmp, "docs/postmortems/a.md");
    let mut client = Client::start(&tmp);
    client.open(&uri, DRAFT);
    assert!(!client.diagnostics(&uri, Some(1)).is_empty());
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(client.diagnostics(&uri, None), Vec::<Value>::new());
    assert_eq!(client.shut_down(), 0);
}
