"""factlint for Python: check news text against a knowledge base of who held which office when.

    import factlint
    checker = factlint.Checker()                      # the bundled KB (kb/world.json)
    report = checker.check(text, date="2005-03-01")   # the report of docs/REPORT.md, as a dict
    for f in report["findings"]:
        print(f["rule"], f["severity"], f["message"])

Offsets in reports are UTF-8 bytes (start, end) and UTF-16 units (start16, end16), as in every
front end; a claim's text is text.encode()[f["start"]:f["end"]].decode().

The checker is the compiled module factlint._factlint (python/bindings.cpp); __init__.pyi is the
typed manual. Archives: python3 -m factlint.batch (docs/BATCH.md).
"""

from ._error import Error
from ._factlint import Checker, __version__, kb_check, rule_catalog
from ._types import DateWindow, Evidence, Finding, KbSummary, ReferenceDate, Report, Sentence, Severity, Span

__all__ = ["Checker", "DateWindow", "Error", "Evidence", "Finding", "KbSummary", "ReferenceDate", "Report", "Sentence",
           "Severity", "Span", "__version__", "kb_check", "rule_catalog"]
