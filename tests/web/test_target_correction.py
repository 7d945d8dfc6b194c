"""A target correction belongs to the report it was made in (issue 9, item 4).

Targets belong to the indicator, which every period's report of the cycle shares. A correction made in one
period's draft used to rewrite every report on the indicator, approved and published ones included, and so reached
the public site without review. Now a correction is recorded per report (``TargetCorrection``): it applies to the
report it was made in and, when the user asks for it, to later periods' reports still being drafted; never to a
submitted, approved or published one, and a published version's snapshot never changes.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from jixiao.web.performance import permissions as perm
from jixiao.web.performance import services
from jixiao.web.performance.models import AuditLog, Disclosure, Submission, TargetCorrection

from .conftest import INDICATOR_A as INDICATOR

S = Submission.Status
# 85% against the indicator's "培训覆盖率90%以上": not met over the full year, not yet due within it; a correction
# of that target to 80% makes it met in any period.
NARRATIVE = "开展职工培训120场，培训覆盖率85%。"
NOTE = "年度目标调整为80%"


def _report(w, code: str, narrative: str = NARRATIVE) -> Submission:
    """Unit A's report for the period ``code`` of 2024 (the fixture's full-year draft for 全年), written into."""
    if code == "全年":
        sub = w.sub_a
    else:
        period = services.period_get_or_create(office=w.office, year=2024, code=code)
        sub = services.submission_start(unit=w.unit_a, period=period, actor=w.reporter_a)
    services.entry_update(entry=sub.entries.get(), actor=w.reporter_a, narrative=narrative)
    sub.refresh_from_db()
    return sub


def _approve(w, sub: Submission) -> Submission:
    services.submission_submit(submission=sub, actor=w.approver_a)
    services.submission_approve(submission=sub, actor=w.reviewer)
    return sub


def _publish(w, sub: Submission) -> Disclosure:
    _approve(w, sub)
    return services.disclosure_publish(submission=sub, actor=w.reviewer)


def _coverage(w):
    return w.entry_a.indicator.targets.get(unit="%")


def _correct(w, sub: Submission, actor=None, **extra):
    return services.target_correct(target=_coverage(w), actor=actor or w.reporter_a, submission=sub,
                                   comparator=">=", value=80, unit="%", note=NOTE, **extra)


def _state(sub: Submission) -> dict:
    """Everything stored about a report that a correction could touch: its verdicts (every column), its entries'
    combined verdicts and check times, its score and update time, and its published versions' snapshots as the
    database holds them (text)."""
    sub = Submission.objects.get(pk=sub.pk)
    entries = sub.entries.order_by("pk")
    with connection.cursor() as cur:
        cur.execute("SELECT id, CAST(snapshot AS TEXT), score FROM performance_disclosure "
                    "WHERE submission_id = %s ORDER BY id", [sub.pk])
        snapshots = cur.fetchall()
    return {
        "verdicts": [list(e.verdicts.order_by("pk").values()) for e in entries],
        "entries": list(entries.values("verdict", "checked_at", "checked_text", "version")),
        "score": sub.score, "status": sub.status, "updated_at": sub.updated_at,
        "snapshots": snapshots,
    }


def test_a_correction_in_one_draft_leaves_a_published_period_byte_identical(client, world):
    half = _report(world, "上半年")
    v1 = _publish(world, half)
    before = _state(half)
    assert before["snapshots"] and before["score"] == 0.5  # the 90% target is not yet met within the year
    year = _report(world, "全年")

    _correct(world, year)

    assert year.entries.get().verdicts.get(target=_coverage(world)).verdict == "met"  # where it was made
    assert _state(half) == before
    assert Disclosure.objects.filter(submission=half).count() == 1
    page = client.get(reverse("disclosure", args=[world.unit_a.pk, 2024, "h1"])).content.decode()
    assert "不低于90%" in page and NOTE not in page and "目标已更正" not in page
    assert v1.snapshot["rows"][0]["targets"][1]["value"] == 90


def test_a_correction_leaves_an_approved_period_alone_and_its_publication_shows_the_old_figure(client, world):
    half = _approve(world, _report(world, "上半年"))
    before = _state(half)
    year = _report(world, "全年")

    _correct(world, year)

    assert _state(half) == before
    d = services.disclosure_publish(submission=half, actor=world.reviewer)
    target = d.snapshot["rows"][0]["targets"][1]
    assert (target["value"], target["corrected"], target["correction_note"]) == (90, False, "")
    assert target["verdict"] == "unverified" and d.score == 0.5
    page = client.get(reverse("disclosure", args=[world.unit_a.pk, 2024, "h1"])).content.decode()
    assert "不低于90%" in page and NOTE not in page and "目标已更正" not in page


def _verdict(sub: Submission, w) -> str:
    return sub.entries.get().verdicts.get(target=_coverage(w)).verdict


def test_with_later_periods_later_drafts_are_corrected_and_earlier_or_published_reports_are_not(world):
    q1 = _report(world, "一季度")  # earlier draft
    q2 = _report(world, "二季度")  # the correction is made here
    h1 = _report(world, "上半年")
    _publish(world, h1)  # later, published
    q3 = _approve(world, _report(world, "三季度"))  # later, approved
    q1_q3 = _report(world, "前三季度")  # later, draft
    year = _report(world, "全年")
    _publish(world, year)
    services.submission_reopen(submission=year, actor=world.reviewer, reason="复查覆盖率口径")  # later, reopened
    untouched = {s.pk: _state(s) for s in (q1, h1, q3)}
    year_snapshots = _state(year)["snapshots"]
    assert {_verdict(s, world) for s in (q1, q2, h1, q3, q1_q3)} == {"unverified"}
    assert _verdict(year, world) == "not_met"

    done = services.target_correct(target=_coverage(world), actor=world.reporter_a, submission=q2, comparator=">=",
                                   value=80, unit="%", note=NOTE, later_periods=True)

    assert [s.pk for s in done.applied] == [q2.pk, q1_q3.pk, year.pk]
    assert [s.pk for s in done.not_applied] == [h1.pk, q3.pk]
    for sub in (q2, q1_q3, year):
        v = sub.entries.get().verdicts.get(target=_coverage(world))
        assert v.verdict == "met" and "80" in v.reason, sub
        c = sub.target_corrections.get()
        assert (c.value, c.note, c.origin_id, c.later_periods, c.by) == (80, NOTE, q2.pk, True, world.reporter_a)
        assert Submission.objects.get(pk=sub.pk).score == 1.0
    for sub in (q1, h1, q3):
        assert _state(sub) == untouched[sub.pk], sub
        assert not sub.target_corrections.exists()
    # the reopened report is corrected, its published version is not; publishing it again after review shows it
    assert _state(year)["snapshots"] == year_snapshots
    v2 = _publish(world, year)
    assert v2.version == 2 and v2.snapshot["rows"][0]["targets"][1]["corrected"] is True
    assert [c["field"] for c in v2.changes] == ["verdict"]
    assert _state(year)["snapshots"][0] == year_snapshots[0]


def test_without_later_periods_only_the_report_itself_is_corrected(world):
    half = _report(world, "上半年")
    later = _report(world, "前三季度")
    before = _state(later)

    done = _correct(world, half)

    assert [s.pk for s in done.applied] == [half.pk] and done.not_applied == []
    assert _verdict(half, world) == "met"
    assert _state(later) == before and not later.target_corrections.exists()


def test_an_entered_actual_is_judged_by_the_reports_own_target(world):
    half = _report(world, "上半年", narrative="")
    year = _report(world, "全年", narrative="")
    _correct(world, year)
    coverage = _coverage(world)
    for sub in (half, year):
        services.entry_update(entry=sub.entries.get(), actor=world.reporter_a, narrative="", actuals={coverage.pk: 85})
    assert _verdict(year, world) == "met"  # 85 ≥ the corrected 80
    assert _verdict(half, world) == "not_met"  # 85 < the 90 the core read: the other period is not corrected


def test_a_later_report_started_afterwards_takes_a_correction_made_for_later_periods(world):
    half = _report(world, "上半年")
    services.target_correct(target=_coverage(world), actor=world.reporter_a, submission=half, comparator=">=",
                            value=80, unit="%", note=NOTE, later_periods=True)
    later = _report(world, "前三季度")
    earlier = _report(world, "一季度")

    c = later.target_corrections.get()
    assert (c.value, c.note, c.origin_id, c.later_periods) == (80, NOTE, half.pk, True)
    assert _verdict(later, world) == "met"
    assert not earlier.target_corrections.exists() and _verdict(earlier, world) == "unverified"
    log = AuditLog.objects.get(action="target.correct_inherit")
    assert (log.after["submission"], log.after["from_submission"], log.private) == (later.pk, half.pk, True)


def test_a_later_report_started_afterwards_does_not_take_a_correction_for_its_own_period(world):
    half = _report(world, "上半年")
    _correct(world, half)
    later = _report(world, "前三季度")
    assert not later.target_corrections.exists() and _verdict(later, world) == "unverified"


def test_a_correction_survives_a_re_extraction_of_the_unchanged_indicator(world):
    half = _report(world, "上半年")
    year = _report(world, "全年")
    _correct(world, year)
    services.indicator_update(indicator=world.entry_a.indicator, actor=world.admin, weight=3)
    assert year.target_corrections.get().target == _coverage(world)
    assert _verdict(year, world) == "met" and _verdict(half, world) == "unverified"


# --- audit ---------------------------------------------------------------------------------------------


def test_one_audit_record_per_correction_names_the_report_and_the_periods_it_applied_to(world):
    q2 = _report(world, "二季度")
    h1 = _approve(world, _report(world, "上半年"))
    q1_q3 = _report(world, "前三季度")

    done = services.target_correct(target=_coverage(world), actor=world.reporter_a, submission=q2, comparator=">=",
                                   value=80, unit="%", note=NOTE, later_periods=True)

    log = AuditLog.objects.get(action="target.correct")
    assert (log.object_type, log.object_id, log.unit, log.actor) == (
        "TargetCorrection", str(done.correction.pk), world.unit_a, world.reporter_a)
    assert log.before == {"comparator": ">=", "value": 90, "unit": "%", "corrected": False, "note": ""}
    after = log.after
    assert (after["submission"], after["period"], after["target"]) == (q2.pk, "2024年二季度", _coverage(world).pk)
    assert (after["comparator"], after["value"], after["unit"], after["note"], after["later_periods"]) == (
        ">=", 80, "%", NOTE, True)
    assert after["applied_to"] == [{"submission": q2.pk, "period": "2024年二季度", "status": "draft"},
                                   {"submission": q1_q3.pk, "period": "2024年前三季度", "status": "draft"},
                                   {"submission": world.sub_a.pk, "period": "2024年全年", "status": "draft"}]
    assert after["not_applied"] == [{"submission": h1.pk, "period": "2024年上半年", "status": "approved"}]
    # the unit's own drafting: its people see it, the office does not
    assert log.private
    assert perm.audit_visible(world.reporter_a).filter(pk=log.pk).exists()
    assert not perm.audit_visible(world.reviewer).filter(pk=log.pk).exists()

    # a second correction of the same target in the same report: a second record, before = the first correction
    services.target_correct(target=_coverage(world), actor=world.approver_a, submission=q2, comparator=">=",
                            value=85, unit="%", note="再次调整")
    second = AuditLog.objects.filter(action="target.correct").order_by("-id").first()
    assert second.before == {"comparator": ">=", "value": 80, "unit": "%", "corrected": True, "note": NOTE}
    assert [a["submission"] for a in second.after["applied_to"]] == [q2.pk]
    assert q2.target_corrections.get().value == 85
    assert q1_q3.target_corrections.get().value == 80  # the later report keeps what it was given


def test_the_office_corrects_a_submitted_report_only_and_sees_it_in_the_audit_log(world):
    year = _report(world, "全年")
    services.submission_submit(submission=year, actor=world.approver_a)
    half = _report(world, "上半年")
    before = _state(half)

    done = _correct(world, year, actor=world.reviewer)

    assert [s.pk for s in done.applied] == [year.pk] and _verdict(year, world) == "met"
    assert _state(half) == before
    log = AuditLog.objects.get(action="target.correct")
    assert not log.private and perm.audit_visible(world.reviewer).filter(pk=log.pk).exists()
    with pytest.raises(ValidationError):  # the office does not draft the unit's later reports
        _correct(world, year, actor=world.reviewer, later_periods=True)


# --- refused -------------------------------------------------------------------------------------------


def _nothing_written(world, states: dict) -> None:
    assert not TargetCorrection.objects.exists()
    assert not AuditLog.objects.filter(action__startswith="target.").exists()
    for pk, state in states.items():
        assert _state(Submission.objects.get(pk=pk)) == state


@pytest.mark.parametrize("who", ["reporter_a", "approver_a", "reviewer", "admin"])
@pytest.mark.parametrize("status", ["approved", "published"])
def test_no_correction_of_an_approved_or_published_report(world, who, status):
    year = _report(world, "全年")
    _publish(world, year) if status == "published" else _approve(world, year)
    states = {year.pk: _state(year)}
    assert not perm.can_correct_targets(getattr(world, who), year)
    with pytest.raises(PermissionDenied):
        _correct(world, year, actor=getattr(world, who))
    with pytest.raises(PermissionDenied):
        _correct(world, year, actor=getattr(world, who), later_periods=True)
    _nothing_written(world, states)


def test_no_correction_of_a_submitted_report_by_the_unit(world):
    year = _report(world, "全年")
    services.submission_submit(submission=year, actor=world.approver_a)
    states = {year.pk: _state(year)}
    for who in (world.reporter_a, world.approver_a):
        with pytest.raises(PermissionDenied):
            _correct(world, year, actor=who)
    _nothing_written(world, states)


@pytest.mark.parametrize("who", ["reporter_b", "approver_b", "outsider", "nobody", "reviewer"])
def test_no_correction_of_another_units_draft(world, who):
    states = {world.sub_a.pk: _state(world.sub_a)}
    with pytest.raises(PermissionDenied):
        _correct(world, world.sub_a, actor=getattr(world, who))
    _nothing_written(world, states)


def test_no_correction_of_a_target_through_another_units_report(world):
    """A unit's target corrected "in" another unit's report, or in its own report for another unit's target."""
    target_b = world.entry_b.indicator.targets.first()
    states = {world.sub_a.pk: _state(world.sub_a), world.sub_b.pk: _state(world.sub_b)}
    for actor, sub in ((world.reporter_a, world.sub_a), (world.reporter_b, world.sub_a), (world.admin, world.sub_a)):
        with pytest.raises(PermissionDenied):
            services.target_correct(target=target_b, actor=actor, submission=sub, comparator=">=", value=1,
                                    unit="家", note=NOTE)
    _nothing_written(world, states)


# --- pages ---------------------------------------------------------------------------------------------


def test_the_correction_page_names_its_period_and_offers_later_periods(client, world):
    half = _report(world, "上半年")
    later = _report(world, "前三季度")
    client.force_login(world.reporter_a)
    url = reverse("target-correct", args=[half.pk, _coverage(world).pk])
    page = client.get(url).content.decode()
    assert "此更正用于甲单位2024年上半年的报告（草稿）" in page
    assert 'name="later_periods"' in page and "同时用于本年度以后各期尚在填报中的报告" in page
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This correction is for the report of 甲单位 for 2024 First half (Draft). Published versions" in english
    assert "Also apply to this year&#x27;s later periods&#x27; reports still being drafted" in english

    r = client.post(url, {"comparator": ">=", "value": "80", "unit": "%", "note": NOTE, "later_periods": "on"},
                    follow=True)
    body = r.content.decode()
    assert r.status_code == 200
    assert ("目标已更正，核验结果已更新（适用于：2024年上半年（草稿）、2024年前三季度（草稿）、"
            "2024年全年（草稿））") in body
    assert "本期目标已更正为 &gt;= 80%：" + NOTE in body
    assert _verdict(later, world) == "met" and world.sub_a.target_corrections.get().value == 80
    log = AuditLog.objects.get(action="target.correct")
    assert [a["submission"] for a in log.after["applied_to"]] == [half.pk, later.pk, world.sub_a.pk]


def test_the_page_without_later_periods_corrects_only_its_report_and_says_what_it_left(client, world):
    half = _report(world, "上半年")
    year = _approve(world, _report(world, "全年"))
    before = _state(year)
    client.force_login(world.reporter_a)
    url = reverse("target-correct", args=[half.pk, _coverage(world).pk])
    client.post(url, {"comparator": ">=", "value": "80", "unit": "%", "note": NOTE})
    assert _state(year) == before and _verdict(half, world) == "met"
    client.post(url, {"comparator": ">=", "value": "80", "unit": "%", "note": NOTE, "later_periods": "on"})
    body = client.get(reverse("submission-detail", args=[half.pk])).content.decode()
    assert "以下报告已提交、已审核或已公示，未作更改：2024年全年（已审核）" in body
    assert _state(year) == before
    other = client.get(reverse("submission-detail", args=[year.pk])).content.decode()
    assert "本期目标已更正为" not in other and "更正目标" not in other


def test_the_office_is_not_offered_later_periods(client, world):
    year = _report(world, "全年")
    services.submission_submit(submission=year, actor=world.approver_a)
    client.force_login(world.reviewer)
    page = client.get(reverse("target-correct", args=[year.pk, _coverage(world).pk])).content.decode()
    assert "此更正用于甲单位2024年全年的报告（已提交）" in page and 'name="later_periods"' not in page


@pytest.mark.parametrize("status", ["approved", "published"])
def test_the_page_refuses_an_approved_or_published_report(client, world, status):
    year = _report(world, "全年")
    _publish(world, year) if status == "published" else _approve(world, year)
    url = reverse("target-correct", args=[year.pk, _coverage(world).pk])
    for who, code in (("reporter_a", 403), ("reviewer", 403), ("reporter_b", 404)):
        client.force_login(getattr(world, who))
        assert client.get(url).status_code == code
        assert client.post(url, {"comparator": ">=", "value": "80", "unit": "%", "note": NOTE}).status_code == code
    assert not TargetCorrection.objects.exists()


def test_the_page_refuses_a_target_of_another_units_indicator(client, world):
    client.force_login(world.reporter_a)
    target_b = world.entry_b.indicator.targets.first()
    url = reverse("target-correct", args=[world.sub_a.pk, target_b.pk])
    assert client.post(url, {"comparator": ">=", "value": "1", "unit": "", "note": NOTE}).status_code == 404
    assert not TargetCorrection.objects.exists()


# --- API -----------------------------------------------------------------------------------------------


def _api(client, sub: Submission, **body):
    return client.post(reverse("api-submission-corrections", args=[sub.pk]), body, content_type="application/json")


def test_the_api_corrects_one_report_or_later_periods_too(client, world):
    half = _report(world, "上半年")
    later = _report(world, "前三季度")
    year = _publish(world, _report(world, "全年")).submission
    before = _state(year)
    client.force_login(world.reporter_a)
    entry = client.get(reverse("api-entry-detail", args=[half.entries.get().pk])).json()
    target_id = next(v["target_id"] for v in entry["verdicts"] if "覆盖率" in v["target"])

    r = _api(client, half, target=target_id, comparator=">=", value=80, unit="%", note=NOTE)
    assert r.status_code == 200, r.content
    assert [a["submission"] for a in r.json()["applied_to"]] == [half.pk] and r.json()["later_periods"] is False
    assert _verdict(later, world) == "unverified"

    r = _api(client, half, target=target_id, comparator=">=", value=80, unit="%", note=NOTE, later_periods=True)
    data = r.json()
    assert [a["submission"] for a in data["applied_to"]] == [half.pk, later.pk]
    assert data["not_applied"] == [{"submission": year.pk, "year": 2024, "period": "全年", "status": "published"}]
    assert _verdict(later, world) == "met" and _state(year) == before
    assert AuditLog.objects.filter(action="target.correct").count() == 2


def test_the_api_refuses_what_the_service_refuses(client, world):
    year = _approve(world, _report(world, "全年"))
    half = _report(world, "上半年")
    target = _coverage(world)
    body = {"target": target.pk, "comparator": ">=", "value": 80, "unit": "%", "note": NOTE}
    states = {year.pk: _state(year), half.pk: _state(half)}

    client.force_login(world.reporter_a)
    r = _api(client, year, **body)
    assert r.status_code == 409 and r.json()["status"] == "approved"  # no longer being drafted
    assert _api(client, half, **{**body, "note": ""}).status_code == 400
    assert _api(client, half, **{**body, "comparator": "≈"}).status_code == 400
    other = world.entry_b.indicator.targets.first().pk  # not a target of this report: not there to correct
    assert _api(client, half, **{**body, "target": other}).status_code == 404
    client.force_login(world.reviewer)
    assert _api(client, year, **body).status_code == 409  # approved: the office's review is over
    assert _api(client, half, **body).status_code == 404  # a draft: not the office's to see
    for who in ("reporter_b", "outsider"):
        client.force_login(getattr(world, who))
        assert _api(client, year, **body).status_code == 404
    client.logout()
    assert _api(client, half, **body).status_code in (401, 403)
    _nothing_written(world, states)


# --- migration -----------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_every_report_on_the_indicator_the_correction_it_was_judged_by():
    before = [("performance", "0002_progressentry_version")]
    after = [("performance", "0003_target_corrections_per_report")]
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        Org = old.get_model("performance", "Organization")
        office = Org.objects.create(name="迁移考核办", kind="office")
        unit = Org.objects.create(name="迁移单位", kind="unit", parent=office)
        cycle = old.get_model("performance", "Cycle").objects.create(office=office, year=2024)
        Period = old.get_model("performance", "Period")
        periods = [Period.objects.create(cycle=cycle, code=c, order=i) for i, c in ((2, "上半年"), (5, "全年"))]
        goal = old.get_model("performance", "Goal").objects.create(unit=unit, cycle=cycle, name="职工培训")
        indicator = old.get_model("performance", "Indicator").objects.create(goal=goal, text=INDICATOR)
        Target = old.get_model("performance", "Target")
        corrected = Target.objects.create(
            indicator=indicator, position=1, text="覆盖率90%以上", span_start=0, span_end=1, kind="level",
            comparator=">=", value=90, unit="%", corrected=True, corrected_comparator=">=", corrected_value=80,
            corrected_unit="%", correction_note=NOTE)
        Target.objects.create(indicator=indicator, position=0, text="100场", span_start=0, span_end=1,
                              kind="level", comparator=">=", value=100, unit="场")
        Sub = old.get_model("performance", "Submission")
        subs = [Sub.objects.create(unit=unit, period=p, status=s)
                for p, s in zip(periods, ["published", "draft"], strict=True)]
        for s in subs:
            old.get_model("performance", "ProgressEntry").objects.create(submission=s, indicator=indicator)
        log = old.get_model("performance", "AuditLog").objects.create(
            action="target.correct", object_type="Target", object_id=str(corrected.pk), unit=unit)

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps
        rows = list(new.get_model("performance", "TargetCorrection").objects.order_by("submission_id").values(
            "target_id", "submission_id", "comparator", "value", "unit", "note", "later_periods", "at"))
        assert rows == [{"target_id": corrected.pk, "submission_id": s.pk, "comparator": ">=", "value": 80,
                         "unit": "%", "note": NOTE, "later_periods": True, "at": log.at} for s in subs]

        executor = MigrationExecutor(connection)
        executor.migrate(before)  # and back: the target carries its correction again
        back = executor.loader.project_state(before).apps.get_model("performance", "Target").objects.get(
            pk=corrected.pk)
        assert (back.corrected, back.corrected_value, back.correction_note) == (True, 80, NOTE)
    finally:
        MigrationExecutor(connection).migrate(leaves)
