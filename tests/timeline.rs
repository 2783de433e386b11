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
        "| 2025-11-20 14:02:11 | Dana Kim | Checkout 500s, @Sam can you look? \\<urgent> second line |",
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
    // Into a draft: in UTC and in order, which PM301 accepts.
    let new = run(pm(&tmp).args(["new", "--no-input", "--date", "2026-11-01", "-o", "dst.md"]));
    assert_eq!(new.code, 0, "{}", new.stderr);
    import(
        &tmp,
        &[
            "--into",
            "dst.md",
            "--tz",
            "America/Los_Angeles",
            "fallback.log",
        ],
    );
    let text = std::fs::read_to_string(tmp.path().join("dst.md")).expect("read");
    assert_eq!(
        block_from(&text, "| Time (UTC)"),
        "| Time (UTC) | Event Description |\n|---|---|\n\
         | 2026-11-01 07:50:00 | dana: error rate rising |\n\
         | 2026-11-01 08:40:00 | sam: failing over |\n\
         | 2026-11-01 09:10:00 | dana: failover done (after the clocks went back) |\n\
         | 2026-11-01 10:15:00 | sam: all clear |\n"
    );
    assert_eq!(
        common::lint::lint(&tmp, &["dst.md"]).findings_of("PM301"),
        Vec::<&str>::new()
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
    "| 2025-11-20 14:02:11 | Dana Kim | Checkout 500s, @Sam can you look? \\<urgent> second line |",
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
    "| 2025-11-20 14:02:11 | Dana Kim: Checkout 500s, @Sam can you look? \\<urgent> second line |",
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
    "| 2025-11-20 14:02:11 | Checkout 500s, @Sam can you look? \\<urgent> second line | Dana Kim |",
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

/// A postmortem of another hand: no front matter, its day and zone in the
/// text, rows of a time of day.
const ARCHIVED: &str = "# Checkout outage\n\nDate: 2025-11-20\n\n## Timeline\n\nAll times in PST.\n\n\
    | Time | What happened |\n|------|---------------|\n| 05:58 | Deploy 8812 started |\n\
    | 06:30 | Dana wrote the summary |\n\n## Root cause\n\nPool too small.\n";

#[test]
fn rows_of_another_hand_are_kept_and_the_stated_zone_reads_and_writes_the_times() {
    let tmp = tmp();
    write(&tmp, "old.md", ARCHIVED);
    // No --tz and no --date: the postmortem says PST and 2025-11-20.
    write(
        &tmp,
        "bridge.log",
        "[06:02] dana: checkout 500s\n[06:20] sam: rolled back deploy 8812\n[09:00] dana: lunch\n",
    );
    let want = ARCHIVED.replace(
        "| 06:30 | Dana wrote the summary |",
        "| 2025-11-20 06:02:00 | dana: checkout 500s |\n\
         | 2025-11-20 06:20:00 | sam: rolled back deploy 8812 |\n\
         | 06:30 | Dana wrote the summary |\n\
         | 2025-11-20 09:00:00 | dana: lunch |",
    );
    assert_eq!(
        import(&tmp, &["--into", "old.md", "bridge.log"]),
        (
            0,
            String::new(),
            "old.md: added 3 rows to the timeline under `Timeline`.\n".to_owned()
        )
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("old.md")).expect("read"),
        want
    );
    let lint = common::lint::lint(&tmp, &["old.md"]);
    assert_eq!(lint.findings_of("PM301"), Vec::<&str>::new());
    // A row a person edited after the import is theirs: kept, and the event
    // is not added again where its link is in the row.
    write(
        &tmp,
        "pd.json",
        r#"[{"type": "trigger_log_entry", "created_at": "2025-11-20T14:06:00Z", "summary": "Triggered",
  "html_url": "https://acme.pagerduty.com/incidents/Q1/log_entries/R1"}]"#,
    );
    import(&tmp, &["--into", "old.md", "pd.json"]);
    let edited = std::fs::read_to_string(tmp.path().join("old.md"))
        .expect("read")
        .replace("| Triggered](", "| Paged: checkout error rate](")
        .replace("[Triggered](", "[Paged: checkout error rate](");
    write(&tmp, "old.md", &edited);
    assert!(edited.contains("| 2025-11-20 06:06:00 | [Paged: checkout error rate](https://acme.pagerduty.com/incidents/Q1/log_entries/R1) |"), "{edited}");
    assert_eq!(
        import(&tmp, &["--into", "old.md", "pd.json", "bridge.log"]),
        (
            0,
            String::new(),
            "old.md: nothing to add: all 4 events are already in its timeline.\n".to_owned()
        )
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("old.md")).expect("read"),
        edited
    );
}

#[test]
fn where_nothing_states_the_zone_each_new_time_says_utc() {
    let tmp = tmp();
    let doc = "---\ndate: 2025-11-20\n---\n# Outage\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 14:00 | Deploy 8812 started |\n";
    write(&tmp, "a.md", doc);
    write(
        &tmp,
        "chat.log",
        "2025-11-20T14:02:00Z dana: checkout 500s\n",
    );
    assert_eq!(import(&tmp, &["--into", "a.md", "chat.log"]).0, 0);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        format!("{doc}| 2025-11-20 14:02:00 UTC | dana: checkout 500s |\n")
    );
    // --stdout: the rows in the postmortem's columns, and nothing written.
    write(&tmp, "more.log", "2025-11-20T14:09:00Z sam: rolled back\n");
    let before = std::fs::read_to_string(tmp.path().join("a.md")).expect("read");
    assert_eq!(
        import(&tmp, &["--into", "a.md", "--stdout", "more.log"]),
        (
            0,
            "| Time | Event |\n|---|---|\n| 2025-11-20 14:09:00 UTC | sam: rolled back |\n"
                .to_owned(),
            String::new()
        )
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        before
    );
}

#[test]
fn a_section_picks_the_timeline_and_a_postmortem_without_one_is_an_error() {
    let tmp = tmp();
    let doc = "# Outage\n\nDate: 2025-11-20\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 14:00 | Deploy started |\n\n\
               ## Communication\n\n### Communication Timeline\n\n| Time (UTC) | Channel | Message |\n|---|---|---|\n\n## Root cause\n\nPool.\n";
    write(&tmp, "a.md", doc);
    write(&tmp, "chat.log", "[14:05] dana: status page posted\n");
    assert_eq!(
        import(
            &tmp,
            &[
                "--into",
                "a.md",
                "--section",
                "communication timeline",
                "chat.log"
            ]
        ),
        (
            0,
            String::new(),
            "a.md: added 1 row to the timeline under `Communication Timeline`.\n".to_owned()
        )
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        doc.replace(
            "| Channel | Message |\n|---|---|---|\n",
            "| Channel | Message |\n|---|---|---|\n| 2025-11-20 14:05:00 |  | dana: status page posted |\n"
        )
    );
    assert_eq!(
        import(&tmp, &["--into", "a.md", "--section", "Lessons", "chat.log"]),
        (
            2,
            String::new(),
            "error: a.md: no heading `Lessons`; its timeline tables are under `Timeline`, `Communication Timeline`\n".to_owned()
        )
    );
    write(&tmp, "b.md", "# Outage\n\n## Root cause\n\nPool.\n");
    assert_eq!(
        import(&tmp, &["--into", "b.md", "--tz", "UTC", "--date", "2025-11-20", "chat.log"]),
        (
            2,
            String::new(),
            "error: b.md: no timeline table and no Timeline section to put one in; add a `## Timeline` heading where it belongs, or give --section\n".to_owned()
        )
    );
    let (code, _, stderr) = import(&tmp, &["--into", "missing.md", "chat.log"]);
    assert_eq!(
        (code, stderr.starts_with("error: missing.md: ")),
        (2, true),
        "{stderr}"
    );
}

#[test]
fn pager_times_fill_only_what_is_empty_and_never_break_the_order() {
    let tmp = tmp();
    write(
        &tmp,
        "pd.json",
        r#"[{"type": "notify_log_entry", "created_at": "2025-11-20T10:00:00Z", "summary": "Test page"},
  {"type": "trigger_log_entry", "created_at": "2025-11-20T14:06:00Z", "summary": "Triggered"},
  {"type": "resolve_log_entry", "created_at": "2025-11-20T15:21:00Z", "summary": "Resolved"}]"#,
    );
    let window = "note: left out 1 event outside the incident, from an hour before it started to an hour after it was resolved (give --since or --until to choose).";
    // detected_at already written stays; resolved_at, absent, is said.
    let doc = "---\ndate: 2025-11-20\nstarted_at: 2025-11-20T13:55:00Z\ndetected_at: 2025-11-20T14:01:00Z\n---\n# Outage\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n";
    write(&tmp, "a.md", doc);
    assert_eq!(
        import(&tmp, &["--into", "a.md", "pd.json"]),
        (
            0,
            String::new(),
            format!(
                "a.md: {window}\n\
                 a.md: added 2 rows to the timeline under `Timeline`.\n\
                 a.md: note: `resolved_at` is not in the front matter: add `resolved_at: 2025-11-20T15:21:00Z` (when the incident was resolved).\n"
            )
        )
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        format!("{doc}| 2025-11-20 14:06:00 | Triggered |\n| 2025-11-20 15:21:00 | Resolved |\n")
    );
    // A page before the start it would detect is not written.
    let doc = "---\ndate: 2025-11-20\nstarted_at: 2025-11-20T14:30:00Z\ndetected_at: ~\nresolved_at: \"\"\nduration:\n---\n# Outage\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n";
    write(&tmp, "b.md", doc);
    assert_eq!(
        import(&tmp, &["--into", "b.md", "pd.json"]),
        (
            0,
            String::new(),
            format!(
                "b.md: {window}\n\
                 b.md: added 2 rows to the timeline under `Timeline`.\n\
                 b.md: set `resolved_at: 2025-11-20T15:21:00Z` (when the incident was resolved).\n\
                 b.md: set `duration: 51m` (resolved_at minus started_at).\n\
                 b.md: note: `detected_at` is left empty: 2025-11-20T14:06:00Z, when the page was triggered, is before `started_at`.\n"
            )
        )
    );
    assert!(
        std::fs::read_to_string(tmp.path().join("b.md"))
            .expect("read")
            .starts_with("---\ndate: 2025-11-20\nstarted_at: 2025-11-20T14:30:00Z\ndetected_at: ~\nresolved_at: 2025-11-20T15:21:00Z\nduration: 51m\n---\n")
    );
}

#[test]
fn line_endings_a_byte_order_mark_and_a_read_only_file_are_respected() {
    let tmp = tmp();
    write(
        &tmp,
        "chat.log",
        "2025-11-20T14:02:00Z dana: checkout 500s\n",
    );
    let doc = "\u{feff}# Outage\r\n\r\nDate: 2025-11-20\r\n\r\n## Timeline\r\n\r\n| Time (UTC) | Event |\r\n|---|---|\r\n| 14:00 | Deploy |\r\n\r\n## Root cause\r\n";
    write(&tmp, "a.md", doc);
    assert_eq!(import(&tmp, &["--into", "a.md", "chat.log"]).0, 0);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        doc.replace(
            "| 14:00 | Deploy |\r\n",
            "| 14:00 | Deploy |\r\n| 2025-11-20 14:02:00 | dana: checkout 500s |\r\n"
        )
    );
    write(
        &tmp,
        "b.md",
        "# Outage\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n",
    );
    let path = tmp.path().join("b.md");
    let mut permissions = std::fs::metadata(&path).expect("stat").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).expect("chmod");
    assert_eq!(
        import(&tmp, &["--into", "b.md", "chat.log"]),
        (
            2,
            String::new(),
            "error: b.md: it is read-only; make it writable to import into it\n".to_owned()
        )
    );
}

#[test]
fn pm_new_scaffolds_the_postmortem_with_its_timeline_on_the_day_of_its_first_event() {
    let tmp = tmp();
    write(
        &tmp,
        "pd.json",
        r#"[{"type": "trigger_log_entry", "created_at": "2025-11-20T23:56:00Z", "summary": "Triggered"},
  {"type": "resolve_log_entry", "created_at": "2025-11-21T00:31:00Z", "summary": "Resolved"}]"#,
    );
    let new = run(pm(&tmp).args([
        "new",
        "--no-input",
        "--template",
        "sre",
        "--title",
        "Checkout outage",
        "--timeline",
        "pd.json",
    ]));
    let path = "docs/postmortems/2025-11-20-checkout-outage.md";
    assert_eq!(
        (new.code, new.stdout.as_str(), new.stderr.as_str()),
        (
            0,
            format!("{path}\n").as_str(),
            format!(
                "{path}: added 2 rows to the timeline under `3. Response Timeline` (in place of 8 rows of the template).\n\
                 {path}: set `detected_at: 2025-11-20T23:56:00Z` (when the page was triggered).\n\
                 {path}: set `resolved_at: 2025-11-21T00:31:00Z` (when the incident was resolved).\n"
            )
            .as_str()
        )
    );
    let text = std::fs::read_to_string(tmp.path().join(path)).expect("read");
    assert!(
        text.contains("incident_id: INC-2025-0001\ndate: \"2025-11-20\"\n"),
        "{text}"
    );
    assert!(
        text.contains("detected_at: 2025-11-20T23:56:00Z\nresolved_at: 2025-11-21T00:31:00Z\n"),
        "{text}"
    );
    assert_eq!(
        block_from(&text, "| Timestamp (UTC)"),
        "| Timestamp (UTC) | Event | Owner |\n|---|---|---|\n\
         | 2025-11-20 23:56:00 | Triggered |  |\n\
         | 2025-11-21 00:31:00 | Resolved |  |\n"
    );
    // A log without a zone, in a template that states none, needs --tz.
    write(&tmp, "chat.log", "2025-11-20 14:02 dana: hi\n");
    let before = common::paths(tmp.path());
    let new = run(pm(&tmp).args(["new", "--no-input", "--timeline", "chat.log"]));
    assert_eq!(new.code, 2);
    assert!(
        new.stderr
            .starts_with("error: chat.log:1: the times of this log carry no zone"),
        "{}",
        new.stderr
    );
    assert_eq!(common::paths(tmp.path()), before, "nothing written");
}

#[test]
fn pagerduty_log_entries_as_csv_mark_the_page_and_fill_the_times() {
    let tmp = tmp();
    // As PagerDuty's own script writes an incident's log entries.
    write(
        &tmp,
        "pd.csv",
        "IncidentID,Created-At,Type,Agent/User,NotificationType,ChannelType,Summary\n\
         PX1,2025-11-20T14:06:00Z,trigger_log_entry,checkout-api,,api,Triggered through the API\n\
         PX1,2025-11-20T14:06:05Z,notify_log_entry,Sam Ortiz,sms,,Notified Sam Ortiz by SMS\n\
         PX1,2025-11-20T14:07:00Z,acknowledge_log_entry,Sam Ortiz,,web,Acknowledged by Sam Ortiz\n\
         PX1,2025-11-20T14:20:00Z,unacknowledge_log_entry,,,timeout,Unacknowledged after timeout\n\
         PX1,2025-11-20T15:21:00Z,resolve_log_entry,Sam Ortiz,,web,Resolved by Sam Ortiz\n",
    );
    let doc = "---\ndate: 2025-11-20\nstarted_at: 2025-11-20T13:55:00Z\ndetected_at:\nresolved_at:\n---\n# Outage\n\n## Timeline\n\n| Time (UTC) | Event | Who |\n|---|---|---|\n";
    write(&tmp, "a.md", doc);
    assert_eq!(
        import(&tmp, &["--into", "a.md", "pd.csv"]),
        (
            0,
            String::new(),
            "a.md: added 5 rows to the timeline under `Timeline`.\n\
             a.md: set `detected_at: 2025-11-20T14:06:00Z` (when the page was triggered).\n\
             a.md: set `resolved_at: 2025-11-20T15:21:00Z` (when the incident was resolved).\n"
                .to_owned()
        )
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        doc.replace("detected_at:\n", "detected_at: 2025-11-20T14:06:00Z\n")
            .replace("resolved_at:\n", "resolved_at: 2025-11-20T15:21:00Z\n")
            + "| 2025-11-20 14:06:00 | Triggered through the API | checkout-api |\n\
               | 2025-11-20 14:06:05 | Notified Sam Ortiz by SMS | Sam Ortiz |\n\
               | 2025-11-20 14:07:00 | Acknowledged by Sam Ortiz | Sam Ortiz |\n\
               | 2025-11-20 14:20:00 | Unacknowledged after timeout |  |\n\
               | 2025-11-20 15:21:00 | Resolved by Sam Ortiz | Sam Ortiz |\n"
    );
    // An unacknowledgement is no acknowledgement: it detects nothing.
    write(
        &tmp,
        "timeout.csv",
        "Created-At,Type,Summary\n2025-11-20T14:20:00Z,unacknowledge_log_entry,Unacknowledged after timeout\n",
    );
    write(&tmp, "b.md", doc);
    assert_eq!(
        import(&tmp, &["--into", "b.md", "timeout.csv"]),
        (
            0,
            String::new(),
            "b.md: added 1 row to the timeline under `Timeline`.\n".to_owned()
        )
    );
}

/// Imports `files` into `doc` (written as a.md): exit code, stderr, and
/// the file afterwards.
fn into(tmp: &tempfile::TempDir, doc: &str, args: &[&str]) -> (i32, String, String) {
    write(tmp, "a.md", doc);
    let mut all = vec!["--into", "a.md"];
    all.extend(args);
    let (code, _, stderr) = import(tmp, &all);
    let after = std::fs::read_to_string(tmp.path().join("a.md")).expect("read");
    (code, stderr, after)
}

const FM: &str = "---\ndate: 2026-11-20\n---\n";

#[test]
fn only_rows_of_nothing_but_stand_ins_are_the_templates_and_action_items_are_no_timeline() {
    let tmp = tmp();
    write(
        &tmp,
        "c.log",
        "2026-11-20 14:02:11 dana: deploy | started\n",
    );
    // A person's text holding a stand-in is theirs.
    let rows = "| HH:MM | Dana restarted the primary database (exact time TBD) |\n\
                | TBD | Customer first reported the issue, ticket [link] |\n";
    let doc = format!(
        "{FM}## Timeline\n\n| Time | Event |\n|---|---|\n{rows}| [time] | [what happened] |\n"
    );
    assert_eq!(
        into(&tmp, &doc, &["--tz", "UTC", "c.log"]),
        (
            0,
            "a.md: added 1 row to the timeline under `Timeline` (in place of 1 row of the template).\n".to_owned(),
            format!("{FM}## Timeline\n\n| Time | Event |\n|---|---|\n{rows}| 2026-11-20 14:02:11 UTC | dana: deploy \\| started |\n")
        )
    );
    // A Timeline section with no table gets one, not the action items.
    let actions = "## Action items\n\n| Date | Owner | Action |\n|---|---|---|\n| 2026-12-01 | dana | Add alert |\n";
    let doc = format!("{FM}## Timeline\n\nWe have not written it yet.\n\n{actions}");
    assert_eq!(
        into(&tmp, &doc, &["--tz", "UTC", "c.log"]),
        (
            0,
            "a.md: added 1 row to a new timeline table under `Timeline`.\n".to_owned(),
            format!(
                "{FM}## Timeline\n\nWe have not written it yet.\n\n| Time (UTC) | Who | Event |\n|---|---|---|\n\
                 | 2026-11-20 14:02:11 | dana | deploy \\| started |\n\n{actions}"
            )
        )
    );
    let doc = format!("{FM}# Outage\n\n{actions}");
    assert_eq!(
        into(&tmp, &doc, &["--tz", "UTC", "c.log"]),
        (
            2,
            "error: a.md: no timeline table and no Timeline section to put one in; add a `## Timeline` heading where it belongs, or give --section\n".to_owned(),
            doc.clone()
        )
    );
}

#[test]
fn a_link_counts_whole_and_a_quoted_table_is_not_doubled() {
    let tmp = tmp();
    write(
        &tmp,
        "pd.json",
        r#"[{"type":"trigger_log_entry","created_at":"2026-11-20T14:05:00Z","summary":"Triggered","html_url":"https://pd.example/incidents/Q1"},
 {"type":"annotate_log_entry","created_at":"2026-11-20T14:07:00Z","summary":"Note added","html_url":"https://pd.example/incidents/Q1/log_entries/R2"}]"#,
    );
    let doc = format!("{FM}## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n");
    let (_, _, after) = into(&tmp, &doc, &["--grep", "note", "pd.json"]);
    import(&tmp, &["--into", "a.md", "pd.json"]);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        format!(
            "{after}| 2026-11-20 14:05:00 | [Triggered](https://pd.example/incidents/Q1) |\n"
        )
        .replace(
            "| 2026-11-20 14:07:00 | [Note added](https://pd.example/incidents/Q1/log_entries/R2) |\n| 2026-11-20 14:05:00 | [Triggered](https://pd.example/incidents/Q1) |\n",
            "| 2026-11-20 14:05:00 | [Triggered](https://pd.example/incidents/Q1) |\n| 2026-11-20 14:07:00 | [Note added](https://pd.example/incidents/Q1/log_entries/R2) |\n"
        )
    );
    write(&tmp, "c.log", "2026-11-20 14:02:11 dana: deploy started\n");
    let quoted = format!(
        "{FM}\n## Timeline\n\n> | Time (UTC) | Event |\n> |---|---|\n> | 14:00 | a |\n\n## Next\n"
    );
    let want = quoted.replace(
        "> | 14:00 | a |\n",
        "> | 14:00 | a |\n> | 2026-11-20 14:02:11 | dana: deploy started |\n",
    );
    assert_eq!(into(&tmp, &quoted, &["c.log"]).2, want);
    assert_eq!(
        import(&tmp, &["--into", "a.md", "c.log"]).2,
        "a.md: nothing to add: the event is already in its timeline.\n"
    );
}

#[test]
fn the_zone_is_the_timelines_own_not_a_word_elsewhere() {
    let tmp = tmp();
    write(&tmp, "c.log", "2026-11-20 14:02:11 dana: deploy started\n");
    // `load times in IST` is about load times; `est.` is an estimate.
    let doc = format!(
        "{FM}## Timeline\n\n| Time | Event |\n|---|---|\n| 14:00 | a |\n\n## Impact\n\nPage load times in IST spiked.\n"
    );
    assert_eq!(
        into(&tmp, &doc, &["--tz", "UTC", "c.log"]).2,
        doc.replace(
            "| 14:00 | a |\n",
            "| 14:00 | a |\n| 2026-11-20 14:02:11 UTC | dana: deploy started |\n"
        )
    );
    let doc = format!("{FM}## Timeline\n\n| Time (est.) | Event |\n|---|---|\n|  |  |\n");
    assert_eq!(
        into(&tmp, &doc, &["--tz", "UTC", "c.log"]).2,
        format!(
            "{FM}## Timeline\n\n| Time (est.) | Event |\n|---|---|\n| 2026-11-20 14:02:11 UTC | dana: deploy started |\n"
        )
    );
    // A zone's name, with its daylight saving: Berlin is UTC+1 in November;
    // the log without a zone is read in it too.
    write(&tmp, "berlin.log", "2026-11-20 15:10:00 sam: rolled back\n");
    let doc = format!(
        "{FM}## Timeline\n\nAll times in Europe/Berlin.\n\n| Time | Event |\n|---|---|\n|  |  |\n"
    );
    assert_eq!(
        into(&tmp, &doc, &["c.log", "berlin.log"]).2,
        doc.replace(
            "|  |  |\n",
            "| 2026-11-20 14:02:11 | dana: deploy started |\n| 2026-11-20 15:10:00 | sam: rolled back |\n"
        )
    );
    // --stdout shows what --into writes: here a new table in PST.
    write(&tmp, "a.md", format!("{FM}## Timeline (PST)\n\nTBD\n"));
    write(&tmp, "z.log", "2026-11-20T14:05:00Z pager: triggered\n");
    assert_eq!(
        import(&tmp, &["--into", "a.md", "--stdout", "z.log"]),
        (
            0,
            "| Time | Who | Event |\n|---|---|---|\n| 2026-11-20 06:05:00 | pager | triggered |\n"
                .to_owned(),
            String::new()
        )
    );
    // A header is relabelled only where it has room to say UTC.
    for (header, after) in [
        ("Date & Time", "Date & Time (UTC)"),
        ("**Time**", "**Time** (UTC)"),
        ("Time (Timezone)", "Time (UTC)"),
        ("Time (local)", "Time (local)"),
    ] {
        let doc = format!("{FM}## Timeline\n\n| {header} | Event |\n|---|---|\n|  |  |\n");
        let (_, _, text) = into(&tmp, &doc, &["z.log"]);
        let suffix = if header == after { " UTC" } else { "" };
        assert_eq!(
            text,
            format!(
                "{FM}## Timeline\n\n| {after} | Event |\n|---|---|\n| 2026-11-20 14:05:00{suffix} | pager: triggered |\n"
            ),
            "{header}"
        );
    }
}

#[test]
fn rows_keep_their_day_their_columns_and_a_closing_line_its_place() {
    let tmp = tmp();
    write(
        &tmp,
        "c.log",
        "2026-11-19 23:30:00 dana: paged the night before\n2026-11-20 09:30:00 lee: mid event\n",
    );
    // A dated row above a time of day alone would move it to its day:
    // the row gets its own date, inside its emphasis.
    let doc = format!(
        "{FM}\n## Timeline\n\n| Time | Event |\n|---|---|\n| **09:00** | a |\n| 10:00 | b |\n"
    );
    let (code, stderr, after) = into(&tmp, &doc, &["--tz", "UTC", "c.log"]);
    assert_eq!(
        (code, stderr.as_str()),
        (
            0,
            "a.md: added 2 rows to the timeline under `Timeline` (1 row given its date, to keep its day).\n"
        )
    );
    assert_eq!(
        after,
        format!(
            "{FM}\n## Timeline\n\n| Time | Event |\n|---|---|\n\
             | 2026-11-19 23:30:00 UTC | dana: paged the night before |\n\
             | **2026-11-20 09:00** | a |\n\
             | 2026-11-20 09:30:00 UTC | lee: mid event |\n\
             | 10:00 | b |\n"
        )
    );
    assert_eq!(
        common::lint::lint(&tmp, &["a.md"]).findings_of("PM301"),
        Vec::<&str>::new()
    );
    // The day and the time in columns of their own, sorted among the rows.
    let doc = format!(
        "{FM}## Timeline\n\n| Date | Time (UTC) | Event |\n|---|---|---|\n| 2026-11-20 | 09:00 | a |\n| 2026-11-20 | 10:00 | b |\n"
    );
    assert_eq!(
        into(&tmp, &doc, &["c.log"]).2,
        format!(
            "{FM}## Timeline\n\n| Date | Time (UTC) | Event |\n|---|---|---|\n\
             | 2026-11-19 | 23:30:00 | dana: paged the night before |\n\
             | 2026-11-20 | 09:00 | a |\n\
             | 2026-11-20 | 09:30:00 | lee: mid event |\n\
             | 2026-11-20 | 10:00 | b |\n"
        )
    );
    assert_eq!(
        import(&tmp, &["--into", "a.md", "c.log"]).2,
        "a.md: nothing to add: all 2 events are already in its timeline.\n"
    );
    // A line of text closing the table stays last.
    let doc = format!(
        "{FM}## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 09:00 | a |\n**Total:** 40m\n\n## Next\n"
    );
    assert_eq!(
        into(&tmp, &doc, &["c.log"]).2,
        doc.replace(
            "| 09:00 | a |\n",
            "| 2026-11-19 23:30:00 | dana: paged the night before |\n| 2026-11-20 09:00 | a |\n| 2026-11-20 09:30:00 | lee: mid event |\n"
        )
    );
}

#[test]
fn the_pager_never_writes_a_time_out_of_order_and_a_comment_stays() {
    let tmp = tmp();
    write(
        &tmp,
        "pd.json",
        r#"[{"type":"trigger_log_entry","created_at":"2026-11-20T14:05:00Z","summary":"Triggered"},
 {"type":"resolve_log_entry","created_at":"2026-11-20T14:40:00Z","summary":"Resolved"}]"#,
    );
    let table = "## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n";
    let doc = format!(
        "---\ndate: 2026-11-20\nstarted_at: 2026-11-20T13:50:00Z\ndetected_at:\nresolved_at: 2026-11-20T14:02:00Z\n---\n{table}"
    );
    let (_, stderr, after) = into(&tmp, &doc, &["pd.json"]);
    assert_eq!(
        stderr,
        "a.md: added 2 rows to the timeline under `Timeline`.\n\
         a.md: note: `detected_at` is left empty: 2026-11-20T14:05:00Z, when the page was triggered, is after `resolved_at`.\n"
    );
    assert!(
        after
            .starts_with("---\ndate: 2026-11-20\nstarted_at: 2026-11-20T13:50:00Z\ndetected_at:\n")
    );
    // A comment after an empty value, in YAML and in TOML, is kept.
    let doc = format!(
        "---\ndate: 2026-11-20\nstarted_at: 2026-11-20T13:50:00Z\ndetected_at: # the page\nresolved_at: \"\" # fill me\nduration: ~ #\n---\n{table}"
    );
    assert!(
        into(&tmp, &doc, &["pd.json"]).2.starts_with(
            "---\ndate: 2026-11-20\nstarted_at: 2026-11-20T13:50:00Z\ndetected_at: 2026-11-20T14:05:00Z # the page\nresolved_at: 2026-11-20T14:40:00Z # fill me\nduration: 50m #\n---\n"
        )
    );
    let doc = format!(
        "+++\ndate = 2026-11-20\nstarted_at = 2026-11-20T13:50:00Z\nresolved_at = \"\" # fill me\n+++\n{table}"
    );
    assert!(
        into(&tmp, &doc, &["pd.json"])
            .2
            .starts_with("+++\ndate = 2026-11-20\nstarted_at = 2026-11-20T13:50:00Z\nresolved_at = \"2026-11-20T14:40:00Z\" # fill me\n+++\n")
    );
    // A front matter that cannot be read is said, not taken for one without
    // the keys.
    let doc = format!("---\ntitle: [broken\ndetected_at:\n---\n{table}");
    assert_eq!(
        into(&tmp, &doc, &["pd.json"]).1,
        "a.md: added 2 rows to the timeline under `Timeline`.\n\
         a.md: note: the front matter cannot be read (`pm lint` says why): `detected_at` and `resolved_at` are not set.\n"
    );
    // A Slack time past what any calendar shows is an error, not a crash.
    write(
        &tmp,
        "slk/ch/2026-11-20.json",
        r#"[{"type":"message","user":"U1","text":"x","ts":"8210266876799"}]"#,
    );
    assert_eq!(into(&tmp, &format!("{FM}{table}"), &["slk/ch"]).0, 2);
}

#[test]
fn one_event_from_two_files_is_one_row_and_a_message_of_lines_is_one_line() {
    let tmp = tmp();
    // PagerDuty's entries as CSV, then as JSON with their links.
    write(
        &tmp,
        "pd.csv",
        "IncidentID,Created-At,Type,Agent/User,Summary\nP1,2025-11-20T14:06:00Z,trigger,checkout-api,Triggered through the API\n",
    );
    write(
        &tmp,
        "pd.json",
        r#"[{"type": "trigger_log_entry", "created_at": "2025-11-20T14:06:00Z", "summary": "Triggered through the API",
  "agent": {"summary": "checkout-api"}, "html_url": "https://pd.example/log/1"}]"#,
    );
    let doc = format!("{FM}## Timeline\n\n| Time (UTC) | Who | Event |\n|---|---|---|\n");
    let row = "| 2025-11-20 14:06:00 | checkout-api | [Triggered through the API](https://pd.example/log/1) |\n";
    // In one run the copy with the link is kept; across runs, no second row.
    assert_eq!(
        into(&tmp, &doc, &["pd.csv", "pd.json"]).2,
        format!("{doc}{row}")
    );
    let (_, _, once) = into(&tmp, &doc, &["pd.csv"]);
    assert_eq!(
        import(&tmp, &["--into", "a.md", "pd.json"]).2,
        "a.md: nothing to add: the event is already in its timeline.\n"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("a.md")).expect("read"),
        once
    );
    // Lines joined; backslashes Markdown would read as escapes kept.
    write(
        &tmp,
        "slack/2025-11-20.json",
        r#"[{"type": "message", "user": "U1", "text": "Root cause:\nthe migration locked orders", "ts": "1763647331.0"},
  {"type": "message", "user": "U1", "text": "a|b \\|z in C:\\temp\\", "ts": "1763647400.0",
   "permalink": "https://x.slack.com/archives/C1/p2"}]"#,
    );
    assert_eq!(
        import(&tmp, &["slack"]).1,
        table(&[
            "| 2025-11-20 14:02:11 | U1 | Root cause: the migration locked orders |",
            "| 2025-11-20 14:03:20 | U1 | [a\\|b \\\\\\|z in C:\\temp\\\\](https://x.slack.com/archives/C1/p2) |",
        ])
    );
}

#[test]
fn front_matter_times_without_a_zone_are_in_the_timelines_zone_or_none_is_set() {
    let tmp = tmp();
    write(
        &tmp,
        "pd.json",
        r#"[{"type":"trigger_log_entry","created_at":"2025-11-20T14:06:00Z","summary":"Triggered"},
 {"type":"resolve_log_entry","created_at":"2025-11-20T16:50:00Z","summary":"Resolved"}]"#,
    );
    // 07:00 PST is 15:00 UTC: the page at 14:06 UTC came before the start.
    let doc = "---\ndate: 2025-11-20\nstarted_at: \"2025-11-20T07:00:00\"\ndetected_at:\nresolved_at:\nduration:\n---\n## Timeline (PST)\n\n| Time | Event |\n|---|---|\n| 07:00 | started |\n";
    let (code, stderr, after) = into(&tmp, doc, &["pd.json"]);
    assert_eq!(
        (code, stderr.as_str()),
        (
            0,
            "a.md: added 2 rows to the timeline under `Timeline (PST)`.\n\
             a.md: set `resolved_at: 2025-11-20T08:50:00` (when the incident was resolved).\n\
             a.md: set `duration: 1h 50m` (resolved_at minus started_at).\n\
             a.md: note: `detected_at` is left empty: 2025-11-20T06:06:00, when the page was triggered, is before `started_at`.\n"
        )
    );
    assert!(
        after.starts_with("---\ndate: 2025-11-20\nstarted_at: \"2025-11-20T07:00:00\"\ndetected_at:\nresolved_at: 2025-11-20T08:50:00\nduration: 1h 50m\n---\n"),
        "{after}"
    );
    assert_eq!(
        common::lint::lint(&tmp, &["a.md"]).findings_of("PM302"),
        Vec::<&str>::new()
    );
    // With no zone stated anywhere, nothing is guessed.
    let doc = doc.replace("## Timeline (PST)", "## Timeline");
    let (_, stderr, after) = into(&tmp, &doc, &["pd.json"]);
    assert!(
        stderr.ends_with("a.md: note: the front matter's times have no zone and the timeline states none: `detected_at` and `resolved_at` are not set (write the times with their zone, `…Z`).\n"),
        "{stderr}"
    );
    assert!(after.starts_with(&doc[..doc.find("## Timeline").expect("heading")]));
}

#[test]
fn a_zone_in_a_header_without_a_space_or_in_a_quote_is_read() {
    let tmp = tmp();
    write(&tmp, "z.log", "2026-11-20T14:05:00Z pager: triggered\n");
    let doc = format!("{FM}## Timeline\n\n| Time(PST) | Event |\n|---|---|\n| 05:00 | a |\n");
    assert_eq!(
        into(&tmp, &doc, &["z.log"]).2,
        format!("{doc}| 2026-11-20 06:05:00 | pager: triggered |\n")
    );
    let doc = format!(
        "{FM}## Timeline\n\n> All times in CET\n\n| Time | Event |\n|---|---|\n| 15:00 | a |\n"
    );
    assert_eq!(
        into(&tmp, &doc, &["z.log"]).2,
        format!("{doc}| 2026-11-20 15:05:00 | pager: triggered |\n")
    );
}
