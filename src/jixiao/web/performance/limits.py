"""Limits on what people write (settings ``JIXIAO_MAX_*``), checked by the forms, the API serializers and the
services alike, so that a caller skipping one still meets the same limit with the same message."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# kind → (setting, field label, the model column's max_length when it has one: the limit never exceeds it)
FIELDS: dict[str, tuple[str, Any, int | None]] = {
    "narrative": ("JIXIAO_MAX_NARRATIVE_CHARS", _("完成进度"), None),
    "indicator": ("JIXIAO_MAX_INDICATOR_CHARS", _("考核指标"), None),
    "goal": ("JIXIAO_MAX_GOAL_NAME_CHARS", _("目标名称"), 500),
    "comment": ("JIXIAO_MAX_COMMENT_CHARS", _("意见"), None),
    "reason": ("JIXIAO_MAX_REASON_CHARS", _("复核理由"), None),
    "note": ("JIXIAO_MAX_NOTE_CHARS", _("更正说明"), 500),
    "unit": ("JIXIAO_MAX_UNIT_CHARS", _("单位"), 40),
    "title": ("JIXIAO_MAX_TITLE_CHARS", _("标题"), 500),
}


def max_chars(kind: str) -> int:
    name, _label, column = FIELDS[kind]
    limit = int(getattr(settings, name))
    return min(limit, column) if column else limit


def too_long_message(kind: str, length: int, label: Any = None) -> str:
    return gettext("%(field)s不能超过 %(limit)s 个字符（现有 %(length)s 个）") % {
        "field": label if label is not None else FIELDS[kind][1], "limit": max_chars(kind), "length": length}


def check_length(value: str | None, kind: str, label: Any = None) -> None:
    """ValidationError (code ``max_length``) naming the field and the limit when ``value`` is longer."""
    if value is not None and len(value) > max_chars(kind):
        raise ValidationError(too_long_message(kind, len(value), label), code="max_length")


class LengthValidator:
    """A field validator reading the limit when it runs (so override_settings and operators' changes apply)."""

    def __init__(self, kind: str, label: Any = None) -> None:
        self.kind, self.label = kind, label

    def __call__(self, value: Any) -> None:
        check_length(value if isinstance(value, str) else str(value), self.kind, self.label)


def upload_too_large_message(size: int) -> str:
    limit = settings.JIXIAO_MAX_UPLOAD_BYTES
    return gettext("文件过大（%(size)s），上限为 %(limit)s") % {"size": human_bytes(size), "limit": human_bytes(limit)}


def request_too_large_message() -> str:
    return gettext("请求过大，上限为 %(limit)s") % {"limit": human_bytes(settings.JIXIAO_MAX_REQUEST_BYTES)}


def human_bytes(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} B"
