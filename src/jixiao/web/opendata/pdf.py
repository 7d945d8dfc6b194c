"""A disclosure as PDF: the print page rendered by WeasyPrint with the Noto CJK fonts from Debian.

The fonts come from the system (fontconfig): ``apt-get install fonts-noto-cjk`` (the set-up does this).
Nothing is fetched, over the network or from disk: the print page's stylesheet (the static file
``opendata/print.css``, linked from the page in a browser) is handed to WeasyPrint as a string, and the chart is
inline SVG.
"""

from __future__ import annotations

from pathlib import Path
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


PRINT_CSS = Path(__file__).resolve().parent / "static" / "opendata" / "print.css"


def html_pdf(html: str, *, css: str = "") -> bytes:
    from weasyprint import CSS, HTML

    fetcher = _fetcher()
    sheets = [CSS(string=css, url_fetcher=fetcher)] if css else None
    return bytes(HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=sheets))


def disclosure_pdf(d: Disclosure) -> bytes:
    from jixiao.web.opendata.views import print_context

    html = render_to_string("opendata/print.html", {**print_context(d), "pdf": True})
    return html_pdf(html, css=PRINT_CSS.read_text(encoding="utf-8"))
