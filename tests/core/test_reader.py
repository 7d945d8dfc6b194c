"""The text-dump reader: what such dumps contain is tolerated; what cannot be a disclosure is refused."""

from __future__ import annotations

from datetime import date

import pytest

from jixiao.core.errors import ReaderError
from jixiao.formats.registry import read_document
from jixiao.formats.textdump import read_text_dump

HEADER = "目标名称 |\n考核指标 |\n|\n||\n"


def dump(*rows: tuple[str, str, str], title: str = "某市某局2020年绩效考核目标完成进度公示(2020年上半年)") -> str:
    body = "".join(HEADER + f"{g} |\n{i} |\n{p} |\n" for g, i, p in rows)
    return f"{title}\n-\n发布时间:2020年07月15日\n{body}"


def test_reads_metadata_and_rows() -> None:
    d = read_text_dump(
        dump(("目标甲", "完成造林5000亩。", "完成造林5200亩。"), ("目标乙", "开展培训20期", "开展培训21期"))
    )
    assert d.title.startswith("某市某局2020年")
    assert d.organization == "某市某局"
    assert d.year == 2020
    assert d.period == "上半年"
    assert d.published == date(2020, 7, 15)
    assert [r.goal for r in d.rows] == ["目标甲", "目标乙"]
    assert d.rows[0].indicator == "完成造林5000亩。"
    assert d.rows[1].progress == "开展培训21期"
    assert d.rows[0].line == 8


def test_keeps_original_text_verbatim() -> None:
    text = dump(("目标", "指标  文字", "进度\u3000文字"))
    d = read_text_dump(text)
    assert d.original_text == text
    assert d.rows[0].indicator == "指标  文字"


def test_tolerates_bom_crlf_fullwidth_bars_and_spaces() -> None:
    text = dump(("目标", "新建公园3个", "新建公园4个")).replace("\n", "\r\n")
    text = text.replace("考核指标 |", "考核指标 ｜").replace("新建公园4个 |", "新建公园4个\u3000|")
    d = read_document(b"\xef\xbb\xbf" + text.encode("utf-8"), source="x.txt")
    assert d.rows[0].progress == "新建公园4个"
    assert d.rows[0].indicator == "新建公园3个"


def test_reads_gbk_bytes() -> None:
    d = read_document(dump(("目标", "新建公园3个", "新建公园4个")).encode("gbk"), source="gbk.txt")
    assert d.rows[0].goal == "目标"


def test_header_once_and_multiline_cells() -> None:
    text = "标题2019年\n" + HEADER + "甲 |\n第一行\n第二行 |\n进度 |\n乙 |\n指标乙 |\n进度乙 |\n"
    d = read_text_dump(text)
    assert len(d.rows) == 2
    assert d.rows[0].indicator == "第一行\n第二行"
    assert d.rows[1].goal == "乙"


def test_missing_cells_are_blank() -> None:
    text = "标题2019年\n" + HEADER + "甲 |\n指标甲 |\n" + HEADER + "乙 |\n指标乙 |\n进度乙 |\n"
    d = read_text_dump(text)
    assert d.rows[0].progress == ""
    assert d.rows[1].progress == "进度乙"


def test_period_defaults_to_full_year() -> None:
    d = read_text_dump(dump(("a", "b", "c"), title="某县民政局2022年重点民生实事完成情况公示"))
    assert d.period == "全年"


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        ("", 1, "no table"),
        ("只是一段话\n没有表格\n", 2, "no table"),
        ("标题\n" + HEADER, None, "no rows"),
    ],
)
def test_rejects_what_cannot_be_a_disclosure(data: str, line: int | None, words: str) -> None:
    with pytest.raises(ReaderError) as err:
        read_text_dump(data, source="bad.txt")
    assert words in str(err.value)
    assert "bad.txt" in str(err.value)
    if line is not None:
        assert err.value.line == line


@pytest.mark.parametrize(
    ("header", "message"),
    [("发布时间:不知道", "cannot read the date in '发布时间:不知道'"), ("发布时间:", "发布时间 is empty"),
     ("发布日期：", "发布日期 is empty")],
)
def test_a_date_line_that_cannot_be_read_is_a_warning(header: str, message: str) -> None:
    d = read_text_dump("某局2019年目标公示\n-\n" + header + "\n" + HEADER + "a |\nb |\nc |\n", source="gap.txt")
    assert d.published is None and len(d.rows) == 1
    assert [(w.field, w.message, w.line) for w in d.warnings] == [("published", message, 3)]


def test_a_title_without_unit_or_year_is_read_with_warnings() -> None:
    d = read_text_dump("绩效目标完成情况\n" + HEADER + "a |\nb |\nc |\n", source="gap.txt")
    assert (d.organization, d.year, d.published) == (None, None, None)
    assert sorted(w.field for w in d.warnings) == ["organization", "published", "year"]


def test_rejects_binary() -> None:
    with pytest.raises(ReaderError) as err:
        read_document(b"\x00\x01\x02 binary |", source="b.bin")
    assert err.value.code == "bad_input"


def test_a_stray_cell_becomes_a_row_with_blank_fields() -> None:
    text = "标题\n目标名称 |\n考核指标 |\n||\na |\nb |\nc |\nd |\n||\n"
    d = read_text_dump(text, source="t.txt")
    assert [(r.goal, r.indicator, r.progress) for r in d.rows] == [("a", "b", "c"), ("d", "", "")]
    assert d.rows[1].line == 8


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("2018年1-11月重点项目进展情况", "截至11月"),
        ("新城区1至10月就业政策落实及目标任务完成情况", "截至10月"),
        ("我市前八月重点项目建设高歌猛进", "截至8月"),
        ("2022年度市县民生实事未完成项目进度表(截至10月31日)", "截至10月"),
        ("关于恩平市2024年十件民生实事推进情况的通报(截至11月底)", "截至11月"),
        ("萧县9月份民生工程进展情况", "截至9月"),
        ("2019年1-12月重点工作完成情况", "全年"),
        ("2021年上半年重点工作完成情况(截至6月30日)", "上半年"),
        ("杭州市总工会2016年绩效考核目标完成进度公示(2016年全年)", "全年"),
        ("某局2020年工作要点", None),
        ("前两个月全市经济加快恢复", "截至2月"),
        ("全省保障性安居工程提前完成全年任务", None),  # 全年 is the target: reporting during the year
        ("我省民生工程绝大多数已完成全年目标或达到任务进度", None),
    ],
)
def test_period_of_cut_offs_and_month_ranges(title: str, period: str | None) -> None:
    from jixiao.core.meta import period_of

    assert period_of(title) == period


def test_a_title_without_a_period_published_during_the_year_reports_progress_so_far() -> None:
    body = HEADER + "a |\nb |\nc |\n"
    d = read_text_dump("某县2015年民生工程进展\n-\n发布时间:2015年10月30日\n" + body)
    assert d.period == "截至9月" and "period" in {w.field for w in d.warnings}
    late = read_text_dump("某县2015年民生工程进展\n-\n发布时间:2015年11月29日\n" + body)
    assert late.period == "全年"
    named = read_text_dump("某县2015年上半年民生工程进展\n-\n发布时间:2015年07月20日\n" + body)
    assert named.period == "上半年"


def test_a_minguo_year_and_a_so_far_title_read_as_an_in_year_report() -> None:
    body = HEADER + "a |\nb |\nc |\n"
    d = read_text_dump("國防部114年迄今招募成效\n-\n发布时间:2025-11-12\n" + body)
    assert d.year == 2025 and d.period == "截至10月"
    # a three-digit year that is no year of publication stays unread (建黨100年 in a title of 2025)
    assert read_text_dump("建黨100年紀念活動成果\n-\n发布时间:2025-11-12\n" + body).year is None


def test_a_title_counting_months_from_january_names_its_cut_off() -> None:
    from jixiao.core.meta import period_of

    assert period_of("2020年1月至11月底全市通组公路建设进展情况") == "截至11月"
    assert period_of("2019年1月份至8月份重点项目") == "截至8月"
    # 提前完成 says the year's work is done ahead of the year's end: 年度 names the plan, not the span
    assert period_of("宁德市提前完成医疗卫生补短板项目年度投资计划") is None


def test_a_goal_cell_that_reads_like_a_header_opens_its_row() -> None:
    d = read_text_dump("某中心项目自评\n-\n发布时间:\n" + HEADER + "绩效目标 |\n资金完成173万元 |\n完成61.99万元 |\n")
    assert [(r.goal, r.indicator, r.progress) for r in d.rows] == [("绩效目标", "资金完成173万元", "完成61.99万元")]


def test_a_progress_opening_with_a_word_of_time_alone_dates_the_report_by_its_next_clause() -> None:
    body = HEADER + "重大项目 |\n年度任务目标132亿元 |\n目前,全区181个重大项目上半年完成投资86.97亿元, |\n"
    assert read_text_dump("某区重大项目建设情况新闻发布会\n-\n发布时间:\n" + body).period == "上半年"


def test_a_period_after_a_word_of_intent_in_the_title_is_no_reporting_period() -> None:
    from jixiao.core.meta import period_of

    assert period_of("台鐵準點率新制結合激勵制度 目標上半年實施") is None
    assert period_of("西安年底將迎新變化") is None  # 年底 before 將: when something is to happen
    assert period_of("某县预计年底完工的项目上半年进展") == "上半年"


def test_a_title_speaking_of_work_going_on_reads_as_in_year_from_its_publication() -> None:
    body = HEADER + "a |\nb |\nc |\n"
    d = read_text_dump("寧德持續推進“十個十”民生工程建設\n-\n发布时间:2023-10-26\n" + body)
    assert (d.period, d.year) == ("截至9月", 2023)
    early = read_text_dump("全市主要廊道绿化去冬今春规划造林21.2万亩\n-\n发布时间:2017-01-06\n" + body)
    assert early.period == "截至1月"
    named = read_text_dump("前三季度我市重点民生工程扎实推进\n-\n发布时间:\n" + body)
    assert named.period == "前三季度"  # the title's own period wins


def test_a_report_opening_with_its_months_outweighs_a_title_naming_the_years_work() -> None:
    body = HEADER + "州外到位资金 |\n州政府下达任务数132.63亿元 |\n今年1到10月,完成州外到位资金120.44亿元。 |\n"
    assert read_text_dump("开发区招商局年度招商引资工作取得实效\n-\n发布时间:\n" + body).period == "截至10月"
    whole = HEADER + "a |\nb |\n1-11月固定资产投资增长6.3% |\n"  # a statistic's span, not the report's
    assert read_text_dump("某县2019年度计划执行情况\n-\n发布时间:\n" + whole).period == "全年"


def test_a_first_clause_dating_its_figure_to_this_years_month_end_dates_the_report() -> None:
    body = HEADER + "a |\nb |\n高等法院刑事案件的平均輪候時間在今年6月底為362日, |\n"
    assert read_text_dump("刑事案輪候時間回落但超標\n-\n发布时间:2025-09-15\n" + body).period == "截至6月"


def test_a_title_saying_what_this_year_has_done_so_far_is_an_in_year_report() -> None:
    body = HEADER + "a |\nb |\nc |\n"
    d = read_text_dump("我市今年已播种农作物57.02万亩\n-\n发布时间:2025-04-13\n" + body)
    assert (d.year, d.period) == (2025, "截至3月")
    # published in January, 今年已 may still speak of the year just closed (1月: no months before it)
    assert read_text_dump("我市今年已播种农作物57.02万亩\n-\n发布时间:2025-12-13\n" + body).period == "全年"
