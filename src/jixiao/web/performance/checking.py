"""The one place the web system calls the core checker, and the rules it adds on top of it.

The core reads targets from an indicator's text and claims from the progress text. The web adds two
things a user can do: correct a target (comparator, value, unit) and enter an actual number directly.
Where either applies, the verdict is recomputed here by comparing the numbers.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from jixiao.core.model import Row
from jixiao.core.results import RowResult

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
    "==": lambda a, b: abs(a - b) <= 1e-9 * max(1.0, abs(b)),
}


def check_texts(
    goal: str, indicator: str, progress: str, period: str | None = None, year: int | None = None,
    shared: bool = False, due_later: bool = False,
) -> RowResult:
    """Run the core checker on one row of goal / indicator / progress text, for a report of ``period`` of
    ``year`` (during the year, or before a requirement is due, a figure below it is not a shortfall);
    ``shared`` when the same results paragraph is the progress of other entries of the report too;
    ``due_later`` when the report's title names a five-year plan ending after ``year`` (``due_later_by_title``)."""
    from jixiao.core.check import check_row

    return check_row(Row(goal=goal, indicator=indicator, progress=progress), period=period, year=year,
                     shared=shared, due_later=due_later)


def due_later_by_title(title: str, year: int | None) -> bool:
    """Whether a report's title names a five-year plan that ends after its year (…“十二五”规划中期评估): its
    targets are due at the plan's end, as the CLI reads a document (check.check_disclosure)."""
    from jixiao.core.meta import plan_ends_after, reviews_a_plan_midway
    from jixiao.core.quantities import fold

    return plan_ends_after(fold(title or ""), year) or reviews_a_plan_midway(fold(title or ""))


def period_for_check(title: str, code: str) -> str:
    """The period to judge a report of period ``code`` by.

    A report made here names its period (its title may be empty). An imported document with a cut-off in its
    title (截至10月) is filed under the last period it covers and judged as of its own cut-off."""
    from jixiao.core.meta import period_of, standard_period

    own = period_of(title) if title else None
    return own if own is not None and standard_period(own) == code else code


def compare(actual: float, comparator: str, target: float) -> bool:
    """Whether ``actual`` meets ``target`` under ``comparator`` (>= when none is given)."""
    return _COMPARE.get(comparator or ">=", operator.ge)(actual, target)


def combine(verdicts: list[str]) -> str:
    """A row's verdict from its targets': met when all are met, not_met when any is missed."""
    if not verdicts:
        return "unverified"
    if "not_met" in verdicts:
        return "not_met"
    if all(v == "met" for v in verdicts):
        return "met"
    return "unverified"
