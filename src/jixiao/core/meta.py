"""Reading a disclosure's metadata from its title and header lines: organisation, year, period, date."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from jixiao.core.lexicon import LEXICON
from jixiao.core.model import Disclosure, ReadWarning
from jixiao.core.quantities import fold
from jixiao.core.textutil import strip_pinyin

# 2016年; a fiscal or school year (2017-18年度, 2024/25学年) is its first year (LABELLING.md).
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*(?:[-/／]\s*\d{2}(?!\d)\s*)?(?:年|学年|學年)")
_DATE_RE = re.compile(
    r"((?:19|20)\d{2})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})\s*日?"
)


def parse_date(text: str) -> date | None:
    """The first calendar date in ``text`` (2017年01月09日, 2017-01-09, 2017/1/9), or None."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def year_of(title: str) -> int | None:
    m = _YEAR_RE.search(title)
    return int(m.group(1)) if m else None


_CN_MONTHS: Final = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                      "十一": 11, "十二": 12}
_MONTH: Final = r"(\d{1,2}|十[一二]?|[一二两三四五六七八九])"  # 两 in 前两个月
# 1-10月, 1至10月份, 1—9月: the months from January; 前八月, 前8个月; 截至10月31日, 截止11月底; 9月份进展.
_MONTH_RANGE_RE: Final = re.compile(r"(?<!\d)(?:1|一)\s*(?:月份?)?\s*(?:-|—|–|~|～|至|到)\s*" + _MONTH + r"\s*月")
_FIRST_MONTHS_RE: Final = re.compile(r"前\s*" + _MONTH + r"\s*(?:个)?\s*月")
_CUTOFF_RE: Final = re.compile(r"(?:截至|截止到|截止至|截止)\s*(?:(?:19|20)\d{2}\s*年)?\s*" + _MONTH + r"\s*月")
# 完成情况进度表(五月份): the month a monthly table reports, in brackets after its name
_BRACKETED_MONTH_RE: Final = re.compile(r"[(（]\s*" + _MONTH + r"\s*月份?\s*[)）]")
_MONTH_REPORT_RE: Final = re.compile(
    r"(?<!\d)" + _MONTH + r"\s*月份?\s*(?:的)?(?:民生|重点|工作|项目)?[^，,。]{0,8}?"
    r"(?:进展|进度|推进情况|完成情况)")


# 2018年6月民生实事进展情况, 审计署2015年10月…跟踪审计: the month of the title's own year the report stands at
# (not the start of a span, 2019年1月至…, nor a day, 2015年10月8日)
_YEAR_MONTH_RE: Final = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年\s*" + _MONTH + r"\s*月份?(?!\s*(?:[\d日号初中旬上下]|-|—|–|~|～|至|到))")


def month_number(text: str) -> int | None:
    """A month written in digits or Chinese numerals (10, 十, 十一), or None."""
    m = int(text) if text.isdigit() else _CN_MONTHS.get(text)
    return m if m is not None and 1 <= m <= 12 else None


def _cutoff_month(title: str) -> int | None:
    """The month a title's figures run to: 1-10月, 前八月, 截至10月31日, 9月份进展情况, 进度表(五月份) → 10, 8,
    10, 9, 5."""
    for rx in (_MONTH_RANGE_RE, _FIRST_MONTHS_RE, _CUTOFF_RE, _MONTH_REPORT_RE, _BRACKETED_MONTH_RE):
        m = rx.search(title)
        if m:
            return month_number(m.group(1))
    m = _YEAR_MONTH_RE.search(title)
    if m and int(m.group(1)) == year_of(title):  # not a later publication month (2022年度…自评 2023年3月)
        return month_number(m.group(2))
    return None


def _title_words(title: str) -> str:
    """A title as the word lists are written: folded, a mirror site's pinyin gone (序時進(jìn)度 → 序时进度)."""
    return strip_pinyin(fold(title))[0]


def _has_in_year_cue(words: str) -> bool:
    return any(w in words for w in LEXICON.in_year_cues)


def period_of(title: str) -> str | None:
    """The reporting period the title names, normalised (一季度, 上半年, 前三季度, 截至10月, 全年 ...).

    A cut-off before December (1-10月, 截至10月底, 前八月) is ``截至MM月``; one in December is the year.
    Traditional characters read as simplified (前11個月)."""
    title = _title_words(title)
    named = None
    cue = _has_in_year_cue(title)  # 提前完成全年任务: 全年 is the target, not the span
    spoken = _without_intended_times(title)
    for spelling, period in () if cue else LEXICON.period_spellings:
        if spelling in spoken:
            named = period
            break
    if named not in (None, "全年"):
        return named  # a quarter or a half named outright wins over a cut-off date beside it
    month = _cutoff_month(title)
    if month is not None:
        return "全年" if month == 12 else f"截至{month}月"
    return named


def _without_intended_times(title: str) -> str:
    """台鐵準點率新制…目標上半年實施, 西安年底將迎新變化: a period right after a word of intent, or right before one
    (将, 前), is when something is to happen, not the span the report covers; it is blanked out (longest spellings
    first, so 半年 of it goes too)."""
    out = title
    for spelling, _period in LEXICON.period_spellings:
        i = out.find(spelling)
        while i >= 0:
            if out[max(0, i - _PLAN_WORD_REACH) : i].endswith(LEXICON.intent_before_period) or out.startswith(
                    LEXICON.intent_after_period, i + len(spelling)):
                out = out[:i] + " " * len(spelling) + out[i + len(spelling) :]
            i = out.find(spelling, i + 1)
    return out


_PLAN_WORD_REACH: Final = 4


def is_in_year(period: str | None) -> bool:
    """Whether a period ends before the year does (its progress is measured against annual targets)."""
    return period is not None and (period in IN_YEAR_NAMED or period.startswith("截至"))


IN_YEAR_NAMED: Final = frozenset({"一季度", "二季度", "上半年", "三季度", "前三季度"})


_CUTOFF_PERIOD_RE: Final = re.compile(r"截至(\d{1,2})月")
# The last month each named period covers; the standard periods (those a report is filed under), in order.
_NAMED_END_MONTH: Final = {"一季度": 3, "二季度": 6, "上半年": 6, "三季度": 9, "前三季度": 9, "全年": 12}
_STANDARD_PERIODS: Final = ("一季度", "上半年", "前三季度", "全年")


def period_end_month(period: str | None) -> int | None:
    """The last month a period covers (一季度 3, 上半年 6, 前三季度 9, 截至10月 10, 全年 12), or None."""
    if period is None:
        return None
    m = _CUTOFF_PERIOD_RE.fullmatch(period)
    return int(m.group(1)) if m else _NAMED_END_MONTH.get(period)


_DUE_BY_MONTH_RE: Final = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(?:底|末|份)?\s*(?:前|以前|之前)")


def due_month(text: str) -> int | None:
    """The month a requirement is due by in the year itself (10月底前必须完成 → 10), or None."""
    m = _DUE_BY_MONTH_RE.search(text)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 12 else None


def standard_period(stated: str | None) -> str:
    """The standard reporting period a document's own period is filed under: a named one as it is; a
    cut-off (截至10月) under the last period it covers in full (前三季度; before June, 一季度); anything else,
    or none, under 全年."""
    if stated in IN_YEAR_NAMED or stated == "全年":
        return stated
    m = _CUTOFF_PERIOD_RE.fullmatch(stated or "")
    if not m:
        return "全年"
    month = int(m.group(1))
    covered = [p for p in _STANDARD_PERIODS if _NAMED_END_MONTH[p] <= month]
    return covered[-1] if covered else "一季度"


def organization_of(title: str) -> str | None:
    """The issuing body, when the title starts with it (杭州市总工会2016年… → 杭州市总工会)."""
    m = _YEAR_RE.search(title)
    if m and m.start() > 0:
        org = title[: m.start()].strip(" 　:：-—")
        return org or None
    # "2021年林业局部门整体支出…": the body named right after the year, up to its suffix.
    if m:
        rest = title[m.end():]
        for suffix in LEXICON.organization_suffixes:
            i = rest.find(suffix)
            if 0 < i <= 20:
                return rest[: i + len(suffix)]
    return None


# A date as deadline rows write it: 2019年, 2021年4月15日, 2023年12月底, 2021.1.1, 2021-04-15, 12.31 (after a
# dotted date, in a range 2021.1.1-12.31).
DUE_RE: Final = re.compile(
    r"(?<!\d)(?:"
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?)?"
    r"|(?P<y2>(?:19|20)\d{2})[.\-/](?P<m2>\d{1,2})[.\-/](?P<d2>\d{1,2})(?!\d)"
    r"|(?<=[\-—~～至到])\s*(?P<m3>\d{1,2})[.\-/](?P<d3>\d{1,2})(?![\d.])"
    r"|(?P<m4>\d{1,2})\s*月\s*(?:(?P<d4>\d{1,2})\s*日)?"
    r")")


def parse_due(text: str) -> tuple[int, int, int] | None:
    """The latest point a date expression names, as (year, month, day), 0 for a year it leaves out:
    2019年 → (2019, 12, 31); 2023年12月底 → (2023, 12, 31); 2021年4月15日 → (2021, 4, 15); the end of a
    range (2021.1.1-12.31 → (2021, 12, 31)); 9月前 → (0, 9, 31). None when no date is written."""
    last: tuple[int, int, int] | None = None
    year = 0
    for m in DUE_RE.finditer(text):
        y = m.group("y") or m.group("y2")
        if y:
            year = int(y)
        mo = m.group("m") or m.group("m2") or m.group("m3") or m.group("m4")
        d = m.group("d") or m.group("d2") or m.group("d3") or m.group("d4")
        month = int(mo) if mo else 12
        day = int(d) if d else 31
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        last = (year, month, day)
    return last


def infer_period(disclosure: Disclosure) -> Disclosure:
    """A title that names no period, on a disclosure whose progress texts open with a cut-off during the
    year (到11月12日,…; 2022年一季度,…) and none with the year's end, reports progress to the latest such
    cut-off; failing that, one published during the year it reports on (by October) reports progress to
    the months before publication. Either way with a warning saying so. The title's period, where it names
    one, always wins (LABELLING.md, Periods)."""
    d = disclosure
    if d.year is None and d.published is not None:
        d.year = _roc_year(d.title, d.published.year)
        if d.year is not None:
            d.warnings.append(ReadWarning(
                "year", f"the title's year is written in the Minguo calendar; read as {d.year}"))
    words = _title_words(d.title)
    named = period_of(d.title)
    weak = named == "全年" and not any(w in words for w in LEXICON.full_year_words)
    if (named is not None and not weak) or d.period not in (None, "全年"):
        return d
    openings = [report_cutoff(r.progress) for r in d.rows]
    found = [p for p in openings if p is not None]
    if weak and (not openings or openings[0] is None):
        return d  # 年度招商引资工作 names the year's work: only a report that opens with its cut-off outweighs it
    if found and not any(_opens_with_the_year(r.progress) for r in d.rows):
        d.period = max(found, key=lambda p: period_end_month(p) or 0)
        d.warnings.append(ReadWarning(
            "period", f"the title names no period; read as {d.period}, from the progress texts' own cut-off"))
        return d
    if d.published is None or _made_at_the_years_start(words):
        return d
    year = d.year
    cue = _has_in_year_cue(words) or any(w in words for w in LEXICON.going_cues)
    if year is None and cue:
        year = d.published.year  # 河北省超半数民心工程建设超序时进度: this year's work, reported as it goes
    if year is None and _NO_YEAR_IN_YEAR_FROM <= d.published.month <= 10 and not _names_the_year_before(d):
        # 黄石晒出“十件实事”清单 (published 2023-08-02), no year named anywhere: a report made during the
        # year; a year-end report comes out by the next spring, and names its year
        year = d.published.year
    if year is None:
        return d
    so_far = any(w in words for w in LEXICON.so_far_cues)
    if d.published.year == year and (2 if not cue else 1) <= d.published.month <= (12 if so_far else 10):
        # (a title that says it reports so far, 迄今 or 截至目前, is in-year whenever it came out; one with any cue
        # from January, 去冬今春规划造林 published on 6 January)
        d.period = f"截至{max(1, d.published.month - 1)}月"
        d.year = d.year or year
        d.warnings.append(ReadWarning(
            "period", f"the title names no period; read as {d.period}, from the publication date {d.published}"))
    return d


_NO_YEAR_IN_YEAR_FROM: Final = 5  # April still brings reports on the season or year before


def _roc_year(title: str, published: int) -> int | None:
    """A title's year in the Minguo calendar (114年 = 2025), read only where it falls in the year of
    publication or the one before (100年 in another title is a centenary)."""
    for m in _ROC_YEAR_RE.finditer(title):
        year = int(m.group(1)) + _ROC_OFFSET
        if published - 1 <= year <= published:
            return year
    return None


_OPENING_YEAR_RE: Final = re.compile(r"\s*(?:到|至|在)?\s*((?:19|20)\d{2}|1[0-2]\d)\s*年(?!度?(?:以来|来))")
_ROC_REACH: Final = 15  # a year this far after the report's is a deadline, not a name (100年 a centenary)
_ROC_YEAR_RE: Final = re.compile(r"(?<![\d.])(1[0-2]\d)\s*(?:年|學年|学年)")
_ROC_OFFSET: Final = 1911


def _names_the_year_before(d: Disclosure) -> bool:
    """Whether the title or a row names a year before publication (2019—2020年秋冬季, 2008年): the report
    may be of that year (an audit of an earlier year, a season that ended in spring)."""
    assert d.published is not None
    first = d.published.year
    return any(_year_value(m.group(1)) < first for text in (d.title, *(r.indicator + r.progress for r in d.rows))
               for m in _ANY_YEAR_RE.finditer(fold(text)))


_ANY_YEAR_RE: Final = re.compile(
    r"(?<![\d〇零一二三四五六七八九])((?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3})(?=年|\s*[-—–~至])")
_YEAR_DIGITS: Final = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _year_value(text: str) -> int:
    """2019 or 二〇二〇 as a number."""
    return int(text.translate(_YEAR_DIGITS))


def _made_at_the_years_start(words: str) -> bool:
    return any(w in words for w in LEXICON.year_start_titles) and not any(w in words for w in LEXICON.year_start_not)


def progress_period(progress: str) -> str | None:
    """The in-year period a progress text opens with (2022年一季度,…; 前二季度累计…; 截至9月底,…; 到11月12日,…),
    or None."""
    norm = fold(progress).lstrip()
    own = _opening_period(norm)
    cut = _OPENING_CUTOFF_RE.match(norm)
    if own is None and cut is not None and 1 <= int(cut.group(1)) < 12:
        own = f"截至{int(cut.group(1))}月"  # 到11月12日,…: figures to a day of November
    return own if is_in_year(own) else None


def _this_years_month_end(progress: str) -> str | None:
    """…的平均輪候時間在今年6月底為362日: the first clause dates its figure to the end of a month of this year."""
    norm = fold(progress).lstrip()
    first = _FIRST_CLAUSE_RE.match(norm)
    m = _THIS_YEARS_MONTH_END_RE.search(first.group(0) if first else norm[:_OPENING])
    month = month_number(m.group(1)) if m else None
    return f"截至{month}月" if month is not None and month < 12 else None


_THIS_YEARS_MONTH_END_RE: Final = re.compile(r"(?:今年|本年)\s*" + _MONTH + r"\s*月(?:底|末)")


def report_cutoff(progress: str) -> str | None:
    """The in-year period a progress text opens with when it dates the report (到11月12日,…; 上半年,…;
    2022年一季度,…), not the span of a statistic (1-11月固定资产投资增长6.3%, 截止11月份规上工业增加值…:
    a year-end report gives such figures when nothing later is out), or None."""
    own = progress_period(progress)
    if own is None:
        return _this_years_month_end(progress)
    norm = fold(progress).lstrip()
    if _OPENING_DAY_RE.match(norm) or any(w in norm[:_OPENING] for w in _NAMED_PARTS):
        return own
    if _TIME_ALONE_RE.match(norm):
        return own  # 今年1到10月,开发区招商引资到位资金…: a clause of the months alone dates the report
    return None


# 今年1到10月, / 2018年1-10月份, : the report's months alone in its first clause (not 1-11月固定资产投资增长6.3%)
_TIME_ALONE_RE: Final = re.compile(
    r"(?:今年|本年|(?:19|20)\d{2}\s*年)?\s*(?:1|一)\s*(?:月份?)?\s*(?:-|—|–|~|～|至|到)\s*"
    + _MONTH + r"\s*月份?\s*(?:以来|累计)?\s*[,，]")


_OPENING_DAY_RE: Final = re.compile(
    r"(?:到|至|截至|截止到?)\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]|底|末)"
)  # 到11月12日, 截止9月底: the day or the month's end the report is made to (not 截止11月份规上工业…)
_NAMED_PARTS: Final = ("季度", "半年")


def _opens_with_the_year(progress: str) -> bool:
    return _opening_period(fold(progress).lstrip()) == "全年"


def _opening_period(norm: str) -> str | None:
    """The period the first clause of a (folded, left-stripped) progress text names."""
    first = _FIRST_CLAUSE_RE.match(norm)
    if first is not None and first.group(0).strip() in LEXICON.opening_fillers:
        # 目前,全区181个重大项目上半年完成投资86.97亿元: a word of time alone opens it; the period is in the next clause
        rest = norm[first.end() + 1 :].lstrip()
        first = _FIRST_CLAUSE_RE.match(rest)
        return period_of(first.group(0) if first else rest[:_OPENING])
    return period_of(first.group(0) if first else norm[:_OPENING])


_OPENING_CUTOFF_RE: Final = re.compile(r"(?:到|至|截至|截止到?)\s*(?:(?:19|20)\d{2}\s*年\s*)?(\d{1,2})\s*月")
_FIRST_CLAUSE_RE: Final = re.compile(r"[^，,;；。：:]{1,40}")
_OPENING: Final = 40


def note_gaps(disclosure: Disclosure) -> Disclosure:
    """Add a warning for each metadata field the document leaves empty (once per field); returns it."""
    have = {w.field for w in disclosure.warnings}
    gaps = (
        ("title", not disclosure.title.strip(), "the document has no title"),
        ("organization", not disclosure.organization, "no issuing unit found in the title"),
        ("year", disclosure.year is None, "no year found in the title"),
        ("published", disclosure.published is None, "no publication date (发布时间) given"),
    )
    for name, missing, message in gaps:
        if missing and name not in have:
            disclosure.warnings.append(ReadWarning(name, message))
    return disclosure


_YEAR_SPAN_RE: Final = re.compile(r"((?:19|20)\d{2})\s*(?:年度?)?\s*(?:-|—|–|~|～|至|到)\s*((?:19|20)?\d{2})\s*年")
_BY_YEAR_RE: Final = re.compile(
    r"(?:到|至|于|在)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年\s*(?:底|末)?\s*(?:前|以前|之前)")
# A five-year plan named by its number (十一五 … 十五五): it ends in 2010, 2015 … 2030.
_PLAN_PERIOD_RE: Final = re.compile(r"十([一二三四五])五")
_PLAN_END: Final = {"一": 2010, "二": 2015, "三": 2020, "四": 2025, "五": 2030}
# A span of years to reach a target (三年内, 5年之内), never the tail of a calendar year (2023年内).
_WITHIN_YEARS_RE: Final = re.compile(r"(?<![\d.])([两二三四五六七八九十]|[2-9]|\d{2})\s*年(?:内|之内|时间|期间)")


def plan_ends_after(text: str, year: int | None) -> bool:
    """Whether the text names a five-year plan (十三五, 十四五 …) that ends after ``year``."""
    return year is not None and any(_PLAN_END[m.group(1)] > year and not _places_the_year(text, m.end())
                                    for m in _PLAN_PERIOD_RE.finditer(text))


def reviews_a_plan_midway(title: str) -> bool:
    """《“十三五”生态环境保护规划》中期评估: a mid-term review of a five-year plan reports before the plan's end,
    whatever year it is made in."""
    return _PLAN_PERIOD_RE.search(title) is not None and any(w in title for w in LEXICON.midterm_words)


def _places_the_year(text: str, end: int) -> bool:
    """今年是“十四五”开局之年: the words after a plan's name say which of its years the report's year is."""
    after = text[end : end + _PLAN_YEAR_REACH].lstrip(_QUOTE_CHARS).removeprefix("规划").removeprefix("的")
    return after.startswith(LEXICON.plan_year_words)


_PLAN_YEAR_REACH: Final = 12


_TO_YEAR_RE: Final = re.compile(r"(?:到|至)\s*((?:19|20)\d{2})\s*年")
_QUOTE_CHARS: Final = "”“\"'」「》《"


def names_the_deadline(text: str, year: int | None) -> bool:
    """Whether a claim's clause is about a year after ``year`` or a five-year plan's whole period (到2015年…可达到
    2.9万亿元; “十二五”时期…年均增速将达到11%左右): a projection to the requirement's deadline, judged as its result."""
    if year is None:
        return False
    if any(int(m.group(1)) > year for m in _TO_YEAR_RE.finditer(text)):
        return True
    for m in _PLAN_PERIOD_RE.finditer(text):
        after = text[m.end():m.end() + 4].lstrip(_QUOTE_CHARS)
        if _PLAN_END[m.group(1)] > year and after.startswith(LEXICON.plan_span_words):
            return True
    return False


def deadline_after(text: str, year: int | None) -> bool:
    """Whether a requirement's deadline falls after the year it is reported for (LABELLING.md: 三年内采用三项,
    (2013—2017年), 到2025年): a figure below it is progress, not a shortfall."""
    if _WITHIN_YEARS_RE.search(text):
        return True
    if year is None:
        return False
    if plan_ends_after(text, year):
        return True  # “十三五”期间, 十四五规划目标: due at the five-year plan's end (2020, 2025)
    for m in _YEAR_SPAN_RE.finditer(text):
        end = m.group(2)
        end_year = int(end) if len(end) == 4 else int(m.group(1)[:2] + end)
        if end_year > year:
            return True
    if any(int(m.group(1) or m.group(2)) > year for m in _BY_YEAR_RE.finditer(text)):
        return True
    # a target that opens with its own year (2025年太阳光电…达20GW, 114年…累計設置量達20GW)
    opening = _OPENING_YEAR_RE.match(text)
    if opening is None:
        return False
    own = int(opening.group(1)) if len(opening.group(1)) == 4 else int(opening.group(1)) + _ROC_OFFSET
    return year < own <= year + _ROC_REACH
