"""The checker: read a row's indicator and progress, extract targets and claims, and judge each target."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from typing import Final, Literal

from jixiao.core.claims import (
    STAGE_WORDS,
    admission_claims,
    extract_claims,
    is_final_admission,
    period_series,
    stage_claims,
    states_done,
)
from jixiao.core.lexicon import LEXICON
from jixiao.core.meta import (
    deadline_after,
    due_month,
    is_in_year,
    month_number,
    names_the_deadline,
    parse_due,
    period_end_month,
    period_of,
    plan_ends_after,
    reviews_a_plan_midway,
    standard_period,
)
from jixiao.core.model import Disclosure, Row
from jixiao.core.quantities import find_quantities, fold
from jixiao.core.results import Claim, Quantity, Report, RowResult, Target, TargetResult
from jixiao.core.targets import (
    BRACKETED_RE,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    change_before,
    extract_targets,
    margin_before,
    written_scale,
)
from jixiao.core.textutil import (
    DIGIT_RE,
    bigrams,
    clause_bounds,
    contains_any,
    find_words,
    names_standard,
    original_span,
    sentence_bounds,
    strip_pinyin,
    word_before,
    word_ends_within,
)
from jixiao.core.verdicts import (
    assign_claims,
    judge_deadline,
    judge_milestone,
    judge_numeric,
    plan_reached,
    rank_band,
    row_verdict,
    stage_band,
    units_compatible,
)


def _units_wanted(targets: list[Target]) -> frozenset[str] | None:
    """The units a figure claim may have to report on one of ``targets``; None when any will do."""
    wanted: set[str] = set()
    for t in targets:
        if t.kind == "milestone":
            continue
        if t.unit is None:
            return None
        base = t.unit.split("/")[0]
        wanted.add(base)
        if base in LEXICON.person_units:
            wanted |= LEXICON.person_units
        for group in (*LEXICON.count_peers, *LEXICON.unit_variants):
            if base in group:
                wanted |= group
    return frozenset(wanted)


def _works_short_of_done(result: TargetResult, stages: list[Claim], statements: list[Claim]) -> TargetResult:
    """A figure of works to build (新建全民健身中心1个, 总建筑面积6500平方米) with no figure reported, at the year's
    end, when the progress takes the works only to a stage before completion (完成前期工作…施工招标; 建设中):
    not delivered (LABELLING.md: an earlier stage of the same work)."""
    said = [c for c in stages if not c.negated and c.stage_rank is not None]
    if not said or any(states_done(c) for c in statements):
        return result
    top = max(said, key=lambda c: c.stage_rank or 0)
    built = [c for c in said if (c.stage_rank or 0) >= _WHOLE_RANK and c.stage in LEXICON.milestone_words
             and c.stage not in LEXICON.reference_stage_words and c.stage not in LEXICON.state_words]
    if built and result.target.unit not in _NOT_BUILT_UNITS:
        # 该项目…建设充电桩5000个 | 于2020年12月全面完工并投入使用: the works done as a whole deliver what they held
        return replace(result, verdict="met", evidence=(built[-1], *result.evidence),
                       reason=f"进度称工程已“{built[-1].text}”，目标“{result.target.text}”随工程完成")
    if (top.stage_rank or 0) >= _DONE_RANK:
        return result
    want = result.target.text
    return replace(result, verdict="not_met", evidence=(top, *result.evidence),
                   reason=f"年末进度只报告到“{top.text}”阶段，目标“{want}”所需工程尚未建成")


_DONE_RANK: Final = LEXICON.stage_ranks["基本完成"]
_WHOLE_RANK: Final = LEXICON.stage_ranks["完工"]
_NOT_BUILT_UNITS: Final = ("%", "百分点", "元")  # a share, a rate or money spent: no part of the works


def _not_due(result: TargetResult, year: int | None) -> TargetResult:
    """A shortfall against a requirement due after the report's year is progress, unless it is admitted (an
    admission of pace only, 未达到进度要求, is still progress) or the figure is itself a projection to the
    deadline (到2015年…可达到2.9万亿元 for a 2015 target of 3万亿元)."""
    if result.verdict != "not_met" or any(
            c.kind == "admission" and not any(w in fold(c.context or c.text) for w in LEXICON.pace_words)
            for c in result.evidence):
        return result
    if result.actual is not None and names_the_deadline(fold(result.actual.context or ""), year):
        return result
    return replace(result, verdict="unverified", reason=f"{result.reason}（期限在报告年度之后，尚未到期）")


def _a_ceiling_kept(result: TargetResult) -> bool:
    return result.verdict == "met" and result.target.comparator in ("<=", "<") and result.actual is not None


def _ceiling_not_due(result: TargetResult) -> TargetResult:
    """A ceiling due after the report's year (“十三五”能耗总量控制目标为133万吨) kept so far is not yet kept: the years
    to come may still pass it (LABELLING.md: a ceiling so far is not final)."""
    if not _a_ceiling_kept(result):
        return result
    return replace(result, verdict="unverified", reason=f"{result.reason}（上限目标期限在报告年度之后，尚未到期）")


def _is_rate(t: Target) -> bool:
    """A rate or a growth figure (not cumulative work done, such as 完成工程量5%)."""
    if t.kind == "change":
        return True
    if t.unit is not None and "/" in t.unit:
        # 260元/辆 is a rate; a standard of payment (低保标准 600元/月/人), once raised to, is reached
        return not names_standard(fold(t.metric + t.text))
    return t.unit in ("%", "百分点", "‰") and not contains_any(fold(t.text), LEXICON.cumulative_shares)


def _not_final(t: Target) -> bool:
    """A rate, a growth figure or a ceiling measured during the year is not yet the year's figure."""
    return _is_rate(t) or t.comparator in ("<=", "<")


def _in_year(result: TargetResult, period: str, settled: bool = False, averaged: bool = False) -> TargetResult:
    """During the year (LABELLING.md, Periods): a figure below an annual target is progress, not a shortfall,
    and a rate, a growth figure or a ceiling so far is not final either way. A cumulative count, amount or
    stage that already reaches the target is met; an admission that it will not be reached (无法完成) is a
    shortfall whenever it is made; so is a statement that settles it (提前完成年度任务)."""
    t = result.target
    if result.verdict == "unverified":
        return result
    if any(is_final_admission(c) or c.stage in LEXICON.list_dropped for c in result.evidence):
        return result
    if result.verdict == "met":
        said = [c for c in result.evidence if c.kind == "statement"]
        if said and all(c.stage in LEXICON.pace_phrases for c in said) and not settled:
            # 超额完成 during the year, with no figure: ahead of the period's schedule, not the year's target
            return replace(result, verdict="unverified",
                           reason=f"{result.reason}（{period}进度，超额完成的是进度计划，不作达成判断）")
        if not _not_final(t) or settled or said:
            return result  # a cumulative figure reached, or the text says the year's target is secured
        note = "年度数值尚未最终确定，不作达成判断"
    elif t.comparator in ("<=", "<") and not _is_rate(t) and not averaged:
        # a count or an amount already over its ceiling only grows: the shortfall is final (not an average so far,
        # 平均輪候時間…311日 against 100天內)
        return result
    else:
        note = "年度目标尚未到期，不作未达成判断"
    return replace(result, verdict="unverified", reason=f"{result.reason}（{period}进度，{note}）")


def _a_loss_against_a_profit(t: Target, c: Claim, prog_norm: str) -> bool:
    """A claim of a loss (虧損464億元) for a target of profit (預估會賺98億元, 利润总额): the profit is negative."""
    if c.kind != "level" or c.quantity is None or not contains_any(fold(t.metric + t.text), LEXICON.profit_words):
        return False
    lo, _hi = clause_bounds(prog_norm, c.quantity.span[0], c.quantity.span[1])
    return prog_norm[lo : c.quantity.span[0]].rstrip().endswith(LEXICON.loss_words)


_NODE_LABEL_RE: Final = re.compile(r"(?:^|[。；;\s])(?:1[0-2]|[1-9])\s*月(?:份|底|末)?\s*[:：]")


def _revisions_share_their_result(targets: list[Target], assigned: dict[int, Claim], ind_norm: str) -> None:
    """以1200萬人次為目標,結果不如預期下修至1000萬人次 | 最終只有785.7萬人次: a target revised to another of its
    unit takes the result of the revision (and the revision that of the original), each judged as written; so
    does a month's node of the same work (235人。 4月:…65人)."""
    for k in range(len(targets) - 1):
        a, b = targets[k], targets[k + 1]
        if a.kind == "milestone" or a.unit != b.unit or a.quantity is None or b.quantity is None:
            continue
        between = ind_norm[a.quantity.span[1] : b.quantity.span[0]]
        # (培训应急救护人员235人。 4月:…完成应急救护人员培训65人 | 培训188人: the month's node of the same work)
        node = _NODE_LABEL_RE.search(between) is not None
        if not node and (not contains_any(between, LEXICON.revision_words) or any(d in between for d in "。；;")):
            continue
        if k + 1 in assigned and k not in assigned:
            assigned[k] = assigned[k + 1]
        elif k in assigned and k + 1 not in assigned:
            assigned[k + 1] = assigned[k]


def _named_among_those_reached(t: Target, ind_norm: str, prog_norm: str) -> TargetResult | None:
    """燃氣50%、燃煤30%、綠能20% | 燃氣、燃煤占比均達標: a target whose item (the words right before its figure in
    its own list entry) the progress names in a list said, as a whole, to have reached its targets, is met."""
    if t.quantity is None:
        return None
    lo = max(ind_norm.rfind(ch, 0, t.quantity.span[0]) for ch in "、「“\"(（:：,，;；") + 1
    item = _YEARISH_RE.sub("", ind_norm[lo : t.quantity.span[0]]).strip()
    if len(item) < _MIN_ITEM:
        return None
    for m in _ALL_REACHED_RE.finditer(prog_norm):
        names = [n.strip() for n in m.group(1).split("、")]
        if any(n.startswith(item) or n.endswith(item) or item.endswith(n) for n in names if len(n) >= _MIN_ITEM):
            said = Claim(text=m.group(0), span=m.span(), kind="statement", context=m.group(0),
                         stage=LEXICON.met_phrases[0])
            return TargetResult(t, "met", f"进度称“{m.group(0)}”，其中包括“{item}”", evidence=(said,))
    return None


_MIN_ITEM: Final = 2
_YEARISH_RE: Final = re.compile(r"(?:19|20)\d{2}\s*年|[0-9.]+")
# 燃氣、燃煤占比均達標, 甲、乙两项均已完成目标: a list of names, then that all of them reached their targets
_ALL_REACHED_RE: Final = re.compile(
    r"((?:[\u4e00-\u9fff]{1,10}、)+[\u4e00-\u9fff]{1,10})[^，,。；;、]{0,8}?均(?:已|已经)?(?:"
    + "|".join(map(re.escape, LEXICON.all_reached_words)) + ")")


def _an_earlier_years(text: str, year: int | None) -> bool:
    """2021年“十個十”工程 | 2021年開展100個子項目 in a report made during 2023: a target of a year already over
    is judged as at that year's end, not as progress."""
    years = [int(m.group(1)) for m in _TARGET_YEAR_RE.finditer(fold(text))]
    # (the years just before the report's, 2021 and 2022 in a report of 2023; one far earlier is another kind of
    # document, or the report's year a guess)
    return year is not None and bool(years) and year - _EARLIER_REACH <= max(years) < year


_EARLIER_REACH: Final = 3


# (not a baseline's year: 较2013年增加30天, 比2022年)
# (nor a span's years, 從2018年到2020年: its end is a deadline, judged as one)
_TARGET_YEAR_RE: Final = re.compile(r"(?<![\d较比与同于到至—–~-])((?:19|20)\d{2})\s*年(?!\s*[-—–~至到])")


def _met_by_a_figure(result: TargetResult) -> bool:
    return any(c.kind in ("level", "change") for c in result.evidence)


_DIGITS_AND_SIGNS = str.maketrans("", "", "0123456789.%≥≧≤≦<>=＞＜＝+-")


def names_work(target: Target, context: str, goal: str) -> bool:
    """Whether ``context`` (an admission's sentence, folded) names the target's work: two character pairs of
    the target's words in common, or most of them when it has few; the goal stands in for bare figures."""
    own = bigrams(fold(target.text).translate(_DIGITS_AND_SIGNS))
    if target.objects:
        own = own | frozenset().union(*(bigrams(fold(o)) for o in target.objects))
    if len(own) < 2:
        own = own | bigrams(fold(goal))
    if not own:
        return False
    shared = len(own & bigrams(context))
    return shared >= 2 or shared >= len(own) * 0.6


def _admitted(result: TargetResult, admissions: list[Claim], goal: str) -> TargetResult:
    """A target the narrative admits was not reached is not met, whatever a share or a statement says,
    unless a figure outside the admitting sentence shows it reached."""
    naming = [a for a in admissions if names_work(result.target, a.context, goal)]
    if not naming:
        return result
    a = naming[0]
    if result.verdict == "not_met":  # already short: the admission joins the evidence (it is final in-year)
        return replace(result, evidence=(*result.evidence, a))
    actual = result.actual
    if result.verdict == "met" and actual is not None and actual.kind in ("level", "change") and not (
        actual.context and actual.context in a.context
    ):
        return result  # a figure elsewhere shows the target reached; it outweighs the words
    return replace(result, verdict="not_met", reason=f"进度称“{a.text}”，目标“{result.target.text}”未达到",
                   evidence=(a, *result.evidence))


_ADMISSION_CELL_SLACK: Final = 4  # a progress cell this little longer than its admission is the admission alone
_QUANTITY_HINT: Final = re.compile(r"\d+")
_PARAGRAPH: Final = 40  # characters: a progress text this long, given to several rows, is a results paragraph
_OPENING_FIGURES_RE: Final = re.compile(r"[\s\d.,，%]*")
_QUOTE_RE: Final = re.compile(r"“[^”]{2,80}”|「[^」]{2,80}」|\"[^\"]{2,80}\"")


def _a_margin(c: Claim, prog_norm: str) -> bool:
    """较服务承诺的既定目标(即92.5%),高出约2.4%: a figure right after 高出 or 相差 is the margin over or under
    the target (`margin_before`), not the result."""
    if c.kind not in ("level", "change") or c.quantity is None:
        return False
    return margin_before(prog_norm, c.quantity.span[0])


def _drop_restated_and_shortfall_counts(claims: list[Claim], ind_norm: str, prog_norm: str) -> list[Claim]:
    """Figures and stages inside a quotation of the target (“为1万名患者实施免费复明手术”一项中) restate it,
    and a figure inside an admission (未按期开工两项) counts the shortfall: neither reports the result."""
    claims = [c for c in claims if not _a_margin(c, prog_norm) and not _base_of_a_share(c, prog_norm)
              and not _a_baseline_figure(c, prog_norm)]
    quotes = [m.span() for m in _QUOTE_RE.finditer(prog_norm)] if any(q in prog_norm for q in "“「\"") else []
    restated = [(a, b) for a, b in quotes if _quotes_target(prog_norm[a + 1 : b - 1], ind_norm)]
    # 顺利完成…提出的“力争…降低3%以上,…”的任务: the quoted target said reached, its figure the result
    reached = [(a, b) for a, b in quotes if _quote_holds_target(prog_norm[a + 1 : b - 1], ind_norm)
               and _quote_said_reached(prog_norm, a, b)]
    restated += _target_named_again(ind_norm, prog_norm)
    short = [c.span for c in claims if c.kind == "admission"]
    if not restated and not short and not reached:
        return claims
    out = []
    for c in claims:
        if c.kind in ("level", "change", "stage", "share"):
            s = c.span[0]
            said_reached = c.kind in ("level", "change") and plan_reached(c, prog_norm)
            if any(a <= s < b for a, b in restated) and not said_reached:
                continue  # (完成安装100台的年度目标: the plan said reached is kept, for the pairing to weigh)
            # (a cell that opens with its figures, 346户 27% 因…滞后, reports them before it admits)
            if c.kind in ("level", "change") and any(a <= s < b for a, b in short) and (
                _OPENING_FIGURES_RE.fullmatch(prog_norm, 0, s) is None
            ):
                continue
        out.append(c)
    for a, b in reached:
        # the quoted target said reached is a plain statement that it was met (as 完成年度目标任务 is)
        slo = sentence_bounds(prog_norm, a, a + 1)[0]
        out.append(Claim(text=prog_norm[slo:b], span=(slo, b), kind="statement", context=prog_norm[slo:b],
                         stage=LEXICON.met_phrases[0]))
    return out


def _quote_said_reached(prog_norm: str, a: int, b: int) -> bool:
    """A quotation of the target followed by 的任务 or 的目标 and opened after a word that says it was reached
    (顺利完成…提出的“…”的任务)."""
    if not prog_norm.startswith(_QUOTE_TASK_AFTER, b):
        return False
    slo = sentence_bounds(prog_norm, a, a + 1)[0]
    return contains_any(prog_norm[slo:a], LEXICON.plan_reached_before)


_QUOTE_TASK_AFTER: Final = ("的任务", "的目标", "目标", "任务", "的预期目标")


def _target_named_again(ind_norm: str, prog_norm: str) -> list[tuple[int, int]]:
    """An indicator that names a target as such (…下降4%、重污染天數同比減少6%的改善目标, 90%申請能在四星期內
    完成處理的承諾標準) said again word for word in the progress (…同比下降13.6%…,超额完成…的改善目标): the
    figures of that repetition restate the target, they are no result."""
    core = ind_norm.strip(" 。.，,；;“”\"「」")
    if len(core) < _NAMED_AGAIN_MIN or not core.endswith(LEXICON.target_nouns_at_end) or not DIGIT_RE.search(core):
        return []
    if core == prog_norm.strip(" 。.，,；;“”\"「」"):
        return []  # one sentence that sets the target and reports it (…实现了…零事故目标), given as both cells
    out, start = [], 0
    while (i := prog_norm.find(core, start)) >= 0:
        out.append((i, i + len(core)))
        start = i + len(core)
    return out


_NAMED_AGAIN_MIN: Final = 6


def _base_of_a_share(c: Claim, prog_norm: str) -> bool:
    """为任务目标150亿元的109.34%: a figure that a share of it follows, after 为 or 占, is the target the share is
    of, restated; the result is the figure before."""
    if c.kind not in ("level", "change") or c.quantity is None or c.unit == "%":
        return False
    end = c.quantity.span[1]
    if _BRACKET_SHARE_AFTER_RE.match(prog_norm, end) is not None and prog_norm[
            c.quantity.span[0] - 1 : c.quantity.span[0]] in ("(", "（"):
        return True  # 完成省定任务(14266户)的229%: the task in brackets, whose share is done
    if _SHARE_AFTER_RE.match(prog_norm, end) is None:
        return False
    lo = clause_bounds(prog_norm, c.span[0], c.span[1])[0]
    before = prog_norm[lo : c.span[0]]
    # (完成年初预算数60999万元的40.4%, 完成4600人年计划的61.78%: the plan the share done is of, after 完成)
    return contains_any(before, ("为", "占", "是")) or _DONE_OF_THE_PLAN_RE.search(before) is not None


_SHARE_AFTER_RE: Final = re.compile(r"\s*(?:年计划|计划|任务|目标|预算)?\s*的\s*\d+(?:\.\d+)?\s*%")
_DONE_OF_THE_PLAN_RE: Final = re.compile(r"完成(?:[^，,。；;]{0,10}?(?:预算|任务|计划|目标|指标)[数额]?)?\s*$")
_BRACKET_SHARE_AFTER_RE: Final = re.compile(r"\s*[)）]\s*的\s*\d+(?:\.\d+)?\s*%")


def _a_baseline_figure(c: Claim, prog_norm: str) -> bool:
    """较2014年一季度林业产值118亿元增长了38.99%: a level after a baseline word, followed by the change against
    it, is the baseline, not the result."""
    if c.kind != "level" or c.quantity is None:
        return False
    lo = clause_bounds(prog_norm, c.span[0], c.span[1])[0]
    if not contains_any(prog_norm[lo : c.span[0]], LEXICON.baseline):
        return False
    return _CHANGE_AFTER_RE.match(prog_norm, c.quantity.span[1]) is not None


_CHANGE_AFTER_RE: Final = re.compile(
    r"\s*(?:的)?\s*(?:" + "|".join(map(re.escape, sorted({*LEXICON.increase, *LEXICON.decrease}, key=len,
                                                         reverse=True))) + r")\s*了?\s*-?\d")


def _share_within_limit(t: Target, figures: list[Claim], prog_norm: str) -> bool:
    """A time limit (14個工作天內給予書面回覆) and a progress cell of one bare percentage (100%): the share of
    cases handled within the limit, as pledge tables report it."""
    if t.comparator not in ("<=", "<") or t.unit not in LEXICON.time_limit_units:
        return False
    shares = [c for c in figures if c.unit == "%"]
    # the cell is the percentage alone, or opens with it before a note (90%(1) 註: …)
    return len(shares) == 1 and shares[0] is figures[0] and (
        _ONLY_FIGURES_RE.match(prog_norm) is not None or not prog_norm[: shares[0].span[0]].strip())


def _asks_for_a_start(ind_norm: str) -> bool:
    """开工建设50处食堂: the target is the start of the works, so a count started is its result."""
    return any(_STARTED_RANK <= LEXICON.stage_ranks[w] < _DONE_RANK for _s, _e, w in find_words(ind_norm, STAGE_WORDS))


def _counts_works_started(c: Claim, prog_norm: str) -> bool:
    """老旧小区改造131个项目全面开工: a count of works that its own clause says are started (or at another stage
    short of done), not a count of works delivered."""
    if c.kind != "level" or c.quantity is None or c.unit not in LEXICON.count_units:
        return False
    end = c.quantity.span[1]
    _lo, hi = clause_bounds(prog_norm, end - 1, end)
    after = prog_norm[end:hi]
    hits = find_words(after, STAGE_WORDS)
    # 实现全面开工: 实现 (and a bare 完成) only carries the stage that follows it
    plain = [h for h in hits if h[2] not in LEXICON.reference_stage_words and h[2] not in LEXICON.state_words]
    for s, _e, word in plain or hits:
        rank = LEXICON.stage_ranks[word]
        if contains_any(after[max(0, s - 2) : s], LEXICON.negations):
            return False
        # (…41所学校数字视频监控更新添置招投标文件已发布: at tender, not yet started either; 20190套進場施工 is)
        return rank <= _TENDER_RANK or _STARTED_RANK <= rank < _DONE_RANK
    return False


def _works_still_going(c: Claim, prog_norm: str) -> bool:
    """市区10个老旧小区基础设施维修改造…也在稳步推进当中, 形成30家市普惠托育机构…名单: a count of works whose
    clause says they are under way or only listed, and nothing of them done, is no count delivered."""
    if c.kind != "level" or c.quantity is None or c.unit not in LEXICON.count_units:
        return False
    lo, hi = clause_bounds(prog_norm, c.span[0], c.span[1])
    clause = prog_norm[lo:hi]
    return contains_any(clause, LEXICON.works_going_words) and not contains_any(clause, LEXICON.part_done_words)


def _stage_right_before(c: Claim, prog_norm: str) -> int | None:
    """The rank of the stage word right before a count (開工262253戶, 已完工251539戶), or None."""
    if c.kind != "level" or c.quantity is None or c.unit not in LEXICON.count_units:
        return None
    lo, _hi = clause_bounds(prog_norm, c.quantity.span[0], c.quantity.span[1])
    before = prog_norm[lo : c.quantity.span[0]].rstrip()
    for word in STAGE_WORDS:
        if before.endswith(word) and word not in LEXICON.reference_stage_words and word not in LEXICON.state_words:
            if contains_any(before[: -len(word)][-2:], LEXICON.negations):
                return None
            return LEXICON.stage_ranks[word]
    return None


def _started_beside_done(claims: list[Claim], prog_norm: str) -> list[Claim]:
    """全市開工262253戶,開工率102%,完工251539戶: where the progress counts works started and, in the same unit,
    works done, the count started is no result of a target to deliver them."""
    bands = {id(c): rank_band(r) if (r := _stage_right_before(c, prog_norm)) is not None else None for c in claims}
    done_units = {c.unit for c in claims if bands[id(c)] == "done"}
    return [c for c in claims if not (c.unit in done_units and bands[id(c)] == "start")]


_STARTED_RANK: Final = LEXICON.stage_ranks["开工"]
_TENDER_RANK: Final = LEXICON.stage_ranks["招标"]


def _quote_holds_target(quoted: str, ind_norm: str) -> bool:
    """Whether a quotation holds the indicator's words (itself, or with more targets beside it)."""
    ind = bigrams(ind_norm)
    return _quotes_target(quoted, ind_norm) or (bool(ind) and len(ind & bigrams(quoted)) >= 0.8 * len(ind))


def _quotes_target(quoted: str, ind_norm: str) -> bool:
    own = bigrams(quoted)
    return bool(own) and len(own & bigrams(ind_norm)) >= 0.6 * len(own)


# A clause that says only which way a measure moved against its baseline: 而氮氧化物排放总量比2010年上升
_MOVED_RE: Final = re.compile(
    "(?:" + "|".join(map(re.escape, LEXICON.baseline)) + r")[\d年度同期]{0,8}\s*(?:都|均|也|有所|略有)?\s*("
    + "|".join(map(re.escape, sorted({*LEXICON.increase, *LEXICON.decrease}, key=len, reverse=True)))
    + r")(?:了)?\s*$")
_CLAUSE_SPLIT_RE: Final = re.compile(r"[，,；;。]|而")


def _moved_the_other_way(r: TargetResult, goal: str, progress: str, prog_norm: str) -> TargetResult:
    """A change target left unverified, whose first column's measure the progress says moved the other way with
    no figure (减排1.5% | …而氮氧化物排放总量比2010年上升): not met. The same way with no figure says nothing of
    the size: it stays unverified."""
    t = r.target
    if r.verdict != "unverified" or r.actual is not None or t.kind != "change" or t.direction is None:
        return r
    name = t.item or goal.strip()
    if len(name) < 2:
        return r
    pos = 0
    for part in _CLAUSE_SPLIT_RE.split(prog_norm):
        at = prog_norm.find(part, pos)
        pos = at + len(part)
        if name not in part:
            continue
        m = _MOVED_RE.search(part)
        if m is None or DIGIT_RE.search(part[part.find(name) : m.start()]):
            continue  # (a figure of its own is read as a claim, not here)
        moved = "up" if m.group(1) in LEXICON.increase else "down"
        if moved != t.direction:
            ev = Claim(text=progress[at : at + len(part)], span=(at, at + len(part)), kind="statement", value=None,
                       unit=None, context=part)
            return replace(r, verdict="not_met", reason=f"进度称“{part}”，与目标“{t.text}”的方向相反",
                           evidence=(ev, *r.evidence))
    return r


# The progress naming the task as due by a later year: 累计已完成到2017年压减任务的57.4%
_TASK_DUE_RE: Final = re.compile(r"(?:到|至)\s*((?:19|20)\d{2})\s*年[^，,。；;]{0,8}?(?:任务|目标)")


def _task_due_later(prog_norm: str, year: int | None) -> bool:
    """Whether the progress says the task it reports on is due by a year after the report's (累计已完成到2017年
    压减任务的57.4%, in a 2015 report): a figure short of it so far is progress, not a shortfall."""
    return year is not None and any(int(m.group(1)) > year for m in _TASK_DUE_RE.finditer(prog_norm))


def _set_for_the_period(t: Target, ind_norm: str, period: str) -> bool:
    """A target set for the report's own period (1至11月份计划开工39项 in a 截至11月 report, 上半年完成X in a
    上半年 one) is judged as at the year's end (LABELLING.md, Periods)."""
    if t.quantity is None:
        return t.kind == "milestone" and _milestone_due_by(t, ind_norm, period)
    lo, _hi = clause_bounds(ind_norm, t.quantity.span[0], t.quantity.span[1])
    before = ind_norm[lo : t.quantity.span[0]]
    own = period_of(before)
    # compared as standard periods, so that a report filed under 前三季度 reads a 1至11月份 node like a 截至11月
    # one does (the web files cut-offs under the last period they cover)
    if own is not None and own != "全年" and standard_period(own) == standard_period(period):
        return True
    # a node due by a month the report already covers (10月底前必须完成60%以上投资任务, in a 截至10月 one), or
    # labelled with that month before its clause (…7400人。 4月:完成筛查人数1480人, in a 截至4月 one)
    due, end = due_month(before), period_end_month(period)
    if due is None and (label := _MONTH_LABEL_RE.search(ind_norm, max(0, lo - 8), lo)) is not None:
        due = month_number(label.group(1))
    return due is not None and end is not None and due <= end


# A month heading a node's clause: 4月:, 6月底：
_MONTH_LABEL_RE: Final = re.compile(r"(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:份|底|末)?\s*[:：]\s*$")


def _milestone_due_by(t: Target, ind_norm: str, period: str) -> bool:
    """A milestone due by a part of the year the report already covers (公布…的具體建議,原定今年首季公布, in
    a report to August): its deadline has passed, so it is judged as at the year's end (LABELLING.md,
    Periods). Read from the milestone to the end of its sentence."""
    lo = clause_bounds(ind_norm, t.span[0], t.span[1])[0]
    end = _SENTENCE_END_RE.search(ind_norm, t.span[1])
    text = ind_norm[lo : end.start() if end else len(ind_norm)]
    covered = period_end_month(period)
    if covered is None:
        return False
    own = period_of(text)
    if own is not None and own != "全年" and (month := period_end_month(own)) is not None and month <= covered:
        return True
    due = due_month(text)
    return due is not None and due <= covered


_SENTENCE_END_RE: Final = re.compile("[。；;]")


def _a_node_of_the_goals_task(t: Target, ind_norm: str, goal: str) -> bool:
    """既有多层住宅加装电梯新增400台、完工200台 | 新增30台、完工20台 (an 8月份 report): where the first column
    states the year's task and the indicator a smaller figure of the same work, the indicator is the node for
    the report's period, judged as at the year's end (LABELLING.md, Periods)."""
    if t.quantity is None or t.value is None or t.unit is None or not goal:
        return False
    if t.unit in ("%", "百分点"):
        return False  # a rate is no share of a task
    verb = ind_norm[max(0, t.quantity.span[0] - _NODE_VERB) : t.quantity.span[0]]
    if len(verb) < _NODE_VERB or not all("\u4e00" <= ch <= "\u9fff" for ch in verb):
        return False
    stated = [q for q in find_quantities(goal) if q.unit == t.unit]
    if any(q.value == t.value for q in stated):
        return False  # the first column restates the indicator (or lists it among others): no node
    return any(q.value > t.value and goal.endswith(verb, 0, q.span[0]) for q in stated)


_NODE_VERB: Final = 2


_WHEN_DONE_RE: Final = re.compile(
    r"于\s*((?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:份|底|初|中旬|上旬|下旬)?)")


def _late_for_its_deadline(res: TargetResult, prog_norm: str) -> TargetResult:
    """A milestone with a deadline (6月底前开工建设) whose stage the progress dates after it (项目于7月15日开工):
    reached, but not in time (LABELLING.md: met when the work was done in time). Only a date told with 于 before
    the stage word in its clause is when the stage was reached (截至9月底已开工 says only by when)."""
    t = res.target
    due = parse_due(fold(t.text))
    stage = next((c for c in res.evidence if c.kind == "stage"), None)
    if due is None or stage is None:
        return res
    lo = clause_bounds(prog_norm, stage.span[0], stage.span[1])[0]
    dates = _WHEN_DONE_RE.findall(prog_norm, lo, stage.span[0])
    done = parse_due(dates[-1]) if dates else None
    if done is None:
        return res
    if (due[0] == 0) != (done[0] == 0):
        due, done = (0, *due[1:]), (0, *done[1:])  # one side names the year: the same year is meant
    if done <= due:
        return res
    return TargetResult(t, "not_met", f"进度称于{dates[-1]}{stage.text}，晚于期限“{t.text}”", evidence=res.evidence)


def _positive_growth(t: Target, progress: str, prog_norm: str, period: str | None) -> TargetResult | None:
    """保持正增长 | 1.8%: a state of growth above zero, met by the first percentage of the progress when it is a
    rise, missed when it is a fall (下降1.2%, -1.2%); during the year a growth so far is not final."""
    if not contains_any(fold(t.text), LEXICON.positive_growth_words):
        return None
    figures = [q for q in find_quantities(progress) if q.unit == "%"]
    if not figures:
        return None
    q = figures[0]
    down = change_before(prog_norm, q.span[0])[0] == "down"
    value = -abs(q.value) if down else q.value
    ev = Claim(text=progress[q.span[0] : q.span[1]], span=q.span, kind="change", value=value, unit="%",
               quantity=q, context=prog_norm[clause_bounds(prog_norm, *q.span)[0] : q.span[1]])
    if period is not None and is_in_year(period):
        return TargetResult(t, "unverified", f"进度称{q.text}，年内增速尚非全年结果", evidence=(ev,))
    if value > 0:
        return TargetResult(t, "met", f"进度称增长{q.text}，实现正增长", evidence=(ev,))
    return TargetResult(t, "not_met", f"进度称{'下降' if down else ''}{q.text}，未实现正增长", evidence=(ev,))


_COVERAGE_WORD: Final = "覆盖"
_COVERAGE_REACH: Final = 6  # 覆盖率达85%, 覆盖面达到85%: the figure a few characters after the word


def _coverage_rate(t: Target, progress: str, prog_norm: str, period: str | None) -> TargetResult | None:
    """A state of full coverage to reach (实现城乡公交一体化全覆盖) answered by a coverage rate (覆盖率达85%):
    full coverage is 100%; short of it at the year's end the state is not reached, during the year not yet."""
    if not contains_any(fold(t.text), LEXICON.full_coverage):
        return None
    rates = [q for q in find_quantities(progress) if q.unit == "%" and _COVERAGE_WORD in prog_norm[
        max(0, q.span[0] - _COVERAGE_REACH) : q.span[0]]]
    if len(rates) != 1:
        return None
    q = rates[0]
    ev = Claim(text=progress[q.span[0] : q.span[1]], span=q.span, kind="level", value=q.value, unit="%",
               quantity=q, context=prog_norm[clause_bounds(prog_norm, *q.span)[0] : q.span[1]])
    if q.value >= 100.0 - 1e-9:
        return TargetResult(t, "met", f"进度称覆盖{q.text}，目标“{t.text}”已达到", evidence=(ev,))
    if period is not None and is_in_year(period):
        return TargetResult(t, "unverified", f"进度称覆盖{q.text}，尚未全覆盖（年内进度）", evidence=(ev,))
    return TargetResult(t, "not_met", f"进度称覆盖{q.text}，未实现“{t.text}”", evidence=(ev,))


_RATE_STEM: Final = 2  # the act a rate counts: the two characters before 率 (拨付率, 合格率, 到位率)
_FULL_REACH: Final = 4  # 全部 at most this far before the act (资金已全部及时拨付: 全部 then 及时 then 拨付)


def _rate_done_in_full(t: Target, progress: str, prog_norm: str) -> TargetResult | None:
    """A rate floor (资金拨付率100%) met by the progress saying its act was done in full (资金已全部拨付到位):
    a word of full_rate_words shortly before the act's word, in a clause with no negation."""
    if t.unit != "%" or t.value is None or t.value > 100.0 + 1e-9 or t.comparator not in (">=", "==", None):
        return None
    if t.comparator == "==" and t.value < 100.0 - 1e-9:
        return None  # 90% exactly is not what done in full gives
    text = fold(t.text)
    at = text.find("率")
    if at < _RATE_STEM:
        return None
    stem = text[at - _RATE_STEM : at]
    start = 0
    while (i := prog_norm.find(stem, start)) >= 0:
        start = i + 1
        lo, hi = clause_bounds(prog_norm, i, i + len(stem))
        if prog_norm.startswith("率", i + len(stem)) or contains_any(prog_norm[lo:hi], LEXICON.negations):
            continue  # 拨付率85%: the rate itself, told as a figure
        near = prog_norm[max(lo, i - _FULL_REACH - 2) : i]
        if contains_any(near, LEXICON.full_rate_words):
            ev = Claim(text=progress[lo:hi], span=(lo, hi), kind="statement", context=prog_norm[lo:hi], stage=stem)
            return TargetResult(t, "met", f"进度称“{progress[lo:hi]}”，{stem}已全部完成，目标{t.text}视为达到",
                                evidence=(ev,))
    return None


def _share_of_another_figure(t: Target, share: Claim, prog_norm: str, goal: str) -> bool:
    """省级财政补助资金下达22.719亿元,完成年度计划的101.24% under 补助标准提高5.95%: a share of the task told
    right after a figure of another measure is that figure's share of its plan, not the target's (LABELLING.md:
    the share must be of this very target)."""
    if t.unit is None:
        return False
    lo = sentence_bounds(prog_norm, share.span[0], share.span[1])[0]
    lead = [w for w in LEXICON.task_share if w in prog_norm[max(lo, share.span[0] - len(w) - 3) : share.span[0]]]
    if any(w in fold(goal + t.metric + t.text) for w in lead):
        return False  # 预算完成率 | …计算本单位预算完成率99.27%: the target's own rate, whatever figure precedes it
    before = [q for q in find_quantities(prog_norm[lo : share.span[0]]) if q.unit is not None]
    return bool(before) and units_compatible(t.unit, before[-1].unit) == 0.0


def check_row(row: Row, *, period: str | None = None, year: int | None = None, shared: bool = False,
              due_later: bool = False) -> RowResult:
    """Judge every target of one row against the claims of its progress text (``_check_row``).

    A mirror site's pinyin (增長(zhǎng)7%以上) is taken out before the row is read, so that the rules see the
    words as written (增長7%以上), and every span is then put back onto the row as it was given: the texts and
    spans of targets and evidence are the original's, pinyin included."""
    indicator, ind_at = strip_pinyin(row.indicator)
    progress, prog_at = strip_pinyin(row.progress)
    goal, _ = strip_pinyin(row.goal)
    if ind_at is None and prog_at is None and goal == row.goal:
        return _check_row(row, period=period, year=year, shared=shared, due_later=due_later)
    res = _check_row(Row(goal, indicator, progress, row.line), period=period, year=year, shared=shared,
                     due_later=due_later)
    return RowResult(row=row, verdict=res.verdict,
                     targets=tuple(_onto_original(r, row, ind_at, prog_at) for r in res.targets))


def _onto_original(r: TargetResult, row: Row, ind_at: list[int] | None, prog_at: list[int] | None) -> TargetResult:
    def quantity(q: Quantity | None, at: list[int] | None) -> Quantity | None:
        if q is None or at is None:
            return q
        unit_span = original_span(q.unit_span, at) if q.unit_span is not None else None
        return replace(q, span=original_span(q.span, at), unit_span=unit_span)

    def claim(c: Claim) -> Claim:
        if prog_at is None:
            return c
        span = original_span(c.span, prog_at)
        return replace(c, span=span, text=row.progress[span[0] : span[1]], quantity=quantity(c.quantity, prog_at))

    t = r.target
    if ind_at is not None:
        span = original_span(t.span, ind_at)
        t = replace(t, span=span, text=row.indicator[span[0] : span[1]], quantity=quantity(t.quantity, ind_at))
    return replace(r, target=t, actual=claim(r.actual) if r.actual is not None else None,
                   evidence=tuple(claim(c) for c in r.evidence))


def _check_row(row: Row, *, period: str | None = None, year: int | None = None, shared: bool = False,
               due_later: bool = False) -> RowResult:
    """Judge every target of one row against the claims of its progress text.

    ``period`` is the disclosure's period; during the year (一季度, 上半年, 前三季度 …) a figure below an
    annual target to reach is reported but not called a shortfall. ``year`` is the year the targets are
    for: a requirement due after it (三年内, (2013—2017年)) is not missed yet either. ``shared`` says the
    progress text is one results paragraph serving several rows: a figure must name the row's metric. A
    figure of a part of the year (1-11月, 上半年) in a year-end report is its claim when nothing later is
    given (LABELLING.md, Ranges); a document whose title names no period is read as in-year only by its
    own cut-off (meta.infer_period)."""
    goal = fold(row.goal)  # the first column is read like the others (traditional characters folded)
    targets = extract_targets(row.indicator, goal)
    ind_norm, prog_norm = fold(row.indicator), fold(row.progress)
    if not targets and (kept := _pledge_kept(row.indicator, ind_norm, prog_norm)) is not None:
        return RowResult(row=row, verdict=row_verdict([kept]), targets=(kept,))
    if not targets and (missed := _named_works_admitted(row.indicator, ind_norm, row.progress, prog_norm,
                                                         in_year=period is not None and is_in_year(period))):
        return RowResult(row=row, verdict=row_verdict(missed), targets=tuple(missed))
    builds = contains_any(goal + ind_norm, LEXICON.works_words)  # 新建全民健身中心1个
    has_milestone = any(t.kind == "milestone" for t in targets)
    claims = extract_claims(row.progress, units=_units_wanted(targets), stages=has_milestone)
    claims = _drop_restated_and_shortfall_counts(claims, ind_norm, prog_norm)
    if ind_norm == prog_norm:
        # one sentence in both cells (任务15371座已完成8855座): a target's own figure reports nothing when another
        # figure of the sentence does (a bare cell repeated, 100% | 100%, is its own result)
        target_spans = {t.quantity.span for t in targets if t.quantity is not None}
        reported = [c for c in claims if c.quantity is None or c.quantity.span not in target_spans]
        if any(c.quantity is not None for c in reported):
            claims = reported
    numeric = [t for t in targets if t.kind != "milestone"]
    claims = _rates_named_as_targets(claims, numeric, prog_norm)
    claims = _totals_before_their_done_part(claims, prog_norm, numeric, ind_norm)
    claims = _sums_of_their_parts(claims, prog_norm, ind_norm)
    claims = _wholes_broken_down(claims, prog_norm)
    if builds and not _asks_for_a_start(ind_norm):
        claims = _started_beside_done([c for c in claims if not _counts_works_started(c, prog_norm)
                                       and not _works_still_going(c, prog_norm)], prog_norm)
    if period is not None and is_in_year(period):
        claims = _without_forecasts(claims, prog_norm)
    if numeric and all(t.unit not in ("%", None) and t.unit not in LEXICON.time_limit_units for t in numeric) and (
            _ONE_SHARE_CELL_RE.fullmatch(prog_norm)):
        # 发放标准不低于每人每月60元/月 | 100%: a bare percentage against a target in another unit is the share
        # of the task done (LABELLING.md: progress given only as a share of the task)
        for c in claims:
            if c.kind == "level" and c.unit == "%":
                c.kind = "share"
    figures = [c for c in claims if c.kind in ("level", "change")]
    bare_row = len(numeric) == 1 and len(figures) == 1
    assigned = assign_claims(targets, claims, ind_norm, prog_norm, goal, bare_row=bare_row and not shared,
                             crowded=shared)
    _latest_period(targets, assigned, figures, prog_norm)
    _revisions_share_their_result(targets, assigned, ind_norm)
    for k, c in list(assigned.items()):
        if _a_loss_against_a_profit(targets[k], c, prog_norm) and c.value is not None:
            assigned[k] = replace(c, value=-c.value)  # 預估會賺98億元 | 前3季虧損464億元: a profit of -464
    if len(numeric) == 1 and not shared and (series := _period_series(figures, prog_norm)) is not None:
        k = targets.index(numeric[0])
        if k not in assigned and (worst := _worst_of(numeric[0], series)) is not None:
            assigned[k] = worst
    if period is not None and is_in_year(period):
        _share_node_claims(targets, assigned, ind_norm, period)
    stages = [c for c in claims if c.kind == "stage"]
    statements = [c for c in claims if c.kind == "statement" and not _done_by_some(c, prog_norm, goal)]
    shares = [c for c in claims if c.kind == "share"]
    results: list[TargetResult] = []
    for i, t in enumerate(targets):
        if t.kind == "milestone" and (listed := listed_state(t, row.indicator, row.progress)) is not None:
            results.append(listed)
            continue
        if t.kind == "milestone":
            if t.stage == "完成" and not t.objects:
                results.append(judge_deadline(t, row.progress, statements))
            else:
                res = judge_milestone(t, stages, statements, shares if len(targets) == 1 else [],
                                      row.progress, alone=len(targets) == 1)
                if res.verdict == "unverified" and (rate := _coverage_rate(t, row.progress, prog_norm, period)):
                    res = rate  # 实现…全覆盖 | 覆盖率达85%
                if res.verdict in ("unverified", "met") and (
                        grew := _positive_growth(t, row.progress, prog_norm, period)):
                    res = grew  # 保持正增长 | 1.8%, 下降1.2%
                if res.verdict == "met":
                    res = _late_for_its_deadline(res, prog_norm)  # 6月底前开工 | 项目于7月15日开工
                results.append(res)
            continue
        claim: Claim | None = assigned.get(i)
        if claim is not None and t.unit is None and claim.unit is not None:
            t = replace(t, unit=claim.unit)  # a bare figure takes the unit the progress gives
        elif claim is not None and claim.unit is None and claim.value is not None and t.unit is not None:
            # a bare result in a table is in the unit of the target's column header ((亿元) 目标任务 10 / 进度 9.6)
            # or in the unit its cell writes: ≤202.6万元 / 132.9 is 132.9万元
            q = t.quantity
            if claim.quantity is not None and written_scale(claim.quantity) != 1.0:
                scale = 1.0  # 30億元 | 財政收入完成16.6億: the result writes its own 亿, only the unit is the target's
            elif q is not None and q.unit is None and q.value and t.value:
                scale = t.value / q.value
                if claim.quantity is not None and written_scale(claim.quantity) == 1.0:
                    scale *= written_scale(q)  # 10000萬 | 7965: 7965萬 (but 150万 | 150万 is written out)
            else:
                scale = written_scale(q) if q is not None else 1.0
            claim = replace(claim, value=claim.value * scale, unit=t.unit)
        if claim is None and _share_within_limit(t, figures, prog_norm):
            share = next(c for c in figures if c.unit == "%")
            ok = share.value is not None and share.value >= 100.0 - 1e-9
            reason = f"进度称{share.text}的个案在时限（{t.text}）内办妥，{'已' if ok else '未'}全部达标"
            results.append(TargetResult(t, "met" if ok else "not_met", reason, evidence=(share,)))
            continue
        own = statements if claim is not None or len(numeric) == 1 else _statements_not_about_others(
            statements, [c for j, c in assigned.items() if j != i], prog_norm)
        if len(numeric) == 1 and (gap := _gap_to_target(t, goal, row.progress, prog_norm)):
            claim = gap  # 西藏(9%以上) | 西藏…与目标值差距最大,低2个百分点: 9 - 2 = 7
        usable = shares if len(numeric) == 1 else []
        usable = [c for c in usable if not _share_of_another_figure(t, c, prog_norm, goal)]
        if shared and usable:
            # one results paragraph for several rows: a share counts for the target whose work its part names
            usable = [c for c in usable if names_work(t, _part_before(prog_norm, c), goal)]
        result = judge_numeric(t, claim, own, usable)
        if result.verdict == "unverified" and claim is None and (each := _named_among_those_reached(
                t, ind_norm, prog_norm)) is not None:
            result = each  # 燃氣50%、燃煤30% | 燃氣、燃煤占比均達標: its item is among those said reached
        if result.verdict == "unverified" and (listed := listed_state(t, row.indicator, row.progress)) is not None:
            result = listed  # no figure for it, but the progress lists its work among those done (or not)
        if result.verdict == "unverified" and claim is None and (
                full := _rate_done_in_full(t, row.progress, prog_norm)) is not None:
            result = full  # 资金拨付率100% | 资金已全部拨付到位
        if result.verdict == "unverified" and builds and not is_in_year(period) and claim is None and not shared:
            # (a results paragraph serving several rows reports stages of the works each names, not of this row's)
            if not has_milestone and not stages:
                stages = stage_claims(row.progress)  # read only now: few rows come this far
            result = _works_short_of_done(result, stages, statements)
        results.append(result)
    results = [_moved_the_other_way(r, goal, row.progress, prog_norm) for r in results]
    admissions = [c for c in claims if c.kind == "admission"]
    if admissions:
        results = [_admitted(r, admissions, goal) for r in results]
        if len(results) == 1 and results[0].verdict == "unverified":
            # the row's own narrative says its one work was put off or cannot be done (2003年暂缓实施)
            final = [a for a in admissions if is_final_admission(a) or (
                not (period is not None and is_in_year(period))
                and len(prog_norm.strip(" 。.;；")) <= len(a.text) + _ADMISSION_CELL_SLACK)]
            # (or, at the year's end, a cell that is the admission alone: 進度落後, 未能如期完成)
            if final:
                r = results[0]
                results = [replace(r, verdict="not_met", reason=f"进度称“{final[0].text}”，目标“{r.target.text}”未达到",
                                   evidence=(final[0], *r.evidence))]
    if period is not None and is_in_year(period):
        settled = any(states_done(c) and c.stage in LEXICON.settled_phrases for c in statements) or any(
            c.kind in ("level", "change") and plan_reached(c, prog_norm) for c in claims)  # 已实现…的年度目标
        # a figure that meets its rate, beside the row's own word that the task is done (进度 4.17 … 备注 超额完成)
        done_said = any(states_done(c) for c in statements)
        earlier_year = _an_earlier_years(goal + ind_norm, year)
        averaged = contains_any(fold(goal) + ind_norm, LEXICON.average_metric_words)
        results = [r if _set_for_the_period(r.target, ind_norm, period) or _a_node_of_the_goals_task(
            r.target, ind_norm, goal) or earlier_year or (
            r.actual is not None and _a_forecast_to_the_end(r.actual, prog_norm)) else _in_year(
            r, period, settled or (done_said and r.verdict == "met" and _met_by_a_figure(r)),
            averaged=averaged) for r in results]
    if any(r.verdict == "not_met" or _a_ceiling_kept(r) for r in results) and (
            due_later or deadline_after(goal + ind_norm, year) or deadline_after(ind_norm, year)
            or _task_due_later(prog_norm, year)):
        results = [_ceiling_not_due(_not_due(r, year)) for r in results]
    return RowResult(row=row, verdict=row_verdict(results), targets=tuple(results))


def _pledge_kept(indicator: str, ind_norm: str, prog_norm: str) -> TargetResult | None:
    """A service pledge with no figure (为新登记的求职者提供书面指引) whose progress cell is one bare percentage
    (100%), as pledge tables report the share of cases in which the pledge was kept: the service is a state to
    reach (LABELLING.md), met when it was kept in every case. A lower share is left unverified: the pledge
    names no share to hold it against. Vague aims (完善…机制) and comparisons with no figure (控制在预算内,
    高于经济增长) are no such pledge."""
    m = _ONE_SHARE_RE.fullmatch(prog_norm.strip())
    if m is None:
        return None
    marker = _PLEDGE_MARKER_RE.match(ind_norm)
    start = marker.end() if marker else 0
    core = ind_norm[start:].rstrip(_NAME_STRIP)
    if len(core) < _PLEDGE_MIN_CHARS or DIGIT_RE.search(core):
        return None
    if core.startswith(tuple(LEXICON.vague_verbs)):
        return None
    if core.endswith(tuple(LEXICON.vague_endings)) or any(
            len(w) > 1 and w in core for w, _c in (*LEXICON.comparators_before, *LEXICON.comparators_after)):
        return None
    share = float(m.group(1))
    t = Target(text=indicator[start : start + len(core)], span=(start, start + len(core)), metric=core,
               kind="milestone", comparator=None, value=None, unit=None, stage="实现",
               stage_rank=LEXICON.stage_ranks.get("实现", 90), objects=())
    if share >= 100.0 - 1e-9:
        return TargetResult(t, "met", f"进度称{m.group(0)}的个案达到服务承诺“{core}”，已全部达标")
    return TargetResult(t, "unverified", f"进度称{m.group(0)}的个案达到服务承诺，承诺未定比例，无从判断")


def _named_works_admitted(indicator: str, ind_norm: str, progress: str, prog_norm: str, *,
                          in_year: bool = False) -> list[TargetResult]:
    """An indicator that only names works (农村土地确权登记颁证工作; 杭温高铁、垃圾焚烧发电…等一批重点项目) whose
    progress names them again in a clause that admits they were not done (…等一批重点项目没有如期开工): each work
    is a milestone, not met, with that clause as evidence. (A name with no such admission sets no target; during
    the year only an admission that the work will not be done at all counts: 滞后 is pace.)"""
    core = ind_norm.strip(_NAME_STRIP)
    if not core or len(core) > _NAMES_MAX or DIGIT_RE.search(BRACKETED_RE.sub("", core)):
        return []
    head = _NAMES_TAIL_RE.sub("", core)
    names = [n.strip(" ") for n in _NAMES_SPLIT_RE.split(head)]
    names = [BRACKETED_RE.sub("", n).strip() or n for n in names if n]
    if not names or any(len(n) < _NAME_MIN for n in names):
        return []
    admissions = admission_claims(progress, prog_norm)
    out: list[TargetResult] = []
    for name in names:
        at = ind_norm.find(name)
        found = next((a for a in admissions if name in a.context and (not in_year or is_final_admission(a))), None)
        if found is None:
            return []  # every work named must be admitted missed, or the row says nothing checkable
        t = Target(text=indicator[at : at + len(name)], span=(at, at + len(name)), metric=name, kind="milestone",
                   comparator=None, value=None, unit=None, stage="完成",
                   stage_rank=LEXICON.stage_ranks.get("完成", 90), objects=(name,))
        out.append(TargetResult(t, "not_met", f"进度称“{found.text}”，“{name}”未达到", evidence=(found,)))
    return out


# What ends a list of works' names: 等一批重点项目, 等民生项目, 等3个项目
_NAMES_TAIL_RE: Final = re.compile(r"等[^、，,]{0,12}$")
_NAMES_SPLIT_RE: Final = re.compile(r"[、，,]")
_NAMES_MAX: Final = 80
_NAME_MIN: Final = 3
_ONE_SHARE_RE: Final = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")
_ONE_SHARE_CELL_RE: Final = re.compile(r"\s*\d{1,3}(?:\.\d+)?\s*%\s*[。.]?\s*")
_PLEDGE_MARKER_RE: Final = re.compile(r"^\s*\d{1,2}\s*[.、．)）]\s*")
_PLEDGE_MIN_CHARS: Final = 6


_LIST_COUNT_RE: Final = re.compile(r"(?:等|这|共|计)?\s*[\d一二三四五六七八九十两]+\s*(?:个子项|个项目|子项|项|件)")
_NAME_STRIP: Final = " 。.；;，,“”\"'‘’「」"


def listed_state(t: Target, indicator: str, progress: str) -> TargetResult | None:
    """A target whose work the progress names inside a list of works sharing one state (已经建成投入使用的
    项目有A;B;C / 正在推进的项目有D;E / A、B、C4个子项已提前完成) has the list's state: read from the words
    before the list and after its last item, never from the works' own words inside it (开工建设D is a
    name in the list, not news that D has started). None when the work is not so listed."""
    norm = fold(progress)
    at, name = -1, ""
    for cand in (fold(indicator).strip(_NAME_STRIP), fold(t.text).strip(_NAME_STRIP)):
        if len(cand) >= _MIN_LISTED_NAME and (at := norm.find(cand)) >= 0:
            name = cand
            break
    if at < 0:
        return None
    s0 = max(norm.rfind("。", 0, at), norm.rfind("\n", 0, at)) + 1
    ends = [i for i in (norm.find("。", at), norm.find("\n", at)) if i >= 0]
    s1 = min(ends) if ends else len(norm)
    before, after = norm[s0:at], norm[at + len(name) : s1]
    lead_end = max((i + len(w) for w in LEXICON.list_leads if (i := before.rfind(w)) >= 0), default=-1)
    if 0 <= lead_end <= _SHORT_LEAD and s0 > 0:
        # 已经完成或基本完成的指标任务,共计19项。主要是“A”,“B”: the state is in the sentence before
        p0 = max(norm.rfind("。", 0, s0 - 1), norm.rfind("\n", 0, s0 - 1)) + 1
        lead_end += s0 - p0
        s0, before = p0, norm[p0:at]
    items_before = before[lead_end:] if lead_end >= 0 else before
    seps = LEXICON.list_separators
    # quoted works are listed with commas too: “A”,“B”
    quoted = items_before.rstrip()[-1:] in OPEN_QUOTES and after.lstrip()[:1] in CLOSE_QUOTES
    next_ = after.lstrip().lstrip("".join(CLOSE_QUOTES)).lstrip()[:1] if quoted else after.lstrip()[:1]
    prev_ = items_before.rstrip().rstrip("".join(OPEN_QUOTES)).rstrip()[-1:] if quoted else items_before.rstrip()[-1:]
    joiners = (*seps, ",", "，") if quoted else seps
    if not (next_ in joiners or prev_ in joiners):
        return None  # one work, not a list of them
    tail_at = -1
    for m in _LIST_COUNT_RE.finditer(after):
        if not any(x in after[m.end() :] for x in seps):
            tail_at = m.start()
            break
    spans: list[tuple[int, int]] = []
    if lead_end > 0:
        spans.append((s0, s0 + lead_end))
    if tail_at >= 0:
        spans.append((at + len(name) + tail_at, s1))
    if not spans:
        return None
    state = "，".join(norm[a:b] for a, b in spans)
    evidence = tuple(Claim(text=progress[a:b], span=(a, b), kind="statement", context=norm[a:b]) for a, b in spans)
    said = f"进度将其列入“{evidence[0].text}”"
    claims = extract_claims(state, stages=True)
    dropped = next((w for w in LEXICON.list_dropped if w in state), None)
    if dropped is not None:
        # adjusted or dropped: final, even during the year
        return TargetResult(t, "not_met", f"{said}，按原定目标未达到",
                            evidence=tuple(replace(e, stage=dropped) for e in evidence))
    if any(c.kind == "admission" or (c.kind == "statement" and c.negated) for c in claims):
        return TargetResult(t, "not_met", said, evidence=evidence)
    if contains_any(state, LEXICON.list_done) or any(states_done(c) for c in claims):
        return TargetResult(t, "met", f"{said}，视为达到", evidence=evidence)
    if contains_any(state, LEXICON.list_ongoing):
        return TargetResult(t, "not_met", f"{said}，尚未完成", evidence=evidence)
    if contains_any(state, LEXICON.list_pending):
        return TargetResult(t, "unverified", f"{said}，尚待完成", evidence=evidence)
    reached = [c.stage_rank for c in claims if c.kind == "stage" and not c.negated and c.stage_rank is not None]
    need = t.stage_rank if t.kind == "milestone" and t.stage_rank is not None else LEXICON.stage_ranks.get("完工", 90)
    if reached:
        ok = max(reached) >= need
        return TargetResult(t, "met" if ok else "not_met", f"{said}，{'视为达到' if ok else '尚未完成'}",
                            evidence=evidence)
    return None


_MIN_LISTED_NAME: Final = 6
_SHORT_LEAD: Final = 4


_GAP_RE: Final = re.compile(
    r"(?P<dir>高出|高于|超出|超过|超|高|低于|低|差|少)(?:了)?\s*(?P<v>\d+(?:\.\d+)?)\s*个?\s*百分点")
_GAP_LIST_RE: Final = re.compile(
    r"分别(?P<dir>高出|高于|超出|超过|高|低于|低|差)(?:了)?\s*(?P<vals>\d+(?:\.\d+)?(?:\s*[、和及]\s*\d+(?:\.\d+)?)+)"
    r"\s*个?\s*百分点")
_ABOVE_GAP: Final = ("高出", "高于", "超出", "超过", "超", "高")


def _gap_to_target(t: Target, goal: str, progress: str, prog_norm: str) -> Claim | None:
    """A percentage target whose result is told only as its gap to the target, in a sentence that names the
    target and the row's subject (西藏…与目标值差距最大,低2个百分点; 湖北省超预期目标最多,…高出2.9个百分点;
    其次是云南和河南,分别低0.7和0.5个百分点): the result is the target moved by the gap."""
    if t.unit != "%" or t.value is None or t.comparator not in (">=", ">") or len(goal.strip()) < 2:
        return None
    name = goal.strip()
    sentences = re.split(r"[。；;]", prog_norm)
    for k, sentence in enumerate(sentences):
        if name not in sentence:
            continue
        at = prog_norm.find(sentence)
        # the comparison with the target may be said in the sentence before (…完成了经济增长目标…。其次是…)
        about_target = contains_any(sentence, LEXICON.gap_target_words) or (
            k > 0 and contains_any(sentences[k - 1], LEXICON.gap_target_words)) or _only_gaps(sentence, prog_norm)
        found: tuple[str, float, int, int] | None = None
        if about_target and (m := _GAP_LIST_RE.search(sentence)) is not None:
            vals = [float(v) for v in re.findall(r"\d+(?:\.\d+)?", m.group("vals"))]
            lead = sentence[: m.start()].rstrip(" ,，")
            names = re.split(r"[、和及与]", lead.rsplit("是", 1)[-1].rsplit(",", 1)[-1].rsplit("，", 1)[-1].strip())
            if len(names) == len(vals) and name in names:
                found = (m.group("dir"), vals[names.index(name)], m.start(), m.end())
        elif contains_any(sentence, LEXICON.gap_target_words) and (m := _GAP_RE.search(sentence)) is not None and (
                sentence.find(name) < m.start()):
            found = (m.group("dir"), float(m.group("v")), m.start(), m.end())
        if found is None:
            continue
        word, gap, a, b = found
        value = t.value + gap if word in _ABOVE_GAP else t.value - gap
        span = (at + a, at + b)
        kind: Literal["level", "change"] = "change" if t.kind == "change" else "level"
        return Claim(text=progress[span[0] : span[1]], span=span, kind=kind, value=round(value, 6), unit="%",
                     context=sentence)
    return None


def _only_gaps(sentence: str, prog_norm: str) -> bool:
    """A progress cell whose only figures are a list of gaps in points (其次是云南和河南,分别低0.7和0.5个百分点),
    against no baseline (比上年, 同比): the gaps are to the row's target, said in a sentence the cell left out."""
    m = _GAP_LIST_RE.search(sentence)
    if m is None or contains_any(sentence, LEXICON.baseline):
        return False
    at = prog_norm.find(sentence) + m.start()
    return all(at <= q.span[0] < at + (m.end() - m.start()) for q in find_quantities(prog_norm))


def _done_by_some(c: Claim, prog_norm: str, goal: str) -> bool:
    """9項約束性指標,有8項已提前完成: a done statement about some of a counted set (a smaller count right before it,
    a larger one earlier in the sentence) says nothing of the row's target unless the sentence names its goal."""
    lo, hi = sentence_bounds(prog_norm, c.span[0], c.span[1])
    counts = [q for q in find_quantities(prog_norm[lo : c.span[0]]) if q.unit in LEXICON.some_of_set_units]
    if len(counts) < 2 or counts[-1].value >= max(q.value for q in counts[:-1]):
        return False
    core = goal.strip()
    return not (len(core) >= 2 and core in prog_norm[lo:hi])


def _part_before(prog_norm: str, c: Claim) -> str:
    """The part of a paragraph a claim closes: from the last ；, ; or 。 before it to its end (新增城镇就业2860人,
    完成年度目标的95.3%)."""
    lo = max(prog_norm.rfind(d, 0, c.span[0]) for d in "；;。") + 1
    return prog_norm[lo : c.span[1]]


def _a_forecast_to_the_end(c: Claim, prog_norm: str) -> bool:
    """预计“十三五”末铁路运营的总里程14.6万公里, 预计全年完成投资…: a forecast of the figure at the year's (or
    the plan's) end is the result the report gives for that end, judged as such during the year too."""
    lo = clause_bounds(prog_norm, c.span[0], c.span[1])[0]
    before = prog_norm[lo : c.span[0]]
    return contains_any(before, LEXICON.forecast_words) and contains_any(before, LEXICON.end_of_term_words)


def _without_forecasts(claims: list[Claim], prog_norm: str) -> list[Claim]:
    """During the year, a forecast (预计年内完成投资1500万元) beside a figure done so far in its unit (完成投资约30万元)
    is no result: the figure so far is (LABELLING.md, Periods)."""
    def forecast(c: Claim) -> bool:
        lo = clause_bounds(prog_norm, c.span[0], c.span[1])[0]
        return contains_any(prog_norm[lo : c.span[0]], LEXICON.forecast_words)

    figures = [c for c in claims if c.kind in ("level", "change")]
    ahead = [c for c in figures if forecast(c)]
    if not ahead:
        return claims
    so_far = {c.unit for c in figures if c not in ahead}
    return [c for c in claims if not (c in ahead and c.unit in so_far)]


def _labelled_month(c: Claim, prog_norm: str) -> int | None:
    """The last month of the period that heads a figure (上半年增速(%) 11: 6; 一季度增速(%) 10.7: 3), if any."""
    lo = clause_bounds(prog_norm, c.span[0], c.span[1])[0]
    head = prog_norm[max(lo, c.span[0] - _LABEL_REACH) : c.span[0]]
    prev = _FIGURE_END_RE.search(head)
    own = period_of(head[prev.end() :] if prev else head)
    return period_end_month(own) if own is not None else None


_LABEL_REACH: Final = 12
_FIGURE_END_RE: Final = re.compile(r".*\d")


def _labelled_when(c: Claim, prog_norm: str) -> tuple[int, int] | None:
    """(year, month) of the period heading a figure: 2024年的131日 (2024, 12), 至今年6月底…116日 (this year, 6);
    a month with no year named is this year's."""
    month = _labelled_month(c, prog_norm)
    lo = clause_bounds(prog_norm, c.span[0], c.span[1])[0]
    head = prog_norm[max(lo, c.span[0] - _LABEL_REACH) : c.span[0]]
    if month is None and (end := _MONTH_END_LABEL_RE.search(head)) is not None:
        month = int(end.group(1))  # 至今年6月底進一步減短至116日
    years = _LABEL_YEAR_RE.findall(head)
    if years and "今年" not in head[head.rfind(years[-1]) :]:
        return int(years[-1]), month or _YEAR_END
    return (_THIS_YEAR, month) if month is not None else None


_LABEL_YEAR_RE: Final = re.compile(r"((?:19|20)\d{2})\s*年")
_MONTH_END_LABEL_RE: Final = re.compile(r"(?<!\d)(1[0-2]|[1-9])\s*月(?:底|末)")
_THIS_YEAR: Final = 9999
_YEAR_END: Final = 12


def _latest_period(targets: list[Target], assigned: dict[int, Claim], figures: list[Claim], prog_norm: str) -> None:
    """上半年增速(%) 11 一季度增速(%) 10.7; 2024年的131日,至今年6月底…116日: of figures of one unit each headed by
    its period, a target takes the latest period's, not an earlier one that pairing happened to prefer."""
    taken = {id(c) for c in assigned.values()}
    heads = {i: when for i, c in assigned.items()
             if targets[i].kind != "milestone" and (when := _labelled_when(c, prog_norm)) is not None}
    if not heads:
        return  # the usual case: no paired figure is headed by its period
    whens = {id(f): _labelled_when(f, prog_norm) for f in figures}
    for i, when in heads.items():
        c = assigned[i]
        later = [(w, f) for f in figures if f is not c and id(f) not in taken and f.unit == c.unit
                 and f.kind == c.kind and (w := whens[id(f)]) is not None and w > when]
        if later:
            best = max(later, key=lambda wf: wf[0])[1]
            assigned[i] = best
            taken.add(id(best))


def _period_series(figures: list[Claim], prog_norm: str) -> list[Claim] | None:
    """一月 99.99% 二月 99.99% … 十二月 99.99%: a progress that is only figures headed by the periods they are for
    (``claims.period_series``), all of one unit."""
    if len({c.unit for c in figures}) != 1 or not period_series(prog_norm, [c.span for c in figures]):
        return None
    return figures


def _worst_of(t: Target, series: list[Claim]) -> Claim | None:
    """The figure of a series that decides a target each period must meet: the lowest of a floor, the highest
    of a ceiling (a pledge kept every month is kept by its worst month)."""
    if t.comparator is None or t.kind != "level" or any(c.value is None for c in series):
        return None
    if units_compatible(t.unit, series[0].unit) == 0.0:
        return None
    low = t.comparator in (">=", ">")
    return min(series, key=lambda c: c.value or 0.0) if low else max(series, key=lambda c: c.value or 0.0)


def _share_node_claims(targets: list[Target], assigned: dict[int, Claim], ind_norm: str, period: str) -> None:
    """An annual target beside its node for the report's period (计划新开工项目41项,1至11月份计划开工39项 |
    实际开工37项; 年度投资计划 600.1 一季度目标任务 110.5 | 完成投资 120.5): the one figure so far is the claim
    for both, whichever of them the pairing gave it to."""
    for i, t in enumerate(targets):
        if t.kind == "milestone" or i in assigned:
            continue
        for j, c in list(assigned.items()):
            u = targets[j]
            if u.unit == t.unit and u.kind == t.kind and (
                _set_for_the_period(u, ind_norm, period) or _set_for_the_period(t, ind_norm, period)
            ):
                assigned[i] = c
                break


def _totals_before_their_done_part(claims: list[Claim], prog_norm: str, targets: list[Target],
                                   ind_norm: str) -> list[Claim]:
    """120座危桥改造项目已完成87座: a figure followed, in its clause, by the words of work done and a figure of
    the same unit names the whole the second is part of; the second is the result. Not where the indicator
    asks for both (新增40台,完工20台 | 新增41台,完工26台): each figure answers its own target."""
    figures = [c for c in claims if c.kind == "level" and c.value is not None and c.unit is not None]
    bands = {stage_band(ind_norm[clause_bounds(ind_norm, *t.quantity.span)[0] : t.quantity.span[0]])
             for t in targets if t.quantity is not None}
    if {"start", "done"} <= bands:
        return claims  # 新開工建設…5萬個,年內完成2萬個 | 已開工3.5萬個,建成1.4萬個: each figure answers its own
    # the done words the indicator itself puts right before a figure (完工20台): that part is asked for
    asked_done = {(w, t.unit) for t in targets if t.quantity is not None
                  for w in LEXICON.part_done_words if ind_norm.endswith(w, 0, t.quantity.span[0])}
    drop: set[tuple[int, int]] = set()
    for a, b in pairwise(figures):
        if a.unit != b.unit:
            continue
        between = prog_norm[a.span[1] : b.span[0]]
        if any(unit == a.unit and between.endswith(w) for w, unit in asked_done):
            continue  # 新增40台,完工20台 | 新增41台,完工26台: the part answers its own target
        if a.value is None or b.value is None or b.value > a.value:
            continue  # a part done is no larger than its whole
        if "、" in between:
            continue  # 已开工10.48万套、建成7.43万套: two metrics side by side, not a whole and its part
        if clause_bounds(prog_norm, a.span[0], a.span[1]) == clause_bounds(prog_norm, b.span[0], b.span[1]):
            if len(between) <= _TOTAL_GAP and contains_any(between, LEXICON.part_done_words):
                drop.add(a.span)
        elif len(between) <= _TOTAL_SENTENCE_GAP and not any(d in between for d in "。；;") and (
            (
                # 项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元: in a later clause of the sentence, a
                # part done no larger than the whole
                contains_any(between, LEXICON.part_done_words)
                and not (_part_of_the_result(prog_norm, b) and _says_it_done(prog_norm, a))
            ) or (
                # 确定500户改造对象,…,其中252户已完成改造: a part of a whole not itself done, said done
                prog_norm[clause_bounds(prog_norm, b.span[0], b.span[1])[0] :].lstrip(" ，,").startswith("其中")
                and _says_it_done(prog_norm, b) and not _names_a_stage(prog_norm, a)
            )
        ):
            drop.add(a.span)
    for a, b in pairwise(figures):
        # 9月新增1203例,达8878例: the month's addition, then the running total it brings the count to
        gap = prog_norm[a.span[1] : b.span[0]]
        if (a.unit == b.unit and a.value is not None and b.value is not None and b.value > a.value
                and len(gap) <= _RUNNING_TOTAL_GAP and not any(d in gap for d in "。；;")
                and ((word_before(prog_norm, a.span[0], LEXICON.increment_before) is not None
                      and word_before(prog_norm, b.span[0], LEXICON.running_total_before) is not None)
                     # 新吸收8所公助园,总数达到了60所: a total named as such needs no addition word before
                     or word_before(prog_norm, b.span[0], LEXICON.running_total_named) is not None)):
            drop.add(a.span)
    return [c for c in claims if c.kind != "level" or c.span not in drop] if drop else claims


_RUNNING_TOTAL_GAP: Final = 10  # 新吸收8所公助园,总数达到了60所


def _sums_of_their_parts(claims: list[Claim], prog_norm: str, ind_norm: str) -> list[Claim]:
    """公办增加84班, 私立增加了183班, 合计已扩增267班: a figure whose clause opens with a total word and that is
    the sum of the figures of its unit right before it in the sentence is the result; the parts are dropped,
    and the total takes their kind (a sum of additions is an addition). Not where the indicator names one of the
    parts by a word the other parts lack (招募目標軍官3314人 | 招獲軍官3820人、士官651人…，合計1萬4878人): that
    part is its result."""
    figures = [c for c in claims if c.kind in ("level", "change") and c.value is not None and c.unit is not None]
    if len(figures) < _MIN_PARTS + 1:
        return claims
    drop: set[tuple[int, int]] = set()
    kinds: dict[tuple[int, int], str] = {}
    for k, total in enumerate(figures):
        if k < _MIN_PARTS or total.value is None:
            continue
        lo, _hi = clause_bounds(prog_norm, total.span[0], total.span[1])
        if not contains_any(prog_norm[lo : total.span[0]], LEXICON.sum_words):
            continue
        s_lo, _s_hi = sentence_bounds(prog_norm, total.span[0], total.span[1])
        parts: list[Claim] = []
        acc = 0.0
        for c in reversed(figures[:k]):
            if c.span[0] < s_lo or c.unit != total.unit or c.value is None:
                break
            parts.append(c)
            acc += c.value
            if len(parts) >= _MIN_PARTS and abs(acc - total.value) <= 1e-6 * max(1.0, abs(total.value)):
                if not _a_part_asked_for(parts, prog_norm, ind_norm):
                    drop.update(p.span for p in parts)
                if all(p.kind == "change" for p in parts):
                    kinds[total.span] = "change"
                break
    if not drop:
        return claims
    return [replace(c, kind="change") if c.span in kinds else c for c in claims if c.span not in drop]


_MIN_PARTS: Final = 2


_PART_LABEL: Final = 4  # the characters before a part's figure that may name it (招獲軍官3820人)


def _a_part_asked_for(parts: list[Claim], prog_norm: str, ind_norm: str) -> bool:
    """Whether the indicator holds a word (two characters) of one part's label, the few words of its clause
    right before its figure, that no other part's label holds (軍官 of 招獲軍官3820人 beside 士官651人)."""
    labels = []
    for p in parts:
        lo, _hi = clause_bounds(prog_norm, p.span[0], p.span[1])
        lo = max(lo, prog_norm.rfind("、", lo, p.span[0]) + 1, p.span[0] - _PART_LABEL)
        labels.append(bigrams(prog_norm[lo : p.span[0]]))
    for k, own in enumerate(labels):
        others = frozenset().union(*(b for j, b in enumerate(labels) if j != k))
        if any(w in ind_norm for w in own - others):
            return True
    return False


def _wholes_broken_down(claims: list[Claim], prog_norm: str) -> list[Claim]:
    """222项各级民生实事中,107项…已全部完成;34项…已完成31项: a figure whose clause ends in 中 names the whole
    that the clauses after it break down; it reports nothing done (when a figure of its unit follows)."""
    figures = [c for c in claims if c.kind == "level" and c.unit is not None]
    drop: set[tuple[int, int]] = set()
    for c in figures:
        _lo, hi = clause_bounds(prog_norm, c.span[0], c.span[1])
        tail = prog_norm[c.span[1] : hi].rstrip()
        if (tail.endswith(LEXICON.whole_before_parts) and len(tail) <= _WHOLE_TAIL
                and not contains_any(tail, LEXICON.part_done_words) and not contains_any(tail, LEXICON.subset_words)
                and any(d.unit == c.unit and d.span[0] >= hi for d in figures)):
            drop.add(c.span)
    return [c for c in claims if c.span not in drop] if drop else claims


_WHOLE_TAIL: Final = 20


def _says_it_done(prog_norm: str, a: Claim) -> bool:
    """已竣工14项: the figure's own clause says its works are done (确定500户改造对象 does not)."""
    lo, hi = clause_bounds(prog_norm, a.span[0], a.span[1])
    return contains_any(prog_norm[lo:hi], LEXICON.part_done_words)


def _names_a_stage(prog_norm: str, a: Claim) -> bool:
    """50处…食堂已全部开工建设: the figure's own clause names a stage its works reached (确定500户改造对象 names
    none)."""
    lo, hi = clause_bounds(prog_norm, a.span[0], a.span[1])
    return _says_it_done(prog_norm, a) or bool(find_words(prog_norm[lo:hi], STAGE_WORDS))


def _part_of_the_result(prog_norm: str, b: Claim) -> bool:
    """…已竣工14项,本月竣工8项: the later clause opens with a part of what came before."""
    lo, _hi = clause_bounds(prog_norm, b.span[0], b.span[1])
    return prog_norm[lo:].lstrip(" ，,").startswith(LEXICON.part_of_result_leads)


_TOTAL_GAP: Final = 16
_TOTAL_SENTENCE_GAP: Final = 30


def _rates_named_as_targets(claims: list[Claim], numeric: list[Target], prog_norm: str) -> list[Claim]:
    """A percentage after 完成率 is a share of the task, unless a target is that very rate (投资完成率达到50%
    | 投资完成率37.44%): then it is the rate's figure."""
    if not any(c.kind == "share" for c in claims):
        return claims
    if _ONLY_FIGURES_RE.match(prog_norm) and sum(t.unit == "%" for t in numeric) == sum(
        c.kind == "share" for c in claims
    ):
        # 6475 预算完成率 100% | 6475 100%: the table's rate column, not a share of the task
        for c in claims:
            if c.kind == "share":
                c.kind = "level"
        return claims
    named = tuple(w for w in LEXICON.task_share
                  if any(t.unit == "%" and w in fold(t.metric + t.text) for t in numeric))
    if named:
        for c in claims:
            if c.kind == "share" and word_ends_within(prog_norm[: c.span[0]], named, _SHARE_WORD_REACH):
                c.kind = "level"
    return claims


_ONLY_FIGURES_RE: Final = re.compile(r"^[\s\d.,%％≥≤<>=]+$")
_SHARE_WORD_REACH: Final = 8  # as claims.py reads a share: the word ends within this many characters


def _statements_not_about_others(statements: list[Claim], others: list[Claim], norm: str) -> list[Claim]:
    """The statements that may speak for a target with no figure of its own: not one in a sentence that
    reports other targets' figures (新增就业91.6万人,…,均超额完成年初目标 says nothing of the 失业率 beside it)."""
    if not others:
        return statements
    out = []
    for st in statements:
        lo, hi = sentence_bounds(norm, st.span[0], st.span[1])
        if not any(lo <= c.span[0] < hi for c in others):
            out.append(st)
    return out


def is_results_paragraph(progress: str) -> bool:
    """A progress text long enough, and with figures enough, to be a results paragraph several rows share (not a
    table's series of figures by period, which rows of one table may give alike: 一月 100% … 十二月 100%)."""
    if len(progress) < _PARAGRAPH or len(_QUANTITY_HINT.findall(progress)) <= 1:
        return False
    norm = fold(progress)
    return not period_series(norm, [q.span for q in find_quantities(progress)])


def shared_paragraphs(rows: list[Row]) -> frozenset[str]:
    """The progress texts that are one results paragraph given to several rows (targets paired with a review
    of results): in them a figure must name the row's metric to be its result."""
    seen = Counter(r.progress for r in rows if is_results_paragraph(r.progress))
    return frozenset(p for p, n in seen.items() if n > 1)


def check_disclosure(disclosure: Disclosure) -> Report:
    # one results paragraph given as the progress of several rows (targets paired with a review of results)
    shared = shared_paragraphs(disclosure.rows)
    # a title naming no year: the targets are taken as the publication's year's, as the web import files them
    year = disclosure.year or (disclosure.published.year if disclosure.published else None)
    # a document about a five-year plan's targets (…“十三五”规划纲要中期评估): they are due at the plan's end
    title = fold(disclosure.title or "")
    due_later = plan_ends_after(title, year) or reviews_a_plan_midway(title)
    rows = [check_row(r, period=disclosure.period, year=year, shared=r.progress in shared, due_later=due_later)
            for r in disclosure.rows]
    return Report(disclosure=disclosure, rows=_units_from_other_rows(rows))


def _units_from_other_rows(rows: list[RowResult]) -> list[RowResult]:
    """A bare figure and a bare result with no unit anywhere in their row take the unit the document gives
    the same result elsewhere (a summary row's 整治美丽宜居自然村庄202个 for the table's bare ≥200 / 202)."""
    bare = [(k, i) for k, r in enumerate(rows) for i, t in enumerate(r.targets)
            if t.target.unit is None and t.actual is not None and t.actual.unit is None and t.actual.value]
    if not bare:
        return rows
    # the units the document gives its figures, by value, and by the words of their clause (已开工小区1110个
    # for a bare 累计开工数 143)
    units: dict[float, set[str]] = {}
    worded: list[tuple[frozenset[str], str]] = []
    for r in rows:
        pn = fold(r.row.progress)
        for q in find_quantities(r.row.progress):
            if q.unit is not None and q.unit not in ("%", "百分点"):
                units.setdefault(q.value, set()).add(q.unit)
                lo, _hi = clause_bounds(pn, q.span[0], q.span[1])
                worded.append((bigrams(pn[lo : q.span[0]]), q.unit))
    out = list(rows)
    for k, i in bare:
        r = out[k]
        res = r.targets[i]
        assert res.actual is not None and res.actual.value is not None
        found = units.get(res.actual.value, set())
        if not found:
            pn = fold(r.row.progress)
            label = bigrams(pn[: res.actual.span[0]].strip()) - LEXICON.stop_bigrams
            found = {u for words, u in worded if label & words}
        if len(found) != 1:
            continue
        unit = next(iter(found))
        fixed = replace(res, target=replace(res.target, unit=unit), actual=replace(res.actual, unit=unit))
        out[k] = replace(r, targets=tuple(fixed if j == i else t for j, t in enumerate(r.targets)))
    return out
