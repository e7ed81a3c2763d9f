#!/usr/bin/env python3
"""BCubed precision, recall and F1 of Newsdrop's stories against hand-checked events.

usage: story_eval.py [BIN] [--corpus DIR] [--seeds DIR] [--events TSV] [--mode in-order|all-at-once|both]

The articles are the 1,230 labelled corpus articles (MasakhaNEWS, AFL-3.0; one file each, written by
corpus_to_files.py) and the five seeds; the events are Benchmarks/stories/events.tsv (an article
not listed there is an event of its own; see Benchmarks/stories/README.md for how it was made).
Two drops of the same articles:
- all at once: one `newsdrop ingest` of the whole folder, a backlog dropped in one go;
- in order: one `newsdrop ingest` per file, in name order, as articles arriving one after another.
BCubed (Bagga and Baldwin 1998): for each article, precision is the share of its story that is
its event, recall the share of its event that is in its story; both are averaged over articles.
Scope `all` averages over every article (most are events of their own, which the stories find
easily); scope `shared` over the articles of the listed events only, the harder part (precision
still counts everything their stories hold). Exits 1 when an ingest fails or an article is
missing from the archive.
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.realpath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("bin", nargs="?", default=os.path.join(HERE, "..", ".build", "release", "newsdrop"))
parser.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus", "labeled"))
parser.add_argument("--seeds", default=os.path.join(HERE, "..", "..", "shared", "seeds"))
parser.add_argument("--events", default=os.path.join(HERE, "stories", "events.tsv"))
parser.add_argument("--mode", choices=["in-order", "all-at-once", "both"], default="both")
args = parser.parse_args()


def gold_events(path):
    """Event label by file name, from the TSV (comments and the header skipped)."""
    events = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, event = line.rstrip("\n").split("\t")
        events[name] = event
    return events


def bcubed(system, gold):
    """(precision, recall) of the clustering `system` against `gold`, both dicts item -> cluster."""
    def members(clusters):
        groups = {}
        for item, cluster in clusters.items():
            groups.setdefault(cluster, set()).add(item)
        return groups
    by_system, by_gold = members(system), members(gold)
    precision = recall = 0.0
    for item in gold:
        story, event = by_system[system[item]], by_gold[gold[item]]
        shared = len(story & event)
        precision += shared / len(story)
        recall += shared / len(event)
    return precision / len(gold), recall / len(gold)


def stories(state, folder):
    """Story id by file name, read from the archive (a duplicate is in its original's story)."""
    db = sqlite3.connect(f"file:{state}/newsdrop.sqlite?mode=ro", uri=True)
    rows = db.execute("SELECT path, story_id FROM documents").fetchall()
    db.close()
    return {os.path.basename(path): story for path, story in rows if os.path.dirname(path) == folder}


def ingest(paths, state):
    result = subprocess.run([args.bin, "ingest", "--state-dir", state, *paths], capture_output=True, text=True)
    if result.returncode not in (0, 65):
        sys.exit(f"story_eval: newsdrop ingest exited {result.returncode}: {result.stderr[-500:]}")


work = tempfile.mkdtemp(prefix="story-eval.")
try:
    folder = os.path.join(work, "articles")
    tsvs = [os.path.join(args.corpus, name) for name in ("eng.tsv", "fra.tsv")]
    subprocess.run([sys.executable, os.path.join(HERE, "corpus_to_files.py"), folder, *tsvs], check=True,
                   stderr=subprocess.DEVNULL)
    for name in sorted(os.listdir(args.seeds)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(args.seeds, name), folder)
    names = sorted(os.listdir(folder))
    listed = gold_events(args.events)
    unknown = sorted(set(listed) - set(names))
    if unknown:
        sys.exit(f"story_eval: events.tsv names files that are not in the set: {unknown[:5]}")
    gold = {name: listed.get(name, "single:" + name) for name in names}
    events = len(set(gold.values()))
    print(f"{len(names)} articles, {events} events ({sum(1 for e in set(listed.values()))} of several articles)")
    print(f"{'drop':<12} {'scope':<7} {'stories':>7} {'P':>6} {'R':>6} {'F1':>6} {'seconds':>8}")
    modes = ["in-order", "all-at-once"] if args.mode == "both" else [args.mode]
    for mode in modes:
        state = os.path.join(work, "state-" + mode)
        started = time.monotonic()
        if mode == "all-at-once":
            ingest([folder], state)
        else:
            for name in names:
                ingest([os.path.join(folder, name)], state)
        seconds = time.monotonic() - started
        system = stories(state, folder)
        missing = [name for name in names if name not in system]
        if missing:
            sys.exit(f"story_eval: {len(missing)} articles are not in the archive, e.g. {missing[:3]}")
        for scope, items in (("all", names), ("shared", sorted(listed))):
            precision, recall = bcubed(system, {name: gold[name] for name in items})
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
            print(f"{mode:<12} {scope:<7} {len(set(system.values())):>7} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f} "
                  f"{seconds:>8.1f}")
finally:
    shutil.rmtree(work, ignore_errors=True)
