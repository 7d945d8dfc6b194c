"""Trust (issue 9): no lost updates of a progress entry, and exactly one of many concurrent identical workflow
transitions.

The races run real concurrent HTTP requests: on PostgreSQL (``DATABASE_URL``) against pytest-django's live
server, whose request threads each have their own connection there; on SQLite against ``jixiao-manage
runserver`` in a subprocess on a file database (the live server shares the test's one in-memory connection, so
it cannot be concurrent), with the settings' WAL, ``BEGIN IMMEDIATE`` and busy timeout.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from jixiao.web.performance import services
from jixiao.web.performance.models import AuditLog, Disclosure, ProgressEntry, Submission

S = Submission.Status
N = 20
PASSWORD = "pw-for-tests-1"
REPO = Path(__file__).resolve().parents[2]


# --- lost updates --------------------------------------------------------------------------------------


def test_entry_version_counts_saves_of_the_content_only(world):
    v = world.entry_a.version
    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="第一稿", version=v)
    world.entry_a.refresh_from_db()
    assert world.entry_a.version == v + 1
    services.entry_recheck(entry=world.entry_a)  # a recheck is not an edit
    world.entry_a.refresh_from_db()
    assert world.entry_a.version == v + 1


def test_a_stale_save_on_the_web_form_is_refused_and_shows_the_other_text(client, world):
    entry = world.entry_a
    client.force_login(world.reporter_a)
    page = client.get(reverse("entry-edit", args=[entry.pk]))
    assert f'name="version" value="{entry.version}"' in page.content.decode()
    # meanwhile the approver saves
    services.entry_update(entry=ProgressEntry.objects.get(pk=entry.pk), actor=world.approver_a,
                          narrative="审核人刚写的进度：开展培训110场。", version=entry.version)
    audits = AuditLog.objects.filter(action="entry.update").count()
    r = client.post(reverse("entry-edit", args=[entry.pk]), {"narrative": "填报人的旧稿", "version": entry.version})
    assert r.status_code == 200
    html = r.content.decode()
    assert "此条进度已被他人修改" in html and "审核人刚写的进度：开展培训110场。" in html
    assert "填报人的旧稿" in html  # what the reporter typed is kept in the form
    fresh = ProgressEntry.objects.get(pk=entry.pk)
    assert fresh.narrative == "审核人刚写的进度：开展培训110场。" and fresh.version == entry.version + 1
    assert AuditLog.objects.filter(action="entry.update").count() == audits  # nothing written
    # the form now rests on the current version: saving again, knowingly, goes through
    assert f'name="version" value="{fresh.version}"' in html
    r = client.post(reverse("entry-edit", args=[entry.pk]), {"narrative": "填报人的新稿", "version": fresh.version})
    assert r.status_code == 302
    assert ProgressEntry.objects.get(pk=entry.pk).narrative == "填报人的新稿"


def test_a_stale_api_write_is_409_with_the_current_text_and_a_missing_version_428(client, world):
    entry = world.entry_a
    url = f"/api/entries/{entry.pk}/"
    client.force_login(world.reporter_a)
    got = client.get(url).json()
    services.entry_update(entry=ProgressEntry.objects.get(pk=entry.pk), actor=world.approver_a,
                          narrative="他人的进度", version=got["version"])
    audits = AuditLog.objects.filter(action="entry.update").count()
    for method in (client.put, client.patch):
        r = method(url, {"narrative": "我的旧稿", "version": got["version"]}, content_type="application/json")
        assert r.status_code == 409, r.content
        body = r.json()
        assert body["narrative"] == "他人的进度" and body["version"] == got["version"] + 1
        assert "此条进度已被他人修改" in body["detail"]
        r = method(url, {"narrative": "没有版本的写入"}, content_type="application/json")
        assert r.status_code == 428 and r.json()["version"] == got["version"] + 1
    fresh = ProgressEntry.objects.get(pk=entry.pk)
    assert fresh.narrative == "他人的进度" and fresh.version == got["version"] + 1
    assert AuditLog.objects.filter(action="entry.update").count() == audits
    r = client.patch(url, {"narrative": "我的新稿", "version": fresh.version}, content_type="application/json")
    assert r.status_code == 200 and r.json()["version"] == fresh.version + 1


def test_an_edit_after_the_report_was_submitted_meanwhile_is_refused(client, world):
    client.force_login(world.reporter_a)
    version = world.entry_a.version
    services.submission_submit(submission=Submission.objects.get(pk=world.sub_a.pk), actor=world.approver_a)
    r = client.patch(f"/api/entries/{world.entry_a.pk}/", {"narrative": "迟到的修改", "version": version},
                     content_type="application/json")
    assert r.status_code == 409 and r.json()["status"] == S.SUBMITTED
    assert ProgressEntry.objects.get(pk=world.entry_a.pk).narrative != "迟到的修改"


# --- workflow transitions, one at a time ----------------------------------------------------------------


def test_a_transition_on_a_stale_copy_is_a_conflict_and_writes_nothing(client, world):
    stale = Submission.objects.get(pk=world.sub_a.pk)
    services.submission_submit(submission=world.sub_a, actor=world.approver_a)
    before = AuditLog.objects.count()
    with pytest.raises(services.Conflict):
        services.submission_submit(submission=stale, actor=world.approver_a)
    assert AuditLog.objects.count() == before
    client.force_login(world.reviewer)
    assert client.post(f"/api/submissions/{world.sub_a.pk}/approve/").status_code == 200
    r = client.post(f"/api/submissions/{world.sub_a.pk}/approve/")
    assert r.status_code == 409 and r.json()["status"] == S.APPROVED
    r = client.post(reverse("submission-action", args=[world.sub_a.pk, "return"]), {"comment": "晚了"}, follow=True)
    assert r.status_code == 200 and "此报告的状态已被他人更改" in r.content.decode()
    assert Submission.objects.get(pk=world.sub_a.pk).status == S.APPROVED
    assert AuditLog.objects.filter(action="submission.approve").count() == 1


# --- concurrent transitions over HTTP --------------------------------------------------------------------


def _post_all(url: str, username: str, body: dict[str, str] | None = None, n: int = N) -> Counter[int]:
    """n simultaneous POSTs (HTTP Basic); the status codes."""
    auth = "Basic " + base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()
    data = json.dumps(body or {}).encode()
    barrier = threading.Barrier(n)
    codes: list[int] = []
    lock = threading.Lock()

    def one() -> None:
        req = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Authorization": auth, "Content-Type": "application/json"})
        barrier.wait()
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                code = resp.status
        except urllib.error.HTTPError as exc:
            code = exc.code
        with lock:
            codes.append(code)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Counter(codes)


# (action, who, body, status after)
RACES = [
    ("submit", "approver_a", None, S.SUBMITTED),
    ("return", "reviewer", {"comment": "请补充口径"}, S.RETURNED),
    ("submit", "approver_a", None, S.SUBMITTED),
    ("approve", "reviewer", None, S.APPROVED),
    ("publish", "reviewer", None, S.PUBLISHED),
    ("reopen", "reviewer", {"comment": "更正"}, S.RETURNED),
]


def _race_all(base: str, sub_id: int, status_of) -> None:
    for action, who, body, after in RACES:
        codes = _post_all(f"{base}/api/submissions/{sub_id}/{action}/", who, body)
        assert codes[200] == 1 and codes[409] == N - 1, (action, codes)
        assert status_of() == after, action


EXPECTED_AUDIT = {"submission.submit": 2, "submission.return": 1, "submission.approve": 1,
                  "submission.publish": 1, "submission.reopen": 1}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only (DATABASE_URL); SQLite: below")
@pytest.mark.django_db(transaction=True)
def test_concurrent_transitions_on_the_live_server_postgresql(live_server, world):
    services.entry_update(entry=world.entry_a, actor=world.reporter_a, narrative="开展职工培训120场，覆盖率95%。")
    before = Counter(AuditLog.objects.filter(object_type="Submission").values_list("action", flat=True))
    _race_all(live_server.url, world.sub_a.pk, lambda: Submission.objects.get(pk=world.sub_a.pk).status)
    after = Counter(AuditLog.objects.filter(object_type="Submission").values_list("action", flat=True))
    assert {k: after[k] - before[k] for k in EXPECTED_AUDIT} == EXPECTED_AUDIT
    assert Disclosure.objects.filter(submission=world.sub_a).count() == 1
    assert AuditLog.objects.filter(action="disclosure.publish").count() == 1


# SQLite: a real server on a file database, set up by a script.

SETTINGS = """from jixiao.web.settings import *  # noqa: F403
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
"""

SETUP = f"""
from django.contrib.auth import get_user_model
from jixiao.web.performance import services
from jixiao.web.performance.models import Goal, Indicator, Membership, Organization
office = Organization.objects.create(name="测试考核办", kind="office")
unit = Organization.objects.create(name="甲单位", parent=office)
period = services.period_get_or_create(office=office, year=2024, code="全年")
goal = Goal.objects.create(unit=unit, cycle=period.cycle, name="职工培训")
Indicator.objects.create(goal=goal, text="全年开展职工培训100场，培训覆盖率90%以上。")
users = {{}}
for name, org, role in (("approver_a", unit, "approver"), ("reviewer", office, "reviewer")):
    users[name] = get_user_model().objects.create_user(username=name, password="{PASSWORD}")
    Membership.objects.create(user=users[name], organization=org, role=role)
sub = services.submission_start(unit=unit, period=period, actor=users["approver_a"])
services.entry_update(entry=sub.entries.get(), actor=users["approver_a"], narrative="开展职工培训120场，覆盖率95%。")
print("SUB", sub.pk)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_concurrent_transitions_on_sqlite_with_a_file_database(tmp_path):
    db = tmp_path / "race.sqlite3"
    (tmp_path / "race_settings.py").write_text(SETTINGS)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DJANGO_SETTINGS_MODULE": "race_settings",
           "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    env.pop("JIXIAO_DEBUG", None)
    manage = [sys.executable, "-m", "jixiao.web.manage"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=REPO)
    out = subprocess.run([*manage, "shell", "-c", SETUP], env=env, check=True, cwd=REPO, capture_output=True,
                         text=True).stdout
    sub_id = int(out.split("SUB", 1)[1].split()[0])
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen([*manage, "runserver", "--noreload", f"127.0.0.1:{port}"], env=env, cwd=REPO,
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base}/api/units/", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start: " + (tmp_path / "server.log").read_text())

        def status_of() -> str:
            with sqlite3.connect(db) as con:
                return con.execute("SELECT status FROM performance_submission WHERE id = ?", (sub_id,)).fetchone()[0]

        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        _race_all(base, sub_id, status_of)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    with sqlite3.connect(db) as con:
        audit = dict(con.execute("SELECT action, count(*) FROM performance_auditlog WHERE object_type = 'Submission'"
                                 " AND action != 'submission.create' GROUP BY action").fetchall())
        assert audit == EXPECTED_AUDIT
        assert con.execute("SELECT count(*) FROM performance_disclosure").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM performance_auditlog WHERE action = 'disclosure.publish'"
                           ).fetchone()[0] == 1
    assert " 500 " not in (tmp_path / "server.log").read_text()
