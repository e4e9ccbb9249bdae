#!/usr/bin/env python3
"""Draw a seeded random sample of the KB facts added since a base commit, for a manual audit.

  python3 scripts/kb/audit_sample.py --base 36561d6 --seed 20261130 [--terms 60 --people 40 --events 30]

A fact is "added" when it is in kb/src at HEAD and not, with the same values, at the base commit:
a term by (person, office, start, end), a born or died value by (person, which, date, precision),
an event by (id, date, end, place). Terms and births/deaths are drawn per part file: every file
gets one, the rest in proportion to the file's share (largest remainder); events are drawn from
all files at once. The sample is printed as JSON lines (kind, file, fact) in a stable order, so the
same base, seed and HEAD give the same sample. Python 3 standard library only; needs git.
"""
import argparse
import collections
import json
import random
import subprocess
import sys


def load(rev):
    names = subprocess.run(["git", "ls-tree", "--name-only", rev, "kb/src/"],
                           capture_output=True, text=True, check=True).stdout.split()
    parts = {}
    for name in names:
        if name.endswith(".json"):
            text = subprocess.run(["git", "show", f"{rev}:{name}"],
                                  capture_output=True, text=True, check=True).stdout
            parts[name] = json.loads(text)
    return parts


def facts(parts):
    out = {"terms": {}, "people": {}, "events": {}}
    for name, part in parts.items():
        for t in part.get("terms", []):
            out["terms"][(t["person"], t["office"], t["start"], t.get("end"))] = (name, t)
        for p in part.get("people", []):
            for which in ("born", "died"):
                if p.get(which):
                    key = (p["id"], which, p[which], p.get(which + "_precision", "day"))
                    out["people"][key] = (name, {"id": p["id"], which: p[which],
                                                 "precision": key[3], "source": p.get("source"),
                                                 "ref": p.get("ref")})
        for e in part.get("events", []):
            out["events"][(e["id"], e["date"], e.get("end"), e["place"])] = (name, e)
    return out


def stratified(rng, items, n):
    by_file = collections.defaultdict(list)
    for item in items:
        by_file[item[0]].append(item)
    files = sorted(by_file)
    if n < len(files):
        sys.exit(f"sample of {n} is smaller than the {len(files)} files")
    share = {f: (n - len(files)) * len(by_file[f]) / len(items) for f in files}
    k = {f: 1 + int(share[f]) for f in files}
    left = n - sum(k.values())
    for f in sorted(files, key=lambda f: -(share[f] - int(share[f])))[:left]:
        k[f] += 1
    sample = []
    for f in files:
        sample += rng.sample(by_file[f], min(k[f], len(by_file[f])))
    return sample


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--terms", type=int, default=60)
    ap.add_argument("--people", type=int, default=40)
    ap.add_argument("--events", type=int, default=30)
    args = ap.parse_args()
    old, new = facts(load(args.base)), facts(load("HEAD"))
    added = {kind: [new[kind][k] for k in sorted(new[kind], key=str) if k not in old[kind]]
             for kind in new}
    for kind, items in added.items():
        print(f"{kind}: {len(items)} added since {args.base}", file=sys.stderr)
    rng = random.Random(args.seed)
    sample = [("terms", x) for x in stratified(rng, added["terms"], args.terms)]
    sample += [("people", x) for x in stratified(rng, added["people"], args.people)]
    sample += [("events", x) for x in rng.sample(added["events"], min(args.events, len(added["events"])))]
    for kind, (name, fact) in sample:
        print(json.dumps({"kind": kind, "file": name, "fact": fact}, ensure_ascii=False))


if __name__ == "__main__":
    main()
