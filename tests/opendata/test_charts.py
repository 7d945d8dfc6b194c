"""The SVG charts: numbers drawn to scale, text escaped, titles for screen readers; served by the site."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from jixiao.web.opendata import charts
from jixiao.web.opendata import selectors as od

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title")
    assert root.findtext(f"{SVG}desc")
    return root


def bar_rects(root: ElementTree.Element, fill: str | None = None) -> list[ElementTree.Element]:
    return [r for r in root.iter(f"{SVG}rect") if r.get("height") != "100%" and (fill is None or r.get("fill") == fill)]


def test_bar_chart_draws_each_share_to_scale_and_writes_it():
    svg = charts.bar_chart("完成率", [charts.Bar("甲", 0.8), charts.Bar("乙", 0.4), charts.Bar("丙", None)])
    root = parse(svg)
    rects = bar_rects(root, charts.BAR)
    assert len(rects) == 2  # no bar for a unit without a score
    w = [float(r.get("width")) for r in rects]
    assert abs(w[0] / w[1] - 2.0) < 0.01
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "80.0%" in texts and "40.0%" in texts and "—" in texts
    assert "甲 80.0%" in root.findtext(f"{SVG}desc")


def test_labels_are_escaped_and_long_ones_cut_to_fit():
    long = "某某市某某区某某街道某某社区居民委员会第一分会<script>"
    svg = charts.bar_chart("t&<", [charts.Bar(long, 0.5)])
    assert "<script>" not in svg
    root = parse(svg)
    assert root.findtext(f"{SVG}title") == "t&<"
    label = next(t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("某某"))
    assert label.endswith("…") and len(label) < len(long)
    assert charts.text_width(label, 14) <= 260


def test_line_chart_keeps_order_and_leaves_gaps():
    pts = [charts.Point("2015 全年", 0.5), charts.Point("2016 上半年", None), charts.Point("2016 全年", 1.0)]
    root = parse(charts.line_chart("趋势", pts))
    circles = list(root.iter(f"{SVG}circle"))
    assert len(circles) == 2
    (x1, y1), (x2, y2) = [(float(c.get("cx")), float(c.get("cy"))) for c in circles]
    assert x1 < x2 and y2 < y1  # later to the right, higher share drawn higher
    assert not list(root.iter(f"{SVG}polyline"))  # the gap breaks the line: no segment of two points
    root2 = parse(charts.line_chart("趋势", [pts[0], pts[2]]))
    assert len(next(root2.iter(f"{SVG}polyline")).get("points").split()) == 2


def test_stacked_chart_splits_each_bar_by_verdict():
    root = parse(charts.stacked_chart("结论", [charts.Stack("培训", {"met": 3, "not_met": 1, "unverified": 0})]))
    met = bar_rects(root, charts.COLOURS["met"])
    nm = bar_rects(root, charts.COLOURS["not_met"])
    met_w = [float(r.get("width")) for r in met if r.get("width") != "14"]
    nm_w = [float(r.get("width")) for r in nm if r.get("width") != "14"]
    assert len(met_w) == len(nm_w) == 1
    assert abs(met_w[0] / nm_w[0] - 3.0) < 0.01
    assert "已完成 3" in root.findtext(f"{SVG}desc")


def test_chart_data_comes_from_the_published_snapshots(published):
    bars = od.completion_bars(2016, "全年")
    assert [b.label for b in bars][:1] == ["测试甲局"]  # 2 of 2 met: first
    assert {b.label: b.value for b in bars}["测试乙局"] == published.b_year.score
    trend = od.unit_trend(published.a_year.unit)
    assert [p.label for p in trend] == ["2016 上半年", "2016 全年"]
    assert [p.value for p in trend] == [published.a_h1.score, published.a_year.score]
    stacks = {s.label: s.counts for s in od.goal_stacks([published.a_h1, published.b_year])}
    # the half-year shortfall is progress during the year (LABELLING.md, Periods), not a shortfall yet
    assert stacks["职工书屋"] == {"met": 0, "not_met": 1, "unverified": 1}
    assert stacks["职工培训"]["met"] == 2


def test_chart_urls_serve_svg_and_the_data_page_shows_them_with_tables(published, client):
    unit = published.a_year.unit_id
    for url in ("/data/charts/completion-2016-year.svg", f"/data/charts/trend-{unit}.svg",
                "/data/charts/goals-2016.svg", f"/units/{unit}/2016/year/goals.svg"):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert resp["Content-Type"].startswith("image/svg+xml")
        parse(resp.content.decode())
    assert client.get("/data/charts/completion-2031-year.svg").status_code == 404
    assert client.get("/data/charts/trend-99999.svg").status_code == 404
    html = client.get("/data/").content.decode()
    srcs = re.findall(r'<img src="([^"]+\.svg)"', html)
    assert "/data/charts/completion-2016-year.svg" in srcs and "/data/charts/goals-2016.svg" in srcs
    assert "<details>" in html and "测试乙局" in html  # the numbers, readable without the picture
