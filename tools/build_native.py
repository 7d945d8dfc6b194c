"""Compile the checker's hot modules with mypyc into src/jixiao/core/_native/ (see jixiao.core.native).

    .venv/bin/python tools/build_native.py           # does nothing when the build is fresh
    .venv/bin/python tools/build_native.py --force

Run by ``./dev setup``. Without a C compiler the build fails, this says so, and jixiao runs as pure
Python (about 1.4 times slower, bench/RESULTS.md); nothing else depends on it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(force: bool = False) -> int:
    from jixiao.core import native

    if not force and native.is_fresh():
        print("native core: up to date", file=sys.stderr)
        return 0
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as exc:
        print(f"native core: not built ({exc.name} is not installed); running as pure Python", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    digest = native.sources_digest()
    sources = [str((native.CORE / f"{name}.py").relative_to(ROOT)) for name in native.COMPILED]
    cwd = os.getcwd()
    os.chdir(ROOT)  # mypyc reads pyproject.toml's [tool.mypy] and names modules from the src layout
    try:
        with tempfile.TemporaryDirectory(prefix="jixiao-native-") as tmp:
            lib, temp = Path(tmp) / "lib", Path(tmp) / "temp"
            extensions = mypycify(sources, opt_level="3", group_name=native.GROUP, target_dir=str(Path(tmp) / "c"))
            setup(name="jixiao-native", ext_modules=extensions, packages=[], py_modules=[],
                  script_args=["--quiet", "build_ext", "--build-lib", str(lib), "--build-temp", str(temp)])
            built = sorted((lib / "jixiao" / "core").glob("*.so")) + sorted((lib / "jixiao" / "core").glob("*.pyd"))
            if len(built) != len(native.COMPILED) + 1:
                print(f"native core: unexpected build output {[p.name for p in built]}", file=sys.stderr)
                return 1
            staging = Path(tempfile.mkdtemp(prefix="_native.", dir=native.CORE))
            for path in built:
                shutil.copy2(path, staging / path.name)
            (staging / native.STAMP).write_text(digest + "\n", encoding="ascii")
            old = native.CORE / f"_native.old.{os.getpid()}"
            if native.NATIVE_DIR.exists():
                native.NATIVE_DIR.rename(old)
            staging.rename(native.NATIVE_DIR)
            shutil.rmtree(old, ignore_errors=True)
    except (SystemExit, Exception) as exc:  # a compiler error surfaces as SystemExit from setuptools
        print(f"native core: build failed ({exc}); running as pure Python", file=sys.stderr)
        return 1
    finally:
        os.chdir(cwd)
    print(f"native core: built {', '.join(native.COMPILED)} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--force", action="store_true", help="build even when the build is fresh")
    return build(force=ap.parse_args(argv).force)


if __name__ == "__main__":
    raise SystemExit(main())
