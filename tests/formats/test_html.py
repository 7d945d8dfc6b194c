from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jixiao.core.errors import InputTooLargeError, ReaderError
from jixiao.formats.html import decode_html, read_html
from jixiao.formats.limits import Limits
from jixiao.formats.registry import read_path

from .builders import ROWS, TITLE, html_page, texts

FIXTURES = Path(__file__).parent / "fixtures"


def test_gbk_page_with_rowspan_repeated_headers_and_nested_markup() -> None:
    page = html_page(charset="gb2312", header_each_row=True)
    d = read_html(page.encode("gbk"), source="page.html")
    assert texts(d) == ROWS
    assert d.title == TITLE
    assert d.published == date(2020, 7, 15)
    assert (d.organization, d.year, d.period) == ("某某区文化和旅游局", 2020, "上半年")
    # Row.line is the line of the row's <tr> in the page
    lines = page.splitlines()
    for row in d.rows:
        assert row.line is not None
        assert "<tr>" in lines[row.line - 1] or "<td" in lines[row.line - 1]
    assert d.rows[0].line < d.rows[1].line < d.rows[2].line


def test_fixture_file_in_gbk_is_read_through_the_registry() -> None:
    d = read_path(FIXTURES / "wenlv-2020-h1.gbk.html")
    assert texts(d) == ROWS
    assert d.published == date(2020, 7, 15)


def test_utf8_page_with_header_once() -> None:
    page = html_page(charset="utf-8", header_each_row=False)
    d = read_html(page.encode("utf-8"))
    assert texts(d) == ROWS


@pytest.mark.parametrize(
    ("declared", "encoding"), [("utf-8", "gbk"), ("gb2312", "utf-8"), ("no-such-charset", "utf-8")]
)
def test_wrong_encoding_declared_is_recovered(declared: str, encoding: str) -> None:
    page = html_page(charset=declared)
    d = read_html(page.encode(encoding))
    assert texts(d) == ROWS


def test_bytes_in_no_encoding_give_a_clear_error() -> None:
    with pytest.raises(ReaderError, match="UTF-8 or GBK"):
        decode_html(b"<html>\xff\xfe\xfd\x80\x80\x81</html>" + b"\xff" * 5, source="bad.html")


def test_blank_third_header_cell_and_th_cells() -> None:
    page = """<html><body><h1>某县民政局2022年民生实事完成情况</h1>
    <p>发布日期: 2023-01-05</p>
    <table><thead><tr><th>目标名称</th><th>考核指标</th><th></th></tr></thead>
    <tbody><tr><th>养老服务</th><td>新建村级养老服务站15个</td><td>已建成15个</td></tr></tbody></table>
    </body></html>"""
    d = read_html(page)
    assert texts(d) == [("养老服务", "新建村级养老服务站15个", "已建成15个")]
    assert d.title == "某县民政局2022年民生实事完成情况"
    assert d.published == date(2023, 1, 5)
    assert d.year == 2022


def test_meta_tags_give_title_and_date() -> None:
    page = """<html><head><meta name="ArticleTitle" content="某市体育局2019年目标完成情况（前三季度）">
    <meta name="PubDate" content="2019-10-12 09:30"></head><body>
    <table><tr><td>项目</td><td>指标</td><td>进展</td></tr>
    <tr><td>全民健身</td><td>建设社区健身点50个</td><td>已建成41个</td></tr></table></body></html>"""
    d = read_html(page)
    assert d.title == "某市体育局2019年目标完成情况（前三季度）"
    assert d.published == date(2019, 10, 12)
    assert d.period == "前三季度"


def test_colspan_row_and_cells_spanning_rows_and_columns() -> None:
    page = """<table>
    <tr><td colspan="3">某局2021年绩效目标</td></tr>
    <tr><td>目标名称</td><td>考核指标</td><td>完成进度</td></tr>
    <tr><td rowspan="3">甲</td><td>指标一</td><td rowspan="2">两项合并说明</td></tr>
    <tr><td>指标二</td></tr>
    <tr><td>指标三</td><td>进度三</td></tr>
    <tr><td colspan="3">注：以上数据截至6月底</td></tr>
    </table>"""
    d = read_html(page)
    assert texts(d) == [("甲", "指标一", "两项合并说明"), ("甲", "指标二", "两项合并说明"), ("甲", "指标三", "进度三")]
    assert d.title == "某局2021年绩效目标"


def test_enormous_spans_are_capped() -> None:
    page = """<table><tr><td>目标名称</td><td>考核指标</td><td>完成进度</td></tr>
    <tr><td rowspan="99999999">甲</td><td colspan="3">指标</td><td>x</td></tr>
    <tr><td>指标二</td><td>进度二</td></tr></table>"""
    d = read_html(page)
    assert texts(d)[1] == ("甲", "指标二", "进度二")
    with pytest.raises(InputTooLargeError):
        read_html(page.replace('colspan="3"', 'colspan="999"'), limits=Limits(max_columns=100))


def test_not_a_disclosure_page() -> None:
    with pytest.raises(ReaderError, match="目标名称"):
        read_html(b"<html><body><table><tr><td>a</td><td>b</td></tr></table></body></html>", source="p.html")


def test_header_without_rows() -> None:
    with pytest.raises(ReaderError, match="no rows"):
        read_html("<table><tr><td>目标名称</td><td>考核指标</td><td>完成进度</td></tr></table>")


def test_row_limit() -> None:
    many = "".join(f"<tr><td>甲</td><td>指标{i}</td><td>进度</td></tr>" for i in range(30))
    page = f"<table><tr><td>目标名称</td><td>考核指标</td><td>完成进度</td></tr>{many}</table>"
    assert len(read_html(page).rows) == 30
    with pytest.raises(InputTooLargeError, match="20"):
        read_html(page, limits=Limits(max_rows=20))
    with pytest.raises(InputTooLargeError):
        read_html(page, limits=Limits(max_bytes=100))


def test_deeply_nested_markup_is_not_a_crash() -> None:
    page = "<table><tr><td>目标名称</td><td>考核指标</td><td>完成进度</td></tr><tr><td>甲</td><td>" + (
        "<span>" * 5000 + "深" + "</span>" * 5000
    ) + "</td><td>乙</td></tr></table>"
    try:
        d = read_html(page)
    except ReaderError:
        return
    assert d.rows[0].goal == "甲"


def test_spans_filling_a_huge_grid_hit_the_cell_limit() -> None:
    wide = "<table><tr>" + '<td rowspan="500">a</td>' * 50 + "</tr>" + "<tr></tr>" * 400 + "</table>"
    with pytest.raises(InputTooLargeError, match="cells"):
        read_html(wide, limits=Limits(max_cells=10_000))


def test_label_value_tables_one_per_target() -> None:
    block = """<table>
    <tr><td>目标名称</td><td>{g}</td></tr>
    <tr><td>考核指标</td><td>{i}</td></tr>
    <tr><td>完成进度</td><td>{p}</td></tr></table>"""
    page = "<html><body><h2>某县水利局2021年目标完成情况</h2>" + "".join(
        block.format(g=g, i=i, p=p.replace("\n", "<br>")) for g, i, p in ROWS) + "</body></html>"
    d = read_html(page)
    assert texts(d) == ROWS
    assert d.title == "某县水利局2021年目标完成情况"
    # both in one table, label and value side by side twice in a row
    one = """<table><tr><td>目标名称</td><td>甲</td><td>考核指标</td><td>指标一</td></tr>
    <tr><td>完成进度</td><td>进度一</td></tr>
    <tr><td>目标名称</td><td>乙</td><td>考核指标</td><td>指标二</td></tr><tr><td>完成进度</td><td></td></tr></table>"""
    assert texts(read_html(one)) == [("甲", "指标一", "进度一"), ("乙", "指标二", "")]


def test_title_skips_the_site_banner() -> None:
    page = """<html><head><title>某县人民政府门户网站</title></head><body>
    <h1>某县人民政府门户网站</h1><div class="nav">首页 &gt; 政务公开</div>
    <h2>某县交通运输局2022年度绩效目标完成情况</h2><span>发布时间：2023年2月1日</span>
    <table><tr><td>目标名称</td><td>考核指标</td><td>完成进度</td></tr>
    <tr><td>农村公路</td><td>新改建农村公路50公里</td><td>完成52公里</td></tr></table></body></html>"""
    d = read_html(page)
    assert d.title == "某县交通运输局2022年度绩效目标完成情况"
    assert (d.organization, d.year, d.published) == ("某县交通运输局", 2022, date(2023, 2, 1))
