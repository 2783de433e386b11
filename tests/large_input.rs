//! A 50 MB postmortem lints in bounded time and memory. Alone in its test
//! binary, so the peak memory of children measured here is pm's own.

mod common;

use common::lint as support;
use support::{CLEAN, lint, tmp, write};

/// Peak resident memory of the largest child this process has waited for.
#[cfg(unix)]
fn children_peak_rss_bytes() -> u64 {
    // SAFETY: getrusage only writes into the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(ok, 0, "getrusage");
    // Linux reports kilobytes.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

#[test]
fn a_50_mb_file_lints_within_1_gib() {
    let tmp = tmp();
    let (front_matter, body) = CLEAN.split_at(CLEAN.find("\n# ").expect("a title") + 1);
    let mut text = String::from(front_matter);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(body);
    }
    write(&tmp, "big.md", &text);
    write(
        &tmp,
        "ok.md",
        CLEAN.replace("INC-2026-0042", "INC-2026-0043"),
    );

    let run = lint(&tmp, &["big.md", "ok.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The repeated sections are duplicates; the first finding names its line.
    assert!(
        run.stdout
            .lines()
            .next()
            .unwrap_or_default()
            .starts_with("big.md:"),
        "{}",
        &run.stdout[..run.stdout.len().min(300)]
    );
    assert!(
        run.stderr.ends_with("in 1 of 2 files checked.\n"),
        "{}",
        run.stderr
    );
    #[cfg(unix)]
    {
        let peak = children_peak_rss_bytes();
        assert!(peak < 1024 * 1024 * 1024, "peak RSS {peak} bytes");
    }
}
