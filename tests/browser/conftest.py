"""Browser tests: pytest-django's live server driven by Playwright with Debian's chromium.

Screenshots go to test-artifacts/. Without /usr/bin/chromium the tests are skipped locally and fail in CI
(where .ci/run installs it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; the test thread's ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLE = ROOT.parent / "shared" / "examples" / "hangzhou-ftu-2016-full-year.txt"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it with apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    contexts = []

    def make(width: int = 1280) -> Any:
        ctx = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
        ctx.set_default_timeout(15000)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


def shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
    return path


@pytest.fixture
def site(live_server: Any) -> dict[str, Any]:
    """The example imported, demo accounts, and a half-year period to report on."""
    from jixiao.web.performance import services
    from jixiao.web.performance.models import Disclosure, Organization

    if not EXAMPLE.exists():
        pytest.skip(f"example disclosure missing: {EXAMPLE}")
    record, preview = services.disclosure_import(data=EXAMPLE.read_bytes(), filename=EXAMPLE.name, actor=None)
    assert record is not None, preview.errors
    from django.test import override_settings

    with override_settings(DEBUG=True):  # demo accounts only in the local demo; the server itself runs DEBUG off
        services.demo_accounts_create(password="browser-pw-1")
    disclosure = Disclosure.objects.get()
    office = Organization.objects.get(kind=Organization.Kind.OFFICE)
    from django.contrib.auth import get_user_model

    reviewer = get_user_model().objects.get(username="reviewer")
    services.cycle_periods_configure(office=office, year=disclosure.period.cycle.year, codes=["上半年", "全年"],
                                     actor=reviewer)
    return {"url": live_server.url, "disclosure": disclosure, "unit": disclosure.unit}


def login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill("browser-pw-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base}/work/")
