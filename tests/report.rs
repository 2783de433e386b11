//! `pm report` through the real binary: the page is well-formed, loads
//! nothing, and each chart carries the numbers of the examples in its
//! titles and labels (read by hand from the files, as in tests/portfolio.rs);
//! the filters, the links, and what `-o` may and may not replace.

mod common;

use common::TODAY;
use common::lint::{run, tmp, write};
use common::portfolio::{DIR, EXAMPLES, pm_json, with_examples};
use common::{pm, read};
use roxmltree::{Document, Node, ParsingOptions};

/// Runs `pm report` in `tmp` writing `out/report.html`, and returns the page.
fn report(tmp: &tempfile::TempDir, args: &[&str]) -> String {
    let out = run(pm(tmp)
        .args(["report", "--today", TODAY, "-o", "out/report.html"])
        .args(args));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    read(tmp.path().join("out/report.html"))
}

/// The page parsed as XML: a parse error fails the test.
fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the report is not well-formed: {e}\n{html}"))
}

/// The element with this `id`.
fn by_id<'a, 'i>(doc: &'a Document<'i>, id: &str) -> Node<'a, 'i> {
    doc.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element with id {id}"))
}

/// The texts of the `<title>` elements under `node`, in order.
fn titles(node: Node<'_, '_>) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

/// The text inside `node`.
fn text(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(|t| t.is_text())
        .filter_map(|t| t.text())
        .collect()
}

/// The text of every element under `node` with this class.
fn texts_of_class(node: Node<'_, '_>, class: &str) -> Vec<String> {
    node.descendants()
        .filter(|n| n.attribute("class") == Some(class))
        .map(text)
        .collect()
}

/// The cells of the rows of the table under `node`'s body.
fn rows(node: Node<'_, '_>) -> Vec<Vec<String>> {
    node.descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .flat_map(|body| body.children().filter(|n| n.has_tag_name("tr")))
        .map(|row| {
            row.children()
                .filter(|n| n.has_tag_name("td"))
                .map(text)
                .collect()
        })
        .collect()
}

const CHARTS: [&str; 6] = [
    "incidents",
    "time-to-detect",
    "time-to-resolve",
    "follow-through",
    "owners",
    "services",
];

#[test]
fn the_report_is_one_well_formed_page_that_loads_nothing() {
    let tmp = with_examples();
    let out = run(pm(&tmp).args(["report", "--today", TODAY, "-o", "out/report.html", DIR]));
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            0,
            "",
            "Wrote the report of 12 postmortems to out/report.html.\n"
        )
    );
    let html = read(tmp.path().join("out/report.html"));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"),
        "{html}"
    );
    let doc = parse(&html);
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            ![
                "script", "link", "img", "iframe", "object", "embed", "image", "use"
            ]
            .contains(&tag),
            "the page has a <{tag}>"
        );
        assert_eq!(node.attribute("src"), None, "<{tag}> loads something");
        if let Some(href) = node.attribute("href") {
            assert!(!href.contains("://"), "<{tag}> links outside: {href}");
        }
    }
    // The one URL is the SVG namespace, which is a name, not a download.
    let without_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for text in ["http:", "https:", "url(", "@import", "//cdn", "<script"] {
        assert!(!without_namespace.contains(text), "the page holds `{text}`");
    }
    for id in CHARTS {
        let figure = by_id(&doc, id);
        assert!(figure.has_tag_name("figure"), "{id}");
        let chart = by_id(&doc, &format!("{id}-chart"));
        assert!(
            chart.has_tag_name(("http://www.w3.org/2000/svg", "svg")),
            "{id}"
        );
        assert!(!titles(chart).is_empty(), "the chart {id} has no marks");
    }
    // Light by default, dark when asked, and a print look.
    for css in [
        "@media (prefers-color-scheme: dark)",
        "@media print",
        "color-scheme: light dark",
    ] {
        assert!(html.contains(css), "no `{css}`");
    }
}

#[test]
fn the_incidents_chart_stacks_each_month_by_severity() {
    let tmp = with_examples();
    let html = report(&tmp, &[DIR]);
    let doc = parse(&html);
    let chart = by_id(&doc, "incidents-chart");
    // One mark per month and severity, from the examples' dates and
    // severities: March has a SEV-1 and a SEV-2, every other month one.
    let mut want: Vec<String> = Vec::new();
    for example in EXAMPLES {
        let month = &example.date[..7];
        let mark = format!("{month} · {}: 1", example.severity);
        if !want.contains(&mark) {
            want.push(mark);
        }
    }
    let mut got = titles(chart);
    got.sort();
    want.sort();
    assert_eq!(got, want);
    assert_eq!(
        texts_of_class(chart, "value"),
        ["1", "1", "2", "1", "1", "1", "1", "1", "1", "1", "1"],
        "the total above each month, January to November"
    );
    let months: Vec<String> = texts_of_class(chart, "label");
    assert_eq!(months.first().map(String::as_str), Some("2026-01"));
    assert_eq!(months.last().map(String::as_str), Some("2026-11"));
    let legend: Vec<String> = by_id(&doc, "incidents")
        .descendants()
        .filter(|n| n.has_tag_name("li"))
        .map(text)
        .collect();
    assert_eq!(legend, ["SEV-1 (3)", "SEV-2 (3)", "SEV-3 (3)", "SEV-4 (3)"]);
    // Its numbers, as a table.
    let table = rows(by_id(&doc, "incidents"));
    assert_eq!(table.len(), 11);
    assert_eq!(table[2], ["2026-03", "1", "1", "0", "0", "2"]);
}

#[test]
fn the_time_charts_show_the_median_and_p90_per_month() {
    let tmp = with_examples();
    let html = report(&tmp, &[DIR]);
    let doc = parse(&html);
    let resolve = titles(by_id(&doc, "time-to-resolve-chart"));
    // January: one incident of 338 minutes. March: 64 and 87 minutes, a
    // median of 75.5 (shown to the minute) and a p90 of 87.
    for title in [
        "2026-01 · p50: 5h 38m",
        "2026-01 · p90: 5h 38m",
        "2026-03 · p50: 1h 16m",
        "2026-03 · p90: 1h 27m",
        "2026-11 · p50: 2h 11m",
    ] {
        assert!(
            resolve.contains(&title.to_owned()),
            "no `{title}` in {resolve:?}"
        );
    }
    assert_eq!(resolve.len(), 22, "a p50 and a p90 for each of 11 months");
    let detect = titles(by_id(&doc, "time-to-detect-chart"));
    // March: 2 and 9 minutes.
    for title in [
        "2026-03 · p50: 6m",
        "2026-03 · p90: 9m",
        "2026-01 · p50: 2h 22m",
    ] {
        assert!(
            detect.contains(&title.to_owned()),
            "no `{title}` in {detect:?}"
        );
    }
    assert_eq!(
        rows(by_id(&doc, "time-to-detect"))[2],
        ["2026-03", "2", "6m", "9m"]
    );
}

#[test]
fn the_cards_give_the_medians_and_the_follow_through() {
    let tmp = with_examples();
    let html = report(&tmp, &[DIR]);
    let doc = parse(&html);
    let card = |id: &str| -> Vec<String> {
        by_id(&doc, &format!("card-{id}"))
            .children()
            .map(text)
            .collect()
    };
    assert_eq!(card("postmortems"), ["Postmortems", "12", ""]);
    // Detection times sorted: 2 3 3 4 9 15 | 18 42 43 101 105 142 -> 16.5.
    assert_eq!(card("detect"), ["Time to detect", "17m", "median"]);
    // Durations sorted: 64 72 74 75 87 113 | 131 141 … -> 122 minutes.
    assert_eq!(card("resolve"), ["Time to resolve", "2h 2m", "median"]);
    assert_eq!(
        card("follow-through"),
        ["Follow-through", "90%", "38 of 42 items due"]
    );
    assert_eq!(card("open"), ["Open action items", "21", "4 overdue"]);
    // Days to review sorted: 2 3 4 5 6 | 7 8 9 11 13 -> 6.5.
    assert_eq!(
        card("to-postmortem"),
        ["Time to postmortem", "6.5 days", "median of 10 postmortems"]
    );
}

#[test]
fn follow_through_is_drawn_per_month_of_the_due_date() {
    let tmp = with_examples();
    let html = report(&tmp, &[DIR]);
    let doc = parse(&html);
    // From pm actions: each item due by today, by the month it was due.
    let items = pm_json(&tmp, &["actions", "--today", TODAY, DIR]);
    let mut want: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for item in items.as_array().expect("an array") {
        let Some(due) = item["due"].as_str().filter(|d| *d <= TODAY) else {
            continue;
        };
        let entry = want.entry(due[..7].to_owned()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(matches!(item["state"].as_str(), Some("done" | "closed")));
    }
    let want: Vec<Vec<String>> = want
        .into_iter()
        .map(|(month, (due, closed))| {
            vec![
                month,
                due.to_string(),
                closed.to_string(),
                format!("{:.0}%", closed as f64 * 100.0 / due as f64),
            ]
        })
        .collect();
    let got = rows(by_id(&doc, "follow-through"));
    assert_eq!(got, want);
    assert_eq!(
        got.iter()
            .map(|r| r[1].parse::<usize>().unwrap())
            .sum::<usize>(),
        42
    );
    let marks = titles(by_id(&doc, "follow-through-chart"));
    assert!(
        marks.contains(&"2026-02 · closed: 100%".to_owned()),
        "{marks:?}"
    );
}

#[test]
fn owners_and_services_are_drawn_most_first() {
    let tmp = with_examples();
    let html = report(&tmp, &[DIR]);
    let doc = parse(&html);
    let owners = by_id(&doc, "owners-chart");
    assert_eq!(
        texts_of_class(owners, "value"),
        ["5", "4", "4", "3", "1", "1", "1", "1", "1"]
    );
    let marks = titles(owners);
    for title in [
        "Elif Demir",
        "Elif Demir · open: 5",
        "@sre-oncall · overdue: 2",
        "@sre-oncall · open: 2",
        "Jonas Becker · overdue: 1",
        "Jonas Becker · open: 3",
    ] {
        assert!(
            marks.contains(&title.to_owned()),
            "no `{title}` in {marks:?}"
        );
    }
    assert!(!marks.contains(&"Elif Demir · overdue: 0".to_owned()));
    let services = by_id(&doc, "services-chart");
    let marks = titles(services);
    assert_eq!(
        marks[..4],
        [
            "checkout-api",
            "checkout-api · incidents: 2",
            "web-storefront",
            "web-storefront · incidents: 2"
        ]
    );
    assert_eq!(
        texts_of_class(services, "value").len(),
        12,
        "the top twelve"
    );
    // Every service is in the numbers.
    let stats = pm_json(&tmp, &["stats", DIR]);
    assert_eq!(
        rows(by_id(&doc, "services")).len(),
        stats["by_service"].as_array().expect("services").len()
    );
}

#[test]
fn the_table_lists_every_postmortem_newest_first_linked_to_its_file() {
    let tmp = with_examples();
    let html = report(&tmp, &[DIR]);
    let doc = parse(&html);
    let table = by_id(&doc, "postmortems");
    let got = rows(table);
    assert_eq!(got.len(), 12);
    let mut examples = EXAMPLES.to_vec();
    examples.reverse();
    for (row, example) in got.iter().zip(&examples) {
        assert_eq!(row[0], example.date);
        assert_eq!(row[1], example.id);
        assert_eq!(row[2], example.title);
        assert_eq!(row[3], example.severity);
        assert_eq!(row[4], example.status);
        assert_eq!(row[7], example.open_actions.to_string());
    }
    let links: Vec<&str> = table
        .descendants()
        .filter_map(|n| n.attribute("href"))
        .collect();
    let want: Vec<String> = examples
        .iter()
        .map(|e| format!("../{DIR}/{}", e.file))
        .collect();
    assert_eq!(links, want, "relative to out/, where the report is");
    for link in &links {
        assert!(tmp.path().join("out").join(link).is_file(), "{link}");
    }
}

#[test]
fn link_base_links_each_postmortem_under_a_url() {
    let tmp = with_examples();
    let base = "https://github.com/acme/shop/blob/main/";
    let html = report(&tmp, &["--link-base", base, DIR]);
    let doc = parse(&html);
    let links: Vec<&str> = by_id(&doc, "postmortems")
        .descendants()
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert_eq!(links.len(), 12);
    assert_eq!(
        links[0],
        format!("{base}{DIR}/{}", EXAMPLES[11].file),
        "the newest first"
    );
}

#[test]
fn the_filters_of_pm_list_narrow_every_chart() {
    let tmp = with_examples();
    let html = report(&tmp, &["--severity", "sev1", DIR]);
    let doc = parse(&html);
    let meta = by_id(&doc, "postmortems");
    assert_eq!(rows(meta).len(), 3);
    assert!(html.contains(
        "<p class=\"meta\">3 postmortems from 2026-03 to 2026-08, as of 2026-12-01.</p>"
    ));
    let marks = titles(by_id(&doc, "incidents-chart"));
    assert_eq!(
        marks,
        [
            "2026-03 · SEV-1: 1",
            "2026-04 · SEV-1: 1",
            "2026-08 · SEV-1: 1"
        ]
    );

    let html = report(
        &tmp,
        &["--since", "2026-06-01", "--until", "2026-08-31", DIR],
    );
    let doc = parse(&html);
    assert_eq!(
        texts_of_class(by_id(&doc, "incidents-chart"), "label"),
        ["2026-06", "2026-07", "2026-08"],
        "the months asked for"
    );
    assert_eq!(rows(by_id(&doc, "postmortems")).len(), 3);

    let html = report(&tmp, &["--status", "in-review", DIR]);
    let doc = parse(&html);
    let ids: Vec<String> = rows(by_id(&doc, "postmortems"))
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(ids, ["INC-2026-0069", "INC-2026-0063"]);
    // A whole year asked for shows every month of it, empty or not.
    let html = report(
        &tmp,
        &["--since", "2026-01-01", "--until", "2026-12-31", DIR],
    );
    let doc = parse(&html);
    assert_eq!(rows(by_id(&doc, "incidents")).len(), 12);
}

#[test]
fn text_from_the_postmortems_is_escaped() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/a.md",
        "---\ntitle: \"<script>alert('x')</script> & \\\"quotes\\\"\"\nincident_id: INC-2026-0001\n\
         date: 2026-11-02\nseverity: SEV-2\nstatus: draft\nservices: [\"<b>api</b>\"]\n---\n\n# A\n",
    );
    let html = report(&tmp, &["pm"]);
    let doc = parse(&html);
    assert!(
        !doc.descendants()
            .any(|n| n.has_tag_name("script") || n.has_tag_name("b"))
    );
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
    );
    assert_eq!(
        rows(by_id(&doc, "postmortems"))[0][2],
        "<script>alert('x')</script> & \"quotes\""
    );
    assert!(titles(by_id(&doc, "services-chart")).contains(&"<b>api</b>".to_owned()));
}

#[test]
fn a_folder_without_postmortems_gives_a_page_that_says_so() {
    let tmp = tmp();
    std::fs::create_dir(tmp.path().join("pm")).expect("a folder");
    let html = report(&tmp, &["pm"]);
    let doc = parse(&html);
    for id in CHARTS {
        let empty = texts_of_class(by_id(&doc, id), "empty");
        assert_eq!(empty.len(), 1, "{id}: {empty:?}");
    }
    assert!(html.contains("<p class=\"empty\">No postmortem has a date.</p>"));
    assert!(html.contains("<p class=\"meta\">0 postmortems, as of 2026-12-01.</p>"));
}

#[test]
fn an_existing_file_pm_did_not_write_is_not_replaced_without_force() {
    let tmp = with_examples();
    write(&tmp, "notes.html", "<p>my notes</p>\n");
    let out = run(pm(&tmp).args(["report", "-o", "notes.html", DIR]));
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            2,
            "",
            "error: notes.html exists and is not a report pm wrote; choose another file, or pass --force to replace it\n"
        )
    );
    assert_eq!(read(tmp.path().join("notes.html")), "<p>my notes</p>\n");
    // A postmortem named by mistake is safe too.
    let target = format!("{DIR}/{}", EXAMPLES[0].file);
    let before = read(tmp.path().join(&target));
    assert_eq!(run(pm(&tmp).args(["report", "-o", &target, DIR])).code, 2);
    assert_eq!(read(tmp.path().join(&target)), before);

    let out = run(pm(&tmp).args(["report", "--force", "-o", "notes.html", DIR]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(read(tmp.path().join("notes.html")).starts_with("<!DOCTYPE html>"));
    // Its own report, pm replaces.
    let out = run(pm(&tmp).args(["report", "-o", "notes.html", "--title", "Again", DIR]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(read(tmp.path().join("notes.html")).contains("<h1>Again</h1>"));
}

#[test]
fn a_dash_writes_the_page_to_standard_output() {
    let tmp = with_examples();
    let out = run(pm(&tmp).args(["report", "--today", TODAY, "-o", "-", DIR]));
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    // Links are relative to the current folder, as for a file written there.
    let file = run(pm(&tmp).args(["report", "--today", TODAY, "-o", "page.html", DIR]));
    assert_eq!(file.code, 0, "{}", file.stderr);
    assert_eq!(
        out.stdout,
        read(tmp.path().join("page.html")),
        "the same page"
    );
}

#[test]
fn bad_flags_and_a_missing_folder_are_errors() {
    let tmp = with_examples();
    let out = run(pm(&tmp).args([
        "report",
        "-o",
        "r.html",
        "--since",
        "2026-09-01",
        "--until",
        "2026-08-01",
        DIR,
    ]));
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "error: --since 2026-09-01 is after --until 2026-08-01: no day is in between\n"
        )
    );
    let out = run(pm(&tmp).args(["report", "-o", "r.html", "--severity", "SEV-9", DIR]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("SEV-9"), "{}", out.stderr);
    let out = run(pm(&tmp).args(["report", "-o", "r.html", "missing"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("missing"), "{}", out.stderr);
    assert!(!tmp.path().join("r.html").exists(), "nothing is written");
}

#[test]
fn a_file_that_only_quotes_the_generator_line_is_not_replaced() {
    let tmp = with_examples();
    let notes =
        "# notes\n\nOur report says <meta name=\"generator\" content=\"pm 0.1.0\"/> at the top.\n";
    write(&tmp, "notes.md", notes);
    let out = run(pm(&tmp).args(["report", "-o", "notes.md", DIR]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(read(tmp.path().join("notes.md")), notes);
}

#[test]
fn the_report_is_never_read_back_as_a_postmortem() {
    let tmp = with_examples();
    let target = format!("{DIR}/report.md");
    for _ in 0..2 {
        let out = run(pm(&tmp).args(["report", "--today", TODAY, "-o", &target, DIR]));
        assert_eq!(
            (out.code, out.stderr.as_str()),
            (
                0,
                "Wrote the report of 12 postmortems to postmortems/report.md.\n"
            )
        );
    }
}

#[test]
fn times_in_the_wrong_order_are_left_out_of_the_medians() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/a.md",
        "---\ntitle: A\nincident_id: INC-2026-0001\ndate: 2026-11-02\nseverity: SEV-2\nstatus: draft\n\
         started_at: 2026-11-02T12:00:00Z\ndetected_at: 2026-11-02T11:00:00Z\n\
         resolved_at: 2026-11-02T10:00:00Z\nreviewed_at: 2026-10-01\n---\n\n# A\n",
    );
    write(
        &tmp,
        "pm/b.md",
        "---\ntitle: B\nincident_id: INC-2026-0002\ndate: 2026-11-03\nseverity: SEV-2\nstatus: draft\n\
         started_at: 2026-11-03T12:00:00Z\ndetected_at: 2026-11-03T12:10:00Z\n\
         resolved_at: 2026-11-03T13:00:00Z\nreviewed_at: 2026-11-05\n---\n\n# B\n",
    );
    let html = report(&tmp, &["pm"]);
    let doc = parse(&html);
    let card = |id: &str| text(by_id(&doc, &format!("card-{id}")));
    assert_eq!(card("detect"), "Time to detect10mmedian");
    assert_eq!(card("resolve"), "Time to resolve1hmedian");
    assert_eq!(
        card("to-postmortem"),
        "Time to postmortem2 daysmedian of 1 postmortem"
    );
    let stats = pm_json(&tmp, &["stats", "pm"]);
    assert_eq!(stats["time_to_resolve"][0]["count"], 1);
}

#[test]
fn characters_xml_cannot_hold_are_left_out() {
    let tmp = tmp();
    write(
        &tmp,
        "pm/a.md",
        "---\ntitle: \"a\\x01b\\uFFFEc\"\nincident_id: INC-2026-0001\ndate: 2026-11-02\n\
         severity: SEV-2\nstatus: draft\n---\n\n# A\n",
    );
    let html = report(&tmp, &["--title", "T\u{7}x", "pm"]);
    let doc = parse(&html);
    assert_eq!(rows(by_id(&doc, "postmortems"))[0][2], "abc");
    assert!(html.contains("<h1>Tx</h1>"));
}

#[test]
fn links_encode_what_a_path_cannot_hold_and_link_base_uses_the_repository_path() {
    let tmp = tmp();
    let doc = "---\ntitle: A\nincident_id: INC-2026-0001\ndate: 2026-11-02\nseverity: SEV-2\nstatus: draft\n---\n\n# A\n";
    write(&tmp, "repo/docs/pm/a b#c?d%e.md", doc);
    std::fs::create_dir(tmp.path().join("repo/.git")).expect("a .git folder");
    std::fs::create_dir(tmp.path().join("repo/sub")).expect("a folder");
    let href = |html: &str| -> String {
        let doc = parse(html);
        by_id(&doc, "postmortems")
            .descendants()
            .find_map(|n| n.attribute("href"))
            .expect("a link")
            .to_owned()
    };
    let html = report(&tmp, &["repo/docs/pm"]);
    assert_eq!(href(&html), "../repo/docs/pm/a%20b%23c%3Fd%25e.md");
    // From a folder of the repository, or from outside it, the URL is the
    // file's path in the repository; a missing slash is added.
    for (cwd, path) in [("repo/sub", "../docs/pm"), ("", "repo/docs/pm")] {
        let out = run(pm(&tmp).current_dir(tmp.path().join(cwd)).args([
            "report",
            "-o",
            "-",
            "--link-base",
            "https://github.com/acme/app/blob/main",
            path,
        ]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(
            href(&out.stdout),
            "https://github.com/acme/app/blob/main/docs/pm/a%20b%23c%3Fd%25e.md",
            "from {cwd:?}"
        );
    }
    let out = run(pm(&tmp).args([
        "report",
        "-o",
        "-",
        "--link-base",
        "javascript:alert(1)//",
        "repo",
    ]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("--link-base"), "{}", out.stderr);
}

#[test]
fn a_service_named_twice_counts_once_and_an_unknown_status_is_an_error() {
    let tmp = tmp();
    for n in 1..=3 {
        write(
            &tmp,
            &format!("pm/{n}.md"),
            format!(
                "---\ntitle: A\nincident_id: INC-2026-000{n}\ndate: 2026-11-0{n}\nseverity: SEV-2\n\
                 status: draft\nservices: [api, api, \" api \"]\n---\n\n# A\n"
            ),
        );
    }
    let stats = pm_json(&tmp, &["stats", "pm"]);
    assert_eq!(
        stats["by_service"],
        serde_json::json!([{"key": "api", "count": 3}])
    );
    let out = run(pm(&tmp).args(["report", "-o", "r.html", "--status", "FINAL", "pm"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("draft, in-review, final"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_range_too_long_to_draw_is_narrowed_to_the_incidents_and_what_is_left_out_is_said() {
    let tmp = with_examples();
    let html = report(
        &tmp,
        &["--since", "1900-01-01", "--until", "2999-12-31", DIR],
    );
    let doc = parse(&html);
    assert_eq!(
        rows(by_id(&doc, "incidents")).len(),
        11,
        "2026-01 to 2026-11"
    );
    assert_eq!(titles(by_id(&doc, "time-to-resolve-chart")).len(), 22);

    let old = read(tmp.path().join(DIR).join(EXAMPLES[0].file))
        .replace("2026-01-13", "1990-01-13")
        .replace("INC-2026-0004", "INC-1990-0004");
    write(&tmp, &format!("{DIR}/1990-01-13-old.md"), old);
    let html = report(&tmp, &[DIR]);
    let doc = parse(&html);
    let months = rows(by_id(&doc, "incidents"));
    assert_eq!(months.len(), 240);
    assert_eq!(months[0][0], "2006-12");
    assert!(
        html.contains("<p class=\"note\">1 postmortem before 2006-12 is not shown: the charts draw 240 months at most.</p>"),
        "{html}"
    );
}
