"""Reading Chinese numbers and quantities in running text.

``find_quantities(text)`` returns every number with its unit, in order, normalised (万/亿 multiplied
out, Chinese numerals read by cn2an), each with its exact words and span in ``text``. Dates, times,
phone numbers, ordinals, names (G20, 3+1, “十三五”, 《…》) and numeral words (一次性, 十分) are left out;
a bare Chinese numeral (一是, 五好) is a word, not a figure, unless it carries 万/亿 or is 零点…. Bare
Arabic figures are returned with ``unit=None`` so that callers decide (a table of bare figures needs
them); list markers are not.

The word lists live in the ``[numbers]`` section of ``data/lexicon.toml`` (docs/numbers.md). Reading one
number is: an approximation mark or a currency before it (约, 近, 人民币), a sign (-, 负), the number
(Arabic, 零点5, Chinese with 廿/卅 and the financial 壹贰叁, a fraction 三分之一 or 百分之九十六, or a lone
multiplier 近万 / 千余), then after it, one space allowed: 余/多, a multiplier (万, 亿, k, w) with a
shortened or compound tail (2万5, 2亿3000万), 余/多 again, a unit (元, 人次, 个百分点, kg) with 半
(3斤半, 一个半月), a rate denominator (/月, /辆), 整 after money and 左右.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, Final

import cn2an
import opencc

from jixiao.core.results import Quantity


def _traditional_pairs() -> dict[str, str]:
    """Each traditional character OpenCC (t2s) converts to one simplified character: 國 → 国, 實 → 实.

    The characters are converted one at a time (one per line, so no phrase rule joins two), which keeps
    folding one character for one character; phrase-level choices do not matter for matching words."""
    blocks = (range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00))
    chars = [chr(c) for block in blocks for c in block]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen; fold nothing rather than misalign
        return {}
    return {a: b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


# Character-for-character folding, so spans in the folded text are spans in the original: full-width
# forms to half-width, traditional characters to simplified (OpenCC), and a few odd dashes and marks.
_FOLD_PAIRS: Final = _traditional_pairs()
_FOLD_PAIRS.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})
_FOLD_PAIRS.update({
    "\u3000": " ", "個": "个", "萬": "万", "億": "亿", "兩": "两", "點": "点", "．": ".", "餘": "余",
    "幾": "几", "們": "们", "項": "项", "場": "场", "戶": "户", "張": "张", "輛": "辆", "條": "条",
    "處": "处", "間": "间", "臺": "台", "歲": "岁", "廠": "厂", "噸": "吨", "畝": "亩", "﹪": "%",
    "﹣": "-", "‐": "-", "‑": "-", "–": "-", "−": "-", "\u00a0": " ", "￥": "¥",
})
_NEEDS_FOLD: Final = re.compile("[" + re.escape("".join(_FOLD_PAIRS)) + "]")


def _numbers_lexicon() -> dict[str, Any]:
    text = resources.files("jixiao.core").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    section: dict[str, Any] = tomllib.loads(text)["numbers"]
    return section


class _Words:
    """A word list looked up at a position: one dict lookup on the first (or last) character; where several
    words share it, one more on the first (or last) two characters, then those candidates longest first."""

    __slots__ = ("_by_first", "_by_last", "_by_last_two", "_by_two", "_ordered", "_singles")

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
        by_first: dict[str, list[str]] = {}
        by_last: dict[str, list[str]] = {}
        by_two: dict[str, list[str]] = {}
        by_last_two: dict[str, list[str]] = {}
        for w in ordered:
            by_first.setdefault(w[0], []).append(w)
            by_last.setdefault(w[-1], []).append(w)
            if len(w) >= 2:
                by_two.setdefault(w[:2], []).append(w)
                by_last_two.setdefault(w[-2:], []).append(w)
        self._ordered = tuple(ordered)
        self._by_first = {k: tuple(v) for k, v in by_first.items()}
        self._by_last = {k: tuple(v) for k, v in by_last.items()}
        self._by_two = {k: tuple(v) for k, v in by_two.items()}
        self._by_last_two = {k: tuple(v) for k, v in by_last_two.items()}
        self._singles = frozenset(w for w in ordered if len(w) == 1)

    def at(self, s: str, p: int) -> str | None:
        """The longest word of the list that starts at ``p``."""
        c = s[p : p + 1]
        cands = self._by_first.get(c)
        if cands is None:
            return None
        if len(cands) == 1:
            w = cands[0]
            return w if s.startswith(w, p) else None
        longer = self._by_two.get(s[p : p + 2])
        if longer is not None:
            for w in longer:
                if len(w) == 2 or s.startswith(w, p):
                    return w
        return c if c in self._singles else None

    def before(self, s: str, p: int) -> str | None:
        """The longest word of the list that ends at ``p``."""
        if p <= 0:
            return None
        c = s[p - 1]
        cands = self._by_last.get(c)
        if cands is None:
            return None
        if len(cands) == 1:
            w = cands[0]
            return w if s.endswith(w, 0, p) else None
        if p >= 2:
            longer = self._by_last_two.get(s[p - 2 : p])
            if longer is not None:
                for w in longer:
                    if len(w) == 2 or s.endswith(w, 0, p):
                        return w
        return c if c in self._singles else None

    def words(self) -> list[str]:
        return list(self._ordered)


_NUM: Final = _numbers_lexicon()
_ASCII_LETTER_CHARS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# Units written in ASCII (kg, km, m²) are read as a whole ASCII word after Arabic digits; the others by
# the word matcher. unit_spellings maps every other spelling to the canonical one (千米 → 公里, kg → 公斤).
_ASCII_UNITS: Final = frozenset(w for w in _NUM["counts"] if w[0] in _ASCII_LETTER_CHARS)
_UNITS: Final = _Words([*_NUM["money"], *_NUM["percent"], *[w for w in _NUM["counts"] if w not in _ASCII_UNITS]])
_UNIT_CANON: Final = {str(a): str(b) for a, b in _NUM["unit_spellings"]}
_MONEY_CANON: Final = frozenset(_UNIT_CANON.get(w, w) for w in _NUM["money"])
_PERCENT_UNITS: Final = frozenset(_NUM["percent"])
_UNIT_BLOCKERS: Final = _Words(_NUM["unit_word_blockers"])
# The character after a one-character unit in them (部署: 署): only then is the list looked at.
_UNIT_BLOCKER_NEXT: Final = frozenset(w[1] for w in _NUM["unit_word_blockers"] if len(w) > 1)
_MONEY_PREFIX: Final = _Words(_NUM["money_prefix"])
_MONEY_PREFIX_LAST: Final = frozenset(w[-1] for w in _NUM["money_prefix"])
_MONEY_CLOSE: Final = frozenset(_NUM["money_close"])
_MONEY_FRACTIONS: Final = {str(k): float(v) for k, v in _NUM["money_fractions"].items()}
_MULTIPLIERS: dict[str, int] = {str(k): int(v) for k, v in _NUM["multipliers"].items()}
_MULTIPLIER_WORDS: Final = _Words(_MULTIPLIERS)
_BY_VALUE: Final = {v: k for k, v in _MULTIPLIERS.items()}
_ASCII_MULTIPLIERS: Final = {str(k): int(v) for k, v in _NUM["ascii_multipliers"].items()}
_ASCII_MULTIPLIERS_ALONE: Final = frozenset(_NUM["ascii_multipliers_alone"])
_NUMERAL_SPELLINGS: Final = {str(k): str(v) for k, v in _NUM["numeral_spellings"].items()}
_FINANCIAL: Final = {str(k): str(v) for k, v in _NUM["financial_numerals"].items()}
_NUMERAL_TABLE: Final = str.maketrans({**_NUMERAL_SPELLINGS, **_FINANCIAL, "〇": "零"})
_FIN_BLOCKERS: Final = _Words(_NUM["financial_word_blockers"])
_HALF: Final = str(_NUM["half"])
_HALF_OK_AFTER: Final = _Words(_NUM["half_word_ok_after"])
_HALF_BLOCKERS: Final = _Words(_NUM["half_word_blockers"])
_MINUS_WORDS: Final = _Words(_NUM["minus_words"])
_MINUS_LAST: Final = frozenset(w[-1] for w in _NUM["minus_words"])
_MINUS_BLOCKERS: Final = _Words(_NUM["minus_word_blockers"])
_APPROX_PREFIX: Final = _Words(_NUM["approx_prefix"])
_APPROX_PREFIX_NOT: Final = _Words(_NUM["approx_prefix_not"])
_VAGUE_BEFORE: Final = _Words(_NUM["vague_before"])
_TIME_DENOMINATORS: Final = frozenset(_NUM["time_denominators"])
_PER_WORDS: Final = _Words([*_NUM["time_denominators"], *_NUM["counts"], *_NUM["money"]])
# A rate per an amount of money (0.305吨标准煤/万元): its size is a multiplier alone; 50万元/100万元 is done
# against planned, no rate.
_MONEY_WORDS: Final = frozenset(_NUM["money"])
_NOT_UNITS_AFTER: Final = _Words(_NUM["not_units_after"])
_NOT_QUANTITY_BEFORE: Final = _Words(_NUM["not_quantity_before"])
_LABEL_BEFORE: Final = _Words(_NUM["label_before"])
_NAMES_AFTER: Final = _Words(_NUM["names_after"])
_NUMERAL_WORDS: Final = _Words(_NUM["numeral_word_blockers"])
_NUMERAL_UNIT_WORD_AFTER: Final = frozenset(_NUM["numeral_unit_word_after"])
_PHASE_UNITS: Final = frozenset(_NUM["phase_units"])
_PHASE_NEXT: Final = tuple(_NUM["phase_next"])
PHASE_UNITS: Final = _PHASE_UNITS  # a works' phase (一期): for the target reader too
_PHASE_AFTER: Final = frozenset(_NUM["phase_after"])
# First or last characters of some lists: most positions are ruled out by one set lookup.
_NOT_UNIT_FIRST: Final = frozenset(w[0] for w in _NUM["not_units_after"])
_DURATION_BEFORE: Final = tuple(_NUM["duration_before"])
_DURATION_NOT_AFTER: Final = tuple(_NUM["duration_not_after"])
_TIME_SPENT_RE: Final = re.compile(
    "(?:" + "|".join(map(re.escape, _NUM["time_spent_words"])) + ")(?:"
    + "|".join(map(re.escape, sorted(_NUM["time_spent_joins"], key=len, reverse=True))) + ")?$")
_DURATION_REACH: Final = 6  # 项目建成后可持续影响年限 ≥15年: the word may stand a few characters before


def _days_of_duration(norm: str, num_start: int, day_at: int, value: float) -> bool:
    """Whether the 日 at ``day_at`` after a number counts days (90日目標, 輪候時間為311日), not a date: more days
    than a month has, or after words of time spent; never after a month (3月20日)."""
    before = norm[max(0, num_start - _DURATION_REACH) : num_start].rstrip()
    if before.endswith("月") or not value.is_integer():
        return False
    return value > _MONTH_DAYS or _TIME_SPENT_RE.search(before) is not None


_MONTH_DAYS: Final = 31


def _years_of_duration(norm: str, num_start: int, year_at: int, value: float) -> bool:
    """Whether the 年 at ``year_at`` after a number is a span of years (≥15年, 使用年限不低于10年), not a date."""
    if value >= 100:
        return False
    before = norm[max(0, num_start - _DURATION_REACH) : num_start].rstrip()
    if _TIME_SPENT_RE.search(before) is not None and not norm.startswith(("内", "来", "以来", "前", "后"), year_at + 1):
        return True  # 平均輪候時間三年的目標, 輪候時間為三點一年: how long something takes, in years
    if norm.startswith(_DURATION_NOT_AFTER, year_at + 1):
        return False
    if not before.strip(" |\n"):
        return True  # a cell that opens with it: 15年
    return before.endswith(_DURATION_BEFORE) or any(w in before for w in _DURATION_BEFORE[:3])
_NOT_QUANTITY_LAST: Final = frozenset(w[-1] for w in _NUM["not_quantity_before"])
_VAGUE_LAST: Final = frozenset(w[-1] for w in _NUM["vague_before"])
_APPROX_LAST: Final = frozenset(w[-1] for w in _NUM["approx_prefix"])

_PLAIN_DIGITS: Final = "一二三四五六七八九"
_CN_DIGITS: Final = "零〇一二两三四五六七八九十" + "".join(_NUMERAL_SPELLINGS)
_CN_ALL: Final = _CN_DIGITS + "百千万亿点"
_FIN_CHARS: Final = "".join(_FINANCIAL)
_FIN_ALL: Final = _CN_DIGITS + _FIN_CHARS + "百千万亿"
_UNIT_ALTERNATION: Final = "|".join(re.escape(w) for w in _UNITS.words())
# What may end a bare Chinese numeral that is a figure (三万, 两万五, 零点五): the end of a clause.
_BARE_END: Final = r"[\s,。;、:)\]】!?|]|以上|以下|以内|$"
_NUMBER_RE: Final = re.compile(
    # The leading lookahead lets the regex engine skip to a digit or numeral character quickly.
    rf"(?=[0-9{_CN_DIGITS}{_FIN_CHARS}百千万亿])(?:"
    # a fraction: 三分之一, 百分之九十六, 千分之五, 百分之百
    rf"(?P<fden>[{_CN_DIGITS}百千万]+|[0-9]+)分之(?P<fnum>[{_CN_ALL}]*[{_CN_DIGITS}百][{_CN_ALL}]*|[0-9]+(?:\.[0-9]+)?)"
    # thousands grouped by commas, or in prose by spaces before a measure word (Hong Kong's 為 1 130 名), or none
    rf"|(?P<ar>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?"
    rf"|(?:(?<=^)|(?<=[\u4e00-\u9fff] )|(?<=[\u4e00-\u9fff]))[0-9]{{1,3}}(?: [0-9]{{3}})+(?:\.[0-9]+)?"
    rf"(?= ?(?=[\u4e00-\u9fff])(?:[万亿])?(?:{_UNIT_ALTERNATION}))"
    # ...or ending its cell (巡查次數 12 000 | 12 450)
    r"|(?:(?<=^)|(?<=[\u4e00-\u9fff] )|(?<=[\u4e00-\u9fff]))[0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]+)?(?=\s*$)"
    r"|[0-9]+(?:\.[0-9]+)?)"
    # a Chinese numeral, only where 余/多/来 or a unit follows (a bare one is a word: 一是, 十三五), or at
    # the end of a clause (read there only with 万/亿 or as 零点…: 三万, 零点五)
    rf"|(?P<cn>[{_CN_DIGITS}][{_CN_ALL}]*+)(?=[余多来]|{_UNIT_ALTERNATION}|{_BARE_END})"
    # 百二万 (百二 is 120), 千五 (1500)
    rf"|(?P<cnh>[百千][{_PLAIN_DIGITS}][{_CN_ALL}]*+)(?=[余多来]|{_UNIT_ALTERNATION}|{_BARE_END})"
    # financial numerals (壹佰贰拾元), only before a unit
    rf"|(?P<fin>[{_FIN_ALL}]*?[{_FIN_CHARS}][{_FIN_ALL}]*+)(?={_UNIT_ALTERNATION})"
    # a lone multiplier: 千余名, 百多家; after an approximation mark: 近万人, 上千名, 逾百家
    r"|(?P<lone>[十百千万亿])(?=[余多])"
    rf"|(?<=[近上逾])(?P<lone2>[百千万亿])(?![0-9{_CN_DIGITS}])"
    ")"
)
# Arabic figures that are not quantities, read whole so that no part of them is read either.
_SKIP_RE: Final = re.compile(
    r"(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?![0-9])"  # 2022-11-28, 2022.11.28
    r"|(?:19|20)[0-9]{2}\s*[-~—至到]\s*(?:19|20)?[0-9]{2}(?![0-9])"  # 2016-2020, 2016—18
    r"|(?:19|20)[0-9]{2}[-/][0-9]{1,2}(?![0-9.])"  # 2016-09, 2016/9
    r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?![0-9])"  # 10:30
    r"|[0-9]{1,2}:[0-9]{1,2}(?![0-9])"  # 1:1, a ratio
    r"|[0-9]+(?:\.[0-9]+)?\s*[-~—至到]\s*[0-9]+(?:\.[0-9]+)? ?(?=[年月日号时点])"  # 1-9月, 3至5日
    r"|[0-9]{1,2}[点时][0-9]{1,2}(?:分(?:[0-9]{1,2}秒)?)?"  # 8点30分, 10时30分15秒
    r"|[0-9]{1,3}分[0-9]{1,2}秒"  # 3分15秒: minutes and seconds are not read
    r"|\(?0[0-9]{2,3}\)?[-—]?[0-9]{7,8}(?![0-9])"  # 0571-85123456
    r"|[0-9]{3,4}-[0-9]{7,8}(?![0-9])|400-?[0-9]{3}-?[0-9]{4}(?![0-9])"
    r"|1[3-9][0-9]{9}(?![0-9])"  # a mobile number
    r"|[0-9]+(?:\.[0-9]+){2,}"  # 1.2.3, a version or a dotted date
)
_RANGE_SEPARATORS: Final = frozenset("-~—至到")
# What may follow the first figure of a date, time, phone number or ratio (_SKIP_RE); else no need to try.
_SKIP_TRIGGERS: Final = frozenset("-/.:~—至到点时分 ")
_ASCII_ALNUM: Final = frozenset(_ASCII_LETTER_CHARS + "0123456789")
_ASCII_LETTERS: Final = frozenset(_ASCII_LETTER_CHARS)
_DIGITS: Final = frozenset("0123456789")
_NAME_JOINERS: Final = frozenset("+·.#@_&×*")


def _series_unit(norm: str, end: int, kind: str | None) -> tuple[str, float, str | None, tuple[int, int] | None] | None:
    """The unit (with its multiplier, rate and span) of the last figure of a series that ``end`` continues
    (、12万、5万人; 、9和10%), when every item between is a bare figure of the same writing; None otherwise."""
    p = end
    for _ in range(_SERIES_MAX):
        if norm[p : p + 1] not in _SERIES_JOINERS:
            return None
        m2 = _NUMBER_RE.match(norm, p + 1)
        if m2 is None or m2.lastgroup != kind:
            return None
        tail = _read_tail(norm, m2.end(), 1.0, True)
        if tail[4] is not None:
            return (tail[4], float(tail[1]), tail[6], tail[5]) if not tail[7] else None
        p = tail[0]
    return None


_SERIES_JOINERS: Final = frozenset("、和及")
_PLACES: Final = 6  # decimals kept of a figure times its multiplier: what binary floating point adds is noise
_SERIES_MAX: Final = 8


def _footnote_mark(norm: str, num_start: int) -> bool:
    """* or # standing alone before a figure (注册 *18个工作天, #5 个工作天): a footnote's mark, not a name's joiner."""
    return num_start >= 1 and norm[num_start - 1] in "*#" and (num_start == 1 or norm[num_start - 2] in " \t\u3000")
_QUOTE_MAX: Final = 12  # a numeral inside quotes this short is a name (“十三五”, “两项补贴”)
_LIST_AFTER: Final = frozenset("、)")
_CELL_START: Final = frozenset("\n\r|")
_SIGN_LAST: Final = _MINUS_LAST | frozenset("- ")
_MAX_NUMERAL: Final = 24  # no Chinese numeral in a disclosure is longer; cn2an is slow on long strings
_MAX_UNIT: Final = max(len(w) for w in _UNITS.words())
_ASCII_RUN: Final = re.compile(r"[A-Za-z]+[0-9²³]?(?![0-9A-Za-z])")
_TAIL_DIGITS: Final = re.compile(r"[0-9]+")
_ZERO_TAIL_RE: Final = re.compile(r"零([0-9]{1,3})(?![0-9.,万萬亿億千百十])")
# 百二万 → 百二十万, 三千五万 → 三千五百万, 一亿五 → 一亿五千万: the place a shortened numeral leaves out.
_SHORT_RE: Final = re.compile(rf"([百千])([{_PLAIN_DIGITS}])(?=[万亿]|$)|(亿)([{_PLAIN_DIGITS}])$")
_SHORT_PLACE: Final = {"百": "十", "千": "百", "亿": "千万"}
_ONE_NUMERAL: Final = _PLAIN_DIGITS + "两" + "".join(k for k, v in _FINANCIAL.items() if v in _PLAIN_DIGITS)
# 五角, 伍角贰分 after 元: each a Chinese or financial numeral of one character and a fraction of a 元.
_MONEY_FRACTION_RE: Final = re.compile(
    rf"([{_ONE_NUMERAL}])({'|'.join(_MONEY_FRACTIONS)})(?:([{_ONE_NUMERAL}])({'|'.join(_MONEY_FRACTIONS)}))?"
)


def _is_cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff"  # an empty string is none


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """Full-width to half-width and traditional to simplified, one character for one character."""
    # re.sub with a lookup is some forty times faster than str.translate on Chinese text.
    return _NEEDS_FOLD.sub(_fold_one, text)


def _fold_one(m: re.Match[str]) -> str:
    return _FOLD_PAIRS[m.group()]


def _expand_short(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return m.group(1) + m.group(2) + _SHORT_PLACE[m.group(1)]
    return m.group(3) + m.group(4) + _SHORT_PLACE[m.group(3)]


@lru_cache(maxsize=8192)
def read_chinese_numeral(token: str) -> float | None:
    """Read a Chinese numeral (一百二十, 两千, 三点五, 〇, 十一, 廿五, 壹佰贰拾, 百二万, 两万五). None when it
    is not a number."""
    tok = fold(token).translate(_NUMERAL_TABLE)
    if not tok or len(tok) > _MAX_NUMERAL:
        return None
    if len(tok) > 1 and tok[0] in "百千" and tok[1] in _PLAIN_DIGITS:
        tok = "一" + tok  # 百二万 is 一百二十万
    if "点" not in tok:
        tok = _SHORT_RE.sub(_expand_short, tok)
    mult = 1
    # cn2an reads 三点五 but not 三点五万: take a trailing multiplier off a decimal first.
    if "点" in tok and tok[-1] in "万亿":
        mult = _MULTIPLIERS[tok[-1]]
        tok = tok[:-1]
    try:
        value = cn2an.cn2an(tok, "normal")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    try:
        result = float(value) * mult
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


_ARABIC_FULL: Final = re.compile(r"[0-9]{1,3}(?:[, ][0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|[0-9]*\.[0-9]+")


def read_number(token: str) -> float | None:
    """Read one number as written: Arabic (1,234.5, １２３) or Chinese (一百二十). None otherwise."""
    tok = fold(token).strip()
    if not tok:
        return None
    if _ARABIC_FULL.fullmatch(tok):
        value = float(tok.replace(",", "").replace(" ", ""))
        return value if math.isfinite(value) else None
    if tok in _MULTIPLIERS:  # 百 in 百分之, 千 in 千分之
        return float(_MULTIPLIERS[tok])
    return read_chinese_numeral(tok)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of appearance; spans index ``text`` itself."""
    norm = fold(text)
    out: list[Quantity] = []
    pos = 0
    search = _NUMBER_RE.search
    ctx = _Context(text, norm)
    while True:
        m = search(norm, pos)
        if m is None:
            break
        q, resume = _read_at(ctx, m)
        if q is not None:
            out.append(q)
        pos = max(resume, m.start() + 1)
    if "年" in norm:
        years = _cn_durations(text, norm, ctx)
        if years:
            out = sorted([q for q in out if not any(y.span[0] < q.span[1] and q.span[0] < y.span[1] for y in years)]
                         + years, key=lambda q: q.span[0])
    if "番" in norm or "半" in norm:
        multiples = _multiples(text, norm, ctx)
        if multiples:
            out = sorted([q for q in out if not any(m.span[0] < q.span[1] and q.span[0] < m.span[1] for m in multiples)]
                         + multiples, key=lambda q: q.span[0])
    if "成" in norm:
        # a lone Arabic digit read bare gives way to its tenths (占比达2成: 20%, not 2)
        tenths = _tenths(text, norm, ctx)
        if tenths:
            digit_tenths = {t.span[0] for t in tenths if norm[t.span[0]].isdigit()}
            if digit_tenths:
                out = [q for q in out if not (q.unit is None and q.span[1] - 1 in digit_tenths)]
            tenths = [t for t in tenths if not any(t.span[0] < q.span[1] and q.span[0] < t.span[1] for q in out)]
        if tenths:
            out = sorted(out + tenths, key=lambda q: q.span[0])
    return out


_TENTHS_RE: Final = re.compile(
    r"(?<![\d.])([一两二三四五六七八九1-9])成(?:([一二三四五六七八九半])(?![成十百千万亿]))?")
_TENTHS_NOT_AFTER: Final = tuple(_NUM["tenths_not_after"])
_TENTHS_ONE_AFTER: Final = tuple(_NUM["tenths_one_after"])
_TENTH_DIGITS: Final = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                         "半": 5, **{str(d): d for d in range(1, 10)}}  # 九成半: 95%


def _cn_years_re() -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(_NUM["time_spent_words"], key=len, reverse=True)))
    joins = "|".join(map(re.escape, sorted(_NUM["time_spent_joins"], key=len, reverse=True)))
    return re.compile(rf"(?:{words})(?:{joins})?(?P<n>[{_CN_DIGITS}][{_CN_DIGITS}十点]*)年(?![内来前后底级度])")


_CN_YEARS_RE: Final = _cn_years_re()


def _cn_durations(text: str, norm: str, ctx: _Context) -> list[Quantity]:
    """平均輪候時間三年, 輪候時間為三點一年: a number of years in Chinese numerals right after words of time
    spent (an Arabic one is read by the main reader: 輪候時間3年)."""
    out: list[Quantity] = []
    for m in _CN_YEARS_RE.finditer(norm):
        s, e = m.start("n"), m.end()
        value = read_chinese_numeral(m.group("n"))
        if value is None or ctx.shielded(s):
            continue
        out.append(Quantity(text=text[s:e], span=(s, e), value=value, unit="年", unit_span=(e - 1, e)))
    return out


_DOUBLING_BEFORE: Final = tuple(_NUM["doubling_before"])
_HALF_AFTER: Final = tuple(_NUM["half_after"])
_DOUBLINGS_RE: Final = re.compile(r"(?:[一两二三四五1-5])?番")
_HALF_RE: Final = re.compile(r"一?半")
_DOUBLING_COUNTS: Final = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, **{str(d): d for d in range(1, 6)}}


def _multiples(text: str, norm: str, ctx: _Context) -> list[Quantity]:
    """翻一番 (a rise of 100%), 翻两番 (300%), 减半 and 减少一半 (a cut of 50%): the change as a percentage, its
    span the count after the verb (一番, 一半), so that the verb before it reads as the change word."""
    out: list[Quantity] = []
    for m in _DOUBLINGS_RE.finditer(norm):
        s, e = m.span()
        if not norm.endswith(_DOUBLING_BEFORE, 0, s) or ctx.shielded(s):
            continue
        n = _DOUBLING_COUNTS[m.group()[0]] if len(m.group()) > 1 else 1
        out.append(Quantity(text=text[s:e], span=(s, e), value=(2.0**n - 1) * 100, unit="%", unit_span=(e - 1, e)))
    for m in _HALF_RE.finditer(norm):
        s, e = m.span()
        if not norm.endswith(_HALF_AFTER, 0, s) or ctx.shielded(s):
            continue
        out.append(Quantity(text=text[s:e], span=(s, e), value=50.0, unit="%", unit_span=(e - 1, e)))
    return out


def _tenths(text: str, norm: str, ctx: _Context) -> list[Quantity]:
    """三成以上, 九成五, 八成九, 九成半: tenths (and hundredths) of a whole, as percentages."""
    out: list[Quantity] = []
    for m in _TENTHS_RE.finditer(norm):
        s, e = m.span()
        if norm.startswith(_TENTHS_NOT_AFTER, s + 2) and m.group(2) is None:
            continue  # 三成员, 一成不变: a word
        before = norm[max(0, s - 2) : s]
        if before and (before[-1] in _TENTH_DIGITS or before[-1] in "十百千万第"):
            continue  # 二十三成…, 第一成…: part of another numeral or an ordinal
        if m.group(1) in ("一", "1") and not before.endswith(_TENTHS_ONE_AFTER):
            continue  # 统一成立, 合一成: 一 is no figure there
        if ctx.shielded(s):
            continue
        value = _TENTH_DIGITS[m.group(1)] * 10.0 + (_TENTH_DIGITS[m.group(2)] if m.group(2) else 0.0)
        out.append(Quantity(text=text[s:e], span=(s, e), value=value, unit="%", unit_span=(s + 1, s + 2)))
    return out


_QUOTED_RE: Final = re.compile(rf"“[^“”]{{0,{_QUOTE_MAX}}}”|「[^「」]{{0,{_QUOTE_MAX}}}」|‘[^‘’]{{0,{_QUOTE_MAX}}}’"
                               rf'|"[^"\n]{{0,{_QUOTE_MAX}}}"')  # ASCII quotes, as many sites write Chinese ones
_TITLE_RE: Final = re.compile(r"《[^《》]*》")


_QUOTED_ONE_FIGURE: Final = (
    r"\s*(?:" + "|".join(map(re.escape, sorted(_NUM["quoted_value_before"], key=len, reverse=True))) + r")?"
    r"\s*-?\d[\d.,]*\s*(?:[%‰]|[^\d\s“”「」‘’、，,]{1,4})\s*"
    r"(?:" + "|".join(map(re.escape, _NUM["quoted_value_after"])) + r")?\s*"
)
# one value, or values side by side (“保8%、争9%”)
_QUOTED_FIGURE_RE: Final = re.compile(_QUOTED_ONE_FIGURE + r"(?:[、，,和]" + _QUOTED_ONE_FIGURE + r")*$")


class _Context:
    """One text being read: the original, its folded form, and its short quotes and book titles."""

    __slots__ = ("norm", "shields", "text")

    def __init__(self, text: str, norm: str) -> None:
        self.text = text
        self.norm = norm
        # Book titles (《…2016年…》) and short quotes (“十三五”): no figure inside them counts.
        shields: list[tuple[int, int]] = []
        if "《" in norm:
            shields.extend(m.span() for m in _TITLE_RE.finditer(norm))
        if "“" in norm or "「" in norm or "‘" in norm or '"' in norm:
            # a quote that holds only a figure (指标值为“约12000平方米”, “100%”) quotes a value, not a name
            shields.extend(m.span() for m in _QUOTED_RE.finditer(norm)
                           if not _QUOTED_FIGURE_RE.match(norm, m.start() + 1, m.end() - 1))
        self.shields = shields

    def shielded(self, p: int) -> bool:
        """Whether ``p`` lies inside a book title or short quotes."""
        for a, b in self.shields:  # noqa: SIM110 - a loop: any() over a generator is slower here
            if a < p < b:
                return True
        return False


# (end, multiplier, amount added after the multiplier, approximate, unit, unit span, rate denominator,
# ambiguous: a shortened form that cannot be read for sure, such as 1亿5000)
_TailT = tuple[int, int, float, bool, str | None, tuple[int, int] | None, str | None, bool]


_GROUPED_TAIL_RE: Final = re.compile(r"[0-9],[0-9]{3}(?![0-9.,])")
_TEN_THOUSAND: Final = 10000


def _compound(norm: str, p: int, mult_word: str, readable: bool) -> tuple[int, float, int]:
    """Digits right after a multiplier (2万5, 3千5百, 2亿3000万): (0, 0, p) when they are another figure
    (1.2万1.5万, 3万2020年), (1, amount added, end) when read, (2, 0, end) when no reading is sure."""
    m = _TAIL_DIGITS.match(norm, p)
    if m is None:
        return 0, 0.0, p
    digits, q = m.group(), m.end()
    grouped = _GROUPED_TAIL_RE.match(norm, p)
    if grouped is not None and _MULTIPLIERS[mult_word] == _TEN_THOUSAND and readable:
        return 1, float(grouped.group().replace(",", "")), grouped.end()  # 8萬4,712戶: 84712
    if norm[q : q + 1] in (".", ",") and norm[q + 1 : q + 2] in _DIGITS:
        return 0, 0.0, p
    sub = _MULTIPLIER_WORDS.at(norm, q)
    if sub is None and _NOT_UNITS_AFTER.at(norm, q) is not None:
        return 0, 0.0, p
    end = q + (len(sub) if sub is not None else 0)
    big = _MULTIPLIERS[mult_word]
    if not readable or big < 1000 or (sub is not None and _MULTIPLIERS[sub] >= big):
        return 2, 0.0, end
    n = int(digits)
    place = _BY_VALUE.get(big // 10)  # the place a shortened tail fills: 万 → 千, 亿 → 千万
    if len(digits) == 1 and (sub is None or sub == place):
        return 1, n * big / 10, end  # 2万5, 2万5千, 1亿5, 1亿5千万
    if sub is None and big <= 10000 and len(digits) == len(str(big)) - 1:
        return 1, float(n), end  # 1万5000, 3千500
    if sub is None and big == _TEN_THOUSAND and len(digits) in (2, 3) and _UNITS.at(norm, q) is not None:
        return 1, float(n), end  # 1萬612人, 2万50元: the zero left out before the hundreds (10612, 20050)
    if sub == "万" and big == 100000000 and len(digits) <= 4:
        return 1, n * 10000.0, end  # 2亿3000万
    return 2, 0.0, end


_NOT_AFTER_A_SPACE: Final = frozenset("十百千")  # multipliers never written apart from their digits


def _read_tail(norm: str, p: int, value: float, arabic: bool) -> _TailT:
    """What follows a number: 余/多/来, a multiplier, 余/多, a unit with its rate denominators, 左右; after
    one space too (40 部, 2,500 萬元), or any spaces before % (a table cell's 35.5 %)."""
    if norm[p : p + 1] == " ":
        q = p + 1
        while norm[q : q + 1] == " ":
            q += 1
        if (q == p + 1 or norm[q : q + 1] in ("%", "‰")) and (
                norm[q : q + 1] not in _NOT_AFTER_A_SPACE or _UNITS.at(norm, q) is not None):
            # (三月 1 十二月 1: 十 after a space starts the next word, a month, not 1 十 = 10)
            spaced = _tail_here(norm, q, value, arabic)
            if spaced[0] > q or spaced[7]:
                return spaced
        return p, 1, 0.0, False, None, None, None, False  # a space and then no unit: nothing follows
    return _tail_here(norm, p, value, arabic)


def _tail_here(norm: str, p: int, value: float, arabic: bool) -> _TailT:
    mult = 1
    add = 0.0
    approx = False
    ch = norm[p : p + 1]
    # 余/多 (130余万, 200余人); 来 only before a unit or a multiplier (20来人).
    if ch in ("余", "多") or (ch == "来" and (_UNITS.at(norm, p + 1) or _MULTIPLIER_WORDS.at(norm, p + 1))):
        approx = True
        p += 1
    # A multiplier, unless a unit starts with it (千瓦, 千米, 百分点).
    unit = _UNITS.at(norm, p)
    if unit is None or unit[0] in _MULTIPLIERS:
        mult_word = _MULTIPLIER_WORDS.at(norm, p) if unit is None else None
        if mult_word is not None:
            mult = _MULTIPLIERS[mult_word]
            p += len(mult_word)
            zero = _ZERO_TAIL_RE.match(norm, p) if mult == _TEN_THOUSAND and arabic and value.is_integer() else None
            if zero is not None:  # 1万零612人: 零 holds the empty thousands place, the digits are added
                add, p = float(zero.group(1)), zero.end()
            elif norm[p : p + 1] in _DIGITS:  # 2万5, 2亿3000万: a shortened or compound number
                status, add, q = _compound(norm, p, mult_word, arabic and value.is_integer() and not approx)
                if status == 2:
                    return q, 1, 0.0, False, None, None, None, True
                p = q
            if norm[p : p + 1] in ("余", "多"):
                approx = True
                p += 1
            unit = _UNITS.at(norm, p)
            if unit is None and norm[p : p + 1] == " " and (spaced_unit := _UNITS.at(norm, p + 1)) is not None:
                p, unit = p + 1, spaced_unit  # 1亿 元: a space between the multiplier and its unit
    if unit is None and arabic and norm[p : p + 1] in _ASCII_LETTERS:
        unit, p, mult = _ascii_unit(norm, p, mult)
    unit_start = p
    if unit is not None:
        p += len(unit)
        nxt = norm[p : p + 1]
        if nxt in _UNIT_BLOCKER_NEXT:
            blocker = _UNIT_BLOCKERS.at(norm, unit_start)
            if blocker == "所以" and norm[unit_start + 2 : unit_start + 3] in ("上", "下", "内"):
                blocker = None  # 30所以上: 30所 and 以上, not the word 所以
            if blocker is not None and len(blocker) > len(unit):
                unit, p = None, unit_start  # 40 部署, 5所有: the number stays bare
    if unit is None:
        if norm.startswith("左右", p):
            return p + 2, mult, add, True, None, None, None, False
        if norm[p : p + 1] == "/" and (size := _PER_SIZE_RE.match(norm, p + 1)) is not None and _UNITS.at(
                norm, size.end()) is None:
            # 孕产妇死亡率15/10万: a rate per a size, kept as written (as 6.5次/10万公顷 is)
            return size.end(), mult, add, approx, f"/{size.group()}", (p, size.end()), size.group(), False
        return p, mult, add, approx, None, None, None, False
    canon = _UNIT_CANON.get(unit, unit)
    # Half: 一个半月 (1.5 个月), 两个半小时, 3斤半.
    if nxt == _HALF and mult == 1 and value.is_integer() and add == 0.0 and not approx and unit not in _PERCENT_UNITS:
        half_unit = _half_unit(norm, p) if unit == "个" else None
        if half_unit is not None:
            canon = _UNIT_CANON.get(half_unit, half_unit)
            p += len(half_unit)
            add = 0.5
        elif not _is_cjk(norm[p + 1 : p + 2]) or _HALF_OK_AFTER.at(norm, p + 1) is not None:
            p += 1
            add = 0.5
        nxt = norm[p : p + 1]
    # A rate: 600元/月 (per 月), 260元/辆 (unit 元/辆), 80元/人/年.
    per: str | None = None
    while nxt in ("/", "每"):
        # a denominator may carry its own size: 6.5次/10万公顷, 3件/万人 (kept as written)
        size = _DEN_SIZE_RE.match(norm, p + 1) if nxt == "/" else None
        at = size.end() if size is not None else p + 1
        den = _PER_WORDS.at(norm, at)
        if den is None or (den in _MONEY_WORDS and (size is None or not size.group().isalpha())):
            break
        sized = norm[p + 1 : at] + den
        per = sized if per is None else f"{per}/{sized}"
        if (den not in _TIME_DENOMINATORS or size is not None) and "/" not in canon:
            canon = f"{canon}/{norm[p + 1 : at]}{_UNIT_CANON.get(den, den)}"
        p = at + len(den)
        nxt = norm[p : p + 1]
    if canon == "元" and nxt in _ONE_NUMERAL and per is None and not arabic:
        p, add = _money_fraction(norm, p, add)
        nxt = norm[p : p + 1]
    unit_span = (unit_start, p)
    if nxt in _MONEY_CLOSE and per is None and canon in _MONEY_CANON and not _is_cjk(norm[p + 1 : p + 2]):
        p += 1  # 叁万伍仟元整
        nxt = norm[p : p + 1]
    if nxt == "左" and norm.startswith("左右", p):
        approx = True
        p += 2
    return p, mult, add, approx, canon, unit_span, per, False


_PER_SIZE_RE: Final = re.compile(r"[0-9]*[十百千万]+(?![0-9.])")  # /10万, unless a unit follows
_DEN_SIZE_RE: Final = re.compile(r"(?:[0-9]+)?[十百千万亿]+|[0-9]+(?=[^0-9.])")


def _money_fraction(norm: str, p: int, add: float) -> tuple[int, float]:
    """角 and 分 after 元 (壹佰元伍角, 三元五角二分): where the amount's words end, and what they add."""
    m = _MONEY_FRACTION_RE.match(norm, p)
    if m is None or (m.group(3) is not None and m.group(2) == m.group(4)) or norm.startswith("之", m.end()):
        return p, add  # 五元三分之一: a fraction follows
    for digit, frac in ((m.group(1), m.group(2)), (m.group(3), m.group(4))):
        if digit is not None:
            value = read_chinese_numeral(digit)
            if value is None:
                return p, add
            add += value * _MONEY_FRACTIONS[frac]
    return m.end(), add


def _ascii_unit(norm: str, p: int, mult: int) -> tuple[str | None, int, int]:
    """A unit or multiplier written in ASCII at ``p`` (5kg, 3km, 3k元, 1.5w元, 2W): (the unit, where it
    starts or, with none, where the number's words end, the multiplier). Letters that are no whole unit
    (5G, 4K, 3D) are none: the figure is a name."""
    m = _ASCII_RUN.match(norm, p)
    if m is None:
        return None, p, mult
    word = m.group()
    if word in _ASCII_UNITS:
        return word, p, mult
    if mult != 1 or word not in _ASCII_MULTIPLIERS:
        return None, p, mult
    q = m.end()
    unit = _UNITS.at(norm, q)
    if unit is None:
        m2 = _ASCII_RUN.match(norm, q)
        if m2 is not None and m2.group() in _ASCII_UNITS:
            unit = m2.group()
    if unit is not None:
        return unit, q, _ASCII_MULTIPLIERS[word]
    if word in _ASCII_MULTIPLIERS_ALONE:
        return None, q, _ASCII_MULTIPLIERS[word]  # 2W: 20000, no unit
    return None, p, mult


def _half_unit(norm: str, p: int) -> str | None:
    """After 个 and 半 (at ``p``): the unit of 一个半月 (个月) or 两个半小时 (个小时), else None."""
    if _HALF_BLOCKERS.at(norm, p) is not None:
        return None  # 两个半天 are two half-days
    probe = "个" + norm[p + 1 : p + 1 + _MAX_UNIT]
    longer = _UNITS.at(probe, 0)
    if longer is not None and len(longer) > 1:
        return longer
    after = _UNITS.at(norm, p + 1)
    if after is None or after in _PERCENT_UNITS or after == "个":
        return None
    return after


def _minus_start(norm: str, num_start: int, end: int, is_cn: bool) -> int:
    """Where a minus sign before the number begins (-5%, 负5%, "- 5%"), or -1. A dash between two figures
    is a range (5-10人, 20%-30%), a dash in a name is none (COVID-19), and a dash that opens a cell or line
    before words is a list dash (- 5个村完成改造)."""
    prev = norm[num_start - 1] if num_start else ""
    if prev in _MINUS_LAST:
        word = _MINUS_WORDS.before(norm, num_start)
        if word is None or _MINUS_BLOCKERS.before(norm, num_start) is not None:
            return -1
        sign = num_start - len(word)
        return -1 if sign > 0 and norm[sign - 1] in _DIGITS else sign  # 胜3负2: a score
    if is_cn:
        return -1
    if prev == "-":
        dash = num_start - 1
    elif prev == " " and num_start >= 2 and norm[num_start - 2] == "-":
        dash = num_start - 2
    else:
        return -1
    before = norm[dash - 1] if dash else ""
    if before in _ASCII_ALNUM or (before and _UNITS.before(norm, dash) is not None):
        return -1  # 5-10人, 20%-30%, COVID-19
    k = dash - 1
    while k >= 0 and norm[k] == " ":
        k -= 1
    if k < 0 or norm[k] in _CELL_START:
        # The dash opens the cell: a sign before a figure that ends it, a list dash before words.
        return -1 if _is_cjk(norm[end : end + 1]) else dash
    if before == " ":
        # 人数 - 500人: a separator; but after a column header (增速(%) -6.3) the figure's sign
        return dash if norm[k] in ")）" else -1
    return dash


def _a_bracketed_blank(norm: str, num_start: int, end: int, token: str) -> bool:
    """A figure alone in brackets after a template's words (金额(5292.00)万元): a decimal one, or one after a
    word (not a list marker opening its clause, (1)人才引进)."""
    if num_start < 1 or norm[num_start - 1] not in "(（" or norm[end : end + 1] not in ")）":
        return False
    return "." in token or (num_start >= 2 and _is_cjk(norm[num_start - 2]))


def _bare_numeral(token: str) -> bool:
    """Whether a Chinese numeral with no unit is a figure: with 万 or 亿 (三万, 两万五, 百二万) or below one
    (零点五); any other (一是, 十三五, 三点) is a word."""
    return "万" in token or "亿" in token or (token.startswith("零点") and len(token) > 2)


# Per kind of match: (a Chinese numeral or multiplier, a Chinese numeral, approximate by itself).
_KINDS: Final = {
    "ar": (False, False, False), "fnum": (False, False, False), "cn": (True, True, False),
    "cnh": (True, True, False), "fin": (True, True, False), "lone": (True, False, True), "lone2": (True, False, True),
}


def _read_at(ctx: _Context, m: re.Match[str]) -> tuple[Quantity | None, int]:
    """The quantity at match ``m`` (or None) and where to search on from."""
    norm = ctx.norm
    kind = m.lastgroup or "lone"
    num_start, p = m.start(), m.end()
    is_cn, is_numeral, approx = _KINDS[kind]
    add = 0.0

    # 1. The number, and what follows it.
    if kind == "fnum":
        num_start = m.start("fden")
        den = read_number(m.group("fden"))
        num = read_number(m.group("fnum"))
        if not den or num is None:
            return None, p
        value = num if den == 100 else round(100.0 * num / den, 4)
        end, mult = p, 1
        unit: str | None = "%"
        per: str | None = None
        unit_span: tuple[int, int] | None = (num_start, p)
        if norm.startswith("左右", p):
            approx, end = True, p + 2
    else:
        token = m.group(kind)
        nxt = norm[p : p + 1]
        if kind == "ar":
            if nxt in _SKIP_TRIGGERS or len(token) >= 7:
                skip = _SKIP_RE.match(norm, num_start)
                if skip is not None:
                    return None, skip.end()
            if "," in token and "，" in ctx.text[num_start:p]:
                # A full-width comma separates clauses, not thousands: 1，234 is two numbers.
                token = token[: token.index(",")]
                p = num_start + len(token)
                nxt = norm[p : p + 1]
            if num_start >= 2 and norm[num_start - 1] == "点" and norm[num_start - 2] == "零" and token.isdigit():
                if nxt == "分" and not norm.startswith("分钟", p):
                    return None, p + 1  # 零点30分: a time
                value = float("0." + token)  # 零点5
                num_start -= 2
            elif token[0] == "0" and len(token) > 1 and token[1] != ".":
                return None, p  # 0571, 007: a code, not a figure
            else:
                value = float(token.replace(",", "").replace(" ", ""))
        elif is_numeral:
            if kind == "cn":
                word = _NUMERAL_WORDS.at(norm, num_start)
                if word is not None:
                    return None, num_start + len(word)
                if p - num_start == 1 and nxt in _PHASE_UNITS and num_start and (
                    norm[num_start - 1] in _PHASE_AFTER or norm.startswith(_PHASE_NEXT, p + 1)
                ):
                    # 连海路(新港路-南环路)一期, 污水处理一期管网扩建工程: the phase of a named work, not a count
                    return None, p + 1
            elif kind == "fin" and (
                _FIN_BLOCKERS.before(norm, num_start + 1) is not None or _FIN_BLOCKERS.at(norm, num_start) is not None
            ):
                return None, num_start + 1  # 队伍十支: 十支 is read on its own
            read = read_chinese_numeral(token)
            if read is None:
                return None, p if kind != "fin" else num_start + 1
            value = read
        else:
            value = float(_MULTIPLIERS[token])
        spaced = nxt == " "
        q = p
        if spaced:
            q = p + 1
            nxt = norm[q : q + 1]
        duration = False
        if nxt in _NOT_UNIT_FIRST:
            not_unit = _NOT_UNITS_AFTER.at(norm, q)
            if not_unit is not None:
                unit_here = _UNITS.at(norm, q)
                if unit_here is None or len(not_unit) >= len(unit_here):
                    if not (not_unit == "年" and _years_of_duration(norm, num_start, q, value)) and not (
                            not_unit == "日" and _days_of_duration(norm, num_start, q, value)):
                        return None, q  # 2016年, 9月, 20日, 八十岁, 10周年, 1997 年
                    duration = True  # 使用年限≥15年, 平均輪候時間為311日
        if duration:
            end, mult, add, tail_approx, unit, unit_span, per, ambiguous = (
                q + 1, 1, 0.0, False, norm[q], (q, q + 1), None, False)
        else:
            end, mult, add, tail_approx, unit, unit_span, per, ambiguous = (
                _read_tail(norm, p, value, kind == "ar") if spaced else _tail_here(norm, p, value, kind == "ar")
            )
        if ambiguous:
            return None, end  # 1亿5000元: 100005000 or 150000000
        if unit is None and kind == "ar" and end == p and _a_bracketed_blank(norm, num_start, p, token):
            # 预算金额(5292.00)万元, 执行率为(100.00)%: a template's blank filled in brackets, its unit after them
            end, mult, add, tail_approx, unit, unit_span, per, ambiguous = _tail_here(norm, p + 1, value, True)
            if unit is None or ambiguous:
                end, mult, add, tail_approx, unit, unit_span, per, ambiguous = (
                    p, 1, 0.0, False, None, None, None, False)
        if unit is None:
            if kind == "cn" and end > p:
                return None, end  # 十余: a word, not a figure
            if is_numeral and (end > p or not _bare_numeral(token)):
                return None, end  # 一是, 十三五: a word; 三万, 两万五, 零点五 at the end of a clause are figures
            if end > p and _NOT_UNITS_AFTER.at(norm, end) is not None:
                return None, end  # 3万年, 二十多岁
        elif is_cn:
            if unit_span is not None and norm[unit_span[1] : unit_span[1] + 1] in _NUMERAL_UNIT_WORD_AFTER:
                return None, end  # 一次性, 一站式
            if kind == "fin" and len(token) == 1 and unit not in _MONEY_CANON:
                return None, num_start + 1  # a single 伍 or 陆 counts only money: 伍元
            if kind == "cn" and unit == "分" and "点" in token:
                hour, _, minute = token.partition("点")
                hour_value = read_chinese_numeral(hour)
                if minute[:1] in ("零", "〇") and hour_value is not None and hour_value <= 24:
                    return None, end  # 三点零五分: a time of day
        if tail_approx:
            approx = True
        if mult != 1:
            value = round(value * mult, _PLACES)  # 2.3亿 is 230000000, not 229999999.99999997
        if add:
            value += add

    # 2. What stands before it: ordinals, codes, names, titles; approximation marks.
    prev = norm[num_start - 1] if num_start else ""
    # A word before the number may stand one space away: 第 10 座, 約 5%, 人民币 500万.
    if prev == " ":
        before = num_start - 1
        prev_word = norm[before - 1] if before > 0 else ""
    else:
        before, prev_word = num_start, prev
    if prev_word in _NOT_QUANTITY_LAST and _NOT_QUANTITY_BEFORE.before(norm, before) is not None:
        if norm[p : p + 1] in _RANGE_SEPARATORS:  # 第1-3名: the range is an ordinal too
            m2 = _NUMBER_RE.match(norm, p + 1)
            if m2 is not None:
                return None, m2.end()
        return None, end
    start = num_start
    money = _MONEY_PREFIX.before(norm, before) if prev_word in _MONEY_PREFIX_LAST else None
    if money is not None and unit is None:
        start = before - len(money)
        unit, unit_span = "元", (start, before)  # 人民币500万
    if money is None and (
        prev in _ASCII_ALNUM
        or (prev in _NAME_JOINERS and not _footnote_mark(norm, num_start))
        or (prev == "-" and num_start >= 2 and norm[num_start - 2] in _ASCII_LETTERS)
    ):
        return None, end  # G20, PM2.5, 3+1, COVID-19
    if is_cn and prev in _VAGUE_LAST and _VAGUE_BEFORE.before(norm, num_start) is not None:
        return None, end  # 数百人, 几十家: not a number
    if ctx.shields and ctx.shielded(num_start):
        return None, end  # 《…2016年…》, “十三五”, “两项补贴”
    if start == num_start:
        look, mark = before, prev_word
    else:
        look, mark = start, (norm[start - 1] if start > 0 else "")
    prefix = _APPROX_PREFIX.before(norm, look) if mark in _APPROX_LAST else None
    if prefix is not None and _APPROX_PREFIX_NOT.before(norm, look) is None:
        if prefix != "上" or kind == "lone2":
            approx = True
            start = look - len(prefix)
    elif kind == "lone2":
        return None, end  # 上 inside 成千上万, 近 inside 最近: no number
    sign = _minus_start(norm, num_start, end, is_cn) if start == num_start and prev in _SIGN_LAST else -1
    negative = sign >= 0
    if negative:
        start = sign
        value = -value
    if not math.isfinite(value):
        return None, end  # 400 nines: no figure

    # 3. A bare figure: list markers, names and labels are none.
    if unit is None and not is_numeral:
        nxt = norm[end : end + 1]
        if kind == "lone2" and prefix == "上":
            return None, end  # 上万 alone is a manner of speaking
        if nxt in _RANGE_SEPARATORS and not negative and not approx and mult == 1 and add == 0.0:
            # A range: the first figure takes the unit and multiplier of the second (3-5人, 1至2万元).
            m2 = _NUMBER_RE.match(norm, end + 1)
            if m2 is not None and m2.lastgroup == kind:
                tail2 = _read_tail(norm, m2.end(), 1.0, True)
                if tail2[4] is not None and not tail2[7]:
                    return Quantity(text=ctx.text[start:end], span=(start, end), value=round(value * tail2[1], _PLACES),
                                    unit=tail2[4], per=tail2[6], unit_span=tail2[5]), end
        if nxt in _SERIES_JOINERS and not negative and (series := _series_unit(norm, end, kind)) is not None and (
                mult != 1 or "." in m.group(0) or series[0] in ("%", "‰")):
            # 10万、12万、5万人, 8、9和10%: an item of a series of figures takes the unit of its last (and, with none
            # of its own, the multiplier); a bare 1、 before words stays a list mark
            unit2, mult2, per2, span2 = series
            value = round(value * (mult2 if mult == 1 else 1), _PLACES)
            return Quantity(text=ctx.text[start:end], span=(start, end), value=value, unit=unit2, per=per2,
                            unit_span=span2), end
        if nxt in _LIST_AFTER or (nxt == "." and not norm[end + 1 : end + 2].isdigit()):
            return None, end  # 1、 2) 3.
        if nxt in _ASCII_ALNUM or nxt in _NAME_JOINERS or nxt == "-":
            return None, end  # 5G, 3D, 1+X, 3-
        if nxt == ":" and "." not in m.group(0) and value < 100:
            return None, end  # 1: a heading
        if _NAMES_AFTER.at(norm, end) is not None:
            return None, end  # 12345热线
        if (
            value.is_integer()
            and abs(value) < 100
            and "." not in m.group(0)
            and _LABEL_BEFORE.before(norm, num_start) is not None
        ):
            return None, end  # 目标1, 表3
        if prev == "(" and nxt == ")":
            return None, end
    return Quantity(text=ctx.text[start:end], span=(start, end), value=value, unit=unit, approx=approx,
                    per=per, unit_span=unit_span), end
