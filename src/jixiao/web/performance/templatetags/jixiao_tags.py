"""Template helpers: marking spans (targets, evidence) inside a verbatim text, and verdict labels."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def verdict_label(verdict: str) -> str:
    return {"met": _("已完成"), "not_met": _("未完成"), "unverified": _("无法核实")}.get(verdict, verdict or "—")


@register.filter
def verdict_text(verdict: str) -> str:
    return verdict_label(verdict)


@register.simple_tag
def verdict_badge(verdict: str) -> SafeString:
    return format_html('<span class="badge badge-{}">{}</span>', verdict or "none", verdict_label(verdict))


@register.simple_tag
def marked(text: str, spans: list[dict[str, Any]], tag: str = "mark") -> SafeString:
    """``text`` with each span ({"start", "end", "cls", "title"}) wrapped in ``<tag>``; overlaps dropped."""
    text = text or ""
    out: list[str] = []
    pos = 0
    for s in sorted(spans, key=lambda s: (s.get("start") or 0, -(s.get("end") or 0))):
        start, end = s.get("start"), s.get("end")
        if start is None or end is None or start < pos or end <= start or end > len(text):
            continue
        out.append(escape(text[pos:start]))
        title = s.get("title") or ""
        out.append(
            f'<{tag} class="{escape(s.get("cls", ""))}"'
            + (f' title="{escape(title)}"' if title else "")
            + f">{escape(text[start:end])}</{tag}>"
        )
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out).replace("\n", "<br>"))


@register.filter
def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
