"""Fixtures: an appraisal office with two units, one user per role, and drafts in both units."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from jixiao.web.performance import services
from jixiao.web.performance.models import Goal, Indicator, Membership, Organization

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "examples"
EXAMPLE = EXAMPLES / "hangzhou-ftu-2016-full-year.txt"

INDICATOR_A = "全年开展职工培训100场，培训覆盖率90%以上。"
INDICATOR_B = "新建职工书屋20家。"
SECRET_B = "乙单位尚未提交的草稿内容"


def make_user(username: str, org: Organization | None = None, role: str | None = None, **extra: object):
    user = get_user_model().objects.create_user(username=username, password="pw-for-tests-1",
                                                email=f"{username}@example.org", **extra)
    if org is not None and role is not None:
        Membership.objects.create(user=user, organization=org, role=role)
    return user


@pytest.fixture
def world(db):
    office = Organization.objects.create(name="测试考核办", kind=Organization.Kind.OFFICE)
    other_office = Organization.objects.create(name="另一考核办", kind=Organization.Kind.OFFICE)
    unit_a = Organization.objects.create(name="甲单位", parent=office, email="unit-a@example.org")
    unit_b = Organization.objects.create(name="乙单位", parent=office)
    period = services.period_get_or_create(office=office, year=2024, code="全年")
    goal_a = Goal.objects.create(unit=unit_a, cycle=period.cycle, name="职工培训")
    Indicator.objects.create(goal=goal_a, text=INDICATOR_A, weight=2)
    goal_b = Goal.objects.create(unit=unit_b, cycle=period.cycle, name="职工书屋")
    Indicator.objects.create(goal=goal_b, text=INDICATOR_B)
    R = Membership.Role
    w = SimpleNamespace(
        office=office, other_office=other_office, unit_a=unit_a, unit_b=unit_b, period=period,
        reporter_a=make_user("reporter_a", unit_a, R.REPORTER),
        approver_a=make_user("approver_a", unit_a, R.APPROVER),
        reviewer=make_user("reviewer", office, R.REVIEWER),
        reporter_b=make_user("reporter_b", unit_b, R.REPORTER),
        approver_b=make_user("approver_b", unit_b, R.APPROVER),
        outsider=make_user("outsider", other_office, R.REVIEWER),
        nobody=make_user("nobody"),
        admin=make_user("admin", is_staff=True, is_superuser=True),
    )
    w.sub_a = services.submission_start(unit=unit_a, period=period, actor=w.reporter_a)
    w.sub_b = services.submission_start(unit=unit_b, period=period, actor=w.reporter_b)
    w.entry_a = w.sub_a.entries.get()
    w.entry_b = w.sub_b.entries.get()
    services.entry_update(entry=w.entry_b, actor=w.reporter_b, narrative=SECRET_B)
    return w


@pytest.fixture
def example_bytes() -> bytes:
    if not EXAMPLE.exists():
        pytest.skip(f"example disclosure missing: {EXAMPLE}")
    return EXAMPLE.read_bytes()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
