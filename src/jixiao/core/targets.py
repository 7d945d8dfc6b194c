"""Targets: every requirement an indicator (考核指标) states.

``extract_targets(indicator, goal)`` returns numeric targets (a level to reach or stay within, or a
change over a baseline) and milestones (a stage of work with no number), each with its exact words
and span in ``indicator``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from jixiao.core.lexicon import LEXICON
from jixiao.core.meta import DUE_RE
from jixiao.core.quantities import PHASE_UNITS, find_quantities, fold
from jixiao.core.results import Comparator, Kind, Quantity, Target
from jixiao.core.textutil import (
    DIGIT_RE,
    clause_bounds,
    contains_any,
    find_words,
    in_brackets,
    last_word_end,
    last_words,
    metric_mentions,
    names_standard,
    sentence_bounds,
    starts_a_change,
    word_after,
    word_before,
)

# A unit in brackets; a template may write its comparator and a placeholder for the figure before it
# (公猪舍(≥**平方米): the unit 平方米).
_PAREN_UNIT_RE: Final = re.compile(r"[(（]\s*(?:[≥≤≧≦<>=＞＜＝]|[*＊×xX]+)*\s*([^()（）\s*＊]{1,7})\s*[)）]")
# A first column whose bracket the copy left open at its end: 财政供养人员情况(人
_OPEN_PAREN_UNIT_RE: Final = re.compile(r"[(（]\s*([^()（）\s\d]{1,4})\s*$")
_FILLERS: Final = ("每人每月", "每人每年", "每年", "每月", "每人", "人均", "年均", "平均", "累计", "全年", "年度", "达")
_LEADING_NOISE: Final = re.compile(r"^[\s、，,。；;：:和及与并且以及确保力争实现完成全年年度]+")
_TIME_WORDS: Final = re.compile(
    r"(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:底|末)?|\d{1,2}月底前|\d{1,2}月前|年底前|年内|年底"
    r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|份|初|中旬|上旬|下旬)?"
    r"|第?[一二三四1-4]季度(?:末|底)?(?:前)?"
    r"|上半年|下半年|今年|本年度|年度内|前)")  # 2023年12月底前, 9月, 一季度: when, not which works


def without_time_words(text: str) -> str:
    """``text`` without the words that say when (2023年12月底前, 于9月, 年内)."""
    return _TIME_WORDS.sub("", text)
_OBJECT_SPLIT: Final = re.compile(r"[、和及与]|以及")
_AFTER_WORDS: Final = tuple(w for w, _ in LEXICON.comparators_after)
_BEFORE_WORDS: Final = tuple(w for w, _ in LEXICON.comparators_before)
_BEFORE_OPS: Final = dict(LEXICON.comparators_before)
_BARE_FIGURE_REST: Final = re.compile(r"^[\s≥≧≤≦<>=＞＜＝≈约%％()（）\-—/]*$")


_TRAILING_HEADING_RE: Final = re.compile(r"[(（][^()（）]{1,24}[)）]$")
# A heading in brackets that names a percentage (達到服務水平的百分比, 占比): its figures are in %.
_PERCENT_HEADING_RE: Final = re.compile(r"[(（][^()（）\d]{0,20}(?:百分比|百分率)[)）]")


def paren_unit_before(norm: str, pos: int, lo: int) -> str | None:
    """A unit written in brackets before ``pos`` in a table header ("城镇新增就业(人) 目标任务 27800", or a
    heading naming a percentage: "目標(達到服務水平的百分比) 95")."""
    # a heading counts when no other figure stands between it and ``pos``
    if any(DIGIT_RE.search(norm, m.end(), pos) is None for m in _PERCENT_HEADING_RE.finditer(norm, lo, pos)):
        return "%"
    best: str | None = None
    for m in _PAREN_UNIT_RE.finditer(norm, lo, pos):
        inner = m.group(1)
        if DIGIT_RE.search(norm, m.end(), pos) is not None:
            continue
        unit = "%" if inner in ("%", "％", "百分比") else _without_currency(inner)
        base, _scale = unit_scale(unit)
        if unit == "%" or base in LEXICON.count_units or base in LEXICON.money_units:
            best = unit
    return best


def _without_currency(unit: str) -> str:
    """A header unit with its currency named first (港币百万元, 人民币万元): the unit after it."""
    for word in LEXICON.header_currencies:
        if unit.startswith(word) and len(unit) > len(word):
            return unit[len(word) :]
    return unit


def open_paren_unit(goal: str) -> str | None:
    """The unit in a bracket left open at the end of a first column (财政供养人员情况(人), when a known one."""
    m = _OPEN_PAREN_UNIT_RE.search(goal)
    if m is None:
        return None
    unit = _without_currency(fold(m.group(1)))
    if unit in LEXICON.percent_units:
        return LEXICON.unit_spellings.get(unit, unit)  # 地区生产总值增速(% over a bare 7
    base, _scale = unit_scale(unit)
    return unit if base in LEXICON.count_units or base in LEXICON.money_units else None


_MULTIPLIERS_LONGEST_FIRST: Final = tuple(sorted(LEXICON.multipliers.items(), key=lambda kv: len(kv[0]), reverse=True))


_UNIT_DECL_RE: Final = re.compile(r"单位\s*[:：]?\s*([^\s\d,，;；:：()（）]{1,4})(?=[\s,，;；]|$)")


def declared_unit(norm: str, pos: int) -> str | None:
    """The unit a cell declares before ``pos`` (单位:亿元 年度投资计划 600.1), when it is a known one."""
    found = None
    for m in _UNIT_DECL_RE.finditer(norm, 0, pos):
        base, _scale = unit_scale(m.group(1))
        if base in LEXICON.money_units or base in LEXICON.count_units or base == "%":
            found = m.group(1)
    return found


def unit_scale(unit: str) -> tuple[str, float]:
    """A header unit such as 万元 or 亿元 → (元, 10000)."""
    for word, mult in _MULTIPLIERS_LONGEST_FIRST:
        if unit.startswith(word) and len(unit) > len(word):
            return unit[len(word) :], float(mult)
    return unit, 1.0


def written_scale(q: Quantity) -> float:
    """The multiplier written between a figure's digits and its unit, or after them (202.6万元, 10000萬 →
    10000), else 1."""
    if not q.text[:1].isdigit():
        return 1.0
    text = fold(q.text)  # 萬 is 万
    head = text if q.unit_span is None else text[: len(text) - (q.unit_span[1] - q.unit_span[0])].rstrip()
    for word, mult in _MULTIPLIERS_LONGEST_FIRST:
        if head.endswith(word) and head[: -len(word)].rstrip()[-1:].isdigit():
            return float(mult)
    return 1.0


def is_bare_figure(norm: str, quantities: list[Quantity]) -> bool:
    """True when the cell is one figure and little else (``≥95%``, ``221人``, ``1.2万亩``)."""
    if len(quantities) != 1:
        return False
    q = quantities[0]
    before = norm[: q.span[0]].rstrip()
    if (word := word_before(before, len(before), _BEFORE_WORDS)) is not None and len(word) >= 2:
        before = before[: -len(word)]  # 少於4, 不低于95%: a comparator word and the figure are still bare
    rest = before + norm[q.span[1] :]
    return bool(_BARE_FIGURE_REST.match(rest)) or len(rest.strip()) <= 1


_CELL_GAP: Final = re.compile(r"^[\s≥≧≤≦<>=＞＜＝≈约%％()（）\-—/,，;；、]*$")


_LEADING_BARE_RE: Final = re.compile(r"^\d[\d,]*(?:\.\d+)?[ \t\u3000]+(?![\d年月日号%])\S")


def bare_run(norm: str, quantities: list[Quantity]) -> int:
    """How many figures open the cell as a bare run: ``900 100%`` or ``2569 128%`` (the whole cell), or
    ``3321 133% 已超额完成`` and ``1153个 29% 目前…`` (a figure and its share before the words). 0 when none."""
    if quantities and _LEADING_BARE_RE.match(norm) and quantities[0].unit is None and quantities[0].span[0] == 0:
        return 1  # 37.24 已完工,剩余3%尾款未付: a table's figure, then its explanation after a space
    if len(quantities) < 2:
        return 0
    pos = 0
    n = 0
    for q in quantities[:4]:
        if not _CELL_GAP.match(norm[pos : q.span[0]]):
            break
        pos = q.span[1]
        n += 1
    if n < 2:
        return 0
    if n == len(quantities) and _CELL_GAP.match(norm[pos:]):
        return n
    # a run before words: it must end in a share (a percentage) and be followed by a space
    last = quantities[n - 1]
    spaced = norm[pos : pos + 1] in (" ", "\t", "\u3000")
    if last.unit == "%" and quantities[n - 2].unit != "%" and spaced:
        return n
    # 19456 74.8 达到时间进度: a figure and its share of the task in a table whose header held the units
    if n == 2 and spaced and last.unit is None and quantities[0].unit is None:
        return n
    return 0


def _last_open_bracket(norm: str, start: int) -> int:
    """Where the last round bracket before ``start`` opens (either width), or -1."""
    return max(norm.rfind("(", 0, start), norm.rfind("（", 0, start))


def _target_in_brackets(norm: str, start: int) -> bool:
    """为70.0%(2017年目标为68.3%): a bracket whose words before the figure end in a target's label holds the
    target, beside the result the sentence reports."""
    opened = _last_open_bracket(norm, start)
    return opened >= 0 and _TARGET_LABEL_END_RE.search(norm, opened + 1, start) is not None


_TARGET_LABEL_END_RE: Final = re.compile(r"(?:目标值|目标|任务|计划)(?:为|是|:|：)?\s*$")


def _results_beside_a_bracketed_target(norm: str, found: list[Target]) -> list[Target]:
    """水体比例为70.0%(2017年目标为68.3%),同比上升1.2个百分点: where a sentence gives its target in brackets, its
    figures outside brackets report the result; they are no targets."""
    labelled = [t for t in found if t.quantity is not None and in_brackets(norm, t.quantity.span[0])
                and _target_in_brackets(norm, t.quantity.span[0])]
    if not labelled:
        return found
    spans = {sentence_bounds(norm, t.span[0], t.span[1]) for t in labelled}
    return [t for t in found if t in labelled or t.quantity is None or in_brackets(norm, t.quantity.span[0])
            or sentence_bounds(norm, t.span[0], t.span[1]) not in spans]


def _labelled_bracket(norm: str, start: int) -> bool:
    """年度目标(维修改造锅炉146台、供热管网改造40公里): a bracket right after a target's label holds the targets."""
    opened = _last_open_bracket(norm, start)
    return opened > 0 and word_before(norm, opened, _TARGET_LABELS) is not None


_WHOLE_REACH: Final = 12


def _parts_bracket(norm: str, start: int) -> bool:
    """兴建集中供水工程5处(其中改扩建2处、管网延伸3处), 新建幼儿园80所(其中公办30所以上): a bracket opening with
    其中 breaks the target into parts, each a target of its own."""
    opened = _last_open_bracket(norm, start)
    if opened < 0 or not norm.startswith("其中", opened + 1):
        return False
    # the whole's count just before the bracket, in the part's unit (not money broken down by its sources)
    whole = [q for q in find_quantities(norm[max(0, opened - _WHOLE_REACH) : opened]) if q.span[1] >= min(
        opened, _WHOLE_REACH) - 1]
    part = next((q for q in find_quantities(norm[opened:]) if q.span[0] + opened >= start), None)
    return bool(whole) and part is not None and whole[-1].unit == part.unit and part.unit not in (None, "元", "%")


def _a_scoring_rule(norm: str, q: Quantity) -> bool:
    """A self-assessment sheet's scoring rule (8分; 每超过一个百分点扣0.5分; 每低于5%扣2分): points given or taken,
    and the step of a rule that takes them, are no targets (LABELLING.md: a score never overrides the figures)."""
    lo, hi = clause_bounds(norm, q.span[0], q.span[1])
    clause = norm[lo:hi]
    if q.unit == "分" and (contains_any(clause, LEXICON.scoring_words) or _BARE_POINTS_RE.fullmatch(norm.strip())):
        return True
    return word_before(norm, q.span[0], LEXICON.scoring_steps) is not None and "扣" in norm[q.span[1] : hi + 8]


_BARE_POINTS_RE: Final = re.compile(r"\d+(?:\.\d+)?\s*分")


def margin_before(norm: str, start: int) -> bool:
    """Whether the words before a figure make it a gap to a target (高出, 相差, 低于预期: `margin_before`), spaces
    and 约/近/了 between them skipped."""
    s = start
    while s > 0 and norm[s - 1] in " 约近了":
        s -= 1
    return word_before(norm, s, LEXICON.margin_before) is not None


def _planned_figure_ends_cell(norm: str, lo: int, q: Quantity) -> bool:
    """年度计划投资 45.2: a figure with no measure word ending its cell, set apart from words that set a plan for
    a metric (``planned_figure_words``), is the target, its unit the progress's."""
    if q.unit is not None or norm[q.span[1] :].strip(" 。.;；") != "":
        return False
    before = norm[lo : q.span[0]]
    if not before[-1:].isspace() and not _RANGE_LOW_RE.search(before):
        return False  # a table's cells, flattened, stand apart (年度计划投资 45.2; the high end of -4.0~-4.5)
    return contains_any(before, LEXICON.planned_figure_words) and len(before.strip()) >= _PLANNED_WORDS


_PLANNED_WORDS: Final = 4


def stands_alone(norm: str, end: int) -> bool:
    """A bare number must end its cell or be followed by a space or a clause delimiter (not 目标1:造林)."""
    nxt = norm[end : end + 1]
    if nxt == "" or nxt in " \t\n，,；;。" or nxt == "\u3000":
        return True
    if _RANGE_NEXT_RE.match(norm, end):
        return True  # -4.0~-4.5: the low end of a range of bare figures
    # or by its comparator, then the end or a space (增速(%) 7以上 | …)
    after = word_after(norm, end, _AFTER_WORDS)
    return after is not None and norm[end + len(after) : end + len(after) + 1] in ("", " ", "\t", "\u3000", "，", ",")


_CHANGE_THEN_LABEL_RE: Final = re.compile(
    "(" + "|".join(map(re.escape, sorted({*LEXICON.increase, *LEXICON.decrease}, key=len, reverse=True)))
    + r")(?:" + "|".join(map(re.escape, LEXICON.change_label_qualifiers))
    + r")?(?:目标|任务)(?:值)?\s*(?:分别)?\s*(?:为|是|:|：)?\s*$")
# A footnote's number right after a header's closing bracket (县级环境监察机构标准化建设硬件达标率(%)3).
_FOOTNOTE_AFTER_BRACKET_RE: Final = re.compile(r"([)）])[0-9¹²³⁴⁵⁶⁷⁸⁹]{1,2}$")
# A cell that is one bracket from end to end: (其中1-10月份计划新开工223项) is the cell's own text
_WHOLE_CELLBRACKETED_RE: Final = re.compile(r"^\s*([(（〔])[^()（）〔〕]*([)）〕])\s*[。.;；]?\s*$")
_RANGE_NEXT_RE: Final = re.compile(r"\s*[~～—–-]\s*-?\d")
_RANGE_LOW_RE: Final = re.compile(r"(-?\d[\d.]*)\s*[~～—–-]\s*$")
_HEADER_UNIT_RE: Final = re.compile(r"[(（]\s*[^()（）\s\d]{1,4}\s*[)）]\s*$")


def _header_unit_right_before(norm: str, pos: int) -> bool:
    """A column header's unit in brackets right before a bare figure: 年度计划投资(亿元) 2.17."""
    return _HEADER_UNIT_RE.search(norm, max(0, pos - 10), pos) is not None and paren_unit_before(
        norm, pos, max(0, pos - 10)) is not None


def bare_label_before(norm: str, pos: int, labels: tuple[str, ...]) -> bool:
    """Whether a label such as 目标任务 or 进度 stands right before ``pos`` (spaces and a colon allowed, and
    the column's heading in brackets: 目標(達到服務水平的百分比) 95)."""
    j = pos
    while j > 0 and norm[j - 1] in " :：\t":
        j -= 1
    if (word := word_before(norm, j, _BEFORE_WORDS)) is not None and len(word) >= 2:
        j -= len(word)  # 目標 少於4: the comparator between the label and its figure
        while j > 0 and norm[j - 1] in " :：\t":
            j -= 1
    if j > 0 and norm[j - 1] in ")）" and (m := _TRAILING_HEADING_RE.search(norm, 0, j)) is not None:
        j = m.start()
        while j > 0 and norm[j - 1] in " \t":
            j -= 1
    if j > 0 and norm[j - 1] in "为是" and word_before(norm, j - 1, labels) is not None:
        return True  # 实际完成值为0, 指标值是100%
    return word_before(norm, j, labels) is not None


def comparator_near(norm: str, lo: int, start: int, end: int, *, far: bool) -> tuple[Comparator | None, str]:
    """The comparator word before (or after) the number at ``start:end``, and the word itself."""
    after = word_after(norm, end, _AFTER_WORDS)
    prefix = norm[lo:start]
    best: tuple[int, str, str] | None = None
    allowed = 30 if far else 0
    for _start, e, word in last_words(prefix, _BEFORE_WORDS):
        gap = prefix[e:]
        for filler in _FILLERS:
            if filler in gap:
                gap = gap.replace(filler, "")
        gap = gap.strip()
        if gap in ("(", "（"):
            gap = ""  # 年度控制指标(98人): the figure in brackets right after the word
        if word == "为" and gap:
            continue
        if len(gap) <= allowed and not DIGIT_RE.search(gap) and (best is None or e > best[0]):
            best = (e, word, _BEFORE_OPS[word])
    if best is not None and (after is None or best[0] == start):
        return best[2], best[1]  # type: ignore[return-value]
    if after is not None:
        op = dict(LEXICON.comparators_after)[after]
        return op, after  # type: ignore[return-value]
    if best is not None:
        return best[2], best[1]  # type: ignore[return-value]
    return None, ""


def change_before(norm: str, start: int) -> tuple[str | None, str]:
    """('up' | 'down', word) when a change word stands right before the number (增加10万人)."""
    pos = start
    while pos > 0 and norm[pos - 1] in " \t\u3000":
        pos -= 1  # 增长 6.0%: a stray space
    if pos > 0 and norm[pos - 1] in "了约近":
        pos -= 1
    if word_before(norm, pos, LEXICON.works_not_change):
        return None, ""  # 改造提升8个居民小区: a works verb, not a change
    w = word_before(norm, pos, LEXICON.increase) or word_before(norm, pos, LEXICON.doubling_before)
    if w:
        return "up", w  # (翻一番: 翻 only here, not in a column's words: 翻新改造 is no rise)
    w = word_before(norm, pos, LEXICON.decrease)
    if w:
        return "down", w
    return None, ""


def _change_across_its_object(norm: str, lo: int, comp_start: int) -> tuple[str | None, str]:
    """增加公立及非营利幼儿园至少180班: a change verb, its object, then a comparator and the count; the count
    is the change (LABELLING.md: 增加 X against a baseline). Only counts: 提高…不低于90% may name a level."""
    between = norm[lo:comp_start]
    for direction, words in (("up", LEXICON.increase), ("down", LEXICON.decrease)):
        for w in words:
            i = between.rfind(w)
            if i < 0 or len(w) < 2:
                continue
            obj = between[i + len(w) :]
            if not obj or len(obj) > _CHANGE_OBJECT_MAX or any(ch.isdigit() for ch in obj) or obj.startswith(
                LEXICON.change_to_words
            ):  # 提高到每人每月不低于80元: the level it is raised to
                continue
            if word_before(between, i + len(w), LEXICON.works_not_change) or word_before(
                between, i, LEXICON.new_things
            ):
                continue
            return direction, ""
    return None, ""


_CHANGE_OBJECT_MAX: Final = 16
_METRIC_HEADS: Final = ("率", "额", "比例", "比重", "面积", "人数", "标准", "指数", "总量", "规模")


_PERIODS_COUNTED: Final = 10  # 兩個年度, 三个财政年度 (not 176个年度计划新开项目: projects of the year's plan)
_WORD_REACH: Final = 6  # how far back a target's text reaches for the start of the word it would cut


def _metric_head(norm: str, lo: int, start: int) -> int | None:
    """Where a metric noun such as 建制率 or 投资额 begins, if one ends shortly before ``start``."""
    window = norm[lo:start]
    best = -1
    for head in _METRIC_HEADS:
        i = window.rfind(head)
        if i != -1 and len(window) - (i + len(head)) <= 6:
            best = max(best, i)
    if best < 2:
        return None
    return lo + best - 2


def _each_follows(norm: str, end: int, hi: int) -> bool:
    """A count followed, before the next figure, by 均 or 都 (4个结构性指标均实现…) is scope."""
    m = DIGIT_RE.search(norm, end, hi)
    tail = norm[end : m.start() if m else hi]
    tail = _before_closing_quote(tail)
    for w in LEXICON.scope_each_not:
        tail = tail.replace(w, "")  # 均衡性, 人均: no 均 of each
    return contains_any(tail, LEXICON.scope_each)


def _scope_follows(norm: str, end: int, hi: int) -> bool:
    """A count followed within a few characters by 的/中 describes scope: 13个区县的…"""
    tail = _before_closing_quote(norm[end : min(hi, end + 5)]).replace("其中", "")  # 80所(其中公办…: its parts
    return contains_any(tail, LEXICON.scope_after)


def _before_closing_quote(tail: str) -> str:
    """The words after a target's number up to a closing quote: the quote ends the target's words
    (“全国财政支出超过23万亿元”“中央对地方…”: what follows is another target's)."""
    cut = min((i for q in CLOSE_QUOTES if (i := tail.find(q)) >= 0), default=len(tail))
    return tail[:cut]


OPEN_QUOTES: Final = ("“", "\"", "「", "‘")
CLOSE_QUOTES: Final = ("”", "\"", "」", "’")


def _strip_metric(text: str) -> str:
    text = _LEADING_NOISE.sub("", text)
    return text.strip(" ，,、：:")


# A rate's formula in a table (…率=A/B*100%, …率=A÷B×100%): its figures say how it is counted.
_FORMULA_RE: Final = re.compile(r"(?<=[率数比])\s*=[^，,；;。≥≤]{1,60}?[/÷][^，,；;。≥≤]{1,60}?[*×]\s*100\s*%")


def extract_targets(indicator: str, goal: str = "") -> list[Target]:
    if (m := _WHOLE_CELLBRACKETED_RE.match(indicator)) is not None:
        # (其中1-10月份计划新开工223项), 〔18〕 (a plan's cumulative figure): a cell that is one bracket is read as its
        # contents; texts and spans
        # stay the original's
        a, b = m.span(1), m.span(2)
        inner = indicator[: a[0]] + " " + indicator[a[1] : b[0]] + " " + indicator[b[1] :]
        return [replace(t, text=indicator[t.span[0] : t.span[1]]) for t in _extract_targets(inner, goal)]
    return _extract_targets(indicator, goal)


_ONCE: Final = frozenset(LEXICON.once_words)


def _after_a_count_in_its_clause(norm: str, q: Quantity, quantities: list[Quantity]) -> bool:
    """Whether another figure stands before ``q`` in its clause."""
    clause = clause_bounds(norm, *q.span)
    return any(p.span[1] <= q.span[0] and clause_bounds(norm, *p.span) == clause for p in quantities)
_PLACES_THEN_COUNT_RE: Final = re.compile(
    r"\s*(?:" + "|".join(map(re.escape, LEXICON.place_nouns)) + r")\s*")


def _places_in_scope(norm: str, q: Quantity, nxt: Quantity) -> bool:
    """A count of places right after a word of scope (全市13个县区, 全省13个市), with another figure later in its
    clause: where the work is done, not work to do."""
    if word_before(norm, q.span[0], LEXICON.scope_words) is None:
        return False
    if word_after(norm, q.span[1], LEXICON.place_nouns) is None and (
            q.unit is None or q.unit not in LEXICON.place_nouns):
        return False
    return clause_bounds(norm, *q.span) == clause_bounds(norm, *nxt.span)


def _extract_targets(indicator: str, goal: str = "") -> list[Target]:
    norm = fold(indicator)
    quantities = find_quantities(indicator)
    bare = is_bare_figure(norm, quantities)
    found: list[Target] = []
    formulas = [m.span() for m in _FORMULA_RE.finditer(norm)] if "=" in norm else []
    for k, q in enumerate(quantities):
        if any(a <= q.span[0] < b for a, b in formulas):
            continue  # 建档率=建立电子健康档案人数/辖区内常住居民数*100%: how the rate is counted, no target
        if k + 1 < len(quantities) and _sizes_the_counted(norm, q, quantities[k + 1]):
            continue  # 引进10亿元以上项目5个: the amount says which projects are counted
        if _class_of_a_share(norm, q, quantities[k + 1 :]):
            continue  # 10万元至50万元的村要达到25%以上: which villages the share is of
        if q.unit == "个" and norm.startswith(LEXICON.counted_periods, q.span[1]) and q.value <= _PERIODS_COUNTED:
            continue  # 該兩個年度私人房屋土地供應: how many years the figures cover, no target
        if _a_past_result(norm, q):
            continue  # 过去一年,…达到1200亿元; 2022年完成…300亿元,2023年目标…: what was done, not what is asked
        if margin_before(norm, q.span[0]):
            continue  # 低于预期目标3.2%左右, 均比预期低了约2.9%: the gap to a target, not one
        if q.unit == "次" and norm.startswith(("会议", "全会", "全体会议"), q.span[1]) and "届" in norm[
                max(0, q.span[0] - 6) : q.span[0]]:
            continue  # 县十八届人大四次会议: which session, no count
        if _a_scoring_rule(norm, q):
            continue  # 每超过一个百分点扣0.5分, 8分: how the sheet scores the row, not what it must reach
        if q.unit in ("项", "个", "类") and norm.startswith(LEXICON.counted_metrics, q.span[1]):
            continue  # 目标任务是四项指标分别减排1.5%: how many metrics the figures are for, no target
        if k + 1 < len(quantities) and _PLACES_THEN_COUNT_RE.fullmatch(norm, q.span[1], quantities[k + 1].span[0]):
            continue  # 8个县(市)区176个村: how many places the villages lie in, not work to do
        if k + 1 < len(quantities) and _places_in_scope(norm, q, quantities[k + 1]):
            continue  # 全市13个县区完成农村改厕2万户: the places the work is done in, not work to do
        if q.text in _ONCE and _after_a_count_in_its_clause(norm, q, quantities):
            continue  # 为4.5万名一线干部免费体检一次: how often each is served, after the count to serve
        t = _numeric_target(indicator, norm, q, goal, bare)
        if t is not None:
            found.append(t)
    found.extend(_zero_targets(indicator, norm, found))
    found.sort(key=lambda t: t.span[0])
    found = _beside_a_target_column(norm, found)
    found = _portfolio_context(norm, found)
    found = _list_items(indicator, norm, found)
    found = _share_change(norm, found)
    found = _about_the_whole_list(norm, found)
    found = _ranges(indicator, norm, found)
    found = _written_two_ways(norm, found)
    found = _limits_of_a_share(norm, found)
    found = _results_beside_a_bracketed_target(norm, found)
    listed = _listed_works(indicator, norm)
    if listed:
        # 路桥畅通工程有A、B、C的建设和维修D等6个子项目: a milestone per work; the count is their scope
        lo, hi = listed[0].span[0], listed[-1].span[1] + _LIST_COUNT_REACH
        found = [t for t in found if not (lo <= t.span[0] < hi and t.unit in LEXICON.count_units)]
        return found + listed
    # Numeric targets first, then milestones, each group in document order.
    milestones = _acts_in_a_time_limit(norm, found, _milestones(indicator, norm, quantities, goal))
    if not found and not milestones:
        extra = _deadline(indicator, norm, goal) or named_work(indicator, norm, goal)
        if extra is not None:
            milestones.append(extra)
    if not milestones and _SENTENCE_END_RE.search(norm.rstrip(" 。.；;")):
        milestones.extend(_acts_by_sentence(indicator, norm, goal))
    if not milestones:
        milestones.extend(_pledged_acts(indicator, norm, goal, found))
    return found + milestones


_TARGET_HEADER_RE: Final = re.compile(
    "(?:" + "|".join(map(re.escape, LEXICON.target_header_heads)) + r")[\u4e00-\u9fff]{0,4}(?:"
    + "|".join(map(re.escape, LEXICON.target_header_ends)) + r")\s*(?:[(（][^()（）]{0,12}[)）])?\s*[:：]?\s*$")


def _target_header_before(norm: str, pos: int) -> bool:
    """A column header naming a target's count right before a bare figure: 目标人群数(按33%比例) 1326."""
    return _TARGET_HEADER_RE.search(norm, max(0, pos - _TARGET_HEADER_REACH), pos) is not None


_TARGET_HEADER_REACH: Final = 20


def _beside_a_target_column(norm: str, found: list[Target]) -> list[Target]:
    """城市低保数(人) 3973 目标人群数(按33%比例) 1326: where the cells of a flattened table give a base and a
    target column side by side, the target column's figure is the target; the other is its base."""
    if len(found) < 2 or any(t.quantity is None for t in found):
        return found
    heads = [_target_header_before(norm, t.quantity.span[0]) for t in found if t.quantity is not None]
    if not any(heads) or all(heads):
        return found
    # only cells that are all header and figure: each figure right after its own header
    prev = 0
    for t in found:
        assert t.quantity is not None
        label = norm[prev : t.quantity.span[0]].strip()
        if not label or any(ch.isdigit() for ch in BRACKETED_RE.sub("", label)) or len(label) > _TARGET_HEADER_REACH:
            return found
        prev = t.quantity.span[1]
    return [t for t, h in zip(found, heads, strict=True) if h]


def only_a_label(before: str) -> bool:
    """预期目标7.8%左右: the words before a figure only label it as the target, naming no metric of their own
    (the first column names it)."""
    rest = before.strip(" :：“\"「‘")  # “3%左右”的预期目标: the quote marks name nothing
    while (label := word_after(rest, 0, _TARGET_LABELS)) is not None:
        rest = rest[len(label) :].strip(" :：(（")  # 年初目标(6.5%): the figure in the label's brackets
    return rest == ""


_TARGET_LABELS: Final = tuple(sorted({*LEXICON.bare_target_labels, *LEXICON.target_label_extras}, key=len,
                                     reverse=True))


def _sizes_the_counted(norm: str, q: Quantity, nxt: Quantity) -> bool:
    """Whether an amount is the size class of the things counted right after it (10亿元以上项目5个, 亿元以上项目
    100个): a few words of a name between, no break, the next figure a count and this one not."""
    if q.unit is not None and q.unit in LEXICON.count_units and q.unit != nxt.unit and nxt.unit is not None and (
            _bounded_class_of(norm, q, nxt)):
        return True  # 200人以上较大自然村公交通达率97%以上, 为80周岁以上老人发放高龄津贴3000人: which ones
    if q.unit is None or q.unit in ("%", "百分点") or (q.unit in LEXICON.count_units and q.unit not in
                                                      LEXICON.kind_units):
        return False  # 80%來電於12秒內: a share pledged, whose condition follows (but 4类重点对象49255户: kinds)
    if nxt.unit not in LEXICON.count_units or nxt.unit in LEXICON.time_limit_units:
        return False
    gap = norm[q.span[1] : nxt.span[0]]
    after = word_after(gap, 0, _AFTER_WORDS)
    if after is not None:
        gap = gap[len(after) :]
    return 1 <= len(gap) <= _SIZE_CLASS_GAP and _SIZE_CLASS_NAME_RE.fullmatch(gap) is not None


_SIZE_CLASS_GAP: Final = 6
_RANGE_JOINS: Final = ("至", "到", "-", "~", "～", "—")


_YEAR_OPENS_RE: Final = re.compile(r"\s*(?:在)?((?:19|20)\d{2})\s*年(?!度?(?:目标|计划|任务))")
_YEAR_RE: Final = re.compile(r"(?:19|20)\d{2}(?=\s*年)")
_YEAR_AIM_REACH: Final = 6  # 2023年目标增长10%, 2023年力争: the aim a few characters after the year


def _a_past_result(norm: str, q: Quantity) -> bool:
    """A figure of a past period told before the targets (过去一年,全市地区生产总值达到1200亿元,增长6%。今年…;
    2022年完成固定资产投资300亿元,2023年目标增长10%; 在去年完成800户的基础上): its sentence or clause opens with
    a word of the past (past_openers), or with a year earlier than another the indicator names."""
    slo = sentence_bounds(norm, q.span[0], q.span[1])[0]
    clo = clause_bounds(norm, q.span[0], q.span[1])[0]
    chi = clause_bounds(norm, q.span[0], q.span[1])[1]
    if not contains_any(norm[clo:chi], LEXICON.past_done_verbs) or contains_any(
            norm[slo : q.span[0]], LEXICON.plan_words + LEXICON.past_plan_words):
        return False  # 去年…承諾了…1100萬人以上的目標: last year's target, reviewed now
    if norm[clo : q.span[0]].lstrip(" 、，,：:").startswith(LEXICON.past_openers):
        return True  # 在去年完成800户的基础上
    first = norm[slo : clause_bounds(norm, slo, slo)[1]].strip(" 、，,：:")
    if first in LEXICON.past_openers and not contains_any(norm[clo : q.span[0]], LEXICON.year_plan_words):
        return True  # 过去一年,全市地区生产总值达到1200亿元,增长6%
    m = _YEAR_OPENS_RE.match(norm, clo)
    if m is None or m.end() > q.span[0]:
        return False
    year = int(m.group(1))
    # a later year outside the clause that sets a target (2023年目标增长10%), not a list of years (2017年、2018年)
    return any(int(y.group()) > year and not clo <= y.start() < chi and contains_any(
        norm[y.end() : y.end() + _YEAR_AIM_REACH], LEXICON.past_plan_words) for y in _YEAR_RE.finditer(norm))


def _class_of_a_share(norm: str, q: Quantity, later: list[Quantity]) -> bool:
    """An amount or count (or a range of them), a bound, then 的 and what is classed, with a percentage later in
    the clause (10万元至50万元的村要达到25%以上, 年收入10万元以上的村占比达到30%): the class the share is of."""
    if q.unit is None or q.unit in ("%", "百分点", "‰"):
        return False
    _lo, hi = clause_bounds(norm, *q.span)
    pos = q.span[1]
    for _ in range(2):
        bound = next((w for w in LEXICON.class_bounds if norm.startswith(w, pos)), None)
        if bound is not None:
            pos += len(bound)
        if norm[pos : pos + 1] in _RANGE_JOINS:
            nxt = next((r for r in later if r.span[0] in (pos + 1, pos + 2)), None)
            if nxt is None or nxt.unit != q.unit:
                return False
            pos = nxt.span[1]
            continue
        break
    if norm[pos : pos + 1] != "的" or not _is_cjk_char(norm[pos + 1 : pos + 2]):
        return False  # (占计划数127.23万头的100.01%: the share of that figure)
    return any(r.unit == "%" and pos < r.span[0] < hi for r in later)


def _is_cjk_char(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _bounded_class_of(norm: str, q: Quantity, nxt: Quantity) -> bool:
    """A count with 以上 or 以下 right after it, then a name with no break up to a figure in another unit: the
    count is a class of the things the later figure is about (200人以上较大自然村…通达率97%), no target. The name
    may not end in a comparator (培训50人以上覆盖率达到90% would be two targets)."""
    gap = norm[q.span[1] : nxt.span[0]]
    bound = next((w for w in LEXICON.class_bounds if gap.startswith(w)), None)
    if bound is None:
        return False
    name = gap[len(bound) :]
    return (1 <= len(name) <= _BOUNDED_CLASS_GAP and _SIZE_CLASS_NAME_RE.fullmatch(name) is not None
            and not name.endswith(tuple(w for w, _ in LEXICON.comparators_before)))


_BOUNDED_CLASS_GAP: Final = 12
_SIZE_CLASS_NAME_RE: Final = re.compile(r"[\u4e00-\u9fff]+")


def _acts_in_a_time_limit(norm: str, found: list[Target], milestones: list[Target]) -> list[Target]:
    """在收到文件后八个工作天内,完成牌照的申请: the act right after a time limit is what the limit is for, one
    pledge (the time limit), not a milestone of its own."""
    limits = [t.span[1] for t in found if t.unit in LEXICON.time_limit_units and t.comparator in ("<=", "<")]
    if not limits:
        return milestones
    return [m for m in milestones
            if not any(0 <= m.span[0] - e <= 2 and not norm[e : m.span[0]].strip(" ,，") for e in limits)]


_SENTENCE_END_RE: Final = re.compile("[。；;]")
# A sentence's own date label (4月:, 6月底前:), which says when, not how much.
_WHEN_LABEL_RE: Final = re.compile(r"^\s*(?:\d{1,2}\s*月(?:份|底|底前|中旬|上旬|下旬)?\s*[:：])\s*")


def _acts_by_sentence(indicator: str, norm: str, goal: str) -> list[Target]:
    """An indicator of several sentences (为全县…接种流感疫苗24723人。 4月:制定并下发…工作方案。): a sentence that
    only names an act (an action word first, no figure) is a milestone of its own."""
    out: list[Target] = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(norm + "。"):
        sentence = norm[pos : m.start()]
        lo = pos
        pos = m.end()
        label = _WHEN_LABEL_RE.match(sentence)
        if label is not None:
            sentence, lo = sentence[label.end() :], lo + label.end()
        core = sentence.strip()
        if not core or DIGIT_RE.search(core) or word_after(core, 0, LEXICON.action_words) is None:
            continue
        t = named_work(indicator[lo : lo + len(sentence)], sentence, goal)
        if t is not None:
            out.append(replace(t, span=(lo + t.span[0], lo + t.span[1])))
    return out


_CLAUSE_END_RE: Final = re.compile("[，,。；;！!？?]")
_PLEDGE_RE: Final = re.compile("|".join(map(re.escape, LEXICON.pledge_markers)))


def _pledged_acts(indicator: str, norm: str, goal: str, found: list[Target]) -> list[Target]:
    """A clause that pledges an act (我們會修訂《危險藥物條例》, 香港海關會…增添22名人員,成立調查及情報小組):
    the act and its object are a milestone, when it opens its sentence (or a quoted task) or a pledge word
    comes before it in the sentence, and its clause holds no figure of its own. Its object is named, so
    only progress about that object judges it."""
    out: list[Target] = []
    pos = 0
    sentence_lo = 0
    series = True  # every clause of the sentence so far opens with an act (明确建设任务,制定建设方案)
    for m in _CLAUSE_END_RE.finditer(norm + "。"):
        lo, hi = pos, m.start()
        pos = m.end()
        clause = norm[lo:hi]
        first = word_after(clause.lstrip(" “”\"'‘’「」"), 0, LEXICON.action_words) is not None
        if not any(lo <= t.span[0] < hi for t in found):
            act = min((i for w in LEXICON.action_words if (i := clause.find(w)) >= 0), default=-1)
            lead = norm[sentence_lo : lo + act].strip(" “”\"'‘’「」")
            opens = not lead or norm[lo + act - 1 : lo + act] in OPEN_QUOTES or (series and first)
            pledged = _pledges(lead) and not contains_any(clause[:act], LEXICON.vague_verbs)
            verb = word_after(clause, act, LEXICON.action_words) or "" if act >= 0 else ""
            modifier = word_after(clause, act + len(verb), LEXICON.act_not_before) is not None
            if act >= 0 and (opens or pledged) and not modifier:
                t = named_work(indicator[lo + act : hi], clause[act:], goal)
                obj = _strip_names_marks(clause[act + len(verb) :])
                if t is not None and len(obj) >= _MIN_OBJECT:  # (原定今年首季公布: the act of the clause before)
                    out.append(replace(t, span=(lo + act + t.span[0], lo + act + t.span[1]), objects=(obj,)))
        series = series and first
        if m.group() in "。；;！!？?":
            sentence_lo = pos
            series = True
    return out


def _pledges(lead: str) -> bool:
    for w in LEXICON.pledge_not:
        lead = lead.replace(w, "")
    return _PLEDGE_RE.search(lead) is not None


_NAME_MARKS_RE: Final = re.compile(r"[《》〈〉“”\"‘’「」『』\s]")
_MIN_OBJECT: Final = 2


def _strip_names_marks(text: str) -> str:
    return _NAME_MARKS_RE.sub("", text).strip("，,。；;")


_ZERO_NOUNS: Final = "|".join(re.escape(w) for w in LEXICON.zero_nouns)
_ZERO_RE: Final = re.compile(rf"零(?P<a>{_ZERO_NOUNS})|(?P<b>{_ZERO_NOUNS})零发生|(?P<c>零控制)")
_ZERO_NOUN_RE: Final = re.compile(_ZERO_NOUNS)
_NUMERAL_CHARS: Final = frozenset("0123456789零〇一二两三四五六七八九十百千万亿点.")


def zero_mentions(norm: str) -> list[tuple[int, int, str]]:
    """零事故, 零伤亡, 安全事故零发生: (start, end, the thing there is to be none of)."""
    out: list[tuple[int, int, str]] = []
    if "零" not in norm:
        return out  # the usual case, found without the regular expression
    for m in _ZERO_RE.finditer(norm):
        if m.start() > 0 and norm[m.start() - 1] in _NUMERAL_CHARS:
            continue  # 一百零五: a numeral
        noun = m.group("a") or m.group("b")
        if noun is None:  # 特别重大事故起数实行零控制: the zero of the last zero noun before it in the clause
            lo, _hi = clause_bounds(norm, m.start(), m.end())
            nouns = _ZERO_NOUN_RE.findall(norm, lo, m.start())
            if not nouns:
                continue
            noun = nouns[-1]
        out.append((m.start(), m.end(), noun))
    return out


_ZERO_CONTROL_REACH: Final = 14  # 特别重大事故起数实行零控制: the noun stands well before 零控制


_NO_EVENT_RE: Final = re.compile(
    "(?:" + "|".join(map(re.escape, sorted(LEXICON.no_event_before, key=len, reverse=True))) + ")"
    + r"[^，,。；;！!？?]{0,6}?(" + _ZERO_NOUNS + ")")


def no_event_mentions(norm: str) -> list[tuple[int, int, str]]:
    """不发生重大安全事故, 杜绝较大事故: none of a thing asked for in words, as 零事故 asks for it."""
    if not any(w in norm for w in LEXICON.no_event_before):
        return []
    return [(m.start(), m.end(), m.group(1)) for m in _NO_EVENT_RE.finditer(norm)]


def _zero_targets(indicator: str, norm: str, found: list[Target]) -> list[Target]:
    """零事故 is a target of at most 0 of them (LABELLING: a zero that names a threshold); so is 不发生重大事故."""
    out = []
    for s, e, noun in sorted(zero_mentions(norm) + no_event_mentions(norm)):
        if any(t.span[0] < e and s < t.span[1] for t in found):
            continue
        lo, _hi = clause_bounds(norm, s, e)
        start = max(lo, s - (_ZERO_CONTROL_REACH if norm.startswith("零控制", s) else 8))
        while start < s and norm[start] in " 、，,：:":
            start += 1
        while (lead := word_after(norm[:s], start, LEXICON.object_lead_words)) is not None:
            start += len(lead)
        out.append(Target(text=indicator[start:e], span=(start, e), metric=norm[start:e], kind="level",
                          comparator="<=", value=0.0, unit=LEXICON.zero_units.get(noun)))
    return out


LIST_JOINERS: Final = frozenset({"和", "与", "及", "、", "或"})  # between the figures of one list


_GAP_JOINERS: Final = LIST_JOINERS | {",", "，"}


def _joins_a_list(gap: str) -> bool:
    """The words between two figures of one list: a joiner (和, 、), or one after the first figure's bound and
    before the second's aspiration (增长5.5%以上、争取达到6%: the higher aim, still a growth)."""
    gap = gap.strip()
    if gap in LIST_JOINERS:
        return True
    rest = gap
    after = word_after(rest, 0, _AFTER_WORDS)
    if after is not None:
        rest = rest[len(after) :]
    if rest[:1] not in _GAP_JOINERS:
        return False
    rest = rest[1:].lstrip()
    aim = word_after(rest, 0, LEXICON.aspiration_words)
    if aim is None:
        return False
    rest = rest[len(aim) :]
    before = word_after(rest, 0, _BEFORE_WORDS)
    return rest == "" or (before is not None and rest == before)


def _about_the_whole_list(norm: str, found: list[Target]) -> list[Target]:
    """城乡居民收入分别增长8.5%和9%左右: 左右 after the last figure of a list of one unit is about every figure
    in it."""
    out = list(found)
    for k in range(len(out) - 1, 0, -1):
        a, b = out[k - 1], out[k]
        if not b.about or a.about or a.quantity is None or b.quantity is None or a.unit != b.unit or a.kind != b.kind:
            continue
        if not _joins_a_list(norm[a.quantity.span[1] : b.quantity.span[0]]):
            continue
        out[k - 1] = replace(a, about=True)
    return out


def _share_change(norm: str, found: list[Target]) -> list[Target]:
    """A change word before a list of figures governs each of them: 分别增长8%和9% is two changes."""
    out: list[Target] = []
    for t in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.kind == "level"
            and prev.kind == "change"
            and prev.quantity is not None
            and t.quantity is not None
            and prev.unit == t.unit
            and _joins_a_list(norm[prev.quantity.span[1] : t.quantity.span[0]])
        ):
            # …and its comparator, unless the figure writes its own (分别减少2%、1.5%: not a ceiling of 排放)
            own, _w = comparator_near(norm, t.quantity.span[0], t.quantity.span[0], t.quantity.span[1], far=False)
            t = replace(t, kind="change", direction=prev.direction, metric=prev.metric,
                        comparator=own or prev.comparator)
        out.append(t)
    return out


def _clause_before(norm: str, t: Target) -> str:
    q = t.quantity
    if q is None:
        return ""
    lo, _hi = clause_bounds(norm, q.span[0], q.span[1])
    return norm[lo : q.span[0]]


def _portfolio_context(norm: str, found: list[Target]) -> list[Target]:
    """Figures that describe a portfolio rather than set work: after 共有, 列入, 概算投资 (``scope_before``),
    and, where the indicator sets an annual plan figure, its other figures of projects (plan context)."""
    before = [_clause_before(norm, t) for t in found]
    # 续建项目102个, 前期项目两个: how many projects of a kind the list holds, no work to deliver
    keep = [not b.rstrip(" :：有").endswith(LEXICON.portfolio_kinds) for b in before]
    found = [t for t, k in zip(found, keep, strict=True) if k]
    before = [b for b, k in zip(before, keep, strict=True) if k]
    plan = [contains_any(b, LEXICON.annual_plan_words) for b in before]  # 计划总投资277亿元 is a plan
    # (合計1萬4563人 alone in its clause: the total of a list cut into rows, the row's target)
    scoped = [_scoped(b) and b.strip(" ，,:：") not in LEXICON.sum_words for b in before]
    kept = [k for k in range(len(before)) if plan[k] or not scoped[k]]
    # 计划总投资624.4亿元,年内计划投资246.5亿元: the year's plan is the target, the whole plan the portfolio's
    yearly = {found[k].unit for k in kept if plan[k] and not scoped[k]
              and contains_any(before[k], LEXICON.year_plan_words)}
    kept = [k for k in kept if not (scoped[k] and found[k].unit in yearly)]
    if not any(plan[k] for k in kept):
        return [found[k] for k in kept]
    return [found[k] for k in kept if plan[k] or not (
        found[k].unit in LEXICON.portfolio_units
        or contains_any(before[k] + norm[found[k].span[1] : found[k].span[1] + 4], LEXICON.portfolio_words))]


def _bracket_is_the_figure(norm: str, q: Quantity, lo: int, hi: int) -> bool:
    """补建健身点(60个), 参与赛事活动人次(7.5万人次): brackets holding only the figure, after the words of the
    work, with no other figure in the clause, hold the target (not a description of the works)."""
    s, e = q.span
    if norm[s - 1 : s] in LEXICON.restate_leads and norm[s - 2 : s - 1] in ("(", "（"):
        s -= 1  # 服务承诺的既定目标(即92.5%): 即 only says the bracket holds the figure
    if (after := word_after(norm, e, _AFTER_WORDS)) is not None and norm[e + len(after) : e + len(after) + 1] in (
            ")", "）"):
        e += len(after)  # 湖北(10%以上): the figure's comparator inside the bracket with it
    if norm[s - 1 : s] not in ("(", "（") or norm[e : e + 1] not in (")", "）") or q.unit in PHASE_UNITS:
        return False  # (一期): a works' phase
    before = norm[lo : s - 1].lstrip(" ，,")
    before = before[max(before.rfind(":"), before.rfind("："), before.rfind("、")) + 1 :]  # …目标为:湖北(10%以上)
    marker = _LIST_MARKER_RE.match(before)  # 1、补建健身点(60个): a list marker is no figure
    if marker:
        before = before[marker.end() :]
    after = norm[e + 1 : hi]
    if (share := _SHARE_OF_IT_RE.match(after)) is not None:
        after = after[share.end() :]  # 年度控制指标(98人)的92.86%: the share done of the bracketed figure
    return DIGIT_RE.search(before + after) is None


_SHARE_OF_IT_RE: Final = re.compile(r"的\s*\d+(?:\.\d+)?\s*%")


def _limits_of_a_share(norm: str, found: list[Target]) -> list[Target]:
    """80%來電於12秒內接聽, 90%申請能在四星期內完成處理: the time limit is the condition of the share pledged,
    not a target of its own."""
    shares = [t.quantity.span[1] for t in found if t.unit == "%" and t.quantity is not None]
    if not shares:
        return found
    starts = [t.quantity.span[0] for t in found if t.unit == "%" and t.quantity is not None]
    return [t for t in found if not _limits_a_share(norm, t, shares) and not _limits_a_later_share(norm, t, starts)]


def _limits_a_later_share(norm: str, t: Target, share_starts: list[int]) -> bool:
    """在12分鐘內到達現場的百分比 92.5%: a time limit that names the cases a share after it counts."""
    if t.unit not in LEXICON.time_limit_units or t.comparator not in ("<=", "<") or t.quantity is None:
        return False
    end = t.quantity.span[1]
    for s in share_starts:
        gap = norm[end:s]
        if 0 < s - end <= _SHARE_LIMIT_REACH and not any(d in gap for d in "；;。，,") and not DIGIT_RE.search(gap) \
                and contains_any(gap, LEXICON.share_of_cases_words):
            return True
    return False


def _limits_a_share(norm: str, t: Target, share_ends: list[int]) -> bool:
    if t.unit not in LEXICON.time_limit_units or t.comparator not in ("<=", "<") or t.quantity is None:
        return False
    start = t.quantity.span[0]
    for e in share_ends:
        gap = norm[e:start]
        if not 0 <= start - e <= _SHARE_LIMIT_REACH or any(d in gap for d in "；;。") or DIGIT_RE.search(gap):
            continue
        commas = [i for i, ch in enumerate(gap) if ch in "，,"]
        if not commas and start - e <= _SHARE_LIMIT_GAP:
            return True
        # 九成半的危急類別病人,會在15分鐘內得到診治: the share's subject, then the clause that limits it
        if len(commas) == 1 and gap[commas[0] + 1 :].lstrip().startswith(_LIMIT_CLAUSE_LEADS):
            return True
    return False


_SHARE_LIMIT_GAP: Final = 8
_SHARE_LIMIT_REACH: Final = 20
_LIMIT_CLAUSE_LEADS: Final = ("会", "亦", "可", "能", "均", "都", "将", "须", "必须", "要")


def _scoped(before: str) -> bool:
    """Whether the words before a figure describe a portfolio (共有30项, 列入省级重点项目8项): a scope word, and
    no task or target named after it (共计分解本年度…建设任务6655.9公里 sets one)."""
    at = last_word_end(before, LEXICON.scope_before)
    return at >= 0 and not contains_any(before[at:], LEXICON.scope_task_words)


_ITEM_SPLIT: Final = re.compile(r"和|、|及|与|以及")


def _list_items(indicator: str, norm: str, found: list[Target]) -> list[Target]:
    """A list of metrics sharing one figure is one target per metric (城镇调查失业率和登记失业率稳定在4.3%左右,
    知晓率、满意度均达到90%以上): each item is judged on its own, and the row is short if any item is."""
    out: list[Target] = []
    paired: dict[int, str] = {}  # a later figure of a listed run → the item it is for
    for t in found:
        if id(t) in paired:
            out.append(replace(t, item=paired[id(t)], metric=paired[id(t)]))
            continue
        out.append(t)
        q = t.quantity
        if q is None or t.kind == "milestone":
            continue
        lo, _hi = clause_bounds(norm, q.span[0], q.span[1])
        head_end = _list_head_end(norm, lo, q.span[0])
        if head_end is None:
            continue
        start = lo
        while start < head_end and norm[start] in " 、，,：:":
            start += 1
        items: list[tuple[int, int]] = []
        pos = start
        for m in _ITEM_SPLIT.finditer(norm, start, head_end):
            items.append((pos, m.start()))
            pos = m.end()
        items.append((pos, head_end))
        if len(items) < 2 or not all(_is_metric_name(norm[a:b]) for a, b in items):
            continue
        run = _listed_figures(norm, t, found)
        if len(run) > 1:
            # 地区生产总值、一般公共预算收入分别增长7%、6%: one figure per item, in order, not 7% for both
            if len(run) == len(items):
                a0 = min(items[0][0], t.span[0])
                out[-1] = replace(t, item=norm[items[0][0] : items[0][1]], text=indicator[a0 : t.span[1]],
                                  span=(a0, t.span[1]))
                paired.update({id(f): norm[a:b] for f, (a, b) in zip(run[1:], items[1:], strict=True)})
            continue
        a0 = min(items[0][0], t.span[0])
        out[-1] = replace(t, item=norm[items[0][0] : items[0][1]], text=indicator[a0 : t.span[1]], span=(a0, t.span[1]))
        for a, b in items[1:]:
            out.append(replace(t, text=indicator[a : t.span[1]], span=(a, t.span[1]), metric=norm[a:b],
                               item=norm[a:b]))
    return out


_RUN_JOINS: Final = ("、", "和", "及", "与", "")


def _listed_figures(norm: str, t: Target, found: list[Target]) -> list[Target]:
    """``t`` and the targets whose figures follow it joined by 、 or 和 (7%、6%; 7%和6%左右)."""
    run = [t]
    for u in found:
        last = run[-1]
        if u.quantity is None or last.quantity is None or u.quantity.span[0] <= last.quantity.span[0]:
            continue
        gap = norm[last.quantity.span[1] : u.quantity.span[0]].strip()
        for w in ("以上", "以下", "以内", "左右"):
            gap = gap.removeprefix(w)
        if gap in _RUN_JOINS:
            run.append(u)
        else:
            break
    return run


_LIST_VERBS: Final = "|".join(re.escape(w) for w in sorted(
    {"稳定在", "保持在", "在", *_BEFORE_WORDS, *LEXICON.increase, *LEXICON.decrease}, key=len, reverse=True))
_LIST_HEAD_RE: Final = re.compile(r"(?:均|都|分别|各)?\s*(?:" + _LIST_VERBS + r")?\s*$")


def _list_head_end(norm: str, start: int, number: int) -> int | None:
    """Where the list of metric names before a figure ends: at 均/都/分别 or the verb before the figure."""
    m = _LIST_HEAD_RE.search(norm, start, number)
    if m is None:
        return None
    return m.start() if m.start() > start else None


def _is_metric_name(text: str) -> bool:
    text = text.strip(" ，,")
    return 2 <= len(text) <= 16 and (any(text.endswith(h) for h in (*_METRIC_HEADS, "度", "量", "数")) or
                                     any(text == w for w, _ in LEXICON.synonyms))


def _written_two_ways(norm: str, found: list[Target]) -> list[Target]:
    """减至17461令,即2002年耗纸量的95%: the clause after 即 writes the same requirement another way, so its
    target takes the comparator of the one before."""
    out = list(found)
    for k in range(1, len(out)):
        t, prev = out[k], out[k - 1]
        lo, _hi = clause_bounds(norm, t.span[0], t.span[1])
        if lo > prev.span[0] and word_after(norm, lo, LEXICON.restate_leads) is not None and prev.comparator:
            out[k] = replace(t, comparator=prev.comparator)
    return out


def _ranges(indicator: str, norm: str, found: list[Target]) -> list[Target]:
    """A range of two figures (增长6%-6.5%, 控制在3%至5%) is two targets with the same text: at least the
    low end and at most the high end (LABELLING.md, Ranges)."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        qa, qb = a.quantity, b.quantity
        if qa is None or qb is None or (a.kind != b.kind and b.kind != "level"):
            continue
        if norm[qa.span[1] : qb.span[0]].strip() not in LEXICON.range_joiners:
            continue
        if a.unit != b.unit or a.value is None or b.value is None or a.value >= b.value:
            continue
        start, end = min(a.span[0], b.span[0]), max(a.span[1], b.span[1])
        text = indicator[start:end]
        out[k] = replace(a, comparator=">=", text=text, span=(start, end))
        out[k + 1] = replace(b, comparator="<=", text=text, span=(start, end), kind=a.kind, direction=a.direction,
                             metric=a.metric)
    return out


_DEADLINE_RE: Final = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*(?:底|末|\d{1,2}\s*日)?|年底|年末|年内)\s*(?:前|以前|之前)?\s*"
    r"(?:完成|完工|办结|到位)?\s*[。.]?\s*$"
)


_DEADLINE_IN_TEXT_RE: Final = re.compile(
    r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*(?:(?:底|末)\s*(?:前|以前|之前)?|(?:\d{1,2}\s*日)?\s*(?:前|以前|之前))"
    r"\s*[。.]?\s*$")


def _due_cell(norm: str, label: str | None) -> tuple[int, int] | None:
    """The span of the dates in a cell that holds only a deadline (2019年, 指标值为“2021年4月15日”,
    2021.1.1-12.31, 2023年12月底前完成), or None. ``label`` is the value label the cell opens with."""
    start = len(norm) - len(norm.lstrip())
    if label is not None:
        start += len(label)
    end = len(norm.rstrip(" 。.；;"))
    while start < end and norm[start] in " ：:“”\"「」'‘’":
        start += 1
    while end > start and norm[end - 1] in " “”\"「」'‘’":
        end -= 1
    dates = [m for m in DUE_RE.finditer(norm, start, end) if m.group(0).strip()]
    if not dates or not any(m.group("y") or m.group("y2") for m in dates):
        return None
    rest = DUE_RE.sub(" ", norm[start:end])
    for w in LEXICON.deadline_fillers:
        rest = rest.replace(w, "")
    return (start, end) if not rest.strip() else None


def _deadline(indicator: str, norm: str, goal: str) -> Target | None:
    """A deadline row of a 时效指标 (完成时间: 2023年12月底前, 年底前完成, 完成时限: 2019年) as a milestone."""
    span: tuple[int, int] | None = None
    labelled = word_after(norm, len(norm) - len(norm.lstrip()), LEXICON.deadline_value_labels)
    if _DEADLINE_RE.match(norm) or (span := _due_cell(norm, labelled)) is not None:
        # the goal names a deadline row, or the cell's own label does (完成时间为2022年12月30日)
        if not any(w in goal for w in LEXICON.deadline_goal_words) and not (
            labelled and any(w in labelled for w in LEXICON.deadline_goal_words)
        ):
            return None
    else:
        # the deadline in a sentence: 人才驿站补助资金到位时间绩效目标值是2023年12月前
        m = _DEADLINE_IN_TEXT_RE.search(norm)
        if m is None or not any(w in norm[: m.start()] for w in LEXICON.deadline_goal_words):
            return None
    if span is None:
        text = indicator.strip()
        start = indicator.index(text) if text else 0
        span = (start, start + len(text))
    return Target(
        text=indicator[span[0] : span[1]],
        span=span,
        metric=goal,
        kind="milestone",
        comparator=None,
        value=None,
        unit=None,
        stage="完成",
        stage_rank=LEXICON.stage_ranks.get("完工", 90),
        objects=(),
    )


# 占年度任务目标132亿元的65.89%: the share of a task whose figure the clause states, a result written beside it
# (not 完成节能目标进度的20%, a share required, nor 占年度任务的30%以上, one with its comparator)
_SHARE_OF_THE_TASK_RE: Final = re.compile(
    r"占[^，,。；;:：]{0,30}?(?:任务|目标|指标|计划)[^，,。；;:：]{0,8}?\d[^，,。；;:：]{0,10}?的\s*$")


_DONE_SO_FAR_RE: Final = re.compile(
    r"(?:已经|已)(?:" + "|".join(map(re.escape, LEXICON.done_so_far_verbs)) + r")(?:了)?\s*$")
_LIST_SIZE_OF_RE: Final = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:的|目标值为|目标为|目标值)[^，,。；;]{0,12}?\d")


def _numeric_target(indicator: str, norm: str, q: Quantity, goal: str, bare: bool) -> Target | None:
    start, end = q.span
    if starts_a_change(norm, start, end):
        return None  # 报销比例由50%提高到60%: 50% is where it starts
    lo, hi = clause_bounds(norm, start, end)
    if _DONE_SO_FAR_RE.search(norm, lo, start) is not None:
        return None  # 户厕改建任务15371座已完成8855座: what is already done, a result written beside the task
    if norm[start - 1 : start] == "等" and _LIST_SIZE_OF_RE.match(norm, end, hi):
        # 虎门镇、麻涌镇…桥头镇等9个镇街的203.087公里…, 包括基隆醫院等9家區域醫院目標值為70%: how many the list (or
        # the class it names) holds, before the clause's figure to reach: no target
        return None
    if q.unit == "%" and _SHARE_OF_THE_TASK_RE.search(norm, lo, start) is not None and word_after(
            norm, end, _AFTER_WORDS) is None:
        return None  # 占省政府下达年度控制指标(98人)的92.86%: how much of the target is done, a result
    unit = q.unit
    value = q.value
    labelled = (bare_label_before(norm, start, LEXICON.bare_target_labels) or _header_unit_right_before(norm, start)
                or _target_header_before(norm, start) or _planned_figure_ends_cell(norm, lo, q))
    if unit is None and (people := headcount_unit(norm, lo, q)) is not None:
        unit = people
    if unit is None and 0 <= value <= 100 and stands_alone(norm, end) and _RATE_RIGHT_BEFORE_RE.search(
            norm, lo, start) is not None:
        unit = "%"  # 安全事故发生率0, 完成率为100: a rate's figure written without its %
    if unit is None:
        if not (bare or labelled) or not stands_alone(norm, end):
            return None
        header_unit = paren_unit_before(norm, start, 0) or declared_unit(norm, start)
        if header_unit is None and (low := _RANGE_LOW_RE.search(norm, lo, start)) is not None:
            header_unit = paren_unit_before(norm, low.start(1), 0)  # (%) -4.0~-4.5: the high end's unit is the low's
        if header_unit is None and (bare or labelled):
            # the unit in the first column's brackets: 城镇新增就业(人) | 26000
            fgoal = _FOOTNOTE_AFTER_BRACKET_RE.sub(r"\1", fold(goal).rstrip())  # 达标率(%)3: a footnote mark
            header_unit = paren_unit_before(fgoal, len(fgoal), 0) or open_paren_unit(fgoal)
            if header_unit is None:
                # or the unit of the one figure the first column states (a wider plan's: 减少大班额1.4万个以上
                # | 869): the unit, not the figure
                stated = [g for g in find_quantities(goal) if g.unit is not None]
                if len(stated) == 1 and stated[0].unit in LEXICON.time_limit_units and 0 <= value <= 100:
                    header_unit = "%"  # 办理土地文书注册 16个工作天 | 90: the share of cases within the time
                elif len(stated) == 1 and stated[0].unit not in ("%", "百分点"):
                    header_unit = stated[0].unit
        if header_unit is not None:
            base, scale = unit_scale(header_unit)
            unit, value = ("%" if base == "%" else base), value * scale
        elif q.text[-1:] in LEXICON.multipliers and contains_any(goal + norm[lo:start], LEXICON.money_metrics):
            unit = "元"  # 市民中心运行维护费 150万: an amount of money in 万元
        elif bare and _names_a_rate(fold(goal) + norm[lo:start]) and 0 <= value <= 100:
            unit = "%"  # 工程完工率 100: a rate's bare figure is a percentage
        elif (bare or labelled) and (counted := _counted_by(goal)) is not None:
            unit = counted  # 综合学习课程学员人数 | 13,500: 13500 人
        elif (bare or labelled) and contains_any(fold(goal) + norm[lo:start], LEXICON.money_metrics):
            # 年度资金总额 | 285.84: the template's 万元, dropped with its heading; a large figure is in 元
            base, scale = unit_scale(LEXICON.bare_money_unit)
            unit = base
            if value < LEXICON.bare_money_yuan_from and not contains_any(fold(goal), LEXICON.per_head_words):
                value *= scale
    if not bare and in_brackets(norm, start) and not _bracket_is_the_figure(norm, q, lo, hi) and not (
            _target_in_brackets(norm, start)) and any(
            ch in norm[end:] for ch in ")）") and not _WHOLE_CELLBRACKETED_RE.match(norm) and not _parts_bracket(
            norm, start) and not _labelled_bracket(norm, start):
        return None  # (an unclosed bracket, the cell cut inside it, holds the cell's own words: 年度目标(1700公里)
    if unit is not None and unit not in ("%", "百分点") and _each_follows(norm, end, hi):
        return None  # 4个结构性指标均实现10%以上增长: the count says how many must each reach the figure
    if (
        unit not in ("%", "百分点")
        and unit not in LEXICON.time_limit_units  # 收到所有文件后八个工作天内: a time limit, not scope
        and _scope_follows(norm, end, hi)
        and contains_any(norm[lo:start], LEXICON.scope_words)
        and not word_before(norm, start, _BEFORE_WORDS)
    ):
        return None
    comparator, comp_word = comparator_near(norm, lo, start, end, far=labelled or bare)
    if comp_word in ("控制在", "保持在", "稳定在") and contains_any(norm[lo:start] + fold(goal), LEXICON.keep_at_least):
        comparator = ">="  # 耕地保有量控制在18.18億畝: a stock kept at or above the figure
    if comparator is None and unit in LEXICON.time_limit_units and word_before(norm, start, LEXICON.next_words):
        comparator = "<="  # 于递交表格后的下一个工作天: by the next working day, a time limit
    if comparator is None and (unit in LEXICON.working_time_units or (
            (bare or labelled) and unit in LEXICON.time_limit_units)):
        comparator = "<="  # 簽發證明書 | 10個工作天: a pledge's time, a limit
    if comparator is None and (above := word_after(fold(q.text), 0, LEXICON.claim_above)) is not None:
        comparator, comp_word = ">", above  # 固定资产投资超1400亿元: the approximation mark is the comparator
    if comparator is None and (bare or labelled) and goal:
        # the comparator in the first column: 城镇登记失业率低于(%) | 4.3
        column = BRACKETED_RE.sub("", fold(goal)).rstrip()
        comparator, _word = comparator_near(column, 0, len(column), len(column), far=False)
    kind: Kind = "level"
    direction = None
    change_word = ""
    if not comp_word or comp_word in ("以上", "以内", "以下", "及以上", "或以上", "及以下", "之内", "左右", "上下"):
        direction, change_word = change_before(norm, start)
        if direction is not None and word_before(norm, start - len(change_word), LEXICON.new_things):
            direction, change_word = None, ""
    if direction is None and (m := _CHANGE_THEN_LABEL_RE.search(norm, lo, start)) is not None:
        # 排放量年度削减目标分别为1%, 增长目标为7%: the change the target label names
        direction = "up" if m.group(1) in LEXICON.increase else "down"
    if direction is None and comp_word and unit not in ("%", "百分点"):
        direction, change_word = _change_across_its_object(norm, lo, start - len(comp_word))
    if direction is None and goal and unit in ("%", "百分点") and (bare or only_a_label(norm[lo:start])):
        # 社会消费品零售总额增长(%) | 7.8%: the first column names the change its bare figure is
        column = BRACKETED_RE.sub("", fold(goal))
        if not contains_any(column, LEXICON.new_things):
            if contains_any(column, LEXICON.decrease) or (
                    value > 0 and contains_any(column, LEXICON.reduction_metrics) and not _names_a_rate(column)):
                direction, change_word = "down", ""  # 单位GDP能耗 | 3%左右: an amount to cut, by 3%
            elif contains_any(column, LEXICON.increase) or (
                    contains_any(column, LEXICON.growth_only_metrics) and not contains_any(column, LEXICON.keep_low)):
                direction, change_word = "up", ""  # 地区生产总值 | 年初目标(6.5%): an amount's percentage is its growth
    if direction is None and unit in ("%", "百分点"):
        sentence = norm[sentence_bounds(norm, start, end)[0] : start]
        if contains_any(sentence, LEXICON.growth_target_words):
            direction = "up"  # GDP增长目标…预期目标为“保8%、争9%”: the figures are the growth aimed at
    if direction is not None:
        kind = "change"
        comparator = comparator or ">="
    elif value < 0 and unit in ("%", "百分点"):
        kind, direction, value = "change", "down", -value  # 用电量 -6.5%: a fall of 6.5%
        comparator = ">=" if comparator in (None, ">=", "==") else comparator
    prefix = norm[lo:start]
    # The metric's own words decide (资金投入 under a 成本目标 heading is still a floor); the goal, where a
    # table's heading or first column holds the metric, only when the cell names none (LABELLING.md).
    context = (goal + prefix) if (bare or labelled) and len(_metric_words(prefix)) < 2 else prefix
    if norm.startswith(LEXICON.target_nouns_at_end, end) and goal:
        context = goal + prefix  # 空氣污染防治方案制定的14微克目標值 under PM2.5年平均濃度: the goal names the metric
    if comparator is None:
        if value == 0 or contains_any(context, LEXICON.keep_low):
            comparator = "<="
        elif names_standard(prefix) and (q.per is not None or prefix.endswith("为")):
            comparator = "=="  # 补助标准260元/辆 fixes it; a bare 600元/月/人 under a 低保标准 column is a floor
        elif q.per is not None and (prefix.endswith(LEXICON.exact_markers)
                                    or norm.startswith(tuple(LEXICON.standard_words), end)):
            comparator = "=="  # 按照2200元/户标准进行补贴: the rate the standard fixes
        else:
            comparator = ">="
    elif comp_word == "为" and kind != "change":
        # 规划期末目标为6.1% under 劣Ⅴ类水体比例: a target label before 为 leaves the metric to the goal
        named = (goal + prefix) if prefix[:-1].endswith(LEXICON.target_nouns_at_end) else prefix
        standard = names_standard(prefix + goal)
        comparator = "==" if standard else "<=" if contains_any(named, LEXICON.keep_low) else ">="
    about = _is_about(q, comp_word)
    if about and (not comp_word or comp_word in LEXICON.about_words) and direction != "down" and contains_any(
        context + norm[end:hi], LEXICON.keep_low
    ):  # (单位国内生产总值能耗降低2%左右 is a cut to reach: a floor)
        comparator = "<="  # 城镇调查失业率5.5%左右, 居民消费价格涨幅3%左右: a ceiling
    # The words of the target: the metric before the number, or after it when none stands before.
    metric_before = _strip_metric(prefix)
    after_word = word_after(norm, end, _AFTER_WORDS) or ""
    t_end = end + len(after_word)
    if len(metric_before) >= 2 or bare or labelled:
        t_start = lo + (len(prefix) - len(prefix.lstrip(" 、，,：:")))
        # keep it short: from a metric head (建制率, 投资额) when one stands close, else at most 12 characters
        if not (bare or labelled):
            t_start = max(t_start, start - max(12, len(comp_word) + len(change_word)))
            head = _metric_head(norm, t_start, start)
            if head is not None:
                t_start = head
            # nor a metric the lexicon names (社会消费品零售总额增长8%, not 售总额增长8%), nor a word begun a few
            # characters after a list mark or the clause's start (氮氧化物排放总量…, not 物排放总量…)
            t_start = next((a for a, b, _n in metric_mentions(norm[lo:start]) if a + lo < t_start < b + lo),
                           t_start - lo) + lo
            mark = max(norm.rfind(m, lo, t_start) for m in "、，,；;：: (（")
            word_lo = mark + 1 if mark >= 0 else lo
            if norm.startswith("其中", word_lo) and word_lo + 2 <= t_start:
                word_lo += 2  # (其中改扩建2处: the part's own words
            if 0 < t_start - word_lo <= _WORD_REACH and "\u4e00" <= norm[t_start - 1] <= "\u9fff":
                t_start = word_lo
        while t_start > lo and norm[t_start - 1].isascii() and norm[t_start - 1].isalnum():
            t_start -= 1  # do not cut a Latin word (GDP, PM2.5) in two
        metric = metric_before
    else:
        t_start = start - len(comp_word) - len(change_word) if comp_word or change_word else start
        t_start = max(lo, t_start)
        t_end = min(hi, max(t_end, end + 20))
        metric = _strip_metric(norm[end:hi])[:20]
    if bare and not metric:
        metric = goal
    text = indicator[t_start:t_end]
    return Target(
        text=text,
        span=(t_start, t_end),
        metric=(goal + metric) if (bare and metric != goal) else metric,
        kind=kind,
        comparator=comparator,
        value=value,
        unit=unit,
        quantity=q,
        direction="up" if direction == "up" else ("down" if direction == "down" else None),
        about=about,
    )


_NOT_METRIC_RE: Final = re.compile(r"[^\u4e00-\u9fff]")
_CELL_LABELS: Final = (
    *LEXICON.bare_target_labels, "绩效", "年初", "年度", "值", "为", "是", "达到", "不低于", "不少于")


def _metric_words(prefix: str) -> str:
    """The Chinese words of a cell before its figure once table labels (绩效目标值是, 年初指标值为) are gone."""
    words = prefix
    for label in _CELL_LABELS:
        words = words.replace(label, "")
    return _NOT_METRIC_RE.sub("", words)


def headcount_unit(norm: str, lo: int, q: Quantity) -> str | None:
    """农村贫困人口减少1000万以上, 减少1386万: a number of 万 or 亿 with no measure word after a noun that
    counts people is in 人 (``headcount_nouns``)."""
    if q.unit is not None or _WAN_RE.search(q.text) is None:
        return None
    # the noun before the number, or after it in the same clause (80万农村35—64岁妇女免费做“两癌”检查)
    after = norm[q.span[1] : min(len(norm), q.span[1] + _HEADCOUNT_AFTER)]
    after = after[: min((i for d in "，,；;。" if (i := after.find(d)) >= 0), default=len(after))]
    if contains_any(norm[lo : q.span[0]], LEXICON.headcount_nouns):
        return "人"
    return "人" if contains_any(after, LEXICON.headcount_nouns_after) else None


_HEADCOUNT_AFTER: Final = 10
_WAN_RE: Final = re.compile(r"\d\s*[万亿萬億]")


def _counted_by(goal: str) -> str | None:
    """The unit a first column's count noun gives its bare figures (学员人数 → 人), or None."""
    column = BRACKETED_RE.sub("", fold(goal)).rstrip(" 0123456789:：")
    for noun, unit in LEXICON.count_nouns:
        if column.endswith(noun):
            return unit
    return None


def _names_a_rate(metric: str) -> bool:
    """Whether a metric is a rate or a share (完工率, 满意度, 覆盖面, 比例): its bare figures are percentages."""
    metric = metric.rstrip(" :：(（)）")
    return any(metric.endswith(w) for w in LEXICON.rate_heads)


def _is_about(q: Quantity, comp_word: str) -> bool:
    """Whether a target's number is approximate: 7%左右, 约500人, 5.5%上下."""
    if comp_word in LEXICON.about_words:
        return True
    return any(q.text.endswith(w) or q.text.startswith(w) for w in LEXICON.about_words)


def milestone_objects(obj_text: str) -> tuple[str, ...]:
    """The works a milestone names: 市政管网、景观工程 → (市政管网, 景观)."""
    obj_text = _TIME_WORDS.sub("", obj_text)
    parts = []
    for raw in _OBJECT_SPLIT.split(obj_text):
        part = raw.strip(" ，,：:")
        part = part.removesuffix("并")  # 完成道路改造并通车: 并 joins the two stages
        described = _DESCRIBED_RE.match(part)
        if described and len(part) - described.end() >= 2:
            part = part[described.end() :]  # 总投资96亿元的山阳色河电站: the name follows
        while (lead := word_after(part, 0, LEXICON.object_lead_words)) is not None:
            part = part[len(lead) :]
        if part in LEXICON.generic_objects:
            continue  # 项目, 工程: names no particular work
        for g in LEXICON.generic_objects:
            if part.endswith(g) and len(part) > len(g):
                part = part[: -len(g)]
        part = part.strip(" ，,：:")
        if len(part) >= 2 and part not in LEXICON.generic_objects:  # 年度目标任务 → 年度: none either
            parts.append(part)
    return tuple(parts)


_DESCRIBED_RE: Final = re.compile(r"^[^的]*\d[^的]*的")


def _stage_hits(norm: str) -> list[tuple[int, int, str]]:
    """Milestone words, with runs such as 建成开放 or 建成并投入使用 joined into one (the later stage)."""
    hits: list[tuple[int, int, str]] = []
    for s, e, word in find_words(norm, LEXICON.milestone_words):
        if hits:
            ps, pe, pword = hits[-1]
            gap = norm[pe:s]
            if gap in ("", "并", "和", "及", "、", "并正式", "后"):
                later = word if LEXICON.stage_ranks.get(word, 0) >= LEXICON.stage_ranks.get(pword, 0) else pword
                hits[-1] = (ps, e, later)
                continue
        hits.append((s, e, word))
    return hits


def _milestones(indicator: str, norm: str, quantities: list[Quantity], goal: str) -> list[Target]:
    out: list[Target] = []
    # a stage word before 的 describes a thing (在1984年以前建成的临时房屋区), it sets no stage
    hits = [h for h in _stage_hits(norm) if norm[h[1] : h[1] + 1] != "的"]
    for k, (s, e, word) in enumerate(hits):
        lo, hi = clause_bounds(norm, s, e)
        if word in LEXICON.reference_stage_words and any(s2 < hi for s2, _e2, _w2 in hits[k + 1 :]):
            continue  # 年底前完成主体结构封顶: 完成 is the verb of the stage that follows
        # A stage verb that governs a number ("建成10个", "完成投资18200万元") is no milestone; a number in
        # brackets only describes the works (开工建设海塘安澜(南片海塘4.65公里)).
        # Nor does one that describes the works (总投资25亿元的东北亚食品产业园项目开工建设).
        if any(lo <= q.span[0] < hi and not in_brackets(norm, q.span[0]) and not _describes_works(norm, q)
               and not _numbered_name(norm, q) for q in quantities):
            continue
        obj_start = lo
        while obj_start < s and norm[obj_start] in " 、，,":
            obj_start += 1
        obj_text = norm[obj_start:s]
        marker = _LIST_MARKER_RE.match(obj_text)  # 1.保质保量完成道路建设: a list marker is no part of the works
        if marker:
            obj_start += marker.end()
            obj_text = obj_text[marker.end() :]
        # Skip words that start the clause ("确保", "力争", "按时") from the text kept.
        while (lead := word_after(obj_text, 0, LEXICON.object_lead_words)) is not None:
            obj_start += len(lead)
            obj_text = obj_text[len(lead) :]
        objects = milestone_objects(obj_text)
        t_end = e
        if not objects:
            # The works named after the stage word: 开工建设萧江塘河控制闸, 完成县应急广播指挥中心.
            objects = tuple(o for o in milestone_objects(BRACKETED_RE.sub("", norm[e:hi]).rstrip(" 。.；;"))
                            if not DIGIT_RE.search(_WHEN_OR_WHICH_RE.sub("", o))
                            and not contains_any(o, LEXICON.deadline_goal_words))
            if objects:
                tail = norm[e:hi].rstrip(" 。.；;")
                tail = _SCOPE_IN_BRACKETS_RE.sub("", tail)  # 开工建设海塘安澜(南片海塘4.65公里)
                t_end = e + len(tail)
        if word in LEXICON.reference_stage_words and not objects:
            continue  # 完成年度目标任务: a requirement by reference only, no target
        objects = objects or milestone_objects(goal)
        rank = LEXICON.stage_ranks.get(word)
        if rank is None:
            continue
        if word in LEXICON.reference_stage_words and t_end > e:
            # 完成方案设计, 完成施工招标: 完成 with a stage word in its object asks for that stage done
            inner = [h for h in find_words(norm[e:t_end], _STAGE_RANK_WORDS) if LEXICON.stage_ranks[h[2]] < rank]
            if inner:
                word = inner[-1][2]
                rank = LEXICON.stage_ranks[word]
        out.append(
            Target(
                text=indicator[obj_start:t_end],
                span=(obj_start, t_end),
                metric=(obj_text or goal) + word,
                kind="milestone",
                comparator=None,
                value=None,
                unit=None,
                stage=word,
                stage_rank=rank,
                objects=objects,
            )
        )
    return out


_STAGE_RANK_WORDS: Final = tuple(sorted(LEXICON.stage_ranks, key=len, reverse=True))
BRACKETED_RE: Final = re.compile(r"[(（][^()（）]*[)）]")
_LIST_MARKER_RE: Final = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[.、．)）]\s*")


def _numbered_name(norm: str, q: Quantity) -> bool:
    """A bare number that is part of a name (329国道北移工程): it counts nothing."""
    return q.unit is None and norm.startswith(LEXICON.numbered_name_heads, q.span[1])


def _describes_works(norm: str, q: Quantity) -> bool:
    """A figure of scope before 的 (总投资25亿元的…项目): it describes the works, it sets no work."""
    lo, _hi = clause_bounds(norm, q.span[0], q.span[1])
    return norm[q.span[1] : q.span[1] + 1] == "的" and contains_any(norm[lo : q.span[0]], LEXICON.scope_before)


_WHEN_OR_WHICH_RE: Final = re.compile(
    r"(?:19|20)\d{2}(?:\s*[/／\-—]\s*\d{2,4})?\s*(?:学年|年度|年)|第[一二三四五六七八九十百\d]+[项件条个届批期]"
    r"|[A-Za-z]+\d+|\d+\s*(?=" + "|".join(map(re.escape, LEXICON.numbered_name_heads)) + ")"
)  # a road or line's code (G312, 20号路, 329国道) is part of the name
_SCOPE_IN_BRACKETS_RE: Final = re.compile(r"\s*[(（][^()（）]*\d[^()（）]*[)）]\s*$")


_WORKS_LIST_RE: Final = re.compile(
    r"(?:有|包括|包含|分别是|分别为|为)(?P<items>[^。；;:：]{4,200}?)等\s*[\d一二三四五六七八九十两]+\s*个?(?:子项目|个子项|项目|项|处|座|条)")
_WORK_SPLIT_RE: Final = re.compile(r"、|和|及|以及|与")
_WORKS_LIST_LEADS: Final = ("有", "包括", "包含", "分别是", "分别为")
_LIST_COUNT_REACH: Final = 12


def _listed_works(indicator: str, norm: str) -> list[Target]:
    """The works an indicator lists and then counts (…工程有英山大桥、白合大桥…和维修英山至黄腊四级柏油路、
    县城桥东路等6个子项目): a milestone each, the work done. Empty when the indicator lists none."""
    m = _WORKS_LIST_RE.search(norm)
    if m is None:
        return []
    out: list[Target] = []
    items = m.group("items")
    cut = max((items.rfind(w) + len(w) for w in _WORKS_LIST_LEADS if w in items), default=0)
    pos = m.start("items") + cut  # 为民办实事路桥畅通工程有A、B: the list starts after the last lead
    for part in _WORK_SPLIT_RE.split(items[cut:]):
        start = norm.index(part, pos)
        pos = start + len(part)
        name = part.strip(" ，,")
        if not name:
            continue
        start += part.index(name)
        core = name
        for w in (*LEXICON.works_words, *LEXICON.action_words, "的"):
            core = core.replace(w, "")
        if len(core) < 2 or len(name) > _MAX_LISTED_WORK or DIGIT_RE.search(_WHEN_OR_WHICH_RE.sub("", name)):
            return []  # not a list of works' names
        out.append(Target(text=indicator[start : start + len(name)], span=(start, start + len(name)), metric=name,
                          kind="milestone", comparator=None, value=None, unit=None, stage="完工",
                          stage_rank=LEXICON.stage_ranks.get("完工", 90), objects=(core,)))
    return out if len(out) >= 2 else []


_MAX_LISTED_WORK: Final = 24


_QUOTED_NAME_RE: Final = re.compile("[“「‘][^”」’]{1,12}[”」’]")


_RATE_RIGHT_BEFORE_RE: Final = re.compile(r"[\u4e00-\u9fff]{2,}率(?:为|达到|达|控制在|保持在|不超过|不低于)?\s*$")
_LATIN_NAME_RE: Final = re.compile(r"[0-9]*[A-Za-z][A-Za-z0-9.]*")  # 5G, 4K, PM2.5, G20: names, not figures


def named_work(indicator: str, norm: str, goal: str) -> Target | None:
    """An indicator that only names a work to carry out (农村供水保障提升工程, “老旧小区改造项目”) is a
    milestone: the work done. One that names a state to reach (义务教育学生营养餐实现全覆盖) likewise.
    Vague ones (深化…工作, 完善…机制) name no target."""
    core = norm.strip(" 。.；;，,“”\"'‘’「」")
    bare = BRACKETED_RE.sub("", core)  # (2013—2017年), (zhǔn): asides and mirror noise, not the name
    # the school or calendar year it is due in and its place in a list say when and which, not how much
    bare = _WHEN_OR_WHICH_RE.sub("", bare)
    if not core or len(bare) > LEXICON.named_work_max_chars or DIGIT_RE.search(
            _LATIN_NAME_RE.sub("", _QUOTED_NAME_RE.sub("", bare))):
        return None  # a figure makes it no bare name, unless inside a quoted or Latin name (“1+3”清单, 5G, PM2.5)
    if any(d in bare for d in "，,；;。"):
        return None
    if word_after(bare, 0, LEXICON.vague_verbs) is not None:
        return None
    if any(bare.endswith(w) for w in LEXICON.vague_endings):
        return None
    state = next((w for w in LEXICON.state_words if w in bare), None)
    works = next((w for w in LEXICON.works_words if w in bare), None)
    act = min((i for w in LEXICON.action_words if (i := core.find(w)) >= 0
               and word_after(core, i + len(w), LEXICON.act_not_before) is None), default=-1)  # not 确定的任务
    if state is None and works is None and act < 0:
        return None
    start = norm.index(core)
    end = start + len(core)
    if act > 0 and not any(w in core[:act] for w in (*LEXICON.works_words, *LEXICON.state_words)):
        start += act  # 至于第三项的“2024/25学年设立教师专业发展基金”: the act and its object
    name = norm[start:end]
    opened = sum(name.count(q) for q in OPEN_QUOTES if q != '"') > sum(name.count(q) for q in CLOSE_QUOTES if q != '"')
    if opened and norm[end : end + 1] in CLOSE_QUOTES:
        end += 1  # 推行“河长制”: the quote the name opened closes it
    # The indicator is the one work (or state) of the row: its progress speaks of it as a whole.
    objects: tuple[str, ...] = ()
    return Target(
        text=indicator[start:end],
        span=(start, end),
        metric=core,
        kind="milestone",
        comparator=None,
        value=None,
        unit=None,
        stage="实现" if state is not None else "完工",
        stage_rank=LEXICON.stage_ranks.get("完成", 90),
        objects=objects,
    )
