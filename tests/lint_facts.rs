//! `pm lint`, the fact rules (PM301–PM309) and the blameless-review rules
//! (PM401, PM402): for every rule a document that triggers it (with the exact
//! `path:line:col: ID [level] message` line and exit code) and the fixed
//! document (without that finding).
//!
//! Table rows in the positive fixtures are written without padding
//! (`|14:06|Alert|`) so the reported column is where the cell's text starts;
//! padded cells are checked by an ignored test of their own (a bug).

mod common;

use common::lint as support;

use support::{
    CLEAN, Run, TODAY, assert_clean, clean_with, edit, lint, lint_doc, lint_human, pm, run, tmp,
    with_status, write,
};

/// The one action item of [`CLEAN`]; what replaces it starts on line 33.
const CLEAN_ACTION: &str = "- Add a pool-saturation alert (OPS-1423).\n";

/// The Timeline paragraph of [`CLEAN`]; what replaces it starts on line 21.
const CLEAN_TIMELINE: &str = "At 14:02 UTC the error rate rose above 5%.\n";

/// Asserts the run printed exactly `expected` (concise lines) and exited `code`.
#[track_caller]
fn assert_findings(run: &Run, expected: &[&str], code: i32) {
    let mut want = expected.join("\n");
    want.push('\n');
    assert_eq!(run.stdout, want, "stderr:\n{}", run.stderr);
    assert_eq!(run.code, code, "stdout:\n{}", run.stdout);
}

/// Asserts the run printed exactly `expected` and exited 1.
#[track_caller]
fn assert_errors(run: &Run, expected: &[&str]) {
    assert_findings(run, expected, 1);
}

/// Asserts the run reported nothing of rule `id`.
#[track_caller]
fn assert_no(run: &Run, id: &str) {
    assert!(
        run.findings_of(id).is_empty(),
        "unexpected {id}:\n{}",
        run.stdout
    );
}

/// [`CLEAN`] with its action item replaced by `block` (starting on line 33).
fn with_actions(block: &str) -> String {
    edit(CLEAN, CLEAN_ACTION, block)
}

/// [`CLEAN`] with its timeline paragraph replaced by `block` (line 21 on).
fn with_timeline(block: &str) -> String {
    edit(CLEAN, CLEAN_TIMELINE, block)
}

/// [`CLEAN`] with `line` added to the front matter after `resolved_at` (line 10).
fn with_front_line(line: &str) -> String {
    edit(
        CLEAN,
        "resolved_at: 2026-11-22T15:21:00Z\n",
        &format!("resolved_at: 2026-11-22T15:21:00Z\n{line}\n"),
    )
}

/// [`CLEAN`] with the front matter line `key: …` replaced by `key: value`.
fn with_field(key: &str, value: &str) -> String {
    let old = CLEAN
        .lines()
        .find(|l| l.starts_with(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("CLEAN has no {key}"));
    edit(CLEAN, &format!("{old}\n"), &format!("{key}: {value}\n"))
}

/// Lints `doc` as `a.md` in a fresh folder with `--format human`.
fn human(doc: &str) -> Run {
    let tmp = tmp();
    write(&tmp, "a.md", doc);
    lint_human(&tmp, &["a.md"])
}

// PM301 timeline-order

#[test]
fn pm301_a_row_earlier_than_the_row_above_within_a_day_is_reported() {
    let doc = with_timeline(
        "| Time | Event |\n|---|---|\n|14:02|Errors rise|\n|14:10|Page acknowledged|\n|14:06|Alert fires|\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:25:2: PM301 [error] timeline row `14:06` is earlier than the row above (`14:10`)"],
    );
}

#[test]
fn pm301_rows_in_order_are_not_reported() {
    let doc = with_timeline(
        "| Time | Event |\n|---|---|\n|14:02|Errors rise|\n|14:06 UTC|Alert fires|\n|14:10|Page acknowledged|\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn pm301_a_row_after_midnight_without_its_date_is_reported_with_the_help() {
    let doc = with_timeline(
        "| Time | Event |\n|---|---|\n|23:52|Alert fired|\n|00:14|Failover started|\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:24:2: PM301 [error] timeline row `00:14` is earlier than the row above (`23:52`)"],
    );
    let run = human(&doc);
    assert!(
        run.stdout.contains(
            "= help: order the rows by time; a row after midnight needs its date, e.g. `2026-06-12 00:14` (timeline-order)\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn pm301_a_dated_row_followed_by_an_undated_row_after_midnight_is_reported() {
    let doc = with_timeline(
        "| Time | Event |\n|---|---|\n|2026-11-22 23:52|Alert fired|\n|00:14|Failover started|\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:24:2: PM301 [error] timeline row `00:14` is earlier than the row above (`2026-11-22 23:52`)",
        ],
    );
}

#[test]
fn pm301_rows_across_midnight_with_their_dates_are_not_reported() {
    // After a dated row, an undated time is on that row's day.
    let doc = with_timeline(
        "| Time | Event |\n|---|---|\n|2026-11-22 23:52|Alert fired|\n|2026-11-23 00:14|Failover started|\n|00:20|Failover done|\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn pm301_full_timestamps_out_of_order_are_reported() {
    let doc = with_timeline(
        "| Timestamp | Event |\n|---|---|\n|2026-11-22T14:10:00Z|Page acknowledged|\n|2026-11-22T14:02:00Z|Errors rise|\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:24:2: PM301 [error] timeline row `2026-11-22T14:02:00Z` is earlier than the row above (`2026-11-22T14:10:00Z`)",
        ],
    );
}

#[test]
fn pm301_full_timestamps_in_order_are_not_reported_across_time_zones() {
    // 16:10+02:00 is 14:10Z: after 14:02Z, before 14:20Z.
    let doc = with_timeline(
        "| Timestamp | Event |\n|---|---|\n|2026-11-22T14:02:00Z|Errors rise|\n|2026-11-22T16:10+02:00|Page acknowledged|\n|2026-11-22T14:20Z|Rollback|\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]

fn pm301_a_padded_cell_is_reported_where_its_text_starts() {
    let doc = with_timeline(
        "| Time | Event |\n|---|---|\n| 14:10 | Page acknowledged |\n| 14:06 | Alert fires |\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:24:3: PM301 [error] timeline row `14:06` is earlier than the row above (`14:10`)"],
    );
}

// PM302 duration-mismatch

#[test]
fn pm302_every_accepted_spelling_of_the_right_duration_is_not_reported() {
    // started_at 14:02, resolved_at 15:21: 79 minutes.
    for duration in [
        "1h 19m",
        "79m",
        "1 hour 19 minutes",
        "PT1H19M",
        "\"1h 19m\"",
    ] {
        let run = lint_doc(&with_front_line(&format!("duration: {duration}")), &[]);
        assert_no(&run, "PM302");
        assert_clean(&run, 1);
    }
}

#[test]
fn pm302_a_duration_one_minute_off_is_not_reported() {
    for duration in [
        "1h 18m",
        "1h 20m",
        "78m",
        "80m",
        "PT1H18M",
        "1 hour 20 minutes",
    ] {
        let run = lint_doc(&with_front_line(&format!("duration: {duration}")), &[]);
        assert_clean(&run, 1);
    }
}

#[test]
fn pm302_a_duration_two_or_more_minutes_off_is_reported_in_every_spelling() {
    for (duration, stated) in [
        ("1h 21m", "1h 21m"),
        ("1h 17m", "1h 17m"),
        ("81m", "1h 21m"),
        ("1 hour 30 minutes", "1h 30m"),
        ("PT1H30M", "1h 30m"),
        ("2h", "2h 0m"),
    ] {
        let run = lint_doc(&with_front_line(&format!("duration: {duration}")), &[]);
        let line = format!(
            "a.md:10:11: PM302 [error] `duration` is {stated} but resolved_at - started_at is 1h 19m"
        );
        assert_errors(&run, &[&line]);
    }
}

#[test]
fn pm302_the_human_format_says_what_to_write() {
    let run = human(&with_front_line("duration: 1h 30m"));
    assert!(
        run.stdout.contains(
            "error[PM302]: [*] `duration` is 1h 30m but resolved_at - started_at is 1h 19m\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("= help: write `duration: 1h 19m` (duration-mismatch)\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn pm302_a_duration_too_large_to_count_is_unreadable_not_a_crash() {
    for (value, column) in [
        ("\"9223372036854775807:00\"", 11),
        ("PT9223372036854775807H", 11),
        ("9223372036854775807 days", 11),
    ] {
        let doc = with_front_line(&format!("duration: {value}"));
        let shown = value.trim_matches('"');
        assert_errors(
            &lint_doc(&doc, &[]),
            &[&format!(
                "a.md:10:{column}: PM302 [error] `duration` `{shown}` is not a duration pm can read"
            )],
        );
    }
}

#[test]
fn pm302_an_unreadable_duration_is_reported() {
    let doc = with_front_line("duration: about an hour");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:10:11: PM302 [error] `duration` `about an hour` is not a duration pm can read"],
    );
    let run = human(&doc);
    assert!(
        run.stdout
            .contains("= help: write it like `1h 19m` (or 79m, PT1H19M) (duration-mismatch)\n"),
        "{}",
        run.stdout
    );
}

#[test]

fn pm302_never_suggests_a_negative_duration() {
    let doc = edit(
        &with_front_line("duration: 1h 19m"),
        "resolved_at: 2026-11-22T15:21:00Z\n",
        "resolved_at: 2026-11-22T14:00:00Z\n",
    );
    let concise = lint_doc(&doc, &[]);
    assert!(
        concise
            .stdout
            .contains("a.md:9:14: PM303 [error] `resolved_at` is before `started_at`\n"),
        "{}",
        concise.stdout
    );
    assert!(!concise.stdout.contains(" is -"), "{}", concise.stdout);
    let run = human(&doc);
    assert!(!run.stdout.contains("write `duration: -"), "{}", run.stdout);
}

// PM303 timestamp-order

#[test]
fn pm303_detected_before_started_is_reported() {
    let doc = with_field("detected_at", "2026-11-22T13:58:00Z");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:8:14: PM303 [error] `detected_at` is before `started_at`"],
    );
}

#[test]
fn pm303_resolved_before_detected_is_reported() {
    let doc = with_field("resolved_at", "2026-11-22T14:04:00Z");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:9:14: PM303 [error] `resolved_at` is before `detected_at`"],
    );
}

#[test]
fn pm303_resolved_before_both_is_reported_once() {
    let doc = with_field("resolved_at", "2026-11-22T14:00:00Z");
    assert_errors(
        &lint_doc(&doc, &[]),
        &["a.md:9:14: PM303 [error] `resolved_at` is before `started_at`"],
    );
}

#[test]
fn pm303_a_review_before_the_resolution_is_reported() {
    let doc = with_front_line("reviewed_at: 2026-11-21\npublished_at: 2026-11-20T23:00:00Z");
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:10:14: PM303 [error] `reviewed_at` is before the day of `resolved_at` (2026-11-22)",
            "a.md:11:15: PM303 [error] `published_at` is before the day of `resolved_at` (2026-11-22)",
        ],
    );
}

#[test]
fn pm303_a_review_on_the_day_of_the_resolution_is_not_reported() {
    // Resolved at 23:30 in UTC-08:00: the day is the 22nd where it was written.
    let doc = edit(
        &with_front_line("reviewed_at: 2026-11-22"),
        "resolved_at: 2026-11-22T15:21:00Z\n",
        "resolved_at: 2026-11-22T23:30:00-08:00\n",
    );
    let run = lint_doc(&doc, &["--strict"]);
    assert_no(&run, "PM303");
}

#[test]
fn pm303_timestamps_in_order_are_not_reported_across_time_zones() {
    // 16:06+02:00 is 14:06Z, after started_at 14:02Z.
    let doc = with_field("detected_at", "2026-11-22T16:06:00+02:00");
    let run = lint_doc(&doc, &["--strict"]);
    assert_no(&run, "PM303");
    assert_clean(&run, 1);
    assert_clean(&lint_doc(CLEAN, &["--strict"]), 1);
}

// PM304 action-without-owner and PM305 action-without-due-date

#[test]
fn pm304_pm305_table_rows_with_columns_in_another_order_and_aliases() {
    let doc = with_actions(
        "| Deadline | Status | Assignee | Task |\n|---|---|---|---|\n\
         |2026-12-04|Open|Dana Kim|Add pool alert (OPS-1)|\n\
         |2026-12-04|Open||Write runbook (OPS-2)|\n\
         ||Open|Dana Kim|Raise limit (OPS-3)|\n\
         |soon|Open|Dana Kim|Tune pool (OPS-4)|\n\
         |2026-12-4|Open|Dana Kim|Resize pool (OPS-5)|\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:36:1: PM304 [error] action item `Write runbook (OPS-2)` has no owner",
            "a.md:37:1: PM305 [error] action item `Raise limit (OPS-3)` has no due date",
            "a.md:38:2: PM305 [error] due date `soon` is not a YYYY-MM-DD date",
            "a.md:39:2: PM305 [error] due date `2026-12-4` is not a YYYY-MM-DD date",
        ],
    );
}

#[test]
fn pm304_pm305_table_rows_with_owner_and_due_date_are_not_reported() {
    let doc = with_actions(
        "| Deadline | Status | Assignee | Task |\n|---|---|---|---|\n\
         |2026-12-04|Open|Dana Kim|Add pool alert (OPS-1)|\n\
         |2026-12-04|Open|@sre-team|Write runbook (OPS-2)|\n",
    );
    let run = lint_doc(&doc, &["--strict"]);
    assert_no(&run, "PM304");
    assert_no(&run, "PM305");
    assert_clean(&run, 1);
}

#[test]
fn pm304_pm305_one_line_checklist_items() {
    let doc = with_actions(
        "- [ ] Add pool alert (OPS-1) - Owner: Dana Kim - Due: 2026-12-04\n\
         - [ ] Write runbook (OPS-2) - Due: 2026-12-04\n\
         - [ ] Raise limit (OPS-3) - Owner: Dana Kim\n\
         - [ ] Tune pool (OPS-4) - Owner: Dana Kim - Due: next week\n\
         - [ ] Check (OPS-5) - Owner: Dana Kim - Due: 04/12/2026\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:34:1: PM304 [error] action item `Write runbook (OPS-2)` has no owner",
            "a.md:35:1: PM305 [error] action item `Raise limit (OPS-3)` has no due date",
            "a.md:36:50: PM305 [error] due date `next week` is not a YYYY-MM-DD date",
            "a.md:37:46: PM305 [error] due date `04/12/2026` is not a YYYY-MM-DD date",
        ],
    );
}

#[test]
fn pm304_pm305_one_line_checklist_items_with_owner_and_due_date_are_not_reported() {
    let doc = with_actions(
        "- [ ] Add pool alert (OPS-1) - Owner: Dana Kim - Due: 2026-12-04\n\
         - [x] Write runbook (OPS-2) - Owner: @sre-team - Due: 2026-12-04\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn pm304_pm305_nested_checklist_items() {
    let doc = with_actions(
        "- [ ] **Add pool alert:** page on waits (OPS-1)\n  - Owner: Dana Kim\n  - Due: 2026-12-04\n\
         - [ ] **Write runbook** (OPS-2)\n  - Due: 2026-12-04\n\
         - [ ] **Raise limit** (OPS-3)\n  - Owner: @sre-team\n\
         - [ ] **Tune pool** (OPS-4)\n  - Owner: Dana Kim\n  - Due: Q1\n",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:36:1: PM304 [error] action item `Write runbook (OPS-2)` has no owner",
            "a.md:38:1: PM305 [error] action item `Raise limit (OPS-3)` has no due date",
            "a.md:42:10: PM305 [error] due date `Q1` is not a YYYY-MM-DD date",
        ],
    );
}

#[test]
fn pm304_pm305_nested_checklist_items_with_owner_and_due_date_are_not_reported() {
    let doc = with_actions(
        "- [ ] **Add pool alert:** page on waits (OPS-1)\n  - Owner: Dana Kim\n  - Due: 2026-12-04\n\
         - [ ] **Write runbook** (OPS-2)\n  - Owner: @sre-team\n  - Due: 2026-12-11\n  - Priority: High\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

// PM306 action-overdue

#[test]
fn pm306_an_overdue_table_row_is_a_warning_and_exits_0() {
    // Today is 2026-12-01: due the 20th and open is overdue; done, due today
    // or due tomorrow is not.
    let doc = with_actions(
        "| Task | Owner | Due | Status |\n|---|---|---|---|\n\
         |Add pool alert (OPS-1)|Dana Kim|2026-11-28|Open|\n\
         |Write runbook (OPS-2)|Dana Kim|2026-11-28|Done|\n\
         |Raise limit (OPS-3)|Dana Kim|2026-12-01|Open|\n\
         |Tune pool (OPS-4)|Dana Kim|2026-12-02|Open|\n",
    );
    let run = lint_doc(&doc, &[]);
    assert_findings(
        &run,
        &[
            "a.md:35:34: PM306 [warning] action item `Add pool alert (OPS-1)` was due 2026-11-28 and is not done (3 days ago)",
        ],
        0,
    );
    assert_eq!(
        run.stderr,
        "Found 0 errors and 1 warning in 1 of 1 file checked.\n"
    );
}

#[test]
fn pm306_overdue_checklist_items_are_reported_unless_ticked_or_done() {
    let doc = with_actions(
        "- [ ] Add pool alert (OPS-1) - Owner: Dana Kim - Due: 2026-11-28\n\
         - [x] Write runbook (OPS-2) - Owner: Dana Kim - Due: 2026-11-28\n\
         - [ ] Raise limit (OPS-3)\n  - Owner: Dana Kim\n  - Due: 2026-11-28\n  - Status: Done\n\
         - [ ] Tune pool (OPS-4)\n  - Owner: Dana Kim\n  - Due: 2026-11-09\n",
    );
    assert_findings(
        &lint_doc(&doc, &[]),
        &[
            "a.md:33:55: PM306 [warning] action item `Add pool alert (OPS-1)` was due 2026-11-28 and is not done (3 days ago)",
            "a.md:41:10: PM306 [warning] action item `Tune pool (OPS-4)` was due 2026-11-09 and is not done (22 days ago)",
        ],
        0,
    );
}

#[test]
fn pm306_an_item_is_not_overdue_on_or_before_its_due_date() {
    let doc = with_actions("- [ ] Add pool alert (OPS-1) - Owner: Dana Kim - Due: 2026-11-20\n");
    for today in ["2026-11-20", "2026-11-19", "2026-01-01"] {
        let tmp = tmp();
        write(&tmp, "a.md", &doc);
        let run = lint(&tmp, &["--today", today, "--strict", "a.md"]);
        assert_no(&run, "PM306");
        assert_clean(&run, 1);
    }
    let tmp = tmp();
    write(&tmp, "a.md", &doc);
    let run = lint(&tmp, &["--today", "2026-11-21", "a.md"]);
    assert_eq!(run.findings_of("PM306").len(), 1, "{}", run.stdout);
}

#[test]
fn pm306_a_done_status_is_not_reported() {
    let doc = with_actions(
        "| Task | Owner | Due | Status |\n|---|---|---|---|\n\
         |Add pool alert (OPS-1)|Dana Kim|2026-11-20|Done|\n\
         |Write runbook (OPS-2)|Dana Kim|2026-11-20|Completed|\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]

fn pm306_one_day_overdue_reads_1_day_ago() {
    let doc = with_actions("- [ ] Add pool alert (OPS-1) - Owner: Dana Kim - Due: 2026-11-30\n");
    assert_findings(
        &lint_doc(&doc, &[]),
        &[
            "a.md:33:55: PM306 [warning] action item `Add pool alert (OPS-1)` was due 2026-11-30 and is not done (1 day ago)",
        ],
        0,
    );
}

#[test]

fn pm306_a_padded_due_cell_is_reported_where_the_date_starts() {
    let doc = with_actions(
        "| Task | Owner | Due |\n|---|---|---|\n| Add pool alert (OPS-1) | Dana Kim | 2026-11-28 |\n",
    );
    // `| Add pool alert (OPS-1) | Dana Kim | ` is 38 characters.
    assert_findings(
        &lint_doc(&doc, &[]),
        &[
            "a.md:35:39: PM306 [warning] action item `Add pool alert (OPS-1)` was due 2026-11-28 and is not done (3 days ago)",
        ],
        0,
    );
}

// PM307 unanswered-why

#[test]
fn pm307_an_unanswered_why_is_reported() {
    let doc = clean_with(
        "## 5 Whys\n\n1. **Why did checkout fail?**\n   - The pool was exhausted.\n\
         2. **Why was the pool exhausted?**\n\
         3. Why was it fixed at 20? Nobody revisited it.\n\
         4. **Why did nobody revisit it?**",
    );
    assert_errors(
        &lint_doc(&doc, &[]),
        &[
            "a.md:35:1: PM307 [error] `Why was the pool exhausted?` has no answer",
            "a.md:37:1: PM307 [error] `Why did nobody revisit it?` has no answer",
        ],
    );
}

#[test]
fn pm307_whys_answered_after_the_question_or_in_a_nested_item_are_not_reported() {
    let doc = clean_with(
        "## 5 Whys\n\n1. **Why did checkout fail?**\n   - The pool was exhausted.\n\
         2. **Why was the pool exhausted?**\n   * Its size was fixed at 20.\n\
         3. Why was it fixed at 20? Nobody revisited it.\n\
         4. **Why did nobody revisit it?** No one owned the pooler config.",
    );
    let run = lint_doc(&doc, &[]);
    assert_no(&run, "PM307");
    assert_clean(&run, 1);
}

#[test]
fn closed_action_items_need_no_owner_or_due_date_and_are_never_overdue() {
    // A ticked box, or a status of Done, Complete, Closed, Won't do,
    // Cancelled or N/A: nothing left to own or to date.
    let doc = with_actions(
        "- [x] Raise the pool size to 80 (OPS-1)\n\n\
         | Action | Owner | Due | Status |\n|---|---|---|---|\n\
         |Add pool alert (OPS-2)| | |Done|\n\
         |Write runbook (OPS-3)| | |Complete|\n\
         |Tune retries (OPS-4)| |2026-01-01|Closed|\n\
         |Shard the table (OPS-5)|Dana Kim|2026-01-01|Won't do: the table is being retired|\n\
         |Move to pgcat (OPS-6)| | |Cancelled|\n\
         |Page the DBA (OPS-7)| | |N/A|\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn an_open_item_beside_closed_ones_still_needs_an_owner_and_a_date() {
    let doc = with_actions(
        "| Action | Owner | Due | Status |\n|---|---|---|---|\n\
         |Add pool alert (OPS-2)| | |Done|\n\
         |Write runbook (OPS-3)| | |In progress|\n",
    );
    assert_errors(
        &lint_doc(&doc, &["--strict"]),
        &[
            "a.md:36:1: PM304 [error] action item `Write runbook (OPS-3)` has no owner",
            "a.md:36:1: PM305 [error] action item `Write runbook (OPS-3)` has no due date",
        ],
    );
}

#[test]
fn owners_and_due_dates_written_without_labels_are_read() {
    let doc = with_actions(
        "- [ ] gitlab#812 Split the runners (@rbaker, due 2026-12-28)\n\
         - [ ] Raise the pool limit, @dana by 2026-12-01\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn a_closed_state_outside_a_status_column_closes_the_item() {
    let doc = with_actions(
        "| Action | Owner | Due | Bug |\n|---|---|---|---|\n\
         |Move catalog reads (CAT-1)|ana|—|Won't do (superseded by CAT-1402)|\n\
         |Cache the keys (CAT-2)|ana|2026-01-10|CAT-1403 (Done)|\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn states_written_in_a_checklist_items_text_close_it() {
    let doc = with_actions(
        "- [ ] Replace Elasticsearch (OPS-1) — Cancelled\n\
         - [ ] Shard the table (OPS-2) (won't fix)\n\
         - [-] Drop the cache (OPS-3)\n\
         - [ ] Move reads (OPS-4) — superseded by OPS-120\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

#[test]
fn owner_and_due_date_on_the_line_an_item_wraps_onto() {
    let doc = with_actions(
        "- [ ] Add an alert on index age (OPS-5),\n  \
         paged to search on-call — Owner: @search — Due: 2026-12-20\n",
    );
    assert_clean(&lint_doc(&doc, &["--strict"]), 1);
}

/// A postmortem with a closed-without-doing item, a done one, an open one
/// and the template's example rows, for `pm actions` and `pm stats`.
fn with_closed_and_example_rows() -> String {
    with_actions(
        "| Action | Owner | Due | Status |\n|---|---|---|---|\n\
         |Shard the table (OPS-5)|Dana Kim|2026-01-01|Won't do|\n\
         |Move to pgcat (OPS-6)|Ana Li|2026-01-01|Cancelled|\n\
         |Page the DBA (OPS-7)|Ana Li|2026-01-01|N/A|\n\
         |Add pool alert (OPS-2)|Dana Kim|2026-12-01|Done|\n\
         |Write runbook (OPS-3)|Dana Kim|2026-12-01|Open|\n\
         |[Action item 1]|[Owner 1]|[YYYY-MM-DD]|Open|\n\
         |Action 2| | | |\n",
    )
}

#[test]
fn pm_actions_counts_wont_do_cancelled_and_na_as_closed_and_skips_example_rows() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", with_closed_and_example_rows());
    let all = run(pm(&tmp).args(["actions", "--format", "csv", "--today", TODAY, "docs"]));
    assert_eq!(all.code, 0, "{}", all.stderr);
    let rows: Vec<&str> = all.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{}", all.stdout);
    assert!(!all.stdout.contains("Action item 1") && !all.stdout.contains("Action 2,"));
    let open = run(pm(&tmp).args([
        "actions", "--open", "--format", "csv", "--today", TODAY, "docs",
    ]));
    let open_rows: Vec<&str> = open.stdout.lines().skip(1).collect();
    assert_eq!(open_rows.len(), 1, "{}", open.stdout);
    assert!(
        open_rows[0].contains("Write runbook (OPS-3)"),
        "{}",
        open.stdout
    );
    let overdue = run(pm(&tmp).args([
        "actions",
        "--overdue",
        "--today",
        "2026-12-02",
        "--format",
        "csv",
        "docs",
    ]));
    let overdue_rows: Vec<&str> = overdue.stdout.lines().skip(1).collect();
    assert_eq!(overdue_rows.len(), 1, "{}", overdue.stdout);
    assert!(
        overdue_rows[0].contains("Write runbook (OPS-3)"),
        "{}",
        overdue.stdout
    );
}

#[test]
fn pm_stats_and_pm_list_count_only_open_items_anyone_wrote() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", with_closed_and_example_rows());
    let stats = run(pm(&tmp).args(["stats", "--format", "json", "--today", "2026-12-02", "docs"]));
    assert_eq!(stats.code, 0, "{}", stats.stderr);
    let json: serde_json::Value = serde_json::from_str(&stats.stdout).expect("JSON");
    let owners = json["actions_by_owner"]
        .as_array()
        .expect("actions_by_owner");
    assert_eq!(owners.len(), 1, "{}", stats.stdout);
    assert_eq!(owners[0]["owner"], "Dana Kim");
    assert_eq!(owners[0]["open"], 1);
    assert_eq!(owners[0]["overdue"], 1);
    let list = run(pm(&tmp).args(["list", "--format", "json", "docs"]));
    let json: serde_json::Value = serde_json::from_str(&list.stdout).expect("JSON");
    assert_eq!(json[0]["open_actions"], 1, "{}", list.stdout);
    assert_eq!(json[0]["actions"], 5, "{}", list.stdout);
}

// PM308 broken-link

#[test]
fn pm308_email_autolinks_and_mailto_are_not_files() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        clean_with(
            "Reported by <ops@example.org> and <3069354+dana@users.noreply.github.com>; \
             write to [the team](mailto:sre@example.org).",
        ),
    );
    assert_clean(&lint(&tmp, &["--strict", "a.md"]), 1);
}

#[test]
fn pm308_a_link_to_a_bare_domain_asks_for_its_scheme() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        clean_with("See [the status page](status.example.com/incidents/42)."),
    );
    let run = lint_human(&tmp, &["a.md"]);
    assert!(
        run.stdout.contains(
            "error[PM308]: link to `status.example.com/incidents/42`: no such file (status.example.com/incidents/42)"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("= help: did you mean https://status.example.com/incidents/42?"),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn pm308_a_relative_link_to_a_missing_file_is_reported() {
    let tmp = tmp();
    write(
        &tmp,
        "a.md",
        clean_with("See [the runbook](runbooks/missing.md#step-2) and ![graph](img/missing.png)."),
    );
    assert_errors(
        &lint(&tmp, &["a.md"]),
        &[
            "a.md:31:5: PM308 [error] link to `runbooks/missing.md`: no such file (runbooks/missing.md)",
            "a.md:31:51: PM308 [error] link to `img/missing.png`: no such file (img/missing.png)",
        ],
    );
}

#[test]
fn pm308_links_to_existing_files_anchors_urls_and_percent_encoded_paths_are_not_reported() {
    let tmp = tmp();
    write(&tmp, "runbooks/pool.md", "# Pool\n");
    write(&tmp, "img/pool waits.png", b"");
    write(
        &tmp,
        "a.md",
        clean_with(
            "See [the runbook](runbooks/pool.md#step-2), [the graph](img/pool%20waits.png), \
             [above](#summary), [docs](https://example.com/missing.md) and \
             ![graph](img/pool%20waits.png).",
        ),
    );
    let run = lint(&tmp, &["--strict", "a.md"]);
    assert_no(&run, "PM308");
    assert_clean(&run, 1);
}

#[test]
fn pm308_links_are_relative_to_the_postmortems_folder() {
    let tmp = tmp();
    write(&tmp, "runbooks/pool.md", "# Pool\n");
    write(
        &tmp,
        "docs/a.md",
        clean_with("See [the runbook](../runbooks/pool.md) and [this one](runbooks/pool.md)."),
    );
    assert_errors(
        &lint(&tmp, &["docs/a.md"]),
        &[
            "docs/a.md:31:44: PM308 [error] link to `runbooks/pool.md`: no such file (docs/runbooks/pool.md)",
        ],
    );
}

// PM309 duplicate-incident-id

#[test]
fn pm309_the_same_id_in_two_files_of_one_run_is_reported_on_both() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(&tmp, "b.md", CLEAN);
    let run = lint(&tmp, &["a.md", "b.md"]);
    assert_errors(
        &run,
        &[
            "a.md:3:14: PM309 [error] incident id `INC-2026-0042` is also used by b.md",
            "b.md:3:14: PM309 [error] incident id `INC-2026-0042` is also used by a.md",
        ],
    );
    assert_eq!(
        run.stderr,
        "Found 2 errors and 0 warnings in 2 of 2 files checked.\n"
    );
}

#[test]
fn pm309_each_file_names_every_other_file_with_the_id() {
    let tmp = tmp();
    write(&tmp, "docs/a.md", CLEAN);
    write(&tmp, "docs/b.md", CLEAN);
    write(&tmp, "docs/sub/c.md", CLEAN);
    assert_errors(
        &lint(&tmp, &["docs"]),
        &[
            "docs/a.md:3:14: PM309 [error] incident id `INC-2026-0042` is also used by docs/b.md, docs/sub/c.md",
            "docs/b.md:3:14: PM309 [error] incident id `INC-2026-0042` is also used by docs/a.md, docs/sub/c.md",
            "docs/sub/c.md:3:14: PM309 [error] incident id `INC-2026-0042` is also used by docs/a.md, docs/b.md",
        ],
    );
}

/// `a.md` and `b.md` with the same incident id; `b.md` also has a `TODO`
/// on line 17.
fn same_id_and_a_todo_in_b() -> tempfile::TempDir {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(
        &tmp,
        "b.md",
        edit(
            CLEAN,
            "connection pool was exhausted.",
            "connection pool was TODO.",
        ),
    );
    tmp
}

#[test]
fn pm309_comes_after_the_findings_of_every_file_in_human_output() {
    // Files are written as they are linted; ids are compared once all are
    // read, so the findings across files come last, in path order.
    let tmp = same_id_and_a_todo_in_b();
    let run = lint_human(&tmp, &["a.md", "b.md"]);
    let headers: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("error") || l.starts_with("warning") || l.contains("--> "))
        .collect();
    assert_eq!(
        headers,
        [
            "error[PM205]: `TODO` left in the document",
            "  --> b.md:17:21",
            "error[PM309]: incident id `INC-2026-0042` is also used by b.md",
            " --> a.md:3:14",
            "error[PM309]: incident id `INC-2026-0042` is also used by a.md",
            " --> b.md:3:14",
        ],
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        "Found 3 errors and 0 warnings in 2 of 2 files checked.\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn pm309_in_json_is_among_its_files_findings_in_position_order() {
    let tmp = same_id_and_a_todo_in_b();
    let out = run(pm(&tmp).args(["lint", "--format", "json", "--today", TODAY, "a.md", "b.md"]));
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let got: Vec<String> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| format!("{}:{} {}", f["path"], f["line"], f["rule"]))
        .collect();
    assert_eq!(
        got,
        [
            r#""a.md":3 "PM309""#,
            r#""b.md":3 "PM309""#,
            r#""b.md":17 "PM205""#,
        ]
    );
    assert_eq!(json["summary"]["files_with_findings"], 2);
    assert_eq!(json["summary"]["errors"], 3);
}

#[test]
fn pm309_is_counted_by_statistics() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(&tmp, "b.md", CLEAN);
    let run = lint(&tmp, &["--statistics", "a.md", "b.md"]);
    assert_eq!(run.stdout, "2  PM309  duplicate-incident-id [error]\n");
    assert_eq!(run.code, 1);
}

#[test]
fn pm309_the_same_id_in_two_separate_runs_is_not_reported() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(&tmp, "b.md", CLEAN);
    assert_clean(&lint(&tmp, &["a.md"]), 1);
    assert_clean(&lint(&tmp, &["b.md"]), 1);
}

#[test]
fn pm309_different_ids_are_not_reported() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    write(&tmp, "b.md", edit(CLEAN, "INC-2026-0042", "INC-2026-0043"));
    assert_clean(&lint(&tmp, &["a.md", "b.md"]), 2);
}

#[test]

fn pm309_one_file_named_twice_is_not_a_duplicate_of_itself() {
    let tmp = tmp();
    write(&tmp, "a.md", CLEAN);
    let run = lint(&tmp, &["a.md", "./a.md"]);
    assert_no(&run, "PM309");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

// PM401 blame-language

#[test]
fn pm401_blame_phrases_are_reported_as_warnings() {
    let doc = clean_with(
        "The outage was caused by human error; the engineer should have known. Careless.",
    );
    let run = lint_doc(&doc, &[]);
    assert_findings(
        &run,
        &[
            "a.md:31:26: PM401 [warning] blame language: `human error`",
            "a.md:31:52: PM401 [warning] blame language: `should have known`",
            "a.md:31:71: PM401 [warning] blame language: `Careless`",
        ],
        0,
    );
}

#[test]
fn pm401_the_blameless_rewrite_is_not_reported() {
    let doc = clean_with(
        "The flag's state was not visible in the deploy tool, so the rollback looked safe. \
         The log line reads `human error` verbatim.",
    );
    let run = lint_doc(&doc, &["--strict"]);
    assert_no(&run, "PM401");
    assert_clean(&run, 1);
}

// PM402 vague-action

#[test]
fn pm402_vague_action_items_are_reported_as_warnings() {
    let doc = with_actions(
        "- [ ] Improve monitoring - Owner: Dana Kim - Due: 2026-12-01\n\
         - [ ] Be more careful - Owner: Dana Kim - Due: 2026-12-01\n\
         - [ ] Improve monitoring going forward - Owner: Dana Kim - Due: 2026-12-01\n",
    );
    let run = lint_doc(&doc, &[]);
    assert_findings(
        &run,
        &[
            "a.md:33:1: PM402 [warning] action item `Improve monitoring` is too vague to act on",
            "a.md:34:1: PM402 [warning] action item `Be more careful` is too vague to act on",
            "a.md:35:1: PM402 [warning] action item `Improve monitoring going forward` is too vague to act on",
        ],
        0,
    );
    assert_eq!(
        run.stderr,
        "Found 0 errors and 3 warnings in 1 of 1 file checked.\n"
    );
}

#[test]
fn pm402_vague_actions_after_fillers_numbering_or_marks_are_reported() {
    let doc = with_actions(
        "- [ ] Going forward, improve monitoring - Owner: Dana Kim - Due: 2026-12-01\n\
         - [ ] IV. Be more careful - Owner: Dana Kim - Due: 2026-12-01\n\
         - [ ] \"Improve monitoring\" - Owner: Dana Kim - Due: 2026-12-01\n\
         - [ ] BE MORE CAREFUL! - Owner: Dana Kim - Due: 2026-12-01\n",
    );
    assert_findings(
        &lint_doc(&doc, &[]),
        &[
            "a.md:33:1: PM402 [warning] action item `Going forward, improve monitoring` is too vague to act on",
            "a.md:34:1: PM402 [warning] action item `IV. Be more careful` is too vague to act on",
            "a.md:35:1: PM402 [warning] action item `\"Improve monitoring\"` is too vague to act on",
            "a.md:36:1: PM402 [warning] action item `BE MORE CAREFUL!` is too vague to act on",
        ],
        0,
    );
}

#[test]
fn pm402_a_vague_table_row_is_reported() {
    let doc = with_actions(
        "| Action | Owner | Due |\n|---|---|---|\n|Improve monitoring|Dana Kim|2026-12-01|\n",
    );
    assert_findings(
        &lint_doc(&doc, &[]),
        &["a.md:35:1: PM402 [warning] action item `Improve monitoring` is too vague to act on"],
        0,
    );
}

#[test]
fn pm402_actions_with_an_object_or_a_ticket_are_not_reported() {
    let doc = with_actions(
        "- [ ] Improve monitoring of pgbouncer waits - Owner: Dana Kim - Due: 2026-12-01\n\
         - [ ] Improve monitoring (OPS-1423) - Owner: Dana Kim - Due: 2026-12-01\n\
         - [ ] Be more careful (#812) - Owner: Dana Kim - Due: 2026-12-01\n",
    );
    let run = lint_doc(&doc, &["--strict"]);
    assert_no(&run, "PM402");
    assert_clean(&run, 1);
}

// Status-awareness

/// A draft with one finding of each status-aware fact rule.
fn facts_draft() -> String {
    let doc = with_status(CLEAN, "draft");
    let doc = edit(
        &doc,
        "detected_at: 2026-11-22T14:06:00Z\nresolved_at: 2026-11-22T15:21:00Z\n",
        "detected_at: 2026-11-22T13:58:00Z\nresolved_at: 2026-11-22T15:21:00Z\nduration: 2h\n",
    );
    let doc = edit(
        &doc,
        CLEAN_TIMELINE,
        "| Time | Event |\n|---|---|\n|14:10|Page|\n|14:02|Errors|\n",
    );
    let doc = edit(
        &doc,
        "restarted the API pods.\n\n",
        "restarted the API pods.\n\n## 5 Whys\n\n1. **Why did checkout fail?**\n\n",
    );
    edit(
        &doc,
        CLEAN_ACTION,
        "- [ ] Add pool alert (OPS-1)\n- [ ] Tune pool (OPS-2) - Owner: Dana Kim - Due: soon\n",
    )
}

#[test]
fn pm301_to_pm305_and_pm307_are_warnings_in_a_draft() {
    let run = lint_doc(&facts_draft(), &[]);
    assert_findings(
        &run,
        &[
            "a.md:8:14: PM303 [warning] `detected_at` is before `started_at`",
            "a.md:10:11: PM302 [warning] `duration` is 2h 0m but resolved_at - started_at is 1h 19m",
            "a.md:25:2: PM301 [warning] timeline row `14:02` is earlier than the row above (`14:10`)",
            "a.md:37:1: PM307 [warning] `Why did checkout fail?` has no answer",
            "a.md:41:1: PM304 [warning] action item `Add pool alert (OPS-1)` has no owner",
            "a.md:41:1: PM305 [warning] action item `Add pool alert (OPS-1)` has no due date",
            "a.md:42:50: PM305 [warning] due date `soon` is not a YYYY-MM-DD date",
        ],
        0,
    );
    assert_eq!(
        run.stderr,
        "Found 0 errors and 7 warnings in 1 of 1 file checked.\n"
    );
}

#[test]
fn pm301_to_pm305_and_pm307_are_errors_in_a_draft_with_strict_and_once_final() {
    let draft = facts_draft();
    for run in [
        lint_doc(&draft, &["--strict"]),
        lint_doc(&edit(&draft, "status: draft\n", "status: final\n"), &[]),
    ] {
        assert_eq!(run.lines().len(), 7, "{}", run.stdout);
        assert!(
            run.lines().iter().all(|l| l.contains(" [error] ")),
            "{}",
            run.stdout
        );
        assert_eq!(run.code, 1);
    }
}

#[test]
fn pm308_and_pm309_are_errors_even_in_a_draft() {
    let tmp = tmp();
    let draft = with_status(&clean_with("See [the runbook](missing.md)."), "draft");
    write(&tmp, "a.md", &draft);
    write(&tmp, "b.md", &draft);
    assert_errors(
        &lint(&tmp, &["a.md", "b.md"]),
        &[
            "a.md:31:5: PM308 [error] link to `missing.md`: no such file (missing.md)",
            "b.md:31:5: PM308 [error] link to `missing.md`: no such file (missing.md)",
            "a.md:3:14: PM309 [error] incident id `INC-2026-0042` is also used by b.md",
            "b.md:3:14: PM309 [error] incident id `INC-2026-0042` is also used by a.md",
        ],
    );
}
