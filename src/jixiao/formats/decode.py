"""Turning bytes into text: BOMs, UTF-8 or GB18030 (a superset of GBK/GB2312), and a clear error."""

from __future__ import annotations

from jixiao.core.errors import ReaderError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Decode ``data``: the given encoding, else a BOM's, else UTF-8, else GB18030."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReaderError(f"cannot decode as {encoding}: {exc}", source=source) from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise ReaderError(f"bad {enc} text after its byte-order mark: {exc}", source=source) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise ReaderError(
                "not text in UTF-8 or GBK (bad byte at offset "
                f"{utf8_error.start})",
                source=source,
                line=line,
            ) from None
