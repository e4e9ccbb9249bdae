"""The binding against the CLI of the same build: same reports, same JSONL bytes, same segments,
same KB errors; bad inputs raise factlint.Error naming the problem; the GIL is released while
checking."""

import json
import shlex
import sys
import threading

import pytest

from conftest import CLI, GOLDEN, ROOT, run_cli

GOLDEN_ARTICLES = sorted(GOLDEN.glob("*.txt")) + [ROOT / "examples" / "example-article.txt"]


def golden_args(article):
    """The CLI arguments of a golden article (its .args file: --kb FILE, --date D)."""
    args_file = article.with_suffix(".args")
    words = shlex.split(args_file.read_text()) if args_file.exists() else []
    kb = date = None
    for flag, value in zip(words[::2], words[1::2]):
        if flag == "--kb":
            kb = article.parent / value
        elif flag == "--date":
            date = value
        else:
            raise AssertionError(f"{args_file}: unexpected {flag}")
    return kb, date


@pytest.fixture(scope="module")
def checkers(factlint):
    cache = {}

    def get(kb):
        if kb not in cache:
            cache[kb] = factlint.Checker(kb.read_text() if kb else None)
        return cache[kb]
    return get


@pytest.mark.parametrize("article", GOLDEN_ARTICLES, ids=lambda p: p.stem)
def test_report_equals_cli_json(article, checkers):
    kb, date = golden_args(article)
    cli_args = ["check", "--format", "json", "--fail-on", "never"]
    if kb:
        cli_args += ["--kb", kb]
    if date:
        cli_args += ["--date", date]
    out, _ = run_cli(*cli_args, article)
    expected = json.loads(out)
    report = checkers(kb).check(article.read_text(encoding="utf-8"), date=date)
    assert report == expected
    golden = article.with_suffix(".expected")
    if golden.exists():  # the golden file's finding lines, one per finding
        assert len(report["findings"]) == sum(line.startswith("ARTICLE:") for line in golden.read_text().splitlines())
    # Options: the same as the CLI's --min-severity and --disable.
    rules = sorted({f["rule"] for f in expected["findings"]})
    if rules:
        out, _ = run_cli(*cli_args, "--min-severity", "warning", "--disable", rules[0], article)
        assert checkers(kb).check(article.read_bytes(), date, "warning", [rules[0]]) == json.loads(out)


def test_jsonl_lines_equal_cli_bytes(checker):
    lines = [
        json.dumps({"id": "a", "text": "German Chancellor Emmanuel Macron met reporters.", "date": "2023-03-01"}),
        json.dumps({"id": 2, "text": "Prime Minister Tony Blair spoke in London on 1 March 2005."}),
        "not json at all",
        json.dumps(["a", "list"]),
        json.dumps({"id": {"nested": [1, 2.5, None]}, "text": 7}),
        json.dumps({"id": "bad-date", "text": "x", "date": "2005-02-30"}),
        json.dumps({"id": "null-date", "text": "Some text.", "date": None, "extra": True}),
        json.dumps({"id": "ünïcödé ✓", "text": "Emoji 🎉 and CJK 中文. Then \"quotes\"."}, ensure_ascii=False),
        '{"id": "raw-invalid-utf8", "text": "bad \xff byte"}',
    ]
    raw = "\n".join(lines).encode("utf-8", "surrogateescape") + b"\n"
    out, _ = run_cli("check", "--format", "jsonl", "--fail-on", "never", "-", input=raw, check_rc=(0, 2))
    ours = [checker.check_jsonl(line.encode("utf-8", "surrogateescape"), n) for n, line in enumerate(lines, 1)]
    assert "\n".join(ours).encode() + b"\n" == out
    assert sum('"error"' in line[:9] for line in ours) == 4


def test_segment_equals_cli(checker):
    text = "BERLIN, 12 June 2021 — Dr. Smith met U.S. officials. “Yes,” he said.\n\nNext paragraph 🎉 here."
    out, _ = run_cli("segment", "--format", "json", "-", input=text.encode())
    assert checker.segment(text) == json.loads(out)["sentences"]


@pytest.mark.parametrize("fixture", sorted((ROOT / "tests" / "fixtures" / "kb").glob("*.json")), ids=lambda p: p.stem)
def test_kb_errors_equal_cli(fixture, factlint):
    text = fixture.read_text(encoding="utf-8", errors="surrogateescape")
    errors = factlint.kb_check(text)
    # kb_check validates as the loader does; the CLI's trigger lint is kb-check's own (--no-trigger-lint).
    out, err = run_cli("kb-check", "--no-trigger-lint", fixture, check_rc=(0, 2))
    cli_lines = [line for line in err.splitlines() if ": error: [" in line]
    ours = [f"{fixture}:{e.line}:{e.column}: error: [{e.kind}] {e.path + ': ' if e.path else ''}{e.message}" for e in errors]
    assert ours == cli_lines
    if fixture.stem.startswith("fail_"):
        assert errors, "a fail_ fixture has errors"
        with pytest.raises(factlint.Error) as raised:
            factlint.Checker(text)
        assert raised.value.kind.startswith("kb_")
        assert (raised.value.kind, raised.value.line, raised.value.path) in {(e.kind, e.line, e.path) for e in errors}
    else:
        assert errors == []
        assert factlint.Checker(text).kb["name"]


# Bad inputs: (what is called, the exception, its kind or None, words the message must contain).
BAD_INPUTS = [
    ("Checker('{')", "Error", "kb_not_json", "not JSON"),
    ("Checker('[]')", "Error", "kb_schema", ""),
    ("Checker('')", "Error", "kb_not_json", ""),
    ("Checker(None, '{\"rules\": 1}')", "Error", "rules_schema", ""),
    ("Checker(None, '{')", "Error", "rules_not_json", ""),
    ("Checker(42)", "TypeError", None, ""),
    ("c.check('x', date='2021-02-30')", "Error", "bad_option", "2021-02-30"),
    ("c.check('x', date='yesterday')", "Error", "bad_option", "YYYY-MM-DD"),
    ("c.check('x', min_severity='fatal')", "Error", "bad_option", "fatal"),
    ("c.check('x', disable='TITLE_NOT_HELD')", "Error", "bad_option", "list of rule ids"),
    ("c.check('x', disable=[1])", "Error", "bad_option", "int"),
    ("c.check(None)", "Error", "bad_input", "str or bytes"),
    ("c.check(3.5)", "Error", "bad_input", "float"),
    ("c.check('lone \\ud800 surrogate')", "Error", "bad_input", "index 5"),
    ("c.check('x', date=20210101)", "TypeError", None, ""),
    ("c.check_jsonl(None)", "Error", "bad_input", "str or bytes"),
    ("c.check_jsonl('{}', -1)", "TypeError", None, ""),
    ("c.segment(['a'])", "Error", "bad_input", "list"),
    ("factlint.kb_check(None)", "TypeError", None, ""),
]


@pytest.mark.parametrize("call,exception,kind,words", BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS])
def test_bad_input(call, exception, kind, words, factlint, checker):
    expected = factlint.Error if exception == "Error" else TypeError
    with pytest.raises(expected) as raised:
        eval(call, {"factlint": factlint, "Checker": factlint.Checker, "c": checker})
    if kind:
        assert raised.value.kind == kind
        assert words in raised.value.message
        assert isinstance(raised.value, ValueError)
        assert str(raised.value).endswith(raised.value.message)


RULES = ROOT / "tests" / "fixtures" / "rules"


@pytest.mark.parametrize("fixture", sorted(RULES.glob("fail_*.json")), ids=lambda p: p.stem)
def test_bad_rule_catalogues_raise(fixture, factlint):
    with pytest.raises(factlint.Error) as raised:
        factlint.Checker(None, fixture.read_bytes())
    assert raised.value.kind.startswith("rules_") and raised.value.message
    if fixture.stem == "fail_not_json":
        assert raised.value.kind == "rules_not_json" and raised.value.line > 0


def test_rule_catalogue_replaces_the_bundled_one(factlint, checker):
    text = "German Chancellor Emmanuel Macron met reporters. A number of officials left."
    default = checker.check(text, date="2023-03-01")
    assert [f["rule"] for f in default["findings"]] == ["TITLE_NOT_HELD"]
    bundled = json.dumps(factlint.rule_catalog())
    assert factlint.Checker(None, bundled).check(text, date="2023-03-01") == default
    assert factlint.Checker(None, (RULES / "pass_empty.json").read_text()).check(text, date="2023-03-01")["findings"] == []
    own = factlint.Checker(None, (RULES / "pass_phrase_rule.json").read_bytes())
    report = own.check(text, date="2023-03-01")
    assert [(f["rule"], f["severity"], f["text"]) for f in report["findings"]] == [("VAGUE_QUANTITY", "warning", "A number of")]
    line = own.check_jsonl(json.dumps({"id": 1, "text": text, "date": "2023-03-01"}))
    assert json.loads(line)["report"] == report


def test_error_is_data(factlint):
    with pytest.raises(factlint.Error) as raised:
        factlint.Checker((ROOT / "tests" / "fixtures" / "kb" / "fail_bad_date.json").read_text())
    e = raised.value
    assert (e.kind, e.line, e.path) == ("kb_invalid_value", 22, "/terms/1/end")
    assert e.column > 0 and "1937-02-30" in e.message
    assert str(e) == f"line 22, column {e.column}: /terms/1/end: {e.message}"
    assert e.args == ("kb_invalid_value", e.message, "/terms/1/end", 22, e.column)


def test_bad_input_in_text_is_checked_not_raised(checker):
    # Any text gives a report: invalid UTF-8, NUL bytes, a huge single line.
    for text in [b"\xff\xfe caf\xc3 \x00 nul", "\x00" * 1000, "a" * 200_000, ""]:
        report = checker.check(text)
        assert report["factlint"] and isinstance(report["sentences"], list)


def test_checks_run_in_parallel_threads(checker):
    # The same reports from 4 threads at once as from one.
    texts = [p.read_text(encoding="utf-8") for p in GOLDEN_ARTICLES]
    expected = [checker.check(t) for t in texts]
    results = {}

    def work(k):
        results[k] = [checker.check(t) for t in texts]
    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == expected for k in range(4))


def test_gil_released_while_checking(checker):
    # With an endless switch interval, a thread that holds the GIL keeps it until it blocks or
    # releases it. The main thread waits for the checking thread to start the check; it can run
    # again before the check has returned only if the check released the GIL.
    text = (ROOT / "examples" / "example-article.txt").read_text(encoding="utf-8") * 2000  # ~5 MB, seconds of work
    started, done, seen = threading.Event(), threading.Event(), {}

    def work():
        started.set()
        checker.check(text)
        done.set()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000)
    try:
        thread = threading.Thread(target=work)
        thread.start()
        started.wait()
        seen["during_check"] = not done.is_set()
        thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert seen["during_check"], "the main thread could not run while the check ran: the GIL was held"


def test_rule_catalog_and_version(factlint):
    out, _ = run_cli("rules")
    assert [r["id"] for r in factlint.rule_catalog()["rules"]] == [line.split("\t")[0] for line in out.decode().splitlines()]
    out, _ = run_cli("--version")
    assert factlint.__version__ in out.decode()
