"""``jixiao publish``: the public site as static files whose links all work from any base path."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from jixiao.web.opendata import publish
from jixiao.web.performance.models import Disclosure

from .conftest import ROWS_GOOD, import_doc, make_doc

LINK = re.compile(r'(?:href|src|action)="([^"]*)"')


def local_links(root: Path) -> dict[Path, list[str]]:
    out = {}
    for page in root.rglob("*.html"):
        out[page] = [u for u in LINK.findall(page.read_text("utf-8"))
                     if not u.startswith(("#", "data:", "http://", "https://", "mailto:"))]
    return out


def test_target_files():
    t = publish.target_file
    assert t("/") == "index.html"
    assert t("/data/") == "data/index.html"
    assert t("/data/charts/goals-2016.svg") == "data/charts/goals-2016.svg"
    assert t("/units/1/2016/year/?version=2") == "units/1/2016/year/v2/index.html"
    assert t("/units/1/2016/year/disclosure.csv?version=2") == "units/1/2016/year/v2/disclosure.csv"
    assert t("/units/1/2016/year/?verdict=met") is None
    assert t("/work/") is None and t("/accounts/login/") is None and t("/admin/") is None
    assert t("https://other.example/") is None and t("/a/../../etc/passwd") is None
    assert publish.relative("units/1/2016/year/index.html", "static/x.css") == "../../../../static/x.css"


def test_every_link_of_the_static_copy_is_a_file_in_it(published, tmp_path):
    # a correction, so that an earlier version exists
    import_doc(make_doc("测试乙局", 2016, "全年", [*ROWS_GOOD, ("调研", "完成调研报告3篇。", "完成调研报告3篇。")]),
               "b2.json")
    out = tmp_path / "site"
    report = publish.publish_site(out, site_url="https://example.gov.cn/jixiao/", pdf=False)
    assert report.pages >= 8 and report.skipped == 0
    for d in Disclosure.objects.select_related("period__cycle"):
        folder = out / "units" / str(d.unit_id) / str(d.period.cycle.year) / d.period.slug
        assert (folder / "index.html").exists()
        assert (folder / "disclosure.xlsx").read_bytes().startswith(b"PK")
        assert (folder / "print" / "index.html").exists()
    b = Disclosure.objects.filter(unit__name="测试乙局").order_by("version").first()
    old = out / "units" / str(b.unit_id) / "2016" / "year" / "v1"
    assert (old / "index.html").exists() and (old / "disclosure.csv").exists()
    assert "（历史版本）" in (old / "index.html").read_text("utf-8")
    for name in ("data/jixiao-dataset.csv", "data/jixiao-dataset.xlsx", "data/jixiao-dataset.json",
                 "static/performance/site.css", "feed.atom", "sitemap.xml", "data/charts/goals-2016.svg"):
        assert (out / name).stat().st_size > 0, name
    assert not list(out.rglob("*.pdf"))  # --no-pdf
    checked = 0
    for page, links in local_links(out).items():
        html = page.read_text("utf-8")
        assert "/accounts/login/" not in html and "csrfmiddlewaretoken" not in html, page
        for u in links:
            assert not u.startswith("/"), (page, u)  # relative: works from any base path
            target = (page.parent / u.split("#")[0]).resolve()
            assert target.is_file(), (page.relative_to(out), u)
            checked += 1
    assert checked > 100
    sm = ElementTree.fromstring((out / "sitemap.xml").read_bytes())
    locs = [e.text for e in sm.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith("https://example.gov.cn/jixiao/") for loc in locs)
    for loc in locs:
        rel = loc.removeprefix("https://example.gov.cn/jixiao/")
        assert (out / rel / "index.html").is_file() or (out / rel).is_file(), loc
    feed = (out / "feed.atom").read_text("utf-8")
    assert "testserver" not in feed and "https://example.gov.cn/jixiao/units/" in feed
    assert "/v2/" in feed  # the correction's entry links to its version


def test_without_a_site_url_no_sitemap_and_the_feed_links_relatively(published, tmp_path):
    out = tmp_path / "site"
    publish.publish_site(out, pdf=False)
    assert not (out / "sitemap.xml").exists()
    assert "sitemap.xml" not in (out / "data" / "index.html").read_text("utf-8")
    feed = (out / "feed.atom").read_text("utf-8")
    hrefs = re.findall(r'href="([^"]+)"', feed)
    assert hrefs and all(not h.startswith(("http", "/")) for h in hrefs)
    assert all((out / posixpath.normpath(h)).exists() for h in hrefs)


def test_publish_replaces_an_earlier_copy_but_never_another_folder(published, tmp_path):
    out = tmp_path / "site"
    publish.publish_site(out, pdf=False)
    (out / "stale.html").write_text("old")
    publish.publish_site(out, pdf=False)
    assert not (out / "stale.html").exists() and (out / "index.html").exists()
    other = tmp_path / "mine"
    other.mkdir()
    (other / "thesis.txt").write_text("keep me")
    with pytest.raises(publish.PublishError):
        publish.publish_site(other, pdf=False)
    assert (other / "thesis.txt").read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left
