#!/usr/bin/env python3
"""Generate the president / vice-president part of kb/src/us.json.

Reads ../shared/data/us-executive/executive.json (unitedstates/congress-legislators
executive.yaml, CC0) when present, and rewrites in kb/src/us.json only what it owns:
the `us-executive` source, the people who held either office, the offices
us-president and us-vice-president, and their terms. Everything else in us.json
(the hand-curated cabinet: people, offices, terms, sources) is kept as it is.

Per person and office, consecutive terms (one ending the day the next starts) are
merged into one term. Presidential terms get `ordinal` (1st ... 47th: one number per
unbroken tenure, so Cleveland is 22nd and 24th, Trump 45th and 47th) once build.py knows
the field. A term whose scheduled end lies after as_of (kb/src/meta.json)
gets end null: the source records the constitutional end date, not an observed one.

Names: the KB wants the usual English name as `name`, other full forms as `aliases`
and the surname as `short`; the data only has first/middle/last/nickname. NAMES below
gives the common name (and hand-checked extra aliases) for each person, keyed by the
data's "first middle last suffix". Derived aliases (the legal full name; first +
middle initial + last) are added only when no other person in the KB claims them.

Usage: python3 scripts/kb/gen_us.py [--data DIR] [--out FILE]
"""

import argparse
import datetime
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("FACTLINT_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_DATA = os.path.join(SHARED, "data", "us-executive")

SOURCE = {"id": "us-executive", "name": "unitedstates/congress-legislators executive.yaml",
          "url": "https://github.com/unitedstates/congress-legislators", "license": "CC0-1.0"}

OFFICES = [
    {"id": "us-president", "name": "President of the United States",
     "titles": ["President"],
     "jurisdiction": ["U.S.", "US", "United States", "American", "America"],
     "single_holder": True, "role": "head_of_state"},
    {"id": "us-vice-president", "name": "Vice President of the United States",
     "titles": ["Vice President", "Vice-President", "VP"],
     "jurisdiction": ["U.S.", "US", "United States", "American", "America"],
     "single_holder": True, "role": "deputy"},
]
# Term ordinals are written once scripts/kb/build.py knows the field.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402
ORDINALS = "ordinal" in build.SPEC["terms"]

OFFICE_OF_TYPE = {"prez": "us-president", "viceprez": "us-vice-president"}

# key (data "first middle last suffix") -> (common name, extra aliases, short forms or None
# for the data's last name). Extra aliases are full name forms news uses.
NAMES = {
    "John Quincy Adams": ("John Quincy Adams", [], None),
    "Aaron Burr Jr.": ("Aaron Burr", [], None),
    "Daniel D. Tompkins": ("Daniel D. Tompkins", ["Daniel Tompkins"], None),
    "John Caldwell Calhoun": ("John C. Calhoun", ["John Calhoun"], None),
    "Richard Mentor Johnson": ("Richard Mentor Johnson", ["Richard M. Johnson"], None),
    "Martin Van Buren": ("Martin Van Buren", [], ["Van Buren"]),
    "William Henry Harrison": ("William Henry Harrison", [], None),
    "George Mifflin Dallas": ("George M. Dallas", ["George Dallas"], None),
    "James Knox Polk": ("James K. Polk", ["James Polk"], None),
    "William Rufus de Vane King": ("William R. King", ["William King"], None),
    "John Cabell Breckinridge": ("John C. Breckinridge", ["John Breckinridge"], None),
    "Ulysses Simpson Grant": ("Ulysses S. Grant", ["Ulysses Grant"], None),
    "William Almon Wheeler": ("William A. Wheeler", ["William Wheeler"], None),
    "Rutherford Birchard Hayes": ("Rutherford B. Hayes", ["Rutherford Hayes"], None),
    "James Abram Garfield": ("James A. Garfield", ["James Garfield"], None),
    "Chester Alan Arthur": ("Chester A. Arthur", ["Chester Arthur"], None),
    "Thomas Andrews Hendricks": ("Thomas A. Hendricks", ["Thomas Hendricks"], None),
    "Levi Parsons Morton": ("Levi P. Morton", ["Levi Morton"], None),
    "Adlai Ewing Stevenson": ("Adlai Stevenson I", ["Adlai E. Stevenson"], None),
    "Garret Augustus Hobart": ("Garret Hobart", ["Garret A. Hobart"], None),
    "William McKinley Jr.": ("William McKinley", [], None),
    "Charles Warren Fairbanks": ("Charles W. Fairbanks", ["Charles Fairbanks"], None),
    "James Schoolcraft Sherman": ("James S. Sherman", ["James Sherman"], None),
    "William Howard Taft": ("William Howard Taft", [], None),
    "Thomas Riley Marshall": ("Thomas R. Marshall", ["Thomas Marshall"], None),
    "Warren Gamaliel Harding": ("Warren G. Harding", ["Warren Harding"], None),
    "Charles Gates Dawes": ("Charles G. Dawes", ["Charles Dawes"], None),
    "Herbert Clark Hoover": ("Herbert Hoover", [], None),
    "John Nance Garner": ("John Nance Garner", ["John Garner"], None),
    "Henry Agard Wallace": ("Henry A. Wallace", ["Henry Wallace"], None),
    "Franklin Delano Roosevelt": ("Franklin D. Roosevelt", ["Franklin Roosevelt", "FDR"], None),
    "Alben William Barkley": ("Alben W. Barkley", ["Alben Barkley"], None),
    "Harry S. Truman": ("Harry S. Truman", ["Harry Truman"], None),
    "Dwight David Eisenhower": ("Dwight D. Eisenhower", ["Dwight Eisenhower"], None),
    "John Fitzgerald Kennedy": ("John F. Kennedy", ["JFK"], None),
    "Hubert Horatio Humphrey Jr.": ("Hubert Humphrey", ["Hubert H. Humphrey"], None),
    "Lyndon Baines Johnson": ("Lyndon B. Johnson", ["Lyndon Johnson", "LBJ"], None),
    "Spiro Theodore Agnew": ("Spiro Agnew", ["Spiro T. Agnew"], None),
    "Richard Milhous Nixon": ("Richard Nixon", ["Richard M. Nixon"], None),
    "Gerald Rudolph Ford Jr.": ("Gerald Ford", ["Gerald R. Ford"], None),
    "Nelson Aldrich Rockefeller": ("Nelson Rockefeller", ["Nelson A. Rockefeller"], None),
    "Walter Frederick Mondale": ("Walter Mondale", ["Walter F. Mondale"], None),
    "James Earl Carter": ("Jimmy Carter", ["James Earl Carter Jr.", "James E. Carter"], None),
    "Ronald Wilson Reagan": ("Ronald Reagan", ["Ronald W. Reagan"], None),
    "James Danforth Quayle": ("Dan Quayle", ["J. Danforth Quayle"], None),
    "George Herbert Walker Bush": ("George H. W. Bush", ["George H.W. Bush", "George Bush Sr."],
                                   None),
    "Albert Arnold Gore Jr.": ("Al Gore", ["Albert Gore Jr.", "Al Gore Jr."], None),
    "William Jefferson Clinton": ("Bill Clinton", ["William J. Clinton"], None),
    "Richard Bruce Cheney": ("Dick Cheney", ["Richard B. Cheney", "Richard Cheney"], None),
    "George Walker Bush": ("George W. Bush", ["George Bush Jr."], None),
    "Joseph Robinette Biden Jr.": ("Joe Biden", ["Joseph R. Biden", "Joseph R. Biden Jr.",
                                                 "Joseph Biden"], None),
    "Barack Hussein Obama": ("Barack Obama", ["Barack H. Obama"], None),
    "Mike Pence": ("Mike Pence", ["Michael Pence", "Michael R. Pence", "Michael Richard Pence"],
                   None),
    "Donald J. Trump": ("Donald Trump", ["Donald J. Trump", "Donald John Trump"], None),
    "Kamala D. Harris": ("Kamala Harris", ["Kamala D. Harris", "Kamala Devi Harris"], None),
    "James David Vance": ("JD Vance", ["J.D. Vance", "J. D. Vance", "James David Vance"], None),
}


def slug(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[.'’]", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def data_key(n):
    return " ".join(x for x in (n.get("first"), n.get("middle"), n.get("last"), n.get("suffix"))
                    if x)


# Death dates of presidents and vice presidents (the data set has none): id -> (date, page that states the birth and the death
# dates). A person listed here takes the page as the source of born and died; the birthday is
# still the data set's (the page states the same day). Checked against lists of presidents by
# date of death and obituaries (see kb/SOURCES.md); a president not listed is alive or not checked.
WIKI = "https://en.wikipedia.org/wiki/"
DIED = {
    "george-washington": ("1799-12-14", "George_Washington"),
    "john-adams": ("1826-07-04", "John_Adams"),
    "thomas-jefferson": ("1826-07-04", "Thomas_Jefferson"),
    "james-madison": ("1836-06-28", "James_Madison"),
    "james-monroe": ("1831-07-04", "James_Monroe"),
    "john-quincy-adams": ("1848-02-23", "John_Quincy_Adams"),
    "andrew-jackson": ("1845-06-08", "Andrew_Jackson"),
    "martin-van-buren": ("1862-07-24", "Martin_Van_Buren"),
    "william-henry-harrison": ("1841-04-04", "William_Henry_Harrison"),
    "john-tyler": ("1862-01-18", "John_Tyler"),
    "james-k-polk": ("1849-06-15", "James_K._Polk"),
    "zachary-taylor": ("1850-07-09", "Zachary_Taylor"),
    "millard-fillmore": ("1874-03-08", "Millard_Fillmore"),
    "abraham-lincoln": ("1865-04-15", "Abraham_Lincoln"),
    "andrew-johnson": ("1875-07-31", "Andrew_Johnson"),
    "ulysses-s-grant": ("1885-07-23", "Ulysses_S._Grant"),
    "james-a-garfield": ("1881-09-19", "James_A._Garfield"),
    "benjamin-harrison": ("1901-03-13", "Benjamin_Harrison"),
    "william-mckinley": ("1901-09-14", "William_McKinley"),
    "william-howard-taft": ("1930-03-08", "William_Howard_Taft"),
    "warren-g-harding": ("1923-08-02", "Warren_G._Harding"),
    "herbert-hoover": ("1964-10-20", "Herbert_Hoover"),
    "franklin-d-roosevelt": ("1945-04-12", "Franklin_D._Roosevelt"),
    "harry-s-truman": ("1972-12-26", "Harry_S._Truman"),
    "dwight-d-eisenhower": ("1969-03-28", "Dwight_D._Eisenhower"),
    "john-f-kennedy": ("1963-11-22", "John_F._Kennedy"),
    "lyndon-b-johnson": ("1973-01-22", "Lyndon_B._Johnson"),
    "richard-nixon": ("1994-04-22", "Richard_Nixon"),
    "gerald-ford": ("2006-12-26", "Gerald_Ford"),
    "jimmy-carter": ("2024-12-29", "Jimmy_Carter"),
    "ronald-reagan": ("2004-06-05", "Ronald_Reagan"),
    "george-h-w-bush": ("2018-11-30", "George_H._W._Bush"),
    # Vice presidents
    "walter-mondale": ("2021-04-19", "Walter_Mondale"),
    "dick-cheney": ("2025-11-03", "Dick_Cheney"),
    # Vice presidents who did not become president (issue #13, kb-deaths: each death checked
    # with the project's search tool against a copy of the article and a second page; see
    # kb/SOURCES.md, "Deaths")
    "george-clinton": ("1812-04-20", "George_Clinton_(vice_president)"),
    "elbridge-gerry": ("1814-11-23", "Elbridge_Gerry"),
    "daniel-d-tompkins": ("1825-06-11", "Daniel_D._Tompkins"),
    "aaron-burr": ("1836-09-14", "Aaron_Burr"),
    "john-c-calhoun": ("1850-03-31", "John_C._Calhoun"),
    "richard-mentor-johnson": ("1850-11-19", "Richard_Mentor_Johnson"),
    "william-r-king": ("1853-04-18", "William_R._King"),
    "george-m-dallas": ("1864-12-31", "George_M._Dallas"),
    "john-c-breckinridge": ("1875-05-17", "John_C._Breckinridge"),
    "henry-wilson": ("1875-11-22", "Henry_Wilson"),
    "schuyler-colfax": ("1885-01-13", "Schuyler_Colfax"),
    "thomas-a-hendricks": ("1885-11-25", "Thomas_A._Hendricks"),
    "william-a-wheeler": ("1887-06-04", "William_A._Wheeler"),
    "hannibal-hamlin": ("1891-07-04", "Hannibal_Hamlin"),
    "garret-hobart": ("1899-11-21", "Garret_Hobart"),
    "james-s-sherman": ("1912-10-30", "James_S._Sherman"),
    "adlai-stevenson-i": ("1914-06-14", "Adlai_Stevenson_I"),
    "charles-w-fairbanks": ("1918-06-04", "Charles_W._Fairbanks"),
    "levi-p-morton": ("1920-05-16", "Levi_P._Morton"),
    "thomas-r-marshall": ("1925-06-01", "Thomas_R._Marshall"),
    "charles-curtis": ("1936-02-08", "Charles_Curtis"),
    "charles-g-dawes": ("1951-04-23", "Charles_G._Dawes"),
    "john-nance-garner": ("1967-11-07", "John_Nance_Garner"),
}


def person_of(entry, used_ids):
    n = entry["name"]
    key = data_key(n)
    common, extra, short = NAMES.get(key, (f"{n['first']} {n['last']}", [], None))
    pid = slug(common)
    if pid in used_ids:
        sys.exit(f"gen_us.py: two people would get id {pid!r}; add them to NAMES")
    used_ids.add(pid)
    derived = [key]
    if n.get("middle") and " " not in n["middle"]:
        derived.append(f"{n['first']} {n['middle'][0]}. {n['last']}")
    if n.get("official_full"):
        derived.append(n["official_full"])
    person = {"id": pid, "name": common, "aliases": [], "short": short or [n["last"]]}
    if entry.get("bio", {}).get("birthday"):
        person["born"] = entry["bio"]["birthday"]
        person["source"] = "us-executive"  # the data set states the birthday
    if pid in DIED:
        person["died"] = DIED[pid][0]
        person["source"] = "wikipedia-biographies"
        person["ref"] = WIKI + DIED[pid][1]
    return person, extra, derived


def merge_terms(terms):
    """Consecutive terms of one person in one office become one term."""
    out = []
    for t in sorted(terms, key=lambda t: t["start"]):
        if out and out[-1]["end"] == t["start"]:
            out[-1]["end"] = t["end"]
        else:
            out.append(dict(t))
    return out


def generate(entries, as_of, other_names):
    people, terms, extra_of, derived_of = [], [], {}, {}
    used_ids = set()
    for entry in entries:
        person, extra, derived = person_of(entry, used_ids)
        people.append(person)
        extra_of[person["id"]], derived_of[person["id"]] = extra, derived
        by_office = {}
        for t in entry["terms"]:
            by_office.setdefault(OFFICE_OF_TYPE[t["type"]], []).append(
                {"start": t["start"], "end": t["end"]})
        for office, ts in by_office.items():
            for t in merge_terms(ts):
                end = t["end"] if t["end"] and t["end"] <= as_of else None
                terms.append({"person": person["id"], "office": office, "start": t["start"],
                              "end": end, "source": SOURCE["id"]})
    if ORDINALS:
        # The presidents' numbering counts each unbroken tenure: Grover Cleveland is the
        # 22nd and 24th, Donald Trump the 45th and 47th (as whitehouse.gov lists them).
        prez = sorted((t for t in terms if t["office"] == "us-president"),
                      key=lambda t: t["start"])
        for i, t in enumerate(prez, 1):
            t["ordinal"] = i
    # Aliases: curated extras always; derived forms only when nobody else claims them.
    claims = {}
    for person in people:
        forms = [person["name"]] + extra_of[person["id"]] + derived_of[person["id"]]
        for form in dict.fromkeys(f.casefold() for f in forms):
            claims.setdefault(form, set()).add(person["id"])
    for person in people:
        seen = {person["name"].casefold()}
        for form in extra_of[person["id"]] + derived_of[person["id"]]:
            f = form.casefold()
            if f in seen:
                continue
            seen.add(f)
            if form in extra_of[person["id"]] or (claims[f] == {person["id"]}
                                                  and f not in other_names):
                person["aliases"].append(form)
    return people, terms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=os.path.join(ROOT, "kb", "src", "us.json"))
    args = ap.parse_args()
    src = os.path.join(args.data, "executive.json")
    if not os.path.exists(src):
        print(f"gen_us.py: {src} not found; kb/src/us.json left unchanged")
        return 0
    with open(os.path.join(ROOT, "kb", "src", "meta.json"), encoding="utf-8") as f:
        as_of = json.load(f)["as_of"]
    datetime.date.fromisoformat(as_of)
    with open(src, encoding="utf-8") as f:
        entries = json.load(f)

    part = {"sources": [], "people": [], "offices": [], "terms": []}
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            part = json.load(f)
    # Drop what this script owns, keep the hand-curated rest.
    owned_people = set()
    for t in part.get("terms", []):
        if t.get("source") == SOURCE["id"]:
            owned_people.add(t["person"])
    hand_people = [p for p in part.get("people", []) if p["id"] not in owned_people]
    other_names = {f.casefold() for p in hand_people for f in [p["name"]] + p["aliases"]}
    people, terms = generate(entries, as_of, other_names)
    gen_ids = {p["id"] for p in people}
    hand_people = [p for p in hand_people if p["id"] not in gen_ids]
    owned_offices = {o["id"] for o in OFFICES}

    out = {
        "sources": [SOURCE] + [s for s in part.get("sources", []) if s["id"] != SOURCE["id"]],
        "people": sorted(people + hand_people, key=lambda p: p["id"]),
        "offices": OFFICES + [o for o in part.get("offices", []) if o["id"] not in owned_offices],
        "terms": terms + [t for t in part.get("terms", []) if t.get("source") != SOURCE["id"]],
    }
    # A hand-curated person who is also a president/VP (e.g. Cheney as Defense Secretary)
    # is one person: the generated record wins, the hand record's extra aliases are kept.
    for p in part.get("people", []):
        if p["id"] in gen_ids and p["id"] not in owned_people:
            g = next(x for x in out["people"] if x["id"] == p["id"])
            for a in p["aliases"]:
                if a not in g["aliases"] and a != g["name"]:
                    g["aliases"].append(a)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(out))
    print(f"gen_us.py: {len(people)} people, {len(terms)} president/VP terms -> "
          f"{os.path.relpath(args.out, ROOT)}")
    return 0


def dump_part(part):
    """One object per line, like kb/world.json."""
    chunks = []
    for key, items in part.items():
        body = ",\n".join(json.dumps(x, ensure_ascii=False) for x in items)
        chunks.append(f'"{key}": [\n{body}\n]')
    return "{\n" + ",\n".join(chunks) + "\n}\n"


if __name__ == "__main__":
    sys.exit(main())
