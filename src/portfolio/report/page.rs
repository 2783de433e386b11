//! The report's HTML: a header, the headline numbers, six charts (each with
//! its legend and its numbers as a table) and the table of postmortems.
//! The page is also well-formed XML, so a test can read it with any parser.

use std::fmt::Write;

use super::svg::{self, COUNT_STEPS, MINUTE_STEPS, RATE_STEPS, Scale, Series, escape};
use super::{Options, Report, TimeRow, link};
use crate::document::dates::human_minutes;
use crate::output::plural;

/// How many colours the severity palette has; a longer scale reuses them.
const SEVERITY_COLOURS: usize = 6;

/// The class that colours a severity: its rank on the scale, or grey.
fn severity_class(rank: Option<usize>) -> String {
    rank.map_or_else(
        || "sev-none".to_owned(),
        |rank| format!("sev{}", rank % SEVERITY_COLOURS),
    )
}

fn count(value: f64) -> String {
    format!("{}", value.round() as i64)
}

fn percent(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

/// A duration on an axis or beside a mark: `45m`, `2h`, `1h 30m`, `3d`.
fn duration(minutes: f64) -> String {
    let minutes = minutes.round() as i64;
    if minutes != 0 && minutes % 1440 == 0 {
        format!("{}d", minutes / 1440)
    } else if minutes != 0 && minutes % 60 == 0 && minutes < 1440 {
        format!("{}h", minutes / 60)
    } else {
        human_minutes(minutes)
    }
}

/// Days, one decimal when there is one: `3 days`, `4.5 days`.
fn days(value: f64) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    if text == "1" {
        "1 day".to_owned()
    } else {
        format!("{text} days")
    }
}

const COUNTS: Scale = Scale {
    max: None,
    steps: COUNT_STEPS,
    format: count,
};
const MINUTES: Scale = Scale {
    max: None,
    steps: MINUTE_STEPS,
    format: duration,
};
const RATES: Scale = Scale {
    max: Some(1.0),
    steps: RATE_STEPS,
    format: percent,
};

/// How every report begins, up to pm's version in its generator line: a
/// file that begins so is a report pm wrote, which `pm report -o` may
/// replace.
pub const OPENING: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
    <meta name=\"color-scheme\" content=\"light dark\"/>\n<meta name=\"generator\" content=\"pm ";

/// The page for `report`.
pub fn write(report: &Report<'_>, options: &Options) -> String {
    let mut out = String::with_capacity(16 * 1024 + report.entries.len() * 512);
    let title = escape(&options.title);
    let _ = write!(
        out,
        "{OPENING}{version}\"/>\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        version = env!("CARGO_PKG_VERSION"),
    );
    header(&mut out, report, options, &title);
    cards(&mut out, report);
    out.push_str("<main class=\"charts\">\n");
    incidents(&mut out, report);
    time_chart(
        &mut out,
        "time-to-detect",
        "Time to detect",
        "from start to detection, per month of the incident",
        &report.months,
        &report.detect,
        "detect",
    );
    time_chart(
        &mut out,
        "time-to-resolve",
        "Time to resolve",
        "from start to resolution, per month of the incident",
        &report.months,
        &report.resolve,
        "resolve",
    );
    follow_through(&mut out, report);
    owners(&mut out, report);
    services(&mut out, report);
    out.push_str("</main>\n");
    table(&mut out, report, options);
    let _ = write!(
        out,
        "<footer>Written by pm {} from {}.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        plural(report.entries.len(), "postmortem"),
    );
    out
}

fn header(out: &mut String, report: &Report<'_>, options: &Options, title: &str) {
    let span = match (report.months.first(), report.months.last()) {
        (Some(first), Some(last)) if first == last => format!(" in {first}"),
        (Some(first), Some(last)) => format!(" from {first} to {last}"),
        _ => String::new(),
    };
    let _ = write!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"meta\">{}{span}, as of {}.</p>\n</header>\n",
        plural(report.entries.len(), "postmortem"),
        options.today,
    );
}

/// The headline numbers.
fn cards(out: &mut String, report: &Report<'_>) {
    let median_of = |measure: fn(&crate::portfolio::Entry) -> Option<i64>| {
        let mut values: Vec<i64> = report.entries.iter().filter_map(|e| measure(e)).collect();
        crate::portfolio::stats::spread(&mut values)
            .map_or_else(|| "–".to_owned(), |s| duration(s.median_minutes))
    };
    let follow = &report.stats.follow_through;
    let mut cards = vec![
        (
            "postmortems",
            "Postmortems",
            report.entries.len().to_string(),
            String::new(),
        ),
        (
            "detect",
            "Time to detect",
            median_of(crate::portfolio::Entry::time_to_detect),
            "median".to_owned(),
        ),
        (
            "resolve",
            "Time to resolve",
            median_of(crate::portfolio::Entry::time_to_resolve),
            "median".to_owned(),
        ),
        (
            "follow-through",
            "Follow-through",
            follow.rate.map_or_else(|| "–".to_owned(), percent),
            format!("{} of {} items due", follow.closed, follow.due),
        ),
        (
            "open",
            "Open action items",
            report.open.to_string(),
            format!("{} overdue", report.overdue),
        ),
    ];
    if let Some((n, median, _)) = report.to_postmortem {
        cards.push((
            "to-postmortem",
            "Time to postmortem",
            days(median),
            format!("median of {}", plural(n, "postmortem")),
        ));
    }
    out.push_str("<section class=\"cards\">\n");
    for (id, name, value, note) in cards {
        let _ = writeln!(
            out,
            "<div class=\"card\" id=\"card-{id}\"><div class=\"name\">{name}</div>\
             <div class=\"number\">{}</div><div class=\"note\">{}</div></div>",
            escape(&value),
            escape(&note),
        );
    }
    out.push_str("</section>\n");
}

/// Opens a chart's figure with its heading.
fn figure(out: &mut String, id: &str, heading: &str, note: &str) {
    let _ = write!(
        out,
        "<figure id=\"{id}\">\n<figcaption><h2>{}</h2><p>{}</p></figcaption>\n",
        escape(heading),
        escape(note),
    );
}

/// The legend: a swatch (or a stroke, for `lines`) and a name per series.
fn legend(out: &mut String, keys: &[(String, String)], lines: bool) {
    out.push_str("<ul class=\"legend\">");
    for (class, name) in keys {
        let mark = if lines {
            format!("<line class=\"line {class}\" x1=\"0\" x2=\"24\" y1=\"6\" y2=\"6\"/>")
        } else {
            format!("<rect class=\"{class}\" width=\"12\" height=\"12\" rx=\"2\"/>")
        };
        let width = if lines { 24 } else { 12 };
        let _ = write!(
            out,
            "<li><svg class=\"key\" viewBox=\"0 0 {width} 12\" width=\"{width}\" height=\"12\" \
             xmlns=\"http://www.w3.org/2000/svg\">{mark}</svg>{}</li>",
            escape(name),
        );
    }
    out.push_str("</ul>\n");
}

/// The chart's numbers as a table, folded away until asked for.
fn numbers(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    out.push_str("<details><summary>Numbers</summary><table class=\"numbers\"><thead><tr>");
    for cell in header {
        let _ = write!(out, "<th>{}</th>", escape(cell));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></details>\n</figure>\n");
}

fn empty(out: &mut String, what: &str) {
    let _ = writeln!(out, "<p class=\"empty\">{}</p>\n</figure>", escape(what));
}

fn incidents(out: &mut String, report: &Report<'_>) {
    figure(
        out,
        "incidents",
        "Incidents per month",
        "by severity, from the date of each postmortem",
    );
    if report.months.is_empty() {
        return empty(out, "No postmortem has a date.");
    }
    let series: Vec<Series> = report
        .by_severity
        .iter()
        .map(|row| Series {
            name: row.severity.clone(),
            class: severity_class(row.rank),
            values: row.counts.iter().map(|&c| Some(c as f64)).collect(),
        })
        .collect();
    out.push_str(&svg::columns(
        "incidents",
        "Incidents per month by severity",
        &report.months,
        &series,
        COUNTS,
    ));
    out.push('\n');
    let keys: Vec<(String, String)> = report
        .by_severity
        .iter()
        .map(|row| {
            let total: usize = row.counts.iter().sum();
            (
                severity_class(row.rank),
                format!("{} ({total})", row.severity),
            )
        })
        .collect();
    legend(out, &keys, false);
    if report.before_first > 0 {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} before {} {} not shown: the charts draw {} months at most.</p>",
            plural(report.before_first, "postmortem"),
            report.months.first().map(String::as_str).unwrap_or(""),
            if report.before_first == 1 {
                "is"
            } else {
                "are"
            },
            super::MAX_MONTHS,
        );
    }
    if report.undated > 0 {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} without a date {} not shown.</p>",
            plural(report.undated, "postmortem"),
            if report.undated == 1 { "is" } else { "are" },
        );
    }
    let mut header = vec!["month"];
    header.extend(report.by_severity.iter().map(|r| r.severity.as_str()));
    header.push("total");
    let rows: Vec<Vec<String>> = report
        .months
        .iter()
        .enumerate()
        .map(|(i, month)| {
            let counts: Vec<usize> = report
                .by_severity
                .iter()
                .map(|r| r.counts.get(i).copied().unwrap_or(0))
                .collect();
            let mut row = vec![month.clone()];
            row.extend(counts.iter().map(usize::to_string));
            row.push(counts.iter().sum::<usize>().to_string());
            row
        })
        .collect();
    numbers(out, &header, &rows);
}

fn time_chart(
    out: &mut String,
    id: &str,
    heading: &str,
    note: &str,
    months: &[String],
    rows: &[TimeRow],
    class: &str,
) {
    figure(out, id, heading, note);
    if rows.is_empty() {
        return empty(out, "No incident has both timestamps.");
    }
    let at = |month: &str| rows.iter().find(|r| r.month == month);
    let series = [
        Series {
            name: "p50".to_owned(),
            class: format!("{class} p50"),
            values: months.iter().map(|m| at(m).map(|r| r.median)).collect(),
        },
        Series {
            name: "p90".to_owned(),
            class: format!("{class} p90"),
            values: months.iter().map(|m| at(m).map(|r| r.p90 as f64)).collect(),
        },
    ];
    out.push_str(&svg::lines(id, heading, months, &series, MINUTES));
    out.push('\n');
    legend(
        out,
        &[
            (format!("{class} p50"), "median (p50)".to_owned()),
            (format!("{class} p90"), "p90".to_owned()),
        ],
        true,
    );
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.month.clone(),
                r.count.to_string(),
                duration(r.median),
                duration(r.p90 as f64),
            ]
        })
        .collect();
    numbers(out, &["month", "incidents", "p50", "p90"], &rows);
}

fn follow_through(out: &mut String, report: &Report<'_>) {
    figure(
        out,
        "follow-through",
        "Follow-through",
        "action items closed, of those due, per month of the due date",
    );
    if report.due_months.is_empty() {
        return empty(out, "No action item is due yet.");
    }
    let categories: Vec<String> = report.due_months.iter().map(|m| m.month.clone()).collect();
    let series = [Series {
        name: "closed".to_owned(),
        class: "rate".to_owned(),
        values: report
            .due_months
            .iter()
            .map(|m| (m.due > 0).then(|| m.closed as f64 / m.due as f64))
            .collect(),
    }];
    out.push_str(&svg::columns(
        "follow-through",
        "Follow-through per month",
        &categories,
        &series,
        RATES,
    ));
    out.push('\n');
    let rows: Vec<Vec<String>> = report
        .due_months
        .iter()
        .map(|m| {
            let rate = if m.due > 0 {
                percent(m.closed as f64 / m.due as f64)
            } else {
                "–".to_owned()
            };
            vec![
                m.month.clone(),
                m.due.to_string(),
                m.closed.to_string(),
                rate,
            ]
        })
        .collect();
    numbers(out, &["month due", "due", "closed", "rate"], &rows);
}

fn owners(out: &mut String, report: &Report<'_>) {
    figure(
        out,
        "owners",
        "Open action items by owner",
        "overdue, and open but not yet due",
    );
    let loads: Vec<_> = report
        .stats
        .actions_by_owner
        .iter()
        .take(super::MAX_ROWS)
        .collect();
    if loads.is_empty() {
        return empty(out, "No open action items.");
    }
    let names: Vec<String> = loads.iter().map(|l| l.owner.clone()).collect();
    let series = [
        Series {
            name: "overdue".to_owned(),
            class: "overdue".to_owned(),
            values: loads.iter().map(|l| Some(l.overdue as f64)).collect(),
        },
        Series {
            name: "open".to_owned(),
            class: "open".to_owned(),
            values: loads
                .iter()
                .map(|l| Some((l.open - l.overdue.min(l.open)) as f64))
                .collect(),
        },
    ];
    out.push_str(&svg::bars(
        "owners",
        "Open action items by owner",
        &names,
        &series,
        COUNTS,
    ));
    out.push('\n');
    legend(
        out,
        &[
            ("overdue".to_owned(), "overdue".to_owned()),
            ("open".to_owned(), "open, not overdue".to_owned()),
        ],
        false,
    );
    let more = report
        .stats
        .actions_by_owner
        .len()
        .saturating_sub(super::MAX_ROWS);
    if more > 0 {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} more in the numbers.</p>",
            plural(more, "owner")
        );
    }
    let rows: Vec<Vec<String>> = report
        .stats
        .actions_by_owner
        .iter()
        .map(|l| vec![l.owner.clone(), l.open.to_string(), l.overdue.to_string()])
        .collect();
    numbers(out, &["owner", "open", "overdue"], &rows);
}

fn services(out: &mut String, report: &Report<'_>) {
    figure(
        out,
        "services",
        "Services with most incidents",
        "each postmortem counts once for each service it names",
    );
    let counts: Vec<_> = report
        .stats
        .by_service
        .iter()
        .take(super::MAX_ROWS)
        .collect();
    if counts.is_empty() {
        return empty(out, "No postmortem names a service.");
    }
    let names: Vec<String> = counts.iter().map(|c| c.key.clone()).collect();
    let series = [Series {
        name: "incidents".to_owned(),
        class: "service".to_owned(),
        values: counts.iter().map(|c| Some(c.count as f64)).collect(),
    }];
    out.push_str(&svg::bars(
        "services",
        "Services with most incidents",
        &names,
        &series,
        COUNTS,
    ));
    out.push('\n');
    let rows: Vec<Vec<String>> = report
        .stats
        .by_service
        .iter()
        .map(|c| vec![c.key.clone(), c.count.to_string()])
        .collect();
    numbers(out, &["service", "incidents"], &rows);
}

/// The table of postmortems, newest first, each linked to its file.
fn table(out: &mut String, report: &Report<'_>, options: &Options) {
    out.push_str(
        "<section id=\"postmortems\">\n<h2>Postmortems</h2>\n<table class=\"list\"><thead><tr>\
         <th>date</th><th>id</th><th>title</th><th>severity</th><th>status</th>\
         <th>services</th><th>time to resolve</th><th>open actions</th></tr></thead>\n<tbody>\n",
    );
    for entry in &report.entries {
        let text = |value: &Option<String>| escape(value.as_deref().unwrap_or(""));
        let title = entry
            .title
            .clone()
            .unwrap_or_else(|| crate::output::portable_path(&entry.path));
        let rank = entry
            .severity
            .as_ref()
            .and_then(|s| report.by_severity.iter().find(|r| r.severity == *s))
            .and_then(|r| r.rank);
        let severity = match &entry.severity {
            Some(s) => format!(
                "<span class=\"badge {}\">{}</span>",
                severity_class(rank),
                escape(s)
            ),
            None => String::new(),
        };
        let resolve = entry
            .time_to_resolve()
            .map(human_minutes)
            .or_else(|| entry.duration.clone());
        let _ = writeln!(
            out,
            "<tr><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td><a href=\"{}\">{}</a></td><td>{severity}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            entry.date.map(|d| d.to_string()).unwrap_or_default(),
            text(&entry.id),
            escape(&link(&entry.path, options)),
            escape(&title),
            text(&entry.status),
            escape(&entry.services.join(", ")),
            text(&resolve),
            entry.open_actions(),
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

/// The stylesheet: light by default, dark when the reader's system asks,
/// light again on paper, with the charts' colours as classes.
const STYLE: &str = r#":root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --grid: #d8dee4; --card: #f6f8fa; --border: #d1d9e0;
  --sev0: #cf222e; --sev1: #e16f24; --sev2: #d4a72c; --sev3: #2f81f7; --sev4: #8250df; --sev5: #1f883d; --sev-none: #8c959f;
  --detect: #0969da; --resolve: #bf3989; --rate: #1a7f37; --overdue: #a40e26; --open: #54aeff; --service: #6639ba;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --grid: #30363d; --card: #151b23; --border: #3d444d;
    --sev0: #ff7b72; --sev1: #ffa657; --sev2: #e3b341; --sev3: #79c0ff; --sev4: #d2a8ff; --sev5: #56d364; --sev-none: #9198a1;
    --detect: #58a6ff; --resolve: #f778ba; --rate: #3fb950; --overdue: #ff8182; --open: #388bfd; --service: #bc8cff;
  }
}
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444c56; --grid: #c8d1da; --card: #ffffff; --border: #8c959f;
    --sev0: #cf222e; --sev1: #e16f24; --sev2: #d4a72c; --sev3: #2f81f7; --sev4: #8250df; --sev5: #1f883d; --sev-none: #8c959f;
    --detect: #0969da; --resolve: #bf3989; --rate: #1a7f37; --overdue: #a40e26; --open: #54aeff; --service: #6639ba;
  }
  body { margin: 0; font-size: 10pt; }
  figure, .card, tr { break-inside: avoid; }
  details > summary { display: none; }
  a { color: inherit; }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; padding: 24px; max-width: 1200px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0; }
.meta, .note, figcaption p, footer, .empty { color: var(--muted); }
figcaption p { margin: 2px 0 8px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0; }
.card { flex: 1 1 150px; background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 12px 14px; }
.card .name { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .number { font-size: 26px; font-weight: 600; }
.card .note { font-size: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
figure { margin: 0; background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 14px; }
svg.chart { display: block; width: 100%; height: auto; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; }
svg text.tick, svg text.label { fill: var(--muted); }
svg text.value { font-weight: 600; }
.grid { stroke: var(--grid); stroke-width: 1; }
.axis { stroke: var(--muted); stroke-width: 1; }
.line { fill: none; stroke-width: 2.5; }
.line.p90 { stroke-dasharray: 6 4; }
.dot { stroke: var(--card); stroke-width: 1.5; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 8px 0 0; }
.legend li { display: flex; align-items: center; gap: 6px; }
.sev0 { fill: var(--sev0); } .sev1 { fill: var(--sev1); } .sev2 { fill: var(--sev2); }
.sev3 { fill: var(--sev3); } .sev4 { fill: var(--sev4); } .sev5 { fill: var(--sev5); }
.sev-none { fill: var(--sev-none); }
.detect { fill: var(--detect); stroke: var(--detect); } .resolve { fill: var(--resolve); stroke: var(--resolve); }
.line.detect, .line.resolve { fill: none; }
.rate { fill: var(--rate); } .overdue { fill: var(--overdue); } .open { fill: var(--open); } .service { fill: var(--service); }
details { margin-top: 8px; }
summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.n { text-align: right; }
td.nowrap { white-space: nowrap; }
table.numbers { margin-top: 6px; font-size: 12px; }
#postmortems { margin-top: 24px; }
#postmortems h2 { margin-bottom: 8px; }
a { color: var(--detect); }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; border: 1px solid; font-size: 12px; font-weight: 600; }
.badge.sev0 { color: var(--sev0); } .badge.sev1 { color: var(--sev1); } .badge.sev2 { color: var(--sev2); }
.badge.sev3 { color: var(--sev3); } .badge.sev4 { color: var(--sev4); } .badge.sev5 { color: var(--sev5); }
.badge.sev-none { color: var(--sev-none); }
footer { margin-top: 24px; font-size: 12px; }
"#;
