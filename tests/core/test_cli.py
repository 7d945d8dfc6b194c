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


def test_scorer_agrees_with_jixiao_eval(shared_examples: Path) -> None:
    """The shared scorer, run as CI would on the CLI, gives the same totals as `jixiao eval` in-process."""
    from jixiao.evaluation import evaluate, format_figures

    scorer = shared_examples.parent / "eval" / "score.py"
    jixiao = Path(sys.executable).with_name("jixiao")
    folders = [shared_examples, shared_examples / "more"]
    run = subprocess.run(
        [sys.executable, str(scorer), "--cmd", f"{jixiao} check --format json {{}}", *map(str, folders)],
        capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    theirs = dict(kv.split("=") for kv in next(
        ln for ln in run.stdout.splitlines() if ln.startswith("score:")).split()[1:])
    _, total = evaluate(folders)
    ours = dict(kv.split("=") for kv in format_figures(total).split())
    assert ours == theirs


def test_eval_lists_every_miss(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("某局2020年目标公示\n-\n发布时间:\n目标名称 |\n考核指标 |\n|\n||\n"
                   "培训 |\n培训500人 |\n培训480人 |\n", encoding="utf-8")
    target = {"text": "培训500人", "kind": "level", "comparator": ">=", "value": 500, "unit": "人"}
    gold = {"document": "d.txt", "indicators": [
        {"goal": "培训", "verdict": "met", "targets": [{**target, "verdict": "met", "actual": 490}]}]}
    (tmp_path / "d.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "actual for '培训500人' is 480, gold 490" in out
    assert "verdict for '培训500人' is not_met, gold met" in out
    assert "false_alarm_rate=1.000" in out and "failed_docs=0" in out
    assert main(["eval", str(tmp_path / "nowhere")]) == 2
