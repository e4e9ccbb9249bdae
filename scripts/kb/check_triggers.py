#!/usr/bin/env python3
"""Report election triggers that do not say which election they mean although the country
had another national vote that year.

A bare trigger ("2019 Danish election", "Denmark's 2019 election", "Danish election of 2019",
"2019 election in Denmark") names a country and a year but no kind of election (general,
parliamentary, presidential, legislative, European ...). It is ambiguous when the KB has another
election event for the same place and year, or when the country is an EU member that elected
the European Parliament that year (also on the same day: the trigger still names two votes).
Referendums are not elections. Prints one line per ambiguous trigger (file, event id, date,
trigger, why) and exits 1 if there is any. Python 3 standard library only.
"""
import collections
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUAL = re.compile(r"\b(general|parliamentary|presidential|legislative|federal|european|local|regional|municipal|senate|senatorial|state|assembly|snap|house|constitutional|gubernatorial|provincial|midterm|mid-term|by-election|leadership|congressional|national|lok|duma|knesset|sejm|diet|upper|lower|councillors|representatives|bundestag|storting|riksdag|althing|folketing|eduskunta|cortes|sabor|seimas|saeima|riigikogu|storting|nationalrat|dáil|dail|chamber|primary|runoff|run-off|first round|second round|round|recall|mayoral|council|island|territorial|judicial|hong kong|chief executive|referendum|plebiscite)\b", re.I)
Y = r"(1[89]\d\d|20\d\d)"
PATS = [re.compile(r"^"+Y+r" (?P<x>.+?) elections?$", re.I),
        re.compile(r"^(?P<x>.+?)'s "+Y+r" elections?$", re.I),
        re.compile(r"^(?P<x>.+?) elections? of "+Y+r"$", re.I),
        re.compile(r"^"+Y+r" elections? in (?P<x>.+?)$", re.I),
        re.compile(r"^(?P<x>.+?) "+Y+r" elections?$", re.I)]
EU = {  # place -> first EP election year
 'Belgium':1979,'France':1979,'Germany':1979,'Italy':1979,'Luxembourg':1979,'Netherlands':1979,
 'Denmark':1979,'Ireland':1979,'United Kingdom':1979,'Greece':1981,'Spain':1987,'Portugal':1987,
 'Sweden':1995,'Austria':1996,'Finland':1996,'Cyprus':2004,'Czech Republic':2004,'Estonia':2004,
 'Hungary':2004,'Latvia':2004,'Lithuania':2004,'Malta':2004,'Poland':2004,'Slovakia':2004,
 'Slovenia':2004,'Bulgaria':2007,'Romania':2007,'Croatia':2013}
EP_YEARS = {1979,1984,1989,1994,1999,2004,2009,2014,2019,2024}
def ep_years(place):
    if place not in EU: return set()
    first=EU[place]; ys={y for y in EP_YEARS if y>=first}|{first}
    if place=='United Kingdom': ys={y for y in ys if y<=2019}
    return ys
def load():
    evs=[]
    for f in sorted(glob.glob(os.path.join(ROOT, 'kb/src/events*.json'))):
        for e in json.load(open(f)).get('events',[]):
            e['_f']=f; evs.append(e)
    return evs
def bare(t):
    for p in PATS:
        m=p.match(t)
        if m:
            x=m.group('x')
            if not QUAL.search(x) and not re.search(r"\d", x):
                return True
    return False
def scan(evs):
    el=[e for e in evs if e['kind']=='election']
    byp=collections.defaultdict(list)
    for e in el: byp[(e['place'],e['date'][:4])].append(e)
    out=[]
    for e in el:
        y=e['date'][:4]
        others=[o for o in byp[(e['place'],y)] if o is not e]
        why=[]
        if others: why.append('also '+', '.join(o['id']+' '+o['date'] for o in others))
        if int(y) in ep_years(e['place']) and 'european' not in e['name'].lower():
            why.append(f'EP election {y}')
        for t in e['triggers']:
            if bare(t) and why:
                out.append((e['_f'],e['id'],e['date'],t,'; '.join(why)))
    return out
if __name__=='__main__':
    evs=load()
    out=scan(evs)
    for r in out:
        print('\t'.join((os.path.relpath(r[0], ROOT),) + tuple(r[1:])))
    print(f'check_triggers: {len(out)} ambiguous election triggers', file=sys.stderr)
    sys.exit(1 if out else 0)
