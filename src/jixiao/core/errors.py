"""Typed errors with stable codes, so callers (CLI, web import, API) can report them uniformly."""

from __future__ import annotations


class JixiaoError(Exception):
    """Base class of every error jixiao raises on purpose. ``code`` is stable and machine-readable."""

    code = "jixiao_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReaderError(JixiaoError):
    """A document could not be read as a disclosure. Names the source and, where known, line/row/field."""

    code = "bad_input"

    def __init__(
        self,
        message: str,
        *,
        source: str = "<input>",
        line: int | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.source = source
        self.line = line
        self.row = row
        self.field = field
        where = source
        if line is not None:
            where += f", line {line}"
        if row is not None:
            where += f", row {row}"
        if field is not None:
            where += f", field {field}"
        super().__init__(f"{where}: {message}")
        self.detail = message


class InputTooLargeError(ReaderError):
    code = "too_large"


class UnsupportedFormatError(ReaderError):
    code = "unsupported_format"
