"""Property tests: no text makes the reader or the checker crash, and every span names its own words."""

from __future__ import annotations

import math
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.check import check_row
from jixiao.core.errors import ReaderError
from jixiao.core.model import Row
from jixiao.core.quantities import find_quantities
from jixiao.formats.textdump import read_text_dump

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"

# Pieces that matter to number reading: numerals, multipliers, units, approximation marks, date and
# ordinal words, brackets, quotes, and the punctuation that joins names and list markers.
PIECES = [
    *"0123456789０１２３４５６７８９",
    *"零〇一二两三四五六七八九十百千万亿点萬億兩個",
    "元", "万元", "亿元", "人", "人次", "户", "家", "个", "个百分点", "百分点", "%", "％", "‰", "公里", "平方米",
    "余", "多", "来", "左右", "约", "近", "逾", "超", "上", "数", "几", "将近", "成千上万",
    "年", "月", "日", "号", "时", "分", "周年", "季度", "第", "之", "分之", "百分之", "目标", "任务", "电话",
    "《", "》", "“", "”", "(", ")", "（", "）", "、", "，", ",", "。", ".", ":", "：", "-", "—", "~", "至",
    "/", "每", "+", "×", " ", "\n", "\t", "G", "D", "X", "PM", "不低于", "以上", "以内", "达到", "完成",
    "增加", "下降", "比去年", "开工", "竣工", "|", "||", "一次性", "十分", "一是", "进一步",
]
SEEDS = [
    "全年新增就业2.5万人以上，失业率控制在3.5%以内。",
    "截至年底共发放补助1203.6万元，惠及困难家庭4512户，覆盖率达到100%。",
    "完成年度任务的九十五点五%，比去年增加3个百分点，约200余人参训。",
    "2019年9月20日召开第十一次会议，“十三五”规划确定的五项任务已于6月底前完成。",
    "项目于3月开工建设，目前主体结构封顶，预计12月竣工验收。",
    "城市低保标准不低于600元/月，1.5万元/公里，近万名职工，千余名代表。",
]


def _example_rows() -> list[str]:
    if not EXAMPLES.is_dir():
        return []
    out: list[str] = []
    for path in sorted(EXAMPLES.glob("**/*.txt"))[:4]:
        try:
            doc = read_text_dump(path.read_bytes(), source=str(path))
        except ReaderError:
            continue
        out.extend(t for r in doc.rows for t in (r.indicator, r.progress) if t)
    return out


REAL = SEEDS + _example_rows()

random_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40
).map("".join)


@st.composite
def mutated_row(draw: st.DrawFn) -> str:
    """A real row with pieces inserted, slices deleted and characters replaced."""
    text = draw(st.sampled_from(REAL))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        if op == "insert":
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(0, 8)) :]
        elif i < len(text):
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i + 1 :]
    return text


any_text = st.one_of(random_text, mutated_row())
# JIXIAO_PROPERTY_EXAMPLES=5000 for a longer hunt than the suite's default.
SETTINGS = settings(
    max_examples=int(os.environ.get("JIXIAO_PROPERTY_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(any_text)
def test_find_quantities_never_crashes_and_spans_name_their_words(text: str) -> None:
    found = find_quantities(text)
    last_end = 0
    for q in found:
        start, end = q.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == q.text
        assert start >= last_end, "quantities overlap or are out of order"
        last_end = end
        assert math.isfinite(q.value)
        if q.unit_span is not None:
            assert 0 <= q.unit_span[0] < q.unit_span[1] <= len(text)
        assert q.unit is None or q.unit.strip() == q.unit != ""


@SETTINGS
@given(any_text, any_text, st.text(max_size=10))
def test_check_row_never_crashes_and_spans_name_their_words(indicator: str, progress: str, goal: str) -> None:
    result = check_row(Row(goal=goal, indicator=indicator, progress=progress))
    assert result.verdict in ("met", "not_met", "unverified")
    for tr in result.targets:
        t = tr.target
        assert indicator[t.span[0] : t.span[1]] == t.text
        assert tr.verdict in ("met", "not_met", "unverified")
        for claim in (tr.actual, *tr.evidence):
            if claim is not None:
                assert progress[claim.span[0] : claim.span[1]] == claim.text


@st.composite
def text_dump(draw: st.DrawFn) -> str:
    """Text that looks more or less like the disclosure text dump: cells ending in | among noise."""
    lines = [draw(random_text) for _ in range(draw(st.integers(0, 3)))]
    for _ in range(draw(st.integers(0, 6))):
        cell = draw(st.one_of(st.sampled_from(["目标名称", "考核指标", "完成进度", "", "|"]), any_text))
        lines.append(cell + draw(st.sampled_from(["|", " |", "｜", "||", ""])))
    return "\n".join(lines)


@SETTINGS
@given(st.one_of(text_dump(), st.binary(max_size=200), text_dump().map(lambda s: s.encode("gb18030"))))
def test_reading_a_random_dump_raises_only_reader_errors(data: str | bytes) -> None:
    try:
        doc = read_text_dump(data, source="random.txt")
    except ReaderError as exc:
        assert exc.source == "random.txt"
        return
    for row in doc.rows:
        check_row(row)
