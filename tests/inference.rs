//! What `pm list` and `pm stats` read from postmortems that have no pm
//! front matter: labelled fields, the title, the file name and the
//! timeline, in the zone the document states.

mod common;

use common::lint::write;
use common::{pm, stdout_of, tmp};
use serde_json::Value;

fn rows(tmp: &tempfile::TempDir) -> Value {
    let out = stdout_of(pm(tmp).args(["--no-config", "list", "--format", "json", "pm"]));
    serde_json::from_str(&out).expect("JSON")
}

/// `(title, date, id, severity, status, duration)` of each row.
fn facts(rows: &Value) -> Vec<[String; 6]> {
    let text = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            [
                text(&r["title"]),
                text(&r["date"]),
                text(&r["incident_id"]),
                text(&r["severity"]),
                text(&r["status"]),
                text(&r["duration"]),
            ]
        })
        .collect()
}

fn row(cells: [&str; 6]) -> [String; 6] {
    cells.map(str::to_owned)
}

#[test]
fn labelled_fields_and_a_timeline_in_a_stated_zone() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/cache.md",
        "# Cache nodes evicted\n\n**Date:** 2024-03-13\n**Severity:** Critical\n\
         **Authors:** Dana Kim\n\n| | |\n|---|---|\n| Status | published |\n\n\
         ## Timeline\n\nAll times in CEST\n\n| Time | Event |\n|---|---|\n\
         | 10:02 | Deploy starts |\n| 10:09 | Alert fired for error rate |\n\
         | 11:30 | Service restored |\n",
    );
    assert_eq!(
        facts(&rows(&tmp)),
        [row([
            "Cache nodes evicted",
            "2024-03-13",
            "-",
            "SEV-1",
            "final",
            "1h 28m"
        ])]
    );
    let stats = stdout_of(pm(&tmp).args(["--no-config", "stats", "--format", "json", "pm"]));
    let stats: Value = serde_json::from_str(&stats).expect("JSON");
    assert_eq!(stats["time_to_detect"][0]["median_minutes"], 7.0);
    assert_eq!(stats["time_to_resolve"][0]["median_minutes"], 88.0);
}

#[test]
fn a_list_timeline_with_its_zone_on_each_row_and_the_date_in_the_title() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/flags.md",
        "# Flags outage - September 29, 2025\n\n## Timeline\n\n\
         - **16:58 UTC** - Database saturation begins\n\
         - **17:12 UTC** - Alert: error rate above 5%\n\
         - **18:46 UTC** - Service fully restored\n",
    );
    assert_eq!(
        facts(&rows(&tmp)),
        [row([
            "Flags outage - September 29, 2025",
            "2025-09-29",
            "-",
            "-",
            "-",
            "1h 48m"
        ])]
    );
}

#[test]
fn headings_as_timeline_rows_and_a_labelled_duration() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/2018-04-18-cull-flood.md",
        "# Culler flood\n\n## Timeline\n\nAll times in CEST\n\n### 12:35\n\nUpgrade deployed.\n\n\
         ### 14:29\n\nOutage reported on Gitter.\n\n### 15:10\n\nService restored.\n",
    );
    write(
        &tmp,
        "pm/surveys.md",
        "# Surveys bug\n\n## Date: 3 October 2025\n\n**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)\n",
    );
    assert_eq!(
        facts(&rows(&tmp)),
        [
            row(["Culler flood", "2018-04-18", "-", "-", "-", "2h 35m"]),
            row(["Surveys bug", "2025-10-03", "-", "-", "-", "5h 26m"]),
        ]
    );
}

#[test]
fn the_file_name_gives_the_date_the_id_and_the_title() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/INC-123-2024-03-13-db-failover.md",
        "The database failed over.\n",
    );
    write(&tmp, "pm/notes.md", "Nothing to infer here.\n");
    assert_eq!(
        facts(&rows(&tmp)),
        // Undated rows first, as pm list sorts.
        [
            row(["notes", "-", "-", "-", "-", "-"]),
            row(["INC db failover", "2024-03-13", "INC-123", "-", "-", "-"]),
        ]
    );
}

#[test]
fn another_tools_front_matter_and_pm_keys_win_over_the_text() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/jekyll.md",
        "---\nlayout: post\ntitle: \"Cache outage\"\ndate: 2024-03-13 23:30:00 -0700\n---\n\n\
         # Something else\n\nSeverity: P2\n",
    );
    write(
        &tmp,
        "pm/pm.md",
        "---\ntitle: Written by pm\nseverity: SEV-3\nstatus: draft\n---\n\n# Other\n\nSeverity: Critical\nStatus: published\n",
    );
    assert_eq!(
        facts(&rows(&tmp)),
        [
            row(["Written by pm", "-", "-", "SEV-3", "draft", "-"]),
            row(["Cache outage", "2024-03-13", "-", "SEV-2", "-", "-"]),
        ]
    );
}

#[test]
fn severity_aliases_map_other_schemes_onto_the_scale() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join(".git")).expect("a repository");
    write(&tmp, ".pm.yaml", "severity_aliases: {Sev A: SEV-2}\n");
    write(&tmp, "pm/a.md", "# A\n\nSeverity: Sev A\n");
    let out = stdout_of(pm(&tmp).args(["list", "--format", "json", "pm"]));
    let rows: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(rows[0]["severity"], "SEV-2");
    write(&tmp, ".pm.yaml", "severity_aliases:\n  Sev A: SEV-9\n");
    pm(&tmp)
        .args(["list", "pm"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: .pm.yaml:2:10: severity_aliases: `SEV-9` is not a severity of the scale (SEV-1, SEV-2, SEV-3, SEV-4)\n",
        );
}

#[test]
fn times_after_midnight_fall_on_the_next_day() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/2024-03-13-m.md",
        "# M\n\n## Timeline\n\nAll times in UTC\n\n- 23:50 - Deploy starts, errors begin\n\
         - 00:10 - Alert fires, on-call paged\n- 01:30 - Service restored\n",
    );
    write(
        &tmp,
        "pm/c.md",
        "# C\n\n- Date: 2024-03-13\n- Start: 23:30 UTC\n- Resolved: 00:45 UTC\n",
    );
    assert_eq!(
        facts(&rows(&tmp)),
        [
            row(["M", "2024-03-13", "-", "-", "-", "1h 40m"]),
            row(["C", "2024-03-13", "-", "-", "-", "1h 15m"]),
        ]
    );
    let stats = stdout_of(pm(&tmp).args(["--no-config", "stats", "--format", "json", "pm"]));
    let stats: Value = serde_json::from_str(&stats).expect("JSON");
    assert_eq!(stats["time_to_detect"][0]["median_minutes"], 20.0);
}

#[test]
fn what_is_not_a_field_of_the_document_is_not_read_as_one() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/a.md",
        "# API outage\n\nSometimes in PST we deploy.\n\n> Date: 2019-01-01\n\n\
         | Service | Impact |\n|---|---|\n| api | down |\n\nStatus: Open\n\n\
         ## Timeline\n\n- 14:00 errors begin after deploy\n- 14:05 on-call paged\n\
         - 15:36 service restored after rollback\n\n\
         ## Action items\n\n- Add alerting\n  - Owner: bob\n  - Status: Done\n",
    );
    let rows = rows(&tmp);
    // No date, no lead, no services from the quote, the table's header or
    // the action item; the rows have no zone (`Sometimes in PST` states
    // none), so no duration; `Open` is not finished.
    assert_eq!(
        facts(&rows),
        [row(["API outage", "-", "-", "-", "draft", "-"])]
    );
    let report = common::adopt_report(&tmp);
    assert_eq!(
        report[0]["empty"],
        serde_json::json!([
            "incident_id",
            "date",
            "severity",
            "started_at",
            "detected_at",
            "resolved_at",
            "lead",
            "services"
        ])
    );
}

#[test]
fn zones_stated_in_other_words_and_iso_times_in_rows() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/2024-03-13-a.md",
        "# A\n\nAll times are UTC.\n\n## Timeline\n\n- 14:00 errors begin\n- 14:05 on-call paged\n\
         - 14:36 service restored\n",
    );
    write(
        &tmp,
        "pm/b.md",
        "# B\n\n## Timeline\n\n- 2024-03-14T10:00:00Z - Errors begin\n\
         - 2024-03-14T10:07:00Z - Alert fired\n- 2024-03-14T11:00:00Z - Service restored\n",
    );
    assert_eq!(
        facts(&rows(&tmp)),
        [
            row(["A", "2024-03-13", "-", "-", "-", "36m"]),
            row(["B", "2024-03-14", "-", "-", "-", "1h 0m"]),
        ]
    );
}

#[test]
fn the_configured_timezone_serves_documents_that_state_none() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join(".git")).expect("a repository");
    write(
        &tmp,
        "pm/2020-07-01-love.md",
        "# Love lost\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 9:16 | App begins |\n\
         | 12:34 | Morty notices the app |\n| 20:03 | Service restored |\n",
    );
    let list = |tmp: &tempfile::TempDir| {
        let out = stdout_of(pm(tmp).args(["list", "--format", "json", "pm"]));
        let rows: Value = serde_json::from_str(&out).expect("JSON");
        rows[0]["duration"].clone()
    };
    assert_eq!(list(&tmp), Value::Null);
    write(&tmp, ".pm.yaml", "timezone: CEST\n");
    assert_eq!(list(&tmp), "10h 47m");
    let adopted = stdout_of(pm(&tmp).args(["adopt", "--dry-run", "pm"]));
    assert!(
        adopted.contains("+started_at: \"2020-07-01T07:16:00Z\"\n"),
        "{adopted}"
    );
    write(&tmp, ".pm.yaml", "timezone: Mars/Olympus\n");
    pm(&tmp).args(["list", "pm"]).assert().code(2).stdout("").stderr(
        "error: .pm.yaml:1:11: timezone: `Mars/Olympus` is not a time zone pm reads; write an abbreviation (UTC, CET, PDT) or an offset (+02:00)\n",
    );
}

#[test]
fn pm_actions_names_the_incident_the_file_name_gives() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/INC-123-db-failover.md",
        "# DB failover\n\n## Action items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n\
         | Add a replica alert | Dana | 2027-01-10 | Open |\n",
    );
    let out = stdout_of(pm(&tmp).args(["--no-config", "actions", "--format", "json", "pm"]));
    let items: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(items[0]["incident_id"], "INC-123");
    assert_eq!(items[0]["owner"], "Dana");
}

#[test]
fn numeric_dates_are_read_in_the_configured_order_and_a_zone_in_the_timeline_heading() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join(".git")).expect("a repository");
    write(
        &tmp,
        "pm/okta.md",
        "# Okta account\n\n## Timeline (PST) 4/21/23\n\n_4/21/23_\n\n\
         11:12 AM: A login attempt from an unfamiliar address is reported.\n\n\
         _4/22/23_\n\n09:30 AM: Access restored after the reset.\n",
    );
    let row = |tmp: &tempfile::TempDir| {
        let out = stdout_of(pm(tmp).args(["list", "--format", "json", "pm"]));
        let rows: Value = serde_json::from_str(&out).expect("JSON");
        (rows[0]["date"].clone(), rows[0]["duration"].clone())
    };
    // Without a date order, `4/21/23` is no date: nothing to place the
    // times on.
    assert_eq!(row(&tmp), (Value::Null, Value::Null));
    write(&tmp, ".pm.yaml", "date_order: mdy\n");
    assert_eq!(
        row(&tmp),
        (Value::from("2023-04-21"), Value::from("22h 18m"))
    );
}

#[test]
fn timelines_as_people_write_them_give_the_time_to_resolve() {
    let tmp = tmp();
    // Day, date and time in columns of their own; the zone in the heading.
    write(
        &tmp,
        "pm/2022-06-28-proxy.md",
        "# Proxy abuse report\n\n## Timeline (all times PST)\n\n\
         | Day | Date (2022) | Time (PST) | Event |\n|---|---|---|---|\n\
         | Tues | Jun 28 | 20:28 | Scan requests reach the proxy |\n\
         | Tues | Jun 28 | 20:36 | AWS reports an abuse complaint |\n\
         | Tues | Jun 28 | 22:21 | Incident declared mitigated |\n\
         | Wed | Jun 29 | 12:23 | AWS closes the case |\n",
    );
    // The resolution on the second line of a sub-section, the next day.
    write(
        &tmp,
        "pm/2019-03-24-builds.md",
        "# Builds stalled\n\n## Timeline\n\nAll times in UTC+1\n\n\
         ### 2019-03-24 8:54\n\nStart of incident. A new builder is deployed.\n\n\
         ### 22:36\n\nThe demo repository is not yet restored; it is banned.\n\n\
         ### 2019-03-25 7:01am\n\nThe demo build completed.\nIncident resolved.\n",
    );
    // A later sub-section that only hedges (`appears to have recovered`).
    write(
        &tmp,
        "pm/2018-03-26-disk.md",
        "# No space left\n\n## Timeline\n\nAll times in CEST\n\n\
         ### 2018-03-26 10:34\n\nLaunch success reaches 0%.\n\n\
         ### 2018-03-26 10:55\n\nEverything returns to\nnormal.\n\n\
         ### 2018-03-26 15:00\n\nA node is cordoned, though it appears to have recovered.\n",
    );
    // Days without times: no time to resolve (a year is not 20:18).
    write(
        &tmp,
        "pm/2018-01-18-cert.md",
        "# Certificate outdated\n\n## Timeline\n\nAll times in PST\n\n\
         ### 2018-01-11\n\nThe certificate expires.\n\n\
         ### 2018-01-18\n\nRenewed, and the problem considered resolved.\n",
    );
    assert_eq!(
        facts(&rows(&tmp)),
        [
            row(["Certificate outdated", "2018-01-18", "-", "-", "-", "-"]),
            row(["No space left", "2018-03-26", "-", "-", "-", "21m"]),
            row(["Builds stalled", "2019-03-24", "-", "-", "-", "22h 7m"]),
            row(["Proxy abuse report", "2022-06-28", "-", "-", "-", "1h 53m"]),
        ]
    );
}
