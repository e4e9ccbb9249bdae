#!/usr/bin/env python3
"""Generate kb/src/us-state.json: the Secretaries of State 1945-1989 (and the Secretaries ad
interim between them) from the Office of the Historian's POCOM data, plus the birth and death
years POCOM gives for every Secretary of State since 1945.

Reads positions-principals/secretary.xml, positions-principals/secretary-ad-interim.xml and
people/*/*.xml of https://github.com/HistoryAtState/pocom (U.S. Department of State, Office of
the Historian; public domain, CC0 1.0) from --data DIR (a checkout, or $FACTLINT_POCOM). Without
it the output is left as it is: the data is not part of ../shared, so `make kb` keeps the
committed part.

Terms: a Secretary's `started` to `ended` date; a Secretary ad interim (acting) from the date
POCOM gives as `appointed` to `ended`, left out when the two are the same day. Only tenures
ending by 1989-01-25 are written: from James Baker on, kb/src/us.json hand-curates the office
(from history.state.gov, the same office's web pages); differences between the two are
printed, not written.

People: hand-named in NAMES (the usual English name and other forms); a person already in
us.json (George Shultz, Warren Christopher ...) keeps that record, and gets POCOM's birth and
death years here (year precision) once scripts/kb/build.py knows `born_precision`.

Usage: python3 scripts/kb/gen_state.py [--data DIR] [--out FILE]
"""

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_us import dump_part  # noqa: E402
import build  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "kb", "src", "us-state.json")
SOURCE = {"id": "us-state-pocom",
          "name": "U.S. Department of State, Office of the Historian: Principal Officers "
                  "(POCOM data, HistoryAtState/pocom commit 44d2226)",
          "url": "https://history.state.gov/departmenthistory/people/principalofficers/secretary",
          "license": "Public domain (U.S. government work), CC0-1.0"}
OFFICE = "us-secretary-of-state"
HAND_FROM = "1989-01-25"  # us.json's first term (James Baker)
YEARS = "born_precision" in build.SPEC["people"]

# POCOM person id -> (KB id, name, aliases). Ids already in us.json are linked, not redefined.
NAMES = {
    "stettinius-edward-reilly": ("edward-stettinius-jr", "Edward Stettinius Jr.",
                                 ["Edward R. Stettinius Jr.", "Edward R. Stettinius"]),
    "byrnes-james-francis": ("james-f-byrnes", "James F. Byrnes", ["James Byrnes"]),
    "marshall-george-catlett": ("george-c-marshall", "George C. Marshall", ["George Marshall"]),
    "acheson-dean-gooderham": ("dean-acheson", "Dean Acheson", ["Dean G. Acheson"]),
    "dulles-john-foster": ("john-foster-dulles", "John Foster Dulles", []),
    "herter-christian-archibald": ("christian-herter", "Christian Herter",
                                   ["Christian A. Herter"]),
    "rusk-david-dean": ("dean-rusk", "Dean Rusk", []),
    "rogers-william-pierce": ("william-p-rogers", "William P. Rogers", []),
    "kissinger-henry-a": ("henry-kissinger", "Henry Kissinger", ["Henry A. Kissinger"]),
    "vance-cyrus-roberts": ("cyrus-vance", "Cyrus Vance", ["Cyrus R. Vance"]),
    "muskie-edmund-sixtus": ("edmund-muskie", "Edmund Muskie",
                             ["Edmund S. Muskie", "Ed Muskie"]),
    "haig-alexander-meigs": ("alexander-haig", "Alexander Haig",
                             ["Alexander M. Haig", "Alexander M. Haig Jr."]),
    "shultz-george-pratt": ("george-shultz", "George Shultz", []),
    "grew-joseph-clark": ("joseph-grew", "Joseph Grew", ["Joseph C. Grew"]),
    "matthews-harrison-freeman": ("h-freeman-matthews", "H. Freeman Matthews", []),
    "merchant-livingston-tallmadge": ("livingston-t-merchant", "Livingston T. Merchant",
                                      ["Livingston Merchant"]),
    "bohlen-charles-eustis": ("charles-e-bohlen", "Charles E. Bohlen", ["Charles Bohlen"]),
    "rush-kenneth": ("kenneth-rush", "Kenneth Rush", []),
    "habib-philip-charles": ("philip-habib", "Philip Habib", ["Philip C. Habib"]),
    "christopher-warren-minor": ("warren-christopher", "Warren Christopher", []),
    "newsom-david-dunlap": ("david-d-newsom", "David D. Newsom", ["David Newsom"]),
    "cooper-richard-newell": ("richard-n-cooper", "Richard N. Cooper", []),
    "stoessel-walter-john": ("walter-j-stoessel-jr", "Walter J. Stoessel Jr.",
                             ["Walter Stoessel"]),
    "armacost-michael-hayden": ("michael-armacost", "Michael Armacost",
                                ["Michael H. Armacost"]),
}
# POCOM ids of Secretaries from 1989 on -> us.json ids (for their birth/death years).
LATER = {
    "baker-james-addison": "james-baker", "eagleburger-lawrence-sidney": "lawrence-eagleburger",
    "christopher-warren-minor": "warren-christopher", "albright-madeleine-korbel":
        "madeleine-albright", "powell-colin-luther": "colin-powell",
    "rice-condoleezza": "condoleezza-rice", "clinton-hillary-rodham": "hillary-clinton",
    "kerry-john-forbes": "john-kerry", "tillerson-rex-wayne": "rex-tillerson",
    "pompeo-michael-richard": "mike-pompeo", "blinken-antony-j": "antony-blinken",
    "rubio-marco": "marco-rubio",
}


def read(data, rel):
    return ET.parse(os.path.join(data, rel)).getroot()


def person_years(data, pid):
    p = read(data, os.path.join("people", pid[0], pid + ".xml"))
    return (p.findtext("birth") or "").strip(), (p.findtext("death") or "").strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("FACTLINT_POCOM"))
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    if not args.data or not os.path.exists(os.path.join(args.data, "positions-principals")):
        print(f"gen_state.py: POCOM checkout not given (--data); "
              f"{os.path.relpath(args.out, ROOT)} left unchanged")
        return 0
    with open(os.path.join(ROOT, "kb", "src", "us.json"), encoding="utf-8") as f:
        us = json.load(f)
    us_people = {p["id"]: p for p in us["people"]}
    hand = {(t["person"], t["start"], t["end"], bool(t.get("acting")))
            for t in us["terms"] if t["office"] == OFFICE}

    terms, used = [], {}
    for rel, acting in (("positions-principals/secretary.xml", False),
                        ("positions-principals/secretary-ad-interim.xml", True)):
        for p in read(args.data, rel).iter("principal"):
            pid = p.findtext("person-id")
            start = (p.findtext("started/date") or "").strip()
            if acting and not start:
                start = (p.findtext("appointed/date") or "").strip()
            end = (p.findtext("ended/date") or "").strip() or None
            if not start or (end or "9999") < "1945-01-01" or (end and end <= start):
                continue
            if end is None or end > HAND_FROM:
                kid = LATER.get(pid)
                key = (kid, start, end, acting)
                if kid and key not in hand:
                    print(f"gen_state.py: POCOM has {pid} {start}..{end or 'open'}"
                          f"{' (acting)' if acting else ''}; us.json differs", file=sys.stderr)
                used.setdefault(pid, kid)
                continue
            if pid not in NAMES:
                sys.exit(f"gen_state.py: add {pid} to NAMES")
            kid = NAMES[pid][0]
            used[pid] = kid
            t = {"person": kid, "office": OFFICE, "start": start, "end": end,
                 "source": SOURCE["id"]}
            if acting:
                t["acting"] = True
            terms.append(t)

    people = []
    for pid, kid in sorted(used.items(), key=lambda x: x[1] or ""):
        if kid is None:
            continue
        if kid in us_people:
            rec = {"id": kid, "name": us_people[kid]["name"], "aliases": [], "short": []}
        else:
            _, name, aliases = NAMES[pid]
            words = [w for w in name.split() if w not in ("Jr.", "III")]
            rec = {"id": kid, "name": name, "aliases": aliases, "short": [words[-1]]}
        if YEARS:
            born, died = person_years(args.data, pid)
            if born:
                rec["born"], rec["born_precision"] = f"{born}-01-01", "year"
            if died:
                rec["died"], rec["died_precision"] = f"{died}-01-01", "year"
        if kid not in us_people or YEARS:
            people.append(rec)
    terms.sort(key=lambda t: (t["start"], t["person"]))
    part = {"sources": [SOURCE], "people": people, "terms": terms}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(part))
    print(f"gen_state.py: {len(people)} people, {len(terms)} terms -> "
          f"{os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
