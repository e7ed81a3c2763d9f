#!/usr/bin/env python3
"""Time from a file's rename into the drop folder to its `ingested` (or `duplicate`) entry in the journal.

The dropped reports differ only in their numbers, so most are near-duplicates of the first ones.

Starts the daemon on a temporary folder, drops N articles one at a time (temp name + rename, a
pause between drops so each is measured alone), then reads the journal and compares each entry's
__REALTIME_TIMESTAMP (when journald received it) with the moment of the rename.
usage: Benchmarks/drop_latency.py [path/to/newsdrop] [N]   (needs a running journald)
"""
import json
import os
import subprocess
import sys
import tempfile
import time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/newsdrop"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
root = tempfile.mkdtemp()
inbox, state = os.path.join(root, "inbox"), os.path.join(root, "state")
os.makedirs(inbox)
daemon = subprocess.Popen([binary, "run", "--inbox", inbox, "--state-dir", state, "--log-target", "journal"])
time.sleep(2)
dropped = {}
for index in range(count):
    tmp = os.path.join(inbox, f".a{index}.part")
    final = os.path.join(inbox, f"article-{index}.txt")
    with open(tmp, "w") as f:
        f.write(f"Harbour report number {index}: ships arrived at dawn.\n\n"
                f"The authority counted {index * 3} containers while crews unloaded cargo all morning.\n")
    dropped[final] = time.time()
    os.rename(tmp, final)
    time.sleep(0.05)
time.sleep(2)
daemon.terminate()
daemon.wait()
out = subprocess.run(["journalctl", "-o", "json", "--no-pager", f"_PID={daemon.pid}", "NEWSDROP_EVENT=ingested",
                      "NEWSDROP_EVENT=duplicate"],
                     capture_output=True, text=True).stdout
latencies = []
for line in out.splitlines():
    entry = json.loads(line)
    path = entry.get("NEWSDROP_PATH")
    if path in dropped:
        latencies.append((int(entry["__REALTIME_TIMESTAMP"]) / 1e6 - dropped[path]) * 1000)
latencies.sort()
if not latencies:
    sys.exit("no ingested entries found in the journal")
pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"{len(latencies)}/{count} drops: p50 {pick(0.5):.1f} ms, p90 {pick(0.9):.1f} ms, p99 {pick(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
