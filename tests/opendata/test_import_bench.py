"""bench/import_bench.py generates importable disclosures and records its result in its own table
(a smoke test with a few files, not a timing)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from jixiao.formats.registry import read_path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "import_bench.py"


def load():
    spec = importlib.util.spec_from_file_location("import_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_bench"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_files_read_as_disclosures_of_distinct_units_and_periods(tmp_path):
    bench = load()
    rows = bench.generate(tmp_path, 10, rows_per=3)
    files = sorted(tmp_path.rglob("*.*"))
    assert len(files) == 10 and rows == 30
    assert {f.suffix for f in files} == {".json", ".csv"}
    docs = [read_path(f) for f in files]
    assert len({(d.organization, d.period) for d in docs}) == 10
    assert all(len(d.rows) == 3 and d.year == 2024 for d in docs)


def test_record_keeps_the_check_bench_table_last(tmp_path, monkeypatch):
    bench = load()
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\nintro\n\n| date | corpus |\n|---|---|\n| 1 | a |\n", "utf-8")
    monkeypatch.setattr(bench, "RESULTS", results)
    bench.record("| mine 1 |")
    bench.record("| mine 2 |")
    text = results.read_text("utf-8")
    assert text.index("## Bulk import") < text.index("intro")
    assert text.index("| mine 1 |") < text.index("| mine 2 |") < text.index("| 1 | a |")
    assert text.rstrip().endswith("| 1 | a |")  # check_bench.py appends its rows at the end
