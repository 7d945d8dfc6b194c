"""The checker's report as plain data: the ``jixiao.check/1`` JSON schema."""

from __future__ import annotations

from typing import Any

from jixiao.core.results import Claim, Report, RowResult, TargetResult

SCHEMA = "jixiao.check/1"


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    if float(value).is_integer():
        return int(value)
    return round(value, 6)


def claim_to_dict(claim: Claim | None) -> dict[str, Any] | None:
    if claim is None:
        return None
    return {
        "text": claim.text,
        "span": list(claim.span),
        "value": _number(claim.value),
        "unit": claim.unit,
    }


def target_result_to_dict(res: TargetResult) -> dict[str, Any]:
    t = res.target
    out: dict[str, Any] = {
        "text": t.text,
        "span": list(t.span),
        "metric": t.metric,
        "kind": t.kind,
        "comparator": t.comparator,
        "value": _number(t.value),
        "unit": t.unit,
        "verdict": res.verdict,
        "actual": claim_to_dict(res.actual if res.actual and res.actual.value is not None else None),
        "reason": res.reason,
    }
    if res.evidence:
        out["evidence"] = [
            {"text": c.text, "span": list(c.span), "kind": c.kind} for c in res.evidence
        ]
    return out


def row_result_to_dict(res: RowResult) -> dict[str, Any]:
    return {
        "goal": res.row.goal,
        "indicator": res.row.indicator,
        "progress": res.row.progress,
        "verdict": res.verdict,
        "targets": [target_result_to_dict(t) for t in res.targets],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    d = report.disclosure
    return {
        "schema": SCHEMA,
        "title": d.title,
        "organization": d.organization,
        "year": d.year,
        "period": d.period,
        "published": d.published.isoformat() if d.published else None,
        "indicators": [row_result_to_dict(r) for r in report.rows],
        "warnings": [
            {"field": w.field, "message": w.message, "line": w.line} for w in d.warnings
        ],
    }
