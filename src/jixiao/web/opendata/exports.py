"""Published disclosures as open data: CSV, XLSX and JSON through the format writers.

The public data is the published snapshot (reviewers' overrides and corrected targets included), never
a fresh run of the checker, so a download says exactly what the page says. A snapshot is turned into the
core's ``Report`` and handed to ``jixiao.formats.writers``; the layouts are described in docs/formats.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, get_args

from jixiao.core.model import Disclosure as CoreDisclosure
from jixiao.core.model import Row
from jixiao.core.results import Claim, Comparator, Kind, Report, RowResult, Target, TargetResult, Verdict
from jixiao.formats.writers import CONTENT_TYPES, OutFormat, write_reports
from jixiao.web.performance.models import Disclosure
from jixiao.web.performance.selectors import disclosures_current

FORMATS: tuple[OutFormat, ...] = ("csv", "xlsx", "json")
_KINDS = set(get_args(Kind))
_COMPARATORS = set(get_args(Comparator))
_VERDICTS = set(get_args(Verdict))


def _verdict(value: Any) -> Verdict:
    return value if value in _VERDICTS else "unverified"


def _target_result(t: dict[str, Any]) -> TargetResult:
    kind = t.get("kind") if t.get("kind") in _KINDS else "level"
    comparator = t.get("comparator") if t.get("comparator") in _COMPARATORS else None
    target = Target(
        text=t.get("text", ""), span=(t.get("start") or 0, t.get("end") or 0), metric=t.get("metric") or "",
        kind=kind, comparator=comparator, value=t.get("value"), unit=t.get("unit") or None,
    )
    actual = None
    a = t.get("actual")
    if a and a.get("text"):
        actual = Claim(text=a["text"], span=(a.get("start") or 0, a.get("end") or 0), kind="level",
                       value=a.get("value"), unit=t.get("unit") or None)
    reason = t.get("reason") or ""
    if t.get("override_reason"):
        reason = f"{reason}（复核：{t['override_reason']}）" if reason else f"复核：{t['override_reason']}"
    if t.get("corrected") and t.get("correction_note"):
        reason = f"{reason}（目标已更正：{t['correction_note']}）"
    return TargetResult(target=target, verdict=_verdict(t.get("verdict")), reason=reason, actual=actual)


def snapshot_report(d: Disclosure) -> Report:
    """The published snapshot of ``d`` as a core ``Report`` (verdicts as published)."""
    snap = d.snapshot
    published: date | None = d.published_on
    doc = CoreDisclosure(
        title=snap.get("title") or d.title, rows=[], organization=snap.get("organization") or d.unit.name,
        year=snap.get("year") or d.period.cycle.year, period=snap.get("period") or d.period.code,
        published=published, source_name=f"{d.unit.name}-{d.period.cycle.year}-{d.period.slug}-v{d.version}",
    )
    rows: list[RowResult] = []
    for r in snap.get("rows", []):
        row = Row(goal=r.get("goal", ""), indicator=r.get("indicator", ""), progress=r.get("progress", ""))
        doc.rows.append(row)
        targets = tuple(_target_result(t) for t in r.get("targets", []))
        rows.append(RowResult(row=row, verdict=_verdict(r.get("verdict")), targets=targets))
    return Report(disclosure=doc, rows=rows)


def export_disclosures(disclosures: Sequence[Disclosure] | Iterable[Disclosure], fmt: OutFormat) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return write_reports([snapshot_report(d) for d in disclosures], fmt)


def export_dataset(fmt: OutFormat) -> bytes:
    """Every current published disclosure (the newest version of each unit and period) in one file."""
    return export_disclosures(disclosures_current(), fmt)


def content_type(fmt: str) -> str:
    if fmt == "pdf":
        return "application/pdf"
    return CONTENT_TYPES[fmt]  # type: ignore[index]


def file_stem(d: Disclosure) -> str:
    """An ASCII-safe name for a disclosure's download: jixiao-<unit id>-<year>-<period slug>-v<version>."""
    return f"jixiao-{d.unit_id}-{d.period.cycle.year}-{d.period.slug}-v{d.version}"


def download_name(d: Disclosure, fmt: str) -> str:
    """The name offered to the browser (Chinese title; Django encodes it per RFC 6266)."""
    name = "".join(ch for ch in d.title if ch not in '\\/:*?"<>|\n\r\t').strip() or file_stem(d)
    return f"{name[:120]}.{fmt}"
