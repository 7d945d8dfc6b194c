"""``jixiao start`` set-up: migrate, import examples idempotently, demo accounts for every role, but only in the
local demo (DEBUG on, not the production settings); its options; the production settings without a secret key."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from jixiao import cli
from jixiao.web import launch
from jixiao.web.performance import services
from jixiao.web.performance.models import Disclosure, Membership, Period


@pytest.mark.django_db(transaction=True)
def test_prepare_imports_examples_once_and_creates_accounts(tmp_path, example_bytes, capsys, settings):
    settings.DEBUG = True  # the local demo
    (tmp_path / "a.txt").write_bytes(example_bytes)
    (tmp_path / "broken.txt").write_bytes("没有表格的文字\n".encode())
    accounts = launch.prepare(examples=str(tmp_path))
    err = capsys.readouterr().err
    assert "broken.txt" in err
    assert Disclosure.objects.count() == 1
    roles = {a["username"]: a for a in accounts}
    assert {"reporter", "approver", "reviewer", "admin"} <= set(roles)
    user_model = get_user_model()
    for name in ("reporter", "approver", "reviewer"):
        assert user_model.objects.get(username=name).check_password(roles[name]["password"])
    assert set(Membership.objects.values_list("role", flat=True)) == {"reporter", "approver", "reviewer"}
    assert set(Period.objects.values_list("code", flat=True)) == {"上半年", "全年"}
    launch.prepare(examples=str(tmp_path))
    assert "already imported" in capsys.readouterr().out
    assert Disclosure.objects.count() == 1
    assert user_model.objects.filter(username="reporter").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("production", [False, True])
def test_no_demo_accounts_with_debug_off_or_the_production_settings(tmp_path, example_bytes, capsys, settings,
                                                                    production):
    settings.DEBUG = production  # DEBUG off refuses; the production settings refuse even with DEBUG on
    settings.JIXIAO_PRODUCTION = production
    (tmp_path / "a.txt").write_bytes(example_bytes)
    assert launch.start(["--examples", str(tmp_path), "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert Disclosure.objects.count() == 1  # the rest of the set-up is done
    assert not get_user_model().objects.exists()
    assert "Demo accounts" not in out and services.DEMO_PASSWORD not in out
    lines = [ln for ln in out.splitlines() if "demo accounts" in ln]
    assert len(lines) == 1  # said in one clear line
    assert ("production settings" if production else "DEBUG is off") in lines[0]
    with pytest.raises(services.DemoAccountsRefused):
        services.demo_accounts_create()
    with pytest.raises(CommandError, match="no demo accounts"):
        call_command("demo_accounts")
    assert not get_user_model().objects.exists()


def test_debug_is_off_unless_asked_for():
    code = "from jixiao.web import settings; print(settings.DEBUG)"
    env = {k: v for k, v in os.environ.items() if k != "JIXIAO_DEBUG"}
    run = lambda env: subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,  # noqa: E731
                                     env=env, check=True).stdout.strip()
    assert run(env) == "False"
    assert run({**env, "JIXIAO_DEBUG": "1"}) == "True"


@pytest.mark.django_db
def test_the_demo_password_signs_nobody_in_outside_the_local_demo(client, settings):
    from jixiao.web.security import AuthBackend

    user = get_user_model().objects.create_user(username="reviewer", password=services.DEMO_PASSWORD)
    settings.DEBUG = True
    assert AuthBackend().authenticate(None, username="reviewer", password=services.DEMO_PASSWORD) == user
    settings.DEBUG = False  # e.g. the local demo's database later run without JIXIAO_DEBUG=1, or in production
    assert AuthBackend().authenticate(None, username="reviewer", password=services.DEMO_PASSWORD) is None
    resp = client.post("/accounts/login/", {"username": "reviewer", "password": services.DEMO_PASSWORD})
    assert resp.status_code == 200 and "_auth_user_id" not in client.session
    user.set_password("a-real-password-1")
    user.save()
    assert AuthBackend().authenticate(None, username="reviewer", password="a-real-password-1") == user


def test_start_without_serving_prints_the_accounts(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(launch, "prepare", lambda examples=None: [
        {"username": "u", "password": "p", "role": "r", "organization": "o"}])
    assert launch.start(["--no-serve"]) == 0
    out = capsys.readouterr().out
    assert "u" in out and "http://127.0.0.1:8000/" in out


def test_jixiao_start_takes_addr_and_no_serve(db, capsys, monkeypatch):
    """``jixiao start --addr 127.0.0.1:8101 --no-serve`` (as docs/web.md says) used to stop at
    'unrecognized arguments'."""
    seen = {}

    def prepare(examples=None):
        seen["examples"] = examples
        return []

    monkeypatch.setattr(launch, "prepare", prepare)
    assert cli.main(["start", "--addr", "127.0.0.1:8101", "--no-serve", "--examples", "/nowhere"]) == 0
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8101/" in out and seen["examples"] == "/nowhere"
    with pytest.raises(SystemExit) as exc:
        cli.main(["start", "--bogus"])
    assert exc.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_start_serves_static_files_with_debug_off(db, capsys, monkeypatch, settings):
    """runserver serves /static/ itself only with DEBUG on: the local demo asks for it with DEBUG off too."""
    calls = []
    monkeypatch.setattr(launch, "prepare", lambda examples=None: [])
    monkeypatch.setattr("django.core.management.call_command", lambda *a, **kw: calls.append((a, kw)))
    settings.DEBUG = False
    assert launch.start(["--addr", "127.0.0.1:8102"]) == 0
    assert calls == [(("runserver", "127.0.0.1:8102"), {"use_reloader": False, "insecure_serving": True})]
    settings.JIXIAO_PRODUCTION = True
    calls.clear()
    assert launch.start([]) == 0
    assert calls[0][1]["insecure_serving"] is False


@pytest.mark.parametrize("command", [
    ["-m", "jixiao.web.manage", "check"],
    ["-m", "jixiao.cli", "start", "--no-serve"],
    ["-m", "jixiao.cli", "import", "nothing-here.json"],
])
def test_production_settings_without_a_secret_key_say_so_in_one_line(tmp_path, command):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SECRET_KEY", "DATABASE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="jixiao.web.settings_production", JIXIAO_VAR=str(tmp_path))
    proc = subprocess.run([sys.executable, *command], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "DJANGO_SECRET_KEY" in lines[0] and "settings_production" in lines[0]


def test_an_empty_database_url_means_the_default_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL="  ", JIXIAO_VAR=str(tmp_path))
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'jixiao.web.settings'; django.setup(); "
            "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "django.db.backends.sqlite3"
