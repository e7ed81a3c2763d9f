#!/usr/bin/env bash
# What one odd file costs the others: `newsdrop ingest` of a 20,000-item NDJSON feed alone, then of
# the same feed with an HTML page holding one 5 MB "word" and one with a 1 MB base64 blob.
# usage: Benchmarks/odd_file_cost.sh [path/to/newsdrop]   (default: .build/release/newsdrop)
set -euo pipefail
BIN=${1:-.build/release/newsdrop}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
mkdir -p "$T/feed" "$T/odd"
python3 - "$T" <<'PY'
import base64, json, os, sys
root = sys.argv[1]
with open(f"{root}/feed/feed.ndjson", "w") as f:
    for i in range(20000):
        f.write(json.dumps({"id": f"n{i}", "title": f"Bulletin {i} of the wire",
                            "text": f"Report number {i} says that {i * 7} tonnes of grain left port {i % 97} on day {i % 365}."}) + "\n")
word = "a" * 5_000_000
page = ("<html><head><title>A page with one long word</title></head><body><p>Ministers met in Brussels "
        f"on Monday to discuss the budget. {word} They agreed on nothing.</p></body></html>")
blob = base64.b64encode(os.urandom(750_000)).decode()
for folder in ("odd",):
    os.link(f"{root}/feed/feed.ndjson", f"{root}/{folder}/feed.ndjson")
    open(f"{root}/{folder}/long-word.html", "w").write(page)
    open(f"{root}/{folder}/blob.txt", "w").write("A note with a pasted attachment\n\n" + blob + "\n")
PY
run() {
    local start end
    start=$(date +%s.%N)
    "$BIN" ingest --state-dir "$T/state-$1" "$T/$1" >/dev/null 2>"$T/err-$1" || true
    end=$(date +%s.%N)
    python3 -c "import sys; print(f'{sys.argv[1]}: {float(sys.argv[3]) - float(sys.argv[2]):.2f} s')" "$1" "$start" "$end"
}
run feed
run odd
