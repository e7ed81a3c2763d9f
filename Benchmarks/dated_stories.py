#!/usr/bin/env python3
"""Do stories mix months? Real articles on recurring subjects, given dates months apart, dropped at once.

usage: dated_stories.py BIN [--corpus DIR] [--pattern REGEX] [--count N] [--seed S]

Takes the English labelled-corpus articles (MasakhaNEWS, AFL-3.0) whose headline matches PATTERN
(default: strikes, nurses, rail, energy bills, house prices, inflation: subjects that come back
 all year), gives each a date with a `date YYYY-MM-DD` first line
(the articles of one hand-checked event of Benchmarks/stories/events.tsv share a day; the others
are spread over 2022 by a seeded draw), and ingests them twice: all at once (one `newsdrop ingest`
of the folder, in name order) and over time (one `newsdrop ingest` per file in date order). Prints,
for each drop, the stories of two articles or more with their dates, the number of stories whose
dates are more than 7 days apart, and whether the two drops give the same partition. Then the
digest of the all-at-once drop (every story of it, `newsdrop digest --format json`): how many of its
stories hold articles dated more than 7 days apart, and the widest span.

`--count N` takes N articles, drawn with the seed, among those that match (`make eval-digest`: 300
of any subject, as a backlog a new user drops at once).
"""
import argparse
import csv
import datetime
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
csv.field_size_limit(1 << 24)
parser = argparse.ArgumentParser()
parser.add_argument("bin")
parser.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus", "labeled"))
parser.add_argument("--pattern", default=r"\bstrik|\bnurs|\bambulance|\brail|\btrains?\b|energy (bill|price)|house price|inflation")
parser.add_argument("--count", type=int, help="draw this many of the matching articles")
parser.add_argument("--seed", type=int, default=13)
args = parser.parse_args()

events = {}
for line in open(os.path.join(HERE, "stories", "events.tsv"), encoding="utf-8"):
    if not line.startswith("#") and line.strip():
        name, event = line.rstrip("\n").split("\t")
        events[name] = event

pattern = re.compile(args.pattern, re.IGNORECASE)
chosen = []
with open(os.path.join(args.corpus, "eng.tsv"), newline="", encoding="utf-8") as handle:
    for index, row in enumerate(csv.DictReader(handle, delimiter="\t")):
        if pattern.search(row["headline"]):
            chosen.append((f"eng-{index:05d}.txt", row["headline"], row["text"]))

draw = random.Random(args.seed)
if args.count is not None and args.count < len(chosen):
    chosen = sorted(draw.sample(chosen, args.count))
first_day = datetime.date(2022, 1, 1)
dates, event_dates = {}, {}
for name, _, _ in chosen:
    event = events.get(name)
    if event and event in event_dates:
        dates[name] = event_dates[event]
        continue
    dates[name] = first_day + datetime.timedelta(days=draw.randrange(365))
    if event:
        event_dates[event] = dates[name]


def ingest(paths, state):
    result = subprocess.run([args.bin, "ingest", "--state-dir", state, *paths], capture_output=True, text=True)
    if result.returncode not in (0, 65):
        sys.exit(f"dated_stories: newsdrop ingest exited {result.returncode}: {result.stderr[-500:]}")


def partition(state):
    db = sqlite3.connect(f"file:{state}/newsdrop.sqlite?mode=ro", uri=True)
    rows = db.execute("SELECT path, story_id FROM documents").fetchall()
    db.close()
    stories = {}
    for path, story in rows:
        stories.setdefault(story, set()).add(os.path.basename(path))
    return {frozenset(members) for members in stories.values()}


work = tempfile.mkdtemp(prefix="dated-stories.")
try:
    folder = os.path.join(work, "articles")
    os.makedirs(folder)
    titles = {}
    for name, headline, text in chosen:
        titles[name] = headline
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(f"date {dates[name].isoformat()}\n{headline}\n\n{text}\n")
    print(f"{len(chosen)} articles whose headline matches /{args.pattern}/, dated over 2022 "
          f"({len(event_dates)} hand-checked events share a day)")
    results = {}
    for mode in ("all-at-once", "over-time"):
        state = os.path.join(work, "state-" + mode)
        if mode == "all-at-once":
            ingest([folder], state)
        else:
            for name in sorted(dates, key=lambda n: (dates[n], n)):
                ingest([os.path.join(folder, name)], state)
        results[mode] = partition(state)
        spread = 0
        print(f"\n{mode}: {len(results[mode])} stories")
        for members in sorted(results[mode], key=lambda m: (-len(m), sorted(m))):
            if len(members) < 2:
                continue
            days = sorted(dates[name] for name in members)
            wide = (days[-1] - days[0]).days > 7
            spread += wide
            print(f"  {'MIXED ' if wide else ''}{len(members)} articles, {days[0]} .. {days[-1]}: "
                  + " | ".join(titles[name][:48] for name in sorted(members, key=lambda n: dates[n])))
        print(f"{mode}: stories whose dates are more than 7 days apart: {spread}")
    print(f"\nsame partition all at once and over time: {results['all-at-once'] == results['over-time']}")

    config = os.path.join(work, "digest.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write(f"digest_stories = {len(chosen)}\n")
    digest = subprocess.run([args.bin, "digest", "--state-dir", os.path.join(work, "state-all-at-once"), "--config",
                             config, "--format", "json"], capture_output=True, text=True)
    if digest.returncode != 0:
        sys.exit(f"dated_stories: newsdrop digest exited {digest.returncode}: {digest.stderr[-500:]}")
    stories = json.loads(digest.stdout)["stories"]
    spans = []
    for story in stories:
        days = sorted(datetime.date.fromisoformat(a["date"][:10]) for a in story["articles"] if a.get("date"))
        spans.append((days[-1] - days[0]).days if days else 0)
    mixed = sum(span > 7 for span in spans)
    print(f"digest of the all-at-once drop: {len(stories)} stories, {sum(len(s['articles']) > 1 for s in stories)} "
          f"of several articles, {mixed} with articles more than 7 days apart (widest span {max(spans, default=0)} days)")
finally:
    shutil.rmtree(work, ignore_errors=True)
