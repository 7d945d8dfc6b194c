"""The CLI: table and JSON output, standard input, exit status 2 with the error on standard error."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.cli import main

DOC = (
    "某区文化局2021年绩效考核目标完成进度公示(2021年全年)\n-\n发布时间:2022年01月10日\n"
    "目标名称 |\n考核指标 |\n|\n||\n文化惠民 |\n全年送戏下乡120场,新建农家书屋30个。 |\n"
    "全年送戏下乡126场,新建农家书屋28个。 |\n"
)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    p = tmp_path / "doc.txt"
    p.write_text(DOC, encoding="utf-8")
    return p


def test_json_report(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(doc), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "jixiao.check/1"
    assert report["organization"] == "某区文化局"
    assert report["published"] == "2022-01-10"
    (ind,) = report["indicators"]
    assert ind["verdict"] == "not_met"
    got = [(t["value"], t["unit"], t["verdict"]) for t in ind["targets"]]
    assert got == [(120, "场", "met"), (30, "个", "not_met")]
    for t in ind["targets"]:
        assert ind["indicator"][t["span"][0] : t["span"][1]] == t["text"]
        assert ind["progress"][t["actual"]["span"][0] : t["actual"]["span"][1]] == t["actual"]["text"]


def test_table_report(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(doc), "--colour", "never"]) == 0
    out = capsys.readouterr().out
    assert "未达成" in out and "达成" in out
    assert "\033[" not in out


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DOC.encode("utf-8"))))
    assert main(["check", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["indicators"]


def test_bad_input_exits_2_with_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("这不是公示\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bad.txt" in captured.err and "line" in captured.err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_scorer_on_shared_examples(shared_examples: Path) -> None:
    """The hand-labelled examples score 100% on every line (the scorer is run as CI would)."""
    scorer = shared_examples.parent / "eval" / "score.py"
    jixiao = Path(sys.executable).with_name("jixiao")
    for folder in (shared_examples, shared_examples / "more"):
        if not folder.is_dir():
            continue
        run = subprocess.run(
            [sys.executable, str(scorer), "--cmd", f"{jixiao} check --format json {{}}", str(folder)],
            capture_output=True, text=True, check=False,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        total = next(ln for ln in run.stdout.splitlines() if ln.startswith("score:"))
        for key in ("target_f1", "actual_acc", "verdict_acc", "indicator_acc", "shortfall_recall"):
            assert f"{key}=1.000" in total, total
        assert "false_alarm_rate=0.000" in total
