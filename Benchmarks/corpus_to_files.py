#!/usr/bin/env python3
"""Writes each row of the labelled corpus TSVs (MasakhaNEWS, AFL-3.0) as one text file: headline, blank line, text.

usage: corpus_to_files.py OUT_DIR TSV...
"""
import csv
import os
import sys

csv.field_size_limit(1 << 24)
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
count = 0
for path in sys.argv[2:]:
    stem = os.path.splitext(os.path.basename(path))[0]
    with open(path, newline="", encoding="utf-8") as handle:
        for index, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            with open(os.path.join(out, f"{stem}-{index:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(f"{row['headline']}\n\n{row['text']}\n")
            count += 1
print(f"{count} files in {out}", file=sys.stderr)
