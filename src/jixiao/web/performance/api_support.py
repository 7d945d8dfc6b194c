"""What every API endpoint shares (issue 9, item 12): errors as JSON everywhere under /api/ (in the request's
language), and a schema that documents every status the API returns. Paging and query parameters: api_params."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.views import exception_handler as drf_exception_handler

# --- errors as JSON -----------------------------------------------------------------------------------------


def exception_handler(exc: Exception, context: dict[str, Any]) -> Any:
    """DRF's handler; a ValidationError given as a bare list (a service's messages) is named ``non_field_errors``,
    so every 400 is an object, as the schema says."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, list):
        response.data = {"non_field_errors": response.data}
    return response


def _detail_for(status: int, request: HttpRequest) -> str:
    if status == 404:
        return str(exceptions.NotFound.default_detail)
    if status == 405:
        return str(exceptions.MethodNotAllowed.default_detail).format(method=request.method)
    if status == 403:
        return str(exceptions.PermissionDenied.default_detail)
    if status == 400:
        return str(exceptions.ParseError.default_detail)
    if status >= 500:
        return str(exceptions.APIException.default_detail)
    return _("请求无法处理")


class ApiJsonErrorsMiddleware:
    """Under /api/, an error answered by Django itself (no route: a 404 for an id with a dot or an unknown path;
    a CSRF or bad-request page; a server error), which would be an HTML page, becomes ``{"detail": ...}`` in the
    request's language with the same status. Outside /api/ the pages are left as they are."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (request.path.startswith("/api/") and response.status_code >= 400
                and not response.get("Content-Type", "").startswith("application/json")):
            json_response = JsonResponse({"detail": _detail_for(response.status_code, request)},
                                         status=response.status_code, json_dumps_params={"ensure_ascii": False})
            for header in ("Allow", "Retry-After", "WWW-Authenticate"):
                if header in response:
                    json_response[header] = response[header]
            return json_response
        return response


# --- the schema: every status documented ------------------------------------------------------------------

NO_NUL = "^[^\\x00]*$"
ERROR_SCHEMA = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
VALIDATION_ERROR_SCHEMA = {
    "type": "object", "additionalProperties": {},
    "description": "each bad parameter or field by name (non_field_errors: the request as a whole), with its "
                   "messages in the request's language"}
_ERRORS: Mapping[str, tuple[str, dict[str, Any]]] = {
    "400": ("a parameter or field is invalid", VALIDATION_ERROR_SCHEMA),
    "401": ("not signed in (HTTP Basic or session): WWW-Authenticate names Basic", ERROR_SCHEMA),
    "403": ("signed in, but the action is not the user's to take", ERROR_SCHEMA),
    "404": ("no such object, or not one the user may see", ERROR_SCHEMA),
    "405": ("the method is not allowed here", ERROR_SCHEMA),
    "413": ("the request body is too large", ERROR_SCHEMA),
    "415": ("the body is not JSON (application/json)", ERROR_SCHEMA),
    "429": ("too many failed sign-ins: Retry-After says when to try again", ERROR_SCHEMA),
}


class ApiSchema(AutoSchema):
    """drf-spectacular's AutoSchema, with the errors each operation can answer: 400 when it has parameters or a
    body, 401/403/429 when it needs a login, 404 always, 413 and 415 when it takes a body."""

    def _map_serializer_field(self, field: Any, direction: Any, bypass_extensions: bool = False) -> Any:
        """A text field of a request says it takes no NUL character (DRF refuses one with 400; PostgreSQL could
        not store it)."""
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if (direction == "request" and isinstance(field, serializers.CharField) and isinstance(schema, dict)
                and schema.get("type") == "string" and "pattern" not in schema):
            schema["pattern"] = NO_NUL
        return schema

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        takes_body = self.method in ("POST", "PUT", "PATCH")
        public = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        codes = ["404"]
        if takes_body or (self._get_paginator() is not None and self._is_list_view()) or self.view.action in (
                "list", "targets"):
            codes.append("400")
        if takes_body:
            codes += ["400", "413", "415"]
        if not public:
            codes += ["401", "403", "429"]
        for code in sorted(set(codes)):
            if code not in responses:
                description, schema = _ERRORS[code]
                responses[code] = {"content": {"application/json": {"schema": schema}}, "description": description}
        return responses

