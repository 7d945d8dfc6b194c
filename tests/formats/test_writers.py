"""Writers, and round trips: read → check → write → read → check gives the same rows, targets, verdicts."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.cli import main
from jixiao.core.check import check_disclosure
from jixiao.core.model import Disclosure, Row
from jixiao.core.report import report_to_dict
from jixiao.core.results import Claim, Report, RowResult, Target, TargetResult
from jixiao.formats.registry import read_document, read_documents, read_path
from jixiao.formats.writers import OUT_FORMATS, REPORT_COLUMNS, write_disclosures, write_reports

from .builders import csv_text, html_page, meta, texts, xlsx_book


def _hand_report() -> Report:
    """A report built by hand, so the writers' columns are tested apart from the checker."""
    row = Row("就业", "城镇新增就业2.78万人", "城镇新增就业5.22万人", line=3)
    target = Target(text="新增就业2.78万人", span=(2, 12), metric="城镇新增就业", kind="level", comparator=">=",
                    value=27800.0, unit="人")
    actual = Claim(text="新增就业5.22万人", span=(2, 12), kind="level", value=52200.0, unit="人")
    tr = TargetResult(target=target, verdict="met", reason="52200人 ≥ 27800人", actual=actual)
    bare = Row("宣传", "=加强宣传", "-已开展", line=4)
    d = Disclosure(title="某市人社局2019年目标", rows=[row, bare], organization="某市人社局", year=2019,
                   period="全年", published=date(2020, 1, 22))
    return Report(d, [RowResult(row, "met", (tr,)), RowResult(bare, "unverified", ())])


def test_csv_columns_bom_and_formula_guard() -> None:
    blob = write_reports([_hand_report()], "csv")
    assert blob.startswith(b"\xef\xbb\xbf")
    lines = list(csv.DictReader(io.StringIO(blob.decode("utf-8-sig"))))
    assert list(lines[0]) == list(REPORT_COLUMNS)
    first, second = lines
    assert (first["target"], first["value"], first["unit"], first["actual"], first["actual_value"],
            first["verdict"], first["comparator"]) == ("新增就业2.78万人", "27800", "人", "新增就业5.22万人",
                                                       "52200", "met", ">=")
    assert (first["year"], first["published"], first["row"]) == ("2019", "2020-01-22", "1")
    assert second["indicator"] == "'=加强宣传" and second["progress"] == "'-已开展"
    assert second["target"] == "" and second["row_verdict"] == "unverified"
    back = read_document(blob, source="r.csv")
    assert texts(back) == texts(_hand_report().disclosure)


def test_xlsx_sheets() -> None:
    blob = write_reports([_hand_report()], "xlsx")
    wb = load_workbook(io.BytesIO(blob))
    assert wb.sheetnames == ["rows", "targets", "disclosure"]
    targets = list(wb["targets"].values)
    header, line = targets[0], targets[1]
    got = dict(zip(header, line, strict=True))
    assert (got["target"], got["value"], got["actual_value"], got["verdict"], got["reason"]) == (
        "新增就业2.78万人", 27800, 52200, "met", "52200人 ≥ 27800人")
    assert len(targets) == 2  # the row without targets has no line here
    rows = list(wb["rows"].values)
    assert [r[rows[0].index("verdict")] for r in rows[1:]] == ["met", "unverified"]
    # text that looks like a formula stays text
    cell = wb["disclosure"]["I3"]
    assert cell.value == "=加强宣传" and cell.data_type == "s"
    assert texts(read_document(blob)) == texts(_hand_report().disclosure)


def test_json_report_is_the_check_schema() -> None:
    blob = write_reports([_hand_report()], "json")
    obj = json.loads(blob)
    assert obj == report_to_dict(_hand_report())
    both = json.loads(write_reports([_hand_report(), _hand_report()], "json"))
    assert both["schema"] == "jixiao.dataset/1" and len(both["documents"]) == 2


def _sources(shared: Path | None) -> list[Disclosure]:
    docs = [read_document(xlsx_book()), read_document(html_page().encode("gbk")), read_document(csv_text())]
    if shared is not None:
        docs += [read_path(p) for p in sorted(shared.glob("**/*.txt"))]
    return docs


@pytest.fixture
def corpus() -> list[Disclosure]:
    shared = Path(__file__).resolve().parents[3] / "shared" / "examples"
    return _sources(shared if shared.is_dir() else None)


def _checked(d: Disclosure) -> dict[str, object]:
    out = report_to_dict(check_disclosure(d))
    return out


def _sans_warnings(report: dict[str, object]) -> dict[str, object]:
    """A report without the reader's warnings: they describe the source document, not the export of it."""
    return {k: v for k, v in report.items() if k != "warnings"}


@pytest.mark.parametrize("fmt", OUT_FORMATS)
def test_round_trip_one_report(fmt: str, corpus: list[Disclosure]) -> None:
    for d in corpus:
        report = check_disclosure(d)
        back = read_document(write_reports([report], fmt), source=f"export.{fmt}")  # type: ignore[list-item]
        assert texts(back) == texts(d)
        assert meta(back) == meta(d)
        assert _sans_warnings(_checked(back)) == _sans_warnings(report_to_dict(report))


@pytest.mark.parametrize("fmt", OUT_FORMATS)
def test_round_trip_dataset(fmt: str, corpus: list[Disclosure]) -> None:
    reports = [check_disclosure(d) for d in corpus]
    back = read_documents(write_reports(reports, fmt), source=f"all.{fmt}")  # type: ignore[arg-type]
    assert len(back) == len(corpus)
    assert [_sans_warnings(report_to_dict(check_disclosure(b))) for b in back] == [
        _sans_warnings(report_to_dict(r)) for r in reports]
    plain = read_documents(write_disclosures(corpus, fmt), source=f"plain.{fmt}")  # type: ignore[arg-type]
    assert [(texts(b), meta(b)) for b in plain] == [(texts(d), meta(d)) for d in corpus]


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(html_page().encode("gbk"))
    sheet = tmp_path / "book.xlsx"
    sheet.write_bytes(xlsx_book())
    out = tmp_path / "all.xlsx"
    assert main(["export", str(page), str(sheet), "--out", str(out)]) == 0
    back = read_documents(out.read_bytes())
    assert [texts(b) for b in back] == [texts(read_path(page)), texts(read_path(sheet))]
    assert main(["export", str(page), "--to", "json", "--plain"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "jixiao.disclosure/1"
    assert main(["export", str(tmp_path / "missing.csv"), "--to", "csv"]) == 2
    assert "cannot read file" in capsys.readouterr().err
    tpl = tmp_path / "t.xlsx"
    assert main(["export", "--template", "--out", str(tpl)]) == 0
    assert load_workbook(tpl).sheetnames == ["填报", "说明"]


@pytest.mark.parametrize("fmt", OUT_FORMATS)
def test_records_that_read_like_a_header_stay_records(fmt: str) -> None:
    """Under jixiao's own header, a record whose cells are 目标 and 考核指标 (an organization so named, a goal
    left as its column's word) is a record, not a second header (found by the round-trip fuzz test)."""
    d = Disclosure(title="", rows=[Row("", "0", ""), Row("", "目标", ""), Row("目标", "考核指标", "")],
                   organization="考核指标", year=None, period=None, published=None)
    back = read_documents(write_disclosures([d], fmt), source=f"x.{fmt}")  # type: ignore[arg-type]
    assert [texts(b) for b in back] == [texts(d)]
