"""Reader for XLSX workbooks: jixiao's template and exports, and ordinary sheets with a header row.

Before openpyxl opens anything, the zip's central directory is checked against the limits (members,
declared sizes, compression ratio), so a zip bomb is refused without inflating it; Python's zipfile then
never inflates a member past its declared size. Sheets are streamed row by row (openpyxl's read-only
parser) and stop at the row limit. A merged cell's text is copied into every row the merge covers (the
goal written once beside several indicators); across columns it stays in the first one.

Every sheet whose header row names the columns contributes rows, in sheet order, to one disclosure.
A workbook jixiao wrote has a sheet "disclosure" in jixiao's own columns; when present, only it is read.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time, timedelta
from typing import Any

from jixiao.core.errors import InputTooLargeError, ReaderError, UnsupportedFormatError
from jixiao.core.model import Disclosure
from jixiao.formats.limits import DEFAULT_LIMITS, Limits, check_size
from jixiao.formats.tables import GridRow, Table, assemble, clean_cell, extract, extract_vertical, single

DISCLOSURE_SHEET = "disclosure"
_PERCENT_BUILTIN = {9: "0%", 10: "0.00%"}


def check_zip(data: bytes, limits: Limits, *, source: str) -> None:
    """Refuse a damaged zip, a zip that is not a workbook, or one that would inflate past the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except Exception as exc:  # BadZipFile, NotImplementedError (odd versions), OSError, ...
        raise ReaderError(f"not a readable XLSX workbook (damaged or truncated zip: {exc})", source=source) from None
    if len(infos) > limits.max_zip_members:
        raise InputTooLargeError(
            f"the zip holds {len(infos)} files, over the limit of {limits.max_zip_members}", source=source
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReaderError(f"the zip member {info.filename!r} is encrypted", source=source)
        if info.file_size > limits.max_member:
            raise InputTooLargeError(
                f"{info.filename!r} inflates to {info.file_size} bytes, over the limit of {limits.max_member}",
                source=source,
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise InputTooLargeError(
                f"{info.filename!r} is compressed {info.file_size // max(info.compress_size, 1)} to 1, "
                f"over the limit of {limits.max_ratio} (a zip bomb?)",
                source=source,
            )
        total += info.file_size
    if total > limits.max_uncompressed:
        raise InputTooLargeError(
            f"the workbook inflates to {total} bytes, over the limit of {limits.max_uncompressed}", source=source
        )
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        kind = "a Word document" if "word/document.xml" in names else "a zip file"
        raise UnsupportedFormatError(f"{kind}, not an XLSX workbook (no xl/workbook.xml)", source=source)


def _number_format(wb: Any, style_id: Any) -> str:
    try:
        fmt_id = int(wb._cell_styles[int(style_id)].numFmtId)
        if fmt_id in _PERCENT_BUILTIN:
            return _PERCENT_BUILTIN[fmt_id]
        if fmt_id >= 164:
            return str(wb._number_formats[fmt_id - 164])
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        pass
    return "General"


def _number_text(value: float, fmt: str) -> str:
    if "%" in fmt:
        decimals = 0
        if "." in fmt:
            decimals = len(fmt.split(".", 1)[1].split("%", 1)[0].rstrip("#").replace("#", "0"))
        return f"{value * 100:.{decimals}f}%"
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.15g}"


def cell_text(value: Any, fmt: str = "General") -> str:
    """A cell's value as the text a reader of the sheet sees."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_cell(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        return _number_text(value, fmt)
    return clean_cell(str(value))


def _sheet_rows(wb: Any, ws: Any, *, limits: Limits, source: str, seen: int) -> tuple[list[GridRow], int]:
    """The sheet's rows (merged cells filled down) and the running count of rows read."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    cells: dict[int, dict[int, str]] = {}
    max_col = 0
    with wb._archive.open(ws._worksheet_path) as src:
        parser = WorkSheetParser(
            src,
            wb.shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=getattr(wb, "_date_formats", set()),
            timedelta_formats=getattr(wb, "_timedelta_formats", set()),
        )
        for idx, row in parser.parse():
            seen += 1
            if seen > limits.max_rows:
                raise InputTooLargeError(
                    f"more than {limits.max_rows} sheet rows (the limit)", source=source, row=idx, field=ws.title
                )
            values: dict[int, str] = {}
            for c in row:
                text = cell_text(c["value"], _number_format(wb, c.get("style_id", 0)))
                if not text:
                    continue
                col = int(c["column"])
                if col > limits.max_columns:
                    raise InputTooLargeError(
                        f"a value in column {col}, over the limit of {limits.max_columns} columns",
                        source=source,
                        row=idx,
                        field=ws.title,
                    )
                values[col] = text
                max_col = max(max_col, col)
            if values:
                cells[int(idx)] = values
        merged = parser.merged_cells
    last_row = max(cells, default=0)
    budget = limits.max_rows * 4
    for rng in getattr(merged, "mergeCell", None) or ():
        try:
            min_col, min_row, _max_col, max_row = range_boundaries(str(rng.ref))
        except (TypeError, ValueError):
            continue
        if min_col is None or min_row is None or max_row is None:
            continue
        top = cells.get(min_row, {}).get(min_col)
        if not top:
            continue
        for r in range(min_row + 1, min(max_row, last_row) + 1):
            budget -= 1
            if budget < 0:
                raise InputTooLargeError("too many merged cells (the limit)", source=source, field=ws.title)
            cells.setdefault(r, {}).setdefault(min_col, top)
    grid = [
        GridRow([values.get(c, "") for c in range(1, max(values) + 1)], r)
        for r, values in sorted(cells.items())
    ]
    return grid, seen


def _open_workbook(data: bytes, *, source: str) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except ReaderError:
        raise
    except Exception as exc:  # a damaged workbook can make openpyxl fail in many ways
        raise ReaderError(f"not a readable XLSX workbook: {type(exc).__name__}: {str(exc)[:200]}",
                          source=source) from None


def _read_tables(wb: Any, sheets: list[Any], *, limits: Limits, source: str) -> list[Table]:
    tables: list[Table] = []
    seen = 0
    for ws in sheets:
        try:
            grid, seen = _sheet_rows(wb, ws, limits=limits, source=source, seen=seen)
        except ReaderError:
            raise
        except Exception as exc:  # damaged sheet XML, a bad shared-string index, ...
            raise ReaderError(
                f"cannot read the sheet: {type(exc).__name__}: {str(exc)[:200]}",
                source=source,
                field=str(ws.title),
            ) from None
        table = extract(grid)
        if not table.records:
            vertical = extract_vertical(grid)  # label | value rows, one block per target
            if vertical.records:
                table = vertical
        tables.append(table)
    return tables


def read_xlsx_all(data: bytes, *, source: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> list[Disclosure]:
    """Every disclosure in a workbook (jixiao's dataset exports hold several)."""
    check_size(data, limits, source=source)
    if not data.startswith(b"PK"):
        raise ReaderError("not an XLSX workbook (not a zip file)", source=source)
    check_zip(data, limits, source=source)
    wb = _open_workbook(data, source=source)
    try:
        sheets = list(wb.worksheets)
        if len(sheets) > limits.max_sheets:
            raise InputTooLargeError(
                f"the workbook has {len(sheets)} sheets, over the limit of {limits.max_sheets}", source=source
            )
        own = [ws for ws in sheets if ws.title == DISCLOSURE_SHEET]
        tables = _read_tables(wb, own, limits=limits, source=source) if own else []
        if not any(r.own for t in tables for r in t.records):
            # no sheet in jixiao's own columns: every sheet with a header row counts
            tables = _read_tables(wb, sheets, limits=limits, source=source)
        title_hint = getattr(wb.properties, "title", None) or None
        return assemble(tables, source=source, title_hint=title_hint)
    finally:
        wb.close()


def read_xlsx(data: bytes, *, source: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> Disclosure:
    """The disclosure in a workbook; ReaderError when it holds none or several."""
    return single(read_xlsx_all(data, source=source, limits=limits), source=source)
