"""Targets from indicator text: value, unit, comparator, kind; numbers that are not targets are left out."""

from __future__ import annotations

import pytest

from jixiao.core.targets import extract_targets


def only(indicator: str, goal: str = ""):  # type: ignore[no-untyped-def]
    ts = extract_targets(indicator, goal)
    assert len(ts) == 1, [t.text for t in ts]
    return ts[0]


@pytest.mark.parametrize(
    ("indicator", "value", "unit", "comparator", "kind"),
    [
        ("全市企业建制率95%以上", 95, "%", ">=", "level"),
        ("全年送培训300场", 300, "场", ">=", "level"),
        ("年度完成投资额5.2亿元", 520_000_000, "元", ">=", "level"),
        ("发生率控制在2%以内", 2, "%", "<=", "level"),
        ("参保人数不少于3万人", 30_000, "人", ">=", "level"),
        ("人均补助提高到每人每年不低于1200元", 1200, "元", ">=", "level"),
        ("参保职工增加5万人", 50_000, "人", ">=", "change"),
        ("单位能耗下降3个百分点", 3, "百分点", ">=", "change"),
        ("新增停车位2000个", 2000, "个", ">=", "level"),
        ("门诊费用0元起付", 0, "元", "<=", "level"),
        ("受理量突破1万件", 10_000, "件", ">", "level"),
        ("失业率低于4%", 4, "%", "<", "level"),
        ("完成一百二十户危房改造", 120, "户", ">=", "level"),
        ("城市低保标准不低于650元/月", 650, "元", ">=", "level"),
        ("补助标准为260元/辆", 260, "元/辆", "==", "level"),
        # a change verb, its object, then the comparator and the count
        ("目標是4年內增加公立及非營利幼兒園至少180班以上", 180, "班", ">=", "change"),
        ("新增公立幼儿园至少180班", 180, "班", ">=", "level"),
        ("提高到每人每月不低于80元", 80, "元", ">=", "level"),
        ("太陽光電需有20GW", 20, "GW", ">=", "level"),
        # a change word, a qualifier of the target (基本, 约束性, 预期…), then 目标为: a change, at least
        ("单位地区生产总值能耗降低基本目标为14%", 14, "%", ">=", "change"),
        ("单位地区生产总值二氧化碳排放降低约束性目标为19.5%", 19.5, "%", ">=", "change"),
    ],
)
def test_numeric_targets(indicator: str, value: float, unit: str, comparator: str, kind: str) -> None:
    t = only(indicator)
    assert t.value == pytest.approx(value)
    assert t.unit == unit
    assert t.comparator == comparator
    assert t.kind == kind
    assert indicator[t.span[0] : t.span[1]] == t.text


@pytest.mark.parametrize("indicator", ["进场施工。", "开展招标。", "新廢物轉運站投入服務。"])
def test_node_stages_are_milestones(indicator: str) -> None:
    assert only(indicator).kind == "milestone"


def test_several_targets_in_one_indicator() -> None:
    ts = extract_targets("开展宣传活动,全年送电影200场,送图书1万册,组织志愿服务12期。")
    assert [(t.value, t.unit) for t in ts] == [(200, "场"), (10000, "册"), (12, "期")]


def test_a_target_column_beside_its_base_is_the_target() -> None:
    ts = extract_targets("城市低保数(人) 3973 目标人群数(按33%比例) 1326")
    assert [t.value for t in ts] == [1326]
    assert [t.value for t in extract_targets("城市低保数(人) 3973 低保人数(人) 1326")] == [3973, 1326]


@pytest.mark.parametrize(
    "indicator",
    [
        "深化体制改革,完善考核机制。",
        "2016年9月底前出台实施方案。",
        "承办第十一届运动会,服务G20峰会。",
        "落实“十三五”规划和《2016年工作要点》。",
        "一是抓培训;二是抓落实。",
        "推进“3+1”工作模式。",
    ],
)
def test_no_numeric_target(indicator: str) -> None:
    assert [t for t in extract_targets(indicator) if t.kind != "milestone"] == []


def test_scope_count_is_not_a_target() -> None:
    ts = extract_targets("全市13个区县的学校食堂明厨亮灶覆盖率达到90%")
    assert [(t.value, t.unit) for t in ts] == [(90, "%")]


def test_keep_low_metric_in_a_bare_table_is_a_ceiling() -> None:
    t = only("3%", goal="投诉发生率")
    assert t.comparator == "<="


def test_bare_figure_with_header_unit() -> None:
    t = only("新增就业(人) 目标任务 5600")
    assert (t.value, t.unit, t.comparator) == (5600, "人", ">=")


def test_list_markers_are_not_targets() -> None:
    ts = extract_targets("目标1:植树2万株 目标2:修路3公里")
    assert [(t.value, t.unit) for t in ts] == [(20000, "株"), (3, "公里")]


def test_milestone_names_object_and_stage() -> None:
    ts = extract_targets("推进文化馆建设,做好装修工程施工,广场、绿化工程开始施工,完成投资3000万元。")
    ms = [t for t in ts if t.kind == "milestone"]
    assert len(ms) == 1
    m = ms[0]
    assert m.text == "广场、绿化工程开始施工"
    assert m.objects == ("广场", "绿化")
    assert m.comparator is None and m.value is None


def test_milestone_objects_leave_out_verbs_and_generic_words() -> None:
    (m,) = extract_targets("年内完成项目竣工验收")
    assert m.stage == "竣工验收" and m.objects == ()
    (m,) = extract_targets("力争完成污水管网和泵站改造工程竣工")
    assert m.objects == ("污水管网", "泵站改造")


def test_zero_names_a_threshold() -> None:
    (t,) = extract_targets("实现安全生产零事故")
    assert (t.text, t.kind, t.comparator, t.value, t.unit) == ("安全生产零事故", "level", "<=", 0, "起")
    assert [t.text for t in extract_targets("确保安全事故零发生")] == ["安全事故零发生"]
    assert [(t.value, t.unit) for t in extract_targets("招收学员一百零五人")] == [(105, "人")]
    assert extract_targets("坚持零容忍，实现零距离服务") == []


def test_stage_verb_with_a_number_is_not_a_milestone() -> None:
    ts = extract_targets("建成10个社区服务站")
    assert [t.kind for t in ts] == ["level"]


def test_joined_stages_make_one_milestone() -> None:
    ts = extract_targets("体育中心年底前建成并投入使用")
    assert [(t.kind, t.stage) for t in ts] == [("milestone", "投入使用")]


@pytest.mark.parametrize(
    ("indicator", "values"),
    [
        ("全市13个县区完成农村改厕2万户", [20000]),  # the places the work is done in
        ("全省13个市新建公园50个", [50]),
        ("投资1200万元,新建村级文化广场20个", [12000000, 20]),
        ("总投资3.2亿元的XX大桥年底前建成通车", []),  # the size of the works, not work to do
        ("对全市60岁以上老年人开展健康体检,体检人数不少于5万人", [50000]),
        ("落实“1+6”政策体系,完成年度目标任务", []),
        ("实施G20国道改造工程15公里", [15]),
        ("按照每人每年100元标准发放补贴,惠及困难群众3000人", [100, 3000]),
        ("2022年度中央财政下达资金500万元,用于新建校舍2000平方米", [5000000, 2000]),
        ("10万元至50万元的村要达到25%以上", [25]),  # the class of villages the share is of
        ("年收入10万元以上的村占比达到30%", [30]),
        ("集体经济收入50万元以上的村达到20个", [20]),
        ("占计划数127.23万头的100.01%", [1272300]),  # 的 then a figure: the share done of the plan figure
        ("过去一年,全市地区生产总值达到1200亿元,增长6%。今年主要预期目标是:地区生产总值增长6.5%左右", [6.5]),
        ("2022年完成固定资产投资300亿元,2023年目标增长10%", [10]),  # last year's result, this year's target
        ("在去年完成800户的基础上,今年再改造农村危房1000户", [1000]),
        ("比上年增加200人,达到1500人", [200, 1500]),  # 上年 as a baseline
        ("去年《政府工作报告》承诺了城镇新增就业1100万人以上的目标", [11000000]),  # last year's target, reviewed
        ("2017年、2018年分别完成88284户、51834户", [88284, 51834]),  # a list of years, each with its part
    ],
)
def test_scope_and_names_are_no_targets(indicator: str, values: list[float]) -> None:
    got = [t.value for t in extract_targets(indicator) if t.kind != "milestone"]
    assert sorted(v for v in got if v is not None) == sorted(values)
