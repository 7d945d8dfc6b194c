"""The real flows in a browser: reading a disclosure, drafting, submitting, returning, approving,
publishing and correcting. Each test saves a screenshot to test-artifacts/."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from jixiao.web.performance import services
from jixiao.web.performance.models import Disclosure, Submission

from .conftest import login, shot


def test_visitor_sees_the_missed_milestone_with_its_evidence(site, new_page):
    page = new_page()
    page.goto(site["url"] + "/")
    page.keyboard.press("Tab")  # keyboard users land on the skip link first
    expect(page.get_by_role("link", name="跳到正文")).to_be_focused()
    expect(page.get_by_role("link", name=site["unit"].name).first).to_be_visible()
    page.get_by_role("link", name="全年").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(site["disclosure"].title)
    expect(page.get_by_text("发布时间")).to_be_visible()
    missed = page.locator("u.target-not_met", has_text="开始施工")
    expect(missed).to_be_visible()
    row = page.locator("tr", has=missed)
    expect(row.locator("mark.evidence-not_met").first).to_be_visible()
    expect(row.locator(".verdicts > .badge-not_met")).to_have_text("未完成")
    expect(row.locator(".reason", has_text="开始施工")).to_be_visible()
    shot(page, "visitor-disclosure")
    # The filter works without JavaScript: a plain GET form.
    page.get_by_label("核验结论").select_option("not_met")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"verdict=not_met"))
    expect(page.locator("table.disclosure-table > tbody > tr")).to_have_count(
        sum(1 for r in site["disclosure"].snapshot["rows"] if r["verdict"] == "not_met"))
    shot(page, "visitor-filter-not-met")
    small = new_page(width=390)
    small.goto(page.url)
    expect(small.locator("u.target-not_met", has_text="开始施工")).to_be_visible()
    shot(small, "visitor-mobile")


def _open_report(page, base, label):
    page.get_by_role("link", name=label).first.click()
    expect(page.locator("#status")).to_be_visible()


def test_reporter_drafts_approver_submits_reviewer_returns_then_approves_and_publishes(site, new_page):
    base, unit = site["url"], site["unit"]
    reporter = new_page()
    login(reporter, base, "reporter")
    year = site["disclosure"].period.cycle.year
    reporter.get_by_label("报告期").select_option(label=f"{unit.name} · {year} 上半年")
    reporter.get_by_role("button", name="开始或继续填报").click()
    expect(reporter.locator("#status")).to_have_text("草稿")
    section = reporter.locator("section.entry", has_text="职工文化建设")
    section.get_by_role("link", name="填写进度").click()
    reporter.get_by_label("完成进度").fill("上半年完成投资额9000万元，市政管网已开始施工。")
    reporter.get_by_role("button", name="保存并核验").click()
    section = reporter.locator("section.entry", has_text="职工文化建设")
    expect(section.locator("mark.evidence").first).to_be_visible()
    expect(section.locator(".verdict-list .badge").first).to_be_visible()
    expect(reporter.get_by_role("button", name="提交")).to_have_count(0)  # reporters draft, approvers submit
    shot(reporter, "reporter-draft-with-verdicts")

    approver = new_page()
    login(approver, base, "approver")
    _open_report(approver, base, unit.name)
    approver.get_by_role("button", name="提交").click()
    expect(approver.locator("#status")).to_have_text("已提交")
    shot(approver, "approver-submitted")

    reviewer = new_page()
    login(reviewer, base, "reviewer")
    _open_report(reviewer, base, unit.name)
    reviewer.get_by_label("退回意见").fill("请补充景观工程的进度")
    reviewer.get_by_role("button", name="退回").click()
    expect(reviewer.locator("#status")).to_have_text("已退回")
    shot(reviewer, "reviewer-returned")

    approver.reload()
    expect(approver.get_by_text("请补充景观工程的进度")).to_be_visible()
    approver.get_by_role("button", name="提交").click()
    expect(approver.locator("#status")).to_have_text("已提交")

    reviewer.reload()
    reviewer.get_by_role("button", name="审核通过").click()
    expect(reviewer.locator("#status")).to_have_text("已审核")
    reviewer.get_by_role("button", name="公示").click()
    expect(reviewer.locator("#status")).to_have_text("已公示")
    shot(reviewer, "reviewer-published")

    sub = Submission.objects.get(unit=unit, period__code="上半年")
    assert sub.status == Submission.Status.PUBLISHED
    visitor = new_page()
    visitor.goto(f"{base}/units/{unit.pk}/{sub.period.cycle.year}/h1/")
    expect(visitor.get_by_text("市政管网已开始施工")).to_be_visible()
    shot(visitor, "public-half-year")


def test_a_correction_shows_as_a_new_version(site, new_page):
    base, unit, d1 = site["url"], site["unit"], site["disclosure"]
    reviewer = new_page()
    login(reviewer, base, "reviewer")
    _open_report(reviewer, base, unit.name)
    reviewer.get_by_label("更正原因").fill("投资额数字录入有误")
    reviewer.get_by_role("button", name="打开更正").click()
    expect(reviewer.locator("#status")).to_have_text("已退回")

    # The unit corrects the figure and resubmits (the drafting pages are exercised in the test above).
    sub = d1.submission
    sub.refresh_from_db()
    from django.contrib.auth import get_user_model

    users = {u.username: u for u in get_user_model().objects.all()}
    entry = next(e for e in sub.entries.all() if "18350万元" in e.narrative)
    services.entry_update(entry=entry, actor=users["reporter"],
                          narrative=entry.narrative.replace("18350万元", "18150万元"))
    services.submission_submit(submission=sub, actor=users["approver"])

    reviewer.reload()
    reviewer.get_by_role("button", name="审核通过").click()
    reviewer.get_by_label("公示说明（更正时填写）").fill("更正年度投资额")
    reviewer.get_by_role("button", name="公示").click()
    expect(reviewer.locator("#status")).to_have_text("已公示")
    assert Disclosure.objects.filter(unit=unit).count() == 2

    visitor = new_page()
    visitor.goto(f"{base}/units/{unit.pk}/{d1.period.cycle.year}/year/")
    corrections = visitor.locator("section.corrections")
    expect(corrections).to_contain_text("第 2 版")
    expect(corrections).to_contain_text("更正年度投资额")
    expect(corrections.locator("ins", has_text="18150万元")).to_be_visible()
    expect(visitor.get_by_text("18150万元").last).to_be_visible()
    shot(visitor, "public-corrected")
    visitor.get_by_role("link", name="查看第 1 版").click()
    expect(visitor.get_by_text("（历史版本）")).to_be_visible()
    expect(visitor.locator("td.progress", has_text="18350万元")).to_be_visible()
    shot(visitor, "public-version-1")
