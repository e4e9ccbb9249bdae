#!/usr/bin/env python3
"""Compare kb/world.json with the reference data in ../shared/data and print every
disagreement, one line each, then a count. Always exits 0: it reports, it does not judge
(known, explained differences are listed in kb/SOURCES.md).

Checks:
  us-executive       KB us-president / us-vice-president terms against executive.json
                     (consecutive terms merged; a scheduled end after as_of = open).
  uk-ministers-ifg/posts  every IfG appointment inside a KB term of its post (see
                     check_gb_posts).
  us-congress        every member of legislators-current.json against the KB's terms of
                     source us-congress (see check_congress), birth date included.
  uk-ministers-ifg   KB gb-prime-minister, gb-chancellor-of-the-exchequer,
                     gb-foreign-secretary, gb-home-secretary against the IfG flat file.
  reign              REIGN leader spells (leaderlist_3_21.utf8.csv) for the countries whose
                     offices are in the KB (REIGN_OFFICES): each spell that starts inside the
                     KB's coverage must match a KB term by surname with start within 31 days
                     and end within 31 days of the REIGN end month; and each KB term of the
                     country's primary office (first in the list) that starts inside
                     REIGN's coverage must match a spell the same way.
                     REIGN records the de-facto leader, not an office, so some differences
                     are expected (acting leaders, leaders who switched office). REIGN spellings
                     no KB name form contains are paired through REIGN_NAMES; a difference
                     explained in the table of kb/SOURCES.md (REIGN code, name as printed, its
                     start date) is counted, not listed.

Usage: python3 scripts/kb/crosscheck.py [--kb FILE] [--data DIR]
DIR defaults to $FACTLINT_SHARED/data, else ../shared/data next to the repository.
When the data folder is absent, prints a message and exits 0.
"""

import argparse
import csv
import datetime
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.join(os.environ.get("FACTLINT_SHARED") or os.path.join(os.path.dirname(ROOT), "shared"), "data")
SLACK = datetime.timedelta(days=31)
REIGN_END = datetime.date(2021, 3, 1)  # last update of the REIGN leader list
CHAIN_GAP = datetime.timedelta(days=7)

# REIGN stateabb -> KB office ids whose holders REIGN counts as the country's leader.
REIGN_OFFICES = {
    "USA": ["us-president"], "UKG": ["gb-prime-minister"], "GMY": ["de-chancellor"],
    "FRN": ["fr-president"], "UKR": ["ua-president"],
    "RUS": ["ru-president", "ru-prime-minister"], "CAN": ["ca-prime-minister"],
    "ITA": ["it-prime-minister"], "JPN": ["jp-prime-minister"], "AUL": ["au-prime-minister"],
    "IND": ["in-prime-minister"], "SPN": ["es-prime-minister"], "ISR": ["il-prime-minister"],
    "NTH": ["nl-prime-minister"], "IRE": ["ie-prime-minister", "ie-taoiseach"],
    "POL": ["pl-president"], "BRA": ["br-president"], "MEX": ["mx-president"],
    "SAF": ["za-president"], "ROK": ["kr-president"], "TUR": ["tr-prime-minister", "tr-president"],
    "CHN": ["cn-general-secretary", "cn-president"], "SWD": ["se-prime-minister"],
    "NOR": ["no-prime-minister"], "FIN": ["fi-president", "fi-prime-minister"],
    "POR": ["pt-president", "pt-prime-minister"], "HUN": ["hu-prime-minister"], "AUS": ["at-chancellor"],
    "BEL": ["be-prime-minister"], "DEN": ["dk-prime-minister"],
    "GRC": ["gr-prime-minister"], "NEW": ["nz-prime-minister"],
    "ARG": ["ar-president"], "IRN": ["ir-president", "ir-supreme-leader"], "PRK": ["kp-supreme-leader"],
    "BLR": ["by-president"], "KZK": ["kz-president"], "EGY": ["eg-president"],
    "SAU": ["sa-monarch"], "SYR": ["sy-president"], "VEN": ["ve-president"],
}
# Countries added by the world part files (kb/src/world-*.json).
REIGN_OFFICES.update({
    "FRN": ["fr-president", "fr-prime-minister"],  # REIGN follows the Fourth Republic's Presidents of the Council
    "LAO": ["la-president"], "SEY": ["sc-president"], "WSM": ["ws-prime-minister"], "SVG": ["vc-prime-minister"], "MAG": ["mg-president"], "STP": ["st-president"], "GNB": ["gw-president"], "HAI": ["ht-president"], "NAU": ["nr-president"],
    "EST": ["ee-prime-minister"], "LAT": ["lv-prime-minister"], "LIT": ["lt-president", "lt-prime-minister"],
    "SLO": ["sk-prime-minister"], "SLV": ["si-prime-minister"],
    "BUL": ["bg-prime-minister"], "CYP": ["cy-president"], "MLT": ["mt-prime-minister"],
    "LUX": ["lu-prime-minister"], "IRQ": ["iq-president", "iq-prime-minister"], "AFG": ["af-leader"],
    "PHI": ["ph-president"], "TAW": ["tw-president"], "SIN": ["sg-prime-minister"],
    "MAL": ["my-prime-minister"], "DRV": ["vn-general-secretary"], "COL": ["co-president"],
    "CHL": ["cl-president"], "PER": ["pe-president"], "CUB": ["cu-first-secretary", "cu-president"],
    "ETH": ["et-prime-minister"], "KEN": ["ke-president"], "DRC": ["cd-president"], "TAZ": ["tz-president"],
    "UGA": ["ug-president"], "GHA": ["gh-president"], "ALG": ["dz-president"], "MOR": ["ma-monarch"],
    "TUN": ["tn-president"], "LIB": ["ly-leader"], "SUD": ["sd-head-of-state"], "ZIM": ["zw-president", "zw-prime-minister"],
    "RWA": ["rw-president"], "SEN": ["sn-president"], "ANG": ["ao-president"], "MZM": ["mz-president"],
    "CHA": ["td-president"], "SSD": ["ss-president"], "ERI": ["er-president"], "CAO": ["cm-president"],
    "JOR": ["jo-monarch"], "QAT": ["qa-emir"], "UAE": ["ae-president"], "KUW": ["kw-emir"], "OMA": ["om-sultan"],
    "BAH": ["bh-monarch"], "LEB": ["lb-president", "lb-prime-minister"], "YEM": ["ye-president"],
    "BNG": ["bd-prime-minister", "bd-chief-adviser", "bd-president"], "SRI": ["lk-president"],
    "SRB": ["rs-president", "rs-prime-minister"], "GRG": ["ge-president", "ge-head-of-state", "ge-prime-minister"],
    "ARM": ["am-president"], "AZE": ["az-president"],
    "ECU": ["ec-president"], "BOL": ["bo-president"], "URU": ["uy-president"], "PAR": ["py-president"],
    "GUA": ["gt-president"], "HON": ["hn-president"], "SAL": ["sv-president"], "NIC": ["ni-president"],
    "PAN": ["pa-president"], "COS": ["cr-president"], "DOM": ["do-president"], "JAM": ["jm-prime-minister"],
    "THI": ["th-prime-minister"], "MYA": ["mm-head-of-state", "mm-state-counsellor"], "CAM": ["kh-prime-minister"],
    "UZB": ["uz-president"], "TKM": ["tm-president"], "TAJ": ["tj-president"], "BRU": ["bn-sultan"],
    "CDI": ["ci-president"], "MLI": ["ml-president"], "BFO": ["bf-president"], "NIR": ["ne-president"],
    "GAB": ["ga-president"], "ZAM": ["zm-president"], "MAW": ["mw-president"], "NAM": ["na-president"],
    "BOT": ["bw-president"], "LBR": ["lr-president"], "SIE": ["sl-president"], "GUI": ["gn-president"],
    "TOG": ["tg-president"], "BUI": ["bi-president"], "SOM": ["so-president"],
    "AAB": ["ag-prime-minister"], "BHM": ["bs-prime-minister"], "BAR": ["bb-prime-minister"],
    "BLZ": ["bz-prime-minister"], "DMA": ["dm-prime-minister"], "GRN": ["gd-prime-minister"],
    "SKN": ["kn-prime-minister"], "SLU": ["lc-prime-minister"], "TRI": ["tt-prime-minister"],
    "GUY": ["gy-president"], "SUR": ["sr-president"], "PNG": ["pg-prime-minister"],
    "MAA": ["mr-president"], "MAS": ["mu-prime-minister"],
})
# REIGN codes whose spells continue another code's (West Germany -> Germany in 1990).
REIGN_SAME = {"GFR": "GMY"}
# REIGN's spellings of names that no KB name, alias or short form contains (transliterations and
# misspellings): (REIGN code, REIGN leader label) -> KB person id. Used only to pair a spell with
# a KB term; the spellings are not added to the KB.
REIGN_NAMES = {
    ("ALG", "Benjedid"): "chadli-bendjedid", ("BFO", "Campaore"): "blaise-compaore",
    ("BRA", "Sarnay"): "jose-sarney", ("BRA", "Oliveria Ramos"): "nereu-ramos",
    ("BUL", "Saksgoburggotski"): "simeon-saxe-coburg-gotha", ("BUL", "Marin Raikov"): "marin-raykov",
    ("DRC", "Felix Tschisekedi"): "felix-tshisekedi", ("ERI", "Afeworki"): "isaias-afwerki",
    ("FRN", "Mitterand"): "francois-mitterrand", ("GRC", "Loukas Papadimos"): "lucas-papademos",
    ("GRG", "Burdjanadze"): "nino-burjanadze", ("GRG", "Burdzhanadze"): "nino-burjanadze",
    ("GUA", "Maldanado"): "alejandro-maldonado",
    ("AZE", "Mamedov"): "yaqub-mammadov", ("AZE", "Gambarov"): "isa-gambar",
    ("JOR", "Hussein Ibn Talal El-Hashim"): "hussein-of-jordan",
    ("JOR", "Abdullah Ibn Hussein El-Hashimi"): "abdullah-ii-of-jordan",
    ("BAH", "Hamad Isa Ibn Al-Khalifah"): "hamad-bin-isa-al-khalifa",
    ("KUW", "Jabir As-Sabah"): "jaber-al-ahmad-al-sabah", ("KUW", "Saad Salim at Sabah"): "saad-al-abdullah-al-sabah",
    ("KUW", "Jabir Ahmad Al Sabah"): "sabah-al-ahmad-al-sabah",  # REIGN's label of Sabah al-Ahmad (born 1929)
    ("LAO", "Phounsavanh"): "nouhak-phoumsavanh", ("LIB", "Qaddafi"): "muammar-gaddafi",
    ("MAL", "Mahatir Bin Mohammad"): "mahathir-mohamad", ("MAW", "Chakewera"): "lazarus-chakwera",
    ("MOR", "Muhammad VI"): "mohammed-vi-of-morocco", ("MZM", "Nyussi"): "filipe-nyusi",
    ("OMA", "Qabus Bin Said"): "qaboos-bin-said", ("QAT", "Khalifah Ath-Thani"): "khalifa-bin-hamad-al-thani",
    ("QAT", "Amad Al Thani"): "hamad-bin-khalifa-al-thani",
    ("QAT", "Khalifah Al Thani"): "tamim-bin-hamad-al-thani",  # REIGN's label of Tamim (born 1980) ("SAF", "deKlerk"): "f-w-de-klerk",
    ("SRI", "Wijetunge"): "d-b-wijetunga", ("SRI", "M. Rajapakse"): "mahinda-rajapaksa",
    ("SRI", "G. Rajapakse"): "gotabaya-rajapaksa", ("TKM", "Berdymukhammedov"): "gurbanguly-berdimuhamedow",
    ("TUN", "Essebi"): "beji-caid-essebsi", ("UAE", "An-Nahayan"): "zayed-bin-sultan-al-nahyan",
    ("UAE", "Khalifa Al Nahayan"): "khalifa-bin-zayed-al-nahyan", ("URU", "Luis Pou"): "luis-lacalle-pou",
}
SOURCES_MD = os.path.join(ROOT, "kb", "SOURCES.md")


def norm(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", s)).strip()


def d(s):
    return datetime.date.fromisoformat(s) if s else None


class Report:
    def __init__(self):
        self.lines = []

    def add(self, check, msg):
        self.lines.append(f"{check}: {msg}")


def load_kb(path):
    with open(path, encoding="utf-8") as f:
        kb = json.load(f)
    people = {p["id"]: p for p in kb["people"]}
    return kb, people


def forms(person):
    return [norm(x) for x in [person["name"]] + person["aliases"] + person["short"]]


def surname_matches(label, person):
    """label: a surname-style name from reference data ("G.W. Bush", "Lopez Obrador")."""
    lab = norm(label)
    if not lab:
        return False
    for f in forms(person):
        if lab == f or re.search(rf"\b{re.escape(lab)}\b", f):
            return True
    for s in person["short"]:
        if re.search(rf"\b{re.escape(norm(s))}\b", lab):
            return True
    return False


def reign_matches(abb, label, person):
    return surname_matches(label, person) or REIGN_NAMES.get((abb, label)) == person["id"]


def explained_reign(path=SOURCES_MD):
    """The table of explained REIGN differences in kb/SOURCES.md: rows
    `| `CODE` name | KB dates | REIGN dates | why |`, where name is the REIGN leader label or
    the KB person id the difference line prints. Returns {(code, name): set of dates}."""
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\|\s*`([A-Z]{3})`\s+(.+?)\s*\|(.*?)\|(.*?)\|", line)
        if m:
            dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", m.group(3) + m.group(4)))
            out.setdefault((m.group(1), m.group(2)), set()).update(dates)
    return out


def merged_spans(spans):
    out = []
    for start, end in sorted(spans):
        if out and out[-1][1] == start:
            out[-1][1] = end
        else:
            out.append([start, end])
    return out


def compare_terms(check, expected, kb_terms, people, rep):
    """expected: list of (office, start, end, surname, label); kb_terms: terms of the offices."""
    kb_by_key = {(t["office"], t["start"]): t for t in kb_terms}
    seen = set()
    for office, start, end, surname, label in expected:
        t = kb_by_key.get((office, start))
        if t is None:
            rep.add(check, f"{office}: {label} from {start} to {end or 'open'} is not in the KB")
            continue
        seen.add((office, start))
        person = people.get(t["person"])
        if person is None or not surname_matches(surname, person):
            rep.add(check, f"{office} {start}: data has {label}, KB has {t['person']}")
        if t["end"] != end:
            rep.add(check, f"{office} {start} {t['person']}: end {t['end'] or 'open'} in KB, "
                           f"{end or 'open'} in data")
    for key, t in sorted(kb_by_key.items()):
        if key not in seen:
            rep.add(check, f"{t['office']} {t['start']} {t['person']}: in the KB, not in data")


def check_us(kb, people, data, rep):
    path = os.path.join(data, "us-executive", "executive.json")
    if not os.path.exists(path):
        rep.add("us-executive", f"skipped: {path} not found")
        return
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)
    office_of = {"prez": "us-president", "viceprez": "us-vice-president"}
    expected = []
    for e in entries:
        n = e["name"]
        label = " ".join(x for x in (n.get("first"), n.get("last")) if x)
        by_office = {}
        for t in e["terms"]:
            by_office.setdefault(office_of[t["type"]], []).append((t["start"], t["end"]))
        for office, spans in by_office.items():
            for start, end in merged_spans(spans):
                if end and end > kb["as_of"]:
                    end = None
                expected.append((office, start, end, n["last"], label))
    kb_terms = [t for t in kb["terms"] if t["office"] in office_of.values()]
    compare_terms("us-executive", expected, kb_terms, people, rep)


def check_gb(kb, people, data, rep):
    path = os.path.join(data, "uk-ministers-ifg", "uk_ministers_appointments_flat.csv")
    if not os.path.exists(path):
        rep.add("uk-ministers-ifg", f"skipped: {path} not found")
        return
    post_to_office = {
        "Prime Minister": "gb-prime-minister",
        "Chancellor of the Exchequer": "gb-chancellor-of-the-exchequer",
        "Secretary of State for Foreign and Commonwealth Affairs": "gb-foreign-secretary",
        "Secretary of State for Foreign, Commonwealth and Development Affairs":
            "gb-foreign-secretary",
        "Secretary of State for the Home Department": "gb-home-secretary",
    }
    spans, labels = {}, {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            office = post_to_office.get(r["post"])
            if office:
                spans.setdefault((r["person_id"], office), []).append(
                    (r["start_date"], r["end_date"] or None))
                labels[r["person_id"]] = (r["short_name"], r["name"])
    expected = []
    for (pid, office), ss in spans.items():
        for start, end in merged_spans(ss):
            expected.append((office, start, end, labels[pid][0], labels[pid][1]))
    # The data starts in May 1979: KB terms that begin before its first appointment (the
    # Prime Ministers of 1940–1979 in world-parties.json) lie outside it and are not compared.
    first = min(e[1] for e in expected) if expected else ""
    kb_terms = [t for t in kb["terms"] if t["office"] in set(post_to_office.values()) and t["start"] >= first]
    compare_terms("uk-ministers-ifg", expected, kb_terms, people, rep)


def check_gb_posts(kb, people, data, rep):
    """Every IfG appointment lies inside a KB term (source ifg-ministers) of the same person
    (by surname) in an office named after the post (or "<post>, <department>"), and every
    such KB term starts on the start of one of that person's appointments. Rows whose end
    precedes their start are data errors, reported as info."""
    path = os.path.join(data, "uk-ministers-ifg", "uk_ministers_appointments_flat.csv")
    if not os.path.exists(path):
        rep.add("uk-ministers-ifg/posts", f"skipped: {path} not found")
        return
    offices = {o["id"]: o for o in kb["offices"] if o["id"].startswith("gb-")}
    terms = [t for t in kb["terms"] if t["source"] == "ifg-ministers"]
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    starts = {}
    checked = 0
    by_office = {}
    for t in terms:
        by_office.setdefault(t["office"], []).append(t)
    named, prefixed, titled = {}, {}, {}
    for o in offices.values():
        named.setdefault(o["name"], []).append(o)
        if ", " in o["name"]:
            prefixed.setdefault(o["name"].split(", ")[0], []).append(o)
        for x in o["titles"]:
            titled.setdefault(x, []).append(o)
    for r in rows:
        label = f"{r['name']} / {r['post']} ({r['organisation_short']}) {r['start_date']}"
        if r["end_date"] and r["end_date"] < r["start_date"]:
            rep.add("uk-ministers-ifg/posts", f"info: {label}: ends {r['end_date']} before it "
                                              f"starts (data error, not in the KB)")
            continue
        # The post's office: named after the post, or "<post>, <department>" for the generic
        # posts (a department renamed under one short name, Welsh Office -> Wales Office,
        # keeps one office: its id ends in the short name); else an office with the post
        # among its titles (FCO and FCDO are one Foreign Secretary).
        dept = "-" + norm(r["organisation_short"]).replace(" ", "-")
        if r["post"] in named:
            post_offices = named[r["post"]]
        elif r["post"] in prefixed:
            post_offices = [o for o in prefixed[r["post"]] if o["id"].endswith(dept)]
        else:
            post_offices = titled.get(r["post"], [])
        cands = [t for o in post_offices for t in by_office.get(o["id"], [])
                 if surname_matches(r["short_name"], people[t["person"]])]
        end = r["end_date"] or None
        if end and end > kb["as_of"]:
            end = None
        inside = [t for t in cands if t["start"] <= r["start_date"]
                  and (t["end"] is None or (end is not None and end <= t["end"]))]
        checked += 1
        if not inside:
            rep.add("uk-ministers-ifg/posts", f"{label} to {end or 'open'}: no KB term covers it")
        for t in cands:
            starts.setdefault(id(t), set()).add(r["start_date"])
    for t in terms:
        if t["start"] not in starts.get(id(t), set()):
            rep.add("uk-ministers-ifg/posts", f"{t['office']} {t['person']} {t['start']}: no "
                                              f"appointment of that person starts that day")
    rep.add("uk-ministers-ifg/posts", f"info: {checked} appointments compared")


def check_congress(kb, people, data, rep):
    """Every member of legislators-current.json is a KB person (same surname and birth date;
    where two share both, the one whose name or alias holds the first name or nickname)
    whose us-congress terms are the data's terms: one per term, split where
    party_affiliations records a switch, consecutive ones (next start within 7 days of the
    end) joined when party, state and district agree, an end after as_of open; and the
    leadership_roles of the nine party-leader titles, joined the same way."""
    path = os.path.join(data, "us-congress", "legislators-current.json")
    if not os.path.exists(path):
        rep.add("us-congress", f"skipped: {path} not found")
        return
    with open(path, encoding="utf-8") as f:
        members = json.load(f)
    leaders = {"Speaker of the House": "us-house-speaker",
               "Senate Majority Leader": "us-senate-majority-leader",
               "Senate Minority Leader": "us-senate-minority-leader",
               "House Majority Leader": "us-house-majority-leader",
               "House Minority Leader": "us-house-minority-leader",
               "Senate Majority Whip": "us-senate-majority-whip",
               "Senate Minority Whip": "us-senate-minority-whip",
               "House Majority Whip": "us-house-majority-whip",
               "House Minority Whip": "us-house-minority-whip"}
    as_of = kb["as_of"]
    kb_terms = {}
    for t in kb["terms"]:
        if t["source"] == "us-congress":
            kb_terms.setdefault(t["person"], []).append(t)

    def joined(items):
        out = []
        for x in sorted(items, key=lambda x: x["start"]):
            p = out[-1] if out else None
            if (p and p["office"] == x["office"] and p["end"]
                    and 0 <= (d(x["start"]) - d(p["end"])).days <= 7
                    and all(p.get(k) == x.get(k) for k in ("party", "state", "district"))):
                p["end"] = x["end"]
            else:
                out.append(dict(x))
        for x in out:
            if x["end"] is not None and x["end"] > as_of:
                x["end"] = None
        return out

    seen = set()
    for m in members:
        n = m["name"]
        label = f"{n['first']} {n['last']} ({m['id']['bioguide']})"
        match = [p for p in people.values() if p.get("born") == m["bio"]["birthday"]
                 and surname_matches(n["last"], p)]
        if len(match) > 1:
            # Two people of one surname and birth day (the twins Joaquin and Julián Castro):
            # the one whose name or an alias holds the member's first name (or nickname).
            given = [norm(x) for x in (n.get("first"), n.get("nickname")) if x and norm(x)]
            match = [p for p in match
                     if any(re.search(rf"\b{re.escape(g)}\b", norm(f))
                            for g in given for f in [p["name"]] + p["aliases"])]
        if len(match) != 1:
            rep.add("us-congress", f"{label}: {len(match)} KB people with this surname and "
                                   f"birth date {m['bio']['birthday']}")
            continue
        pid = match[0]["id"]
        seen.add(pid)
        expected = []
        for t in m["terms"]:
            office = ("us-senator" if t["type"] == "sen" else
                      "us-house-delegate" if t["state"] in ("DC", "PR", "GU", "VI", "AS", "MP")
                      else "us-representative")
            parts = sorted(t.get("party_affiliations") or [{"start": t["start"],
                                                            "party": t["party"]}],
                           key=lambda x: x["start"])
            for i, pa in enumerate(parts):
                x = {"office": office, "start": pa["start"],
                     "end": parts[i + 1]["start"] if i + 1 < len(parts) else t["end"],
                     "party": {"Democrat": "Democratic"}.get(pa["party"], pa["party"]),
                     "state": t["state"]}
                if t["type"] == "rep":
                    x["district"] = t["district"]
                expected.append(x)
        by_office = {}
        for x in expected:
            by_office.setdefault(x["office"], []).append(x)
        expected = [y for xs in by_office.values() for y in joined(xs)]
        lead = {}
        for r in m.get("leadership_roles", []):
            if r["title"] in leaders:
                lead.setdefault(leaders[r["title"]], []).append(
                    {"office": leaders[r["title"]], "start": r["start"], "end": r.get("end")})
        expected += [y for xs in lead.values() for y in joined(xs)]
        have = {(t["office"], t["start"]): t for t in kb_terms.get(pid, [])}
        for x in expected:
            t = have.pop((x["office"], x["start"]), None)
            if t is None:
                rep.add("us-congress", f"{label}: {x['office']} from {x['start']} to "
                                       f"{x['end'] or 'open'} is not in the KB")
                continue
            for k in ("end", "party", "state", "district"):
                if k in t or (k == "end"):
                    if t.get(k) != x.get(k):
                        rep.add("us-congress", f"{label}: {x['office']} {x['start']}: {k} "
                                               f"{t.get(k)!r} in KB, {x.get(k)!r} in data")
        for (office, start), t in sorted(have.items()):
            rep.add("us-congress", f"{label}: {office} {start} in the KB (source us-congress), "
                                   f"not in data")
    for pid in sorted(set(kb_terms) - seen):
        rep.add("us-congress", f"{pid}: has us-congress terms but is no member in the data")


def month_end(year, month):
    nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


def check_reign(kb, people, data, rep):
    path = os.path.join(data, "reign-leaders", "leaderlist_3_21.utf8.csv")
    if not os.path.exists(path):
        rep.add("reign", f"skipped: {path} not found")
        return
    kb_offices = {o["id"] for o in kb["offices"]}
    spells = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.reader(f):
            if r[0] == "stateabb":
                continue
            abb = REIGN_SAME.get(r[0], r[0])
            if abb not in REIGN_OFFICES:
                continue
            try:
                start = datetime.date(int(r[6]), int(r[5]), int(r[4]))
            except ValueError:
                rep.add("reign", f"{r[0]} {r[3]}: unreadable start {r[4]}/{r[5]}/{r[6]}")
                continue
            end = (int(r[8]), int(r[7])) if r[7] and r[8] else None
            spells.setdefault(abb, []).append((start, end, r[3]))
    # One leader's spells that meet (next starts in the end month or the month after)
    # become one spell: Kohl's West German and German spells, 1982-1998.
    for abb, ss in spells.items():
        ss.sort()
        merged = []
        for sp in ss:
            prev = merged[-1] if merged else None
            if (prev and prev[2] == sp[2] and prev[1]
                    and 0 <= (sp[0].year * 12 + sp[0].month)
                    - (prev[1][0] * 12 + prev[1][1]) <= 1):
                merged[-1] = (prev[0], sp[1], prev[2])
            else:
                merged.append(sp)
        spells[abb] = merged
    explained = explained_reign()
    n_explained = [0]

    def differ(abb, name, date, msg):
        if str(date) in explained.get((abb, name), ()):
            n_explained[0] += 1
        else:
            rep.add("reign", msg)

    checked = 0
    for abb, offices in sorted(REIGN_OFFICES.items()):
        offices = [o for o in offices if o in kb_offices]
        if not offices or abb not in spells:
            continue
        checked += 1
        # A leader's back-to-back terms (acting then elected, or moving between the listed
        # offices, gaps up to CHAIN_GAP) form one chain, as REIGN counts one spell.
        raw = sorted((t for t in kb["terms"] if t["office"] in offices),
                     key=lambda t: (t["person"], t["start"]))
        chains = []
        for t in raw:
            last = chains[-1][-1] if chains else None
            if (last and last["person"] == t["person"] and last["end"] is not None
                    and d(t["start"]) - d(last["end"]) <= CHAIN_GAP):
                chains[-1].append(t)
            else:
                chains.append([t])
        chain_of = {id(t): c for c in chains for t in c}
        terms = raw
        primary = REIGN_OFFICES[abb][0]
        if not terms:
            continue
        kb_from = min(d(t["start"]) for t in terms)
        reign_from = min(s[0] for s in spells[abb])

        def end_ok(kb_end, reign_end):
            if reign_end is None:  # in office when REIGN stopped (March 2021)
                return kb_end is None or d(kb_end) >= REIGN_END - SLACK
            lo = datetime.date(reign_end[0], reign_end[1], 1) - SLACK
            hi = month_end(*reign_end) + SLACK
            return kb_end is not None and lo <= d(kb_end) <= hi

        for start, end, leader in spells[abb]:
            if start < kb_from - SLACK:
                continue
            # A chain matches when one of its terms starts near the spell's start; its end
            # may be the chain's end or that of any of its terms.
            cands = [c for c in chains
                     if any(abs(d(x["start"]) - start) <= SLACK for x in c)
                     and reign_matches(abb, leader, people[c[0]["person"]])]
            if not cands:
                differ(abb, leader, start, f"{abb} {leader} from {start}: no KB term in "
                                           f"{'/'.join(offices)} starting within 31 days")
            elif not any(end_ok(x["end"], end) for c in cands for x in c + [dict(c[-1])]):
                c = cands[0]
                want = f"{end[0]}-{end[1]:02d}" if end else "open in 2021-03"
                differ(abb, leader, start, f"{abb} {leader} from {start}: REIGN end {want}, "
                                           f"KB {c[0]['person']} ends {c[-1]['end'] or 'open'}")
        for t in raw:
            if t["office"] != primary:  # REIGN names a secondary office's holder only sometimes
                continue
            s = d(t["start"])
            if s < reign_from or s > REIGN_END:
                continue
            starts = {d(x["start"]) for x in chain_of[id(t)]}
            if not any(abs(x - sp[0]) <= SLACK and reign_matches(abb, sp[2], people[t["person"]])
                       for sp in spells[abb] for x in starts):
                differ(abb, t["person"], t["start"],
                       f"{abb} {t['office']} {t['person']} from {t['start']}"
                       f"{' (acting)' if t.get('acting') else ''}: no REIGN spell "
                       f"starting within 31 days")
    rep.add("reign", f"info: {checked} countries compared "
                     f"(those whose offices in REIGN_OFFICES exist in the KB); {n_explained[0]} "
                     f"differences explained in kb/SOURCES.md (not listed)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", default=os.path.join(ROOT, "kb", "world.json"))
    ap.add_argument("--data", default=DEFAULT_DATA)
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print(f"crosscheck.py: {args.data} not found; nothing to compare (skipped)")
        return 0
    kb, people = load_kb(args.kb)
    rep = Report()
    check_us(kb, people, args.data, rep)
    check_gb(kb, people, args.data, rep)
    check_gb_posts(kb, people, args.data, rep)
    check_congress(kb, people, args.data, rep)
    check_reign(kb, people, args.data, rep)
    for line in rep.lines:
        print(line)
    n = sum(1 for x in rep.lines if ": skipped:" not in x and ": info:" not in x)
    print(f"crosscheck.py: {n} disagreements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
