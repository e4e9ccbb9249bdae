#!/usr/bin/env python3
"""Check the sourcing of the hand-written world parts (kb/src/world-*.json, kb/src/orgs.json).

1. One source, one page: no source's name lists more than one page (a Wikipedia source
   names exactly one article; no "A; B" or "lists of ..." names).
2. Every term whose source is a Wikipedia page names its office's country: the page title
   contains one of the office's jurisdiction words or the
   country/organisation named in the office's name ("President of Lebanon" -> "Lebanon").
   Sources about one person (a biography such as Hirohito) pass when the URL names the
   term's person instead.

Prints one line per problem and exits 1 if there is any. Python 3 standard library only.
"""
import glob
import json
import os
import re
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARTS = sorted(glob.glob(os.path.join(ROOT, "kb/src/world-*.json"))) + [os.path.join(ROOT, "kb/src/orgs.json")]
# Country words a page title may use for a jurisdiction (demonyms and short forms aside).
ALIASES = {"cn": ["China", "Chinese"], "su": ["Soviet"], "yu": ["Yugoslavia", "Serbia and Montenegro"],
           "ws": ["Samoa", "O le Ao o le Malo"], "bt": ["Bhutan", "Druk Gyalpo"], "ie": ["Ireland", "Taoiseach"],
           "de": ["Germany", "German", "Federal Foreign Office"], "sz": ["Eswatini", "Swaziland"],
           "tr": ["Turkey", "Treasury and Finance"], "gb": ["United Kingdom"],
           "tw": ["Republic of China"], "va": ["popes"], "ua": ["Ukraine", "Verkhovna Rada"]}
# Wikipedia titles that belong to one country without naming it (checked by hand).
COUNTRY_SPECIFIC = {"Secretariat_of_Foreign_Affairs": "mx", "Minister_of_International_Relations_and_Cooperation": "za",
                    "Minister_of_Defence_and_Military_Veterans": "za",
                    "Ministry_of_Foreign_Affairs,_International_Trade_and_Worship": "ar"}


def norm(s):
    return re.sub(r"\s+", " ", s.replace("_", " ")).lower()


def main():
    sources, offices, people, terms = {}, {}, {}, []
    for f in glob.glob(os.path.join(ROOT, "kb/src/*.json")):
        d = json.load(open(f, encoding="utf-8"))
        for s in d.get("sources", []):
            sources[s["id"]] = s
        for o in d.get("offices", []):
            offices[o["id"]] = o
        for p in d.get("people", []):
            people[p["id"]] = p
    problems = []
    world_sources = set()
    for f in PARTS:
        d = json.load(open(f, encoding="utf-8"))
        for s in d.get("sources", []):
            world_sources.add(s["id"])
        for t in d.get("terms", []):
            terms.append((os.path.relpath(f, ROOT), t))
    for sid in sorted(world_sources):
        s = sources[sid]
        n = s["name"]
        if n.startswith("Wikipedia") and (";" in n or re.search(r"\blists of\b|\blists:", n)):
            problems.append(f"source {sid}: name lists more than one page: {n!r}")
    for where, t in terms:
        s = sources[t["source"]]
        o = offices[t["office"]]
        url = s.get("url") or ""
        if "wikipedia.org/wiki/" not in url:
            continue  # news reports and data sets: one page each, checked by hand
        title = urllib.parse.unquote(url.rsplit("/wiki/", 1)[-1])
        if COUNTRY_SPECIFIC.get(title) == t["office"].split("-")[0]:
            continue
        text = norm(title)
        words = [w for w in o["jurisdiction"] if len(w) > 2]
        m = re.search(r" of (?:the )?(.+?)(?: \(|$)", o["name"])
        if m:
            words.append(m.group(1))
        words += ALIASES.get(t["office"].split("-")[0], [])
        person = people[t["person"]]
        names = [person["name"]] + person.get("aliases", [])
        if not any(norm(w) in text for w in words) and not any(norm(n) in text for n in names):
            problems.append(f"{where}: term {t['person']} {t['office']} {t['start']}: source "
                            f"{t['source']} ({url or s['name']}) does not name {o['name']!r}")
    for p in problems:
        print(p)
    print(f"check_sources: {len(terms)} terms, {len(world_sources)} sources; {len(problems)} problems",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
