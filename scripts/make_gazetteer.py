#!/usr/bin/env python3
"""Write data/countries.tsv from Debian's iso-codes: every country, its English name and its names in
every language iso-codes translates.

Usage: scripts/make_gazetteer.py [--iso-codes /usr/share/iso-codes/json] [--locale /usr/share/locale]
                                 [--words data/corpus-words.tsv] [--output data/countries.tsv]

Stdlib only. The output is deterministic (sorted), so re-running on the same iso-codes gives the
same file and a diff shows exactly what an iso-codes upgrade changed.

Output, one country a line, tab-separated: alpha-2 id, English display name, then aliases.
Why the normalisation below: iso-codes lists sortable, inverted forms ("Russie, Fédération de",
"Korea, Republic of") that never occur in running text. Each is turned into its natural order
("Fédération de Russie") and its head ("Russie"); an alias claimed by two countries at the same
priority ("Korea" from both Koreas) is dropped rather than guessed. A one-word translation that is
also a frequent word or name of English and French news (data/corpus-words.tsv, written by
scripts/make_word_counts.py) is dropped too, unless it is the English or French name itself:
"Island" (Iceland in Danish) and "Cameron" (Cameroon in Cornish) would otherwise fire on every
"Love Island" and "David Cameron".
"""
import argparse
import gettext
import glob
import json
import os
import re
import subprocess
import sys

# Words that end an inverted descriptor: "Iran, République islamique d'" -> "République islamique d'Iran".
PREPOSITIONS = {"of", "of the", "de", "d'", "d’", "du", "des", "de la", "del", "della", "di", "do", "da", "dos",
                "das", "van", "von", "der"}
PREPOSITION_WORDS = {"of", "de", "du", "des", "del", "della", "di", "do", "da", "dos", "das"}


def split_parenthesis(name):
    """'Saint-Siège (état de la cité du Vatican)' -> 'Saint-Siège': text in parentheses is a gloss."""
    return re.sub(r"\s*[(（][^)）]*[)）]", "", name).strip()


def natural_forms(name):
    """The forms of one iso-codes name a text may contain, most complete first."""
    name = split_parenthesis(name)
    if not name:
        return []
    if ", " not in name and "، " not in name:
        return [name]
    head, _, tail = name.replace("، ", ", ").partition(", ")
    tail_lower = tail.lower()
    forms = []
    ends_with_preposition = any(tail_lower.endswith(" " + p) or tail_lower == p for p in PREPOSITIONS) \
        or tail_lower.endswith("d'") or tail_lower.endswith("d’")
    has_inner_preposition = any(w in PREPOSITION_WORDS for w in re.split(r"[\s']+", tail_lower))
    if ends_with_preposition:
        joiner = "" if tail.endswith(("'", "’")) else " "
        forms.append(tail + joiner + head)
    elif not has_inner_preposition:
        forms.append(tail + " " + head)  # "Korea, Republik" -> "Republik Korea"; "British Virgin Islands"
    forms.append(head)
    return forms


def is_usable(alias):
    """Drops aliases a text cannot contain usefully: digits, one letter, or lower case first letter."""
    letters = [c for c in alias if c.isalpha()]
    if len(letters) < 2 or any(c.isdigit() for c in alias):
        return False
    first = letters[0]
    return not first.islower()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    parser.add_argument("--locale", default="/usr/share/locale")
    parser.add_argument("--words", default=os.path.join(os.path.dirname(__file__), "..", "data", "corpus-words.tsv"))
    parser.add_argument("--min-word-count", type=int, default=5)
    parser.add_argument("--output", default=os.path.join(os.path.dirname(__file__), "..", "data", "countries.tsv"))
    args = parser.parse_args()

    with open(os.path.join(args.iso_codes, "iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    catalogs = []
    for path in sorted(glob.glob(os.path.join(args.locale, "*", "LC_MESSAGES", "iso_3166-1.mo"))):
        with open(path, "rb") as f:
            catalogs.append(gettext.GNUTranslations(f))

    frequent = set()
    if os.path.exists(args.words):
        with open(args.words, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    word, low, cap = line.rstrip("\n").split("\t")
                    if int(low) + int(cap) >= args.min_word_count:
                        frequent.add(word)
    fr_catalog = gettext.GNUTranslations(open(os.path.join(args.locale, "fr", "LC_MESSAGES", "iso_3166-1.mo"), "rb"))

    # alias -> {id: best priority}; lower priority numbers win.
    claims = {}

    def claim(alias, code, priority):
        alias = " ".join(alias.split())
        if not is_usable(alias):
            return
        owners = claims.setdefault(alias, {})
        owners[code] = min(priority, owners.get(code, priority))

    for country in countries:
        code = country["alpha_2"]
        fields = [(country.get("common_name"), 0), (country["name"], 0), (country.get("official_name"), 1)]
        for source, base in fields:
            if not source:
                continue
            own = {f.lower() for t in (source, fr_catalog.gettext(source)) for f in natural_forms(t)}
            for lang_rank, text in [(0, source)] + [(2, c.gettext(source)) for c in catalogs]:
                for index, form in enumerate(natural_forms(text)):
                    if " " not in form and form.lower() in frequent and form.lower() not in own:
                        continue
                    # A head cut from an inverted name ranks below every written name.
                    claim(form, code, base + lang_rank + (4 if index > 0 else 0))

    aliases = {}
    for alias, owners in claims.items():
        best = min(owners.values())
        winners = [code for code, priority in owners.items() if priority == best]
        if len(winners) == 1:
            aliases.setdefault(winners[0], set()).add(alias)
        else:
            print(f"dropped ambiguous alias {alias!r}: {sorted(winners)}", file=sys.stderr)

    try:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                                 capture_output=True, text=True).stdout.strip() or "unknown"
    except OSError:
        version = "unknown"
    lines = [f"# Generated by scripts/make_gazetteer.py from iso-codes {version} ({len(catalogs)} languages).",
             "# Do not edit: fix names in data/places-extra.tsv, which is read after this file.",
             "# id\tEnglish name\taliases..."]
    for country in sorted(countries, key=lambda c: c["alpha_2"]):
        code = country["alpha_2"]
        forms = natural_forms(country["name"])
        display = country.get("common_name") or next(
            (f for f in reversed(forms) if f in aliases.get(code, ())), forms[0])
        names = sorted(aliases.get(code, set()) - {display})
        lines.append("\t".join([code, display] + names))
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.output}: {len(countries)} countries, {sum(map(len, aliases.values()))} aliases",
          file=sys.stderr)


if __name__ == "__main__":
    main()
