#!/usr/bin/env python3
"""Generate a deterministic synthetic corpus of incident postmortems for pm's benchmark.

Usage: python3 bench/gen_corpus.py OUTDIR --n N [--seed S] [--findings heavy]

Writes N Markdown files as OUTDIR/YYYY/MM/YYYY-MM-DD-<slug>-<n>.md. Each file
is 4-8 KB (about 6.3 KB on average): YAML front matter (title, incident_id,
date, severity SEV-1..SEV-4, status, started_at, detected_at, resolved_at,
duration, and for about a quarter of the files `template: standard`), then
Summary, Impact, Timeline (a table of times), Root Cause, 5 Whys (a numbered
list with nested answers), Detection, Resolution, Action Items (a table with
Owner, Due, Priority and Status columns) and Lessons Learned.

About 10% of the files keep template placeholders ([Your Name], YYYY-MM-DD,
HH:MM, {TITLE}, TBD, <!-- guidance --> comments, an unanswered why) and about
8% miss one or two sections, so pm has findings to report (about 0.8 per
file).

`--findings heavy` writes the same files as drafts are: every file keeps
every kind of placeholder, half its timeline times are HH:MM, every action
item lacks its owner and due date, a third of its paragraphs end with an
unfilled sentence and one section is missing, so each file has dozens of
findings. The normal files' text is drawn the same way in both modes (the
heavy changes come from a generator of their own).

Determinism: file i is a function of (seed, i, mode) only, never of N, the
environment, hash randomization or the clock, so the same N and seed give
byte-identical output and a larger corpus contains the smaller one. Python 3
standard library only.
"""

import argparse
import os
import random
import sys
import time

# --- vocabulary ------------------------------------------------------------

SERVICES = (
    "checkout-api", "orders-db", "auth-service", "payment-gateway",
    "search-api", "notifications", "billing-worker", "profile-service",
    "inventory-sync", "cdn-edge", "image-resizer", "feature-flags",
    "ledger", "session-cache", "rate-limiter", "report-exporter",
    "webhook-relay", "shipping-labels", "recommendations", "admin-console",
)
DEPENDENCIES = (
    "PostgreSQL primary", "pgbouncer pool", "Redis cluster", "Kafka cluster",
    "Elasticsearch cluster", "internal load balancer", "Kubernetes node pool",
    "S3 bucket", "Route 53 zone", "Vault cluster", "Envoy sidecars",
    "Memcached tier", "RabbitMQ broker", "etcd cluster", "NFS volume",
    "Cloud SQL replica", "CDN configuration", "NAT gateway",
)
# (short cause used in titles, deeper cause, slug words)
CAUSES = (
    ("connection pool exhaustion in {svc}",
     "each request held a connection across a slow downstream call",
     "pool-exhaustion"),
    ("an expired TLS certificate on the {dep}",
     "the renewal job failed silently after a permissions change",
     "expired-certificate"),
    ("a config push that set the {svc} timeout to 50 ms",
     "the config schema accepted durations without units",
     "bad-config-push"),
    ("a memory leak in {svc} {ver}",
     "a per-request cache was never evicted",
     "memory-leak"),
    ("a DNS change that pointed {svc} at a retired {dep}",
     "the change was made by hand outside the review process",
     "dns-change"),
    ("a full disk on the {dep}",
     "log rotation was turned off during a migration and never turned back on",
     "disk-full"),
    ("a migration that locked a hot table used by {svc}",
     "the migration tool rewrote the table instead of adding the column online",
     "table-lock"),
    ("a retry storm after the {dep} restarted",
     "every client retried on the same fixed interval with no jitter",
     "retry-storm"),
    ("a feature flag enabled for all traffic on {svc}",
     "the flag system had no staged rollout and no kill switch",
     "feature-flag"),
    ("clock skew across the {dep}",
     "the time sync agent was missing from the new base image",
     "clock-skew"),
    ("consumer lag on the {dep} behind {svc}",
     "a poison message made the consumer crash and restart in a loop",
     "consumer-lag"),
    ("an API key rotation that broke {svc}",
     "the old key was revoked before every caller had the new one",
     "key-rotation"),
)
DETECTIONS = (
    "a page for the {svc} error budget burn rate",
    "a customer report escalated by support",
    "synthetic checks failing from two regions",
    "an engineer watching the {svc} latency dashboard",
    "a growing dead-letter queue for {svc}",
    "a low-disk alert on the {dep}",
    "a spike in 5xx responses at the edge",
)
PEOPLE = (
    "Priya Raman", "Dana Kim", "Tomás Ortega", "Aisha Bello", "Mikko Lehtonen",
    "Sofia Marino", "Jun Watanabe", "Chloé Martin", "Kofi Asante",
    "Ines Duarte", "Ravi Shah", "Greta Nilsson", "Omar Farouk", "Lucy Brennan",
    "Zoë Adler", "Mateo Silva",
)
TEAMS = ("SRE", "Platform", "Payments", "Identity", "Data", "Edge",
         "Storage", "Checkout")
STATUSES = ("draft", "draft", "in-review", "final", "final", "final")
ITEM_STATUSES = ("Open", "In progress", "Done", "Done", "Blocked")
PRIORITIES = ("P0", "P1", "P1", "P2", "P2", "P3")
ACTIONS = (
    "Alert on {svc} connection pool saturation above 80%",
    "Automate certificate expiry checks for the {dep}",
    "Require units on every duration in the {svc} config schema",
    "Write a failover runbook for the {dep}",
    "Add exponential backoff with jitter to {svc} clients",
    "Stage feature flag rollouts for {svc} at 1%, 10%, 50%",
    "Add a canary step to the {svc} deploy pipeline",
    "Load test {svc} at twice last year's peak",
    "Check for the time sync agent in base image CI",
    "Review the {dep} dashboards with the {team} team",
    "Move DNS changes for {svc} into Terraform with review",
    "Page the secondary on-call after 10 minutes without ack",
    "Add a dead-letter queue alert for {svc}",
    "Cap {svc} retries at three per request",
)
WENT_WELL = (
    "The incident channel was open within five minutes and roles were clear.",
    "The rollback of {svc} took four minutes once it was decided.",
    "Status page updates went out every 30 minutes as promised.",
    "The {dep} runbook was accurate and current.",
    "Support had a holding reply ready before the first tickets arrived.",
    "{person} handed over cleanly when the incident crossed shifts.",
)
WENT_WRONG = (
    "Nobody owned the {dep}, so escalation took longer than it should have.",
    "The {svc} dashboards show averages, which hid the tail latency.",
    "The alert went to a channel nobody watches at night.",
    "We spent 20 minutes on a red herring in the {dep}.",
    "The rollback procedure for {svc} was not written down.",
    "Two people applied mitigations at once without telling each other.",
)
SENTENCES = (
    "Notes were kept in the incident channel throughout; this section "
    "condenses them.",
    "Where timestamps disagreed, the paging system's were taken as "
    "authoritative.",
    "The {svc} error rate rose from its usual 0.2% to about {pct}% and "
    "stayed there until mitigation.",
    "p99 latency reached {ms} ms while the median barely moved.",
    "Clients retried failed requests, which roughly doubled the load on the "
    "{dep} and slowed recovery after the fix was deployed.",
    "{person}, on call for {team}, coordinated the response and updated the "
    "status page every 30 minutes.",
    "No data was lost.",
    "Some writes were delayed and replayed from the queue after recovery; "
    "reconciliation found no mismatches.",
    "Recovery was confirmed when the burn rate returned to normal and the "
    "synthetic checkout passed from three regions.",
    "A nightly batch job ran during the same window, which made the graphs "
    "harder to read and delayed the first good hypothesis.",
    "The [runbook](https://runbooks.example.com/{svc}) and the "
    "[dashboard](https://grafana.example.com/d/{svc}-overview) have the "
    "details.",
    "The `{svc}` deployment stayed pinned to `{ver}` until the fix shipped.",
    "Traffic from the largest tenants was *shed first*, as the load shedding "
    "policy intends.",
    "The {dep} metrics were scraped every five minutes, which hid the first "
    "spike entirely.",
    "{person} confirmed the {dep} was healthy before the rollback, which "
    "ruled out the first hypothesis.",
    "Support received {tickets} tickets during the window and answered them "
    "from the incident template.",
    "The change had passed review and CI; no test exercised this path.",
    "An action item from a similar incident in {svc} last quarter would have "
    "prevented this one; it was still open.",
    "Capacity on the {dep} had been **below the recommended headroom** for "
    "weeks, but no alert covered it.",
    "The {team} team's handover notes mentioned the warning signs the day "
    "before, without an owner.",
    "Error budgets for {svc} were already at {budget}% for the month, so the "
    "freeze policy applied afterwards.",
    "The first mitigation, a restart of {svc}, helped for six minutes and "
    "then the errors returned.",
)
LOG_LINES = (
    "ERROR {svc} upstream connect error or disconnect/reset before headers",
    "WARN  {svc} pool exhausted (max=40, waiting=612)",
    "ERROR {svc} x509: certificate has expired or is not yet valid",
    "FATAL {svc} runtime: out of memory",
    "WARN  {svc} slow query: 11873 ms on orders",
    "ERROR {svc} context deadline exceeded after 50ms",
)
TIMELINE_EVENTS = (
    "Deploy of `{ver}` to {svc} begins",
    "{svc} error rate starts to climb",
    "Alert fires: {detect}",
    "{person} acknowledges the page",
    "Incident declared as SEV-{sev}",
    "{team} team joins the incident channel",
    "First hypothesis: a problem in the {dep}",
    "Status page updated",
    "Mitigation applied to {svc}",
    "Error rate back to baseline",
    "Incident resolved",
)
TIMELINE_EXTRA = (
    "Checked the {dep} dashboards",
    "Posted an update in #incidents",
    "Scaled {svc} to twice the replicas",
    "Paged the {team} secondary",
    "Confirmed no data loss in the {dep}",
)
SECTIONS = ("Summary", "Impact", "Timeline", "Root Cause", "5 Whys",
            "Detection", "Resolution", "Action Items", "Lessons Learned")
# Sections that take extra prose until a file reaches its size.
GROWABLE = ("Summary", "Impact", "Root Cause", "Detection", "Resolution")
# What a file with placeholders may keep, and the guidance comments.
DIRT = ("title", "date", "owner", "due", "time", "comment", "impact", "tbd",
        "why", "duration")
# Sentences a draft leaves to write (--findings heavy).
UNFINISHED = (
    "TODO: add the numbers from the dashboard.",
    "[Describe what the responders saw here.]",
    "TBD",
    "Owner: [Your Name]",
    "Add links to the graphs here.",
)
GUIDANCE = (
    "<!-- One paragraph: what happened, who was affected, how it ended. -->",
    "<!-- Describe the customer-visible impact with numbers. -->",
    "<!-- Keep asking why until you reach a process or design cause. -->",
)


# --- helpers ---------------------------------------------------------------

def wrap(text, width=80):
    """Greedy word wrap at single spaces (no hyphenation), fast enough for
    100k files: each line is cut at the last space that keeps it within
    `width`, or at the next space when a word is longer than that."""
    if len(text) <= width:
        return text
    lines = []
    start = 0
    n = len(text)
    while n - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut < 0:
                break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return "\n".join(lines)


class Incident:
    """The facts of one incident, drawn from the file's own generator."""

    def __init__(self, rng, i):
        self.i = i
        self.year = 2019 + rng.randrange(8)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)
        self.date = "%04d-%02d-%02d" % (self.year, self.month, self.day)
        self.svc = rng.choice(SERVICES)
        self.dep = rng.choice(DEPENDENCIES)
        self.cause = rng.choice(CAUSES)
        self.detect_tpl = rng.choice(DETECTIONS)
        self.sev = rng.choice((1, 2, 2, 3, 3, 3, 4, 4))
        self.status = rng.choice(STATUSES)
        self.person = rng.choice(PEOPLE)
        self.team = rng.choice(TEAMS)
        self.ver = "v%d.%d.%d" % (rng.randint(1, 9), rng.randint(0, 40),
                                  rng.randint(0, 9))
        # Times in minutes after midnight; the timeline stays within the day.
        self.start = rng.randint(0, 12 * 60)
        self.detect_after = rng.randint(1, 40)
        self.resolve_after = rng.randint(10, 9 * 60)
        self.wrap = rng.random() < 0.7   # 70% keep prose within 80 columns
        self.template = rng.random() < 0.25
        self.vars = {
            "svc": self.svc, "dep": self.dep, "ver": self.ver,
            "person": self.person, "team": self.team, "sev": self.sev,
            "pct": rng.randint(3, 97), "ms": rng.randint(900, 30000),
            "tickets": rng.randint(2, 450), "budget": rng.randint(5, 100),
        }
        self.vars["detect"] = self.detect_tpl.format(**self.vars)
        self.short = self.cause[0].format(**self.vars)
        self.deep = self.cause[1]
        self.title = "%s degraded by %s" % (self.svc, self.short)

    def f(self, text):
        return text.format(**self.vars)

    def prose(self, text):
        return wrap(text) if self.wrap else text

    def stamp(self, minutes):
        return "%sT%02d:%02d:00Z" % (self.date, minutes // 60, minutes % 60)


def hhmm(minutes):
    return "%02d:%02d" % (minutes // 60, minutes % 60)


def duration_text(minutes):
    if minutes < 60:
        return "%dm" % minutes
    return "%dh %dm" % (minutes // 60, minutes % 60)


def yaml_str(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


# --- the document ----------------------------------------------------------

def front_matter(rng, inc, dirt):
    detected = inc.start + inc.detect_after
    resolved = detected + inc.resolve_after
    out = ["---"]
    out.append("title: " + ("\"{TITLE}\"" if "title" in dirt
                            else yaml_str(inc.title)))
    out.append("incident_id: INC-%04d-%06d" % (inc.year, inc.i))
    out.append("date: " + ("YYYY-MM-DD" if "date" in dirt
                           else '"%s"' % inc.date))
    out.append("severity: SEV-%d" % inc.sev)
    out.append("status: %s" % inc.status)
    out.append('started_at: "%s"' % inc.stamp(inc.start))
    out.append('detected_at: "%s"' % inc.stamp(detected))
    out.append('resolved_at: "%s"' % inc.stamp(resolved))
    out.append("duration: " + ("TBD" if "duration" in dirt
                               else duration_text(resolved - inc.start)))
    out.append("lead: %s" % inc.person)
    if rng.random() < 0.6:
        out.append("services:")
        for s in rng.sample(SERVICES, rng.randint(1, 3)):
            out.append("- " + s)
    if inc.template:
        out.append("template: standard")
    out.append("---")
    return "\n".join(out)


def paragraph(rng, inc):
    return inc.prose(inc.f(" ".join(rng.sample(SENTENCES, rng.randint(2, 4)))))


def s_summary(rng, inc, dirt):
    blocks = []
    if "comment" in dirt:
        blocks.append(GUIDANCE[0])
    blocks.append(inc.prose(
        "On %s, **%s** was degraded for %s because of %s. It was detected "
        "through %s and mitigated by the %s team."
        % (inc.date, inc.svc,
           duration_text(inc.detect_after + inc.resolve_after), inc.short,
           inc.vars["detect"], inc.team)))
    return blocks


def s_impact(rng, inc, dirt):
    blocks = []
    if "comment" in dirt:
        blocks.append(GUIDANCE[1])
    users = "[number]" if "impact" in dirt else "about {:,}".format(
        rng.randint(50, 3000000))
    blocks.append("\n".join((
        "- Users affected: " + users,
        "- Services affected: `%s`, `%s`" % (inc.svc, rng.choice(SERVICES)),
        "- Revenue impact: " + rng.choice(
            ("none measured", "about $%s" % "{:,}".format(
                rng.randint(500, 120000)), "under review with finance")),
        "- Error budget consumed: %d%%" % rng.randint(1, 100),
    )))
    blocks.append(paragraph(rng, inc))
    return blocks


def s_timeline(rng, inc, dirt):
    rows = ["| Time (UTC) | Event |", "|------------|-------|"]
    span = inc.detect_after + inc.resolve_after
    n = rng.randint(7, 14)
    # Rows in time order from the start to the resolution, all on one day.
    times = sorted(rng.randint(0, span) for _ in range(n - 2))
    times = [0] + times + [span]
    events = list(TIMELINE_EVENTS[:min(n - 1, len(TIMELINE_EVENTS) - 1)])
    while len(events) < n - 1:
        events.insert(rng.randint(3, len(events)), rng.choice(TIMELINE_EXTRA))
    events.append(TIMELINE_EVENTS[-1])
    for k in range(n):
        unfilled = k == 1 or ("heavy" in dirt and k % 2 == 1)
        when = "HH:MM" if ("time" in dirt and unfilled) \
            else hhmm(inc.start + times[k])
        rows.append("| %s | %s |" % (when, inc.f(events[k])))
    return ["\n".join(rows)]


def s_root_cause(rng, inc, dirt):
    if "tbd" in dirt:
        blocks = ["Root cause: TBD"]
    else:
        blocks = [inc.prose("The trigger was %s. The underlying cause was "
                            "that %s." % (inc.short, inc.deep))]
    if rng.random() < 0.5:
        lines = [inc.f(rng.choice(LOG_LINES)) for _ in range(rng.randint(2, 6))]
        blocks.append("```text\n%s\n```" % "\n".join(lines))
    return blocks


def s_whys(rng, inc, dirt):
    qa = (
        ("Why did %s fail?" % inc.svc, "Because of %s." % inc.short),
        ("Why did that happen?", "Because %s." % inc.deep),
        ("Why was it not caught before release?",
         inc.f("Because no test or alert covered the {dep}.")),
        ("Why was there no alert?",
         inc.f("Because the {dep} had no clear owner.")),
        ("Why was there no owner?",
         inc.f("Because ownership was never reassigned after the {team} "
               "team reorganised.")),
    )
    blocks = []
    if "comment" in dirt:
        blocks.append(GUIDANCE[2])
    items = []
    for k, (q, a) in enumerate(qa):
        answer = "[Answer]" if ("why" in dirt and k == len(qa) - 1) else a
        items.append("%d. **%s**\n   - %s" % (k + 1, q, answer))
    blocks.append("\n".join(items))
    return blocks


def s_detection(rng, inc, dirt):
    blocks = [inc.prose("The incident was detected through %s, %d minutes "
                        "after impact began." % (inc.vars["detect"],
                                                 inc.detect_after))]
    if rng.random() < 0.5:
        quote = inc.prose(inc.f("An earlier signal: the {dep} saturation graph "
                                "was already trending up the day before."))
        blocks.append("> " + quote.replace("\n", "\n> "))
    return blocks


def s_resolution(rng, inc, dirt):
    steps = [
        "Rolled {svc} back to the previous release.",
        "Restarted the unhealthy pods behind the {dep}.",
        "Raised the limit temporarily and watched the recovery.",
        "Verified with synthetic checks from three regions.",
        "Drained traffic away from the affected zone.",
    ]
    rng.shuffle(steps)
    return ["\n".join("- " + inc.f(s) for s in steps[:rng.randint(2, 5)]),
            paragraph(rng, inc)]


def s_actions(rng, inc, dirt):
    rows = ["| Action | Owner | Due | Priority | Status |",
            "|--------|-------|-----|----------|--------|"]
    n = rng.randint(3, 7)
    base = inc.year * 12 + inc.month - 1
    for k in range(n):
        heavy = "heavy" in dirt
        owner = "[Your Name]" if ("owner" in dirt and (k == 0 or heavy)) \
            else rng.choice(PEOPLE)
        ym = base + rng.randint(1, 4)
        due = "YYYY-MM-DD" if ("due" in dirt and (k == n - 1 or heavy)) \
            else "%04d-%02d-%02d" % (ym // 12, ym % 12 + 1, rng.randint(1, 28))
        # Items of older incidents are mostly done, recent ones mostly not.
        if inc.year < 2026 and rng.random() < 0.93:
            status = "Done"
        else:
            status = rng.choice(ITEM_STATUSES)
        rows.append("| %s | %s | %s | %s | %s |" % (
            inc.f(rng.choice(ACTIONS)), owner, due, rng.choice(PRIORITIES),
            status))
    return ["\n".join(rows)]


def s_lessons(rng, inc, dirt):
    blocks = [
        "### What went well",
        "\n".join("- " + inc.f(s)
                  for s in rng.sample(WENT_WELL, rng.randint(1, 3))),
        "### What went wrong",
        "\n".join("- " + inc.f(s)
                  for s in rng.sample(WENT_WRONG, rng.randint(1, 3))),
    ]
    if rng.random() < 0.4:
        blocks.append("### Where we got lucky")
        blocks.append(inc.prose(inc.f(
            "It happened outside peak hours for the largest region {svc} "
            "serves.")))
    if "tbd" in dirt:
        blocks.append("TODO: add the lessons from the review meeting.")
    return blocks


BUILDERS = {
    "Summary": s_summary, "Impact": s_impact, "Timeline": s_timeline,
    "Root Cause": s_root_cause, "5 Whys": s_whys, "Detection": s_detection,
    "Resolution": s_resolution, "Action Items": s_actions,
    "Lessons Learned": s_lessons,
}


def document(seed, i, heavy=False):
    """File i of the corpus for `seed`: (relative path, bytes, dirty, missing).
    `heavy`: a draft with dozens of findings (see --findings)."""
    rng = random.Random("pm-bench:%s:%d" % (seed, i))
    inc = Incident(rng, i)
    dirt = ()
    if rng.random() < 0.10:
        dirt = tuple(rng.sample(DIRT, rng.randint(1, 4)))
    missing = ()
    if rng.random() < 0.08:
        missing = tuple(rng.sample(SECTIONS, rng.randint(1, 2)))
    if heavy:
        hrng = random.Random("pm-bench-heavy:%s:%d" % (seed, i))
        dirt = DIRT + ("heavy",)
        missing = (hrng.choice(SECTIONS[3:]),)
    target = rng.randint(4096, 8192)

    head = front_matter(rng, inc, dirt)
    title = "{TITLE}" if "title" in dirt else inc.title
    sections = [(name, BUILDERS[name](rng, inc, dirt))
                for name in SECTIONS if name not in missing]

    # Size so far, in bytes, as render() below lays the blocks out.
    def nbytes(s):
        return len(s.encode("utf-8"))
    size = nbytes(head) + 1 + 1 + nbytes("# " + title) + 1 + 1
    for name, blocks in sections:
        size += nbytes("## " + name) + 2
        size += sum(nbytes(b) + 2 for b in blocks)
    growable = [blocks for name, blocks in sections if name in GROWABLE]
    if not growable:
        growable = [blocks for _, blocks in sections]
    # Grow with prose paragraphs, placed before each section's last block,
    # until the file reaches its target size.
    while size < target:
        blocks = rng.choice(growable)
        p = paragraph(rng, inc)
        blocks.insert(max(len(blocks) - 1, 1), p)
        size += nbytes(p) + 2

    if heavy:
        # A third of the paragraphs end with a sentence left to write.
        for _, blocks in sections:
            for k, b in enumerate(blocks):
                if b[:1].isalpha() and hrng.random() < 0.34:
                    blocks[k] = b + " " + hrng.choice(UNFINISHED)

    parts = [head, "", "# " + title, ""]
    for name, blocks in sections:
        parts.append("## " + name)
        parts.append("")
        for b in blocks:
            parts.append(b)
            parts.append("")
    data = "\n".join(parts).encode("utf-8")

    slug = "%s-%s" % (inc.svc, inc.cause[2])
    rel = os.path.join("%04d" % inc.year, "%02d" % inc.month,
                       "%s-%s-%06d.md" % (inc.date, slug, i))
    return rel, data, bool(dirt), bool(missing)


def write_range(job):
    """Write files lo..hi-1 of the corpus; return their statistics."""
    outdir, seed, lo, hi, heavy = job
    made = set()
    sizes = []
    dirty_n = missing_n = 0
    for i in range(lo, hi):
        rel, data, dirty, missing = document(seed, i, heavy)
        path = os.path.join(outdir, rel)
        d = os.path.dirname(path)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        with open(path, "wb", buffering=1 << 16) as f:
            f.write(data)
        sizes.append(len(data))
        dirty_n += dirty
        missing_n += missing
    return sizes, dirty_n, missing_n


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Generate a deterministic synthetic postmortem corpus.")
    ap.add_argument("outdir")
    ap.add_argument("--n", type=int, required=True, help="number of files")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="worker processes (default: one per CPU); the "
                         "output does not depend on it")
    ap.add_argument("--findings", choices=("normal", "heavy"), default="normal",
                    help="normal: a few files with findings (0.8 per file); "
                         "heavy: every file a draft with dozens")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("--n must be at least 0")

    t0 = time.monotonic()
    chunk = 500
    heavy = a.findings == "heavy"
    jobs = [(a.outdir, a.seed, lo, min(lo + chunk, a.n), heavy)
            for lo in range(0, a.n, chunk)]
    if a.jobs > 1 and len(jobs) > 1:
        import multiprocessing
        with multiprocessing.Pool(min(a.jobs, len(jobs))) as pool:
            results = pool.map(write_range, jobs, chunksize=1)
    else:
        results = [write_range(j) for j in jobs]
    sizes = [n for r in results for n in r[0]]
    dirty_n = sum(r[1] for r in results)
    missing_n = sum(r[2] for r in results)
    total = sum(sizes)
    print("gen_corpus: %d files, %d bytes (%.1f MB; min %d, mean %.0f, max %d)"
          " in %.1f s; %d with placeholders, %d missing sections"
          % (a.n, total, total / 1e6, min(sizes, default=0),
             total / a.n if a.n else 0, max(sizes, default=0),
             time.monotonic() - t0, dirty_n, missing_n), file=sys.stderr)


if __name__ == "__main__":
    main()
