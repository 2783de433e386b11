//! "Always found": template leftovers that `pm lint --strict` must report
//! in an otherwise clean final document, each on its own line and column
//! and naming the leftover text; and the same leftovers as warnings in a
//! draft.

mod common;

use common::lint as support;

use support::{INSERTED_AT, Run, clean_with, lint_doc, with_status};

/// Lints CLEAN with `blocks` added, with `--strict`.
fn strict_with(blocks: &str) -> Run {
    lint_doc(&clean_with(blocks), &["--strict"])
}

/// The stderr summary of a run with findings in one file.
fn found(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "Found {} and {} in 1 of 1 file checked.\n",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// Asserts the run printed exactly `stdout`, found `errors` errors and no
/// warnings, and exited 1.
#[track_caller]
fn assert_errors(run: &Run, stdout: &str, errors: usize) {
    assert_eq!(run.stdout, stdout, "stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, found(errors, 0));
    assert_eq!(run.code, 1);
}

const L: usize = INSERTED_AT;

// Format placeholders

#[test]
fn time_formats_in_any_letter_case() {
    assert_errors(
        &strict_with("The alert fired at hh:mm and cleared at HH:mm:ss; we paged at HH:MM UTC."),
        &format!(
            "a.md:{L}:20: PM203 [error] `hh:mm` is a format, not a value\n\
             a.md:{L}:41: PM203 [error] `HH:mm:ss` is a format, not a value\n\
             a.md:{L}:63: PM203 [error] `HH:MM` is a format, not a value\n"
        ),
        3,
    );
}

#[test]
fn date_formats_in_any_letter_case() {
    assert_errors(
        &strict_with(
            "Started yyyy-mm-dd, ended DD/MM/YYYY, reported MM/DD/YY.\n\n\
             Resolved at YYYY-MM-DDTHH:MM:SSZ.",
        ),
        &format!(
            "a.md:{L}:9: PM203 [error] `yyyy-mm-dd` is a format, not a value\n\
             a.md:{L}:27: PM203 [error] `DD/MM/YYYY` is a format, not a value\n\
             a.md:{L}:48: PM203 [error] `MM/DD/YY` is a format, not a value\n\
             a.md:{}:13: PM203 [error] `YYYY-MM-DDTHH:MM:SSZ` is a format, not a value\n",
            L + 2
        ),
        4,
    );
}

#[test]
fn dates_and_times_with_unknown_digits_are_warnings_even_with_strict() {
    let run = strict_with(
        "The first failed order was on 2025-03-?? at 09:??.\n\n\
         Detected around 14:?? UTC on 2025-??-14.",
    );
    assert_eq!(
        run.stdout,
        format!(
            "a.md:{L}:31: PM213 [warning] `2025-03-??` has unknown digits\n\
             a.md:{L}:45: PM213 [warning] `09:??` has unknown digits\n\
             a.md:{l}:17: PM213 [warning] `14:??` has unknown digits\n\
             a.md:{l}:30: PM213 [warning] `2025-??-14` has unknown digits\n",
            l = L + 2
        )
    );
    assert_eq!(run.stderr, found(0, 4));
    assert_eq!(run.code, 0);
}

// Angle-bracket stand-ins

#[test]
fn angle_bracket_stand_ins_in_prose() {
    assert_errors(
        &strict_with(
            "Owner: <your name>, on <insert date>.\n\n\
             Title: <Incident Title>\n\n\
             The <service name> failed over at 14:20.",
        ),
        &format!(
            "a.md:{L}:8: PM201 [error] unfilled placeholder `<your name>`\n\
             a.md:{L}:24: PM201 [error] unfilled placeholder `<insert date>`\n\
             a.md:{}:8: PM201 [error] unfilled placeholder `<Incident Title>`\n\
             a.md:{}:5: PM201 [error] unfilled placeholder `<service name>`\n",
            L + 2,
            L + 4
        ),
        4,
    );
}

#[test]
fn angle_bracket_stand_ins_that_start_like_a_tag() {
    assert_errors(
        &strict_with("Paged <on-call engineer>, see <link to the ticket>."),
        &format!(
            "a.md:{L}:7: PM201 [error] unfilled placeholder `<on-call engineer>`\n\
             a.md:{L}:31: PM201 [error] unfilled placeholder `<link to the ticket>`\n"
        ),
        2,
    );
}

// Stand-in prose

#[test]
fn stand_in_phrases() {
    assert_errors(
        &strict_with(
            "Customer impact: details here.\n\n\
             Text goes here.\n\n\
             The second database (to be filled in) failed over.\n\n\
             Add description here.",
        ),
        &format!(
            "a.md:{L}:18: PM211 [error] stand-in text `details here`\n\
             a.md:{}:6: PM211 [error] stand-in text `goes here`\n\
             a.md:{}:22: PM211 [error] stand-in text `to be filled in`\n\
             a.md:{}:1: PM211 [error] stand-in text `Add description here`\n",
            L + 2,
            L + 4,
            L + 6
        ),
        4,
    );
}

#[test]
fn to_be_confirmed_markers() {
    assert_errors(
        &strict_with("Root cause: TBC.\n\nSecond owner: TBD."),
        &format!(
            "a.md:{L}:13: PM205 [error] `TBC` left in the document\n\
             a.md:{}:15: PM205 [error] `TBD` left in the document\n",
            L + 2
        ),
        2,
    );
}

#[test]
fn lorem_ipsum() {
    assert_errors(
        &strict_with(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\n\
             Impact: Lorem ipsum.",
        ),
        &format!(
            "a.md:{L}:1: PM211 [error] stand-in text `Lorem ipsum`\n\
             a.md:{}:9: PM211 [error] stand-in text `Lorem ipsum`\n",
            L + 2
        ),
        2,
    );
}

#[test]
fn lorem_ipsum_without_its_first_words() {
    assert_errors(
        &strict_with("Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris."),
        &format!(
            "a.md:{L}:1: PM211 [error] stand-in text `Ut enim ad minim veniam, quis nostrud exercitation ullamco…`\n"
        ),
        1,
    );
}

#[test]
fn template_pairs_left_in_the_text() {
    assert_errors(
        &strict_with(
            "Impact: {{ impact }}. Detected at {{ 09:30 }}.\n\n{{ owner }} will follow up.",
        ),
        &format!(
            "a.md:{L}:9: PM202 [error] unfilled placeholder `{{{{ impact }}}}`\n\
             a.md:{L}:35: PM202 [error] unfilled placeholder `{{{{ 09:30 }}}}`\n\
             a.md:{}:1: PM202 [error] unfilled placeholder `{{{{ owner }}}}`\n",
            L + 2
        ),
        3,
    );
}

#[test]
fn link_stand_ins_in_square_brackets() {
    assert_errors(
        &strict_with(
            "See [link to the dashboard] for the graphs.\n\nThe steps are in [link to runbook].",
        ),
        &format!(
            "a.md:{L}:5: PM201 [error] unfilled placeholder `[link to the dashboard]`\n\
             a.md:{}:18: PM201 [error] unfilled placeholder `[link to runbook]`\n",
            L + 2
        ),
        2,
    );
}

#[test]
fn upper_case_filler() {
    assert_errors(
        &strict_with("ROOT CAUSE GOES HERE"),
        &format!("a.md:{L}:12: PM211 [error] stand-in text `GOES HERE`\n"),
        1,
    );
}

// Template instructions kept in a filled document

#[test]
fn an_italic_line_telling_the_writer_what_to_write() {
    assert_errors(
        &strict_with(
            "The pager went off at 14:06.\n\n\
             *Explain what the on-call engineer saw first*\n\n\
             Dana saw 503s on the checkout dashboard.\n\n\
             _List the customers who were affected and how._",
        ),
        &format!(
            "a.md:{}:1: PM212 [error] template instruction `*Explain what the on-call engineer saw first*` left in the document\n\
             a.md:{}:1: PM212 [error] template instruction `_List the customers who were affected and how._` left in the document\n",
            L + 2,
            L + 6
        ),
        2,
    );
}

#[test]
fn a_bare_instruction_bullet() {
    assert_errors(
        &strict_with(
            "* describe each mitigation step in order\n\n\
             Then we raised the pool size.\n\n\
             - explain why the alert did not fire sooner",
        ),
        &format!(
            "a.md:{L}:3: PM212 [error] template instruction `describe each mitigation step in order` left in the document\n\
             a.md:{}:3: PM212 [error] template instruction `explain why the alert did not fire sooner` left in the document\n",
            L + 4
        ),
        2,
    );
}

// A whole unfilled template

/// A template nobody filled in: upper-case stand-ins, Lorem ipsum and
/// numbered events, under front matter that is otherwise valid.
const UNFILLED_TEMPLATE: &str = "\
---
title: Unfilled template
incident_id: INC-2026-0042
date: 2026-11-22
severity: SEV-2
status: final
started_at: 2026-11-22T14:02:00Z
detected_at: 2026-11-22T14:06:00Z
resolved_at: 2026-11-22T15:21:00Z
---

# INCIDENT NAME

**Service:** SERVICE NAME
**Incident commander:** FULL NAME

## Summary

Lorem ipsum dolor sit amet, consectetur adipiscing elit.

## Timeline

| Time | Event |
|------|-------|
| 10:00 | Thing 1 happened |
| 10:05 | Thing 2 happened |
| 10:30 | Thing 3 happened |

## Root Cause

Lorem ipsum dolor sit amet, sed do eiusmod tempor incididunt.

## Resolution

Lorem ipsum dolor sit amet.

## Action Items

- Lorem ipsum dolor (OWNER NAME, DUE DATE)
";

#[test]
fn an_unfilled_template_is_found_line_by_line() {
    assert_errors(
        &lint_doc(UNFILLED_TEMPLATE, &["--strict"]),
        "a.md:12:3: PM211 [error] stand-in text `INCIDENT NAME`\n\
         a.md:14:14: PM211 [error] stand-in text `SERVICE NAME`\n\
         a.md:15:25: PM211 [error] stand-in text `FULL NAME`\n\
         a.md:19:1: PM211 [error] stand-in text `Lorem ipsum`\n\
         a.md:25:11: PM204 [error] numbered stand-in `Thing 1 happened`\n\
         a.md:26:11: PM204 [error] numbered stand-in `Thing 2 happened`\n\
         a.md:27:11: PM204 [error] numbered stand-in `Thing 3 happened`\n\
         a.md:31:1: PM211 [error] stand-in text `Lorem ipsum`\n\
         a.md:35:1: PM211 [error] stand-in text `Lorem ipsum`\n\
         a.md:39:3: PM211 [error] stand-in text `Lorem ipsum`\n\
         a.md:39:22: PM211 [error] stand-in text `OWNER NAME`\n\
         a.md:39:34: PM211 [error] stand-in text `DUE DATE`\n",
        12,
    );
}

#[test]
fn an_upper_case_stand_in_as_the_front_matter_title() {
    let doc = UNFILLED_TEMPLATE.replacen("title: Unfilled template", "title: INCIDENT NAME", 1);
    let run = lint_doc(&doc, &["--strict"]);
    assert_eq!(
        run.findings_of("PM211").first().copied(),
        Some("a.md:2:8: PM211 [error] stand-in text `INCIDENT NAME`"),
        "stdout:\n{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

// Drafts

#[test]
fn the_same_leftovers_in_a_draft_are_warnings() {
    let doc = with_status(
        &clean_with(
            "Owner: <your name>, at hh:mm. Root cause: TBC. See [link to the dashboard].\n\n\
             *Explain what the on-call engineer saw first*",
        ),
        "draft",
    );
    let findings = |level: &str| {
        format!(
            "a.md:{L}:8: PM201 [{level}] unfilled placeholder `<your name>`\n\
             a.md:{L}:24: PM203 [{level}] `hh:mm` is a format, not a value\n\
             a.md:{L}:43: PM205 [{level}] `TBC` left in the document\n\
             a.md:{L}:52: PM201 [{level}] unfilled placeholder `[link to the dashboard]`\n\
             a.md:{}:1: PM212 [{level}] template instruction `*Explain what the on-call engineer saw first*` left in the document\n",
            L + 2
        )
    };

    let run = lint_doc(&doc, &[]);
    assert_eq!(run.stdout, findings("warning"));
    assert_eq!(run.stderr, found(0, 5));
    assert_eq!(run.code, 0);

    // `--strict` treats the draft as final.
    assert_errors(&lint_doc(&doc, &["--strict"]), &findings("error"), 5);
}

// Found in templates others wrote

#[test]
fn x_stand_ins_for_numbers_and_times() {
    let run = strict_with(
        "The queue was down for about X hours and XXX orders failed; alerts fired at XX:XX.\n\n\
         Tracked as INC-XXXX. Refunds cost $N,NNN. Paged at ~01:xx UTC.",
    );
    assert_eq!(
        run.stdout,
        format!(
            "a.md:{L}:30: PM203 [error] `X` is a format, not a value\n\
             a.md:{L}:42: PM203 [error] `XXX` is a format, not a value\n\
             a.md:{L}:77: PM203 [error] `XX:XX` is a format, not a value\n\
             a.md:{}:16: PM203 [error] `XXXX` is a format, not a value\n\
             a.md:{}:35: PM203 [error] `$N,NNN` is a format, not a value\n\
             a.md:{}:53: PM213 [warning] `01:xx` has unknown digits\n",
            L + 2,
            L + 2,
            L + 2
        )
    );
    assert_eq!(run.stderr, found(5, 1));
    assert_eq!(run.code, 1);
}

#[test]
fn examples_given_in_place_of_the_value() {
    assert_errors(
        &strict_with(
            "**Impact:** e.g. 5% of users could not log in\n\n\
             - e.g. Database failover\n\n\
             | Cause | Fix |\n|---|---|\n| e.g. a config push | e.g. roll back |",
        ),
        &format!(
            "a.md:{L}:13: PM211 [error] stand-in text `e.g. 5% of users could not log in`\n\
             a.md:{}:3: PM211 [error] stand-in text `e.g. Database failover`\n\
             a.md:{}:3: PM211 [error] stand-in text `e.g. a config push`\n\
             a.md:{}:24: PM211 [error] stand-in text `e.g. roll back`\n",
            L + 2,
            L + 6,
            L + 6
        ),
        4,
    );
}

#[test]
fn lines_that_ask_to_be_filled_in() {
    assert_errors(
        &strict_with("(fill in)\n\nInsert screenshot here."),
        &format!(
            "a.md:{L}:2: PM211 [error] stand-in text `fill in`\n\
             a.md:{}:1: PM211 [error] stand-in text `Insert screenshot here`\n",
            L + 2
        ),
        2,
    );
}

#[test]
fn a_handle_or_a_link_that_names_what_goes_there() {
    assert_errors(
        &strict_with(
            "- Alert on evictions - Owner: @owner - Due: 2026-12-10\n\n\
             See the Grafana dashboard [link].",
        ),
        &format!(
            "a.md:{L}:31: PM201 [error] unfilled placeholder `@owner`\n\
             a.md:{}:27: PM201 [error] unfilled placeholder `[link]`\n",
            L + 2
        ),
        2,
    );
}

#[test]
fn angle_bracket_stand_ins_on_one_line() {
    assert_errors(
        &strict_with(
            "<service name> was unavailable for <duration>; <number> customers saw errors.",
        ),
        &format!(
            "a.md:{L}:1: PM201 [error] unfilled placeholder `<service name>`\n\
             a.md:{L}:36: PM201 [error] unfilled placeholder `<duration>`\n\
             a.md:{L}:48: PM201 [error] unfilled placeholder `<number>`\n"
        ),
        3,
    );
}

#[test]
fn template_variables_of_other_engines() {
    assert_errors(
        &strict_with("Ticket: ${TICKET_URL}. First event at {{ event.time }}."),
        &format!(
            "a.md:{L}:9: PM202 [error] unfilled placeholder `${{TICKET_URL}}`\n\
             a.md:{L}:39: PM202 [error] unfilled placeholder `{{{{ event.time }}}}`\n"
        ),
        2,
    );
}

#[test]
fn guidance_in_a_later_sentence_and_in_lower_case_bullets() {
    assert_errors(
        &strict_with(
            "*Each action item needs an owner and a due date. Link the ticket.*\n\n\
             - list the people involved and their roles",
        ),
        &format!(
            "a.md:{L}:1: PM212 [error] template instruction `*Each action item needs an owner and a due date. Link the t…` left in the document\n\
             a.md:{}:3: PM212 [error] template instruction `list the people involved and their roles` left in the document\n",
            L + 2
        ),
        2,
    );
}

#[test]
fn a_row_of_not_applicable_and_a_time_format_read_as_a_link() {
    assert_errors(
        &strict_with(
            "| Time | Event | Owner |\n|---|---|---|\n| N/A | N/A | N/A |\n\n\
             | Time | Event |\n|---|---|\n| <HH:MM> | Alert fired |",
        ),
        &format!(
            "a.md:{}:1: PM206 [error] table row has no content\n\
             a.md:{}:3: PM203 [error] `<HH:MM>` is a format, not a value\n",
            L + 2,
            L + 6
        ),
        2,
    );
}

#[test]
fn a_link_to_nowhere_a_named_brace_and_a_line_asking_for_text() {
    assert_errors(
        &strict_with("See [the runbook](#) for {incident-title}.\n\nType your summary here."),
        &format!(
            "a.md:{L}:5: PM201 [error] unfilled placeholder `[the runbook](#)`\n\
             a.md:{L}:26: PM202 [error] unfilled placeholder `{{incident-title}}`\n\
             a.md:{}:1: PM211 [error] stand-in text `Type your summary here`\n",
            L + 2
        ),
        3,
    );
}
