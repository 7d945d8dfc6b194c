"""Small typed results of the core. Every result keeps the words it matched and their span.

A span is ``(start, end)``: character offsets into the text it names (``text[start:end]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jixiao.core.model import Disclosure, Row

Span = tuple[int, int]
Kind = Literal["level", "change", "milestone"]
Comparator = Literal[">=", "<=", "==", ">", "<"]
Verdict = Literal["met", "not_met", "unverified"]


@dataclass(slots=True)
class Quantity:  # not frozen: created by the thousand, and frozen instances are slow to build
    """A number with its unit as written: ``130余万人次`` → 1300000 人次, approximate."""

    text: str
    span: Span
    value: float
    unit: str | None  # canonical unit: 元, %, 百分点, 人, 个 ... (None: a bare number)
    approx: bool = False
    per: str | None = None  # the denominator of a rate: 元/月 → "月", 元/辆 → "辆"
    unit_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A requirement stated in an indicator."""

    text: str
    span: Span
    metric: str
    kind: Kind
    comparator: Comparator | None
    value: float | None
    unit: str | None
    quantity: Quantity | None = None
    stage: str | None = None  # milestones: the stage word required (开始施工)
    stage_rank: int | None = None
    objects: tuple[str, ...] = ()  # milestones: the works named (市政管网, 景观工程)
    direction: Literal["up", "down"] | None = None  # change targets
    about: bool = False  # 增长7%左右: met at 95% of the value (a ceiling: up to 105%)
    item: str | None = None  # one item of a list sharing the figure (知晓率和满意度均达到90%: 满意度)


@dataclass(slots=True)
class Claim:  # not frozen: created by the thousand, and frozen instances are slow to build
    """A result the progress text reports: a figure, a change, a share of the task or a stage."""

    text: str
    span: Span
    kind: Literal["level", "change", "share", "stage", "statement", "admission"]
    value: float | None = None
    unit: str | None = None
    quantity: Quantity | None = None
    context: str = ""  # the words around it that name what was measured
    stage: str | None = None
    stage_rank: int | None = None
    negated: bool = False
    bound: Literal["above", "below"] | None = None  # 超过6次: above 6; 近2万亿元: below it


@dataclass(frozen=True, slots=True)
class TargetResult:
    target: Target
    verdict: Verdict
    reason: str
    actual: Claim | None = None
    evidence: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class RowResult:
    row: Row
    verdict: Verdict
    targets: tuple[TargetResult, ...]


@dataclass(slots=True)
class Report:
    disclosure: Disclosure
    rows: list[RowResult] = field(default_factory=list)
