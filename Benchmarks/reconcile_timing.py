#!/usr/bin/env python3
"""Start-up reconcile of a drop folder whose files are all in the archive already, and the daemon's peak RSS.

usage: Benchmarks/reconcile_timing.py NEWSDROP INBOX STATE_DIR [RUNS] [SUMMARY_FILE]

Starts `newsdrop run` RUNS times on INBOX and STATE_DIR (already ingested, for instance by
archive_100k.sh) and stops it with SIGTERM each time. Nothing marks "reconcile finished" by name,
so the moment used is READY=1 on the notify socket: the service sends it right after its first
reconcile and the ingest round that follows it (IngestService.run), before it logs "Watching …".
Times are read on this side, on a monotonic clock, when the datagram or log line arrives:
  start→READY     from just before the exec to READY=1: process start, the data folder, opening and
                  checking the archive, the inotify walk, the reconcile (the whole wait of a restart)
  Starting→READY  from the "Starting: …" log line (written after the archive is opened and
                  checked) to READY=1: the inotify walk of the folder tree and the reconcile
Peak RSS is VmHWM from /proc/PID/status, read SETTLE seconds after READY=1 (so what the service
does right after start-up, the outbox and the digest check, counts too), just before SIGTERM.
The run fails when the daemon reports any ingested, updated or removed file: then the reconcile
was not one of unchanged files.
"""
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

binary, inbox, state = sys.argv[1:4]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
summary_file = sys.argv[5] if len(sys.argv) > 5 else ""
settle = float(os.environ.get("SETTLE", "3"))


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


results = []
for run in range(1, runs + 1):
    folder = tempfile.mkdtemp(prefix="reconcile-")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(os.path.join(folder, "notify"))
    notify.settimeout(0.1)
    environment = dict(os.environ, NOTIFY_SOCKET=os.path.join(folder, "notify"))
    lines = []  # (arrival on the monotonic clock, JSON object)

    def read(stream):
        for raw in stream:
            try:
                lines.append((time.monotonic(), json.loads(raw)))
            except ValueError:
                lines.append((time.monotonic(), {"MESSAGE": raw.decode(errors="replace").strip()}))

    start = time.monotonic()
    daemon = subprocess.Popen(
        [binary, "run", "--inbox", inbox, "--state-dir", state, "--log-target", "stderr"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=environment)
    reader = threading.Thread(target=read, args=(daemon.stderr,), daemon=True)
    reader.start()
    ready = None
    while ready is None:
        if daemon.poll() is not None:
            reader.join(1)
            sys.exit(f"reconcile_timing: newsdrop run exited {daemon.returncode} before READY=1: "
                     + " | ".join(entry.get("MESSAGE", "") for _, entry in lines[-5:]))
        if time.monotonic() - start > 600:
            daemon.kill()
            sys.exit("reconcile_timing: no READY=1 within 600 s")
        try:
            message = notify.recv(4096).decode()
        except socket.timeout:
            continue
        if "READY=1" in message.split("\n"):
            ready = time.monotonic()
    time.sleep(settle)
    peak = peak_kb(daemon.pid)
    daemon.send_signal(signal.SIGTERM)
    code = daemon.wait(60)
    reader.join(5)
    notify.close()
    os.unlink(os.path.join(folder, "notify"))
    os.rmdir(folder)
    if code != 0:
        sys.exit(f"reconcile_timing: newsdrop run exited {code} on SIGTERM")

    def first(prefix):
        return next((at for at, entry in lines if entry.get("MESSAGE", "").startswith(prefix)), None)

    starting, watching = first("Starting:"), first("Watching ")
    changes = [entry for _, entry in lines if entry.get("NEWSDROP_EVENT") in ("ingested", "updated", "removed")]
    if changes:
        sys.exit(f"reconcile_timing: the daemon changed {len(changes)} files, so the folder was not unchanged: "
                 + changes[0].get("MESSAGE", ""))
    if starting is None:
        sys.exit("reconcile_timing: no 'Starting:' line in the daemon's log")
    results.append(((ready - start) * 1000, (ready - starting) * 1000, peak / 1024))
    notes = [entry["MESSAGE"] for _, entry in lines
             if entry.get("MESSAGE") and not entry["MESSAGE"].startswith(("Starting:", "Watching ", "Stopp"))
             and "No journald" not in entry["MESSAGE"]]
    print(f"run {run}: start→READY {results[-1][0]:.0f} ms, Starting→READY {results[-1][1]:.0f} ms"
          + (f", READY→'Watching' line {(watching - ready) * 1000:.0f} ms" if watching else "")
          + f", peak RSS {results[-1][2]:.0f} MB" + (f"; other log lines: {notes[:3]}" if notes else ""))

to_ready = [r[0] for r in results]
reconcile = [r[1] for r in results]
peaks = [r[2] for r in results]
print(f"reconcile of unchanged files ({runs} runs): start→READY median {statistics.median(to_ready):.0f} ms "
      f"(max {max(to_ready):.0f}), Starting→READY median {statistics.median(reconcile):.0f} ms "
      f"(max {max(reconcile):.0f}); daemon peak RSS max {max(peaks):.0f} MB")
if summary_file:
    with open(summary_file, "a") as out:
        out.write(f"reconcile_start_to_ready_ms\t{statistics.median(to_ready):.1f}\n")
        out.write(f"reconcile_starting_to_ready_ms\t{statistics.median(reconcile):.1f}\n")
        out.write(f"daemon_peak_mb\t{max(peaks):.1f}\n")
