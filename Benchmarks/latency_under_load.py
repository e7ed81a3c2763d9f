#!/usr/bin/env python3
"""Drop-to-journal latency of single files while the daemon ingests a large load.

Starts the daemon on a temporary folder, drops the load (a 20,000-item NDJSON feed, or a flood of
10,000 one-article files), then, while it is being ingested, drops single articles one every
0.3 s (temp name + rename) and compares each one's `ingested` entry's __REALTIME_TIMESTAMP with
the moment of its rename. Prints p50/p99/max of those latencies and how long the load took.
usage: Benchmarks/latency_under_load.py [feed|flood] [path/to/newsdrop] [singles]
(needs a running journald; the release build: `swift build -c release`)
"""
import json
import os
import subprocess
import sys
import tempfile
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "feed"
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/newsdrop"
singles = int(sys.argv[3]) if len(sys.argv) > 3 else 30
root = tempfile.mkdtemp()
inbox, state = os.path.join(root, "inbox"), os.path.join(root, "state")
os.makedirs(inbox)
daemon = subprocess.Popen([binary, "run", "--inbox", inbox, "--state-dir", state, "--log-target", "journal"])
time.sleep(3)


def status():
    out = subprocess.run([binary, "status", "--state-dir", state, "--json"], capture_output=True, text=True).stdout
    try:
        return json.loads(out)
    except ValueError:
        return {}


load_start = time.time()
if mode == "feed":
    expected = 20000
    with open(os.path.join(root, "feed.ndjson"), "w") as f:
        for item in range(expected):
            f.write(json.dumps({"id": f"n{item}", "title": f"Bulletin {item} of the wire",
                                "text": f"Report number {item} says that {item * 7} tonnes of grain left port "
                                        f"{item % 97} on day {item % 365}."}) + "\n")
    os.rename(os.path.join(root, "feed.ndjson"), os.path.join(inbox, "feed.ndjson"))
else:
    expected = 10000
    os.makedirs(os.path.join(root, "flood"))
    for index in range(expected):
        with open(os.path.join(root, "flood", f"wire-{index}.txt"), "w") as f:
            f.write(f"Wire bulletin {index} from the port authority\n\n"
                    f"Report number {index} says that {index * 7} tonnes of grain left port {index % 97}.\n")
    for index in range(expected):
        os.rename(os.path.join(root, "flood", f"wire-{index}.txt"), os.path.join(inbox, f"wire-{index}.txt"))

dropped = {}
time.sleep(1)
for index in range(singles):
    tmp = os.path.join(inbox, f".single{index}.part")
    final = os.path.join(inbox, f"single-{index}.txt")
    with open(tmp, "w") as f:
        f.write(f"Harbour strike number {index} stops the cranes at dawn\n\n"
                f"Dockers walked out over pay; {index * 3} ships wait at anchor while talks resume.\n")
    dropped[final] = time.time()
    os.rename(tmp, final)
    time.sleep(0.3)

while status().get("documents", 0) < expected + singles - 50 and time.time() - load_start < 900:
    time.sleep(0.5)
load_seconds = time.time() - load_start
while status().get("unsent_events", 1) > 0 and time.time() - load_start < 900:
    time.sleep(0.5)
daemon.terminate()
daemon.wait()
out = subprocess.run(["journalctl", "-o", "json", "--no-pager", f"_PID={daemon.pid}", "NEWSDROP_EVENT=ingested",
                      "+", f"_PID={daemon.pid}", "NEWSDROP_EVENT=duplicate"],
                     capture_output=True, text=True).stdout
latencies = []
for line in out.splitlines():
    entry = json.loads(line)
    path = entry.get("NEWSDROP_PATH")
    if path in dropped:
        latencies.append((int(entry["__REALTIME_TIMESTAMP"]) / 1e6 - dropped[path]) * 1000)
latencies.sort()
if not latencies:
    sys.exit("no entries of the single files found in the journal")
pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"{mode}: {len(latencies)}/{singles} single files during the load: p50 {pick(0.5):.0f} ms, "
      f"p99 {pick(0.99):.0f} ms, max {latencies[-1]:.0f} ms; load ingested in {load_seconds:.1f} s")
