"""The checker of two source trees side by side: rows per second of ``check_row`` on one corpus.

    python bench/compare_versions.py OLD_SRC NEW_SRC [--rows 1500] [--rounds 3]

Each tree is a checkout's ``src`` folder (for an old commit: ``git worktree add /tmp/old <commit>`` and, for its
compiled core, ``PYTHONPATH=/tmp/old/src python /tmp/old/tools/build_native.py``). The corpus is the one
``bench/check_bench.py`` builds from the example disclosure. The two trees are timed in separate processes,
alternately, best of three passes each round, so that a change of the machine's speed during the run touches
both: on a shared machine only their ratio means anything. ``JIXIAO_PURE=1`` times both as pure Python.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = """
import importlib.util, json, sys, time
from pathlib import Path
spec = importlib.util.spec_from_file_location("check_bench", sys.argv[1])
cb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cb)
from jixiao.core.check import check_row
import jixiao.core.check as check_module
rows, _ = cb.source_rows(Path(sys.argv[2]))
corpus = cb.build_corpus(rows, int(sys.argv[3]))
best = float("inf")
for _ in range(3):
    t = time.perf_counter()
    for r in corpus:
        check_row(r)
    best = min(best, time.perf_counter() - t)
print(json.dumps({"rows_per_s": len(corpus) / best, "compiled": check_module.__file__.endswith(".so")}))
"""


def time_tree(src: Path, rows: int, example: Path) -> tuple[float, bool]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(HERE / "check_bench.py"), str(example), str(rows)],
                         env=env, capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    return float(got["rows_per_s"]), bool(got["compiled"])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("old", type=Path, help="the old tree's src folder")
    p.add_argument("new", type=Path, help="the new tree's src folder")
    p.add_argument("--rows", type=int, default=1500)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--example", type=Path,
                   default=HERE.parent.parent / "shared" / "examples" / "hangzhou-ftu-2016-full-year.txt")
    a = p.parse_args()
    for k in range(1, a.rounds + 1):
        old, old_c = time_tree(a.old.resolve(), a.rows, a.example)
        new, new_c = time_tree(a.new.resolve(), a.rows, a.example)
        kind = "/".join("compiled" if c else "pure" for c in (old_c, new_c))
        print(f"round {k} ({kind}): old {old:,.0f} rows/s, new {new:,.0f} rows/s, new/old {new / old:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
