"""Limits on what a reader accepts, checked before any heavy work. Every reader takes ``limits=``."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.core.errors import InputTooLargeError


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on input size. Callers (CLI, web import) may pass their own, e.g. ``Limits(max_rows=500)``."""

    max_bytes: int = 20 * 1024 * 1024  # the document as given
    max_rows: int = 20_000  # table rows (HTML <tr>, sheet rows, CSV records, JSON rows) over the document
    max_columns: int = 256  # cells across one table row
    max_cells: int = 500_000  # cells of one table, spans filled in (HTML)
    max_sheets: int = 50  # XLSX worksheets
    max_uncompressed: int = 200 * 1024 * 1024  # XLSX: all zip members together, as declared
    max_member: int = 100 * 1024 * 1024  # XLSX: any one zip member
    max_ratio: int = 200  # XLSX: uncompressed / compressed size of a member larger than ratio_floor
    ratio_floor: int = 1024 * 1024
    max_zip_members: int = 2_000


DEFAULT_LIMITS = Limits()


def check_size(data: bytes | str, limits: Limits, *, source: str) -> None:
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > limits.max_bytes:
        raise InputTooLargeError(
            f"document is {size} bytes, over the limit of {limits.max_bytes}", source=source
        )


def check_rows(count: int, limits: Limits, *, source: str, line: int | None = None) -> None:
    if count > limits.max_rows:
        raise InputTooLargeError(
            f"more than {limits.max_rows} table rows (the limit); split the document",
            source=source,
            line=line,
        )
