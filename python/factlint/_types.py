"""The shapes of what factlint returns, as TypedDicts (docs/REPORT.md for the meaning of each field).

Plain dicts at runtime; these names are for annotations (`report: factlint.Report`). Their keys are
checked against actual reports by tests/python/test_stubs.py.
"""

from typing import List, Literal, Optional, TypedDict

Severity = Literal["info", "warning", "error"]

ErrorKind = Literal["kb_not_json", "kb_schema", "kb_invalid_value", "kb_duplicate", "kb_dangling_id",
                    "kb_overlap", "kb_too_large", "bad_option", "bad_input", "io", "rules_not_json",
                    "rules_schema", "rules_unknown_kind", "rules_params", "rules_placeholder", "rules_duplicate",
                    "rules_too_large", "kb_lint", "kb_snapshot"]


class Span(TypedDict):
    """UTF-8 byte offsets [start, end) and UTF-16 code units [start16, end16)."""
    start: int
    end: int
    start16: int
    end16: int


class Sentence(Span):
    """A segment from Checker.segment: its span and its text (invalid UTF-8 as U+FFFD)."""
    text: str


class Evidence(TypedDict):
    fact: str
    source: str


class Finding(Span):
    rule: str
    severity: Severity
    sentence: int
    text: str
    message: str
    evidence: List[Evidence]
    suggestion: Optional[str]
    claim_date: Optional[str]


DateWindow = TypedDict("DateWindow", {"from": str, "to": str})

ReferenceDate = TypedDict("ReferenceDate", {
    "from": Optional[str],
    "to": Optional[str],
    "source": Literal["given", "metadata", "dateline", "inferred", "none"],
    "evidence": List[str],
    # windows tied for the strongest clues (from/to span them); empty when the clues decide
    "candidates": List[DateWindow],
})


class Document(TypedDict):
    reference_date: ReferenceDate


class KbName(TypedDict):
    name: str
    as_of: str


class Report(TypedDict):
    factlint: str
    kb: KbName
    document: Document
    sentences: List[Span]
    findings: List[Finding]


class KbSummary(TypedDict):
    name: str
    as_of: str
    schema_version: int
    sources: int
    people: int
    offices: int
    terms: int
    events: int
    quotes: int
