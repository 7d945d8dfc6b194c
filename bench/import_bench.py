"""Bulk import of generated disclosures: ``jixiao import`` (opendata/bulk.py) into a fresh SQLite database.

Generates N disclosure files (default 10,000: units × periods of one year, rows recombined from the
example disclosure with their figures varied, as bench/check_bench.py does), half as jixiao JSON and half
as CSV, then imports the folder with the worker processes and times it. Peak memory is the largest
resident set size of the importing (parent) process and of any worker (getrusage). A second run over the
same folder shows the cost of the idempotence check. The result is printed and recorded in
bench/RESULTS.md (section "Bulk import").

    .venv/bin/python bench/import_bench.py                 # 10,000 disclosures
    .venv/bin/python bench/import_bench.py --n 500 --no-record
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
SECTION = "## Bulk import"
HEADER = (
    f"{SECTION}\n\n`bench/import_bench.py`: `jixiao import` of generated disclosure files (half JSON, half CSV) "
    "into a new SQLite database, worker processes reading and checking, the parent writing each file in its "
    "own transaction; peak memory: largest resident set of the parent and of any worker; again: the same "
    "folder a second time (everything already imported).\n\n"
    "| date | disclosures | rows | jobs | time | disclosures/s | peak memory (parent / worker) | again | database "
    "| machine |\n|---|---|---|---|---|---|---|---|---|---|\n"
)
PERIODS = ("一季度", "上半年", "前三季度", "全年")


def check_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_bench", HERE / "check_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_bench"] = module
    spec.loader.exec_module(module)
    return module


def generate(folder: Path, n: int, rows_per: int = 7, seed: int = 2024) -> int:
    """Write ``n`` disclosure files into ``folder`` (units × periods); returns the number of rows."""
    from jixiao.core.model import Disclosure
    from jixiao.formats.writers import write_disclosures

    cb = check_bench()
    rows, _name = cb.source_rows(cb.DEFAULT_SOURCE)
    corpus = cb.build_corpus(rows, n * rows_per, seed=seed)
    total = 0
    for i in range(n):
        unit, period = divmod(i, len(PERIODS))
        org = f"基准测试单位{unit + 1:05d}"
        code = PERIODS[period]
        doc = Disclosure(title=f"{org}2024年绩效考核目标完成进度公示（{code}）",
                         rows=corpus[i * rows_per:(i + 1) * rows_per], organization=org, year=2024, period=code)
        fmt = "json" if i % 2 == 0 else "csv"
        sub = folder / f"{unit // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:05d}.{fmt}").write_bytes(write_disclosures([doc], fmt))
        total += len(doc.rows)
    return total


def peak_rss_mb() -> tuple[float, float]:
    """(parent, largest child) peak resident set size in MB (Linux reports kB)."""
    scale = 1024 if sys.platform != "darwin" else 1
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 1e6
    return own, kids


def record(line: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    if SECTION not in text:
        # before check_bench.py's table, which that script appends to at the end of the file
        head, sep, rest = text.partition("\n\n")
        text = head + sep + HEADER + "\n" + rest if sep else text + "\n" + HEADER
    start = text.index(SECTION)
    lines = text[start:].split("\n")
    first = next(i for i, ln in enumerate(lines) if ln.startswith("|"))
    last = first
    while last + 1 < len(lines) and lines[last + 1].startswith("|"):
        last += 1  # the end of this section's table, not of the file
    lines.insert(last + 1, line)
    RESULTS.write_text(text[:start] + "\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=10_000, help="disclosures to generate (default 10,000)")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: the cores)")
    ap.add_argument("--keep", type=Path, help="keep the files and the database in this folder")
    ap.add_argument("--no-record", action="store_true", help="do not record the result in bench/RESULTS.md")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="jixiao-import-bench-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    os.environ["JIXIAO_VAR"] = str(work / "var")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
    try:
        files = work / "files"
        t0 = time.perf_counter()
        rows = generate(files, args.n)
        print(f"generated {args.n} disclosures ({rows} rows) in {time.perf_counter() - t0:.1f} s")
        from jixiao.web.cli import setup_django

        setup_django()
        from jixiao.web.opendata import bulk
        from jixiao.web.performance.models import Disclosure

        jobs = args.jobs or max(1, min(os.cpu_count() or 1, 8))
        t0 = time.perf_counter()
        summary = bulk.run([files], jobs=jobs, progress=True)
        seconds = time.perf_counter() - t0
        print(bulk.format_table(summary))
        imported = Disclosure.objects.count()
        assert summary.failed == 0 and imported == args.n, (summary.failed, imported)
        parent, worker = peak_rss_mb()
        t0 = time.perf_counter()
        again = bulk.run([files], jobs=jobs, progress=False)
        again_s = time.perf_counter() - t0
        assert {f.status for f in again.files} == {"already"}
        db_mb = (work / "var" / "jixiao.sqlite3").stat().st_size / 1e6
        print(f"import: {args.n} disclosures, {rows} rows in {seconds:.1f} s ({args.n / seconds:.1f}/s) with "
              f"{jobs} workers; peak memory parent {parent:.0f} MB, worker {worker:.0f} MB; "
              f"again: {again_s:.1f} s; database {db_mb:.0f} MB")
        cpu = check_bench().machine()
        line = (f"| {dt.date.today().isoformat()} | {args.n:,} | {rows:,} | {jobs} | {seconds:.0f} s "
                f"| {args.n / seconds:.1f} | {parent:.0f} MB / {worker:.0f} MB | {again_s:.0f} s | SQLite, "
                f"{db_mb:.0f} MB | Python {platform.python_version()}, {cpu} |")
        if not args.no_record:
            record(line)
            print(f"recorded in {RESULTS.relative_to(HERE.parent)}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
