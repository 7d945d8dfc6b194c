"""Made-up disclosures in each format, of the same shape as the published ones (not copied from them)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook

# Three rows of a made-up district culture bureau; the first goal covers two indicators.
ROWS = [
    ("公共文化服务", "全年送戏下乡120场，送电影进村800场。", "已送戏下乡126场，送电影进村812场，完成年度任务。"),
    ("公共文化服务", "新建农家书屋10个", "新建农家书屋8个，\n另有2个正在选址。"),
    ("文物保护利用", "完成3处文物保护单位修缮，开工建设区博物馆。", "已完成2处修缮；博物馆完成设计，尚未开工。"),
]
TITLE = "某某区文化和旅游局2020年绩效目标完成情况公示（上半年）"


def html_page(*, charset: str = "gb2312", header_each_row: bool = True) -> str:
    """A page as such sites publish them: layout table around the data table, rowspan, <br>, nested tags."""
    header = "<tr><td><b>目标名称</b></td><td>考核指标</td><td>完成进度</td></tr>"
    body = [
        "<tr>" if not header_each_row else header + "<tr>",
        '<td rowspan="2">公共文化服务</td>',
        "<td>全年送戏下乡<span>120</span>场，送电影进村800场。</td>",
        "<td><p>已送戏下乡126场，送电影进村812场，完成年度任务。</p></td></tr>",
        "<tr><td>新建农家书屋10个</td>",
        "<td>新建农家书屋8个，<br/>另有2个正在选址。</td></tr>",
        header if header_each_row else "",
        "<tr><td>文物保护利用</td><td>完成3处文物保护单位修缮，开工建设区博物馆。</td>",
        "<td>已完成2处修缮；<!-- 备注 -->博物馆完成设计，尚未开工。</td></tr>",
    ]
    if not header_each_row:
        body.insert(0, header)
    rows = "\n".join(body)
    return f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{TITLE}_某某区人民政府门户网站</title>
<script>var x = "<table><tr><td>目标名称</td></tr></table>";</script>
</head><body>
<table class="layout"><tr><td>
<div class="article-title">{TITLE}</div>
<div class="info"><span>发布时间：2020年07月15日</span> <span>来源：区文化和旅游局</span></div>
<table border="1" class="data">
{rows}
</table>
</td></tr></table>
</body></html>
"""


def xlsx_book(*, merged: bool = True, extra_sheet: bool = True) -> bytes:
    """An ordinary workbook: title and date rows, a header in the usual words, merged goal cells."""
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "完成情况"
    ws.append([TITLE])
    ws.merge_cells("A1:D1")
    ws.append(["发布日期：2020年07月15日"])
    ws.append(["序号", "项目", "目标内容", "完成情况"])
    for i, (goal, indicator, progress) in enumerate(ROWS[:2], start=1):
        ws.append([i, goal if (i == 1 or not merged) else None, indicator, progress])
    if merged:
        ws.merge_cells("B4:B5")
    if extra_sheet:
        ws2 = wb.create_sheet("文物")
        ws2.append(["目标", "指标", "进展"])
        ws2.append(list(ROWS[2]))
    else:
        ws.append([3, *ROWS[2]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def csv_text(*, delimiter: str = ",") -> str:
    import csv

    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow([TITLE])
    w.writerow(["发布时间", "2020年07月15日"])
    w.writerow(["目标名称", "考核指标", "完成进度"])
    for row in ROWS:
        w.writerow(row)
    return buf.getvalue()


def disclosure_json() -> dict[str, Any]:
    return {
        "schema": "jixiao.disclosure/1",
        "title": TITLE,
        "organization": "某某区文化和旅游局",
        "year": 2020,
        "period": "上半年",
        "published": "2020-07-15",
        "rows": [{"goal": g, "indicator": i, "progress": p} for g, i, p in ROWS],
    }


def texts(d: Any) -> list[tuple[str, str, str]]:
    return [(r.goal, r.indicator, r.progress) for r in d.rows]


def meta(d: Any) -> tuple[Any, ...]:
    return (d.title, d.organization, d.year, d.period, d.published)
