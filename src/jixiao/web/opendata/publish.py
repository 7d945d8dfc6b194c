"""``jixiao publish --out DIR``: the public site as static files, for hosting that serves only files.

The site is crawled in-process (Django's test client, anonymous, default language) from the home page,
the open-data page and the feed: every public page and file it links to is written to ``DIR``, pages as
``…/index.html``. Links are rewritten relative to the page they are on, so the copy works from any base
path (``https://host/``, ``https://host/jixiao/2024/`` or a folder opened from disk). Earlier versions of a
disclosure (``?version=N``) become ``…/vN/``. What cannot work without a server is left out: login, work
pages, the language switch and the filter form. The sitemap needs absolute addresses, so it is written
only when ``--site-url`` is given; the feed's links are relative to the feed otherwise.

The copy is written into a temporary folder next to ``DIR`` and then swapped in, so ``DIR`` is never half
written. An existing ``DIR`` is replaced only if it is empty or an earlier copy (it has ``MARKER``).
"""

from __future__ import annotations

import posixpath
import re
import shutil
import sys
import tempfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urljoin, urlsplit

MARKER = ".jixiao-publish"
PRIVATE = ("/accounts/", "/work/", "/admin/", "/api/", "/i18n/")
_VERSION = re.compile(r"^version=(\d+)$")


class PublishError(Exception):
    pass


@dataclass
class PublishReport:
    pages: int = 0
    files: int = 0
    skipped: int = 0


def target_file(url: str) -> str | None:
    """The file (relative to the site's root) a site URL is published as; None if it is not published.

    ``/`` → ``index.html``; ``/data/`` → ``data/index.html``; ``/a/b.svg`` → ``a/b.svg``;
    ``/units/1/2016/year/?version=2`` → ``units/1/2016/year/v2/index.html``.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith(PRIVATE) or ".." in path.split("/"):
        return None
    query = parts.query
    head, _sep, name = path.rpartition("/")
    if query:
        m = _VERSION.match(query)
        if not m:
            return None
        head = f"{head}/v{m.group(1)}"
    name = name or "index.html"
    return f"{head}/{name}".lstrip("/")


def relative(from_file: str, to_file: str, fragment: str = "") -> str:
    """A link from one published file to another (``./`` style paths, ``index.html`` spelled out)."""
    rel = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    return rel + (f"#{fragment}" if fragment else "")


class _Site:
    def __init__(self, root: Path, *, site_url: str | None, pdf: bool, stream: TextIO | None) -> None:
        from django.conf import settings
        from django.test import Client

        self.root = root
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.pdf = pdf
        self.stream = stream
        allowed = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")]
        self.host = allowed[0] if allowed else "localhost"
        self.client = Client(HTTP_HOST=self.host)
        self.static_url = settings.STATIC_URL
        self.report = PublishReport()
        self.done: set[str] = set()
        self.queue: deque[str] = deque()

    # --- fetching ---

    def want(self, url: str) -> str | None:
        """The file for ``url`` if it should be published (and queue it), else None."""
        if url.startswith(self.static_url):
            return self.static(url)
        f = target_file(url)
        if f is None:
            return None
        if f.endswith(".pdf") and not self.pdf:
            return None
        if f == "sitemap.xml" and not self.site_url:
            return None
        if f not in self.done:
            self.done.add(f)
            self.queue.append(url)
        return f

    def static(self, url: str) -> str | None:
        from django.contrib.staticfiles import finders

        rel = urlsplit(url).path[len(self.static_url):]
        found = finders.find(rel)
        if not found:
            return None
        f = "static/" + rel
        if f not in self.done:
            self.done.add(f)
            dest = self.root / f
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(found if isinstance(found, str) else found[0], dest)
            self.report.files += 1
        return f

    def get(self, url: str) -> Any:
        resp = self.client.get(url, secure=True)
        return resp

    def run(self) -> PublishReport:
        for seed in ("/", "/data/", "/feed.atom", "/sitemap.xml"):
            self.want(seed)
        while self.queue:
            url = self.queue.popleft()
            f = target_file(url)
            assert f is not None
            resp = self.get(url)
            if resp.status_code != 200:
                self.report.skipped += 1
                continue
            ctype = resp.get("Content-Type", "")
            body: bytes = resp.content
            if ctype.startswith("text/html"):
                body = self.rewrite_html(body.decode(resp.charset or "utf-8"), url, f).encode("utf-8")
                self.report.pages += 1
            elif f in ("feed.atom", "sitemap.xml"):
                body = self.rewrite_xml(body.decode("utf-8"), f).encode("utf-8")
            dest = self.root / f
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(body)
            self.report.files += 1
            if self.stream is not None and self.report.files % 50 == 0:
                self.stream.write(f"\r{self.report.files} files written…")
                self.stream.flush()
        if self.stream is not None and self.report.files >= 50:
            self.stream.write("\n")
        return self.report

    # --- rewriting ---

    def link(self, raw: str, page_url: str, page_file: str) -> str | None:
        """``raw`` rewritten for the static copy; None when the target is not published."""
        if not raw or raw.startswith(("#", "mailto:", "data:", "javascript:")):
            return raw
        parts = urlsplit(raw)
        if parts.scheme or parts.netloc:
            return raw  # an outside address
        absolute = urljoin(page_url, raw)
        p = urlsplit(absolute)
        url = p.path + (f"?{p.query}" if p.query else "")
        f = self.want(url)
        if f is None:
            return None
        return relative(page_file, f, p.fragment)

    def rewrite_html(self, html: str, url: str, f: str) -> str:
        import lxml.html

        doc = lxml.html.document_fromstring(html)
        # things that need a server: the language switch, the filter form, login and logout
        for form in doc.xpath("//form"):
            if form.get("method", "get").lower() == "post" or "filters" in (form.get("class") or "").split():
                form.drop_tree()
        for el in list(doc.iter()):
            if not isinstance(el.tag, str):
                continue
            for attr in ("href", "src", "action"):
                raw = el.get(attr)
                if raw is None:
                    continue
                new = self.link(raw, url, f)
                if new is not None:
                    el.set(attr, new)
                elif el.tag == "a":
                    parent = el.getparent()
                    if parent is not None and parent.tag == "li" and len(parent) == 1:
                        parent.drop_tree()
                    else:
                        el.drop_tag()
                else:
                    el.drop_tree()
                break
        out: str = lxml.html.tostring(doc, encoding="unicode", doctype="<!doctype html>")
        return out + "\n"

    def rewrite_xml(self, text: str, f: str) -> str:
        """Absolute links of the feed and sitemap: to the site's address, or relative to the feed."""
        prefix_re = re.compile(r"https?://" + re.escape(self.host) + r"(/[^\"<\s]*)")

        def sub(m: re.Match[str]) -> str:
            url = m.group(1).replace("&amp;", "&")
            target = self.want(url)
            if target is None:
                return m.group(0)
            if self.site_url:
                tail = target[: -len("index.html")] if target.endswith("index.html") else target
                return self.site_url + tail
            return relative(f, target)

        return prefix_re.sub(sub, text)


def publish_site(out: Path, *, site_url: str | None = None, pdf: bool = True, progress: bool = False,
                 stream: TextIO | None = None) -> PublishReport:
    """Write the public site into ``out`` (Django must be set up)."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise PublishError(f"{out} exists and is not an earlier copy of the site (no {MARKER}); "
                           "choose an empty or new folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        site = _Site(tmp, site_url=site_url, pdf=pdf, stream=(stream or sys.stderr) if progress else None)
        report = site.run()
        (tmp / MARKER).write_text("written by jixiao publish\n", encoding="utf-8")
        tmp.chmod(0o755)
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            if old.exists():
                shutil.rmtree(old)
            out.rename(old)
        tmp.rename(out)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return report
