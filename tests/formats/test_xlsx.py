from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from jixiao.core.errors import InputTooLargeError, ReaderError, UnsupportedFormatError
from jixiao.formats.limits import Limits
from jixiao.formats.registry import read_document
from jixiao.formats.template import HEADER_ROW, TEMPLATE_SHEET, template_workbook
from jixiao.formats.xlsx import cell_text, read_xlsx

from .builders import ROWS, TITLE, texts, xlsx_book


def _save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_merged_goal_cells_several_sheets_title_and_date() -> None:
    d = read_xlsx(xlsx_book(merged=True, extra_sheet=True), source="book.xlsx")
    assert texts(d) == ROWS
    assert d.title == TITLE
    assert d.published == date(2020, 7, 15)
    assert (d.year, d.period) == (2020, "上半年")
    assert [r.line for r in d.rows] == [4, 5, 2]  # sheet rows


def test_one_sheet_without_merges() -> None:
    d = read_xlsx(xlsx_book(merged=False, extra_sheet=False))
    assert texts(d) == ROWS
    assert [r.line for r in d.rows] == [4, 5, 6]


def test_numbers_percentages_and_dates_read_as_shown() -> None:
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.append(["目标名称", "考核指标", "完成进度", "备注"])
    ws.append(["城镇新增就业", 27800, 0.879, None])
    ws["C2"].number_format = "0.0%"
    ws.append(["培训", 12.5, date(2021, 6, 30), None])
    d = read_xlsx(_save(wb))
    assert texts(d) == [("城镇新增就业", "27800", "87.9%"), ("培训", "12.5", "2021-06-30")]
    assert cell_text(96.4) == "96.4"
    assert cell_text(1.0) == "1"
    assert cell_text(0.5, "0%") == "50%"


def test_template_round_trip() -> None:
    blob = template_workbook()
    with pytest.raises(ReaderError, match="no rows"):
        read_xlsx(blob, source="template.xlsx")
    wb = load_workbook(io.BytesIO(blob))
    ws = wb[TEMPLATE_SHEET]
    for i, value in enumerate(["某镇人民政府2023年重点工作目标", "某镇人民政府", 2023, "全年", "2024年01月10日"],
                              start=1):
        ws.cell(row=i, column=2, value=value)
    for r, row in enumerate(ROWS, start=HEADER_ROW + 1):
        for c, text in enumerate(row, start=1):
            ws.cell(row=r, column=c, value=text)
    d = read_xlsx(_save(wb), source="filled.xlsx")
    assert texts(d) == ROWS
    assert d.title == "某镇人民政府2023年重点工作目标"
    assert (d.organization, d.year, d.period, d.published) == ("某镇人民政府", 2023, "全年", date(2024, 1, 10))


def test_sheet_without_header_is_an_error() -> None:
    wb = Workbook()
    wb.worksheets[0].append(["姓名", "年龄"])
    wb.worksheets[0].append(["张三", 30])
    with pytest.raises(ReaderError, match="header row"):
        read_xlsx(_save(wb), source="people.xlsx")


def test_truncated_workbook() -> None:
    blob = xlsx_book()
    for cut in (len(blob) // 2, len(blob) - 30, 100):
        with pytest.raises(ReaderError):
            read_xlsx(blob[:cut], source="cut.xlsx")


def test_zip_bomb_is_refused_before_inflating() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    blob = buf.getvalue()
    assert len(blob) < 100_000
    with pytest.raises(InputTooLargeError, match="zip bomb"):
        read_xlsx(blob, source="bomb.xlsx")
    with pytest.raises(InputTooLargeError, match="inflates"):
        read_xlsx(blob, source="bomb.xlsx", limits=Limits(max_member=1024 * 1024, max_ratio=100_000))
    with pytest.raises(InputTooLargeError, match="inflates"):
        read_xlsx(blob, source="bomb.xlsx", limits=Limits(max_uncompressed=4 * 1024 * 1024, max_ratio=100_000))


def test_other_zip_files_are_not_workbooks() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UnsupportedFormatError, match="Word"):
        read_document(buf.getvalue(), source="letter.docx")


def test_huge_sheet_and_many_sheets() -> None:
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.append(["目标名称", "考核指标", "完成进度"])
    for i in range(60):
        ws.append(["甲", f"指标{i}", "完成"])
    blob = _save(wb)
    assert len(read_xlsx(blob).rows) == 60
    with pytest.raises(InputTooLargeError, match="sheet rows"):
        read_xlsx(blob, limits=Limits(max_rows=50))
    for i in range(5):
        wb.create_sheet(f"s{i}")
    with pytest.raises(InputTooLargeError, match="sheets"):
        read_xlsx(_save(wb), limits=Limits(max_sheets=3))


def _patch_sheet(blob: bytes, old: bytes, new: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            dst.writestr(info.filename, data)
    return out.getvalue()


def test_far_columns_and_huge_merges_are_bounded() -> None:
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.append(["目标名称", "考核指标", "完成进度"])
    ws.append(["甲", "指标", "完成"])
    ws.merge_cells("A2:A3")
    # a merge reaching the sheet's last row: filled only as far as the data goes
    blob = _patch_sheet(_save(wb), b'ref="A2:A3"', b'ref="A2:A1048576"')
    d = read_xlsx(blob)
    assert texts(d) == [("甲", "指标", "完成")]
    ws.cell(row=2, column=16000, value="远处")
    with pytest.raises(InputTooLargeError, match="column"):
        read_xlsx(_save(wb))


def test_label_value_sheet() -> None:
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.append(["某局2022年绩效目标完成情况"])
    for goal, indicator, progress in ROWS:
        ws.append(["目标名称", goal])
        ws.append(["考核指标", indicator])
        ws.append(["完成进度", progress])
    d = read_xlsx(_save(wb))
    assert texts(d) == ROWS
    assert [r.line for r in d.rows] == [2, 5, 8]
    assert d.title == "某局2022年绩效目标完成情况"
