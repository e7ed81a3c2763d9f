#!/usr/bin/env python3
"""Documents per second of the service taking in a backlog: files already in its drop folder.

Writes N files (the labelled corpus, then synthetic articles; corpus_to_files.py), starts
`newsdrop run` on them with settle_time 0, and times from the start to the moment the archive
holds all N documents (read through SQLite, read-only, every 50 ms), then stops the daemon. What a
user sees who installs the service on a folder of articles, or drops a folder of them.
usage: Benchmarks/daemon_backlog.py [path/to/newsdrop] [N] [RUNS]   (defaults: .build/release/newsdrop 2000 1)
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.realpath(__file__))
binary = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/newsdrop")
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
corpus = os.environ.get("CORPUS", os.path.join(HERE, "..", "..", "shared", "corpus", "labeled"))
data = os.environ.get("DATA", os.path.join(HERE, "..", "data"))

root = tempfile.mkdtemp(prefix="daemon-backlog.")
try:
    files = os.path.join(root, "files")
    subprocess.run(
        [sys.executable, os.path.join(HERE, "corpus_to_files.py"), "--total", str(count), files,
         os.path.join(corpus, "eng.tsv"), os.path.join(corpus, "fra.tsv")],
        check=True, stdout=subprocess.DEVNULL)
    for run in range(1, runs + 1):
        inbox, state = os.path.join(root, "inbox"), os.path.join(root, "state")
        shutil.rmtree(inbox, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
        shutil.copytree(files, inbox)
        os.makedirs(state)
        config = os.path.join(root, "config.toml")
        with open(config, "w") as out:
            out.write(f'inbox = "{inbox}"\nstate_dir = "{state}"\nsettle_time = 0.0\n')
        start = time.monotonic()
        daemon = subprocess.Popen(
            [binary, "run", "--config", config, "--log-target", "stderr"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NEWSDROP_DATA_DIR": data})
        documents = 0
        while documents < count:
            if daemon.poll() is not None:
                sys.exit(f"daemon_backlog: the daemon exited with {daemon.returncode}")
            time.sleep(0.05)
            try:
                db = sqlite3.connect(f"file:{state}/newsdrop.sqlite?mode=ro", uri=True, timeout=1)
                documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                db.close()
            except sqlite3.Error:
                pass  # not created yet, or busy: try again
        seconds = time.monotonic() - start
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
        print(f"run {run}: {count} files in {seconds:.2f} s: {count / seconds:.0f} docs/s (start to last commit)")
finally:
    shutil.rmtree(root, ignore_errors=True)
