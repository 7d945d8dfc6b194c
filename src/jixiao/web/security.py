"""Sign-in protection: the client address, the lockout answer, HTTP Basic with lockouts, the demo-password guard.

django-axes (settings: ``AXES_*``) records every failed sign-in through Django's ``user_login_failed`` signal:
the login page and the admin's (both Django's ``LoginView``) and HTTP Basic on the API (DRF calls Django's
``authenticate``). After ``JIXIAO_LOGIN_FAILURES`` failures for one user name from one client address, that
pair is refused for ``JIXIAO_LOGIN_COOLOFF_MINUTES``, even with the right password: the pages answer 429 with
the page below, the API 429 with a JSON ``detail``; both send ``Retry-After``.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.authentication import BasicScheme
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind ``JIXIAO_PROXY_COUNT`` proxies the address the outermost one
    appended to X-Forwarded-For (entries further left are whatever the client sent, so they are not trusted)."""
    count = int(getattr(settings, "JIXIAO_PROXY_COUNT", 0) or 0)
    if count > 0:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_seconds(request: Any, credentials: dict[str, Any] | None = None) -> int:
    """Seconds until the user name and address of ``request`` may sign in again."""
    from axes.handlers.proxy import AxesProxyHandler
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    if cool_off is None:
        return 0
    full = math.ceil(cool_off.total_seconds())
    handler = AxesProxyHandler.get_implementation()
    get_attempts = getattr(handler, "get_user_attempts", None)
    if get_attempts is None:  # a handler without a database: say the whole cool-off
        return full
    AxesProxyHandler.update_request(request)
    times = [qs.aggregate(last=Max("attempt_time"))["last"] for qs in get_attempts(request, credentials)]
    latest = max((t for t in times if t is not None), default=None)
    if latest is None:
        return full
    return max(1, min(full, math.ceil((latest + cool_off - timezone.now()).total_seconds())))


def lockout_message(seconds: int) -> str:
    return _("登录失败次数过多：此用户名在此地址的登录已暂停，请 %(minutes)s 分钟后再试。") % {
        "minutes": max(1, math.ceil(seconds / 60))}


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: dict[str, Any] | None = None) -> HttpResponse:
    """The answer of a login page (the site's or the admin's) to a locked-out user name and address."""
    seconds = lockout_seconds(request, credentials)
    resp = render(request, "registration/locked_out.html", {"message": lockout_message(seconds)}, status=429)
    resp["Retry-After"] = str(seconds)
    return resp


class LockedOut(exceptions.Throttled):
    """HTTP 429 with ``Retry-After`` (DRF's exception handler sends ``wait`` as that header)."""

    default_code = "locked_out"

    def __init__(self, wait: int) -> None:
        exceptions.APIException.__init__(self, lockout_message(wait), self.default_code)
        self.wait = wait


class ThrottledBasicAuthentication(BasicAuthentication):
    """DRF's HTTP Basic authentication; a locked-out user name and address get 429 instead of 401."""

    def authenticate_credentials(self, userid: str, password: str, request: Any = None) -> Any:
        try:
            return super().authenticate_credentials(userid, password, request)
        except exceptions.AuthenticationFailed:
            if request is not None and getattr(request, "axes_locked_out", False):
                raise LockedOut(lockout_seconds(request, {get_user_model().USERNAME_FIELD: userid})) from None
            raise


class ThrottledBasicScheme(BasicScheme):
    """In the OpenAPI schema (drf-spectacular) the throttled HTTP Basic is HTTP Basic."""

    target_class = "jixiao.web.security.ThrottledBasicAuthentication"


class AuthBackend(ModelBackend):
    """Django's ModelBackend, except that the demo password signs nobody in outside the local demo: demo accounts
    left in a database that later runs with DEBUG off or the production settings cannot be used."""

    def authenticate(self, request: Any, username: str | None = None, password: str | None = None,
                     **kwargs: Any) -> Any:
        from jixiao.web.performance import services

        if password == services.DEMO_PASSWORD and services.demo_accounts_refusal() is not None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _content_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    """Runs before anything reads the body (CSRF's check reads the form in process_view, which comes after every
    middleware's request phase), so it is placed after the session, authentication and messages middleware. It
    hands an import whose Content-Length exceeds the upload limit to the import page (an error on the page), and
    refuses, from its declared Content-Length and before anything reads it, a request body larger than
    ``JIXIAO_MAX_REQUEST_BYTES`` (any request, uploads included) or, without files (not multipart), larger than
    ``DATA_UPLOAD_MAX_MEMORY_SIZE``: HTTP 413 with ``{"detail": ...}`` on the API, a line of text elsewhere.
    A body without a Content-Length is bounded by Django itself (RequestDataTooBig, 400) as it is read."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from jixiao.web.performance.limits import human_bytes, request_too_large_message

        length = _content_length(request)
        multipart = request.META.get("CONTENT_TYPE", "").startswith("multipart/")
        if multipart and request.method == "POST":
            from jixiao.web.performance import views

            if views.upload_too_large(request):  # the import page says so itself, in its form (413)
                return views.import_upload_refused(request)
        limit = settings.JIXIAO_MAX_REQUEST_BYTES if multipart else min(settings.JIXIAO_MAX_REQUEST_BYTES,
                                                                          settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        if length <= limit:
            return self.get_response(request)
        message = (request_too_large_message() if multipart else
                   _("请求过大，上限为 %(limit)s") % {"limit": human_bytes(limit)})
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=413, json_dumps_params={"ensure_ascii": False})
        else:
            response = HttpResponse(message + "\n", status=413, content_type="text/plain; charset=utf-8")
        return response
