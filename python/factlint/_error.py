"""factlint.Error: a failure of the core, as data (the `kind` is the core's ErrorCode name)."""


class Error(ValueError):
    """Bad input or a bad KB, named with its place.

    kind    the core's error code name: "kb_not_json", "kb_schema", "kb_invalid_value",
            "kb_duplicate", "kb_dangling_id", "kb_overlap", "kb_too_large", "bad_option",
            "bad_input", "io", or for a rule catalogue "rules_not_json", "rules_schema",
            "rules_unknown_kind", "rules_params", "rules_placeholder", "rules_duplicate",
            "rules_too_large"
    message one sentence naming the problem
    path    JSON path in the KB ("/terms/12/end"), "" when not applicable
    line    1-based line in the input, 0 when unknown
    column  1-based column (in bytes), 0 when unknown

    str(error) reads place first, as the core's Error::ToString():
    "line 12, column 5: /terms/3/end: end date 2021-02-30 does not exist".
    """

    kind: str
    message: str
    path: str
    line: int
    column: int

    def __init__(self, kind: str, message: str, path: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(kind, message, path, line, column)
        self.kind = kind
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        place = ""
        if self.line > 0:
            place = f"line {self.line}"
            if self.column > 0:
                place += f", column {self.column}"
            place += ": "
        if self.path:
            place += self.path + ": "
        return place + self.message

    def __repr__(self) -> str:
        return (f"factlint.Error(kind={self.kind!r}, message={self.message!r}, path={self.path!r}, "
                f"line={self.line}, column={self.column})")
