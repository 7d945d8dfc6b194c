"""Small helpers over running Chinese text: clauses, sentences, brackets and character pairs."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Final

from jixiao.core.lexicon import LEXICON

_SENTENCE_ENDS: Final = frozenset("。；;！!？?\n")
_OPEN: Final = {"(": ")", "（": "）", "【": "】", "[": "]"}
_CLOSE: Final = {v: k for k, v in _OPEN.items()}
_OPEN_RE: Final = re.compile("[" + re.escape("".join(_OPEN)) + "]")
# Characters that carry no meaning in a pair: spaces, punctuation, digits.
# Mirror-site noise: a character's pinyin in brackets after it (國內(nèi), 標(biāo)準(zhǔn)).
_PINYIN_RE: Final = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_SKIP_RE: Final = re.compile(r"[\s\d.%,，。；;：:、()（）“”\"'‘’《》【】\[\]\-—·/|]+")
# Where a text breaks into runs of words for pairing: punctuation, digits, and [align] pair_breaks.
_BREAK_RE: Final = re.compile("|".join([_SKIP_RE.pattern, *(re.escape(w) for w in LEXICON.pair_breaks)]))


_DELIMITER_RE: Final = re.compile("[" + re.escape("".join(sorted(LEXICON.clause_delimiters))) + "]")


@lru_cache(maxsize=64)
def _delimiters(text: str) -> list[int]:
    """Positions of the clause delimiters in ``text`` (a text is asked about many times in a row)."""
    return [m.start() for m in _DELIMITER_RE.finditer(text)]


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: from the delimiter before it to the one after it."""
    delims = _delimiters(text)
    i = bisect_left(delims, start)  # delimiters before ``start``: delims[:i]
    lo = delims[i - 1] + 1 if i else 0
    j = bisect_left(delims, end, i)
    hi = delims[j] if j < len(delims) else len(text)
    return lo, hi


def starts_a_change(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is where a change starts (由50%提高到60%, 从每生每年500元提高
    到600元, 由2020年的3.2万人增加到5万人): after a from-word of its clause, before a change to another figure."""
    if _CHANGE_TO_RE.match(text, end) is None:
        return False
    lo, _hi = clause_bounds(text, start, end)
    at = last_word_end(text, LEXICON.from_words, max(lo, start - _FROM_REACH), start)
    return at >= 0 and not DIGIT_RE.search(_YEAR_OF_RE.sub("", text[at:start]))


_FROM_REACH: Final = 12
_CHANGE_TO_RE: Final = re.compile(
    r"\s*(?:以上|以下|以内|左右)?\s*(?:"
    + "|".join(map(re.escape, (*LEXICON.increase, *LEXICON.decrease, *LEXICON.change_to_verbs)))
    + r")\s*了?\s*(?:" + "|".join(map(re.escape, LEXICON.change_to_words)) + ")"
)
_YEAR_OF_RE: Final = re.compile(r"(?:19|20)\d{2}\s*年(?:底|末|初)?")
DIGIT_RE: Final = re.compile(r"\d")  # a digit (in folded text: full-width ones are half-width there)


_SENTENCE_BREAKS: Final = "。；;\n"  # where a statement's or a list's sentence ends (not ！？, rare in reports)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: after the 。；; or line break before it, up to the one after it."""
    lo = max(text.rfind(d, 0, start) for d in _SENTENCE_BREAKS) + 1
    ends = [i for d in _SENTENCE_BREAKS if (i := text.find(d, end)) >= 0]
    return lo, (min(ends) if ends else len(text))


def previous_clause_start(text: str, clause_lo: int) -> int:
    """Start of the clause before the one starting at ``clause_lo``, within the same sentence."""
    if clause_lo == 0 or text[clause_lo - 1] in _SENTENCE_ENDS:
        return clause_lo
    delims = _delimiters(text)
    i = bisect_right(delims, clause_lo - 2)  # the delimiter before the one that ends the previous clause
    return delims[i - 1] + 1 if i else 0


def in_brackets(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside round brackets that open before it on the same clause."""
    lo = max(0, pos - 40)
    if _OPEN_RE.search(text, lo, pos) is None:
        return False  # no bracket opens in reach: the usual case
    depth = 0
    for i in range(pos - 1, lo - 1, -1):
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                return True
            depth -= 1
        elif ch in "。；;\n":
            return False
    return False


_SYNONYM_RE: Final = re.compile("|".join(re.escape(w) for w, _ in LEXICON.synonyms)) if LEXICON.synonyms else None
_CANONICAL: Final = dict(LEXICON.synonyms)


def _canonical(m: re.Match[str]) -> str:
    return _CANONICAL[m.group()]


def canonical_names(text: str) -> str:
    """Every name of a metric written as its first name in the lexicon ([align] synonyms): GDP → 地区生产总值."""
    return _SYNONYM_RE.sub(_canonical, text) if _SYNONYM_RE is not None else text


_METRIC_SPELLING_RE: Final = re.compile("|".join(re.escape(w) for w, name in sorted(
    LEXICON.synonyms, key=lambda p: len(p[0]), reverse=True) if name not in LEXICON.scope_qualifiers) or "(?!)")


@lru_cache(maxsize=256)
def metric_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where ``text`` names a metric of the lexicon, by any spelling: (start, end, first name), in order."""
    return tuple((m.start(), m.end(), _CANONICAL[m.group()]) for m in _METRIC_SPELLING_RE.finditer(text))


def metric_names(text: str) -> tuple[str, ...]:
    """The metrics the lexicon names ([align] synonyms, by their first names) that ``text`` writes, in order:
    全市GDP增长6%, 社零增长7% → [地区生产总值, 社会消费品零售总额]. Qualifiers (规模以上) are no metric."""
    return tuple(name for _s, _e, name in metric_mentions(text))


# The pinyin a mirror site writes after a character (增長(zhǎng), 進(jìn)出口): a bracketed syllable with a tone mark
# right after a Chinese character ((km) and (m) are units, and carry no tone mark).
_TONED_PINYIN_RE: Final = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


def strip_pinyin(text: str) -> tuple[str, list[int] | None]:
    """``text`` without a mirror site's pinyin (增長(zhǎng)7% → 增長7%), and for each character of the result its
    offset in ``text`` (one more entry: the end), so spans found in the result index ``text``; ``None`` for
    the offsets when there was nothing to strip."""
    if "(" not in text:
        return text, None
    cuts = [m.span() for m in _TONED_PINYIN_RE.finditer(text)]
    if not cuts:
        return text, None
    kept: list[str] = []
    offsets: list[int] = []
    pos = 0
    for a, b in cuts:
        kept.append(text[pos:a])
        offsets.extend(range(pos, a))
        pos = b
    kept.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(kept), offsets


def original_span(span: tuple[int, int], offsets: list[int] | None) -> tuple[int, int]:
    """A span of ``strip_pinyin``'s result as a span of the text it was stripped from."""
    if offsets is None:
        return span
    s, e = span
    return (offsets[s], offsets[e - 1] + 1) if e > s else (offsets[s], offsets[s])


@lru_cache(maxsize=1024)
def bigrams(text: str) -> frozenset[str]:
    """Character pairs of ``text`` that carry meaning (punctuation, digits and stop pairs left out).

    Cached: a row's clauses and its goal are compared with many candidates."""
    plain = canonical_names(_PINYIN_RE.sub("", text) if "(" in text else text)
    pairs = {run[i : i + 2] for run in _BREAK_RE.split(plain) for i in range(len(run) - 1)}
    return frozenset(pairs - LEXICON.stop_bigrams)


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text`` (one regular-expression search)."""
    return _alternation(words).search(text) is not None


def names_standard(text: str) -> bool:
    """Whether ``text`` names a fixed standard (补助标准, 低保标准): a standard word outside the words that only
    praise the work's quality (高标准农田, 标准化建设)."""
    for word in LEXICON.standard_not_words:
        text = text.replace(word, "")
    return contains_any(text, LEXICON.standard_words)


def last_word_end(text: str, words: tuple[str, ...], lo: int = 0, hi: int | None = None) -> int:
    """Where the last of ``words`` in ``text[lo:hi]`` ends (the furthest end of each word's last occurrence), or
    -1 when none occurs: what follows it is what that word governs (计划新增2万人, 由50%提高到60%)."""
    end = len(text) if hi is None else hi
    return max((i + len(w) for w in words if (i := text.rfind(w, lo, end)) >= 0), default=-1)


def last_words(text: str, words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Every occurrence of ``words`` in ``text``, overlapping ones included, for finding the last."""
    pat = _lookahead(words)
    return [(m.start(), m.start() + len(m.group(1)), m.group(1)) for m in pat.finditer(text)]


def word_ends_within(text: str, words: tuple[str, ...], n: int) -> bool:
    """Whether one of ``words`` occurs in ``text`` ending no more than ``n`` characters before its end."""
    if not words:
        return False
    limit = len(text) - n
    for m in _lookahead(words).finditer(text, max(0, limit - max(map(len, words)))):
        if m.start() + len(m.group(1)) >= limit:
            return True
    return False


@lru_cache(maxsize=64)
def _lookahead(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("(?=(" + ("|".join(re.escape(w) for w in ordered) or "(?!)") + "))")


def find_words(text: str, words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences of ``words`` (longest first where two start at one place)."""
    return [(m.start(), m.end(), m.group()) for m in _alternation(words).finditer(text)]


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered) or "(?!)")


def word_before(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` that ends exactly at ``pos`` (longest first)."""
    for length, bag in _by_length(words):
        if pos >= length and text[pos - length : pos] in bag:
            return text[pos - length : pos]
    return None


@lru_cache(maxsize=128)
def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths = sorted({len(w) for w in words}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


def word_after(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` that starts exactly at ``pos`` (longest first)."""
    for length, bag in _by_length(words):
        if text[pos : pos + length] in bag:
            return text[pos : pos + length]
    return None
