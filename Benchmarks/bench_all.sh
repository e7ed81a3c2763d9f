#!/usr/bin/env bash
# Every benchmark, one after the other (never two at once: each would slow the other on 2 cores),
# then one table: figure, target (issue 12), measured, ok. `make bench` runs it after a release build.
#
# usage: Benchmarks/bench_all.sh [path/to/newsdrop]     (default .build/release/newsdrop)
#   BENCH_RUNS=1        side-by-side runs per size (3 for the min/median/max the issue asks for)
#   BENCH_TOOLS=dir     where ClassifyTiming, StoryTiming, SearchTiming are (default: beside newsdrop)
#   SIZES, ARCHIVE_SIZE, SEARCH_ITERATIONS, RECONCILE_RUNS, CORPUS, DATA: passed on
#   STORY_SIZES="1000 50000" (StoryTiming's windows)   DROPS=200 (drop_latency.py's files)
#   BACKLOG=2000 (daemon_backlog.py's files)
#   BENCH_SKIP="journald drop_latency"  steps left out (names as in the `== name` headings)
# The full output of each benchmark is printed as it runs and kept in BENCH_LOGS (default: a
# temporary folder, named at the end).
set -uo pipefail
BIN=$(realpath "${1:-.build/release/newsdrop}")
TOOLS=${BENCH_TOOLS:-$(dirname "$BIN")}
HERE=$(dirname "$(realpath "$0")")
REPO=$(dirname "$HERE")
export CORPUS=${CORPUS:-$REPO/../shared/corpus/labeled}
DATA=${DATA:-$REPO/data}
LOGS=${BENCH_LOGS:-$(mktemp -d -t bench.XXXXXX)}
mkdir -p "$LOGS"
SUMMARY=$LOGS/summary.tsv
: >"$SUMMARY"
failed=()

# Runs one benchmark with its output shown and kept; a failing one is named in the table, and the
# others still run.
step() {
    local name=$1
    shift
    if [[ " ${BENCH_SKIP:-} " == *" $name "* ]]; then
        echo "== $name: skipped (BENCH_SKIP)"
        return
    fi
    echo
    echo "== $name: $*"
    if ! "$@" 2>&1 | tee "$LOGS/$name.txt"; then failed+=("$name"); fi
}

step side_by_side env RUNS="${BENCH_RUNS:-1}" SIZES="${SIZES:-2000 20000}" SUMMARY_FILE="$SUMMARY" \
    "$HERE/side_by_side.sh" "$BIN"
step archive_100k env SEARCH_TIMING="$TOOLS/SearchTiming" DATA="$DATA" SUMMARY_FILE="$SUMMARY" \
    "$HERE/archive_100k.sh" "$BIN"
step daemon_backlog env DATA="$DATA" python3 "$HERE/daemon_backlog.py" "$BIN" "${BACKLOG:-2000}"
step classify "$TOOLS/ClassifyTiming" "$DATA" "$CORPUS"
step extract "$TOOLS/ExtractTiming" "$CORPUS"
# shellcheck disable=SC2086  # the sizes are separate arguments
step stories "$TOOLS/StoryTiming" "$DATA" "$CORPUS" ${STORY_SIZES:-1000 50000}
# Last: it needs journald, and once one listens `newsdrop ingest` sends it every event, which the
# throughput figures above must not pay. `make journald` starts a standalone one when none runs.
step journald make -s -C "$REPO" journald
step drop_latency python3 "$HERE/drop_latency.py" "$BIN" "${DROPS:-200}"

python3 - "$SUMMARY" "$LOGS" "${failed[*]:-}" <<'EOF'
import re
import sys

figures = dict(line.split("\t") for line in open(sys.argv[1]).read().splitlines())
logs, failed = sys.argv[2], sys.argv[3].split()


def text(name):
    try:
        return open(f"{logs}/{name}.txt").read()
    except OSError:
        return ""


def number(key):
    return float(figures[key]) if key in figures else None


rows = []  # (figure, target, measured, ok or not ok or "")


def row(figure, target, value, unit, good=None, digits=1):
    if value is None:
        rows.append((figure, target, "not measured", "not ok" if target != "—" else ""))
        return
    ok = "" if good is None else ("ok" if good(value) else "not ok")
    rows.append((figure, target, f"{value:.{digits}f}{unit}", ok))


sizes = sorted({int(key.rsplit("_", 1)[1]) for key in figures if key.startswith("ratio_median_")})
for size in sizes:
    low, mid, high = (number(f"ratio_{kind}_{size}") for kind in ("min", "median", "max"))
    spread = f" (min {low:.2f}, max {high:.2f})" if low != high else ""
    rows.append((f"newsdrop ÷ recollindex docs/s, {size} files", "≥ 3.0×", f"{mid:.2f}×{spread}",
                 "ok" if low >= 3.0 else "not ok"))
row("docs/s at the largest size vs the smallest", "≥ 90%", number("flatness_percent"), "%", lambda v: v >= 90, 0)
row("newsdrop ingest peak RSS (side by side)", "≤ 100 MB", number("newsdrop_peak_mb"), " MB", lambda v: v <= 100, 0)
archive = f"{number('archive_size') or 0:,.0f}"
row(f"ingest into an empty archive, {archive} files", "—", number("ingest_100k_docs_per_s"), " docs/s", digits=0)
row(f"search p99 at {archive} docs, all queries", "≤ 10 ms", number("search_p99_ms"), " ms", lambda v: v <= 10, 2)
row(f"search p99 at {archive} docs, slowest query", "≤ 10 ms", number("search_worst_p99_ms"), " ms", lambda v: v <= 10, 2)
row(f"search p50 at {archive} docs, all queries", "—", number("search_p50_ms"), " ms", digits=2)
row(f"reconcile of {archive} unchanged files (Starting→READY)", "≤ 2 s",
    None if number("reconcile_starting_to_ready_ms") is None else number("reconcile_starting_to_ready_ms") / 1000,
    " s", lambda v: v <= 2, 2)
row(f"daemon restart on {archive} files (exec→READY)", "—",
    None if number("reconcile_start_to_ready_ms") is None else number("reconcile_start_to_ready_ms") / 1000,
    " s", digits=2)
row(f"daemon peak RSS at {archive} docs (VmHWM)", "≤ 100 MB", number("daemon_peak_mb"), " MB", lambda v: v <= 100, 0)
backlog = re.search(r"^run 1: (\d+) files in [0-9.]+ s: ([0-9]+) docs/s", text("daemon_backlog"), re.M)
row(f"service taking in a backlog of {backlog[1] if backlog else '?'} files (daemon_backlog.py)", "—",
    float(backlog[2]) if backlog else None, " docs/s", digits=0)
drops = re.search(r"p50 ([0-9.]+) ms, p90 [0-9.]+ ms, p99 ([0-9.]+) ms", text("drop_latency"))
row("drop-to-journal p50", "≤ 5 ms", float(drops[1]) if drops else None, " ms", lambda v: v <= 5)
row("drop-to-journal p99", "≤ 25 ms", float(drops[2]) if drops else None, " ms", lambda v: v <= 25)
for name in ("topics", "entities"):
    found = re.search(rf"^{name}: ([0-9]+) µs per article", text("classify"), re.M)
    row(f"{name} per article (ClassifyTiming)", "—", float(found[1]) if found else None, " µs", digits=0)
for found in re.finditer(r"^(\d+) stories in the window.*?: (\d+) µs per real article committed, (\d+) µs",
                         text("stories"), re.M):
    rows.append((f"commit per article, {found[1]} stories open (StoryTiming)", "—",
                 f"{found[2]} µs ({found[3]} µs stories)", ""))
for name in ("HTMLExtractor.extract", "Pipeline.extract"):
    found = re.search(rf"^{re.escape(name)}: ([0-9.]+) ms/page mean", text("extract"), re.M)
    row(f"{name} per average HTML page (ExtractTiming)", "≤ 5 ms", float(found[1]) if found else None, " ms",
        lambda v: v <= 5, 2)

width = [max(len(r[i]) for r in rows + [("figure", "target", "measured", "ok")]) for i in range(4)]
print()
print("== summary")
for r in [("figure", "target", "measured", "ok"), tuple("-" * w for w in width)] + rows:
    print("  ".join(cell.ljust(w) for cell, w in zip(r, width)).rstrip())
if failed:
    print(f"\nFAILED: {', '.join(failed)} (see {logs}/NAME.txt)")
print(f"\nfull outputs in {logs}")
sys.exit(1 if failed else 0)
EOF
