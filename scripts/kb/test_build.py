#!/usr/bin/env python3
"""Tests for scripts/kb/build.py (and a smoke test of crosscheck.py): each table row is a
part file that must merge cleanly or fail with a given message.

Run: python3 scripts/kb/test_build.py   (standard library only)
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import build  # noqa: E402

META = {"schema_version": 1, "name": "test", "as_of": "2026-11-01"}
BASE = {
    "sources": [{"id": "s", "name": "Source"}],
    "people": [{"id": "ann-a", "name": "Ann A", "aliases": ["Annie A"], "short": ["A"]},
               {"id": "bob-b", "name": "Bob B", "aliases": [], "short": ["B"]}],
    "offices": [{"id": "xx-pm", "name": "PM of X", "titles": ["Prime Minister"],
                 "jurisdiction": ["X"], "single_holder": True}],
    "terms": [{"person": "ann-a", "office": "xx-pm", "start": "2000-01-01",
               "end": "2010-01-01", "source": "s"},
              {"person": "bob-b", "office": "xx-pm", "start": "2010-01-01", "end": None,
               "source": "s"}],
}


def run(parts, meta=META):
    """Builds parts ({filename: object}); returns (exit code, output text, world or None)."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "meta.json"), "w") as f:
            json.dump(meta, f)
        for name, part in parts.items():
            with open(os.path.join(d, name), "w") as f:
                json.dump(part, f)
        out = os.path.join(d, "world.json")
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            rc = build.main(["--src", d, "--out", out])
        world = None
        if os.path.exists(out):
            with open(out) as f:
                world = json.load(f)
        return rc, buf.getvalue(), world


def with_(**changes):
    part = json.loads(json.dumps(BASE))
    for key, fn in changes.items():
        fn(part[key])
    return part


class BuildTest(unittest.TestCase):
    def test_clean_merge_and_counts(self):
        rc, out, world = run({"a.json": BASE})
        self.assertEqual(rc, 0, out)
        self.assertIn("2 people, 1 offices, 2 terms", out)
        self.assertEqual([p["id"] for p in world["people"]], ["ann-a", "bob-b"])
        self.assertEqual(world["as_of"], "2026-11-01")

    def test_person_in_two_parts_unites_aliases(self):
        extra = {"people": [{"id": "ann-a", "name": "Ann A", "aliases": ["A. A."],
                             "short": ["Ann"]}]}
        rc, out, world = run({"a.json": BASE, "b.json": extra})
        self.assertEqual(rc, 0, out)
        ann = next(p for p in world["people"] if p["id"] == "ann-a")
        self.assertEqual(ann["aliases"], ["Annie A", "A. A."])
        self.assertEqual(ann["short"], ["A", "Ann"])

    def test_output_does_not_depend_on_part_order(self):
        extra = {"people": [{"id": "cy-c", "name": "Cy C", "aliases": [], "short": []}]}
        _, _, w1 = run({"a.json": BASE, "b.json": extra})
        _, _, w2 = run({"a.json": extra, "b.json": BASE})
        self.assertEqual(w1, w2)

    FAILURES = [
        ("conflicting name", lambda: {"a.json": BASE, "b.json": {"people": [
            {"id": "ann-a", "name": "Ann Other", "aliases": [], "short": []}]}}, "conflicts"),
        ("alias of two people", lambda: {"a.json": with_(
            people=lambda ps: ps[1]["aliases"].append("annie a"))}, "also belongs to"),
        ("dangling person", lambda: {"a.json": with_(
            terms=lambda ts: ts[0].update(person="zed"))}, "dangling person id 'zed'"),
        ("dangling office", lambda: {"a.json": with_(
            terms=lambda ts: ts[0].update(office="yy-pm"))}, "dangling office id"),
        ("dangling source", lambda: {"a.json": with_(
            terms=lambda ts: ts[0].update(source="nope"))}, "dangling source id"),
        ("impossible date", lambda: {"a.json": with_(
            terms=lambda ts: ts[0].update(start="2001-02-30"))}, "not a real YYYY-MM-DD"),
        ("start after end", lambda: {"a.json": with_(
            terms=lambda ts: ts[0].update(start="2011-01-01"))}, "is not before end"),
        ("overlap in single_holder", lambda: {"a.json": with_(
            terms=lambda ts: ts[1].update(start="2009-06-01"))}, "overlaps"),
        ("unknown key", lambda: {"a.json": with_(
            terms=lambda ts: ts[0].update(strat="2000-01-01"))}, "unknown key 'strat'"),
        ("term without source", lambda: {"a.json": with_(
            terms=lambda ts: ts[0].pop("source"))}, "missing required key 'source'"),
        ("unknown top-level key", lambda: {"a.json": dict(BASE, facts=[])},
         "unknown top-level key 'facts'"),
        ("bad event kind", lambda: {"a.json": dict(BASE, events=[{
            "id": "e", "name": "E", "kind": "party", "date": "2001-01-01", "participants": [],
            "place": "X", "triggers": ["the party"], "source": "s"}])}, "is not one of"),
        ("quote without source", lambda: {"a.json": dict(BASE, quotes=[{
            "speaker": "ann-a", "date": "2001-01-01", "text": "Hello."}])},
         "missing required key 'source'"),
        ("uppercase id", lambda: {"a.json": with_(
            people=lambda ps: ps[0].update(id="Ann-A"))}, "slug id"),
    ]

    def test_failures(self):
        for label, parts, message in self.FAILURES:
            with self.subTest(label):
                rc, out, world = run(parts())
                self.assertEqual(rc, 1, out)
                self.assertIn(message, out)
                self.assertIsNone(world)

    def test_end_after_as_of_is_a_warning(self):
        rc, out, _ = run({"a.json": with_(terms=lambda ts: ts[1].update(end="2029-01-20"))})
        self.assertEqual(rc, 0, out)
        self.assertIn("warning: ends after as_of", out)


class RepoTest(unittest.TestCase):
    def test_committed_world_json_is_up_to_date(self):
        r = subprocess.run([sys.executable, os.path.join(HERE, "build.py"), "--check-only"],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("is up to date", r.stdout)

    def test_crosscheck_skips_without_data(self):
        r = subprocess.run([sys.executable, os.path.join(HERE, "crosscheck.py"),
                            "--data", os.path.join(tempfile.gettempdir(), "no-such-dir")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0)
        self.assertIn("skipped", r.stdout)


if __name__ == "__main__":
    unittest.main()
