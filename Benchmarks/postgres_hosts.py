#!/usr/bin/env python3
"""Documents per second of 1, 2 and 4 daemons (hosts) sharing one PostgreSQL archive, beside one
daemon on the SQLite archive, on the same files.

Writes SIZE files (the labelled corpus, then synthetic articles; corpus_to_files.py) and gives each
host an equal share, hard-linked into a drop folder of its own. Each run starts `newsdrop run` on
every host's folder at once (a backlog: the files are there before the daemons start, settle_time
0) on an empty database, and times from the first start to the moment the archive holds all SIZE
documents (counted every 100 ms), then stops the daemons. The start-up (schema, model, the first
scan) is in the time, as it is in daemon_backlog.py.

The server is a throw-away cluster (scripts/postgres-cluster.sh) with fsync on, as a real one has;
its Unix socket is local, so the figures leave out a network's round trips.
usage: Benchmarks/postgres_hosts.py [path/to/newsdrop]     (default: .build/release/newsdrop)
  SIZE=4000  files in all      HOSTS="1 2 4"  numbers of hosts      CORPUS, DATA as daemon_backlog.py
"""
import glob
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.realpath(__file__))
CLUSTER = os.path.join(HERE, "..", "scripts", "postgres-cluster.sh")
binary = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/newsdrop")
size = int(os.environ.get("SIZE", "4000"))
host_counts = [int(n) for n in os.environ.get("HOSTS", "1 2 4").split()]
corpus = os.environ.get("CORPUS", os.path.join(HERE, "..", "..", "shared", "corpus", "labeled"))
data = os.environ.get("DATA", os.path.join(HERE, "..", "data"))
pg_bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
as_owner = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []

root = tempfile.mkdtemp(prefix="newsdrop-hosts.")
os.chmod(root, 0o755)  # the server runs as `postgres` when this runs as root
socket = os.path.join(root, "pg")


def psql(database, sql):
    out = subprocess.run(
        as_owner + [f"{pg_bin}/psql", "-h", socket, "-U", "newsdrop", "-d", database, "-Atc", sql],
        capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def sqlite_documents(state):
    try:
        db = sqlite3.connect(f"file:{state}/newsdrop.sqlite?mode=ro", uri=True, timeout=1)
        try:
            return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0  # not created yet, or busy: try again


def timed_run(name, hosts, database=None):
    """Starts one daemon per host on its share of the files; seconds until all are stored."""
    run = os.path.join(root, name)
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(os.path.join(root, "all")) for f in names)
    daemons = []
    for host in range(hosts):
        inbox, state = os.path.join(run, f"inbox{host}"), os.path.join(run, f"state{host}")
        os.makedirs(inbox)
        os.makedirs(state)
        for index in range(host, len(files), hosts):
            os.link(files[index], os.path.join(inbox, f"{index:06d}.txt"))
        config = os.path.join(run, f"h{host}.toml")
        with open(config, "w") as out:
            out.write(f'inbox = "{inbox}"\nstate_dir = "{state}"\nsettle_time = 0.0\n')
            if database:
                out.write(f'database = "postgresql://newsdrop@/{database}?host={socket}"\nhost_name = "h{host}"\n')
        daemons.append(config)
    start = time.monotonic()
    processes = [
        subprocess.Popen(
            [binary, "run", "--config", config, "--log-target", "stderr"],
            stdout=subprocess.DEVNULL, stderr=open(config + ".log", "w"),
            env={**os.environ, "NEWSDROP_DATA_DIR": data})
        for config in daemons
    ]
    stored = 0
    try:
        while stored < size:
            for process in processes:
                if process.poll() is not None:
                    sys.exit(f"postgres_hosts: a daemon exited with {process.returncode} ({name})")
            time.sleep(0.1)
            if database:
                stored = int(psql(database, "SELECT count(*) FROM documents") or 0)
            else:
                stored = sqlite_documents(os.path.join(run, "state0"))
        return time.monotonic() - start
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=120)


try:
    subprocess.run(
        [sys.executable, os.path.join(HERE, "corpus_to_files.py"), "--total", str(size), os.path.join(root, "all"),
         os.path.join(corpus, "eng.tsv"), os.path.join(corpus, "fra.tsv")],
        check=True, stdout=subprocess.DEVNULL)
    subprocess.run([CLUSTER, "start", socket], check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PG_FSYNC": "on"})
    print("archive      daemons  files  seconds  docs/s")
    seconds = timed_run("sqlite", 1)
    print(f"sqlite       1        {size:<6} {seconds:<8.2f} {size / seconds:.0f}", flush=True)
    for hosts in host_counts:
        database = f"hosts{hosts}"
        subprocess.run(as_owner + [f"{pg_bin}/createdb", "-h", socket, "-U", "newsdrop", database], check=True)
        seconds = timed_run(database, hosts, database)
        print(f"postgresql   {hosts:<8} {size:<6} {seconds:<8.2f} {size / seconds:.0f}", flush=True)
finally:
    subprocess.run([CLUSTER, "stop", socket], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(root, ignore_errors=True)
