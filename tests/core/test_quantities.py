"""Reading numbers and quantities: the example list in data/quantities.tsv, plus the number readers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from jixiao.core.quantities import find_quantities, fold, read_chinese_numeral, read_number
from jixiao.core.results import Quantity

CASES_FILE = Path(__file__).parent / "data" / "quantities.tsv"


@dataclass(frozen=True)
class Expected:
    words: str
    value: float
    unit: str | None
    approx: bool
    per: str | None


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    expected: tuple[Expected, ...]
    note: str
    xfail: str | None


def _parse_item(item: str, where: str) -> Expected:
    parts = item.strip().split("|")
    if len(parts) < 3:
        raise ValueError(f"{where}: item {item!r} needs words|value|unit[|flags]")
    words, value, unit = parts[0], parts[1], parts[2]
    flags = parts[3].split() if len(parts) > 3 else []
    per = next((f[4:] for f in flags if f.startswith("per=")), None)
    return Expected(words, float(value), None if unit == "-" else unit, "~" in flags, per)


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for lineno, raw in enumerate(CASES_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) < 3:
            raise ValueError(f"{CASES_FILE.name}, line {lineno}: needs text, expected and note")
        text, expected, note = cols[0], cols[1].strip(), cols[2]
        xfail = cols[3].removeprefix("xfail:").strip() if len(cols) > 3 else None
        where = f"{CASES_FILE.name}, line {lineno}"
        items = () if expected == "-" else tuple(_parse_item(i, where) for i in expected.split(" ; "))
        cases.append(Case(lineno, text, items, note, xfail))
    return cases


CASES = load_cases()


def _params() -> list[object]:
    out: list[object] = []
    for c in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else []
        out.append(pytest.param(c, id=f"L{c.line}-{c.text[:16]}", marks=marks))
    return out


def _describe(qs: list[Quantity]) -> list[tuple[str, float, str | None, bool, str | None]]:
    return [(q.text, q.value, q.unit, q.approx, q.per) for q in qs]


@pytest.mark.parametrize("case", _params())
def test_example(case: Case) -> None:
    found = find_quantities(case.text)
    assert len(found) == len(case.expected), f"{case.note}: {_describe(found)}"
    pos = 0
    for q, exp in zip(found, case.expected, strict=True):
        start = case.text.find(exp.words, pos)
        assert start != -1, f"line {case.line}: {exp.words!r} not in {case.text!r}"
        assert q.span == (start, start + len(exp.words)), f"{case.note}: {_describe(found)}"
        assert q.text == exp.words
        assert math.isclose(q.value, exp.value, rel_tol=1e-9, abs_tol=1e-9), f"{case.note}: {q.value}"
        assert q.unit == exp.unit, case.note
        assert q.approx is exp.approx, case.note
        assert q.per == exp.per, case.note
        pos = q.span[1]


def test_the_list_is_long_and_covers_both_sides() -> None:
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if not c.expected) >= 30  # traps: no quantity
    assert sum(1 for c in CASES if c.expected) >= 30


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("十一", 11), ("两千", 2000), ("一百二十", 120), ("三点五", 3.5), ("〇", 0), ("零", 0),
        ("一万二千", 12000), ("两万五千", 25000), ("三点五万", 35000), ("一点二亿", 120000000),
        ("二〇一六", 2016), ("九十六点五", 96.5), ("十", 10),
    ],
)
def test_read_chinese_numeral(token: str, value: float) -> None:
    assert read_chinese_numeral(token) == value


@pytest.mark.parametrize("token", ["十三五", "百", "万一", "十几", "", "abc"])
def test_read_chinese_numeral_rejects_what_is_no_number(token: str) -> None:
    assert read_chinese_numeral(token) is None


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1,234.5", 1234.5), ("１２３", 123), (" 42 ", 42), (".5", 0.5), ("三分", None), ("一百", 100),
        ("百", 100), ("兩千", 2000), ("", None), ("1,23", None), ("12a", None),
    ],
)
def test_read_number(token: str, value: float | None) -> None:
    assert read_number(token) == value


def test_fold_keeps_length_and_maps_forms() -> None:
    text = "１２３個萬元，９６％（二）"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "123个万元,96%(二)"
    assert fold("纯中文没有全角") == "纯中文没有全角"


def test_unit_span_names_the_unit() -> None:
    text = "发放助学金1003.05万元，停车费260元/辆"
    first, second = find_quantities(text)
    assert first.unit_span is not None and text[first.unit_span[0] : first.unit_span[1]] == "元"
    assert second.unit_span is not None and text[second.unit_span[0] : second.unit_span[1]] == "元/辆"


def test_long_text_reads_every_figure_in_order() -> None:
    parts = [f"第{i}批发放{i * 10}万元，" for i in range(1, 40)]
    found = find_quantities("".join(parts))
    assert [q.value for q in found] == [i * 100000.0 for i in range(1, 40)]
    assert all(q.unit == "元" for q in found)


def test_absurdly_long_numbers_are_no_figures() -> None:
    assert find_quantities("9" * 400 + "元") == []
    assert read_number("9" * 400) is None
    assert read_chinese_numeral("九" * 400) is None
    assert all(math.isfinite(q.value) for q in find_quantities("九" * 60 + "元" + "1" * 300 + "万元"))


def test_a_multiplied_decimal_is_the_exact_figure() -> None:
    from jixiao.core.quantities import find_quantities

    assert [q.value for q in find_quantities("完成投资2.3亿元,造林1.62万亩")] == [230_000_000, 16_200]
