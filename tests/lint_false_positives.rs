//! What `pm lint --strict` must not report: real Markdown that looks like a
//! placeholder (links, footnotes, task boxes, code, times, amounts, …) in an
//! otherwise clean final document, the example postmortems (clean but for the
//! action items overdue as of the pinned day), and the same files with CRLF
//! line endings or a byte order mark.

mod common;

use common::lint as support;

use support::{
    CLEAN, INSERTED_AT, Run, assert_clean, bom, clean_with, crlf, examples, lint, lint_doc, tmp,
    write,
};

/// Lints CLEAN with `blocks` added, with `--strict`.
fn strict_with(blocks: &str) -> Run {
    lint_doc(&clean_with(blocks), &["--strict"])
}

// The baseline the other tests rely on

#[test]
fn the_clean_document_is_clean() {
    assert_clean(&lint_doc(CLEAN, &["--strict"]), 1);
}

#[test]
fn text_added_to_the_clean_document_is_checked() {
    let run = strict_with("Lead: [Your Name], due YYYY-MM-DD at HH:MM, {TITLE}, TODO.");
    assert_eq!(
        run.stdout,
        format!(
            "a.md:{INSERTED_AT}:7: PM201 [error] unfilled placeholder `[Your Name]`\n\
             a.md:{INSERTED_AT}:24: PM203 [error] `YYYY-MM-DD` is a format, not a value\n\
             a.md:{INSERTED_AT}:38: PM203 [error] `HH:MM` is a format, not a value\n\
             a.md:{INSERTED_AT}:45: PM202 [error] unfilled placeholder `{{TITLE}}`\n\
             a.md:{INSERTED_AT}:54: PM205 [error] `TODO` left in the document\n"
        )
    );
    assert_eq!(run.code, 1);
}

// Links, images, footnotes, task boxes

#[test]
fn inline_links() {
    assert_clean(
        &strict_with(
            "See [the dashboard](https://grafana.example.com/d/checkout) and [the runbook](https://x \"Runbook\").",
        ),
        1,
    );
}

#[test]
fn reference_links_and_their_definitions() {
    assert_clean(
        &strict_with(
            "See [the runbook][runbook], [the pooler docs][] and [grafana].\n\n\
             [runbook]: https://wiki.example.com/runbooks/checkout\n\
             [the pooler docs]: https://www.pgbouncer.org/config.html \"PgBouncer\"\n\
             [grafana]: https://grafana.example.com/d/checkout",
        ),
        1,
    );
}

#[test]
fn images() {
    assert_clean(
        &strict_with(
            "![Error rate during the incident](https://example.com/error-rate.png)\n\n\
             ![Pool usage][pool]\n\n\
             [pool]: https://example.com/img/pool.png",
        ),
        1,
    );
}

#[test]
fn footnotes_and_their_definitions() {
    assert_clean(
        &strict_with(
            "The pool was too small.[^1] Dana led the response.[^lead]\n\n\
             [^1]: Measured with pgbouncer `SHOW POOLS`.\n\n\
             [^lead]: Dana Kim, platform team.",
        ),
        1,
    );
}

#[test]
fn task_boxes() {
    assert_clean(
        &strict_with(
            "- [ ] Add a pool-saturation alert (OPS-1423)\n\
             - [x] Raise the pool size to 80 (OPS-1424)\n\
             - [X] Restart the API pods",
        ),
        1,
    );
}

// Code

#[test]
fn code_spans_holding_placeholder_syntax() {
    assert_clean(
        &strict_with(
            "The old template used `{TITLE}`, `[Your Name]`, `${VAR}`, `YYYY`, `HH:MM`, `TODO` and `$X`.",
        ),
        1,
    );
}

#[test]
fn fenced_code_holding_placeholder_syntax() {
    assert_clean(
        &strict_with(
            "```yaml\n\
             title: {TITLE}\n\
             lead: [Your Name]\n\
             path: ${VAR}/bin\n\
             date: YYYY-MM-DD HH:MM\n\
             # TODO nothing here is prose\n\
             | | |\n\
             - \n\
             ```\n\n\
             ~~~\n\
             [Factor 1]\n\
             ~~~",
        ),
        1,
    );
}

#[test]
fn indented_code_holding_placeholder_syntax() {
    assert_clean(
        &strict_with("Run this:\n\n    export PATH=${HOME}/bin:$PATH  # {TITLE} [Your Name] YYYY"),
        1,
    );
}

#[test]
fn shell_variables_in_prose() {
    assert_clean(
        &strict_with("The job read ${DATABASE_URL} and ${POOL_SIZE} from the environment."),
        1,
    );
}

// Numbers that look like formats

#[test]
fn real_times() {
    assert_clean(
        &strict_with(
            "At 14:02 UTC the alert fired; by 14:06:33 the pool was full; \
             at 2026-11-22 15:21 it was over.\n\n\
             | Time | Event |\n|------|-------|\n| 14:02 | Alert fired |\n| 15:21 | Resolved |",
        ),
        1,
    );
}

#[test]
fn money() {
    assert_clean(
        &strict_with(
            "The outage cost $12,400 in credits and $5 per failed order; $1.2M was at risk.",
        ),
        1,
    );
}

// Brackets in prose

#[test]
fn numbered_citations() {
    assert_clean(
        &strict_with("Pools saturate under retries [1], as seen before [2] and [12]."),
        1,
    );
}

#[test]
fn github_alerts() {
    assert_clean(
        &strict_with(
            "> [!NOTE]\n> The pool size is now 80.\n\n\
             > [!WARNING]\n> Do not lower it without a load test.\n\n\
             > [!TIP]\n> See the runbook.",
        ),
        1,
    );
}

#[test]
fn editorial_brackets() {
    assert_clean(
        &strict_with("The alert said \"pool exausted [sic]\" and then [...] stopped."),
        1,
    );
}

#[test]

fn brackets_inside_an_autolink() {
    assert_clean(
        &strict_with("Query: <https://logs.example.com/search?q=pool&fields[]=msg&sort[by]=time>"),
        1,
    );
}

// The example postmortems

/// What `pm lint --strict examples/postmortems` finds as of [`common::TODAY`]:
/// nothing but the action items due by then and still open.
const EXAMPLES_AT_TODAY: &str = "\
examples/postmortems/2026-08-19-card-payments-declined-after-payment-gateway-api-key.md:81:151: PM306 [warning] action item `Alert when a secrets-sync run fails or a…` was due 2026-11-27 and is not done (4 days ago)
examples/postmortems/2026-10-14-admin-console-slow-after-audit-log-table-bloat.md:74:186: PM306 [warning] action item `Add \"drop the replica's replication slot…` was due 2026-11-24 and is not done (7 days ago)
examples/postmortems/2026-10-14-admin-console-slow-after-audit-log-table-bloat.md:75:163: PM306 [warning] action item `Alert on any Postgres replication slot i…` was due 2026-11-25 and is not done (6 days ago)
examples/postmortems/2026-11-05-delayed-shipping-labels-from-carrier-api-rate-limiting.md:74:212: PM306 [warning] action item `Add per-carrier client-side rate limits …` was due 2026-11-30 and is not done (1 day ago)
";

/// The lines of [`EXAMPLES_AT_TODAY`] about example `name`, as a run on
/// the file `file` prints them.
fn example_findings(name: &str, file: &str) -> String {
    let prefix = format!("examples/postmortems/{name}:");
    EXAMPLES_AT_TODAY
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(|rest| format!("{file}:{rest}\n"))
        .collect()
}

/// The stderr summary of a run on one file that printed `findings`, all
/// warnings.
fn warnings_summary(findings: &str) -> String {
    match findings.lines().count() {
        0 => "Checked 1 file: no problems found.\n".to_owned(),
        1 => "Found 0 errors and 1 warning in 1 of 1 file checked.\n".to_owned(),
        n => format!("Found 0 errors and {n} warnings in 1 of 1 file checked.\n"),
    }
}

#[test]
fn every_example_postmortem_is_clean_with_strict_but_for_its_overdue_actions() {
    for (name, text) in examples() {
        let tmp = tmp();
        write(&tmp, &name, &text);
        let run = lint(&tmp, &["--strict", &name]);
        let expected = example_findings(&name, &name);
        assert_eq!(run.stdout, expected, "{name}");
        assert_eq!(run.stderr, warnings_summary(&expected), "{name}");
        assert_eq!(run.code, 0, "{name}");
    }
}

#[test]
fn the_example_folder_is_clean_with_strict_but_for_its_overdue_actions() {
    let examples = examples();
    let tmp = tmp();
    for (name, text) in &examples {
        write(&tmp, &format!("examples/postmortems/{name}"), text);
    }
    let run = lint(&tmp, &["--strict", "examples/postmortems"]);
    assert_eq!(run.stdout, EXAMPLES_AT_TODAY);
    assert_eq!(
        run.stderr,
        format!(
            "Found 0 errors and 4 warnings in 3 of {} files checked.\n",
            examples.len()
        )
    );
    assert_eq!(run.code, 0);
}

#[test]
fn every_example_reads_the_same_with_crlf_line_endings_or_a_byte_order_mark() {
    for (name, text) in examples() {
        let tmp = tmp();
        write(&tmp, "crlf.md", crlf(&text));
        write(&tmp, "bom.md", bom(&text));
        write(&tmp, "bom-crlf.md", bom(&crlf(&text)));
        for file in ["crlf.md", "bom.md", "bom-crlf.md"] {
            let run = lint(&tmp, &["--strict", file]);
            assert_eq!(
                run.stdout,
                example_findings(&name, file),
                "{name} as {file}"
            );
            assert_eq!(run.code, 0, "{name} as {file}");
        }
    }
}

#[test]
fn the_clean_document_is_clean_with_crlf_line_endings_or_a_byte_order_mark() {
    assert_clean(&lint_doc(&crlf(CLEAN), &["--strict"]), 1);
    assert_clean(&lint_doc(&bom(CLEAN), &["--strict"]), 1);
    assert_clean(&lint_doc(&bom(&crlf(CLEAN)), &["--strict"]), 1);
}
