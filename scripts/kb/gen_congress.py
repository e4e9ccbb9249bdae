#!/usr/bin/env python3
"""Generate kb/src/us-congress.json: the members of the current U.S. Congress with every
term they served, and the party leaders among them.

Reads ../shared/data/us-congress/legislators-current.json (unitedstates/congress-legislators
legislators-current.yaml, CC0; see its PROVENANCE.md) when present; otherwise leaves the
output as it is. The whole file is generated; hand-checked facts live in the tables below
(NAMES, LEADERSHIP_EXTRA), each with the page that states it.

People: `name` is the member's Wikipedia article title from the data (`id.wikipedia`,
without its "(… politician)" disambiguation), the form news uses ("Dick Durbin", "Chuck
Schumer"); aliases are the data's official_full name, first [middle] last, first + middle
initial + last, nickname + last, with the suffix ("Jr."); for a member with a suffix the
forms without it are left out (they name the father: Thomas Kean, Robert Menendez). An alias
another person of the KB (or another member) claims is dropped. A member whose common name is another
person's in a part before this one (Chris Smith, the UK minister) is named by the data's
official_full name ("Christopher H. Smith"). `short` is the last name. `born`
is bio.birthday (every member has one).

Offices: us-senator, us-representative, us-house-delegate (the delegates of D.C. and the
territories and Puerto Rico's resident commissioner, who sit in the House but are not
Representatives), and the party leaders: Speaker, Senate and House majority/minority leaders
and whips (LEADER_OFFICES; other leadership_roles titles are not used).

Terms: per person and office, a term of the data is split where `party_affiliations`
records a party switch (the earlier part ends the day the next starts). Consecutive terms
(next start at most MERGE_GAP days after the previous end: a new Congress convenes a few
days after the old one ends on January 3) are merged when party, state and district are the
same; a change of any of them starts a new term, so party switches and redistricting stay
visible. A scheduled end after as_of (kb/src/meta.json) becomes null: the data records the
end of the seat's term, not an observed departure.

Parties are written as adjectives ("Democratic"; the data says "Democrat"). The extended
fields (terms' party, state, district) and the roles legislator /
legislative_leader are written only when scripts/kb/build.py knows them (its SPEC and ROLES),
so the output always passes the build in the same commit.

Usage: python3 scripts/kb/gen_congress.py [--data DIR] [--out FILE]
"""

import argparse
import datetime
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_us import dump_part  # noqa: E402
import build  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("FACTLINT_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_DATA = os.path.join(SHARED, "data", "us-congress")
OUT = os.path.join(ROOT, "kb", "src", "us-congress.json")

SOURCE = {"id": "us-congress",
          "name": "unitedstates/congress-legislators legislators-current.yaml (commit dfa9622)",
          "url": "https://github.com/unitedstates/congress-legislators", "license": "CC0-1.0"}
WIKI = {"id": "wikipedia-us-congress-leaders",
        "name": "Wikipedia articles on U.S. congressional leaders (infobox dates of office)",
        "url": "https://en.wikipedia.org/wiki/Party_leaders_of_the_United_States_House_of_Representatives",
        "license": "CC BY-SA 4.0 (facts only)"}

EXTENDED = "party" in build.SPEC["terms"]  # party/state/district on terms
ROLES = "legislator" in build.ROLES  # roles legislator / legislative_leader
MERGE_GAP = datetime.timedelta(days=7)
TERRITORIES = {"DC", "PR", "GU", "VI", "AS", "MP"}
US = ["U.S.", "US", "United States"]


def office(oid, name, titles, single, role):
    o = {"id": oid, "name": name, "titles": titles, "jurisdiction": US, "single_holder": single}
    if ROLES:
        o["role"] = role
    return o


OFFICES = [
    office("us-senator", "United States Senator", ["Senator", "Sen."], False, "legislator"),
    office("us-representative", "Member of the United States House of Representatives",
           ["Representative", "Rep.", "Congressman", "Congresswoman"], False, "legislator"),
    office("us-house-delegate",
           "Delegate or Resident Commissioner in the United States House of Representatives",
           ["Delegate", "Del.", "Resident Commissioner", "Congressman", "Congresswoman"], False,
           "legislator"),
    office("us-house-speaker", "Speaker of the United States House of Representatives",
           ["House Speaker", "Speaker of the House", "Speaker"], True, "legislative_leader"),
    office("us-senate-majority-leader", "Majority Leader of the United States Senate",
           ["Senate Majority Leader", "Majority Leader"], True, "legislative_leader"),
    office("us-senate-minority-leader", "Minority Leader of the United States Senate",
           ["Senate Minority Leader", "Minority Leader"], True, "legislative_leader"),
    office("us-house-majority-leader", "Majority Leader of the United States House of "
           "Representatives", ["House Majority Leader", "Majority Leader"], True,
           "legislative_leader"),
    office("us-house-minority-leader", "Minority Leader of the United States House of "
           "Representatives", ["House Minority Leader", "Minority Leader"], True,
           "legislative_leader"),
    office("us-senate-majority-whip", "Majority Whip of the United States Senate",
           ["Senate Majority Whip", "Majority Whip"], True, "legislative_leader"),
    office("us-senate-minority-whip", "Minority Whip of the United States Senate",
           ["Senate Minority Whip", "Minority Whip"], True, "legislative_leader"),
    office("us-house-majority-whip", "Majority Whip of the United States House of "
           "Representatives", ["House Majority Whip", "Majority Whip"], True,
           "legislative_leader"),
    office("us-house-minority-whip", "Minority Whip of the United States House of "
           "Representatives", ["House Minority Whip", "Minority Whip"], True,
           "legislative_leader"),
]
LEADER_OFFICES = {
    "Speaker of the House": "us-house-speaker",
    "Senate Majority Leader": "us-senate-majority-leader",
    "Senate Minority Leader": "us-senate-minority-leader",
    "House Majority Leader": "us-house-majority-leader",
    "House Minority Leader": "us-house-minority-leader",
    "Senate Majority Whip": "us-senate-majority-whip",
    "Senate Minority Whip": "us-senate-minority-whip",
    "House Majority Whip": "us-house-majority-whip",
    "House Minority Whip": "us-house-minority-whip",
}

# Common names where the data's Wikipedia title is not the form news uses (bioguide -> name).
NAMES = {}

# Leadership terms of current members that legislators-current.yaml does not record
# (its leadership_roles start in the 2000s and miss some spells). Each from the official
# list named by its source. bioguide -> [(office, start, end, source id, ref)].
W = WIKI["id"]
LEADERSHIP_EXTRA = {
    "P000197": [  # Nancy Pelosi
        ("us-house-minority-whip", "2002-01-15", "2003-01-03", W,
         "https://en.wikipedia.org/wiki/Nancy_Pelosi (House Minority Whip 2002-01-15 - 2003-01-03)"),
        ("us-house-minority-leader", "2003-01-03", "2007-01-03", W,
         "https://en.wikipedia.org/wiki/Nancy_Pelosi (House Minority Leader 2003-01-03 - 2007-01-03)"),
        ("us-house-speaker", "2007-01-04", "2011-01-03", W,
         "https://en.wikipedia.org/wiki/Nancy_Pelosi (Speaker 2007-01-04 - 2011-01-03; "
         "Britannica: elected speaker on 2007-01-04)"),
    ],
    "H000874": [  # Steny Hoyer
        ("us-house-majority-leader", "2007-01-03", "2011-01-03", W,
         "https://en.wikipedia.org/wiki/Steny_Hoyer (House Majority Leader 2007-01-03 - 2011-01-03)"),
    ],
    "C000537": [  # Jim Clyburn
        ("us-house-majority-whip", "2007-01-03", "2011-01-03", W,
         "https://en.wikipedia.org/wiki/Jim_Clyburn (House Majority Whip 2007-01-03 - 2011-01-03)"),
    ],
    "M000355": [  # Mitch McConnell
        ("us-senate-majority-whip", "2003-01-03", "2007-01-03", W,
         "https://en.wikipedia.org/wiki/Mitch_McConnell (Senate Majority Whip 2003-01-03 - "
         "2007-01-03); senate.gov Party Whips: McConnell 2003-2007"),
    ],
    "T000250": [  # John Thune; the data calls 2019-2021 "Assistant Senate Majority Leader"
        ("us-senate-majority-whip", "2019-01-03", "2021-01-03", W,
         "https://en.wikipedia.org/wiki/John_Thune (Senate Majority Whip 2019-01-03 - "
         "2021-01-20; the data has 2021-01-03 - 2021-01-20)"),
    ],
}


def slug(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[.'’\"]", "", s)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def day(s):
    return datetime.date.fromisoformat(s)


def common_name(m):
    if m["id"]["bioguide"] in NAMES:
        return NAMES[m["id"]["bioguide"]]
    wiki = m["id"].get("wikipedia")
    if wiki:
        return re.sub(r"\s*\([^)]*\)$", "", wiki)
    n = m["name"]
    return f"{n.get('nickname') or n['first']} {n['last']}"


def name_forms(m):
    """Full-name forms of a member from the data's name parts."""
    n = m["name"]
    first, last, mid = n["first"], n["last"], n.get("middle")
    suffix = n.get("suffix")
    givens = [first] + ([n["nickname"]] if n.get("nickname") else [])
    forms = []
    if n.get("official_full"):
        forms.append(n["official_full"].replace('"', ""))
        forms.append(re.sub(r'\s*"[^"]*"', "", n["official_full"]))
    for g in givens:
        bases = [f"{g} {last}"]
        if mid:
            bases.append(f"{g} {mid} {last}")
            if not mid.endswith("."):
                bases.append(f"{g} {mid[0]}. {last}")
        for b in bases:
            forms.append(b)
            if suffix:
                forms.append(f"{b} {suffix}")
                forms.append(f"{b}, {suffix}")
    return [re.sub(r"\s+", " ", f).strip() for f in forms]


# The data's party nouns as the adjectives FORMAT.md and news use ("Democratic Sen. ...").
PARTY = {"Democrat": "Democratic"}


def member_terms(m):
    """The data's terms, split at party switches: dicts with office, start, end, party,
    state, district."""
    out = []
    for t in m["terms"]:
        if t["type"] == "sen":
            oid = "us-senator"
        elif t["state"] in TERRITORIES:
            oid = "us-house-delegate"
        else:
            oid = "us-representative"
        pieces = t.get("party_affiliations") or [{"start": t["start"], "end": t["end"],
                                                  "party": t["party"]}]
        pieces = sorted(pieces, key=lambda x: x["start"])
        for i, pa in enumerate(pieces):
            end = pieces[i + 1]["start"] if i + 1 < len(pieces) else t["end"]
            x = {"office": oid, "start": pa["start"], "end": end,
                 "party": PARTY.get(pa["party"], pa["party"]),
                 "state": t["state"]}
            if oid != "us-senator":
                x["district"] = t["district"]
            out.append(x)
    return out


def merge(terms, keys):
    out = []
    for t in sorted(terms, key=lambda t: t["start"]):
        prev = out[-1] if out else None
        if (prev and prev["office"] == t["office"] and prev["end"] is not None
                and day(prev["end"]) <= day(t["start"]) <= day(prev["end"]) + MERGE_GAP
                and all(prev.get(k) == t.get(k) for k in keys)):
            prev["end"] = t["end"]
        else:
            out.append(dict(t))
    return out


# Generated parts yield to the parts before them in this order (their names, aliases and ids
# win; a later generator renames or drops its own clashing forms), so the generators do not
# depend on each other's last output: gb.json ignores the US parts, us-congress.json ignores
# us-cabinet.json.
YIELDS_TO_NONE_OF = {"gb.json": {"us-congress.json", "us-cabinet.json"},
                     "us-congress.json": {"us-cabinet.json"}}


def other_kb_names(out_path, only=None):
    """Names and aliases of people in the other part files (casefolded) -> person id; only
    the parts named in `only` when given."""
    names = {}
    skip = YIELDS_TO_NONE_OF.get(os.path.basename(out_path), set())
    for path in sorted(glob.glob(os.path.join(os.path.dirname(out_path), "*.json"))):
        if (os.path.abspath(path) == os.path.abspath(out_path) or path.endswith("meta.json")
                or os.path.basename(path) in skip
                or (only is not None and os.path.basename(path) not in only)):
            continue
        with open(path, encoding="utf-8") as f:
            part = json.load(f)
        for p in part.get("people", []):
            for form in [p["name"]] + p.get("aliases", []):
                names.setdefault(form.casefold(), p["id"])
    return names


def generate(members, as_of, others):
    people, terms = [], []
    ids = {}
    claims = {}
    forms_of = {}
    taken_ids = set(others.values())
    for m in members:
        name = common_name(m)
        if name.casefold() in others:  # another person of that name (Chris Smith, UK)
            name = (m["name"].get("official_full") or "").replace('"', "")
        if not name or name.casefold() in others:
            sys.exit(f"gen_congress.py: {common_name(m)!r} is already "
                     f"{others[common_name(m).casefold()]!r} in another part; add the member "
                     f"to NAMES")
        pid = slug(name)
        if pid in ids.values() or pid in taken_ids:
            pid = f"{pid}-{m['terms'][-1]['state'].lower()}"
        if pid in ids.values() or pid in taken_ids:
            sys.exit(f"gen_congress.py: two people would get id {pid!r}; add one to NAMES")
        ids[m["id"]["bioguide"]] = pid
        forms = [f for f in dict.fromkeys(name_forms(m)) if f.casefold() != name.casefold()]
        suffix = m["name"].get("suffix")
        if suffix:  # "Thomas Kean", "Robert Menendez" name the father: keep suffixed forms only
            forms = [f for f in forms if re.search(rf"\b{re.escape(suffix)}$", f)]
        forms_of[pid] = forms
        for f in {x.casefold() for x in [name] + forms}:
            claims.setdefault(f, set()).add(pid)
        person = {"id": pid, "name": name, "aliases": [], "short": [m["name"]["last"]],
                  "born": m["bio"]["birthday"]}
        people.append(person)

        keys = ("party", "state", "district")
        for t in merge(member_terms(m), keys):
            end = t["end"] if t["end"] <= as_of else None
            term = {"person": pid, "office": t["office"], "start": t["start"], "end": end,
                    "source": SOURCE["id"]}
            if EXTENDED:
                for k in keys:
                    if k in t:
                        term[k] = t[k]
            terms.append(term)
        lead = [{"office": LEADER_OFFICES[r["title"]], "start": r["start"],
                 "end": r.get("end")} for r in m.get("leadership_roles", [])
                if r["title"] in LEADER_OFFICES]
        for t in merge(lead, ()):
            end = t["end"] if t["end"] and t["end"] <= as_of else None
            terms.append({"person": pid, "office": t["office"], "start": t["start"],
                          "end": end, "source": SOURCE["id"]})
        for oid, start, end, src, ref in LEADERSHIP_EXTRA.get(m["id"]["bioguide"], []):
            terms.append({"person": pid, "office": oid, "start": start, "end": end,
                          "source": src, "ref": ref})
    for p in people:
        p["aliases"] = [f for f in forms_of[p["id"]]
                        if claims[f.casefold()] == {p["id"]} and f.casefold() not in others]
    people.sort(key=lambda p: p["id"])
    terms.sort(key=lambda t: (t["office"], t["start"], t["person"]))
    return people, terms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    src = os.path.join(args.data, "legislators-current.json")
    if not os.path.exists(src):
        print(f"gen_congress.py: {src} not found; {os.path.relpath(args.out, ROOT)} "
              f"left unchanged")
        return 0
    with open(os.path.join(ROOT, "kb", "src", "meta.json"), encoding="utf-8") as f:
        as_of = json.load(f)["as_of"]
    with open(src, encoding="utf-8") as f:
        members = json.load(f)
    people, terms = generate(members, as_of, other_kb_names(args.out))
    used = {t["source"] for t in terms}
    sources = [s for s in (SOURCE, WIKI) if s["id"] in used]
    part = {"sources": sources, "people": people, "offices": OFFICES, "terms": terms}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(part))
    print(f"gen_congress.py: {len(people)} people, {len(terms)} terms -> "
          f"{os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
