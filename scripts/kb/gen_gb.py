#!/usr/bin/env python3
"""Generate kb/src/gb.json: every UK minister in the IfG Ministers Database (May 1979 to
the data's end, CC BY 4.0), every post as an office, plus the monarchs since 1952.

Reads ../shared/data/uk-ministers-ifg/uk_ministers_appointments_flat.csv (and
original/appointment_characteristics.csv for acting appointments) when present; otherwise
leaves kb/src/gb.json as it is. The whole file is generated: hand-written facts live in
the tables below (POST_TO_OFFICE, NEWS_TITLES, COMMON_NAME, EXTRA_ALIASES, MONARCHS).

Offices: one per post name, id gb-<slug of the post> ("gb-secretary-of-state-for-defence");
the generic names "Minister of State", "Parliamentary Under-Secretary of State" and
"Parliamentary Secretary" get one office per department ("gb-minister-of-state-ho",
"Minister of State, Home Office"). The Prime Minister, Chancellor, Foreign Secretary (FCO
and FCDO as one office) and Home Secretary keep their ids. Titles: the post's name plus the
forms news uses (NEWS_TITLES: "Defence Secretary", "Health Secretary" ...). An office is
single_holder unless two people's terms in it overlap in the data (junior posts, and a few
cabinet posts whose data has a handover overlap of days or an acting cover).

Terms: per person and office, appointments that meet or overlap (joint posts in two
departments) are one term; an appointment the data marks acting for its whole span is a
separate term with "acting": true. A term still open in the data gets end null and seen_until the
data's date (its commit in PROVENANCE.md): a change after it is not known, and no claim of a later
time is judged against the term (kb/FORMAT.md; see kb/SOURCES.md).
Rows whose end precedes their start (two in the 2026-06-19 data) are left out.

Names: the latest name the person held office under that is not a peerage (David
Cameron, not Lord Cameron of Chipping Norton; Suella Braverman, not Suella Fernandes), else
a plain name from the data's name variants, else the peerage ("Baroness Amos"); the other
name variants become aliases, EXTRA_ALIASES adds a few full-name forms. An alias claimed by
two people, or by a person in another part file, is dropped.

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
from gen_congress import other_kb_names  # noqa: E402
import build  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("FACTLINT_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_DATA = os.path.join(SHARED, "data", "uk-ministers-ifg")

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
# Posts whose data names differ but which are one office (the FCO became the FCDO on
# 2020-09-02; news and the KB treat it as one Foreign Secretary).
POST_TO_OFFICE = {
    "Prime Minister": "gb-prime-minister",
    "Chancellor of the Exchequer": "gb-chancellor-of-the-exchequer",
    "Secretary of State for Foreign and Commonwealth Affairs": "gb-foreign-secretary",
    "Secretary of State for Foreign, Commonwealth and Development Affairs":
        "gb-foreign-secretary",
    "Secretary of State for the Home Department": "gb-home-secretary",
}
# Post names the data uses in several departments for different posts: one office per
# department ("Minister of State, Home Office").
GENERIC_POSTS = {"Minister of State", "Parliamentary Under-Secretary of State",
                 "Parliamentary Secretary"}
# Titles news uses before a name, besides the post's own name (hand-written; a title may
# name several offices, the checker picks the one the person held).
NEWS_TITLES = {
    "Secretary of State for Defence": ["Defence Secretary"],
    "Secretary of State for Health": ["Health Secretary"],
    "Secretary of State for Health and Social Care": ["Health Secretary"],
    "Secretary of State for Education": ["Education Secretary"],
    "Secretary of State for Education and Science": ["Education Secretary"],
    "Secretary of State for Education and Employment": ["Education Secretary"],
    "Secretary of State for Education and Skills": ["Education Secretary"],
    "Secretary of State for Children, Schools and Families": ["Schools Secretary"],
    "Secretary of State for Transport": ["Transport Secretary"],
    "Secretary of State for Transport, Local Government and the Regions":
        ["Transport Secretary"],
    "Secretary of State for Work and Pensions": ["Work and Pensions Secretary"],
    "Secretary of State for Social Security": ["Social Security Secretary"],
    "Secretary of State for Employment": ["Employment Secretary"],
    "Secretary of State for Northern Ireland": ["Northern Ireland Secretary"],
    "Secretary of State for Scotland": ["Scottish Secretary", "Scotland Secretary"],
    "Secretary of State for Wales": ["Welsh Secretary", "Wales Secretary"],
    "Secretary of State for Environment, Food and Rural Affairs": ["Environment Secretary"],
    "Secretary of State for the Environment": ["Environment Secretary"],
    "Secretary of State for the Environment, Transport and the Regions":
        ["Environment Secretary"],
    "Secretary of State for Culture, Media and Sport": ["Culture Secretary"],
    "Secretary of State for Culture, Olympics, Media and Sport": ["Culture Secretary"],
    "Secretary of State for Digital, Culture, Media and Sport": ["Culture Secretary"],
    "Secretary of State for National Heritage": ["National Heritage Secretary"],
    "Secretary of State for Trade and Industry": ["Trade and Industry Secretary",
                                                  "Trade Secretary"],
    "Secretary of State for Trade": ["Trade Secretary"],
    "Secretary of State for Industry": ["Industry Secretary"],
    "Secretary of State for Business, Enterprise and Regulatory Reform":
        ["Business Secretary"],
    "Secretary of State for Business, Innovation and Skills": ["Business Secretary"],
    "Secretary of State for Business, Energy and Industrial Strategy": ["Business Secretary"],
    "Secretary of State for Business and Trade": ["Business Secretary",
                                                  "Business and Trade Secretary"],
    "Secretary of State for International Trade": ["International Trade Secretary",
                                                   "Trade Secretary"],
    "Secretary of State for Energy": ["Energy Secretary"],
    "Secretary of State for Energy and Climate Change": ["Energy Secretary"],
    "Secretary of State for Energy Security and Net Zero": ["Energy Secretary"],
    "Secretary of State for International Development": ["International Development Secretary"],
    "Secretary of State for Justice and Lord Chancellor": ["Justice Secretary",
                                                           "Lord Chancellor"],
    "Secretary of State for Constitutional Affairs and Lord Chancellor":
        ["Constitutional Affairs Secretary", "Lord Chancellor"],
    "Secretary of State for Communities and Local Government": ["Communities Secretary"],
    "Secretary of State for Housing, Communities and Local Government":
        ["Housing Secretary", "Communities Secretary"],
    "Secretary of State for Levelling Up, Housing and Communities":
        ["Levelling Up Secretary", "Housing Secretary"],
    "Secretary of State for Exiting the European Union": ["Brexit Secretary"],
    "Secretary of State for Science, Innovation and Technology": ["Science Secretary",
                                                                  "Technology Secretary"],
    "Chief Whip and Parliamentary Secretary to the Treasury": ["Chief Whip"],
    "Leader of the House of Commons": ["Leader of the House", "Commons Leader"],
    "Leader of the House of Lords": ["Leader of the Lords"],
    "Minister for Europe": ["Europe Minister"],
}
ROLE = {"PM": "head_of_government", "DPM": "deputy"}

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


PEERAGE = re.compile(r"^(Lord|Baroness|Lady|Viscount|Viscountess|Earl|Countess|Marquess|Duke)\b")


def office_key(r):
    """(office id, office name, post name) of an appointment row."""
    post = r["post"]
    if post in POST_TO_OFFICE:
        return POST_TO_OFFICE[post], None, post
    if post in GENERIC_POSTS:
        return (f"gb-{slug(post)}-{slug(r['organisation_short'])}",
                f"{post}, {r['organisation']}", post)
    return f"gb-{slug(post)}", post, post


def union_spans(spans):
    """Appointments of one person to one office that meet or overlap (a joint post in two
    departments) become one term; an open end (None) absorbs everything after it."""
    out = []
    for start, end in sorted(spans, key=lambda x: x[0]):
        if out and (out[-1][1] is None or start <= out[-1][1]):
            if out[-1][1] is not None and (end is None or end > out[-1][1]):
                out[-1][1] = end
        else:
            out.append([start, end])
    return out


def data_date(data_dir):
    """The date of the data set's commit, from its PROVENANCE.md ("Commit: `…` (2026-06-19, …"):
    the last day its open appointments are known to run. None when the file does not say."""
    path = os.path.join(data_dir, "PROVENANCE.md")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        m = re.search(r"Commit: `[0-9a-f]+` \((\d{4}-\d{2}-\d{2})", f.read())
    return m.group(1) if m else None


def generate(rows, as_of, others=None, acting=frozenset(), seen_until=None):
    """rows: the flat file; others: casefolded names/aliases of people in other parts;
    acting: appointment ids the data marks acting (is_acting) for their whole span."""
    others = others or {}
    rows = sorted(rows, key=lambda r: (r["start_date"], r["appointment_id"]))
    persons, appts, offices = {}, {}, {o["id"]: o for o in OFFICES}
    names_of = {}  # person -> names at their appointments, oldest first
    short_of = {}  # (person, name) -> the data's short name with that name
    fixed = {o["id"] for o in OFFICES}
    for r in rows:
        if r["end_date"] and r["end_date"] < r["start_date"]:
            # Two rows of the 2026-06-19 data end before they start (Murray, Rigby at the
            # Treasury, ending "2025-05-14"): left out, the KB is silent on them.
            print(f"gen_gb.py: skipped {r['name']} / {r['post']}: end {r['end_date']} before "
                  f"start {r['start_date']} in the data", file=sys.stderr)
            continue
        oid, oname, post = office_key(r)
        if oid not in offices:
            titles = [post] + [t for t in NEWS_TITLES.get(post, []) if t != post]
            offices[oid] = {"id": oid, "name": oname, "titles": titles, "jurisdiction": UK,
                            "single_holder": True,
                            "role": ROLE.get(r["rank_equivalence"], "minister")}
        elif oid not in fixed:
            for t in [post] + NEWS_TITLES.get(post, []):
                if t not in offices[oid]["titles"]:
                    offices[oid]["titles"].append(t)
        pid_data = r["person_id"]
        names_of.setdefault(pid_data, [])
        if r["name"] not in names_of[pid_data]:
            names_of[pid_data].append(r["name"])
            short_of[(pid_data, r["name"])] = r["short_name"]
        if pid_data not in persons:
            variants = [v.strip() for v in r["name_variants"].split("|") if v.strip()]
            persons[pid_data] = {"short": r["short_name"], "variants": variants}
        key = (pid_data, oid, r["appointment_id"] in acting)
        appts.setdefault(key, []).append((r["start_date"], r["end_date"] or None))

    # The name: the latest the person held office under that is not a peerage ("Suella
    # Braverman", not "Suella Fernandes"; "David Howell", not "Lord Howell of Guildford"),
    # else the first; COMMON_NAME overrides.
    for pid_data, p in persons.items():
        plain = [n for n in names_of[pid_data] if not PEERAGE.match(n)]
        other = [v for v in p["variants"] if not PEERAGE.match(v)]
        name = plain[-1] if plain else other[-1] if other else names_of[pid_data][0]
        p["short"] = short_of.get((pid_data, name)) or name.split()[-1]
        p["shorts"] = list(dict.fromkeys([p["short"]] + [short_of[(pid_data, n)]
                                                          for n in names_of[pid_data]]))
        name, extra = COMMON_NAME.get(name, (name, []))
        p["name"] = name
        p["aliases"] = extra + p.pop("variants") + EXTRA_ALIASES.get(name, [])
    people, ids = [], {}
    for pid_data, p in persons.items():
        pid = slug(p["name"])
        if pid in ids.values():
            sys.exit(f"gen_gb.py: two people would get id {pid!r}")
        # The same name and id in a hand-written part is the same person (George Robertson,
        # NATO Secretary General); the same name under another id is a clash.
        if p["name"].casefold() in others and others[p["name"].casefold()] != pid:
            sys.exit(f"gen_gb.py: {p['name']!r} is {others[p['name'].casefold()]!r} in "
                     f"another part; add the minister to COMMON_NAME")
        ids[pid_data] = pid
        aliases = []
        for a in p["aliases"]:
            if a != p["name"] and a not in aliases:
                aliases.append(a)
        people.append({"id": pid, "name": p["name"], "aliases": aliases, "short": p["shorts"]})
    # Drop any alias two people claim, or that names someone in another part.
    claims = {}
    for person in people:
        for f in {x.casefold() for x in [person["name"]] + person["aliases"]}:
            claims[f] = claims.get(f, 0) + 1
    for person in people:
        person["aliases"] = [a for a in person["aliases"] if claims[a.casefold()] == 1
                             and others.get(a.casefold(), person["id"]) == person["id"]]

    terms = []
    for (pid_data, office, is_acting), spans in appts.items():
        for start, end in union_spans(spans):
            if end is not None and end > as_of:
                end = None
            t = {"person": ids[pid_data], "office": office, "start": start, "end": end,
                 "source": IFG["id"]}
            if is_acting:
                t["acting"] = True
            if end is None and seen_until:
                # The data shows the holder in office on its own date and knows nothing after
                # it (kb/FORMAT.md seen_until): a reshuffle since is not in the KB.
                t["seen_until"] = seen_until
            terms.append(t)
    # An office is single-holder when no two people's terms in it overlap in the data; once
    # the build allows it (acting terms may overlap a full one), an acting cover does not count.
    acting_may_overlap = "party" in build.SPEC["terms"]  # the same schema change
    by_office = {}
    for t in terms:
        by_office.setdefault((t["office"], acting_may_overlap and bool(t.get("acting"))),
                             []).append(t)
    for (oid, _), ts in by_office.items():
        ts = sorted(ts, key=lambda t: t["start"])
        for a, b in zip(ts, ts[1:]):
            if a["end"] is None or b["start"] < a["end"]:
                offices[oid]["single_holder"] = False
                break
    for person, term in MONARCHS:
        people.append(person)
        terms.append({"person": person["id"], "office": "gb-monarch", "start": term["start"],
                      "end": term["end"], "source": ROYAL["id"], "ref": term["ref"]})
    people.sort(key=lambda p: p["id"])
    terms.sort(key=lambda t: (t["office"], t["start"], t["person"]))
    return people, [offices[k] for k in sorted(offices)], terms


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
    acting = set()
    chars = os.path.join(args.data, "original", "appointment_characteristics.csv")
    if os.path.exists(chars):
        with open(chars, encoding="utf-8", newline="") as f:
            by_appt = {}
            for c in csv.DictReader(f):
                by_appt.setdefault(c["appointment_id"], []).append(c["is_acting"] == "True")
        acting = {a for a, flags in by_appt.items() if all(flags)}
    people, offices, terms = generate(rows, as_of, other_kb_names(args.out), acting, data_date(args.data))
    part = {"sources": [IFG, ROYAL], "people": people, "offices": offices, "terms": terms}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(part))
    print(f"gen_gb.py: {len(people)} people, {len(offices)} offices, {len(terms)} terms -> "
          f"{os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
