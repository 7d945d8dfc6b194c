"""Reading Chinese numbers and quantities in running text.

``find_quantities(text)`` returns every number with its unit, in order, normalised (万/亿 multiplied
out, Chinese numerals read by cn2an), each with its exact words and span in ``text``. Dates, times,
phone numbers, ordinals, names (G20, 3+1, “十三五”, 《…》) and numeral words (一次性, 十分) are left out;
a bare Chinese numeral (一是, 五好) is a word, not a figure. Bare Arabic figures are returned with
``unit=None`` so that callers decide (a table of bare figures needs them); list markers are not.

The word lists live in the ``[numbers]`` section of ``data/lexicon.toml``. Reading one number is:
an approximation mark before it (约, 近, 逾), the number (Arabic, Chinese, a fraction 三分之一 or
百分之九十六, or a lone multiplier 近万 / 千余), then after it 余/多, a multiplier (万, 亿), 余/多 again,
a unit (元, 人次, 个百分点), a rate denominator (/月, /辆) and 左右.
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
    "﹣": "-", "‐": "-", "‑": "-", "–": "-",
})
_NEEDS_FOLD: Final = re.compile("[" + re.escape("".join(_FOLD_PAIRS)) + "]")


def _numbers_lexicon() -> dict[str, Any]:
    text = resources.files("jixiao.core").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    section: dict[str, Any] = tomllib.loads(text)["numbers"]
    return section


class _Words:
    """A word list looked up at a position: one dict lookup on the first (or last) character, then the
    candidates that begin (or end) with it, longest first."""

    __slots__ = ("_by_first", "_by_last")

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted({w for w in words if w}, key=len, reverse=True)
        by_first: dict[str, list[str]] = {}
        by_last: dict[str, list[str]] = {}
        for w in ordered:
            by_first.setdefault(w[0], []).append(w)
            by_last.setdefault(w[-1], []).append(w)
        self._by_first = {k: tuple(v) for k, v in by_first.items()}
        self._by_last = {k: tuple(v) for k, v in by_last.items()}

    def at(self, s: str, p: int) -> str | None:
        """The longest word of the list that starts at ``p``."""
        cands = self._by_first.get(s[p : p + 1])
        if cands is not None:
            for w in cands:
                if s.startswith(w, p):
                    return w
        return None

    def before(self, s: str, p: int) -> str | None:
        """The longest word of the list that ends at ``p``."""
        if p <= 0:
            return None
        cands = self._by_last.get(s[p - 1])
        if cands is not None:
            for w in cands:
                if s.endswith(w, 0, p):
                    return w
        return None

    def words(self) -> list[str]:
        return sorted({w for ws in self._by_first.values() for w in ws}, key=len, reverse=True)


_NUM: Final = _numbers_lexicon()
_UNITS: Final = _Words([*_NUM["money"], *_NUM["percent"], *_NUM["counts"]])
_UNIT_CANON: Final = {"个百分点": "百分点"}
_MULTIPLIERS: dict[str, int] = {str(k): int(v) for k, v in _NUM["multipliers"].items()}
_MULTIPLIER_WORDS: Final = _Words(_MULTIPLIERS)
_APPROX_PREFIX: Final = _Words(_NUM["approx_prefix"])
_APPROX_PREFIX_NOT: Final = _Words(_NUM["approx_prefix_not"])
_VAGUE_BEFORE: Final = _Words(_NUM["vague_before"])
_TIME_DENOMINATORS: Final = frozenset(_NUM["time_denominators"])
_PER_WORDS: Final = _Words([*_NUM["time_denominators"], *_NUM["counts"]])
_NOT_UNITS_AFTER: Final = _Words(_NUM["not_units_after"])
_NOT_QUANTITY_BEFORE: Final = _Words(_NUM["not_quantity_before"])
_LABEL_BEFORE: Final = _Words(_NUM["label_before"])
_NAMES_AFTER: Final = _Words(_NUM["names_after"])
_NUMERAL_WORDS: Final = _Words(_NUM["numeral_word_blockers"])
_NUMERAL_UNIT_WORD_AFTER: Final = frozenset(_NUM["numeral_unit_word_after"])
# First or last characters of some lists: most positions are ruled out by one set lookup.
_NOT_UNIT_FIRST: Final = frozenset(w[0] for w in _NUM["not_units_after"])
_NOT_QUANTITY_LAST: Final = frozenset(w[-1] for w in _NUM["not_quantity_before"])
_VAGUE_LAST: Final = frozenset(w[-1] for w in _NUM["vague_before"])
_APPROX_LAST: Final = frozenset(w[-1] for w in _NUM["approx_prefix"])

_CN_DIGITS: Final = "零〇一二两三四五六七八九十"
_CN_ALL: Final = _CN_DIGITS + "百千万亿点"
_UNIT_ALTERNATION: Final = "|".join(re.escape(w) for w in _UNITS.words())
_NUMBER_RE: Final = re.compile(
    # The leading lookahead lets the regex engine skip to a digit or numeral character quickly.
    rf"(?=[0-9{_CN_DIGITS}百千万亿])(?:"
    # a fraction: 三分之一, 百分之九十六, 千分之五, 百分之百
    rf"(?P<fden>[{_CN_DIGITS}百千万]+|[0-9]+)分之(?P<fnum>[{_CN_ALL}]*[{_CN_DIGITS}百][{_CN_ALL}]*|[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<ar>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
    # a Chinese numeral, only where 余/多/来 or a unit follows: a bare one is a word (一是, 十三五)
    rf"|(?P<cn>[{_CN_DIGITS}][{_CN_ALL}]*+)(?=[余多来]|{_UNIT_ALTERNATION})"
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
    r"|[0-9]+(?:\.[0-9]+)?\s*[-~—至到]\s*[0-9]+(?:\.[0-9]+)?(?=[年月日号时点])"  # 1-9月, 3至5日
    r"|[0-9]{1,2}[点时][0-9]{1,2}分?"  # 8点30分
    r"|\(?0[0-9]{2,3}\)?[-—]?[0-9]{7,8}(?![0-9])"  # 0571-85123456
    r"|[0-9]{3,4}-[0-9]{7,8}(?![0-9])|400-?[0-9]{3}-?[0-9]{4}(?![0-9])"
    r"|1[3-9][0-9]{9}(?![0-9])"  # a mobile number
    r"|[0-9]+(?:\.[0-9]+){2,}"  # 1.2.3, a version or a dotted date
)
_RANGE_SEPARATORS: Final = frozenset("-~—至到")
# What may follow the first figure of a date, time, phone number or ratio (_SKIP_RE); else no need to try.
_SKIP_TRIGGERS: Final = frozenset("-/.:~—至到点时 ")
_ASCII_ALNUM: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NAME_JOINERS: Final = frozenset("+·.#@_&×*")
_QUOTE_MAX: Final = 12  # a numeral inside quotes this short is a name (“十三五”, “两项补贴”)
_LIST_AFTER: Final = frozenset("、)")
_MAX_NUMERAL: Final = 24  # no Chinese numeral in a disclosure is longer; cn2an is slow on long strings


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """Full-width to half-width and traditional to simplified, one character for one character."""
    # re.sub with a lookup is some forty times faster than str.translate on Chinese text.
    return _NEEDS_FOLD.sub(_fold_one, text)


def _fold_one(m: re.Match[str]) -> str:
    return _FOLD_PAIRS[m.group()]


@lru_cache(maxsize=8192)
def read_chinese_numeral(token: str) -> float | None:
    """Read a Chinese numeral (一百二十, 两千, 三点五, 〇, 十一). None when it is not a number."""
    tok = fold(token).replace("〇", "零")
    if not tok or len(tok) > _MAX_NUMERAL:
        return None
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


_ARABIC_FULL: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|[0-9]*\.[0-9]+")


def read_number(token: str) -> float | None:
    """Read one number as written: Arabic (1,234.5, １２３) or Chinese (一百二十). None otherwise."""
    tok = fold(token).strip()
    if not tok:
        return None
    if _ARABIC_FULL.fullmatch(tok):
        value = float(tok.replace(",", ""))
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
            return out
        q, resume = _read_at(ctx, m)
        if q is not None:
            out.append(q)
        pos = max(resume, m.start() + 1)


_QUOTED_RE: Final = re.compile(rf"“[^“”]{{0,{_QUOTE_MAX}}}”|「[^「」]{{0,{_QUOTE_MAX}}}」|‘[^‘’]{{0,{_QUOTE_MAX}}}’")
_TITLE_RE: Final = re.compile(r"《[^《》]*》")


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
        if "“" in norm or "「" in norm or "‘" in norm:
            shields.extend(m.span() for m in _QUOTED_RE.finditer(norm))
        self.shields = shields

    def shielded(self, p: int) -> bool:
        """Whether ``p`` lies inside a book title or short quotes."""
        for a, b in self.shields:  # noqa: SIM110 - a loop: any() over a generator is slower here
            if a < p < b:
                return True
        return False


# (end, multiplier, approximate, unit, unit span, rate denominator)
_TailT = tuple[int, int, bool, str | None, tuple[int, int] | None, str | None]


def _read_tail(norm: str, p: int) -> _TailT:
    """What follows a number: 余/多/来, a multiplier, 余/多, a unit with its rate denominators, 左右."""
    mult = 1
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
            if norm[p : p + 1] in ("余", "多"):
                approx = True
                p += 1
            unit = _UNITS.at(norm, p)
        elif unit is None and norm[p : p + 1] == " ":
            q = p
            while norm[q : q + 1] == " ":
                q += 1
            if norm[q : q + 1] in ("%", "‰"):  # 35.5 %: a table cell's spacing
                p, unit = q, norm[q]
    if unit is None:
        if norm.startswith("左右", p):
            return p + 2, mult, True, None, None, None
        return p, mult, approx, None, None, None
    unit_start = p
    p += len(unit)
    canon = _UNIT_CANON.get(unit, unit)
    # A rate: 600元/月 (per 月), 260元/辆 (unit 元/辆), 80元/人/年.
    per: list[str] = []
    while norm[p : p + 1] in ("/", "每"):
        den = _PER_WORDS.at(norm, p + 1)
        if den is None:
            break
        per.append(den)
        if den not in _TIME_DENOMINATORS and "/" not in canon:
            canon = f"{canon}/{den}"
        p += 1 + len(den)
    unit_span = (unit_start, p)
    if norm.startswith("左右", p):
        approx = True
        p += 2
    return p, mult, approx, canon, unit_span, "/".join(per) or None


def _read_at(ctx: _Context, m: re.Match[str]) -> tuple[Quantity | None, int]:
    """The quantity at match ``m`` (or None) and where to search on from."""
    norm = ctx.norm
    kind = m.lastgroup
    num_start, p = m.start(), m.end()
    is_cn = kind in ("cn", "lone", "lone2")
    approx = kind in ("lone", "lone2")

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
        if kind == "ar":
            token = m.group("ar")
            if norm[p : p + 1] in _SKIP_TRIGGERS or len(token) >= 7:
                skip = _SKIP_RE.match(norm, num_start)
                if skip is not None:
                    return None, skip.end()
            if "," in token and "，" in ctx.text[num_start:p]:
                # A full-width comma separates clauses, not thousands: 1，234 is two numbers.
                token = token[: token.index(",")]
                p = num_start + len(token)
            if len(token) > 1 and token[0] == "0" and token[1] != ".":
                return None, p  # 0571, 007: a code, not a figure
            value = float(token.replace(",", ""))
        elif kind == "cn":
            word = _NUMERAL_WORDS.at(norm, num_start)
            if word is not None:
                return None, num_start + len(word)
            read = read_chinese_numeral(m.group("cn"))
            if read is None:
                return None, p
            value = read
        else:
            value = float(_MULTIPLIERS[m.group(kind or "lone")])
        nxt = norm[p : p + 1]
        not_unit = _NOT_UNITS_AFTER.at(norm, p) if nxt in _NOT_UNIT_FIRST else None
        if not_unit is not None:
            unit_here = _UNITS.at(norm, p)
            if unit_here is None or len(not_unit) >= len(unit_here):
                return None, p  # 2016年, 9月, 20日, 八十岁, 10周年
        end, mult, tail_approx, unit, unit_span, per = _read_tail(norm, p)
        if unit is None:
            if kind == "cn":
                return None, end  # 十余: a word, not a figure
            if end > p and _NOT_UNITS_AFTER.at(norm, end) is not None:
                return None, end  # 3万年, 二十多岁
        elif is_cn and unit_span is not None and norm[unit_span[1] : unit_span[1] + 1] in _NUMERAL_UNIT_WORD_AFTER:
            return None, end  # 一次性, 一站式
        approx = approx or tail_approx
        value *= mult

    # 2. What stands before it: ordinals, codes, names, titles; approximation marks.
    prev = norm[num_start - 1] if num_start else ""
    if prev in _NOT_QUANTITY_LAST and _NOT_QUANTITY_BEFORE.before(norm, num_start) is not None:
        if norm[p : p + 1] in _RANGE_SEPARATORS:  # 第1-3名: the range is an ordinal too
            m2 = _NUMBER_RE.match(norm, p + 1)
            if m2 is not None:
                return None, m2.end()
        return None, end
    prev2 = norm[num_start - 2] if num_start >= 2 else ""
    if prev in _ASCII_ALNUM or prev in _NAME_JOINERS or (prev == "-" and prev2 in _ASCII_LETTERS):
        return None, end  # G20, PM2.5, 3+1, COVID-19
    if is_cn and prev in _VAGUE_LAST and _VAGUE_BEFORE.before(norm, num_start) is not None:
        return None, end  # 数百人, 几十家: not a number
    if ctx.shields and ctx.shielded(num_start):
        return None, end  # 《…2016年…》, “十三五”, “两项补贴”
    start = num_start
    prefix = _APPROX_PREFIX.before(norm, num_start) if prev in _APPROX_LAST else None
    if prefix is not None and _APPROX_PREFIX_NOT.before(norm, num_start) is None:
        if prefix != "上" or kind == "lone2":
            approx = True
            start = num_start - len(prefix)
    elif kind == "lone2":
        return None, end  # 上 inside 成千上万, 近 inside 最近: no number
    negative = (
        prev == "-"
        and not is_cn
        and prev2 not in _ASCII_ALNUM
        and _UNITS.before(norm, num_start - 1) is None  # 20%-30% and 5人-10人 are ranges
    )
    if negative:
        start = num_start - 1
        value = -value
    if not math.isfinite(value):
        return None, end  # 400 nines: no figure

    # 3. A bare figure: list markers, names and labels are none.
    if unit is None:
        nxt = norm[end : end + 1]
        if kind == "lone2" and prefix == "上":
            return None, end  # 上万 alone is a manner of speaking
        if nxt in _RANGE_SEPARATORS and not negative and not approx and mult == 1:
            # A range: the first figure takes the unit and multiplier of the second (3-5人, 1至2万元).
            m2 = _NUMBER_RE.match(norm, end + 1)
            if m2 is not None and m2.lastgroup == kind:
                _, mult2, _, unit2, unit_span2, per2 = _read_tail(norm, m2.end())
                if unit2 is not None:
                    return Quantity(text=ctx.text[start:end], span=(start, end), value=value * mult2,
                                    unit=unit2, per=per2, unit_span=unit_span2), end
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
