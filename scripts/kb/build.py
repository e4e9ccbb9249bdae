#!/usr/bin/env python3
"""Merge the KB part files kb/src/*.json into kb/world.json, and check them.

Usage:
    python3 scripts/kb/build.py [--src DIR] [--out FILE] [--exclude NAME]... [--check-only]

kb/src/meta.json gives schema_version, name, as_of (and optionally lexicon);
every other kb/src/*.json is a part file holding any subset of the arrays
sources, people, offices, terms, events, quotes (and optionally lexicon), as
kb/FORMAT.md describes. Parts are read in file-name order.

Merging: a source, person or office that appears in several parts with the
same id is united (aliases, short, titles, jurisdiction are unioned in
first-seen order); a differing name or other scalar is an error. Identical
terms are kept once. Events are unique by id.

Checks (any failure prints one line per problem, naming the file and JSON
path, and exits 1 without writing): unknown or missing keys, wrong types,
dates that are not real ISO dates, start after end, dangling person/office/
source ids, a name or alias used by two different people, overlapping terms
of a single_holder office, overlapping terms of one person in one office,
terms/events/quotes without a source, a person's
source (of born/died) that is not defined. Warnings (printed, exit status
unchanged): a term or event dated after as_of.

Output: kb/world.json with top-level keys in FORMAT.md order, each array
sorted by id (terms by office, start, person; quotes by speaker, date), one
object per line so diffs stay readable. --check-only does all checks, writes
nothing, and reports whether kb/world.json is up to date.

Python 3 standard library only.
"""

import argparse
import datetime
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

KINDS = {"election", "inauguration", "summit", "war", "invasion", "meeting", "resignation",
         "delivery", "agreement", "referendum", "attack", "other", "sport", "disaster",
         "pandemic", "coup", "treaty", "assassination", "death", "space_mission",
         "financial_crisis", "protest", "accident"}
PRECISIONS = {"day", "month", "year"}
ROLES = {"head_of_state", "head_of_government", "minister", "monarch", "org_head", "deputy",
         "legislator", "judge", "governor", "legislative_leader", "party_leader"}
LEXICON_KEYS = ("hedges", "anonymous", "prospective")
ARRAYS = ("sources", "people", "offices", "terms", "events", "quotes")

# Per object type: key -> (type, required). Types: str, id, date, date?, bool, strlist,
# idlist, int0 (integer >= 0), int1 (integer >= 1), kind/precision/role, other_dates/vacant. The C++
# loader (core/src/kb.cpp) checks the rest (precision forms, died not before born, overlaps).
SPEC = {
    "sources": {"id": ("id", True), "name": ("str", True), "url": ("str", False),
                "license": ("str", False)},
    "people": {"id": ("id", True), "name": ("str", True), "aliases": ("strlist", True),
               "short": ("strlist", True), "born": ("date", False),
               "born_precision": ("precision", False), "died": ("date", False),
               "died_precision": ("precision", False), "source": ("id", False),
               "ref": ("str", False), "died_source": ("id", False), "died_ref": ("str", False)},
    "offices": {"id": ("id", True), "name": ("str", True), "titles": ("strlist", True),
                "jurisdiction": ("strlist", True), "single_holder": ("bool", True),
                "role": ("role", False), "vacant": ("vacant", False)},
    "terms": {"person": ("id", True), "office": ("id", True), "start": ("date", True),
              "end": ("date?", True), "source": ("id", True), "acting": ("bool", False),
              "ref": ("str", False), "party": ("str", False), "state": ("str", False),
              "district": ("int0", False), "ordinal": ("int1", False),
              "seen_until": ("date", False)},
    "events": {"id": ("id", True), "name": ("str", True), "kind": ("kind", True),
               "date": ("date", True), "end": ("date", False), "precision": ("precision", False),
               "participants": ("idlist", True), "winner": ("id", False), "place": ("str", True),
               "triggers": ("strlist", True), "other_dates": ("other_dates", False),
               "source": ("id", True), "ref": ("str", False)},
    "quotes": {"speaker": ("id", True), "date": ("date", True), "text": ("str", True),
               "source": ("id", True), "ref": ("str", False), "context": ("str", False)},
}
KEY_ORDER = {k: list(v) for k, v in SPEC.items()}
UNION_LISTS = {"people": ("aliases", "short"), "offices": ("titles", "jurisdiction")}


class Problems:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"{where}: error: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: warning: {msg}")


def relpath(path):
    r = os.path.relpath(path, ROOT)
    return path if r.startswith("..") else r


def parse_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None


# The objects of an array-valued key, per key: (kind, required). An event's other dates; an office's
# vacant stretches ([from, to), to null = lasting at as_of; in order and apart: check_world).
OBJECT_LISTS = {
    "other_dates": {"date": ("date", True), "what": ("str", True), "source": ("id", False)},
    "vacant": {"from": ("date", True), "to": ("date?", True), "source": ("id", True), "ref": ("str", False)},
}


def check_value(kind, value, where, key, p):
    """Returns True when value has the type the spec asks for (errors go to p)."""
    at = f"{where}.{key}"
    if kind == "str":
        ok = isinstance(value, str) and value.strip() != ""
        if not ok:
            p.error(at, "expected a non-empty string")
        return ok
    if kind == "id":
        ok = isinstance(value, str) and bool(ID_RE.match(value))
        if not ok:
            p.error(at, f"expected a lowercase ASCII slug id, got {value!r}")
        return ok
    if kind in ("date", "date?"):
        if kind == "date?" and value is None:
            return True
        ok = parse_date(value) is not None
        if not ok:
            p.error(at, f"not a real YYYY-MM-DD date: {value!r}")
        return ok
    if kind == "bool":
        ok = isinstance(value, bool)
        if not ok:
            p.error(at, "expected true or false")
        return ok
    if kind in ("int0", "int1"):
        low = 0 if kind == "int0" else 1
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= 999_999_999
        if not ok:
            p.error(at, f"expected an integer >= {low}, got {value!r}")
        return ok
    if kind in ("strlist", "idlist"):
        if not isinstance(value, list):
            p.error(at, "expected an array")
            return False
        good = True
        for i, v in enumerate(value):
            good &= check_value("str" if kind == "strlist" else "id", v, at, f"[{i}]", p)
        if len(set(value)) != len(value) and good:
            p.error(at, "duplicate entries")
            good = False
        return good
    if kind in ("kind", "precision", "role"):
        allowed = {"kind": KINDS, "precision": PRECISIONS, "role": ROLES}[kind]
        ok = value in allowed
        if not ok:
            p.error(at, f"{value!r} is not one of {sorted(allowed)}")
        return ok
    if kind in OBJECT_LISTS:  # an array of objects, each key of a kind (OBJECT_LISTS)
        spec = OBJECT_LISTS[kind]
        if not isinstance(value, list):
            p.error(at, "expected an array")
            return False
        good = True
        for i, v in enumerate(value):
            w = f"{at}[{i}]"
            if not isinstance(v, dict):
                p.error(w, "expected an object")
                good = False
                continue
            for k in v:
                if k not in spec:
                    p.error(w, f"unknown key {k!r}")
                    good = False
            missing = [repr(k) for k, (_, required) in spec.items() if required and k not in v]
            if missing:
                p.error(w, "needs " + " and ".join(missing))
                good = False
                continue
            for k, (sub, _) in spec.items():
                if k in v:
                    good &= check_value(sub, v[k], w, k, p)
        return good
    raise AssertionError(kind)


def check_object(array, obj, where, p):
    if not isinstance(obj, dict):
        p.error(where, "expected an object")
        return False
    spec = SPEC[array]
    good = True
    for k in obj:
        if k not in spec:
            p.error(where, f"unknown key {k!r} (allowed: {', '.join(spec)})")
            good = False
    for k, (kind, required) in spec.items():
        if k not in obj:
            if required:
                hint = " (every term/event/quote names its source)" if k == "source" else ""
                p.error(where, f"missing required key {k!r}{hint}")
                good = False
            continue
        good &= check_value(kind, obj[k], where, k, p)
    return good


def check_lexicon(lex, where, p):
    if not isinstance(lex, dict):
        p.error(where, "expected an object")
        return False
    good = True
    for k, v in lex.items():
        if k not in LEXICON_KEYS:
            p.error(where, f"unknown key {k!r} (allowed: {', '.join(LEXICON_KEYS)})")
            good = False
        else:
            good &= check_value("strlist", v, where, k, p)
    return good


def load_json(path, p):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        p.error(relpath(path), f"cannot read JSON: {e}")
        return None


def union_into(target, extra):
    for v in extra:
        if v not in target:
            target.append(v)


def merge(meta_path, part_paths, p):
    meta = load_json(meta_path, p)
    world = {"schema_version": None, "name": None, "as_of": None, "sources": [], "people": [],
             "offices": [], "terms": [], "events": [], "quotes": [],
             "lexicon": {k: [] for k in LEXICON_KEYS}}
    mrel = relpath(meta_path)
    if isinstance(meta, dict):
        for k in meta:
            if k not in ("schema_version", "name", "as_of", "lexicon"):
                p.error(mrel, f"unknown key {k!r}")
        if meta.get("schema_version") != 1:
            p.error(f"{mrel}.schema_version", "must be 1")
        world["schema_version"] = 1
        world["name"] = meta.get("name")
        if not isinstance(world["name"], str) or not world["name"]:
            p.error(f"{mrel}.name", "expected a non-empty string")
        world["as_of"] = meta.get("as_of")
        check_value("date", world["as_of"], mrel, "as_of", p)
        if "lexicon" in meta and check_lexicon(meta["lexicon"], f"{mrel}.lexicon", p):
            for k, v in meta["lexicon"].items():
                union_into(world["lexicon"][k], v)
    elif meta is not None:
        p.error(mrel, "expected an object")

    by_id = {a: {} for a in ("sources", "people", "offices", "events")}
    origin = {}  # (array, id) -> where first seen
    term_keys = set()
    for path in part_paths:
        rel = relpath(path)
        part = load_json(path, p)
        if part is None:
            continue
        if not isinstance(part, dict):
            p.error(rel, "expected an object")
            continue
        for k in part:
            if k not in ARRAYS and k != "lexicon":
                p.error(rel, f"unknown top-level key {k!r} (a part holds only "
                             f"{', '.join(ARRAYS)}, lexicon)")
        if "lexicon" in part and check_lexicon(part["lexicon"], f"{rel}.lexicon", p):
            for k, v in part["lexicon"].items():
                union_into(world["lexicon"][k], v)
        for array in ARRAYS:
            items = part.get(array, [])
            if not isinstance(items, list):
                p.error(f"{rel}.{array}", "expected an array")
                continue
            for i, obj in enumerate(items):
                where = f"{rel}.{array}[{i}]"
                if isinstance(obj, dict) and "id" in obj:
                    where += f" ({obj['id']})"
                if not check_object(array, obj, where, p):
                    continue
                obj = json.loads(json.dumps(obj))  # private copy
                if array in by_id:
                    prev = by_id[array].get(obj["id"])
                    if prev is None:
                        by_id[array][obj["id"]] = obj
                        origin[(array, obj["id"])] = where
                        world[array].append(obj)
                        continue
                    if array == "events":
                        p.error(where, f"duplicate event id (first in {origin[(array, obj['id'])]})")
                        continue
                    for k, v in obj.items():
                        if k in UNION_LISTS.get(array, ()):
                            union_into(prev[k], v)
                        elif k not in prev:
                            prev[k] = v
                        elif prev[k] != v:
                            p.error(where, f"{k} {v!r} conflicts with {prev[k]!r} "
                                           f"in {origin[(array, obj['id'])]}")
                elif array == "terms":
                    key = json.dumps(obj, sort_keys=True)
                    if key in term_keys:
                        continue
                    term_keys.add(key)
                    obj["_where"] = where
                    world[array].append(obj)
                else:
                    obj["_where"] = where
                    world[array].append(obj)
    return world


def check_world(world, p):
    as_of = parse_date(world["as_of"]) if world["as_of"] else None
    sources = {s["id"] for s in world["sources"]}
    people = {x["id"]: x for x in world["people"]}
    offices = {x["id"]: x for x in world["offices"]}

    # Names and aliases are unique across people (case-insensitive); short forms may repeat.
    owner = {}
    for person in world["people"]:
        forms = [person["name"]] + person["aliases"]
        for form in dict.fromkeys(f.casefold() for f in forms):
            other = owner.setdefault(form, person["id"])
            if other != person["id"]:
                p.error(f"people ({person['id']})",
                        f"name/alias {form!r} also belongs to {other!r}")

    for person in world["people"]:
        for key in ("source", "died_source"):
            if key in person and person[key] not in sources:
                p.error(f"people ({person['id']})", f"dangling {key} id {person[key]!r}")
        for key in ("died_source", "died_ref"):
            if key in person and "died" not in person:
                p.error(f"people ({person['id']})", f"{key} without died")

    for t in world["terms"]:
        w = t["_where"]
        if t["person"] not in people:
            p.error(w, f"dangling person id {t['person']!r}")
        if t["office"] not in offices:
            p.error(w, f"dangling office id {t['office']!r}")
        if t["source"] not in sources:
            p.error(w, f"dangling source id {t['source']!r}")
        start, end = parse_date(t["start"]), parse_date(t["end"]) if t["end"] else None
        if end is not None and start >= end:
            p.error(w, f"start {t['start']} is not before end {t['end']}")
        if as_of and start > as_of:
            p.warn(w, f"starts after as_of {world['as_of']}")
        if as_of and end is not None and end > as_of:
            p.warn(w, f"ends after as_of {world['as_of']} (should it be null?)")

    # Overlaps: [start, end) intervals; end null = open.
    def overlaps(group, label):
        group = sorted(group, key=lambda t: t["start"])
        for a, b in zip(group, group[1:]):
            if a["end"] is None or b["start"] < a["end"]:
                p.error(b["_where"], f"{label}: {b['person']} from {b['start']} overlaps "
                                     f"{a['person']} {a['start']}..{a['end'] or 'open'} "
                                     f"({a['_where']})")

    by_office, by_person_office = {}, {}
    for t in world["terms"]:
        by_office.setdefault(t["office"], []).append(t)
        by_person_office.setdefault((t["person"], t["office"]), []).append(t)
    for oid, group in by_office.items():
        if oid in offices and offices[oid]["single_holder"]:
            # an acting term may overlap a full one (the holder suspended), not another acting one
            overlaps([t for t in group if not t.get("acting")], f"single_holder office {oid}")
            overlaps([t for t in group if t.get("acting")], f"single_holder office {oid} (acting)")
    for (pid, oid), group in by_person_office.items():
        if not (oid in offices and offices[oid]["single_holder"]):
            overlaps(group, f"{pid} twice in {oid}")

    # An office's vacancies: sourced, in order and apart, and no term in one ([from, to), to null = open).
    for oid, office in offices.items():
        stretches = office.get("vacant", [])
        for i, v in enumerate(stretches):
            w = f"offices ({oid}) vacant[{i}]"
            if v["source"] not in sources:
                p.error(w, f"dangling source id {v['source']!r}")
            a, b = parse_date(v["from"]), parse_date(v["to"]) if v["to"] else None
            if b is not None and b <= a:
                p.error(w, f"to {v['to']} is not after from {v['from']}")
            if i and (stretches[i - 1]["to"] is None or parse_date(stretches[i - 1]["to"]) > a):
                p.error(w, "starts before the vacancy before it ends")
            for t in by_office.get(oid, []):
                ts, te = parse_date(t["start"]), parse_date(t["end"]) if t["end"] else None
                if (b is None or ts < b) and (te is None or a < te):
                    p.error(t["_where"], f"term of {t['person']} {t['start']}..{t['end'] or 'open'} "
                                         f"falls in the vacancy {v['from']}..{v['to'] or 'open'} of {oid}")

    for e in world["events"]:
        w = f"events ({e['id']})"
        for pid in dict.fromkeys(e["participants"] + ([e["winner"]] if "winner" in e else [])):
            if pid not in people:
                p.error(w, f"dangling person id {pid!r}")
        if "winner" in e and e["winner"] not in e["participants"]:
            p.warn(w, f"winner {e['winner']!r} is not among participants")
        if e["source"] not in sources:
            p.error(w, f"dangling source id {e['source']!r}")
        for od in e.get("other_dates", []):
            if "source" in od and od["source"] not in sources:
                p.error(w, f"dangling source id {od['source']!r} of the other date {od['date']}")
        if "end" in e and parse_date(e["end"]) < parse_date(e["date"]):
            p.error(w, f"end {e['end']} is before date {e['date']}")
        if as_of and parse_date(e["date"]) > as_of:
            p.warn(w, f"dated after as_of {world['as_of']}")

    for q in world["quotes"]:
        if q["speaker"] not in people:
            p.error(q["_where"], f"dangling speaker id {q['speaker']!r}")
        if q["source"] not in sources:
            p.error(q["_where"], f"dangling source id {q['source']!r}")


def ordered(obj, array):
    out = {k: obj[k] for k in KEY_ORDER[array] if k in obj}
    return out


def render(world):
    """One object per line; arrays sorted so the output does not depend on part order."""
    sort_keys = {
        "sources": lambda x: x["id"], "people": lambda x: x["id"], "offices": lambda x: x["id"],
        "terms": lambda x: (x["office"], x["start"], x["person"]),
        "events": lambda x: x["id"],
        "quotes": lambda x: (x["speaker"], x["date"], x["text"]),
    }
    lines = ["{",
             f'"schema_version": {json.dumps(world["schema_version"])},',
             f'"name": {json.dumps(world["name"], ensure_ascii=False)},',
             f'"as_of": {json.dumps(world["as_of"])},']
    for array in ARRAYS:
        items = sorted(world[array], key=sort_keys[array])
        lines.append(f'"{array}": [')
        body = [json.dumps(ordered(x, array), ensure_ascii=False) for x in items]
        lines.append(",\n".join(body))
        lines.append("],")
    lex = {k: world["lexicon"][k] for k in LEXICON_KEYS}
    lines.append(f'"lexicon": {json.dumps(lex, ensure_ascii=False)}')
    lines.append("}")
    text = "\n".join(line for line in lines if line != "") + "\n"
    json.loads(text)  # sanity: the hand-joined text is valid JSON
    return text


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=os.path.join(ROOT, "kb", "src"))
    ap.add_argument("--out", default=os.path.join(ROOT, "kb", "world.json"))
    ap.add_argument("--exclude", action="append", default=[], metavar="NAME",
                    help="leave out a part file by name (repeatable), e.g. to ship while "
                         "one part is broken")
    ap.add_argument("--check-only", action="store_true",
                    help="check the parts, write nothing, say whether --out is up to date")
    args = ap.parse_args(argv)

    p = Problems()
    meta_path = os.path.join(args.src, "meta.json")
    parts = sorted(x for x in glob.glob(os.path.join(args.src, "*.json"))
                   if os.path.basename(x) != "meta.json"
                   and os.path.basename(x) not in args.exclude)
    for name in args.exclude:
        print(f"build.py: excluding {name}", file=sys.stderr)
    if not os.path.exists(meta_path):
        print(f"build.py: {meta_path} is missing", file=sys.stderr)
        return 1
    world = merge(meta_path, parts, p)
    check_world(world, p)
    for line in p.warnings + p.errors:
        print(line, file=sys.stderr)

    counts = ", ".join(f"{len(world[a])} {a}" for a in ARRAYS)
    print(f"build.py: {len(parts)} part files: {counts}; "
          f"{len(p.errors)} errors, {len(p.warnings)} warnings")
    if p.errors:
        return 1
    text = render(world)
    if args.check_only:
        try:
            with open(args.out, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        state = "up to date" if current == text else "out of date (run build.py)"
        print(f"build.py: {relpath(args.out)} is {state}")
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"build.py: wrote {relpath(args.out)} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
