#!/usr/bin/env python3
"""Check the sourcing of the hand-written world parts (kb/src/world-*.json, kb/src/orgs.json).

1. One source, one page: no source's name lists more than one page (a Wikipedia source
   names exactly one article; no "A; B" or "lists of ..." names).
2. Every term whose source is a Wikipedia page names its office's country: the page title
   contains one of the office's jurisdiction words or the
   country/organisation named in the office's name ("President of Lebanon" -> "Lebanon").
   Sources about one person (a biography such as Hirohito) pass when the URL names the
   term's person instead.
3. Weak event and quote sources: a source of kb/src/events*.json or quotes*.json whose address is on
   a scraper, aggregator or quiz host (WEAK_HOSTS below: copies of other pages, reposted news,
   study and trivia sites) is listed as "weak: ..." with the events or quotes that cite it. Such
   pages may well state the fact, but a page of the original publisher should replace them; the
   list does not fail the check.

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
           "tw": ["Republic of China"], "va": ["popes"], "ua": ["Ukraine", "Verkhovna Rada"],
           "ma": ["Morocco", "Marocco"], "az": ["Azerbaijan", "Azerbaigian"],
           "kg": ["Kyrgyzstan", "Kirgisistan"], "mk": ["North Macedonia", "Makedonije"],
           "me": ["Montenegro", "Crne Gore"], "ge": ["Georgia", "Georgien"],
           "ba": ["Bosnia", "Bosnien"], "mu": ["Mauritius", "モーリシャス"],
           "bg": ["Bulgaria", "bulgarisch"]}
# Wikipedia titles that belong to one country without naming it (checked by hand).
COUNTRY_SPECIFIC = {"Secretariat_of_Foreign_Affairs": "mx", "Minister_of_International_Relations_and_Cooperation": "za",
                    "Minister_of_Defence_and_Military_Veterans": "za",
                    "Ministry_of_Foreign_Affairs,_International_Trade_and_Worship": "ar",
                    "Governo_Ciampi": "it", "1975_Conservative_Party_leadership_election": "gb",
                    "Shadow_Cabinet_of_John_Smith": "gb", "Shadow_Cabinet_of_John_Major": "gb",
                    "Gaitskell_shadow_cabinet": "gb", "Alec_Douglas-Home": "gb",
                    "김태영_(1949년)": "kr",  # Korean Wikipedia: Kim Tae-young, defence minister 2009-10
                    # a googleweblight copy whose URL encodes the title twice (Albert Pahimi Padacké, PM of Chad)
                    "Albert_Pahimi_Padack%C3%A9": "td",
                    "한승주": "kr"}  # Korean Wikipedia: Han Sung-joo, foreign minister 1993-94
# Hosts whose pages copy or aggregate other pages (see 3. above); matched on the address's host.
WEAK_HOSTS = ["issuhub.com", "tracking.ghscosting.org", "covid19basics.com", "46.235.172.94", "softschools.com",
              "pdfslide.us", "imaginecosmos.com", "pscquestiontools.blogspot.com", "feedman.me",
              "toptenfamous.com", "moneywords.com", "studylibfr.com", "x2click.com", "livrozilla.com",
              "clever-geek.imtqy.com", "eastwestwingchun.com", "lfwp.net", "geocities.cmolabs.net",
              "kouzhaopifawang.com", "quizzclub.com", "chinaidiom.com", "trabalhosfeitos.com", "tutor1.net",
              "acadlly.com", "fenleixinxiwang.com", "jobbinghood.com", "offbeaty.com", "pages.dev",
              "86.179.37.111", "triviacafe.com", "uollb.com", "wxdam.com", "docslib.org", "paperzz.com",
              "vdocuments.us", "fdocuments.in", "documents.pub", "studylib.net", "docstoc.com",
              "oddlysaid.com", "coolslang.com", "magnificentlore.com", "newsbreak.com", "opoyi.com",
              "timelinefy.com", "socializare.ro", "francescoscoppetta.it", "kuenstlerkantine.de",
              "samuidevelopment.com"]


def weak_host(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    return next((h for h in WEAK_HOSTS if host == h or host.endswith("." + h)), None)


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
    cited = {}
    for f in sorted(glob.glob(os.path.join(ROOT, "kb/src/events*.json")) + glob.glob(os.path.join(ROOT, "kb/src/quotes*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        for kind in ("events", "quotes"):
            for x in d.get(kind, []):
                cited.setdefault(x["source"], []).append(x.get("id") or f"quote of {x['speaker']} {x['date']}")
    weak = []
    for sid in sorted(cited):
        url = sources.get(sid, {}).get("url") or ""
        if weak_host(url):
            weak.append(f"weak: source {sid} ({weak_host(url)}) cited by {len(cited[sid])}: {', '.join(cited[sid][:4])}"
                        + (" ..." if len(cited[sid]) > 4 else ""))
    for p in problems:
        print(p)
    for w in weak:
        print(w)
    print(f"check_sources: {len(terms)} terms, {len(world_sources)} sources; {len(problems)} problems; "
          f"{len(weak)} weak event/quote sources", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
