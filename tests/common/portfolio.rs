//! Helpers for the portfolio tests (`pm list`, `pm actions`, `pm stats`,
//! `pm index`): the example postmortems copied into a temporary folder, and
//! what each of them says, read by hand from the files.

use serde_json::Value;
use tempfile::TempDir;

use super::lint::{Run, examples, run, write};
use super::{pm, tmp};

/// The folder (relative to the temporary folder) the examples are copied to.
pub const DIR: &str = "postmortems";

/// The temporary folder with every example in `postmortems/`.
pub fn with_examples() -> TempDir {
    let tmp = tmp();
    for (name, text) in examples() {
        write(&tmp, &format!("{DIR}/{name}"), text);
    }
    tmp
}

/// `pm <args>` run inside `tmp`.
pub fn pm_run(tmp: &TempDir, args: &[&str]) -> Run {
    run(pm(tmp).args(args))
}

/// `pm <args>`, which must succeed with nothing on stderr; its stdout.
#[track_caller]
pub fn pm_ok(tmp: &TempDir, args: &[&str]) -> String {
    let run = pm_run(tmp, args);
    assert_eq!(run.code, 0, "pm {args:?}\nstderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "", "pm {args:?}");
    run.stdout
}

/// `pm <args>` with `--format json` added; the parsed output.
#[track_caller]
pub fn pm_json(tmp: &TempDir, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = pm_ok(tmp, &all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("pm {all:?}: not JSON ({e}):\n{out}"))
}

/// `pm <args>` with `--format csv` added; the header and the records.
#[track_caller]
pub fn pm_csv(tmp: &TempDir, args: &[&str]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let out = pm_ok(tmp, &all);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader
        .headers()
        .expect("a CSV header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
        .collect();
    (header, records)
}

/// One example postmortem as its file says, read by hand.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// File name.
    pub file: &'static str,
    /// `date`.
    pub date: &'static str,
    /// `incident_id`.
    pub id: &'static str,
    /// `severity`.
    pub severity: &'static str,
    /// `status`.
    pub status: &'static str,
    /// `title`.
    pub title: &'static str,
    /// `duration` as written.
    pub duration: &'static str,
    /// resolved_at - started_at, in minutes.
    pub duration_minutes: i64,
    /// detected_at - started_at, in minutes.
    pub detect_minutes: i64,
    /// Action items not done.
    pub open_actions: usize,
    /// Action items.
    pub actions: usize,
}

/// The examples, oldest first. Minutes computed from each file's
/// started_at / detected_at / resolved_at; action items counted in its
/// Action Items section (a ticked box or a Done status is done; a table
/// without a Status column is all open).
pub const EXAMPLES: [Example; 12] = [
    Example {
        file: "2026-01-13-nightly-invoice-pdf-exports-delayed-by-full-disk-on-render.md",
        date: "2026-01-13",
        id: "INC-2026-0004",
        severity: "SEV-4",
        status: "final",
        title: "Nightly invoice PDF exports delayed by full disk on render worker",
        duration: "5h 38m",
        duration_minutes: 338, // 02:10 -> 07:48
        detect_minutes: 142,   // 02:10 -> 04:32
        open_actions: 1,
        actions: 6,
    },
    Example {
        file: "2026-02-09-checkout-api-503s-from-orders-db-connection-pool-exhaustion.md",
        date: "2026-02-09",
        id: "INC-2026-0007",
        severity: "SEV-2",
        status: "final",
        title: "Checkout API 503s from orders-db connection pool exhaustion",
        duration: "1h 15m",
        duration_minutes: 75, // 14:07 -> 15:22
        detect_minutes: 4,    // 14:07 -> 14:11
        open_actions: 1,
        actions: 5,
    },
    Example {
        file: "2026-03-14-storefront-outage-after-bad-cdn-config-push.md",
        date: "2026-03-14",
        id: "INC-2026-0012",
        severity: "SEV-1",
        status: "final",
        title: "Storefront outage after bad CDN config push",
        duration: "1h 4m",
        duration_minutes: 64, // 09:42 -> 10:46
        detect_minutes: 2,    // 09:42 -> 09:44
        open_actions: 1,
        actions: 4,
    },
    Example {
        file: "2026-03-27-search-results-empty-after-elasticsearch-alias-swap-to.md",
        date: "2026-03-27",
        id: "INC-2026-0016",
        severity: "SEV-2",
        status: "final",
        title: "Search results empty after Elasticsearch alias swap to partial index",
        duration: "PT1H27M",
        duration_minutes: 87, // 06:12 -> 07:39
        detect_minutes: 9,    // 06:12 -> 06:21
        open_actions: 1,
        actions: 5,
    },
    Example {
        file: "2026-04-03-login-outage-after-session-redis-failover-to-an-empty.md",
        date: "2026-04-03",
        id: "INC-2026-0019",
        severity: "SEV-1",
        status: "final",
        title: "Login outage after session Redis failover to an empty replica",
        duration: "74m",
        duration_minutes: 74, // 13:06 -> 14:20
        detect_minutes: 3,    // 13:06 -> 13:09
        open_actions: 2,
        actions: 7,
    },
    Example {
        file: "2026-05-21-partner-webhooks-failed-after-internal-tls-certificate.md",
        date: "2026-05-21",
        id: "INC-2026-0031",
        severity: "SEV-3",
        status: "final",
        title: "Partner webhooks failed after internal TLS certificate expired",
        duration: "3h 12m",
        duration_minutes: 192, // 06:00 -> 09:12
        detect_minutes: 101,   // 06:00 -> 07:41
        open_actions: 1,
        actions: 4,
    },
    Example {
        file: "2026-06-11-warehouse-pick-lists-stalled-by-inventory-sync-lock.md",
        date: "2026-06-11",
        id: "INC-2026-0037",
        severity: "SEV-3",
        status: "final",
        title: "Warehouse pick lists stalled by inventory-sync lock contention",
        duration: "2 hours 46 minutes",
        duration_minutes: 166, // 22:51 -> 01:37 the next day
        detect_minutes: 43,    // 22:51 -> 23:34
        open_actions: 1,
        actions: 5,
    },
    Example {
        file: "2026-07-08-order-confirmations-delayed-by-kafka-consumer-lag.md",
        date: "2026-07-08",
        id: "INC-2026-0044",
        severity: "SEV-2",
        status: "final",
        title: "Order confirmations delayed by Kafka consumer lag",
        duration: "1h 53m",
        duration_minutes: 113, // 12:14 -> 14:07
        detect_minutes: 15,    // 12:14 -> 12:29
        open_actions: 1,
        actions: 4,
    },
    Example {
        file: "2026-08-19-card-payments-declined-after-payment-gateway-api-key.md",
        date: "2026-08-19",
        id: "INC-2026-0051",
        severity: "SEV-1",
        status: "final",
        title: "Card payments declined after payment gateway API key rotation",
        duration: "1h 12m",
        duration_minutes: 72, // 10:32 -> 11:44
        detect_minutes: 3,    // 10:32 -> 10:35
        open_actions: 3,
        actions: 5,
    },
    Example {
        file: "2026-09-17-internal-dns-change-broke-service-discovery-for-reporting.md",
        date: "2026-09-17",
        id: "INC-2026-0058",
        severity: "SEV-4",
        status: "final",
        title: "Internal DNS change broke service discovery for reporting jobs",
        duration: "2h 21m",
        duration_minutes: 141, // 08:05 -> 10:26
        detect_minutes: 42,    // 08:05 -> 08:47
        open_actions: 1,
        actions: 6,
    },
    Example {
        file: "2026-10-14-admin-console-slow-after-audit-log-table-bloat.md",
        date: "2026-10-14",
        id: "INC-2026-0063",
        severity: "SEV-4",
        status: "in-review",
        title: "Admin console slow after audit_log table bloat",
        duration: "PT5H10M",
        duration_minutes: 310, // 07:40 -> 12:50
        detect_minutes: 105,   // 07:40 -> 09:25
        open_actions: 4,
        actions: 4,
    },
    Example {
        file: "2026-11-05-delayed-shipping-labels-from-carrier-api-rate-limiting.md",
        date: "2026-11-05",
        id: "INC-2026-0069",
        severity: "SEV-3",
        status: "in-review",
        title: "Delayed shipping labels from carrier API rate limiting",
        duration: "131m",
        duration_minutes: 131, // 13:58 -> 16:09
        detect_minutes: 18,    // 13:58 -> 14:16
        open_actions: 4,
        actions: 4,
    },
];

/// The example with incident id `id`.
#[track_caller]
pub fn example(id: &str) -> Example {
    *EXAMPLES
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no example {id}"))
}

/// The `incident_id`s of a JSON array of rows or items, in order.
pub fn ids(rows: &Value) -> Vec<String> {
    rows.as_array()
        .expect("a JSON array")
        .iter()
        .map(|r| {
            r["incident_id"]
                .as_str()
                .expect("an incident id")
                .to_owned()
        })
        .collect()
}

/// The JSON text of `value` as a CSV cell: strings as they are, null as
/// empty, numbers and booleans as JSON writes them.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
