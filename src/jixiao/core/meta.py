"""Reading a disclosure's metadata from its title and header lines: organisation, year, period, date."""

from __future__ import annotations

import re
from datetime import date

from jixiao.core.lexicon import LEXICON
from jixiao.core.model import Disclosure, ReadWarning

_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
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


def period_of(title: str) -> str | None:
    """The reporting period the title names, normalised (一季度, 上半年, 前三季度, 全年 ...)."""
    for spelling, period in LEXICON.period_spellings:
        if spelling in title:
            return period
    return None


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


_YEAR_MONTH_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月")


def parse_year_month(text: str) -> tuple[int, int] | None:
    """The first year and month in ``text`` (2023年12月底前 → (2023, 12)), or None."""
    m = _YEAR_MONTH_RE.search(text)
    return (int(m.group(1)), int(m.group(2))) if m else None


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
