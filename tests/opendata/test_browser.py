"""In Debian's chromium: each chart saved as a PNG for a person to look at (test-artifacts/), and the
XLSX and PDF of a disclosure downloaded from its public page and read.

Playwright runs in a thread of its own: its sync API allows one instance per thread, and the browser
tests in tests/browser keep theirs open in the main thread for the whole session.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def in_browser(fn: Callable[[Any], None]) -> None:
    """Run ``fn(page)`` in a fresh chromium page, in its own thread; its failures are this test's."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it with apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    failure: list[BaseException] = []

    def work() -> None:
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                try:
                    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1000, "height": 800},
                                              accept_downloads=True)
                    ctx.set_default_timeout(20000)
                    fn(ctx.new_page())
                    ctx.close()
                finally:
                    browser.close()
        except BaseException as exc:
            failure.append(exc)

    t = threading.Thread(target=work, name="playwright")
    t.start()
    t.join(timeout=300)
    assert not t.is_alive(), "the browser did not finish in 5 minutes"
    if failure:
        raise failure[0]


def save(page: Any, name: str, selector: str | None = None) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if selector:
        page.locator(selector).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 2000
    return path


def test_each_chart_is_saved_as_a_png(published, live_server):
    unit = published.a_year.unit_id
    charts = {
        "chart-completion-by-unit": "/data/charts/completion-2016-year.svg",
        "chart-unit-trend": f"/data/charts/trend-{unit}.svg",
        "chart-verdicts-by-goal": "/data/charts/goals-2016.svg",
        "chart-disclosure-goals": f"/units/{published.example.unit_id}/2016/year/goals.svg",
    }

    def look(page: Any) -> None:
        from playwright.sync_api import expect

        for name, url in charts.items():
            resp = page.goto(live_server.url + url)
            assert resp.ok, url
            expect(page.locator("svg text").first).to_be_visible()
            save(page, name, "svg")
        page.goto(live_server.url + "/data/")
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        for img in page.locator("figure.chart img").all():  # every chart <img> loaded
            assert img.evaluate("i => i.naturalWidth > 0"), img.get_attribute("src")
        save(page, "data-page")

    in_browser(look)


def test_visitor_downloads_the_xlsx_and_the_pdf_from_the_public_page(published, live_server, tmp_path):
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    d = published.example
    got: dict[str, bytes] = {}

    def visit(page: Any) -> None:
        page.goto(live_server.url + "/")
        page.get_by_role("link", name="全年").first.click()
        page.wait_for_url(f"**/units/{d.unit_id}/2016/year/")
        links = page.get_by_role("navigation", name="下载与打印")
        for fmt, label in (("xlsx", "Excel (XLSX)"), ("pdf", "PDF")):
            with page.expect_download() as info:
                links.get_by_role("link", name=label).click()
            download = info.value
            assert download.suggested_filename.endswith(f".{fmt}")
            path = tmp_path / f"download.{fmt}"
            download.save_as(path)
            got[fmt] = path.read_bytes()
        links.get_by_role("link", name="打印版").click()
        page.wait_for_url("**/print/")
        save(page, "disclosure-print-page")

    in_browser(visit)
    wb = load_workbook(io.BytesIO(got["xlsx"]))
    ws = wb["targets"]
    header = [c.value for c in ws[1]]
    lines = [dict(zip(header, [c.value for c in r], strict=False)) for r in ws.iter_rows(min_row=2)]
    expected = [(t["text"], t["verdict"]) for r in d.snapshot["rows"] for t in r["targets"]]
    assert [(ln["target"], ln["verdict"]) for ln in lines] == expected
    assert {ln["title"] for ln in lines} == {d.title}
    reader = PdfReader(io.BytesIO(got["pdf"]))
    text = "".join("".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "".join(d.title.split()) in text
    missed = next(t for r in d.snapshot["rows"] for t in r["targets"] if t["verdict"] == "not_met")
    assert "".join(missed["text"].split()) in text


def test_static_copy_works_under_a_sub_path(published, tmp_path):
    """The published copy served from /deep/base/: styles, charts and links all load."""
    import functools
    import http.server

    from jixiao.web.opendata.publish import publish_site

    www = tmp_path / "www"
    publish_site(www / "deep" / "base", pdf=False)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/deep/base/"
    d = published.a_year
    failed: list[str] = []

    def visit(page: Any) -> None:
        from playwright.sync_api import expect

        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(base)
        assert page.evaluate("getComputedStyle(document.querySelector('header.site')).backgroundColor") \
            == "rgb(11, 79, 138)"  # the stylesheet loaded
        page.get_by_role("link", name="开放数据与图表（CSV、Excel、JSON 下载）").click()
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        for img in page.locator("figure.chart img").all():
            assert img.evaluate("i => i.naturalWidth > 0"), img.get_attribute("src")
        page.get_by_role("link", name="测试甲局").click()
        expect(page.locator("figure.chart img")).to_have_count(1)
        page.locator("thead a").last.click()
        page.wait_for_url(f"**/deep/base/units/{d.unit_id}/2016/year/index.html")
        expect(page.get_by_role("heading", level=1)).to_have_text(d.title)
        save(page, "static-copy-disclosure")

    try:
        in_browser(visit)
    finally:
        server.shutdown()
    assert failed == []
