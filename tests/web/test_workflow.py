"""The workflow and its rules: draft → submit → return/approve → publish; corrections are new versions."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from jixiao.web.performance import services
from jixiao.web.performance.models import AuditLog, Disclosure, Submission

S = Submission.Status


def _draft(w, narrative: str = "上半年开展职工培训120场，培训覆盖率95%。"):
    return services.entry_update(entry=w.entry_a, actor=w.reporter_a, narrative=narrative)


def test_checker_runs_on_every_save_and_stores_evidence(world):
    entry = _draft(world)
    verdicts = {v.target.text: v for v in entry.verdicts.select_related("target")}
    assert len(verdicts) == 2
    assert {v.verdict for v in verdicts.values()} == {"met"}
    for v in verdicts.values():
        assert v.evidence, "every met verdict keeps the words it rests on"
        for ev in v.evidence:
            assert entry.narrative[ev["start"]:ev["end"]] == ev["text"]
    assert entry.verdict == "met"
    entry = _draft(world, "上半年开展职工培训120场，培训覆盖率80%。")
    assert entry.verdict == "not_met"
    assert entry.checked_text == entry.narrative
    assert sorted(v.verdict for v in entry.verdicts.all()) == ["met", "not_met"]


def test_entered_actual_decides_the_verdict(world):
    target = world.entry_a.indicator.targets.get(unit="%")
    entry = services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="",
                                  actuals={target.pk: 91.5})
    v = entry.verdicts.get(target=target)
    assert (v.verdict, v.source) == ("met", "entered")
    entry = services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="",
                                  actuals={target.pk: 89})
    assert entry.verdicts.get(target=target).verdict == "not_met"


def test_corrected_target_is_rechecked(world):
    _draft(world, "上半年开展职工培训120场，培训覆盖率85%。")
    target = world.entry_a.indicator.targets.get(unit="%")
    assert world.entry_a.verdicts.get(target=target).verdict == "not_met"
    services.target_correct(target=target, actor=world.reporter_a, submission=world.sub_a, comparator=">=",
                            value=80, unit="%", note="年中目标为80%")
    v = world.entry_a.verdicts.get(target=target)
    assert v.verdict == "met"
    assert "80" in v.reason
    with pytest.raises(ValidationError):
        services.target_correct(target=target, actor=world.reporter_a, submission=world.sub_a, comparator=">=",
                                value=80, unit="%", note=" ")


def test_score_is_share_of_weighted_targets_met(world):
    _draft(world, "上半年开展职工培训120场，培训覆盖率80%。")
    world.sub_a.refresh_from_db()
    assert world.sub_a.score == pytest.approx(0.5)


def test_full_flow_return_approve_publish_and_correct(world):
    _draft(world)
    with pytest.raises(PermissionDenied):
        services.submission_submit(submission=world.sub_a, actor=world.reporter_a)  # reporters only draft
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    assert world.sub_a.status == S.SUBMITTED
    with pytest.raises(PermissionDenied):
        services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="改动")
    with pytest.raises(ValidationError):
        services.submission_return(submission=world.sub_a, actor=world.reviewer, comment="")
    services.submission_return(submission=world.sub_a, actor=world.reviewer, comment="请补充覆盖率的口径")
    assert world.sub_a.status == S.RETURNED
    _draft(world, "上半年开展职工培训120场，培训覆盖率95%（按在岗职工计）。")
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    with pytest.raises(PermissionDenied):
        services.disclosure_publish(submission=world.sub_a, actor=world.reviewer)  # approve first
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    v1 = services.disclosure_publish(submission=world.sub_a, actor=world.reviewer)
    assert (v1.version, world.sub_a.status) == (1, S.PUBLISHED)
    assert "95%（按在岗职工计）" in v1.snapshot["rows"][0]["progress"]

    services.submission_reopen(submission=world.sub_a, actor=world.reviewer, reason="覆盖率数字有误")
    _draft(world, "上半年开展职工培训120场，培训覆盖率88%。")
    # The published version is untouched while the correction is drafted.
    v1.refresh_from_db()
    assert "95%" in v1.snapshot["rows"][0]["progress"]
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    v2 = services.disclosure_publish(submission=world.sub_a, actor=world.reviewer, note="更正覆盖率")
    assert v2.version == 2
    fields = {c["field"] for c in v2.changes}
    assert {"progress", "verdict"} <= fields
    assert Disclosure.objects.filter(unit=world.unit_a).count() == 2
    actions = list(AuditLog.objects.filter(unit=world.unit_a).values_list("action", flat=True))
    for action in ("submission.submit", "submission.return", "submission.approve", "submission.publish",
                   "submission.reopen", "disclosure.publish", "entry.update"):
        assert action in actions


def test_publishing_identical_content_again_is_refused(world):
    _draft(world)
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    services.disclosure_publish(submission=world.sub_a, actor=world.reviewer)
    services.submission_reopen(submission=world.sub_a, actor=world.reviewer, reason="复查")
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    with pytest.raises(ValidationError):
        services.disclosure_publish(submission=world.sub_a, actor=world.reviewer)


def test_override_keeps_both_verdicts_and_needs_a_reason(world):
    _draft(world, "上半年开展职工培训120场，培训覆盖率85%。")
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    v = world.entry_a.verdicts.get(verdict="not_met")
    with pytest.raises(PermissionDenied):
        services.verdict_override(verdict=v, actor=world.approver_a, new_verdict="met", reason="x")
    with pytest.raises(ValidationError):
        services.verdict_override(verdict=v, actor=world.reviewer, new_verdict="met", reason="")
    services.verdict_override(verdict=v, actor=world.reviewer, new_verdict="met", reason="口径为参训职工")
    v.refresh_from_db()
    assert (v.verdict, v.override_verdict, v.effective) == ("not_met", "met", "met")
    world.entry_a.refresh_from_db()
    assert world.entry_a.verdict == "met"
    log = AuditLog.objects.get(action="verdict.override")
    assert log.before == {"override": "", "reason": ""}
    assert log.after["override"] == "met" and log.actor == world.reviewer


def test_audit_records_before_and_after(world):
    _draft(world, "第一稿")
    _draft(world, "第二稿")
    log = AuditLog.objects.filter(action="entry.update", unit=world.unit_a).order_by("-id").first()
    assert log.before["narrative"] == "第一稿" and log.after["narrative"] == "第二稿"
    assert log.actor == world.reporter_a and log.private


def test_late_units_and_reminder_email(world):
    _draft(world)
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    late = services.units_late(office=world.office, period=world.period)
    assert [r["unit"] for r in late] == [world.unit_b]
    with pytest.raises(PermissionDenied):
        services.reminder_send(unit=world.unit_b, period=world.period, actor=world.outsider)
    services.reminder_send(unit=world.unit_b, period=world.period, actor=world.reviewer)
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"reporter_b@example.org", "approver_b@example.org"}
    assert "乙单位" in mail.outbox[0].body
    assert services.units_late(office=world.office, period=world.period)[0]["last_reminder"] is not None


def test_published_versions_cannot_be_edited_or_deleted(world):
    from jixiao.web.performance.models import PublishedImmutableError

    _draft(world)
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    d = services.disclosure_publish(submission=world.sub_a, actor=world.reviewer)
    d.title = "悄悄改过"
    with pytest.raises(PublishedImmutableError):
        d.save()
    with pytest.raises(PublishedImmutableError):
        d.delete()
    d.refresh_from_db()
    assert d.title != "悄悄改过"


def test_changed_excerpts_show_the_change_in_a_long_text():
    a = "甲" * 300 + "完成投资18350万元" + "乙" * 300
    b = "甲" * 300 + "完成投资18150万元" + "乙" * 300
    before, after = services._changed_excerpts(a, b)
    assert "18350" in before and "18150" in after
    assert len(after) < 80 and after.startswith("…") and after.endswith("…")
    assert services._changed_excerpts("abc", "abd") == ("abc", "abd")


def test_api_progress_with_entered_actuals(client, world):
    target = world.entry_a.indicator.targets.get(unit="%")
    client.force_login(world.reporter_a)
    version = client.get(f"/api/entries/{world.entry_a.pk}/").json()["version"]
    r = client.patch(f"/api/entries/{world.entry_a.pk}/",
                     {"narrative": "开展职工培训120场。", "actuals": {str(target.pk): 93}, "version": version},
                     content_type="application/json")
    assert r.status_code == 200
    assert r.json()["version"] == version + 1
    by_text = {v["target"]: v for v in r.json()["verdicts"]}
    assert by_text[target.text]["verdict"] == "met"
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"actuals": {"999999": 1}, "version": version + 1},
                     content_type="application/json")
    assert r.status_code == 404  # a well-formed id, but no target of this entry: not there to be written
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"actuals": {"x": 1}, "version": version + 1},
                     content_type="application/json")
    assert r.status_code == 400
