"""Sign-in throttling (the login page, the admin's, HTTP Basic on the API) and the Content-Security-Policy.

Throttling: JIXIAO_LOGIN_FAILURES (5) failures for one user name from one address lock that pair out for
JIXIAO_LOGIN_COOLOFF_MINUTES (15), the right password included; other names and other addresses are not
affected; a successful sign-in starts the count again.
"""

from __future__ import annotations

import base64
import re
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.db.models import F
from django.test import RequestFactory

import jixiao.web
from jixiao.web import security
from jixiao.web.performance import services

from .conftest import EXAMPLE

LIMIT = django_settings.JIXIAO_LOGIN_FAILURES
COOLOFF = django_settings.JIXIAO_LOGIN_COOLOFF_MINUTES * 60
PASSWORD = "pw-for-tests-1"  # conftest.make_user's


def _login(client, username, password, path="/accounts/login/", **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _cool_off_passes():
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=COOLOFF + 1))


def test_the_policy_is_five_failures_and_fifteen_minutes():
    assert (LIMIT, COOLOFF) == (5, 15 * 60)
    assert django_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_sixty_wrong_passwords_then_the_right_one_is_refused_until_the_cool_off(client, world):
    answers = [_login(client, "reviewer", f"wrong-{i}").status_code for i in range(60)]
    assert answers[:LIMIT - 1] == [200] * (LIMIT - 1)  # the form again, "wrong user name or password"
    assert set(answers[LIMIT - 1:]) == {429}
    resp = _login(client, "reviewer", PASSWORD)
    assert resp.status_code == 429 and not _signed_in(client)
    text = resp.content.decode()
    assert "登录失败次数过多" in text and "15 分钟后再试" in text
    assert COOLOFF - 30 <= int(resp["Retry-After"]) <= COOLOFF
    assert "Content-Security-Policy" in resp  # the lockout page is a page of the site like any other
    # the pair is locked, not the user name everywhere nor the address for everyone
    assert _login(client, "reporter_a", PASSWORD).status_code == 302
    client.logout()
    assert _login(client, "reviewer", PASSWORD, REMOTE_ADDR="10.1.2.3").status_code == 302
    client.logout()
    # after the cool-off the right password signs in again
    _cool_off_passes()
    resp = _login(client, "reviewer", PASSWORD)
    assert resp.status_code == 302 and _signed_in(client)


def test_the_cool_off_runs_from_the_failure_that_locked(client, world):
    for i in range(LIMIT):
        _login(client, "reviewer", f"wrong-{i}")
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=COOLOFF - 120))
    resp = _login(client, "reviewer", PASSWORD)  # refused, and the refusal does not restart the cool-off
    assert resp.status_code == 429 and 60 <= int(resp["Retry-After"]) <= 120
    assert "2 分钟后再试" in resp.content.decode()
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(seconds=121))
    assert _login(client, "reviewer", PASSWORD).status_code == 302


def test_failures_further_apart_than_the_window_do_not_add_up(client, world):
    for i in range(LIMIT - 1):
        _login(client, "reviewer", f"wrong-{i}")
    _cool_off_passes()  # the next failure comes more than 15 minutes after the last one
    assert _login(client, "reviewer", "wrong-late").status_code == 200
    assert _login(client, "reviewer", PASSWORD).status_code == 302


def test_a_successful_sign_in_starts_the_count_again(client, world):
    for _round in range(3):
        for i in range(LIMIT - 1):
            assert _login(client, "reporter_a", f"wrong-{i}").status_code == 200
        assert _login(client, "reporter_a", PASSWORD).status_code == 302
        client.logout()


def test_the_admin_login_is_throttled_too(client, world):
    path = "/admin/login/?next=/admin/"
    answers = [_login(client, "admin", f"wrong-{i}", path=path).status_code for i in range(LIMIT + 3)]
    assert answers == [200] * (LIMIT - 1) + [429] * 4
    resp = _login(client, "admin", PASSWORD, path=path)
    assert resp.status_code == 429 and not _signed_in(client) and "Retry-After" in resp
    _cool_off_passes()
    assert _login(client, "admin", PASSWORD, path=path).status_code == 302 and _signed_in(client)


def _basic(username, password):
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def test_thirty_wrong_basic_passwords_on_the_api_then_429_with_retry_after(client, world):
    answers = [client.get("/api/submissions/", **_basic("reporter_a", f"wrong-{i}")) for i in range(30)]
    # refused as before: 401 with WWW-Authenticate (HTTP Basic comes first)
    assert [r.status_code for r in answers[:LIMIT - 1]] == [401] * (LIMIT - 1)
    assert all(r["WWW-Authenticate"].startswith("Basic") for r in answers[:LIMIT - 1])
    assert {r.status_code for r in answers[LIMIT - 1:]} == {429}
    resp = client.get("/api/submissions/", **_basic("reporter_a", PASSWORD))
    assert resp.status_code == 429
    assert COOLOFF - 30 <= int(resp["Retry-After"]) <= COOLOFF
    body = resp.json()
    assert body["detail"].startswith("登录失败次数过多") and "15 分钟后再试" in body["detail"]
    # another user name from the same address, and the same name from another address, still get in
    assert client.get("/api/submissions/", **_basic("reporter_b", PASSWORD)).status_code == 200
    assert client.get("/api/submissions/", REMOTE_ADDR="10.9.8.7", **_basic("reporter_a", PASSWORD)).status_code == 200
    _cool_off_passes()
    assert client.get("/api/submissions/", **_basic("reporter_a", PASSWORD)).status_code == 200


def test_failures_on_the_api_and_the_login_page_add_up(client, world):
    for i in range(LIMIT - 1):
        client.get("/api/submissions/", **_basic("reviewer", f"wrong-{i}"))
    assert _login(client, "reviewer", "wrong-again").status_code == 429


def test_the_lockout_message_in_english(client, world):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    for i in range(LIMIT):
        resp = _login(client, "reviewer", f"wrong-{i}")
    assert resp.status_code == 429
    assert "Too many failed sign-ins" in resp.content.decode() and "Try again in 15 min." in resp.content.decode()
    api = client.get("/api/submissions/", HTTP_ACCEPT_LANGUAGE="en", **_basic("reviewer", PASSWORD))
    assert api.status_code == 429 and "Too many failed sign-ins" in api.json()["detail"]


def test_the_client_address_behind_a_proxy(settings):
    rf = RequestFactory()
    req = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert security.client_ip(req) == "10.0.0.1"  # no proxy configured: X-Forwarded-For is not believed
    settings.JIXIAO_PROXY_COUNT = 1
    assert security.client_ip(req) == "203.0.113.9"  # the address our proxy saw, not what the client wrote
    settings.JIXIAO_PROXY_COUNT = 2
    assert security.client_ip(req) == "6.6.6.6"
    settings.JIXIAO_PROXY_COUNT = 3
    assert security.client_ip(req) == "10.0.0.1"  # fewer entries than proxies: not a request through them


# --- Content-Security-Policy --------------------------------------------------------------------------


def _policy(resp) -> dict[str, list[str]]:
    header = resp["Content-Security-Policy"]
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def _assert_strict(resp):
    header = resp["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header and "unsafe-hashes" not in header
    p = _policy(resp)
    assert p["default-src"] == ["'none'"]
    assert p["object-src"] == ["'none'"] and p["base-uri"] == ["'none'"] and p["frame-ancestors"] == ["'none'"]
    for d in ("script-src", "style-src", "img-src"):
        assert p[d][0] == "'self'" and all(v == "'self'" or v.startswith("'nonce-") for v in p[d]), (d, p[d])
        assert "*" not in " ".join(p[d]) and "data:" not in p[d] and "http:" not in p[d] and "https:" not in p[d]


def _assert_no_inline_code(html: str, page: str):
    assert "<style" not in html, page
    assert not re.search(r"\sstyle\s*=", html), page
    assert not re.search(r"\son[a-z]+\s*=", html), page
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), page
    assert "javascript:" not in html, page


@pytest.fixture
def published(world):
    if not EXAMPLE.exists():
        pytest.skip(f"example disclosure missing: {EXAMPLE}")
    record, preview = services.disclosure_import(data=EXAMPLE.read_bytes(), filename=EXAMPLE.name, actor=None)
    assert record is not None, preview.errors
    return record.submission.disclosures.get()


def test_every_main_page_sends_a_strict_policy_and_has_no_inline_script_or_style(client, world, published):
    d = published
    year = d.period.cycle.year
    public = ["/", f"/units/{d.unit_id}/{year}/{d.period.slug}/", f"/units/{d.unit_id}/{year}/{d.period.slug}/print/",
              f"/units/{d.unit_id}/compare/", "/data/", "/accounts/login/"]
    for url in public:
        resp = client.get(url)
        assert resp.status_code == 200, url
        _assert_strict(resp)
        _assert_no_inline_code(resp.content.decode(), url)
        assert "nonce-" not in resp["Content-Security-Policy"], url  # our pages need no nonce
    for user, pages in ((world.reporter_a, ["/work/", f"/work/reports/{world.sub_a.pk}/",
                                            f"/work/entries/{world.entry_a.pk}/"]),
                        (world.reviewer, ["/work/", "/work/import/", "/work/audit/"])):
        client.force_login(user)
        for url in pages:
            resp = client.get(url)
            assert resp.status_code == 200, url
            _assert_strict(resp)
            _assert_no_inline_code(resp.content.decode(), url)
    chart = client.get(f"/data/charts/goals-{year}.svg")
    assert chart.status_code == 200 and "Content-Security-Policy" in chart
    assert not re.search(r"\sstyle\s*=", chart.content.decode())  # presentation attributes only
    api = client.get("/api/units/")
    assert api.status_code == 200 and "Content-Security-Policy" in api
    icon = client.get("/favicon.ico")  # no data: URL icon (img-src 'self'); pages without a link get the file
    assert icon.status_code == 301 and icon["Location"] == "/static/performance/favicon.svg"


def test_the_admin_keeps_working_under_the_policy_with_nonces(client, world):
    client.force_login(world.admin)
    for url in ("/admin/", "/admin/performance/organization/", "/admin/auth/user/"):
        resp = client.get(url)
        assert resp.status_code == 200, url
        _assert_strict(resp)
        html = resp.content.decode()
        nonces = set(re.findall(r'nonce="([^"]+)"', html))
        if nonces:  # Django's admin templates carry the request's nonce on their inline bits
            assert nonces == {_policy(resp)["script-src"][1].removeprefix("'nonce-").rstrip("'")}


def test_templates_have_no_inline_script_or_style():
    root = Path(jixiao.web.__file__).parent
    templates = [p for p in root.rglob("*") if "templates" in p.relative_to(root).parts and p.is_file()]
    assert len(templates) > 10
    for path in templates:
        _assert_no_inline_code(path.read_text("utf-8"), str(path.relative_to(root)))


def test_the_production_settings_send_the_same_policy(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    sys.modules.pop("jixiao.web.settings_production", None)
    prod = importlib.import_module("jixiao.web.settings_production")
    try:
        assert prod.SECURE_CSP == django_settings.SECURE_CSP
        assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in prod.MIDDLEWARE
        assert prod.JIXIAO_PRODUCTION is True and prod.DEBUG is False
    finally:
        sys.modules.pop("jixiao.web.settings_production", None)
