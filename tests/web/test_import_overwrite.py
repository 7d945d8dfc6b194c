"""An import never overwrites work in progress, and a corrected import replaces the rows (issue 9, item 5).

A report being worked on (a draft written into, submitted, returned, approved, or reopened with unpublished edits)
is refused, with the file, the unit and the period named, and nothing is written; the preview says so too. Only
a published (or new) report is imported over: its rows become exactly the file's, in the file's order, and a
corrected version is published and audited. ``disclosure_diff`` matches rows by goal and indicator.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.core.model import Disclosure as Doc
from jixiao.core.model import Row
from jixiao.formats.writers import write_disclosures
from jixiao.web.performance import services
from jixiao.web.performance.models import (
    AuditLog,
    Disclosure,
    Goal,
    ImportRecord,
    Indicator,
    Membership,
    Organization,
    ProgressEntry,
    Submission,
    Target,
    Verdict,
)

from .conftest import make_user

S = Submission.Status
MODELS = (Organization, Goal, Indicator, Target, Submission, ProgressEntry, Verdict, Disclosure, ImportRecord,
          AuditLog)
ROWS = [
    ("职工培训", "全年开展职工培训100场。", "已开展职工培训120场。"),
    ("职工书屋", "新建职工书屋20家。", "已新建职工书屋25家。"),
    ("困难帮扶", "帮扶困难职工500人。", "已帮扶困难职工520人。"),
]


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def doc_bytes(rows=ROWS, org: str = "丁单位", year: int = 2024, period: str = "全年") -> bytes:
    title = f"{org}{year}年绩效考核目标完成进度公示（{period}）"
    doc = Doc(title=title, rows=[Row(goal=g, indicator=i, progress=p) for g, i, p in rows],
              organization=org, year=year, period=period)
    return write_disclosures([doc], "json")


def imp(world, data: bytes, name: str = "d.json"):
    return services.disclosure_import(data=data, filename=name, actor=world.reviewer)


def sub_of(name: str = "丁单位") -> Submission:
    return Submission.objects.select_related("unit", "period__cycle").get(unit__name=name, period__code="全年")


def assert_refused(preview, file: str) -> None:
    assert preview.errors, "the import should have been refused"
    message = preview.errors[-1]
    assert file in message and "丁单位" in message and "2024" in message and "全年" in message, message


@pytest.fixture
def published(world):
    record, preview = imp(world, doc_bytes(), "v1.json")
    assert record is not None and record.status == ImportRecord.Status.APPLIED, preview.errors
    return Disclosure.objects.get(unit__name="丁单位")


def test_a_reopened_report_edited_through_the_api_is_not_overwritten(client, world, published):
    sub = services.submission_reopen(submission=sub_of(), actor=world.reviewer, reason="核对数据")
    reporter = make_user("reporter_d", sub.unit, Membership.Role.REPORTER)
    entry = sub.entries.get(indicator__text="全年开展职工培训100场。")
    client.force_login(reporter)
    r = client.patch(f"/api/entries/{entry.pk}/", {"narrative": "正在修改的稿子：已开展培训130场。",
                                                   "version": entry.version}, content_type="application/json")
    assert r.status_code == 200, r.content
    changed = [(g, i, p.replace("120", "110")) for g, i, p in ROWS]
    before = counts()
    preview = services.disclosure_import_preview(data=doc_bytes(changed), filename="v2.json", actor=world.reviewer)
    assert not preview.ok
    assert_refused(preview, "v2.json")
    record, preview = imp(world, doc_bytes(changed), "v2.json")
    assert record is None
    assert_refused(preview, "v2.json")
    assert counts() == before
    assert ProgressEntry.objects.get(pk=entry.pk).narrative == "正在修改的稿子：已开展培训130场。"
    assert sub_of().status == S.RETURNED
    # the same file as the published version is refused too: "unchanged" would hide the edit
    record, preview = imp(world, doc_bytes(), "v1-again.json")
    assert record is None and counts() == before
    # the upload page says so before anything can be confirmed
    client.force_login(world.reviewer)
    r = client.post(reverse("import-upload"), {"file": SimpleUploadedFile("v3.json", doc_bytes(changed))})
    html = r.content.decode()
    assert "v3.json" in html and "丁单位" in html and "确认导入" not in html
    assert counts() == before


def test_a_returned_report_is_not_jumped_to_published(world):
    sub = world.sub_a
    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="已开展职工培训80场。")
    services.submission_submit(submission=sub, actor=world.approver_a)
    services.submission_return(submission=sub, actor=world.reviewer, comment="请补充")
    before = counts()
    record, preview = services.disclosure_import(data=doc_bytes(org="甲单位"), filename="a.json",
                                                 actor=world.reviewer)
    assert record is None and preview.errors
    assert "a.json" in preview.errors[-1] and "甲单位" in preview.errors[-1]
    assert counts() == before
    sub.refresh_from_db()
    assert sub.status == S.RETURNED and not Disclosure.objects.filter(unit=world.unit_a).exists()
    assert ProgressEntry.objects.get(pk=world.entry_a.pk).narrative == "已开展职工培训80场。"


@pytest.mark.parametrize("status", ["submitted", "approved"])
def test_a_report_under_review_is_refused(world, status):
    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="已开展职工培训80场。")
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    if status == "approved":
        services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    before = counts()
    record, preview = services.disclosure_import(data=doc_bytes(org="甲单位"), filename="a.json",
                                                 actor=world.reviewer)
    assert record is None and "a.json" in preview.errors[-1]
    assert counts() == before
    assert Submission.objects.get(pk=world.sub_a.pk).status == status


def test_a_reopened_report_with_no_edits_is_imported_over(world, published):
    services.submission_reopen(submission=sub_of(), actor=world.reviewer, reason="核对数据")
    changed = [(g, i, p.replace("120", "110")) for g, i, p in ROWS]
    record, preview = imp(world, doc_bytes(changed), "v2.json")
    assert record is not None and record.status == ImportRecord.Status.APPLIED, preview.errors
    assert sub_of().status == S.PUBLISHED
    assert Disclosure.objects.filter(unit__name="丁单位").count() == 2


def test_a_renamed_goal_leaves_no_stale_row(world, published):
    renamed = [("职工教育培训" if g == "职工培训" else g, i, p) for g, i, p in ROWS]
    record, preview = imp(world, doc_bytes(renamed), "v2.json")
    assert record is not None and record.status == ImportRecord.Status.APPLIED, preview.errors
    v1, v2 = Disclosure.objects.filter(unit__name="丁单位").order_by("version")
    assert [(r["goal"], r["indicator"], r["progress"]) for r in v2.snapshot["rows"]] == renamed
    assert [(r["goal"], r["indicator"], r["progress"]) for r in v1.snapshot["rows"]] == ROWS  # v1 unchanged
    assert {(c["field"], c["change"], c["goal"]) for c in v2.changes} == {
        ("row", "removed", "职工培训"), ("row", "added", "职工教育培训")}
    # the old goal is gone from the unit (no other report used it); the report has exactly the file's rows
    assert not Goal.objects.filter(unit__name="丁单位", name="职工培训").exists()
    assert sub_of().entries.count() == len(ROWS)


def test_a_removed_row_is_removed_and_the_order_is_the_files(world, published):
    rows = [ROWS[2], ROWS[0]]
    record, preview = imp(world, doc_bytes(rows), "v2.json")
    assert record is not None and record.status == ImportRecord.Status.APPLIED, preview.errors
    v2 = Disclosure.objects.get(unit__name="丁单位", version=2)
    assert [(r["goal"], r["indicator"], r["progress"]) for r in v2.snapshot["rows"]] == rows
    assert [(c["field"], c["change"], c["goal"]) for c in v2.changes] == [("row", "removed", "职工书屋")]


def test_an_indicator_another_report_uses_is_kept(world, published):
    other = services.period_get_or_create(office=world.office, year=2024, code="上半年")
    unit = Organization.objects.get(name="丁单位")
    sub_h1 = Submission.objects.create(unit=unit, period=other)
    shared = Indicator.objects.get(goal__unit=unit, text="新建职工书屋20家。")
    ProgressEntry.objects.create(submission=sub_h1, indicator=shared)
    imp(world, doc_bytes([ROWS[0], ROWS[2]]), "v2.json")
    assert Indicator.objects.filter(pk=shared.pk).exists()
    assert not sub_of().entries.filter(indicator=shared).exists()


def test_reordering_rows_is_no_change_of_content(world, published):
    reordered = list(reversed(ROWS))
    a = published.snapshot
    b = {**a, "rows": [next(r for r in a["rows"] if r["goal"] == g) for g, _i, _p in reordered]}
    assert services.disclosure_diff(a, b) == []
    before = counts()
    record, _preview = imp(world, doc_bytes(reordered), "reordered.json")
    assert record is not None and record.status == ImportRecord.Status.UNCHANGED
    assert counts() == {**before, "ImportRecord": before["ImportRecord"] + 1}


def test_the_diff_matches_rows_by_goal_and_indicator():
    def row(goal, indicator, progress="p", verdict="met"):
        return {"goal": goal, "indicator": indicator, "progress": progress, "verdict": verdict}

    old = {"title": "t", "rows": [row("甲", "一"), row("乙", "二"), row("丙", "三")]}
    new = {"title": "t", "rows": [row("丙", "三", "q"), row("甲", "一"), row("丁", "二")]}
    changes = services.disclosure_diff(old, new)
    assert [(c["row"], c["goal"], c["field"], c["change"]) for c in changes] == [
        (1, "丙", "progress", "changed"), (3, "丁", "row", "added"), (2, "乙", "row", "removed")]


def test_the_audit_log_records_the_import(world, published):
    first = AuditLog.objects.filter(action="import.apply")
    assert first.count() == 1 and first.get().after["version"] == 1
    changed = [(g, i, p.replace("120", "110")) for g, i, p in ROWS]
    record, _preview = imp(world, doc_bytes(changed), "v2.json")
    entries = AuditLog.objects.filter(action="import.apply").order_by("id")
    assert entries.count() == 2
    last = entries.last()
    assert last.object_id == str(record.pk) and last.after["file"] == "v2.json" and last.after["version"] == 2
    assert last.actor == world.reviewer
    # an import that changes nothing writes no audit entry and says "unchanged"
    again, _p = imp(world, doc_bytes(changed) + b"\n", "v2-again.json")
    assert again is not None and again.status == ImportRecord.Status.UNCHANGED
    assert AuditLog.objects.filter(action="import.apply").count() == 2
