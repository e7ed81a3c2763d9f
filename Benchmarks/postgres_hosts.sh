#!/usr/bin/env bash
# Ingest docs/s of 1, 2 and 4 `newsdrop ingest --database` processes (hosts) sharing one local
# PostgreSQL archive, beside one `newsdrop ingest` into the SQLite archive, on the same files.
#
# usage: Benchmarks/postgres_hosts.sh [path/to/newsdrop]     (default: .build/release/newsdrop)
#   SIZE=4000  files in all (labelled articles, then synthetic ones: corpus_to_files.py)
#   HOSTS="1 2 4"  numbers of hosts; each gets an equal share of the files, in folders of its own
#
# The server is a throw-away cluster (scripts/postgres-cluster.sh) with fsync on, as a real one
# has; its Unix socket is local, so the figures leave out a network's round trips. Each run starts
# from an empty database. The hosts run at once; the time is from the first start to the last end.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$(realpath "${1:-.build/release/newsdrop}")
CORPUS=${CORPUS:-$HERE/../../shared/corpus/labeled}
SIZE=${SIZE:-4000}
HOSTS=${HOSTS:-"1 2 4"}
T=$(mktemp -d /tmp/newsdrop-hosts-XXXXXX)
chmod 755 "$T"
cleanup() { "$HERE/../scripts/postgres-cluster.sh" stop "$T/pg" >/dev/null 2>&1 || true; rm -rf "$T"; }
trap cleanup EXIT
python3 "$HERE/corpus_to_files.py" --total "$SIZE" "$T/all" "$CORPUS/eng.tsv" "$CORPUS/fra.tsv" >/dev/null
URL=$(PG_FSYNC=on "$HERE/../scripts/postgres-cluster.sh" start "$T/pg")
SOCKET=$T/pg
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

seconds() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.2f}")' "$@"; }

start=$(date +%s.%N)
"$BIN" ingest --state-dir "$T/sqlite" "$T/all" >/dev/null 2>"$T/sqlite.err" || true
end=$(date +%s.%N)
sqlite=$(seconds "$start" "$end")
echo "archive      hosts  files  seconds  docs/s"
python3 -c 'import sys; n, s = int(sys.argv[1]), float(sys.argv[2]); print(f"sqlite       1      {n:<6} {s:<8.2f} {n / s:.0f}")' "$SIZE" "$sqlite"

for hosts in $HOSTS; do
    # Each host's share of the files, hard-linked into a folder of its own.
    rm -rf "$T/split"
    python3 - "$T/all" "$T/split" "$hosts" <<'PY'
import os, sys
source, target, hosts = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(d, f) for d, _, names in os.walk(source) for f in names)
for index, path in enumerate(files):
    folder = os.path.join(target, f"h{index % hosts}")
    os.makedirs(folder, exist_ok=True)
    os.link(path, os.path.join(folder, f"{index:06d}.txt"))
PY
    database=hosts$hosts
    as_owner "$PG_BIN/createdb" -h "$SOCKET" -U newsdrop "$database"
    url="postgresql://newsdrop@/$database?host=$SOCKET"
    # The schema first, as a running archive has it: not part of the timing.
    "$BIN" ingest --database "$url" --host setup "$T/split/h0/000000.txt" >/dev/null 2>&1
    start=$(date +%s.%N)
    for index in $(seq 0 $((hosts - 1))); do
        "$BIN" ingest --database "$url" --host "h$index" "$T/split/h$index" >/dev/null 2>"$T/h$index.err" &
    done
    wait
    end=$(date +%s.%N)
    stored=$(as_owner "$PG_BIN/psql" -h "$SOCKET" -U newsdrop -d "$database" -Atc "SELECT count(DISTINCT path) FROM documents")
    python3 -c 'import sys; h, n, s, d = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]); print(f"postgresql   {h:<6} {n:<6} {s:<8.2f} {n / s:.0f}" + ("" if d >= n else f"   ({d} stored!)"))' \
        "$hosts" "$SIZE" "$(seconds "$start" "$end")" "$stored"
done
