"""The print page and the PDF of a disclosure: Chinese text with the Noto CJK fonts embedded."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def fonts_of(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for f in fonts.get_object().values():
            names.add(str(f.get_object().get("/BaseFont")))
    return names


def pdf_text(data: bytes) -> tuple[str, set[str], int]:
    reader = PdfReader(io.BytesIO(data))
    text = "".join(p.extract_text() or "" for p in reader.pages)
    return "".join(text.split()), fonts_of(reader), len(reader.pages)


def test_print_page_is_plain_html_with_every_row(published, client):
    d = published.example
    resp = client.get(f"/units/{d.unit_id}/2016/year/print/")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "<script" not in html and "<style" not in html and "style=" not in html  # the site's CSP allows none
    from django.contrib.staticfiles import finders

    assert 'href="/static/opendata/print.css"' in html
    assert "@page" in Path(finders.find("opendata/print.css")).read_text("utf-8")
    for row in d.snapshot["rows"]:
        assert row["goal"] in html
    assert html.count("<tr>") == len(d.snapshot["rows"]) + 1


def test_pdf_holds_the_chinese_text_in_a_cjk_font(published, client):
    d = published.example
    resp = client.get(f"/units/{d.unit_id}/2016/year/disclosure.pdf")
    assert resp.status_code == 200
    assert resp["Content-Type"] == "application/pdf"
    assert resp.content.startswith(b"%PDF")
    text, fonts, pages = pdf_text(resp.content)
    assert pages >= 1
    assert "".join(d.title.split()) in text
    for row in d.snapshot["rows"]:
        assert "".join(row["goal"].split()) in text
    assert "未完成" in text and "已完成" in text
    assert any("CJK" in f for f in fonts), fonts  # Noto Sans/Serif CJK, not a fallback without Chinese glyphs
    assert f"{pages}/{pages}" in text  # print.css reached WeasyPrint: its @page footer numbers the pages
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "disclosure.pdf").write_bytes(resp.content)
    if shutil.which("pdftoppm"):  # a picture of the first page for a person to look at
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(ARTIFACTS / "disclosure.pdf"), str(ARTIFACTS / "disclosure-pdf-page1")], check=True,
                       timeout=60)
        assert (ARTIFACTS / "disclosure-pdf-page1.png").stat().st_size > 5000


def test_pdf_of_an_earlier_version_and_of_nothing(published, client):
    d = published.a_year
    assert client.get(f"/units/{d.unit_id}/2016/year/disclosure.pdf?version=1").status_code == 200
    assert client.get(f"/units/{d.unit_id}/2016/year/disclosure.pdf?version=2").status_code == 404


@pytest.mark.parametrize("url", ["http://example.org/x.css", "file:///etc/passwd"])
def test_pdf_renderer_fetches_nothing(url):
    from jixiao.web.opendata.pdf import html_pdf

    data = html_pdf(f'<html><head><link rel="stylesheet" href="{url}"></head><body><img src="{url}">'
                    "<p>公示</p></body></html>")
    text, _fonts, _pages = pdf_text(data)
    assert "公示" in text and "root:" not in text
