#!/usr/bin/env python3
"""Writes each row of the labelled corpus TSVs (MasakhaNEWS, AFL-3.0) as one text file: headline, blank line, text.

usage: corpus_to_files.py [--total N] [--seed S] [--per-folder K] OUT_DIR TSV...

With --total, the folder gets exactly N files: the labelled articles (a seeded sample of them when
N is smaller), then synthetic articles up to N under OUT_DIR/synthetic/NNNN/ (K files per folder,
so no folder gets unwieldy at 100k). A synthetic article is a headline-like sentence and 8-25
sentences drawn from the labelled articles of one language and one category, so it reads like news
of that kind (the classifier, the entity tables and story placement see realistic input) without
being a copy of any article (the duplicate check would make copies cheap). Same seed, same bytes.
"""
import argparse
import csv
import os
import random
import re
import sys

csv.field_size_limit(1 << 24)
parser = argparse.ArgumentParser()
parser.add_argument("--total", type=int)
parser.add_argument("--seed", type=int, default=12)
parser.add_argument("--per-folder", type=int, default=1000)
parser.add_argument("out")
parser.add_argument("tsv", nargs="+")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)


def write(path, headline, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{headline}\n\n{text}\n")


rows = []  # (file stem, language stem, category, headline, text)
for path in args.tsv:
    stem = os.path.splitext(os.path.basename(path))[0]
    with open(path, newline="", encoding="utf-8") as handle:
        for index, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            rows.append((f"{stem}-{index:05d}", stem, row["category"], row["headline"], row["text"]))

if args.total is None:
    for name, _, _, headline, text in rows:
        write(os.path.join(args.out, name + ".txt"), headline, text)
    print(f"{len(rows)} files in {args.out}", file=sys.stderr)
    sys.exit(0)

random_source = random.Random(args.seed)
labelled = rows if args.total >= len(rows) else random_source.sample(rows, args.total)
for name, _, _, headline, text in labelled:
    write(os.path.join(args.out, name + ".txt"), headline, text)

# Sentences by (language, category). A split after . ! ? before a capital or a quote is crude, but
# good enough to make paragraphs that read like the originals.
boundary = re.compile(r"(?<=[.!?])\s+(?=[\"«“A-ZÀ-ÖØ-Þ0-9])")
sentences = {}
for _, language, category, _, text in rows:
    pool = sentences.setdefault((language, category), [])
    for line in text.splitlines():
        pool.extend(s.strip() for s in boundary.split(line) if len(s.strip()) > 20)
# Short sentences serve as headlines; a group without any falls back to its longer ones.
headlines = {key: [s for s in pool if 4 <= len(s.split()) <= 14] or pool for key, pool in sentences.items()}

# Groups are drawn in proportion to the labelled articles, so the language and topic mix stays.
groups = [(language, category) for _, language, category, _, _ in rows]
for number in range(args.total - len(labelled)):
    language, category = random_source.choice(groups)
    pool = sentences[(language, category)]
    headline = random_source.choice(headlines[(language, category)]).rstrip(".!? ")
    body = random_source.sample(pool, min(len(pool), random_source.randint(8, 25)))
    paragraphs = []
    while body:
        take = random_source.randint(2, 4)
        paragraphs.append(" ".join(body[:take]))
        body = body[take:]
    folder = os.path.join(args.out, "synthetic", f"{number // args.per_folder:04d}")
    os.makedirs(folder, exist_ok=True)
    write(os.path.join(folder, f"{language}-{category}-{number:06d}.txt"), headline, "\n".join(paragraphs))
print(f"{args.total} files in {args.out} ({len(labelled)} labelled)", file=sys.stderr)
