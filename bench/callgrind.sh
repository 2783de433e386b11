#!/bin/sh
# Instruction counts (callgrind Ir) of pm against the parse-only baseline:
# a measure that does not depend on the machine's load.
#
# Usage:
#   bench/callgrind.sh [FILE]             pm lint FILE vs pm-baseline FILE
#   bench/callgrind.sh --profile [PATH]   profile pm lint PATH (default: the 1k
#                                         corpus of bench/run.py) and print the
#                                         top 15 functions, inclusive and self
#
# FILE defaults to the example postmortem bench/run.py uses for its one-file
# case. Each program runs RUNS times (default 5) under
#   valgrind --tool=callgrind --dump-instr=no
# with a fixed environment (env -i, PATH=/usr/bin:/bin, HOME=/nonexistent,
# LC_ALL=C, NO_COLOR=1, RAYON_NUM_THREADS=1), address-space randomization off
# (setarch -R, when it works) and pm's day pinned (--today 2026-11-23); the
# median Ir and the min-max are printed. Counts still move by about 0.1-0.2%
# run to run (randomly seeded hash maps, thread start-up), hence the median.
#
# Set NO_BUILD=1 to skip `cargo build --release -p pm -p pm-baseline`, and
# BIN_DIR to take the binaries from another folder than target/release (e.g.
# BIN_DIR=target/bench/bin NO_BUILD=1: the copies bench/run.py measured).
# Needs valgrind (apt-get install valgrind).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$target/bench/callgrind
today=2026-11-23
runs=${RUNS:-5}
one_file=$root/examples/postmortems/2026-02-09-checkout-api-503s-from-orders-db-connection-pool-exhaustion.md

if ! command -v valgrind >/dev/null 2>&1; then
    echo "callgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2
    exit 2
fi

profile=0
if [ "${1:-}" = "--profile" ]; then
    profile=1
    shift
fi

if [ "${NO_BUILD:-0}" != 1 ]; then
    (cd "$root" && cargo build --release -p pm -p pm-baseline) >&2
fi
# Copies, so a rebuild by someone else cannot change what is measured.
mkdir -p "$out/bin"
bin_dir=${BIN_DIR:-$target/release}
for b in pm pm-baseline; do
    cp "$bin_dir/$b" "$out/bin/$b.tmp" && mv "$out/bin/$b.tmp" "$out/bin/$b"
done
pm=$out/bin/pm
base=$out/bin/pm-baseline
sha() { sha256sum "$1" | cut -c1-12; }
echo "binaries: pm $(sha "$pm"), pm-baseline $(sha "$base"); $(valgrind --version)"

norand=""
if setarch "$(uname -m)" -R true >/dev/null 2>&1; then
    norand="setarch $(uname -m) -R"
fi

# cg NAME ARGS...: run ARGS under callgrind into $out/NAME.out; print Ir.
cg() {
    name=$1
    shift
    env -i PATH=/usr/bin:/bin HOME=/nonexistent LC_ALL=C NO_COLOR=1 RAYON_NUM_THREADS=1 \
        $norand valgrind --tool=callgrind --dump-instr=no \
        --callgrind-out-file="$out/$name.out" "$@" \
        >"$out/$name.stdout" 2>"$out/$name.stderr" || {
        code=$?
        # pm lint exits 1 when it finds errors; anything else is a failure.
        if [ "$code" -ne 1 ]; then
            echo "callgrind.sh: $* exited with $code; see $out/$name.stderr" >&2
            exit 2
        fi
    }
    sed -n 's/^summary: *//p' "$out/$name.out"
}

# stats IR...: "median min max" of the numbers.
stats() {
    printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {
        m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
        printf "%d %d %d\n", m, v[1], v[NR] }'
}

if [ "$profile" = 1 ]; then
    path=${1:-$target/bench/corpus-1000}
    if [ ! -e "$path" ]; then
        echo "callgrind.sh: $path does not exist (python3 bench/run.py --quick makes it)" >&2
        exit 2
    fi
    echo "callgrind profile: pm --no-config lint --today $today $path (RAYON_NUM_THREADS=1)"
    pm_ir=$(cg profile.pm "$pm" --no-config lint --today "$today" "$path")
    base_ir=$(cg profile.baseline "$base" "$path")
    echo "pm lint:     $pm_ir Ir"
    echo "pm-baseline: $base_ir Ir"
    awk -v p="$pm_ir" -v b="$base_ir" 'BEGIN { printf "ratio:       %.2fx\n", p / b }'
    # The function lines of callgrind_annotate (after its "file:function"
    # header), without the binary's path; rayon's and std's thread plumbing
    # (start_thread, join_context, bridge_producer_consumer, ...) is left out
    # of the inclusive list, where it would only repeat the program total.
    functions() {
        callgrind_annotate --inclusive="$1" --threshold=100 "$out/profile.pm.out" 2>/dev/null \
            | awk 'found && NF && !/^-+$/ { sub(/ \[[^]]*\]$/, ""); print } /file:function/ { found = 1 }'
    }
    echo
    echo "## top 15 by inclusive cost (rayon/std thread plumbing left out)"
    functions yes | grep -Ev 'rayon|std::sys::|start_thread|thread_start|call_once|__rust_begin|_start$|__libc_start|main$' | head -15
    echo
    echo "## top 15 by self cost"
    functions no | head -15
    echo
    echo "full data: callgrind_annotate $out/profile.pm.out (or kcachegrind)"
    exit 0
fi

file=${1:-$one_file}
if [ ! -f "$file" ]; then
    echo "callgrind.sh: $file is not a file" >&2
    exit 2
fi
pm_runs=""
base_runs=""
i=0
while [ $i -lt "$runs" ]; do
    pm_runs="$pm_runs $(cg one.pm.$i "$pm" --no-config lint --today "$today" "$file")"
    base_runs="$base_runs $(cg one.baseline.$i "$base" "$file")"
    i=$((i + 1))
done
# shellcheck disable=SC2086
set -- $(stats $pm_runs) $(stats $base_runs)
echo "callgrind, one file: $(basename "$file") ($(wc -c <"$file") bytes), $runs runs each"
echo
echo "| command | Ir (median) | min–max | ratio pm/baseline |"
echo "|---|---:|---:|---:|"
echo "| pm --no-config lint --today $today FILE | $1 | $2–$3 | $(awk -v p="$1" -v b="$4" 'BEGIN { printf "%.2f×", p / b }') |"
echo "| pm-baseline FILE | $4 | $5–$6 | |"
