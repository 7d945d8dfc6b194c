"""Open-data URLs. Every path ends in a file name or a slash, so the static copy (publish.py) maps
each onto a file."""

from django.urls import path, register_converter

from jixiao.web.opendata import views


class _Choice:
    regex = ""

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class DocFormat(_Choice):
    regex = "csv|xlsx|json|pdf"


class DataFormat(_Choice):
    regex = "csv|xlsx|json"


register_converter(DocFormat, "docfmt")
register_converter(DataFormat, "datafmt")

D = "units/<int:unit_id>/<int:year>/<slug:period_slug>/"

urlpatterns = [
    path(D + "disclosure.<docfmt:fmt>", views.disclosure_download, name="od-download"),
    path(D + "print/", views.disclosure_print, name="od-print"),
    path(D + "goals.svg", views.chart_goals_disclosure, name="od-chart-disclosure-goals"),
    path("data/", views.data_page, name="od-data"),
    path("data/jixiao-dataset.<datafmt:fmt>", views.dataset_download, name="od-dataset"),
    path("data/charts/completion-<int:year>-<slug:period_slug>.svg", views.chart_completion,
         name="od-chart-completion"),
    path("data/charts/trend-<int:unit_id>.svg", views.chart_trend, name="od-chart-trend"),
    path("data/charts/goals-<int:year>.svg", views.chart_goals_year, name="od-chart-goals"),
    path("feed.atom", views.DisclosureFeed(), name="od-feed"),
    path("sitemap.xml", views.sitemap, name="od-sitemap"),
]
