from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.core.errors import InputTooLargeError, ReaderError, UnsupportedFormatError
from jixiao.formats.registry import read_document, read_documents, read_path, sniff_format

from .builders import ROWS, csv_text, disclosure_json, html_page, texts, xlsx_book


@pytest.mark.parametrize(
    ("data", "source", "expected"),
    [
        (xlsx_book(), "<upload>", "xlsx"),
        (xlsx_book(), "anything.bin", "xlsx"),
        (html_page().encode("gbk"), "<upload>", "html"),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html></html>", "<upload>", "html"),
        (json.dumps(disclosure_json()).encode(), "<upload>", "json"),
        (csv_text().encode("gbk"), "<upload>", "csv"),
        (csv_text().encode("utf-8"), "table.csv", "csv"),
        (csv_text(delimiter="\t").encode("utf-16"), "excel-export.txt", "csv"),
        ("标题\n-\n目标名称 |\n考核指标 |\n|\n||\n甲 |\n乙 |\n丙 |\n".encode(), "<upload>", "text"),
        # a text dump whose title opens with a bracket is no JSON (a real page: [海南]截至2020年底…)
        ("[海南]截至2020年底\n-\n发布时间:\n目标名称 |\n考核指标 |\n|\n||\n甲 |\n乙 |\n丙 |\n".encode(),
         "a.txt", "text"),
        (b'[{"title": "x", "rows": []}]', "<upload>", "json"),
        (b"[\n  {}\n]", "<upload>", "json"),
    ],
)
def test_sniff(data: bytes, source: str, expected: str) -> None:
    assert sniff_format(data, source=source) == expected


def test_every_format_reads_the_same_rows() -> None:
    for data in (xlsx_book(), html_page().encode("gbk"), json.dumps(disclosure_json()).encode(),
                 csv_text().encode("gbk")):
        assert texts(read_document(data)) == ROWS
    tab_text = csv_text(delimiter="\t").encode("utf-16")
    assert texts(read_document(tab_text, source="excel-export.txt")) == ROWS


@pytest.mark.parametrize(
    ("data", "word"),
    [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xls"), (b"%PDF-1.4\n", "PDF"), (b"\x1f\x8b\x08", "gzip")],
)
def test_unsupported_formats_are_named(data: bytes, word: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=word):
        read_document(data, source="upload")


def test_text_dump_still_read(shared_examples: Path) -> None:
    for path in sorted(shared_examples.glob("*.txt")):
        d = read_path(path)
        assert d.rows and d.title


def test_limits_and_datasets(tmp_path: Path) -> None:
    with pytest.raises(InputTooLargeError):
        read_document(csv_text().encode(), max_bytes=10)
    big = tmp_path / "big.csv"
    big.write_bytes(csv_text().encode())
    with pytest.raises(InputTooLargeError, match="over the limit"):
        read_path(big, max_bytes=10)
    doc = disclosure_json()
    data = json.dumps([doc, doc]).encode()
    assert len(read_documents(data)) == 2
    with pytest.raises(ReaderError, match="2 disclosures"):
        read_document(data)
    with pytest.raises(ReaderError, match="cannot read file"):
        read_path(tmp_path / "missing.html")
