"""The permission matrix (issue 9, "Trust"): every route of the URLconf (pages, open data, the API router, the
admin site) × every role × each method, with the expected status of every cell written down in
``data/permission_matrix.toml``.

- Every URL pattern ``django.urls.get_resolver()`` knows (walked recursively: the admin site's URLs and the API
  router's included) must have an entry in the table, and every entry must still be a pattern: a new route without
  an entry fails, naming the route and where to add it.
- Every case's URL must resolve to the route it is filed under, and every method an API route declares must have a
  case.
- For each role (one test per role: the world is built once and every request runs in a savepoint that is rolled
  back, so no cell sees another's writes) every case is requested and its status compared with the table. A cell
  written ``302+`` must change the database; a cell without ``+`` must leave every watched table as it was (a
  refused write writes nothing: no object, no audit record, no admin log entry; a GET never writes). Every wrong
  cell is reported, not only the first.

The table holds the concrete URLs, built from the objects of the ``world`` fixture extended by ``matrix_world``
below (``{name}`` is an object's id, ``{name.attr}`` an attribute): unit A's draft, submitted, approved and
published reports, unit B's draft and submitted report, office 2's unit C with a submitted and a published report,
imports of unit A and of unit C, audit entries, reminders, and for the admin an object of unit A and one of office 2
of every registered model.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from jixiao.core.model import Disclosure as Doc
from jixiao.core.model import Row
from jixiao.formats.writers import write_disclosures
from jixiao.web.performance import services
from jixiao.web.performance.models import (
    AuditLog,
    Cycle,
    Disclosure,
    Goal,
    ImportRecord,
    Indicator,
    Membership,
    Organization,
    Period,
    ProgressEntry,
    Reminder,
    Submission,
    Verdict,
)

from .conftest import make_user
from .test_admin_scope import staff as make_staff

TABLE = Path(__file__).parent / "data" / "permission_matrix.toml"
TABLE_NAME = "tests/web/data/permission_matrix.toml"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
WRITES = ("POST", "PUT", "PATCH", "DELETE")

# role in the table → the world's user (None: not signed in)
ROLE_USERS = {
    "anon": None, "nobody": "nobody", "reporter_a": "reporter_a", "approver_a": "approver_a",
    "reporter_b": "reporter_b", "approver_b": "approver_b", "reviewer": "reviewer", "outsider": "outsider",
    "staff": "staff", "admin": "admin",
}


# --- the table ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    route: str
    method: str
    url: str  # with {placeholders}
    expect: dict[str, tuple[int, bool]]  # role → (status, whether the database changes)
    options: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.method} {self.url}"


def _load() -> tuple[list[str], dict[str, dict[str, Any]]]:
    data = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    return data["roles"], data["route"]


def _cells(route: str, text: str, roles: list[str]) -> dict[str, tuple[int, bool]]:
    cells = text.split()
    assert len(cells) == len(roles), f"{TABLE_NAME}, route {route!r}: {text!r} has {len(cells)} cells, not one per role"
    out = {}
    for role, cell in zip(roles, cells, strict=True):
        m = re.fullmatch(r"(\d{3})(\+?)", cell)
        assert m, f"{TABLE_NAME}, route {route!r}: bad cell {cell!r} (a status, + when the request writes)"
        out[role] = (int(m.group(1)), bool(m.group(2)))
    return out


def load_cases() -> tuple[list[str], dict[str, dict[str, Any]], list[Case]]:
    roles, routes = _load()
    assert sorted(roles) == sorted(ROLE_USERS), f"{TABLE_NAME}: roles must be {sorted(ROLE_USERS)}"
    cases = []
    for route, entry in routes.items():
        for row in entry.get("cases", []):
            request, cells, *rest = row
            method, _sep, url = request.partition(" ")
            assert method in METHODS, f"{TABLE_NAME}, route {route!r}: unknown method in {request!r}"
            options = rest[0] if rest else {}
            assert not set(options) - {"data", "json", "upload", "note"}, f"{route!r}: options {options}"
            expect = _cells(route, cells, roles)
            if method not in WRITES:
                assert not any(w for _s, w in expect.values()), f"{route!r} {request}: a GET cannot write (+)"
            cases.append(Case(route, method, url.strip(), expect, options))
    return roles, routes, cases


# --- the URLconf --------------------------------------------------------------------------------------


def url_patterns() -> dict[str, URLPattern]:
    """Every URL pattern of the site, by its full route (the patterns of every include joined, as Django's
    ResolverMatch.route joins them)."""
    out: dict[str, URLPattern] = {}

    def walk(resolver: URLResolver, prefix: str) -> None:
        for p in resolver.url_patterns:
            route = URLResolver._join_route(prefix, str(p.pattern))
            if isinstance(p, URLResolver):
                walk(p, route)
            else:
                assert route not in out, f"two patterns with the route {route!r}"
                out[route] = p

    walk(get_resolver(), "")
    return out


def _placeholders_as_ids(text: str) -> str:
    return re.sub(r"\{[a-z0-9_]+(?:\.[a-z0-9_]+)?\}", "1", text)


def test_every_route_has_an_entry_and_every_entry_is_a_route():
    _roles, routes, _cases = load_cases()
    patterns = url_patterns()
    missing = [f"{route!r} (name {p.name or '—'}, view {getattr(p.callback, '__name__', p.callback)})"
               for route, p in patterns.items() if route not in routes]
    how = ("add to the table, for each, a [route.'<the route as above>'] with\n"
           '  cases = [["GET /a/concrete/url/{object}/", "<a status for each role, + when it writes>"], ...]\n'
           "a case for every method the route accepts")
    assert not missing, f"routes without an entry in {TABLE_NAME}:\n  " + "\n  ".join(missing) + "\n" + how
    stale = [route for route in routes if route not in patterns]
    assert not stale, f"entries of {TABLE_NAME} whose route no longer exists (remove or rename them): {stale}"
    empty = [route for route, entry in routes.items() if not entry.get("cases")]
    assert not empty, f"routes of {TABLE_NAME} without a case: {empty}"


def test_every_case_requests_the_route_it_is_filed_under():
    _roles, _routes, cases = load_cases()
    wrong = []
    for case in cases:
        path = _placeholders_as_ids(case.url).split("?")[0]
        match = resolve(path)
        if match.route != case.route:
            wrong.append(f"{case} is filed under {case.route!r} but requests {match.route!r}")
    assert not wrong, "\n".join(wrong)


def test_every_method_an_api_route_declares_has_a_case():
    _roles, _routes, cases = load_cases()
    covered: dict[str, set[str]] = {}
    for case in cases:
        covered.setdefault(case.route, set()).add(case.method)
    missing = []
    for route, p in url_patterns().items():
        # a DRF viewset route: {"get": "retrieve", ...}; DRF adds "head" (GET without a body) on the first request
        actions = getattr(p.callback, "actions", None)
        if actions:
            for method in {m.upper() for m in actions if m != "head"} - covered.get(route, set()):
                missing.append(f"{method} {route}")
    assert not missing, f"API methods without a case in {TABLE_NAME}: {missing}"


# --- the world ----------------------------------------------------------------------------------------


ROWS = (("职工培训", "全年开展职工培训100场。", "已开展职工培训120场。"),)


def doc_bytes(org: str, *, year: int = 2024, period: str = "全年", rows: tuple[tuple[str, str, str], ...] = ROWS
              ) -> bytes:
    title = f"{org}{year}年绩效考核目标完成进度公示（{period}）"
    doc = Doc(title=title, rows=[Row(goal=g, indicator=i, progress=p) for g, i, p in rows],
              organization=org, year=year, period=period)
    return write_disclosures([doc], "json")


JOINED = timezone.make_aware(datetime(2024, 1, 2, 3, 4, 5))

# the files the table uploads (``upload = "<name>"``)
UPLOADS = {
    "unit_a_q2": ("a-q2.json", lambda: doc_bytes("甲单位", period="二季度")),
    "unit_c_q2": ("c-q2.json", lambda: doc_bytes("丙单位", period="二季度")),
    "office_name": ("office.json", lambda: doc_bytes("测试考核办", period="二季度")),
    "new_unit": ("new.json", lambda: doc_bytes("新设单位", period="二季度")),
}


STEPS = ("draft", "submitted", "approved", "published")


def _report(unit: Organization, period: Period, upto: str, *, reporter: Any, approver: Any, reviewer: Any,
            narrative: str) -> Submission:
    """A report of ``unit`` for ``period``, written and moved through the workflow up to ``upto``."""
    sub = services.submission_start(unit=unit, period=period, actor=reporter)
    for entry in sub.entries.all():
        services.entry_update(entry=entry, actor=reporter, narrative=narrative)
    steps = STEPS.index(upto)
    if steps >= 1:
        services.submission_submit(submission=sub, actor=approver)
    if steps >= 2:
        services.submission_approve(submission=sub, actor=reviewer)
    if steps >= 3:
        services.disclosure_publish(submission=sub, actor=reviewer)
    return sub


def matrix_world(w: SimpleNamespace) -> SimpleNamespace:
    """The ``world`` fixture with everything the table names: a report of unit A in every status, office 2 with
    unit C, imports, audit entries, reminders, admin objects of unit A and of office 2."""
    R = Membership.Role
    user_model = get_user_model()
    # the scoped staff user of office 1: a reviewer of office 1 with staff status and every permission of the
    # performance app and of auth's users and groups (as in test_admin_scope)
    w.staff = make_staff(make_user("staff", w.office, R.REVIEWER))
    w.cycle = w.period.cycle
    w.q1 = services.period_get_or_create(office=w.office, year=2024, code="一季度")
    w.h1 = services.period_get_or_create(office=w.office, year=2024, code="上半年")
    w.q3 = services.period_get_or_create(office=w.office, year=2024, code="前三季度")
    w.q2 = services.period_get_or_create(office=w.office, year=2024, code="二季度")  # no report yet
    # office 2: unit C, its cycle and goal
    w.unit_c = Organization.objects.create(name="丙单位", parent=w.other_office, email="unit-c@example.org")
    w.reporter_c = make_user("reporter_c", w.unit_c, R.REPORTER)
    w.period_c = services.period_get_or_create(office=w.other_office, year=2024, code="全年")
    w.cycle_c = w.period_c.cycle
    w.goal_c = Goal.objects.create(unit=w.unit_c, cycle=w.cycle_c, name="职工之家")
    w.ind_c = Indicator.objects.create(goal=w.goal_c, text="新建职工之家10个。")
    # unit A's reports: the draft of the world (全年), and one submitted, one approved, one published
    a = {"reporter": w.reporter_a, "approver": w.approver_a, "reviewer": w.reviewer}
    w.sub_a_sub = _report(w.unit_a, w.q3, "submitted", **a, narrative="开展职工培训80场，培训覆盖率85%。")
    w.sub_a_app = _report(w.unit_a, w.h1, "approved", **a, narrative="开展职工培训60场。")
    w.sub_a_pub = _report(w.unit_a, w.q1, "published", **a, narrative="开展职工培训30场。")
    w.sub_b_sub = _report(w.unit_b, w.q3, "submitted", reporter=w.reporter_b, approver=w.approver_b,
                          reviewer=w.reviewer, narrative="新建职工书屋12家。")
    w.sub_c_sub = _report(w.unit_c, w.period_c, "submitted", reporter=w.admin, approver=w.admin,
                          reviewer=w.outsider, narrative="新建职工之家11个。")
    w.d_a = w.sub_a_pub.disclosures.get()
    # imports: unit A's 2023 report by the reviewer, unit C's 2024 half year by the outsider (published)
    rec, preview = services.disclosure_import(data=doc_bytes("甲单位", year=2023), filename="a-2023.json",
                                              actor=w.reviewer)
    assert rec is not None, preview.errors
    w.rec_a = rec
    w.target_a_2023 = rec.submission.entries.get().indicator.targets.first()
    rec, preview = services.disclosure_import(data=doc_bytes("丙单位", period="上半年"), filename="c-h1.json",
                                              actor=w.outsider)
    assert rec is not None, preview.errors
    w.rec_c = rec
    w.sub_c_pub = rec.submission
    w.d_c = w.sub_c_pub.disclosures.get()
    # previews waiting for a confirm: the reviewer's of unit A's second quarter; one of the outsider's naming unit A
    # (as if made before unit A existed: a confirm must refuse it)
    name, data = UPLOADS["unit_a_q2"][0], UPLOADS["unit_a_q2"][1]()
    sha = hashlib.sha256(data).hexdigest()
    w.preview_rev = ImportRecord.objects.create(sha256=sha, filename=name, original=data, created_by=w.reviewer)
    w.preview_out = ImportRecord.objects.create(sha256=sha, filename=name, original=data, created_by=w.outsider)
    # reminders and audit entries of both offices
    w.rem_a = services.reminder_send(unit=w.unit_a, period=w.period, actor=w.reviewer)
    w.rem_c = services.reminder_send(unit=w.unit_c, period=w.period_c, actor=w.outsider)
    w.audit_a = AuditLog.objects.get(action="submission.submit", object_id=str(w.sub_a_sub.pk))
    w.audit_b_private = AuditLog.objects.get(action="entry.update", object_id=str(w.entry_b.pk))
    w.audit_c = AuditLog.objects.get(action="submission.submit", object_id=str(w.sub_c_sub.pk))
    # the objects of each admin: memberships, entries, verdicts, targets, a group, sign-in records
    w.m_rep_a = Membership.objects.get(user=w.reporter_a)
    w.m_c = Membership.objects.get(user=w.reporter_c)
    w.goal_a = Goal.objects.get(unit=w.unit_a, cycle=w.cycle)
    w.ind_a = Indicator.objects.get(goal=w.goal_a)
    w.goal_b = Goal.objects.get(unit=w.unit_b, cycle=w.cycle)
    w.entry_a_sub = w.sub_a_sub.entries.get()
    w.entry_c = w.sub_c_sub.entries.get()
    w.target_a = w.ind_a.targets.order_by("position").first()
    w.target_b = w.goal_b.indicators.get().targets.first()
    w.target_c = w.ind_c.targets.first()
    w.verdict_a = w.entry_a.verdicts.first()
    w.verdict_a_sub = w.entry_a_sub.verdicts.first()
    w.verdict_c = w.entry_c.verdicts.first()
    w.group = Group.objects.create(name="管理员组")
    sign_in = {"user_agent": "test", "ip_address": "10.0.0.9", "username": "someone", "http_accept": "*/*",
               "path_info": "/accounts/login/"}
    w.attempt = AccessAttempt.objects.create(**sign_in, get_data="", post_data="", failures_since_start=1)
    w.access_log = AccessLog.objects.create(**sign_in)
    w.failure_log = AccessFailureLog.objects.create(**sign_in, locked_out=False)
    user_model.objects.filter(pk__in=[w.reporter_a.pk, w.reporter_c.pk, w.admin.pk]).update(date_joined=JOINED)
    w.ct_organization = ContentType.objects.get_for_model(Organization)
    # what the table reads of the objects is what the database holds now
    for value in vars(w).values():
        if isinstance(value, models.Model) and value.pk is not None:
            value.refresh_from_db()
    return w


def fill(text: str, w: SimpleNamespace) -> Any:
    """``{name}`` → the id of the world's object ``name``; ``{name.attr}`` → its attribute. A text that is one
    placeholder of a number becomes that number (JSON bodies)."""

    def value(m: re.Match[str]) -> Any:
        obj = getattr(w, m.group(1))
        if m.group(2):
            return getattr(obj, m.group(2))
        return obj.pk if isinstance(obj, models.Model) else obj

    whole = re.fullmatch(r"\{([a-z0-9_]+)(?:\.([a-z0-9_]+))?\}", text)
    if whole:
        v = value(whole)
        return v if isinstance(v, int) else str(v)
    return re.sub(r"\{([a-z0-9_]+)(?:\.([a-z0-9_]+))?\}", lambda m: str(value(m)), text)


def fill_all(data: Any, w: SimpleNamespace) -> Any:
    if isinstance(data, str):
        return fill(data, w)
    if isinstance(data, list):
        return [fill_all(v, w) for v in data]
    if isinstance(data, dict):
        return {fill(k, w) if isinstance(k, str) else k: fill_all(v, w) for k, v in data.items()}
    return data


# --- what a request changed ---------------------------------------------------------------------------


def _watched() -> list[type[models.Model]]:
    """Every table a request could change that matters: the performance app, accounts, groups and permissions,
    the admin's log and the sign-in records (not sessions)."""
    user_model = get_user_model()
    out = list(apps.get_app_config("performance").get_models())
    out += [user_model, Group, user_model.groups.through, user_model.user_permissions.through,
            Group.permissions.through]
    out += list(apps.get_app_config("admin").get_models()) + list(apps.get_app_config("axes").get_models())
    return out


IGNORED_FIELDS = {"last_login"}  # signing the test client in sets it


def _fingerprint_queries() -> list[tuple[str, str]]:
    """SELECTs of every watched column of every watched table, (label, SQL) each, built once. On SQLite and
    PostgreSQL one statement for all of them, each row as a JSON array (one round trip after every request of the
    matrix); elsewhere one SELECT a table."""
    from django.db import connection

    q = connection.ops.quote_name
    array = {"sqlite": "json_array", "postgresql": "json_build_array"}.get(connection.vendor)
    out = []
    for model in _watched():
        meta = model._meta
        columns = [f"hex({q(f.column)})" if array == "json_array" and f.get_internal_type() == "BinaryField"
                   else q(f.column) for f in meta.concrete_fields if f.attname not in IGNORED_FIELDS]
        if array:
            out.append(("", f"SELECT '{meta.label}', {q(meta.pk.column)}, {array}({', '.join(columns)}) "
                            f"FROM {q(meta.db_table)}"))
        else:
            order = q(meta.pk.column)
            out.append((meta.label, f"SELECT {', '.join(columns)} FROM {q(meta.db_table)} ORDER BY {order}"))
    if array:
        return [("", " UNION ALL ".join(sql for _label, sql in out) + " ORDER BY 1, 2")]
    return out


def fingerprint(queries: list[tuple[str, str]] | None = None) -> dict[str, list[Any]]:
    """Every row of every watched table, by table (this runs after every request of the matrix)."""
    from django.db import connection

    out: dict[str, list[Any]] = {model._meta.label: [] for model in _watched()}
    with connection.cursor() as cursor:
        for label, sql in queries or _fingerprint_queries():
            cursor.execute(sql)
            for row in cursor.fetchall():
                if label:
                    out[label].append(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
                else:
                    out[row[0]].append(row[2])
    return out


def _diff(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> str:
    return ", ".join(f"{label} {len(before[label])}→{len(after[label])} rows"
                     if len(before[label]) != len(after[label]) else f"{label} changed"
                     for label in before if before[label] != after[label])


class _Rollback(Exception):
    pass


def _request(client: Client, case: Case, w: SimpleNamespace) -> Any:
    url = fill(case.url, w)
    opts = case.options
    method = case.method.lower()
    if "json" in opts:
        return getattr(client, method)(url, fill_all(opts["json"], w), content_type="application/json")
    data = fill_all(opts.get("data", {}), w)
    if "upload" in opts:
        name, make = UPLOADS[opts["upload"]]
        data["file"] = SimpleUploadedFile(name, make())
    if method in ("get", "post"):
        return getattr(client, method)(url, data)
    return getattr(client, method)(url, data, content_type="application/x-www-form-urlencoded")


def run_role(role: str, cases: list[Case], w: SimpleNamespace) -> list[str]:
    """Request every case as ``role``; every cell that is not as the table says, described."""
    client = Client(raise_request_exception=False)
    username = ROLE_USERS[role]
    if username is not None:
        client.force_login(getattr(w, username))
    # the session cookie of the sign-in: given back after every case (a logout, a sign-in or a message changes it)
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    queries = _fingerprint_queries()
    baseline = fingerprint(queries)
    problems = []
    for case in cases:
        status, writes = case.expect[role]
        got: Any = None
        changed = ""
        try:
            with transaction.atomic():
                response = _request(client, case, w)
                got = response.status_code
                after = fingerprint(queries)
                changed = _diff(baseline, after) if after != baseline else ""
                raise _Rollback
        except _Rollback:
            pass
        finally:
            client.cookies = SimpleCookie(cookies)
        wrong = []
        if got != status:
            detail = ""
            if got == 500 and getattr(response, "exc_info", None):
                detail = f" ({response.exc_info[1]!r})"
            elif got in (301, 302):
                detail = f" (to {response['Location']})"
            wrong.append(f"status {got}{detail}, not {status}")
        if writes and not changed:
            wrong.append("wrote nothing, but the table says it writes (+)")
        if not writes and changed:
            wrong.append(f"wrote ({changed}), but must leave everything as it was")
        if wrong:
            problems.append(f"{role}: {case} [{case.route}]: " + "; ".join(wrong))
    return problems


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_permission_matrix(world, role):
    _roles, _routes, cases = load_cases()
    w = matrix_world(world)
    problems = run_role(role, cases, w)
    assert not problems, (f"{len(problems)} cells of {TABLE_NAME} differ for {role}:\n  " + "\n  ".join(problems))


# --- the admin shows a scoped staff user nothing of another office ---------------------------------------------


def _office_2_objects(w: SimpleNamespace) -> dict[type[models.Model], set[int]]:
    """The ids of office 2's objects (and of the people outside office 1's scope) per model."""
    c, office_2 = w.unit_c, w.other_office

    def ids(qs: Any) -> set[int]:
        return set(qs.values_list("pk", flat=True))

    return {
        Organization: {c.pk, office_2.pk},
        Membership: ids(Membership.objects.filter(organization__in=[c, office_2])),
        Cycle: ids(Cycle.objects.filter(office=office_2)),
        Period: ids(Period.objects.filter(cycle__office=office_2)),
        Goal: ids(Goal.objects.filter(unit=c)),
        Indicator: ids(Indicator.objects.filter(goal__unit=c)),
        Submission: ids(Submission.objects.filter(unit=c)),
        ProgressEntry: ids(ProgressEntry.objects.filter(submission__unit=c)),
        Verdict: ids(Verdict.objects.filter(entry__submission__unit=c)),
        Disclosure: ids(Disclosure.objects.filter(unit=c)),
        ImportRecord: ids(ImportRecord.objects.filter(submission__unit=c)),
        AuditLog: ids(AuditLog.objects.filter(unit=c)),
        Reminder: ids(Reminder.objects.filter(unit=c)),
        get_user_model(): {w.reporter_c.pk, w.outsider.pk, w.admin.pk},
    }


def _options(html: str) -> dict[str, set[int]]:
    out = {}
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        out[name] = {int(v) for v in re.findall(r'<option value="(\d+)"', body)}
    return out


def test_the_scoped_staff_users_admin_lists_and_offers_nothing_of_another_office(client, world):
    """Every change list of the admin, as the scoped staff user of office 1, links no object of office 2; every
    add form, and the change form of unit A's object, offers in its choices no object of office 2 and nobody of
    it (generated from the admin's registry, so a new model or field is checked too)."""
    w = matrix_world(world)
    client.force_login(w.staff)
    office_2 = _office_2_objects(w)
    user_model = get_user_model()
    problems = []
    unit_a_objects = {Organization: w.unit_a, Membership: w.m_rep_a, Goal: w.goal_a, Indicator: w.ind_a}
    for model in admin.site._registry:
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        r = client.get(base)
        if r.status_code == 200:
            html = r.content.decode()
            listed = {int(pk) for pk in re.findall(rf"{re.escape(base)}(\d+)/change/", html)}
            leaked = listed & office_2.get(model, set())
            if leaked:
                problems.append(f"{base} lists objects of office 2: {sorted(leaked)}")
        forms = [base + "add/"]
        if model in unit_a_objects:
            forms.append(f"{base}{unit_a_objects[model].pk}/change/")
        for url in forms:
            r = client.get(url)
            if r.status_code != 200:
                continue
            form = r.context["adminform"].form
            for name, choices in _options(r.content.decode()).items():
                field = form.fields.get(name)
                related = getattr(getattr(field, "queryset", None), "model", None)
                if related is None:
                    continue
                leaked = choices & office_2.get(related, set())
                if related is user_model:
                    leaked |= choices & {w.staff.pk}  # nobody grants themselves a role
                if leaked:
                    problems.append(f"{url} offers in {name!r} objects of office 2 (or the user themselves): "
                                    f"{sorted(leaked)}")
    assert not problems, "\n".join(problems)


# --- target corrections stay within the report they are made in ---------------------------------------------


def test_a_target_is_corrected_only_through_a_report_that_has_it(world):
    """services.target_correct refuses a target of an indicator the report has no entry on: another unit's, or the
    unit's own of another year (whose published report it would recheck), whoever asks; nothing is written."""
    w = matrix_world(world)
    queries = _fingerprint_queries()
    before = fingerprint(queries)
    for target in (w.target_a_2023, w.target_b, w.target_c):
        for actor in (w.reporter_a, w.approver_a, w.admin):
            with pytest.raises((PermissionDenied, ValidationError)):
                services.target_correct(target=target, actor=actor, submission=w.sub_a, comparator=">=", value=1.0,
                                        unit="场", note="越界更正")
    assert fingerprint(queries) == before
    done = services.target_correct(target=w.target_a, actor=w.reporter_a, submission=w.sub_a, comparator=">=",
                                   value=90.0, unit="场", note="按文件更正")
    assert done.correction.value == 90.0 and [s.pk for s in done.applied] == [w.sub_a.pk]
