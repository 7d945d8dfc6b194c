"""The benchmark script builds its corpus and runs (a small corpus: this is a smoke test, not a timing)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "check_bench.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_bench"] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_recombines_rows_and_varies_figures(bench: ModuleType, tmp_path: Path) -> None:
    rows, name = bench.source_rows(tmp_path / "absent.txt")
    assert name == "built-in rows" and rows
    corpus = bench.build_corpus(rows, 200)
    assert len(corpus) == 200
    figures = lambda text: re.findall(r"[0-9]+(?:\.[0-9]+)?", text)  # noqa: E731
    original = {f for r in rows for f in figures(r.indicator + r.progress)}
    varied = {f for r in corpus for f in figures(r.indicator + r.progress)}
    assert len(varied - original) > 20  # most figures were changed
    assert bench.build_corpus(rows, 50, seed=1) == bench.build_corpus(rows, 50, seed=1)


def test_bench_runs_and_reports(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--rows", "40", "--repeats", "1", "--rounds", "1", "--no-record", "--no-pin"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"check_row pure Python: +[0-9,]+ rows/s", out)
    assert re.search(r"check_row compiled(: no fresh native build| \(mypyc\): [0-9,]+ rows/s)", out)
