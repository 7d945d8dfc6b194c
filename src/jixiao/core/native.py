"""The checker's hot modules compiled with mypyc, used only while they match the Python source.

``tools/build_native.py`` (run by ``./dev setup``) compiles ``COMPILED`` into ``_native/`` beside this
file and writes a stamp there: a digest of every ``.py`` file of the core and the interpreter's cache
tag. When the core package is imported, ``activate`` puts ``_native/`` first on the package's search
path if the stamp matches the source as it is now; after any edit it does not, and the pure-Python
modules are imported, so a stale build can never be what runs. ``JIXIAO_PURE=1`` forces pure Python.

The compiled modules are the same source: mypyc turns the typed code into a C extension, about 1.4
times as fast. Nothing else changes, and the test suite runs on both (``./dev test``).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import MutableSequence
from pathlib import Path

CORE = Path(__file__).resolve().parent
NATIVE_DIR = CORE / "_native"
STAMP = "STAMP"
# The modules where the checker spends its time. The result classes stay Python classes (they are
# pickled between import workers and replaced with dataclasses.replace by callers).
COMPILED = ("textutil", "quantities", "targets", "claims", "verdicts", "check")
GROUP = "jixiao.core._native"  # the compiled modules' shared library: jixiao/core/_native__mypyc.*.so


def sources_digest(core: Path = CORE) -> str:
    """A digest of every Python file of the core, and of the interpreter the build is for."""
    h = hashlib.sha256(sys.implementation.cache_tag.encode())
    for path in sorted(core.glob("*.py")):
        h.update(path.name.encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def is_fresh(native_dir: Path = NATIVE_DIR, core: Path = CORE) -> bool:
    """Whether ``native_dir`` holds a build of the core's source as it is now."""
    try:
        stamp = (native_dir / STAMP).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return stamp == sources_digest(core)


def activate(package_path: MutableSequence[str]) -> bool:
    """Put the compiled modules first on ``package_path`` (the core's ``__path__``) when they are fresh."""
    if os.environ.get("JIXIAO_PURE", "") not in ("", "0") or not is_fresh():
        return False
    package_path.insert(0, str(NATIVE_DIR))
    return True


def compiled_modules() -> list[str]:
    """Which of ``COMPILED`` are running as compiled code (imports them)."""
    import importlib

    out = []
    for name in COMPILED:
        mod = importlib.import_module(f"jixiao.core.{name}")
        if not (getattr(mod, "__file__", None) or "").endswith(".py"):
            out.append(name)
    return out
