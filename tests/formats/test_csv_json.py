from __future__ import annotations

import json
from datetime import date

import pytest

from jixiao.core.errors import InputTooLargeError, ReaderError, UnsupportedFormatError
from jixiao.formats.csvfmt import read_csv, read_csv_all
from jixiao.formats.jsonfmt import read_json, read_json_all
from jixiao.formats.limits import Limits

from .builders import ROWS, TITLE, csv_text, disclosure_json, texts

# --- CSV ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""), ("gb18030", b"")]
)
def test_csv_encodings(encoding: str, bom: bytes) -> None:
    d = read_csv(bom + csv_text().encode(encoding), source="t.csv")
    assert texts(d) == ROWS
    assert d.title == TITLE
    assert d.published == date(2020, 7, 15)
    assert d.period == "上半年"


def test_csv_line_numbers_count_physical_lines() -> None:
    d = read_csv(csv_text())
    # title, date, header are lines 1-3; the second row's progress spans two lines
    assert [r.line for r in d.rows] == [4, 5, 7]


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_csv_other_delimiters(delimiter: str) -> None:
    assert texts(read_csv(csv_text(delimiter=delimiter))) == ROWS


def test_csv_without_header_is_refused() -> None:
    with pytest.raises(ReaderError, match="header row"):
        read_csv("a,b,c\n1,2,3\n", source="x.csv")


def test_csv_wrong_encoding_named() -> None:
    with pytest.raises(ReaderError, match="cannot decode as utf-8"):
        read_csv(csv_text().encode("gbk"), encoding="utf-8")


def test_csv_limits() -> None:
    body = "目标名称,考核指标,完成进度\n" + "".join(f"甲,指标{i},完成\n" for i in range(40))
    assert len(read_csv(body).rows) == 40
    with pytest.raises(InputTooLargeError):
        read_csv(body, limits=Limits(max_rows=10))
    with pytest.raises(InputTooLargeError):
        read_csv(body, limits=Limits(max_bytes=50))
    wide = "目标名称,考核指标,完成进度\n甲,乙,丙" + ",x" * 500 + "\n"
    with pytest.raises(InputTooLargeError, match="fields"):
        read_csv(wide)


def test_csv_field_too_large_is_an_error() -> None:
    text = '目标名称,考核指标,完成进度\n甲,"' + "长" * 200_000 + '",丙\n'
    with pytest.raises(ReaderError, match="line"):
        read_csv(text)


def test_csv_export_layout_with_several_disclosures() -> None:
    text = (
        "title,organization,year,period,published,row,goal,indicator,progress,verdict\n"
        "甲局2020年目标,甲局,2020,全年,2021-01-05,1,目标一,'=指标一,进度一,met\n"
        "甲局2020年目标,甲局,2020,全年,2021-01-05,1,目标一,'=指标一,进度一,met\n"
        "甲局2020年目标,甲局,2020,全年,2021-01-05,2,目标二,指标二,'-进度二,not_met\n"
        "乙局2021年目标,,,,,1,目标三,指标三,进度三,\n"
    )
    first, second = read_csv_all(text)
    assert texts(first) == [("目标一", "=指标一", "进度一"), ("目标二", "指标二", "-进度二")]
    assert (first.title, first.organization, first.year, first.period, first.published) == (
        "甲局2020年目标", "甲局", 2020, "全年", date(2021, 1, 5))
    assert (second.organization, second.year, second.period, second.published) == (None, None, None, None)
    with pytest.raises(ReaderError, match="2 disclosures"):
        read_csv(text)
    # an unreadable year is a gap, reported, never a reason to reject the document
    odd, _ = read_csv_all(text.replace(",2020,", ",明年,"))
    assert odd.year is None and [w.field for w in odd.warnings] == ["year"]
    assert "明年" in odd.warnings[0].message and odd.warnings[0].line == 2


# --- JSON ---------------------------------------------------------------------------------------


def test_json_disclosure() -> None:
    d = read_json(json.dumps(disclosure_json(), ensure_ascii=False).encode("utf-8"), source="d.json")
    assert texts(d) == ROWS
    assert (d.title, d.organization, d.year, d.period, d.published) == (
        TITLE, "某某区文化和旅游局", 2020, "上半年", date(2020, 7, 15))
    assert [r.line for r in d.rows] == [1, 2, 3]


def test_json_check_report_as_input() -> None:
    report = {
        "schema": "jixiao.check/1", "title": "某局2019年目标", "organization": None, "year": 2019,
        "period": "全年", "published": None,
        "indicators": [{"goal": g, "indicator": i, "progress": p, "verdict": "unverified", "targets": []}
                       for g, i, p in ROWS],
    }
    d = read_json(json.dumps(report))
    assert texts(d) == ROWS
    assert d.year == 2019


def test_json_dataset_and_list() -> None:
    doc = disclosure_json()
    both = read_json_all(json.dumps({"schema": "jixiao.dataset/1", "documents": [doc, doc]}))
    assert len(both) == 2
    assert len(read_json_all(json.dumps([doc, doc, doc]))) == 3
    with pytest.raises(ReaderError, match="3 disclosures"):
        read_json(json.dumps([doc, doc, doc]))


@pytest.mark.parametrize(
    ("change", "field"),
    [({"year": "二〇二〇"}, "year"), ({"year": True}, "year"), ({"published": "2020/13/45"}, "published"),
     ({"published": 20200101}, "published")],
)
def test_json_bad_metadata_is_a_warning_not_an_error(change: dict[str, object], field: str) -> None:
    d = read_json(json.dumps({**disclosure_json(), **change}), source="gap.json")
    assert getattr(d, field) is None
    assert [w.field for w in d.warnings] == [field]
    assert field in d.warnings[0].message


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": 5}, "title"),
        ({"rows": {"goal": "x"}}, "rows"),
        ({"rows": [{"goal": "x"}]}, "rows[0].indicator"),
        ({"rows": [{"goal": "x", "indicator": ["a"]}]}, "rows[0].indicator"),
        ({"rows": ["x"]}, "rows[0]"),
    ],
)
def test_json_bad_fields_are_named(change: dict[str, object], field: str) -> None:
    doc = {**disclosure_json(), **change}
    with pytest.raises(ReaderError) as info:
        read_json(json.dumps(doc), source="bad.json")
    assert info.value.field == field
    assert "bad.json" in str(info.value)


def test_json_unknown_schema_and_malformed() -> None:
    with pytest.raises(UnsupportedFormatError):
        read_json(json.dumps({**disclosure_json(), "schema": "other/2"}))
    with pytest.raises(ReaderError) as info:
        read_json('{\n"title": "x",\n"rows": [\n')
    assert info.value.line is not None
    with pytest.raises(ReaderError):
        read_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ReaderError):
        read_json('{"title": "x", "year": ' + "9" * 10_000 + ', "rows": []}')


def test_csv_and_html_in_traditional_characters_read_their_headers_and_date() -> None:
    import opencc

    from jixiao.formats.html import read_html

    from .builders import html_page

    s2hk = opencc.OpenCC("s2hk")
    d = read_csv(s2hk.convert(csv_text()))
    assert len(d.rows) == len(ROWS)
    assert d.published == date(2020, 7, 15)  # 發佈時間
    assert d.title == s2hk.convert(TITLE)  # the title itself is kept as written
    page = read_html(s2hk.convert(html_page(charset="utf-8")).encode("utf-8"), source="p.html")
    assert len(page.rows) == len(ROWS)
    assert page.published == date(2020, 7, 15)
