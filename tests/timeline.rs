//! `pm timeline import` through the real binary, on fixtures in the
//! documented formats (a Slack channel export with its users.json, and chat
//! logs in each line form): exact tables, every time in UTC, zones and
//! daylight saving, midnight, filters, repeats, and the errors a malformed
//! or zone-less file gets.

mod common;

use common::lint::{run, write};
use common::{pm, tmp};

const HEADER: &str = "| Time (UTC) | Who | Event |\n|---|---|---|\n";

/// Runs `pm timeline import ARGS` in `tmp`: (exit code, stdout, stderr).
fn import(tmp: &tempfile::TempDir, args: &[&str]) -> (i32, String, String) {
    let out = run(pm(tmp).args(["timeline", "import"]).args(args));
    (out.code, out.stdout, out.stderr)
}

fn table(rows: &[&str]) -> String {
    let mut out = HEADER.to_owned();
    for row in rows {
        out.push_str(row);
        out.push('\n');
    }
    out
}

/// A channel export: users.json at the top, a folder per channel, a file
/// per day. 1763647200 is 2025-11-20 14:00:00 UTC.
fn slack_export(tmp: &tempfile::TempDir) {
    write(
        tmp,
        "export/users.json",
        r#"[
  {"id": "U1", "name": "dana", "real_name": "Dana Kim", "profile": {"display_name": "", "real_name": "Dana Kim"}},
  {"id": "U2", "name": "sam", "profile": {"display_name": "Sam", "real_name": "Sam Ortiz"}}
]"#,
    );
    write(
        tmp,
        "export/inc-4521/2025-11-20.json",
        r#"[
  {"type": "message", "subtype": "bot_message", "username": "PagerDuty", "text": "",
   "attachments": [{"fallback": "Triggered #4521: checkout error rate above 5%"}], "ts": "1763647200.000000"},
  {"type": "message", "user": "U1", "text": "Checkout 500s, <@U2> can you look? &lt;urgent&gt;\nsecond line", "ts": "1763647331.000200"},
  {"type": "message", "subtype": "channel_join", "user": "U2", "text": "<@U2> has joined the channel", "ts": "1763647332.000100"},
  {"type": "message", "user": "U2", "user_profile": {"display_name": "Sam", "real_name": "Sam Ortiz"},
   "text": "on it, see <#C42|db-oncall>", "ts": "1763647400.000300", "thread_ts": "1763647331.000200"},
  {"type": "message", "user": "U1", "text": "rolled back <https://deploy.example/8812|deploy 8812> | pool at 80",
   "edited": {"user": "U1", "ts": "1763648000.000000"}, "ts": "1763647900.000000",
   "permalink": "https://acme.slack.com/archives/C1/p1763647900000000"}
]"#,
    );
    write(
        tmp,
        "export/inc-4521/2025-11-21.json",
        r#"[{"type": "message", "user": "U1", "text": "all clear", "ts": "1763683200.000000"}]"#,
    );
}

#[test]
fn a_slack_channel_export_is_read_with_names_threads_bots_and_edits() {
    let tmp = tmp();
    slack_export(&tmp);
    let want = table(&[
        "| 2025-11-20 14:00:00 | PagerDuty | Triggered #4521: checkout error rate above 5% |",
        "| 2025-11-20 14:02:11 | Dana Kim | Checkout 500s, @Sam can you look? \\<urgent> |",
        "| 2025-11-20 14:03:20 | Sam | ↳ on it, see #db-oncall |",
        "| 2025-11-20 14:11:40 | Dana Kim | [rolled back deploy 8812 \\| pool at 80](https://acme.slack.com/archives/C1/p1763647900000000) |",
        "| 2025-11-21 00:00:00 | Dana Kim | all clear |",
    ]);
    // The channel's folder, or its day files one by one: no zone needed.
    assert_eq!(
        import(&tmp, &["export/inc-4521"]),
        (0, want.clone(), String::new())
    );
    assert_eq!(
        import(
            &tmp,
            &[
                "export/inc-4521/2025-11-21.json",
                "export/inc-4521/2025-11-20.json"
            ]
        ),
        (0, want, String::new())
    );
}

#[test]
fn each_chat_log_form_is_read_in_utc() {
    let tmp = tmp();
    write(
        &tmp,
        "forms.log",
        "[09:58] dana: paging the db on-call\n\
         09:59:30 <sam> ack, looking\n\
         2026-11-20 10:01:00 dana: rolled back deploy 8812\n\
         2026-11-20T10:02:05Z pager: resolved by sam\n\
         [11/20/26, 10:04:00 AM] Dana: error rate back to 0.1%\n\
         [11/20/26, 12:05 PM] Sam: all clear\n",
    );
    let (code, stdout, stderr) = import(
        &tmp,
        &["--tz", "Europe/Berlin", "--date", "2026-11-20", "forms.log"],
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(
        stdout,
        table(&[
            "| 2026-11-20 08:58:00 | dana | paging the db on-call |",
            "| 2026-11-20 08:59:30 | sam | ack, looking |",
            "| 2026-11-20 09:01:00 | dana | rolled back deploy 8812 |",
            "| 2026-11-20 09:04:00 | Dana | error rate back to 0.1% |",
            "| 2026-11-20 10:02:05 | pager | resolved by sam |",
            "| 2026-11-20 11:05:00 | Sam | all clear |",
        ])
    );
}

#[test]
fn times_of_day_run_past_midnight_into_the_next_day() {
    let tmp = tmp();
    write(
        &tmp,
        "bridge.log",
        "Bridge log for INC-4521\n[23:58] dana: paging the db on-call\n\
         [23:59:30] sam: ack | looking\n  a continued line\n[00:03] dana: rolled back\n",
    );
    assert_eq!(
        import(
            &tmp,
            &["--tz", "+01:00", "--date", "2026-11-20", "bridge.log"]
        ),
        (
            0,
            table(&[
                "| 2026-11-20 22:58:00 | dana | paging the db on-call |",
                "| 2026-11-20 22:59:30 | sam | ack \\| looking |",
                "| 2026-11-20 23:03:00 | dana | rolled back |",
            ]),
            String::new()
        )
    );
}

#[test]
fn daylight_saving_changes_the_offset_and_the_repeated_hour_is_read_in_order() {
    let tmp = tmp();
    // In Los Angeles, 2026-11-01 01:00-02:00 happens twice (PDT, then PST).
    write(
        &tmp,
        "fallback.log",
        "2026-11-01 00:50:00 dana: error rate rising\n\
         2026-11-01 01:40:00 sam: failing over\n\
         2026-11-01 01:10:00 dana: failover done (after the clocks went back)\n\
         2026-11-01 02:15:00 sam: all clear\n",
    );
    assert_eq!(
        import(&tmp, &["--tz", "America/Los_Angeles", "fallback.log"]),
        (
            0,
            table(&[
                "| 2026-11-01 07:50:00 | dana | error rate rising |",
                "| 2026-11-01 08:40:00 | sam | failing over |",
                "| 2026-11-01 09:10:00 | dana | failover done (after the clocks went back) |",
                "| 2026-11-01 10:15:00 | sam | all clear |",
            ]),
            String::new()
        )
    );
    // An hour the clocks skip never happened.
    write(&tmp, "spring.log", "2026-03-08 02:30:00 dana: hm\n");
    assert_eq!(
        import(&tmp, &["--tz", "America/Los_Angeles", "spring.log"]),
        (
            2,
            String::new(),
            "error: spring.log:1: 2026-03-08 02:30 does not exist in America/Los_Angeles (the clocks skip that hour)\n".to_owned()
        )
    );
}

#[test]
fn a_log_without_a_zone_or_a_date_is_an_error_never_a_guess() {
    let tmp = tmp();
    write(
        &tmp,
        "a.log",
        "header\n2026-11-20 10:01:00 dana: rolled back\n",
    );
    assert_eq!(
        import(&tmp, &["a.log"]),
        (
            2,
            String::new(),
            "error: a.log:2: the times of this log carry no zone: pass --tz with an IANA name (Europe/Berlin) or an offset (+02:00)\n".to_owned()
        )
    );
    write(&tmp, "b.log", "[10:01] dana: rolled back\n");
    assert_eq!(
        import(&tmp, &["--tz", "UTC", "b.log"]),
        (
            2,
            String::new(),
            "error: b.log:1: the times of this log have no date: give the day it starts on with --date YYYY-MM-DD\n".to_owned()
        )
    );
    let (code, _, stderr) = import(&tmp, &["--tz", "Mars/Olympus", "b.log"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("'Mars/Olympus'") && stderr.contains("--tz"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_export_names_the_file_and_the_line_or_the_json_path() {
    let tmp = tmp();
    write(
        &tmp,
        "day.json",
        "[\n  {\"type\": \"message\", \"ts\": \"1\",\n",
    );
    let (code, stdout, stderr) = import(&tmp, &["day.json"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.starts_with("error: day.json:3: not valid JSON: "),
        "{stderr}"
    );
    write(
        &tmp,
        "day.json",
        r#"[{"type": "message", "ts": "1763647200.0", "text": "ok"}, {"type": "message", "ts": true, "text": "x"}]"#,
    );
    assert_eq!(
        import(&tmp, &["day.json"]),
        (
            2,
            String::new(),
            "error: day.json: [1].ts: not a Slack timestamp such as \"1763647331.000200\"\n"
                .to_owned()
        )
    );
    write(&tmp, "notes.txt", "just some notes\nwith no times\n");
    let (code, _, stderr) = import(&tmp, &["notes.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: notes.txt: no line is a chat message"),
        "{stderr}"
    );
    let (code, _, stderr) = import(&tmp, &["missing.log"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("missing.log"), "{stderr}");
}

#[test]
fn filters_keep_a_window_a_text_or_a_person_and_repeats_are_dropped() {
    let tmp = tmp();
    slack_export(&tmp);
    let day = "export/inc-4521/2025-11-20.json";
    let (_, stdout, _) = import(&tmp, &["--grep", "ROLLED", day]);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.contains("rolled back deploy 8812"));
    let (_, stdout, _) = import(&tmp, &["--from", "sam", day]);
    assert_eq!(
        stdout,
        table(&["| 2025-11-20 14:03:20 | Sam | ↳ on it, see #db-oncall |"])
    );
    let (_, stdout, _) = import(
        &tmp,
        &[
            "--since",
            "2025-11-20T15:02:00+01:00",
            "--until",
            "2025-11-20T14:05:00Z",
            day,
        ],
    );
    assert_eq!(stdout.lines().count(), 2 + 2, "{stdout}");
    // The same file twice: each event once.
    let (_, twice, _) = import(&tmp, &[day, day]);
    let (_, once, _) = import(&tmp, &[day]);
    assert_eq!(twice, once);
    // A time without a zone in --since needs --tz.
    let (code, _, stderr) = import(&tmp, &["--since", "2025-11-20 14:00", day]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--since"), "{stderr}");
}

#[test]
fn pagerduty_log_entries_are_read_with_their_agents_and_links() {
    let tmp = tmp();
    write(
        &tmp,
        "pd.json",
        r#"{"log_entries": [
  {"type": "resolve_log_entry", "created_at": "2026-11-20T15:21:00Z", "summary": "Resolved by Sam Ortiz",
   "agent": {"type": "user_reference", "summary": "Sam Ortiz"}, "html_url": "https://acme.pagerduty.com/incidents/Q1/log_entries/R3"},
  {"type": "acknowledge_log_entry", "created_at": "2026-11-20T16:09:00+02:00", "summary": "Acknowledged by Sam Ortiz",
   "agent": {"type": "user_reference", "summary": "Sam Ortiz"}},
  {"type": "trigger_log_entry", "created_at": "2026-11-20T14:06:00Z", "summary": "Triggered through the API",
   "agent": {"type": "service_reference", "summary": "checkout-api"}},
  {"type": "notify_log_entry", "created_at": "2026-11-20T14:06:05Z", "summary": "Notified Sam Ortiz by SMS"}
]}"#,
    );
    assert_eq!(
        import(&tmp, &["pd.json"]),
        (
            0,
            table(&[
                "| 2026-11-20 14:06:00 | checkout-api | Triggered through the API |",
                "| 2026-11-20 14:06:05 |  | Notified Sam Ortiz by SMS |",
                "| 2026-11-20 14:09:00 | Sam Ortiz | Acknowledged by Sam Ortiz |",
                "| 2026-11-20 15:21:00 | Sam Ortiz | [Resolved by Sam Ortiz](https://acme.pagerduty.com/incidents/Q1/log_entries/R3) |",
            ]),
            String::new()
        )
    );
    write(
        &tmp,
        "pd.json",
        r#"{"log_entries": [{"type": "trigger_log_entry", "created_at": "yesterday"}]}"#,
    );
    assert_eq!(
        import(&tmp, &["pd.json"]),
        (
            2,
            String::new(),
            "error: pd.json: log_entries[0].created_at: not an ISO 8601 time with its zone, such as 2026-11-20T14:02:11Z\n".to_owned()
        )
    );
}

#[test]
fn a_csv_of_events_is_read_by_its_headers_or_the_columns_named() {
    let tmp = tmp();
    write(
        &tmp,
        "events.csv",
        "Created At,Type,Agent,Summary\n\
         2026-11-20 14:06:00,trigger,checkout-api,\"Error rate above 5%, paging\"\n\
         2026-11-20 15:21:00,resolve,Sam Ortiz,Resolved\n\
         ,,,\n",
    );
    assert_eq!(
        import(&tmp, &["--tz", "Europe/Berlin", "events.csv"]),
        (
            0,
            table(&[
                "| 2026-11-20 13:06:00 | checkout-api | Error rate above 5%, paging |",
                "| 2026-11-20 14:21:00 | Sam Ortiz | Resolved |",
            ]),
            String::new()
        )
    );
    write(
        &tmp,
        "ops.csv",
        "at_utc;note\n2026-11-20T14:02:00Z;deploy 8812 starts\n",
    );
    let (code, _, stderr) = import(&tmp, &["ops.csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: ops.csv:1: no time column among at_utc;note: name it with --time-column\n"
    );
    write(
        &tmp,
        "ops.csv",
        "when_utc,note,by\n2026-11-20T14:02:00Z,deploy 8812 starts,dana\n",
    );
    assert_eq!(
        import(
            &tmp,
            &[
                "--time-column",
                "when_utc",
                "--event-column",
                "note",
                "--owner-column",
                "by",
                "ops.csv"
            ]
        ),
        (
            0,
            table(&["| 2026-11-20 14:02:00 | dana | deploy 8812 starts |"]),
            String::new()
        )
    );
    let (code, _, stderr) = import(&tmp, &["--time-column", "stamp", "ops.csv"]);
    assert_eq!(
        (code, stderr.as_str()),
        (
            2,
            "error: ops.csv:1: no column `stamp`; the columns are when_utc, note, by\n"
        )
    );
    write(&tmp, "short.csv", "time,event\n2026-11-20 14:02,x\n,y\n");
    assert_eq!(
        import(&tmp, &["--tz", "UTC", "short.csv"]).2,
        "error: short.csv:3: the row has no time in its column `time`\n"
    );
    write(&tmp, "late.csv", "time,event\n2026-11-20 14:02,x\nsoon,y\n");
    assert_eq!(
        import(&tmp, &["--tz", "UTC", "late.csv"]).2,
        "error: late.csv:3: `soon` is not a time such as 2026-11-20 14:02 or 2026-11-20T14:02:11Z\n"
    );
}

#[test]
fn a_log_of_times_of_day_keeps_its_day_when_the_clock_goes_back_an_hour() {
    let tmp = tmp();
    // 2026-11-01 in Los Angeles: 01:00-02:00 twice. A step back of less
    // than half a day is the same day, read in order.
    write(
        &tmp,
        "la.log",
        "[01:30] a: first\n[01:50] a: first2\n[01:10] a: second\n[01:40] a: second2\n[02:10] a: after\n",
    );
    assert_eq!(
        import(
            &tmp,
            &[
                "--tz",
                "America/Los_Angeles",
                "--date",
                "2026-11-01",
                "la.log"
            ]
        )
        .1,
        table(&[
            "| 2026-11-01 08:30:00 | a | first |",
            "| 2026-11-01 08:50:00 | a | first2 |",
            "| 2026-11-01 09:10:00 | a | second |",
            "| 2026-11-01 09:40:00 | a | second2 |",
            "| 2026-11-01 10:10:00 | a | after |",
        ])
    );
}

#[test]
fn more_line_forms_are_read_and_a_zone_pm_cannot_read_exactly_is_an_error() {
    let tmp = tmp();
    write(
        &tmp,
        "more.log",
        "[14:02]dana: no space\n[14:06] deploy finished without author\n14:09:11 * dana waves\n\
         2026-11-20 14:10:00,456 sam: with milliseconds\n2026-11-20 14:11:00 SRE bot: a name with a space\n",
    );
    assert_eq!(
        import(&tmp, &["--tz", "UTC", "--date", "2026-11-20", "more.log"]),
        (
            0,
            table(&[
                "| 2026-11-20 14:02:00 | dana | no space |",
                "| 2026-11-20 14:06:00 |  | deploy finished without author |",
                "| 2026-11-20 14:09:11 | dana | dana waves |",
                "| 2026-11-20 14:10:00 | sam | with milliseconds |",
                "| 2026-11-20 14:11:00 | SRE bot | a name with a space |",
            ]),
            String::new()
        )
    );
    for (line, zone) in [
        ("2026-11-20 14:06:00 PST c: zone abbr", "PST"),
        ("2026-11-20 14:02:11 +25:00 b: x", "+25:00"),
    ] {
        write(&tmp, "zone.log", format!("{line}\n"));
        assert_eq!(
            import(&tmp, &["--tz", "UTC", "zone.log"]).2,
            format!(
                "error: zone.log:1: `{zone}` is not a zone pm can read exactly: write an offset (+02:00), or leave it out and pass --tz\n"
            )
        );
    }
}

#[test]
fn a_negative_offset_is_a_zone_and_any_case_matches_from() {
    let tmp = tmp();
    write(&tmp, "a.log", "[10:00] Ünal: ÄRGER\n[10:05] sam: ok\n");
    assert_eq!(
        import(
            &tmp,
            &[
                "--tz",
                "-05:00",
                "--date",
                "2026-11-20",
                "--from",
                "ünal",
                "a.log"
            ]
        ),
        (
            0,
            table(&["| 2026-11-20 15:00:00 | Ünal | ÄRGER |"]),
            String::new()
        )
    );
    let (code, _, stderr) = import(
        &tmp,
        &[
            "--tz",
            "UTC",
            "--date",
            "2026-11-20",
            "--since",
            "2026-11-20T11:00:00Z",
            "--until",
            "2026-11-20T10:00:00Z",
            "a.log",
        ],
    );
    assert_eq!(
        (code, stderr.as_str()),
        (
            2,
            "error: --since 2026-11-20T11:00:00+00:00 is after --until 2026-11-20T10:00:00+00:00: no time is in between\n"
        )
    );
}

#[test]
fn a_cell_stays_on_its_row_whatever_the_export_holds() {
    let tmp = tmp();
    write(
        &tmp,
        "users.json",
        r#"[{"id": "U1", "name": "dana", "profile": {"display_name": "Da\nna"}}]"#,
    );
    write(
        &tmp,
        "2025-11-20.json",
        "\u{feff}[{\"type\": \"message\", \"user\": \"U1\", \"text\": \"ping <!subteam^S1|@oncall> \\u001b[31m\", \"ts\": \"1763647200.0\",\n  \"permalink\": \"https://x.test/a)b c|d\"}]",
    );
    assert_eq!(
        import(&tmp, &["2025-11-20.json"]),
        (
            0,
            table(&[
                "| 2025-11-20 14:00:00 | Da na | [ping @oncall  31m](https://x.test/a%29b%20c%7Cd) |"
            ]),
            String::new()
        )
    );
}

#[test]
fn a_broken_users_file_or_a_value_of_the_wrong_type_is_an_error() {
    let tmp = tmp();
    write(&tmp, "export/users.json", "[{\"id\": \"U1\",");
    write(
        &tmp,
        "export/c/2025-11-20.json",
        r#"[{"type": "message", "user": "U1", "text": "x", "ts": "1763647200.0"}]"#,
    );
    let (code, _, stderr) = import(&tmp, &["export/c"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: export/users.json:1: not valid JSON: "),
        "{stderr}"
    );
    std::fs::remove_file(tmp.path().join("export/users.json")).expect("remove users.json");
    for (message, key, why) in [
        (
            r#"{"type": "message", "text": {"a": 1}, "ts": "1763647200.0"}"#,
            "text",
            "not text (a string)",
        ),
        (
            r#"{"type": "message", "user": 123, "text": "x", "ts": "1763647200.0"}"#,
            "user",
            "not a user id (a string)",
        ),
    ] {
        write(&tmp, "export/c/2025-11-20.json", format!("[{message}]"));
        assert_eq!(
            import(&tmp, &["export/c"]).2,
            format!("error: export/c/2025-11-20.json: [0].{key}: {why}\n")
        );
    }
    write(&tmp, "export/c/2025-11-20.json", "not json at all");
    let (code, _, stderr) = import(&tmp, &["export/c"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: export/c/2025-11-20.json:1: not valid JSON: "),
        "{stderr}"
    );
}

/// One incident's traces in every format: the Slack export, PagerDuty's
/// log entries, a CSV of events and a chat log (the last two in Berlin
/// time, which they do not say; the log runs past midnight there, not in
/// UTC). 2025-11-20, 13:55 to 23:50 UTC.
fn incident(tmp: &tempfile::TempDir) {
    slack_export(tmp);
    write(
        tmp,
        "pd.json",
        r#"{"log_entries": [
  {"type": "resolve_log_entry", "created_at": "2025-11-20T23:50:00Z", "summary": "Resolved by Sam Ortiz",
   "agent": {"type": "user_reference", "summary": "Sam Ortiz"}, "html_url": "https://acme.pagerduty.com/incidents/Q1/log_entries/R3"},
  {"type": "acknowledge_log_entry", "created_at": "2025-11-20T15:09:00+01:00", "summary": "Acknowledged by Sam Ortiz",
   "agent": {"type": "user_reference", "summary": "Sam Ortiz"}},
  {"type": "trigger_log_entry", "created_at": "2025-11-20T14:06:00Z", "summary": "Triggered through the API",
   "agent": {"type": "service_reference", "summary": "checkout-api"}}
]}"#,
    );
    write(
        tmp,
        "events.csv",
        "Created At,Type,Agent,Summary\n2025-11-20 15:30:00,,Lee,Status page updated\n",
    );
    write(
        tmp,
        "chat.log",
        "[23:58] dana: pool size raised to 40\n[00:20] sam: error rate back to normal\n",
    );
}

const INCIDENT: &[&str] = &[
    "--tz",
    "Europe/Berlin",
    "export/inc-4521",
    "pd.json",
    "events.csv",
    "chat.log",
];

/// The incident's rows in a table with a column for who.
const WHO_COLUMN: &[&str] = &[
    "| 2025-11-20 14:00:00 | PagerDuty | Triggered #4521: checkout error rate above 5% |",
    "| 2025-11-20 14:02:11 | Dana Kim | Checkout 500s, @Sam can you look? \\<urgent> |",
    "| 2025-11-20 14:03:20 | Sam | ↳ on it, see #db-oncall |",
    "| 2025-11-20 14:06:00 | checkout-api | Triggered through the API |",
    "| 2025-11-20 14:09:00 | Sam Ortiz | Acknowledged by Sam Ortiz |",
    "| 2025-11-20 14:11:40 | Dana Kim | [rolled back deploy 8812 \\| pool at 80](https://acme.slack.com/archives/C1/p1763647900000000) |",
    "| 2025-11-20 14:30:00 | Lee | Status page updated |",
    "| 2025-11-20 22:58:00 | dana | pool size raised to 40 |",
    "| 2025-11-20 23:20:00 | sam | error rate back to normal |",
    "| 2025-11-20 23:50:00 | Sam Ortiz | [Resolved by Sam Ortiz](https://acme.pagerduty.com/incidents/Q1/log_entries/R3) |",
    "| 2025-11-21 00:00:00 | Dana Kim | all clear |",
];

/// The same rows in a table of time and event only: who leads the event.
const EVENT_ONLY: &[&str] = &[
    "| 2025-11-20 14:00:00 | PagerDuty: Triggered #4521: checkout error rate above 5% |",
    "| 2025-11-20 14:02:11 | Dana Kim: Checkout 500s, @Sam can you look? \\<urgent> |",
    "| 2025-11-20 14:03:20 | Sam: ↳ on it, see #db-oncall |",
    "| 2025-11-20 14:06:00 | checkout-api: Triggered through the API |",
    "| 2025-11-20 14:09:00 | Sam Ortiz: Acknowledged by Sam Ortiz |",
    "| 2025-11-20 14:11:40 | Dana Kim: [rolled back deploy 8812 \\| pool at 80](https://acme.slack.com/archives/C1/p1763647900000000) |",
    "| 2025-11-20 14:30:00 | Lee: Status page updated |",
    "| 2025-11-20 22:58:00 | dana: pool size raised to 40 |",
    "| 2025-11-20 23:20:00 | sam: error rate back to normal |",
    "| 2025-11-20 23:50:00 | Sam Ortiz: [Resolved by Sam Ortiz](https://acme.pagerduty.com/incidents/Q1/log_entries/R3) |",
    "| 2025-11-21 00:00:00 | Dana Kim: all clear |",
];

/// The same rows in the sre template's columns: time, event, owner.
const OWNER_LAST: &[&str] = &[
    "| 2025-11-20 14:00:00 | Triggered #4521: checkout error rate above 5% | PagerDuty |",
    "| 2025-11-20 14:02:11 | Checkout 500s, @Sam can you look? \\<urgent> | Dana Kim |",
    "| 2025-11-20 14:03:20 | ↳ on it, see #db-oncall | Sam |",
    "| 2025-11-20 14:06:00 | Triggered through the API | checkout-api |",
    "| 2025-11-20 14:09:00 | Acknowledged by Sam Ortiz | Sam Ortiz |",
    "| 2025-11-20 14:11:40 | [rolled back deploy 8812 \\| pool at 80](https://acme.slack.com/archives/C1/p1763647900000000) | Dana Kim |",
    "| 2025-11-20 14:30:00 | Status page updated | Lee |",
    "| 2025-11-20 22:58:00 | pool size raised to 40 | dana |",
    "| 2025-11-20 23:20:00 | error rate back to normal | sam |",
    "| 2025-11-20 23:50:00 | [Resolved by Sam Ortiz](https://acme.pagerduty.com/incidents/Q1/log_entries/R3) | Sam Ortiz |",
    "| 2025-11-21 00:00:00 | all clear | Dana Kim |",
];

/// `text` from the first line that starts with `first` (which may run
/// over several lines) to the next blank line.
fn block_from(text: &str, first: &str) -> String {
    let start = text
        .find(&format!("\n{first}"))
        .unwrap_or_else(|| panic!("no line starting with {first:?} in:\n{text}"))
        + 1;
    let end = text[start..]
        .find("\n\n")
        .map_or(text.len(), |at| start + at + 1);
    text[start..end].to_owned()
}

#[test]
fn every_format_goes_into_a_draft_of_every_template_once_and_lints_clean() {
    // (template, the timeline's first line before, the table after, where
    // the heading of its section is).
    let cases: [(&str, &str, String, &str); 5] = [
        (
            "standard",
            "| Time (Timezone) | Event Description |",
            format!(
                "| Time (UTC) | Event Description |\n|---|---|\n{}\n",
                EVENT_ONLY.join("\n")
            ),
            "2. Timeline of Events",
        ),
        (
            "detailed",
            "| Time | Event |",
            format!(
                "| Time (UTC) | Event |\n|---|---|\n{}\n",
                EVENT_ONLY.join("\n")
            ),
            "Timeline",
        ),
        (
            "lifecycle",
            "| Time | Event |\n|---|---|\n|  |  |",
            format!(
                "| Time (UTC) | Event |\n|---|---|\n{}\n",
                EVENT_ONLY.join("\n")
            ),
            "Detection Timeline",
        ),
        (
            "report",
            "",
            format!(
                "| Time (UTC) | Who | Event |\n|---|---|---|\n{}\n",
                WHO_COLUMN.join("\n")
            ),
            "Timeline",
        ),
        (
            "sre",
            "| Timestamp (UTC) | Event | Owner |",
            format!(
                "| Timestamp (UTC) | Event | Owner |\n|---|---|---|\n{}\n",
                OWNER_LAST.join("\n")
            ),
            "3. Response Timeline",
        ),
    ];
    for (template, old_first, want, section) in cases {
        let tmp = tmp();
        incident(&tmp);
        let file = format!("{template}.md");
        let new = run(pm(&tmp).args([
            "new",
            "--no-input",
            "--template",
            template,
            "--title",
            "Checkout outage",
            "--severity",
            "SEV-2",
            "--date",
            "2025-11-20",
            "-o",
            &file,
        ]));
        assert_eq!(new.code, 0, "{template}: {}", new.stderr);
        let path = tmp.path().join(&file);
        // The responder writes when it began; the rest comes from the traces.
        let draft = std::fs::read_to_string(&path)
            .expect("the draft")
            .replace("started_at: null", "started_at: 2025-11-20T13:55:00Z");
        std::fs::write(&path, &draft).expect("write");
        let mut args = vec!["--into", file.as_str()];
        args.extend(INCIDENT);
        let replaced = match template {
            "standard" => " (in place of 4 rows of the template)",
            "detailed" | "sre" => " (in place of 8 rows of the template)",
            "lifecycle" => " (in place of 1 row of the template)",
            _ => "",
        };
        let table = if template == "report" {
            "a new timeline table"
        } else {
            "the timeline"
        };
        assert_eq!(
            import(&tmp, &args),
            (
                0,
                String::new(),
                format!(
                    "{file}: added 11 rows to {table} under `{section}`{replaced}.\n\
                     {file}: set `detected_at: 2025-11-20T14:06:00Z` (when the page was triggered).\n\
                     {file}: set `resolved_at: 2025-11-20T23:50:00Z` (when the incident was resolved).\n\
                     {file}: set `duration: 9h 55m` (resolved_at minus started_at).\n"
                )
            ),
            "{template}"
        );
        let after = std::fs::read_to_string(&path).expect("the postmortem");
        // Exactly this changed: the three times, and the template's rows
        // became the incident's (the report's table is new, after its list).
        let mut expected = draft
            .replace("detected_at: null", "detected_at: 2025-11-20T14:06:00Z")
            .replace("resolved_at: null", "resolved_at: 2025-11-20T23:50:00Z")
            .replace("duration: null", "duration: 9h 55m");
        if template == "report" {
            expected = expected.replace(
                "\n## Impact Assessment",
                &format!("\n{want}\n## Impact Assessment"),
            );
        } else {
            let old = block_from(&draft, old_first);
            expected = expected.replacen(&old, &want, 1);
        }
        assert_eq!(after, expected, "{template}");
        // Again: nothing is added twice.
        assert_eq!(
            import(&tmp, &args),
            (
                0,
                String::new(),
                format!("{file}: nothing to add: all 11 events are already in its timeline.\n")
            ),
            "{template}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), after);
        let lint = common::lint::lint(&tmp, &[&file]);
        for rule in ["PM301", "PM302", "PM303"] {
            assert_eq!(lint.findings_of(rule), Vec::<&str>::new(), "{template}");
        }
        let stats = run(pm(&tmp).args(["stats", "--format", "json", &file]));
        let stats: serde_json::Value = serde_json::from_str(&stats.stdout).expect("JSON");
        assert_eq!(
            (
                &stats["time_to_detect"][0]["median_minutes"],
                &stats["time_to_resolve"][0]["median_minutes"]
            ),
            (&serde_json::json!(11.0), &serde_json::json!(595.0)),
            "{template}"
        );
    }
}
