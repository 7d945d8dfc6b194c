"""How many rows per second the checker handles on one core.

Builds a corpus of a few thousand rows by recombining the rows of the example disclosure
(``../shared/examples/hangzhou-ftu-2016-full-year.txt``, read at run time) and varying every Arabic
figure in them, then times ``check_row`` over the corpus twice side by side: with the compiled core
(mypyc, ``tools/build_native.py``) and as pure Python (``JIXIAO_PURE=1``), in separate processes that
alternate so that both see the same noise, the best of each counting. Peak memory is measured with
tracemalloc in a separate pass. The result is printed and appended to bench/RESULTS.md.

    .venv/bin/python bench/check_bench.py            # or: ./dev bench
    .venv/bin/python bench/check_bench.py --rows 5000 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import random
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from jixiao.core.check import check_row
from jixiao.core.errors import ReaderError
from jixiao.core.model import Row
from jixiao.formats.textdump import read_text_dump

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "examples" / "hangzhou-ftu-2016-full-year.txt"
RESULTS = HERE / "RESULTS.md"
_FIGURE = re.compile(r"(?<![0-9.])([0-9]+)(\.[0-9]+)?(?![0-9])")
_SENTENCE = re.compile(r"[^。；;！？\n]+[。；;！？]?")

# Used only when the example is not beside the checkout: rows in the same style, written here.
_FALLBACK_ROWS = [
    ("就业创业", "全年新增城镇就业2.5万人以上，城镇登记失业率控制在3.5%以内。",
     "今年以来，全市新增城镇就业2.73万人，完成年度任务的109%；城镇登记失业率2.9%。"),
    ("困难救助", "向困难家庭发放救助金不少于1500万元，符合条件的申请对象救助率100%。",
     "春节前夕向8200户困难家庭发放救助金1623.5万元，实现符合条件的申请对象救助率100%。"),
    ("职工培训", "开展职工技能培训300场，培训职工2万人次。",
     "全年举办各类技能培训326场，参训职工近2.4万人次，其中200余人取得职业资格证书。"),
    ("场馆建设", "职工文化中心年内开工建设。",
     "职工文化中心已完成施工图设计和招标，于10月开工建设，目前正在进行基础施工。"),
    ("医疗互助", "全市参与医疗互助职工增加10万人，最高补助提至6万元。",
     "参与医疗互助职工达到118万人，比去年增加12万人；每人每年最高补助提至6万元。"),
]


def source_rows(path: Path) -> tuple[list[Row], str]:
    if path.is_file():
        try:
            doc = read_text_dump(path.read_bytes(), source=str(path))
            if doc.rows:
                return doc.rows, path.name
        except ReaderError as exc:
            print(f"cannot read {path}: {exc}; using the built-in rows", file=sys.stderr)
    return [Row(goal=g, indicator=i, progress=p) for g, i, p in _FALLBACK_ROWS], "built-in rows"


def _vary(text: str, rng: random.Random) -> str:
    """Every Arabic figure scaled by 0.5-1.5, keeping its number of decimals; years are left alone."""

    def one(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        if len(whole) == 4 and whole.startswith(("19", "20")) and not frac:
            return m.group(0)
        value = float(whole + frac) * rng.uniform(0.5, 1.5)
        decimals = len(frac) - 1 if frac else 0
        return f"{value:.{decimals}f}" if decimals else str(max(0, round(value)))

    return _FIGURE.sub(one, text)


def build_corpus(rows: list[Row], n: int, seed: int = 2016) -> list[Row]:
    """``n`` rows: each an example row, sometimes with sentences of another row's progress spliced in,
    with its figures varied."""
    rng = random.Random(seed)
    corpus: list[Row] = []
    for _ in range(n):
        base = rng.choice(rows)
        progress = base.progress
        if rng.random() < 0.3:
            other = _SENTENCE.findall(rng.choice(rows).progress)
            if other:
                picked = rng.sample(other, k=min(len(other), rng.randint(1, 3)))
                progress = progress + "".join(picked)
        if rng.random() < 0.3:
            sentences = _SENTENCE.findall(progress)
            if len(sentences) > 3:
                cut = rng.randint(2, len(sentences))
                progress = "".join(sentences[:cut])
        corpus.append(Row(goal=base.goal, indicator=_vary(base.indicator, rng), progress=_vary(progress, rng)))
    return corpus


def time_corpus(corpus: list[Row], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for row in corpus:
            check_row(row)
        best = min(best, time.perf_counter() - t0)
    return best


def peak_memory(corpus: list[Row]) -> int:
    tracemalloc.start()
    try:
        for row in corpus:
            check_row(row)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def machine(load: float | None = None) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    when = f", load {load:.1f}" if load is not None else ""
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}{when}"


def pin_to_one_core() -> bool:
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        if cores:
            os.sched_setaffinity(0, {cores[0]})
            return True
    return False


def worker(args: argparse.Namespace) -> int:
    """One timed run in this process (compiled or pure, as ``JIXIAO_PURE`` says): JSON on stdout."""
    import jixiao.core

    if args.pin:
        pin_to_one_core()
    rows, source_name = source_rows(args.source)
    corpus = build_corpus(rows, args.rows)
    check_row(corpus[0])  # imports and word lists loaded before timing
    best = time_corpus(corpus, args.repeats)
    chars = sum(len(r.indicator) + len(r.progress) for r in corpus)
    print(json.dumps({"best": best, "rows": len(corpus), "chars": chars, "source": source_name,
                      "native": jixiao.core.NATIVE}))
    return 0


def run_mode(args: argparse.Namespace, pure: bool) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", "--rows", str(args.rows), "--repeats", str(args.repeats),
           "--source", str(args.source)] + ([] if args.no_pin else ["--pin"])
    env = {**os.environ, "JIXIAO_PURE": "1" if pure else "0"}
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


_ROW_HEAD = "| compiled | pure Python | ratio |"


def record(results: Path, line: str) -> None:
    """Add ``line`` to the checker-speed table: after its last row, not after the prose that follows it."""
    lines = results.read_text(encoding="utf-8").split("\n")
    head = next((i for i, text in enumerate(lines) if _ROW_HEAD in text), None)
    if head is None:
        lines[-1:] = [line, ""] if lines[-1] == "" else [lines[-1], line, ""]
    else:
        end = head + 1
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        lines.insert(end, line)
    results.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--rows", type=int, default=3000, help="rows in the corpus (default 3000)")
    ap.add_argument("--repeats", type=int, default=2, help="timed passes in each run (default 2)")
    ap.add_argument("--rounds", type=int, default=4,
                    help="runs of each mode, compiled and pure alternating; the best counts (default 4)")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="text dump whose rows are recombined")
    ap.add_argument("--profile", action="store_true", help="print where the time goes (cProfile, this process)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the runs to one core")
    ap.add_argument("--no-record", action="store_true", help="do not append the result to bench/RESULTS.md")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--pin", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    best: dict[bool, float] = {}
    info: dict[str, Any] = {}
    native_seen = False
    for _ in range(args.rounds):  # alternating, so both modes see the same noise
        for pure in (False, True):
            r = run_mode(args, pure)
            best[pure] = min(best.get(pure, float("inf")), r["best"])
            native_seen = native_seen or (r["native"] and not pure)
            info = r
    rows, chars, source_name = info["rows"], info["chars"], info["source"]
    rate = {pure: rows / t for pure, t in best.items()}
    rows_corpus = build_corpus(source_rows(args.source)[0], args.rows)
    peak = peak_memory(rows_corpus)
    print(f"{rows} rows, {chars // rows} characters a row, from {source_name}")
    if native_seen:
        print(f"check_row compiled (mypyc): {rate[False]:,.0f} rows/s (best of {args.rounds} runs: "
              f"{best[False]:.3f} s)")
    else:
        print("check_row compiled: no fresh native build (python tools/build_native.py); the runs were pure Python")
    print(f"check_row pure Python:      {rate[True]:,.0f} rows/s (best of {args.rounds} runs: {best[True]:.3f} s)")
    if native_seen:
        print(f"ratio compiled / pure: {rate[False] / rate[True]:.2f}")
    print(f"peak memory while checking {peak / 1e6:.1f} MB")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for row in rows_corpus:
            check_row(row)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)
    if not args.no_record and native_seen:
        line = (
            f"| {dt.date.today().isoformat()} | {rows} rows ({chars // rows} chars/row, from {source_name}) "
            f"| {rate[False]:,.0f} rows/s | {rate[True]:,.0f} rows/s | {rate[False] / rate[True]:.2f} "
            f"| {peak / 1e6:.1f} MB | Python {platform.python_version()}, {machine(load)}"
            f"{'' if args.no_pin else ', one core'} |"
        )
        if not RESULTS.exists():
            RESULTS.write_text(
                "# Benchmark results\n\n## Checker speed\n\n`bench/check_bench.py`: compiled and pure Python side by "
                "side, one core.\n\n| date | corpus | compiled | pure Python | ratio | peak memory | machine |\n"
                "|---|---|---|---|---|---|---|\n",
                encoding="utf-8",
            )
        record(RESULTS, line)
        print(f"recorded in {RESULTS.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
