"""The API's query parameters (issue 9, item 12), read strictly: paging with bounds, filters that are 400 naming
the parameter when bad. Imports nothing of DRF's views (DRF reads the pagination class from its settings while
importing them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import BaseParser
from rest_framework.request import Request

# The largest id, year, offset a query may name (a database integer; larger is 400, never an overflow).
MAX_ID = 2**63 - 1
MAX_OFFSET = 2**31 - 1
YEARS = (1900, 2999)
_WHOLE = re.compile(r"0|[1-9][0-9]{0,18}")
ID_PATTERN = "^[1-9][0-9]*$"  # a target id as a JSON object key (actuals)
TRUE, FALSE = ("true", "1"), ("false", "0")


# --- query parameters ---------------------------------------------------------------------------------------


def whole_number_message(name: str, low: int, high: int) -> str:
    return _("%(name)s 须为 %(low)s 至 %(high)s 之间的整数") % {"name": name, "low": low, "high": high}


def parse_whole(raw: str, name: str, low: int, high: int) -> int:
    """``raw`` as an integer from ``low`` to ``high``, written plainly (digits, no sign, no leading zero); else
    ValidationError ``{name: [message]}``."""
    if _WHOLE.fullmatch(raw) and low <= int(raw) <= high:
        return int(raw)
    raise exceptions.ValidationError({name: [whole_number_message(name, low, high)]})


class Query:
    """The query parameters of one request, read strictly: every bad one is collected, then ``done()`` raises one
    ValidationError naming each (400)."""

    def __init__(self, request: Request) -> None:
        self.params = request.query_params
        self.errors: dict[str, list[str]] = {}

    def _read(self, name: str, parse: Callable[[str], Any]) -> Any:
        if name not in self.params:
            return None
        try:
            return parse(self.params[name])
        except exceptions.ValidationError as exc:
            detail = exc.detail
            self.errors[name] = list(detail[name] if isinstance(detail, dict) else detail)  # type: ignore[arg-type]
            return None

    def whole(self, name: str, low: int, high: int) -> int | None:
        return self._read(name, lambda raw: parse_whole(raw, name, low, high))  # type: ignore[no-any-return]

    def boolean(self, name: str) -> bool | None:
        def parse(raw: str) -> bool:
            if raw.lower() in TRUE + FALSE:
                return raw.lower() in TRUE
            raise exceptions.ValidationError({name: [_("%(name)s 须为 true 或 false") % {"name": name}]})

        return self._read(name, parse)  # type: ignore[no-any-return]

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        def parse(raw: str) -> str:
            if raw in choices:
                return raw
            raise exceptions.ValidationError(
                {name: [_("%(name)s 须为以下之一：%(choices)s") % {"name": name, "choices": ", ".join(choices)}]})

        return self._read(name, parse)  # type: ignore[no-any-return]

    def text(self, name: str, max_length: int) -> str | None:
        def parse(raw: str) -> str:
            if 0 < len(raw) <= max_length and "\x00" not in raw:
                return raw
            raise exceptions.ValidationError(
                {name: [_("%(name)s 须为 1 至 %(limit)s 个字符") % {"name": name, "limit": max_length}]})

        return self._read(name, parse)  # type: ignore[no-any-return]

    def done(self) -> None:
        if self.errors:
            raise exceptions.ValidationError(self.errors)


# --- paging ---------------------------------------------------------------------------------------------------


class Pagination(LimitOffsetPagination):
    """``?limit=`` (1 to ``max_limit``, 100 when absent) and ``?offset=`` (0 or more); anything else is 400 naming
    the parameter, never a silent default or a database overflow."""

    default_limit = 100
    max_limit = 1000

    def get_limit(self, request: Request) -> int:
        q = Query(request)
        limit = q.whole(self.limit_query_param, 1, self.max_limit)
        offset = q.whole(self.offset_query_param, 0, MAX_OFFSET)  # both named at once when both are wrong
        del offset
        q.done()
        return self.default_limit if limit is None else limit

    def get_offset(self, request: Request) -> int:
        q = Query(request)
        offset = q.whole(self.offset_query_param, 0, MAX_OFFSET)
        q.done()
        return offset or 0

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        params = super().get_schema_operation_parameters(view)
        bounds = {self.limit_query_param: {"minimum": 1, "maximum": self.max_limit, "default": self.default_limit},
                  self.offset_query_param: {"minimum": 0, "maximum": MAX_OFFSET, "default": 0}}
        for p in params:
            p["schema"].update(bounds.get(p["name"], {}))
        return params


# --- bodies -----------------------------------------------------------------------------------------------------


class EmptyFormParser(BaseParser):
    """The API takes JSON bodies only. A form (multipart or urlencoded) is 415, unless it is empty: a POST without
    fields, as a form-posting client (Django's test client, a browser form) sends to an action that takes no body
    (``submit``), is a request without a body. Never offered in the schema (SPECTACULAR_SETTINGS
    ``PARSER_WHITELIST``)."""

    media_type = "multipart/form-data"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        body = stream.read().strip() if stream is not None else b""
        boundary = (media_type or "").partition("boundary=")[2].strip().strip('"').encode("latin-1", "replace")
        if body and body != b"--" + boundary + b"--":
            raise exceptions.UnsupportedMediaType(media_type or self.media_type)
        return {}


class EmptyUrlencodedParser(EmptyFormParser):
    """As EmptyFormParser, for ``application/x-www-form-urlencoded``: 415 unless the body is empty."""

    media_type = "application/x-www-form-urlencoded"
