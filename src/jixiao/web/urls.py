"""URLs: the public site, the work pages, the API (+ OpenAPI schema), admin and the language switch."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from jixiao.web.performance import api, views


def favicon(request: HttpRequest) -> HttpResponse:
    """Pages without an icon link (Django's admin) make browsers ask for /favicon.ico: the site's icon, not a 404."""
    return redirect(static("performance/favicon.svg"), permanent=True)


router = DefaultRouter()
router.register("units", api.UnitViewSet, basename="api-unit")
router.register("cycles", api.CycleViewSet, basename="api-cycle")
router.register("disclosures", api.DisclosureViewSet, basename="api-disclosure")
router.register("submissions", api.SubmissionViewSet, basename="api-submission")
router.register("entries", api.EntryViewSet, basename="api-entry")

urlpatterns = [
    path("", views.home, name="home"),
    path("units/<int:unit_id>/compare/", views.unit_compare, name="unit-compare"),
    path("units/<int:unit_id>/<int:year>/<slug:period_slug>/", views.disclosure_detail, name="disclosure"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("work/", views.work_home, name="work-home"),
    path("work/start/", views.submission_start, name="submission-start"),
    path("work/offices/<int:office_id>/periods/", views.periods_configure, name="periods-configure"),
    path("work/reports/<int:pk>/", views.submission_detail, name="submission-detail"),
    path("work/reports/<int:pk>/<slug:action>/", views.submission_action, name="submission-action"),
    path("work/reports/<int:sub_pk>/targets/<int:pk>/", views.target_correct, name="target-correct"),
    path("work/entries/<int:pk>/", views.entry_edit, name="entry-edit"),
    path("work/verdicts/<int:pk>/override/", views.verdict_override, name="verdict-override"),
    path("work/periods/<int:period_id>/late/", views.late_units, name="late-units"),
    path("work/import/", views.import_upload, name="import-upload"),
    path("work/audit/", views.audit_log, name="audit-log"),
    path("", include("jixiao.web.opendata.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/", include(router.urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
]
