"""What the charts and the open-data pages show: read from published snapshots only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from jixiao.web.opendata.charts import Bar, Point, Stack
from jixiao.web.performance.models import PERIOD_ORDER, Disclosure, Organization
from jixiao.web.performance.selectors import disclosures_current, snapshot_counts


def published_periods(current: list[Disclosure] | None = None) -> list[tuple[int, str, str]]:
    """(year, period code, period slug) with at least one published disclosure, newest year first."""
    seen = {(d.period.cycle.year, d.period.code, d.period.slug) for d in (current or disclosures_current())}
    return sorted(seen, key=lambda p: (-p[0], PERIOD_ORDER.get(p[1], 0)))


def published_years(current: list[Disclosure] | None = None) -> list[int]:
    return sorted({d.period.cycle.year for d in (current or disclosures_current())}, reverse=True)


def completion_bars(year: int, code: str, current: list[Disclosure] | None = None) -> list[Bar]:
    """Completion rate (score) of every unit in one period, best first; units without a score last."""
    ds = [d for d in (current or disclosures_current()) if d.period.cycle.year == year and d.period.code == code]
    ds.sort(key=lambda d: (d.score is None, -(d.score or 0), d.unit.name))
    bars = []
    for d in ds:
        c = snapshot_counts(d.snapshot)
        bars.append(Bar(label=d.unit.name, value=d.score, note=f"({c['met']}/{c['total']})"))
    return bars


def unit_trend(unit: Organization, current: list[Disclosure] | None = None) -> list[Point]:
    """A unit's completion rate in every published period, in calendar order over the years."""
    ds = [d for d in (current or disclosures_current()) if d.unit_id == unit.pk]
    ds.sort(key=lambda d: (d.period.cycle.year, PERIOD_ORDER.get(d.period.code, 0)))
    return [Point(label=f"{d.period.cycle.year} {d.period.code}", value=d.score) for d in ds]


def goal_stacks(disclosures: Iterable[Disclosure]) -> list[Stack]:
    """Targets' verdicts summed by goal (目标名称) over the given disclosures, most targets first."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"met": 0, "not_met": 0, "unverified": 0})
    for d in disclosures:
        for row in d.snapshot.get("rows", []):
            c = counts[row.get("goal") or "—"]
            for t in row.get("targets", []):
                if t.get("verdict") in c:
                    c[t["verdict"]] += 1
    stacks = [Stack(label=goal, counts=c) for goal, c in counts.items() if sum(c.values())]
    stacks.sort(key=lambda s: (-s.total, s.label))
    return stacks
