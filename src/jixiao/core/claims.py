"""Claims: the results a progress narrative (完成进度) reports.

``extract_claims(progress)`` returns figures (levels), changes over a baseline (比去年增加30万人), shares
of the year's task (完成年度任务的95%), stages of work (施工准备, 竣工) and plain statements (完成年度目标任务),
each with its exact words and span in ``progress``.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final, Literal

from jixiao.core.lexicon import LEXICON
from jixiao.core.quantities import find_quantities, fold
from jixiao.core.results import Claim, Quantity
from jixiao.core.targets import (
    LIST_JOINERS,
    bare_label_before,
    bare_run,
    change_before,
    headcount_unit,
    is_bare_figure,
    paren_unit_before,
    stands_alone,
    unit_scale,
    zero_mentions,
)
from jixiao.core.textutil import (
    clause_bounds,
    contains_any,
    find_words,
    in_brackets,
    previous_clause_start,
    sentence_bounds,
    starts_a_change,
    word_after,
    word_before,
    word_ends_within,
)

STAGE_WORDS: Final = tuple(sorted(LEXICON.stage_ranks, key=len, reverse=True))  # longest first
_STATEMENTS: Final = tuple(
    sorted({*LEXICON.met_phrases, *LEXICON.not_met_phrases, *LEXICON.full_coverage}, key=len, reverse=True)
)
_CHANGE_WORDS: Final = (*LEXICON.increase, *LEXICON.decrease)
_ADMISSIONS: Final = tuple(sorted({*LEXICON.admissions_final, *LEXICON.admissions_delay}, key=len, reverse=True))
_FINAL_ADMISSIONS: Final = frozenset(LEXICON.admissions_final)


def extract_claims(
    progress: str, *, units: frozenset[str] | None = None, stages: bool = True
) -> list[Claim]:
    """Every claim of ``progress``. ``units`` limits figure claims to those units (and bare numbers and
    percentages, which may be shares); ``stages=False`` skips stages of work. Both only save time."""
    norm = fold(progress)
    quantities = find_quantities(progress)
    run = bare_run(norm, quantities)
    whole = run > 0 and run == len(quantities)
    bare = whole or is_bare_figure(norm, quantities) or period_series(norm, [q.span for q in quantities])
    claims: list[Claim] = []
    for k, q in enumerate(quantities):
        if units is not None and q.unit is not None and q.unit != "%" and q.unit.split("/")[0] not in units:
            continue
        c = _figure_claim(progress, norm, q, bare or k < run)
        if c is None:
            continue
        previous = quantities[k - 1] if k > 0 else None
        if q.unit == "%" and previous is not None and previous.unit != "%" and (
            k < run or _bracketed_after(norm, previous, q)
        ):
            c.kind = "share"  # 900 100%, 已完成1个(50%): the figure, then its share of the task
        elif run == 2 and k == 1 and q.unit is None and previous is not None and previous.unit is None:
            c.kind, c.unit = "share", "%"  # 19456 74.8 达到时间进度: the share's % was in the table's header
        claims.append(c)
    if _DONE_SHARE_CELL_RE.match(norm):
        for c in claims:
            if c.unit == "%":
                c.kind = "share"  # a cell that says only 已完成100%: the share of the task done
    _share_change_claims(norm, claims)
    claims.extend(_zero_claims(progress, norm))
    claims.extend(_flat_claims(progress, norm))
    if stages:
        claims.extend(_stage_claims(progress, norm, quantities))
    claims.extend(_statement_claims(progress, norm))
    claims.extend(admission_claims(progress, norm))
    claims.sort(key=lambda c: c.span[0])
    return claims


# A period heading a figure of a series: 一月, 12月, 十二月份, 第一季, 二季度, 上半年, Q3
_PERIOD_LABEL_RE: Final = re.compile(
    r"(?:(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?|第?[一二三四1-4]季度?|[上下]半年|Q[1-4])\s*[:：]?\s*$")
_SERIES_MIN: Final = 3


def period_series(norm: str, spans: list[tuple[int, int]]) -> bool:
    """一月 2 二月 1 … 十二月 1, 一月 99.99% 二月 99.99% …: figures each headed by the period it is for (at least
    three of them, and nothing but them), read as a table's cells."""
    if len(spans) < _SERIES_MIN:
        return False
    prev = 0
    for a, b in spans:
        if _PERIOD_LABEL_RE.search(norm, prev, a) is None:
            return False
        prev = b
    return True


_SHARE_OF_IT_RE: Final = re.compile(r"\s*(?:进度|的)?\s*(?:为|达)?\s*\d")
_SHARE_AFTER_RE: Final = re.compile(r"\s*(?:了)?\s*\d+(?:\.\d+)?\s*%")
_DONE_SHARE_CELL_RE: Final = re.compile(r"^\s*已?(?:全部)?完成\s*(?:了)?\s*\d+(?:\.\d+)?\s*%\s*[。.]?\s*$")
_LIST_JOINERS: Final = LIST_JOINERS | {","}  # results are also listed with commas (增长了8.2%,9.3%)
# 固定資產回報率為負13%: a rate's level that is negative, not a fall (增长率 and the like name a change, and
# are read as one elsewhere).
_RATE_LEVEL_BEFORE_RE: Final = re.compile(r"(?<![增涨降])率\s*(?:为|是|达到|达|:|：)?\s*$")


def _share_change_claims(norm: str, claims: list[Claim]) -> None:
    """A change word before a list of figures governs each (分别增长了8.2%和9.3%: two changes)."""
    for prev, c in pairwise(claims):
        if (
            prev.kind == "change" and c.kind == "level" and prev.quantity is not None and c.quantity is not None
            and prev.unit == c.unit and norm[prev.quantity.span[1] : c.quantity.span[0]].strip() in _LIST_JOINERS
        ):
            c.kind = "change"


def _bracketed_after(norm: str, figure: Quantity, pct: Quantity) -> bool:
    """Whether a percentage stands in brackets right after a figure: 已完成1个(50%), 4769人(51.2%)."""
    gap = norm[figure.span[1] : pct.span[0]].strip()
    return gap in ("(", "（") and norm[pct.span[1] : pct.span[1] + 1] in (")", "）")


def _figure_claim(progress: str, norm: str, q: Quantity, bare: bool) -> Claim | None:
    start, end = q.span
    if starts_a_change(norm, start, end):
        return None  # 由2020年的3.2万人增加到5万人: the baseline, not the result
    if word_before(norm, start, LEXICON.remainder_before) is not None:
        return None  # 剩余2所学校已完成招标: the rest not yet done, not the result
    if norm[end : end + 1] == "的" and word_before(norm[:start].rstrip(), len(norm[:start].rstrip()),
                                                   LEXICON.scope_before) is not None:
        return None  # 总投资105亿元的镇安月河电站并网发电: the figure describes the works, it claims nothing
    if q.unit is None and _YEAR_OF_MONTHS_RE.match(norm, end):
        return None  # 111 (1-9)月 累計…: a year (here of the Republic's calendar) heading its months, no figure
    lo, hi = clause_bounds(norm, start, end)
    unit, value = q.unit, q.value
    labelled = bare_label_before(norm, start, LEXICON.bare_claim_labels)
    header_unit = paren_unit_before(norm, start, lo if not (bare or labelled) else 0)
    if unit is None:
        if header_unit is not None:
            base, scale = unit_scale(header_unit)
            unit, value = base, value * scale
        elif (people := headcount_unit(norm, lo, q)) is not None:
            unit = people  # 农村贫困人口减少1386万
        elif not (bare or labelled) or not stands_alone(norm, end):
            return None
    prefix = norm[lo:start]
    kind = "level"
    if value < 0 and unit in ("%", "百分点") and _RATE_LEVEL_BEFORE_RE.search(prefix) is None:
        return Claim(text=progress[start:end], span=(start, end), kind="change", value=-value, unit=unit,
                     quantity=q, context=norm[lo:hi], bound=_bound(norm, q))  # -5%: a fall of 5%
    if unit == "%" and word_ends_within(prefix, LEXICON.task_share, 8):
        kind = "share"  # 完成年度任务的95%
    else:
        direction, _ = change_before(norm, start)
        new_word = direction and word_before(norm, start - 2, LEXICON.new_things)
        against_baseline = contains_any(prefix, LEXICON.baseline) and contains_any(prefix[-6:], _CHANGE_WORDS)
        if (direction and not new_word) or (direction is None and against_baseline):
            kind = "change"
    t_start = start
    if kind == "change":
        change_word = word_before(norm, start, _CHANGE_WORDS)
        if change_word:
            t_start = start - len(change_word)
    context = norm[lo:hi]
    if in_brackets(norm, start):
        context = "(" + context
    return Claim(
        text=progress[t_start:end],
        span=(t_start, end),
        kind=kind,  # type: ignore[arg-type]
        value=value,
        unit=unit,
        quantity=q,
        context=context,
        bound=_bound(norm, q),
    )


_YEAR_OF_MONTHS_RE: Final = re.compile(r"\s*[(（]\s*\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*[)）]\s*月")
_BELOW: Final = tuple(LEXICON.claim_below)
_ABOVE: Final = tuple(LEXICON.claim_above)


def _bound(norm: str, q: Quantity) -> Literal["above", "below"] | None:
    """超过6次, 逾2000人: a figure above the number; 近2万亿元, 不足300人: below it."""
    s = q.span[0]
    if norm.startswith(_BELOW, s):
        return "below"
    if norm.startswith(_ABOVE, s):
        return "above"
    if word_before(norm, s, LEXICON.claim_below) is not None:
        return "below"
    if word_before(norm, s, LEXICON.claim_above) is not None:
        return "above"
    after = norm[q.span[1] : q.span[1] + 3]
    if after.startswith(LEXICON.claim_above_after):
        return "above"  # 存在54周岁以上: some above 54
    if after.startswith(LEXICON.claim_below_after):
        return "below"
    lo, _hi = clause_bounds(norm, s, q.span[1])
    if contains_any(norm[lo:s], LEXICON.claim_below_clause):
        return "below"  # 基本完成治理面积1429.39公顷: nearly
    return _bound_of_a_standard(norm, lo, s)


def _bound_of_a_standard(norm: str, lo: int, s: int) -> Literal["below"] | None:
    """回复率低于市上最低标准92%: the figure is the target named as such (标准, 目标, 要求), and the result a
    bound below it. (Above it, 超越了所承諾的95%, the target is said to be beaten: the figure is no result.)"""
    end = s - 1 if s > lo and norm[s - 1] in _STANDARD_JOINS else s
    noun = word_before(norm, end, LEXICON.target_nouns_at_end)
    if noun is None:
        return None
    head = norm[max(lo, end - len(noun) - _STANDARD_REACH) : end - len(noun)]
    below, above = last_bound_word(head, LEXICON.claim_below), last_bound_word(head, LEXICON.claim_above)
    return "below" if below > above else None


def last_bound_word(head: str, words: tuple[str, ...]) -> int:
    """Where the last of ``words`` starts in ``head``, not negated (不低于, 未超过 bound nothing); -1 if none."""
    best = -1
    for w in words:
        i = head.rfind(w)
        while i >= 0 and i > 0 and head[i - 1] in _BOUND_NEGATIONS:
            i = head.rfind(w, 0, i)
        best = max(best, i)
    return best


_BOUND_NEGATIONS: Final = "不未没"


# 最低标准为92%, 目标是90%: the joining word between the target's noun and its figure
_STANDARD_JOINS: Final = "为是的:："
# 低于市上要求的最低标准85%: how far before the noun the bound's word may stand
_STANDARD_REACH: Final = 9


# A word of a stage still ahead ends at most this many characters before the stage (准备竣工验收, 待验收),
# not further (申请当天完成: 申请 is the application, not a step ahead).
_PROSPECTIVE_REACH: Final = 1


# A clause opening with a date (道路改造已完工,12月28日正式通车) goes on with the clause before's subject.
_DATE_OPENER_RE: Final = re.compile(
    r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|初|中旬|上旬|下旬)?")


def stage_claims(progress: str) -> list[Claim]:
    """The stages of work ``progress`` reports (a row's other claims not read)."""
    return _stage_claims(progress, fold(progress), find_quantities(progress))


def _stage_claims(progress: str, norm: str, quantities: list[Quantity]) -> list[Claim]:
    out: list[Claim] = []
    hits = find_words(norm, STAGE_WORDS)
    if contains_any(norm, LEXICON.stage_not_within):
        inside = [(a, b) for a, b, _w in find_words(norm, LEXICON.stage_not_within)]
        hits = [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in inside)]  # 建设计划: no 设计
    for k, (s, e, word) in enumerate(hits):
        rank = LEXICON.stage_ranks[word]
        lo, hi = clause_bounds(norm, s, e)
        if word in LEXICON.reference_stage_words and (
            contains_any(norm[e:hi], LEXICON.plain_done_not_works) or any(s2 < hi for s2, _e, _w in hits[k + 1 :])
            or _SHARE_AFTER_RE.match(norm, e) is not None  # 完成80%的工程量: the share of the works (完成%)
        ):
            # 提前完成7、8月份节点任务: a node of the plan, not the works; 完成施工招标: the stage that follows
            continue
        before = norm[max(lo, s - 4) : s]
        if norm[e : e + 1] == "的" and not before.endswith(LEXICON.done_prefix):
            continue  # 在1984年前建成的临时房屋区: a stage that describes a thing, not news of one (已建成的 is)
        # 尚未开工 is not reached; nor is a stage still ahead (准备竣工验收) or prepared for (开工准备).
        negated = (
            contains_any(before, LEXICON.negations)
            or word_ends_within(before, LEXICON.prospective_before, _PROSPECTIVE_REACH)
            or contains_any(norm[lo:s], LEXICON.prospective_clause)
            or word_after(norm, e, LEXICON.prospective_after) is not None
        )
        ctx_lo = lo
        opener = norm[lo:s].lstrip(" ，,")
        if lo > 0 and norm[lo - 1] in "，," and (word_after(opener, 0, LEXICON.continuing_openers) is not None
                                                or _DATE_OPENER_RE.match(opener) is not None):
            # X项目8月底具备通车条件,于9月1日实现全线通车: the clause goes on with the clause before's subject
            ctx_lo, _ = clause_bounds(norm, lo - 1, lo - 1)
        out.append(
            Claim(
                text=progress[s:e],
                span=(s, e),
                kind="stage",
                context=norm[ctx_lo:hi],
                stage=word,
                stage_rank=rank,
                negated=negated,
            )
        )
    for q in quantities:
        if q.unit == "%" and word_before(norm, q.span[0], ("完成", "完成了", "已完成")):
            lo, hi = clause_bounds(norm, q.span[0], q.span[1])
            s = q.span[0] - 2
            out.append(Claim(text=progress[s : q.span[1]], span=(s, q.span[1]), kind="stage",
                             context=norm[lo:hi], stage="完成%", stage_rank=LEXICON.stage_ranks.get("完成%", 70),
                             value=q.value, unit="%"))
    return out


_ZERO_PHRASE_RE: Final = re.compile(
    "(?:" + "|".join(re.escape(w) for w in LEXICON.zero_phrases) + ")[^，,。；;！!？?]{0,12}?(?:"
    + "|".join(re.escape(w) for w in LEXICON.zero_nouns) + ")"
)


def _zero_claims(progress: str, norm: str) -> list[Claim]:
    """None of a thing: 零事故, 安全事故零发生, 全年未发生安全生产事故 (a figure of 0)."""
    spans = [(s, e) for s, e, _ in zero_mentions(norm)]
    for m in _ZERO_PHRASE_RE.finditer(norm):
        if not any(a < m.end() and m.start() < b for a, b in spans):
            spans.append(m.span())
    out = []
    for s, e in sorted(spans):
        lo, hi = clause_bounds(norm, s, e)
        out.append(Claim(text=progress[s:e], span=(s, e), kind="level", value=0.0, unit=None, context=norm[lo:hi]))
    return out


def _one_of(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


_ALL_MET_RE: Final = re.compile(
    f"(?:{_one_of(LEXICON.all_met_subjects)})(?:{_one_of(LEXICON.all_met_quantifiers)})"
    f"([^，,。；;！!？?]{{0,{LEXICON.all_met_gap}}}?)(?:{_one_of(LEXICON.all_met_verbs)})"
)


_ALL_MET_HEADS: Final = tuple(sorted({w[:2] for w in LEXICON.all_met_subjects}))


def _all_met_claims(progress: str, norm: str) -> list[Claim]:
    """绩效各指标均能高质量完成: every indicator of the report reached, unless a negation or a hedge
    sits between the quantifier and the verb (各项指标均未完成, 各项指标均基本完成)."""
    out: list[Claim] = []
    if not any(w in norm for w in _ALL_MET_HEADS):
        return out  # most texts name no subject at all: skip the pattern
    for m in _ALL_MET_RE.finditer(norm):
        gap = m.group(1)
        if contains_any(gap, LEXICON.negations) or contains_any(gap, LEXICON.met_hedges):
            continue
        s, e = m.span()
        lo, hi = clause_bounds(norm, s, e)
        out.append(Claim(text=progress[s:e], span=(s, e), kind="statement", context=norm[lo:hi], stage=norm[s:e]))
    return out


def _flat_claims(progress: str, norm: str) -> list[Claim]:
    """居民消费价格同比持平: a change of 0%, unless negated (未能持平)."""
    out: list[Claim] = []
    if not any(w in norm for w in LEXICON.flat_words):
        return out
    for s, e, _word in find_words(norm, LEXICON.flat_words):
        lo, hi = clause_bounds(norm, s, e)
        if contains_any(norm[lo:s], LEXICON.negations):
            continue
        out.append(Claim(text=progress[s:e], span=(s, e), kind="change", value=0.0, unit="%", context=norm[lo:hi]))
    return out


_NEGATION_REACH: Final = 2  # 未能按期完成, 未全部完成: a negation at most this far before a met phrase


def _statement_claims(progress: str, norm: str) -> list[Claim]:
    out: list[Claim] = _all_met_claims(progress, norm)
    for s, e, word in find_words(norm, _STATEMENTS):
        if word in LEXICON.met_phrases and any(norm[max(0, s - len(h)) : s] == h for h in LEXICON.met_hedges):
            continue  # 基本实现预期目标: not a plain claim that the target was reached
        if word in LEXICON.met_phrases and word.startswith(LEXICON.done_verb) and _SHARE_OF_IT_RE.match(norm, e):
            continue  # 完成全年目标进度92.10%, 完成年度任务的95%: a share of the target, not the target reached
        lo, hi = clause_bounds(norm, s, e)
        negated = word in LEXICON.not_met_phrases or (
            (word in LEXICON.met_phrases or word in LEXICON.full_coverage)
            and word_ends_within(norm[lo:s], LEXICON.negations, _NEGATION_REACH))
        if not negated and _SOME_OF_THEM_RE.search(norm, lo, s):
            continue  # 邢台、邯郸等10地已提前完成年度任务: some places done, not the row's whole target
        if negated and _overturned(norm, hi, sentence_bounds(norm, s, e)[1]):
            continue  # 曾因过程性滞后被通报,但均能如期完成: the later clause says it was done after all
        out.append(Claim(text=progress[s:e], span=(s, e), kind="statement", context=norm[lo:hi],
                         stage=word, negated=negated))
    cell = norm.strip(" \t\n。.!！;；,，")
    if not out and cell in LEXICON.done_cells:
        s = norm.index(cell)
        out.append(Claim(text=progress[s : s + len(cell)], span=(s, s + len(cell)), kind="statement",
                         context=cell, stage=cell))
    return out


# A count of the places or units a statement is about, listed before it (A、B等10地, 其中3个县): a part.
_SOME_OF_THEM_RE: Final = re.compile(
    "(?:" + "|".join(map(re.escape, LEXICON.some_of_them_leads)) + r")\s*[\d一二三四五六七八九十两]+\s*(?:个)?\s*["
    + "".join(map(re.escape, LEXICON.some_of_them_units)) + "]")


def states_done(c: Claim) -> bool:
    """A statement that the row's work was done: 完成年度目标任务, 超额完成, or a cell that is only 已完成."""
    return c.kind == "statement" and not c.negated and (
        c.stage in LEXICON.met_phrases or c.stage in LEXICON.done_cells
        or (c.stage is not None and _ALL_MET_RE.fullmatch(c.stage) is not None)
    )


def is_final_admission(c: Claim) -> bool:
    """An admission that the target will not be reached at all (无法完成), not only that it is behind."""
    return c.kind == "admission" and c.stage in _FINAL_ADMISSIONS


def _overturned(norm: str, hi: int, shi: int) -> bool:
    """Whether a later clause of the sentence turns an admission round: …曾因过程性滞后被通报,但均能如期完成."""
    for s, e, _w in find_words(norm[hi:shi], LEXICON.admission_overturned):
        _lo, chi = clause_bounds(norm, hi + s, hi + e)
        if contains_any(norm[hi + e : chi], LEXICON.met_phrases):
            return True
    return False


def admission_claims(progress: str, norm: str) -> list[Claim]:
    """Sentences that say a target was not reached: 因客观原因无法完成, 进度滞后, 未达到预期目标.

    ``context`` is the admission's clause and the clause before it in the same sentence (where the work
    is usually named: 南水北调带状公园建设…，因客观原因无法完成); ``text`` and ``span`` are the admission's
    own clause, so a reviewer sees the sentence that admits it."""
    out: list[Claim] = []
    last_end = -1
    for s, e, word in find_words(norm, _ADMISSIONS):
        if s < last_end:
            continue  # one claim per clause
        if word_before(norm, s, LEXICON.admission_blockers) is not None:
            continue
        if norm.startswith(LEXICON.admission_as_name_after, e):
            continue  # 未达标地级及以上城市浓度下降: the cities not yet up to standard, a name, no admission
        lo, hi = clause_bounds(norm, s, e)
        plo = previous_clause_start(norm, lo)
        slo, shi = sentence_bounds(norm, s, e)
        if _overturned(norm, hi, shi):
            continue
        if norm.find("：", slo, lo) >= 0 or norm.find(":", slo, lo) >= 0:
            # 新章镇大桥:工可报告…均已完成,…,项目暂缓: the sentence opens by naming the works it reports on
            plo = min(plo, slo)
        # the works may be named in the clause that follows: 有2件未达到目标任务进度,分别是“…”和“…”
        ctx_hi = hi
        if hi < len(norm) and norm[hi] in ",，:：" and word_after(norm, hi + 1, LEXICON.naming_leads) is not None:
            ctx_hi = clause_bounds(norm, hi + 1, hi + 1)[1]
        elif hi < len(norm) and norm[hi] in ":：" and any(norm[:hi].rstrip().endswith(w) for w in LEXICON.naming_leads):
            ctx_hi = shi  # 5項未如期推行措施包括:A、B、C。: the list after the colon names the works admitted
        text_lo = lo
        while text_lo < s and norm[text_lo] in " 、，,":
            text_lo += 1
        out.append(Claim(text=progress[text_lo:hi], span=(text_lo, hi), kind="admission",
                         context=norm[plo:ctx_hi], stage=word, negated=True))
        last_end = hi
    return out
