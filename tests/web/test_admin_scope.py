"""The admin of a scoped (non-superuser) staff user reaches only their scope (issue 9, "Trust").

Scope (``permissions.admin_unit_ids`` / ``admin_users``): the staff user's own units, the units under the offices
they review, and the people all of whose roles lie there. Every form offers only in-scope choices; every save and
delete checks the scope again, so a hand-crafted POST naming anything outside it is refused (a form error or 403)
and writes nothing. Nobody but a superuser makes anyone staff or superuser, grants a reviewer's role, manages an
office, a cycle or a group. A superuser still can do everything.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from jixiao.web.performance import admin as padmin
from jixiao.web.performance import permissions as perm
from jixiao.web.performance.models import AuditLog, Cycle, Goal, Indicator, Membership, Organization, Period

from .conftest import make_user

R = Membership.Role


def staff(user):
    """Staff with every permission of the performance app, and of auth's users and groups."""
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="performance")
                              | Permission.objects.filter(content_type__app_label="auth",
                                                          content_type__model__in=["user", "group"]))
    return user


@pytest.fixture
def scoped(world):
    """The reviewer of office 1 as staff; office 2 has a unit 丙单位 with a reporter."""
    world.unit_c = Organization.objects.create(name="丙单位", parent=world.other_office)
    world.reporter_c = make_user("reporter_c", world.unit_c, R.REPORTER)
    world.outsider_membership = Membership.objects.get(user=world.outsider)
    world.c_membership = Membership.objects.get(user=world.reporter_c)
    world.group = Group.objects.create(name="管理员组")
    staff(world.reviewer)
    return world


def options(html: str, name: str) -> set[int]:
    m = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert m, f"no select {name}"
    return {int(v) for v in re.findall(r'<option value="(\d+)"', m.group(1))}


def snapshot():
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.order_by("pk").values_list("pk", "username", "is_staff", "is_superuser",
                                                                  "is_active", "email", "password")
    return {
        "memberships": set(Membership.objects.values_list("user_id", "organization_id", "role")),
        "orgs": set(Organization.objects.values_list("pk", "name", "kind", "parent_id", "email")),
        "users": list(users),
        "groups": set(Group.objects.values_list("pk", "name")),
        "group_members": {u.pk: set(u.groups.values_list("pk", flat=True)) for u in get_user_model().objects.all()},
        "goals": set(Goal.objects.values_list("pk", "unit_id", "cycle_id", "name")),
        "indicators": set(Indicator.objects.values_list("pk", "goal_id", "text")),
        "cycles": set(Cycle.objects.values_list("pk", "office_id", "year")),
        "periods": set(Period.objects.values_list("pk", "cycle_id", "code")),
    }


# --- the forms offer only the scope ---------------------------------------------------------------------


def test_membership_add_form_lists_only_in_scope_users_and_units(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    html = client.get("/admin/performance/membership/add/").content.decode()
    assert options(html, "organization") == {w.unit_a.pk, w.unit_b.pk}
    # never themselves: their own roles are not theirs to grant
    assert options(html, "user") == {u.pk for u in (w.reporter_a, w.approver_a, w.reporter_b, w.approver_b)}
    assert 'value="reviewer"' not in html  # a reviewer's role is a superuser's to grant


def test_other_forms_list_only_in_scope_choices(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    html = client.get("/admin/performance/organization/add/").content.decode()
    assert options(html, "parent") == {w.office.pk}
    assert '<select name="kind"' not in html  # read-only: a scoped user makes units only
    html = client.get(f"/admin/performance/organization/{w.unit_a.pk}/change/").content.decode()
    assert options(html, "parent") == {w.office.pk}
    html = client.get("/admin/performance/goal/add/").content.decode()
    assert options(html, "unit") == {w.unit_a.pk, w.unit_b.pk}
    assert options(html, "cycle") == {w.period.cycle_id}
    html = client.get("/admin/performance/indicator/add/").content.decode()
    assert options(html, "goal") == set(Goal.objects.filter(unit__parent=w.office).values_list("pk", flat=True))
    html = client.get(f"/admin/performance/membership/{Membership.objects.get(user=w.reporter_a).pk}/change/")
    assert options(html.content.decode(), "organization") == {w.unit_a.pk, w.unit_b.pk}


def test_user_admin_lists_and_edits_only_in_scope_accounts_without_privilege_fields(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    html = client.get("/admin/auth/user/").content.decode()
    listed = set(map(int, re.findall(r"/admin/auth/user/(\d+)/change/", html)))
    assert listed == {w.reporter_a.pk, w.approver_a.pk, w.reporter_b.pk, w.approver_b.pk}
    html = client.get(f"/admin/auth/user/{w.reporter_a.pk}/change/").content.decode()
    for name in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{name}"' not in html, name
    assert client.get("/admin/auth/user/add/").status_code == 403
    for other in (w.outsider, w.reporter_c, w.admin, w.reviewer, w.nobody):
        assert client.get(f"/admin/auth/user/{other.pk}/change/").status_code == 302  # "does not exist"
        assert client.get(f"/admin/auth/user/{other.pk}/password/").status_code == 404


def test_a_user_with_a_role_elsewhere_is_out_of_scope(scoped):
    w = scoped
    Membership.objects.create(user=w.reporter_c, organization=w.unit_a, role=R.REPORTER)
    assert w.reporter_c not in perm.admin_users(w.reviewer)  # also reporter of 丙单位, office 2
    assert w.reporter_a in perm.admin_users(w.reviewer)
    assert set(perm.admin_users(w.outsider)) == {w.outsider}


# --- hand-crafted POSTs are refused and write nothing --------------------------------------------------


@pytest.mark.parametrize("case", ["reviewer_of_other_office", "reviewer_of_own_office", "unit_of_other_office",
                                  "user_of_other_office", "superuser_account", "reviewer_on_a_unit",
                                  "approver_role_for_oneself"])
def test_membership_add_outside_scope_is_refused(client, scoped, case):
    w = scoped
    user, org, role = {
        "reviewer_of_other_office": (w.reviewer, w.other_office, R.REVIEWER),
        "reviewer_of_own_office": (w.reporter_a, w.office, R.REVIEWER),
        "unit_of_other_office": (w.reviewer, w.unit_c, R.APPROVER),
        "user_of_other_office": (w.outsider, w.unit_a, R.REPORTER),
        "superuser_account": (w.admin, w.unit_a, R.REPORTER),
        "reviewer_on_a_unit": (w.reporter_a, w.unit_a, R.REVIEWER),
        # the reviewer would approve, as the office, the reports they submit as the unit
        "approver_role_for_oneself": (w.reviewer, w.unit_a, R.APPROVER),
    }[case]
    client.force_login(w.reviewer)
    before = snapshot()
    r = client.post("/admin/performance/membership/add/", {"user": user.pk, "organization": org.pk, "role": role})
    assert r.status_code in (200, 403)
    if r.status_code == 200:
        assert r.context["adminform"].form.errors, case
    assert snapshot() == before, case


def test_membership_add_within_scope_works_and_is_audited(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    r = client.post("/admin/performance/membership/add/",
                    {"user": w.reporter_b.pk, "organization": w.unit_a.pk, "role": R.REPORTER})
    assert r.status_code == 302
    m = Membership.objects.get(user=w.reporter_b, organization=w.unit_a)
    assert AuditLog.objects.filter(action="admin.add", object_type="Membership", object_id=str(m.pk)).exists()


def test_membership_change_and_delete_outside_scope_are_refused(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    mine = Membership.objects.get(user=w.reporter_a)
    before = snapshot()
    # moving an in-scope role out of the scope
    r = client.post(f"/admin/performance/membership/{mine.pk}/change/",
                    {"user": w.reporter_a.pk, "organization": w.unit_c.pk, "role": R.REPORTER})
    assert r.status_code == 200 and r.context["adminform"].form.errors
    r = client.post(f"/admin/performance/membership/{mine.pk}/change/",
                    {"user": w.reporter_a.pk, "organization": w.office.pk, "role": R.REVIEWER})
    assert r.status_code == 200 and r.context["adminform"].form.errors
    # another office's roles: not there to change or delete
    for m in (w.outsider_membership, w.c_membership, Membership.objects.get(user=w.reviewer)):
        r = client.post(f"/admin/performance/membership/{m.pk}/change/",
                        {"user": w.reviewer.pk, "organization": w.unit_a.pk, "role": R.REPORTER})
        assert r.status_code == 302
        client.post(f"/admin/performance/membership/{m.pk}/delete/", {"post": "yes"})
    r = client.post("/admin/performance/membership/", {
        "action": "delete_selected", "post": "yes",
        "_selected_action": [w.outsider_membership.pk, w.c_membership.pk]})
    assert snapshot() == before


def test_the_server_checks_the_scope_again_beyond_the_form(rf: RequestFactory, scoped):
    """A save that got past a form (or came another way) is refused by the admin itself."""
    from django.contrib import admin

    w = scoped
    request = rf.post("/")
    request.user = w.reviewer
    memberships = admin.site._registry[Membership]
    for bad in (Membership(user=w.reviewer, organization=w.other_office, role=R.REVIEWER),
                Membership(user=w.outsider, organization=w.unit_a, role=R.REPORTER),
                Membership(user=w.reporter_a, organization=w.unit_c, role=R.REPORTER),
                Membership(user=w.reporter_a, organization=w.unit_a, role=R.REVIEWER)):
        with pytest.raises(PermissionDenied):
            memberships.save_model(request, bad, None, False)
    orgs = admin.site._registry[Organization]
    with pytest.raises(PermissionDenied):
        orgs.save_model(request, Organization(name="新考核办", kind=Organization.Kind.OFFICE), None, False)
    with pytest.raises(PermissionDenied):
        orgs.save_model(request, Organization(name="新单位", parent=w.other_office), None, False)
    w.unit_a.parent = None
    with pytest.raises(PermissionDenied):
        orgs.save_model(request, w.unit_a, None, True)
    goals = admin.site._registry[Goal]
    with pytest.raises(PermissionDenied):
        goals.save_model(request, Goal(unit=w.unit_c, cycle=w.period.cycle, name="x"), None, False)
    with pytest.raises(PermissionDenied):  # a role for oneself, whatever the form offered
        memberships.save_model(request, Membership(user=w.reviewer, organization=w.unit_a, role=R.APPROVER), None,
                               False)
    with pytest.raises(PermissionDenied):
        memberships.delete_model(request, w.outsider_membership)
    with pytest.raises(PermissionDenied):
        memberships.delete_queryset(request, Membership.objects.filter(pk=w.c_membership.pk))
    assert Membership.objects.filter(pk__in=[w.outsider_membership.pk, w.c_membership.pk]).count() == 2
    assert not Organization.objects.filter(name__in=["新考核办", "新单位"]).exists()
    w.unit_a.refresh_from_db()
    assert w.unit_a.parent == w.office


def test_a_scoped_staff_user_cannot_make_anyone_staff_or_superuser(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    before = snapshot()
    for target in (w.reporter_a, w.reviewer, w.outsider):
        client.post(f"/admin/auth/user/{target.pk}/change/", {
            "username": target.username, "email": target.email, "is_active": "on", "is_staff": "on",
            "is_superuser": "on", "groups": [w.group.pk],
            "user_permissions": list(Permission.objects.values_list("pk", flat=True)[:5]),
        })
    after = snapshot()
    assert after == before
    for u in (w.reporter_a, w.reviewer, w.outsider):
        u.refresh_from_db()
    assert not w.reporter_a.is_superuser and not w.reporter_a.is_staff
    assert not w.reviewer.is_superuser and w.reviewer.user_permissions.filter(codename="change_user").exists()
    assert not w.reporter_a.groups.exists() and not w.reviewer.groups.exists()
    # what a scoped staff user may change of an in-scope account still changes
    r = client.post(f"/admin/auth/user/{w.reporter_a.pk}/change/", {
        "username": "reporter_a", "email": "new@example.org", "is_active": "on"})
    assert r.status_code == 302
    w.reporter_a.refresh_from_db()
    assert w.reporter_a.email == "new@example.org" and not w.reporter_a.is_staff


def test_user_admin_server_check_refuses_a_privilege_change(rf: RequestFactory, scoped):
    from django.contrib import admin
    from django.contrib.auth import get_user_model

    w = scoped
    request = rf.post("/")
    request.user = w.reviewer
    users = admin.site._registry[get_user_model()]
    w.reporter_a.is_superuser = True
    with pytest.raises(PermissionDenied):
        users.save_model(request, w.reporter_a, None, True)
    w.outsider.email = "taken@example.org"
    with pytest.raises(PermissionDenied):
        users.save_model(request, w.outsider, None, True)
    w.reporter_a.refresh_from_db()
    w.outsider.refresh_from_db()
    assert not w.reporter_a.is_superuser and w.outsider.email != "taken@example.org"


def test_organization_admin_posts_outside_scope_are_refused(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    before = snapshot()
    posts = [
        ("/admin/performance/organization/add/", {"name": "越权单位", "parent": w.other_office.pk, "email": ""}),
        ("/admin/performance/organization/add/", {"name": "越权单位", "parent": "", "email": ""}),
        ("/admin/performance/organization/add/", {"name": "越权单位", "parent": w.unit_a.pk, "email": ""}),
        (f"/admin/performance/organization/{w.unit_a.pk}/change/",
         {"name": "甲单位", "parent": w.other_office.pk, "email": ""}),
        (f"/admin/performance/organization/{w.unit_a.pk}/change/", {"name": "甲单位", "parent": "", "email": ""}),
    ]
    for url, data in posts:
        r = client.post(url, data)
        assert r.status_code in (200, 403), url
        if r.status_code == 200:
            assert r.context["adminform"].form.errors, (url, data)
    for org in (w.other_office, w.unit_c, w.office):
        r = client.post(f"/admin/performance/organization/{org.pk}/change/",
                        {"name": "改名", "kind": "unit", "parent": w.office.pk, "email": ""})
        assert r.status_code == 302
        client.post(f"/admin/performance/organization/{org.pk}/delete/", {"post": "yes"})
    assert snapshot() == before
    # a unit under the reviewer's own office may be added, and only as a unit
    r = client.post("/admin/performance/organization/add/",
                    {"name": "新增单位", "kind": "office", "parent": w.office.pk, "email": ""})
    assert r.status_code == 302
    new = Organization.objects.get(name="新增单位")
    assert (new.kind, new.parent) == (Organization.Kind.UNIT, w.office)


def test_goal_and_indicator_posts_outside_scope_are_refused(client, scoped):
    w = scoped
    other_cycle = Cycle.objects.create(office=w.other_office, year=2024)
    goal_c = Goal.objects.create(unit=w.unit_c, cycle=other_cycle, name="丙目标")
    client.force_login(w.reviewer)
    before = snapshot()
    for data in ({"unit": w.unit_c.pk, "cycle": other_cycle.pk, "name": "越权", "order": 0},
                 {"unit": w.unit_a.pk, "cycle": other_cycle.pk, "name": "越权", "order": 0}):
        r = client.post("/admin/performance/goal/add/", data)
        assert r.status_code == 200 and r.context["adminform"].form.errors
    r = client.post("/admin/performance/indicator/add/",
                    {"goal": goal_c.pk, "text": "越权指标100个。", "weight": "1", "order": 0})
    assert r.status_code == 200 and r.context["adminform"].form.errors
    goal_a = Goal.objects.get(unit=w.unit_a)
    r = client.post(f"/admin/performance/goal/{goal_a.pk}/change/",
                    {"unit": w.unit_c.pk, "cycle": other_cycle.pk, "name": goal_a.name, "order": 0})
    assert r.status_code == 200 and r.context["adminform"].form.errors
    assert snapshot() == before


def test_cycles_periods_and_groups_are_a_superusers(client, scoped):
    w = scoped
    client.force_login(w.reviewer)
    before = snapshot()
    assert client.post("/admin/performance/cycle/add/", {"office": w.other_office.pk, "year": 2030}).status_code == 403
    assert client.post("/admin/performance/period/add/",
                       {"cycle": w.period.cycle_id, "code": "一季度", "order": 0}).status_code == 403
    assert client.post("/admin/auth/group/add/", {"name": "新组"}).status_code == 403
    r = client.post(f"/admin/auth/group/{w.group.pk}/change/",
                    {"name": "管理员组", "permissions": list(Permission.objects.values_list("pk", flat=True))})
    assert r.status_code in (302, 403)
    assert not w.group.permissions.exists()
    assert snapshot() == before


def test_a_reporter_with_staff_status_stays_in_their_unit(client, scoped):
    w = scoped
    staff(w.reporter_a)
    client.force_login(w.reporter_a)
    html = client.get("/admin/performance/membership/add/").content.decode()
    assert options(html, "organization") == {w.unit_a.pk}
    assert client.get("/admin/performance/organization/add/").status_code == 403  # reviews no office
    before = snapshot()
    r = client.post(f"/admin/performance/organization/{w.unit_a.pk}/change/",
                    {"name": "甲单位", "parent": "", "email": ""})
    assert r.status_code in (200, 403)
    r = client.post("/admin/performance/membership/add/",
                    {"user": w.reporter_a.pk, "organization": w.unit_b.pk, "role": R.APPROVER})
    assert r.status_code == 200 and r.context["adminform"].form.errors
    # nor makes themselves their unit's approver: not by adding the role, not by changing their own (not listed)
    r = client.post("/admin/performance/membership/add/",
                    {"user": w.reporter_a.pk, "organization": w.unit_a.pk, "role": R.APPROVER})
    assert r.status_code == 200 and r.context["adminform"].form.errors
    own = Membership.objects.get(user=w.reporter_a)
    listed = client.get("/admin/performance/membership/").content.decode()
    assert f"/admin/performance/membership/{own.pk}/change/" not in listed
    r = client.post(f"/admin/performance/membership/{own.pk}/change/",
                    {"user": w.reporter_a.pk, "organization": w.unit_a.pk, "role": R.APPROVER})
    assert r.status_code == 302 and r["Location"] == "/admin/"  # "does not exist"
    assert snapshot() == before
    # its own unit's contact stays editable, under its office
    r = client.post(f"/admin/performance/organization/{w.unit_a.pk}/change/",
                    {"name": "甲单位", "parent": w.office.pk, "email": "a@example.org"})
    assert r.status_code == 302
    w.unit_a.refresh_from_db()
    assert w.unit_a.email == "a@example.org" and w.unit_a.parent == w.office


# --- a superuser still can do everything ---------------------------------------------------------------


def test_a_superuser_still_can_do_everything(client, scoped):
    w = scoped
    client.force_login(w.admin)
    html = client.get("/admin/performance/membership/add/").content.decode()
    assert {w.other_office.pk, w.unit_c.pk, w.office.pk} <= options(html, "organization")
    assert {w.outsider.pk, w.admin.pk, w.nobody.pk} <= options(html, "user")
    r = client.post("/admin/performance/membership/add/",
                    {"user": w.nobody.pk, "organization": w.other_office.pk, "role": R.REVIEWER})
    assert r.status_code == 302
    assert Membership.objects.filter(user=w.nobody, organization=w.other_office, role=R.REVIEWER).exists()
    r = client.post("/admin/performance/organization/add/",
                    {"name": "第三考核办", "kind": "office", "parent": "", "email": ""})
    assert r.status_code == 302 and Organization.objects.get(name="第三考核办").kind == Organization.Kind.OFFICE
    r = client.post(f"/admin/performance/organization/{w.unit_c.pk}/change/",
                    {"name": "丙单位", "kind": "unit", "parent": w.office.pk, "email": ""})
    assert r.status_code == 302
    w.unit_c.refresh_from_db()
    assert w.unit_c.parent == w.office
    assert client.post("/admin/performance/cycle/add/", {"office": w.other_office.pk, "year": 2030}).status_code == 302
    html = client.get(f"/admin/auth/user/{w.nobody.pk}/change/").content.decode()
    assert 'name="is_superuser"' in html
    joined = w.nobody.date_joined
    r = client.post(f"/admin/auth/user/{w.nobody.pk}/change/", {
        "username": "nobody", "email": "nobody@example.org", "is_active": "on", "is_staff": "on",
        "is_superuser": "on", "groups": [w.group.pk],
        "date_joined_0": joined.strftime("%Y-%m-%d"), "date_joined_1": joined.strftime("%H:%M:%S"),
    })
    assert r.status_code == 302, r.context["adminform"].form.errors if r.context else r
    w.nobody.refresh_from_db()
    assert w.nobody.is_superuser and w.nobody.is_staff and w.nobody.groups.filter(pk=w.group.pk).exists()
    assert client.post("/admin/auth/group/add/", {"name": "新组"}).status_code == 302
    r = client.post(f"/admin/performance/membership/{w.c_membership.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302 and not Membership.objects.filter(pk=w.c_membership.pk).exists()


def test_the_scope_helpers_are_the_admins(scoped):
    w = scoped
    assert perm.admin_unit_ids(w.reviewer) == {w.unit_a.pk, w.unit_b.pk}
    assert perm.admin_unit_ids(w.outsider) == {w.unit_c.pk}
    assert perm.admin_unit_ids(w.reporter_a) == {w.unit_a.pk}
    assert set(padmin.in_scope(w.reviewer, Organization)) == {w.unit_a, w.unit_b}
    assert not padmin.in_scope(w.reviewer, AuditLog).exists()  # anything unknown: nothing
