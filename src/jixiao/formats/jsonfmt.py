"""jixiao's own JSON: a disclosure (``jixiao.disclosure/1``), a check report (``jixiao.check/1``, whose
indicators become rows) or a dataset of either (``jixiao.dataset/1``, or a bare list).

A disclosure document::

    {"schema": "jixiao.disclosure/1", "title": "...", "organization": "..." | null, "year": 2020 | null,
     "period": "全年" | null, "published": "2020-07-15" | null,
     "rows": [{"goal": "...", "indicator": "...", "progress": "...", "line": 7}]}

``line`` is optional (the row's line in the document it was first read from).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from jixiao.core.errors import InputTooLargeError, ReaderError, UnsupportedFormatError
from jixiao.core.meta import note_gaps, parse_date
from jixiao.core.model import Disclosure, ReadWarning, Row
from jixiao.formats.decode import decode_bytes
from jixiao.formats.limits import DEFAULT_LIMITS, Limits, check_rows, check_size
from jixiao.formats.tables import single

DISCLOSURE_SCHEMA = "jixiao.disclosure/1"
CHECK_SCHEMA = "jixiao.check/1"
DATASET_SCHEMA = "jixiao.dataset/1"


def disclosure_to_dict(d: Disclosure) -> dict[str, Any]:
    """A disclosure as the ``jixiao.disclosure/1`` document (the inverse of ``read_json``)."""
    rows: list[dict[str, Any]] = []
    for r in d.rows:
        row: dict[str, Any] = {"goal": r.goal, "indicator": r.indicator, "progress": r.progress}
        if r.line is not None:
            row["line"] = r.line
        rows.append(row)
    return {
        "schema": DISCLOSURE_SCHEMA,
        "title": d.title,
        "organization": d.organization,
        "year": d.year,
        "period": d.period,
        "published": d.published.isoformat() if d.published else None,
        "rows": rows,
    }


class _Ctx:
    def __init__(self, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.rows = 0

    def error(self, message: str, where: str) -> ReaderError:
        return ReaderError(message, source=self.source, field=where)


def _opt_str(obj: dict[str, Any], key: str, ctx: _Ctx, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ctx.error(f"expected text or null, got {type(value).__name__}", f"{where}{key}")
    return value


def _str(obj: dict[str, Any], key: str, ctx: _Ctx, where: str, *, required: bool = False) -> str:
    if required and key not in obj:
        raise ctx.error("missing", f"{where}{key}")
    return _opt_str(obj, key, ctx, where) or ""


def _disclosure(obj: Any, ctx: _Ctx, where: str) -> Disclosure:
    if not isinstance(obj, dict):
        raise ctx.error(f"expected an object, got {type(obj).__name__}", where.rstrip(".") or "$")
    schema = obj.get("schema")
    if schema is None:
        schema = CHECK_SCHEMA if "indicators" in obj and "rows" not in obj else DISCLOSURE_SCHEMA
    if schema not in (DISCLOSURE_SCHEMA, CHECK_SCHEMA):
        raise UnsupportedFormatError(
            f"unknown schema {schema!r} (expected {DISCLOSURE_SCHEMA} or {CHECK_SCHEMA})",
            source=ctx.source,
            field=f"{where}schema",
        )
    key = "rows" if schema == DISCLOSURE_SCHEMA else "indicators"
    items = obj.get(key)
    if not isinstance(items, list):
        raise ctx.error("missing or not a list", f"{where}{key}")
    title = _str(obj, "title", ctx, where)
    warnings: list[ReadWarning] = []
    year = obj.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 0 < year < 10000):
        warnings.append(ReadWarning(
            "year", f"{where}year: expected a year (a whole number) or null, got {year!r}"[:200]))
        year = None
    published_value = obj.get("published")
    published: date | None = None
    if isinstance(published_value, str) and published_value.strip():
        try:
            published = date.fromisoformat(published_value.strip())
        except ValueError:
            published = parse_date(published_value)
            if published is None:
                warnings.append(ReadWarning(
                    "published", f"{where}published: expected a date as YYYY-MM-DD, got {published_value!r}"[:200]))
    elif published_value is not None and not isinstance(published_value, str):
        warnings.append(ReadWarning(
            "published", f"{where}published: expected a date or null, got {published_value!r}"[:200]))
    rows: list[Row] = []
    for i, item in enumerate(items):
        at = f"{where}{key}[{i}]."
        if not isinstance(item, dict):
            raise ctx.error(f"expected an object, got {type(item).__name__}", at.rstrip("."))
        ctx.rows += 1
        check_rows(ctx.rows, ctx.limits, source=ctx.source)
        line = item.get("line")
        if isinstance(line, bool) or not isinstance(line, int) or line < 1:
            line = i + 1
        rows.append(
            Row(
                goal=_str(item, "goal", ctx, at),
                indicator=_str(item, "indicator", ctx, at, required=True),
                progress=_str(item, "progress", ctx, at),
                line=line,
            )
        )
    return note_gaps(Disclosure(
        title=title,
        rows=rows,
        organization=_opt_str(obj, "organization", ctx, where),
        year=year,
        period=_opt_str(obj, "period", ctx, where),
        published=published,
        source_name=ctx.source,
        warnings=warnings,
    ))


def read_json_all(
    data: bytes | str, *, source: str = "<input>", limits: Limits = DEFAULT_LIMITS
) -> list[Disclosure]:
    """Every disclosure in a jixiao JSON document (one, or a dataset of many)."""
    check_size(data, limits, source=source)
    text = decode_bytes(data, source=source) if isinstance(data, bytes) else data
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReaderError(f"bad JSON: {exc.msg}", source=source, line=exc.lineno) from None
    except (ValueError, RecursionError) as exc:
        raise ReaderError(f"bad JSON: {str(exc)[:200]}", source=source) from None
    ctx = _Ctx(source, limits)
    items: list[Any]
    if isinstance(obj, list):
        items, where = obj, "$"
    elif isinstance(obj, dict) and obj.get("schema") == DATASET_SCHEMA:
        docs = obj.get("documents")
        if not isinstance(docs, list):
            raise ctx.error("missing or not a list", "documents")
        items, where = docs, "documents"
    else:
        items, where = [obj], ""
    if len(items) > limits.max_rows:
        raise InputTooLargeError(f"more than {limits.max_rows} documents (the limit)", source=source)
    out = [_disclosure(item, ctx, f"{where}[{i}]." if where else "") for i, item in enumerate(items)]
    for d in out:
        d.original_text = text if len(out) == 1 else None
    if not out:
        raise ReaderError("the dataset holds no disclosures", source=source)
    return out


def read_json(data: bytes | str, *, source: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> Disclosure:
    """The disclosure in a jixiao JSON document; ReaderError when it holds none or several."""
    return single(read_json_all(data, source=source, limits=limits), source=source)
