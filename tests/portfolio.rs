//! `pm list`, `pm actions`, `pm stats` and `pm index` on the example
//! postmortems (copied into a temporary folder as `postmortems/`): the table
//! forms pinned by snapshots, the JSON forms checked field by field against
//! values read by hand from the files, the filters, CSV, and the index
//! spliced into a README.

mod common;

use common::TODAY;
use common::lint as support;
use common::portfolio as portfolio_support;
use portfolio_support::{
    DIR, EXAMPLES, cell, example, ids, pm_csv, pm_json, pm_ok, pm_run, with_examples,
};
use serde_json::Value;
use support::{tmp, write};

fn read(tmp: &tempfile::TempDir, path: &str) -> Vec<u8> {
    let full = tmp.path().join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

// Table forms, pinned by snapshots

#[test]
fn list_table_snapshot() {
    let tmp = with_examples();
    insta::assert_snapshot!("list_table", pm_ok(&tmp, &["list", DIR]));
}

#[test]
fn actions_overdue_table_snapshot() {
    let tmp = with_examples();
    insta::assert_snapshot!(
        "actions_overdue_table",
        pm_ok(&tmp, &["actions", "--overdue", "--today", TODAY, DIR])
    );
}

#[test]
fn stats_table_snapshot() {
    let tmp = with_examples();
    insta::assert_snapshot!(
        "stats_table",
        pm_ok(&tmp, &["stats", "--today", TODAY, DIR])
    );
}

// pm list --format json

#[test]
fn list_json_has_every_example_with_its_facts() {
    let tmp = with_examples();
    let rows = pm_json(&tmp, &["list", DIR]);
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 12);
    for (row, want) in rows.iter().zip(EXAMPLES) {
        let context = format!("{row:#}");
        assert_eq!(row["path"], format!("{DIR}/{}", want.file), "{context}");
        assert_eq!(row["date"], want.date, "{context}");
        assert_eq!(row["incident_id"], want.id, "{context}");
        assert_eq!(row["severity"], want.severity, "{context}");
        assert_eq!(row["status"], want.status, "{context}");
        assert_eq!(row["title"], want.title, "{context}");
        assert_eq!(row["duration"], want.duration, "{context}");
        assert_eq!(
            row["duration_minutes"].as_i64(),
            Some(want.duration_minutes),
            "{context}"
        );
        assert_eq!(
            row["open_actions"].as_u64(),
            Some(want.open_actions as u64),
            "{context}"
        );
        assert_eq!(
            row["actions"].as_u64(),
            Some(want.actions as u64),
            "{context}"
        );
    }
}

#[test]
fn list_json_open_actions_of_a_few_examples() {
    let tmp = with_examples();
    let rows = pm_json(&tmp, &["list", DIR]);
    let open = |id: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["incident_id"] == id)
            .map(|r| (r["open_actions"].as_u64(), r["actions"].as_u64()))
    };
    // INC-2026-0019: 7 nested checklist items, 2 unticked.
    assert_eq!(open("INC-2026-0019"), Some((Some(2), Some(7))));
    // INC-2026-0051: 5 table rows, 2 Done, 1 In Progress, 2 Open.
    assert_eq!(open("INC-2026-0051"), Some((Some(3), Some(5))));
    // INC-2026-0063: 4 table rows and no Status column.
    assert_eq!(open("INC-2026-0063"), Some((Some(4), Some(4))));
    // INC-2026-0004: 6 one-line checklist items, 5 ticked (the Prevention
    // Measures and Communication checklists are not action items).
    assert_eq!(open("INC-2026-0004"), Some((Some(1), Some(6))));
}

// pm actions --overdue --format json

#[test]
fn actions_overdue_json_is_exactly_the_four_overdue_items() {
    let tmp = with_examples();
    let items = pm_json(&tmp, &["actions", "--overdue", "--today", TODAY, DIR]);
    let got: Vec<(String, String, String, u64)> = items
        .as_array()
        .expect("an array")
        .iter()
        .map(|i| {
            assert_eq!(i["overdue"], true, "{i:#}");
            assert_eq!(i["done"], false, "{i:#}");
            (
                i["incident_id"].as_str().unwrap().to_owned(),
                i["owner"].as_str().unwrap().to_owned(),
                i["due"].as_str().unwrap().to_owned(),
                i["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("INC-2026-0063", "@platform-network", "2026-11-24", 74),
        ("INC-2026-0063", "@sre-oncall", "2026-11-25", 75),
        ("INC-2026-0051", "@sre-oncall", "2026-11-27", 81),
        ("INC-2026-0069", "Jonas Becker", "2026-11-30", 74),
    ]
    .map(|(id, owner, due, line)| (id.to_owned(), owner.to_owned(), due.to_owned(), line));
    assert_eq!(got, want);
    let paths: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    let path = |id: &str| format!("{DIR}/{}", example(id).file);
    assert_eq!(
        paths,
        [
            path("INC-2026-0063"),
            path("INC-2026-0063"),
            path("INC-2026-0051"),
            path("INC-2026-0069"),
        ]
    );
    assert_eq!(items[2]["status"], "In Progress");
    assert_eq!(items[0]["priority"], "High");
}

#[test]
fn actions_overdue_depends_on_today() {
    let tmp = with_examples();
    // On its due date an item is not overdue yet.
    let on_the_day = pm_json(
        &tmp,
        &["actions", "--overdue", "--today", "2026-11-24", DIR],
    );
    assert_eq!(on_the_day, Value::Array(Vec::new()));
    let next_day = pm_json(
        &tmp,
        &["actions", "--overdue", "--today", "2026-11-25", DIR],
    );
    assert_eq!(ids(&next_day), ["INC-2026-0063"]);
    assert_eq!(next_day[0]["owner"], "@platform-network");
}

// pm stats --format json

#[test]
fn stats_json_counts_by_severity_and_month() {
    let tmp = with_examples();
    let stats = pm_json(&tmp, &["stats", "--today", TODAY, DIR]);
    assert_eq!(stats["postmortems"], 12);
    let counts = |key: &str| -> Vec<(String, u64)> {
        stats[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["key"].as_str().unwrap().to_owned(),
                    c["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let by_severity: Vec<(String, u64)> = ["SEV-1", "SEV-2", "SEV-3", "SEV-4"]
        .iter()
        .map(|s| ((*s).to_owned(), 3))
        .collect();
    assert_eq!(counts("by_severity"), by_severity);
    let by_month: Vec<(String, u64)> = [
        ("2026-01", 1),
        ("2026-02", 1),
        ("2026-03", 2),
        ("2026-04", 1),
        ("2026-05", 1),
        ("2026-06", 1),
        ("2026-07", 1),
        ("2026-08", 1),
        ("2026-09", 1),
        ("2026-10", 1),
        ("2026-11", 1),
    ]
    .iter()
    .map(|(m, c)| ((*m).to_owned(), *c))
    .collect();
    assert_eq!(counts("by_month"), by_month);
}

/// (severity, count, median, p90) of a stats spread list.
fn spreads(stats: &Value, key: &str) -> Vec<(String, u64, f64, i64)> {
    stats[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["severity"].as_str().unwrap().to_owned(),
                s["count"].as_u64().unwrap(),
                s["median_minutes"].as_f64().unwrap(),
                s["p90_minutes"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn stats_json_time_to_detect_per_severity() {
    let tmp = with_examples();
    let stats = pm_json(&tmp, &["stats", "--today", TODAY, DIR]);
    // SEV-1: 2, 3, 3. SEV-2: 4, 9, 15. SEV-3: 18, 43, 101. SEV-4: 42, 105, 142.
    // Median of three: the middle one; nearest-rank p90 of three: the largest.
    let want = [
        ("SEV-1", 3, 3.0, 3),
        ("SEV-2", 3, 9.0, 15),
        ("SEV-3", 3, 43.0, 101),
        ("SEV-4", 3, 105.0, 142),
    ]
    .map(|(s, n, m, p)| (s.to_owned(), n, m, p));
    assert_eq!(spreads(&stats, "time_to_detect"), want);
    // The same from the hand-read table of examples.
    for (severity, _, median, p90) in &want {
        let mut values: Vec<i64> = EXAMPLES
            .iter()
            .filter(|e| e.severity == severity)
            .map(|e| e.detect_minutes)
            .collect();
        values.sort_unstable();
        assert_eq!((values[1] as f64, values[2]), (*median, *p90), "{severity}");
    }
}

#[test]
fn stats_json_time_to_resolve_per_severity() {
    let tmp = with_examples();
    let stats = pm_json(&tmp, &["stats", "--today", TODAY, DIR]);
    // SEV-1: 64, 72, 74. SEV-2: 75, 87, 113. SEV-3: 131, 166, 192.
    // SEV-4: 141, 310, 338.
    let want = [
        ("SEV-1", 3, 72.0, 74),
        ("SEV-2", 3, 87.0, 113),
        ("SEV-3", 3, 166.0, 192),
        ("SEV-4", 3, 310.0, 338),
    ]
    .map(|(s, n, m, p)| (s.to_owned(), n, m, p));
    assert_eq!(spreads(&stats, "time_to_resolve"), want);
    for (severity, _, median, p90) in &want {
        let mut values: Vec<i64> = EXAMPLES
            .iter()
            .filter(|e| e.severity == severity)
            .map(|e| e.duration_minutes)
            .collect();
        values.sort_unstable();
        assert_eq!((values[1] as f64, values[2]), (*median, *p90), "{severity}");
    }
}

#[test]
fn stats_json_time_to_postmortem_counts_days_from_resolution_to_review() {
    let tmp = with_examples();
    let stats = pm_json(&tmp, &["stats", "--today", TODAY, DIR]);
    let days = |stats: &Value| -> Vec<(String, u64, f64, i64)> {
        stats["time_to_postmortem"]
            .as_array()
            .expect("time_to_postmortem")
            .iter()
            .map(|s| {
                (
                    s["severity"].as_str().expect("a group").to_owned(),
                    s["count"].as_u64().expect("a count"),
                    s["median_days"].as_f64().expect("a median"),
                    s["p90_days"].as_i64().expect("a p90"),
                )
            })
            .collect()
    };
    // Days from the day of resolved_at to reviewed_at (or published_at),
    // read from the ten final examples (the two in review have neither):
    // SEV-1: 03-14 -> 03-17 (3), 04-03 -> 04-08 (5), 08-19 -> 08-21 (2).
    // SEV-2: 02-09 -> 02-13 (4), 03-27 -> 04-04 (8), 07-08 -> 07-17 (9).
    // SEV-3: 05-21 -> published 06-03 (13), 06-12 -> 06-19 (7).
    // SEV-4: 01-13 -> 01-19 (6), 09-17 -> 09-28 (11).
    let want = [
        ("SEV-1", 3, 3.0, 5),
        ("SEV-2", 3, 8.0, 9),
        ("SEV-3", 2, 10.0, 13),
        ("SEV-4", 2, 8.5, 11),
    ]
    .map(|(s, n, m, p)| (s.to_owned(), n, m, p));
    assert_eq!(days(&stats), want);
    // By month of the incident: March has two (3 and 8 days).
    let by_month = pm_json(&tmp, &["stats", "--today", TODAY, "--by", "month", DIR]);
    let march = days(&by_month)
        .into_iter()
        .find(|(month, ..)| month == "2026-03")
        .expect("March");
    assert_eq!(march, ("2026-03".to_owned(), 2, 5.5, 8));
}

#[test]
fn stats_json_open_and_overdue_actions_per_owner() {
    let tmp = with_examples();
    let stats = pm_json(&tmp, &["stats", "--today", TODAY, DIR]);
    let got: Vec<(String, u64, u64)> = stats["actions_by_owner"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["owner"].as_str().unwrap().to_owned(),
                o["open"].as_u64().unwrap(),
                o["overdue"].as_u64().unwrap(),
            )
        })
        .collect();
    // Counted by hand over the unfinished items of every Action Items section;
    // most open first, then most overdue, then by name.
    let want = [
        ("Elif Demir", 5, 0),        // 0004, 0016, 0037, 0063, 0069
        ("@sre-oncall", 4, 2),       // 0007 (12-15), 0051 (11-27), 0063 (11-25), 0069
        ("Jonas Becker", 4, 1),      // 0019, 0051, 0063, 0069 (11-30)
        ("Marcus Oyelaran", 3, 0),   // 0019, 0051, 0069
        ("@platform-network", 1, 1), // 0063 (11-24)
        ("@edge-platform", 1, 0),
        ("Hana Sato", 1, 0),
        ("@integrations-team", 1, 0),
        ("Owen Clarke", 1, 0),
    ]
    .map(|(o, open, overdue)| (o.to_owned(), open, overdue));
    assert_eq!(got, want);
    let open: u64 = got.iter().map(|(_, open, _)| open).sum();
    let from_list: usize = EXAMPLES.iter().map(|e| e.open_actions).sum();
    assert_eq!(open, from_list as u64);
}

// pm list filters

#[test]
fn list_severity_filter_is_normalized() {
    let tmp = with_examples();
    for spelling in ["sev1", "SEV-1", "Sev-1"] {
        let rows = pm_json(&tmp, &["list", "--severity", spelling, DIR]);
        assert_eq!(
            ids(&rows),
            ["INC-2026-0012", "INC-2026-0019", "INC-2026-0051"],
            "--severity {spelling}"
        );
    }
}

#[test]
fn list_an_unknown_severity_exits_2_naming_the_flag() {
    let tmp = with_examples();
    let run = pm_run(&tmp, &["list", "--severity", "sev9", DIR]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("'--severity'") && run.stderr.contains("SEV-1, SEV-2, SEV-3, SEV-4"),
        "{}",
        run.stderr
    );
}

#[test]
fn list_status_filter() {
    let tmp = with_examples();
    let rows = pm_json(&tmp, &["list", "--status", "in-review", DIR]);
    assert_eq!(ids(&rows), ["INC-2026-0063", "INC-2026-0069"]);
    let none = pm_json(&tmp, &["list", "--status", "draft", DIR]);
    assert_eq!(none, Value::Array(Vec::new()));
}

#[test]
fn list_since_and_until_include_their_days() {
    let tmp = with_examples();
    let both = pm_json(
        &tmp,
        &[
            "list",
            "--since",
            "2026-03-14",
            "--until",
            "2026-06-11",
            DIR,
        ],
    );
    assert_eq!(
        ids(&both),
        [
            "INC-2026-0012",
            "INC-2026-0016",
            "INC-2026-0019",
            "INC-2026-0031",
            "INC-2026-0037"
        ]
    );
    let since = pm_json(&tmp, &["list", "--since", "2026-10-14", DIR]);
    assert_eq!(ids(&since), ["INC-2026-0063", "INC-2026-0069"]);
    let until = pm_json(&tmp, &["list", "--until", "2026-01-13", DIR]);
    assert_eq!(ids(&until), ["INC-2026-0004"]);
    let filters = pm_json(
        &tmp,
        &["list", "--since", "2026-03-01", "--severity", "sev2", DIR],
    );
    assert_eq!(ids(&filters), ["INC-2026-0016", "INC-2026-0044"]);
}

#[test]
fn an_invalid_date_flag_exits_2_naming_the_flag() {
    let tmp = with_examples();
    for (args, flag) in [
        (vec!["list", "--since", "2026-3-14", DIR], "--since"),
        (vec!["list", "--until", "2026-02-30", DIR], "--until"),
        (vec!["actions", "--today", "tomorrow", DIR], "--today"),
        (vec!["stats", "--today", "01/12/2026", DIR], "--today"),
    ] {
        let run = pm_run(&tmp, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.contains(&format!("for '{flag}'")) && run.stderr.contains("YYYY-MM-DD"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn since_after_until_is_an_error_not_an_empty_list() {
    let tmp = with_examples();
    let run = pm_run(
        &tmp,
        &[
            "list",
            "--since",
            "2026-09-01",
            "--until",
            "2026-08-01",
            DIR,
        ],
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "error: --since 2026-09-01 is after --until 2026-08-01: no day is in between\n"
        )
    );
}

// pm actions filters

#[test]
fn actions_open_lists_every_unfinished_item() {
    let tmp = with_examples();
    let items = pm_json(&tmp, &["actions", "--open", "--today", TODAY, DIR]);
    let items = items.as_array().unwrap();
    let total: usize = EXAMPLES.iter().map(|e| e.open_actions).sum();
    assert_eq!(items.len(), total);
    assert_eq!(total, 21);
    assert!(items.iter().all(|i| i["done"] == false), "{items:#?}");
    for e in EXAMPLES {
        let n = items.iter().filter(|i| i["incident_id"] == e.id).count();
        assert_eq!(n, e.open_actions, "{}", e.id);
    }
    // By due date.
    let dues: Vec<&str> = items.iter().map(|i| i["due"].as_str().unwrap()).collect();
    let mut sorted = dues.clone();
    sorted.sort_unstable();
    assert_eq!(dues, sorted);
    let all = pm_json(&tmp, &["actions", "--today", TODAY, DIR]);
    let every: usize = EXAMPLES.iter().map(|e| e.actions).sum();
    assert_eq!(all.as_array().unwrap().len(), every);
}

#[test]
fn actions_owner_is_case_insensitive() {
    let tmp = with_examples();
    let items = pm_json(
        &tmp,
        &["actions", "--owner", "jonas becker", "--today", TODAY, DIR],
    );
    let got: Vec<(String, String, bool)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            assert_eq!(i["owner"], "Jonas Becker", "{i:#}");
            (
                i["incident_id"].as_str().unwrap().to_owned(),
                i["due"].as_str().unwrap().to_owned(),
                i["done"].as_bool().unwrap(),
            )
        })
        .collect();
    let want = [
        ("INC-2026-0004", "2026-01-14", true),
        ("INC-2026-0004", "2026-02-13", true),
        ("INC-2026-0007", "2026-03-06", true),
        ("INC-2026-0051", "2026-08-26", true),
        ("INC-2026-0069", "2026-11-30", false),
        ("INC-2026-0063", "2027-01-15", false),
        ("INC-2026-0019", "2027-01-29", false),
        ("INC-2026-0051", "2027-01-29", false),
    ]
    .map(|(id, due, done)| (id.to_owned(), due.to_owned(), done));
    assert_eq!(got, want);
    let upper = pm_json(
        &tmp,
        &["actions", "--owner", "JONAS BECKER", "--today", TODAY, DIR],
    );
    assert_eq!(upper, items);
}

#[test]
fn actions_owner_ignores_a_leading_at() {
    let tmp = with_examples();
    let items = pm_json(
        &tmp,
        &["actions", "--owner", "sre-oncall", "--today", TODAY, DIR],
    );
    let got: Vec<(String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            assert_eq!(i["owner"], "@sre-oncall", "{i:#}");
            (
                i["incident_id"].as_str().unwrap().to_owned(),
                i["due"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("INC-2026-0004", "2026-01-20"),
        ("INC-2026-0019", "2026-04-09"),
        ("INC-2026-0016", "2026-05-15"),
        ("INC-2026-0037", "2026-06-24"),
        ("INC-2026-0063", "2026-11-25"),
        ("INC-2026-0051", "2026-11-27"),
        ("INC-2026-0007", "2026-12-15"),
        ("INC-2026-0069", "2027-01-22"),
    ]
    .map(|(id, due)| (id.to_owned(), due.to_owned()));
    assert_eq!(got, want);
    for spelling in ["@sre-oncall", "@SRE-Oncall"] {
        let same = pm_json(
            &tmp,
            &["actions", "--owner", spelling, "--today", TODAY, DIR],
        );
        assert_eq!(same, items, "--owner {spelling}");
    }
    let overdue = pm_json(
        &tmp,
        &[
            "actions",
            "--owner",
            "sre-oncall",
            "--overdue",
            "--today",
            TODAY,
            DIR,
        ],
    );
    assert_eq!(ids(&overdue), ["INC-2026-0063", "INC-2026-0051"]);
}

#[test]
fn actions_table_aligns_wide_characters_and_ends_lines_without_spaces() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/a.md",
        "---\nincident_id: INC-1\n---\n# A\n\n## Action Items\n\n\
         - [ ] Add a disk alert - Owner: 李雷 - Due: 2026-01-02\n\
         - [ ] Rotate the keys - Owner: Ann - Due: 2027-01-02\n",
    );
    let out = pm_ok(&tmp, &["actions", "--today", TODAY, "pm"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    for line in &lines {
        assert_eq!(line.trim_end(), *line, "trailing spaces: {line:?}");
    }
    // 李雷 is four columns wide but two characters: the columns after it
    // still start where the header's do.
    let column = |line: &str, word: &str| {
        let at = line
            .find(word)
            .unwrap_or_else(|| panic!("{word} in {line:?}"));
        unicode_width(&line[..at])
    };
    assert_eq!(
        column(lines[0], "action"),
        column(lines[1], "Add a disk alert")
    );
    assert_eq!(
        column(lines[0], "action"),
        column(lines[2], "Rotate the keys")
    );
    assert!(lines[1].ends_with("yes"), "{out}");
    assert!(lines[2].ends_with("pm/a.md:9"), "{out}");
}

/// Display columns of `text`: CJK characters take two.
fn unicode_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn actions_due_the_same_day_are_in_file_then_line_order() {
    let tmp = tmp();
    let doc = |id: &str| {
        format!(
            "---\nincident_id: {id}\n---\n# {id}\n\n## Action Items\n\n\
             - [ ] First fix of {id} - Owner: Ann - Due: 2027-01-02\n\
             - [ ] Second fix of {id} - Owner: Ann - Due: 2027-01-02\n\
             - [ ] Earlier fix of {id} - Owner: Ann - Due: 2027-01-01\n"
        )
    };
    write(&tmp, "pm/b.md", doc("INC-B"));
    write(&tmp, "pm/a/z.md", doc("INC-AZ"));
    write(&tmp, "pm/a-b.md", doc("INC-AB"));
    let items = pm_json(&tmp, &["actions", "--today", TODAY, "pm"]);
    let got: Vec<String> = items
        .as_array()
        .expect("an array")
        .iter()
        .map(|i| format!("{} {}", i["path"].as_str().unwrap_or(""), i["line"]))
        .collect();
    // Files in the order pm lint and pm list walk them: a folder's own
    // files before names that merely start like it.
    assert_eq!(
        got,
        [
            "pm/a/z.md 10",
            "pm/a-b.md 10",
            "pm/b.md 10",
            "pm/a/z.md 8",
            "pm/a/z.md 9",
            "pm/a-b.md 8",
            "pm/a-b.md 9",
            "pm/b.md 8",
            "pm/b.md 9",
        ]
    );
}

// CSV

#[test]
fn list_csv_parses_back_to_the_json_rows() {
    let tmp = with_examples();
    let json = pm_json(&tmp, &["list", DIR]);
    let (header, records) = pm_csv(&tmp, &["list", DIR]);
    assert_eq!(
        header,
        [
            "date",
            "id",
            "severity",
            "status",
            "title",
            "duration",
            "open actions",
            "path"
        ]
    );
    let want: Vec<Vec<String>> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            vec![
                cell(&r["date"]),
                cell(&r["incident_id"]),
                cell(&r["severity"]),
                cell(&r["status"]),
                cell(&r["title"]),
                cell(&r["duration"]),
                format!("{}/{}", r["open_actions"], r["actions"]),
                cell(&r["path"]),
            ]
        })
        .collect();
    assert_eq!(records.len(), 12);
    assert_eq!(records, want);
}

#[test]
fn csv_cells_never_start_a_spreadsheet_formula() {
    let tmp = with_examples();
    let file = format!("{DIR}/formula.md");
    write(
        &tmp,
        &file,
        "---\ntitle: \"=HYPERLINK(\\\"http://evil.example\\\", \\\"x\\\")\"\nseverity: \"@SUM(A1)\"\nstatus: \"+1\"\nduration: \"-2h\"\n---\n\n# x\n",
    );
    let (_, records) = pm_csv(&tmp, &["list", &file]);
    assert_eq!(
        records[0][..6],
        [
            "",
            "",
            "'@SUM(A1)",
            "'+1",
            "'=HYPERLINK(\"http://evil.example\", \"x\")",
            "'-2h"
        ]
    );
}

#[test]
fn actions_csv_parses_back_to_the_json_items() {
    let tmp = with_examples();
    for filter in [vec![], vec!["--overdue"], vec!["--owner", "jonas becker"]] {
        let mut args = vec!["actions", "--today", TODAY];
        args.extend(&filter);
        args.push(DIR);
        let json = pm_json(&tmp, &args);
        let (header, records) = pm_csv(&tmp, &args);
        assert_eq!(
            header,
            [
                "due", "owner", "priority", "state", "action", "tracker", "reason", "incident",
                "source", "overdue"
            ]
        );
        let want: Vec<Vec<String>> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                // `@sre-oncall` is written `'@sre-oncall`, so no
                // spreadsheet runs it.
                let safe = |v: &Value| {
                    let text = cell(v);
                    if text.starts_with(['=', '+', '-', '@']) {
                        format!("'{text}")
                    } else {
                        text
                    }
                };
                vec![
                    safe(&i["due"]),
                    safe(&i["owner"]),
                    safe(&i["priority"]),
                    safe(&i["state"]),
                    safe(&i["action"]),
                    safe(&i["tracker"]),
                    safe(&i["reason"]),
                    cell(&i["incident_id"]),
                    format!("{}:{}", cell(&i["path"]), i["line"]),
                    if i["overdue"] == true { "yes" } else { "" }.to_owned(),
                ]
            })
            .collect();
        assert!(!records.is_empty(), "{args:?}");
        assert_eq!(records, want, "{args:?}");
    }
}

#[test]
fn stats_csv_exits_2() {
    let tmp = with_examples();
    let run = pm_run(&tmp, &["stats", "--format", "csv", "--today", TODAY, DIR]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("'--format'"), "{}", run.stderr);
}

// pm index

/// The index table of the examples as pm should write it for an index file
/// in the temporary folder's root, built from the hand-read facts.
fn expected_table(link_prefix: &str) -> String {
    let mut table = String::from(
        "| Date | ID | Severity | Status | Title | Duration | Open actions |\n|---|---|---|---|---|---|---|\n",
    );
    for e in EXAMPLES {
        table.push_str(&format!(
            "| {} | {} | {} | {} | [{}]({link_prefix}{}) | {} | {} |\n",
            e.date, e.id, e.severity, e.status, e.title, e.file, e.duration, e.open_actions
        ));
    }
    table
}

const START: &str = "<!-- pm-index:start -->";
const END: &str = "<!-- pm-index:end -->";

#[test]
fn index_replaces_only_the_text_between_the_markers() {
    let tmp = with_examples();
    let before = "# Incident reviews\n\nIntro with trailing spaces   \r\nand a CRLF line.\n\n";
    let after = "\n\n## Older reviews\n\nSee the wiki. No newline at the end";
    let readme = format!("{before}{START}\nstale table\n{END}{after}");
    write(&tmp, "README.md", &readme);
    let run = pm_run(&tmp, &["index", "--write", "README.md", DIR]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "Wrote the index of 12 postmortems to README.md.\n"
    );
    let written = String::from_utf8(read(&tmp, "README.md")).unwrap();
    assert!(written.starts_with(before), "{written}");
    assert!(written.ends_with(after), "{written}");
    assert_eq!(
        written,
        format!(
            "{before}{START}\n{}{END}{after}",
            expected_table(&format!("{DIR}/"))
        )
    );
    // Every link resolves to its file.
    for e in EXAMPLES {
        let link = format!("]({DIR}/{})", e.file);
        assert_eq!(written.matches(&link).count(), 1, "{link}");
        assert!(tmp.path().join(DIR).join(e.file).is_file());
    }
}

#[test]
fn index_twice_changes_nothing_and_check_passes() {
    let tmp = with_examples();
    write(&tmp, "README.md", format!("# Reviews\n\n{START}\n{END}\n"));
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", DIR]);
    let once = read(&tmp, "README.md");
    let run = pm_run(&tmp, &["index", "--write", "README.md", DIR]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "README.md is up to date (12 postmortems).\n");
    assert_eq!(read(&tmp, "README.md"), once);
    let check = pm_run(&tmp, &["index", "--write", "README.md", "--check", DIR]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(check.stdout, "");
    assert_eq!(check.stderr, "README.md is up to date (12 postmortems).\n");
    assert_eq!(read(&tmp, "README.md"), once);
}

#[test]
fn index_of_one_postmortem_says_postmortem() {
    let tmp = with_examples();
    let file = format!("{DIR}/{}", example("INC-2026-0063").file);
    let wrote = pm_ok_stderr(&tmp, &["index", "--write", "README.md", &file]);
    assert_eq!(wrote, "Wrote the index of 1 postmortem to README.md.\n");
    let again = pm_ok_stderr(&tmp, &["index", "--write", "README.md", &file]);
    assert_eq!(again, "README.md is up to date (1 postmortem).\n");
}

/// Runs `pm <args>` expecting success; stdout must be empty.
#[track_caller]
fn pm_ok_stderr(tmp: &tempfile::TempDir, args: &[&str]) -> String {
    let run = pm_run(tmp, args);
    assert_eq!(run.code, 0, "pm {args:?}: {}", run.stderr);
    assert_eq!(run.stdout, "", "pm {args:?}");
    run.stderr
}

#[test]
fn index_check_fails_after_a_title_changes() {
    let tmp = with_examples();
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", DIR]);
    let before = read(&tmp, "README.md");
    let file = format!("{DIR}/{}", example("INC-2026-0063").file);
    let text = String::from_utf8(read(&tmp, &file)).unwrap();
    let changed = text.replacen(
        "title: Admin console slow after audit_log table bloat\n",
        "title: Admin console slowed by audit_log bloat\n",
        1,
    );
    assert_ne!(changed, text);
    write(&tmp, &file, changed);
    let check = pm_run(&tmp, &["index", "--write", "README.md", "--check", DIR]);
    assert_eq!(check.code, 1);
    assert_eq!(check.stdout, "");
    assert_eq!(
        check.stderr,
        "README.md is out of date; run `pm index --write README.md`\n"
    );
    // --check does not write.
    assert_eq!(read(&tmp, "README.md"), before);
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", DIR]);
    let after = String::from_utf8(read(&tmp, "README.md")).unwrap();
    assert!(
        after.contains("[Admin console slowed by audit_log bloat]"),
        "{after}"
    );
    let check = pm_run(&tmp, &["index", "--write", "README.md", "--check", DIR]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

#[test]
fn index_appends_the_markers_when_absent() {
    let tmp = with_examples();
    let readme = "# Reviews\n\nWhat we learned.\n";
    write(&tmp, "README.md", readme);
    let check = pm_run(&tmp, &["index", "--write", "README.md", "--check", DIR]);
    assert_eq!(check.code, 1);
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", DIR]);
    assert_eq!(
        String::from_utf8(read(&tmp, "README.md")).unwrap(),
        format!(
            "{readme}\n{START}\n{}{END}\n",
            expected_table(&format!("{DIR}/"))
        )
    );
}

/// Runs `pm index --write README.md` (and `--check`) on `readme`: both exit
/// 2 with exactly `stderr` and leave the file's bytes as they were.
#[track_caller]
fn assert_markers_refused(readme: &str, stderr: &str) {
    let tmp = with_examples();
    write(&tmp, "README.md", readme);
    for extra in [&[][..], &["--check"][..]] {
        let mut args = vec!["index", "--write", "README.md"];
        args.extend_from_slice(extra);
        args.push(DIR);
        let run = pm_run(&tmp, &args);
        assert_eq!(run.code, 2, "pm {args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "");
        assert_eq!(run.stderr, stderr, "pm {args:?}");
        assert_eq!(read(&tmp, "README.md"), readme.as_bytes());
    }
}

#[test]
fn index_with_only_a_start_marker_keeps_the_text_after_it() {
    assert_markers_refused(
        &format!("# Reviews\n\n{START}\n\nOur notes, which must stay.\n"),
        "error: README.md:3: `<!-- pm-index:start -->` has no `<!-- pm-index:end -->` after \
         it; add the end marker on a line of its own where the table should stop; pm index \
         changed nothing\n",
    );
}

#[test]
fn index_with_only_an_end_marker_appends_nothing() {
    assert_markers_refused(
        &format!("# Reviews\n\n{END}\n"),
        "error: README.md:3: `<!-- pm-index:end -->` has no `<!-- pm-index:start -->` before \
         it; add the start marker on a line of its own where the table should begin; pm index \
         changed nothing\n",
    );
}

#[test]
fn index_with_the_end_before_the_start_appends_nothing() {
    assert_markers_refused(
        &format!("# Reviews\n\n{END}\n\n{START}\n"),
        "error: README.md:3: `<!-- pm-index:end -->` comes before `<!-- pm-index:start -->` \
         (line 5); put the start marker first; pm index changed nothing\n",
    );
}

#[test]
fn index_with_two_pairs_of_markers_is_refused() {
    assert_markers_refused(
        &format!("{START}\n{END}\n\n{START}\n{END}\n"),
        "error: README.md:4: a second `<!-- pm-index:start -->`; keep one pair of markers; pm \
         index changed nothing\n",
    );
}

#[test]
fn index_ignores_markers_in_code_and_inside_lines() {
    let tmp = with_examples();
    let docs = format!(
        "# Reviews\n\nPut `{START}` and `{END}` in your README.\n\n```markdown\n{START}\n{END}\n```\n\n    {START}\n\n{START}\nold\n{END}\n"
    );
    write(&tmp, "README.md", &docs);
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", DIR]);
    let kept = &docs[..docs.rfind(&format!("{START}\nold")).unwrap()];
    assert_eq!(
        String::from_utf8(read(&tmp, "README.md")).unwrap(),
        format!(
            "{kept}{START}\n{}{END}\n",
            expected_table(&format!("{DIR}/"))
        )
    );
}

#[test]
fn index_titles_cannot_form_a_marker() {
    let tmp = with_examples();
    let file = format!("{DIR}/marker.md");
    write(
        &tmp,
        &file,
        format!("---\ntitle: \"Broke the index {END}\"\n---\n\n# x\n"),
    );
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", &file]);
    let once = read(&tmp, "README.md");
    let text = String::from_utf8(once.clone()).unwrap();
    assert!(
        text.contains("[Broke the index \\<!-- pm-index:end -->](postmortems/marker.md)"),
        "{text}"
    );
    let again = pm_ok_stderr(&tmp, &["index", "--write", "README.md", &file]);
    assert_eq!(again, "README.md is up to date (1 postmortem).\n");
    assert_eq!(read(&tmp, "README.md"), once);
}

#[test]
fn index_keeps_a_crlf_file_crlf() {
    let tmp = with_examples();
    let readme = format!("# Reviews\r\n\r\n{START}\r\nold\r\n{END}\r\n\r\nAfter.\r\n");
    write(&tmp, "README.md", &readme);
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", DIR]);
    let table = expected_table(&format!("{DIR}/")).replace('\n', "\r\n");
    assert_eq!(
        String::from_utf8(read(&tmp, "README.md")).unwrap(),
        format!("# Reviews\r\n\r\n{START}\r\n{table}{END}\r\n\r\nAfter.\r\n")
    );
    // Appended to a CRLF file without markers, the block is CRLF too.
    write(&tmp, "OTHER.md", "# Other\r\n");
    pm_ok_stderr(&tmp, &["index", "--write", "OTHER.md", DIR]);
    assert_eq!(
        String::from_utf8(read(&tmp, "OTHER.md")).unwrap(),
        format!("# Other\r\n\r\n{START}\r\n{table}{END}\r\n")
    );
}

#[test]
fn index_creates_a_missing_file() {
    let tmp = with_examples();
    let check = pm_run(&tmp, &["index", "--write", "README.md", "--check", DIR]);
    assert_eq!(check.code, 1);
    assert_eq!(check.stdout, "");
    assert!(check.stderr.contains("README.md"), "{}", check.stderr);
    assert!(!tmp.path().join("README.md").exists(), "--check wrote");
    pm_ok_stderr(&tmp, &["index", "--write", "README.md", DIR]);
    assert_eq!(
        String::from_utf8(read(&tmp, "README.md")).unwrap(),
        format!("{START}\n{}{END}\n", expected_table(&format!("{DIR}/")))
    );
}

#[test]
fn index_links_are_relative_to_the_index_file() {
    let tmp = with_examples();
    pm_ok_stderr(&tmp, &["index", "--write", "docs/INDEX.md", DIR]);
    assert_eq!(
        String::from_utf8(read(&tmp, "docs/INDEX.md")).unwrap(),
        format!("{START}\n{}{END}\n", expected_table(&format!("../{DIR}/")))
    );
}

#[test]

fn index_inside_the_postmortems_folder_does_not_list_itself() {
    let tmp = with_examples();
    let index = format!("{DIR}/README.md");
    pm_ok_stderr(&tmp, &["index", "--write", &index, DIR]);
    let once = read(&tmp, &index);
    assert_eq!(
        String::from_utf8(once.clone()).unwrap(),
        format!("{START}\n{}{END}\n", expected_table(""))
    );
    let run = pm_run(&tmp, &["index", "--write", &index, DIR]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        format!("{index} is up to date (12 postmortems).\n")
    );
    assert_eq!(read(&tmp, &index), once);
}

#[test]
fn an_empty_folder_lists_nothing() {
    let tmp = tmp();
    support::mkdir(&tmp, DIR);
    assert_eq!(pm_json(&tmp, &["list", DIR]), Value::Array(Vec::new()));
    assert_eq!(
        pm_json(&tmp, &["actions", "--today", TODAY, DIR]),
        Value::Array(Vec::new())
    );
}
