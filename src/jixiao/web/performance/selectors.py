"""Read-only queries of published data for the public site and API (only ever published snapshots)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Max

from jixiao.web.performance.models import PERIOD_ORDER, PERIOD_SLUGS, Disclosure, Organization

SLUG_TO_PERIOD = {slug: code for code, slug in PERIOD_SLUGS.items()}


def disclosures_current() -> list[Disclosure]:
    """The newest version of every published (unit, period) disclosure."""
    latest = Disclosure.objects.values("unit_id", "period_id").annotate(v=Max("version"))
    wanted = {(r["unit_id"], r["period_id"], r["v"]) for r in latest}
    qs = Disclosure.objects.select_related("unit", "period__cycle").order_by("unit__name", "-period__cycle__year",
                                                                             "period__order")
    return [d for d in qs if (d.unit_id, d.period_id, d.version) in wanted]


def snapshot_counts(snapshot: dict[str, Any]) -> dict[str, int]:
    counts = {"met": 0, "not_met": 0, "unverified": 0, "total": 0}
    for row in snapshot.get("rows", []):
        for t in row.get("targets", []):
            counts[t["verdict"]] = counts.get(t["verdict"], 0) + 1
            counts["total"] += 1
    return counts


def public_overview() -> list[dict[str, Any]]:
    """Units with their cycles and, per period, the published score (share of weighted targets met)."""
    by_unit: dict[int, dict[str, Any]] = {}
    for d in disclosures_current():
        u = by_unit.setdefault(d.unit_id, {"unit": d.unit, "cycles": defaultdict(list)})
        counts = snapshot_counts(d.snapshot)
        u["cycles"][d.period.cycle.year].append({"disclosure": d, "counts": counts})
    out = []
    for u in by_unit.values():
        cycles = []
        for year in sorted(u["cycles"], reverse=True):
            periods = u["cycles"][year]
            last = periods[-1]
            cycles.append({"year": year, "periods": periods, "score": last["disclosure"].score,
                           "counts": last["counts"]})
        out.append({"unit": u["unit"], "cycles": cycles})
    return out


def period_rankings() -> list[dict[str, Any]]:
    """For each (year, period) with published disclosures: units ranked by score, best first."""
    groups: dict[tuple[int, str], list[Disclosure]] = defaultdict(list)
    for d in disclosures_current():
        groups[(d.period.cycle.year, d.period.code)].append(d)
    out = []
    for (year, code), ds in sorted(groups.items(), key=lambda kv: (-kv[0][0], PERIOD_ORDER.get(kv[0][1], 0))):
        ranked = sorted(ds, key=lambda d: (-(d.score if d.score is not None else -1), d.unit.name))
        out.append({"year": year, "period": code, "units": ranked})
    return out


def disclosure_versions(unit: Organization, year: int, period_code: str) -> list[Disclosure]:
    return list(
        Disclosure.objects.filter(unit=unit, period__cycle__year=year, period__code=period_code)
        .select_related("period__cycle", "unit").order_by("-version")
    )


def display_rows(snapshot: dict[str, Any], verdict: str = "", goal: str = "") -> list[dict[str, Any]]:
    """Rows of a snapshot prepared for the page: spans to underline and to highlight, filtered."""
    rows = []
    for i, row in enumerate(snapshot.get("rows", []), start=1):
        if goal and row["goal"] != goal:
            continue
        targets = row.get("targets", [])
        if verdict and not any(t["verdict"] == verdict for t in targets) and row.get("verdict") != verdict:
            continue
        target_spans = [
            {"start": t["start"], "end": t["end"], "cls": f"target target-{t['verdict']}", "title": t["reason"]}
            for t in targets
        ]
        evidence_spans = []
        for t in targets:
            for e in t.get("evidence") or []:
                evidence_spans.append({"start": e["start"], "end": e["end"], "cls": f"evidence evidence-{t['verdict']}",
                                       "title": t["text"]})
        rows.append({**row, "number": i, "target_spans": target_spans, "evidence_spans": evidence_spans})
    return rows


def unit_comparison(unit: Organization) -> dict[str, Any]:
    """One unit's indicators across every published period and year: verdicts side by side."""
    current = [d for d in disclosures_current() if d.unit_id == unit.pk]
    current.sort(key=lambda d: (d.period.cycle.year, d.period.order))
    columns = [{"year": d.period.cycle.year, "period": d.period.code, "slug": d.period.slug, "score": d.score,
                "disclosure": d} for d in current]
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for col, d in enumerate(current):
        for row in d.snapshot.get("rows", []):
            key = (row["goal"], row["indicator"])
            entry = rows.setdefault(key, {"goal": row["goal"], "indicator": row["indicator"],
                                          "cells": [None] * len(current)})
            entry["cells"][col] = {"verdict": row["verdict"],
                                   "targets": [(t["text"], t["verdict"]) for t in row.get("targets", [])]}
    return {"columns": columns, "rows": list(rows.values())}
