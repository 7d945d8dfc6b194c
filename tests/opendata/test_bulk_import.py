"""``jixiao import``: many files and folders, several processes, idempotent, all-or-nothing per file."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.core.model import Row
from jixiao.formats.writers import write_disclosures
from jixiao.web.opendata import bulk
from jixiao.web.performance import services
from jixiao.web.performance.models import Disclosure, ImportRecord, Organization

from .conftest import EXAMPLE, ROWS_BETTER, ROWS_GOOD, make_doc

ROOT = Path(__file__).resolve().parents[2]


def corpus(tmp_path: Path) -> Path:
    """A folder tree with every format, a dataset file of two disclosures, a broken file and a bad row."""
    top = tmp_path / "in"
    (top / "sub" / "deeper").mkdir(parents=True)
    (top / ".hidden").mkdir()
    (top / "a.json").write_bytes(write_disclosures([make_doc("批量甲局", 2020, "全年", ROWS_GOOD)], "json"))
    (top / "sub" / "b.xlsx").write_bytes(write_disclosures([make_doc("批量乙局", 2020, "全年", ROWS_GOOD)], "xlsx"))
    (top / "sub" / "c.csv").write_bytes(write_disclosures([make_doc("批量丙局", 2020, "上半年", ROWS_GOOD)], "csv"))
    both = [make_doc("批量丁局", 2020, "全年", ROWS_GOOD), make_doc("批量戊局", 2020, "全年", ROWS_BETTER)]
    (top / "sub" / "deeper" / "dataset.json").write_bytes(write_disclosures(both, "json"))
    (top / "sub" / "deeper" / "broken.xlsx").write_bytes(b"%PDF-1.4 not a workbook")
    holes = make_doc("批量己局", 2020, "全年", ROWS_GOOD)
    holes.rows.append(Row(goal="空指标", indicator="", progress="有进度没有指标"))
    (top / "holes.json").write_bytes(write_disclosures([holes], "json"))
    (top / ".hidden" / "x.json").write_bytes(b"{}")
    (top / "notes.md").write_text("not a disclosure")
    if EXAMPLE.exists():
        (top / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    return top


def test_collect_walks_folders_skips_hidden_and_reports_missing(tmp_path):
    top = corpus(tmp_path)
    files, errors = bulk.collect([top, top / "a.json", tmp_path / "missing"])
    names = [f.name for f in files]
    assert "x.json" not in names and "notes.md" not in names
    assert names.count("a.json") == 1
    assert {"b.xlsx", "c.csv", "dataset.json", "broken.xlsx", "holes.json"} <= set(names)
    assert [e["file"] for e in errors] == [str(tmp_path / "missing")]


@pytest.mark.django_db(transaction=True)
def test_bulk_import_with_workers_then_again_changes_nothing(tmp_path):
    top = corpus(tmp_path)
    summary = bulk.run([top], jobs=2, progress=False)
    by_name = {Path(f.path).name: f for f in summary.files}
    assert by_name["broken.xlsx"].status == "failed"
    assert by_name["dataset.json"].status == "imported" and by_name["dataset.json"].documents == 2
    for name in ("a.json", "b.xlsx", "c.csv", "holes.json"):
        assert by_name[name].status == "imported", (name, by_name[name])
    units = set(Disclosure.objects.values_list("unit__name", flat=True))
    assert {"批量甲局", "批量乙局", "批量丙局", "批量丁局", "批量戊局", "批量己局"} <= units
    # a row without an indicator is reported, the rest of its file imported
    holes = Disclosure.objects.get(unit__name="批量己局")
    assert len(holes.snapshot["rows"]) == len(ROWS_GOOD)
    report = list(csv.DictReader(io.StringIO(bulk.errors_csv(summary.errors).decode("utf-8-sig"))))
    assert {Path(r["file"]).name for r in report} == {"broken.xlsx", "holes.json"}
    hole = next(r for r in report if r["file"].endswith("holes.json"))
    assert (hole["row"], hole["field"]) == ("3", "考核指标")
    broken = next(r for r in report if r["file"].endswith("broken.xlsx"))
    assert "PDF" in broken["message"]
    counts = dict((t[0], t[1:]) for t in summary.table())
    assert counts["failed"][0] == 1
    assert counts["total"][0] == len(summary.files)
    n_disclosures, n_records = Disclosure.objects.count(), ImportRecord.objects.count()

    again = bulk.run([top], jobs=1, progress=False)
    assert {f.status for f in again.files if not f.path.endswith("broken.xlsx")} == {"already"}
    assert (Disclosure.objects.count(), ImportRecord.objects.count()) == (n_disclosures, n_records)


@pytest.mark.django_db(transaction=True)
def test_a_changed_file_becomes_a_new_version(tmp_path):
    f = tmp_path / "x.json"
    f.write_bytes(write_disclosures([make_doc("版本局", 2021, "全年", ROWS_GOOD)], "json"))
    assert bulk.run([f], progress=False).files[0].status == "imported"
    f.write_bytes(write_disclosures([make_doc("版本局", 2021, "全年", ROWS_BETTER)], "json"))
    assert bulk.run([f], progress=False).files[0].status == "corrected"
    assert list(Disclosure.objects.filter(unit__name="版本局").values_list("version", flat=True)
                .order_by("version")) == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_a_file_is_all_or_nothing(tmp_path, monkeypatch):
    """The second disclosure of a dataset file cannot be imported: the first is not imported either.

    Nothing a document says makes its import fail any more (gaps are warnings), so the failure is made:
    the import service answers the second disclosure with an error, as it would for a refused upload."""
    real = services.disclosure_import
    calls = []

    def second_fails(**kwargs):
        calls.append(kwargs["filename"])
        if len(calls) == 2:
            preview = services.ImportPreview(filename=kwargs["filename"], sha256="0" * 64)
            preview.errors.append("导入失败（测试）")
            return None, preview
        return real(**kwargs)

    monkeypatch.setattr(services, "disclosure_import", second_fails)
    good = make_doc("整体局", 2021, "全年", ROWS_GOOD)
    other = make_doc("整体局", 2021, "上半年", ROWS_GOOD)
    f = tmp_path / "pair.json"
    f.write_bytes(write_disclosures([good, other], "json"))
    summary = bulk.run([f], progress=False)
    assert summary.files[0].status == "failed"
    assert "导入失败" in summary.files[0].message
    assert not Organization.objects.filter(name="整体局").exists()
    assert not ImportRecord.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_interrupted_run_leaves_no_half_imported_file_and_can_be_run_again(tmp_path, monkeypatch):
    top = tmp_path / "many"
    top.mkdir()
    both = [make_doc("中断甲局", 2022, "全年", ROWS_GOOD), make_doc("中断乙局", 2022, "全年", ROWS_GOOD)]
    (top / "1.json").write_bytes(write_disclosures([make_doc("中断丙局", 2022, "全年", ROWS_GOOD)], "json"))
    (top / "2.json").write_bytes(write_disclosures(both, "json"))
    real = services.disclosure_import
    calls = {"n": 0}

    def interrupt_in_the_middle(**kw):
        calls["n"] += 1
        if calls["n"] == 3:  # the second disclosure of 2.json, after the first was written
            raise KeyboardInterrupt
        return real(**kw)

    monkeypatch.setattr(services, "disclosure_import", interrupt_in_the_middle)
    with pytest.raises(KeyboardInterrupt):
        bulk.run([top], jobs=1, progress=False)
    assert set(Organization.objects.filter(name__startswith="中断").values_list("name", flat=True)) == {"中断丙局"}
    monkeypatch.setattr(services, "disclosure_import", real)
    summary = bulk.run([top], jobs=1, progress=False)
    assert [f.status for f in summary.files] == ["already", "imported"]
    assert Disclosure.objects.filter(unit__name__startswith="中断").count() == 3


def test_the_workers_checks_are_the_checkers(tmp_path):
    f = tmp_path / "one.json"
    f.write_bytes(write_disclosures([make_doc("核对局", 2020, "全年", ROWS_GOOD)], "json"))
    prep = bulk.prepare(str(f))
    from jixiao.web.performance import checking

    for (goal, indicator, progress, period, year, shared, due_later), result in prep.checks.items():
        assert (period, year, due_later) == ("全年", 2020, False)
        assert result == checking.check_texts(goal, indicator, progress, period, year, shared, due_later)
    with bulk.reuse_checks({k: v for k, v in list(prep.checks.items())[:1]}):
        k, v = next(iter(prep.checks.items()))
        assert checking.check_texts(*k) is v
    assert checking.check_texts.__name__ == "check_texts"


def test_the_workers_check_a_title_without_a_year_under_the_publication_year(tmp_path):
    import datetime

    from jixiao.core.model import Disclosure as Doc

    doc = Doc(title="核对局绩效考核目标完成情况", rows=[Row(goal=g, indicator=i, progress=p) for g, i, p in ROWS_GOOD],
              organization="核对局", published=datetime.date(2021, 3, 2))
    f = tmp_path / "undated.json"
    f.write_bytes(write_disclosures([doc], "json"))
    prep = bulk.prepare(str(f))
    assert prep.checks and {k[4] for k in prep.checks} == {2021}  # as services files it, so the import reuses them


def test_cli_import_prints_a_summary_writes_the_error_report_and_is_idempotent(tmp_path):
    top = corpus(tmp_path)
    env = {**os.environ, "JIXIAO_VAR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
    env.pop("DATABASE_URL", None)
    errors = tmp_path / "errors.csv"
    cmd = [sys.executable, "-m", "jixiao.cli", "import", str(top), "--jobs", "2", "--errors", str(errors)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert first.returncode == 2, first.stderr  # bad input: one file is broken, one row has no indicator
    assert "imported (new)" in first.stdout and "failed" in first.stdout
    # each problem named on standard error as `jixiao check` names its errors: the file, and its row and field
    problems = [ln for ln in first.stderr.splitlines() if ln.startswith("jixiao: error: ")]
    assert any("broken.xlsx: " in ln and "PDF" in ln for ln in problems), first.stderr
    assert any("holes.json, line " in ln and ", row 3, field 考核指标: " in ln for ln in problems), first.stderr
    assert f"all of them are in {errors}" in first.stderr and "Traceback" not in first.stderr
    assert "files" in first.stderr  # the progress line
    rows = list(csv.DictReader(io.StringIO(errors.read_text("utf-8-sig"))))
    assert any(r["file"].endswith("broken.xlsx") for r in rows)
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert second.returncode == 2  # the same bad input, reported again
    line = next(ln for ln in second.stdout.splitlines() if ln.startswith("already imported"))
    total = next(ln for ln in second.stdout.splitlines() if ln.startswith("total"))
    assert int(line.split()[2]) == int(total.split()[1]) - 1  # all but the broken file
    # the imported data, as the public site has it, from the command line
    out = tmp_path / "all.xlsx"
    ds = subprocess.run([sys.executable, "-m", "jixiao.cli", "dataset", "--out", str(out)], capture_output=True,
                        text=True, env=env, cwd=tmp_path, timeout=300)
    assert ds.returncode == 0, ds.stderr
    from jixiao.formats.registry import read_documents

    orgs = {d.organization for d in read_documents(out.read_bytes(), source="all.xlsx")}
    assert {"批量甲局", "批量丁局", "批量戊局"} <= orgs
    site = tmp_path / "site"
    pub = subprocess.run([sys.executable, "-m", "jixiao.cli", "publish", "--out", str(site), "--no-pdf"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert pub.returncode == 0, pub.stderr
    assert (site / "index.html").exists() and (site / "data" / "jixiao-dataset.csv").exists()
    again = subprocess.run([sys.executable, "-m", "jixiao.cli", "publish", "--out", str(tmp_path / "in")],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert again.returncode == 2 and "not an earlier copy" in again.stderr


def test_ctrl_c_stops_the_cli_cleanly_and_the_next_run_finishes(tmp_path):
    import signal
    import sqlite3
    import time

    folder = tmp_path / "files"
    for i in range(60):
        (folder / f"{i:02d}.json").parent.mkdir(exist_ok=True)
        (folder / f"{i:02d}.json").write_bytes(
            write_disclosures([make_doc(f"信号局{i:02d}", 2023, "全年", ROWS_GOOD)], "json"))
    var = tmp_path / "var"
    env = {**os.environ, "JIXIAO_VAR": str(var), "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
    env.pop("DATABASE_URL", None)
    cmd = [sys.executable, "-m", "jixiao.cli", "import", str(folder), "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)

    def records() -> int:
        try:
            with sqlite3.connect(var / "jixiao.sqlite3", timeout=1) as db:
                return db.execute("select count(*) from performance_importrecord").fetchone()[0]
        except sqlite3.Error:
            return 0

    deadline = time.monotonic() + 120
    while records() < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the import finished before the interrupt arrived")
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    done = records()
    assert 0 < done < 60
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(var / "jixiao.sqlite3") as db:
        assert db.execute("select count(*) from performance_disclosure").fetchone()[0] == 60
        # every unit's report has all its rows: nothing was left half imported
        per_sub = db.execute("select count(*) from performance_progressentry group by submission_id").fetchall()
        assert [n for (n,) in per_sub] == [len(ROWS_GOOD)] * 60
    line = next(ln for ln in again.stdout.splitlines() if ln.startswith("already imported"))
    assert int(line.split()[2]) == done


@pytest.mark.django_db(transaction=True)
def test_cli_import_exit_status_0_done_2_bad_input_1_other_failures(tmp_path, capsys, monkeypatch):
    from jixiao import cli

    report = tmp_path / "problems.csv"
    args = ["--jobs", "1", "--quiet", "--errors", str(report)]
    good = tmp_path / "good.json"
    good.write_bytes(write_disclosures([make_doc("退出码甲局", 2022, "全年", ROWS_GOOD)], "json"))
    assert cli.main(["import", str(good), *args]) == 0
    assert not report.exists()
    capsys.readouterr()

    # bad input: status 2, each problem on standard error with the file (and row and field where known)
    missing = tmp_path / "missing.json"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"just one line, no table\n")
    assert cli.main(["import", str(missing), str(bad), str(good), *args]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"jixiao: error: {missing}: no such file or folder" in err
    assert any(ln.startswith(f"jixiao: error: {bad}") for ln in err), err
    assert err[-1].startswith("jixiao import: 2 problem(s) in 2 file(s)") and str(report) in err[-1]
    assert report.exists()

    # a failure that is not the file's fault (here: the database) is status 1
    def broken_database(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "disclosure_import", broken_database)
    other = tmp_path / "other.json"
    other.write_bytes(write_disclosures([make_doc("退出码乙局", 2022, "全年", ROWS_GOOD)], "json"))
    assert cli.main(["import", str(other), *args]) == 1
    assert f"jixiao: error: {other}: RuntimeError: database went away" in capsys.readouterr().err.splitlines()
