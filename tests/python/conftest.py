"""Shared fixtures of the Python suites (ctest entries `python` and `python_batch`, build/native).

Environment (set by python/CMakeLists.txt; defaults for a run by hand from the repository root):
  PYTHONPATH       build/native/site, where `import factlint` finds the built package
  FACTLINT_CLI     the CLI of the same build (default build/native/factlint)
  FACTLINT_ROOT    the repository (default: two folders up from here)
  FACTLINT_SHARED  ../shared (default <root>/../shared); tests that need it skip when it is absent
"""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(os.environ.get("FACTLINT_ROOT") or pathlib.Path(__file__).resolve().parents[2])
CLI = pathlib.Path(os.environ.get("FACTLINT_CLI") or ROOT / "build" / "native" / "factlint")
SHARED = pathlib.Path(os.environ.get("FACTLINT_SHARED") or ROOT.parent / "shared")
BBC = SHARED / "data" / "bbc-news-2004-2005" / "bbc_news_2004_2005.jsonl"
GOLDEN = ROOT / "tests" / "golden"


def pytest_configure(config):
    config.addinivalue_line("markers", "batch: runs Dask (the ctest entry python_batch)")


def run_cli(*args, input=None, check_rc=(0, 1)):
    """Runs the CLI; returns (stdout bytes, stderr text). Fails the test on an unexpected exit code."""
    proc = subprocess.run([str(CLI), *map(str, args)], input=input, capture_output=True, timeout=300)
    assert proc.returncode in check_rc, f"factlint {' '.join(map(str, args))} exited {proc.returncode}: {proc.stderr.decode()}"
    return proc.stdout, proc.stderr.decode()


@pytest.fixture(scope="session")
def factlint():
    import factlint as module  # noqa: PLC0415 (imported here so a missing build names itself in the failure)
    return module


@pytest.fixture(scope="session")
def checker(factlint):
    return factlint.Checker()
