"""Import (preview, row errors, idempotence, verbatim original, corrections) and the public site."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from jixiao.core.meta import standard_period
from jixiao.web.performance import services
from jixiao.web.performance.models import (
    AuditLog,
    Disclosure,
    Goal,
    ImportRecord,
    Indicator,
    Organization,
    ProgressEntry,
    Submission,
    Target,
    Verdict,
)

MODELS = (Organization, Goal, Indicator, Target, Submission, ProgressEntry, Verdict, Disclosure, ImportRecord,
          AuditLog)


def _counts():
    return {m.__name__: m.objects.count() for m in MODELS}


def _import(data: bytes, name: str = "doc.txt"):
    return services.disclosure_import(data=data, filename=name, actor=None)


@pytest.mark.django_db
def test_import_is_idempotent_and_keeps_the_original(example_bytes):
    record, preview = _import(example_bytes, "hangzhou.txt")
    assert record is not None and record.status == ImportRecord.Status.APPLIED
    assert bytes(record.original) == example_bytes
    doc = preview.document
    d = Disclosure.objects.get()
    assert d.title == doc.title and d.published_on == doc.published and d.version == 1
    assert len(d.snapshot["rows"]) == len(doc.rows)
    assert [r["progress"] for r in d.snapshot["rows"]] == [r.progress for r in doc.rows]
    before = _counts()
    again, preview2 = _import(example_bytes, "renamed.txt")
    assert again is None and preview2.already_imported
    assert _counts() == before


@pytest.mark.django_db
def test_changed_document_publishes_a_corrected_version(example_bytes):
    _import(example_bytes)
    text = example_bytes.decode("utf-8")
    changed = text.replace("年度完成投资额18350万元", "年度完成投资额18000万元", 1)
    assert changed != text
    record, _p = _import(changed.encode("utf-8"), "v2.txt")
    assert record is not None
    versions = list(Disclosure.objects.order_by("version"))
    assert [d.version for d in versions] == [1, 2]
    assert versions[1].changes and all(c["field"] in ("progress", "verdict") for c in versions[1].changes)
    assert "v2.txt" in versions[1].change_note
    # The first version is exactly as it was.
    assert "18350万元" in "".join(r["progress"] for r in versions[0].snapshot["rows"])


@pytest.mark.django_db
def test_reader_errors_name_the_file_and_line():
    _record, preview = _import("标题\n发布时间:不是日期\n目标名称 |\n".encode(), "bad.txt")
    assert _record is None and preview.errors
    assert "bad.txt" in preview.errors[0]
    assert Disclosure.objects.count() == 0


@pytest.mark.django_db
def test_row_level_errors_are_reported_and_the_row_skipped():
    doc = ("某某局2023年绩效考核目标完成进度公示(2023年全年)\n发布时间:2024年01月05日\n"
           "目标名称 |\n考核指标 |\n|\n||\n甲目标 |\n新建书屋20家。 |\n新建书屋25家。 |\n"
           "乙目标 |\n |\n已完成。 |\n")
    record, preview = _import(doc.encode(), "rows.txt")
    assert record is not None
    assert [(e["row"], e["field"]) for e in preview.row_errors] == [(2, "考核指标")]
    assert "rows.txt" in preview.row_errors[0]["message"]
    assert Indicator.objects.count() == 1


@pytest.mark.django_db
def test_management_command(example_bytes, tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(example_bytes)
    out = io.StringIO()
    call_command("import_disclosure", str(path), "--dry-run", stdout=out)
    assert Disclosure.objects.count() == 0 and "rows" in out.getvalue()
    call_command("import_disclosure", str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_disclosure", str(path), stdout=out)
    assert "already imported" in out.getvalue()
    assert Disclosure.objects.count() == 1
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    with pytest.raises(CommandError):
        call_command("import_disclosure", str(bad), stdout=io.StringIO(), stderr=io.StringIO())


def test_upload_preview_then_confirm(client, world, example_bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.reviewer)
    r = client.post(reverse("import-upload"), {"file": SimpleUploadedFile("h.txt", example_bytes)})
    html = r.content.decode()
    assert r.status_code == 200 and "确认导入" in html and "工资集体协商" in html
    assert Disclosure.objects.count() == 0  # a preview changes nothing public
    record = ImportRecord.objects.get(status=ImportRecord.Status.PREVIEW)
    r = client.post(reverse("import-upload"), {"confirm": record.pk})
    assert r.status_code == 302
    assert Disclosure.objects.count() == 1
    r = client.post(reverse("import-upload"), {"file": SimpleUploadedFile("h.txt", example_bytes)})
    assert "已导入过" in r.content.decode()


# --- the public site --------------------------------------------------------------------------------


@pytest.fixture
def published(db, example_bytes):
    _import(example_bytes)
    return Disclosure.objects.get()


def test_disclosure_page_marks_targets_and_evidence(client, published):
    url = reverse("disclosure", args=[published.unit_id, 2016, "year"])
    html = client.get(url).content.decode()
    assert published.title in html and "发布时间" in html and "2017年01月09日" in html
    for header in ("目标名称", "考核指标", "完成进度"):
        assert header in html
    row = next(r for r in published.snapshot["rows"] if any(t["verdict"] == "not_met" for t in r["targets"]))
    missed = next(t for t in row["targets"] if t["verdict"] == "not_met")
    assert '<u class="target target-not_met"' in html and f">{missed['text']}</u>" in html
    for ev in missed["evidence"]:
        assert f">{ev['text']}</mark>" in html
    assert missed["reason"] in html
    assert 'class="badge badge-not_met"' in html


def test_filters(client, published):
    url = reverse("disclosure", args=[published.unit_id, 2016, "year"])
    rows = published.snapshot["rows"]
    not_met = [r for r in rows if r["verdict"] == "not_met"]
    html = client.get(url, {"verdict": "not_met"}).content.decode()
    assert html.count('<tr id="row-') == len(not_met)
    goal = rows[0]["goal"]
    html = client.get(url, {"goal": goal}).content.decode()
    assert html.count('<tr id="row-') == sum(1 for r in rows if r["goal"] == goal)


def test_home_compare_and_english(client, published):
    html = client.get(reverse("home")).content.decode()
    assert published.unit.name in html and "2016" in html and f"{published.score * 100:.1f}%" in html
    html = client.get(reverse("unit-compare", args=[published.unit_id])).content.decode()
    assert "2016" in html and published.snapshot["rows"][0]["goal"] in html
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("disclosure", args=[published.unit_id, 2016, "year"])).content.decode()
    assert 'lang="en"' in html and "Indicator" in html and "Not met" in html


def test_public_api(client, published):
    r = client.get("/api/disclosures/")
    assert r.status_code == 200 and r.json()["results"][0]["id"] == published.pk
    detail = client.get(f"/api/disclosures/{published.pk}/").json()
    assert len(detail["rows"]) == len(published.snapshot["rows"])
    targets = client.get(f"/api/disclosures/{published.pk}/targets/", {"verdict": "not_met"}).json()["results"]
    assert targets and all(t["verdict"] == "not_met" for t in targets)
    row = detail["rows"][targets[0]["row"] - 1]
    s, e = targets[0]["span"]
    assert row["indicator"][s:e] == targets[0]["text"]
    assert client.get("/api/units/").json()["results"][0]["name"] == published.unit.name
    assert client.get("/api/cycles/").json()["results"][0]["year"] == 2016
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/disclosures/" in schema.content


def test_public_verdicts_endpoint(client, published):
    rows = client.get(f"/api/disclosures/{published.pk}/verdicts/").json()["results"]
    assert [r["verdict"] for r in rows] == [r["verdict"] for r in published.snapshot["rows"]]
    assert any(t["verdict"] == "not_met" for r in rows for t in r["targets"])


def test_indicator_change_rechecks_unpublished_reports_only(world):
    from jixiao.web.performance.models import AuditLog

    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="开展职工培训120场，覆盖率95%。")
    assert world.entry_a.verdicts.count() == 2
    services.indicator_update(indicator=world.entry_a.indicator, actor=world.admin, text="全年开展职工培训150场。")
    world.entry_a.refresh_from_db()
    assert [v.verdict for v in world.entry_a.verdicts.all()] == ["not_met"]
    assert AuditLog.objects.filter(action="indicator.update").exists()


@pytest.mark.django_db
def test_a_document_with_gaps_is_imported_with_the_gaps_reported():
    """No date, no unit, no year in the title: read and filed, every gap said; nothing rejected."""
    text = ("绩效目标完成情况公示\n-\n发布时间:\n目标名称 |\n考核指标 |\n|\n||\n"
            "培训 |\n全年培训500人 |\n培训520人 |\n")
    record, preview = _import(text.encode("utf-8"), "gaps.txt")
    assert record is not None and record.status == ImportRecord.Status.APPLIED
    assert preview.errors == []
    joined = "\n".join(preview.warnings)
    assert "发布时间 is empty" in joined and services.UNNAMED_UNIT in joined and "年度" in joined
    d = Disclosure.objects.get()
    assert d.published_on is None
    assert d.submission.unit.name == services.UNNAMED_UNIT
    assert bytes(record.original) == text.encode("utf-8")


@pytest.mark.django_db
def test_a_cut_off_period_is_filed_under_the_last_period_it_covers():
    text = ("某县民政局2022年民生实事进展情况(截至10月31日)\n-\n发布时间:2022年11月02日\n"
            "目标名称 |\n考核指标 |\n|\n||\n养老 |\n新增养老床位100张 |\n已新增养老床位60张 |\n")
    record, preview = _import(text.encode("utf-8"), "cutoff.txt")
    assert record is not None and preview.errors == []
    assert any("截至10月" in w and "前三季度" in w for w in preview.warnings)
    d = Disclosure.objects.get()
    assert d.period.code == "前三季度"
    stated = ("截至2月", "截至6月", "截至8月", "截至12月", "第五季度")
    assert [standard_period(c) for c in stated] == ["一季度", "上半年", "上半年", "全年", "全年"]


def _labelled_documents():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    folders = [root.parent / "shared" / "examples", root.parent / "shared" / "examples" / "more",
               root / "corpus" / "dev", root / "corpus" / "holdout"]
    return sorted(p.with_name(p.name.replace(".gold.json", ".txt")) for d in folders if d.is_dir()
                  for p in d.glob("*.gold.json"))


@pytest.mark.django_db
def test_the_web_import_gives_the_verdicts_the_cli_gives():
    """Every labelled document imported through the web gives, row by row, the checker's own verdicts."""
    from collections import Counter

    from jixiao.core.check import check_disclosure
    from jixiao.core.report import report_to_dict
    from jixiao.formats.registry import read_path

    docs = _labelled_documents()
    if not docs:
        pytest.skip("no labelled documents beside the checkout")
    for path in docs:
        cli = report_to_dict(check_disclosure(read_path(path)))
        record, preview = _import(path.read_bytes(), path.name)
        assert record is not None, (path.name, preview.errors)
        snapshot = Disclosure.objects.filter(submission=record.submission).order_by("-version").first().snapshot
        counts = Counter((r["goal"], r["indicator"]) for r in cli["indicators"])
        web = {(r["goal"], r["indicator"]): [t["verdict"] for t in r["targets"]] for r in snapshot["rows"]}
        for row in cli["indicators"]:
            key = (row["goal"], row["indicator"])
            if counts[key] == 1 and row["indicator"].strip():
                assert web[key] == [t["verdict"] for t in row["targets"]], (path.name, row["goal"])
