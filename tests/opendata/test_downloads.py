"""Downloads of one disclosure and of the whole dataset, the Atom feed and the sitemap."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

from openpyxl import load_workbook

from jixiao.formats.registry import read_documents
from jixiao.web.performance import services
from jixiao.web.performance.models import Disclosure, Submission, Verdict

from .conftest import ROWS_GOOD, import_doc, make_doc

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def base(d: Disclosure) -> str:
    return f"/units/{d.unit_id}/{d.period.cycle.year}/{d.period.slug}/"


def csv_lines(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV starts with a BOM so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_disclosure_csv_has_targets_actuals_and_verdicts_as_columns(published, client):
    d = published.b_year
    resp = client.get(base(d) + "disclosure.csv")
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("text/csv")
    assert "attachment" in resp["Content-Disposition"]
    lines = csv_lines(resp.content)
    by_target = {ln["target"]: ln for ln in lines}
    assert set(by_target) == {t["text"] for r in d.snapshot["rows"] for t in r["targets"]}
    training = next(ln for ln in lines if ln["goal"] == "职工培训")
    assert (training["value"], training["unit"], training["actual_value"], training["verdict"]) == \
        ("100", "场", "120", "met")
    books = next(ln for ln in lines if ln["goal"] == "职工书屋")
    assert (books["value"], books["actual_value"], books["verdict"]) == ("20", "12", "not_met")
    assert {ln["organization"] for ln in lines} == {"测试乙局"}


def test_disclosure_xlsx_and_json_read_back_to_the_published_rows(published, client):
    d = published.example
    for fmt in ("xlsx", "json"):
        resp = client.get(base(d) + f"disclosure.{fmt}")
        assert resp.status_code == 200, fmt
        docs = read_documents(resp.content, source=f"download.{fmt}")
        assert len(docs) == 1
        back = docs[0]
        assert back.title == d.title
        assert [(r.goal, r.indicator, r.progress) for r in back.rows] == [
            (r["goal"], r["indicator"], r["progress"]) for r in d.snapshot["rows"]]
    wb = load_workbook(io.BytesIO(client.get(base(d) + "disclosure.xlsx").content))
    assert set(wb.sheetnames) >= {"rows", "targets", "disclosure"}
    ws = wb["targets"]
    header = [c.value for c in ws[1]]
    verdicts = [dict(zip(header, [c.value for c in row], strict=False))["verdict"] for row in ws.iter_rows(min_row=2)]
    expected = [t["verdict"] for r in d.snapshot["rows"] for t in r["targets"]]
    assert verdicts == expected
    assert "not_met" in verdicts


def test_download_shows_the_reviewers_override_not_a_fresh_check(published, client, django_user_model):
    """The public file says what the public page says: a reviewer's override, with its reason."""
    sub = published.b_year.submission
    v = Verdict.objects.filter(entry__submission=sub, verdict="not_met").first()
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "pw-root-1")
    services.submission_reopen(submission=sub, actor=admin, reason="复核")
    Submission.objects.filter(pk=sub.pk).update(status=Submission.Status.APPROVED)  # (submitted and approved)
    sub.refresh_from_db()
    v.refresh_from_db()
    services.verdict_override(verdict=v, actor=admin, new_verdict="met", reason="另有12家在建，经核实已完成")
    services.disclosure_publish(submission=sub, actor=admin, note="复核更正")
    lines = csv_lines(client.get(base(published.b_year) + "disclosure.csv").content)
    books = next(ln for ln in lines if ln["goal"] == "职工书屋")
    assert books["verdict"] == "met"
    assert "经核实已完成" in books["reason"]
    # the first version stays downloadable as it was
    old = csv_lines(client.get(base(published.b_year) + "disclosure.csv?version=1").content)
    assert next(ln for ln in old if ln["goal"] == "职工书屋")["verdict"] == "not_met"


def test_whole_dataset_holds_the_newest_version_of_every_disclosure(published, client):
    lines = csv_lines(client.get("/data/jixiao-dataset.csv").content)
    assert {(ln["organization"], ln["period"]) for ln in lines} == {
        ("测试甲局", "上半年"), ("测试甲局", "全年"), ("测试乙局", "全年"), (published.example.unit.name, "全年")}
    js = json.loads(client.get("/data/jixiao-dataset.json").content)
    assert js["schema"] == "jixiao.dataset/1"
    assert len(js["documents"]) == 4
    docs = read_documents(client.get("/data/jixiao-dataset.xlsx").content, source="all.xlsx")
    assert sorted(d.organization or "" for d in docs) == sorted(ln["organization"] for ln in
                                                               {ln["document"]: ln for ln in lines}.values())


def test_unknown_or_unpublished_downloads_are_404(published, client):
    d = published.a_h1
    assert client.get(f"/units/{d.unit_id}/2015/h1/disclosure.csv").status_code == 404
    assert client.get(f"/units/{d.unit_id}/2016/q1/disclosure.csv").status_code == 404
    assert client.get(base(d) + "disclosure.exe").status_code == 404
    assert client.get(base(d) + "disclosure.csv?version=9").status_code == 404
    assert client.get("/data/jixiao-dataset.pdf").status_code == 404


def test_feed_lists_new_disclosures_and_corrections_newest_first(published, client):
    import_doc(make_doc("测试乙局", 2016, "全年", [*ROWS_GOOD, ("新增目标", "完成调研报告3篇。", "完成调研报告3篇。")]),
               "b-year-v2.json")
    resp = client.get("/feed.atom")
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(resp.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == Disclosure.objects.count() == 5
    first = entries[0]
    assert "第 2 版" in first.findtext(f"{ATOM}title")
    assert first.find(f"{ATOM}link").get("href").endswith("/2016/year/?version=2")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)


def test_sitemap_lists_every_public_page_and_each_resolves(published, client):
    resp = client.get("/sitemap.xml")
    assert resp.status_code == 200
    root = ElementTree.fromstring(resp.content)
    locs = [u.findtext(f"{SM}loc") for u in root.findall(f"{SM}url")]
    paths = [loc.removeprefix("http://testserver") for loc in locs]
    for d in (published.example, published.a_h1, published.a_year, published.b_year):
        assert base(d) in paths
    assert "/" in paths and "/data/" in paths
    for p in paths:
        assert client.get(p).status_code == 200, p


def test_public_pages_link_to_downloads_feed_and_charts(published, client):
    d = published.a_year
    html = client.get(base(d)).content.decode()
    for fmt in ("csv", "xlsx", "json", "pdf"):
        assert f'href="{base(d)}disclosure.{fmt}"' in html
    assert f'href="{base(d)}print/"' in html
    assert f'src="{base(d)}goals.svg"' in html
    assert 'type="application/atom+xml"' in html
    home = client.get("/").content.decode()
    assert 'href="/data/"' in home
    compare = client.get(f"/units/{d.unit_id}/compare/").content.decode()
    assert f'src="/data/charts/trend-{d.unit_id}.svg"' in compare
    old = client.get(base(d) + "?version=1").content.decode()
    assert "disclosure.csv" in old
