"""Every role against every page, endpoint and admin view that holds non-public data.

Objects of another unit answer 404 (their existence is not revealed); an allowed view of a forbidden
action answers 403; anonymous users are sent to the login page (pages) or refused (API).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from jixiao.web.performance import services
from jixiao.web.performance.models import AuditLog, Submission

from .conftest import SECRET_B

ROLES = ["anon", "nobody", "reporter_a", "approver_a", "reviewer", "reporter_b", "outsider", "admin"]


def client_for(client, world, role):
    if role != "anon":
        client.force_login(getattr(world, role))
    return client


def _submit_a(world):
    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="开展职工培训120场，培训覆盖率95%。")
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)


# --- pages ------------------------------------------------------------------------------------------

DRAFT_VIEW = {"anon": 302, "nobody": 404, "reporter_a": 200, "approver_a": 200, "reviewer": 404,
              "reporter_b": 404, "outsider": 404, "admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_draft_pages(client, world, role):
    c = client_for(client, world, role)
    for url in (reverse("submission-detail", args=[world.sub_a.pk]), reverse("entry-edit", args=[world.entry_a.pk])):
        r = c.get(url)
        assert r.status_code == DRAFT_VIEW[role], (url, role)
        if r.status_code == 200:
            assert "培训" in r.content.decode()


SUBMITTED_VIEW = {"anon": 302, "nobody": 404, "reporter_a": 200, "approver_a": 200, "reviewer": 200,
                  "reporter_b": 404, "outsider": 404, "admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_submitted_report_page(client, world, role):
    _submit_a(world)
    r = client_for(client, world, role).get(reverse("submission-detail", args=[world.sub_a.pk]))
    assert r.status_code == SUBMITTED_VIEW[role]


@pytest.mark.parametrize("role", ROLES)
def test_editing_another_units_draft_is_impossible(client, world, role):
    c = client_for(client, world, role)
    r = c.post(reverse("entry-edit", args=[world.entry_b.pk]), {"narrative": "篡改", "version": world.entry_b.version})
    world.entry_b.refresh_from_db()
    if role in ("reporter_b", "admin"):
        assert r.status_code == 302 and world.entry_b.narrative == "篡改"
    else:
        assert r.status_code in (302, 404) and world.entry_b.narrative == SECRET_B
        if role != "anon":
            assert r.status_code == 404


ACTION_RESULT = {
    # action: {role: (status code, new status or None for unchanged)}
    "submit": {"reporter_a": 403, "approver_a": 302, "reviewer": 404, "reporter_b": 404, "outsider": 404,
               "nobody": 404, "anon": 302, "admin": 302},
}


@pytest.mark.parametrize("role", ROLES)
def test_submit_action(client, world, role):
    r = client_for(client, world, role).post(reverse("submission-action", args=[world.sub_a.pk, "submit"]))
    world.sub_a.refresh_from_db()
    assert r.status_code == ACTION_RESULT["submit"][role]
    expected = Submission.Status.SUBMITTED if role in ("approver_a", "admin") else Submission.Status.DRAFT
    assert world.sub_a.status == expected


REVIEW = {"anon": 302, "nobody": 404, "reporter_a": 403, "approver_a": 403, "reviewer": 302,
          "reporter_b": 404, "outsider": 404, "admin": 302}


@pytest.mark.parametrize("action", ["approve", "return"])
@pytest.mark.parametrize("role", ROLES)
def test_review_actions(client, world, role, action):
    _submit_a(world)
    r = client_for(client, world, role).post(reverse("submission-action", args=[world.sub_a.pk, action]),
                                             {"comment": "意见"})
    world.sub_a.refresh_from_db()
    assert r.status_code == REVIEW[role]
    changed = world.sub_a.status != Submission.Status.SUBMITTED
    assert changed == (REVIEW[role] == 302 and role != "anon")


@pytest.mark.parametrize("role", ROLES)
def test_publish_and_override(client, world, role):
    _submit_a(world)
    verdict = world.entry_a.verdicts.first()
    c = client_for(client, world, role)
    r = c.post(reverse("verdict-override", args=[verdict.pk]), {"verdict": "not_met", "reason": "抽查不符"})
    verdict.refresh_from_db()
    assert r.status_code == REVIEW[role]
    assert (verdict.override_verdict == "not_met") == (role in ("reviewer", "admin"))
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    r = c.post(reverse("submission-action", args=[world.sub_a.pk, "publish"]))
    assert r.status_code == REVIEW[role]
    assert world.sub_a.disclosures.exists() == (role in ("reviewer", "admin"))


@pytest.mark.parametrize("role", ROLES)
def test_target_correction_page(client, world, role):
    target = world.entry_a.indicator.targets.first()
    r = client_for(client, world, role).get(reverse("target-correct", args=[world.sub_a.pk, target.pk]))
    assert r.status_code == DRAFT_VIEW[role]


OFFICE_ONLY = {"anon": 302, "nobody": 404, "reporter_a": 404, "approver_a": 404, "reviewer": 200,
               "reporter_b": 404, "outsider": 404, "admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_late_units_and_reminders(client, world, role):
    c = client_for(client, world, role)
    url = reverse("late-units", args=[world.period.pk])
    assert c.get(url).status_code == OFFICE_ONLY[role]
    r = c.post(url, {"unit": world.unit_b.pk})
    assert r.status_code == (302 if OFFICE_ONLY[role] == 200 else OFFICE_ONLY[role])
    assert world.unit_b.reminders.exists() == (OFFICE_ONLY[role] == 200)


@pytest.mark.parametrize("role", ROLES)
def test_import_page(client, world, role):
    r = client_for(client, world, role).get(reverse("import-upload"))
    expected = {"anon": 302, "reviewer": 200, "outsider": 200, "admin": 200}.get(role, 403)
    assert r.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_work_home_lists_only_visible_reports(client, world, role):
    r = client_for(client, world, role).get(reverse("work-home"))
    if role == "anon":
        assert r.status_code == 302
        return
    if role == "nobody":
        assert r.status_code == 403
        return
    html = r.content.decode()
    assert (reverse("submission-detail", args=[world.sub_b.pk]) in html) == (role in ("reporter_b", "admin"))


@pytest.mark.parametrize("role", ROLES)
def test_audit_log_page_hides_other_units_drafts(client, world, role):
    services.audit_record(actor=world.reviewer, action="test.office", obj=world.sub_a, unit=world.unit_a)
    r = client_for(client, world, role).get(reverse("audit-log"))
    if role == "anon":
        assert r.status_code == 302
        return
    if role == "nobody":
        assert r.status_code == 403
        return
    html = r.content.decode()
    assert (SECRET_B in html) == (role in ("reporter_b", "admin")), role
    assert ("test.office" in html) == (role in ("reporter_a", "approver_a", "reviewer", "admin")), role


# --- public pages -----------------------------------------------------------------------------------


def test_public_sees_only_published(client, world):
    assert SECRET_B not in client.get(reverse("home")).content.decode()
    assert client.get(reverse("disclosure", args=[world.unit_b.pk, 2024, "h1"])).status_code == 404
    assert client.get(reverse("unit-compare", args=[world.unit_b.pk])).status_code == 404


# --- API --------------------------------------------------------------------------------------------

API_LIST = {"reporter_a": {"a"}, "approver_a": {"a"}, "reviewer": set(), "reporter_b": {"b"},
            "outsider": set(), "nobody": set(), "admin": {"a", "b"}}


@pytest.mark.parametrize("role", ROLES)
def test_api_submissions(client, world, role):
    c = client_for(client, world, role)
    r = c.get("/api/submissions/")
    if role == "anon":
        assert r.status_code in (401, 403)
        assert c.get(f"/api/entries/{world.entry_b.pk}/").status_code in (401, 403)
        return
    ids = {s["id"] for s in r.json()["results"]}
    names = {"a": world.sub_a.pk, "b": world.sub_b.pk}
    assert ids == {names[k] for k in API_LIST[role]}
    assert (SECRET_B in r.content.decode()) == ("b" in API_LIST[role])
    r = c.get(f"/api/submissions/{world.sub_b.pk}/")
    assert r.status_code == (200 if "b" in API_LIST[role] else 404)
    r = c.patch(f"/api/entries/{world.entry_b.pk}/", {"narrative": "经由API修改", "version": world.entry_b.version},
                content_type="application/json")
    world.entry_b.refresh_from_db()
    if role in ("reporter_b", "admin"):
        assert r.status_code == 200 and world.entry_b.narrative == "经由API修改"
        assert r.json()["verdicts"], "the response carries the recomputed verdicts"
    else:
        assert r.status_code == 404 and world.entry_b.narrative == SECRET_B


@pytest.mark.parametrize("role", ROLES)
def test_api_submit(client, world, role):
    r = client_for(client, world, role).post(f"/api/submissions/{world.sub_a.pk}/submit/")
    world.sub_a.refresh_from_db()
    expected = {"anon": 403, "reporter_a": 403, "approver_a": 200, "admin": 200}.get(role, 404)
    if role == "anon":
        assert r.status_code in (401, 403)
    else:
        assert r.status_code == expected
    assert (world.sub_a.status == Submission.Status.SUBMITTED) == (expected == 200)


def test_public_api_never_shows_drafts(client, world):
    for url in ("/api/units/", "/api/cycles/", "/api/disclosures/", "/api/disclosures/?all_versions=1"):
        r = client.get(url)
        assert r.status_code == 200
        assert SECRET_B not in r.content.decode()
    assert client.get("/api/disclosures/1/").status_code == 404


# --- admin ------------------------------------------------------------------------------------------


def _staff(user):
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="performance"))
    return user


@pytest.mark.parametrize("role", ["reporter_a", "reviewer", "reporter_b", "admin"])
def test_admin_is_scoped_per_object(client, world, role):
    user = getattr(world, role)
    if role != "admin":
        _staff(user)
    client.force_login(user)
    visible_b = role in ("reporter_b", "admin")
    r = client.get("/admin/performance/submission/")
    assert r.status_code == 200
    assert (f"/admin/performance/submission/{world.sub_b.pk}/change/" in r.content.decode()) == visible_b
    r = client.get(f"/admin/performance/progressentry/{world.entry_b.pk}/change/")
    assert (r.status_code == 200) == visible_b
    if visible_b:
        assert SECRET_B in r.content.decode()
    r = client.get("/admin/performance/auditlog/")
    assert r.status_code == 200
    private_b = AuditLog.objects.get(action="entry.update", unit=world.unit_b)
    assert (f"/admin/performance/auditlog/{private_b.pk}/change/" in r.content.decode()) == visible_b


def test_admin_cannot_edit_published_disclosures(client, world):
    _submit_a(world)
    services.submission_approve(submission=world.sub_a, actor=world.reviewer)
    d = services.disclosure_publish(submission=world.sub_a, actor=world.reviewer)
    client.force_login(world.admin)
    url = f"/admin/performance/disclosure/{d.pk}/change/"
    assert client.get(url).status_code == 200  # viewable
    client.post(url, {"title": "改过的标题", "version": 9})
    d.refresh_from_db()
    assert d.title != "改过的标题" and d.version == 1
    assert client.post(f"/admin/performance/disclosure/{d.pk}/delete/", {"post": "yes"}).status_code == 403
