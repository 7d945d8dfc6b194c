"""``jixiao start`` set-up: migrate, import examples idempotently, demo accounts for every role."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from jixiao.web import launch
from jixiao.web.performance.models import Disclosure, Membership, Period


@pytest.mark.django_db(transaction=True)
def test_prepare_imports_examples_once_and_creates_accounts(tmp_path, example_bytes, capsys):
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


def test_start_without_serving_prints_the_accounts(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(launch, "prepare", lambda examples=None: [
        {"username": "u", "password": "p", "role": "r", "organization": "o"}])
    assert launch.start(["--no-serve"]) == 0
    out = capsys.readouterr().out
    assert "u" in out and "http://127.0.0.1:8000/" in out
