#!/usr/bin/env python3
"""pm lsp: the diagnostics round trip after a change, and memory over edits.

Opens a 6 KB example postmortem in `pm lsp` (the release build) inside a
throwaway repository with the twelve examples as its postmortems folder,
then sends 1,000 didChange notifications, each one waiting for the
publishDiagnostics of its version: the time from sending the change to
reading its diagnostics is one round trip. The server's resident memory is
read from /proc after the first 100 edits and after the last.

The baseline, measured in the same run: `pm lint` of the same file as a new
process (what an editor without a server would run on save).

usage: python3 bench/lsp.py [--edits N]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PM = os.path.join(ROOT, "target", "release", "pm")
EXAMPLE = "2026-09-17-internal-dns-change-broke-service-discovery-for-reporting.md"


class Server:
    def __init__(self, cwd):
        self.proc = subprocess.Popen(
            [PM, "lsp"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("pm lsp closed its output")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == ident:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, version):
        while True:
            message = self.read()
            params = message.get("params") or {}
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("version") == version
            ):
                return params["diagnostics"]

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    if not os.path.exists(PM):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="pm-lsp-bench-")
    try:
        os.makedirs(os.path.join(work, ".git"))
        folder = os.path.join(work, "docs", "postmortems")
        shutil.copytree(os.path.join(ROOT, "examples", "postmortems"), folder)
        path = os.path.join(folder, EXAMPLE)
        with open(path) as f:
            text = f.read()
        uri = "file://" + path

        # Baseline: `pm lint` of the file, a new process each time.
        lint = []
        for _ in range(50):
            start = time.perf_counter()
            subprocess.run([PM, "lint", path], cwd=work, capture_output=True)
            lint.append(time.perf_counter() - start)

        server = Server(work)
        server.request("initialize", {"capabilities": {}})
        server.notify("initialized", {})
        server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
        server.diagnostics(1)
        trips = []
        rss_early = 0
        for i in range(args.edits):
            version = i + 2
            # Typing: a word added to the summary, then taken away again.
            changed = text.replace("## Summary\n", "## Summary\n" + "x" * (i % 40) + "\n", 1)
            start = time.perf_counter()
            server.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": changed}],
                },
            )
            server.diagnostics(version)
            trips.append(time.perf_counter() - start)
            if i == 99:
                rss_early = server.rss_kib()
        rss_late = server.rss_kib()
        server.request("shutdown", None)
        server.notify("exit", None)
        server.proc.wait(timeout=10)

        ms = lambda seconds: seconds * 1000
        trips.sort()
        median = statistics.median(trips)
        p95 = trips[int(len(trips) * 0.95) - 1]
        base = statistics.median(lint)
        print(f"file: {EXAMPLE} ({len(text.encode())} bytes), {args.edits} edits")
        print(
            f"round trip after didChange: median {ms(median):.2f} ms, p95 {ms(p95):.2f} ms, "
            f"max {ms(trips[-1]):.2f} ms"
        )
        print(f"baseline, `pm lint FILE` as a new process: median {ms(base):.2f} ms")
        print(f"ratio (round trip / baseline): {median / base:.2f}x")
        print(f"server memory: {rss_early} KiB after 100 edits, {rss_late} KiB after {args.edits}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
