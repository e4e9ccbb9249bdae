#!/usr/bin/env python3
"""kb/schema.json is held to the C++ loader: every tests/fixtures/kb/*.json (and kb/world.json) is
loaded both ways, by `factlint kb-check` and by JSON Schema 2020-12 (Debian's python3-jsonschema),
and the verdicts must agree. The schema checks shape only, so the faults that need more than one
value or a calendar (dangling ids, overlapping terms, a date that does not exist, end before
start...) are listed in LOADER_ONLY with the reason: for those the loader must reject and the
schema must accept. A fixture in that table that the schema starts rejecting fails the test too,
so the table stays true.

Run: /usr/bin/python3 scripts/kb/test_schema.py FACTLINT_BINARY
Exits 77 (ctest: skipped) with a message when python3-jsonschema is not installed.
"""

import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SKIP = 77

# fixture -> why the schema cannot see the fault (the loader's error code is checked too).
LOADER_ONLY = {
    "fail_bad_date.json": ("kb_invalid_value", "1937-02-30 matches the date pattern; the calendar says no"),
    "fail_start_after_end.json": ("kb_invalid_value", "compares two values (start, end)"),
    "fail_zero_length_term.json": ("kb_invalid_value", "compares two values (start, end)"),
    "fail_event_end_before_date.json": ("kb_invalid_value", "compares two values (date, end)"),
    "fail_seen_until_with_end.json": ("kb_invalid_value", "compares two values (end, seen_until)"),
    "fail_precision_date.json": ("kb_invalid_value", "a date held to its precision: two values"),
    "fail_died_before_born.json": ("kb_invalid_value", "compares two values (born, died)"),
    "fail_duplicate_id.json": ("kb_duplicate", "ids unique across a collection"),
    "fail_duplicate_alias.json": ("kb_duplicate", "aliases unique across people, after folding"),
    "fail_duplicate_key.json": ("kb_duplicate", "JSON parsers keep one of two equal keys"),
    "fail_dangling_person.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_office.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_source.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_other_date_source.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_person_source.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_died_source.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_winner.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_participant.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_speaker.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_dangling_vacancy_source.json": ("kb_dangling_id", "a reference to another collection"),
    "fail_vacancy_empty.json": ("kb_invalid_value", "compares two values (from, to)"),
    "fail_vacancy_order.json": ("kb_overlap", "compares two items (one vacancy with the one before)"),
    "fail_vacancy_overlap.json": ("kb_overlap", "compares two collections (a term with its office's vacancy)"),
    "fail_overlap.json": ("kb_overlap", "compares terms"),
    "fail_overlap_open.json": ("kb_overlap", "compares terms"),
    "fail_overlap_same_person.json": ("kb_overlap", "compares terms"),
    "fail_overlap_acting.json": ("kb_overlap", "compares terms"),
}
CODE_RE = re.compile(r"error: \[(kb_[a-z_]+)\]")


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def schema_verdict(validator, path):
    """None when the schema accepts the file, else a one-line reason."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        # strict as RFC 8259: UTF-8 only, no NaN/Infinity (Python's json would take them)
        data = json.loads(raw.decode("utf-8"), parse_constant=reject_constant)
    except (ValueError, UnicodeDecodeError) as e:
        return f"not JSON: {str(e)[:80]}"
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    e = errors[0]
    return "/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:100]


def loader_verdict(binary, path):
    """(None, None) when `factlint kb-check` accepts the file, else (error code, first line)."""
    run = subprocess.run([binary, "kb-check", "--no-trigger-lint", path], capture_output=True, text=True, errors="replace")
    if run.returncode == 0:
        return None, None
    out = run.stdout + run.stderr
    m = CODE_RE.search(out)
    return (m.group(1) if m else "?"), out.strip().splitlines()[0][:160]


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    try:
        import jsonschema  # noqa: F401  (Debian: python3-jsonschema)
        from jsonschema import Draft202012Validator
    except ImportError:
        print("test_schema.py: skipped: python3-jsonschema is not installed "
              "(apt-get install python3-jsonschema, or scripts/setup)")
        return SKIP
    with open(os.path.join(ROOT, "kb", "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    fixtures = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "kb", "*.json")))
    files = fixtures + [os.path.join(ROOT, "kb", "world.json")]
    failures = []
    counts = {"agree": 0, "loader_only": 0}
    for path in files:
        name = os.path.basename(path)
        passing = name.startswith("pass_") or name == "world.json"
        code, loader_line = loader_verdict(binary, path)
        schema_reason = schema_verdict(validator, path)
        if passing:
            if code is not None:
                failures.append(f"{name}: the loader rejects a pass fixture: {loader_line}")
            if schema_reason is not None:
                failures.append(f"{name}: the schema rejects a pass fixture: {schema_reason}")
            counts["agree"] += 1
            continue
        if not name.startswith("fail_"):
            failures.append(f"{name}: a fixture must be named pass_* or fail_*")
            continue
        if code is None:
            failures.append(f"{name}: the loader accepts a fail fixture")
            continue
        if name in LOADER_ONLY:
            want_code, why = LOADER_ONLY[name]
            if code != want_code:
                failures.append(f"{name}: loader code {code}, the table says {want_code}: {loader_line}")
            if schema_reason is not None:
                failures.append(f"{name}: listed as loader-only ({why}) but the schema rejects it too "
                                f"({schema_reason}): take it out of LOADER_ONLY")
            counts["loader_only"] += 1
        else:
            if schema_reason is None:
                failures.append(f"{name}: the loader rejects it ({loader_line}) and the schema accepts "
                                f"it: the schema misses a rule, or the fault belongs in LOADER_ONLY")
            counts["agree"] += 1
    for name in LOADER_ONLY:
        if not os.path.exists(os.path.join(ROOT, "tests", "fixtures", "kb", name)):
            failures.append(f"{name}: in LOADER_ONLY but no such fixture")
    for line in failures:
        print("FAIL", line)
    print(f"test_schema.py: {len(files)} files, {counts['agree']} same verdict both ways, "
          f"{counts['loader_only']} loader-only faults (schema accepts, loader rejects), "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
