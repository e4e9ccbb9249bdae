#!/usr/bin/env python3
"""Generate kb/src/us-congress.json: the members of the U.S. Congress from 2012-09-27 on (the
current members and the former ones) with every term they served, and the party leaders among
them.

Sources, both from unitedstates/congress-legislators (CC0 1.0 / public domain; its LICENSE and
README "Public domain"), pinned to commit dfa9622 (2026-06-15):
- the current members: ../shared/data/us-congress/legislators-current.json (--data; that
  commit's legislators-current.yaml, see its PROVENANCE.md);
- the former members: the git history of legislators-current.yaml (--history: a git directory
  of a clone of the repository holding HISTORY_COMMIT; default $FACTLINT_CONGRESS_GIT, else
  <parent of ../shared>/.mirror/unitedstates+congress-legislators/repo). The repository's
  legislators-historical.yaml was not retrievable (the snapshot lists it but lacks its
  content), so a former member is the record of the last version of legislators-current.yaml
  (first-parent line) that holds them: every member who served on or after 2012-09-27 (the
  file's first commit), with all their terms back to their first. See former_members for the
  members left out (a mid-term departure whose end the history does not give) and FORMER_END
  for those brought back with a stated end. The data has birthdays (bio.birthday) but no death
  dates, so no `died` comes from here.
When either source is absent the output is left as it is (a clone without the data or the
clone keeps the committed file; `make kb` then only rebuilds kb/world.json). The whole file is
generated; hand-checked facts live in the tables below (NAMES, SAME_AS, LEADERSHIP_EXTRA,
FORMER_END), each with the page that states it.

People: `name` is the member's Wikipedia article title from the data (`id.wikipedia`,
without its "(… politician)" disambiguation), the form news uses ("Dick Durbin", "Chuck
Schumer"); aliases are the data's official_full name, first [middle] last, first + middle
initial + last, nickname + last, with the suffix ("Jr."); for a member with a suffix the
forms without it are left out (they name the father: Thomas Kean, Robert Menendez). An alias
another person of the KB (or another member) claims is dropped. A member whose common name is another
person's in a part before this one (Chris Smith, the UK minister) is named by the data's
official_full name ("Christopher H. Smith"); a common name two members share (two Mike
Rogerses) names neither: each takes its next candidate (name_candidates: official_full, then
the Wikipedia title with its disambiguation). A member whose common name is a person's in
another part with the same birth date (at that person's precision), or listed in SAME_AS, is
that person (Obama, Pence, Kerry, Harris): the person keeps the other part's id, name and
dates, and gains the aliases and terms. `short` is the last name. `born` is bio.birthday (all
but two former members have one).

Offices: us-senator, us-representative, us-house-delegate (the delegates of D.C. and the
territories and Puerto Rico's resident commissioner, who sit in the House but are not
Representatives), and the party leaders: Speaker, Senate and House majority/minority leaders
and whips (LEADER_OFFICES; other leadership_roles titles are not used; older records say
"Speaker" / "Majority Leader" with a chamber, see leader_office). A former member's leadership
role without an end ended with the membership (the end of the last term).

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

Terms of current members name the source us-congress; those of former members
us-congress-history; a former member's last term whose end comes from FORMER_END names
us-congress-departures, with the page in `ref`.

Usage: python3 scripts/kb/gen_congress.py [--data DIR] [--history GITDIR] [--out FILE]
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
# A git clone of unitedstates/congress-legislators (the history of legislators-current.yaml):
# --history, else $FACTLINT_CONGRESS_GIT, else the fetch mirror beside ../shared.
DEFAULT_HISTORY = (os.environ.get("FACTLINT_CONGRESS_GIT") or os.path.join(
    os.path.dirname(os.path.abspath(SHARED)), ".mirror", "unitedstates+congress-legislators",
    "repo"))
HISTORY_COMMIT = "dfa9622263dd4c8d08636926e498f1845704d7eb"  # the commit of ../shared's copy

SOURCE = {"id": "us-congress",
          "name": "unitedstates/congress-legislators legislators-current.yaml (commit dfa9622)",
          "url": "https://github.com/unitedstates/congress-legislators", "license": "CC0-1.0"}
DEPART = {"id": "us-congress-departures",
          "name": "Departure days of former members of Congress (resignations and deaths in "
                  "mid-term): the data set's own commit messages, news reports and Wikipedia "
                  "biographies",
          "url": "https://github.com/unitedstates/congress-legislators/commits/main",
          "license": "CC0-1.0 (commit messages); news, Wikipedia (CC BY-SA 4.0): facts only"}
HISTORY = {"id": "us-congress-history",
           "name": "unitedstates/congress-legislators: former members' last record in the "
                   "history of legislators-current.yaml (2012-09-27 to commit dfa9622)",
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

def leader_office(role):
    """The office of a leadership_roles entry: the nine titles above, or the older records'
    "Speaker" / "Majority Leader" / ... with their chamber."""
    title = role["title"]
    if title in LEADER_OFFICES:
        return LEADER_OFFICES[title]
    chamber = {"house": "House", "senate": "Senate"}.get(role.get("chamber"))
    if title == "Speaker" and chamber == "House":
        return LEADER_OFFICES["Speaker of the House"]
    return LEADER_OFFICES.get(f"{chamber} {title}") if chamber else None


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


C = "https://github.com/unitedstates/congress-legislators/commit/"
# Former members whose last term ended before the end their last record gives (resigned, died,
# expelled; see former_members): bioguide -> (the day the term ended, the page that states it).
# Only these come back; the others stay out of the KB.
FORMER_END = {
    # From the data set's commit that retired the member (its message states the day).
    "F000116": ("2012-12-03", C + "3c98e209 (Bob Filner resigned on 2012-12-03)"),
    "B001244": ("2013-08-02", C + "a8fd6d9d (Jo Bonner resigned Aug 2, 2013)"),
    "B000243": ("2014-02-06", C + "65a88863 (Max Baucus resigned on Feb. 6, 2014)"),
    "M001151": ("2017-10-21", C + "8c0161d8 (Tim Murphy resigns as of 2017-10-21)"),
    "F000457": ("2018-01-02", C + "5ee94bb6 (Al Franken resigns effective 2018-01-02)"),
    "T000462": ("2018-01-15", C + "4894b226 (Rep. Tiberi resigned effective Jan 15), 2018"),
    "F000449": ("2022-03-31", C + "47e389d5 (Reps. Fortenberry and Vela resigned March 31), "
                "2022"),
    "V000132": ("2022-03-31", C + "47e389d5 (Reps. Fortenberry and Vela resigned March 31), "
                "2022"),
    "M001165": ("2023-12-31", C + "5fed1a9d (Kevin McCarthy resigned effective Dec. 31.), "
                "2024-01-04"),
    "J000032": ("2024-07-19", C + "efba198e (Sheila Jackson Lee died on July 19, 2024)"),
    "P000096": ("2024-08-21", C + "ebd89d2a (Bill Pascrell died on Aug. 21, 2024)"),
    # From news reports.
    "K000148": ("2013-02-01", "https://politicalticker.blogs.cnn.com/2013/01/29/kerry-confirmed-"
                "by-senate-colleagues-as-secretary-of-state/ (resignation effective Friday "
                "[2013-02-01] at 4 p.m.)"),
    "C001046": ("2014-08-18", "https://www.mcclatchydc.com/news/politics-government/"
                "article24771310.html (resign from Congress, effective Aug. 18 [2014])"),
    "H001075": ("2021-01-18", "https://townhall.com/tipsheet/print/2583329 (resignation "
                "letter: effective January 18th, 2021)"),
    "S001141": ("2017-02-08", "http://cowgernation.com/2017/02/09/jeff-sessions-confirmed-as-"
                "attorney-general/ (U.S. Senator for Alabama from January 3, 1997 to February 8, "
                "2017)"),
    "M000303": ("2018-08-25", "https://www.ocregister.com/2018/08/25/john-mccain-senator-war-hero-"
                "and-maverick-republican-dies-at-81/ (family statement: died at 4:28pm on August "
                "25, 2018)"),
    "F000062": ("2023-09-28", "https://www.ncronline.org/news/sen-dianne-feinstein-remembered-"
                "extraordinary-legacy-dies-90 (died the evening of Sept. 28 [2023], according to "
                "her office)"),
    "P000591": ("2017-02-10", "https://en.wikipedia.org/wiki/Tom_Price_(American_politician) "
                "(U.S. House, January 3, 2005 - February 10, 2017)"),
    "P000602": ("2017-01-23", "https://review.clateway.com/wiki/view_html.php?q=Mike_Pompeo "
                "(Wikipedia copy: U.S. House from Kansas's 4th district, January 3, 2011 - "
                "January 23, 2017)"),
    "F000455": ("2021-03-10", "https://en.wikipedia.org/wiki/Marcia_Fudge (U.S. House, "
                "November 19, 2008 - March 10, 2021)"),
    "H001080": ("2021-03-16", "https://en.wikipedia.org/wiki/Deb_Haaland (U.S. House, January 3, "
                "2019 - March 16, 2021)"),
    "R000595": ("2025-01-20", "https://www.keranews.org/2025-01-20/marco-rubio-confirmed-as-"
                "secretary-of-state (NPR, 2025-01-20: after the vote Thune submitted Rubio's "
                "resignation from the Senate into the record)"),
    "W000823": ("2025-01-20", "https://standardnews.online/2025/01/20/trump-national-security-"
                "adviser-pick-waltz-resigns-from-house-shrinking-gop-majority (resignation "
                "letter: effective January 20th, 2025)"),
    "C000984": ("2019-10-17", "https://www.npr.org/2019/10/17/770851734/maryland-democratic-rep-"
                "elijah-cummings-dies-at-68 (died; NYDN: died on Oct. 17, 2019, his office said)"),
    "S001222": ("2023-12-01", "https://pjmedia.com/jon-del-arroz/2023/12/01/breaking-house-of-"
                "representatives-votes-to-expel-george-santos-for-fraud-and-abuse-n4924288 (expelled "
                "on Friday, Dec. 1, 2023)"),
    "M000639": ("2024-08-20", "https://www.marketscreener.com/news/latest/Senator-Menendez-"
                "resigns-after-corruption-conviction-47449251/ (resignation effective Aug. 20, "
                "2024)"),
    "G000578": ("2024-11-13", "https://www.newsmax.com/newsfront/matt-gaetz-attorney-general-"
                "congress/2024/11/13/id/1187987/ (2024-11-13: resigned effective immediately, the "
                "Speaker announced on Wednesday)"),
    "V000137": ("2025-01-10", "https://www.foxnews.com/politics/vance-resigns-from-senate-he-"
                "trump-prepare-take-office (resignation letter: effective January 10, 2025)"),
}

# Former members left out although their record is complete: they later held an office whose
# holders the KB records, at a time the KB cannot fill with a stated day, so the checker would
# call their title there wrong (silence instead). bioguide -> why.
LATER_OFFICE_UNKNOWN = {
    "C001093": "Doug Collins: Secretary of Veterans Affairs from February 2025 (confirmed "
               "2025-02-04; no page at hand gives the day he took office)",
}

# Members who are a person of another part without a birth date there, checked by hand
# (bioguide -> that person's id); with a birth date there, the same name and date suffice.
SAME_AS = {
    "R000615": "mitt-romney",  # the 2012 presidential candidate (events.json), senator 2019-25
    "M000303": "john-mccain",  # the 2008 presidential candidate (events.json), senator 1987-2018
    "P000602": "mike-pompeo",  # Secretary of State 2018-21 (us.json)
    "W000823": "mike-waltz",  # National Security Advisor 2025 (us.json)
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


def former_members(gitdir, current):
    """Members of the past Congresses that the history of legislators-current.yaml knows:
    every member in some version of the file on the first-parent line up to HISTORY_COMMIT
    (the file exists from 2012-09-27) and not in `current` (bioguide ids), each as the record
    of the last version holding them. Returns (members, left_out): a member whose removal
    commit is dated before the end the record gives its last term is left out (the data's
    retire script writes the real end into legislators-historical.yaml in that commit, and
    that file is not in the history here: a resignation or death mid-term), unless
    FORMER_END gives that end; and the members of LATER_OFFICE_UNKNOWN. None when gitdir
    lacks the commit or PyYAML is missing."""
    import subprocess
    try:
        import yaml
    except ImportError:
        print("gen_congress.py: PyYAML is needed to read the history", file=sys.stderr)
        return None
    git = ["git", "-C", gitdir]
    if subprocess.run(git + ["cat-file", "-e", HISTORY_COMMIT + "^{commit}"],
                      capture_output=True).returncode != 0:
        return None
    log = subprocess.run(git + ["rev-list", "--first-parent", "--reverse",
                                "--format=%H %cI", HISTORY_COMMIT, "--",
                                "legislators-current.yaml"],
                         capture_output=True, text=True, check=True).stdout.split("\n")
    commits = [line.split() for line in log if line and not line.startswith("commit ")]
    cat = subprocess.Popen(git + ["cat-file", "--batch"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE)
    last, removed, before = {}, {}, {}
    for sha, when in commits:
        cat.stdin.write(f"{sha}:legislators-current.yaml\n".encode())
        cat.stdin.flush()
        size = int(cat.stdout.readline().split()[2])
        text = cat.stdout.read(size).decode("utf-8")
        cat.stdout.read(1)
        now = {}
        for chunk in re.split(r"(?m)^(?=- id:)", text):
            m = re.search(r"(?m)^ +bioguide: (\S+)$", chunk)
            if m:
                now[m.group(1)] = chunk
        for b in before.keys() - now.keys():
            removed[b] = when[:10]
        for b in now.keys() - before.keys():
            removed.pop(b, None)
        last.update(now)
        before = now
    cat.stdin.close()
    cat.wait()
    members, left_out = [], []
    for b in sorted(last.keys() - set(current)):
        m = yaml.load(last[b], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))[0]
        m = json.loads(json.dumps(m, default=str))  # dates as the JSON copy writes them
        end = m["terms"][-1]["end"]
        if b in FORMER_END:
            m["terms"][-1]["end"] = FORMER_END[b][0]
            m["_end_ref"] = FORMER_END[b][1]
        elif b in LATER_OFFICE_UNKNOWN:
            left_out.append(f"{b} ({LATER_OFFICE_UNKNOWN[b]})")
            continue
        elif removed[b] < end:
            left_out.append(f"{b} ({m['name'].get('official_full') or m['name']['last']}: "
                            f"removed {removed[b]}, last term to {end})")
            continue
        members.append(m)
    return members, left_out


# Generated parts yield to the parts before them in this order (their names, aliases and ids
# win; a later generator renames or drops its own clashing forms), so the generators do not
# depend on each other's last output: gb.json ignores the US parts, us-congress.json ignores
# us-cabinet.json.
YIELDS_TO_NONE_OF = {"gb.json": {"us-congress.json", "us-cabinet.json"},
                     "us-congress.json": {"us-cabinet.json"}}


def other_kb_people(out_path, only=None):
    """Names and aliases of people in the other part files (casefolded) -> that person (the
    first part naming them wins); only the parts named in `only` when given."""
    people = {}
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
                people.setdefault(form.casefold(), p)
    return people


def other_kb_names(out_path, only=None):
    """Names and aliases of people in the other part files (casefolded) -> person id."""
    return {k: p["id"] for k, p in other_kb_people(out_path, only).items()}


def name_candidates(m):
    """The member's names in order of preference: the common name, the official full name,
    the Wikipedia title with its disambiguation ("Mike Rogers (Michigan politician)")."""
    out = [common_name(m), (m["name"].get("official_full") or "").replace('"', ""),
           m["id"].get("wikipedia") or ""]
    return [x for x in dict.fromkeys(out) if x]


def same_birth(person, birthday):
    """Whether a KB person's birth date (at its precision: John Kerry's is a year in
    us-state.json) agrees with the data's birthday."""
    born = person.get("born")
    if not born or not birthday:
        return False
    n = {"year": 4, "month": 7}.get(person.get("born_precision"), 10)
    return born[:n] == birthday[:n]


def choose_names(members, others):
    """bioguide -> (name, the person of another part who is this member, or None).

    A member whose common name is a person's in another part with the member's birth date (at
    that person's precision) is that person (Mike Pence, Marco Rubio) and keeps that person's id and name. Otherwise a name
    another person holds (another part's, or a second member's common name: two Mike Rogerses)
    is given up for the next of name_candidates, so that a shared name names nobody here."""
    common = {}
    for m in members:
        common.setdefault(common_name(m).casefold(), []).append(m["id"]["bioguide"])
    out, used = {}, set()
    for m in members:
        b = m["id"]["bioguide"]
        other = others.get(common_name(m).casefold())
        if other is not None and (same_birth(other, m["bio"].get("birthday"))
                                  or SAME_AS.get(b) == other["id"]):
            out[b] = (other["name"], other)
            used.add(other["name"].casefold())
            continue
        for cand in name_candidates(m):
            key = cand.casefold()
            if key in others or key in used or common.get(key, [b]) != [b]:
                continue
            out[b] = (cand, None)
            used.add(key)
            break
        else:
            sys.exit(f"gen_congress.py: no free name for {b} ({name_candidates(m)}); add the "
                     f"member to NAMES")
    return out


def generate(members, as_of, others):
    """members: the current members, then the former ones (marked "_former")."""
    people, terms = [], []
    ids = {}
    claims = {}
    forms_of = {}
    taken_ids = {p["id"] for p in others.values()}
    names = choose_names(members, others)
    for m in members:
        b = m["id"]["bioguide"]
        name, same = names[b]
        src = HISTORY["id"] if m.get("_former") else SOURCE["id"]
        if same:
            pid = same["id"]
        else:
            pid = slug(name)
            if pid in ids.values() or pid in taken_ids:
                pid = f"{pid}-{m['terms'][-1]['state'].lower()}"
            if pid in ids.values() or pid in taken_ids:
                sys.exit(f"gen_congress.py: two people would get id {pid!r}; add one to NAMES")
        ids[b] = pid
        forms = [f for f in dict.fromkeys(name_forms(m) + [common_name(m)])
                 if f.casefold() != name.casefold()]
        suffix = m["name"].get("suffix")
        if suffix:  # "Thomas Kean", "Robert Menendez" name the father: keep suffixed forms only
            forms = [f for f in forms if re.search(rf"\b{re.escape(suffix)}$", f)]
        forms_of[pid] = forms
        for f in {x.casefold() for x in [name] + forms}:
            claims.setdefault(f, set()).add(pid)
        person = {"id": pid, "name": name, "aliases": [], "short": [m["name"]["last"]]}
        if m["bio"].get("birthday"):
            person["born"] = m["bio"]["birthday"]
            person["source"] = src
        if same and same.get("born"):
            # Another part's person with dates: this part adds aliases and terms, not dates.
            person = {"id": pid, "name": name, "aliases": [], "short": [m["name"]["last"]]}
        people.append(person)

        keys = ("party", "state", "district")
        for t in merge(member_terms(m), keys):
            end = t["end"] if t["end"] <= as_of else None
            term = {"person": pid, "office": t["office"], "start": t["start"], "end": end,
                    "source": src}
            if EXTENDED:
                for k in keys:
                    if k in t:
                        term[k] = t[k]
            if m.get("_end_ref") and t["end"] == m["terms"][-1]["end"]:
                term["source"], term["ref"] = DEPART["id"], m["_end_ref"]
            terms.append(term)
        lead = [{"office": leader_office(r), "start": r["start"], "end": r.get("end")}
                for r in m.get("leadership_roles", []) if leader_office(r)]
        if m.get("_former"):  # a former member's open role ended with the membership
            for r in lead:
                r["end"] = r["end"] or m["terms"][-1]["end"]
        for t in merge(lead, ()):
            end = t["end"] if t["end"] and t["end"] <= as_of else None
            terms.append({"person": pid, "office": t["office"], "start": t["start"],
                          "end": end, "source": src})
        for oid, start, end, src_id, ref in LEADERSHIP_EXTRA.get(b, []):
            terms.append({"person": pid, "office": oid, "start": start, "end": end,
                          "source": src_id, "ref": ref})
    for p in people:
        p["aliases"] = [f for f in forms_of[p["id"]]
                        if claims[f.casefold()] == {p["id"]} and f.casefold() not in others]
    people.sort(key=lambda p: p["id"])
    terms.sort(key=lambda t: (t["office"], t["start"], t["person"]))
    return people, terms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--history", default=DEFAULT_HISTORY,
                    help="git directory of a congress-legislators clone holding HISTORY_COMMIT")
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
    history = (former_members(args.history, [m["id"]["bioguide"] for m in members])
               if os.path.isdir(args.history) else None)
    if history is None:
        print(f"gen_congress.py: no commit {HISTORY_COMMIT[:7]} in {args.history} (--history, "
              f"$FACTLINT_CONGRESS_GIT); {os.path.relpath(args.out, ROOT)} left unchanged")
        return 0
    former, left_out = history
    for m in former:
        m["_former"] = True
    people, terms = generate(members + former, as_of, other_kb_people(args.out))
    used = {t["source"] for t in terms} | {p.get("source") for p in people}
    sources = [s for s in (SOURCE, HISTORY, WIKI, DEPART) if s["id"] in used]
    part = {"sources": sources, "people": people, "offices": OFFICES, "terms": terms}
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump_part(part))
    print(f"gen_congress.py: {len(members)} current and {len(former)} former members "
          f"({len(left_out)} former left out: last term's end unknown, or "
          f"LATER_OFFICE_UNKNOWN), {len(people)} people, {len(terms)} terms -> "
          f"{os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
