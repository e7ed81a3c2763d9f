#!/usr/bin/env bash
# Documents per second of `newsdrop ingest` over the labelled corpus, one file per article.
# usage: Benchmarks/ingest_throughput.sh [path/to/newsdrop]   (default: .build/release/newsdrop)
set -euo pipefail
BIN=${1:-.build/release/newsdrop}
CORPUS=${CORPUS:-../shared/corpus/labeled}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
python3 "$(dirname "$0")/corpus_to_files.py" "$T/in" "$CORPUS"/*.tsv
n=$(ls "$T/in" | wc -l)
start=$(date +%s.%N)
"$BIN" ingest --state-dir "$T/state" "$T/in" >/dev/null 2>"$T/err" || true
end=$(date +%s.%N)
tail -1 "$T/err"
python3 -c "import sys; n,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'{n} documents in {e-s:.2f} s: {n/(e-s):.0f} docs/s (wall clock, cold archive)')" "$n" "$start" "$end"
