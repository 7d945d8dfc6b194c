"""Claims, alignment and verdicts on rows written for these tests (not taken from any labelled document)."""

from __future__ import annotations

import pytest

from jixiao.core.check import check_disclosure, check_row
from jixiao.core.claims import extract_claims, stage_claims
from jixiao.core.model import Disclosure, Row
from jixiao.core.targets import extract_targets


def verdicts(goal: str, indicator: str, progress: str) -> list[tuple[str, float | None]]:
    res = check_row(Row(goal, indicator, progress))
    return [(t.verdict, t.actual.value if t.actual else None) for t in res.targets]


def test_claim_kinds() -> None:
    claims = extract_claims("参保人数达到85万人,比上年增加12万人,完成年度任务的104%,新馆已开工建设。")
    kinds = [(c.kind, c.value) for c in claims]
    assert ("level", 850000) in kinds
    assert ("change", 120000) in kinds
    assert ("share", 104) in kinds
    assert any(c.kind == "stage" and c.stage == "开工建设" for c in claims)


def test_claim_spans_index_the_progress() -> None:
    text = "累计培训3200人次,发放补贴1.5亿元。"
    for c in extract_claims(text):
        assert text[c.span[0] : c.span[1]] == c.text


def test_met_and_not_met_against_figures() -> None:
    assert verdicts("培训", "全年培训3000人次", "全年共培训3200人次") == [("met", 3200)]
    assert verdicts("投资", "完成投资2亿元", "完成投资1.85亿元") == [("not_met", 185_000_000)]
    assert verdicts("失业率", "登记失业率控制在4%以内", "登记失业率为3.2%") == [("met", 3.2)]
    assert verdicts("债务", "债务率控制在80%以下", "债务率为86%") == [("not_met", 86)]


def test_distractor_with_the_same_unit_is_not_taken() -> None:
    # 52 units applied, 140 projects: the target is about 50 awards, reported as 50 awards.
    got = verdicts(
        "表彰",
        "评选表彰50个先进集体",
        "全市共有52个单位申报项目140个。年底表彰了50个先进集体和30名先进个人。",
    )
    assert got == [("met", 50)]


def test_each_target_takes_its_own_figure_from_one_shared_sentence() -> None:
    progress = "城市低保标准为680元/月、农村低保标准为5200元/年;新增养老床位150张。"
    assert verdicts("低保", "城市低保标准不低于650元/月", progress) == [("met", 680)]
    assert verdicts("低保", "农村低保标准不低于5000元/年", progress) == [("met", 5200)]
    assert verdicts("养老", "新增养老床位200张", progress) == [("not_met", 150)]


def test_change_target_is_judged_against_a_change_claim() -> None:
    got = verdicts("参保", "参保职工增加5万人", "参保职工达到60万人,比去年增加3万人。")
    assert got == [("not_met", 30000)]


def test_a_stated_total_of_its_parts_is_the_result() -> None:
    progress = "公办幼儿园已增加84班,私立幼儿园增加了183班,合计3年内已扩增267班。"
    assert verdicts("幼儿园", "增加200班以上", progress) == [("met", 267)]
    # a total word before a figure that is not the sum of the figures before it leaves them alone
    progress = "公办幼儿园已增加84班,私立幼儿园增加了183班,合计已扩增250班。"
    assert verdicts("幼儿园", "增加200班以上", progress)[0][1] != 250


def test_an_aim_after_its_floor_is_judged_by_the_same_figure() -> None:
    got = verdicts("固定资产投资", "固定资产投资确保增长32%,力争增长40%", "固定资产投资增长35%")
    assert got == [("met", 35), ("not_met", 35)]


def test_a_labelled_table_cell_takes_the_first_columns_unit_and_comparator() -> None:
    r = check_row(Row("城镇新增就业(人)", "目标任务 26000", "进度 32095 完成目标(%) 123.4 备注 超额完成"))
    assert [(t.target.unit, t.verdict) for t in r.targets] == [("人", "met")]
    r = check_row(Row("城镇登记失业率低于(%)", "目标任务 4.3", "进度 4.17 完成目标(%) 103.1"))
    assert [(t.target.comparator, t.target.unit, t.verdict) for t in r.targets] == [("<", "%", "met")]


def test_a_bracket_left_open_on_a_percent_gives_the_bare_cells_their_unit() -> None:
    # 地区生产总值增速(% | 7 | 6.8: the page lost the closing bracket; the figures are still percentages
    for goal in ("地区生产总值增速(%", "地区生产总值增速（％"):
        r = check_row(Row(goal, "7", "6.8"))
        assert [(t.target.unit, t.target.value, t.verdict) for t in r.targets] == [("%", 7, "not_met")]


def test_during_the_year_a_rate_met_beside_the_rows_word_that_it_is_done_is_met() -> None:
    row = Row("城镇登记失业率低于(%)", "目标任务 4.3", "进度 4.17 完成目标(%) 103.1 备注 超额完成")
    assert [t.verdict for t in check_row(row, period="截至11月").targets] == ["met"]
    row = Row("城镇登记失业率低于(%)", "目标任务 4.3", "进度 4.17 完成目标(%) 103.1")
    assert [t.verdict for t in check_row(row, period="截至11月").targets] == ["unverified"]


def test_a_done_part_the_indicator_asks_for_answers_its_own_target() -> None:
    assert verdicts("电梯", "新增30台、完工20台。", "新增81台,完工52台。") == [("met", 81), ("met", 52)]
    # asked only for the whole, the done part after it is the result
    assert verdicts("危桥", "改造危桥120座", "120座危桥改造项目已完成87座") == [("not_met", 87)]


def test_a_smaller_figure_of_the_first_columns_task_is_the_periods_node() -> None:
    row = Row("既有多层住宅加装电梯新增400台、完工200台", "新增30台、完工20台。", "新增25台,完工22台。")
    got = [(t.verdict, t.actual.value if t.actual else None) for t in check_row(row, period="截至8月").targets]
    assert got == [("not_met", 25), ("met", 22)]
    # a first column that restates the indicator names no node: an annual target, progress so far
    task = "培训2万人次、农业技能培训1000人次"
    row = Row(task, task, "培训1.2万人次、农业技能培训484人次")
    assert [t.verdict for t in check_row(row, period="截至3月").targets] == ["unverified", "unverified"]


def test_an_act_reported_done_with_its_object_is_met() -> None:
    pledge = "在 1996 年向幼稚園和幼兒中心發出合訂的課程指引。"
    row = Row("指引", pledge, "我們已在 1996 年 9 月向幼稚園和幼兒中心發出合訂的課程指引。")
    assert [t.verdict for t in check_row(row, year=1996).targets] == ["met"]
    row = Row("指引", pledge, "我們會在明年向幼稚園發出合訂的課程指引。")
    assert [t.verdict for t in check_row(row, year=1996).targets] == ["unverified"]


def test_a_plan_restated_as_completed_by_a_month_is_reached() -> None:
    row = Row("AED", "安装100台的年度目标", "于8月份完成安装100台的年度目标,并投入使用。")
    assert [(t.verdict, t.actual.value if t.actual else None) for t in check_row(row).targets] == [("met", 100)]
    row = Row("AED", "安装100台的年度目标", "力争年底前完成安装100台的年度目标。")
    assert [t.verdict for t in check_row(row).targets] == ["unverified"]


def test_an_amounts_percentage_under_a_target_label_is_its_growth_and_the_restated_target_no_claim() -> None:
    got = verdicts("地区生产总值", "年初目标(6.5%)", "全省地区生产总值全年增长4.2%,比年初目标(6.5%)低2.3个百分点")
    assert got == [("not_met", 4.2)]
    got = verdicts("固定资产投资", "年初目标(9%)", "固定资产投资增长10%,高于年初目标(9%)1个百分点")
    assert got == [("met", 10)]


def test_a_figure_still_to_come_is_no_result() -> None:
    progress = "已使用上级专项资金支付工程进度款,105.04万元将于工程竣工验收后视资金缺口情况支付;"
    got = verdicts("第二批次项目", "缺口资金105.04万元", progress)
    assert got == [("unverified", None)]


def test_a_whole_broken_down_after_it_reports_nothing_done() -> None:
    progress = "222项各级民生实事中,107项省市级实事已全部完成;34项县级实事已完成31项;81项乡镇实事已完成56项。"
    assert verdicts("民生实事", "集中办理222项民生实事", progress)[0][1] != 222
    # 其中 after a figure lists its parts: the figure is the result
    progress = "已完成搬迁入住18695人(其中:建档立卡贫困人口16449人)。"
    assert verdicts("搬迁", "实施易地扶贫搬迁18695人", progress) == [("met", 18695)]


def test_a_part_of_a_metric_does_not_report_on_the_whole() -> None:
    assert verdicts("进出口", "进出口总额增长12%左右", "社零增长10.2%。出口增长25.3%。") == [("unverified", None)]
    assert verdicts("出口", "出口增长8%", "进出口总额增长5%。") == [("unverified", None)]
    assert verdicts("出口", "出口增长8%", "出口增长9%。") == [("met", 9)]
    assert verdicts("制造业", "制造业增加值增长8.5%", "规模以上工业增加值增长7.2%,固定资产投资增长8.2%。") == [
        ("unverified", None)]


def test_a_margin_over_the_target_is_no_result() -> None:
    progress = ("消防處去年共接獲31 111宗樓宇火警召喚,較二○二一年上升6.7%(即29 157宗),"
                "其中94.9%能夠在規定召達時間內到場處理,較服務承諾的既定目標(即92.5%),高出約2.4%。")
    assert verdicts("樓宇火警召喚", "服務承諾的既定目標(即92.5%)", progress) == [("met", 94.9)]


def test_a_running_total_named_as_such_is_the_result() -> None:
    assert verdicts("公助园", "吸收60所民办幼儿园为公助园", "新吸收8所公助园,总数达到了60所。") == [("met", 60)]


def test_a_note_of_how_a_figure_is_counted_names_no_metric() -> None:
    progress = "市统计局发布2022年经济运行情况:2022年全市生产总值为14920.75亿元,按不变价格计算,比上年增长3.9%。"
    row = Row("全市生产总值", "全市生产总值增长6%以上", progress)
    got = [(t.verdict, t.actual.value if t.actual else None) for t in check_row(row, shared=True).targets]
    assert got == [("not_met", 3.9)]


def test_share_of_the_task() -> None:
    assert verdicts("改造", "完成道路改造40公里", "完成年度任务的95%") == [("not_met", None)]
    assert verdicts("改造", "完成道路改造40公里", "完成年度任务的103%") == [("met", None)]


def test_plain_statement_and_full_coverage() -> None:
    assert verdicts("改造", "完成危房改造300户", "已完成年度目标任务。") == [("met", None)]
    assert verdicts("覆盖", "行政村覆盖率100%", "实现行政村全覆盖。") == [("met", None)]
    assert verdicts("改造", "完成危房改造300户", "正在推进。") == [("unverified", None)]


def test_milestone_earlier_stage_is_not_met() -> None:
    res = check_row(Row("场馆", "游泳馆年内开工建设", "游泳馆已完成设计招标,施工单位准备进场。"))
    assert res.verdict == "not_met"
    (t,) = res.targets
    assert t.verdict == "not_met"
    assert "招标" in t.reason or "准备" in t.reason
    assert t.evidence


def test_milestone_reached_or_passed_is_met() -> None:
    assert verdicts("场馆", "游泳馆年内开工建设", "游泳馆主体结构已封顶。") == [("met", None)]
    assert verdicts("场馆", "游泳馆年底前竣工", "游泳馆已竣工并通过验收。") == [("met", None)]


def test_a_part_of_the_works_is_not_a_stage() -> None:
    # 主体结构 names the main structure; only its 封顶 or 完工 is a stage of work.
    assert verdicts("场馆", "年底前完成主体结构封顶", "目前正在进行主体结构施工。") == [("unverified", None)]
    assert verdicts("场馆", "年底前完成主体结构封顶", "主体结构已于11月封顶。") == [("met", None)]


def test_a_stage_still_ahead_is_not_reached() -> None:
    assert verdicts("工程", "年内完成项目竣工验收", "项目已于10月完工，正在准备竣工验收。") == [("not_met", None)]
    assert verdicts("场馆", "游泳馆年内开工建设", "游泳馆已做好开工准备。") == [("not_met", None)]
    assert verdicts("场馆", "游泳馆年内开工建设", "游泳馆已具备开工条件，即将开工。") == [("not_met", None)]
    assert verdicts("场馆", "游泳馆年内竣工", "游泳馆已竣工，待验收。") == [("met", None)]


def test_reasons_write_large_sums_in_wan_and_yi() -> None:
    (t,) = check_row(Row("招商", "实际利用外资2000万美元", "实际利用外资1850万美元。")).targets
    assert t.verdict == "not_met"
    assert "2000万美元" in t.reason and "1850万美元" in t.reason


def test_a_change_word_governs_a_list_of_figures() -> None:
    got = verdicts("民生", "城乡居民人均可支配收入分别增长8%和9%",
                   "城镇居民人均可支配收入增长8.3%，农村居民人均可支配收入增长8.6%。")
    assert got == [("met", 8.3), ("not_met", 8.6)]


def test_a_time_limit_is_a_ceiling() -> None:
    got = verdicts("审批", "审批时间压缩至5个工作日以内", "审批时间由原来的10个工作日压缩至4个工作日。")
    assert got == [("met", 4)]
    assert verdicts("审批", "办理时间缩短至3个工作日", "办理时间缩短至5个工作日。") == [("not_met", 5)]


def test_a_zero_target_is_judged_by_a_count_of_the_same_thing() -> None:
    assert verdicts("安全", "实现安全生产零事故", "全年实现安全生产零事故。") == [("met", 0)]
    assert verdicts("安全", "实现安全生产零事故", "全年未发生安全生产事故。") == [("met", 0)]
    assert verdicts("安全", "安全事故零发生", "全年发生一般安全事故1起。") == [("not_met", 1)]
    # a figure near the word that counts something else is no evidence
    assert verdicts("安全", "实现安全生产零事故", "开展事故隐患排查120次。") == [("unverified", None)]


def test_negated_stage_is_not_met() -> None:
    assert verdicts("场馆", "游泳馆年内开工建设", "游泳馆因选址调整尚未开工。") == [("not_met", None)]


def test_milestone_about_other_works_is_unverified() -> None:
    assert verdicts("场馆", "游泳馆年内开工建设", "图书馆已开工建设。") == [("unverified", None)]


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        (["met", "met"], "met"),
        (["met", "not_met"], "not_met"),
        (["met", "unverified"], "unverified"),
        ([], "unverified"),
    ],
)
def test_row_verdict(results: list[str], expected: str) -> None:
    from jixiao.core.verdicts import row_verdict

    class R:
        def __init__(self, v: str) -> None:
            self.verdict = v

    assert row_verdict([R(v) for v in results]) == expected  # type: ignore[arg-type]


def test_every_verdict_has_a_chinese_reason() -> None:
    res = check_row(Row("综合", "送戏下乡120场,完成投资800万元,剧场年底前竣工", "送戏下乡126场;剧场主体完工。"))
    assert [t.verdict for t in res.targets] == ["met", "unverified", "not_met"]
    for t in res.targets:
        assert t.reason and any("\u4e00" <= ch <= "\u9fff" for ch in t.reason)


def test_a_restated_plan_is_not_a_result() -> None:
    got = verdicts("就业", "全年新增就业3万人", "全年计划新增就业3万人,实际新增就业2.6万人。")
    assert got == [("not_met", 26000)]


def test_a_part_of_the_whole_is_not_preferred() -> None:
    got = verdicts("培训", "全年培训4000人次", "全年共培训4300人次,其中线上培训2100人次。")
    assert got == [("met", 4300)]


@pytest.mark.parametrize(
    ("goal", "indicator", "progress", "expected"),
    [
        ("完成时间", "2024年6月底前", "2024年5月完成", "met"),
        ("完成时间", "2024年6月底前", "2024年9月完成", "not_met"),
        ("项目完成及时性", "年底前完成", "已按时完成", "met"),
        ("项目完成及时性", "年底前完成", "尚未完成", "not_met"),
        ("项目完成及时性", "年底前完成", "正在推进", "unverified"),
        # a year alone, a full date, a dotted range, a labelled value (deadline cells of 时效指标 tables)
        ("完成时限", "2019年", "2019年", "met"),
        ("完成时限", "2019年", "2020年 部分项目延续至下年", "not_met"),
        ("完成时限", "2019年", "2019年 部分项目延续至下年", "not_met"),
        ("完工日期", "指标值为“2021年4月15日”", "2021年3月28日", "met"),
        ("完工日期", "指标值为“2021年4月15日”", "全年实际完成值为0", "not_met"),
        ("培训任务完成及时", "2021.1.1-12.31", "2021.1.1-12.31", "met"),
        ("培训任务完成及时", "2021.1.1-12.31", "2022.3.1", "not_met"),
        ("完成时限", "2019年", "项目仍在建设中", "not_met"),
    ],
)
def test_deadline_rows(goal: str, indicator: str, progress: str, expected: str) -> None:
    assert [v for v, _ in verdicts(goal, indicator, progress)] == [expected]


def test_in_year_shortfall_is_not_called_not_met() -> None:
    row = Row("投资", "完成投资2亿元", "完成投资1.1亿元")
    assert check_row(row).targets[0].verdict == "not_met"
    half = check_row(row, period="上半年").targets[0]
    assert half.verdict == "unverified"
    assert "上半年" in half.reason
    # a rate above its ceiling mid-year is not final (LABELLING.md, Periods) ...
    ceiling = check_row(Row("债务", "债务率控制在80%以内", "债务率为86%"), period="上半年").targets[0]
    assert ceiling.verdict == "unverified"
    # ... nor is one below it, nor a growth figure that already reaches its target ...
    below = check_row(Row("债务", "债务率控制在80%以内", "债务率为76%"), period="上半年").targets[0]
    assert below.verdict == "unverified"
    growth = check_row(Row("收入", "财政收入增长5%", "财政收入增长8%"), period="前三季度").targets[0]
    assert growth.verdict == "unverified"
    # ... but an amount already over its ceiling only grows, and a count already reached is reached
    spent = check_row(Row("经费", "经费支出控制在100万元以内", "已支出120万元"), period="上半年").targets[0]
    assert spent.verdict == "not_met"
    assert check_row(Row("培训", "培训500人", "已培训520人"), period="上半年").targets[0].verdict == "met"


def test_flattened_table_header_units_scale_target_and_result() -> None:
    res = check_row(Row("财政", "一般公共预算收入(亿元) 目标任务 12", "进度 11.4 完成比例(%) 95"))
    (t,) = res.targets
    assert (t.target.value, t.target.unit) == (1_200_000_000, "元")
    assert t.actual is not None and t.actual.value == pytest.approx(1_140_000_000)
    assert t.verdict == "not_met"
    assert t.target.text == "一般公共预算收入(亿元) 目标任务 12"
    res = check_row(Row("就业", "城镇新增就业(万人) 目标任务 2.5", "进度 2.8 完成比例(%) 112"))
    assert [(x.target.value, x.target.unit, x.verdict) for x in res.targets] == [(25000, "人", "met")]


def test_deadline_met_by_a_date_in_time() -> None:
    assert [v for v, _ in verdicts("完成时间", "2021年12月31日前", "2021年12月")] == ["met"]


def test_a_year_alone_is_a_deadline_only_in_a_deadline_row() -> None:
    (t,) = extract_targets("指标值为“2021年4月15日”", "完工日期")
    assert (t.kind, t.text) == ("milestone", "2021年4月15日")
    assert extract_targets("2019年", "项目资金") == []
    assert extract_targets("2019年完成绿化", "完成时限")[0].text != "2019年"


def test_a_hedged_statement_is_no_plain_claim() -> None:
    assert [v for v, _ in verdicts("失业率", "城镇登记失业率控制在3%以内", "主要经济指标实现预期目标")] == ["met"]
    assert [v for v, _ in verdicts("失业率", "城镇登记失业率控制在3%以内", "主要经济指标基本实现预期目标")] == [
        "unverified"]


def test_a_bare_result_is_in_the_unit_its_target_cell_writes() -> None:
    (t,) = check_row(Row("项目总成本", "≤202.6万元", "132.9")).targets
    assert t.actual is not None and t.actual.value == pytest.approx(1_329_000)
    assert t.verdict == "met"
    (t,) = check_row(Row("合格率", "≥100百分比", "100")).targets
    assert (t.target.value, t.target.unit, t.verdict) == (100, "%", "met")


# --- admissions and traditional characters (issue 8, items 2 and 4) ----------------------------------


def test_an_admission_naming_the_work_is_a_shortfall_even_when_the_target_is_restated() -> None:
    res = check_row(Row("拓展快速公交", "拓展快速公交(BRT)运营路线36公里以上",
                        "目前已完成年度目标任务58项,但拓展快速公交(BRT)运营路线36公里以上因客观原因无法完成。"))
    (t,) = res.targets
    assert t.verdict == "not_met"
    assert "无法完成" in t.reason and t.evidence[0].kind == "admission"


def test_an_admission_about_other_work_changes_nothing() -> None:
    res = check_row(Row("培训", "全年培训农民工500人", "全年培训农民工520人。部分乡镇道路硬化进度滞后。"))
    assert [t.verdict for t in res.targets] == ["met"]


def test_a_figure_elsewhere_outweighs_an_admission_of_delay() -> None:
    res = check_row(Row("新增就业", "城镇新增就业5000人",
                        "城镇新增就业5200人。年初城镇新增就业工作一度滞后。"))
    assert [t.verdict for t in res.targets] == ["met"]


def test_a_turned_round_admission_is_none() -> None:
    res = check_row(Row("培训", "培训500人以上", "培训560人，无一未完成。"))
    assert [t.verdict for t in res.targets] == ["met"]


def test_in_year_delay_is_pace_but_an_admission_of_failure_is_final() -> None:
    behind = check_row(Row("改造", "改造老旧小区30个", "已改造12个，进度滞后。"), period="上半年")
    assert [t.verdict for t in behind.targets] == ["unverified"]
    lost = check_row(Row("改造", "改造老旧小区30个", "已改造12个，老旧小区改造因资金原因年内无法完成。"),
                     period="上半年")
    assert [t.verdict for t in lost.targets] == ["not_met"]


def test_traditional_characters_read_like_simplified_with_spans_in_the_original() -> None:
    indicator = "新增優質中小學招生學位2.36萬個"
    res = check_row(Row("教育", indicator, "目前,我市實際增加優質中小學學位3.5萬個,超額完成目標。"))
    (t,) = res.targets
    assert (t.target.value, t.target.unit, t.verdict) == (23600, "个", "met")
    assert indicator[t.target.span[0]:t.target.span[1]] == t.target.text
    assert t.actual is not None and t.actual.value == 35000


# --- ranges, 左右, bounds, estimates (LABELLING.md, Ranges) ----------------------------------------


def _one(goal: str, indicator: str, progress: str, period: str | None = None) -> list[tuple[str, str | None, float]]:
    res = check_row(Row(goal, indicator, progress), period=period)
    return [(t.verdict, t.target.comparator, t.target.value or 0.0) for t in res.targets]


def test_a_range_is_two_targets_with_the_same_text() -> None:
    res = check_row(Row("经济", "地区生产总值增长6%-6.5%", "全市生产总值增长6.2%。"))
    assert [(t.target.comparator, t.target.value, t.verdict) for t in res.targets] == [
        (">=", 6.0, "met"), ("<=", 6.5, "met")]
    assert {t.target.text for t in res.targets} == {"地区生产总值增长6%-6.5%"}
    assert _one("经济", "地区生产总值增长6%-6.5%", "全市生产总值增长6.8%。") == [
        ("met", ">=", 6.0), ("not_met", "<=", 6.5)]


def test_about_is_met_at_95_percent_and_a_ceiling_up_to_105() -> None:
    assert _one("经济", "地区生产总值增长7%左右", "地区生产总值增长6.65%。") == [("met", ">=", 7.0)]
    assert _one("经济", "地区生产总值增长7%左右", "全年地区生产总值预计增长4.5%。") == [("not_met", ">=", 7.0)]
    assert _one("就业", "城镇调查失业率5.5%左右", "城镇调查失业率5.7%。") == [("met", "<=", 5.5)]
    assert _one("就业", "城镇调查失业率5.5%左右", "城镇调查失业率5.9%。") == [("not_met", "<=", 5.5)]
    assert _one("物价", "居民消费价格涨幅3%左右", "居民消费价格上涨2.0%。")[0][:2] == ("met", "<=")


def test_a_claim_that_is_a_bound() -> None:
    assert _one("巡查", "巡查6次", "全年巡查超过6次。") == [("met", ">=", 6.0)]
    assert _one("巡查", "巡查超过6次", "全年巡查超过6次。") == [("met", ">", 6.0)]
    assert _one("产值", "产值达到2万亿元", "产值近2万亿元。") == [("not_met", ">=", 2e12)]
    assert _one("产值", "产值达到1.5万亿元", "产值近2万亿元。") == [("met", ">=", 1.5e12)]


# --- milestones people write ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "text", "stage"),
    [
        ("开工建设萧江塘河控制闸", "开工建设萧江塘河控制闸", "开工建设"),
        ("完成县应急广播指挥中心建设", "完成县应急广播指挥中心建设", "完成"),
        ("开工建设海塘安澜(南片海塘4.65公里)", "开工建设海塘安澜", "开工建设"),
        ("农村供水保障提升工程", "农村供水保障提升工程", "完工"),
        ("“老旧小区改造项目”", "老旧小区改造项目", "完工"),
        ("婚姻登记跨区通办", "婚姻登记跨区通办", "实现"),
    ],
)
def test_milestones_with_the_works_after_the_stage_or_only_named(indicator: str, text: str, stage: str) -> None:
    from jixiao.core.targets import extract_targets

    (t,) = extract_targets(indicator)
    assert (t.kind, t.text, t.stage) == ("milestone", text, stage)
    assert indicator[t.span[0]:t.span[1]] == t.text


@pytest.mark.parametrize("indicator", ["完成年度目标任务", "完成市下达目标任务", "深化工资集体协商工作", "完善监督机制",
                                       "推进县职业中专扩容提升。"])
def test_requirements_by_reference_or_vague_ones_are_no_target(indicator: str) -> None:
    from jixiao.core.targets import extract_targets

    assert extract_targets(indicator) == []


def test_a_named_work_is_judged_on_its_stages_and_in_year_only_progress() -> None:
    assert [t.verdict for t in check_row(Row("供水", "农村供水保障提升工程", "正在施工中(75%)。")).targets] == [
        "not_met"]
    assert [t.verdict for t in check_row(Row("供水", "农村供水保障提升工程", "正在施工中(75%)。"),
                                         period="截至9月").targets] == ["unverified"]
    done = check_row(Row("供水", "农村供水保障提升工程", "已全面完工并投入使用。"))
    assert [t.verdict for t in done.targets] == ["met"]
    # a stage said of the future, or a node of the plan, is not the works done
    assert [t.verdict for t in check_row(Row("供水", "农村供水保障提升工程",
                                             "正在施工中,预计10月底前全部完成。")).targets] == ["not_met"]
    assert [t.verdict for t in check_row(Row("改造", "老旧小区改造项目", "已完成施工招标,提前完成7月份节点任务。"),
                                         period="上半年").targets] == ["unverified"]


# --- requirements due after the report's year; portfolio context ---------------------------------


def test_a_requirement_due_after_the_year_is_not_missed_yet() -> None:
    row = Row("饮水", "解决人畜饮水最困难地区500万人饮水安全(2013—2017年)。", "累计解决了498.1万人的饮水安全问题。")
    assert [t.verdict for t in check_row(row, year=2015).targets] == ["unverified"]
    assert [t.verdict for t in check_row(row, year=2017).targets] == ["not_met"]
    within = Row("技术", "在3年内采用3项新技术", "已采用2项新技术。")
    assert [t.verdict for t in check_row(within, year=2017).targets] == ["unverified"]
    reached = Row("技术", "在3年内采用3项新技术", "已采用3项新技术。")
    assert [t.verdict for t in check_row(reached, year=2017).targets] == ["met"]


def test_figures_of_a_portfolio_beside_its_annual_plan_are_context() -> None:
    from jixiao.core.targets import extract_targets

    text = "2021年,我县重点工程项目共30项,其中:建设项目27项,前期项目3项。总投资519.86亿元,当年计划投资63.27亿元。"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(6_327_000_000, "元")]
    assert [t.value for t in extract_targets("我区列入市级重点项目73项,年计划投资178.1亿元")] == [17_810_000_000]
    # a plan figure is kept, and without an annual plan figure project counts are the work
    assert len(extract_targets("全年计划新开工项目41项,计划总投资277亿元")) == 2
    assert [t.value for t in extract_targets("新开工亿元以上产业项目100个")] == [100]


def test_metric_names_as_people_write_them_pair_by_name_not_by_value() -> None:
    res = check_row(Row("经济", "地区生产总值增长7%,固定资产投资增长10%", "固投增长7.2%,GDP增长10.5%。"))
    got = [(t.target.text, t.actual.value if t.actual else None, t.verdict) for t in res.targets]
    assert got == [("地区生产总值增长7%", 10.5, "met"), ("固定资产投资增长10%", 7.2, "not_met")]


# --- bare cells as tables write them ------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "progress", "actual", "verdict"),
    [
        ("2500人", "3321 133% 已超额完成。", 3321, "met"),
        ("3980个", "1153个 29% 目前,全市正在进行城市污水管网建设。", 1153, "not_met"),
        ("2个嵌入式养老机构建设", "已完成1个(50%)", 1, "not_met"),
        ("敬老院新增床位900张", "900 100%", 900, "met"),
    ],
)
def test_a_figure_then_its_share(indicator: str, progress: str, actual: float, verdict: str) -> None:
    (t,) = check_row(Row("民生", indicator, progress)).targets
    assert t.actual is not None and t.actual.value == actual
    assert t.verdict == verdict


def test_a_header_unit_in_brackets_before_a_bare_figure_and_money_in_wan() -> None:
    from jixiao.core.targets import extract_targets

    assert [(t.value, t.unit) for t in extract_targets("年度计划投资(亿元) 2.17", "农林水利")] == [(217_000_000, "元")]
    assert [(t.value, t.unit, t.comparator) for t in extract_targets("150万", "市民中心运行维护费")] == [
        (1_500_000, "元", "<=")]
    assert [(t.value, t.unit) for t in extract_targets("≥200", "建设美丽宜居自然村庄数量")] == [(200, None)]


def test_a_list_of_metrics_sharing_one_figure_is_a_target_each() -> None:
    res = check_row(Row("满意度", "群众知晓率、满意度均达到90%以上", "群众知晓率95%,满意度88%。"))
    got = [(t.target.text, t.actual.value if t.actual else None, t.verdict) for t in res.targets]
    assert got == [("群众知晓率、满意度均达到90%以上", 95, "met"), ("满意度均达到90%以上", 88, "not_met")]
    assert res.verdict == "not_met"
    # persons listed before a count are what is counted, not two metrics
    assert len(check_row(Row("培训", "全年培训农民工和退役军人500人", "培训520人")).targets) == 1


def test_a_change_word_governs_a_list_of_results_too() -> None:
    res = check_row(Row("就业", "城镇调查失业率5%以内", "城乡居民收入分别增长了8.2%和9.3%,城镇调查失业率4.6%。"))
    (t,) = res.targets
    assert t.actual is not None and t.actual.value == 4.6 and t.verdict == "met"


@pytest.mark.parametrize(("progress", "verdict"), [("7月", "met"), ("9月", "met"), ("10月", "not_met")])
def test_a_deadline_in_months_alone(progress: str, verdict: str) -> None:
    (t,) = check_row(Row("完成户用卫生厕所改造验收时间", "9月前", progress)).targets
    assert (t.target.kind, t.verdict) == ("milestone", verdict)


def test_in_year_cumulative_work_done_already_reached_is_met() -> None:
    (t,) = check_row(Row("天桥", "年内完成工程量5%", "已完成工程量6%。"), period="上半年").targets
    assert t.verdict == "met"
    (r,) = check_row(Row("满意度", "群众满意度90%以上", "群众满意度92%。"), period="上半年").targets
    assert r.verdict == "unverified"  # a rate so far is not final


def test_a_deadline_in_a_sentence_and_names_with_asides_or_mirror_noise() -> None:
    from jixiao.core.targets import extract_targets

    (t,) = extract_targets("人才驛站補助資金到位時間績效目標值是2023年12月前", "時效目標")
    assert t.kind == "milestone"
    (r,) = check_row(Row("時效目標", t.text, "實際完成值為2023年12月前,目標完成率為100%")).targets
    assert r.verdict == "met"
    (m,) = extract_targets("农村贫困地区义务教育学生营养餐实现全覆盖(2013—2017年)。")
    assert (m.kind, m.stage) == ("milestone", "实现")
    (n,) = extract_targets("高標(biāo)準(zhǔn)農(nóng)田建設(shè)項目")
    assert n.kind == "milestone"


@pytest.mark.parametrize(
    ("goal", "indicator", "progress"),
    [
        ("困难残疾人两项补贴", "发放标准不低于每人每月60元/月", "100% 已达标完成。"),
        ("产出成本指标", "残疾人机动轮椅车燃油补贴年均补助标准年初指标值为260元/辆", "实际按该标准发放。"),
        ("产出时效指标", "项目完成时间年初指标值为2023年12月底", "实际在规定时间内完成。"),
    ],
)
def test_plain_statements_that_the_standard_or_the_deadline_was_kept(goal: str, indicator: str, progress: str) -> None:
    assert [t.verdict for t in check_row(Row(goal, indicator, progress)).targets] == ["met"]


def test_a_count_of_things_that_must_each_reach_a_figure_is_scope() -> None:
    from jixiao.core.targets import extract_targets

    text = "确保固定投资增速高于经济增速、4个结构性指标均实现10%以上增长"
    assert [(t.value, t.unit) for t in extract_targets(text)] == [(10, "%")]
    assert [t.value for t in extract_targets("省级6项,概算投资140.16亿元,当年计划投资19亿元。")] == [1_900_000_000]


def test_work_still_under_way_is_not_the_result() -> None:
    (t,) = check_row(Row("农贸市场", "升级改造农贸市场20个", "已建成农贸市场12个,另有农贸市场8个正在改造。")).targets
    assert t.actual is not None and t.actual.value == 12


@pytest.mark.parametrize("sign", ["=", "＝", "═", "﹦"])
def test_equals_signs_in_a_table_are_exact(sign: str) -> None:
    from jixiao.core.targets import extract_targets

    assert [t.comparator for t in extract_targets(f"{sign}260元/辆", "补助标准")] == ["=="]


def test_a_quoted_target_in_the_progress_restates_it() -> None:
    row = Row("20件民生大事", "为1万名贫困白内障患者实施免费复明手术",
              "“为1万名贫困白内障患者实施免费复明手术”一项中,9月全省实施复明手术新增1203例,达8878例。")
    (t,) = check_row(row).targets
    assert t.actual is None or t.actual.value != 10000


def test_a_figure_inside_an_admission_counts_the_shortfall_not_the_result() -> None:
    row = Row("新开工项目", "计划新开工项目41项", "实际开工37项,未按期开工两项")
    (t,) = check_row(row).targets
    assert t.actual is not None and t.actual.value == 37 and t.verdict == "not_met"


def test_a_target_set_for_the_reports_own_period_is_judged_as_at_the_years_end() -> None:
    row = Row("新开工项目", "1至11月份计划开工39项", "实际开工37项")
    assert [t.verdict for t in check_row(row, period="截至11月").targets] == ["not_met"]
    annual = Row("新开工项目", "全年计划开工45项", "实际开工37项")
    assert [t.verdict for t in check_row(annual, period="截至11月").targets] == ["unverified"]


def test_an_admission_naming_the_works_in_the_clause_after_it() -> None:
    row = Row("20件民生大事", "全省每个县建成1个残疾人服务中心",
              "20件民生大事中,有2件未达到目标任务进度,分别是“全面实现全省无电村通电”和“全省每个县建成1个残疾人服务中心”。")
    assert [t.verdict for t in check_row(row).targets] == ["not_met"]


def test_signed_falls_and_a_change_the_other_way() -> None:
    (t,) = check_row(Row("用电量", "-6.5%", "-5%")).targets
    assert (t.target.kind, t.target.direction, t.target.value, t.verdict) == ("change", "down", 6.5, "not_met")
    assert [r.verdict for r in check_row(Row("用电量", "-6.5%", "-7.1%")).targets] == ["met"]
    (g,) = check_row(Row("投资", "固定资产投资增长10%", "固定资产投资下降4.0%")).targets
    assert g.verdict == "not_met" and g.actual is not None and g.actual.value == -4.0


def test_in_a_crowded_results_paragraph_a_figure_sharing_no_word_reports_on_something_else() -> None:
    results = ("初步测算,全市地区生产总值增长2%左右,规模以上工业增加值增长3.5%,进出口总额增长0.3%,"
               "居民消费价格涨幅控制在3%以内。")
    (t,) = check_row(Row("全社会研发投入强度", "全社会研发投入强度达到2.6%", results)).targets
    assert t.verdict == "unverified" and t.actual is None


def test_a_bare_result_after_a_label_and_为() -> None:
    (t,) = check_row(Row("项目计划完工率", "指标值为“100%”", "全年实际完成值为0,因项目尚在建设工期内;")).targets
    assert t.actual is not None and t.actual.value == 0 and t.verdict == "not_met"


def test_a_bare_table_takes_its_unit_from_the_same_result_elsewhere_in_the_document() -> None:
    from jixiao.core.check import check_disclosure
    from jixiao.core.model import Disclosure

    d = Disclosure(title="某中心2023年度部门整体支出绩效自评表", rows=[
        Row("年度总体目标", "整治美丽宜居自然村庄", "1.整治美丽宜居自然村庄202个;2.完成农村户用卫生厕所改造3061户"),
        Row("建设美丽宜居自然村庄数量", "≥200", "202"),
        Row("完成农村户用卫生厕所改造数量", "≥2000", "3061"),
    ])
    rows = check_disclosure(d).rows
    assert [(t.target.unit, t.actual.unit if t.actual else None) for t in rows[1].targets] == [("个", "个")]
    assert [t.target.unit for t in rows[2].targets] == ["户"]


def test_the_metrics_own_words_decide_not_its_section_heading() -> None:
    from jixiao.core.targets import extract_targets

    assert [t.comparator for t in extract_targets("資金投入績效目標值是10萬元", "成本目標")] == [">="]
    assert [t.comparator for t in extract_targets("≤4", "开展精品示范村建设数量")] == ["<="]
    assert [t.comparator for t in extract_targets("150万", "市民中心运行维护费")] == ["<="]
    (r,) = check_row(Row("成本目標", "資金投入績效目標值是10萬元", "實際完成值為0萬元")).targets
    assert r.verdict == "not_met"


def test_cases_count_persons() -> None:
    (t,) = check_row(Row("复明手术", "为1万名贫困白内障患者实施免费复明手术", "全省实施复明手术8878例。")).targets
    assert t.actual is not None and t.actual.value == 8878


def test_a_rates_bare_figure_is_a_percentage_and_per_person_stays_in_the_unit() -> None:
    from jixiao.core.targets import extract_targets

    assert [(t.value, t.unit) for t in extract_targets("100", "工程完工率")] == [(100, "%")]
    assert [(t.value, t.unit) for t in extract_targets("3000元/人", "补贴标准")] == [(3000, "元/人")]
    assert [(t.value, t.unit) for t in extract_targets("18—54周岁", "培训对象年龄")] == [(18, "周岁"), (54, "周岁")]


def test_in_year_a_rate_that_the_text_says_reached_the_years_target_is_met() -> None:
    row = Row("退役士兵培训", "参加培训率80%", "参加培训率80%,已实现年度目标。")
    assert [t.verdict for t in check_row(row, period="上半年").targets] == ["met"]


def test_a_results_paragraph_shared_by_several_rows_pairs_by_metric_only() -> None:
    from jixiao.core.check import check_disclosure
    from jixiao.core.model import Disclosure

    results = "2025年,地区生产总值同比增长4.7%。工业增加值同比增长6.1%,固定资产投资总额达4539.8亿元"
    d = Disclosure(title="某市2025年预期目标", year=2025, rows=[
        Row("地区生产总值", "地区生产总值增长5.5%左右", results),
        Row("固定资产投资", "固定资产投资增长1%", results),
        Row("进出口总值", "进出口总值增长10%左右", results),
    ])
    got = [[(t.verdict, t.actual.value if t.actual else None) for t in r.targets] for r in check_disclosure(d).rows]
    assert got == [[("not_met", 4.7)], [("unverified", None)], [("unverified", None)]]


def test_a_rows_own_narrative_putting_its_one_work_off_is_a_shortfall() -> None:
    row = Row("城市快速路三期工程", "开工建设城市快速路三期工程",
              "前一件,按照有关通知要求,加之海湾大桥走向未定,2003年暂缓实施;")
    (t,) = check_row(row).targets
    assert t.verdict == "not_met" and "暂缓" in t.reason


def test_a_named_act_is_a_milestone_with_its_year_and_place_in_a_list_set_aside() -> None:
    (t,) = extract_targets("至于第三项的“2024/25学年设立教师专业发展基金”", "教师专业发展基金")
    assert (t.kind, t.text) == ("milestone", "设立教师专业发展基金")
    (t,) = extract_targets("迁建市体育运动学校", "市体育运动学校")
    assert t.kind == "milestone"
    row = Row("教师专业发展基金", "2024/25学年设立教师专业发展基金", "教育局认为可用现有资源，因此暂停设立基金。")
    assert check_row(row).targets[0].verdict == "not_met"
    assert extract_targets("完善工作机制", "机制") == []


def test_a_node_due_by_a_month_the_report_covers_is_judged_as_at_the_year_end() -> None:
    row = Row("投资任务", "10月底前必须完成60%以上投资任务", "目前4个市完成投资未达到60%以上")
    assert check_row(row, period="截至10月").targets[0].verdict == "not_met"
    assert check_row(row, period="截至9月").targets[0].verdict == "unverified"


def test_a_document_naming_no_period_is_in_year_only_by_its_own_cut_off() -> None:
    from jixiao.core.meta import infer_period, period_of
    from jixiao.core.model import Disclosure

    def period(*progress: str) -> str | None:
        rows = [Row("项目", "完成建设", p) for p in progress]
        return infer_period(Disclosure(title="2012年为民办实事工程", rows=rows, year=2012)).period

    assert period("到11月12日,拉沟至木龙公路已完成工程量60.5%", "全部完工") == "截至11月"  # the report's date
    assert period("前二季度累计放映公益电影230场", "已完成") == "二季度"
    # the span of a statistic: a year-end report gives 1-11月 figures when December's are not out
    assert period("1-11月固定资产投资同比增长6.3%,全市第3位。", "截止11月份规上工业增加值当月增速6.8%") is None
    row = Row("公益电影", "放映公益电影300场", "前二季度累计放映公益电影230场,惠及群众16000余人。")
    assert check_row(row, period="全年").targets[0].verdict == "not_met"  # the document's 全年 decides
    assert period_of("2018年河南省重點民生實事前11個月進展情況") == "截至11月"


def test_a_table_whose_first_column_holds_the_unit_and_comparator() -> None:
    (t,) = check_row(Row("城镇新增就业(人)", "26000", "28456 109.4 超额完成")).targets
    assert (t.target.value, t.target.unit, t.target.comparator) == (26000, "人", ">=")
    assert t.actual is not None and t.actual.value == 28456 and t.verdict == "met"
    (t,) = check_row(Row("城镇登记失业率低于(%)", "4.3", "4.6 93.5 未达到")).targets
    assert (t.target.unit, t.target.comparator, t.verdict) == ("%", "<", "not_met")
    (t,) = check_row(Row("项目投资(万元)", "500", "420 84 推进中")).targets
    assert t.target.value == 5_000_000 and t.actual is not None and t.actual.value == 4_200_000
    # the goal's brackets speak only for a bare cell
    (t,) = extract_targets("新增就业26000人", "城镇新增就业(户)")
    assert t.unit == "人"


def test_a_first_columns_unit_with_its_currency_or_its_bracket_left_open() -> None:
    # 港幣百萬元: the currency named first, then the unit (one million 元, not the template's 万元)
    (t,) = extract_targets("633.5", "財務(港幣百萬元) 綜合服務項目收入")
    assert (t.value, t.unit) == (633_500_000, "元")
    # the copy dropped the bracket's close: the unit still speaks, and 财政 does not make people money
    (t,) = extract_targets("46", "财政供养人员情况(人")
    assert (t.value, t.unit) == (46, "人")
    assert all(t.unit != "同比" for t in extract_targets("46", "财政供养人员情况(同比"))
    # an amount per head is in 元 however small; an amount of money otherwise in the template's 万元
    (t,) = extract_targets("2015年目标 绝对值 43760", "城镇常住居民人均可支配收入")
    assert (t.value, t.unit) == (43760, "元")
    (t,) = extract_targets("285.84", "年度资金总额")
    assert t.value is not None and round(t.value) == 2_858_400 and t.unit == "元"


def test_a_work_named_in_a_list_of_works_has_the_lists_state() -> None:
    progress = ("已经建成投入使用的项目有滨河绿地景观提升工程;四一路维修改造工程。"
                "正在推进的项目有市儿童医院病房楼项目;开工建设信阳东站旅客换乘中心项目;完成平桥立交桥建设工程。")
    started = check_row(Row("换乘中心", "开工建设信阳东站旅客换乘中心项目", progress)).targets[0]
    assert started.verdict == "not_met" and "正在推进" in started.reason  # its own 开工建设 is its name
    done = check_row(Row("四一路", "四一路维修改造工程", progress)).targets[0]
    assert done.verdict == "met"
    tail = "向全市困难群众发放生活救助金、对餐饮店免费制作发放统一标识标牌、购买公益性岗位252个4个子项已提前完成"
    assert check_row(Row("标识标牌", "对餐饮店免费制作发放统一标识标牌", tail)).targets[0].verdict == "met"
    # one work alone is no list: its own words are its report
    assert check_row(Row("换乘中心", "开工建设信阳东站旅客换乘中心项目", "信阳东站旅客换乘中心项目已开工建设。")
                     ).targets[0].verdict == "met"


def test_quoted_works_listed_under_a_state_in_the_sentence_before() -> None:
    progress = ("一、已经完成或基本完成的指标任务,共计19项。主要是“建设完成大沙河、花园河城市内河治理工程”,"
                "“完成公车改革任务”等。三、完成有一定困难,但通过努力年底前能够完成的有2项。分别为“力争解决区域交通梗阻问题”,"
                "“全年新开工东北亚食品产业园项目”。")
    (t,) = check_row(Row("公车改革", "完成公车改革任务", progress), period="前三季度").targets
    assert t.verdict == "met" and "已经完成" in t.reason
    (t,) = check_row(Row("产业园", "全年新开工东北亚食品产业园项目", progress), period="前三季度").targets
    assert t.verdict == "unverified"


def test_a_figure_that_describes_the_works_leaves_their_stage_a_milestone() -> None:
    kinds = [t.kind for t in extract_targets("实现总投资25亿元的东北亚食品产业园项目开工建设")]
    assert kinds == ["milestone"]


def test_control_adjustment_and_carry_over_rates_are_kept_low() -> None:
    for goal, indicator, progress in (("公用经费控制率", "100%", "97%"), ("预算调整率", "3%", "0"),
                                      ("结转结余率", "2%", "0")):
        (t,) = check_row(Row(goal, indicator, progress)).targets
        assert (t.target.comparator, t.verdict) == ("<=", "met"), goal


def test_exceeding_the_schedule_during_the_year_is_not_the_years_target() -> None:
    row = Row("道路照明", "50条城市道路照明建设工程", "截至8月底,超额完成节点目标任务。")
    assert check_row(row, period="截至8月").targets[0].verdict == "unverified"
    assert check_row(row, period="全年").targets[0].verdict == "met"


def test_opening_to_traffic_is_a_stage() -> None:
    (t,) = extract_targets("大连至旅顺中部通道项目通车")
    assert (t.kind, t.stage) == ("milestone", "通车")
    (t,) = check_row(Row("中部通道", "大连至旅顺中部通道项目通车", "大连至旅顺中部通道项目已于6月建成通车。")).targets
    assert t.verdict == "met"


def test_works_listed_as_adjusted_are_not_reached_even_during_the_year() -> None:
    progress = ("四、指标项目出现调整的有2项。因某种原因调整的项目是“实现总投资25亿元的食品产业园项目开工建设”,"
                "“举办好第5届博览会”。")
    row = Row("食品产业园", "实现总投资25亿元的食品产业园项目开工建设", progress)
    assert check_row(row, period="前三季度").targets[0].verdict == "not_met"


def test_an_approval_is_an_early_stage() -> None:
    progress = "柞水抽水蓄能电站开工建设,山阳色河抽水蓄能电站获得核准,商洛电厂二期开工建设"
    (t,) = check_row(Row("项目建设", "山阳色河抽水蓄能电站3月底前开工", progress)).targets
    assert t.verdict == "not_met" and "获得核准" in t.reason


def test_a_clause_going_on_with_the_clause_befores_subject() -> None:
    progress = "“大连至旅顺中部通道项目通车”项目8月底具备通车条件,于9月1日实现全线通车。该项目全长25.381公里"
    (t,) = check_row(Row("中部通道", "大连至旅顺中部通道项目通车", progress)).targets
    assert t.verdict == "met"


def test_targets_quoted_and_then_said_to_be_reached() -> None:
    row = Row("财税", "“全国财政支出超过23万亿元”“中央对地方均衡性转移支付增长10.9%”",
              "在财税方面,“全国财政支出超过23万亿元”“中央对地方均衡性转移支付增长10.9%”等目标均如期实现。")
    assert [t.verdict for t in check_row(row).targets] == ["met", "met"]
    row = Row("财税", "“中央对地方均衡性转移支付增长10.9%”", "“中央对地方均衡性转移支付增长10.9%”等目标正在推进。")
    assert [t.verdict for t in check_row(row).targets] == ["unverified"]


def test_a_statement_after_other_targets_figures_does_not_speak_for_a_target_without_one() -> None:
    row = Row("就业", "城镇新增就业70万人以上,城镇调查失业率控制在5.5%以内",
              "新增城镇就业91.6万人,留鄂来鄂高校毕业生42.4万人,均超额完成年初目标")
    assert [t.verdict for t in check_row(row).targets] == ["met", "unverified"]
    alone = Row("就业", "城镇新增就业70万人以上,城镇调查失业率控制在5.5%以内", "均超额完成年初目标")
    assert [t.verdict for t in check_row(alone).targets] == ["met", "met"]


def test_a_deadline_cell_labelled_by_its_own_words_and_more_acts() -> None:
    (t,) = extract_targets("完成时间为2022年12月30日", "项目设计、招标、施工")
    assert (t.kind, t.text) == ("milestone", "2022年12月30日")
    assert [t.kind for t in extract_targets("举办好第5届中朝博览会", "博览会")] == ["milestone"]
    assert [t.text for t in extract_targets("力争解决区域交通梗阻问题", "交通")] == ["解决区域交通梗阻问题"]


def test_list_markers_and_manner_words_are_no_part_of_the_works() -> None:
    ind = "1.保质保量完成道路建设;2.符合工程施工质量验收相关要求,按时投入使用"
    texts = [t.text for t in extract_targets(ind, "总体绩效目标")]
    assert texts[0] == "完成道路建设" and "1." not in texts[0]
    # a work stopped at an earlier stage (基本完成) has not been put into use
    assert check_row(Row("总体绩效目标", ind, "总体绩效目标基本完成。")).targets[1].verdict == "not_met"


def test_a_completion_rate_that_is_the_target_is_its_figure_not_a_share() -> None:
    row = Row("老旧小区改造", "开工改造小区1500个,投资完成率达到50%及以上",
              "已开工小区1110个,开工率74.0%,完成投资28.17亿元,投资完成率37.44%。")
    rate = check_row(row).targets[1]
    assert rate.actual is not None and rate.actual.value == pytest.approx(37.44) and rate.verdict == "not_met"


def test_an_annual_target_beside_its_node_shares_the_figure_so_far() -> None:
    row = Row("新开工项目", "今年计划新开工项目41项,1至11月份计划开工39项", "实际开工37项,未按期开工两项")
    annual, node = check_row(row, period="截至11月").targets
    assert annual.actual is not None and annual.actual.value == 37 and annual.verdict == "unverified"
    assert node.actual is not None and node.actual.value == 37 and node.verdict == "not_met"


def test_a_cell_that_says_only_how_much_of_the_task_is_done() -> None:
    assert [t.verdict for t in check_row(Row("宣传次数", "至少全年完成2次宣传", "已完成100%")).targets] == ["met"]
    assert [t.verdict for t in check_row(Row("宣传次数", "至少全年完成2次宣传", "已完成80%")).targets] == ["not_met"]


def test_a_figure_followed_by_the_words_of_the_plan_restates_it() -> None:
    (t,) = check_row(Row("公路水运投资", "1.8万亿元的预期目标",
                         "全国完成公路水运投资23451亿元,超过1.8万亿元的预期目标;")).targets
    assert t.actual is not None and t.actual.value == pytest.approx(2_345_100_000_000) and t.verdict == "met"


def test_a_whole_before_its_parts_and_figures_before_an_admission() -> None:
    (t,) = check_row(Row("出行", "20公里休闲步行道",
                         "已完成7.42公里,其中新店溪3.79公里,新西河2.7公里,东西河0.93公里")).targets
    assert t.actual is not None and t.actual.value == pytest.approx(7.42) and t.verdict == "not_met"
    (t,) = check_row(Row("棚户区", "1271户", "346户 27% 因集体土地征收新政策出台滞后,影响签约进度。")).targets
    assert t.actual is not None and t.actual.value == 346 and t.verdict == "not_met"


def test_a_stage_before_de_describes_a_thing_and_the_works_verb_done_completes_it() -> None:
    row = Row("临时房屋区", "在 1996 年年底前,完成清拆在 1984 年以前建成的临时房屋区。",
              "已清拆所有 14 个在 1984 年前建成的临时房屋区。")
    (t,) = check_row(row).targets
    assert t.target.stage == "完成" and t.verdict == "met" and "已清拆" in t.reason
    (t,) = check_row(Row("临时房屋区", row.indicator, "正在清拆在 1984 年前建成的临时房屋区。")).targets
    assert t.verdict == "unverified"


def test_a_breakdown_table_takes_its_unit_from_the_summary_row_by_the_words_of_the_figure() -> None:
    from jixiao.core.check import check_disclosure
    from jixiao.core.model import Disclosure
    rows = [Row("老旧小区改造", "开工改造小区1500个", "截至8月底,已开工小区1110个,开工率74.0%。"),
            Row("长沙市", "计划完成数 150", "累计开工数 143 开工率 95.33%"),
            Row("株洲市", "计划完成数 71", "累计开工数 44 开工率 61.97%")]
    report = check_disclosure(Disclosure(title="全省重点民生实事完成进度表", rows=rows, year=2021, period="截至8月"))
    cities = [r.targets[0] for r in report.rows[1:]]
    assert [(t.target.unit, t.actual.value if t.actual else None) for t in cities] == [("个", 143), ("个", 44)]


def test_works_listed_then_counted_are_a_milestone_each() -> None:
    ind = ("县本级路桥畅通工程有英山大桥、白合大桥、大良大桥、福龙桥的建设和维修英山至黄腊四级柏油路、"
           "县城桥东路等6个子项目")
    texts = [t.text for t in extract_targets(ind, "路桥畅通工程")]
    assert texts == ["英山大桥", "白合大桥", "大良大桥", "福龙桥的建设", "维修英山至黄腊四级柏油路", "县城桥东路"]
    progress = "英山大桥、白合大桥均已完成80%的工程量;大良大桥已完工,于8月2日竣工验收;"
    got = [t.verdict for t in check_row(Row("路桥畅通工程", ind, progress)).targets[:3]]
    assert got == ["not_met", "not_met", "met"]  # 完成80%的工程量 is a share of the works, not 完成


def test_a_document_whose_progress_opens_with_a_cut_off_reads_as_of_it() -> None:
    from jixiao.core.meta import infer_period
    from jixiao.core.model import Disclosure
    d = infer_period(Disclosure(title="2012年为民办实事工程大部分子项提前完成", year=2012, period="全年", rows=[
        Row("公路", "建设通村油路", "到11月12日,拉沟至木龙公路已完成工程量60.5%。"),
        Row("桥", "英山大桥", "英山大桥已完成80%的工程量。")]))
    assert d.period == "截至11月" and any(w.field == "period" for w in d.warnings)
    full = infer_period(Disclosure(title="2012年为民办实事", year=2012, period="全年", rows=[
        Row("公路", "建设通村油路", "到11月12日,已完成工程量60.5%。"), Row("桥", "英山大桥", "全年建成英山大桥。")]))
    assert full.period == "全年"


def test_a_document_naming_no_year_published_mid_year_reports_progress_so_far() -> None:
    from datetime import date

    from jixiao.core.meta import infer_period
    from jixiao.core.model import Disclosure
    rows = [Row("整治", "20个建制村农村环境综合整治项目", "已完工15个,完成全年目标任务的75%。")]
    d = infer_period(Disclosure(title="黄石晒出“十件实事”清单", rows=rows, published=date(2023, 8, 2)))
    assert d.period == "截至7月"
    # one that names an earlier year (an audit, a season that ended) is not read as this year's progress
    old = [Row("牌照", "九成五的服务承诺", "至於二〇二〇年的个案仅有八成九。")]
    assert infer_period(Disclosure(title="牌照处捱轟", rows=old, published=date(2022, 8, 2))).period is None
    # nor one published in spring
    assert infer_period(Disclosure(title="黄石晒出清单", rows=rows, published=date(2023, 4, 20))).period is None


def test_every_plan_after_spelling_holds_a_head_word() -> None:
    from jixiao.core.lexicon import LEXICON
    assert all(any(h in w for h in LEXICON.plan_after_heads) for w in LEXICON.plan_after)


def test_one_requirement_written_two_ways_is_judged_alike() -> None:
    r = check_row(Row("用纸", "减至17461令,即2002年耗纸量的95%", "全年用纸16800令,为2002年耗纸量的91%"))
    assert [(t.target.comparator, t.verdict) for t in r.targets] == [("<=", "met"), ("<=", "met")]


def test_a_deadline_with_its_year_names_no_works_and_a_fiscal_year_is_its_first() -> None:
    from jixiao.core.meta import year_of
    assert [t.verdict for t in check_row(Row("时效", "2023年12月底前完成", "2024年3月完成")).targets] == ["not_met"]
    assert (year_of("2017-18年度服務表現"), year_of("2024/25学年"), year_of("2013—2017年规划")) == (2017, 2024, 2017)


def test_a_claims_number_before_yishang_or_yixia_is_a_bound() -> None:
    high = check_row(Row("培训对象", "18—54周岁", "存在18周岁以下、54周岁以上的学员")).targets[1]
    assert high.verdict == "not_met"  # some above 54
    (t,) = check_row(Row("满意度", "满意度达到95%", "群众满意度达95%以上")).targets
    assert t.verdict == "met"


def test_a_figure_of_the_whole_does_not_report_a_target_of_a_statistical_scope() -> None:
    progress = "地区生产总值同比增长4.7%。工业增加值达2850.7亿元(同比增长6.1%),规模以上工业产值突破1万亿元。"
    (t,) = check_row(Row("规模以上工业增加值", "规模以上工业增加值增长6.5%", progress)).targets
    assert t.actual is None and t.verdict == "unverified"  # was the known failure of j-05
    (t,) = check_row(Row("规模以上工业增加值", "规模以上工业增加值增长6.5%", "规上工业增加值增长6.1%")).targets
    assert t.actual is not None and t.verdict == "not_met"


def test_a_sentence_that_every_indicator_was_reached_claims_each_row() -> None:
    said = "该项目按照年初设定的目标实施,绩效各指标均能高质量完成,改善了村民出行条件。"
    assert verdicts("道路硬化", "道路硬化≥0.565km", said) == [("met", None)]
    mirror = "績效各指標均能高質(zhì)量完成"  # the pinyin of a mirror site is not counted as words between
    assert verdicts("滿意度", "滿意度≥96%", mirror) == [("met", None)]
    for hedged in ("各项指标均基本完成", "各项指标均未完成", "各项指标均在推进中,年底前将全部完成"):
        assert verdicts("滿意度", "满意度≥96%", hedged)[0][0] != "met", hedged


def test_a_figure_restating_the_target_is_never_the_result() -> None:
    got = verdicts("学前教育", "40所的年度目标任务", "全年新(改)扩建幼儿园48所,超额完成40所的年度目标任务")
    assert got == [("met", 48)]
    got = verdicts("棚户区改造", "1万套的年度目标任务", "新开工安置房16768套,超额完成1万套的年度目标任务。")
    assert got == [("met", 16768)]  # the one figure of the target's unit, though it shares no word with it


def test_a_mirror_sites_pinyin_is_read_past_and_spans_index_the_original() -> None:
    indicator, progress = "固定資產(chǎn)投資增長(zhǎng)7%以上", "全市固定資產(chǎn)投資同比下降6.8%。"
    r = check_row(Row("固定資產(chǎn)投資", indicator, progress))
    (t,) = r.targets
    assert (t.target.kind, t.verdict, t.actual.value if t.actual else None) == ("change", "not_met", -6.8)
    assert indicator[t.target.span[0] : t.target.span[1]] == t.target.text and "(zhǎng)" in t.target.text
    assert t.actual is not None and progress[t.actual.span[0] : t.actual.span[1]] == t.actual.text == "下降6.8%"
    # a unit in brackets is not pinyin: it carries no tone mark
    assert verdicts("道路", "道路长度(km) 12", "完成12.5") == [("met", 12.5)]


def test_a_measure_that_did_not_move_and_rates_of_change() -> None:
    assert verdicts("居民消费价格", "居民消费价格指数上涨3%左右", "全市居民消费价格同比持平。") == [("met", 0.0)]
    got = verdicts("居民消费价格", "居民消费价格涨幅3%左右", "全年居民消费价格比上年上涨2.0%。")
    assert got == [("met", 2.0)]  # a 涨幅 target and a 上涨 claim are one rate of change
    got = verdicts("地区生产总值", "地区生产总值增长6%左右", "增速由年初设定的6%左右调整为正增长。全年增幅-1.1%。")
    assert got == [("not_met", -1.1)]  # the plan set at the start of the year is not the result


def test_a_count_of_new_things_reports_a_target_to_add_them() -> None:
    got = verdicts("绿色林地", "增加180公顷绿色林地", "2019年,新增绿色林地182公顷,其中绿地建设102公顷")
    assert got == [("met", 182)]
    # a rate is still a change: 新增 does not make a share of something a change over a baseline
    assert verdicts("覆盖率", "覆盖率提高5个百分点", "新增覆盖率达到60%") == [("unverified", None)]


def test_a_bare_money_figure_is_in_the_templates_wanyuan_and_a_leading_bare_figure_is_the_result() -> None:
    r = check_row(Row("年度财政 资金总额", "285.84", "285.84"))
    assert [(t.target.value, t.target.unit, t.verdict) for t in r.targets] == [(pytest.approx(2858400), "元", "met")]
    r = check_row(Row("年度资金总额", "250000.00", "215,457.6 86.19%"))
    assert [(t.target.value, t.verdict) for t in r.targets] == [(250000, "not_met")]  # so large: 元
    got = verdicts("工程资金金额", "43.2", "37.24 已完工,剩余3%尾款未付,且最高限价低于预算金额。")
    assert got == [("not_met", pytest.approx(372400))]


def test_a_bracketed_heading_between_label_and_figure_and_a_percentage_heading() -> None:
    r = check_row(Row("新公司註冊 服務水平(註1) 4", "目標(達到服務水平的百分比) 95",
                      "實際表現(達到服務水平的百分比) 99 高於/(低於)目標的百分比 4"))
    assert [(t.target.value, t.target.unit, t.verdict, t.actual.value if t.actual else None)
            for t in r.targets] == [(95, "%", "met", 99)]


def test_a_budget_line_is_money_to_spend_not_a_ceiling() -> None:
    assert verdicts("基本支出", "985.19", "914.97")[0][0] == "not_met"
    assert verdicts("项目支出", "187.36", "353.75")[0][0] == "met"


def test_pledges_adjusted_bases_and_time_limits() -> None:
    got = verdicts("來港工作簽證申請 四星期內完成處理", "所承諾的目標90%",
                   "二零二二年,99%的來港工作簽證申請都能夠在四星期內完成處理,超越了所承諾的目標90%。")
    assert got == [("met", 99)]  # the pledge restated is not the result
    said = "所有申請都能夠在三個月內完成處理,超越了所承諾的95%。"
    assert verdicts("居留權證明書", "所承諾的95%", said) == [("met", None)]
    (t,) = check_row(Row("旅遊簽證", "按承諾在四星期內完成處理", "所有申請都能按承諾在四星期內完成處理。")).targets
    assert (t.target.comparator, t.target.value, t.target.unit) == ("<=", 4, "星期")
    got = verdicts("一般公共预算收入", "一般公共预算收入增长5%", "一般公共预算收入扣除减税降费因素增长8%左右")
    assert got == [("unverified", None)]  # a figure on another basis than the target's


def test_acts_named_in_a_list_and_a_works_phase() -> None:
    from jixiao.core.quantities import find_quantities
    (t,) = extract_targets("推行“河长制”", "完成的29项任务")
    assert (t.kind, t.text) == ("milestone", "推行“河长制”")  # the quote it opens is closed in its text
    (t,) = extract_targets("全面公布“1+3”清单", "完成的29项任务")
    assert t.kind == "milestone"  # the figures of a quoted name are the name's
    assert extract_targets("连海路(新港路-南环路)一期和南山路建设", "未按进度完成的7项任务")[0].kind == "milestone"
    assert find_quantities("污水处理厂二期建设") == [] and find_quantities("培训一期") != []


def test_a_figure_after_another_named_metric_does_not_report_the_target() -> None:
    para = ("●2023年广东地区生产总值达到13.57万亿元、增长4.8%; ●社会消费品零售总额达4.7万亿元、增长5.8%; "
            "●进出口顶住压力、逆势实现正增长;")
    assert check_row(Row("进出口总额", "进出口总额增长3%", para), shared=True).targets[0].verdict == "unverified"
    cpi = check_row(Row("居民消费价格", "居民消费价格涨幅3%左右", para), shared=True)
    assert cpi.targets[0].verdict == "unverified"
    got = verdicts("GDP", "GDP增长6%", "全市地区生产总值 3.46 万亿元、增长 6.0%,增速居国内大中城市前列。")
    assert got == [("met", 6.0)]  # a stray space between 增长 and its figure


def test_a_higher_aim_is_a_growth_too_and_a_clause_goes_on_with_the_scope_before() -> None:
    kinds = [(t.kind, t.value) for t in extract_targets("GDP增长5.5%以上、争取达到6%", "GDP")]
    assert kinds == [("change", 5.5), ("change", 6.0)]
    progress = "2023年,全市规模以上工业增加值5171.00亿元,同比下降1.9%,增速比前三季度提高1.7个百分点;"
    assert verdicts("规模以上工业增加值", "规模以上工业增加值增长6%", progress) == [("not_met", -1.9)]


def test_words_pair_within_runs_and_a_list_in_the_same_order_pairs_by_position() -> None:
    from jixiao.core.textutil import bigrams
    assert "入增" not in bigrams("一般公共预算收入增长12.2%") and "长规" not in bigrams("增长12.2%,规模以上")
    para = ("预计全市地区生产总值增长6%左右,一般公共预算收入增长12.2%,规模以上工业增加值增长7%左右,"
            "固定资产投资增长3%左右")
    assert check_row(Row("研发", "全社会研发经费投入增长10%", para), shared=True).targets[0].verdict == "unverified"
    r = check_row(Row("办学条件", "新增省一級示範幼儿園2所、一級高完中2所,建成校舍7萬平方米、運動場7萬平方米。",
                      "新增省一級示範幼儿園5所、一級高完中2所,建成校舍10.24萬平方米、運動場9.51萬平方米。"))
    assert [t.actual.value if t.actual else None for t in r.targets] == [5, 2, 102400, 95100]


def test_works_to_build_taken_only_to_an_earlier_stage_by_the_year_end() -> None:
    ind = "新建全民健身中心1个,总建筑面积6500平方米"
    said = "2023年完成前期工作,完成可行性研究、项目设计、项目勘察、图纸审查、项目审批、施工招标、监理招标。"
    assert [v for v, _ in verdicts("总体目标", ind, said)] == ["not_met", "not_met"]
    assert check_row(Row("新建全民健身中心数量", "1", "建设中")).targets[0].verdict == "not_met"
    # during the year the same words are progress; and works done are no shortfall
    assert check_row(Row("总体目标", ind, said), period="上半年").targets[0].verdict == "unverified"
    assert [v for v, _ in verdicts("总体目标", ind, "全民健身中心已建成投入使用。")] != ["not_met", "not_met"]


def test_a_templates_bracketed_unit_a_rate_column_and_a_rates_formula() -> None:
    r = check_row(Row("公猪舍(≥**平方米)", "22.8", "22.8"))
    assert [(t.target.unit, t.verdict) for t in r.targets] == [("平方米", "met")]
    r = check_row(Row("居民电子健康档案建档数",
                      "941250份 居民电子健康档案建档率=建立电子健康档案人数/辖区内常住居民数*100% ≥75%",
                      "1024410 81.74%"))
    assert [(t.target.value, t.verdict, t.actual.value if t.actual else None) for t in r.targets] == [
        (941250, "met", 1024410), (75, "met", 81.74)]  # 100% in the formula is no target
    r = check_row(Row("预算投入资金", "6475 预算完成率 100%", "6475 100%"))
    assert [t.actual.value if t.actual else None for t in r.targets][-1] == 100  # the rate column, no share


def test_standards_monthly_tables_and_chao() -> None:
    from jixiao.core.meta import period_of
    assert period_of("2012年市、区政府民政实事项目完成情况进度表(五月份)") == "截至5月"
    r = check_row(Row("城市低保標準", "600 元/月/人", "100% 1-6月城市低保標準已達到644元/月"), period="上半年")
    assert [(t.verdict, t.actual.value if t.actual else None) for t in r.targets] == [("met", 644)]
    (t,) = extract_targets("全年完成固定资产投资超1400亿元", "固定资产投资")
    assert (t.comparator, t.about) == (">", False)


def test_a_first_column_naming_a_growth_makes_its_bare_figure_a_growth() -> None:
    assert verdicts("社会消费品零售总额增长(%)", "7.8%", "-9.4%") == [("not_met", -9.4)]
    assert verdicts("地区生产总值增长(%)", "6%左右", "3.8%") == [("not_met", 3.8)]
    assert verdicts("新增就业人数增长(%)", "5%", "6%") == [("met", 6)]


def test_metrics_listed_before_fenbie_name_the_figures_after_it_in_order() -> None:
    said = "三大需求总体平稳,固定资产投资、社会消费品零售总额分别增长4.1%、8.8%,进出口总额1.93万亿元,增长7.7%;"
    assert verdicts("固定资产投资", "固定资产投资增长8%左右", said) == [("not_met", 4.1)]
    assert verdicts("社会消费品零售总额", "社会消费品零售总额增长8%", said) == [("met", 8.8)]


def test_a_cell_declaring_its_unit_and_a_node_beside_its_annual_target() -> None:
    row = Row("通川区", "单位:亿元 年度投资计划 94.9 一季度目标任务 15.2",
              "一季度 完成投资 14.9 完成一季度目标 任务占比(%) 98%")
    r = check_row(row, period="一季度")
    assert [(t.target.value, t.target.unit, t.verdict, t.actual.value if t.actual else None) for t in r.targets] == [
        (pytest.approx(9.49e9), "元", "unverified", pytest.approx(1.49e9)),
        (pytest.approx(1.52e9), "元", "not_met", pytest.approx(1.49e9))]


def test_a_plan_table_row_with_its_unit_absolute_value_and_growth() -> None:
    r = check_row(Row("全市生产总值", "单位 亿元 2015年目标 绝对值 4620 增速(%) 7以上",
                      "2015年实绩 绝对值 4619.8 增速(%) 8.3"))
    assert [(t.target.value, t.verdict, t.actual.value if t.actual else None) for t in r.targets] == [
        (pytest.approx(4.62e11), "not_met", pytest.approx(4.6198e11)), (7, "met", 8.3)]


def test_a_fall_in_a_growth_column_is_a_negative_growth() -> None:
    r = check_row(Row("进出口总额", "单位 亿美元 2015年目标 绝对值 218 增速(%) 4.9",
                      "2015年实绩 绝对值 194.8 增速(%) -6.3"))
    assert [(t.verdict, t.actual.value if t.actual else None) for t in r.targets][1] == ("not_met", -6.3)


def test_items_under_jun_short_of_the_figure_make_the_row_not_met() -> None:
    r = check_row(Row("重大项目攻坚",
                      "持续推进重大项目攻坚,确保固定投资增速高于经济增速、4个结构性指标均实现10%以上增长;",
                      "4个结构性指标中,民间项目投资同比下降4.7%,交通投资增长6.5%,生态环保投资下降1.3%,"
                      "高新技术产业投资增长8.0%,均居全省中上位次;"))
    assert r.verdict == "not_met" and r.targets[0].actual is not None and r.targets[0].actual.value == -4.7
    assert "-4.7%" in r.targets[0].reason  # a fall, shown as one (was the known failure of a-01)


def test_an_admission_in_a_sentence_that_opens_by_naming_its_works() -> None:
    progress = ("新章镇大桥:工可报告、初步设计、初步设计咨询初稿均已完成,考虑专项债以外资金财政保障难度大,"
                "根据8月14日金区长调研交通汇报情况,项目暂缓。彩虹桥新建按要求推进相关工作 100.0%")
    r = check_row(Row("新章镇大桥", "新章镇大桥、彩虹桥新建等项目落地建设", progress))
    assert r.verdict == "not_met"


def test_a_first_columns_count_noun_gives_a_bare_figure_its_unit() -> None:
    r = check_row(Row("綜合學習課程學員人數", "13,500", "21,836"))
    assert [(t.target.unit, t.verdict, t.actual.value if t.actual else None) for t in r.targets] == [
        ("人", "met", 21836)]


def test_a_whole_before_the_part_of_it_done_is_not_the_result() -> None:
    assert verdicts("危桥", "加固改造危桥120座", "120座危桥改造项目已完成87座,完成计划的72.5%。") == [("not_met", 87)]


def test_targets_listed_after_fenbie_take_the_figures_listed_after_it_in_order() -> None:
    progress = ("预计全年实现地区生产总值1.2万亿元,增长7.5%;一般公共预算收入1175亿元,增长7%;"
                "城乡居民人均可支配收入分别增长8.1%、9.9%,居民消费价格上涨2%。")
    got = verdicts("城镇和农村居民人均可支配收入", "城镇和农村居民人均可支配收入分别增长7%、7.5%", progress)
    assert got == [("met", 8.1), ("met", 9.9)]


def test_a_bare_result_beside_a_target_written_in_wan() -> None:
    assert verdicts("完成征繳基金10000萬元", "10000萬", "7965 80%") == [("not_met", 79650000)]
    assert verdicts("市民中心运行维护费", "150万", "150万") == [("met", 1500000)]  # written out: no second 万


def test_a_sentence_of_an_indicator_that_only_names_an_act_is_a_milestone() -> None:
    ind = "为全县60岁以上老年人免费接种流感疫苗24723人。 4月:制定并下发老年名免费接种流感疫苗工作方案。"
    kinds = [(t.kind, t.text) for t in extract_targets(ind, "流感疫苗")]
    assert ("milestone", "制定并下发老年名免费接种流感疫苗工作方案") in kinds
    r = check_row(Row("流感疫苗", ind, "已完成。 已制定并下发老年名免费接种流感疫苗工作方案。"), period="截至4月")
    assert [t.verdict for t in r.targets if t.target.kind == "milestone"] == ["met"]


def test_a_higher_aim_shares_its_growths_figure_and_an_application_is_no_step_ahead() -> None:
    got = verdicts("GDP", "GDP增长5.5%以上、争取达到6%", "2023年东莞市地区生产总值为11438.13亿元,同比增长2.6%。")
    assert got == [("not_met", 2.6), ("not_met", 2.6)]
    said = "本處亦能履行承諾在遞交申請當天完成處理所有申請,並把結果通知申請人。"
    assert check_row(Row("預辦入境登記", "在遞交申請當天完成處理所有申請", said)).verdict == "met"
    assert check_row(Row("验收", "完成竣工验收", "已申请竣工验收")).verdict != "met"  # 申请 right before: ahead


def test_a_labelled_budget_figure_is_in_the_templates_wanyuan() -> None:
    r = check_row(Row("年度资金总额", "全年预算数(A)300", "259.45万元 86.5%"))
    assert [(t.target.value, t.verdict) for t in r.targets] == [(3000000, "not_met")]


def test_a_stage_that_names_no_works_is_the_lone_milestones_own_and_a_road_number_is_part_of_its_name() -> None:
    assert check_row(Row("道路", "建成215国道改线工程", "已完工 100.0%")).verdict == "met"
    assert check_row(Row("道路", "建成215国道改线工程", "项目已开工")).verdict == "not_met"
    # a rate of starts and a plan done are no stage of the works
    assert check_row(Row("道路", "建成215国道改线工程", "开工率85%")).verdict == "unverified"
    assert check_row(Row("道路", "建成215国道改线工程", "基本完成年度目标")).verdict == "unverified"


def test_where_a_change_starts_is_neither_target_nor_result() -> None:
    assert [(t.value, t.unit) for t in extract_targets("住院报销比例由55%提高到65%")] == [(65, "%")]
    assert [t.value for t in extract_targets("补助标准从每人每月300元提高到350元")] == [350]
    assert verdicts("托位", "托位数由2021年的800个增加到1200个", "托位数由2021年的800个增加到1100个") == [
        ("not_met", 1100)]
    assert [t.value for t in extract_targets("由县财政补助200万元")] == [2_000_000]  # 由 naming who, no change


def test_works_finished_as_a_whole_deliver_the_size_they_held_at_the_years_end() -> None:
    ind = "建设内容包括义渡大桥至义渡车站0.58公里公路升级改造工程项目和X057厚田至义渡升级改造工程项目。"
    done = "完成项目投资2925.7万元,于20207月全面完工并投入使用。"
    assert check_row(Row("农村公路升级改造工程项目", ind, done)).verdict == "met"
    # during the year, a finished part says nothing of the rest; nor does money spent on the works
    assert check_row(Row("农村公路升级改造工程项目", ind, done), period="上半年").verdict == "unverified"
    assert check_row(Row("系统", "动用2,500万元建设管理系统", "系统已建成投用")).verdict == "unverified"


def test_a_count_of_works_started_is_not_the_count_done() -> None:
    r = check_row(Row("老旧小区", "改造老旧小区120个", "截至6月30日,全市老旧小区改造120个项目全面开工,开工率100%;"),
                  period="上半年")
    assert [(t.verdict, t.actual) for t in r.targets] == [("unverified", None)]
    assert verdicts("老旧小区", "改造老旧小区120个", "全市改造老旧小区120个,已全部完工") == [("met", 120)]


def test_a_scope_word_before_a_named_task_still_sets_a_target() -> None:
    assert [t.value for t in extract_targets("全年共计下达农村危房改造任务3200户")] == [3200]
    assert [t.value for t in extract_targets("涉及年度投资目标8.5亿元")] == [850_000_000]
    assert extract_targets("列入省级重点项目8项") == []  # a portfolio: no task named


def test_a_cost_word_inside_another_metric_does_not_make_it_a_ceiling() -> None:
    assert [t.comparator for t in extract_targets("100%", "利息费用保障率")] == [">="]
    assert [t.comparator for t in extract_targets("前期费用45万元")] == [">="]
    assert [t.comparator for t in extract_targets("100万元", "项目成本")] == ["<="]  # 成本 still one


def test_a_time_limit_and_one_bare_percentage_is_the_share_of_cases_within_it() -> None:
    assert check_row(Row("牌照申請", "在接獲申請起計10個工作天內發出牌照", "100%")).verdict == "met"
    assert check_row(Row("查詢", "在15分鐘內回覆查詢", "85%")).verdict == "not_met"
    assert check_row(Row("查詢", "在15分鐘內回覆查詢", "平均12分鐘")).verdict == "met"  # a time is the claim


def test_quoted_targets_and_hectares_written_hm() -> None:
    assert [(t.value, t.kind) for t in extract_targets("其次是某市,预期目标为“增长7.5%以上”,")] == [(7.5, "change")]
    assert [(t.value, t.unit) for t in extract_targets("治理水土流失面积120.5hm")] == [(120.5, "公顷")]
    assert extract_targets("“十四五”规划确定的重点任务") == []


def test_an_admission_turned_round_by_a_later_clause_is_none() -> None:
    said = "“新建公厕12座”(市城管局)等3个项目曾因过程性滞后被通报,但均能如期完成。"
    assert check_row(Row("公厕", "新建公厕12座", said)).verdict != "not_met"
    assert check_row(Row("公厕", "新建公厕12座", "因征地原因进度滞后,但已完成选址")).verdict == "not_met"
    assert [t.kind for t in extract_targets("实施二次供水改造提升8个居民小区")] == ["level"]


def test_a_title_reporting_during_the_year_without_a_period_reads_to_its_publication() -> None:
    from datetime import date

    from jixiao.core.meta import infer_period
    from jixiao.core.model import Disclosure

    def period(title: str, published: date) -> str | None:
        rows = [Row("项目", "新建公厕30座", "已建成20座")]
        return infer_period(Disclosure(title=title, rows=rows, published=published)).period

    assert period("全省民心工程建設超序時進(jìn)度", date(2019, 9, 19)) == "截至8月"  # pinyin noise too
    assert period("全省保障性安居工程提前完成全年任务", date(2013, 10, 22)) == "截至9月"
    # no year and no cue, but published mid-year and naming no earlier year: progress so far
    assert period("全省保障性安居工程建设情况", date(2013, 10, 22)) == "截至9月"
    assert period("全省保障性安居工程建设情况", date(2013, 3, 22)) is None  # spring: maybe last year's


def test_the_target_a_share_is_of_is_no_result() -> None:
    said = "1至9月,企业出口3.8亿美元,同比增长206%,完成全年工作目标4.12亿美元的92.9%。"
    r = check_row(Row("出口", "全年工作目标4.12亿美元", said), period="截至9月")
    assert [(t.verdict, t.actual.value if t.actual else None) for t in r.targets] == [("unverified", 380_000_000)]
    # a budget line named after a target is no plan: 村级工作目标奖励50000元 is the amount spent on it
    got = verdicts("奖励", "村级工作目标奖励100000元", "村级工作目标奖励50000元。")
    assert got == [("not_met", 50000)]


def test_a_budget_and_its_execution_rate() -> None:
    said = "截止2021年12月31日,项目资金总额预算执行率为81.95%(其中财政资金预算执行率为80.04%),"
    assert check_row(Row("资金", "2021年度下达项目资金791753万元。", said)).verdict == "not_met"
    # a target that is the rate itself takes the rate's figure
    assert verdicts("预算执行率", "≥95%", "预算执行率97.5%") == [("met", 97.5)]


def test_a_statement_about_some_of_the_places_is_not_the_whole_target() -> None:
    ind = "今年的任務目標是:每個縣(市、區)建成1個高品質口袋公園,全省共建成166個,"
    said = "已全部開工,其中已建成151個、建成率90.9%。邢臺、邯鄲、承德等10地已提前完成年度任務。"
    r = check_row(Row("口袋公園建設", ind, said), period="上半年")
    assert [t.verdict for t in r.targets] == ["unverified", "unverified"]
    assert check_row(Row("口袋公园", "建成口袋公园20个", "已提前完成年度任务"), period="上半年").verdict == "met"


def test_a_funding_sources_bare_figure_is_in_wanyuan_and_purpose_reached_is_met() -> None:
    assert [(t.target.value, t.verdict) for t in check_row(Row("县财政", "1038.66", "900.5")).targets] == [
        (10_386_600, "not_met")]
    assert check_row(Row("排水沟", "新建排水沟1300m", "项目已验收结算,项目数量、质量达到预期目的。")).verdict == "met"


def test_a_figure_basically_done_is_a_bound_below() -> None:
    assert verdicts("治理", "治理水土流失面积1429.39公顷", "基本完成治理水土流失面积1429.39公顷。") == [
        ("not_met", 1429.39)]
    assert verdicts("治理", "治理水土流失面积1429.39公顷", "基本完成年度任务,治理水土流失面积1500公顷。") == [
        ("met", 1500)]  # in another clause it says nothing of the figure


def test_a_whole_restated_before_the_part_done_in_a_later_clause() -> None:
    said = "项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。"
    assert verdicts("计划投资", "我县2022年农村公路通村道路建设项目计划投资2179万元", said) == [
        ("not_met", 21_136_300)]
    assert verdicts("补助", "下达补助56万元。", "该项目下达资金56万元,实际完成投资54.6万元。") == [("not_met", 546_000)]
    # a larger figure after is no part of the whole
    assert verdicts("投资", "完成投资2000万元", "计划投资1800万元,已完成投资2100万元") == [("met", 21_000_000)]


def test_a_plan_said_reached_is_the_result_when_nothing_else_is_given() -> None:
    said = "退役士兵免费职业技能培训已实现主城区退役士兵参加培训率80%的年度目标"
    r = check_row(Row("培训", "主城区退役士兵参加培训率80%的年度目标", said), period="上半年")
    assert r.verdict == "met"  # the text says the annual target is reached
    said = "全年开展食品安全抽样检验5.48万批次,超额完成4.7万批次的年度目标任务。"
    assert [(v, round(a or 0)) for v, a in verdicts("抽检", "4.7万批次的年度目标任务", said)] == [("met", 54800)]


def test_the_rest_not_yet_done_is_no_result() -> None:
    said = "已有75所学校开工建设,其中40所已竣工并投入使用;剩余2所学校已完成招标,年底前启动建设。"
    assert verdicts("学校", "新建、改扩建学校77所", said) == [("not_met", 40)]


def test_a_part_of_the_result_in_a_later_clause_leaves_the_result() -> None:
    said = "截至9月底已竣工投产14项,本月已竣工8项。"
    assert verdicts("竣工项目", "本年度计划竣工项目12项", said) == [("met", 14)]
    said = "30个城乡养老机构实现全面开工"
    assert check_row(Row("养老机构", "新建、改造30个城乡养老机构", said), period="上半年").verdict == "unverified"


def test_a_pledged_share_within_a_time_limit() -> None:
    ind = "所訂下的80%來電於12秒內接聽的指標"
    assert [(t.value, t.unit) for t in extract_targets(ind)] == [(80, "%")]  # 12秒 is the share's condition
    said = "2022年,服務表現受疫情影響,所訂下的80%來電於12秒內接聽的指標實際數字為61%;"
    assert verdicts("接聽", ind, said) == [("not_met", 61)]


def test_brackets_holding_only_the_figure_hold_the_target() -> None:
    assert [(t.value, t.unit) for t in extract_targets("1、维修、改造、升级、补建健身点(60个);")] == [(60, "个")]
    assert extract_targets("开工建设海塘安澜(南片海塘4.65公里)")[0].kind == "milestone"  # a description
    assert [t.kind for t in extract_targets("创意产业园基础设施项目(一期)")] != ["level"]  # a phase


def test_a_negative_level_of_a_rate_is_no_fall() -> None:
    said = "上年度錄得40.89億元收入,運作虧損3.05億元,固定資產回報率為負13%(目標為1.5%)。"
    assert verdicts("固定資產回報率", "目標為1.5%", said) == [("not_met", -13)]
    assert verdicts("增长", "用电量增长5%", "用电量-6.5%") == [("not_met", -6.5)]  # a fall, as before


def test_running_costs_are_kept_within_their_budget() -> None:
    assert [(t.target.comparator, t.verdict) for t in check_row(Row("三公经费", "63.46", "44.29")).targets] == [
        ("<=", "met")]
    assert [t.verdict for t in check_row(Row("其中:办公经费", "27.00", "49.09")).targets] == ["not_met"]


def test_a_cell_that_says_only_done_completes_the_lone_milestone() -> None:
    assert check_row(Row("高中", "竣工并投入使用", "已完成。")).verdict == "met"
    assert check_row(Row("高中", "竣工并投入使用", "主体已完成,正在装修。")).verdict != "met"


def test_a_figure_followed_by_the_word_plan_restates_it() -> None:
    said = "62个计划建成项目总投资218.1亿元,1-8月完成投资94.6亿元。其中21个项目已经建成。"
    r = check_row(Row("计划建成项目", "其中计划建成项目62个", said), period="截至8月")
    assert [(t.verdict, t.actual.value if t.actual else None) for t in r.targets] == [("unverified", 21)]


def test_the_rows_one_figure_naming_no_metric_is_the_rows_metric_even_of_a_scope() -> None:
    r = check_row(Row("产值", "规模以上工业总产值全年目标为5220亿元", "1-4月已经完成1399.86亿元。"), period="截至4月")
    assert r.targets[0].actual is not None and r.targets[0].actual.value == 139_986_000_000
    said = "全市工业增加值增长5%。"  # the whole, named: not the 规模以上 figure
    assert verdicts("规上", "规模以上工业增加值增长8%", said) == [("unverified", None)]


def test_a_start_target_takes_the_count_started_and_a_month_end_dates_the_report() -> None:
    said = "50处农村义务教育阶段中小学食堂(餐厅)已全部开工建设,其中已有38处竣工交付使用。"
    assert verdicts("食堂", "开工建设50处农村义务教育学校食堂(餐厅)。", said) == [("met", 50)]
    from jixiao.core.meta import report_cutoff
    assert report_cutoff("截止9月底,全市已改建完成农村户厕67435座") == "截至9月"
    assert report_cutoff("截止11月份规上工业增加值当月增速6.8%") is None  # a statistic's span


def test_a_share_of_the_years_target_does_not_settle_it() -> None:
    said = "1-9月,地区生产总值同比增长18.1%。固定资产投资完成281.82亿元,完成全年目标进度92.10%。"
    r = check_row(Row("地区生产总值", "地区生产总值增长7%", said), period="前三季度")
    assert r.verdict == "unverified"  # a growth so far is not final; 完成全年目标进度92.10% settles nothing
    said = "所有申請都能夠在三個月內完成處理,超越了所承諾的95%。"
    assert check_row(Row("申請", "所承諾的95%", said)).verdict == "met"


def test_a_share_within_a_time_limit_may_be_followed_by_a_note() -> None:
    said = "90%(1) 註: (1)受疫情影響,服務承辦商未能提供足夠人手處理電話查詢。"
    assert check_row(Row("電話查詢", "在5分鐘內為顧客提供服務", said)).verdict == "not_met"


def test_a_pledge_with_no_figure_kept_in_every_case_is_met() -> None:
    kept = check_row(Row("就业服务", "1. 为新登记的求职者提供有关就业服务的书面指引。", "100%"))
    assert kept.verdict == "met" and kept.targets[0].target.kind == "milestone"
    assert check_row(Row("就业服务", "1. 为新登记的求职者提供有关就业服务的书面指引。", "97%")).verdict == "unverified"
    # vague aims and comparisons with no figure stay without a target
    assert check_row(Row("制度建设", "完善内部管理制度", "100%")).targets == ()
    assert check_row(Row("项目成本控制在预算内", "本着节约的原则,控制在预算中。", "100%")).targets == ()
    # a progress that says more than a share is not a pledge table's cell
    assert check_row(Row("就业服务", "为新登记的求职者提供书面指引", "全年共发放指引100%")).targets == ()


def test_a_time_limit_is_not_scope_and_the_act_in_it_is_no_milestone() -> None:
    ts = extract_targets("在收到所有有关的资料及文件后八个工作天内,完成有关职业介绍所牌照的申请。")
    assert [(t.kind, t.comparator, t.value, t.unit) for t in ts] == [("level", "<=", 8.0, "工作天")]
    assert check_row(Row("发牌", "在收到所有有关的资料及文件后八个工作天内,完成牌照的申请。", "100%")).verdict == "met"
    # the next working day is a time limit of one
    nxt = extract_targets("为递交表格的求职者,于递交表格后的下一个工作天,提供电话就业服务。")
    assert [(t.comparator, t.value, t.unit) for t in nxt] == [("<=", 1.0, "工作天")]


def test_a_title_giving_the_latest_progress_is_in_year() -> None:
    from jixiao.core.meta import period_of
    assert period_of("苏州市政府公布今年实事项目的最新完成情况") is None
    assert period_of("大连市2023年重点民生实事最新进展来了") is None
    assert period_of("苏州市政府公布今年实事项目的完成情况") == "全年"


def test_a_document_made_at_the_years_start_is_not_in_year_by_its_publication() -> None:
    from datetime import date

    from jixiao.core.meta import infer_period, period_of
    from jixiao.core.model import Disclosure

    def period(title: str, published: date) -> str | None:
        rows = [Row("项目", "完成建设", "已完成")]
        return infer_period(Disclosure(title=title, rows=rows, year=published.year, published=published)).period

    assert period("政府工作报告——2024年2月2日在商洛市第五届人民代表大会第四次会议上", date(2024, 2, 6)) is None
    assert period("新乡市人民政府关于印发新乡市2024年国民经济和社会发展计划的通知", date(2024, 4, 2)) is None
    assert period("2024年政府工作报告重点任务推进情况", date(2024, 8, 2)) == "截至7月"  # the work going on
    assert period_of("2018年6月民生实事进展情况") == "截至6月"
    assert period_of("【进展情况】2023年3月份暖民心行动各县区进展情况表") == "截至3月"


def test_a_work_named_exactly_is_judged_by_its_own_stage_not_a_look_alike_beside_it() -> None:
    progress = ("一是总投资105亿元的镇安月河抽水蓄能电站首台机组并网发电,总投资96亿元的山阳色河抽水蓄能电站获得核准,"
                "总投资51亿元的商洛电厂二期开工建设。")
    r = check_row(Row("项目建设", "总投资96亿元的山阳色河抽水蓄能电站3月底前开工", progress))
    assert r.verdict == "not_met"
    # 总投资…的 describes the works: no claim of a year's investment
    assert check_row(Row("项目建设", "年度投资656亿元", progress)).verdict == "unverified"
    assert check_row(Row("项目建设", "镇安月河抽水蓄能电站10月底前并网发电", progress)).verdict == "met"


def test_an_amount_sizing_the_things_counted_is_no_target() -> None:
    ts = extract_targets("全市引进10亿元以上项目5个、20亿元以上项目2个")
    assert [(t.value, t.unit) for t in ts] == [(5.0, "个"), (2.0, "个")]
    assert [t.unit for t in extract_targets("80%來電於12秒內接聽")] == ["%"]


def test_a_plan_set_at_the_years_start_and_works_then_finished_are_read_as_such() -> None:
    row = Row("水土保持", "新增治理面积91平方公里。",
              "合计新增治理水土流失面积78.93平方公里,较年初制定完成新增水土流失治理面积91平方公里已完成86.7%。")
    r = check_row(row, period="上半年")
    assert r.targets[0].verdict == "unverified" and r.targets[0].evidence[0].value == 78.93
    lanes = check_row(Row("背街小巷", "背街小巷38条", "实施背街小巷改造38条,目前完工24条,在建13条。"))
    assert lanes.verdict == "not_met"  # at the year's end, 24 of 38 finished
    both = check_row(Row("棚改", "开工棚改安置房12万套以上", "上半年已开工10.48万套、建成7.43万套。"), period="上半年")
    assert both.targets[0].evidence[0].value == 104800  # two metrics side by side: the first is this one's


def test_a_floor_and_a_higher_aim_in_quotes_are_growth_targets() -> None:
    ts = extract_targets("单从GDP增长目标来看,目标相对较高的是南阳市,其预期目标为“保8%、争9%”。")
    assert [(t.kind, t.comparator, t.value) for t in ts] == [("change", ">=", 8.0), ("change", ">=", 9.0)]
    r = check_row(Row("地区生产总值", "单从GDP增长目标来看,南阳市预期目标为“保8%、争9%”。",
                      "生产总值增长4.8%,高于全省0.7个百分点。"))
    assert [t.verdict for t in r.targets] == ["not_met", "not_met"]
    assert extract_targets("“十三五”规划确定的“1+3”清单") == []


def test_works_all_finished_meet_their_count_and_kinds_say_which_are_counted() -> None:
    row = Row("污水治理", "新增完成186条自然村生活污水治理工作", "经督办后于11月底全部完工。")
    assert check_row(row).verdict == "met"
    ts = extract_targets("2018-2019年度我省4类重点对象49255户危房改造任务")
    assert [(t.value, t.unit) for t in ts] == [(49255.0, "户")]
    assert check_row(Row("危房改造", "4类重点对象49255户危房改造任务", "已全部按期竣工。")).verdict == "met"


def test_counts_of_projects_of_a_kind_describe_the_list() -> None:
    ts = extract_targets("續建項目10個,總投資252.41億元,今年要求完成投資38.62億元,")
    assert [t.unit for t in ts] == ["元"]  # the year's investment; 總投資 describes, 續建項目10個 counts the list
    assert extract_targets("前期项目两个,") == []
    assert [t.value for t in extract_targets("新开工项目10个")] == [10.0]


def test_a_figure_whose_clause_says_it_was_the_plan_is_restated() -> None:
    row = Row("施政報告措施", "65項措施會於年內推展或落實",
              "實則有60項已推行,其餘5項未能如期落實。據統計,65項措施原定去年內落實。")
    r = check_row(row)
    assert r.verdict == "not_met" and r.targets[0].evidence[0].value == 60


def test_a_figure_only_labelled_as_the_target_takes_the_change_its_first_column_names() -> None:
    r = check_row(Row("地区生产总值增长", "预期目标7.8%左右", "全市地区生产总值增长-10.4%"), period="全年")
    assert r.verdict == "not_met" and r.targets[0].target.kind == "change"
    assert r.targets[0].evidence[0].value == -10.4
    # a metric named before the figure is the metric's own level
    assert extract_targets("研发机构比例达25%", "地区生产总值增长")[0].kind == "level"


def test_in_a_list_of_counts_each_figure_is_named_by_its_own_item() -> None:
    row = Row("十件民生实事", "建设3100个农村公共厕所、285个旅游厕所、350个城镇社区公共卫生厕所。",
              "完成156座旅游厕所建设,新建改造城镇社区公共卫生厕所94个")
    r = check_row(row, period="上半年")
    claimed = {t.target.value: (t.evidence[0].value if t.evidence else None) for t in r.targets}
    assert claimed[350.0] == 94 and claimed[285.0] != 94


def test_the_months_addition_then_the_running_total_is_the_total() -> None:
    row = Row("复明手术", "为1万名贫困白内障患者实施免费复明手术", "9月全省实施复明手术新增1203例,达8878例。")
    r = check_row(row, period="前三季度")
    assert r.targets[0].evidence[0].value == 8878


def test_a_rate_the_standard_fixes_is_exact() -> None:
    assert [(t.comparator, t.unit) for t in extract_targets("按照2200元/户标准进行补贴")] == [("==", "元/户")]
    assert [t.comparator for t in extract_targets("补贴农户2200户")] == [">="]


def test_the_templates_direction_words_are_comparators() -> None:
    assert [t.comparator for t in extract_targets("正向 大于等于 1 次")] == [">="]
    assert [t.comparator for t in extract_targets("反向 小于等于 1 个")] == ["<="]
    assert [t.comparator for t in extract_targets("正向 等于 100 %")] == ["=="]


def test_a_bare_figure_under_a_time_standard_is_the_share_of_cases_within_it() -> None:
    ts = extract_targets("90", "办理土地文书注册 16个工作天")
    assert [(t.value, t.unit) for t in ts] == [(90.0, "%")]
    assert check_row(Row("办理土地文书注册 16个工作天", "90", "94")).verdict == "met"
    assert check_row(Row("办理土地文书注册 16个工作天", "90", "85")).verdict == "not_met"


def test_a_document_naming_no_year_is_checked_for_its_publications_year() -> None:
    from datetime import date

    from jixiao.core.check import check_disclosure
    from jixiao.core.model import Disclosure

    rows = [Row("公园", "新建公园10个(2019年底前)", "已建成6个")]
    undated = check_disclosure(Disclosure(title="民生工程实施情况", rows=rows, published=date(2018, 9, 12)))
    dated = check_disclosure(Disclosure(title="民生工程实施情况", rows=rows, year=2018, published=date(2018, 9, 12)))
    assert [r.verdict for r in undated.rows] == [r.verdict for r in dated.rows]


def test_an_act_pledged_in_a_clause_is_a_milestone_of_its_object() -> None:
    ind = "我们会加强执法。海关会在本年度增添22名人员,成立化学品调查小组,对化学品加强执行发牌制度。"
    acts = [t for t in extract_targets(ind) if t.kind == "milestone"]
    assert [t.text for t in acts] == ["成立化学品调查小组"]
    assert acts[0].objects == ("化学品调查小组",)
    # judged by progress about its object: named, then 已 and a verb saying it happened
    row = Row("调查小组", ind, "化学品调查小组已于11月成立并增设22个职位。")
    assert [r.verdict for r in check_row(row).targets if r.target.kind == "milestone"] == ["met"]
    row = Row("调查小组", ind, "海关正在筹备成立化学品调查小组。")
    assert [r.verdict for r in check_row(row).targets if r.target.kind == "milestone"] != ["met"]
    # the act opening a quoted task, and an act reported plainly in a year-end narrative
    row = Row("专项资金", "市国资委牵头的“设立公交发展专项资金,实施公交企业亏损补贴”",
              "我市在2019年设立安排公交发展专项资金2900万元。")
    assert check_row(row).targets[0].verdict == "met"
    row = Row("专项资金", "市国资委牵头的“设立公交发展专项资金,实施公交企业亏损补贴”", "我市将设立公交发展专项资金。")
    assert check_row(row).targets[0].verdict == "unverified"


def test_a_share_of_the_task_is_the_targets_unless_it_follows_a_figure_of_another_measure() -> None:
    row = Row("城镇新增就业", "城镇新增就业5000人", "完成年度目标任务的96%")
    assert check_row(row, period="全年", year=2023).verdict == "not_met"
    # the share follows the money handed down: it is that money's share of its plan, not the rise of the standard
    row = Row("补助标准", "政府补助标准提高5.95%", "省级财政补助资金下达22.719亿元,完成年度计划的101.24%。")
    assert check_row(row, period="全年", year=2023).verdict == "unverified"
    # ...unless the share is the target's own rate, named in its row
    row = Row("预算完成率", "100%", "预算1922.76万元,本年追加预算767.86万元,计算本单位预算完成率99.27%。")
    assert check_row(row, period="全年", year=2023).verdict == "not_met"


def test_a_rate_of_100_percent_is_met_by_its_act_done_in_full() -> None:
    row = Row("资金", "资金拨付率100%", "资金已全部拨付到位")
    assert check_row(row, period="全年", year=2023).verdict == "met"
    row = Row("资金", "资金拨付率100%", "资金未能全部拨付到位")
    assert check_row(row, period="全年", year=2023).verdict != "met"
    row = Row("资金", "资金拨付率100%", "资金拨付率85%,其余待验收后全部拨付")
    assert check_row(row, period="全年", year=2023).verdict == "not_met"
    # done in full is 100%, above any lower floor; a ceiling is not answered so
    assert check_row(Row("资金", "资金拨付率90%", "资金已全部拨付到位"), period="全年", year=2023).verdict == "met"
    assert check_row(Row("资金", "资金闲置率5%以下", "资金已全部闲置"), period="全年", year=2023).verdict != "met"


def test_the_main_structure_done_with_already_between_is_that_stage() -> None:
    # 主体已完工 is the stage 主体完工, short of 建成投用 at the year's end
    row = Row("学校建设", "年底前建成投用", "主体已完工,正在进行内部装修")
    assert check_row(row, period="全年", year=2023).verdict == "not_met"


def test_a_run_of_stage_words_and_a_date_name_no_works() -> None:
    # 已于9月建成投入使用: 建成 and 9月 are no works, so the row's one milestone takes the stage
    for prog in ("已建成投入使用", "已于9月建成投入使用", "于2023年9月建成投入使用"):
        assert check_row(Row("学校建设", "年底前建成投用", prog), period="全年", year=2023).verdict == "met"


def test_a_plan_restated_in_brackets_after_its_label_is_not_the_result() -> None:
    row = Row("城区空气质量优良率", "市下达年度指标(90.1%)", "优良率96.0%,高出市下达年度指标(90.1%)5.9个百分点。")
    (t,) = check_row(row, period="全年", year=2018).targets
    assert t.actual is not None and t.actual.value == 96.0
    row = Row("新增通硬化路建制村", "目标(160个)", "新增通硬化路建制村163个,已超额完成交通运输部目标(160个)。")
    (t,) = check_row(row, period="全年", year=2018).targets
    assert t.actual is not None and t.actual.value == 163


def test_a_list_of_metrics_and_a_list_of_figures_pair_by_position() -> None:
    got = [(t.value, t.item) for t in extract_targets("地区生产总值、一般公共预算收入分别增长7%、6%")]
    assert got == [(7, "地区生产总值"), (6, "一般公共预算收入")]
    # one figure for the list is one target per metric
    assert [t.value for t in extract_targets("知晓率、满意度均达到90%以上")] == [90, 90]


def test_a_target_with_no_unit_takes_the_one_figure_of_its_size() -> None:
    prog = "計畫經費45億1,700萬元,實際進度89.84%,較預計進度落後0.16個百分點,係清理用地污染進度未如預期。"
    (t,) = check_row(Row("客運專區建設計畫", "90.00", prog), period="全年", year=2019).targets
    assert (t.target.unit, t.verdict) == ("%", "not_met")
    assert t.actual is not None and t.actual.value == 89.84
    # two figures of its size: no guess
    (t,) = check_row(Row("客運專區建設計畫", "90.00", "實際進度89.84%,預計進度90.5%"), period="全年", year=2019).targets
    assert t.actual is None


def test_a_stage_word_inside_a_longer_word_is_no_stage() -> None:
    # 建設計畫 is 建設 and 計畫 (a plan), not the design stage 設計
    assert [c.stage for c in stage_claims("「高雄港客運專區建設計畫」進度未如預期")] == []
    assert [c.stage for c in stage_claims("已完成设计")] == ["完成设计"]


def test_doubling_and_halving_are_changes_of_100_and_50_percent() -> None:
    (t,) = extract_targets("村级集体经济总收入以2013年为基数翻一番")
    assert (t.kind, t.comparator, t.value, t.unit, t.direction) == ("change", ">=", 100, "%", "up")
    (t,) = extract_targets("工程建设项目审批时间压缩一半以上")
    assert (t.kind, t.value, t.unit, t.direction) == ("change", 50, "%", "down")
    assert verdicts("收入", "居民收入比2010年翻一番", "居民收入实现翻一番") == [("met", 100)]
    assert verdicts("收入", "居民收入比2010年翻一番", "居民收入比2010年增长85%") == [("not_met", 85)]
    # 翻 is a rise only right before its count: 翻新 in a column naming a rate is no change
    (t,) = extract_targets("80", "农房翻新改造完成率(%)")
    assert (t.kind, t.value, t.unit) == ("level", 80, "%")


def test_a_sentence_of_acts_makes_each_clause_a_milestone() -> None:
    # every clause opens with an act, so each is one, though only the first opens the sentence
    acts = [t.text for t in extract_targets("明确建设任务,制定建设方案。") if t.kind == "milestone"]
    assert acts == ["明确建设任务", "制定建设方案"]
    # a clause after one that is no act is not taken (协调 is no act: the series is broken)
    assert "制定建设方案" not in [t.text for t in extract_targets("协调各配合单位,制定建设方案。")]


def test_an_act_reported_done_on_its_object_is_met_before_any_stage_word_inside_it() -> None:
    # 方案 is also a works' design stage; here it is the object the act was to make, and 制定了 made it
    row = Row("充电设施", "明确建设任务,制定建设方案。", "制定了《2023年住宅小区电动自行车充电设施建设实施方案》。")
    got = {r.target.text: r.verdict for r in check_row(row, period="截至3月", year=2023).targets}
    assert got["制定建设方案"] == "met"
    row = Row("充电设施", "明确建设任务,制定建设方案。", "正在起草住宅小区电动自行车充电设施建设实施方案。")
    got = {r.target.text: r.verdict for r in check_row(row, period="截至3月", year=2023).targets}
    assert got["制定建设方案"] != "met"


def test_no_pledge_inside_a_noun_and_no_act_used_as_a_modifier() -> None:
    # 社会 holds 会, 该计划在 holds 计划在; 推行以来 is since it began, not an act to do
    assert all(t.text != "成立老年协会食堂" for t in extract_targets("市社会福利院收住老人,成立老年协会食堂"))
    assert [t.text for t in extract_targets("市民政局将联合社区,成立老年协会食堂")] == ["成立老年协会食堂"]
    ind = "全面检讨资助方案,评估该计划在首三年推行以来的运作情况。"
    assert all("以来" not in t.text for t in extract_targets(ind))
    assert extract_targets("完善交通诱导系统,通过控制左转等形式,建立区域微循环。") == []


def test_a_target_alone_in_its_unit_takes_the_one_figure_of_that_unit() -> None:
    ind = "2022年初危房改造资金预算安排300.7万元,用于低收入群体房屋安全,计划补助115户。"
    prog = "所有改造户的基本信息需在村务公开栏公示,最终确定农村危房改造264户,发放补助资金278.8万元。"
    money, homes = check_row(Row("数量指标", ind, prog)).targets
    assert money.actual is not None and money.actual.value == 2_788_000 and money.verdict == "not_met"
    assert homes.actual is not None and homes.actual.value == 264 and homes.verdict == "met"


def test_a_years_result_reports_the_years_part_of_a_longer_task() -> None:
    ind = "为具备条件的1241个村庄、235198户接通天然气。2017年度计划实施170878户。"
    whole, year = [t for t in check_row(Row("天然气村村通", ind, "至12月底,已入户接通天然气172083户。")).targets
                   if t.target.unit == "户"]
    assert year.actual is not None and year.actual.value == 172083 and year.verdict == "met"
    assert whole.actual is None and whole.verdict == "unverified"
    # with no part set for the year, the task takes the figure
    (t,) = [t for t in check_row(Row("天然气村村通", "为235198户接通天然气。", "已入户接通天然气172083户。")).targets]
    assert t.actual is not None and t.verdict == "not_met"


def test_a_target_said_reached_in_plain_words() -> None:
    row = Row("推行大型植树计划", "种植343万棵树木、灌木和年生植物",
              "已达到目标(分项数字见附件I 由承办商供应植物和提供人手栽种树木。")
    assert check_row(row).verdict == "met"
    assert check_row(Row("植树", "种植343万棵树木", "尚未达到目标,已种植300万棵。")).verdict == "not_met"


def test_a_result_writing_its_own_multiplier_is_not_scaled_again() -> None:
    (t,) = check_row(Row("財政收入", "財政收入達到30億元", "全年財政收入完成16.6億,同比增長13%。")).targets
    assert t.actual is not None and round(t.actual.value or 0) == 1_660_000_000 and t.verdict == "not_met"
    # a bare result with no multiplier is in the target's (10000萬 | 7965: 7965萬)
    (t,) = check_row(Row("资金", "年度资金10000萬元", "7965")).targets
    assert t.actual is not None and round(t.actual.value or 0) == 79_650_000


def test_a_milestone_due_in_a_part_of_the_year_already_covered_is_judged() -> None:
    ind = "公布由政府成立公司营运试点产业园区的具体建议,原定今年首季公布。"
    prog = "由政府成立公司营运试点产业园区的具体建议仍在筹备中。"
    (t,) = check_row(Row("产业园建议", ind, prog), period="截至8月").targets
    assert t.verdict == "not_met"
    # due at the year's end: progress so far, not a shortfall
    (t,) = check_row(Row("产业园建议", "年底前公布试点产业园区的具体建议。", prog), period="截至8月").targets
    assert t.verdict == "unverified"
    # due by June in a report to March: not yet due
    (t,) = check_row(Row("产业园建议", "公布试点产业园区的具体建议,6月底前完成。", prog), period="一季度").targets
    assert t.verdict == "unverified"


def test_measure_words_that_count_the_same_things_pair_when_the_things_are_the_same() -> None:
    row = Row("厕所革命", "建设3100个农村公共厕所、285个旅游厕所", "完成156座旅游厕所建设,新建农村公共厕所2012个")
    toilets = {t.target.value: t.actual.value if t.actual else None for t in check_row(row).targets}
    assert toilets == {3100: 2012, 285: 156}
    (t,) = check_row(Row("渠化改造", "对10处路口进行渠化改造", "共完成和平路口等12个路口改造。")).targets
    assert t.actual is not None and t.actual.value == 12 and t.verdict == "met"
    # 个 of another thing is no result for 家
    (t,) = check_row(Row("总部经济", "引进研发机构3家", "引进30亿元以上服务业项目3个。")).targets
    assert t.actual is None


def test_a_target_named_again_word_for_word_in_the_progress_is_no_result() -> None:
    ind = "PM2.5平均浓度同比下降4%、重污染天数同比减少6%的改善目标"
    prog = "PM2.5平均浓度为70微克/立方米,同比下降13.6%。发生重污染395天次,同比下降36.2%,超额完成" + ind + "。"
    actual = [t.actual.value if t.actual else None for t in check_row(Row("京津冀", ind, prog)).targets]
    assert actual == [13.6, 36.2]
    # …but a plan said reached word for word is the result when nothing else is given
    (t,) = check_row(Row("AED", "安装100台的年度目标", "于8月份完成安装100台的年度目标,并投入使用。")).targets
    assert t.verdict == "met"
    # the target in its own words and the metric in the first column: a level to stay under
    (t,) = check_row(Row("PM2.5年平均浓度", "空气污染防治方案制定的14微克目标值",
                         "今年PM2.5年平均浓度12.6微克,低于空气污染防治方案制定的14微克目标值。")).targets
    assert (t.target.comparator, t.verdict) == ("<=", "met")
    assert t.actual is not None and t.actual.value == 12.6


def test_a_count_of_years_is_no_target() -> None:
    ts = extract_targets("该两个年度私人房屋土地供应可供兴建38,800个单位的目标")
    assert [(t.value, t.unit) for t in ts] == [(38800, "个")]


def test_a_list_of_rates_each_naming_its_own_metric_pairs_by_the_metric() -> None:
    ind = "全市城镇生活垃圾资源化利用率达到92%以上、城镇生活垃圾无害化处理率达到100%。"
    prog = "城镇生活垃圾无害化处理率达到100%,全市城镇生活垃圾资源化利用率达到93%。"
    assert [t.actual.value if t.actual else None for t in check_row(Row("垃圾", ind, prog)).targets] == [93, 100]


def test_a_pledge_restated_after_the_result_is_no_result() -> None:
    # (ec-02, a strict xfail until the pledge said again word for word was read as a restatement)
    (t,) = check_row(Row("來港工作簽證申請 四星期內完成處理", "90%申請能在四星期內完成處理的承諾標準",
                         "二零一九年,98.9%的來港工作簽證申請都能夠在四星期內完成處理,超越90%申請能在四星期內完成處理的承諾標準。")
                     ).targets
    assert t.verdict == "met" and t.actual is not None and t.actual.value == 98.9


def test_a_range_joined_by_zhiyu_is_two_bounds() -> None:
    ts = extract_targets("主要預期目標是,地區生產總值增長7%至於7.5%")
    assert [(t.kind, t.comparator, t.value) for t in ts] == [("change", ">=", 7), ("change", "<=", 7.5)]


def test_a_bare_percentage_of_an_amount_to_cut_is_a_cut() -> None:
    prog = "2019年单位GDP能耗比上年下降2.6%,完成“3%左右”的预期目标;"
    (t,) = check_row(Row("单位GDP能耗", "“3%左右”的预期目标", prog)).targets
    assert (t.target.kind, t.target.direction, t.verdict) == ("change", "down", "not_met")
    assert t.actual is not None and t.actual.value == 2.6
    # a cut written out with 左右 is a floor on the cut, even of a metric kept low
    (t,) = extract_targets("单位国内生产总值能耗降低2%左右")
    assert (t.comparator, t.direction) == (">=", "down")
    # a negative bare figure is still read as its fall
    (t,) = extract_targets("-6.5%", "用水量")
    assert (t.kind, t.value, t.direction) == ("change", 6.5, "down")


def test_a_price_level_target_takes_the_prices_change() -> None:
    prog = "全年全市地区生产总值增长4.5%;城镇调查失业率5.2%;居民消费价格上涨0.3%。"
    (t,) = check_row(Row("居民消费价格", "3%左右", prog)).targets
    assert t.actual is not None and t.actual.value == 0.3 and t.verdict == "met"


def test_the_one_metric_named_two_ways_pairs_in_a_crowded_paragraph() -> None:
    prog = "全年全市GDP达到8000亿元,增长4.5%;规上工业增加值增长6.1%;社零总额1500亿元,增长6.5%。"
    (t,) = check_row(Row("消费", "社会消费品零售总额增长8%", prog), shared=True).targets
    assert t.actual is not None and t.actual.value == 6.5 and t.verdict == "not_met"
    assert t.target.text == "社会消费品零售总额增长8%"  # the metric's name is not cut in two


def test_an_estimated_investment_is_no_target() -> None:
    ts = extract_targets("雨污分流改造工程项目估算投资2082.48万元,区财政通过抗疫特别国债安排资金700万元。")
    assert [t.value for t in ts] == [7_000_000]


def test_a_node_labelled_with_its_month_shares_the_figure_with_the_years_task() -> None:
    ind = "2024年重点筛查60岁以上人群7400人。 4月:完成筛查人数1480人(20%)。"
    res = check_row(Row("筛查", ind, "已完成。 完成筛查人数3495人,完成率47.23%。"), period="截至4月", year=2024)
    assert [(r.actual.value if r.actual else None, r.verdict) for r in res.targets][:2] == [
        (3495, "unverified"), (3495, "met")]


def test_figures_listed_after_one_cut_share_its_comparator() -> None:
    ts = extract_targets("化学需氧量、氨氮、二氧化硫、氮氧化物排放总量分别比上年减少2%、1.5%、2%、1.5%")
    assert [(t.kind, t.comparator, t.direction) for t in ts] == [("change", ">=", "down")] * 4
    assert ts[0].text.startswith("氮氧化物")  # not 物排放总量…: the word is not cut in two
    prog = ("化学需氧量排放总量2499.9万吨,同比下降2.04%;氨氮排放总量260.4万吨,同比下降1.52%;"
            "二氧化硫排放总量2217.9万吨,同比下降2.21%;氮氧化物排放总量2404.3万吨,同比上升5.73%。")
    ind = "化学需氧量、氨氮、二氧化硫、氮氧化物排放总量分别比上年减少2%、1.5%、2%、1.5%"
    res = check_row(Row("减排", ind, prog)).targets
    assert [r.verdict for r in res] == ["met", "met", "met", "not_met"]
    # a figure that writes its own comparator keeps it
    assert extract_targets("排放分别减少2%、1.5%以内")[1].comparator == "<="


def test_a_number_of_wan_after_a_noun_counting_people_is_in_persons() -> None:
    (t,) = extract_targets("农村贫困人口减少1000万以上")
    assert (t.kind, t.value, t.unit) == ("change", 10_000_000, "人")
    (r,) = check_row(Row("脱贫", "农村贫困人口减少1000万以上", "农村贫困人口减少1386万,易地扶贫搬迁280万人。")).targets
    assert r.actual is not None and r.actual.value == 13_860_000 and r.verdict == "met"
    # 万 alone after a noun that counts nothing is still no target
    assert extract_targets("完成投资1000万以上") == [] or extract_targets("完成投资1000万以上")[0].unit != "人"


def test_a_number_of_wan_before_a_noun_counting_people_is_in_persons() -> None:
    for ind, value in (("80万农村35—64岁妇女免费做“两癌”检查", 800_000), ("40万贫困劳动力开展技能培训", 400_000),
                       ("减少农村贫困人口1000万左右", 10_000_000)):
        (t,) = extract_targets(ind)
        assert (t.value, t.unit) == (value, "人"), ind
    assert extract_targets("为3万居民小区改造") == []  # 居民 after the number may name things


def test_a_percentage_naming_nothing_under_a_place_takes_the_change_of_an_amount() -> None:
    for ind in ("8%", "预期目标8%", "8%左右"):
        (r,) = check_row(Row("山西", ind, "山西去年GDP增长4.9%,比预期目标低3.1个百分点")).targets
        assert r.actual is not None and r.actual.value == 4.9 and r.verdict == "not_met", ind
    # …but not the change of a rate or a concentration
    (r,) = check_row(Row("山西", "预期目标8%", "山西去年PM2.5平均浓度下降4.9%")).targets
    assert r.actual is None


def test_a_pledges_bare_time_is_a_limit() -> None:
    for ind, goal in (("10個工作天", "簽發證明書"), ("30分鐘", "登記")):
        (t,) = extract_targets(ind, goal)
        assert t.comparator == "<=", ind
    (t,) = extract_targets("开展培训40小时", "培训")  # hours of work to deliver stay a floor
    assert t.comparator == ">="
    (t,) = extract_targets("九成半危急病人在15分鐘內獲診治", "急症室")
    assert t.value == 95


def test_a_year_heading_its_months_is_no_result() -> None:
    ind = "預計於113年底完成直接興建 12 萬戶"
    (r,) = check_row(Row("社會住宅", ind, "111 (1-9)月 累計直接興建戶數(A) 62,584")).targets
    assert r.actual is None or r.actual.value != 1_110_000


def test_a_planned_figure_ending_its_cell_is_the_target() -> None:
    (t,) = extract_targets("年度计划投资 45.2", "吉首市")
    assert t.value is not None and t.comparator == ">="
    assert extract_targets("年计划完成投资45.2", "吉首市") == []  # words and figure run together: no cell of its own
    # a range of bare figures under a header unit is two bounds, the high end in the low end's unit
    ts = extract_targets("2007年万元GDP能耗 降低目标(%) -4.0~-4.5", "河 南")
    assert [(t.kind, t.comparator, t.value, t.unit) for t in ts] == [
        ("change", ">=", 4.0, "%"), ("change", "<=", 4.5, "%")]


def test_a_pledge_reported_by_period_is_judged_by_its_worst_period() -> None:
    months = " ".join(f"{m}月 {v}%" for m, v in zip("一二三四五六", (99.9, 99.8, 99.95, 99.7, 99.9, 99.9), strict=True))
    (r,) = check_row(Row("按照編定班次行走", "2006 年 目標 99%", months), year=2006).targets
    assert r.verdict == "met" and r.actual is not None and r.actual.value == 99.7
    (r,) = check_row(Row("行車準時", "2006 年 目標 99.8%", months), year=2006).targets
    assert r.verdict == "not_met" and r.actual is not None and r.actual.value == 99.7
    # bare counts by month against a ceiling, the unit from the first column's count noun
    row = Row("車廂空調系統故障次數", "2006 年 目標 少於4", "一月 2 二月 1 三月 1 十二月 1")
    (r,) = check_row(row, year=2006).targets
    assert (r.target.comparator, r.target.unit, r.verdict) == ("<", "次", "met")
    # rows of one table giving the same series are no shared results paragraph
    rows = [Row(g, "2006 年 目標 99%", "一月 100% 二月 100% 三月 100% 四月 100% 五月 100% 六月 100%", i)
            for i, g in enumerate(("列車車身清潔", "電話回覆"))]
    report = check_disclosure(Disclosure(title="2006 年輕鐵實質服務表現", rows=rows))
    assert [r.verdict for r in report.rows] == ["met", "met"]


def test_figures_listed_after_fenbie_belong_to_the_items_listed_before() -> None:
    prog = ("2014年,全省化学需氧量、氨氮、二氧化硫和氮氧化物的排放量与2013年相比,分别削减了3.16%、4.08%、7.38%和8.47%,"
            "超额完成了国家下达的同比分别削减2%、3%、3%、6%的目标任务。")
    rows = [Row(g, v, prog, i) for i, (g, v) in enumerate(
        (("化学需氧量", "国家下达的同比分别削减2%"), ("氨氮", "3%"), ("二氧化硫", "3%"), ("氮氧化物", "6%的目标任务")))]
    report = check_disclosure(Disclosure(title="2014年环境状况公报", rows=rows, year=2014))
    assert [r.targets[0].actual.value if r.targets[0].actual else None for r in report.rows] == [3.16, 4.08, 7.38, 8.47]
    assert [r.verdict for r in report.rows] == ["met"] * 4
    # 城镇和农村…分别增长8.2%和9.3% is no list of the first column's items: 城镇 alone names no row
    prog = "城镇和农村常住居民人均可支配收入分别增长了8.2%和9.3%,新增就业岗位数量58.9万个。"
    res = check_row(Row("城镇调查失业率和登记失业率", "城镇调查失业率和登记失业率稳定在4.3%左右", prog)).targets
    assert [r.actual for r in res] == [None, None]


def test_a_change_named_before_the_target_label_is_a_change() -> None:
    (t,) = extract_targets("今年我省化学需氧量、二氧化硫、氨氮、氮氧化物排放量年度削减目标分别为1%")
    assert (t.kind, t.direction) == ("change", "down")
    (t,) = extract_targets("1%", "二氧化硫")  # a pollutant's bare percentage is its cut
    assert (t.kind, t.direction) == ("change", "down")


def test_a_percentage_of_a_concentration_set_before_is_its_cut() -> None:
    prog = "全省PM2.5平均浓度实现同比下降12%,远超既定的4%的目标任务。"
    (r,) = check_row(Row("PM2.5平均浓度", "既定的4%的目标任务", prog)).targets
    assert (r.target.kind, r.verdict) == ("change", "met") and r.actual is not None and r.actual.value == 12


def test_a_target_changed_from_last_years_starts_there() -> None:
    (t,) = extract_targets("江苏由去年的7%以上调整至6.5%以上;", "江苏 地区生产总值")
    assert t.value == 6.5


def test_a_cell_cut_inside_a_bracket_still_holds_its_target() -> None:
    (t,) = extract_targets("大力推進“6643”工程(到2017年壓減鋼鐵產能6000萬噸")
    assert (t.value, t.unit) == (60_000_000, "吨")
    (t,) = extract_targets("玻璃產能3600萬重量箱)")
    assert (t.value, t.unit) == (36_000_000, "重量箱")
    assert extract_targets("建成道路(含改造3公里)10公里") == [] or all(
        t.value != 3 for t in extract_targets("建成道路(含改造3公里)10公里"))


def test_a_task_the_progress_says_is_due_later_is_not_missed_yet() -> None:
    prog = "2015年全省平板玻璃443萬重量箱,累計已完成到2017年壓減任務的124%。"
    (r,) = check_row(Row("壓減玻璃產能", "玻璃產能3600萬重量箱", prog), year=2015).targets
    assert r.verdict != "not_met"


def test_a_measure_said_to_move_the_other_way_misses_its_cut() -> None:
    ind = "2011年全国减排目标任务是四项指标分别减排1.5%。"
    prog = "2011年,全国化学需氧量、氨氮排放总量、二氧化硫排放总量都比2010年下降;而氮氧化物排放总量比2010年上升。"
    assert [(t.value, t.unit) for t in extract_targets(ind)] == [(1.5, "%")]  # 四项指标 counts the metrics
    (r,) = check_row(Row("氮氧化物", ind, prog), year=2011).targets
    assert r.verdict == "not_met" and r.actual is None
    (r,) = check_row(Row("氨氮", ind, prog), year=2011).targets
    assert r.verdict == "unverified"  # the same way, with no figure: the size is not said


def test_the_gap_to_a_target_is_no_target() -> None:
    assert extract_targets("低于预期目标3.2%左右。", "辽宁 地区生产总值") == []
    assert extract_targets("均比预期低了约2.9%。", "黑龙江、云南 地区生产总值") == []


def test_a_single_months_figure_gives_way_to_the_years() -> None:
    prog = "消費者物價指數(CPI)與2024年持平,2025年12月CPI年增0.8%,官方稱居民消費價格總體平穩。"
    (r,) = check_row(Row("居民消费价格", "居民消費價格漲幅2%左右", prog), year=2025).targets
    assert r.actual is not None and r.actual.value == 0 and r.verdict == "met"


def test_a_plan_word_naming_the_programme_is_no_plan() -> None:
    ind = "依行政院「109年度加速公共建設計劃執行成效措施」,年底經費達成率目標爲95%,"
    prog = "在國發會與工程協力加速推動下,109年度整體公建計劃經費達成率95.48%,不僅達成前述加速公建措施目標。"
    (r,) = check_row(Row("整體公建計劃經費達成率", ind, prog)).targets
    assert r.actual is not None and r.actual.value == 95.48 and r.verdict == "met"


def test_works_named_only_and_admitted_missed_are_milestones_not_met() -> None:
    prog = ("说明会上,农村土地确权登记颁证工作没有完成;"
            "杭温高铁、垃圾焚烧发电、建筑垃圾消纳场等一批重点项目没有如期开工,"
            "职教中心二期,仙居中学二期、县域健康管理中心等民生项目没有按照计划完成建设。")
    (r,) = check_row(Row("确权", "农村土地确权登记颁证工作", prog)).targets
    assert (r.target.kind, r.verdict) == ("milestone", "not_met")
    res = check_row(Row("重点项目", "杭温高铁、垃圾焚烧发电、建筑垃圾消纳场等一批重点项目", prog)).targets
    assert [(x.target.text, x.verdict) for x in res] == [
        ("杭温高铁", "not_met"), ("垃圾焚烧发电", "not_met"), ("建筑垃圾消纳场", "not_met")]
    res = check_row(Row("民生项目", "职教中心二期,仙居中学二期、县域健康管理中心等民生项目", prog)).targets
    assert [x.verdict for x in res] == ["not_met"] * 3  # 二期 is a phase, no count
    # during the year, 滞后 is pace: no target
    prog = "未达序时进度项目3项为:京台高速东桥互通连接线(投资滞后)、福州金线莲组培产业园(开工滞后)。"
    assert check_row(Row("市重点项目", "福州金线莲组培产业园", prog), period="截至6月").targets == ()


def test_an_admission_naming_its_works_after_a_colon_covers_them() -> None:
    prog = ("據報導，5項未如期推行措施包括：完成灣區標準的首階段策略研究、公布「運輸策略藍圖」、"
            "洪水橋新發展區的規畫研究結果。")
    res = check_row(Row("運輸策略藍圖", "公布「運輸策略藍圖」、洪水橋新發展區的規畫研究結果", prog)).targets
    assert res and all(r.verdict == "not_met" for r in res)


def test_a_cell_that_is_one_bracket_is_read_as_its_contents() -> None:
    ts = extract_targets("(其中1-10月份计划新开工223项)", "1-10月份计划新开工")
    assert [(t.value, t.unit, t.text) for t in ts] == [(223, "项", "其中1-10月份计划新开工223项")]
    (t,) = extract_targets("176个年度计划新开项目", "年度计划新开项目")  # 个年度 counts no years here
    assert t.value == 176
    (t,) = extract_targets("004 >= 1亿 元", "形成新能源投资增加数")  # a space between 亿 and 元
    assert (t.value, t.unit) == (100_000_000, "元")


def test_unit_energy_use_named_by_ten_thousand_yuan_of_gdp_is_one_metric() -> None:
    prog = ("2021年,全国万元国内生产总值能耗比上年下降2.7%,重点耗能工业企业单位电石综合能耗下降5.3%,"
            "万元国内生产总值二氧化碳排放下降3.8%。")
    (r,) = check_row(Row("单位国内生产总值能耗", "单位国内生产总值能耗降低3%左右", prog), shared=True).targets
    assert r.actual is not None and r.actual.value == 2.7 and r.verdict == "not_met"


@pytest.mark.parametrize(("row", "before", "at_the_end", "verdict"), [
    (Row("义务教育巩固率", "“十二五”期末义务教育巩固率达到85%", "2013年上半年义务教育巩固率为78.6%。"),
     2013, 2015, "not_met"),
    # a ceiling due later and kept so far is not yet kept either
    (Row("能耗总量", "“十三五”全市能耗总量(增量)控制目标为133万吨", "我市2017年度能耗增量20.26万吨。"),
     2017, 2020, "met"),
])
def test_a_target_of_a_five_year_plan_is_due_at_the_plans_end(row: Row, before: int, at_the_end: int,
                                                              verdict: str) -> None:
    (r,) = check_row(row, year=before).targets
    assert r.verdict == "unverified"
    (r,) = check_row(row, year=at_the_end).targets  # the plan's last year: judged
    assert r.verdict == verdict


def test_a_document_about_a_five_year_plan_makes_its_targets_due_at_the_plans_end() -> None:
    rows = [Row("义务教育巩固率", "义务教育巩固率达到85%", "义务教育巩固率为78.6%。", 1)]
    report = check_disclosure(Disclosure(title="“十二五”规划纲要实施中期评估报告", rows=rows, year=2013))
    assert report.rows[0].verdict == "unverified"
    # a fiscal year in the title (2017-18年度) is no deadline after the report
    rows = [Row("回用水", "再造水和回用雨水的使用量達到每日1,500立方米", "年內平均每日使用1,465立方米再造水。", 1)]
    report = check_disclosure(Disclosure(title="渠務署2017-18年度可持續發展報告", rows=rows, year=2017))
    assert report.rows[0].verdict == "not_met"


def test_a_figure_in_brackets_after_a_listed_name_is_its_target() -> None:
    (t,) = extract_targets("具体来看,31省份2021年GDP增长目标为:湖北(10%以上)", "湖北")
    assert (t.kind, t.comparator, t.value) == ("change", ">=", 10)
    (t,) = extract_targets("90", "办理土地文件注册 *18个工作天")  # * marks a footnote: the time is read
    assert (t.value, t.unit) == (90, "%")


def test_of_figures_headed_by_their_periods_the_latest_is_the_result() -> None:
    row = Row("重慶", "全年預期增速(%) 10", "上半年增速(%) 11 一季度增速(%) 10.7 GDP總量(億元) 7237.9")
    (r,) = check_row(row, period="上半年", year=2015).targets
    assert r.actual is not None and r.actual.value == 11
    row = Row("西藏", "全年預期增速(%) 12", "上半年增速(%) 9.1 一季度增速(%) 10 GDP總量(億元) 418.98")
    (r,) = check_row(row, period="上半年", year=2015).targets
    assert r.actual is not None and r.actual.value == 9.1


def test_the_base_of_a_share_and_a_baseline_are_no_results() -> None:
    prog = ("一季度,全省林业完成产值164亿元,为任务目标150亿元的109.34%,较2014年一季度林业产值118亿元增长了38.99%。")
    (r,) = check_row(Row("林业产值", "任务目标150亿元", prog), period="一季度", year=2015).targets
    assert r.actual is not None and r.actual.value == 16_400_000_000
    prog = "截至3月12日,全省累计完成营造林72.64万亩,为《方案》一季度营造林任务70万亩的103.78%。"
    (r,) = check_row(Row("营造林", "《方案》一季度营造林任务70万亩", prog), period="一季度", year=2015).targets
    assert r.actual is not None and r.actual.value == 726_400 and r.verdict == "met"


def test_parts_in_a_bracket_opened_by_qizhong_are_targets_too() -> None:
    ts = extract_targets("我县2020年计划兴建集中供水工程5处(其中改扩建2处、管网延伸3处)")
    assert [(t.value, t.unit) for t in ts] == [(5, "处"), (2, "处"), (3, "处")]
    # …not money broken down by where it comes from
    ts = extract_targets("2023年共下達補助資金246.2萬元(其中:下達中央補助資金226.7萬元,下達省級補助資金19.5萬元)。")
    assert [t.value for t in ts] == [2_462_000]


def test_during_the_year_a_forecast_gives_way_to_the_figure_so_far() -> None:
    prog = "目前项目征地工作已完成,正在做地质勘查工作,完成投资约30万元,预计年内完成投资1500万元。"
    (r,) = check_row(Row("医院建设项目", "年内工作目标完成投资1500万元", prog), period="上半年", year=2016).targets
    assert r.actual is not None and r.actual.value == 300_000 and r.verdict == "unverified"


def test_a_time_limit_in_the_clause_after_a_share_is_its_condition() -> None:
    assert [(t.value, t.unit) for t in extract_targets("九成半的危急類別病人,會在15分鐘內得到診治")] == [(95, "%")]
    assert [(t.value, t.unit) for t in extract_targets("九成的緊急類別病人,亦可在30分鐘內獲得醫療處理")] == [(90, "%")]


def test_a_result_told_as_its_gap_to_the_target() -> None:
    prog = "约20%的省份未达标。西藏2021年GDP完成与目标值差距最大,低2个百分点。"
    (r,) = check_row(Row("西藏", "西藏(9%以上)", prog), year=2021).targets
    assert r.actual is not None and r.actual.value == 7 and r.verdict == "not_met"
    prog = "29个省份中近80%完成了2021年经济增长目标。其次是江苏和北京,分别高出2.6和2.5个百分点。"
    (r,) = check_row(Row("北京", "北京(6%以上)", prog), year=2021).targets
    assert r.actual is not None and r.actual.value == 8.5 and r.verdict == "met"
    # a gap beside other figures and no target named near it says nothing checkable (a cell of gaps alone is
    # read as gaps to the target: test_a_cell_of_gaps_in_points_alone_gives_the_results_against_the_target)
    prog = "云南增长7.3%,其次是云南和河南,分别低0.7和0.5个百分点。"
    (r,) = check_row(Row("云南", "云南(8%以上)", prog), year=2021).targets
    assert r.verdict == "unverified"


def test_a_sheets_scoring_rule_and_a_sessions_number_are_no_targets() -> None:
    for ind in ("8分", "每超过一个百分点扣0.5分", "每低于5%扣2分"):
        assert extract_targets(ind, "在职人员控制率") == [], ind
    assert [t.value for t in extract_targets("群众满意度≥90分")] == [90]  # points to reach are a target
    assert extract_targets("通过县十八届人大四次会议票决") == []
    assert [t.value for t in extract_targets("每年至少與社區組織會面6次")] == [6]


def test_a_count_broken_into_parts_is_no_scope() -> None:
    ts = extract_targets("全市新(扩)建幼儿园80所(其中公办30所以上)")
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(80, "所", ">="), (30, "所", ">=")]


def test_a_bracket_after_a_target_label_holds_the_targets() -> None:
    ts = extract_targets("年度目标(维修改造锅炉146台、供热管网改造40公里)")
    assert [(t.value, t.unit) for t in ts] == [(146, "台"), (40, "公里")]


def test_a_quoted_target_said_completed_is_met() -> None:
    prog = ("据了解,2017年陕西顺利完成年初省政府工作报告提出的“力争关中地区PM2.5浓度降低3%以上,"
            "优良天数平均增加5天”的任务。关中8市区优良天数平均198.3天,同比增加7.5天;PM10、PM2.5平均浓度同比下降。")
    (r,) = check_row(Row("关中地区PM2.5浓度", "力争关中地区PM2.5浓度降低3%以上", prog), year=2017).targets
    assert r.verdict == "met"


def test_a_bare_percentage_against_a_target_in_another_unit_is_the_share_done() -> None:
    (r,) = check_row(Row("残疾人补贴", "发放标准不低于每人每月60元/月", "100%"), period="截至8月", year=2019).targets
    assert r.verdict == "met" and r.actual is None
    (r,) = check_row(Row("残疾人补贴", "发放标准不低于每人每月60元/月", "80%"), year=2019).targets
    assert r.verdict == "not_met"
    # a time limit's bare percentage is the share of cases within it, as before
    (r,) = check_row(Row("訂租", "14個工作天內給予書面回覆", "100%")).targets
    assert r.verdict == "met"


def _in_a_plan_review(goal: str, indicator: str, progress: str) -> str:
    """The verdict of one row of a 2013 mid-term review of the 十二五 plan."""
    rows = [Row(goal, indicator, progress, 1)]
    return check_disclosure(Disclosure(title="“十二五”规划纲要实施中期评估", rows=rows, year=2013)).rows[0].verdict


def test_a_plan_target_missed_only_in_pace_is_not_yet_due() -> None:
    prog = "但《报告》显示,九年义务教育巩固率未达到进度要求。2012年九年义务教育巩固率达78.6%。"
    assert _in_a_plan_review("义务教育巩固率", "义务教育巩固率达85%", prog) == "unverified"
    # an admission that is not of pace alone still stands
    prog = "义务教育巩固率未达到目标,为78.6%。"
    assert _in_a_plan_review("义务教育巩固率", "义务教育巩固率达85%", prog) == "not_met"


def test_a_projection_to_the_plans_deadline_below_target_is_a_shortfall() -> None:
    prog = "建议将后两年预期目标调整为9%左右,到2015年全省地区生产总值可达到2.9万亿元(2010年价格)。"
    assert _in_a_plan_review("地区生产总值", "到2015年,四川省GDP要达到3万亿元", prog) == "not_met"
    prog = "由此测算“十二五”时期地区生产总值年均增速将达到11%左右。"
    assert _in_a_plan_review("地区生产总值年均增长", "“十二五”期间,GDP年均增长12%左右", prog) == "not_met"
    # a figure of the years so far is progress
    prog = "2013年全省地区生产总值达到2.6万亿元。"
    assert _in_a_plan_review("地区生产总值", "到2015年,四川省GDP要达到3万亿元", prog) == "unverified"


def test_a_month_of_the_titles_year_is_the_reports_cut_off() -> None:
    from jixiao.core.meta import period_of
    assert period_of("审计署2015年10月政策措施落实跟踪审计:乡村公路建设推进情况") == "截至10月"
    assert period_of("2024年4月省政府民生实事项目进展情况汇总表") == "截至4月"
    assert period_of("2020年12月全市重点工作进展") == "全年"
    assert period_of("政府工作报告——2025 年 1 月 15 日在上海市人民代表大会上") is None  # a day: a date
    assert period_of("2019年1月至2021年12月老旧小区改造") is None  # a span's start
    assert period_of("2022年度部门整体支出绩效自评报告(2023年3月)") == "全年"  # a later month: publication


def test_a_control_target_is_a_ceiling_in_tonnes_of_standard_coal() -> None:
    (t,) = extract_targets("能耗增量控制在6.5万吨标准煤内")
    assert (t.comparator, t.value, t.unit) == ("<=", 65000, "吨标准煤")
    (t,) = extract_targets("“十三五”全市能耗总量(增量)控制目标为133万吨")
    assert (t.comparator, t.value, t.unit) == ("<=", 1330000, "吨")
    # a claim in tonnes pairs with a target in tonnes of standard coal
    (r,) = check_row(Row("能耗增量", "能耗增量控制在6.5万吨标准煤内", "全年能耗增量5.2万吨。"), year=2017).targets
    assert r.verdict == "met" and r.actual is not None and r.actual.value == 52000


def test_a_target_label_before_wei_leaves_the_metric_to_the_goal() -> None:
    (t,) = extract_targets("規劃期末目標為6.1%", "劣Ⅴ类水体比例")  # a share of bad water: kept low
    assert (t.comparator, t.value) == ("<=", 6.1)
    (t,) = extract_targets("規劃期末目標為85%", "地表水Ⅰ-Ⅲ类水体比例")
    assert (t.comparator, t.value) == (">=", 85)


def test_not_up_to_standard_before_cities_is_a_name_not_an_admission() -> None:
    from jixiao.core.claims import extract_claims
    prog = "細顆粒物(PM2.5)未達標地級及以上城市濃度下降21.2%。"
    assert not [c for c in extract_claims(prog) if c.kind == "admission"]
    assert [c for c in extract_claims("PM2.5浓度下降目标未达标。") if c.kind == "admission"]


def test_a_count_with_yishang_before_a_name_is_the_class_counted() -> None:
    (t,) = extract_targets("实现200人以上较大自然村公交通达率97%以上")
    assert (t.value, t.unit) == (97, "%")
    (t,) = extract_targets("为80周岁以上老人发放高龄津贴3000人")
    assert (t.value, t.unit) == (3000, "人")
    # a name that ends in a comparator is a second target's metric: both stand
    assert [t.value for t in extract_targets("培训50人以上覆盖率达到90%")] == [50, 90]


def test_a_cell_of_gaps_in_points_alone_gives_the_results_against_the_target() -> None:
    (r,) = check_row(Row("云南", "云南(8%以上)", "其次是云南和河南,分别低0.7和0.5个百分点。"), year=2021).targets
    assert r.verdict == "not_met" and r.actual is not None and r.actual.value == 7.3
    # a gap against last year is a change, not a gap to the target
    (r,) = check_row(Row("云南", "云南(8%以上)", "云南和河南比上年分别低0.7和0.5个百分点。"), year=2021).targets
    assert r.verdict == "unverified"


def test_a_done_statement_about_some_of_a_set_says_nothing_of_the_row() -> None:
    prog = "截至2019年底,“十三五”規劃綱要確定的生態環境領域9項約束性指標,有8項已提前完成。"
    (r,) = check_row(Row("森林覆盖率", "森林覆盖率达到23.04%", prog), year=2019).targets
    assert r.verdict == "unverified"
    # the sentence naming the row's goal still speaks for it
    prog = "9項約束性指標中有8項已提前完成,森林覆盖率已提前完成。"
    (r,) = check_row(Row("森林覆盖率", "森林覆盖率达到23.04%", prog), year=2019).targets
    assert r.verdict == "met"


def test_a_latin_name_with_digits_does_not_keep_a_state_from_being_a_milestone() -> None:
    (t,) = extract_targets("实现5G网络乡镇全覆盖")
    assert t.kind == "milestone"
    (r,) = check_row(Row("5G网络", "实现5G网络乡镇全覆盖", "已实现全县乡镇5G网络全覆盖。"), year=2021).targets
    assert r.verdict == "met"
    assert extract_targets("实现乡镇网络覆盖率95%")[0].kind == "level"  # a figure outside a name still counts


def test_works_to_build_reported_at_their_main_structure_at_year_end_are_not_delivered() -> None:
    prog = "体育公园已完成主体工程,预计12月底完工。"
    (r,) = check_row(Row("体育公园", "建成体育公园1个", prog), period="全年", year=2021).targets
    assert r.verdict == "not_met"  # 完成主体工程 is the main structure; 预计…完工 is a forecast
    (r,) = check_row(Row("体育公园", "建成体育公园1个", prog), period="上半年", year=2021).targets
    assert r.verdict == "unverified"


def test_a_share_in_a_shared_results_paragraph_counts_only_for_the_work_it_follows() -> None:
    shared = ("截至12月31日,全县新增城镇就业2860人,完成年度目标的95.3%;农村劳动力转移就业5200人,完成年度目标的"
              "104%;发放创业担保贷款1.2亿元。")
    rows = [Row("城镇新增就业", "新增城镇就业3000人", shared, 1),
            Row("技能培训", "开展职业技能培训1500人次", shared, 2)]
    rep = check_disclosure(Disclosure(title="某县人社局2021年民生实事完成情况", rows=rows, year=2021, period="全年"))
    assert [r.verdict for r in rep.rows] == ["not_met", "unverified"]  # 95.3% is the jobs target's, not training's


def test_a_rates_figure_without_its_percent_sign_is_a_percentage() -> None:
    (t,) = extract_targets("安全事故发生率0")
    assert (t.comparator, t.value, t.unit) == ("<=", 0, "%")
    (r,) = check_row(Row("事故", "安全事故发生率为0", "未发生安全事故。"), year=2021).targets
    assert r.verdict == "met"
    assert extract_targets("第3期") == []  # no rate before it: no figure


def test_a_major_accident_target_is_not_judged_by_minor_ones() -> None:
    prog = "全年发生一般安全事故1起,无重大安全事故。"
    (r,) = check_row(Row("事故", "重大安全事故0起", prog), year=2021).targets
    assert r.verdict == "met" and r.actual is not None and r.actual.value == 0


def test_machines_counted_in_bu_and_tai_are_the_same_count() -> None:
    (r,) = check_row(Row("电梯", "加装电梯50部", "已完成加装电梯52台。"), year=2021).targets
    assert r.verdict == "met" and r.actual is not None and r.actual.value == 52


def test_chang_and_changci_are_one_measure() -> None:
    (r,) = check_row(Row("文化下乡", "开展文化下乡活动不少于50场次", "开展文化下乡活动56场。"), year=2021).targets
    assert r.verdict == "met" and r.actual is not None and r.actual.value == 56


def test_gaobiaozhun_farmland_is_no_standard_of_payment() -> None:
    (r,) = check_row(Row("高标准农田建设", "全年任务为25万亩", "实际完成25.25万亩,超额完成1%"), year=2020).targets
    assert r.target.comparator == ">=" and r.verdict == "met"


def test_all_built_says_the_work_was_done_during_the_year() -> None:
    (r,) = check_row(Row("生活污水处理设施建设", "全年任务为770个村", "已全部建设完成"), period="截至10月",
                     year=2020).targets
    assert r.verdict == "met"


def test_a_list_of_results_beside_the_shares_over_them_pairs_in_order() -> None:
    row = Row("家庭农场", "全年计划新创建示范家庭农场80个,新增农户家庭农场271个,新纳入名录系统家庭农场6581个",
              "实际分别完成95个、310个、7397个,分别超额完成19%、14%和12%。")
    results = check_row(row, period="截至10月", year=2020).targets
    assert [r.actual.value if r.actual else None for r in results] == [95, 310, 7397]
    assert all(r.verdict == "met" for r in results)


def test_an_average_growth_is_not_judged_by_one_years_growth() -> None:
    row = Row("收入", "城镇常住居民人均可支配收入年均增长9%", "城镇常住居民人均可支配收入52523元,增长9.4%。")
    (r,) = check_row(row, year=2021).targets
    assert r.verdict == "unverified" and r.actual is None
    averaged = Row("收入", "城镇常住居民人均可支配收入年均增长9%", "五年间城镇常住居民人均可支配收入年均增长9.4%。")
    (r,) = check_row(averaged, year=2021).targets
    assert r.verdict == "met"


def test_the_whole_plan_beside_the_years_plan_describes_the_portfolio() -> None:
    row = Row("新建项目", "新建项目共185个,计划总投资624.4亿元,年内计划投资246.5亿元。",
              "至9月底,开工建设160个,累计完成投资153.7亿元,完成年度计划的62.4%。")
    assert [r.target.value for r in check_row(row, period="截至9月", year=2017).targets] == [24650000000.0]
    whole = check_row(Row("实事", "2015年重点民生实事计划总投资277亿元", "完成投资301亿元"), year=2015).targets
    assert [(r.target.value, r.verdict) for r in whole] == [(27700000000.0, "met")]  # no year's plan: the target


def test_a_footnote_mark_after_the_headers_unit_leaves_the_unit() -> None:
    (r,) = check_row(Row("县级环境监察机构标准化建设硬件达标率(%)3", "≥70", "37 统计口径改变"), year=2015).targets
    assert r.target.unit == "%" and r.verdict == "not_met"


def test_a_rate_set_for_the_whole_year_is_judged_by_the_years_figure_not_the_year_end() -> None:
    row = Row("城镇调查失业率", "城镇调查失业率全年控制在5.5%以内",
              "全年全国城镇调查失业率平均值为5.6%。年末全国城镇调查失业率为5.5%。")
    (r,) = check_row(row, year=2022).targets
    assert r.verdict == "not_met" and r.actual is not None and r.actual.value == 5.6


def test_a_part_named_by_the_indicator_is_its_result_though_a_total_follows() -> None:
    progress = "迄今招獲軍官3820人、士官651人、士兵1萬407人，合計1萬4878人，招獲率102.2%。"
    part = check_row(Row("招募目標 軍官", "今年招募目標軍官3314人", progress), year=2025).targets
    assert [(r.actual.value if r.actual else None, r.verdict) for r in part] == [(3820, "met")]
    # the row of the total pairs with the total, also when the progress is shared by the rows
    total = check_row(Row("招募目標 合計", "合計1萬4563人", progress), year=2025, shared=True).targets
    assert [(r.actual.value if r.actual else None, r.verdict) for r in total] == [(14878, "met")]
    short = check_row(Row("招募目標 士兵", "士兵1萬612人", progress), year=2025).targets
    assert [(r.actual.value if r.actual else None, r.verdict) for r in short] == [(10407, "not_met")]


def test_a_control_indicator_is_a_ceiling_also_in_brackets_before_the_share_done() -> None:
    (r,) = check_row(Row("死亡人数", "年度安全生产死亡人数控制指标45人", "全年实际死亡41人"), year=2013).targets
    assert r.target.comparator == "<=" and r.verdict == "met"
    row = Row("安全生产事故死亡人数", "占省政府下达年度控制指标(98人)的92.86%;",
              "全年各类安全生产事故死亡91人,同比下降13.3%,")
    (r,) = check_row(row, year=2012).targets  # the share done is no target of its own
    assert (r.target.value, r.target.comparator, r.verdict) == (98, "<=", "met")
    plan = Row("重大项目", "占年度任务目标132亿元的65.89%,", "上半年完成投资86.97亿元,")
    assert [t.target.value for t in check_row(plan, period="上半年", year=2024).targets] == [13200000000.0]


def test_zero_targets_count_in_their_nouns_measure_word_and_one_sentence_in_both_cells_reports() -> None:
    text = "杜绝了重大及以上安全生产事故的发生,实现了重大及以上安全生产零事故目标;"
    (r,) = check_row(Row("重大及以上安全生产事故", text, text), year=2012).targets
    assert (r.target.unit, r.verdict) == ("起", "met")
    (r,) = check_row(Row("特别重大事故起数", "特别重大事故起数实行零控制", "发生特别重大事故2起"), year=2012).targets
    assert (r.target.value, r.target.unit, r.verdict) == (0, "起", "not_met")


def test_a_plan_named_as_the_years_place_in_it_sets_no_later_deadline() -> None:
    row = Row("地区生产总值", "今年,是“十四五”開局之年,霸州市明確主要預期目標:地區生產總值增長8%左右",
              "地方生产总值完成435.6亿元,同比增长4.1%")
    (r,) = check_row(row, year=2021).targets
    assert r.verdict == "not_met"
    later = Row("地区生产总值", "“十四五”期间地区生产总值年均增长8%左右", "地方生产总值同比增长4.1%")
    assert [r.verdict for r in check_row(later, year=2021).targets] == ["unverified"]


def test_a_count_of_works_not_started_is_no_result() -> None:
    row = Row("项目开复工", "各建设部门承诺3月份开复工36项", "已开复工的项目26项,开复工率为72.2%,未开复工10项。")
    (r,) = check_row(row, period="截至3月", year=2019).targets
    assert r.actual is not None and r.actual.value == 26


def test_a_count_started_beside_a_count_done_is_no_result_of_the_task_to_deliver() -> None:
    row = Row("農村地區清潔取暖改造", "全市至少要完成農村地區清潔取暖改造25.7萬戶",
              "截止10月26日,全市開工262253戶,開工率102%,完工251539戶,完工率98%。")
    (r,) = check_row(row, period="截至10月", year=2020).targets
    assert r.actual is not None and r.actual.value == 251539 and r.verdict == "unverified"


def test_a_templates_blank_in_brackets_takes_the_unit_after_them_and_a_lists_size_sets_nothing() -> None:
    row = Row("1、预算执行情况:", "市级财政年初预算金额(5292.00)万元,",
              "实际支出金额(5292.00)万元,年初预算执行率为(100.00)%。")
    (r,) = check_row(row, year=2016).targets
    assert (r.target.value, r.target.unit, r.verdict) == (52920000, "元", "met")
    works = Row("2.产出方面:", "计划对虎门镇、麻涌镇、桥头镇等9个镇街的203.087公里的截污次支管网实施建设。",
                "实际完成9个镇街新建截污次支管网157.65公里。")
    assert [(r.target.value, r.verdict) for r in check_row(works, year=2016).targets] == [(203.087, "not_met")]


def test_one_sentence_in_both_cells_reports_by_its_other_figure_and_a_bracketed_task_is_no_result() -> None:
    text = "全县农村无害化卫生户厕改建任务15371座已完成8855座。"
    (r,) = check_row(Row("户厕改建", text, text), period="截至6月", year=2020).targets  # 已完成8855座 no target
    assert (r.target.value, r.actual.value if r.actual else None, r.verdict) == (15371, 8855, "unverified")
    assert [r.verdict for r in check_row(Row("达标率", "100%", "100%"), year=2020).targets] == ["met"]
    row = Row("年度任务", "其中,2016年完成2万户;", "全市完成农村旱厕改造32697户,完成省定任务(14266户)的229%。")
    (r,) = check_row(row, year=2016).targets
    assert r.actual is not None and r.actual.value == 32697 and r.verdict == "met"


def test_a_target_given_in_brackets_beside_the_result_is_the_target() -> None:
    text = "丧失使用功能(劣于V类)水体比例为8.8%(2017年目标为8.4%),同比下降1.7个百分点。"
    (r,) = check_row(Row("丧失使用功能(劣于V类)水体比例", text, text), period="上半年", year=2017).targets
    assert (r.target.value, r.target.comparator, r.actual.value if r.actual else None) == (8.4, "<=", 8.8)
    assert r.verdict == "unverified"  # a ceiling exceeded at mid-year is not final


def test_a_target_of_a_year_already_over_is_judged_in_an_in_year_report() -> None:
    row = Row("2021年“十個十”工程", "2021年開展100個子項目", "共完成91個")
    assert [r.verdict for r in check_row(row, period="截至9月", year=2023).targets] == ["not_met"]
    base = Row("优良天数", "优良天数较2013年增加30天以上", "优良天数较2013年增加6天")
    assert [r.verdict for r in check_row(base, period="上半年", year=2016).targets] == ["unverified"]


def test_waiting_times_are_kept_low_and_years_of_time_spent_are_durations() -> None:
    row = Row("死因裁判法庭案件平均輪候時間", "平均輪候時間目標為42天", "2018年平均輪候時間為61天")
    (r,) = check_row(row, year=2019).targets
    assert (r.target.comparator, r.verdict) == ("<=", "not_met")
    (r,) = check_row(Row("公屋平均輪候時間", "公屋平均輪候時間3年的目標", "平均輪候時間為3.1年"), year=2014).targets
    assert (r.target.value, r.target.unit, r.verdict) == (3, "年", "not_met")


def test_counts_of_works_at_tender_and_wholes_not_done_are_no_results() -> None:
    row = Row("安保", "完成30所智慧校园安保一体化管理系统建设。",
              "30所智慧校园安保一体化管理系统建设招投标文件已发布。")
    (r,) = check_row(row, period="截至7月", year=2021).targets
    assert r.verdict == "unverified"
    part = Row("适老化改造", "对350户生活困难老年人家庭进行适老化改造。",
               "确定500户改造对象,完成改造招标工作,施工中,其中252户已完成改造。")
    (r,) = check_row(part, period="截至7月", year=2021).targets
    assert r.actual is not None and r.actual.value == 252 and r.verdict == "unverified"


def test_a_revised_target_and_its_revision_share_the_result() -> None:
    row = Row("113年旅客來台目標", "113年翻倍以1200萬人次為目標，結果不如預期下修至1000萬人次", "最終只有785.7萬人次。")
    results = check_row(row, year=2024).targets
    assert [(r.target.value, r.verdict) for r in results] == [(12000000, "not_met"), (10000000, "not_met")]


def test_a_count_of_works_only_listed_or_under_way_is_no_delivery() -> None:
    row = Row("托育", "建设30家普惠性托育机构。", "开展初步摸排,形成30家市普惠托育机构和拟申报10家省普惠托育机构名单。")
    (r,) = check_row(row, period="截至4月", year=2021).targets
    assert r.verdict == "unverified" and r.actual is None


def test_a_count_pairs_with_the_target_of_its_own_stage() -> None:
    row = Row("停车位", "今年新開工建設出行停車位5萬個,年內完成2萬個。", "目前,已開工建設3.5萬個,建成1.4萬個。")
    results = check_row(row, period="截至9月", year=2016).targets
    assert [r.actual.value if r.actual else None for r in results] == [35000, 14000]


def test_items_named_in_a_list_said_all_to_reach_their_targets_are_met() -> None:
    row = Row("發電占比", "2025年發電配比「燃氣50%、燃煤30%、綠能20%」", "燃氣、燃煤占比均達標，但綠電僅13.1%")
    assert [r.verdict for r in check_row(row, year=2025).targets] == ["met", "met", "not_met"]


def test_days_counted_past_a_month_and_the_latest_of_a_series_of_years() -> None:
    row = Row("上訴案件平均輪候時間", "仍未能維持在90日目標範圍之內。",
              "平均輪候時間從2023年高峰時的208日顯著縮短至2024年的131日，至今年6月底進一步減短至116日，")
    (r,) = check_row(row, period="截至6月", year=2025).targets
    assert (r.target.value, r.target.unit) == (90, "日")
    assert r.actual is not None and r.actual.value == 116 and r.verdict == "unverified"  # an average so far
    days = Row("刑事案件平均輪候時間", "在被告首次提訊後100天內進行審訊。", "區域法院刑事案件平均輪候時間為311日")
    (r,) = check_row(days, year=2025).targets  # 天 and 日 are one unit
    assert r.actual is not None and r.actual.value == 311 and r.verdict == "not_met"


def test_the_plan_a_share_done_is_of_is_no_result() -> None:
    row = Row("一般公共预算财政总收入", "年初预算391,267万元",
              "全县实现一般公共预算财政总收入380,869万元,完成年初预算391,267万元的97.34%,比上年增加了37,581万元。")
    (r,) = check_row(row, year=2019).targets
    assert r.actual is not None and r.actual.value == 3808690000 and r.verdict == "not_met"
    jobs = Row("城鎮新增就業", "4600人年計劃", "截止6月底,我縣城鎮新增就業2842人,完成4600人年計劃的61.78%")
    (r,) = check_row(jobs, period="截至6月", year=2018).targets
    assert r.actual is not None and r.actual.value == 2842


def test_a_loss_is_kept_low_and_is_a_negative_profit() -> None:
    (r,) = check_row(Row("台電", "較原先預計虧損539億元,", "台電今年前3季虧損576億元,"), year=2012).targets
    assert (r.target.comparator, r.verdict) == ("<=", "not_met")
    (r,) = check_row(Row("台灣中油", "中油原本預估會賺98億元;", "中油今年前3季虧損464億元,"), year=2012).targets
    assert r.actual is not None and r.actual.value == -46400000000 and r.verdict == "not_met"


def test_a_cell_in_tortoise_shell_brackets_is_read_and_a_control_indicator_after_the_figure_is_a_ceiling() -> None:
    (r,) = check_row(Row("细颗粒物未达标地级及以上城市浓度下降(%)", "〔18〕", "22.4"), year=2018).targets
    assert (r.target.kind, r.target.value, r.target.unit) == ("change", 18, "%")
    (r,) = check_row(Row("城鎮登記失業率", "4%的控制指標", "城鎮登記失業率3.2%"), year=2018).targets
    assert r.target.comparator == "<=" and r.verdict == "met"


def test_a_forecast_for_the_end_of_the_term_is_judged_during_the_year() -> None:
    row = Row("全国铁路营业里程", "规划中提到,到2020年全国铁路营业里程达到15万公里,",
              "数据显示,预计“十三五”末铁路运营的总里程14.6万公里,")
    assert [r.verdict for r in check_row(row, period="截至9月", year=2020).targets] == ["not_met"]
    so_far = Row("全国铁路营业里程", "到2020年全国铁路营业里程达到15万公里", "目前铁路运营的总里程14.6万公里")
    assert [r.verdict for r in check_row(so_far, period="截至9月", year=2020).targets] == ["unverified"]


def test_a_mid_term_review_of_a_plan_finds_no_shortfall_before_its_end() -> None:
    rows = [Row("地级及以上城市空气质量优良天数比率(%)", ">80", "2018年,优良天数比率为79.3%,均达到或超过预期进度。")]
    d = Disclosure(title="《“十三五”生态环境保护规划》中期评估:主要指标进展", rows=rows, organization=None, year=None,
                   period="全年", published=None, source_name="t", original_text="")
    (row,) = check_disclosure(d).rows
    assert row.targets[0].verdict == "unverified"


def test_a_stock_kept_at_a_figure_is_a_floor() -> None:
    (r,) = check_row(Row("耕地保有量", "耕地保有量控制在18.18億畝", "耕地保有量18.25億畝"), year=2011).targets
    assert (r.target.comparator, r.verdict) == (">=", "met")


def test_units_said_below_the_target_value_are_a_shortfall_of_a_group_target() -> None:
    row = Row("區域醫院占床率", "包括基隆醫院等9家區域醫院目標值為70%,",
              "檢視108年度13家區域醫院占床率,未達目標值者僅臺中醫院1家,較107年度之2家改善;")
    assert check_row(row, year=2019).verdict == "not_met"


def test_the_size_of_a_class_before_its_target_is_no_target() -> None:
    row = Row("區域醫院占床率", "包括基隆醫院等9家區域醫院目標值為70%,", "區域醫院平均占床率72%")
    assert [r.target.value for r in check_row(row, year=2019).targets] == [70]
    works = Row("改造", "对甲村、乙村等10个村实施改造", "已完成10个村改造")
    assert [r.target.value for r in check_row(works, year=2019).targets] == [10]  # the count to deliver stays


def test_an_approximation_mark_after_a_list_is_about_every_figure_in_it() -> None:
    row = Row("城鄉居民收入", "城鄉居民收入分別增長8.5%和9%左右", "城乡居民人均可支配收入分别增长8.1%和9.2%")
    assert [r.verdict for r in check_row(row, year=2018).targets] == ["met", "met"]


def test_works_all_accepted_are_done() -> None:
    row = Row("家园清洁", "8个县(市)区176个村“家园清洁”行动", "已全部通过市级验收,正在申请省级验收。")
    assert check_row(row, year=2013).verdict == "met"


def test_a_months_node_of_the_same_work_shares_the_result() -> None:
    row = Row("应急救护培训", "培训应急救护人员235人。 4月:明确点位培训人员对象,完成应急救护人员培训65人。",
              "已确定点位,培训188人。")
    results = check_row(row, period="截至4月", year=2021).targets
    assert [(r.actual.value if r.actual else None, r.verdict) for r in results] == [(188, "unverified"), (188, "met")]


def test_once_after_the_count_to_serve_is_no_target() -> None:
    row = Row("体检", "为4.5万名脱贫攻坚一线干部免费体检一次", "已完成体检4.6万人")
    assert [r.target.value for r in check_row(row, year=2020).targets] == [45000]


def test_a_count_of_places_before_the_count_in_them_is_no_target() -> None:
    row = Row("家园清洁", "8个县(市)区176个村“家园清洁”行动", "176个村已全部通过市级验收")
    assert [r.target.value for r in check_row(row, year=2013).targets] == [176]


def test_a_span_of_years_or_a_year_long_past_is_no_earlier_years_target() -> None:
    span = Row("三年改廁任務", "從2018年到2020年,全市共計劃完成16.93萬戶農戶無害化廁所改建任務",
               "已改建完成農村戶廁67435座")
    assert [r.verdict for r in check_row(span, period="截至9月", year=2021).targets] == ["unverified"]
    past = Row("農村戶廁", "其中2019年計劃改建農村戶廁71000座", "截止9月底,全市已改建完成農村戶廁67435座")
    assert [r.verdict for r in check_row(past, period="截至9月", year=2026).targets] == ["unverified"]


def test_a_result_below_the_target_named_as_a_standard_falls_short() -> None:
    row = Row("群众满意率", "市上要求的最低标准85%", "有3个单位群众满意率低于市上要求的最低标准85%。")
    result = check_row(row, period="二月", year=2017).targets[0]
    assert result.verdict == "not_met" and "低于85%" in result.reason
    # 不低于 the standard is no shortfall; a result told beside the comparison is the claim (88%…低於…92.5%)
    kept = Row("群众满意率", "最低标准85%", "满意率不低于市上要求的最低标准85%。")
    assert check_row(kept, year=2017).verdict != "not_met"
    beside = Row("緊急救護召喚", "服務承諾的92.5%", "88%的緊急救護召喚可以在12分鐘內到場,低於服務承諾的92.5%。")
    assert check_row(beside, year=2022).targets[0].actual.value == 88
