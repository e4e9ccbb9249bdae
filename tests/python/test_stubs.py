"""python/factlint/__init__.pyi cannot drift from the module: mypy's stubtest compares names and
kinds; every parameter name and default in the stub equals the module's own signature (pybind11
writes it as the first docstring line, which stubtest cannot read); the TypedDicts have exactly the
keys of actual reports."""

import ast
import os
import pathlib
import re
import subprocess
import sys

import pytest

from conftest import ROOT

STUB = ROOT / "python" / "factlint" / "__init__.pyi"


def test_stubtest(factlint):
    pytest.importorskip("mypy.stubtest", reason="mypy (Debian python3-mypy) is not installed")
    site = pathlib.Path(factlint.__file__).parent.parent
    assert (site / "factlint" / "__init__.pyi").read_text() == STUB.read_text(), "the built package has the current stub"
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "factlint", "--allowlist", str(ROOT / "python" / "stubtest-allowlist.txt")],
        capture_output=True, text=True, timeout=300, cwd=site.parent, env={**os.environ, "PYTHONPATH": str(site)})
    assert proc.returncode == 0, proc.stdout + proc.stderr


def stub_functions():
    """{qualified name: [(parameter, default source or None)]} of the stub's functions and methods."""
    tree = ast.parse(STUB.read_text())
    out = {}

    def params(fn):
        args = fn.args.args
        defaults = [None] * (len(args) - len(fn.args.defaults)) + [ast.unparse(d) for d in fn.args.defaults]
        return [(a.arg, d) for a, d in zip(args, defaults) if a.arg != "self"]
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            out[node.name] = params(node)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not any(
                        isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list):
                    out[f"{node.name}.{item.name}"] = params(item)
    return out


def runtime_params(obj):
    """Parameters of a pybind11 function from its signature line: [(name, default or None)]."""
    first = obj.__doc__.strip().splitlines()[0]
    inside = re.match(r"^\w+\((.*)\) -> ", first).group(1)
    out = []
    for part in re.split(r", (?=\w+:)", inside) if inside else []:
        name, rest = part.split(": ", 1)
        default = rest.split(" = ", 1)[1] if " = " in rest else None
        if name != "self":
            out.append((name, default))
    return out


def test_every_parameter_and_default(factlint):
    stubs = stub_functions()
    assert set(stubs) == {"Checker.__init__", "Checker.check", "Checker.check_jsonl", "Checker.segment", "kb_check",
                          "rule_catalog"}
    for name, params in stubs.items():
        obj = factlint
        for attr in name.split("."):
            obj = getattr(obj, attr)
        assert runtime_params(obj) == params, name


def test_typeddicts_match_actual_reports(factlint, checker):
    report = checker.check("BERLIN, 12 June 2021 — Former German Chancellor Angela Merkel met U.S. President "
                           "Joe Biden. Officials reportedly disagreed.\n")
    keys = lambda cls: set(cls.__annotations__)  # noqa: E731
    assert set(report) == keys(factlint.Report)
    assert set(report["kb"]) == keys(factlint.Report.__annotations__["kb"])
    assert set(report["document"]["reference_date"]) == keys(factlint.ReferenceDate)
    tied = checker.check("Prime Minister Tony Blair met President Barack Obama.\n")["document"]["reference_date"]
    assert len(tied["candidates"]) >= 2, "two windows tie: Blair left office before Obama took it"
    for w in tied["candidates"]:
        assert set(w) == keys(factlint.DateWindow)
    assert report["findings"], "the article has findings"
    for f in report["findings"]:
        assert set(f) == keys(factlint.Finding)
        assert f["severity"] in factlint.Severity.__args__
        for e in f["evidence"]:
            assert set(e) == keys(factlint.Evidence)
    for s in report["sentences"]:
        assert set(s) == keys(factlint.Span)
    for s in checker.segment("One. Two."):
        assert set(s) == keys(factlint.Sentence)
    assert set(checker.kb) == keys(factlint.KbSummary)
    with pytest.raises(factlint.Error) as raised:
        checker.check("x", date="no")
    assert raised.value.kind in factlint._types.ErrorKind.__args__
