//! Every rule's `bad` example (what `pm rules ID` shows) is linted and must
//! report that rule; its `good` example must not. The rules come from `pm
//! rules` itself, so a new rule is covered without a line here; only an
//! example that needs a setting around it (front matter fences, the
//! section it belongs in, a config key, a second file) has a row in
//! [`setting`].

mod common;

use common::{TODAY, pm, tmp};
use tempfile::TempDir;

/// The ids `pm rules` lists.
fn rule_ids() -> Vec<String> {
    let dir = tmp();
    let out = pm(&dir).args(["--no-config", "rules"]).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

/// The bad and good examples `pm rules ID` prints (indented by four).
fn examples(id: &str) -> (String, String) {
    let dir = tmp();
    let out = pm(&dir)
        .args(["--no-config", "rules", id])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let (_, rest) = text.split_once("Bad:\n\n").expect("a bad example");
    let (bad, good) = rest.split_once("\n\nGood:\n\n").expect("a good example");
    let unindent = |block: &str| {
        block
            .trim_end_matches('\n')
            .lines()
            .map(|l| l.strip_prefix("    ").unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    (unindent(bad), unindent(good))
}

/// The files (path, bytes) and `.pm.yaml` an example of rule `id` is
/// linted in.
fn setting(id: &str, example: &str, bad: bool) -> (Vec<(String, Vec<u8>)>, Option<&'static str>) {
    let one = |text: String| vec![("x.md".to_owned(), text.into_bytes())];
    let front_matter = |text: &str| format!("---\n{text}---\n\n# Title\n");
    let actions = |text: &str| format!("## Action items\n\n{text}");
    match id {
        // "(a file saved as Latin-1 …)": such a file.
        "PM000" if bad => (vec![("x.md".to_owned(), b"caf\xe9\n".to_vec())], None),
        "PM000" => (one("café\n".to_owned()), None),
        "PM004" | "PM005" | "PM006" | "PM302" | "PM303" => (one(front_matter(example)), None),
        "PM208" => (
            one(format!(
                "---\ntemplate: detailed\nstatus: final\n---\n\n{example}"
            )),
            None,
        ),
        "PM210" => (
            one(example.to_owned()),
            Some("placeholders: ['<<[A-Z_]+>>']\n"),
        ),
        "PM304" | "PM305" | "PM402" => (one(actions(example)), None),
        "PM306" => (
            one(actions(&format!(
                "| Action | Owner | Due | Status |\n|---|---|---|---|\n{example}"
            ))),
            None,
        ),
        "PM307" => (one(format!("## 5 Whys\n\n{example}")), None),
        // A deadline policy that reports later due dates, and an incident
        // resolved on 2026-11-20.
        "PM310" => (
            one(format!(
                "{}{}",
                front_matter("resolved_at: 2026-11-20T10:00:00Z\n"),
                actions(&format!(
                    "| Action | Owner | Priority | Due |\n|---|---|---|---|\n{example}"
                ))
            )),
            Some("actions:\n  due_by_priority: {P1: 30d}\n  report_later_due: true\n"),
        ),
        // A link to a file: the good one names a file that is there.
        "PM308" => {
            let mut files = one(example.to_owned());
            files.push((
                "2025-10-02-db-failover.md".to_owned(),
                b"# Failover\n".to_vec(),
            ));
            (files, None)
        }
        // `a.md: incident_id: …` lines: one file each.
        "PM309" => (
            example
                .lines()
                .filter_map(|line| line.split_once(": "))
                .map(|(name, yaml)| {
                    (
                        name.to_owned(),
                        front_matter(&format!("{yaml}\n")).into_bytes(),
                    )
                })
                .collect(),
            None,
        ),
        _ => (one(example.to_owned()), None),
    }
}

/// The rules `pm lint --strict` reports on the example's files.
fn reported(id: &str, example: &str, bad: bool) -> Vec<String> {
    let dir: TempDir = tmp();
    let (files, config) = setting(id, example, bad);
    for (path, bytes) in &files {
        std::fs::write(dir.path().join(path), bytes).unwrap();
    }
    let mut cmd = pm(&dir);
    match config {
        Some(yaml) => {
            std::fs::write(dir.path().join(".pm.yaml"), yaml).unwrap();
        }
        None => {
            cmd.arg("--no-config");
        }
    }
    let out = cmd
        .args(["lint", "--strict", "--format", "json", "--today", TODAY])
        .args(files.iter().map(|(path, _)| path))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{id}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_bad_example_is_reported_and_no_good_one_is() {
    let ids = rule_ids();
    assert!(ids.len() >= 30, "{ids:?}");
    let mut wrong = Vec::new();
    for id in &ids {
        let (bad, good) = examples(id);
        if !reported(id, &bad, true).contains(id) {
            wrong.push(format!("{id}: the bad example is not reported:\n{bad}"));
        }
        let found = reported(id, &good, false);
        if found.contains(id) {
            wrong.push(format!("{id}: the good example is reported:\n{good}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
