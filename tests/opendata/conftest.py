"""Fixtures: the example disclosure and two made-up units' disclosures, imported through the import service."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from jixiao.formats.writers import write_disclosures
from jixiao.web.performance import services
from jixiao.web.performance.models import Disclosure

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "hangzhou-ftu-2016-full-year.txt"


def make_doc(org: str, year: int, period: str, rows: list[tuple[str, str, str]]):
    from jixiao.core.model import Disclosure as Doc
    from jixiao.core.model import Row

    title = f"{org}{year}年绩效考核目标完成进度公示（{period}）"
    return Doc(title=title, rows=[Row(goal=g, indicator=i, progress=p) for g, i, p in rows],
               organization=org, year=year, period=period)


ROWS_GOOD = [
    ("职工培训", "全年开展职工培训100场。", "已开展职工培训120场。"),
    ("职工书屋", "新建职工书屋20家。", "已新建职工书屋12家。"),
]
ROWS_BETTER = [
    ("职工培训", "全年开展职工培训100场。", "已开展职工培训130场。"),
    ("职工书屋", "新建职工书屋20家。", "已新建职工书屋25家。"),
]


def import_doc(doc, name: str):
    data = write_disclosures([doc], "json")
    record, preview = services.disclosure_import(data=data, filename=name, actor=None)
    assert record is not None, preview.errors
    return record


@pytest.fixture
def published(db):
    """Three units' disclosures: the real example, and a made-up unit with two periods in one year."""
    if not EXAMPLE.exists():
        pytest.skip(f"example disclosure missing: {EXAMPLE}")
    record, preview = services.disclosure_import(data=EXAMPLE.read_bytes(), filename=EXAMPLE.name, actor=None)
    assert record is not None, preview.errors
    example = Disclosure.objects.get(unit=record.submission.unit)
    import_doc(make_doc("测试甲局", 2016, "上半年", ROWS_GOOD), "a-h1.json")
    import_doc(make_doc("测试甲局", 2016, "全年", ROWS_BETTER), "a-year.json")
    import_doc(make_doc("测试乙局", 2016, "全年", ROWS_GOOD), "b-year.json")
    return SimpleNamespace(
        example=example,
        a_h1=Disclosure.objects.get(unit__name="测试甲局", period__code="上半年"),
        a_year=Disclosure.objects.get(unit__name="测试甲局", period__code="全年"),
        b_year=Disclosure.objects.get(unit__name="测试乙局", period__code="全年"),
    )
