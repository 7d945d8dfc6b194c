"""Template tags that put open-data links and charts on the public pages (one line in each template)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from jixiao.web.opendata import selectors as od
from jixiao.web.opendata import views
from jixiao.web.performance.models import Disclosure, Organization

register = template.Library()


@register.inclusion_tag("opendata/figure.html")
def chart_figure(kind: str, title: str, *, bars: Any = None, points: Any = None, stacks: Any = None,
                 year: int | None = None, slug: str = "", unit: Organization | None = None,
                 d: Disclosure | None = None) -> dict[str, Any]:
    """A chart as an <img> of its SVG, with a caption and its numbers as a table (shown on demand)."""
    if kind == "completion":
        src, fig_id = reverse("od-chart-completion", args=[year, slug]), f"chart-completion-{year}-{slug}"
    elif kind == "trend":
        assert unit is not None
        src, fig_id = reverse("od-chart-trend", args=[unit.pk]), f"chart-trend-{unit.pk}"
    elif kind == "goals" and d is not None:
        src = reverse("od-chart-disclosure-goals", args=[d.unit_id, d.period.cycle.year, d.period.slug])
        fig_id = "chart-goals"
    elif kind == "goals":
        src, fig_id = reverse("od-chart-goals", args=[year]), f"chart-goals-{year}"
    else:
        raise template.TemplateSyntaxError(f"unknown chart kind {kind!r}")
    return {"src": src, "fig_id": fig_id, "title": title, "bars": bars, "points": points, "stacks": stacks}


@register.inclusion_tag("opendata/disclosure_links.html")
def disclosure_downloads(d: Disclosure, current: Disclosure | None = None) -> dict[str, Any]:
    """Download links (CSV, XLSX, JSON, PDF) and the print page of the version shown."""
    q = f"?version={d.version}" if current is not None and current.pk != d.pk else ""
    return {"d": d, "q": q, "formats": [("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("json", "JSON"),
                                        ("pdf", "PDF")]}


@register.simple_tag
def disclosure_goals_chart(d: Disclosure) -> str:
    stacks = od.goal_stacks([d])
    if not stacks:
        return ""
    return render_to_string("opendata/figure.html", chart_figure(
        "goals", views.goals_svg_title(d.period.cycle.year, d.unit), stacks=stacks, d=d))


@register.simple_tag
def unit_trend_chart(unit: Organization) -> str:
    points = od.unit_trend(unit)
    if not points:
        return ""
    return render_to_string("opendata/figure.html", chart_figure(
        "trend", views.trend_svg_title(unit), points=points, unit=unit))


@register.simple_tag
def opendata_link() -> str:
    from django.utils.html import format_html

    return format_html('<p class="opendata-links"><a href="{}">{}</a> · <a href="{}">{}</a></p>',
                       reverse("od-data"), _("开放数据与图表（CSV、Excel、JSON 下载）"),
                       reverse("od-feed"), _("订阅新公示（Atom）"))
