#!/usr/bin/env python3
"""pm's reproducible benchmark: pm against the parse-only baseline.

Usage: python3 bench/run.py [--sizes 1000,10000,100000] [--runs N] [--quick]

1. Builds `pm` and `pm-baseline` in release mode (cargo, from the repository
   root) and copies both binaries to target/bench/bin, so a rebuild by anyone
   else during the run cannot change what is measured.
2. Generates the corpora with bench/gen_corpus.py into
   target/bench/corpus-<N> (kept when the file count and the generator's
   hash and seed still match, so reruns skip this).
3. Times whole processes, alternating pm and baseline runs (the order flips
   every pair) after a warm-up: wall time (monotonic clock around spawn and
   wait4), peak RSS of that child (ru_maxrss from wait4, per child) and CPU
   time (user + sys of that child).
     - `pm --no-config lint --today D <corpus>` vs `pm-baseline <corpus>` for
       each size; human output (the default), every rule on, stdout and
       stderr to files in target/bench/out;
     - the one-file case: `pm --no-config lint --today D <file>` vs
       `pm-baseline <file>`, 30 runs each;
     - `pm list`, `pm stats`, `pm actions` on the 10k corpus vs the same
       baseline, and `pm report -o FILE` against `pm stats` in pairs.
4. Prints Markdown tables (also written to target/bench/results.md, the raw
   samples to target/bench/results.json; results-quick.* with --quick):
   median wall, min-max spread, peak RSS, CPU, the ratio pm/baseline as the
   median of per-pair ratios with its min-max, the scaling check (wall and
   CPU per MB per size, deviation from linear), and the targets.

Run counts: --runs (default 7) for each corpus size; when a size's runs are
estimated (from the previous size, scaled by MB) to take longer than
--block-seconds, fewer runs are made (at least 3) and pm's warm-up run is
skipped (the baseline's warm-up run still reads every file into the page
cache). An explicit --runs is always honoured. `--quick` runs only the 1k
corpus and the one-file case, with fewer runs: a smoke test.

Standard library only; Linux (os.posix_spawn, os.wait4).
"""

import argparse
import datetime
import filecmp
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
GEN = os.path.join(BENCH, "gen_corpus.py")
TODAY = "2026-11-23"   # pins PM306 (overdue) so the output is reproducible
SEED = "1"
ONE_FILE = os.path.join(
    ROOT, "examples", "postmortems",
    "2026-02-09-checkout-api-503s-from-orders-db-connection-pool-exhaustion.md")
TARGETS = {"ratio_10k": 1.5, "ratio_heavy": 2.0, "rss_mib": 40.0, "ratio_one": 2.0,
           "scaling_pct": 10.0, "report_ratio": 1.5, "report_rss_mib": 60.0}


T0 = time.monotonic()


def log(msg):
    print("[%5.0fs] %s" % (time.monotonic() - T0, msg), file=sys.stderr,
          flush=True)


def target_dir():
    d = os.environ.get("CARGO_TARGET_DIR")
    if d:
        return os.path.abspath(d)
    return os.path.join(ROOT, "target")


# --- build -----------------------------------------------------------------

def build(out, cargo=True):
    if cargo:
        log("== cargo build --release -p pm -p pm-baseline")
        t0 = time.monotonic()
        subprocess.run(["cargo", "build", "--release", "-p", "pm",
                        "-p", "pm-baseline"], cwd=ROOT, check=True)
        log("   built in %.1f s" % (time.monotonic() - t0))
    bindir = os.path.join(out, "bin")
    os.makedirs(bindir, exist_ok=True)
    bins = {}
    for name in ("pm", "pm-baseline"):
        src = os.path.join(target_dir(), "release", name)
        dst = os.path.join(bindir, name)
        tmp = dst + ".tmp"
        shutil.copy2(src, tmp)
        os.replace(tmp, dst)
        with open(dst, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:12]
        bins[name] = {"path": dst, "sha256": digest,
                      "bytes": os.path.getsize(dst)}
    # The spawner that measures each child (see bench/spawn.rs for why).
    spawn_src = os.path.join(BENCH, "spawn.rs")
    spawn = os.path.join(bindir, "pm-bench-spawn")
    if not os.path.exists(spawn) or \
            os.path.getmtime(spawn) < os.path.getmtime(spawn_src):
        subprocess.run(["rustc", "-O", "--edition", "2024", spawn_src,
                        "-o", spawn], check=True)
    bins["spawn"] = {"path": spawn}
    return bins


def git_state():
    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return ""
    head = git("rev-parse", "--short", "HEAD").strip() or "?"
    dirty = [l for l in git("status", "--porcelain", "--untracked-files=no")
             .splitlines() if l.strip()]
    return head, len(dirty)


# --- corpora ---------------------------------------------------------------

def count_md(path):
    n = 0
    nbytes = 0
    for d, _dirs, files in os.walk(path):
        for f in files:
            if f.endswith(".md"):
                n += 1
                nbytes += os.path.getsize(os.path.join(d, f))
    return n, nbytes


def corpus_name(n, findings="normal"):
    return "corpus-%d" % n if findings == "normal" else \
        "corpus-%s-%d" % (findings, n)


def corpus(out, n, findings="normal"):
    """target/bench/corpus-<n> (corpus-heavy-<n> for --findings heavy),
    generated unless already there; its path and bytes."""
    name = corpus_name(n, findings)
    path = os.path.join(out, name)
    stamp = path + ".stamp"
    with open(GEN, "rb") as f:
        want = {"n": n, "seed": SEED, "findings": findings,
                "generator_sha256": hashlib.sha256(f.read()).hexdigest()}
    try:
        with open(stamp) as f:
            have = json.load(f)
    except (OSError, ValueError):
        have = None
    if have is not None and {k: have.get(k) for k in want} == want \
            and os.path.isdir(path):
        files, nbytes = count_md(path)
        if files == n:
            log("== %s present (%d files, %.1f MB)"
                % (name, files, nbytes / 1e6))
            return path, nbytes
    log("== generating %s" % name)
    if os.path.exists(stamp):
        os.remove(stamp)
    shutil.rmtree(path, ignore_errors=True)
    t0 = time.monotonic()
    subprocess.run([sys.executable, GEN, path, "--n", str(n), "--seed", SEED,
                    "--findings", findings], check=True)
    log("   generated in %.1f s" % (time.monotonic() - t0))
    files, nbytes = count_md(path)
    if files != n:
        sys.exit("bench: %s has %d files after generation" % (name, files))
    want["bytes"] = nbytes
    with open(stamp, "w") as f:
        json.dump(want, f)
    return path, nbytes


# --- peers -----------------------------------------------------------------

def peers(out, corpus_path, install):
    """(row name, argv) of each peer found: on PATH, or installed into
    target/bench/peers (with install, first installed there)."""
    root = os.path.join(out, "peers")
    if install:
        os.makedirs(root, exist_ok=True)
        log("== installing peers into %s" % os.path.relpath(root, ROOT))
        # mado's binary is not published on crates.io (the crate of that
        # name there has none): it is timed when found on PATH.
        subprocess.run(["cargo", "install", "--locked", "--root", root,
                        "rumdl"], check=True)
        subprocess.run(["npm", "install", "--prefix", root, "--no-audit",
                        "--no-fund", "markdownlint-cli2"], check=True)
    search = os.pathsep.join((os.path.join(root, "bin"),
                              os.path.join(root, "node_modules", ".bin"),
                              os.environ.get("PATH", "")))
    found = []
    for name, argv in (
            ("rumdl check --no-cache", ["check", "--no-cache", corpus_path]),
            ("rumdl check (cached)", ["check", "--cache-dir",
                                      os.path.join(root, "rumdl-cache"),
                                      corpus_path]),
            ("mado check", ["check", corpus_path]),
            ("markdownlint-cli2", [os.path.join(corpus_path, "**", "*.md")])):
        exe = shutil.which(name.split()[0], path=search)
        if exe is None:
            log("   %s: not found (skipped)" % name.split()[0])
            continue
        found.append((name, [exe, *argv]))
    return found


# --- measuring ---------------------------------------------------------------

class Child:
    """One whole-process run: wall seconds, peak RSS (KiB), CPU seconds."""

    def __init__(self, wall, rss_kib, cpu, status):
        self.wall = wall
        self.rss_kib = rss_kib
        self.cpu = cpu
        self.status = status


SPAWN = None   # path of pm-bench-spawn, set in main()


def run_child(argv, outdir, label, ok_codes, env):
    """Run argv through pm-bench-spawn, which times it and wait4()s it.

    Wall time is measured by the spawner around spawn and wait4 of the
    child alone; peak RSS is the child's own ru_maxrss (not inflated by
    Python's, see bench/spawn.rs); CPU is the child's user + sys time."""
    stdout = os.path.join(outdir, label + ".stdout")
    stderr = os.path.join(outdir, label + ".stderr")
    result = os.path.join(outdir, label + ".result")
    helper = [SPAWN, result, stdout, stderr, *argv]
    pid = os.posix_spawn(SPAWN, helper, env)
    _, status, _ = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("bench: pm-bench-spawn failed on %s" % " ".join(argv))
    with open(result) as f:
        wall_ns, rss, utime, stime, code = (int(x) for x in f.read().split())
    if code not in ok_codes:
        with open(stderr, errors="replace") as f:
            tail = f.read()[-2000:]
        sys.exit("bench: %s exited with %d (expected %s)\n%s"
                 % (" ".join(argv), code, ok_codes, tail))
    return Child(wall_ns / 1e9, rss, (utime + stime) / 1e6, code)


def measure(name, pm_argv, base_argv, runs, warm_pm, outdir, env,
            pm_ok=(0,), other_argv=None):
    """Alternate pm and baseline runs; the order flips every pair. With
    other_argv (another pm, see --compare) each round runs the three in
    turn, starting one further each round, and the other's runs are
    returned third."""
    label = name.replace(" ", "_").replace("/", "_")
    progs = [(pm_argv, label + ".pm", pm_ok), (base_argv, label + ".baseline",
                                                (0,))]
    if other_argv is not None:
        progs.append((other_argv, label + ".other", pm_ok))
    if warm_pm:
        run_child(pm_argv, outdir, label + ".pm", pm_ok, env)
        if other_argv is not None:
            run_child(other_argv, outdir, label + ".other", pm_ok, env)
    run_child(base_argv, outdir, label + ".baseline", (0,), env)
    samples = [[] for _ in progs]
    for k in range(runs):
        if len(progs) == 2:
            order = [0, 1] if k % 2 == 0 else [1, 0]
        else:
            order = [(k + j) % 3 for j in range(3)]
        for i in order:
            argv, lab, ok = progs[i]
            samples[i].append(run_child(argv, outdir, lab, ok, env))
    if other_argv is None:
        return samples[0], samples[1]
    return samples[0], samples[1], samples[2]


def med(xs):
    return statistics.median(xs)


def summary(pm, base):
    ratios = [p.wall / b.wall for p, b in zip(pm, base)]
    cpu_ratios = [p.cpu / b.cpu for p, b in zip(pm, base) if b.cpu > 0]
    def side(rs):
        walls = [r.wall for r in rs]
        return {"walls": walls, "median": med(walls), "min": min(walls),
                "max": max(walls), "rss_mib": max(r.rss_kib for r in rs) / 1024,
                "cpu": med([r.cpu for r in rs])}
    return {"pm": side(pm), "baseline": side(base), "ratios": ratios,
            "ratio": med(ratios), "ratio_min": min(ratios),
            "ratio_max": max(ratios),
            "cpu_ratio": med(cpu_ratios) if cpu_ratios else float("nan"),
            "runs": len(pm), "load": os.getloadavg()[0]}


def fmt_t(s):
    if s < 1:
        return "%.1f ms" % (s * 1000)
    return "%.2f s" % s


# --- main ------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=None,
                    help="corpus sizes, comma-separated "
                         "(default 1000,10000,100000; 1000 with --quick)")
    ap.add_argument("--runs", type=int, default=None,
                    help="timed runs of each program per corpus size "
                         "(default 7, 3 with --quick; fewer for a size whose "
                         "runs would exceed --block-seconds unless given)")
    ap.add_argument("--one-file-runs", type=int, default=None,
                    help="timed runs each for the one-file case (default 30)")
    ap.add_argument("--block-seconds", type=float, default=200.0,
                    help="time budget for the timed runs of one corpus size "
                         "(default 200)")
    ap.add_argument("--one-file", default=None,
                    help="the file for the one-file case (default: %s)"
                         % os.path.relpath(ONE_FILE, ROOT))
    ap.add_argument("--quick", action="store_true",
                    help="smoke test: 1k corpus and the one-file case only")
    ap.add_argument("--compare", default=None, metavar="PM_BINARY",
                    help="another pm binary (say, a release build of the "
                         "previous commit) timed in the same rounds as pm "
                         "and the baseline on every lint case, reported with "
                         "its own ratio to the baseline")
    ap.add_argument("--peers", action="store_true",
                    help="also time other Markdown linters (rumdl, mado, "
                         "markdownlint-cli2) on the formats corpus, each "
                         "against the same baseline; found on PATH or in "
                         "target/bench/peers (see --install-peers)")
    ap.add_argument("--install-peers", action="store_true",
                    help="install the peers into target/bench/peers first "
                         "(cargo install --locked rumdl; npm install "
                         "markdownlint-cli2; mado only from PATH); implies "
                         "--peers")
    ap.add_argument("--no-build", action="store_true",
                    help="skip cargo build; use (copies of) the binaries "
                         "already in target/release")
    a = ap.parse_args()
    if a.sizes is None:
        a.sizes = "1000" if a.quick else "1000,10000,100000"
    sizes = sorted({int(s) for s in a.sizes.split(",") if s.strip()})
    explicit_runs = a.runs is not None
    runs = a.runs if explicit_runs else (3 if a.quick else 7)
    one_runs = a.one_file_runs or (10 if a.quick else 30)
    if runs < 1 or one_runs < 1 or any(n < 1 for n in sizes):
        ap.error("run counts and sizes must be at least 1")

    started = time.monotonic()
    out = os.path.join(target_dir(), "bench")
    outdir = os.path.join(out, "out")
    os.makedirs(outdir, exist_ok=True)
    load_before = os.getloadavg()
    if load_before[0] > 0.5:
        log("warning: 1-minute load average is %.2f; other processes will "
            "make the timings noisy" % load_before[0])

    phases = {}
    t = time.monotonic()
    bins = build(out, cargo=not a.no_build)
    phases["build"] = time.monotonic() - t
    pm_bin, base_bin = bins["pm"]["path"], bins["pm-baseline"]["path"]
    global SPAWN
    SPAWN = bins["spawn"]["path"]
    head, dirty = git_state()

    t = time.monotonic()
    corpora = {n: corpus(out, n) for n in sizes}
    # The output formats are timed on the normal and the heavy corpus of
    # the size closest to 10k.
    fmt_n = min(sizes, key=lambda x: abs(x - 10000))
    heavy = corpus(out, fmt_n, "heavy")
    phases["corpora"] = time.monotonic() - t
    t_measure = time.monotonic()
    one = a.one_file or ONE_FILE
    if not os.path.isfile(one):
        one = os.path.join(corpora[sizes[0]][0], sorted(
            os.path.join(d, f)
            for d, _, fs in os.walk(corpora[sizes[0]][0]) for f in fs)[0])
    one = os.path.abspath(one)

    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.pop("RAYON_NUM_THREADS", None)
    lint = lambda path, flags=(): [pm_bin, "--no-config", "lint", "--today",
                                   TODAY, *flags, path]
    other_bin = os.path.abspath(a.compare) if a.compare else None
    if other_bin and not os.access(other_bin, os.X_OK):
        ap.error("--compare: %s is not an executable file" % other_bin)
    other_lint = (lambda path, flags=(): [other_bin, "--no-config", "lint",
                                          "--today", TODAY, *flags, path]) \
        if other_bin else (lambda path, flags=(): None)
    compared = {}   # name -> summary of the other binary against the baseline
    same_output = {}   # name -> whether pm and the other wrote the same bytes

    def compare_output(name, label):
        """cmp of the last stdout of pm and of the compared pm."""
        if other_bin:
            stem = os.path.join(outdir, label.replace(" ", "_"))
            same_output[name] = filecmp.cmp(stem + ".pm.stdout",
                                            stem + ".other.stdout",
                                            shallow=False)

    rows = []   # (name, files, bytes, summary)
    results = {}

    # Corpus sizes, smallest first; each estimates the next one's time.
    per_mb_pair = None
    for n in sizes:
        path, nbytes = corpora[n]
        mb = nbytes / 1e6
        k, warm_pm = runs, True
        if per_mb_pair is not None and not explicit_runs:
            est = per_mb_pair * mb
            if est * runs > a.block_seconds:
                k = max(3, min(runs, int(a.block_seconds // est)))
                warm_pm = False
        log("== lint corpus-%d: %d pairs%s" % (
            n, k, "" if warm_pm else " (baseline warm-up only)"))
        got = measure("lint %d" % n, lint(path), [base_bin, path], k,
                      warm_pm, outdir, env, pm_ok=(0, 1),
                      other_argv=other_lint(path))
        pm, base = got[0], got[1]
        s = summary(pm, base)
        if other_bin:
            compared["pm lint corpus-%d" % n] = summary(got[2], base)
            compare_output("pm lint corpus-%d" % n, "lint %d" % n)
        per_mb_pair = (s["pm"]["median"] + s["baseline"]["median"]) / mb
        name = "pm lint corpus-%d" % n
        rows.append((name, n, nbytes, s))
        results[name] = s

    # The one-file case.
    log("== lint one file: %d pairs" % one_runs)
    got = measure("lint one-file", lint(one), [base_bin, one], one_runs,
                  True, outdir, env, pm_ok=(0, 1), other_argv=other_lint(one))
    pm, base = got[0], got[1]
    s = summary(pm, base)
    one_name = "pm lint <one file>"
    if other_bin:
        compared[one_name] = summary(got[2], base)
        compare_output(one_name, "lint one-file")
    rows.append((one_name, 1, os.path.getsize(one), s))
    results[one_name] = s

    # The output formats, on the normal corpus and on the heavy one.
    format_rows = []
    for findings, (path, nbytes) in (("normal", corpora[fmt_n]),
                                     ("heavy", heavy)):
        for flags in ((), ("--format", "concise"), ("--statistics",)):
            cname = corpus_name(fmt_n, findings)
            name = " ".join(("pm lint", cname, *flags))
            format_rows.append(name)
            if name in results:
                continue
            label = " ".join(("lint", cname, *flags)).replace("--", "")
            log("== %s: %d pairs" % (name, runs))
            got = measure(label, lint(path, flags), [base_bin, path], runs,
                          True, outdir, env, pm_ok=(0, 1),
                          other_argv=other_lint(path, flags))
            s = summary(got[0], got[1])
            if other_bin:
                compared[name] = summary(got[2], got[1])
                compare_output(name, label)
            rows.append((name, fmt_n, nbytes, s))
            results[name] = s

    # Other Markdown linters on the normal corpus, against the same baseline.
    peer_rows = []
    if a.peers or a.install_peers:
        path, nbytes = corpora[fmt_n]
        for name, argv in peers(out, path, a.install_peers):
            # A slow peer gets as many runs as fit in --block-seconds.
            first = run_child(argv, outdir, "peer", range(256), env)
            k = max(1, min(runs, int(a.block_seconds // max(first.wall, 1e-3))))
            log("== %s corpus-%d: %d pairs" % (name, fmt_n, k))
            pm, base = measure("peer " + name.split()[0], argv, [base_bin, path],
                               k, False, outdir, env, pm_ok=range(256))
            s = summary(pm, base)
            rows.append((name, fmt_n, nbytes, s))
            results[name] = s
            peer_rows.append(name)

    # The portfolio commands on the 10k corpus (or the size closest to it).
    portfolio = []
    report_vs_stats = None
    if not a.quick:
        n = min(sizes, key=lambda x: abs(x - 10000))
        path, nbytes = corpora[n]
        for cmd in (["list"], ["stats", "--today", TODAY],
                    ["actions", "--today", TODAY]):
            k = runs
            log("== %s corpus-%d: %d pairs" % (cmd[0], n, k))
            pm, base = measure("%s %d" % (cmd[0], n),
                               [pm_bin, "--no-config", *cmd, path],
                               [base_bin, path], k, True, outdir, env)
            s = summary(pm, base)
            name = "pm %s corpus-%d" % (cmd[0], n)
            rows.append((name, n, nbytes, s))
            results[name] = s
            portfolio.append(name)
        # pm report against pm stats, in pairs: the same files read, the
        # same numbers computed, plus the page.
        log("== report vs stats corpus-%d: %d pairs" % (n, runs))
        page = os.path.join(outdir, "report.html")
        rep, st = measure("report %d" % n,
                          [pm_bin, "--no-config", "report", "--today", TODAY,
                           "-o", page, path],
                          [pm_bin, "--no-config", "stats", "--today", TODAY,
                           path], runs, True, outdir, env)
        report_vs_stats = (n, nbytes, summary(rep, st))
        results["pm report vs pm stats corpus-%d" % n] = report_vs_stats[2]

    phases["measuring"] = time.monotonic() - t_measure

    # --- report ------------------------------------------------------------
    lines = []
    p = lines.append
    p("## pm benchmark")
    p("")
    p("- date: %s; host: %s, %d CPUs, Linux %s; Python %s"
      % (datetime.datetime.now(datetime.timezone.utc)
         .strftime("%Y-%m-%d %H:%M UTC"), platform.machine(),
         os.cpu_count() or 0, platform.release(), platform.python_version()))
    p("- pm: git %s%s; binaries sha256 pm %s, pm-baseline %s (copied to %s)"
      % (head, " + %d uncommitted changes" % dirty if dirty else "",
         bins["pm"]["sha256"], bins["pm-baseline"]["sha256"],
         os.path.relpath(os.path.join(out, "bin"), ROOT)))
    p("- pm runs: `pm --no-config <cmd> [--today %s] <path>`, human/default "
      "output to a file; baseline: `pm-baseline <path>`" % TODAY)
    p("- corpus: bench/gen_corpus.py --seed %s; one file: %s (%d bytes)"
      % (SEED, os.path.relpath(one, ROOT), os.path.getsize(one)))
    p("- wall: median of the runs, spread min-max; peak RSS: largest ru_maxrss "
      "of the runs (MiB); CPU: median user+sys of the child; ratio: median of "
      "per-pair pm/baseline wall ratios [min-max]; CPU ratio: the same for "
      "user+sys; load: 1-minute load average when the block ended")
    p("")
    p("| command | files | MB | median wall | spread (min–max) | peak RSS | "
      "CPU | ratio pm/baseline | CPU ratio | runs | load |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, files, nbytes, s in rows:
        pmv, bv = s["pm"], s["baseline"]
        p("| %s | %d | %.2f | %s | %s–%s | %.1f MiB | %s | **%.2f×** [%.2f–%.2f] "
          "| %.2f× | %d | %.2f |"
          % (name, files, nbytes / 1e6, fmt_t(pmv["median"]),
             fmt_t(pmv["min"]), fmt_t(pmv["max"]), pmv["rss_mib"],
             fmt_t(pmv["cpu"]), s["ratio"], s["ratio_min"], s["ratio_max"],
             s["cpu_ratio"], s["runs"], s["load"]))
        p("| ↳ pm-baseline | %d | %.2f | %s | %s–%s | %.1f MiB | %s | | | %d | |"
          % (files, nbytes / 1e6, fmt_t(bv["median"]), fmt_t(bv["min"]),
             fmt_t(bv["max"]), bv["rss_mib"], fmt_t(bv["cpu"]), s["runs"]))
        c = compared.get(name)
        if c:
            cv = c["pm"]
            p("| ↳ compared pm | %d | %.2f | %s | %s–%s | %.1f MiB | %s | "
              "**%.2f×** [%.2f–%.2f] | %.2f× | %d | %.2f |"
              % (files, nbytes / 1e6, fmt_t(cv["median"]), fmt_t(cv["min"]),
                 fmt_t(cv["max"]), cv["rss_mib"], fmt_t(cv["cpu"]),
                 c["ratio"], c["ratio_min"], c["ratio_max"], c["cpu_ratio"],
                 c["runs"], c["load"]))
    p("")
    if other_bin:
        p("Compared pm: `%s` (sha256 %s), timed in the same rounds; its "
          "ratio is to the same baseline runs." % (
              other_bin, hashlib.sha256(open(other_bin, "rb").read())
              .hexdigest()[:12]))
        p("")
        p("Output of pm and the compared pm (cmp of the last run's stdout): "
          + "; ".join("%s %s" % (name, "identical" if same else "**differs**")
                      for name, same in same_output.items()) + ".")
        p("")
    if peer_rows:
        p("Peers (other Markdown linters, their own rules and default "
          "configuration, on %s): %s." % (
              corpus_name(fmt_n), "; ".join(
                  "%s %s (%.2f× the baseline)" % (
                      name, fmt_t(results[name]["pm"]["median"]),
                      results[name]["ratio"]) for name in peer_rows)))
        p("")

    if report_vs_stats:
        n, nbytes, s = report_vs_stats
        p("### pm report against pm stats (corpus-%d, %.2f MB)" % (n, nbytes / 1e6))
        p("")
        p("| command | median wall | spread (min–max) | peak RSS | CPU | runs |")
        p("|---|---:|---:|---:|---:|---:|")
        for label, side in (("pm report -o report.html", s["pm"]),
                            ("pm stats", s["baseline"])):
            p("| %s | %s | %s–%s | %.1f MiB | %s | %d |"
              % (label, fmt_t(side["median"]), fmt_t(side["min"]),
                 fmt_t(side["max"]), side["rss_mib"], fmt_t(side["cpu"]),
                 s["runs"]))
        p("")
        p("Ratio pm report / pm stats: **%.2f×** [%.2f–%.2f] (median of "
          "per-pair wall ratios), CPU %.2f×." % (s["ratio"], s["ratio_min"],
                                               s["ratio_max"], s["cpu_ratio"]))
        p("")

    scaling = {}
    size_rows = [r for r in rows
                 if r[0] in ("pm lint corpus-%d" % n for n in sizes)]
    if len(size_rows) >= 2:
        p("### Scaling (per MB; deviation from linear = per-MB cost at this "
          "size / at the previous size − 1)")
        p("")
        p("| files | MB | pm wall s/MB | vs linear | baseline wall s/MB | "
          "vs linear | pm CPU s/MB | vs linear | baseline CPU s/MB | "
          "vs linear |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        prev = None
        for name, files, nbytes, s in size_rows:
            mb = nbytes / 1e6
            per = (s["pm"]["median"] / mb, s["baseline"]["median"] / mb,
                   s["pm"]["cpu"] / mb, s["baseline"]["cpu"] / mb)
            cells = []
            for k, v in enumerate(per):
                if prev is None:
                    dev = "—"
                else:
                    d = (v / prev[1][k] - 1) * 100
                    dev = "%+.1f%%" % d
                    if k == 0:
                        scaling["%d→%d" % (prev[0], files)] = d
                    if k == 2:
                        scaling["%d→%d (CPU)" % (prev[0], files)] = d
                cells.append("%.4f | %s" % (v, dev))
            p("| %d | %.1f | %s |" % (files, mb, " | ".join(cells)))
            prev = (files, per)
        p("")

    p("### Targets")
    p("")
    p("| target | measured | verdict |")
    p("|---|---:|---|")
    def verdict(ok):
        return "ok" if ok else "**missed**"
    ten = results.get("pm lint corpus-10000")
    heavy_human = results.get("pm lint " + corpus_name(fmt_n, "heavy"))
    if heavy_human:
        p("| lint heavy (%s) ≤ %.1f× baseline (wall) | %.2f× | %s |"
          % (corpus_name(fmt_n, "heavy"), TARGETS["ratio_heavy"],
             heavy_human["ratio"],
             verdict(heavy_human["ratio"] <= TARGETS["ratio_heavy"])))
    if ten:
        p("| lint 10k ≤ %.1f× baseline (wall) | %.2f× | %s |"
          % (TARGETS["ratio_10k"], ten["ratio"],
             verdict(ten["ratio"] <= TARGETS["ratio_10k"])))
        p("| lint 10k ≤ %.1f× baseline (CPU) | %.2f× | %s |"
          % (TARGETS["ratio_10k"], ten["cpu_ratio"],
             verdict(ten["cpu_ratio"] <= TARGETS["ratio_10k"])))
    for name, files, nbytes, s in rows:
        if name.startswith("pm lint"):
            p("| %s peak RSS ≤ %.0f MiB | %.1f MiB | %s |"
              % (name, TARGETS["rss_mib"], s["pm"]["rss_mib"],
                 verdict(s["pm"]["rss_mib"] <= TARGETS["rss_mib"])))
    o = results[one_name]
    p("| one file ≤ %.1f× baseline (wall) | %.2f× | %s |"
      % (TARGETS["ratio_one"], o["ratio"],
         verdict(o["ratio"] <= TARGETS["ratio_one"])))
    p("| one file ≤ %.1f× baseline (CPU) | %.2f× | %s |"
      % (TARGETS["ratio_one"], o["cpu_ratio"],
         verdict(o["cpu_ratio"] <= TARGETS["ratio_one"])))
    if report_vs_stats:
        s = report_vs_stats[2]
        p("| report ≤ %.1f× stats (wall) | %.2f× | %s |"
          % (TARGETS["report_ratio"], s["ratio"],
             verdict(s["ratio"] <= TARGETS["report_ratio"])))
        p("| report peak RSS < %.0f MiB | %.1f MiB | %s |"
          % (TARGETS["report_rss_mib"], s["pm"]["rss_mib"],
             verdict(s["pm"]["rss_mib"] < TARGETS["report_rss_mib"])))
    for step, d in scaling.items():
        p("| linear scaling %s, within ±%.0f%% | %+.1f%% | %s |"
          % (step, TARGETS["scaling_pct"], d,
             verdict(abs(d) <= TARGETS["scaling_pct"])))
    p("")
    elapsed = time.monotonic() - started
    load_after = os.getloadavg()
    p("run.py took %.0f s (build %.0f s, corpora %.0f s, measuring %.0f s); "
      "1-minute load average before %.2f, after %.2f on %d CPUs (other "
      "processes add noise)" % (elapsed, phases["build"], phases["corpora"],
                                phases["measuring"], load_before[0],
                                load_after[0], os.cpu_count() or 0))

    text = "\n".join(lines)
    print(text)
    stem = "results-quick" if a.quick else "results"
    with open(os.path.join(out, stem + ".md"), "w") as f:
        f.write(text + "\n")
    raw = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(),
           "git": head, "uncommitted": dirty, "binaries": bins,
           "today": TODAY, "seed": SEED, "one_file": one,
           "elapsed_s": elapsed, "phases_s": phases,
           "load_before": load_before,
           "load_after": load_after,
           "rows": [{"name": n, "files": f, "bytes": b, **s}
                    for n, f, b, s in rows],
           "report_vs_stats": report_vs_stats and report_vs_stats[2],
           "compared": {"binary": other_bin, "rows": compared,
                        "same_output": same_output},
           "formats": format_rows, "peers": peer_rows}
    with open(os.path.join(out, stem + ".json"), "w") as f:
        json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()
