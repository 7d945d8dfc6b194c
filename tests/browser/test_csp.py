"""The main pages in a real browser under the site's Content-Security-Policy: no console error, no CSP violation,
no resource refused, and the stylesheet and charts still load (the server runs with DEBUG off, as in production)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .conftest import login, shot

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile
                            + ':' + e.lineNumber));
"""


class Watcher:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def page(self, make: Any) -> Any:
        page = make()
        page.add_init_script(WATCH)
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"{page.url}: console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"{page.url}: script error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"{page.url}: {r.url} failed: {r.failure}"))
        return page

    def check(self, page: Any, what: str) -> None:
        page.wait_for_load_state("networkidle")
        for v in page.evaluate("window.__csp || []"):
            self.problems.append(f"{what} ({page.url}): CSP violation: {v}")

    def visit(self, page: Any, url: str, what: str) -> Any:
        resp = page.goto(url)
        assert resp is not None and resp.status == 200, (what, url, resp and resp.status)
        policy = resp.headers.get("content-security-policy", "")
        assert "default-src 'none'" in policy and "unsafe-inline" not in policy, (what, policy)
        self.check(page, what)
        return resp


def test_the_watcher_sees_a_violation(site, new_page):
    """The check below would notice: an inline style added to a page is refused and reported."""
    w = Watcher()
    page = w.page(new_page)
    w.visit(page, site["url"] + "/", "home")
    assert w.problems == []
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p id=\"x\" style=\"color: red\">x</p>')")
    page.wait_for_timeout(200)
    w.check(page, "home with an inline style")
    assert any("style-src" in p for p in w.problems), w.problems
    assert page.eval_on_selector("#x", "e => getComputedStyle(e).color") != "rgb(255, 0, 0)"


def test_main_pages_have_no_console_error_and_no_csp_violation(site, new_page):
    base, d, unit = site["url"], site["disclosure"], site["unit"]
    year = d.period.cycle.year
    w = Watcher()

    visitor = w.page(new_page)
    w.visit(visitor, f"{base}/", "home")
    # the stylesheet loaded: the header has the site's colour
    header = visitor.locator("header.site")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(11, 79, 138)"
    w.visit(visitor, f"{base}/units/{unit.pk}/{year}/{d.period.slug}/", "disclosure page")
    expect(visitor.locator("u.target-not_met").first).to_be_visible()
    w.visit(visitor, f"{base}/units/{unit.pk}/{year}/{d.period.slug}/print/", "print page")
    assert visitor.locator("table").evaluate("e => getComputedStyle(e).borderCollapse") == "collapse"
    w.visit(visitor, f"{base}/units/{unit.pk}/compare/", "unit over the years")
    w.visit(visitor, f"{base}/data/", "data and charts")
    charts = visitor.locator("img.chart-img")
    assert charts.count() >= 2
    for i in range(charts.count()):
        assert charts.nth(i).evaluate("e => e.complete && e.naturalWidth > 0"), i
    shot(visitor, "csp-data-page")
    w.visit(visitor, f"{base}/accounts/login/", "login page")

    reporter = w.page(new_page)
    login(reporter, base, "reporter")
    w.check(reporter, "reporter's work page")
    reporter.get_by_label("报告期").select_option(label=f"{unit.name} · {year} 上半年")
    reporter.get_by_role("button", name="开始或继续填报").click()
    expect(reporter.locator("#status")).to_have_text("草稿")
    w.check(reporter, "reporter's report")
    reporter.locator("section.entry").first.get_by_role("link", name="填写进度").click()
    expect(reporter.get_by_label("完成进度")).to_be_visible()
    w.check(reporter, "reporter's entry form")
    reporter.get_by_label("完成进度").fill("上半年完成投资额9000万元。")
    reporter.get_by_role("button", name="保存并核验").click()
    expect(reporter.locator("#status")).to_be_visible()
    w.check(reporter, "reporter's report with verdicts")
    shot(reporter, "csp-reporter-report")

    reviewer = w.page(new_page)
    login(reviewer, base, "reviewer")
    w.check(reviewer, "reviewer's work page")
    reviewer.get_by_role("link", name=unit.name).first.click()
    expect(reviewer.locator("#status")).to_be_visible()
    w.check(reviewer, "reviewer's report")
    w.visit(reviewer, f"{base}/work/import/", "import page")
    w.visit(reviewer, f"{base}/work/audit/", "audit log")

    admin = w.page(new_page)
    w.visit(admin, f"{base}/admin/login/?next=/admin/", "admin login")
    admin.locator("#id_username").fill("admin")
    admin.locator("#id_password").fill("browser-pw-1")
    admin.locator("input[type=submit]").click()
    admin.wait_for_url(f"{base}/admin/")
    w.check(admin, "admin index")
    w.visit(admin, f"{base}/admin/performance/organization/", "admin list")
    shot(admin, "csp-admin-list")

    assert w.problems == []
