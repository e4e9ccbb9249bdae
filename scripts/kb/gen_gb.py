#!/usr/bin/env python3
"""Generate kb/src/gb.json: UK Prime Ministers, Chancellors, Foreign and Home Secretaries
since 1979 (from the IfG Ministers Database, CC BY 4.0) plus the monarchs since 1952.

Reads ../shared/data/uk-ministers-ifg/uk_ministers_appointments_flat.csv when present;
otherwise leaves kb/src/gb.json as it is. The whole file is generated: hand-curated
facts live in the tables below (EXTRA_ALIASES, MONARCHS), not in the JSON.

Per person and office, appointments that meet (one ends the day the next starts) are
merged into one term. A term still open in the data gets end null; the data ends in
June 2026, so a change between then and as_of is not known (see kb/SOURCES.md).

Aliases: `name` is the data's display name as a commoner where the person later took
a peerage (David Cameron, not Lord Cameron of Chipping Norton); the data's other
name_variants become aliases (Baroness Thatcher, Suella Fernandes); EXTRA_ALIASES
adds a few well-attested full-name forms. An alias claimed by two people is dropped.

Usage: python3 scripts/kb/gen_gb.py [--data DIR] [--out FILE]
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_us import dump_part  # noqa: E402  (same one-object-per-line layout)
from crosscheck import merged_spans  # noqa: E402  (back-to-back appointments become one term)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "uk-ministers-ifg")

IFG = {"id": "ifg-ministers",
       "name": "Institute for Government analysis of IfG Ministers Database",
       "url": "https://www.instituteforgovernment.org.uk/ifg-ministers-database",
       "license": "CC-BY-4.0"}
ROYAL = {"id": "royal-household", "name": "The Royal Household: Accession and reign dates",
         "url": "https://www.royal.uk", "license": "facts only"}

UK = ["British", "UK", "U.K.", "United Kingdom", "Britain"]
OFFICES = [
    {"id": "gb-prime-minister", "name": "Prime Minister of the United Kingdom",
     "titles": ["Prime Minister", "PM", "Premier"], "jurisdiction": UK,
     "single_holder": True, "role": "head_of_government"},
    {"id": "gb-chancellor-of-the-exchequer", "name": "Chancellor of the Exchequer",
     "titles": ["Chancellor of the Exchequer", "Chancellor"], "jurisdiction": UK,
     "single_holder": True, "role": "minister"},
    {"id": "gb-foreign-secretary",
     "name": "Secretary of State for Foreign, Commonwealth and Development Affairs",
     "titles": ["Foreign Secretary",
                "Secretary of State for Foreign, Commonwealth and Development Affairs",
                "Secretary of State for Foreign and Commonwealth Affairs"],
     "jurisdiction": UK, "single_holder": True, "role": "minister"},
    {"id": "gb-home-secretary", "name": "Secretary of State for the Home Department",
     "titles": ["Home Secretary", "Secretary of State for the Home Department"],
     "jurisdiction": UK, "single_holder": True, "role": "minister"},
    {"id": "gb-monarch", "name": "Monarch of the United Kingdom",
     "titles": ["King", "Queen"], "jurisdiction": UK, "single_holder": True, "role": "monarch"},
]
POST_TO_OFFICE = {
    "Prime Minister": "gb-prime-minister",
    "Chancellor of the Exchequer": "gb-chancellor-of-the-exchequer",
    "Secretary of State for Foreign and Commonwealth Affairs": "gb-foreign-secretary",
    "Secretary of State for Foreign, Commonwealth and Development Affairs":
        "gb-foreign-secretary",
    "Secretary of State for the Home Department": "gb-home-secretary",
}
# Common name where the data's display name is a title (keyed by data name).
COMMON_NAME = {
    "Lord Carrington": ("Lord Carrington", ["Peter Carington", "Peter Carrington"]),
    "Lord Cameron of Chipping Norton": ("David Cameron", []),
}
EXTRA_ALIASES = {
    "Boris Johnson": ["Alexander Boris de Pfeffel Johnson"],
    "Tony Blair": ["Anthony Blair", "Anthony Charles Lynton Blair"],
    "Liz Truss": ["Elizabeth Truss", "Mary Elizabeth Truss"],
    "Kenneth Clarke": ["Ken Clarke"],
    "Margaret Thatcher": ["Margaret Hilda Thatcher"],
    "David Cameron": ["Lord Cameron"],
}
MONARCHS = [
    ({"id": "elizabeth-ii", "name": "Elizabeth II",
      "aliases": ["Elizabeth Alexandra Mary"],
      "short": [], "born": "1926-04-21"},
     {"start": "1952-02-06", "end": "2022-09-08", "ref": "acceded 1952-02-06; died 2022-09-08"}),
    ({"id": "charles-iii", "name": "Charles III",
      "aliases": ["Charles Philip Arthur George"],
      "short": [], "born": "1948-11-14"},
     {"start": "2022-09-08", "end": None, "ref": "acceded 2022-09-08; crowned 2023-05-06"}),
]


def slug(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[.'’]", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def generate(rows, as_of):
    persons, appts = {}, {}
    for r in rows:
        office = POST_TO_OFFICE.get(r["post"])
        if office is None:
            continue
        pid_data = r["person_id"]
        if pid_data not in persons:
            name, extra = COMMON_NAME.get(r["name"], (r["name"], []))
            variants = [v.strip() for v in r["name_variants"].split("|") if v.strip()]
            persons[pid_data] = {"name": name, "short": r["short_name"],
                                 "aliases": extra + variants + EXTRA_ALIASES.get(name, [])}
        appts.setdefault((pid_data, office), []).append(
            (r["start_date"], r["end_date"] or None))

    people, ids = [], {}
    for pid_data, p in persons.items():
        pid = slug(p["name"])
        if pid in ids.values():
            sys.exit(f"gen_gb.py: two people would get id {pid!r}")
        ids[pid_data] = pid
        aliases = []
        for a in p["aliases"]:
            if a != p["name"] and a not in aliases:
                aliases.append(a)
        people.append({"id": pid, "name": p["name"], "aliases": aliases, "short": [p["short"]]})
    # Drop any alias two people claim (none today; keeps the merge's uniqueness check green).
    claims = {}
    for person in people:
        for f in {x.casefold() for x in [person["name"]] + person["aliases"]}:
            claims[f] = claims.get(f, 0) + 1
    for person in people:
        person["aliases"] = [a for a in person["aliases"] if claims[a.casefold()] == 1]

    terms = []
    for (pid_data, office), spans in appts.items():
        for start, end in merged_spans(spans):
            if end is not None and end > as_of:
                end = None
            terms.append({"person": ids[pid_data], "office": office, "start": start,
                          "end": end, "source": IFG["id"]})
    for person, term in MONARCHS:
        people.append(person)
        terms.append({"person": person["id"], "office": "gb-monarch", "start": term["start"],
                      "end": term["end"], "source": ROYAL["id"], "ref": term["ref"]})
    people.sort(key=lambda p: p["id"])
    terms.sort(key=lambda t: (t["office"], t["start"]))
    return people, terms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=os.path.join(ROOT, "kb", "src", "gb.json"))
    args = ap.parse_args()
    src = os.path.join(args.data, "uk_ministers_appointments_flat.csv")
    if not os.path.exists(src):
        print(f"gen_gb.py: {src} not found; kb/src/gb.json left unchanged")
        return 0
    import json
    with open(os.path.join(ROOT, "kb", "src", "meta.json"), encoding="utf-8") as f:
        as_of = json.load(f)["as_of"]
    with open(src, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    people, terms = generate(rows, as_of)
    part = {"sources": [IFG, ROYAL], "people": people, "offices": OFFICES, "terms": terms}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(part))
    print(f"gen_gb.py: {len(people)} people, {len(terms)} terms -> "
          f"{os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
