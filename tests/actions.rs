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
        | L | Dana | 2027-01-12 |  |\n\
        | M | Dana | 2027-01-13 | **Won’t do: covered by OPS-12** |\n";
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
            row(["M", "closed", "covered by OPS-12", "OPS-12"]),
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

/// A deadline policy: P0 in 7 days, P1 in 30, counted from `resolved_at`.
const POLICY: &str = "actions:\n  due_by_priority: {P0: 7d, P1: 30d}\n";

/// A postmortem resolved on 2026-10-01 with three open items: P1 with no
/// date (due 2026-10-31 by the policy), P0 with a date later than the
/// policy allows, P2 with no date (no policy for P2).
fn with_policy_items() -> String {
    with_items(
        "| Action | Owner | Priority | Due |\n|---|---|---|---|\n\
         | Add a disk alert | Dana | P1 |  |\n\
         | Resize the volume | Dana | P0 | 2026-12-20 |\n\
         | Rotate the logs | Dana | P2 |  |\n",
    )
    .replace(
        "status: final\n",
        "status: final\nstarted_at: 2026-10-01T09:00:00Z\ndetected_at: 2026-10-01T09:05:00Z\n\
         resolved_at: 2026-10-01T10:00:00Z\n",
    )
}

/// The findings of `pm lint pm/a.md` about action items (PM3xx).
fn action_findings(tmp: &tempfile::TempDir) -> String {
    let out = common::lint::lint(tmp, &["pm/a.md"]);
    out.stdout
        .lines()
        .filter(|line| line.contains(": PM3"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn the_deadline_policy_dates_items_without_a_due_date() {
    let tmp = tmp();
    write(&tmp, ".pm.yaml", POLICY);
    write(&tmp, "pm/a.md", with_policy_items());
    let lint = action_findings(&tmp);
    assert_eq!(
        lint,
        "pm/a.md:18:1: PM306 [warning] action item `Add a disk alert` was due 2026-10-31 by the P1 deadline (30 days after resolved_at) and is not done (31 days ago)\n\
         pm/a.md:20:1: PM305 [error] action item `Rotate the logs` has no due date\n"
    );
    let overdue = run(pm(&tmp).args([
        "actions",
        "--overdue",
        "--format",
        "json",
        "--today",
        TODAY,
        "pm",
    ]));
    let json: Value = serde_json::from_str(&overdue.stdout).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
    assert_eq!(json[0]["action"], "Add a disk alert");
    assert_eq!(json[0]["due"], "2026-10-31 (P1: 30 days after resolved_at)");
    assert_eq!(json[0]["due_by_policy"], true);

    // Without the policy, the items have no date and none is overdue.
    let plain = common::tmp();
    write(&plain, "pm/a.md", with_policy_items());
    let lint = action_findings(&plain);
    assert_eq!(
        lint,
        "pm/a.md:18:1: PM305 [error] action item `Add a disk alert` has no due date\n\
         pm/a.md:20:1: PM305 [error] action item `Rotate the logs` has no due date\n"
    );
}

#[test]
fn a_due_date_later_than_the_policy_allows_is_reported_when_asked() {
    let tmp = tmp();
    write(
        &tmp,
        ".pm.yaml",
        format!("{POLICY}  from: date\n  report_later_due: true\n"),
    );
    write(&tmp, "pm/a.md", with_policy_items());
    // Counted from `date` (2026-11-02): P1 is due 2026-12-02, P0 2026-11-09.
    assert_eq!(
        action_findings(&tmp),
        "pm/a.md:19:35: PM310 [warning] action item `Resize the volume` is due 2026-12-20, after the P0 deadline of 7 days (2026-11-09)\n\
         pm/a.md:20:1: PM305 [error] action item `Rotate the logs` has no due date\n"
    );
}

#[test]
fn a_policy_that_is_not_a_number_of_days_is_a_config_error() {
    let tmp = tmp();
    write(
        &tmp,
        ".pm.yaml",
        "actions:\n  due_by_priority: {P1: soon}\n",
    );
    write(&tmp, "pm/a.md", with_policy_items());
    let out = run(pm(&tmp).args(["actions", "pm"]));
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: .pm.yaml:2:25: actions.due_by_priority.P1: `soon` is not a number of days such as `30d`\n"
        )
    );
}

#[test]
fn the_digest_lists_overdue_items_then_those_due_soon_by_owner() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/2026-11-02-disk-full.md",
        with_items(
            "| Action | Owner | Due | Status |\n|---|---|---|---|\n\
             | Add a [disk] alert | @sre-oncall | 2026-11-20 | Open |\n\
             | Resize the volume | Dana Kim | 2026-11-30 | In progress |\n\
             | Rotate the logs (#77) | @sre-oncall | 2026-12-01 | Open |\n\
             | Shard the table | | 2026-12-10 | Blocked |\n\
             | Move to object storage (https://github.com/acme/infra/issues/9) | Dana Kim | 2026-12-20 | Open |\n\
             | Drop the old cache | Dana Kim | 2026-11-01 | Done |\n",
        ),
    );
    let out = run(pm(&tmp).args([
        "actions",
        "--format",
        "markdown",
        "--today",
        TODAY,
        "--link-base",
        "https://github.com/acme/shop/blob/main/",
        "pm",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let link = "https://github.com/acme/shop/blob/main/pm/2026-11-02-disk-full.md";
    assert_eq!(
        out.stdout,
        format!(
            "## Action items: 2 overdue, 2 due in the next 14 days\n\n\
             As of 2026-12-01.\n\n\
             ### Overdue\n\n\
             **Dana Kim**\n\n\
             - [Resize the volume]({link}#L16): due 2026-11-30, 1 day ago · INC-2026-0001\n\n\
             **@sre-oncall**\n\n\
             - [Add a \\[disk\\] alert]({link}#L15): due 2026-11-20, 11 days ago · INC-2026-0001\n\n\
             ### Due in the next 14 days\n\n\
             **@sre-oncall**\n\n\
             - [Rotate the logs (#77)]({link}#L17): due 2026-12-01, today · #77 · INC-2026-0001\n\n\
             **No owner**\n\n\
             - [Shard the table]({link}#L18): due 2026-12-10, in 9 days · INC-2026-0001\n"
        )
    );
    // Further ahead, the tracker link: with --within 30.
    let later = run(pm(&tmp).args([
        "actions", "--format", "markdown", "--today", TODAY, "--within", "30", "pm",
    ]));
    assert!(
        later.stdout.contains(
            "- [Move to object storage (https://github.com/acme/infra/issues/9)](pm/2026-11-02-disk-full.md#L19): \
             due 2026-12-20, in 19 days · [github.com/acme/infra/issues/9](https://github.com/acme/infra/issues/9) · INC-2026-0001\n"
        ),
        "{}",
        later.stdout
    );

    // Nothing due: one line says so.
    let none = run(pm(&tmp).args([
        "actions",
        "--format",
        "markdown",
        "--today",
        "2026-01-01",
        "--within",
        "7",
        "pm",
    ]));
    assert_eq!(
        none.stdout,
        "## Action items: nothing overdue or due in the next 7 days\n\nAs of 2026-01-01.\n"
    );
}

/// A postmortem resolved in `minutes` after it started, on `date`, with
/// `services`, and action items `items`.
fn incident(date: &str, severity: &str, services: &str, minutes: u32, items: &str) -> String {
    let (h, m) = (10 + minutes / 60, minutes % 60);
    format!(
        "---\ntitle: T\nincident_id: INC-{date}\ndate: {date}\nseverity: {severity}\nstatus: final\n\
         services: [{services}]\nstarted_at: {date}T10:00:00Z\ndetected_at: {date}T10:05:00Z\n\
         resolved_at: {date}T{h:02}:{m:02}:00Z\n---\n\n# T\n\n## Action Items\n\n{items}"
    )
}

#[test]
fn stats_give_follow_through_and_times_by_service_and_by_month() {
    let tmp = tmp();
    let item = |due: &str, state: &str| format!("| Do it | Dana | {due} | {state} |\n");
    let table = |rows: &[String]| {
        format!(
            "| Action | Owner | Due | Status |\n|---|---|---|---|\n{}",
            rows.concat()
        )
    };
    write(
        &tmp,
        "pm/a.md",
        incident(
            "2026-09-01",
            "SEV-1",
            "api, db",
            30,
            &table(&[item("2026-10-01", "Done"), item("2026-10-02", "Open")]),
        ),
    );
    write(
        &tmp,
        "pm/b.md",
        incident(
            "2026-09-20",
            "SEV-2",
            "api",
            90,
            &table(&[item("2026-11-01", "Won't do"), item("2027-01-01", "Open")]),
        ),
    );
    write(
        &tmp,
        "pm/c.md",
        incident(
            "2026-10-05",
            "SEV-2",
            "web",
            60,
            &table(&[item("2026-11-30", "Done")]),
        ),
    );
    let stats = |by: &str| -> Value {
        let out = run(pm(&tmp).args([
            "stats", "--format", "json", "--by", by, "--today", TODAY, "pm",
        ]));
        serde_json::from_str(&out.stdout).expect("JSON")
    };
    let json = stats("service");
    // Four items due by 2026-12-01; three closed (done, won't do, done).
    assert_eq!(
        json["follow_through"],
        serde_json::json!({ "due": 4, "closed": 3, "rate": 0.75 })
    );
    assert_eq!(
        json["by_service"],
        serde_json::json!([
            { "key": "api", "count": 2 },
            { "key": "db", "count": 1 },
            { "key": "web", "count": 1 },
        ])
    );
    let resolve = |json: &Value| -> Vec<(String, u64, f64, u64)> {
        json["time_to_resolve"]
            .as_array()
            .expect("spreads")
            .iter()
            .map(|s| {
                (
                    s["severity"].as_str().unwrap_or("").to_owned(),
                    s["count"].as_u64().unwrap_or(0),
                    s["median_minutes"].as_f64().unwrap_or(0.0),
                    s["p90_minutes"].as_u64().unwrap_or(0),
                )
            })
            .collect()
    };
    // api: 30 and 90 minutes, median 60, p90 90.
    assert_eq!(
        resolve(&json),
        [
            ("api".to_owned(), 2, 60.0, 90),
            ("db".to_owned(), 1, 30.0, 30),
            ("web".to_owned(), 1, 60.0, 60),
        ]
    );
    assert_eq!(json["by"], "service");
    assert_eq!(
        resolve(&stats("month")),
        [
            ("2026-09".to_owned(), 2, 60.0, 90),
            ("2026-10".to_owned(), 1, 60.0, 60),
        ]
    );
    let table = run(pm(&tmp).args(["stats", "--by", "month", "--today", TODAY, "pm"]));
    assert!(
        table.stdout.contains(
            "time to resolve by month  incidents  median  p90\n\
             2026-09                   2          1h 0m   1h 30m\n\
             2026-10                   1          1h 0m   1h 0m\n"
        ),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .contains("follow-through  due  closed  rate\naction items    4    3       75%\n"),
        "{}",
        table.stdout
    );
}

#[test]
fn stats_count_items_due_by_the_policy_as_due() {
    let tmp = tmp();
    write(&tmp, ".pm.yaml", POLICY);
    write(&tmp, "pm/a.md", with_policy_items());
    let out = run(pm(&tmp).args(["stats", "--format", "json", "--today", TODAY, "pm"]));
    let json: Value = serde_json::from_str(&out.stdout).expect("JSON");
    // The P1 item, due 2026-10-31 by the policy, is due and open.
    assert_eq!(
        json["follow_through"],
        serde_json::json!({ "due": 1, "closed": 0, "rate": 0.0 })
    );
    assert_eq!(json["actions_by_owner"][0]["overdue"], 1);
}
