"""The XLSX template jixiao offers for download: fill in the rows, upload it, and it is read back.

Sheet "填报": labelled metadata rows (标题, 发布单位, 年度, 期间, 发布时间, each with its value in
column B), then the header row 目标名称 | 考核指标 | 完成进度 and empty rows to fill. Sheet "说明":
how to fill it in. The XLSX reader reads the labels and the rows under the header (``xlsx.py``).
"""

from __future__ import annotations

import io

from jixiao.core.model import PERIODS

TEMPLATE_SHEET = "填报"
HELP_SHEET = "说明"
META_LABELS = ("标题", "发布单位", "年度", "期间", "发布时间")
HEADER = ("目标名称", "考核指标", "完成进度")
HEADER_ROW = len(META_LABELS) + 2
EMPTY_ROWS = 50

_HELP = (
    "如何填写本模板",
    "1. 在“填报”表的 B 列填写标题、发布单位、年度（如 2024）、"
    "期间（一季度、上半年、前三季度、全年）和发布时间（如 2025年01月09日）。",
    "2. 从第 {row} 行起每行填写一项目标：目标名称、考核指标（原文照录，含数字与单位）、完成进度（原文照录）。",
    "3. 一个目标名称下有多项指标时，可合并目标名称单元格，或每行重复填写。",
    "4. 请勿修改表头（目标名称 / 考核指标 / 完成进度）；可增删行。上传后逐项核对目标是否达成。",
)


def template_workbook() -> bytes:
    """The template as XLSX bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = TEMPLATE_SHEET
    bold = Font(bold=True)
    for i, label in enumerate(META_LABELS, start=1):
        ws.cell(row=i, column=1, value=label).font = bold
    periods = DataValidation(type="list", formula1='"' + ",".join(PERIODS) + '"', allow_blank=True)
    ws.add_data_validation(periods)
    periods.add(f"B{META_LABELS.index('期间') + 1}")
    fill = PatternFill("solid", fgColor="DDEBF7")
    for c, name in enumerate(HEADER, start=1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=name)
        cell.font = bold
        cell.fill = fill
    wrap = Alignment(wrap_text=True, vertical="top")
    for r in range(HEADER_ROW + 1, HEADER_ROW + 1 + EMPTY_ROWS):
        for c in range(1, len(HEADER) + 1):
            ws.cell(row=r, column=c).alignment = wrap
    for letter, width in (("A", 22), ("B", 50), ("C", 70)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    help_ws = wb.create_sheet(HELP_SHEET)
    for i, text in enumerate(_HELP, start=1):
        help_ws.cell(row=i, column=1, value=text.format(row=HEADER_ROW + 1))
    help_ws["A1"].font = bold
    help_ws.column_dimensions["A"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
