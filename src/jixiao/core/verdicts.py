"""Alignment and verdicts: which claim reports on which target, and whether the target was met.

Numeric targets are paired with figure claims of a compatible unit and kind, scored by the metric words
they share (character pairs of their clauses), the rate's period, and closeness of value; a row's
targets take distinct claims, best pairs first. Milestones are judged on the order of stages reported
for the same works. Every verdict carries a one-line reason in Chinese.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from jixiao.core.claims import STAGE_WORDS, last_bound_word, states_done
from jixiao.core.lexicon import LEXICON
from jixiao.core.meta import parse_due
from jixiao.core.quantities import find_quantities, fold
from jixiao.core.results import Claim, Quantity, Target, TargetResult, Verdict
from jixiao.core.targets import milestone_objects, only_a_label, without_time_words, zero_mentions
from jixiao.core.textutil import (
    bigrams,
    canonical_names,
    clause_bounds,
    contains_any,
    find_words,
    last_word_end,
    metric_mentions,
    metric_names,
    previous_clause_start,
    sentence_bounds,
    word_after,
    word_before,
)

_OPS: Final = {">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于", "==": "等于"}
_MIN_SCORE: Final = 1.0


@dataclass(slots=True)
class _Context:
    near: frozenset[str]
    far: frozenset[str]
    ongoing: bool = False  # the clause counts work still under way (另有8个正在改造)
    one_month: bool = False  # a claim: its clause is a single month's (2025年12月CPI年增0.8%), not the period's
    year_end: bool = False  # a claim: its words are a snapshot at the year's end (年末…失业率为5.5%)
    whole_year: bool = False  # a target: a rate set for the whole year (失业率全年控制在5.5%以内)
    subset: bool = False  # the clause counts part of the whole (其中…)
    # the metrics the lexicon names: for a target, those its words name; for a claim, the last one its
    # sentence names before it (社会消费品零售总额达4.7万亿元、增长5.8%: 社会消费品零售总额)
    named: frozenset[str] = frozenset()
    rate: bool = False  # its words name a rate of change (涨幅, 增速)
    adjusted: bool = False  # its words adjust the basis (扣除…因素)
    new_things: bool = False  # a claim: its words count new things (新增)
    own_named: frozenset[str] = frozenset()  # a target: the metrics its own words name (not its goal's)
    unnamed: bool = False  # a target whose own words only label it (预期目标8%), under a goal naming no rate
    annual: bool = False  # a target: its clause sets it for the year (2017年度计划实施170878户), not for a longer task
    total: bool = False  # its figure is a total, a sum word right before it in its clause (合计1万4878人)
    band: str | None = None  # the stage its clause names before the figure: "start" (开工) or "done" (建成, 完成)


_ITEM_BONUS: Final = 2.0  # a figure listed for the item the target names (see fenbie_items)
_BAND_BONUS: Final = 1.0  # a target and a claim whose clauses name the same band of stages (开工 | 开工)
_PEER: Final = 1.2  # units_compatible of two measure words counting the same things (个 and 座)
_COUNTED_REACH: Final = 4


def _same_counted(t: Target, indicator_norm: str, c: Claim, progress_norm: str) -> bool:
    """Whether a target and a claim in two measure words of one group (285个旅游厕所 | 156座旅游厕所) count the
    same things: the words right before or after their figures share two characters in a row."""
    def counted(norm: str, q: Quantity | None) -> set[str]:
        if q is None:
            return set()
        lo, hi = q.span
        return set(bigrams(norm[max(0, lo - _COUNTED_REACH) : lo])) | set(bigrams(norm[hi : hi + _COUNTED_REACH]))
    return bool(counted(indicator_norm, t.quantity) & counted(progress_norm, c.quantity))


_SIZE_RATIO: Final = 1.5  # a unitless target's result is within this factor of it


def units_compatible(target_unit: str | None, claim_unit: str | None) -> float:
    """How well two units agree: 3 the same, 2 both persons, 1 one of them unknown, 0 not at all."""
    if target_unit is None or claim_unit is None:
        return 1.0
    if target_unit == claim_unit:
        return 3.0
    persons = LEXICON.person_units
    if target_unit in persons and claim_unit in persons:
        return 2.0
    if any(target_unit in g and claim_unit in g for g in LEXICON.unit_variants):
        return 2.0  # 吨标准煤 and 吨: one measure written more or less fully
    if any(target_unit in g and claim_unit in g for g in LEXICON.count_peers):
        return _PEER
    if target_unit.split("/")[0] == claim_unit.split("/")[0] and "/" in target_unit + claim_unit:
        return 1.5
    return 0.0


_BOUND_STEP: Final = 1e-6  # a claim above or below its number: just past it, far more than rounding


def satisfies(
    actual: float, comparator: str | None, value: float, *, about: bool = False, bound: str | None = None
) -> bool:
    """Whether ``actual`` meets ``comparator value``. An approximate target (7%左右) is met at 95% of it, a
    ceiling one up to 105%; a claim that is a bound (超过6次, 近2万亿元) is taken as just past its number."""
    if bound == "above":
        actual += _BOUND_STEP * max(1.0, abs(actual))
    elif bound == "below":
        actual -= _BOUND_STEP * max(1.0, abs(actual))
    if about and value > 0:
        tol = LEXICON.about_tolerance
        if comparator in (">=", ">", None):
            value *= 1.0 - tol
        elif comparator in ("<=", "<"):
            value *= 1.0 + tol
    eps = 1e-9 * max(1.0, abs(value))
    match comparator:
        case ">=" | None:
            return actual >= value - eps
        case ">":
            return actual > value + eps
        case "<=":
            return actual <= value + eps
        case "<":
            return actual < value - eps
        case "==":
            return abs(actual - value) <= eps
    return False


def fmt_number(value: float | None, unit: str | None) -> str:
    """A figure as a reviewer writes it: 18350万元, 1.2亿元, 96.4%, 2个百分点, 100个."""
    if value is None:
        return "—"
    unit = unit or ""

    def num(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else f"{v:.4f}".rstrip("0").rstrip(".")

    if unit.endswith("元") and abs(value) >= 100_000_000:  # 元, 美元, 港元
        return f"{num(round(value / 100_000_000, 4))}亿{unit}"
    if unit.endswith("元") and abs(value) >= 10_000:
        return f"{num(round(value / 10_000, 4))}万{unit}"
    if unit == "百分点":
        return f"{num(value)}个百分点"
    return f"{num(value)}{unit}"


def _target_context(t: Target, indicator_norm: str, goal: str) -> _Context:
    lo, hi = clause_bounds(indicator_norm, t.span[0], t.span[1])
    q = t.quantity
    if t.item is not None:  # one item of a list: its own name, not its neighbours', says what is measured
        near = bigrams(t.item)
    elif q is not None:
        # the words either side of the number, each on its own: no pair across the number (控制在…以内); in a
        # list of counts (建设3100个农村公共厕所、285个旅游厕所、350个…), only its own item's words
        seg_lo, seg_hi = lo, hi
        if (_FIGURE_RE.search(indicator_norm, lo, q.span[0]) or _FIGURE_RE.search(indicator_norm, q.span[1], hi)):
            own_lo = max(lo, indicator_norm.rfind("、", lo, q.span[0]) + 1)
            cut = indicator_norm.find("、", q.span[1], hi)
            own_hi = cut if cut >= 0 else hi
            # rates too, when each item names its own metric (PM2.5平均浓度同比下降4%、重污染天数同比减少6%;
            # not 分别增长8%、9%, one metric's figures)
            if t.unit not in ("%", "百分点") or _names_its_own(indicator_norm, lo, own_lo, q.span[0], own_hi, hi):
                seg_lo, seg_hi = own_lo, own_hi
        near = bigrams(indicator_norm[seg_lo : q.span[0]]) | bigrams(indicator_norm[q.span[1] : seg_hi])
    else:
        near = bigrams(indicator_norm[lo:hi])
    named = frozenset(metric_names(f"{goal} {t.metric} {t.text}"))
    own = t.metric + t.text
    annual = q is not None and contains_any(indicator_norm[lo : q.span[0]], LEXICON.annual_markers)
    unnamed = q is not None and only_a_label(indicator_norm[lo : q.span[0]]) and _names_no_rate(goal)
    rate = _names_change_rate(own) or (t.kind == "level" and t.unit == "%" and (
        _a_flow(fold(goal) + own)))
    return _Context(near=near, far=bigrams(goal), subset=indicator_norm.startswith(LEXICON.subset_words, lo),
                    named=named, rate=rate, adjusted=contains_any(own, LEXICON.adjusted_basis),
                    own_named=frozenset(metric_names(own)), unnamed=unnamed,
                    annual=annual, whole_year=t.unit == "%" and contains_any(fold(t.text), LEXICON.whole_year_words),
                    total=q is not None and _a_total(indicator_norm[lo : q.span[0]]),
                    band=stage_band(indicator_norm[lo : q.span[0]]) if q is not None else None)


_BAND_START: Final = LEXICON.stage_ranks["开工"]
_BAND_DONE: Final = LEXICON.stage_ranks["基本完成"]


def rank_band(rank: int) -> str | None:
    """The band of a stage's rank: "done" from 基本完成 on, "start" from 开工 up to it, None before 开工."""
    return "done" if rank >= _BAND_DONE else "start" if rank >= _BAND_START else None


def stage_band(before: str) -> str | None:
    """The stage the words before a figure name last: 新開工建設…5萬個 "start", 年內完成2萬個, 建成1.4萬個 "done"."""
    hits = find_words(before, STAGE_WORDS)
    return rank_band(LEXICON.stage_ranks[hits[-1][2]]) if hits else None


def _a_total(before: str) -> bool:
    """Whether the words of a clause before its figure end in a sum word (…，合计1万4878人; 共计267班)."""
    return before.rstrip(" :：").endswith(LEXICON.sum_words)


def _names_no_rate(goal: str) -> bool:
    """山西 | 预期目标8% | 山西去年GDP增长4.9%: a percentage whose own words only label it as the target, under a
    first column naming no rate or share (a place, a unit), is the change its row reports."""
    return not contains_any(fold(goal), LEXICON.rate_heads) and not contains_any(fold(goal), LEXICON.keep_low)


def _a_flow(words: str) -> bool:
    """居民消费价格 | 3%左右, 单位GDP能耗 | 3%: a percentage of an amount or a price, not a rate or a share, is its
    change however the target reads it (a level to keep below or reach), so a change claim reports it."""
    return contains_any(words, LEXICON.flow_metrics) and not contains_any(words, LEXICON.rate_heads)


_FIGURE_RE: Final = re.compile(r"\d+(?:\.\d+)?")
_OWN_METRIC_RE: Final = re.compile(r"[\u4e00-\u9fff]{4}")


def _names_its_own(norm: str, lo: int, own_lo: int, start: int, own_hi: int, hi: int) -> bool:
    """Whether a list item of rates, cut at 、, names its own metric: four Chinese characters in a row before
    its figure, and as many in an item beside it."""
    return _OWN_METRIC_RE.search(norm, own_lo, start) is not None and (
        (own_lo > lo and _OWN_METRIC_RE.search(norm, lo, own_lo) is not None)
        or (own_hi < hi and _OWN_METRIC_RE.search(norm, own_hi, hi) is not None))
_ONLY_FIGURES_RE: Final = re.compile(r"^[\s\d.,%％]+$")
# A comma or semicolon after a figure: a new statement may start after it (、 joins one metric's figures).
_AFTER_A_FIGURE_RE: Final = re.compile(r"\d[^\d，,；;]{0,6}[，,；;]")


def _restates_plan(c: Claim, progress_norm: str) -> bool:
    lo = clause_bounds(progress_norm, c.span[0], c.span[1])[0]
    before = progress_norm[lo : c.span[0]]
    plan_at = last_word_end(before, LEXICON.plan_words)
    if plan_at >= 0 and before.startswith(LEXICON.plan_as_noun_after, plan_at):
        plan_at = -1  # 整體公建計劃經費達成率95.48%: the programme's name, not a plan's figure
    if plan_at >= 0 and c.bound == "below" and _bound_word_before(before, plan_at) and not _result_beside(
            c, progress_norm):
        plan_at = -1  # 满意率低于市上要求的最低标准85%: a result below the plan's figure
    if plan_at >= 0 and not contains_any(before[plan_at:], LEXICON.actual_markers):
        return True  # 计划新增2万人; not 所订下的80%…的指标实际数字为61%
    hi = clause_bounds(progress_norm, c.span[0], c.span[1])[1]
    if contains_any(progress_norm[c.span[1] : hi], LEXICON.plan_later_in_clause):
        return True  # 65项措施原定去年内落实: the figure of the plan, told after it
    return (_plan_follows(progress_norm, c)
            or word_before(progress_norm, c.span[0], LEXICON.plan_right_before) is not None)


def _bound_word_before(before: str, plan_at: int) -> bool:
    """Whether a word making the figure a bound below (低于, 不足) stands before the plan word, not negated."""
    return last_bound_word(before[: max(0, plan_at - 1)], LEXICON.claim_below) >= 0


def _result_beside(c: Claim, progress_norm: str) -> bool:
    """Whether the sentence gives a figure in the claim's unit before it (88%的…到場,低於服務承諾的92.5%): that
    is the result, and the bound only compares it with the target."""
    slo = sentence_bounds(progress_norm, c.span[0], c.span[1])[0]
    return any(q.unit == c.unit for q in find_quantities(progress_norm[slo : c.span[0]]))


def plan_reached(c: Claim, progress_norm: str) -> bool:
    """已实现…参加培训率80%的年度目标: a restated plan that the words before it say was reached."""
    lo = clause_bounds(progress_norm, c.span[0], c.span[1])[0]
    return _plan_follows(progress_norm, c) and contains_any(progress_norm[lo : c.span[0]], LEXICON.plan_reached_before)


def _named_before(c: Claim, progress_norm: str) -> frozenset[str]:
    """The metric the lexicon names last in the claim's own statement, before it (see _Context.named)."""
    start = c.span[0]
    mentions = metric_mentions(progress_norm)
    if not mentions or mentions[0][1] > start:
        return frozenset()
    slo = sentence_bounds(progress_norm, start, c.span[1])[0]
    slo = max(slo, progress_norm.rfind("●", slo, start) + 1)  # a bullet opens a new item
    before = progress_norm[slo:start]
    cuts = [m.end() for m in _AFTER_A_FIGURE_RE.finditer(before)]
    if cuts and _names_anything(before[cuts[-1] :]):
        slo += cuts[-1]  # …收入增长12.2%,规模以上工业增加值增长7%: the statement before is done
    elif len(cuts) > 1:
        slo += cuts[-2]  # …;社会消费品零售总额4408.12亿元,增长3.4%: the same statement goes on
    named = [name for a, b, name in mentions if a >= slo and b <= start]
    if named and (k := progress_norm.rfind("分别", slo, start)) >= 0:
        # 固定资产投资、社会消费品零售总额分别增长4.1%、8.8%: the k-th figure after 分别 is the k-th name's
        listed = [name for a, b, name in mentions if a >= slo and b <= k]
        ahead = len(_FIGURE_RE.findall(progress_norm, k, start))
        named = [listed[ahead]] if ahead < len(listed) else named
    return frozenset(named[-1:])


def _claim_context(c: Claim, progress_norm: str) -> _Context:
    lo, hi = clause_bounds(progress_norm, c.span[0], c.span[1])
    q = c.quantity
    near = (bigrams(progress_norm[lo : q.span[0]]) | bigrams(progress_norm[q.span[1] : hi])) if q else bigrams(
        progress_norm[lo:hi])
    plo = previous_clause_start(progress_norm, lo)
    if plo < lo and _only_a_basis(progress_norm[plo:lo]):
        # 全市生产总值为14920.75亿元,按不变价格计算,比上年增长3.9%: the note of how it is counted names nothing;
        # the metric is in the clause before it
        plo = previous_clause_start(progress_norm, plo)
    far_text = progress_norm[plo:lo]
    said = c.context[: _figure_at(c)]
    return _Context(
        named=_named_before(c, progress_norm),
        rate=_names_change_rate(said),
        adjusted=contains_any(said, LEXICON.adjusted_basis),
        new_things=_counts_new_things(said),
        near=near,
        far=bigrams(far_text),
        subset=progress_norm.startswith(LEXICON.subset_words, lo, c.span[0]),
        ongoing=contains_any(progress_norm[lo:hi], LEXICON.ongoing_words),
        one_month=_ONE_MONTH_RE.search(said) is not None and _MONTHS_SPAN_RE.search(said) is None,
        year_end=contains_any(said, LEXICON.year_end_words),
        total=q is not None and _a_total(progress_norm[lo : q.span[0]]),
        band=stage_band(progress_norm[lo : q.span[0]]) if q is not None else None,
    )


# A single month heading a claim (2025年12月CPI年增0.8%, 12月份): that month's figure; not 1-12月, 截至12月
_ONE_MONTH_RE: Final = re.compile(r"(?<![\d\-—~至到])(?:1[0-2]|[1-9])月(?:份)?(?!底|末|以来|累计)")
_MONTHS_SPAN_RE: Final = re.compile(r"\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月|截至|截止|前\S?个?月|以来")


def _only_a_basis(clause: str) -> bool:
    """Whether a clause only says how a figure is counted (按不变价格计算, 按可比价格计算: `basis_notes`)."""
    rest = clause.strip(" ,，、")
    return bool(rest) and any(rest == w or (w in rest and len(rest) <= len(w) + 2) for w in LEXICON.basis_notes)


def _target_scopes(t: Target, indicator_norm: str) -> list[str]:
    """The statistical scopes a target's metric names (规模以上工业增加值: 规模以上; 规上 is 规模以上)."""
    if t.quantity is None:
        return []
    lo, _hi = clause_bounds(indicator_norm, t.span[0], t.span[1])
    named = canonical_names(indicator_norm[lo : t.quantity.span[0]])
    return [w for w in LEXICON.scope_qualifiers if w in named]


def _own_words(t: Target, indicator_norm: str) -> str | None:
    """The words of a target's clause before its figure, where a pair of `distinct_metrics` may be told apart."""
    if t.quantity is None or not LEXICON.distinct_metrics:
        return None
    lo, _hi = clause_bounds(indicator_norm, t.span[0], t.span[1])
    return indicator_norm[lo : t.quantity.span[0]]


def _said_before(c: Claim, progress_norm: str) -> str:
    """The words of a claim's clause before it (up to the comma, stop or bracket before)."""
    clo = max(progress_norm.rfind(d, 0, c.span[0]) for d in "，,。；;（(") + 1
    return progress_norm[clo : c.span[0]]


def _another_metric(own: str, said: str) -> bool:
    """A claim whose clause names a metric that shares the target's words but is another (出口 for 进出口, or
    进出口 for 出口: `distinct_metrics`) and not the target's own does not report on it."""
    return any((whole in own and whole not in said and part in said)
               or (part in own and whole not in own and whole in said)  # 出口增长5% | 进出口增长8%: nor the reverse
               for whole, part in LEXICON.distinct_metrics)


def _scope_missing(scopes: list[str], c: Claim, progress_norm: str) -> bool:
    """A target of a statistical scope is not reported by a figure of the whole (工业增加值): the claim's clause
    must name the scope too."""
    if not scopes:
        return False
    said = _said_before(c, progress_norm)
    clo = c.span[0] - len(said)
    if clo > 0 and progress_norm[clo - 1] in "，," and not _names_anything(said):
        # …规模以上工业增加值5171.00亿元,同比下降1.9%: the clause goes on with the one before's metric
        plo = max(progress_norm.rfind(d, 0, clo - 1) for d in "，,。；;（(") + 1
        said = progress_norm[plo : c.span[0]]
    return not any(w in canonical_names(said) for w in scopes)


def _names_no_metric(c: Claim, progress_norm: str) -> bool:
    """Whether the words of a claim's clause before it name nothing but when and that it was done
    (1-4月已经完成1399.86亿元), not a metric of their own (全市工业增加值增长5%)."""
    lo, _hi = clause_bounds(progress_norm, c.span[0], c.span[1])
    return not _NAMING_RE.sub("", progress_norm[lo : c.span[0]])


# The words of a clause before its figure that say only when and that it was done.
_NAMING_RE: Final = re.compile(
    "|".join([r"[\s\d.\-—~至到月年底份前截止为:：,，]", *(re.escape(w) for w in (
        *LEXICON.plan_reached_before, *LEXICON.part_done_words, *LEXICON.done_only_words))])
)


def _names_anything(words: str) -> bool:
    """Whether the words before a figure name a thing, beyond a baseline and a change (同比下降, 比上年增长)."""
    rest = words.strip()
    for w in _NOT_NAMING:
        rest = rest.replace(w, "")
    return len(rest.strip()) > 1


_NOT_NAMING: Final = (*LEXICON.baseline, *LEXICON.increase, *LEXICON.decrease, "了")


def _crowding(t: Target, figures: list[Claim], progress_norm: str) -> int:
    """How many figures of the target's unit the progress gives, parts after 其中 not counted (they are
    looked at only when there are more than two)."""
    same = [c for c in figures if units_compatible(t.unit, c.unit) > 1.0]
    if len(same) <= _CROWD:
        return len(same)
    if not _subset_spans(progress_norm):
        return len(same)
    return sum(1 for c in same if not _after_subset_word(progress_norm, c))


_CROWD: Final = 2


def _after_subset_word(progress_norm: str, c: Claim) -> bool:
    """Whether the figure comes after 其中 (or 包括) in its sentence: a part of a whole given before it."""
    return any(a <= c.span[0] < b for a, b in _subset_spans(progress_norm))


@lru_cache(maxsize=64)
def _subset_spans(progress_norm: str) -> tuple[tuple[int, int], ...]:
    """The stretches of a progress text from a 其中 (包括) to the end of its sentence."""
    words = [w for w in LEXICON.subset_words if len(w) > 1]
    if not any(w in progress_norm for w in words):
        return ()
    out = []
    for w in words:
        for m in re.finditer(re.escape(w), progress_norm):
            out.append((m.end(), sentence_bounds(progress_norm, m.end(), m.end())[1]))
    return tuple(out)


def _plan_follows(progress_norm: str, c: Claim) -> bool:
    """A figure followed by 的预期目标 (超过1.8万亿元的预期目标) names the plan, not the result; so does each figure
    of a list that ends so (超额完成了…分别削减2%、3%、3%、6%的目标任务)."""
    end = c.quantity.span[1] if c.quantity is not None else c.span[1]
    while (m := _LISTED_NEXT_RE.match(progress_norm, end)) is not None:
        end = m.end()  # on to the list's last figure
    near = progress_norm[end : end + _PLAN_AFTER_REACH]
    if not any(h in near for h in LEXICON.plan_after_heads):
        return False
    rest = near.lstrip()
    for w in LEXICON.plan_after_skip:
        if rest.startswith(w):
            rest = rest[len(w) :]
            break
    return rest.startswith(LEXICON.plan_after)


_PLAN_AFTER_REACH: Final = 12
# The next figure of a list of figures: 、3% / 和6% (a figure with its unit, of up to 4 characters)
_LISTED_NEXT_RE: Final = re.compile(r"\s*[、和及]\s*-?\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,4}(?=[、和及的]))")


def _names_change_rate(words: str) -> bool:
    """居民消费价格涨幅, 增速: a rate of change, whichever kind the figure was read as."""
    return contains_any(words, LEXICON.change_rate_nouns)


def _counts_new_things(words: str) -> bool:
    """新增绿色林地182公顷: a count of new things, which is what a target to add them (增加180公顷) asks."""
    return contains_any(words, LEXICON.new_things)


def _figure_at(c: Claim) -> int:
    """Where the claim's own words begin inside its context (the words before it are what it measures)."""
    i = c.context.find(fold(c.text))
    return i if i >= 0 else len(c.context)


def pair_score(t: Target, tc: _Context, c: Claim, cc: _Context, *, bare_pair: bool, crowded: bool = False) -> float:
    """How likely claim ``c`` reports on target ``t``; 0 when it cannot. In a crowded progress text (several
    figures of the target's unit) a figure that shares no word with the target reports on something else."""
    if c.value is None:
        return 0.0
    u = units_compatible(t.unit, c.unit)
    if u == 0.0:
        return 0.0
    if t.kind == "change" and c.kind != "change" and not cc.rate:
        # a count of new things reports a target to add them; a bare cell's one figure is its target's, a growth
        # in a growth's row (增长(%) | 7.8% | 3.8%)
        new_things = t.unit not in ("%", "百分点") and cc.new_things
        if not (c.kind == "level" and (bare_pair or new_things)):
            return 0.0
    if t.kind == "level" and c.kind != "level" and not (c.kind == "change" and (tc.rate or (
            tc.unnamed and t.unit == "%" and cc.named and all(_a_flow(n) for n in cc.named)) or (
            c.unit not in ("%", "百分点") and contains_any(fold(t.text), LEXICON.increase)))):
        # (增加資助學額1 000個 | 已增加1 200個資助學額: a count added, told as a rise in the same words)
        # (山西 | 预期目标8% | 山西去年GDP增长4.9%: a target naming nothing takes the change of an amount)
        return 0.0
    if tc.named and cc.named and not (tc.named & cc.named):
        return 0.0  # 社会消费品零售总额…增长5.8% does not report 进出口总额增长3%
    if cc.named and not tc.named and not tc.unnamed and all(len(bigrams(n) & (tc.near | tc.far)) < 2 for n in cc.named):
        return 0.0  # nor 全社会研发经费投入增长10%, which shares only 社会 with it
    if cc.adjusted and not tc.adjusted:
        return 0.0  # 扣除减税降费因素增长8%: another basis than the target's
    words = len(tc.near & cc.near) * 1.0 + len(tc.near & (cc.far - cc.near)) * 0.5
    words += len(tc.far & cc.near) * 0.5
    if len(tc.own_named) == 1 and tc.own_named == cc.named:
        words += 1.0  # GDP and 国内生产总值: the lexicon's one metric, however each text writes it
    if tc.total and cc.total:
        words += 1.0  # 合计1万4563人 | …士兵1万407人，合计1万4878人: the total answers the total
    if tc.band is not None and cc.band is not None:
        # 新開工建設…5萬個,年內完成2萬個 | 已開工建設3.5萬個,建成1.4萬個: the count started answers the start
        words += _BAND_BONUS if tc.band == cc.band else -_BAND_BONUS
    if crowded and words == 0.0 and not bare_pair:
        return 0.0
    score = words + (u - 1.0) * 0.3
    if bare_pair:
        score += 2.0
    tq, cq = t.quantity, c.quantity
    if tq and cq and tq.per and cq.per:
        tper, cper = set(tq.per.split("/")), set(cq.per.split("/"))
        # 600元/月/人 and 644元/月: the same month; 元/月 and 元/年 are not one rate
        score += 1.0 if tper == cper else 0.5 if (tper <= cper or cper <= tper) else -1.5
    if cc.subset and not tc.subset:
        score -= 1.0
    if cc.ongoing:
        score -= 1.5  # 现已建成12个,另有8个正在改造: the 12 done, not the 8 under way
    if cc.one_month:
        score -= 1.0  # CPI与2024年持平,2025年12月CPI年增0.8%: the year's figure, not December's
    if cc.year_end and tc.whole_year:
        score -= 1.5  # 失业率全年控制在5.5%以内 | 全年…平均值为5.6%。年末…为5.5%: the year's figure, not the year-end's
    if t.value is not None and c.value is not None:
        if math.isclose(t.value, c.value, rel_tol=1e-9):
            score += 1.0
        elif t.value > 0 and c.value > 0:
            ratio = abs(math.log(c.value / t.value))
            score += max(0.0, 0.6 - ratio * 0.4)
    if cq and cq.approx:
        score -= 0.2
    if c.context.startswith("("):
        score -= 0.5
    return score


def judge_numeric(t: Target, claim: Claim | None, statements: list[Claim], shares: list[Claim]) -> TargetResult:
    assert t.value is not None
    want = f"{_OPS.get(t.comparator or '>=', '')}{fmt_number(t.value, t.unit)}{'左右' if t.about else ''}"
    if claim is not None and claim.value is not None:
        value: float = claim.value
        if t.kind != "change" and claim.kind == "change" and _direction_of(claim) == "down":
            value = -abs(value)  # 增速(%) 4.9 | 增速(%) -6.3: a fall, read as a level of growth
            claim = replace(claim, value=value)
        got = fmt_number(value, claim.unit or t.unit)
        if t.kind == "change":
            ok = satisfies(value, t.comparator, t.value, about=t.about, bound=claim.bound)
            word = "增加" if t.direction != "down" else "减少"
            moved = _direction_of(claim)
            if t.direction is not None and moved not in (None, t.direction):
                ok = False  # the claim moved the other way: as a change the target's way, it is negative
                claim = replace(claim, value=-abs(value))
            bound = "不少于" if t.comparator in (">=", None) else _OPS.get(t.comparator, "")
            reason = (
                f"进度称{claim.text}，{'达到' if ok else '未达到'}目标（{word}{bound}{fmt_number(t.value, t.unit)}）"
            )
        else:
            ok = satisfies(value, t.comparator, t.value, about=t.about, bound=claim.bound)
            said = claim.text if claim.text.replace(" ", "") == got else f"{claim.text}（{got}）"
            if claim.bound is not None and not claim.text.startswith((*LEXICON.claim_below, *LEXICON.claim_above)):
                said = ("低于" if claim.bound == "below" else "高于") + said  # 低于市上最低标准85%
            reason = f"进度称{said}，{'达到' if ok else '未达到'}目标{want}"
        return TargetResult(t, "met" if ok else "not_met", reason, actual=claim, evidence=(claim,))
    for s in shares:
        if s.value is not None:
            ok = s.value >= 100.0 - 1e-9
            reason = f"进度称{s.text}，按年度任务的{fmt_number(s.value, '%')}计，{'已' if ok else '未'}完成目标"
            return TargetResult(t, "met" if ok else "not_met", reason, evidence=(s,))
    for s in statements:
        if s.negated:
            return TargetResult(t, "not_met", f"进度称“{s.text}”，目标{want}未达到", evidence=(s,))
    for s in statements:
        if s.stage in LEXICON.full_coverage and t.unit == "%" and t.value >= 100:
            return TargetResult(t, "met", f"进度称“{s.text}”，即达到{want}", evidence=(s,))
        if states_done(s):
            return TargetResult(t, "met", f"进度称“{s.text}”，目标{want}视为达到", evidence=(s,))
    return TargetResult(t, "unverified", f"进度中未找到与目标{want}对应的数字")


def _direction_of(claim: Claim) -> str | None:
    if claim.text[:1] in ("-", "−", "负"):
        return "down"  # -5%: a signed fall
    for w in LEXICON.decrease:
        if claim.text.startswith(w):
            return "down"
    for w in LEXICON.increase:
        if claim.text.startswith(w):
            return "up"
    return None


def judge_deadline(t: Target, progress: str, statements: list[Claim]) -> TargetResult:
    """A deadline row (完成时间 2023年12月底前, 完成时限 2019年): met when the progress says the work was done
    in time, not met when it gives a later date, says the work ran on past the deadline, or reports nothing
    done (实际完成值为0)."""
    for s in statements:
        if s.negated:
            return TargetResult(t, "not_met", f"进度称“{s.text}”，未按期完成", evidence=(s,))
    norm = fold(progress)
    late = next((w for w in LEXICON.deadline_not_done if w in norm), None)
    if late is not None:
        return TargetResult(t, "not_met", f"进度称“{late}”，未在期限“{t.text}”内完成")
    if _ZERO_DONE_RE.search(norm):
        return TargetResult(t, "not_met", f"进度报告的完成值为0，未在期限“{t.text}”内完成")
    due, done = parse_due(t.text), parse_due(norm)
    if due is not None and done is not None and (due[0] == 0) != (done[0] == 0):
        # one side names the year and the other does not: the same year is meant
        due, done = (0, *due[1:]), (0, *done[1:])
    if due and done and done > due:
        return TargetResult(t, "not_met", f"目标期限为{t.text}，进度报告的完成时间晚于期限")
    negated = any(n in progress for n in LEXICON.negations)
    if due and done and not negated:
        return TargetResult(t, "met", f"进度报告的时间“{progress.strip()[:20]}”不晚于期限“{t.text}”")
    hits = find_words(progress, LEXICON.deadline_done_words)
    for s_, e_, word in hits:
        if any(n in progress[max(0, s_ - 4) : s_] for n in LEXICON.negations):
            continue
        ev = Claim(text=progress[s_:e_], span=(s_, e_), kind="statement", context=progress, stage=word)
        return TargetResult(t, "met", f"进度称“{word}”，期限“{t.text}”内完成", evidence=(ev,))
    return TargetResult(t, "unverified", f"进度未说明是否在“{t.text}”前完成")


_ZERO_DONE_RE: Final = re.compile(r"(?:完成值|完成数|完成)\s*(?:为|是|:|：)?\s*0(?![\d.])")


def judge_milestone(
    t: Target, stages: list[Claim], statements: list[Claim], shares: list[Claim] | None = None, progress: str = "",
    *, alone: bool = False,
) -> TargetResult:
    """A milestone is met when the progress reports its stage or a later one for the same works; failing any
    stage, on a share of the task the row reports (95%, 完成率200%) or a plain statement (完成全年任务).
    ``alone``: the target is its row's only one, so a stage that names no works (已完工 100.0%) is its own."""
    assert t.stage_rank is not None
    shares = shares or []
    for s in statements:
        if s.stage in LEXICON.done_cells and not s.negated:
            # a progress cell that says only 已完成: the row's work done, whatever stage it names
            return TargetResult(t, "met", f"进度称“{s.text}”，目标“{t.text}”视为完成", evidence=(s,))
    if t.objects and (done := _act_done(t, progress)) is not None:
        # 制定建设方案 | 制定了《…建设实施方案》: the act itself reported on its object, before any stage word
        # inside that object (方案) is read as the works' stage
        return TargetResult(t, "met", f"进度称“{done.text}”，目标“{t.text}”视为完成", evidence=(done,))
    keys = t.objects or ("",)
    # For each of the works named, the stage claims that mention it (each pair tested once).
    about = {
        o: [c for c in stages if c.stage_rank is not None and (not o or _mentions(c.context, o))] for o in keys
    }
    for o, claims in about.items():
        exact = [c for c in claims if o and o in c.context]
        if exact:
            about[o] = exact  # 山阳色河抽水蓄能电站获得核准, not 镇安月河抽水蓄能电站并网发电 beside it
    if alone and not any(about.values()):
        unnamed = [c for c in stages if c.stage_rank is not None and _bare_stage(c)]
        if unnamed:
            about = {o: unnamed for o in keys}
    if not any(about.values()):
        for s in statements:
            if s.negated:
                return TargetResult(t, "not_met", f"进度称“{s.text}”，目标“{t.text}”未达到", evidence=(s,))
        for s in shares:
            if s.value is not None:
                ok = s.value >= 100.0 - 1e-9
                share = fmt_number(s.value, "%")
                reason = f"进度称{s.text}，按任务的{share}计，“{t.text}”{'已' if ok else '未'}完成"
                return TargetResult(t, "met" if ok else "not_met", reason, evidence=(s,))
        for s in statements:
            if states_done(s) or (s.stage in LEXICON.full_coverage and t.stage == "实现"):
                return TargetResult(t, "met", f"进度称“{s.text}”，目标“{t.text}”视为达到", evidence=(s,))
        done = _done_by_its_verb(t, progress) or _act_done(t, progress) or _named_then_done(t, progress)
        if done is not None:
            return TargetResult(t, "met", f"进度称“{done.text}”，目标“{t.text}”视为完成", evidence=(done,))
        return TargetResult(t, "unverified", f"进度中未找到“{t.text}”所指工程的进展阶段")
    # Per object, the furthest stage reported; failing that, a stage reported as not reached (尚未开工).
    per_object: dict[str, Claim] = {}
    for o, claims in about.items():
        reached = [c for c in claims if not c.negated]
        if reached:
            per_object[o] = max(reached, key=lambda c: c.stage_rank or 0)
        elif claims:
            per_object[o] = claims[0]
    if not per_object:
        return TargetResult(t, "unverified", f"进度中未找到“{t.text}”所指工程的进展阶段")
    short = [(o, c) for o, c in per_object.items() if c.negated or (c.stage_rank or 0) < t.stage_rank]
    evidence = tuple(per_object.values())
    if short:
        o, c = short[0]
        what = f"“{o}”" if o else "该工程"
        state = f"“{c.text}”（未达到）" if c.negated else f"“{c.text}”阶段"
        return TargetResult(t, "not_met", f"目标要求{what}{t.stage}，进度只报告到{state}", evidence=evidence)
    missing = [o for o in keys if o not in per_object]
    if missing:
        return TargetResult(t, "unverified", f"进度未提及“{missing[0]}”的进展", evidence=evidence)
    c0 = max(per_object.values(), key=lambda c: c.stage_rank or 0)
    return TargetResult(t, "met", f"目标要求{t.stage}，进度报告“{c0.text}”，已达到该阶段", evidence=evidence)


_BARE_JOINS_RE: Final = re.compile(r"(?:[\s,，;；并于]|正在进行|正在开展|正在|进行|开展|编制)+")  # 项目正在进行收尾


def _bare_stage(c: Claim) -> bool:
    """Whether a stage's clause is the stage alone (已完工 100.0%, 项目已完工: 项目 is generic), not a rate
    (开工率85.4%), a plan or a task done (基本完成年度目标), nor the stage of works it names."""
    stage = fold(c.text)
    at = c.context.find(stage)
    if at < 0 or c.context.startswith(LEXICON.stage_not_before, at + len(stage)):
        return False
    words = c.context[:at] + c.context[at + len(stage) :]
    if contains_any(words, LEXICON.plain_done_not_works):
        return False
    for s_, e_, _w in reversed(find_words(words, STAGE_WORDS)):
        words = words[:s_] + "," + words[e_:]  # 已建成投入使用: the other stage word of a run names no works
    words = _FIGURES_RE.sub("", without_time_words(words)).replace(LEXICON.done_prefix, "")
    return not milestone_objects(_BARE_JOINS_RE.sub("、", words))  # 项目已于8月竣工并投入使用: 项目 alone


_FIGURES_RE: Final = re.compile(r"[\d.%％]+")


def _done_by_its_verb(t: Target, progress: str) -> Claim | None:
    """完成清拆…: the work's own verb reported done (已清拆所有14个…) completes it."""
    if t.stage not in LEXICON.reference_stage_words or not progress:
        return None
    text = fold(t.text)
    at = text.find(t.stage)
    verb = text[at + len(t.stage) : at + len(t.stage) + 2] if at >= 0 else ""
    if len(verb) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in verb):
        return None
    norm = fold(progress)
    i = norm.find(LEXICON.done_prefix + verb)
    if i < 0:
        return None
    span = (i, i + len(LEXICON.done_prefix) + len(verb))
    return Claim(text=progress[span[0] : span[1]], span=span, kind="stage", context=norm, stage=t.stage,
                 stage_rank=t.stage_rank)


def _act_done(t: Target, progress: str) -> Claim | None:
    """發出合訂的課程指引 | 我們已在 1996 年 9 月向幼稚園和幼兒中心發出合訂的課程指引: an act (an action word
    first) reported with 已 before it in its clause, on the same object, is done."""
    if not progress:
        return None
    text = fold(t.text)
    act = word_after(text, 0, LEXICON.action_words)
    obj = text[len(act) :].strip() if act else ""
    if act is None or len(obj) < _MIN_ACT_OBJECT:
        return None
    norm = fold(progress)
    start = 0
    while (i := norm.find(act, start)) >= 0:
        start = i + 1
        lo, hi = clause_bounds(norm, i, i + len(act))
        before = norm[max(lo, i - _ACT_DONE_REACH) : i]
        if not _mentions(norm[i + len(act) : hi], obj):
            continue
        # 已 before it; or nothing in its clause that makes it a plan, a hope or a thing not done
        # (我市在2019年设立安排公共交通发展专项资金2900万元 is done; 将设立, 尚未设立, 设立…正在筹备 are not)
        if LEXICON.done_prefix in before or not contains_any(norm[lo:hi], _NOT_YET_DONE):
            span = (i, i + len(act))
            return Claim(text=progress[span[0] : span[1]], span=span, kind="stage", context=norm[lo:hi],
                         stage=t.stage, stage_rank=t.stage_rank)
    return None


def _named_then_done(t: Target, progress: str) -> Claim | None:
    """主辦學校藥物教育國際會議 | 學校藥物教育國際會議已於 1997 年 2 月…舉行: an act's object named first in a
    clause, then 已 and a verb that says it happened (act_done_verbs), is done."""
    if not progress:
        return None
    text = fold(t.text)
    act = word_after(text, 0, LEXICON.action_words)
    obj = _NAME_MARKS_RE.sub("", text[len(act) :]) if act else ""
    if act is None or len(obj) < _MIN_ACT_OBJECT:
        return None
    norm = fold(progress)
    start = 0
    while (i := norm.find(LEXICON.done_prefix, start)) >= 0:
        start = i + 1
        lo, hi = clause_bounds(norm, i, i + 1)
        if not _mentions(_NAME_MARKS_RE.sub("", norm[lo:i]), obj):
            continue
        verb = next(((j, w) for j in range(i + 1, hi) if (w := word_after(norm, j, LEXICON.act_done_verbs))), None)
        if verb is not None:
            span = (verb[0], verb[0] + len(verb[1]))
            return Claim(text=progress[span[0] : span[1]], span=span, kind="stage", context=norm[lo:hi],
                         stage=t.stage, stage_rank=t.stage_rank)
    return None


_NOT_YET_DONE: Final = (*LEXICON.negations, *LEXICON.prospective_before, *LEXICON.pledge_markers, *LEXICON.plan_words)
_NAME_MARKS_RE: Final = re.compile(r"[《》〈〉“”\"‘’「」『』()（）\s]")
_MIN_ACT_OBJECT: Final = 2
_ACT_DONE_REACH: Final = 30


def _mentions(context: str, obj: str) -> bool:
    if obj in context:
        return True
    # Allow a shortened object: 景观工程 ↔ 景观施工; at least two characters in a row must match.
    pairs = bigrams(obj)
    if bool(pairs) and len(pairs & bigrams(context)) >= max(1, math.ceil(len(pairs) * 0.6)):
        return True
    return _in_order(context, obj)


_SPREAD: Final = 2  # an object's characters in order within twice its length: 建设方案 in 建设实施方案


def _in_order(context: str, obj: str) -> bool:
    """Whether the characters of ``obj`` (four or more) occur in order in ``context`` within a span of at
    most twice its length, its first two and its last two together (建设方案 in 充电设施建设实施方案)."""
    if len(obj) < 4:
        return False
    start = 0
    while (i := context.find(obj[:2], start)) >= 0:
        start = i + 1
        j = context.find(obj[-2:], i + 2, i + _SPREAD * len(obj))
        if j < 0:
            continue
        at = i + 2
        for ch in obj[2:-2]:
            at = context.find(ch, at, j)
            if at < 0:
                break
            at += 1
        else:
            return True
    return False


def _counts(c: Claim, progress_norm: str, nouns: list[str]) -> bool:
    """Whether claim ``c`` counts one of ``nouns``: 零事故 is judged by 事故1起 or 未发生事故, not by any figure
    near the word (事故隐患排查120次)."""
    if c.quantity is None:
        return any(n in c.text for n in nouns)
    s = c.quantity.span[0]
    return any(progress_norm.find(n, max(0, s - 3 - len(n)), s) != -1 for n in nouns)


def row_verdict(results: list[TargetResult]) -> Verdict:
    if not results:
        return "unverified"
    if any(r.verdict == "not_met" for r in results):
        return "not_met"
    if all(r.verdict == "met" for r in results):
        return "met"
    return "unverified"


def assign_claims(
    targets: list[Target],
    claims: list[Claim],
    indicator_norm: str,
    progress_norm: str,
    goal: str,
    *,
    bare_row: bool,
    crowded: bool = False,
) -> dict[int, Claim]:
    """Pair numeric targets with figure claims, best pairs first, each claim used once."""
    figures = [c for c in claims if c.kind in ("level", "change") and c.value is not None]
    # a figure that restates the plan (超额完成40所的年度目标任务, 计划新增2万人) is never the result
    restated = [c for c in figures if _restates_plan(c, progress_norm)]
    figures = [c for c in figures if c not in restated]
    # …but the plan said reached is the result when nothing else in its unit is given (已实现…80%的年度目标;
    # not 全年开展5.48万批次,超额完成4.7万批次的年度目标任务)
    figures += [c for c in restated if plan_reached(c, progress_norm) and not any(f.unit == c.unit for f in figures)]
    if not crowded and (in_order := _same_list(targets, figures, progress_norm)) is not None:
        return in_order
    fenbie = _fenbie_lists(targets, figures, indicator_norm, progress_norm)
    items = fenbie_items(figures, progress_norm)
    ccs: dict[int, _Context] = {}  # claim contexts, computed only for claims some target could take
    scored: list[tuple[float, int, int]] = []
    bare_pair = bare_row and len(targets) == 1 and len(figures) == 1
    lone = targets[0] if len(targets) == 1 else None
    if not bare_pair and not crowded and lone is not None and lone.value is not None and (
        lone.quantity is None or lone.quantity.unit is None
    ):
        # a bare target and the one bare figure beside a percentage (计划完成数 150 | 累计开工数 143 开工率 95.33%),
        # the target's unit, if any, from a heading (工程资金金额 | 43.2 | 37.24 …剩余3%尾款未付)
        bare_figures = [c for c in figures if c.unit is None]
        if len(bare_figures) == 1 < len(figures):
            figures, bare_pair = bare_figures, True
        elif not bare_figures and lone.unit is None and lone.value > 0:
            # a target with no unit at all and no bare figure (90.00 | …計畫經費45億元,實際進度89.84%,較預計進度落後
            # 0.16個百分點): the one figure of its size is its result, in that figure's unit
            near = [c for c in figures if c.value is not None and
                    1 / _SIZE_RATIO <= c.value / lone.value <= _SIZE_RATIO]
            if len(near) == 1:
                figures, bare_pair = near, True
    if not bare_pair and not crowded and len(targets) == 1 and targets[0].unit is not None:
        # one target, and one whole figure of its unit: alone (新开工安置房16768套) or beside parts of it
        # (已完成7.42公里,其中…3.79公里,…)
        of_unit = [c for c in figures if c.unit == targets[0].unit]
        wholes_of_unit = [c for c in of_unit if not _after_subset_word(progress_norm, c)]
        bare_pair = len(wholes_of_unit) == 1
    # A target is crowded when the progress gives it several figures of its unit to choose from.
    # Parts listed after 其中 (已完成7.42公里,其中新店溪3.79公里,…) do not crowd the whole.
    busy = [crowded or _crowding(t, figures, progress_norm) > _CROWD for t in targets]
    # A target alone in its unit among several, and the one whole figure of that unit (计划补助115户 beside
    # 资金预算安排300.7万元 | …最终确定农村危房改造264户,发放补助资金278.8万元): they pair as a lone target would.
    alone = [False] * len(targets)
    if not bare_pair and not crowded and len(targets) > 1:
        for i, t in enumerate(targets):
            if t.kind == "milestone" or t.value is None or t.unit is None:
                continue
            if any(k != i and o.value is not None and units_compatible(t.unit, o.unit) > 0.0
                   for k, o in enumerate(targets)):
                continue
            of_unit = [c for c in figures if c.unit == t.unit and not _after_subset_word(progress_norm, c)]
            alone[i] = len(of_unit) == 1 and not any(c.unit != t.unit and units_compatible(t.unit, c.unit) > 0.0
                                                      for c in figures)
    said: dict[int, str] = {}  # claim index → the words of its clause before it, read once
    annual = [False] * len(targets)
    for i, t in enumerate(targets):
        if t.kind == "milestone" or t.value is None:
            continue
        tc = _target_context(t, indicator_norm, goal)
        annual[i] = tc.annual
        averaged = t.kind == "change" and t.quantity is not None and _averaged(indicator_norm, t.quantity.span[0])
        scopes = _target_scopes(t, indicator_norm)
        own_words = _own_words(t, indicator_norm)
        zero_of = [n for _, _, n in zero_mentions(t.metric)] if t.quantity is None else []
        for j, c in enumerate(figures):
            if (u := units_compatible(t.unit, c.unit)) == 0.0:
                continue
            if u == _PEER and not _same_counted(t, indicator_norm, c, progress_norm):
                continue  # 研发机构3家 | 服务业项目3个: another measure word, and another thing counted
            if zero_of and not _counts(c, progress_norm, zero_of):
                continue
            if averaged and c.kind == "change" and not _averaged(
                    progress_norm, c.quantity.span[0] if c.quantity is not None else c.span[0]):
                continue  # 年均增长9% | 增长9.4%: one year's growth is not the average over the plan's years
            if j not in ccs:
                ccs[j] = _claim_context(c, progress_norm)
            if own_words is not None:
                if j not in said:
                    said[j] = _said_before(c, progress_norm)
                if _another_metric(own_words, said[j]):
                    continue  # 进出口总额增长12%左右 | 出口增长25.3%: exports are not the trade total
            if _scope_missing(scopes, c, progress_norm) and not (bare_pair and _names_no_metric(c, progress_norm)):
                continue  # (the row's one figure, naming no metric of its own, is the row's metric: 完成1399.86亿元)
            if j in items:
                fit = _item_fit(t, items[j], goal)
                if fit < 0:
                    continue  # the figure listed for another item (氨氮 | …化学需氧量…分别为3.71%、5.4%: not 3.71%)
                s = pair_score(t, tc, c, ccs[j], bare_pair=bare_pair or alone[i], crowded=busy[i] and fit == 0)
                s += _ITEM_BONUS * fit
            else:
                s = pair_score(t, tc, c, ccs[j], bare_pair=bare_pair or alone[i], crowded=busy[i])
            if s >= _MIN_SCORE:
                scored.append((s, i, j))
    if any(annual):
        # a figure both the year's part of a task and the longer task could take (为…235198户接通天然气。2017年度
        # 计划实施170878户 | 已入户接通天然气172083户) reports the year's part: the year is what the report covers
        wanted_by_year = {j for _s, i, j in scored if annual[i]}
        scored = [(s, i, j) for s, i, j in scored if annual[i] or j not in wanted_by_year]
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    out: dict[int, Claim] = {i: figures[j] for i, j in fenbie.items()}
    used: dict[int, int] = {j: i for i, j in fenbie.items()}  # claim → the target that took it
    for _s, i, j in scored:
        if i in out:
            continue
        if j in used and targets[used[j]].span != targets[i].span and not _higher_aim(targets[i], targets[used[j]]):
            continue  # each claim reports on one target; the two ends of a range share it, and a higher aim
        out[i] = figures[j]
        used.setdefault(j, i)
    return out


def _averaged(norm: str, start: int) -> bool:
    """Whether the change whose figure starts at ``norm[start]`` is averaged over years (年均增长9%, 年均增速11%):
    an average word in its clause, at most ``_AVERAGE_REACH`` characters before the figure."""
    lo = clause_bounds(norm, start, start)[0]
    return contains_any(norm[max(lo, start - _AVERAGE_REACH) : start], LEXICON.average_words)


_AVERAGE_REACH: Final = 10


_FENBIE_LIST_RE: Final = re.compile(
    "分别(?:" + "|".join(re.escape(w) for w in LEXICON.fenbie_verbs) + r")?\s*(?:了)?\s*")


def _listed_after_fenbie(norm: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """Runs of the figures at ``spans`` listed right after 分别 and joined by 、 or 和 (分别增长8.1%、9.9%),
    as indices into ``spans``."""
    runs: list[list[int]] = []
    for m in _FENBIE_LIST_RE.finditer(norm):
        run: list[int] = []
        pos = m.end()
        for k, (a, b) in enumerate(spans):
            if a < pos:
                continue
            if a == pos or (run and norm[pos:a].strip() in ("、", "和", "及", "与")):
                run.append(k)
                pos = b
                while pos < len(norm) and norm[pos] in "以上左右":
                    pos += 1
            elif run:
                break
        if len(run) > 1:
            runs.append(run)
    return runs


_ITEM_LIST_RE: Final = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,10}(?:(?:、|和|及|与)[\u4e00-\u9fffA-Za-z]{1,10})+")
# Where the last name of a list ends: before its count (四项污染物), 等 or 的.
_ITEM_TAIL_RE: Final = re.compile(r"(?:[一二两三四五六七八九十]+[项个类种]|等|的).*$")
_ITEM_JOIN_RE: Final = re.compile(r"、|和|及|与")


def fenbie_items(figures: list[Claim], progress_norm: str) -> dict[int, tuple[str, tuple[str, ...]]]:
    """化学需氧量、氨氮、二氧化硫、氮氧化物四项污染物…削减比例分别为3.71%、5.4%、6.86%和10.01%: the figures a
    progress lists after 分别 are, in order, those of the items its sentence listed before as many (figure index →
    its item and all the items). The items are read from the latest list of as many names before the 分别."""
    if "分别" not in progress_norm:
        return {}
    cspans = [c.quantity.span if c.quantity is not None else c.span for c in figures]
    out: dict[int, tuple[str, tuple[str, ...]]] = {}
    for run in _listed_after_fenbie(progress_norm, cspans):
        first = cspans[run[0]][0]
        slo = sentence_bounds(progress_norm, first, first + 1)[0]
        at = progress_norm.rfind("分别", slo, first)
        items: tuple[str, ...] | None = None
        for m in _ITEM_LIST_RE.finditer(progress_norm, slo, at):
            names = tuple(_ITEM_JOIN_RE.split(m.group()))
            names = (*names[:-1], _ITEM_TAIL_RE.sub("", names[-1]))
            if len(names) == len(run):
                items = names  # the latest list of as many names wins
        if items is None:
            continue
        for k, name in zip(run, items, strict=True):
            out[k] = (name, items)
    return out


def _item_fit(t: Target, item: tuple[str, tuple[str, ...]], goal: str) -> float:
    """How a figure listed for an item fits a target: +1 when the target is that item's (its first column or its
    own list item names it: 化学需氧量 | …分别比2013年削减3.05%), -1 when another item's of the same list, else 0."""
    name, items = item
    own = {fold(goal).strip(" 　"), t.item or ""} - {""}
    if name in own:
        return 1.0
    if any(n in own for n in items):
        return -1.0
    return 0.0


def _fenbie_lists(targets: list[Target], figures: list[Claim], indicator_norm: str,
                  progress_norm: str) -> dict[int, int]:
    """Targets listed after 分别 (城镇和农村居民人均可支配收入分别增长7%、7.5%) take the figures a progress lists
    after 分别 for the same metric in the same order (城乡居民人均可支配收入分别增长8.1%、9.9%): target index →
    figure index."""
    if "分别" not in indicator_norm or "分别" not in progress_norm:
        return {}
    tspans = [t.quantity.span if t.quantity is not None else (-1, -1) for t in targets]
    truns = [r for r in _listed_after_fenbie(indicator_norm, tspans) if all(targets[k].value is not None for k in r)]
    cspans = [c.quantity.span if c.quantity is not None else c.span for c in figures]
    cruns = _listed_after_fenbie(progress_norm, cspans)
    out: dict[int, int] = {}
    for trun in truns:
        tlo = clause_bounds(indicator_norm, tspans[trun[0]][0], tspans[trun[0]][1])[0]
        twords = bigrams(indicator_norm[tlo : tspans[trun[0]][0]])
        best = None
        for crun in cruns:
            if len(crun) != len(trun) or any(k in out.values() for k in crun):
                continue
            clo = clause_bounds(progress_norm, cspans[crun[0]][0], cspans[crun[0]][1])[0]
            shared = len(twords & bigrams(progress_norm[clo : cspans[crun[0]][0]]))
            if shared >= 2 and (best is None or shared > best[0]):
                best = (shared, crun)
        if best is not None:
            out.update(zip(trun, best[1], strict=True))
    return out


def _higher_aim(t: Target, other: Target) -> bool:
    """增长5.5%以上、争取达到6%: the aim (争取, 力争) is the same growth's, judged by the same figure."""
    same = t.metric == other.metric or (bool(other.metric) and t.metric.startswith(other.metric))  # “保8%、争9%”
    if not same and 0 <= t.span[0] - other.span[1] <= _AIM_GAP:
        # 固定资产投资确保增长32%,力争增长40%: an aim right after the floor, naming no metric of its own
        own = t.metric
        for w in (*LEXICON.increase, *LEXICON.decrease, *LEXICON.aspiration_words):
            own = own.replace(w, "")
        same = not own.strip(" ,，、")
    return t.kind == other.kind and same and contains_any(fold(t.text), LEXICON.aspiration_words)


_AIM_GAP: Final = 3


def _same_list(targets: list[Target], figures: list[Claim], progress_norm: str = "") -> dict[int, Claim] | None:
    """A row whose indicator and progress are one list of figures in the same order and units (新增…幼儿园2所、
    …高完中2所,建成校舍7万平方米、运动场7万平方米 / …5所、…2所,…10.24万平方米、…9.51万平方米): the figures pair
    by position, whatever words they share."""
    numeric = [i for i, t in enumerate(targets) if t.kind != "milestone" and t.value is not None]
    if len(numeric) < 2 or len(numeric) != len(targets):
        return None
    if len(figures) > len(numeric):
        # figures in a unit no target has (实际分别完成95个、310个、7397个,分别超额完成19%、14%和12%) say how
        # far over each went, not another result: the list is the figures of the targets' units
        units = {targets[i].unit for i in numeric}
        figures = [c for c in figures if c.unit in units]
    if len(numeric) != len(figures):
        return None
    # a cell of figures only (1024410 81.74% for 941250份 … ≥75%): a bare figure stands in its target's unit
    only_figures = _ONLY_FIGURES_RE.match(progress_norm) is not None
    if any(targets[i].unit is None or (targets[i].unit != c.unit and not (only_figures and c.unit is None))
           for i, c in zip(numeric, figures, strict=True)):
        return None
    if len({targets[i].unit for i in numeric}) < 2 and len(numeric) < 3:
        return None  # two figures of one unit may be listed in either order
    return dict(zip(numeric, figures, strict=True))
