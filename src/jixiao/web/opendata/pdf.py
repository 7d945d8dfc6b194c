"""A disclosure as PDF: the print page rendered by WeasyPrint with the Noto CJK fonts from Debian.

The fonts come from the system (fontconfig): ``apt-get install fonts-noto-cjk`` (the set-up does this).
Nothing is fetched over the network: the print page carries its styles and its chart inline.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from jixiao.web.performance.models import Disclosure


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"the PDF renderer does not fetch {url}")


def _fetcher() -> Any:
    """A URL fetcher that fetches nothing (no network, no local files)."""
    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint 68 and later
    except ImportError:
        return _no_fetch
    return URLFetcher(allowed_protocols=("none",), fail_on_errors=False)


def html_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=html, url_fetcher=_fetcher()).write_pdf())


def disclosure_pdf(d: Disclosure) -> bytes:
    from jixiao.web.opendata.views import print_context

    html = render_to_string("opendata/print.html", print_context(d))
    return html_pdf(html)
