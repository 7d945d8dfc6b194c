"""Fuzzing: whatever the bytes, a reader returns a Disclosure or raises ReaderError, nothing else."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.errors import ReaderError
from jixiao.core.model import Disclosure, Row
from jixiao.formats.csvfmt import read_csv
from jixiao.formats.html import read_html
from jixiao.formats.jsonfmt import read_json
from jixiao.formats.registry import read_document, read_documents
from jixiao.formats.writers import OUT_FORMATS, write_disclosures
from jixiao.formats.xlsx import read_xlsx

from .builders import csv_text, disclosure_json, html_page, meta, texts, xlsx_book

Reader = Callable[..., Disclosure]
READERS: dict[str, Reader] = {
    "html": read_html, "csv": read_csv, "json": read_json, "xlsx": read_xlsx, "any": read_document,
}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reads_or_refuses(reader: Reader, data: bytes) -> None:
    try:
        d = reader(data, source="fuzz")
    except ReaderError as exc:
        assert str(exc).startswith("fuzz")  # the error names the source
        return
    assert isinstance(d, Disclosure)
    assert all(isinstance(r, Row) for r in d.rows)


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(name: str, data: bytes) -> None:
    _reads_or_refuses(READERS[name], data)


VALID = {
    "html": html_page().encode("gbk"),
    "csv": csv_text().encode("gbk"),
    "json": json.dumps(disclosure_json(), ensure_ascii=False).encode("utf-8"),
    "xlsx": xlsx_book(),
}


@pytest.mark.parametrize("name", sorted(VALID))
@FUZZ
@given(data=st.data())
def test_damaged_valid_documents(name: str, data: st.DataObject) -> None:
    """A real-looking document with bytes overwritten, inserted or cut off."""
    blob = bytearray(VALID[name])
    for _ in range(data.draw(st.integers(1, 8))):
        pos = data.draw(st.integers(0, len(blob) - 1))
        action = data.draw(st.sampled_from(["set", "insert", "delete"]))
        byte = data.draw(st.integers(0, 255))
        if action == "set":
            blob[pos] = byte
        elif action == "insert":
            blob.insert(pos, byte)
        elif len(blob) > 1:
            del blob[pos]
    if data.draw(st.booleans()):
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    _reads_or_refuses(READERS[name], bytes(blob))
    _reads_or_refuses(read_document, bytes(blob))


_WORDS = ["目标名称", "考核指标", "完成进度", "项目", "指标", "进展", "发布时间：2020年1月2日", "甲", "完成96%", ""]
_TAGS = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", '<td rowspan="3">', '<td colspan="0">',
         '<td rowspan="-2" colspan="x">', "<br>", "<p>", "</p>", "<b>", "<!--", "-->", "<script>", "</script>",
         "<title>", "<h1>", "</h1>", '<meta charset="gbk">', "&nbsp;", "&#0;", "<![CDATA[", "\n"]


@FUZZ
@given(parts=st.lists(st.sampled_from(_TAGS + _WORDS), max_size=80), enc=st.sampled_from(["utf-8", "gb18030"]))
def test_html_token_soup(parts: list[str], enc: str) -> None:
    _reads_or_refuses(read_html, "".join(parts).encode(enc))


@FUZZ
@given(
    records=st.lists(st.lists(st.sampled_from([*_WORDS, '"', '"a""b"', "\r", ",", "\t"]), max_size=6), max_size=20),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_csv_soup(records: list[list[str]], delimiter: str) -> None:
    text = "\n".join(delimiter.join(r) for r in records)
    _reads_or_refuses(read_csv, text.encode("utf-8"))


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["schema", "title", "rows", "indicators", "goal", "indicator", "progress", "year",
                         "published", "documents", "line"]), inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(value=_json_values)
def test_json_shapes(value: object) -> None:
    _reads_or_refuses(read_json, json.dumps(value).encode("utf-8"))


# --- round trips of arbitrary disclosures ----------------------------------------------------------

_cell = st.text(
    alphabet=st.sampled_from(list("目标考核指标完成进度率万元人次个%0123456789.,;\"'=+-@ \n|｜，。：（）《》\u3000")),
    max_size=40,
).map(lambda s: s.strip(" \t\u3000\u00a0\ufeff\r\n"))
_row = st.tuples(_cell, _cell.filter(bool), _cell)
_disclosure = st.builds(
    lambda title, rows, org, year, period, published: Disclosure(
        title=title, rows=[Row(*r) for r in rows], organization=org, year=year, period=period, published=published
    ),
    title=_cell,
    rows=st.lists(_row, min_size=1, max_size=6),
    org=st.none() | _cell.filter(bool),
    year=st.none() | st.integers(1990, 2099),
    period=st.none() | st.sampled_from(["一季度", "上半年", "前三季度", "全年"]),
    published=st.none() | st.dates(date(1990, 1, 1), date(2099, 12, 31)),
)


@pytest.mark.parametrize("fmt", OUT_FORMATS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ds=st.lists(_disclosure, min_size=1, max_size=3))
def test_any_disclosures_round_trip(fmt: str, ds: list[Disclosure]) -> None:
    blob = write_disclosures(ds, fmt)  # type: ignore[arg-type]
    back = read_documents(blob, source=f"x.{fmt}")
    # adjacent identical rows are one row merged over several lines in a sheet: compare without them
    def dedup(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        return [r for i, r in enumerate(rows) if i == 0 or rows[i - 1] != r]

    assert [(dedup(texts(b)) if fmt != "json" else texts(b), meta(b)) for b in back] == [
        (dedup(texts(d)) if fmt != "json" else texts(d), meta(d)) for d in ds
    ]
