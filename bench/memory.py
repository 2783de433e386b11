#!/usr/bin/env python3
"""Peak memory of `pm lint` on one large file, against the file's size and
against the parse-only baseline on the same file.

Usage: python3 bench/memory.py [--mb 100] [--no-build]

Writes two files of about --mb megabytes to target/bench/large (kept when
present at the same size): `list.md`, one list of short action items, and
`table.md`, one two-column timeline table; the two shapes whose outline is
largest per byte. Runs `pm --no-config lint --format concise FILE` and
`pm-baseline FILE` on each and prints each one's peak RSS (ru_maxrss from
wait4, the child's own), as a multiple of the file size.

Standard library only; Linux (os.wait4).
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEAD = "---\ntitle: Large\nseverity: SEV-2\nstatus: draft\n---\n# Large\n\n"


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")


def generate(path, size, head, line):
    """Writes head, then line(i) for i = 0, 1, … until size bytes."""
    if os.path.isfile(path) and abs(os.path.getsize(path) - size) < 200:
        return
    written = 0
    with open(path + ".part", "w") as f:
        f.write(head)
        written += len(head)
        i = 0
        while written < size:
            text = line(i)
            f.write(text)
            written += len(text)
            i += 1
    os.replace(path + ".part", path)


def peak_kib(argv):
    """Runs argv with output discarded; its peak RSS in KiB."""
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(argv, stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("memory: %s exited with %d" % (" ".join(argv), code))
    return usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=100.0,
                    help="size of each file in MB (default 100)")
    ap.add_argument("--no-build", action="store_true",
                    help="use the binaries already in target/release")
    a = ap.parse_args()
    if not a.no_build:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "pm",
                        "-p", "pm-baseline"], cwd=ROOT, check=True)
    release = os.path.join(target_dir(), "release")
    pm, base = os.path.join(release, "pm"), os.path.join(release, "pm-baseline")
    folder = os.path.join(target_dir(), "bench", "large")
    os.makedirs(folder, exist_ok=True)
    size = int(a.mb * 1e6)
    shapes = {
        "list": (HEAD + "## Action items\n\n",
                 lambda i: "- Fix the thing number %d in service api-%d soon\n"
                 % (i, i % 50)),
        "table": (HEAD + "## Timeline\n\n| time | event |\n|---|---|\n",
                  lambda i: "| 2026-11-20 14:%02d | Something happened number %d |\n"
                  % (i % 60, i)),
    }
    print("| file | MB | pm peak RSS | × file | baseline peak RSS | × file | pm / baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (head, line) in shapes.items():
        path = os.path.join(folder, name + ".md")
        generate(path, size, head, line)
        mb = os.path.getsize(path) / 2**20
        ours = peak_kib([pm, "--no-config", "lint", "--format", "concise", path]) / 1024
        theirs = peak_kib([base, path]) / 1024
        print("| %s.md | %.0f | %.0f MiB | %.1f× | %.0f MiB | %.1f× | %.2f× |"
              % (name, os.path.getsize(path) / 1e6, ours, ours / mb, theirs,
                 theirs / mb, ours / theirs))


if __name__ == "__main__":
    main()
