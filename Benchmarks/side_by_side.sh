#!/usr/bin/env bash
# `recollindex` and `newsdrop ingest` on the same files, one after the other, cold each time: wall
# time, documents per second, peak RSS and the ratio of newsdrop's docs/s to Recoll's (issue 12).
#
# usage: Benchmarks/side_by_side.sh [path/to/newsdrop]     (default .build/release/newsdrop)
#   SIZES="2000 20000"  files per corpus      RUNS=3      runs per size
#   CORPUS=../shared/corpus/labeled           SEED=12     the synthetic articles' seed
#   SUMMARY_FILE=path   also append `key<TAB>value` lines there (what `make bench` reads)
#   KEEP=1              keep the temporary folder (corpora, indexes, logs) and print where it is
#
# The corpus: the labelled articles of CORPUS/eng.tsv and fra.tsv (MasakhaNEWS, AFL-3.0), one
# text file each, then synthetic articles made from their sentences up to N files (see
# corpus_to_files.py). Both indexers get the very same folder; nothing is timed while it is built.
set -euo pipefail
BIN=$(realpath "${1:-.build/release/newsdrop}")
SIZES=${SIZES:-"2000 20000"}
RUNS=${RUNS:-3}
CORPUS=${CORPUS:-../shared/corpus/labeled}
SEED=${SEED:-12}
HERE=$(dirname "$(realpath "$0")")

[ -x "$BIN" ] || { echo "side_by_side: no newsdrop binary at $BIN (swift build -c release)" >&2; exit 64; }
for tsv in "$CORPUS/eng.tsv" "$CORPUS/fra.tsv"; do
    [ -r "$tsv" ] || { echo "side_by_side: cannot read $tsv (set CORPUS)" >&2; exit 64; }
done
# Debian's recollcmd is Recoll without its GUI: recollindex, recollq.
if ! command -v recollindex >/dev/null; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    echo "side_by_side: installing Debian's recollcmd (recollindex)" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq recollcmd
fi

T=$(mktemp -d -t side-by-side.XXXXXX)
if [ "${KEEP:-}" = 1 ]; then echo "side_by_side: keeping $T" >&2; else trap 'rm -rf "$T"' EXIT; fi
RESULTS=$T/results.tsv
: >"$RESULTS"

fail() {
    echo "side_by_side: $*" >&2
    exit 1
}

for size in $SIZES; do
    corpus=$T/corpus-$size
    python3 "$HERE/corpus_to_files.py" --total "$size" --seed "$SEED" "$corpus" "$CORPUS/eng.tsv" "$CORPUS/fra.tsv"
    files=$(find "$corpus" -type f | wc -l)
    [ "$files" = "$size" ] || fail "the corpus has $files files, not $size"
    for run in $(seq 1 "$RUNS"); do
        # Other work on this 2-core machine skews both figures: the load is printed beside them.
        load=$(cut -d' ' -f1 /proc/loadavg)

        # Recoll, cold: a fresh configuration and index folder. Only the corpus, the two stemming
        # languages, and no skipped names (the defaults skip `tmp`, `cache*`, …). No spelling
        # dictionary: aspell runs after indexing, is a query aid, and fails or not with the locale.
        # The same CPU and I/O priority as newsdrop: by default recollindex renices itself to 19
        # and takes the idle I/O class, which on a busy machine makes it many times slower
        # (300 files took 143 s instead of about 1 s while two builds ran) and the ratio meaningless.
        conf=$T/recoll-$size-$run
        mkdir -p "$conf"
        cat >"$conf/recoll.conf" <<CONF
topdirs = $corpus
indexstemminglanguages = english french
skippedNames =
noaspell = 1
idxniceprio = 0
monioniceclass = 2
monioniceclassdata = 4
CONF
        /usr/bin/time -f '%e %M' -o "$T/time" recollindex -c "$conf" >"$conf.log" 2>&1 ||
            fail "recollindex failed (see $conf.log with KEEP=1): $(tail -3 "$conf.log")"
        read -r recoll_s recoll_kb <"$T/time"
        # Folders are documents too for Recoll: count the text files only.
        indexed=$(recollq -c "$conf" -n 0-1 "mime:text/plain" 2>/dev/null | sed -n 's/^\([0-9]*\) results.*/\1/p')
        [ "$indexed" = "$size" ] || fail "recollindex indexed ${indexed:-no} text files out of $size"
        rm -rf "$conf"  # the indexes of 20k files add up; the page cache should hold the corpus, not them

        # Newsdrop, cold: a fresh state directory. Exit 65 means a file was rejected; the count says which.
        state=$T/state-$size-$run
        status=0
        /usr/bin/time -f '%e %M' -o "$T/time" "$BIN" ingest --state-dir "$state" "$corpus" >"$state.log" 2>&1 ||
            status=$?
        [ "$status" = 0 ] || [ "$status" = 65 ] || fail "newsdrop ingest exited $status: $(tail -3 "$state.log")"
        read -r newsdrop_s newsdrop_kb < <(tail -1 "$T/time")
        stored=$("$BIN" status --json --state-dir "$state" |
            python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["documents"], s["files"], s["rejected"])')
        read -r documents stored_files rejected <<<"$stored"
        [ "$documents" = "$size" ] && [ "$stored_files" = "$size" ] ||
            fail "newsdrop stored $documents documents from $stored_files files ($rejected rejected) out of $size"
        rm -rf "$state"

        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$run" "$load" "$recoll_s" "$recoll_kb" "$newsdrop_s" \
            "$newsdrop_kb" >>"$RESULTS"
        echo "side_by_side: $size files, run $run: recollindex ${recoll_s} s, newsdrop ${newsdrop_s} s" >&2
    done
    rm -rf "$corpus"
done

python3 - "$RESULTS" "${SUMMARY_FILE:-}" <<'EOF'
import statistics
import sys

rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines()]
print(f"{'size':>6} {'run':>3} {'load':>5} | {'recoll s':>8} {'docs/s':>7} {'MB':>5} | "
      f"{'newsdrop s':>10} {'docs/s':>7} {'MB':>5} | {'ratio':>6}")
ratios, rates, peaks = {}, {}, []
for size, run, load, recoll_s, recoll_kb, newsdrop_s, newsdrop_kb in rows:
    n = int(size)
    recoll_rate, newsdrop_rate = n / float(recoll_s), n / float(newsdrop_s)
    ratio = newsdrop_rate / recoll_rate
    ratios.setdefault(n, []).append(ratio)
    rates.setdefault(n, []).append(newsdrop_rate)
    peaks.append(int(newsdrop_kb) / 1024)
    print(f"{n:>6} {run:>3} {load:>5} | {float(recoll_s):>8.2f} {recoll_rate:>7.0f} {int(recoll_kb) / 1024:>5.0f} | "
          f"{float(newsdrop_s):>10.2f} {newsdrop_rate:>7.0f} {int(newsdrop_kb) / 1024:>5.0f} | {ratio:>5.2f}x")
print()
summary = []
for n, values in ratios.items():
    print(f"ratio at {n} files: min {min(values):.2f}x, median {statistics.median(values):.2f}x, "
          f"max {max(values):.2f}x ({len(values)} runs)")
    summary += [(f"ratio_min_{n}", min(values)), (f"ratio_median_{n}", statistics.median(values)),
                (f"ratio_max_{n}", max(values))]
# "Flat as the archive grows": the largest size against the smallest, by median docs/s.
sizes = sorted(rates)
if len(sizes) > 1:
    small, large = sizes[0], sizes[-1]
    kept = statistics.median(rates[large]) / statistics.median(rates[small]) * 100
    print(f"newsdrop docs/s at {large} files is {kept:.0f}% of docs/s at {small} files (medians)")
    summary.append(("flatness_percent", kept))
print(f"newsdrop peak RSS: max {max(peaks):.0f} MB")
summary.append(("newsdrop_peak_mb", max(peaks)))
if sys.argv[2]:
    with open(sys.argv[2], "a") as out:
        out.writelines(f"{key}\t{value:.4f}\n" for key, value in summary)
EOF
