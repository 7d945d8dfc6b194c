"""The mypyc build of the core: used only while it matches the source, and it gives the same results."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import jixiao.core
from jixiao.core import native

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def core_copy(tmp_path: Path) -> Path:
    core = tmp_path / "core"
    core.mkdir()
    for path in native.CORE.glob("*.py"):
        shutil.copy2(path, core / path.name)
    return core


def test_a_stamp_matches_only_the_source_it_was_made_from(core_copy: Path, tmp_path: Path) -> None:
    built = tmp_path / "_native"
    built.mkdir()
    assert not native.is_fresh(built, core_copy)  # no stamp yet
    (built / native.STAMP).write_text(native.sources_digest(core_copy) + "\n", encoding="ascii")
    assert native.is_fresh(built, core_copy)
    with (core_copy / "quantities.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert not native.is_fresh(built, core_copy)  # edited since the build: stale
    (built / native.STAMP).write_bytes(b"\xff\xfe")
    assert not native.is_fresh(built, core_copy)


def test_jixiao_pure_keeps_the_python_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    path: list[str] = ["/pkg"]
    monkeypatch.setenv("JIXIAO_PURE", "1")
    assert native.activate(path) is False
    assert path == ["/pkg"]


def test_a_fresh_build_is_what_runs() -> None:
    if os.environ.get("JIXIAO_PURE", "") not in ("", "0"):
        pytest.skip("JIXIAO_PURE set")
    if not native.is_fresh():
        # under CI the build must not fail quietly: the speed target is the compiled core's
        assert not os.environ.get("CI"), "no fresh native build: python tools/build_native.py says why"
        pytest.skip("no fresh native build (tools/build_native.py)")
    assert jixiao.core.NATIVE
    assert native.compiled_modules() == list(native.COMPILED)


_REPORTS = """
import json, sys
from pathlib import Path
from jixiao.core.check import check_disclosure
from jixiao.core.check import check_row
from jixiao.core.report import report_to_dict, row_result_to_dict
from jixiao.formats.registry import read_path
import jixiao.core
sys.path.insert(0, "bench")
from check_bench import DEFAULT_SOURCE, build_corpus, source_rows
out = {"native": jixiao.core.NATIVE, "reports": {}}
for name in sys.argv[1:]:
    out["reports"][Path(name).name] = report_to_dict(check_disclosure(read_path(Path(name))))
out["corpus"] = [row_result_to_dict(check_row(r)) for r in build_corpus(source_rows(DEFAULT_SOURCE)[0], 600)]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def test_compiled_and_pure_python_give_the_same_results(shared_examples: Path) -> None:
    if not native.is_fresh():
        pytest.skip("no fresh native build (tools/build_native.py)")
    files = sorted(str(p) for p in [*shared_examples.glob("*.txt"), *shared_examples.glob("more/*.txt")])
    outputs = {}
    for pure in ("0", "1"):
        env = {**os.environ, "JIXIAO_PURE": pure}
        run = subprocess.run([sys.executable, "-c", _REPORTS, *files], env=env, capture_output=True, text=True,
                             check=True, cwd=ROOT)
        outputs[pure] = json.loads(run.stdout)
    assert outputs["0"]["native"] is True and outputs["1"]["native"] is False
    assert outputs["0"]["reports"] == outputs["1"]["reports"]
    assert len(outputs["0"]["reports"]) == len(files)
    assert outputs["0"]["corpus"] == outputs["1"]["corpus"]  # the benchmark's rows too
