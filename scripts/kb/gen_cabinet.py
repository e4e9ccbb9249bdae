#!/usr/bin/env python3
"""Generate kb/src/us-cabinet.json: the U.S. executive department secretaries and the Attorney
General, 1977 to February 2023, from FiveThirtyEight's cabinet-turnover data (CC BY 4.0).

Reads cabinet-turnover/cabinet-turnover.csv of https://github.com/fivethirtyeight/data
(commit 88bab40, 2023-02-13; "up to date as of Feb. 10, 2023"; sworn-in and left-office dates
"from federal government websites and news reports"; acting holders are not in it) from
--data DIR (the folder holding cabinet-turnover.csv, or $FACTLINT_CABINET_DATA). Without it the
output is left as it is: the data is not part of ../shared, so `make kb` keeps the committed
part and this script documents how it was made.

Used: the departments in POSITIONS and the Attorney General; for State, Defense and
Treasury, which kb/src/us.json hand-curates from the departments' own history pages, only the
tenures before that coverage (EARLIER_ONLY: Defense only; State and Treasury not at all). A tenure that spans two administrations is two rows in the data ("Bush admin" in
place of a date): they are joined into one term. A tenure the data marks "Still in office"
(February 2023) is left out: its end is not known to this data, and an open term would claim
the person still held the office at as_of. People already in another part (by name or alias)
keep their id there when that part is a US one (us.json, us-congress.json); others get a
slug of the data's name (a clash with a non-US person stops the script).

Usage: python3 scripts/kb/gen_cabinet.py [--data DIR] [--out FILE]
"""

import argparse
import csv
import datetime
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_us import dump_part  # noqa: E402
from gen_congress import other_kb_names, slug  # noqa: E402
import build  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "kb", "src", "us-cabinet.json")
SOURCE = {"id": "fivethirtyeight-cabinet",
          "name": "FiveThirtyEight cabinet-turnover data (fivethirtyeight/data commit 88bab40, "
                  "up to date as of 2023-02-10)",
          "url": "https://github.com/fivethirtyeight/data/tree/master/cabinet-turnover",
          "license": "CC-BY-4.0"}
US = ["U.S.", "US", "United States", "American"]
ROLE = "minister"

# data position -> (office id, name, titles news uses)
POSITIONS = {
    "Attorney General": ("us-attorney-general", "Attorney General of the United States",
                         ["Attorney General"]),
    "Secretary of Agriculture": ("us-secretary-of-agriculture",
                                 "United States Secretary of Agriculture",
                                 ["Secretary of Agriculture", "Agriculture Secretary"]),
    "Secretary of Commerce": ("us-secretary-of-commerce", "United States Secretary of Commerce",
                              ["Secretary of Commerce", "Commerce Secretary"]),
    "Secretary of Labor": ("us-secretary-of-labor", "United States Secretary of Labor",
                           ["Secretary of Labor", "Labor Secretary"]),
    "Secretary of the Interior": ("us-secretary-of-the-interior",
                                  "United States Secretary of the Interior",
                                  ["Secretary of the Interior", "Interior Secretary"]),
    "Secretary of Health, Education & Welfare": (
        "us-secretary-of-health-and-human-services",
        "United States Secretary of Health and Human Services (Health, Education, and Welfare "
        "until 1980)",
        ["Secretary of Health and Human Services", "Health and Human Services Secretary",
         "HHS Secretary", "Health Secretary", "Secretary of Health, Education, and Welfare"]),
    "Secretary of Health, Education & Welfare/Secretary of Health & Human Services": (
        "us-secretary-of-health-and-human-services", None, []),
    "Secretary of Health & Human Services": ("us-secretary-of-health-and-human-services", None,
                                             []),
    "Secretary of Housing & Urban Development": (
        "us-secretary-of-housing-and-urban-development",
        "United States Secretary of Housing and Urban Development",
        ["Secretary of Housing and Urban Development", "Housing Secretary", "HUD Secretary"]),
    "Secretary of Transportation": ("us-secretary-of-transportation",
                                    "United States Secretary of Transportation",
                                    ["Secretary of Transportation", "Transportation Secretary"]),
    "Secretary of Energy": ("us-secretary-of-energy", "United States Secretary of Energy",
                            ["Secretary of Energy", "Energy Secretary"]),
    "Secretary of Education": ("us-secretary-of-education",
                               "United States Secretary of Education",
                               ["Secretary of Education", "Education Secretary"]),
    "Secretary of Veterans Affairs": ("us-secretary-of-veterans-affairs",
                                      "United States Secretary of Veterans Affairs",
                                      ["Secretary of Veterans Affairs",
                                       "Veterans Affairs Secretary", "VA Secretary"]),
    "Secretary of Homeland Security": ("us-secretary-of-homeland-security",
                                       "United States Secretary of Homeland Security",
                                       ["Secretary of Homeland Security",
                                        "Homeland Security Secretary", "DHS Secretary"]),
}
# Offices hand-curated in kb/src/us.json from the departments' history pages: only tenures
# that end by the day that coverage begins are taken from this data (Brown ... Carlucci; State
# comes from the Historian's POCOM data, gen_state.py, and Treasury's own list covers 1934 on).
EARLIER_ONLY = {
    "Secretary of Defense": ("us-secretary-of-defense", "1989-03-21"),
}
SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV"}
# Full given names for the data's short forms (the same people's usual formal names).
ALIASES = {
    "Ed Meese": ["Edwin Meese", "Edwin Meese III"],
    "Mac Baldrige": ["Malcolm Baldrige"],
    "Ray Donovan": ["Raymond Donovan"],
    "Bill Bennett": ["William Bennett", "William J. Bennett"],
}


def date(s):
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", s.strip())
    if not m:
        return None
    month, day, yy = (int(x) for x in m.groups())
    year = 1900 + yy if yy >= 50 else 2000 + yy
    return datetime.date(year, month, day).isoformat()


def generate(rows, as_of, others, us_names):
    """others: names/aliases -> id in every other part; us_names: the same for the US parts,
    the only people a name may link to (a UK minister of the same name is someone else)."""
    spans = {}  # (appointee, office) -> [start, end]
    skipped = []
    for r in rows:
        pos = POSITIONS.get(r["position"])
        if r["position"] in EARLIER_ONLY:
            oid, cutoff = EARLIER_ONLY[r["position"]]
            end = date(r["end_date"])
            if end is None or end > cutoff:
                continue
            pos = (oid, None, [])
        if pos is None:
            continue
        key = (r["appointee"].strip(), pos[0])
        start, end = date(r["start_date"]), date(r["end_date"])
        if r["end_date"].strip() == "Still in office":
            skipped.append(f"{key[0]} ({pos[0]}, from {start})")
            continue
        for i, cur in enumerate(spans.setdefault(key, [])):
            if cur[1] is None and start is None:  # the two halves of one tenure
                cur[1] = end
                break
            if cur[0] is None and end is None:
                cur[0] = start
                break
        else:
            spans[key].append([start, end])
    offices = {}
    for name, (oid, oname, titles) in POSITIONS.items():
        if oname:
            offices[oid] = {"id": oid, "name": oname, "titles": titles, "jurisdiction": US,
                            "single_holder": True}
            if "role" in build.SPEC["offices"]:
                offices[oid]["role"] = ROLE
    people, terms, ids = {}, [], {}
    for (appointee, oid), ss in sorted(spans.items()):
        if appointee not in ids:
            known = us_names.get(appointee.casefold())
            if not known and (appointee.casefold() in others
                              or slug(appointee) in set(others.values())):
                sys.exit(f"gen_cabinet.py: {appointee!r} names someone in a non-US part; "
                         f"give the secretary another name form in ALIASES")
            pid = known or slug(appointee)
            ids[appointee] = pid
            if not known:
                words = [w for w in appointee.split() if w not in SUFFIXES]
                aliases = [a for a in ALIASES.get(appointee, []) if a.casefold() not in others]
                people[pid] = {"id": pid, "name": appointee, "aliases": aliases,
                               "short": [words[-1]]}
        for start, end in ss:
            if start is None or end is None:
                sys.exit(f"gen_cabinet.py: {appointee} / {oid}: unpaired tenure {start}..{end}")
            terms.append({"person": ids[appointee], "office": oid, "start": start,
                          "end": end if end <= as_of else None, "source": SOURCE["id"]})
    by_office = {}
    for t in terms:
        by_office.setdefault(t["office"], []).append(t)
    for oid, ts in by_office.items():
        ts.sort(key=lambda t: t["start"])
        for a, b in zip(ts, ts[1:]):
            if b["start"] < a["end"]:
                offices[oid]["single_holder"] = False
                print(f"gen_cabinet.py: {oid}: {a['person']} to {a['end']} overlaps "
                      f"{b['person']} from {b['start']}: not single-holder", file=sys.stderr)
    terms.sort(key=lambda t: (t["office"], t["start"], t["person"]))
    return (sorted(people.values(), key=lambda p: p["id"]),
            [offices[k] for k in sorted(offices)], terms, skipped)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("FACTLINT_CABINET_DATA"))
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    src = os.path.join(args.data, "cabinet-turnover.csv") if args.data else None
    if not src or not os.path.exists(src):
        print(f"gen_cabinet.py: cabinet-turnover.csv not given (--data); "
              f"{os.path.relpath(args.out, ROOT)} left unchanged")
        return 0
    import json
    with open(os.path.join(ROOT, "kb", "src", "meta.json"), encoding="utf-8") as f:
        as_of = json.load(f)["as_of"]
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    others = other_kb_names(args.out)
    us_names = other_kb_names(args.out, only={"us.json", "us-congress.json"})
    people, offices, terms, skipped = generate(rows, as_of, others, us_names)
    part = {"sources": [SOURCE], "people": people, "offices": offices, "terms": terms}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(part))
    print(f"gen_cabinet.py: {len(people)} new people, {len(offices)} offices, {len(terms)} "
          f"terms -> {os.path.relpath(args.out, ROOT)}; left out (still in office in Feb "
          f"2023, end unknown): {len(skipped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
