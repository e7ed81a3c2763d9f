#!/usr/bin/env bash
# Search latency of the same archive on SQLite and on PostgreSQL, side by side (issue 14): the same
# ARCHIVE_SIZE files ingested into each (`newsdrop ingest`, `newsdrop ingest --database`), then
# SearchTiming's queries on each, in-process, as Benchmarks/archive_100k.sh times SQLite alone.
#
# usage: Benchmarks/postgres_search.sh [path/to/newsdrop]     (default .build/release/newsdrop)
#   ARCHIVE_SIZE=100000    files (corpus_to_files.py, SEED=12 as archive_100k.sh)
#   SEARCH_ITERATIONS=200  timed runs per query, at most SEARCH_SECONDS_PER_QUERY=5 s of them
#   SEARCH_TIMING=path     default: SearchTiming beside the newsdrop binary
#   ARCHIVE_DIR=dir        build the files and both archives there and keep them; a later run with
#                          the same dir and size reuses them (the two ingests of 100k files take
#                          many minutes) and restarts the cluster they hold
#
# The server is a throw-away cluster (scripts/postgres-cluster.sh, Unix socket, fsync off: the
# ingest is not what is timed here), its settings PostgreSQL 15's defaults.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$(realpath "${1:-.build/release/newsdrop}")
SIZE=${ARCHIVE_SIZE:-100000}
ITERATIONS=${SEARCH_ITERATIONS:-200}
SEARCH_TIMING=${SEARCH_TIMING:-$(dirname "$BIN")/SearchTiming}
CORPUS=${CORPUS:-$HERE/../../shared/corpus/labeled}
DATA=${DATA:-$HERE/../data}
CLUSTER=$HERE/../scripts/postgres-cluster.sh
[ -x "$SEARCH_TIMING" ] || { echo "postgres_search: no $SEARCH_TIMING (swift build -c release --product SearchTiming)" >&2; exit 64; }

if [ -n "${ARCHIVE_DIR:-}" ]; then
    T=$ARCHIVE_DIR
    mkdir -p "$T"
    trap '"$CLUSTER" stop "$T/pg" >/dev/null 2>&1 || true' EXIT
else
    T=$(mktemp -d /tmp/newsdrop-search-XXXXXX)
    trap '"$CLUSTER" stop "$T/pg" >/dev/null 2>&1 || true; rm -rf "$T"' EXIT
fi
chmod 755 "$T"
URL="postgresql://newsdrop@/newsdrop?host=$(realpath "$T")/pg"

if [ -e "$T/ready-$SIZE" ]; then
    echo "postgres_search: reusing the archives of $SIZE documents in $T" >&2
    "$CLUSTER" stop "$T/pg" >/dev/null 2>&1 || true  # left running by an interrupted run
    "$CLUSTER" resume "$T/pg" >/dev/null
else
    rm -rf "$T/inbox" "$T/state" "$T/pg" "$T"/ready-*
    python3 "$HERE/corpus_to_files.py" --total "$SIZE" --seed "${SEED:-12}" "$T/inbox" "$CORPUS/eng.tsv" "$CORPUS/fra.tsv" >/dev/null
    for archive in sqlite postgresql; do
        options=(--state-dir "$T/state")
        if [ "$archive" = postgresql ]; then
            "$CLUSTER" start "$T/pg" >/dev/null
            options=(--database "$URL" --host bench)
        fi
        echo "postgres_search: ingesting $SIZE files into the $archive archive" >&2
        status=0
        /usr/bin/time -f '%e' -o "$T/time" "$BIN" ingest "${options[@]}" "$T/inbox" >"$T/ingest-$archive.log" 2>&1 || status=$?
        [ "$status" = 0 ] || [ "$status" = 65 ] ||
            { echo "postgres_search: ingest exited $status: $(tail -3 "$T/ingest-$archive.log")" >&2; exit 1; }
        echo "ingest into $archive: $(cat "$T/time") s" >&2
    done
    # What autovacuum does within minutes of a large ingest, done at once: the planner's statistics
    # and the visibility map that lets a term's postings be read from the index alone.
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    as_owner "$PG_BIN/psql" -h "$(realpath "$T")/pg" -U newsdrop -d newsdrop -qc "VACUUM ANALYZE"
    touch "$T/ready-$SIZE"
fi

for archive in sqlite postgresql; do
    echo "== $archive"
    if [ "$archive" = sqlite ]; then where=$T/state; else where=$URL; fi
    "$SEARCH_TIMING" "$where" "$DATA" "$ITERATIONS" | tee "$T/search-$archive.txt"
done
echo
echo "archive      p50 ms  p99 ms  worst query p99 ms"
for archive in sqlite postgresql; do
    sed -n "s/^overall: .* p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms, .*worst query p99 \([0-9.]*\) ms.*/$archive \1 \2 \3/p" \
        "$T/search-$archive.txt" | awk '{ printf "%-12s %-7s %-7s %s\n", $1, $2, $3, $4 }'
done
