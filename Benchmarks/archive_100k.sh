#!/usr/bin/env bash
# Newsdrop with 100,000 articles in the archive (issue 12's targets): search latency in-process
# (SearchTiming), the start-up reconcile of 100,000 unchanged files and the daemon's peak RSS
# (reconcile_timing.py). The archive is built first with `newsdrop ingest`, timed too; the daemon
# runs before the search timing (see below).
#
# usage: Benchmarks/archive_100k.sh [path/to/newsdrop]     (default .build/release/newsdrop)
#   ARCHIVE_SIZE=100000      files in the drop folder (the corpus of side_by_side.sh, bigger)
#   SEARCH_ITERATIONS=200    timed runs per query, at most SEARCH_SECONDS_PER_QUERY=5 s of them
#   RECONCILE_RUNS=3         daemon starts
#   SEARCH_TIMING=path       default: SearchTiming beside the newsdrop binary
#                            (swift build -c release --product SearchTiming)
#   ARCHIVE_DIR=dir          build the drop folder and archive there and keep them; when dir
#                            already holds an archive of ARCHIVE_SIZE documents, reuse it (the
#                            ingest of 100k files takes minutes; search and reconcile do not)
#   DATA=data  CORPUS=../shared/corpus/labeled  SEED=12  SUMMARY_FILE=path  KEEP=1  (as side_by_side.sh)
set -euo pipefail
BIN=$(realpath "${1:-.build/release/newsdrop}")
SIZE=${ARCHIVE_SIZE:-100000}
ITERATIONS=${SEARCH_ITERATIONS:-200}
RUNS=${RECONCILE_RUNS:-3}
SEARCH_TIMING=${SEARCH_TIMING:-$(dirname "$BIN")/SearchTiming}
HERE=$(dirname "$(realpath "$0")")
DATA=${DATA:-$HERE/../data}
CORPUS=${CORPUS:-../shared/corpus/labeled}
SEED=${SEED:-12}

[ -x "$BIN" ] || { echo "archive_100k: no newsdrop binary at $BIN (swift build -c release)" >&2; exit 64; }

if [ -n "${ARCHIVE_DIR:-}" ]; then
    T=$ARCHIVE_DIR
    mkdir -p "$T"
else
    T=$(mktemp -d -t archive-100k.XXXXXX)
    if [ "${KEEP:-}" = 1 ]; then echo "archive_100k: keeping $T" >&2; else trap 'rm -rf "$T"' EXIT; fi
fi
inbox=$T/inbox
state=$T/state
# Counted with SQLite itself, not `newsdrop status`: status refuses an archive an older newsdrop
# wrote, which would then be thrown away and ingested again instead of upgraded by the daemon.
documents() {
    python3 -c 'import sqlite3, sys
print(sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute("SELECT count(*) FROM documents").fetchone()[0])' \
        "$state/newsdrop.sqlite"
}

if [ -e "$state/newsdrop.sqlite" ] && [ "$(documents)" = "$SIZE" ]; then
    echo "archive_100k: reusing the archive of $SIZE documents in $T" >&2
else
    rm -rf "$inbox" "$state"
    python3 "$HERE/corpus_to_files.py" --total "$SIZE" --seed "$SEED" "$inbox" "$CORPUS/eng.tsv" "$CORPUS/fra.tsv"
    echo "archive_100k: ingesting $SIZE files (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    status=0
    /usr/bin/time -f '%e %M' -o "$T/time" "$BIN" ingest --state-dir "$state" "$inbox" >"$T/ingest.log" 2>&1 ||
        status=$?
    [ "$status" = 0 ] || [ "$status" = 65 ] ||
        { echo "archive_100k: newsdrop ingest exited $status: $(tail -3 "$T/ingest.log")" >&2; exit 1; }
    [ "$(documents)" = "$SIZE" ] ||
        { echo "archive_100k: the archive holds $(documents) documents, not $SIZE: $(tail -1 "$T/ingest.log")" >&2; exit 1; }
    read -r seconds kb <"$T/time"
    rate=$(python3 -c "print(round($SIZE / $seconds))")
    echo "ingest of $SIZE files into an empty archive: $seconds s, $rate docs/s, peak RSS $((kb / 1024)) MB;" \
        "archive $(du -sm "$state" | cut -f1) MB (load $(cut -d' ' -f1 /proc/loadavg))"
    [ -z "${SUMMARY_FILE:-}" ] || echo "ingest_100k_docs_per_s	$rate" >>"$SUMMARY_FILE"
    echo
fi

[ -z "${SUMMARY_FILE:-}" ] || echo "archive_size	$SIZE" >>"$SUMMARY_FILE"
# Checked now, so that a missing tool does not throw away the archive just built in ARCHIVE_DIR.
[ -x "$SEARCH_TIMING" ] ||
    { echo "archive_100k: no $SEARCH_TIMING (swift build -c release --product SearchTiming)" >&2; exit 64; }
# The daemon first: its start also upgrades a reused archive that an older newsdrop wrote, which
# SearchTiming, reading only, would refuse. Its first run pays for that upgrade (before its
# "Starting:" line, so in exec→READY, not in the reconcile figure).
python3 "$HERE/reconcile_timing.py" "$BIN" "$inbox" "$state" "$RUNS" "${SUMMARY_FILE:-}"
echo

"$SEARCH_TIMING" "$state" "$DATA" "$ITERATIONS" | tee "$T/search.txt"
[ -z "${SUMMARY_FILE:-}" ] ||
    sed -n 's/^overall: .* p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms, .*worst query p99 \([0-9.]*\) ms.*/search_p50_ms\t\1\nsearch_p99_ms\t\2\nsearch_worst_p99_ms\t\3/p' \
        "$T/search.txt" >>"$SUMMARY_FILE"
