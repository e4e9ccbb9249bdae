# Types of the package factlint: the compiled module factlint._factlint (python/bindings.cpp) and
# factlint.Error. Checked against the module by tests/python/test_stubs.py (mypy's stubtest, and
# every parameter name and default against the module's own signatures).

from typing import Any, Dict, Iterable, List, Optional, Union

from ._error import Error as Error
from ._types import (DateWindow as DateWindow, Evidence as Evidence, Finding as Finding, KbSummary as KbSummary,
                     ReferenceDate as ReferenceDate, Report as Report, Sentence as Sentence,
                     Severity as Severity, Span as Span)

__version__: str

_Text = Union[str, bytes]

class Checker:
    """A KB loaded once (the bundled kb/world.json when kb_json is None; str, or bytes as read from
    a file); check as often as you like,
    from any number of threads (the GIL is released while checking).

    rules_json: a rule catalogue (core/rules/schema.json) that replaces the bundled one.
    Raises Error (kind "kb_*") when kb_json is not a valid KB, (kind "rules_*") when rules_json is
    not a valid catalogue, with the rule id, JSON path and line/column."""

    def __init__(self, kb_json: Optional[_Text] = None, rules_json: Optional[_Text] = None) -> None: ...
    def check(self, text: _Text, date: Optional[str] = None, min_severity: Optional[str] = None,
              disable: Iterable[str] = ()) -> Report:
        """The report of docs/REPORT.md, equal to `factlint check --format json`.

        date: YYYY-MM-DD, the reference date (inferred from the text when None);
        min_severity: "info" | "warning" | "error"; disable: rule ids to silence.
        Raises Error (kind "bad_option") for a malformed option, (kind "bad_input") for a str
        that is not valid Unicode."""
    def check_jsonl(self, line: _Text, line_no: int = 1, min_severity: Optional[str] = None,
                    disable: Iterable[str] = ()) -> str:
        """One line of `factlint check --format jsonl`: the request {"id", "text", "date"?} in,
        the output line ({"id", "report"} or {"id", "error"}, no newline) out, byte for byte the
        CLI's. A bad request gives an error line naming line_no, never an exception."""
    def segment(self, text: _Text) -> List[Sentence]: ...
    @property
    def kb(self) -> KbSummary: ...

def kb_check(json: _Text) -> List[Error]:
    """Every error of a KB text (str, or bytes as read from a file; empty when it is valid), as
    `factlint kb-check` prints them."""

def rule_catalog() -> Dict[str, Any]:
    """The rule catalogue (core/rules/rules.json): {"rules": [{"id", "severity", ...}]}."""
