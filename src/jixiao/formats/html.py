"""Reader for disclosure web pages as published: HTML with a table of 目标名称 / 考核指标 / 完成进度.

The page is parsed with lxml's HTML parser. Every ``<table>`` is turned into a grid (``rowspan`` copies a
cell into the rows below it, ``colspan`` leaves the covered columns empty, nested tables are separate);
the tables whose header row names the columns give the rows. The title comes from the page's
``ArticleTitle`` meta, its first heading, an element whose class or id says "title", or ``<title>``; the
date from a 发布时间 label on the page or a ``PubDate`` meta. Pages in GBK/GB2312/GB18030 or UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.etree as etree
import lxml.html

from jixiao.core.errors import InputTooLargeError, ReaderError
from jixiao.core.meta import parse_date, year_of
from jixiao.core.model import Disclosure
from jixiao.core.quantities import fold
from jixiao.formats.decode import decode_bytes
from jixiao.formats.limits import DEFAULT_LIMITS, Limits, check_rows, check_size
from jixiao.formats.tables import (
    EDGE,
    GridRow,
    Table,
    assemble,
    clean_cell,
    extract,
    extract_vertical,
    find_layout,
    single,
)

# The encoding a page declares in its first bytes (the HTML "prescan"): <meta charset=...> or
# <meta http-equiv="Content-Type" content="text/html; charset=...">, or an XML declaration.
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "x-euc-cn", "csgb2312"}
_BLOCK = frozenset((
    "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "blockquote", "pre", "dd", "dt", "dl", "header", "footer",
))
_SKIP = frozenset(("script", "style", "template", "noscript", "head", "title"))
_SPACES = re.compile(r"[ \t\n\r\f]+")
_SOFT = "\x00"  # a line break a block element makes, dropped where the line is already broken
_DATE_LABEL = re.compile(r"(发布时间|发布日期|公示时间|公布时间|公示日期|日期|时间)\s*[:：]")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||－|——| - )\s*")
_MAX_COLSPAN = 1000


def _declared_encoding(data: bytes) -> str | None:
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in _GB else name


def decode_html(data: bytes, *, source: str) -> str:
    """The page's text: by its BOM, else its declared charset, else UTF-8, else GB18030.

    A page whose bytes do not decode in the charset it declares (a common mistake) is decoded as
    UTF-8 or GB18030 instead; when nothing fits, a ReaderError.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, source=source)
    declared = _declared_encoding(data)
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # wrong or unknown encoding declared: try the usual ones
    return decode_bytes(data, source=source)


def _tag(el: etree._Element) -> str | None:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def cell_text(el: etree._Element) -> str:
    """The text a reader sees in an element: markup dropped, ``<br>`` and block ends as line breaks,
    runs of spaces and source line breaks as one space, nested tables included."""
    parts: list[str] = []
    skipping = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = _tag(node)
        if event == "start":
            if tag in _SKIP:
                skipping += 1
            if skipping:
                continue
            if tag == "br":
                parts.append("\n")
            elif tag in _BLOCK or tag in ("td", "th"):
                parts.append(_SOFT)
            if tag is not None and node.text:
                parts.append(_SPACES.sub(" ", node.text))
        else:
            if tag in _SKIP:
                skipping -= 1
                if node is not el and node.tail and not skipping:
                    parts.append(_SPACES.sub(" ", node.tail))
                continue
            if skipping:
                continue
            if tag in _BLOCK or tag in ("td", "th"):
                parts.append(_SOFT)
            if node is not el and node.tail:
                parts.append(_SPACES.sub(" ", node.tail))
    text = "".join(parts)
    lines = [ln.strip(" ") for ln in re.sub(f"{_SOFT}+", _SOFT, text).split("\n")]
    text = "\n".join(lines)
    text = re.sub(f"\n?{_SOFT}\n?", _SOFT, text).strip(_SOFT)
    text = "\n".join(ln.strip(" ") for ln in text.replace(_SOFT, "\n").split("\n"))
    return clean_cell(text)


def source_line(el: etree._Element) -> int:
    """The 1-based source line an element starts at (0 when lxml does not know it)."""
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else 0


def _own_rows(table: etree._Element) -> Iterator[etree._Element]:
    for tr in table.iter("tr"):
        if next(tr.iterancestors("table"), None) is table:
            yield tr


def _span(el: etree._Element, name: str, cap: int) -> int:
    raw = (el.get(name) or "1").strip()
    digits = re.match(r"\d+", raw)
    if not digits:
        return 1
    n = int(digits.group(0)[:7])
    return cap if n == 0 else max(1, min(n, cap))


def table_grid(table: etree._Element, *, limits: Limits, source: str) -> list[GridRow]:
    """The table's rows as cell texts, with rowspans copied down and colspans kept in place."""
    trs = list(_own_rows(table))
    carry: dict[int, tuple[int, str]] = {}  # column → (rows still covered, text)
    grid: list[GridRow] = []
    total = 0
    for r, tr in enumerate(trs):
        left = len(trs) - r
        cells: list[str] = []

        def take_carried(cells: list[str] = cells) -> None:
            col = len(cells)
            n, text = carry.pop(col)
            cells.append(text)
            if n > 1:
                carry[col] = (n - 1, text)

        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            while len(cells) in carry:
                take_carried()
            text = cell_text(td)
            colspan = _span(td, "colspan", _MAX_COLSPAN)
            rowspan = _span(td, "rowspan", left)
            for k in range(colspan):
                value = text if k == 0 else ""
                if rowspan > 1:
                    carry[len(cells)] = (rowspan - 1, value)
                cells.append(value)
            if len(cells) > limits.max_columns:
                raise InputTooLargeError(
                    f"a table row has more than {limits.max_columns} cells (the limit)",
                    source=source,
                    line=source_line(tr),
                )
        while carry and len(cells) <= max(carry):
            if len(cells) in carry:
                take_carried()
            else:
                cells.append("")
        total += len(cells)
        if total > limits.max_cells:
            raise InputTooLargeError(
                f"the table has more than {limits.max_cells} cells with its spans filled in (the limit)",
                source=source,
                line=source_line(tr),
            )
        grid.append(GridRow(cells, source_line(tr)))
    return grid


def _meta_content(doc: etree._Element, *names: str) -> str | None:
    for name in names:
        for meta in doc.iter("meta"):
            if (meta.get("name") or "").lower() == name.lower():
                content = (meta.get("content") or "").strip(EDGE)
                if content:
                    return content
    return None


def _page_title(doc: etree._Element) -> str | None:
    """The article's title: its meta tag, else the first heading or "title" element naming a year
    (a site's banner heading names none), else the first of them, else ``<title>`` without the site name."""
    found = _meta_content(doc, "ArticleTitle", "title")
    if found:
        return found
    candidates: list[str] = []
    for tag in ("h1", "h2", "h3"):
        for h in doc.iter(tag):
            text = cell_text(h).replace("\n", " ")
            if text and len(text) <= 200 and find_layout([text]) is None:
                candidates.append(text)
    for el in doc.iter():
        if _tag(el) in (None, "html", "body", "title", "meta", "head"):
            continue
        cls = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if "title" in cls and "subtitle" not in cls:
            text = cell_text(el).replace("\n", " ")
            if text and len(text) <= 200:
                candidates.append(text)
    for text in candidates:
        if year_of(text) is not None:
            return text
    for t in doc.iter("title"):
        text = " ".join((t.text or "").split())
        if text:
            parts = [p for p in _TITLE_SPLIT.split(text) if p]
            best = max(parts, key=len) if parts else text
            if year_of(best) is not None or not candidates:
                return best
    return candidates[0] if candidates else None


def _page_date(doc: etree._Element, data_tables: list[etree._Element]) -> str | None:
    inside = {id(el) for t in data_tables for el in t.iter()}
    for el in doc.iter():
        if id(el) in inside or _tag(el) in (None, "script", "style"):
            continue
        for text in (el.text, el.tail):
            if not text:
                continue
            for m in _DATE_LABEL.finditer(fold(text)):  # 發佈時間 too; fold keeps every character's place
                rest = text[m.end(): m.end() + 40]
                if parse_date(rest) is not None:
                    return rest
    # the label and the date in neighbouring elements: look at the page's text as a whole
    whole = " ".join(t for t in doc.itertext() if isinstance(t, str) and t.strip())
    for m in _DATE_LABEL.finditer(fold(whole)):
        rest = whole[m.end(): m.end() + 40]
        if parse_date(rest) is not None:
            return rest
    return _meta_content(doc, "PubDate", "publishdate", "pubdate", "date")


def parse_page(text: str, *, source: str) -> etree._Element:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    if text.lstrip().startswith("<?xml"):
        text = text[text.find("?>") + 2:]
    try:
        doc = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReaderError(f"not an HTML page: {exc}", source=source) from None
    if doc is None:
        raise ReaderError("not an HTML page: nothing to parse", source=source)
    return doc


def read_html(data: bytes | str, *, source: str = "<input>", limits: Limits = DEFAULT_LIMITS) -> Disclosure:
    """Read a disclosure from a web page. Raises ReaderError (naming the line) on anything else."""
    check_size(data, limits, source=source)
    text = decode_html(data, source=source) if isinstance(data, bytes) else data
    if "\x00" in text:
        raise ReaderError("binary data (NUL bytes): not an HTML page", source=source)
    doc = parse_page(text, source=source)
    all_tables = list(doc.iter("table"))
    total = sum(1 for _ in doc.iter("tr"))
    check_rows(total, limits, source=source)
    tables: list[Table] = []
    data_tables: list[etree._Element] = []
    for t in all_tables:
        grid = table_grid(t, limits=limits, source=source)
        table = extract(grid)
        if not table.records:
            vertical = extract_vertical(grid)
            if vertical.records:
                table = vertical
        if table.header_line is not None:
            tables.append(table)
            data_tables.append(t)
    if not tables:
        raise ReaderError(
            "no table with a header row naming 目标名称 / 考核指标 / 完成进度: not a disclosure page",
            source=source,
            line=None,
        )
    return single(
        assemble(
            tables,
            source=source,
            title_hint=_page_title(doc),
            published_hint=_page_date(doc, data_tables),
            original_text=text,
        ),
        source=source,
    )
