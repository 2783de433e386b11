//! What `pm actions` makes of each action item: its state (open, in
//! progress, blocked, done, closed without doing, with the reason), and its
//! tracker reference, from table rows and checklist items as people write
//! them.

mod common;

use common::TODAY;
use common::lint::{run, write};
use common::{pm, tmp};
use serde_json::Value;

/// A postmortem whose action items are `items` (Markdown).
fn with_items(items: &str) -> String {
    format!(
        "---\ntitle: Disk full\nincident_id: INC-2026-0001\ndate: 2026-11-02\nseverity: SEV-3\n\
         status: final\n---\n\n# Disk full\n\n## Action Items\n\n{items}"
    )
}

/// `(action, state, reason, tracker)` of each item `pm actions` lists.
fn states(items: &str) -> Vec<[String; 4]> {
    let tmp = tmp();
    write(&tmp, "pm/a.md", with_items(items));
    let out = run(pm(&tmp).args(["actions", "--format", "json", "--today", TODAY, "pm"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let text = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    json.as_array()
        .expect("items")
        .iter()
        .map(|i| {
            [
                text(&i["action"]),
                text(&i["state"]),
                text(&i["reason"]),
                text(&i["tracker"]),
            ]
        })
        .collect()
}

fn row(cells: [&str; 4]) -> [String; 4] {
    cells.map(str::to_owned)
}

#[test]
fn every_status_word_gives_its_state() {
    let table = "| Action | Owner | Due | Status |\n|---|---|---|---|\n\
        | A | Dana | 2027-01-01 | Open |\n\
        | B | Dana | 2027-01-02 | In Progress |\n\
        | C | Dana | 2027-01-03 | WIP |\n\
        | D | Dana | 2027-01-04 | Blocked on vendor |\n\
        | E | Dana | 2027-01-05 | On hold |\n\
        | F | Dana | 2027-01-06 | Done |\n\
        | G | Dana | 2027-01-07 | Completed |\n\
        | H | Dana | 2027-01-08 | Won't do: covered by the new alert |\n\
        | I | Dana | 2027-01-09 | Cancelled |\n\
        | J | Dana | 2027-01-10 | N/A (service retired) |\n\
        | K | Dana | 2027-01-11 | Not started |\n\
        | L | Dana | 2027-01-12 |  |\n";
    assert_eq!(
        states(table),
        [
            row(["A", "open", "-", "-"]),
            row(["B", "in progress", "-", "-"]),
            row(["C", "in progress", "-", "-"]),
            row(["D", "blocked", "-", "-"]),
            row(["E", "blocked", "-", "-"]),
            row(["F", "done", "-", "-"]),
            row(["G", "done", "-", "-"]),
            row(["H", "closed", "covered by the new alert", "-"]),
            row(["I", "closed", "-", "-"]),
            row(["J", "closed", "service retired", "-"]),
            row(["K", "open", "-", "-"]),
            row(["L", "open", "-", "-"]),
        ]
    );
}

#[test]
fn checklist_items_say_their_state_with_a_box_or_in_words() {
    let list = "- [x] Add a disk alert - Owner: Dana - Due: 2027-01-01\n\
        - [ ] Resize the volume - Owner: Dana - Due: 2027-01-02 - Status: blocked\n\
        - [ ] Shard the table (won't fix)\n\
        - [ ] Rotate the logs - Owner: Dana - Due: 2027-01-03\n";
    assert_eq!(
        states(list),
        [
            row(["Add a disk alert", "done", "-", "-"]),
            row(["Resize the volume", "blocked", "-", "-"]),
            row(["Rotate the logs", "open", "-", "-"]),
            row(["Shard the table (won't fix)", "closed", "-", "-"]),
        ]
    );
}

#[test]
fn tracker_references_in_their_common_forms() {
    let table = "| Action | Owner | Due | Ticket |\n|---|---|---|---|\n\
        | Add a disk alert | Dana | 2027-01-01 | OPS-1423 |\n\
        | Resize the volume | Dana | 2027-01-02 | https://github.com/acme/infra/issues/812 |\n\
        | Rotate the logs (#77) | Dana | 2027-01-03 |  |\n\
        | Page on SEV-2 only, see https://grafana.example.com/d/disk | Dana | 2027-01-04 |  |\n\
        | Track it in [JIRA](https://acme.atlassian.net/browse/INFRA-9) | Dana | 2027-01-05 |  |\n";
    assert_eq!(
        states(table),
        [
            row(["Add a disk alert", "open", "-", "OPS-1423"]),
            row([
                "Resize the volume",
                "open",
                "-",
                "https://github.com/acme/infra/issues/812"
            ]),
            row(["Rotate the logs (#77)", "open", "-", "#77"]),
            // A severity and a dashboard link are not tickets.
            row([
                "Page on SEV-2 only, see https://grafana.example.com/d/disk",
                "open",
                "-",
                "-"
            ]),
            row([
                "Track it in JIRA",
                "open",
                "-",
                "https://acme.atlassian.net/browse/INFRA-9"
            ]),
        ]
    );
}

#[test]
fn the_table_and_csv_show_the_state_and_the_tracker() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/a.md",
        with_items(
            "| Action | Owner | Due | Status |\n|---|---|---|---|\n\
             | Add a disk alert (OPS-7) | Dana | 2027-01-01 | Won't do: superseded |\n",
        ),
    );
    let out = run(pm(&tmp).args(["actions", "--format", "csv", "--today", TODAY, "pm"]));
    assert_eq!(
        out.stdout,
        "due,owner,priority,state,action,tracker,reason,incident,source,overdue\n\
         2027-01-01,Dana,,closed,Add a disk alert (OPS-7),OPS-7,superseded,INC-2026-0001,pm/a.md:15,\n"
    );
}
