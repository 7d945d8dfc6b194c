"""Choosing a reader for a document by its name and its first bytes.

Magic bytes first (a zip is an XLSX workbook; an OLE container is an old .xls or an encrypted workbook;
``%PDF`` a PDF), then the file name's extension, then the text itself: ``<`` starts an HTML page, ``{``
or ``[`` jixiao's JSON, a delimited header row a CSV table (also in a ``.txt`` file: Excel's "tab-delimited
text"); anything else is read as the text dump.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Literal

from jixiao.core.errors import InputTooLargeError, ReaderError, UnsupportedFormatError
from jixiao.core.model import Disclosure
from jixiao.formats.csvfmt import read_csv_all, sniff_delimiter
from jixiao.formats.decode import decode_bytes
from jixiao.formats.html import read_html
from jixiao.formats.jsonfmt import read_json_all
from jixiao.formats.limits import DEFAULT_LIMITS, Limits, check_size
from jixiao.formats.tables import single
from jixiao.formats.textdump import read_text_dump
from jixiao.formats.xlsx import read_xlsx_all

Format = Literal["xlsx", "html", "json", "csv", "text"]
FORMATS: tuple[Format, ...] = ("xlsx", "html", "json", "csv", "text")

# Documents larger than this are refused before any parsing (configurable by callers).
DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes

_BY_EXTENSION: dict[str, Format] = {
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html",
    ".json": "json", ".csv": "csv", ".tsv": "csv",
}
# JSON opens an object with a key or closes it, or an array with a value: {"… / [{… / [] (not [海南]…).
_JSON_START_RE = re.compile(rb'(?:\{\s*["}]|\[\s*[\[{"\]\d\-]|\[\s*$)')
_UNSUPPORTED_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel .xls (or an encrypted) workbook: save it as .xlsx"),
    (b"%PDF", "a PDF document: jixiao reads HTML, XLSX, CSV, JSON and text"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive: unpack it first"),
)


def sniff_format(data: bytes, *, source: str = "<input>") -> Format:
    """The format of a document, from its magic bytes, its name's extension and its first characters."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "xlsx"
    for magic, what in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormatError(f"this is {what}", source=source)
    ext = Path(source).suffix.lower() if source and not source.startswith("<") else ""
    head = data[:4096]
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom):]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = decode_bytes(data[:4096], source=source).encode("utf-8")
        except ReaderError:
            head = b""
    stripped = head.lstrip().lower()
    if ext in _BY_EXTENSION:
        return _BY_EXTENSION[ext]
    if stripped.startswith(b"<"):
        return "html"
    if _JSON_START_RE.match(stripped):
        return "json"  # (not a title that opens with a bracket: [海南]截至2020年底…)
    try:
        text = decode_bytes(data[:65536], source=source)
    except ReaderError:
        # cut in the middle of a character, or binary: let the text reader decide on the whole
        return "text"
    return "csv" if sniff_delimiter(text) else "text"


def read_documents(
    data: bytes | str,
    *,
    source: str = "<input>",
    max_bytes: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    format: Format | None = None,
) -> list[Disclosure]:
    """Every disclosure in a document of any supported format (dataset exports hold several)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if max_bytes is not None:
        limits = replace(limits, max_bytes=max_bytes)
    check_size(data, limits, source=source)
    fmt = format or sniff_format(data, source=source)
    if fmt == "xlsx":
        return read_xlsx_all(data, source=source, limits=limits)
    if fmt == "html":
        return [read_html(data, source=source, limits=limits)]
    if fmt == "json":
        return read_json_all(data, source=source, limits=limits)
    if fmt == "csv":
        return read_csv_all(data, source=source, limits=limits)
    return [read_text_dump(data, source=source)]


def read_document(
    data: bytes | str,
    *,
    source: str = "<input>",
    max_bytes: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    format: Format | None = None,
) -> Disclosure:
    """Read a disclosure from the bytes of a document of any supported format."""
    found = read_documents(data, source=source, max_bytes=max_bytes, limits=limits, format=format)
    return single(found, source=source)


def _read_bytes(path: str | Path, limits: Limits) -> tuple[bytes, str]:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise InputTooLargeError(
                f"document is {size} bytes, over the limit of {limits.max_bytes}", source=str(p)
            )
        return p.read_bytes(), str(p)
    except OSError as exc:
        raise ReaderError(f"cannot read file: {exc.strerror or exc}", source=str(p)) from None


def read_path(
    path: str | Path, *, max_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> Disclosure:
    data, source = _read_bytes(path, limits if max_bytes is None else replace(limits, max_bytes=max_bytes))
    return read_document(data, source=source, max_bytes=max_bytes, limits=limits)


def read_paths(
    path: str | Path, *, max_bytes: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[Disclosure]:
    """Every disclosure in the file at ``path``."""
    data, source = _read_bytes(path, limits if max_bytes is None else replace(limits, max_bytes=max_bytes))
    return read_documents(data, source=source, max_bytes=max_bytes, limits=limits)
