"""Reader for CSV (and tab- or semicolon-separated) tables: UTF-8 or GBK, with or without a BOM.

The file needs a header row naming the columns (目标名称 / 考核指标 / 完成进度 in their usual
wordings, or jixiao's own export columns); rows above it may give the title and 发布时间.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from jixiao.core.errors import InputTooLargeError, ReaderError
from jixiao.core.model import Disclosure
from jixiao.formats.decode import decode_bytes
from jixiao.formats.limits import DEFAULT_LIMITS, Limits, check_rows, check_size
from jixiao.formats.tables import GridRow, assemble, clean_cell, extract, find_layout, single

DELIMITERS = (",", "\t", ";")
_SNIFF_RECORDS = 30  # the header row must be among the first records


def _records(text: str, delimiter: str, *, source: str, limits: Limits) -> Iterator[GridRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    count = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ReaderError(f"bad CSV: {exc}", source=source, line=reader.line_num) from None
        count += 1
        check_rows(count, limits, source=source, line=start)
        if len(record) > limits.max_columns:
            raise InputTooLargeError(
                f"a record has {len(record)} fields, over the limit of {limits.max_columns}",
                source=source,
                line=start,
            )
        yield GridRow([clean_cell(c) for c in record], start)
        start = reader.line_num + 1


def sniff_delimiter(text: str) -> str | None:
    """The delimiter with which one of the first records is a header row, or None: not such a table."""
    for delimiter in DELIMITERS:
        if delimiter not in text[:65536]:
            continue
        reader = csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter, strict=False)
        try:
            for i, record in enumerate(reader):
                if i >= _SNIFF_RECORDS:
                    break
                if len(record) > 1 and find_layout([clean_cell(c) for c in record]) is not None:
                    return delimiter
        except csv.Error:
            continue
    return None


def _decode(data: bytes | str, *, source: str, encoding: str | None) -> str:
    text = decode_bytes(data, source=source, encoding=encoding) if isinstance(data, bytes) else data
    return text[1:] if text.startswith("\ufeff") else text


def read_csv_all(
    data: bytes | str,
    *,
    source: str = "<input>",
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> list[Disclosure]:
    """Every disclosure in a CSV file (jixiao's dataset exports hold several)."""
    check_size(data, limits, source=source)
    text = _decode(data, source=source, encoding=encoding)
    if "\x00" in text:
        raise ReaderError("binary data (NUL bytes): not a CSV table", source=source)
    delim = delimiter or sniff_delimiter(text)
    if delim is None:
        raise ReaderError(
            "no header row naming the columns (目标名称 / 考核指标 / 完成进度) in the first "
            f"{_SNIFF_RECORDS} records: not a disclosure table",
            source=source,
        )
    table = extract(_records(text, delim, source=source, limits=limits), formula_guard=True)
    return assemble([table], source=source, original_text=text)


def read_csv(
    data: bytes | str,
    *,
    source: str = "<input>",
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Disclosure:
    """The disclosure in a CSV file; ReaderError when it holds none or several."""
    found = read_csv_all(data, source=source, limits=limits, encoding=encoding, delimiter=delimiter)
    return single(found, source=source)
