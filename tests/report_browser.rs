//! `pm report` rendered by a real browser: headless Chromium takes a
//! screenshot and dumps the DOM of the report on the examples and on 500
//! generated postmortems. A render passes when every chart is in the DOM
//! with its marks and its colour is on the screen; a blank page and a page
//! with a chart missing are shown to fail, so the check can fail.
//!
//! Chromium is installed by `.ci/run` (Debian's `chromium`); `PM_CHROMIUM`
//! names another binary. Without it the tests fail: they never pass by
//! skipping.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::TODAY;
use common::lint::{repo, write};
use common::portfolio::{DIR, with_examples};
use common::{pm, tmp};

/// The charts of the report, each with a colour only it uses (its
/// light-mode CSS value) and the element its marks are drawn with.
const CHARTS: [(&str, [u8; 3], &str); 6] = [
    ("incidents", [0xcf, 0x22, 0x2e], "rect"),
    ("time-to-detect", [0x09, 0x69, 0xda], "circle"),
    ("time-to-resolve", [0xbf, 0x39, 0x89], "circle"),
    ("follow-through", [0x1a, 0x7f, 0x37], "rect"),
    ("owners", [0xa4, 0x0e, 0x26], "rect"),
    ("services", [0x66, 0x39, 0xba], "rect"),
];

/// The page's background in light mode.
const BACKGROUND: [u8; 3] = [0xff, 0xff, 0xff];

fn chromium() -> String {
    std::env::var("PM_CHROMIUM").unwrap_or_else(|_| "chromium".to_owned())
}

/// Runs headless Chromium on `page` with `args`, and returns its stdout.
fn headless(page: &Path, args: &[&str]) -> Vec<u8> {
    let url = format!("file://{}", page.display());
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--force-device-scale-factor=1",
        ])
        .args(args)
        .arg(&url)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "{} does not run ({e}): install Chromium (Debian: apt-get install chromium)",
                chromium()
            )
        });
    assert!(
        out.status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The pixels of a PNG as RGB triples, and its width.
fn pixels(png_path: &Path) -> (Vec<[u8; 3]>, u32) {
    let file = std::fs::File::open(png_path)
        .unwrap_or_else(|e| panic!("no screenshot at {}: {e}", png_path.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a PNG's size")];
    let info = reader.next_frame(&mut buf).expect("a PNG frame");
    let channels = info.color_type.samples();
    let rgb = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (rgb, info.width)
}

/// Renders `page` and says what is wrong with it, if anything: a chart
/// missing from the DOM or drawn with no marks, its colour nowhere on the
/// screen, or a page that is mostly background.
fn check_render(page: &Path, screenshot: &Path) -> Result<(), String> {
    let dom = String::from_utf8_lossy(&headless(page, &["--dump-dom"])).into_owned();
    let shot = format!("--screenshot={}", screenshot.display());
    headless(page, &[&shot, "--window-size=1280,2400"]);
    let (pixels, _) = pixels(screenshot);
    let mut problems = Vec::new();
    for (id, colour, mark) in CHARTS {
        let Some(start) = dom.find(&format!("<svg id=\"{id}-chart\"")) else {
            problems.push(format!("the chart {id} is not in the DOM"));
            continue;
        };
        let chart = &dom[start..];
        let chart = &chart[..chart.find("</svg>").unwrap_or(chart.len())];
        if !chart.contains(&format!("<{mark} ")) {
            problems.push(format!("the chart {id} has no <{mark}> marks"));
        }
        let near = |p: &[u8; 3]| p.iter().zip(colour).all(|(a, b)| a.abs_diff(b) <= 2);
        let seen = pixels.iter().filter(|p| near(p)).count();
        if seen < 20 {
            problems.push(format!(
                "the colour of {id} (#{:02x}{:02x}{:02x}) is on {seen} pixels of the screenshot",
                colour[0], colour[1], colour[2]
            ));
        }
    }
    let drawn = pixels.iter().filter(|p| **p != BACKGROUND).count();
    if drawn * 20 < pixels.len() {
        problems.push(format!(
            "only {drawn} of {} pixels differ from the background",
            pixels.len()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn chromium_renders_the_dark_look_when_the_system_asks() {
    let tmp = with_examples();
    let page = report(&tmp, DIR);
    let shot = screenshots().join("examples-dark.png");
    let arg = format!("--screenshot={}", shot.display());
    headless(
        &page,
        &[
            &arg,
            "--window-size=1280,1400",
            "--blink-settings=preferredColorScheme=0",
        ],
    );
    let (pixels, _) = pixels(&shot);
    let dark_background = pixels.iter().filter(|p| **p == [0x0d, 0x11, 0x17]).count();
    assert!(
        dark_background * 4 > pixels.len(),
        "{dark_background} of {} pixels have the dark background",
        pixels.len()
    );
    // SEV-1 in its dark-mode colour, not its light one.
    let near = |p: &[u8; 3], c: [u8; 3]| p.iter().zip(c).all(|(a, b)| a.abs_diff(b) <= 2);
    assert!(
        pixels
            .iter()
            .filter(|p| near(p, [0xff, 0x7b, 0x72]))
            .count()
            > 20
    );
    assert_eq!(
        pixels
            .iter()
            .filter(|p| near(p, [0xcf, 0x22, 0x2e]))
            .count(),
        0
    );
}

/// Where the screenshots are kept, to look at after a run.
fn screenshots() -> PathBuf {
    let dir = repo().join("target/report-screenshots");
    std::fs::create_dir_all(&dir).expect("a folder for the screenshots");
    dir
}

/// Writes the report of `dir` under `tmp` and returns its path.
fn report(tmp: &tempfile::TempDir, dir: &str) -> PathBuf {
    pm(tmp)
        .args(["report", "--today", TODAY, "-o", "report.html", dir])
        .assert()
        .success();
    tmp.path().join("report.html")
}

#[test]
fn chromium_renders_every_chart_of_the_examples_report() {
    let tmp = with_examples();
    let page = report(&tmp, DIR);
    if let Err(problems) = check_render(&page, &screenshots().join("examples.png")) {
        panic!("the report of the examples does not render:\n{problems}");
    }
}

/// 500 postmortems over two years: every severity, ten services, a dozen
/// owners, timestamps and action items, some overdue.
fn generated(tmp: &tempfile::TempDir, n: usize) {
    let severities = ["SEV-1", "SEV-2", "SEV-3", "SEV-4"];
    let services = [
        "checkout",
        "payments",
        "search",
        "auth",
        "cdn",
        "orders-db",
        "kafka",
        "dns",
        "billing",
        "mobile-api",
    ];
    for i in 0..n {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("a day")
            + chrono::Days::new((i * 700 / n) as u64);
        let detect = 2 + (i * 7) % 90;
        let resolve = detect + 10 + (i * 13) % 400;
        let minutes = |m: usize| format!("{:02}:{:02}", 8 + m / 60, m % 60);
        let owner = format!("@team-{}", i % 7);
        let due = day + chrono::Days::new(30);
        let state = if i % 3 == 0 { "Open" } else { "Done" };
        let doc = format!(
            "---\ntitle: Generated incident {i}\nincident_id: INC-{:04}-{:04}\ndate: {day}\n\
             severity: {}\nstatus: final\nstarted_at: {day}T08:00:00Z\n\
             detected_at: {day}T{}:00Z\nresolved_at: {day}T{}:00Z\nlead: Dana Kim\n\
             services: [{}, {}]\n---\n\n# Generated incident {i}\n\n## Summary\n\nA generated incident.\n\n\
             ## Action Items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n\
             | Add an alert on queue depth for shard {i} | {owner} | {due} | {state} |\n",
            2025 + i / 250,
            i,
            severities[i % 4],
            minutes(detect),
            minutes(resolve),
            services[i % 10],
            services[(i * 3 + 1) % 10],
        );
        write(tmp, &format!("generated/{i:04}.md"), doc);
    }
}

#[test]
fn chromium_renders_every_chart_of_a_500_postmortem_report() {
    let tmp = tmp();
    generated(&tmp, 500);
    let page = report(&tmp, "generated");
    if let Err(problems) = check_render(&page, &screenshots().join("generated-500.png")) {
        panic!("the report of 500 postmortems does not render:\n{problems}");
    }
}

#[test]
fn a_blank_page_fails_the_check() {
    let tmp = tmp();
    write(
        &tmp,
        "blank.html",
        "<!DOCTYPE html><html><body></body></html>",
    );
    let problems = check_render(
        &tmp.path().join("blank.html"),
        &tmp.path().join("blank.png"),
    )
    .expect_err("a blank page must fail");
    for (id, _, _) in CHARTS {
        assert!(
            problems.contains(&format!("the chart {id} is not in the DOM")),
            "{problems}"
        );
    }
    assert!(
        problems.contains("pixels differ from the background"),
        "{problems}"
    );
}

#[test]
fn a_page_without_one_chart_fails_the_check() {
    let tmp = with_examples();
    let page = report(&tmp, DIR);
    let html = std::fs::read_to_string(&page).expect("the report");
    let start = html
        .find("<figure id=\"services\">")
        .expect("the services chart");
    let end = start + html[start..].find("</figure>").expect("its end") + "</figure>".len();
    let cut = format!("{}{}", &html[..start], &html[end..]);
    std::fs::write(tmp.path().join("cut.html"), cut).expect("write the cut page");
    let problems = check_render(&tmp.path().join("cut.html"), &tmp.path().join("cut.png"))
        .expect_err("a page without a chart must fail");
    assert_eq!(
        problems, "the chart services is not in the DOM",
        "only the missing chart is reported"
    );
}
