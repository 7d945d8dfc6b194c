"""Limits on what people send (issue 9 item 10): every free-text field, request body and upload is bounded, and
refused with a clear message before anything is stored, read or checked."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from jixiao.web.performance import limits, services
from jixiao.web.performance.forms import EntryForm, ImportForm, OverrideForm, TargetCorrectionForm
from jixiao.web.performance.models import AuditLog, ImportRecord, ProgressEntry, Submission


@pytest.fixture(autouse=True)
def _chinese():
    with translation.override("zh-hans"):
        yield


LONG = "开展职工培训100场。" * 2001  # 22,011 characters: over the default 20,000


def test_the_limits_are_in_settings_and_fit_real_disclosures(settings):
    assert settings.JIXIAO_MAX_NARRATIVE_CHARS == 20_000
    assert 100 <= settings.JIXIAO_MAX_GOAL_NAME_CHARS <= 500
    for kind, (name, _label, _column) in limits.FIELDS.items():
        assert limits.max_chars(kind) == min(getattr(settings, name), _column or 10**9)
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
    assert settings.JIXIAO_MAX_REQUEST_BYTES > settings.JIXIAO_MAX_UPLOAD_BYTES


def test_production_settings_set_the_body_limits(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 50)
    sys.modules.pop("jixiao.web.settings_production", None)
    prod = importlib.import_module("jixiao.web.settings_production")
    sys.modules.pop("jixiao.web.settings_production", None)
    for name in ("JIXIAO_MAX_UPLOAD_BYTES", "JIXIAO_MAX_REQUEST_BYTES", "DATA_UPLOAD_MAX_MEMORY_SIZE",
                 "FILE_UPLOAD_MAX_MEMORY_SIZE", "JIXIAO_MAX_NARRATIVE_CHARS"):
        assert getattr(prod, name) > 0, name


def _unchanged(world, before_version: int) -> None:
    entry = ProgressEntry.objects.get(pk=world.entry_a.pk)
    assert entry.version == before_version
    assert entry.narrative == ""
    assert not AuditLog.objects.filter(action="entry.update", object_id=str(entry.pk)).exists()


# --- narrative: form, API, service ------------------------------------------------------------------


def test_an_over_long_narrative_is_refused_by_the_page(client, world):
    client.force_login(world.reporter_a)
    version = world.entry_a.version
    r = client.post(reverse("entry-edit", kwargs={"pk": world.entry_a.pk}), {"narrative": LONG, "version": version})
    assert r.status_code == 200
    assert "完成进度不能超过 20000 个字符（现有 22011 个）" in r.content.decode()
    _unchanged(world, version)


def test_the_form_names_the_field_and_limit_in_english():
    with translation.override("en"):
        form = EntryForm({"narrative": LONG, "version": 1}, targets=[], actuals={})
        assert not form.is_valid()
        assert "may be at most 20000 characters long (it has 22011)" in form.errors["narrative"][0]


def test_an_over_long_narrative_is_refused_by_the_api(client, world):
    client.force_login(world.reporter_a)
    version = world.entry_a.version
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"narrative": LONG, "version": version},
                     content_type="application/json")
    assert r.status_code == 400
    assert "完成进度不能超过 20000 个字符" in r.json()["narrative"][0]
    _unchanged(world, version)


def test_an_over_long_narrative_is_refused_by_the_service(world, monkeypatch):
    called = []
    monkeypatch.setattr(services, "entry_recheck", lambda **kw: called.append(kw))
    version = world.entry_a.version
    with pytest.raises(ValidationError) as exc:
        services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative=LONG, version=version)
    assert exc.value.code == "max_length"
    assert "20000" in exc.value.messages[0]
    assert not called  # the checker never ran on it
    _unchanged(world, version)


def test_a_narrative_at_the_limit_is_accepted(world):
    text = "职" * 20_000
    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative=text)
    assert ProgressEntry.objects.get(pk=world.entry_a.pk).narrative == text


@override_settings(JIXIAO_MAX_NARRATIVE_CHARS=10)
def test_the_narrative_limit_in_settings_is_honoured(client, world):
    with pytest.raises(ValidationError):
        services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="一" * 11)
    client.force_login(world.reporter_a)
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"narrative": "一" * 11, "version": 1},
                     content_type="application/json")
    assert r.status_code == 400
    assert "10" in r.json()["narrative"][0]
    assert not EntryForm({"narrative": "一" * 11, "version": 1}, targets=[], actuals={}).is_valid()
    assert EntryForm({"narrative": "一" * 10, "version": 1}, targets=[], actuals={}).is_valid()
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"narrative": "一" * 10, "version": 1},
                     content_type="application/json")
    assert r.status_code == 200


# --- the other free-text fields -------------------------------------------------------------------


def _submitted(world) -> Submission:
    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="开展职工培训120场。")
    return services.submission_submit(submission=world.sub_a, actor=world.approver_a)


@override_settings(JIXIAO_MAX_COMMENT_CHARS=20)
def test_review_comments_are_bounded_everywhere(client, world):
    sub = _submitted(world)
    with pytest.raises(ValidationError):
        services.submission_return(submission=sub, actor=world.reviewer, comment="意" * 21)
    with pytest.raises(ValidationError):
        services.submission_approve(submission=sub, actor=world.reviewer, comment="意" * 21)
    client.force_login(world.reviewer)
    r = client.post(f"/api/submissions/{sub.pk}/return/", {"comment": "意" * 21}, content_type="application/json")
    assert r.status_code == 400
    assert "意见不能超过 20 个字符" in r.json()["comment"][0]
    r = client.post(reverse("submission-action", kwargs={"pk": sub.pk, "action": "return"}), {"comment": "意" * 21},
                    follow=True)
    assert "意见不能超过 20 个字符" in r.content.decode()
    assert Submission.objects.get(pk=sub.pk).status == Submission.Status.SUBMITTED
    assert Submission.objects.get(pk=sub.pk).review_comment == ""
    r = client.post(f"/api/submissions/{sub.pk}/return/", {"comment": "意" * 20}, content_type="application/json")
    assert r.status_code == 200


@override_settings(JIXIAO_MAX_COMMENT_CHARS=20)
def test_publish_notes_and_reopen_reasons_are_bounded(world):
    sub = _submitted(world)
    services.submission_approve(submission=sub, actor=world.reviewer)
    with pytest.raises(ValidationError):
        services.disclosure_publish(submission=sub, actor=world.reviewer, note="注" * 21)
    assert not sub.disclosures.exists()
    services.disclosure_publish(submission=sub, actor=world.reviewer)
    with pytest.raises(ValidationError):
        services.submission_reopen(submission=sub, actor=world.reviewer, reason="因" * 21)
    assert Submission.objects.get(pk=sub.pk).status == Submission.Status.PUBLISHED


@override_settings(JIXIAO_MAX_REASON_CHARS=5)
def test_override_reasons_are_bounded(client, world):
    sub = _submitted(world)
    verdict = sub.entries.get().verdicts.first()
    assert not OverrideForm({"verdict": "met", "reason": "理" * 6}).is_valid()
    with pytest.raises(ValidationError):
        services.verdict_override(verdict=verdict, actor=world.reviewer, new_verdict="met", reason="理" * 6)
    client.force_login(world.reviewer)
    r = client.post(reverse("verdict-override", kwargs={"pk": verdict.pk}), {"verdict": "met", "reason": "理" * 6},
                    follow=True)
    assert "复核理由不能超过 5 个字符" in r.content.decode()
    verdict.refresh_from_db()
    assert verdict.override_verdict == ""


@override_settings(JIXIAO_MAX_NOTE_CHARS=5)
def test_correction_notes_are_bounded(world):
    target = world.entry_a.indicator.targets.first()
    assert not TargetCorrectionForm({"comparator": ">=", "value": 1, "unit": "", "note": "说" * 6}).is_valid()
    with pytest.raises(ValidationError):
        services.target_correct(target=target, actor=world.reporter_a, submission=world.sub_a, comparator=">=",
                                value=1, unit="", note="说" * 6)
    assert not target.corrections.exists()


def test_the_note_limit_never_exceeds_its_column(settings):
    settings.JIXIAO_MAX_NOTE_CHARS = 10_000
    assert limits.max_chars("note") == 500


@override_settings(JIXIAO_MAX_INDICATOR_CHARS=10)
def test_indicator_texts_are_bounded(world):
    indicator = world.entry_a.indicator
    with pytest.raises(ValidationError):
        services.indicator_update(indicator=indicator, actor=world.admin, text="指" * 11)
    indicator.refresh_from_db()
    assert indicator.text != "指" * 11


@override_settings(JIXIAO_MAX_GOAL_NAME_CHARS=10)
def test_goal_names_are_bounded_in_the_admin(client, world):
    client.force_login(world.admin)
    goal = world.entry_a.indicator.goal
    r = client.post(reverse("admin:performance_goal_change", args=[goal.pk]),
                    {"unit": goal.unit_id, "cycle": goal.cycle_id, "name": "目" * 11, "order": goal.order})
    assert r.status_code == 200
    assert "目标名称不能超过 10 个字符" in r.content.decode()
    goal.refresh_from_db()
    assert goal.name == "职工培训"


# --- uploads and request bodies --------------------------------------------------------------------


class _Unreadable(UploadedFile):
    """An upload that declares its size and fails if anything reads it."""

    def __init__(self, size: int) -> None:
        super().__init__(file=io.BytesIO(b""), name="big.txt", content_type="text/plain", size=size)

    def read(self, *args, **kwargs):  # pragma: no cover - the point is that it is not called
        raise AssertionError("the upload was read")

    def chunks(self, *args, **kwargs):  # pragma: no cover
        raise AssertionError("the upload was read")

    def __iter__(self):  # pragma: no cover
        raise AssertionError("the upload was read")


def test_an_oversize_upload_is_refused_from_its_declared_size_without_reading_it(settings):
    form = ImportForm(data={}, files={"file": _Unreadable(settings.JIXIAO_MAX_UPLOAD_BYTES + 1)})
    assert not form.is_valid()
    assert "文件过大（5.0 MB），上限为 5.0 MB" in form.errors["file"][0]
    assert ImportForm(data={}, files={"file": SimpleUploadedFile("a.txt", b"x")}).is_valid()


@override_settings(JIXIAO_MAX_UPLOAD_BYTES=1000)
def test_the_upload_limit_in_settings_is_honoured_by_the_page(client, world, monkeypatch):
    read = []
    monkeypatch.setattr(services, "disclosure_import_preview", lambda **kw: read.append(kw))
    client.force_login(world.reviewer)
    r = client.post(reverse("import-upload"), {"file": SimpleUploadedFile("a.txt", b"x" * 1500)})
    assert r.status_code == 200
    assert "文件过大（1.5 KB），上限为 1000 B" in r.content.decode()
    assert not read
    assert not ImportRecord.objects.exists()


@override_settings(JIXIAO_MAX_UPLOAD_BYTES=1000)
def test_an_upload_whose_content_length_is_too_large_is_refused_before_parsing(client, world, monkeypatch):
    from django.http.multipartparser import MultiPartParser

    monkeypatch.setattr(MultiPartParser, "parse", lambda self: (_ for _ in ()).throw(AssertionError("parsed")))
    client.force_login(world.reviewer)
    r = client.post(reverse("import-upload"), {"file": SimpleUploadedFile("a.txt", b"x" * 100_000)})
    assert r.status_code == 413
    assert "文件过大" in r.content.decode()
    assert "上限为 1000 B" in r.content.decode()
    assert not ImportRecord.objects.exists()


@override_settings(JIXIAO_MAX_UPLOAD_BYTES=1000, JIXIAO_MAX_REQUEST_BYTES=5000)
def test_any_request_larger_than_the_request_limit_is_413(client, world):
    client.force_login(world.reviewer)
    r = client.post(reverse("import-upload"), {"file": SimpleUploadedFile("a.txt", b"x" * 10_000)})
    assert r.status_code == 413
    assert "请求过大" in r.content.decode()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_an_oversize_api_body_is_413_with_a_clear_message(client, world):
    client.force_login(world.reporter_a)
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"narrative": "一" * 1000, "version": 1},
                     content_type="application/json")
    assert r.status_code == 413
    assert r.json()["detail"] == "请求过大，上限为 2.0 KB"
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"narrative": "一" * 1000, "version": 1},
                     content_type="application/json", headers={"accept-language": "en"})
    assert r.json()["detail"] == "The request is too large; the limit is 2.0 KB"
    _unchanged(world, 1)


@override_settings(JIXIAO_MAX_NARRATIVE_CHARS=50)
def test_an_imported_document_with_an_over_long_row_is_refused(world, example_bytes):
    preview = services.disclosure_import_preview(data=example_bytes, filename="x.txt", actor=world.reviewer,
                                                 office=world.office)
    assert not preview.ok
    assert any("完成进度不能超过 50 个字符" in e for e in preview.errors)
    record, _preview = services.disclosure_import(data=example_bytes, filename="x.txt", actor=world.reviewer,
                                                  office=world.office)
    assert record is None
    assert not ImportRecord.objects.exists()
