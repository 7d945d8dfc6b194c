"""Open data on the public site: downloads, the Atom feed, the sitemap, charts, print page and PDF.

Everything here is public and read-only and shows published snapshots only.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from jixiao.web.opendata import charts, exports
from jixiao.web.opendata import selectors as od
from jixiao.web.performance import selectors
from jixiao.web.performance.models import Disclosure, Organization
from jixiao.web.performance.views import published_versions_or_404, version_or_404

PERIOD_NAMES = {"一季度", "二季度", "上半年", "三季度", "前三季度", "全年"}


def find_disclosure(request: HttpRequest, unit_id: int, year: int, period_slug: str) -> Disclosure:
    """The current version of a unit's disclosure, or the one named by ``?version=``; 404 if unpublished."""
    _unit, versions = published_versions_or_404(unit_id, year, period_slug)
    return version_or_404(versions, request.GET.get("version"))


def disclosure_url(d: Disclosure) -> str:
    return reverse("disclosure", args=[d.unit_id, d.period.cycle.year, d.period.slug])


def _attachment(data: bytes, fmt: str, filename: str) -> HttpResponse:
    resp = HttpResponse(data, content_type=exports.content_type(fmt))
    resp["Content-Disposition"] = _content_disposition(filename)
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


def _content_disposition(filename: str) -> str:
    from django.utils.http import content_disposition_header

    return content_disposition_header(as_attachment=True, filename=filename) or "attachment"


@require_safe
def disclosure_download(request: HttpRequest, unit_id: int, year: int, period_slug: str, fmt: str
                        ) -> HttpResponse:
    d = find_disclosure(request, unit_id, year, period_slug)
    if fmt == "pdf":
        from jixiao.web.opendata.pdf import disclosure_pdf

        data = disclosure_pdf(d)
    elif fmt in exports.FORMATS:
        data = exports.export_disclosures([d], fmt)  # type: ignore[arg-type]
    else:
        raise Http404
    return _attachment(data, fmt, exports.download_name(d, fmt))


@require_safe
def dataset_download(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in exports.FORMATS:
        raise Http404
    return _attachment(exports.export_dataset(fmt), fmt, f"jixiao-dataset.{fmt}")  # type: ignore[arg-type]


def print_context(d: Disclosure) -> dict[str, Any]:
    stacks = od.goal_stacks([d])
    return {
        "d": d, "unit": d.unit, "rows": selectors.display_rows(d.snapshot),
        "counts": selectors.snapshot_counts(d.snapshot),
        "chart": charts.stacked_chart(_("各目标核验结论"), stacks, width=680) if stacks else "",
    }


@require_safe
def disclosure_print(request: HttpRequest, unit_id: int, year: int, period_slug: str) -> HttpResponse:
    d = find_disclosure(request, unit_id, year, period_slug)
    ctx = print_context(d)
    ctx["page_url"] = disclosure_url(d)
    return render(request, "opendata/print.html", ctx)


# --- charts -----------------------------------------------------------------------------------------


def _svg(svg: str) -> HttpResponse:
    resp = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


def completion_svg_title(year: int, code: str) -> str:
    return _("%(year)s年%(period)s 各单位完成率") % {"year": year, "period": code}


def trend_svg_title(unit: Organization) -> str:
    return _("%(unit)s 历年完成率") % {"unit": unit.name}


def goals_svg_title(year: int | None, unit: Organization | None = None) -> str:
    if unit is not None:
        return _("%(unit)s 各目标核验结论") % {"unit": unit.name}
    return _("%(year)s年 各目标核验结论") % {"year": year}


@require_safe
def chart_completion(request: HttpRequest, year: int, period_slug: str) -> HttpResponse:
    code = selectors.SLUG_TO_PERIOD.get(period_slug)
    if code is None:
        raise Http404
    bars = od.completion_bars(year, code)
    if not bars:
        raise Http404(_("尚未公示"))
    return _svg(charts.bar_chart(completion_svg_title(year, code), bars))


@require_safe
def chart_trend(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = get_object_or_404(Organization, pk=unit_id)
    points = od.unit_trend(unit)
    if not points:
        raise Http404(_("尚未公示"))
    return _svg(charts.line_chart(trend_svg_title(unit), points))


@require_safe
def chart_goals_year(request: HttpRequest, year: int) -> HttpResponse:
    ds = [d for d in selectors.disclosures_current() if d.period.cycle.year == year]
    if not ds:
        raise Http404(_("尚未公示"))
    return _svg(charts.stacked_chart(goals_svg_title(year), od.goal_stacks(ds)))


@require_safe
def chart_goals_disclosure(request: HttpRequest, unit_id: int, year: int, period_slug: str) -> HttpResponse:
    d = find_disclosure(request, unit_id, year, period_slug)
    return _svg(charts.stacked_chart(goals_svg_title(year, d.unit), od.goal_stacks([d])))


@require_safe
def data_page(request: HttpRequest) -> HttpResponse:
    """Downloads of the whole dataset, the feed, and the charts with their numbers as tables."""
    current = selectors.disclosures_current()
    periods = [
        {"year": y, "code": c, "slug": s, "title": completion_svg_title(y, c),
         "bars": od.completion_bars(y, c, current)}
        for y, c, s in od.published_periods(current)
    ]
    years = [
        {"year": y, "title": goals_svg_title(y),
         "stacks": od.goal_stacks(d for d in current if d.period.cycle.year == y)}
        for y in od.published_years(current)
    ]
    units = sorted({d.unit_id: d.unit for d in current}.values(), key=lambda u: u.name)
    return render(request, "opendata/data.html", {
        "periods": periods, "years": years, "units": units, "formats": exports.FORMATS,
        "count": len(current),
    })


# --- feed and sitemap -------------------------------------------------------------------------------


class DisclosureFeed(Feed):  # type: ignore[type-arg]
    """Atom feed of newly published disclosures and corrected versions, newest first."""

    feed_type = Atom1Feed

    def title(self) -> str:
        return _("绩效考核目标完成进度公示：最新公示")

    def subtitle(self) -> str:
        return _("新公示的绩效考核目标完成进度及更正版本")

    def link(self) -> str:
        return reverse("home")

    def feed_url(self) -> str:
        return reverse("od-feed")

    def items(self) -> list[Disclosure]:
        return list(Disclosure.objects.select_related("unit", "period__cycle").order_by("-published_at", "-id")[:50])

    def item_title(self, item: Disclosure) -> str:
        if item.version > 1:
            return _("%(title)s（第 %(v)s 版，更正）") % {"title": item.title, "v": item.version}
        return item.title

    def item_description(self, item: Disclosure) -> str:
        c = selectors.snapshot_counts(item.snapshot)
        text = _("目标 %(total)s 项：已完成 %(met)s，未完成 %(nm)s，无法核实 %(un)s。") % {
            "total": c["total"], "met": c["met"], "nm": c["not_met"], "un": c["unverified"]}
        if item.change_note:
            text += " " + item.change_note
        return text

    def item_link(self, item: Disclosure) -> str:
        url = disclosure_url(item)
        return url if item.version == 1 else f"{url}?version={item.version}"

    def item_guid(self, item: Disclosure) -> str:
        return f"jixiao-disclosure-{item.unit_id}-{item.period_id}-v{item.version}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Disclosure) -> Any:
        return item.published_at

    def item_updateddate(self, item: Disclosure) -> Any:
        return item.published_at

    def item_author_name(self, item: Disclosure) -> str:
        return item.unit.name


class DisclosureSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"
    priority = 0.8

    def items(self) -> list[Disclosure]:
        return selectors.disclosures_current()

    def location(self, item: Disclosure) -> str:
        return disclosure_url(item)

    def lastmod(self, item: Disclosure) -> Any:
        return item.published_at


class UnitSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> list[tuple[int, Any]]:
        latest: dict[int, Any] = {}
        for d in selectors.disclosures_current():
            latest[d.unit_id] = max(latest.get(d.unit_id, d.published_at), d.published_at)
        return sorted(latest.items())

    def location(self, item: tuple[int, Any]) -> str:
        return reverse("unit-compare", args=[item[0]])

    def lastmod(self, item: tuple[int, Any]) -> Any:
        return item[1]


class PagesSitemap(Sitemap):  # type: ignore[type-arg]
    changefreq = "weekly"
    priority = 1.0

    def items(self) -> list[str]:
        return ["home", "od-data"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"pages": PagesSitemap, "disclosures": DisclosureSitemap, "units": UnitSitemap}


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    from django.contrib.sitemaps.views import sitemap as django_sitemap

    return django_sitemap(request, SITEMAPS, template_name="opendata/sitemap.xml")
