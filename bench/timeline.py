#!/usr/bin/env python3
"""`pm timeline import` on a long chat log, against reading the same file.

Usage: python3 bench/timeline.py [--lines 100000] [--runs 7] [--no-build]

Writes target/bench/timeline/chat-<N>.log (kept when present): N chat lines
in the four forms pm reads (`[14:02] name: …`, `14:02:11 <name> …`,
`2026-11-20 14:02:11 name: …`, `[11/20/26, 2:02:11 PM] Name: …`), a second
apart, with continuation lines between some, over more than one day. Times
`pm --no-config timeline import --tz Europe/Berlin --date 2026-11-20 FILE`
(output to /dev/null) and, as the baseline in the same rounds,
`wc -l FILE` (reading the file once), alternating, and prints the median
wall time of each and their ratio. Then, in the same way, the import
`--into` a fresh `pm new` draft (a copy made before each run) and again
into the postmortem that import wrote (where every event is already there
and nothing is written). The target is under a second for 100,000 lines.

Standard library only; Linux (os.wait4).
"""

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")


def generate(path, n):
    if os.path.isfile(path):
        return
    start = datetime.datetime(2026, 11, 20, 8, 0, 0)
    names = ["dana", "sam", "priya", "lee", "alex", "mo"]
    with open(path + ".part", "w") as f:
        for i in range(n):
            t = start + datetime.timedelta(seconds=i)
            who = names[i % len(names)]
            text = "step %d: checked the pool, error rate %d.%d%%" % (i, i % 17, i % 10)
            form = i % 4
            if form == 0:
                f.write("%s %s: %s\n" % (t.strftime("%Y-%m-%d %H:%M:%S"), who, text))
            elif form == 1:
                f.write("[%s, %s] %s: %s\n" % (
                    t.strftime("%m/%d/%y"), t.strftime("%I:%M:%S %p").lstrip("0"),
                    who.title(), text))
            elif form == 2:
                f.write("%s <%s> %s\n" % (t.strftime("%H:%M:%S"), who, text))
            else:
                f.write("[%s] %s: %s\n" % (t.strftime("%H:%M:%S"), who, text))
            if i % 10 == 0:
                f.write("  a continued line of the message before\n")
    os.replace(path + ".part", path)


def timed(argv):
    """Wall seconds of argv, output discarded (and its ru_maxrss, which
    counts the forked Python too: not reported)."""
    with open(os.devnull, "wb") as null:
        begin = time.monotonic()
        child = subprocess.Popen(argv, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - begin
        err = child.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("timeline: %s failed:\n%s" % (" ".join(argv), err))
    return wall, usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--no-build", action="store_true",
                    help="use target/release/pm as it is")
    a = ap.parse_args()
    if not a.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "pm"],
                       cwd=ROOT, check=True)
    pm = os.path.join(target_dir(), "release", "pm")
    folder = os.path.join(target_dir(), "bench", "timeline")
    os.makedirs(folder, exist_ok=True)
    log = os.path.join(folder, "chat-%d.log" % a.lines)
    generate(log, a.lines)
    pm_argv = [pm, "--no-config", "timeline", "import", "--tz", "Europe/Berlin",
               "--date", "2026-11-20", log]
    base_argv = ["wc", "-l", log]
    timed(pm_argv)  # warm-up: the file in the page cache
    pm_runs, base_runs = [], []
    for k in range(a.runs):
        order = [(pm_argv, pm_runs), (base_argv, base_runs)]
        if k % 2:
            order.reverse()
        for argv, runs in order:
            runs.append(timed(argv))
    # Into a draft, and again into what that wrote.
    draft = os.path.join(folder, "draft.md")
    with open(draft, "wb") as f:
        subprocess.run([pm, "--no-config", "new", "--no-input", "--date", "2026-11-20",
                        "--title", "Bench", "--stdout"], stdout=f, check=True)
    work = os.path.join(folder, "work.md")
    imported = os.path.join(folder, "imported.md")
    into = [pm, "--no-config", "timeline", "import", "--tz", "Europe/Berlin", log, "--into"]
    shutil.copyfile(draft, imported)
    timed(into + [imported])
    into_runs, again_runs = [], []
    for k in range(a.runs):
        shutil.copyfile(draft, work)
        into_runs.append(timed(into + [work]))
        again_runs.append(timed(into + [imported]))
    pm_wall = statistics.median(w for w, _ in pm_runs)
    base_wall = statistics.median(w for w, _ in base_runs)
    into_wall = statistics.median(w for w, _ in into_runs)
    again_wall = statistics.median(w for w, _ in again_runs)
    ratios = [p[0] / b[0] for p, b in zip(pm_runs, base_runs)]
    print("## pm timeline import, %d chat lines (%.1f MB), %d runs"
          % (a.lines, os.path.getsize(log) / 1e6, a.runs))
    print()
    print("| command | median wall |")
    print("|---|---:|")
    print("| pm timeline import (a table on stdout) | %.0f ms |" % (pm_wall * 1000))
    print("| pm timeline import --into a draft | %.0f ms |" % (into_wall * 1000))
    print("| pm timeline import --into it again (nothing to add) | %.0f ms |"
          % (again_wall * 1000))
    print("| wc -l (baseline) | %.0f ms |" % (base_wall * 1000))
    print()
    slowest = max(pm_wall, into_wall, again_wall)
    print("Ratio pm / wc -l: %.1f× [%.1f–%.1f]; target: under 1 s: %s"
          % (statistics.median(ratios), min(ratios), max(ratios),
             "ok" if slowest < 1.0 else "**missed**"))


if __name__ == "__main__":
    main()
