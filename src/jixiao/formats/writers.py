"""Writers: disclosures and check reports as CSV, XLSX and JSON, one document or a whole dataset.

Layouts (the readers read each of them back to the same disclosures):

- CSV (UTF-8 with a BOM, so Excel opens it as UTF-8): one line per target, with the disclosure's
  metadata and the row on every line (``DISCLOSURE_COLUMNS`` then ``TARGET_COLUMNS``); a row without
  targets gets one line with the target columns empty. A plain disclosure: ``DISCLOSURE_COLUMNS`` only.
  Text that a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@`` first) gets a ``'`` in front.
- XLSX: sheet "rows" (one line per row with its verdict), sheet "targets" (one line per target: goal,
  indicator, target text, metric, kind, comparator, value, unit, actual, verdict, reason) and sheet
  "disclosure" (metadata and the verbatim rows, which is what the reader reads back). Text cells are
  written as text, never as formulas. Characters XML cannot hold (control characters) become U+FFFD.
- JSON: one report is ``report_to_dict`` (``jixiao.check/1``), one disclosure ``jixiao.disclosure/1``,
  several either of them inside ``{"schema": "jixiao.dataset/1", "documents": [...]}``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from jixiao.core.model import Disclosure
from jixiao.core.report import report_to_dict
from jixiao.core.results import Report
from jixiao.formats.jsonfmt import DATASET_SCHEMA, disclosure_to_dict
from jixiao.formats.tables import FORMULA_START

OutFormat = Literal["csv", "xlsx", "json"]
OUT_FORMATS: tuple[OutFormat, ...] = ("csv", "xlsx", "json")

DISCLOSURE_COLUMNS = (
    "document",
    "title",
    "organization",
    "year",
    "period",
    "published",
    "row",
    "goal",
    "indicator",
    "progress",
)
TARGET_COLUMNS = (
    "row_verdict",
    "target",
    "metric",
    "kind",
    "comparator",
    "value",
    "unit",
    "actual",
    "actual_value",
    "actual_unit",
    "verdict",
    "reason",
)
REPORT_COLUMNS = DISCLOSURE_COLUMNS + TARGET_COLUMNS
ROW_SHEET_COLUMNS = (
    "document",
    "title",
    "row",
    "goal",
    "indicator",
    "progress",
    "verdict",
    "targets",
    "met",
    "not_met",
    "unverified",
)
# The targets sheet: where each target stands, then the target columns (less the row's verdict).
TARGET_SHEET_COLUMNS = ("document", "title", "row", "goal", "indicator", *TARGET_COLUMNS[1:])
_NUMERIC = frozenset(("document", "year", "row", "value", "actual_value", "targets", "met", "not_met", "unverified"))
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Line = dict[str, Any]


def _meta(d: Disclosure, number: int) -> Line:
    return {
        "document": number,
        "title": d.title,
        "organization": d.organization,
        "year": d.year,
        "period": d.period,
        "published": d.published.isoformat() if d.published else None,
    }


def disclosure_lines(d: Disclosure, number: int = 1) -> Iterator[Line]:
    """One line per row: the disclosure's number in the file, its metadata, the row's number and cells."""
    meta = _meta(d, number)
    for i, r in enumerate(d.rows, start=1):
        yield {**meta, "row": i, "goal": r.goal, "indicator": r.indicator, "progress": r.progress}


def report_lines(report: Report, number: int = 1) -> Iterator[Line]:
    """One line per target (a row without targets: one line), every line with its row and metadata."""
    meta = _meta(report.disclosure, number)
    doc = report_to_dict(report)
    for i, row in enumerate(doc["indicators"], start=1):
        base = {
            **meta,
            "row": i,
            "goal": row["goal"],
            "indicator": row["indicator"],
            "progress": row["progress"],
            "row_verdict": row["verdict"],
        }
        if not row["targets"]:
            yield base
            continue
        for t in row["targets"]:
            actual = t.get("actual") or {}
            yield {
                **base,
                "target": t["text"],
                "metric": t["metric"],
                "kind": t["kind"],
                "comparator": t["comparator"],
                "value": t["value"],
                "unit": t["unit"],
                "actual": actual.get("text"),
                "actual_value": actual.get("value"),
                "actual_unit": actual.get("unit"),
                "verdict": t["verdict"],
                "reason": t["reason"],
            }


def _row_sheet_lines(report: Report, number: int) -> Iterator[Line]:
    for i, rr in enumerate(report.rows, start=1):
        counts = {"met": 0, "not_met": 0, "unverified": 0}
        for t in rr.targets:
            counts[t.verdict] += 1
        yield {
            "document": number,
            "title": report.disclosure.title,
            "row": i,
            "goal": rr.row.goal,
            "indicator": rr.row.indicator,
            "progress": rr.row.progress,
            "verdict": rr.verdict,
            "targets": len(rr.targets),
            **counts,
        }


# --- CSV -------------------------------------------------------------------------------------------


def _csv_cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    if key not in _NUMERIC and FORMULA_START.match(text):
        return "'" + text
    return text


def _csv(columns: Sequence[str], lines: Iterator[Line]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for line in lines:
        w.writerow([_csv_cell(k, line.get(k)) for k in columns])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# --- XLSX ------------------------------------------------------------------------------------------


def _xlsx_sheet(wb: Any, title: str, columns: Sequence[str], lines: Iterator[Line], widths: dict[str, int]) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(title)
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, line in enumerate(lines, start=2):
        for c, key in enumerate(columns, start=1):
            value = line.get(key)
            if value is None:
                continue
            cell = ws.cell(row=r, column=c)
            if key in _NUMERIC and isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.value = value
            else:
                cell.value = _ILLEGAL_XML.sub("\ufffd", str(value))
                cell.data_type = "s"  # text, even when it starts with "="
                if key in widths and widths[key] >= 30:
                    cell.alignment = wrap
    from openpyxl.utils import get_column_letter

    for c, key in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = widths.get(key, 12)
    ws.freeze_panes = "A2"


_WIDTHS = {
    "title": 30,
    "goal": 18,
    "indicator": 40,
    "progress": 60,
    "target": 30,
    "metric": 20,
    "actual": 24,
    "reason": 50,
}


def _xlsx(disclosures: Sequence[Disclosure], reports: Sequence[Report] | None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.worksheets[0])
    if reports is not None:
        _xlsx_sheet(
            wb,
            "rows",
            ROW_SHEET_COLUMNS,
            (ln for n, r in enumerate(reports, 1) for ln in _row_sheet_lines(r, n)),
            _WIDTHS,
        )
        _xlsx_sheet(
            wb,
            "targets",
            TARGET_SHEET_COLUMNS,
            (ln for n, r in enumerate(reports, 1) for ln in report_lines(r, n) if ln.get("target") is not None),
            _WIDTHS,
        )
    _xlsx_sheet(
        wb,
        "disclosure",
        DISCLOSURE_COLUMNS,
        (ln for n, d in enumerate(disclosures, 1) for ln in disclosure_lines(d, n)),
        _WIDTHS,
    )
    if len(disclosures) == 1:
        wb.properties.title = _ILLEGAL_XML.sub("\ufffd", disclosures[0].title)[:250] or None
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- JSON ------------------------------------------------------------------------------------------


def _json(docs: list[dict[str, Any]]) -> bytes:
    obj: Any = docs[0] if len(docs) == 1 else {"schema": DATASET_SCHEMA, "documents": docs}
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- entry points ----------------------------------------------------------------------------------


def write_disclosures(disclosures: Sequence[Disclosure], fmt: OutFormat) -> bytes:
    """Plain disclosures (no verdicts) in ``fmt``: one document, or the whole dataset."""
    if fmt == "csv":
        return _csv(DISCLOSURE_COLUMNS, (ln for n, d in enumerate(disclosures, 1) for ln in disclosure_lines(d, n)))
    if fmt == "xlsx":
        return _xlsx(disclosures, None)
    if fmt == "json":
        return _json([disclosure_to_dict(d) for d in disclosures])
    raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(OUT_FORMATS)}")


def write_reports(reports: Sequence[Report], fmt: OutFormat) -> bytes:
    """Check reports (targets, actuals and verdicts as columns) in ``fmt``: one, or the whole dataset."""
    if fmt == "csv":
        return _csv(REPORT_COLUMNS, (ln for n, r in enumerate(reports, 1) for ln in report_lines(r, n)))
    if fmt == "xlsx":
        return _xlsx([r.disclosure for r in reports], reports)
    if fmt == "json":
        return _json([report_to_dict(r) for r in reports])
    raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(OUT_FORMATS)}")


def write_disclosure(disclosure: Disclosure, fmt: OutFormat) -> bytes:
    return write_disclosures([disclosure], fmt)


def write_report(report: Report, fmt: OutFormat) -> bytes:
    return write_reports([report], fmt)


CONTENT_TYPES: dict[OutFormat, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
